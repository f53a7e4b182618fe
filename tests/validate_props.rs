//! Property tests (issue 6): validation and the rules never panic, whatever
//! the answers; import never panics on a valid document mutated at random
//! (types flipped, keys deleted, values inserted, rows duplicated), and what
//! it accepts validates and round-trips.
//!
//! Case counts: 2000 for validation over arbitrary answers and dates,
//! 2000 for the rules, 1000 for mutated documents (each with 1 to 8
//! mutations, resealed half the time so the digest does not stop them).
//! The lossless export → import property is in tests/format_props.rs.

mod format_support;

use format_support::arb::{chars_in, Arb};
use format_support::*;
use involve::format::{self, import};
use involve::forms::{self, Section};
use involve::model::*;
use involve::rules::{self, Verdict};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

/// Text as people (and other tools) type it: blank, plain, any unicode,
/// right-to-left and bidi controls, emoji sequences, combining marks,
/// control characters, markup, very long.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => Just(String::new()),
        3 => chars_in(&[(0x20, 0x7e)], 40),
        2 => vec(any::<char>(), 0..40).prop_map(String::from_iter),
        1 => chars_in(&[(0x0590, 0x05ff), (0x0600, 0x06ff), (0x200e, 0x200f), (0x202a, 0x202e), (0x2066, 0x2069), (0x20, 0x20)], 30),
        1 => chars_in(&[(0x1f300, 0x1f6ff), (0x1f9e0, 0x1f9ff), (0x1f1e6, 0x1f1ff), (0x200d, 0x200d), (0xfe0f, 0xfe0f), (0x20, 0x20)], 20),
        1 => chars_in(&[(0x61, 0x61), (0x0300, 0x036f), (0x20dd, 0x20dd)], 40),
        1 => chars_in(&[(0x00, 0x1f), (0x7f, 0x9f), (0x2028, 0x2029), (0xfeff, 0xfeff), (0xfffd, 0xfffd), (0x22, 0x22), (0x5c, 0x5c), (0x2f, 0x2f)], 20),
        1 => prop::sample::select(vec![
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "  ", "\t\n",
            "a@b.c", "@", "a@@b.c", "name@nhs.net ", "x@y..z", "\u{0}",
        ]).prop_map(String::from),
        1 => (1000usize..4000, any::<u64>()).prop_map(|(n, seed)| {
            let words = ["commissioning ", "patients ", "\n", "engagement ", "café ", "ولادة ", "👩‍⚕️ ", "\u{202e}", "[{", "\\\""];
            (0..n).map(|i| words[(seed as usize).wrapping_add(i.wrapping_mul(7)) % words.len()]).collect::<String>()
        }),
    ]
    .boxed()
}

/// A part of a typed date: digits of any length, signs, spaces, other
/// scripts' digits, leap-year edges, or any text.
fn date_part() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (0u32..40).prop_map(|n| n.to_string()),
        2 => (0u32..10_000).prop_map(|n| format!("{n:04}")),
        1 => chars_in(&[(0x30, 0x39)], 30),
        1 => prop::sample::select(vec![
            "", " ", "0", "00", "29", "30", "31", "32", "02", "2", "13", "0000", "1000", "999", "1900", "2000",
            "2100", "2024", "2025", "9999", "-1", "+1", " 1 ", "1e3", "0x1F", "١", "٣١", "１", "Ⅻ", "2024\u{0}",
            "18446744073709551616", "4294967296",
        ]).prop_map(String::from),
        1 => text(),
    ]
    .boxed()
}

fn date() -> BoxedStrategy<DateInput> {
    prop_oneof![
        1 => Just(DateInput::default()),
        4 => (date_part(), date_part(), date_part()).prop_map(|(day, month, year)| DateInput { day, month, year }),
    ]
    .boxed()
}

/// Any `today`, including impossible ones a buggy caller could pass.
fn today() -> BoxedStrategy<Ymd> {
    prop_oneof![
        4 => (1900i32..2200, 1u32..=12, 1u32..=28).prop_map(|(year, month, day)| Ymd { year, month, day }),
        1 => (any::<i32>(), any::<u32>(), any::<u32>()).prop_map(|(year, month, day)| Ymd { year, month, day }),
    ]
    .boxed()
}

/// The answers: these texts and dates, up to 5 checkbox choices, up to 11
/// milestones and risks.
const ARB: Arb = Arb {
    text,
    date,
    choices: 6,
    rows: 12,
};

fn screening() -> BoxedStrategy<Screening> {
    ARB.screening()
}

fn answers() -> BoxedStrategy<Answers> {
    prop_oneof![
        // Mostly realistic forms with random changes on top ...
        2 => ARB.answers(),
        // ... and the complete example with one part replaced, so that the
        // deeper checks (sign-off order, plan, milestones) are reached.
        1 => (screening(), any::<bool>()).prop_map(|(s, keep)| {
            let mut a = complete();
            if !keep {
                a.screening = s;
            }
            a
        }),
        1 => (ARB.appendix_b(), ARB.appendix_c(), any::<bool>()).prop_map(|(b, c, which)| {
            let mut a = complete();
            if which { a.b = b } else { a.c = c }
            a
        }),
    ]
    .boxed()
}

fn assert_wording(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "empty message");
    let lower = message.to_lowercase();
    for word in ["please", "invalid", "required"] {
        prop_assert!(
            !lower.contains(word),
            "message says {:?}: {}",
            word,
            message
        );
    }
    prop_assert!(
        !lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "valid"),
        "message says valid: {}",
        message
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Validation never panics, is deterministic, and every issue is
    /// well-formed (path, stable code, a message in NHS wording); each page's
    /// report (one page per case, picked at random) is exactly that page's
    /// part of the whole.
    #[test]
    fn validation_never_panics_on_arbitrary_answers_and_dates(a in answers(), today in today(), pick in any::<Index>()) {
        let report = forms::Derived::new(&a, today).report;
        prop_assert_eq!(&forms::Derived::new(&a, today).report, &report);
        for issue in &report.issues {
            prop_assert!(!issue.path.is_empty());
            prop_assert!(!issue.code.is_empty() && issue.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", issue.code);
            assert_wording(&issue.message)?;
            let _ = issue.to_string();
        }
        prop_assert_eq!(report.is_complete(), report.errors().next().is_none());
        let section = *pick.get(&Section::ALL);
        let page = forms::Report { issues: forms::Derived::new(&a, today).section_issues(section).cloned().collect() };
        let expected: Vec<_> = report.issues.iter().filter(|i| i.section() == Some(section)).cloned().collect();
        prop_assert_eq!(page.issues, expected);
    }

    /// The rules never panic and give a consistent assessment.
    #[test]
    fn the_rules_never_panic_on_arbitrary_screening(s in screening()) {
        let a = rules::assess(&s);
        prop_assert_eq!(&rules::assess(&s), &a);
        for r in rules::all() {
            let b = r.assess(&s);
            let _ = b.route();
            prop_assert_eq!(Verdict::from_code(b.verdict.code()), Some(b.verdict));
        }
        prop_assert_eq!(a.verdict == Verdict::Applies, !a.duties.is_empty(), "{:?}", a);
    }
}

/// One random change to a JSON document.
#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the value at a path with one of another type.
    FlipType(Index, u8),
    /// Delete a key (or array item).
    Delete(Index),
    /// Insert a key with a value into an object (or an item into an array).
    Insert(Index, String, Value),
    /// Duplicate an array item or copy a value over another.
    Copy(Index, Index),
}

fn leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        text().prop_map(Value::from),
        prop::sample::select(vec![
            "yes",
            "no",
            "ccg",
            "joint",
            "nhs_england",
            "planning",
            "involve",
            "nhse-2017",
            "31",
            "02",
            "2024"
        ])
        .prop_map(Value::from),
        Just(json!({})),
        Just(json!([])),
        Just(json!({"day": "29", "month": "2", "year": "2025"})),
        Just(json!([{"what": 1, "date": "x"}])),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        "[a-z_]{1,16}",
        prop::sample::select(vec![
            "format",
            "version",
            "ruleset",
            "answers",
            "digest",
            "screening",
            "b",
            "c",
            "title",
            "body",
            "date",
            "day",
            "timescales",
            "risks",
            "activities",
            "__proto__",
            "constructor",
            "",
        ])
        .prop_map(String::from),
    ]
    .boxed()
}

fn mutation() -> BoxedStrategy<Mutation> {
    prop_oneof![
        3 => (any::<Index>(), any::<u8>()).prop_map(|(i, t)| Mutation::FlipType(i, t)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        2 => (any::<Index>(), key(), leaf()).prop_map(|(i, k, v)| Mutation::Insert(i, k, v)),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::Copy(a, b)),
    ]
    .boxed()
}

type Path = Vec<PathStep>;
#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Item(usize),
}

fn paths(v: &Value, here: Path, out: &mut Vec<Path>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| {
            let mut p = here.clone();
            p.push(PathStep::Key(k.clone()));
            paths(c, p, out)
        }),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
            let mut p = here.clone();
            p.push(PathStep::Item(i));
            paths(c, p, out)
        }),
        _ => {}
    }
}

fn at<'a>(v: &'a Value, path: &[PathStep]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, step| match (v, step) {
        (Value::Object(m), PathStep::Key(k)) => m.get(k),
        (Value::Array(a), PathStep::Item(i)) => a.get(*i),
        _ => None,
    })
}

fn at_mut<'a>(v: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match (v, step) {
        (Value::Object(m), PathStep::Key(k)) => m.get_mut(k),
        (Value::Array(a), PathStep::Item(i)) => a.get_mut(*i),
        _ => None,
    })
}

/// A value of a different JSON type from `v`.
fn flipped(v: &Value, t: u8) -> Value {
    let options = [
        Value::Null,
        json!(true),
        json!(t as i64 - 128),
        json!("text"),
        json!([v.clone()]),
        json!({"value": v.clone()}),
        json!(1.5),
    ];
    let kind = |x: &Value| std::mem::discriminant(x);
    let others: Vec<&Value> = options.iter().filter(|o| kind(o) != kind(v)).collect();
    others[t as usize % others.len()].clone()
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = vec![];
    paths(doc, vec![], &mut all);
    match m {
        Mutation::FlipType(i, t) => {
            let p = i.get(&all).clone();
            if let Some(x) = at_mut(doc, &p) {
                *x = flipped(x, *t);
            }
        }
        Mutation::Delete(i) => {
            let p = i.get(&all).clone();
            if let Some((last, parent)) = p.split_last() {
                match (at_mut(doc, parent), last) {
                    (Some(Value::Object(o)), PathStep::Key(k)) => {
                        o.remove(k);
                    }
                    (Some(Value::Array(a)), PathStep::Item(n)) if *n < a.len() => {
                        a.remove(*n);
                    }
                    _ => {}
                }
            }
        }
        Mutation::Insert(i, k, v) => {
            let containers: Vec<&Path> = all
                .iter()
                .filter(|p| matches!(at(doc, p), Some(Value::Object(_) | Value::Array(_))))
                .collect();
            if containers.is_empty() {
                return;
            }
            let p = i.get(&containers).to_vec();
            match at_mut(doc, &p) {
                Some(Value::Object(o)) => {
                    o.insert(k.clone(), v.clone());
                }
                Some(Value::Array(a)) => a.push(v.clone()),
                _ => {}
            }
        }
        Mutation::Copy(from, to) => {
            let src_path: &Path = from.get(&all);
            let src = at(doc, src_path).cloned();
            let dst = to.get(&all).clone();
            if let (Some(src), Some(x)) = (src, at_mut(doc, &dst)) {
                match x {
                    Value::Array(a) => a.push(src),
                    other => *other = src,
                }
            }
        }
    }
}

/// Recompute the digest from whatever typed answers the document holds, so
/// that mutations reach the type checks and validation behind it.
fn reseal(doc: &mut Value) {
    let ruleset = doc
        .get("ruleset")
        .and_then(Value::as_str)
        .unwrap_or("nhse-2017")
        .to_string();
    if let Some(Ok(a)) = doc
        .get("answers")
        .map(|x| serde_json::from_value::<Answers>(x.clone()))
    {
        if let Some(o) = doc.as_object_mut() {
            o.insert("digest".into(), Value::from(format::digest(&ruleset, &a)));
        }
    }
}

/// Import never panics on a valid document changed at random; when it
/// accepts one, validation and the rules run, every message reads well, and
/// export → import gives the same answers back. At least a tenth of the
/// mutated documents must import, so that the second half is exercised.
#[test]
fn import_never_panics_on_randomly_mutated_documents() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;
    const CASES: u32 = 1000;
    let imported = Cell::new(0u32);
    let rejected = Cell::new(0u32);
    let strategy = (
        answers(),
        vec(mutation(), 1..9),
        any::<bool>(),
        today(),
        any::<bool>(),
    );
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |(a, mutations, seal, today, compact)| {
        let mut doc = to_value(&export_doc(&a));
        for m in &mutations {
            apply(&mut doc, m);
        }
        if seal {
            reseal(&mut doc);
        }
        let text = if compact {
            doc.to_string()
        } else {
            to_text(&doc)
        };
        match import(&text) {
            Err(e) => {
                rejected.set(rejected.get() + 1);
                // The message may quote the file, so only its shape is checked.
                prop_assert!(e.to_string().len() > 20);
                prop_assert!(!e.code().is_empty());
            }
            Ok(got) => {
                imported.set(imported.get() + 1);
                for n in &got.notes {
                    prop_assert!(!n.message.is_empty());
                }
                let report = forms::Derived::new(&got.answers, today).report;
                report
                    .issues
                    .iter()
                    .try_for_each(|i| assert_wording(&i.message))?;
                let _ = got.rules().assess(&got.answers.screening).route();
                let again = format::export(
                    &got.answers,
                    got.rules(),
                    &got.created,
                    &got.updated,
                    Ymd {
                        year: 2026,
                        month: 11,
                        day: 21,
                    },
                );
                let back =
                    import(&again).map_err(|e| TestCaseError::fail(format!("re-export: {e}")))?;
                prop_assert_eq!(back.answers, got.answers);
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let (ok, bad) = (imported.get(), rejected.get());
    eprintln!("mutated documents: {ok} imported, {bad} rejected");
    assert!(ok + bad >= CASES, "{ok} + {bad}");
    assert!(
        ok * 10 >= CASES,
        "only {ok} of {CASES} mutated documents imported"
    );
}
