//! The shared, fully completed form: a CCG planning a new urgent care
//! service, so the duty applies (s.14Z2(2)(a)), additional involvement is
//! needed and the communications and engagement plan is written.

use involve::model::*;

/// The day the forms are checked on: after the dates `complete_answers()`
/// was completed, signed off and produced (May 2017), before its milestones
/// (July and September 2017).
pub const TODAY: Ymd = Ymd {
    year: 2017,
    month: 6,
    day: 30,
};

pub fn yes() -> Option<YesNo> {
    Some(YesNo::Yes)
}
pub fn no() -> Option<YesNo> {
    Some(YesNo::No)
}

/// A CCG planning a new urgent care service: the duty applies (s.14Z2(2)(a)),
/// additional involvement is needed and a plan has been written.
pub fn complete_answers() -> Answers {
    let mut a = Answers::default();
    let s = &mut a.screening;
    s.body = Some(Body::Ccg);
    s.relates_to_commissioning = yes();
    s.activities = vec![Activity::Planning];
    s.impact_delivery = yes();
    s.impact_delivery_detail =
        "Urgent care would move to the new hub at the community hospital".into();
    s.impact_range = no();
    s.patient_matters = vec![PatientMatter::Transport];
    s.trust_special_administrator = no();
    s.urgent = no();
    s.no_public_interest = true;
    s.substantial_variation = no();
    s.previous_involvement = no();
    s.equality_need = yes();

    let b = &mut a.b;
    b.location = "Exampletown CCG".into();
    b.title = "New urgent care service for Exampletown".into();
    b.description = "Planning a new urgent care service in response to increased demand".into();
    b.objectives = "Shorter waits; care closer to home".into();
    b.opinion = yes();
    b.opinion_reason = "The duty always applies to planning".into();
    b.existing_arrangements = "Patient reference group; Healthwatch reports".into();
    b.insight_use = "Survey findings shape the service specification".into();
    b.additional_required = yes();
    b.additional_approach =
        "Drop-in sessions with seldom heard groups, including Gypsies and Travellers".into();
    b.fair_and_proportionate =
        "Engagement at a formative stage with enough information and time".into();
    b.impact_use =
        "Feedback reported to the governing body before the specification is agreed".into();
    b.feedback = "A 'you said, we did' report".into();
    b.ongoing_impact = "Patient experience survey six months after opening".into();
    b.completed_by = Person {
        name: "Sam Patel".into(),
        job_title: "Engagement manager".into(),
        email: "sam.patel@nhs.net".into(),
        team: "Communications and engagement".into(),
        date: DateInput::new("1", "5", "2017"),
    };
    b.signoff_applies = yes();
    b.signoff = Person {
        name: "Alex Jones".into(),
        job_title: "Director of commissioning".into(),
        email: "alex.jones@nhs.net".into(),
        team: "Commissioning".into(),
        date: DateInput::new("10", "5", "2017"),
    };

    let c = &mut a.c;
    c.date_produced = DateInput::new("12", "5", "2017");
    c.project_lead = "Sam Patel".into();
    c.background = "Demand for urgent care has risen".into();
    c.proposal = "A single urgent care hub".into();
    c.key_messages = "The location is open to influence; the budget is not".into();
    c.target_audiences = "Patients, carers, the media, MPs".into();
    c.objectives = "Responses from every ward".into();
    c.budget = "£5,000".into();
    c.methods = "Survey, drop-in sessions, focus groups".into();
    c.timescales = vec![
        Milestone {
            what: "Engagement opens".into(),
            date: DateInput::new("1", "7", "2017"),
        },
        Milestone {
            what: "Engagement closes".into(),
            date: DateInput::new("1", "9", "2017"),
        },
    ];
    c.equality = "Easy read and translated materials".into();
    c.partners = "Healthwatch Exampletown".into();
    c.key_contacts = "Sam Patel".into();
    c.risks = vec![Risk {
        risk: "Low turnout".into(),
        action: "Evening sessions".into(),
    }];
    c.evaluation = "Count and reach of responses".into();
    c.feedback = "Report published and sent to participants".into();
    a
}
