//! The app's one state value and its reducer.
//!
//! Plain Rust: no yew, web-sys or browser types, so every transition is tested
//! natively (`tests/web_state.rs`). The Yew root wraps [`State::reduce`] in
//! `use_reducer`; side effects (storage, files, focus, the URL) read the state
//! afterwards and never change answers themselves.
//!
//! Invariants: answers are never cleared by navigation or validation (hidden
//! conditional answers are kept); errors are shown only after "Save and
//! continue", never per keystroke.

use std::rc::Rc;

use crate::forms::access::{self, Value};
use crate::forms::derived::Derived;
use crate::forms::progress::Status;
use crate::forms::reassess::{self, Reassessed};
use crate::forms::screening_flow as flow;
use crate::forms::{Issue, Section, Severity};
use crate::model::{Answers, Body, Milestone, Risk, RulesetId, Ymd};
use crate::settings::{Problem, Settings};

/// A screen of the app. Mirrored into `location.hash` (see [`Page::route`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Tasks,
    /// A question page, one per catalogue section. `Form(Section::Screening)`
    /// (`#/screening`) is an address only: it leads to the screening page
    /// where the person stopped, or its check page ([`State::resolve`]).
    Form(Section),
    /// One screening question page (`#/screening/<slug>`), an index into
    /// [`crate::forms::screening_flow::PAGES`].
    Screen(u8),
    /// The screening's own check of its answers, before the result.
    ScreenCheck,
    /// The screening result: verdict, reasons and diagram.
    Decision,
    /// Check your answers, download and print.
    Check,
    /// "Reassess under the 2022 guidance": map the CCG to its ICB (a
    /// `nhse-2017` assessment only).
    Reassess,
    /// What reassessing kept, converted and dropped.
    Reassessed,
    /// "Review completed forms", for governance teams (see `web::review`).
    Review,
    /// The accessibility statement.
    Accessibility,
    /// What Involve stores, for how long, and how to delete it.
    Privacy,
}

impl Page {
    /// The fragment for this page, without the `#`, e.g. `/b-step-3`.
    pub fn route(self) -> String {
        let tail = match self {
            Page::Start => "",
            Page::Tasks => "tasks",
            Page::Decision => "decision",
            Page::Check => "check",
            Page::Reassess => "reassess",
            Page::Reassessed => "reassessed",
            Page::Review => "review",
            Page::Accessibility => "accessibility",
            Page::Privacy => "privacy",
            Page::Form(s) => s.slug(),
            Page::Screen(p) => {
                return format!("/screening/{}", flow::PAGES[usize::from(p)].slug);
            }
            Page::ScreenCheck => return format!("/screening/{}", flow::CHECK_SLUG),
        };
        let mut r = String::with_capacity(tail.len() + 1);
        r.push('/');
        r.push_str(tail);
        r
    }

    /// Every page of the app, each once: what the build prerenders
    /// (`src/bin/involve_prerender.rs`). The match below has no wildcard, so
    /// a new variant does not compile until it is listed here too.
    pub fn all() -> Vec<Page> {
        let mut pages = Vec::new();
        for p in [
            Page::Start,
            Page::Tasks,
            Page::Form(Section::Screening),
            Page::Screen(0),
            Page::Decision,
            Page::Check,
            Page::Reassess,
            Page::Reassessed,
            Page::Review,
            Page::Accessibility,
            Page::Privacy,
        ] {
            match p {
                Page::Form(_) => pages.extend(Section::ALL.iter().map(|s| Page::Form(*s))),
                Page::Screen(_) => {
                    pages.extend((0..flow::PAGES.len()).map(|p| Page::Screen(p as u8)));
                    pages.push(Page::ScreenCheck);
                }
                Page::Start
                | Page::Tasks
                | Page::Decision
                | Page::Check
                | Page::Reassess
                | Page::Reassessed
                | Page::Review
                | Page::Accessibility
                | Page::Privacy
                | Page::ScreenCheck => pages.push(p),
            }
        }
        pages
    }

    /// The page a fragment names (with or without `#`); unknown ones give the start page.
    pub fn from_route(hash: &str) -> Page {
        let r = hash.trim_start_matches('#').trim_start_matches('/');
        match r {
            "tasks" => Page::Tasks,
            "decision" => Page::Decision,
            "check" => Page::Check,
            "reassess" => Page::Reassess,
            "reassessed" => Page::Reassessed,
            "review" => Page::Review,
            "accessibility" => Page::Accessibility,
            "privacy" => Page::Privacy,
            _ if r.starts_with("screening/") => match &r["screening/".len()..] {
                flow::CHECK_SLUG => Page::ScreenCheck,
                slug => flow::page(slug)
                    .map(|p| Page::Screen(p as u8))
                    .unwrap_or(Page::Form(Section::Screening)),
            },
            _ => Section::from_slug(r).map(Page::Form).unwrap_or(Page::Start),
        }
    }
}

/// Where keyboard focus goes after a transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The page's h1 (on every page change).
    Heading,
    /// The error summary (after a failed Save and continue or load).
    ErrorSummary,
    /// An element by id (a new repeating row, a confirmation).
    Id(String),
}

/// Whether answers are being kept in this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Not yet tried.
    Unknown,
    /// Saved in this browser.
    On,
    /// Storage is blocked or unavailable from the start: autosave is off.
    Off,
    /// Saving worked, then failed (for example the storage is full): autosave has stopped.
    Failed,
}

/// A confirmation asked in the page (never `window.confirm`).
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    /// Replace the current answers with a loaded file's answers (and creation time)?
    Load(Box<Answers>, String),
    /// Delete the answers saved in this browser (and start again)?
    Delete,
    /// Another tab or window saved different answers: use them (and their
    /// creation time), or keep this tab's? Autosave waits for the answer.
    OtherTab(Box<Answers>, String),
}

/// Saved answers that could not be restored at start-up: the core's message
/// and the raw saved text (also set aside in storage), offered as a download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub message: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Shared, so cloning the state (on every action) and handing the answers
    /// to components is a pointer copy; changed through [`State::answers_mut`].
    pub answers: Rc<Answers>,
    /// What the answers imply (the rules' assessment, the validation report,
    /// the section statuses), worked out once in [`State::apply`] whenever
    /// the answers or today's date change. Every page reads it; none runs
    /// the rules or the validator itself.
    pub derived: Rc<Derived>,
    /// [`State::derived`] for [`State::printed`].
    pub printed_derived: Rc<Derived>,
    /// The answers the hidden print view shows. Kept off the typing path: a
    /// keystroke changes `answers` only; the print view catches up on every
    /// page change, wholesale replacement, [`Action::Print`] and
    /// [`Action::PrintSync`] (sent before printing and shortly after typing stops).
    pub printed: Rc<Answers>,
    /// Whether the hidden print view is in the page yet. It is most of the
    /// page's elements, so the first render leaves it out and the root sends
    /// [`Action::PrintSync`] straight after: opening Involve does not wait
    /// for it. Every print path syncs first, so it is always there to print.
    pub print_built: bool,
    /// Increases on every [`Action::Print`]; the root opens the browser's
    /// print dialog after the render that brought `printed` up to date.
    pub print_seq: u32,
    pub page: Page,
    /// Today's date, for date validation (the domain never reads a clock).
    pub today: Ymd,
    /// Problems shown on the current page after Save and continue.
    pub shown: Vec<Issue>,
    /// A file that could not be loaded: what it is in the person's words,
    /// and the detail for support.
    pub file_error: Option<FileProblem>,
    pub confirm: Option<Confirm>,
    /// A one-off message shown at the top of the next page, e.g. "Answers loaded".
    pub notice: Option<&'static str>,
    /// Came to a question page from a "Change" link: go back to check answers.
    pub return_to_check: bool,
    /// Came to a screening page from a "Change" link on the screening's
    /// own check page: go back there.
    pub return_to_screen_check: bool,
    /// The element the "Change" link aimed at, to return to its answer on
    /// check answers afterwards (see [`check_row_id`]).
    pub changing: Option<String>,
    /// Check answers has been opened since these answers were started,
    /// restored or loaded: only then is its task "Completed".
    pub checked: bool,
    /// The name of the file just downloaded, for the confirmation on the page.
    pub downloaded: Option<String>,
    pub storage: Storage,
    pub focus: Option<Focus>,
    /// Increases on every focus request so the same target can be focused twice.
    pub focus_seq: u32,
    /// Increases on every change to the answers (drives autosave).
    pub revision: u32,
    /// When these answers were first created (RFC 3339), kept in the document.
    pub created: String,
    /// Saved answers found at start-up that could not be restored.
    pub unreadable: Option<Unreadable>,
    /// The "Reassess under the 2022 guidance" page's two names, as typed.
    pub reassess: ReassessNames,
    /// What the last reassessment kept, converted and dropped (its answers
    /// are the working answers), for the page that lists them.
    pub reassessed: Option<Rc<Reassessed>>,
    /// The organisation's settings (read once at start-up; see [`crate::settings`]).
    pub settings: Rc<Settings>,
    /// Settings that were wrong and are ignored, for the notice on the start page.
    pub settings_problems: Rc<Vec<Problem>>,
}

/// A file that could not be loaded: what it is, in the person's words
/// (`format::ImportError::for_people`), and the technical detail with its
/// stable code for whoever supports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub message: String,
    pub detail: Option<String>,
}

/// One row of the task list: the page it opens, its status, and whether it
/// counts towards "You have completed X of Y sections" (an optional
/// Appendix C does not, and is listed apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    pub page: Page,
    pub status: Status,
    pub counted: bool,
}

/// The id of the check answers row that holds the answer a "Change" link or
/// a problem's link aims at: `check-` and the field id, without a row index
/// (`c.timescales[1].date-day`), a date box or an option number
/// (`screening.activities-3`).
pub fn check_row_id(target: &str) -> String {
    let field = target.split(['[', '-']).next().unwrap_or(target);
    let mut id = String::with_capacity(field.len() + 6);
    id.push_str("check-");
    id.push_str(field);
    id
}

/// The names asked for before reassessing: the clinical commissioning group
/// that made the assessment, and the integrated care board that took over
/// its functions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReassessNames {
    pub ccg: String,
    pub icb: String,
}

/// The id of the reassess page's CCG name input (and of its error link).
pub const REASSESS_CCG: &str = "reassess-ccg";
/// The id of the reassess page's ICB name input (and of its error link).
pub const REASSESS_ICB: &str = "reassess-icb";

/// The answers a new assessment starts with: nothing answered, under the law
/// as it is now ([`RulesetId::CURRENT`]).
pub fn new_answers() -> Answers {
    new_answers_for(None)
}

/// The answers a new assessment starts with in an organisation whose
/// settings give its type: the organisation question answered with it.
pub fn new_answers_for(organisation: Option<Body>) -> Answers {
    let mut a = Answers::default();
    a.screening.ruleset = RulesetId::CURRENT;
    a.screening.body = organisation;
    a
}

/// Whether the answers are a new assessment's: nothing answered, or only the
/// organisation question as the settings preselect it. Such answers are not
/// saved, and loading a file replaces them without asking.
pub fn fresh(answers: &Answers, organisation: Option<Body>) -> bool {
    blank(answers) || (organisation.is_some() && *answers == new_answers_for(organisation))
}

/// Whether nothing has been answered, under whichever ruleset. One copy of
/// the comparison with the default answers (which builds and drops a whole
/// `Answers`).
#[inline(never)]
pub fn blank(answers: &Answers) -> bool {
    let mut empty = Answers::default();
    empty.screening.ruleset = answers.screening.ruleset;
    *answers == empty
}

/// Every change the UI can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set one answer by field id (through the core's setter). Choosing a
    /// clinical commissioning group as the organisation in a new (`nhse-2022`)
    /// assessment makes it a historical `nhse-2017` one.
    Set(String, Value),
    AddMilestone,
    RemoveMilestone(usize),
    AddRisk,
    RemoveRisk(usize),
    /// Fill blank Appendix C headings from Appendix B (never overwrites).
    PrefillC,
    /// Go to a page (a link or button in the app).
    Go(Page),
    /// Go to a question page from a "Change" link, and return to check answers after it.
    Change(Section, String),
    /// Go to a screening page from a "Change" link on the screening's check
    /// page, and return there after it.
    ChangeScreen(String),
    /// Save and continue on a screening page: check its questions, show
    /// their problems or go on to the next page that applies.
    ContinueScreen(u8),
    /// The problems Save and continue finds on this page, shown where they
    /// are without moving on or moving focus: the prerendered page showed
    /// them before the app ran and the person then went on typing
    /// (src/web/takeover.rs). Nothing when the answers now have no error.
    ShowIssues,
    /// The URL changed (back/forward or a typed address).
    Route(Page),
    /// Save and continue: validate the section, show errors or move on.
    Continue(Section),
    /// Answers restored from this browser's storage at start-up.
    Restore(Answers),
    /// Answers read from a file, with the file's creation time: replace at
    /// once, or ask first if there are answers.
    Loaded(Answers, String),
    /// A file could not be read or imported.
    LoadFailed(FileProblem),
    /// The answers were downloaded under this file name.
    Downloaded(String),
    AskDelete,
    /// Confirm the pending question.
    ConfirmYes,
    ConfirmNo,
    StorageStatus(Storage),
    /// Another tab or window saved these answers (and creation time).
    OtherTab(Answers, String),
    /// Move focus to an element by id without changing page (error summary links).
    FocusId(String),
    /// Bring the print view up to date (before printing, after typing stops).
    PrintSync,
    /// The Print button: bring the print view up to date, then print.
    Print,
    /// The date has changed since Involve started (it was left open past
    /// midnight): dates are checked against the new day from now on.
    Today(Ymd),
    /// The reassess page's CCG name as typed.
    ReassessCcg(String),
    /// The reassess page's ICB name as typed.
    ReassessIcb(String),
    /// Continue on the reassess page: check the ICB's name is given, then
    /// replace the working `nhse-2017` answers with a new `nhse-2022`
    /// assessment copied from them, created at the time given (RFC 3339).
    Reassess(String),
}

impl State {
    pub fn new(answers: Answers, page: Page, today: Ymd) -> State {
        let answers = Rc::new(answers);
        let derived = Rc::new(Derived::new(&answers, today));
        let mut s = State {
            printed_derived: derived.clone(),
            derived,
            printed: answers.clone(),
            print_built: false,
            print_seq: 0,
            answers,
            page: Page::Start,
            today,
            shown: Vec::new(),
            file_error: None,
            confirm: None,
            notice: None,
            return_to_check: false,
            return_to_screen_check: false,
            changing: None,
            checked: false,
            downloaded: None,
            storage: Storage::Unknown,
            focus: None,
            focus_seq: 0,
            revision: 0,
            created: String::new(),
            unreadable: None,
            reassess: ReassessNames::default(),
            reassessed: None,
            settings: Rc::default(),
            settings_problems: Rc::default(),
        };
        s.page = s.resolve(page);
        s
    }

    /// The page an address leads to. `#/screening` goes to the screening
    /// page where the person stopped (the first with something to answer),
    /// or to the screening's check page when every page is done; a screening
    /// page the answers skip (joint working for a single organisation) goes
    /// to the next one that applies.
    pub fn resolve(&self, page: Page) -> Page {
        let a = &self.answers;
        let screen = |p: Option<usize>| p.map_or(Page::ScreenCheck, |p| Page::Screen(p as u8));
        match page {
            // A new assessment starts at the first question, even with the
            // organisation the settings preselect: the person confirms it.
            Page::Form(Section::Screening) if self.is_fresh() => Page::Screen(0),
            Page::Form(Section::Screening) => {
                let issues: Vec<Issue> = self
                    .derived
                    .section_issues(Section::Screening)
                    .cloned()
                    .collect();
                screen(flow::resume(a, &issues))
            }
            Page::Screen(p) if !flow::applies(a, usize::from(p)) => {
                screen(flow::next(a, usize::from(p)))
            }
            p => p,
        }
    }

    /// The status of the "Check your answers and download" task: it cannot
    /// start until every counted section has been started, and is never
    /// "Completed" before the person has opened it; opened with problems
    /// still to fix, it is "In progress".
    pub fn check_status(&self) -> Status {
        match (self.derived.check, self.checked) {
            (Status::CannotStartYet, _) => Status::CannotStartYet,
            (_, false) => Status::NotStarted,
            (Status::Completed, true) => Status::Completed,
            (_, true) => Status::InProgress,
        }
    }

    /// The task list's rows in order: every section, then check answers.
    pub fn tasks(&self) -> Vec<Task> {
        let d = &self.derived;
        // The sections this assessment has (the 2022 records are not a 2017
        // record's; the scrutiny record comes with a substantial variation).
        let mut rows: Vec<Task> = Section::ALL
            .iter()
            .filter(|s| crate::forms::progress::applies(&self.answers, **s))
            .map(|s| {
                let status = d.status(*s);
                let counted =
                    *s != Section::PlanC || d.plan_expected || status != Status::NotStarted;
                Task {
                    page: Page::Form(*s),
                    status,
                    counted,
                }
            })
            .collect();
        rows.push(Task {
            page: Page::Check,
            status: self.check_status(),
            counted: true,
        });
        rows
    }

    /// "You have completed X of Y sections": the counted rows of [`State::tasks`].
    pub fn task_count(&self) -> (usize, usize) {
        let counted = self.tasks().into_iter().filter(|t| t.counted);
        counted.fold((0, 0), |(done, all), t| {
            (done + usize::from(t.status == Status::Completed), all + 1)
        })
    }

    /// Whether the working answers are a new assessment's (see [`fresh`]).
    pub fn is_fresh(&self) -> bool {
        fresh(&self.answers, self.settings.organisation_type)
    }

    /// Errors shown on this page (warnings are shown separately and never block).
    pub fn shown_errors(&self) -> impl Iterator<Item = &Issue> {
        self.shown.iter().filter(|i| i.severity == Severity::Error)
    }

    /// Whether the page title needs the "Error: " prefix.
    /// Whether autosave must wait: another tab's answers are waiting for the user's choice.
    pub fn autosave_held(&self) -> bool {
        matches!(self.confirm, Some(Confirm::OtherTab(..)))
    }

    /// What Save and continue checks on a page: a screening page's
    /// questions, or a section's; nothing on other pages.
    fn issues_on(&self, page: Page) -> Vec<Issue> {
        match page {
            Page::Screen(p) => flow::page_issues(usize::from(p), &self.derived.report.issues)
                .cloned()
                .collect(),
            Page::Form(section) => self.derived.section_issues(section).cloned().collect(),
            _ => Vec::new(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.shown_errors().next().is_some() || self.file_error.is_some()
    }

    /// The errors on one field path (or its rows and parts), for inline messages.
    pub fn error_for(&self, path: &str) -> Option<&Issue> {
        self.shown_errors().find(|i| i.path == path)
    }

    /// The answers, for changing (copied first if the print view still shares them).
    pub fn answers_mut(&mut self) -> &mut Answers {
        Rc::make_mut(&mut self.answers)
    }

    /// Whether the print view shows the current answers.
    pub fn print_current(&self) -> bool {
        Rc::ptr_eq(&self.printed, &self.answers) || self.printed == self.answers
    }

    fn sync_print(&mut self) {
        self.printed = self.answers.clone();
        self.printed_derived = self.derived.clone();
        self.print_built = true;
    }

    fn focus_on(&mut self, f: Focus) {
        self.focus = Some(f);
        self.focus_seq = self.focus_seq.wrapping_add(1);
    }

    fn go(&mut self, page: Page) {
        let page = self.resolve(page);
        self.notice = None;
        self.downloaded = None;
        if page == Page::Check {
            self.checked = true;
        }
        if page != self.page {
            self.shown.clear();
            self.file_error = None;
            // A question about another tab's answers stays until answered.
            if !self.autosave_held() {
                self.confirm = None;
            }
        }
        if !matches!(page, Page::Form(_) | Page::Screen(_)) {
            self.return_to_check = false;
            self.changing = None;
        }
        if !matches!(page, Page::Screen(_)) {
            self.return_to_screen_check = false;
        }
        self.page = page;
        self.sync_print();
        self.focus_on(Focus::Heading);
    }

    /// Answers from elsewhere (a file, a reassessment, a new start): not yet checked.
    fn replaced(&mut self) {
        self.checked = false;
        self.changed();
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    /// The reducer: the only place the state changes. When an action changes
    /// the answers (or the date), what they imply is worked out again, once.
    pub fn apply(self, action: Action) -> State {
        let (answers, revision, today) = (self.answers.clone(), self.revision, self.today);
        let mut next = self.step(action);
        if next.revision != revision || next.today != today || !Rc::ptr_eq(&next.answers, &answers)
        {
            next.derived = Rc::new(Derived::new(&next.answers, next.today));
            // The print view shows the current answers: share their derived values.
            if Rc::ptr_eq(&next.printed, &next.answers) {
                next.printed_derived = next.derived.clone();
            }
        }
        next
    }

    fn step(mut self, action: Action) -> State {
        match action {
            Action::Set(id, value) => {
                let a = self.answers_mut();
                access::set(a, &id, value);
                // The only way into a 2017 assessment: a CCG's decision,
                // recorded under the guidance of its time. Never the other
                // way: a 2017 record stays one until the user reassesses it.
                if id == "screening.body"
                    && a.screening.ruleset == RulesetId::Nhse2022
                    && a.screening.body == Some(Body::Ccg)
                {
                    a.screening.ruleset = RulesetId::Nhse2017;
                    // The options are now the 2017 ones: keep focus on the
                    // one chosen, wherever it now is.
                    let at = crate::forms::wording::field(&a.screening, "screening.body")
                        .and_then(|f| f.kind.options().iter().position(|(v, _)| *v == "ccg"))
                        .unwrap_or(0);
                    self.changed();
                    self.focus_on(Focus::Id(if at == 0 {
                        id
                    } else {
                        format!("{id}-{}", at + 1)
                    }));
                    return self;
                }
                self.changed();
            }
            Action::AddMilestone => {
                self.answers_mut().c.timescales.push(Milestone::default());
                let i = self.answers.c.timescales.len() - 1;
                self.changed();
                self.focus_on(Focus::Id(row_id("c.timescales", i, "what")));
            }
            Action::RemoveMilestone(i) => {
                if i < self.answers.c.timescales.len() {
                    self.answers_mut().c.timescales.remove(i);
                    self.shown.clear();
                    self.changed();
                    self.focus_on(Focus::Id(after_remove(
                        "c.timescales",
                        i,
                        self.answers.c.timescales.len(),
                        "what",
                        "add-milestone",
                    )));
                }
            }
            Action::AddRisk => {
                self.answers_mut().c.risks.push(Risk::default());
                let i = self.answers.c.risks.len() - 1;
                self.changed();
                self.focus_on(Focus::Id(row_id("c.risks", i, "risk")));
            }
            Action::RemoveRisk(i) => {
                if i < self.answers.c.risks.len() {
                    self.answers_mut().c.risks.remove(i);
                    self.shown.clear();
                    self.changed();
                    self.focus_on(Focus::Id(after_remove(
                        "c.risks",
                        i,
                        self.answers.c.risks.len(),
                        "risk",
                        "add-risk",
                    )));
                }
            }
            Action::PrefillC => {
                let filled =
                    crate::forms::prefill::prefilled_fields(&self.answers, self.today).len();
                if filled > 0 {
                    let c = crate::forms::prefill::prefill_c(&self.answers, self.today);
                    self.answers_mut().c = c;
                    self.changed();
                    self.notice = Some("Blank headings have been filled in from your Appendix B answers. Check and change them");
                }
                self.focus_on(Focus::Heading);
            }
            Action::Go(page) => self.go(page),
            Action::Change(section, id) => {
                self.go(change_page(section, &id));
                self.return_to_check = true;
                if !id.is_empty() {
                    self.changing = Some(id.clone());
                    self.focus_on(Focus::Id(id));
                }
            }
            Action::ChangeScreen(id) => {
                self.go(change_page(Section::Screening, &id));
                self.return_to_screen_check = true;
                self.changing = Some(id.clone());
                self.focus_on(Focus::Id(id));
            }
            Action::ContinueScreen(p) => {
                let issues = self.issues_on(Page::Screen(p));
                let unseen_warning = issues
                    .iter()
                    .any(|i| !i.is_error() && !self.shown.contains(i));
                if issues.iter().any(|i| i.is_error()) {
                    self.shown = issues;
                    self.focus_on(Focus::ErrorSummary);
                } else if unseen_warning {
                    self.shown = issues;
                    self.focus_on(Focus::Id("warnings".into()));
                } else if self.return_to_check {
                    let back_to = self.changing.take();
                    self.go(Page::Check);
                    if let Some(target) = back_to {
                        self.focus_on(Focus::Id(check_row_id(&target)));
                    }
                } else {
                    // Back to the screening's check page after a change, unless
                    // the change opened a page not yet answered (joint working
                    // after choosing it): carry on through that first.
                    let next = flow::next(&self.answers, usize::from(p));
                    let back_to = self.changing.take().filter(|_| self.return_to_screen_check);
                    let first_gap = Page::Form(Section::Screening);
                    match (back_to, self.resolve(first_gap)) {
                        (Some(target), Page::ScreenCheck) => {
                            self.go(Page::ScreenCheck);
                            self.focus_on(Focus::Id(check_row_id(&target)));
                        }
                        (Some(_), gap) => {
                            self.go(gap);
                            self.return_to_screen_check = true;
                        }
                        (None, _) => {
                            self.go(next.map_or(Page::ScreenCheck, |n| Page::Screen(n as u8)))
                        }
                    }
                }
            }
            Action::ShowIssues => {
                let issues = self.issues_on(self.page);
                if issues.iter().any(|i| i.is_error()) {
                    self.shown = issues;
                }
            }
            Action::Route(page) => {
                if page != self.page {
                    self.go(page);
                }
            }
            Action::Continue(section) => {
                let issues = self.issues_on(Page::Form(section));
                let unseen_warning = issues
                    .iter()
                    .any(|i| !i.is_error() && !self.shown.contains(i));
                if issues.iter().any(|i| i.is_error()) {
                    self.shown = issues;
                    self.focus_on(Focus::ErrorSummary);
                } else if unseen_warning {
                    // Shown where the answer was given; saving again moves on.
                    self.shown = issues;
                    self.focus_on(Focus::Id("warnings".into()));
                } else {
                    let back_to = self.changing.take().filter(|_| self.return_to_check);
                    let next = if self.return_to_check {
                        Page::Check
                    } else if section == Section::Screening {
                        Page::Decision
                    } else {
                        Page::Tasks
                    };
                    self.go(next);
                    if let Some(target) = back_to {
                        self.focus_on(Focus::Id(check_row_id(&target)));
                    }
                }
            }
            Action::Restore(answers) => {
                self.answers = Rc::new(answers);
                self.sync_print();
            }
            Action::Loaded(answers, created) => {
                self.file_error = None;
                if self.is_fresh() {
                    self.answers = Rc::new(answers);
                    self.created = created;
                    self.reassessed = None;
                    self.replaced();
                    self.go(Page::Tasks);
                    self.notice = Some("Your answers have been loaded from the file");
                } else {
                    self.confirm = Some(Confirm::Load(Box::new(answers), created));
                    self.focus_on(Focus::Id("confirm".into()));
                }
            }
            Action::LoadFailed(problem) => {
                self.confirm = None;
                // "Your answers have been loaded" no longer describes the page.
                self.notice = None;
                self.downloaded = None;
                self.file_error = Some(problem);
                self.focus_on(Focus::ErrorSummary);
            }
            Action::Downloaded(name) => {
                self.notice = None;
                self.downloaded = Some(name);
                self.focus_on(Focus::Id("downloaded".into()));
            }
            Action::AskDelete => {
                self.confirm = Some(Confirm::Delete);
                self.focus_on(Focus::Id("confirm".into()));
            }
            Action::ConfirmYes => match self.confirm.take() {
                Some(Confirm::Load(answers, created)) => {
                    self.answers = Rc::new(*answers);
                    self.created = created;
                    self.reassessed = None;
                    self.replaced();
                    self.go(Page::Tasks);
                    self.notice = Some("Your answers have been loaded from the file");
                }
                Some(Confirm::OtherTab(answers, created)) => {
                    // Already saved by the other tab: nothing to save here.
                    self.answers = Rc::new(*answers);
                    self.sync_print();
                    self.created = created;
                    self.shown.clear();
                    self.notice = Some("The answers from your other tab or window are shown");
                    self.focus_on(Focus::Heading);
                }
                Some(Confirm::Delete) => {
                    self.answers = Rc::new(new_answers_for(self.settings.organisation_type));
                    self.reassessed = None;
                    self.replaced();
                    self.go(Page::Start);
                    self.notice = Some("Your saved answers have been deleted");
                }
                None => {}
            },
            Action::ConfirmNo => {
                // Keeping this tab's answers saves them again (the other tab is told in turn).
                if matches!(self.confirm.take(), Some(Confirm::OtherTab(..))) {
                    self.changed();
                }
                self.focus_on(Focus::Heading);
            }
            Action::StorageStatus(s) => self.storage = s,
            Action::OtherTab(answers, created) => {
                if answers != *self.answers {
                    self.confirm = Some(Confirm::OtherTab(Box::new(answers), created));
                    self.focus_on(Focus::Id("confirm".into()));
                } else if matches!(self.confirm, Some(Confirm::OtherTab(..))) {
                    self.confirm = None;
                }
            }
            Action::FocusId(id) => self.focus_on(Focus::Id(id)),
            Action::Today(today) => self.today = today,
            Action::ReassessCcg(t) => self.reassess.ccg = t,
            Action::ReassessIcb(t) => self.reassess.icb = t,
            Action::Reassess(created) => {
                if self.answers.screening.ruleset != RulesetId::Nhse2017 {
                    self.go(Page::Tasks);
                } else if self.reassess.icb.trim().is_empty() {
                    self.shown = vec![Issue {
                        path: REASSESS_ICB.into(),
                        code: "missing",
                        message: "Enter the name of the integrated care board that took over the clinical commissioning group\u{2019}s functions".into(),
                        severity: Severity::Error,
                    }];
                    self.focus_on(Focus::ErrorSummary);
                } else {
                    let mut r =
                        reassess::to_2022(&self.answers, &self.reassess.ccg, &self.reassess.icb);
                    self.answers = Rc::new(std::mem::take(&mut r.answers));
                    self.reassessed = Some(Rc::new(r));
                    self.reassess = ReassessNames::default();
                    self.created = created;
                    self.replaced();
                    self.go(Page::Reassessed);
                }
            }
            Action::PrintSync => self.sync_print(),
            Action::Print => {
                self.sync_print();
                self.print_seq = self.print_seq.wrapping_add(1);
            }
        }
        self
    }
}

/// The page a "Change" link for a question leads to: a screening question's
/// own page, otherwise its section's page.
fn change_page(section: Section, id: &str) -> Page {
    match (section, flow::page_of(id)) {
        (Section::Screening, Some(p)) => Page::Screen(p as u8),
        _ => Page::Form(section),
    }
}

/// The id of one part of a repeating row, e.g. `c.timescales[0].what`: the
/// same path the validator reports, so error links land on the input.
pub fn row_id(list: &str, i: usize, part: &str) -> String {
    let mut s = String::with_capacity(list.len() + part.len() + 6);
    s.push_str(list);
    s.push('[');
    s.push_str(&i.to_string());
    s.push_str("].");
    s.push_str(part);
    s
}

fn after_remove(list: &str, i: usize, len: usize, part: &str, add_button: &str) -> String {
    if len == 0 {
        add_button.to_string()
    } else {
        row_id(list, i.min(len - 1), part)
    }
}
