//! Screening as a series of question pages (the NHS service manual's
//! "question pages" and "one thing per page"), in the order of the
//! guidance's three-step test: whose activity it is (Appendix A), whether it
//! relates to commissioning (Action 5, Step 1), what type of activity it is
//! (Step 2), what impact it has (Step 3), then the special circumstances.
//!
//! This is presentation only. The answers keep their shape
//! ([`crate::model::Screening`]) and every saved file is read as before: a
//! page is a list of the catalogue's field ids, and whether it is shown is
//! whether any of its questions is asked ([`wording::is_asked`]) and live
//! ([`validate::is_live`], which follows reveals link by link), so the pages
//! branch exactly as the questions do and no page with nothing to ask is
//! shown.

use super::catalogue;
use super::validate::{self, Issue};
use super::wording;
use crate::model::Answers;

/// One screening question page.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    /// Its address under `#/screening/`.
    pub slug: &'static str,
    /// The page's heading.
    pub title: &'static str,
    /// The part of the three-step process it belongs to (the caption). A
    /// page with one question shows it above that question as the heading.
    pub part: &'static str,
    /// The questions on it, in the catalogue's order. A question revealed
    /// by another on the same page is shown inside it.
    pub fields: &'static [&'static str],
}

/// The pages, in the order they are asked. Every screening question of the
/// catalogue is on exactly one (a test checks).
pub static PAGES: &[Page] = &[
    Page {
        slug: "organisation",
        title: "Screen for the legal duty",
        part: "Whose duty it is",
        fields: &["screening.body"],
    },
    Page {
        slug: "joint-working",
        title: "Joint working",
        part: "Whose duty it is",
        fields: &[
            "screening.joint_model",
            "screening.joint_other_holders",
            "screening.lead_provider_trust",
            "screening.function_holder",
            "screening.respondent",
            "screening.partner_bodies",
        ],
    },
    Page {
        slug: "relates",
        title: "Step 1: does the activity relate to your responsibilities?",
        part: "The three-step test: step 1",
        fields: &["screening.relates_to_commissioning"],
    },
    Page {
        slug: "activity",
        title: "Step 2: what type of activity is it?",
        part: "The three-step test: step 2",
        fields: &["screening.activities"],
    },
    Page {
        slug: "impact",
        title: "Step 3: what impact will it have?",
        part: "The three-step test: step 3",
        fields: &[
            "screening.impact_delivery",
            "screening.impact_delivery_detail",
            "screening.impact_range",
            "screening.impact_range_detail",
            "screening.impact_other",
        ],
    },
    Page {
        slug: "patients",
        title: "Step 3: the impact on patients",
        part: "The three-step test: step 3",
        fields: &["screening.patient_matters"],
    },
    Page {
        slug: "special-administrator",
        title: "Trust special administration",
        part: "Special circumstances",
        fields: &["screening.trust_special_administrator"],
    },
    Page {
        slug: "urgency",
        title: "Urgency",
        part: "Special circumstances",
        fields: &[
            "screening.urgent",
            "screening.urgency_ground",
            "screening.urgency_justification",
        ],
    },
    Page {
        slug: "public-interest",
        title: "Public interest",
        part: "Special circumstances",
        fields: &["screening.public_interest"],
    },
    Page {
        slug: "substantial-variation",
        title: "Substantial development or variation",
        part: "Special circumstances",
        fields: &["screening.substantial_variation"],
    },
    Page {
        slug: "previous-involvement",
        title: "Previous involvement",
        part: "Special circumstances",
        fields: &["screening.previous_involvement"],
    },
    Page {
        slug: "previous-involvement-details",
        title: "About the previous involvement",
        part: "Special circumstances",
        fields: &[
            "screening.previous.summary",
            "screening.previous.same_proposal",
            "screening.previous.significant_changes",
            "screening.previous.still_relevant",
            "screening.previous.people_changed",
            "screening.previous.diversity_addressed",
            "screening.previous.new_information",
            "screening.previous.population_change",
        ],
    },
    Page {
        slug: "equality",
        title: "Equality impact",
        part: "Special circumstances",
        fields: &["screening.equality_need"],
    },
];

/// The address of the screening's own check-answers page, under `#/screening/`.
pub const CHECK_SLUG: &str = "check";

/// The page with this slug.
pub fn page(slug: &str) -> Option<usize> {
    PAGES.iter().position(|p| p.slug == slug)
}

/// The page a question (or a validation path inside it, such as a row) is on.
pub fn page_of(path: &str) -> Option<usize> {
    let id = catalogue::field_for_path(path).map_or(path, |f| f.id);
    PAGES.iter().position(|p| p.fields.contains(&id))
}

/// Whether two questions are on the same page (a reveal is shown inside
/// its controlling question only then). Questions outside screening are
/// each section's one page.
pub fn same_page(a: &str, b: &str) -> bool {
    page_of(a) == page_of(b)
}

/// Whether the page has anything to ask, given the answers: one of its
/// questions is asked under the screening's ruleset and applies.
pub fn applies(a: &Answers, page: usize) -> bool {
    PAGES[page].fields.iter().any(|id| {
        wording::is_asked(&a.screening, id)
            && catalogue::field(id).is_some_and(|f| validate::is_live(a, f))
    })
}

/// The next page that applies after `page`; `None` after the last, where
/// the screening's check page follows.
pub fn next(a: &Answers, page: usize) -> Option<usize> {
    (page + 1..PAGES.len()).find(|&p| applies(a, p))
}

/// The page that applies before `page`; `None` before the first.
pub fn previous(a: &Answers, page: usize) -> Option<usize> {
    (0..page).rev().find(|&p| applies(a, p))
}

/// The pages that apply, in order: what the check page lists.
pub fn pages(a: &Answers) -> impl Iterator<Item = usize> + '_ {
    (0..PAGES.len()).filter(move |&p| applies(a, p))
}

/// The problems found by validation that belong on `page`.
pub fn page_issues<'a>(page: usize, issues: &'a [Issue]) -> impl Iterator<Item = &'a Issue> + 'a {
    issues
        .iter()
        .filter(move |i| page_of(&i.path) == Some(page))
}

/// Where `#/screening` leads: the first page with an error among
/// `issues` (the screening's validation), so a person coming back carries on
/// where they stopped; the first page when nothing is answered; `None` (the
/// check page) when every page is done.
pub fn resume(a: &Answers, issues: &[Issue]) -> Option<usize> {
    pages(a).find(|&p| page_issues(p, issues).any(|i| i.is_error()))
}
