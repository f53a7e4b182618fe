//! The review page's annual report, tested natively: the files read once
//! for both the check and the report, the period typed in the GOV.UK date
//! pattern and its problems, and the report made from them (the same
//! `format::report` as `involve report`).
#![cfg(not(target_arch = "wasm32"))]

use involve::format::check::{self, FileCheck};
use involve::format::report::{self, QueryInput, FROM_ID, TO_ID};
use involve::model::Ymd;
use involve::web::review::{ReportField, Review, ReviewAction, REPORT_ERRORS};

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 12,
    day: 4,
};

fn read(name: &str) -> (FileCheck, report::Read) {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    report::check_and_read(name, &bytes, TODAY)
}

fn reviewed(names: &[&str]) -> Review {
    let (checks, entries): (Vec<_>, Vec<_>) = names.iter().map(|n| read(n)).unzip();
    Review::default()
        .apply(ReviewAction::Start {
            total: names.len(),
            skipped: vec![],
            today: TODAY,
        })
        .apply(ReviewAction::Entries(entries))
        .apply(ReviewAction::Finished {
            checks,
            cancelled: false,
        })
}

fn typed(r: Review, fields: &[(ReportField, &str)]) -> Review {
    fields.iter().fold(r, |r, (f, v)| {
        r.apply(ReviewAction::Report(*f, v.to_string()))
    })
}

const YEAR: [(ReportField, &str); 6] = [
    (ReportField::FromDay, "1"),
    (ReportField::FromMonth, "4"),
    (ReportField::FromYear, "2026"),
    (ReportField::ToDay, "31"),
    (ReportField::ToMonth, "3"),
    (ReportField::ToYear, "2027"),
];

#[test]
fn one_import_gives_the_same_check_as_involve_check_and_the_report_entry() {
    for name in [
        "complete.json",
        "icb-2022.json",
        "not-json.json",
        "tampered.json",
    ] {
        let (c, entry) = read(name);
        let bytes = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
        assert_eq!(c, FileCheck::from_bytes(name, &bytes, TODAY), "{name}");
        assert_eq!(
            entry.is_ok(),
            c.status() != check::Status::Unreadable,
            "{name}"
        );
    }
}

#[test]
fn the_period_must_be_two_real_dates_in_order() {
    let blank = QueryInput::default().check().unwrap_err();
    assert_eq!(
        blank,
        vec![
            (FROM_ID, "Enter the start of the period"),
            (TO_ID, "Enter the end of the period")
        ]
    );
    let r = typed(Review::default(), &YEAR);
    assert!(r.report.check().is_ok());
    let r = r.apply(ReviewAction::Report(ReportField::FromMonth, "13".into()));
    assert_eq!(r.report.check().unwrap_err()[0].0, FROM_ID);
    let r = r
        .apply(ReviewAction::Report(ReportField::FromMonth, "4".into()))
        .apply(ReviewAction::Report(ReportField::ToYear, "2025".into()));
    assert_eq!(
        r.report.check().unwrap_err(),
        vec![(
            TO_ID,
            "The end of the period must be the same as or after the start"
        )]
    );
}

#[test]
fn asking_with_a_problem_shows_it_and_moves_focus_to_the_summary() {
    let r = reviewed(&["complete.json"]).apply(ReviewAction::ReportAsked);
    assert_eq!(r.report_errors.len(), 2);
    assert_eq!(r.focus.id, REPORT_ERRORS);
    assert!(r.annual().is_none());
    let r = typed(r, &YEAR).apply(ReviewAction::ReportAsked);
    assert!(r.report_errors.is_empty());
}

#[test]
fn the_report_covers_every_file_read_in_every_run_with_the_organisation_typed() {
    let r = reviewed(&["complete.json", "not-json.json"]);
    let r = r
        .apply(ReviewAction::Start {
            total: 2,
            skipped: vec![],
            today: TODAY,
        })
        .apply(ReviewAction::Entries(vec![
            read("icb-2022.json").1,
            read("trust-2022.json").1,
        ]))
        .apply(ReviewAction::Finished {
            checks: vec![read("icb-2022.json").0, read("trust-2022.json").0],
            cancelled: false,
        });
    let r = typed(r, &YEAR);
    let a = r.annual().unwrap();
    assert_eq!(a.files, 4);
    assert_eq!(a.entries.len(), 3);
    assert_eq!(a.left_out.len(), 1);
    let r = r.apply(ReviewAction::Report(
        ReportField::Organisation,
        " NHS trust ".into(),
    ));
    let a = r.annual().unwrap();
    assert_eq!(
        a.entries
            .iter()
            .map(|e| e.path.as_str())
            .collect::<Vec<_>>(),
        vec!["trust-2022.json"]
    );
    assert_eq!(a.query.organisation.as_deref(), Some("NHS trust"));
    // Clear forgets the files too.
    let r = r.apply(ReviewAction::Clear);
    assert!(r.entries.is_empty());
}
