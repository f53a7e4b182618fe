//! Question pages, rendered from the field catalogue as the answers' ruleset
//! words it (`forms::wording`): labels, hints, options and error messages all
//! come from `forms`; this module only lays them out with NHS.UK markup and
//! turns input events into [`Action`]s.
//!
//! Ids: a text input, a textarea and the first radio or checkbox of a field
//! have the field id (`b.title`); further options are `{id}-2`, `{id}-3`...;
//! date boxes are `{id}-day`, `{id}-month`, `{id}-year`; repeating rows use
//! the validation paths (`c.timescales[0].what`).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::forms::access::{self, row_path, Value};
use crate::forms::catalogue::{self, Field, Kind, NONE_LABEL};
use crate::forms::screening_flow as flow;
use crate::forms::wording;
use crate::forms::{Issue, Section, Severity};
use crate::model::{Answers, DateInput, Screening};

use super::state::{Action, Page};
use super::widgets::{
    back_link, class_list, click, el, error_summary, go_link, hint_ids, tx, with_attrs,
};

/// The id to focus for a validation path: the day box for dates, the first
/// input otherwise (the first row's first input, or the Add button, for a
/// list of rows).
pub fn focus_target(path: &str, answers: &Answers) -> String {
    let Some(f) = wording::field_for_path(&answers.screening, path) else {
        return path.to_string();
    };
    if let Some((list, i, col)) = access::parse_row_path(path) {
        if col == "date" {
            return format!("{}-day", row_path(list, i, col));
        }
        return path.to_string();
    }
    match f.kind {
        Kind::Date => format!("{path}-day"),
        Kind::Milestones if answers.c.timescales.is_empty() => "add-milestone".into(),
        Kind::Milestones => row_path(path, 0, "what"),
        Kind::Risks if answers.c.risks.is_empty() => "add-risk".into(),
        Kind::Risks => row_path(path, 0, "risk"),
        _ => path.to_string(),
    }
}

/// Whether a field is shown (conditional reveals only when their
/// controlling answer has the catalogue's value): `forms`' own, so the
/// documents show what check answers shows.
pub use crate::forms::access::is_shown;

/// Whether a field is revealed inside a radio option of a field on the same
/// page (screening's pages split a section: a question revealed by one on
/// an earlier page has a page of its own).
fn nested_in_radios(s: &Screening, f: &Field) -> bool {
    match f.shown_when() {
        Some((ctrl, _)) => wording::field(s, ctrl).is_some_and(|c| {
            c.section == f.section
                && flow::same_page(c.id, f.id)
                && matches!(c.kind, Kind::Radios(_))
        }),
        None => false,
    }
}

/// What a question page shows. A plain function of these (not a component):
/// it changes with every answer anyway, and each question in it is a
/// [`FieldView`] that Yew skips when its own answers and errors are unchanged.
pub struct QuestionPageProps {
    pub section: Section,
    /// One of screening's pages ([`flow::PAGES`]), or the whole section.
    pub screen: Option<u8>,
    pub answers: Rc<Answers>,
    /// Issues shown after Save and continue.
    pub shown: Rc<Vec<Issue>>,
    /// Live warnings for this section (never block).
    pub warnings: Rc<Vec<Issue>>,
    pub dispatch: Callback<Action>,
    pub return_to_check: bool,
    /// Came from the screening's check page: go back there.
    pub return_to_screen_check: bool,
    /// Content shown between the heading and the questions (e.g. why Appendix C is offered).
    pub intro: Html,
}

/// Everything a field renderer needs.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    answers: &'a Answers,
    shown: &'a [Issue],
    dispatch: &'a Callback<Action>,
    /// The question is the page's only one: its legend is the page heading
    /// (the NHS question-page pattern). Never passed to revealed questions.
    heading: bool,
}

impl Ctx<'_> {
    fn error(&self, path: &str) -> Option<&Issue> {
        self.shown
            .iter()
            .find(|i| i.severity == Severity::Error && i.path == path)
    }
    fn set(&self, id: String, make: impl Fn(String) -> Value + 'static) -> Callback<String> {
        let d = self.dispatch.clone();
        Callback::from(move |v: String| d.emit(Action::Set(id.clone(), make(v))))
    }
}

/// One question (with the questions revealed inside its options) as a
/// component, so a keystroke re-renders that question only: the props are
/// equal when the answers it shows and its errors are. `dispatch` is not
/// compared: the root makes a new one each render, all sending to the same reducer.
#[derive(Properties)]
pub struct FieldViewProps {
    /// The question as the answers' ruleset words it.
    pub field: Field,
    pub answers: Rc<Answers>,
    pub shown: Rc<Vec<Issue>>,
    pub dispatch: Callback<Action>,
    /// The page's only question: its legend is the page's h1.
    #[prop_or_default]
    pub heading: bool,
}

impl PartialEq for FieldViewProps {
    fn eq(&self, o: &Self) -> bool {
        let s = &self.answers.screening;
        self.field == o.field
            && self.heading == o.heading
            && (Rc::ptr_eq(&self.answers, &o.answers)
                || (wording::audience(s) == wording::audience(&o.answers.screening)
                    && s.ruleset == o.answers.screening.ruleset
                    && same_answers(s, &self.field, &self.answers, &o.answers)))
            && (self.shown == o.shown
                || errors_on(s, &self.field, &self.shown).eq(errors_on(s, &self.field, &o.shown)))
    }
}

/// The questions revealed by one of `f`'s options, worded for the screening.
fn revealed_by<'a>(s: &'a Screening, f: &'a Field) -> impl Iterator<Item = Field> + 'a {
    wording::section_fields(s, f.section).filter(move |g| {
        g.shown_when().is_some_and(|(c, _)| c == f.id) && flow::same_page(g.id, f.id)
    })
}

/// Whether a validation path is on `f`, one of its rows, or a question it reveals.
fn on_field(s: &Screening, f: &Field, path: &str) -> bool {
    path.strip_prefix(f.id)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
        || revealed_by(s, f).any(|g| on_field(s, &g, path))
}

/// The errors `render_field` can show for `f`: a question without errors
/// before and after Save and continue is not re-rendered.
fn errors_on<'a>(
    s: &'a Screening,
    f: &'a Field,
    shown: &'a [Issue],
) -> impl Iterator<Item = &'a Issue> {
    shown
        .iter()
        .filter(move |i| i.severity == Severity::Error && on_field(s, f, &i.path))
}

/// Whether `a` and `b` hold the same answers for `f` and every question
/// revealed by one of its options (at any depth): all that `render_field` reads.
fn same_answers(s: &Screening, f: &Field, a: &Answers, b: &Answers) -> bool {
    access::get(a, f.id) == access::get(b, f.id)
        && revealed_by(s, f).all(|g| same_answers(s, &g, a, b))
}

#[function_component]
pub fn FieldView(p: &FieldViewProps) -> Html {
    render_field(
        &p.field,
        &Ctx {
            answers: &p.answers,
            shown: &p.shown,
            dispatch: &p.dispatch,
            heading: p.heading,
        },
    )
}

pub fn question_page(p: QuestionPageProps) -> Html {
    let section = p.section;
    let screen = p.screen.map(|i| &flow::PAGES[usize::from(i)]);
    let action = match p.screen {
        Some(i) => Action::ContinueScreen(i),
        None => Action::Continue(section),
    };
    let onsubmit = {
        let d = p.dispatch.clone();
        let action = action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(action.clone());
        })
    };
    // The click (also fired by Enter in a text box) does the work, so it
    // works where form submission is blocked (an iframe sandboxed without
    // allow-forms).
    let onclick = click(&p.dispatch, action, true);
    let caption = match section {
        Section::Screening => screen.map_or("Screening", |sp| sp.part),
        Section::PlanC => "Appendix C",
        Section::BSignOff => "Appendix B: completion",
        Section::Equality | Section::Scrutiny => "Assessment record",
        _ => "Appendix B",
    };
    // A section this assessment does not need (a 2022 record under the 2017
    // rules, or the scrutiny record with no substantial variation) says why
    // instead of showing an empty form.
    let not_needed = !crate::forms::progress::applies(&p.answers, section);
    let not_needed_text = match section {
        Section::Scrutiny if crate::forms::wording::section_asked(&p.answers.screening, section) => {
            "You do not need this record: the screening does not say the activity is a proposal for a substantial \
             development or variation of the health service. If it is, change that answer in the screening first."
        }
        _ => "You do not need this section: the rules this assessment follows do not ask for it.",
    };
    let s = &p.answers.screening;
    // The section's description once, on its first page.
    let describe = p
        .screen
        .is_none_or(|i| flow::previous(&p.answers, usize::from(i)).is_none());
    // A screening page with one question (its reveals aside) and no
    // description makes that question the page heading, in its legend (the
    // NHS question-page pattern); a page of several keeps its own heading.
    let heading_field = screen.filter(|_| !describe).and_then(|sp| {
        let mut top = sp.fields.iter().filter_map(|id| {
            let f = wording::is_asked(s, id)
                .then(|| wording::field(s, id))
                .flatten()?;
            (!nested_in_radios(s, &f) && is_shown(&f, &p.answers)).then_some(f)
        });
        match (top.next(), top.next()) {
            (Some(f), None) if matches!(f.kind, Kind::Radios(_) | Kind::Checkboxes(..)) => {
                Some(f.id)
            }
            _ => None,
        }
    });
    // Every question of the section keeps its place in the list, an empty
    // one where it is not shown: when a question appears or disappears (the
    // special administrator question when the organisation becomes a trust)
    // Yew neither rebuilds nor moves the others, so the radio being arrowed
    // through keeps its focus.
    let on_page = |id: &str| screen.is_none_or(|sp| sp.fields.contains(&id));
    let fields = crate::forms::catalogue::section_fields(section).filter(|f| on_page(f.id)).map(|f| {
        let Some(f) = wording::is_asked(s, f.id).then(|| wording::apply(s, f)) else { return Html::default() };
        if nested_in_radios(s, &f) || !is_shown(&f, &p.answers) {
            return Html::default();
        }
        // A screening page's caption names its part of the test.
        let heading = wording::heading_before(s, f.id).filter(|_| screen.is_none());
        let is_heading = heading_field == Some(f.id);
        let field = html! { <FieldView field={f} answers={p.answers.clone()} shown={p.shown.clone()} dispatch={p.dispatch.clone()} heading={is_heading} /> };
        match heading {
            Some(h) => html! { <><h2 class="nhsuk-heading-m app-group-heading">{ h }</h2>{ field }</> },
            None => html! { <>{ field }</> },
        }
    });
    let previous = p
        .screen
        .and_then(|i| flow::previous(&p.answers, usize::from(i)));
    let (back, back_text) = if p.return_to_check {
        (Page::Check, "Back to check your answers")
    } else if p.return_to_screen_check {
        (Page::ScreenCheck, "Back to check your screening answers")
    } else if let Some(prev) = previous {
        (Page::Screen(prev as u8), "Back to the previous question")
    } else {
        (Page::Tasks, "Back to task list")
    };
    let title = screen.map_or(section.title(), |sp| sp.title);
    html! {
        <>
            { back_link(back, back_text, &p.dispatch) }
            { error_summary(&p.shown, &p.answers, &p.dispatch) }
            { tx("span", "nhsuk-caption-l", caption) }
            if heading_field.is_none() {
                <h1 class="nhsuk-heading-l" tabindex="-1">{ title }</h1>
            }
            if describe {
                <p class="nhsuk-body-l">{ wording::section_description(s, section) }</p>
            }
            if not_needed {
                <div class="nhsuk-inset-text"><p>{ not_needed_text }</p></div>
            }
            { p.intro }
            <form novalidate=true {onsubmit} class="app-question-form">
                { for fields }
                { warnings(&p.warnings) }
                <button class="nhsuk-button" type="submit" onclick={onclick}>{ "Save and continue" }</button>
            </form>
            <p>{ if matches!(back, Page::Screen(_)) { go_link(Page::Tasks, "Back to task list", &p.dispatch) } else { go_link(back, back_text, &p.dispatch) } }</p>
        </>
    }
}

/// Warnings, shown after Save and continue where the answer was given: a
/// warning callout (not red), focused; saving again carries on, so they
/// never stop anyone.
pub fn warnings(items: &[Issue]) -> Html {
    let items: Vec<&Issue> = items
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class="nhsuk-warning-callout app-warnings" id="warnings" tabindex="-1">
            <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">{ "Important: " }</span>{ "Check your answer" }</span></h2>
            <ul class="nhsuk-list">
                { for items.iter().map(|i| html! { <li>{ &i.message }</li> }) }
            </ul>
            { tx("p", "", "You can change your answer, or select Save and continue again to carry on.") }
        </div>
    }
}

fn group_class(err: bool) -> &'static str {
    if err {
        "nhsuk-form-group nhsuk-form-group--error"
    } else {
        "nhsuk-form-group"
    }
}

/// A form group (red bar when there is an error) around `children`.
fn group(err: Option<&Issue>, children: Html) -> Html {
    el("div", group_class(err.is_some()), children)
}

/// `extra` when there is an error, else nothing.
fn if_err(err: Option<&Issue>, extra: &'static str) -> &'static str {
    if err.is_some() {
        extra
    } else {
        ""
    }
}

fn error_message(id: &str, err: Option<&Issue>) -> Html {
    match err {
        Some(i) => html! {
            <span class="nhsuk-error-message" id={format!("{id}-error")}>
                <span class="nhsuk-u-visually-hidden">{ "Error: " }</span>{ &i.message }
            </span>
        },
        None => Html::default(),
    }
}

fn hint(id: &str, hint: Option<&str>) -> Html {
    match hint {
        Some(h) => html! { <div class="nhsuk-hint" id={format!("{id}-hint")}>{ h }</div> },
        None => Html::default(),
    }
}

fn render_field(f: &Field, ctx: &Ctx) -> Html {
    let id = f.id;
    let err = ctx.error(id);
    let describedby = hint_ids(id, f.hint.is_some(), err.is_some());
    match f.kind {
        Kind::Text | Kind::Email => {
            let value = text_of(ctx.answers, id);
            let oninput = text_input(ctx.set(id.to_string(), Value::Text));
            let (ty, ac, width) = if f.kind == Kind::Email {
                ("email", Some("email"), "nhsuk-u-width-two-thirds")
            } else {
                ("text", None, "nhsuk-u-width-full")
            };
            let input = with_attrs(
                html! { <input value={value} {oninput} /> },
                &[
                    "class",
                    "id",
                    "name",
                    "type",
                    "autocomplete",
                    "spellcheck",
                    "aria-describedby",
                ],
                vec![
                    Some(
                        class_list(&["nhsuk-input", width, if_err(err, "nhsuk-input--error")])
                            .into(),
                    ),
                    Some(id.into()),
                    Some(id.into()),
                    Some(ty.into()),
                    ac.map(AttrValue::from),
                    (f.kind == Kind::Email).then_some(AttrValue::from("false")),
                    describedby.map(AttrValue::from),
                ],
            );
            labelled(f, err, input)
        }
        Kind::LongText => {
            let value = text_of(ctx.answers, id);
            let oninput = text_input(ctx.set(id.to_string(), Value::Text));
            let textarea = with_attrs(
                html! { <textarea value={value} {oninput} /> },
                &["class", "id", "name", "rows", "aria-describedby"],
                vec![
                    Some(
                        class_list(&["nhsuk-textarea", if_err(err, "nhsuk-textarea--error")])
                            .into(),
                    ),
                    Some(id.into()),
                    Some(id.into()),
                    Some("5".into()),
                    describedby.map(AttrValue::from),
                ],
            );
            labelled(f, err, textarea)
        }
        Kind::Date => {
            let d = match access::get(ctx.answers, id) {
                Some(Value::Date(d)) => d,
                _ => DateInput::default(),
            };
            date_input(id, f.label, f.hint, &d, err, ctx, false)
        }
        Kind::Radios(options) => radios(f, options, err, ctx),
        Kind::Checkboxes(options, none) => checkboxes(f, options, none, err, ctx),
        Kind::Milestones => milestones(f, err, ctx),
        Kind::Risks => risks(f, err, ctx),
    }
}

/// A question with one labelled control: label, hint, error, control.
fn labelled(f: &Field, err: Option<&Issue>, control: Html) -> Html {
    group(
        err,
        html! {
            <>
                <label class="nhsuk-label nhsuk-label--s" for={f.id}>{ f.label }</label>
                { hint(f.id, f.hint) }
                { error_message(f.id, err) }
                { control }
            </>
        },
    )
}

fn text_of(answers: &Answers, id: &str) -> String {
    match access::get(answers, id) {
        Some(Value::Text(t)) => t,
        _ => String::new(),
    }
}

/// The typed value of an input or a textarea (the `value` property is read
/// by name, so one callback serves both).
fn text_input(cb: Callback<String>) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

/// Day, month and year boxes in a fieldset (NHS date input).
fn date_input(
    id: &str,
    label: &str,
    hint_text: Option<&str>,
    d: &DateInput,
    err: Option<&Issue>,
    ctx: &Ctx,
    small: bool,
) -> Html {
    let part = |name: &'static str, label: &'static str, value: &str, width: &'static str| {
        let d0 = d.clone();
        let cb = ctx.set(id.to_string(), move |v| {
            let mut d = d0.clone();
            match name {
                "day" => d.day = v,
                "month" => d.month = v,
                _ => d.year = v,
            }
            Value::Date(d)
        });
        let input_id = format!("{id}-{name}");
        let input = with_attrs(
            html! { <input value={value.to_string()} oninput={text_input(cb)} /> },
            &["class", "id", "name", "type", "inputmode"],
            vec![
                Some(
                    class_list(&[
                        "nhsuk-input",
                        "nhsuk-date-input__input",
                        width,
                        if_err(err, "nhsuk-input--error"),
                    ])
                    .into(),
                ),
                Some(input_id.clone().into()),
                Some(input_id.clone().into()),
                Some("text".into()),
                Some("numeric".into()),
            ],
        );
        let inner = html! {
            <>
                <label class="nhsuk-label nhsuk-date-input__label" for={input_id}>{ label }</label>
                { input }
            </>
        };
        html! {
            <div class="nhsuk-date-input__item">{ group(err, inner) }</div>
        }
    };
    let legend_class = if small {
        "nhsuk-fieldset__legend"
    } else {
        "nhsuk-fieldset__legend nhsuk-fieldset__legend--s"
    };
    group(
        err,
        html! {
                <fieldset class="nhsuk-fieldset" role="group" aria-describedby={hint_ids(id, hint_text.is_some(), err.is_some())}>
                    { el("legend", legend_class, html! { label.to_string() }) }
                    { hint(id, hint_text) }
                    { error_message(id, err) }
                    <div class="nhsuk-date-input" id={id.to_string()}>
                        { part("day", "Day", &d.day, "nhsuk-input--width-2") }
                        { part("month", "Month", &d.month, "nhsuk-input--width-2") }
                        { part("year", "Year", &d.year, "nhsuk-input--width-4") }
                    </div>
                </fieldset>
        },
    )
}

/// `children` (a fragment) with a key.
fn keyed(key: &'static str, children: Html) -> Html {
    match children {
        Html::VList(mut list) => {
            std::rc::Rc::make_mut(&mut list).key = Some(key.into());
            Html::VList(list)
        }
        other => other,
    }
}

/// The id of the `i`th option of a radio or checkbox question.
pub fn option_id(id: &str, i: usize) -> String {
    if i == 0 {
        id.to_string()
    } else {
        format!("{id}-{}", i + 1)
    }
}

/// A question's legend: small bold text, or, for the page's only question,
/// the page heading inside it (NHS question pages: "If you're asking just
/// one question on the page, you can set the contents of the legend as the
/// page heading").
fn legend(label: &'static str, heading: bool) -> Html {
    if heading {
        html! {
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                <h1 class="nhsuk-fieldset__heading" tabindex="-1">{ label }</h1>
            </legend>
        }
    } else {
        html! { <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ label }</legend> }
    }
}

fn radios(
    f: &Field,
    options: &'static [(&'static str, &'static str)],
    err: Option<&Issue>,
    ctx: &Ctx,
) -> Html {
    let id = f.id;
    let current = match access::get(ctx.answers, id) {
        Some(Value::Choice(c)) => c,
        _ => None,
    };
    let nested: Vec<Field> = revealed_by(&ctx.answers.screening, f).collect();
    let items = options.iter().enumerate().map(|(i, (value, label))| {
        let oid = option_id(id, i);
        let checked = current.as_deref() == Some(*value);
        let onchange = {
            let d = ctx.dispatch.clone();
            let v = value.to_string();
            Callback::from(move |_: Event| d.emit(Action::Set(id.to_string(), Value::Choice(Some(v.clone())))))
        };
        let opt_hint = wording::option_hint(&ctx.answers.screening, id, value);
        let hint_id = format!("{oid}-item-hint");
        let reveal: Vec<Html> = if checked {
            nested.iter().filter(|g| g.shown_when().is_some_and(|(_, v)| v == *value)).map(|g| render_field(g, &Ctx { heading: false, ..*ctx })).collect()
        } else {
            Vec::new()
        };
        // Keyed by the stored value: when the options change (choosing a
        // clinical commissioning group turns the organisation question into
        // the 2017 one), the chosen option stays the same element.
        keyed(value, html! {
            <>
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id={oid.clone()} name={id} type="radio" value={*value} {checked} {onchange}
                        aria-describedby={opt_hint.map(|_| hint_id.clone())} />
                    <label class="nhsuk-label nhsuk-radios__label" for={oid.clone()}>{ *label }</label>
                    if let Some(h) = opt_hint {
                        <div class="nhsuk-hint nhsuk-radios__hint" id={hint_id.clone()}>{ h }</div>
                    }
                </div>
                if !reveal.is_empty() {
                    <div class="nhsuk-radios__conditional" id={format!("{oid}-conditional")}>{ for reveal }</div>
                }
            </>
        })
    });
    let inline =
        options.len() == 2 && nested.is_empty() && options.iter().all(|(_, l)| l.len() <= 3);
    group(
        err,
        html! {
                <fieldset class="nhsuk-fieldset" aria-describedby={hint_ids(id, f.hint.is_some(), err.is_some())}>
                    { legend(f.label, ctx.heading) }
                    { hint(id, f.hint) }
                    { error_message(id, err) }
                    { el("div", if inline { "nhsuk-radios nhsuk-radios--inline" } else { "nhsuk-radios" }, items.collect::<Html>()) }
                </fieldset>
        },
    )
}

fn checkboxes(
    f: &Field,
    options: &'static [(&'static str, &'static str)],
    none_opt: Option<&'static str>,
    err: Option<&Issue>,
    ctx: &Ctx,
) -> Html {
    let id = f.id;
    let (values, none) = match access::get(ctx.answers, id) {
        Some(Value::Multi { values, none }) => (values, none),
        _ => (Vec::new(), false),
    };
    let items = options.iter().enumerate().map(|(i, (value, label))| {
        let oid = option_id(id, i);
        let checked = values.iter().any(|v| v == value);
        let onchange = {
            let d = ctx.dispatch.clone();
            let current = values.clone();
            let v = value.to_string();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let mut next: Vec<String> = current.iter().filter(|x| **x != v).cloned().collect();
                if on {
                    next.push(v.clone());
                }
                // Ticking an option unticks the exclusive "none" option.
                d.emit(Action::Set(id.to_string(), Value::Multi { values: next, none: false }));
            })
        };
        let opt_hint = wording::option_hint(&ctx.answers.screening, id, value);
        let hint_id = format!("{oid}-item-hint");
        html! {
            <div class="nhsuk-checkboxes__item">
                <input class="nhsuk-checkboxes__input" id={oid.clone()} name={id} type="checkbox" value={*value} {checked} {onchange}
                    aria-describedby={opt_hint.map(|_| hint_id.clone())} />
                <label class="nhsuk-label nhsuk-checkboxes__label" for={oid.clone()}>{ *label }</label>
                if let Some(h) = opt_hint {
                    <div class="nhsuk-hint nhsuk-checkboxes__hint" id={hint_id.clone()}>{ h }</div>
                }
            </div>
        }
    });
    let none_item = none_opt.map(|nv| {
        let oid = option_id(id, options.len() + 1);
        let onchange = {
            let d = ctx.dispatch.clone();
            let current = values.clone();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                // The exclusive option clears the others; unticking it keeps them as they were.
                let values = if on { Vec::new() } else { current.clone() };
                d.emit(Action::Set(id.to_string(), Value::Multi { values, none: on }));
            })
        };
        html! {
            <>
                <div class="nhsuk-checkboxes__divider">{ "or" }</div>
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id={oid.clone()} name={id} type="checkbox" value={nv} checked={none} {onchange} data-behaviour="exclusive" />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for={oid}>{ NONE_LABEL }</label>
                </div>
            </>
        }
    });
    group(
        err,
        html! {
                <fieldset class="nhsuk-fieldset" aria-describedby={hint_ids(id, f.hint.is_some(), err.is_some())}>
                    { legend(f.label, ctx.heading) }
                    { hint(id, f.hint) }
                    { error_message(id, err) }
                    <div class="nhsuk-checkboxes">
                        { for items }
                        { for none_item }
                    </div>
                </fieldset>
        },
    )
}

/// A text box inside a repeating row, labelled by `label`.
fn row_text(path: String, label: &'static str, value: &str, long: bool, ctx: &Ctx) -> Html {
    let err = ctx.error(&path);
    let cb = ctx.set(path.clone(), Value::Text);
    let describedby = err.map(|_| format!("{path}-error"));
    let control = if long {
        with_attrs(
            html! { <textarea value={value.to_string()} oninput={text_input(cb)} /> },
            &["class", "id", "name", "rows", "aria-describedby"],
            vec![
                Some(class_list(&["nhsuk-textarea", if_err(err, "nhsuk-textarea--error")]).into()),
                Some(path.clone().into()),
                Some(path.clone().into()),
                Some("3".into()),
                describedby.map(AttrValue::from),
            ],
        )
    } else {
        with_attrs(
            html! { <input value={value.to_string()} oninput={text_input(cb)} /> },
            &["class", "id", "name", "type", "aria-describedby"],
            vec![
                Some(class_list(&["nhsuk-input", if_err(err, "nhsuk-input--error")]).into()),
                Some(path.clone().into()),
                Some(path.clone().into()),
                Some("text".into()),
                describedby.map(AttrValue::from),
            ],
        )
    };
    group(
        err,
        html! {
            <>
                <label class="nhsuk-label" for={path.clone()}>{ label }</label>
                { error_message(&path, err) }
                { control }
            </>
        },
    )
}

fn list_wrapper(f: &Field, err: Option<&Issue>, rows: Vec<Html>, add: Html) -> Html {
    with_attrs(
        html! {
            <div>
                <h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">{ f.label }</h2>
                { hint(f.id, f.hint) }
                { error_message(f.id, err) }
                { for rows }
                { add }
            </div>
        },
        &["class", "id"],
        vec![
            Some(class_list(&[group_class(err.is_some()), "app-rows"]).into()),
            Some(f.id.into()),
        ],
    )
}

fn remove_button(text: &'static str, n: usize, action: Action, ctx: &Ctx) -> Html {
    let onclick = click(ctx.dispatch, action, false);
    html! {
        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-remove" {onclick}>
            { "Remove" }<span class="nhsuk-u-visually-hidden">{ format!(" {text} {n}") }</span>
        </button>
    }
}

fn add_button(id: &'static str, text: &'static str, action: Action, ctx: &Ctx) -> Html {
    let onclick = click(ctx.dispatch, action, false);
    html! {
        <button type="button" id={id} class="nhsuk-button nhsuk-button--secondary" {onclick}>{ text }</button>
    }
}

fn milestones(f: &Field, err: Option<&Issue>, ctx: &Ctx) -> Html {
    let rows: Vec<Html> = ctx
        .answers
        .c
        .timescales
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let n = i + 1;
            let date_path = row_path(f.id, i, "date");
            let derr = ctx.error(&date_path);
            html! {
                <fieldset class="nhsuk-fieldset app-row" key={i}>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ format!("Milestone {n}") }</legend>
                    { row_text(row_path(f.id, i, "what"), catalogue::MILESTONE_WHAT, &m.what, false, ctx) }
                    { date_input(&date_path, catalogue::MILESTONE_DATE, Some("For example, 15 3 2026"), &m.date, derr, ctx, true) }
                    { remove_button("milestone", n, Action::RemoveMilestone(i), ctx) }
                </fieldset>
            }
        })
        .collect();
    let text = if rows.is_empty() {
        "Add a milestone"
    } else {
        "Add another milestone"
    };
    list_wrapper(
        f,
        err,
        rows,
        add_button("add-milestone", text, Action::AddMilestone, ctx),
    )
}

fn risks(f: &Field, err: Option<&Issue>, ctx: &Ctx) -> Html {
    let rows: Vec<Html> = ctx
        .answers
        .c
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let n = i + 1;
            html! {
                <fieldset class="nhsuk-fieldset app-row" key={i}>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ format!("Risk {n}") }</legend>
                    { row_text(row_path(f.id, i, "risk"), catalogue::RISK, &r.risk, true, ctx) }
                    { row_text(row_path(f.id, i, "action"), catalogue::RISK_ACTION, &r.action, true, ctx) }
                    { remove_button("risk", n, Action::RemoveRisk(i), ctx) }
                </fieldset>
            }
        })
        .collect();
    let text = if rows.is_empty() {
        "Add a risk"
    } else {
        "Add another risk"
    };
    list_wrapper(
        f,
        err,
        rows,
        add_button("add-risk", text, Action::AddRisk, ctx),
    )
}
