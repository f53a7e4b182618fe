//! Validation: collect every problem in the answers.

use crate::model::Answers;

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

/// Validate everything. Placeholder until the catalogue-driven rules land.
pub fn validate(_answers: &Answers) -> Report {
    Report::default()
}
