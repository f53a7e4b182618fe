//! The host-page API: the messages Involve and an intranet page that embeds
//! it in an iframe send each other with `postMessage`, protocol `involve`,
//! version 1.
//!
//! Every message is a structured object (never a JSON string) with
//! `protocol: "involve"`, `version: 1` and a `type`.
//!
//! Events, from Involve to the host page:
//! * `ready`: Involve has started.
//! * `progress` (`sections`: `[{ section, status }]` with each section's
//!   slug and task-list status code, `verdict`: the screening's verdict
//!   code): sent after `ready` and whenever a status or the verdict changes.
//!   It never carries an answer.
//! * `document` (`reason`: `download` or `request`, `document`: the JSON
//!   document object, exactly what Download writes): sent only when the user
//!   downloads their answers or the host sends `request-document`.
//! * `error` (`code`, `message`): a command was not understood or a `load`
//!   was refused (`unsupported_version`, `unknown_type`, `bad_message`,
//!   `load_failed` with the same words as the Load control).
//!
//! Commands, from the host page to Involve:
//! * `load` (`document`: a JSON document object): the same checks as Load,
//!   and the same question before replacing answers.
//! * `request-document`: answered with a `document` event.
//!
//! The API is on only when the organisation's settings list allowed host
//! origins (`crate::settings`). A message from any other origin, or from a
//! window other than the embedding page, is ignored and never answered;
//! events are posted only to an allowed origin. Messages with another
//! `protocol` (other widgets on the intranet page) are ignored.
//!
//! Plain Rust with serde: the shapes and checks are tested natively
//! (`tests/host_protocol.rs`); the root component converts them to and from
//! JavaScript objects with serde-wasm-bindgen.

use serde::{Deserialize, Serialize};

use crate::forms::progress;
use crate::forms::{Derived, Section};
use crate::model::{Answers, Ymd};

/// The protocol's name, in every message.
pub const PROTOCOL: &str = "involve";
/// The protocol's version, in every message.
pub const VERSION: u32 = 1;

/// One section's task-list status in a `progress` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionStatus {
    /// The section's slug, as in the app's URL: `screening`, `b-step-1` ... `plan-c`.
    pub section: &'static str,
    /// `not_started`, `in_progress`, `completed` or `cannot_start_yet`.
    pub status: &'static str,
}

/// A message from Involve to the host page. One flat shape (fields that a
/// type does not use are left out), so every event is a plain object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub protocol: &'static str,
    pub version: u32,
    /// `ready`, `progress`, `document` or `error`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<SectionStatus>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<&'static str>,
    /// Why a `document` is sent: `download` or `request`. The document
    /// object itself is added by the root (it is the downloaded file's JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl Event {
    fn new(kind: &'static str) -> Event {
        Event {
            protocol: PROTOCOL,
            version: VERSION,
            kind,
            sections: None,
            verdict: None,
            reason: None,
            code: None,
            message: None,
        }
    }

    pub fn ready() -> Event {
        Event::new("ready")
    }

    /// Each section's status and the verdict code: never an answer.
    pub fn progress(answers: &Answers, today: Ymd) -> Event {
        // The sections this assessment has (the 2022 records are not a 2017
        // record's, and the scrutiny record only with a substantial variation).
        let derived = Derived::new(answers, today);
        let sections = Section::ALL
            .iter()
            .filter(|s| progress::applies(answers, **s))
            .map(|s| SectionStatus {
                section: s.slug(),
                status: derived.status(*s).code(),
            })
            .collect();
        Event {
            sections: Some(sections),
            verdict: Some(derived.assessment.verdict.code()),
            ..Event::new("progress")
        }
    }

    /// The `document` event without its document (see [`Event::reason`]).
    pub fn document(reason: Reason) -> Event {
        Event {
            reason: Some(reason.code()),
            ..Event::new("document")
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Event {
        Event {
            code: Some(code),
            message: Some(message.into()),
            ..Event::new("error")
        }
    }
}

/// Why Involve sends the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The user downloaded their answers.
    Download,
    /// The host sent `request-document`.
    Request,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::Download => "download",
            Reason::Request => "request",
        }
    }
}

/// A message's envelope as it arrives (unknown fields, such as `load`'s
/// `document`, are not read here).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Incoming {
    #[serde(default)]
    pub protocol: Option<String>,
    #[serde(default)]
    pub version: Option<f64>,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// A command from the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Load the message's `document` (the root reads it, then the same
    /// checks and question as the Load control).
    Load,
    /// Send the document now.
    RequestDocument,
}

/// What to do with a message from an allowed origin: `None` when it is not
/// Involve's (another protocol: ignored); `Err` with the `error` event to
/// answer when it is Involve's but not a command this version knows.
pub fn command(msg: &Incoming) -> Option<Result<Command, Event>> {
    if msg.protocol.as_deref() != Some(PROTOCOL) {
        return None;
    }
    if msg.version != Some(VERSION as f64) {
        return Some(Err(Event::error(
            "unsupported_version",
            "Involve understands version 1 of the involve protocol: send version: 1",
        )));
    }
    Some(match msg.kind.as_deref() {
        Some("load") => Ok(Command::Load),
        Some("request-document") => Ok(Command::RequestDocument),
        _ => Err(Event::error(
            "unknown_type",
            "Involve understands the commands load and request-document",
        )),
    })
}

/// The `error` event for a `load` whose `document` is missing or is not an
/// object (a JSON string, for example).
pub fn not_a_document() -> Event {
    Event::error(
        "bad_message",
        "A load command needs document: the JSON document as an object, not as text",
    )
}

/// The `error` event for a document that could not be loaded: the same
/// words as the Load control shows.
pub fn load_failed(message: &str) -> Event {
    Event::error("load_failed", message)
}
