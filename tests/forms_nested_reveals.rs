//! A question revealed by a revealed question (the catalogue's
//! `Required::When` chains: body → joint-working model → the model's own
//! questions) applies only while every question above it applies. An answer
//! hidden by a changed earlier answer is kept (the NHS service manual: answers
//! are never cleared), but it is neither asked for, nor shown in print, the
//! review page or the documents, nor counted against completion.

use involve::forms::{access, catalogue, validate};
use involve::model::*;
use involve::rules::{self, DutyHolder};

use YesNo::{No, Yes};

fn today() -> Ymd {
    Ymd {
        year: 2026,
        month: 12,
        day: 5,
    }
}

fn joint(model: JointModel) -> Answers {
    Answers {
        screening: Screening {
            ruleset: RulesetId::Nhse2022,
            body: Some(Body::Joint),
            joint_model: Some(model),
            function_holder: Some(FunctionHolder::Icb),
            relates_to_commissioning: Some(Yes),
            activities: vec![Activity::Proposals],
            impact_delivery: Some(Yes),
            impact_range: Some(No),
            ..Screening::default()
        },
        ..Answers::default()
    }
}

fn field(id: &str) -> &'static catalogue::Field {
    catalogue::field(id).unwrap_or_else(|| panic!("no field {id}"))
}

fn missing(a: &Answers, id: &str) -> bool {
    involve::forms::Derived::new(a, today())
        .report
        .for_path(id)
        .any(|i| i.code == "missing")
}

/// (model chosen under "joint", question revealed by that model). Each row is
/// a second-level reveal of the s.65Z5/s.65Z6 questions.
const CHAINS: &[(JointModel, &str)] = &[
    (JointModel::JointCommittee, "screening.joint_other_holders"),
    (JointModel::LeadProvider, "screening.lead_provider_trust"),
];

#[test]
fn a_question_revealed_by_a_revealed_question_is_asked_while_the_chain_holds() {
    for &(model, id) in CHAINS {
        let a = joint(model);
        assert!(validate::is_live(&a, field(id)), "{id}");
        assert!(access::is_shown(field(id), &a), "{id}");
        assert!(missing(&a, id), "{id}: unanswered and live, so missing");
    }
}

#[test]
fn changing_the_body_away_from_joint_working_hides_the_models_questions() {
    for body in [Body::Icb, Body::NhsEngland, Body::NhsTrust] {
        for &(model, id) in CHAINS {
            let mut a = joint(model);
            a.screening.body = Some(body);
            // The model's answer is kept but no longer applies...
            assert!(!validate::is_live(&a, field("screening.joint_model")));
            // ...and neither does the question it revealed.
            assert!(!validate::is_live(&a, field(id)), "{body:?} {id}");
            assert!(!access::is_shown(field(id), &a), "{body:?} {id}");
            assert!(!missing(&a, id), "{body:?} {id}: hidden, never missing");
        }
    }
}

#[test]
fn a_hidden_answer_is_kept_and_counts_for_nothing() {
    let mut a = joint(JointModel::JointCommittee);
    a.screening.joint_other_holders = vec![FunctionHolder::NhsEngland];
    a.screening.body = Some(Body::Icb);
    // Kept: going back to joint working brings it back as it was.
    assert_eq!(
        a.screening.joint_other_holders,
        [FunctionHolder::NhsEngland]
    );
    // Counts for nothing: an ICB's own function gives the ICB's duty alone
    // (s.14Z45), not NHS England's beside it.
    let r = rules::assess(&a.screening);
    let holders: Vec<_> = r.duties.iter().map(|d| d.holder).collect();
    assert!(!holders.contains(&DutyHolder::NhsEngland), "{holders:?}");
    a.screening.body = Some(Body::Joint);
    assert!(access::is_shown(field("screening.joint_other_holders"), &a));
}

#[test]
fn every_second_level_reveal_in_the_catalogue_follows_its_parent() {
    // Whatever chains the catalogue grows: the parent given the value that
    // reveals the question, but the parent itself not revealed (its own
    // controlling question unanswered), leaves the question hidden.
    let mut seen = 0;
    for f in catalogue::fields() {
        let Some((parent, value)) = f.shown_when() else {
            continue;
        };
        if field(parent).shown_when().is_none() {
            continue;
        }
        let mut a = Answers::default();
        let given = match access::get(&a, parent) {
            Some(access::Value::Choice(_)) => access::Value::Choice(Some(value.into())),
            Some(access::Value::Multi { .. }) => access::Value::Multi {
                values: vec![value.into()],
                none: false,
            },
            other => panic!("{parent}: {other:?}"),
        };
        assert!(access::set(&mut a, parent, given), "{parent}");
        assert!(!validate::is_live(&a, f), "{}", f.id);
        assert!(!access::is_shown(f, &a), "{}", f.id);
        seen += 1;
    }
    assert!(seen >= CHAINS.len(), "{seen} second-level reveals");
}
