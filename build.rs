//! Writes `$OUT_DIR/import-schema.json`: the committed document schema
//! (`schema/involve-document.schema.json`) compact and without its
//! annotations (`$schema`, `$id`, `title`, `description`), which the walker
//! never reads. Import embeds this copy instead of the 15 KB committed text,
//! so the WebAssembly build carries about a third of the bytes; what is
//! checked is the same (`tests/format_schema.rs` compares the two).
use serde_json::Value;
use std::path::PathBuf;

const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description"];

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

fn main() {
    let src = "schema/involve-document.schema.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(src).expect("the committed schema");
    let mut v: Value = serde_json::from_str(&text).expect("the committed schema is JSON");
    strip(&mut v, false);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("import-schema.json");
    std::fs::write(out, serde_json::to_string(&v).expect("serialises")).expect("writes OUT_DIR/import-schema.json");
}
