//! Taking over from the prerendered page.
//!
//! index.html holds every page's first render as HTML, made by the build with
//! these same components (`make dist`, `scripts/prerender.mjs`): the start
//! page in `#app-pre` as the body's first content, the others as data blocks;
//! a small inline script shows the one the address names in `#app-pre` at
//! once, for a new user. People can type, tick and choose there while the
//! wasm is on its way. When the wasm starts,
//! [`crate::web::start`]:
//!
//! 1. reads the prerendered page ([`read_prerendered_page`]): every answer
//!    given there (by the field ids the question pages use), which element
//!    has focus with its caret, the scroll position, a click that was held
//!    back (below) and a file chosen or dropped;
//! 2. removes it and renders the app, whose first state has those answers
//!    ([`answers_typed_before`], through the reducer, so autosave keeps them);
//! 3. after that first render, still before the browser paints,
//!    [`after_first_render`] puts focus, caret and scroll back, then carries
//!    out the held-back click and loads the file.
//!
//! A click on a button, or on a link once something has been typed, cannot
//! be carried out by HTML alone: the inline script holds it back, marks the
//! control as waiting (`.app-waiting`, `aria-disabled`) and leaves a note in
//! `window.__involvePending`; the app then clicks the same control (same id,
//! or same element name, link and words) in its own render. Links on a page
//! with nothing typed work at once: the script shows that page's HTML.
//!
//! A returning user (saved answers in this browser) never sees blanks: the
//! script puts their saved answers into the page the address names, where
//! the build found that the page looks the same with them
//! (`src/bin/involve_prerender.rs`), and otherwise keeps the loading shell
//! until the app shows their answers. A saved answer it put in is each
//! box's default (`defaultValue`, `defaultChecked`): one left as it was is
//! not a change, one emptied or unticked before the app ran is.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::Callback;

use crate::forms::access::Value;
use crate::forms::catalogue::{self, Kind, NONE_VALUE};
use crate::model::DateInput;

use super::state::{Action, State};

/// Where focus was, with the caret of a text box.
struct Caret {
    id: String,
    selection: Option<(u32, u32, String)>,
    scroll_top: i32,
}

/// What the prerendered page held when the wasm started.
#[derive(Default)]
struct Taken {
    answers: Vec<(String, Value)>,
    focus: Option<Caret>,
    scroll: (f64, f64),
    /// `window.__involvePending`: `{ id, tag, href, text }` of a held-back click.
    click: Option<JsValue>,
    file: Option<web_sys::File>,
    /// `window.__involveShown`: the page showed its error summary after Save
    /// and continue, and the person then typed.
    shown: bool,
}

thread_local! {
    static TAKEN: RefCell<Option<Taken>> = const { RefCell::new(None) };
}

fn input_text(el: &Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return Some(i.value());
    }
    el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
}

/// What the page's script put into a text box from the saved answers.
fn default_text(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.default_value();
    }
    el.dyn_ref::<HtmlTextAreaElement>()
        .and_then(|t| t.default_value().ok())
        .unwrap_or_default()
}

/// Read what was given in `#app-pre` before it is removed (nothing when
/// there is none: a returning user, JavaScript-free test pages).
pub fn read_prerendered_page() {
    let doc = gloo::utils::document();
    let Some(pre) = doc.get_element_by_id("app-pre") else {
        return;
    };
    let mut t = Taken::default();
    let mut dates: Vec<(String, DateInput)> = Vec::new();
    // (name, ticked values, "None of these" ticked, anything ticked from the saved answers)
    let mut multi: Vec<(String, Vec<String>, bool, bool)> = Vec::new();
    if let Ok(list) = pre.query_selector_all("input, textarea") {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let kind = el.get_attribute("type").unwrap_or_default();
            let name = el.get_attribute("name").unwrap_or_default();
            match kind.as_str() {
                "radio" | "checkbox" => {
                    let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
                        continue;
                    };
                    // Ticked by the page's script from the saved answers.
                    let saved = input.default_checked();
                    if kind == "radio" {
                        if input.checked() {
                            t.answers.push((name, Value::Choice(Some(input.value()))));
                        }
                        continue;
                    }
                    let at = match multi.iter().position(|(n, _, _, _)| *n == name) {
                        Some(at) => at,
                        None => {
                            multi.push((name.clone(), Vec::new(), false, false));
                            multi.len() - 1
                        }
                    };
                    multi[at].3 |= saved;
                    if input.checked() {
                        let v = input.value();
                        if v == NONE_VALUE {
                            multi[at].2 = true;
                        } else {
                            multi[at].1.push(v);
                        }
                    }
                }
                "file" => {
                    if let Some(f) = el
                        .dyn_ref::<HtmlInputElement>()
                        .and_then(|i| i.files())
                        .and_then(|l| l.get(0))
                    {
                        t.file = Some(f);
                    }
                }
                _ => {
                    let id = el.id();
                    let Some(text) = input_text(&el) else {
                        continue;
                    };
                    // Empty and never filled: not an answer. Emptied after the
                    // page's script put a saved answer in: the answer removed.
                    if text.is_empty() && default_text(&el).is_empty() {
                        continue;
                    }
                    // A date box: `{id}-day`, `{id}-month`, `{id}-year`.
                    let part = ["-day", "-month", "-year"].iter().find_map(|p| {
                        let base = id.strip_suffix(p)?;
                        catalogue::field(base)
                            .filter(|f| f.kind == Kind::Date)
                            .map(|_| (base.to_string(), *p))
                    });
                    if let Some((base, p)) = part {
                        let at = match dates.iter().position(|(b, _)| *b == base) {
                            Some(at) => at,
                            None => {
                                dates.push((base, DateInput::default()));
                                dates.len() - 1
                            }
                        };
                        let d = &mut dates[at].1;
                        match p {
                            "-day" => d.day = text,
                            "-month" => d.month = text,
                            _ => d.year = text,
                        }
                    } else if catalogue::field(&id).is_some() {
                        t.answers.push((id, Value::Text(text)));
                    }
                }
            }
        }
    }
    t.answers
        .extend(dates.into_iter().map(|(id, d)| (id, Value::Date(d))));
    t.answers.extend(
        multi
            .into_iter()
            .filter(|(_, v, none, saved)| !v.is_empty() || *none || *saved)
            .map(|(id, values, none, _)| (id, Value::Multi { values, none })),
    );

    if let Some(active) = doc
        .active_element()
        .filter(|a| pre.contains(Some(a)) && !a.id().is_empty())
    {
        let selection = if let Some(i) = active.dyn_ref::<HtmlInputElement>() {
            // Only text boxes have a caret (an email box throws).
            match (i.selection_start(), i.selection_end()) {
                (Ok(Some(s)), Ok(Some(e))) => Some((
                    s,
                    e,
                    i.selection_direction().ok().flatten().unwrap_or_default(),
                )),
                _ => None,
            }
        } else if let Some(a) = active.dyn_ref::<HtmlTextAreaElement>() {
            match (a.selection_start(), a.selection_end()) {
                (Ok(Some(s)), Ok(Some(e))) => Some((
                    s,
                    e,
                    a.selection_direction().ok().flatten().unwrap_or_default(),
                )),
                _ => None,
            }
        } else {
            None
        };
        t.focus = Some(Caret {
            id: active.id(),
            selection,
            scroll_top: active.scroll_top(),
        });
    }
    if let Some(w) = web_sys::window() {
        t.scroll = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        let pending = js_sys::Reflect::get(&w, &JsValue::from_str("__involvePending"))
            .ok()
            .filter(|v| v.is_object());
        t.click = pending;
        t.shown = js_sys::Reflect::get(&w, &JsValue::from_str("__involveShown"))
            .ok()
            .is_some_and(|v| v.is_truthy());
        let dropped = js_sys::Reflect::get(&w, &JsValue::from_str("__involveFile"))
            .ok()
            .and_then(|f| f.dyn_into::<web_sys::File>().ok());
        if dropped.is_some() {
            t.file = dropped;
        }
    }
    TAKEN.with(|c| *c.borrow_mut() = Some(t));
}

/// The first state with the answers given in the prerendered page, each
/// through the reducer (so a clinical commissioning group makes the
/// assessment a 2017 one, and autosave keeps them).
pub fn answers_typed_before(mut s: State) -> State {
    let (answers, shown) = TAKEN.with(|c| {
        c.borrow_mut()
            .as_mut()
            .map(|t| (std::mem::take(&mut t.answers), t.shown))
            .unwrap_or_default()
    });
    for (id, v) in answers {
        // A returning user's saved answer, put into the page by its script
        // and left as it was: not a change (the document's `updated` stays).
        if crate::forms::access::get(&s.answers, &id).as_ref() == Some(&v) {
            continue;
        }
        s = s.apply(Action::Set(id, v));
    }
    // The error summary the page showed, for the answers as they now are.
    if shown {
        s = s.apply(Action::ShowIssues);
    }
    s
}

fn get(o: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(o, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The control a held-back click was made on, in the app's own render.
fn clicked(doc: &web_sys::Document, note: &JsValue) -> Option<HtmlElement> {
    let id = get(note, "id");
    if !id.is_empty() {
        return doc.get_element_by_id(&id)?.dyn_into().ok();
    }
    let (tag, href, text) = (get(note, "tag"), get(note, "href"), get(note, "text"));
    let list = doc
        .query_selector_all(if tag == "A" { "a" } else { "button" })
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|el| {
            el.text_content().unwrap_or_default() == text
                && el.get_attribute("href").unwrap_or_default() == href
        })
}

/// After the app's first render: focus, caret and scroll as they were, then
/// the held-back click and the chosen file.
pub fn after_first_render(load: &Callback<web_sys::File>) {
    let Some(t) = TAKEN.with(|c| c.borrow_mut().take()) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Some(f) = &t.focus {
        if let Some(el) = doc
            .get_element_by_id(&f.id)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = el.focus_with_options(&opts);
            if let Some((s, e, dir)) = &f.selection {
                if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
                    let _ = i.set_selection_range_with_direction(*s, *e, dir);
                } else if let Some(a) = el.dyn_ref::<HtmlTextAreaElement>() {
                    let _ = a.set_selection_range_with_direction(*s, *e, dir);
                }
            }
            el.set_scroll_top(f.scroll_top);
        }
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(t.scroll.0, t.scroll.1);
        let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str("__involvePending"));
        let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str("__involveFile"));
        let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str("__involveShown"));
    }
    if let Some(el) = t.click.as_ref().and_then(|note| clicked(&doc, note)) {
        el.click();
    }
    if let Some(f) = t.file {
        load.emit(f);
    }
}
