//! Properties of the `nhse-2017` ruleset over arbitrary screening answers,
//! including contradictory ones: it never panics, and its output always
//! keeps the shape the app and the CLI rely on.

use involve::model::{
    Activity, Body, FunctionHolder, JointModel, PatientMatter, PreviousReview, PublicInterest,
    Screening, UrgencyGround, YesNo,
};
use involve::rules::nhse2017::{codes, fields};
use involve::rules::{self, Node, Verdict};
use proptest::prelude::*;

fn yn() -> impl Strategy<Value = Option<YesNo>> {
    prop_oneof![Just(None), Just(Some(YesNo::Yes)), Just(Some(YesNo::No))]
}

fn opt<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(items))
}

fn many<T: Clone + std::fmt::Debug + 'static>(items: Vec<T>) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(prop::sample::select(items), 0..4)
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), Just("  ".to_string()), "[a-z ]{1,12}"]
}

prop_compose! {
    fn review()(a in yn(), b in yn(), c in yn(), d in yn(), e in yn(), f in yn(), g in yn(), summary in text())
        -> PreviousReview {
        PreviousReview { summary, same_proposal: a, significant_changes: b, still_relevant: c, people_changed: d,
            diversity_addressed: e, new_information: f, population_change: g }
    }
}

prop_compose! {
    fn screening()(
        body in opt(vec![Body::Ccg, Body::NhsEngland, Body::Joint]),
        joint_model in opt(vec![JointModel::SeatAtTheTable, JointModel::JointDecisionMaking, JointModel::Delegated,
            JointModel::FullyDevolved]),
        function_holder in opt(vec![FunctionHolder::Ccg, FunctionHolder::NhsEngland]),
        partner_bodies in text(),
        relates in yn(),
        activities in many(vec![Activity::Planning, Activity::Proposals, Activity::Operational]),
        no_activity_type in any::<bool>(),
        (impact_delivery, impact_range, impact_other) in (yn(), yn(), text()),
        patient_matters in many(vec![PatientMatter::Accessibility, PatientMatter::Transport, PatientMatter::Ambulance]),
        tsa in yn(),
        (urgent, urgency_ground, urgency_justification) in (yn(), opt(vec![UrgencyGround::UrgentDevelopment,
            UrgencyGround::RiskToSafety]), text()),
        public_interest in many(vec![PublicInterest::SignificantInterest, PublicInterest::PromiseToConsult,
            PublicInterest::Precedent]),
        (substantial_variation, previous_involvement, equality_need) in (yn(), yn(), yn()),
        previous in review(),
    ) -> Screening {
        Screening {
            body, joint_model, function_holder, partner_bodies, relates_to_commissioning: relates, activities,
            no_activity_type, impact_delivery, impact_range, impact_other, patient_matters, trust_special_administrator: tsa,
            urgent, urgency_ground, urgency_justification, public_interest, substantial_variation, previous_involvement,
            previous, equality_need, ..Screening::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn every_assessment_keeps_its_invariants(s in screening()) {
        let a = rules::assess(&s);
        prop_assert_eq!(a.ruleset, "nhse-2017");
        prop_assert_eq!(a.verdict == Verdict::Applies, !a.duties.is_empty());
        prop_assert_eq!(a.verdict == Verdict::Undetermined, !a.missing.is_empty());
        let last = a.route().last().copied();
        let want = match a.verdict {
            Verdict::Applies => Node::OutcomeApplies,
            Verdict::DoesNotApply => Node::OutcomeDoesNotApply,
            Verdict::NotRequiredYet => Node::OutcomeNotYet,
            Verdict::Undetermined => Node::OutcomeUndetermined,
        };
        prop_assert_eq!(last, Some(want));
        prop_assert_eq!(a.route().first().copied(), Some(Node::Body));
        let idx: Vec<usize> = a.missing.iter()
            .map(|m| fields::FORM_ORDER.iter().position(|f| f == m).unwrap_or(usize::MAX)).collect();
        prop_assert!(idx.iter().all(|i| *i != usize::MAX), "unknown missing id {:?}", a.missing);
        prop_assert!(idx.windows(2).all(|w| w[0] < w[1]), "missing not in form order {:?}", a.missing);
        let mut seen = Vec::new();
        for act in &a.actions {
            prop_assert!(codes::ALL.contains(&act.code), "undeclared code {}", act.code);
            prop_assert!(!seen.contains(&act.code), "repeated code {}", act.code);
            seen.push(act.code);
        }
        for r in &a.reasons {
            prop_assert!(!r.question.is_empty() && !r.answer.trim().is_empty() && !r.consequence.is_empty());
        }
        // Deterministic.
        prop_assert_eq!(&rules::assess(&s), &a);
    }

    /// Answers to the circumstances never change whether the duty applies:
    /// urgency does not switch it off, and overview and scrutiny, equality,
    /// public interest and previous involvement are separate matters.
    #[test]
    fn circumstances_never_change_the_verdict_or_duties(s in screening()) {
        let bare = Screening {
            urgent: None, urgency_ground: None, urgency_justification: String::new(), public_interest: vec![],
            substantial_variation: None, previous_involvement: None, previous: PreviousReview::default(),
            equality_need: None, ..s.clone()
        };
        let (a, b) = (rules::assess(&s), rules::assess(&bare));
        prop_assert_eq!(a.verdict, b.verdict);
        prop_assert_eq!(a.duties, b.duties);
        prop_assert_eq!(a.missing, b.missing);
    }

    /// A Yes to an impact can only add duties, never remove them.
    #[test]
    fn an_impact_never_removes_a_duty(s in screening()) {
        let more = Screening { impact_delivery: Some(YesNo::Yes), ..s.clone() };
        let (a, b) = (rules::assess(&s), rules::assess(&more));
        for d in &a.duties {
            prop_assert!(b.duties.contains(d), "{:?} lost", d);
        }
    }
}
