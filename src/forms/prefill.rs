//! Start Appendix C from what Appendix B already says.
//!
//! Only blank headings are filled; anything the user typed is kept exactly.
//! Where a heading is filled from several answers they are joined with a
//! blank line, in form order, skipping blank ones.
//!
//! | Appendix C heading | filled from |
//! |---|---|
//! | Date produced | today |
//! | Project lead | name of person completing the form |
//! | Background | Step 1 title and description |
//! | Proposal/project information | Step 1 key objectives; Step 2 impact details |
//! | Methods of engagement/communication | Step 4(a) approach and 4(b) fair and proportionate |
//!
//! Not filled (issue 21): *Equality and accessibility* (Step 4(a) is already
//! in *Methods*; the same text twice is not a plan), and *Partner
//! organisations* (the bodies of a joint arrangement, which people list with
//! their own organisation in it, are not its partners).
//! | Evaluation | Step 5(c) ongoing impact |
//! | Feed back to those involved | Step 5(b) reporting back |

use crate::forms::dates::date_input;
use crate::model::{Answers, AppendixC, Ymd};

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn fill(slot: &mut String, value: String) {
    if slot.trim().is_empty() && !value.is_empty() {
        *slot = value;
    }
}

fn labelled(label: &str, text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("{label}: {}", text.trim())
    }
}

/// Appendix C with its blank headings filled from Appendix B (see the module
/// table). Never overwrites what the user typed.
pub fn prefill_c(a: &Answers, today: Ymd) -> AppendixC {
    let b = &a.b;
    let s = &a.screening;
    let mut c = a.c.clone();
    if c.date_produced.is_blank() {
        c.date_produced = date_input(today);
    }
    fill(&mut c.project_lead, b.completed_by.name.trim().to_string());
    fill(&mut c.background, join(&[&b.title, &b.description]));
    fill(
        &mut c.proposal,
        join(&[
            &b.objectives,
            &labelled(
                "Impact on how services are delivered",
                &s.impact_delivery_detail,
            ),
            &labelled(
                "Impact on the range of health services available",
                &s.impact_range_detail,
            ),
            &labelled("Other impact", &s.impact_other),
        ]),
    );
    fill(
        &mut c.methods,
        join(&[&b.additional_approach, &b.fair_and_proportionate]),
    );
    fill(&mut c.evaluation, b.ongoing_impact.trim().to_string());
    fill(&mut c.feedback, b.feedback.trim().to_string());
    c
}

/// The Appendix C field ids [`prefill_c`] would fill, in form order (for a
/// "We have filled in ... from Appendix B" message).
pub fn prefilled_fields(a: &Answers, today: Ymd) -> Vec<&'static str> {
    let mut after = a.clone();
    after.c = prefill_c(a, today);
    crate::forms::catalogue::section_fields(crate::forms::Section::PlanC)
        .filter(|f| crate::forms::access::get(a, f.id) != crate::forms::access::get(&after, f.id))
        .map(|f| f.id)
        .collect()
}
