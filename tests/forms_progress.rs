//! Task-list statuses and prefilling Appendix C from Appendix B.

mod support;

use involve::forms::catalogue::Section;
use involve::forms::prefill::{prefill_c, prefilled_fields};
use involve::forms::progress::Status;
use involve::forms::Derived;
use involve::model::*;
use support::{complete_answers, TODAY};

/// What the task list reads: worked out once per change of the answers.
fn derived(a: &Answers) -> Derived {
    Derived::new(a, TODAY)
}

#[test]
fn status_labels_are_the_task_list_words() {
    let cases = [
        (Status::NotStarted, "Not started"),
        (Status::InProgress, "In progress"),
        (Status::Completed, "Completed"),
        (Status::CannotStartYet, "Cannot start yet"),
    ];
    for (s, label) in cases {
        assert_eq!(s.label(), label);
    }
}

#[test]
fn a_fresh_form_is_not_started_except_what_builds_on_the_screening() {
    let a = Answers::default();
    let cases = [
        (Section::Screening, Status::NotStarted),
        (Section::BStep1, Status::NotStarted),
        (Section::BStep2, Status::CannotStartYet),
        (Section::BStep3, Status::NotStarted),
        (Section::BStep4, Status::NotStarted),
        (Section::BStep5, Status::NotStarted),
        (Section::BSignOff, Status::NotStarted),
        (Section::PlanC, Status::NotStarted),
    ];
    for (section, want) in cases {
        assert_eq!(derived(&a).status(section), want, "{section:?}");
    }
    assert_eq!(derived(&a).completed, 0);
    assert_eq!(derived(&a).check, Status::CannotStartYet);
}

#[test]
fn the_complete_form_has_every_section_completed() {
    let a = complete_answers();
    // Every section a 2017 assessment has (not the 2022 records).
    for s in Section::ALL
        .into_iter()
        .filter(|s| involve::forms::progress::applies(&a, *s))
    {
        assert_eq!(derived(&a).status(s), Status::Completed, "{s:?}");
    }
    assert!(!involve::forms::progress::applies(&a, Section::Equality));
    assert_eq!(derived(&a).total, 8);
    assert_eq!(derived(&a).completed, 8);
    assert_eq!(derived(&a).check, Status::Completed);
}

#[test]
fn a_section_with_an_error_is_in_progress_and_warnings_do_not_count() {
    let mut a = complete_answers();
    a.b.title.clear();
    a.c.timescales.swap(0, 1); // a warning only
    assert_eq!(derived(&a).status(Section::BStep1), Status::InProgress);
    assert_eq!(derived(&a).status(Section::PlanC), Status::Completed);
    assert_eq!(derived(&a).completed, 7);
    assert_eq!(derived(&a).check, Status::NotStarted);
}

#[test]
fn a_started_section_is_never_hidden_behind_cannot_start_yet() {
    let mut a = Answers::default();
    a.b.opinion = Some(YesNo::Yes);
    a.c.budget = "£1".into();
    assert_eq!(derived(&a).status(Section::BStep2), Status::InProgress);
    assert_eq!(derived(&a).status(Section::PlanC), Status::InProgress);
}

#[test]
fn an_unneeded_plan_is_left_out_of_the_count() {
    let mut a = complete_answers();
    a.b.additional_required = Some(YesNo::No);
    a.b.additional_approach.clear();
    a.c = AppendixC::default();
    assert_eq!(derived(&a).status(Section::PlanC), Status::NotStarted);
    assert_eq!(derived(&a).total, 7);
    assert_eq!(derived(&a).completed, 7);
}

#[test]
fn prefill_fills_blank_plan_headings_from_appendix_b() {
    let mut a = complete_answers();
    a.c = AppendixC::default();
    let c = prefill_c(&a, TODAY);
    let cases: [(&str, &str); 8] = [
        ("project lead", &c.project_lead),
        ("background", &c.background),
        ("proposal", &c.proposal),
        ("methods", &c.methods),
        ("equality", &c.equality),
        ("evaluation", &c.evaluation),
        ("feedback", &c.feedback),
        ("partners", &c.partners),
    ];
    let want = [
        "Sam Patel",
        "New urgent care service for Exampletown\n\nPlanning a new urgent care service in response to increased demand",
        "Shorter waits; care closer to home\n\nImpact on how services are delivered: Urgent care would move to the new hub at the community hospital",
        "Drop-in sessions with seldom heard groups, including Gypsies and Travellers\n\nEngagement at a formative stage with enough information and time",
        "",
        "Patient experience survey six months after opening",
        "A 'you said, we did' report",
        "",
    ];
    for ((name, got), want) in cases.iter().zip(want) {
        assert_eq!(*got, want, "{name}");
    }
    assert_eq!(c.date_produced, DateInput::new("30", "6", "2017"));
    assert!(c.key_messages.is_empty() && c.timescales.is_empty() && c.risks.is_empty());
}

#[test]
fn prefill_never_overwrites_what_the_user_typed() {
    let a = complete_answers();
    assert_eq!(prefill_c(&a, TODAY), a.c, "a finished plan is unchanged");
    assert!(prefilled_fields(&a, TODAY).is_empty());

    let mut partial = complete_answers();
    partial.c = AppendixC {
        project_lead: "Jo Bloggs".into(),
        date_produced: DateInput::new("", "5", ""),
        ..Default::default()
    };
    let c = prefill_c(&partial, TODAY);
    assert_eq!(c.project_lead, "Jo Bloggs");
    assert_eq!(
        c.date_produced,
        DateInput::new("", "5", ""),
        "a half-typed date is kept for validation to report"
    );
    assert_eq!(
        prefilled_fields(&partial, TODAY),
        [
            "c.background",
            "c.proposal",
            "c.methods",
            "c.evaluation",
            "c.feedback"
        ]
    );
}

/// Issue 21 (changed deliberately): the bodies of a joint arrangement hold
/// the person's own organisation, so they are not copied into "Partner
/// organisations"; and Step 4(a), already in "Methods", is not copied into
/// "Equality and accessibility" as well.
#[test]
fn prefill_copies_no_answer_into_two_headings_and_no_body_into_partners() {
    let mut a = complete_answers();
    a.c = AppendixC::default();
    a.screening.partner_bodies = "NHS Riverside ICB; NHS England South".into();
    let c = prefill_c(&a, TODAY);
    assert_eq!(c.partners, "");
    assert_eq!(c.equality, "");
    assert!(c.methods.contains(&a.b.additional_approach));
}

/// The values the app works out once per change (`forms::derived`): the
/// rules run once, and the counts, the check task and each page's issues
/// agree with the statuses and the report, on every sample document.
#[test]
fn derived_values_run_the_rules_once_and_agree_with_each_other() {
    use involve::forms::progress;
    let mut docs = vec![Answers::default(), complete_answers()];
    for name in [
        "complete.json",
        "complete-with-warning.json",
        "icb-2022.json",
        "trust-2022.json",
        "incomplete.json",
        "v1.json",
    ] {
        let text = std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap();
        docs.push(involve::web::doc::read(text.as_bytes()).unwrap().0);
    }
    for (n, a) in docs.iter().enumerate() {
        for today in [
            TODAY,
            Ymd {
                year: 2000,
                month: 1,
                day: 1,
            },
        ] {
            let before = involve::rules::runs();
            let d = Derived::new(a, today);
            assert_eq!(
                involve::rules::runs() - before,
                1,
                "doc {n}: the rules run once"
            );
            assert_eq!(
                d.assessment,
                involve::rules::assess(&a.screening),
                "doc {n}"
            );
            let counted: Vec<Section> = Section::ALL
                .into_iter()
                .filter(|s| progress::counts(a, *s, d.plan_expected))
                .collect();
            assert_eq!(d.total, counted.len(), "doc {n}");
            assert_eq!(
                d.completed,
                counted
                    .iter()
                    .filter(|s| d.status(**s) == Status::Completed)
                    .count(),
                "doc {n}"
            );
            let all_started = counted.iter().all(|s| progress::started(a, *s));
            assert_eq!(
                d.check == Status::Completed,
                all_started && d.report.is_complete(),
                "doc {n}"
            );
            for s in Section::ALL {
                let issues: Vec<_> = d.section_issues(s).collect();
                assert!(issues.iter().all(|i| i.section() == Some(s)), "doc {n}");
                if progress::started(a, s) {
                    assert_eq!(
                        d.status(s) == Status::InProgress,
                        issues.iter().any(|i| i.is_error()),
                        "doc {n} {s:?}"
                    );
                }
            }
            assert_eq!(
                d.plan_expected,
                a.b.additional_required == Some(YesNo::Yes)
                    && d.assessment.verdict == involve::rules::Verdict::Applies,
                "doc {n}"
            );
        }
    }
}
