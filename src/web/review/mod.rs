//! "Review completed forms": governance teams check many downloaded forms
//! at once, in the browser, with the same core code as `involve check`.
//!
//! * `model`: [`Review`], its actions and reducer: plain Rust (no yew,
//!   web-sys), compiled and tested natively; its items are re-exported here.
//! * `web` (feature `web`): the page and its effects: choosing files and
//!   folders (file pickers, drag and drop of files and folders), checking
//!   them in small time slices so the page stays responsive, Cancel, the
//!   exports (exactly [`csv_report`](crate::format::csv::csv_report) and
//!   [`report_json`](crate::format::check::report_json)) and "Open this
//!   form" (the editor's own load path, which asks before replacing answers).
//!
//! Invariants: nothing is stored or sent, and the review never reads or
//! writes the user's saved answers; every count, verdict and message comes
//! from `format::check`.

mod model;
#[cfg(feature = "web")]
mod web;

pub use model::*;
#[cfg(feature = "web")]
pub use web::{page, use_review, ReviewHandle};
