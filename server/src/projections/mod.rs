//! Read models: pure folds over the log, per tenant, rebuilt by replay and kept current by the
//! log's commit hook. Any of them can be built as of an earlier position (the auditors' replay).

pub mod accounts;
pub mod files;
pub mod plan;
pub mod reminders;
pub mod report;
pub mod risks;
pub mod signals;
pub mod surveys;
pub mod views;
pub mod work;

use crate::codec;
use crate::store::{EventStore, StoreError, VerifyReport};
use accounts::AccountDirectory;
use antikor_shared::events::{
    AnyEvent, ChannelEvent, EventSet, EventType, IntakeListsEvent, SecurityEvent, SignalEvent,
    TenantEvent,
};
use antikor_shared::i18n::Text;
use antikor_shared::tenant::{Tenant, TenantKind, TenantRegistered};
use antikor_shared::{EventHeader, ProvinceCode, RecordedEvent, TenantId};
use chrono::{DateTime, Utc};
use plan::PlanBook;
use risks::RiskBook;
use signals::SignalBook;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;
use surveys::SurveyBook;
use work::WorkBook;

/// What the log says about one tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenantModel {
    /// The registration, once it is recorded.
    pub registration: Option<(TenantRegistered, DateTime<Utc>)>,
    /// How many events the tenant's log holds, outside the signals register.
    pub event_count: u64,
    /// When its newest event outside the signals register was recorded.
    pub last_event_at: Option<DateTime<Utc>>,
    /// Events per type. Hashed: every event counts itself here, and an ordered map compared
    /// its type's name with a handful of others each time; whoever lists them sorts them.
    /// Keyed by the header's name: a recorded type's static one costs no copy.
    pub event_types: foldhash::HashMap<Cow<'static, str>, u64>,
    /// The positions of its newest events outside the signals register and the security log
    /// (logins are not changes), oldest first.
    pub latest: VecDeque<u64>,
}

/// How many of a tenant's newest events its model keeps for the dashboard.
const LATEST_KEPT: usize = 10;

/// The event types whose payload no read model reads: failed logins and logouts are a third of
/// a busy log, and a replay that decoded them would pay for nothing.
const UNREAD: &[EventType] = &[
    EventType::LoginFailed,
    EventType::LoggedOut,
    EventType::VaultKeyRotated,
    EventType::LogKeyAdopted,
];

/// All read models, as of one position of the log.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReadModels {
    /// The position of the newest event folded in.
    pub position: u64,
    /// Per tenant. Hashed, not ordered: every event looks its tenant up, and among a country's
    /// tenants an ordered lookup compared names a dozen times; whoever lists them sorts them.
    pub tenants: foldhash::HashMap<TenantId, TenantModel>,
    /// Every account, across tenants (usernames are unique across Antikor).
    pub accounts: AccountDirectory,
    /// Every province's plan of every year (kept by its regional administration).
    pub plans: PlanBook,
    /// Progress, activities and contacts, per tenant.
    pub work: WorkBook,
    /// The signals register, per tenant.
    pub signals: SignalBook,
    /// The corruption-risk register, per tenant.
    pub risks: RiskBook,
    /// The staff surveys: the provinces' questionnaires, the tenants' openings and answers.
    pub surveys: SurveyBook,
    /// The evidence files and the records they are attached to.
    pub files: files::FileIndex,
    /// The registered tenants of each province, shared with the scopes of the requests that
    /// read a province (cloning one costs a reference count).
    pub provinces: BTreeMap<ProvinceCode, Arc<BTreeSet<TenantId>>>,
    /// How many registrations were folded in: changes whenever the directory does.
    pub registrations: u64,
}

impl ReadModels {
    /// Folds one event in, never letting a fault in a fold reach the caller: a fold that
    /// panics on an event (stored data no rule anticipated) has the event skipped and logged.
    /// The models may then hold part of that one event; the alternative was a poisoned lock
    /// and a server that answers nothing until restarted, and then fails the same way.
    pub fn fold(&mut self, event: &RecordedEvent) {
        self.fold_decoded(&event.header(), Self::decode_event(event));
    }

    /// Folds one event in, as [`fold`](Self::fold) does, given its header and its payload as
    /// [`decode`](Self::decode) makes it (a walk of the log decodes payloads on every core).
    pub fn fold_decoded(&mut self, event: &EventHeader, typed: Option<AnyEvent>) {
        self.contained(event, |models| models.apply_decoded(event, typed));
    }

    /// An event's payload (its text, as a walk of the log reads it) as the models read it:
    /// `None` for a type no model reads, and for a payload that does not decode (logged).
    /// Contains a panic in decoding to the one event.
    pub fn decode(header: &EventHeader, payload: &str) -> Option<AnyEvent> {
        Self::decode_read(header.position, &header.event_type, || {
            codec::typed_payload(header, payload)
        })
    }

    /// [`decode`](Self::decode) of a whole event.
    pub fn decode_event(event: &RecordedEvent) -> Option<AnyEvent> {
        Self::decode_read(event.position, &event.event_type, || codec::typed(event))
    }

    fn decode_read(
        position: u64,
        event_type: &str,
        typed: impl FnOnce() -> Option<AnyEvent> + std::panic::UnwindSafe,
    ) -> Option<AnyEvent> {
        EventType::parse(event_type)
            .filter(|t| !UNREAD.contains(t))
            .and_then(|_| {
                std::panic::catch_unwind(typed).unwrap_or_else(|_| {
                    tracing::error!(
                        position,
                        event_type,
                        "decoding this event's payload panicked; it is skipped"
                    );
                    None
                })
            })
    }

    /// Runs a fold of `event`, containing a panic in it to that event.
    fn contained(&mut self, event: &EventHeader, fold: impl FnOnce(&mut Self)) {
        let folded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fold(self)));
        if folded.is_err() {
            tracing::error!(
                position = event.position,
                event_type = %event.event_type,
                "a read model could not fold this event; it is skipped"
            );
            self.position = self.position.max(event.position);
        }
    }

    /// Folds one event in (one whose payload does not decode is counted for its tenant and
    /// skipped by every model). Events at or before the current position are ignored, so a batch
    /// delivered twice changes nothing. The server calls [`fold`](Self::fold), which contains
    /// a panic here to the one event.
    pub fn apply(&mut self, event: &RecordedEvent) {
        if event.position > self.position {
            self.apply_decoded(&event.header(), Self::decode_event(event));
        }
    }

    /// [`apply`](Self::apply), given the event's payload as [`decode`](Self::decode) makes it:
    /// decoded once for every model, and not at all when no model reads it.
    fn apply_decoded(&mut self, event: &EventHeader, typed: Option<AnyEvent>) {
        if event.position <= self.position {
            return;
        }
        let event_type = EventType::parse(&event.event_type);
        self.position = event.position;
        let tenant = tenant_entry(&mut self.tenants, &event.tenant);
        // The public directory and the dashboards count and list everything but the
        // confidential register, whose activity must not show outside it.
        let public = !event_type.is_some_and(EventType::is_confidential);
        if public {
            tenant.event_count += 1;
            tenant.last_event_at = Some(event.recorded_at);
        }
        match tenant.event_types.get_mut(event.event_type.as_ref()) {
            Some(n) => *n += 1,
            None => {
                tenant.event_types.insert(event.event_type.clone(), 1);
            }
        }
        // Positions only: a replay passes here a million times, and the dashboard reads the
        // few events it shows from the log. Its latest changes are changes to records:
        // logins and logouts are left out.
        if public && !event_type.is_some_and(|t| SecurityEvent::TYPES.contains(&t)) {
            tenant.latest.push_back(event.position);
            if tenant.latest.len() > LATEST_KEPT {
                tenant.latest.pop_front();
            }
        }
        if let Some(typed) = &typed {
            for (owner, file) in files::attachments(&event.stream, typed) {
                self.files.attached(&event.tenant, owner, file);
            }
        }
        // Each set of events has the one model that folds it.
        match typed {
            None => {}
            Some(AnyEvent::TenantEvent(TenantEvent::Registered(registered))) => {
                // A second registration of a tenant replaces the first, province included.
                let before = tenant
                    .registration
                    .as_ref()
                    .and_then(|(r, _)| r.province.clone());
                if let Some(province) = before.and_then(|p| self.provinces.get_mut(&p)) {
                    Arc::make_mut(province).remove(&event.tenant);
                }
                if let Some(province) = &registered.province {
                    Arc::make_mut(self.provinces.entry(province.clone()).or_default())
                        .insert(event.tenant.clone());
                }
                tenant.registration = Some((registered, event.recorded_at));
                self.registrations += 1;
            }
            Some(AnyEvent::AccountEvent(e)) => self.accounts.account_event(event, &e),
            Some(AnyEvent::SecurityEvent(SecurityEvent::LoginSucceeded(e))) => {
                self.accounts.logged_in(event, &e);
            }
            Some(AnyEvent::PlanEvent(e)) => {
                let keeper = tenant
                    .registration
                    .as_ref()
                    .filter(|(r, _)| r.kind == TenantKind::RegionalAdministration)
                    .and_then(|(r, _)| r.province.as_ref());
                self.plans.apply(event, e, keeper);
            }
            Some(AnyEvent::QuestionnaireEvent(e)) => {
                // A questionnaire is its province's, published by its regional administration.
                let keeper = tenant
                    .registration
                    .as_ref()
                    .filter(|(r, _)| r.kind == TenantKind::RegionalAdministration)
                    .and_then(|(r, _)| r.province.as_ref());
                self.surveys.questionnaire(keeper, e);
            }
            Some(AnyEvent::SurveyEvent(e)) => self.surveys.survey(event, e),
            Some(AnyEvent::SurveyAnswerEvent(e)) => self.surveys.answered(event, e),
            Some(AnyEvent::ProgressEvent(e)) => self.work.progress(event, e),
            Some(AnyEvent::ContactsEvent(e)) => self.work.contacts(event, e),
            Some(AnyEvent::RiskEvent(e)) => self.risks.risk(event, e),
            Some(AnyEvent::ActivityEvent(e)) => self.work.activity(event, e),
            Some(AnyEvent::SignalEvent(e)) => {
                if let SignalEvent::RisksLinked(linked) = &e {
                    self.risks.signal_related(event, &linked.risks);
                }
                self.signals.signal(event, e);
            }
            Some(AnyEvent::ChannelEvent(ChannelEvent::Recorded(e))) => {
                self.signals.channel_recorded(event, e);
            }
            Some(AnyEvent::IntakeListsEvent(IntakeListsEvent::Set(e))) => {
                self.signals.lists_set(event, e);
            }
            Some(AnyEvent::NotificationEvent(e)) => self.accounts.notification_event(event, &e),
            Some(
                AnyEvent::SecurityEvent(
                    SecurityEvent::LoginFailed(_) | SecurityEvent::LoggedOut(_),
                )
                | AnyEvent::VaultEvent(_)
                | AnyEvent::LogEvent(_),
            ) => {}
        }
    }

    /// Builds the models from the log up to `upto` (inclusive), verifying the chain on the way.
    pub fn replay(store: &dyn EventStore, upto: u64) -> Result<(Self, VerifyReport), StoreError> {
        let mut models = Self::default();
        let report = store.replay_decoded(upto, Self::decode, &mut |e, typed| {
            models.fold_decoded(&e, typed);
        })?;
        Ok((models, report))
    }

    /// The registered tenants, the regional administration first, then by Bulgarian name
    /// (Unicode order of Cyrillic letters is the Bulgarian alphabet's).
    pub fn tenant_list(&self) -> Vec<Tenant> {
        let mut list: Vec<Tenant> = self
            .tenants
            .iter()
            .filter_map(|(id, m)| {
                let (registration, registered_at) = m.registration.clone()?;
                Some(Tenant {
                    id: id.clone(),
                    registration,
                    registered_at,
                    event_count: m.event_count,
                    last_event_at: m.last_event_at.unwrap_or(registered_at),
                })
            })
            .collect();
        // Borrowed keys: a sort compares a few thousand times, and cloned names were most of
        // what listing the country's tenants cost.
        list.sort_by(|a, b| {
            (a.registration.kind, &a.registration.name_bg)
                .cmp(&(b.registration.kind, &b.registration.name_bg))
        });
        list
    }

    /// The province a query names (`bgs` or ` BGS` as `BGS`), when a registered tenant is in
    /// it; `None` for a blank name and, as an error in words, for an unknown one.
    pub fn province_named(&self, asked: Option<&str>) -> Result<Option<ProvinceCode>, Text> {
        let Some(asked) = asked.map(str::trim).filter(|a| !a.is_empty()) else {
            return Ok(None);
        };
        ProvinceCode::parse(asked.to_ascii_uppercase())
            .ok()
            .filter(|code| self.provinces.contains_key(code))
            .map(Some)
            .ok_or_else(|| antikor_shared::msg!("requests-no-province-named", code = asked))
    }

    /// The province a registered tenant belongs to (none for national bodies).
    pub fn province_of(&self, tenant: &TenantId) -> Option<&ProvinceCode> {
        self.tenants
            .get(tenant)?
            .registration
            .as_ref()?
            .0
            .province
            .as_ref()
    }

    /// Whether `tenant` is registered.
    pub fn has_tenant(&self, tenant: &TenantId) -> bool {
        self.tenants
            .get(tenant)
            .is_some_and(|m| m.registration.is_some())
    }

    /// Events per type, over the tenants `include` accepts.
    pub fn event_types(&self, include: impl Fn(&TenantId) -> bool) -> BTreeMap<String, u64> {
        let mut counts = BTreeMap::new();
        for (id, m) in &self.tenants {
            if include(id) {
                for (t, n) in &m.event_types {
                    *counts.entry(t.to_string()).or_default() += n;
                }
            }
        }
        counts
    }
}

/// A tenant's entry in a model's map of tenants, made the first time the tenant is met. Looked up
/// before inserting, so that the key is cloned only then: a replay meets the same few hundred
/// tenants millions of times.
pub(crate) fn tenant_entry<'a, V: Default>(
    tenants: &'a mut foldhash::HashMap<TenantId, V>,
    tenant: &TenantId,
) -> &'a mut V {
    if !tenants.contains_key(tenant) {
        tenants.insert(tenant.clone(), V::default());
    }
    tenants.get_mut(tenant).expect("inserted above")
}

/// The newest position recorded at or before `moment` (0 when the log starts later).
///
/// The log's clock never runs backwards, so positions are ordered by time and a binary search
/// over them finds the moment in O(log n) reads.
pub fn position_at(store: &dyn EventStore, moment: DateTime<Utc>) -> Result<u64, StoreError> {
    let (mut lo, mut hi) = (0u64, store.head().position);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        let at = store.get(mid)?.map(|e| e.recorded_at);
        if at.is_some_and(|t| t <= moment) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fold_that_panics_skips_its_event_and_the_models_go_on() {
        let mut models = ReadModels::default();
        let event = RecordedEvent {
            position: 7,
            tenant: TenantId::parse("bansko").unwrap(),
            stream: antikor_shared::StreamId::parse("s").unwrap(),
            version: 1,
            id: uuid::Uuid::new_v4(),
            event_type: "Anything".into(),
            schema_version: 1,
            recorded_at: Utc::now(),
            actor: "system".into(),
            correlation_id: uuid::Uuid::new_v4(),
            causation_id: None,
            payload: serde_json::value::to_raw_value(&serde_json::json!({})).unwrap(),
            hash: String::new(),
        };
        models.contained(&event.header(), |_| panic!("a fold's fault"));
        assert_eq!(models.position, 7);
        let next = RecordedEvent {
            position: 8,
            ..event
        };
        models.fold(&next);
        assert_eq!(models.position, 8);
        assert_eq!(models.tenants[&next.tenant].event_count, 1);
    }
}
