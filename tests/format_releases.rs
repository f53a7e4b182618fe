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
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-manifest.json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

fn ymd(s: &str) -> Ymd {
    let n: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
    Ymd {
        year: n[0] as i32,
        month: n[1] as u32,
        day: n[2] as u32,
    }
}

#[test]
fn the_releases_are_there() {
    let releases: Vec<String> = manifests()
        .iter()
        .map(|m| m["release"].as_str().unwrap().to_string())
        .collect();
    for r in ["359ef7b", "7c53e3e", "477a7f0", "9bf135e", "3e8fe29"] {
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
            let mut found = Vec::new();
            check(
                &mut found,
                &what,
                "digest verified",
                json!(got.digest_verified),
                &json!(true),
            );
            check(&mut found, &what, "version", json!(got.version), &json!(2));
            check(
                &mut found,
                &what,
                "notes",
                json!(got.notes.iter().map(|n| n.to_string()).collect::<Vec<_>>()),
                &json!([]),
            );
            check(
                &mut found,
                &what,
                "ruleset",
                json!(got.ruleset),
                &f["ruleset"],
            );
            check(
                &mut found,
                &what,
                "digest",
                json!(format::digest(got.ruleset, &got.answers)),
                &f["digest"],
            );

            let a = got.rules().assess(&got.answers.screening);
            let summary = format::VerdictSummary::from(&a);
            check(
                &mut found,
                &what,
                "verdict",
                json!(summary.code),
                &f["verdict"],
            );
            check(
                &mut found,
                &what,
                "duties",
                serde_json::to_value(&summary.duties).unwrap(),
                &f["duties"],
            );

            let today = ymd(f["today"].as_str().unwrap());
            let report =
                format::ValidationSummary::from(&forms::Derived::new(&got.answers, today).report);
            let issues: Vec<Value> = report
                .issues
                .iter()
                .map(|i| json!([i.path, i.code, i.severity]))
                .collect();
            if got.ruleset == "nhse-2017" {
                // The 2017 rules and form are frozen: validated exactly as then.
                check(
                    &mut found,
                    &what,
                    "complete",
                    json!(report.complete),
                    &f["complete"],
                );
                check(
                    &mut found,
                    &what,
                    "errors",
                    json!(report.errors),
                    &f["errors"],
                );
                check(
                    &mut found,
                    &what,
                    "warnings",
                    json!(report.warnings),
                    &f["warnings"],
                );
                check(&mut found, &what, "issues", json!(issues), &f["issues"]);
            } else {
                // The 2022 form asks for more as the law is applied more fully
                // (issue 17: the equality record, the scrutiny record, the
                // joint-working questions), so a 2022 file may now be
                // incomplete. Everything its release reported is still
                // reported, and anything new is about a question added since.
                let recorded = f["issues"].as_array().unwrap();
                for r in recorded.iter().filter(|r| !issues.contains(r)) {
                    found.push(format!("{what}: {r} is no longer reported"));
                }
                for i in issues.iter().filter(|i| !recorded.contains(i)) {
                    let path = i[0].as_str().unwrap_or("");
                    if format::json::V2_FIELDS.contains(&path) || path == "c" {
                        found.push(format!(
                            "{what}: {i} is new, on a question format 2 already had"
                        ));
                    }
                }
            }

            // Written again by this release: the same answers, byte for byte.
            let again = format::export_answers(&got.answers, &got.created, &got.updated, today);
            check(
                &mut found,
                &what,
                "digest written again",
                to_value(&again)["digest"].clone(),
                &f["digest"],
            );
            if answers_section(&again) != answers_section(&text) {
                found.push(format!("{what}: the answers are written differently"));
            }
            problems.extend(found);
            checked += 1;
        }
    }
    assert_eq!(checked, 25, "files checked");
    assert!(
        problems.is_empty(),
        "files of earlier releases read differently now:\n{}",
        problems.join("\n")
    );
}

fn check(found: &mut Vec<String>, what: &str, field: &str, now: Value, recorded: &Value) {
    if now != *recorded {
        found.push(format!(
            "{what}: {field} is now {now}, the release recorded {recorded}"
        ));
    }
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
        let (created, updated) = (
            m["created"].as_str().unwrap(),
            m["updated"].as_str().unwrap(),
        );
        let today = ymd(m["files"][0]["today"].as_str().unwrap());
        let recorded =
            std::fs::read_to_string(dir().join(m["golden_2017"].as_str().unwrap())).unwrap();
        let lines: Vec<&str> = recorded.lines().collect();
        assert_eq!(lines.len(), golden2017::CASES, "{release}");
        for (i, s) in golden2017::screenings().enumerate() {
            let a = Answers {
                screening: s,
                ..Answers::default()
            };
            let doc = format::export(
                &a,
                rules::by_id("nhse-2017").unwrap(),
                created,
                updated,
                today,
            );
            let line = format!(
                "{i} {} {}",
                to_value(&doc)["digest"].as_str().unwrap(),
                sha256_hex(answers_section(&doc).as_bytes())
            );
            assert_eq!(line, lines[i], "{release}: case {i}");
            if i % 100 == 0 {
                assert!(import(&doc).unwrap().digest_verified, "{release}: case {i}");
            }
        }
    }
}
