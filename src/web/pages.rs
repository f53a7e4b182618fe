//! The pages other than question pages: start, task list, screening result,
//! check your answers. Each is a function of the state that returns markup
//! and dispatches actions; none does I/O (files, print and downloads are
//! callbacks from the root).

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::forms::access;
use crate::forms::reassess::Change;
use crate::forms::{progress, wording, Issue, Section};
use crate::model::{Answers, RulesetId};
use crate::rules::{self, Verdict};

use super::decision::{decision as decision_panel, DecisionProps};
use super::fields::{focus_target, is_shown};
use super::state::{check_row_id, Action, Page, State, Storage};
use super::widgets::{
    back_link, click, click_unit, each, el, el_id, error_summary_one, files_chosen, files_dropped,
    focus_link, go_button, go_link, heading, href, important_heading, inset, kids, list, set_class,
    status_tag, text, two_thirds, tx,
};
use crate::forms::progress::Status;

/// Callbacks to the root's side effects.
#[derive(Clone, PartialEq)]
pub struct Effects {
    pub dispatch: Callback<Action>,
    /// Read a chosen or dropped file.
    pub load: Callback<web_sys::File>,
    pub download: Callback<()>,
    /// Download the answers as a document to edit (`.odt` or `.docx`).
    pub download_document: Callback<crate::format::document::Format>,
    /// Download the saved text that could not be restored.
    pub download_unreadable: Callback<()>,
    pub print: Callback<()>,
}

/// Page title (without " – Involve").
pub fn title(page: Page) -> &'static str {
    match page {
        Page::Start => "Involve: assess and plan public involvement",
        Page::Tasks => "Assess and plan public involvement",
        Page::Form(s) => s.title(),
        Page::Screen(p) => crate::forms::screening_flow::PAGES[usize::from(p)].title,
        Page::ScreenCheck => "Check your screening answers",
        Page::Decision => "Screening result",
        Page::Check => "Check your answers",
        Page::Reassess => "Reassess under the 2022 guidance",
        Page::Reassessed => "Reassessed under the 2022 guidance",
        Page::Review => "Review completed forms",
        Page::Accessibility => "Accessibility statement",
        Page::Privacy => "Privacy",
    }
}

/// The notice about where answers are kept, with the delete control.
pub fn storage_notice(state: &State, fx: &Effects) -> Html {
    match state.storage {
        Storage::Failed => autosave_stopped(fx),
        Storage::Off => storage_card(
            "Autosave is off",
            "This browser is not letting Involve save your answers, so they will be lost when you close or reload the page. ",
            fx,
        ),
        _ => {
            let onclick = click(&fx.dispatch, Action::AskDelete, false);
            html! {
                <div class="nhsuk-inset-text app-storage" id="storage-status">
                    <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
                    <p>{ if state.settings.api_on() {
                        "Your answers are saved in this browser on this computer only. To keep them safe or share them, download them as a file."
                    } else {
                        "Your answers are saved in this browser on this computer only. Nothing is sent anywhere. To keep them safe or share them, download them as a file."
                    } }</p>
                    if !state.is_fresh() {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" id="delete-saved" {onclick}>{ "Delete saved answers" }</button>
                    }
                </div>
            }
        }
    }
}

/// Autosave worked, then failed (for example the storage is full). Shown on every page.
pub fn autosave_stopped(fx: &Effects) -> Html {
    storage_card(
        "Autosave has stopped",
        "Involve could not save your latest answers in this browser, for example because its storage is full. Your answers are still here while this page stays open. ",
        fx,
    )
}

/// A warning card about autosave, with a link to download the answers.
#[inline(never)]
fn storage_card(heading: &'static str, words: &'static str, fx: &Effects) -> Html {
    el_id(
        "div",
        "nhsuk-card nhsuk-card--warning app-storage",
        "storage-status",
        el(
            "div",
            "nhsuk-card__content",
            kids(vec![
                important_heading(heading),
                el(
                    "p",
                    "",
                    kids(vec![
                        text(words),
                        go_link(Page::Check, "Download your answers", &fx.dispatch),
                        text(" to keep them."),
                    ]),
                ),
            ]),
        ),
    )
}

/// Saved answers that could not be restored at start-up: say so and offer the saved text.
pub fn unreadable_notice(state: &State, fx: &Effects) -> Html {
    let Some(u) = &state.unreadable else {
        return Html::default();
    };
    let onclick = click_unit(&fx.download_unreadable, false);
    html! {
        <div class="nhsuk-card nhsuk-card--warning" id="restore-problem">
            <div class="nhsuk-card__content">
                { important_heading("Your saved answers could not be restored") }
                <p>{ "Answers saved in this browser earlier could not be read. What Involve found: " }{ u.message.trim_end_matches(". Choose a file downloaded from Involve").trim_end_matches(" Choose a file downloaded from Involve (it ends in .json)") }{ "." }</p>
                { tx("p", "", "They have been kept to one side and will not be overwritten. Download them to keep them or to send them to someone who can help.") }
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" id="download-unreadable" {onclick}>{ "Download the saved answers that could not be restored" }</button>
            </div>
        </div>
    }
}

/// Choose a file, or drop one onto the marked zone.
pub fn load_zone(state: &State, fx: &Effects) -> Html {
    // The first file chosen or dropped is loaded.
    let first = {
        let load = fx.load.clone();
        Callback::from(move |l: Option<web_sys::FileList>| {
            if let Some(f) = l.and_then(|l| l.get(0)) {
                load.emit(f);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = files_dropped(&first.reform(|d: web_sys::DataTransfer| d.files()));
    let onchange = files_chosen(&first);
    let err = state.file_error.as_ref().map(|p| p.message.as_str());
    let detail = state.file_error.as_ref().and_then(|p| p.detail.as_deref());
    set_class(
        html! {
            <div {ondragover} {ondrop}>
                <label class="nhsuk-label nhsuk-label--s" for="load-file">{ "Load answers from a file" }</label>
                <div class="nhsuk-hint" id="load-file-hint">{ "Choose a JSON file you downloaded from Involve, or drag and drop it into this box" }</div>
                if let Some(m) = err {
                    <span class="nhsuk-error-message" id="load-file-error"><span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ m }</span>
                }
                <input class="nhsuk-file-upload app-file" id="load-file" name="load-file" type="file" accept=".json,application/json"
                    aria-describedby={if err.is_some() { "load-file-hint load-file-error" } else { "load-file-hint" }} {onchange} />
                if let Some(d) = detail {
                    { support_detail("load-file-detail", d) }
                }
            </div>
        },
        (if err.is_some() {
            "nhsuk-form-group app-dropzone nhsuk-form-group--error"
        } else {
            "nhsuk-form-group app-dropzone"
        })
        .into(),
    )
}

/// The technical detail of a file that cannot be read, closed by default,
/// for whoever supports the person (the import error's code, line and column).
pub(super) fn support_detail(id: &'static str, detail: &str) -> Html {
    html! {
        <details class="nhsuk-details app-file-detail" id={id}>
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ "Details for your IT or support team" }</span></summary>
            <div class="nhsuk-details__text"><p class="app-path nhsuk-u-margin-bottom-0">{ detail.to_string() }</p></div>
        </details>
    }
}

pub(super) fn file_error_summary(state: &State, fx: &Effects) -> Html {
    match &state.file_error {
        Some(p) => error_summary_one("load-file", &p.message, &fx.dispatch),
        None => Html::default(),
    }
}

pub fn start(state: &State, fx: &Effects) -> Html {
    let started = !state.is_fresh();
    let m = |t: &'static str| tx("h2", "nhsuk-heading-m", t);
    let mut body = vec![
        file_error_summary(state, fx),
        super::about::settings_notice(state),
        heading("nhsuk-heading-xl", "Involve: assess and plan public involvement"),
        tx("p", "nhsuk-body-l", "Use this service to find out whether the legal duty to involve the public applies to an activity of your organisation, and to complete the assessment and planning form and the communications and engagement plan."),
        m("The legal duty to involve"),
        each("p", "", &[
            "Integrated care boards (section 14Z45 of the NHS Act 2006), NHS trusts and NHS foundation trusts (section 242(1B)) and NHS England (section 13Q) must make arrangements to involve the public in planning services, in developing and considering proposals for change, and in decisions that affect how services operate, where proposals and decisions would have an impact on the services people receive.",
            "NHS England\u{2019}s statutory guidance, Working in partnership with people and communities (2022), explains how. Involve asks three questions:",
        ]),
        list("nhsuk-list nhsuk-list--number", true, &[
            "Does the activity relate to the services your organisation commissions or, for an NHS trust, the health services it is responsible for?",
            "What type of activity is it: planning, proposals for change, or operational decisions?",
            "Would there be an impact on how services are delivered or on the range of services available?",
        ]),
        m("What you will do"),
        list("nhsuk-list nhsuk-list--bullet", false, &[
            "answer screening questions to find out whether the legal duty applies, with the reasons and where they come from in the guidance",
            "complete Appendix B, the patient and public participation assessment and planning form (Steps 1 to 5 and sign-off)",
            "complete Appendix C, the communications and engagement plan, when additional arrangements for involvement are needed",
            "check your answers, download them as a file, and print them or save them as a PDF",
        ]),
        m("Who this is for"),
        tx("p", "", "Staff in integrated care boards, NHS trusts, NHS foundation trusts and NHS England who plan or change services, and the governance teams who review completed forms. You can complete the forms over several sittings."),
        el_id("p", "nhsuk-body-s", "historical-note", text("Historical records: clinical commissioning groups were abolished on 1 July 2022. A record of a decision a clinical commissioning group made before then can still be loaded, or started by choosing \u{201c}A clinical commissioning group (before July 2022)\u{201d} as the organisation, and is assessed under the guidance of its time, NHS England\u{2019}s 2017 guidance.")),
        if state.settings.api_on() {
            inset("Nothing you enter is sent to a server, and there is no account. Your answers are saved in this browser on this computer only. When Involve is shown inside your organisation\u{2019}s intranet page, that page gets a copy of your answers when you download them, or when it asks for them (see Privacy). To keep them, share them or use another computer, download them as a file.")
        } else {
            inset("Nothing you enter leaves this browser: there is no account and nothing is sent to a server. Your answers are saved in this browser on this computer only. To keep them, share them or use another computer, download them as a file.")
        },
        start_link(if started { "Continue" } else { "Start now" }, &fx.dispatch),
    ];
    if started || state.storage != Storage::On {
        body.push(storage_notice(state, fx));
    }
    body.push(m("Continue from a saved file"));
    body.push(load_zone(state, fx));
    body.push(el_id(
        "h2",
        "nhsuk-heading-m",
        "review-heading",
        text("Review completed forms"),
    ));
    body.push(tx("p", "", "For governance and assurance teams: check many completed forms at once, see each one\u{2019}s decision and problems, and download the results as a spreadsheet. The files stay on this computer."));
    body.push(el(
        "p",
        "",
        go_link(Page::Review, "Review completed forms", &fx.dispatch),
    ));
    body.push(super::about::start_help(&state.settings));
    body.push(super::about::offline_offer());
    two_thirds(kids(body))
}

/// The start button: a link styled as a button (NHS.UK start pattern).
fn start_link(text: &'static str, dispatch: &Callback<Action>) -> Html {
    let onclick = click(dispatch, Action::Go(Page::Tasks), true);
    html! {
        <a class="nhsuk-button" href="#/tasks" role="button" draggable="false" id="start-now" {onclick}>{ text }</a>
    }
}

/// The classes of a task's status tag.
fn tag_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "nhsuk-tag nhsuk-tag--blue",
        Status::InProgress => "nhsuk-tag nhsuk-tag--light-blue",
        Status::Completed => "nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal",
        Status::CannotStartYet => {
            "nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour"
        }
    }
}

fn task_item(
    n: String,
    page: Page,
    name: &'static str,
    hint: Option<&'static str>,
    status: Status,
    fx: &Effects,
) -> Html {
    let status_id = format!("task-{n}-status");
    let hint_id = format!("task-{n}-hint");
    let describedby = if hint.is_some() {
        format!("{hint_id} {status_id}")
    } else {
        status_id.clone()
    };
    let can = status != Status::CannotStartYet;
    let onclick = click(&fx.dispatch, Action::Go(page), true);
    let tag = status_tag(status_id.clone(), status.label(), tag_class(status));
    set_class(
        html! {
            <li>
                <div class="nhsuk-task-list__name-and-hint">
                    if can {
                        <a class="nhsuk-task-list__link nhsuk-link" href={href(page)} aria-describedby={describedby} {onclick}>{ name }</a>
                    } else {
                        <div>{ name }</div>
                    }
                    if let Some(h) = hint {
                        <div class="nhsuk-task-list__hint" id={hint_id}>{ h }</div>
                    }
                </div>
                { tag }
            </li>
        },
        (if can {
            "nhsuk-task-list__item nhsuk-task-list__item--with-link"
        } else {
            "nhsuk-task-list__item"
        })
        .into(),
    )
}

/// Why a task cannot start yet (NHS task list: "Cannot start yet" says why).
fn cannot_start_reason(page: Page) -> &'static str {
    match page {
        Page::Form(Section::BStep2) => "You can start this when the screening has a result: it asks whether, in your opinion, the duty applies",
        Page::Check => "You can start this when every section above has been started",
        _ => "You can start this when the sections before it have been started",
    }
}

/// The screening result on the task list: the verdict, whose duty, and a
/// link to the result with its reasons. Nothing before any screening answer.
fn verdict_summary(state: &State, fx: &Effects) -> Html {
    if state.derived.status(Section::Screening) == Status::NotStarted {
        return Html::default();
    }
    let a = &state.derived.assessment;
    let duties = a.duties.iter().map(|d| html! {
        <li>{ "Duty of " }{ d.holder.name() }{ " under " }{ d.holder.section() }{ d.holder.limb_label(d.limb) }</li>
    });
    let link = if a.verdict == Verdict::Undetermined {
        "See which screening questions are still to answer"
    } else {
        "See the screening result and the reasons for it"
    };
    html! {
        <div class="nhsuk-inset-text app-task-verdict" id="task-verdict">
            <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
            <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">{ "Screening result" }</h2>
            <p class="nhsuk-u-margin-bottom-2"><strong>{ a.headline() }</strong></p>
            if !a.duties.is_empty() {
                <ul class="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-2">{ for duties }</ul>
            }
            <p class="nhsuk-u-margin-bottom-0">{ go_link(Page::Decision, link, &fx.dispatch) }</p>
        </div>
    }
}

pub fn tasks(state: &State, fx: &Effects) -> Html {
    let a = &state.answers;
    let d = &state.derived;
    let rows = state.tasks();
    let (done, total) = state.task_count();
    let row = |page: Page| rows.iter().find(|t| t.page == page).copied();
    let item = |page: Page, hint: Option<&'static str>| {
        let Some(t) = row(page) else {
            return Html::default();
        };
        let hint = if t.status == Status::CannotStartYet {
            Some(cannot_start_reason(page))
        } else {
            hint
        };
        let (slug, name) = match page {
            Page::Form(s) => (s.slug().to_string(), s.title()),
            _ => ("check".to_string(), "Check your answers and download"),
        };
        task_item(slug, page, name, hint, t.status, fx)
    };
    let plan_counted = row(Page::Form(Section::PlanC)).is_some_and(|t| t.counted);
    let plan_hint = if d.plan_expected {
        Some("Offered because the duty applies and Step 4 says additional arrangements are needed")
    } else {
        Some("Expected when the duty applies and Step 4 says additional arrangements are needed. You can start it at any time")
    };
    let ondownload = click_unit(&fx.download, false);
    // Each group: its heading, then its tasks.
    let group = |title: &'static str, items: Vec<Html>| {
        kids(vec![
            tx("h2", "nhsuk-heading-m", title),
            el("ul", "nhsuk-task-list", kids(items)),
        ])
    };
    let law = rules::law(a.screening.ruleset);
    let plan = item(Page::Form(Section::PlanC), plan_hint);
    let mut body = vec![
        file_error_summary(state, fx),
        heading("nhsuk-heading-l", "Assess and plan public involvement"),
        html! { <p class="nhsuk-body" id="task-ruleset">{ "Rules used: " }{ law.short }</p> },
        reassess_offer(state, "reassess-tasks", fx),
        html! { <p class="nhsuk-body" id="task-progress">{ format!("You have completed {done} of {total} sections.") }</p> },
        verdict_summary(state, fx),
        group(
            "1. Screen for the legal duty",
            vec![item(Page::Form(Section::Screening), None)],
        ),
        group(
            "2. Appendix B: assessment and planning form",
            // Steps 1 to 5, then any other section of the form (every row of
            // `State::tasks` is listed, so the count matches the rows).
            Section::ALL
                .iter()
                .filter(|s| !matches!(s, Section::Screening | Section::BSignOff | Section::PlanC))
                .filter(|s| progress::applies(a, **s))
                .map(|s| item(Page::Form(*s), None))
                .collect(),
        ),
        group(
            "3. Completion and sign-off",
            vec![item(Page::Form(Section::BSignOff), None)],
        ),
    ];
    if plan_counted {
        body.push(group(
            "4. Appendix C: communications and engagement plan",
            vec![plan],
        ));
        body.push(group(
            "5. Check answers and download",
            vec![item(Page::Check, None)],
        ));
    } else {
        body.push(group(
            "4. Check answers and download",
            vec![item(Page::Check, None)],
        ));
        body.push(group(
            "Optional: Appendix C, communications and engagement plan",
            vec![plan],
        ));
        body.push(tx(
            "p",
            "nhsuk-body-s",
            "The optional plan is not counted in the sections completed.",
        ));
    }
    body.push(storage_notice(state, fx));
    if !state.is_fresh() {
        body.push(html! {
            <button type="button" class="nhsuk-button nhsuk-button--secondary" id="download-tasks" onclick={ondownload}>{ "Download answers so far (JSON)" }</button>
        });
    }
    body.push(tx("h2", "nhsuk-heading-m", "Load a saved file"));
    body.push(load_zone(state, fx));
    two_thirds(kids(body))
}

/// The screening result page, shown after the screening section.
pub fn decision(state: &State, fx: &Effects) -> Html {
    let a = &state.derived.assessment;
    let on_missing = {
        // Screening questions are not lists of rows, so the target does not
        // depend on the answers.
        let d = fx.dispatch.clone();
        let answers = state.answers.clone();
        Callback::from(move |id: &'static str| {
            d.emit(Action::Change(
                Section::Screening,
                focus_target(id, &answers),
            ))
        })
    };
    let heading = match a.verdict {
        Verdict::Undetermined => "Screening result: not decided yet",
        _ => "Screening result",
    };
    html! {
        <>
            { self::heading("nhsuk-heading-l", heading) }
            { decision_panel(&DecisionProps { assessment: a, screening: &state.answers.screening, id: "screen".into(), level: 2, on_missing: Some(on_missing) }) }
            { reassess_offer(state, "reassess-decision", fx) }
            { tx("p", "", "Download the decision and your answers so far as a document to edit, for a board paper or a committee.") }
            { document_buttons("decision-document", fx) }
            <div class="app-button-group">
                { go_button(Page::Tasks, "Continue to the task list", false, &fx.dispatch) }
            </div>
            <p>{ go_link(Page::Form(Section::Screening), "Change your screening answers", &fx.dispatch) }</p>
        </>
    }
}

/// The validation state of one section: nothing, or its errors listed.
fn section_problems(section: Section, issues: &[Issue], answers: &Answers, fx: &Effects) -> Html {
    let mine: Vec<&Issue> = issues
        .iter()
        .filter(|i| {
            wording::field_for_path(&answers.screening, &i.path)
                .is_some_and(|f| f.section == section)
        })
        .collect();
    let errors: Vec<&&Issue> = mine
        .iter()
        .filter(|i| i.severity == crate::forms::Severity::Error)
        .collect();
    let warnings: Vec<&&Issue> = mine
        .iter()
        .filter(|i| i.severity == crate::forms::Severity::Warning)
        .collect();
    if errors.is_empty() && warnings.is_empty() {
        return tx(
            "p",
            "nhsuk-body-s app-section-ok",
            "No problems found in this section",
        );
    }
    let link = |i: &Issue| {
        let onclick = click(
            &fx.dispatch,
            Action::Change(section, focus_target(&i.path, answers)),
            true,
        );
        html! { <a href={href(Page::Form(section))} {onclick}>{ &i.message }</a> }
    };
    html! {
        <div class="app-section-problems">
            if !errors.is_empty() {
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-1"><strong>{ format!("{} to fix in this section:", if errors.len() == 1 { "1 problem".to_string() } else { format!("{} problems", errors.len()) }) }</strong></p>
                <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">{ for errors.iter().map(|i| html! { <li>{ link(i) }</li> }) }</ul>
            }
            if !warnings.is_empty() {
                { el("p", "nhsuk-body-s nhsuk-u-margin-bottom-1", tx("strong", "", "To check (does not stop you finishing):")) }
                <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">{ for warnings.iter().map(|i| html! { <li>{ &i.message }</li> }) }</ul>
            }
        </div>
    }
}

/// "Download as a document (.odt)" and "(.docx)": secondary buttons that
/// hand the format to the root's download effect.
pub fn document_buttons(id: &'static str, fx: &Effects) -> Html {
    use crate::format::document::Format;
    let button = |f: Format, text: &'static str| {
        let d = fx.download_document.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(f);
        });
        html! { <button type="button" class="nhsuk-button nhsuk-button--secondary" id={format!("{id}-{}", f.extension())} {onclick}>{ text }</button> }
    };
    html! {
        <div class="app-button-group">
            { button(Format::Odt, "Download as a document (.odt)") }
            { button(Format::Docx, "Download as a document (.docx)") }
        </div>
    }
}

/// An answer as lines, or "Not provided".
pub fn answer_lines(answers: &Answers, id: &str) -> Html {
    match access::display_lines(answers, id) {
        Some(lines) if lines.len() == 1 => {
            html! { <span class="app-answer">{ lines[0].clone() }</span> }
        }
        Some(lines) => html! {
            <ul class="nhsuk-list app-answer-list">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        },
        None => tx("span", "app-not-provided", "Not provided"),
    }
}

/// The Download and Print buttons of check answers (at its top and its
/// bottom; the bottom pair keeps the ids `download` and `print`).
fn check_actions(fx: &Effects, suffix: &'static str) -> Html {
    let onsubmit = {
        let dl = fx.download.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dl.emit(());
        })
    };
    // The click does the work (submission is blocked in an iframe sandboxed without allow-forms).
    let ondownload = click_unit(&fx.download, true);
    let onprint = click_unit(&fx.print, false);
    html! {
        <form novalidate=true {onsubmit} class="app-button-group">
            <button type="submit" class="nhsuk-button" id={format!("download{suffix}")} onclick={ondownload}>{ "Download answers (JSON)" }</button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" id={format!("print{suffix}")} onclick={onprint}>{ "Print or save as PDF" }</button>
        </form>
    }
}

/// The top of check answers: the decision, what is incomplete and each
/// warning, each with a link to where it is dealt with.
fn check_summary(state: &State, fx: &Effects) -> Html {
    let a = &state.answers;
    let report = &state.derived.report;
    let assessment = &state.derived.assessment;
    let error_count = report.errors().count();
    let incomplete = Section::ALL.iter().filter_map(|s| {
        let n = state.derived.section_issues(*s).filter(|i| i.is_error()).count();
        (n > 0).then(|| {
            let words = if n == 1 { "1 problem to fix".to_string() } else { format!("{n} problems to fix") };
            html! { <li>{ focus_link(format!("check-{}", s.slug()), html! { <>{ s.title() }{ ": " }{ words }</> }, &fx.dispatch) }</li> }
        })
    });
    let warnings: Vec<&Issue> = report.warnings().collect();
    let warning_items = warnings.iter().map(|i| {
        let section = i.section().unwrap_or(Section::Screening);
        let onclick = click(
            &fx.dispatch,
            Action::Change(section, focus_target(&i.path, a)),
            true,
        );
        html! { <li><a href={href(Page::Form(section))} {onclick}>{ &i.message }</a></li> }
    });
    let state_words = match error_count {
        0 => "All sections are complete.".to_string(),
        1 => "There is 1 problem to fix before the forms are complete. You can still download or print them.".to_string(),
        n => format!("There are {n} problems to fix before the forms are complete. You can still download or print them."),
    };
    html! {
        <div class="app-check-summary" id="check-summary">
            <h2 class="nhsuk-heading-m">{ "Summary" }</h2>
            <p class="nhsuk-body-l nhsuk-u-margin-bottom-2" id="check-decision-line">
                { "Decision: " }{ focus_link("check-decision".into(), html! { assessment.headline() }, &fx.dispatch) }
            </p>
            <p class="nhsuk-body" id="check-state">{ state_words }</p>
            if error_count > 0 {
                <ul class="nhsuk-list nhsuk-list--bullet" id="check-incomplete">{ for incomplete }</ul>
            }
            if !warnings.is_empty() {
                <div class="nhsuk-warning-callout" id="check-warnings">
                    <h3 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">{ "Important: " }</span>{ if warnings.len() == 1 { "1 answer to check".to_string() } else { format!("{} answers to check", warnings.len()) } }</span></h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{ for warning_items }</ul>
                    <p class="nhsuk-body-s">{ "These do not stop you finishing." }</p>
                </div>
            }
        </div>
    }
}

/// The screening's own check of its answers, page by page, before the
/// result (the NHS "check answers" pattern): each answer with a link to
/// change it on its page, anything still to answer first.
pub fn screen_check(state: &State, fx: &Effects) -> Html {
    use crate::forms::screening_flow as flow;
    let a = &state.answers;
    let issues: Vec<Issue> = state
        .derived
        .section_issues(Section::Screening)
        .cloned()
        .collect();
    let errors: Vec<&Issue> = issues.iter().filter(|i| i.is_error()).collect();
    let problems = errors.iter().map(|i| {
        let onclick = click(&fx.dispatch, Action::ChangeScreen(focus_target(&i.path, a)), true);
        html! { <li><a href={href(Page::Form(Section::Screening))} {onclick}>{ &i.message }</a></li> }
    });
    let rows = flow::pages(a).flat_map(|p| {
        let page = &flow::PAGES[p];
        wording::section_fields(&a.screening, Section::Screening)
            .filter(move |f| page.fields.contains(&f.id))
            .filter(|f| is_shown(f, a))
            .map(move |f| {
                let onclick = click(&fx.dispatch, Action::ChangeScreen(focus_target(f.id, a)), true);
                html! {
                    <div class="nhsuk-summary-list__row" id={check_row_id(f.id)} tabindex="-1">
                        <dt class="nhsuk-summary-list__key">{ f.label }</dt>
                        <dd class="nhsuk-summary-list__value">{ answer_lines(a, f.id) }</dd>
                        <dd class="nhsuk-summary-list__actions">
                            <a href={href(Page::Screen(p as u8))} {onclick}>
                                { "Change" }<span class="nhsuk-u-visually-hidden">{ " " }{ wording::distinct_label(&a.screening, &f) }</span>
                            </a>
                        </dd>
                    </div>
                }
            })
            .collect::<Vec<_>>()
    });
    let last = flow::pages(a).last();
    let back = last.map_or(Page::Tasks, |p| Page::Screen(p as u8));
    let onclick = click(&fx.dispatch, Action::Go(Page::Decision), true);
    html! {
        <>
            { back_link(back, "Back to the previous question", &fx.dispatch) }
            { tx("span", "nhsuk-caption-l", "Screening") }
            { heading("nhsuk-heading-l", "Check your screening answers") }
            if !errors.is_empty() {
                <div class="nhsuk-inset-text" id="screen-check-incomplete">
                    <p>{ if errors.len() == 1 { "There is 1 question to answer before the screening is complete:".to_string() } else { format!("There are {} questions to answer before the screening is complete:", errors.len()) } }</p>
                    <ul class="nhsuk-list nhsuk-list--bullet">{ for problems }</ul>
                </div>
            }
            <dl class="nhsuk-summary-list">{ for rows }</dl>
            { tx("p", "", "Continue to see whether the legal duty to involve the public applies, whose duty it is, and why.") }
            <button type="button" class="nhsuk-button" id="screen-check-continue" {onclick}>{ "Continue to the result" }</button>
            <p>{ go_link(Page::Tasks, "Back to task list", &fx.dispatch) }</p>
        </>
    }
}

pub fn check(state: &State, fx: &Effects) -> Html {
    let a = &state.answers;
    let report = &state.derived.report;
    let assessment = &state.derived.assessment;
    let sections = Section::ALL.iter().filter(|s| progress::applies(a, **s)).map(|s| {
        let s = *s;
        let rows = wording::section_fields(&a.screening, s).filter(|f| is_shown(f, a)).map(|f| {
            let onclick = click(&fx.dispatch, Action::Change(s, focus_target(f.id, a)), true);
            html! {
                <div class="nhsuk-summary-list__row" id={check_row_id(f.id)} tabindex="-1">
                    <dt class="nhsuk-summary-list__key">{ f.label }</dt>
                    <dd class="nhsuk-summary-list__value">{ answer_lines(a, f.id) }</dd>
                    <dd class="nhsuk-summary-list__actions">
                        <a href={href(Page::Form(s))} {onclick}>
                            { "Change" }<span class="nhsuk-u-visually-hidden">{ " " }{ wording::distinct_label(&a.screening, &f) }</span>
                        </a>
                    </dd>
                </div>
            }
        });
        html! {
            <section class="app-check-section" aria-labelledby={format!("check-{}", s.slug())}>
                <h2 class="nhsuk-heading-m" id={format!("check-{}", s.slug())} tabindex="-1">{ s.title() }</h2>
                { section_problems(s, &report.issues, a, fx) }
                <dl class="nhsuk-summary-list">{ for rows }</dl>
            </section>
        }
    });
    html! {
        <>
            { heading("nhsuk-heading-l", "Check your answers") }
            { check_summary(state, fx) }
            { check_actions(fx, "-top") }
            <div id="check-decision" tabindex="-1">
                { decision_panel(&DecisionProps { assessment, screening: &a.screening, id: "check".into(), level: 2, on_missing: None }) }
            </div>
            { for sections }
            { tx("h2", "nhsuk-heading-m", "Download or print") }
            { tx("p", "", "Download your answers as a file to keep them, share them or load them again later. Print them, or choose \u{201c}Save as PDF\u{201d} in the print dialogue, for a copy laid out like Appendix B and Appendix C.") }
            { check_actions(fx, "") }
            { tx("p", "", "To put the decision and your answers into a board paper or a report, download them as a document to edit: OpenDocument (.odt) or Word (.docx). The file you download as JSON stays the record.") }
            { document_buttons("document", fx) }
            <p>{ go_link(Page::Tasks, "Back to task list", &fx.dispatch) }</p>
        </>
    }
}

/// The in-page confirmation (replace answers with a file's, or delete saved answers).
pub fn confirm(state: &State, fx: &Effects) -> Html {
    let Some(c) = &state.confirm else {
        return Html::default();
    };
    let (heading, body, yes, no) = match c {
        super::state::Confirm::Load(..) => (
            "Replace your current answers?",
            "Loading this file will replace the answers you have entered in this browser. Download your current answers first if you want to keep them.",
            "Yes, replace my answers",
            "No, keep my answers",
        ),
        super::state::Confirm::OtherTab(..) => (
            "Your answers were changed in another tab or window",
            "Involve is open in another tab or window, and different answers were saved there. Autosave is paused until you choose which answers to keep. The other answers will be replaced.",
            "Use the answers from the other tab",
            "Keep the answers in this tab",
        ),
        super::state::Confirm::Delete => (
            "Delete your saved answers?",
            "This deletes all the answers saved in this browser and starts again. You cannot undo this. Download your answers first if you want to keep them.",
            "Yes, delete my answers",
            "No, keep my answers",
        ),
    };
    html! {
        <div class="nhsuk-card nhsuk-card--warning app-confirm" id="confirm" tabindex="-1" role="region" aria-labelledby="confirm-heading">
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading" id="confirm-heading">{ heading }</h2>
                <p id="confirm-body">{ body }</p>
                <div class="app-button-group">
                    <button type="button" class="nhsuk-button nhsuk-button--warning" id="confirm-yes" onclick={click(&fx.dispatch, Action::ConfirmYes, false)}>{ yes }</button>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" id="confirm-no" onclick={click(&fx.dispatch, Action::ConfirmNo, false)}>{ no }</button>
                </div>
            </div>
        </div>
    }
}

/// For a `nhse-2017` assessment: say which guidance it follows and offer to
/// reassess it under the 2022 guidance. Nothing for any other.
pub fn reassess_offer(state: &State, id: &'static str, fx: &Effects) -> Html {
    if state.answers.screening.ruleset != RulesetId::Nhse2017 {
        return Html::default();
    }
    let onclick = click(&fx.dispatch, Action::Go(Page::Reassess), false);
    html! {
        <div class="nhsuk-inset-text app-reassess-offer">
            <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
            <p>{ "This assessment follows NHS England\u{2019}s 2017 guidance, for a decision a clinical commissioning group made before 1 July 2022. To assess the same activity under the law as it is now, reassess it: your answers are copied into a new assessment under the 2022 guidance." }</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" id={id} {onclick}>{ "Reassess under the 2022 guidance" }</button>
        </div>
    }
}

/// A labelled text input of the reassess page (NHS.UK text input pattern).
fn name_input(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    err: Option<&Issue>,
    set: fn(String) -> Action,
    fx: &Effects,
) -> Html {
    let oninput = {
        let d = fx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            d.emit(set(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let hint_id = format!("{id}-hint");
    let describedby = if err.is_some() {
        format!("{hint_id} {id}-error")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={if err.is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }}>
            <label class="nhsuk-label nhsuk-label--s" for={id}>{ label }</label>
            <div class="nhsuk-hint" id={hint_id}>{ hint }</div>
            if let Some(i) = err {
                <span class="nhsuk-error-message" id={format!("{id}-error")}><span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ &i.message }</span>
            }
            <input class={if err.is_some() { "nhsuk-input nhsuk-input--error" } else { "nhsuk-input" }} id={id} name={id} type="text"
                value={value.to_string()} aria-describedby={describedby} {oninput} />
        </div>
    }
}

/// "Reassess under the 2022 guidance": which CCG made the assessment and
/// which ICB took over its functions, with the advice to download the 2017
/// assessment first.
pub fn reassess(state: &State, fx: &Effects) -> Html {
    if state.answers.screening.ruleset != RulesetId::Nhse2017 {
        return two_thirds(kids(vec![
            heading("nhsuk-heading-l", "Reassess under the 2022 guidance"),
            tx(
                "p",
                "",
                "These answers already follow the 2022 guidance, so there is nothing to reassess.",
            ),
            el(
                "p",
                "",
                go_link(Page::Tasks, "Back to task list", &fx.dispatch),
            ),
        ]));
    }
    let onclick = {
        let d = fx.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::Reassess(super::effects::now_rfc3339()));
        })
    };
    let onsubmit = {
        let d = fx.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::Reassess(super::effects::now_rfc3339()));
        })
    };
    let ondownload = click_unit(&fx.download, false);
    let names = &state.reassess;
    two_thirds(html! {
        <>
            { super::widgets::back_link(Page::Tasks, "Back to task list", &fx.dispatch) }
            { super::widgets::error_summary(&state.shown, &state.answers, &fx.dispatch) }
            { tx("span", "nhsuk-caption-l", "Records of decisions made before July 2022") }
            { heading("nhsuk-heading-l", "Reassess under the 2022 guidance") }
            { tx("p", "nhsuk-body-l", "Involve will copy your answers into a new assessment under NHS England\u{2019}s 2022 statutory guidance, Working in partnership with people and communities. Integrated care boards took over the functions of clinical commissioning groups on 1 July 2022.") }
            { tx("p", "", "Answers that still fit are kept. You will see a list of what was kept, what was converted and what was dropped, and can then check the new assessment.") }
            <div class="nhsuk-card nhsuk-card--warning" id="reassess-warning">
                <div class="nhsuk-card__content">
                    { important_heading("Download the 2017 assessment first") }
                    { tx("p", "", "The new assessment replaces these answers in this browser. The 2017 assessment is the record of a decision made under the law of its time: download it to keep it.") }
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" id="reassess-download" onclick={ondownload}>{ "Download the 2017 assessment (JSON)" }</button>
                </div>
            </div>
            <form novalidate=true {onsubmit}>
                { name_input(super::state::REASSESS_CCG, "Which clinical commissioning group made this assessment?",
                    "For example, NHS Riverside CCG. Every answer that names it will name the integrated care board instead. Leave this blank if your answers do not name it.",
                    &names.ccg, state.error_for(super::state::REASSESS_CCG), Action::ReassessCcg, fx) }
                { name_input(super::state::REASSESS_ICB, "Which integrated care board took over its functions?",
                    "For example, NHS Riverside Integrated Care Board",
                    &names.icb, state.error_for(super::state::REASSESS_ICB), Action::ReassessIcb, fx) }
                <button type="submit" class="nhsuk-button" id="reassess-continue" {onclick}>{ "Continue" }</button>
            </form>
            <p>{ go_link(Page::Tasks, "Cancel and go back to the task list", &fx.dispatch) }</p>
        </>
    })
}

/// One converted or dropped answer as a summary list row.
fn change_row(c: &Change, dropped: bool, answers: &Answers) -> Html {
    let asked = wording::is_asked(&answers.screening, c.id);
    html! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{ c.label }</dt>
            <dd class="nhsuk-summary-list__value">
                <p class="nhsuk-u-margin-bottom-1">{ "Before: " }{ &c.before }</p>
                if dropped && !asked {
                    <p class="nhsuk-u-margin-bottom-1">{ "Now: not asked under the 2022 guidance" }</p>
                } else if dropped {
                    <p class="nhsuk-u-margin-bottom-1">{ "Now: not answered. Answer this question again" }</p>
                } else {
                    <p class="nhsuk-u-margin-bottom-1">{ "Now: " }{ &c.after }</p>
                }
                <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">{ "Why: " }{ c.why }</p>
            </dd>
        </div>
    }
}

/// What reassessing kept, converted and dropped.
pub fn reassessed(state: &State, fx: &Effects) -> Html {
    let Some(r) = &state.reassessed else {
        return two_thirds(kids(vec![
            heading("nhsuk-heading-l", "Reassessed under the 2022 guidance"),
            tx("p", "", "There is no reassessment to show."),
            el(
                "p",
                "",
                go_link(Page::Tasks, "Back to task list", &fx.dispatch),
            ),
        ]));
    };
    let none = || tx("p", "", "None");
    let rows = |items: &[Change], dropped: bool| {
        if items.is_empty() {
            none()
        } else {
            html! { <dl class="nhsuk-summary-list">{ for items.iter().map(|c| change_row(c, dropped, &state.answers)) }</dl> }
        }
    };
    let kept = if r.kept.is_empty() {
        none()
    } else {
        html! { <ul class="nhsuk-list nhsuk-list--bullet">{ for r.kept.iter().map(|k| html! { <li>{ *k }</li> }) }</ul> }
    };
    two_thirds(html! {
        <>
            { heading("nhsuk-heading-l", "Reassessed under the 2022 guidance") }
            { tx("p", "nhsuk-body-l", "This is a new assessment under NHS England\u{2019}s 2022 guidance, Working in partnership with people and communities. Check the screening answers: the result may differ from the 2017 one.") }
            { el_id("h2", "nhsuk-heading-m", "reassessed-converted", text("Converted")) }
            { rows(&r.converted, false) }
            { el_id("h2", "nhsuk-heading-m", "reassessed-dropped", text("Dropped")) }
            { rows(&r.dropped, true) }
            { el_id("h2", "nhsuk-heading-m", "reassessed-kept", text("Kept as they were")) }
            { kept }
            <div class="app-button-group">
                { go_button(Page::Form(Section::Screening), "Check the screening answers", false, &fx.dispatch) }
                { go_button(Page::Tasks, "Continue to the task list", true, &fx.dispatch) }
            </div>
            { tx("p", "", "The new assessment is saved in this browser. Download it to keep it as a file.") }
            <button type="button" class="nhsuk-button nhsuk-button--secondary" id="download" onclick={click_unit(&fx.download, false)}>{ "Download the new assessment (JSON)" }</button>
        </>
    })
}
