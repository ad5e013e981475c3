//! What each tenant reported and recorded: progress on measures, activities, expert contacts.

use crate::codec::decoded_set;
use crate::domain::activities::{amend, recorded};
use crate::util::compact;
use crate::util::paging::{Cursor, PageRequest};
use antikor_migrations::Upcasters;
use antikor_shared::activity::{ActAction, Activity, ActivityKind, ExpertContact};
use antikor_shared::api::Page;
use antikor_shared::events::{ActivityEvent, ContactsEvent, ProgressEvent};
use antikor_shared::i18n::Lang;
use antikor_shared::tr;
use antikor_shared::views::{ActivityRecord, Correction, ProgressStatus};
use antikor_shared::{EventHeader, RecordedEvent, TenantId};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::cmp::Reverse;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, hash_map};
use std::ops::Bound;
use uuid::Uuid;

/// One tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenantWork {
    /// The newest report per (year, measure key).
    pub progress: BTreeMap<(i32, String), ProgressStatus>,
    /// Where each activity stands in the lists, by id: the records themselves are read from
    /// their streams when a page shows them, so that memory does not hold every activity ever
    /// recorded. Hashed: ids are random, and a replay that placed every sixth event in an
    /// ordered map missed the cache at each of its levels (`activity_order` keeps the order).
    activities: foldhash::HashMap<Uuid, Placed>,
    /// How many activities each year has of each kind, counted as they are recorded and
    /// corrected: dashboards and the region view read these, not every activity.
    activity_counts: BTreeMap<(i32, ActivityKind), u32>,
    /// The activities in list order, by kind: a page of the list is a range of this index.
    #[serde(with = "compact::sorted_set")]
    activity_order: BTreeSet<KindKey>,
    /// The expert contact list and when it was last updated.
    pub contacts: Option<(Vec<ExpertContact>, DateTime<Utc>)>,
    /// The acts returned to their council that it has not yet discussed again, by id: the
    /// reminders read these.
    returned: BTreeMap<Uuid, Returned>,
}

/// An act returned to its council, waiting for the council's new discussion.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Returned {
    /// The act as its users name it: its kind and number.
    pub act: String,
    /// Whose council adopted it.
    pub municipality: String,
    /// The last day for the council's new discussion.
    pub due: NaiveDate,
}

/// Days the council has to discuss a returned act again, from the return (ЗМСМА чл. 45, ал. 5).
pub const REVOTE_WITHIN_DAYS: u64 = 14;

impl Returned {
    /// What `event` says of its activity's wait for a revote: `Some(Some(_))` that it waits,
    /// `Some(None)` that it does not (any more), `None` nothing.
    fn after(event: &ActivityEvent) -> Option<Option<Self>> {
        let act = match event {
            ActivityEvent::ActContested(act) => act,
            ActivityEvent::Corrected(c) => match &c.activity {
                Activity::ContestedAct(act) => act,
                _ => return None,
            },
            ActivityEvent::FollowedUp(f) => return f.council_revote.as_ref().map(|_| None),
            _ => return None,
        };
        Some(
            (act.action == ActAction::Returned && act.council_revote.is_none()).then(|| Self {
                act: format!(
                    "{} № {}",
                    act.act_kind.label(Lang::Bg),
                    act.act_number.trim()
                ),
                municipality: act.municipality.clone(),
                due: act
                    .action_on
                    .checked_add_days(chrono::Days::new(REVOTE_WITHIN_DAYS))
                    .unwrap_or(NaiveDate::MAX),
            }),
        )
    }
}

/// What the fold keeps of an activity: where it is listed and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Placed {
    kind: ActivityKind,
    #[serde(with = "compact::day")]
    date: NaiveDate,
    /// Whether every visitor sees it (a public meeting, a contested act).
    public: bool,
    #[serde(with = "compact::instant")]
    recorded_at: DateTime<Utc>,
}

impl Placed {
    fn of(activity: &Activity, recorded_at: DateTime<Utc>) -> Self {
        Self {
            kind: activity.kind(),
            date: activity.date(),
            public: match activity {
                Activity::Meeting(m) => m.public,
                Activity::ContestedAct(_) => true,
                _ => false,
            },
            recorded_at,
        }
    }

    /// Its place in the lists.
    fn key(&self, id: Uuid) -> ActivityKey {
        ActivityKey {
            date: Reverse(self.date),
            recorded_at: Reverse(self.recorded_at),
            id,
        }
    }

    /// What it is counted under: its year and kind.
    fn counted_as(&self) -> (i32, ActivityKind) {
        (self.date.year(), self.kind)
    }

    /// Where it is listed for every visitor (its kind and date); `None` when it is not public.
    fn listed_as(&self) -> Option<(ActivityKind, NaiveDate)> {
        self.public.then_some((self.kind, self.date))
    }
}

/// An activity a page lists: whose, and which (its record is read from its stream).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Whose.
    pub tenant: TenantId,
    /// Its id.
    pub id: Uuid,
}

/// Every tenant's work.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WorkBook {
    /// Hashed, as the read models' tenants are: every progress report and activity looks its
    /// tenant up.
    tenants: foldhash::HashMap<TenantId, TenantWork>,
    /// What every visitor may see: the public lists cost what they return, not what all
    /// tenants ever recorded.
    public: PublicLists,
}

/// The public meetings and contested acts, by kind, in list order with each one's tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct PublicLists {
    #[serde(with = "compact::sorted_map::of_maps")]
    listed: BTreeMap<ActivityKind, BTreeMap<ActivityKey, TenantId>>,
    /// How many public activities each kind has per year.
    counts: BTreeMap<(ActivityKind, i32), u32>,
}

/// An activity's place in the lists: the newest date first, then the one recorded later, then
/// by id (unique, so that the order is total and a cursor names one place).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ActivityKey {
    #[serde(with = "compact::reverse_day")]
    date: Reverse<NaiveDate>,
    #[serde(with = "compact::reverse_instant")]
    recorded_at: Reverse<DateTime<Utc>>,
    id: Uuid,
}

impl ActivityKey {
    /// The key of a recorded activity.
    pub fn of(record: &ActivityRecord) -> Self {
        Self {
            date: Reverse(record.activity.date()),
            recorded_at: Reverse(record.recorded_at),
            id: record.id,
        }
    }

    /// The first key of a day in list order: every key of that day sorts at or after it, every
    /// key of a later day before it.
    fn first_of(day: NaiveDate) -> Self {
        Self {
            date: Reverse(day),
            recorded_at: Reverse(DateTime::<Utc>::MAX_UTC),
            id: Uuid::nil(),
        }
    }

    /// The smallest key there is: the first of every list.
    const FIRST: Self = Self {
        date: Reverse(NaiveDate::MAX),
        recorded_at: Reverse(DateTime::<Utc>::MAX_UTC),
        id: Uuid::nil(),
    };
}

/// An activity's place in its tenant's per-kind index.
type KindKey = (ActivityKind, ActivityKey);

/// The keys a page may hold: those of a year (or all) that come after the cursor.
#[derive(Debug, Clone, Copy)]
struct Window {
    /// Where the page starts (inclusive unless it is the cursor itself).
    start: Bound<ActivityKey>,
    /// The first key past the year (exclusive); `None` for no end.
    end: Option<ActivityKey>,
}

impl Window {
    /// The window of `year`'s activities (all for `None`) after `after`; `None` when it is
    /// empty because the year has no calendar.
    fn new(year: Option<i32>, after: Option<ActivityKey>) -> Option<Self> {
        let last_day = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31);
        let (first, end) = match year {
            Some(y) => (
                Some(ActivityKey::first_of(last_day(y)?)),
                Some(ActivityKey::first_of(last_day(y.checked_sub(1)?)?)),
            ),
            None => (None, None),
        };
        let start = match (first, after) {
            (Some(first), Some(after)) if after < first => Bound::Included(first),
            (_, Some(after)) => Bound::Excluded(after),
            (Some(first), None) => Bound::Included(first),
            (None, None) => Bound::Unbounded,
        };
        Some(Self { start, end })
    }

    /// Whether a key at or after the start is still inside.
    fn holds(&self, key: &ActivityKey) -> bool {
        self.end.is_none_or(|end| *key < end)
    }

    /// The range of a per-kind index this window covers (its end is checked with `holds`:
    /// an end bound before the start would make the range panic).
    fn of_kind(&self, kind: ActivityKind) -> (Bound<KindKey>, Bound<KindKey>) {
        let start = match self.start {
            Bound::Included(k) => Bound::Included((kind, k)),
            Bound::Excluded(k) => Bound::Excluded((kind, k)),
            Bound::Unbounded => Bound::Included((kind, ActivityKey::FIRST)),
        };
        (start, Bound::Unbounded)
    }
}

impl Cursor for ActivityKey {
    fn encode(&self) -> String {
        let at = self.recorded_at.0;
        format!(
            "{}-{}-{}-{}",
            self.date.0.format("%Y%m%d"),
            at.timestamp(),
            at.timestamp_subsec_nanos(),
            self.id.simple()
        )
    }

    fn decode(text: &str) -> Option<Self> {
        let mut parts = text.splitn(4, '-');
        let date = NaiveDate::parse_from_str(parts.next()?, "%Y%m%d").ok()?;
        let seconds = parts.next()?.parse().ok()?;
        let nanos = parts.next()?.parse().ok()?;
        Some(Self {
            date: Reverse(date),
            recorded_at: Reverse(DateTime::from_timestamp(seconds, nanos)?),
            id: Uuid::try_parse(parts.next()?).ok()?,
        })
    }
}

impl WorkBook {
    /// Folds in a progress report.
    pub fn progress(&mut self, event: &EventHeader, e: ProgressEvent) {
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
    }

    /// Folds in a tenant's expert contacts.
    pub fn contacts(&mut self, event: &EventHeader, e: ContactsEvent) {
        match e {
            ContactsEvent::Updated(e) => {
                self.tenant(&event.tenant).contacts = Some((e.contacts, event.recorded_at));
            }
        }
    }

    /// Folds in an event of an activity's stream: where the activity is listed and counted
    /// (the record itself is [`activity_record`]'s fold of the same stream).
    pub fn activity(&mut self, event: &EventHeader, e: ActivityEvent) {
        let Some(id) = crate::streams::activity_id(&event.stream) else {
            return;
        };
        let work = super::tenant_entry(&mut self.tenants, &event.tenant);
        if let Some(after) = Returned::after(&e)
            && (work.activities.contains_key(&id) || matches!(e, ActivityEvent::ActContested(_)))
        {
            match after {
                Some(returned) => work.returned.insert(id, returned),
                None => work.returned.remove(&id),
            };
        }
        // One look-up in the map of the tenant's activities, found or not: a replay records a
        // new activity for every sixth event.
        let mut entry = match work.activities.entry(id) {
            hash_map::Entry::Vacant(vacant) => {
                if let Some(activity) = recorded(e) {
                    let placed = Placed::of(&activity, event.recorded_at);
                    vacant.insert(placed);
                    count(&mut work.activity_counts, placed.counted_as(), 1);
                    work.activity_order.insert((placed.kind, placed.key(id)));
                    self.public.list(&event.tenant, id, &placed, true);
                }
                return;
            }
            hash_map::Entry::Occupied(occupied) => occupied,
        };
        let before = *entry.get();
        // Only a correction moves a record (a follow-up fills in a contested act's outcome,
        // which is neither its date nor its kind), and only one of the same kind (see `amend`).
        let after = match &e {
            ActivityEvent::Corrected(c) if c.activity.kind() == before.kind => {
                Placed::of(&c.activity, before.recorded_at)
            }
            _ => return,
        };
        if before.counted_as() != after.counted_as() {
            count(&mut work.activity_counts, before.counted_as(), -1);
            count(&mut work.activity_counts, after.counted_as(), 1);
        }
        if before != after {
            entry.insert(after);
            work.activity_order.remove(&(before.kind, before.key(id)));
            work.activity_order.insert((after.kind, after.key(id)));
        }
        if before.listed_as() != after.listed_as() {
            self.public.list(&event.tenant, id, &before, false);
            self.public.list(&event.tenant, id, &after, true);
        }
    }

    fn tenant(&mut self, tenant: &TenantId) -> &mut TenantWork {
        super::tenant_entry(&mut self.tenants, tenant)
    }

    /// One tenant's work (`None` when it has none).
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantWork> {
        self.tenants.get(tenant)
    }

    /// One page of the activities of `tenants` (each of them once), of one year and kind or
    /// all, in list order.
    pub fn activities<'a>(
        &'a self,
        tenants: impl IntoIterator<Item = &'a TenantId>,
        year: Option<i32>,
        kind: Option<ActivityKind>,
        request: &PageRequest<ActivityKey>,
    ) -> Page<Listed> {
        let works: Vec<(&TenantId, &TenantWork)> = tenants
            .into_iter()
            .filter_map(|t| Some((t, self.of(t)?)))
            .collect();
        let total = works
            .iter()
            .map(|(_, w)| w.activity_total(year, kind))
            .sum();
        let Some(window) = Window::new(year, request.after) else {
            return request.cut(std::iter::empty::<std::vec::IntoIter<_>>(), total);
        };
        let kinds: Vec<ActivityKind> = kind.map_or(ActivityKind::ALL.to_vec(), |k| vec![k]);
        let sources = works.into_iter().flat_map(|(tenant, work)| {
            kinds.iter().map(move |&kind| {
                work.activity_order
                    .range(window.of_kind(kind))
                    .take_while(move |(k, key)| *k == kind && window.holds(key))
                    .map(move |(_, key)| (*key, (tenant, key.id)))
            })
        });
        request.cut(sources, total).map(Listed::of)
    }

    /// One page of the public activities of `kind` (of one year, or all), in list order.
    pub fn public(
        &self,
        kind: ActivityKind,
        year: Option<i32>,
        request: &PageRequest<ActivityKey>,
    ) -> Page<Listed> {
        let total = self
            .public
            .counts
            .range((kind, i32::MIN)..=(kind, i32::MAX))
            .filter(|((_, y), _)| year.is_none_or(|only| only == *y))
            .map(|(_, n)| u64::from(*n))
            .sum();
        let listed = self.public.listed.get(&kind);
        let source = Window::new(year, request.after)
            .zip(listed)
            .into_iter()
            .flat_map(|(window, listed)| {
                listed
                    .range((window.start, Bound::Unbounded))
                    .take_while(move |(key, _)| window.holds(key))
            })
            .map(|(key, tenant)| (*key, (tenant, key.id)));
        request.cut([source], total).map(Listed::of)
    }

    /// The public activities of `kind` in `year` of the tenants `include` accepts: how many,
    /// and the first `limit` in list order. It walks the year's public list of every tenant,
    /// which the annual report does once for a province; pages for visitors use
    /// [`Self::public`], which costs what it returns.
    pub fn public_of(
        &self,
        kind: ActivityKind,
        year: i32,
        include: impl Fn(&TenantId) -> bool,
        limit: usize,
    ) -> (u64, Vec<Listed>) {
        let (Some(window), Some(listed)) =
            (Window::new(Some(year), None), self.public.listed.get(&kind))
        else {
            return (0, Vec::new());
        };
        let mut total = 0;
        let mut first = Vec::new();
        let of_year = listed
            .range((window.start, Bound::Unbounded))
            .take_while(|(key, _)| window.holds(key))
            .filter(|(_, tenant)| include(tenant));
        for (key, tenant) in of_year {
            total += 1;
            if first.len() < limit {
                first.push(Listed::of((tenant, key.id)));
            }
        }
        (total, first)
    }
}

impl Listed {
    fn of((tenant, id): (&TenantId, Uuid)) -> Self {
        Self {
            tenant: tenant.clone(),
            id,
        }
    }
}

/// An activity's record: the fold of its stream's events (those at or before the position the
/// caller's read models stand at), `None` when they record none; what it says of itself (the
/// reason of a follow-up) written in `lang`.
pub fn activity_record<'a>(
    upcasters: &Upcasters,
    events: impl IntoIterator<Item = &'a RecordedEvent>,
    lang: Lang,
) -> Option<ActivityRecord> {
    let mut record: Option<ActivityRecord> = None;
    for event in events {
        let Some(e) = decoded_set::<ActivityEvent>(upcasters, event) else {
            continue;
        };
        let Some(record) = &mut record else {
            record = recorded(e).and_then(|activity| {
                Some(ActivityRecord {
                    id: crate::streams::activity_id(&event.stream)?,
                    tenant: event.tenant.clone(),
                    activity,
                    recorded_at: event.recorded_at,
                    recorded_by: event.actor.to_string(),
                    corrections: Vec::new(),
                    version: event.version,
                    files: Vec::new(),
                })
            });
            continue;
        };
        if let ActivityEvent::FilesAttached(attached) = e {
            record.files.extend(attached.files);
            record.version = event.version;
            continue;
        }
        let reason = match &e {
            ActivityEvent::Corrected(c) => c.reason.clone(),
            ActivityEvent::FollowedUp(_) => tr!(lang, "requests-follow-up-of-act"),
            _ => continue,
        };
        amend(&mut record.activity, &e);
        record.corrections.push(Correction {
            at: event.recorded_at,
            by: event.actor.to_string(),
            reason,
        });
        record.version = event.version;
    }
    record
}

impl PublicLists {
    /// Adds a public activity to its list (`add`), or takes it off; others are not listed.
    fn list(&mut self, tenant: &TenantId, id: Uuid, placed: &Placed, add: bool) {
        let Some((kind, date)) = placed.listed_as() else {
            return;
        };
        let key = placed.key(id);
        let entries = self.listed.entry(kind).or_default();
        if add {
            entries.insert(key, tenant.clone());
        } else {
            entries.remove(&key);
            if entries.is_empty() {
                self.listed.remove(&kind);
            }
        }
        count(
            &mut self.counts,
            (kind, date.year()),
            if add { 1 } else { -1 },
        );
    }
}

impl TenantWork {
    /// Whether the activity of this id is one every visitor sees (a public meeting, a
    /// contested act).
    pub fn is_public(&self, id: Uuid) -> bool {
        self.activities.get(&id).is_some_and(|p| p.public)
    }

    /// Whether the tenant recorded activity `id`.
    pub fn holds(&self, id: Uuid) -> bool {
        self.activities.contains_key(&id)
    }

    /// The acts returned to their council and not yet discussed again, by id.
    pub fn returned(&self) -> impl Iterator<Item = (&Uuid, &Returned)> {
        self.returned.iter()
    }

    /// How many activities the tenant recorded.
    pub fn activity_len(&self) -> usize {
        self.activities.len()
    }

    /// How many activities of `kind` the tenant has in `year`.
    pub fn activity_count(&self, year: i32, kind: ActivityKind) -> u32 {
        self.activity_counts
            .get(&(year, kind))
            .copied()
            .unwrap_or(0)
    }

    /// How many activities the tenant has of one year and kind, or of all.
    fn activity_total(&self, year: Option<i32>, kind: Option<ActivityKind>) -> u64 {
        self.activity_counts
            .iter()
            .filter(|((y, k), _)| year.is_none_or(|y2| y2 == *y) && kind.is_none_or(|k2| k2 == *k))
            .map(|(_, n)| u64::from(*n))
            .sum()
    }
}

/// Adds `change` to the count under `key` (a count that reaches 0 is removed, so that the
/// state of a fold does not depend on corrections made and undone).
fn count<K: Ord>(counts: &mut BTreeMap<K, u32>, key: K, change: i32) {
    match counts.entry(key) {
        Entry::Occupied(mut held) => match held.get().saturating_add_signed(change) {
            0 => {
                held.remove();
            }
            value => *held.get_mut() = value,
        },
        Entry::Vacant(empty) => {
            if let Ok(value @ 1..) = u32::try_from(change) {
                empty.insert(value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::activity::{ActivityCorrected, MeetingHeld, MeetingKind, TrainingHeld};
    use antikor_shared::events::EventSet;
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
    fn a_returned_act_waits_for_its_council_until_a_revote_is_recorded() {
        let act = |revote: Option<&str>| antikor_shared::activity::ActContested {
            act_kind: antikor_shared::activity::ActKind::CouncilDecision,
            act_number: " 12 ".into(),
            act_date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            municipality: "bansko".into(),
            received_on: NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
            action: ActAction::Returned,
            action_on: NaiveDate::from_ymd_opt(2026, 11, 6).unwrap(),
            grounds: "Противоречие".into(),
            council_revote: revote.map(str::to_owned),
            court_case: None,
            court_outcome: None,
            published_on: None,
            measures: Vec::new(),
        };
        let follow_up = |revote: Option<&str>| {
            ActivityEvent::FollowedUp(antikor_shared::activity::ContestedActFollowedUp {
                council_revote: revote.map(str::to_owned),
                court_case: Some("адм. д. 1/2026".into()),
                court_outcome: None,
                published_on: None,
            })
        };
        let corrected = |a| {
            ActivityEvent::Corrected(ActivityCorrected {
                activity: Activity::ContestedAct(a),
                reason: "Грешка".into(),
            })
        };
        let (id, mut book, mut version) = (Uuid::new_v4(), WorkBook::default(), 0);
        let mut fold = |e: ActivityEvent| {
            version += 1;
            book.activity(&recorded(version, "oblast", id, version, &e).header(), e);
            let work = book.of(&TenantId::parse("oblast").unwrap()).unwrap();
            work.returned()
                .map(|(id, r)| (*id, r.clone()))
                .collect::<Vec<_>>()
        };
        // Given a decision returned on 6 November, the council has until the 20th.
        let waiting = fold(ActivityEvent::ActContested(act(None)));
        let returned = Returned {
            act: "Решение на общински съвет № 12".into(),
            municipality: "bansko".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        };
        assert_eq!(waiting, [(id, returned.clone())]);
        // A follow-up that records only a court case leaves it waiting.
        assert_eq!(fold(follow_up(None)), [(id, returned.clone())]);
        // A correction that records the revote ends the wait, one that takes it back restores it.
        assert!(fold(corrected(act(Some("Отменено")))).is_empty());
        assert_eq!(fold(corrected(act(None))), [(id, returned)]);
        // And a follow-up with the revote ends it.
        assert!(fold(follow_up(Some("Прието отново"))).is_empty());
    }

    #[test]
    fn counts_and_public_lists_follow_records_and_their_corrections() {
        let upcasters = Upcasters::antikor();
        let mut book = WorkBook::default();
        let mut ids: Vec<(Uuid, &str, bool, u64)> = Vec::new();
        let mut events = Vec::new();
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
                events.push(recorded(position, tenant, *id, *version, &e));
                book.activity(&events.last().unwrap().header(), e);
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
                events.push(recorded(position, tenant, id, 1, &e));
                ids.push((id, tenant, meeting, 1));
                book.activity(&events.last().unwrap().header(), e);
            }
        }
        // The records, as pages read them: each stream's events folded.
        let all: Vec<ActivityRecord> = ids
            .iter()
            .map(|(id, _, _, _)| {
                let stream = crate::streams::activity(*id);
                activity_record(
                    &upcasters,
                    events.iter().filter(|e| e.stream == stream),
                    Lang::Bg,
                )
                .unwrap()
            })
            .collect();
        let all: Vec<&ActivityRecord> = all.iter().collect();
        let counted_as = |r: &ActivityRecord| (r.activity.date().year(), r.activity.kind());
        let listed_as = |r: &ActivityRecord| Placed::of(&r.activity, r.recorded_at).listed_as();
        for year in 2015..=2020 {
            for (tenant, work) in &book.tenants {
                for kind in ActivityKind::ALL {
                    let scanned = all
                        .iter()
                        .filter(|r| r.tenant == *tenant && counted_as(r) == (year, kind))
                        .count() as u32;
                    assert_eq!(
                        work.activity_count(year, kind),
                        scanned,
                        "{tenant} {year} {kind:?}"
                    );
                }
            }
        }
        // The list order, as the lists had it when they were built by scanning and sorting.
        // Sorted newest first, as the list names them.
        let newest_first = |mut list: Vec<&ActivityRecord>| -> Vec<Listed> {
            list.sort_by_key(|r| (Reverse(r.activity.date()), Reverse(r.recorded_at), r.id));
            list.into_iter()
                .map(|r| Listed::of((&r.tenant, r.id)))
                .collect()
        };
        let years = [
            None,
            Some(2015),
            Some(2016),
            Some(2017),
            Some(2019),
            Some(i32::MAX),
        ];
        for year in years {
            for kind in ActivityKind::ALL {
                let scanned: Vec<&ActivityRecord> = all
                    .iter()
                    .copied()
                    .filter(|r| listed_as(r).is_some_and(|(k, _)| k == kind))
                    .filter(|r| year.is_none_or(|y| r.activity.date().year() == y))
                    .collect();
                let scanned = newest_first(scanned);
                for limit in [1, 7, 500] {
                    let listed = every_page(limit, |request| book.public(kind, year, request));
                    assert_eq!(listed, scanned, "{year:?} {kind:?} by {limit}");
                }
            }
        }
        let tenants = |names: &[&str]| -> Vec<TenantId> {
            names.iter().map(|t| TenantId::parse(*t).unwrap()).collect()
        };
        for reach in [
            tenants(&["bansko"]),
            tenants(&["bansko", "razlog", "petrich"]),
        ] {
            for year in years {
                for kind in [
                    None,
                    Some(ActivityKind::Meeting),
                    Some(ActivityKind::Training),
                ] {
                    let scanned: Vec<&ActivityRecord> = all
                        .iter()
                        .copied()
                        .filter(|r| reach.contains(&r.tenant))
                        .filter(|r| year.is_none_or(|y| r.activity.date().year() == y))
                        .filter(|r| kind.is_none_or(|k| r.activity.kind() == k))
                        .collect();
                    let scanned = newest_first(scanned);
                    for limit in [1, 13, 500] {
                        let listed = every_page(limit, |request| {
                            book.activities(&reach, year, kind, request)
                        });
                        assert_eq!(listed, scanned, "{reach:?} {year:?} {kind:?} by {limit}");
                    }
                }
            }
        }
        let request = PageRequest::first(500);
        assert!(book.public(ActivityKind::Meeting, None, &request).total > 50);
    }

    /// Every item of a list, read page by page through the cursors (each encoded and decoded,
    /// as a client passes them), checking each page's total and size on the way.
    fn every_page(
        limit: usize,
        read: impl Fn(&PageRequest<ActivityKey>) -> Page<Listed>,
    ) -> Vec<Listed> {
        let mut items = Vec::new();
        let mut request = PageRequest::first(limit);
        loop {
            let page = read(&request);
            assert!(page.items.len() <= limit);
            items.extend(page.items);
            match page.next {
                Some(next) => request.after = Some(ActivityKey::decode(&next).unwrap()),
                None => {
                    assert_eq!(page.total, items.len() as u64);
                    return items;
                }
            }
        }
    }
}
