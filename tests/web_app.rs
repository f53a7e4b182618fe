//! Component tests of the Yew app in headless Chromium (wasm-bindgen-test):
//! question pages, validation UX, conditional reveals, exclusive checkboxes,
//! task-list statuses, the decision panel and repeating rows.
//!
//! Each test mounts the real `App` on a fresh root with a known hash and
//! storage, drives it through the DOM and destroys it at the end.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::time::Duration;

use involve::forms::access::{self, Value};
use involve::model::{Answers, Ymd};
use involve::web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

thread_local! {
    /// The app mounted by the previous test, destroyed by the next mount even
    /// when that test failed before unmounting it.
    static MOUNTED: std::cell::RefCell<Option<(AppHandle<App>, Element)>> = const { std::cell::RefCell::new(None) };
}

/// Mount the app at `hash` with `answers` saved in this browser (none: empty storage).
async fn mount(hash: &str, answers: Option<Answers>) -> (Handle, Element) {
    if let Some((h, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        h.destroy();
        root.remove();
        tick().await;
    }
    let w = web_sys::window().unwrap();
    let storage = w.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    if let Some(a) = answers {
        let today = Ymd {
            year: 2024,
            month: 6,
            day: 1,
        };
        let text =
            involve::web::doc::write(&a, today, "2024-06-01T09:00:00Z", "2024-06-01T09:00:00Z");
        storage.set_item("involve.answers", &text).unwrap();
    }
    w.location().set_hash(hash).unwrap();
    tick().await;
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((handle, root.clone())));
    tick().await;
    (Handle, root)
}

/// A token: the mounted app lives in `MOUNTED`.
struct Handle;

async fn unmount(_: Handle, _: Element) {
    if let Some((h, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        h.destroy();
        root.remove();
        tick().await;
    }
}

fn el(id: &str) -> HtmlElement {
    doc()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no element #{id}"))
        .unchecked_into()
}

fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn all_text(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .inner_text()
        })
        .collect()
}

async fn click_button(root: &Element, text: &str) {
    let list = root.query_selector_all("button, a").unwrap();
    for i in 0..list.length() {
        let b: HtmlElement = list.item(i).unwrap().unchecked_into();
        if b.inner_text().trim() == text {
            b.click();
            tick().await;
            return;
        }
    }
    panic!("no button or link {text:?}");
}

fn active_id() -> String {
    doc().active_element().map(|e| e.id()).unwrap_or_default()
}

/// Focus moves in an effect after the render, so on a loaded machine it can
/// land after `tick()`: wait up to 3 s for it to reach `id`, then compare.
async fn focus_settles_on(id: &str) {
    for _ in 0..300 {
        if active_id() == id {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(active_id(), id, "focus did not move to #{id} within 3 s");
}

fn planning_case() -> Answers {
    let mut a = Answers::default();
    for (id, v) in [
        ("screening.body", Value::Choice(Some("ccg".into()))),
        (
            "screening.relates_to_commissioning",
            Value::Choice(Some("yes".into())),
        ),
        (
            "screening.activities",
            Value::Multi {
                values: vec!["planning".into()],
                none: false,
            },
        ),
        (
            "screening.trust_special_administrator",
            Value::Choice(Some("no".into())),
        ),
        ("screening.urgent", Value::Choice(Some("no".into()))),
    ] {
        assert!(access::set(&mut a, id, v), "{id}");
    }
    a
}

#[wasm_bindgen_test]
async fn a_question_page_uses_fieldsets_and_nothing_is_preselected() {
    let (h, root) = mount("#/screening", None).await;
    assert_eq!(
        all_text(&root, "main h1"),
        vec!["Screen for the legal duty"]
    );
    let legend = find(&root, "fieldset legend").expect("radios sit in a fieldset with a legend");
    assert!(!legend.inner_text().is_empty());
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert!(radios.length() > 0);
    for i in 0..radios.length() {
        let r: HtmlInputElement = radios.item(i).unwrap().unchecked_into();
        assert!(!r.checked(), "radio {} is pre-selected", r.id());
    }
    assert!(
        doc().title().starts_with("Screen for the legal duty"),
        "{}",
        doc().title()
    );
    assert!(
        find(&root, "button[type=submit]").is_some_and(|b| b.inner_text() == "Save and continue")
    );
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn save_and_continue_on_an_empty_section_shows_a_focused_error_summary() {
    let (h, root) = mount("#/b-step-1", None).await;
    assert!(
        find(&root, ".nhsuk-error-summary").is_none(),
        "no errors before Save and continue"
    );
    click_button(&root, "Save and continue").await;
    let summary = find(&root, ".nhsuk-error-summary").expect("an error summary");
    assert!(summary.inner_text().contains("There is a problem"));
    assert!(find(&root, ".nhsuk-error-summary [role=alert]").is_some());
    let links = all_text(&root, ".nhsuk-error-summary__list a");
    let inline = all_text(&root, ".nhsuk-error-message");
    assert!(!links.is_empty());
    assert_eq!(
        links.len(),
        inline.len(),
        "one summary link per inline error"
    );
    for (l, m) in links.iter().zip(&inline) {
        assert_eq!(
            format!("Error: {l}"),
            m.replace('\n', "").trim(),
            "summary and inline messages use the same words"
        );
    }
    focus_settles_on("error-summary").await;
    assert!(doc().title().starts_with("Error: "), "{}", doc().title());
    assert!(find(&root, ".nhsuk-form-group--error").is_some());
    // A summary link moves focus to the field without changing the page.
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    let first: HtmlElement = root
        .query_selector(".nhsuk-error-summary__list a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let target = first.get_attribute("href").unwrap();
    first.click();
    focus_settles_on(target.trim_start_matches('#')).await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), hash);
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn choosing_yes_reveals_the_follow_up_question() {
    let (h, root) = mount("#/screening/urgency", None).await;
    assert!(
        doc()
            .get_element_by_id("screening.urgency_ground")
            .is_none(),
        "hidden until Yes"
    );
    el("screening.urgent").click();
    tick().await;
    let reveal = find(&root, ".nhsuk-radios__conditional").expect("a conditional reveal");
    assert!(
        reveal
            .query_selector("[id='screening.urgency_ground']")
            .unwrap()
            .is_some(),
        "why it is urgent is revealed under Yes"
    );
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn the_exclusive_none_option_clears_the_others() {
    let (h, root) = mount("#/screening/patients", None).await;
    let first: HtmlInputElement = el("screening.patient_matters").unchecked_into();
    first.click();
    tick().await;
    assert!(first.checked());
    let none: HtmlInputElement = root
        .query_selector("input[name='screening.patient_matters'][value=none]")
        .unwrap()
        .expect("a none option")
        .unchecked_into();
    none.click();
    tick().await;
    let first: HtmlInputElement = el("screening.patient_matters").unchecked_into();
    assert!(!first.checked(), "ticking none unticks the others");
    assert!(all_text(&root, ".nhsuk-checkboxes__divider").contains(&"or".to_string()));
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn the_task_list_shows_statuses_and_progress() {
    let (h, root) = mount("#/tasks", None).await;
    assert!(find(&root, "#task-progress")
        .unwrap()
        .inner_text()
        .starts_with("You have completed 0 of "));
    assert_eq!(
        find(&root, "#task-screening-status")
            .unwrap()
            .inner_text()
            .trim(),
        "Not started"
    );
    unmount(h, root).await;
    let (h, root) = mount("#/tasks", Some(planning_case())).await;
    let status = find(&root, "#task-screening-status").unwrap().inner_text();
    assert!(
        status.trim() == "In progress" || status.trim() == "Completed",
        "{status}"
    );
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn the_decision_panel_explains_a_planning_case() {
    let (h, root) = mount("#/decision", Some(planning_case())).await;
    let text = find(&root, "main").unwrap().inner_text();
    assert!(
        text.contains("The legal duty to involve the public applies"),
        "{text}"
    );
    assert!(text.contains("section 14Z2"), "names the section");
    assert!(text.contains("planning"), "names the limb");
    assert!(text.contains("How this was decided"));
    let svg = find(&root, "main figure.app-diagram svg[role=img]").expect("the diagram");
    assert!(svg.get_attribute("aria-labelledby").is_some());
    assert!(svg.inner_html().contains("Your route"));
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn adding_and_removing_milestones_moves_focus() {
    let (h, root) = mount("#/plan-c", None).await;
    el("add-milestone").click();
    tick().await;
    assert!(all_text(&root, "legend").iter().any(|l| l == "Milestone 1"));
    focus_settles_on("c.timescales[0].what").await;
    click_button(&root, "Add another milestone").await;
    focus_settles_on("c.timescales[1].what").await;
    click_button(&root, "Remove milestone 2").await;
    focus_settles_on("c.timescales[0].what").await;
    assert!(!all_text(&root, "legend").iter().any(|l| l == "Milestone 2"));
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn check_answers_shows_not_provided_and_change_links_return_there() {
    let (h, root) = mount("#/check", Some(planning_case())).await;
    assert!(all_text(&root, ".nhsuk-summary-list__value")
        .iter()
        .any(|v| v.trim() == "Not provided"));
    assert!(find(&root, "button[type=submit]").is_some_and(|b| b.inner_text().contains("Download")));
    let change: HtmlElement = root
        .query_selector(".nhsuk-summary-list__actions a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(change.inner_text().starts_with("Change"));
    assert!(find(
        &root,
        ".nhsuk-summary-list__actions a .nhsuk-u-visually-hidden"
    )
    .is_some());
    change.click();
    tick().await;
    assert_eq!(
        all_text(&root, "main h1"),
        vec!["Screen for the legal duty"]
    );
    assert!(all_text(&root, "a")
        .iter()
        .any(|t| t == "Back to check your answers"));
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn answers_typed_are_saved_in_this_browser() {
    let (h, root) = mount("#/screening/relates", None).await;
    el("screening.relates_to_commissioning").click();
    tick().await;
    yew::platform::time::sleep(Duration::from_millis(400)).await;
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("involve.answers")
        .unwrap();
    let (answers, _) =
        involve::web::doc::read(saved.expect("saved").as_bytes()).expect("a readable document");
    assert_eq!(
        answers.screening.relates_to_commissioning,
        Some(involve::model::YesNo::Yes)
    );
    unmount(h, root).await;
}

/// A trust moving an outpatient clinic: s.242(1B)(c) under the 2022 guidance.
fn trust_case() -> Answers {
    let mut a = involve::web::state::new_answers();
    for (id, v) in [
        ("screening.body", Value::Choice(Some("nhs_trust".into()))),
        (
            "screening.relates_to_commissioning",
            Value::Choice(Some("yes".into())),
        ),
        (
            "screening.activities",
            Value::Multi {
                values: vec!["operational".into()],
                none: false,
            },
        ),
        (
            "screening.impact_delivery",
            Value::Choice(Some("yes".into())),
        ),
        ("screening.impact_range", Value::Choice(Some("no".into()))),
        ("screening.urgent", Value::Choice(Some("no".into()))),
    ] {
        assert!(access::set(&mut a, id, v), "{id}");
    }
    a
}

#[wasm_bindgen_test]
async fn a_new_assessment_asks_which_organisation_in_2022_words() {
    let (h, root) = mount("#/screening", None).await;
    let labels = all_text(&root, "label.nhsuk-radios__label");
    for l in [
        "An integrated care board (ICB)",
        "An NHS trust or NHS foundation trust",
        "NHS England",
        "A clinical commissioning group (before July 2022)",
    ] {
        assert!(labels.iter().any(|x| x == l), "{l} in {labels:?}");
    }
    unmount(h, root).await;
    // The special administrator question is 2022's too (s.14Z45(7), s.13Q(4)),
    // worded with its 2022 subsections and optional.
    let (h, root) = mount("#/screening/special-administrator", None).await;
    let text = find(&root, "main").unwrap().inner_text();
    assert!(text.contains("section 14Z45(7)"), "the 2022 subsection");
    assert!(!text.contains("14Z2(7)"), "no 2017 subsection");
    unmount(h, root).await;
    let (h, root) = mount("#/tasks", None).await;
    assert!(find(&root, "#task-ruleset")
        .unwrap()
        .inner_text()
        .contains("2022 guidance"));
    assert!(
        find(&root, "#reassess-tasks").is_none(),
        "nothing to reassess"
    );
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn a_trusts_decision_names_section_242_and_no_ccg() {
    let (h, root) = mount("#/decision", Some(trust_case())).await;
    let text = find(&root, "main").unwrap().inner_text();
    assert!(
        text.contains("The legal duty to involve the public applies"),
        "{text}"
    );
    assert!(text.contains("section 242(1B)(c)"), "{text}");
    assert!(text.contains("2022 guidance"), "names the ruleset");
    let svg = find(&root, "main figure.app-diagram svg")
        .unwrap()
        .inner_html();
    assert!(
        svg.contains("the trust is responsible for"),
        "the trust's Step 1"
    );
    assert!(!svg.contains("special administrator"));
    for word in ["CCG", "clinical commissioning group"] {
        assert!(!text.contains(word) && !svg.contains(word), "{word}");
    }
    unmount(h, root).await;
}

#[wasm_bindgen_test]
async fn a_2017_record_offers_to_reassess_it_under_2022() {
    let (h, root) = mount("#/decision", Some(planning_case())).await;
    click_button(&root, "Reassess under the 2022 guidance").await;
    assert_eq!(
        all_text(&root, "main h1"),
        vec!["Reassess under the 2022 guidance"]
    );
    click_button(&root, "Continue").await;
    assert!(find(&root, "#error-summary")
        .unwrap()
        .inner_text()
        .contains("There is a problem"));
    focus_settles_on("error-summary").await;
    let icb: HtmlInputElement = el("reassess-icb").unchecked_into();
    icb.set_value("NHS Riverside ICB");
    icb.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    click_button(&root, "Continue").await;
    assert_eq!(
        all_text(&root, "main h1"),
        vec!["Reassessed under the 2022 guidance"]
    );
    let text = find(&root, "main").unwrap().inner_text();
    assert!(text.contains("An integrated care board (ICB)"), "{text}");
    unmount(h, root).await;
}
