//! The saved document, as the UI uses it: the core's `format` module does the
//! work (versioned JSON, digest, migration, import errors); this is the one
//! place the UI calls it, for downloads, loads and this browser's storage.
//!
//! A document keeps the ruleset it was answered under: answers are written
//! with their own (`Screening::ruleset`), and a file read back keeps the one
//! it names. Nothing here switches a ruleset.

use crate::format;
use crate::model::{Answers, RulesetId, Ymd};
use crate::rules;

/// The document text for a download or for this browser's storage.
/// `created` is when the answers were first saved; `now` is the update time.
pub fn write(answers: &Answers, today: Ymd, created: &str, now: &str) -> String {
    format::export(
        answers,
        rules::law(answers.screening.ruleset),
        created,
        now,
        today,
    )
}

/// A document read back: the answers (under the file's own ruleset) and when
/// they were first created. The error is the core's message for the user.
pub fn read(bytes: &[u8]) -> Result<(Answers, String), String> {
    format::import_bytes(bytes)
        .map(answers_of)
        .map_err(|e| e.to_string())
}

/// A file chosen or dropped to load: as [`read`], with the error in the
/// person's words and the detail (with its stable code) for support.
pub fn read_file(bytes: &[u8]) -> Result<(Answers, String), super::state::FileProblem> {
    format::import_bytes(bytes)
        .map(answers_of)
        .map_err(|e| super::state::FileProblem {
            message: e.for_people().into(),
            detail: Some(e.detail()),
        })
}

/// The answers of an imported file, under its own ruleset, and its creation time.
fn answers_of(i: format::Imported) -> (Answers, String) {
    let mut answers = i.answers;
    answers.screening.ruleset = RulesetId::from_id(i.ruleset).unwrap_or_default();
    (answers, i.created)
}

/// The suggested download file name.
pub fn filename(answers: &Answers, today: Ymd) -> String {
    format::suggested_filename(answers, today)
}

/// The document digest shown in the print view.
pub fn digest(answers: &Answers) -> String {
    format::digest(answers.screening.ruleset.id(), answers)
}

/// The answers as a document to edit (`.odt` or `.docx`): its file name
/// (the JSON download's, made safe, with the format's extension) and bytes.
/// `created` and `updated` are the times the JSON download would carry.
pub fn office_document(
    answers: &Answers,
    today: Ymd,
    created: &str,
    updated: &str,
    organisation: Option<&str>,
    f: format::document::Format,
) -> (String, Vec<u8>) {
    use format::document::{assessment, safe_file_name};
    let source = assessment::Source {
        answers,
        created: Some(created),
        updated: Some(updated),
        today,
        organisation_name: organisation,
    };
    (
        safe_file_name(&filename(answers, today), f.extension()),
        f.write(&assessment::document(&source)),
    )
}
