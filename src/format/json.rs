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
//!
//! Both go field by field through `forms::catalogue::fields()` and
//! `forms::access` rather than one hand-written function per struct (about
//! 9 KB less WebAssembly): each field id is its path below `answers`, and the
//! catalogue's field order is the model's declaration order, so it is the
//! key order of the document. Reordering the catalogue would change the
//! bytes and the digest; `tests/format_props.rs` (byte-for-byte against
//! serde) and the committed fixtures fail if it happens.

use crate::forms::access::{self, Stored};
use crate::forms::catalogue::{self, Kind};
use super::value::{Map, Value};
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
            J::Obj(fields) => write_object(out, fields.iter().map(|(k, v)| (*k, v)), fields.is_empty(), indent),
            J::Map(fields) => write_object(out, fields.iter().map(|(k, v)| (k.as_str(), v)), fields.is_empty(), indent),
        }
    }

    /// The same tree with every object's keys in byte order, as a
    /// `serde_json` map (without `preserve_order`) keeps them: the key order
    /// of the `involve check --json` report. Equal keys keep their order.
    pub fn sorted(self) -> Self {
        match self {
            J::Arr(items) => J::Arr(items.into_iter().map(J::sorted).collect()),
            J::Obj(fields) => {
                J::Map(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>()).sorted()
            }
            J::Map(fields) => {
                let mut fields: Vec<(String, J)> = fields.into_iter().map(|(k, v)| (k, v.sorted())).collect();
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
// The answers as a tree, in the declaration order of `crate::model`, which
// is the catalogue's field order (each field id is its path below
// `answers`; a checkbox field's "None of these" flag follows it).

fn date(d: &DateInput) -> J<'_> {
    J::Obj(vec![("day", J::Str(&d.day)), ("month", J::Str(&d.month)), ("year", J::Str(&d.year))])
}

/// The key of a checkbox field's "None of these" flag.
fn none_key(key: &str) -> &'static str {
    match key {
        "activities" => "no_activity_type",
        "patient_matters" => "no_patient_matters",
        "public_interest" => "no_public_interest",
        "joint_other_holders" => "no_joint_other_holders",
        _ => "",
    }
}

/// Append `entries` to the object at `group` (a dotted path below
/// `fields`), starting it if the previous field was not in it.
fn put<'a>(fields: &mut Vec<(&'static str, J<'a>)>, group: &'static str, entries: Vec<(&'static str, J<'a>)>) {
    if group.is_empty() {
        fields.extend(entries);
        return;
    }
    let (head, rest) = group.split_once('.').unwrap_or((group, ""));
    if fields.last().is_none_or(|(k, _)| *k != head) {
        fields.push((head, J::Obj(Vec::new())));
    }
    if let Some((_, J::Obj(child))) = fields.last_mut() {
        put(child, rest, entries);
    }
}

/// The answers as serde would write them.
pub fn answers(a: &Answers) -> J<'_> {
    let mut root = Vec::new();
    for f in catalogue::fields() {
        let (group, key) = f.id.rsplit_once('.').unwrap_or(("", f.id));
        let Some(v) = access::stored(a, f.id) else { continue };
        let entries = match v {
            Stored::Text(s) => vec![(key, J::Str(s))],
            Stored::Choice(c) => vec![(key, c.map_or(J::Null, J::Str))],
            Stored::Multi(codes, none) => {
                vec![(key, J::Arr(codes.into_iter().map(J::Str).collect())), (none_key(key), J::Bool(none))]
            }
            Stored::Date(d) => vec![(key, date(d))],
            Stored::Milestones(m) => {
                vec![(key, J::Arr(m.iter().map(|m| J::Obj(vec![("what", J::Str(&m.what)), ("date", date(&m.date))])).collect()))]
            }
            Stored::Risks(r) => {
                vec![(key, J::Arr(r.iter().map(|r| J::Obj(vec![("risk", J::Str(&r.risk)), ("action", J::Str(&r.action))])).collect()))]
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
                access::set_stored_codes(&mut a, f.id, &codes, flag(m, none_key(key)));
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
