//! Validation of the screening, Appendix B and Appendix C: one fully
//! completed form that has no problems, then single changes to it, each
//! producing exactly the expected issues.

use involve::forms::access::{self, Value};
use involve::forms::catalogue::{fields, Section};
use involve::forms::validate::Severity;
use involve::forms::{Derived, Report};

/// The whole document's report, as every page reads it.
fn validate(a: &Answers, today: Ymd) -> Report {
    Derived::new(a, today).report
}

/// One page's issues: what Save and continue shows.
fn validate_section(a: &Answers, section: Section, today: Ymd) -> Report {
    Report {
        issues: Derived::new(a, today)
            .section_issues(section)
            .cloned()
            .collect(),
    }
}
use involve::model::*;

mod support;
use support::{complete_answers, TODAY};

fn issues(a: &Answers) -> Vec<(String, &'static str)> {
    validate(a, TODAY)
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn owned(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    v.iter().map(|(p, c)| (p.to_string(), *c)).collect()
}

#[test]
fn the_complete_fixture_has_no_issues_at_all() {
    let report = validate(&complete_answers(), TODAY);
    assert_eq!(report.issues, vec![], "{:#?}", report.issues);
    assert!(report.is_complete());
}

type Mutation = fn(&mut Answers);
/// (behaviour, change to the complete form, expected (path, code)).
type Case = (&'static str, Mutation, Vec<(&'static str, &'static str)>);

/// One rule per row: (behaviour, change to the complete form, expected (path, code)).
fn cases() -> Vec<Case> {
    vec![
        (
            "title is needed",
            |a| a.b.title.clear(),
            vec![("b.title", "missing")],
        ),
        (
            "whitespace is not an answer",
            |a| a.b.location = "   ".into(),
            vec![("b.location", "missing")],
        ),
        (
            "key objectives are optional",
            |a| a.b.objectives.clear(),
            vec![],
        ),
        (
            "other impact is optional",
            |a| a.screening.impact_other.clear(),
            vec![],
        ),
        (
            "body is needed",
            |a| a.screening.body = None,
            vec![("screening.body", "missing")],
        ),
        (
            "a joint arrangement needs its model, function holder and partners",
            |a| a.screening.body = Some(Body::Joint),
            vec![
                ("screening.joint_model", "missing"),
                ("screening.function_holder", "missing"),
                ("screening.partner_bodies", "missing"),
            ],
        ),
        (
            "step 1 is needed",
            |a| a.screening.relates_to_commissioning = None,
            vec![("screening.relates_to_commissioning", "missing")],
        ),
        (
            "activity types are needed when the activity relates to commissioning",
            |a| a.screening.activities.clear(),
            vec![("screening.activities", "missing")],
        ),
        (
            "none of these and an activity type cannot both be ticked",
            |a| a.screening.no_activity_type = true,
            vec![("screening.activities", "none_and_options")],
        ),
        (
            "an impact answered yes needs an explanation",
            |a| a.screening.impact_delivery_detail.clear(),
            vec![("screening.impact_delivery_detail", "missing")],
        ),
        (
            "the range impact answered yes needs an explanation",
            |a| a.screening.impact_range = Some(YesNo::Yes),
            vec![("screening.impact_range_detail", "missing")],
        ),
        (
            "an explanation under a No is kept and not checked",
            |a| {
                a.screening.impact_delivery = Some(YesNo::No);
                a.screening.impact_range = Some(YesNo::Yes);
                a.screening.impact_range_detail = "Fewer services".into();
            },
            vec![],
        ),
        (
            "patient matters are needed, or none of these",
            |a| a.screening.patient_matters.clear(),
            vec![("screening.patient_matters", "missing")],
        ),
        (
            "urgency needs a ground and a justification",
            |a| a.screening.urgent = Some(YesNo::Yes),
            vec![
                ("screening.urgency_ground", "missing"),
                ("screening.urgency_justification", "missing"),
            ],
        ),
        (
            "a previous exercise needs the guidance's review questions",
            |a| a.screening.previous_involvement = Some(YesNo::Yes),
            vec![
                ("screening.previous.summary", "missing"),
                ("screening.previous.same_proposal", "missing"),
                ("screening.previous.significant_changes", "missing"),
                ("screening.previous.still_relevant", "missing"),
                ("screening.previous.people_changed", "missing"),
                ("screening.previous.diversity_addressed", "missing"),
                ("screening.previous.new_information", "missing"),
                ("screening.previous.population_change", "missing"),
            ],
        ),
        (
            "public interest needs an answer",
            |a| a.screening.no_public_interest = false,
            vec![("screening.public_interest", "missing")],
        ),
        (
            "equality need is asked",
            |a| a.screening.equality_need = None,
            vec![("screening.equality_need", "missing")],
        ),
        (
            "the opinion is asked",
            |a| a.b.opinion = None,
            vec![("b.opinion", "missing")],
        ),
        (
            "the opinion needs a reason",
            |a| a.b.opinion_reason.clear(),
            vec![("b.opinion_reason", "missing")],
        ),
        (
            "step 4(a) is needed when additional arrangements are needed",
            |a| a.b.additional_approach.clear(),
            vec![("b.additional_approach", "missing")],
        ),
        (
            "step 3(a) is needed",
            |a| a.b.existing_arrangements.clear(),
            vec![("b.existing_arrangements", "missing")],
        ),
        (
            "step 5(c) is needed",
            |a| a.b.ongoing_impact.clear(),
            vec![("b.ongoing_impact", "missing")],
        ),
        (
            "the completing person's email must look like an email address",
            |a| a.b.completed_by.email = "sam.patel at nhs.net".into(),
            vec![("b.completed_by.email", "email_format")],
        ),
        (
            "the sign-off email must look like an email address",
            |a| a.b.signoff.email = "alex@nhs".into(),
            vec![("b.signoff.email", "email_format")],
        ),
        (
            "31 February is not a real date",
            |a| a.b.completed_by.date = DateInput::new("31", "2", "2017"),
            vec![("b.completed_by.date", "date_not_real")],
        ),
        (
            "month 13 is not a real date",
            |a| a.b.completed_by.date = DateInput::new("1", "13", "2017"),
            vec![("b.completed_by.date", "date_not_real")],
        ),
        (
            "year 0 is not a real date",
            |a| a.b.completed_by.date = DateInput::new("1", "1", "0"),
            vec![("b.completed_by.date", "date_not_real")],
        ),
        (
            "letters are not a real date",
            |a| a.b.completed_by.date = DateInput::new("1st", "May", "2017"),
            vec![("b.completed_by.date", "date_not_real")],
        ),
        (
            "a date without a month is incomplete",
            |a| a.b.completed_by.date = DateInput::new("1", "", "2017"),
            vec![("b.completed_by.date", "date_incomplete")],
        ),
        (
            "a blank completion date is missing",
            |a| a.b.completed_by.date = DateInput::default(),
            vec![("b.completed_by.date", "missing")],
        ),
        (
            "completion cannot be in the future",
            |a| {
                a.b.completed_by.date = DateInput::new("1", "7", "2017");
                a.b.signoff.date = DateInput::new("2", "7", "2017");
            },
            vec![
                ("b.completed_by.date", "date_in_future"),
                ("b.signoff.date", "date_in_future"),
            ],
        ),
        (
            "today is not the future",
            |a| a.b.signoff.date = DateInput::new("30", "6", "2017"),
            vec![],
        ),
        (
            "sign-off cannot be before completion",
            |a| a.b.signoff.date = DateInput::new("30", "4", "2017"),
            vec![("b.signoff.date", "signoff_before_completion")],
        ),
        (
            "sign-off on the day of completion is fine",
            |a| a.b.signoff.date = DateInput::new("1", "5", "2017"),
            vec![],
        ),
        (
            "the sign-off block is needed when sign-off applies",
            |a| a.b.signoff = Person::default(),
            vec![
                ("b.signoff.name", "missing"),
                ("b.signoff.job_title", "missing"),
                ("b.signoff.email", "missing"),
                ("b.signoff.team", "missing"),
                ("b.signoff.date", "missing"),
            ],
        ),
        (
            "the sign-off block is not checked when sign-off does not apply",
            |a| {
                a.b.signoff_applies = Some(YesNo::No);
                a.b.signoff.email = "not an email".into();
            },
            vec![],
        ),
        (
            "a risk needs its mitigating action",
            |a| {
                a.c.risks.push(Risk {
                    risk: "Bad weather".into(),
                    action: " ".into(),
                })
            },
            vec![("c.risks[1].action", "risk_action_missing")],
        ),
        (
            "an action needs its risk",
            |a| {
                a.c.risks.push(Risk {
                    risk: "".into(),
                    action: "Online option".into(),
                })
            },
            vec![("c.risks[1].risk", "risk_missing")],
        ),
        (
            "blank risk rows are ignored",
            |a| a.c.risks.push(Risk::default()),
            vec![],
        ),
        ("risks are optional", |a| a.c.risks.clear(), vec![]),
        (
            "a milestone needs a date",
            |a| a.c.timescales[1].date = DateInput::default(),
            vec![("c.timescales[1].date", "milestone_date_missing")],
        ),
        (
            "a milestone needs a description",
            |a| a.c.timescales[0].what.clear(),
            vec![("c.timescales[0].what", "milestone_what_missing")],
        ),
        (
            "a milestone needs a real date",
            |a| a.c.timescales[0].date = DateInput::new("31", "6", "2017"),
            vec![("c.timescales[0].date", "date_not_real")],
        ),
        (
            "milestones out of date order are a warning",
            |a| a.c.timescales.swap(0, 1),
            vec![("c.timescales[1].date", "milestones_out_of_order")],
        ),
        (
            "the plan needs at least one milestone",
            |a| a.c.timescales.clear(),
            vec![("c.timescales", "missing")],
        ),
        (
            "the plan needs key messages",
            |a| a.c.key_messages.clear(),
            vec![("c.key_messages", "missing")],
        ),
        (
            "the plan date cannot be in the future",
            |a| a.c.date_produced = DateInput::new("1", "8", "2017"),
            vec![("c.date_produced", "date_in_future")],
        ),
        (
            "budget, partners and key contacts are optional",
            |a| {
                a.c.budget.clear();
                a.c.partners.clear();
                a.c.key_contacts.clear();
            },
            vec![],
        ),
        (
            "patient matters with no impact on services is a warning",
            |a| {
                a.screening.impact_delivery = Some(YesNo::No);
                a.screening.impact_range = Some(YesNo::No);
            },
            vec![(
                "screening.patient_matters",
                "patient_matters_without_impact",
            )],
        ),
        (
            "an opinion that the duty does not apply to planning contradicts the verdict",
            |a| a.b.opinion = Some(YesNo::No),
            vec![("b.opinion", "opinion_contradicts_verdict")],
        ),
        (
            "a plan is expected when the duty applies and additional arrangements are needed",
            |a| a.c = AppendixC::default(),
            vec![("c", "plan_expected")],
        ),
        (
            "no plan is expected when no additional arrangements are needed",
            |a| {
                a.c = AppendixC::default();
                a.b.additional_required = Some(YesNo::No);
                a.b.additional_approach.clear();
            },
            vec![],
        ),
    ]
}

#[test]
fn each_single_change_gives_exactly_the_expected_issues() {
    let mut failures = Vec::new();
    for (behaviour, mutate, expected) in cases() {
        let mut a = complete_answers();
        mutate(&mut a);
        let got = issues(&a);
        if got != owned(&expected) {
            failures.push(format!("{behaviour}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn an_opinion_that_the_duty_applies_when_it_does_not_is_a_warning() {
    let mut a = complete_answers();
    a.screening.relates_to_commissioning = Some(YesNo::No);
    a.b.additional_required = Some(YesNo::No);
    a.b.additional_approach.clear();
    a.c = AppendixC::default();
    let report = validate(&a, TODAY);
    assert_eq!(
        issues(&a),
        owned(&[("b.opinion", "opinion_contradicts_verdict")])
    );
    assert!(report.is_complete(), "a warning does not block completion");
    assert_eq!(report.warnings().count(), 1);
}

#[test]
fn steps_3_to_5_are_asked_for_even_when_the_duty_does_not_apply() {
    let mut a = complete_answers();
    a.screening.relates_to_commissioning = Some(YesNo::No);
    a.b.opinion = Some(YesNo::No);
    a.b.existing_arrangements.clear();
    a.b.fair_and_proportionate.clear();
    a.b.feedback.clear();
    let report = validate(&a, TODAY);
    let missing: Vec<_> = report.errors().collect();
    assert_eq!(
        missing.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(),
        [
            "b.existing_arrangements",
            "b.fair_and_proportionate",
            "b.feedback"
        ]
    );
    for i in missing {
        assert!(
            i.message
                .contains("even when the legal duty does not apply"),
            "{i}"
        );
    }
}

#[test]
fn messages_follow_the_nhs_service_manual_wording() {
    let mut bad = complete_answers();
    bad.screening.body = Some(Body::Joint);
    bad.screening.urgent = Some(YesNo::Yes);
    bad.screening.previous_involvement = Some(YesNo::Yes);
    bad.screening.no_activity_type = true;
    bad.b.opinion = Some(YesNo::No);
    bad.b.completed_by.email = "nope".into();
    bad.b.completed_by.date = DateInput::new("31", "2", "2017");
    bad.b.signoff.date = DateInput::new("", "5", "");
    bad.c.timescales.push(Milestone {
        what: "".into(),
        date: DateInput::new("1", "1", "2017"),
    });
    bad.c.risks.push(Risk {
        risk: "x".into(),
        action: "".into(),
    });
    let mut started = Answers::default();
    started.c.budget = "£1".into();
    let mut all = Vec::new();
    for a in [Answers::default(), bad, started] {
        all.extend(validate(&a, TODAY).issues);
    }
    assert!(all.len() > 40, "{}", all.len());
    for i in &all {
        let lower = i.message.to_lowercase();
        for word in ["please", "valid", "invalid", "required"] {
            assert!(!lower.contains(word), "{i}");
        }
        assert!(!i.message.ends_with('.'), "{i}");
        assert!(i.message.chars().next().unwrap().is_uppercase(), "{i}");
        assert!(
            i.code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{i}"
        );
        assert!(
            !i.message.contains("b.") && !i.message.contains("screening."),
            "{i}"
        );
    }
}

#[test]
fn date_messages_name_the_date_and_the_missing_parts() {
    let cases = [
        (
            DateInput::new("31", "2", "2017"),
            "Date completed must be a real date",
        ),
        (
            DateInput::new("1", "", "2017"),
            "Date completed must include a month",
        ),
        (
            DateInput::new("", "5", ""),
            "Date completed must include a day and year",
        ),
        (
            DateInput::new("", "", "2017"),
            "Date completed must include a day and month",
        ),
        (
            DateInput::new("1", "7", "2017"),
            "Date completed must be today or in the past",
        ),
        (
            DateInput::new("29", "2", "2017"),
            "Date completed must be a real date",
        ),
        // Issue 21: a two-digit year is the problem, in GOV.UK's words
        // (behaviour changed deliberately: it was "must be a real date").
        (
            DateInput::new("1", "1", "17"),
            "Date completed must include a year with 4 numbers, for example 2017",
        ),
        (
            DateInput::new("30", "6", "25"),
            "Date completed must include a year with 4 numbers, for example 2017",
        ),
        (
            DateInput::new("1", "1", "0000"),
            "Date completed must be a real date",
        ),
        (
            DateInput::new("", "", ""),
            "Enter the date the form was completed",
        ),
    ];
    for (date, want) in cases {
        let mut a = complete_answers();
        a.b.completed_by.date = date.clone();
        a.b.signoff_applies = Some(YesNo::No);
        let r = validate(&a, TODAY);
        let got: Vec<&str> = r
            .for_path("b.completed_by.date")
            .map(|i| i.message.as_str())
            .collect();
        assert_eq!(got, [want], "{date:?}");
    }
    let mut leap = complete_answers();
    leap.b.completed_by.date = DateInput::new("29", "02", "2016");
    assert!(
        validate(&leap, TODAY).is_complete(),
        "29 February 2016 is a real date"
    );
}

#[test]
fn row_messages_name_the_row() {
    let mut a = complete_answers();
    a.c.risks.push(Risk {
        risk: "Bad weather".into(),
        action: "".into(),
    });
    let r = validate(&a, TODAY);
    assert_eq!(
        r.error_for("c.risks[1].action").unwrap().message,
        "Enter the mitigating action for risk 2"
    );
    assert_eq!(r.for_field("c.risks").count(), 1);
}

#[test]
fn an_empty_form_reports_every_always_needed_field_in_catalogue_order() {
    let r = validate(&Answers::default(), TODAY);
    let paths: Vec<&str> = r.issues.iter().map(|i| i.path.as_str()).collect();
    // The questions asked under the default ruleset (2017's): the 2022
    // records are not asked of a 2017 record.
    let blank = Answers::default();
    let always: Vec<&str> = involve::forms::wording::fields(&blank.screening)
        .filter(|f| f.required == involve::forms::Required::Always)
        .map(|f| f.id)
        .collect();
    assert!(fields().len() > always.len());
    assert_eq!(
        paths, always,
        "an empty form: every Always field, nothing from the unstarted plan"
    );
    assert!(r
        .issues
        .iter()
        .all(|i| i.code == "missing" && i.severity == Severity::Error));
}

#[test]
fn the_plan_is_checked_once_started_even_when_not_expected() {
    let mut a = Answers::default();
    a.c.budget = "£1,000".into();
    let plan: Vec<_> = validate_section(&a, Section::PlanC, TODAY)
        .issues
        .into_iter()
        .map(|i| i.path)
        .collect();
    assert_eq!(
        plan,
        [
            "c.date_produced",
            "c.project_lead",
            "c.background",
            "c.proposal",
            "c.key_messages",
            "c.target_audiences",
            "c.objectives",
            "c.methods",
            "c.timescales",
            "c.equality",
            "c.evaluation",
            "c.feedback"
        ]
    );
}

#[test]
fn validate_section_gives_only_that_pages_issues_and_all_sections_add_up() {
    let mut a = complete_answers();
    a.b.title.clear();
    a.b.signoff.date = DateInput::new("30", "4", "2017");
    a.c.key_messages.clear();
    let step1 = validate_section(&a, Section::BStep1, TODAY);
    assert_eq!(step1.codes(), ["missing"]);
    assert_eq!(step1.issues[0].path, "b.title");
    assert_eq!(
        validate_section(&a, Section::BSignOff, TODAY).codes(),
        ["signoff_before_completion"]
    );
    let total: usize = Section::ALL
        .iter()
        .map(|s| validate_section(&a, *s, TODAY).issues.len())
        .sum();
    assert_eq!(total, validate(&a, TODAY).issues.len());
}

#[test]
fn answers_set_through_access_are_validated_the_same() {
    let mut a = Answers::default();
    for f in fields() {
        if let Some(v) = access::get(&complete_answers(), f.id) {
            assert!(access::set(&mut a, f.id, v));
        }
    }
    assert_eq!(a, complete_answers());
    assert!(validate(&a, TODAY).issues.is_empty());
    // The reducer's way of setting an answer.
    assert!(access::set(&mut a, "b.title", Value::Text(String::new())));
    assert_eq!(issues(&a), owned(&[("b.title", "missing")]));
}
