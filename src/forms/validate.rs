//! Validation: collect every problem in the answers.

use crate::model::{Answers, Ymd};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: where, a stable code, and the message shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Field path, e.g. `b.title` or `c.risks[1].action`.
    pub path: String,
    pub code: &'static str,
    pub message: String,
    pub severity: Severity,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }
    /// Complete means no errors (warnings do not block).
    pub fn is_complete(&self) -> bool {
        self.errors().next().is_none()
    }
}

/// Validate everything against `today` (dates may not be in the future).
/// Placeholder body until the catalogue-driven checks land.
pub fn validate(_answers: &Answers, _today: Ymd) -> Report {
    Report::default()
}
