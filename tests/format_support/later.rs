//! A later Involve, for the format's evolution tests: its question list has
//! questions moved ([`Moved`]) and questions added ([`Later`]), some into
//! existing objects, one a new object, one a new array. They are given to
//! the production writer, reader and digest through `format::json::Answered`,
//! as a release that added them to the model and the catalogue would be.

use involve::format::json::Answered;
use involve::forms::access::{self, Stored};
use involve::forms::catalogue;
use involve::model::*;

/// The catalogue's questions with two moved: the first to the end, the
/// last Appendix C question to the front.
pub fn moved_questions() -> Vec<&'static str> {
    let mut q: Vec<&'static str> = catalogue::fields().iter().map(|f| f.id).collect();
    let first = q.remove(0);
    q.push(first);
    let last = q.iter().rposition(|id| id.starts_with("c.")).unwrap();
    let c = q.remove(last);
    q.insert(0, c);
    q
}

/// Today's answers under a question list with questions moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moved(pub Answers);

impl Answered for Moved {
    fn questions(&self) -> Vec<&'static str> {
        moved_questions()
    }
    fn stored(&self, id: &str) -> Option<Stored<'_>> {
        self.0.stored(id)
    }
    fn read(&mut self, id: &str, value: access::Value) -> bool {
        self.0.read(id, value)
    }
}

/// The ids of the questions [`Later`] adds.
pub const ADDED: [&str; 5] = [
    "screening.reconsulted",
    "b.completed_by.phone",
    "c.review.date",
    "c.review.notes",
    "c.contacts",
];

/// A later release's answers: today's, and five questions added (a
/// screening choice, a text in Appendix B's nested `completed_by`, a new
/// object `c.review` with a date and a text, a new list `c.contacts`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Later {
    pub answers: Answers,
    pub reconsulted: Option<YesNo>,
    pub phone: String,
    pub review_date: DateInput,
    pub review_notes: String,
    pub contacts: Vec<Risk>,
}

impl Later {
    /// `answers` with every added question unanswered, as a file from
    /// before them reads.
    pub fn of(answers: Answers) -> Self {
        Later {
            answers,
            ..Later::default()
        }
    }
}

impl Answered for Later {
    fn questions(&self) -> Vec<&'static str> {
        // Added among the others, not at the end: the list's order is not the file's.
        let mut q = moved_questions();
        for (i, id) in ADDED.iter().enumerate() {
            q.insert(i * 7, id);
        }
        q
    }
    fn stored(&self, id: &str) -> Option<Stored<'_>> {
        Some(match id {
            "screening.reconsulted" => {
                Stored::Choice(
                    self.reconsulted
                        .map(|y| if y.is_yes() { "yes" } else { "no" }),
                )
            }
            "b.completed_by.phone" => Stored::Text(&self.phone),
            "c.review.date" => Stored::Date(&self.review_date),
            "c.review.notes" => Stored::Text(&self.review_notes),
            "c.contacts" => Stored::Risks(&self.contacts),
            _ => return self.answers.stored(id),
        })
    }
    fn read(&mut self, id: &str, value: access::Value) -> bool {
        match (id, value) {
            ("screening.reconsulted", access::Value::Choice(c)) => {
                self.reconsulted = match c.as_deref() {
                    Some("yes") => Some(YesNo::Yes),
                    Some("no") => Some(YesNo::No),
                    _ => None,
                }
            }
            ("b.completed_by.phone", access::Value::Text(t)) => self.phone = t,
            ("c.review.date", access::Value::Date(d)) => self.review_date = d,
            ("c.review.notes", access::Value::Text(t)) => self.review_notes = t,
            ("c.contacts", access::Value::Risks(r)) => self.contacts = r,
            (id, value) => return self.answers.read(id, value),
        }
        true
    }
}

/// The answer to one added question, in each shape a question can take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddedAnswer {
    Text(String),
    Choice(Option<&'static str>),
    /// Checkbox codes (an added checkbox has no "None of these" key).
    Multi(Vec<&'static str>),
    Date(DateInput),
    Rows(Vec<Risk>),
}

/// Today's answers and one question added at `id` (the property tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OneAdded {
    pub answers: Answers,
    pub id: &'static str,
    pub answer: AddedAnswer,
}

impl OneAdded {
    /// Nothing answered, the question still added: what import reads into.
    pub fn blank(&self) -> Self {
        let answer = match &self.answer {
            AddedAnswer::Text(_) => AddedAnswer::Text(String::new()),
            AddedAnswer::Choice(_) => AddedAnswer::Choice(None),
            AddedAnswer::Multi(_) => AddedAnswer::Multi(Vec::new()),
            AddedAnswer::Date(_) => AddedAnswer::Date(DateInput::default()),
            AddedAnswer::Rows(_) => AddedAnswer::Rows(Vec::new()),
        };
        OneAdded {
            answers: Answers::default(),
            id: self.id,
            answer,
        }
    }
}

fn yes_or_no(code: &str) -> Option<&'static str> {
    ["yes", "no"].into_iter().find(|c| *c == code)
}

impl Answered for OneAdded {
    fn questions(&self) -> Vec<&'static str> {
        let mut q = moved_questions();
        q.insert(q.len() / 2, self.id);
        q
    }
    fn stored(&self, id: &str) -> Option<Stored<'_>> {
        if id != self.id {
            return self.answers.stored(id);
        }
        Some(match &self.answer {
            AddedAnswer::Text(t) => Stored::Text(t),
            AddedAnswer::Choice(c) => Stored::Choice(*c),
            AddedAnswer::Multi(codes) => Stored::Multi(codes.clone(), false),
            AddedAnswer::Date(d) => Stored::Date(d),
            AddedAnswer::Rows(r) => Stored::Risks(r),
        })
    }
    fn read(&mut self, id: &str, value: access::Value) -> bool {
        if id != self.id {
            return self.answers.read(id, value);
        }
        self.answer = match value {
            access::Value::Text(t) => AddedAnswer::Text(t),
            access::Value::Choice(c) => AddedAnswer::Choice(c.as_deref().and_then(yes_or_no)),
            access::Value::Multi { values, .. } => {
                AddedAnswer::Multi(values.iter().filter_map(|v| yes_or_no(v)).collect())
            }
            access::Value::Date(d) => AddedAnswer::Date(d),
            access::Value::Risks(r) => AddedAnswer::Rows(r),
            access::Value::Milestones(_) => return false,
        };
        true
    }
}
