//! Coverage-guided fuzzing of the host-page API's `load` command (issue 19):
//! the message envelope as the app reads it (`web::host::Incoming`, here
//! through serde_json where the browser uses serde-wasm-bindgen on the same
//! derive), the command it is, and the message's `document` as the root
//! reads it (`web::doc::read`, the Load control's checks). Never a panic; an
//! error event is always one the host can read; a document that loads
//! exports and loads again to the same answers.
//!
//! Run with `scripts/fuzz.sh SECONDS`.
#![no_main]

use involve::model::Ymd;
use involve::web::{doc, host};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const TODAY: Ymd = Ymd { year: 2026, month: 11, day: 21 };

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(message) = serde_json::from_str::<Value>(&text) else {
        // Not a JSON message: the document path still gets the bytes.
        let _ = doc::read(data);
        return;
    };
    if let Ok(incoming) = serde_json::from_value::<host::Incoming>(message.clone()) {
        match host::command(&incoming) {
            None => {}
            Some(Err(event)) => {
                let v = serde_json::to_value(&event).expect("an event serialises");
                assert_eq!(v["type"], "error", "{v}");
            }
            Some(Ok(host::Command::RequestDocument)) => {}
            Some(Ok(host::Command::Load)) => match message.get("document") {
                Some(d @ Value::Object(_)) => load(d.to_string().as_bytes()),
                _ => drop(serde_json::to_value(host::not_a_document()).unwrap()),
            },
        }
    }
    // Whatever the envelope, the document as the root would be given it.
    if let Some(d) = message.get("document") {
        load(d.to_string().as_bytes());
    }
});

fn load(bytes: &[u8]) {
    match doc::read(bytes) {
        Ok((answers, created)) => {
            let again = doc::write(&answers, TODAY, &created, "2026-11-21T10:00:00Z");
            let (back, _) = doc::read(again.as_bytes()).expect("a written document loads");
            assert_eq!(back, answers, "write then read changed the answers");
        }
        Err(message) => {
            let v = serde_json::to_value(host::load_failed(&message)).unwrap();
            assert_eq!(v["type"], "error");
        }
    }
}
