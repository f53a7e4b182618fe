//! Browser side effects, called only from the root component: storage,
//! downloads, file reading, print, focus, title and the URL.
//!
//! Nothing here panics: every browser API that can fail (a sandboxed iframe
//! throws on `localStorage`, a full quota, a missing element) is handled and
//! reported as data.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, Storage};

use crate::model::{Answers, Ymd};

/// Where the answers are kept in this browser.
pub const STORAGE_KEY: &str = "involve.answers";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Today's date from the browser clock.
pub fn today() -> Ymd {
    let d = js_sys::Date::new_0();
    Ymd {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
    }
}

/// Now as an RFC 3339 date-time (UTC), for the document's timestamps.
pub fn now_rfc3339() -> String {
    let s: String = js_sys::Date::new_0().to_iso_string().into();
    // "2026-01-02T03:04:05.678Z" -> drop the milliseconds.
    match (s.find('.'), s.ends_with('Z')) {
        (Some(dot), true) => format!("{}Z", &s[..dot]),
        _ => s,
    }
}

fn storage() -> Option<Storage> {
    // `local_storage()` returns Err when access throws (sandboxed iframe,
    // blocked storage) and Ok(None) when there is none.
    window()?.local_storage().ok().flatten()
}

/// Where saved answers that could not be restored are set aside, so that
/// autosave never overwrites them.
pub const ASIDE_KEY: &str = "involve.answers.unreadable";

/// What was found in this browser's storage at start-up.
pub struct Restored {
    /// Saved answers and their creation time.
    pub saved: Option<(Answers, String)>,
    /// Whether writing to storage works.
    pub works: bool,
    /// Saved text that could not be read: the core's message and the text.
    pub unreadable: Option<(String, String)>,
}

/// Read saved answers. Saved text that cannot be read (garbage, wrong types,
/// a newer version) is moved to [`ASIDE_KEY`] and reported, never dropped.
pub fn restore() -> Restored {
    let Some(s) = storage() else {
        return Restored {
            saved: None,
            works: false,
            unreadable: None,
        };
    };
    // Probe that writing works (quota, private modes).
    let works = s.set_item("involve.probe", "1").is_ok() && s.remove_item("involve.probe").is_ok();
    let Some(text) = s.get_item(STORAGE_KEY).ok().flatten() else {
        return Restored {
            saved: None,
            works,
            unreadable: None,
        };
    };
    match super::doc::read(text.as_bytes()) {
        Ok(saved) => Restored {
            saved: Some(saved),
            works,
            unreadable: None,
        },
        Err(message) => {
            // Set it aside; if that fails, leave it where it is and keep autosave off.
            let kept = s.set_item(ASIDE_KEY, &text).is_ok() && s.remove_item(STORAGE_KEY).is_ok();
            Restored {
                saved: None,
                works: works && kept,
                unreadable: Some((message, text)),
            }
        }
    }
}

/// Save the answers (or remove them when nothing is answered beyond what
/// the settings preselect). `false` when
/// storage is unavailable or full.
pub fn save(
    answers: &Answers,
    today: Ymd,
    created: &str,
    organisation: Option<crate::model::Body>,
) -> bool {
    let Some(s) = storage() else { return false };
    if super::state::fresh(answers, organisation) {
        return s.remove_item(STORAGE_KEY).is_ok();
    }
    let json = super::doc::write(answers, today, created, &now_rfc3339());
    s.set_item(STORAGE_KEY, &json).is_ok()
}

/// Offer a JSON file for download (Blob, object URL, `<a download>`, revoke).
pub fn download(filename: &str, text: &str) -> bool {
    download_as(filename, text, "application/json")
}

/// Offer a file of the given MIME type for download.
pub fn download_as(filename: &str, text: &str, mime: &str) -> bool {
    download_part(filename, &wasm_bindgen::JsValue::from_str(text), mime)
}

/// Offer one Blob part (a string or a `Uint8Array`) for download.
fn download_part(filename: &str, part: &wasm_bindgen::JsValue, mime: &str) -> bool {
    let run = || -> Option<()> {
        let doc = document()?;
        let parts = js_sys::Array::of1(part);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.set_attribute("hidden", "").ok()?;
        let body = doc.body()?;
        body.append_child(&a).ok()?;
        a.click();
        a.remove();
        // Revoke after the click has been handled.
        let revoke = url.clone();
        gloo::timers::callback::Timeout::new(1_000, move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        })
        .forget();
        Some(())
    };
    run().is_some()
}

/// Offer bytes (a document) for download.
pub fn download_bytes(filename: &str, bytes: &[u8], mime: &str) -> bool {
    let array = js_sys::Uint8Array::from(bytes);
    download_part(filename, &array, mime)
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Move focus to an element by id, scrolling it into view.
pub fn focus_id(id: &str) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    match el.dyn_into::<HtmlElement>() {
        Ok(h) => h.focus().is_ok(),
        Err(_) => false,
    }
}

/// Focus the page's h1 and scroll to the top.
pub fn focus_heading() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Some(h) = document().and_then(|d| d.query_selector("#maincontent h1").ok().flatten()) {
        if let Ok(h) = h.dyn_into::<HtmlElement>() {
            let _ = h.focus();
        }
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// The current `location.hash`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Show `route` in the address bar, as a new history entry; in place of the
/// current one when that is only an address that leads elsewhere
/// (`#/screening`), so Back does not return to it and forward again.
pub fn set_hash(route: &str, redirect_from: &str) {
    if let Some(w) = window() {
        let current = w.location().hash().unwrap_or_default();
        if current.trim_start_matches('#') == redirect_from {
            let url = format!("#{route}");
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        } else if current.trim_start_matches('#') != route {
            // pushState, not `location.hash =`: the same history entry and
            // back/forward behaviour, but where the URL cannot change (a file
            // opened in a sandboxed iframe) it fails quietly instead of the
            // browser reporting a blocked navigation.
            let url = format!("#{route}");
            if let Ok(h) = w.history() {
                let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }
}

/// The text of the organisation's settings block
/// (`<script type="application/json" id="involve-settings">`), if the page has one.
pub fn settings_text() -> Option<String> {
    document()?
        .get_element_by_id(crate::settings::BLOCK_ID)?
        .text_content()
}

/// Whether this page is the one-file offline copy (`scripts/offline.mjs`
/// marks its `<html>` with `data-involve="offline"`). The build's prerender
/// (native, no DOM) renders the hosted page; `scripts/offline.mjs` takes
/// what only the hosted page offers out of the offline file's copy.
pub fn is_offline_file() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-involve"))
        .is_some_and(|v| v == "offline")
}

/// The host-page API's browser half (see [`super::host`] for the protocol):
/// where events may go, and posting them. Only built when the settings list
/// allowed host origins.
pub struct HostLink {
    allowed: Vec<String>,
    /// The allowed origins events are posted to: the embedding page's origin
    /// when the browser tells it (`location.ancestorOrigins`) or a command
    /// from it has arrived; otherwise every allowed origin (the browser
    /// delivers a message only to a page of the origin it names).
    targets: std::cell::RefCell<Vec<String>>,
    last_progress: std::cell::RefCell<Option<super::host::Event>>,
}

impl HostLink {
    /// `None` when the API is off or Involve is not in a frame.
    pub fn new(settings: &crate::settings::Settings) -> Option<HostLink> {
        if !settings.api_on() {
            return None;
        }
        let w = window()?;
        let parent = w.parent().ok().flatten()?;
        if js_sys::Object::is(&parent, &w) {
            return None;
        }
        // `location.ancestorOrigins` (Chromium, Safari; not in web-sys): [0] is the parent's origin.
        let parent_origin = js_sys::Reflect::get(&w.location(), &"ancestorOrigins".into())
            .ok()
            .filter(|l| l.is_object())
            .and_then(|l| js_sys::Reflect::get(&l, &0.into()).ok())
            .and_then(|o| o.as_string());
        let targets = match parent_origin {
            // The embedding page's origin is known: post to it only if it is allowed.
            Some(parent_origin) => settings
                .host_origins
                .iter()
                .filter(|o| **o == parent_origin)
                .cloned()
                .collect(),
            None => settings.host_origins.clone(),
        };
        Some(HostLink {
            allowed: settings.host_origins.clone(),
            targets: targets.into(),
            last_progress: None.into(),
        })
    }

    /// Whether a message comes from the embedding page on an allowed origin.
    pub fn accepts(&self, e: &web_sys::MessageEvent) -> bool {
        let origin = e.origin();
        let from_parent = match (e.source(), window().and_then(|w| w.parent().ok().flatten())) {
            (Some(src), Some(parent)) => js_sys::Object::is(&src, &parent),
            _ => false,
        };
        if from_parent && self.allowed.contains(&origin) {
            // Now the host's origin is known: post only there from now on.
            let mut t = self.targets.borrow_mut();
            if t.len() != 1 || t[0] != origin {
                *t = vec![origin];
            }
            true
        } else {
            false
        }
    }

    /// Post an event, with the document's JSON text as its `document` object.
    pub fn post(&self, event: &super::host::Event, document: Option<&str>) {
        let Ok(msg) = serde_wasm_bindgen::to_value(event) else {
            return;
        };
        if let Some(text) = document {
            let Ok(doc) = js_sys::JSON::parse(text) else {
                return;
            };
            if js_sys::Reflect::set(&msg, &"document".into(), &doc).is_err() {
                return;
            }
        }
        let Some(parent) = window().and_then(|w| w.parent().ok().flatten()) else {
            return;
        };
        for origin in self.targets.borrow().iter() {
            let _ = parent.post_message(&msg, origin);
        }
    }

    /// Post `progress` if a status or the verdict changed since the last one.
    pub fn progress(&self, answers: &Answers, today: Ymd) {
        let e = super::host::Event::progress(answers, today);
        if self.last_progress.borrow().as_ref() != Some(&e) {
            self.post(&e, None);
            *self.last_progress.borrow_mut() = Some(e);
        }
    }
}

/// A message's envelope (`None`: not an object of the expected shape).
pub fn read_envelope(data: &wasm_bindgen::JsValue) -> Option<super::host::Incoming> {
    if !data.is_object() {
        return None;
    }
    serde_wasm_bindgen::from_value(data.clone()).ok()
}

/// A `load` command's `document` object as JSON text (`None`: missing, not
/// an object, or not serialisable).
pub fn message_document(data: &wasm_bindgen::JsValue) -> Option<String> {
    let doc = js_sys::Reflect::get(data, &"document".into()).ok()?;
    if !doc.is_object() || js_sys::Array::is_array(&doc) {
        return None;
    }
    js_sys::JSON::stringify(&doc).ok()?.as_string()
}
