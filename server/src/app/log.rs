//! The log as a caller may read it: every read takes a [`ReadScope`] and returns only what the
//! scope sees.

use super::App;
use crate::access::ReadScope;
use crate::app::checkpoints::SignedCheckpoint;
use crate::projections::{ReadModels, position_at};
use crate::store::{Direction, Filter, StoreError};
use crate::util::errors::{AppError, AppResult};
use antikor_shared::api::{
    AuditEntry, AuditPage, AuditRecord, ConsistencyProof, Damage, InclusionProof,
};
use antikor_shared::i18n::Lang;
use antikor_shared::msg;
use antikor_shared::tenant::Tenant;
use antikor_shared::tlog;
use antikor_shared::{RecordedEvent, TenantId};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::broadcast;

/// A moment of the log's history, as a request names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// After the event at this position.
    Position(u64),
    /// At this time.
    Time(DateTime<Utc>),
}

impl Moment {
    /// The moment a request's parameter names: a log position (digits) or an RFC 3339 instant.
    pub fn parse(raw: &str) -> AppResult<Self> {
        // Digits only: `u64`'s parser would also take a sign, which the document does not.
        let digits = raw.bytes().all(|b| b.is_ascii_digit());
        if let (true, Ok(position)) = (digits, raw.parse::<u64>()) {
            return Ok(Self::Position(position));
        }
        let moment = DateTime::parse_from_rfc3339(raw)
            .map_err(|_| AppError::BadRequest(msg!("requests-bad-moment", raw = raw)))?;
        Ok(Self::Time(moment.to_utc()))
    }
}

/// What a page of the audit trail keeps to besides its filter: a stretch of positions and,
/// optionally, one person's events.
#[derive(Debug, Clone, Copy)]
pub struct Narrowing<'a> {
    /// Only events after this position.
    pub after: u64,
    /// Only events up to this position.
    pub upto: u64,
    /// Only events this actor caused (a username, `system`, `reporter`).
    pub actor: Option<&'a str>,
}

/// How many events a page narrowed to one person reads at most.
pub const SCAN_BUDGET: usize = 5_000;

/// How many events such a page reads at a time.
const SCAN_BATCH: usize = 256;

/// The events a scan found, and where it stopped when its budget ran out first.
struct Scanned {
    events: Vec<RecordedEvent>,
    stopped_at: Option<u64>,
}

impl Scanned {
    fn done(events: Vec<RecordedEvent>) -> Self {
        Self {
            events,
            stopped_at: None,
        }
    }
}

/// The part of the log one caller sees, with the sealed fields of signals shown as hashes.
pub struct ScopedLog<'a> {
    app: &'a App,
    scope: &'a ReadScope,
}

impl App {
    /// The log as `scope` sees it.
    pub fn log<'a>(&'a self, scope: &'a ReadScope) -> ScopedLog<'a> {
        ScopedLog { app: self, scope }
    }

    /// The registered tenants: a public directory, now or as of a past moment (replayed).
    pub async fn tenant_list(&self, as_of: Option<Moment>) -> AppResult<Vec<Tenant>> {
        let position = match as_of {
            None => return Ok(self.models_unscoped().tenant_list()),
            Some(moment) => self.position_of(moment)?,
        };
        if position >= self.models_unscoped().position {
            return Ok(self.models_unscoped().tenant_list());
        }
        let store = self.store.clone();
        let (models, _) =
            tokio::task::spawn_blocking(move || ReadModels::replay(store.as_ref(), position))
                .await
                .map_err(anyhow::Error::from)??;
        Ok(models.tenant_list())
    }

    /// The log position a moment names.
    pub fn position_of(&self, moment: Moment) -> AppResult<u64> {
        match moment {
            Moment::Position(p) => Ok(p),
            Moment::Time(t) => Ok(position_at(self.store.as_ref(), t)?),
        }
    }

    /// Whether a tenant is registered (the directory of tenants is public).
    pub fn has_tenant(&self, tenant: &TenantId) -> bool {
        self.models_unscoped().has_tenant(tenant)
    }

    /// A registered tenant's name in both languages (empty when unknown).
    pub fn tenant_name(&self, tenant: &TenantId) -> antikor_shared::tenant::TenantName {
        self.models_unscoped().tenant_name(tenant)
    }
}

fn not_found(position: u64) -> AppError {
    AppError::NotFound(msg!(
        "requests-no-event-number",
        position = position.to_string()
    ))
}

/// Refuses a tree size the log does not have yet.
fn check_size(app: &App, size: u64) -> AppResult<()> {
    let head = app.store.head().position;
    if size == 0 || size > head {
        return Err(AppError::BadRequest(msg!(
            "requests-log-size",
            events = head
        )));
    }
    Ok(())
}

impl App {
    /// The newest signed checkpoint (public). A damaged log signs none: its head is not the
    /// history it acknowledged.
    pub fn checkpoint(&self) -> AppResult<Arc<SignedCheckpoint>> {
        if let Some(damage) = self.damage() {
            return Err(AppError::Unavailable(msg!(
                "requests-log-damaged",
                position = damage.first_bad_position.to_string(),
                reason = damage.reason
            )));
        }
        let head = self.store.head();
        Ok(self
            .checkpoints
            .current(head.position, tlog::Hash(head.root)))
    }

    /// The newest checkpoint with the cosignatures its witnesses gave it.
    pub fn cosigned_checkpoint(&self) -> AppResult<String> {
        let checkpoint = self.checkpoint()?;
        let mut text = checkpoint.text.clone();
        for link in &self.witnesses {
            if let Some(line) = link.cosignature(checkpoint.size) {
                text.push_str(&line);
            }
        }
        Ok(text)
    }

    /// Up to `limit` stored records from position `from`, one per line, for a mirror. The
    /// caller must hold `Principal::whole_log`.
    pub fn mirror_records(&self, from: u64, limit: u64) -> AppResult<Vec<u8>> {
        let head = self.store.head().position;
        if from == 0 || from > head + 1 || !(1..=10_000).contains(&limit) {
            return Err(AppError::BadRequest(msg!(
                "requests-mirror-range",
                last = (head + 1).to_string()
            )));
        }
        let mut lines = Vec::new();
        for position in from..=head.min(from + limit - 1) {
            let record = self
                .store
                .record(position)?
                .ok_or_else(|| not_found(position))?;
            lines.extend_from_slice(&record);
            lines.push(b'\n');
        }
        Ok(lines)
    }

    /// A consistency proof between two sizes of the log (public: it shows only hashes).
    pub fn consistency_proof(&self, from: u64, to: u64) -> AppResult<ConsistencyProof> {
        check_size(self, to)?;
        if from > to {
            return Err(AppError::BadRequest(msg!("requests-proof-order")));
        }
        let path = self.store.consistency_proof(from, to)?;
        Ok(ConsistencyProof {
            from,
            to,
            path: path.iter().map(tlog::to_base64).collect(),
        })
    }

    /// What is wrong with the log, when it failed a check at start-up.
    pub fn damage(&self) -> Option<Damage> {
        match self.store.refusal()? {
            StoreError::ChainBroken(b) => Some(Damage {
                last_good_position: b.position.saturating_sub(1),
                first_bad_position: b.position,
                expected_size: self.store.anchored_size().max(b.position),
                reason: b.reason,
            }),
            _ => None,
        }
    }
}

impl ScopedLog<'_> {
    /// Checks a filter against the scope: a one-tenant scope is narrowed to its tenant, and
    /// an unknown tenant answers 404.
    pub fn filter(
        &self,
        tenant: Option<TenantId>,
        stream: Option<antikor_shared::StreamId>,
        event_type: Option<String>,
    ) -> AppResult<Filter> {
        let tenant = self.scope.narrow(tenant)?;
        if let Some(t) = &tenant
            && !self.app.has_tenant(t)
        {
            return Err(AppError::NotFound(msg!(
                "requests-no-tenant-named",
                tenant = t.to_string()
            )));
        }
        Ok(Filter {
            tenant,
            within: self.scope.province_tenants(),
            stream,
            event_type,
        })
    }

    /// Up to `limit` events matching `filter` from `cursor` in `direction`, of those the scope
    /// sees, as the audit trail shows them (in `lang`): `limit` of them whenever the log has
    /// that many beyond the cursor.
    pub fn page(
        &self,
        filter: &Filter,
        direction: Direction,
        cursor: u64,
        limit: usize,
        lang: Lang,
    ) -> AppResult<Vec<AuditEntry>> {
        Ok(self
            .visible(filter, direction, cursor, limit)?
            .into_iter()
            .map(|e| self.app.audit_entry(e, lang))
            .collect())
    }

    /// One page of the audit trail, newest first: the events matching `filter` and
    /// `narrowing` that the scope sees, just older than `before` (or the newest), or just
    /// newer than `after`, with cursors to the neighbouring pages.
    ///
    /// Narrowed to one person, a page reads at most [`SCAN_BUDGET`] events: no index holds
    /// events by who caused them, so a rare person's events are looked for a stretch at a
    /// time. A page that stopped there says where (`search_stopped_at`) and its cursor goes on
    /// from that point, so that paging on walks the whole log and no request walks it whole.
    pub fn trail(
        &self,
        filter: &Filter,
        narrowing: &Narrowing,
        before: Option<u64>,
        after: Option<u64>,
        limit: usize,
        lang: Lang,
    ) -> AppResult<AuditPage> {
        // Whether a matching event lies beyond `cursor` in `direction` (or may: the search
        // stopped before finding one).
        let beyond = |direction, cursor| -> AppResult<bool> {
            let found = self.scan(filter, narrowing, direction, cursor, 1)?;
            Ok(!found.events.is_empty() || found.stopped_at.is_some())
        };
        let (events, newer, older, stopped_at) = if let Some(after) = after {
            let found = self.scan(
                filter,
                narrowing,
                Direction::Forward,
                after.max(narrowing.after),
                limit + 1,
            )?;
            let mut events = found.events;
            let newer = if events.len() > limit {
                events.truncate(limit);
                events.last().map(|e| e.position)
            } else {
                found.stopped_at
            };
            events.reverse();
            let oldest = events
                .last()
                .map_or(after.saturating_add(1), |e| e.position);
            let older = beyond(Direction::Backward, oldest)?.then_some(oldest);
            (events, newer, older, found.stopped_at)
        } else {
            let before = before
                .unwrap_or(u64::MAX)
                .min(narrowing.upto.saturating_add(1));
            let found = self.scan(filter, narrowing, Direction::Backward, before, limit + 1)?;
            let mut events = found.events;
            let older = if events.len() > limit {
                events.truncate(limit);
                events.last().map(|e| e.position)
            } else {
                found.stopped_at
            };
            let newest = events
                .first()
                .map_or(before.saturating_sub(1), |e| e.position);
            let newer = beyond(Direction::Forward, newest)?.then_some(newest);
            (events, newer, older, found.stopped_at)
        };
        Ok(AuditPage {
            events: events
                .into_iter()
                .map(|e| self.app.audit_entry(e, lang))
                .collect(),
            head_position: self.head_position(),
            newer,
            older,
            search_stopped_at: stopped_at,
        })
    }

    /// Up to `limit` events matching `filter` and `narrowing` from `cursor` in `direction`,
    /// reading at most [`SCAN_BUDGET`] of those matching `filter`.
    fn scan(
        &self,
        filter: &Filter,
        narrowing: &Narrowing,
        direction: Direction,
        mut cursor: u64,
        limit: usize,
    ) -> AppResult<Scanned> {
        let mut found = Vec::new();
        let mut read = 0;
        loop {
            // Without a person to look for, every event in the stretch matches: read just
            // what the page needs.
            let want = if narrowing.actor.is_some() {
                SCAN_BATCH
            } else {
                limit - found.len()
            };
            let batch = self.visible(filter, direction, cursor, want)?;
            let full = batch.len() == want;
            for event in batch {
                cursor = event.position;
                // Past the stretch in the direction of travel, nothing further matches.
                let past = match direction {
                    Direction::Forward => event.position > narrowing.upto,
                    Direction::Backward => event.position <= narrowing.after,
                };
                if past {
                    return Ok(Scanned::done(found));
                }
                read += 1;
                if narrowing.actor.is_none_or(|a| a == event.actor) {
                    found.push(event);
                    if found.len() == limit {
                        return Ok(Scanned::done(found));
                    }
                }
                if read >= SCAN_BUDGET {
                    return Ok(Scanned {
                        events: found,
                        stopped_at: Some(cursor),
                    });
                }
            }
            if !full {
                return Ok(Scanned::done(found));
            }
        }
    }

    /// [`Self::page`]'s events as stored: the caller describes or redacts them before they
    /// leave.
    pub(super) fn visible(
        &self,
        filter: &Filter,
        direction: Direction,
        cursor: u64,
        limit: usize,
    ) -> AppResult<Vec<RecordedEvent>> {
        // What the scope may not see is left out by the read itself (its reach by the tenant
        // the filter is narrowed to, the types out of sight by the store as it goes), never
        // dropped from a page afterwards: a page short of its limit, or one whose neighbour
        // is missing, would tell where the hidden events are.
        let filter = Filter {
            tenant: self.scope.narrow(filter.tenant.clone())?,
            within: self.scope.province_tenants(),
            ..filter.clone()
        };
        let sight = |event_type: &str| self.scope.sees_type(event_type);
        let events = self
            .app
            .store
            .read_page(&filter, &sight, direction, cursor, limit)?;
        // A second lock on the door, which should never have anything to hold back.
        Ok(events.into_iter().filter(|e| self.scope.sees(e)).collect())
    }

    /// The event at a position as the audit trail shows it, when the scope sees it (otherwise
    /// as if it did not exist), described in `lang`.
    pub fn get(&self, position: u64, lang: Lang) -> AppResult<Option<AuditEntry>> {
        Ok(self
            .app
            .store
            .get(position)?
            .filter(|e| self.scope.sees(e))
            .map(|e| self.app.audit_entry(e, lang)))
    }

    /// The audit path of the event at `position` in the log of `size` events, when the scope
    /// sees that event (otherwise 404, as if it did not exist).
    pub fn inclusion_proof(&self, position: u64, size: u64) -> AppResult<InclusionProof> {
        check_size(self.app, size)?;
        if position == 0 || position > size {
            return Err(AppError::BadRequest(msg!(
                "requests-proof-position",
                size = size.to_string()
            )));
        }
        let leaf = self.leaf(position)?;
        let path = self.app.store.inclusion_proof(position, size)?;
        Ok(InclusionProof {
            position,
            size,
            leaf_hash: tlog::to_base64(&tlog::leaf_hash(&leaf)),
            path: path.iter().map(tlog::to_base64).collect(),
        })
    }

    /// The leaf bytes of the event at `position`, when the scope sees it: derived from the one
    /// read that also decides whether the caller may see it.
    pub fn leaf(&self, position: u64) -> AppResult<Vec<u8>> {
        let event = self
            .app
            .store
            .get(position)?
            .filter(|e| self.scope.sees(e))
            .ok_or_else(|| not_found(position))?;
        Ok(tlog::leaf_of_event(&event).map_err(anyhow::Error::from)?)
    }

    /// The records of `tenant` that the trail lists to choose from, by name (numbers in
    /// names in their order: I.2 before I.10): its plans, progress reports, accounts and lists.
    /// Activities and signals are many and have their own pages; the trail narrows to one of
    /// them from its rows.
    pub fn records(&self, tenant: &TenantId, lang: Lang) -> Vec<AuditRecord> {
        let mut records: Vec<AuditRecord> = self
            .app
            .store
            .named_streams(tenant)
            .into_iter()
            .map(|(stream, events)| AuditRecord {
                name: self.app.record_name(tenant, &stream, lang),
                stream,
                events,
            })
            .collect();
        records.sort_by(|a, b| natural_order(&a.name, &b.name));
        records
    }

    /// Newly committed events; the caller must pass each through `ReadScope::sees` and
    /// `App::audit_entry` (which redacts it).
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<RecordedEvent>> {
        self.app.store.subscribe()
    }

    /// The head position of the whole log (public).
    pub fn head_position(&self) -> u64 {
        self.app.store.head().position
    }

    /// Events per type within a filter's tenant (or all the scope covers).
    pub fn event_types(&self, tenant: Option<&TenantId>) -> BTreeMap<String, u64> {
        let mut counts = self
            .app
            .models_unscoped()
            .event_types(|id| tenant.is_none_or(|t| t == id) && self.scope.covers(id));
        counts.retain(|event_type, _| self.scope.sees_type(event_type));
        counts
    }
}

/// Orders names as people read them: runs of digits by their value, the rest as text.
fn natural_order(a: &str, b: &str) -> std::cmp::Ordering {
    /// The name cut into runs of digits and runs of anything else.
    fn runs(name: &str) -> impl Iterator<Item = (bool, &str)> {
        name.as_bytes()
            .chunk_by(|x, y| x.is_ascii_digit() == y.is_ascii_digit())
            .map(|run| {
                let text = std::str::from_utf8(run).unwrap_or_default();
                (run.first().is_some_and(u8::is_ascii_digit), text)
            })
    }
    let key = |(digits, text): (bool, &str)| {
        // A number by its length first (no leading zeros here matter), then its digits.
        let text = if digits {
            text.trim_start_matches('0')
        } else {
            text
        };
        (digits, if digits { text.len() } else { 0 }, text.to_owned())
    };
    runs(a).map(key).cmp(runs(b).map(key))
}

#[cfg(test)]
mod tests {
    use super::natural_order;

    #[test]
    fn names_with_numbers_sort_as_people_read_them() {
        let mut names = vec![
            "Отчет по мярка I.10 (2017)",
            "Отчет по мярка I.2 (2017)",
            "Отчет по мярка II.1 (2017)",
            "Отчет по мярка I.1 (2017)",
            "План за 2017",
            "Отчет по мярка I.2 (2018)",
        ];
        names.sort_by(|a, b| natural_order(a, b));
        assert_eq!(
            names,
            [
                "Отчет по мярка I.1 (2017)",
                "Отчет по мярка I.2 (2017)",
                "Отчет по мярка I.2 (2018)",
                "Отчет по мярка I.10 (2017)",
                "Отчет по мярка II.1 (2017)",
                "План за 2017",
            ]
        );
    }
}
