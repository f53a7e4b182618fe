//! The scrutiny and notification record in one line, for every report that
//! lists files: `involve check` (text, `--json`, `--csv`), the review page's
//! summary and the annual report. One implementation for all of them.
//!
//! A record exists only where the form asks for one: a 2022 assessment of a
//! substantial development or variation ([`catalogue::SCRUTINY_CONDITION`]).
//! It is then one of two kinds, as regulation 23 of SI 2013/218 decides:
//!
//! - **consultation** (regulation 23(1) and (4)): the committee, the date
//!   the proposal was put to it, the dates comments are due and the decision
//!   is proposed, and whether the reconfiguration is notifiable and was
//!   notified (Schedule 10A to the NHS Act 2006, paragraph 2);
//! - **urgent** (regulation 23(2) and (3)): not consulted first because of
//!   a risk to the safety or welfare of patients or staff, and when the local
//!   authority was told. Not notifiable: Schedule 10A applies only where
//!   regulation 23 requires consultation.
//!
//! The words describe what the file records and never more: a date that is
//! blank or not a real date is "not recorded".

use super::dates::{format_ymd, parse_date};
use super::{catalogue, validate, wording};
use crate::model::{Answers, DateInput, YesNo, Ymd};

/// Whether, and when, a notifiable reconfiguration was notified
/// (Schedule 10A to the NHS Act 2006, paragraph 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notification {
    /// "Is the change a notifiable reconfiguration?" not answered.
    NotAnswered,
    /// Not notifiable.
    NotNotifiable,
    /// Notifiable, with no real notification date recorded.
    NotRecorded,
    /// Notifiable, and notified on this date.
    Notified(Ymd),
}

/// A file's scrutiny and notification record, as the file holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scrutiny {
    /// Regulation 23(1): the local authority consulted.
    Consultation {
        /// The committee, trimmed; empty when not recorded.
        committee: String,
        /// When the proposal was put to the local authority.
        proposed: Option<Ymd>,
        /// The date comments are due (regulation 23(4)).
        comments_due: Option<Ymd>,
        /// The date by which the decision is proposed (regulation 23(4)).
        decision_by: Option<Ymd>,
        notification: Notification,
    },
    /// Regulation 23(2) and (3): urgent on safety grounds.
    Urgent {
        /// The local authority or committee told, trimmed; empty when not recorded.
        committee: String,
        /// When it was told of the decision.
        told: Option<Ymd>,
    },
}

/// The record of a file's answers; `None` when the form asks for none (a
/// 2017 assessment, or a change that is not a substantial development or
/// variation).
pub fn of(a: &Answers) -> Option<Scrutiny> {
    if !wording::section_asked(&a.screening, catalogue::Section::Scrutiny)
        || !validate::condition_holds(a, catalogue::SCRUTINY_CONDITION)
    {
        return None;
    }
    let r = &a.b.scrutiny;
    let day = |d: &DateInput| parse_date(d).ok();
    let committee = r.committee.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(
        if validate::condition_holds(a, catalogue::URGENT_SAFETY_CONDITION) {
            Scrutiny::Urgent {
                committee,
                told: day(&r.urgent_told_date),
            }
        } else {
            Scrutiny::Consultation {
                committee,
                proposed: day(&r.proposal_date),
                comments_due: day(&r.comments_date),
                decision_by: day(&r.decision_date),
                notification: match (r.notifiable, day(&r.notified_date)) {
                    (None, _) => Notification::NotAnswered,
                    (Some(YesNo::No), _) => Notification::NotNotifiable,
                    (Some(YesNo::Yes), None) => Notification::NotRecorded,
                    (Some(YesNo::Yes), Some(d)) => Notification::Notified(d),
                },
            }
        },
    )
}

impl Scrutiny {
    /// Stable code of the kind: `consultation` or `urgent`.
    pub fn code(&self) -> &'static str {
        match self {
            Scrutiny::Consultation { .. } => "consultation",
            Scrutiny::Urgent { .. } => "urgent",
        }
    }

    /// Stable code of the notification: `notified`,
    /// `notification_not_recorded`, `not_notifiable` or `not_answered`.
    pub fn notification_code(&self) -> &'static str {
        match self {
            Scrutiny::Urgent { .. } => "not_notifiable",
            Scrutiny::Consultation { notification, .. } => match notification {
                Notification::NotAnswered => "not_answered",
                Notification::NotNotifiable => "not_notifiable",
                Notification::NotRecorded => "notification_not_recorded",
                Notification::Notified(_) => "notified",
            },
        }
    }

    /// The date the Secretary of State was notified, when recorded.
    pub fn notified(&self) -> Option<Ymd> {
        match self {
            Scrutiny::Consultation {
                notification: Notification::Notified(d),
                ..
            } => Some(*d),
            _ => None,
        }
    }

    /// The consultation and its dates, in a sentence.
    pub fn consultation_words(&self) -> String {
        let on = |what: &str, d: &Option<Ymd>| match d {
            Some(d) => format!("{what} {}", format_ymd(*d)),
            None => String::new(),
        };
        match self {
            Scrutiny::Consultation {
                committee,
                proposed,
                comments_due,
                decision_by,
                ..
            } => {
                let part = |what: &str, missing: &str, d: &Option<Ymd>| {
                    if d.is_some() {
                        on(what, d)
                    } else {
                        format!("{missing} not recorded")
                    }
                };
                format!(
                    "Local authority consulted (regulation 23): {}, {}, {}, {}.",
                    if committee.is_empty() {
                        "committee not recorded"
                    } else {
                        committee
                    },
                    part("proposal put on", "proposal date", proposed),
                    part("comments due by", "comments due date", comments_due),
                    part("decision proposed by", "decision date", decision_by),
                )
            }
            Scrutiny::Urgent { committee, told } => format!(
                "Urgent on safety grounds, not consulted first (regulation 23(2)): {} told of the decision{}.",
                if committee.is_empty() {
                    "the local authority"
                } else {
                    committee
                },
                match told {
                    Some(_) => format!(" {}", on("on", told)),
                    None => ": date not recorded".into(),
                }
            ),
        }
    }

    /// The notification, in a sentence.
    pub fn notification_words(&self) -> String {
        match self {
            Scrutiny::Urgent { .. } => "Not notifiable.".into(),
            Scrutiny::Consultation { notification, .. } => match notification {
                Notification::NotAnswered => {
                    "Whether it is a notifiable reconfiguration: not answered.".into()
                }
                Notification::NotNotifiable => "Not a notifiable reconfiguration.".into(),
                Notification::NotRecorded => "Notifiable reconfiguration: notification of the Secretary of State not recorded.".into(),
                Notification::Notified(d) => format!(
                    "Notifiable reconfiguration: Secretary of State notified on {}.",
                    format_ymd(*d)
                ),
            },
        }
    }

    /// The whole record in one line: [`Self::consultation_words`] then
    /// [`Self::notification_words`].
    pub fn summary(&self) -> String {
        format!(
            "{} {}",
            self.consultation_words(),
            self.notification_words()
        )
    }
}
