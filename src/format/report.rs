//! The annual report: what a set of Involve files shows about a period, for
//! an ICB's annual report (NHS Act 2006 s.14Z58 asks it to explain how the
//! ICB discharged its duties, s.14Z45 among them), a trust's or a board's.
//!
//! One implementation for the browser's review page and `involve report`:
//! each file's bytes become an [`Entry`] ([`Entry::from_bytes`], keeping
//! only what the report needs), [`AnnualReport::new`] chooses the entries in
//! the period (and of the organisation asked for), and [`AnnualReport::doc`]
//! and [`AnnualReport::csv`] write it.
//!
//! The person picks which date puts a file in the period ([`DateBasis`]):
//! by default its senior sign-off date when it has a real one, and otherwise
//! its completion date; or its decision date, the completion date ("Completed
//! by", the date the form records the decision on the duty) alone. A file
//! with no such date, one dated outside the period, one of
//! another organisation and one that cannot be read are left out, each with
//! the reason. The wording says what the files show and nothing more: that
//! N files were assessed, not that N activities happened.

use super::check::{self, organisation_label, SignOff, Unreadable};
use super::document::{assessment, Doc};
use super::{import_bytes, VerdictSummary};
use crate::forms::dates::parse_date;
use crate::forms::scrutiny::Scrutiny;
use crate::model::{Answers, YesNo, Ymd};
use crate::rules::Ruleset;

/// How long one "how people were involved" answer may be in the report's
/// table; longer answers are shortened (the file holds them whole).
pub const MAX_INVOLVEMENT: usize = 400;

/// One file as the report reads it: an [`Entry`], or the file and why it
/// cannot be read.
pub type Read = Result<Entry, (String, Unreadable)>;

/// One file's check (as `involve check` gives it) and its report entry,
/// from one import: what the review page keeps of each file it reads.
pub fn check_and_read(
    path: impl Into<String>,
    bytes: &[u8],
    today: Ymd,
) -> (check::FileCheck, Read) {
    let path = path.into();
    match import_bytes(bytes) {
        Ok(doc) => {
            let assessment = doc.rules().assess(&doc.answers.screening);
            let entry = Entry::assessed(path.clone(), &doc.answers, doc.rules(), &assessment);
            (
                check::FileCheck {
                    path,
                    outcome: Ok(check::check_assessed(&doc, today, &assessment)),
                },
                Ok(entry),
            )
        }
        Err(e) => {
            let u = Unreadable {
                code: e.code(),
                message: e.to_string(),
            };
            (
                check::FileCheck {
                    path: path.clone(),
                    outcome: Err(u.clone()),
                },
                Err((path, u)),
            )
        }
    }
}

/// The report's reading of a file that was never read (too large, or the
/// browser could not read it): the reason its check gives.
pub fn unread(c: &check::FileCheck) -> Read {
    match &c.outcome {
        Err(u) => Err((c.path.clone(), u.clone())),
        Ok(_) => Err((
            c.path.clone(),
            Unreadable {
                code: "could_not_read",
                message: "The file could not be read".into(),
            },
        )),
    }
}

/// The period and organisation as a person types them (GOV.UK date
/// pattern: day, month and year boxes), checked into a [`Query`] with
/// every problem as (field id, message).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryInput {
    pub from: crate::model::DateInput,
    pub to: crate::model::DateInput,
    pub organisation: String,
    pub by: DateBasis,
}

/// Which of a file's dates puts it in the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateBasis {
    /// The senior sign-off date, or the completion date when the file has
    /// no real sign-off date.
    #[default]
    SignOff,
    /// The decision date: the completion date, the date the form records
    /// the decision on the duty.
    Decision,
}

impl DateBasis {
    /// Stable code: `signoff` or `decision` (`involve report --by`).
    pub fn code(self) -> &'static str {
        match self {
            DateBasis::SignOff => "signoff",
            DateBasis::Decision => "decision",
        }
    }

    pub fn from_code(code: &str) -> Option<DateBasis> {
        [DateBasis::SignOff, DateBasis::Decision]
            .into_iter()
            .find(|b| b.code() == code)
    }

    /// The sentence the report gives about how files were dated.
    pub fn words(self) -> &'static str {
        match self {
            DateBasis::SignOff => "A file is dated by its senior sign-off date, or by its completion date when it has no sign-off date.",
            DateBasis::Decision => "A file is dated by its completion date, the date the form records the decision on the duty.",
        }
    }
}

/// The ids of the report's start and end date fields (their day box is
/// `{id}-day`).
pub const FROM_ID: &str = "report-from";
pub const TO_ID: &str = "report-to";

impl QueryInput {
    pub fn check(&self) -> Result<Query, Vec<(&'static str, &'static str)>> {
        use crate::forms::dates::DateProblem;
        let date = |d: &crate::model::DateInput,
                    id: &'static str,
                    blank: &'static str,
                    not_real: &'static str| match parse_date(d) {
            Ok(y) => Ok(y),
            Err(DateProblem::Blank) => Err((id, blank)),
            Err(_) => Err((id, not_real)),
        };
        let from = date(
            &self.from,
            FROM_ID,
            "Enter the start of the period",
            "The start of the period must be a real date, for example 1 4 2026",
        );
        let to = date(
            &self.to,
            TO_ID,
            "Enter the end of the period",
            "The end of the period must be a real date, for example 31 3 2027",
        );
        match (from, to) {
            (Ok(from), Ok(to)) if from > to => Err(vec![(
                TO_ID,
                "The end of the period must be the same as or after the start",
            )]),
            (Ok(from), Ok(to)) => {
                let o = self.organisation.trim();
                Ok(Query {
                    from,
                    to,
                    organisation: (!o.is_empty()).then(|| o.to_string()),
                    by: self.by,
                })
            }
            (from, to) => Err([from.err(), to.err()].into_iter().flatten().collect()),
        }
    }
}

/// What the report keeps of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The file's name or path, as given.
    pub path: String,
    pub title: String,
    /// Organisation type code ([`check::organisation_code`]).
    pub organisation: &'static str,
    /// What the form says of the organisation: Location, and the teams of
    /// the person completing it and of the one signing it off.
    pub organisation_words: Vec<String>,
    pub ruleset: &'static str,
    pub verdict: VerdictSummary,
    /// Completion ("Completed by") date, when it is a real date.
    pub completed: Option<Ymd>,
    /// Senior sign-off date, when it is a real date.
    pub signed: Option<Ymd>,
    pub signed_off: SignOff,
    /// How people were involved: (what, answer) from Steps 4 and 5 and
    /// Appendix C, only those answered.
    pub involvement: Vec<(&'static str, String)>,
    /// The scrutiny and notification record, where the form asks for one.
    pub scrutiny: Option<Scrutiny>,
}

impl Entry {
    /// The file's bytes, read as `involve check` reads them.
    pub fn from_bytes(
        path: impl Into<String>,
        bytes: &[u8],
        today: Ymd,
    ) -> Result<Entry, (String, Unreadable)> {
        let path = path.into();
        match import_bytes(bytes) {
            Ok(doc) => Ok(Entry::of(path, &doc.answers, doc.rules(), today)),
            Err(e) => Err((
                path,
                Unreadable {
                    code: e.code(),
                    message: e.to_string(),
                },
            )),
        }
    }

    /// The entry for a file's answers, assessed under `rules`.
    pub fn of(path: String, a: &Answers, rules: &dyn Ruleset, _today: Ymd) -> Entry {
        Entry::assessed(path, a, rules, &rules.assess(&a.screening))
    }

    /// [`Entry::of`] with the rules' assessment of `a` already worked out.
    pub fn assessed(
        path: String,
        a: &Answers,
        rules: &dyn Ruleset,
        assessment: &crate::rules::Assessment,
    ) -> Entry {
        let text = |s: &str| {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.chars().count() > MAX_INVOLVEMENT {
                let cut: String = s.chars().take(MAX_INVOLVEMENT).collect();
                format!("{cut}\u{2026} (shortened)")
            } else {
                s
            }
        };
        let mut involvement = Vec::new();
        let mut add = |what: &'static str, answer: &str| {
            if !answer.trim().is_empty() {
                involvement.push((what, text(answer)));
            }
        };
        match a.b.additional_required {
            Some(YesNo::Yes) => add("Additional arrangements for involvement", "Yes"),
            Some(YesNo::No) => add("Additional arrangements for involvement", "No"),
            None => {}
        }
        add("Approach", &a.b.additional_approach);
        add("How participation influenced the activity", &a.b.impact_use);
        add("Feedback to people", &a.b.feedback);
        add("Target audiences", &a.c.target_audiences);
        add("Methods", &a.c.methods);
        Entry {
            path,
            title: a.b.title.trim().to_string(),
            organisation: check::organisation_code(a.screening.body),
            organisation_words: [&a.b.location, &a.b.completed_by.team, &a.b.signoff.team]
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            ruleset: rules.id(),
            verdict: VerdictSummary::from(assessment),
            completed: parse_date(&a.b.completed_by.date).ok(),
            signed: if a.b.signoff_applies == Some(YesNo::Yes) {
                parse_date(&a.b.signoff.date).ok()
            } else {
                None
            },
            signed_off: SignOff::of(a),
            involvement,
            scrutiny: crate::forms::scrutiny::of(a),
        }
    }

    /// The date the report files it under by default: sign-off, else completion.
    pub fn date(&self) -> Option<Ymd> {
        self.date_by(DateBasis::SignOff)
    }

    /// The date the report files it under when dating by `by`.
    pub fn date_by(&self, by: DateBasis) -> Option<Ymd> {
        match by {
            DateBasis::SignOff => self.signed.or(self.completed),
            DateBasis::Decision => self.completed,
        }
    }

    /// Whether the organisation asked for is this file's: its type (code or
    /// label, e.g. `icb`, `NHS trust`) or words in its Location or teams,
    /// ignoring case.
    pub fn is_of(&self, organisation: &str) -> bool {
        let want = organisation.trim().to_lowercase();
        want.is_empty()
            || self.organisation == want
            || organisation_label(self.organisation).to_lowercase() == want
            || self
                .organisation_words
                .iter()
                .any(|w| w.to_lowercase().contains(&want))
    }

    /// The engaged duties as `section 14Z45(2)(c)`.
    pub fn duties(&self) -> Vec<String> {
        self.verdict
            .duties
            .iter()
            .map(|d| {
                format!(
                    "section {}{}({})",
                    d.section,
                    if d.section == "242" { "(1B)" } else { "(2)" },
                    d.limb
                )
            })
            .collect()
    }
}

/// The period and organisation asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub from: Ymd,
    pub to: Ymd,
    /// An organisation type or name; `None` for every file.
    pub organisation: Option<String>,
    /// Which date puts a file in the period.
    pub by: DateBasis,
}

/// The report: the files in the period, and those left out and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnualReport {
    pub query: Query,
    /// How many files were given.
    pub files: usize,
    /// The files in the period (and of the organisation), by date then path.
    pub entries: Vec<Entry>,
    /// (file, why it was left out), in the order given.
    pub left_out: Vec<(String, String)>,
    /// The day the report was made.
    pub today: Ymd,
}

fn dmy(d: Ymd) -> String {
    crate::forms::dates::format_dmy(d)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl AnnualReport {
    pub fn new(
        read: Vec<Result<Entry, (String, Unreadable)>>,
        query: Query,
        today: Ymd,
    ) -> AnnualReport {
        let files = read.len();
        let mut entries = Vec::new();
        let mut left_out = Vec::new();
        for r in read {
            match r {
                Err((path, u)) => left_out.push((
                    path,
                    format!("Could not be read: {} [{}]", u.message, u.code),
                )),
                Ok(e) => match e.date_by(query.by) {
                    None => left_out.push((
                        e.path,
                        match query.by {
                            DateBasis::SignOff => "Has no sign-off or completion date",
                            DateBasis::Decision => "Has no completion date",
                        }
                        .to_string(),
                    )),
                    Some(d) if d < query.from || d > query.to => left_out.push((
                        e.path,
                        format!(
                            "{} {}, outside the period",
                            match query.by {
                                DateBasis::SignOff => "Dated",
                                DateBasis::Decision => "Completed",
                            },
                            dmy(d)
                        ),
                    )),
                    Some(_) if !query.organisation.as_deref().is_none_or(|o| e.is_of(o)) => {
                        left_out.push((
                            e.path,
                            format!(
                                "Not {}'s: {}",
                                query.organisation.as_deref().unwrap_or(""),
                                organisation_label(e.organisation)
                            ),
                        ))
                    }
                    Some(_) => entries.push(e),
                },
            }
        }
        entries.sort_by(|a, b| {
            a.date_by(query.by)
                .cmp(&b.date_by(query.by))
                .then_with(|| a.path.cmp(&b.path))
        });
        AnnualReport {
            query,
            files,
            entries,
            left_out,
            today,
        }
    }

    /// Files per verdict: (verdict headline, count), every verdict listed.
    pub fn verdicts(&self) -> Vec<(&'static str, usize)> {
        check::VERDICT_CODES
            .iter()
            .map(|c| {
                let n = self.entries.iter().filter(|e| e.verdict.code == *c).count();
                (
                    crate::rules::Verdict::from_code(c).map_or("", |v| v.headline()),
                    n,
                )
            })
            .collect()
    }

    /// Files per engaged duty (section and limb), in the order first met
    /// sorted by key; a file engaging two duties counts in both.
    pub fn duties(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for e in &self.entries {
            for d in e.duties() {
                match out.iter_mut().find(|(k, _)| *k == d) {
                    Some((_, n)) => *n += 1,
                    None => out.push((d, 1)),
                }
            }
        }
        out.sort();
        out
    }

    /// The files in the period where the duty applied.
    pub fn applied(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.verdict.code == "applies")
    }

    fn period(&self) -> String {
        use crate::forms::dates::format_ymd;
        format!(
            "{} to {}",
            format_ymd(self.query.from),
            format_ymd(self.query.to)
        )
    }

    /// The report as a document.
    pub fn doc(&self) -> Doc {
        let title = format!(
            "Duty to involve the public: files assessed from {}",
            self.period()
        );
        let mut doc = Doc::new(
            title.clone(),
            "Annual report: the duty to involve the public, from Involve files",
        );
        doc.heading(1, title);
        let who = match &self.query.organisation {
            Some(o) => format!(" and of the organisation \u{201c}{}\u{201d}", o.trim()),
            None => String::new(),
        };
        doc.para(format!(
            "This summary describes the Involve files it was given: {} given, {} dated in the period{who}. {} It says what the files show; an activity with no file here is not counted.",
            plural(self.files, "file was", "files were"),
            plural(self.entries.len(), "is", "are"),
            self.query.by.words()
        ));
        doc.heading(2, "Activities assessed");
        doc.para(format!(
            "{} assessed in the period.",
            plural(self.entries.len(), "activity was", "activities were")
        ));
        doc.table(
            &["Verdict", "Files"],
            self.verdicts()
                .into_iter()
                .map(|(v, n)| vec![v.to_string(), n.to_string()])
                .collect(),
        );
        doc.heading(2, "Duties engaged");
        let duties = self.duties();
        if duties.is_empty() {
            doc.para("No file in the period engages a duty.");
        } else {
            doc.para("Files whose answers engage each duty, by section of the NHS Act 2006 and limb. A file of joint working can engage more than one.");
            doc.table(
                &["Duty (section and limb)", "Files"],
                duties
                    .into_iter()
                    .map(|(d, n)| vec![d, n.to_string()])
                    .collect(),
            );
        }
        doc.heading(2, "Activities where the duty applied");
        let applied: Vec<&Entry> = self.applied().collect();
        if applied.is_empty() {
            doc.para("No file in the period says the duty applied.");
        } else {
            doc.para("How people were involved is taken from Appendix B Steps 4 and 5 and Appendix C as the files hold them.");
            doc.table_with_widths(
                &[
                    "Activity",
                    "Organisation",
                    "Dates",
                    "Duty",
                    "How people were involved",
                    "Signed off",
                ],
                &[17, 17, 14, 14, 28, 10],
                applied
                    .iter()
                    .map(|e| {
                        vec![
                            title_of(e),
                            organisation_label(e.organisation).to_string()
                                + &if e.organisation_words.is_empty() {
                                    String::new()
                                } else {
                                    format!("\n{}", e.organisation_words.join("\n"))
                                },
                            dates(e),
                            e.duties().join("\n"),
                            if e.involvement.is_empty() {
                                assessment::NOT_PROVIDED.to_string()
                            } else {
                                e.involvement
                                    .iter()
                                    .map(|(w, a)| format!("{w}: {a}"))
                                    .collect::<Vec<_>>()
                                    .join("\n")
                            },
                            e.signed_off.label().to_string(),
                        ]
                    })
                    .collect(),
            );
        }
        doc.heading(2, "Substantial developments and variations");
        let records: Vec<(&Entry, &Scrutiny)> = self
            .entries
            .iter()
            .filter_map(|e| e.scrutiny.as_ref().map(|x| (e, x)))
            .collect();
        if records.is_empty() {
            doc.para("No file in the period records a proposal for a substantial development or variation of the health service.");
        } else {
            doc.para("The consultation of the local authority (regulation 23 of SI 2013/218) and the notification of a reconfiguration (Schedule 10A to the NHS Act 2006), as each file records them. A file written under the 2017 guidance has no such record.");
            doc.table_with_widths(
                &["Activity", "Local authority", "Notification"],
                &[30, 45, 25],
                records
                    .iter()
                    .map(|(e, x)| vec![title_of(e), x.consultation_words(), x.notification_words()])
                    .collect(),
            );
        }
        doc.heading(2, "Files left out");
        if self.left_out.is_empty() {
            doc.para("No file was left out.");
        } else {
            doc.table(
                &["File", "Why it was left out"],
                self.left_out
                    .iter()
                    .map(|(p, w)| vec![p.clone(), w.clone()])
                    .collect(),
            );
        }
        doc.heading(2, "About this summary");
        doc.para(format!("Made by Involve on {} from the answers in the files, each assessed again under the rules it was written under. The files, not this summary, are the record.", crate::forms::dates::format_ymd(self.today)));
        let dropped = doc.sanitise();
        if dropped > 0 {
            doc.para(format!("{} in the files could not be written to this summary (control characters) and were left out.", plural(dropped, "character", "characters")));
        }
        doc
    }

    /// The report as CSV for Excel: one row per file given, those left out
    /// included with the reason (RFC 4180 with a byte order mark, cells
    /// that could run as a formula neutralised, as `involve check --csv`).
    pub fn csv(&self) -> String {
        let mut out = String::from(super::csv::BOM);
        out.push_str(&super::csv::record(&[
            "File",
            "Title",
            "Organisation",
            "Ruleset",
            "Verdict",
            "Duties",
            "Completion date",
            "Sign-off date",
            "Signed off",
            "Scrutiny and notification",
            "How people were involved",
            "In the period",
            "Why left out",
        ]));
        let day = |d: Option<Ymd>| d.map(dmy).unwrap_or_default();
        for e in &self.entries {
            out.push_str(&super::csv::record(&[
                e.path.clone(),
                e.title.clone(),
                organisation_label(e.organisation).to_string(),
                e.ruleset.to_string(),
                e.verdict.headline.to_string(),
                e.duties().join("; "),
                day(e.completed),
                day(e.signed),
                e.signed_off.label().to_string(),
                e.scrutiny.as_ref().map_or(String::new(), |x| x.summary()),
                e.involvement
                    .iter()
                    .map(|(w, a)| format!("{w}: {a}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                "Yes".to_string(),
                String::new(),
            ]));
        }
        for (p, why) in &self.left_out {
            let mut row = vec![String::new(); 13];
            row[0] = p.clone();
            row[11] = "No".into();
            row[12] = why.clone();
            out.push_str(&super::csv::record(&row));
        }
        out
    }
}

fn title_of(e: &Entry) -> String {
    if e.title.is_empty() {
        format!("Untitled ({})", e.path)
    } else {
        e.title.clone()
    }
}

fn dates(e: &Entry) -> String {
    let mut parts = Vec::new();
    if let Some(d) = e.completed {
        parts.push(format!("Completed\n{}", dmy(d)));
    }
    if let Some(d) = e.signed {
        parts.push(format!("Signed off\n{}", dmy(d)));
    }
    parts.join("\n")
}
