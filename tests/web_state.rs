//! The app's reducer, tested natively (no browser): navigation, Save and
//! continue, repeating rows, loading files and deleting saved answers.

use involve::forms::access::Value;
use involve::forms::Section;
use involve::model::{Answers, Body, DateInput, RulesetId, Ymd};
use involve::web::state::{blank, new_answers, Action, Confirm, Focus, Page, State};

const TODAY: Ymd = Ymd {
    year: 2024,
    month: 6,
    day: 1,
};

fn fresh() -> State {
    State::new(Answers::default(), Page::Start, TODAY)
}

fn run(s: State, actions: Vec<Action>) -> State {
    actions.into_iter().fold(s, State::apply)
}

#[test]
fn every_page_round_trips_through_its_route() {
    let mut pages = vec![Page::Start, Page::Tasks, Page::Decision, Page::Check];
    pages.extend(Section::ALL.iter().map(|s| Page::Form(*s)));
    for p in pages {
        assert_eq!(
            Page::from_route(&format!("#{}", p.route())),
            p,
            "{}",
            p.route()
        );
    }
    assert_eq!(Page::from_route("#/no-such-page"), Page::Start);
    assert_eq!(Page::from_route(""), Page::Start);
}

#[test]
fn going_to_a_page_focuses_its_heading_and_clears_shown_errors() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::BStep1)),
            Action::Continue(Section::BStep1),
        ],
    );
    assert!(s.has_errors(), "an empty Step 1 has errors");
    assert_eq!(s.focus, Some(Focus::ErrorSummary));
    assert_eq!(
        s.page,
        Page::Form(Section::BStep1),
        "errors keep the user on the page"
    );
    let s = s.apply(Action::Go(Page::Tasks));
    assert!(!s.has_errors());
    assert_eq!(s.focus, Some(Focus::Heading));
}

#[test]
fn save_and_continue_on_an_empty_section_shows_errors_and_keeps_answers() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::BStep1)),
            Action::Set(
                "b.title".into(),
                Value::Text("Closure of a fracture clinic".into()),
            ),
            Action::Continue(Section::BStep1),
        ],
    );
    assert!(s.shown_errors().count() >= 1);
    assert!(
        s.error_for("b.title").is_none(),
        "an answered field has no error"
    );
    assert_eq!(s.answers.b.title, "Closure of a fracture clinic");
}

#[test]
fn a_complete_section_moves_on_and_screening_goes_to_the_result() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::BStep1)),
            Action::Set("b.location".into(), Value::Text("Leeds".into())),
            Action::Set("b.title".into(), Value::Text("A title".into())),
            Action::Set("b.description".into(), Value::Text("A description".into())),
            Action::Set("b.objectives".into(), Value::Text("Objectives".into())),
            Action::Continue(Section::BStep1),
        ],
    );
    assert_eq!(s.page, Page::Tasks, "{:?}", s.shown);
}

#[test]
fn a_change_link_returns_to_check_answers_after_save_and_continue() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Check),
            Action::Change(Section::BStep1, "b.title".into()),
            Action::Set("b.location".into(), Value::Text("Leeds".into())),
            Action::Set("b.title".into(), Value::Text("A title".into())),
            Action::Set("b.description".into(), Value::Text("A description".into())),
            Action::Set("b.objectives".into(), Value::Text("Objectives".into())),
        ],
    );
    assert_eq!(s.focus, Some(Focus::Id("b.title".into())));
    let s = s.apply(Action::Continue(Section::BStep1));
    assert_eq!(s.page, Page::Check);
    assert!(!s.return_to_check);
}

#[test]
fn adding_and_removing_rows_moves_focus_sensibly() {
    let s = run(fresh(), vec![Action::AddMilestone, Action::AddMilestone]);
    assert_eq!(s.answers.c.timescales.len(), 2);
    assert_eq!(s.focus, Some(Focus::Id("c.timescales[1].what".into())));
    let s = s.apply(Action::RemoveMilestone(1));
    assert_eq!(s.focus, Some(Focus::Id("c.timescales[0].what".into())));
    let s = s.apply(Action::RemoveMilestone(0));
    assert_eq!(s.focus, Some(Focus::Id("add-milestone".into())));
    let s = s.apply(Action::RemoveMilestone(5));
    assert!(
        s.answers.c.timescales.is_empty(),
        "removing a row that is not there changes nothing"
    );

    let s = run(
        fresh(),
        vec![
            Action::AddRisk,
            Action::Set("c.risks[0].risk".into(), Value::Text("Low turnout".into())),
        ],
    );
    assert_eq!(s.answers.c.risks[0].risk, "Low turnout");
    assert_eq!(
        s.apply(Action::RemoveRisk(0)).focus,
        Some(Focus::Id("add-risk".into()))
    );
}

#[test]
fn loading_over_empty_answers_replaces_them_at_once() {
    let mut loaded = Answers::default();
    loaded.b.title = "From a file".into();
    let s = fresh().apply(Action::Loaded(
        loaded.clone(),
        "2024-06-01T10:00:00Z".into(),
    ));
    assert_eq!(*s.answers, loaded);
    assert_eq!(s.page, Page::Tasks);
    assert!(s.notice.is_some());
}

#[test]
fn loading_over_existing_answers_asks_first_and_no_keeps_them() {
    let mut loaded = Answers::default();
    loaded.b.title = "From a file".into();
    let s = run(
        fresh(),
        vec![
            Action::Set("b.title".into(), Value::Text("Mine".into())),
            Action::Loaded(loaded.clone(), "2024-06-01T10:00:00Z".into()),
        ],
    );
    assert!(matches!(s.confirm, Some(Confirm::Load(..))));
    assert_eq!(s.answers.b.title, "Mine");
    let kept = s.clone().apply(Action::ConfirmNo);
    assert_eq!(kept.answers.b.title, "Mine");
    assert!(kept.confirm.is_none());
    let replaced = s.apply(Action::ConfirmYes);
    assert_eq!(*replaced.answers, loaded);
}

#[test]
fn a_bad_file_shows_an_error_and_leaves_answers_untouched() {
    let s = run(
        fresh(),
        vec![
            Action::Set("b.title".into(), Value::Text("Mine".into())),
            Action::LoadFailed(problem("The file is not JSON")),
        ],
    );
    assert_eq!(s.answers.b.title, "Mine");
    assert_eq!(
        s.file_error.as_ref().map(|p| p.message.as_str()),
        Some("The file is not JSON")
    );
    assert!(s.has_errors());
    assert_eq!(s.focus, Some(Focus::ErrorSummary));
}

#[test]
fn deleting_saved_answers_asks_then_clears_and_returns_to_start() {
    let s = run(
        fresh(),
        vec![
            Action::Set("b.title".into(), Value::Text("Mine".into())),
            Action::Go(Page::Tasks),
            Action::AskDelete,
        ],
    );
    assert_eq!(s.confirm, Some(Confirm::Delete));
    assert_eq!(
        s.answers.b.title, "Mine",
        "nothing is deleted before confirming"
    );
    let s = s.apply(Action::ConfirmYes);
    assert_eq!(*s.answers, new_answers(), "starts again: a new assessment");
    assert_eq!(s.page, Page::Start);
}

#[test]
fn every_answer_change_bumps_the_revision_for_autosave() {
    let s = fresh();
    let r0 = s.revision;
    let s = s.apply(Action::Set("b.title".into(), Value::Text("x".into())));
    assert_ne!(s.revision, r0);
    let r1 = s.revision;
    let s = s.apply(Action::Go(Page::Tasks));
    assert_eq!(s.revision, r1, "navigation is not a change to save");
}

#[test]
fn hidden_conditional_answers_are_kept() {
    let s = run(
        fresh(),
        vec![
            Action::Set("screening.body".into(), Value::Choice(Some("joint".into()))),
            Action::Set(
                "screening.partner_bodies".into(),
                Value::Text("CCG A and NHS England".into()),
            ),
            Action::Set("screening.body".into(), Value::Choice(Some("ccg".into()))),
        ],
    );
    assert_eq!(s.answers.screening.partner_bodies, "CCG A and NHS England");
}

#[test]
fn routing_to_the_current_page_changes_nothing() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::BStep1)),
            Action::Continue(Section::BStep1),
        ],
    );
    let errors = s.shown.len();
    let s = s.apply(Action::Route(Page::Form(Section::BStep1)));
    assert_eq!(
        s.shown.len(),
        errors,
        "a hashchange echo must not clear shown errors"
    );
}

#[test]
fn another_tabs_answers_hold_autosave_until_the_user_chooses() {
    let mut theirs = Answers::default();
    theirs.b.title = "Theirs".into();
    let s = run(
        fresh(),
        vec![
            Action::Set("b.title".into(), Value::Text("Mine".into())),
            Action::OtherTab(theirs.clone(), "2024-06-01T10:00:00Z".into()),
        ],
    );
    assert!(matches!(s.confirm, Some(Confirm::OtherTab(..))));
    assert!(
        s.autosave_held(),
        "nothing is saved over the other tab's answers while the user decides"
    );
    assert_eq!(s.answers.b.title, "Mine", "nothing is replaced silently");
    // Moving to another page keeps the question.
    let moved = s.clone().apply(Action::Go(Page::Tasks));
    assert!(moved.autosave_held());
    // Keep mine: saved again (a new revision), question gone.
    let kept = s.clone().apply(Action::ConfirmNo);
    assert_eq!(kept.answers.b.title, "Mine");
    assert!(!kept.autosave_held());
    assert!(
        kept.revision > s.revision,
        "keeping this tab's answers saves them"
    );
    // Use theirs: replaced, not saved again (the other tab already saved them).
    let used = s.clone().apply(Action::ConfirmYes);
    assert_eq!(*used.answers, theirs);
    assert_eq!(used.revision, s.revision);
    // The same answers from another tab are not a conflict.
    let same = fresh().apply(Action::OtherTab(Answers::default(), String::new()));
    assert!(same.confirm.is_none());
}

fn typed(s: State, text: &str) -> State {
    s.apply(Action::Set("b.title".into(), Value::Text(text.into())))
}

#[test]
fn typing_leaves_the_print_view_behind_until_it_is_brought_up_to_date() {
    let s = typed(
        run(fresh(), vec![Action::Go(Page::Form(Section::BStep1))]),
        "Clinic move",
    );
    assert_eq!(s.answers.b.title, "Clinic move");
    assert_eq!(
        s.printed.b.title, "",
        "a keystroke does not re-render the hidden print view"
    );
    assert!(!s.print_current());
    let s = s.apply(Action::PrintSync);
    assert!(s.print_current());
    assert_eq!(s.printed.b.title, "Clinic move");
}

#[test]
fn every_way_to_print_or_leave_the_page_brings_the_print_view_up_to_date() {
    let on_step1 = || {
        typed(
            run(fresh(), vec![Action::Go(Page::Form(Section::BStep1))]),
            "Clinic move",
        )
    };
    let cases: Vec<(&str, Vec<Action>)> = vec![
        (
            "before print (Ctrl+P, menu, Save as PDF)",
            vec![Action::PrintSync],
        ),
        ("the Print button", vec![Action::Print]),
        ("a link to another page", vec![Action::Go(Page::Check)]),
        ("back or forward", vec![Action::Route(Page::Tasks)]),
        (
            "Save and continue that moves on",
            vec![
                Action::Set("b.location".into(), Value::Text("Leeds".into())),
                Action::Set("b.description".into(), Value::Text("A description".into())),
                Action::Set("b.objectives".into(), Value::Text("Objectives".into())),
                Action::Continue(Section::BStep1),
            ],
        ),
        (
            "a Change link",
            vec![Action::Change(Section::BStep2, String::new())],
        ),
    ];
    for (name, actions) in cases {
        let s = run(on_step1(), actions);
        assert!(s.print_current(), "{name}");
        assert_eq!(s.printed.b.title, "Clinic move", "{name}");
    }
}

#[test]
fn the_print_view_is_left_out_of_the_first_render_and_built_by_any_sync() {
    assert!(
        !fresh().print_built,
        "opening Involve does not wait for the print view"
    );
    for (what, action) in [
        (
            "the sync sent after the first render, or before printing",
            Action::PrintSync,
        ),
        ("the Print button", Action::Print),
        ("a page change", Action::Go(Page::Tasks)),
    ] {
        let s = fresh().apply(action);
        assert!(s.print_built, "{what} builds the print view");
        assert!(
            s.print_current(),
            "{what}: and it shows the current answers"
        );
    }
}

#[test]
fn the_print_button_asks_for_one_print_each_time() {
    let s = run(fresh(), vec![Action::Go(Page::Check)]);
    assert_eq!(s.print_seq, 0);
    let s = s.apply(Action::Print);
    assert_eq!(s.print_seq, 1);
    let s = s.apply(Action::PrintSync);
    assert_eq!(
        s.print_seq, 1,
        "bringing the print view up to date does not print"
    );
    assert_eq!(s.apply(Action::Print).print_seq, 2);
}

#[test]
fn replacing_the_answers_brings_the_print_view_up_to_date() {
    let mut other = Answers::default();
    other.b.title = "From the other tab".into();
    let s = typed(fresh(), "Mine");
    let s = run(
        s,
        vec![
            Action::OtherTab(other.clone(), "2024-01-01T00:00:00Z".into()),
            Action::ConfirmYes,
        ],
    );
    assert_eq!(*s.printed, other);
    let s = run(fresh(), vec![Action::Restore(other.clone())]);
    assert_eq!(*s.printed, other);
    let s = run(
        typed(fresh(), "Mine"),
        vec![Action::AskDelete, Action::ConfirmYes],
    );
    assert_eq!(*s.printed, new_answers());
}

#[test]
fn after_midnight_the_new_day_is_today_not_the_future() {
    let next_day = DateInput {
        day: "2".into(),
        month: "6".into(),
        year: "2024".into(),
    };
    let typed = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::BSignOff)),
            Action::Set("b.completed_by.date".into(), Value::Date(next_day)),
            Action::Continue(Section::BSignOff),
        ],
    );
    let future = |s: &State| {
        s.shown
            .iter()
            .any(|i| i.path == "b.completed_by.date" && i.code == "date_in_future")
    };
    assert!(future(&typed), "on 1 June, 2 June is in the future");
    let s = run(
        typed,
        vec![
            Action::Today(Ymd {
                year: 2024,
                month: 6,
                day: 2,
            }),
            Action::Continue(Section::BSignOff),
        ],
    );
    assert_eq!(
        s.today,
        Ymd {
            year: 2024,
            month: 6,
            day: 2
        }
    );
    assert!(!future(&s), "once the date has moved on, 2 June is today");
}

// ---- Rulesets: new assessments, the historical CCG choice, reassessing ------

fn new_assessment() -> State {
    State::new(new_answers(), Page::Start, TODAY)
}

fn body(s: State, value: &str) -> State {
    s.apply(Action::Set(
        "screening.body".into(),
        Value::Choice(Some(value.into())),
    ))
}

/// A 2017 CCG assessment, as a loaded file gives it.
fn ccg_2017() -> Answers {
    let mut a = Answers::default();
    a.screening.ruleset = RulesetId::Nhse2017;
    a.screening.body = Some(Body::Ccg);
    a.b.location = "NHS Riverside CCG".into();
    a.b.title = "Community nursing strategy".into();
    a
}

#[test]
fn a_new_assessment_follows_the_law_as_it_is_now_and_counts_as_blank() {
    let a = new_answers();
    assert_eq!(a.screening.ruleset, RulesetId::CURRENT);
    assert_eq!(a.screening.ruleset, RulesetId::Nhse2022);
    assert!(blank(&a), "a fresh 2022 form has nothing answered");
    assert!(blank(&Answers::default()), "nor has a fresh 2017 one");
    // Start again: deleting saved answers gives a new 2022 assessment.
    let s = run(
        body(new_assessment(), "ccg"),
        vec![Action::AskDelete, Action::ConfirmYes],
    );
    assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2022);
    assert!(blank(&s.answers));
    // A blank new assessment takes a loaded file without asking.
    let s = new_assessment().apply(Action::Loaded(ccg_2017(), "2021-03-01T09:00:00Z".into()));
    assert!(s.confirm.is_none());
    assert_eq!(*s.answers, ccg_2017());
}

#[test]
fn choosing_a_ccg_makes_a_new_assessment_a_2017_record_and_nothing_else_switches() {
    for other in ["icb", "nhs_trust", "nhs_england", "joint"] {
        let s = body(new_assessment(), other);
        assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2022, "{other}");
    }
    let s = body(new_assessment(), "ccg");
    assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2017);
    assert_eq!(s.answers.screening.body, Some(Body::Ccg));
    assert!(
        matches!(&s.focus, Some(Focus::Id(id)) if id.starts_with("screening.body")),
        "focus stays on the option chosen"
    );
    // A 2017 record stays one whatever organisation is chosen in it.
    let s = body(s, "nhs_england");
    assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2017);
    // Other answers never switch the ruleset.
    let s = new_assessment().apply(Action::Set(
        "screening.partner_bodies".into(),
        Value::Text("ccg".into()),
    ));
    assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2022);
}

#[test]
fn a_loaded_2017_file_is_kept_as_it_is_until_the_user_reassesses_it() {
    let s = new_assessment().apply(Action::Loaded(ccg_2017(), "2021-03-01T09:00:00Z".into()));
    let s = run(
        s,
        vec![
            Action::Go(Page::Tasks),
            Action::Go(Page::Decision),
            Action::Go(Page::Reassess),
        ],
    );
    assert_eq!(*s.answers, ccg_2017(), "loading and looking change nothing");
    assert_eq!(s.created, "2021-03-01T09:00:00Z");

    // Continue without the ICB's name: an error, and nothing replaced.
    let r0 = s.revision;
    let s = run(
        s,
        vec![
            Action::ReassessCcg("NHS Riverside CCG".into()),
            Action::Reassess("2024-06-01T10:00:00Z".into()),
        ],
    );
    assert_eq!(s.page, Page::Reassess);
    assert!(s.has_errors());
    assert_eq!(s.focus, Some(Focus::ErrorSummary));
    let e = s
        .error_for("reassess-icb")
        .expect("an error on the ICB's name");
    assert!(
        e.message
            .starts_with("Enter the name of the integrated care board"),
        "{}",
        e.message
    );
    assert_eq!(*s.answers, ccg_2017());
    assert_eq!(s.revision, r0, "nothing to save");

    // With it: a new 2022 assessment, and the list of what changed.
    let s = run(
        s,
        vec![
            Action::ReassessIcb("NHS Riverside ICB".into()),
            Action::Reassess("2024-06-01T10:00:00Z".into()),
        ],
    );
    assert_eq!(s.page, Page::Reassessed);
    assert!(!s.has_errors());
    assert_eq!(s.answers.screening.ruleset, RulesetId::Nhse2022);
    assert_eq!(s.answers.screening.body, Some(Body::Icb));
    assert_eq!(s.answers.b.location, "NHS Riverside ICB");
    assert_eq!(s.answers.b.title, "Community nursing strategy");
    assert_eq!(s.created, "2024-06-01T10:00:00Z", "a new assessment");
    assert!(s.revision > r0, "the new assessment is saved");
    let r = s.reassessed.as_ref().expect("what changed");
    let converted: Vec<&str> = r.converted.iter().map(|c| c.id).collect();
    assert_eq!(converted, ["screening.body", "b.location"]);
    assert!(
        s.reassess.icb.is_empty(),
        "the names are not kept for next time"
    );

    // Reassessing a 2022 assessment does nothing.
    let again = s
        .clone()
        .apply(Action::Reassess("2024-06-02T10:00:00Z".into()));
    assert_eq!(again.answers, s.answers);
    assert_eq!(again.created, s.created);
}

#[test]
fn the_reassess_pages_have_routes() {
    for p in [Page::Reassess, Page::Reassessed] {
        assert_eq!(Page::from_route(&format!("#{}", p.route())), p);
    }
    assert_eq!(Page::Reassess.route(), "/reassess");
}

// ---- Organisation settings: the organisation type preselected ---------------

/// A new assessment in an organisation whose settings say it is an NHS trust.
fn trust_settings_state() -> State {
    let (settings, problems) = involve::settings::parse(r#"{"organisation_type": "nhs_trust"}"#);
    assert!(problems.is_empty());
    let mut s = State::new(
        involve::web::state::new_answers_for(settings.organisation_type),
        Page::Start,
        TODAY,
    );
    s.settings = std::rc::Rc::new(settings);
    s
}

#[test]
fn the_settings_organisation_type_preselects_new_assessments_only() {
    let s = trust_settings_state();
    assert_eq!(
        s.answers.screening.body,
        Some(Body::NhsTrust),
        "preselected"
    );
    assert!(
        s.is_fresh(),
        "only the preselected answer: still a new assessment"
    );
    assert!(!blank(&s.answers));
    // A loaded file keeps its own organisation, without asking.
    let s = s.apply(Action::Loaded(ccg_2017(), "2021-03-01T09:00:00Z".into()));
    assert!(
        s.confirm.is_none(),
        "a new assessment takes a file without asking"
    );
    assert_eq!(s.answers.screening.body, Some(Body::Ccg));
    // Starting again preselects it again.
    let s = run(s, vec![Action::AskDelete, Action::ConfirmYes]);
    assert_eq!(s.answers.screening.body, Some(Body::NhsTrust));
    assert!(s.is_fresh());
    // Staff can change it; then it is their answer, and Load asks first.
    let s = body(s, "icb");
    assert!(!s.is_fresh());
    let s = s.apply(Action::Loaded(ccg_2017(), "2021-03-01T09:00:00Z".into()));
    assert!(matches!(s.confirm, Some(Confirm::Load(..))));
    // Without the setting nothing is preselected.
    assert_eq!(new_assessment().answers.screening.body, None);
}

/// The rules run once per change of the answers (in the reducer), and not at
/// all for an action that leaves them alone; the pages read `State::derived`.
#[test]
fn the_rules_run_once_per_change_of_the_answers() {
    let runs = involve::rules::runs;
    let n = runs();
    let s = fresh();
    assert_eq!(runs() - n, 1, "a new state works its values out once");
    let n = runs();
    let s = s.apply(Action::Set("b.title".into(), Value::Text("A title".into())));
    assert_eq!(runs() - n, 1, "one keystroke, one rule run");
    assert_eq!(
        s.derived.report,
        involve::forms::Derived::new(&s.answers, TODAY).report
    );
    let n = runs();
    let s = run(
        s,
        vec![
            Action::Go(Page::Tasks),
            Action::Go(Page::Check),
            Action::Go(Page::Form(Section::BStep1)),
            Action::PrintSync,
        ],
    );
    assert_eq!(runs() - n, 0, "moving between pages runs no rules");
    let n = runs();
    let s = s.apply(Action::Continue(Section::BStep1));
    assert_eq!(
        runs() - n,
        0,
        "Save and continue reads the report already worked out"
    );
    assert!(s.has_errors());
    let n = runs();
    let s = s.apply(Action::Set(
        "screening.body".into(),
        Value::Choice(Some("icb".into())),
    ));
    assert_eq!(runs() - n, 1);
    assert_eq!(
        s.derived.assessment,
        involve::rules::assess(&s.answers.screening)
    );
    assert!(
        std::rc::Rc::ptr_eq(&s.printed, &s.answers)
            || s.printed_derived.report == involve::forms::Derived::new(&s.printed, TODAY).report
    );
    let n = runs();
    let s = s.apply(Action::Today(Ymd {
        year: 2024,
        month: 6,
        day: 2,
    }));
    assert_eq!(runs() - n, 1, "a new day: dates are checked against it");
    assert_eq!(
        s.derived.report,
        involve::forms::Derived::new(&s.answers, s.today).report
    );
}

/// `Page::all` (what the build prerenders) lists every page once, and each
/// round-trips through its route, so the prerendered HTML for a route is
/// the page the app opens there.
#[test]
fn every_page_is_listed_once_for_the_prerender() {
    let all = Page::all();
    for p in &all {
        assert_eq!(all.iter().filter(|q| *q == p).count(), 1, "{p:?}");
        assert_eq!(Page::from_route(&format!("#{}", p.route())), *p);
    }
    for s in Section::ALL {
        assert!(all.contains(&Page::Form(s)), "{s:?}");
    }
    for p in [
        Page::Start,
        Page::Tasks,
        Page::Decision,
        Page::Check,
        Page::Reassess,
        Page::Reassessed,
        Page::Review,
        Page::Accessibility,
        Page::Privacy,
    ] {
        assert!(all.contains(&p), "{p:?}");
    }
}

// ---- Issue 21: the journey (task list, check answers, warnings, loads) -----

mod support;

use involve::forms::progress::Status;
use involve::model::YesNo;
use involve::web::state::{check_row_id, FileProblem};

fn complete() -> State {
    State::new(support::complete_answers(), Page::Tasks, support::TODAY)
}

fn problem(message: &str) -> FileProblem {
    FileProblem {
        message: message.into(),
        detail: Some("not_json: line 1, column 2".into()),
    }
}

/// A warning is shown on the page where the answer is given, when the person
/// saves; saving again moves on (a warning never stops anyone).
#[test]
fn saving_an_answer_with_a_warning_shows_it_on_that_page_once() {
    let s = run(
        complete(),
        vec![
            Action::Go(Page::Form(Section::BStep2)),
            Action::Set("b.opinion".into(), Value::Choice(Some("no".into()))),
        ],
    );
    assert_eq!(s.answers.b.opinion, Some(YesNo::No));
    assert!(s.shown.is_empty(), "nothing is shown while answering");
    let s = s.apply(Action::Continue(Section::BStep2));
    assert_eq!(
        s.page,
        Page::Form(Section::BStep2),
        "the person sees the warning where they gave the answer"
    );
    assert!(
        s.shown
            .iter()
            .any(|i| i.code == "opinion_contradicts_verdict"),
        "{:?}",
        s.shown
    );
    assert!(!s.has_errors(), "a warning is not an error");
    assert_eq!(s.focus, Some(Focus::Id("warnings".into())));
    let s = s.apply(Action::Continue(Section::BStep2));
    assert_eq!(s.page, Page::Tasks, "saving again moves on");
    // Without a warning, Save and continue moves on at once.
    let s = run(
        s,
        vec![
            Action::Go(Page::Form(Section::BStep2)),
            Action::Set("b.opinion".into(), Value::Choice(Some("yes".into()))),
            Action::Continue(Section::BStep2),
        ],
    );
    assert_eq!(s.page, Page::Tasks);
}

/// After a "Change" from check answers and Save and continue, the person is
/// back on check answers at the answer they changed.
#[test]
fn after_a_change_check_answers_focuses_the_changed_answer() {
    let s = run(
        complete(),
        vec![
            Action::Go(Page::Check),
            Action::Change(Section::BSignOff, "b.completed_by.date-day".into()),
            Action::Continue(Section::BSignOff),
        ],
    );
    assert_eq!(s.page, Page::Check);
    assert_eq!(s.focus, Some(Focus::Id("check-b.completed_by.date".into())));
    assert_eq!(
        check_row_id("c.timescales[1].date-day"),
        "check-c.timescales"
    );
    assert_eq!(
        check_row_id("screening.activities-3"),
        "check-screening.activities"
    );
    assert_eq!(check_row_id("b.title"), "check-b.title");
}

/// A failed load after a good one: the success message goes, the error is in
/// the person's words with the detail kept for support.
#[test]
fn a_bad_file_after_a_good_one_replaces_the_success_message() {
    let s = run(
        fresh(),
        vec![Action::Loaded(
            support::complete_answers(),
            "2024-06-01T10:00:00Z".into(),
        )],
    );
    assert!(s.notice.is_some());
    let s = s.apply(Action::LoadFailed(problem("This is not an Involve file")));
    assert!(s.notice.is_none(), "no success message above the error");
    assert_eq!(
        s.file_error.as_ref().map(|p| p.message.as_str()),
        Some("This is not an Involve file")
    );
    // A good load afterwards clears the error.
    let s = run(
        s,
        vec![
            Action::ConfirmNo,
            Action::Loaded(support::complete_answers(), "2024-06-01T10:00:00Z".into()),
        ],
    );
    assert!(s.file_error.is_none());
}

/// The check answers task is never "Completed" before the person has opened
/// check answers; opened with nothing to fix, it is.
#[test]
fn the_check_task_is_completed_only_once_opened() {
    let s = complete();
    assert_eq!(
        s.derived.check,
        Status::Completed,
        "the whole form has no errors"
    );
    assert_eq!(
        s.check_status(),
        Status::NotStarted,
        "but the person has not checked it"
    );
    let s = run(s, vec![Action::Go(Page::Check), Action::Go(Page::Tasks)]);
    assert_eq!(s.check_status(), Status::Completed);
    // New answers from a file have not been checked.
    let s = run(
        s,
        vec![
            Action::Loaded(support::complete_answers(), "2024-06-01T10:00:00Z".into()),
            Action::ConfirmYes,
        ],
    );
    assert_eq!(s.check_status(), Status::NotStarted);
    // Opened with problems to fix: in progress.
    let mut a = support::complete_answers();
    a.b.title.clear();
    let s = run(
        State::new(a, Page::Tasks, support::TODAY),
        vec![Action::Go(Page::Check)],
    );
    assert_eq!(s.check_status(), Status::InProgress);
    assert_eq!(fresh().check_status(), Status::CannotStartYet);
}

/// The task list's count counts exactly the rows it counts: every required
/// section and the check answers task (Appendix C only when it is expected
/// or started; otherwise it is listed as optional and not counted).
#[test]
fn the_task_count_matches_the_counted_rows() {
    let s = fresh();
    let tasks = s.tasks();
    assert_eq!(
        s.task_count(),
        (0, tasks.iter().filter(|t| t.counted).count())
    );
    assert!(
        tasks
            .iter()
            .any(|t| t.page == Page::Form(Section::PlanC) && !t.counted),
        "the plan is optional until expected"
    );
    assert_eq!(
        tasks.iter().filter(|t| t.counted).count(),
        8,
        "7 sections and check answers"
    );
    let s = run(complete(), vec![Action::Go(Page::Check)]);
    let tasks = s.tasks();
    assert!(tasks.iter().all(|t| t.counted), "the plan is expected here");
    assert_eq!(s.task_count(), (9, 9));
    for t in &tasks {
        assert_eq!(t.status, Status::Completed, "{:?}", t.page);
    }
}

/// A download says what was saved and under which name, once.
#[test]
fn a_download_is_confirmed_on_the_page_and_goes_with_the_next_page() {
    let s = run(
        complete(),
        vec![
            Action::Go(Page::Check),
            Action::Downloaded("involve-2017-06-30.json".into()),
        ],
    );
    assert_eq!(s.downloaded.as_deref(), Some("involve-2017-06-30.json"));
    assert_eq!(s.focus, Some(Focus::Id("downloaded".into())));
    let s = s.apply(Action::Go(Page::Tasks));
    assert!(s.downloaded.is_none());
}
