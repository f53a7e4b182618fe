//! The print view: Appendix B and Appendix C laid out like the official
//! forms (numbered steps, bordered boxes, question then answer), with the
//! verdict, reasons and diagram, the validation state, the ruleset and the
//! document digest. Hidden on screen; `www/print.css` shows only this.
//!
//! It leads with the record (issue 21): the activity's title, the decision
//! and whose duty, what is incomplete, then the answers; the reasons with
//! their sources, the guidance on what to do and the diagram come after.

use std::rc::Rc;

use yew::prelude::*;

use crate::forms::catalogue::Field;
use crate::forms::derived::Derived;
use crate::forms::wording;
use crate::forms::{Section, Severity};
use crate::model::{Answers, Ymd};
use crate::rules;
use crate::settings::Settings;

use super::decision::{decision, DecisionProps};
use super::fields::is_shown;
use super::pages::answer_lines;

/// What the print view shows: the answers and today's date, nothing else, so
/// Yew skips it (whole-document validation, rules, digest and a few hundred
/// nodes) on every render where they did not change (Save and continue,
/// focus, notices, page changes).
#[derive(Properties)]
pub struct PrintViewProps {
    pub answers: Rc<Answers>,
    /// What the answers imply, worked out once by the reducer.
    pub derived: Rc<Derived>,
    pub today: Ymd,
    /// The organisation's name and help contact are printed with the forms.
    pub settings: Rc<Settings>,
}

/// `derived` follows from the answers and the date, so they are what is compared.
impl PartialEq for PrintViewProps {
    fn eq(&self, o: &Self) -> bool {
        self.today == o.today
            && (Rc::ptr_eq(&self.answers, &o.answers) || self.answers == o.answers)
    }
}

struct State<'a> {
    answers: &'a Answers,
    today: Ymd,
}

fn qa(f: &Field, state: &State) -> Html {
    html! {
        <div class="app-print-qa">
            <p class="app-print-q">{ f.label }</p>
            <div class="app-print-a">{ answer_lines(state.answers, f.id) }</div>
        </div>
    }
}

fn section_box(s: Section, state: &State) -> Html {
    let fields = wording::section_fields(&state.answers.screening, s)
        .filter(|f| is_shown(f, state.answers))
        .map(|f| qa(&f, state));
    html! {
        <section class="app-print-box">
            <h3 class="app-print-step">{ s.title() }</h3>
            { for fields }
        </section>
    }
}

/// The boxes of Appendix B in the form's order (the screening sits under Step 1).
const APPENDIX_B: [Section; 9] = [
    Section::BStep1,
    Section::Screening,
    Section::BStep2,
    Section::BStep3,
    Section::BStep4,
    Section::BStep5,
    Section::Equality,
    Section::Scrutiny,
    Section::BSignOff,
];

#[function_component]
pub fn PrintView(p: &PrintViewProps) -> Html {
    let state = &State {
        answers: &p.answers,
        today: p.today,
    };
    let a = state.answers;
    let report = &p.derived.report;
    let assessment = &p.derived.assessment;
    let law = rules::law(a.screening.ruleset);
    let digest = super::doc::digest(a);
    let errors: Vec<_> = report.errors().collect();
    let warnings: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Warning)
        .collect();
    let label = |path: &str| {
        wording::field_for_path(&a.screening, path)
            .map(|f| f.section.title())
            .unwrap_or("")
    };
    html! {
        <div class="app-print-only" id="print-view">
            <p class="app-print-meta">{ "Involve \u{2013} printed " }{ format!("{:02}/{:02}/{}", state.today.day, state.today.month, state.today.year) }
                { " \u{2013} rules: " }{ law.short }{ " (" }{ law.id.id() }{ ")" }
                if !digest.is_empty() { { " \u{2013} document digest: " }<span class="app-digest">{ digest }</span> }
            </p>
            if p.settings.organisation_name.is_some() || p.settings.help_contact.is_some() {
                <p class="app-print-meta" id="print-organisation">
                    if let Some(name) = &p.settings.organisation_name { { "Organisation: " }{ name } }
                    if p.settings.organisation_name.is_some() && p.settings.help_contact.is_some() { { " \u{2013} " } }
                    if let Some(c) = &p.settings.help_contact { { "Help: " }{ c.text() } }
                </p>
            }
            <h2 class="app-print-record-title" id="print-title">{ if a.b.title.trim().is_empty() { "Untitled activity" } else { a.b.title.trim() } }</h2>
            <section class="app-print-box app-print-box--short app-print-verdict" id="print-verdict">
                <p class="app-verdict__label">{ "Decision under the " }{ law.short }</p>
                <h2 class="app-print-step">{ assessment.headline() }</h2>
                if !assessment.duties.is_empty() {
                    <ul>{ for assessment.duties.iter().map(|d| html! { <li>{ "Duty of " }{ d.holder.name() }{ " under " }<strong>{ d.holder.section() }{ d.holder.limb_label(d.limb) }</strong></li> }) }</ul>
                }
                <p>{ "The reasons, what you must do and the diagram of the route follow the answers." }</p>
            </section>
            <section class="app-print-box app-print-validation">
                <h2 class="app-print-step">{ "Completeness" }</h2>
                if errors.is_empty() {
                    <p>{ "All required answers are given." }</p>
                } else {
                    <p>{ format!("Not complete: {} problem{} to fix.", errors.len(), if errors.len() == 1 { "" } else { "s" }) }</p>
                    <ul>{ for errors.iter().map(|i| html! { <li>{ label(&i.path) }{ ": " }{ &i.message }</li> }) }</ul>
                }
                if !warnings.is_empty() {
                    <p>{ "To check:" }</p>
                    <ul>{ for warnings.iter().map(|i| html! { <li>{ &i.message }</li> }) }</ul>
                }
            </section>
            <h2 class="app-print-title">{ "Appendix B: Patient and public participation assessment and planning form" }</h2>
            { for APPENDIX_B.iter().filter(|s| crate::forms::progress::applies(state.answers, **s)).map(|s| section_box(*s, state)) }
            <div class="app-print-appendix-c">
                <h2 class="app-print-title">{ "Appendix C: Communications and engagement plan" }</h2>
                { for wording::section_fields(&a.screening, Section::PlanC).filter(|f| is_shown(f, a)).map(|f| html! {
                    <section class="app-print-box app-print-box--short">{ qa(&f, state) }</section>
                }) }
            </div>
            // The reasons with their sources, the guidance on what to do,
            // and the diagram: after the record, not before it.
            <section class="app-print-box app-print-decision">
                <h2 class="app-print-title">{ "How the decision was made" }</h2>
                { decision(&DecisionProps { assessment, screening: &a.screening, id: "print".into(), level: 2, on_missing: None }) }
            </section>
        </div>
    }
}
