//! The scrutiny and notification record in one line (issue 17, point 9):
//! what `involve check`, its CSV and JSON, the review page's summary and the
//! annual report say of a file's consultation of the local authority
//! (regulation 23 of SI 2013/218) and notification of a reconfiguration
//! (Schedule 10A to the NHS Act 2006). One implementation,
//! `forms::scrutiny::of`, for all of them.

use involve::forms::scrutiny::{self, Notification, Scrutiny};
use involve::model::*;

use YesNo::{No, Yes};

fn date(d: &str, m: &str, y: &str) -> DateInput {
    DateInput::new(d, m, y)
}

fn ymd(year: i32, month: u32, day: u32) -> Ymd {
    Ymd { year, month, day }
}

fn substantial(ruleset: RulesetId, body: Body) -> Answers {
    Answers {
        screening: Screening {
            ruleset,
            body: Some(body),
            relates_to_commissioning: Some(Yes),
            activities: vec![Activity::Proposals],
            impact_delivery: Some(Yes),
            impact_range: Some(No),
            substantial_variation: Some(Yes),
            ..Screening::default()
        },
        ..Answers::default()
    }
}

fn consulted() -> Answers {
    let mut a = substantial(RulesetId::Nhse2022, Body::Icb);
    a.b.scrutiny = ScrutinyRecord {
        committee: "Barsetshire Health Scrutiny Committee".into(),
        proposal_date: date("10", "3", "2026"),
        comments_date: date("10", "6", "2026"),
        decision_date: date("30", "7", "2026"),
        notifiable: Some(Yes),
        notified_date: date("3", "4", "2026"),
        ..ScrutinyRecord::default()
    };
    a
}

fn urgent() -> Answers {
    let mut a = substantial(RulesetId::Nhse2022, Body::NhsTrust);
    a.screening.urgent = Some(Yes);
    a.screening.urgency_ground = Some(UrgencyGround::RiskToSafety);
    a.b.scrutiny = ScrutinyRecord {
        committee: "Barsetshire County Council".into(),
        urgent_told_date: date("6", "4", "2026"),
        urgent_reason: "Unsafe staffing on Ward 7".into(),
        ..ScrutinyRecord::default()
    };
    a
}

#[test]
fn no_record_is_reported_where_the_form_asks_for_none() {
    // A 2017 record is never asked for one; nor is a 2022 change that is
    // not a substantial development or variation (regulation 23(1)).
    let mut old = substantial(RulesetId::Nhse2017, Body::Ccg);
    old.b.scrutiny.committee = "typed before the rules changed".into();
    let mut minor = consulted();
    minor.screening.substantial_variation = Some(No);
    let mut unanswered = consulted();
    unanswered.screening.substantial_variation = None;
    for (why, a) in [
        ("2017", &old),
        ("not substantial", &minor),
        ("unanswered", &unanswered),
    ] {
        assert_eq!(scrutiny::of(a), None, "{why}");
    }
}

#[test]
fn a_consultation_reports_its_committee_dates_and_notification() {
    // Regulation 23(1) and (4) of SI 2013/218; Schedule 10A paragraph 2.
    let s = scrutiny::of(&consulted()).expect("a record");
    assert_eq!(
        s,
        Scrutiny::Consultation {
            committee: "Barsetshire Health Scrutiny Committee".into(),
            proposed: Some(ymd(2026, 3, 10)),
            comments_due: Some(ymd(2026, 6, 10)),
            decision_by: Some(ymd(2026, 7, 30)),
            notification: Notification::Notified(ymd(2026, 4, 3)),
        }
    );
    assert_eq!(s.code(), "consultation");
    assert_eq!(s.notification_code(), "notified");
    assert_eq!(
        s.summary(),
        "Local authority consulted (regulation 23): Barsetshire Health Scrutiny Committee, proposal put on 10 March 2026, comments due by 10 June 2026, decision proposed by 30 July 2026. Notifiable reconfiguration: Secretary of State notified on 3 April 2026."
    );
}

#[test]
fn the_notification_is_reported_as_the_record_holds_it() {
    // Schedule 10A: "notifiable" with no notification date is reported as
    // not recorded, never as done.
    type Case = (Option<YesNo>, &'static str, &'static str, &'static str);
    let cases: &[Case] = &[
        (
            Some(Yes),
            "",
            "notification_not_recorded",
            "Notifiable reconfiguration: notification of the Secretary of State not recorded.",
        ),
        (
            Some(No),
            "",
            "not_notifiable",
            "Not a notifiable reconfiguration.",
        ),
        (
            None,
            "",
            "not_answered",
            "Whether it is a notifiable reconfiguration: not answered.",
        ),
        (
            Some(Yes),
            "2026",
            "notification_not_recorded",
            "Notifiable reconfiguration: notification of the Secretary of State not recorded.",
        ),
    ];
    for &(notifiable, year, code, words) in cases {
        let mut a = consulted();
        a.b.scrutiny.notifiable = notifiable;
        a.b.scrutiny.notified_date = date("", "", year);
        let s = scrutiny::of(&a).unwrap();
        assert_eq!(s.notification_code(), code, "{notifiable:?} {year:?}");
        assert!(
            s.summary().ends_with(words),
            "{notifiable:?}: {}",
            s.summary()
        );
    }
}

#[test]
fn missing_consultation_answers_are_said_to_be_not_recorded() {
    let mut a = consulted();
    a.b.scrutiny.committee = "  ".into();
    a.b.scrutiny.proposal_date = DateInput::default();
    a.b.scrutiny.comments_date = date("31", "2", "2026");
    let s = scrutiny::of(&a).unwrap();
    assert!(
        s.summary().starts_with("Local authority consulted (regulation 23): committee not recorded, proposal date not recorded, comments due date not recorded, decision proposed by 30 July 2026."),
        "{}",
        s.summary()
    );
}

#[test]
fn an_urgent_safety_change_reports_when_the_local_authority_was_told() {
    // Regulation 23(2) and (3): not consulted first, told at once; not
    // notifiable, as Schedule 10A applies only where regulation 23 requires
    // consultation.
    let s = scrutiny::of(&urgent()).unwrap();
    assert_eq!(
        s,
        Scrutiny::Urgent {
            committee: "Barsetshire County Council".into(),
            told: Some(ymd(2026, 4, 6)),
        }
    );
    assert_eq!(s.code(), "urgent");
    assert_eq!(s.notification_code(), "not_notifiable");
    assert_eq!(
        s.summary(),
        "Urgent on safety grounds, not consulted first (regulation 23(2)): Barsetshire County Council told of the decision on 6 April 2026. Not notifiable."
    );
    let mut untold = urgent();
    untold.b.scrutiny.urgent_told_date = DateInput::default();
    untold.b.scrutiny.committee.clear();
    assert_eq!(
        scrutiny::of(&untold).unwrap().summary(),
        "Urgent on safety grounds, not consulted first (regulation 23(2)): the local authority told of the decision: date not recorded. Not notifiable."
    );
}

#[test]
fn an_urgent_answer_without_the_safety_ground_is_a_consultation() {
    // Regulation 23(2) exempts only a risk to the safety or welfare of
    // patients or staff; another urgency still needs consultation.
    let mut a = urgent();
    a.screening.urgency_ground = None;
    assert_eq!(scrutiny::of(&a).unwrap().code(), "consultation");
}
