//! What each tenant reported and recorded: progress on measures, activities, expert contacts.

use crate::codec::decoded_set;
use crate::domain::Aggregate;
use crate::domain::activities::{ActivityAggregate, amend};
use antikor_migrations::Upcasters;
use antikor_shared::activity::{Activity, ActivityKind, ExpertContact};
use antikor_shared::events::{ActivityEvent, ContactsEvent, EventSet, EventType, ProgressEvent};
use antikor_shared::views::{ActivityRecord, Correction, ProgressStatus};
use antikor_shared::{RecordedEvent, TenantId};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// One tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TenantWork {
    /// The newest report per (year, measure key).
    pub progress: BTreeMap<(i32, String), ProgressStatus>,
    /// Activities by id.
    pub activities: BTreeMap<Uuid, ActivityRecord>,
    /// How many activities each year has of each kind, counted as they are recorded and
    /// corrected: dashboards and the region view read these, not every activity.
    activity_counts: BTreeMap<(i32, ActivityKind), u32>,
    /// The expert contact list and when it was last updated.
    pub contacts: Option<(Vec<ExpertContact>, DateTime<Utc>)>,
}

/// Every tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkBook {
    tenants: BTreeMap<TenantId, TenantWork>,
    /// What every visitor may see (public meetings, contested acts), by kind, newest first:
    /// the public lists cost what they return, not what all tenants ever recorded.
    public: BTreeMap<ActivityKind, BTreeSet<PublicEntry>>,
}

/// A public activity's place in its list: newest first, then by tenant and id.
type PublicEntry = (Reverse<NaiveDate>, TenantId, Uuid);

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
        let work = tenant_work(&mut self.tenants, &event.tenant);
        let Some(record) = work.activities.get_mut(&id) else {
            if let Some(activity) = ActivityAggregate::apply(None, &e) {
                count(&mut work.activity_counts, counted_as(&activity), 1);
                list(&mut self.public, &event.tenant, id, &activity, true);
                let record = ActivityRecord {
                    id,
                    tenant: event.tenant.clone(),
                    activity,
                    recorded_at: event.recorded_at,
                    recorded_by: event.actor.clone(),
                    corrections: Vec::new(),
                    version: event.version,
                };
                work.activities.insert(id, record);
            }
            return;
        };
        let reason = match &e {
            ActivityEvent::Corrected(c) => c.reason.clone(),
            ActivityEvent::FollowedUp(_) => "Последващи действия по оспорения акт".to_owned(),
            _ => return,
        };
        let before = record.activity.clone();
        amend(&mut record.activity, &e);
        let after = &record.activity;
        if counted_as(&before) != counted_as(after) {
            count(&mut work.activity_counts, counted_as(&before), -1);
            count(&mut work.activity_counts, counted_as(after), 1);
        }
        if listed_as(&before) != listed_as(after) {
            list(&mut self.public, &event.tenant, id, &before, false);
            list(&mut self.public, &event.tenant, id, after, true);
        }
        record.corrections.push(Correction {
            at: event.recorded_at,
            by: event.actor.clone(),
            reason,
        });
        record.version = event.version;
    }

    fn tenant(&mut self, tenant: &TenantId) -> &mut TenantWork {
        tenant_work(&mut self.tenants, tenant)
    }

    /// One tenant's work (`None` when it has none).
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantWork> {
        self.tenants.get(tenant)
    }

    /// The public activities of `kind` (of one year, or all), newest first.
    pub fn public(
        &self,
        kind: ActivityKind,
        year: Option<i32>,
    ) -> impl Iterator<Item = &ActivityRecord> {
        self.public
            .get(&kind)
            .into_iter()
            .flatten()
            .skip_while(move |(date, ..)| year.is_some_and(|y| date.0.year() > y))
            .take_while(move |(date, ..)| year.is_none_or(|y| date.0.year() == y))
            .filter_map(|(_, tenant, id)| self.tenants.get(tenant)?.activities.get(id))
    }
}

fn tenant_work<'a>(
    tenants: &'a mut BTreeMap<TenantId, TenantWork>,
    tenant: &TenantId,
) -> &'a mut TenantWork {
    if !tenants.contains_key(tenant) {
        tenants.insert(tenant.clone(), TenantWork::default());
    }
    tenants.get_mut(tenant).expect("inserted above")
}

/// Where a public activity is listed (its kind and date); `None` for one that is not public.
fn listed_as(activity: &Activity) -> Option<(ActivityKind, NaiveDate)> {
    let public = match activity {
        Activity::Meeting(m) => m.public,
        Activity::ContestedAct(_) => true,
        _ => false,
    };
    public.then(|| (activity.kind(), activity.date()))
}

/// Adds a public activity to its list (`add`), or takes it off.
fn list(
    public: &mut BTreeMap<ActivityKind, BTreeSet<PublicEntry>>,
    tenant: &TenantId,
    id: Uuid,
    activity: &Activity,
    add: bool,
) {
    let Some((kind, date)) = listed_as(activity) else {
        return;
    };
    let entry = (Reverse(date), tenant.clone(), id);
    let entries = public.entry(kind).or_default();
    if add {
        entries.insert(entry);
    } else {
        entries.remove(&entry);
        if entries.is_empty() {
            public.remove(&kind);
        }
    }
}

/// What an activity is counted under: its year and kind.
fn counted_as(activity: &Activity) -> (i32, ActivityKind) {
    (activity.date().year(), activity.kind())
}

impl TenantWork {
    /// How many activities of `kind` the tenant has in `year`.
    pub fn activity_count(&self, year: i32, kind: ActivityKind) -> u32 {
        self.activity_counts
            .get(&(year, kind))
            .copied()
            .unwrap_or(0)
    }
}

/// Adds `change` to the count under `key` (a count that reaches 0 is removed, so that the
/// state of a fold does not depend on corrections made and undone).
fn count(counts: &mut BTreeMap<(i32, ActivityKind), u32>, key: (i32, ActivityKind), change: i32) {
    let value = counts.entry(key).or_default();
    *value = value.saturating_add_signed(change);
    if *value == 0 {
        counts.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::activity::{ActivityCorrected, MeetingHeld, MeetingKind, TrainingHeld};
    use serde_json::value::RawValue;

    /// The `n`th activity of a kind: a training, or a meeting, public or not.
    fn activity(meeting: bool, year: i32, n: u32) -> Activity {
        let date = NaiveDate::from_ymd_opt(year, 1 + n % 12, 1 + n % 28).unwrap();
        if meeting {
            Activity::Meeting(MeetingHeld {
                date,
                meeting_kind: MeetingKind::OpenSession,
                title: format!("Заседание № {n}"),
                participants: 9,
                organisations: Vec::new(),
                agenda: "Анализ на сигналите".into(),
                decisions: String::new(),
                protocol: String::new(),
                public: !n.is_multiple_of(3),
                measures: vec!["II.1".into()],
            })
        } else {
            Activity::Training(TrainingHeld {
                date,
                topic: format!("Обучение № {n}"),
                participants: 12,
                measures: vec!["II.1".into()],
            })
        }
    }

    fn recorded(
        position: u64,
        tenant: &str,
        id: Uuid,
        version: u64,
        e: &ActivityEvent,
    ) -> RecordedEvent {
        RecordedEvent {
            position,
            tenant: TenantId::parse(tenant).unwrap(),
            stream: crate::streams::activity(id),
            version,
            id: Uuid::new_v4(),
            event_type: e.event_type().name().into(),
            schema_version: e.event_type().schema_version(),
            recorded_at: Utc::now(),
            actor: "bansko.officer".into(),
            correlation_id: Uuid::new_v4(),
            causation_id: None,
            payload: RawValue::from_string(e.to_json()).unwrap(),
            hash: String::new(),
        }
    }

    #[test]
    fn counts_and_public_lists_follow_records_and_their_corrections() {
        let upcasters = Upcasters::antikor();
        let mut book = WorkBook::default();
        let mut ids: Vec<(Uuid, &str, bool, u64)> = Vec::new();
        // A history as a pseudo-random walk: trainings and meetings in three years and two
        // tenants, and corrections that move a record to another year and back, or make a
        // meeting public or take it off the public list.
        for step in 0u32..900 {
            let position = u64::from(step) + 1;
            if step % 3 == 2 {
                let at = (step as usize * 7) % ids.len();
                let (id, tenant, meeting, version) = &mut ids[at];
                *version += 1;
                let e = ActivityEvent::Corrected(ActivityCorrected {
                    activity: activity(*meeting, 2016 + (step % 4) as i32, step / 2),
                    reason: "Грешна дата".into(),
                });
                book.apply(&upcasters, &recorded(position, tenant, *id, *version, &e));
            } else {
                let (id, tenant, meeting) = (
                    Uuid::new_v4(),
                    ["bansko", "razlog"][(step % 2) as usize],
                    step % 5 < 2,
                );
                let e = match activity(meeting, 2016 + (step % 3) as i32, step) {
                    Activity::Meeting(m) => ActivityEvent::MeetingHeld(m),
                    Activity::Training(t) => ActivityEvent::TrainingHeld(t),
                    _ => unreachable!(),
                };
                book.apply(&upcasters, &recorded(position, tenant, id, 1, &e));
                ids.push((id, tenant, meeting, 1));
            }
        }
        let all: Vec<&ActivityRecord> = book
            .tenants
            .values()
            .flat_map(|w| w.activities.values())
            .collect();
        for year in 2015..=2020 {
            for (tenant, work) in &book.tenants {
                for kind in ActivityKind::ALL {
                    let scanned = work
                        .activities
                        .values()
                        .filter(|r| counted_as(&r.activity) == (year, kind))
                        .count() as u32;
                    assert_eq!(
                        work.activity_count(year, kind),
                        scanned,
                        "{tenant} {year} {kind:?}"
                    );
                }
            }
        }
        for year in [None, Some(2015), Some(2016), Some(2017), Some(2019)] {
            for kind in ActivityKind::ALL {
                // The order the public lists had when they were built by scanning.
                let mut scanned: Vec<&ActivityRecord> = all
                    .iter()
                    .copied()
                    .filter(|r| listed_as(&r.activity).is_some_and(|(k, _)| k == kind))
                    .filter(|r| year.is_none_or(|y| r.activity.date().year() == y))
                    .collect();
                scanned.sort_by_key(|r| Reverse(r.activity.date()));
                let listed: Vec<&ActivityRecord> = book.public(kind, year).collect();
                assert_eq!(listed, scanned, "{year:?} {kind:?}");
            }
        }
        assert!(book.public(ActivityKind::Meeting, None).count() > 50);
    }
}
