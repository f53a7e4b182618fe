//! The `nhse-2017` ruleset against the worked examples of NHS England's 2017
//! statutory guidance (Action 5, urgency, overview and scrutiny, local
//! variations) and the edge cases between them.
//!
//! Each table row is one example; the expected outcome is the one the
//! guidance states. Action codes and field ids are written out as literal
//! strings on purpose: they are stored in files and used by the CLI, so a
//! rename must break a test.

use involve::model::{
    Activity, Body, FunctionHolder, JointModel, PatientMatter, PreviousReview, PublicInterest,
    Screening, UrgencyGround, YesNo,
};
use involve::rules::{self, Assessment, DutyHolder, Limb, Node, Verdict};

use Activity::{Operational, Planning, Proposals};
use DutyHolder::{Ccg, NhsEngland};
use Limb::{A, B, C};
use YesNo::{No, Yes};

/// A CCG acting alone, not a trust special administrator matter, and the
/// activity relates to commissioning: the usual starting point.
fn ccg() -> Screening {
    Screening {
        body: Some(Body::Ccg),
        trust_special_administrator: Some(No),
        relates_to_commissioning: Some(Yes),
        ..Screening::default()
    }
}

fn nhse() -> Screening {
    Screening {
        body: Some(Body::NhsEngland),
        ..ccg()
    }
}

fn joint(holder: FunctionHolder, model: JointModel) -> Screening {
    Screening {
        body: Some(Body::Joint),
        joint_model: Some(model),
        function_holder: Some(holder),
        partner_bodies: "NHS England and Anytown CCG".into(),
        ..ccg()
    }
}

fn acts(s: Screening, activities: &[Activity]) -> Screening {
    Screening {
        activities: activities.to_vec(),
        ..s
    }
}

fn impact(s: Screening, delivery: Option<YesNo>, range: Option<YesNo>) -> Screening {
    Screening {
        impact_delivery: delivery,
        impact_range: range,
        ..s
    }
}

/// An operational decision with an impact on how services are delivered.
fn operational_with_impact(s: Screening) -> Screening {
    impact(acts(s, &[Operational]), Some(Yes), Some(No))
}

/// An operational decision with no impact on delivery or range.
fn operational_no_impact(s: Screening) -> Screening {
    impact(acts(s, &[Operational]), Some(No), Some(No))
}

fn assess(s: &Screening) -> Assessment {
    rules::assess(s)
}

/// One worked example: the answers and the outcome the guidance states.
struct Case {
    example: &'static str,
    screening: Screening,
    verdict: Verdict,
    /// (holder, limb, form_required), in any order. `None`: not checked by
    /// this row (only for rows about something else where the duty applies).
    duties: Option<&'static [(DutyHolder, Limb, bool)]>,
    /// Action codes that must be present.
    actions: &'static [&'static str],
    /// Action codes that must be absent.
    not_actions: &'static [&'static str],
    /// Exact missing field ids, in form order.
    missing: &'static [&'static str],
}

impl Case {
    fn new(example: &'static str, screening: Screening, verdict: Verdict) -> Case {
        Case {
            example,
            screening,
            verdict,
            duties: None,
            actions: &[],
            not_actions: &[],
            missing: &[],
        }
    }
    fn duties(mut self, d: &'static [(DutyHolder, Limb, bool)]) -> Case {
        self.duties = Some(d);
        self
    }
    fn actions(mut self, a: &'static [&'static str]) -> Case {
        self.actions = a;
        self
    }
    fn not_actions(mut self, a: &'static [&'static str]) -> Case {
        self.not_actions = a;
        self
    }
    fn missing(mut self, m: &'static [&'static str]) -> Case {
        self.missing = m;
        self
    }
}

fn check(cases: Vec<Case>) {
    for case in cases {
        let a = assess(&case.screening);
        let ctx = format!("example: {}\nassessment: {:#?}", case.example, a);
        assert_eq!(a.ruleset, "nhse-2017", "{ctx}");
        assert_eq!(a.verdict, case.verdict, "verdict\n{ctx}");
        let expected = match (case.duties, case.verdict) {
            (Some(d), _) => Some(d),
            (None, Verdict::Applies) => None,
            (None, _) => Some(&[][..]),
        };
        if let Some(d) = expected {
            let mut got: Vec<_> = a
                .duties
                .iter()
                .map(|d| (d.holder, d.limb, d.form_required))
                .collect();
            got.sort();
            let mut want = d.to_vec();
            want.sort();
            assert_eq!(got, want, "duties\n{ctx}");
        }
        for code in case.actions {
            assert!(a.has_action(code), "expected action {code}\n{ctx}");
        }
        for code in case.not_actions {
            assert!(!a.has_action(code), "unexpected action {code}\n{ctx}");
        }
        assert_eq!(a.missing, case.missing.to_vec(), "missing\n{ctx}");
        invariants(&case.screening, &a);
    }
}

/// What must hold for every assessment, whatever the answers.
fn invariants(s: &Screening, a: &Assessment) {
    let ctx = format!("screening: {s:#?}\nassessment: {a:#?}");
    assert_eq!(
        a.verdict == Verdict::Applies,
        !a.duties.is_empty(),
        "duties only when the duty applies\n{ctx}"
    );
    assert_eq!(
        a.verdict == Verdict::Undetermined,
        !a.missing.is_empty(),
        "missing iff undetermined\n{ctx}"
    );
    let outcome = match a.verdict {
        Verdict::Applies => Node::OutcomeApplies,
        Verdict::DoesNotApply => Node::OutcomeDoesNotApply,
        Verdict::NotRequiredYet => Node::OutcomeNotYet,
        Verdict::Undetermined => Node::OutcomeUndetermined,
    };
    assert_eq!(
        a.route().last(),
        Some(&outcome),
        "route ends at the outcome\n{ctx}"
    );
    assert_eq!(
        a.route().iter().filter(|n| is_outcome(**n)).count(),
        1,
        "one outcome node\n{ctx}"
    );
    assert_eq!(
        a.route().first(),
        Some(&Node::Body),
        "route starts at the body\n{ctx}"
    );
    for r in &a.reasons {
        for (what, text) in [
            ("question", &r.question),
            ("answer", &r.answer),
            ("consequence", &r.consequence),
        ] {
            assert!(!text.trim().is_empty(), "reason {what} is empty\n{ctx}");
            for banned in ["please", "valid", "Node::", "Verdict::", "_"] {
                assert!(
                    !text.contains(banned),
                    "reason {what} contains {banned:?}: {text}\n{ctx}"
                );
            }
        }
        assert!(
            !r.citation.trim().is_empty(),
            "reason has no citation\n{ctx}"
        );
        assert!(
            !r.consequence.ends_with('.'),
            "consequence has no trailing full stop: {}\n{ctx}",
            r.consequence
        );
    }
    let process = [
        Node::Body,
        Node::SpecialAdministrator,
        Node::Step1,
        Node::Step2,
        Node::Step3,
    ];
    let positions: Vec<usize> = a
        .route()
        .iter()
        .filter_map(|n| process.iter().position(|p| p == n))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] <= w[1]),
        "process steps in order\n{ctx}"
    );
    let circumstances_after_steps = a
        .route()
        .iter()
        .skip_while(|n| !process.contains(n))
        .skip_while(|n| process.contains(n))
        .all(|n| !process.contains(n));
    assert!(
        circumstances_after_steps,
        "circumstances come after the steps\n{ctx}"
    );
    let mut codes: Vec<_> = a.actions.iter().map(|x| x.code).collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n, "action codes are unique\n{ctx}");
    for act in &a.actions {
        assert!(
            involve::rules::nhse2017::codes::ALL.contains(&act.code),
            "undeclared code {}\n{ctx}",
            act.code
        );
        assert!(
            !act.text.trim().is_empty() && !act.citation.trim().is_empty(),
            "{ctx}"
        );
        assert!(
            !act.text.contains("please") && !act.text.contains('_'),
            "action text wording\n{ctx}"
        );
        assert!(
            !act.text.ends_with('.'),
            "action text has no trailing full stop: {}\n{ctx}",
            act.text
        );
    }
    let order = involve::rules::nhse2017::fields::FORM_ORDER;
    let idx: Vec<usize> = a
        .missing
        .iter()
        .map(|m| order.iter().position(|o| o == m).expect("known field"))
        .collect();
    assert!(
        idx.windows(2).all(|w| w[0] < w[1]),
        "missing in form order, no repeats\n{ctx}"
    );
}

fn is_outcome(n: Node) -> bool {
    matches!(
        n,
        Node::OutcomeApplies
            | Node::OutcomeDoesNotApply
            | Node::OutcomeNotYet
            | Node::OutcomeUndetermined
    )
}

const NOT_APPLY_ACTIONS: &[&str] = &[
    "keep_form_record",
    "complete_steps_3_to_5",
    "consider_beneficial_involvement",
];
const PLAN_ACTIONS: &[&str] = &[
    "review_existing_insight",
    "decide_fair_and_proportionate",
    "involve_seldom_heard_groups",
    "complete_steps_3_to_5",
    "prepare_communications_plan",
    "feed_back_to_participants",
    "keep_form_record",
];

#[test]
fn step_1_commissioning_activity_continues_and_non_commissioning_activity_is_outside_the_duty() {
    check(vec![
        Case::new(
            "Step 1: relocation of a podiatry service commissioned by the CCG relates to commissioning (moving \
             location changes how the service is delivered)",
            operational_with_impact(ccg()),
            Verdict::Applies,
        )
        .duties(&[(Ccg, C, true)])
        .actions(PLAN_ACTIONS),
        Case::new(
            "Step 1: relocation of one of the CCG's administrative offices does not relate to commissioning",
            Screening { relates_to_commissioning: Some(No), ..ccg() },
            Verdict::DoesNotApply,
        )
        .actions(NOT_APPLY_ACTIONS)
        .not_actions(&["review_existing_insight"]),
        Case::new(
            "Step 1: not commissioning, but a promise to consult has been made",
            Screening {
                relates_to_commissioning: Some(No),
                public_interest: vec![PublicInterest::PromiseToConsult],
                ..ccg()
            },
            Verdict::DoesNotApply,
        )
        .actions(NOT_APPLY_ACTIONS),
    ]);
}

#[test]
fn step_1_no_stops_the_process_before_step_2() {
    let a = assess(&Screening {
        relates_to_commissioning: Some(No),
        ..ccg()
    });
    assert_eq!(
        a.route(),
        vec![
            Node::Body,
            Node::SpecialAdministrator,
            Node::Step1,
            Node::OutcomeDoesNotApply
        ]
    );
    assert!(
        a.missing.is_empty(),
        "step 2 and 3 are not needed: {:?}",
        a.missing
    );
}

#[test]
fn step_1_public_interest_makes_considering_involvement_particularly_important() {
    let plain = assess(&Screening {
        relates_to_commissioning: Some(No),
        ..ccg()
    });
    for interest in [
        PublicInterest::SignificantInterest,
        PublicInterest::PromiseToConsult,
        PublicInterest::Precedent,
    ] {
        let s = Screening {
            relates_to_commissioning: Some(No),
            public_interest: vec![interest],
            ..ccg()
        };
        let a = assess(&s);
        let text = &a
            .actions
            .iter()
            .find(|x| x.code == "consider_beneficial_involvement")
            .unwrap()
            .text;
        assert!(
            text.contains("particularly important"),
            "{interest:?}: {text}"
        );
        assert!(a.route().contains(&Node::PublicInterest), "{interest:?}");
    }
    let text = &plain
        .actions
        .iter()
        .find(|x| x.code == "consider_beneficial_involvement")
        .unwrap()
        .text;
    assert!(!text.contains("particularly important"), "{text}");
    assert!(!plain.route().contains(&Node::PublicInterest));
}

#[test]
fn step_2_planning_applies_under_limb_a_regardless_of_impact() {
    check(vec![
        Case::new(
            "Step 2: development of a CCG policy for the commissioning of diabetes services (no impact answered)",
            impact(acts(ccg(), &[Planning]), Some(No), Some(No)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true)])
        .actions(PLAN_ACTIONS)
        .not_actions(&["answer_step_3"]),
        Case::new(
            "Step 2: planning a new urgent care service in response to increased demand (step 3 not answered)",
            acts(ccg(), &[Planning]),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true)])
        .actions(PLAN_ACTIONS)
        .not_actions(&["answer_step_3"]),
        Case::new(
            "Step 2: NHS England planning its own commissioning arrangements",
            acts(nhse(), &[Planning]),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, A, true)]),
    ]);
    let a = assess(&acts(ccg(), &[Planning]));
    assert!(
        !a.route().contains(&Node::Step3),
        "planning goes directly to planning and taking action"
    );
}

#[test]
fn step_2_proposals_and_operational_decisions_apply_only_with_an_impact() {
    check(vec![
        Case::new(
            "Step 2: development of options for the reconfiguration of A&E services",
            impact(acts(ccg(), &[Proposals]), Some(Yes), Some(Yes)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, B, true)])
        .actions(PLAN_ACTIONS),
        Case::new(
            "Step 2: the closure of a fracture clinic for operational reasons",
            operational_with_impact(ccg()),
            Verdict::Applies,
        )
        .duties(&[(Ccg, C, true)]),
        Case::new(
            "Step 2: proposals with no impact on delivery or range",
            impact(acts(ccg(), &[Proposals]), Some(No), Some(No)),
            Verdict::DoesNotApply,
        )
        .actions(NOT_APPLY_ACTIONS),
    ]);
}

#[test]
fn step_2_overlapping_activity_types_engage_each_limb() {
    check(vec![
        Case::new(
            "overlap: planning and proposals with an impact on delivery",
            impact(acts(ccg(), &[Planning, Proposals]), Some(Yes), None),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true), (Ccg, B, true)]),
        Case::new(
            "overlap: all three types with an impact on range",
            impact(acts(ccg(), &[Planning, Proposals, Operational]), Some(No), Some(Yes)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true), (Ccg, B, true), (Ccg, C, true)]),
        Case::new(
            "overlap: proposals and operational with an impact",
            impact(acts(ccg(), &[Proposals, Operational]), Some(Yes), Some(Yes)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, B, true), (Ccg, C, true)]),
        Case::new(
            "overlap: planning and operational with no impact keeps limb (a) only",
            impact(acts(ccg(), &[Planning, Operational]), Some(No), Some(No)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true)])
        .not_actions(&["answer_step_3", "consider_beneficial_involvement"]),
        Case::new(
            "overlap: planning and operational with step 3 unanswered applies under (a) and asks for step 3",
            acts(ccg(), &[Planning, Operational]),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true)])
        .actions(&["answer_step_3"]),
        Case::new(
            "overlap: planning and proposals, only delivery answered No",
            impact(acts(ccg(), &[Planning, Proposals]), Some(No), None),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true)])
        .actions(&["answer_step_3"]),
    ]);
}

#[test]
fn step_2_no_activity_type_means_the_duty_does_not_apply() {
    check(vec![Case::new(
        "none of the three types of commissioning activity",
        Screening {
            no_activity_type: true,
            ..ccg()
        },
        Verdict::DoesNotApply,
    )
    .actions(NOT_APPLY_ACTIONS)]);
    let a = assess(&Screening {
        no_activity_type: true,
        ..ccg()
    });
    assert_eq!(a.route().last(), Some(&Node::OutcomeDoesNotApply));
    assert!(a.route().contains(&Node::Step2) && !a.route().contains(&Node::Step3));
}

#[test]
fn step_3_examples_of_impact_and_no_impact() {
    check(vec![
        Case::new(
            "Step 3: closure of a GP practice, patients must find a new practice (impact on delivery)",
            operational_with_impact(ccg()),
            Verdict::Applies,
        )
        .duties(&[(Ccg, C, true)])
        .actions(PLAN_ACTIONS),
        Case::new(
            "Step 3: retirement of a GP from a practice (no impact on range or delivery)",
            operational_no_impact(ccg()),
            Verdict::DoesNotApply,
        )
        .actions(NOT_APPLY_ACTIONS)
        .not_actions(&["review_existing_insight"]),
        Case::new(
            "Step 3: termination of a GP contract and award of a new one with no change in specification",
            impact(acts(ccg(), &[Operational, Proposals]), Some(No), Some(No)),
            Verdict::DoesNotApply,
        )
        .actions(NOT_APPLY_ACTIONS),
        Case::new(
            "Step 3: decommissioning a service of limited clinical benefit (impact on range only)",
            impact(acts(ccg(), &[Proposals]), None, Some(Yes)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, B, true)]),
    ]);
}

#[test]
fn step_3_patient_matters_without_impact_prompt_a_rethink_but_do_not_override() {
    for matter in [
        PatientMatter::Accessibility,
        PatientMatter::Transport,
        PatientMatter::Ambulance,
    ] {
        let s = Screening {
            patient_matters: vec![matter],
            ..operational_no_impact(ccg())
        };
        check(vec![Case::new(
            "patient matter ticked, no impact",
            s.clone(),
            Verdict::DoesNotApply,
        )
        .actions(&["reconsider_patient_impact"])]);
        let a = assess(&s);
        assert!(
            a.reasons
                .iter()
                .any(|r| r.node == Node::Step3 && r.consequence.contains("perspective")),
            "{a:#?}"
        );
    }
    // No rethink needed once an impact is recorded, or when nothing is ticked.
    let with_impact = Screening {
        patient_matters: vec![PatientMatter::Transport],
        ..operational_with_impact(ccg())
    };
    assert!(!assess(&with_impact).has_action("reconsider_patient_impact"));
    assert!(!assess(&operational_no_impact(ccg())).has_action("reconsider_patient_impact"));
}

#[test]
fn step_3_other_impact_described_prompts_a_check_against_delivery_and_range() {
    let s = Screening {
        impact_other: "Longer waits at the remaining site".into(),
        ..operational_no_impact(ccg())
    };
    check(vec![Case::new(
        "Appendix B Step 2(c) other impact",
        s.clone(),
        Verdict::DoesNotApply,
    )
    .actions(&["check_other_impact"])]);
    let a = assess(&s);
    let text = &a
        .actions
        .iter()
        .find(|x| x.code == "check_other_impact")
        .unwrap()
        .text;
    assert!(text.contains("highly likely"), "{text}");
    let blank = Screening {
        impact_other: "  ".into(),
        ..operational_no_impact(ccg())
    };
    assert!(!assess(&blank).has_action("check_other_impact"));
}

#[test]
fn missing_answers_make_the_verdict_undetermined_with_exact_field_ids() {
    check(vec![
        Case::new(
            "nothing answered",
            Screening::default(),
            Verdict::Undetermined,
        )
        .missing(&[
            "screening.body",
            "screening.relates_to_commissioning",
            "screening.activities",
            "screening.trust_special_administrator",
        ]),
        Case::new(
            "body not answered",
            Screening {
                body: None,
                ..operational_with_impact(ccg())
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.body"]),
        Case::new(
            "body not answered even though step 1 is No",
            Screening {
                body: None,
                relates_to_commissioning: Some(No),
                ..ccg()
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.body"]),
        Case::new(
            "joint arrangement without model or holder",
            Screening {
                joint_model: None,
                function_holder: None,
                ..operational_with_impact(joint(FunctionHolder::NhsEngland, JointModel::Delegated))
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.joint_model", "screening.function_holder"]),
        Case::new(
            "joint arrangement without holder",
            Screening {
                function_holder: None,
                ..operational_with_impact(joint(
                    FunctionHolder::NhsEngland,
                    JointModel::JointDecisionMaking,
                ))
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.function_holder"]),
        Case::new(
            "special administrator question not answered",
            Screening {
                trust_special_administrator: None,
                ..operational_with_impact(ccg())
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.trust_special_administrator"]),
        Case::new(
            "step 1 not answered",
            Screening {
                relates_to_commissioning: None,
                ..operational_with_impact(ccg())
            },
            Verdict::Undetermined,
        )
        .missing(&["screening.relates_to_commissioning"]),
        Case::new("step 2 not answered", ccg(), Verdict::Undetermined)
            .missing(&["screening.activities"]),
        Case::new(
            "step 3 not answered for proposals",
            acts(ccg(), &[Proposals]),
            Verdict::Undetermined,
        )
        .missing(&["screening.impact_delivery", "screening.impact_range"]),
        Case::new(
            "step 3 range not answered after delivery No",
            impact(acts(ccg(), &[Operational]), Some(No), None),
            Verdict::Undetermined,
        )
        .missing(&["screening.impact_range"]),
        Case::new(
            "step 3 delivery not answered after range No",
            impact(acts(ccg(), &[Operational]), None, Some(No)),
            Verdict::Undetermined,
        )
        .missing(&["screening.impact_delivery"]),
        Case::new(
            "body and step 3 both missing are listed together",
            Screening {
                body: None,
                ..acts(ccg(), &[Operational])
            },
            Verdict::Undetermined,
        )
        .missing(&[
            "screening.body",
            "screening.impact_delivery",
            "screening.impact_range",
        ]),
    ]);
    let a = assess(&Screening::default());
    assert!(a.has_action("answer_missing_questions"));
    assert!(a.duties.is_empty());
}

#[test]
fn fully_devolved_function_does_not_need_the_other_answers() {
    let s = Screening {
        body: Some(Body::Joint),
        joint_model: Some(JointModel::FullyDevolved),
        ..Screening::default()
    };
    check(vec![Case::new(
        "fully devolved, nothing else answered",
        s,
        Verdict::DoesNotApply,
    )
    .actions(&["check_transfer_order"])]);
}

#[test]
fn trust_special_administrator_matters_are_not_required_yet() {
    check(vec![
        Case::new(
            "s.14Z2(7): matter in a trust special administrator's draft report",
            Screening {
                trust_special_administrator: Some(Yes),
                ..operational_with_impact(ccg())
            },
            Verdict::NotRequiredYet,
        )
        .actions(&["reassess_after_tsa_decision"])
        .not_actions(&["review_existing_insight", "consider_beneficial_involvement"]),
        Case::new(
            "s.13Q(4): NHS England, later answers not needed",
            Screening {
                trust_special_administrator: Some(Yes),
                relates_to_commissioning: None,
                ..nhse()
            },
            Verdict::NotRequiredYet,
        )
        .actions(&["reassess_after_tsa_decision"]),
    ]);
    let a = assess(&Screening {
        trust_special_administrator: Some(Yes),
        ..ccg()
    });
    assert_eq!(
        a.route(),
        vec![Node::Body, Node::SpecialAdministrator, Node::OutcomeNotYet]
    );
}

#[test]
fn urgency_never_switches_the_duty_off() {
    let dental = Screening {
        urgent: Some(Yes),
        urgency_ground: Some(UrgencyGround::RiskToSafety),
        urgency_justification:
            "Contract terminated on patient safety grounds; patients told by letter".into(),
        ..operational_with_impact(nhse())
    };
    check(vec![
        Case::new(
            "Urgency: NHS England terminates a general dental services contract on patient safety grounds",
            dental.clone(),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, true)])
        .actions(&["record_urgency_justification"])
        .not_actions(&["urgency_not_justified"]),
        Case::new(
            "Urgency: lack of time genuinely caused by an urgent development",
            Screening { urgency_ground: Some(UrgencyGround::UrgentDevelopment), ..dental.clone() },
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, true)])
        .actions(&["record_urgency_justification"]),
        Case::new(
            "Urgency claimed with no genuine ground: involvement left to the last moment",
            Screening { urgency_ground: None, urgency_justification: String::new(), ..dental.clone() },
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, true)])
        .actions(&["urgency_not_justified"])
        .not_actions(&["record_urgency_justification"]),
        Case::new(
            "Not urgent",
            Screening { urgent: Some(No), urgency_ground: None, ..dental.clone() },
            Verdict::Applies,
        )
        .not_actions(&["urgency_not_justified", "record_urgency_justification"]),
    ]);
    let a = assess(&dental);
    let r = a
        .reasons
        .iter()
        .find(|r| r.node == Node::Urgency)
        .expect("urgency reason");
    assert!(r.consequence.contains("still applies"), "{}", r.consequence);
    let act = a
        .actions
        .iter()
        .find(|x| x.code == "record_urgency_justification")
        .unwrap();
    assert!(act.obligation);
    let late = assess(&Screening {
        urgency_ground: None,
        ..dental
    });
    let text = &late
        .actions
        .iter()
        .find(|x| x.code == "urgency_not_justified")
        .unwrap()
        .text;
    assert!(text.contains("last moment"), "{text}");
}

#[test]
fn previous_involvement_is_relied_on_only_when_every_review_question_allows_it() {
    let still_good = PreviousReview {
        summary: "Primary care review, a year ago".into(),
        same_proposal: Some(Yes),
        significant_changes: Some(No),
        still_relevant: Some(Yes),
        people_changed: Some(No),
        diversity_addressed: Some(Yes),
        new_information: Some(No),
        population_change: Some(No),
    };
    let sites = |previous: PreviousReview| Screening {
        previous_involvement: Some(Yes),
        previous,
        ..impact(acts(ccg(), &[Proposals]), Some(Yes), Some(No))
    };
    check(vec![
        Case::new(
            "Primary care sites: review a year ago, population changed significantly since",
            sites(PreviousReview {
                population_change: Some(Yes),
                people_changed: Some(Yes),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .duties(&[(Ccg, B, true)])
        .actions(&["consider_previous_findings", "undertake_new_involvement"])
        .not_actions(&["document_reliance_on_previous_involvement"]),
        Case::new(
            "previous involvement where only the population has changed",
            sites(PreviousReview {
                population_change: Some(Yes),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["consider_previous_findings", "undertake_new_involvement"]),
        Case::new(
            "previous involvement no longer relevant",
            sites(PreviousReview {
                still_relevant: Some(No),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement followed by significant changes",
            sites(PreviousReview {
                significant_changes: Some(Yes),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement, the people affected have changed",
            sites(PreviousReview {
                people_changed: Some(Yes),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement with one question against and one unanswered",
            sites(PreviousReview {
                population_change: Some(Yes),
                new_information: None,
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&[
            "undertake_new_involvement",
            "answer_previous_review_questions",
        ])
        .not_actions(&["document_reliance_on_previous_involvement"]),
        Case::new(
            "previous involvement still fits on every question",
            sites(still_good.clone()),
            Verdict::Applies,
        )
        .actions(&["document_reliance_on_previous_involvement"])
        .not_actions(&[
            "undertake_new_involvement",
            "answer_previous_review_questions",
        ]),
        Case::new(
            "previous involvement did not address diversity",
            sites(PreviousReview {
                diversity_addressed: Some(No),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement with new information the public needs",
            sites(PreviousReview {
                new_information: Some(Yes),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement on a different proposal",
            sites(PreviousReview {
                same_proposal: Some(No),
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["undertake_new_involvement"]),
        Case::new(
            "previous involvement, review questions unanswered",
            sites(PreviousReview {
                still_relevant: None,
                ..still_good.clone()
            }),
            Verdict::Applies,
        )
        .actions(&["answer_previous_review_questions"])
        .not_actions(&[
            "document_reliance_on_previous_involvement",
            "undertake_new_involvement",
        ]),
        Case::new(
            "no previous involvement",
            Screening {
                previous_involvement: Some(No),
                ..sites(still_good)
            },
            Verdict::Applies,
        )
        .not_actions(&[
            "document_reliance_on_previous_involvement",
            "undertake_new_involvement",
            "answer_previous_review_questions",
        ]),
    ]);
}

#[test]
fn co_commissioning_models_engage_the_duties_in_the_guidance_table() {
    use FunctionHolder as H;
    use JointModel as M;
    const JOINT: &[&str] = &[
        "establish_joint_arrangements",
        "document_day_to_day_responsibility",
        "seek_assurance_on_arrangements",
    ];
    check(vec![
        Case::new(
            "Co-commissioning 1: greater involvement ('seat at the table'): NHS England Y, CCG N",
            operational_with_impact(joint(H::NhsEngland, M::SeatAtTheTable)),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, true)])
        .actions(JOINT),
        Case::new(
            "Co-commissioning 2: joint commissioning (joint committee): NHS England Y, CCG Y",
            operational_with_impact(joint(H::NhsEngland, M::JointDecisionMaking)),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, true), (Ccg, C, true)])
        .actions(JOINT),
        Case::new(
            "Co-commissioning 3: delegated: both duties, NHS England relies on the CCG and needs no form",
            operational_with_impact(joint(H::NhsEngland, M::Delegated)),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, C, false), (Ccg, C, true)])
        .actions(JOINT),
        Case::new(
            "Model 4: fully devolved under the Cities and Local Government Devolution Act 2016",
            operational_with_impact(joint(H::NhsEngland, M::FullyDevolved)),
            Verdict::DoesNotApply,
        )
        .actions(&["check_transfer_order", "establish_joint_arrangements", "document_day_to_day_responsibility"])
        .actions(JOINT)
        .not_actions(&["review_existing_insight"]),
        Case::new(
            "CCG function, joint decision making with another CCG: the CCG's duty, partners' depend on them",
            operational_with_impact(joint(H::Ccg, M::JointDecisionMaking)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, C, true)])
        .actions(JOINT),
        Case::new(
            "CCG function delegated: the CCG stays liable",
            impact(acts(joint(H::Ccg, M::Delegated), &[Planning, Proposals]), Some(Yes), Some(Yes)),
            Verdict::Applies,
        )
        .duties(&[(Ccg, A, true), (Ccg, B, true)])
        .actions(JOINT),
        Case::new(
            "CCG function fully devolved",
            operational_with_impact(joint(H::Ccg, M::FullyDevolved)),
            Verdict::DoesNotApply,
        )
        .actions(&["check_transfer_order"]),
        Case::new(
            "Co-commissioning 2 with planning only",
            acts(joint(H::NhsEngland, M::JointDecisionMaking), &[Planning]),
            Verdict::Applies,
        )
        .duties(&[(NhsEngland, A, true), (Ccg, A, true)]),
    ]);
    // Acting alone brings no joint recommendations.
    assert!(!assess(&operational_with_impact(ccg())).has_action("establish_joint_arrangements"));
    // The transfer action names the partner bodies given.
    let a = assess(&operational_with_impact(joint(
        H::NhsEngland,
        M::FullyDevolved,
    )));
    let text = &a
        .actions
        .iter()
        .find(|x| x.code == "check_transfer_order")
        .unwrap()
        .text;
    assert!(text.contains("NHS England and Anytown CCG"), "{text}");
}

#[test]
fn overview_and_scrutiny_needs_the_local_authority_consulted_whatever_the_involvement_verdict() {
    let sv = |s: Screening| Screening {
        substantial_variation: Some(Yes),
        ..s
    };
    check(vec![
        Case::new(
            "Overview and scrutiny referral alongside the duty to involve (frequently both apply)",
            sv(operational_with_impact(ccg())),
            Verdict::Applies,
        )
        .duties(&[(Ccg, C, true)])
        .actions(&["consult_local_authority"])
        .not_actions(&["recheck_impact_answers"]),
        Case::new(
            "Substantial variation but no impact recorded: the answers contradict each other",
            sv(operational_no_impact(ccg())),
            Verdict::DoesNotApply,
        )
        .actions(&["consult_local_authority", "recheck_impact_answers"]),
        Case::new(
            "No substantial variation",
            operational_no_impact(ccg()),
            Verdict::DoesNotApply,
        )
        .not_actions(&["consult_local_authority", "recheck_impact_answers"]),
    ]);
    let a = assess(&sv(operational_no_impact(ccg())));
    let r = a
        .reasons
        .iter()
        .find(|r| r.node == Node::OverviewScrutiny)
        .expect("O&S reason");
    assert!(r.consequence.contains("higher"), "{}", r.consequence);
    assert!(
        a.actions
            .iter()
            .find(|x| x.code == "consult_local_authority")
            .unwrap()
            .obligation
    );
}

#[test]
fn equality_analysis_showing_a_need_leads_to_engaging_those_groups() {
    let eq = |s: Screening| Screening {
        equality_need: Some(Yes),
        ..s
    };
    check(vec![
        Case::new(
            "Equality: analysis shows a lack of evidence for some groups",
            eq(operational_with_impact(ccg())),
            Verdict::Applies,
        )
        .actions(&["engage_groups_from_equality_analysis"]),
        Case::new(
            "Equality need even where the involvement duty does not apply",
            eq(operational_no_impact(ccg())),
            Verdict::DoesNotApply,
        )
        .actions(&["engage_groups_from_equality_analysis"]),
        Case::new(
            "No equality need",
            Screening {
                equality_need: Some(No),
                ..operational_no_impact(ccg())
            },
            Verdict::DoesNotApply,
        )
        .not_actions(&["engage_groups_from_equality_analysis"]),
    ]);
    let a = assess(&eq(operational_with_impact(ccg())));
    assert!(
        a.actions
            .iter()
            .find(|x| x.code == "engage_groups_from_equality_analysis")
            .unwrap()
            .obligation
    );
    assert!(a.route().contains(&Node::Equality));
}

#[test]
fn reasons_follow_the_process_then_circumstances_then_outcome() {
    let s = Screening {
        substantial_variation: Some(Yes),
        equality_need: Some(Yes),
        urgent: Some(Yes),
        urgency_ground: Some(UrgencyGround::RiskToSafety),
        previous_involvement: Some(No),
        public_interest: vec![PublicInterest::SignificantInterest],
        ..operational_with_impact(nhse())
    };
    assert_eq!(
        assess(&s).route(),
        vec![
            Node::Body,
            Node::SpecialAdministrator,
            Node::Step1,
            Node::Step2,
            Node::Step3,
            Node::PublicInterest,
            Node::Urgency,
            Node::PreviousInvolvement,
            Node::OverviewScrutiny,
            Node::Equality,
            Node::OutcomeApplies,
        ]
    );
}

#[test]
fn reasons_name_the_section_of_the_act_for_the_body_that_holds_the_duty() {
    let c = assess(&operational_with_impact(ccg()));
    assert!(c
        .reasons
        .iter()
        .any(|r| r.node == Node::Body && r.consequence.contains("14Z2")));
    let n = assess(&operational_with_impact(nhse()));
    assert!(n
        .reasons
        .iter()
        .any(|r| r.node == Node::Body && r.consequence.contains("13Q")));
    let out = n.reasons.last().unwrap();
    assert!(
        out.consequence.contains("13Q") && out.consequence.contains("(2)(c)"),
        "{}",
        out.consequence
    );
}

#[test]
fn obligations_and_recommendations_have_the_strength_the_guidance_gives() {
    let applies = assess(&operational_with_impact(ccg()));
    let strength = |a: &Assessment, code: &str| {
        a.actions
            .iter()
            .find(|x| x.code == code)
            .map(|x| x.obligation)
    };
    assert_eq!(strength(&applies, "keep_form_record"), Some(true));
    assert_eq!(strength(&applies, "complete_steps_3_to_5"), Some(true));
    assert_eq!(
        strength(&applies, "decide_fair_and_proportionate"),
        Some(true)
    );
    assert_eq!(
        strength(&applies, "prepare_communications_plan"),
        Some(false),
        "good practice, not a must"
    );
    let not = assess(&operational_no_impact(ccg()));
    assert_eq!(strength(&not, "keep_form_record"), Some(true));
    assert_eq!(strength(&not, "complete_steps_3_to_5"), Some(true));
    assert_eq!(
        strength(&not, "consider_beneficial_involvement"),
        Some(false)
    );
}

#[test]
fn ruleset_is_found_by_its_stored_id_and_unknown_ids_are_not() {
    let r = rules::by_id("nhse-2017").expect("nhse-2017 is known");
    assert_eq!(r.id(), "nhse-2017");
    // New assessments follow the law as it is now; 2017 stays known.
    assert_eq!(rules::DEFAULT_RULESET, "nhse-2022");
    assert_eq!(rules::by_id("nhse-2022").map(|r| r.id()), Some("nhse-2022"));
    let s = operational_with_impact(ccg());
    assert_eq!(r.assess(&s), rules::assess(&s));
    for unknown in ["", "nhse-2023", "NHSE-2017", "nhse-2017 "] {
        assert!(rules::by_id(unknown).is_none(), "{unknown:?}");
    }
}

#[test]
fn verdict_codes_round_trip() {
    for v in [
        Verdict::Applies,
        Verdict::DoesNotApply,
        Verdict::NotRequiredYet,
        Verdict::Undetermined,
    ] {
        assert_eq!(Verdict::from_code(v.code()), Some(v));
    }
    assert_eq!(Verdict::from_code("maybe"), None);
}

#[test]
fn missing_field_ids_exist_in_the_catalogue_and_follow_its_order() {
    let catalogue: Vec<&str> = involve::forms::catalogue::fields()
        .iter()
        .map(|f| f.id)
        .collect();
    let positions: Vec<usize> = involve::rules::nhse2017::fields::FORM_ORDER
        .iter()
        .map(|id| {
            catalogue
                .iter()
                .position(|c| c == id)
                .unwrap_or_else(|| panic!("{id} is not in the catalogue"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "rules order differs from the form: {positions:?}"
    );
}
