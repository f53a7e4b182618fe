//! `involve export` and `involve report` run as the real binary: where the
//! documents go, the messages and the exit codes (as `involve check`'s:
//! 0 done, 2 a file unreadable or a problem with the command).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn involve(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_involve"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8")
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("involve-cli-docs-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn export_usage_problems_exit_2_with_a_message_on_stderr() {
    for (args, words) in [
        (
            &["export", "tests/fixtures/complete.json"][..],
            "choose --odt, --docx or both",
        ),
        (
            &["export", "--odt"],
            "give at least one file or folder to export",
        ),
        (&["export", "--odt", "--out"], "--out needs a folder"),
        (
            &[
                "export",
                "--odt",
                "--out",
                "tests/fixtures/complete.json",
                "tests/fixtures/complete.json",
            ],
            "is not a folder",
        ),
        (
            &["export", "--pdf", "x.json"],
            "there is no option called '--pdf'",
        ),
        (
            &["report", "tests/fixtures"],
            "give the period with --from and --to",
        ),
        (
            &["report", "--from", "2026-04-01", "--to", "2026-02-30", "x"],
            "--to needs a real date",
        ),
        (
            &["report", "--from", "2027-04-01", "--to", "2026-03-31", "x"],
            "--from must be on or before --to",
        ),
        (
            &["report", "--from", "2026-04-01", "--to", "2027-03-31"],
            "give at least one file or folder",
        ),
        (
            &[
                "report",
                "--odt",
                "--csv",
                "--from",
                "2026-04-01",
                "--to",
                "2027-03-31",
                "x",
            ],
            "choose one of --odt, --docx and --csv",
        ),
        (&["report", "--org"], "--org needs a value"),
        (
            &[
                "report",
                "--by",
                "approval",
                "--from",
                "2026-04-01",
                "--to",
                "2027-03-31",
                "x",
            ],
            "--by must be signoff or decision",
        ),
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
fn export_writes_each_document_into_the_out_folder_and_exits_0() {
    let out = temp("out");
    let o = involve(&[
        "export",
        "--odt",
        "--docx",
        "--out",
        s(&out),
        "tests/fixtures/complete.json",
        "tests/fixtures/icb-2022.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for (file, name) in [("complete.json", "complete"), ("icb-2022.json", "icb-2022")] {
        for ext in ["odt", "docx"] {
            let target = out.join(format!("{name}.{ext}"));
            assert!(
                text.contains(&format!(
                    "tests/fixtures/{file}: written {}\n",
                    target.display()
                )),
                "{text}"
            );
            let bytes = std::fs::read(&target).unwrap();
            assert_eq!(&bytes[..4], b"PK\x03\x04");
        }
    }
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn export_writes_beside_the_file_by_default_and_keeps_two_same_names_apart() {
    let dir = temp("beside");
    let (a, b) = (dir.join("a"), dir.join("b"));
    for d in [&a, &b] {
        std::fs::create_dir_all(d).unwrap();
        std::fs::copy("tests/fixtures/complete.json", d.join("same.json")).unwrap();
    }
    let o = involve(&["export", "--odt", s(&dir)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(a.join("same.odt").is_file() && b.join("same.odt").is_file());
    let out = temp("same-out");
    let o = involve(&["export", "--docx", "--out", s(&out), s(&dir)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out.join("same.docx").is_file() && out.join("same-2.docx").is_file(),
        "{}",
        stdout(&o)
    );
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn export_reports_unreadable_files_as_check_does_and_exits_2_after_writing_the_rest() {
    let out = temp("unreadable");
    let o = involve(&[
        "export",
        "--odt",
        "--out",
        s(&out),
        "tests/fixtures/not-json.json",
        "tests/fixtures/complete.json",
        "tests/fixtures/no-such.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "tests/fixtures/not-json.json: unreadable\n  The file is not in JSON format"
        ),
        "{text}"
    );
    assert!(
        text.contains("[not_json]\n")
            && text.contains("tests/fixtures/no-such.json: unreadable\n")
            && text.contains("[not_found]\n"),
        "{text}"
    );
    assert!(out.join("complete.odt").is_file());
    let _ = std::fs::remove_dir_all(out);
}

#[test]
fn report_writes_the_period_summary_in_each_format() {
    let out = temp("report");
    for (flag, ext) in [("--odt", "odt"), ("--docx", "docx"), ("--csv", "csv")] {
        let target = out.join(format!("r.{ext}"));
        let o = involve(&[
            "report",
            flag,
            "--from",
            "2026-04-01",
            "--to",
            "2027-03-31",
            "--org",
            "icb",
            "--out",
            s(&target),
            "tests/fixtures",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            stdout(&o).starts_with(&format!("{}: written (", target.display())),
            "{}",
            stdout(&o)
        );
        let bytes = std::fs::read(&target).unwrap();
        if ext == "csv" {
            let csv = String::from_utf8(bytes).unwrap();
            assert!(
                csv.contains("icb-2022.json") && csv.contains("Not icb's"),
                "{csv}"
            );
        } else {
            assert_eq!(&bytes[..4], b"PK\x03\x04");
        }
    }
    let _ = std::fs::remove_dir_all(out);
}

/// `--by decision` dates each file by its completion date (issue 18); the
/// CSV says which files fell outside the period and gives the scrutiny
/// record of the ICB's substantial variation.
#[test]
fn report_by_decision_date_uses_the_completion_date() {
    let out = temp("report-by");
    let csv = |by: &str| {
        let target = out.join(format!("{by}.csv"));
        let o = involve(&[
            "report",
            "--csv",
            "--by",
            by,
            "--from",
            "2026-11-03",
            "--to",
            "2026-11-03",
            "--out",
            s(&target),
            "tests/fixtures/icb-2022.json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        String::from_utf8(std::fs::read(&target).unwrap()).unwrap()
    };
    // icb-2022.json: completed 3 November 2026, signed off on the 5th.
    let decision = csv("decision");
    assert!(decision.contains(",Yes,\r\n"), "in the period: {decision}");
    assert!(
        decision.contains("Secretary of State notified on 10 November 2026"),
        "{decision}"
    );
    let signoff = csv("signoff");
    assert!(
        signoff.contains(",No,\"Dated 05/11/2026, outside the period\"")
            || signoff.contains(",No,Dated 05/11/2026, outside the period"),
        "{signoff}"
    );
    let _ = std::fs::remove_dir_all(out);
}
