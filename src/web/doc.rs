//! The saved document, as the UI uses it: the core's `format` module does the
//! work (versioned JSON, digest, migration, import errors); this is the one
//! place the UI calls it, for downloads, loads and this browser's storage.

use crate::format;
use crate::model::{Answers, Ymd};
use crate::rules::{self, DEFAULT_RULESET};

fn ruleset() -> &'static dyn rules::Ruleset {
    rules::by_id(DEFAULT_RULESET).unwrap_or(rules::all()[0])
}

/// The document text for a download or for this browser's storage.
/// `created` is when the answers were first saved; `now` is the update time.
pub fn write(answers: &Answers, today: Ymd, created: &str, now: &str) -> String {
    format::export(answers, ruleset(), created, now, today)
}

/// A document read back: the answers and when they were first created.
/// The error is the core's message for the user.
pub fn read(bytes: &[u8]) -> Result<(Answers, String), String> {
    format::import_bytes(bytes).map(|i| (i.answers, i.created)).map_err(|e| e.to_string())
}

/// The suggested download file name.
pub fn filename(answers: &Answers, today: Ymd) -> String {
    format::suggested_filename(answers, today)
}

/// The document digest shown in the print view.
pub fn digest(answers: &Answers) -> String {
    format::digest(ruleset().id(), answers)
}
