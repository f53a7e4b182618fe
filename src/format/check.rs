//! Checking documents in bulk: the library half of `involve check`.
//!
//! Each file is read with [`import_bytes`] (so every import check applies),
//! then the verdict and validation are recomputed from its answers with the
//! file's ruleset and the given `today`: the file's own computed sections
//! are never used. Results come back in argument order.
//!
//! Every result names the file's ruleset. The text report ([`render_file`])
//! gives it on a line of its own for every ruleset but `nhse-2017`, so that
//! a 2017 file checks exactly as it did before 2022's ruleset was added; the
//! JSON report gives it for every file. The summary counts files by ruleset,
//! by organisation type (the screening's body), by engaged duty (section of
//! the NHS Act 2006 and limb) and by form section, and the files whose
//! digest was not verified (format 1, or changed outside Involve).
//!
//! The same functions serve the browser's review page, which has file
//! names and bytes rather than paths: [`FileCheck::from_bytes`] per file
//! (it keeps nothing of the bytes), then [`Summary::of`],
//! [`report_json`], [`render_summary`] and `format::csv::csv_report` over
//! the results, so the page and `involve check` give the same counts, JSON
//! and CSV for the same files.
//!
//! This module takes bytes and returns reports: reading files and folders,
//! with the size limit, and spreading the work over threads belong to the
//! command-line tool (`src/bin/involve_cli/files.rs`), as the browser's
//! reading belongs to the app's root.

use super::json::J;
use super::{
    body_code, decision_record, import_bytes, limb_code, section_code, validation_record,
    ymd_string, ImportError, Imported, Note, ValidationSummary, VerdictSummary,
};
use crate::forms::scrutiny::Scrutiny;
use crate::forms::{self, Section};
use crate::model::{Answers, Body, RulesetId, YesNo, Ymd};
use crate::rules::{self, DutyHolder, Limb};
use serde::Serialize;
use std::fmt::Write as _;

/// A file's overall status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read, and validation found no errors (warnings allowed).
    Complete,
    /// Read, with at least one validation error.
    Incomplete,
    /// Could not be read as an Involve document.
    Unreadable,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Complete => "complete",
            Status::Incomplete => "incomplete",
            Status::Unreadable => "unreadable",
        }
    }
}

/// A document that was read, with everything recomputed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The file's ruleset id, e.g. `nhse-2022`.
    pub ruleset: &'static str,
    /// The organisation type whose activity it is ([`organisation_code`]).
    pub organisation: &'static str,
    /// The format version the file had.
    pub version: u64,
    pub verdict: VerdictSummary,
    pub validation: ValidationSummary,
    pub notes: Vec<Note>,
    /// See [`missing_signoff`].
    pub missing_signoff: bool,
    /// Whether the form is signed off: see [`SignOff`].
    pub signed_off: SignOff,
    /// The Appendix B activity title, as typed.
    pub title: String,
    /// The date the form was completed (Appendix B, "Completed by"), when
    /// it is a real date.
    pub completed: Option<Ymd>,
    /// The scrutiny and notification record, where the form asks for one
    /// ([`forms::scrutiny::of`]).
    pub scrutiny: Option<Scrutiny>,
}

/// Whether a form is signed off, for the review table and the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignOff {
    /// Dated, and senior sign-off applies and is filled in.
    Yes,
    /// [`missing_signoff`]: no completion date, or senior sign-off applies
    /// and is not filled in.
    No,
    /// Dated, and senior sign-off is not said to apply.
    NotNeeded,
}

impl SignOff {
    /// Of a form's answers; `No` exactly when [`missing_signoff`].
    pub fn of(a: &Answers) -> SignOff {
        if missing_signoff(a) {
            SignOff::No
        } else if a.b.signoff_applies == Some(YesNo::Yes) {
            SignOff::Yes
        } else {
            SignOff::NotNeeded
        }
    }

    /// Stable code: `yes`, `no`, `not_needed`.
    pub fn code(self) -> &'static str {
        match self {
            SignOff::Yes => "yes",
            SignOff::No => "no",
            SignOff::NotNeeded => "not_needed",
        }
    }

    /// `Yes`, `No` or `Not needed`.
    pub fn label(self) -> &'static str {
        match self {
            SignOff::Yes => "Yes",
            SignOff::No => "No",
            SignOff::NotNeeded => "Not needed",
        }
    }
}

/// One argument's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCheck {
    pub path: String,
    pub outcome: Result<Checked, Unreadable>,
}

/// Why a file could not be read: a stable code and the user message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub code: &'static str,
    pub message: String,
}

impl FileCheck {
    /// Check one file's bytes, named `path` (in the browser, the file's
    /// name): what the command-line tool does once it has read the file. Keeps nothing
    /// of the bytes.
    pub fn from_bytes(path: impl Into<String>, bytes: &[u8], today: Ymd) -> FileCheck {
        FileCheck {
            path: path.into(),
            outcome: check_bytes(bytes, today),
        }
    }

    /// A file larger than [`MAX_BYTES`](super::MAX_BYTES) (`bytes` long),
    /// refused before it is read: the same result the command-line tool gives it.
    pub fn too_large(path: impl Into<String>, bytes: usize) -> FileCheck {
        let e = ImportError::TooLarge { bytes };
        FileCheck {
            path: path.into(),
            outcome: Err(Unreadable {
                code: e.code(),
                message: e.to_string(),
            }),
        }
    }

    /// A file the browser (or the system) could not read at all.
    pub fn could_not_read(path: impl Into<String>) -> FileCheck {
        FileCheck {
            path: path.into(),
            outcome: Err(Unreadable { code: "could_not_read", message: "The file could not be read. Check it still exists and you have permission to read it".into() }),
        }
    }

    pub fn status(&self) -> Status {
        match &self.outcome {
            Ok(c) if c.validation.complete => Status::Complete,
            Ok(_) => Status::Incomplete,
            Err(_) => Status::Unreadable,
        }
    }

    /// Whether the file's digest was not verified: a format 1 file (which
    /// has none, so it was read but cannot be shown to be unchanged), or a
    /// file whose digest is missing or does not match its answers (changed
    /// outside Involve, so it is unreadable).
    pub fn digest_not_verified(&self) -> bool {
        match &self.outcome {
            Ok(c) => c.version < 2,
            Err(u) => matches!(u.code, "digest_missing" | "digest_mismatch"),
        }
    }
}

/// The sign-off is missing when the form has no completion date, or senior
/// sign-off applies and any of its name, job title, email, team or date is
/// blank (Appendix B, "Where senior sign off arrangements apply").
pub fn missing_signoff(a: &Answers) -> bool {
    let b = &a.b;
    if b.completed_by.date.is_blank() {
        return true;
    }
    if b.signoff_applies == Some(YesNo::Yes) {
        let s = &b.signoff;
        let blank = |t: &str| t.trim().is_empty();
        return blank(&s.name)
            || blank(&s.job_title)
            || blank(&s.email)
            || blank(&s.team)
            || s.date.is_blank();
    }
    false
}

/// Recompute everything for an imported document.
pub fn check_imported(doc: &Imported, today: Ymd) -> Checked {
    check_assessed(doc, today, &doc.rules().assess(&doc.answers.screening))
}

/// [`check_imported`] with the rules' assessment of the file's answers
/// already worked out (the review page also reads the file for the annual
/// report, which needs the same assessment: the rules run once a file).
pub fn check_assessed(doc: &Imported, today: Ymd, assessment: &rules::Assessment) -> Checked {
    let report = forms::validate::validate_assessed(&doc.answers, today, assessment);
    Checked {
        ruleset: doc.ruleset,
        organisation: organisation_code(doc.answers.screening.body),
        version: doc.version,
        verdict: VerdictSummary::from(assessment),
        validation: ValidationSummary::from(&report),
        notes: doc.notes.clone(),
        missing_signoff: missing_signoff(&doc.answers),
        signed_off: SignOff::of(&doc.answers),
        title: doc.answers.b.title.clone(),
        completed: forms::dates::parse_date(&doc.answers.b.completed_by.date).ok(),
        scrutiny: forms::scrutiny::of(&doc.answers),
    }
}

/// Every organisation type the summary counts: stable code and short label,
/// in the order the summary lists them. The last is the screening not
/// answered yet.
pub const ORGANISATIONS: [(&str, &str); 6] = [
    ("icb", "ICB"),
    ("nhs_trust", "NHS trust"),
    ("nhs_england", "NHS England"),
    ("joint", "joint working"),
    ("ccg", "CCG"),
    ("not_answered", "not answered"),
];

/// The stable code of the organisation type whose activity it is (the
/// screening's `body`, as stored), or `not_answered`.
pub fn organisation_code(body: Option<Body>) -> &'static str {
    match body {
        Some(Body::Icb) => "icb",
        Some(Body::NhsTrust) => "nhs_trust",
        Some(Body::NhsEngland) => "nhs_england",
        Some(Body::Joint) => "joint",
        Some(Body::Ccg) => "ccg",
        None => "not_answered",
    }
}

/// The short label of an organisation code (the code itself if unknown).
pub fn organisation_label(code: &str) -> &str {
    ORGANISATIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, l)| l)
}

/// The organisation types a ruleset covers, as codes in the order it offers
/// them: its organisations acting alone, then joint working if it has any.
pub fn ruleset_organisations(id: RulesetId) -> Vec<&'static str> {
    let law = rules::law(id);
    let mut out: Vec<&'static str> = law
        .bodies
        .iter()
        .map(|b| organisation_code(Some(b.body)))
        .collect();
    if law.has_joint() {
        out.push(organisation_code(Some(Body::Joint)));
    }
    out
}

/// `involve rulesets`: one line per ruleset, oldest first, with tab-separated
/// id, title and the organisation types it covers; the ruleset new
/// assessments use ends with ` (default)`.
pub fn render_rulesets() -> String {
    let mut out = String::new();
    for id in RulesetId::ALL {
        let law = rules::law(id);
        let covers: Vec<&str> = ruleset_organisations(id)
            .into_iter()
            .map(organisation_label)
            .collect();
        let default = if id.id() == rules::DEFAULT_RULESET {
            " (default)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}{}",
            id.id(),
            law.title,
            covers.join(", "),
            default
        );
    }
    out
}

/// Check the bytes of one file.
pub fn check_bytes(bytes: &[u8], today: Ymd) -> Result<Checked, Unreadable> {
    import_bytes(bytes)
        .map(|doc| check_imported(&doc, today))
        .map_err(|e| Unreadable {
            code: e.code(),
            message: e.to_string(),
        })
}

/// The process exit code: 2 if any file is unreadable, else 1 if any is
/// incomplete, else 0.
pub fn exit_code(checks: &[FileCheck]) -> i32 {
    let statuses: Vec<Status> = checks.iter().map(FileCheck::status).collect();
    if statuses.contains(&Status::Unreadable) {
        2
    } else if statuses.contains(&Status::Incomplete) {
        1
    } else {
        0
    }
}

/// Counts for the assurance table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub complete: usize,
    pub incomplete: usize,
    pub unreadable: usize,
    pub missing_signoff: usize,
    /// See [`FileCheck::digest_not_verified`].
    pub digest_not_verified: usize,
    /// Files per verdict code, in [`VERDICT_CODES`] order.
    pub verdicts: Vec<(&'static str, usize)>,
    /// Readable files per ruleset id, for every ruleset this build knows,
    /// oldest first.
    pub rulesets: Vec<(&'static str, usize)>,
    /// Readable files per organisation code, in [`ORGANISATIONS`] order: the
    /// types the rulesets of the files read cover, and any other type a file
    /// holds (so a set of 2022 files lists no CCG row).
    pub organisations: Vec<(&'static str, usize)>,
    /// Problems per form section, in [`Section::ALL`] order, then `other`
    /// (a path in no section) if any file has one.
    pub sections: Vec<SectionCount>,
    /// Readable files per engaged duty (section of the NHS Act 2006 and
    /// limb), in [`DutyHolder::ALL`] then limb order, only duties some file
    /// engages. A file engaging two duties (joint working) counts in both.
    pub duties: Vec<DutyCount>,
    /// Readable files per [`SCRUTINY_ROWS`] code, in that order: those with a
    /// scrutiny and notification record ([`forms::scrutiny`]), by kind and by
    /// notification. All zero when no file has a record.
    pub scrutiny: Vec<(&'static str, usize)>,
}

/// The scrutiny and notification counts of the summary: (code, label). The
/// first counts every record; the next two split them by kind
/// ([`Scrutiny::code`]); the rest by notification
/// ([`Scrutiny::notification_code`]).
pub const SCRUTINY_ROWS: [(&str, &str); 7] = [
    ("records", "substantial variation"),
    ("consultation", "local authority consulted"),
    ("urgent", "urgent, safety grounds"),
    ("notified", "notified"),
    ("notification_not_recorded", "notification not recorded"),
    ("not_notifiable", "not notifiable"),
    ("not_answered", "notifiable unanswered"),
];

/// The files whose verdict engages one duty: a section and limb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyCount {
    /// [`section_code`](super::section_code), e.g. `14Z45`.
    pub section: &'static str,
    /// `a`, `b` or `c`.
    pub limb: &'static str,
    pub files: usize,
}

impl DutyCount {
    /// Stable key, e.g. `14Z45(2)(a)` or `242(1B)(c)`.
    pub fn key(&self) -> String {
        let sub = if self.section == "242" { "(1B)" } else { "(2)" };
        format!("{}{sub}({})", self.section, self.limb)
    }

    /// For people, e.g. `section 14Z45(2)(a)`.
    pub fn label(&self) -> String {
        format!("section {}", self.key())
    }
}

const LIMBS: [Limb; 3] = [Limb::A, Limb::B, Limb::C];

/// The problems found in one form section across the files read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionCount {
    /// The section's slug (`screening`, `b-step-1`, ..., `plan-c`) or `other`.
    pub section: &'static str,
    /// Files with at least one error in the section: the section is incomplete.
    pub incomplete: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The slug of the form section a validation path belongs to, or `other`.
pub fn section_slug(path: &str) -> &'static str {
    forms::validate::section_of_path(path).map_or("other", Section::slug)
}

/// Every verdict code, in the order the summary lists them.
pub const VERDICT_CODES: [&str; 4] = [
    "applies",
    "does_not_apply",
    "not_required_yet",
    "undetermined",
];

impl Summary {
    pub fn of(checks: &[FileCheck]) -> Summary {
        let mut s = Summary {
            files: checks.len(),
            verdicts: VERDICT_CODES.iter().map(|c| (*c, 0)).collect(),
            scrutiny: SCRUTINY_ROWS.iter().map(|(c, _)| (*c, 0)).collect(),
            rulesets: rules::all().iter().map(|r| (r.id(), 0)).collect(),
            sections: Section::ALL
                .iter()
                .map(|x| SectionCount {
                    section: x.slug(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let mut organisations = [(0usize, false); ORGANISATIONS.len()];
        let mut other = SectionCount {
            section: "other",
            ..Default::default()
        };
        let mut duties: Vec<DutyCount> = DutyHolder::ALL
            .iter()
            .flat_map(|h| {
                LIMBS.iter().map(move |l| DutyCount {
                    section: section_code(*h),
                    limb: limb_code(*l),
                    files: 0,
                })
            })
            .collect();
        for c in checks {
            s.digest_not_verified += usize::from(c.digest_not_verified());
            match c.status() {
                Status::Complete => s.complete += 1,
                Status::Incomplete => s.incomplete += 1,
                Status::Unreadable => s.unreadable += 1,
            }
            let Ok(ok) = &c.outcome else { continue };
            s.missing_signoff += ok.missing_signoff as usize;
            if let Some(x) = &ok.scrutiny {
                for code in ["records", x.code(), x.notification_code()] {
                    if let Some(row) = s.scrutiny.iter_mut().find(|(c, _)| *c == code) {
                        row.1 += 1;
                    }
                }
            }
            if let Some(v) = s
                .verdicts
                .iter_mut()
                .find(|(code, _)| *code == ok.verdict.code)
            {
                v.1 += 1;
            }
            if let Some(r) = s.rulesets.iter_mut().find(|(id, _)| *id == ok.ruleset) {
                r.1 += 1;
            }
            for d in &ok.verdict.duties {
                let section = DutyHolder::ALL
                    .iter()
                    .find(|h| body_code(**h) == d.body)
                    .map(|h| section_code(*h));
                if let Some(x) = duties
                    .iter_mut()
                    .find(|x| Some(x.section) == section && x.limb == d.limb)
                {
                    x.files += 1;
                }
            }
            let covers = RulesetId::from_id(ok.ruleset)
                .map(ruleset_organisations)
                .unwrap_or_default();
            for (i, (code, _)) in ORGANISATIONS.iter().enumerate() {
                organisations[i].0 += usize::from(*code == ok.organisation);
                organisations[i].1 |= covers.contains(code);
            }
            let mut incomplete: Vec<&'static str> = Vec::new();
            for issue in &ok.validation.issues {
                let slug = section_slug(&issue.path);
                let count = match s.sections.iter_mut().find(|x| x.section == slug) {
                    Some(x) => x,
                    None => &mut other,
                };
                if issue.severity == "warning" {
                    count.warnings += 1;
                } else {
                    count.errors += 1;
                    if !incomplete.contains(&slug) {
                        incomplete.push(slug);
                        count.incomplete += 1;
                    }
                }
            }
        }
        s.organisations = ORGANISATIONS
            .iter()
            .zip(organisations)
            .filter(|(_, (n, covered))| *n > 0 || *covered)
            .map(|((code, _), (n, _))| (*code, n))
            .collect();
        if other.errors + other.warnings > 0 {
            s.sections.push(other);
        }
        s.duties = duties.into_iter().filter(|d| d.files > 0).collect();
        s
    }
}

/// Text made safe for a terminal: control characters (other than line
/// breaks) and bidirectional overrides from a file become visible `\u{..}`
/// escapes, so a file cannot retitle, clear or reorder the reader's terminal.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The text report for one file: status line, the ruleset (for any but
/// `nhse-2017`, see the module documentation), verdict headline, issues as
/// `path: message [code]` (warnings marked), and any notes.
pub fn render_file(c: &FileCheck) -> String {
    let mut out = String::new();
    match &c.outcome {
        Ok(ok) => {
            let (e, w) = (ok.validation.errors, ok.validation.warnings);
            let counts = match (e, w) {
                (0, 0) => String::new(),
                _ => format!(
                    " ({} {}, {} {})",
                    e,
                    plural(e, "error", "errors"),
                    w,
                    plural(w, "warning", "warnings")
                ),
            };
            let _ = writeln!(out, "{}: {}{}", c.path, c.status().code(), counts);
            if let Some(line) = ruleset_line(ok.ruleset) {
                let _ = writeln!(out, "  {line}");
            }
            let _ = writeln!(out, "  {} [{}]", ok.verdict.headline, ok.verdict.code);
            if let Some(x) = &ok.scrutiny {
                let _ = writeln!(
                    out,
                    "  Scrutiny and notification: {} [{}, {}]",
                    x.summary(),
                    x.code(),
                    x.notification_code()
                );
            }
            for i in &ok.validation.issues {
                let mark = if i.severity == "warning" {
                    "warning: "
                } else {
                    ""
                };
                let _ = writeln!(out, "  {mark}{}: {} [{}]", i.path, i.message, i.code);
            }
            for n in &ok.notes {
                let _ = writeln!(out, "  note: {n}");
            }
            if ok.missing_signoff {
                let _ = writeln!(
                    out,
                    "  note: The form has not been signed off [missing_signoff]"
                );
            }
        }
        Err(u) => {
            let _ = writeln!(out, "{}: unreadable", c.path);
            let _ = writeln!(out, "  {} [{}]", u.message, u.code);
        }
    }
    out
}

/// The line naming a file's ruleset in the text report, e.g. `Assessed under
/// the 2022 guidance (ICBs, NHS trusts and NHS England) [nhse-2022]`; `None`
/// for `nhse-2017`, the ruleset of every file written before 2022's was added
/// ([`RulesetId::default`]), whose report is as it always was.
pub fn ruleset_line(ruleset: &str) -> Option<String> {
    let id = RulesetId::from_id(ruleset)?;
    (id != RulesetId::default())
        .then(|| format!("Assessed under the {} [{}]", rules::law(id).short, id.id()))
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The one-line total printed after per-file reports.
pub fn render_totals(s: &Summary) -> String {
    format!(
        "{} {}: {} complete, {} incomplete, {} unreadable\n",
        s.files,
        plural(s.files, "file", "files"),
        s.complete,
        s.incomplete,
        s.unreadable
    )
}

/// The assurance table (`--summary`).
pub fn render_summary(checks: &[FileCheck], today: Ymd) -> String {
    let s = Summary::of(checks);
    let mut out = String::new();
    let row = |out: &mut String, label: &str, n: usize| {
        let _ = writeln!(out, "  {label:<28}{n:>8}");
    };
    let _ = writeln!(
        out,
        "Involve check: {} {} (today {})",
        s.files,
        plural(s.files, "file", "files"),
        ymd_string(today)
    );
    let _ = writeln!(out, "\n  {:<28}{:>8}", "Verdict", "Files");
    for (code, n) in &s.verdicts {
        row(&mut out, code, *n);
    }
    let _ = writeln!(out, "\n  {:<28}{:>8}", "Forms", "Files");
    row(&mut out, "complete", s.complete);
    row(&mut out, "incomplete", s.incomplete);
    row(&mut out, "missing sign-off", s.missing_signoff);
    row(&mut out, "unreadable", s.unreadable);
    row(&mut out, "digest not verified", s.digest_not_verified);
    let _ = writeln!(out, "\n  {:<28}{:>8}", "Ruleset", "Files");
    for (id, n) in &s.rulesets {
        row(&mut out, id, *n);
    }
    let _ = writeln!(out, "\n  {:<28}{:>8}", "Organisation", "Files");
    for (code, n) in &s.organisations {
        row(&mut out, organisation_label(code), *n);
    }
    if !s.duties.is_empty() {
        let _ = writeln!(out, "\n  {:<28}{:>8}", "Duty", "Files");
        for d in &s.duties {
            row(&mut out, &d.label(), d.files);
        }
    }
    if s.scrutiny.iter().any(|(_, n)| *n > 0) {
        let _ = writeln!(out, "\n  {:<28}{:>8}", "Scrutiny (regulation 23)", "Files");
        for ((_, n), (_, label)) in s.scrutiny.iter().zip(SCRUTINY_ROWS) {
            row(&mut out, label, *n);
        }
    }
    let _ = writeln!(
        out,
        "\n  {:<28}{:>12}{:>10}{:>10}",
        "Section", "Incomplete", "Errors", "Warnings"
    );
    for x in &s.sections {
        let _ = writeln!(
            out,
            "  {:<28}{:>12}{:>10}{:>10}",
            x.section, x.incomplete, x.errors, x.warnings
        );
    }
    let mut list = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for i in items {
                let _ = writeln!(out, "  {i}");
            }
        }
    };
    list(
        "Incomplete",
        checks
            .iter()
            .filter_map(|c| match &c.outcome {
                Ok(ok) if !ok.validation.complete => Some(format!(
                    "{} ({} {})",
                    c.path,
                    ok.validation.errors,
                    plural(ok.validation.errors, "error", "errors")
                )),
                _ => None,
            })
            .collect(),
    );
    list(
        "Notifiable, notification not recorded",
        checks
            .iter()
            .filter(|c| {
                matches!(&c.outcome, Ok(ok) if ok.scrutiny.as_ref().is_some_and(|x| x.notification_code() == "notification_not_recorded"))
            })
            .map(|c| c.path.clone())
            .collect(),
    );
    list(
        "Missing sign-off",
        checks
            .iter()
            .filter(|c| matches!(&c.outcome, Ok(ok) if ok.missing_signoff))
            .map(|c| c.path.clone())
            .collect(),
    );
    list(
        "Digest not verified",
        checks
            .iter()
            .filter(|c| c.digest_not_verified())
            .map(|c| match &c.outcome {
                Ok(_) => format!("{} (format 1: no digest)", c.path),
                Err(u) => format!("{} [{}]", c.path, u.code),
            })
            .collect(),
    );
    list(
        "Unreadable",
        checks
            .iter()
            .filter_map(|c| {
                c.outcome
                    .as_ref()
                    .err()
                    .map(|u| format!("{}: {} [{}]", c.path, u.message, u.code))
            })
            .collect(),
    );
    out
}

/// The `--json` report: one object with per-file results and the summary.
///
/// Each readable file gives `path`, `status`, `title`, `ruleset`,
/// `organisation`, `version`, `verdict` (the decision record, written by
/// [`decision_record`] exactly as in a document), `validation`,
/// `missing_signoff`, `signed_off` ([`SignOff::code`]), `completed`
/// (`YYYY-MM-DD` or `null`), `scrutiny` (see [`scrutiny_record`]; `null`
/// where the form asks for no record) and `notes`; an unreadable one `path`, `status`
/// and `error` (`code`, `message`). Keys are in alphabetical order.
pub fn report_json(checks: &[FileCheck], today: Ymd) -> String {
    let files: Vec<J> = checks
        .iter()
        .map(|c| match &c.outcome {
            Ok(ok) => J::Obj(vec![
                ("path", J::Str(&c.path)),
                ("status", J::Str(c.status().code())),
                ("title", J::Str(&ok.title)),
                ("ruleset", J::Str(ok.ruleset)),
                ("organisation", J::Str(ok.organisation)),
                ("version", J::Num(ok.version)),
                ("verdict", decision_record(&ok.verdict)),
                ("validation", validation_record(&ok.validation)),
                ("missing_signoff", J::Bool(ok.missing_signoff)),
                ("signed_off", J::Str(ok.signed_off.code())),
                (
                    "completed",
                    ok.completed.map_or(J::Null, |d| J::Owned(ymd_string(d))),
                ),
                (
                    "scrutiny",
                    ok.scrutiny.as_ref().map_or(J::Null, scrutiny_record),
                ),
                (
                    "notes",
                    J::Arr(
                        ok.notes
                            .iter()
                            .map(|n| {
                                J::Obj(vec![
                                    ("code", J::Str(n.code)),
                                    ("path", J::Str(&n.path)),
                                    ("message", J::Str(&n.message)),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ]),
            Err(u) => J::Obj(vec![
                ("path", J::Str(&c.path)),
                ("status", J::Str("unreadable")),
                (
                    "error",
                    J::Obj(vec![
                        ("code", J::Str(u.code)),
                        ("message", J::Str(&u.message)),
                    ]),
                ),
            ]),
        })
        .collect();
    let s = Summary::of(checks);
    let counts = |c: &[(&str, usize)]| {
        J::Map(
            c.iter()
                .map(|(k, n)| (k.to_string(), J::Num(*n as u64)))
                .collect(),
        )
    };
    let sections = J::Map(
        s.sections
            .iter()
            .map(|x| {
                let row = J::Obj(vec![
                    ("incomplete", J::Num(x.incomplete as u64)),
                    ("errors", J::Num(x.errors as u64)),
                    ("warnings", J::Num(x.warnings as u64)),
                ]);
                (x.section.to_string(), row)
            })
            .collect(),
    );
    let doc = J::Obj(vec![
        ("today", J::Owned(ymd_string(today))),
        ("exit_code", J::Num(exit_code(checks) as u64)),
        (
            "summary",
            J::Obj(vec![
                ("files", J::Num(s.files as u64)),
                ("complete", J::Num(s.complete as u64)),
                ("incomplete", J::Num(s.incomplete as u64)),
                ("unreadable", J::Num(s.unreadable as u64)),
                ("missing_signoff", J::Num(s.missing_signoff as u64)),
                ("digest_not_verified", J::Num(s.digest_not_verified as u64)),
                ("verdicts", counts(&s.verdicts)),
                ("scrutiny", counts(&s.scrutiny)),
                ("rulesets", counts(&s.rulesets)),
                ("organisations", counts(&s.organisations)),
                ("sections", sections),
                (
                    "duties",
                    J::Map(
                        s.duties
                            .iter()
                            .map(|d| (d.key(), J::Num(d.files as u64)))
                            .collect(),
                    ),
                ),
            ]),
        ),
        ("files", J::Arr(files)),
    ]);
    // Keys in byte order, as the report has always had them.
    let mut text = doc.sorted().pretty();
    text.push('\n');
    text
}

/// A scrutiny and notification record in the `--json` report: `kind`
/// ([`Scrutiny::code`]), `notification` ([`Scrutiny::notification_code`]),
/// `committee`, the dates as `YYYY-MM-DD` or `null` (`proposal_date`,
/// `comments_date`, `decision_date` and `notified_date` for a consultation,
/// `told_date` for an urgent change) and `summary`, the sentence the text
/// report gives.
fn scrutiny_record(x: &Scrutiny) -> J<'static> {
    use forms::scrutiny::Scrutiny as S;
    let day = |d: &Option<Ymd>| d.map_or(J::Null, |d| J::Owned(ymd_string(d)));
    let mut fields = vec![
        ("kind", J::Str(x.code())),
        ("notification", J::Str(x.notification_code())),
        ("summary", J::Owned(x.summary())),
    ];
    match x {
        S::Consultation {
            committee,
            proposed,
            comments_due,
            decision_by,
            ..
        } => fields.extend([
            ("committee", J::Owned(committee.clone())),
            ("proposal_date", day(proposed)),
            ("comments_date", day(comments_due)),
            ("decision_date", day(decision_by)),
            ("notified_date", day(&x.notified())),
        ]),
        S::Urgent { committee, told } => fields.extend([
            ("committee", J::Owned(committee.clone())),
            ("told_date", day(told)),
        ]),
    }
    J::Obj(fields)
}

/// The civil (proleptic Gregorian) date of a count of days since
/// 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> Ymd {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Ymd { year, month, day }
}

/// Parse `YYYY-MM-DD` (for `--today`); checks the calendar.
pub fn parse_ymd(s: &str) -> Option<Ymd> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Ymd { year, month, day })
}
