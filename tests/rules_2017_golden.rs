//! `nhse-2017` stays exactly as it was: the assessments of 2,000 generated
//! screenings (every answer, including contradictory ones) must equal the
//! ones recorded before the 2022 ruleset was added, word for word.
//!
//! `tests/golden/nhse2017-assessments.txt` holds one SHA-256 per case of the
//! assessment's full text (verdict, duties, every reason and action with its
//! citation, missing fields). It was recorded from the ruleset as it stood at
//! commit 7c53e3e, before the rules walk was shared between rulesets. To
//! record it again (only for a deliberate change to the 2017 rules):
//! `INVOLVE_BLESS=1 cargo test --test rules_2017_golden`.

#[path = "golden2017/mod.rs"]
mod golden2017;

use golden2017::{screenings, sha256_hex, CASES};
use involve::rules::{self, Assessment};

const GOLDEN: &str = "tests/golden/nhse2017-assessments.txt";

/// Everything the user sees or a file stores of an assessment, as text.
fn render(a: &Assessment) -> String {
    let mut out = format!("ruleset {}\nverdict {}\n", a.ruleset, a.verdict.code());
    for d in &a.duties {
        out.push_str(&format!(
            "duty {:?} {:?} form={}\n",
            d.holder, d.limb, d.form_required
        ));
    }
    for r in &a.reasons {
        out.push_str(&format!(
            "reason {:?}\n  q {}\n  a {}\n  c {}\n  cite {}\n",
            r.node, r.question, r.answer, r.consequence, r.citation
        ));
    }
    for x in &a.actions {
        out.push_str(&format!(
            "action {} must={}\n  {}\n  cite {}\n",
            x.code, x.obligation, x.text, x.citation
        ));
    }
    for m in &a.missing {
        out.push_str(&format!("missing {m}\n"));
    }
    out
}

#[test]
fn nhse_2017_assessments_are_unchanged_word_for_word() {
    let lines: Vec<String> = screenings()
        .enumerate()
        .map(|(i, s)| {
            let a = rules::by_id("nhse-2017")
                .expect("nhse-2017 is built in")
                .assess(&s);
            format!("{i} {}", sha256_hex(render(&a).as_bytes()))
        })
        .collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    if std::env::var_os("INVOLVE_BLESS").is_some() {
        std::fs::write(&path, lines.join("\n") + "\n").expect("write golden file");
        return;
    }
    let golden = std::fs::read_to_string(&path).expect("golden file");
    let want: Vec<&str> = golden.lines().collect();
    assert_eq!(want.len(), CASES, "golden file has {} cases", want.len());
    for ((i, line), s) in lines.iter().enumerate().zip(screenings()) {
        if line != want[i] {
            let a = rules::by_id("nhse-2017").expect("nhse-2017").assess(&s);
            panic!(
                "case {i} changed\nscreening: {s:#?}\nassessment now:\n{}",
                render(&a)
            );
        }
    }
}
