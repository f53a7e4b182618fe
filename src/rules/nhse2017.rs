//! Ruleset `nhse-2017`: NHS England, *Patient and public participation in
//! commissioning health and care: statutory guidance for CCGs and NHS
//! England* (2017), Action 5 and Appendix A.

use super::{Assessment, Ruleset, Verdict};
use crate::model::Screening;

pub const ID: &str = "nhse-2017";

pub struct Nhse2017;

impl Ruleset for Nhse2017 {
    fn id(&self) -> &'static str {
        ID
    }
    fn title(&self) -> &'static str {
        "NHS England statutory guidance 2017 (CCGs and NHS England)"
    }
    fn assess(&self, _s: &Screening) -> Assessment {
        Assessment { ruleset: ID, verdict: Verdict::Undetermined, duties: vec![], reasons: vec![], actions: vec![], missing: vec![] }
    }
}
