//! Reading and writing answers by catalogue field id, so that the UI's
//! reducer needs a single `Action::Set(id, Value)` and the check-answers page
//! and print view a single `display(answers, id)`.
//!
//! Ids are those of [`crate::forms::catalogue`]. Repeating rows are also
//! addressable: `c.timescales[0].what` (Text), `c.timescales[0].date`
//! (Date), `c.risks[0].risk` and `c.risks[0].action` (Text). Setting a row
//! one past the end appends a row; further out is refused.
//!
//! Nothing here panics: an unknown id or a value of the wrong shape is a
//! `None` / `false`.

use crate::forms::catalogue::{self, Kind, NONE_LABEL, NONE_VALUE};
use crate::forms::dates::display_date;
use crate::model::*;

/// An answer to one field, in the shape its [`Kind`] takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Text, Email and LongText fields.
    Text(String),
    /// Radios: the stored option value, or `None` when unanswered.
    Choice(Option<String>),
    /// Checkboxes: the stored option values ticked (kept in catalogue order,
    /// without repeats) and whether the exclusive "None of these" is ticked.
    Multi {
        values: Vec<String>,
        none: bool,
    },
    Date(DateInput),
    Milestones(Vec<Milestone>),
    Risks(Vec<Risk>),
}

/// A closed enum stored as a snake_case code (the same as its serde name).
pub trait Code: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! codes {
    ($t:ty { $($variant:ident => $code:literal),* $(,)? }) => {
        impl Code for $t {
            const ALL: &'static [Self] = &[$(<$t>::$variant),*];
            fn code(self) -> &'static str {
                match self { $(<$t>::$variant => $code),* }
            }
        }
    };
}

codes!(YesNo { Yes => "yes", No => "no" });
codes!(Body { Ccg => "ccg", NhsEngland => "nhs_england", Joint => "joint", Icb => "icb", NhsTrust => "nhs_trust" });
codes!(JointModel {
    SeatAtTheTable => "seat_at_the_table",
    JointDecisionMaking => "joint_decision_making",
    Delegated => "delegated",
    FullyDevolved => "fully_devolved",
    DelegatedToIcb => "delegated_to_icb",
    JointCommittee => "joint_committee",
    LeadProvider => "lead_provider",
});
codes!(FunctionHolder { Ccg => "ccg", NhsEngland => "nhs_england", Icb => "icb", NhsTrust => "nhs_trust" });
codes!(Activity { Planning => "planning", Proposals => "proposals", Operational => "operational" });
codes!(PatientMatter { Accessibility => "accessibility", Transport => "transport", Ambulance => "ambulance" });
codes!(UrgencyGround { UrgentDevelopment => "urgent_development", RiskToSafety => "risk_to_safety" });
codes!(PublicInterest {
    SignificantInterest => "significant_interest",
    PromiseToConsult => "promise_to_consult",
    Precedent => "precedent",
});

/// A radio answer of any enum type, seen through its codes.
trait ChoiceField {
    fn get_code(&self) -> Option<&'static str>;
    /// `false` when the code is not one of the type's.
    fn set_code(&mut self, code: Option<&str>) -> bool;
}

impl<T: Code> ChoiceField for Option<T> {
    fn get_code(&self) -> Option<&'static str> {
        self.map(Code::code)
    }
    fn set_code(&mut self, code: Option<&str>) -> bool {
        match code {
            None => {
                *self = None;
                true
            }
            Some(c) => match T::from_code(c) {
                Some(v) => {
                    *self = Some(v);
                    true
                }
                None => false,
            },
        }
    }
}

/// A checkbox answer of any enum type, seen through its codes.
trait MultiField {
    fn get_codes(&self) -> Vec<String>;
    fn set_codes(&mut self, codes: &[String]) -> bool;
    /// As a saved file lists them: its order, repeats kept, unknown codes skipped.
    fn set_stored(&mut self, codes: &[&str]);
    /// The codes in the order held, repeats kept (as a saved file lists them).
    fn stored(&self) -> Vec<&'static str>;
}

impl<T: Code> MultiField for Vec<T> {
    fn get_codes(&self) -> Vec<String> {
        T::ALL
            .iter()
            .filter(|v| self.contains(v))
            .map(|v| v.code().to_string())
            .collect()
    }
    fn set_codes(&mut self, codes: &[String]) -> bool {
        let mut parsed = Vec::with_capacity(codes.len());
        for c in codes {
            match T::from_code(c) {
                Some(v) => parsed.push(v),
                None => return false,
            }
        }
        *self = T::ALL
            .iter()
            .copied()
            .filter(|v| parsed.contains(v))
            .collect();
        true
    }
    fn set_stored(&mut self, codes: &[&str]) {
        *self = codes.iter().filter_map(|c| T::from_code(c)).collect();
    }
    fn stored(&self) -> Vec<&'static str> {
        self.iter().map(|v| v.code()).collect()
    }
}

enum Slot<'a> {
    Text(&'a String),
    Choice(&'a dyn ChoiceField),
    Multi(&'a dyn MultiField, &'a bool),
    Date(&'a DateInput),
    Milestones(&'a Vec<Milestone>),
    Risks(&'a Vec<Risk>),
}

enum SlotMut<'a> {
    Text(&'a mut String),
    Choice(&'a mut dyn ChoiceField),
    Multi(&'a mut dyn MultiField, &'a mut bool),
    Date(&'a mut DateInput),
    Milestones(&'a mut Vec<Milestone>),
    Risks(&'a mut Vec<Risk>),
}

/// One table of id → place in [`Answers`], expanded twice (shared and
/// mutable) so that get and set can never disagree.
macro_rules! slots {
    ($name:ident, $slot:ident $(, $m:tt)?) => {
        fn $name<'a>(a: &'a $($m)? Answers, id: &str) -> Option<$slot<'a>> {
            use $slot::*;
            Some(match id {
                "screening.body" => Choice(&$($m)? a.screening.body),
                "screening.joint_model" => Choice(&$($m)? a.screening.joint_model),
                "screening.function_holder" => Choice(&$($m)? a.screening.function_holder),
                "screening.partner_bodies" => Text(&$($m)? a.screening.partner_bodies),
                "screening.respondent" => Choice(&$($m)? a.screening.respondent),
                "screening.joint_other_holders" => Multi(&$($m)? a.screening.joint_other_holders, &$($m)? a.screening.no_joint_other_holders),
                "screening.lead_provider_trust" => Choice(&$($m)? a.screening.lead_provider_trust),
                "screening.relates_to_commissioning" => Choice(&$($m)? a.screening.relates_to_commissioning),
                "screening.activities" => Multi(&$($m)? a.screening.activities, &$($m)? a.screening.no_activity_type),
                "screening.impact_delivery" => Choice(&$($m)? a.screening.impact_delivery),
                "screening.impact_delivery_detail" => Text(&$($m)? a.screening.impact_delivery_detail),
                "screening.impact_range" => Choice(&$($m)? a.screening.impact_range),
                "screening.impact_range_detail" => Text(&$($m)? a.screening.impact_range_detail),
                "screening.impact_other" => Text(&$($m)? a.screening.impact_other),
                "screening.patient_matters" => Multi(&$($m)? a.screening.patient_matters, &$($m)? a.screening.no_patient_matters),
                "screening.trust_special_administrator" => Choice(&$($m)? a.screening.trust_special_administrator),
                "screening.urgent" => Choice(&$($m)? a.screening.urgent),
                "screening.urgency_ground" => Choice(&$($m)? a.screening.urgency_ground),
                "screening.urgency_justification" => Text(&$($m)? a.screening.urgency_justification),
                "screening.public_interest" => Multi(&$($m)? a.screening.public_interest, &$($m)? a.screening.no_public_interest),
                "screening.substantial_variation" => Choice(&$($m)? a.screening.substantial_variation),
                "screening.previous_involvement" => Choice(&$($m)? a.screening.previous_involvement),
                "screening.previous.summary" => Text(&$($m)? a.screening.previous.summary),
                "screening.previous.same_proposal" => Choice(&$($m)? a.screening.previous.same_proposal),
                "screening.previous.significant_changes" => Choice(&$($m)? a.screening.previous.significant_changes),
                "screening.previous.still_relevant" => Choice(&$($m)? a.screening.previous.still_relevant),
                "screening.previous.people_changed" => Choice(&$($m)? a.screening.previous.people_changed),
                "screening.previous.diversity_addressed" => Choice(&$($m)? a.screening.previous.diversity_addressed),
                "screening.previous.new_information" => Choice(&$($m)? a.screening.previous.new_information),
                "screening.previous.population_change" => Choice(&$($m)? a.screening.previous.population_change),
                "screening.equality_need" => Choice(&$($m)? a.screening.equality_need),

                "b.location" => Text(&$($m)? a.b.location),
                "b.title" => Text(&$($m)? a.b.title),
                "b.description" => Text(&$($m)? a.b.description),
                "b.objectives" => Text(&$($m)? a.b.objectives),
                "b.opinion" => Choice(&$($m)? a.b.opinion),
                "b.opinion_reason" => Text(&$($m)? a.b.opinion_reason),
                "b.existing_arrangements" => Text(&$($m)? a.b.existing_arrangements),
                "b.insight_use" => Text(&$($m)? a.b.insight_use),
                "b.additional_required" => Choice(&$($m)? a.b.additional_required),
                "b.additional_approach" => Text(&$($m)? a.b.additional_approach),
                "b.fair_and_proportionate" => Text(&$($m)? a.b.fair_and_proportionate),
                "b.impact_use" => Text(&$($m)? a.b.impact_use),
                "b.feedback" => Text(&$($m)? a.b.feedback),
                "b.ongoing_impact" => Text(&$($m)? a.b.ongoing_impact),
                "b.completed_by.name" => Text(&$($m)? a.b.completed_by.name),
                "b.completed_by.job_title" => Text(&$($m)? a.b.completed_by.job_title),
                "b.completed_by.email" => Text(&$($m)? a.b.completed_by.email),
                "b.completed_by.team" => Text(&$($m)? a.b.completed_by.team),
                "b.completed_by.date" => Date(&$($m)? a.b.completed_by.date),
                "b.signoff_applies" => Choice(&$($m)? a.b.signoff_applies),
                "b.signoff.name" => Text(&$($m)? a.b.signoff.name),
                "b.signoff.job_title" => Text(&$($m)? a.b.signoff.job_title),
                "b.signoff.email" => Text(&$($m)? a.b.signoff.email),
                "b.signoff.team" => Text(&$($m)? a.b.signoff.team),
                "b.signoff.date" => Date(&$($m)? a.b.signoff.date),
                "b.equality.groups" => Text(&$($m)? a.b.equality.groups),
                "b.equality.evidence" => Text(&$($m)? a.b.equality.evidence),
                "b.equality.due_regard" => Text(&$($m)? a.b.equality.due_regard),
                "b.equality.inequalities" => Text(&$($m)? a.b.equality.inequalities),
                "b.scrutiny.committee" => Text(&$($m)? a.b.scrutiny.committee),
                "b.scrutiny.proposal_date" => Date(&$($m)? a.b.scrutiny.proposal_date),
                "b.scrutiny.comments_date" => Date(&$($m)? a.b.scrutiny.comments_date),
                "b.scrutiny.decision_date" => Date(&$($m)? a.b.scrutiny.decision_date),
                "b.scrutiny.notifiable" => Choice(&$($m)? a.b.scrutiny.notifiable),
                "b.scrutiny.notified_date" => Date(&$($m)? a.b.scrutiny.notified_date),
                "b.scrutiny.call_in" => Text(&$($m)? a.b.scrutiny.call_in),
                "b.scrutiny.urgent_told_date" => Date(&$($m)? a.b.scrutiny.urgent_told_date),
                "b.scrutiny.urgent_reason" => Text(&$($m)? a.b.scrutiny.urgent_reason),

                "c.date_produced" => Date(&$($m)? a.c.date_produced),
                "c.project_lead" => Text(&$($m)? a.c.project_lead),
                "c.background" => Text(&$($m)? a.c.background),
                "c.proposal" => Text(&$($m)? a.c.proposal),
                "c.key_messages" => Text(&$($m)? a.c.key_messages),
                "c.target_audiences" => Text(&$($m)? a.c.target_audiences),
                "c.objectives" => Text(&$($m)? a.c.objectives),
                "c.budget" => Text(&$($m)? a.c.budget),
                "c.methods" => Text(&$($m)? a.c.methods),
                "c.timescales" => Milestones(&$($m)? a.c.timescales),
                "c.equality" => Text(&$($m)? a.c.equality),
                "c.partners" => Text(&$($m)? a.c.partners),
                "c.key_contacts" => Text(&$($m)? a.c.key_contacts),
                "c.risks" => Risks(&$($m)? a.c.risks),
                "c.evaluation" => Text(&$($m)? a.c.evaluation),
                "c.feedback" => Text(&$($m)? a.c.feedback),
                "c.principles.voices" => Text(&$($m)? a.c.principles.voices),
                "c.principles.early" => Text(&$($m)? a.c.principles.early),
                "c.principles.understand" => Text(&$($m)? a.c.principles.understand),
                "c.principles.excluded" => Text(&$($m)? a.c.principles.excluded),
                "c.principles.partners" => Text(&$($m)? a.c.principles.partners),
                "c.principles.information" => Text(&$($m)? a.c.principles.information),
                "c.principles.community" => Text(&$($m)? a.c.principles.community),
                "c.principles.coproduction" => Text(&$($m)? a.c.principles.coproduction),
                "c.principles.redesign" => Text(&$($m)? a.c.principles.redesign),
                "c.principles.learn" => Text(&$($m)? a.c.principles.learn),
                _ => return None,
            })
        }
    };
}

slots!(slot, Slot);
slots!(slot_mut, SlotMut, mut);

/// A repeating-row path: (list id, row index, column).
pub fn parse_row_path(path: &str) -> Option<(&str, usize, &str)> {
    let open = path.find('[')?;
    let close = open + path[open..].find(']')?;
    let list = &path[..open];
    let index: usize = path[open + 1..close].parse().ok()?;
    if path[open + 1..close].starts_with('+') {
        return None;
    }
    let column = path[close + 1..].strip_prefix('.')?;
    let ok = matches!(
        (list, column),
        ("c.timescales", "what" | "date") | ("c.risks", "risk" | "action")
    );
    ok.then_some((list, index, column))
}

/// The path of a repeating-row cell, e.g. `row_path("c.risks", 1, "action")`.
pub fn row_path(list: &str, index: usize, column: &str) -> String {
    format!("{list}[{index}].{column}")
}

fn get_row(a: &Answers, list: &str, i: usize, column: &str) -> Option<Value> {
    match (list, column) {
        ("c.timescales", "what") => a.c.timescales.get(i).map(|m| Value::Text(m.what.clone())),
        ("c.timescales", "date") => a.c.timescales.get(i).map(|m| Value::Date(m.date.clone())),
        ("c.risks", "risk") => a.c.risks.get(i).map(|r| Value::Text(r.risk.clone())),
        ("c.risks", "action") => a.c.risks.get(i).map(|r| Value::Text(r.action.clone())),
        _ => None,
    }
}

fn row<T: Default>(rows: &mut Vec<T>, i: usize) -> Option<&mut T> {
    if i == rows.len() {
        rows.push(T::default());
    }
    rows.get_mut(i)
}

fn set_row(a: &mut Answers, list: &str, i: usize, column: &str, value: Value) -> bool {
    match (list, column, value) {
        ("c.timescales", "what", Value::Text(t)) => {
            row(&mut a.c.timescales, i).map(|m| m.what = t).is_some()
        }
        ("c.timescales", "date", Value::Date(d)) => {
            row(&mut a.c.timescales, i).map(|m| m.date = d).is_some()
        }
        ("c.risks", "risk", Value::Text(t)) => row(&mut a.c.risks, i).map(|r| r.risk = t).is_some(),
        ("c.risks", "action", Value::Text(t)) => {
            row(&mut a.c.risks, i).map(|r| r.action = t).is_some()
        }
        _ => false,
    }
}

/// The answer to a field (or a repeating-row cell). `None` for an unknown id
/// or a row that does not exist. Unanswered fields give empty values
/// (`Text("")`, `Choice(None)`, ...), not `None`.
pub fn get(answers: &Answers, id: &str) -> Option<Value> {
    if let Some((list, i, column)) = parse_row_path(id) {
        return get_row(answers, list, i, column);
    }
    Some(match slot(answers, id)? {
        Slot::Text(s) => Value::Text(s.clone()),
        Slot::Choice(c) => Value::Choice(c.get_code().map(str::to_string)),
        Slot::Multi(m, none) => Value::Multi {
            values: m.get_codes(),
            none: *none,
        },
        Slot::Date(d) => Value::Date(d.clone()),
        Slot::Milestones(m) => Value::Milestones(m.clone()),
        Slot::Risks(r) => Value::Risks(r.clone()),
    })
}

/// Store an answer. `false` (and nothing changed) for an unknown id, a value
/// of the wrong shape, or an option value the field does not offer.
///
/// Text is stored exactly as typed. Checkbox values are stored in catalogue
/// order without repeats; `none: true` together with values is stored as
/// given (validation reports the conflict), so nothing typed is lost.
pub fn set(answers: &mut Answers, id: &str, value: Value) -> bool {
    if let Some((list, i, column)) = parse_row_path(id) {
        return set_row(answers, list, i, column, value);
    }
    let Some(slot) = slot_mut(answers, id) else {
        return false;
    };
    match (slot, value) {
        (SlotMut::Text(s), Value::Text(t)) => {
            *s = t;
            true
        }
        (SlotMut::Choice(c), Value::Choice(v)) => c.set_code(v.as_deref()),
        (SlotMut::Multi(m, none_slot), Value::Multi { values, none }) => {
            let ok = m.set_codes(&values);
            if ok {
                *none_slot = none;
            }
            ok
        }
        (SlotMut::Date(d), Value::Date(v)) => {
            *d = v;
            true
        }
        (SlotMut::Milestones(m), Value::Milestones(v)) => {
            *m = v;
            true
        }
        (SlotMut::Risks(r), Value::Risks(v)) => {
            *r = v;
            true
        }
        _ => false,
    }
}

/// An answer as a saved document holds it, borrowed (for the writer in
/// `format::json`): checkbox codes in the order held, repeats kept.
pub enum Stored<'a> {
    Text(&'a str),
    Choice(Option<&'static str>),
    Multi(Vec<&'static str>, bool),
    Date(&'a DateInput),
    Milestones(&'a [Milestone]),
    Risks(&'a [Risk]),
}

/// The answer to a field as a saved document holds it. `None` for an
/// unknown id (row cells included).
pub fn stored<'a>(answers: &'a Answers, id: &str) -> Option<Stored<'a>> {
    Some(match slot(answers, id)? {
        Slot::Text(s) => Stored::Text(s),
        Slot::Choice(c) => Stored::Choice(c.get_code()),
        Slot::Multi(m, none) => Stored::Multi(m.stored(), *none),
        Slot::Date(d) => Stored::Date(d),
        Slot::Milestones(m) => Stored::Milestones(m),
        Slot::Risks(r) => Stored::Risks(r),
    })
}

/// For reading a saved document (`format::json::answers_from`): a checkbox
/// answer exactly as the file lists it (in the file's order, repeats kept,
/// codes the field does not have skipped) and its "None of these" flag,
/// unlike [`set`], which keeps catalogue order. `false` (and nothing
/// changed) when `id` is not a checkbox field.
pub fn set_stored_codes(answers: &mut Answers, id: &str, codes: &[&str], none: bool) -> bool {
    match slot_mut(answers, id) {
        Some(SlotMut::Multi(m, n)) => {
            m.set_stored(codes);
            *n = none;
            true
        }
        _ => false,
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl Milestone {
    /// A row with nothing typed in it.
    pub fn is_blank(&self) -> bool {
        blank(&self.what) && self.date.is_blank()
    }
}

impl Risk {
    /// A row with nothing typed in it.
    pub fn is_blank(&self) -> bool {
        blank(&self.risk) && blank(&self.action)
    }
}

impl Value {
    /// Whether anything has been answered: non-blank text, a choice made, a
    /// box ticked (including "None of these"), any part of a date typed, or
    /// a row with something in it.
    pub fn is_answered(&self) -> bool {
        match self {
            Value::Text(t) => !blank(t),
            Value::Choice(c) => c.is_some(),
            Value::Multi { values, none } => *none || !values.is_empty(),
            Value::Date(d) => !d.is_blank(),
            Value::Milestones(m) => m.iter().any(|m| !m.is_blank()),
            Value::Risks(r) => r.iter().any(|r| !r.is_blank()),
        }
    }
}

/// Whether a field (or row cell) has an answer. `false` for unknown ids.
pub fn is_answered(answers: &Answers, id: &str) -> bool {
    get(answers, id).is_some_and(|v| v.is_answered())
}

/// The answer as lines of human text, for check-answers and print: option
/// labels rather than codes, dates in words ("15 March 2017", or as typed
/// when not a real date), one line per ticked box, milestone or risk.
/// `None` when not answered (show "Not provided").
pub fn display_lines(answers: &Answers, id: &str) -> Option<Vec<String>> {
    let value = get(answers, id)?;
    if !value.is_answered() {
        return None;
    }
    let field_id = catalogue::field_for_path(id).map(|f| f.id).unwrap_or(id);
    let lines = match value {
        Value::Text(t) => vec![t.trim().to_string()],
        Value::Choice(c) => {
            let code = c?;
            vec![
                crate::forms::wording::option_label(&answers.screening, field_id, &code)
                    .unwrap_or(&code)
                    .to_string(),
            ]
        }
        Value::Multi { values, none } => {
            let mut lines: Vec<String> = values
                .iter()
                .map(|v| {
                    crate::forms::wording::option_label(&answers.screening, field_id, v)
                        .unwrap_or(v)
                        .to_string()
                })
                .collect();
            if none {
                lines.push(NONE_LABEL.to_string());
            }
            lines
        }
        Value::Date(d) => vec![display_date(&d)?],
        Value::Milestones(rows) => rows
            .iter()
            .filter(|m| !m.is_blank())
            .map(|m| match display_date(&m.date) {
                Some(d) if !blank(&m.what) => format!("{}: {}", d, m.what.trim()),
                Some(d) => d,
                None => m.what.trim().to_string(),
            })
            .collect(),
        Value::Risks(rows) => rows
            .iter()
            .filter(|r| !r.is_blank())
            .map(|r| {
                format!(
                    "{}: {}. {}: {}",
                    catalogue::RISK,
                    r.risk.trim(),
                    catalogue::RISK_ACTION,
                    r.action.trim()
                )
            })
            .collect(),
    };
    Some(lines)
}

/// [`display_lines`] joined with newlines (print with `white-space: pre-line`).
pub fn display(answers: &Answers, id: &str) -> Option<String> {
    display_lines(answers, id).map(|l| l.join("\n"))
}

/// Whether a field is shown: conditional reveals only when their controlling
/// answer has the catalogue's value (and that answer is shown), and questions
/// under a named condition only when it holds. The one rule, shared with
/// validation: [`crate::forms::validate::is_live`]. Hidden answers are kept.
pub fn is_shown(f: &catalogue::Field, answers: &Answers) -> bool {
    crate::forms::validate::is_live(answers, f)
}

/// Whether the answer to `ctrl` is `value`: a radio's choice, or one of a
/// checkbox list's values (`NONE_VALUE` for its "None of these").
pub fn has_value(answers: &Answers, ctrl: &str, value: &str) -> bool {
    match get(answers, ctrl) {
        Some(Value::Choice(Some(c))) => c == value,
        Some(Value::Multi { values, none }) => {
            (value == NONE_VALUE && none) || values.iter().any(|v| v == value)
        }
        _ => false,
    }
}

/// The empty value of a field's kind (what `get` gives for a fresh form).
pub fn empty_value(kind: Kind) -> Value {
    match kind {
        Kind::Text | Kind::Email | Kind::LongText => Value::Text(String::new()),
        Kind::Date => Value::Date(DateInput::default()),
        Kind::Radios(_) => Value::Choice(None),
        Kind::Checkboxes(..) => Value::Multi {
            values: vec![],
            none: false,
        },
        Kind::Milestones => Value::Milestones(vec![]),
        Kind::Risks => Value::Risks(vec![]),
    }
}

/// The stored value of the exclusive checkbox option.
pub const NONE: &str = NONE_VALUE;
