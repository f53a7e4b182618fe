//! The review table as CSV (`format::csv`): RFC 4180 quoting, CRLF, a
//! UTF-8 byte order mark, and formula injection neutralised.

mod format_support;

use format_support::*;
use involve::format::check::{self, FileCheck, SignOff, Unreadable};
use involve::format::csv::{self, csv_report, csv_row, field, neutralise, COLUMNS};
use involve::model::*;

/// A strict RFC 4180 reader, for reading back what was written.
fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => quoted = true,
            '"' => panic!("a bare quote inside an unquoted field: {text:?}"),
            ',' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
                continue;
            }
            '\r' => {
                assert_eq!(
                    chars.next(),
                    Some('\n'),
                    "CR without LF outside quotes: {text:?}"
                );
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
                continue;
            }
            '\n' => panic!("LF without CR outside quotes: {text:?}"),
            c => cell.push(c),
        }
        at_start = false;
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last record has no CRLF: {text:?}"
    );
    rows
}

#[test]
fn fields_are_neutralised_then_quoted() {
    for (cell, want) in [
        // Plain text is untouched.
        ("GP practice closure", "GP practice closure"),
        ("", ""),
        ("12", "12"),
        ("a-b = c", "a-b = c"),
        // Formula injection: each of = + - @ tab and CR at the start.
        (
            "=HYPERLINK(\"http://x\")",
            "\"'=HYPERLINK(\"\"http://x\"\")\"",
        ),
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        // Only the first character counts.
        (" =1", " =1"),
        ("'=1", "'=1"),
        // Quotes, commas and line breaks.
        ("say \"hello\"", "\"say \"\"hello\"\"\""),
        ("\"", "\"\"\"\""),
        ("Oak Lane, Leeds", "\"Oak Lane, Leeds\""),
        ("line 1\nline 2", "\"line 1\nline 2\""),
        ("line 1\r\nline 2", "\"line 1\r\nline 2\""),
        ("ends with CR\r", "\"ends with CR\r\""),
        ("tab\tinside", "tab\tinside"),
        // Unicode and right-to-left text pass through as they are.
        (
            "Clinique d'été – Zürich ✓ 🏥",
            "Clinique d'été – Zürich ✓ 🏥",
        ),
        ("إغلاق عيادة الطبيب العام", "إغلاق عيادة الطبيب العام"),
        ("סגירת מרפאה, תל אביב", "\"סגירת מרפאה, תל אביב\""),
        ("\u{202e}evil.json", "\u{202e}evil.json"),
        ("-", "'-"),
    ] {
        assert_eq!(field(cell), want, "{cell:?}");
        // Reading the field back gives the neutralised cell.
        let line = csv::record(&[cell]);
        assert_eq!(
            parse(&line),
            vec![vec![neutralise(cell).into_owned()]],
            "{cell:?}"
        );
    }
}

#[test]
fn every_dangerous_first_character_is_neutralised() {
    for first in ['=', '+', '-', '@', '\t', '\r'] {
        let cell = format!("{first}2+3");
        assert_eq!(neutralise(&cell), format!("'{cell}"), "{first:?}");
        let back = &parse(&csv::record(&[cell.as_str()]))[0][0];
        assert!(back.starts_with('\''), "{first:?}: {back:?}");
    }
    for safe in ["a", "1", " ", "\"", "\n", "#", "%", "|"] {
        assert!(
            !neutralise(&format!("{safe}x")).starts_with('\''),
            "{safe:?}"
        );
    }
}

fn hostile_answers() -> Answers {
    let mut a = complete();
    a.b.title =
        "=HYPERLINK(\"https://evil.example\",\"Click\"), \"quoted\"\r\nمرحبا بالعالم".into();
    a
}

fn checked(name: &str, a: &Answers) -> FileCheck {
    FileCheck::from_bytes(name, export_doc(a).as_bytes(), today())
}

#[test]
fn a_report_is_a_bom_a_header_and_one_crlf_record_per_file() {
    let checks = vec![
        checked("complete.json", &complete()),
        checked("@evil,\"name\".json", &hostile_answers()),
        checked("incomplete.json", &incomplete()),
        checked("ولادة.json", &icb_2022()),
        FileCheck::from_bytes("-binary.bin", &[0xff, 0xfe, 0, 1], today()),
        FileCheck {
            path: "gone.json".into(),
            outcome: Err(Unreadable {
                code: "not_found",
                message: "The file could not be found, \"really\"".into(),
            }),
        },
    ];
    let text = csv_report(&checks);
    assert!(text.starts_with("\u{feff}File,Title,Organisation,Ruleset,Verdict,Complete,Signed off,Completion date,Scrutiny and notification,Errors,Warnings,Unreadable\r\n"));
    assert!(text.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]));
    assert!(text.ends_with("\r\n"));
    let rows = parse(text.strip_prefix(csv::BOM).unwrap());
    assert_eq!(rows.len(), checks.len() + 1);
    assert_eq!(rows[0], COLUMNS);
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()), "{rows:?}");
    // The body is the rows, in order, one each.
    let body: String = checks.iter().map(csv_row).collect();
    assert_eq!(text, format!("{}{}{body}", csv::BOM, csv::header()));

    assert_eq!(
        rows[1],
        [
            "complete.json",
            "GP practice closure: Elm Road branch surgery",
            "CCG",
            "nhse-2017",
            "The legal duty to involve the public applies",
            "Yes",
            "Yes",
            "03/11/2026",
            "",
            "0",
            "0",
            ""
        ]
    );
    assert_eq!(rows[2][0], "'@evil,\"name\".json");
    assert_eq!(rows[2][1], format!("'{}", hostile_answers().b.title));
    assert_eq!(
        rows[3][1..],
        [
            "",
            "NHS England",
            "nhse-2017",
            "The duty cannot be decided yet because answers are missing",
            "No",
            "No",
            "",
            "",
            &check::check_bytes(export_doc(&incomplete()).as_bytes(), today())
                .unwrap()
                .validation
                .errors
                .to_string(),
            "0",
            ""
        ]
    );
    assert_eq!(rows[4][0], "ولادة.json");
    assert_eq!(
        rows[4][2..5],
        [
            "ICB",
            "nhse-2022",
            "The legal duty to involve the public applies"
        ]
    );
    assert_eq!(rows[5][0], "'-binary.bin");
    assert_eq!(rows[5][1..11], ["", "", "", "", "", "", "", "", "", ""]);
    assert!(rows[5][11].starts_with("The file is not a text file"));
    assert_eq!(rows[6][11], "The file could not be found, \"really\"");
    // No cell a spreadsheet would run.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn an_empty_report_is_the_header_alone() {
    assert_eq!(
        csv_report(&[]),
        format!("\u{feff}{}\r\n", COLUMNS.join(","))
    );
}

#[test]
fn signed_off_and_completion_date_columns() {
    let row = |a: &Answers| parse(&csv_row(&checked("x.json", a))).remove(0);
    let mut a = complete();
    assert_eq!(SignOff::of(&a), SignOff::Yes);
    assert_eq!(row(&a)[6..8], ["Yes", "03/11/2026"]);
    a.b.signoff_applies = Some(YesNo::No);
    assert_eq!(row(&a)[6], "Not needed");
    a.b.signoff_applies = Some(YesNo::Yes);
    a.b.signoff.email.clear();
    assert_eq!(row(&a)[6], "No");
    // A date that is not real is left blank (validation reports it).
    a.b.completed_by.date = DateInput::new("31", "2", "2026");
    assert_eq!(row(&a)[6..8], ["No", ""]);
    a.b.completed_by.date = DateInput::new("1", "2", "2026");
    assert_eq!(row(&a)[7], "01/02/2026");
    a.b.completed_by.date = DateInput::default();
    assert_eq!(row(&a)[6..8], ["No", ""]);
    // "No" exactly when the summary counts the form as missing sign-off.
    for a in [
        complete(),
        incomplete(),
        complete_with_warning(),
        icb_2022(),
        trust_2022(),
        Answers::default(),
        everything(),
    ] {
        assert_eq!(SignOff::of(&a) == SignOff::No, check::missing_signoff(&a));
    }
}

#[test]
fn the_writer_never_panics_on_hostile_text() {
    let nasty = [
        "\u{0}",
        "\u{feff}=1",
        "\"\"\"",
        "\r",
        "\n",
        ",",
        "=",
        "\u{10ffff}",
        "é\u{301}",
        "\u{200f}\u{202e}=1",
    ];
    for a in nasty {
        for b in nasty {
            let cell = format!("{a}{b}");
            let line = csv::record(&[cell.as_str(), "x"]);
            assert_eq!(
                parse(&line),
                vec![vec![neutralise(&cell).into_owned(), "x".to_string()]],
                "{cell:?}"
            );
        }
    }
}
