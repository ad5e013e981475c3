//! The plans of every province and year, as its regional administration adopted and changed
//! them.

use crate::domain::Aggregate;
use crate::domain::plan::{Plan, PlanAggregate};
use antikor_shared::events::PlanEvent;
use antikor_shared::views::PlanView;
use antikor_shared::{EventHeader, ProvinceCode};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// A year's plan, when it was adopted and its stream's version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanEntry {
    /// The plan, folded by the aggregate's own `apply`.
    pub plan: Plan,
    /// When it was adopted.
    pub adopted_at: DateTime<Utc>,
    /// The version of the `plan-{year}` stream.
    pub version: u64,
}

impl PlanEntry {
    /// What the plan pages show.
    pub fn view(&self) -> PlanView {
        self.plan.view(self.adopted_at)
    }
}

/// Every province's plan of every year.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlanBook {
    plans: BTreeMap<(ProvinceCode, i32), PlanEntry>,
}

impl PlanBook {
    /// Folds one event in. A plan belongs to the province of the regional administration that
    /// keeps it (`keeper`: the province, when the event's tenant is one); plan events of any
    /// other tenant are ignored.
    pub fn apply(&mut self, event: &EventHeader, e: PlanEvent, keeper: Option<&ProvinceCode>) {
        let Some(province) = keeper else {
            return;
        };
        if let PlanEvent::Adopted(adopted) = &e {
            let entry = PlanEntry {
                plan: PlanAggregate::apply(None, &e).expect("adoption makes a plan"),
                adopted_at: event.recorded_at,
                version: event.version,
            };
            self.plans.insert((province.clone(), adopted.year), entry);
            return;
        }
        if let Some(entry) = self.plans.get_mut(&(province.clone(), e.year())) {
            let plan = std::mem::take(&mut entry.plan);
            entry.plan = PlanAggregate::apply(Some(plan), &e).expect("a plan stays a plan");
            entry.version = event.version;
        }
    }

    /// A province's plan of a year.
    pub fn get(&self, province: &ProvinceCode, year: i32) -> Option<&PlanEntry> {
        self.plans.get(&(province.clone(), year))
    }

    /// The years a province has a plan for, ascending.
    pub fn years(&self, province: &ProvinceCode) -> Vec<i32> {
        self.of(province).map(|(year, _)| year).collect()
    }

    /// A province's newest year with a plan.
    pub fn latest_year(&self, province: &ProvinceCode) -> Option<i32> {
        self.of(province).map(|(year, _)| year).next_back()
    }

    /// The provinces that have a plan, ascending.
    pub fn provinces(&self) -> Vec<&ProvinceCode> {
        let mut provinces: Vec<&ProvinceCode> = self.plans.keys().map(|(p, _)| p).collect();
        provinces.dedup();
        provinces
    }

    fn of<'a>(
        &'a self,
        province: &'a ProvinceCode,
    ) -> impl DoubleEndedIterator<Item = (i32, &'a PlanEntry)> + 'a {
        self.plans
            .range((province.clone(), i32::MIN)..=(province.clone(), i32::MAX))
            .map(|((_, year), entry)| (*year, entry))
    }
}
