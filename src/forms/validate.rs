//! Validation: collect every problem in the answers, in the order a reader
//! meets the fields (catalogue order), so an error summary reads top to
//! bottom.
//!
//! Messages follow the NHS service manual ("Enter ...", "Select ...", "...
//! must be a real date"; never "please", "valid", "invalid" or "required";
//! no trailing full stop). Codes are stable snake_case; tools rely on the
//! code, the wording can improve:
//!
//! | code | severity | rule |
//! |---|---|---|
//! | `missing` | error | a required (or conditionally required) answer is missing |
//! | `none_and_options` | error | "None of these" ticked together with other options |
//! | `email_format` | error | an email address is not in the form name@example.com |
//! | `date_incomplete` | error | a date has some but not all of day, month and year |
//! | `date_not_real` | error | a date is not a real date (31/02, month 13, year 0000, letters), or its year is not written with 4 numbers ("25") |
//! | `date_in_future` | error | completion, sign-off or plan date after today |
//! | `signoff_before_completion` | error | sign-off dated before the form was completed |
//! | `opinion_contradicts_verdict` | warning | Step 2 opinion differs from the rules' verdict |
//! | `patient_matters_without_impact` | warning | patient matters ticked but both impacts answered No |
//! | `risk_missing` / `risk_action_missing` | error | a risk row has an action but no risk, or the reverse |
//! | `milestone_what_missing` / `milestone_date_missing` | error | a milestone row is half filled |
//! | `milestones_out_of_order` | warning | a milestone is dated before the one above it |
//! | `plan_expected` | warning | Appendix C expected but not started (path `c`) |
//!
//! Severity decisions:
//! * `plan_expected` is a warning. Appendix B Step 4(a) says "In due course,
//!   it may be appropriate to develop a full communications and engagement
//!   plan", and the form must be completed "at the start of the planning
//!   process", so a plan that does not exist yet must not block completing
//!   Appendix B. Appendix C's own fields are validated once the plan has been
//!   started (any heading answered): from then on a half-finished plan is
//!   reported field by field as errors.
//! * `milestones_out_of_order` is a warning: the dates themselves are right,
//!   only their order makes the plan harder to read; the user may list
//!   workstreams deliberately. Half-filled rows are errors because a
//!   milestone without a date (or a risk without an action) is no plan.
//! * `opinion_contradicts_verdict` is a warning: the guidance asks for the
//!   person's own opinion and reasons, which the app must record even when
//!   they differ from its reading; the warning asks them to check.

use crate::forms::access::{self, Value};
use crate::forms::catalogue::{self, Field, Kind, Required, Section};
use crate::forms::dates::{parse_date, DateProblem};
use crate::model::{Activity, Answers, DateInput, YesNo, Ymd};
use crate::rules::{self, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: where, a stable code, and the message shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Field path, e.g. `b.title` or `c.risks[1].action`; `c` for the plan
    /// as a whole.
    pub path: String,
    pub code: &'static str,
    pub message: String,
    pub severity: Severity,
}

impl Issue {
    fn error(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            code,
            message: message.into(),
            severity: Severity::Error,
        }
    }
    fn warning(path: impl Into<String>, code: &'static str, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            code,
            message: message.into(),
            severity: Severity::Warning,
        }
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    /// The section the issue belongs to (for a page's error summary).
    pub fn section(&self) -> Option<Section> {
        section_of_path(&self.path)
    }
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

/// The section a validation path belongs to; `c` is the plan.
pub fn section_of_path(path: &str) -> Option<Section> {
    if path == "c" {
        return Some(Section::PlanC);
    }
    catalogue::field_for_path(path).map(|f| f.section)
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }
    /// Complete means no errors (warnings do not block).
    pub fn is_complete(&self) -> bool {
        self.errors().next().is_none()
    }
    /// Issues on exactly this path (for the inline message of a field or row cell).
    pub fn for_path<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.path == path)
    }
    /// Issues on a field and its row cells (`c.risks` gives `c.risks[1].action` too).
    pub fn for_field<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| {
            i.path == id || (i.path.starts_with(id) && i.path[id.len()..].starts_with('['))
        })
    }
    /// The first error on exactly this path, if any: the inline error message.
    pub fn error_for(&self, path: &str) -> Option<&Issue> {
        self.issues.iter().find(|i| i.path == path && i.is_error())
    }
    /// The codes, in order (handy for tests and the CLI).
    pub fn codes(&self) -> Vec<&'static str> {
        self.issues.iter().map(|i| i.code).collect()
    }
}

/// Whether any Appendix C heading has been answered.
pub fn plan_started(a: &Answers) -> bool {
    catalogue::section_fields(Section::PlanC).any(|f| access::is_answered(a, f.id))
}

/// Whether a communications and engagement plan is expected, given the
/// rules' verdict: the duty applies and Step 4 says additional arrangements
/// are needed (Appendix B Step 4(a): "it may be appropriate to develop a full
/// communications and engagement plan (see appendix C)").
pub fn plan_expected(a: &Answers, verdict: Verdict) -> bool {
    a.b.additional_required == Some(YesNo::Yes) && verdict == Verdict::Applies
}

struct Ctx<'a> {
    a: &'a Answers,
    today: Ymd,
    verdict: Verdict,
    plan_started: bool,
    /// The duty does not apply (by the rules or in the person's opinion):
    /// Steps 3-5 are still asked for (Appendix B Step 2 note).
    duty_not_applying: bool,
}

/// The whole document validated against `today`, given the rules'
/// assessment of its screening (see [`crate::forms::derived`], which works
/// it out once): a question the rules still need is an error even
/// where the form would not otherwise ask for it (for example, whose
/// function it is, under a joint-working model the ruleset does not offer):
/// a decision the rules cannot reach never sits beside "complete".
pub fn validate_assessed(answers: &Answers, today: Ymd, assessment: &rules::Assessment) -> Report {
    let mut report = validate_verdict(answers, today, assessment.verdict);
    if assessment.verdict == Verdict::Undetermined {
        for id in &assessment.missing {
            // Only a question the person can see: one hidden by an earlier
            // answer is asked once that answer is given.
            let Some(f) = crate::forms::wording::field(&answers.screening, id) else {
                continue;
            };
            if !crate::forms::wording::is_asked(&answers.screening, id) || !is_live(answers, &f) {
                continue;
            }
            if report.error_for(id).is_none() {
                let missing = f.missing;
                report.issues.push(Issue::error(
                    *id,
                    "missing",
                    format!("{missing}: the rules need it to decide whether the duty applies"),
                ));
            }
        }
    }
    report
}

/// Every question's checks, given the rules' verdict.
fn validate_verdict(answers: &Answers, today: Ymd, verdict: Verdict) -> Report {
    let ctx = Ctx {
        a: answers,
        today,
        verdict,
        plan_started: plan_started(answers),
        duty_not_applying: matches!(verdict, Verdict::DoesNotApply | Verdict::NotRequiredYet)
            || answers.b.opinion == Some(YesNo::No),
    };
    let mut out = Vec::new();
    let mut plan_checked = false;
    for f in crate::forms::wording::fields(&answers.screening) {
        if f.section == Section::PlanC && !plan_checked {
            plan_checked = true;
            if !ctx.plan_started
                && verdict == Verdict::Applies
                && answers.b.additional_required == Some(YesNo::Yes)
            {
                out.push(Issue::warning(
                    "c",
                    "plan_expected",
                    "Complete the communications and engagement plan (Appendix C): the legal duty applies \
                     and you said additional arrangements for involvement are needed",
                ));
            }
        }
        check_field(&ctx, &f, &mut out);
    }
    Report { issues: out }
}

fn is_required(ctx: &Ctx, f: &Field) -> bool {
    match f.required {
        Required::Always => true,
        Required::Optional => false,
        Required::When(..) => is_live(ctx.a, f),
        Required::If(name) if name == catalogue::PLAN_CONDITION => ctx.plan_started,
        Required::If(name) => condition_holds(ctx.a, name),
    }
}

/// Whether a question applies given the other answers: a conditional reveal
/// ([`Required::When`]) whose controlling answer has the value (a radio
/// chosen, or a checkbox ticked), or a named condition ([`Required::If`])
/// that holds. Validation checks only live questions, and the pages show
/// only live questions (Appendix C's questions are all shown: answering one
/// starts the plan).
pub fn is_live(a: &Answers, f: &Field) -> bool {
    match f.required {
        // A reveal applies only while the question revealing it applies: a
        // chain (body → joint-working model → the model's own questions)
        // holds link by link, so an answer hidden by a changed earlier
        // answer is kept but neither asked for nor counted.
        // The revealing answer is a radio's choice or one of a checkbox
        // list's values (its "None" option included).
        Required::When(other, value) => {
            access::has_value(a, other, value)
                && catalogue::field(other).is_none_or(|parent| is_live(a, parent))
        }
        Required::If(name) if name == catalogue::PLAN_CONDITION => true,
        Required::If(name) => condition_holds(a, name),
        Required::Always | Required::Optional => {
            // An optional question with its own condition; otherwise one
            // that follows its section's: the scrutiny record's optional
            // questions go with the record.
            match catalogue::OPTIONAL_IF.iter().find(|(id, _)| *id == f.id) {
                Some((_, name)) => condition_holds(a, name),
                None => {
                    f.section != Section::Scrutiny
                        || condition_holds(a, catalogue::SCRUTINY_CONDITION)
                }
            }
        }
    }
}

/// A named condition of the catalogue ([`catalogue::PLAN_CONDITION`],
/// [`catalogue::SCRUTINY_CONDITION`], [`catalogue::CONSULTATION_CONDITION`],
/// [`catalogue::URGENT_SAFETY_CONDITION`]). Regulation 23(2) of SI 2013/218
/// decides between the last two, through the rules.
pub fn condition_holds(a: &Answers, name: &str) -> bool {
    let s = &a.screening;
    let substantial = s.substantial_variation == Some(YesNo::Yes);
    let urgent = rules::walk::urgent_on_safety_grounds(rules::law(s.ruleset), s);
    match name {
        catalogue::PLAN_CONDITION => plan_started(a),
        catalogue::SCRUTINY_CONDITION => substantial,
        catalogue::CONSULTATION_CONDITION => substantial && !urgent,
        catalogue::URGENT_SAFETY_CONDITION => substantial && urgent,
        _ => false,
    }
}

fn check_field(ctx: &Ctx, f: &Field, out: &mut Vec<Issue>) {
    // Appendix C is checked only once the plan has been started.
    if f.section == Section::PlanC && !ctx.plan_started {
        return;
    }
    let Some(value) = access::get(ctx.a, f.id) else {
        return;
    };
    let required = is_required(ctx, f);
    if required && !value.is_answered() {
        let steps_3_to_5 = matches!(
            f.section,
            Section::BStep3 | Section::BStep4 | Section::BStep5
        );
        let message = if steps_3_to_5 && ctx.duty_not_applying {
            format!(
                "{} (this form asks for steps 3, 4 and 5 even when the legal duty does not apply)",
                f.missing
            )
        } else {
            f.missing.to_string()
        };
        out.push(Issue::error(f.id, "missing", message));
    }
    // Answers to fields that are hidden (a reveal whose condition is not
    // met) are kept but not checked.
    if matches!(f.required, Required::When(..) | Required::If(..)) && !is_live(ctx.a, f) {
        return;
    }
    if f.section == Section::Scrutiny && !condition_holds(ctx.a, catalogue::SCRUTINY_CONDITION) {
        return;
    }
    match (&f.kind, &value) {
        (Kind::Checkboxes(..), Value::Multi { values, none }) if *none && !values.is_empty() => {
            out.push(Issue::error(
                f.id,
                "none_and_options",
                none_and_options_message(f.id),
            ));
        }
        (Kind::Email, Value::Text(t)) if !t.trim().is_empty() && !email_ok(t) => {
            out.push(Issue::error(f.id, "email_format", email_message(f.id)));
        }
        (Kind::Date, Value::Date(d)) => {
            check_date(ctx, f.id, date_name(f.id), d, !may_be_future(f.id), out)
        }
        (Kind::Milestones, Value::Milestones(_)) => check_milestones(ctx, out),
        (Kind::Risks, Value::Risks(_)) => check_risks(ctx, out),
        _ => {}
    }
    cross_checks(ctx, f, out);
}

fn none_and_options_message(id: &str) -> &'static str {
    match id {
        "screening.activities" => "Select the types of activity or 'None of these', not both",
        "screening.patient_matters" => {
            "Select the matters that could be affected or 'None of these', not both"
        }
        "screening.public_interest" => {
            "Select the circumstances that apply or 'None of these', not both"
        }
        _ => "Select the options that apply or 'None of these', not both",
    }
}

fn email_message(id: &str) -> &'static str {
    if id.starts_with("b.signoff") {
        "Enter the email address of the person signing off the form in the correct format, like name@nhs.net"
    } else {
        "Enter the email address of the person completing the form in the correct format, like name@nhs.net"
    }
}

/// A plain shape check (one @, something before it, a dotted domain, no
/// spaces): enough to catch typing slips without rejecting real addresses.
pub fn email_ok(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Dates that are planned rather than done: the local authority's
/// deadline for comments and the proposed decision date (regulation 23(4)).
fn may_be_future(id: &str) -> bool {
    matches!(id, "b.scrutiny.comments_date" | "b.scrutiny.decision_date")
}

fn date_name(id: &str) -> String {
    match id {
        "b.completed_by.date" => "Date completed".into(),
        "b.signoff.date" => "Date signed off".into(),
        "c.date_produced" => "Date produced".into(),
        other => catalogue::field(other)
            .map(|f| f.label)
            .unwrap_or("Date")
            .into(),
    }
}

/// Report a typed date that is incomplete, not real, or (when `past_only`)
/// after today. Blank dates are the caller's business (`missing`).
fn check_date(
    ctx: &Ctx,
    path: &str,
    name: String,
    d: &DateInput,
    past_only: bool,
    out: &mut Vec<Issue>,
) {
    match parse_date(d) {
        Ok(ymd) if past_only && ymd > ctx.today => {
            out.push(Issue::error(
                path,
                "date_in_future",
                format!("{name} must be today or in the past"),
            ));
        }
        Ok(_) | Err(DateProblem::Blank) => {}
        Err(DateProblem::Missing { day, month, year }) => {
            let parts: Vec<&str> = [(day, "day"), (month, "month"), (year, "year")]
                .into_iter()
                .filter(|p| p.0)
                .map(|p| p.1)
                .collect();
            let list = match parts.as_slice() {
                [one] => one.to_string(),
                [a, b] => format!("{a} and {b}"),
                _ => parts.join(", "),
            };
            out.push(Issue::error(
                path,
                "date_incomplete",
                format!("{name} must include a {list}"),
            ));
        }
        Err(DateProblem::YearNotFourDigits) => {
            out.push(Issue::error(
                path,
                "date_not_real",
                format!(
                    "{name} must include a year with 4 numbers, for example {}",
                    ctx.today.year
                ),
            ));
        }
        Err(DateProblem::NotReal) => {
            out.push(Issue::error(
                path,
                "date_not_real",
                format!("{name} must be a real date"),
            ));
        }
    }
}

fn check_milestones(ctx: &Ctx, out: &mut Vec<Issue>) {
    let mut previous: Option<(usize, Ymd)> = None;
    for (i, m) in ctx.a.c.timescales.iter().enumerate() {
        if m.is_blank() {
            continue;
        }
        let n = i + 1;
        if m.what.trim().is_empty() {
            out.push(Issue::error(
                access::row_path("c.timescales", i, "what"),
                "milestone_what_missing",
                format!("Enter what happens at milestone {n}"),
            ));
        }
        let date_path = access::row_path("c.timescales", i, "date");
        if m.date.is_blank() {
            out.push(Issue::error(
                &date_path,
                "milestone_date_missing",
                format!("Enter the date of milestone {n}"),
            ));
        }
        // Milestones are plans, so future dates are expected.
        check_date(
            ctx,
            &date_path,
            format!("Date of milestone {n}"),
            &m.date,
            false,
            out,
        );
        if let Ok(d) = parse_date(&m.date) {
            if let Some((pi, pd)) = previous {
                if d < pd {
                    out.push(Issue::warning(
                        &date_path,
                        "milestones_out_of_order",
                        format!("Milestone {n} is dated before milestone {}: put the milestones in date order", pi + 1),
                    ));
                }
            }
            previous = Some((i, d));
        }
    }
}

fn check_risks(ctx: &Ctx, out: &mut Vec<Issue>) {
    for (i, r) in ctx.a.c.risks.iter().enumerate() {
        let n = i + 1;
        match (r.risk.trim().is_empty(), r.action.trim().is_empty()) {
            (false, true) => out.push(Issue::error(
                access::row_path("c.risks", i, "action"),
                "risk_action_missing",
                format!("Enter the mitigating action for risk {n}"),
            )),
            (true, false) => out.push(Issue::error(
                access::row_path("c.risks", i, "risk"),
                "risk_missing",
                format!("Enter risk {n}, which the action mitigates"),
            )),
            _ => {}
        }
    }
}

/// Checks that compare answers, attached to the later of the fields involved.
fn cross_checks(ctx: &Ctx, f: &Field, out: &mut Vec<Issue>) {
    let a = ctx.a;
    let before = |x: &DateInput, y: &DateInput| matches!((parse_date(x), parse_date(y)), (Ok(x), Ok(y)) if x < y);
    let sc = &a.b.scrutiny;
    match f.id {
        // Overview and scrutiny (regulation 23 of SI 2013/218): its threshold
        // is higher than the duty to involve's, so a substantial variation
        // with no impact on services contradicts itself.
        "screening.substantial_variation"
            if a.screening.substantial_variation == Some(YesNo::Yes)
                && a.screening.impact_delivery == Some(YesNo::No)
                && a.screening.impact_range == Some(YesNo::No) =>
        {
            out.push(Issue::warning(
                f.id,
                "substantial_variation_without_impact",
                "You said this is a substantial development or variation, but also that there would be no impact on \
                 how services are delivered or on the range of services: check your answers",
            ));
        }
        // Regulation 23(4): comments are due before the decision, and both
        // after the proposal was put to the local authority.
        "b.scrutiny.comments_date" if before(&sc.comments_date, &sc.proposal_date) => out.push(Issue::warning(
            f.id,
            "date_order",
            "The date comments are due is before the date you put the proposal to the local authority: check the dates",
        )),
        "b.scrutiny.decision_date" if before(&sc.decision_date, &sc.comments_date) => out.push(Issue::warning(
            f.id,
            "date_order",
            "The proposed decision date is before the date the local authority's comments are due: check the dates",
        )),
        "b.scrutiny.notified_date" if before(&sc.notified_date, &sc.proposal_date) => out.push(Issue::warning(
            f.id,
            "date_order",
            "The Secretary of State was notified before the proposal was put to the local authority: check the dates",
        )),
        // Action 5 Step 3: matters from the patient's perspective are part of
        // the impact on services.
        "screening.patient_matters"
            if !a.screening.patient_matters.is_empty()
                && a.screening.impact_delivery == Some(YesNo::No)
                && a.screening.impact_range == Some(YesNo::No) =>
        {
            out.push(Issue::warning(
                f.id,
                "patient_matters_without_impact",
                "You selected matters that could be affected for patients but answered no to both impacts on \
                 services: check your answers about impact",
            ));
        }
        // Appendix B Step 2: "If you have answered yes to (a), (b) or (c), it
        // is highly likely that the legal duty to involve the public applies.
        // Note: the duty always applies to planning".
        "b.opinion" => match (a.b.opinion, ctx.verdict) {
            (Some(YesNo::No), Verdict::Applies) => {
                let message = if a.screening.activities.contains(&Activity::Planning) {
                    "You said the legal duty does not apply, but it always applies to planning of commissioning \
                     arrangements: check your answer or your screening answers"
                } else {
                    "You said the legal duty does not apply, but your screening answers show that it applies: \
                     check your answer or your screening answers"
                };
                out.push(Issue::warning(f.id, "opinion_contradicts_verdict", message));
            }
            (Some(YesNo::Yes), Verdict::DoesNotApply) => out.push(Issue::warning(
                f.id,
                "opinion_contradicts_verdict",
                "You said the legal duty applies, but your screening answers show that it does not apply: \
                 check your answer or your screening answers",
            )),
            _ => {}
        },
        "b.signoff.date" if a.b.signoff_applies == Some(YesNo::Yes) => {
            if let (Ok(done), Ok(signed)) = (parse_date(&a.b.completed_by.date), parse_date(&a.b.signoff.date)) {
                if signed < done && signed <= ctx.today {
                    out.push(Issue::error(
                        f.id,
                        "signoff_before_completion",
                        "Date signed off must be the same as or after the date completed",
                    ));
                }
            }
        }
        _ => {}
    }
}
