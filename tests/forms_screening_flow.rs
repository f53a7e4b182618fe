//! Screening one question page at a time (issue 21): the three-step test in
//! the guidance's order (Appendix A, then Action 5 Steps 1 to 3, then the
//! special circumstances), branching so that no page with nothing to ask is
//! shown, and resuming where the person stopped. Presentation only: the
//! answers keep their shape.

use involve::forms::catalogue::{self, Section};
use involve::forms::derived::Derived;
use involve::forms::screening_flow::{self as flow, PAGES};
use involve::forms::wording;
use involve::model::*;

use YesNo::{No, Yes};

fn today() -> Ymd {
    Ymd {
        year: 2026,
        month: 12,
        day: 5,
    }
}

fn slugs(a: &Answers) -> Vec<&'static str> {
    flow::pages(a).map(|p| PAGES[p].slug).collect()
}

fn answers(ruleset: RulesetId, body: Option<Body>) -> Answers {
    let mut a = Answers::default();
    a.screening.ruleset = ruleset;
    a.screening.body = body;
    a
}

fn resume(a: &Answers) -> Option<&'static str> {
    let d = Derived::new(a, today());
    let issues: Vec<_> = d.section_issues(Section::Screening).cloned().collect();
    flow::resume(a, &issues).map(|p| PAGES[p].slug)
}

#[test]
fn every_screening_question_is_on_exactly_one_page_and_nothing_else_is() {
    for f in catalogue::section_fields(Section::Screening) {
        let on = PAGES.iter().filter(|p| p.fields.contains(&f.id)).count();
        assert_eq!(on, 1, "{} is on {on} pages", f.id);
    }
    for p in PAGES {
        for id in p.fields {
            let f = catalogue::field(id).unwrap_or_else(|| panic!("{}: no field {id}", p.slug));
            assert_eq!(f.section, Section::Screening, "{id}");
        }
    }
}

#[test]
fn pages_keep_the_catalogues_question_order() {
    // Walking the pages asks the questions in the order the guidance and the
    // print view give them.
    let walked: Vec<_> = PAGES
        .iter()
        .flat_map(|p| p.fields.iter().copied())
        .collect();
    let catalogue: Vec<_> = catalogue::section_fields(Section::Screening)
        .map(|f| f.id)
        .collect();
    let mut sorted = walked.clone();
    sorted.sort_by_key(|id| catalogue.iter().position(|c| c == id));
    // Only the joint-working page may reorder within itself (the model first,
    // then the questions it reveals, then the rest).
    let outside = |v: &[&str]| -> Vec<String> {
        v.iter()
            .filter(|id| flow::page_of(id) != flow::page("joint-working"))
            .map(|s| s.to_string())
            .collect()
    };
    assert_eq!(outside(&walked), outside(&sorted));
}

/// The branches, from the guidance's own examples: joint working only under a
/// co-commissioning or devolution arrangement (Appendix A); Step 2 only when
/// the activity relates to commissioning (Action 5, Step 1); the previous
/// exercise's details only when there was one; the trust special
/// administrator question only where the ruleset asks it.
#[test]
fn pages_branch_as_the_questions_do() {
    let cases: &[(&str, Answers, &[&str], &[&str])] = &[
        (
            "a new 2022 assessment",
            answers(RulesetId::Nhse2022, None),
            &[
                "organisation",
                "relates",
                "impact",
                "patients",
                "urgency",
                "equality",
            ],
            &["joint-working", "activity", "previous-involvement-details"],
        ),
        (
            "joint working",
            answers(RulesetId::Nhse2022, Some(Body::Joint)),
            &["organisation", "joint-working", "relates"],
            &["activity"],
        ),
        (
            "a 2017 CCG record",
            answers(RulesetId::Nhse2017, Some(Body::Ccg)),
            &["organisation", "special-administrator", "relates"],
            &["joint-working"],
        ),
    ];
    for (name, a, has, lacks) in cases {
        let got = slugs(a);
        for s in *has {
            assert!(got.contains(s), "{name}: {s} missing from {got:?}");
        }
        for s in *lacks {
            assert!(!got.contains(s), "{name}: {s} shown in {got:?}");
        }
    }
    let mut a = answers(RulesetId::Nhse2022, Some(Body::Icb));
    a.screening.relates_to_commissioning = Some(Yes);
    a.screening.previous_involvement = Some(Yes);
    let got = slugs(&a);
    assert!(got.contains(&"activity"), "{got:?}");
    assert!(got.contains(&"previous-involvement-details"), "{got:?}");
    a.screening.relates_to_commissioning = Some(No);
    assert!(!slugs(&a).contains(&"activity"));
}

#[test]
fn next_and_previous_skip_pages_that_do_not_apply() {
    let a = answers(RulesetId::Nhse2022, Some(Body::Icb));
    let org = flow::page("organisation").unwrap();
    let relates = flow::page("relates").unwrap();
    assert_eq!(flow::next(&a, org), Some(relates), "no joint working page");
    assert_eq!(flow::previous(&a, relates), Some(org));
    assert_eq!(flow::previous(&a, org), None);
    let last = flow::pages(&a).last().unwrap();
    assert_eq!(flow::next(&a, last), None, "the check page follows");
    let j = answers(RulesetId::Nhse2022, Some(Body::Joint));
    assert_eq!(PAGES[flow::next(&j, org).unwrap()].slug, "joint-working");
}

#[test]
fn a_hidden_page_keeps_its_answers() {
    let mut a = answers(RulesetId::Nhse2022, Some(Body::Joint));
    a.screening.joint_model = Some(JointModel::JointCommittee);
    a.screening.body = Some(Body::Icb);
    assert!(!slugs(&a).contains(&"joint-working"));
    assert_eq!(a.screening.joint_model, Some(JointModel::JointCommittee));
}

#[test]
fn screening_resumes_at_the_first_page_with_something_to_answer() {
    let a = answers(RulesetId::Nhse2022, None);
    assert_eq!(resume(&a), Some("organisation"), "a new assessment");
    let mut a = answers(RulesetId::Nhse2022, Some(Body::Icb));
    a.screening.relates_to_commissioning = Some(Yes);
    assert_eq!(resume(&a), Some("activity"));
    a.screening.activities = vec![Activity::Proposals];
    assert_eq!(resume(&a), Some("impact"));
}

#[test]
fn a_complete_screening_resumes_at_the_check_page() {
    let a: Answers = involve::format::import(include_str!("fixtures/complete.json"))
        .expect("the complete fixture loads")
        .answers;
    assert_eq!(resume(&a), None);
}

#[test]
fn each_problem_belongs_to_the_page_that_asks_its_question() {
    let a = answers(RulesetId::Nhse2022, None);
    let d = Derived::new(&a, today());
    let issues: Vec<_> = d.section_issues(Section::Screening).cloned().collect();
    assert!(!issues.is_empty());
    for i in &issues {
        let p = flow::page_of(&i.path).unwrap_or_else(|| panic!("{} is on no page", i.path));
        assert!(flow::page_issues(p, &issues).any(|j| j == i));
        assert!(
            PAGES[p].fields.iter().any(|id| i.path.starts_with(id)),
            "{}",
            i.path
        );
    }
    // The first page asks one question, and says only what is wrong with it.
    let org = flow::page("organisation").unwrap();
    let on_first: Vec<_> = flow::page_issues(org, &issues)
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(on_first, ["screening.body"]);
}

#[test]
fn every_page_that_applies_has_a_question_the_ruleset_asks() {
    for ruleset in [RulesetId::Nhse2017, RulesetId::Nhse2022] {
        let a = answers(ruleset, None);
        for p in flow::pages(&a) {
            assert!(
                PAGES[p]
                    .fields
                    .iter()
                    .any(|id| wording::is_asked(&a.screening, id)),
                "{ruleset:?} {}",
                PAGES[p].slug
            );
        }
    }
}
