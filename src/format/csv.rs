//! The review table as CSV, for Excel: `involve check --csv` and the
//! browser's review page write these exact bytes.
//!
//! One header row, then one row per checked file, in the order given:
//!
//! | column | value |
//! | --- | --- |
//! | File | the path given (in the browser, the file's name) |
//! | Title | the Appendix B activity title, as typed |
//! | Organisation | the organisation type: `ICB`, `NHS trust`, `NHS England`, `joint working`, `CCG` or `not answered` ([`organisation_label`](super::check::organisation_label)) |
//! | Ruleset | the ruleset id, e.g. `nhse-2022` |
//! | Verdict | the verdict headline recomputed from the answers |
//! | Complete | `Yes` or `No` |
//! | Signed off | `Yes`, `No` or `Not needed` ([`SignOff`](super::check::SignOff)) |
//! | Completion date | Appendix B's completion date as `dd/mm/yyyy`, blank unless a real date |
//! | Scrutiny and notification | the scrutiny and notification record in a sentence ([`Scrutiny::summary`](crate::forms::scrutiny::Scrutiny::summary)); blank where the form asks for none (every 2017 file, and a 2022 change that is not a substantial development or variation) |
//! | Errors, Warnings | the numbers of validation errors and warnings |
//! | Unreadable | for a file that cannot be read, why; blank otherwise |
//!
//! An unreadable file has only File and Unreadable filled in.
//!
//! The text is RFC 4180: fields separated by commas, a field holding a
//! comma, a double quote, CR or LF is quoted and its double quotes doubled,
//! and every record (the last too) ends with CRLF. It starts with a UTF-8
//! byte order mark, so that Excel reads it as UTF-8 (names in any script,
//! right-to-left text included, survive).
//!
//! **Formula injection.** Any cell beginning with `=`, `+`, `-`, `@`, a tab
//! or a carriage return is prefixed with a single quote `'`, so that a
//! spreadsheet shows it as text rather than running it as a formula
//! (OWASP, "CSV Injection"). A title or file name is data the reviewer did
//! not write.

use super::check::{organisation_label, FileCheck};
use std::borrow::Cow;

/// The header row's cells, in column order.
pub const COLUMNS: [&str; 12] = [
    "File",
    "Title",
    "Organisation",
    "Ruleset",
    "Verdict",
    "Complete",
    "Signed off",
    "Completion date",
    "Scrutiny and notification",
    "Errors",
    "Warnings",
    "Unreadable",
];

/// The byte order mark the CSV starts with.
pub const BOM: &str = "\u{feff}";

/// A cell made safe against formula injection: prefixed with `'` when it
/// begins with `=`, `+`, `-`, `@`, tab or carriage return.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// One field as written: [`neutralise`]d, then quoted (double quotes
/// doubled) when it holds a comma, double quote, CR or LF.
pub fn field(cell: &str) -> Cow<'_, str> {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        cell
    }
}

/// One record: the fields joined by commas, ending with CRLF.
pub fn record<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(c.as_ref()));
    }
    out.push_str("\r\n");
    out
}

/// The header record.
pub fn header() -> String {
    record(&COLUMNS)
}

/// One file's cells, in [`COLUMNS`] order, before quoting.
pub fn cells(c: &FileCheck) -> [String; 12] {
    let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_string();
    match &c.outcome {
        Ok(ok) => [
            c.path.clone(),
            ok.title.clone(),
            organisation_label(ok.organisation).to_string(),
            ok.ruleset.to_string(),
            ok.verdict.headline.to_string(),
            yes_no(ok.validation.complete),
            ok.signed_off.label().to_string(),
            ok.completed
                .map_or(String::new(), crate::forms::dates::format_dmy),
            ok.scrutiny.as_ref().map_or(String::new(), |x| x.summary()),
            ok.validation.errors.to_string(),
            ok.validation.warnings.to_string(),
            String::new(),
        ],
        Err(u) => {
            let mut row: [String; 12] = Default::default();
            row[0] = c.path.clone();
            row[11] = u.message.clone();
            row
        }
    }
}

/// One file's record (see the module documentation), ending with CRLF.
pub fn csv_row(c: &FileCheck) -> String {
    record(&cells(c))
}

/// The whole CSV: byte order mark, header and one record per file.
pub fn csv_report(checks: &[FileCheck]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header());
    for c in checks {
        out.push_str(&csv_row(c));
    }
    out
}
