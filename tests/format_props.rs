//! Property tests of the document format.
//!
//! * export → import is lossless for arbitrary answers (every field,
//!   unicode, right-to-left text, emoji, control characters, long strings,
//!   rows) under either ruleset, and the digest verifies; any single changed
//!   text answer fails it;
//! * a document written under a ruleset reads back under that ruleset,
//!   whatever ruleset the answers were given under, with every answer;
//! * import never panics on arbitrary text, bytes, JSON values, or valid
//!   documents with one answer replaced by arbitrary JSON;
//! * adding a question (of any shape, anywhere in the answers) leaves every
//!   earlier document verifiable, and its answer, once given, is read back
//!   and covered by the digest (issue 19).
//!
//! Case counts: 256 for each property.

mod format_support;

use format_support::arb::{chars_in, ruleset, Arb};
use format_support::later::{AddedAnswer, OneAdded};
use format_support::*;
use involve::format::{self, import, import_bytes};
use involve::model::*;
use involve::rules;
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;

/// Text answers: empty, plain, any Unicode scalar, right-to-left (Hebrew,
/// Arabic, direction marks and embeddings), emoji with joiners, control
/// characters with quotes and backslashes, and long multi-line text.
/// (Built from characters rather than regexes: much faster to generate.)
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => Just(String::new()),
        3 => chars_in(&[(0x20, 0x7e)], 40),
        2 => vec(any::<char>(), 0..40).prop_map(String::from_iter),
        1 => chars_in(&[(0x0590, 0x05ff), (0x0600, 0x06ff), (0x200e, 0x200f), (0x202a, 0x202e), (0x20, 0x20)], 30),
        1 => chars_in(&[(0x1f300, 0x1f6ff), (0x1f9e0, 0x1f9ff), (0x200d, 0x200d), (0xfe0f, 0xfe0f), (0x61, 0x61)], 20),
        1 => chars_in(&[(0x00, 0x1f), (0x7f, 0x9f), (0x22, 0x22), (0x5c, 0x5c), (0x2f, 0x2f), (0x2028, 0x2029)], 20),
        1 => (200usize..700, any::<u64>()).prop_map(|(n, seed)| {
            let words = ["commissioning ", "patients ", "\n", "engagement ", "café ", "ولادة ", "👩‍⚕️ "];
            (0..n).map(|i| words[(seed as usize).wrapping_add(i * 7) % words.len()]).collect::<String>()
        }),
    ]
    .boxed()
}

fn date() -> BoxedStrategy<DateInput> {
    prop_oneof![
        Just(DateInput::default()),
        (1u32..=31, 1u32..=12, 1900u32..=2100).prop_map(|(d, m, y)| DateInput::new(
            &d.to_string(),
            &m.to_string(),
            &y.to_string()
        )),
        (text(), text(), text()).prop_map(|(day, month, year)| DateInput { day, month, year }),
    ]
    .boxed()
}

/// The answers: these texts and dates, up to 4 checkbox choices, up to 5
/// milestones and risks.
const ARB: Arb = Arb {
    text,
    date,
    choices: 5,
    rows: 6,
};

fn answers() -> BoxedStrategy<Answers> {
    ARB.answers()
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        text().prop_map(Value::from),
        prop::sample::select(vec![
            "involve",
            "nhse-2017",
            "nhse-2022",
            "yes",
            "no",
            "ccg",
            "icb",
            "nhs_trust",
            "2026-11-21T09:30:00Z"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(24, 256, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            vec(
                (
                    prop_oneof![
                        "[a-z_]{1,12}",
                        Just("format".to_string()),
                        Just("version".to_string()),
                        Just("answers".to_string())
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Every path to a leaf or container of a JSON value.
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            let mut p = here.clone();
            p.push(k.clone());
            paths(c, p, out)
        }),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
            let mut p = here.clone();
            p.push(i.to_string());
            paths(c, p, out)
        }),
        _ => {}
    }
}

fn at_mut<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        other => &mut other[k.as_str()],
    })
}

/// How many cases the round-trip property runs: 256 in a plain `cargo
/// test`; `make test` runs it again in release mode with
/// `ROUND_TRIP_CASES=10000`.
fn round_trip_cases() -> u32 {
    std::env::var("ROUND_TRIP_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: round_trip_cases(), ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_lossless_and_the_digest_verifies(a in answers()) {
        let text = export_doc(&a);
        let got = import(&text).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert!(got.digest_verified);
        prop_assert!(got.notes.is_empty());
        prop_assert_eq!(got.ruleset, a.screening.ruleset.id());
        prop_assert_eq!(&got.answers, &a);
        // And again through bytes and a compact re-serialisation.
        let compact = serde_json::to_vec(&to_value(&text)).unwrap();
        prop_assert_eq!(import_bytes(&compact).map(|g| g.answers).ok(), Some(a));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Written under `r`, read back under `r`: no answer is lost and the
    /// ruleset is the one written, never another.
    #[test]
    fn a_document_reads_back_under_the_ruleset_it_was_written_under(a in answers(), r in ruleset()) {
        let text = format::export(&a, rules::law(r), CREATED, UPDATED, today());
        let got = import(&text).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(got.ruleset, r.id());
        prop_assert_eq!(got.answers.screening.ruleset, r);
        let mut want = a.clone();
        want.screening.ruleset = r;
        prop_assert_eq!(&got.answers, &want);
        // And it exports again to the same bytes.
        prop_assert_eq!(format::export_answers(&got.answers, CREATED, UPDATED, today()), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn changing_any_text_answer_breaks_the_digest(a in answers(), pick in any::<prop::sample::Index>(), extra in "[a-z]{1,3}") {
        let mut v = to_value(&export_doc(&a));
        let mut all = vec![];
        paths(&v["answers"], vec![], &mut all);
        let answers = v["answers"].clone();
        let texts: Vec<Vec<String>> = all.into_iter().filter(|p| {
            p.iter().try_fold(&answers, |w, k| match w {
                Value::Array(a) => a.get(k.parse::<usize>().ok()?),
                other => other.get(k.as_str()),
            }).is_some_and(Value::is_string)
        }).collect();
        let p = pick.get(&texts).clone();
        if let Value::String(s) = at_mut(&mut v["answers"], &p) {
            s.push_str(&extra);
        }
        // Text answers fail the digest; choices (which are strings too) are
        // no longer one of their values, which is reported first.
        match import(&to_text(&v)).unwrap_err() {
            format::ImportError::DigestMismatch => {}
            format::ImportError::WrongType { path, expected, .. } => {
                let want = p.iter().fold(String::from("answers"), |acc, k| {
                    if k.bytes().all(|b| b.is_ascii_digit()) { format!("{acc}[{k}]") } else { format!("{acc}.{k}") }
                });
                prop_assert_eq!(path, want);
                prop_assert!(expected.starts_with("one of"));
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(s in any::<String>()) {
        let _ = import(&s);
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(b in vec(any::<u8>(), 0..512)) {
        let _ = import_bytes(&b);
    }

    #[test]
    fn import_never_panics_on_arbitrary_json(v in json_value()) {
        let _ = import(&v.to_string());
        // The same value dressed as a document of each version.
        for version in [1, 2, 3] {
            let doc = serde_json::json!({"format": "involve", "version": version, "ruleset": "nhse-2017",
                "created": CREATED, "updated": UPDATED, "saved": CREATED, "answers": v, "digest": "sha256:00"});
            let r = import(&doc.to_string());
            prop_assert!(r.is_err() || version == 1);
        }
    }

    #[test]
    fn import_never_panics_when_one_answer_is_replaced_by_arbitrary_json(
        a in answers(), pick in any::<prop::sample::Index>(), replacement in json_value(), reseal in any::<bool>(),
    ) {
        let mut v = to_value(&export_doc(&a));
        let mut all = vec![];
        paths(&v, vec![], &mut all);
        let p = pick.get(&all).clone();
        *at_mut(&mut v, &p) = replacement;
        if reseal {
            if let Ok(x) = serde_json::from_value::<Answers>(v["answers"].clone()) {
                let r = v.get("ruleset").and_then(Value::as_str).unwrap_or("nhse-2017").to_string();
                v["digest"] = Value::from(format::digest(&r, &x));
            }
        }
        // Whatever happens, a success means the answers are typed exactly.
        if let Ok(got) = import(&to_text(&v)) {
            prop_assert_eq!(serde_json::to_value(&got.answers).ok().map(|x| x.is_object()), Some(true));
        }
    }
}

/// `{ruleset, answers}` through the derived `Serialize`: what the digest
/// covered before `format::json` replaced serde on Involve's own path.
#[derive(serde::Serialize)]
struct SerdeContent<'a> {
    ruleset: &'a str,
    answers: &'a Answers,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The hand-written writer (`format::json`) writes and reads what
    /// serde_json gives for the derived impls: the document, the digest
    /// content, and reading back equals `from_value`.
    ///
    /// The model now has questions added since format 2 (issue 17's
    /// records). The writer puts them after format 2's answers (by id) and
    /// only once answered, where serde writes every field in declaration
    /// order, so the comparison is of values with the added questions that
    /// are unanswered taken out of serde's. The bytes of format 2's answers
    /// stay pinned by `tests/format_releases.rs` and the fixtures.
    #[test]
    fn the_hand_written_json_writes_and_reads_what_serde_does(a in answers()) {
        for r in [nhse(), nhse_2022()] {
            let doc = format::Document::new(&a, r, "2026-11-21T09:30:00Z", "2026-11-21T10:05:00Z", today());
            let ours: Value = serde_json::from_str(&doc.to_json()).unwrap();
            let mut theirs = serde_json::to_value(&doc).unwrap();
            drop_unanswered_added(&mut theirs["answers"], "");
            prop_assert_eq!(&ours, &theirs);
            let content: Value = serde_json::from_str(&format::canonical_content(r.id(), &a)).unwrap();
            let mut by_serde = serde_json::to_value(SerdeContent { ruleset: r.id(), answers: &a }).unwrap();
            drop_unanswered_added(&mut by_serde["answers"], "");
            prop_assert_eq!(content, by_serde);
        }
        let v = serde_json::to_value(&a).unwrap();
        prop_assert_eq!(format::json::answers_from(&ours(&v)), serde_json::from_value::<Answers>(v).unwrap());
    }
}

/// Remove from serde's answers the questions added since format 2 that hold
/// their unanswered value (what `format::json` leaves out); a checkbox's
/// "none" flag goes with its list.
fn drop_unanswered_added(v: &mut Value, path: &str) {
    let Value::Object(m) = v else { return };
    let keys: Vec<String> = m.keys().cloned().collect();
    for k in keys {
        let id = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        let v2 = format::json::V2_FIELDS.iter().any(|f| {
            *f == id || f.starts_with(&format!("{id}.")) || id.starts_with(&format!("{f}."))
        }) || matches!(
            k.as_str(),
            "no_activity_type" | "no_patient_matters" | "no_public_interest"
        );
        if v2 {
            if m[&k].is_object() {
                drop_unanswered_added(m.get_mut(&k).unwrap(), &id);
            }
            continue;
        }
        let list = |m: &serde_json::Map<String, Value>| {
            m.get("joint_other_holders")
                .and_then(Value::as_array)
                .is_some_and(|l| !l.is_empty())
        };
        let none = |m: &serde_json::Map<String, Value>| {
            m.get("no_joint_other_holders") == Some(&Value::Bool(true))
        };
        let unanswered = match (k.as_str(), &m[&k]) {
            ("joint_other_holders" | "no_joint_other_holders", _) => !list(m) && !none(m),
            (_, Value::Null) => true,
            (_, Value::String(s)) => s.is_empty(),
            (_, Value::Array(a)) => a.is_empty(),
            (_, Value::Object(o)) => o.values().all(|x| x.as_str() == Some("")),
            _ => false,
        };
        let is_date = m[&k].get("day").is_some();
        if unanswered {
            m.remove(&k);
        } else if m[&k].is_object() && !is_date {
            drop_unanswered_added(m.get_mut(&k).unwrap(), &id);
        }
    }
}

/// One question added after format 2: into an existing object, a nested
/// one or a new one, in any shape, answered or not.
fn added() -> BoxedStrategy<OneAdded> {
    let groups = vec![
        "screening",
        "screening.previous",
        "b",
        "b.completed_by",
        "b.signoff",
        "c",
        "c.review",
        "screening.extra.deep",
    ];
    let answer = prop_oneof![
        text().prop_map(AddedAnswer::Text),
        prop::sample::select(vec![None, Some("yes"), Some("no")]).prop_map(AddedAnswer::Choice),
        vec(prop::sample::select(vec!["yes", "no"]), 0..3).prop_map(AddedAnswer::Multi),
        date().prop_map(AddedAnswer::Date),
        vec(
            (text(), text()).prop_map(|(risk, action)| Risk { risk, action }),
            0..3
        )
        .prop_map(AddedAnswer::Rows),
    ];
    (prop::sample::select(groups), "[a-z]{1,8}", answer)
        .prop_map(|(group, key, answer)| {
            let id: &'static str = Box::leak(format!("{group}.added_{key}").into_boxed_str());
            OneAdded {
                answers: Answers::default(),
                id,
                answer,
            }
        })
        .boxed()
}

fn is_answered(q: &OneAdded) -> bool {
    *q != OneAdded {
        answers: q.answers.clone(),
        ..q.blank()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A document written before a question was added reads it as
    /// unanswered, and still verifies with every answer as written.
    #[test]
    fn adding_a_question_leaves_every_earlier_document_verifiable(a in answers(), r in ruleset(), q in added()) {
        let earlier = format::export(&a, rules::law(r), CREATED, UPDATED, today());
        let got = format::import_as(&earlier, q.blank()).map_err(|e| TestCaseError::fail(format!("{} {e}", q.id)))?;
        prop_assert!(got.digest_verified);
        prop_assert!(got.notes.is_empty());
        let mut want = q.blank();
        want.answers = a;
        want.answers.screening.ruleset = r;
        let mut read = got.answers;
        read.answers.screening.ruleset = r;
        prop_assert_eq!(read, want);
    }

    /// Written with the question answered, the document verifies and reads
    /// it back; taking the answer out of the file breaks the digest.
    #[test]
    fn an_added_answer_is_read_back_and_covered_by_the_digest(a in answers(), r in ruleset(), mut q in added()) {
        q.answers = a;
        let text = format::Document::new(&q.answers, rules::law(r), CREATED, UPDATED, today()).to_json_as(&q);
        let got = format::import_as(&text, q.blank()).map_err(|e| TestCaseError::fail(format!("{} {e}", q.id)))?;
        prop_assert!(got.digest_verified);
        prop_assert_eq!(&got.answers.answer, &q.answer);
        if is_answered(&q) {
            let mut v = to_value(&text);
            let (group, key) = q.id.rsplit_once('.').unwrap();
            let object = group.split('.').fold(&mut v["answers"], |v, k| &mut v[k]);
            prop_assert!(object.as_object_mut().unwrap().remove(key).is_some());
            prop_assert_eq!(format::import_as(&to_text(&v), q.blank()).err(), Some(format::ImportError::DigestMismatch));
        }
    }
}
