//! Small NHS.UK building blocks shared by the pages: links that navigate
//! through the reducer, the error summary, tags.

use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, VList, VNode, VTag, VText};

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

/// The address of a page of the app.
#[inline(never)]
pub fn href(page: Page) -> String {
    let mut s = String::from("#");
    s.push_str(&page.route());
    s
}

fn go(page: Page, dispatch: &Callback<Action>) -> Callback<MouseEvent> {
    click(dispatch, Action::Go(page), true)
}

/// A click that sends `action`; `prevent` stops a link's own navigation.
/// One closure type for every such control of a kind of message (issue 5:
/// wasm size): the app's `Action`s, the review page's `Request`s.
#[inline(never)]
pub fn click<A: Clone + 'static>(
    dispatch: &Callback<A>,
    action: A,
    prevent: bool,
) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        if prevent {
            e.prevent_default();
        }
        d.emit(action.clone());
    })
}

/// A click that runs a root effect (download, print); `prevent` as for [`click`].
#[inline(never)]
pub fn click_unit(effect: &Callback<()>, prevent: bool) -> Callback<MouseEvent> {
    let f = effect.clone();
    Callback::from(move |e: MouseEvent| {
        if prevent {
            e.prevent_default();
        }
        f.emit(());
    })
}

/// A file input's `onchange`: hands the input's files to `chosen` (a
/// root effect reads them), then clears the input, so the same files can be
/// chosen again (after fixing one, say).
pub fn files_chosen(chosen: &Callback<Option<web_sys::FileList>>) -> Callback<Event> {
    let chosen = chosen.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        chosen.emit(input.files());
        input.set_value("");
    })
}

/// A drop zone's `ondrop`: stops the browser opening what was dropped and
/// hands the drop's data to `dropped` (a root effect) during the event,
/// while it can still be read.
pub fn files_dropped(dropped: &Callback<web_sys::DataTransfer>) -> Callback<DragEvent> {
    let dropped = dropped.clone();
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(dt) = e.data_transfer() {
            dropped.emit(dt);
        }
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
pub fn go_button(
    page: Page,
    text: &'static str,
    secondary: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick = click(dispatch, Action::Go(page), false);
    let class = if secondary {
        "nhsuk-button nhsuk-button--secondary"
    } else {
        "nhsuk-button"
    };
    with_attrs(
        html! { <button {onclick}>{ text }</button> },
        &["type", "class"],
        vec![Some("button".into()), Some(class.into())],
    )
}

/// A link in an error summary: moves focus to the field without changing
/// the page or the URL.
pub fn focus_link(target: String, text: Html, dispatch: &Callback<Action>) -> Html {
    let onclick = click(dispatch, Action::FocusId(target.clone()), true);
    html! { <a href={format!("#{target}")} {onclick}>{ text }</a> }
}

/// The error summary for issues shown after Save and continue: "There is a
/// problem", a link to each field with the inline message's words.
pub fn error_summary(shown: &[Issue], answers: &Answers, dispatch: &Callback<Action>) -> Html {
    let errors: Vec<&Issue> = shown
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
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
pub fn status_tag(id: String, label: &'static str, class: &'static str) -> Html {
    html! {
        <div class="nhsuk-task-list__status" id={id}>
            { tx("strong", class, label) }
        </div>
    }
}

// Markup builders. Each `html!` element expands to its own construction code
// (the VTag, its attribute list, its child list); these non-generic builders
// are one copy of that code for the many fixed elements of the pages (issue 5:
// wasm size). The DOM they make is the same as the `html!` it replaces.

/// Any element: tag, attributes, children (no listeners).
#[inline(never)]
fn node(tag: &'static str, attributes: Attributes, children: Html) -> Html {
    // Yew's public API only: `VTag::new` and its setters (issue 19).
    let mut t = VTag::new(AttrValue::Static(tag));
    t.set_attributes(attributes);
    if let Some(c) = t.children_mut() {
        *c = children;
    }
    VNode::VTag(Rc::new(t))
}

/// `class` (and `id`) attributes; an empty string leaves the attribute out.
#[inline(never)]
fn class_id(class: &'static str, id: &'static str) -> Attributes {
    // `Attribute(Static)`, not `AttributeOrProperty::Static`: the same DOM,
    // but Yew's server renderer (the build's prerender) leaves `Static`
    // values of `Attributes::Dynamic` out.
    let v = |s: &'static str| {
        (!s.is_empty()).then_some(AttributeOrProperty::Attribute(AttrValue::Static(s)))
    };
    Attributes::Dynamic {
        keys: &["class", "id"],
        values: Box::new([v(class), v(id)]),
    }
}

/// An element with a fixed class (empty: none) and children.
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, children: Html) -> Html {
    node(tag, class_id(class, ""), children)
}

/// An element with a fixed class and id (empty: none) and children.
#[inline(never)]
pub fn el_id(tag: &'static str, class: &'static str, id: &'static str, children: Html) -> Html {
    node(tag, class_id(class, id), children)
}

/// Fixed text.
#[inline(never)]
pub fn text(s: &'static str) -> Html {
    VNode::VText(VText::new(AttrValue::Static(s)))
}

/// An element with a fixed class (empty: none) holding fixed text.
#[inline(never)]
pub fn tx(tag: &'static str, class: &'static str, s: &'static str) -> Html {
    el(tag, class, text(s))
}

/// Several nodes side by side.
#[inline(never)]
pub fn kids(children: Vec<Html>) -> Html {
    VNode::VList(Rc::new(VList::with_children(children, None)))
}

/// Paragraphs (or other elements of one kind) of fixed text, in order.
#[inline(never)]
pub fn each(tag: &'static str, class: &'static str, texts: &'static [&'static str]) -> Html {
    kids(texts.iter().map(|s| tx(tag, class, s)).collect())
}

/// A list of fixed items.
#[inline(never)]
pub fn list(class: &'static str, ordered: bool, items: &'static [&'static str]) -> Html {
    el(
        if ordered { "ol" } else { "ul" },
        class,
        each("li", "", items),
    )
}

/// The NHS inset text with its "Information: " prefix for screen readers.
#[inline(never)]
pub fn inset(body: &'static str) -> Html {
    el(
        "div",
        "nhsuk-inset-text",
        kids(vec![
            tx("span", "nhsuk-u-visually-hidden", "Information: "),
            tx("p", "", body),
        ]),
    )
}

/// A warning card heading: "Important: " for screen readers, then the words.
#[inline(never)]
pub fn important_heading(words: &'static str) -> Html {
    el(
        "h2",
        "nhsuk-card__heading",
        node(
            "span",
            Attributes::Static(&[("role", AttributeOrProperty::Static("text"))]),
            kids(vec![
                tx("span", "nhsuk-u-visually-hidden", "Important: "),
                text(words),
            ]),
        ),
    )
}

/// The page heading (`tabindex="-1"` so focus can move to it).
#[inline(never)]
pub fn heading(class: &'static str, words: &'static str) -> Html {
    node(
        "h1",
        Attributes::Dynamic {
            keys: &["class", "tabindex"],
            values: Box::new([
                Some(AttributeOrProperty::Attribute(AttrValue::Static(class))),
                Some(AttributeOrProperty::Attribute(AttrValue::Static("-1"))),
            ]),
        },
        text(words),
    )
}

/// The NHS two-thirds column layout.
#[inline(never)]
pub fn two_thirds(children: Html) -> Html {
    el(
        "div",
        "nhsuk-grid-row",
        el("div", "nhsuk-grid-column-two-thirds", children),
    )
}
/// `node` (an element just built by `html!` with its listeners and value
/// but no attributes) with the attributes `keys` = `values` (`None`: left
/// out). `class={..}` in `html!` goes through Yew's `Classes` set
/// (splitting, hashing) whenever it is not a literal; this is plain
/// attribute code, one copy (issue 5). Same attributes, same DOM; the names
/// are one static list per call site, so Yew's fast comparison still applies.
#[inline(never)]
pub fn with_attrs(
    mut node: Html,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
) -> Html {
    if let VNode::VTag(tag) = &mut node {
        let tag = Rc::make_mut(tag);
        debug_assert!(
            matches!(&tag.attributes, Attributes::Static(a) if a.is_empty()),
            "with_attrs replaces the attributes"
        );
        debug_assert_eq!(keys.len(), values.len());
        tag.attributes = Attributes::Dynamic {
            keys,
            values: values
                .into_iter()
                .map(|v| v.map(AttributeOrProperty::Attribute))
                .collect(),
        };
    }
    node
}

/// [`with_attrs`] with a class only.
#[inline(never)]
pub fn set_class(node: Html, class: AttrValue) -> Html {
    with_attrs(node, &["class"], vec![Some(class)])
}

/// Class names joined by spaces, empty ones left out.
#[inline(never)]
pub fn class_list(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts.iter().filter(|p| !p.is_empty()) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(p);
    }
    s
}
