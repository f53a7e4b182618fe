//! The review page's effects, owned by the root: the app calls
//! [`use_review`] once and hands the page the [`ReviewEffects`] it returns,
//! as it hands every other page its [`Effects`](crate::web::pages::Effects).
//!
//! Everything here touches the browser and nothing renders: reading the
//! files chosen or dropped (a dropped folder is walked with
//! `FileSystemDirectoryReader`), checking them in small time slices so the
//! page stays responsive, Cancel, the downloads (the CSV and JSON exports
//! and the annual report), "Open this form" (the editor's own load path)
//! and focus after a change.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::model::{is_json_name, Review, ReviewAction, Skipped, NOT_JSON};
use crate::format::check::{report_json, FileCheck};
use crate::format::document::Format;
use crate::format::report::{self, AnnualReport};
use crate::format::{self, csv::csv_report, ymd_string};
use crate::model::Ymd;
use crate::web::effects;

impl Reducible for Review {
    type Action = ReviewAction;
    fn reduce(self: Rc<Self>, action: ReviewAction) -> Rc<Self> {
        Rc::new(Review::apply((*self).clone(), action))
    }
}

/// What a click on the page asks of the review's effects (the file pickers
/// and the drop zone have their own callbacks, which carry the browser's
/// objects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Stop the run going, between files.
    Cancel,
    /// Download every file's result as CSV (`involve check --csv`).
    DownloadCsv,
    /// Download the JSON report (`involve check --json`).
    DownloadJson,
    /// Ask for the annual report: check its period and download it as a
    /// document (`Some`) or as CSV (`None`).
    DownloadReport(Option<Format>),
    /// "Open this form": load file `i` in the editor, which asks before
    /// replacing answers.
    Open(usize),
}

/// What the page is given besides the review, as the other pages are given
/// [`Effects`](crate::web::pages::Effects): the reducer's dispatcher and the
/// effects' callbacks. The page renders, dispatches and hands these plain
/// data; it does no I/O.
#[derive(Clone, PartialEq)]
pub struct ReviewEffects {
    /// Change the review (sort, filters, paging, records, the report's form).
    pub dispatch: UseReducerDispatcher<Review>,
    /// Files chosen with a file picker (the input's files, taken before the
    /// input is cleared): check them.
    pub chosen: Callback<Option<web_sys::FileList>>,
    /// Files and folders dropped on the page (the drop's data, given during
    /// the event): check them.
    pub dropped: Callback<web_sys::DataTransfer>,
    /// What a click asks for.
    pub request: Callback<Request>,
}

/// What a run needs: the review's dispatcher, whether a run was going (as
/// the render that made the callback saw it: then nothing starts), the
/// handles of the files checked (a `File` handle does not hold the file's
/// contents) and the Cancel flag of the run going.
#[derive(Clone)]
struct Run {
    d: UseReducerDispatcher<Review>,
    running: bool,
    files: Rc<RefCell<Vec<web_sys::File>>>,
    cancel: Rc<Cell<bool>>,
}

/// The review's state and effects (called once, by the root). The review
/// lives as long as the app, so "Open this form" and coming back keep it.
/// `today` is the date new files are checked against; `load` is the
/// editor's load path.
#[hook]
pub fn use_review(
    today: Ymd,
    load: &Callback<web_sys::File>,
) -> (UseReducerHandle<Review>, ReviewEffects) {
    let state = use_reducer(Review::default);
    let files: Rc<RefCell<Vec<web_sys::File>>> = use_mut_ref(Vec::new);
    let cancel = use_memo((), |_| Cell::new(false));
    let focus = state.focus.clone();
    use_effect_with(focus.seq, move |seq| {
        if *seq > 0 {
            effects::focus_id(&focus.id);
        }
    });
    let run = Run {
        d: state.dispatcher(),
        running: state.running.is_some(),
        files,
        cancel,
    };
    let dispatch = state.dispatcher();
    let (checks, entries, input, checked_on) = (
        state.checks.clone(),
        state.entries.clone(),
        state.report.clone(),
        state.today,
    );
    let chosen = {
        let run = run.clone();
        Callback::from(move |list| start(from_list(list), today, &run))
    };
    let dropped = {
        let run = run.clone();
        Callback::from(move |dt| on_drop(dt, today, run.clone()))
    };
    let load = load.clone();
    let request = Callback::from(move |r: Request| match r {
        Request::Cancel => run.cancel.set(true),
        Request::DownloadCsv | Request::DownloadJson => {
            let (ext, text, mime) = if matches!(r, Request::DownloadCsv) {
                ("csv", csv_report(&checks), CSV)
            } else {
                ("json", report_json(&checks, checked_on), "application/json")
            };
            let name = format!("involve-review-{}.{ext}", ymd_string(checked_on));
            download(&name, &text, mime);
        }
        Request::DownloadReport(kind) => {
            run.d.dispatch(ReviewAction::ReportAsked);
            // Made on the click, not on each render.
            let Ok(query) = input.check() else { return };
            annual_report(
                AnnualReport::new((*entries).clone(), query, checked_on),
                kind,
            );
        }
        Request::Open(i) => {
            let f = run.files.borrow().get(i).cloned();
            if let Some(f) = f {
                load.emit(f);
            }
        }
    });
    let fx = ReviewEffects {
        dispatch,
        chosen,
        dropped,
        request,
    };
    (state, fx)
}

const CSV: &str = "text/csv;charset=utf-8";

fn download(name: &str, text: &str, mime: &str) {
    effects::download_as(name, text, mime);
}

/// Download the annual report as a document (`Some`) or as CSV.
fn annual_report(a: AnnualReport, kind: Option<Format>) {
    let name = format!(
        "involve-annual-report-{}-to-{}",
        ymd_string(a.query.from),
        ymd_string(a.query.to)
    );
    match kind {
        Some(f) => {
            effects::download_bytes(
                &format!("{name}.{}", f.extension()),
                &f.write(&a.doc()),
                f.mime(),
            );
        }
        None => download(&format!("{name}.csv"), &a.csv(), CSV),
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Resolve after a `setTimeout(0)`: lets the browser handle input and
/// paint. (A `MessageChannel` message, which no timer clamp holds back,
/// measured no faster here: 1.28 to 1.34 s for 2,000 files with the timer,
/// 1.33 to 1.40 s with the message.)
async fn yield_now() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(p).await;
}

/// Check files one after another, a few read ahead, yielding to the
/// browser every ~25 ms; progress is dispatched at most every 150 ms and
/// announced at most every 1.5 s. Cancel stops between files and keeps
/// what was checked.
async fn run(list: Vec<(String, web_sys::File)>, today: Ymd, h: Run) {
    const READ_AHEAD: usize = 8;
    const SLICE_MS: f64 = 25.0;
    let d = h.d.clone();
    let total = list.len();
    let mut checks = Vec::with_capacity(total);
    let mut entries = Vec::with_capacity(total);
    let mut kept = Vec::with_capacity(total);
    let (mut slice, mut shown, mut said) = (now(), now(), now());
    // No `File.size` first: in Chromium each call is a synchronous round
    // trip to the browser process, not cached by a read; it took 774 ms of
    // a 2.1 s run over 2,000 files. The bytes read give the size, and
    // import refuses more than `MAX_BYTES` as too large, as the CLI does.
    let read = |i: usize| JsFuture::from(list[i].1.array_buffer());
    // A window of reads in flight: the browser reads the next files while
    // this one is checked.
    let mut reads: std::collections::VecDeque<JsFuture> =
        (0..READ_AHEAD.min(total)).map(read).collect();
    let mut i = 0;
    while i < total && !h.cancel.get() {
        let Some(next) = reads.pop_front() else { break };
        let got = next.await;
        if i + READ_AHEAD < total {
            reads.push_back(read(i + READ_AHEAD));
        }
        let (path, file) = &list[i];
        let (check, entry) = match got {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                report::check_and_read(path.clone(), &bytes, today)
            }
            // Too large to hold in memory, or gone: the size (asked only
            // now) tells which.
            Err(_) => match file.size() {
                size if size > format::MAX_BYTES as f64 => {
                    unread(FileCheck::too_large(path.clone(), size as usize))
                }
                _ => unread(FileCheck::could_not_read(path.clone())),
            },
        };
        checks.push(check);
        entries.push(entry);
        kept.push(file.clone());
        i += 1;
        let t = now();
        if t - slice >= SLICE_MS {
            if t - shown >= 150.0 {
                let announce = t - said >= 1500.0;
                if announce {
                    said = t;
                }
                shown = t;
                d.dispatch(ReviewAction::Progress { done: i, announce });
            }
            yield_now().await;
            slice = now();
        }
    }
    let cancelled = checks.len() < total;
    h.files.borrow_mut().extend(kept);
    h.cancel.set(false);
    d.dispatch(ReviewAction::Entries(entries));
    d.dispatch(ReviewAction::Finished { checks, cancelled });
}

fn unread(c: FileCheck) -> (FileCheck, report::Read) {
    let r = report::unread(&c);
    (c, r)
}

/// Start checking: files whose names end in `.json` are checked (in
/// path order, as `involve check` walks a folder, so the exports are
/// its exact bytes); the others are listed as skipped.
fn start(mut chosen: Vec<(String, web_sys::File)>, today: Ymd, h: &Run) {
    if h.running || chosen.is_empty() {
        return;
    }
    // Folder by folder, as `involve check` walks them (`a/x` before `a-b/x`).
    chosen.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
    let (json, other): (Vec<_>, Vec<_>) = chosen.into_iter().partition(|(p, _)| is_json_name(p));
    let skipped = other
        .into_iter()
        .map(|(path, _)| Skipped {
            path,
            reason: NOT_JSON,
        })
        .collect();
    h.cancel.set(false);
    h.d.dispatch(ReviewAction::Start {
        total: json.len(),
        skipped,
        today,
    });
    wasm_bindgen_futures::spawn_local(run(json, today, h.clone()));
}

/// A file's path: its path inside a chosen folder, else its name.
fn file_path(f: &web_sys::File) -> String {
    let rel = js_sys::Reflect::get(f, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if rel.is_empty() {
        f.name()
    } else {
        rel
    }
}

fn from_list(list: Option<web_sys::FileList>) -> Vec<(String, web_sys::File)> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| (file_path(&f), f))
        .collect()
}

/// A callback-style browser API as a future: `call` is given the
/// success and error callbacks.
async fn callback_future(
    call: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(c) = call.take() {
            c(&resolve, &reject);
        }
    });
    JsFuture::from(p).await
}

/// Every file under dropped entries (folders walked recursively).
async fn walk(entries: Vec<web_sys::FileSystemEntry>, out: &mut Vec<(String, web_sys::File)>) {
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_string();
        if entry.is_directory() {
            let dir: web_sys::FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            // readEntries gives a batch at a time, until an empty one.
            loop {
                let got = callback_future(|ok, err| {
                    let _ = reader.read_entries_with_callback_and_callback(ok, err);
                })
                .await;
                let Ok(batch) = got else { break };
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(
                    batch
                        .iter()
                        .map(|e| e.unchecked_into::<web_sys::FileSystemEntry>()),
                );
            }
        } else if entry.is_file() {
            let fe: web_sys::FileSystemFileEntry = entry.unchecked_into();
            if let Ok(f) =
                callback_future(|ok, err| fe.file_with_callback_and_callback(ok, err)).await
            {
                out.push((path, f.unchecked_into()));
            }
        }
    }
}

/// Files and folders dropped: called during the drop event (the page has
/// already stopped the browser opening them).
fn on_drop(dt: web_sys::DataTransfer, today: Ymd, h: Run) {
    if h.running {
        return;
    }
    // Entries must be taken during the event; they are read afterwards.
    let items = dt.items();
    let mut entries = Vec::new();
    let mut plain = Vec::new();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        match item.webkit_get_as_entry() {
            Ok(Some(entry)) => entries.push(entry),
            _ => {
                if let Ok(Some(f)) = item.get_as_file() {
                    plain.push((file_path(&f), f));
                }
            }
        }
    }
    if entries.is_empty() {
        if plain.is_empty() {
            plain = from_list(dt.files());
        }
        start(plain, today, &h);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut out = plain;
        walk(entries, &mut out).await;
        start(out, today, &h);
    });
}
