//! The answers a member of staff gives: the duty screening, Appendix B and
//! Appendix C of NHS England's statutory guidance *Patient and public
//! participation in commissioning health and care* (2017).
//!
//! This is plain data. It knows nothing about the web, files or rules; every
//! answer a user can type is kept exactly as typed (dates included), so an
//! invalid answer is never lost — validation reports it instead.
//!
//! Unanswered choices are `None`; unanswered text is the empty string.

use serde::{Deserialize, Serialize};

/// A Yes/No radio answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Yes,
    No,
}

impl YesNo {
    pub fn is_yes(self) -> bool {
        self == YesNo::Yes
    }
}

/// A date as typed into day, month and year boxes (NHS service manual
/// pattern). Kept as text so that "31 / 02 / 2024" survives to be reported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateInput {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateInput {
    pub fn new(day: &str, month: &str, year: &str) -> Self {
        DateInput {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    pub fn is_blank(&self) -> bool {
        self.day.trim().is_empty() && self.month.trim().is_empty() && self.year.trim().is_empty()
    }
}

/// Which reading of the law the screening is answered under: the ruleset
/// (`crate::rules`). It decides the wording of the questions and which rules
/// run, so it travels with the answers; the document stores it beside them
/// (the top-level `ruleset` key), not inside `answers`.
///
/// The default is `nhse-2017`, the ruleset of every document written before
/// 2022's was added; the app starts new assessments under
/// [`RulesetId::CURRENT`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RulesetId {
    /// NHS England's 2017 statutory guidance for CCGs (s.14Z2) and NHS England (s.13Q).
    #[default]
    Nhse2017,
    /// NHS England's 2022 statutory guidance *Working in partnership with people
    /// and communities*: ICBs (s.14Z45), NHS trusts and foundation trusts
    /// (s.242(1B)) and NHS England (s.13Q).
    Nhse2022,
}

impl RulesetId {
    /// The ruleset for new assessments: the law as it is now.
    pub const CURRENT: RulesetId = RulesetId::Nhse2022;
    /// Every ruleset, oldest first.
    pub const ALL: [RulesetId; 2] = [RulesetId::Nhse2017, RulesetId::Nhse2022];

    /// The stable id stored in every document.
    pub fn id(self) -> &'static str {
        match self {
            RulesetId::Nhse2017 => "nhse-2017",
            RulesetId::Nhse2022 => "nhse-2022",
        }
    }

    pub fn from_id(id: &str) -> Option<RulesetId> {
        RulesetId::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Whose activity it is: the organisation whose duty to involve is assessed.
///
/// Sources: 2017 guidance Appendix A (s.14Z2 for CCGs, s.13Q for NHS
/// England) and "Local variations in commissioning arrangements"; since 1
/// July 2022, NHS Act 2006 s.14Z45 (integrated care boards), s.242(1B) (NHS
/// trusts and NHS foundation trusts) and s.13Q (NHS England). Which values a
/// ruleset offers is the ruleset's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// A clinical commissioning group acting alone (s.14Z2; abolished 1 July 2022).
    Ccg,
    /// NHS England acting alone (s.13Q).
    NhsEngland,
    /// A co-commissioning, delegation or joint working arrangement between bodies.
    Joint,
    /// An integrated care board (s.14Z45, since 1 July 2022).
    Icb,
    /// An NHS trust or NHS foundation trust (s.242(1B)).
    NhsTrust,
}

/// The four overarching models on the devolution spectrum ("Local variations
/// in commissioning arrangements", "Overarching models" and the primary care
/// co-commissioning table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JointModel {
    /// 1. 'Seat at the table' (greater involvement in primary care decision making).
    SeatAtTheTable,
    /// 2. Co-commissioning / joint decision making (joint committee).
    JointDecisionMaking,
    /// 3. Delegated commissioning arrangements.
    Delegated,
    /// Model 4: fully devolved commissioning (transfer of functions under
    /// the Cities and Local Government Devolution Act 2016).
    FullyDevolved,
    /// Since 2022: NHS England's functions delegated to an integrated care
    /// board under s.65Z5 (primary medical, dental, pharmaceutical and
    /// ophthalmic services; some specialised services).
    DelegatedToIcb,
    /// Since 2022: functions exercised jointly, through a joint committee
    /// (s.65Z5 and s.65Z6).
    JointCommittee,
    /// Since 2022: an integrated care board's functions carried out by a lead
    /// provider or a provider collaborative.
    LeadProvider,
}

/// Which body originally holds the function in a joint arrangement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionHolder {
    Ccg,
    NhsEngland,
    /// Since 2022: an integrated care board.
    Icb,
    /// Since 2022: an NHS trust or NHS foundation trust.
    NhsTrust,
}

/// Step 2 of the three-step process: the three types of commissioning
/// activity the duty applies to (s.14Z2(2)(a)-(c), s.13Q(2)(a)-(c)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Planning of the commissioning arrangements (limb (a)).
    Planning,
    /// Development and consideration of proposals for change (limb (b)).
    Proposals,
    /// Decisions affecting the operation of the commissioning arrangements (limb (c)).
    Operational,
}

/// Matters the guidance says to consider "from the perspective of patients"
/// (Step 3 and "Proportionate").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientMatter {
    Accessibility,
    Transport,
    Ambulance,
}

/// Why a decision is urgent ("What if a decision needs to be taken urgently?").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrgencyGround {
    /// The lack of time was genuinely caused by an urgent development.
    UrgentDevelopment,
    /// There is a genuine risk to the health, safety or welfare of patients or staff.
    RiskToSafety,
}

/// Circumstances that make involvement important even where the duty does not
/// apply (Step 1: "significant public interest, ... a promise to consult ...,
/// or a precedent to do so has been set").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicInterest {
    SignificantInterest,
    PromiseToConsult,
    Precedent,
}

/// The answers that feed the rules engine: the three-step test of Action 5
/// plus the special circumstances the guidance names. Appendix B Step 2
/// carries these questions, as the guidance invites CCGs to adapt the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Screening {
    /// The ruleset the screening is answered under. Not an answer: the
    /// document stores it at its top level, and the answer writers and readers
    /// (`format::json`, `forms::access`) never see it.
    #[serde(skip)]
    pub ruleset: RulesetId,

    /// Whose activity is this (whose commissioning function, or which trust's services)?
    pub body: Option<Body>,
    /// For a joint arrangement: which of the four overarching models.
    pub joint_model: Option<JointModel>,
    /// For a joint arrangement: whose function it originally is.
    pub function_holder: Option<FunctionHolder>,
    /// For a joint arrangement: the bodies involved, as free text.
    pub partner_bodies: String,
    /// Since 2022, for a joint arrangement: the organisation the person
    /// completing the form works for, so that every action is addressed to it
    /// and the others are named as partners.
    pub respondent: Option<FunctionHolder>,
    /// Since 2022, for a joint committee (s.65Z5, s.65Z6): the other
    /// organisations whose functions it exercises; each keeps its own duty.
    pub joint_other_holders: Vec<FunctionHolder>,
    /// The user said the joint committee exercises no other organisation's
    /// functions (exclusive with `joint_other_holders`).
    pub no_joint_other_holders: bool,
    /// Since 2022, for a lead provider or provider collaborative: whether it
    /// (or a member) is an NHS trust or foundation trust that provides the
    /// services affected, whose own duty under s.242(1B) then also applies.
    pub lead_provider_trust: Option<YesNo>,

    /// Step 1: does the activity relate to commissioning responsibilities?
    pub relates_to_commissioning: Option<YesNo>,

    /// Step 2: the activity types that apply (more than one may).
    pub activities: Vec<Activity>,
    /// Step 2: the user said none of the three types applies
    /// (exclusive with `activities`).
    pub no_activity_type: bool,

    /// Step 3 / Appendix B Step 2(a): an impact on how services are delivered
    /// (at the point they are received: s.14Z2(6), s.13Q(3)).
    pub impact_delivery: Option<YesNo>,
    pub impact_delivery_detail: String,
    /// Step 3 / Appendix B Step 2(b): an impact on the range of services available.
    pub impact_range: Option<YesNo>,
    pub impact_range_detail: String,
    /// Appendix B Step 2(c): any other impact envisaged, described.
    pub impact_other: String,
    /// Step 3: matters from the patient's perspective that could be affected.
    pub patient_matters: Vec<PatientMatter>,
    /// The user said none of the patient matters is affected (exclusive).
    pub no_patient_matters: bool,

    /// s.14Z2(7) / s.13Q(4): relates to a trust special administrator's report
    /// or draft report, before the Secretary of State is satisfied or decides.
    pub trust_special_administrator: Option<YesNo>,

    /// "What if a decision needs to be taken urgently?"
    pub urgent: Option<YesNo>,
    pub urgency_ground: Option<UrgencyGround>,
    pub urgency_justification: String,

    /// Step 1 circumstances: significant public interest, a promise to
    /// consult, a precedent.
    pub public_interest: Vec<PublicInterest>,
    pub no_public_interest: bool,

    /// "Local authority overview and scrutiny": a proposal for a substantial
    /// development or variation of the health service in the area.
    pub substantial_variation: Option<YesNo>,

    /// "Review existing insight and previous involvement activities": is there a
    /// previous involvement exercise relevant to this activity?
    pub previous_involvement: Option<YesNo>,
    /// The guidance's review questions, answered when there is one.
    pub previous: PreviousReview,

    /// Examples of circumstances, "Equality": an equality impact analysis
    /// indicates the need for engagement.
    pub equality_need: Option<YesNo>,
}

/// The review questions for a previous involvement exercise ("Review
/// existing insight and previous involvement activities").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreviousReview {
    /// When it took place and what it covered.
    pub summary: String,
    /// Is the new proposal the same as the one previously considered?
    pub same_proposal: Option<YesNo>,
    /// Have there been significant changes since?
    pub significant_changes: Option<YesNo>,
    /// Does it remain relevant, given how long ago it was?
    pub still_relevant: Option<YesNo>,
    /// Has there been a significant change to the people who are affected?
    pub people_changed: Option<YesNo>,
    /// Did it sufficiently address the diversity of patients and communities?
    pub diversity_addressed: Option<YesNo>,
    /// Is there new information the public needs to know before the decision?
    pub new_information: Option<YesNo>,
    /// Has there been any change, e.g. a population change, that may affect the proposal?
    pub population_change: Option<YesNo>,
}

/// A person block: "Name of person completing the form" and the senior
/// sign-off block of Appendix B.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub job_title: String,
    pub email: String,
    pub team: String,
    pub date: DateInput,
}

/// Appendix B: Patient and public participation assessment and planning form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppendixB {
    // Step 1
    pub location: String,
    pub title: String,
    pub description: String,
    pub objectives: String,

    // Step 2 (the screening answers live in `Screening`)
    /// "Does the legal duty apply to the activity in your opinion?"
    pub opinion: Option<YesNo>,
    /// "Please explain briefly why you have answered yes or no to the above"
    pub opinion_reason: String,

    // Step 3
    /// (a) arrangements/mechanisms already in place
    pub existing_arrangements: String,
    /// (b) how the insight will inform the decision
    pub insight_use: String,

    // Step 4
    /// Are additional arrangements for patient and public involvement required?
    pub additional_required: Option<YesNo>,
    /// (a) approach and objectives (required when additional arrangements are needed)
    pub additional_approach: String,
    /// (b) how the participation will be 'fair and proportionate'
    pub fair_and_proportionate: String,

    // Step 5
    /// (a) how information collected will influence the plan/activity
    pub impact_use: String,
    /// (b) how outcomes will be reported back to those involved
    pub feedback: String,
    /// (c) how ongoing impact will be assessed after the change
    pub ongoing_impact: String,

    /// The person completing the form.
    pub completed_by: Person,
    /// "Where senior sign off arrangements apply"
    pub signoff_applies: Option<YesNo>,
    pub signoff: Person,

    /// Since 2022: equality and health inequalities, a standing part of
    /// every assessment.
    pub equality: EqualityRecord,
    /// Since 2022: the scrutiny and notification record, when a substantial
    /// development or variation is proposed.
    pub scrutiny: ScrutinyRecord,
}

/// Equality and health inequalities (2022 assessments): the public sector
/// equality duty (Equality Act 2010 s.149) and the inequalities duties of
/// the NHS Act 2006 (s.14Z35 for ICBs, s.13G for NHS England).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EqualityRecord {
    /// The groups with protected characteristics, and the inclusion health
    /// or excluded groups, likely to be affected.
    pub groups: String,
    /// The evidence used.
    pub evidence: String,
    /// How due regard was had to the aims of s.149(1).
    pub due_regard: String,
    /// How regard was had to reducing inequalities in access and outcomes.
    pub inequalities: String,
}

/// The scrutiny and notification record (2022 assessments): consultation of
/// the local authority under regulation 23 of SI 2013/218 and notification
/// of a reconfiguration under Schedule 10A to the NHS Act 2006.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScrutinyRecord {
    /// The local authority or joint overview and scrutiny committee.
    pub committee: String,
    /// When the proposal was put to the local authority.
    pub proposal_date: DateInput,
    /// The date by which comments are due (regulation 23(4)).
    pub comments_date: DateInput,
    /// The date by which the decision is proposed (regulation 23(4)).
    pub decision_date: DateInput,
    /// Whether the change is a notifiable reconfiguration (Schedule 10A).
    pub notifiable: Option<YesNo>,
    /// When NHS England or the ICB notified the Department.
    pub notified_date: DateInput,
    /// Any call-in direction, and how it was taken into account (regulation 23(5A)).
    pub call_in: String,
    /// Urgent on safety grounds: when the local authority was told (regulation 23(3)).
    pub urgent_told_date: DateInput,
    /// Urgent on safety grounds: why it was not consulted first.
    pub urgent_reason: String,
}

/// The ten principles of the 2022 guidance, *Working in partnership with
/// people and communities*, as a self-assessment in the plan: for each, how
/// it is applied or why it does not apply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Principles {
    pub voices: String,
    pub early: String,
    pub understand: String,
    pub excluded: String,
    pub partners: String,
    pub information: String,
    pub community: String,
    pub coproduction: String,
    pub redesign: String,
    pub learn: String,
}

/// A milestone in Appendix C "Timescales: include milestones and deadlines".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    pub what: String,
    pub date: DateInput,
}

/// A row of Appendix C "Risks and mitigating actions".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    pub risk: String,
    pub action: String,
}

/// Appendix C: Communications and engagement plan (sixteen headings).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppendixC {
    pub date_produced: DateInput,
    pub project_lead: String,
    pub background: String,
    pub proposal: String,
    pub key_messages: String,
    pub target_audiences: String,
    pub objectives: String,
    pub budget: String,
    pub methods: String,
    pub timescales: Vec<Milestone>,
    pub equality: String,
    pub partners: String,
    pub key_contacts: String,
    pub risks: Vec<Risk>,
    pub evaluation: String,
    pub feedback: String,
    /// Since 2022: the ten principles, applied or not, and why.
    pub principles: Principles,
}

/// Everything a user answers, in one value: the unit the app edits, the
/// validator checks and the JSON document stores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub screening: Screening,
    pub b: AppendixB,
    pub c: AppendixC,
}

/// A real calendar date (year, month 1-12, day 1-31), e.g. today's date
/// passed in by the caller so that the domain never reads a clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}
