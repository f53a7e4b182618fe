//! Organisation settings: what an intranet team sets without a rebuild.
//!
//! The settings travel as a JSON data block in the page
//! (`<script type="application/json" id="involve-settings">` in `index.html`
//! and in the offline file); an admin edits it in a text editor. A JSON data
//! block is never executed, so the page's Content-Security-Policy does not
//! need to allow it.
//!
//! [`parse`] reads the block's text into [`Settings`] and a list of
//! [`Problem`]s. It never fails: text that is not JSON, an unknown key, a
//! wrong type or a value that is not allowed each give a problem naming the
//! setting, and that setting is ignored (left unset); every other setting
//! still applies. Links must be `https:` or relative, so a `javascript:` or
//! `data:` URL can never become a link.
//!
//! Knows nothing about the web: the app reads the block's text and shows the
//! problems; `tests/settings.rs` tests this natively.

use crate::format::value::{self, Value};
use crate::model::Body;

/// The keys of the settings block, in the order the documentation lists them.
pub const KEYS: [&str; 6] = [
    "organisation_name",
    "organisation_type",
    "help_contact",
    "involvement_policy_url",
    "privacy_notice_url",
    "host_origins",
];

/// The longest organisation name, help contact or link accepted (characters).
pub const MAX_TEXT: usize = 200;
/// The longest link accepted (characters).
pub const MAX_URL: usize = 2_000;
/// The most host origins accepted.
pub const MAX_ORIGINS: usize = 20;

/// How staff can get help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// An email address, shown as a `mailto:` link.
    Email(String),
    /// A telephone number as written, shown as a `tel:` link.
    Phone(String),
}

impl Contact {
    /// The contact as written.
    pub fn text(&self) -> &str {
        match self {
            Contact::Email(s) | Contact::Phone(s) => s,
        }
    }

    /// The link: `mailto:` the address, or `tel:` the number's digits (and a leading `+`).
    pub fn href(&self) -> String {
        match self {
            Contact::Email(s) => format!("mailto:{s}"),
            Contact::Phone(s) => {
                let mut t = String::from("tel:");
                t.extend(s.chars().filter(|c| c.is_ascii_digit() || *c == '+'));
                t
            }
        }
    }
}

/// The organisation's settings; every one is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The organisation's name, shown on the start page, in the footer and in print.
    pub organisation_name: Option<String>,
    /// The organisation's type: preselects the screening's organisation
    /// question (`screening.body`) for new assessments.
    pub organisation_type: Option<Body>,
    /// Where staff get help.
    pub help_contact: Option<Contact>,
    /// The local involvement policy (an `https:` or relative link).
    pub involvement_policy_url: Option<String>,
    /// The organisation's privacy notice (an `https:` or relative link).
    pub privacy_notice_url: Option<String>,
    /// The origins of intranet pages allowed to embed Involve and use the
    /// host-page API (`web::host`). Empty: the API is off.
    pub host_origins: Vec<String>,
}

impl Settings {
    /// Whether the host-page API is on (at least one allowed host origin).
    pub fn api_on(&self) -> bool {
        !self.host_origins.is_empty()
    }

    /// Whether `origin` (a `MessageEvent.origin`) is an allowed host: exact match.
    pub fn allows(&self, origin: &str) -> bool {
        self.host_origins.iter().any(|o| o == origin)
    }
}

/// A setting that was wrong and is ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The setting's key, e.g. `help_contact` (`involve-settings` for the block itself).
    pub key: String,
    /// A stable code: `not_json`, `not_object`, `unknown_key`, `wrong_type`,
    /// `not_allowed`, `too_long`.
    pub code: &'static str,
    /// What is wrong, for the notice (names the setting; no trailing full stop).
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.key, self.message, self.code)
    }
}

/// The id of the settings block in the page.
pub const BLOCK_ID: &str = "involve-settings";

/// Read the settings block's text. Blank text is no settings and no problem.
pub fn parse(text: &str) -> (Settings, Vec<Problem>) {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    if text.trim().is_empty() {
        return (settings, problems);
    }
    let mut problem = |key: &str, code: &'static str, message: String| {
        problems.push(Problem {
            key: key.to_string(),
            code,
            message,
        })
    };
    let root = match value::parse(text) {
        Ok(v) => v,
        Err(e) => {
            problem(
                BLOCK_ID,
                "not_json",
                format!("the settings block is not JSON (line {} of the block, column {}), so no setting is used. Check for a missing comma or quotation mark", e.line, e.column),
            );
            return (settings, problems);
        }
    };
    let Some(map) = root.as_object() else {
        problem(
            BLOCK_ID,
            "not_object",
            "the settings block must be one JSON object ({ ... }), so no setting is used".into(),
        );
        return (settings, problems);
    };
    for (key, v) in map {
        match key.as_str() {
            "organisation_name" => match text_setting(v, MAX_TEXT) {
                Ok(s) => settings.organisation_name = s,
                Err((code, m)) => problem(key, code, m),
            },
            "organisation_type" => match text_setting(v, MAX_TEXT) {
                Ok(None) => {}
                Ok(Some(s)) => match s.as_str() {
                    "icb" => settings.organisation_type = Some(Body::Icb),
                    "nhs_trust" => settings.organisation_type = Some(Body::NhsTrust),
                    "nhs_england" => settings.organisation_type = Some(Body::NhsEngland),
                    _ => problem(key, "not_allowed", format!("\u{201c}{}\u{201d} is not an organisation type. Use icb, nhs_trust or nhs_england", shown(&s))),
                },
                Err((code, m)) => problem(key, code, m),
            },
            "help_contact" => match text_setting(v, MAX_TEXT) {
                Ok(None) => {}
                Ok(Some(s)) => match contact(&s) {
                    Some(c) => settings.help_contact = Some(c),
                    None => problem(key, "not_allowed", format!("\u{201c}{}\u{201d} is not an email address or a telephone number", shown(&s))),
                },
                Err((code, m)) => problem(key, code, m),
            },
            "involvement_policy_url" | "privacy_notice_url" => match text_setting(v, MAX_URL) {
                Ok(None) => {}
                Ok(Some(s)) => match link(&s) {
                    Ok(()) if key == "involvement_policy_url" => settings.involvement_policy_url = Some(s),
                    Ok(()) => settings.privacy_notice_url = Some(s),
                    Err(why) => problem(key, "not_allowed", format!("\u{201c}{}\u{201d} {why}", shown(&s))),
                },
                Err((code, m)) => problem(key, code, m),
            },
            "host_origins" => origins(v, &mut settings.host_origins, &mut problem),
            _ => problem(
                key,
                "unknown_key",
                format!("there is no setting called \u{201c}{}\u{201d}, so it is not used. The settings are {}", shown(key), KEYS.join(", ")),
            ),
        }
    }
    (settings, problems)
}

/// Text as it may appear in a notice: control characters as `?`, at most 60 characters.
fn shown(s: &str) -> String {
    let mut t: String = s
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if s.chars().count() > 60 {
        t.push('\u{2026}');
    }
    t
}

/// A text setting: `""` or `null` is unset; anything but a string is wrong.
fn text_setting(v: &Value, max: usize) -> Result<Option<String>, (&'static str, String)> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Ok(None)
            } else if t.chars().count() > max {
                Err((
                    "too_long",
                    format!("is longer than {max} characters, so it is not used"),
                ))
            } else if t.chars().any(|c| c.is_control()) {
                Err((
                    "not_allowed",
                    "contains a line break or another control character, so it is not used".into(),
                ))
            } else {
                Ok(Some(t.to_string()))
            }
        }
        _ => Err((
            "wrong_type",
            "must be text in quotation marks, so it is not used".into(),
        )),
    }
}

/// An email address (`name@domain.tld`) or a telephone number (digits with
/// spaces, brackets, hyphens and a leading `+`; 3 to 15 digits, as E.164
/// allows, so 111 and 0300 numbers are fine).
pub fn contact(s: &str) -> Option<Contact> {
    if let Some((local, domain)) = s.split_once('@') {
        let ok_local = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let ok_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        return (ok_local && ok_domain).then(|| Contact::Email(s.to_string()));
    }
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    let plus_first = s.find('+').is_none_or(|i| i == 0) && s.matches('+').count() <= 1;
    let ok = (3..=15).contains(&digits)
        && plus_first
        && s.chars().all(|c| c.is_ascii_digit() || " ()-+".contains(c));
    ok.then(|| Contact::Phone(s.to_string()))
}

/// Whether a link is allowed: `https://host...`, or relative to the page
/// (`/path`, `./x`, `../x`, `x.html`, `#x`). Refused: any other scheme
/// (`javascript:`, `data:`, `http:`, `file:` ...), protocol-relative `//host`,
/// backslashes, spaces and control characters (which browsers strip or
/// rewrite, so `java\tscript:` could otherwise slip through). The error says why.
pub fn link(s: &str) -> Result<(), &'static str> {
    if s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err("is not a link: links cannot contain spaces or backslashes");
    }
    // A scheme is whatever comes before the first ':' when that is before any '/', '?' or '#'.
    let scheme_end = s.find(':').filter(|&i| !s[..i].contains(['/', '?', '#']));
    match scheme_end {
        Some(i) => {
            let scheme = &s[..i];
            if !scheme.eq_ignore_ascii_case("https") {
                return Err(
                    "is not allowed: a link must start with https:// or be relative to Involve",
                );
            }
            let rest = &s[i + 1..];
            let host = rest
                .strip_prefix("//")
                .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(h) if !h.is_empty() && !h.contains('@') => Ok(()),
                _ => Err("is not a link: write https:// and then the address, such as https://intranet.example.nhs.uk/policy"),
            }
        }
        None if s.starts_with("//") => {
            Err("is not allowed: a link must start with https:// or be relative to Involve")
        }
        None => Ok(()),
    }
}

/// Whether `s` is an origin allowed to host Involve: `https://host[:port]`
/// exactly as a browser writes `MessageEvent.origin` (lower case, no path,
/// no trailing `/`, no default port), or `http://` for `localhost` and
/// `127.0.0.1` only (testing on one's own computer).
pub fn origin(s: &str) -> Result<(), &'static str> {
    if s == "*" {
        return Err("is not allowed: a wildcard would let any web page read the forms. List each intranet origin");
    }
    let (scheme, rest) = s
        .split_once("://")
        .ok_or("is not an origin: write it as https://intranet.example.nhs.uk")?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !host.starts_with('.')
        && !host.ends_with('.');
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.chars().all(|c| c.is_ascii_digit())
            && !p.starts_with('0')
    });
    let default_port = matches!(
        (scheme, port),
        ("https", Some("443")) | ("http", Some("80"))
    );
    if !host_ok || !port_ok || default_port {
        return Err("is not an origin: write the scheme and host (and a port, if not the usual one) in lower case, with no path or / at the end, such as https://intranet.example.nhs.uk");
    }
    match scheme {
        "https" => Ok(()),
        "http" if host == "localhost" || host == "127.0.0.1" => Ok(()),
        "http" => Err("is not allowed: the intranet page must use https:// (http:// only for localhost and 127.0.0.1)"),
        _ => Err("is not an origin: write it as https://intranet.example.nhs.uk"),
    }
}

fn origins(v: &Value, out: &mut Vec<String>, problem: &mut impl FnMut(&str, &'static str, String)) {
    const KEY: &str = "host_origins";
    let items = match v {
        Value::Null => return,
        Value::Array(items) => items,
        _ => return problem(KEY, "wrong_type", "must be a list of origins in square brackets, such as [\"https://intranet.example.nhs.uk\"], so the host-page API is off".into()),
    };
    if items.len() > MAX_ORIGINS {
        return problem(
            KEY,
            "too_long",
            format!("lists more than {MAX_ORIGINS} origins, so the host-page API is off"),
        );
    }
    for item in items {
        match item {
            Value::String(s) => match origin(s.trim()) {
                Ok(()) if !out.iter().any(|o| o == s.trim()) => out.push(s.trim().to_string()),
                Ok(()) => {}
                Err(why) => problem(
                    KEY,
                    "not_allowed",
                    format!("\u{201c}{}\u{201d} {why}. It is not used", shown(s)),
                ),
            },
            _ => problem(
                KEY,
                "wrong_type",
                "each origin must be text in quotation marks; an item that is not is not used"
                    .into(),
            ),
        }
    }
}
