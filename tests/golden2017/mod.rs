//! The 2,000 generated `nhse-2017` screenings of `tests/rules_2017_golden.rs`
//! (a deterministic generator, so the cases never change), shared with the
//! format's release tests (`tests/format_releases.rs`) and the release
//! writer (`tests/golden/releases/write_release.rs`), and the two ways
//! their records are taken: a SHA-256 in hex and the bytes of a document's
//! `answers` section.
#![allow(dead_code)]

use involve::model::{
    Activity, Body, FunctionHolder, JointModel, PatientMatter, PreviousReview, PublicInterest,
    Screening, UrgencyGround, YesNo,
};

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bytes of a document's `answers` section, exactly as written.
pub fn answers_section(doc: &str) -> &str {
    let start = doc.find("\n  \"answers\": ").expect("answers") + 1;
    let end = doc.find("\n  \"verdict\": ").expect("verdict");
    &doc[start..end]
}

/// How many cases.
pub const CASES: usize = 2000;

/// The cases in order, from the generator's fixed seed.
pub fn screenings() -> impl Iterator<Item = Screening> {
    let mut g = Gen(2017);
    (0..CASES).map(move |_| screening(&mut g))
}

/// A small deterministic generator (64-bit LCG), so the cases never change.
pub struct Gen(pub u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn opt<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        if self.next().is_multiple_of(4) {
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
        self.pick(&[
            "",
            "  ",
            "Anytown ICB and NHS England",
            "a described impact",
        ])
        .to_string()
    }
    fn flag(&mut self) -> bool {
        self.next().is_multiple_of(2)
    }
}

// The draws happen in statement order, which defines the golden corpus: keep
// them as assignments, one per line, so reordering is visible in review.
#[allow(clippy::field_reassign_with_default)]
pub fn screening(g: &mut Gen) -> Screening {
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
    s.activities = g.many(&[
        Activity::Planning,
        Activity::Proposals,
        Activity::Operational,
    ]);
    s.no_activity_type = g.flag();
    s.impact_delivery = g.yn();
    s.impact_range = g.yn();
    s.impact_other = g.text();
    s.patient_matters = g.many(&[
        PatientMatter::Accessibility,
        PatientMatter::Transport,
        PatientMatter::Ambulance,
    ]);
    s.trust_special_administrator = g.yn();
    s.urgent = g.yn();
    s.urgency_ground = g.opt(&[
        UrgencyGround::UrgentDevelopment,
        UrgencyGround::RiskToSafety,
    ]);
    s.urgency_justification = g.text();
    s.public_interest = g.many(&[
        PublicInterest::SignificantInterest,
        PublicInterest::PromiseToConsult,
        PublicInterest::Precedent,
    ]);
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
