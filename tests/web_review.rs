//! The review page's model ("Review completed forms"), tested natively: the
//! core's summary additions (digest not verified, duties by section and
//! limb, files refused before reading) and the review reducer (runs,
//! Cancel, sorting, filtering, paging, the per-file record, Clear). Native
//! only: it reads the fixtures from disk (the page itself is tested end to
//! end in tests/e2e/review.test.mjs).
#![cfg(not(target_arch = "wasm32"))]

use involve::format::check::{self, FileCheck, Summary};
use involve::model::Ymd;
use involve::web::review::{self, Column, Review, ReviewAction, Show, PAGE_SIZE};

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 11,
    day: 21,
};

fn fixture(name: &str) -> FileCheck {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    FileCheck::from_bytes(name, &bytes, TODAY)
}

fn run(checks: Vec<FileCheck>) -> Review {
    let n = checks.len();
    Review::default()
        .apply(ReviewAction::Start {
            total: n,
            skipped: vec![],
            today: TODAY,
        })
        .apply(ReviewAction::Finished {
            checks,
            cancelled: false,
        })
}

#[test]
fn the_summary_counts_digests_not_verified_and_duties() {
    let checks = vec![
        fixture("complete.json"),
        fixture("v1.json"),
        fixture("tampered.json"),
        fixture("icb-2022.json"),
        fixture("not-json.json"),
    ];
    let s = Summary::of(&checks);
    // v1 (format 1: read, no digest) and tampered (changed outside Involve: unreadable).
    assert_eq!(s.digest_not_verified, 2);
    assert!(checks[1].digest_not_verified() && checks[2].digest_not_verified());
    assert!(!checks[0].digest_not_verified() && !checks[4].digest_not_verified());
    let total: usize = s.duties.iter().map(|d| d.files).sum();
    let engaged: usize = checks
        .iter()
        .filter_map(|c| c.outcome.as_ref().ok())
        .map(|ok| ok.verdict.duties.len())
        .sum();
    assert_eq!(total, engaged);
    assert!(s.duties.iter().all(|d| d.files > 0));
    assert!(
        s.duties.iter().any(|d| d.key().starts_with("14Z45(2)(")),
        "{:?}",
        s.duties
    );
    let json: serde_json::Value =
        serde_json::from_str(&check::report_json(&checks, TODAY)).unwrap();
    assert_eq!(json["summary"]["digest_not_verified"], 2);
    assert_eq!(
        json["summary"]["duties"].as_object().unwrap().len(),
        s.duties.len()
    );
    let text = check::render_summary(&checks, TODAY);
    assert!(
        text.contains("\nDigest not verified:\n") && text.contains("digest not verified"),
        "{text}"
    );
}

#[test]
fn a_file_too_large_is_refused_with_the_message_involve_check_gives() {
    let big = vec![b' '; involve::format::MAX_BYTES + 1];
    let read = FileCheck::from_bytes("big.json", &big, TODAY);
    let refused = FileCheck::too_large("big.json", 50 * 1024 * 1024);
    assert_eq!(read, refused);
    assert_eq!(
        FileCheck::could_not_read("gone.json")
            .outcome
            .unwrap_err()
            .code,
        "could_not_read"
    );
}

#[test]
fn only_json_names_are_checked() {
    for (name, yes) in [
        ("a.json", true),
        ("A.JSON", true),
        ("dir/x.Json", true),
        ("a.json.txt", false),
        ("json", false),
        ("a.bin", false),
        ("é.json", true),
    ] {
        assert_eq!(review::is_json_name(name), yes, "{name}");
    }
}

#[test]
fn a_run_adds_its_results_and_cancel_keeps_what_was_checked() {
    let r = Review::default().apply(ReviewAction::Start {
        total: 3,
        skipped: vec![],
        today: TODAY,
    });
    assert!(r.running.is_some());
    // A second Start while running is ignored.
    let r2 = r.clone().apply(ReviewAction::Start {
        total: 9,
        skipped: vec![],
        today: TODAY,
    });
    assert_eq!(r2.running.unwrap().total, 3);
    let r = r.apply(ReviewAction::Progress {
        done: 1,
        announce: false,
    });
    assert_eq!(r.running.unwrap().done, 1);
    assert_eq!(r.running.unwrap().announced, 0);
    let r = r.apply(ReviewAction::Progress {
        done: 2,
        announce: true,
    });
    assert_eq!(r.running.unwrap().announced, 2);
    assert_eq!(
        review::progress_text(1200, 2000),
        "Checked 1,200 of 2,000 files"
    );
    let r = r.apply(ReviewAction::Finished {
        checks: vec![fixture("complete.json")],
        cancelled: true,
    });
    assert!(r.running.is_none() && r.cancelled);
    assert_eq!(r.summary.files, 1);
    assert_eq!(r.focus.id, review::RESULTS_HEADING);
    // More files are added to the review.
    let r = r
        .apply(ReviewAction::Start {
            total: 1,
            skipped: vec![review::Skipped {
                path: "x.txt".into(),
                reason: review::NOT_JSON,
            }],
            today: TODAY,
        })
        .apply(ReviewAction::Finished {
            checks: vec![fixture("incomplete.json")],
            cancelled: false,
        });
    assert_eq!(r.checks.len(), 2);
    assert_eq!(*r.summary, Summary::of(&r.checks));
    assert_eq!(r.skipped.len(), 1);
    let r = r.apply(ReviewAction::Clear);
    assert!(r.checks.is_empty() && r.skipped.is_empty());
    assert_eq!(r.focus.id, "review-choose");
}

#[test]
fn sorting_filtering_and_paging() {
    let names = [
        "complete.json",
        "incomplete.json",
        "v1.json",
        "tampered.json",
        "icb-2022.json",
        "trust-2022.json",
        "not-json.json",
    ];
    let r = run(names.iter().map(|n| fixture(n)).collect());
    // By file, ascending, at first.
    let paths: Vec<&str> = r.rows.iter().map(|i| r.checks[*i].path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    // Title: files without one (unreadable, or blank) last ascending, first descending.
    let untitled = |c: &FileCheck| {
        c.outcome
            .as_ref()
            .map_or(true, |ok| ok.title.trim().is_empty())
    };
    let r = r.apply(ReviewAction::Sort(Column::Title));
    assert!(r.ascending);
    assert!(untitled(&r.checks[*r.rows.last().unwrap()]));
    let titled: Vec<String> = r
        .rows
        .iter()
        .filter_map(|i| r.checks[*i].outcome.as_ref().ok())
        .map(|ok| ok.title.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    let mut sorted_titles = titled.clone();
    sorted_titles.sort();
    assert_eq!(titled, sorted_titles);
    let r = r.apply(ReviewAction::Sort(Column::Title));
    assert!(!r.ascending);
    assert!(untitled(&r.checks[r.rows[0]]));
    let r = r.apply(ReviewAction::Show(Show::Unreadable));
    assert_eq!(r.rows.len(), r.summary.unreadable);
    let r = r.apply(ReviewAction::Show(Show::DigestNotVerified));
    assert_eq!(r.rows.len(), r.summary.digest_not_verified);
    let r = r
        .apply(ReviewAction::Show(Show::All))
        .apply(ReviewAction::Verdict(Some("applies")));
    assert_eq!(
        r.rows.len(),
        r.summary
            .verdicts
            .iter()
            .find(|(c, _)| *c == "applies")
            .unwrap()
            .1
    );
    let r = r
        .apply(ReviewAction::Verdict(None))
        .apply(ReviewAction::Text("TRUST-2022".into()));
    assert_eq!(r.rows.len(), 1);
    // The per-file record, and back to its row.
    let i = r.rows[0];
    let r = r.apply(ReviewAction::Open(i));
    assert_eq!(
        (r.open, r.focus.id.as_str()),
        (Some(i), review::RECORD_HEADING)
    );
    let r = r.apply(ReviewAction::Close);
    assert_eq!(
        (r.open, r.focus.id.clone()),
        (None, review::file_button_id(i))
    );
    // Paging.
    let many: Vec<FileCheck> = (0..PAGE_SIZE + 5)
        .map(|k| FileCheck::could_not_read(format!("f{k:04}.json")))
        .collect();
    let r = run(many);
    assert_eq!(r.page_rows().len(), PAGE_SIZE);
    let r = r.apply(ReviewAction::NextPage);
    assert_eq!(r.page_rows().len(), 5);
    let r = r.apply(ReviewAction::NextPage);
    assert_eq!(r.first, PAGE_SIZE, "no page past the last");
    let r = r.apply(ReviewAction::Sort(Column::File));
    assert_eq!(r.first, 0, "sorting goes back to the first page");
}
