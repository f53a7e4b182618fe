//! The documents as a real office suite reads them: LibreOffice (headless)
//! converts each generated `.odt` and `.docx` to text, HTML and PDF, and
//! `unzip -t` tests each package.
//!
//! Checks, for a complete 2017 fixture and two 2022 ones (ICB and trust),
//! and for answers full of bad input: the text holds the verdict, every
//! citation and every answer; headings come out as h1 to h3; tables have
//! header cells; the language is en-GB and the title is set.
//!
//! Needs `soffice` (Debian `libreoffice-writer-nogui`, installed by
//! scripts/setup.sh) and `unzip`. Without them the test fails when `CI` is
//! set and otherwise skips with a loud message.

use involve::format::document::{assessment, Format};
use involve::format::import;
use involve::forms::{access, wording, Section};
use involve::model::{Answers, Ymd};
use involve::rules::{self, Ruleset};
use std::path::{Path, PathBuf};
use std::process::Command;

mod documents_support;

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 12,
    day: 4,
};

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tools are here; without them, fail under CI, else skip loudly.
fn tools_or_skip() -> bool {
    let missing: Vec<&str> = ["soffice", "unzip"]
        .into_iter()
        .filter(|t| !have(t))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let message = format!("documents_office: {} not found: run scripts/setup.sh (Debian libreoffice-writer-nogui, unzip)", missing.join(" and "));
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("\n*** SKIPPED: {message} ***\n");
    false
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("involve-office-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Convert every file to `to` (e.g. `txt:Text (encoded):UTF8`, `html`,
/// `pdf`) into `out`, with a private LibreOffice profile.
fn convert(files: &[PathBuf], to: &str, out: &Path, profile: &Path) {
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the text of an assessment's document must hold.
fn expected(a: &Answers) -> Vec<String> {
    let law = rules::law(a.screening.ruleset);
    let x = law.assess(&a.screening);
    let mut want = vec![
        x.verdict.headline().to_string(),
        law.title.to_string(),
        law.id.id().to_string(),
        involve::format::digest(law.id.id(), a),
    ];
    want.extend(
        x.reasons
            .iter()
            .flat_map(|r| [r.question.clone(), r.citation.to_string()]),
    );
    want.extend(
        x.actions
            .iter()
            .flat_map(|r| [r.text.clone(), r.citation.to_string()]),
    );
    for s in Section::ALL {
        want.push(s.title().to_string());
        for f in wording::section_fields(&a.screening, s).filter(|f| access::is_shown(f, a)) {
            want.push(f.label.to_string());
            for line in access::display_lines(a, f.id)
                .unwrap_or_else(|| vec![assessment::NOT_PROVIDED.to_string()])
            {
                // Milestones and risks are table cells.
                for piece in line.split(": ").flat_map(|p| p.split(". ")) {
                    let piece = piece.trim_end_matches('.');
                    let piece = piece.strip_prefix("Risk").unwrap_or(piece).trim();
                    if !piece.is_empty() && piece != "Mitigating action" {
                        want.push(piece.to_string());
                    }
                }
            }
        }
    }
    want.into_iter()
        .map(|w| squash(&w))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn libreoffice_reads_every_document_with_its_text_headings_tables_language_and_title() {
    if !tools_or_skip() {
        return;
    }
    let dir = temp("docs");
    let profile = dir.join("profile");
    let mut files = Vec::new();
    let mut cases: Vec<(String, Answers)> = ["complete", "icb-2022", "trust-2022"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                import(&std::fs::read_to_string(format!("tests/fixtures/{n}.json")).unwrap())
                    .unwrap()
                    .answers,
            )
        })
        .collect();
    cases.push(("hostile".into(), documents_support::hostile_answers()));
    for (name, a) in &cases {
        let doc = assessment::document(&assessment::Source {
            answers: a,
            created: Some("2026-11-21T09:30:00Z"),
            updated: Some("2026-11-21T10:05:00Z"),
            today: TODAY,
            organisation_name: None,
        });
        for f in [Format::Odt, Format::Docx] {
            let path = dir.join(format!("{name}-{}.{}", f.extension(), f.extension()));
            std::fs::write(&path, f.write(&doc)).unwrap();
            let t = Command::new("unzip")
                .arg("-tq")
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                t.status.success(),
                "unzip -t {}: {}",
                path.display(),
                String::from_utf8_lossy(&t.stdout)
            );
            files.push(path);
        }
    }
    let (txt, html, pdf) = (dir.join("txt"), dir.join("html"), dir.join("pdf"));
    convert(&files, "txt:Text (encoded):UTF8", &txt, &profile);
    convert(&files, "html", &html, &profile);
    convert(&files, "pdf", &pdf, &profile);
    for (name, a) in &cases {
        for ext in ["odt", "docx"] {
            let stem = format!("{name}-{ext}");
            let text = squash(
                &std::fs::read_to_string(txt.join(format!("{stem}.txt")))
                    .unwrap_or_else(|e| panic!("{stem}.txt: {e}")),
            );
            if name != "hostile" {
                let want = expected(a);
                assert!(want.len() > 60, "{stem}: {} strings to find", want.len());
                for w in want {
                    assert!(text.contains(&w), "{stem}: the text lacks {w:?}");
                }
            } else {
                assert!(
                    text.contains("=SUM(A1) <b>&amp; ]]>")
                        && text.contains("שלום עולם 🏥")
                        && text.contains("could not be written to this document"),
                    "{stem}"
                );
                assert!(
                    text.contains(&"x".repeat(100_000)),
                    "{stem}: the 100,000-character answer"
                );
            }
            let page = std::fs::read_to_string(html.join(format!("{stem}.html"))).unwrap();
            for h in ["<h1", "<h2", "<h3"] {
                assert!(page.contains(h), "{stem}: no {h}");
            }
            assert!(
                !page.contains("<h4"),
                "{stem}: headings go no deeper than 3"
            );
            assert!(page.contains("<th"), "{stem}: tables have header cells");
            assert!(page.contains(r#"lang="en-GB""#), "{stem}: language");
            let title = involve::format::document::assessment::title(a)
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(
                page.contains(&format!("<title>{}", squash(&title))) || name == "hostile",
                "{stem}: title"
            );
            let info = Command::new("pdfinfo")
                .arg(pdf.join(format!("{stem}.pdf")))
                .output();
            if let Ok(info) = info {
                let info = String::from_utf8_lossy(&info.stdout);
                assert!(
                    info.contains("Title:")
                        && info.contains("Subject:")
                        && info.contains("Duty to involve the public"),
                    "{stem}: {info}"
                );
            }
        }
    }
    // INVOLVE_KEEP_DOCUMENTS=1 keeps the documents and conversions to look at.
    if std::env::var_os("INVOLVE_KEEP_DOCUMENTS").is_some() {
        eprintln!("documents_office: kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(dir);
    }
}
