//! The root component: owns the one state value (`use_reducer`), runs every
//! side effect (storage, URL, focus, title, files, print; the review page's
//! reading of files and folders, its checking loop and downloads through
//! `review::use_review`, a hook only the root calls) and hands data and
//! callbacks down. Children do no I/O.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::forms::{Section, Severity};
use crate::model::{Answers, Ymd};

use super::effects::{self, HostLink};
use super::fields::{question_page, QuestionPageProps};
use super::host::{self, Command, Reason};
use super::pages::{self, Effects};
use super::print::PrintView;
use super::state::{Action, Focus, Page, State, Storage, Unreadable};
use super::widgets::{click, el, inset, kids, two_thirds, tx};

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Nothing to catch up: keep the same state, so nothing re-renders.
        if matches!(action, Action::PrintSync)
            && self.print_built
            && Rc::ptr_eq(&self.printed, &self.answers)
        {
            return self;
        }
        Rc::new(State::apply((*self).clone(), action))
    }
}

/// The document title of a page: "Error: " first when errors are shown.
pub fn document_title(title: &str, err: bool) -> String {
    let mut t = String::new();
    if err {
        t.push_str("Error: ");
    }
    t.push_str(title);
    if !title.starts_with("Involve") {
        t.push_str(" \u{2013} Involve");
    }
    t
}

/// The root's properties: none in the browser. The build's prerender
/// (`src/bin/involve_prerender.rs`, Yew `ssr`) names the page to render.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Render this page for a new user, without touching the browser
    /// (storage, clock, URL): the HTML index.html shows before the wasm has
    /// arrived.
    #[prop_or_default]
    pub prerender: Option<Page>,
    /// With `prerender`: render the page with these answers instead of a
    /// new user's (the build finds which answers change a page's markup,
    /// so that a returning user's answers are put only into pages that
    /// look the same with them: `src/bin/involve_prerender.rs`).
    /// Only in the build's prerender (`ssr`): the app in the browser never
    /// compares answers as properties.
    #[cfg(feature = "ssr")]
    #[prop_or_default]
    pub prerender_answers: Option<Answers>,
    /// With `prerender`: the page after Save and continue on it, as a new
    /// user's blank page gives it (its error summary), which index.html
    /// shows at once when nothing has been typed.
    #[cfg(feature = "ssr")]
    #[prop_or_default]
    pub prerender_submitted: bool,
}

/// The state a new user's first render has on `page`: no answers, storage
/// working. Dates are only checked once something is typed, so the date is
/// never shown. `submitted`: after Save and continue on the page (the app's
/// own action, through the reducer).
pub fn prerender_state(page: Page, answers: Option<&Answers>, submitted: bool) -> State {
    let mut s = State::new(
        answers.cloned().unwrap_or_else(super::state::new_answers),
        page,
        crate::model::Ymd {
            year: 2026,
            month: 1,
            day: 1,
        },
    );
    // Each screening page as itself, even one a new assessment skips: the
    // data block for its address must hold that page.
    if let Page::Screen(_) = page {
        s.page = page;
    }
    s.storage = Storage::On;
    match (submitted, page) {
        (true, Page::Form(section)) => s.apply(Action::Continue(section)),
        (true, Page::Screen(n)) => s.apply(Action::ContinueScreen(n)),
        _ => s,
    }
}

fn initial() -> State {
    // The organisation's settings: what is wrong is reported and ignored, never fatal.
    let (settings, problems) =
        crate::settings::parse(&effects::settings_text().unwrap_or_default());
    let restored = effects::restore();
    // Saved answers keep their own ruleset; a new assessment follows the law
    // as it is now, with the organisation the settings give.
    let (answers, created) = restored.saved.unwrap_or_else(|| {
        (
            super::state::new_answers_for(settings.organisation_type),
            effects::now_rfc3339(),
        )
    });
    let mut s = State::new(
        answers,
        Page::from_route(&effects::hash()),
        effects::today(),
    );
    s.settings = Rc::new(settings);
    s.settings_problems = Rc::new(problems);
    s.created = created;
    s.storage = if restored.works {
        Storage::On
    } else {
        Storage::Off
    };
    s.unreadable = restored
        .unreadable
        .map(|(message, text)| Unreadable { message, text });
    // What was typed, ticked or chosen in the prerendered page before the wasm arrived.
    super::takeover::answers_typed_before(s)
}

const LOGO: &str = "M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z";

/// Answers (and their creation time) waiting to be saved.
type Pending = Rc<RefCell<Option<(Rc<Answers>, String)>>>;

/// Run a job once, `ms` after the last call to [`Debounce::set`]. Setting
/// again before then replaces the job and moves the deadline without touching
/// the browser timer: one timer is armed at a time and re-armed for the rest
/// of the wait when it fires early.
#[derive(Default)]
struct Debounce {
    due: f64,
    armed: bool,
    job: Option<Box<dyn FnOnce()>>,
}

impl Debounce {
    fn set(this: &Rc<RefCell<Debounce>>, ms: f64, job: impl FnOnce() + 'static) {
        let mut d = this.borrow_mut();
        d.due = js_sys::Date::now() + ms;
        d.job = Some(Box::new(job));
        if !d.armed {
            d.armed = true;
            drop(d);
            Debounce::arm(this.clone(), ms);
        }
    }

    fn arm(this: Rc<RefCell<Debounce>>, ms: f64) {
        let Some(w) = web_sys::window() else { return };
        let me = this.clone();
        let fire = wasm_bindgen::closure::Closure::once_into_js(move || {
            let this = me;
            let mut d = this.borrow_mut();
            let left = d.due - js_sys::Date::now();
            if left > 1.0 {
                drop(d);
                Debounce::arm(this, left);
            } else {
                d.armed = false;
                let job = d.job.take();
                drop(d);
                if let Some(job) = job {
                    job();
                }
            }
        });
        if w.set_timeout_with_callback_and_timeout_and_arguments_0(
            fire.unchecked_ref(),
            ms.ceil() as i32,
        )
        .is_err()
        {
            this.borrow_mut().armed = false;
        }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let prerender = props.prerender;
    #[cfg(feature = "ssr")]
    let (answers, submitted) = (props.prerender_answers.clone(), props.prerender_submitted);
    #[cfg(not(feature = "ssr"))]
    let (answers, submitted): (Option<Answers>, bool) = (None, false);
    let state = use_reducer(move || match prerender {
        Some(page) => prerender_state(page, answers.as_ref(), submitted),
        None => initial(),
    });
    // Every action from the page first catches up with the date, so a tab
    // left open past midnight does not call today's date "in the future".
    let dispatch: Callback<Action> = {
        let d = state.dispatcher();
        let today = state.today;
        Callback::from(move |a: Action| {
            let now = effects::today();
            if now != today {
                d.dispatch(Action::Today(now));
            }
            d.dispatch(a)
        })
    };

    // The URL mirrors the page; back/forward and typed addresses route.
    {
        let page = state.page;
        use_effect_with(page, move |p| {
            effects::set_hash(&p.route(), &Page::Form(Section::Screening).route())
        });
    }
    // Title: "Error: " first when errors are shown.
    {
        let title = pages::title(state.page);
        let err = state.has_errors();
        use_effect_with((title, err), move |(title, err)| {
            effects::set_title(&document_title(title, *err));
        });
    }

    // Focus after a transition.
    {
        let focus = state.focus.clone();
        use_effect_with(state.focus_seq, move |seq| {
            if *seq > 0 {
                match &focus {
                    Some(Focus::Heading) => effects::focus_heading(),
                    Some(Focus::ErrorSummary) => {
                        effects::focus_id("error-summary");
                    }
                    // An element that is not there (yet) falls back to the heading.
                    Some(Focus::Id(id)) if !effects::focus_id(id) => effects::focus_heading(),
                    Some(Focus::Id(_)) | None => {}
                }
            }
        });
    }

    // The Print button brings the print view up to date (Action::Print);
    // print once that render is done. (Also before printing, see above; with
    // autosave, 300 ms after typing stops; page changes in the reducer.)
    {
        use_effect_with(state.print_seq, move |seq| {
            if *seq > 0 {
                effects::print();
            }
        });
    }

    // Autosave (and the print view): 300 ms after the last change, flushed
    // when the page is hidden. A keystroke only moves the deadline (see
    // [`Debounce`]), so typing does not create and clear a browser timer each time.
    let pending: Pending = use_mut_ref(|| None);
    // The host-page API: `None` unless the settings list allowed host origins
    // and Involve is in a frame. Settings do not change while Involve runs.
    let link: Rc<Option<HostLink>> = {
        let settings = state.settings.clone();
        use_memo((), move |_| HostLink::new(&settings))
    };
    // What a `request-document` from the host gets: the answers as they are now.
    let current: Rc<RefCell<(Rc<Answers>, String, Ymd)>> =
        use_mut_ref(|| (state.answers.clone(), String::new(), state.today));
    *current.borrow_mut() = (state.answers.clone(), state.created.clone(), state.today);
    let timer: Rc<RefCell<Debounce>> = use_mut_ref(Debounce::default);
    {
        let pending = pending.clone();
        let timer = timer.clone();
        let answers = state.answers.clone();
        let today = state.today;
        let d = state.dispatcher();
        let storage = state.storage;
        let created = state.created.clone();
        let held = state.autosave_held();
        let org = state.settings.organisation_type;
        let link = link.clone();
        super::recovery::remember(&state.answers, &state.created, state.today);
        use_effect_with((state.revision, held), move |(rev, held)| {
            if *rev > 0 {
                // The host page hears of a changed status or verdict (never an answer).
                let progress = link.is_some().then(|| (link.clone(), answers.clone()));
                if !*held {
                    *pending.borrow_mut() = Some((answers, created));
                }
                let p = pending.clone();
                Debounce::set(&timer, 300.0, move || {
                    if let Some((l, a)) = progress {
                        if let Some(l) = l.as_ref() {
                            l.progress(&a, today);
                        }
                    }
                    if let Some((a, created)) = p.borrow_mut().take() {
                        let ok = effects::save(&a, today, &created, org);
                        let now = match (ok, storage) {
                            (true, _) => Storage::On,
                            (false, Storage::Off) => Storage::Off,
                            (false, _) => Storage::Failed,
                        };
                        if now != storage {
                            d.dispatch(Action::StorageStatus(now));
                        }
                    }
                    d.dispatch(Action::PrintSync);
                });
            }
        });
    }
    // Listeners for the life of the app (one effect: each effect is its own
    // generic code in the wasm). The print view is brought up to date before
    // the browser prints (Ctrl+P, the menu, Save as PDF all fire
    // `beforeprint`; the Yew render runs in the microtask right after the
    // listener, before the print layout). Pending answers are saved when the
    // page is hidden. Another tab or window saved answers: stop autosave and
    // let the user choose (see Confirm::OtherTab); nothing is overwritten silently.
    {
        let d = state.dispatcher();
        let pending = pending.clone();
        let timer = timer.clone();
        let today = state.today;
        let org = state.settings.organisation_type;
        use_effect_with((), move |_| {
            // The print view is left out of the first render (see
            // `State::print_built`); build it in the next task.
            let first = d.clone();
            gloo::timers::callback::Timeout::new(0, move || first.dispatch(Action::PrintSync))
                .forget();
            let w = web_sys::window();
            let routes = w.as_ref().map(|w| {
                let p = d.clone();
                (
                    {
                        let d = d.clone();
                        EventListener::new(w, "hashchange", move |_| {
                            super::recovery::test_panic_if_asked();
                            d.dispatch(Action::Route(Page::from_route(&effects::hash())))
                        })
                    },
                    EventListener::new(w, "beforeprint", move |_| p.dispatch(Action::PrintSync)),
                )
            });
            super::recovery::test_panic_if_asked();
            let flush = {
                let pending = pending.clone();
                Rc::new(move || {
                    if let Some((a, created)) = pending.borrow_mut().take() {
                        effects::save(&a, today, &created, org);
                    }
                })
            };
            let f1 = flush.clone();
            let l1 = w
                .as_ref()
                .map(|w| EventListener::new(w, "pagehide", move |_| f1()));
            let l2 = w
                .as_ref()
                .and_then(|w| w.document())
                .map(|doc| EventListener::new(&doc, "visibilitychange", move |_| flush()));
            let l3 = w.as_ref().map(|w| {
                EventListener::new(w, "storage", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if e.key().as_deref() != Some(effects::STORAGE_KEY) {
                        return;
                    }
                    let Some(text) = e.new_value() else { return };
                    if let Ok((a, created)) = super::doc::read(text.as_bytes()) {
                        pending.borrow_mut().take();
                        timer.borrow_mut().job = None;
                        d.dispatch(Action::OtherTab(a, created));
                    }
                })
            });
            move || drop((routes, l1, l2, l3))
        });
    }

    // The host-page API (`super::host`): `ready` and the first `progress`,
    // then commands from the embedding page on an allowed origin. With no
    // allowed origin there is no listener at all.
    {
        let link = link.clone();
        let d = state.dispatcher();
        let current = current.clone();
        use_effect_with((), move |_| {
            let listener = link.is_some().then(|| {
                if let Some(l) = link.as_ref() {
                    l.post(&host::Event::ready(), None);
                    let (a, _, today) = &*current.borrow();
                    l.progress(a, *today);
                }
                let w = web_sys::window();
                w.map(|w| {
                    EventListener::new(&w, "message", move |e| {
                        let (Some(l), Some(e)) =
                            (link.as_ref(), e.dyn_ref::<web_sys::MessageEvent>())
                        else {
                            return;
                        };
                        // Anything else is ignored and never answered.
                        if !l.accepts(e) {
                            return;
                        }
                        let data = e.data();
                        let Some(cmd) =
                            effects::read_envelope(&data).and_then(|m| host::command(&m))
                        else {
                            return;
                        };
                        match cmd {
                            Err(reply) => l.post(&reply, None),
                            Ok(Command::Load) => match effects::message_document(&data) {
                                // The same checks as the Load control, and the same question before replacing answers.
                                Some(text) => match super::doc::read(text.as_bytes()) {
                                    Ok((a, created)) => d.dispatch(Action::Loaded(a, created)),
                                    Err(m) => l.post(&host::load_failed(&m), None),
                                },
                                None => l.post(&host::not_a_document(), None),
                            },
                            Ok(Command::RequestDocument) => {
                                let (a, created, today) = &*current.borrow();
                                let text =
                                    super::doc::write(a, *today, created, &effects::now_rfc3339());
                                l.post(&host::Event::document(Reason::Request), Some(&text));
                            }
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }

    // Files: read a chosen or dropped file and hand the result to the reducer.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let load = {
        let d = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let d = d.clone();
            let file = gloo::file::File::from(file);
            let task = gloo::file::callbacks::read_as_bytes(&file, move |res| {
                match res {
                Ok(bytes) => match super::doc::read_file(&bytes) {
                    Ok((a, created)) => d.dispatch(Action::Loaded(a, created)),
                    Err(p) => d.dispatch(Action::LoadFailed(p)),
                },
                Err(_) => d.dispatch(Action::LoadFailed(super::state::FileProblem {
                    message: "The file could not be opened. Check it is not open in another program, then choose it again".into(),
                    detail: None,
                })),
            }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let download = {
        let answers = state.answers.clone();
        let today = state.today;
        let created = state.created.clone();
        let link = link.clone();
        let d = dispatch.clone();
        Callback::from(move |_| {
            let text = super::doc::write(&answers, today, &created, &effects::now_rfc3339());
            let name = super::doc::filename(&answers, today);
            effects::download(&name, &text);
            d.emit(Action::Downloaded(name));
            // The user's download is the one time the host page gets the answers unasked.
            if let Some(l) = link.as_ref() {
                l.post(&host::Event::document(Reason::Download), Some(&text));
            }
        })
    };
    let download_document = {
        let answers = state.answers.clone();
        let today = state.today;
        let created = state.created.clone();
        let settings = state.settings.clone();
        Callback::from(move |f: crate::format::document::Format| {
            let (name, bytes) = super::doc::office_document(
                &answers,
                today,
                &created,
                &effects::now_rfc3339(),
                settings.organisation_name.as_deref(),
                f,
            );
            effects::download_bytes(&name, &bytes, f.mime());
        })
    };
    let download_unreadable = {
        let text = state
            .unreadable
            .as_ref()
            .map(|u| u.text.clone())
            .unwrap_or_default();
        Callback::from(move |_| {
            effects::download("involve-answers-not-restored.json", &text);
        })
    };
    let print = {
        let d = dispatch.clone();
        Callback::from(move |_: ()| d.emit(Action::Print))
    };
    // Taking over from the prerendered page, once its replacement is in the
    // DOM (before the browser paints): focus, caret and scroll where they
    // were, then a click made while the wasm was on its way, and a file
    // chosen or dropped then.
    {
        let load = load.clone();
        use_effect_with((), move |_| super::takeover::after_first_render(&load));
    }
    let fx = Effects {
        dispatch: dispatch.clone(),
        load,
        download,
        download_document,
        download_unreadable,
        print,
    };
    // "Review completed forms": its state and effects (reading files and
    // folders, the timed checking loop, Cancel, downloads), which live as
    // long as the app, so opening a form and coming back keeps them.
    let (review, review_fx) = super::review::use_review(state.today, &fx.load);

    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        effects::focus_heading();
    });
    let home = click(&dispatch, Action::Go(Page::Start), true);
    let body = match state.page {
        Page::Start => pages::start(&state, &fx),
        Page::Tasks => pages::tasks(&state, &fx),
        Page::Decision => pages::decision(&state, &fx),
        Page::Check => pages::check(&state, &fx),
        Page::Form(section) => question(&state, section, None, &fx),
        Page::Screen(p) => question(&state, Section::Screening, Some(p), &fx),
        Page::ScreenCheck => pages::screen_check(&state, &fx),
        Page::Reassess => pages::reassess(&state, &fx),
        Page::Reassessed => pages::reassessed(&state, &fx),
        Page::Review => super::review::page(&state, &fx, &review, &review_fx),
        Page::Accessibility => super::about::accessibility(&state, &fx),
        Page::Privacy => super::about::privacy(&state, &fx),
    };
    let notice = state.notice.map(success_banner);

    html! {
        <>
            <a class="nhsuk-skip-link app-screen-only" href="#maincontent" onclick={skip}>{ "Skip to main content" }</a>
            <header class="nhsuk-header app-screen-only" role="banner">
                <div class="nhsuk-header__container nhsuk-width-container">
                    <div class="nhsuk-header__service">
                        <a class="nhsuk-header__service-logo" href="#/" onclick={home} aria-label="Involve homepage">
                            <svg class="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
                                <title>{ "NHS" }</title>
                                <path fill="currentcolor" d={LOGO} />
                            </svg>
                            <span class="nhsuk-header__service-name">{ "Involve" }</span>
                        </a>
                    </div>
                </div>
            </header>
            <div class="nhsuk-width-container app-screen-only">
                <main class="nhsuk-main-wrapper" id="maincontent" role="main">
                    { pages::confirm(&state, &fx) }
                    { pages::unreadable_notice(&state, &fx) }
                    if state.storage == Storage::Failed && !matches!(state.page, Page::Start | Page::Tasks) {
                        { pages::autosave_stopped(&fx) }
                    }
                    { for notice }
                    if let Some(name) = &state.downloaded {
                        { downloaded_banner(name) }
                    }
                    { body }
                </main>
            </div>
            <footer class="nhsuk-footer app-screen-only" role="contentinfo">
                { super::about::footer(&state.settings, &dispatch) }
                { footer_meta(state.settings.api_on()) }
            </footer>
            if state.print_built {
                <PrintView answers={state.printed.clone()} derived={state.printed_derived.clone()} today={state.today} settings={state.settings.clone()} />
            }
        </>
    }
}

/// The footer's words (fixed; with the host-page API on, what the intranet page gets).
#[inline(never)]
fn footer_meta(api_on: bool) -> Html {
    el(
        "div",
        "nhsuk-width-container",
        el(
            "div",
            "nhsuk-footer__meta",
            kids(vec![
                tx("h2", "nhsuk-u-visually-hidden", "About this service"),
                if api_on {
                    tx("p", "nhsuk-body-s", "Involve works entirely in your browser. Nothing you enter is sent to a server; your organisation\u{2019}s intranet page gets your answers only when you download them or it asks for them (see Privacy).")
                } else {
                    Html::default()
                },
                tx(
                    "p",
                    "nhsuk-body-s",
                    if api_on {
                        "Rules: NHS England statutory guidance, Working in partnership with people and communities (2022); for records of decisions made before July 2022, NHS England\u{2019}s 2017 guidance."
                    } else {
                        "Involve works entirely in your browser. Nothing you enter is sent anywhere. Rules: NHS England statutory guidance, Working in partnership with people and communities (2022); for records of decisions made before July 2022, NHS England\u{2019}s 2017 guidance."
                    },
                ),
            ]),
        ),
    )
}

/// The green "Success" banner after an action.
#[inline(never)]
fn success_banner(words: &'static str) -> Html {
    html! {
        <div class="nhsuk-notification-banner nhsuk-notification-banner--success" role="status" id="notice">
            { el("div", "nhsuk-notification-banner__header", tx("h2", "nhsuk-notification-banner__title", "Success")) }
            { el("div", "nhsuk-notification-banner__content", tx("p", "nhsuk-notification-banner__heading", words)) }
        </div>
    }
}

/// What was just downloaded, under which name, and what to do with it.
fn downloaded_banner(name: &str) -> Html {
    html! {
        <div class="nhsuk-notification-banner nhsuk-notification-banner--success" role="status" id="downloaded" tabindex="-1">
            { el("div", "nhsuk-notification-banner__header", tx("h2", "nhsuk-notification-banner__title", "Success")) }
            <div class="nhsuk-notification-banner__content">
                { tx("p", "nhsuk-notification-banner__heading", "Your answers have been downloaded") }
                <p>{ "The file is called " }<strong class="app-path">{ name.to_string() }</strong>{ ". Your browser has saved it, usually in your Downloads folder." }</p>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    <li>{ "Keep it with the committee or governance papers for this decision: it is the record of your assessment." }</li>
                    <li>{ "To carry on later or on another computer, load it here: choose \u{201c}Load answers from a file\u{201d} on the start page or the task list." }</li>
                </ul>
            </div>
        </div>
    }
}

/// A question page with its (and, for Appendix C, why it is offered).
fn question(state: &State, section: Section, screen: Option<u8>, fx: &Effects) -> Html {
    // Shown once saved, where the answer was given (never while typing).
    let warnings: Vec<_> = state
        .shown
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .cloned()
        .collect();
    let intro = if section == Section::PlanC {
        let offered = state.derived.plan_expected;
        let can_fill = crate::forms::prefill::prefilled_fields(&state.answers, state.today);
        let onclick = click(&fx.dispatch, Action::PrefillC, false);
        html! {
            <>
                if offered {
                    { inset("Offered because the duty applies and Step 4 says additional arrangements are needed.") }
                }
                if !can_fill.is_empty() {
                    { tx("p", "", "You can fill in blank headings from your Appendix B answers, then change them. Nothing you have typed here is replaced.") }
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" id="prefill-c" {onclick}>{ "Fill in blank headings from Appendix B" }</button>
                }
            </>
        }
    } else if section == Section::Screening && screen.unwrap_or(0) == 0 {
        // A 2017 record says so, and offers the way to today's law.
        pages::reassess_offer(state, "reassess-screening", fx)
    } else {
        Html::default()
    };
    let props = QuestionPageProps {
        section,
        screen,
        answers: state.answers.clone(),
        shown: Rc::new(state.shown.clone()),
        warnings: Rc::new(warnings),
        dispatch: fx.dispatch.clone(),
        return_to_check: state.return_to_check,
        return_to_screen_check: state.return_to_screen_check,
        intro,
    };
    two_thirds(question_page(props))
}
