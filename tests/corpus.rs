//! The bad-input corpus (issue 6): every file under tests/corpus, listed in
//! tests/corpus/manifest.json with what it is and what the user must see.
//!
//! Each case is run
//! * in-process through `format::import_bytes` (and `format::import` on the
//!   lossy text), then `forms::validate` and `rules::assess` when it imports;
//! * through the real binary, `involve check FILE` and `involve check --json FILE`,
//!   asserting the exit code (0 complete, 1 incomplete, 2 unreadable), the
//!   message substring the user must see, and that nothing panicked.
//!
//! The committed files are produced by [`cases`], which builds valid
//! documents with the real `format::export` and derives the bad ones from
//! them. Regenerate the directory and manifest with
//! `cargo test --test corpus -- --ignored regenerate_corpus`.
//! Cases marked `generated` in the manifest (50 MB, 10 MB string, 100 000
//! levels of nesting, the size-limit boundary) are not committed: the
//! manifest's `generate` recipe builds them, here into a temporary directory.

mod format_support;

use format_support::*;
use involve::format::{self, import, import_bytes, MAX_BYTES};
use involve::forms;
use involve::model::*;
use involve::rules;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How a generated file is built: the parts in order, then (optionally)
/// spaces up to `pad_to` bytes (JSON allows trailing whitespace).
#[derive(Clone, Debug)]
enum Part {
    /// `text` repeated `times` times.
    Text(String, usize),
    /// The bytes of another corpus file.
    File(&'static str),
}

#[derive(Clone, Debug)]
enum Content {
    Bytes(Vec<u8>),
    Generated {
        parts: Vec<Part>,
        pad_to: Option<usize>,
    },
}

#[derive(Clone, Debug)]
struct Case {
    file: &'static str,
    what: &'static str,
    content: Content,
    /// `ok` when the file imports, otherwise the `ImportError` code.
    code: &'static str,
    /// Expected `involve check` exit code.
    exit: i32,
    /// A substring of what the user must be told (None: nothing is wrong
    /// with the file, so there is nothing in particular to say).
    message: Option<&'static str>,
}

fn bytes_of(s: impl Into<String>) -> Content {
    Content::Bytes(s.into().into_bytes())
}

fn pretty(v: &Value) -> Content {
    bytes_of(to_text(v))
}

fn complete_doc() -> Value {
    to_value(&export_doc(&complete()))
}

/// The complete document with one change (digest left as it was).
fn changed(f: impl FnOnce(&mut Value)) -> Content {
    let mut v = complete_doc();
    f(&mut v);
    pretty(&v)
}

fn remove(v: &mut Value, key: &str) {
    v.as_object_mut().expect("object").remove(key);
}

/// `complete()` with `f` applied, exported for real.
fn export_with(f: impl FnOnce(&mut Answers)) -> Content {
    let mut a = complete();
    f(&mut a);
    bytes_of(export_doc(&a))
}

/// The complete document as compact JSON with every non-ASCII character
/// written as a `\uXXXX` escape (surrogate pairs for astral characters).
fn ascii_escaped(text: &str) -> String {
    let compact = serde_json::to_string(&to_value(text)).expect("serialises");
    let mut out = String::new();
    for c in compact.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";
const JS_URL: &str = "javascript:alert(document.cookie)";

/// Every corpus case, in manifest order.
fn cases() -> Vec<Case> {
    let complete_text = export_doc(&complete());
    let c = |file, what, content, code, exit, message| Case {
        file,
        what,
        content,
        code,
        exit,
        message,
    };
    let half = (0..=complete_text.len() / 2)
        .rev()
        .find(|&i| complete_text.is_char_boundary(i))
        .unwrap_or(0);
    let fifty_mb = 50 * 1024 * 1024;
    let item = "{\"format\":\"involve\",\"version\":2},";
    let deep_prefix =
        "{\"format\":\"involve\",\"version\":2,\"ruleset\":\"nhse-2017\",\"answers\":";

    vec![
        // ---- Valid documents made by the real export -------------------
        c("valid-complete.json", "A complete pair of forms, as exported", bytes_of(complete_text.clone()), "ok", 0, None),
        c("valid-empty-answers.json", "A valid document with every answer left blank", bytes_of(export_doc(&Answers::default())), "ok", 1,
            Some("Select whose commissioning function")),
        c("valid-v1.json", "A format 1 document (earlier Involve): migrates to format 2", pretty(&v1_document(&v1_answers())), "ok", 1,
            Some("Select the matters")),
        c("valid-v1-odd-date.json", "A format 1 document whose date is typed 31/02/2024: the date is dropped with a note", {
            let mut v = v1_document(&v1_answers());
            v["answers"]["c"]["date_produced"] = json!("31/02/2024");
            pretty(&v)
        }, "ok", 1, Some("Enter the date again")),
        c("valid-utf8-bom.json", "A complete document starting with a UTF-8 byte order mark", {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(complete_text.as_bytes());
            Content::Bytes(b)
        }, "ok", 0, None),
        c("valid-ascii-escaped.json", "A complete document, compact, every non-ASCII character as a \\u escape (surrogate pairs)",
            bytes_of(ascii_escaped(&export_doc(&everything_complete()))), "ok", 0, None),
        c("valid-extra-fields.json", "A complete document with fields Involve does not use, at the top and inside the answers",
            changed(|v| {
                v["comment"] = json!("added by a governance tool");
                v["answers"]["b"]["colour"] = json!({"nested": [1, 2, 3]});
                v["answers"]["screening"]["__proto__"] = json!({"admin": true});
            }), "ok", 0, None),
        c("valid-digest-uppercase.json", "A complete document whose digest is in capital letters", changed(|v| {
            let d = v["digest"].as_str().unwrap().to_string();
            v["digest"] = json!(format!("sha256:{}", d["sha256:".len()..].to_uppercase()));
        }), "ok", 0, None),
        c("valid-missing-blank-sections.json", "A valid document with blank answers, Appendix C left out of the file (read as unanswered)", {
            let mut v = to_value(&export_doc(&Answers::default()));
            remove(&mut v["answers"], "c");
            pretty(&v)
        }, "ok", 1, Some("Select whose commissioning function")),
        c("valid-duplicate-key-last-wins.json", "A duplicated answer key: a changed title first, the real one last (JSON.parse and Involve both keep the last)", {
            let t = complete_text.replacen("\"title\": \"GP practice closure: Elm Road", "\"title\": \"Something else\",\n      \"title\": \"GP practice closure: Elm Road", 2);
            bytes_of(t)
        }, "ok", 0, None),
        // ---- Hostile text: content, not errors ---------------------------
        c("text-html-script.json", "HTML and script in text answers (<script>, <img onerror>, javascript: URLs): content, kept as typed",
            export_with(|a| {
                a.b.title = SCRIPT.into();
                a.b.description = IMG.into();
                a.b.objectives = JS_URL.into();
                a.c.key_contacts = format!("<a href=\"{JS_URL}\">contact</a>");
                a.c.background = "\"><svg onload=alert(1)> {{7*7}} ${7*7} <!-- -->".into();
                a.c.risks[0].risk = "</textarea><iframe src=\"javascript:alert(1)\">".into();
                a.b.completed_by.team = "'; DROP TABLE forms; --".into();
            }), "ok", 0, None),
        c("text-rtl-emoji.json", "Right-to-left text, bidi overrides, emoji with joiners and flags, combining marks",
            export_with(|a| {
                a.b.title = "إغلاق العيادة \u{202E}txt.exe\u{202C} עִברִית".into();
                a.b.description = "👩‍👩‍👧‍👦 🏳️‍🌈 🇬🇧 🧪 ✔︎".into();
                a.b.objectives = "Z̸̡̛̺̝a̵̢̛̠l̷̨̛g̶̡̛o\u{200B}\u{FEFF}".into();
                a.c.project_lead = "\u{202B}Ashā Patel\u{202C}".into();
            }), "ok", 0, None),
        c("text-control-chars.json", "Control characters in text: NUL, escape sequences, DEL, line and paragraph separators",
            export_with(|a| {
                a.b.title = "Title\u{0}with NUL".into();
                a.b.description = "\u{1b}[31mred\u{1b}[0m \u{1b}]0;title\u{7} bell\u{7}".into();
                a.b.objectives = (0u8..0x20).map(char::from).chain(['\u{7f}', '\u{85}', '\u{2028}', '\u{2029}']).collect();
                a.c.budget = "£4,500\r\n\ttabbed".into();
            }), "ok", 0, None),
        c("text-brackets-in-strings.json", "Ten thousand [ and { inside a text answer (not nesting), with escaped quotes",
            export_with(|a| {
                a.b.description = "[{\\\"".repeat(10_000);
            }), "ok", 0, None),
        c("text-long-340kb.json", "A 340 KB text answer (long, but under the 2 MB limit)", export_with(|a| {
            a.c.background = "Long background. ".repeat(20_000);
        }), "ok", 0, None),
        // ---- Dates: content, reported by validation ----------------------
        c("date-31-february.json", "Date completed typed as 31/02/2026", export_with(|a| {
            a.b.completed_by.date = DateInput::new("31", "02", "2026");
        }), "ok", 1, Some("Date completed must be a real date")),
        c("date-year-0.json", "Date produced typed as 01/01/0 and 01/01/0000", export_with(|a| {
            a.c.date_produced = DateInput::new("01", "01", "0");
            a.c.timescales[0].date = DateInput::new("01", "01", "0000");
        }), "ok", 1, Some("Date produced must include a year with 4 numbers")),
        c("date-29-february-non-leap.json", "29/02/2025 and 29/02/1900 (not leap years)", export_with(|a| {
            a.b.signoff.date = DateInput::new("29", "2", "2025");
            a.c.timescales[1].date = DateInput::new("29", "2", "1900");
        }), "ok", 1, Some("Date signed off must be a real date")),
        c("date-29-february-leap.json", "29/02/2024 (a leap year): a real date", export_with(|a| {
            a.b.completed_by.date = DateInput::new("29", "2", "2024");
            a.b.signoff.date = DateInput::new("29", "2", "2024");
        }), "ok", 0, None),
        c("date-odd-parts.json", "Dates with month 13, day 0, negative, non-ASCII digits, spaces, huge numbers", export_with(|a| {
            a.b.completed_by.date = DateInput::new("1", "13", "2026");
            a.c.date_produced = DateInput::new("٣", "١", "٢٠٢٦");
            a.c.timescales[0].date = DateInput::new("-1", " 2 ", "99999999999999999999999");
            a.c.timescales[1].date = DateInput::new("0", "0", "2027");
        }), "ok", 1, Some("Date completed must be a real date")),
        c("date-incomplete.json", "Date produced with the month missing", export_with(|a| {
            a.c.date_produced = DateInput::new("4", "", "2026");
        }), "ok", 1, Some("Date produced must include a month")),
        c("date-in-future.json", "Date completed in 2999", export_with(|a| {
            a.b.completed_by.date = DateInput::new("1", "1", "2999");
            a.b.signoff.date = DateInput::new("2", "1", "2999");
        }), "ok", 1, Some("must be today or in the past")),
        // ---- Not a file Involve can read ----------------------------------
        c("empty.json", "An empty file (0 bytes)", Content::Bytes(vec![]), "empty", 2, Some("is empty")),
        c("whitespace.json", "Only spaces, tabs and newlines", bytes_of("  \n\t\r\n   \n"), "empty", 2, Some("is empty")),
        c("bom-only.json", "Only a UTF-8 byte order mark", Content::Bytes(vec![0xEF, 0xBB, 0xBF]), "empty", 2, Some("is empty")),
        c("binary.bin", "Binary bytes (a PNG header and every byte value)", {
            let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
            b.extend(0u8..=255);
            Content::Bytes(b)
        }, "not_text", 2, Some("not a text file")),
        c("utf16le-bom.json", "The complete document saved as UTF-16 (little-endian, with BOM)", {
            let mut b = vec![0xFF, 0xFE];
            complete_text.encode_utf16().for_each(|u| b.extend(u.to_le_bytes()));
            Content::Bytes(b)
        }, "not_text", 2, Some("not a text file")),
        c("utf16be-bom.json", "The complete document saved as UTF-16 (big-endian, with BOM)", {
            let mut b = vec![0xFE, 0xFF];
            complete_text.encode_utf16().for_each(|u| b.extend(u.to_be_bytes()));
            Content::Bytes(b)
        }, "not_text", 2, Some("not a text file")),
        c("latin1.json", "The complete document saved as Latin-1 (the £ is byte 0xA3)", {
            let b: Vec<u8> = complete_text.chars().map(|ch| if (ch as u32) < 256 { ch as u32 as u8 } else { b'?' }).collect();
            Content::Bytes(b)
        }, "not_text", 2, Some("not a text file")),
        c("not-json-text.txt", "Plain text notes", bytes_of("Involve assessment, Elm Road\ntitle: GP practice closure\n"), "not_json", 2,
            Some("not in JSON format")),
        c("not-json-html.html", "An HTML page (e.g. a saved error page)", bytes_of("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n"),
            "not_json", 2, Some("not in JSON format")),
        c("not-json-csv.csv", "A spreadsheet saved as CSV", bytes_of("field,answer\nb.title,GP practice closure\n"), "not_json", 2,
            Some("not in JSON format")),
        c("truncated-half.json", "The complete document cut off half-way", bytes_of(&complete_text[..half]), "not_json", 2,
            Some("not in JSON format")),
        c("truncated-last-brace.json", "The complete document without its closing brace", bytes_of(complete_text.trim_end().trim_end_matches('}')),
            "not_json", 2, Some("not in JSON format")),
        c("trailing-garbage.json", "The complete document followed by other text", bytes_of(format!("{complete_text}\nsaved by Outlook\n")),
            "not_json", 2, Some("not in JSON format")),
        c("two-documents.json", "Two documents one after the other", bytes_of(format!("{complete_text}{complete_text}")),
            "not_json", 2, Some("not in JSON format")),
        c("comments.json", "JSON with // and /* */ comments", bytes_of(format!("// saved copy\n/* note */{complete_text}")),
            "not_json", 2, Some("not in JSON format")),
        c("trailing-comma.json", "A trailing comma after the last field", bytes_of(complete_text.trim_end().trim_end_matches('}').trim_end().to_string() + ",\n}\n"),
            "not_json", 2, Some("not in JSON format")),
        c("single-quotes.json", "Single-quoted keys and strings", bytes_of("{'format': 'involve', 'version': 2}"), "not_json", 2,
            Some("not in JSON format")),
        c("nan.json", "NaN and Infinity as numbers", bytes_of("{\"format\": \"involve\", \"version\": NaN, \"x\": Infinity}"), "not_json", 2,
            Some("not in JSON format")),
        c("raw-nul-byte.json", "A raw NUL byte inside a text answer (not escaped)", bytes_of(complete_text.replacen("Elm Road", "Elm\0Road", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("raw-newline-in-string.json", "A raw line break inside a text answer (not escaped)", bytes_of(complete_text.replacen("Elm Road", "Elm\nRoad", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("lone-surrogate-high.json", "A lone high surrogate escape \\ud800 in the title", bytes_of(complete_text.replacen("GP practice closure", "GP \\ud800 closure", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("lone-surrogate-low.json", "A lone low surrogate escape \\udc00 in the title", bytes_of(complete_text.replacen("GP practice closure", "GP \\udc00 closure", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("bad-escape.json", "An invalid escape \\x41 in a string", bytes_of(complete_text.replacen("GP practice closure", "GP \\x41 closure", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("number-out-of-range.json", "version written as 1e400 (beyond any number)", bytes_of(complete_text.replacen("\"version\": 2", "\"version\": 1e400", 1)),
            "not_json", 2, Some("not in JSON format")),
        c("deep-17-levels.json", "Answers nested 17 levels deep (Involve files nest at most 5)", bytes_of(format!("{deep_prefix}{}{}}}", "[".repeat(16), "]".repeat(16))),
            "too_deep", 2, Some("nested more than")),
        // ---- JSON, but not an Involve document ------------------------------
        c("top-level-array.json", "A JSON array holding the document", bytes_of(format!("[{complete_text}]")), "not_involve", 2, Some("not an Involve document")),
        c("top-level-string.json", "A JSON string", bytes_of("\"involve\""), "not_involve", 2, Some("not an Involve document")),
        c("top-level-number.json", "A JSON number", bytes_of("2"), "not_involve", 2, Some("not an Involve document")),
        c("top-level-null.json", "JSON null", bytes_of("null"), "not_involve", 2, Some("not an Involve document")),
        c("empty-object.json", "An empty JSON object", bytes_of("{}"), "not_involve", 2, Some("not an Involve document")),
        c("other-app.json", "Another application's JSON (a package.json)", bytes_of("{\"name\": \"package\", \"version\": \"1.0.0\"}\n"),
            "not_involve", 2, Some("not an Involve document")),
        c("format-missing.json", "The complete document without its format field", changed(|v| remove(v, "format")), "not_involve", 2,
            Some("not an Involve document")),
        c("format-unknown.json", "format is \"involve-ng\"", changed(|v| v["format"] = json!("involve-ng")), "not_involve", 2,
            Some("not an Involve document")),
        c("format-capitals.json", "format is \"INVOLVE\"", changed(|v| v["format"] = json!("INVOLVE")), "not_involve", 2,
            Some("not an Involve document")),
        c("format-number.json", "format is a number", changed(|v| v["format"] = json!(7)), "not_involve", 2, Some("not an Involve document")),
        // ---- Versions -----------------------------------------------------------
        c("version-missing.json", "No version field", changed(|v| remove(v, "version")), "missing", 2, Some("has no version")),
        c("version-newer.json", "version 3 (a later Involve)", changed(|v| v["version"] = json!(3)), "newer_version", 2, Some("newer version")),
        c("version-huge.json", "version 18446744073709551615 (largest 64-bit number)", changed(|v| v["version"] = json!(u64::MAX)),
            "newer_version", 2, Some("newer version")),
        c("version-beyond-u64.json", "version 18446744073709551616 (beyond 64 bits)", bytes_of(complete_text.replacen("\"version\": 2", "\"version\": 18446744073709551616", 1)),
            "unsupported_version", 2, Some("does not recognise")),
        c("version-zero.json", "version 0", changed(|v| v["version"] = json!(0)), "unsupported_version", 2, Some("does not recognise")),
        c("version-negative.json", "version -1", changed(|v| v["version"] = json!(-1)), "unsupported_version", 2, Some("does not recognise")),
        c("version-fraction.json", "version 2.5", changed(|v| v["version"] = json!(2.5)), "unsupported_version", 2, Some("does not recognise")),
        c("version-string.json", "version as text \"2\"", changed(|v| v["version"] = json!("2")), "unsupported_version", 2, Some("does not recognise")),
        c("version-null.json", "version null", changed(|v| v["version"] = Value::Null), "unsupported_version", 2, Some("does not recognise")),
        c("duplicate-key-version.json", "version given twice: 2 then 3 (the last counts)", bytes_of(complete_text.replacen("\"version\": 2,", "\"version\": 2,\n  \"version\": 3,", 1)),
            "newer_version", 2, Some("newer version")),
        // ---- Ruleset and timestamps ------------------------------------------
        c("ruleset-unknown.json", "ruleset \"icb-2022\" (not in this build)", changed(|v| v["ruleset"] = json!("icb-2022")), "unknown_ruleset", 2,
            Some("set of rules")),
        c("ruleset-empty.json", "ruleset is empty text", changed(|v| v["ruleset"] = json!("")), "unknown_ruleset", 2, Some("set of rules")),
        c("ruleset-missing.json", "No ruleset field", changed(|v| remove(v, "ruleset")), "missing", 2, Some("has no ruleset")),
        c("ruleset-number.json", "ruleset is a number", changed(|v| v["ruleset"] = json!(2017)), "wrong_type", 2, Some("ruleset should be text")),
        c("created-not-a-timestamp.json", "created is \"yesterday\"", changed(|v| v["created"] = json!("yesterday")), "bad_timestamp", 2,
            Some("created should be a date and time")),
        c("updated-impossible.json", "updated is 2026-13-45T25:61:00Z", changed(|v| v["updated"] = json!("2026-13-45T25:61:00Z")), "bad_timestamp", 2,
            Some("updated should be a date and time")),
        c("updated-missing.json", "No updated field", changed(|v| remove(v, "updated")), "missing", 2, Some("has no updated")),
        // ---- Answers: missing and wrong types ----------------------------------
        c("answers-missing.json", "No answers field", changed(|v| remove(v, "answers")), "missing", 2, Some("has no answers")),
        c("answers-string.json", "answers is text", changed(|v| v["answers"] = json!("see attached")), "wrong_type", 2,
            Some("answers should be a group of fields")),
        c("answers-array.json", "answers is a list", changed(|v| v["answers"] = json!([])), "wrong_type", 2, Some("answers should be a group of fields")),
        c("type-number-for-text.json", "A number where text is expected (answers.b.title)", changed(|v| v["answers"]["b"]["title"] = json!(42)),
            "wrong_type", 2, Some("answers.b.title should be text")),
        c("type-null-for-text.json", "null where text is expected (answers.c.budget)", changed(|v| v["answers"]["c"]["budget"] = Value::Null),
            "wrong_type", 2, Some("answers.c.budget should be text")),
        c("type-string-for-list.json", "Text where a list is expected (answers.screening.activities)", changed(|v| v["answers"]["screening"]["activities"] = json!("proposals")),
            "wrong_type", 2, Some("answers.screening.activities should be")),
        c("type-object-for-choice.json", "A group of fields where a choice is expected (answers.screening.body)", changed(|v| v["answers"]["screening"]["body"] = json!({"ccg": true})),
            "wrong_type", 2, Some("answers.screening.body should be")),
        c("type-unknown-choice.json", "A choice Involve does not offer (answers.screening.body = \"integrated_care_system\")", changed(|v| v["answers"]["screening"]["body"] = json!("integrated_care_system")),
            "wrong_type", 2, Some("answers.screening.body should be one of")),
        c("type-choice-terminal-escapes.json", "A choice holding terminal escape sequences (set window title, clear screen, colour)",
            changed(|v| v["answers"]["screening"]["body"] = json!("\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mred")),
            "wrong_type", 2, Some("answers.screening.body should be one of")),
        c("type-unknown-list-item.json", "An unknown activity in a list", changed(|v| v["answers"]["screening"]["activities"] = json!(["proposals", "<script>"])),
            "wrong_type", 2, Some("answers.screening.activities[1] should be one of")),
        c("type-string-for-bool.json", "Text \"true\" where true or false is expected", changed(|v| v["answers"]["screening"]["no_activity_type"] = json!("true")),
            "wrong_type", 2, Some("answers.screening.no_activity_type should be true or false")),
        c("type-number-for-date-part.json", "A number where the day is expected as text", changed(|v| v["answers"]["b"]["completed_by"]["date"]["day"] = json!(3)),
            "wrong_type", 2, Some("answers.b.completed_by.date.day should be text")),
        c("type-huge-number.json", "A number beyond 64 bits where text is expected", bytes_of(complete_text.replacen("\"day\": \"3\"", "\"day\": 1e300", 1)),
            "wrong_type", 2, Some("answers.b.completed_by.date.day should be text")),
        c("type-v1-date-in-v2.json", "A format 1 style date (\"2026-11-04\") in a format 2 document", changed(|v| v["answers"]["c"]["date_produced"] = json!("2026-11-04")),
            "wrong_type", 2, Some("answers.c.date_produced should be a group of fields")),
        c("type-list-of-lists.json", "A list of lists where milestone rows are expected", changed(|v| v["answers"]["c"]["timescales"] = json!([["Engagement starts", "9/11/2026"]])),
            "wrong_type", 2, Some("answers.c.timescales[0] should be a group of fields")),
        c("type-section-is-list.json", "Appendix B is a list", changed(|v| v["answers"]["b"] = json!([1, 2])), "wrong_type", 2,
            Some("answers.b should be a group of fields")),
        c("type-everything-wrong.json", "Every answer replaced by a value of the wrong type (the first is reported)", changed(|v| {
            for section in ["screening", "b", "c"] {
                if let Some(o) = v["answers"][section].as_object_mut() {
                    for (i, (_, x)) in o.iter_mut().enumerate() {
                        *x = match (i % 4, &*x) {
                            (_, Value::String(_)) => json!(i),
                            (_, Value::Array(_)) => json!({"row": i}),
                            (_, Value::Bool(_)) => json!("yes"),
                            (_, Value::Object(_)) => json!([i]),
                            (0, Value::Null) => json!({"yes": true}),
                            _ => json!(["no"]),
                        };
                    }
                }
            }
        }), "wrong_type", 2, Some("should be")),
        // ---- The digest -----------------------------------------------------------
        c("digest-tampered-answer.json", "The title changed by hand after download", changed(|v| v["answers"]["b"]["title"] = json!("GP practice closure: Oak Lane branch surgery")),
            "digest_mismatch", 2, Some("has been changed")),
        c("digest-tampered-choice.json", "A choice changed by hand (opinion yes to no)", changed(|v| v["answers"]["b"]["opinion"] = json!("no")),
            "digest_mismatch", 2, Some("has been changed")),
        c("digest-one-digit.json", "One hex digit of the digest changed", changed(|v| {
            let mut d = v["digest"].as_str().unwrap().to_string();
            let last = if d.ends_with('0') { "1" } else { "0" };
            d.pop();
            d.push_str(last);
            v["digest"] = json!(d);
        }), "digest_mismatch", 2, Some("has been changed")),
        c("digest-other-algorithm.json", "An md5: digest", changed(|v| v["digest"] = json!("md5:d41d8cd98f00b204e9800998ecf8427e")), "digest_mismatch", 2,
            Some("has been changed")),
        c("digest-answer-removed.json", "An answered field removed from the file", changed(|v| remove(&mut v["answers"]["b"], "title")), "digest_mismatch", 2,
            Some("has been changed")),
        c("duplicate-key-tampered.json", "A duplicated answer key: the real title first, a changed one last", bytes_of(complete_text.replacen(
            "\"title\": \"GP practice closure: Elm Road branch surgery\",\n      \"description\"",
            "\"title\": \"GP practice closure: Elm Road branch surgery\",\n      \"title\": \"Changed\",\n      \"description\"", 1)),
            "digest_mismatch", 2, Some("has been changed")),
        c("digest-missing.json", "No digest field", changed(|v| remove(v, "digest")), "digest_missing", 2, Some("has no digest")),
        c("digest-empty.json", "digest is empty text", changed(|v| v["digest"] = json!("")), "digest_missing", 2, Some("has no digest")),
        c("digest-null.json", "digest is null", changed(|v| v["digest"] = Value::Null), "digest_missing", 2, Some("has no digest")),
        c("digest-number.json", "digest is a number", changed(|v| v["digest"] = json!(0)), "wrong_type", 2, Some("digest should be text")),
        // ---- Generated at test time (too big to commit) ---------------------------
        c("huge-50mb.json", "50 MB: a JSON list of 1.6 million small objects", Content::Generated {
            parts: vec![Part::Text("[".into(), 1), Part::Text(item.into(), fifty_mb / item.len() + 1), Part::Text("{}]".into(), 1)],
            pad_to: None,
        }, "too_large", 2, Some("larger than")),
        c("huge-string-10mb.json", "A document whose title is one 10 MB string", Content::Generated {
            parts: vec![
                Part::Text(format!("{deep_prefix}{{\"b\":{{\"title\":\""), 1),
                Part::Text("A".into(), 10 * 1024 * 1024),
                Part::Text("\"}}}".into(), 1),
            ],
            pad_to: None,
        }, "too_large", 2, Some("larger than")),
        c("deep-arrays-100k.json", "100 000 nested arrays", Content::Generated {
            parts: vec![Part::Text("[".into(), 100_000), Part::Text("]".into(), 100_000)],
            pad_to: None,
        }, "too_deep", 2, Some("nested more than")),
        c("deep-objects-100k.json", "100 000 nested objects inside the answers", Content::Generated {
            parts: vec![Part::Text(deep_prefix.into(), 1), Part::Text("{\"a\":".into(), 100_000), Part::Text("1".into(), 1), Part::Text("}".into(), 100_001)],
            pad_to: None,
        }, "too_deep", 2, Some("nested more than")),
        c("deep-unclosed-1m.json", "A million [ with no closing brackets", Content::Generated {
            parts: vec![Part::Text("[".into(), 1_000_000)],
            pad_to: None,
        }, "too_deep", 2, Some("nested more than")),
        c("size-at-limit.json", "The complete document padded with spaces to exactly 2 MiB: imports", Content::Generated {
            parts: vec![Part::File("valid-complete.json")],
            pad_to: Some(MAX_BYTES),
        }, "ok", 0, None),
        c("size-over-limit.json", "The complete document padded with spaces to 2 MiB + 1 byte", Content::Generated {
            parts: vec![Part::File("valid-complete.json")],
            pad_to: Some(MAX_BYTES + 1),
        }, "too_large", 2, Some("larger than")),
    ]
}

/// `everything()` made complete where it deliberately is not (it ticks
/// "none" beside options), keeping its unicode text.
fn everything_complete() -> Answers {
    let mut a = everything_v2();
    a.screening.no_activity_type = false;
    a.screening.no_patient_matters = false;
    a.screening.no_public_interest = false;
    a
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn manifest(cases: &[Case]) -> Value {
    let entries: Vec<Value> = cases
        .iter()
        .map(|c| {
            let mut e = json!({
                "file": c.file,
                "what": c.what,
                "generated": matches!(c.content, Content::Generated { .. }),
                "outcome": if c.code == "ok" { "imports" } else { "rejected" },
                "code": c.code,
                "exit": c.exit,
                "message": c.message,
            });
            if let Content::Generated { parts, pad_to } = &c.content {
                let parts: Vec<Value> = parts
                    .iter()
                    .map(|p| match p {
                        Part::Text(t, n) => json!({"text": t, "times": n}),
                        Part::File(f) => json!({"file": f}),
                    })
                    .collect();
                e["generate"] = json!({"parts": parts, "pad_with": " ", "pad_to": pad_to});
            }
            e
        })
        .collect();
    json!({
        "description": "Bad-input corpus for Involve's file import (issue 6). Every case: the file, what it is, and the \
            expected outcome: `code` is `ok` when the file imports (then `exit` says whether the forms are complete) or \
            the import error code; `exit` is the exit code of `involve check FILE` (0 complete, 1 incomplete, \
            2 unreadable); `message` is a substring of what the user must be shown (null when nothing is wrong with \
            the file). Files marked `generated` are not committed: build them from `generate` (the parts in order, \
            `text` repeated `times` times or the bytes of another corpus `file`, then `pad_with` up to `pad_to` bytes \
            when set). Regenerate with: cargo test --test corpus -- --ignored regenerate_corpus",
        "cases": entries,
    })
}

fn build(content: &Content, dir: &Path) -> Vec<u8> {
    match content {
        Content::Bytes(b) => b.clone(),
        Content::Generated { parts, pad_to } => {
            let mut out = Vec::new();
            for p in parts {
                match p {
                    Part::Text(t, n) => {
                        out.reserve(t.len() * n);
                        for _ in 0..*n {
                            out.extend_from_slice(t.as_bytes());
                        }
                    }
                    Part::File(f) => out.extend(std::fs::read(dir.join(f)).expect("corpus file")),
                }
            }
            if let Some(n) = pad_to {
                assert!(out.len() <= *n, "padding target below the file size");
                out.resize(*n, b' ');
            }
            out
        }
    }
}

fn manifest_text(cases: &[Case]) -> String {
    let mut s = serde_json::to_string_pretty(&manifest(cases)).expect("serialises");
    s.push('\n');
    s
}

#[test]
#[ignore = "writes tests/corpus; run by hand to regenerate"]
fn regenerate_corpus() {
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let cases = cases();
    for c in &cases {
        if let Content::Bytes(b) = &c.content {
            std::fs::write(dir.join(c.file), b).unwrap();
        }
    }
    std::fs::write(dir.join("manifest.json"), manifest_text(&cases)).unwrap();
}

/// Today from the system clock, as the CLI reads it (UTC).
fn today_utc() -> Ymd {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    involve::format::check::civil_from_days(secs.div_euclid(86_400))
}

/// The files of every case: committed ones from tests/corpus, generated
/// ones built into `tmp`.
fn materialise(cases: &[Case], tmp: &Path) -> Vec<(Case, PathBuf)> {
    cases
        .iter()
        .map(|c| match &c.content {
            Content::Bytes(_) => (c.clone(), corpus_dir().join(c.file)),
            Content::Generated { .. } => {
                let p = tmp.join(c.file);
                std::fs::write(&p, build(&c.content, &corpus_dir())).unwrap();
                (c.clone(), p)
            }
        })
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("involve-corpus-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn is_huge(c: &Case) -> bool {
    matches!(c.code, "too_large" | "too_deep") || c.file.starts_with("size-")
}

#[test]
fn the_corpus_has_at_least_40_cases_with_unique_files_and_every_kind_of_outcome() {
    let cases = cases();
    assert!(cases.len() >= 40, "{}", cases.len());
    let mut files: Vec<&str> = cases.iter().map(|c| c.file).collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), cases.len(), "duplicate file names");
    for code in [
        "ok",
        "too_large",
        "empty",
        "not_text",
        "not_json",
        "too_deep",
        "not_involve",
        "newer_version",
        "unsupported_version",
        "unknown_ruleset",
        "missing",
        "wrong_type",
        "bad_timestamp",
        "digest_missing",
        "digest_mismatch",
    ] {
        assert!(cases.iter().any(|c| c.code == code), "no case for {code}");
    }
    for c in &cases {
        assert!(
            c.message.is_some() || c.exit == 0,
            "{}: a file that is not fine needs a message",
            c.file
        );
        assert_eq!(
            c.exit == 2,
            c.code != "ok",
            "{}: exit 2 exactly when unreadable",
            c.file
        );
    }
}

#[test]
fn the_committed_manifest_matches_the_cases() {
    let committed = std::fs::read_to_string(corpus_dir().join("manifest.json"))
        .expect("manifest; regenerate the corpus");
    let committed: Value = serde_json::from_str(&committed).expect("manifest is JSON");
    assert_eq!(
        committed,
        manifest(&cases()),
        "tests/corpus/manifest.json is stale; regenerate the corpus"
    );
}

#[test]
fn every_committed_file_is_in_the_manifest_and_no_generated_file_is_committed() {
    let cases = cases();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "manifest.json" {
            continue;
        }
        let case = cases
            .iter()
            .find(|c| c.file == name)
            .unwrap_or_else(|| panic!("{name} is not in the manifest"));
        assert!(
            matches!(case.content, Content::Bytes(_)),
            "{name} is generated and must not be committed"
        );
    }
}

/// Committed bad files derived from an export must still have the outcome
/// the generator gives them; committed valid files must still import to
/// the generator's answers (the informative sections may be stale).
#[test]
fn committed_files_give_the_same_result_as_freshly_generated_ones() {
    for c in cases() {
        let Content::Bytes(fresh) = &c.content else {
            continue;
        };
        let committed = std::fs::read(corpus_dir().join(c.file))
            .unwrap_or_else(|e| panic!("{}: {e}; regenerate the corpus", c.file));
        let (a, b) = (import_bytes(&committed), import_bytes(fresh));
        match (a, b) {
            (Ok(x), Ok(y)) => assert_eq!(
                x.answers, y.answers,
                "{}: stale; regenerate the corpus",
                c.file
            ),
            (Err(x), Err(y)) => assert_eq!(x.code(), y.code(), "{}", c.file),
            (x, y) => panic!(
                "{}: committed {:?} but fresh {:?}",
                c.file,
                x.map(|i| i.version),
                y.map(|i| i.version)
            ),
        }
    }
}

/// What in-process import, validation and rules make of a file: the exit
/// code the CLI should give and every message a user could be shown.
fn in_process(bytes: &[u8], today: Ymd) -> (i32, &'static str, Vec<String>) {
    match import_bytes(bytes) {
        Err(e) => (2, e.code(), vec![e.to_string()]),
        Ok(got) => {
            let report = forms::Derived::new(&got.answers, today).report;
            let assessment = got.rules().assess(&got.answers.screening);
            let _ = rules::assess(&got.answers.screening);
            let _ = assessment.route();
            let mut messages: Vec<String> = got.notes.iter().map(|n| n.to_string()).collect();
            messages.extend(report.issues.iter().map(|i| i.to_string()));
            // The round trip: what was read exports and reads back the same.
            let again =
                format::export(&got.answers, got.rules(), &got.created, &got.updated, today);
            assert_eq!(
                import(&again).map(|g| g.answers),
                Ok(got.answers.clone()),
                "re-export does not read back"
            );
            (if report.is_complete() { 0 } else { 1 }, "ok", messages)
        }
    }
}

#[test]
fn every_case_in_process_gives_the_expected_outcome_and_message() {
    let tmp = temp_dir("inproc");
    let today = today_utc();
    let mut failures = Vec::new();
    for (c, path) in materialise(&cases(), &tmp) {
        let bytes = std::fs::read(&path).unwrap();
        let start = Instant::now();
        let (exit, code, messages) = in_process(&bytes, today);
        let took = start.elapsed();
        // The str entry point agrees with the bytes one on text files.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_eq!(
                import(text).map(|g| g.answers).map_err(|e| e.code()),
                import_bytes(&bytes)
                    .map(|g| g.answers)
                    .map_err(|e| e.code()),
                "{}",
                c.file
            );
        }
        let _ = import(&String::from_utf8_lossy(&bytes));
        if code != c.code || exit != c.exit {
            failures.push(format!(
                "{}: expected {} exit {}, got {} exit {} {:?}",
                c.file,
                c.code,
                c.exit,
                code,
                exit,
                messages.first()
            ));
        } else if let Some(m) = c.message {
            if !messages.iter().any(|x| x.contains(m)) {
                failures.push(format!(
                    "{}: no message containing {m:?} in {messages:?}",
                    c.file
                ));
            }
        }
        if is_huge(&c) && c.code != "ok" && took > Duration::from_millis(500) {
            failures.push(format!(
                "{}: rejected in {took:?}, expected under 500 ms",
                c.file
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn run_cli(args: &[&str]) -> (i32, String, String, Duration) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_involve"))
        .args(args)
        .output()
        .expect("runs the binary");
    let took = start.elapsed();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        took,
    )
}

fn cli_failures(c: &Case, path: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let p = path.to_str().unwrap();
    for json_mode in [false, true] {
        let args: Vec<&str> = if json_mode {
            vec!["check", "--json", p]
        } else {
            vec!["check", p]
        };
        let (exit, stdout, stderr, took) = run_cli(&args);
        let label = format!("{} ({})", c.file, if json_mode { "--json" } else { "text" });
        if exit == 101 || stderr.contains("panicked") || stdout.contains("panicked") {
            failures.push(format!("{label}: PANIC (exit {exit}): {stderr}"));
            continue;
        }
        if exit != c.exit {
            failures.push(format!(
                "{label}: exit {exit}, expected {}; stdout {:.300}; stderr {:.300}",
                c.exit, stdout, stderr
            ));
        }
        if json_mode {
            match serde_json::from_str::<Value>(&stdout) {
                Err(e) => {
                    failures.push(format!("{label}: stdout is not JSON ({e}): {stdout:.300}"))
                }
                Ok(v) => {
                    let text = v.to_string();
                    if c.code != "ok" && !text.contains(&format!("\"{}\"", c.code)) {
                        failures.push(format!(
                            "{label}: the JSON does not give the code {}: {text:.300}",
                            c.code
                        ));
                    }
                    if let Some(m) = c.message {
                        if !text.contains(m) {
                            failures.push(format!("{label}: the JSON has no {m:?}: {text:.400}"));
                        }
                    }
                }
            }
        } else if let Some(m) = c.message {
            if !stdout.contains(m) && !stderr.contains(m) {
                failures.push(format!(
                    "{label}: output has no {m:?}: stdout {stdout:.300}; stderr {stderr:.300}"
                ));
            }
        }
        if is_huge(c) && took > Duration::from_secs(2) {
            failures.push(format!("{label}: took {took:?}, expected under 2 s"));
        }
    }
    failures
}

#[test]
fn every_case_through_the_cli_gives_the_expected_exit_code_and_message_and_never_panics() {
    let tmp = temp_dir("cli");
    let mut failures = Vec::new();
    for (c, path) in materialise(&cases(), &tmp) {
        failures.extend(cli_failures(&c, &path));
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_cli_checks_the_whole_committed_corpus_in_one_run_without_panicking() {
    let dir = corpus_dir();
    let mut files: Vec<String> = cases()
        .iter()
        .filter(|c| matches!(c.content, Content::Bytes(_)))
        .map(|c| dir.join(c.file).to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["check", "--json"];
    args.extend(files.iter().map(String::as_str));
    let (exit, stdout, stderr, _) = run_cli(&args);
    assert!(exit != 101 && !stderr.contains("panicked"), "{stderr}");
    // Some files cannot be read, so the run as a whole is unreadable.
    assert_eq!(exit, 2, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout:.500}"));
    let unreadable = cases()
        .iter()
        .filter(|c| matches!(c.content, Content::Bytes(_)) && c.code != "ok")
        .count();
    assert_eq!(
        v["summary"]["unreadable"],
        json!(unreadable),
        "{}",
        v["summary"]
    );
    assert_eq!(
        v["summary"]["files"],
        json!(files.len()),
        "{}",
        v["summary"]
    );

    // The assurance table over the folder (subfolders searched, .json only).
    let dir_arg = dir.to_string_lossy().into_owned();
    for args in [
        vec!["check", "--summary", dir_arg.as_str()],
        vec!["check", "--summary", "--json", dir_arg.as_str()],
    ] {
        let (exit, stdout, stderr, _) = run_cli(&args);
        assert!(
            exit != 101 && !stderr.contains("panicked") && !stdout.contains("panicked"),
            "{stderr}"
        );
        assert_eq!(exit, 2, "{args:?}: {stdout:.300} {stderr:.300}");
        assert!(!stdout.trim().is_empty());
    }
}

#[test]
fn the_cli_reports_a_missing_file_or_a_folder_named_like_a_file_as_unreadable() {
    let tmp = temp_dir("odd-paths");
    let folder = tmp.join("folder.json");
    std::fs::create_dir_all(&folder).unwrap();
    let missing = tmp.join("no-such-file.json");
    for (p, code) in [(&missing, "not_found"), (&folder, "no_files")] {
        let (exit, stdout, stderr, _) = run_cli(&["check", p.to_str().unwrap()]);
        assert!(exit != 101 && !stderr.contains("panicked"), "{stderr}");
        assert_eq!(exit, 2, "{}: {stdout} {stderr}", p.display());
        assert!(stdout.contains(code), "{}: {stdout}", p.display());
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
