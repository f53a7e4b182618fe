//! The document's JSON, written and read without serde's derived code.
//!
//! Why: the derived `Serialize`/`Deserialize` impls of `crate::model`,
//! instantiated for serde_json's compact and pretty writers and for
//! `from_value`, were about 85 KB of the WebAssembly build (twiggy). The
//! output here is byte-for-byte what `serde_json::to_string` /
//! `to_string_pretty` give for the derived impls (keys in declaration order,
//! two-space indentation, serde_json's string escapes), and
//! `tests/format_json.rs` checks that on generated answers, so the document
//! bytes and the digest did not change. The derives stay on the model for
//! tests and other tools; Involve itself no longer calls them.
//!
//! Reading goes the other way: import type-checks `answers` with the schema
//! walker first, then [`answers_from`] takes each known key (a missing key
//! reads as unanswered, exactly as `#[serde(default)]` does).

use crate::forms::access::{self, Code};
use crate::forms::catalogue::{self, Kind};
use crate::model::*;
use super::value::{Map, Value};

/// An ordered JSON tree: just enough for the document.
pub enum J<'a> {
    Null,
    Bool(bool),
    Num(u64),
    Str(&'a str),
    Arr(Vec<J<'a>>),
    Obj(Vec<(&'static str, J<'a>)>),
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
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    open_item(out, i, indent);
                    item.write(out, indent.map(|d| d + 1));
                }
                close(out, items.is_empty(), indent, ']');
            }
            J::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    open_item(out, i, indent);
                    push_str(out, k);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    v.write(out, indent.map(|d| d + 1));
                }
                close(out, fields.is_empty(), indent, '}');
            }
        }
    }
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
// The answers as a tree, in the declaration order of `crate::model`.

fn code<T: Code>(v: Option<T>) -> J<'static> {
    v.map_or(J::Null, |c| J::Str(c.code()))
}

fn codes<T: Code>(v: &[T]) -> J<'static> {
    J::Arr(v.iter().map(|c| J::Str(c.code())).collect())
}

fn date(d: &DateInput) -> J<'_> {
    J::Obj(vec![("day", J::Str(&d.day)), ("month", J::Str(&d.month)), ("year", J::Str(&d.year))])
}

fn person(p: &Person) -> J<'_> {
    J::Obj(vec![
        ("name", J::Str(&p.name)),
        ("job_title", J::Str(&p.job_title)),
        ("email", J::Str(&p.email)),
        ("team", J::Str(&p.team)),
        ("date", date(&p.date)),
    ])
}

fn screening(s: &Screening) -> J<'_> {
    let p = &s.previous;
    J::Obj(vec![
        ("body", code(s.body)),
        ("joint_model", code(s.joint_model)),
        ("function_holder", code(s.function_holder)),
        ("partner_bodies", J::Str(&s.partner_bodies)),
        ("relates_to_commissioning", code(s.relates_to_commissioning)),
        ("activities", codes(&s.activities)),
        ("no_activity_type", J::Bool(s.no_activity_type)),
        ("impact_delivery", code(s.impact_delivery)),
        ("impact_delivery_detail", J::Str(&s.impact_delivery_detail)),
        ("impact_range", code(s.impact_range)),
        ("impact_range_detail", J::Str(&s.impact_range_detail)),
        ("impact_other", J::Str(&s.impact_other)),
        ("patient_matters", codes(&s.patient_matters)),
        ("no_patient_matters", J::Bool(s.no_patient_matters)),
        ("trust_special_administrator", code(s.trust_special_administrator)),
        ("urgent", code(s.urgent)),
        ("urgency_ground", code(s.urgency_ground)),
        ("urgency_justification", J::Str(&s.urgency_justification)),
        ("public_interest", codes(&s.public_interest)),
        ("no_public_interest", J::Bool(s.no_public_interest)),
        ("substantial_variation", code(s.substantial_variation)),
        ("previous_involvement", code(s.previous_involvement)),
        (
            "previous",
            J::Obj(vec![
                ("summary", J::Str(&p.summary)),
                ("same_proposal", code(p.same_proposal)),
                ("significant_changes", code(p.significant_changes)),
                ("still_relevant", code(p.still_relevant)),
                ("people_changed", code(p.people_changed)),
                ("diversity_addressed", code(p.diversity_addressed)),
                ("new_information", code(p.new_information)),
                ("population_change", code(p.population_change)),
            ]),
        ),
        ("equality_need", code(s.equality_need)),
    ])
}

fn appendix_b(b: &AppendixB) -> J<'_> {
    J::Obj(vec![
        ("location", J::Str(&b.location)),
        ("title", J::Str(&b.title)),
        ("description", J::Str(&b.description)),
        ("objectives", J::Str(&b.objectives)),
        ("opinion", code(b.opinion)),
        ("opinion_reason", J::Str(&b.opinion_reason)),
        ("existing_arrangements", J::Str(&b.existing_arrangements)),
        ("insight_use", J::Str(&b.insight_use)),
        ("additional_required", code(b.additional_required)),
        ("additional_approach", J::Str(&b.additional_approach)),
        ("fair_and_proportionate", J::Str(&b.fair_and_proportionate)),
        ("impact_use", J::Str(&b.impact_use)),
        ("feedback", J::Str(&b.feedback)),
        ("ongoing_impact", J::Str(&b.ongoing_impact)),
        ("completed_by", person(&b.completed_by)),
        ("signoff_applies", code(b.signoff_applies)),
        ("signoff", person(&b.signoff)),
    ])
}

fn appendix_c(c: &AppendixC) -> J<'_> {
    J::Obj(vec![
        ("date_produced", date(&c.date_produced)),
        ("project_lead", J::Str(&c.project_lead)),
        ("background", J::Str(&c.background)),
        ("proposal", J::Str(&c.proposal)),
        ("key_messages", J::Str(&c.key_messages)),
        ("target_audiences", J::Str(&c.target_audiences)),
        ("objectives", J::Str(&c.objectives)),
        ("budget", J::Str(&c.budget)),
        ("methods", J::Str(&c.methods)),
        ("timescales", J::Arr(c.timescales.iter().map(|m| J::Obj(vec![("what", J::Str(&m.what)), ("date", date(&m.date))])).collect())),
        ("equality", J::Str(&c.equality)),
        ("partners", J::Str(&c.partners)),
        ("key_contacts", J::Str(&c.key_contacts)),
        ("risks", J::Arr(c.risks.iter().map(|r| J::Obj(vec![("risk", J::Str(&r.risk)), ("action", J::Str(&r.action))])).collect())),
        ("evaluation", J::Str(&c.evaluation)),
        ("feedback", J::Str(&c.feedback)),
    ])
}

/// The answers as serde would write them.
pub fn answers(a: &Answers) -> J<'_> {
    J::Obj(vec![("screening", screening(&a.screening)), ("b", appendix_b(&a.b)), ("c", appendix_c(&a.c))])
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
    get(m, key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}

fn read_date(m: Option<&Map>) -> DateInput {
    let Some(m) = m else { return DateInput::default() };
    DateInput { day: text(m, "day"), month: text(m, "month"), year: text(m, "year") }
}


/// The answers from a value that passed the schema walk: each catalogue
/// field read from its place (the field id is its path below `answers`)
/// and stored through `forms::access`. A missing group or key reads as
/// unanswered, as `#[serde(default)]` does; checkbox codes keep the file's
/// order, as the derived `Deserialize` does.
pub fn answers_from(v: &Value) -> Answers {
    let mut a = Answers::default();
    for f in catalogue::fields() {
        let (group, key) = f.id.rsplit_once('.').unwrap_or(("", f.id));
        let Some(m) = group.split('.').try_fold(v, |v, k| v.get(k)).and_then(Value::as_object) else { continue };
        let value = match f.kind {
            Kind::Text | Kind::Email | Kind::LongText => access::Value::Text(text(m, key)),
            Kind::Radios(_) => access::Value::Choice(get(m, key).and_then(Value::as_str).map(str::to_string)),
            Kind::Checkboxes(..) => {
                let codes: Vec<&str> = get(m, key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
                let none_key = match key {
                    "activities" => "no_activity_type",
                    "patient_matters" => "no_patient_matters",
                    "public_interest" => "no_public_interest",
                    _ => "",
                };
                access::set_stored_codes(&mut a, f.id, &codes, flag(m, none_key));
                continue;
            }
            Kind::Date => access::Value::Date(read_date(obj(m, key))),
            Kind::Milestones => access::Value::Milestones(
                list(m, key).map(|r| Milestone { what: text(r, "what"), date: read_date(obj(r, "date")) }).collect(),
            ),
            Kind::Risks => access::Value::Risks(list(m, key).map(|r| Risk { risk: text(r, "risk"), action: text(r, "action") }).collect()),
        };
        access::set(&mut a, f.id, value);
    }
    a
}
