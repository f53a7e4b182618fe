//! The versioned JSON document: export, import, migration and digest.
//!
//! # The document (format version 2)
//!
//! ```json
//! {
//!   "format": "involve",
//!   "version": 2,
//!   "ruleset": "nhse-2017",
//!   "created": "2026-11-21T09:30:00Z",
//!   "updated": "2026-11-21T10:05:00Z",
//!   "title": "GP practice closure",
//!   "answers": { "screening": {...}, "b": {...}, "c": {...} },
//!   "verdict": { "code": "applies", "headline": "...", "duties": [{"body": "ccg", "section": "14Z2", "limb": "b"}],
//!                "reasons": [{"node": "step_1", "question": "...", "answer": "...", "consequence": "...", "citation": "..."}],
//!                "actions": [{"code": "...", "text": "...", "obligation": "must", "citation": "..."}] },
//!   "validation": { "complete": false, "errors": 2, "warnings": 0, "issues": [{"path": "...", "code": "...", "message": "...", "severity": "error"}] },
//!   "digest": "sha256:<64 lowercase hex digits>"
//! }
//! ```
//!
//! `schema/involve-document.schema.json` describes it exactly (tests keep
//! the two in step). `created` and `updated` are RFC 3339 strings the caller
//! passes in: the domain never reads a clock.
//!
//! **Only the answers are trusted.** `title`, `verdict` and `validation` are
//! informative copies for people and other tools; import ignores them and the
//! caller recomputes them from the answers. The digest does not cover them
//! either, so editing them neither breaks the digest nor changes anything
//! Involve reads.
//!
//! `verdict` is the decision record ([`decision_record`]): the verdict code
//! and headline, the engaged duties, the `reasons` in the order the process
//! takes them (each with the `node` of the process diagram it belongs to,
//! the `question`, the `answer` given, the `consequence` and the `citation`
//! in the guidance or the Act) and the `actions` (each with a stable `code`,
//! its `text`, `obligation` `must` for an obligation or `should` for a
//! recommendation, and the `citation`). Documents written before the record
//! was added have no `reasons` or `actions`; they import as before.
//!
//! # The digest
//!
//! `digest` is `"sha256:"` followed by the lowercase hex SHA-256 of the
//! *content* ([`canonical_content`]): the compact serialisation of the
//! object `{"ruleset": <id>, "answers": <answers>}` produced from the typed
//! values (keys in that order, no whitespace, strings escaped as
//! `serde_json` does). Import re-derives it from the answers it has read, so
//! field order, whitespace and escape style in the file do not matter, but
//! any changed answer (or ruleset) does. It guards against accidental or
//! casual edits; it is not a signature.
//!
//! The answers' keys follow an order no question list decides
//! ([`json::V2_FIELDS`], frozen, then the questions added since, by id; see
//! [`json`]), and a question added after format 2 is left out of the file
//! and the content while it is unanswered. So these hold, and are tested:
//!
//! 1. **Every file Involve ever wrote loads, verifies and assesses the same
//!    in every later release**, whatever questions are added, moved,
//!    reworded or hidden (`tests/format_releases.rs` loads the files each
//!    release wrote, `tests/golden/releases/`).
//! 2. **Adding a question needs no new format version**: a file from before
//!    it reads it as unanswered, which the content leaves out, so its digest
//!    still verifies (and written again, its bytes are the same); a newer
//!    file with it answered is covered, and editing or removing that answer
//!    is detected (`tests/format_evolution.rs`, and a property in
//!    `tests/format_props.rs`).
//! 3. **Reordering the question list (the catalogue) never changes a file's
//!    bytes or its digest**: the writer does not follow it.
//! 4. **The version 2 files that exist keep verifying exactly as they do**:
//!    format 2's answers keep their order and are always in the content,
//!    answered or not (the fixtures, the corpus and the documents of the
//!    2,000 golden 2017 screenings are checked byte for byte).
//!
//! A change that would break these (renaming or removing an answer, changing
//! its type or meaning) is a new format version with a migration, as
//! version 1 to 2 was.
//!
//! # Version 1
//!
//! The earlier shape, read and migrated by [`import`]:
//!
//! ```json
//! { "format": "involve", "version": 1, "ruleset": "nhse-2017",
//!   "saved": "2025-06-01T12:00:00Z", "answers": { ... } }
//! ```
//!
//! * one `saved` timestamp (it becomes both `created` and `updated`);
//! * no `title`, `verdict`, `validation` or `digest`;
//! * the screening had no `patient_matters`, `no_patient_matters`,
//!   `public_interest`, `no_public_interest` or `previous` (review of a
//!   previous involvement exercise): these are left unanswered;
//! * dates (`b.completed_by.date`, `b.signoff.date`, `c.date_produced`,
//!   `c.timescales[].date`) were `"YYYY-MM-DD"` strings: they become day,
//!   month and year; a date in any other form is dropped and its text given
//!   in a note so that it can be entered again.
//!
//! Every other answer is kept as it was. [`Imported::notes`] lists what was
//! converted, dropped or ignored.
//!
//! # Rulesets, and why the 2022 ruleset kept format version 2
//!
//! `ruleset` is `nhse-2017` (CCGs under s.14Z2 and NHS England under s.13Q,
//! the 2017 guidance) or `nhse-2022` (integrated care boards under s.14Z45,
//! NHS trusts and foundation trusts under s.242(1B), NHS England under s.13Q,
//! the 2022 guidance). It is the ruleset the answers were given under, and it
//! travels with them: [`import`] sets [`Screening::ruleset`] from it, and
//! [`Document::new`] writes, assesses and validates under the ruleset it is
//! given. Import never changes a file's ruleset; moving a 2017 assessment to
//! the 2022 rules is an explicit action of the app that makes a new document.
//!
//! Adding `nhse-2022` did not change the shape of the answers: every key and
//! every type is as before, so the digest content and every existing file
//! are unchanged. Only new values appear, and only a `nhse-2022` document
//! holds them: `screening.body` `icb` and `nhs_trust`;
//! `screening.joint_model` `delegated_to_icb`, `joint_committee` and
//! `lead_provider`; `screening.function_holder` `icb` and `nhs_trust`; and in
//! the informative verdict, duty `body` `icb` and `nhs_trust` with `section`
//! `14Z45` and `242` (the limb of s.242(1B) is stored as `a`, `b` or `c` like
//! the others). So the format stays at version 2 and needs no migration.
//! A build from before 2022's ruleset reads a `nhse-2022` file as a ruleset it
//! does not have ([`ImportError::UnknownRuleset`]: "Open it with the latest
//! version of Involve") before it looks at any answer, which is the clear
//! refusal a new format version would have given.
//!
//! [`Screening::ruleset`]: crate::model::Screening::ruleset

pub mod check;
pub mod csv;
pub mod document;
pub mod json;
pub mod report;
pub mod schema;
mod v1;
pub mod value;

use crate::forms::{self, Report, Severity};
use crate::model::{Answers, RulesetId, Ymd};
use crate::rules::{self, Assessment, DutyHolder, Limb, Node, Ruleset};
use json::Answered;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;
use value::{Map, Value};

/// The value of the `format` key.
pub const FORMAT: &str = "involve";
/// The format version this build writes.
pub const VERSION: u64 = 2;
/// The oldest format version this build reads.
pub const OLDEST_VERSION: u64 = 1;
/// The largest file import reads: 2 MiB. A completed pair of forms is a few
/// tens of kilobytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// How deeply arrays and objects may nest. The deepest path Involve writes
/// (`answers.c.timescales[0].date.day`) is 5 levels below the root.
pub const MAX_DEPTH: usize = 16;

/// The informative verdict section: the decision record.
///
/// [`VerdictSummary::from`] an [`Assessment`] is the one place the record is
/// made, and [`decision_record`] the one place it is written as JSON: every
/// exported document's `verdict` and each file of `involve check --json`
/// (and the browser's review page) come from these two.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerdictSummary {
    /// Stable code: `applies`, `does_not_apply`, `not_required_yet`, `undetermined`.
    pub code: &'static str,
    pub headline: &'static str,
    pub duties: Vec<DutySummary>,
    /// The reasoning, in the order the process takes it.
    pub reasons: Vec<ReasonSummary>,
    /// What the organisation must do, and should consider, as a result.
    pub actions: Vec<ActionSummary>,
}

/// One step of the reasoning as stored: the question, the answer given,
/// what followed, and where the rule comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonSummary {
    /// The node of the three-step process diagram ([`node_code`]).
    pub node: &'static str,
    pub question: String,
    pub answer: String,
    pub consequence: String,
    pub citation: &'static str,
}

/// One action as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionSummary {
    /// Stable code, e.g. `complete_steps_3_to_5`.
    pub code: &'static str,
    pub text: String,
    /// `must` (an obligation) or `should` (a recommendation, something to
    /// consider) ([`obligation_code`]).
    pub obligation: &'static str,
    pub citation: &'static str,
}

/// One engaged duty: body, section of the NHS Act 2006 and limb of
/// subsection (2) (for an NHS trust, of s.242(1B)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DutySummary {
    /// `ccg`, `nhs_england`, `icb` or `nhs_trust` ([`body_code`]).
    pub body: &'static str,
    /// `14Z2`, `13Q`, `14Z45` or `242` ([`section_code`]).
    pub section: &'static str,
    /// `a`, `b` or `c`.
    pub limb: &'static str,
}

/// The informative validation section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValidationSummary {
    pub complete: bool,
    pub errors: usize,
    pub warnings: usize,
    pub issues: Vec<IssueSummary>,
}

/// One validation issue as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IssueSummary {
    pub path: String,
    pub code: &'static str,
    pub message: String,
    /// `error` or `warning`.
    pub severity: &'static str,
}

/// Stored code of a duty holder.
pub fn body_code(h: DutyHolder) -> &'static str {
    match h {
        DutyHolder::Ccg => "ccg",
        DutyHolder::NhsEngland => "nhs_england",
        DutyHolder::Icb => "icb",
        DutyHolder::NhsTrust => "nhs_trust",
    }
}

/// Stored section of the NHS Act 2006 for a duty holder.
pub fn section_code(h: DutyHolder) -> &'static str {
    match h {
        DutyHolder::Ccg => "14Z2",
        DutyHolder::NhsEngland => "13Q",
        DutyHolder::Icb => "14Z45",
        DutyHolder::NhsTrust => "242",
    }
}

/// Stored code of a limb.
pub fn limb_code(l: Limb) -> &'static str {
    match l {
        Limb::A => "a",
        Limb::B => "b",
        Limb::C => "c",
    }
}

/// Stored code of a node of the process diagram, the place a reason sits.
pub fn node_code(n: Node) -> &'static str {
    match n {
        Node::Body => "body",
        Node::Step1 => "step_1",
        Node::Step2 => "step_2",
        Node::Step3 => "step_3",
        Node::SpecialAdministrator => "special_administrator",
        Node::Urgency => "urgency",
        Node::PreviousInvolvement => "previous_involvement",
        Node::OverviewScrutiny => "overview_scrutiny",
        Node::Equality => "equality",
        Node::PublicInterest => "public_interest",
        Node::OutcomeApplies => "outcome_applies",
        Node::OutcomeDoesNotApply => "outcome_does_not_apply",
        Node::OutcomeNotYet => "outcome_not_required_yet",
        Node::OutcomeUndetermined => "outcome_undetermined",
    }
}

/// Stored code of an action's force: `must` for an obligation, `should`
/// for a recommendation.
pub fn obligation_code(obligation: bool) -> &'static str {
    if obligation {
        "must"
    } else {
        "should"
    }
}

/// Stored code of a severity.
pub fn severity_code(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl From<&Assessment> for VerdictSummary {
    fn from(a: &Assessment) -> Self {
        VerdictSummary {
            code: a.verdict.code(),
            headline: a.headline(),
            duties: a
                .duties
                .iter()
                .map(|d| DutySummary {
                    body: body_code(d.holder),
                    section: section_code(d.holder),
                    limb: limb_code(d.limb),
                })
                .collect(),
            reasons: a
                .reasons
                .iter()
                .map(|r| ReasonSummary {
                    node: node_code(r.node),
                    question: r.question.clone(),
                    answer: r.answer.clone(),
                    consequence: r.consequence.clone(),
                    citation: r.citation,
                })
                .collect(),
            actions: a
                .actions
                .iter()
                .map(|x| ActionSummary {
                    code: x.code,
                    text: x.text.clone(),
                    obligation: obligation_code(x.obligation),
                    citation: x.citation,
                })
                .collect(),
        }
    }
}

/// The decision record as JSON, keys in this order: `code`, `headline`,
/// `duties` (`body`, `section`, `limb`), `reasons` (`node`, `question`,
/// `answer`, `consequence`, `citation`) and `actions` (`code`, `text`,
/// `obligation`, `citation`). The `verdict` of every exported document and
/// of every file in `involve check --json` is this tree.
/// The `validation` block, as documents and `involve check --json` write it.
pub fn validation_record(r: &ValidationSummary) -> json::J<'_> {
    use json::J;
    J::Obj(vec![
        ("complete", J::Bool(r.complete)),
        ("errors", J::Num(r.errors as u64)),
        ("warnings", J::Num(r.warnings as u64)),
        (
            "issues",
            J::Arr(
                r.issues
                    .iter()
                    .map(|i| {
                        J::Obj(vec![
                            ("path", J::Str(&i.path)),
                            ("code", J::Str(i.code)),
                            ("message", J::Str(&i.message)),
                            ("severity", J::Str(i.severity)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

pub fn decision_record(v: &VerdictSummary) -> json::J<'_> {
    use json::J;
    J::Obj(vec![
        ("code", J::Str(v.code)),
        ("headline", J::Str(v.headline)),
        (
            "duties",
            J::Arr(
                v.duties
                    .iter()
                    .map(|d| {
                        J::Obj(vec![
                            ("body", J::Str(d.body)),
                            ("section", J::Str(d.section)),
                            ("limb", J::Str(d.limb)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "reasons",
            J::Arr(
                v.reasons
                    .iter()
                    .map(|r| {
                        J::Obj(vec![
                            ("node", J::Str(r.node)),
                            ("question", J::Str(&r.question)),
                            ("answer", J::Str(&r.answer)),
                            ("consequence", J::Str(&r.consequence)),
                            ("citation", J::Str(r.citation)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "actions",
            J::Arr(
                v.actions
                    .iter()
                    .map(|x| {
                        J::Obj(vec![
                            ("code", J::Str(x.code)),
                            ("text", J::Str(&x.text)),
                            ("obligation", J::Str(x.obligation)),
                            ("citation", J::Str(x.citation)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

impl From<&Report> for ValidationSummary {
    fn from(r: &Report) -> Self {
        ValidationSummary {
            complete: r.is_complete(),
            errors: r.errors().count(),
            warnings: r.warnings().count(),
            issues: r
                .issues
                .iter()
                .map(|i| IssueSummary {
                    path: i.path.clone(),
                    code: i.code,
                    message: i.message.clone(),
                    severity: severity_code(i.severity),
                })
                .collect(),
        }
    }
}

/// A version 2 document, ready to serialise.
#[derive(Clone, Debug, Serialize)]
pub struct Document<'a> {
    pub format: &'static str,
    pub version: u64,
    pub ruleset: &'static str,
    pub created: &'a str,
    pub updated: &'a str,
    pub title: &'a str,
    pub answers: &'a Answers,
    pub verdict: VerdictSummary,
    pub validation: ValidationSummary,
    pub digest: String,
}

impl<'a> Document<'a> {
    /// Build the document, computing the verdict, validation and digest.
    ///
    /// Everything is written, assessed and validated under `ruleset`, even
    /// if `answers.screening.ruleset` says otherwise (the answers are then
    /// assessed as a copy with `ruleset` set), so the `ruleset` key, the
    /// verdict, the validation and the digest always agree. Use
    /// [`export_answers`] to write the answers under their own ruleset.
    pub fn new(
        answers: &'a Answers,
        ruleset: &dyn Ruleset,
        created: &'a str,
        updated: &'a str,
        today: Ymd,
    ) -> Self {
        let copy;
        let under = match RulesetId::from_id(ruleset.id()) {
            Some(id) if id != answers.screening.ruleset => {
                let mut a = answers.clone();
                a.screening.ruleset = id;
                copy = a;
                &copy
            }
            _ => answers,
        };
        let assessment = ruleset.assess(&under.screening);
        let report = forms::validate::validate_assessed(under, today, &assessment);
        Document {
            format: FORMAT,
            version: VERSION,
            ruleset: ruleset.id(),
            created,
            updated,
            title: &answers.b.title,
            answers,
            verdict: VerdictSummary::from(&assessment),
            validation: ValidationSummary::from(&report),
            digest: digest(ruleset.id(), answers),
        }
    }

    /// Pretty-printed JSON, ending with a newline: the bytes
    /// `serde_json::to_string_pretty` gives for the derived `Serialize`
    /// (see [`json`]).
    pub fn to_json(&self) -> String {
        self.write(json::answers(self.answers), &self.digest)
    }

    /// The document with `answers` written in place of the answers it was
    /// made from, and their digest: for a test that gives the writer a
    /// question list of its own ([`Answered`]).
    pub fn to_json_as(&self, answers: &dyn Answered) -> String {
        self.write(json::answers(answers), &digest(self.ruleset, answers))
    }

    fn write(&self, answers: json::J<'_>, digest: &str) -> String {
        use json::J;
        let r = &self.validation;
        let doc = J::Obj(vec![
            ("format", J::Str(self.format)),
            ("version", J::Num(self.version)),
            ("ruleset", J::Str(self.ruleset)),
            ("created", J::Str(self.created)),
            ("updated", J::Str(self.updated)),
            ("title", J::Str(self.title)),
            ("answers", answers),
            ("verdict", decision_record(&self.verdict)),
            ("validation", validation_record(r)),
            ("digest", J::Str(digest)),
        ]);
        let mut s = doc.pretty();
        s.push('\n');
        s
    }
}

/// Export the answers as a pretty-printed version 2 document.
///
/// `created` and `updated` are RFC 3339 date-times (for example
/// `2026-11-21T09:30:00Z`); `today` is used for validation (dates may not be
/// in the future).
pub fn export(
    answers: &Answers,
    ruleset: &dyn Ruleset,
    created: &str,
    updated: &str,
    today: Ymd,
) -> String {
    Document::new(answers, ruleset, created, updated, today).to_json()
}

/// Export the answers under their own ruleset ([`Screening::ruleset`]): the
/// app's download. The same as [`export`] with
/// `rules::law(answers.screening.ruleset)`.
///
/// [`Screening::ruleset`]: crate::model::Screening::ruleset
pub fn export_answers(answers: &Answers, created: &str, updated: &str, today: Ymd) -> String {
    export(
        answers,
        rules::law(answers.screening.ruleset),
        created,
        updated,
        today,
    )
}

/// The canonical content the digest covers (see the module documentation):
/// `{ruleset, answers}` compact, the answers as the document holds them
/// ([`json::answers`]: in [`json::order`], the questions added since format 2
/// only once answered). For answers that have only format 2's questions,
/// the bytes `serde_json::to_string` gives for the derived `Serialize`.
pub fn canonical_content(ruleset: &str, answers: &dyn Answered) -> String {
    json::J::Obj(vec![
        ("ruleset", json::J::Str(ruleset)),
        ("answers", json::answers(answers)),
    ])
    .compact()
}

/// `"sha256:<hex>"` of the canonical content.
pub fn digest(ruleset: &str, answers: &dyn Answered) -> String {
    let hash = Sha256::digest(canonical_content(ruleset, answers).as_bytes());
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in hash {
        s.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        s.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    s
}

/// A file name for the download: `involve-<slug of the title>-YYYY-MM-DD.json`,
/// or `involve-assessment-YYYY-MM-DD.json` when the title has no letters or
/// digits. The slug is lowercase ASCII (common accented Latin letters lose
/// their accents), words joined by `-`, at most 50 characters.
pub fn suggested_filename(answers: &Answers, today: Ymd) -> String {
    const MAX_SLUG: usize = 50;
    let mut slug = String::new();
    let mut gap = false;
    for c in answers.b.title.chars() {
        let mapped = fold_ascii(c);
        match mapped {
            Some(m) => {
                for ch in m.chars() {
                    if gap && !slug.is_empty() {
                        slug.push('-');
                    }
                    gap = false;
                    slug.push(ch);
                }
            }
            None => gap = true,
        }
        if slug.len() >= MAX_SLUG {
            break;
        }
    }
    if slug.len() > MAX_SLUG {
        slug.truncate(MAX_SLUG);
    }
    let slug = slug.trim_end_matches('-');
    let date = ymd_string(today);
    if slug.is_empty() {
        format!("involve-assessment-{date}.json")
    } else {
        format!("involve-{slug}-{date}.json")
    }
}

fn fold_ascii(c: char) -> Option<&'static str> {
    const PLAIN: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let lower = c.to_ascii_lowercase();
    if lower.is_ascii_alphanumeric() {
        let i = PLAIN.find(lower)?;
        return Some(&PLAIN[i..i + 1]);
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'ŵ' | 'Ŵ' => "w",
        'ŷ' | 'Ŷ' => "y",
        _ => return None,
    })
}

/// `YYYY-MM-DD`.
pub fn ymd_string(d: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Something import did that the user should know about: a field ignored,
/// an answer converted or dropped while migrating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Stable code: `unknown_field`, `migrated`, `date_converted`,
    /// `date_dropped`, `no_digest`.
    pub code: &'static str,
    /// The path concerned (empty for the whole file).
    pub path: String,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} [{}]", self.message, self.code)
        } else {
            write!(f, "{}: {} [{}]", self.path, self.message, self.code)
        }
    }
}

/// A document read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported<A = Answers> {
    /// The answers, with `screening.ruleset` set from the file's `ruleset`
    /// ([`import`]).
    pub answers: A,
    /// The ruleset id, one this build knows (the file's, never another).
    pub ruleset: &'static str,
    pub created: String,
    pub updated: String,
    /// The format version the file had (1 or 2).
    pub version: u64,
    /// The digest was present and matched (always true for version 2).
    pub digest_verified: bool,
    /// Migration and unknown-field notes, in file order.
    pub notes: Vec<Note>,
}

impl<A> Imported<A> {
    /// The ruleset, for recomputing the verdict.
    pub fn rules(&self) -> &'static dyn Ruleset {
        rules::by_id(self.ruleset).unwrap_or(rules::all()[0])
    }
}

/// Why a file cannot be loaded. [`fmt::Display`] gives the message for the
/// user; [`ImportError::code`] a stable code for tools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// Nothing but whitespace.
    Empty,
    /// Not UTF-8 text.
    NotText,
    /// Not JSON; 1-based position of the first problem.
    NotJson { line: usize, column: usize },
    /// Arrays or objects nested more than [`MAX_DEPTH`] deep.
    TooDeep,
    /// JSON, but not an object with `"format": "involve"`.
    NotInvolve,
    /// A version later than [`VERSION`].
    NewerVersion { version: u64 },
    /// A version that is not a whole number from 1 to [`VERSION`].
    UnsupportedVersion { found: String },
    /// A ruleset id this build does not know.
    UnknownRuleset { id: String },
    /// A key the document must have is missing.
    Missing { path: String },
    /// A value of the wrong type, e.g. a number where text is expected.
    WrongType {
        path: String,
        expected: String,
        found: String,
    },
    /// `created` or `updated` is text but not an RFC 3339 date and time.
    BadTimestamp { path: String },
    /// A version 2 document without a digest.
    DigestMissing,
    /// The digest does not match the content.
    DigestMismatch,
}

impl ImportError {
    /// Stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too_large",
            ImportError::Empty => "empty",
            ImportError::NotText => "not_text",
            ImportError::NotJson { .. } => "not_json",
            ImportError::TooDeep => "too_deep",
            ImportError::NotInvolve => "not_involve",
            ImportError::NewerVersion { .. } => "newer_version",
            ImportError::UnsupportedVersion { .. } => "unsupported_version",
            ImportError::UnknownRuleset { .. } => "unknown_ruleset",
            ImportError::Missing { .. } => "missing",
            ImportError::WrongType { .. } => "wrong_type",
            ImportError::BadTimestamp { .. } => "bad_timestamp",
            ImportError::DigestMissing => "digest_missing",
            ImportError::DigestMismatch => "digest_mismatch",
        }
    }
}

impl ImportError {
    /// What the file is, in the words of the staff who chose it (see
    /// [`for_people`]); [`fmt::Display`] is the detail for whoever supports them.
    pub fn for_people(&self) -> &'static str {
        for_people(self.code()).unwrap_or(NOT_INVOLVE)
    }

    /// The technical detail, with the stable code first, for support:
    /// "not_json: The file is not in JSON format: there is a problem at line 1, column 2. …".
    pub fn detail(&self) -> String {
        format!("{}: {self}", self.code())
    }
}

const NOT_INVOLVE: &str = "This is not an Involve file. Choose a file you downloaded from Involve (its name ends in .json)";

/// What a file that cannot be loaded is, in the words of the staff who chose
/// it, by the [`ImportError::code`] (so the review page, which keeps only the
/// code, says the same as the app): not an Involve file, an empty file, a
/// file from a newer version of Involve, or a file changed outside Involve.
/// `None` for a code that is not an import error's.
pub fn for_people(code: &str) -> Option<&'static str> {
    Some(match code {
        "empty" => "The file is empty. Choose a file you downloaded from Involve",
        "too_large" => "The file is too large to be an Involve file. Check you chose the right file",
        "not_text" | "not_json" | "too_deep" | "not_involve" => NOT_INVOLVE,
        "newer_version" | "unknown_ruleset" => {
            "The file was saved by a newer version of Involve. Open it with the latest version of Involve, or ask whoever sent it to save it again"
        }
        "unsupported_version" | "missing" | "wrong_type" | "bad_timestamp" | "digest_missing" | "digest_mismatch" => {
            "The file has been changed outside Involve, so its answers cannot be trusted. Load the file as it was downloaded from Involve, or ask whoever sent it for the original"
        }
        _ => return None,
    })
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const CHOOSE: &str = "Choose a file downloaded from Involve";
        match self {
            ImportError::TooLarge { .. } => write!(
                f,
                "The file is larger than 2 MB. Involve files are much smaller than this: check you chose the right file"
            ),
            ImportError::Empty => write!(f, "The file is empty. {CHOOSE}"),
            ImportError::NotText => write!(f, "The file is not a text file. {CHOOSE} (it ends in .json)"),
            ImportError::NotJson { line, column } => write!(
                f,
                "The file is not in JSON format: there is a problem at line {line}, column {column}. {CHOOSE}"
            ),
            ImportError::TooDeep => write!(
                f,
                "The file has data nested more than {MAX_DEPTH} levels deep, which no Involve file has. {CHOOSE}"
            ),
            ImportError::NotInvolve => write!(f, "The file is not an Involve document. {CHOOSE}"),
            ImportError::NewerVersion { version } => write!(
                f,
                "The file was made by a newer version of Involve (file format {version}). This version reads formats {OLDEST_VERSION} to {VERSION}. Open it with the latest version of Involve"
            ),
            ImportError::UnsupportedVersion { found } => write!(
                f,
                "The file has a format version Involve does not recognise ({found}). {CHOOSE}"
            ),
            ImportError::UnknownRuleset { id } => {
                let known: Vec<&str> = rules::all().iter().map(|r| r.id()).collect();
                write!(
                    f,
                    "The file uses a set of rules this version of Involve does not have (\"{id}\"; it has {}). Open it with the latest version of Involve",
                    known.join(", ")
                )
            }
            ImportError::Missing { path } => write!(f, "The file has no {path}. Download the file again from Involve"),
            ImportError::WrongType { path, expected, found } => write!(
                f,
                "{path} should be {expected}, but the file has {found}. Correct the file or download it again from Involve"
            ),
            ImportError::BadTimestamp { path } => write!(
                f,
                "{path} should be a date and time such as 2026-11-21T09:30:00Z. Correct the file or download it again from Involve"
            ),
            ImportError::DigestMissing => write!(
                f,
                "The file has no digest, so Involve cannot check that it has not been changed since it was downloaded. Download the file again from Involve"
            ),
            ImportError::DigestMismatch => write!(
                f,
                "The file has been changed since it was downloaded from Involve, so its answers cannot be trusted. Load the file as it was downloaded, or make the changes in Involve"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Import from raw bytes (for example a file read from disk or a browser
/// `File`). Checks the size before anything else, then that it is UTF-8.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    import(text)
}

/// Read a document of any supported version. Never panics; never trusts the
/// computed sections.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let mut got = import_as(text, Answers::default())?;
    // The answers were given under the file's ruleset, and stay under it.
    got.answers.screening.ruleset = RulesetId::from_id(got.ruleset).unwrap_or_default();
    Ok(got)
}

/// [`import`] into `blank`, answers of another shape ([`Answered`]) with
/// nothing answered: for a test that gives the reader and the digest a
/// question list of its own.
pub fn import_as<A: Answered>(text: &str, mut blank: A) -> Result<Imported<A>, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if nesting_depth(text.as_bytes()) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value = value::parse(text).map_err(|e| ImportError::NotJson {
        line: e.line.max(1),
        column: e.column.max(1),
    })?;
    let Value::Object(mut root) = value else {
        return Err(ImportError::NotInvolve);
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotInvolve);
    }
    let version = match root.get("version") {
        None => {
            return Err(ImportError::Missing {
                path: "version".into(),
            })
        }
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > VERSION => return Err(ImportError::NewerVersion { version: v }),
            Some(v) if v >= OLDEST_VERSION => v,
            _ => return Err(ImportError::UnsupportedVersion { found: n.to_text() }),
        },
        Some(other) => {
            return Err(ImportError::UnsupportedVersion {
                found: schema::describe_found(other),
            })
        }
    };

    let mut notes = Vec::new();
    let known_top: &[&str] = if version == 1 {
        &["format", "version", "ruleset", "saved", "answers"]
    } else {
        &[
            "format",
            "version",
            "ruleset",
            "created",
            "updated",
            "title",
            "answers",
            "verdict",
            "validation",
            "digest",
        ]
    };
    for key in root.keys() {
        if !known_top.contains(&key.as_str()) {
            notes.push(unknown_note(key.clone()));
        }
    }

    let id = take_string(&root, "ruleset")?;
    let ruleset_id = RulesetId::from_id(id)
        .filter(|r| rules::by_id(r.id()).is_some())
        .ok_or_else(|| ImportError::UnknownRuleset { id: id.to_string() })?;
    let ruleset = ruleset_id.id();

    let (created, updated) = if version == 1 {
        let saved = timestamp(&root, "saved")?;
        (saved.clone(), saved)
    } else {
        (timestamp(&root, "created")?, timestamp(&root, "updated")?)
    };

    let mut answers_value = match root.remove("answers") {
        None => {
            return Err(ImportError::Missing {
                path: "answers".into(),
            })
        }
        Some(v) => v,
    };
    if version == 1 {
        v1::migrate_answers(&mut answers_value, &mut notes)?;
    }

    let mut unknown = Vec::new();
    let mut path = String::from("answers");
    let walked = schema::import_schema();
    let answers_node = walked
        .get("$defs")
        .and_then(|d| d.get("answers"))
        .unwrap_or(&Value::Null);
    schema::check(
        walked,
        answers_node,
        &answers_value,
        &mut path,
        schema::Mode::Read,
        &mut unknown,
    )
    .map_err(|m| ImportError::WrongType {
        path: m.path,
        expected: m.expected,
        found: m.found,
    })?;
    notes.extend(unknown.into_iter().map(unknown_note));
    // The walk above guarantees the shape the model has (tests keep the
    // schema and the model in step), so reading cannot fail.
    json::read_into(&answers_value, &mut blank);
    let answers = blank;

    let digest_verified = if version == 1 {
        notes.push(Note {
            code: "no_digest",
            path: String::new(),
            message: "Files in format 1 have no digest, so Involve cannot check they have not been changed".into(),
        });
        false
    } else {
        let stored = match root.get("digest") {
            None | Some(Value::Null) => return Err(ImportError::DigestMissing),
            Some(Value::String(s)) => s.as_str(),
            Some(other) => {
                return Err(ImportError::WrongType {
                    path: "digest".into(),
                    expected: "text".into(),
                    found: schema::describe_found(other),
                })
            }
        };
        if stored.trim().is_empty() {
            return Err(ImportError::DigestMissing);
        }
        if !stored.eq_ignore_ascii_case(&digest(ruleset, &answers)) {
            return Err(ImportError::DigestMismatch);
        }
        true
    };

    Ok(Imported {
        answers,
        ruleset,
        created,
        updated,
        version,
        digest_verified,
        notes,
    })
}

fn unknown_note(path: String) -> Note {
    Note {
        code: "unknown_field",
        path,
        message: "Involve does not use this field, so it was ignored".into(),
    }
}

fn take_string<'a>(root: &'a Map, key: &str) -> Result<&'a str, ImportError> {
    match root.get(key) {
        None => Err(ImportError::Missing { path: key.into() }),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(ImportError::WrongType {
            path: key.into(),
            expected: "text".into(),
            found: schema::describe_found(other),
        }),
    }
}

fn timestamp(root: &Map, key: &str) -> Result<String, ImportError> {
    let s = take_string(root, key)?;
    if is_rfc3339(s) {
        Ok(s.to_string())
    } else {
        Err(ImportError::BadTimestamp { path: key.into() })
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, RFC 3339 section 5.6
/// (checks the shape and field ranges, not the calendar).
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| -> u32 { s[r].parse().unwrap_or(99) };
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || !matches!(b[10], b'T' | b't')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    if !(1..=12).contains(&num(5..7))
        || !(1..=31).contains(&num(8..10))
        || num(11..13) > 23
        || num(14..16) > 59
        || num(17..19) > 60
    {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit())
                && num(i + 1..i + 3) <= 23
                && num(i + 4..i + 6) <= 59
        }
        _ => false,
    }
}

/// The deepest nesting of arrays and objects in JSON text (strings and
/// escapes skipped). Works on malformed text too; linear time.
pub fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &c in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}
