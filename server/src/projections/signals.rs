//! The signals register as a read model: each signal's state per tenant, the register's
//! numbers, the tenants' internal-channel decisions, and the views built from them (the
//! register with its clocks, the tenant's analysis, and suppressed statistics).

use crate::domain::clocks::{self, cell};
use crate::domain::signals::{SignalEvent, SignalState};
use antikor_migrations::Upcasters;
use antikor_shared::signal::{
    AnalysisLine, Category, Cell, Channel, Clock, CountCell, IntakeListsSet,
    InternalChannelRecorded, Regime, SignalAnalysis, SignalRow, SignalStatistics, SignalStatus,
    StatutoryStep, TenantSignals,
};
use antikor_shared::tenant::Tenant;
use antikor_shared::{RecordedEvent, TenantId};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// How many years after closing a signal's personal data are kept (the law's register).
pub const RETENTION_YEARS: u32 = 5;

/// How a unit or activity that nobody named is listed.
const UNNAMED: &str = "(не е посочено)";

/// The stream prefix of a signal.
pub const SIGNAL_STREAM_PREFIX: &str = "signal-";

/// Every tenant's signals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignalBook {
    tenants: BTreeMap<TenantId, BTreeMap<Uuid, SignalState>>,
    references: HashMap<String, (TenantId, Uuid)>,
    channels: BTreeMap<TenantId, InternalChannelRecorded>,
    lists: BTreeMap<TenantId, IntakeListsSet>,
}

impl SignalBook {
    /// Folds in one event of the log.
    pub fn apply(&mut self, upcasters: &Upcasters, event: &RecordedEvent) {
        if let Some(id) = event.stream.as_str().strip_prefix(SIGNAL_STREAM_PREFIX) {
            let (Ok(id), Some(decoded)) =
                (Uuid::parse_str(id), SignalEvent::decode(upcasters, event))
            else {
                return;
            };
            let signals = self.tenants.entry(event.tenant.clone()).or_default();
            match decoded {
                SignalEvent::Filed(filed) => {
                    self.references
                        .insert(filed.reference.clone(), (event.tenant.clone(), id));
                    signals.insert(id, SignalState::filed(id, filed, event.recorded_at));
                }
                other => {
                    if let SignalEvent::Linked(link) = &other
                        && let Some(peer) = signals.get_mut(&link.other)
                    {
                        // A link shows on both signals.
                        peer.links.insert(id);
                    }
                    if let Some(state) = signals.get_mut(&id) {
                        state.apply(&other);
                    }
                }
            }
        } else if let Some(recorded) = super::decoded::<InternalChannelRecorded>(upcasters, event) {
            self.channels.insert(event.tenant.clone(), recorded);
        } else if let Some(lists) = super::decoded::<IntakeListsSet>(upcasters, event) {
            self.lists.insert(event.tenant.clone(), lists);
        }
    }

    /// A tenant's signal.
    pub fn get(&self, tenant: &TenantId, id: Uuid) -> Option<&SignalState> {
        self.tenants.get(tenant)?.get(&id)
    }

    /// A signal by its register number, with its tenant.
    pub fn by_reference(&self, reference: &str) -> Option<(&TenantId, &SignalState)> {
        let (tenant, id) = self.references.get(reference.trim())?;
        Some((tenant, self.get(tenant, *id)?))
    }

    /// A tenant's signals.
    pub fn of(&self, tenant: &TenantId) -> impl Iterator<Item = &SignalState> {
        self.tenants
            .get(tenant)
            .into_iter()
            .flat_map(|m| m.values())
    }

    /// Every tenant's signals.
    pub fn all(&self) -> impl Iterator<Item = (&TenantId, &SignalState)> {
        self.tenants
            .iter()
            .flat_map(|(t, m)| m.values().map(move |s| (t, s)))
    }

    /// A tenant's internal-channel decision.
    pub fn channel(&self, tenant: &TenantId) -> Option<&InternalChannelRecorded> {
        self.channels.get(tenant)
    }

    /// A tenant's lists of units and activities: as it recorded them, or the defaults.
    pub fn lists(&self, tenant: &TenantId) -> IntakeListsSet {
        self.lists.get(tenant).cloned().unwrap_or_default()
    }

    /// Whether a tenant recorded its own lists.
    pub fn lists_recorded(&self, tenant: &TenantId) -> bool {
        self.lists.contains_key(tenant)
    }

    /// The next register number of a tenant in a year: `{code}-{year}-{n:04}`.
    pub fn next_reference(&self, tenant: &TenantId, code: &str, year: i32) -> String {
        let prefix = format!("{code}-{year}-");
        let last = self
            .of(tenant)
            .filter_map(|s| s.filed.reference.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{:04}", last + 1)
    }

    /// Closed signals whose retention period ended by `today` and whose key still exists.
    pub fn retention_ended(&self, today: NaiveDate) -> Vec<(TenantId, Uuid, NaiveDate)> {
        self.all()
            .filter(|(_, s)| !s.key_destroyed)
            .filter_map(|(t, s)| {
                let until = s.retention_until(RETENTION_YEARS)?;
                (until <= today).then(|| (t.clone(), s.id, until))
            })
            .collect()
    }
}

/// The day the clocks of a signal are read on: a closed case's clocks stop when it closed.
fn clock_day(s: &SignalState, today: NaiveDate) -> NaiveDate {
    s.closed.map_or(today, |c| c.on.min(today))
}

/// The acknowledgment step of a signal on `today`.
pub fn acknowledgment(s: &SignalState, today: NaiveDate) -> StatutoryStep {
    let due = s.acknowledgment_due();
    StatutoryStep {
        due,
        done: s.acknowledged,
        clock: clocks::clock(due, s.acknowledged, clock_day(s, today)),
    }
}

/// The feedback step of a signal on `today`, once it was acknowledged.
pub fn feedback(s: &SignalState, today: NaiveDate) -> Option<StatutoryStep> {
    let due = s.feedback_due()?;
    Some(StatutoryStep {
        due,
        done: s.feedback,
        clock: clocks::clock(due, s.feedback, clock_day(s, today)),
    })
}

/// A register row.
pub fn row(s: &SignalState, today: NaiveDate) -> SignalRow {
    SignalRow {
        id: s.id,
        reference: s.filed.reference.clone(),
        received: s.filed.received,
        channel: s.filed.channel,
        anonymous: s.filed.anonymous,
        category: s.category(),
        regime: s.regime(),
        unit: s.unit().map(str::to_owned),
        activity: s.activity().map(str::to_owned),
        status: s.status(),
        assigned_to: s.assigned_to.clone(),
        uin: s.uin.clone(),
        acknowledgment: acknowledgment(s, today),
        feedback: feedback(s, today),
        forwarded_to: s.forwarded.as_ref().map(|f| f.to.clone()),
        closed: s.closed,
        retention_until: s.retention_until(RETENTION_YEARS),
        key_destroyed: s.key_destroyed,
        version: s.version,
    }
}

/// A tenant's register, newest first.
pub fn register(book: &SignalBook, tenant: &TenantId, today: NaiveDate) -> Vec<SignalRow> {
    let mut rows: Vec<SignalRow> = book.of(tenant).map(|s| row(s, today)).collect();
    rows.sort_by(|a, b| (b.received, &b.reference).cmp(&(a.received, &a.reference)));
    rows
}

fn quarter(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month0() / 3 + 1)
}

/// Where a tenant's signals concentrate: exact counts per quarter, for its officers.
pub fn analysis(book: &SignalBook, tenant: &TenantId) -> SignalAnalysis {
    let signals: Vec<&SignalState> = book.of(tenant).collect();
    let (Some(first), Some(last)) = (
        signals.iter().map(|s| quarter(s.filed.received)).min(),
        signals.iter().map(|s| quarter(s.filed.received)).max(),
    ) else {
        return SignalAnalysis {
            periods: vec![],
            by_unit: vec![],
            by_activity: vec![],
            by_category: vec![],
        };
    };
    // At most a century of quarters: filing refuses such dates, but a stored one must not
    // make the page build millions of empty columns.
    let first = first.max((last.0.saturating_sub(100), last.1));
    let mut periods = vec![first];
    while let Some(&(y, q)) = periods.last().filter(|p| **p < last) {
        periods.push(if q == 4 { (y + 1, 1) } else { (y, q + 1) });
    }
    let lines = |value: &dyn Fn(&SignalState) -> String| {
        let mut map: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for s in &signals {
            let Some(at) = periods.iter().position(|p| *p == quarter(s.filed.received)) else {
                continue;
            };
            map.entry(value(s))
                .or_insert_with(|| vec![0; periods.len()])[at] += 1;
        }
        let mut lines: Vec<AnalysisLine> = map
            .into_iter()
            .map(|(value, counts)| AnalysisLine {
                total: counts.iter().sum(),
                value,
                counts,
            })
            .collect();
        // Most signals first; on a tie, named values before the unnamed.
        lines.sort_by(|a, b| {
            (b.total, a.value == UNNAMED, &a.value).cmp(&(a.total, b.value == UNNAMED, &b.value))
        });
        lines
    };
    SignalAnalysis {
        by_unit: lines(&|s| s.unit().unwrap_or(UNNAMED).to_owned()),
        by_activity: lines(&|s| s.activity().unwrap_or(UNNAMED).to_owned()),
        by_category: lines(&|s| s.category().label_bg().to_owned()),
        periods: periods
            .into_iter()
            .map(|(y, q)| format!("{y} Q{q}"))
            .collect(),
    }
}

/// Counts by key, suppressed, in the order of `keys` (then any other key by count).
fn count_cells<K: Ord + Clone>(
    counts: &BTreeMap<K, u64>,
    keys: &[K],
    describe: impl Fn(&K) -> (String, String),
) -> Vec<CountCell> {
    let mut out: Vec<CountCell> = keys
        .iter()
        .map(|k| {
            let (key, label) = describe(k);
            CountCell {
                key,
                label,
                count: cell(counts.get(k).copied().unwrap_or(0)),
            }
        })
        .collect();
    let mut rest: Vec<(&K, u64)> = counts
        .iter()
        .filter(|(k, _)| !keys.contains(k))
        .map(|(k, n)| (k, *n))
        .collect();
    rest.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    out.extend(rest.into_iter().map(|(k, n)| {
        let (key, label) = describe(k);
        CountCell {
            key,
            label,
            count: cell(n),
        }
    }));
    out
}

fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A rate in percent, shown only when neither the met nor the missed count is a suppressed
/// cell (otherwise the rate and the total would give the hidden count away).
fn rate(met: u64, due: u64) -> Option<u32> {
    let hidden = |n: u64| matches!(cell(n), Cell::FewerThanThree);
    (due >= clocks::SMALLEST_SHOWN && !hidden(met) && !hidden(due - met))
        .then(|| ((met * 100 + due / 2) / due) as u32)
}

/// The register as statistics only: every cell under 3 shown as "< 3". What the region and
/// the public see; `tenants` in the order they are listed.
pub fn statistics(
    book: &SignalBook,
    tenants: &[Tenant],
    year: Option<i32>,
    today: NaiveDate,
) -> SignalStatistics {
    let signals: Vec<(&TenantId, &SignalState)> = book
        .all()
        .filter(|(_, s)| year.is_none_or(|y| s.filed.received.year() == y))
        .collect();
    let mut by_category = BTreeMap::new();
    let mut by_unit = BTreeMap::new();
    let mut by_activity = BTreeMap::new();
    let mut by_status = BTreeMap::new();
    let mut by_regime: BTreeMap<Option<Regime>, u64> = BTreeMap::new();
    let mut by_channel = BTreeMap::new();
    let mut by_quarter = BTreeMap::new();
    for (_, s) in &signals {
        *by_quarter.entry(quarter(s.filed.received)).or_default() += 1;
        *by_category.entry(s.category()).or_default() += 1;
        *by_unit
            .entry(s.unit().unwrap_or(UNNAMED).to_owned())
            .or_default() += 1;
        *by_activity
            .entry(s.activity().unwrap_or(UNNAMED).to_owned())
            .or_default() += 1;
        *by_status.entry(s.status()).or_default() += 1;
        *by_regime.entry(s.regime()).or_default() += 1;
        *by_channel.entry(s.filed.channel).or_default() += 1;
    }
    let by_tenant = tenants
        .iter()
        .map(|t| {
            let mine: Vec<&SignalState> = signals
                .iter()
                .filter(|(id, _)| **id == t.id)
                .map(|(_, s)| *s)
                .collect();
            let tally = |steps: Vec<Clock>| {
                let met = steps.iter().filter(|c| **c == Clock::Met).count() as u64;
                let due = steps
                    .iter()
                    .filter(|c| matches!(c, Clock::Met | Clock::MetLate | Clock::Overdue))
                    .count() as u64;
                (met, due)
            };
            let (ack_met, ack_due) = tally(
                mine.iter()
                    .map(|s| super::signals::acknowledgment(s, today).clock)
                    .collect(),
            );
            let (fb_met, fb_due) = tally(
                mine.iter()
                    .filter_map(|s| feedback(s, today).map(|f| f.clock))
                    .collect(),
            );
            TenantSignals {
                tenant: t.id.clone(),
                name: t.registration.name_bg.clone(),
                received: cell(mine.len() as u64),
                acknowledged_in_time: cell(ack_met),
                acknowledgments_due: cell(ack_due),
                feedback_in_time: cell(fb_met),
                feedback_due: cell(fb_due),
                acknowledgment_rate: rate(ack_met, ack_due),
                feedback_rate: rate(fb_met, fb_due),
                obliged: book.channel(&t.id).map(|c| c.obliged),
            }
        })
        .collect();
    let same = |s: &String| (s.clone(), s.clone());
    let quarters: Vec<(i32, u32)> = by_quarter.keys().copied().collect();
    SignalStatistics {
        year,
        total: cell(signals.len() as u64),
        by_tenant,
        by_category: count_cells(&by_category, &Category::ALL, |c| {
            (serde_name(c), c.label_bg().to_owned())
        }),
        by_unit: count_cells(&by_unit, &[], same),
        by_activity: count_cells(&by_activity, &[], same),
        by_status: count_cells(&by_status, &SignalStatus::ALL, |s| {
            (serde_name(s), s.label_bg().to_owned())
        }),
        by_regime: count_cells(
            &by_regime,
            &[
                Some(Regime::Whistleblower),
                Some(Regime::General),
                Some(Regime::OutsideCompetence),
                None,
            ],
            |r| match r {
                Some(r) => (serde_name(r), r.label_bg().to_owned()),
                None => ("unclassified".into(), "Некласифициран".into()),
            },
        ),
        by_channel: count_cells(
            &by_channel,
            &[
                Channel::WebForm,
                Channel::Email,
                Channel::Phone,
                Channel::Post,
                Channel::InPerson,
            ],
            |c| (serde_name(c), c.label_bg().to_owned()),
        ),
        by_quarter: count_cells(&by_quarter, &quarters, |(y, q)| {
            (format!("{y}-Q{q}"), format!("{y} Q{q}"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_never_give_a_suppressed_count_away() {
        assert_eq!(rate(0, 0), None);
        assert_eq!(rate(2, 2), None, "fewer than 3 due");
        assert_eq!(rate(10, 12), None, "2 missed would show");
        assert_eq!(rate(2, 12), None, "2 met would show");
        assert_eq!(rate(9, 12), Some(75));
        assert_eq!(rate(12, 12), Some(100));
        assert_eq!(rate(0, 5), Some(0));
    }
}
