//! A small walker for the subset of JSON Schema (draft 2020-12) that
//! `schema/involve-document.schema.json` uses.
//!
//! The committed schema is the single description of the document's types:
//! import type-checks `answers` with it (so a number where text is expected
//! is an error naming the path), and the tests walk exported documents
//! against it (so the schema cannot drift from the code).
//!
//! Supported keywords: `$ref` (to `#/$defs/...`), `type` (a name or a list),
//! `enum`, `const`, `properties`, `required`, `additionalProperties: false`,
//! `items`, `minimum`. Annotations (`$schema`, `$id`, `title`,
//! `description`, `pattern`) are not checked here; the digest pattern is
//! checked by the importer itself. Any other keyword is a defect that
//! [`unsupported_keywords`] reports and a test rejects.

use super::value::{self, Value};
use std::sync::OnceLock;

/// The committed schema, as text.
pub const SCHEMA_TEXT: &str = include_str!("../../schema/involve-document.schema.json");

/// Keywords the walker checks or deliberately treats as annotations.
pub const KNOWN_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "pattern",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minimum",
];

/// The schema import walks (written by `build.rs`): of [`SCHEMA_TEXT`],
/// compact, only `$defs/answers` and the definitions it refers to, without
/// the annotations `$schema`, `$id`, `title` and `description` and without
/// `required` (which [`Mode::Read`] does not read), so the WebAssembly build
/// does not carry the 15 KB text. Walking `answers` with it in
/// [`Mode::Read`] gives exactly what walking with [`schema`] gives.
pub const IMPORT_SCHEMA_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/import-schema.json"));

/// The parsed import schema (parsed once per process).
pub fn import_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| value::parse(IMPORT_SCHEMA_TEXT).unwrap_or(Value::Null))
}

/// The parsed schema (parsed once per process).
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| value::parse(SCHEMA_TEXT).unwrap_or(Value::Null))
}

/// A value whose type does not match the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Path such as `answers.c.risks[1].action`.
    pub path: String,
    /// What the schema wants, in words: "text", "true or false", ...
    pub expected: String,
    /// What the file has, in words: "a number", "\"maybe\"", ...
    pub found: String,
}

/// How strictly to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Reading a file: unknown keys are collected (not errors) and missing
    /// keys are allowed (they read as unanswered).
    Read,
    /// Checking what Involve writes: unknown keys and missing required keys
    /// are mismatches.
    Strict,
}

/// Resolve `$ref` chains to the node that holds the constraints.
pub fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match node.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.strip_prefix("#/$defs/").unwrap_or(r);
                match root.get("$defs").and_then(|d| d.get(name)) {
                    Some(n) => node = n,
                    None => return &Value::Null,
                }
            }
            None => return node,
        }
    }
    node
}

/// The node for `$defs/<name>`.
pub fn def(name: &str) -> &'static Value {
    schema()
        .get("$defs")
        .and_then(|d| d.get(name))
        .unwrap_or(&Value::Null)
}

/// The JSON type name of a value, as the schema spells it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_integer() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A value described for a person reading an error message.
pub fn describe_found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => "true or false".into(),
        Value::Number(_) => "a number".into(),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("\"{short}...\"")
            } else {
                format!("\"{short}\"")
            }
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a group of fields".into(),
    }
}

fn describe_type(t: &str) -> &'static str {
    match t {
        "string" => "text",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "array" => "a list",
        "object" => "a group of fields",
        "null" => "null",
        _ => "something else",
    }
}

fn join_or(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

fn type_matches(t: &str, v: &Value) -> bool {
    let actual = type_name(v);
    t == actual || (t == "number" && actual == "integer")
}

/// Walk `value` against schema `node`, pushing unknown keys (in
/// [`Mode::Read`]) onto `unknown`. Stops at the first mismatch.
pub fn check(
    root: &Value,
    node: &Value,
    value: &Value,
    path: &mut String,
    mode: Mode,
    unknown: &mut Vec<String>,
) -> Result<(), Mismatch> {
    let node = resolve(root, node);
    let mismatch = |path: &String, expected: String| Mismatch {
        path: path.clone(),
        expected,
        found: describe_found(value),
    };

    let enum_words = || -> Option<String> {
        let allowed = node.get("enum")?.as_array()?;
        let words: Vec<String> = allowed
            .iter()
            .map(|a| match a {
                Value::String(s) => format!("\"{s}\""),
                other => other.to_json(),
            })
            .collect();
        Some(format!("one of {}", join_or(&words)))
    };
    if let Some(t) = node.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| type_matches(t, value)) {
            let words: Vec<String> = types.iter().map(|t| describe_type(t).to_string()).collect();
            return Err(mismatch(
                path,
                enum_words().unwrap_or_else(|| join_or(&words)),
            ));
        }
    }
    if let Some(Value::Array(allowed)) = node.get("enum") {
        if !allowed.contains(value) {
            return Err(mismatch(path, enum_words().unwrap_or_default()));
        }
    }
    if let Some(c) = node.get("const") {
        if c != value {
            return Err(mismatch(path, c.to_json()));
        }
    }
    if let (Some(min), Some(n)) = (node.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if n < min {
            return Err(mismatch(
                path,
                format!("a number no less than {}", number_words(min)),
            ));
        }
    }
    if let Value::Object(map) = value {
        let props = node.get("properties").and_then(Value::as_object);
        let closed = node.get("additionalProperties") == Some(&Value::Bool(false));
        let len = path.len();
        for (key, child) in map {
            push_key(path, key);
            match props.and_then(|p| p.get(key)) {
                Some(child_node) => check(root, child_node, child, path, mode, unknown)?,
                None if closed => match mode {
                    Mode::Read => unknown.push(path.clone()),
                    Mode::Strict => {
                        return Err(Mismatch {
                            path: path.clone(),
                            expected: "no such field".into(),
                            found: describe_found(child),
                        })
                    }
                },
                None => {}
            }
            path.truncate(len);
        }
        if mode == Mode::Strict {
            if let Some(Value::Array(req)) = node.get("required") {
                for key in req.iter().filter_map(Value::as_str) {
                    if !map.contains_key(key) {
                        push_key(path, key);
                        let e = Mismatch {
                            path: path.clone(),
                            expected: "present".into(),
                            found: "nothing".into(),
                        };
                        path.truncate(len);
                        return Err(e);
                    }
                }
            }
        }
    }
    if let (Value::Array(items), Some(item_node)) = (value, node.get("items")) {
        let len = path.len();
        for (i, item) in items.iter().enumerate() {
            path.push_str(&format!("[{i}]"));
            check(root, item_node, item, path, mode, unknown)?;
            path.truncate(len);
        }
    }
    Ok(())
}

/// A schema bound in words: whole numbers as integers (the schema's only
/// bound is 0), anything else as serde_json writes the number. Avoids
/// `f64`'s `Display` (9.5 KB of the WebAssembly build, twiggy) for the same text.
fn number_words(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        (n as i64).to_string()
    } else {
        value::float_text(n)
    }
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// Keywords anywhere in the schema that the walker does not know (should be
/// empty; a test asserts it).
pub fn unsupported_keywords(node: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(node: &Value, out: &mut Vec<String>, in_props: bool) {
        match node {
            Value::Object(map) => {
                for (k, v) in map {
                    if !in_props && !KNOWN_KEYWORDS.contains(&k.as_str()) {
                        out.push(k.clone());
                    }
                    // Children of `properties` and `$defs` are names, not keywords.
                    let names = !in_props && (k == "properties" || k == "$defs");
                    if k == "enum" || k == "const" || k == "required" {
                        continue;
                    }
                    walk(v, out, names);
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out, false)),
            _ => {}
        }
    }
    walk(node, &mut out, false);
    out
}
