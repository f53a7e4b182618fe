//! Appendix B and C: the field catalogue (labels, hints and kinds in one
//! place, for the UI, the print view and validation), get/set access to
//! answers by field id, and validation into a report of every problem.
//!
//! Knows nothing about the web or files.

pub mod access;
pub mod catalogue;
pub mod dates;
pub mod derived;
pub mod prefill;
pub mod progress;
pub mod reassess;
pub mod screening_flow;
pub mod scrutiny;
pub mod validate;
pub mod wording;

pub use access::{display, get, is_answered, set, Value};
pub use catalogue::{field, fields, option_label, section_fields, Field, Kind, Required, Section};
pub use derived::Derived;
pub use progress::Status;
pub use validate::{Issue, Report, Severity};
