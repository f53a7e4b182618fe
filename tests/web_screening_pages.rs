//! Screening one question page at a time, through the app's reducer (issue
//! 21 item 1): `#/screening` leads to where the person stopped, Save and
//! continue checks only the page's questions and goes on to the next page
//! that applies, the screening ends with its own check of the answers, and
//! "Change" links come back to the answer changed.

use involve::forms::access::Value;
use involve::forms::screening_flow::{self as flow, PAGES};
use involve::forms::Section;
use involve::model::{Answers, RulesetId, Ymd};
use involve::web::state::{check_row_id, new_answers, Action, Focus, Page, State};

const TODAY: Ymd = Ymd {
    year: 2026,
    month: 12,
    day: 5,
};

fn run(s: State, actions: Vec<Action>) -> State {
    actions.into_iter().fold(s, State::apply)
}

fn screen(slug: &str) -> Page {
    Page::Screen(flow::page(slug).unwrap_or_else(|| panic!("no page {slug}")) as u8)
}

fn choose(id: &str, v: &str) -> Action {
    Action::Set(id.into(), Value::Choice(Some(v.into())))
}

fn tick(id: &str, v: &str) -> Action {
    Action::Set(
        id.into(),
        Value::Multi {
            values: vec![v.into()],
            none: false,
        },
    )
}

fn none_of_these(id: &str) -> Action {
    Action::Set(
        id.into(),
        Value::Multi {
            values: vec![],
            none: true,
        },
    )
}

fn fresh() -> State {
    State::new(new_answers(), Page::Start, TODAY)
}

/// An ICB's 2022 screening, page by page, each with Save and continue.
fn walk_icb() -> State {
    let s = run(fresh(), vec![Action::Go(Page::Form(Section::Screening))]);
    run(
        s,
        vec![
            choose("screening.body", "icb"),
            Action::ContinueScreen(0),
            choose("screening.relates_to_commissioning", "yes"),
            Action::ContinueScreen(flow::page("relates").unwrap() as u8),
            tick("screening.activities", "proposals"),
            Action::ContinueScreen(flow::page("activity").unwrap() as u8),
            choose("screening.impact_delivery", "no"),
            choose("screening.impact_range", "no"),
            Action::ContinueScreen(flow::page("impact").unwrap() as u8),
            none_of_these("screening.patient_matters"),
            Action::ContinueScreen(flow::page("patients").unwrap() as u8),
            // Asked under 2022 too (s.14Z45 and s.13Q keep the exception).
            choose("screening.trust_special_administrator", "no"),
            Action::ContinueScreen(flow::page("special-administrator").unwrap() as u8),
        ],
    )
}

/// [`walk_icb`], the special circumstances answered, and `#/screening`
/// again: the screening's check page.
fn at_screen_check() -> State {
    run(
        walk_icb(),
        vec![
            choose("screening.urgent", "no"),
            none_of_these("screening.public_interest"),
            choose("screening.substantial_variation", "no"),
            choose("screening.previous_involvement", "no"),
            choose("screening.equality_need", "no"),
            Action::Go(Page::Form(Section::Screening)),
        ],
    )
}

#[test]
fn every_screening_page_round_trips_through_its_route() {
    let mut pages: Vec<Page> = (0..PAGES.len()).map(|p| Page::Screen(p as u8)).collect();
    pages.push(Page::ScreenCheck);
    for p in pages {
        assert!(p.route().starts_with("/screening/"), "{}", p.route());
        assert_eq!(Page::from_route(&format!("#{}", p.route())), p);
    }
    // An address under screening that names no page leads to where the
    // person stopped, never to the start page.
    assert_eq!(
        Page::from_route("#/screening/no-such-question"),
        Page::Form(Section::Screening)
    );
    for p in Page::all() {
        if let Page::Screen(_) | Page::ScreenCheck = p {
            continue;
        }
        assert!(Page::all().contains(&p));
    }
    assert!(Page::all().contains(&Page::ScreenCheck));
    assert!(Page::all().contains(&Page::Screen(PAGES.len() as u8 - 1)));
}

#[test]
fn the_screening_address_leads_a_new_assessment_to_its_first_question() {
    let s = run(fresh(), vec![Action::Go(Page::Form(Section::Screening))]);
    assert_eq!(s.page, screen("organisation"));
    assert_eq!(s.focus, Some(Focus::Heading));
    // A bookmarked #/screening typed into a new tab does the same.
    let s = State::new(new_answers(), Page::Form(Section::Screening), TODAY);
    assert_eq!(s.page, screen("organisation"));
}

#[test]
fn save_and_continue_shows_only_the_pages_own_problems() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::Screening)),
            Action::ContinueScreen(0),
        ],
    );
    assert_eq!(s.page, screen("organisation"), "stays on the page");
    let paths: Vec<_> = s.shown.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["screening.body"], "one question, one error");
    assert_eq!(s.focus, Some(Focus::ErrorSummary));
}

#[test]
fn pages_that_cannot_apply_are_skipped() {
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::Screening)),
            choose("screening.body", "icb"),
            Action::ContinueScreen(0),
        ],
    );
    assert_eq!(
        s.page,
        screen("relates"),
        "no joint working page for an ICB"
    );
    let s = run(
        fresh(),
        vec![
            Action::Go(Page::Form(Section::Screening)),
            choose("screening.body", "joint"),
            Action::ContinueScreen(0),
        ],
    );
    assert_eq!(s.page, screen("joint-working"));
    // Typed or bookmarked, a page the answers skip leads to the next one.
    let s = run(walk_icb(), vec![Action::Route(screen("joint-working"))]);
    assert_eq!(s.page, screen("relates"));
}

#[test]
fn a_returning_person_carries_on_where_they_stopped() {
    let s = walk_icb();
    assert_eq!(s.page, screen("urgency"));
    let s = run(
        s,
        vec![
            Action::Go(Page::Tasks),
            Action::Go(Page::Form(Section::Screening)),
        ],
    );
    assert_eq!(s.page, screen("urgency"));
}

#[test]
fn the_screening_ends_with_its_check_page_then_the_result() {
    let mut s = walk_icb();
    for (id, v) in [
        ("screening.urgent", "no"),
        ("screening.substantial_variation", "no"),
        ("screening.previous_involvement", "no"),
        ("screening.equality_need", "no"),
    ] {
        s = run(s, vec![choose(id, v)]);
    }
    s = run(s, vec![none_of_these("screening.public_interest")]);
    // Walk on from where the person is, page by page.
    while let Page::Screen(p) = s.page {
        let before = s.page;
        s = run(s, vec![Action::ContinueScreen(p)]);
        assert_ne!(s.page, before, "stuck on {}: {:?}", before.route(), s.shown);
    }
    assert_eq!(s.page, Page::ScreenCheck);
    // Complete: #/screening now leads to the check page.
    let again = run(
        s.clone(),
        vec![
            Action::Go(Page::Tasks),
            Action::Go(Page::Form(Section::Screening)),
        ],
    );
    assert_eq!(again.page, Page::ScreenCheck);
    let s = run(s, vec![Action::Go(Page::Decision)]);
    assert_eq!(s.page, Page::Decision);
}

#[test]
fn a_change_from_the_screening_check_page_returns_to_the_answer_changed() {
    let s = at_screen_check();
    assert_eq!(s.page, Page::ScreenCheck);
    let s = run(s, vec![Action::ChangeScreen("screening.urgent".into())]);
    assert_eq!(s.page, screen("urgency"));
    assert_eq!(s.focus, Some(Focus::Id("screening.urgent".into())));
    let s = run(
        s,
        vec![Action::ContinueScreen(flow::page("urgency").unwrap() as u8)],
    );
    assert_eq!(s.page, Page::ScreenCheck);
    assert_eq!(s.focus, Some(Focus::Id(check_row_id("screening.urgent"))));
}

#[test]
fn a_change_that_opens_a_new_page_asks_it_before_returning() {
    let s = run(
        at_screen_check(),
        vec![
            Action::ChangeScreen("screening.body".into()),
            choose("screening.body", "joint"),
            Action::ContinueScreen(0),
        ],
    );
    assert_eq!(s.page, screen("joint-working"), "the new questions first");
}

#[test]
fn a_change_from_check_answers_returns_there() {
    let s = run(
        walk_icb(),
        vec![
            Action::Go(Page::Check),
            Action::Change(Section::Screening, "screening.impact_delivery".into()),
        ],
    );
    assert_eq!(s.page, screen("impact"));
    let s = run(
        s,
        vec![Action::ContinueScreen(flow::page("impact").unwrap() as u8)],
    );
    assert_eq!(s.page, Page::Check);
}

#[test]
fn a_2017_record_is_asked_the_special_administrator_page() {
    let mut a = Answers::default();
    a.screening.ruleset = RulesetId::Nhse2017;
    let s = run(
        State::new(a, Page::Start, TODAY),
        vec![
            Action::Go(Page::Form(Section::Screening)),
            choose("screening.body", "ccg"),
            Action::ContinueScreen(0),
            choose("screening.relates_to_commissioning", "no"),
            Action::ContinueScreen(flow::page("relates").unwrap() as u8),
        ],
    );
    // Step 2 is skipped: the activity does not relate to commissioning.
    assert_eq!(s.page, screen("impact"));
    let pages: Vec<_> = flow::pages(&s.answers).map(|p| PAGES[p].slug).collect();
    assert!(pages.contains(&"special-administrator"), "{pages:?}");
}
