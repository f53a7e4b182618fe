//! The committed fixtures in tests/fixtures are the real export's output.
//!
//! Regenerate them with
//! `cargo test --test format_fixtures -- --ignored regenerate_fixtures`
//! (for example after validation or the rules change the informative
//! sections; import ignores those, so stale copies still import).

mod format_support;

use format_support::*;
use involve::format::import;
use std::fs;

#[test]
#[ignore = "writes tests/fixtures; run by hand to regenerate"]
fn regenerate_fixtures() {
    let dir = fixture_dir();
    for (name, text, _) in fixtures() {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
    }
}

#[test]
fn committed_fixtures_import_as_expected() {
    for (name, _, expect) in fixtures() {
        let text = fs::read_to_string(fixture_dir().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}; regenerate the fixtures"));
        match (expect, import(&text)) {
            (Expect::Answers(a, version), Ok(got)) => {
                assert_eq!(got.answers, a, "{name}");
                assert_eq!(got.version, version, "{name}");
            }
            (Expect::Error(code), Err(e)) => assert_eq!(e.code(), code, "{name}: {e}"),
            (Expect::Skip, _) => {}
            (_, other) => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn committed_fixtures_match_the_current_export_apart_from_computed_sections() {
    for (name, text, _) in fixtures() {
        let committed = fs::read_to_string(fixture_dir().join(name)).unwrap();
        match (
            serde_json::from_str(&committed),
            serde_json::from_str(&text),
        ) {
            (Ok(c), Ok(t)) => assert_eq!(
                without_computed(c),
                without_computed(t),
                "{name} is stale; regenerate the fixtures"
            ),
            _ => assert_eq!(committed, text, "{name} is stale; regenerate the fixtures"),
        }
    }
}
