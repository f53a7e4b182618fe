//! The Yew app: a thin layer over the domain.
//!
//! * [`state`] — the one state value, the closed `Action` enum and the
//!   reducer. Plain Rust, compiled and tested without a browser.
//! * [`doc`] — the core's document format, as the UI calls it (plain Rust).
//! * [`review`] — "Review completed forms": its state and reducer (plain
//!   Rust) and, with the `web` feature, its effects (`use_review`, called by
//!   the root) and its page (markup only).
//! * [`host`] — the host-page API's messages (postMessage protocol
//!   `involve` version 1) and their checks (plain Rust).
//! * `app` — the root: the state, and every effect, handed down as
//!   callbacks; `effects` (the browser calls), `takeover` (from the
//!   prerendered page) and `recovery` (after a panic) are only its helpers.
//! * `pages`, `about` (accessibility statement, privacy, footer and the
//!   organisation's settings on screen), `fields`, `decision`, `print`,
//!   `widgets` — markup only; they render state and dispatch actions.
//!
//! Invariant: the UI renders and dispatches; rules, validation, labels and
//! the file format belong to `rules`, `forms` and `format`.

pub mod doc;
pub mod host;
pub mod review;
pub mod state;

#[cfg(feature = "web")]
mod about;
#[cfg(feature = "web")]
mod app;
#[cfg(feature = "web")]
mod decision;
#[cfg(feature = "web")]
mod effects;
#[cfg(feature = "web")]
pub mod fields;
#[cfg(feature = "web")]
mod pages;
#[cfg(feature = "web")]
mod print;
#[cfg(feature = "web")]
mod recovery;
#[cfg(feature = "web")]
mod takeover;
#[cfg(feature = "web")]
mod widgets;

#[cfg(feature = "web")]
pub use app::{prerender_state, App, AppProps};

/// The document title the app gives a page (without errors).
#[cfg(feature = "web")]
pub fn page_title(page: state::Page) -> String {
    app::document_title(pages::title(page), false)
}

/// The document title of a page showing errors ("Error: " first).
#[cfg(feature = "web")]
pub fn error_page_title(page: state::Page) -> String {
    app::document_title(pages::title(page), true)
}

/// Mount the app on the document body, in place of what index.html shows
/// while the wasm loads: the prerendered page (`#app-pre`, see
/// [`takeover`]) or the loading shell (`#app-loading`). What was typed into
/// the prerendered page is read first; Yew renders in a microtask, before
/// the browser next paints, so nothing is seen between the two.
#[cfg(feature = "web")]
pub fn start() {
    recovery::install();
    takeover::read_prerendered_page();
    let doc = gloo::utils::document();
    for id in ["app-loading", "app-pre"] {
        if let Some(el) = doc.get_element_by_id(id) {
            el.remove();
        }
    }
    // The other pages' HTML (data blocks, scripts/prerender.mjs): not needed once the app runs.
    if let Ok(blocks) = doc.query_selector_all(".app-prerendered") {
        for i in 0..blocks.length() {
            if let Some(b) = blocks.item(i) {
                if let Some(p) = b.parent_node() {
                    let _ = p.remove_child(&b);
                }
            }
        }
    }
    yew::Renderer::<App>::new().render();
}
