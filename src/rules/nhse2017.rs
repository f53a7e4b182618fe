//! Ruleset `nhse-2017`: NHS England, *Patient and public participation in
//! commissioning health and care: statutory guidance for CCGs and NHS
//! England* (2017), Action 5 and Appendix A.
//!
//! # How the process runs
//!
//! The rules walk the guidance's process in order and record one [`Reason`]
//! per node:
//!
//! 1. **Body** (Appendix A; "Local variations in commissioning
//!    arrangements"): whose duty, s.14Z2 (CCG) or s.13Q (NHS England), and
//!    under a joint arrangement which of the four overarching models.
//! 2. **Trust special administrator** (s.14Z2(7), s.13Q(4)). The
//!    subsections lift the whole duty for the matter, whatever the activity
//!    type or impact, so it is asked straight after the body (whose section it
//!    is an exception to) and before steps 1 to 3, which a Yes makes
//!    unnecessary until the Secretary of State has acted.
//! 3. **Step 1**: does the activity relate to commissioning responsibilities?
//! 4. **Step 2**: what type of activity is it (planning, proposals for change,
//!    operational decisions; more than one may apply)?
//! 5. **Step 3**: would there be an impact on service delivery or the range of
//!    services? Only asked for proposals and operational decisions.
//!
//! then the circumstances the guidance names (public interest, urgency,
//! previous involvement, overview and scrutiny, equality), then the outcome.
//!
//! A missing answer never stops the walk: later questions are still looked at
//! so that every missing answer on the route is reported at once. If the walk
//! reaches an outcome (for example step 1 answered No) after a missing answer,
//! the verdict is [`Verdict::Undetermined`] and only the earlier missing answers
//! are listed, because the later questions are not needed.
//!
//! # Action codes
//!
//! Stable codes (see [`codes`]); "must" is an obligation, "should" a
//! recommendation.
//!
//! | code | strength | when |
//! |---|---|---|
//! | `answer_missing_questions` | must | verdict undetermined |
//! | `check_transfer_order` | must | function fully devolved |
//! | `establish_joint_arrangements` | should | any joint arrangement |
//! | `document_day_to_day_responsibility` | should | any joint arrangement |
//! | `seek_assurance_on_arrangements` | should | any joint arrangement |
//! | `reassess_after_tsa_decision` | must | trust special administrator matter |
//! | `answer_step_3` | must | planning plus other types, step 3 unanswered |
//! | `reconsider_patient_impact` | should | patient matters ticked, no impact |
//! | `check_other_impact` | should | other impact described, no impact |
//! | `review_existing_insight` | should | duty applies |
//! | `decide_fair_and_proportionate` | must | duty applies |
//! | `involve_seldom_heard_groups` | should | duty applies |
//! | `complete_steps_3_to_5` | must | duty applies or does not apply |
//! | `prepare_communications_plan` | should | duty applies |
//! | `feed_back_to_participants` | should | duty applies |
//! | `keep_form_record` | must | any verdict except undetermined |
//! | `consider_beneficial_involvement` | should | duty does not apply |
//! | `record_urgency_justification` | must | duty applies, urgent with a ground |
//! | `urgency_not_justified` | must | duty applies, urgent without a ground |
//! | `document_reliance_on_previous_involvement` | must | previous involvement still fits |
//! | `consider_previous_findings` | should | previous involvement no longer fits |
//! | `undertake_new_involvement` | must | previous involvement no longer fits |
//! | `answer_previous_review_questions` | should | review questions unanswered |
//! | `consult_local_authority` | must | substantial development or variation |
//! | `recheck_impact_answers` | should | substantial variation, duty does not apply |
//! | `engage_groups_from_equality_analysis` | must | equality analysis shows a need |

use super::{Action, Assessment, Citation, DutyHolder, EngagedDuty, Limb, Node, Reason, Ruleset, Verdict};
use crate::model::{
    Activity, Body, FunctionHolder, JointModel, PatientMatter, PreviousReview, PublicInterest, Screening,
    UrgencyGround, YesNo,
};

pub const ID: &str = "nhse-2017";

/// The `nhse-2017` ruleset.
pub struct Nhse2017;

impl Ruleset for Nhse2017 {
    fn id(&self) -> &'static str {
        ID
    }
    fn title(&self) -> &'static str {
        "NHS England statutory guidance 2017 (CCGs and NHS England)"
    }
    fn assess(&self, s: &Screening) -> Assessment {
        assess(s)
    }
}

/// Stable action codes produced by this ruleset.
pub mod codes {
    pub const ANSWER_MISSING_QUESTIONS: &str = "answer_missing_questions";
    pub const CHECK_TRANSFER_ORDER: &str = "check_transfer_order";
    pub const ESTABLISH_JOINT_ARRANGEMENTS: &str = "establish_joint_arrangements";
    pub const DOCUMENT_DAY_TO_DAY_RESPONSIBILITY: &str = "document_day_to_day_responsibility";
    pub const SEEK_ASSURANCE_ON_ARRANGEMENTS: &str = "seek_assurance_on_arrangements";
    pub const REASSESS_AFTER_TSA_DECISION: &str = "reassess_after_tsa_decision";
    pub const ANSWER_STEP_3: &str = "answer_step_3";
    pub const RECONSIDER_PATIENT_IMPACT: &str = "reconsider_patient_impact";
    pub const CHECK_OTHER_IMPACT: &str = "check_other_impact";
    pub const REVIEW_EXISTING_INSIGHT: &str = "review_existing_insight";
    pub const DECIDE_FAIR_AND_PROPORTIONATE: &str = "decide_fair_and_proportionate";
    pub const INVOLVE_SELDOM_HEARD_GROUPS: &str = "involve_seldom_heard_groups";
    pub const COMPLETE_STEPS_3_TO_5: &str = "complete_steps_3_to_5";
    pub const PREPARE_COMMUNICATIONS_PLAN: &str = "prepare_communications_plan";
    pub const FEED_BACK_TO_PARTICIPANTS: &str = "feed_back_to_participants";
    pub const KEEP_FORM_RECORD: &str = "keep_form_record";
    pub const CONSIDER_BENEFICIAL_INVOLVEMENT: &str = "consider_beneficial_involvement";
    pub const RECORD_URGENCY_JUSTIFICATION: &str = "record_urgency_justification";
    pub const URGENCY_NOT_JUSTIFIED: &str = "urgency_not_justified";
    pub const DOCUMENT_RELIANCE_ON_PREVIOUS_INVOLVEMENT: &str = "document_reliance_on_previous_involvement";
    pub const CONSIDER_PREVIOUS_FINDINGS: &str = "consider_previous_findings";
    pub const UNDERTAKE_NEW_INVOLVEMENT: &str = "undertake_new_involvement";
    pub const ANSWER_PREVIOUS_REVIEW_QUESTIONS: &str = "answer_previous_review_questions";
    pub const CONSULT_LOCAL_AUTHORITY: &str = "consult_local_authority";
    pub const RECHECK_IMPACT_ANSWERS: &str = "recheck_impact_answers";
    pub const ENGAGE_GROUPS_FROM_EQUALITY_ANALYSIS: &str = "engage_groups_from_equality_analysis";

    /// Every code, in the order actions are produced.
    pub const ALL: &[&str] = &[
        ANSWER_MISSING_QUESTIONS,
        CHECK_TRANSFER_ORDER,
        ESTABLISH_JOINT_ARRANGEMENTS,
        DOCUMENT_DAY_TO_DAY_RESPONSIBILITY,
        SEEK_ASSURANCE_ON_ARRANGEMENTS,
        REASSESS_AFTER_TSA_DECISION,
        ANSWER_STEP_3,
        RECONSIDER_PATIENT_IMPACT,
        CHECK_OTHER_IMPACT,
        REVIEW_EXISTING_INSIGHT,
        DECIDE_FAIR_AND_PROPORTIONATE,
        INVOLVE_SELDOM_HEARD_GROUPS,
        COMPLETE_STEPS_3_TO_5,
        PREPARE_COMMUNICATIONS_PLAN,
        FEED_BACK_TO_PARTICIPANTS,
        KEEP_FORM_RECORD,
        CONSIDER_BENEFICIAL_INVOLVEMENT,
        RECORD_URGENCY_JUSTIFICATION,
        URGENCY_NOT_JUSTIFIED,
        DOCUMENT_RELIANCE_ON_PREVIOUS_INVOLVEMENT,
        CONSIDER_PREVIOUS_FINDINGS,
        UNDERTAKE_NEW_INVOLVEMENT,
        ANSWER_PREVIOUS_REVIEW_QUESTIONS,
        CONSULT_LOCAL_AUTHORITY,
        RECHECK_IMPACT_ANSWERS,
        ENGAGE_GROUPS_FROM_EQUALITY_ANALYSIS,
    ];
}

/// Screening field ids this ruleset can report as missing.
pub mod fields {
    pub const BODY: &str = "screening.body";
    pub const JOINT_MODEL: &str = "screening.joint_model";
    pub const FUNCTION_HOLDER: &str = "screening.function_holder";
    pub const RELATES_TO_COMMISSIONING: &str = "screening.relates_to_commissioning";
    pub const ACTIVITIES: &str = "screening.activities";
    pub const IMPACT_DELIVERY: &str = "screening.impact_delivery";
    pub const IMPACT_RANGE: &str = "screening.impact_range";
    pub const TRUST_SPECIAL_ADMINISTRATOR: &str = "screening.trust_special_administrator";

    /// The decisive questions in form order (the order of
    /// [`crate::model::Screening`]); `Assessment::missing` follows it.
    pub const FORM_ORDER: [&str; 8] = [
        BODY,
        JOINT_MODEL,
        FUNCTION_HOLDER,
        RELATES_TO_COMMISSIONING,
        ACTIVITIES,
        IMPACT_DELIVERY,
        IMPACT_RANGE,
        TRUST_SPECIAL_ADMINISTRATOR,
    ];
}

use codes::*;

// Citations, one per section of the guidance or the Act.
const C_BODY: Citation = "Appendix A: Legal duties (NHS Act 2006 section 14Z2 for CCGs, section 13Q for NHS England)";
const C_JOINT: Citation = "Local variations in commissioning arrangements: co-commissioning table and overarching models";
const C_JOINT_PRINCIPLES: Citation =
    "Local variations in commissioning arrangements: Guiding principles for joint public involvement exercises";
const C_JOINT_FORMAL: Citation = "Local variations in commissioning arrangements: Where formal arrangements are being or \
     have been made for functions to be exercised by another body, exercised jointly or transferred";
const C_TSA: Citation = "NHS Act 2006 section 14Z2(7) and section 13Q(4) (Appendix A)";
const C_STEP1: Citation = "Action 5, Step 1: Does the activity relate to commissioning responsibilities?";
const C_STEP2: Citation = "Action 5, Step 2: What type of activity is it?";
const C_STEP3: Citation = "Action 5, Step 3: Would there be an impact on service delivery or the range of services? \
     (section 14Z2(2)(b), (c) and (6); section 13Q(2)(b), (c) and (3))";
const C_FORM_NOTE: Citation = "Appendix B, Step 2 (note after \"Does the legal duty apply to the activity in your opinion?\")";
const C_FORM_2C: Citation = "Appendix B, Step 2(c): Any other impact that you can envisage";
const C_PLANNING: Citation = "Action 5, Planning and taking action";
const C_INSIGHT: Citation =
    "Action 5, Planning and taking action: Review existing insight and previous involvement activities; Appendix B, Step 3";
const C_FAIR: Citation = "Action 5, Decide how to involve the public: Fair (the Gunning principles) and Proportionate";
const C_SELDOM: Citation = "Appendix B, Step 4; Action 8: Advance equality and reduce health inequalities";
const C_STEPS_3_5: Citation = "Appendix B, Steps 3, 4 and 5";
const C_COMMS_PLAN: Citation = "Action 5, When should public involvement take place?; Appendix C";
const C_FEEDBACK: Citation = "Action 6: Feed back and evaluate; Appendix B, Step 5(b)";
const C_RECORD: Citation = "Action 5, Assessing the benefits of participation (decisions should be clearly documented); \
     Appendix B, Step 2 note";
const C_PUBLIC_INTEREST: Citation = "Action 5, Step 1 (significant public interest, a promise to consult, a precedent)";
const C_URGENCY: Citation = "Action 5, What if a decision needs to be taken urgently?";
const C_PREVIOUS: Citation = "Action 5, Planning and taking action: Review existing insight and previous involvement \
     activities (review questions and primary care example)";
const C_OS: Citation = "Local authority overview and scrutiny; Examples of circumstances: Overview and scrutiny referral";
const C_EQUALITY: Citation = "Examples of circumstances: Equality; Action 8: Advance equality and reduce health inequalities";
const C_OUTCOME_UNDETERMINED: Citation = "Action 5, A process for assessing whether the legal duty to involve applies";

/// Run the `nhse-2017` rules. Pure: the same answers always give the same
/// assessment, and no answers (or contradictory answers) can make it panic.
pub fn assess(s: &Screening) -> Assessment {
    let mut run = Run { s, reasons: Vec::new(), actions: Vec::new(), missing: Vec::new() };

    let holders = run.body();
    let mut unknown = matches!(holders, Holders::Unknown);
    let mut limbs: Vec<Limb> = Vec::new();
    let mut end: Option<End> = match holders {
        Holders::Devolved => Some(End::Devolved),
        _ => None,
    };
    if end.is_none() {
        for step in 0..4 {
            let flow = match step {
                0 => run.special_administrator(),
                1 => run.step1(),
                2 => run.step2(&mut limbs),
                _ => run.step3(&mut limbs),
            };
            match flow {
                Flow::Go => {}
                Flow::Unknown => unknown = true,
                Flow::End(e) => {
                    end = Some(e);
                    break;
                }
            }
        }
    }
    sort_small(&mut limbs);
    limbs.dedup();

    let verdict = match (end, unknown) {
        (_, true) => Verdict::Undetermined,
        (Some(e), false) => e.verdict(),
        (None, false) if limbs.is_empty() => Verdict::Undetermined,
        (None, false) => Verdict::Applies,
    };

    let mut duties = Vec::new();
    if verdict == Verdict::Applies {
        if let Holders::Known(list) = &holders {
            for &(holder, form_required) in list {
                for &limb in &limbs {
                    duties.push(EngagedDuty { holder, limb, form_required });
                }
            }
        }
        sort_small_by_key(&mut duties, |d| (d.holder, d.limb));
    }
    // Defensive: an "applies" verdict with no body to hold the duty cannot
    // arise (an unknown body makes the verdict undetermined), but never
    // report a duty with no holder.
    let verdict = if verdict == Verdict::Applies && duties.is_empty() { Verdict::Undetermined } else { verdict };

    run.outcome_actions(verdict, end);
    run.circumstances(verdict, end);
    run.outcome_reason(verdict, end, &duties);

    let mut missing = run.missing;
    sort_small_by_key(&mut missing, |m| fields::FORM_ORDER.iter().position(|f| f == m));
    missing.dedup();
    // Every route to "undetermined" records its missing answer, so this
    // only guards the invariant "undetermined ⇔ something is missing".
    if verdict == Verdict::Undetermined && missing.is_empty() {
        missing.push(fields::ACTIVITIES);
    }

    Assessment { ruleset: ID, verdict, duties, reasons: run.reasons, actions: run.actions, missing }
}

/// Whose duty the activity falls under, from the body answers.
enum Holders {
    /// The bodies whose duty is engaged, and whether each must complete the form.
    Known(Vec<(DutyHolder, bool)>),
    /// Fully devolved: neither s.14Z2 nor s.13Q is engaged for the function.
    Devolved,
    /// Not answered.
    Unknown,
}

/// How a step of the process ended.
enum Flow {
    /// Go on to the next step.
    Go,
    /// The answer is missing; go on to find any other missing answers.
    Unknown,
    /// The process ends here.
    End(End),
}

/// Where the process ended before reaching "planning and taking action".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum End {
    Devolved,
    SpecialAdministrator,
    NotCommissioning,
    NoActivityType,
    NoImpact,
}

impl End {
    fn verdict(self) -> Verdict {
        match self {
            End::SpecialAdministrator => Verdict::NotRequiredYet,
            _ => Verdict::DoesNotApply,
        }
    }
}

struct Run<'a> {
    s: &'a Screening,
    reasons: Vec<Reason>,
    actions: Vec<Action>,
    missing: Vec<&'static str>,
}

fn yes_no(a: Option<YesNo>) -> &'static str {
    match a {
        Some(YesNo::Yes) => "Yes",
        Some(YesNo::No) => "No",
        None => "Not answered",
    }
}

fn activity_name(a: Activity) -> &'static str {
    match a {
        Activity::Planning => "planning",
        Activity::Proposals => "proposals for change",
        Activity::Operational => "operational decisions",
    }
}

fn patient_matter_name(m: PatientMatter) -> &'static str {
    match m {
        PatientMatter::Accessibility => "accessibility",
        PatientMatter::Transport => "transport links",
        PatientMatter::Ambulance => "ambulance availability",
    }
}

fn public_interest_name(p: PublicInterest) -> &'static str {
    match p {
        PublicInterest::SignificantInterest => "significant public interest is likely",
        PublicInterest::PromiseToConsult => "a promise to consult has been made",
        PublicInterest::Precedent => "a precedent to consult has been set",
    }
}

fn model_name(m: JointModel) -> &'static str {
    match m {
        JointModel::SeatAtTheTable => "model 1, 'seat at the table' (greater involvement in decision making)",
        JointModel::JointDecisionMaking => "model 2, joint decision making (joint committee)",
        JointModel::Delegated => "model 3, delegated commissioning arrangements",
        JointModel::FullyDevolved => "model 4, fully devolved commissioning",
    }
}

/// "planning of the commissioning arrangements (subsection (2)(a))".
fn limb_phrase(l: Limb) -> String {
    let (code, what) = match l {
        Limb::A => ("(2)(a)", "planning of the commissioning arrangements"),
        Limb::B => ("(2)(b)", "proposals for changes to the commissioning arrangements"),
        Limb::C => ("(2)(c)", "decisions affecting the operation of the commissioning arrangements"),
    };
    format!("{what} (subsection {code})")
}

fn holder_of(h: FunctionHolder) -> DutyHolder {
    match h {
        FunctionHolder::Ccg => DutyHolder::Ccg,
        FunctionHolder::NhsEngland => DutyHolder::NhsEngland,
    }
}

/// "A, B and C" from a list.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// Upper-case the first letter of a sentence. The texts are the fixed
/// English names of this module (activity types, patient matters, public
/// interest circumstances), which start with an ASCII letter, so ASCII
/// upper-casing gives what `char::to_uppercase` gives without linking
/// Unicode's case tables (14 KB of the WebAssembly build, twiggy).
fn sentence(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

impl Run<'_> {
    fn reason(&mut self, node: Node, question: &str, answer: String, consequence: String, citation: Citation) {
        self.reasons.push(Reason { node, question: question.into(), answer, consequence, citation });
    }

    /// Add an action once; a second action with the same code is ignored.
    fn act(&mut self, code: &'static str, obligation: bool, citation: Citation, text: String) {
        if !self.actions.iter().any(|a| a.code == code) {
            self.actions.push(Action { code, text, obligation, citation });
        }
    }

    fn need(&mut self, field: &'static str) {
        if !self.missing.contains(&field) {
            self.missing.push(field);
        }
    }

    fn partners(&self) -> String {
        let p = self.s.partner_bodies.trim();
        if p.is_empty() {
            "the other organisations involved".into()
        } else {
            p.into()
        }
    }

    /// Node **Body**: whose duty is it?
    ///
    /// Appendix A: a CCG's duty is s.14Z2, NHS England's is s.13Q. For a
    /// joint arrangement, "Local variations in commissioning arrangements":
    /// "With the sole exception of the fully devolved commissioning model ...
    /// the commissioning organisation (CCG or NHS England) is liable for the
    /// exercise of its functions, including the duty to involve the public,
    /// even if in practice the activity is delegated to, or carried out
    /// jointly with, another body."
    fn body(&mut self) -> Holders {
        const Q: &str = "Which organisation commissions the services this activity relates to?";
        match self.s.body {
            None => {
                self.need(fields::BODY);
                self.reason(
                    Node::Body,
                    Q,
                    "Not answered".into(),
                    "Select who commissions the services, so the rules know whose legal duty to assess".into(),
                    C_BODY,
                );
                Holders::Unknown
            }
            Some(Body::Ccg) => {
                self.reason(
                    Node::Body,
                    Q,
                    "A clinical commissioning group (CCG) acting alone".into(),
                    "The CCG's duty to involve the public under section 14Z2 of the NHS Act 2006 is the one to assess"
                        .into(),
                    C_BODY,
                );
                Holders::Known(vec![(DutyHolder::Ccg, true)])
            }
            Some(Body::NhsEngland) => {
                self.reason(
                    Node::Body,
                    Q,
                    "NHS England acting alone".into(),
                    "NHS England's duty to involve the public under section 13Q of the NHS Act 2006 is the one to \
                     assess. NHS England staff must document the assessment on the assessment and planning form"
                        .into(),
                    C_BODY,
                );
                Holders::Known(vec![(DutyHolder::NhsEngland, true)])
            }
            Some(Body::Joint) => self.joint(),
        }
    }

    /// A joint arrangement: the primary care co-commissioning table.
    ///
    /// | model | NHS England (s.13Q) | CCG (s.14Z2) |
    /// |---|---|---|
    /// | 1 seat at the table | Y | N |
    /// | 2 joint committee | Y | Y |
    /// | 3 delegated | Y, relies on the CCG, no form | Y |
    /// | 4 fully devolved | transferred | transferred |
    ///
    /// Where the function is a CCG's (s.14Z3 or the Cities and Local
    /// Government Devolution Act 2016), the CCG stays liable in models 1-3;
    /// a partner's own duty depends on what the partner is, so the rules
    /// report the CCG's duty and recommend joint arrangements
    /// ("Guiding principles for joint public involvement exercises").
    fn joint(&mut self) -> Holders {
        const Q: &str = "Which joint or devolved arrangement is the function commissioned under, and whose function \
                         is it?";
        let partners = self.partners();
        // Always recommended for joint working, whatever the model.
        self.act(
            ESTABLISH_JOINT_ARRANGEMENTS,
            false,
            C_JOINT_PRINCIPLES,
            format!(
                "Set up joint arrangements for involving the public with {partners}, so people are involved once, \
                 in one place, and not asked about the same plans by each organisation. Joint arrangements must \
                 meet all the legal requirements and good practice in the guidance"
            ),
        );
        self.act(
            DOCUMENT_DAY_TO_DAY_RESPONSIBILITY,
            false,
            C_JOINT_FORMAL,
            "Write down which organisation has day-to-day responsibility for involving the public, for example in \
             the joint committee's terms of reference, the delegation agreement or the transfer order"
                .into(),
        );
        self.act(
            SEEK_ASSURANCE_ON_ARRANGEMENTS,
            false,
            C_JOINT_FORMAL,
            "Seek assurance that the arrangements for involving the public are adequate. Apart from fully devolved \
             commissioning, the organisation whose function it is stays legally responsible for the duty even \
             when the work is delegated or done jointly"
                .into(),
        );

        let model = self.s.joint_model;
        let holder = self.s.function_holder;
        if model == Some(JointModel::FullyDevolved) {
            let whose = match holder {
                Some(h) => format!("{}'s", holder_of(h).name()),
                None => "the original commissioner's".into(),
            };
            self.reason(
                Node::Body,
                Q,
                format!("A joint arrangement: {}", model_name(JointModel::FullyDevolved)),
                format!(
                    "The function has been transferred under the Cities and Local Government Devolution Act 2016. \
                     This is the one exception to the rule that the commissioning organisation stays liable, so \
                     {whose} duty to involve under section 14Z2 or 13Q is not engaged for this function"
                ),
                C_JOINT_FORMAL,
            );
            self.act(
                CHECK_TRANSFER_ORDER,
                true,
                C_JOINT_FORMAL,
                format!(
                    "Check the transfer order to confirm which body now holds the function and its duty to involve \
                     the public, and agree with {partners} how the public will be involved"
                ),
            );
            return Holders::Devolved;
        }
        if model.is_none() {
            self.need(fields::JOINT_MODEL);
        }
        if holder.is_none() {
            self.need(fields::FUNCTION_HOLDER);
        }
        let (Some(model), Some(holder)) = (model, holder) else {
            let answer = match model {
                Some(m) => format!("A joint arrangement: {}; whose function it is not answered", model_name(m)),
                None => "A joint arrangement; the model is not answered".into(),
            };
            self.reason(
                Node::Body,
                Q,
                answer,
                "Select the joint arrangement and whose function it is, so the rules know whose legal duty to \
                 assess"
                    .into(),
                C_JOINT,
            );
            return Holders::Unknown;
        };
        let answer = format!("A joint arrangement: {}; the function is {}'s", model_name(model), holder_of(holder).name());
        let (list, consequence): (Vec<(DutyHolder, bool)>, String) = match (holder, model) {
            (FunctionHolder::NhsEngland, JointModel::SeatAtTheTable) => (
                vec![(DutyHolder::NhsEngland, true)],
                "NHS England keeps accountability and day-to-day responsibility for commissioning and for \
                 involving the public. NHS England's duty under section 13Q applies and its staff must complete \
                 the assessment and planning form. The CCG's duty under section 14Z2 does not apply"
                    .into(),
            ),
            (FunctionHolder::NhsEngland, JointModel::JointDecisionMaking) => (
                vec![(DutyHolder::NhsEngland, true), (DutyHolder::Ccg, true)],
                "NHS England and the CCGs, acting through the joint committee, share day-to-day responsibility. \
                 Both NHS England's duty (section 13Q) and the CCGs' duty (section 14Z2) apply. NHS England staff \
                 must complete the assessment and planning form"
                    .into(),
            ),
            (FunctionHolder::NhsEngland, JointModel::Delegated) => (
                vec![(DutyHolder::NhsEngland, false), (DutyHolder::Ccg, true)],
                "The CCG, through its primary care commissioning committee, has day-to-day responsibility. Both \
                 NHS England's duty (section 13Q) and the CCG's duty (section 14Z2) apply, but NHS England relies \
                 on the CCG to make the arrangements: NHS England staff do not need to complete the form or ask \
                 the CCG for one. The CCG should document its assessment and plan"
                    .into(),
            ),
            (FunctionHolder::Ccg, JointModel::SeatAtTheTable) => (
                vec![(DutyHolder::Ccg, true)],
                "The CCG keeps accountability and day-to-day responsibility, so the CCG's duty under section \
                 14Z2 applies"
                    .into(),
            ),
            (FunctionHolder::Ccg, _) => (
                vec![(DutyHolder::Ccg, true)],
                format!(
                    "The CCG stays legally responsible for its duty under section 14Z2 even though the work is \
                     delegated or done jointly. Whether {partners} also have a duty depends on what kind of body \
                     each is, so set up joint arrangements"
                ),
            ),
            // Handled above; kept so the match needs no panic.
            (_, JointModel::FullyDevolved) => (Vec::new(), String::new()),
        };
        self.reason(Node::Body, Q, answer, consequence, C_JOINT);
        Holders::Known(list)
    }

    /// Node **Trust special administrator**: s.14Z2(7) and s.13Q(4).
    ///
    /// The subsections say the section "does not require" arrangements for
    /// matters in a trust special administrator's report or draft report
    /// before the Secretary of State is satisfied or decides. That lifts the
    /// whole duty for the matter, whatever the type of activity or its impact,
    /// so it is asked straight after the body (whose section it is an
    /// exception to) and before steps 1 to 3: a Yes makes those steps
    /// unnecessary until the Secretary of State has acted.
    fn special_administrator(&mut self) -> Flow {
        const Q: &str = "Does the activity relate to matters in a trust special administrator's report or draft \
                         report, before the Secretary of State has made a decision on it?";
        match self.s.trust_special_administrator {
            None => {
                self.need(fields::TRUST_SPECIAL_ADMINISTRATOR);
                self.reason(
                    Node::SpecialAdministrator,
                    Q,
                    "Not answered".into(),
                    "Select yes or no. The answer decides whether the duty is required at this stage".into(),
                    C_TSA,
                );
                Flow::Unknown
            }
            Some(YesNo::No) => {
                self.reason(
                    Node::SpecialAdministrator,
                    Q,
                    "No".into(),
                    "The exception for trust special administrator matters does not apply. Go to step 1".into(),
                    C_TSA,
                );
                Flow::Go
            }
            Some(YesNo::Yes) => {
                self.reason(
                    Node::SpecialAdministrator,
                    Q,
                    "Yes".into(),
                    "The duty does not require arrangements to involve the public on these matters until the \
                     Secretary of State is satisfied with the administrator's report or makes a decision on it"
                        .into(),
                    C_TSA,
                );
                Flow::End(End::SpecialAdministrator)
            }
        }
    }

    /// Node **Step 1**: "Does the activity relate to commissioning
    /// responsibilities?" Podiatry service relocation does; relocation of a
    /// CCG administrative office does not. If no, "the legal duty to involve
    /// does not apply".
    fn step1(&mut self) -> Flow {
        const Q: &str = "Does the activity relate to commissioning responsibilities?";
        match self.s.relates_to_commissioning {
            None => {
                self.need(fields::RELATES_TO_COMMISSIONING);
                self.reason(
                    Node::Step1,
                    Q,
                    "Not answered".into(),
                    "Select yes or no. For example, moving a podiatry service the CCG commissions does relate to \
                     commissioning; moving one of the CCG's offices does not"
                        .into(),
                    C_STEP1,
                );
                Flow::Unknown
            }
            Some(YesNo::Yes) => {
                self.reason(Node::Step1, Q, "Yes".into(), "Go to step 2".into(), C_STEP1);
                Flow::Go
            }
            Some(YesNo::No) => {
                self.reason(
                    Node::Step1,
                    Q,
                    "No".into(),
                    "The legal duty to involve does not apply, but you should still judge whether some public \
                     involvement, or staff or stakeholder engagement, would be beneficial"
                        .into(),
                    C_STEP1,
                );
                Flow::End(End::NotCommissioning)
            }
        }
    }

    /// Node **Step 2**: "What type of activity is it?"
    ///
    /// Planning engages limb (a) "regardless of the impact these plans would
    /// have on services" ("go directly to ... planning and taking action").
    /// Proposals for change (limb (b)) and operational decisions (limb (c))
    /// go to step 3. Types "often overlap", so several may be selected.
    fn step2(&mut self, limbs: &mut Vec<Limb>) -> Flow {
        const Q: &str = "What type of commissioning activity is it: planning, proposals for change or operational \
                         decisions?";
        let acts = selected(self.s);
        if acts.is_empty() {
            if self.s.no_activity_type {
                self.reason(
                    Node::Step2,
                    Q,
                    "None of these".into(),
                    "The duty applies only to planning, proposals for change and operational decisions, so the \
                     legal duty to involve does not apply"
                        .into(),
                    C_STEP2,
                );
                return Flow::End(End::NoActivityType);
            }
            self.need(fields::ACTIVITIES);
            self.reason(
                Node::Step2,
                Q,
                "Not answered".into(),
                "Select the types of activity that apply, or select that none of them applies".into(),
                C_STEP2,
            );
            return Flow::Unknown;
        }
        let names: Vec<String> = acts.iter().map(|a| activity_name(*a).to_string()).collect();
        let mut answer = sentence(&join_and(&names));
        if self.s.no_activity_type {
            answer.push_str(" (\"none of these\" was also selected; the types selected are used)");
        }
        let planning = acts.contains(&Activity::Planning);
        let others = acts.iter().any(|a| *a != Activity::Planning);
        let consequence = match (planning, others) {
            (true, false) => "The duty always applies to planning of the commissioning arrangements (subsection \
                              (2)(a)), regardless of impact. Go directly to planning and taking action"
                .to_string(),
            (true, true) => "The duty applies to the planning (subsection (2)(a)), regardless of impact. For the \
                             other types, go to step 3"
                .to_string(),
            _ => "Go to step 3 to decide whether there would be an impact".to_string(),
        };
        if planning {
            limbs.push(Limb::A);
        }
        self.reason(Node::Step2, Q, answer, consequence, C_STEP2);
        Flow::Go
    }

    /// Node **Step 3**: "Would there be an impact on service delivery or the
    /// range of services?" for proposals (limb (b)) and operational decisions
    /// (limb (c)). Delivery means delivery "at the point when they are
    /// received by users" (s.14Z2(6), s.13Q(3)). A Yes to either question is
    /// an impact; No to both means no impact.
    ///
    /// Patient matters (accessibility, transport links, ambulance
    /// availability: impact "should be considered from the perspective of
    /// patients") and an "other impact" (Appendix B Step 2(c): "it is highly
    /// likely that the legal duty to involve the public applies") do not
    /// override a No, but prompt the user to check it.
    fn step3(&mut self, limbs: &mut Vec<Limb>) -> Flow {
        const Q: &str = "Would there be an impact on how services are delivered to patients, or on the range of \
                         health services available?";
        let acts = selected(self.s);
        let others: Vec<Activity> = acts.iter().copied().filter(|a| *a != Activity::Planning).collect();
        if others.is_empty() {
            return Flow::Go;
        }
        let planning = acts.contains(&Activity::Planning);
        let (d, r) = (self.s.impact_delivery, self.s.impact_range);
        let answer = format!("Impact on how services are delivered: {}. Impact on the range of services: {}", yes_no(d), yes_no(r));
        let other_names: Vec<String> = others.iter().map(|a| activity_name(*a).to_string()).collect();
        let other_limbs: Vec<String> = others.iter().map(|a| limb_phrase(Limb::for_activity(*a))).collect();
        if d == Some(YesNo::Yes) || r == Some(YesNo::Yes) {
            limbs.extend(others.iter().map(|a| Limb::for_activity(*a)));
            self.reason(
                Node::Step3,
                Q,
                answer,
                format!(
                    "There would be an impact, so the duty applies to the {}: {}. Go to planning and taking \
                     action",
                    join_and(&other_names),
                    join_and(&other_limbs)
                ),
                C_STEP3,
            );
            return Flow::Go;
        }
        if d == Some(YesNo::No) && r == Some(YesNo::No) {
            let consequence = if planning {
                format!(
                    "No impact, so the duty does not apply to the {} (it still applies to the planning)",
                    join_and(&other_names)
                )
            } else {
                "No impact, so the legal duty to involve does not apply. You should still judge whether some public \
                 involvement would be beneficial"
                    .into()
            };
            self.reason(Node::Step3, Q, answer, consequence, C_STEP3);
            self.no_impact_checks();
            return if planning { Flow::Go } else { Flow::End(End::NoImpact) };
        }
        // At least one answer missing and no Yes.
        if planning {
            self.reason(
                Node::Step3,
                Q,
                answer,
                format!(
                    "Not yet known whether the duty also applies to the {}. The duty applies to the planning in \
                     any case",
                    join_and(&other_names)
                ),
                C_STEP3,
            );
            self.act(
                ANSWER_STEP_3,
                true,
                C_STEP3,
                format!(
                    "Answer the step 3 questions on impact, to find out whether the duty also applies to the {}: \
                     {}",
                    join_and(&other_names),
                    join_and(&other_limbs)
                ),
            );
            return Flow::Go;
        }
        if d.is_none() {
            self.need(fields::IMPACT_DELIVERY);
        }
        if r.is_none() {
            self.need(fields::IMPACT_RANGE);
        }
        self.reason(
            Node::Step3,
            Q,
            answer,
            "Select yes or no for both questions. The duty applies to proposals for change and operational \
             decisions only if there would be an impact"
                .into(),
            C_STEP3,
        );
        Flow::Unknown
    }

    /// Prompts when step 3 was answered No to both questions.
    fn no_impact_checks(&mut self) {
        const Q_PATIENT: &str = "Which matters, seen from the patient's perspective, could be affected?";
        let matters: Vec<String> = {
            let mut m = self.s.patient_matters.clone();
            sort_small(&mut m);
            m.dedup();
            m.into_iter().map(|x| patient_matter_name(x).to_string()).collect()
        };
        if !matters.is_empty() {
            let listed = join_and(&matters);
            self.reason(
                Node::Step3,
                Q_PATIENT,
                sentence(&listed),
                format!(
                    "You said {listed} could be affected but that there would be no impact on delivery or range. \
                     The guidance says impact should be considered from the perspective of patients, so check \
                     your step 3 answers"
                ),
                C_STEP3,
            );
            self.act(
                RECONSIDER_PATIENT_IMPACT,
                false,
                C_STEP3,
                format!(
                    "Reconsider the impact from the patient's perspective: a change to {listed} can be an impact \
                     on how services are delivered to patients, even where the clinical service itself is unchanged"
                ),
            );
        }
        let other = self.s.impact_other.trim();
        if !other.is_empty() {
            self.reason(
                Node::Step3,
                "Is there any other impact that you can envisage at this point in time?",
                other.to_string(),
                "You described another impact but answered No to both impact questions. The form says that with any \
                 impact it is highly likely that the legal duty applies"
                    .into(),
                C_FORM_2C,
            );
            self.act(
                CHECK_OTHER_IMPACT,
                false,
                C_FORM_2C,
                "Check whether the other impact you described is in fact an impact on how services are delivered \
                 or on the range of services. If you have answered yes to any impact, it is highly likely that the \
                 legal duty to involve the public applies"
                    .into(),
            );
        }
    }

    /// The obligations and recommendations that follow from the verdict.
    ///
    /// * Applies: "Planning and taking action" (review existing insight,
    ///   decide a fair and proportionate approach, involve seldom-heard
    ///   groups, Appendix B steps 3 to 5, a communications and engagement
    ///   plan as good practice, feed back under Action 6, keep the record).
    /// * Does not apply: Appendix B Step 2 note: "you are still required to
    ///   retain a copy of the form as a record of your decision making ...
    ///   and complete steps 3, 4 and 5"; Step 1 and Step 3: "you should still
    ///   consider and make a judgement about whether some form of public
    ///   involvement ... would be beneficial" (the form's note says "must
    ///   also consider"; the guidance text says "should", which is used here).
    /// * Not required yet: reassess once the Secretary of State has acted
    ///   (s.14Z2(7), s.13Q(4)).
    fn outcome_actions(&mut self, verdict: Verdict, end: Option<End>) {
        match verdict {
            Verdict::Undetermined => self.act(
                ANSWER_MISSING_QUESTIONS,
                true,
                C_OUTCOME_UNDETERMINED,
                "Answer the questions listed as missing to find out whether the legal duty to involve the public \
                 applies"
                    .into(),
            ),
            Verdict::NotRequiredYet => {
                self.act(
                    REASSESS_AFTER_TSA_DECISION,
                    true,
                    C_TSA,
                    "Assess the duty again once the Secretary of State is satisfied with the trust special \
                     administrator's report or makes a decision on it. From then on the duty to involve applies \
                     in the usual way"
                        .into(),
                );
                self.keep_record();
            }
            Verdict::DoesNotApply => {
                self.keep_record();
                self.act(
                    COMPLETE_STEPS_3_TO_5,
                    true,
                    C_FORM_NOTE,
                    "Complete steps 3, 4 and 5 of the assessment and planning form even though the legal duty does \
                     not apply"
                        .into(),
                );
                let cited: Vec<String> = {
                    let mut p = self.s.public_interest.clone();
                    sort_small(&mut p);
                    p.dedup();
                    p.into_iter().map(|x| public_interest_name(x).to_string()).collect()
                };
                let who = if end == Some(End::NotCommissioning) {
                    "some form of public involvement, or staff or stakeholder engagement,"
                } else {
                    "some form of public involvement"
                };
                let text = if cited.is_empty() {
                    format!("Consider and make a judgement about whether {who} would be beneficial")
                } else {
                    format!(
                        "Consider and make a judgement about whether {who} would be beneficial. This is particularly \
                         important here because {}",
                        join_and(&cited)
                    )
                };
                let citation = match end {
                    Some(End::NotCommissioning) => C_STEP1,
                    Some(End::NoImpact) => C_STEP3,
                    _ => C_FORM_NOTE,
                };
                self.act(CONSIDER_BENEFICIAL_INVOLVEMENT, false, citation, text);
            }
            Verdict::Applies => {
                self.act(
                    REVIEW_EXISTING_INSIGHT,
                    false,
                    C_INSIGHT,
                    "Review existing arrangements, insight and previous involvement first (for example surveys, \
                     Healthwatch reports, CQC reviews, complaints, staff feedback and earlier involvement \
                     exercises), and record them in step 3 of the form"
                        .into(),
                );
                self.act(
                    DECIDE_FAIR_AND_PROPORTIONATE,
                    true,
                    C_FAIR,
                    "Decide how to involve the public in a way that is fair (the Gunning principles: involve people \
                     while the proposal is still at a formative stage, give enough information and time, and take \
                     the responses into account) and proportionate to the extent of the change and the number of \
                     people affected"
                        .into(),
                );
                self.act(
                    INVOLVE_SELDOM_HEARD_GROUPS,
                    false,
                    C_SELDOM,
                    "Plan how you will involve 'seldom heard' groups, people with any of the nine protected \
                     characteristics under the Equality Act 2010, and people experiencing health inequalities"
                        .into(),
                );
                self.act(
                    COMPLETE_STEPS_3_TO_5,
                    true,
                    C_STEPS_3_5,
                    "Complete steps 3, 4 and 5 of the assessment and planning form: existing arrangements and \
                     insight, any additional involvement, and how you will use the results and report back"
                        .into(),
                );
                self.act(
                    PREPARE_COMMUNICATIONS_PLAN,
                    false,
                    C_COMMS_PLAN,
                    "Develop a communications and engagement plan (appendix C) setting out objectives, methods and \
                     timescales. This is good practice"
                        .into(),
                );
                self.act(
                    FEED_BACK_TO_PARTICIPANTS,
                    false,
                    C_FEEDBACK,
                    "Feed back to the people involved how their views were considered and what difference they \
                     made, and explain the reasons if a proposal they supported is not taken forward"
                        .into(),
                );
                self.keep_record();
            }
        }
    }

    fn keep_record(&mut self) {
        self.act(
            KEEP_FORM_RECORD,
            true,
            C_RECORD,
            "Keep a copy of the completed form as a record of your decision making. Completed forms may be used as \
             evidence in the event of a legal challenge"
                .into(),
        );
    }

    /// The circumstances the guidance names, after the steps.
    ///
    /// Public interest, overview and scrutiny and equality are looked at for
    /// every verdict: they are separate duties or reasons for involvement.
    /// Urgency and previous involvement shape how the duty is met, so they
    /// are looked at only when the duty applies.
    fn circumstances(&mut self, verdict: Verdict, end: Option<End>) {
        self.public_interest(verdict);
        if verdict == Verdict::Applies {
            self.urgency();
            self.previous_involvement();
        }
        self.overview_scrutiny(verdict, end);
        self.equality();
    }

    /// Step 1: involvement "is particularly important where there is likely
    /// to be significant public interest, when a promise to consult has been
    /// made, or a precedent to do so has been set".
    fn public_interest(&mut self, verdict: Verdict) {
        let mut p = self.s.public_interest.clone();
        sort_small(&mut p);
        p.dedup();
        if p.is_empty() {
            return;
        }
        let listed = join_and(&p.into_iter().map(|x| public_interest_name(x).to_string()).collect::<Vec<_>>());
        let consequence = match verdict {
            Verdict::DoesNotApply => "Involvement is particularly important here, even though the legal duty does \
                                      not apply"
                .to_string(),
            Verdict::Applies => "Take this into account when deciding what level of involvement is proportionate"
                .to_string(),
            _ => "Involvement is particularly important here; take this into account once the duty is decided"
                .to_string(),
        };
        self.reason(
            Node::PublicInterest,
            "Is there likely to be significant public interest, has a promise to consult been made, or has a \
             precedent been set?",
            sentence(&listed),
            consequence,
            C_PUBLIC_INTEREST,
        );
    }

    /// "What if a decision needs to be taken urgently?": urgency never
    /// switches the duty off (dental contract example: "NHS England's public
    /// involvement duty would be engaged"). Limited (or no) involvement is
    /// justified only where "the lack of time was genuinely caused by an
    /// urgent development or where there is a genuine risk to the health,
    /// safety or welfare of patients or staff"; it "does not permit ... [leaving]
    /// public involvement until the last moment".
    fn urgency(&mut self) {
        const Q: &str = "Does a decision need to be taken urgently?";
        if self.s.urgent != Some(YesNo::Yes) {
            return;
        }
        match self.s.urgency_ground {
            Some(ground) => {
                let why = match ground {
                    UrgencyGround::UrgentDevelopment => "the lack of time was genuinely caused by an urgent development",
                    UrgencyGround::RiskToSafety => {
                        "there is a genuine risk to the health, safety or welfare of patients or staff"
                    }
                };
                self.reason(
                    Node::Urgency,
                    Q,
                    format!("Yes, because {why}"),
                    "The duty still applies. Urgency can justify limited (or no) involvement, for example telling \
                     patients by letter, only on this ground"
                        .into(),
                    C_URGENCY,
                );
                let recorded = if self.s.urgency_justification.trim().is_empty() {
                    "Record why"
                } else {
                    "Keep with the form your record of why"
                };
                self.act(
                    RECORD_URGENCY_JUSTIFICATION,
                    true,
                    C_URGENCY,
                    format!(
                        "{recorded} the urgency justifies limited involvement, weighing the duty against continuity \
                         of care and the health, safety or welfare of patients or staff"
                    ),
                );
            }
            None => {
                self.reason(
                    Node::Urgency,
                    Q,
                    "Yes, with no ground given".into(),
                    "The duty still applies, and without a genuine ground urgency does not justify limited \
                     involvement"
                        .into(),
                    C_URGENCY,
                );
                self.act(
                    URGENCY_NOT_JUSTIFIED,
                    true,
                    C_URGENCY,
                    "Carry out a fair and proportionate involvement exercise. Urgency can only justify limited \
                     involvement when the lack of time was genuinely caused by an urgent development or there is a \
                     genuine risk to the health, safety or welfare of patients or staff. It does not allow \
                     involvement to be left until the last moment"
                        .into(),
                );
            }
        }
    }

    /// "Review existing insight and previous involvement activities": the
    /// seven review questions decide whether a previous exercise can be
    /// relied on. Primary care sites example: the population "has changed
    /// significantly", so the CCG considers the earlier findings "but also
    /// [undertakes] new involvement activity".
    fn previous_involvement(&mut self) {
        const Q: &str = "Is there a previous public involvement exercise relevant to this activity?";
        match self.s.previous_involvement {
            None => {}
            Some(YesNo::No) => self.reason(
                Node::PreviousInvolvement,
                Q,
                "No".into(),
                "There is no earlier exercise to rely on; plan involvement for this activity".into(),
                C_PREVIOUS,
            ),
            Some(YesNo::Yes) => {
                let p = &self.s.previous;
                let (against, unanswered) = review(p);
                let summary = p.summary.trim();
                let answer = if summary.is_empty() { "Yes".to_string() } else { format!("Yes: {summary}") };
                if !against.is_empty() {
                    let list = join_and(&against.iter().map(|x| x.to_string()).collect::<Vec<_>>());
                    self.reason(
                        Node::PreviousInvolvement,
                        Q,
                        answer,
                        format!("The earlier involvement cannot be relied on alone because {list}"),
                        C_PREVIOUS,
                    );
                    self.act(
                        CONSIDER_PREVIOUS_FINDINGS,
                        false,
                        C_PREVIOUS,
                        "Consider the findings of the previous involvement exercise".into(),
                    );
                    self.act(
                        UNDERTAKE_NEW_INVOLVEMENT,
                        true,
                        C_PREVIOUS,
                        format!(
                            "Undertake new involvement to understand the needs and views of the people affected now, \
                             because {list}"
                        ),
                    );
                } else if unanswered.is_empty() {
                    self.reason(
                        Node::PreviousInvolvement,
                        Q,
                        answer,
                        "The earlier involvement covered the same proposal, is still relevant and nothing \
                         significant has changed, so you may rely on it"
                            .into(),
                        C_PREVIOUS,
                    );
                    self.act(
                        DOCUMENT_RELIANCE_ON_PREVIOUS_INVOLVEMENT,
                        true,
                        C_PREVIOUS,
                        "Record why the previous involvement is enough: when it took place, who was involved and \
                         why it still reflects the proposal and the people affected"
                            .into(),
                    );
                } else {
                    self.reason(
                        Node::PreviousInvolvement,
                        Q,
                        answer,
                        "Not yet known whether the earlier involvement can be relied on".into(),
                        C_PREVIOUS,
                    );
                }
                if !unanswered.is_empty() {
                    self.act(
                        ANSWER_PREVIOUS_REVIEW_QUESTIONS,
                        false,
                        C_PREVIOUS,
                        format!(
                            "Answer the review questions about the previous involvement: {}",
                            join_and(&unanswered.iter().map(|x| x.to_string()).collect::<Vec<_>>())
                        ),
                    );
                }
            }
        }
    }

    /// "Local authority overview and scrutiny": "CCGs and NHS England must
    /// consult the local authority when considering any proposal for a
    /// substantial development or variation". It is a separate duty; its
    /// threshold "is higher than that for the duty to involve the public",
    /// and "frequently, both duties may apply". So a substantial variation
    /// with no involvement duty is a contradiction worth checking.
    fn overview_scrutiny(&mut self, verdict: Verdict, end: Option<End>) {
        if self.s.substantial_variation != Some(YesNo::Yes) {
            return;
        }
        let q = "Is this a proposal for a substantial development or variation of the health service in the area?";
        let contradiction = verdict == Verdict::DoesNotApply && end != Some(End::Devolved);
        let consequence = if contradiction {
            "The local authority must be consulted. The threshold for this is higher than the threshold for the \
             duty to involve the public, so a substantial variation usually also engages the duty to involve: \
             check your answers to steps 1 to 3"
        } else {
            "The local authority must be consulted. This is a separate duty from the duty to involve the public, \
             and both frequently apply"
        };
        self.reason(Node::OverviewScrutiny, q, "Yes".into(), consequence.into(), C_OS);
        self.act(
            CONSULT_LOCAL_AUTHORITY,
            true,
            C_OS,
            "Consult the local authority (its health overview and scrutiny committee) on the proposal for a \
             substantial development or variation of the health service. This is in addition to involving the \
             public"
                .into(),
        );
        if contradiction {
            self.act(
                RECHECK_IMPACT_ANSWERS,
                false,
                C_OS,
                "Check your answers on the type of activity and its impact. A change substantial enough for \
                 overview and scrutiny is very likely to affect how services are delivered or the range of services"
                    .into(),
            );
        }
    }

    /// Examples of circumstances, "Equality": "An equality impact analysis
    /// may indicate the need for engagement, for example a lack of evidence
    /// relating to certain groups." With Action 8 and the public sector
    /// equality duty (Equality Act 2010 s.149), treated as a must.
    fn equality(&mut self) {
        if self.s.equality_need != Some(YesNo::Yes) {
            return;
        }
        self.reason(
            Node::Equality,
            "Does an equality impact analysis indicate the need for engagement?",
            "Yes".into(),
            "Engage the groups the analysis identified, whether or not the duty to involve applies".into(),
            C_EQUALITY,
        );
        self.act(
            ENGAGE_GROUPS_FROM_EQUALITY_ANALYSIS,
            true,
            C_EQUALITY,
            "Engage the groups your equality and health inequalities analysis identified, for example where there \
             is a lack of evidence about them, so you can have due regard to their needs"
                .into(),
        );
    }

    /// The outcome node, last.
    fn outcome_reason(&mut self, verdict: Verdict, end: Option<End>, duties: &[EngagedDuty]) {
        const Q: &str = "Does the legal duty to involve the public apply?";
        let (node, answer, consequence, citation) = match verdict {
            Verdict::Applies => {
                let mut parts = Vec::new();
                for holder in [DutyHolder::Ccg, DutyHolder::NhsEngland] {
                    let limbs: Vec<String> =
                        duties.iter().filter(|d| d.holder == holder).map(|d| limb_phrase(d.limb)).collect();
                    if !limbs.is_empty() {
                        parts.push(format!(
                            "{} under {} of the NHS Act 2006, for {}",
                            holder.name(),
                            holder.section(),
                            join_and(&limbs)
                        ));
                    }
                }
                (
                    Node::OutcomeApplies,
                    "Yes".to_string(),
                    format!(
                        "The duty to involve is engaged for {}. Plan and take action to involve the public",
                        parts.join("; and for ")
                    ),
                    C_PLANNING,
                )
            }
            Verdict::DoesNotApply => {
                let why = match end {
                    Some(End::Devolved) => "the function has been fully devolved",
                    Some(End::NotCommissioning) => "the activity does not relate to commissioning responsibilities",
                    Some(End::NoActivityType) => "the activity is not planning, a proposal for change or an operational decision",
                    _ => "there would be no impact on how services are delivered or the range of services",
                };
                (
                    Node::OutcomeDoesNotApply,
                    "No".to_string(),
                    format!(
                        "The legal duty does not apply because {why}. Keep the form as a record and consider \
                         whether involvement would still be beneficial"
                    ),
                    C_FORM_NOTE,
                )
            }
            Verdict::NotRequiredYet => (
                Node::OutcomeNotYet,
                "Not at this stage".to_string(),
                "Involvement under the duty is not required until the Secretary of State has acted on the trust \
                 special administrator's report"
                    .to_string(),
                C_TSA,
            ),
            Verdict::Undetermined => (
                Node::OutcomeUndetermined,
                "Cannot be decided yet".to_string(),
                if self.missing.len() == 1 {
                    "1 question still needs an answer before the duty can be decided".to_string()
                } else {
                    format!("{} questions still need an answer before the duty can be decided", self.missing.len())
                },
                C_OUTCOME_UNDETERMINED,
            ),
        };
        self.reason(node, Q, answer, consequence, citation);
    }
}

/// The activity types selected, sorted, without repeats.
fn selected(s: &Screening) -> Vec<Activity> {
    let mut a = s.activities.clone();
    sort_small(&mut a);
    a.dedup();
    a
}

/// The review questions, in the guidance's order: what tells against relying
/// on the earlier exercise, and which questions are unanswered.
fn review(p: &PreviousReview) -> (Vec<&'static str>, Vec<&'static str>) {
    // (answer, the answer that allows reliance, why not, the question)
    let questions: [(Option<YesNo>, YesNo, &str, &str); 7] = [
        (p.same_proposal, YesNo::Yes, "the proposal is not the same", "is the new proposal the same"),
        (
            p.significant_changes,
            YesNo::No,
            "there have been significant changes",
            "have there been significant changes",
        ),
        (p.still_relevant, YesNo::Yes, "it is no longer relevant", "does it remain relevant"),
        (
            p.people_changed,
            YesNo::No,
            "the people affected have changed significantly",
            "have the people affected changed",
        ),
        (
            p.diversity_addressed,
            YesNo::Yes,
            "it did not sufficiently address the diversity of patients and communities",
            "did it address the diversity of patients and communities",
        ),
        (
            p.new_information,
            YesNo::No,
            "there is new information the public needs to know",
            "is there new information the public needs",
        ),
        (
            p.population_change,
            YesNo::No,
            "there has been a change, such as a population change, that may affect the proposal",
            "has there been a population or other change",
        ),
    ];
    let mut against = Vec::new();
    let mut unanswered = Vec::new();
    for (answer, ok, why, question) in questions {
        match answer {
            None => unanswered.push(question),
            Some(a) if a != ok => against.push(why),
            Some(_) => {}
        }
    }
    (against, unanswered)
}

/// A stable insertion sort for the short lists here (a handful of enum
/// values): the same order as `slice::sort`, but a few dozen bytes per type
/// in the WebAssembly build instead of the ~2.5 KB of std's driftsort that
/// each of the seven instantiations cost (twiggy).
fn sort_small<T: Ord>(v: &mut [T]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`sort_small`] by a key (stable: equal keys keep their order).
fn sort_small_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
