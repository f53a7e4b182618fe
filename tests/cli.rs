//! `involve` run as a real binary on the committed fixtures (which the
//! format tests keep in step with the real export).
//!
//! Expected statuses, verdicts and issues come from the library (import,
//! rules and validation), not hard-coded, so these tests check the CLI's
//! reporting and exit codes whatever the validation rules say.

mod format_support;

use format_support::{fixture_dir, today};
use involve::format::check::{self, FileCheck, Status};
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const TODAY: &str = "2026-11-21";

fn involve(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_involve")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().expect("runs")
}

fn check_args(extra: &[&str], files: &[&str]) -> Output {
    let mut args = vec!["check", "--today", TODAY];
    args.extend_from_slice(extra);
    args.extend_from_slice(files);
    involve(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}
fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

fn fx(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// What the library says about a fixture.
fn expected(name: &str) -> FileCheck {
    check::check_file(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(fx(name)), today())
}

#[test]
fn help_version_and_rulesets_succeed() {
    for args in [&["--help"][..], &["-h"], &["help"], &["check", "--help"]] {
        let o = involve(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).starts_with("Usage: involve check"), "{args:?}");
        assert!(stdout(&o).contains("Exit status: 0 every file complete, 1 any file incomplete"));
    }
    let o = involve(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("involve {} (document format 2)\n", env!("CARGO_PKG_VERSION")));
    let o = involve(&["rulesets"]);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), involve::rules::all().len());
    assert!(lines[0].starts_with("nhse-2017\t") && lines[0].ends_with("(default)"), "{lines:?}");
}

#[test]
fn usage_problems_exit_2_with_a_message_on_stderr() {
    for (args, words) in [
        (&[][..], "say what to do"),
        (&["frobnicate"], "there is no command called 'frobnicate'"),
        (&["check"], "give at least one file or folder"),
        (&["check", "--jsn", "x.json"], "there is no option called '--jsn'"),
        (&["check", "--today", "2026-02-30", "x.json"], "--today needs a real date"),
        (&["check", "--today"], "--today needs a real date"),
        (&["rulesets", "extra"], "there is no command called 'rulesets'"),
    ] {
        let o = involve(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
        let e = stderr(&o);
        assert!(e.starts_with("involve: ") && e.contains(words) && e.contains("Usage:"), "{args:?}: {e}");
    }
}

#[test]
fn a_complete_file_exits_0_with_its_verdict() {
    let want = expected("complete.json");
    assert_eq!(want.status(), Status::Complete, "fixture precondition: {want:?}");
    let o = check_args(&[], &[&fx("complete.json")]);
    assert_eq!(o.status.code(), Some(0));
    let ok = want.outcome.unwrap();
    assert_eq!(stdout(&o), format!("tests/fixtures/complete.json: complete\n  {} [{}]\n", ok.verdict.headline, ok.verdict.code));
}

#[test]
fn an_incomplete_file_exits_1_and_lists_every_issue_as_path_message_code() {
    let want = expected("incomplete.json");
    assert_eq!(want.status(), Status::Incomplete, "fixture precondition");
    let ok = want.outcome.as_ref().unwrap();
    let o = check_args(&[], &[&fx("incomplete.json")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("tests/fixtures/incomplete.json: incomplete ({} errors, {} warnings)", ok.validation.errors, ok.validation.warnings)
    );
    assert_eq!(lines[1], format!("  {} [{}]", ok.verdict.headline, ok.verdict.code));
    for (line, issue) in lines[2..].iter().zip(&ok.validation.issues) {
        let mark = if issue.severity == "warning" { "warning: " } else { "" };
        assert_eq!(*line, format!("  {mark}{}: {} [{}]", issue.path, issue.message, issue.code));
    }
    assert_eq!(lines.len(), 2 + ok.validation.issues.len() + usize::from(ok.missing_signoff));
    assert!(ok.missing_signoff, "fixture precondition: sign-off details are blank");
    assert_eq!(*lines.last().unwrap(), "  note: The form has not been signed off [missing_signoff]");
}

#[test]
fn warnings_are_marked_and_do_not_make_a_form_incomplete() {
    let want = expected("complete-with-warning.json");
    let ok = want.outcome.as_ref().unwrap();
    assert!(ok.validation.warnings > 0 && ok.validation.complete, "fixture precondition: {ok:?}");
    let o = check_args(&[], &[&fx("complete-with-warning.json")]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for w in ok.validation.issues.iter().filter(|i| i.severity == "warning") {
        assert!(out.contains(&format!("\n  warning: {}: {} [{}]\n", w.path, w.message, w.code)), "{out}");
    }
    assert!(out.starts_with(&format!("tests/fixtures/complete-with-warning.json: complete (0 errors, {} ", ok.validation.warnings)));
}

#[test]
fn unreadable_files_exit_2_with_the_import_message_and_code() {
    for (name, code, words) in [
        ("tampered.json", "digest_mismatch", "has been changed since it was downloaded"),
        ("not-json.json", "not_json", "not in JSON format: there is a problem at line 1, column 1"),
        ("newer-version.json", "newer_version", "made by a newer version of Involve"),
        ("not-involve.json", "not_involve", "not an Involve document"),
        ("no-such-file.json", "not_found", "could not be found"),
    ] {
        let o = check_args(&[], &[&fx(name)]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0], format!("tests/fixtures/{name}: unreadable"));
        assert!(lines[1].starts_with("  ") && lines[1].contains(words) && lines[1].ends_with(&format!(" [{code}]")), "{out}");
    }
}

#[test]
fn version_1_files_are_checked_with_their_migration_notes() {
    let want = expected("v1.json");
    let ok = want.outcome.as_ref().unwrap();
    assert_eq!(ok.version, 1);
    let o = check_args(&[], &[&fx("v1.json")]);
    assert_eq!(o.status.code(), Some(check::exit_code(std::slice::from_ref(&want))));
    let out = stdout(&o);
    assert!(out.contains("  note: This file was made by an earlier version of Involve (file format 1)"));
    assert!(out.contains("  note: answers.c.date_produced: The date \"2026-11-04\" was split into day, month and year [date_converted]"));
    let o = check_args(&[], &[&fx("v1-bad-date.json")]);
    assert!(stdout(&o).contains("\"next week\" is not a date in the form 2024-03-31, so it was not kept. Enter the date again [date_dropped]"));
}

#[test]
fn folders_are_searched_recursively_for_json_files_in_sorted_order() {
    let o = check_args(&[], &["tests/fixtures/mixed"]);
    let out = stdout(&o);
    let heads: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(
        heads[..3].iter().map(|l| l.split(": ").next().unwrap()).collect::<Vec<_>>(),
        ["tests/fixtures/mixed/a-complete.json", "tests/fixtures/mixed/b-incomplete.json", "tests/fixtures/mixed/nested/c-v1.json"]
    );
    assert!(!out.contains("README.txt"));
    assert_eq!(*heads.last().unwrap(), "3 files: 1 complete, 2 incomplete, 0 unreadable");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn an_empty_folder_is_reported_not_silently_passed() {
    let dir = std::env::temp_dir().join(format!("involve-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = check_args(&[], &[dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("The folder has no .json files. Check the folder name [no_files]"));
}

#[test]
fn unreadable_wins_over_incomplete_and_order_is_kept() {
    let files = [fx("not-json.json"), fx("complete.json"), fx("incomplete.json")];
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let o = check_args(&[], &refs);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let heads: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(heads, [
        "tests/fixtures/not-json.json: unreadable",
        "tests/fixtures/complete.json: complete",
        &format!("tests/fixtures/incomplete.json: incomplete ({} errors, 0 warnings)", expected("incomplete.json").outcome.unwrap().validation.errors),
        "3 files: 1 complete, 1 incomplete, 1 unreadable",
    ]);
    // And incomplete alone over complete.
    assert_eq!(check_args(&[], &[&fx("complete.json"), &fx("incomplete.json")]).status.code(), Some(1));
}

#[test]
fn json_output_is_one_object_with_per_file_results_and_a_summary() {
    let o = check_args(&["--json"], &["tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(v["today"], TODAY);
    assert_eq!(v["exit_code"], 2);
    let files = v["files"].as_array().unwrap();
    let json_fixtures = format_support::fixtures().iter().filter(|f| f.0.ends_with(".json")).count();
    assert_eq!(files.len(), json_fixtures);
    for f in files {
        let path = f["path"].as_str().unwrap();
        let rel = path.strip_prefix("tests/fixtures/").unwrap();
        let want = expected(rel);
        assert_eq!(f["status"], want.status().code(), "{path}");
        match &want.outcome {
            Ok(ok) => {
                assert_eq!(f["verdict"]["code"], ok.verdict.code);
                assert_eq!(f["verdict"]["duties"], serde_json::to_value(&ok.verdict.duties).unwrap());
                assert_eq!(f["validation"]["errors"], ok.validation.errors);
                assert_eq!(f["validation"]["issues"].as_array().unwrap().len(), ok.validation.issues.len());
                assert_eq!(f["missing_signoff"], ok.missing_signoff);
                assert_eq!(f["notes"].as_array().unwrap().len(), ok.notes.len());
                assert_eq!(f["version"], ok.version);
                assert_eq!(f["ruleset"], "nhse-2017");
            }
            Err(u) => {
                assert_eq!(f["error"]["code"], u.code, "{path}");
                assert_eq!(f["error"]["message"], u.message.as_str());
            }
        }
    }
    let s = &v["summary"];
    assert_eq!(s["files"], files.len());
    for status in ["complete", "incomplete", "unreadable"] {
        assert_eq!(s[status], files.iter().filter(|f| f["status"] == status).count(), "{status}");
    }
    let verdict_total: u64 = s["verdicts"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(verdict_total as usize, files.len() - s["unreadable"].as_u64().unwrap() as usize);
    assert_eq!(s["missing_signoff"], files.iter().filter(|f| f["missing_signoff"] == true).count());
}

#[test]
fn summary_prints_the_assurance_table() {
    let o = check_args(&["--summary"], &["tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let checks: Vec<FileCheck> = check::check_all(&check::expand(&[fixture_dir()]), today(), 1);
    let s = check::Summary::of(&checks);
    assert!(out.starts_with(&format!("Involve check: {} files (today {TODAY})\n", s.files)), "{out}");
    let row = |label: &str, n: usize| format!("\n  {label:<28}{n:>8}\n");
    for (code, n) in &s.verdicts {
        assert!(out.contains(&row(code, *n)), "{code}: {out}");
    }
    for (label, n) in [("complete", s.complete), ("incomplete", s.incomplete), ("missing sign-off", s.missing_signoff), ("unreadable", s.unreadable)] {
        assert!(out.contains(&row(label, n)), "{label}: {out}");
    }
    assert!(s.unreadable >= 4 && s.incomplete >= 1 && s.missing_signoff >= 1, "fixture precondition: {s:?}");
    assert!(out.contains("\nUnreadable:\n") && out.contains("tampered.json: The file has been changed"));
    assert!(out.contains("\nMissing sign-off:\n  tests/fixtures/incomplete.json\n") || out.contains("\n  tests/fixtures/incomplete.json\n"));
    // No per-file issue lines in the summary.
    assert!(!out.contains("[missing]\n"));
}

#[test]
fn missing_signoff_means_no_completion_date_or_blank_signoff_details() {
    use involve::model::{DateInput, YesNo};
    let mut a = format_support::complete();
    assert!(!check::missing_signoff(&a));
    a.b.signoff.team.clear();
    assert!(check::missing_signoff(&a));
    a.b.signoff_applies = Some(YesNo::No);
    assert!(!check::missing_signoff(&a));
    a.b.completed_by.date = DateInput::default();
    assert!(check::missing_signoff(&a));
}

#[test]
fn dates_from_days_since_1970() {
    use involve::model::Ymd;
    let ymd = |year, month, day| Ymd { year, month, day };
    for (days, want) in [
        (0, ymd(1970, 1, 1)),
        (-1, ymd(1969, 12, 31)),
        (11_016, ymd(2000, 2, 29)),
        (19_782, ymd(2024, 2, 29)),
        (20_778, ymd(2026, 11, 21)),
        (2_932_896, ymd(9999, 12, 31)),
    ] {
        assert_eq!(check::civil_from_days(days), want, "{days}");
    }
    // Every day for 400 years round-trips through parse_ymd and advances by one.
    let mut prev = check::civil_from_days(0);
    for d in 1..146_097 {
        let cur = check::civil_from_days(d);
        assert!(cur > prev);
        let text = format!("{:04}-{:02}-{:02}", cur.year, cur.month, cur.day);
        assert_eq!(check::parse_ymd(&text), Some(cur));
        prev = cur;
    }
    assert_eq!(check::parse_ymd("2026-02-29"), None);
    assert_eq!(check::parse_ymd("2026-2-28"), None);
}

#[test]
fn without_today_the_system_date_is_used() {
    let o = involve(&["check", "--json", &fx("complete.json")]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let d = check::civil_from_days((secs / 86_400) as i64);
    assert_eq!(v["today"], format!("{:04}-{:02}-{:02}", d.year, d.month, d.day));
}

#[test]
fn text_output_never_passes_terminal_escapes_through() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_involve"))
        .args(["check", "--today", "2026-11-21", "tests/corpus/type-choice-terminal-escapes.json"])
        .output()
        .expect("run involve");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("should be one of"), "{text}");
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "raw escape in: {text:?}");
    assert!(text.contains("\\u{1b}"), "escapes shown visibly: {text}");
}
