//! The form as a ruleset words it: the catalogue ([`super::catalogue`], the
//! 2017 guidance's wording) with the ruleset's changes
//! ([`crate::rules::law::Law::wording`]) applied for the screening's ruleset
//! and organisation.
//!
//! Everything the UI, the print view, validation and the check-answers page
//! show of a question comes through here, so no 2022 page shows a 2017 word.
//! A ruleset with no changes (`nhse-2017`) gets the catalogue exactly.

use super::catalogue::{self, Field, Kind, Section};
use crate::model::Screening;
use crate::rules::law::{Audience, Part};
use crate::rules::{self, walk};

/// Whether the screening's organisation is a provider (an NHS trust), whose
/// questions speak of the services it provides.
pub fn audience(s: &Screening) -> Audience {
    if walk::is_provider(rules::law(s.ruleset), s) {
        Audience::Provider
    } else {
        Audience::Commissioner
    }
}

/// The ruleset's changes for one id, for this screening's audience.
fn parts<'a>(s: &'a Screening, id: &'a str) -> impl Iterator<Item = Part> + 'a {
    let who = audience(s);
    rules::law(s.ruleset)
        .wording
        .iter()
        .filter(move |w| w.id == id && (w.audience == Audience::Everyone || w.audience == who))
        .map(|w| w.part)
}

/// Whether the question is asked under the screening's ruleset.
pub fn is_asked(s: &Screening, id: &str) -> bool {
    if let Some(group) = catalogue::later_group(id) {
        if !rules::law(s.ruleset).later_fields.contains(&group) {
            return false;
        }
    }
    !parts(s, id).any(|p| p == Part::Hidden)
}

/// Whether a section has any question under the screening's ruleset (the
/// 2022 sections have none under 2017).
pub fn section_asked(s: &Screening, section: Section) -> bool {
    catalogue::section_fields(section).any(|f| is_asked(s, f.id))
}

/// A catalogue field as the screening's ruleset words it.
pub fn apply(s: &Screening, f: &Field) -> Field {
    let mut out = *f;
    for p in parts(s, f.id) {
        match p {
            Part::Label(t) => out.label = t,
            Part::Hint(t) => out.hint = Some(t),
            Part::NoHint => out.hint = None,
            Part::Missing(t) => out.missing = t,
            Part::Source(t) => out.source = t,
            Part::Optional => out.required = catalogue::Required::Optional,
            Part::Options(o) => {
                out.kind = match out.kind {
                    Kind::Radios(_) => Kind::Radios(o),
                    Kind::Checkboxes(_, none) => Kind::Checkboxes(o, none),
                    k => k,
                }
            }
            Part::OptionHint(..) | Part::Hidden | Part::Description(_) | Part::Heading(_) => {}
        }
    }
    out
}

/// Look a field up by id, worded for the screening; `None` for an unknown id.
pub fn field(s: &Screening, id: &str) -> Option<Field> {
    catalogue::field(id).map(|f| apply(s, f))
}

/// The field a validation path belongs to (`c.risks[1].action` belongs to `c.risks`), worded.
pub fn field_for_path(s: &Screening, path: &str) -> Option<Field> {
    catalogue::field_for_path(path).map(|f| apply(s, f))
}

/// Every field asked under the screening's ruleset, worded, in page order.
pub fn fields(s: &Screening) -> impl Iterator<Item = Field> + '_ {
    catalogue::fields()
        .iter()
        .filter(|f| is_asked(s, f.id))
        .map(|f| apply(s, f))
}

/// The fields of one section asked under the screening's ruleset, worded.
pub fn section_fields(s: &Screening, section: Section) -> impl Iterator<Item = Field> + '_ {
    catalogue::section_fields(section)
        .filter(|f| is_asked(s, f.id))
        .map(|f| apply(s, f))
}

/// The label of a stored option value, worded for the screening.
pub fn option_label(s: &Screening, field_id: &str, value: &str) -> Option<&'static str> {
    // A value the ruleset does not offer (a 2017 value in a 2022 file) keeps
    // its catalogue label, so that nothing stored is shown blank.
    catalogue::kind_label(field(s, field_id)?.kind, value)
        .or_else(|| catalogue::option_label(field_id, value))
}

/// The hint under one option, worded for the screening.
pub fn option_hint(s: &Screening, field_id: &str, value: &str) -> Option<&'static str> {
    let mut changed = false;
    for p in parts(s, field_id) {
        if let Part::OptionHint(v, h) = p {
            if v == value {
                return Some(h);
            }
            changed = true;
        }
        if let Part::Options(_) = p {
            changed = true;
        }
    }
    // A ruleset that rewords a field's options rewords their hints too.
    if changed {
        None
    } else {
        catalogue::option_hint(field_id, value)
    }
}

/// The sub-heading before a question, worded for the screening.
pub fn heading_before(s: &Screening, id: &str) -> Option<&'static str> {
    for p in parts(s, id) {
        if let Part::Heading(h) = p {
            return Some(h);
        }
    }
    catalogue::heading_before(id).filter(|_| is_asked(s, id))
}

/// A section's description, worded for the screening.
pub fn section_description(s: &Screening, section: Section) -> &'static str {
    for p in parts(s, section.slug()) {
        if let Part::Description(d) = p {
            return d;
        }
    }
    section.description()
}

/// A question's label made distinct within its section, for a link that
/// names it out of context ("Change ..." on the check pages): a revealed
/// question whose label another question of the section shares (Step 3's
/// two "Explain your answer and provide further details") is followed by
/// the question it belongs to, in brackets. Any other label as it is.
pub fn distinct_label(s: &Screening, f: &Field) -> String {
    let shared = catalogue::section_fields(f.section)
        .filter(|o| o.id != f.id && is_asked(s, o.id))
        .any(|o| apply(s, o).label == f.label);
    match f.shown_when().and_then(|(parent, _)| field(s, parent)) {
        Some(parent) if shared => format!("{} ({})", f.label, parent.label),
        _ => f.label.to_string(),
    }
}

/// `s` with its first letter a capital ("an integrated care board" ->
/// "An integrated care board"), for a label that begins a sentence or a
/// table cell. The crate's one such helper.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
