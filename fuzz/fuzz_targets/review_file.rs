//! Coverage-guided fuzzing of the review page's per-file path (issue 19):
//! a file's name and bytes as the browser hands them over, checked and read
//! for the annual report from one import (`report::check_and_read`), then
//! the review's summary, CSV and JSON over it, and the annual report's
//! document and CSV. Never a panic; the check agrees with `involve check`'s
//! reading of the same bytes; a too-large or unreadable file gives the same
//! reading as the CLI.
//!
//! Run with `scripts/fuzz.sh SECONDS`.
#![no_main]

use involve::format::check::{self, FileCheck, Summary};
use involve::format::{csv, report};
use involve::model::Ymd;
use libfuzzer_sys::fuzz_target;

const TODAY: Ymd = Ymd { year: 2026, month: 11, day: 21 };

fuzz_target!(|data: &[u8]| {
    // The first line is the file's name (as a folder gives it), the rest its bytes.
    let split = data.iter().position(|b| *b == b'\n').unwrap_or(0);
    let name = String::from_utf8_lossy(&data[..split]).into_owned();
    let bytes = &data[(split + 1).min(data.len())..];
    let (checked, read) = report::check_and_read(name.clone(), bytes, TODAY);
    assert_eq!(checked, FileCheck::from_bytes(name.clone(), bytes, TODAY), "the review and involve check agree");
    assert_eq!(checked.path, name);
    let too_large = FileCheck::too_large(name.clone(), bytes.len());
    let unread = FileCheck::could_not_read(name.clone());
    let checks = vec![checked, too_large.clone(), unread.clone()];
    let reads = vec![read, report::unread(&too_large), report::unread(&unread)];
    let summary = Summary::of(&checks);
    drop(summary);
    let _ = check::render_summary(&checks, TODAY);
    let _ = check::report_json(&checks, TODAY);
    let table = csv::csv_report(&checks);
    assert!(table.starts_with(csv::BOM) && table.ends_with("\r\n"));
    let query = report::Query { from: Ymd { year: 1, month: 1, day: 1 }, to: Ymd { year: 9999, month: 12, day: 31 }, organisation: Some(name), by: report::DateBasis::default() };
    let annual = report::AnnualReport::new(reads, query, TODAY);
    let _ = annual.doc();
    assert!(annual.csv().starts_with(csv::BOM));
});
