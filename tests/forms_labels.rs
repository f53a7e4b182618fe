//! The "Change" links of the check pages name their question out of
//! context, so each question's name is distinct within its section
//! (`forms::wording::distinct_label`; WCAG 2.4.4, link purpose).

use involve::forms::catalogue::{self, Section};
use involve::forms::wording;
use involve::model::{Body, RulesetId, Screening};
use std::collections::HashMap;

fn screening(ruleset: RulesetId, body: Body) -> Screening {
    Screening {
        ruleset,
        body: Some(body),
        ..Screening::default()
    }
}

#[test]
fn the_two_step_3_details_are_named_by_the_question_they_belong_to() {
    let s = screening(RulesetId::Nhse2022, Body::Icb);
    let delivery = wording::field(&s, "screening.impact_delivery_detail").unwrap();
    let range = wording::field(&s, "screening.impact_range_detail").unwrap();
    assert_eq!(delivery.label, range.label, "the guidance's words, shared");
    assert_eq!(
        wording::distinct_label(&s, &delivery),
        "Explain your answer and provide further details (An impact on how services are delivered?)"
    );
    assert_eq!(
        wording::distinct_label(&s, &range),
        "Explain your answer and provide further details (An impact on the range of health services available?)"
    );
    // A label no other question shares is left as it is.
    let title = wording::field(&s, "b.title").unwrap();
    assert_eq!(wording::distinct_label(&s, &title), title.label);
}

#[test]
fn every_question_of_a_section_has_a_distinct_name_under_every_ruleset_and_organisation() {
    for ruleset in [RulesetId::Nhse2017, RulesetId::Nhse2022] {
        for body in [
            Body::Ccg,
            Body::NhsEngland,
            Body::Joint,
            Body::Icb,
            Body::NhsTrust,
        ] {
            let s = screening(ruleset, body);
            for section in Section::ALL {
                let mut seen: HashMap<String, &str> = HashMap::new();
                for f in catalogue::section_fields(section).filter(|f| wording::is_asked(&s, f.id))
                {
                    let name = wording::distinct_label(&s, &wording::apply(&s, f));
                    if let Some(other) = seen.insert(name.clone(), f.id) {
                        panic!("{ruleset:?} {body:?} {section:?}: {other} and {} are both named {name:?}", f.id);
                    }
                }
            }
        }
    }
}
