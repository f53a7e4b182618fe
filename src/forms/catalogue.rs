//! The field catalogue: every question of the screening, Appendix B and
//! Appendix C, with the guidance's wording.

/// A page / task-list section of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The three-step duty screening and special circumstances.
    Screening,
    BStep1,
    BStep2,
    BStep3,
    BStep4,
    BStep5,
    /// Completed by, and senior sign-off.
    BSignOff,
    /// Appendix C: communications and engagement plan.
    PlanC,
}

/// What sort of input a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// An email address.
    Email,
    /// Several lines of text.
    LongText,
    /// Day, month and year.
    Date,
    /// One choice from options (radios): (stored value, label).
    Radios(&'static [(&'static str, &'static str)]),
    /// Any number of options (checkboxes), with an optional exclusive
    /// "none" option: (stored value, label).
    Checkboxes(&'static [(&'static str, &'static str)], Option<&'static str>),
    /// Repeating rows of milestones (what, date).
    Milestones,
    /// Repeating rows of risks (risk, action).
    Risks,
}

/// When a field must be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Always,
    Optional,
    /// Required when another field has the given stored value.
    When(&'static str, &'static str),
    /// Required when the named condition holds (evaluated by validation).
    If(&'static str),
}

/// One question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Stable id, also the validation path, e.g. `b.title`.
    pub id: &'static str,
    pub section: Section,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub kind: Kind,
    pub required: Required,
    /// Where the question comes from in the guidance.
    pub source: &'static str,
}
