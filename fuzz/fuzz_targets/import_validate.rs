//! Coverage-guided fuzzing of file import and everything that runs on what
//! it reads (issue 6): bytes → `format::import_bytes` and `format::import`
//! (on the lossy text) and the CLI's `format::check` and CSV → on success, `forms::Derived` (the rules and
//! validation, as every page reads them), the rules, export,
//! and import again, which must give back the same answers; the documents
//! (`format::document`: the assessment as ODT and DOCX, and the annual
//! report) of what was read, and a document of the raw text itself.
//!
//! Run with `scripts/fuzz.sh SECONDS`.
#![no_main]

use involve::format;
use involve::format::{document, report};
use involve::forms;
use involve::model::{Answers, Ymd};
use involve::rules;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const CREATED: &str = "2026-10-01T09:30:00Z";
const TODAY: Ymd = Ymd { year: 2026, month: 11, day: 21 };

fuzz_target!(|data: &[u8]| {
    let from_bytes = format::import_bytes(data);
    let text = String::from_utf8_lossy(data);
    // The browser's JSON reader agrees with serde_json, which the CLI reads
    // with: the same values, or a refusal at the same line and column.
    let ours = format::value::read(&text).map_err(|e| (e.line, e.column));
    match serde_json::from_str::<Value>(&text) {
        Ok(v) => assert_eq!(ours.map(|o| o.to_json()).ok(), Some(v.to_string()), "reads as serde_json does"),
        Err(e) => assert_eq!(ours.err(), Some((e.line(), e.column())), "refused where serde_json refuses"),
    }
    let from_text = format::import(&text);
    // On UTF-8 input the two entry points must agree.
    if std::str::from_utf8(data).is_ok() {
        assert_eq!(
            from_bytes.as_ref().map(|g| &g.answers).map_err(|e| e.code()),
            from_text.as_ref().map(|g| &g.answers).map_err(|e| e.code()),
        );
    }
    // A changed answer fails the digest, which would hide validation from
    // the fuzzer: reseal such documents and import them again.
    let resealed = match &from_text {
        Err(format::ImportError::DigestMismatch) => reseal(&text).map(|t| format::import(&t)),
        _ => None,
    };
    if let Some(r) = &resealed {
        assert!(!matches!(r, Err(format::ImportError::DigestMismatch)), "resealed digest still fails: {r:?}");
    }
    for got in [from_bytes, from_text].into_iter().chain(resealed).flatten() {
        // Every message can be shown.
        got.notes.iter().for_each(|n| drop(n.to_string()));
        let derived = forms::Derived::new(&got.answers, TODAY);
        derived.report.issues.iter().for_each(|i| drop(i.to_string()));
        let _ = derived.report.is_complete();
        for section in forms::Section::ALL {
            let _ = derived.section_issues(section).count();
            let _ = derived.status(section);
        }
        let assessment = got.rules().assess(&got.answers.screening);
        let _ = assessment.route();
        let _ = rules::assess(&got.answers.screening);
        let _ = format::suggested_filename(&got.answers, TODAY);
        let exported = format::export(&got.answers, got.rules(), &got.created, &got.updated, TODAY);
        let again = format::import(&exported).unwrap_or_else(|e| panic!("re-export does not import: {e}"));
        assert_eq!(again.answers, got.answers, "export then import changed the answers");
        assert_eq!(again.ruleset, got.ruleset);
        assert!(again.digest_verified);
        assert!(again.notes.is_empty(), "{:?}", again.notes);
        // Also with fixed timestamps (the ones read are RFC 3339 shaped, but any valid ones must do).
        let fixed = format::export(&got.answers, got.rules(), CREATED, CREATED, TODAY);
        assert_eq!(format::import(&fixed).map(|g| g.answers).ok().as_ref(), Some(&got.answers));
        // Documents: never a panic; a package a reader can recognise.
        let source = document::assessment::Source { answers: &got.answers, created: Some(&got.created), updated: Some(&got.updated), today: TODAY, organisation_name: Some(&text) };
        let doc = document::assessment::document(&source);
        assert!(doc.texts().iter().all(|t| !t.chars().any(|c| c.is_control() && c != '\n')), "sanitised");
        check_packages(&doc);
        let entry = report::Entry::of("fuzz.json".into(), &got.answers, got.rules(), TODAY);
        let _ = entry.is_of(&text);
        let query = report::Query { from: Ymd { year: 1, month: 1, day: 1 }, to: Ymd { year: 9999, month: 12, day: 31 }, organisation: None, by: report::DateBasis::default() };
        let annual = report::AnnualReport::new(vec![Ok(entry)], query, TODAY);
        check_packages(&annual.doc());
        assert!(annual.csv().starts_with(format::csv::BOM));
    }
    // A document of the raw text, not sanitised: the serialisers guard too.
    let mut raw = document::Doc::new(text.to_string(), text.to_string());
    raw.heading(data.first().copied().unwrap_or(1), text.to_string());
    raw.para(text.to_string());
    raw.table(&[&text], vec![vec![text.to_string(); data.len() % 4]]);
    check_packages(&raw);
    let _ = document::safe_file_name(&text, "odt");
    // The CLI's half: checking, the text and JSON reports, the summary table.
    let checked = format::check::FileCheck { path: "fuzz.json".into(), outcome: format::check::check_bytes(data, TODAY) };
    let checks = [checked];
    let _ = format::check::render_file(&checks[0]);
    let _ = format::check::render_summary(&checks, TODAY);
    let json: Value = serde_json::from_str(&format::check::report_json(&checks, TODAY)).expect("the JSON report is JSON");
    assert_eq!(json["exit_code"], Value::from(format::check::exit_code(&checks)));
    // The review table as CSV (involve check --csv and the review page).
    let csv = format::csv::csv_report(&checks);
    assert!(csv.starts_with(format::csv::BOM) && csv.ends_with("\r\n"), "a BOM and CRLF-ended rows");
    let _ = format::nesting_depth(data);
});

/// Both packages of `doc`: ODT with its stored `mimetype` first, DOCX with
/// its content types first, each ending with the zip's end record.
fn check_packages(doc: &document::Doc) {
    let odt = document::Format::Odt.write(doc);
    assert_eq!(&odt[30..38], b"mimetype");
    let docx = document::Format::Docx.write(doc);
    assert_eq!(&docx[30..49], b"[Content_Types].xml");
    for bytes in [odt, docx] {
        assert_eq!(&bytes[bytes.len() - 22..bytes.len() - 18], b"PK\x05\x06");
    }
}

/// The document with its digest recomputed from its answers.
fn reseal(text: &str) -> Option<String> {
    let mut v: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()?;
    let answers: Answers = serde_json::from_value(v.get("answers")?.clone()).ok()?;
    let ruleset = v.get("ruleset")?.as_str()?.to_string();
    v["digest"] = Value::from(format::digest(&ruleset, &answers));
    serde_json::to_string(&v).ok()
}
