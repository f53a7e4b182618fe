//! The `nhse-2022` ruleset against the NHS Act 2006 as it stands since 1 July
//! 2022: s.14Z45(2) for integrated care boards, s.242(1B)-(1E) for NHS trusts
//! and NHS foundation trusts, s.13Q for NHS England, joint working under
//! s.65Z5 and s.65Z6, overview and scrutiny (s.244, regulation 23) and the
//! reconfiguration notification of Schedule 10A.
//!
//! Tables of cases, one row per statutory situation. Codes, sections and
//! field ids are literal strings on purpose: files and the CLI rely on them.

use involve::forms::{self, wording};
use involve::model::{
    Activity, Answers, Body, FunctionHolder, JointModel, PatientMatter, PublicInterest, RulesetId,
    Screening, UrgencyGround, YesNo,
};
use involve::rules::{self, Assessment, DutyHolder, Limb, Node, Verdict};
use proptest::prelude::*;

use Activity::{Operational, Planning, Proposals};
use DutyHolder::{Icb, NhsEngland, NhsTrust};
use Limb::{A, B, C};
use YesNo::{No, Yes};

/// An organisation acting alone, under the 2022 ruleset, whose activity
/// relates to its responsibilities.
fn org(body: Body) -> Screening {
    Screening {
        ruleset: RulesetId::Nhse2022,
        body: Some(body),
        relates_to_commissioning: Some(Yes),
        ..Screening::default()
    }
}

fn with(
    s: Screening,
    activities: &[Activity],
    delivery: Option<YesNo>,
    range: Option<YesNo>,
) -> Screening {
    Screening {
        activities: activities.to_vec(),
        impact_delivery: delivery,
        impact_range: range,
        ..s
    }
}

fn joint(model: JointModel, holder: FunctionHolder) -> Screening {
    Screening {
        joint_model: Some(model),
        function_holder: Some(holder),
        partner_bodies: "Anyshire ICB and Anytown Hospitals NHS Foundation Trust".into(),
        ..org(Body::Joint)
    }
}

fn duties(a: &Assessment) -> Vec<(DutyHolder, Limb, bool)> {
    let mut d: Vec<_> = a
        .duties
        .iter()
        .map(|d| (d.holder, d.limb, d.form_required))
        .collect();
    d.sort();
    d
}

fn text_of(a: &Assessment) -> String {
    let mut out = String::new();
    for r in &a.reasons {
        out.push_str(&format!(
            "{}\n{}\n{}\n{}\n",
            r.question, r.answer, r.consequence, r.citation
        ));
    }
    for x in &a.actions {
        out.push_str(&format!("{}\n{}\n", x.text, x.citation));
    }
    out
}

#[test]
fn every_organisation_type_engages_its_own_section_under_each_limb_with_and_without_impact() {
    // (organisation, holder, the section as the outcome names it)
    let orgs = [
        (Body::Icb, Icb, "section 14Z45"),
        (Body::NhsTrust, NhsTrust, "section 242"),
        (Body::NhsEngland, NhsEngland, "section 13Q"),
    ];
    // (activity, impact on delivery, impact on range, expected verdict, limbs)
    let rows: &[(Activity, YesNo, YesNo, Verdict, &[Limb])] = &[
        // Limb (a): planning engages the duty whatever the impact.
        (Planning, No, No, Verdict::Applies, &[A]),
        (Planning, Yes, No, Verdict::Applies, &[A]),
        // Limb (b): proposals only with an impact (s.14Z45(2)(b); s.242(1C)).
        (Proposals, Yes, No, Verdict::Applies, &[B]),
        (Proposals, No, Yes, Verdict::Applies, &[B]),
        (Proposals, No, No, Verdict::DoesNotApply, &[]),
        // Limb (c): decisions only with an impact (s.14Z45(2)(c); s.242(1D)).
        (Operational, Yes, No, Verdict::Applies, &[C]),
        (Operational, No, Yes, Verdict::Applies, &[C]),
        (Operational, No, No, Verdict::DoesNotApply, &[]),
    ];
    for (body, holder, section) in orgs {
        for &(activity, d, r, verdict, limbs) in rows {
            let a = rules::assess(&with(org(body), &[activity], Some(d), Some(r)));
            let ctx = format!("{body:?} {activity:?} delivery {d:?} range {r:?}\n{a:#?}");
            assert_eq!(a.ruleset, "nhse-2022", "{ctx}");
            assert_eq!(a.verdict, verdict, "{ctx}");
            let want: Vec<_> = limbs.iter().map(|&l| (holder, l, true)).collect();
            assert_eq!(duties(&a), want, "{ctx}");
            if verdict == Verdict::Applies {
                let outcome = a.reasons.last().expect("an outcome");
                assert_eq!(outcome.node, Node::OutcomeApplies);
                assert!(outcome.consequence.contains(section), "{ctx}");
            }
        }
    }
}

#[test]
fn a_trust_is_asked_about_the_services_it_is_responsible_for_and_its_limbs_speak_of_provision() {
    let a = rules::assess(&with(
        org(Body::NhsTrust),
        &[Planning, Operational],
        Some(Yes),
        Some(No),
    ));
    assert_eq!(a.verdict, Verdict::Applies);
    let step1 = a
        .reasons
        .iter()
        .find(|r| r.node == Node::Step1)
        .expect("step 1");
    assert_eq!(
        step1.question,
        "Does the activity relate to health services the trust is responsible for?"
    );
    assert!(
        step1.citation.contains("section 242(1B)"),
        "{}",
        step1.citation
    );
    let outcome = &a.reasons.last().expect("outcome").consequence;
    assert!(
        outcome.contains("planning of the provision of those services (subsection (1B)(a))"),
        "{outcome}"
    );
    assert!(
        outcome
            .contains("decisions affecting the operation of those services (subsection (1B)(c))"),
        "{outcome}"
    );
    assert!(!outcome.contains("commissioning"), "{outcome}");
    let step3 = a
        .reasons
        .iter()
        .find(|r| r.node == Node::Step3)
        .expect("step 3");
    assert!(
        step3.citation.contains("242(1C), (1D) and (1E)"),
        "{}",
        step3.citation
    );
    // An ICB's limbs speak of commissioning arrangements.
    let icb = rules::assess(&with(org(Body::Icb), &[Planning], None, None));
    assert!(icb
        .reasons
        .last()
        .unwrap()
        .consequence
        .contains("planning of the commissioning arrangements (subsection (2)(a))"));
}

#[test]
fn the_trust_limits_of_1c_and_1d_need_an_impact_for_proposals_and_decisions() {
    // s.242(1C): (1B)(b) applies to a proposal only with an impact; (1D)
    // the same for decisions under (1B)(c). Unanswered impact: undetermined.
    type Case<'a> = (
        &'a [Activity],
        Option<YesNo>,
        Option<YesNo>,
        Verdict,
        &'a [&'a str],
    );
    let cases: &[Case] = &[
        (
            &[Proposals],
            None,
            None,
            Verdict::Undetermined,
            &["screening.impact_delivery", "screening.impact_range"],
        ),
        (
            &[Operational],
            Some(No),
            None,
            Verdict::Undetermined,
            &["screening.impact_range"],
        ),
        (
            &[Proposals, Operational],
            Some(No),
            Some(No),
            Verdict::DoesNotApply,
            &[],
        ),
        (
            &[Planning, Proposals],
            Some(No),
            Some(No),
            Verdict::Applies,
            &[],
        ),
    ];
    for &(acts, d, r, verdict, missing) in cases {
        let a = rules::assess(&with(org(Body::NhsTrust), acts, d, r));
        assert_eq!(a.verdict, verdict, "{acts:?} {d:?} {r:?}\n{a:#?}");
        assert_eq!(a.missing, missing, "{acts:?}");
    }
}

#[test]
fn joint_working_records_whose_duty_is_engaged() {
    // (example, model, whose function, expected duties)
    type Row<'a> = (
        &'a str,
        JointModel,
        FunctionHolder,
        &'a [(DutyHolder, Limb, bool)],
    );
    let rows: &[Row] = &[
        (
            "Dental services delegated by NHS England to an ICB (s.65Z5): NHS England's s.13Q duty, the ICB does the work",
            JointModel::DelegatedToIcb,
            FunctionHolder::NhsEngland,
            // NHS England's duty; the ICB, not NHS England, completes the form.
            &[(NhsEngland, C, false)],
        ),
        ("A joint committee exercising the ICB's function", JointModel::JointCommittee, FunctionHolder::Icb, &[(Icb, C, true)]),
        (
            "A joint committee exercising a trust's function",
            JointModel::JointCommittee,
            FunctionHolder::NhsTrust,
            &[(NhsTrust, C, true)],
        ),
        (
            "A lead provider carrying out the ICB's function: the ICB's duty",
            JointModel::LeadProvider,
            FunctionHolder::Icb,
            &[(Icb, C, true)],
        ),
    ];
    for &(example, model, holder, want) in rows {
        let a = rules::assess(&with(
            joint(model, holder),
            &[Operational],
            Some(Yes),
            Some(No),
        ));
        assert_eq!(a.verdict, Verdict::Applies, "{example}\n{a:#?}");
        assert_eq!(duties(&a), want, "{example}");
        for code in [
            "establish_joint_arrangements",
            "document_day_to_day_responsibility",
            "seek_assurance_on_arrangements",
        ] {
            assert!(a.has_action(code), "{example}: {code}");
        }
        let body = a
            .reasons
            .iter()
            .find(|r| r.node == Node::Body)
            .expect("body reason");
        assert!(
            body.citation.contains("65Z5"),
            "{example}: {}",
            body.citation
        );
        assert!(
            body.consequence.contains("accountable"),
            "{example}: {}",
            body.consequence
        );
    }
    // A 2017 model asks again rather than guess.
    {
        let (model, holder, missing) = (
            JointModel::Delegated,
            FunctionHolder::NhsEngland,
            "screening.joint_model",
        );
        let a = rules::assess(&with(
            joint(model, holder),
            &[Operational],
            Some(Yes),
            Some(No),
        ));
        assert_eq!(a.verdict, Verdict::Undetermined, "{model:?} {holder:?}");
        assert!(
            a.missing.contains(&missing),
            "{model:?} {holder:?}: {:?}",
            a.missing
        );
    }
}

#[test]
fn a_ccg_is_not_an_organisation_of_the_2022_ruleset_and_2017_keeps_it() {
    let a = rules::assess(&with(org(Body::Ccg), &[Operational], Some(Yes), Some(No)));
    assert_eq!(a.verdict, Verdict::Undetermined);
    assert_eq!(a.missing, ["screening.body"]);
    let old = rules::assess(&Screening {
        ruleset: RulesetId::Nhse2017,
        trust_special_administrator: Some(No),
        ..with(org(Body::Ccg), &[Operational], Some(Yes), Some(No))
    });
    assert_eq!(old.ruleset, "nhse-2017");
    assert_eq!(old.verdict, Verdict::Applies);
    assert_eq!(duties(&old), [(DutyHolder::Ccg, C, true)]);
}

#[test]
fn the_trust_special_administrator_exception_is_a_commissioners_and_never_a_trusts() {
    // s.14Z45(7) (ICBs) and s.13Q(4) (NHS England) keep the exception of
    // s.14Z2(7); s.242 has none. Unanswered reads as no: 2022 files written
    // before the question was asked assess as they did.
    for (body, asked, verdict) in [
        (Body::Icb, true, Verdict::NotRequiredYet),
        (Body::NhsEngland, true, Verdict::NotRequiredYet),
        (Body::NhsTrust, false, Verdict::Applies),
    ] {
        let s = Screening {
            trust_special_administrator: Some(Yes),
            ..with(org(body), &[Operational], Some(Yes), Some(No))
        };
        let a = rules::assess(&s);
        assert_eq!(a.verdict, verdict, "{body:?}");
        assert_eq!(
            wording::is_asked(&s, "screening.trust_special_administrator"),
            asked,
            "{body:?}"
        );
        if asked {
            let tsa = a
                .reasons
                .iter()
                .find(|r| r.node == Node::SpecialAdministrator)
                .expect("TSA reason");
            assert!(
                tsa.citation.contains("14Z45(7)") && tsa.citation.contains("13Q(4)"),
                "{}",
                tsa.citation
            );
            assert!(a.has_action("reassess_after_tsa_decision"));
            assert_eq!(
                wording::field(&s, "screening.trust_special_administrator")
                    .unwrap()
                    .required,
                forms::catalogue::Required::Optional
            );
        }
        let unanswered = rules::assess(&with(org(body), &[Operational], Some(Yes), Some(No)));
        assert_eq!(unanswered.verdict, Verdict::Applies, "{body:?}");
        assert!(!unanswered
            .missing
            .contains(&"screening.trust_special_administrator"));
        assert!(
            !unanswered.route().contains(&Node::SpecialAdministrator),
            "{body:?}"
        );
    }
}

#[test]
fn urgency_never_switches_the_duty_off_and_asks_for_a_recorded_justification() {
    let base = with(org(Body::NhsEngland), &[Operational], Some(Yes), Some(No));
    let cases = [
        (
            Some(UrgencyGround::RiskToSafety),
            "record_urgency_justification",
            "urgency_not_justified",
        ),
        (
            Some(UrgencyGround::UrgentDevelopment),
            "record_urgency_justification",
            "urgency_not_justified",
        ),
        (
            None,
            "urgency_not_justified",
            "record_urgency_justification",
        ),
    ];
    for (ground, present, absent) in cases {
        let a = rules::assess(&Screening {
            urgent: Some(Yes),
            urgency_ground: ground,
            ..base.clone()
        });
        assert_eq!(a.verdict, Verdict::Applies, "{ground:?}");
        assert_eq!(duties(&a), [(NhsEngland, C, true)]);
        assert!(a.has_action(present) && !a.has_action(absent), "{ground:?}");
        let urgency = a
            .reasons
            .iter()
            .find(|r| r.node == Node::Urgency)
            .expect("urgency reason");
        assert!(
            urgency.citation.contains("last moment"),
            "{}",
            urgency.citation
        );
    }
}

#[test]
fn overview_and_scrutiny_and_the_reconfiguration_notification_follow_the_organisation() {
    // (organisation, notify the Secretary of State (Sch. 10A para 2), tell the commissioner)
    let rows = [
        (Body::Icb, true, false),
        (Body::NhsEngland, true, false),
        (Body::NhsTrust, false, true),
    ];
    for (body, notify, tell) in rows {
        let s = Screening {
            substantial_variation: Some(Yes),
            ..with(org(body), &[Proposals], Some(Yes), Some(Yes))
        };
        let a = rules::assess(&s);
        assert!(a.has_action("consult_local_authority"), "{body:?}");
        assert_eq!(a.has_action("notify_reconfiguration"), notify, "{body:?}");
        assert_eq!(
            a.has_action("tell_commissioner_of_reconfiguration"),
            tell,
            "{body:?}"
        );
        let os = a
            .reasons
            .iter()
            .find(|r| r.node == Node::OverviewScrutiny)
            .expect("O&S reason");
        assert!(
            os.citation.contains("regulation 23") && os.citation.contains("section 244"),
            "{}",
            os.citation
        );
        if notify {
            let n = a
                .actions
                .iter()
                .find(|x| x.code == "notify_reconfiguration")
                .unwrap();
            assert!(n.obligation && n.citation.contains("Schedule 10A"), "{n:?}");
        }
    }
    // A substantial variation with no duty: the contradiction is flagged.
    let s = Screening {
        substantial_variation: Some(Yes),
        ..with(org(Body::Icb), &[Operational], Some(No), Some(No))
    };
    let a = rules::assess(&s);
    assert_eq!(a.verdict, Verdict::DoesNotApply);
    // Checked first, rather than a notification "must" built on answers that
    // contradict each other.
    assert!(a.has_action("recheck_impact_answers") && !a.has_action("notify_reconfiguration"));
}

#[test]
fn equality_and_the_icb_inequalities_duty_are_prompted() {
    let s = Screening {
        equality_need: Some(Yes),
        ..with(org(Body::Icb), &[Planning], None, None)
    };
    let a = rules::assess(&s);
    assert!(a.has_action("engage_groups_from_equality_analysis"));
    let eq = a.reasons.iter().find(|r| r.node == Node::Equality).unwrap();
    assert!(
        eq.citation.contains("Equality Act 2010 section 149"),
        "{}",
        eq.citation
    );
    let ineq = a
        .actions
        .iter()
        .find(|x| x.code == "have_regard_to_inequalities")
        .expect("s.14Z35 prompt");
    assert!(ineq.obligation && ineq.citation.contains("section 14Z35"));
    // The s.14Z35 duty is the ICB's, not a trust's.
    let trust = rules::assess(&with(org(Body::NhsTrust), &[Planning], None, None));
    assert!(!trust.has_action("have_regard_to_inequalities"));
}

#[test]
fn the_principles_are_should_consider_prompts_with_citations_when_the_duty_applies() {
    let a = rules::assess(&with(org(Body::Icb), &[Planning], None, None));
    for code in [
        "put_voices_at_the_centre",
        "start_early_and_feed_back",
        "build_relationships_with_excluded_groups",
        "work_with_healthwatch_and_vcse",
        "provide_clear_public_information",
    ] {
        let x = a
            .actions
            .iter()
            .find(|x| x.code == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert!(!x.obligation, "{code} is a should");
        assert!(x.citation.contains("principle"), "{code}: {}", x.citation);
    }
    let no = rules::assess(&with(org(Body::Icb), &[Operational], Some(No), Some(No)));
    assert!(!no.has_action("work_with_healthwatch_and_vcse"));
}

#[test]
fn steps_3_to_5_are_still_required_when_the_duty_does_not_apply() {
    for body in [Body::Icb, Body::NhsTrust, Body::NhsEngland] {
        for s in [
            Screening {
                relates_to_commissioning: Some(No),
                ..org(body)
            },
            with(org(body), &[Operational], Some(No), Some(No)),
            Screening {
                no_activity_type: true,
                ..org(body)
            },
        ] {
            let a = rules::assess(&s);
            assert_eq!(a.verdict, Verdict::DoesNotApply, "{body:?}");
            for code in [
                "complete_steps_3_to_5",
                "keep_form_record",
                "consider_beneficial_involvement",
            ] {
                assert!(a.has_action(code), "{body:?} {code}");
            }
        }
    }
}

#[test]
fn an_opinion_that_contradicts_the_2022_verdict_is_a_warning() {
    let mut a = Answers {
        screening: with(org(Body::NhsTrust), &[Operational], Some(Yes), Some(No)),
        ..Answers::default()
    };
    a.b.opinion = Some(No);
    a.b.opinion_reason = "Only a room move".into();
    let report = forms::Derived::new(
        &a,
        involve::model::Ymd {
            year: 2026,
            month: 12,
            day: 1,
        },
    )
    .report;
    let issue = report
        .issues
        .iter()
        .find(|i| i.code == "opinion_contradicts_verdict")
        .expect("warning");
    assert_eq!(issue.severity, forms::Severity::Warning);
    assert_eq!(issue.path, "b.opinion");
}

#[test]
fn the_2022_form_does_not_ask_the_trust_special_administrator_question_or_require_it() {
    let a = Answers {
        screening: org(Body::Icb),
        ..Answers::default()
    };
    let report = forms::Derived::new(
        &a,
        involve::model::Ymd {
            year: 2026,
            month: 12,
            day: 1,
        },
    )
    .report;
    assert!(
        report
            .issues
            .iter()
            .all(|i| i.path != "screening.trust_special_administrator"),
        "{:?}",
        report.codes()
    );
    let old = Answers {
        screening: Screening {
            ruleset: RulesetId::Nhse2017,
            ..org(Body::Ccg)
        },
        ..Answers::default()
    };
    let report = forms::Derived::new(
        &old,
        involve::model::Ymd {
            year: 2026,
            month: 12,
            day: 1,
        },
    )
    .report;
    assert!(report
        .issues
        .iter()
        .any(|i| i.path == "screening.trust_special_administrator"));
}

#[test]
fn every_2022_reason_and_action_cites_its_source() {
    let examples = [
        with(
            org(Body::Icb),
            &[Planning, Proposals, Operational],
            Some(Yes),
            Some(Yes),
        ),
        with(org(Body::NhsTrust), &[Operational], Some(No), Some(No)),
        with(
            joint(JointModel::DelegatedToIcb, FunctionHolder::NhsEngland),
            &[Operational],
            Some(Yes),
            None,
        ),
        Screening {
            urgent: Some(Yes),
            substantial_variation: Some(Yes),
            equality_need: Some(Yes),
            ..org(Body::NhsEngland)
        },
    ];
    for s in examples {
        let a = rules::assess(&s);
        for r in &a.reasons {
            assert!(r.citation.len() > 10, "{:?} has no citation", r.node);
        }
        for x in &a.actions {
            assert!(x.citation.len() > 10, "{} has no citation", x.code);
        }
    }
}

/// Screening answers of every kind under the 2022 ruleset, including ones it
/// does not offer (a CCG, 2017 models), as a hostile or hand-edited file could hold.
fn screening_2022() -> impl Strategy<Value = Screening> {
    let yn = || prop_oneof![Just(None), Just(Some(Yes)), Just(Some(No))];
    let bodies = prop::option::of(prop::sample::select(vec![
        Body::Icb,
        Body::NhsTrust,
        Body::NhsEngland,
        Body::Joint,
        Body::Ccg,
    ]));
    let models = prop::option::of(prop::sample::select(vec![
        JointModel::DelegatedToIcb,
        JointModel::JointCommittee,
        JointModel::LeadProvider,
        JointModel::Delegated,
        JointModel::FullyDevolved,
    ]));
    let holders = prop::option::of(prop::sample::select(vec![
        FunctionHolder::Icb,
        FunctionHolder::NhsTrust,
        FunctionHolder::NhsEngland,
        FunctionHolder::Ccg,
    ]));
    let acts = prop::collection::vec(
        prop::sample::select(vec![Planning, Proposals, Operational]),
        0..3,
    );
    let matters = prop::collection::vec(
        prop::sample::select(vec![PatientMatter::Accessibility, PatientMatter::Transport]),
        0..2,
    );
    let interest = prop::collection::vec(
        prop::sample::select(vec![
            PublicInterest::SignificantInterest,
            PublicInterest::Precedent,
        ]),
        0..2,
    );
    let ground = prop::option::of(prop::sample::select(vec![
        UrgencyGround::UrgentDevelopment,
        UrgencyGround::RiskToSafety,
    ]));
    (
        (bodies, models, holders, yn(), acts, any::<bool>()),
        (yn(), yn(), matters, yn(), ground, interest),
        (
            yn(),
            yn(),
            yn(),
            yn(),
            prop_oneof![Just(String::new()), Just("another impact".to_string())],
        ),
    )
        .prop_map(
            |(
                (body, joint_model, function_holder, relates, activities, none),
                (d, r, patient_matters, urgent, urgency_ground, public_interest),
                (sv, prev, eq, tsa, other),
            )| Screening {
                ruleset: RulesetId::Nhse2022,
                body,
                joint_model,
                function_holder,
                relates_to_commissioning: relates,
                activities,
                no_activity_type: none,
                impact_delivery: d,
                impact_range: r,
                impact_other: other,
                patient_matters,
                urgent,
                urgency_ground,
                public_interest,
                substantial_variation: sv,
                previous_involvement: prev,
                equality_need: eq,
                trust_special_administrator: tsa,
                ..Screening::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The sweep of the rules' output: no 2022 assessment says "CCG" or
    /// "clinical commissioning group" in a reason, action or citation.
    #[test]
    fn no_2022_assessment_mentions_ccgs(s in screening_2022()) {
        let a = rules::assess(&s);
        let text = text_of(&a);
        prop_assert!(!text.contains("CCG") && !text.to_lowercase().contains("clinical commissioning group"), "{}", text);
        prop_assert_eq!(a.ruleset, "nhse-2022");
        prop_assert_eq!(a.verdict == Verdict::Applies, !a.duties.is_empty());
        prop_assert_eq!(a.verdict == Verdict::Undetermined, !a.missing.is_empty());
        // The trust special administrator exception is a commissioner's (s.14Z45(7), s.13Q(4)).
        if a.verdict == Verdict::NotRequiredYet {
            prop_assert_eq!(s.trust_special_administrator, Some(YesNo::Yes));
            prop_assert!(s.body != Some(Body::NhsTrust));
        }
        let known: Vec<&str> = rules::walk::codes::ALL.iter().chain(rules::nhse2022::codes::ALL).copied().collect();
        for x in &a.actions {
            prop_assert!(known.contains(&x.code), "undeclared code {}", x.code);
        }
        for d in &a.duties {
            prop_assert!(d.holder != DutyHolder::Ccg);
        }
    }
}

#[test]
fn no_2022_question_hint_or_option_mentions_ccgs_except_the_historical_option() {
    for body in [Body::Icb, Body::NhsTrust, Body::NhsEngland, Body::Joint] {
        let s = org(body);
        for f in wording::fields(&s) {
            let mut words = vec![
                f.label.to_string(),
                f.hint.unwrap_or("").to_string(),
                f.missing.to_string(),
            ];
            words.push(wording::section_description(&s, f.section).to_string());
            words.extend(wording::heading_before(&s, f.id).map(str::to_string));
            for (value, label) in f.kind.options() {
                if (f.id, *value) == ("screening.body", "ccg") {
                    assert!(label.contains("before July 2022"), "{label}");
                    continue;
                }
                words.push(label.to_string());
                words.extend(wording::option_hint(&s, f.id, value).map(str::to_string));
            }
            for w in words {
                assert!(
                    !w.contains("CCG")
                        && !w.to_lowercase().contains("clinical commissioning group"),
                    "{body:?} {}: {w}",
                    f.id
                );
            }
        }
    }
}

#[test]
fn a_trusts_questions_speak_of_the_services_it_is_responsible_for() {
    let s = org(Body::NhsTrust);
    let step1 = wording::field(&s, "screening.relates_to_commissioning").unwrap();
    assert_eq!(
        step1.label,
        "Does the activity relate to health services the trust is responsible for?"
    );
    let acts = wording::field(&s, "screening.activities").unwrap();
    assert!(
        acts.kind
            .options()
            .iter()
            .all(|(_, l)| !l.contains("commissioning")),
        "{:?}",
        acts.kind.options()
    );
    let icb = wording::field(&org(Body::Icb), "screening.relates_to_commissioning").unwrap();
    assert_eq!(
        icb.label,
        "Does the activity relate to commissioning responsibilities?"
    );
    assert!(icb.hint.unwrap().contains("ICB"));
}
