//! "Reassess under the 2022 guidance": copy a 2017 assessment's answers into
//! a new `nhse-2022` assessment, keeping every answer that still fits.
//!
//! The 2017 document itself is never changed (a 2021 CCG decision is still
//! evidence); the caller starts a new assessment from [`Reassessed::answers`]
//! and shows the user [`Reassessed::kept`], [`Reassessed::converted`] and
//! [`Reassessed::dropped`].
//!
//! What converts (clinical commissioning groups were abolished on 1 July 2022
//! and integrated care boards took over their commissioning functions):
//!
//! | 2017 answer | 2022 answer |
//! |---|---|
//! | a CCG (organisation or whose function) | an integrated care board |
//! | co-commissioning / joint decision making | a joint committee (s.65Z5, s.65Z6); where the function was NHS England's, the committee also exercises the ICB's functions, so both duties are kept, as the 2017 table kept NHS England's and the CCG's |
//! | NHS England's function delegated to a CCG | NHS England's function delegated to an ICB (s.65Z5) |
//! | the CCG's name in any text answer | the ICB's name the user gives |
//!
//! What is dropped, with the reason: a "seat at the table" model, a CCG's
//! function delegated elsewhere, and fully devolved commissioning (no 2022
//! model matches them, so the user chooses again). The trust special
//! administrator answer is kept: an ICB's duty has the same exception
//! (s.14Z45(7)) as a CCG's had (s.14Z2(7)), and NHS England's is unchanged
//! (s.13Q(4)).

use super::access::{self, Value};
use super::catalogue;
use super::wording;
use crate::model::{Answers, Body, FunctionHolder, JointModel, RulesetId};

/// One answer that was converted or dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The field id, e.g. `screening.body`.
    pub id: &'static str,
    /// The question, as the 2022 form words it.
    pub label: &'static str,
    /// The answer before, as the 2017 form shows it.
    pub before: String,
    /// The answer after, as the 2022 form shows it (empty when dropped).
    pub after: String,
    /// Why, in a sentence.
    pub why: &'static str,
}

/// The result of reassessing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassessed {
    /// The new assessment's answers, under `nhse-2022`.
    pub answers: Answers,
    /// The questions whose answers were kept as they were (2022 wording).
    pub kept: Vec<&'static str>,
    pub converted: Vec<Change>,
    pub dropped: Vec<Change>,
}

const WHY_CCG: &str =
    "Clinical commissioning groups were abolished on 1 July 2022 and integrated care boards took \
                       over their commissioning functions";
const WHY_JOINT_COMMITTEE: &str =
    "Since 2022, bodies that take decisions together do so through a joint committee \
                                   (sections 65Z5 and 65Z6 of the NHS Act 2006)";
const WHY_DELEGATED: &str =
    "Since 1 July 2022 NHS England delegates these functions to integrated care boards \
                             (section 65Z5 of the NHS Act 2006)";
const WHY_NO_MODEL: &str =
    "No kind of joint working in the 2022 guidance matches this model: choose the kind of \
                            joint working again";
const WHY_BOTH_DUTIES: &str = "The 2017 joint committee on NHS England's function engaged both NHS England's duty \
                               and the CCG's; each body whose functions a joint committee exercises keeps its own \
                               duty (sections 65Z5 and 65Z6), and the ICB took over the CCG's";
const WHY_NAME: &str =
    "The clinical commissioning group's name was replaced by the integrated care board's";

/// Copy `answers` (a 2017 assessment) into a new 2022 assessment. `ccg_name`
/// and `icb_name` map the CCG to the ICB that took over its functions: every
/// text answer naming the CCG names the ICB instead. Either may be blank, in
/// which case no text is changed.
pub fn to_2022(answers: &Answers, ccg_name: &str, icb_name: &str) -> Reassessed {
    let before = answers;
    let mut a = answers.clone();
    a.screening.ruleset = RulesetId::Nhse2022;
    let mut converted = Vec::new();
    let mut dropped = Vec::new();

    let s = &mut a.screening;
    if s.body == Some(Body::Ccg) {
        s.body = Some(Body::Icb);
    }
    if s.function_holder == Some(FunctionHolder::Ccg) {
        s.function_holder = Some(FunctionHolder::Icb);
    }
    s.joint_model = match (s.joint_model, before.screening.function_holder) {
        (Some(JointModel::JointDecisionMaking), _) => Some(JointModel::JointCommittee),
        (Some(JointModel::Delegated), Some(FunctionHolder::NhsEngland)) => {
            Some(JointModel::DelegatedToIcb)
        }
        (
            Some(JointModel::SeatAtTheTable | JointModel::Delegated | JointModel::FullyDevolved),
            _,
        ) => None,
        (other, _) => other,
    };
    // The 2017 table engaged both NHS England's and the CCG's duties for a
    // joint committee on NHS England's function; the ICB took over the CCG's.
    if before.screening.joint_model == Some(JointModel::JointDecisionMaking)
        && before.screening.function_holder == Some(FunctionHolder::NhsEngland)
    {
        s.joint_other_holders = vec![FunctionHolder::Icb];
    }

    let (ccg, icb) = (ccg_name.trim(), icb_name.trim());
    let rename = |t: &str| {
        if ccg.is_empty() || icb.is_empty() {
            t.to_string()
        } else {
            t.replace(ccg, icb)
        }
    };

    let mut kept = Vec::new();
    for f in catalogue::fields() {
        let (Some(old), Some(mut new)) = (access::get(before, f.id), access::get(&a, f.id)) else {
            continue;
        };
        let mut renamed = false;
        match &mut new {
            Value::Text(t) => {
                let r = rename(t);
                renamed = r != *t;
                *t = r;
            }
            Value::Milestones(rows) => {
                for m in rows.iter_mut() {
                    let r = rename(&m.what);
                    renamed |= r != m.what;
                    m.what = r;
                }
            }
            Value::Risks(rows) => {
                for x in rows.iter_mut() {
                    let (r1, r2) = (rename(&x.risk), rename(&x.action));
                    renamed |= r1 != x.risk || r2 != x.action;
                    x.risk = r1;
                    x.action = r2;
                }
            }
            _ => {}
        }
        if renamed {
            access::set(&mut a, f.id, new.clone());
        }
        if !access::is_answered(before, f.id) {
            continue;
        }
        let label = wording::field(&a.screening, f.id).map_or(f.label, |w| w.label);
        let shown_before = access::display(before, f.id).unwrap_or_default();
        if !access::is_answered(&a, f.id) {
            let why = WHY_NO_MODEL;
            dropped.push(Change {
                id: f.id,
                label,
                before: shown_before,
                after: String::new(),
                why,
            });
        } else if old != new || renamed {
            let why = match f.id {
                _ if renamed => WHY_NAME,
                "screening.joint_model" if new == Value::Choice(Some("joint_committee".into())) => {
                    WHY_JOINT_COMMITTEE
                }
                "screening.joint_model" => WHY_DELEGATED,
                _ => WHY_CCG,
            };
            let after = access::display(&a, f.id).unwrap_or_default();
            converted.push(Change {
                id: f.id,
                label,
                before: shown_before,
                after,
                why,
            });
        } else if wording::is_asked(&a.screening, f.id) {
            kept.push(label);
        }
    }
    if !a.screening.joint_other_holders.is_empty() {
        let id = "screening.joint_other_holders";
        let label = wording::field(&a.screening, id).map_or("", |w| w.label);
        let after = access::display(&a, id).unwrap_or_default();
        converted.push(Change {
            id,
            label,
            before: String::new(),
            after,
            why: WHY_BOTH_DUTIES,
        });
    }
    Reassessed {
        answers: a,
        kept,
        converted,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, YesNo};

    #[test]
    fn a_ccg_becomes_its_icb_and_every_other_answer_is_kept() {
        let mut a = Answers::default();
        a.screening.body = Some(Body::Ccg);
        a.screening.relates_to_commissioning = Some(YesNo::Yes);
        a.screening.activities = vec![Activity::Operational];
        a.b.location = "Anytown CCG area".into();
        a.b.title = "Walk-in centre closure".into();
        let r = to_2022(&a, "Anytown CCG", "Anyshire ICB");
        assert_eq!(r.answers.screening.ruleset, RulesetId::Nhse2022);
        assert_eq!(r.answers.screening.body, Some(Body::Icb));
        assert_eq!(r.answers.b.location, "Anyshire ICB area");
        assert_eq!(r.answers.b.title, "Walk-in centre closure");
        let ids: Vec<&str> = r.converted.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["screening.body", "b.location"]);
        assert_eq!(r.converted[0].after, "An integrated care board (ICB)");
        assert!(r.dropped.is_empty());
        assert_eq!(
            r.kept,
            [
                "Does the activity relate to commissioning responsibilities?",
                "What type of activity is it?",
                "Title of the plan, proposal, project or commissioning activity",
            ]
        );
        // The original is untouched.
        assert_eq!(a.screening.body, Some(Body::Ccg));
    }
}
