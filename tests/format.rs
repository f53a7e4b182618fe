//! The JSON document: export, import, every import error, digest, version 1
//! migration, unknown fields and file names.

mod format_support;

use format_support::*;
use involve::format::{
    self, digest, export, export_answers, import, import_bytes, suggested_filename, Document,
    ImportError, MAX_BYTES,
};
use involve::forms;
use involve::model::*;
use involve::rules::{self, Ruleset};
use serde_json::{json, Value};

fn import_value(v: &Value) -> Result<format::Imported, ImportError> {
    import(&to_text(v))
}

/// A complete document with `f` applied to its JSON value.
fn edited(f: impl FnOnce(&mut Value)) -> Result<format::Imported, ImportError> {
    let mut v = to_value(&export_doc(&complete()));
    f(&mut v);
    import_value(&v)
}

/// Re-seal the digest after editing the answers (to reach checks that come
/// after the digest, or to prove a check is not the digest's).
fn reseal(v: &mut Value) {
    if let Ok(a) = serde_json::from_value::<Answers>(v["answers"].clone()) {
        v["digest"] = json!(digest("nhse-2017", &a));
    }
}

#[test]
fn export_then_import_gives_back_the_same_answers_and_metadata() {
    for a in [Answers::default(), complete(), incomplete(), everything()] {
        let got = import(&export_doc(&a)).expect("imports");
        assert_eq!(got.answers, a);
        assert_eq!(got.ruleset, "nhse-2017");
        assert_eq!(
            (got.created.as_str(), got.updated.as_str()),
            (CREATED, UPDATED)
        );
        assert_eq!(got.version, 2);
        assert!(got.digest_verified);
        assert!(got.notes.is_empty(), "{:?}", got.notes);
    }
}

#[test]
fn export_writes_the_documented_top_level_shape() {
    let v = to_value(&export_doc(&complete()));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 10);
    for k in [
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
    ] {
        assert!(keys.contains(&k), "{k}");
    }
    assert_eq!(v["format"], "involve");
    assert_eq!(v["version"], 2);
    assert_eq!(v["title"], complete().b.title);
    assert_eq!(v["created"], CREATED);
    let d = v["digest"].as_str().unwrap();
    assert!(
        d.starts_with("sha256:")
            && d.len() == 71
            && d[7..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert!(export_doc(&complete()).ends_with("}\n"));
}

#[test]
fn exported_verdict_and_validation_are_the_libraries_results() {
    for a in [complete(), incomplete(), everything()] {
        let v = to_value(&export_doc(&a));
        let assessment = involve::rules::by_id("nhse-2017")
            .unwrap()
            .assess(&a.screening);
        let report = forms::Derived::new(&a, today()).report;
        assert_eq!(v["verdict"]["code"], assessment.verdict.code());
        assert_eq!(v["verdict"]["headline"], assessment.verdict.headline());
        assert_eq!(
            v["verdict"]["duties"].as_array().unwrap().len(),
            assessment.duties.len()
        );
        assert_eq!(v["validation"]["complete"], report.is_complete());
        assert_eq!(v["validation"]["errors"], report.errors().count());
        assert_eq!(v["validation"]["warnings"], report.warnings().count());
        let issues = v["validation"]["issues"].as_array().unwrap();
        assert_eq!(issues.len(), report.issues.len());
        for (got, want) in issues.iter().zip(&report.issues) {
            assert_eq!(got["path"], want.path);
            assert_eq!(got["code"], want.code);
            assert_eq!(got["message"], want.message);
        }
    }
}

#[test]
fn the_computed_sections_are_never_trusted() {
    // Changing or removing the informative parts does not change what is read
    // and does not break the digest.
    let got = edited(|v| {
        v["verdict"] = json!({"code": "does_not_apply", "headline": "x", "duties": []});
        v["validation"] = json!("anything");
        v["title"] = json!(42);
    })
    .expect("imports");
    assert_eq!(got.answers, complete());
    let got = edited(|v| {
        let o = v.as_object_mut().unwrap();
        o.remove("verdict");
        o.remove("validation");
        o.remove("title");
    })
    .expect("imports");
    assert_eq!(got.answers, complete());
}

#[test]
fn key_order_and_whitespace_do_not_affect_the_digest() {
    let v = to_value(&export_doc(&everything()));
    // serde_json::Map is ordered by key here, so compact re-serialisation
    // both reorders every object alphabetically and strips whitespace.
    let compact = serde_json::to_string(&v).unwrap();
    assert_ne!(compact, export_doc(&everything()));
    assert_eq!(import(&compact).unwrap().answers, everything());
    // Escaped non-ASCII reads as the same text.
    let escaped = export_doc(&complete()).replace('£', "\\u00a3");
    assert!(escaped.contains("\\u00a3"));
    assert_eq!(import(&escaped).unwrap().answers, complete());
}

#[test]
fn the_digest_covers_the_ruleset_and_every_answer() {
    let base = digest("nhse-2017", &complete());
    assert_ne!(base, digest("nhse-2018", &complete()));
    let mut a = complete();
    a.c.risks[0].action.push(' ');
    assert_ne!(base, digest("nhse-2017", &a));
    let mut a = complete();
    a.screening.activities.push(Activity::Planning);
    assert_ne!(base, digest("nhse-2017", &a));
    let mut a = complete();
    a.b.completed_by.date.day = "03".into();
    assert_ne!(base, digest("nhse-2017", &a));
}

#[test]
fn the_digest_of_known_content_is_pinned() {
    // Pins the canonical content: a change to the shape of the answers
    // changes this and needs a new format version (see format docs).
    let content = format::canonical_content("nhse-2017", &Answers::default());
    assert!(
        content
            .starts_with("{\"ruleset\":\"nhse-2017\",\"answers\":{\"screening\":{\"body\":null,"),
        "{content}"
    );
    assert!(!content.contains(' ') && !content.contains('\n'));
    let expected = {
        use sha2::Digest;
        let h = sha2::Sha256::digest(content.as_bytes());
        format!(
            "sha256:{}",
            h.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    };
    assert_eq!(digest("nhse-2017", &Answers::default()), expected);
    assert_eq!(
        digest("nhse-2017", &Answers::default()),
        "sha256:243b65439cea0c02c6629dac8885d4facd7b2381bcdedf706cadee5383e0a9cf",
        "canonical content: {content}"
    );
}

#[test]
fn a_changed_answer_is_reported_as_a_changed_file() {
    for edit in [
        |v: &mut Value| v["answers"]["b"]["title"] = json!("Another title"),
        |v: &mut Value| v["answers"]["screening"]["body"] = json!("nhs_england"),
        |v: &mut Value| v["answers"]["c"]["risks"] = json!([]),
        |v: &mut Value| v["answers"]["b"]["completed_by"]["date"]["day"] = json!("4"),
        |v: &mut Value| v["ruleset"] = json!("nhse-2017"), /* unchanged: control */
    ]
    .into_iter()
    .enumerate()
    {
        let r = edited(edit.1);
        if edit.0 == 4 {
            assert!(r.is_ok());
        } else {
            assert_eq!(r.unwrap_err(), ImportError::DigestMismatch);
        }
    }
    // An uppercase digest is the same digest.
    assert!(edited(|v| v["digest"] = json!(v["digest"]
        .as_str()
        .unwrap()
        .to_uppercase()
        .replace("SHA256", "sha256")))
    .is_ok());
}

fn err(r: Result<format::Imported, ImportError>) -> ImportError {
    r.expect_err("should not import")
}

#[test]
fn each_import_problem_has_its_own_error_and_message() {
    let big = format!(
        "{{\"format\":\"involve\",\"pad\":\"{}\"}}",
        "x".repeat(MAX_BYTES)
    );
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let cases: Vec<(&str, ImportError, &str, &str)> = vec![
        (
            "too large",
            err(import(&big)),
            "too_large",
            "The file is larger than 2 MB",
        ),
        ("empty", err(import("")), "empty", "The file is empty"),
        (
            "whitespace",
            err(import(" \n\t ")),
            "empty",
            "The file is empty",
        ),
        (
            "not text",
            err(import_bytes(&[0xff, 0xfe, 0x00, b'{'])),
            "not_text",
            "The file is not a text file",
        ),
        (
            "not json",
            err(import("{\n  \"format\": involve\n}")),
            "not_json",
            "line 2, column",
        ),
        (
            "too deep",
            err(import(&deep)),
            "too_deep",
            "nested more than 16 levels deep",
        ),
        (
            "array root",
            err(import("[1, 2]")),
            "not_involve",
            "not an Involve document",
        ),
        (
            "other format",
            err(import("{\"format\": \"other\", \"version\": 2}")),
            "not_involve",
            "not an Involve document",
        ),
        (
            "no format",
            err(edited(|v| {
                v.as_object_mut().unwrap().remove("format");
            })),
            "not_involve",
            "not an Involve document",
        ),
        (
            "newer",
            err(edited(|v| v["version"] = json!(3))),
            "newer_version",
            "made by a newer version of Involve",
        ),
        (
            "version 0",
            err(edited(|v| v["version"] = json!(0))),
            "unsupported_version",
            "does not recognise (0)",
        ),
        (
            "version 2.5",
            err(edited(|v| v["version"] = json!(2.5))),
            "unsupported_version",
            "does not recognise (2.5)",
        ),
        (
            "version text",
            err(edited(|v| v["version"] = json!("2"))),
            "unsupported_version",
            "does not recognise (\"2\")",
        ),
        (
            "version negative",
            err(edited(|v| v["version"] = json!(-1))),
            "unsupported_version",
            "(-1)",
        ),
        (
            "no version",
            err(edited(|v| {
                v.as_object_mut().unwrap().remove("version");
            })),
            "missing",
            "The file has no version",
        ),
        (
            "unknown ruleset",
            err(edited(|v| v["ruleset"] = json!("icb-2022"))),
            "unknown_ruleset",
            "(\"icb-2022\"; it has nhse-2017, nhse-2022)",
        ),
        (
            "ruleset number",
            err(edited(|v| v["ruleset"] = json!(2017))),
            "wrong_type",
            "ruleset should be text, but the file has a number",
        ),
        (
            "no answers",
            err(edited(|v| {
                v.as_object_mut().unwrap().remove("answers");
            })),
            "missing",
            "The file has no answers",
        ),
        (
            "no created",
            err(edited(|v| {
                v.as_object_mut().unwrap().remove("created");
            })),
            "missing",
            "The file has no created",
        ),
        (
            "bad updated",
            err(edited(|v| v["updated"] = json!("yesterday"))),
            "bad_timestamp",
            "updated should be a date and time such as",
        ),
        (
            "number title",
            err(edited(|v| {
                v["answers"]["b"]["title"] = json!(5);
                reseal(v);
            })),
            "wrong_type",
            "answers.b.title should be text, but the file has a number",
        ),
        (
            "no digest",
            err(edited(|v| {
                v.as_object_mut().unwrap().remove("digest");
            })),
            "digest_missing",
            "has no digest",
        ),
        (
            "null digest",
            err(edited(|v| v["digest"] = json!(null))),
            "digest_missing",
            "has no digest",
        ),
        (
            "bad digest",
            err(edited(|v| v["digest"] = json!("sha256:00"))),
            "digest_mismatch",
            "has been changed since it was downloaded",
        ),
        (
            "digest number",
            err(edited(|v| v["digest"] = json!(1))),
            "wrong_type",
            "digest should be text",
        ),
    ];
    for (name, e, code, words) in cases {
        assert_eq!(e.code(), code, "{name}: {e}");
        let msg = e.to_string();
        assert!(msg.contains(words), "{name}: {msg}");
        let lower = msg.to_lowercase();
        for banned in ["invalid", "valid ", "please", "required", "error"] {
            assert!(
                !lower.contains(banned),
                "{name}: message says {banned:?}: {msg}"
            );
        }
        assert!(!msg.ends_with('.'), "{name}: no trailing full stop: {msg}");
    }
}

type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn type_errors_name_the_path_and_are_never_coerced() {
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| v["answers"]["b"]["title"] = json!(12)),
            "answers.b.title",
            "text",
        ),
        (
            Box::new(|v| v["answers"]["b"]["title"] = json!(null)),
            "answers.b.title",
            "text",
        ),
        (
            Box::new(|v| v["answers"]["b"]["opinion"] = json!(true)),
            "answers.b.opinion",
            "one of \"yes\", \"no\" or null",
        ),
        (
            Box::new(|v| v["answers"]["b"]["opinion"] = json!("maybe")),
            "answers.b.opinion",
            "one of \"yes\", \"no\" or null",
        ),
        (
            Box::new(|v| v["answers"]["b"]["opinion"] = json!("Yes")),
            "answers.b.opinion",
            "\"yes\"",
        ),
        (
            Box::new(|v| v["answers"]["screening"]["no_activity_type"] = json!("false")),
            "answers.screening.no_activity_type",
            "true or false",
        ),
        (
            Box::new(|v| v["answers"]["screening"]["activities"] = json!("planning")),
            "answers.screening.activities",
            "a list",
        ),
        (
            Box::new(|v| v["answers"]["screening"]["activities"] = json!(["planning", "lunch"])),
            "answers.screening.activities[1]",
            "\"operational\"",
        ),
        (
            Box::new(|v| v["answers"]["c"]["risks"][0]["action"] = json!(["a"])),
            "answers.c.risks[0].action",
            "text",
        ),
        (
            Box::new(|v| v["answers"]["c"]["timescales"][1]["date"] = json!("2026-01-01")),
            "answers.c.timescales[1].date",
            "a group of fields",
        ),
        (
            Box::new(|v| v["answers"]["c"]["timescales"][1]["date"]["year"] = json!(2026)),
            "answers.c.timescales[1].date.year",
            "text",
        ),
        (
            Box::new(|v| v["answers"]["c"] = json!([])),
            "answers.c",
            "a group of fields",
        ),
        (
            Box::new(|v| v["answers"] = json!("all of them")),
            "answers",
            "a group of fields",
        ),
        (
            Box::new(|v| v["answers"]["screening"]["previous"]["same_proposal"] = json!(1)),
            "answers.screening.previous.same_proposal",
            "null",
        ),
    ];
    for (edit, path, expected) in cases {
        let e = err(edited(|v| {
            edit(v);
            reseal(v);
        }));
        match &e {
            ImportError::WrongType {
                path: p,
                expected: x,
                ..
            } => {
                assert_eq!(p, path, "{e}");
                assert!(
                    x.contains(expected),
                    "{path}: expected {x:?} to contain {expected:?}"
                );
            }
            other => panic!("{path}: {other:?}"),
        }
        assert!(
            e.to_string().starts_with(&format!("{path} should be ")),
            "{e}"
        );
    }
}

#[test]
fn missing_answers_read_as_unanswered() {
    let got = edited(|v| {
        v["answers"] = json!({"b": {"title": "Only a title"}});
        reseal(v);
    })
    .unwrap();
    let mut want = Answers::default();
    want.b.title = "Only a title".into();
    assert_eq!(got.answers, want);
}

#[test]
fn unknown_fields_are_ignored_and_reported_in_notes() {
    let got = edited(|v| {
        v["comment"] = json!("from another tool");
        v["answers"]["b"]["colour"] = json!({"deep": [1, 2]});
        v["answers"]["c"]["risks"][0]["owner"] = json!("Asha");
        v["answers"]["extra"] = json!(null);
        reseal(v);
    })
    .unwrap();
    assert_eq!(got.answers, complete());
    let paths: Vec<(&str, &str)> = got
        .notes
        .iter()
        .map(|n| (n.code, n.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        vec![
            ("unknown_field", "comment"),
            ("unknown_field", "answers.b.colour"),
            ("unknown_field", "answers.c.risks[0].owner"),
            ("unknown_field", "answers.extra"),
        ]
    );
    assert_eq!(
        got.notes[1].to_string(),
        "answers.b.colour: Involve does not use this field, so it was ignored [unknown_field]"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", export_doc(&complete()));
    assert_eq!(import(&text).unwrap().answers, complete());
    assert_eq!(import_bytes(text.as_bytes()).unwrap().answers, complete());
}

#[test]
fn a_file_just_under_the_size_limit_is_read() {
    let mut a = Answers::default();
    a.c.background = "x".repeat(MAX_BYTES - 20_000);
    let text = export_doc(&a);
    assert!(text.len() < MAX_BYTES);
    assert_eq!(import(&text).unwrap().answers, a);
}

#[test]
fn nesting_up_to_the_limit_is_not_too_deep() {
    assert_eq!(
        format::nesting_depth(b"{\"a\":[{\"b\":\"[[[[\\\"[[\"}]}"),
        3
    );
    let ok = format!("{}{}", "[".repeat(16), "]".repeat(16));
    assert_eq!(err(import(&ok)).code(), "not_involve");
    let deep = format!("{}{}", "[".repeat(17), "]".repeat(17));
    assert_eq!(err(import(&deep)).code(), "too_deep");
    // serde_json's own recursion limit is never what answers.
    let very = "[".repeat(100_000);
    assert_eq!(err(import(&very)).code(), "too_deep");
}

#[test]
fn timestamps_follow_rfc_3339() {
    for ok in [
        "2026-11-21T09:30:00Z",
        "2026-11-21T09:30:00.123Z",
        "2026-11-21t09:30:00+01:00",
        "2026-11-21T23:59:60-05:30",
    ] {
        assert!(format::is_rfc3339(ok), "{ok}");
    }
    for bad in [
        "",
        "2026-11-21",
        "2026-11-21 09:30:00Z",
        "2026-13-21T09:30:00Z",
        "2026-11-21T09:30:00",
        "2026-11-21T09:30:00.Z",
        "2026-11-21T09:30:00+1:00",
        "２０２６-11-21T09:30:00Z",
        "2026-11-21T09:30:00Zjunk",
    ] {
        assert!(!format::is_rfc3339(bad), "{bad}");
    }
}

#[test]
fn version_1_documents_are_migrated_keeping_every_answer() {
    let got = import_value(&v1_document(&v1_answers())).unwrap();
    assert_eq!(got.answers, v1_answers());
    assert_eq!(got.version, 1);
    assert!(!got.digest_verified);
    assert_eq!(
        (got.created.as_str(), got.updated.as_str()),
        ("2025-06-01T12:00:00Z", "2025-06-01T12:00:00Z")
    );
    let codes: Vec<(&str, &str)> = got
        .notes
        .iter()
        .map(|n| (n.code, n.path.as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("migrated", ""),
            ("date_converted", "answers.b.completed_by.date"),
            ("date_converted", "answers.b.signoff.date"),
            ("date_converted", "answers.c.date_produced"),
            ("date_converted", "answers.c.timescales[0].date"),
            ("date_converted", "answers.c.timescales[1].date"),
            ("no_digest", ""),
        ]
    );
    assert!(got.notes[1].message.contains("\"2026-11-03\""));
}

#[test]
fn version_1_dates_keep_their_digits_as_typed_and_odd_dates_are_dropped_with_a_note() {
    let mut v = v1_document(&Answers::default());
    v["answers"]["b"]["completed_by"]["date"] = json!("2024-2-31");
    v["answers"]["b"]["signoff"]["date"] = json!(" ");
    v["answers"]["c"]["date_produced"] = json!("31/03/2024");
    v["answers"]["c"]["timescales"] =
        json!([{"what": "Start", "date": "next week"}, {"what": "End", "date": null}]);
    let got = import_value(&v).unwrap();
    assert_eq!(
        got.answers.b.completed_by.date,
        DateInput::new("31", "2", "2024")
    );
    assert!(got.answers.b.signoff.date.is_blank());
    assert!(got.answers.c.date_produced.is_blank());
    assert_eq!(got.answers.c.timescales.len(), 2);
    assert_eq!(got.answers.c.timescales[0].what, "Start");
    assert!(got.answers.c.timescales[0].date.is_blank());
    let dropped: Vec<&format::Note> = got
        .notes
        .iter()
        .filter(|n| n.code == "date_dropped")
        .collect();
    assert_eq!(dropped.len(), 2);
    assert_eq!(dropped[0].path, "answers.c.date_produced");
    assert!(dropped[0]
        .message
        .contains("\"31/03/2024\" is not a date in the form 2024-03-31"));
    assert!(dropped[0].message.ends_with("Enter the date again"));
    assert_eq!(dropped[1].path, "answers.c.timescales[0].date");
}

#[test]
fn version_1_problems_are_reported_with_their_paths() {
    let mut v = v1_document(&complete());
    v["answers"]["c"]["date_produced"] = json!(20240331);
    match err(import_value(&v)) {
        ImportError::WrongType {
            path,
            expected,
            found,
        } => {
            assert_eq!(path, "answers.c.date_produced");
            assert_eq!(expected, "text such as 2024-03-31");
            assert_eq!(found, "a number");
        }
        other => panic!("{other:?}"),
    }
    // Format 1 used `saved`, not created/updated.
    let mut v = v1_document(&complete());
    v.as_object_mut().unwrap().remove("saved");
    assert_eq!(
        err(import_value(&v)),
        ImportError::Missing {
            path: "saved".into()
        }
    );
    // Format 2 fields in a format 1 file are ignored and noted.
    let mut v = v1_document(&v1_answers());
    v["answers"]["screening"]["patient_matters"] = json!(["transport"]);
    v["digest"] = json!("sha256:00");
    let got = import_value(&v).unwrap();
    assert_eq!(got.answers, v1_answers());
    assert!(got
        .notes
        .iter()
        .any(|n| n.code == "unknown_field" && n.path == "answers.screening.patient_matters"));
    assert!(got
        .notes
        .iter()
        .any(|n| n.code == "unknown_field" && n.path == "digest"));
}

#[test]
fn suggested_filenames_are_short_ascii_slugs_of_the_title() {
    let d = Ymd {
        year: 2026,
        month: 11,
        day: 21,
    };
    let name = |t: &str| {
        let mut a = Answers::default();
        a.b.title = t.into();
        suggested_filename(&a, d)
    };
    assert_eq!(
        name("GP practice closure"),
        "involve-gp-practice-closure-2026-11-21.json"
    );
    assert_eq!(
        name("  GP   practice -- closure!! "),
        "involve-gp-practice-closure-2026-11-21.json"
    );
    assert_eq!(
        name("Café: Ysbyty Gwynedd (Bangor)"),
        "involve-cafe-ysbyty-gwynedd-bangor-2026-11-21.json"
    );
    assert_eq!(name(""), "involve-assessment-2026-11-21.json");
    assert_eq!(name("🧪 عربى ../.."), "involve-assessment-2026-11-21.json");
    assert_eq!(name("a/b\\c:d"), "involve-a-b-c-d-2026-11-21.json");
    let long = name(&"word ".repeat(100));
    assert!(
        long.len() <= "involve-".len() + 50 + "-2026-11-21.json".len(),
        "{long}"
    );
    assert!(!long.contains("--") && long.is_ascii());
    assert_eq!(
        suggested_filename(
            &Answers::default(),
            Ymd {
                year: 999,
                month: 1,
                day: 2
            }
        ),
        "involve-assessment-0999-01-02.json"
    );
}

// ---- Rulesets (issue 10) ----------------------------------------------------

/// Every v2 fixture that imports, and the text it was committed with.
fn committed_v2_fixtures() -> Vec<(&'static str, String, Answers)> {
    fixtures()
        .into_iter()
        .filter_map(|(name, _, expect)| match expect {
            Expect::Answers(a, 2) => Some((
                name,
                std::fs::read_to_string(fixture_dir().join(name)).expect("committed"),
                a,
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_ruleset_ids_of_the_model_are_the_rulesets_import_knows() {
    let model: Vec<&str> = RulesetId::ALL.iter().map(|r| r.id()).collect();
    let built: Vec<&str> = rules::all().iter().map(|r| r.id()).collect();
    assert_eq!(model, built);
    assert_eq!(model, ["nhse-2017", "nhse-2022"]);
    assert_eq!(
        RulesetId::default(),
        RulesetId::Nhse2017,
        "a file without a ruleset in its answers is a 2017 one"
    );
}

#[test]
fn a_2022_document_round_trips_with_its_ruleset() {
    for a in [icb_2022(), trust_2022()] {
        let text = export_answers(&a, CREATED, UPDATED, today());
        let v = to_value(&text);
        assert_eq!(v["ruleset"], "nhse-2022");
        assert_eq!(v["version"], 2, "2022's ruleset keeps format version 2");
        assert!(
            v["answers"]["screening"].get("ruleset").is_none(),
            "the ruleset sits beside the answers, not in them"
        );
        let got = import(&text).expect("imports");
        assert_eq!(got.answers, a, "every answer, and the ruleset");
        assert_eq!(got.answers.screening.ruleset, RulesetId::Nhse2022);
        assert_eq!(got.ruleset, "nhse-2022");
        assert_eq!(got.rules().id(), "nhse-2022");
        assert!(got.digest_verified && got.notes.is_empty());
        // Export again: the same bytes.
        assert_eq!(
            export_answers(&got.answers, &got.created, &got.updated, today()),
            text
        );
        assert_eq!(
            export(
                &got.answers,
                got.rules(),
                &got.created,
                &got.updated,
                today()
            ),
            text
        );
    }
}

#[test]
fn the_2022_fixtures_hold_the_verdicts_the_issue_names() {
    for (a, body, section) in [
        (icb_2022(), "icb", "14Z45"),
        (trust_2022(), "nhs_trust", "242"),
    ] {
        let v = to_value(&export_doc(&a));
        assert_eq!(v["verdict"]["code"], "applies");
        assert_eq!(
            v["verdict"]["duties"],
            json!([{"body": body, "section": section, "limb": "c"}])
        );
        assert_eq!(v["validation"]["complete"], true, "{}", v["validation"]);
        assert_eq!(v["validation"]["issues"], json!([]));
        let text = export_doc(&a);
        assert!(
            !text.to_lowercase().contains("ccg")
                && !text.to_lowercase().contains("clinical commissioning"),
            "{text}"
        );
    }
}

/// The three cases of issue 17 that the release files keep
/// (tests/golden/releases): NHS England's function delegated to an ICB keeps
/// NHS England's s.13Q duty (s.65Z5); a trust's urgent safety closure keeps
/// the trust's s.242(1B) duty (reg 23(2) changes what is done, not whose
/// duty); a joint committee keeps each body's own duty (s.65Z6). Each is a
/// complete record that round-trips byte for byte.
#[test]
fn the_issue_17_fixtures_hold_the_duties_the_law_gives_and_round_trip() {
    for (name, a, duties) in [
        (
            "delegated",
            delegated_2022(),
            json!([{"body": "nhs_england", "section": "13Q", "limb": "c"}]),
        ),
        (
            "urgent",
            urgent_trust_2022(),
            json!([{"body": "nhs_trust", "section": "242", "limb": "c"}]),
        ),
        (
            "joint committee",
            joint_committee_2022(),
            json!([{"body": "icb", "section": "14Z45", "limb": "c"}, {"body": "nhs_england", "section": "13Q", "limb": "c"}]),
        ),
    ] {
        let text = export_doc(&a);
        let v = to_value(&text);
        assert_eq!(v["verdict"]["code"], "applies", "{name}");
        // Each body's duty, in whatever order the record lists them.
        let mut got_duties = v["verdict"]["duties"].as_array().unwrap().clone();
        got_duties.sort_by_key(|d| d.to_string());
        let mut want = duties.as_array().unwrap().clone();
        want.sort_by_key(|d| d.to_string());
        assert_eq!(got_duties, want, "{name}");
        assert_eq!(
            v["validation"]["complete"], true,
            "{name}: {}",
            v["validation"]
        );
        let got = import(&text).expect("imports");
        assert_eq!(got.answers, a, "{name}: every answer");
        assert!(got.digest_verified && got.notes.is_empty(), "{name}");
        assert_eq!(export_doc(&got.answers), text, "{name}: the same bytes");
    }
    let urgent = to_value(&export_doc(&urgent_trust_2022()));
    let codes: Vec<&str> = urgent["verdict"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.first(),
        Some(&"notify_local_authority_of_urgent_decision"),
        "{codes:?}"
    );
}

#[test]
fn import_never_switches_a_files_ruleset() {
    // Each ruleset's document, whatever organisation its answers name (a
    // 2022 value in a 2017 file, the historical CCG answer in a 2022 file),
    // imports under the ruleset the file names.
    for id in RulesetId::ALL {
        for body in all_bodies().into_iter().map(Some).chain([None]) {
            let mut a = complete();
            a.screening.ruleset = id;
            a.screening.body = body;
            let got = import(&export_answers(&a, CREATED, UPDATED, today())).expect("imports");
            assert_eq!(got.ruleset, id.id(), "{body:?}");
            assert_eq!(got.answers.screening.ruleset, id, "{body:?}");
            assert_eq!(got.answers, a);
        }
    }
    // Changing the ruleset of a file changes its content: the digest says so.
    for (name, text, _) in committed_v2_fixtures() {
        let mut v = to_value(&text);
        let other = if v["ruleset"] == "nhse-2017" {
            "nhse-2022"
        } else {
            "nhse-2017"
        };
        v["ruleset"] = json!(other);
        assert_eq!(
            import_value(&v).unwrap_err(),
            ImportError::DigestMismatch,
            "{name}"
        );
    }
}

#[test]
fn the_2017_fixtures_still_say_2017_and_export_byte_for_byte_as_committed() {
    let fixtures = committed_v2_fixtures();
    assert!(fixtures.len() >= 7, "{}", fixtures.len());
    for (name, text, want) in fixtures {
        let got = import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.answers, want, "{name}");
        let expected = if name.contains("2022") {
            RulesetId::Nhse2022
        } else {
            RulesetId::Nhse2017
        };
        assert_eq!(got.answers.screening.ruleset, expected, "{name}");
        assert_eq!(got.ruleset, expected.id(), "{name}");
        // unknown-fields.json carries fields Involve drops; the rest come back as committed.
        if name != "unknown-fields.json" {
            assert_eq!(
                export_answers(&got.answers, &got.created, &got.updated, today()),
                text,
                "{name}"
            );
        }
    }
    // Version 1 files were all 2017's, and become 2017's version 2 documents.
    for name in ["v1.json", "v1-bad-date.json"] {
        let got = import(&std::fs::read_to_string(fixture_dir().join(name)).unwrap()).unwrap();
        assert_eq!(
            (got.ruleset, got.answers.screening.ruleset),
            ("nhse-2017", RulesetId::Nhse2017),
            "{name}"
        );
        let again = export_answers(&got.answers, &got.created, &got.updated, today());
        assert_eq!(to_value(&again)["ruleset"], "nhse-2017");
        assert_eq!(
            again,
            format::export(&got.answers, nhse(), &got.created, &got.updated, today())
        );
    }
}

#[test]
fn a_document_is_written_assessed_and_validated_under_the_ruleset_it_is_given() {
    // Answers given under one ruleset, written under the other: the key, the
    // verdict, the validation and the digest all follow the argument.
    for (a, under) in [
        (icb_2022(), nhse()),
        (trust_2022(), nhse()),
        (complete(), nhse_2022()),
        (incomplete(), nhse_2022()),
    ] {
        let id = RulesetId::from_id(under.id()).unwrap();
        assert_ne!(a.screening.ruleset, id, "precondition");
        let mut as_written = a.clone();
        as_written.screening.ruleset = id;
        let doc = Document::new(&a, under, CREATED, UPDATED, today());
        assert_eq!(doc.ruleset, under.id());
        assert_eq!(
            doc.verdict,
            format::VerdictSummary::from(&rules::law(id).assess(&as_written.screening))
        );
        assert_eq!(
            doc.validation,
            format::ValidationSummary::from(&forms::Derived::new(&as_written, today()).report)
        );
        assert_eq!(doc.digest, digest(under.id(), &a));
        assert_eq!(
            doc.digest,
            digest(under.id(), &as_written),
            "the ruleset field is not an answer"
        );
        // The document is the one the answers give under that ruleset.
        assert_eq!(
            doc.to_json(),
            export_answers(&as_written, CREATED, UPDATED, today())
        );
        // And it reads back under that ruleset.
        assert_eq!(import(&doc.to_json()).unwrap().answers, as_written);
    }
    // Under their own ruleset, nothing is copied or changed.
    for a in [complete(), icb_2022()] {
        let own: &dyn Ruleset = rules::law(a.screening.ruleset);
        assert_eq!(export(&a, own, CREATED, UPDATED, today()), export_doc(&a));
    }
}

#[test]
fn the_digest_definition_is_the_same_for_every_ruleset() {
    let a = icb_2022();
    let content = format::canonical_content("nhse-2022", &a);
    assert!(
        content.starts_with(
            "{\"ruleset\":\"nhse-2022\",\"answers\":{\"screening\":{\"body\":\"icb\","
        ),
        "{content}"
    );
    assert_eq!(
        content.matches("ruleset").count(),
        1,
        "the ruleset is written once, beside the answers"
    );
    let mut in_2017 = a.clone();
    in_2017.screening.ruleset = RulesetId::Nhse2017;
    assert_eq!(
        format::canonical_content("nhse-2022", &in_2017),
        content,
        "the model's ruleset field is not content"
    );
    assert_ne!(digest("nhse-2022", &a), digest("nhse-2017", &a));
}

#[test]
fn an_unknown_ruleset_is_reported_before_any_answer_it_might_hold() {
    // What a build without nhse-2022 does with a 2022 file: the ruleset is
    // refused with the clear message before the new values are read. Here a
    // ruleset this build does not have, with answers no ruleset has.
    let mut v = to_value(&export_doc(&icb_2022()));
    v["ruleset"] = json!("nhse-2030");
    v["answers"]["screening"]["body"] = json!("a_body_from_2030");
    v["answers"]["screening"]["joint_model"] = json!("a_model_from_2030");
    let e = import_value(&v).unwrap_err();
    assert_eq!(e.code(), "unknown_ruleset");
    assert!(e.to_string().contains("(\"nhse-2030\"; it has nhse-2017, nhse-2022). Open it with the latest version of Involve"), "{e}");
}

/// Issue 21: what a file that cannot be loaded is, in the words of staff,
/// with the line and column kept as detail (and the codes unchanged).
#[test]
fn import_errors_are_worded_for_people_with_the_detail_for_support() {
    let cases: &[(&[u8], &str, &str)] = &[
        (b"{ not json", "not_json", "This is not an Involve file"),
        (b"   ", "empty", "The file is empty"),
        (b"[1, 2]", "not_involve", "This is not an Involve file"),
        (
            br#"{"format": "involve", "version": 999}"#,
            "newer_version",
            "The file was saved by a newer version of Involve",
        ),
        (
            &[0xff, 0xfe, 0x00],
            "not_text",
            "This is not an Involve file",
        ),
    ];
    for (bytes, code, words) in cases {
        let e = import_bytes(bytes).expect_err("refused");
        assert_eq!(e.code(), *code);
        assert!(
            e.for_people().starts_with(words),
            "{code}: {}",
            e.for_people()
        );
        assert!(
            !e.for_people().contains("JSON") && !e.for_people().contains("line"),
            "{}",
            e.for_people()
        );
        assert!(
            e.detail().starts_with(&format!("{code}: ")),
            "{}",
            e.detail()
        );
        assert_eq!(format::for_people(code), Some(e.for_people()));
    }
    let e = import_bytes(b"{ not json").unwrap_err();
    assert!(e.detail().contains("line 1, column 3"), "{}", e.detail());
    // A file changed outside Involve.
    let mut doc: Value = serde_json::from_str(&export(
        &Answers::default(),
        rules::law(RulesetId::Nhse2022),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        Ymd {
            year: 2026,
            month: 1,
            day: 1,
        },
    ))
    .unwrap();
    doc["answers"]["b"]["title"] = json!("Changed by hand");
    let e = import(&doc.to_string()).unwrap_err();
    assert_eq!(e.code(), "digest_mismatch");
    assert!(
        e.for_people()
            .starts_with("The file has been changed outside Involve"),
        "{}",
        e.for_people()
    );
    assert_eq!(format::for_people("io_error"), None);
}
