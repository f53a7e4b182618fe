//! The duty-to-involve rules: screening answers in, an [`Assessment`] out.
//!
//! Rules are grouped into named, versioned rulesets that sit side by side:
//! `nhse-2017` (CCGs under s.14Z2 and NHS England under s.13Q, the 2017
//! guidance) and `nhse-2022` (integrated care boards under s.14Z45, NHS trusts
//! and foundation trusts under s.242(1B), NHS England under s.13Q, the 2022
//! guidance). A document keeps the ruleset it was assessed under.
//!
//! The walk of the process is written once ([`walk`]); a ruleset is data
//! ([`law::Law`]): its organisations, joint-working table, sentences,
//! citations, prompts and question wording.
//!
//! This module knows nothing about yew, web-sys or files. It cannot fail: a
//! missing answer is an outcome ([`Verdict::Undetermined`]), not an error.

use crate::model::{Activity, RulesetId, Screening};

pub mod law;
pub mod nhse2017;
pub mod nhse2022;
pub mod walk;

pub use law::Law;

/// A ruleset: a fixed reading of the law and guidance at one point in time.
pub trait Ruleset: Sync {
    /// Stable id stored in every document, e.g. `nhse-2017`.
    fn id(&self) -> &'static str;
    /// Human title, e.g. "NHS England statutory guidance 2017 (CCGs and NHS England)".
    fn title(&self) -> &'static str;
    /// Run the rules over the screening answers.
    fn assess(&self, screening: &Screening) -> Assessment;
}

impl Ruleset for Law {
    fn id(&self) -> &'static str {
        self.id.id()
    }
    fn title(&self) -> &'static str {
        self.title
    }
    fn assess(&self, screening: &Screening) -> Assessment {
        walk::assess(self, screening)
    }
}

/// The ruleset new documents use: the law as it is now.
pub const DEFAULT_RULESET: &str = nhse2022::ID;

/// Every ruleset this build knows, oldest first.
pub fn all() -> &'static [&'static dyn Ruleset] {
    static ALL: [&dyn Ruleset; 2] = [&nhse2017::LAW, &nhse2022::LAW];
    &ALL
}

/// Look a ruleset up by its stored id.
pub fn by_id(id: &str) -> Option<&'static dyn Ruleset> {
    all().iter().copied().find(|r| r.id() == id)
}

/// The data of a ruleset.
pub fn law(id: RulesetId) -> &'static Law {
    match id {
        RulesetId::Nhse2017 => &nhse2017::LAW,
        RulesetId::Nhse2022 => &nhse2022::LAW,
    }
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
            Verdict::NotRequiredYet => {
                "The legal duty to involve the public is not required at this stage"
            }
            Verdict::Undetermined => "The duty cannot be decided yet because answers are missing",
        }
    }

    pub fn from_code(code: &str) -> Option<Verdict> {
        [
            Verdict::Applies,
            Verdict::DoesNotApply,
            Verdict::NotRequiredYet,
            Verdict::Undetermined,
        ]
        .into_iter()
        .find(|v| v.code() == code)
    }
}

/// A statutory body whose duty can be engaged, and the section of the NHS
/// Act 2006 that places it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DutyHolder {
    /// A clinical commissioning group, under s.14Z2 (until 1 July 2022).
    Ccg,
    /// NHS England, under s.13Q.
    NhsEngland,
    /// An integrated care board, under s.14Z45 (since 1 July 2022).
    Icb,
    /// An NHS trust or NHS foundation trust, under s.242(1B).
    NhsTrust,
}

impl DutyHolder {
    /// Every duty holder, in the order the outcome names them.
    pub const ALL: [DutyHolder; 4] = [
        DutyHolder::Ccg,
        DutyHolder::NhsEngland,
        DutyHolder::Icb,
        DutyHolder::NhsTrust,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DutyHolder::Ccg => "the clinical commissioning group (CCG)",
            DutyHolder::NhsEngland => "NHS England",
            DutyHolder::Icb => "the integrated care board (ICB)",
            DutyHolder::NhsTrust => "the NHS trust or NHS foundation trust",
        }
    }
    /// The section of the NHS Act 2006 that places the duty.
    pub fn section(self) -> &'static str {
        match self {
            DutyHolder::Ccg => "section 14Z2",
            DutyHolder::NhsEngland => "section 13Q",
            DutyHolder::Icb => "section 14Z45",
            DutyHolder::NhsTrust => "section 242",
        }
    }
    /// A trust provides services (s.242(1B)); the others commission them.
    pub fn is_provider(self) -> bool {
        self == DutyHolder::NhsTrust
    }
    /// The limb as its section words it, with its subsection: for a
    /// commissioner "planning of the commissioning arrangements (subsection
    /// (2)(a))" (s.14Z2(2), s.13Q(2), s.14Z45(2)); for a trust "planning of the
    /// provision of those services (subsection (1B)(a))" (s.242(1B)).
    pub fn limb_phrase(self, l: Limb) -> String {
        let (code, what) = self.limb_parts(l);
        format!("{what} (subsection {code})")
    }
    /// "(2)(a) planning of the commissioning arrangements", for the decision page.
    pub fn limb_label(self, l: Limb) -> String {
        if !self.is_provider() {
            return l.label().to_string();
        }
        let (code, what) = self.limb_parts(l);
        format!("{code} {what}")
    }
    fn limb_parts(self, l: Limb) -> (&'static str, &'static str) {
        match (self.is_provider(), l) {
            (false, Limb::A) => ("(2)(a)", "planning of the commissioning arrangements"),
            (false, Limb::B) => (
                "(2)(b)",
                "proposals for changes to the commissioning arrangements",
            ),
            (false, Limb::C) => (
                "(2)(c)",
                "decisions affecting the operation of the commissioning arrangements",
            ),
            (true, Limb::A) => ("(1B)(a)", "planning of the provision of those services"),
            (true, Limb::B) => (
                "(1B)(b)",
                "proposals for changes in the way those services are provided",
            ),
            (true, Limb::C) => (
                "(1B)(c)",
                "decisions affecting the operation of those services",
            ),
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
    /// The duty applies and the decision is urgent on safety grounds
    /// (regulation 23(2) of SI 2013/218, in rulesets that apply it).
    pub urgent_safety: bool,
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
    /// The sentence shown to users: the verdict's, saying so when the
    /// decision is urgent on safety grounds.
    pub fn headline(&self) -> &'static str {
        if self.urgent_safety {
            "The legal duty to involve the public applies, and the decision is urgent on safety grounds"
        } else {
            self.verdict.headline()
        }
    }
    pub fn has_action(&self, code: &str) -> bool {
        self.actions.iter().any(|a| a.code == code)
    }
    /// Nodes of the diagram on the route taken, in order.
    pub fn route(&self) -> Vec<Node> {
        self.reasons.iter().map(|r| r.node).collect()
    }
}

/// Run the rules of the ruleset the screening is answered under
/// ([`Screening::ruleset`]). Pure: in a build with the test-only feature
/// `rule-runs`, the walk counts the run for [`runs`].
pub fn assess(screening: &Screening) -> Assessment {
    walk::assess(law(screening.ruleset), screening)
}

#[cfg(feature = "rule-runs")]
thread_local! {
    static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Count one run of the walk (test-only feature `rule-runs`; every route
/// into the rules, [`assess`] or a ruleset's own `assess`, goes through the walk).
#[cfg(feature = "rule-runs")]
pub(crate) fn count_run() {
    RUNS.with(|r| r.set(r.get().wrapping_add(1)));
}

/// How many times the rules' walk has run on this thread (through [`assess`]
/// or a ruleset's own `assess`). Tests only (feature
/// `rule-runs`, which the package's dev-dependency on itself turns on; each
/// test runs on its own thread): they check the rules run once per change of
/// the answers, not once per page that shows the verdict.
#[cfg(feature = "rule-runs")]
pub fn runs() -> usize {
    RUNS.with(|r| r.get())
}
