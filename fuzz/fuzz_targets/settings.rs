//! Coverage-guided fuzzing of the organisation settings block (issue 19):
//! `settings::parse` never panics, and whatever it accepts keeps its
//! promises: text within its length limit, links only `https:` or relative
//! and within theirs, host origins that pass the origin check, at most
//! `MAX_ORIGINS` of them; every problem can be shown.
//!
//! Run with `scripts/fuzz.sh SECONDS`.
#![no_main]

use involve::settings::{self, Contact};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (s, problems) = settings::parse(&text);
    problems.iter().for_each(|p| drop(p.to_string()));
    if let Some(name) = &s.organisation_name {
        assert!(name.chars().count() <= settings::MAX_TEXT, "{name:?}");
    }
    for url in [&s.involvement_policy_url, &s.privacy_notice_url].into_iter().flatten() {
        assert!(settings::link(url).is_ok(), "accepted a link the check refuses: {url:?}");
        assert!(url.len() <= settings::MAX_URL);
    }
    if let Some(c) = &s.help_contact {
        let _ = c.text();
        let href = c.href();
        match c {
            Contact::Email(_) => assert!(href.starts_with("mailto:"), "{href:?}"),
            Contact::Phone(_) => assert!(href.starts_with("tel:"), "{href:?}"),
        }
    }
    assert!(s.host_origins.len() <= settings::MAX_ORIGINS);
    for o in &s.host_origins {
        assert!(settings::origin(o).is_ok(), "accepted an origin the check refuses: {o:?}");
        assert!(s.allows(o));
    }
    let _ = s.api_on();
    let _ = s.allows(&text);
});
