//! The plans of every year, as the regional administration adopted and changed them.

use crate::codec::decoded_set;
use crate::domain::Aggregate;
use crate::domain::plan::{Plan, PlanAggregate};
use antikor_migrations::Upcasters;
use antikor_shared::events::PlanEvent;
use antikor_shared::views::PlanView;
use antikor_shared::{RecordedEvent, ids::regional_tenant};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// A year's plan, when it was adopted and its stream's version.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Every year's plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanBook {
    plans: BTreeMap<i32, PlanEntry>,
}

impl PlanBook {
    /// Folds one event in. Plans belong to the regional administration: plan events of any
    /// other tenant are ignored.
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        if event.tenant != regional_tenant() {
            return;
        }
        let Some(e) = decoded_set::<PlanEvent>(upcasters, event) else {
            return;
        };
        if let PlanEvent::Adopted(adopted) = &e {
            let entry = PlanEntry {
                plan: PlanAggregate::apply(None, &e).expect("adoption makes a plan"),
                adopted_at: event.recorded_at,
                version: event.version,
            };
            self.plans.insert(adopted.year, entry);
            return;
        }
        if let Some(entry) = self.plans.get_mut(&e.year()) {
            let plan = std::mem::take(&mut entry.plan);
            entry.plan = PlanAggregate::apply(Some(plan), &e).expect("a plan stays a plan");
            entry.version = event.version;
        }
    }

    /// A year's plan.
    pub fn get(&self, year: i32) -> Option<&PlanEntry> {
        self.plans.get(&year)
    }

    /// The years that have a plan, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.plans.keys().copied().collect()
    }

    /// The newest year with a plan.
    pub fn latest_year(&self) -> Option<i32> {
        self.plans.keys().next_back().copied()
    }
}
