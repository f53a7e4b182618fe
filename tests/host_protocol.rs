//! The host-page API's messages (`involve::web::host`): their shapes as a
//! host page sees them (JSON objects here; the app sends the same objects
//! through serde-wasm-bindgen) and the checks on commands.

use involve::forms::access::{self, Value};
use involve::model::Ymd;
use involve::web::host::{self, Command, Event, Incoming, Reason};
use involve::web::state::new_answers;
use serde_json::json;

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 3,
    day: 10,
};

fn incoming(v: serde_json::Value) -> Incoming {
    serde_json::from_value(v).unwrap()
}

#[test]
fn events_are_plain_objects_with_protocol_version_and_type() {
    assert_eq!(
        serde_json::to_value(Event::ready()).unwrap(),
        json!({"protocol": "involve", "version": 1, "type": "ready"})
    );
    assert_eq!(
        serde_json::to_value(Event::document(Reason::Download)).unwrap(),
        json!({"protocol": "involve", "version": 1, "type": "document", "reason": "download"})
    );
    assert_eq!(
        serde_json::to_value(Event::document(Reason::Request)).unwrap()["reason"],
        "request"
    );
    assert_eq!(
        serde_json::to_value(host::load_failed("The file is not JSON")).unwrap(),
        json!({"protocol": "involve", "version": 1, "type": "error", "code": "load_failed", "message": "The file is not JSON"})
    );
}

#[test]
fn progress_has_every_section_status_and_the_verdict_and_never_an_answer() {
    let blank = serde_json::to_value(Event::progress(&new_answers(), TODAY)).unwrap();
    assert_eq!(blank["type"], "progress");
    assert_eq!(blank["verdict"], "undetermined");
    let sections = blank["sections"].as_array().unwrap();
    assert_eq!(
        sections
            .iter()
            .map(|s| s["section"].as_str().unwrap())
            .collect::<Vec<_>>(),
        // A new assessment is 2022's: it has the equality record; the
        // scrutiny record only once a substantial variation is proposed.
        [
            "screening",
            "b-step-1",
            "b-step-2",
            "b-step-3",
            "b-step-4",
            "b-step-5",
            "b-sign-off",
            "equality",
            "plan-c"
        ]
    );
    assert_eq!(
        sections[0],
        json!({"section": "screening", "status": "not_started"})
    );
    assert_eq!(sections[2]["status"], "cannot_start_yet");

    let mut a = new_answers();
    let secret = "Closure of the Riverside walk-in centre (confidential)";
    access::set(&mut a, "b.title", Value::Text(secret.into()));
    access::set(&mut a, "screening.body", Value::Choice(Some("icb".into())));
    let p = serde_json::to_value(Event::progress(&a, TODAY)).unwrap();
    assert_eq!(p["sections"][0]["status"], "in_progress");
    assert_eq!(p["sections"][1]["status"], "in_progress");
    let text = p.to_string();
    assert!(
        !text.contains("Riverside") && !text.contains("icb"),
        "no answer in progress: {text}"
    );
    let keys: Vec<_> = p.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys.len(),
        5,
        "protocol, version, type, sections, verdict: {keys:?}"
    );
}

#[test]
fn commands_from_an_allowed_host() {
    let cmd = |v| host::command(&incoming(v));
    assert_eq!(
        cmd(json!({"protocol": "involve", "version": 1, "type": "load", "document": {}})),
        Some(Ok(Command::Load))
    );
    assert_eq!(
        cmd(json!({"protocol": "involve", "version": 1, "type": "request-document"})),
        Some(Ok(Command::RequestDocument))
    );
    // Not Involve's: ignored, not answered (other widgets on the page use postMessage too).
    assert_eq!(cmd(json!({"type": "request-document"})), None);
    assert_eq!(
        cmd(json!({"protocol": "other", "version": 1, "type": "load"})),
        None
    );
    assert_eq!(cmd(json!({})), None);
    // Involve's but not understood: answered with an error event.
    let err = |v| match cmd(v) {
        Some(Err(e)) => (e.kind, e.code.unwrap()),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        err(json!({"protocol": "involve", "version": 2, "type": "load"})),
        ("error", "unsupported_version")
    );
    assert_eq!(
        err(json!({"protocol": "involve", "type": "load"})),
        ("error", "unsupported_version")
    );
    assert_eq!(
        err(json!({"protocol": "involve", "version": 1, "type": "delete-everything"})),
        ("error", "unknown_type")
    );
    assert_eq!(
        err(json!({"protocol": "involve", "version": 1})),
        ("error", "unknown_type")
    );
    assert_eq!(host::not_a_document().code, Some("bad_message"));
}

#[test]
fn a_json_string_is_not_a_message() {
    // Messages are objects; a JSON string does not even read as an envelope.
    assert!(serde_json::from_value::<Incoming>(json!("{\"protocol\":\"involve\"}")).is_err());
}
