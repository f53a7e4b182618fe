//! Ruleset `nhse-2022`: the duty to involve since 1 July 2022, when
//! integrated care boards replaced clinical commissioning groups, with NHS
//! England's statutory guidance *Working in partnership with people and
//! communities* (2022), statutory for ICBs, NHS trusts and NHS foundation
//! trusts and adopted as policy by NHS England.
//!
//! Data only: the walk is [`super::walk`]. What differs from `nhse-2017`:
//!
//! * **Organisations.** An integrated care board under NHS Act 2006
//!   s.14Z45(2) (individuals to whom the services are being or may be
//!   provided, and their carers and representatives); an NHS trust or NHS
//!   foundation trust under s.242(1B), as respects health services for which it
//!   is responsible, with (1C) and (1D) limiting limbs (b) and (c) to
//!   proposals and decisions with an impact; NHS England under s.13Q.
//! * **Joint working** under s.65Z5 and s.65Z6: NHS England's functions
//!   delegated to an ICB, joint committees, and ICB functions carried out by a
//!   lead provider or provider collaborative. The organisation whose function
//!   it is remains accountable for it.
//! * **No trust special administrator exception.** No source confirmed one in
//!   s.14Z45, s.13Q or s.242 as they now stand, so it is not encoded.
//! * **Overview and scrutiny** (s.244, regulation 23 of the 2013 health
//!   scrutiny regulations) and, since 31 January 2024, the duty of NHS England
//!   and ICBs to notify the Secretary of State of a notifiable reconfiguration
//!   (Schedule 10A, paragraph 2), which the Secretary of State may call in.
//! * **Inequalities**: the ICB's duty to have regard to reducing inequalities
//!   (s.14Z35), beside the public sector equality duty (Equality Act 2010
//!   s.149).
//! * **The 10 principles** of the 2022 guidance, as "should consider" prompts
//!   where they fit (principles 1, 2, 4, 5 and 6).
//!
//! Urgency, public interest and the review of previous involvement keep the
//! 2017 guidance's tests, cited as carried over: no passage of the 2022
//! guidance on them was confirmed.

use super::law::{
    Audience, BodyRule, JointRule, Law, ModelRule, Part, Prompt, Texts, When, Wording,
};
use super::nhse2017;
use super::DutyHolder::{Icb as ICB, NhsEngland as NHSE, NhsTrust as TRUST};
use crate::model::{Body, FunctionHolder, JointModel, RulesetId};

pub const ID: &str = "nhse-2022";

/// Action codes only this ruleset produces.
pub mod codes {
    pub const NOTIFY_RECONFIGURATION: &str = "notify_reconfiguration";
    pub const TELL_COMMISSIONER_OF_RECONFIGURATION: &str = "tell_commissioner_of_reconfiguration";
    pub const HAVE_REGARD_TO_INEQUALITIES: &str = "have_regard_to_inequalities";
    pub const VOICES_AT_THE_CENTRE: &str = "put_voices_at_the_centre";
    pub const START_EARLY: &str = "start_early_and_feed_back";
    pub const REACH_EXCLUDED_GROUPS: &str = "build_relationships_with_excluded_groups";
    pub const WORK_WITH_HEALTHWATCH_AND_VCSE: &str = "work_with_healthwatch_and_vcse";
    pub const CLEAR_PUBLIC_INFORMATION: &str = "provide_clear_public_information";
    pub const HAVE_DUE_REGARD_TO_EQUALITY: &str = "have_due_regard_to_equality";
    pub const TELL_COMMISSIONER_OF_URGENT_DECISION: &str = "tell_commissioner_of_urgent_decision";
    pub const HAVE_REGARD_TO_INEQUALITIES_NHS_ENGLAND: &str =
        "have_regard_to_inequalities_nhs_england";
    pub use crate::rules::walk::codes::{
        CHECK_WHOSE_FUNCTION, INVOLVE_IN_WHAT_HAPPENS_NEXT,
        NOTIFY_LOCAL_AUTHORITY_OF_URGENT_DECISION, REVIEW_URGENT_DECISION,
        TELL_PEOPLE_AFFECTED_NOW,
    };

    pub const ALL: &[&str] = &[
        NOTIFY_RECONFIGURATION,
        TELL_COMMISSIONER_OF_RECONFIGURATION,
        HAVE_REGARD_TO_INEQUALITIES,
        VOICES_AT_THE_CENTRE,
        START_EARLY,
        REACH_EXCLUDED_GROUPS,
        WORK_WITH_HEALTHWATCH_AND_VCSE,
        CLEAR_PUBLIC_INFORMATION,
        HAVE_DUE_REGARD_TO_EQUALITY,
        TELL_COMMISSIONER_OF_URGENT_DECISION,
        HAVE_REGARD_TO_INEQUALITIES_NHS_ENGLAND,
        NOTIFY_LOCAL_AUTHORITY_OF_URGENT_DECISION,
        TELL_PEOPLE_AFFECTED_NOW,
        INVOLVE_IN_WHAT_HAPPENS_NEXT,
        REVIEW_URGENT_DECISION,
        CHECK_WHOSE_FUNCTION,
    ];
}

use codes::*;

const GUIDANCE: &str =
    "Working in partnership with people and communities: statutory guidance (NHS England, 2022)";
const C_SCHEDULE_10A: &str = "NHS Act 2006 Schedule 10A, paragraphs 1 to 3 (in force 31 January 2024); \
                              statutory guidance \"Reconfiguring NHS services: ministerial intervention powers\"";
const C_14Z35: &str = "NHS Act 2006 section 14Z35 (integrated care boards: reducing inequalities)";
const C_13G: &str = "NHS Act 2006 section 13G (NHS England: reducing inequalities)";
const C_149: &str =
    "Equality Act 2010 section 149(1) (the public sector equality duty: due regard)";
const C_REG_23: &str =
    "Regulation 23(2) and (3) of the Local Authority (Public Health, Health and Wellbeing Boards \
                        and Health Scrutiny) Regulations 2013 (SI 2013/218)";

/// The `nhse-2022` ruleset.
pub static LAW: Law = Law {
    id: RulesetId::Nhse2022,
    title: "NHS England statutory guidance 2022, Working in partnership with people and communities (ICBs, NHS \
            trusts and NHS England)",
    short: "2022 guidance (ICBs, NHS trusts and NHS England)",
    bodies: &[
        BodyRule {
            body: Body::Icb,
            answer: "An integrated care board (ICB) acting alone",
            consequence: "The ICB's duty to involve under section 14Z45(2) of the NHS Act 2006 is the one to assess. \
                          It covers the people to whom the services are being or may be provided, and their carers \
                          and representatives",
            holder: (ICB, true),
            provider: false,
        },
        BodyRule {
            body: Body::NhsTrust,
            answer: "An NHS trust or NHS foundation trust acting alone",
            consequence: "The trust's duty to involve under section 242(1B) of the NHS Act 2006 is the one to \
                          assess, for the health services it is responsible for. It covers the users of those \
                          services, directly or through representatives",
            holder: (TRUST, true),
            provider: true,
        },
        BodyRule {
            body: Body::NhsEngland,
            answer: "NHS England acting alone",
            consequence: "NHS England's duty to involve under section 13Q of the NHS Act 2006 is the one to assess. \
                          It covers the services provided under arrangements NHS England makes in the exercise of \
                          its functions (its commissioning arrangements, section 13Q(1)), and the people to whom \
                          those services are being or may be provided, and their carers and representatives \
                          (section 13Q(2), as amended by section 10 of the Health and Care Act 2022)",
            holder: (NHSE, true),
            provider: false,
        },
    ],
    joint_models: &[
        ModelRule {
            model: JointModel::DelegatedToIcb,
            name: "NHS England functions delegated to an integrated care board (section 65Z5)",
            devolved: false,
            implied_holder: Some(FunctionHolder::NhsEngland),
            other_holders_keep_duties: false,
            provider_duty_too: false,
        },
        ModelRule {
            model: JointModel::JointCommittee,
            name: "functions exercised jointly through a joint committee (sections 65Z5 and 65Z6)",
            devolved: false,
            implied_holder: None,
            other_holders_keep_duties: true,
            provider_duty_too: false,
        },
        ModelRule {
            model: JointModel::LeadProvider,
            name: "an integrated care board's functions carried out by a lead provider or provider collaborative",
            devolved: false,
            implied_holder: Some(FunctionHolder::Icb),
            other_holders_keep_duties: false,
            provider_duty_too: true,
        },
    ],
    joint: &[
        JointRule {
            model: JointModel::DelegatedToIcb,
            function_holder: Some(FunctionHolder::NhsEngland),
            // NHS England's duty, but the ICB completes the form: NHS England
            // does not complete one itself.
            duties: &[(NHSE, false)],
            consequence: "NHS England's duty under section 13Q applies to the delegated function. The integrated care \
                          board carries out the function under the delegation agreement, and with it the work of \
                          involving the public, so the ICB completes the assessment and planning form. NHS England \
                          remains accountable for the function",
            partners: Some("NHS England, which delegated the function and remains accountable for it"),
            assurance: Some(
                "Give NHS England the assurance the delegation agreement asks for about how you involved the \
                 public, and keep this form with the record of the decision. NHS England remains accountable for \
                 the function",
            ),
        },
        JointRule {
            model: JointModel::JointCommittee,
            function_holder: Some(FunctionHolder::Icb),
            duties: &[(ICB, true)],
            consequence: JOINT_COMMITTEE,
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::JointCommittee,
            function_holder: Some(FunctionHolder::NhsEngland),
            duties: &[(NHSE, true)],
            consequence: JOINT_COMMITTEE,
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::JointCommittee,
            function_holder: Some(FunctionHolder::NhsTrust),
            duties: &[(TRUST, true)],
            consequence: JOINT_COMMITTEE,
            partners: None,
            assurance: None,
        },
        JointRule {
            model: JointModel::LeadProvider,
            function_holder: Some(FunctionHolder::Icb),
            duties: &[(ICB, true)],
            consequence: "The ICB's duty under section 14Z45 applies: the ICB has arranged for {partners} to carry \
                          out its function, but the function and the duty to involve remain the ICB's, and the ICB \
                          remains accountable for them. Agree in writing who involves the public, and how the ICB \
                          will be assured it is done",
            partners: None,
            assurance: None,
        },
    ],
    special_administrator: true,
    special_administrator_optional: true,
    urgent_safety_exemption: true,
    equality_engagement_obligation: false,
    text: &TEXT,
    provider_text: Some(&PROVIDER_TEXT),
    prompts: &[
        Prompt {
            when: When::ConsultationRequired,
            holders: &[ICB, NHSE],
            code: NOTIFY_RECONFIGURATION,
            obligation: true,
            citation: C_SCHEDULE_10A,
            text: "Notify the Secretary of State of the proposed reconfiguration. Since 31 January 2024 a \
                   reconfiguration on which regulation 23 requires the local authority to be consulted is \
                   notifiable, and the Secretary of State may call it in and take the decision. Take into \
                   consideration any call-in direction you are given (regulation 23(5A))",
        },
        Prompt {
            when: When::UrgentSafetyChange,
            holders: &[TRUST],
            code: TELL_COMMISSIONER_OF_URGENT_DECISION,
            obligation: false,
            citation: "NHS Act 2006 Schedule 10A, paragraphs 1 and 2 (the commissioner, not the trust, deals with the \
                       Secretary of State); regulation 23(2) and (3) of SI 2013/218",
            text: "Tell the integrated care board or NHS England that arranges the service at once of the decision \
                   and why it could not wait, as you tell the local authority",
        },
        Prompt {
            when: When::ConsultationRequired,
            holders: &[TRUST],
            code: TELL_COMMISSIONER_OF_RECONFIGURATION,
            obligation: false,
            citation: "NHS Act 2006 Schedule 10A, paragraphs 1 and 2 (only NHS England and integrated care boards \
                       notify reconfigurations)",
            text: "Tell the integrated care board or NHS England that commissions the service about the proposal \
                   early. If it is a notifiable reconfiguration, the commissioner must notify the Secretary of State",
        },
        Prompt {
            when: When::Decided,
            holders: &[ICB],
            code: HAVE_REGARD_TO_INEQUALITIES,
            obligation: true,
            citation: C_14Z35,
            text: "Have regard to the need to reduce inequalities between people in their access to health services \
                   and in the outcomes they achieve, and record how you did",
        },
        Prompt {
            when: When::Decided,
            holders: &[NHSE],
            code: HAVE_REGARD_TO_INEQUALITIES_NHS_ENGLAND,
            obligation: true,
            citation: C_13G,
            text: "Have regard to the need to reduce inequalities between patients in their ability to access health \
                   services and in the outcomes achieved for them, and record how you did. The duty is NHS \
                   England's, including where an integrated care board exercises the function for it",
        },
        Prompt {
            when: When::Decided,
            holders: &[],
            code: HAVE_DUE_REGARD_TO_EQUALITY,
            obligation: true,
            citation: C_149,
            text: "Have due regard to the need to eliminate unlawful discrimination, advance equality of opportunity \
                   and foster good relations between people who share a protected characteristic and people who do \
                   not, and record how you did. This applies whether or not the duty to involve does",
        },
        Prompt {
            when: When::Applies,
            holders: &[],
            code: VOICES_AT_THE_CENTRE,
            obligation: false,
            citation: "Working in partnership with people and communities (2022), principle 1",
            text: "Consider how the voices of the people and communities affected will reach the board or \
                   committee that makes the decision",
        },
        Prompt {
            when: When::AppliesNotUrgent,
            holders: &[],
            code: START_EARLY,
            obligation: false,
            citation: "Working in partnership with people and communities (2022), principle 2",
            text: "Consider starting engagement early, while the plans are still being developed, and feeding back \
                   to people and communities how it influenced the activity and the decision",
        },
        Prompt {
            when: When::Applies,
            holders: &[],
            code: REACH_EXCLUDED_GROUPS,
            obligation: false,
            citation: "Working in partnership with people and communities (2022), principle 4",
            text: "Consider how you will build relationships with excluded groups, especially those affected by \
                   inequalities, and name them among the target audiences of the plan",
        },
        Prompt {
            when: When::Applies,
            holders: &[],
            code: WORK_WITH_HEALTHWATCH_AND_VCSE,
            obligation: false,
            citation: "Working in partnership with people and communities (2022), principle 5",
            text: "Consider working with Healthwatch and the voluntary, community and social enterprise (VCSE) \
                   sector as key partners, and name them among the partners of the plan",
        },
        Prompt {
            when: When::Applies,
            holders: &[],
            code: CLEAR_PUBLIC_INFORMATION,
            obligation: false,
            citation: "Working in partnership with people and communities (2022), principle 6",
            text: "Consider how you will give clear and accessible public information about the plans and how they \
                   are progressing",
        },
    ],
    wording: WORDING,
    extra_codes: codes::ALL,
    later_fields: &[
        "screening.respondent",
        "screening.joint_other_holders",
        "screening.lead_provider_trust",
        "b.equality.",
        "b.scrutiny.",
        "c.principles.",
    ],
};

const JOINT_COMMITTEE: &str = "The function is exercised jointly through the joint committee. Its holder's duty to \
                               involve applies and it remains accountable for the function; each of {partners} \
                               keeps its own duty for its own functions. Agree one joint approach to involving the \
                               public";

/// The 2022 walk for commissioners (ICBs and NHS England): the 2017 walk's
/// sentences with 2022's law, organisations and citations.
pub const TEXT: Texts = Texts {
    c_body: "NHS Act 2006 section 14Z45(2) (integrated care boards), section 242(1B) (NHS trusts and NHS foundation \
             trusts) and section 13Q (NHS England)",
    c_joint: "NHS Act 2006 sections 65Z5 and 65Z6 (joint working and delegation of functions)",
    c_joint_principles: "NHS Act 2006 sections 65Z5 and 65Z6 (joint working and delegation of functions)",
    c_joint_formal: "NHS England, Arrangements for delegation and joint exercise of statutory functions (statutory \
                     guidance under section 65Z7 of the NHS Act 2006)",
    c_step1: "NHS Act 2006 section 14Z45(2) and section 13Q(2): the commissioning arrangements (the three-step test \
              carried over from the 2017 guidance, Action 5, step 1)",
    c_step2: "NHS Act 2006 section 14Z45(2)(a) to (c) and section 13Q(2)(a) to (c): planning, proposals for change \
              and decisions",
    c_step3: "NHS Act 2006 section 14Z45(2)(b) and (c) and section 13Q(2)(b) and (c): an impact on the manner in \
              which the services are delivered (at the point when they are received) or on the range of health \
              services available",
    c_form_note: "The 2022 guidance prescribes no form: this assessment and planning form (based on the 2017 \
                  guidance's Appendix B) is the record of how the duty was assessed",
    c_form_2c: "Assessment and planning form, step 2(c): any other impact that you can envisage",
    c_planning: GUIDANCE,
    c_insight: "Working in partnership with people and communities (2022), principle 3 (understand the community's \
                needs, experience and aspirations); assessment and planning form, step 3",
    c_fair: "The Gunning principles of fair consultation (R v Brent London Borough Council, ex parte Gunning, 1985; \
             R (Moseley) v Haringey London Borough Council, 2014), and proportionality",
    c_seldom: "Working in partnership with people and communities (2022), principle 4; Equality Act 2010 section 149",
    c_steps_3_5: "Assessment and planning form, steps 3, 4 and 5",
    c_comms_plan: "Working in partnership with people and communities (2022), principle 6; communications and \
                   engagement plan (based on the 2017 guidance's Appendix C)",
    c_feedback: "Working in partnership with people and communities (2022), principle 2 (feed back how engagement \
                 influenced activities and decisions); assessment and planning form, step 5(b)",
    c_record: "Keep a record that shows how the duty was assessed and met: the 2022 guidance prescribes no form, and \
               this form is that record",
    c_public_interest: "Carried over from the 2017 guidance (Action 5, step 1): significant public interest, a \
                        promise to consult, a precedent",
    c_urgency: "Carried over from the 2017 guidance (\"What if a decision needs to be taken urgently?\"): urgency \
                never justifies leaving involvement to the last moment",
    c_previous: "Carried over from the 2017 guidance (review existing insight and previous involvement activities)",
    c_tsa: "NHS Act 2006 section 14Z45(7) (integrated care boards) and section 13Q(4) (NHS England)",
    tsa_box: "matter: s.14Z45(7), s.13Q(4)",
    c_os: "NHS Act 2006 section 244; regulation 23 of the Local Authority (Public Health, Health and Wellbeing \
           Boards and Health Scrutiny) Regulations 2013",
    c_equality: "Equality Act 2010 section 149 (the public sector equality duty)",
    equality_consequence: "Have due regard to the needs of the groups the analysis identified, whether or not the \
                           duty to involve applies. Engaging them is often how to find out what those needs are",
    engage_equality_groups: "Consider engaging the groups your equality and health inequalities analysis \
                             identified, for example where evidence about them is lacking, so that you can have due \
                             regard to their needs",

    c_urgent_safety: C_REG_23,
    c_inform: "NHS Act 2006 section 14Z45(2), section 242(1B) and section 13Q(2): people are involved \"whether by \
               being consulted or provided with information or in other ways\"",
    outcome_applies_urgent: "The duty to involve is engaged for {parts}. The decision is urgent on safety grounds: \
                             tell the people affected and the local authority now, then involve people in what \
                             happens next",
    urgency_safety_consequence: "The duty still applies, but the decision cannot wait. Act now: tell the people \
                                 affected and, for a substantial change, the local authority at once. Then involve \
                                 people in what happens next, and review the decision",
    os_urgent_safety: "A decision has to be taken without allowing time for consultation because of a risk to the \
                       safety or welfare of patients or staff, so the local authority need not be consulted first \
                       (regulation 23(2)). It must be told at once of the decision and of why it was not consulted \
                       (regulation 23(3)). Because regulation 23 does not require consultation, the change is not a \
                       notifiable reconfiguration under Schedule 10A",
    notify_la_of_urgent_decision: "Tell the local authority (its health overview and scrutiny committee) at once of \
                                   the decision taken and of why it was not consulted",
    tell_people_affected_now: "Tell the patients, carers and families affected now what is changing, why, from \
                               when, and where to get care meanwhile",
    fair_after_urgent_decision: "Decide what involvement is fair and proportionate now that the decision could not \
                                 wait: what people are told, and how their views will shape what happens next",
    involve_in_what_happens_next: "Involve people in what happens next, such as how the service runs while the \
                                   change lasts and any longer-term proposal, while that is still at a formative \
                                   stage",
    review_urgent_decision: "Review the urgent decision once the risk has been dealt with, and record whether it \
                             should stand and what people told you",
    delegate_partners: "{holder}, whose function it is and which remains accountable for it",
    give_assurance: "Give {holder} the assurance it asks for about how you involved the public, and keep this form \
                     with the record of the decision, since {holder} remains accountable for the function",
    check_whose_function: "Whose function is it: you answered {answered}, but under this kind of joint working the \
                           function is {implied}'s, so the rules use that. Check the answer: if your organisation \
                           carries out the function, it is still {implied}'s",

    c_undetermined: "The three-step test for the duty to involve (NHS Act 2006 section 14Z45, section 242(1B) or \
                     section 13Q)",

    body_q: "Whose activity is this?",
    body_missing: "Select whose activity this is, so the rules know whose legal duty to assess",
    body_not_covered: "The 2022 guidance covers integrated care boards, NHS trusts and NHS foundation trusts, and \
                       NHS England. Select one of them",
    joint_q: "Which kind of joint working is it, and whose function is it?",
    establish_joint: "Agree with {partners} one joint approach to involving the public, so people are involved once, \
                      in one place, and not asked about the same plans by each organisation",
    document_responsibility: "Write down which organisation involves the public day to day, for example in the \
                              delegation agreement, the joint committee's terms of reference or the lead provider's \
                              contract",
    seek_assurance: "Seek assurance that the arrangements for involving the public are adequate. The organisation \
                     whose function it is remains accountable for it, even when another body carries out the work",
    joint_missing: "Select the kind of joint working and whose function it is, so the rules know whose legal duty \
                    to assess",
    joint_answer_no_holder: "Joint working: {model}; whose function it is not answered",
    joint_answer_no_model: "Joint working; the kind is not answered",
    joint_answer: "Joint working: {model}; the function is {holder}'s",

    step1_missing: "Select yes or no. For example, moving a podiatry service the ICB commissions does relate to \
                    commissioning; moving one of the ICB's offices does not",

    ..nhse2017::TEXT
};

/// What differs for an NHS trust or NHS foundation trust: s.242(1B) asks
/// about the health services it is responsible for, and its limbs speak of
/// provision, not commissioning.
pub const PROVIDER_TEXT: Texts = Texts {
    c_step1: "NHS Act 2006 section 242(1B): health services for which the trust is responsible",
    c_step2: "NHS Act 2006 section 242(1B)(a) to (c): planning of the provision of services, proposals for changes \
              in the way they are provided, and decisions affecting their operation",
    c_step3: "NHS Act 2006 section 242(1C), (1D) and (1E): an impact on the manner in which the services are \
              delivered to users (at the point of receipt) or on the range of health services available to them",
    c_undetermined: "The three-step test for the duty to involve (NHS Act 2006 section 242(1B))",

    step1_q: "Does the activity relate to health services the trust is responsible for?",
    step1_missing: "Select yes or no. For example, moving an outpatient clinic the trust runs does relate to the \
                    services it is responsible for; moving one of the trust's offices does not",
    step2_q: "What type of activity is it: planning, proposals for change or operational decisions?",
    step2_planning_only: "The duty always applies to planning of the provision of the services (section \
                          242(1B)(a)), regardless of impact. Go directly to planning and taking action",
    step2_planning_and_more: "The duty applies to the planning (section 242(1B)(a)), regardless of impact. For the \
                              other types, go to step 3",
    step3_missing: "Select yes or no for both questions. The duty applies to proposals for change and decisions \
                    only if there would be an impact (section 242(1C) and (1D))",
    why_not_commissioning: "the activity does not relate to health services the trust is responsible for",
    outcome_duty: "{holder} under {section} of the NHS Act 2006, for {limbs}",

    ..TEXT
};

const BODY_OPTIONS: &[(&str, &str)] = &[
    ("icb", "An integrated care board (ICB)"),
    ("nhs_trust", "An NHS trust or NHS foundation trust"),
    ("nhs_england", "NHS England"),
    (
        "joint",
        "Joint working: a delegation, a joint committee or a lead provider",
    ),
    ("ccg", "A clinical commissioning group (before July 2022)"),
];

const JOINT_MODEL_OPTIONS: &[(&str, &str)] = &[
    ("delegated_to_icb", "NHS England functions delegated to an integrated care board"),
    ("joint_committee", "A joint committee"),
    ("lead_provider", "An integrated care board's functions carried out by a lead provider or provider collaborative"),
];

const FUNCTION_HOLDER_OPTIONS: &[(&str, &str)] = &[
    ("icb", "An integrated care board (ICB)"),
    ("nhs_trust", "An NHS trust or NHS foundation trust"),
    ("nhs_england", "NHS England"),
];

const PROVIDER_ACTIVITIES: &[(&str, &str)] = &[
    ("planning", "Planning of the provision of services"),
    (
        "proposals",
        "Developing or considering proposals for changes in the way services are provided",
    ),
    (
        "operational",
        "Decisions that affect the operation of services",
    ),
];

use Audience::{Commissioner, Everyone, Provider};
use Part::*;

const fn w(id: &'static str, audience: Audience, part: Part) -> Wording {
    Wording { id, audience, part }
}

/// The form's wording under the 2022 law, where it differs from the 2017
/// catalogue's.
const WORDING: &[Wording] = &[
    w(
        "screening",
        Everyone,
        Description(
            "Answer the three-step test and the special circumstances, to find out whether the legal duty to \
             involve the public applies.",
        ),
    ),
    w(
        "b-step-2",
        Commissioner,
        Description(
            "Say whether, in your opinion, the legal duty applies and why. The duty always applies to planning of \
             the commissioning arrangements, regardless of impact.",
        ),
    ),
    w(
        "b-step-2",
        Provider,
        Description(
            "Say whether, in your opinion, the legal duty applies and why. The duty always applies to planning of \
             the provision of services, regardless of impact.",
        ),
    ),
    w("screening.body", Everyone, Heading("Whose duty it is")),
    w("screening.body", Everyone, Label("Whose activity is this?")),
    w(
        "screening.body",
        Everyone,
        Hint(
            "Since 1 July 2022 the duty to involve the public is placed on integrated care boards by section 14Z45, \
             on NHS trusts and NHS foundation trusts by section 242(1B), and on NHS England by section 13Q of the \
             NHS Act 2006.",
        ),
    ),
    w("screening.body", Everyone, Options(BODY_OPTIONS)),
    w("screening.body", Everyone, Missing("Select whose activity this is")),
    w("screening.body", Everyone, OptionHint("icb", "Section 14Z45 of the NHS Act 2006")),
    w(
        "screening.body",
        Everyone,
        OptionHint("nhs_trust", "Section 242(1B) of the NHS Act 2006, for the health services the trust is responsible for"),
    ),
    w(
        "screening.body",
        Everyone,
        OptionHint(
            "nhs_england",
            "Section 13Q of the NHS Act 2006, for the arrangements NHS England makes for services in the exercise of its functions",
        ),
    ),
    w(
        "screening.body",
        Everyone,
        OptionHint(
            "joint",
            "For example, primary care, dental, pharmacy, optometry or specialised services delegated by NHS \
             England to an ICB, a joint committee, or a lead provider or provider collaborative",
        ),
    ),
    w(
        "screening.body",
        Everyone,
        OptionHint(
            "ccg",
            "Historical: for a record of a decision made before 1 July 2022, when clinical commissioning groups \
             were abolished. The assessment then follows the 2017 guidance",
        ),
    ),
    w("screening.joint_model", Everyone, Label("Which kind of joint working is it?")),
    w(
        "screening.joint_model",
        Everyone,
        Hint("NHS England, integrated care boards and NHS trusts can delegate functions to each other or exercise them jointly (section 65Z5 of the NHS Act 2006)."),
    ),
    w("screening.joint_model", Everyone, Options(JOINT_MODEL_OPTIONS)),
    w("screening.joint_model", Everyone, Missing("Select which kind of joint working it is")),
    w(
        "screening.joint_model",
        Everyone,
        OptionHint(
            "delegated_to_icb",
            "For example, primary medical, dental, pharmaceutical, ophthalmic or specialised services. NHS England \
             remains accountable for the function",
        ),
    ),
    w(
        "screening.joint_model",
        Everyone,
        OptionHint("joint_committee", "Two or more bodies take decisions on their functions together (sections 65Z5 and 65Z6)"),
    ),
    w(
        "screening.joint_model",
        Everyone,
        OptionHint("lead_provider", "The ICB remains accountable for the function and its duty to involve"),
    ),
    w("screening.function_holder", Everyone, Label("Whose function is it?")),
    w(
        "screening.function_holder",
        Everyone,
        Hint("The organisation whose function it is remains accountable for it, even when another body carries out the work."),
    ),
    w("screening.function_holder", Everyone, Options(FUNCTION_HOLDER_OPTIONS)),
    w("screening.function_holder", Everyone, Missing("Select whose function it is")),
    w("screening.partner_bodies", Everyone, Label("Which organisations carry out the work or take part?")),
    w(
        "screening.partner_bodies",
        Everyone,
        Hint("For example, the ICB carrying out a delegated function, the lead provider or the members of the provider collaborative, or the other members of the joint committee."),
    ),
    w("screening.partner_bodies", Everyone, Missing("Enter the organisations that carry out the work or take part")),
    w(
        "screening.relates_to_commissioning",
        Commissioner,
        Hint("For example, a decision about the relocation of a podiatry service commissioned by the ICB does. A decision about the relocation of one of the ICB's administrative offices does not."),
    ),
    w(
        "screening.relates_to_commissioning",
        Provider,
        Label("Does the activity relate to health services the trust is responsible for?"),
    ),
    w(
        "screening.relates_to_commissioning",
        Provider,
        Hint("For example, moving an outpatient clinic the trust runs does. Moving one of the trust's administrative offices does not."),
    ),
    w(
        "screening.relates_to_commissioning",
        Provider,
        Missing("Select whether the activity relates to health services the trust is responsible for"),
    ),
    w(
        "screening.activities",
        Provider,
        Hint("Select all that apply. The duty applies to planning the provision of services, proposals for changes in the way they are provided, and decisions affecting their operation. An activity can fall into more than one."),
    ),
    w("screening.activities", Provider, Options(PROVIDER_ACTIVITIES)),
    w(
        "screening.activities",
        Commissioner,
        OptionHint(
            "planning",
            "For example, the development of an ICB policy for the commissioning of diabetes services, or planning \
             a new urgent care service in response to increased patient demand",
        ),
    ),
    w(
        "screening.activities",
        Provider,
        OptionHint("planning", "For example, planning how the trust's outpatient services will be provided next year"),
    ),
    w(
        "screening.activities",
        Provider,
        OptionHint("proposals", "For example, developing options for moving a clinic to another site, then considering them"),
    ),
    w(
        "screening.activities",
        Provider,
        OptionHint("operational", "For example, moving an outpatient clinic, changing its opening hours or closing a ward for operational reasons"),
    ),
    w("screening.trust_special_administrator", Provider, Hidden),
    w("screening.trust_special_administrator", Commissioner, Optional),
    w(
        "screening.trust_special_administrator",
        Commissioner,
        Hint("Answer only if a trust special administrator has been appointed. The duty does not require arrangements on matters in the administrator's report or draft report until the Secretary of State is satisfied with it or decides on it (section 14Z45(7) and section 13Q(4) of the NHS Act 2006)."),
    ),
    w("screening.trust_special_administrator", Commissioner, Source("NHS Act 2006 s.14Z45(7) and s.13Q(4)")),
    // A commissioner's special circumstances start with the special
    // administrator question (the catalogue's heading); a trust is not asked it.
    w("screening.urgent", Provider, Heading("Special circumstances")),
    w(
        "screening.substantial_variation",
        Everyone,
        Hint("If it is, you must consult the local authority, whose overview and scrutiny committee may scrutinise the proposal. Since 31 January 2024 NHS England and integrated care boards must also notify the Secretary of State of such a reconfiguration, which the Secretary of State may call in."),
    ),
    w(
        "screening.equality_need",
        Everyone,
        Hint("For example, because of a lack of evidence relating to certain groups. The public sector equality duty (Equality Act 2010 section 149) applies whether or not the duty to involve does."),
    ),
    w("b.location", Everyone, Hint("For example, town, place, integrated care board or area.")),
    // A trust's duty is "as respects health services for which it is
    // responsible" (s.242(1B)): it sees the services it provides, never
    // commissioning.
    w(
        "screening.impact_range",
        Provider,
        Hint("For example, stopping a service of limited clinical benefit the trust provides, to fund other services."),
    ),
    w(
        "screening.patient_matters",
        Provider,
        Hint("Select all that apply. Consider the impact from the perspective of patients, not only the clinical services the trust provides."),
    ),
    w(
        "b-step-1",
        Provider,
        Description(
            "Title of the plan, proposal, project or change to the services the trust provides, and a brief \
             description, including key objectives where appropriate.",
        ),
    ),
    w("b.title", Provider, Label("Title of the plan, proposal, project or change to the trust's services")),
    w(
        "b.title",
        Provider,
        Hint("For example, a new service, a proposal to change where or how a service is provided, or an operational decision that affects services, such as closing a ward or moving a clinic."),
    ),
    w(
        "b.opinion",
        Provider,
        Hint("If you have answered yes to an impact on how services are delivered, on the range of services, or any other impact, it is highly likely that the legal duty to involve the public applies. The duty always applies to planning of the provision of services (regardless of impact)."),
    ),
    w(
        "b.scrutiny.notifiable",
        Provider,
        Hint("Since 31 January 2024 a reconfiguration on which regulation 23 requires the local authority to be consulted is notifiable. The integrated care board or NHS England that arranges the service notifies the Secretary of State (Schedule 10A to the NHS Act 2006): tell it early, and record here what it decided."),
    ),
    w(
        "b.equality.inequalities",
        Provider,
        Hint("Inequalities in access to the trust's services and in the outcomes people achieve: for example, travel, digital access or language."),
    ),
    w(
        "b.fair_and_proportionate",
        Provider,
        Label("Briefly describe how your proposed participation will be 'fair and proportionate', in relation to the services the trust provides"),
    ),
    w(
        "b.existing_arrangements",
        Everyone,
        Hint("These may be national, regional or local. Examples could include patient and public views by patient and public voice (PPV) partners; surveys; intelligence on patient and public views from partners including integrated care boards, NHS trusts, Healthwatch and voluntary, community and social enterprise (VCSE) organisations."),
    ),
    w(
        "c.target_audiences",
        Everyone,
        Hint("For example: patients, carers, the media, MPs. Principle 4 of the 2022 guidance: build relationships with excluded groups, especially those affected by inequalities."),
    ),
    w(
        "c.partners",
        Everyone,
        Hint("For example: Healthwatch, voluntary, community and social enterprise (VCSE) organisations, local authorities, patient groups. Principle 5 of the 2022 guidance: work with Healthwatch and the VCSE sector as key partners."),
    ),
];
