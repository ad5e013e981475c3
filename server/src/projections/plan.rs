//! The plans of every year, as the regional administration adopted and changed them.

use super::decoded;
use antikor_migrations::Upcasters;
use antikor_shared::plan::{MeasureAdded, MeasureUpdated, MeasureWithdrawn, PlanAdopted};
use antikor_shared::views::{MeasureView, PlanView};
use antikor_shared::{RecordedEvent, ids::regional_tenant};
use std::collections::BTreeMap;

/// A year's plan and its stream's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanState {
    /// What the plan pages show.
    pub view: PlanView,
    /// The version of the `plan-{year}` stream.
    pub version: u64,
}

/// Every year's plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanBook {
    plans: BTreeMap<i32, PlanState>,
}

impl PlanBook {
    /// Folds one event in. Plans belong to the regional administration: plan events of any
    /// other tenant are ignored.
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        if !event.event_type.starts_with("Plan") && !event.event_type.starts_with("Measure") {
            return;
        }
        if event.tenant != regional_tenant() {
            return;
        }
        match event.event_type.as_str() {
            "PlanAdopted" => {
                if let Some(e) = decoded::<PlanAdopted>(upcasters, event) {
                    let view = PlanView {
                        year: e.year,
                        title: e.title,
                        based_on: e.based_on,
                        adopted_at: event.recorded_at,
                        sections: e.sections,
                        measures: Vec::new(),
                    };
                    self.plans.insert(
                        e.year,
                        PlanState {
                            view,
                            version: event.version,
                        },
                    );
                }
            }
            "MeasureAdded" => {
                if let Some(e) = decoded::<MeasureAdded>(upcasters, event)
                    && let Some(plan) = self.plans.get_mut(&e.year)
                {
                    plan.view.measures.push(MeasureView {
                        measure: e.measure,
                        withdrawn: None,
                        revision: 1,
                    });
                    plan.version = event.version;
                }
            }
            "MeasureUpdated" => {
                if let Some(e) = decoded::<MeasureUpdated>(upcasters, event) {
                    self.change(e.year, &e.key, event.version, |m| {
                        let target = &mut m.measure;
                        if let Some(v) = e.text {
                            target.text = v;
                        }
                        if let Some(v) = e.deadline {
                            target.deadline = v;
                            target.deadline_in_source = v.label_bg();
                        }
                        if let Some(v) = e.responsible {
                            target.responsible = v;
                        }
                        if let Some(v) = e.indicator {
                            target.indicator = v;
                        }
                        if let Some(v) = e.expected_result {
                            target.expected_result = v;
                        }
                    });
                }
            }
            "MeasureWithdrawn" => {
                if let Some(e) = decoded::<MeasureWithdrawn>(upcasters, event) {
                    self.change(e.year, &e.key, event.version, |m| {
                        m.withdrawn = Some(e.reason);
                    });
                }
            }
            _ => {}
        }
    }

    fn change(&mut self, year: i32, key: &str, version: u64, edit: impl FnOnce(&mut MeasureView)) {
        if let Some(plan) = self.plans.get_mut(&year)
            && let Some(measure) = plan.view.measures.iter_mut().find(|m| m.measure.key == key)
        {
            edit(measure);
            measure.revision += 1;
            plan.version = version;
        }
    }

    /// A year's plan.
    pub fn get(&self, year: i32) -> Option<&PlanState> {
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
