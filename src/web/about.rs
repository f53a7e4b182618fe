//! The pages about Involve itself (the accessibility statement and privacy),
//! the footer's links, and the organisation's settings on screen: the start
//! page's help section, the notice about settings that are wrong, and the
//! offer of the offline copy. Markup only: the settings are read and checked
//! by `crate::settings`, at the root.

use yew::prelude::*;

use crate::forms::wording::capitalise;
use crate::settings::{Contact, Settings};

use super::effects::STORAGE_KEY;
use super::pages::Effects;
use super::state::{Action, Page, State};
use super::widgets::{
    click, each, el, el_id, go_link, heading, href, important_heading, inset, kids, list, text,
    two_thirds, tx,
};

/// The end-to-end tests and what they cover, as counted for the accessibility
/// statement (`node --test tests/e2e/*.test.mjs`, both delivery targets).
pub const E2E_TESTS: &str = "132";
/// When the statement was prepared and Involve last tested.
pub const STATEMENT_DATE: &str = "6 December 2026";

/// A link that opens outside Involve, in a new tab (answers stay where they are).
fn external(url: &str, words: String) -> Html {
    html! {
        <a class="nhsuk-link" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ words }{ " (opens in a new tab)" }</a>
    }
}

/// The help contact as a `mailto:` or `tel:` link.
fn contact_link(c: &Contact) -> Html {
    html! { <a class="nhsuk-link" href={c.href()}>{ c.text() }</a> }
}

/// "your organisation" or its name.
fn org(settings: &Settings) -> String {
    settings
        .organisation_name
        .clone()
        .unwrap_or_else(|| "your organisation".into())
}

/// Who to contact: the settings' help contact, or where to ask without one.
fn contact_words(settings: &Settings) -> Html {
    match &settings.help_contact {
        Some(c) => html! { <>{ "contact " }{ contact_link(c) }</> },
        None => text("contact your organisation\u{2019}s patient and public involvement (engagement) team, or your IT service desk"),
    }
}

/// The settings that are wrong and ignored: a warning naming each (start page).
pub fn settings_notice(state: &State) -> Html {
    if state.settings_problems.is_empty() {
        return Html::default();
    }
    let items = state.settings_problems.iter().map(|p| {
        html! { <li><code>{ &p.key }</code>{ ": " }{ &p.message }</li> }
    });
    el_id(
        "div",
        "nhsuk-card nhsuk-card--warning",
        "settings-problems",
        el(
            "div",
            "nhsuk-card__content",
            kids(vec![
                important_heading("Some of your organisation\u{2019}s settings are not used"),
                tx("p", "", "Involve works, but it ignores these settings because they are wrong. Ask whoever looks after Involve on your intranet to correct them in the settings block (involve-settings) of index.html or involve-offline.html:"),
                html! { <ul class="nhsuk-list nhsuk-list--bullet">{ for items }</ul> },
            ]),
        ),
    )
}

/// The start page's part from the settings: who provides Involve, help, the
/// local policy. Nothing when no setting is given.
pub fn start_help(settings: &Settings) -> Html {
    if settings.organisation_name.is_none()
        && settings.help_contact.is_none()
        && settings.involvement_policy_url.is_none()
    {
        return Html::default();
    }
    html! {
        <div id="organisation">
            { tx("h2", "nhsuk-heading-m", "Help from your organisation") }
            if let Some(name) = &settings.organisation_name {
                <p id="organisation-name">{ "Involve is provided by " }<strong>{ name }</strong>{ " for its staff." }</p>
            }
            if let Some(c) = &settings.help_contact {
                <p id="organisation-contact">{ "For help with Involve or with involving the public, contact " }{ contact_link(c) }{ "." }</p>
            }
            if let Some(url) = &settings.involvement_policy_url {
                <p id="organisation-policy">{ external(url, format!("Read {}\u{2019}s involvement policy", org(settings))) }</p>
            }
        </div>
    }
}

/// "Save Involve for offline use" (hosted pages only, not in the offline file itself).
pub fn offline_offer() -> Html {
    if super::effects::is_offline_file() {
        return Html::default();
    }
    html! {
        <div id="offline-copy">
            { tx("h2", "nhsuk-heading-m", "Use Involve without the intranet") }
            { tx("p", "", "Save one file that opens Involve in your browser from your computer or a shared drive, even with no network connection.") }
            <p><a class="nhsuk-link" href="involve-offline.html" download="involve-offline.html" id="save-offline">{ "Save Involve for offline use" }</a></p>
        </div>
    }
}

/// The footer's links and the organisation's name and contact.
pub fn footer(settings: &Settings, dispatch: &Callback<Action>) -> Html {
    let item = |h: Html| html! { <li class="nhsuk-footer__list-item">{ h }</li> };
    let page = |p: Page, words: &'static str| {
        let onclick = click(dispatch, Action::Go(p), true);
        item(
            html! { <a class="nhsuk-footer__list-item-link" href={href(p)} {onclick}>{ words }</a> },
        )
    };
    let ext = |url: &str, words: String| {
        item(
            html! { <a class="nhsuk-footer__list-item-link" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ words }{ " (opens in a new tab)" }</a> },
        )
    };
    let mut items = vec![
        page(Page::Accessibility, "Accessibility statement"),
        page(Page::Privacy, "Privacy"),
    ];
    if let Some(url) = &settings.privacy_notice_url {
        items.push(ext(
            url,
            format!(
                "{} privacy notice",
                settings
                    .organisation_name
                    .as_deref()
                    .unwrap_or("Your organisation\u{2019}s")
            ),
        ));
    }
    if let Some(url) = &settings.involvement_policy_url {
        items.push(ext(url, "Involvement policy".into()));
    }
    html! {
        <div class="nhsuk-width-container">
            <h2 class="nhsuk-u-visually-hidden">{ "Support links" }</h2>
            <ul class="nhsuk-footer__list">{ for items }</ul>
            if settings.organisation_name.is_some() || settings.help_contact.is_some() {
                <p class="nhsuk-body-s" id="footer-organisation">
                    if let Some(name) = &settings.organisation_name { { "Provided by " }{ name }{ ". " } }
                    if let Some(c) = &settings.help_contact { { "Help: " }{ contact_link(c) } }
                </p>
            }
        </div>
    }
}

/// The accessibility statement, in the shape of the GOV.UK sample statement.
pub fn accessibility(state: &State, fx: &Effects) -> Html {
    let s = &state.settings;
    let run_by = match &s.organisation_name {
        Some(n) => format!("This website is run by {n}. We want as many people as possible to be able to use it. For example, that means you should be able to:"),
        None => "This website is run by your organisation. We want as many people as possible to be able to use it. For example, that means you should be able to:".into(),
    };
    let m = |t: &'static str| tx("h2", "nhsuk-heading-m", t);
    let h3 = |t: &'static str| tx("h3", "nhsuk-heading-s", t);
    two_thirds(kids(vec![
        heading("nhsuk-heading-l", "Accessibility statement for Involve"),
        tx("p", "nhsuk-body-l", "This accessibility statement applies to Involve, the tool for assessing and planning public involvement, on this website and as the one-file offline copy."),
        html! { <p>{ run_by }</p> },
        list("nhsuk-list nhsuk-list--bullet", false, &[
            "change colours, contrast levels and fonts using browser or device settings",
            "zoom in up to 400% without the text spilling off the screen",
            "navigate the whole tool using just a keyboard",
            "navigate most of the tool using speech recognition software",
            "listen to the whole tool using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)",
        ]),
        tx("p", "", "We have also made the text as simple as possible to understand."),
        html! { <p>{ external("https://mcmw.abilitynet.org.uk/", "AbilityNet has advice on making your device easier to use if you have a disability".into()) }</p> },
        m("How accessible this website is"),
        tx("p", "", "We know some parts of this website are not fully accessible:"),
        list("nhsuk-list nhsuk-list--bullet", false, &[
            "the diagram of the three-step process on the screening result is hard to read on a small screen (320 pixels wide, or 400% zoom): it keeps its shape and scrolls sideways. Its text equivalent, the numbered list of reasons with your route, is always shown beside or under it",
            "when your intranet shows Involve inside another page (an iframe) that does not allow it to open the print dialogue (a sandbox without allow-modals), the Print button does nothing. Open Involve in its own tab to print, or download your answers",
            "when your browser does not let Involve save (some private modes and locked-down settings), your answers are not kept between visits. Involve says so on every page and offers to download them",
        ]),
        m("Feedback and contact information"),
        html! { <p id="a11y-contact">{ "If you need information from this tool in a different format, such as large print, easy read, audio recording or braille, or you find a problem, " }{ contact_words(s) }{ "." }</p> },
        tx("p", "", "Say which page and what you were doing. We will consider your request and get back to you."),
        m("Reporting accessibility problems with this website"),
        html! { <p>{ "We are always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we are not meeting accessibility requirements, " }{ contact_words(s) }{ "." }</p> },
        m("Enforcement procedure"),
        tx("p", "", "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the \u{2018}accessibility regulations\u{2019}). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."),
        m("Technical information about this website\u{2019}s accessibility"),
        html! { <p>{ format!("{} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.", capitalise(&org(s))) }</p> },
        h3("Compliance status"),
        tx("p", "", "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the problems listed below. It has not yet been audited by an accessibility specialist."),
        h3("Non-accessible content"),
        tx("p", "", "The content listed below is non-accessible for the following reasons."),
        tx("h4", "nhsuk-heading-xs", "Problems we know about"),
        each("p", "", &[
            "The decision diagram needs two dimensions to show the route through the three-step process, so at 320 pixels wide it scrolls sideways within its box instead of reflowing (WCAG 2.2 success criterion 1.4.10, reflow, allows this for diagrams; we list it because it is still hard to read). The route is also written out in words as the numbered reasons, which reflow.",
            "Printing from inside an intranet page depends on how the intranet shows Involve. We tell intranet teams to allow it (allow-modals in the iframe sandbox).",
        ]),
        tx("h4", "nhsuk-heading-xs", "Disproportionate burden"),
        tx("p", "", "We are not claiming disproportionate burden for any part of this website."),
        tx("h4", "nhsuk-heading-xs", "Content that is not within the scope of the accessibility regulations"),
        tx("p", "", "None. The files you download are data for Involve and other tools; the printed forms and PDFs are made from the same accessible pages."),
        m("How we tested this website"),
        html! { <p id="a11y-tests">{ format!("Involve is tested automatically on every change, in the Chromium browser, on the hosted website and on the one-file offline copy. On {STATEMENT_DATE}, {E2E_TESTS} end-to-end tests ran and passed. They check:") }</p> },
        list("nhsuk-list nhsuk-list--bullet", false, &[
            "every page in every state (each section empty, with its error summary and with conditional questions shown; both screening results; check your answers; every confirmation; a file that cannot be loaded; autosave off; the print view; this statement and the privacy page) with axe-core against WCAG 2.2 A and AA: no problems found",
            "keyboard only: whole journeys with the Tab, Enter and Space keys, focus always visible, focus moving to the error summary and from each of its links to the question",
            "every page at 320 pixels wide, which is a 1280 pixel screen at 400% zoom: no sideways scrolling except the decision diagram",
            "headings in order, one main heading per page, and page titles that start with \u{201c}Error:\u{201d} when there is a problem",
            "the print view, printed to PDF: the forms, the verdict and its reasons",
        ]),
        m("What we are doing to improve accessibility"),
        tx("p", "", "We test every change with the checks above and fix what they find before it is released. We will ask people who use assistive technology to try Involve, and update this statement."),
        m("Preparation of this accessibility statement"),
        html! { <p>{ format!("This statement was prepared on {STATEMENT_DATE}. It was last reviewed on {STATEMENT_DATE}. This website was last tested on {STATEMENT_DATE}, by the team that develops Involve, with the tests described above.") }</p> },
        html! { <p>{ go_link(Page::Start, "Back to the start page", &fx.dispatch) }</p> },
    ]))
}

/// Privacy: what is stored, for how long, how to delete it, what is sent.
pub fn privacy(state: &State, fx: &Effects) -> Html {
    let s = &state.settings;
    let m = |t: &'static str| tx("h2", "nhsuk-heading-m", t);
    let ondelete = click(&fx.dispatch, Action::AskDelete, false);
    two_thirds(kids(vec![
        heading("nhsuk-heading-l", "Privacy: what Involve keeps and where"),
        tx("p", "nhsuk-body-l", "Involve runs entirely in your browser. It has no server, no account, no cookies and no analytics, and it loads nothing from any other website."),
        m("What is stored"),
        html! { <p>{ "Your answers, and when you started them, are saved as you go in this browser on this computer only, in the browser\u{2019}s local storage under the name " }{ STORAGE_KEY }{ "." }</p> },
        each("p", "", &[
            "If saved answers cannot be read when Involve starts (for example, they were saved by a newer version), they are moved to involve.answers.unreadable so that they are never overwritten, and Involve offers them as a download.",
            "When it starts, Involve also writes and at once removes involve.probe, to check that saving works.",
        ]),
        m("How long it is kept"),
        tx("p", "", "Until you delete it, or until you or your IT team clear this browser\u{2019}s data for this website. It is not kept anywhere else: on another computer or in another browser your answers are not there, so download them to keep them."),
        m("How to delete it"),
        tx("p", "", "Choose \u{201c}Delete saved answers\u{201d} on the start page or the task list, or here. Involve asks you to confirm first. Clearing this website\u{2019}s data in your browser\u{2019}s settings also deletes it."),
        if state.is_fresh() {
            tx("p", "", "There are no saved answers in this browser at the moment.")
        } else {
            html! { <button type="button" class="nhsuk-button nhsuk-button--secondary" id="privacy-delete" onclick={ondelete}>{ "Delete saved answers" }</button> }
        },
        m("What is sent, and where"),
        if s.api_on() {
            html! {
                <div id="privacy-host">
                    <p>{ "Nothing you enter is sent to a server. " }{ capitalise(&org(s)) }{ " has set Involve up to work with its intranet page, when that page shows Involve inside it:" }</p>
                    { list("nhsuk-list nhsuk-list--bullet", false, &[
                        "as you go, the intranet page is told which sections are not started, in progress or completed and the screening result (for example, that the duty applies), never your answers",
                        "when you download your answers, the intranet page is given the same file",
                        "the intranet page can ask Involve for a copy of your answers while it shows Involve",
                    ]) }
                    <p>{ "Only these intranet addresses can receive them: " }{ s.host_origins.join(", ") }{ ". Involve passes nothing to any other page." }</p>
                </div>
            }
        } else {
            tx("p", "", "Nothing. Involve sends nothing anywhere: not to a server, not to your organisation, not to the page around it.")
        },
        m("Files you download"),
        tx("p", "", "A downloaded file stays on your computer. You decide where to keep it and who to share it with. It holds your answers as you gave them, including any names and contact details you entered."),
        if let Some(url) = &s.privacy_notice_url {
            html! { <>{ m("Your organisation\u{2019}s privacy notice") }<p>{ external(url, format!("Read {}\u{2019}s privacy notice", org(s))) }</p></> }
        } else {
            Html::default()
        },
        inset("The rules of your organisation about personal and confidential information apply to what you write in the forms."),
        html! { <p>{ go_link(Page::Start, "Back to the start page", &fx.dispatch) }</p> },
    ]))
}
