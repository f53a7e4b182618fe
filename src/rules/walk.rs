//! The walk of the duty-to-involve process, written once for every ruleset.
//!
//! # How the process runs
//!
//! The rules walk the guidance's process in order and record one [`Reason`]
//! per node:
//!
//! 1. **Body**: whose duty is it? An organisation acting alone holds its own
//!    duty (2017 guidance Appendix A: a CCG under s.14Z2, NHS England under
//!    s.13Q; since 2022 an ICB under s.14Z45, an NHS trust or foundation trust
//!    under s.242(1B), NHS England under s.13Q). A joint arrangement engages
//!    the duties its ruleset's table gives ([`super::law::JointRule`]).
//! 2. **Trust special administrator**, where the ruleset has the exception
//!    (2017: s.14Z2(7), s.13Q(4)). It lifts the whole duty for the matter,
//!    whatever the activity type or impact, so it is asked straight after the
//!    body (whose section it is an exception to) and before steps 1 to 3.
//! 3. **Step 1**: does the activity relate to the organisation's
//!    responsibilities (commissioning, or for a trust the services it is
//!    responsible for)?
//! 4. **Step 2**: what type of activity is it (planning, proposals for change,
//!    operational decisions; more than one may apply)?
//! 5. **Step 3**: would there be an impact on service delivery or the range of
//!    services? Only asked for proposals and operational decisions (limbs (b)
//!    and (c); for a trust, s.242(1C) and (1D)).
//!
//! then the circumstances the guidance names (public interest, urgency,
//! previous involvement, overview and scrutiny, equality), the ruleset's own
//! prompts, then the outcome.
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
//! recommendation. A ruleset may add its own ([`Law::prompts`]).
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

use super::law::{fill, Law, Texts, When};
use super::{Action, Assessment, DutyHolder, EngagedDuty, Limb, Node, Reason, Verdict};
use crate::model::{
    Activity, Body, FunctionHolder, PatientMatter, PreviousReview, PublicInterest, Screening,
    UrgencyGround, YesNo,
};

/// Whether the decision is urgent on safety grounds in a ruleset with the
/// exemption of regulation 23(2) of SI 2013/218: "a decision has to be taken
/// without allowing time for consultation because of a risk to safety or
/// welfare of patients or staff".
pub fn urgent_on_safety_grounds(law: &Law, s: &Screening) -> bool {
    law.urgent_safety_exemption
        && s.urgent == Some(YesNo::Yes)
        && s.urgency_ground == Some(UrgencyGround::RiskToSafety)
}

/// Stable action codes shared by every ruleset.
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
    pub const DOCUMENT_RELIANCE_ON_PREVIOUS_INVOLVEMENT: &str =
        "document_reliance_on_previous_involvement";
    pub const CONSIDER_PREVIOUS_FINDINGS: &str = "consider_previous_findings";
    pub const UNDERTAKE_NEW_INVOLVEMENT: &str = "undertake_new_involvement";
    pub const ANSWER_PREVIOUS_REVIEW_QUESTIONS: &str = "answer_previous_review_questions";
    pub const CONSULT_LOCAL_AUTHORITY: &str = "consult_local_authority";
    pub const RECHECK_IMPACT_ANSWERS: &str = "recheck_impact_answers";
    pub const ENGAGE_GROUPS_FROM_EQUALITY_ANALYSIS: &str = "engage_groups_from_equality_analysis";

    // Produced only by rulesets with the urgent safety exemption of
    // regulation 23(2) and (3), or with models that say whose function it is
    // (2022); each such ruleset declares them among its own codes.
    pub const NOTIFY_LOCAL_AUTHORITY_OF_URGENT_DECISION: &str =
        "notify_local_authority_of_urgent_decision";
    pub const TELL_PEOPLE_AFFECTED_NOW: &str = "tell_people_affected_now";
    pub const INVOLVE_IN_WHAT_HAPPENS_NEXT: &str = "involve_in_what_happens_next";
    pub const REVIEW_URGENT_DECISION: &str = "review_urgent_decision";
    pub const CHECK_WHOSE_FUNCTION: &str = "check_whose_function";

    /// Every shared code, in the order actions are produced.
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

/// Screening field ids the rules can report as missing.
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

/// Whether the activity is a provider's (an NHS trust's), whose questions
/// and limbs speak of the services it provides rather than of commissioning.
pub fn is_provider(law: &Law, s: &Screening) -> bool {
    match s.body {
        Some(Body::Joint) => law.has_joint() && s.function_holder == Some(FunctionHolder::NhsTrust),
        Some(b) => law.body(b).is_some_and(|r| r.provider),
        None => false,
    }
}

/// The texts for this screening: the provider's where the activity is a
/// trust's and the ruleset has them.
pub fn texts(law: &Law, s: &Screening) -> &'static Texts {
    match law.provider_text {
        Some(p) if is_provider(law, s) => p,
        _ => law.text,
    }
}

/// Run a ruleset's rules. Pure: the same answers always give the same
/// assessment, and no answers (or contradictory answers, or answers the
/// ruleset does not cover) can make it panic.
pub fn assess(law: &Law, s: &Screening) -> Assessment {
    #[cfg(feature = "rule-runs")]
    super::count_run();
    let t = texts(law, s);
    let provider = is_provider(law, s);
    let urgent_safety = urgent_on_safety_grounds(law, s);
    let mut run = Run {
        law,
        t,
        provider,
        urgent_safety,
        s,
        reasons: Vec::new(),
        actions: Vec::new(),
        missing: Vec::new(),
    };

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
                // An exception to a commissioner's section (s.14Z2(7),
                // s.14Z45(7), s.13Q(4)); s.242 has none.
                0 if law.special_administrator && !run.provider => run.special_administrator(),
                0 => Flow::Go,
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
            for &(holder, form_required) in list.iter() {
                for &limb in &limbs {
                    duties.push(EngagedDuty {
                        holder,
                        limb,
                        form_required,
                    });
                }
            }
        }
        sort_small_by_key(&mut duties, |d| (d.holder, d.limb));
    }
    // Defensive: an "applies" verdict with no body to hold the duty cannot
    // arise (an unknown body makes the verdict undetermined), but never
    // report a duty with no holder.
    let verdict = if verdict == Verdict::Applies && duties.is_empty() {
        Verdict::Undetermined
    } else {
        verdict
    };

    run.outcome_actions(verdict, end);
    run.circumstances(verdict, end);
    let engaged: &[(DutyHolder, bool)] = match &holders {
        Holders::Known(list) => list.as_slice(),
        _ => &[],
    };
    run.prompts(verdict, end, engaged);
    run.outcome_reason(verdict, end, &duties);
    if urgent_safety && verdict == Verdict::Applies {
        run.urgent_order();
    }

    let mut missing = run.missing;
    sort_small_by_key(&mut missing, |m| {
        fields::FORM_ORDER.iter().position(|f| f == m)
    });
    missing.dedup();
    // Every route to "undetermined" records its missing answer, so this
    // only guards the invariant "undetermined ⇔ something is missing".
    if verdict == Verdict::Undetermined && missing.is_empty() {
        missing.push(fields::ACTIVITIES);
    }

    Assessment {
        ruleset: law.id.id(),
        verdict,
        urgent_safety: urgent_safety && verdict == Verdict::Applies,
        duties,
        reasons: run.reasons,
        actions: run.actions,
        missing,
    }
}

/// Whose duty the activity falls under, from the body answers.
enum Holders {
    /// The bodies whose duty is engaged, and whether each must complete the form.
    Known(Vec<(DutyHolder, bool)>),
    /// Fully devolved: no NHS body's duty under the Act is engaged for the function.
    Devolved,
    /// Not answered, or not an organisation the ruleset covers.
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
    law: &'a Law,
    t: &'static Texts,
    provider: bool,
    /// Urgent on safety grounds, under a ruleset with regulation 23(2).
    urgent_safety: bool,
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

fn activity_index(a: Activity) -> usize {
    match a {
        Activity::Planning => 0,
        Activity::Proposals => 1,
        Activity::Operational => 2,
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

/// The duty holder a function holder's function belongs to.
pub fn holder_of(h: FunctionHolder) -> DutyHolder {
    match h {
        FunctionHolder::Ccg => DutyHolder::Ccg,
        FunctionHolder::NhsEngland => DutyHolder::NhsEngland,
        FunctionHolder::Icb => DutyHolder::Icb,
        FunctionHolder::NhsTrust => DutyHolder::NhsTrust,
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
    fn reason(
        &mut self,
        node: Node,
        question: &str,
        answer: String,
        consequence: String,
        citation: &'static str,
    ) {
        self.reasons.push(Reason {
            node,
            question: question.into(),
            answer,
            consequence,
            citation,
        });
    }

    /// Add an action once; a second action with the same code is ignored.
    fn act(&mut self, code: &'static str, obligation: bool, citation: &'static str, text: String) {
        if !self.actions.iter().any(|a| a.code == code) {
            self.actions.push(Action {
                code,
                text,
                obligation,
                citation,
            });
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
            self.t.partners_default.into()
        } else {
            p.into()
        }
    }

    /// The limb wording for this activity's duty holder: a trust's limbs are
    /// those of s.242(1B), a commissioner's those of its subsection (2).
    fn limb_phrase(&self, limb: Limb) -> String {
        let holder = if self.provider {
            DutyHolder::NhsTrust
        } else {
            DutyHolder::Ccg
        };
        holder.limb_phrase(limb)
    }

    /// A function holder as this ruleset names it: one it does not cover (a
    /// CCG in a 2022 file) is not named.
    fn holder_name(&self, h: FunctionHolder) -> &'static str {
        let covered = self.law.bodies.iter().any(|b| b.holder.0 == holder_of(h));
        if covered {
            holder_of(h).name()
        } else {
            "an organisation this guidance does not cover"
        }
    }

    fn activity_name(&self, a: Activity) -> &'static str {
        self.t.activity_names[activity_index(a)]
    }

    /// Node **Body**: whose duty is it?
    ///
    /// An organisation acting alone holds its own duty (2017 Appendix A;
    /// since 2022 s.14Z45, s.242(1B), s.13Q). For a joint arrangement, the
    /// 2017 guidance's "Local variations in commissioning arrangements": "With
    /// the sole exception of the fully devolved commissioning model ... the
    /// commissioning organisation (CCG or NHS England) is liable for the
    /// exercise of its functions, including the duty to involve the public,
    /// even if in practice the activity is delegated to, or carried out
    /// jointly with, another body"; the 2022 guidance keeps the principle for
    /// delegation under s.65Z5 (see the ruleset's joint table).
    fn body(&mut self) -> Holders {
        let t = self.t;
        match self.s.body {
            None => {
                self.need(fields::BODY);
                self.reason(
                    Node::Body,
                    t.body_q,
                    "Not answered".into(),
                    t.body_missing.into(),
                    t.c_body,
                );
                Holders::Unknown
            }
            Some(Body::Joint) if self.law.has_joint() => self.joint(),
            Some(b) => match self.law.body(b) {
                Some(rule) => {
                    self.reason(
                        Node::Body,
                        t.body_q,
                        rule.answer.into(),
                        rule.consequence.into(),
                        t.c_body,
                    );
                    Holders::Known(vec![rule.holder])
                }
                None => {
                    self.need(fields::BODY);
                    self.reason(
                        Node::Body,
                        t.body_q,
                        "An organisation this guidance does not cover".into(),
                        t.body_not_covered.into(),
                        t.c_body,
                    );
                    Holders::Unknown
                }
            },
        }
    }

    /// A joint arrangement: the ruleset's table of models and whose function
    /// it is ([`Law::joint`]). The 2017 table is the primary care
    /// co-commissioning table; 2022's covers delegation to ICBs (s.65Z5),
    /// joint committees and lead providers.
    fn joint(&mut self) -> Holders {
        let t = self.t;
        let model = self.s.joint_model.and_then(|m| self.law.model(m));
        let answered = self.s.function_holder;
        // A model that says whose function it is (a delegation from NHS
        // England is NHS England's) overrides the answer, which is then named
        // as a mistake below rather than leaving the verdict undecidable.
        let implied = model.and_then(|m| m.implied_holder);
        let holder = implied.or(answered);
        let rule = model.and_then(|m| {
            let h = holder?;
            self.law
                .joint
                .iter()
                .find(|r| r.model == m.model && r.function_holder.is_none_or(|f| f == h))
        });
        // Whom the person completing the form works for (2022): the
        // function's holder agrees its approach with the partners it named
        // and seeks assurance; an organisation carrying out another's
        // function agrees it with the holder and gives assurance.
        let carrying_out = match (self.s.respondent, holder) {
            (Some(r), Some(h)) => holder_of(r) != holder_of(h),
            // Not asked, or not answered: the model's own default.
            _ => rule.is_some_and(|r| r.partners.is_some()),
        };
        let holder_name = holder.map_or(t.partners_default, |h| holder_of(h).name());
        let partners = match (carrying_out, rule.and_then(|r| r.partners)) {
            (true, Some(p)) => p.to_string(),
            (true, None) => fill(t.delegate_partners, &[("holder", holder_name)]),
            (false, _) => self.partners(),
        };
        // Always recommended for joint working, whatever the model, and
        // addressed to the organisation completing the form.
        self.act(
            ESTABLISH_JOINT_ARRANGEMENTS,
            false,
            t.c_joint_principles,
            fill(t.establish_joint, &[("partners", &partners)]),
        );
        self.act(
            DOCUMENT_DAY_TO_DAY_RESPONSIBILITY,
            false,
            t.c_joint_formal,
            t.document_responsibility.into(),
        );
        let assurance = match (carrying_out, rule.and_then(|r| r.assurance)) {
            (true, Some(a)) => a.to_string(),
            (true, None) => fill(t.give_assurance, &[("holder", holder_name)]),
            (false, _) => t.seek_assurance.to_string(),
        };
        self.act(
            SEEK_ASSURANCE_ON_ARRANGEMENTS,
            false,
            t.c_joint_formal,
            assurance,
        );
        if let (Some(i), Some(a)) = (implied, answered) {
            if i != a {
                self.act(
                    CHECK_WHOSE_FUNCTION,
                    false,
                    t.c_joint,
                    fill(
                        t.check_whose_function,
                        &[
                            ("answered", self.holder_name(a)),
                            ("implied", holder_of(i).name()),
                        ],
                    ),
                );
            }
        }
        if let Some(m) = model.filter(|m| m.devolved) {
            let whose = match holder {
                Some(h) => format!("{}'s", holder_of(h).name()),
                None => t.whose_unknown.into(),
            };
            self.reason(
                Node::Body,
                t.joint_q,
                format!("A joint arrangement: {}", m.name),
                fill(t.devolved_consequence, &[("whose", &whose)]),
                t.c_joint_formal,
            );
            self.act(
                CHECK_TRANSFER_ORDER,
                true,
                t.c_joint_formal,
                fill(t.check_transfer_order, &[("partners", &partners)]),
            );
            return Holders::Devolved;
        }
        let (Some(m), Some(h), Some(rule)) = (model, holder, rule) else {
            if model.is_none() {
                self.need(fields::JOINT_MODEL);
            }
            if holder.is_none() || (model.is_some() && rule.is_none()) {
                self.need(fields::FUNCTION_HOLDER);
            }
            let answer = match model {
                Some(m) => fill(t.joint_answer_no_holder, &[("model", m.name)]),
                None => t.joint_answer_no_model.into(),
            };
            self.reason(
                Node::Body,
                t.joint_q,
                answer,
                t.joint_missing.into(),
                t.c_joint,
            );
            return Holders::Unknown;
        };
        let answer = fill(
            t.joint_answer,
            &[("model", m.name), ("holder", holder_of(h).name())],
        );
        self.reason(
            Node::Body,
            t.joint_q,
            answer,
            fill(rule.consequence, &[("partners", &partners)]),
            t.c_joint,
        );
        let mut duties = rule.duties.to_vec();
        // A joint committee: each organisation whose functions it exercises
        // keeps its own duty (s.65Z5, s.65Z6).
        if m.other_holders_keep_duties && !self.s.no_joint_other_holders {
            for &o in &self.s.joint_other_holders {
                let d = holder_of(o);
                let covered = self.law.bodies.iter().any(|b| b.holder.0 == d);
                if covered && !duties.iter().any(|(x, _)| *x == d) {
                    duties.push((d, true));
                }
            }
        }
        // A lead provider that is an NHS trust providing the services keeps
        // its own duty under s.242(1B) for them, beside the ICB's.
        if m.provider_duty_too && self.s.lead_provider_trust == Some(YesNo::Yes) {
            duties.push((DutyHolder::NhsTrust, true));
        }
        Holders::Known(duties)
    }

    /// Node **Trust special administrator** (2017: s.14Z2(7) and s.13Q(4)).
    ///
    /// The subsections say the section "does not require" arrangements for
    /// matters in a trust special administrator's report or draft report
    /// before the Secretary of State is satisfied or decides. That lifts the
    /// whole duty for the matter, whatever the type of activity or its impact.
    fn special_administrator(&mut self) -> Flow {
        let t = self.t;
        match self.s.trust_special_administrator {
            // Added to the 2022 questions after 2022 files were first written:
            // unanswered means no administrator's report is involved.
            None if self.law.special_administrator_optional => Flow::Go,
            None => {
                self.need(fields::TRUST_SPECIAL_ADMINISTRATOR);
                self.reason(
                    Node::SpecialAdministrator,
                    t.tsa_q,
                    "Not answered".into(),
                    t.tsa_missing.into(),
                    t.c_tsa,
                );
                Flow::Unknown
            }
            Some(YesNo::No) => {
                self.reason(
                    Node::SpecialAdministrator,
                    t.tsa_q,
                    "No".into(),
                    t.tsa_no.into(),
                    t.c_tsa,
                );
                Flow::Go
            }
            Some(YesNo::Yes) => {
                self.reason(
                    Node::SpecialAdministrator,
                    t.tsa_q,
                    "Yes".into(),
                    t.tsa_yes.into(),
                    t.c_tsa,
                );
                Flow::End(End::SpecialAdministrator)
            }
        }
    }

    /// Node **Step 1**: "Does the activity relate to commissioning
    /// responsibilities?" (for a trust: to health services it is responsible
    /// for, s.242(1B)). Podiatry service relocation does; relocation of an
    /// administrative office does not. If no, "the legal duty to involve does
    /// not apply".
    fn step1(&mut self) -> Flow {
        let t = self.t;
        match self.s.relates_to_commissioning {
            None => {
                self.need(fields::RELATES_TO_COMMISSIONING);
                self.reason(
                    Node::Step1,
                    t.step1_q,
                    "Not answered".into(),
                    t.step1_missing.into(),
                    t.c_step1,
                );
                Flow::Unknown
            }
            Some(YesNo::Yes) => {
                self.reason(
                    Node::Step1,
                    t.step1_q,
                    "Yes".into(),
                    t.step1_yes.into(),
                    t.c_step1,
                );
                Flow::Go
            }
            Some(YesNo::No) => {
                self.reason(
                    Node::Step1,
                    t.step1_q,
                    "No".into(),
                    t.step1_no.into(),
                    t.c_step1,
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
        let t = self.t;
        let acts = selected(self.s);
        if acts.is_empty() {
            if self.s.no_activity_type {
                self.reason(
                    Node::Step2,
                    t.step2_q,
                    "None of these".into(),
                    t.step2_none.into(),
                    t.c_step2,
                );
                return Flow::End(End::NoActivityType);
            }
            self.need(fields::ACTIVITIES);
            self.reason(
                Node::Step2,
                t.step2_q,
                "Not answered".into(),
                t.step2_missing.into(),
                t.c_step2,
            );
            return Flow::Unknown;
        }
        let names: Vec<String> = acts
            .iter()
            .map(|a| self.activity_name(*a).to_string())
            .collect();
        let mut answer = sentence(&join_and(&names));
        if self.s.no_activity_type {
            answer.push_str(" (\"none of these\" was also selected; the types selected are used)");
        }
        let planning = acts.contains(&Activity::Planning);
        let others = acts.iter().any(|a| *a != Activity::Planning);
        let consequence = match (planning, others) {
            (true, false) => t.step2_planning_only,
            (true, true) => t.step2_planning_and_more,
            _ => t.step2_others,
        };
        if planning {
            limbs.push(Limb::A);
        }
        self.reason(
            Node::Step2,
            t.step2_q,
            answer,
            consequence.into(),
            t.c_step2,
        );
        Flow::Go
    }

    /// Node **Step 3**: "Would there be an impact on service delivery or the
    /// range of services?" for proposals (limb (b)) and operational decisions
    /// (limb (c)). Delivery means delivery "at the point when they are
    /// received by users" (2017: s.14Z2(6), s.13Q(3); 2022: s.14Z45(6),
    /// s.242(1E)). A Yes to either question is an impact; No to both means no
    /// impact.
    ///
    /// Patient matters (accessibility, transport links, ambulance
    /// availability: impact "should be considered from the perspective of
    /// patients") and an "other impact" (Appendix B Step 2(c): "it is highly
    /// likely that the legal duty to involve the public applies") do not
    /// override a No, but prompt the user to check it.
    fn step3(&mut self, limbs: &mut Vec<Limb>) -> Flow {
        let t = self.t;
        let acts = selected(self.s);
        let others: Vec<Activity> = acts
            .iter()
            .copied()
            .filter(|a| *a != Activity::Planning)
            .collect();
        if others.is_empty() {
            return Flow::Go;
        }
        let planning = acts.contains(&Activity::Planning);
        let (d, r) = (self.s.impact_delivery, self.s.impact_range);
        let answer = fill(
            t.step3_answer,
            &[("delivery", yes_no(d)), ("range", yes_no(r))],
        );
        let other_names = join_and(
            &others
                .iter()
                .map(|a| self.activity_name(*a).to_string())
                .collect::<Vec<_>>(),
        );
        let other_limbs = join_and(
            &others
                .iter()
                .map(|a| self.limb_phrase(Limb::for_activity(*a)))
                .collect::<Vec<_>>(),
        );
        if d == Some(YesNo::Yes) || r == Some(YesNo::Yes) {
            limbs.extend(others.iter().map(|a| Limb::for_activity(*a)));
            let consequence = fill(
                t.step3_impact,
                &[("names", &other_names), ("limbs", &other_limbs)],
            );
            self.reason(Node::Step3, t.step3_q, answer, consequence, t.c_step3);
            return Flow::Go;
        }
        if d == Some(YesNo::No) && r == Some(YesNo::No) {
            let consequence = if planning {
                fill(t.step3_no_impact_with_planning, &[("names", &other_names)])
            } else {
                t.step3_no_impact.into()
            };
            self.reason(Node::Step3, t.step3_q, answer, consequence, t.c_step3);
            self.no_impact_checks();
            return if planning {
                Flow::Go
            } else {
                Flow::End(End::NoImpact)
            };
        }
        // At least one answer missing and no Yes.
        if planning {
            let consequence = fill(t.step3_unknown_with_planning, &[("names", &other_names)]);
            self.reason(Node::Step3, t.step3_q, answer, consequence, t.c_step3);
            self.act(
                ANSWER_STEP_3,
                true,
                t.c_step3,
                fill(
                    t.answer_step_3,
                    &[("names", &other_names), ("limbs", &other_limbs)],
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
            t.step3_q,
            answer,
            t.step3_missing.into(),
            t.c_step3,
        );
        Flow::Unknown
    }

    /// Prompts when step 3 was answered No to both questions.
    fn no_impact_checks(&mut self) {
        let t = self.t;
        let matters: Vec<String> = {
            let mut m = self.s.patient_matters.clone();
            sort_small(&mut m);
            m.dedup();
            m.into_iter()
                .map(|x| patient_matter_name(x).to_string())
                .collect()
        };
        if !matters.is_empty() {
            let listed = join_and(&matters);
            self.reason(
                Node::Step3,
                t.patient_q,
                sentence(&listed),
                fill(t.patient_consequence, &[("listed", &listed)]),
                t.c_step3,
            );
            self.act(
                RECONSIDER_PATIENT_IMPACT,
                false,
                t.c_step3,
                fill(t.reconsider_patient_impact, &[("listed", &listed)]),
            );
        }
        let other = self.s.impact_other.trim();
        if !other.is_empty() {
            self.reason(
                Node::Step3,
                t.other_impact_q,
                other.to_string(),
                t.other_impact_consequence.into(),
                t.c_form_2c,
            );
            self.act(
                CHECK_OTHER_IMPACT,
                false,
                t.c_form_2c,
                t.check_other_impact.into(),
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
    ///   involvement ... would be beneficial".
    /// * Not required yet: reassess once the Secretary of State has acted
    ///   (2017: s.14Z2(7), s.13Q(4)).
    fn outcome_actions(&mut self, verdict: Verdict, end: Option<End>) {
        let t = self.t;
        match verdict {
            Verdict::Undetermined => self.act(
                ANSWER_MISSING_QUESTIONS,
                true,
                t.c_undetermined,
                t.answer_missing.into(),
            ),
            Verdict::NotRequiredYet => {
                self.act(
                    REASSESS_AFTER_TSA_DECISION,
                    true,
                    t.c_tsa,
                    t.reassess_after_tsa.into(),
                );
                self.keep_record();
            }
            Verdict::DoesNotApply => {
                self.keep_record();
                self.act(
                    COMPLETE_STEPS_3_TO_5,
                    true,
                    t.c_form_note,
                    t.complete_steps_if_not_applies.into(),
                );
                let cited: Vec<String> = {
                    let mut p = self.s.public_interest.clone();
                    sort_small(&mut p);
                    p.dedup();
                    p.into_iter()
                        .map(|x| public_interest_name(x).to_string())
                        .collect()
                };
                let who = if end == Some(End::NotCommissioning) {
                    t.beneficial_who_not_commissioning
                } else {
                    t.beneficial_who
                };
                let text = if cited.is_empty() {
                    fill(t.consider_beneficial, &[("who", who)])
                } else {
                    fill(
                        t.consider_beneficial_because,
                        &[("who", who), ("because", &join_and(&cited))],
                    )
                };
                let citation = match end {
                    Some(End::NotCommissioning) => t.c_step1,
                    Some(End::NoImpact) => t.c_step3,
                    _ => t.c_form_note,
                };
                self.act(CONSIDER_BENEFICIAL_INVOLVEMENT, false, citation, text);
            }
            Verdict::Applies if self.urgent_safety => {
                // Regulation 23(2): the decision could not wait. What to do
                // now comes first (see `urgent_order`), then what follows.
                self.act(
                    TELL_PEOPLE_AFFECTED_NOW,
                    true,
                    t.c_inform,
                    t.tell_people_affected_now.into(),
                );
                self.act(
                    DECIDE_FAIR_AND_PROPORTIONATE,
                    true,
                    t.c_fair,
                    t.fair_after_urgent_decision.into(),
                );
                self.act(
                    INVOLVE_IN_WHAT_HAPPENS_NEXT,
                    false,
                    t.c_planning,
                    t.involve_in_what_happens_next.into(),
                );
                self.act(
                    REVIEW_URGENT_DECISION,
                    false,
                    t.c_urgency,
                    t.review_urgent_decision.into(),
                );
                self.act(
                    REVIEW_EXISTING_INSIGHT,
                    false,
                    t.c_insight,
                    t.review_insight.into(),
                );
                self.act(
                    INVOLVE_SELDOM_HEARD_GROUPS,
                    false,
                    t.c_seldom,
                    t.seldom_heard.into(),
                );
                self.act(
                    COMPLETE_STEPS_3_TO_5,
                    true,
                    t.c_steps_3_5,
                    t.complete_steps.into(),
                );
                self.act(
                    FEED_BACK_TO_PARTICIPANTS,
                    false,
                    t.c_feedback,
                    t.feed_back.into(),
                );
                self.keep_record();
            }
            Verdict::Applies => {
                self.act(
                    REVIEW_EXISTING_INSIGHT,
                    false,
                    t.c_insight,
                    t.review_insight.into(),
                );
                self.act(
                    DECIDE_FAIR_AND_PROPORTIONATE,
                    true,
                    t.c_fair,
                    t.fair_and_proportionate.into(),
                );
                self.act(
                    INVOLVE_SELDOM_HEARD_GROUPS,
                    false,
                    t.c_seldom,
                    t.seldom_heard.into(),
                );
                self.act(
                    COMPLETE_STEPS_3_TO_5,
                    true,
                    t.c_steps_3_5,
                    t.complete_steps.into(),
                );
                self.act(
                    PREPARE_COMMUNICATIONS_PLAN,
                    false,
                    t.c_comms_plan,
                    t.comms_plan.into(),
                );
                self.act(
                    FEED_BACK_TO_PARTICIPANTS,
                    false,
                    t.c_feedback,
                    t.feed_back.into(),
                );
                self.keep_record();
            }
        }
    }

    fn keep_record(&mut self) {
        self.act(
            KEEP_FORM_RECORD,
            true,
            self.t.c_record,
            self.t.keep_record.into(),
        );
    }

    /// An urgent decision on safety grounds has its own order: what to do
    /// now (tell the local authority and the people affected, record why),
    /// then what to do afterwards (involve people in what happens next,
    /// review the decision), then everything else as the walk gave it.
    fn urgent_order(&mut self) {
        const NEXT: [&str; 2] = [INVOLVE_IN_WHAT_HAPPENS_NEXT, REVIEW_URGENT_DECISION];
        // The ruleset's own prompts for an urgent safety change (2022: a
        // trust tells its commissioner at once) are "now", after the local
        // authority: data, so the walk names no ruleset's code.
        let law = self.law;
        let rank = |code: &str| -> usize {
            let urgent_prompt = law
                .prompts
                .iter()
                .any(|p| p.when == When::UrgentSafetyChange && p.code == code);
            match code {
                NOTIFY_LOCAL_AUTHORITY_OF_URGENT_DECISION => 0,
                _ if urgent_prompt => 1,
                TELL_PEOPLE_AFFECTED_NOW => 2,
                RECORD_URGENCY_JUSTIFICATION => 3,
                _ => 4 + NEXT.iter().position(|c| *c == code).unwrap_or(NEXT.len()),
            }
        };
        sort_small_by_key(&mut self.actions, |a| rank(a.code));
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

    /// The ruleset's own prompts ([`Law::prompts`]), after the circumstances.
    fn prompts(&mut self, verdict: Verdict, end: Option<End>, engaged: &[(DutyHolder, bool)]) {
        let substantial = self.s.substantial_variation == Some(YesNo::Yes);
        let contradiction = verdict == Verdict::DoesNotApply && end != Some(End::Devolved);
        for p in self.law.prompts {
            let shown = match p.when {
                When::Applies => verdict == Verdict::Applies,
                When::AppliesNotUrgent => verdict == Verdict::Applies && !self.urgent_safety,
                When::Decided => matches!(verdict, Verdict::Applies | Verdict::DoesNotApply),
                When::SubstantialVariation => substantial,
                When::ConsultationRequired => substantial && !self.urgent_safety && !contradiction,
                When::UrgentSafetyChange => {
                    substantial && self.urgent_safety && verdict == Verdict::Applies
                }
                When::EqualityNeed => self.s.equality_need == Some(YesNo::Yes),
            };
            let for_holder =
                p.holders.is_empty() || engaged.iter().any(|(h, _)| p.holders.contains(h));
            if shown && for_holder {
                self.act(p.code, p.obligation, p.citation, p.text.into());
            }
        }
    }

    /// Step 1: involvement "is particularly important where there is likely
    /// to be significant public interest, when a promise to consult has been
    /// made, or a precedent to do so has been set".
    fn public_interest(&mut self, verdict: Verdict) {
        let t = self.t;
        let mut p = self.s.public_interest.clone();
        sort_small(&mut p);
        p.dedup();
        if p.is_empty() {
            return;
        }
        let listed = join_and(
            &p.into_iter()
                .map(|x| public_interest_name(x).to_string())
                .collect::<Vec<_>>(),
        );
        let consequence = match verdict {
            Verdict::DoesNotApply => t.public_interest_not_applies,
            Verdict::Applies => t.public_interest_applies,
            _ => t.public_interest_other,
        };
        self.reason(
            Node::PublicInterest,
            t.public_interest_q,
            sentence(&listed),
            consequence.into(),
            t.c_public_interest,
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
        let t = self.t;
        if self.s.urgent != Some(YesNo::Yes) {
            return;
        }
        match self.s.urgency_ground {
            Some(ground) => {
                let why = match ground {
                    UrgencyGround::UrgentDevelopment => t.urgency_grounds[0],
                    UrgencyGround::RiskToSafety => t.urgency_grounds[1],
                };
                let consequence = if self.urgent_safety {
                    t.urgency_safety_consequence
                } else {
                    t.urgency_consequence
                };
                self.reason(
                    Node::Urgency,
                    t.urgency_q,
                    fill(t.urgency_answer, &[("why", why)]),
                    consequence.into(),
                    t.c_urgency,
                );
                let recorded = if self.s.urgency_justification.trim().is_empty() {
                    t.urgency_record
                } else {
                    t.urgency_recorded
                };
                self.act(
                    RECORD_URGENCY_JUSTIFICATION,
                    true,
                    t.c_urgency,
                    fill(t.urgency_justification, &[("recorded", recorded)]),
                );
            }
            None => {
                self.reason(
                    Node::Urgency,
                    t.urgency_q,
                    t.urgency_no_ground_answer.into(),
                    t.urgency_no_ground.into(),
                    t.c_urgency,
                );
                self.act(
                    URGENCY_NOT_JUSTIFIED,
                    true,
                    t.c_urgency,
                    t.urgency_not_justified.into(),
                );
            }
        }
    }

    /// "Review existing insight and previous involvement activities": the
    /// seven review questions decide whether a previous exercise can be
    /// relied on. Primary care sites example: the population "has changed
    /// significantly", so the commissioner considers the earlier findings "but
    /// also [undertakes] new involvement activity".
    fn previous_involvement(&mut self) {
        let t = self.t;
        match self.s.previous_involvement {
            None => {}
            Some(YesNo::No) => self.reason(
                Node::PreviousInvolvement,
                t.previous_q,
                "No".into(),
                t.previous_no.into(),
                t.c_previous,
            ),
            Some(YesNo::Yes) => {
                let p = &self.s.previous;
                let (against, unanswered) = review(p);
                let summary = p.summary.trim();
                let answer = if summary.is_empty() {
                    "Yes".to_string()
                } else {
                    format!("Yes: {summary}")
                };
                if !against.is_empty() {
                    let list = join_and(&against.iter().map(|x| x.to_string()).collect::<Vec<_>>());
                    self.reason(
                        Node::PreviousInvolvement,
                        t.previous_q,
                        answer,
                        fill(t.previous_against, &[("list", &list)]),
                        t.c_previous,
                    );
                    self.act(
                        CONSIDER_PREVIOUS_FINDINGS,
                        false,
                        t.c_previous,
                        t.consider_previous.into(),
                    );
                    self.act(
                        UNDERTAKE_NEW_INVOLVEMENT,
                        true,
                        t.c_previous,
                        fill(t.new_involvement, &[("list", &list)]),
                    );
                } else if unanswered.is_empty() {
                    self.reason(
                        Node::PreviousInvolvement,
                        t.previous_q,
                        answer,
                        t.previous_fits.into(),
                        t.c_previous,
                    );
                    self.act(
                        DOCUMENT_RELIANCE_ON_PREVIOUS_INVOLVEMENT,
                        true,
                        t.c_previous,
                        t.document_reliance.into(),
                    );
                } else {
                    self.reason(
                        Node::PreviousInvolvement,
                        t.previous_q,
                        answer,
                        t.previous_unknown.into(),
                        t.c_previous,
                    );
                }
                if !unanswered.is_empty() {
                    let list =
                        join_and(&unanswered.iter().map(|x| x.to_string()).collect::<Vec<_>>());
                    self.act(
                        ANSWER_PREVIOUS_REVIEW_QUESTIONS,
                        false,
                        t.c_previous,
                        fill(t.answer_review, &[("list", &list)]),
                    );
                }
            }
        }
    }

    /// Overview and scrutiny: the body "must consult the local authority
    /// when considering any proposal for a substantial development or
    /// variation" (2017 guidance; NHS Act 2006 s.244 and regulation 23 of the
    /// 2013 health scrutiny regulations). It is a separate duty; its
    /// threshold "is higher than that for the duty to involve the public",
    /// and "frequently, both duties may apply". So a substantial variation
    /// with no involvement duty is a contradiction worth checking.
    fn overview_scrutiny(&mut self, verdict: Verdict, end: Option<End>) {
        let t = self.t;
        if self.s.substantial_variation != Some(YesNo::Yes) {
            return;
        }
        let contradiction = verdict == Verdict::DoesNotApply && end != Some(End::Devolved);
        if self.urgent_safety && !contradiction {
            // Regulation 23(2) and (3): no prior consultation, but the local
            // authority is told at once; not notifiable under Schedule 10A.
            self.reason(
                Node::OverviewScrutiny,
                t.os_q,
                "Yes".into(),
                t.os_urgent_safety.into(),
                t.c_urgent_safety,
            );
            self.act(
                NOTIFY_LOCAL_AUTHORITY_OF_URGENT_DECISION,
                true,
                t.c_urgent_safety,
                t.notify_la_of_urgent_decision.into(),
            );
            return;
        }
        let consequence = if contradiction {
            t.os_contradiction
        } else {
            t.os_consequence
        };
        self.reason(
            Node::OverviewScrutiny,
            t.os_q,
            "Yes".into(),
            consequence.into(),
            t.c_os,
        );
        self.act(
            CONSULT_LOCAL_AUTHORITY,
            true,
            t.c_os,
            t.consult_local_authority.into(),
        );
        if contradiction {
            self.act(
                RECHECK_IMPACT_ANSWERS,
                false,
                t.c_os,
                t.recheck_impact.into(),
            );
        }
    }

    /// Examples of circumstances, "Equality": "An equality impact analysis
    /// may indicate the need for engagement, for example a lack of evidence
    /// relating to certain groups." With the public sector equality duty
    /// (Equality Act 2010 s.149), treated as a must.
    fn equality(&mut self) {
        let t = self.t;
        if self.s.equality_need != Some(YesNo::Yes) {
            return;
        }
        self.reason(
            Node::Equality,
            t.equality_q,
            "Yes".into(),
            t.equality_consequence.into(),
            t.c_equality,
        );
        let must = self.law.equality_engagement_obligation;
        self.act(
            ENGAGE_GROUPS_FROM_EQUALITY_ANALYSIS,
            must,
            t.c_equality,
            t.engage_equality_groups.into(),
        );
    }

    /// The outcome node, last.
    fn outcome_reason(&mut self, verdict: Verdict, end: Option<End>, duties: &[EngagedDuty]) {
        let t = self.t;
        let (node, answer, consequence, citation) = match verdict {
            Verdict::Applies => {
                let mut parts = Vec::new();
                for holder in DutyHolder::ALL {
                    let limbs: Vec<String> = duties
                        .iter()
                        .filter(|d| d.holder == holder)
                        .map(|d| holder.limb_phrase(d.limb))
                        .collect();
                    if !limbs.is_empty() {
                        parts.push(fill(
                            t.outcome_duty,
                            &[
                                ("holder", holder.name()),
                                ("section", holder.section()),
                                ("limbs", &join_and(&limbs)),
                            ],
                        ));
                    }
                }
                let template = if self.urgent_safety {
                    t.outcome_applies_urgent
                } else {
                    t.outcome_applies
                };
                (
                    Node::OutcomeApplies,
                    "Yes".to_string(),
                    fill(template, &[("parts", &parts.join("; and for "))]),
                    t.c_planning,
                )
            }
            Verdict::DoesNotApply => {
                let why = match end {
                    Some(End::Devolved) => t.why_devolved,
                    Some(End::NotCommissioning) => t.why_not_commissioning,
                    Some(End::NoActivityType) => t.why_no_activity,
                    _ => t.why_no_impact,
                };
                (
                    Node::OutcomeDoesNotApply,
                    "No".to_string(),
                    fill(t.outcome_does_not_apply, &[("why", why)]),
                    t.c_form_note,
                )
            }
            Verdict::NotRequiredYet => (
                Node::OutcomeNotYet,
                "Not at this stage".to_string(),
                t.outcome_not_yet.to_string(),
                t.c_tsa,
            ),
            Verdict::Undetermined => (
                Node::OutcomeUndetermined,
                "Cannot be decided yet".to_string(),
                if self.missing.len() == 1 {
                    "1 question still needs an answer before the duty can be decided".to_string()
                } else {
                    format!(
                        "{} questions still need an answer before the duty can be decided",
                        self.missing.len()
                    )
                },
                t.c_undetermined,
            ),
        };
        self.reason(node, t.outcome_q, answer, consequence, citation);
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
        (
            p.same_proposal,
            YesNo::Yes,
            "the proposal is not the same",
            "is the new proposal the same",
        ),
        (
            p.significant_changes,
            YesNo::No,
            "there have been significant changes",
            "have there been significant changes",
        ),
        (
            p.still_relevant,
            YesNo::Yes,
            "it is no longer relevant",
            "does it remain relevant",
        ),
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
