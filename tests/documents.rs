//! Documents (`format::document`): what an assessment's document holds, the
//! two packages' rules, and bad input. LibreOffice's reading of the same
//! documents is `tests/documents_office.rs`.

use involve::format::document::{self, assessment, zip, Block, Doc, Format};
use involve::format::import;
use involve::forms::{access, wording, Section};
use involve::model::{Answers, Ymd};
use involve::rules::{self, Ruleset};

mod documents_support;
use documents_support::hostile_answers;

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 12,
    day: 4,
};
const FIXTURES: [&str; 3] = [
    "tests/fixtures/complete.json",
    "tests/fixtures/icb-2022.json",
    "tests/fixtures/trust-2022.json",
];

fn load(path: &str) -> involve::format::Imported {
    import(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn doc_of(a: &Answers) -> Doc {
    assessment::document(&assessment::Source {
        answers: a,
        created: Some("2026-11-21T09:30:00Z"),
        updated: Some("2026-11-21T10:05:00Z"),
        today: TODAY,
        organisation_name: None,
    })
}

/// The entries of a stored zip, in order: (name, method, bytes).
pub fn unzip(bytes: &[u8]) -> Vec<(String, u16, Vec<u8>)> {
    let u16at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    let u32at = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let mut out = Vec::new();
    let mut i = 0;
    while u32at(i) == 0x0403_4b50 {
        let method = u16at(i + 8);
        let crc = u32at(i + 14);
        let size = u32at(i + 18) as usize;
        let name_len = u16at(i + 26) as usize;
        let extra = u16at(i + 28) as usize;
        let name = String::from_utf8(bytes[i + 30..i + 30 + name_len].to_vec()).unwrap();
        let start = i + 30 + name_len + extra;
        let data = bytes[start..start + size].to_vec();
        assert_eq!(zip::crc32(&data), crc, "CRC of {name}");
        out.push((name, method, data));
        i = start + size;
    }
    assert_eq!(
        u32at(i),
        0x0201_4b50,
        "the central directory follows the entries"
    );
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    let entries = unzip(bytes);
    let (_, _, data) = entries
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(data.clone()).unwrap()
}

fn well_formed(bytes: &[u8]) {
    for (name, _, data) in unzip(bytes) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = String::from_utf8(data).unwrap();
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{name} is not well-formed XML: {e}");
            }
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn crc32_is_the_zip_checksum() {
    assert_eq!(zip::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(zip::crc32(b""), 0);
}

#[test]
fn assessment_document_holds_the_verdict_duties_reasons_actions_and_citations() {
    for path in FIXTURES {
        let doc = load(path);
        let d = doc_of(&doc.answers);
        let text = d.texts().join("\n");
        let law = rules::law(doc.answers.screening.ruleset);
        let a = law.assess(&doc.answers.screening);
        assert!(text.contains(a.verdict.headline()), "{path}: verdict");
        assert!(
            text.contains(law.title) && text.contains(law.id.id()),
            "{path}: ruleset in words and by id"
        );
        for duty in &a.duties {
            assert!(
                text.contains(&format!(
                    "{}{}",
                    duty.holder.section(),
                    duty.holder.limb_label(duty.limb)
                )),
                "{path}: duty"
            );
        }
        for r in &a.reasons {
            assert!(
                text.contains(&r.question) && text.contains(r.citation),
                "{path}: reason {}",
                r.question
            );
        }
        for x in &a.actions {
            let mark = if x.obligation { "must" } else { "should" };
            assert!(
                text.contains(&format!("{} ({mark}: {})", x.text, x.citation)),
                "{path}: action {}",
                x.code
            );
        }
        assert!(
            text.contains(&involve::format::digest(law.id.id(), &doc.answers)),
            "{path}: digest"
        );
        assert!(text.contains("2026-11-21T10:05:00Z"), "{path}: dates");
    }
}

/// The end note's dates read as a board paper writes them, with the file's
/// own timestamp beside them so a copy can be traced to the file.
#[test]
fn end_note_dates_are_written_out_in_words_beside_the_files_timestamps() {
    let text = squash(
        &doc_of(&load("tests/fixtures/complete.json").answers)
            .texts()
            .join("\n"),
    );
    for want in [
        "Made by Involve on 4 December 2026",
        "File created: 21 November 2026 at 09:30 UTC (2026-11-21T09:30:00Z)",
        "File last updated: 21 November 2026 at 10:05 UTC (2026-11-21T10:05:00Z)",
    ] {
        assert!(text.contains(want), "{want}");
    }
}

#[test]
fn timestamps_in_words_keep_their_offset_and_refuse_what_is_not_one() {
    use involve::forms::dates::format_timestamp;
    for (given, want) in [
        ("2026-10-01T09:30:00Z", Some("1 October 2026 at 09:30 UTC")),
        (
            "2026-11-20T16:45:12.250+00:00",
            Some("20 November 2026 at 16:45 UTC"),
        ),
        (
            "2026-07-01T08:05:00+01:00",
            Some("1 July 2026 at 08:05 (UTC+01:00)"),
        ),
        (
            "2026-07-01T08:05:00-04:00",
            Some("1 July 2026 at 08:05 (UTC-04:00)"),
        ),
        ("2026-02-30T08:05:00Z", None),
        ("2026-07-01", None),
        ("yesterday", None),
        ("2026-07-01T25:00:00Z", None),
        ("", None),
    ] {
        assert_eq!(format_timestamp(given).as_deref(), want, "{given}");
    }
}

#[test]
fn assessment_document_has_every_section_and_every_shown_answer_in_check_answers_order() {
    for path in FIXTURES {
        let doc = load(path);
        let a = &doc.answers;
        let d = doc_of(a);
        let headings: Vec<&str> = d
            .blocks
            .iter()
            .filter_map(|b| {
                if let Block::Heading(2, t) = b {
                    Some(t.as_str())
                } else {
                    None
                }
            })
            .collect();
        let titles: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
        let found: Vec<&str> = headings
            .iter()
            .copied()
            .filter(|h| titles.contains(h))
            .collect();
        assert_eq!(found, titles, "{path}: every section, in order");
        let text = squash(&d.texts().join("\n"));
        for s in Section::ALL {
            for f in wording::section_fields(&a.screening, s).filter(|f| access::is_shown(f, a)) {
                assert!(text.contains(&squash(f.label)), "{path}: label {}", f.id);
                if let Some(lines) = access::display_lines(a, f.id) {
                    for line in lines {
                        // Tables hold milestones and risks cell by cell.
                        for piece in line.split(": ").flat_map(|p| p.split(". ")) {
                            let piece = squash(piece.trim_end_matches('.'));
                            let piece = piece.strip_prefix("Risk").unwrap_or(&piece).trim();
                            assert!(text.contains(piece), "{path}: answer to {} ({piece})", f.id);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn unanswered_questions_say_not_provided() {
    let d = doc_of(&Answers::default());
    let count = d
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Para(t) if t == assessment::NOT_PROVIDED))
        .count();
    assert!(count > 10, "{count}");
    assert_eq!(d.title, "Untitled assessment");
}

#[test]
fn milestones_and_risks_are_tables_with_header_rows() {
    let doc = load("tests/fixtures/complete.json");
    let d = doc_of(&doc.answers);
    let headers: Vec<&Vec<String>> = d
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Table { header, .. } = b {
                Some(header)
            } else {
                None
            }
        })
        .collect();
    assert!(
        headers.contains(&&vec![
            "Milestone or deadline".to_string(),
            "Date".to_string()
        ]),
        "{headers:?}"
    );
    assert!(
        headers.contains(&&vec!["Risk".to_string(), "Mitigating action".to_string()]),
        "{headers:?}"
    );
}

#[test]
fn odt_package_has_mimetype_first_and_stored_and_a_manifest() {
    let doc = load("tests/fixtures/complete.json");
    let bytes = Format::Odt.write(&doc_of(&doc.answers));
    assert_eq!(&bytes[30..38], b"mimetype", "the first entry's name");
    assert_eq!(
        &bytes[38..38 + document::odt::MIME.len()],
        document::odt::MIME.as_bytes(),
        "its content, straight after (no extra field)"
    );
    let entries = unzip(&bytes);
    assert_eq!(entries[0].0, "mimetype");
    assert!(entries.iter().all(|(_, m, _)| *m == 0), "stored");
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    for n in [
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    for n in ["content.xml", "styles.xml", "meta.xml"] {
        assert!(
            part(&bytes, "META-INF/manifest.xml").contains(&format!("manifest:full-path=\"{n}\"")),
            "manifest lists {n}"
        );
    }
    well_formed(&bytes);
    let meta = part(&bytes, "meta.xml");
    assert!(
        meta.contains("<dc:language>en-GB</dc:language>")
            && meta.contains("<dc:title>")
            && meta.contains("<dc:subject>")
    );
    let content = part(&bytes, "content.xml");
    assert!(
        content.contains(r#"text:outline-level="1""#)
            && content.contains("<table:table-header-rows>")
    );
}

#[test]
fn docx_package_has_content_types_rels_styles_and_core_properties() {
    let doc = load("tests/fixtures/icb-2022.json");
    let bytes = Format::Docx.write(&doc_of(&doc.answers));
    let entries = unzip(&bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for n in [
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    let types = part(&bytes, "[Content_Types].xml");
    for n in [
        "/word/document.xml",
        "/word/styles.xml",
        "/word/numbering.xml",
        "/docProps/core.xml",
    ] {
        assert!(
            types.contains(&format!("PartName=\"{n}\"")),
            "content type for {n}"
        );
    }
    assert!(part(&bytes, "_rels/.rels").contains(r#"Target="word/document.xml""#));
    well_formed(&bytes);
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:name w:val="heading 1"/>"#)
            && styles.contains(r#"<w:lang w:val="en-GB""#)
    );
    let body = part(&bytes, "word/document.xml");
    assert!(
        body.contains("<w:tblHeader/>")
            && body.contains(r#"<w:pStyle w:val="Heading1"/>"#)
            && body.contains("<w:numPr>")
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:language>en-GB</dc:language>") && core.contains("<dc:subject>"));
}

#[test]
fn bad_input_gives_well_formed_documents_and_says_what_was_dropped() {
    let a = hostile_answers();
    let d = doc_of(&a);
    let text = d.texts().join("\n");
    assert!(
        text.contains("characters in the answers could not be written"),
        "the document says so"
    );
    assert!(
        text.contains("=SUM(A1) <b>&amp; ]]>"),
        "formula and markup kept as text"
    );
    assert!(text.contains("🏥👩‍⚕️ e\u{301}\u{302}") && text.contains("שלום"));
    assert!(!text.contains('\u{0}') && !text.contains('\u{FFFE}') && !text.contains('\u{85}'));
    for f in [Format::Odt, Format::Docx] {
        let bytes = f.write(&d);
        well_formed(&bytes);
    }
    // An unsanitised document is still well-formed: the serialisers guard too.
    let mut raw = Doc::new("t\u{0}", "s\u{FFFF}");
    raw.para("a\u{1}b ]]> <");
    raw.table(&["\u{8}"], vec![vec![], vec!["1".into(), "2".into()]]);
    raw.blocks.push(Block::List {
        ordered: true,
        items: vec![vec![]],
    });
    raw.heading(9, "deep\nheading");
    for f in [Format::Odt, Format::Docx] {
        well_formed(&f.write(&raw));
    }
}

#[test]
fn document_file_names_are_safe_everywhere() {
    assert_eq!(
        document::safe_file_name("involve-gp-closure-2026-12-04.json", "odt"),
        "involve-gp-closure-2026-12-04.odt"
    );
    assert_eq!(
        document::safe_file_name("a/b\\c:d*e?f\"g<h>i|j", "docx"),
        "a-b-c-d-e-f-g-h-i-j.docx"
    );
    assert_eq!(document::safe_file_name("..", "odt"), "involve.odt");
    assert_eq!(document::safe_file_name("שלום", "odt"), "involve.odt");
    assert_eq!(document::safe_file_name("report.", "odt"), "report.odt");
    assert!(document::safe_file_name(&"x".repeat(500), "odt").len() <= 104);
}

#[test]
fn the_same_answers_give_the_same_bytes() {
    let a = load("tests/fixtures/trust-2022.json").answers;
    for f in [Format::Odt, Format::Docx] {
        assert_eq!(f.write(&doc_of(&a)), f.write(&doc_of(&a)));
    }
}

/// Budget: a document for a complete fixture in at most 100 ms (reported, not asserted).
#[test]
fn documents_are_made_quickly() {
    let a = load("tests/fixtures/complete.json").answers;
    for f in [Format::Odt, Format::Docx] {
        let start = std::time::Instant::now();
        let n = 20;
        for _ in 0..n {
            std::hint::black_box(f.write(&doc_of(&a)));
        }
        eprintln!(
            "{:?}: {:.2} ms per document (complete.json, this build's profile)",
            f,
            start.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    }
}
