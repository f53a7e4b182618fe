//! Files written by each release of Involve (`tests/golden/releases/`, see
//! its README.md), which every later release must load unchanged: the same
//! digest verified, the same verdict and duties, the same validation, and
//! written again, the same answers byte for byte.
//!
//! What each file must give is the release's own record, its
//! `<commit>-manifest.json`, written by that release when it wrote the files;
//! nothing here is recomputed by the code under test and then compared with
//! itself.

#[path = "golden2017/mod.rs"]
mod golden2017;

use golden2017::{answers_section, sha256_hex};
use involve::format::{self, import};
use involve::forms;
use involve::model::{Answers, Ymd};
use involve::rules;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/releases")
}

/// Every release's manifest, oldest commit first as the README lists them.
fn manifests() -> Vec<Value> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().ends_with("-manifest.json")).collect();
    paths.sort();
    paths.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
}

fn ymd(s: &str) -> Ymd {
    let n: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
    Ymd { year: n[0] as i32, month: n[1] as u32, day: n[2] as u32 }
}

#[test]
fn the_releases_are_there() {
    let releases: Vec<String> = manifests().iter().map(|m| m["release"].as_str().unwrap().to_string()).collect();
    for r in ["359ef7b", "7c53e3e", "477a7f0", "9bf135e"] {
        assert!(releases.iter().any(|x| x == r), "no files from release {r}");
    }
}

#[test]
fn every_release_file_loads_verifies_and_assesses_as_its_release_recorded() {
    let (mut checked, mut problems) = (0, Vec::new());
    for m in manifests() {
        let release = m["release"].as_str().unwrap();
        for f in m["files"].as_array().unwrap() {
            let name = f["file"].as_str().unwrap();
            let what = format!("{release}: {name}");
            let text = std::fs::read_to_string(dir().join(name)).unwrap();
            let got = match import(&text) {
                Ok(got) => got,
                Err(e) => {
                    problems.push(format!("{what}: does not load: {e}"));
                    continue;
                }
            };
            let mut check = |field: &str, now: Value, recorded: &Value| {
                if now != *recorded {
                    problems.push(format!("{what}: {field} is now {now}, the release recorded {recorded}"));
                }
            };
            check("digest verified", json!(got.digest_verified), &json!(true));
            check("version", json!(got.version), &json!(2));
            check("notes", json!(got.notes.iter().map(|n| n.to_string()).collect::<Vec<_>>()), &json!([]));
            check("ruleset", json!(got.ruleset), &f["ruleset"]);
            check("digest", json!(format::digest(got.ruleset, &got.answers)), &f["digest"]);

            let a = got.rules().assess(&got.answers.screening);
            let summary = format::VerdictSummary::from(&a);
            check("verdict", json!(summary.code), &f["verdict"]);
            check("duties", serde_json::to_value(&summary.duties).unwrap(), &f["duties"]);

            let today = ymd(f["today"].as_str().unwrap());
            let report = format::ValidationSummary::from(&forms::validate(&got.answers, today));
            check("complete", json!(report.complete), &f["complete"]);
            check("errors", json!(report.errors), &f["errors"]);
            check("warnings", json!(report.warnings), &f["warnings"]);
            let issues: Vec<Value> = report.issues.iter().map(|i| json!([i.path, i.code, i.severity])).collect();
            check("issues", json!(issues), &f["issues"]);

            // Written again by this release: the same answers, byte for byte.
            let again = format::export_answers(&got.answers, &got.created, &got.updated, today);
            check("digest written again", to_value(&again)["digest"].clone(), &f["digest"]);
            if answers_section(&again) != answers_section(&text) {
                problems.push(format!("{what}: the answers are written differently"));
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 16, "files checked");
    assert!(problems.is_empty(), "files of earlier releases read differently now:\n{}", problems.join("\n"));
}

fn to_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The documents of the 2,000 golden `nhse-2017` screenings, written by this
/// release, have the digest and the answers bytes each release recorded.
#[test]
fn the_2000_golden_screenings_are_written_byte_for_byte_as_every_release_wrote_them() {
    for m in manifests() {
        let release = m["release"].as_str().unwrap();
        let (created, updated) = (m["created"].as_str().unwrap(), m["updated"].as_str().unwrap());
        let today = ymd(m["files"][0]["today"].as_str().unwrap());
        let recorded = std::fs::read_to_string(dir().join(m["golden_2017"].as_str().unwrap())).unwrap();
        let lines: Vec<&str> = recorded.lines().collect();
        assert_eq!(lines.len(), golden2017::CASES, "{release}");
        for (i, s) in golden2017::screenings().enumerate() {
            let a = Answers { screening: s, ..Answers::default() };
            let doc = format::export(&a, rules::by_id("nhse-2017").unwrap(), created, updated, today);
            let line = format!("{i} {} {}", to_value(&doc)["digest"].as_str().unwrap(), sha256_hex(answers_section(&doc).as_bytes()));
            assert_eq!(line, lines[i], "{release}: case {i}");
            if i % 100 == 0 {
                assert!(import(&doc).unwrap().digest_verified, "{release}: case {i}");
            }
        }
    }
}
