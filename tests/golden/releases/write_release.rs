//! The release writer: run inside a worktree of a release commit, it writes
//! that release's files for tests/golden/releases with the release's own
//! library (`format::export`), and its manifest from the documents it wrote.
//! Not built here (cargo builds only `tests/*.rs`): see README.md beside it.
//!
//! ```sh
//! git worktree add /tmp/rel-<commit> <commit>
//! cp tests/golden/releases/write_release.rs /tmp/rel-<commit>/tests/
//! mkdir -p /tmp/rel-<commit>/tests/golden2017 && cp tests/golden2017/mod.rs /tmp/rel-<commit>/tests/golden2017/
//! # a release with nhse-2022: uncomment the 2022 cases (the `/*2022` marks);
//! # from issue 17 on (the joint-working, urgency and record questions), the `/*issue17` cases too
//! cd /tmp/rel-<commit> && RELEASE=<commit> OUT=<this folder> cargo test --test write_release
//! ```

mod format_support;
#[path = "golden2017/mod.rs"]
mod golden2017;

use format_support::*;
use golden2017::{answers_section, sha256_hex};
use involve::format;
use involve::model::Answers;
use involve::rules;
use serde_json::{json, Value};

#[test]
fn write_release() {
    let release = std::env::var("RELEASE").expect("RELEASE=<commit>");
    let out = std::path::PathBuf::from(std::env::var("OUT").expect("OUT=<folder>"));
    #[allow(unused_mut)]
    let mut cases: Vec<(&str, Answers, &str)> = vec![
        ("nhse-2017-complete", complete(), "nhse-2017"),
        ("nhse-2017-everything", everything(), "nhse-2017"),
        ("nhse-2017-incomplete", incomplete(), "nhse-2017"),
    ];
    /*2022
    cases.push(("nhse-2022-icb", icb_2022(), "nhse-2022"));
    cases.push(("nhse-2022-trust", trust_2022(), "nhse-2022"));
    2022*/
    /*issue17
    cases.push(("nhse-2022-everything", everything(), "nhse-2022"));
    cases.push(("nhse-2022-delegated", delegated_2022(), "nhse-2022"));
    cases.push(("nhse-2022-urgent-trust", urgent_trust_2022(), "nhse-2022"));
    cases.push(("nhse-2022-joint-committee", joint_committee_2022(), "nhse-2022"));
    issue17*/
    let t = today();
    let mut files = Vec::new();
    for (name, a, ruleset) in cases {
        let doc = format::export(&a, rules::by_id(ruleset).expect("ruleset"), CREATED, UPDATED, t);
        let file = format!("{release}-{name}.json");
        std::fs::write(out.join(&file), &doc).unwrap();
        let v: Value = serde_json::from_str(&doc).unwrap();
        let issues: Vec<Value> = v["validation"]["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| json!([i["path"], i["code"], i["severity"]]))
            .collect();
        files.push(json!({
            "file": file,
            "ruleset": v["ruleset"],
            "digest": v["digest"],
            "today": format!("{:04}-{:02}-{:02}", t.year, t.month, t.day),
            "verdict": v["verdict"]["code"],
            "duties": v["verdict"]["duties"],
            "complete": v["validation"]["complete"],
            "errors": v["validation"]["errors"],
            "warnings": v["validation"]["warnings"],
            "issues": issues,
        }));
    }
    // The 2,000 golden nhse-2017 screenings, each as a whole document: its
    // digest and the SHA-256 of its `answers` section's bytes.
    let mut lines = String::new();
    for (i, s) in golden2017::screenings().enumerate() {
        let a = Answers { screening: s, ..Answers::default() };
        let doc = format::export(&a, rules::by_id("nhse-2017").unwrap(), CREATED, UPDATED, t);
        let v: Value = serde_json::from_str(&doc).unwrap();
        let section = sha256_hex(answers_section(&doc).as_bytes());
        lines.push_str(&format!("{i} {} {section}\n", v["digest"].as_str().unwrap()));
    }
    let golden = format!("{release}-nhse2017-2000.txt");
    std::fs::write(out.join(&golden), lines).unwrap();
    let manifest = json!({ "release": release, "created": CREATED, "updated": UPDATED, "files": files, "golden_2017": golden });
    std::fs::write(out.join(format!("{release}-manifest.json")), serde_json::to_string_pretty(&manifest).unwrap() + "\n").unwrap();
}
