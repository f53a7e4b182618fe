//! The review page: rendered from `&Review` and the callbacks of
//! [`ReviewEffects`], which the root makes (see `io`).
//!
//! The boundary: an event handler here may take plain data out of its
//! event and hand it on: a box's value or a select's choice (dispatched as a
//! [`ReviewAction`]), a file input's `FileList` (taken before the input is
//! cleared, so the same files can be chosen again), a drop's `DataTransfer`
//! (after stopping the browser opening the files), a click on Cancel, a
//! download or "Open this form". It never reads a file, walks a folder,
//! starts a task, times anything or downloads: that is all in `io`.

use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::io::{Request, ReviewEffects};
use super::model::*;
use crate::format::check::{organisation_label, section_slug, Checked, FileCheck, VERDICT_CODES};
use crate::format::{self, report};
use crate::forms::wording::capitalise;
use crate::forms::Section;
use crate::model::{RulesetId, Ymd};
use crate::rules::{self, DutyHolder, Limb, Verdict};
use crate::web::pages::{file_error_summary, support_detail, Effects};
use crate::web::state::State;
use crate::web::widgets::{click, files_chosen, files_dropped, heading, inset, tx};

/// The page. `app` is the root's callbacks, `fx` the review's.
pub fn page(state: &State, app: &Effects, r: &Review, fx: &ReviewEffects) -> Html {
    let body = match r.open {
        Some(i) if r.running.is_none() => record(r, i, fx),
        _ => overview(r, fx),
    };
    html! {
        <>
            { file_error_summary(state, app) }
            { body }
        </>
    }
}

fn overview(r: &Review, fx: &ReviewEffects) -> Html {
    let choose = || files_chosen(&fx.chosen);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = files_dropped(&fx.dropped);
    let busy = r.running.is_some();
    let has = !r.checks.is_empty() || !r.skipped.is_empty();
    html! {
        <>
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-two-thirds">
                    <span class="nhsuk-caption-l">{ "For governance and assurance teams" }</span>
                    { heading("nhsuk-heading-l", "Review completed forms") }
                    { tx("p", "nhsuk-body-l", "Check many completed Involve forms at once: whether each is complete and signed off, the decision the rules give for its answers, and the problems to fix. Export the results as a spreadsheet (CSV) or a JSON report.") }
                    { tx("p", "", "Each file is checked with the same rules as the involve check command-line tool. Files that are not Involve forms, or have been changed outside Involve, are listed as unreadable with the reason.") }
                    { inset("The files stay on this computer: nothing is stored or sent, and your own saved answers are not changed. The review is cleared when you close or reload this page.") }
                    <div class="nhsuk-form-group app-dropzone" id="review-choose" tabindex="-1" ondragover={ondragover} ondrop={ondrop}>
                        <h2 class="nhsuk-heading-m">{ "Choose the forms to review" }</h2>
                        <div class="nhsuk-hint" id="review-drop-hint">{ "Choose JSON files downloaded from Involve, or a whole folder of them, or drag and drop files and folders into this box. Only files ending in .json are checked. Subfolders are included." }</div>
                        <div class="nhsuk-form-group">
                            <label class="nhsuk-label nhsuk-label--s" for="review-files">{ "Choose files" }</label>
                            <input class="nhsuk-file-upload app-file" id="review-files" name="review-files" type="file" multiple=true
                                accept=".json,application/json" aria-describedby="review-drop-hint" disabled={busy} onchange={choose()} />
                        </div>
                        <div class="nhsuk-form-group nhsuk-u-margin-bottom-0">
                            <label class="nhsuk-label nhsuk-label--s" for="review-folder">{ "Or choose a folder" }</label>
                            <input class="nhsuk-file-upload app-file" id="review-folder" name="review-folder" type="file" multiple=true
                                webkitdirectory=true disabled={busy} onchange={choose()} />
                        </div>
                    </div>
                    if has && !busy {
                        <p class="nhsuk-body-s">{ "Files you choose now are added to this review." }</p>
                    }
                </div>
            </div>
            { progress(r, fx) }
            if !busy && has {
                { results(r, fx) }
            }
        </>
    }
}

fn progress(r: &Review, fx: &ReviewEffects) -> Html {
    let live = match (&r.running, r.cancelled) {
        (Some(p), _) => progress_text(p.announced, p.total),
        (None, true) => format!(
            "Checking stopped. {} checked are shown below.",
            files(r.checks.len())
        ),
        (None, false) if !r.checks.is_empty() => format!("Checked {}.", files(r.checks.len())),
        _ => String::new(),
    };
    let bar = r.running.map(|p| {
        let cancel = click(&fx.request, Request::Cancel, false);
        html! {
            <div class="app-review-progress" id="review-running">
                <h2 class="nhsuk-heading-m">{ "Checking files" }</h2>
                <progress id="review-progress-bar" max={p.total.max(1).to_string()} value={p.done.to_string()} aria-label="Files checked"></progress>
                <p class="nhsuk-body-s" aria-hidden="true">{ progress_text(p.done, p.total) }</p>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" id="review-cancel" onclick={cancel}>{ "Cancel" }</button>
            </div>
        }
    });
    html! {
        <>
            { for bar }
            <p class="nhsuk-body" id="review-status" role="status" aria-live="polite">{ live }</p>
        </>
    }
}

/// A small counts table of the summary.
fn counts(
    id: &'static str,
    caption: &'static str,
    head: &'static str,
    rows: Vec<(String, String, usize)>,
) -> Html {
    html! {
        <table class="nhsuk-table app-review-counts" id={id}>
            <caption class="nhsuk-table__caption nhsuk-table__caption--m">{ caption }</caption>
            <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                    <th scope="col" class="nhsuk-table__header">{ head }</th>
                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{ "Files" }</th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                { for rows.into_iter().map(|(key, label, n)| html! {
                    <tr class="nhsuk-table__row">
                        <th scope="row" class="nhsuk-table__header app-review-rowhead">{ label }</th>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric" id={format!("{id}-{key}")}>{ thousands(n) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn ruleset_label(id: &str) -> &'static str {
    RulesetId::from_id(id).map_or("Unknown rules", |r| rules::law(r).short)
}

fn section_label(slug: &str) -> &'static str {
    Section::from_slug(slug).map_or("Other", Section::title)
}

fn summary(r: &Review) -> Html {
    let s = &*r.summary;
    let forms = vec![
        ("files".into(), "Files checked".into(), s.files),
        ("complete".into(), "Complete".into(), s.complete),
        ("incomplete".into(), "Incomplete".into(), s.incomplete),
        (
            "missing-signoff".into(),
            "Missing sign-off".into(),
            s.missing_signoff,
        ),
        ("unreadable".into(), "Unreadable".into(), s.unreadable),
        (
            "digest-not-verified".into(),
            "Digest not verified".into(),
            s.digest_not_verified,
        ),
    ];
    let verdicts = s
        .verdicts
        .iter()
        .map(|(c, n)| (c.replace('_', "-"), verdict_label(c).to_string(), *n))
        .collect();
    let rulesets = s
        .rulesets
        .iter()
        .map(|(id, n)| (id.to_string(), ruleset_label(id).to_string(), *n))
        .collect();
    let orgs = s
        .organisations
        .iter()
        .map(|(c, n)| (c.replace('_', "-"), capitalise(organisation_label(c)), *n))
        .collect();
    let duties: Vec<_> = s
        .duties
        .iter()
        .map(|d| (format!("{}-{}", d.section, d.limb), d.label(), d.files))
        .collect();
    let scrutiny: Vec<_> = s
        .scrutiny
        .iter()
        .zip(crate::format::check::SCRUTINY_ROWS)
        .map(|((code, n), (_, label))| (code.replace('_', "-"), capitalise(label), *n))
        .collect();
    let any_scrutiny = s.scrutiny.iter().any(|(_, n)| *n > 0);
    let sections = html! {
        <table class="nhsuk-table app-review-counts" id="sum-sections">
            <caption class="nhsuk-table__caption nhsuk-table__caption--m">{ "Problems by form section" }</caption>
            <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                    <th scope="col" class="nhsuk-table__header">{ "Section" }</th>
                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{ "Forms incomplete" }</th>
                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{ "Errors" }</th>
                    <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{ "Warnings" }</th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                { for s.sections.iter().map(|x| html! {
                    <tr class="nhsuk-table__row" id={format!("sum-sections-{}", x.section)}>
                        <th scope="row" class="nhsuk-table__header app-review-rowhead">{ section_label(x.section) }</th>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{ thousands(x.incomplete) }</td>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{ thousands(x.errors) }</td>
                        <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{ thousands(x.warnings) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    };
    let unreadable: Vec<&FileCheck> = r.checks.iter().filter(|c| c.outcome.is_err()).collect();
    let unverified: Vec<&FileCheck> = r
        .checks
        .iter()
        .filter(|c| c.digest_not_verified())
        .collect();
    html! {
        <section aria-labelledby={RESULTS_HEADING}>
            <h2 class="nhsuk-heading-l" id={RESULTS_HEADING} tabindex="-1">{ "Assurance summary" }</h2>
            <p>{ format!("Checked against the rules on {}. ", long_date(r.today)) }{ "Verdicts are worked out again from each file\u{2019}s answers, under the rules the file was completed with." }</p>
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-one-half">
                    { counts("sum-forms", "Forms", "Status", forms) }
                    { counts("sum-verdicts", "Verdicts", "Verdict", verdicts) }
                    { counts("sum-rulesets", "Rules used", "Rules", rulesets) }
                </div>
                <div class="nhsuk-grid-column-one-half">
                    { counts("sum-organisations", "Organisations", "Organisation", orgs) }
                    if !duties.is_empty() {
                        { counts("sum-duties", "Duties by section and limb", "Section of the NHS Act 2006", duties) }
                    }
                    if any_scrutiny {
                        { counts("sum-scrutiny", "Scrutiny and notification", "Regulation 23 and Schedule 10A", scrutiny) }
                    }
                </div>
            </div>
            <div class="app-table-scroll" role="region" aria-label="Problems by form section" tabindex="0">{ sections }</div>
            if !unreadable.is_empty() {
                <details class="nhsuk-details" id="review-unreadable">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ format!("Unreadable files ({})", thousands(unreadable.len())) }</span></summary>
                    <div class="nhsuk-details__text">
                        <ul class="nhsuk-list app-review-list">
                            { for unreadable.iter().map(|c| html! {
                                <li><strong class="app-path">{ &c.path }</strong>{ ": " }{ c.outcome.as_ref().err().map(|u| crate::format::for_people(u.code).unwrap_or(u.message.as_str())).unwrap_or_default() }</li>
                            }) }
                        </ul>
                    </div>
                </details>
            }
            if !unverified.is_empty() {
                <details class="nhsuk-details" id="review-unverified">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ format!("Digest not verified ({})", thousands(unverified.len())) }</span></summary>
                    <div class="nhsuk-details__text">
                        <p>{ "Involve cannot show that these files are as they were downloaded: files in format 1 have no digest, and the others were changed outside Involve." }</p>
                        <ul class="nhsuk-list app-review-list">
                            { for unverified.iter().map(|c| html! {
                                <li><strong class="app-path">{ &c.path }</strong>{ if c.outcome.is_ok() { ": format 1, no digest (read, but it may have been changed)" } else { ": changed outside Involve (unreadable)" } }</li>
                            }) }
                        </ul>
                    </div>
                </details>
            }
            if !r.skipped.is_empty() {
                <details class="nhsuk-details" id="review-skipped">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{ format!("Skipped files ({})", thousands(r.skipped.len())) }</span></summary>
                    <div class="nhsuk-details__text">
                        <ul class="nhsuk-list app-review-list">
                            { for r.skipped.iter().map(|s| html! { <li><strong class="app-path">{ &s.path }</strong>{ ": " }{ s.reason }</li> }) }
                        </ul>
                    </div>
                </details>
            }
        </section>
    }
}

/// "15 March 2026": the crate's one month-name table.
fn long_date(d: Ymd) -> String {
    crate::forms::dates::format_ymd(d)
}

fn short_date(d: Ymd) -> String {
    crate::forms::dates::format_dmy(d)
}

fn exports(fx: &ReviewEffects) -> Html {
    let csv = click(&fx.request, Request::DownloadCsv, false);
    let json = click(&fx.request, Request::DownloadJson, false);
    html! {
        <section aria-labelledby="review-export-heading">
            <h2 class="nhsuk-heading-m" id="review-export-heading">{ "Download the results" }</h2>
            <p>{ "The spreadsheet (CSV, for Excel) has one row per file with the table\u{2019}s columns. The JSON report has every file\u{2019}s decision record and problems, and the summary. Both include every file checked, whatever the filters below show." }</p>
            <div class="app-button-group">
                <button type="button" class="nhsuk-button" id="review-csv" onclick={csv}>{ "Download CSV" }</button>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" id="review-json" onclick={json}>{ "Download JSON report" }</button>
            </div>
        </section>
    }
}

/// One date of the annual report's form, in the GOV.UK date pattern.
fn report_date(
    r: &Review,
    fx: &ReviewEffects,
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    to: bool,
) -> Html {
    let d = if to { &r.report.to } else { &r.report.from };
    let error = r
        .report_errors
        .iter()
        .find(|(f, _)| *f == id)
        .map(|(_, m)| *m);
    let parts = if to {
        [
            (ReportField::ToDay, "day", "Day", &d.day, 2),
            (ReportField::ToMonth, "month", "Month", &d.month, 2),
            (ReportField::ToYear, "year", "Year", &d.year, 4),
        ]
    } else {
        [
            (ReportField::FromDay, "day", "Day", &d.day, 2),
            (ReportField::FromMonth, "month", "Month", &d.month, 2),
            (ReportField::FromYear, "year", "Year", &d.year, 4),
        ]
    };
    let described = if error.is_some() {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-hint")
    };
    let boxes = parts.into_iter().map(|(field, part, label, value, width)| {
        let dispatch = fx.dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(ReviewAction::Report(field, input.value()));
        });
        let class = format!("nhsuk-input nhsuk-date-input__input nhsuk-input--width-{width}{}", if error.is_some() { " nhsuk-input--error" } else { "" });
        html! {
            <div class="nhsuk-date-input__item">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label nhsuk-date-input__label" for={format!("{id}-{part}")}>{ label }</label>
                    <input {class} id={format!("{id}-{part}")} name={format!("{id}-{part}")} type="text" inputmode="numeric" value={value.clone()} {oninput} />
                </div>
            </div>
        }
    });
    html! {
        <div class={if error.is_some() { "nhsuk-form-group nhsuk-form-group--error" } else { "nhsuk-form-group" }}>
            <fieldset class="nhsuk-fieldset" role="group" aria-describedby={described}>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ legend }</legend>
                <div class="nhsuk-hint" id={format!("{id}-hint")}>{ hint }</div>
                if let Some(m) = error {
                    <span class="nhsuk-error-message" id={format!("{id}-error")}><span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ m }</span>
                }
                <div class="nhsuk-date-input" id={id}>{ for boxes }</div>
            </fieldset>
        </div>
    }
}

/// Which date puts a file in the period: radios.
fn report_basis(r: &Review, fx: &ReviewEffects) -> Html {
    use report::DateBasis;
    let options = [
        (
            DateBasis::SignOff,
            "The date it was signed off",
            "Or the date it was completed, if it has no sign-off date.",
        ),
        (
            DateBasis::Decision,
            "The date of the decision",
            "The date the form was completed, which records the decision on the duty.",
        ),
    ];
    html! {
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ "Which date puts a file in the period?" }</legend>
                <div class="nhsuk-radios nhsuk-radios--small">
                    { for options.into_iter().map(|(by, label, hint)| {
                        let id = format!("report-by-{}", by.code());
                        let dispatch = fx.dispatch.clone();
                        let onchange = Callback::from(move |_: Event| {
                            dispatch.dispatch(ReviewAction::Report(ReportField::By, by.code().to_string()));
                        });
                        html! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id={id.clone()} name="report-by" type="radio" value={by.code()} checked={r.report.by == by} aria-describedby={format!("{id}-hint")} {onchange} />
                                <label class="nhsuk-label nhsuk-radios__label" for={id.clone()}>{ label }</label>
                                <div class="nhsuk-hint nhsuk-radios__hint" id={format!("{id}-hint")}>{ hint }</div>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}

/// The annual report: a period, an organisation, and the downloads.
fn annual_report(r: &Review, fx: &ReviewEffects) -> Html {
    use crate::format::document::Format;
    let org = {
        let dispatch = fx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(ReviewAction::Report(
                ReportField::Organisation,
                input.value(),
            ));
        })
    };
    let button = |id: &'static str, text: &'static str, kind: Option<Format>, primary: bool| {
        let onclick = click(&fx.request, Request::DownloadReport(kind), false);
        let class = if primary {
            "nhsuk-button"
        } else {
            "nhsuk-button nhsuk-button--secondary"
        };
        html! { <button type="button" {class} {id} {onclick}>{ text }</button> }
    };
    html! {
        <section aria-labelledby="report-heading">
            <h2 class="nhsuk-heading-m" id="report-heading">{ "Annual report" }</h2>
            <p>{ "A summary of the files checked that are dated in a period: how many activities were assessed and their verdicts, the duties engaged, the activities where the duty applied and how people were involved, the scrutiny and notification of each substantial development or variation, and the files left out and why. For an annual report, a board or a committee." }</p>
            if !r.report_errors.is_empty() {
                <div class="nhsuk-error-summary" aria-labelledby="report-errors-title" role="alert" tabindex="-1" id={REPORT_ERRORS}>
                    <h3 class="nhsuk-error-summary__title" id="report-errors-title">{ "There is a problem" }</h3>
                    <div class="nhsuk-error-summary__body">
                        <ul class="nhsuk-list nhsuk-error-summary__list">
                            { for r.report_errors.iter().map(|(id, m)| html! { <li><a href={format!("#{id}-day")}>{ *m }</a></li> }) }
                        </ul>
                    </div>
                </div>
            }
            { report_basis(r, fx) }
            { report_date(r, fx, report::FROM_ID, "Start of the period", "For example, 1 4 2026", false) }
            { report_date(r, fx, report::TO_ID, "End of the period", "For example, 31 3 2027", true) }
            <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="report-org">{ "Organisation (optional)" }</label>
                <div class="nhsuk-hint" id="report-org-hint">{ "An organisation type, such as ICB or NHS trust, or a name in the forms\u{2019} location or teams. Leave blank for every file." }</div>
                <input class="nhsuk-input nhsuk-u-width-two-thirds" id="report-org" name="report-org" type="text" aria-describedby="report-org-hint" value={r.report.organisation.clone()} oninput={org} />
            </div>
            <div class="app-button-group">
                { button("report-odt", "Download the annual report (.odt)", Some(Format::Odt), true) }
                { button("report-docx", "Download the annual report (.docx)", Some(Format::Docx), false) }
                { button("report-csv", "Download the annual report (CSV)", None, false) }
            </div>
        </section>
    }
}

fn results(r: &Review, fx: &ReviewEffects) -> Html {
    let clear = {
        let d = fx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(ReviewAction::Clear))
    };
    html! {
        <>
            if !r.checks.is_empty() {
                { summary(r) }
                { exports(fx) }
                { annual_report(r, fx) }
                { table(r, fx) }
            }
            <p><button type="button" class="nhsuk-button nhsuk-button--secondary" id="review-clear" onclick={clear}>{ "Clear the review" }</button></p>
        </>
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn table(r: &Review, fx: &ReviewEffects) -> Html {
    let d = &fx.dispatch;
    let on_show = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.dispatch(ReviewAction::Show(Show::from_value(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            )))
        })
    };
    let on_verdict = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.dispatch(ReviewAction::Verdict(
                VERDICT_CODES
                    .iter()
                    .copied()
                    .find(|c| c.replace('_', "-") == v),
            ))
        })
    };
    let on_text = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(ReviewAction::Text(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let header = |c: Column| {
        let sorted = r.sort == c;
        let aria = sorted.then_some(if r.ascending {
            "ascending"
        } else {
            "descending"
        });
        let onclick = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(ReviewAction::Sort(c)))
        };
        let arrow = match (sorted, r.ascending) {
            (false, _) => "\u{2195}",
            (true, true) => "\u{25b2}",
            (true, false) => "\u{25bc}",
        };
        html! {
            <th scope="col" class="nhsuk-table__header" aria-sort={aria}>
                <button type="button" class="app-sort" id={format!("sort-{}", c.id())} {onclick}>
                    { c.label() }<span class="app-sort__arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let row = |i: usize| {
        let c = &r.checks[i];
        let open = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(ReviewAction::Open(i)))
        };
        let (title, org, verdict, complete, signed, date) = match &c.outcome {
            Ok(ok) => (
                if ok.title.trim().is_empty() {
                    "Untitled form".to_string()
                } else {
                    ok.title.clone()
                },
                capitalise(organisation_label(ok.organisation)),
                verdict_label(ok.verdict.code),
                yes_no(ok.validation.complete),
                ok.signed_off.label(),
                ok.completed.map(short_date).unwrap_or_default(),
            ),
            Err(_) => (
                "Unreadable file".to_string(),
                String::new(),
                "",
                "Unreadable",
                "",
                String::new(),
            ),
        };
        html! {
            <tr class="nhsuk-table__row" key={i}>
                <td class="nhsuk-table__cell app-review-title">
                    <button type="button" class="app-link-button" id={file_button_id(i)} onclick={open}>
                        { title }<span class="nhsuk-u-visually-hidden">{ format!(" ({}): show the decision record and problems", c.path) }</span>
                    </button>
                </td>
                <td class="nhsuk-table__cell">{ org }</td>
                <td class="nhsuk-table__cell">{ verdict }</td>
                <td class="nhsuk-table__cell">{ complete }</td>
                <td class="nhsuk-table__cell">{ signed }</td>
                <td class="nhsuk-table__cell">{ date }</td>
                <td class="nhsuk-table__cell app-path">{ &c.path }</td>
            </tr>
        }
    };
    let shown = r.page_rows();
    let (from, to, of) = (r.first + 1, r.first + shown.len(), r.rows.len());
    let count = if of == 0 {
        "No files match the filters".to_string()
    } else if of <= PAGE_SIZE {
        format!("Showing {} of {}", thousands(of), files(r.checks.len()))
    } else {
        format!(
            "Showing {} to {} of {} matching ({} checked)",
            thousands(from),
            thousands(to),
            thousands(of),
            thousands(r.checks.len())
        )
    };
    let prev = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(ReviewAction::PreviousPage))
    };
    let next = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(ReviewAction::NextPage))
    };
    let verdict_value = r.verdict.map(|v| v.replace('_', "-")).unwrap_or_default();
    html! {
        <section aria-labelledby="review-files-heading">
            <h2 class="nhsuk-heading-l" id="review-files-heading">{ "Files" }</h2>
            <form class="app-review-filters" novalidate=true {onsubmit}>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="review-show">{ "Show" }</label>
                    <select class="nhsuk-select" id="review-show" name="review-show" onchange={on_show}>
                        { for Show::ALL.iter().map(|s| html! { <option value={s.value()} selected={r.show == *s}>{ s.label() }</option> }) }
                    </select>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="review-verdict">{ "Verdict" }</label>
                    <select class="nhsuk-select" id="review-verdict" name="review-verdict" onchange={on_verdict}>
                        <option value="" selected={r.verdict.is_none()}>{ "Any verdict" }</option>
                        { for VERDICT_CODES.iter().map(|c| { let v = c.replace('_', "-"); let sel = verdict_value == v; html! { <option selected={sel} value={v}>{ verdict_label(c) }</option> } }) }
                    </select>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="review-search">{ "Title or file name contains" }</label>
                    <input class="nhsuk-input" id="review-search" name="review-search" type="search" value={r.text.clone()} oninput={on_text} />
                </div>
            </form>
            <p class="nhsuk-body" id="review-count" role="status">{ count }</p>
            <div class="app-table-scroll" id="review-table-region" role="region" aria-labelledby="review-caption" tabindex="0">
                <table class="nhsuk-table app-review-table" id="review-table">
                    <caption class="nhsuk-table__caption nhsuk-table__caption--m" id="review-caption">
                        { "Forms checked" }<span class="nhsuk-u-visually-hidden">{ ", sorted by " }{ r.sort.label() }{ if r.ascending { ", ascending. " } else { ", descending. " } }{ "Choose a column heading to sort by it." }</span>
                    </caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">{ for Column::ALL.iter().map(|c| header(*c)) }</tr>
                    </thead>
                    <tbody class="nhsuk-table__body">{ for shown.iter().map(|i| row(*i)) }</tbody>
                </table>
            </div>
            if of > PAGE_SIZE {
                <div class="app-button-group">
                    if r.first > 0 {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" id="review-previous" onclick={prev}>{ format!("Previous {PAGE_SIZE} files") }</button>
                    }
                    if to < of {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" id="review-next" onclick={next}>{ format!("Next {} files", PAGE_SIZE.min(of - to)) }</button>
                    }
                </div>
            }
        </section>
    }
}

fn duty_line(body: &str, limb: &str) -> Html {
    let holder = DutyHolder::ALL
        .into_iter()
        .find(|h| format::body_code(*h) == body);
    let limb = [Limb::A, Limb::B, Limb::C]
        .into_iter()
        .find(|l| format::limb_code(*l) == limb);
    match (holder, limb) {
        (Some(h), Some(l)) => {
            html! { <li>{ "Duty of " }{ h.name() }{ " under " }<strong>{ h.section() }{ h.limb_label(l) }</strong></li> }
        }
        _ => Html::default(),
    }
}

fn summary_row(key: &'static str, value: Html) -> Html {
    html! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{ key }</dt>
            <dd class="nhsuk-summary-list__value">{ value }</dd>
        </div>
    }
}

/// One file's decision record and problems.
fn record(r: &Review, i: usize, fx: &ReviewEffects) -> Html {
    let c = &r.checks[i];
    let close = {
        let d = fx.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(ReviewAction::Close)
        })
    };
    let back = html! { <a class="nhsuk-back-link app-screen-nav" href="#/review" id="review-back" onclick={close.clone()}>{ "Back to all files" }</a> };
    let title = match &c.outcome {
        Ok(ok) if !ok.title.trim().is_empty() => ok.title.clone(),
        Ok(_) => "Untitled form".to_string(),
        Err(_) => "Unreadable file".to_string(),
    };
    let body = match &c.outcome {
        Err(u) => html! {
            <>
                <dl class="nhsuk-summary-list">
                    { summary_row("File", html! { <span class="app-path">{ &c.path }</span> }) }
                    { summary_row("Status", html! { "Unreadable" }) }
                </dl>
                <div class="nhsuk-card nhsuk-card--warning">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{ "Why the file cannot be read" }</h3>
                        <p id="review-record-reason">{ crate::format::for_people(u.code).unwrap_or(u.message.as_str()) }</p>
                        { support_detail("review-record-detail", &format!("{}: {}", u.code, u.message)) }
                    </div>
                </div>
            </>
        },
        Ok(ok) => checked(c, ok, i, fx),
    };
    html! {
        <>
            { back }
            <section aria-labelledby={RECORD_HEADING} id="review-record-view">
                <span class="nhsuk-caption-l">{ "Review completed forms" }</span>
                <h1 class="nhsuk-heading-l" id={RECORD_HEADING} tabindex="-1">{ title }</h1>
                { body }
                <p><a class="nhsuk-link" href="#/review" onclick={close}>{ "Back to all files" }</a></p>
            </section>
        </>
    }
}

fn checked(c: &FileCheck, ok: &Checked, i: usize, fx: &ReviewEffects) -> Html {
    let v = &ok.verdict;
    let law = ruleset_label(ok.ruleset);
    let open = click(&fx.request, Request::Open(i), false);
    let must: Vec<_> = v
        .actions
        .iter()
        .filter(|a| a.obligation == "must")
        .collect();
    let should: Vec<_> = v
        .actions
        .iter()
        .filter(|a| a.obligation != "must")
        .collect();
    let actions = |items: Vec<&format::ActionSummary>| {
        html! {
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for items.into_iter().map(|a| html! { <li>{ &a.text }<span class="nhsuk-body-s app-citation">{ " (" }{ a.citation }{ ")" }</span></li> }) }
            </ul>
        }
    };
    let errors: Vec<_> = ok
        .validation
        .issues
        .iter()
        .filter(|x| x.severity != "warning")
        .collect();
    let warnings: Vec<_> = ok
        .validation
        .issues
        .iter()
        .filter(|x| x.severity == "warning")
        .collect();
    let issues = |items: Vec<&format::IssueSummary>| {
        html! {
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for items.into_iter().map(|x| html! { <li>{ section_label(section_slug(&x.path)) }{ ": " }{ &x.message }</li> }) }
            </ul>
        }
    };
    let status = match (ok.validation.complete, ok.validation.errors) {
        (true, _) => "Complete".to_string(),
        (false, 1) => "Incomplete: 1 problem to fix".to_string(),
        (false, n) => format!("Incomplete: {n} problems to fix"),
    };
    let digest = if ok.version < 2 {
        "Not verified: a format 1 file has no digest"
    } else {
        "Verified: unchanged since it was downloaded from Involve"
    };
    html! {
        <>
            <dl class="nhsuk-summary-list" id="review-record-facts">
                { summary_row("File", html! { <span class="app-path">{ &c.path }</span> }) }
                { summary_row("Organisation", html! { capitalise(organisation_label(ok.organisation)) }) }
                { summary_row("Rules", html! { law }) }
                { summary_row("Status", html! { status }) }
                { summary_row("Signed off", html! { ok.signed_off.label() }) }
                { summary_row("Completion date", html! { ok.completed.map(long_date).unwrap_or_else(|| "Not given".into()) }) }
                if let Some(x) = &ok.scrutiny {
                    { summary_row("Scrutiny and notification", html! { <span id="review-record-scrutiny">{ x.summary() }</span> }) }
                }
                { summary_row("Digest", html! { digest }) }
            </dl>
            <div class="nhsuk-button-group app-button-group">
                <button type="button" class="nhsuk-button" id="review-open" onclick={open}>{ "Open this form" }</button>
            </div>
            <p class="nhsuk-body-s">{ "Opening the form loads it for editing in place of the answers in this browser. If you have answers, Involve asks first." }</p>
            <div class={verdict_class(v.code)} id="review-record-verdict">
                <p class="app-verdict__label">{ "Decision under the " }{ law }</p>
                <h2 class="nhsuk-heading-m">{ v.headline }</h2>
                if !v.duties.is_empty() {
                    <ul class="nhsuk-list nhsuk-list--bullet app-duties">{ for v.duties.iter().map(|d| duty_line(d.body, d.limb)) }</ul>
                }
            </div>
            if !v.reasons.is_empty() {
                <h2 class="nhsuk-heading-m">{ "Why" }</h2>
                <ol class="nhsuk-list nhsuk-list--number app-reasons">
                    { for v.reasons.iter().map(|x| html! {
                        <li class="app-reason">
                            <p class="nhsuk-u-margin-bottom-1"><strong>{ &x.question }</strong></p>
                            <p class="nhsuk-u-margin-bottom-1">{ "Answer: " }{ &x.answer }</p>
                            <p class="nhsuk-u-margin-bottom-1">{ &x.consequence }</p>
                            <p class="nhsuk-body-s app-citation">{ "Source: " }{ x.citation }</p>
                        </li>
                    }) }
                </ol>
            }
            if !must.is_empty() {
                <h2 class="nhsuk-heading-m">{ "What the organisation must do" }</h2>
                { actions(must) }
            }
            if !should.is_empty() {
                <h2 class="nhsuk-heading-m">{ "What the organisation should consider" }</h2>
                { actions(should) }
            }
            <h2 class="nhsuk-heading-m" id="review-record-problems">{ "Problems found" }</h2>
            if errors.is_empty() && warnings.is_empty() {
                <p>{ "No problems found." }</p>
            }
            if !errors.is_empty() {
                <h3 class="nhsuk-heading-s">{ format!("To fix ({})", errors.len()) }</h3>
                { issues(errors) }
            }
            if !warnings.is_empty() {
                <h3 class="nhsuk-heading-s">{ format!("To check ({})", warnings.len()) }</h3>
                { issues(warnings) }
            }
            if !ok.notes.is_empty() || ok.missing_signoff {
                <h3 class="nhsuk-heading-s">{ "Notes" }</h3>
                <ul class="nhsuk-list nhsuk-list--bullet">
                    if ok.missing_signoff {
                        <li>{ "The form has not been signed off." }</li>
                    }
                    { for ok.notes.iter().map(|n| html! { <li>{ &n.message }{ if n.path.is_empty() { Html::default() } else { html! { <>{ " (" }<code>{ &n.path }</code>{ ")" }</> } } }</li> }) }
                </ul>
            }
        </>
    }
}

fn verdict_class(code: &str) -> &'static str {
    match Verdict::from_code(code) {
        Some(Verdict::Applies) => "app-verdict app-verdict--applies",
        Some(Verdict::DoesNotApply) => "app-verdict app-verdict--does-not-apply",
        Some(Verdict::NotRequiredYet) => "app-verdict app-verdict--not-yet",
        _ => "app-verdict app-verdict--undetermined",
    }
}
