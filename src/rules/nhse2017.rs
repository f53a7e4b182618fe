//! Ruleset `nhse-2017`: NHS England, *Patient and public participation in
//! commissioning health and care: statutory guidance for CCGs and NHS
//! England* (2017), Action 5 and Appendix A.
//!
//! Data only: the walk is [`super::walk`]. This file says who the duty holders
//! are (a CCG under s.14Z2, NHS England under s.13Q), the primary care
//! co-commissioning table, and every sentence and citation of the 2017
//! guidance the walk shows. `tests/rules.rs` holds the guidance's worked
//! examples, and `tests/rules_2017_golden.rs` keeps every assessment word for
//! word as it was before the walk was shared with `nhse-2022`.

use super::law::{BodyRule, JointRule, Law, ModelRule, Texts};
use super::DutyHolder::{Ccg as CCG, NhsEngland as NHSE};
use crate::model::{Body, FunctionHolder, JointModel, RulesetId};

pub use super::walk::{codes, fields};

pub const ID: &str = "nhse-2017";

/// The `nhse-2017` ruleset.
pub static LAW: Law = Law {
    id: RulesetId::Nhse2017,
    title: "NHS England statutory guidance 2017 (CCGs and NHS England)",
    short: "2017 guidance (CCGs and NHS England, before July 2022)",
    bodies: &[
        BodyRule {
            body: Body::Ccg,
            answer: "A clinical commissioning group (CCG) acting alone",
            consequence: "The CCG's duty to involve the public under section 14Z2 of the NHS Act 2006 is the one to \
                          assess",
            holder: (CCG, true),
            provider: false,
        },
        BodyRule {
            body: Body::NhsEngland,
            answer: "NHS England acting alone",
            consequence: "NHS England's duty to involve the public under section 13Q of the NHS Act 2006 is the one \
                          to assess. NHS England staff must document the assessment on the assessment and planning \
                          form",
            holder: (NHSE, true),
            provider: false,
        },
    ],
    joint_models: &[
        ModelRule {
            model: JointModel::SeatAtTheTable,
            name: "model 1, 'seat at the table' (greater involvement in decision making)",
            devolved: false,
            implied_holder: None,
            other_holders_keep_duties: false,
            provider_duty_too: false,
        },
        ModelRule {
            model: JointModel::JointDecisionMaking,
            name: "model 2, joint decision making (joint committee)",
            devolved: false,
            implied_holder: None,
            other_holders_keep_duties: false,
            provider_duty_too: false,
        },
        ModelRule {
            model: JointModel::Delegated,
            name: "model 3, delegated commissioning arrangements",
            devolved: false,
            implied_holder: None,
            other_holders_keep_duties: false,
            provider_duty_too: false,
        },
        ModelRule {
            model: JointModel::FullyDevolved,
            name: "model 4, fully devolved commissioning",
            devolved: true,
            implied_holder: None,
            other_holders_keep_duties: false,
            provider_duty_too: false,
        },
    ],
    // The primary care co-commissioning table ("Local variations in
    // commissioning arrangements"):
    //
    // | model | NHS England (s.13Q) | CCG (s.14Z2) |
    // |---|---|---|
    // | 1 seat at the table | Y | N |
    // | 2 joint committee | Y | Y |
    // | 3 delegated | Y, relies on the CCG, no form | Y |
    // | 4 fully devolved | transferred | transferred |
    //
    // Where the function is a CCG's (s.14Z3 or the Cities and Local
    // Government Devolution Act 2016), the CCG stays liable in models 1-3; a
    // partner's own duty depends on what the partner is, so the rules report
    // the CCG's duty and recommend joint arrangements ("Guiding principles for
    // joint public involvement exercises").
    joint: &[
        JointRule {
            model: JointModel::SeatAtTheTable,
            function_holder: Some(FunctionHolder::NhsEngland),
            duties: &[(NHSE, true)],
            consequence: "NHS England keeps accountability and day-to-day responsibility for commissioning and for \
                          involving the public. NHS England's duty under section 13Q applies and its staff must \
                          complete the assessment and planning form. The CCG's duty under section 14Z2 does not apply",
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::JointDecisionMaking,
            function_holder: Some(FunctionHolder::NhsEngland),
            duties: &[(NHSE, true), (CCG, true)],
            consequence: "NHS England and the CCGs, acting through the joint committee, share day-to-day \
                          responsibility. Both NHS England's duty (section 13Q) and the CCGs' duty (section 14Z2) \
                          apply. NHS England staff must complete the assessment and planning form",
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::Delegated,
            function_holder: Some(FunctionHolder::NhsEngland),
            duties: &[(NHSE, false), (CCG, true)],
            consequence: "The CCG, through its primary care commissioning committee, has day-to-day responsibility. \
                          Both NHS England's duty (section 13Q) and the CCG's duty (section 14Z2) apply, but NHS \
                          England relies on the CCG to make the arrangements: NHS England staff do not need to \
                          complete the form or ask the CCG for one. The CCG should document its assessment and plan",
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::SeatAtTheTable,
            function_holder: Some(FunctionHolder::Ccg),
            duties: &[(CCG, true)],
            consequence: "The CCG keeps accountability and day-to-day responsibility, so the CCG's duty under \
                          section 14Z2 applies",
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::JointDecisionMaking,
            function_holder: Some(FunctionHolder::Ccg),
            duties: &[(CCG, true)],
            consequence: CCG_STAYS_LIABLE,
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::Delegated,
            function_holder: Some(FunctionHolder::Ccg),
            duties: &[(CCG, true)],
            consequence: CCG_STAYS_LIABLE,
            partners: None,
            assurance: None,
        },
    ],
    special_administrator: true,
    special_administrator_optional: false,
    urgent_safety_exemption: false,
    equality_engagement_obligation: true,
    text: &TEXT,
    provider_text: None,
    prompts: &[],
    wording: &[],
    extra_codes: &[],
    later_fields: &[],
};

const CCG_STAYS_LIABLE: &str = "The CCG stays legally responsible for its duty under section 14Z2 even though the \
                                work is delegated or done jointly. Whether {partners} also have a duty depends on \
                                what kind of body each is, so set up joint arrangements";

/// Every sentence of the 2017 walk, with its citation. Later rulesets start
/// from this and change what their guidance changed.
pub const TEXT: Texts = Texts {
    c_body: "Appendix A: Legal duties (NHS Act 2006 section 14Z2 for CCGs, section 13Q for NHS England)",
    c_joint: "Local variations in commissioning arrangements: co-commissioning table and overarching models",
    c_joint_principles: "Local variations in commissioning arrangements: Guiding principles for joint public \
                         involvement exercises",
    c_joint_formal: "Local variations in commissioning arrangements: Where formal arrangements are being or have \
                     been made for functions to be exercised by another body, exercised jointly or transferred",
    c_tsa: "NHS Act 2006 section 14Z2(7) and section 13Q(4) (Appendix A)",
    c_step1: "Action 5, Step 1: Does the activity relate to commissioning responsibilities?",
    c_step2: "Action 5, Step 2: What type of activity is it?",
    c_step3: "Action 5, Step 3: Would there be an impact on service delivery or the range of services? (section \
              14Z2(2)(b), (c) and (6); section 13Q(2)(b), (c) and (3))",
    c_form_note: "Appendix B, Step 2 (note after \"Does the legal duty apply to the activity in your opinion?\")",
    c_form_2c: "Appendix B, Step 2(c): Any other impact that you can envisage",
    c_planning: "Action 5, Planning and taking action",
    c_insight: "Action 5, Planning and taking action: Review existing insight and previous involvement activities; \
                Appendix B, Step 3",
    c_fair: "Action 5, Decide how to involve the public: Fair (the Gunning principles) and Proportionate",
    c_seldom: "Appendix B, Step 4; Action 8: Advance equality and reduce health inequalities",
    c_steps_3_5: "Appendix B, Steps 3, 4 and 5",
    c_comms_plan: "Action 5, When should public involvement take place?; Appendix C",
    c_feedback: "Action 6: Feed back and evaluate; Appendix B, Step 5(b)",
    c_record: "Action 5, Assessing the benefits of participation (decisions should be clearly documented); Appendix \
               B, Step 2 note",
    c_public_interest: "Action 5, Step 1 (significant public interest, a promise to consult, a precedent)",
    c_urgency: "Action 5, What if a decision needs to be taken urgently?",
    c_previous: "Action 5, Planning and taking action: Review existing insight and previous involvement activities \
                 (review questions and primary care example)",
    c_os: "Local authority overview and scrutiny; Examples of circumstances: Overview and scrutiny referral",
    c_equality: "Examples of circumstances: Equality; Action 8: Advance equality and reduce health inequalities",
    c_undetermined: "Action 5, A process for assessing whether the legal duty to involve applies",

    body_q: "Which organisation commissions the services this activity relates to?",
    body_missing: "Select who commissions the services, so the rules know whose legal duty to assess",
    body_not_covered: "The 2017 guidance covers clinical commissioning groups and NHS England only. Select one of \
                       them, or reassess under the 2022 guidance",
    joint_q: "Which joint or devolved arrangement is the function commissioned under, and whose function is it?",
    establish_joint: "Set up joint arrangements for involving the public with {partners}, so people are involved \
                      once, in one place, and not asked about the same plans by each organisation. Joint \
                      arrangements must meet all the legal requirements and good practice in the guidance",
    document_responsibility: "Write down which organisation has day-to-day responsibility for involving the \
                              public, for example in the joint committee's terms of reference, the delegation \
                              agreement or the transfer order",
    seek_assurance: "Seek assurance that the arrangements for involving the public are adequate. Apart from fully \
                     devolved commissioning, the organisation whose function it is stays legally responsible for \
                     the duty even when the work is delegated or done jointly",
    devolved_consequence: "The function has been transferred under the Cities and Local Government Devolution Act \
                           2016. This is the one exception to the rule that the commissioning organisation stays \
                           liable, so {whose} duty to involve under section 14Z2 or 13Q is not engaged for this \
                           function",
    whose_unknown: "the original commissioner's",
    check_transfer_order: "Check the transfer order to confirm which body now holds the function and its duty to \
                           involve the public, and agree with {partners} how the public will be involved",
    joint_missing: "Select the joint arrangement and whose function it is, so the rules know whose legal duty to \
                    assess",
    joint_answer_no_holder: "A joint arrangement: {model}; whose function it is not answered",
    joint_answer_no_model: "A joint arrangement; the model is not answered",
    joint_answer: "A joint arrangement: {model}; the function is {holder}'s",
    partners_default: "the other organisations involved",

    tsa_q: "Does the activity relate to matters in a trust special administrator's report or draft report, before \
            the Secretary of State has made a decision on it?",
    tsa_missing: "Select yes or no. The answer decides whether the duty is required at this stage",
    tsa_no: "The exception for trust special administrator matters does not apply. Go to step 1",
    tsa_box: "matter: s.14Z2(7), s.13Q(4)",
    tsa_yes: "The duty does not require arrangements to involve the public on these matters until the Secretary of \
              State is satisfied with the administrator's report or makes a decision on it",

    step1_q: "Does the activity relate to commissioning responsibilities?",
    step1_missing: "Select yes or no. For example, moving a podiatry service the CCG commissions does relate to \
                    commissioning; moving one of the CCG's offices does not",
    step1_yes: "Go to step 2",
    step1_no: "The legal duty to involve does not apply, but you should still judge whether some public involvement, \
               or staff or stakeholder engagement, would be beneficial",

    step2_q: "What type of commissioning activity is it: planning, proposals for change or operational decisions?",
    step2_none: "The duty applies only to planning, proposals for change and operational decisions, so the legal \
                 duty to involve does not apply",
    step2_missing: "Select the types of activity that apply, or select that none of them applies",
    step2_planning_only: "The duty always applies to planning of the commissioning arrangements (subsection \
                          (2)(a)), regardless of impact. Go directly to planning and taking action",
    step2_planning_and_more: "The duty applies to the planning (subsection (2)(a)), regardless of impact. For the \
                              other types, go to step 3",
    step2_others: "Go to step 3 to decide whether there would be an impact",
    activity_names: ["planning", "proposals for change", "operational decisions"],

    step3_q: "Would there be an impact on how services are delivered to patients, or on the range of health \
              services available?",
    step3_answer: "Impact on how services are delivered: {delivery}. Impact on the range of services: {range}",
    step3_impact: "There would be an impact, so the duty applies to the {names}: {limbs}. Go to planning and taking \
                   action",
    step3_no_impact_with_planning: "No impact, so the duty does not apply to the {names} (it still applies to the \
                                    planning)",
    step3_no_impact: "No impact, so the legal duty to involve does not apply. You should still judge whether some \
                      public involvement would be beneficial",
    step3_unknown_with_planning: "Not yet known whether the duty also applies to the {names}. The duty applies to \
                                  the planning in any case",
    answer_step_3: "Answer the step 3 questions on impact, to find out whether the duty also applies to the \
                    {names}: {limbs}",
    step3_missing: "Select yes or no for both questions. The duty applies to proposals for change and operational \
                    decisions only if there would be an impact",
    patient_q: "Which matters, seen from the patient's perspective, could be affected?",
    patient_consequence: "You said {listed} could be affected but that there would be no impact on delivery or \
                          range. The guidance says impact should be considered from the perspective of patients, so \
                          check your step 3 answers",
    reconsider_patient_impact: "Reconsider the impact from the patient's perspective: a change to {listed} can be \
                                an impact on how services are delivered to patients, even where the clinical service \
                                itself is unchanged",
    other_impact_q: "Is there any other impact that you can envisage at this point in time?",
    other_impact_consequence: "You described another impact but answered No to both impact questions. The form \
                               says that with any impact it is highly likely that the legal duty applies",
    check_other_impact: "Check whether the other impact you described is in fact an impact on how services are \
                         delivered or on the range of services. If you have answered yes to any impact, it is \
                         highly likely that the legal duty to involve the public applies",

    answer_missing: "Answer the questions listed as missing to find out whether the legal duty to involve the \
                     public applies",
    reassess_after_tsa: "Assess the duty again once the Secretary of State is satisfied with the trust special \
                         administrator's report or makes a decision on it. From then on the duty to involve applies \
                         in the usual way",
    complete_steps_if_not_applies: "Complete steps 3, 4 and 5 of the assessment and planning form even though the \
                                    legal duty does not apply",
    beneficial_who_not_commissioning: "some form of public involvement, or staff or stakeholder engagement,",
    beneficial_who: "some form of public involvement",
    consider_beneficial: "Consider and make a judgement about whether {who} would be beneficial",
    consider_beneficial_because: "Consider and make a judgement about whether {who} would be beneficial. This is \
                                  particularly important here because {because}",
    review_insight: "Review existing arrangements, insight and previous involvement first (for example surveys, \
                     Healthwatch reports, CQC reviews, complaints, staff feedback and earlier involvement \
                     exercises), and record them in step 3 of the form",
    fair_and_proportionate: "Decide how to involve the public in a way that is fair (the Gunning principles: \
                             involve people while the proposal is still at a formative stage, give enough \
                             information and time, and take the responses into account) and proportionate to the \
                             extent of the change and the number of people affected",
    seldom_heard: "Plan how you will involve 'seldom heard' groups, people with any of the nine protected \
                   characteristics under the Equality Act 2010, and people experiencing health inequalities",
    complete_steps: "Complete steps 3, 4 and 5 of the assessment and planning form: existing arrangements and \
                     insight, any additional involvement, and how you will use the results and report back",
    comms_plan: "Develop a communications and engagement plan (appendix C) setting out objectives, methods and \
                 timescales. This is good practice",
    feed_back: "Feed back to the people involved how their views were considered and what difference they made, and \
                explain the reasons if a proposal they supported is not taken forward",
    keep_record: "Keep a copy of the completed form as a record of your decision making. Completed forms may be used \
                  as evidence in the event of a legal challenge",

    public_interest_q: "Is there likely to be significant public interest, has a promise to consult been made, or \
                        has a precedent been set?",
    public_interest_not_applies: "Involvement is particularly important here, even though the legal duty does not \
                                  apply",
    public_interest_applies: "Take this into account when deciding what level of involvement is proportionate",
    public_interest_other: "Involvement is particularly important here; take this into account once the duty is \
                            decided",
    urgency_q: "Does a decision need to be taken urgently?",
    urgency_grounds: [
        "the lack of time was genuinely caused by an urgent development",
        "there is a genuine risk to the health, safety or welfare of patients or staff",
    ],
    urgency_answer: "Yes, because {why}",
    urgency_consequence: "The duty still applies. Urgency can justify limited (or no) involvement, for example \
                          telling patients by letter, only on this ground",
    urgency_record: "Record why",
    urgency_recorded: "Keep with the form your record of why",
    urgency_justification: "{recorded} the urgency justifies limited involvement, weighing the duty against \
                            continuity of care and the health, safety or welfare of patients or staff",
    urgency_no_ground_answer: "Yes, with no ground given",
    urgency_no_ground: "The duty still applies, and without a genuine ground urgency does not justify limited \
                        involvement",
    urgency_not_justified: "Carry out a fair and proportionate involvement exercise. Urgency can only justify \
                            limited involvement when the lack of time was genuinely caused by an urgent development \
                            or there is a genuine risk to the health, safety or welfare of patients or staff. It \
                            does not allow involvement to be left until the last moment",
    previous_q: "Is there a previous public involvement exercise relevant to this activity?",
    previous_no: "There is no earlier exercise to rely on; plan involvement for this activity",
    previous_against: "The earlier involvement cannot be relied on alone because {list}",
    consider_previous: "Consider the findings of the previous involvement exercise",
    new_involvement: "Undertake new involvement to understand the needs and views of the people affected now, \
                      because {list}",
    previous_fits: "The earlier involvement covered the same proposal, is still relevant and nothing significant \
                    has changed, so you may rely on it",
    document_reliance: "Record why the previous involvement is enough: when it took place, who was involved and why \
                        it still reflects the proposal and the people affected",
    previous_unknown: "Not yet known whether the earlier involvement can be relied on",
    answer_review: "Answer the review questions about the previous involvement: {list}",
    os_q: "Is this a proposal for a substantial development or variation of the health service in the area?",
    os_contradiction: "The local authority must be consulted. The threshold for this is higher than the threshold \
                       for the duty to involve the public, so a substantial variation usually also engages the \
                       duty to involve: check your answers to steps 1 to 3",
    os_consequence: "The local authority must be consulted. This is a separate duty from the duty to involve the \
                     public, and both frequently apply",
    consult_local_authority: "Consult the local authority (its health overview and scrutiny committee) on the \
                              proposal for a substantial development or variation of the health service. This is \
                              in addition to involving the public",
    recheck_impact: "Check your answers on the type of activity and its impact. A change substantial enough for \
                     overview and scrutiny is very likely to affect how services are delivered or the range of \
                     services",
    equality_q: "Does an equality impact analysis indicate the need for engagement?",
    equality_consequence: "Engage the groups the analysis identified, whether or not the duty to involve applies",
    engage_equality_groups: "Engage the groups your equality and health inequalities analysis identified, for \
                             example where there is a lack of evidence about them, so you can have due regard to \
                             their needs",

    // Not used by this ruleset (no urgent safety exemption, no implied function holder).
    c_urgent_safety: "",
    c_inform: "",
    outcome_applies_urgent: "",
    urgency_safety_consequence: "",
    os_urgent_safety: "",
    notify_la_of_urgent_decision: "",
    tell_people_affected_now: "",
    fair_after_urgent_decision: "",
    involve_in_what_happens_next: "",
    review_urgent_decision: "",
    check_whose_function: "",
    delegate_partners: "",
    give_assurance: "",

    outcome_q: "Does the legal duty to involve the public apply?",
    outcome_duty: "{holder} under {section} of the NHS Act 2006, for {limbs}",
    outcome_applies: "The duty to involve is engaged for {parts}. Plan and take action to involve the public",
    why_devolved: "the function has been fully devolved",
    why_not_commissioning: "the activity does not relate to commissioning responsibilities",
    why_no_activity: "the activity is not planning, a proposal for change or an operational decision",
    why_no_impact: "there would be no impact on how services are delivered or the range of services",
    outcome_does_not_apply: "The legal duty does not apply because {why}. Keep the form as a record and consider \
                             whether involvement would still be beneficial",
    outcome_not_yet: "Involvement under the duty is not required until the Secretary of State has acted on the \
                      trust special administrator's report",
};
