//! The document's JSON, written and read without serde's derived code.
//!
//! Why: the derived `Serialize`/`Deserialize` impls of `crate::model`,
//! instantiated for serde_json's compact and pretty writers and for
//! `from_value`, were about 85 KB of the WebAssembly build (twiggy). For the
//! answers of format version 2 the output here is byte-for-byte what
//! `serde_json::to_string` / `to_string_pretty` give for the derived impls
//! (keys in declaration order, two-space indentation, serde_json's string
//! escapes), and `tests/format_props.rs` checks that on generated answers.
//! The derives stay on the model as the one definition of the answers'
//! shape (the wire types): `tests/format_shape.rs` checks the catalogue,
//! access tables, codes and schema against them, and the property test
//! checks this writer and reader. Measured again on 5 December 2026,
//! decoding into them with the derived `Deserialize` would add about 30 KB
//! gzip to the browser's wasm (`scripts/json-options.sh`).
//!
//! Reading goes the other way: import type-checks `answers` with the schema
//! walker first, then [`read_into`] takes each known key (a missing key
//! reads as unanswered, exactly as `#[serde(default)]` does).
//!
//! # The order of the answers, and why it is not the question list's
//!
//! Both go field by field (each field id is its path below `answers`), in
//! one order that no question list decides:
//!
//! 1. [`V2_FIELDS`], format version 2's answers in the order every version 2
//!    file and its digest have them. **Frozen**: never reorder, remove or
//!    insert into it; `tests/format_evolution.rs` pins it.
//! 2. Then every question added since, taken from [`Answered::questions`]
//!    (for Involve, `forms::catalogue::fields()`) and sorted by id, each
//!    appended to its object (a new object is started where its path needs
//!    one), **only once it is answered**: an added question that holds its
//!    unanswered value (`null`, `""`, a blank date, an empty list) is
//!    neither written nor digested.
//!
//! So moving a question in the catalogue changes neither a file's bytes nor
//! its digest, and adding one needs only the model, `forms::access`, the
//! catalogue and the schema (where it is not `required`): no new format
//! version and no edit here (a new checkbox field's "None of these" key goes
//! in `none_key`). A file written before the question existed reads it as
//! unanswered, so it still has the content it was digested with, and written
//! again it has the same bytes; once answered, the question is in the file
//! and covered by the digest like any other.
//!
//! Hide a question with its conditions or a ruleset's wording, never by
//! taking it out of the model or `forms::access`: files hold its answers.
//! Format 2's answers are read and written whatever the catalogue says (a
//! test checks each still has its place in the model); a question added
//! later is read only while the catalogue lists it, so keep it listed.

use super::value::{Map, Value};
use crate::forms::access::{self, Stored};
use crate::forms::catalogue;
use crate::model::*;

/// An ordered JSON tree: just enough for the document and the check report.
pub enum J<'a> {
    Null,
    Bool(bool),
    Num(u64),
    Str(&'a str),
    /// An owned string (a date or a key made at run time).
    Owned(String),
    Arr(Vec<J<'a>>),
    Obj(Vec<(&'static str, J<'a>)>),
    /// An object whose keys are made at run time (counts by code).
    Map(Vec<(String, J<'a>)>),
}

impl J<'_> {
    /// Compact text, as `serde_json::to_string`.
    pub fn compact(&self) -> String {
        let mut out = String::with_capacity(4096);
        self.write(&mut out, None);
        out
    }

    /// Pretty text, as `serde_json::to_string_pretty` (no final newline).
    pub fn pretty(&self) -> String {
        let mut out = String::with_capacity(8192);
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => push_u64(out, *n),
            J::Str(s) => push_str(out, s),
            J::Owned(s) => push_str(out, s),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    open_item(out, i, indent);
                    item.write(out, indent.map(|d| d + 1));
                }
                close(out, items.is_empty(), indent, ']');
            }
            J::Obj(fields) => write_object(
                out,
                fields.iter().map(|(k, v)| (*k, v)),
                fields.is_empty(),
                indent,
            ),
            J::Map(fields) => write_object(
                out,
                fields.iter().map(|(k, v)| (k.as_str(), v)),
                fields.is_empty(),
                indent,
            ),
        }
    }

    /// The same tree with every object's keys in byte order, as a
    /// `serde_json` map (without `preserve_order`) keeps them: the key order
    /// of the `involve check --json` report. Equal keys keep their order.
    pub fn sorted(self) -> Self {
        match self {
            J::Arr(items) => J::Arr(items.into_iter().map(J::sorted).collect()),
            J::Obj(fields) => J::Map(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect::<Vec<_>>(),
            )
            .sorted(),
            J::Map(fields) => {
                let mut fields: Vec<(String, J)> =
                    fields.into_iter().map(|(k, v)| (k, v.sorted())).collect();
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                J::Map(fields)
            }
            other => other,
        }
    }
}

fn write_object<'k, 'v, 'a: 'v>(
    out: &mut String,
    fields: impl Iterator<Item = (&'k str, &'v J<'a>)>,
    empty: bool,
    indent: Option<usize>,
) {
    out.push('{');
    for (i, (k, v)) in fields.enumerate() {
        open_item(out, i, indent);
        push_str(out, k);
        out.push_str(if indent.is_some() { ": " } else { ":" });
        v.write(out, indent.map(|d| d + 1));
    }
    close(out, empty, indent, '}');
}

fn open_item(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(d) = indent {
        out.push('\n');
        for _ in 0..=d {
            out.push_str("  ");
        }
    }
}

fn close(out: &mut String, empty: bool, indent: Option<usize>, c: char) {
    if let (Some(d), false) = (indent, empty) {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    }
    out.push(c);
}

fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// A JSON string with serde_json's escapes: `"` `\` and control characters
/// (`\b \t \n \f \r` short, the rest `\u00xx` in lowercase hex); nothing else.
pub(crate) fn push_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0a => "\\n",
            0x0c => "\\f",
            0x0d => "\\r",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

// ---------------------------------------------------------------------------
// The answers as a tree, in the order described above (a checkbox field's
// "None of these" flag follows it).

/// Format version 2's answers, by field id, in the order of every version 2
/// document and its digest (the declaration order of `crate::model` when
/// format 2 was written). Frozen: a question added later is not listed here
/// (see the module documentation).
pub const V2_FIELDS: &[&str] = &[
    "screening.body",
    "screening.joint_model",
    "screening.function_holder",
    "screening.partner_bodies",
    "screening.relates_to_commissioning",
    "screening.activities",
    "screening.impact_delivery",
    "screening.impact_delivery_detail",
    "screening.impact_range",
    "screening.impact_range_detail",
    "screening.impact_other",
    "screening.patient_matters",
    "screening.trust_special_administrator",
    "screening.urgent",
    "screening.urgency_ground",
    "screening.urgency_justification",
    "screening.public_interest",
    "screening.substantial_variation",
    "screening.previous_involvement",
    "screening.previous.summary",
    "screening.previous.same_proposal",
    "screening.previous.significant_changes",
    "screening.previous.still_relevant",
    "screening.previous.people_changed",
    "screening.previous.diversity_addressed",
    "screening.previous.new_information",
    "screening.previous.population_change",
    "screening.equality_need",
    "b.location",
    "b.title",
    "b.description",
    "b.objectives",
    "b.opinion",
    "b.opinion_reason",
    "b.existing_arrangements",
    "b.insight_use",
    "b.additional_required",
    "b.additional_approach",
    "b.fair_and_proportionate",
    "b.impact_use",
    "b.feedback",
    "b.ongoing_impact",
    "b.completed_by.name",
    "b.completed_by.job_title",
    "b.completed_by.email",
    "b.completed_by.team",
    "b.completed_by.date",
    "b.signoff_applies",
    "b.signoff.name",
    "b.signoff.job_title",
    "b.signoff.email",
    "b.signoff.team",
    "b.signoff.date",
    "c.date_produced",
    "c.project_lead",
    "c.background",
    "c.proposal",
    "c.key_messages",
    "c.target_audiences",
    "c.objectives",
    "c.budget",
    "c.methods",
    "c.timescales",
    "c.equality",
    "c.partners",
    "c.key_contacts",
    "c.risks",
    "c.evaluation",
    "c.feedback",
];

/// The answers as the document holds them, question by question: what the
/// writer, the reader and the digest go through. Involve's is [`Answers`]
/// (its questions are the catalogue's, its answers kept through
/// `forms::access`); a test can give another, with a question added or
/// moved, to the same production code.
pub trait Answered {
    /// The id of every question, in the question list's order (which the
    /// document does not follow).
    fn questions(&self) -> Vec<&'static str>;
    /// The answer to `id` as a document holds it; `None` for an id with no
    /// place here.
    fn stored(&self, id: &str) -> Option<Stored<'_>>;
    /// Store an answer read from a file (checkbox codes as the file lists
    /// them); `false` when `id` has no place here or the value no such shape.
    fn read(&mut self, id: &str, value: access::Value) -> bool;
}

impl Answered for Answers {
    fn questions(&self) -> Vec<&'static str> {
        catalogue::fields().iter().map(|f| f.id).collect()
    }
    fn stored(&self, id: &str) -> Option<Stored<'_>> {
        access::stored(self, id)
    }
    fn read(&mut self, id: &str, value: access::Value) -> bool {
        match value {
            access::Value::Multi { values, none } => {
                let codes: Vec<&str> = values.iter().map(String::as_str).collect();
                access::set_stored_codes(self, id, &codes, none)
            }
            other => access::set(self, id, other),
        }
    }
}

/// Every answer's id in the document's order: [`V2_FIELDS`], then the
/// questions added since, by id.
pub fn order(a: &dyn Answered) -> Vec<&'static str> {
    let mut added: Vec<&'static str> = a
        .questions()
        .into_iter()
        .filter(|id| !V2_FIELDS.contains(id))
        .collect();
    added.sort_unstable();
    added.dedup();
    V2_FIELDS.iter().copied().chain(added).collect()
}

fn date(d: &DateInput) -> J<'_> {
    J::Obj(vec![
        ("day", J::Str(&d.day)),
        ("month", J::Str(&d.month)),
        ("year", J::Str(&d.year)),
    ])
}

/// The key of a checkbox field's "None of these" flag.
fn none_key(key: &str) -> Option<&'static str> {
    match key {
        "activities" => Some("no_activity_type"),
        "patient_matters" => Some("no_patient_matters"),
        "public_interest" => Some("no_public_interest"),
        "joint_other_holders" => Some("no_joint_other_holders"),
        _ => None,
    }
}

/// Append `entries` to the object at `group` (a dotted path below
/// `fields`), starting it if there is none yet.
fn put<'a>(
    fields: &mut Vec<(&'static str, J<'a>)>,
    group: &'static str,
    entries: Vec<(&'static str, J<'a>)>,
) {
    if group.is_empty() {
        fields.extend(entries);
        return;
    }
    let (head, rest) = group.split_once('.').unwrap_or((group, ""));
    let i = match fields.iter().position(|(k, _)| *k == head) {
        Some(i) => i,
        None => {
            fields.push((head, J::Obj(Vec::new())));
            fields.len() - 1
        }
    };
    if let (_, J::Obj(child)) = &mut fields[i] {
        put(child, rest, entries);
    }
}

/// An answer left as it starts: `null`, `""`, a blank date or an empty list.
fn unanswered(v: &Stored) -> bool {
    match v {
        Stored::Text(s) => s.is_empty(),
        Stored::Choice(c) => c.is_none(),
        Stored::Multi(codes, none) => codes.is_empty() && !none,
        Stored::Date(d) => **d == DateInput::default(),
        Stored::Milestones(m) => m.is_empty(),
        Stored::Risks(r) => r.is_empty(),
    }
}

/// The answers as the document holds them and the digest covers them:
/// format 2's all (as serde would write them), then those added since that
/// are answered.
pub fn answers(a: &dyn Answered) -> J<'_> {
    let mut root = Vec::new();
    for (i, id) in order(a).into_iter().enumerate() {
        let (group, key) = id.rsplit_once('.').unwrap_or(("", id));
        let Some(v) = a.stored(id) else { continue };
        if i >= V2_FIELDS.len() && unanswered(&v) {
            continue;
        }
        let entries = match v {
            Stored::Text(s) => vec![(key, J::Str(s))],
            Stored::Choice(c) => vec![(key, c.map_or(J::Null, J::Str))],
            Stored::Multi(codes, none) => {
                let mut e = vec![(key, J::Arr(codes.into_iter().map(J::Str).collect()))];
                e.extend(none_key(key).map(|k| (k, J::Bool(none))));
                e
            }
            Stored::Date(d) => vec![(key, date(d))],
            Stored::Milestones(m) => {
                vec![(
                    key,
                    J::Arr(
                        m.iter()
                            .map(|m| {
                                J::Obj(vec![("what", J::Str(&m.what)), ("date", date(&m.date))])
                            })
                            .collect(),
                    ),
                )]
            }
            Stored::Risks(r) => {
                vec![(
                    key,
                    J::Arr(
                        r.iter()
                            .map(|r| {
                                J::Obj(vec![
                                    ("risk", J::Str(&r.risk)),
                                    ("action", J::Str(&r.action)),
                                ])
                            })
                            .collect(),
                    ),
                )]
            }
        };
        put(&mut root, group, entries);
    }
    J::Obj(root)
}

// ---------------------------------------------------------------------------
// Reading: `answers` already walked against the schema (types and enum codes
// are right); a key that is missing or of another type reads as unanswered.

fn get<'v>(m: &'v Map, key: &str) -> Option<&'v Value> {
    m.get(key)
}

fn text(m: &Map, key: &str) -> String {
    match get(m, key) {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn flag(m: &Map, key: &str) -> bool {
    matches!(get(m, key), Some(Value::Bool(true)))
}

fn obj<'v>(m: &'v Map, key: &str) -> Option<&'v Map> {
    get(m, key).and_then(Value::as_object)
}

fn list<'v>(m: &'v Map, key: &str) -> impl Iterator<Item = &'v Map> {
    get(m, key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn read_date(m: Option<&Map>) -> DateInput {
    let Some(m) = m else {
        return DateInput::default();
    };
    DateInput {
        day: text(m, "day"),
        month: text(m, "month"),
        year: text(m, "year"),
    }
}

/// The answers from a value that passed the schema walk, as [`Answers`].
pub fn answers_from(v: &Value) -> Answers {
    let mut a = Answers::default();
    read_into(v, &mut a);
    a
}

/// Read the answers from a value that passed the schema walk into `a`
/// (unanswered when it starts): each field (in [`order`]) read from its
/// place, in the shape its answer has in `a`, and stored through
/// [`Answered::read`]. A missing group or key reads as unanswered, as
/// `#[serde(default)]` does; checkbox codes keep the file's order, as the
/// derived `Deserialize` does.
pub fn read_into(v: &Value, a: &mut dyn Answered) {
    for id in order(a) {
        let (group, key) = id.rsplit_once('.').unwrap_or(("", id));
        let Some(m) = group
            .split('.')
            .try_fold(v, |v, k| v.get(k))
            .and_then(Value::as_object)
        else {
            continue;
        };
        let value = match a.stored(id) {
            None => continue,
            Some(Stored::Text(_)) => access::Value::Text(text(m, key)),
            Some(Stored::Choice(_)) => {
                access::Value::Choice(get(m, key).and_then(Value::as_str).map(str::to_string))
            }
            Some(Stored::Multi(..)) => access::Value::Multi {
                values: get(m, key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
                none: none_key(key).is_some_and(|k| flag(m, k)),
            },
            Some(Stored::Date(_)) => access::Value::Date(read_date(obj(m, key))),
            Some(Stored::Milestones(_)) => access::Value::Milestones(
                list(m, key)
                    .map(|r| Milestone {
                        what: text(r, "what"),
                        date: read_date(obj(r, "date")),
                    })
                    .collect(),
            ),
            Some(Stored::Risks(_)) => access::Value::Risks(
                list(m, key)
                    .map(|r| Risk {
                        risk: text(r, "risk"),
                        action: text(r, "action"),
                    })
                    .collect(),
            ),
        };
        a.read(id, value);
    }
}
