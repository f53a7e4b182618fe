//! The 2022 law as ICBs, trusts and NHS England practise it (issue 17):
//! delegated primary care, urgent changes on safety grounds, scrutiny and
//! notification, NHS England's own wording and the equality duties.
//!
//! Each case is one the guidance or the statute names; each test cites where
//! its rule comes from, and the assertions check the citation the user sees.

use involve::model::{
    Activity, Body, FunctionHolder, JointModel, RulesetId, Screening, UrgencyGround, YesNo,
};
use involve::rules::{self, Assessment, DutyHolder, Limb, Node, Verdict};

use YesNo::{No, Yes};

fn org(body: Body, ruleset: RulesetId) -> Screening {
    Screening {
        ruleset,
        body: Some(body),
        relates_to_commissioning: Some(Yes),
        activities: vec![Activity::Operational],
        impact_delivery: Some(Yes),
        impact_range: Some(Yes),
        ..Screening::default()
    }
}

fn action<'a>(a: &'a Assessment, code: &str) -> &'a rules::Action {
    a.actions
        .iter()
        .find(|x| x.code == code)
        .unwrap_or_else(|| panic!("no action {code}: {:#?}", a.actions))
}

fn codes(a: &Assessment) -> Vec<&'static str> {
    a.actions.iter().map(|x| x.code).collect()
}

/// A delegated dental closure, as an ICB commissioning manager fills it in:
/// she answers "whose function is it?" with her own ICB. A delegation from
/// NHS England under s.65Z5 is NHS England's function (s.13Q), so the rules
/// reach a verdict, name the mistake, and address every action to the ICB
/// that completes the form: agree the approach with NHS England, give (not
/// seek) assurance.
#[test]
fn a_delegated_dental_closure_is_nhs_englands_duty_done_by_the_icb_whatever_she_answers() {
    for answered in [FunctionHolder::Icb, FunctionHolder::NhsEngland] {
        let s = Screening {
            joint_model: Some(JointModel::DelegatedToIcb),
            function_holder: Some(answered),
            partner_bodies: "NHS North Example Integrated Care Board".into(),
            ..org(Body::Joint, RulesetId::Nhse2022)
        };
        let a = rules::assess(&s);
        assert_eq!(a.verdict, Verdict::Applies, "{answered:?}\n{a:#?}");
        assert!(a.missing.is_empty());
        let d: Vec<_> = a
            .duties
            .iter()
            .map(|d| (d.holder, d.limb, d.form_required))
            .collect();
        assert_eq!(
            d,
            [(DutyHolder::NhsEngland, Limb::C, false)],
            "{answered:?}"
        );
        let body = a.reasons.iter().find(|r| r.node == Node::Body).unwrap();
        assert!(
            body.consequence
                .contains("the ICB completes the assessment and planning form"),
            "{}",
            body.consequence
        );
        // Agree with NHS England, never with her own ICB.
        let joint = action(&a, "establish_joint_arrangements");
        assert!(
            joint.text.contains("NHS England") && !joint.text.contains("North Example"),
            "{}",
            joint.text
        );
        // The ICB gives NHS England assurance; it does not seek it from itself.
        let assurance = action(&a, "seek_assurance_on_arrangements");
        assert!(
            assurance.text.starts_with("Give NHS England the assurance"),
            "{}",
            assurance.text
        );
        // NHS England's inequalities duty (s.13G) follows the function.
        let ineq = action(&a, "have_regard_to_inequalities_nhs_england");
        assert!(
            ineq.obligation && ineq.citation.contains("section 13G"),
            "{ineq:?}"
        );
        assert_eq!(
            a.has_action("check_whose_function"),
            answered == FunctionHolder::Icb,
            "{answered:?}"
        );
    }
}

/// A lead provider carries out an ICB's function: the function is the
/// ICB's (s.14Z45) whatever "whose function" says.
#[test]
fn a_lead_providers_work_is_the_icbs_function() {
    let s = Screening {
        joint_model: Some(JointModel::LeadProvider),
        function_holder: Some(FunctionHolder::NhsTrust),
        ..org(Body::Joint, RulesetId::Nhse2022)
    };
    let a = rules::assess(&s);
    assert_eq!(a.verdict, Verdict::Applies);
    assert_eq!(
        a.duties.iter().map(|d| d.holder).collect::<Vec<_>>(),
        [DutyHolder::Icb]
    );
    assert!(action(&a, "check_whose_function")
        .text
        .contains("integrated care board"));
}

/// Regulation 23(2) and (3) of SI 2013/218: a decision that has to be taken
/// without allowing time for consultation because of a risk to the safety or
/// welfare of patients or staff needs no prior consultation of the local
/// authority, which must be told at once of the decision and why. Schedule
/// 10A makes a reconfiguration notifiable only where regulation 23 requires
/// consultation (SI 2024/15, regulation 2), so such a change is not
/// notifiable. What to do now comes first.
#[test]
fn an_urgent_ward_closure_for_unsafe_staffing_tells_the_local_authority_at_once_and_is_not_notifiable(
) {
    for body in [Body::NhsTrust, Body::Icb, Body::NhsEngland] {
        let s = Screening {
            urgent: Some(Yes),
            urgency_ground: Some(UrgencyGround::RiskToSafety),
            urgency_justification: "Unsafe nurse staffing on the ward from Monday".into(),
            substantial_variation: Some(Yes),
            ..org(body, RulesetId::Nhse2022)
        };
        let a = rules::assess(&s);
        assert_eq!(a.verdict, Verdict::Applies, "{body:?}");
        assert!(a.urgent_safety);
        assert!(
            a.headline().contains("urgent on safety grounds"),
            "{}",
            a.headline()
        );
        let got = codes(&a);
        // Now: the local authority, a trust's commissioner, the people
        // affected, the record of why; then what happens next and a review.
        let mut now = vec!["notify_local_authority_of_urgent_decision"];
        if body == Body::NhsTrust {
            now.push("tell_commissioner_of_urgent_decision");
        }
        now.extend([
            "tell_people_affected_now",
            "record_urgency_justification",
            "involve_in_what_happens_next",
            "review_urgent_decision",
        ]);
        assert_eq!(&got[..now.len()], now, "{body:?}");
        assert!(
            !a.has_action("tell_commissioner_of_reconfiguration"),
            "{body:?}: nothing to notify"
        );
        for absent in [
            "consult_local_authority",
            "notify_reconfiguration",
            "start_early_and_feed_back",
        ] {
            assert!(!a.has_action(absent), "{body:?}: {absent}");
        }
        let tell = action(&a, "notify_local_authority_of_urgent_decision");
        assert!(
            tell.obligation && tell.citation.contains("Regulation 23(2) and (3)"),
            "{tell:?}"
        );
        let os = a
            .reasons
            .iter()
            .find(|r| r.node == Node::OverviewScrutiny)
            .unwrap();
        assert!(
            os.consequence.contains("not a notifiable reconfiguration"),
            "{}",
            os.consequence
        );
        let fair = action(&a, "decide_fair_and_proportionate");
        assert!(!fair.text.contains("formative stage"), "{}", fair.text);
        let outcome = a.reasons.last().unwrap();
        assert!(
            outcome.consequence.contains("urgent on safety grounds"),
            "{}",
            outcome.consequence
        );
    }
}

/// Urgency on any other ground, or without a substantial variation, keeps
/// regulation 23(1): consult first, and notify (ICBs and NHS England).
#[test]
fn urgency_that_is_not_a_safety_risk_still_needs_consultation_and_notification() {
    let s = Screening {
        urgent: Some(Yes),
        urgency_ground: Some(UrgencyGround::UrgentDevelopment),
        substantial_variation: Some(Yes),
        ..org(Body::Icb, RulesetId::Nhse2022)
    };
    let a = rules::assess(&s);
    assert!(!a.urgent_safety);
    assert!(a.has_action("consult_local_authority") && a.has_action("notify_reconfiguration"));
    assert!(!a.has_action("notify_local_authority_of_urgent_decision"));
    assert_eq!(a.headline(), "The legal duty to involve the public applies");
}

/// The 2017 ruleset keeps its records as they were made: the exemption is
/// not applied to them.
#[test]
fn a_2017_urgent_safety_record_assesses_as_it_did() {
    let s = Screening {
        urgent: Some(Yes),
        urgency_ground: Some(UrgencyGround::RiskToSafety),
        substantial_variation: Some(Yes),
        trust_special_administrator: Some(No),
        ..org(Body::Ccg, RulesetId::Nhse2017)
    };
    let a = rules::assess(&s);
    assert!(!a.urgent_safety);
    assert!(a.has_action("consult_local_authority"));
    assert!(!a.has_action("notify_local_authority_of_urgent_decision"));
}

/// s.13Q(1): "commissioning arrangements" are the arrangements NHS England
/// makes in the exercise of its functions, not only services it
/// commissions directly; s.13Q(2) covers carers and representatives since
/// section 10 of the Health and Care Act 2022.
#[test]
fn nhs_englands_reason_follows_section_13q_as_amended() {
    let a = rules::assess(&org(Body::NhsEngland, RulesetId::Nhse2022));
    let body = a.reasons.iter().find(|r| r.node == Node::Body).unwrap();
    assert!(
        body.consequence
            .contains("in the exercise of its functions"),
        "{}",
        body.consequence
    );
    assert!(
        body.consequence.contains("carers and representatives"),
        "{}",
        body.consequence
    );
    assert!(
        body.consequence.contains("Health and Care Act 2022"),
        "{}",
        body.consequence
    );
    assert!(
        !body.consequence.contains("commissions directly"),
        "{}",
        body.consequence
    );
}

/// The public sector equality duty is one of due regard (Equality Act 2010
/// s.149(1)): "must" for due regard, "consider" for engaging the groups.
#[test]
fn the_equality_duty_is_worded_as_due_regard_not_as_a_duty_to_engage() {
    let s = Screening {
        equality_need: Some(Yes),
        ..org(Body::NhsTrust, RulesetId::Nhse2022)
    };
    let a = rules::assess(&s);
    let engage = action(&a, "engage_groups_from_equality_analysis");
    assert!(
        !engage.obligation && engage.text.starts_with("Consider engaging"),
        "{engage:?}"
    );
    let regard = action(&a, "have_due_regard_to_equality");
    assert!(
        regard.obligation && regard.citation.contains("section 149(1)"),
        "{regard:?}"
    );
    // 2017 records keep their wording.
    let old = rules::assess(&Screening {
        equality_need: Some(Yes),
        trust_special_administrator: Some(No),
        ..org(Body::Ccg, RulesetId::Nhse2017)
    });
    assert!(action(&old, "engage_groups_from_equality_analysis").obligation);
    assert!(!old.has_action("have_due_regard_to_equality"));
}

/// s.242(1B): a trust's duty is "as respects health services for which it
/// is responsible". Every word a trust sees speaks of the services it
/// provides, never of commissioning (the organisation question's own options
/// name the other organisations, so they are left out).
#[test]
fn a_trust_never_sees_commissioning_words() {
    use involve::forms::wording;
    let s = org(Body::NhsTrust, RulesetId::Nhse2022);
    let mut seen = Vec::new();
    for f in wording::fields(&s) {
        if f.id == "screening.body"
            || f.id == "screening.joint_model"
            || f.id == "screening.function_holder"
        {
            continue;
        }
        let mut words = vec![
            f.label.to_string(),
            f.hint.unwrap_or("").to_string(),
            f.missing.to_string(),
        ];
        words.push(wording::section_description(&s, f.section).to_string());
        for (value, label) in f.kind.options() {
            words.push(label.to_string());
            words.extend(wording::option_hint(&s, f.id, value).map(str::to_string));
        }
        for w in words {
            if w.to_lowercase().contains("commission") {
                seen.push(format!("{}: {w}", f.id));
            }
        }
    }
    assert!(seen.is_empty(), "{}", seen.join("\n"));
}
