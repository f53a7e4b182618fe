//! The organisation settings block (`involve::settings`): every key read,
//! and every wrong value named, reported and ignored without stopping the rest.

use involve::model::Body;
use involve::settings::{self, parse, Contact, Settings};

const GOOD: &str = r#"{
  "organisation_name": "NHS Riverside Integrated Care Board",
  "organisation_type": "icb",
  "help_contact": "engagement@riverside.nhs.uk",
  "involvement_policy_url": "https://intranet.riverside.nhs.uk/policies/involvement",
  "privacy_notice_url": "/privacy.html",
  "host_origins": ["https://intranet.riverside.nhs.uk", "http://127.0.0.1:8080"]
}"#;

#[test]
fn a_good_block_gives_every_setting_and_no_problem() {
    let (s, problems) = parse(GOOD);
    assert_eq!(problems, vec![]);
    assert_eq!(
        s,
        Settings {
            organisation_name: Some("NHS Riverside Integrated Care Board".into()),
            organisation_type: Some(Body::Icb),
            help_contact: Some(Contact::Email("engagement@riverside.nhs.uk".into())),
            involvement_policy_url: Some(
                "https://intranet.riverside.nhs.uk/policies/involvement".into()
            ),
            privacy_notice_url: Some("/privacy.html".into()),
            host_origins: vec![
                "https://intranet.riverside.nhs.uk".into(),
                "http://127.0.0.1:8080".into()
            ],
        }
    );
    assert!(s.api_on());
    assert!(s.allows("https://intranet.riverside.nhs.uk"));
    assert!(
        !s.allows("https://intranet.riverside.nhs.uk/"),
        "exact origins only"
    );
    assert!(!s.allows("https://evil.example"));
}

#[test]
fn the_shipped_block_is_all_unset_and_the_api_off() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    let start = html
        .find(r#"<script type="application/json" id="involve-settings">"#)
        .expect("index.html has the settings block");
    let body = &html[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
    let (s, problems) = parse(body);
    assert_eq!(problems, vec![]);
    assert_eq!(s, Settings::default());
    assert!(!s.api_on());
    // Every key is in the shipped block and documented in the comment above it.
    for key in settings::KEYS {
        assert!(body.contains(&format!("\"{key}\"")), "{key} in the block");
        assert!(html[..start].contains(key), "{key} documented");
    }
}

#[test]
fn blank_text_and_empty_values_are_no_settings() {
    for text in [
        "",
        "  \n",
        "{}",
        r#"{"organisation_name": "  ", "organisation_type": null, "host_origins": null}"#,
    ] {
        assert_eq!(parse(text), (Settings::default(), vec![]), "{text:?}");
    }
}

/// (block, key named, code) for each bad setting; the other settings in the block still apply.
#[test]
fn each_bad_setting_is_named_and_ignored() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#""organisation_name": 42"#,
            "organisation_name",
            "wrong_type",
        ),
        (
            r#""organisation_name": "Line\nbreak""#,
            "organisation_name",
            "not_allowed",
        ),
        (
            &format!(r#""organisation_name": "{}""#, "x".repeat(201)),
            "organisation_name",
            "too_long",
        ),
        (
            r#""organisation_type": "ccg""#,
            "organisation_type",
            "not_allowed",
        ),
        (
            r#""organisation_type": "ICB""#,
            "organisation_type",
            "not_allowed",
        ),
        (
            r#""organisation_type": ["icb"]"#,
            "organisation_type",
            "wrong_type",
        ),
        (
            r#""help_contact": "call us""#,
            "help_contact",
            "not_allowed",
        ),
        (r#""help_contact": "a@b""#, "help_contact", "not_allowed"),
        (r#""help_contact": "12""#, "help_contact", "not_allowed"),
        (
            r#""help_contact": "0300 123+4567""#,
            "help_contact",
            "not_allowed",
        ),
        (
            r#""involvement_policy_url": "javascript:alert(1)""#,
            "involvement_policy_url",
            "not_allowed",
        ),
        (
            r#""involvement_policy_url": "JavaScript:alert(1)""#,
            "involvement_policy_url",
            "not_allowed",
        ),
        (
            r#""involvement_policy_url": "java\tscript:alert(1)""#,
            "involvement_policy_url",
            "not_allowed",
        ),
        (
            r#""involvement_policy_url": "data:text/html,<script>alert(1)</script>""#,
            "involvement_policy_url",
            "not_allowed",
        ),
        (
            r#""involvement_policy_url": "http://intranet.example.nhs.uk/policy""#,
            "involvement_policy_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": "//evil.example/privacy""#,
            "privacy_notice_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": "/\\evil.example""#,
            "privacy_notice_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": "https://""#,
            "privacy_notice_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": "https://user@evil.example""#,
            "privacy_notice_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": "vbscript:msgbox""#,
            "privacy_notice_url",
            "not_allowed",
        ),
        (
            r#""privacy_notice_url": true"#,
            "privacy_notice_url",
            "wrong_type",
        ),
        (
            r#""host_origins": "https://intranet.example.nhs.uk""#,
            "host_origins",
            "wrong_type",
        ),
        (r#""host_origins": ["*"]"#, "host_origins", "not_allowed"),
        (r#""host_origins": ["null"]"#, "host_origins", "not_allowed"),
        (
            r#""host_origins": ["https://intranet.example.nhs.uk/"]"#,
            "host_origins",
            "not_allowed",
        ),
        (
            r#""host_origins": ["https://intranet.example.nhs.uk/tools"]"#,
            "host_origins",
            "not_allowed",
        ),
        (
            r#""host_origins": ["https://Intranet.example.nhs.uk"]"#,
            "host_origins",
            "not_allowed",
        ),
        (
            r#""host_origins": ["https://intranet.example.nhs.uk:443"]"#,
            "host_origins",
            "not_allowed",
        ),
        (
            r#""host_origins": ["http://intranet.example.nhs.uk"]"#,
            "host_origins",
            "not_allowed",
        ),
        (
            r#""host_origins": ["javascript:alert(1)"]"#,
            "host_origins",
            "not_allowed",
        ),
        (r#""host_origins": [42]"#, "host_origins", "wrong_type"),
        (
            r#""organisation": "NHS Riverside""#,
            "organisation",
            "unknown_key",
        ),
    ];
    for (entry, key, code) in cases {
        let text = format!(r#"{{ "help_contact": "0300 123 4567", {entry} }}"#);
        let (s, problems) = parse(&text);
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert_eq!(
            (problems[0].key.as_str(), problems[0].code),
            (*key, *code),
            "{text}"
        );
        assert!(
            problems[0].message.len() > 10 && !problems[0].message.ends_with('.'),
            "{}",
            problems[0]
        );
        assert!(
            !problems[0].message.contains('\n') && !problems[0].message.contains('\t'),
            "the notice shows no control character"
        );
        // The bad setting is ignored, the good one applies.
        if *key != "help_contact" {
            assert_eq!(
                s.help_contact,
                Some(Contact::Phone("0300 123 4567".into())),
                "{text}"
            );
        }
        match *key {
            "organisation_name" => assert_eq!(s.organisation_name, None),
            "organisation_type" => assert_eq!(s.organisation_type, None),
            "involvement_policy_url" => assert_eq!(s.involvement_policy_url, None),
            "privacy_notice_url" => assert_eq!(s.privacy_notice_url, None),
            "host_origins" => assert!(!s.api_on(), "{text}"),
            _ => {}
        }
    }
}

#[test]
fn a_block_that_is_not_json_or_not_an_object_uses_no_setting() {
    for (text, code) in [
        (r#"{ "organisation_name": "NHS Riverside", }"#, "not_json"),
        (r#"{ organisation_name: "NHS Riverside" }"#, "not_json"),
        ("[1, 2]", "not_object"),
        (r#""NHS Riverside""#, "not_object"),
    ] {
        let (s, problems) = parse(text);
        assert_eq!(s, Settings::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].key.as_str(), problems[0].code),
            ("involve-settings", code)
        );
    }
    let (_, p) = parse("{\n  \"organisation_name\": \"x\",\n}");
    assert!(p[0].message.contains("line 3"), "{}", p[0].message);
}

#[test]
fn one_bad_origin_is_dropped_and_the_others_kept() {
    let (s, p) = parse(
        r#"{"host_origins": ["https://a.nhs.uk", "*", "https://b.nhs.uk:8443", "https://a.nhs.uk"]}"#,
    );
    assert_eq!(
        s.host_origins,
        vec!["https://a.nhs.uk", "https://b.nhs.uk:8443"]
    );
    assert_eq!(p.len(), 1);
    assert!(p[0].message.contains("wildcard"), "{}", p[0].message);
    let many = format!(
        r#"{{"host_origins": [{}]}}"#,
        vec![r#""https://a.nhs.uk""#; 21].join(",")
    );
    let (s, p) = parse(&many);
    assert!(!s.api_on());
    assert_eq!(p[0].code, "too_long");
}

#[test]
fn contacts_and_links() {
    for (text, want) in [
        (
            "engagement@riverside.nhs.uk",
            Some(Contact::Email("engagement@riverside.nhs.uk".into())),
        ),
        (
            "0300 123 4567",
            Some(Contact::Phone("0300 123 4567".into())),
        ),
        (
            "+44 (0)20 7946 0000",
            Some(Contact::Phone("+44 (0)20 7946 0000".into())),
        ),
        ("111", Some(Contact::Phone("111".into()))),
        ("javascript:alert(1)", None),
        ("a@b.", None),
        ("@nhs.uk", None),
        ("a b@nhs.uk", None),
    ] {
        assert_eq!(settings::contact(text), want, "{text}");
    }
    assert_eq!(
        Contact::Phone("+44 (0)20 7946 0000".into()).href(),
        "tel:+440207946".to_string() + "0000"
    );
    assert_eq!(Contact::Email("a@nhs.uk".into()).href(), "mailto:a@nhs.uk");
    for ok in [
        "https://intranet.nhs.uk/x?y=1#z",
        "HTTPS://intranet.nhs.uk",
        "/policy",
        "./policy.pdf",
        "../x",
        "policy.html",
        "#top",
        "policy-2024.pdf?v=2:1",
    ] {
        assert_eq!(settings::link(ok), Ok(()), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "jav\u{0}ascript:x",
        "http://x.nhs.uk",
        "ftp://x",
        "file:///c:/x",
        "//x.nhs.uk",
        "https:x",
        "https://",
        "mailto:a@b.c",
        "policy:2024.pdf",
    ] {
        assert!(settings::link(bad).is_err(), "{bad}");
    }
}
