//! Writes `$OUT_DIR/import-schema.json`: what import walks of the committed
//! document schema (`schema/involve-document.schema.json`), compact:
//! only `$defs/answers` and the definitions it refers to, without the
//! annotations (`$schema`, `$id`, `title`, `description`) and without
//! `required`, none of which the walker reads in `Mode::Read`. Import embeds
//! this copy instead of the 15 KB committed text, so the WebAssembly build
//! carries a fraction of the bytes; what is checked is the same
//! (`tests/format_schema.rs` compares the two).
use serde_json::Value;
use std::path::PathBuf;

const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "required"];

/// `names`: the keys of this object are property or definition names, not keywords.
fn strip(v: &mut Value, names: bool) {
    match v {
        Value::Object(m) => {
            if !names {
                m.retain(|k, _| !ANNOTATIONS.contains(&k.as_str()));
            }
            for (k, child) in m.iter_mut() {
                if !names && matches!(k.as_str(), "enum" | "const" | "required") {
                    continue;
                }
                strip(child, !names && (k == "properties" || k == "$defs"));
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| strip(x, false)),
        _ => {}
    }
}

/// The `$defs` names `node` refers to, added to `names` (and theirs, in turn).
fn reachable(defs: &serde_json::Map<String, Value>, node: &Value, names: &mut Vec<String>) {
    match node {
        Value::Object(m) => {
            for (k, v) in m {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => {
                        let name = r.strip_prefix("#/$defs/").expect("local $ref").to_string();
                        if !names.contains(&name) {
                            names.push(name.clone());
                            reachable(defs, &defs[&name], names);
                        }
                    }
                    _ => reachable(defs, v, names),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| reachable(defs, x, names)),
        _ => {}
    }
}

fn main() {
    let src = "schema/involve-document.schema.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(src).expect("the committed schema");
    let mut v: Value = serde_json::from_str(&text).expect("the committed schema is JSON");
    strip(&mut v, false);
    let defs = v["$defs"].as_object().expect("$defs").clone();
    let mut names = vec!["answers".to_string()];
    reachable(&defs, &defs["answers"], &mut names);
    let kept: serde_json::Map<String, Value> = defs
        .into_iter()
        .filter(|(k, _)| names.contains(k))
        .collect();
    let v = serde_json::json!({ "$defs": kept });
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("import-schema.json");
    std::fs::write(out, serde_json::to_string(&v).expect("serialises"))
        .expect("writes OUT_DIR/import-schema.json");
}
