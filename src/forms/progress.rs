//! Task-list statuses for each section (NHS.UK task list pattern: "Not
//! started", "In progress", "Completed", "Cannot start yet").
//!
//! Definitions:
//! * **Not started**: no field of the section has an answer.
//! * **In progress**: something is answered but the section still has
//!   errors (a missing required answer, a date that is not real, ...).
//! * **Completed**: something is answered and [`validate_section`] reports no
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
//! and not started it shows "Not started", and [`completed_count`] /
//! [`total_count`] leave it out.

use crate::forms::access;
use crate::forms::catalogue::{self, Section};
use crate::forms::validate::{plan_expected, validate, validate_section, Report};
use crate::model::{Answers, Ymd};
use crate::rules::{self, Verdict};

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

/// Whether the section can be started yet (see the module docs).
pub fn can_start(a: &Answers, section: Section) -> bool {
    match section {
        Section::BStep2 => can_start_given(section, rules::assess(&a.screening).verdict),
        _ => true,
    }
}

/// [`can_start`] with the verdict already worked out.
pub fn can_start_given(section: Section, verdict: Verdict) -> bool {
    match section {
        Section::BStep2 => verdict != Verdict::Undetermined,
        _ => true,
    }
}

/// The task-list status of one section.
pub fn status(a: &Answers, section: Section, today: Ymd) -> Status {
    if !started(a, section) {
        return if can_start(a, section) {
            Status::NotStarted
        } else {
            Status::CannotStartYet
        };
    }
    if validate_section(a, section, today).is_complete() {
        Status::Completed
    } else {
        Status::InProgress
    }
}

/// [`status`] from the verdict and the whole document's validation report
/// already worked out (see [`crate::forms::derived`]): no rule run, no
/// validation.
pub fn status_given(a: &Answers, section: Section, verdict: Verdict, report: &Report) -> Status {
    if !started(a, section) {
        return if can_start_given(section, verdict) {
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

/// Whether the section counts towards the task list total: every section
/// except Appendix C when the plan is neither expected nor started.
pub fn counts(a: &Answers, section: Section) -> bool {
    counts_given(a, section, plan_expected(a))
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

/// [`counts`] with [`plan_expected`] already worked out.
pub fn counts_given(a: &Answers, section: Section, plan_expected: bool) -> bool {
    applies(a, section)
        && (section != Section::PlanC || plan_expected || started(a, Section::PlanC))
}

/// How many counted sections are completed ("You have completed 3 of 7 sections").
pub fn completed_count(a: &Answers, today: Ymd) -> usize {
    Section::ALL
        .into_iter()
        .filter(|s| counts(a, *s) && status(a, *s, today) == Status::Completed)
        .count()
}

/// How many sections count towards the total.
pub fn total_count(a: &Answers) -> usize {
    Section::ALL.into_iter().filter(|s| counts(a, *s)).count()
}

/// Status of the "Check your answers" task: cannot start until every
/// counted section has been started; completed when the whole form has no
/// errors; otherwise not started (it is a review page, never "in progress").
pub fn check_answers_status(a: &Answers, today: Ymd) -> Status {
    if !Section::ALL
        .into_iter()
        .filter(|s| counts(a, *s))
        .all(|s| started(a, s))
    {
        Status::CannotStartYet
    } else if validate(a, today).is_complete() {
        Status::Completed
    } else {
        Status::NotStarted
    }
}
