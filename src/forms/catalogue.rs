//! The field catalogue: every question of the screening, Appendix B and
//! Appendix C, with the guidance's wording.
//!
//! One static table ([`fields`]) in page order. The UI renders from it, the
//! print view and the check-answers page take labels from it, and validation
//! walks it, so an issue list comes out in the order a reader sees the form.
//!
//! Conventions the UI relies on:
//! * A field with [`Required::When`]`(other, value)` is a conditional reveal:
//!   it is shown only when `other` has the stored `value` (answers are never
//!   cleared when it is hidden; they are simply not validated).
//! * [`Kind::Checkboxes`] with `Some(none)` has an exclusive "None of these"
//!   option with stored value `none`; present it after an "or" divider and
//!   untick the others when it is ticked (NHS.UK "exclusive" checkbox).
//! * Ids keep their dots; they are the validation paths and the HTML ids.
//!   Repeating rows use paths like `c.timescales[0].what` ([`field_for_path`]).

/// A page / task-list section of the form, in task-list order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// Since 2022: equality and health inequalities.
    Equality,
    /// Since 2022: the scrutiny and notification record, when a substantial
    /// development or variation is proposed.
    Scrutiny,
    /// Appendix C: communications and engagement plan.
    PlanC,
}

impl Section {
    /// Every section in task-list order.
    pub const ALL: [Section; 10] = [
        Section::Screening,
        Section::BStep1,
        Section::BStep2,
        Section::BStep3,
        Section::BStep4,
        Section::BStep5,
        Section::BSignOff,
        Section::Equality,
        Section::Scrutiny,
        Section::PlanC,
    ];

    /// Stable slug for URLs, anchors and files, e.g. `b-step-1`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Screening => "screening",
            Section::BStep1 => "b-step-1",
            Section::BStep2 => "b-step-2",
            Section::BStep3 => "b-step-3",
            Section::BStep4 => "b-step-4",
            Section::BStep5 => "b-step-5",
            Section::BSignOff => "b-sign-off",
            Section::Equality => "equality",
            Section::Scrutiny => "scrutiny",
            Section::PlanC => "plan-c",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Page heading and task-list entry.
    pub fn title(self) -> &'static str {
        match self {
            Section::Screening => "Screen for the legal duty",
            Section::BStep1 => "Step 1: Describe the activity",
            Section::BStep2 => "Step 2: Does the legal duty apply",
            Section::BStep3 => "Step 3: Existing arrangements and insight",
            Section::BStep4 => "Step 4: Additional arrangements for involvement",
            Section::BStep5 => "Step 5: Planning for impact and feedback",
            Section::BSignOff => "Completed by and senior sign-off",
            Section::Equality => "Equality and health inequalities",
            Section::Scrutiny => "Scrutiny and notification record",
            Section::PlanC => "Appendix C: Communications and engagement plan",
        }
    }

    /// A short description shown under the heading and in the task list.
    pub fn description(self) -> &'static str {
        match self {
            Section::Screening => {
                "Answer the three-step process (Action 5) and the special circumstances \
                 the guidance names, to find out whether the legal duty to involve the public applies."
            }
            Section::BStep1 => {
                "Title of the plan, proposal, project or commissioning activity and a brief \
                 description, including key objectives where appropriate."
            }
            Section::BStep2 => {
                "Say whether, in your opinion, the legal duty applies and why. The duty always \
                 applies to planning of commissioning arrangements, regardless of impact."
            }
            Section::BStep3 => {
                "Describe existing arrangements to involve patients and the public, and sources \
                 of patient and public insight, relevant to this activity."
            }
            Section::BStep4 => {
                "Decide whether additional arrangements for patient and public involvement are \
                 needed and how they will be fair and proportionate."
            }
            Section::BStep5 => {
                "Plan how participation will influence the activity, how outcomes will be \
                 reported back and how ongoing impact will be assessed."
            }
            Section::BSignOff => "Who completed the form and, where senior sign-off arrangements apply, who signed it off.",
            Section::Equality => {
                "Who is likely to be affected, the evidence you used, and how you had due regard to equality and \
                 regard to reducing health inequalities. This applies whether or not the duty to involve does."
            }
            Section::Scrutiny => {
                "Record the consultation of the local authority on a substantial development or variation, \
                 and whether the change was notified to the Secretary of State."
            }
            Section::PlanC => {
                "A full communications and engagement plan, expected when additional \
                 arrangements for involvement are needed."
            }
        }
    }

    /// Where the section comes from in the guidance.
    pub fn source(self) -> &'static str {
        match self {
            Section::Screening => "Action 5, three-step process; Appendix B Step 2",
            Section::BStep1 => "Appendix B Step 1",
            Section::BStep2 => "Appendix B Step 2",
            Section::BStep3 => "Appendix B Step 3",
            Section::BStep4 => "Appendix B Step 4",
            Section::BStep5 => "Appendix B Step 5",
            Section::BSignOff => "Appendix B, completion and sign-off",
            Section::Equality => {
                "Equality Act 2010 section 149; NHS Act 2006 sections 14Z35 and 13G"
            }
            Section::Scrutiny => "Regulation 23 of SI 2013/218; NHS Act 2006 Schedule 10A",
            Section::PlanC => "Appendix C",
        }
    }
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
    /// "none" option: (stored value, label), and the stored value of the
    /// exclusive option (always `none`, labelled [`NONE_LABEL`]).
    Checkboxes(
        &'static [(&'static str, &'static str)],
        Option<&'static str>,
    ),
    /// Repeating rows of milestones (what, date), labelled [`MILESTONE_WHAT`]
    /// and [`MILESTONE_DATE`].
    Milestones,
    /// Repeating rows of risks (risk, action), labelled [`RISK`] and
    /// [`RISK_ACTION`] (Appendix C's two columns).
    Risks,
}

/// Label of a milestone row's text (Appendix C "Timescales: include
/// milestones and deadlines").
pub const MILESTONE_WHAT: &str = "Milestone or deadline";
/// Label of a milestone row's date.
pub const MILESTONE_DATE: &str = "Date";
/// Appendix C "Risks and mitigating actions": the left column.
pub const RISK: &str = "Risk";
/// Appendix C "Risks and mitigating actions": the right column.
pub const RISK_ACTION: &str = "Mitigating action";

impl Kind {
    /// The (stored value, label) options of radios or checkboxes; empty otherwise.
    pub fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Radios(o) | Kind::Checkboxes(o, _) => o,
            _ => &[],
        }
    }
}

/// When a field must be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Always,
    Optional,
    /// Required (and shown) when another field has the given stored value.
    When(&'static str, &'static str),
    /// Required when the named condition holds (evaluated by validation).
    /// The only condition is [`PLAN_CONDITION`].
    If(&'static str),
}

/// Condition for Appendix C fields: the plan has been started (any heading
/// answered). A plan that is expected but not started gives one
/// `plan_expected` warning instead (see [`crate::forms::validate`]).
pub const PLAN_CONDITION: &str = "plan_started";
/// Condition for the scrutiny record: a substantial development or variation
/// is proposed.
pub const SCRUTINY_CONDITION: &str = "substantial_variation";
/// Optional questions asked only while a named condition holds: (field id,
/// condition). A call-in direction (regulation 23(5A) of SI 2013/218,
/// Schedule 10A paragraph 3(1)) concerns a notifiable reconfiguration, so it
/// is asked only where regulation 23 requires consultation, never of an
/// urgent change on safety grounds.
pub const OPTIONAL_IF: [(&str, &str); 1] = [("b.scrutiny.call_in", CONSULTATION_CONDITION)];

/// Condition for the consultation part of the scrutiny record: regulation
/// 23(1) requires consultation (a substantial variation that is not urgent on
/// safety grounds, regulation 23(2)).
pub const CONSULTATION_CONDITION: &str = "consultation_required";
/// Condition for the urgent part of the scrutiny record: a substantial
/// variation decided urgently on safety grounds (regulation 23(2) and (3)).
pub const URGENT_SAFETY_CONDITION: &str = "urgent_safety";

/// Fields added after the first files were written, by the rulesets that
/// ask them: a ruleset that does not list a group never shows its fields,
/// so a 2017 record is asked exactly what it always was.
pub const LATER_GROUPS: &[&str] = &[
    "screening.respondent",
    "screening.joint_other_holders",
    "screening.lead_provider_trust",
    "b.equality.",
    "b.scrutiny.",
    "c.principles.",
];

/// The group of [`LATER_GROUPS`] a field belongs to, if any.
pub fn later_group(id: &str) -> Option<&'static str> {
    LATER_GROUPS.iter().copied().find(|g| {
        if g.ends_with('.') {
            id.starts_with(g)
        } else {
            id == *g
        }
    })
}

/// Label of the exclusive "none" checkbox option.
pub const NONE_LABEL: &str = "None of these";
/// Stored value of the exclusive "none" checkbox option.
pub const NONE_VALUE: &str = "none";

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
    /// The error message when a required answer is missing (NHS service
    /// manual wording: "Enter ..." / "Select ...").
    pub missing: &'static str,
}

impl Field {
    /// For a conditional reveal: (controlling field id, stored value).
    pub fn shown_when(&self) -> Option<(&'static str, &'static str)> {
        match self.required {
            Required::When(f, v) => Some((f, v)),
            _ => None,
        }
    }
}

pub const YES_NO: &[(&str, &str)] = &[("yes", "Yes"), ("no", "No")];

const BODY: &[(&str, &str)] = &[
    ("ccg", "A clinical commissioning group (CCG)"),
    ("nhs_england", "NHS England"),
    ("joint", "A co-commissioning or devolution arrangement"),
];

const JOINT_MODEL: &[(&str, &str)] = &[
    (
        "seat_at_the_table",
        "'Seat at the table' for commissioning decisions",
    ),
    (
        "joint_decision_making",
        "Co-commissioning or joint decision making",
    ),
    ("delegated", "Delegated commissioning arrangements"),
    (
        "fully_devolved",
        "Fully devolved commissioning (transfer of functions)",
    ),
];

const FUNCTION_HOLDER: &[(&str, &str)] = &[
    ("ccg", "A clinical commissioning group (CCG)"),
    ("nhs_england", "NHS England"),
];

/// Organisations since 2022, for the joint-working questions added then.
const ORGANISATIONS_2022: &[(&str, &str)] = &[
    ("nhs_england", "NHS England"),
    ("icb", "An integrated care board (ICB)"),
    ("nhs_trust", "An NHS trust or NHS foundation trust"),
];

const ACTIVITIES: &[(&str, &str)] = &[
    ("planning", "Planning of the commissioning arrangements"),
    (
        "proposals",
        "Developing or considering proposals for change",
    ),
    (
        "operational",
        "Operational decisions that change or affect the way a service operates",
    ),
];

const PATIENT_MATTERS: &[(&str, &str)] = &[
    ("accessibility", "Accessibility"),
    ("transport", "Transport links"),
    ("ambulance", "Ambulance availability"),
];

const URGENCY_GROUND: &[(&str, &str)] = &[
    (
        "urgent_development",
        "The lack of time was genuinely caused by an urgent development",
    ),
    (
        "risk_to_safety",
        "There is a genuine risk to the health, safety or welfare of patients or staff",
    ),
];

const PUBLIC_INTEREST: &[(&str, &str)] = &[
    (
        "significant_interest",
        "There is likely to be significant public interest",
    ),
    ("promise_to_consult", "A promise to consult has been made"),
    ("precedent", "A precedent to consult has been set"),
];

/// Hints for individual options (shown under the option's label).
const OPTION_HINTS: &[(&str, &str, &str)] = &[
    ("screening.body", "ccg", "Section 14Z2 of the NHS Act 2006"),
    ("screening.body", "nhs_england", "Section 13Q of the NHS Act 2006"),
    (
        "screening.body",
        "joint",
        "For example, primary care co-commissioning, a joint committee, delegated commissioning or a transfer of functions under the Cities and Local Government Devolution Act 2016",
    ),
    (
        "screening.joint_model",
        "seat_at_the_table",
        "Decisions about a function are taken by the function holder but with input from another body. Accountability and responsibility remain with the original function holder",
    ),
    (
        "screening.joint_model",
        "joint_decision_making",
        "Two or more bodies with separate functions come together to make decisions together on each other's functions, for example a joint committee or section 75 partnership arrangements",
    ),
    (
        "screening.joint_model",
        "delegated",
        "Exercise of the function is delegated to another body. Decision-making and budget rest with the delegate, but ultimate accountability remains with the original function holder",
    ),
    (
        "screening.joint_model",
        "fully_devolved",
        "The function is transferred to another legal body on a permanent basis by a transfer instrument under the Devolution Act",
    ),
    (
        "screening.activities",
        "planning",
        "For example, the development of a CCG policy for the commissioning of diabetes services, or planning a new urgent care service in response to increased patient demand",
    ),
    (
        "screening.activities",
        "proposals",
        "For example, developing options for the reconfiguration of A&E services in an area and then considering the options or model developed",
    ),
    (
        "screening.activities",
        "operational",
        "For example, making changes to the services or the location of services, or the closure of a fracture clinic for operational reasons",
    ),
    (
        "screening.urgency_ground",
        "risk_to_safety",
        "For example, terminating a dental contract on patient safety grounds, where a detailed involvement exercise before closing the practice could place patients at risk",
    ),
];

use Kind::*;
use Required::*;
use Section::*;

macro_rules! field {
    ($id:expr, $section:expr, $label:expr, $hint:expr, $kind:expr, $required:expr, $source:expr, $missing:expr) => {
        Field {
            id: $id,
            section: $section,
            label: $label,
            hint: $hint,
            kind: $kind,
            required: $required,
            source: $source,
            missing: $missing,
        }
    };
}

const WHEN_JOINT: Required = When("screening.body", "joint");
const WHEN_PREVIOUS: Required = When("screening.previous_involvement", "yes");
const WHEN_SIGNOFF: Required = When("b.signoff_applies", "yes");
const PLAN: Required = If(PLAN_CONDITION);
const SCRUTINY: Required = If(SCRUTINY_CONDITION);
const CONSULTATION: Required = If(CONSULTATION_CONDITION);
const URGENT: Required = If(URGENT_SAFETY_CONDITION);
const EQUALITY_SRC: &str =
    "Equality Act 2010 section 149; NHS Act 2006 sections 14Z35 (ICBs) and 13G (NHS England)";
const REG_23: &str = "Regulation 23 of SI 2013/218";
const PRINCIPLES_SRC: &str =
    "Working in partnership with people and communities (2022): the ten principles";
const PREVIOUS_SRC: &str = "Action 5, Planning and taking action: review existing insight and previous involvement activities";

static FIELDS: &[Field] = &[
    // ---- Screening -------------------------------------------------------
    field!(
        "screening.body",
        Screening,
        "Whose commissioning function does the activity belong to?",
        Some("The duty to involve the public is placed on CCGs by section 14Z2 and on NHS England by section 13Q of the NHS Act 2006."),
        Radios(BODY),
        Always,
        "Appendix A; Local variations in commissioning arrangements",
        "Select whose commissioning function the activity belongs to"
    ),
    field!(
        "screening.joint_model",
        Screening,
        "Which of the four overarching models describes the arrangement?",
        Some("The four overarching models sit on a spectrum of devolution."),
        Radios(JOINT_MODEL),
        WHEN_JOINT,
        "Local variations in commissioning arrangements, Overarching models",
        "Select which model describes the arrangement"
    ),
    field!(
        "screening.function_holder",
        Screening,
        "Which body originally holds the commissioning function?",
        Some("With the sole exception of fully devolved commissioning, the commissioning organisation remains liable for the duty to involve the public, even if the activity is delegated to, or carried out jointly with, another body."),
        Radios(FUNCTION_HOLDER),
        WHEN_JOINT,
        "Local variations in commissioning arrangements",
        "Select which body originally holds the commissioning function"
    ),
    field!(
        "screening.partner_bodies",
        Screening,
        "Which other bodies are involved in the arrangement?",
        Some("For example, the CCGs, NHS England teams or local authorities taking part."),
        Text,
        WHEN_JOINT,
        "Guiding principles for joint public involvement exercises",
        "Enter the other bodies involved in the arrangement"
    ),
    field!(
        "screening.respondent",
        Screening,
        "Which organisation do you work for?",
        Some("Every action is then addressed to your organisation, and the others are named as partners."),
        Radios(ORGANISATIONS_2022),
        WHEN_JOINT,
        "NHS Act 2006 sections 65Z5 and 65Z6",
        "Select which organisation you work for"
    ),
    field!(
        "screening.joint_other_holders",
        Screening,
        "Does the joint committee also exercise the functions of other organisations?",
        Some("Select all that apply. Each organisation whose functions the committee exercises keeps its own duty to involve the public (sections 65Z5 and 65Z6 of the NHS Act 2006)."),
        Checkboxes(ORGANISATIONS_2022, Some(NONE_VALUE)),
        When("screening.joint_model", "joint_committee"),
        "NHS Act 2006 sections 65Z5 and 65Z6",
        "Select the other organisations whose functions the joint committee exercises, or select 'None of these'"
    ),
    field!(
        "screening.lead_provider_trust",
        Screening,
        "Is the lead provider, or a member of the provider collaborative, an NHS trust or NHS foundation trust that provides the services affected?",
        Some("If so, the trust's own duty under section 242(1B) applies to the services it provides, beside the ICB's duty."),
        Radios(YES_NO),
        When("screening.joint_model", "lead_provider"),
        "NHS Act 2006 section 242(1B)",
        "Select whether a trust that provides the services is the lead provider or a member of the collaborative"
    ),
    field!(
        "screening.relates_to_commissioning",
        Screening,
        "Does the activity relate to commissioning responsibilities?",
        Some("For example, a decision about the relocation of a podiatry service commissioned by the CCG does. A decision about the relocation of one of the CCG's administrative offices does not."),
        Radios(YES_NO),
        Always,
        "Action 5, Step 1",
        "Select whether the activity relates to commissioning responsibilities"
    ),
    field!(
        "screening.activities",
        Screening,
        "What type of activity is it?",
        Some("Select all that apply. The duty applies to three types of commissioning activity, and a plan, proposal or decision can fall into more than one."),
        Checkboxes(ACTIVITIES, Some(NONE_VALUE)),
        When("screening.relates_to_commissioning", "yes"),
        "Action 5, Step 2",
        "Select the type of activity, or select 'None of these'"
    ),
    field!(
        "screening.impact_delivery",
        Screening,
        "An impact on how services are delivered?",
        Some("If the plans, proposals or decisions are implemented, do you think there will be an impact on the way services are delivered to individuals when they receive them? For example, the transfer of a service to another location."),
        Radios(YES_NO),
        Always,
        "Action 5, Step 3; Appendix B Step 2(a)",
        "Select whether there will be an impact on how services are delivered"
    ),
    field!(
        "screening.impact_delivery_detail",
        Screening,
        "Explain your answer and provide further details",
        None,
        LongText,
        When("screening.impact_delivery", "yes"),
        "Appendix B Step 2(a)",
        "Explain the impact on how services are delivered"
    ),
    field!(
        "screening.impact_range",
        Screening,
        "An impact on the range of health services available?",
        Some("For example, the decommissioning of a service of limited clinical benefit to fund investment in other services."),
        Radios(YES_NO),
        Always,
        "Action 5, Step 3; Appendix B Step 2(b)",
        "Select whether there will be an impact on the range of health services available"
    ),
    field!(
        "screening.impact_range_detail",
        Screening,
        "Explain your answer and provide further details",
        None,
        LongText,
        When("screening.impact_range", "yes"),
        "Appendix B Step 2(b)",
        "Explain the impact on the range of health services available"
    ),
    field!(
        "screening.impact_other",
        Screening,
        "Any other impact that you can envisage at this point in time (optional)",
        Some("Describe the impact. If you answered yes to either question about impact above, or describe another impact here, it is highly likely that the legal duty to involve the public applies."),
        LongText,
        Optional,
        "Appendix B Step 2(c)",
        "Describe any other impact you can envisage"
    ),
    field!(
        "screening.patient_matters",
        Screening,
        "From the perspective of patients, could any of these matters be affected?",
        Some("Select all that apply. Impact should be considered from the perspective of patients and not necessarily limited to the clinical services being commissioned."),
        Checkboxes(PATIENT_MATTERS, Some(NONE_VALUE)),
        Always,
        "Action 5, Step 3",
        "Select the matters that could be affected, or select 'None of these'"
    ),
    field!(
        "screening.trust_special_administrator",
        Screening,
        "Does the activity relate to matters in a trust special administrator's report or draft report?",
        Some("Only where the Secretary of State is not yet satisfied with, or has not yet decided on, the report (section 14Z2(7) and section 13Q(4) of the NHS Act 2006)."),
        Radios(YES_NO),
        Always,
        "Appendix A, s.14Z2(7) and s.13Q(4)",
        "Select whether the activity relates to a trust special administrator's report"
    ),
    field!(
        "screening.urgent",
        Screening,
        "Does a decision need to be taken urgently?",
        Some("Urgency can justify limited (or no) public involvement only in narrow circumstances. It does not permit leaving public involvement until the last moment."),
        Radios(YES_NO),
        Always,
        "What if a decision needs to be taken urgently?",
        "Select whether a decision needs to be taken urgently"
    ),
    field!(
        "screening.urgency_ground",
        Screening,
        "Why is the decision urgent?",
        None,
        Radios(URGENCY_GROUND),
        When("screening.urgent", "yes"),
        "What if a decision needs to be taken urgently?",
        "Select why the decision is urgent"
    ),
    field!(
        "screening.urgency_justification",
        Screening,
        "Explain why there is not enough time for a fair and proportionate involvement exercise",
        Some("Describe the urgent development or the risk, and what involvement is still possible, for example notifying all patients by letter."),
        LongText,
        When("screening.urgent", "yes"),
        "What if a decision needs to be taken urgently?",
        "Explain why there is not enough time to involve the public"
    ),
    field!(
        "screening.public_interest",
        Screening,
        "Do any of these circumstances apply?",
        Some("Select all that apply. Involvement is particularly important in these circumstances, even if the legal duty does not apply."),
        Checkboxes(PUBLIC_INTEREST, Some(NONE_VALUE)),
        Always,
        "Action 5, Step 1",
        "Select the circumstances that apply, or select 'None of these'"
    ),
    field!(
        "screening.substantial_variation",
        Screening,
        "Is the activity a proposal for a substantial development or variation of the health service in the area?",
        Some("If it is, you must consult the local authority, whose overview and scrutiny committee may scrutinise the proposal."),
        Radios(YES_NO),
        Always,
        "Local authority overview and scrutiny",
        "Select whether the activity is a proposal for a substantial development or variation"
    ),
    field!(
        "screening.previous_involvement",
        Screening,
        "Has there been a previous public involvement exercise that is relevant to this activity?",
        None,
        Radios(YES_NO),
        Always,
        PREVIOUS_SRC,
        "Select whether there has been a relevant previous public involvement exercise"
    ),
    field!(
        "screening.previous.summary",
        Screening,
        "When did the previous involvement take place and what did it cover?",
        None,
        LongText,
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Enter when the previous involvement took place and what it covered"
    ),
    field!(
        "screening.previous.same_proposal",
        Screening,
        "Is the new proposal the same as the one previously considered?",
        None,
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether the new proposal is the same as the one previously considered"
    ),
    field!(
        "screening.previous.significant_changes",
        Screening,
        "Have there been significant changes since the proposal was previously considered?",
        Some("Was the proposal considered previously similar to what is being considered now?"),
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether there have been significant changes since the proposal was previously considered"
    ),
    field!(
        "screening.previous.still_relevant",
        Screening,
        "Does the previous involvement remain relevant?",
        Some("Consider how long ago the public involvement was."),
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether the previous involvement remains relevant"
    ),
    field!(
        "screening.previous.people_changed",
        Screening,
        "Has there been a significant change to the people who are affected?",
        Some("Consider who was involved previously."),
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether there has been a significant change to the people who are affected"
    ),
    field!(
        "screening.previous.diversity_addressed",
        Screening,
        "Did previous involvement sufficiently address the diversity of patients and communities?",
        None,
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether previous involvement addressed the diversity of patients and communities"
    ),
    field!(
        "screening.previous.new_information",
        Screening,
        "Is there new information that the public needs to know before the decision is taken?",
        None,
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether there is new information the public needs to know"
    ),
    field!(
        "screening.previous.population_change",
        Screening,
        "Has there been any change that may affect the proposal or the impact it will have?",
        Some("For example, a population change."),
        Radios(YES_NO),
        WHEN_PREVIOUS,
        PREVIOUS_SRC,
        "Select whether there has been any change that may affect the proposal"
    ),
    field!(
        "screening.equality_need",
        Screening,
        "Does an equality impact analysis indicate the need for engagement?",
        Some("For example, because of a lack of evidence relating to certain groups."),
        Radios(YES_NO),
        Always,
        "Action 5, Examples of circumstances: Equality; Action 8",
        "Select whether an equality impact analysis indicates the need for engagement"
    ),
    // ---- Appendix B Step 1 ---------------------------------------------------
    field!(
        "b.location",
        BStep1,
        "Location",
        Some("For example, town, CCG or area."),
        Text,
        Always,
        "Appendix B Step 1",
        "Enter the location of the activity"
    ),
    field!(
        "b.title",
        BStep1,
        "Title of the plan, proposal, project or commissioning activity",
        Some("Possible examples - procurement of a new service, proposals for service change, national policy development or an operational commissioning decision which affects services, for example closure of a GP practice."),
        Text,
        Always,
        "Appendix B Step 1",
        "Enter the title of the activity"
    ),
    field!(
        "b.description",
        BStep1,
        "Brief description of the proposed activity",
        None,
        LongText,
        Always,
        "Appendix B Step 1",
        "Enter a brief description of the activity"
    ),
    field!(
        "b.objectives",
        BStep1,
        "Key objectives of the proposed activity (optional)",
        Some("Include key objectives where appropriate."),
        LongText,
        Optional,
        "Appendix B Step 1",
        "Enter the key objectives of the activity"
    ),
    // ---- Appendix B Step 2 ---------------------------------------------------
    field!(
        "b.opinion",
        BStep2,
        "Does the legal duty apply to the activity in your opinion?",
        Some("If you have answered yes to an impact on how services are delivered, on the range of services, or any other impact, it is highly likely that the legal duty to involve the public applies. The duty always applies to planning of commissioning arrangements (regardless of impact)."),
        Radios(YES_NO),
        Always,
        "Appendix B Step 2",
        "Select whether the legal duty applies to the activity in your opinion"
    ),
    field!(
        "b.opinion_reason",
        BStep2,
        "Explain briefly why you have answered yes or no",
        Some("If the legal duty does not apply, you must still keep a copy of this form as a record of your decision making, consider whether participation would be beneficial and complete steps 3, 4 and 5."),
        LongText,
        Always,
        "Appendix B Step 2",
        "Explain why you think the legal duty does or does not apply"
    ),
    // ---- Appendix B Step 3 ---------------------------------------------------
    field!(
        "b.existing_arrangements",
        BStep3,
        "What arrangements or mechanisms are already in place to involve the public which are relevant to this activity?",
        Some("These may be national, regional or local. Examples could include patient and public views by patient and public voice (PPV) partners; surveys; intelligence on patient and public views from partners including CCGs, Healthwatch and voluntary and community organisations."),
        LongText,
        Always,
        "Appendix B Step 3(a)",
        "Enter the arrangements already in place to involve the public"
    ),
    field!(
        "b.insight_use",
        BStep3,
        "How will the insight available to you help to inform your decision?",
        Some("Consideration of existing arrangements and sources of patient and public insight will help inform any additional arrangements needed under step 4."),
        LongText,
        Always,
        "Appendix B Step 3(b)",
        "Enter how the insight available to you will help to inform your decision"
    ),
    // ---- Appendix B Step 4 ---------------------------------------------------
    field!(
        "b.additional_required",
        BStep4,
        "Are additional arrangements for patient and public involvement needed for this activity?",
        Some("In particular, how will you ensure that 'seldom heard' groups, those with 'protected characteristics' under the Equality Act, and those experiencing health inequalities are involved?"),
        Radios(YES_NO),
        Always,
        "Appendix B Step 4",
        "Select whether additional arrangements for patient and public involvement are needed"
    ),
    field!(
        "b.additional_approach",
        BStep4,
        "Provide a brief outline of your approach and objectives for any additional patient and public participation",
        Some("Include consideration of 'seldom heard' groups, the nine protected characteristics and health inequalities. In due course, it may be appropriate to develop a full communications and engagement plan (Appendix C)."),
        LongText,
        When("b.additional_required", "yes"),
        "Appendix B Step 4(a)",
        "Enter your approach and objectives for additional participation"
    ),
    field!(
        "b.fair_and_proportionate",
        BStep4,
        "Briefly describe how your proposed participation will be 'fair and proportionate', in relation to your commissioning activity",
        None,
        LongText,
        Always,
        "Appendix B Step 4(b); Action 5, Decide how to involve the public",
        "Describe how your proposed participation will be fair and proportionate"
    ),
    // ---- Appendix B Step 5 ---------------------------------------------------
    field!(
        "b.impact_use",
        BStep5,
        "Provide a brief outline of how the information collected through patient and public participation will be used to influence the plan or activity",
        None,
        LongText,
        Always,
        "Appendix B Step 5(a)",
        "Enter how the information collected will be used to influence the activity"
    ),
    field!(
        "b.feedback",
        BStep5,
        "How will the outcomes of participation be reported back to those involved?",
        Some("Refer to your communications and engagement plan, if appropriate."),
        LongText,
        Always,
        "Appendix B Step 5(b)",
        "Enter how the outcomes of participation will be reported back to those involved"
    ),
    field!(
        "b.ongoing_impact",
        BStep5,
        "How will you assess the ongoing impact of the change on patients and the public after it has been completed?",
        None,
        LongText,
        Always,
        "Appendix B Step 5(c)",
        "Enter how you will assess the ongoing impact of the change"
    ),
    // ---- Appendix B completion and sign-off ------------------------------------
    field!(
        "b.completed_by.name",
        BSignOff,
        "Name of person completing the form",
        None,
        Text,
        Always,
        "Appendix B, completed by",
        "Enter the name of the person completing the form"
    ),
    field!(
        "b.completed_by.job_title",
        BSignOff,
        "Job title",
        None,
        Text,
        Always,
        "Appendix B, completed by",
        "Enter the job title of the person completing the form"
    ),
    field!(
        "b.completed_by.email",
        BSignOff,
        "Email address",
        None,
        Email,
        Always,
        "Appendix B, completed by",
        "Enter the email address of the person completing the form"
    ),
    field!(
        "b.completed_by.team",
        BSignOff,
        "Team",
        None,
        Text,
        Always,
        "Appendix B, completed by",
        "Enter the team of the person completing the form"
    ),
    field!(
        "b.completed_by.date",
        BSignOff,
        "Date completed",
        Some("For example, 15 3 2026"),
        Date,
        Always,
        "Appendix B, completed by",
        "Enter the date the form was completed"
    ),
    field!(
        "b.signoff_applies",
        BSignOff,
        "Do senior sign-off arrangements apply?",
        None,
        Radios(YES_NO),
        Always,
        "Appendix B, senior sign-off",
        "Select whether senior sign-off arrangements apply"
    ),
    field!(
        "b.signoff.name",
        BSignOff,
        "Name of person signing off the form",
        None,
        Text,
        WHEN_SIGNOFF,
        "Appendix B, senior sign-off",
        "Enter the name of the person signing off the form"
    ),
    field!(
        "b.signoff.job_title",
        BSignOff,
        "Job title",
        None,
        Text,
        WHEN_SIGNOFF,
        "Appendix B, senior sign-off",
        "Enter the job title of the person signing off the form"
    ),
    field!(
        "b.signoff.email",
        BSignOff,
        "Email address",
        None,
        Email,
        WHEN_SIGNOFF,
        "Appendix B, senior sign-off",
        "Enter the email address of the person signing off the form"
    ),
    field!(
        "b.signoff.team",
        BSignOff,
        "Team",
        None,
        Text,
        WHEN_SIGNOFF,
        "Appendix B, senior sign-off",
        "Enter the team of the person signing off the form"
    ),
    field!(
        "b.signoff.date",
        BSignOff,
        "Date signed off",
        Some("For example, 15 3 2026"),
        Date,
        WHEN_SIGNOFF,
        "Appendix B, senior sign-off",
        "Enter the date the form was signed off"
    ),
    // ---- Equality and health inequalities (2022) ------------------------------
    field!(
        "b.equality.groups",
        Equality,
        "Which groups are likely to be affected?",
        Some("Name the groups with protected characteristics (age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex, sexual orientation), and the inclusion health or excluded groups, such as people experiencing homelessness, carers or people who do not speak English."),
        LongText,
        Always,
        EQUALITY_SRC,
        "Enter which groups are likely to be affected"
    ),
    field!(
        "b.equality.evidence",
        Equality,
        "What evidence did you use?",
        Some("For example, the equality and health inequalities impact assessment, population health data, Healthwatch reports, complaints and what people told you."),
        LongText,
        Always,
        EQUALITY_SRC,
        "Enter the evidence you used"
    ),
    field!(
        "b.equality.due_regard",
        Equality,
        "How did you have due regard to equality?",
        Some("The public sector equality duty asks for due regard to the need to eliminate unlawful discrimination, advance equality of opportunity and foster good relations (Equality Act 2010 section 149(1))."),
        LongText,
        Always,
        "Equality Act 2010 section 149(1)",
        "Enter how you had due regard to equality"
    ),
    field!(
        "b.equality.inequalities",
        Equality,
        "How did you have regard to reducing health inequalities?",
        Some("Inequalities in access to health services and in the outcomes achieved. An integrated care board has this duty under section 14Z35 of the NHS Act 2006, and NHS England under section 13G, including for functions an ICB exercises for it."),
        LongText,
        Always,
        "NHS Act 2006 sections 14Z35 and 13G",
        "Enter how you had regard to reducing health inequalities"
    ),
    // ---- Scrutiny and notification record (2022) --------------------------------
    field!(
        "b.scrutiny.committee",
        Scrutiny,
        "Which local authority or joint overview and scrutiny committee did you consult or tell?",
        None,
        Text,
        SCRUTINY,
        REG_23,
        "Enter the local authority or joint overview and scrutiny committee"
    ),
    field!(
        "b.scrutiny.proposal_date",
        Scrutiny,
        "When did you put the proposal to the local authority?",
        Some("For example, 15 3 2026"),
        Date,
        CONSULTATION,
        "Regulation 23(1) of SI 2013/218",
        "Enter the date you put the proposal to the local authority"
    ),
    field!(
        "b.scrutiny.comments_date",
        Scrutiny,
        "By when must the local authority comment?",
        Some("Regulation 23(4) requires you to tell the local authority, and publish, the date by which you want its comments and the date by which you propose to decide. For example, 15 6 2026"),
        Date,
        CONSULTATION,
        "Regulation 23(4) of SI 2013/218",
        "Enter the date by which the local authority must comment"
    ),
    field!(
        "b.scrutiny.decision_date",
        Scrutiny,
        "By when do you propose to make the decision?",
        Some("For example, 15 7 2026"),
        Date,
        CONSULTATION,
        "Regulation 23(4) of SI 2013/218",
        "Enter the date by which you propose to make the decision"
    ),
    field!(
        "b.scrutiny.notifiable",
        Scrutiny,
        "Is the change a notifiable reconfiguration?",
        Some("Since 31 January 2024 a reconfiguration on which regulation 23 requires the local authority to be consulted is notifiable. NHS England or the integrated care board notifies the Secretary of State (Schedule 10A to the NHS Act 2006); an NHS trust tells its commissioner."),
        Radios(YES_NO),
        CONSULTATION,
        "NHS Act 2006 Schedule 10A, paragraph 2",
        "Select whether the change is a notifiable reconfiguration"
    ),
    field!(
        "b.scrutiny.notified_date",
        Scrutiny,
        "When was the Secretary of State notified?",
        Some("The date NHS England or the integrated care board notified the Department of Health and Social Care. For example, 20 3 2026"),
        Date,
        When("b.scrutiny.notifiable", "yes"),
        "NHS Act 2006 Schedule 10A, paragraph 2",
        "Enter the date the Secretary of State was notified"
    ),
    field!(
        "b.scrutiny.call_in",
        Scrutiny,
        "Has the Secretary of State given a call-in direction, and how did you take it into account? (optional)",
        Some("Regulation 23(5A) requires you to take into consideration any direction under paragraph 3(1) of Schedule 10A."),
        LongText,
        Optional,
        "Regulation 23(5A) of SI 2013/218 (inserted by SI 2024/16)",
        "Enter the call-in direction and how you took it into account"
    ),
    field!(
        "b.scrutiny.urgent_told_date",
        Scrutiny,
        "When did you tell the local authority of the urgent decision?",
        Some("Regulation 23(3) requires you to tell it at once of the decision and of why it was not consulted. For example, 15 3 2026"),
        Date,
        URGENT,
        "Regulation 23(3) of SI 2013/218",
        "Enter the date you told the local authority of the decision"
    ),
    field!(
        "b.scrutiny.urgent_reason",
        Scrutiny,
        "Why was the local authority not consulted before the decision?",
        Some("The risk to the safety or welfare of patients or staff that meant the decision had to be taken without allowing time for consultation (regulation 23(2))."),
        LongText,
        URGENT,
        "Regulation 23(2) of SI 2013/218",
        "Enter why the local authority was not consulted before the decision"
    ),
    // ---- Appendix C (sixteen headings) -----------------------------------------
    field!(
        "c.date_produced",
        PlanC,
        "Date produced",
        Some("For example, 15 3 2026"),
        Date,
        PLAN,
        "Appendix C",
        "Enter the date the plan was produced"
    ),
    field!("c.project_lead", PlanC, "Project lead", None, Text, PLAN, "Appendix C", "Enter the name of the project lead"),
    field!("c.background", PlanC, "Background", None, LongText, PLAN, "Appendix C", "Enter the background to the plan"),
    field!(
        "c.proposal",
        PlanC,
        "Proposal or project information",
        Some("Provide details about the proposals being made, what impact will it have and what reaction do you expect?"),
        LongText,
        PLAN,
        "Appendix C",
        "Enter details about the proposal"
    ),
    field!(
        "c.key_messages",
        PlanC,
        "Key messages",
        Some("Remember the need to manage expectations. What can people influence/not influence?"),
        LongText,
        PLAN,
        "Appendix C",
        "Enter the key messages"
    ),
    field!(
        "c.target_audiences",
        PlanC,
        "Target audiences",
        Some("For example: patients, carers, the media, MPs, etc."),
        LongText,
        PLAN,
        "Appendix C",
        "Enter the target audiences"
    ),
    field!(
        "c.objectives",
        PlanC,
        "Objective of communications",
        Some("What are the measures of success?"),
        LongText,
        PLAN,
        "Appendix C",
        "Enter the objective of communications"
    ),
    field!(
        "c.budget",
        PlanC,
        "Budget (optional)",
        Some("Include the cost of managing the outputs of involvement, such as documenting and processing feedback."),
        LongText,
        Optional,
        "Appendix C; Managing the outputs of public involvement",
        "Enter the budget"
    ),
    field!(
        "c.methods",
        PlanC,
        "Methods of engagement and communication",
        Some("What activity are you planning to carry out? Is it fair and proportionate?"),
        LongText,
        PLAN,
        "Appendix C",
        "Enter the methods of engagement and communication"
    ),
    field!(
        "c.timescales",
        PlanC,
        "Timescales",
        Some("Include milestones and deadlines."),
        Milestones,
        PLAN,
        "Appendix C",
        "Enter at least one milestone"
    ),
    field!(
        "c.equality",
        PlanC,
        "Equality and accessibility",
        Some("Are there any specific considerations for groups with protected characteristics or those who are 'seldom heard'?"),
        LongText,
        PLAN,
        "Appendix C; Action 8",
        "Enter the equality and accessibility considerations"
    ),
    field!(
        "c.partners",
        PlanC,
        "Partner organisations (optional)",
        Some("For example: Healthwatch, local authorities, patient groups."),
        LongText,
        Optional,
        "Appendix C",
        "Enter the partner organisations"
    ),
    field!(
        "c.key_contacts",
        PlanC,
        "Key contacts (optional)",
        Some("For example: project leads, patient representatives who are involved, budget holders."),
        LongText,
        Optional,
        "Appendix C",
        "Enter the key contacts"
    ),
    field!(
        "c.risks",
        PlanC,
        "Risks and mitigating actions (optional)",
        Some("For each risk, describe the action you will take to mitigate it."),
        Risks,
        Optional,
        "Appendix C",
        "Enter at least one risk"
    ),
    field!(
        "c.evaluation",
        PlanC,
        "Evaluation",
        Some("Report back on the success/impact of the communications plan."),
        LongText,
        PLAN,
        "Appendix C",
        "Enter how you will evaluate the success and impact of the plan"
    ),
    field!(
        "c.feedback",
        PlanC,
        "Feed back to those involved",
        Some("Close the loop and describe how you plan to feed back to people who have been involved."),
        LongText,
        PLAN,
        "Appendix C",
        "Enter how you plan to feed back to people who have been involved"
    ),
    // ---- The ten principles of the 2022 guidance, in the plan ------------------
    field!(
        "c.principles.voices",
        PlanC,
        "Principle 1: Put the voices of people and communities at the centre of decision-making and governance",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 1, or why it does not apply"
    ),
    field!(
        "c.principles.early",
        PlanC,
        "Principle 2: Start engagement early when developing plans, and feed back to people and communities how it has influenced activities and decisions",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 2, or why it does not apply"
    ),
    field!(
        "c.principles.understand",
        PlanC,
        "Principle 3: Understand your community's needs, experience and aspirations for health and care, using engagement to find out if change is having the desired effect",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 3, or why it does not apply"
    ),
    field!(
        "c.principles.excluded",
        PlanC,
        "Principle 4: Build relationships with excluded groups, especially those affected by inequalities",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 4, or why it does not apply"
    ),
    field!(
        "c.principles.partners",
        PlanC,
        "Principle 5: Work with Healthwatch and the voluntary, community and social enterprise sector as key partners",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 5, or why it does not apply"
    ),
    field!(
        "c.principles.information",
        PlanC,
        "Principle 6: Provide clear and accessible public information about vision, plans and progress, to build understanding and trust",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 6, or why it does not apply"
    ),
    field!(
        "c.principles.community",
        PlanC,
        "Principle 7: Use community development approaches that empower people and communities, making connections to social action",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 7, or why it does not apply"
    ),
    field!(
        "c.principles.coproduction",
        PlanC,
        "Principle 8: Use co-production, insight and engagement to achieve accountable health and care services",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 8, or why it does not apply"
    ),
    field!(
        "c.principles.redesign",
        PlanC,
        "Principle 9: Co-produce and redesign services and tackle system priorities in partnership with people and communities",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 9, or why it does not apply"
    ),
    field!(
        "c.principles.learn",
        PlanC,
        "Principle 10: Learn from what works and build on the assets of all health and care partners",
        Some("How you apply this principle in this plan, or why it does not apply."),
        LongText,
        PLAN,
        PRINCIPLES_SRC,
        "Enter how you apply principle 10, or why it does not apply"
    ),
];

/// Every field, in page order (sections in [`Section::ALL`] order). The
/// saved document does not follow this order (`format::json` has its own,
/// frozen for format 2's answers), so fields may be moved freely; a new
/// field is written after format 2's answers, by id.
pub fn fields() -> &'static [Field] {
    FIELDS
}

/// Look a field up by its id.
pub fn field(id: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.id == id)
}

/// The fields of one section, in page order.
pub fn section_fields(section: Section) -> impl Iterator<Item = &'static Field> {
    FIELDS.iter().filter(move |f| f.section == section)
}

/// The catalogue field a validation path belongs to: `c.risks[1].action`
/// belongs to `c.risks`; a plain id belongs to itself.
pub fn field_for_path(path: &str) -> Option<&'static Field> {
    match path.find('[') {
        Some(i) => field(&path[..i]),
        None => field(path),
    }
}

/// The human label of a stored option value (radios and checkboxes,
/// including the exclusive `none`), for check-answers and print.
pub fn option_label(field_id: &str, value: &str) -> Option<&'static str> {
    kind_label(field(field_id)?.kind, value)
}

/// The label of a stored value among a kind's options, the exclusive `none`
/// included. `forms::wording` uses it for a ruleset's own options.
pub fn kind_label(kind: Kind, value: &str) -> Option<&'static str> {
    if let Kind::Checkboxes(_, Some(none)) = kind {
        if value == none {
            return Some(NONE_LABEL);
        }
    }
    kind.options()
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, l)| *l)
}

/// A hint for one option (for example, the guidance's examples of each
/// activity type), if the guidance gives one.
pub fn option_hint(field_id: &str, value: &str) -> Option<&'static str> {
    OPTION_HINTS
        .iter()
        .find(|(f, v, _)| *f == field_id && *v == value)
        .map(|(_, _, h)| *h)
}

/// A sub-heading shown before a field, grouping a long page the way the
/// guidance groups its questions (screening: whose duty, the three-step test
/// of Action 5, then the special circumstances the guidance names).
pub fn heading_before(id: &str) -> Option<&'static str> {
    match id {
        "screening.body" => Some("Whose duty it is"),
        "screening.relates_to_commissioning" => Some("The three-step test"),
        "screening.trust_special_administrator" => Some("Special circumstances"),
        "c.principles.voices" => Some("The ten principles of the 2022 guidance"),
        _ => None,
    }
}
