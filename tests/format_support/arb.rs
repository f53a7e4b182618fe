//! Proptest strategies for arbitrary answers, shared by the property tests
//! (tests/format_props.rs, tests/validate_props.rs). Each test brings its own
//! text and date strategies and list lengths, so that it keeps its own input
//! distribution; the shape of the answers (every field of the model) is
//! written once, here.

use super::{
    all_activities, all_bodies, all_holders, all_joint_models, all_patient_matters,
    all_public_interest, all_rulesets, all_urgency_grounds, all_yes_no,
};
use involve::model::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Strings of up to `max - 1` characters drawn from the given inclusive
/// ranges of code points. (Built from characters rather than regexes: much
/// faster to generate in debug builds.)
pub fn chars_in(ranges: &'static [(u32, u32)], max: usize) -> BoxedStrategy<String> {
    let ch = prop::sample::select(ranges.to_vec())
        .prop_flat_map(|(lo, hi)| (lo..=hi).prop_filter_map("a char", char::from_u32));
    vec(ch, 0..max).prop_map(String::from_iter).boxed()
}

/// Any answer to a yes/no question, or none.
pub fn yn() -> impl Strategy<Value = Option<YesNo>> {
    option::of(prop::sample::select(all_yes_no()))
}

/// Any ruleset. Any organisation and joint-working value goes with any
/// ruleset, as in a file someone else wrote: the model and the format keep
/// whatever they are given.
pub fn ruleset() -> impl Strategy<Value = RulesetId> {
    prop::sample::select(all_rulesets())
}

/// Arbitrary answers built from a test's own text and date strategies.
#[derive(Clone, Copy)]
pub struct Arb {
    /// Every text answer.
    pub text: fn() -> BoxedStrategy<String>,
    /// Every date answer (sign-off dates, date produced, milestones).
    pub date: fn() -> BoxedStrategy<DateInput>,
    /// Checkbox answers hold fewer than this many choices.
    pub choices: usize,
    /// Milestones and risks have fewer than this many rows.
    pub rows: usize,
}

impl Arb {
    /// Checkbox answers: any order, repeats allowed (the model is a Vec and
    /// must round-trip as one).
    pub fn several<T: Clone + std::fmt::Debug + 'static>(
        &self,
        all: Vec<T>,
    ) -> impl Strategy<Value = Vec<T>> {
        vec(prop::sample::select(all), 0..self.choices)
    }

    pub fn person(&self) -> BoxedStrategy<Person> {
        let text = self.text;
        (text(), text(), text(), text(), (self.date)())
            .prop_map(|(name, job_title, email, team, date)| Person {
                name,
                job_title,
                email,
                team,
                date,
            })
            .boxed()
    }

    pub fn previous(&self) -> BoxedStrategy<PreviousReview> {
        ((self.text)(), yn(), yn(), yn(), yn(), yn(), yn(), yn())
            .prop_map(|(summary, a, b, c, d, e, f, g)| PreviousReview {
                summary,
                same_proposal: a,
                significant_changes: b,
                still_relevant: c,
                people_changed: d,
                diversity_addressed: e,
                new_information: f,
                population_change: g,
            })
            .boxed()
    }

    pub fn screening(&self) -> BoxedStrategy<Screening> {
        let text = self.text;
        let part1 = (
            option::of(prop::sample::select(all_bodies())),
            option::of(prop::sample::select(all_joint_models())),
            option::of(prop::sample::select(all_holders())),
            text(),
            yn(),
            self.several(all_activities()),
            any::<bool>(),
            yn(),
            text(),
            yn(),
            text(),
            text(),
        );
        let part2 = (
            self.several(all_patient_matters()),
            any::<bool>(),
            yn(),
            yn(),
            option::of(prop::sample::select(all_urgency_grounds())),
            text(),
            self.several(all_public_interest()),
            any::<bool>(),
            yn(),
            yn(),
            self.previous(),
            yn(),
        );
        let part3 = (
            option::of(prop::sample::select(all_holders())),
            self.several(all_holders()),
            any::<bool>(),
            yn(),
        );
        (part1, part2, part3, ruleset())
            .prop_map(|(p1, p2, p3, ruleset)| Screening {
                // Stored beside the answers in a document (its top-level
                // `ruleset`), and set from it on import.
                ruleset,
                body: p1.0,
                joint_model: p1.1,
                function_holder: p1.2,
                partner_bodies: p1.3,
                respondent: p3.0,
                joint_other_holders: p3.1,
                no_joint_other_holders: p3.2,
                lead_provider_trust: p3.3,
                relates_to_commissioning: p1.4,
                activities: p1.5,
                no_activity_type: p1.6,
                impact_delivery: p1.7,
                impact_delivery_detail: p1.8,
                impact_range: p1.9,
                impact_range_detail: p1.10,
                impact_other: p1.11,
                patient_matters: p2.0,
                no_patient_matters: p2.1,
                trust_special_administrator: p2.2,
                urgent: p2.3,
                urgency_ground: p2.4,
                urgency_justification: p2.5,
                public_interest: p2.6,
                no_public_interest: p2.7,
                substantial_variation: p2.8,
                previous_involvement: p2.9,
                previous: p2.10,
                equality_need: p2.11,
            })
            .boxed()
    }

    pub fn appendix_b(&self) -> BoxedStrategy<AppendixB> {
        let text = self.text;
        let p1 = (
            text(),
            text(),
            text(),
            text(),
            yn(),
            text(),
            text(),
            text(),
            yn(),
            text(),
        );
        let p2 = (
            text(),
            text(),
            text(),
            text(),
            self.person(),
            yn(),
            self.person(),
        );
        let (date, p3) = (self.date, (text(), text(), text(), text()));
        let p4 = (
            (text(), date(), date(), date()),
            (yn(), date(), text(), date(), text()),
        );
        (p1, p2, p3, p4)
            .prop_map(|(a, b, e, (s1, s2))| AppendixB {
                location: a.0,
                title: a.1,
                description: a.2,
                objectives: a.3,
                opinion: a.4,
                opinion_reason: a.5,
                existing_arrangements: a.6,
                insight_use: a.7,
                additional_required: a.8,
                additional_approach: a.9,
                fair_and_proportionate: b.0,
                impact_use: b.1,
                feedback: b.2,
                ongoing_impact: b.3,
                completed_by: b.4,
                signoff_applies: b.5,
                signoff: b.6,
                equality: EqualityRecord {
                    groups: e.0,
                    evidence: e.1,
                    due_regard: e.2,
                    inequalities: e.3,
                },
                scrutiny: ScrutinyRecord {
                    committee: s1.0,
                    proposal_date: s1.1,
                    comments_date: s1.2,
                    decision_date: s1.3,
                    notifiable: s2.0,
                    notified_date: s2.1,
                    call_in: s2.2,
                    urgent_told_date: s2.3,
                    urgent_reason: s2.4,
                },
            })
            .boxed()
    }

    pub fn appendix_c(&self) -> BoxedStrategy<AppendixC> {
        let (text, date) = (self.text, self.date);
        let p1 = (
            date(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
        );
        let rows = (
            vec(
                (text(), date()).prop_map(|(what, date)| Milestone { what, date }),
                0..self.rows,
            ),
            vec(
                (text(), text()).prop_map(|(risk, action)| Risk { risk, action }),
                0..self.rows,
            ),
        );
        let p2 = (text(), text(), text(), text(), text());
        let p3 = (
            (text(), text(), text(), text(), text()),
            (text(), text(), text(), text(), text()),
        );
        (p1, rows, p2, p3)
            .prop_map(|(a, (timescales, risks), b, (q, r))| AppendixC {
                date_produced: a.0,
                project_lead: a.1,
                background: a.2,
                proposal: a.3,
                key_messages: a.4,
                target_audiences: a.5,
                objectives: a.6,
                budget: a.7,
                methods: a.8,
                timescales,
                equality: b.0,
                partners: b.1,
                key_contacts: b.2,
                risks,
                evaluation: b.3,
                feedback: b.4,
                principles: Principles {
                    voices: q.0,
                    early: q.1,
                    understand: q.2,
                    excluded: q.3,
                    partners: q.4,
                    information: r.0,
                    community: r.1,
                    coproduction: r.2,
                    redesign: r.3,
                    learn: r.4,
                },
            })
            .boxed()
    }

    /// Every part arbitrary.
    pub fn answers(&self) -> BoxedStrategy<Answers> {
        (self.screening(), self.appendix_b(), self.appendix_c())
            .prop_map(|(screening, b, c)| Answers { screening, b, c })
            .boxed()
    }
}
