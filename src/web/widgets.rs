//! Small NHS.UK building blocks shared by the pages: links that navigate
//! through the reducer, the error summary, tags.

use yew::prelude::*;

use crate::forms::{Issue, Severity};
use crate::model::Answers;

use super::fields::focus_target;
use super::state::{Action, Page};

/// `aria-describedby` for a field with an optional hint and error.
pub fn hint_ids(id: &str, hint: bool, err: bool) -> Option<String> {
    match (hint, err) {
        (false, false) => None,
        (true, false) => Some(format!("{id}-hint")),
        (false, true) => Some(format!("{id}-error")),
        (true, true) => Some(format!("{id}-hint {id}-error")),
    }
}

fn href(page: Page) -> String {
    let mut s = String::from("#");
    s.push_str(&page.route());
    s
}

fn go(page: Page, dispatch: &Callback<Action>) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        d.emit(Action::Go(page));
    })
}

/// A link to a page of the app.
pub fn go_link(page: Page, text: &'static str, dispatch: &Callback<Action>) -> Html {
    html! { <a class="nhsuk-link" href={href(page)} onclick={go(page, dispatch)}>{ text }</a> }
}

/// The NHS back link.
pub fn back_link(page: Page, text: &'static str, dispatch: &Callback<Action>) -> Html {
    html! {
        <a class="nhsuk-back-link app-screen-nav" href={href(page)} onclick={go(page, dispatch)}>{ text }</a>
    }
}

/// A primary (or secondary) button that goes to a page.
pub fn go_button(page: Page, text: &'static str, secondary: bool, dispatch: &Callback<Action>) -> Html {
    let d = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| d.emit(Action::Go(page)));
    html! {
        <button type="button" class={classes!("nhsuk-button", secondary.then_some("nhsuk-button--secondary"))} {onclick}>{ text }</button>
    }
}

/// A link in an error summary: moves focus to the field without changing
/// the page or the URL.
pub fn focus_link(target: String, text: Html, dispatch: &Callback<Action>) -> Html {
    let d = dispatch.clone();
    let t = target.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        d.emit(Action::FocusId(t.clone()));
    });
    html! { <a href={format!("#{target}")} {onclick}>{ text }</a> }
}

/// The error summary for issues shown after Save and continue: "There is a
/// problem", a link to each field with the inline message's words.
pub fn error_summary(shown: &[Issue], answers: &Answers, dispatch: &Callback<Action>) -> Html {
    let errors: Vec<&Issue> = shown.iter().filter(|i| i.severity == Severity::Error).collect();
    if errors.is_empty() {
        return Html::default();
    }
    let items = errors.iter().map(|i| {
        html! { <li>{ focus_link(focus_target(&i.path, answers), html! { &i.message }, dispatch) }</li> }
    });
    summary_box(html! { { for items } })
}

/// An error summary with one message linking to one element.
pub fn error_summary_one(target: &str, message: &str, dispatch: &Callback<Action>) -> Html {
    summary_box(html! { <li>{ focus_link(target.to_string(), html! { message }, dispatch) }</li> })
}

fn summary_box(items: Html) -> Html {
    html! {
        <div class="nhsuk-error-summary" id="error-summary" tabindex="-1">
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{ "There is a problem" }</h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">{ items }</ul>
                </div>
            </div>
        </div>
    }
}

/// A status tag for the task list (words always present: no colour-only meaning).
pub fn status_tag(id: String, label: &str, colour: Option<&'static str>) -> Html {
    let class = match colour {
        Some(c) => classes!("nhsuk-tag", c),
        None => classes!("nhsuk-tag", "nhsuk-tag--no-colour", "nhsuk-tag--no-border", "nhsuk-u-font-weight-normal"),
    };
    html! {
        <div class="nhsuk-task-list__status" id={id}>
            <strong class={class}>{ label.to_string() }</strong>
        </div>
    }
}
