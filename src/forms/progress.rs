//! Task-list statuses for each section (NHS.UK task list pattern: "Not
//! started", "In progress", "Completed", "Cannot start yet").
//!
//! Definitions:
//! * **Not started**: no field of the section has an answer.
//! * **In progress**: something is answered but the section still has
//!   errors (a missing required answer, a date that is not real, ...).
//! * **Completed**: something is answered and the document's validation
//!   report ([`crate::forms::Derived::section_issues`]) has no
//!   errors for the section, which implies every required field (given the
//!   conditional reveals) is answered. Warnings do not stop completion.
//! * **Cannot start yet**, only for sections that build on earlier answers
//!   and only while nothing in them has been answered (an imported document
//!   is never hidden behind this status):
//!   - Step 2 ("Does the legal duty apply"), until the screening has a
//!     verdict: the person's opinion is asked after, and compared with, the
//!     screening.
//!
//! Appendix C is always available (a plan can be started before it is
//! expected), and optional unless [`plan_expected`]: when it is not expected
//! and not started it shows "Not started", and the count of sections
//! ([`counts`]) leaves it out.
//!
//! These are the rules; the values for a document are worked out once, with
//! the rules run once and the document validated once, by
//! [`crate::forms::derived::Derived`], which every page, the host API and the
//! tests read.

use crate::forms::access;
use crate::forms::catalogue::{self, Section};
#[cfg(doc)]
use crate::forms::validate::plan_expected;
use crate::forms::validate::Report;
use crate::model::Answers;
use crate::rules::Verdict;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
    CannotStartYet,
}

impl Status {
    /// The words shown in the task list.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::CannotStartYet => "Cannot start yet",
        }
    }
    /// Stable code (CSS classes, tests).
    pub fn code(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Completed => "completed",
            Status::CannotStartYet => "cannot_start_yet",
        }
    }
}

/// Whether any field of the section has an answer.
pub fn started(a: &Answers, section: Section) -> bool {
    catalogue::section_fields(section).any(|f| access::is_answered(a, f.id))
}

/// Whether the section can be started yet, given the rules' verdict (see
/// the module docs).
pub fn can_start(section: Section, verdict: Verdict) -> bool {
    match section {
        Section::BStep2 => verdict != Verdict::Undetermined,
        _ => true,
    }
}

/// The task-list status of one section, from the rules' verdict and the
/// whole document's validation report (both worked out once, in
/// [`crate::forms::derived::Derived`]): no rule run, no validation.
pub fn status(a: &Answers, section: Section, verdict: Verdict, report: &Report) -> Status {
    if !started(a, section) {
        return if can_start(section, verdict) {
            Status::NotStarted
        } else {
            Status::CannotStartYet
        };
    }
    if report.errors().any(|i| i.section() == Some(section)) {
        Status::InProgress
    } else {
        Status::Completed
    }
}

/// Whether the section is part of this assessment at all: its questions are
/// asked under the screening's ruleset (the equality and scrutiny records
/// are 2022's), and the scrutiny record only when a substantial development
/// or variation is proposed.
pub fn applies(a: &Answers, section: Section) -> bool {
    crate::forms::wording::section_asked(&a.screening, section)
        && (section != Section::Scrutiny
            || crate::forms::validate::condition_holds(a, catalogue::SCRUTINY_CONDITION))
}

/// Whether the section counts towards the task list total: every section
/// that [`applies`], except Appendix C when the plan is neither expected
/// ([`crate::forms::validate::plan_expected`]) nor started.
pub fn counts(a: &Answers, section: Section, plan_expected: bool) -> bool {
    applies(a, section)
        && (section != Section::PlanC || plan_expected || started(a, Section::PlanC))
}
