//! What each tenant reported and recorded: progress on measures, activities, expert contacts.

use crate::codec::decoded_set;
use crate::domain::Aggregate;
use crate::domain::activities::{ActivityAggregate, amend};
use antikor_migrations::Upcasters;
use antikor_shared::activity::ExpertContact;
use antikor_shared::events::{ActivityEvent, ContactsEvent, EventSet, EventType, ProgressEvent};
use antikor_shared::views::{ActivityRecord, Correction, ProgressStatus};
use antikor_shared::{RecordedEvent, TenantId};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use uuid::Uuid;

/// One tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TenantWork {
    /// The newest report per (year, measure key).
    pub progress: BTreeMap<(i32, String), ProgressStatus>,
    /// Activities by id.
    pub activities: BTreeMap<Uuid, ActivityRecord>,
    /// The expert contact list and when it was last updated.
    pub contacts: Option<(Vec<ExpertContact>, DateTime<Utc>)>,
}

/// Every tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkBook {
    tenants: BTreeMap<TenantId, TenantWork>,
}

impl WorkBook {
    /// Folds one event in.
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        // One look at the type's name: a replay passes here for every event of the log.
        let Some(event_type) = EventType::parse(&event.event_type) else {
            return;
        };
        if ProgressEvent::TYPES.contains(&event_type) {
            let Some(e) = decoded_set::<ProgressEvent>(upcasters, event) else {
                return;
            };
            match e {
                ProgressEvent::Reported(e) => {
                    let status = ProgressStatus {
                        level: e.level,
                        note: e.note,
                        evidence: e.evidence,
                        reported_for: e.reported_for,
                        reported_at: event.recorded_at,
                        reported_by: event.actor.clone(),
                        version: event.version,
                    };
                    self.tenant(&event.tenant)
                        .progress
                        .insert((e.year, e.measure), status);
                }
            }
        } else if ContactsEvent::TYPES.contains(&event_type) {
            let Some(e) = decoded_set::<ContactsEvent>(upcasters, event) else {
                return;
            };
            match e {
                ContactsEvent::Updated(e) => {
                    self.tenant(&event.tenant).contacts = Some((e.contacts, event.recorded_at));
                }
            }
        } else if ActivityEvent::TYPES.contains(&event_type) {
            self.apply_activity(upcasters, event);
        }
    }

    /// Folds in an event of an activity's stream, with the aggregate's own `apply`.
    fn apply_activity(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        let Some(id) = crate::streams::activity_id(&event.stream) else {
            return;
        };
        let Some(e) = decoded_set::<ActivityEvent>(upcasters, event) else {
            return;
        };
        let activities = &mut self.tenant(&event.tenant).activities;
        let Some(record) = activities.get_mut(&id) else {
            if let Some(activity) = ActivityAggregate::apply(None, &e) {
                let record = ActivityRecord {
                    id,
                    tenant: event.tenant.clone(),
                    activity,
                    recorded_at: event.recorded_at,
                    recorded_by: event.actor.clone(),
                    corrections: Vec::new(),
                    version: event.version,
                };
                activities.insert(id, record);
            }
            return;
        };
        let reason = match &e {
            ActivityEvent::Corrected(c) => c.reason.clone(),
            ActivityEvent::FollowedUp(_) => "Последващи действия по оспорения акт".to_owned(),
            _ => return,
        };
        amend(&mut record.activity, &e);
        record.corrections.push(Correction {
            at: event.recorded_at,
            by: event.actor.clone(),
            reason,
        });
        record.version = event.version;
    }

    fn tenant(&mut self, tenant: &TenantId) -> &mut TenantWork {
        if !self.tenants.contains_key(tenant) {
            self.tenants.insert(tenant.clone(), TenantWork::default());
        }
        self.tenants.get_mut(tenant).expect("inserted above")
    }

    /// One tenant's work (empty when it has none).
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantWork> {
        self.tenants.get(tenant)
    }
}
