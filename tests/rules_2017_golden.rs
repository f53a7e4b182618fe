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

use involve::model::{
    Activity, Body, FunctionHolder, JointModel, PatientMatter, PreviousReview, PublicInterest, Screening,
    UrgencyGround, YesNo,
};
use involve::rules::{self, Assessment};
use sha2::{Digest, Sha256};

const CASES: usize = 2000;
const GOLDEN: &str = "tests/golden/nhse2017-assessments.txt";

/// A small deterministic generator (64-bit LCG), so the cases never change.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn opt<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        if self.next() % 4 == 0 {
            None
        } else {
            Some(self.pick(items))
        }
    }
    fn yn(&mut self) -> Option<YesNo> {
        self.opt(&[YesNo::Yes, YesNo::No])
    }
    fn many<T: Copy>(&mut self, items: &[T]) -> Vec<T> {
        let n = self.next() % 4;
        (0..n).map(|_| self.pick(items)).collect()
    }
    fn text(&mut self) -> String {
        self.pick(&["", "  ", "Anytown ICB and NHS England", "a described impact"]).to_string()
    }
    fn flag(&mut self) -> bool {
        self.next() % 2 == 0
    }
}

fn screening(g: &mut Gen) -> Screening {
    let mut s = Screening::default();
    s.body = g.opt(&[Body::Ccg, Body::NhsEngland, Body::Joint]);
    s.joint_model = g.opt(&[
        JointModel::SeatAtTheTable,
        JointModel::JointDecisionMaking,
        JointModel::Delegated,
        JointModel::FullyDevolved,
    ]);
    s.function_holder = g.opt(&[FunctionHolder::Ccg, FunctionHolder::NhsEngland]);
    s.partner_bodies = g.text();
    s.relates_to_commissioning = g.yn();
    s.activities = g.many(&[Activity::Planning, Activity::Proposals, Activity::Operational]);
    s.no_activity_type = g.flag();
    s.impact_delivery = g.yn();
    s.impact_range = g.yn();
    s.impact_other = g.text();
    s.patient_matters = g.many(&[PatientMatter::Accessibility, PatientMatter::Transport, PatientMatter::Ambulance]);
    s.trust_special_administrator = g.yn();
    s.urgent = g.yn();
    s.urgency_ground = g.opt(&[UrgencyGround::UrgentDevelopment, UrgencyGround::RiskToSafety]);
    s.urgency_justification = g.text();
    s.public_interest =
        g.many(&[PublicInterest::SignificantInterest, PublicInterest::PromiseToConsult, PublicInterest::Precedent]);
    s.substantial_variation = g.yn();
    s.previous_involvement = g.yn();
    s.previous = PreviousReview {
        summary: g.text(),
        same_proposal: g.yn(),
        significant_changes: g.yn(),
        still_relevant: g.yn(),
        people_changed: g.yn(),
        diversity_addressed: g.yn(),
        new_information: g.yn(),
        population_change: g.yn(),
    };
    s.equality_need = g.yn();
    s
}

/// Everything the user sees or a file stores of an assessment, as text.
fn render(a: &Assessment) -> String {
    let mut out = format!("ruleset {}\nverdict {}\n", a.ruleset, a.verdict.code());
    for d in &a.duties {
        out.push_str(&format!("duty {:?} {:?} form={}\n", d.holder, d.limb, d.form_required));
    }
    for r in &a.reasons {
        out.push_str(&format!("reason {:?}\n  q {}\n  a {}\n  c {}\n  cite {}\n", r.node, r.question, r.answer, r.consequence, r.citation));
    }
    for x in &a.actions {
        out.push_str(&format!("action {} must={}\n  {}\n  cite {}\n", x.code, x.obligation, x.text, x.citation));
    }
    for m in &a.missing {
        out.push_str(&format!("missing {m}\n"));
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn nhse_2017_assessments_are_unchanged_word_for_word() {
    let mut g = Gen(2017);
    let lines: Vec<String> = (0..CASES)
        .map(|i| {
            let s = screening(&mut g);
            let a = rules::by_id("nhse-2017").expect("nhse-2017 is built in").assess(&s);
            format!("{i} {}", hex(&Sha256::digest(render(&a).as_bytes())))
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
    let mut g = Gen(2017);
    for (i, line) in lines.iter().enumerate() {
        let s = screening(&mut g);
        if line != want[i] {
            let a = rules::by_id("nhse-2017").expect("nhse-2017").assess(&s);
            panic!("case {i} changed\nscreening: {s:#?}\nassessment now:\n{}", render(&a));
        }
    }
}
