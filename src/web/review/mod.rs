//! "Review completed forms": governance teams check many downloaded forms
//! at once, in the browser, with the same core code as `involve check`.
//!
//! Three parts, like the rest of the app (state, effects at the root,
//! markup):
//!
//! * `model`: [`Review`], its actions and its reducer: plain Rust (no yew,
//!   web-sys), compiled and tested natively. Its items are re-exported here
//!   (`crate::web::review::{Review, ReviewAction, ...}`).
//! * `io` (feature `web`): every effect, owned by the root, which calls
//!   `use_review` once and hands the page the `ReviewEffects` it returns:
//!   reading the files chosen or dropped (a dropped folder is walked),
//!   checking them in small time slices so the page stays responsive,
//!   Cancel, the exports (exactly
//!   [`csv_report`](crate::format::csv::csv_report) and
//!   [`report_json`](crate::format::check::report_json)) and the annual
//!   report's downloads, "Open this form" (the editor's own load path, which
//!   asks before replacing answers) and focus after a change.
//! * `view` (feature `web`): the page, rendered from `&Review` and those
//!   callbacks. Its event handlers take plain data out of an event (a box's
//!   value, a file input's `FileList`, a drop's `DataTransfer`) and hand it
//!   to a callback; they never read a file, start a task or download.
//!
//! Invariants: nothing is stored or sent, and the review never reads or
//! writes the user's saved answers; every count, verdict and message comes
//! from `format::check`.

mod model;

#[cfg(feature = "web")]
mod io;
#[cfg(feature = "web")]
mod view;

pub use model::*;

#[cfg(feature = "web")]
pub use io::{use_review, ReviewEffects};
#[cfg(feature = "web")]
pub use view::page;
