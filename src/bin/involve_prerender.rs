//! The build's prerender (`make dist` runs it through scripts/prerender.mjs):
//! every page of the app, as a new user first sees it, rendered natively by
//! the app's own Yew components (`ssr` feature), so index.html can show it
//! before the wasm arrives. The pages come from `Page::all()`: a page added
//! to the app is prerendered with no change here.
//!
//! It also works out, from the same components and the same JSON writer,
//! what index.html's inline script needs to put a returning user's saved
//! answers into a question page before the wasm arrives (issue 20), with no
//! second copy of the form's rules:
//!
//! - **which answers change a page's markup.** Each question page is
//!   rendered again with one answer given (each option of every radio and
//!   checkbox question, some text in every other question, each older
//!   ruleset) and compared with the new user's page, the answers' own
//!   values and ticks left out of the comparison. An answer that changes
//!   anything else (a conditional question revealed, a ruleset's or an
//!   organisation's wording, a warning, a row of a table) is listed for the
//!   page: a saved document that has it is not put into the prerendered
//!   page, and its user sees the loading shell until the app shows the page,
//!   as before.
//! - **where each answer is in the saved document.** Each question's answer
//!   is written with `format::export_answers` (what autosave stores) and
//!   found in the JSON: the path is `answers.` + the question's id unless
//!   listed, and a checkbox question's "None of these" has its own path.
//!
//! What one answer alone does not change but two together do (a joint
//! arrangement whose function holder is an NHS trust, say) is not found;
//! the app's first render then corrects the page's wording, never an
//! answer. tests/e2e/prefill.test.mjs compares the put-in page with the
//! app's for the fixtures, page by page.
//!
//! And it renders each question page after a new user's Save and continue on
//! it blank (the app's own action), so that index.html can show the error
//! summary at once.
//!
//! Prints one JSON object: `{ "pages": [ { "route", "title", "html" } ],
//! "variants": [ { "route", "key", "title", "html" } ], "errors": [ ... ],
//! "prefill": { "format", "version", "ruleset", "paths", "none", "pages" } }`,
//! `html` being what the app renders into `<body>`.
use std::collections::BTreeMap;

use involve::forms::access::{self, Value};
use involve::forms::catalogue::{self, Field, Kind};
use involve::forms::wording;
use involve::model::{Answers, DateInput, Milestone, Risk, RulesetId, Screening, Ymd};
use involve::web::state::{new_answers, Page, State};
use involve::web::{prerender_state, App, AppProps};
use serde_json::{json, Value as Json};

fn render(rt: &tokio::runtime::Runtime, page: Page, answers: Option<Answers>) -> String {
    render_as(rt, page, answers, false)
}

fn render_as(
    rt: &tokio::runtime::Runtime,
    page: Page,
    answers: Option<Answers>,
    submitted: bool,
) -> String {
    rt.block_on(
        yew::ServerRenderer::<App>::with_props(move || AppProps {
            prerender: Some(page),
            prerender_answers: answers,
            prerender_submitted: submitted,
        })
        .hydratable(false)
        .render(),
    )
}

/// The markup without what a filled-in page differs by from a blank one:
/// `checked` and `value` attributes and a text area's text.
fn shape(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', ' ']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(r) = rest.strip_prefix(" checked") {
            rest = r
                .strip_prefix("=\"\"")
                .or_else(|| r.strip_prefix("=\"checked\""))
                .unwrap_or(r);
        } else if let Some(r) = rest.strip_prefix(" value=\"") {
            rest = r.find('"').map_or("", |e| &r[e + 1..]);
        } else if rest.starts_with("<textarea") {
            let open = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push_str(&rest[..open]);
            rest = rest[open..]
                .find("</textarea>")
                .map_or("", |e| &rest[open + e..]);
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A question's options: the catalogue's and those the ruleset words
/// (2022's organisations are not the 2017 catalogue's).
fn options(s: &Screening, f: &Field) -> Vec<&'static str> {
    let mut out = Vec::new();
    let worded = wording::apply(s, f);
    for k in [f.kind, worded.kind] {
        let (Kind::Radios(o) | Kind::Checkboxes(o, _)) = k else {
            continue;
        };
        for (v, _) in o {
            if !out.contains(v) {
                out.push(*v);
            }
        }
    }
    out
}

/// One answer given to each question in turn, under the screening's
/// ruleset: (question id, what the inline script tests, the answer). "*"
/// stands for any answer.
fn one_answer_each(s: &Screening) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    let text = || Value::Text("Prerender probe".into());
    let date = || {
        Value::Date(DateInput {
            day: "2".into(),
            month: "3".into(),
            year: "2025".into(),
        })
    };
    for f in catalogue::fields() {
        let id = f.id.to_string();
        match f.kind {
            Kind::Radios(_) => {
                for v in options(s, f) {
                    out.push((
                        id.clone(),
                        v.to_string(),
                        Value::Choice(Some(v.to_string())),
                    ));
                }
            }
            Kind::Checkboxes(_, none) => {
                // Each option ticked alone, then "None of these" alone.
                let ticked = options(s, f)
                    .into_iter()
                    .map(|v| (v, vec![v.to_string()], false));
                for (v, values, none) in ticked.chain(none.map(|n| (n, vec![], true))) {
                    out.push((id.clone(), v.to_string(), Value::Multi { values, none }));
                }
            }
            Kind::Text | Kind::Email | Kind::LongText => out.push((id, "*".into(), text())),
            Kind::Date => out.push((id, "*".into(), date())),
            Kind::Milestones => out.push((
                id,
                "*".into(),
                Value::Milestones(vec![Milestone {
                    what: "Prerender probe".into(),
                    date: DateInput::default(),
                }]),
            )),
            Kind::Risks => out.push((
                id,
                "*".into(),
                Value::Risks(vec![Risk {
                    risk: "Prerender probe".into(),
                    action: String::new(),
                }]),
            )),
        }
    }
    out
}

/// The leaves where two JSON values differ, as dotted paths.
fn differ(a: &Json, b: &Json, at: &str, out: &mut Vec<(String, Json)>) {
    match (a, b) {
        // An object the blank document does not have yet (the questions
        // added since format 2 are written once answered).
        (Json::Null, Json::Object(_)) => differ(&json!({}), b, at, out),
        (Json::Object(x), Json::Object(y)) => {
            for (k, v) in y {
                let p = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                differ(x.get(k).unwrap_or(&Json::Null), v, &p, out);
            }
        }
        _ if a != b => out.push((at.to_string(), b.clone())),
        _ => {}
    }
}

/// The question whose answer picks a page's wording besides the ruleset.
const CONTEXT: &str = "screening.body";

const CREATED: &str = "2026-01-01T00:00:00Z";
const TODAY: Ymd = Ymd {
    year: 2026,
    month: 1,
    day: 1,
};

fn doc(a: &Answers) -> Json {
    let mut v: Json =
        serde_json::from_str(&involve::format::export_answers(a, CREATED, CREATED, TODAY))
            .expect("the document writer writes JSON");
    // Only the answers and the ruleset are read back.
    if let Json::Object(m) = &mut v {
        m.retain(|k, _| k == "answers" || k == "ruleset" || k == "format" || k == "version");
    }
    v
}

/// Where each question's answer is in the saved document, where that is not
/// `answers.` + its id; and where a "None of these" is.
fn paths() -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let blank = new_answers();
    let base = doc(&blank);
    let (mut paths, mut none) = (BTreeMap::new(), BTreeMap::new());
    let every = RulesetId::ALL.iter().flat_map(|r| {
        let mut b = blank.clone();
        b.screening.ruleset = *r;
        one_answer_each(&b.screening)
    });
    for (id, test, value) in every {
        let mut a = blank.clone();
        if !access::set(&mut a, &id, value.clone()) {
            panic!("prerender: {id} cannot be set to {value:?}");
        }
        let mut d = Vec::new();
        differ(&base, &doc(&a), "", &mut d);
        let found = match &value {
            Value::Text(t) | Value::Choice(Some(t)) => d
                .iter()
                .find(|(_, v)| v.as_str() == Some(t))
                .map(|(p, _)| p.clone()),
            Value::Multi { none: true, .. } => {
                let p = d
                    .iter()
                    .find(|(_, v)| *v == Json::Bool(true))
                    .map(|(p, _)| p.clone());
                if let Some(p) = p {
                    none.insert(id.clone(), p);
                }
                continue;
            }
            Value::Multi { values, .. } => d
                .iter()
                .find(|(_, v)| *v == json!(values))
                .map(|(p, _)| p.clone()),
            // A date's three boxes: its day's path without ".day".
            Value::Date(_) => d.iter().find_map(|(p, v)| {
                (v.as_str() == Some("2"))
                    .then(|| p.strip_suffix(".day").map(str::to_string))
                    .flatten()
            }),
            // Rows are never put in (any row changes the page's markup).
            _ => continue,
        };
        let Some(found) = found else {
            panic!("prerender: the answer {test:?} to {id} is not in the saved document: {d:?}");
        };
        if found != format!("answers.{id}") {
            paths.insert(id.clone(), found);
        }
    }
    (paths, none)
}

/// The page the app shows at `page`'s address with these answers
/// (`#/screening` goes where the person stopped, a screening page the
/// answers skip to the next one).
fn shown_at(page: Page, a: &Answers) -> Page {
    State::new(a.clone(), page, TODAY).page
}

/// The answers that change `page`'s markup from `base` (the page with
/// `blank`), each as (question id, option or "*").
fn changes(
    rt: &tokio::runtime::Runtime,
    page: Page,
    blank: &Answers,
    base: &str,
    answers: &[(String, String, Value)],
) -> Vec<(String, String)> {
    let base = shape(base);
    let mut out: Vec<(String, String)> = Vec::new();
    for (id, test, value) in answers {
        let mut a = blank.clone();
        access::set(&mut a, id, value.clone());
        let html = render(rt, page, Some(a.clone()));
        if shown_at(page, &a) != shown_at(page, blank) || shape(&html) != base {
            out.push((id.clone(), test.clone()));
        }
    }
    out
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let blank = new_answers();
    let mut pages = Vec::new();
    let mut variants = Vec::new();
    let mut errors = Vec::new();
    let (mut started, mut unchanged) = (Vec::new(), Vec::new());
    let mut deps: BTreeMap<String, BTreeMap<String, Vec<(String, String)>>> = BTreeMap::new();
    for page in Page::all() {
        let html = render(&rt, page, None);
        let title = involve::web::page_title(page);
        pages.push(json!({ "route": page.route(), "title": title, "html": html }));
        // A question page: it has a box, radio or checkbox of the catalogue.
        let asks = catalogue::fields().iter().any(|f| {
            html.contains(&format!("name=\"{}\"", f.id)) || html.contains(&format!("id=\"{}", f.id))
        });
        if !asks {
            // A page with no questions (the start page, the statements): the
            // same for every returning user if every single answer, under
            // every ruleset, gives the same markup at the same address. Then
            // a returning user is shown that markup (the start page's
            // "Continue" instead of "Start now", say) before the wasm.
            let mut theirs: Option<String> = None;
            let mut same = true;
            'answers: for r in RulesetId::ALL {
                let mut base = blank.clone();
                base.screening.ruleset = r;
                for (id, _, value) in one_answer_each(&base.screening) {
                    let mut a = base.clone();
                    access::set(&mut a, &id, value);
                    let h = render(&rt, page, Some(a.clone()));
                    if shown_at(page, &a) != page || theirs.as_ref().is_some_and(|t| *t != h) {
                        same = false;
                        break 'answers;
                    }
                    theirs.get_or_insert(h);
                }
            }
            match theirs {
                Some(h) if same && h == html => unchanged.push(page.route()),
                Some(h) if same => {
                    started.push(page.route());
                    variants.push(json!({ "route": page.route(), "key": "started", "title": title, "html": h }));
                }
                _ => {}
            }
            continue;
        }
        // A new user's Save and continue on the blank page: the page with
        // its error summary, as the app's own action leaves it.
        let after = prerender_state(page, None, true);
        if after.page == page && after.has_errors() {
            errors.push(json!({ "route": page.route(), "title": involve::web::error_page_title(page), "html": render_as(&rt, page, None, true) }));
        }
        // The page as each ruleset's blank assessment shows it, and as it
        // shows it to each organisation whose wording differs
        // (`wording::audience`: an NHS trust's questions speak of the
        // services it provides): another block where that differs.
        for r in RulesetId::ALL {
            let mut a = blank.clone();
            a.screening.ruleset = r;
            // An address the app sends elsewhere (`#/screening` goes where
            // the person stopped; a screening page a blank assessment skips).
            if shown_at(page, &a) != page {
                continue;
            }
            let own = if r == blank.screening.ruleset {
                html.clone()
            } else {
                render(&rt, page, Some(a.clone()))
            };
            if own != html {
                variants.push(
                    json!({ "route": page.route(), "key": r.id(), "title": title, "html": own }),
                );
            }
            deps.entry(r.id().to_string()).or_default().insert(
                page.route(),
                changes(&rt, page, &a, &own, &one_answer_each(&a.screening)),
            );
            let Some(org) = catalogue::field(CONTEXT) else {
                continue;
            };
            for v in options(&a.screening, org) {
                let mut o = a.clone();
                access::set(&mut o, CONTEXT, Value::Choice(Some(v.to_string())));
                if shown_at(page, &o) != page {
                    continue;
                }
                let theirs = render(&rt, page, Some(o.clone()));
                if shape(&theirs) == shape(&own) {
                    continue;
                }
                let key = format!("{}:{v}", r.id());
                if theirs != own {
                    variants.push(json!({ "route": page.route(), "key": key, "title": title, "html": theirs }));
                }
                deps.entry(key).or_default().insert(
                    page.route(),
                    changes(&rt, page, &o, &theirs, &one_answer_each(&o.screening)),
                );
            }
        }
    }
    let base = doc(&blank);
    let (paths, none) = paths();
    println!(
        "{}",
        json!({
            "pages": pages,
            "variants": variants,
            "errors": errors,
            "prefill": {
                "format": base["format"],
                "version": base["version"],
                "paths": paths,
                "none": none,
                "context": CONTEXT,
                "started": started,
                "same": unchanged,
                "pages": deps,
            }
        })
    );
}
