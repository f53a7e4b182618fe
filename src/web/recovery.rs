//! Recovery after a panic: a plain-DOM panel (no Yew, which cannot run after
//! a panic) that offers the last known answers as a download.
//!
//! The root component calls [`remember`] on every render, so the snapshot is
//! always the answers on screen. [`install`] sets the panic hook; in release
//! builds (`panic = "abort"`) the hook still runs before the wasm traps.
//!
//! Test trigger (documented, inert for users): the address
//! `…?test-panic#/__panic` panics on purpose, so the end-to-end tests can
//! check this panel. Without the `test-panic` query the route is unknown and
//! shows the start page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::model::{Answers, Ymd};

thread_local! {
    static SNAPSHOT: RefCell<Option<(Rc<Answers>, String, Ymd)>> = const { RefCell::new(None) };
}

/// Keep the answers on screen (and their creation time) for the panic hook:
/// the answers are shared, so this is a pointer copy.
pub fn remember(answers: &Rc<Answers>, created: &str, today: Ymd) {
    let _ = SNAPSHOT.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            let same = s
                .as_ref()
                .is_some_and(|(a, c, _)| Rc::ptr_eq(a, answers) && c == created);
            if !same {
                *s = Some((answers.clone(), created.to_string(), today));
            }
        }
    });
}

/// Install the panic hook that shows the recovery panel. Through Yew's
/// `set_custom_panic_hook`: a plain `std::panic::set_hook` would be replaced
/// by Yew's default hook when the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Involve stopped: {info}").into());
        let _ = show_panel();
    }));
}

/// Panics on purpose when the page was opened with `?test-panic` and the
/// route is `#/__panic` (end-to-end tests only; see the module docs).
pub fn test_panic_if_asked() {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    if hash == "#/__panic"
        && search
            .trim_start_matches('?')
            .split('&')
            .any(|p| p == "test-panic")
    {
        panic!("deliberate panic for the recovery test (?test-panic#/__panic)");
    }
}

/// The document text of the last known answers and its file name, if there are answers.
fn snapshot_document() -> Option<(String, String)> {
    SNAPSHOT
        .try_with(|s| {
            let s = s.try_borrow().ok()?;
            let (answers, created, today) = s.as_ref()?;
            if super::state::blank(answers) {
                return None;
            }
            let text = super::doc::write(answers, *today, created, &super::effects::now_rfc3339());
            Some((text, super::doc::filename(answers, *today)))
        })
        .ok()
        .flatten()
}

fn el(doc: &web_sys::Document, tag: &str, class: &str, text: &str) -> Option<web_sys::Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Some(e)
}

fn add(
    doc: &web_sys::Document,
    parent: &web_sys::Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<web_sys::Element> {
    let e = el(doc, tag, class, text)?;
    parent.append_child(&e).ok()?;
    Some(e)
}

fn show_panel() -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let body = doc.body()?;
    if doc.get_element_by_id("recovery").is_some() {
        return Some(());
    }
    // Remove the app's (dead) markup, keeping scripts and styles.
    let mut child = body.first_element_child();
    while let Some(c) = child {
        child = c.next_element_sibling();
        let tag = c.tag_name();
        if tag != "SCRIPT" && tag != "STYLE" && tag != "LINK" {
            c.remove();
        }
    }
    doc.set_title("Sorry, there is a problem \u{2013} Involve");
    let wrap = el(&doc, "div", "nhsuk-width-container", "")?;
    wrap.set_id("recovery");
    let main = el(&doc, "main", "nhsuk-main-wrapper", "")?;
    main.set_id("maincontent");
    let alert = el(&doc, "div", "", "")?;
    alert.set_attribute("role", "alert").ok()?;
    add(
        &doc,
        &alert,
        "h1",
        "nhsuk-heading-l",
        "Sorry, there is a problem with Involve",
    )?;
    match snapshot_document() {
        Some((text, filename)) => {
            add(&doc, &alert, "p", "", "Your answers are not lost. Download them now, then reload this page and load the file to carry on.")?;
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
            let opts = web_sys::BlobPropertyBag::new();
            opts.set_type("application/json");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let a: web_sys::HtmlAnchorElement =
                el(&doc, "a", "nhsuk-button", "Download your answers (JSON)")?
                    .dyn_into()
                    .ok()?;
            a.set_id("recovery-download");
            a.set_href(&url);
            a.set_download(&filename);
            alert.append_child(&a).ok()?;
            add(
                &doc,
                &alert,
                "p",
                "",
                "If you have already downloaded them, reload this page.",
            )?;
        }
        None => {
            add(&doc, &alert, "p", "", "You had not entered any answers, so nothing is lost. Reload this page to start again.")?;
        }
    }
    main.append_child(&alert).ok()?;
    wrap.append_child(&main).ok()?;
    body.prepend_with_node_1(&wrap).ok()?;
    Some(())
}
