//! What an assessment's document holds, chosen once for `.odt` and `.docx`,
//! the browser's downloads and `involve export`.
//!
//! In order: the title (heading 1); the organisation and the rules used, in
//! words and by id; the decision (verdict, each engaged duty with its
//! section and limb, what is missing, the reasons with their citations, and
//! the actions a person must and should take, with theirs); then every
//! section of the forms as check answers lays them out (`Section::ALL` in
//! its order, each shown question's label and answer, "Not provided" for
//! none; milestones and risks as tables with a header row); and last a note
//! tracing the paper back to its file: the digest of the answers, the file's
//! created and updated times, the day the document was made, and whether
//! any characters were dropped.

use super::Doc;
use crate::forms::access::{self, is_shown, Value};
use crate::forms::catalogue::{Kind, MILESTONE_DATE, MILESTONE_WHAT, RISK, RISK_ACTION};
use crate::forms::dates::display_date;
use crate::forms::{wording, Section};
use crate::model::{Answers, Ymd};
use crate::rules::{self, Ruleset};

/// The subject written in every assessment document's metadata.
pub const SUBJECT: &str =
    "Duty to involve the public: assessment and engagement plan (Appendix B and Appendix C)";

/// Said for an answer that was not given, as on check answers.
pub const NOT_PROVIDED: &str = "Not provided";

/// Where the answers come from, and the day the document is made.
pub struct Source<'a> {
    pub answers: &'a Answers,
    /// The file's `created` and `updated` (RFC 3339), when it has them.
    pub created: Option<&'a str>,
    pub updated: Option<&'a str>,
    /// The day the document is made (the domain never reads a clock).
    pub today: Ymd,
    /// The organisation's name, when the organisation's settings give it.
    pub organisation_name: Option<&'a str>,
}

/// The title an assessment goes by: the Appendix B title, or a stand-in.
pub fn title(a: &Answers) -> String {
    let t = a.b.title.trim();
    if t.is_empty() {
        "Untitled assessment".to_string()
    } else {
        t.to_string()
    }
}

/// Text answers keep their paragraphs: one paragraph per non-blank line.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
}

/// The decision: verdict, duties, missing answers, reasons and actions.
pub fn decision(doc: &mut Doc, a: &Answers) {
    let law = rules::law(a.screening.ruleset);
    let assessment = law.assess(&a.screening);
    doc.heading(2, "Decision");
    doc.para(format!(
        "Decision under the {}: {}.",
        law.short,
        assessment.headline()
    ));
    if !assessment.duties.is_empty() {
        doc.heading(3, "Duties engaged");
        doc.bullets(assessment.duties.iter().map(|d| {
            format!(
                "Duty of {} under {}{}",
                d.holder.name(),
                d.holder.section(),
                d.holder.limb_label(d.limb)
            )
        }));
    }
    if !assessment.missing.is_empty() {
        doc.heading(3, "Answer these questions to get a decision");
        doc.bullets(assessment.missing.iter().map(|id| {
            wording::field(&a.screening, id)
                .map(|f| f.label)
                .unwrap_or("A screening question")
                .to_string()
        }));
    }
    for (obligation, heading) in [
        (true, "What you must do"),
        (false, "What you should consider"),
    ] {
        let items: Vec<String> = assessment
            .actions
            .iter()
            .filter(|x| x.obligation == obligation)
            .map(|x| {
                format!(
                    "{} ({}: {})",
                    x.text,
                    if x.obligation { "must" } else { "should" },
                    x.citation
                )
            })
            .collect();
        if !items.is_empty() {
            doc.heading(3, heading);
            doc.bullets(items);
        }
    }
    if !assessment.reasons.is_empty() {
        doc.heading(3, "How this was decided");
        let items = assessment
            .reasons
            .iter()
            .map(|r| {
                vec![
                    r.question.clone(),
                    format!("Your answer: {}", r.answer),
                    r.consequence.clone(),
                    format!("Source: {}", r.citation),
                ]
            })
            .collect();
        doc.blocks.push(super::Block::List {
            ordered: true,
            items,
        });
    }
}

/// One question's answer, as check answers shows it.
fn answer(doc: &mut Doc, a: &Answers, id: &str, kind: Kind) {
    match (kind, access::get(a, id)) {
        (Kind::Milestones, Some(Value::Milestones(rows))) if rows.iter().any(|m| !m.is_blank()) => {
            let rows = rows
                .iter()
                .filter(|m| !m.is_blank())
                .map(|m| {
                    vec![
                        m.what.trim().to_string(),
                        display_date(&m.date).unwrap_or_default(),
                    ]
                })
                .collect();
            doc.table(&[MILESTONE_WHAT, MILESTONE_DATE], rows);
        }
        (Kind::Risks, Some(Value::Risks(rows))) if rows.iter().any(|r| !r.is_blank()) => {
            let rows = rows
                .iter()
                .filter(|r| !r.is_blank())
                .map(|r| vec![r.risk.trim().to_string(), r.action.trim().to_string()])
                .collect();
            doc.table(&[RISK, RISK_ACTION], rows);
        }
        _ => match access::display_lines(a, id) {
            None => doc.para(NOT_PROVIDED),
            Some(lines) if matches!(kind, Kind::Checkboxes(..)) => doc.bullets(lines),
            Some(lines) => {
                let mut any = false;
                for l in lines.iter().flat_map(|l| paragraphs(l)) {
                    doc.para(l);
                    any = true;
                }
                if !any {
                    doc.para(NOT_PROVIDED);
                }
            }
        },
    }
}

/// Every section as check answers lays it out: its title, then each shown
/// question's label and answer.
pub fn sections(doc: &mut Doc, a: &Answers) {
    for s in Section::ALL {
        doc.heading(2, s.title());
        for f in wording::section_fields(&a.screening, s).filter(|f| is_shown(f, a)) {
            doc.label(f.label);
            answer(doc, a, f.id, f.kind);
        }
    }
}

/// The whole document for one assessment.
pub fn document(src: &Source) -> Doc {
    let a = src.answers;
    let law = rules::law(a.screening.ruleset);
    let title = title(a);
    let mut doc = Doc::new(title.clone(), SUBJECT);
    doc.heading(1, title);
    let organisation_type = a
        .screening
        .body
        .and_then(|b| {
            wording::option_label(
                &a.screening,
                "screening.body",
                crate::forms::access::Code::code(b),
            )
        })
        .unwrap_or(NOT_PROVIDED);
    match src.organisation_name {
        Some(name) if !name.trim().is_empty() => doc.para(format!(
            "Organisation: {} ({})",
            name.trim(),
            organisation_type
        )),
        _ => doc.para(format!("Organisation: {organisation_type}")),
    }
    doc.para(format!(
        "Rules used: {} (ruleset {})",
        law.title,
        law.id.id()
    ));
    decision(&mut doc, a);
    sections(&mut doc, a);
    let dropped = doc.sanitise();
    doc.heading(2, "About this document");
    doc.para(format!("Made by Involve on {} from the answers in an Involve file. The file, not this document, is the record: check a copy against it with the digest below.", crate::forms::dates::format_ymd(src.today)));
    doc.para(format!(
        "Digest of the answers: {}",
        crate::format::digest(law.id.id(), a)
    ));
    for (label, at) in [
        ("File created", src.created),
        ("File last updated", src.updated),
    ] {
        let Some(at) = at else { continue };
        doc.para(match crate::forms::dates::format_timestamp(at) {
            Some(words) => format!("{label}: {words} ({at})"),
            None => format!("{label}: {at}"),
        });
    }
    if dropped > 0 {
        doc.para(format!(
            "{dropped} character{} in the answers could not be written to this document (control characters) and {} left out. The file still holds them.",
            if dropped == 1 { "" } else { "s" },
            if dropped == 1 { "was" } else { "were" }
        ));
    }
    // The note's own text is clean, but the created/updated times come from the file.
    doc.sanitise();
    doc
}
