//! The field catalogue and access by field id.

use involve::forms::access::{self, get, is_answered, set, Value};
use involve::forms::catalogue::{
    self, field, fields, option_label, section_fields, Kind, Required, Section,
};
use involve::model::*;
use std::collections::HashSet;

/// A non-empty value of the right shape for a field's kind (the last option
/// for choices, so that it differs from the default).
fn sample(kind: Kind, id: &str) -> Value {
    match kind {
        Kind::Text | Kind::LongText => Value::Text(format!("text for {id}")),
        Kind::Email => Value::Text("a.person@nhs.net".into()),
        Kind::Date => Value::Date(DateInput::new("3", "4", "2017")),
        Kind::Radios(opts) => Value::Choice(Some(opts.last().unwrap().0.to_string())),
        Kind::Checkboxes(opts, _) => Value::Multi {
            values: opts.iter().map(|o| o.0.to_string()).collect(),
            none: false,
        },
        Kind::Milestones => Value::Milestones(vec![Milestone {
            what: "Launch".into(),
            date: DateInput::new("1", "5", "2017"),
        }]),
        Kind::Risks => Value::Risks(vec![Risk {
            risk: "Low turnout".into(),
            action: "Extra sessions".into(),
        }]),
    }
}

#[test]
fn every_field_round_trips_through_set_and_get() {
    for f in fields() {
        let mut a = Answers::default();
        let v = sample(f.kind, f.id);
        assert!(set(&mut a, f.id, v.clone()), "set {}", f.id);
        assert_eq!(get(&a, f.id), Some(v), "get {}", f.id);
        assert!(is_answered(&a, f.id), "answered {}", f.id);
        assert!(access::display(&a, f.id).is_some(), "display {}", f.id);
        // Setting one field touches no other field.
        for g in fields().iter().filter(|g| g.id != f.id) {
            assert!(!is_answered(&a, g.id), "setting {} answered {}", f.id, g.id);
        }
    }
}

#[test]
fn a_fresh_form_has_every_field_empty_and_unanswered() {
    let a = Answers::default();
    for f in fields() {
        assert_eq!(get(&a, f.id), Some(access::empty_value(f.kind)), "{}", f.id);
        assert!(!is_answered(&a, f.id), "{}", f.id);
        assert_eq!(access::display(&a, f.id), None, "{}", f.id);
    }
}

#[test]
fn every_option_of_every_field_can_be_set_and_read_back() {
    for f in fields() {
        for (value, _) in f.kind.options() {
            let mut a = Answers::default();
            let v = match f.kind {
                Kind::Radios(_) => Value::Choice(Some(value.to_string())),
                _ => Value::Multi {
                    values: vec![value.to_string()],
                    none: false,
                },
            };
            assert!(set(&mut a, f.id, v.clone()), "{} = {}", f.id, value);
            assert_eq!(get(&a, f.id), Some(v));
        }
    }
}

#[test]
fn set_refuses_unknown_ids_wrong_shapes_and_unknown_options() {
    let mut a = Answers::default();
    let cases: Vec<(&str, Value)> = vec![
        ("b.nonsense", Value::Text("x".into())),
        ("", Value::Text("x".into())),
        ("b.title", Value::Choice(Some("yes".into()))),
        ("b.title", Value::Date(DateInput::default())),
        ("screening.body", Value::Text("ccg".into())),
        ("screening.body", Value::Choice(Some("trust".into()))),
        (
            "screening.activities",
            Value::Multi {
                values: vec!["shopping".into()],
                none: false,
            },
        ),
        (
            "screening.activities",
            Value::Choice(Some("planning".into())),
        ),
        ("b.completed_by.date", Value::Text("1/1/2017".into())),
        ("c.timescales", Value::Risks(vec![])),
        ("c.risks[5].risk", Value::Text("too far".into())),
        ("c.risks[0].what", Value::Text("wrong column".into())),
        ("c.risks[x].risk", Value::Text("bad index".into())),
        ("c.timescales[0].date", Value::Text("wrong shape".into())),
    ];
    for (id, v) in cases {
        assert!(!set(&mut a, id, v.clone()), "{id} {v:?}");
    }
    assert_eq!(a, Answers::default(), "a refused set changes nothing");
}

#[test]
fn checkbox_values_are_stored_in_catalogue_order_without_repeats() {
    let mut a = Answers::default();
    let v = Value::Multi {
        values: vec!["operational".into(), "planning".into(), "planning".into()],
        none: false,
    };
    assert!(set(&mut a, "screening.activities", v));
    assert_eq!(
        a.screening.activities,
        vec![Activity::Planning, Activity::Operational]
    );
}

#[test]
fn the_exclusive_none_option_is_stored_in_its_own_flag() {
    let mut a = Answers::default();
    assert!(set(
        &mut a,
        "screening.patient_matters",
        Value::Multi {
            values: vec![],
            none: true
        }
    ));
    assert!(a.screening.no_patient_matters);
    assert!(is_answered(&a, "screening.patient_matters"));
    assert_eq!(
        access::display(&a, "screening.patient_matters").as_deref(),
        Some("None of these")
    );
}

#[test]
fn row_cells_can_be_set_read_and_appended_one_past_the_end() {
    let mut a = Answers::default();
    assert!(set(
        &mut a,
        "c.risks[0].risk",
        Value::Text("Low turnout".into())
    ));
    assert!(set(
        &mut a,
        "c.risks[0].action",
        Value::Text("Evening sessions".into())
    ));
    assert!(set(
        &mut a,
        "c.risks[1].action",
        Value::Text("Second".into())
    ));
    assert_eq!(a.c.risks.len(), 2);
    assert_eq!(
        get(&a, "c.risks[0].action"),
        Some(Value::Text("Evening sessions".into()))
    );
    assert_eq!(get(&a, "c.risks[2].risk"), None);
    assert!(set(
        &mut a,
        "c.timescales[0].date",
        Value::Date(DateInput::new("1", "2", "2017"))
    ));
    assert_eq!(a.c.timescales[0].date, DateInput::new("1", "2", "2017"));
    assert_eq!(
        catalogue::field_for_path("c.risks[1].action").map(|f| f.id),
        Some("c.risks")
    );
}

#[test]
fn display_uses_labels_and_dates_in_words() {
    let mut a = Answers::default();
    a.screening.body = Some(Body::Ccg);
    a.b.completed_by.date = DateInput::new("15", "3", "2017");
    a.b.signoff.date = DateInput::new("31", "2", "2017");
    a.screening.activities = vec![Activity::Planning, Activity::Proposals];
    a.c.timescales = vec![Milestone {
        what: "Launch".into(),
        date: DateInput::new("1", "5", "2017"),
    }];
    let cases = [
        ("screening.body", Some("A clinical commissioning group (CCG)")),
        ("b.completed_by.date", Some("15 March 2017")),
        ("b.signoff.date", Some("31/2/2017")),
        (
            "screening.activities",
            Some("Planning of the commissioning arrangements\nDeveloping or considering proposals for change"),
        ),
        ("c.timescales", Some("1 May 2017: Launch")),
        ("b.title", None),
    ];
    for (id, want) in cases {
        assert_eq!(access::display(&a, id).as_deref(), want, "{id}");
    }
}

#[test]
fn the_ids_named_in_the_brief_are_all_in_the_catalogue_once() {
    let mut seen = HashSet::new();
    for f in fields() {
        assert!(seen.insert(f.id), "duplicate {}", f.id);
    }
    let expected = [
        "screening.body",
        "screening.joint_model",
        "screening.function_holder",
        "screening.partner_bodies",
        "screening.respondent",
        "screening.joint_other_holders",
        "screening.lead_provider_trust",
        "screening.relates_to_commissioning",
        "screening.activities",
        "screening.impact_delivery",
        "screening.impact_delivery_detail",
        "screening.impact_range",
        "screening.impact_range_detail",
        "screening.impact_other",
        "screening.patient_matters",
        "screening.trust_special_administrator",
        "screening.urgent",
        "screening.urgency_ground",
        "screening.urgency_justification",
        "screening.public_interest",
        "screening.substantial_variation",
        "screening.previous_involvement",
        "screening.previous.summary",
        "screening.previous.same_proposal",
        "screening.previous.significant_changes",
        "screening.previous.still_relevant",
        "screening.previous.people_changed",
        "screening.previous.diversity_addressed",
        "screening.previous.new_information",
        "screening.previous.population_change",
        "screening.equality_need",
        "b.location",
        "b.title",
        "b.description",
        "b.objectives",
        "b.opinion",
        "b.opinion_reason",
        "b.existing_arrangements",
        "b.insight_use",
        "b.additional_required",
        "b.additional_approach",
        "b.fair_and_proportionate",
        "b.impact_use",
        "b.feedback",
        "b.ongoing_impact",
        "b.completed_by.name",
        "b.completed_by.job_title",
        "b.completed_by.email",
        "b.completed_by.team",
        "b.completed_by.date",
        "b.signoff_applies",
        "b.signoff.name",
        "b.signoff.job_title",
        "b.signoff.email",
        "b.signoff.team",
        "b.signoff.date",
        "b.equality.groups",
        "b.equality.evidence",
        "b.equality.due_regard",
        "b.equality.inequalities",
        "b.scrutiny.committee",
        "b.scrutiny.proposal_date",
        "b.scrutiny.comments_date",
        "b.scrutiny.decision_date",
        "b.scrutiny.notifiable",
        "b.scrutiny.notified_date",
        "b.scrutiny.call_in",
        "b.scrutiny.urgent_told_date",
        "b.scrutiny.urgent_reason",
        "c.date_produced",
        "c.project_lead",
        "c.background",
        "c.proposal",
        "c.key_messages",
        "c.target_audiences",
        "c.objectives",
        "c.budget",
        "c.methods",
        "c.timescales",
        "c.equality",
        "c.partners",
        "c.key_contacts",
        "c.risks",
        "c.evaluation",
        "c.feedback",
        "c.principles.voices",
        "c.principles.early",
        "c.principles.understand",
        "c.principles.excluded",
        "c.principles.partners",
        "c.principles.information",
        "c.principles.community",
        "c.principles.coproduction",
        "c.principles.redesign",
        "c.principles.learn",
    ];
    for id in expected {
        assert!(field(id).is_some(), "missing {id}");
    }
    assert_eq!(fields().len(), expected.len());
    assert_eq!(
        section_fields(Section::PlanC)
            .filter(|f| !f.id.starts_with("c.principles."))
            .count(),
        16,
        "Appendix C has sixteen headings"
    );
    assert_eq!(
        section_fields(Section::PlanC)
            .filter(|f| f.id.starts_with("c.principles."))
            .count(),
        10,
        "the ten principles of 2022"
    );
}

#[test]
fn fields_are_in_section_order_and_every_section_has_fields() {
    let order: Vec<Section> = fields().iter().map(|f| f.section).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    for s in Section::ALL {
        assert!(section_fields(s).count() > 0, "{s:?}");
        assert!(!s.title().is_empty() && !s.description().is_empty());
        assert_eq!(Section::from_slug(s.slug()), Some(s));
    }
    assert_eq!(Section::Screening.title(), "Screen for the legal duty");
    assert_eq!(Section::BStep1.title(), "Step 1: Describe the activity");
    assert_eq!(
        Section::PlanC.title(),
        "Appendix C: Communications and engagement plan"
    );
}

#[test]
fn labels_hints_and_messages_are_human_text_not_ids() {
    for f in fields() {
        for text in [f.label, f.missing].into_iter().chain(f.hint) {
            assert!(!text.is_empty(), "{}", f.id);
            assert!(
                !text.contains('_') && !text.starts_with("b.") && !text.starts_with("c."),
                "{}: {text}",
                f.id
            );
            assert!(!text.contains("screening."), "{}: {text}", f.id);
        }
        assert!(!f.missing.ends_with('.'), "{}", f.id);
        for word in ["please", "valid", "required"] {
            assert!(
                !f.missing.to_lowercase().contains(word),
                "{}: {}",
                f.id,
                f.missing
            );
            assert!(!f.label.to_lowercase().contains("please"), "{}", f.id);
        }
        assert!(
            f.missing.starts_with("Enter")
                || f.missing.starts_with("Select")
                || f.missing.starts_with("Explain")
                || f.missing.starts_with("Describe"),
            "{}",
            f.id
        );
        for (value, label) in f.kind.options() {
            assert_eq!(option_label(f.id, value), Some(*label));
            assert!(!label.contains('_'), "{}: {label}", f.id);
        }
        if let Kind::Checkboxes(_, Some(none)) = f.kind {
            assert_eq!(option_label(f.id, none), Some("None of these"));
        }
    }
}

#[test]
fn conditional_fields_depend_on_an_earlier_field_and_a_real_option() {
    for f in fields() {
        if let Required::When(other, value) = f.required {
            let pos = |id: &str| fields().iter().position(|g| g.id == id).unwrap();
            let controller =
                field(other).unwrap_or_else(|| panic!("{} depends on unknown {other}", f.id));
            assert!(pos(other) < pos(f.id), "{} before its controller", f.id);
            // Offered by the catalogue, or (a question added with a later
            // ruleset) by the ruleset that asks it.
            let s2022 = involve::model::Screening {
                ruleset: involve::model::RulesetId::Nhse2022,
                ..Default::default()
            };
            assert!(
                option_label(other, value).is_some()
                    || involve::forms::wording::option_label(&s2022, other, value).is_some(),
                "{}: {other}={value}",
                f.id
            );
            assert_eq!(f.shown_when(), Some((controller.id, value)));
        }
    }
}

#[test]
fn the_guidance_wording_is_kept_where_the_brief_names_it() {
    let label = |id| field(id).unwrap().label;
    let hint = |id| field(id).unwrap().hint.unwrap_or("");
    assert_eq!(
        label("screening.impact_delivery"),
        "An impact on how services are delivered?"
    );
    assert_eq!(
        label("screening.impact_delivery_detail"),
        "Explain your answer and provide further details"
    );
    assert_eq!(
        label("b.opinion"),
        "Does the legal duty apply to the activity in your opinion?"
    );
    assert_eq!(
        label("b.signoff_applies"),
        "Do senior sign-off arrangements apply?"
    );
    assert!(hint("b.title").starts_with("Possible examples - procurement of a new service"));
    assert!(hint("screening.relates_to_commissioning").contains("podiatry"));
    assert!(hint("screening.relates_to_commissioning").contains("administrative offices"));
    assert_eq!(
        hint("c.key_messages"),
        "Remember the need to manage expectations. What can people influence/not influence?"
    );
    assert_eq!(
        option_label("screening.body", "joint"),
        Some("A co-commissioning or devolution arrangement")
    );
    assert!(catalogue::option_hint("screening.activities", "planning")
        .unwrap()
        .contains("diabetes"));
}

#[test]
fn option_codes_are_the_json_names_of_the_model_enums() {
    fn check<T: access::Code + serde::Serialize>() {
        for v in T::ALL {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::Value::String(v.code().into())
            );
        }
    }
    check::<YesNo>();
    check::<Body>();
    check::<JointModel>();
    check::<FunctionHolder>();
    check::<Activity>();
    check::<PatientMatter>();
    check::<UrgencyGround>();
    check::<PublicInterest>();
}

mod never_panics {
    use super::*;
    use involve::forms::dates::parse_date;
    fn validate(a: &Answers, today: Ymd) -> involve::forms::Report {
        involve::forms::Derived::new(a, today).report
    }
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_typed_date_is_checked_without_panicking(d in ".{0,6}", m in ".{0,6}", y in ".{0,6}") {
            let input = DateInput::new(&d, &m, &y);
            let _ = parse_date(&input);
            let mut a = Answers::default();
            a.b.completed_by.date = input.clone();
            a.c.timescales = vec![Milestone { what: "x".into(), date: input }];
            let _ = validate(&a, Ymd { year: 2017, month: 6, day: 30 });
        }

        #[test]
        fn any_id_and_text_can_be_set_without_panicking(id in "[a-z_.\\[\\]0-9]{0,30}", text in ".{0,20}") {
            let mut a = Answers::default();
            let _ = set(&mut a, &id, Value::Text(text.clone()));
            let _ = get(&a, &id);
            let _ = access::display(&a, &id);
            for f in fields() {
                let _ = set(&mut a, f.id, Value::Text(text.clone()));
                let _ = set(&mut a, f.id, Value::Choice(Some(text.clone())));
            }
            let _ = validate(&a, Ymd { year: 2017, month: 6, day: 30 });
        }
    }
}

#[test]
fn screening_sub_headings_group_whose_duty_the_three_steps_and_special_circumstances() {
    use involve::forms::catalogue::{heading_before, section_fields};
    use involve::forms::Section;
    let headings: Vec<(&str, &str)> = section_fields(Section::Screening)
        .filter_map(|f| heading_before(f.id).map(|h| (f.id, h)))
        .collect();
    assert_eq!(
        headings,
        [
            ("screening.body", "Whose duty it is"),
            ("screening.relates_to_commissioning", "The three-step test"),
            (
                "screening.trust_special_administrator",
                "Special circumstances"
            ),
        ]
    );
}
