//! Involve: the duty to involve the public (NHS Act 2006 s.14Z2 and s.13Q)
//! as NHS England's 2017 statutory guidance sets it out, with its Appendix B
//! assessment form and Appendix C communications and engagement plan.
//!
//! `model`, `rules`, `forms`, `format` and `settings` (the organisation's
//! settings block) are plain Rust with no web
//! dependency; the CLI (`src/bin/involve.rs`) and the Yew app (`web`, behind
//! the `web` feature) are thin layers over them.

pub mod format;
pub mod forms;
pub mod model;
pub mod rules;
pub mod settings;

/// The Yew app; its state and reducer compile without the `web` feature so
/// they are tested natively.
pub mod web;
