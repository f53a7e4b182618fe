//! The answers' shape is defined once: by the serde derives of
//! `involve::model` (the wire types). A file's `answers` are what serde
//! writes for them. Every other description of the shape is checked against
//! serde here, and these tests fail when one of them differs:
//!
//! * the catalogue (`forms::catalogue`) and the access tables
//!   (`forms::access`'s `slots!`): every answer serde writes is reached by
//!   exactly one catalogue field (a checkbox field also reaches its "None of
//!   these" flag), and setting a field through access changes exactly that
//!   answer in serde's output, to the value serde would write;
//! * the option codes (`access`'s `codes!`, the catalogue's options under
//!   every ruleset): each is serde's name for the value;
//! * the JSON schema's answers (`schema/involve-document.schema.json`): the
//!   same keys in every object, and in every enum exactly the codes of the
//!   answer's type (a ruleset may offer fewer: no ruleset asks a CCG to
//!   answer as a joint arrangement's respondent, which is a 2022 question).
//!
//! The hand-written writer and reader of `format::json` are checked against
//! serde by `tests/format_props.rs`
//! (`the_hand_written_json_writes_and_reads_what_serde_does`).

mod format_support;

use std::collections::{BTreeMap, BTreeSet};

use involve::forms::access::{self, Value as Answer};
use involve::forms::catalogue::{self, Kind};
use involve::forms::wording;
use involve::model::*;
use serde_json::{json, Value};

/// serde's JSON for the answers.
fn serde(a: &Answers) -> Value {
    serde_json::to_value(a).expect("the answers serialise")
}

/// Every answer in serde's JSON, by path: a date (an object of `day`,
/// `month` and `year`) and a list are one answer each; other objects are
/// groups of answers.
fn leaves(v: &Value, here: &str, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(m) if !is_date(v) => {
            for (k, x) in m {
                let path = if here.is_empty() {
                    k.clone()
                } else {
                    format!("{here}.{k}")
                };
                leaves(x, &path, out);
            }
        }
        _ => {
            out.insert(here.to_string(), v.clone());
        }
    }
}

fn is_date(v: &Value) -> bool {
    v.as_object().is_some_and(|m| {
        m.keys().map(String::as_str).collect::<Vec<_>>() == ["day", "month", "year"]
    })
}

fn leaves_of(a: &Answers) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    leaves(&serde(a), "", &mut out);
    out
}

/// The answers whose value differs between two serialisations.
fn changed(before: &BTreeMap<String, Value>, after: &BTreeMap<String, Value>) -> BTreeSet<String> {
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "setting an answer never adds or removes one"
    );
    before
        .iter()
        .filter(|(k, v)| after[*k] != **v)
        .map(|(k, _)| k.clone())
        .collect()
}

/// A field's options under every ruleset (the 2017 and 2022 rulesets offer
/// different organisations and arrangements).
fn codes(id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in RulesetId::ALL {
        let s = Screening {
            ruleset: r,
            ..Screening::default()
        };
        let f = wording::field(&s, id).expect("a catalogue field");
        match f.kind {
            Kind::Radios(o) | Kind::Checkboxes(o, _) => {
                out.extend(o.iter().map(|(c, _)| c.to_string()))
            }
            _ => {}
        }
    }
    out
}

/// Each value a field can be set to through access, with the JSON serde
/// must then write at the field's path.
fn samples(f: &catalogue::Field) -> Vec<(Answer, Value)> {
    let date = DateInput::new("3", "4", "2030");
    let date_json = json!({"day": "3", "month": "4", "year": "2030"});
    match f.kind {
        Kind::Text | Kind::Email | Kind::LongText => {
            vec![(
                Answer::Text(format!("text for {}", f.id)),
                json!(format!("text for {}", f.id)),
            )]
        }
        Kind::Date => vec![(Answer::Date(date), date_json)],
        Kind::Radios(_) => codes(f.id)
            .into_iter()
            .map(|c| (Answer::Choice(Some(c.clone())), json!(c)))
            .collect(),
        Kind::Checkboxes(..) => codes(f.id)
            .into_iter()
            .map(|c| {
                (
                    Answer::Multi {
                        values: vec![c.clone()],
                        none: false,
                    },
                    json!([c]),
                )
            })
            .collect(),
        Kind::Milestones => vec![(
            Answer::Milestones(vec![Milestone {
                what: "Launch".into(),
                date,
            }]),
            json!([{"what": "Launch", "date": date_json}]),
        )],
        Kind::Risks => vec![(
            Answer::Risks(vec![Risk {
                risk: "Low turnout".into(),
                action: "Extra sessions".into(),
            }]),
            json!([{"risk": "Low turnout", "action": "Extra sessions"}]),
        )],
    }
}

/// Where a checkbox field keeps its "None of these", as serde writes it:
/// the one answer that ticking it alone changes besides the list.
fn none_flag(id: &str) -> String {
    let mut a = Answers::default();
    let before = leaves_of(&a);
    let none = Answer::Multi {
        values: vec![],
        none: true,
    };
    assert!(
        access::set(&mut a, id, none),
        "{id}: None of these can be ticked"
    );
    let after = leaves_of(&a);
    let changed = changed(&before, &after);
    assert_eq!(
        changed.len(),
        1,
        "{id}: ticking None changes one answer: {changed:?}"
    );
    let flag = changed.into_iter().next().unwrap();
    assert_eq!(
        after[&flag],
        json!(true),
        "{id}: None is a flag serde writes as true"
    );
    flag
}

#[test]
fn setting_each_field_through_access_changes_exactly_its_own_answer_in_serde_s_json() {
    for f in catalogue::fields() {
        for (answer, expected) in samples(f) {
            let mut a = Answers::default();
            let before = leaves_of(&a);
            assert!(
                access::set(&mut a, f.id, answer.clone()),
                "{}: {answer:?} is accepted",
                f.id
            );
            let after = leaves_of(&a);
            assert_eq!(
                changed(&before, &after),
                BTreeSet::from([f.id.to_string()]),
                "{}: {answer:?} changes only the answer serde writes at its id",
                f.id
            );
            assert_eq!(
                after[f.id], expected,
                "{}: serde writes {answer:?} as expected",
                f.id
            );
            assert_eq!(access::get(&a, f.id), Some(answer), "{}: read back", f.id);
        }
    }
}

#[test]
fn every_answer_serde_writes_is_one_catalogue_field_or_a_checkbox_s_none_flag() {
    let serde_paths: BTreeSet<String> = leaves_of(&Answers::default()).into_keys().collect();
    let mut reached = BTreeSet::new();
    for f in catalogue::fields() {
        assert!(
            reached.insert(f.id.to_string()),
            "{}: one field per answer",
            f.id
        );
        if let Kind::Checkboxes(_, Some(_)) = f.kind {
            assert!(
                reached.insert(none_flag(f.id)),
                "{}: its own None flag",
                f.id
            );
        }
    }
    let missing: Vec<_> = serde_paths.difference(&reached).collect();
    let extra: Vec<_> = reached.difference(&serde_paths).collect();
    assert!(
        missing.is_empty(),
        "answers serde writes that no field reaches: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "fields with no answer in serde's JSON: {extra:?}"
    );
}

/// Every enum of the answers: its codes (`access::Code`), each checked to
/// be serde's name for its value.
fn all_codes() -> BTreeSet<&'static str> {
    fn same<T: access::Code + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug>(
        out: &mut BTreeSet<&'static str>,
    ) {
        for v in T::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(v.code()), "{v:?}");
            let back: T = serde_json::from_value(json!(v.code())).unwrap();
            assert_eq!(back, *v);
            out.insert(v.code());
        }
    }
    let mut out = BTreeSet::new();
    same::<YesNo>(&mut out);
    same::<Body>(&mut out);
    same::<JointModel>(&mut out);
    same::<FunctionHolder>(&mut out);
    same::<Activity>(&mut out);
    same::<PatientMatter>(&mut out);
    same::<UrgencyGround>(&mut out);
    same::<PublicInterest>(&mut out);
    out
}

#[test]
fn every_option_code_is_serde_s_name_for_its_value() {
    assert!(all_codes().len() > 20);
}

/// The codes access accepts for a choice or checkbox field, each written by
/// serde as itself: the codes of the field's type.
fn accepted(f: &catalogue::Field) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in all_codes() {
        let answer = match f.kind {
            Kind::Radios(_) => Answer::Choice(Some(c.to_string())),
            _ => Answer::Multi {
                values: vec![c.to_string()],
                none: false,
            },
        };
        let mut a = Answers::default();
        if access::set(&mut a, f.id, answer) {
            let written = &leaves_of(&a)[f.id];
            assert!(
                *written == json!(c) || *written == json!([c]),
                "{}: {c} written as {written}",
                f.id
            );
            out.insert(c.to_string());
        }
    }
    out
}

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/involve-document.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            resolve(root, &root["$defs"][name])
        }
        None => node,
    }
}

/// Walk serde's JSON of `a` beside the schema: every object has exactly the
/// schema's properties, and every enum answer's codes are the schema's.
fn beside(root: &Value, node: &Value, v: &Value, path: &str) {
    let node = resolve(root, node);
    match v {
        Value::Object(m) => {
            let props = node["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{path}: an object in the schema"));
            let ours: BTreeSet<&String> = m.keys().collect();
            let theirs: BTreeSet<&String> = props.keys().collect();
            assert_eq!(ours, theirs, "{path}: serde's keys are the schema's");
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                beside(root, &props[k], x, &p);
            }
        }
        Value::Array(items) => {
            for x in items {
                beside(root, &node["items"], x, path);
            }
        }
        _ => {}
    }
}

/// The schema's codes for an answer (without `null`).
fn schema_codes(root: &Value, path: &str) -> Option<BTreeSet<String>> {
    let mut node = resolve(root, &root["$defs"]["answers"]);
    for k in path.split('.') {
        node = resolve(root, &node["properties"][k]);
    }
    if node.get("items").is_some() {
        node = resolve(root, &node["items"]);
    }
    node.get("enum").map(|e| {
        e.as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_str().map(String::from))
            .collect()
    })
}

#[test]
fn the_schema_s_answers_have_serde_s_keys_and_every_option_code() {
    let root = schema();
    let answers = &root["$defs"]["answers"];
    // With every list holding a row, so that the rows' keys are compared too.
    for a in [Answers::default(), format_support::everything()] {
        beside(&root, answers, &serde(&a), "");
    }
    for f in catalogue::fields() {
        let (Kind::Radios(_) | Kind::Checkboxes(..)) = f.kind else {
            assert_eq!(schema_codes(&root, f.id), None, "{}: no codes", f.id);
            continue;
        };
        let schema = schema_codes(&root, f.id).unwrap_or_default();
        assert_eq!(
            schema,
            accepted(f),
            "{}: the schema's codes are its type's",
            f.id
        );
        let offered = codes(f.id);
        assert!(
            offered.is_subset(&schema),
            "{}: options {offered:?} outside the schema",
            f.id
        );
    }
}
