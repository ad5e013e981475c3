//! What each tenant reported and recorded: progress on measures, activities, expert contacts.

use super::decoded;
use antikor_migrations::Upcasters;
use antikor_shared::activity::{
    ActContested, Activity, ActivityCorrected, ContestedActFollowedUp, DeclarationsChecked,
    ExpertContact, ExpertContactsUpdated, MediaActivityCarriedOut, MeetingHeld, TrainingHeld,
};
use antikor_shared::progress::ProgressReported;
use antikor_shared::views::{ActivityRecord, Correction, ProgressStatus};
use antikor_shared::{RecordedEvent, TenantId};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The stream prefix of activities: `activity-{id}`.
pub const ACTIVITY_STREAM_PREFIX: &str = "activity-";

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

fn new_activity(upcasters: &Upcasters, event: &RecordedEvent) -> Option<Activity> {
    Some(match event.event_type.as_str() {
        "MeetingHeld" => Activity::Meeting(decoded::<MeetingHeld>(upcasters, event)?),
        "TrainingHeld" => Activity::Training(decoded::<TrainingHeld>(upcasters, event)?),
        "MediaActivityCarriedOut" => {
            Activity::Media(decoded::<MediaActivityCarriedOut>(upcasters, event)?)
        }
        "DeclarationsChecked" => {
            Activity::DeclarationCheck(decoded::<DeclarationsChecked>(upcasters, event)?)
        }
        "ActContested" => Activity::ContestedAct(decoded::<ActContested>(upcasters, event)?),
        _ => return None,
    })
}

/// The activity id in an `activity-{id}` stream name.
pub fn activity_id(event: &RecordedEvent) -> Option<Uuid> {
    event
        .stream
        .as_str()
        .strip_prefix(ACTIVITY_STREAM_PREFIX)?
        .parse()
        .ok()
}

impl WorkBook {
    /// Folds one event in.
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        match event.event_type.as_str() {
            "ProgressReported" => {
                if let Some(e) = decoded::<ProgressReported>(upcasters, event) {
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
            "ExpertContactsUpdated" => {
                if let Some(e) = decoded::<ExpertContactsUpdated>(upcasters, event) {
                    self.tenant(&event.tenant).contacts = Some((e.contacts, event.recorded_at));
                }
            }
            "ActivityCorrected" => {
                if let Some(e) = decoded::<ActivityCorrected>(upcasters, event) {
                    self.change(event, e.reason, |activity| {
                        if activity.kind() == e.activity.kind() {
                            *activity = e.activity;
                        }
                    });
                }
            }
            "ContestedActFollowedUp" => {
                if let Some(e) = decoded::<ContestedActFollowedUp>(upcasters, event) {
                    let reason = "Последващи действия по оспорения акт".to_owned();
                    self.change(event, reason, |activity| {
                        if let Activity::ContestedAct(act) = activity {
                            follow_up(act, e);
                        }
                    });
                }
            }
            _ => {
                if let Some(activity) = new_activity(upcasters, event)
                    && let Some(id) = activity_id(event)
                {
                    let record = ActivityRecord {
                        id,
                        tenant: event.tenant.clone(),
                        activity,
                        recorded_at: event.recorded_at,
                        recorded_by: event.actor.clone(),
                        corrections: Vec::new(),
                        version: event.version,
                    };
                    self.tenant(&event.tenant).activities.insert(id, record);
                }
            }
        }
    }

    fn tenant(&mut self, tenant: &TenantId) -> &mut TenantWork {
        if !self.tenants.contains_key(tenant) {
            self.tenants.insert(tenant.clone(), TenantWork::default());
        }
        self.tenants.get_mut(tenant).expect("inserted above")
    }

    fn change(&mut self, event: &RecordedEvent, reason: String, edit: impl FnOnce(&mut Activity)) {
        let Some(id) = activity_id(event) else { return };
        if let Some(record) = self.tenant(&event.tenant).activities.get_mut(&id) {
            edit(&mut record.activity);
            record.corrections.push(Correction {
                at: event.recorded_at,
                by: event.actor.clone(),
                reason,
            });
            record.version = event.version;
        }
    }

    /// One tenant's work (empty when it has none).
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantWork> {
        self.tenants.get(tenant)
    }
}

fn follow_up(act: &mut ActContested, e: ContestedActFollowedUp) {
    if e.council_revote.is_some() {
        act.council_revote = e.council_revote;
    }
    if e.court_case.is_some() {
        act.court_case = e.court_case;
    }
    if e.court_outcome.is_some() {
        act.court_outcome = e.court_outcome;
    }
    if e.published_on.is_some() {
        act.published_on = e.published_on;
    }
}
