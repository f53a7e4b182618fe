//! The duty-to-involve rules: screening answers in, an [`Assessment`] out.
//!
//! Rules are grouped into named, versioned rulesets so that a later ruleset
//! (for example integrated care boards under s.14Z45 since 2022) can sit beside
//! `nhse-2017` without changing documents assessed under the old one.
//!
//! This module knows nothing about yew, web-sys or files. It cannot fail: a
//! missing answer is an outcome ([`Verdict::Undetermined`]), not an error.

use crate::model::{Activity, Screening};

pub mod nhse2017;

/// A ruleset: a fixed reading of the law and guidance at one point in time.
pub trait Ruleset: Sync {
    /// Stable id stored in every document, e.g. `nhse-2017`.
    fn id(&self) -> &'static str;
    /// Human title, e.g. "NHS England statutory guidance 2017 (CCGs and NHS England)".
    fn title(&self) -> &'static str;
    /// Run the rules over the screening answers.
    fn assess(&self, screening: &Screening) -> Assessment;
}

/// The ruleset new documents use.
pub const DEFAULT_RULESET: &str = nhse2017::ID;

/// Every ruleset this build knows, oldest first.
pub fn all() -> &'static [&'static dyn Ruleset] {
    &[&nhse2017::Nhse2017]
}

/// Look a ruleset up by its stored id.
pub fn by_id(id: &str) -> Option<&'static dyn Ruleset> {
    all().iter().copied().find(|r| r.id() == id)
}

/// The overall answer to "does the legal duty to involve apply?".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The duty applies: at least one body's duty is engaged under at least one limb.
    Applies,
    /// The duty does not apply (involvement may still be beneficial).
    DoesNotApply,
    /// The duty is not required at this stage (trust special administrator
    /// matter: s.14Z2(7), s.13Q(4)).
    NotRequiredYet,
    /// Answers needed to decide are missing.
    Undetermined,
}

impl Verdict {
    /// Stable machine code used in files and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Applies => "applies",
            Verdict::DoesNotApply => "does_not_apply",
            Verdict::NotRequiredYet => "not_required_yet",
            Verdict::Undetermined => "undetermined",
        }
    }

    /// The sentence shown to users.
    pub fn headline(self) -> &'static str {
        match self {
            Verdict::Applies => "The legal duty to involve the public applies",
            Verdict::DoesNotApply => "The legal duty to involve the public does not apply",
            Verdict::NotRequiredYet => "The legal duty to involve the public is not required at this stage",
            Verdict::Undetermined => "The duty cannot be decided yet because answers are missing",
        }
    }

    pub fn from_code(code: &str) -> Option<Verdict> {
        [Verdict::Applies, Verdict::DoesNotApply, Verdict::NotRequiredYet, Verdict::Undetermined]
            .into_iter()
            .find(|v| v.code() == code)
    }
}

/// A statutory body whose duty can be engaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DutyHolder {
    /// A clinical commissioning group, under s.14Z2.
    Ccg,
    /// NHS England, under s.13Q.
    NhsEngland,
}

impl DutyHolder {
    pub fn name(self) -> &'static str {
        match self {
            DutyHolder::Ccg => "the clinical commissioning group (CCG)",
            DutyHolder::NhsEngland => "NHS England",
        }
    }
    /// The section of the NHS Act 2006 that places the duty.
    pub fn section(self) -> &'static str {
        match self {
            DutyHolder::Ccg => "section 14Z2",
            DutyHolder::NhsEngland => "section 13Q",
        }
    }
}

/// The limb of subsection (2) engaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Limb {
    /// (2)(a) planning of the commissioning arrangements.
    A,
    /// (2)(b) development and consideration of proposals for change with an impact.
    B,
    /// (2)(c) decisions affecting the operation of the arrangements with an impact.
    C,
}

impl Limb {
    pub fn label(self) -> &'static str {
        match self {
            Limb::A => "(2)(a) planning of the commissioning arrangements",
            Limb::B => "(2)(b) proposals for changes in the commissioning arrangements",
            Limb::C => "(2)(c) decisions affecting the operation of the commissioning arrangements",
        }
    }
    pub fn for_activity(a: Activity) -> Limb {
        match a {
            Activity::Planning => Limb::A,
            Activity::Proposals => Limb::B,
            Activity::Operational => Limb::C,
        }
    }
}

/// One body's duty engaged under one limb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngagedDuty {
    pub holder: DutyHolder,
    pub limb: Limb,
    /// Whether this body must itself complete the assessment form (for
    /// example, under delegated commissioning NHS England relies on the CCG).
    pub form_required: bool,
}

/// Where a rule comes from in the guidance or the Act.
pub type Citation = &'static str;

/// One step of the reasoning, in order: the question, the answer given, and
/// what followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Which node of the process this is (used to highlight the diagram).
    pub node: Node,
    pub question: String,
    pub answer: String,
    pub consequence: String,
    pub citation: Citation,
}

/// The nodes of the three-step process diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Body,
    Step1,
    Step2,
    Step3,
    SpecialAdministrator,
    Urgency,
    PreviousInvolvement,
    OverviewScrutiny,
    Equality,
    PublicInterest,
    /// Outcome: the duty applies; plan and take action.
    OutcomeApplies,
    /// Outcome: the duty does not apply; consider whether involvement is beneficial.
    OutcomeDoesNotApply,
    OutcomeNotYet,
    OutcomeUndetermined,
}

/// Something the user must or should do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// Stable code, e.g. `complete_steps_3_to_5`.
    pub code: &'static str,
    pub text: String,
    /// `true` for an obligation ("must"), `false` for a recommendation ("should"/"consider").
    pub obligation: bool,
    pub citation: Citation,
}

/// The result of running a ruleset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub ruleset: &'static str,
    pub verdict: Verdict,
    /// Which duties are engaged, by body and limb. Empty unless `Applies`.
    pub duties: Vec<EngagedDuty>,
    /// The reasoning, in the order the process takes it.
    pub reasons: Vec<Reason>,
    /// Obligations and recommendations that follow.
    pub actions: Vec<Action>,
    /// Screening questions that must be answered before a verdict (field ids
    /// from the catalogue, e.g. `screening.relates_to_commissioning`).
    pub missing: Vec<&'static str>,
}

impl Assessment {
    pub fn has_action(&self, code: &str) -> bool {
        self.actions.iter().any(|a| a.code == code)
    }
    /// Nodes of the diagram on the route taken, in order.
    pub fn route(&self) -> Vec<Node> {
        self.reasons.iter().map(|r| r.node).collect()
    }
}

/// Run the default ruleset.
pub fn assess(screening: &Screening) -> Assessment {
    nhse2017::Nhse2017.assess(screening)
}
