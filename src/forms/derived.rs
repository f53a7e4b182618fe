//! What the answers imply, worked out once per change: the rules'
//! assessment, the whole document's validation report and every section's
//! task-list status. The app keeps one beside its answers and every page
//! reads it, so showing the task list, the check-answers page or a question
//! page runs neither the rules nor the validator again.
//!
//! It is the only way to these values: `progress` and `validate` give the
//! rules for one section or question from a verdict or report already
//! worked out, never a second route that runs the rules again. Tests
//! (`tests/forms_progress.rs`) count the rule runs.

use crate::forms::catalogue::Section;
use crate::forms::progress::{self, Status};
use crate::forms::validate::{self, Issue, Report};
use crate::model::{Answers, Ymd};
use crate::rules::{self, Assessment};

#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// The rules run once over the screening answers.
    pub assessment: Assessment,
    /// The whole document validated against `today`.
    pub report: Report,
    /// Each section's task-list status, in [`Section::ALL`] order.
    pub statuses: Vec<Status>,
    /// Counted sections completed, and how many count ("3 of 7").
    pub completed: usize,
    pub total: usize,
    /// The "Check your answers" task's status.
    pub check: Status,
    /// Whether Appendix C is expected ([`validate::plan_expected`]).
    pub plan_expected: bool,
}

impl Derived {
    /// Runs the rules once and validates once.
    pub fn new(a: &Answers, today: Ymd) -> Derived {
        let assessment = rules::assess(&a.screening);
        let verdict = assessment.verdict;
        let report = validate::validate_assessed(a, today, &assessment);
        let plan_expected = validate::plan_expected(a, verdict);
        let statuses: Vec<Status> = Section::ALL
            .iter()
            .map(|s| progress::status(a, *s, verdict, &report))
            .collect();
        let counts = |s: Section| progress::counts(a, s, plan_expected);
        let mut completed = 0;
        let mut total = 0;
        let mut all_started = true;
        for (s, st) in Section::ALL.iter().zip(&statuses) {
            if counts(*s) {
                total += 1;
                if *st == Status::Completed {
                    completed += 1;
                }
                if !progress::started(a, *s) {
                    all_started = false;
                }
            }
        }
        let check = if !all_started {
            Status::CannotStartYet
        } else if report.is_complete() {
            Status::Completed
        } else {
            Status::NotStarted
        };
        Derived {
            assessment,
            report,
            statuses,
            completed,
            total,
            check,
            plan_expected,
        }
    }

    /// The task-list status of one section.
    pub fn status(&self, section: Section) -> Status {
        let i = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
        self.statuses[i]
    }

    /// The issues of one section, in page order (what Save and continue shows).
    pub fn section_issues(&self, section: Section) -> impl Iterator<Item = &Issue> {
        self.report
            .issues
            .iter()
            .filter(move |i| i.section() == Some(section))
    }
}
