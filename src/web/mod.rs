//! The Yew app: a thin layer over the domain.
//!
//! * [`state`] — the one state value, the closed `Action` enum and the
//!   reducer. Plain Rust, compiled and tested without a browser.
//! * [`doc`] — the core's document format, as the UI calls it (plain Rust).
//! * [`review`] — "Review completed forms": its state and reducer (plain
//!   Rust) and, with the `web` feature, the page and its effects.
//! * `app` (root: effects), `pages`, `fields`, `decision`, `print`,
//! * [`host`] — the host-page API's messages (postMessage protocol
//!   `involve` version 1) and their checks (plain Rust).
//! * `app` (root: effects), `pages`, `about` (accessibility statement,
//!   privacy, footer and the organisation's settings on screen), `fields`, `decision`, `print`,
//!   `widgets` — markup only; they render state and dispatch actions.
//!
//! Invariant: the UI renders and dispatches; rules, validation, labels and
//! the file format belong to `rules`, `forms` and `format`.

pub mod doc;
pub mod review;
pub mod host;
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
mod widgets;

#[cfg(feature = "web")]
pub use app::App;

/// Mount the app on the document body, in place of index.html's loading
/// shell (`#app-loading`). Yew renders in a microtask, before the browser
/// next paints, so the shell never leaves an empty frame behind it.
#[cfg(feature = "web")]
pub fn start() {
    recovery::install();
    if let Some(shell) = gloo::utils::document().get_element_by_id("app-loading") {
        shell.remove();
    }
    yew::Renderer::<App>::new().render();
}
