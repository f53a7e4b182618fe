//! Task-list statuses and section reports, as the UI needs them, taken from
//! the core's validation. The single place the UI asks "how far along is
//! this section?".

use crate::forms::access;
use crate::forms::catalogue;
use crate::forms::{Report, Section};
use crate::model::{Answers, Ymd};

/// The status of a task-list section (NHS "complete multiple tasks").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::CannotStartYet => "Cannot start yet",
        }
    }
}

/// The issues of one section.
pub fn section_report(a: &Answers, s: Section, today: Ymd) -> Report {
    let mut r = crate::forms::validate(a, today);
    r.issues.retain(|i| catalogue::field_for_path(&i.path).is_some_and(|f| f.section == s));
    r
}

/// A section's status: not started when nothing in it is answered,
/// completed when it has no errors, otherwise in progress.
pub fn status(a: &Answers, s: Section, today: Ymd) -> Status {
    let started = catalogue::section_fields(s).any(|f| access::is_answered(a, f.id));
    if !started {
        return Status::NotStarted;
    }
    if section_report(a, s, today).is_complete() {
        Status::Completed
    } else {
        Status::InProgress
    }
}

/// Whether Appendix C is offered because the duty applies and Step 4 says
/// additional arrangements are needed.
pub fn plan_offered(a: &Answers) -> bool {
    rules::assess(&a.screening).verdict == rules::Verdict::Applies && a.b.additional_required == Some(crate::model::YesNo::Yes)
}

use crate::rules;
