//! The browser's JSON reader (`format::value::read`) against serde_json, which
//! the CLI and every native build read with (`format::value::parse`): the
//! same texts are accepted, with the same values (numbers of the same kind
//! and value, duplicate keys last-wins, keys in order), and the same texts
//! refused at the same line and column.

mod format_support;

use format_support::ours;
use involve::format::value::{self, Number, Value};
use proptest::prelude::*;

/// serde_json's reading of `text`, as ours would give it.
fn serde(text: &str) -> Result<Value, (usize, usize)> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| ours(&v))
        .map_err(|e| (e.line(), e.column()))
}

fn mine(text: &str) -> Result<Value, (usize, usize)> {
    value::read(text).map_err(|e| (e.line, e.column))
}

/// What the CLI reads: serde_json's deserializer straight into a `Value`.
fn cli(text: &str) -> Result<Value, (usize, usize)> {
    value::parse(text).map_err(|e| (e.line, e.column))
}

/// Same result from the browser's reader, serde_json's `Value` and the
/// CLI's reading, and for values the same text when written back (which
/// tells `-0.0` from `0.0`).
fn assert_same(text: &str) {
    let (a, b) = (mine(text), serde(text));
    assert_eq!(a, b, "{text:?}");
    let c = cli(text);
    assert_eq!(c, b, "{text:?}");
    if let (Ok(c), Ok(b)) = (&c, &b) {
        assert_eq!(c.to_json(), b.to_json(), "{text:?}");
    }
    if let (Ok(a), Ok(b)) = (&a, &b) {
        assert_eq!(a.to_json(), b.to_json(), "{text:?}");
    }
}

#[test]
fn reads_what_serde_json_reads_and_refuses_what_it_refuses_at_the_same_place() {
    let cases: &[&str] = &[
        // Values and whitespace.
        "",
        " ",
        "\n\n",
        "null",
        " null ",
        "nul",
        "nulx",
        "true",
        "tru",
        "trux",
        "false",
        "fals",
        "x",
        "\u{feff}{}",
        "[]",
        "[ ]",
        "[1]",
        "[1,]",
        "[1 2]",
        "[,1]",
        "[",
        "[1",
        "[1,",
        "[\n1,\n2\n",
        "{}",
        "{ }",
        "{\"a\":1}",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "{1:2}",
        "{'a':1}",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,\"",
        "{\"a",
        "{\n  \"format\": involve\n}",
        "[1]x",
        "[1] [2]",
        "{} {}",
        "1 2",
        "\"a\"\"b\"",
        "// c\n{}",
        "/* c */ {}",
        "{\"a\":1}\n// c",
        "[NaN]",
        "[Infinity]",
        "[-Infinity]",
        "[undefined]",
        // Duplicate keys: the last wins; keys sorted.
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{\"z\":{\"y\":1,\"x\":2},\"a\":[{\"b\":1,\"b\":[2]}]}",
        "{\"\":1,\"é\":2,\"e\":3,\"E\":4}",
        // Numbers.
        "0",
        "-0",
        "-",
        "--1",
        "+1",
        "01",
        "-01",
        "00",
        "0.",
        "0.e1",
        ".5",
        "1.5",
        "-1.5",
        "1e",
        "1e+",
        "1e-",
        "1E5",
        "1e5",
        "1e-5",
        "1.0",
        "2.0",
        "2.50",
        "1e308",
        "1e309",
        "-1e309",
        "1.8e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "17976931348623157e292",
        "1e-400",
        "-1e-400",
        "0e999999999999",
        "1e999999999999",
        "1e-999999999999",
        "0.0000000000000000000000000000001",
        "4.9e-324",
        "2.2250738585072014e-308",
        "18446744073709551615",
        "18446744073709551616",
        "18446744073709551617",
        "184467440737095516150",
        "1844674407370955161.5",
        "1844674407370955161.6",
        "18446744073709551615.5",
        "-9223372036854775808",
        "-9223372036854775809",
        "-18446744073709551616",
        "123456789012345678901234567890",
        "1.23456789012345678901234567890",
        "12345678901234567890123.4567890123456789e-3",
        "0.1",
        "0.3",
        "3.14159",
        "1e22",
        "1e23",
        "9007199254740993",
        "[1.5e3,-2E-2,0.000001,1e-7,1e16,1e15,123456789.125]",
        "1.5x",
        "1ex",
        "1.x",
        "-x",
        "2.",
        "[2.]",
        "[1e]",
        "[-]",
        // Strings.
        "\"\"",
        "\"a\"",
        "\"a",
        "\"\\\"",
        "\"\\",
        "\"\\n\\t\\r\\b\\f\\/\\\\\\\"\"",
        "\"\\x\"",
        "\"\\u\"",
        "\"\\u12\"",
        "\"\\u12",
        "\"\\u00e9\"",
        "\"\\u00E9\"",
        "\"\\u00g9\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\uD83D\"",
        "\"\\uD83D",
        "\"\\uD83D\\\"",
        "\"\\uD83D\\n\"",
        "\"\\uD83Dx\"",
        "\"\\uD83D\\u0041\"",
        "\"\\uD83D\\uD83D\"",
        "\"\\uDE00\"",
        "\"\\uDE00\\uD83D\"",
        "\"\\uD83D\\uDE0\"",
        "\"\\uD83D\\u",
        "\"\\u0000\"",
        "\"a\u{0}b\"",
        "\"a\nb\"",
        "\"a\tb\"",
        "\"\u{1f}\"",
        "\"\u{7f}\"",
        "\"é😀\"",
        "{\"é\":\"😀\"}",
        "[\"a\",\"b\\u0041\",\"\\uD83D\\uDE00x\"]",
        // Lines and columns after newlines and multi-byte characters.
        "{\n\"a\": \"é\",\n\"b\": x}",
        "\r\n\r\n  [1,\r\n 2,,]",
        "[\"😀\", x]",
        "\n\n\n",
        "{\n\n",
        "[\n\"\\q\"]",
    ];
    for text in cases {
        assert_same(text);
    }
}

#[test]
fn nesting_up_to_serde_json_s_recursion_limit() {
    for depth in [1, 16, 17, 126, 127, 128, 129, 200] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            assert_same(&text);
            assert_same(&open.repeat(depth));
        }
    }
}

#[test]
fn numbers_keep_serde_json_s_kinds() {
    let n = |t: &str| match (value::read(t), value::parse(t)) {
        (Ok(Value::Number(n)), Ok(Value::Number(m))) if n.to_text() == m.to_text() => n,
        other => panic!("{t}: {other:?}"),
    };
    assert_eq!(n("2"), Number::PosInt(2));
    assert_eq!(n("-2"), Number::NegInt(-2));
    assert_eq!(n("2.0"), Number::Float(2.0));
    assert_eq!(
        n("18446744073709551616"),
        Number::Float(18446744073709551616.0)
    );
    assert_eq!(n("-0").to_text(), "-0.0");
    assert_eq!(n("2.50").to_text(), "2.5");
    assert_eq!(n("1e2").to_text(), "100.0");
    assert_eq!(n("1e300").to_text(), "1e+300");
}

#[test]
fn the_corpus_reads_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("tests/corpus") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("reads");
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_same(text);
            n += 1;
        }
    }
    assert!(n > 80, "{n} corpus files");
}

/// Text built from JSON's pieces and near misses, so that most of it is
/// almost JSON.
fn jsonish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\"",
        "\"a\"",
        "\"b\"",
        "\"a\":",
        "\"\\u",
        "\\u",
        "D83D",
        "DE00",
        "00e9",
        "\\",
        "\\n",
        "\\\"",
        "\\x",
        "é",
        "😀",
        "\u{1}",
        "0",
        "1",
        "9",
        "-",
        "+",
        ".",
        "e",
        "E",
        "5",
        "18446744073709551615",
        "9223372036854775808",
        "1e308",
        "e400",
        "null",
        "true",
        "false",
        "nul",
        "x",
        "/",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Valid JSON values, printed compactly or with whitespace.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as S;
    let leaf = prop_oneof![
        Just(S::Null),
        any::<bool>().prop_map(S::Bool),
        any::<u64>().prop_map(S::from),
        any::<i64>().prop_map(S::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(S::Number)
            .unwrap_or(S::Null)),
        "[a-c\\\\\"\u{0}-\u{1f}é😀]{0,6}".prop_map(S::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(S::Array),
            prop::collection::vec(("[a-c]{0,2}", inner), 0..6)
                .prop_map(|kv| S::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn near_json_reads_as_serde_json_reads_it(text in jsonish()) {
        assert_same(&text);
    }

    #[test]
    fn json_reads_as_serde_json_reads_it(v in json_value(), pretty in any::<bool>(), cut in any::<prop::sample::Index>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        assert_same(&text);
        // And every prefix of it is refused at the same place.
        let mut end = cut.index(text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        assert_same(&text[..end]);
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them(
        sign in prop::sample::select(vec!["", "-"]),
        whole in "0|[1-9][0-9]{0,25}",
        frac in prop::option::of("[0-9]{0,25}"),
        exp in prop::option::of(("[eE]", "[+-]?", "[0-9]{0,4}")),
    ) {
        let mut text = format!("{sign}{whole}");
        if let Some(f) = frac {
            text += &format!(".{f}");
        }
        if let Some((e, s, d)) = exp {
            text += &format!("{e}{s}{d}");
        }
        assert_same(&text);
        assert_same(&format!("[{text}]"));
    }

    #[test]
    fn object_keys_are_ordered_and_the_last_duplicate_wins(keys in prop::collection::vec("[a-d]{0,2}", 0..30)) {
        let body: Vec<String> = keys.iter().enumerate().map(|(i, k)| format!("\"{k}\":{i}")).collect();
        assert_same(&format!("{{{}}}", body.join(",")));
    }
}
