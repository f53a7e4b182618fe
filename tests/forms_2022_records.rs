//! The records the 2022 law asks for beside the verdict (issue 17): the
//! scrutiny and notification record (regulation 23 of SI 2013/218 and
//! Schedule 10A to the NHS Act 2006), equality and health inequalities
//! (Equality Act 2010 s.149; NHS Act 2006 s.14Z35 and s.13G), the ten
//! principles of the 2022 guidance in the plan, and the joint-working
//! questions (s.65Z5, s.65Z6, s.242(1B)).
//!
//! A 2017 record is asked none of them.

use involve::forms::catalogue::Section;
use involve::forms::{progress, wording};
use involve::model::*;
use involve::rules::{self, DutyHolder, Verdict};

use YesNo::{No, Yes};

fn today() -> Ymd {
    Ymd {
        year: 2026,
        month: 12,
        day: 4,
    }
}

fn date(d: &str, m: &str, y: &str) -> DateInput {
    DateInput::new(d, m, y)
}

fn answers(ruleset: RulesetId, body: Body) -> Answers {
    Answers {
        screening: Screening {
            ruleset,
            body: Some(body),
            relates_to_commissioning: Some(Yes),
            activities: vec![Activity::Proposals],
            impact_delivery: Some(Yes),
            impact_range: Some(No),
            trust_special_administrator: Some(No),
            ..Screening::default()
        },
        ..Answers::default()
    }
}

fn codes_for(a: &Answers, path: &str) -> Vec<&'static str> {
    involve::forms::Derived::new(a, today())
        .report
        .for_path(path)
        .map(|i| i.code)
        .collect()
}

#[test]
fn the_2022_records_are_never_asked_of_a_2017_record() {
    let mut a = answers(RulesetId::Nhse2017, Body::Ccg);
    a.screening.substantial_variation = Some(Yes);
    for section in [Section::Equality, Section::Scrutiny] {
        assert!(
            !wording::section_asked(&a.screening, section),
            "{section:?}"
        );
        assert!(!progress::applies(&a, section), "{section:?}");
    }
    for id in [
        "screening.respondent",
        "screening.joint_other_holders",
        "c.principles.voices",
        "b.equality.groups",
    ] {
        assert!(!wording::is_asked(&a.screening, id), "{id}");
    }
    let report = involve::forms::Derived::new(&a, today()).report;
    assert!(report
        .issues
        .iter()
        .all(|i| !i.path.starts_with("b.equality") && !i.path.starts_with("b.scrutiny")));
}

#[test]
fn equality_and_health_inequalities_is_a_standing_part_of_every_2022_assessment() {
    for body in [Body::Icb, Body::NhsTrust, Body::NhsEngland] {
        let a = answers(RulesetId::Nhse2022, body);
        assert!(progress::applies(&a, Section::Equality), "{body:?}");
        assert!(progress::counts(&a, Section::Equality, false));
        for id in [
            "b.equality.groups",
            "b.equality.evidence",
            "b.equality.due_regard",
            "b.equality.inequalities",
        ] {
            assert_eq!(codes_for(&a, id), ["missing"], "{body:?} {id}");
        }
    }
}

#[test]
fn the_scrutiny_record_is_asked_only_for_a_substantial_development_or_variation() {
    let mut a = answers(RulesetId::Nhse2022, Body::Icb);
    assert!(!progress::applies(&a, Section::Scrutiny));
    assert!(codes_for(&a, "b.scrutiny.committee").is_empty());
    a.screening.substantial_variation = Some(Yes);
    assert!(progress::applies(&a, Section::Scrutiny));
    // Regulation 23(1) and (4): consultation, its dates, and notification.
    for id in [
        "b.scrutiny.committee",
        "b.scrutiny.proposal_date",
        "b.scrutiny.comments_date",
        "b.scrutiny.decision_date",
        "b.scrutiny.notifiable",
    ] {
        assert_eq!(codes_for(&a, id), ["missing"], "{id}");
    }
    for id in [
        "b.scrutiny.urgent_told_date",
        "b.scrutiny.urgent_reason",
        "b.scrutiny.notified_date",
        "b.scrutiny.call_in",
    ] {
        assert!(codes_for(&a, id).is_empty(), "{id}");
    }
}

#[test]
fn an_urgent_safety_decision_records_when_the_local_authority_was_told_and_why_not_consulted() {
    // Regulation 23(2) and (3) of SI 2013/218.
    let mut a = answers(RulesetId::Nhse2022, Body::NhsTrust);
    a.screening.substantial_variation = Some(Yes);
    a.screening.urgent = Some(Yes);
    a.screening.urgency_ground = Some(UrgencyGround::RiskToSafety);
    for id in [
        "b.scrutiny.committee",
        "b.scrutiny.urgent_told_date",
        "b.scrutiny.urgent_reason",
    ] {
        assert_eq!(codes_for(&a, id), ["missing"], "{id}");
    }
    for id in [
        "b.scrutiny.proposal_date",
        "b.scrutiny.comments_date",
        "b.scrutiny.decision_date",
        "b.scrutiny.notifiable",
    ] {
        assert!(
            codes_for(&a, id).is_empty(),
            "{id}: not notifiable, no consultation"
        );
    }
}

#[test]
fn a_notifiable_reconfiguration_without_a_notification_date_is_incomplete() {
    let mut a = answers(RulesetId::Nhse2022, Body::Icb);
    a.screening.substantial_variation = Some(Yes);
    a.b.scrutiny.notifiable = Some(Yes);
    let report = involve::forms::Derived::new(&a, today()).report;
    let issue = report
        .error_for("b.scrutiny.notified_date")
        .expect("notified date missing");
    assert_eq!(
        issue.message,
        "Enter the date the Secretary of State was notified"
    );
    a.b.scrutiny.notifiable = Some(No);
    assert!(codes_for(&a, "b.scrutiny.notified_date").is_empty());
}

/// Contradictory answers are named warnings, never errors and never a
/// dropped answer: dates out of order, and a substantial variation with no
/// impact.
#[test]
fn dates_out_of_order_and_contradictions_are_named_warnings() {
    let mut a = answers(RulesetId::Nhse2022, Body::Icb);
    a.screening.substantial_variation = Some(Yes);
    a.b.scrutiny.proposal_date = date("1", "6", "2026");
    a.b.scrutiny.comments_date = date("1", "5", "2026");
    a.b.scrutiny.decision_date = date("1", "4", "2026");
    a.b.scrutiny.notifiable = Some(Yes);
    a.b.scrutiny.notified_date = date("1", "3", "2026");
    let report = involve::forms::Derived::new(&a, today()).report;
    for id in [
        "b.scrutiny.comments_date",
        "b.scrutiny.decision_date",
        "b.scrutiny.notified_date",
    ] {
        let w: Vec<_> = report
            .for_path(id)
            .filter(|i| !i.is_error())
            .map(|i| i.code)
            .collect();
        assert_eq!(w, ["date_order"], "{id}");
    }
    a.screening.impact_delivery = Some(No);
    a.screening.impact_range = Some(No);
    let report = involve::forms::Derived::new(&a, today()).report;
    let w: Vec<_> = report
        .for_path("screening.substantial_variation")
        .map(|i| (i.code, i.is_error()))
        .collect();
    assert_eq!(w, [("substantial_variation_without_impact", false)]);
    // The answers are all still there.
    assert_eq!(a.b.scrutiny.notified_date, date("1", "3", "2026"));
}

#[test]
fn planned_dates_may_be_in_the_future_but_done_ones_may_not() {
    let mut a = answers(RulesetId::Nhse2022, Body::Icb);
    a.screening.substantial_variation = Some(Yes);
    a.b.scrutiny.proposal_date = date("1", "1", "2027");
    a.b.scrutiny.comments_date = date("1", "2", "2027");
    a.b.scrutiny.decision_date = date("1", "3", "2027");
    assert_eq!(
        codes_for(&a, "b.scrutiny.proposal_date"),
        ["date_in_future"]
    );
    assert!(codes_for(&a, "b.scrutiny.comments_date").is_empty());
    assert!(codes_for(&a, "b.scrutiny.decision_date").is_empty());
}

#[test]
fn the_ten_principles_are_asked_in_a_2022_plan_once_it_is_started() {
    let mut a = answers(RulesetId::Nhse2022, Body::Icb);
    assert!(codes_for(&a, "c.principles.voices").is_empty());
    a.c.background = "Walk-in centre".into();
    let fields: Vec<_> = wording::section_fields(&a.screening, Section::PlanC)
        .filter(|f| f.id.starts_with("c.principles."))
        .collect();
    assert_eq!(fields.len(), 10);
    assert!(fields[0]
        .label
        .starts_with("Principle 1: Put the voices of people and communities at the centre"));
    for f in &fields {
        assert_eq!(codes_for(&a, f.id), ["missing"], "{}", f.id);
    }
}

/// s.65Z5 and s.65Z6: each organisation whose functions a joint committee
/// exercises keeps its own duty.
#[test]
fn a_joint_committee_of_an_icb_and_nhs_england_engages_both_duties() {
    let mut a = answers(RulesetId::Nhse2022, Body::Joint);
    a.screening.joint_model = Some(JointModel::JointCommittee);
    a.screening.function_holder = Some(FunctionHolder::Icb);
    a.screening.joint_other_holders = vec![FunctionHolder::NhsEngland];
    let r = rules::assess(&a.screening);
    assert_eq!(r.verdict, Verdict::Applies);
    let mut holders: Vec<_> = r.duties.iter().map(|d| d.holder).collect();
    holders.dedup();
    assert_eq!(holders, [DutyHolder::NhsEngland, DutyHolder::Icb]);
    // Without the others, as before the question was asked.
    a.screening.joint_other_holders.clear();
    let r = rules::assess(&a.screening);
    assert_eq!(
        r.duties.iter().map(|d| d.holder).collect::<Vec<_>>(),
        [DutyHolder::Icb]
    );
}

/// s.242(1B): a trust's duty is "as respects health services for which it is
/// responsible"; a lead provider that is a trust providing the services keeps
/// it beside the ICB's s.14Z45 duty.
#[test]
fn a_lead_provider_that_is_a_trust_providing_the_services_keeps_its_own_duty() {
    let mut a = answers(RulesetId::Nhse2022, Body::Joint);
    a.screening.joint_model = Some(JointModel::LeadProvider);
    a.screening.lead_provider_trust = Some(Yes);
    let r = rules::assess(&a.screening);
    let mut holders: Vec<_> = r.duties.iter().map(|d| d.holder).collect();
    holders.dedup();
    assert_eq!(holders, [DutyHolder::Icb, DutyHolder::NhsTrust]);
    a.screening.lead_provider_trust = Some(No);
    let r = rules::assess(&a.screening);
    assert_eq!(
        r.duties.iter().map(|d| d.holder).collect::<Vec<_>>(),
        [DutyHolder::Icb]
    );
}

/// Every action is addressed to the organisation completing the form.
#[test]
fn actions_are_addressed_to_the_organisation_the_person_works_for() {
    let text = |a: &Answers, code: &str| {
        rules::assess(&a.screening)
            .actions
            .into_iter()
            .find(|x| x.code == code)
            .map(|x| x.text)
            .unwrap_or_default()
    };
    let mut a = answers(RulesetId::Nhse2022, Body::Joint);
    a.screening.joint_model = Some(JointModel::DelegatedToIcb);
    a.screening.partner_bodies = "NHS North Example Integrated Care Board".into();
    // NHS England staff: they seek assurance from the ICB they named.
    a.screening.respondent = Some(FunctionHolder::NhsEngland);
    assert!(text(&a, "seek_assurance_on_arrangements").starts_with("Seek assurance"));
    assert!(text(&a, "establish_joint_arrangements").contains("North Example"));
    // ICB staff: they agree it with NHS England and give it assurance.
    a.screening.respondent = Some(FunctionHolder::Icb);
    assert!(text(&a, "seek_assurance_on_arrangements").starts_with("Give NHS England"));
    assert!(!text(&a, "establish_joint_arrangements").contains("North Example"));
    // A trust that is the lead provider: the ICB's function.
    a.screening.joint_model = Some(JointModel::LeadProvider);
    a.screening.respondent = Some(FunctionHolder::NhsTrust);
    let give = text(&a, "seek_assurance_on_arrangements");
    assert!(
        give.starts_with("Give the integrated care board (ICB) the assurance"),
        "{give}"
    );
}

/// Reassessing a 2017 record under the 2022 law keeps what the law kept: a
/// joint committee on NHS England's function engaged both NHS England's and
/// the CCG's duties, and keeps both (the ICB's in place of the CCG's); the
/// trust special administrator answer stays (s.14Z45(7) as s.14Z2(7)).
#[test]
fn reassessing_a_2017_joint_decision_keeps_both_duties_and_the_special_administrator_answer() {
    use involve::forms::reassess;
    let mut old = answers(RulesetId::Nhse2017, Body::Joint);
    old.screening.joint_model = Some(JointModel::JointDecisionMaking);
    old.screening.function_holder = Some(FunctionHolder::NhsEngland);
    old.screening.activities = vec![Activity::Operational];
    let before = rules::assess(&old.screening);
    let mut was: Vec<_> = before.duties.iter().map(|d| d.holder).collect();
    was.dedup();
    assert_eq!(was, [DutyHolder::Ccg, DutyHolder::NhsEngland]);
    let r = reassess::to_2022(&old, "Anytown CCG", "Anyshire ICB");
    let after = rules::assess(&r.answers.screening);
    let mut now: Vec<_> = after.duties.iter().map(|d| d.holder).collect();
    now.dedup();
    assert_eq!(now, [DutyHolder::NhsEngland, DutyHolder::Icb]);
    assert!(
        r.converted
            .iter()
            .any(|c| c.id == "screening.joint_other_holders"),
        "{:#?}",
        r.converted
    );
    assert_eq!(r.answers.screening.trust_special_administrator, Some(No));
    assert!(r
        .dropped
        .iter()
        .all(|c| c.id != "screening.trust_special_administrator"));

    // "Not required yet" stays "not required yet" for a commissioner.
    let mut tsa = answers(RulesetId::Nhse2017, Body::Ccg);
    tsa.screening.trust_special_administrator = Some(Yes);
    assert_eq!(
        rules::assess(&tsa.screening).verdict,
        Verdict::NotRequiredYet
    );
    let r = reassess::to_2022(&tsa, "", "");
    assert_eq!(
        rules::assess(&r.answers.screening).verdict,
        Verdict::NotRequiredYet
    );
}

/// A decision the rules cannot reach never sits beside "complete": a 2017
/// joint-working model in a 2022 file leaves the verdict undetermined, and
/// validation says which question the rules need.
#[test]
fn an_undetermined_decision_is_never_complete() {
    let mut a = answers(RulesetId::Nhse2022, Body::Joint);
    a.screening.joint_model = Some(JointModel::Delegated);
    a.screening.function_holder = Some(FunctionHolder::NhsEngland);
    assert_eq!(rules::assess(&a.screening).verdict, Verdict::Undetermined);
    let report = involve::forms::Derived::new(&a, today()).report;
    let issue = report
        .error_for("screening.joint_model")
        .expect("the model the rules need");
    assert!(
        issue.message.contains("the rules need it"),
        "{}",
        issue.message
    );
    let d = involve::forms::derived::Derived::new(&a, today());
    assert!(d.report.error_for("screening.joint_model").is_some());
    assert_ne!(
        d.status(Section::Screening),
        involve::forms::Status::Completed
    );
}

#[test]
fn the_call_in_question_is_not_asked_of_an_urgent_safety_change() {
    // A call-in direction (regulation 23(5A), Schedule 10A paragraph 3(1))
    // concerns a notifiable reconfiguration; an urgent change on safety
    // grounds is not one, as regulation 23 does not require consultation.
    let call_in = involve::forms::field("b.scrutiny.call_in").unwrap();
    let mut a = answers(RulesetId::Nhse2022, Body::NhsTrust);
    a.screening.substantial_variation = Some(Yes);
    assert!(
        involve::forms::access::is_shown(call_in, &a),
        "consultation"
    );
    a.screening.urgent = Some(Yes);
    a.screening.urgency_ground = Some(UrgencyGround::RiskToSafety);
    assert!(!involve::forms::access::is_shown(call_in, &a), "urgent");
    // Typed earlier, kept, and never checked while hidden.
    a.b.scrutiny.call_in = "A direction of 3 March".into();
    assert!(codes_for(&a, "b.scrutiny.call_in").is_empty());
    assert_eq!(a.b.scrutiny.call_in, "A direction of 3 March");
}
