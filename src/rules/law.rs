//! What a ruleset is made of: data, not code.
//!
//! The walk of the three-step test and the special circumstances is written
//! once ([`super::walk`]). A ruleset ([`Law`]) supplies everything that
//! differs between readings of the law: which organisations it covers and
//! whose duty each engages, the joint-working models, every sentence the
//! user reads with its citation, the extra prompts the guidance adds, and the
//! wording of the screening questions. A new ruleset is one `Law` value,
//! usually built from an earlier one with struct update syntax, so that only
//! what changed is written down.

use super::DutyHolder;
use crate::model::{Body, FunctionHolder, JointModel, RulesetId};

/// One ruleset: a fixed reading of the law and guidance at one point in time.
pub struct Law {
    pub id: RulesetId,
    /// Human title, e.g. "NHS England statutory guidance 2017 (CCGs and NHS England)".
    pub title: &'static str,
    /// A short name for headings and the CLI, e.g. "2017 guidance".
    pub short: &'static str,
    /// The organisations a user may choose, in the order offered.
    pub bodies: &'static [BodyRule],
    /// The joint-working models, in the order offered.
    pub joint_models: &'static [ModelRule],
    /// Whose duty each (model, whose function) pair engages; the first row
    /// that matches wins.
    pub joint: &'static [JointRule],
    /// Whether the trust special administrator exception exists in this
    /// reading of the law (2017: s.14Z2(7) and s.13Q(4); 2022: s.14Z45(7)
    /// and s.13Q(4)). It is an exception to a commissioner's section only:
    /// s.242 has none, so an NHS trust is never asked.
    pub special_administrator: bool,
    /// An unanswered special administrator question counts as "no" rather
    /// than leaving the verdict undetermined (2022: the question was added
    /// after 2022 files were first written, and a file must assess as it did).
    pub special_administrator_optional: bool,
    /// Regulation 23(2) and (3) of SI 2013/218: a decision that has to be
    /// taken without allowing time for consultation, because of a risk to the
    /// safety or welfare of patients or staff, needs no prior consultation of
    /// the local authority, which must be told at once of the decision and why.
    /// `false` in a ruleset that keeps its records exactly as they were made
    /// (2017).
    pub urgent_safety_exemption: bool,
    /// Whether engaging the groups an equality analysis names is worded as an
    /// obligation (2017) or, since the public sector equality duty (Equality
    /// Act 2010 s.149) is a duty of due regard, a recommendation (2022).
    pub equality_engagement_obligation: bool,
    /// Everything the walk says, for commissioners.
    pub text: &'static Texts,
    /// What differs for providers (NHS trusts), if the ruleset covers them.
    pub provider_text: Option<&'static Texts>,
    /// Extra prompts, each shown when its condition holds.
    pub prompts: &'static [Prompt],
    /// The wording of the form where it differs from the catalogue's (which
    /// is the 2017 guidance's).
    pub wording: &'static [Wording],
    /// Extra action codes this ruleset can produce, beyond the shared ones.
    pub extra_codes: &'static [&'static str],
    /// The groups of questions added after the first files were written
    /// that this ruleset asks (ids or id prefixes ending in `.`, as the form
    /// catalogue lists them); a group not listed is never shown.
    pub later_fields: &'static [&'static str],
}

/// An organisation a ruleset covers, when it acts alone.
pub struct BodyRule {
    pub body: Body,
    /// The answer as the reasons repeat it, e.g. "An integrated care board (ICB) acting alone".
    pub answer: &'static str,
    pub consequence: &'static str,
    /// The duty it holds, and whether it completes the form itself.
    pub holder: (DutyHolder, bool),
    /// Providers (NHS trusts) are asked about the services they provide, not
    /// about commissioning.
    pub provider: bool,
}

/// A joint-working model a ruleset offers.
pub struct ModelRule {
    pub model: JointModel,
    /// How the reasons name it, e.g. "model 3, delegated commissioning arrangements".
    pub name: &'static str,
    /// The function has left the NHS bodies (2017's fully devolved model):
    /// no duty to involve under the Act is engaged for it.
    pub devolved: bool,
    /// Whose function it is, where the model itself says (2022: a delegation
    /// from NHS England under s.65Z5 is NHS England's function; a lead
    /// provider carries out an ICB's function). Any other answer to "whose
    /// function is it?" is then read as a mistake and named as one.
    pub implied_holder: Option<FunctionHolder>,
    /// A joint committee (s.65Z5, s.65Z6): the other organisations whose
    /// functions it exercises each keep their own duty.
    pub other_holders_keep_duties: bool,
    /// A lead provider that is an NHS trust providing the services keeps its
    /// own duty under s.242(1B), beside the function holder's.
    pub provider_duty_too: bool,
}

/// Whose duty a joint arrangement engages.
pub struct JointRule {
    pub model: JointModel,
    /// Whose function it is; `None` matches any.
    pub function_holder: Option<FunctionHolder>,
    /// The duties engaged and whether each body completes the form.
    pub duties: &'static [(DutyHolder, bool)],
    /// What follows; `{partners}` is replaced by the bodies named.
    pub consequence: &'static str,
    /// Whom the organisation completing the form agrees its approach with,
    /// where the model says (a delegation: NHS England, which delegated the
    /// function); `None`: the partners the user named.
    pub partners: Option<&'static str>,
    /// The assurance action worded for the organisation that completes the
    /// form, where that is not the function's holder (a delegation: the ICB
    /// gives NHS England assurance, rather than seeking it); `None`: the
    /// ruleset's `seek_assurance`.
    pub assurance: Option<&'static str>,
}

/// A prompt the ruleset adds: an action shown when its condition holds.
pub struct Prompt {
    pub when: When,
    /// Only for these duty holders' activities; empty for every one.
    pub holders: &'static [DutyHolder],
    pub code: &'static str,
    /// `true`: "must"; `false`: "should" or "consider".
    pub obligation: bool,
    pub citation: &'static str,
    pub text: &'static str,
}

/// When a [`Prompt`] is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// The duty applies.
    Applies,
    /// The duty applies or does not apply (a verdict was reached, whatever it is).
    Decided,
    /// A substantial development or variation is proposed.
    SubstantialVariation,
    /// The local authority must be consulted on a substantial development or
    /// variation (regulation 23(1)): one is proposed, the urgent safety
    /// exemption of regulation 23(2) does not apply, and the answers do not
    /// contradict it (a substantial variation with no duty to involve is
    /// rechecked first).
    ConsultationRequired,
    /// The duty applies and the decision is urgent on safety grounds
    /// (regulation 23(2)), with a substantial development or variation.
    UrgentSafetyChange,
    /// The duty applies and the decision is not urgent on safety grounds
    /// (prompts about starting early cannot apply to a decision that could
    /// not wait).
    AppliesNotUrgent,
    /// An equality analysis shows a need for engagement.
    EqualityNeed,
}

/// Which users a piece of wording is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    /// Commissioners: ICBs, NHS England, CCGs, and joint arrangements of theirs.
    Commissioner,
    /// NHS trusts and foundation trusts.
    Provider,
}

/// A part of a question whose wording a ruleset changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Label(&'static str),
    Hint(&'static str),
    /// No hint at all.
    NoHint,
    /// The error message for a missing answer.
    Missing(&'static str),
    /// Where the question comes from.
    Source(&'static str),
    /// The options offered (stored value, label).
    Options(&'static [(&'static str, &'static str)]),
    /// The hint under one option (stored value, hint).
    OptionHint(&'static str, &'static str),
    /// The question is not asked under this ruleset.
    Hidden,
    /// A section's description (the id is the section's slug).
    Description(&'static str),
    /// A sub-heading shown before the question.
    Heading(&'static str),
    /// The question need not be answered under this ruleset.
    Optional,
}

/// One change of wording: the field (or section slug), who it is for, and
/// the new words.
pub struct Wording {
    pub id: &'static str,
    pub audience: Audience,
    pub part: Part,
}

/// Every sentence of the walk. Some are templates: `{name}` stands for a
/// value the walk fills in (see [`fill`]); each field's doc names them.
#[derive(Clone, Copy)]
pub struct Texts {
    // ---- Citations ---------------------------------------------------------
    pub c_body: &'static str,
    pub c_joint: &'static str,
    pub c_joint_principles: &'static str,
    pub c_joint_formal: &'static str,
    pub c_tsa: &'static str,
    pub c_step1: &'static str,
    pub c_step2: &'static str,
    pub c_step3: &'static str,
    pub c_form_note: &'static str,
    pub c_form_2c: &'static str,
    pub c_planning: &'static str,
    pub c_insight: &'static str,
    pub c_fair: &'static str,
    pub c_seldom: &'static str,
    pub c_steps_3_5: &'static str,
    pub c_comms_plan: &'static str,
    pub c_feedback: &'static str,
    pub c_record: &'static str,
    pub c_public_interest: &'static str,
    pub c_urgency: &'static str,
    pub c_previous: &'static str,
    pub c_os: &'static str,
    pub c_equality: &'static str,
    pub c_undetermined: &'static str,

    // ---- Body --------------------------------------------------------------
    pub body_q: &'static str,
    pub body_missing: &'static str,
    /// The body chosen is not one this ruleset covers.
    pub body_not_covered: &'static str,
    pub joint_q: &'static str,
    /// `{partners}`.
    pub establish_joint: &'static str,
    pub document_responsibility: &'static str,
    pub seek_assurance: &'static str,
    /// `{whose}`: "NHS England's", or `whose_unknown`.
    pub devolved_consequence: &'static str,
    pub whose_unknown: &'static str,
    /// `{partners}`.
    pub check_transfer_order: &'static str,
    pub joint_missing: &'static str,
    /// `{model}`.
    pub joint_answer_no_holder: &'static str,
    pub joint_answer_no_model: &'static str,
    /// `{model}`, `{holder}`.
    pub joint_answer: &'static str,
    pub partners_default: &'static str,

    // ---- Trust special administrator ------------------------------------------
    pub tsa_q: &'static str,
    pub tsa_missing: &'static str,
    pub tsa_no: &'static str,
    pub tsa_yes: &'static str,
    /// The last line of the diagram's "Not required yet" box, e.g.
    /// "matter: s.14Z2(7), s.13Q(4)".
    pub tsa_box: &'static str,

    // ---- Step 1 ------------------------------------------------------------------
    pub step1_q: &'static str,
    pub step1_missing: &'static str,
    pub step1_yes: &'static str,
    pub step1_no: &'static str,

    // ---- Step 2 ------------------------------------------------------------------
    pub step2_q: &'static str,
    pub step2_none: &'static str,
    pub step2_missing: &'static str,
    pub step2_planning_only: &'static str,
    pub step2_planning_and_more: &'static str,
    pub step2_others: &'static str,
    /// (planning, proposals, operational), as the reasons name them.
    pub activity_names: [&'static str; 3],

    // ---- Step 3 ------------------------------------------------------------------
    pub step3_q: &'static str,
    /// `{delivery}`, `{range}`.
    pub step3_answer: &'static str,
    /// `{names}`, `{limbs}`.
    pub step3_impact: &'static str,
    /// `{names}`.
    pub step3_no_impact_with_planning: &'static str,
    pub step3_no_impact: &'static str,
    /// `{names}`.
    pub step3_unknown_with_planning: &'static str,
    /// `{names}`, `{limbs}`.
    pub answer_step_3: &'static str,
    pub step3_missing: &'static str,
    pub patient_q: &'static str,
    /// `{listed}`.
    pub patient_consequence: &'static str,
    /// `{listed}`.
    pub reconsider_patient_impact: &'static str,
    pub other_impact_q: &'static str,
    pub other_impact_consequence: &'static str,
    pub check_other_impact: &'static str,

    // ---- Outcome actions ---------------------------------------------------------
    pub answer_missing: &'static str,
    pub reassess_after_tsa: &'static str,
    pub complete_steps_if_not_applies: &'static str,
    pub beneficial_who_not_commissioning: &'static str,
    pub beneficial_who: &'static str,
    /// `{who}`.
    pub consider_beneficial: &'static str,
    /// `{who}`, `{because}`.
    pub consider_beneficial_because: &'static str,
    pub review_insight: &'static str,
    pub fair_and_proportionate: &'static str,
    pub seldom_heard: &'static str,
    pub complete_steps: &'static str,
    pub comms_plan: &'static str,
    pub feed_back: &'static str,
    pub keep_record: &'static str,

    // ---- Circumstances -------------------------------------------------------------
    pub public_interest_q: &'static str,
    pub public_interest_not_applies: &'static str,
    pub public_interest_applies: &'static str,
    pub public_interest_other: &'static str,
    pub urgency_q: &'static str,
    /// (urgent development, risk to safety).
    pub urgency_grounds: [&'static str; 2],
    /// `{why}`.
    pub urgency_answer: &'static str,
    pub urgency_consequence: &'static str,
    pub urgency_record: &'static str,
    pub urgency_recorded: &'static str,
    /// `{recorded}`.
    pub urgency_justification: &'static str,
    pub urgency_no_ground_answer: &'static str,
    pub urgency_no_ground: &'static str,
    pub urgency_not_justified: &'static str,
    pub previous_q: &'static str,
    pub previous_no: &'static str,
    /// `{list}`.
    pub previous_against: &'static str,
    pub consider_previous: &'static str,
    /// `{list}`.
    pub new_involvement: &'static str,
    pub previous_fits: &'static str,
    pub document_reliance: &'static str,
    pub previous_unknown: &'static str,
    /// `{list}`.
    pub answer_review: &'static str,
    pub os_q: &'static str,
    pub os_contradiction: &'static str,
    pub os_consequence: &'static str,
    pub consult_local_authority: &'static str,
    pub recheck_impact: &'static str,
    pub equality_q: &'static str,
    pub equality_consequence: &'static str,
    pub engage_equality_groups: &'static str,

    // ---- Urgent on safety grounds (regulation 23(2) and (3)) -------------------------
    pub c_urgent_safety: &'static str,
    pub c_inform: &'static str,
    /// The outcome reason when the decision is urgent on safety grounds; `{parts}`.
    pub outcome_applies_urgent: &'static str,
    pub urgency_safety_consequence: &'static str,
    pub os_urgent_safety: &'static str,
    pub notify_la_of_urgent_decision: &'static str,
    pub tell_people_affected_now: &'static str,
    pub fair_after_urgent_decision: &'static str,
    pub involve_in_what_happens_next: &'static str,
    pub review_urgent_decision: &'static str,
    /// `{answered}`, `{implied}`.
    pub check_whose_function: &'static str,
    /// Whom an organisation carrying out another's function agrees its
    /// approach with; `{holder}`.
    pub delegate_partners: &'static str,
    /// The assurance an organisation carrying out another's function gives; `{holder}`.
    pub give_assurance: &'static str,

    // ---- Outcome -------------------------------------------------------------------------
    pub outcome_q: &'static str,
    /// `{holder}`, `{section}`, `{limbs}`.
    pub outcome_duty: &'static str,
    /// `{parts}`.
    pub outcome_applies: &'static str,
    pub why_devolved: &'static str,
    pub why_not_commissioning: &'static str,
    pub why_no_activity: &'static str,
    pub why_no_impact: &'static str,
    /// `{why}`.
    pub outcome_does_not_apply: &'static str,
    pub outcome_not_yet: &'static str,
}

/// Fill a template's `{name}` slots. A slot with no value is left as it is.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => match vars.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => {
                    out.push_str(v);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Law {
    /// The rule for an organisation acting alone, if this ruleset covers it.
    pub fn body(&self, body: Body) -> Option<&'static BodyRule> {
        self.bodies.iter().find(|b| b.body == body)
    }
    pub fn model(&self, model: JointModel) -> Option<&'static ModelRule> {
        self.joint_models.iter().find(|m| m.model == model)
    }
    /// Whether the ruleset offers joint arrangements at all.
    pub fn has_joint(&self) -> bool {
        !self.joint_models.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_known_slots_and_keeps_the_rest() {
        assert_eq!(
            fill("with {partners}, so", &[("partners", "NHS England")]),
            "with NHS England, so"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(
            fill("keep {unknown} and { and }", &[("a", "1")]),
            "keep {unknown} and { and }"
        );
        assert_eq!(fill("no slots", &[]), "no slots");
        assert_eq!(fill("{a}", &[("a", "{a}")]), "{a}");
    }
}
