//! The format outlives its question list (issue 19): every file Involve
//! ever wrote loads and verifies in every later release, whatever questions
//! are added or moved.
//!
//! A later release is simulated by `format_support::later`: [`Later`] has
//! five questions added (into an existing object, a nested one, a new
//! object and a new list) and two moved; [`Moved`] has only the moves. They
//! go through the production writer, reader and digest
//! (`format::json::Answered`, `format::import_as`, `Document::to_json_as`),
//! not a copy of them.

mod format_support;
#[path = "golden2017/mod.rs"]
mod golden2017;

use format_support::later::{moved_questions, Later, Moved, ADDED};
use format_support::*;
use golden2017::sha256_hex;
use involve::format::json::{self, Answered, V2_FIELDS};
use involve::format::{self, import, import_as, Document, ImportError};
use involve::forms::{access, catalogue};
use involve::model::*;
use involve::rules;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every committed file from before: the fixtures, the bad-input corpus and
/// the files each release wrote.
fn earlier_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = Vec::new();
    for dir in ["fixtures", "corpus", "golden/releases"] {
        files_under(&root.join(dir), &mut out);
    }
    out.sort();
    out
}

fn ruleset_of(got: &format::Imported<Later>) -> RulesetId {
    RulesetId::from_id(got.ruleset).unwrap()
}

/// Read by today's Involve and by the later one: the same outcome, the same
/// answers, nothing in the added questions.
fn read_both_ways(name: &str, text: &str) -> Result<bool, String> {
    match (import(text), import_as(text, Later::default())) {
        (Ok(now), Ok(mut later)) => {
            later.answers.answers.screening.ruleset = ruleset_of(&later);
            assert_eq!(
                later.answers,
                Later::of(now.answers.clone()),
                "{name}: read differently"
            );
            assert_eq!(later.digest_verified, now.digest_verified, "{name}");
            assert_eq!(later.notes, now.notes, "{name}");
            Ok(now.digest_verified)
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "{name}");
            Err(a.code().to_string())
        }
        (a, b) => panic!(
            "{name}: today {:?}, later {:?}",
            a.map(|g| g.digest_verified),
            b.map(|g| g.digest_verified)
        ),
    }
}

#[test]
fn every_earlier_file_loads_and_verifies_the_same_with_questions_added_and_moved() {
    let mut verified = 0;
    for path in earlier_files() {
        let name = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        }; // not UTF-8: never read as text
        if read_both_ways(&name, &text) == Ok(true) {
            verified += 1;
        }
    }
    eprintln!("{verified} files verified");
    assert!(
        verified >= 40,
        "only {verified} files verified: the test is not reading them"
    );
}

#[test]
fn the_2000_golden_screenings_documents_verify_with_questions_added_and_moved() {
    for (i, s) in golden2017::screenings().enumerate() {
        let a = Answers {
            screening: s,
            ..Answers::default()
        };
        let text = format::export(&a, nhse(), CREATED, UPDATED, today());
        assert_eq!(
            read_both_ways(&format!("case {i}"), &text),
            Ok(true),
            "case {i}"
        );
    }
}

fn later_answered() -> Later {
    Later {
        answers: everything(),
        reconsulted: Some(YesNo::No),
        phone: "0113 496 0000 «ünïcödé»".into(),
        review_date: DateInput::new("1", "4", "2027"),
        review_notes: "Review after a year".into(),
        contacts: vec![Risk {
            risk: "Healthwatch".into(),
            action: "healthwatch@example.org".into(),
        }],
    }
}

fn write(later: &Later, ruleset: &'static dyn rules::Ruleset) -> String {
    Document::new(&later.answers, ruleset, CREATED, UPDATED, today()).to_json_as(later)
}

#[test]
fn a_document_with_the_added_questions_answered_verifies_and_reads_back_whole() {
    for r in [nhse(), nhse_2022()] {
        let later = later_answered();
        let text = write(&later, r);
        let mut got = import_as(&text, Later::default()).unwrap();
        assert!(got.digest_verified);
        // This test's schema does not list them (a release adding them would).
        let unknown: Vec<&str> = got.notes.iter().map(|n| n.path.as_str()).collect();
        assert_eq!(
            unknown,
            [
                "answers.b.completed_by.phone",
                "answers.c.contacts",
                "answers.c.review",
                "answers.screening.reconsulted"
            ]
        );
        got.answers.answers.screening.ruleset = RulesetId::from_id(r.id()).unwrap();
        let mut want = later.clone();
        want.answers.screening.ruleset = RulesetId::from_id(r.id()).unwrap();
        assert_eq!(got.answers, want);
        // Appended to their objects; a new object and list where needed.
        let v = to_value(&text);
        assert_eq!(v["answers"]["screening"]["reconsulted"], json!("no"));
        assert_eq!(
            v["answers"]["c"]["review"],
            json!({"date": {"day": "1", "month": "4", "year": "2027"}, "notes": "Review after a year"})
        );
        assert_eq!(
            v["answers"]["c"]["contacts"][0]["risk"],
            json!("Healthwatch")
        );
        let completed_by = text.find("\"completed_by\"").unwrap();
        let team = completed_by + text[completed_by..].find("\"team\"").unwrap();
        let phone = completed_by + text[completed_by..].find("\"phone\"").unwrap();
        assert!(
            team < phone,
            "an added key goes after format 2's keys of its object"
        );
    }
}

#[test]
fn editing_or_removing_an_added_answer_breaks_the_digest() {
    let text = write(&later_answered(), nhse());
    type Edit = (&'static str, fn(&mut Value));
    let edits: [Edit; 6] = [
        ("choice changed", |v| {
            v["answers"]["screening"]["reconsulted"] = json!("yes")
        }),
        ("choice removed", |v| {
            v["answers"]["screening"]
                .as_object_mut()
                .unwrap()
                .remove("reconsulted");
        }),
        ("nested text changed", |v| {
            v["answers"]["b"]["completed_by"]["phone"] = json!("0113 496 0001")
        }),
        ("new object's date changed", |v| {
            v["answers"]["c"]["review"]["date"]["year"] = json!("2028")
        }),
        ("new object removed", |v| {
            v["answers"]["c"].as_object_mut().unwrap().remove("review");
        }),
        ("new list emptied", |v| {
            v["answers"]["c"]["contacts"] = json!([])
        }),
    ];
    for (what, edit) in edits {
        let mut v = to_value(&text);
        edit(&mut v);
        assert_eq!(
            import_as(&to_text(&v), Later::default()).unwrap_err(),
            ImportError::DigestMismatch,
            "{what}"
        );
    }
}

#[test]
fn an_added_question_left_unanswered_is_neither_written_nor_digested() {
    for (a, r) in [
        (complete(), nhse()),
        (everything(), nhse()),
        (icb_2022(), nhse_2022()),
    ] {
        let later = Later::of(a.clone());
        let text = write(&later, r);
        assert_eq!(
            text,
            Document::new(&a, r, CREATED, UPDATED, today()).to_json(),
            "the same bytes as without the questions"
        );
        let v = to_value(&text);
        assert_eq!(v["answers"]["screening"].get("reconsulted"), None);
        assert_eq!(v["answers"]["c"].get("review"), None);
        assert_eq!(
            format::canonical_content(r.id(), &later),
            format::canonical_content(r.id(), &a)
        );
        assert!(import_as(&text, Later::default()).unwrap().digest_verified);
    }
}

#[test]
fn moving_questions_in_the_list_changes_neither_the_bytes_nor_the_digest() {
    assert_ne!(
        moved_questions(),
        Answers::default().questions(),
        "the list is really moved"
    );
    for (a, r) in [
        (complete(), nhse()),
        (everything(), nhse()),
        (incomplete(), nhse()),
        (icb_2022(), nhse_2022()),
        (trust_2022(), nhse_2022()),
    ] {
        let doc = Document::new(&a, r, CREATED, UPDATED, today());
        assert_eq!(doc.to_json_as(&Moved(a.clone())), doc.to_json());
        assert_eq!(
            format::digest(r.id(), &Moved(a.clone())),
            format::digest(r.id(), &a)
        );
    }
}

/// Format 2's order is the order of every file written so far and of their
/// digests: changing it would fail them all.
#[test]
fn format_2s_answers_keep_their_frozen_order() {
    let listed = V2_FIELDS.join("\n");
    assert_eq!(
        sha256_hex(listed.as_bytes()),
        "8918ff49e31a2f00ee2f2492a72e20497814433273ad41392ee83c94bf57fe60",
        "format::json::V2_FIELDS is format 2's order, frozen: do not reorder, remove or insert. \
         A new question goes in the model, forms::access, the catalogue and the schema only; \
         the format writes it after format 2's answers, by id.\nNow:\n{listed}"
    );
    assert_eq!(
        json::order(&Answers::default())[..V2_FIELDS.len()],
        *V2_FIELDS
    );
}

#[test]
fn every_format_2_answer_still_has_its_place_in_the_answers() {
    let a = Answers::default();
    for id in V2_FIELDS {
        assert!(
            a.stored(id).is_some(),
            "{id}: format 2 files hold it; keep it in the model and forms::access (hide it in the form instead)"
        );
    }
}

#[test]
fn added_questions_are_written_after_format_2s_by_id() {
    let order = json::order(&Later::default());
    // This build's own added questions (none yet, or those of later issues), and the test's.
    let mut added: Vec<&str> = json::order(&Answers::default())[V2_FIELDS.len()..].to_vec();
    added.extend(ADDED);
    added.sort_unstable();
    added.dedup();
    assert_eq!(order[V2_FIELDS.len()..], added[..]);
}

/// An answer of the shape `id` takes, not its unanswered value.
fn an_answer(id: &str) -> access::Value {
    let first = catalogue::field(id)
        .and_then(|f| f.kind.options().first())
        .map(|(code, _)| code.to_string());
    match access::get(&Answers::default(), id) {
        Some(access::Value::Choice(_)) => access::Value::Choice(first),
        Some(access::Value::Multi { .. }) => access::Value::Multi {
            values: first.into_iter().collect(),
            none: false,
        },
        Some(access::Value::Date(_)) => access::Value::Date(DateInput::new("1", "2", "2026")),
        Some(access::Value::Milestones(_)) => access::Value::Milestones(vec![Milestone {
            what: "x".into(),
            ..Milestone::default()
        }]),
        Some(access::Value::Risks(_)) => access::Value::Risks(vec![Risk {
            risk: "x".into(),
            action: String::new(),
        }]),
        _ => access::Value::Text("x".into()),
    }
}

/// A question the writer could not place (no place in `forms::access`, or
/// a path through an answer that is not an object) would be silently left
/// out of every file: each catalogue question, answered, must be written at
/// its path, and read back.
#[test]
fn every_question_in_the_catalogue_is_written_at_its_path_and_read_back() {
    for id in Answers::default().questions() {
        let mut a = Answers::default();
        assert!(
            access::set(&mut a, id, an_answer(id)),
            "{id} has no place in forms::access"
        );
        let text = export_doc(&a);
        let v = to_value(&text);
        let at = id.split('.').try_fold(&v["answers"], |v, k| v.get(k));
        assert!(
            at.is_some(),
            "{id} is not written: give it a place in forms::access under an object of its own path"
        );
        assert_eq!(import(&text).unwrap().answers, a, "{id}");
    }
}
