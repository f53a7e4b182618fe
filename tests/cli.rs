//! `involve` run as a real binary on the committed fixtures (which the
//! format tests keep in step with the real export).
//!
//! Expected statuses, verdicts and issues come from the library (import,
//! rules and validation), not hard-coded, so these tests check the CLI's
//! reporting and exit codes whatever the validation rules say.

mod format_support;

use format_support::{fixture_dir, today};
use involve::format::check::{self, FileCheck, Status};

/// The command-line tool's file reading (folders, the size limit, threads),
/// compiled into this test as it is into the binary.
#[path = "../src/bin/involve_cli/files.rs"]
#[allow(dead_code)]
mod files;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const TODAY: &str = "2026-11-21";

fn involve(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_involve"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
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
    files::check_file(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(fx(name)),
        today(),
    )
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
    assert_eq!(
        stdout(&o),
        format!(
            "involve {} (document format 2)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    let o = involve(&["rulesets"]);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
    assert_eq!(lines.len(), involve::rules::all().len());
    assert!(
        lines[0].starts_with("nhse-2017\t") && !lines[0].ends_with("(default)"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("nhse-2022\t") && lines[1].ends_with("(default)"),
        "{lines:?}"
    );
}

#[test]
fn usage_problems_exit_2_with_a_message_on_stderr() {
    for (args, words) in [
        (&[][..], "say what to do"),
        (&["frobnicate"], "there is no command called 'frobnicate'"),
        (&["check"], "give at least one file or folder"),
        (
            &["check", "--jsn", "x.json"],
            "there is no option called '--jsn'",
        ),
        (
            &["check", "--today", "2026-02-30", "x.json"],
            "--today needs a real date",
        ),
        (&["check", "--today"], "--today needs a real date"),
        (
            &["rulesets", "extra"],
            "there is no command called 'rulesets'",
        ),
        (
            &["check", "--csv", "--json", "x.json"],
            "choose one of --csv, --json and --summary",
        ),
        (
            &["check", "--summary", "--csv", "x.json"],
            "choose one of --csv, --json and --summary",
        ),
        (&["check", "--csv"], "give at least one file or folder"),
    ] {
        let o = involve(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stdout(&o).is_empty(), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.starts_with("involve: ") && e.contains(words) && e.contains("Usage:"),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn a_complete_file_exits_0_with_its_verdict() {
    let want = expected("complete.json");
    assert_eq!(
        want.status(),
        Status::Complete,
        "fixture precondition: {want:?}"
    );
    let o = check_args(&[], &[&fx("complete.json")]);
    assert_eq!(o.status.code(), Some(0));
    let ok = want.outcome.unwrap();
    assert_eq!(
        stdout(&o),
        format!(
            "tests/fixtures/complete.json: complete\n  {} [{}]\n",
            ok.verdict.headline, ok.verdict.code
        )
    );
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
        format!(
            "tests/fixtures/incomplete.json: incomplete ({} errors, {} warnings)",
            ok.validation.errors, ok.validation.warnings
        )
    );
    assert_eq!(
        lines[1],
        format!("  {} [{}]", ok.verdict.headline, ok.verdict.code)
    );
    for (line, issue) in lines[2..].iter().zip(&ok.validation.issues) {
        let mark = if issue.severity == "warning" {
            "warning: "
        } else {
            ""
        };
        assert_eq!(
            *line,
            format!("  {mark}{}: {} [{}]", issue.path, issue.message, issue.code)
        );
    }
    assert_eq!(
        lines.len(),
        2 + ok.validation.issues.len() + usize::from(ok.missing_signoff)
    );
    assert!(
        ok.missing_signoff,
        "fixture precondition: sign-off details are blank"
    );
    assert_eq!(
        *lines.last().unwrap(),
        "  note: The form has not been signed off [missing_signoff]"
    );
}

#[test]
fn warnings_are_marked_and_do_not_make_a_form_incomplete() {
    let want = expected("complete-with-warning.json");
    let ok = want.outcome.as_ref().unwrap();
    assert!(
        ok.validation.warnings > 0 && ok.validation.complete,
        "fixture precondition: {ok:?}"
    );
    let o = check_args(&[], &[&fx("complete-with-warning.json")]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for w in ok
        .validation
        .issues
        .iter()
        .filter(|i| i.severity == "warning")
    {
        assert!(
            out.contains(&format!(
                "\n  warning: {}: {} [{}]\n",
                w.path, w.message, w.code
            )),
            "{out}"
        );
    }
    assert!(out.starts_with(&format!(
        "tests/fixtures/complete-with-warning.json: complete (0 errors, {} ",
        ok.validation.warnings
    )));
}

#[test]
fn unreadable_files_exit_2_with_the_import_message_and_code() {
    for (name, code, words) in [
        (
            "tampered.json",
            "digest_mismatch",
            "has been changed since it was downloaded",
        ),
        (
            "not-json.json",
            "not_json",
            "not in JSON format: there is a problem at line 1, column 1",
        ),
        (
            "newer-version.json",
            "newer_version",
            "made by a newer version of Involve",
        ),
        ("not-involve.json", "not_involve", "not an Involve document"),
        ("no-such-file.json", "not_found", "could not be found"),
    ] {
        let o = check_args(&[], &[&fx(name)]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let out = stdout(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0], format!("tests/fixtures/{name}: unreadable"));
        assert!(
            lines[1].starts_with("  ")
                && lines[1].contains(words)
                && lines[1].ends_with(&format!(" [{code}]")),
            "{out}"
        );
    }
}

#[test]
fn version_1_files_are_checked_with_their_migration_notes() {
    let want = expected("v1.json");
    let ok = want.outcome.as_ref().unwrap();
    assert_eq!(ok.version, 1);
    let o = check_args(&[], &[&fx("v1.json")]);
    assert_eq!(
        o.status.code(),
        Some(check::exit_code(std::slice::from_ref(&want)))
    );
    let out = stdout(&o);
    assert!(
        out.contains("  note: This file was made by an earlier version of Involve (file format 1)")
    );
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
        heads[..3]
            .iter()
            .map(|l| l.split(": ").next().unwrap())
            .collect::<Vec<_>>(),
        [
            "tests/fixtures/mixed/a-complete.json",
            "tests/fixtures/mixed/b-incomplete.json",
            "tests/fixtures/mixed/nested/c-v1.json"
        ]
    );
    assert!(!out.contains("README.txt"));
    assert_eq!(
        *heads.last().unwrap(),
        "3 files: 1 complete, 2 incomplete, 0 unreadable"
    );
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
    let files = [
        fx("not-json.json"),
        fx("complete.json"),
        fx("incomplete.json"),
    ];
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let o = check_args(&[], &refs);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let heads: Vec<&str> = out.lines().filter(|l| !l.starts_with("  ")).collect();
    assert_eq!(
        heads,
        [
            "tests/fixtures/not-json.json: unreadable",
            "tests/fixtures/complete.json: complete",
            &format!(
                "tests/fixtures/incomplete.json: incomplete ({} errors, 0 warnings)",
                expected("incomplete.json")
                    .outcome
                    .unwrap()
                    .validation
                    .errors
            ),
            "3 files: 1 complete, 1 incomplete, 1 unreadable",
        ]
    );
    // And incomplete alone over complete.
    assert_eq!(
        check_args(&[], &[&fx("complete.json"), &fx("incomplete.json")])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn json_output_is_one_object_with_per_file_results_and_a_summary() {
    let o = check_args(&["--json"], &["tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert_eq!(v["today"], TODAY);
    assert_eq!(v["exit_code"], 2);
    let files = v["files"].as_array().unwrap();
    let json_fixtures = format_support::fixtures()
        .iter()
        .filter(|f| f.0.ends_with(".json"))
        .count();
    assert_eq!(files.len(), json_fixtures);
    for f in files {
        let path = f["path"].as_str().unwrap();
        let rel = path.strip_prefix("tests/fixtures/").unwrap();
        let want = expected(rel);
        assert_eq!(f["status"], want.status().code(), "{path}");
        match &want.outcome {
            Ok(ok) => {
                assert_eq!(f["verdict"]["code"], ok.verdict.code);
                assert_eq!(
                    f["verdict"]["duties"],
                    serde_json::to_value(&ok.verdict.duties).unwrap()
                );
                assert_eq!(f["validation"]["errors"], ok.validation.errors);
                assert_eq!(
                    f["validation"]["issues"].as_array().unwrap().len(),
                    ok.validation.issues.len()
                );
                assert_eq!(f["missing_signoff"], ok.missing_signoff);
                assert_eq!(f["notes"].as_array().unwrap().len(), ok.notes.len());
                assert_eq!(f["version"], ok.version);
                assert_eq!(f["ruleset"], ok.ruleset);
                assert_eq!(
                    f["ruleset"],
                    if rel.contains("2022") {
                        "nhse-2022"
                    } else {
                        "nhse-2017"
                    },
                    "{path}"
                );
                assert_eq!(f["organisation"], ok.organisation);
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
        assert_eq!(
            s[status],
            files.iter().filter(|f| f["status"] == status).count(),
            "{status}"
        );
    }
    let verdict_total: u64 = s["verdicts"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        verdict_total as usize,
        files.len() - s["unreadable"].as_u64().unwrap() as usize
    );
    assert_eq!(
        s["missing_signoff"],
        files
            .iter()
            .filter(|f| f["missing_signoff"] == true)
            .count()
    );
}

#[test]
fn summary_prints_the_assurance_table() {
    let o = check_args(&["--summary"], &["tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let checks: Vec<FileCheck> = files::check_all(&files::expand(&[fixture_dir()]), today(), 1);
    let s = check::Summary::of(&checks);
    assert!(
        out.starts_with(&format!(
            "Involve check: {} files (today {TODAY})\n",
            s.files
        )),
        "{out}"
    );
    let row = |label: &str, n: usize| format!("\n  {label:<28}{n:>8}\n");
    for (code, n) in &s.verdicts {
        assert!(out.contains(&row(code, *n)), "{code}: {out}");
    }
    for (label, n) in [
        ("complete", s.complete),
        ("incomplete", s.incomplete),
        ("missing sign-off", s.missing_signoff),
        ("unreadable", s.unreadable),
    ] {
        assert!(out.contains(&row(label, n)), "{label}: {out}");
    }
    assert!(
        s.unreadable >= 4 && s.incomplete >= 1 && s.missing_signoff >= 1,
        "fixture precondition: {s:?}"
    );
    assert!(
        out.contains("\nUnreadable:\n") && out.contains("tampered.json: The file has been changed")
    );
    assert!(
        out.contains("\nMissing sign-off:\n  tests/fixtures/incomplete.json\n")
            || out.contains("\n  tests/fixtures/incomplete.json\n")
    );
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
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let d = check::civil_from_days((secs / 86_400) as i64);
    assert_eq!(
        v["today"],
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    );
}

#[test]
fn text_output_never_passes_terminal_escapes_through() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_involve"))
        .args([
            "check",
            "--today",
            "2026-11-21",
            "tests/corpus/type-choice-terminal-escapes.json",
        ])
        .output()
        .expect("run involve");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("should be one of"), "{text}");
    assert!(
        !out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07),
        "raw escape in: {text:?}"
    );
    assert!(text.contains("\\u{1b}"), "escapes shown visibly: {text}");
}

// ---- Rulesets (issue 10) ----------------------------------------------------

#[test]
fn rulesets_lists_each_ruleset_with_its_title_organisations_and_the_default() {
    use involve::model::RulesetId;
    let o = involve(&["rulesets"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), check::render_rulesets());
    assert_eq!(
        stdout(&o),
        format!(
            "nhse-2017\t{}\tCCG, NHS England, joint working\n\
             nhse-2022\t{}\tICB, NHS trust, NHS England, joint working (default)\n",
            involve::rules::law(RulesetId::Nhse2017).title,
            involve::rules::law(RulesetId::Nhse2022).title,
        )
    );
    let ids: Vec<&str> = involve::rules::all().iter().map(|r| r.id()).collect();
    let listed: Vec<String> = stdout(&o)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    assert_eq!(listed, ids);
    assert_eq!(involve::rules::DEFAULT_RULESET, "nhse-2022");
}

#[test]
fn a_2022_file_names_its_ruleset_and_gives_its_duty() {
    for (name, organisation, body, section) in [
        ("icb-2022.json", "icb", "icb", "14Z45"),
        ("trust-2022.json", "nhs_trust", "nhs_trust", "242"),
    ] {
        let want = expected(name);
        let ok = want.outcome.as_ref().unwrap();
        assert_eq!(
            (ok.ruleset, ok.organisation, ok.verdict.code),
            ("nhse-2022", organisation, "applies"),
            "{name}"
        );
        let o = check_args(&[], &[&fx(name)]);
        assert_eq!(o.status.code(), Some(0), "{name}");
        // The ICB's walk-in centre closure is a substantial variation with a
        // scrutiny record (regulation 23 of SI 2013/218); the trust's is not.
        let scrutiny = match name {
            "icb-2022.json" => "  Scrutiny and notification: Local authority consulted (regulation 23): Northtown Borough Council Health Overview and Scrutiny Committee, proposal put on 6 November 2026, comments due by 22 January 2027, decision proposed by 25 February 2027. Notifiable reconfiguration: Secretary of State notified on 10 November 2026. [consultation, notified]\n",
            _ => "",
        };
        assert_eq!(
            stdout(&o),
            format!(
                "tests/fixtures/{name}: complete\n  Assessed under the 2022 guidance (ICBs, NHS trusts and NHS England) [nhse-2022]\n  {} [applies]\n{scrutiny}",
                ok.verdict.headline
            )
        );
        let o = check_args(&["--json"], &[&fx(name)]);
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let f = &v["files"][0];
        assert_eq!(f["ruleset"], "nhse-2022");
        assert_eq!(f["organisation"], organisation);
        match name {
            "icb-2022.json" => assert_eq!(
                f["scrutiny"],
                serde_json::json!({
                    "kind": "consultation",
                    "notification": "notified",
                    "committee": "Northtown Borough Council Health Overview and Scrutiny Committee",
                    "proposal_date": "2026-11-06",
                    "comments_date": "2027-01-22",
                    "decision_date": "2027-02-25",
                    "notified_date": "2026-11-10",
                    "summary": scrutiny.trim_start().trim_start_matches("Scrutiny and notification: ").trim_end().trim_end_matches(" [consultation, notified]"),
                })
            ),
            _ => assert_eq!(f["scrutiny"], Value::Null),
        }
        assert_eq!(
            f["verdict"]["duties"],
            serde_json::json!([{"body": body, "section": section, "limb": "c"}])
        );
        assert_eq!(
            v["summary"]["rulesets"],
            serde_json::json!({"nhse-2017": 0, "nhse-2022": 1})
        );
    }
    // A 2017 file names no ruleset in the text report: it reads as it always did.
    assert_eq!(check::ruleset_line("nhse-2017"), None);
    assert!(!stdout(&check_args(&[], &[&fx("complete.json")])).contains("Assessed under"));
}

#[test]
fn summary_counts_files_by_ruleset_organisation_and_section() {
    let files = [
        fx("icb-2022.json"),
        fx("trust-2022.json"),
        fx("complete.json"),
        fx("incomplete.json"),
        fx("not-json.json"),
    ];
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let checks: Vec<FileCheck> = files
        .iter()
        .map(|f| files::check_file(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(f), today()))
        .collect();
    let s = check::Summary::of(&checks);
    assert_eq!(s.rulesets, [("nhse-2017", 2), ("nhse-2022", 2)]);
    // Both rulesets are present, so every organisation type they cover is listed.
    assert_eq!(
        s.organisations,
        [
            ("icb", 1),
            ("nhs_trust", 1),
            ("nhs_england", 1),
            ("joint", 0),
            ("ccg", 1)
        ]
    );
    // Sections: the incomplete fixture's problems, each in its section.
    let bad = expected("incomplete.json").outcome.unwrap();
    assert_eq!(
        s.sections.len(),
        10,
        "every form section, the 2022 equality and scrutiny records included"
    );
    for x in &s.sections {
        let issues: Vec<_> = bad
            .validation
            .issues
            .iter()
            .filter(|i| check::section_slug(&i.path) == x.section)
            .collect();
        let errors = issues.iter().filter(|i| i.severity == "error").count();
        assert_eq!(
            (x.errors, x.warnings, x.incomplete),
            (errors, issues.len() - errors, usize::from(errors > 0)),
            "{}",
            x.section
        );
    }
    assert!(
        s.sections.iter().filter(|x| x.incomplete > 0).count() >= 3,
        "fixture precondition: {:?}",
        s.sections
    );

    let out = stdout(&check_args(&["--summary"], &refs));
    let row = |label: &str, n: usize| format!("\n  {label:<28}{n:>8}\n");
    assert!(
        out.contains(&format!("\n  {:<28}{:>8}\n", "Ruleset", "Files")),
        "{out}"
    );
    assert!(
        out.contains(&row("nhse-2017", 2)) && out.contains(&row("nhse-2022", 2)),
        "{out}"
    );
    for (label, n) in [
        ("ICB", 1),
        ("NHS trust", 1),
        ("NHS England", 1),
        ("joint working", 0),
        ("CCG", 1),
    ] {
        assert!(out.contains(&row(label, n)), "{label}: {out}");
    }
    assert!(!out.contains("not answered"), "{out}");
    for x in &s.sections {
        assert!(
            out.contains(&format!(
                "\n  {:<28}{:>12}{:>10}{:>10}\n",
                x.section, x.incomplete, x.errors, x.warnings
            )),
            "{}: {out}",
            x.section
        );
    }

    let v: Value = serde_json::from_str(&stdout(&check_args(&["--json"], &refs))).unwrap();
    let sum = &v["summary"];
    assert_eq!(
        sum["rulesets"],
        serde_json::json!({"nhse-2017": 2, "nhse-2022": 2})
    );
    assert_eq!(
        sum["organisations"],
        serde_json::json!({"icb": 1, "nhs_trust": 1, "nhs_england": 1, "joint": 0, "ccg": 1})
    );
    for x in &s.sections {
        assert_eq!(
            sum["sections"][x.section],
            serde_json::json!({"incomplete": x.incomplete, "errors": x.errors, "warnings": x.warnings})
        );
    }
    // One scrutiny record (the ICB's walk-in centre: consulted, notified).
    assert_eq!(
        sum["scrutiny"],
        serde_json::json!({"records": 1, "consultation": 1, "urgent": 0, "notified": 1,
            "notification_not_recorded": 0, "not_notifiable": 0, "not_answered": 0})
    );
    assert!(out.contains(&row("substantial variation", 1)), "{out}");
    assert!(out.contains(&row("notified", 1)), "{out}");
    // 2017 files alone have no record: the summary has no scrutiny table.
    let old = stdout(&check_args(&["--summary"], &[&fx("complete.json")]));
    assert!(!old.contains("Scrutiny"), "{old}");
}

#[test]
fn summary_of_the_whole_fixture_folder_adds_up() {
    let checks: Vec<FileCheck> = files::check_all(&files::expand(&[fixture_dir()]), today(), 1);
    let s = check::Summary::of(&checks);
    let read = s.files - s.unreadable;
    assert_eq!(s.rulesets.iter().map(|r| r.1).sum::<usize>(), read);
    assert_eq!(
        s.organisations.iter().map(|r| r.1).sum::<usize>(),
        read,
        "{:?}",
        s.organisations
    );
    let issues: usize = checks
        .iter()
        .filter_map(|c| c.outcome.as_ref().ok())
        .map(|ok| ok.validation.issues.len())
        .sum();
    assert_eq!(
        s.sections
            .iter()
            .map(|x| x.errors + x.warnings)
            .sum::<usize>(),
        issues
    );
    assert_eq!(
        s.sections.iter().map(|x| x.incomplete).max(),
        Some(s.incomplete),
        "every incomplete form has a screening error here"
    );
}

/// The CLI's output for 2022 files, complete or not, in every form, never
/// says CCG or clinical commissioning group.
#[test]
fn no_2022_output_mentions_ccgs() {
    use format_support::{export_doc, icb_2022, trust_2022};
    use involve::model::{Answers, Body, RulesetId};
    let dir = std::env::temp_dir().join(format!("involve-2022-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Incomplete 2022 forms too, so validation messages are swept.
    let mut partial = Answers::default();
    partial.screening.ruleset = RulesetId::Nhse2022;
    let mut trust = partial.clone();
    trust.screening.body = Some(Body::NhsTrust);
    let mut icb = icb_2022();
    icb.b.title.clear();
    icb.b.signoff.email = "not an email".into();
    icb.screening.activities.clear();
    let mut joint = trust_2022();
    joint.screening.body = Some(Body::Joint);
    for (name, a) in [
        ("blank.json", &partial),
        ("trust-started.json", &trust),
        ("icb-gaps.json", &icb),
        ("joint.json", &joint),
    ] {
        std::fs::write(dir.join(name), export_doc(a)).unwrap();
    }
    let d = dir.to_str().unwrap();
    let sets: Vec<Vec<String>> = vec![
        vec![fx("icb-2022.json")],
        vec![fx("trust-2022.json")],
        vec![fx("icb-2022.json"), fx("trust-2022.json")],
        vec![d.to_string()],
    ];
    for set in &sets {
        let refs: Vec<&str> = set.iter().map(String::as_str).collect();
        for mode in [&[][..], &["--json"], &["--summary"], &["--csv"]] {
            let o = check_args(mode, &refs);
            let out = stdout(&o).to_lowercase();
            assert!(!out.is_empty(), "{set:?} {mode:?}");
            if set[0] == d && mode.is_empty() {
                assert_eq!(o.status.code(), Some(1), "the started forms are incomplete");
                assert!(
                    out.matches(" [missing]").count() >= 10,
                    "validation messages are swept too: {out}"
                );
            }
            for banned in ["ccg", "clinical commissioning group"] {
                assert!(
                    !out.contains(banned),
                    "{set:?} {mode:?} says {banned:?}:\n{}",
                    stdout(&o)
                );
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--csv` and `--json` print exactly what the library's `csv_report` and
/// `report_json` give for the same files (the browser's review page calls
/// the same functions), with check's exit codes.
#[test]
fn csv_and_json_output_are_the_librarys_byte_for_byte() {
    let sets: Vec<Vec<&str>> = vec![
        vec!["tests/fixtures"],
        vec!["tests/fixtures/complete.json"],
        vec![
            "tests/fixtures/complete.json",
            "tests/fixtures/incomplete.json",
        ],
        vec![
            "tests/fixtures/icb-2022.json",
            "tests/fixtures/trust-2022.json",
            "tests/fixtures/v1.json",
        ],
        vec!["tests/corpus", "tests/fixtures/mixed"],
        vec!["tests/fixtures/no-such-file.json"],
    ];
    for set in sets {
        let checks = files::check_all(
            &files::expand(&set.iter().map(PathBuf::from).collect::<Vec<_>>()),
            today(),
            1,
        );
        let want_code = check::exit_code(&checks);
        let o = check_args(&["--csv"], &set);
        assert_eq!(
            o.stdout,
            involve::format::csv::csv_report(&checks).into_bytes(),
            "--csv {set:?}"
        );
        assert_eq!(o.status.code(), Some(want_code), "--csv {set:?}");
        assert!(stderr(&o).is_empty(), "{set:?}");
        let o = check_args(&["--json"], &set);
        assert_eq!(
            stdout(&o),
            check::report_json(&checks, today()),
            "--json {set:?}"
        );
        assert_eq!(o.status.code(), Some(want_code), "--json {set:?}");
    }
}

#[test]
fn csv_output_has_a_row_per_file_with_the_review_columns() {
    let o = check_args(&["--csv"], &["tests/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    let text = out.strip_prefix('\u{feff}').expect("a byte order mark");
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines[0], "File,Title,Organisation,Ruleset,Verdict,Complete,Signed off,Completion date,Scrutiny and notification,Errors,Warnings,Unreadable");
    let json_fixtures = format_support::fixtures()
        .iter()
        .filter(|f| f.0.ends_with(".json"))
        .count();
    assert_eq!(lines.len(), json_fixtures + 1);
    assert!(lines.contains(&"tests/fixtures/icb-2022.json,Walk-in centre closure: Riverside,ICB,nhse-2022,The legal duty to involve the public applies,Yes,Yes,03/11/2026,\"Local authority consulted (regulation 23): Northtown Borough Council Health Overview and Scrutiny Committee, proposal put on 6 November 2026, comments due by 22 January 2027, decision proposed by 25 February 2027. Notifiable reconfiguration: Secretary of State notified on 10 November 2026.\",0,0,"), "{out}");
    // A 2017 file has no scrutiny record: the column is blank.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("tests/fixtures/complete.json,") && l.contains(",,0,")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("tests/fixtures/tampered.json,,,,,,,,,,,\"The file has been changed")),
        "{out}"
    );
}

/// Each file of `--json` carries the decision record its document holds.
#[test]
fn json_output_includes_the_decision_record() {
    for name in [
        "complete.json",
        "icb-2022.json",
        "trust-2022.json",
        "incomplete.json",
    ] {
        let o = check_args(&["--json"], &[&fx(name)]);
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let f = &v["files"][0];
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(fixture_dir().join(name)).unwrap())
                .unwrap();
        assert_eq!(f["verdict"], doc["verdict"], "{name}");
        assert!(
            !f["verdict"]["reasons"].as_array().unwrap().is_empty(),
            "{name}"
        );
        assert!(
            !f["verdict"]["actions"].as_array().unwrap().is_empty(),
            "{name}"
        );
        assert_eq!(f["title"], doc["title"], "{name}");
        let ok = expected(name).outcome.unwrap();
        assert_eq!(f["signed_off"], ok.signed_off.code(), "{name}");
        assert_eq!(
            f["completed"],
            serde_json::to_value(ok.completed.map(involve::format::ymd_string)).unwrap(),
            "{name}"
        );
    }
}
