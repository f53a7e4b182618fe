//! The decision record in every exported document (`verdict.reasons` and
//! `verdict.actions`): written from the rules' assessment, for 2017 and 2022
//! documents alike, and, like the rest of `verdict`, never read back.

mod format_support;

use format_support::*;
use involve::format::{self, check, decision_record, import, VerdictSummary};
use involve::model::*;
use involve::rules::{self, Assessment};
use serde_json::{json, Value};

/// What the record should say for an assessment, built here from the rules'
/// own types (not from the library's summary).
fn expected_record(a: &Assessment) -> (Value, Value) {
    let reasons = a
        .reasons
        .iter()
        .map(|r| {
            json!({"node": format::node_code(r.node), "question": r.question, "answer": r.answer, "consequence": r.consequence, "citation": r.citation})
        })
        .collect();
    let actions = a
        .actions
        .iter()
        .map(|x| json!({"code": x.code, "text": x.text, "obligation": if x.obligation { "must" } else { "should" }, "citation": x.citation}))
        .collect();
    (Value::Array(reasons), Value::Array(actions))
}

fn samples() -> Vec<(&'static str, Answers)> {
    vec![
        ("complete 2017", complete()),
        ("incomplete 2017", incomplete()),
        ("everything 2017", everything()),
        ("blank 2017", Answers::default()),
        ("icb 2022", icb_2022()),
        ("trust 2022", trust_2022()),
    ]
}

#[test]
fn every_export_holds_the_reasons_and_actions_of_the_assessment() {
    for (name, a) in samples() {
        let v = to_value(&export_doc(&a));
        let assessment = rules::assess(&a.screening);
        let (reasons, actions) = expected_record(&assessment);
        assert_eq!(v["verdict"]["reasons"], reasons, "{name}");
        assert_eq!(v["verdict"]["actions"], actions, "{name}");
        assert!(
            !assessment.reasons.is_empty() && !assessment.actions.is_empty(),
            "{name}: sample precondition"
        );
        let keys: Vec<&str> = v["verdict"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 5, "{name}: {keys:?}");
    }
    // Both forces appear, and a "must" that the issue names.
    let v = to_value(&export_doc(&icb_2022()));
    let actions = v["verdict"]["actions"].as_array().unwrap();
    assert!(
        actions.iter().any(|x| x["obligation"] == "must")
            && actions.iter().any(|x| x["obligation"] == "should")
    );
    assert!(actions
        .iter()
        .any(|x| x["code"] == "consult_local_authority" && x["obligation"] == "must"));
}

#[test]
fn the_record_is_written_in_the_documented_key_order() {
    let text = export_doc(&complete());
    let verdict =
        &text[text.find("\"verdict\": {").unwrap()..text.find("\"validation\": {").unwrap()];
    let at = |k: &str| {
        verdict
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k}"))
    };
    assert!(
        at("code") < at("headline")
            && at("headline") < at("duties")
            && at("duties") < at("reasons")
            && at("reasons") < at("actions")
    );
    let reason = &verdict[at("reasons")..at("actions")];
    let r = |k: &str| {
        reason
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k}"))
    };
    assert!(
        r("node") < r("question")
            && r("question") < r("answer")
            && r("answer") < r("consequence")
            && r("consequence") < r("citation")
    );
    let action = &verdict[at("actions")..];
    let x = |k: &str| {
        action
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k}"))
    };
    assert!(
        x("code") < x("text") && x("text") < x("obligation") && x("obligation") < x("citation")
    );
}

#[test]
fn the_committed_2017_and_2022_fixtures_hold_the_record() {
    for name in [
        "complete.json",
        "incomplete.json",
        "icb-2022.json",
        "trust-2022.json",
    ] {
        let text = std::fs::read_to_string(fixture_dir().join(name)).unwrap();
        let v = to_value(&text);
        let got = import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (reasons, actions) = expected_record(&got.rules().assess(&got.answers.screening));
        assert_eq!(v["verdict"]["reasons"], reasons, "{name}");
        assert_eq!(v["verdict"]["actions"], actions, "{name}");
        assert_eq!(
            v["ruleset"],
            if name.contains("2022") {
                "nhse-2022"
            } else {
                "nhse-2017"
            },
            "{name}"
        );
    }
}

/// A document with its decision record edited, replaced by nonsense or
/// removed (as in files written before the record existed) imports with the
/// same answers, its digest still verified, and checks exactly as the
/// untouched file does: the record is recomputed, never read.
#[test]
fn an_edited_or_missing_record_is_ignored_on_import_and_does_not_break_the_digest() {
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "reasons edited",
            Box::new(|v| v["verdict"]["reasons"][0]["answer"] = json!("Something nobody answered")),
        ),
        (
            "actions edited",
            Box::new(
                |v| v["verdict"]["actions"] = json!([{"code": "do_nothing", "text": "Nothing to do", "obligation": "should", "citation": "none"}]),
            ),
        ),
        (
            "obligation flipped",
            Box::new(|v| {
                for a in v["verdict"]["actions"].as_array_mut().unwrap() {
                    a["obligation"] = json!(if a["obligation"] == "must" {
                        "should"
                    } else {
                        "must"
                    });
                }
            }),
        ),
        (
            "verdict code changed",
            Box::new(|v| v["verdict"]["code"] = json!("does_not_apply")),
        ),
        (
            "record of the wrong types",
            Box::new(|v| {
                v["verdict"]["reasons"] = json!(7);
                v["verdict"]["actions"] = json!({"must": true});
            }),
        ),
        (
            "record removed (a file from before it existed)",
            Box::new(|v| {
                let o = v["verdict"].as_object_mut().unwrap();
                o.remove("reasons");
                o.remove("actions");
            }),
        ),
        (
            "verdict removed",
            Box::new(|v| drop(v.as_object_mut().unwrap().remove("verdict"))),
        ),
    ];
    for (sample, a) in samples() {
        let original = export_doc(&a);
        let want = import(&original).unwrap();
        let want_check = check::check_bytes(original.as_bytes(), today()).unwrap();
        for (what, edit) in &edits {
            let mut v = to_value(&original);
            edit(&mut v);
            let text = to_text(&v);
            assert_ne!(text, original, "{sample}, {what}: the edit changed nothing");
            let got = import(&text).unwrap_or_else(|e| panic!("{sample}, {what}: {e}"));
            assert_eq!(got.answers, want.answers, "{sample}, {what}");
            assert!(got.digest_verified, "{sample}, {what}");
            assert_eq!(
                got.notes, want.notes,
                "{sample}, {what}: the record's keys are not unknown fields"
            );
            assert_eq!(
                check::check_bytes(text.as_bytes(), today()),
                Ok(want_check.clone()),
                "{sample}, {what}"
            );
            // And it exports as the untouched file was.
            assert_eq!(
                format::export_answers(&got.answers, &got.created, &got.updated, today()),
                original,
                "{sample}, {what}"
            );
        }
    }
}

/// A 2017 document written before the record was added (the committed
/// fixture as it was: no `reasons`, no `actions`) reads and assesses exactly
/// as before: same answers, same verdict code, duties and validation.
#[test]
fn a_2017_file_without_the_record_imports_and_assesses_as_before() {
    for a in [complete(), complete_with_warning(), incomplete()] {
        let mut v = to_value(&export_doc(&a));
        let verdict = v["verdict"].as_object_mut().unwrap();
        verdict.remove("reasons");
        verdict.remove("actions");
        let old = v["verdict"].clone();
        let got = import(&to_text(&v)).unwrap();
        assert_eq!(got.answers.screening.ruleset, RulesetId::Nhse2017);
        assert_eq!(got.answers, a);
        let c = check::check_imported(&got, today());
        assert_eq!(c.verdict.code, old["code"]);
        assert_eq!(c.verdict.headline, old["headline"]);
        assert_eq!(
            serde_json::to_value(&c.verdict.duties).unwrap(),
            old["duties"]
        );
        assert_eq!(
            serde_json::to_value(&c.validation).unwrap(),
            v["validation"]
        );
    }
}

/// One writer: the document's `verdict` is [`decision_record`] of the
/// summary, and the summary is the one `involve check` computes.
#[test]
fn the_document_and_the_check_write_the_same_record() {
    for (name, a) in samples() {
        let text = export_doc(&a);
        let c = check::check_bytes(text.as_bytes(), today()).unwrap();
        assert_eq!(
            to_value(&decision_record(&c.verdict).compact()),
            to_value(&text)["verdict"],
            "{name}"
        );
        assert_eq!(
            c.verdict,
            VerdictSummary::from(&rules::assess(&a.screening)),
            "{name}"
        );
        // The derived Serialize (for other tools) says the same.
        assert_eq!(
            serde_json::to_value(&c.verdict).unwrap(),
            to_value(&text)["verdict"],
            "{name}"
        );
    }
}

#[test]
fn node_and_obligation_codes() {
    assert_eq!(format::obligation_code(true), "must");
    assert_eq!(format::obligation_code(false), "should");
    assert_eq!(format::node_code(rules::Node::Step1), "step_1");
    assert_eq!(
        format::node_code(rules::Node::OutcomeNotYet),
        "outcome_not_required_yet"
    );
}

/// `involve check --json` is written by the crate's own JSON writer (no
/// serde_json in the browser build): it must be exactly what serde_json
/// would print for the same value, keys in byte order, as it always was.
#[test]
fn the_check_report_is_serde_jsons_pretty_text_of_itself() {
    let mut checks: Vec<check::FileCheck> = samples()
        .into_iter()
        .map(|(name, a)| check::FileCheck::from_bytes(name, export_doc(&a).as_bytes(), today()))
        .collect();
    checks.push(check::FileCheck::from_bytes(
        "broken \"quoted\" name.json",
        b"{ not json",
        today(),
    ));
    checks.push(check::FileCheck::from_bytes(
        "binary.json",
        &[0xff, 0xfe, 0x00],
        today(),
    ));
    let text = check::report_json(&checks, today());
    let value: serde_json::Value = serde_json::from_str(&text).expect("the report is JSON");
    assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
    assert_eq!(
        value["summary"]["files"],
        serde_json::Value::from(checks.len())
    );
}
