//! The signals register as a read model: each signal's state per tenant, the register's
//! numbers, the tenants' internal-channel decisions, and the views built from them (the
//! register with its clocks, the tenant's analysis, and suppressed statistics).

use crate::domain::clocks::{self, cell};
use crate::domain::signals::SignalCase;
use crate::domain::suppression::Table;
use crate::util::compact;
use crate::util::paging::{Cursor, PageRequest};
use antikor_shared::api::Page;
use antikor_shared::events::SignalEvent;
use antikor_shared::i18n::Lang;
use antikor_shared::signal::{
    AnalysisLine, Category, Cell, Channel, Clock, CountCell, IntakeListsSet,
    InternalChannelRecorded, Regime, SignalAnalysis, SignalRow, SignalStatistics, SignalStatus,
    StatutoryStep, TenantSignals,
};
use antikor_shared::signal::{OTHER_OR_UNNAMED, other_or_unnamed};
use antikor_shared::tenant::Tenant;
use antikor_shared::tr;
use antikor_shared::{EventHeader, TenantId};
use chrono::{Datelike, NaiveDate};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use uuid::Uuid;

/// How many years after closing a signal's personal data are kept (the law's register).
pub const RETENTION_YEARS: u32 = 5;

/// A signal's case (folded by the aggregate's own `apply`), with where it sits in the log.
/// Its links also hold those that other signals made to it: a link shows on both.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignalEntry {
    /// The signal's id.
    pub id: Uuid,
    /// The version of its stream.
    pub version: u64,
    /// The case.
    pub case: SignalCase,
}

/// Every tenant's signals.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignalBook {
    #[serde(with = "compact::sorted_map::of_maps")]
    tenants: BTreeMap<TenantId, BTreeMap<Uuid, SignalEntry>>,
    /// Each tenant's register per status, in the register's order: a page is a range, a
    /// count a length.
    #[serde(with = "compact::sorted_set::in_map")]
    order: RegisterIndex,
    references: HashMap<String, (TenantId, Uuid)>,
    /// Each tenant's filings' log positions, in order: how many signals arrived after a
    /// position is a search (the officers' e-mail reads it).
    #[serde(default)]
    filed_at: BTreeMap<TenantId, Vec<u64>>,
    channels: BTreeMap<TenantId, InternalChannelRecorded>,
    lists: BTreeMap<TenantId, IntakeListsSet>,
    /// Counts the events folded in: answers computed from the book (the public statistics)
    /// stay valid while it stays the same.
    generation: u64,
}

/// A signal's place in its register: the newest received first, then by register number
/// (descending, as the numbers are given), then by id.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct RegisterKey {
    received: Reverse<NaiveDate>,
    reference: Reverse<String>,
    id: Uuid,
}

impl RegisterKey {
    fn of(entry: &SignalEntry) -> Self {
        Self {
            received: Reverse(entry.case.filed.received),
            reference: Reverse(entry.case.filed.reference.clone()),
            id: entry.id,
        }
    }
}

impl Cursor for RegisterKey {
    fn encode(&self) -> String {
        // The register number goes last: it is the one part that is free text.
        let date = self.received.0.format("%Y%m%d");
        format!("{date}.{}.{}", self.id.simple(), self.reference.0)
    }

    fn decode(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '.');
        let received = NaiveDate::parse_from_str(parts.next()?, "%Y%m%d").ok()?;
        let id = Uuid::try_parse(parts.next()?).ok()?;
        Some(Self {
            received: Reverse(received),
            reference: Reverse(parts.next()?.to_owned()),
            id,
        })
    }
}

/// The register's index: per tenant and status, the signals in the register's order.
type RegisterIndex = BTreeMap<(TenantId, SignalStatus), BTreeSet<RegisterKey>>;

/// Takes a key out of the index (an emptied set goes too, so that a fold's state does not
/// depend on statuses visited and left).
fn remove_key(order: &mut RegisterIndex, place: (TenantId, SignalStatus), key: &RegisterKey) {
    if let Some(keys) = order.get_mut(&place) {
        keys.remove(key);
        if keys.is_empty() {
            order.remove(&place);
        }
    }
}

/// Takes a replaced case out of the index.
fn unlist(order: &mut RegisterIndex, tenant: &TenantId, old: &SignalEntry) {
    remove_key(
        order,
        (tenant.clone(), old.case.status()),
        &RegisterKey::of(old),
    );
}

impl SignalBook {
    /// Folds in an event of a signal's stream (one of another stream is ignored).
    pub fn signal(&mut self, event: &EventHeader, decoded: SignalEvent) {
        if let Some(id) = crate::streams::signal_id(&event.stream) {
            self.generation += 1;
            let signals = self.tenants.entry(event.tenant.clone()).or_default();
            let tenant = &event.tenant;
            // By value: a filing moves into its case (its sealed fields are most of a replay's
            // bytes), and the rest are applied to one.
            match decoded {
                SignalEvent::Filed(filed) => {
                    self.references
                        .insert(filed.reference.clone(), (tenant.clone(), id));
                    self.filed_at
                        .entry(tenant.clone())
                        .or_default()
                        .push(event.position);
                    let entry = SignalEntry {
                        id,
                        version: event.version,
                        case: SignalCase::filed(filed),
                    };
                    let place = (tenant.clone(), entry.case.status());
                    let key = RegisterKey::of(&entry);
                    // A second filing of one stream (which the commands refuse) replaces the
                    // case; its old place in the register goes with it.
                    if let Some(old) = signals.insert(id, entry) {
                        unlist(&mut self.order, tenant, &old);
                    }
                    self.order.entry(place).or_default().insert(key);
                }
                other => {
                    if let SignalEvent::Linked(link) = &other
                        && let Some(peer) = signals.get_mut(&link.other)
                    {
                        // A link shows on both signals.
                        peer.case.links.insert(id);
                    }
                    if let Some(entry) = signals.get_mut(&id) {
                        let was = entry.case.status();
                        entry.case.apply(&other);
                        entry.version = event.version;
                        let is = entry.case.status();
                        if was != is {
                            let key = RegisterKey::of(entry);
                            remove_key(&mut self.order, (tenant.clone(), was), &key);
                            self.order
                                .entry((tenant.clone(), is))
                                .or_default()
                                .insert(key);
                        }
                    }
                }
            }
        }
    }

    /// Folds in how a tenant's internal channel is set up.
    pub fn channel_recorded(&mut self, event: &EventHeader, recorded: InternalChannelRecorded) {
        self.generation += 1;
        self.channels.insert(event.tenant.clone(), recorded);
    }

    /// Folds in a tenant's lists of units and activities for intake.
    pub fn lists_set(&mut self, event: &EventHeader, lists: IntakeListsSet) {
        self.generation += 1;
        self.lists.insert(event.tenant.clone(), lists);
    }

    /// How many events the book has folded in: equal generations, equal book.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A tenant's signal.
    pub fn get(&self, tenant: &TenantId, id: Uuid) -> Option<&SignalEntry> {
        self.tenants.get(tenant)?.get(&id)
    }

    /// A signal by its register number, with its tenant.
    pub fn by_reference(&self, reference: &str) -> Option<(&TenantId, &SignalEntry)> {
        let (tenant, id) = self.references.get(reference.trim())?;
        Some((tenant, self.get(tenant, *id)?))
    }

    /// A page of a tenant's register (of one status, or all), in the register's order.
    pub fn register(
        &self,
        tenant: &TenantId,
        status: Option<SignalStatus>,
        request: &PageRequest<RegisterKey>,
    ) -> Page<&SignalEntry> {
        let statuses = status.map_or(SignalStatus::ALL.to_vec(), |s| vec![s]);
        let sets: Vec<&BTreeSet<RegisterKey>> = statuses
            .into_iter()
            .filter_map(|s| self.order.get(&(tenant.clone(), s)))
            .collect();
        let total = sets.iter().map(|keys| keys.len() as u64).sum();
        let start = request
            .after
            .clone()
            .map_or(Bound::Unbounded, Bound::Excluded);
        let sources = sets.into_iter().map(|keys| {
            keys.range((start.clone(), Bound::Unbounded))
                .filter_map(|key| Some((key.clone(), self.get(tenant, key.id)?)))
        });
        request.cut(sources, total)
    }

    /// A tenant's signals.
    pub fn of(&self, tenant: &TenantId) -> impl Iterator<Item = &SignalEntry> {
        self.tenants
            .get(tenant)
            .into_iter()
            .flat_map(|m| m.values())
    }

    /// A tenant's signals of one status, the earliest received first (a page of the register
    /// read from its end): a reminder reads only as far as what is due.
    pub fn oldest(
        &self,
        tenant: &TenantId,
        status: SignalStatus,
    ) -> impl Iterator<Item = &SignalEntry> {
        let cases = self.tenants.get(tenant);
        self.order
            .get(&(tenant.clone(), status))
            .into_iter()
            .flat_map(|keys| keys.iter().rev())
            .filter_map(move |key| cases?.get(&key.id))
    }

    /// How many signals `tenant` received after log position `after`, and the position of
    /// the newest of them.
    pub fn filed_after(&self, tenant: &TenantId, after: u64) -> (u64, u64) {
        let Some(positions) = self.filed_at.get(tenant) else {
            return (0, after);
        };
        let new = &positions[positions.partition_point(|p| *p <= after)..];
        (new.len() as u64, new.last().copied().unwrap_or(after))
    }

    /// Every tenant's signals.
    pub fn all(&self) -> impl Iterator<Item = (&TenantId, &SignalEntry)> {
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
            .filter_map(|s| {
                s.case
                    .filed
                    .reference
                    .strip_prefix(&prefix)?
                    .parse::<u32>()
                    .ok()
            })
            .max()
            .unwrap_or(0);
        format!("{prefix}{:04}", last + 1)
    }

    /// Closed signals whose retention period ended by `today` and whose key still exists.
    pub fn retention_ended(&self, today: NaiveDate) -> Vec<(TenantId, Uuid, NaiveDate)> {
        self.all()
            .filter(|(_, s)| !s.case.key_destroyed)
            .filter_map(|(t, s)| {
                let until = s.case.retention_until(RETENTION_YEARS)?;
                (until <= today).then(|| (t.clone(), s.id, until))
            })
            .collect()
    }
}

/// The day the clocks of a signal are read on: a closed case's clocks stop when it closed.
fn clock_day(s: &SignalEntry, today: NaiveDate) -> NaiveDate {
    s.case.closed.map_or(today, |c| c.on.min(today))
}

/// The acknowledgment step of a signal on `today`.
pub fn acknowledgment(s: &SignalEntry, today: NaiveDate) -> StatutoryStep {
    let due = s.case.acknowledgment_due();
    StatutoryStep {
        due,
        done: s.case.acknowledged,
        clock: clocks::clock(due, s.case.acknowledged, clock_day(s, today)),
    }
}

/// The feedback step of a signal on `today`, once it was acknowledged.
pub fn feedback(s: &SignalEntry, today: NaiveDate) -> Option<StatutoryStep> {
    let due = s.case.feedback_due()?;
    Some(StatutoryStep {
        due,
        done: s.case.feedback,
        clock: clocks::clock(due, s.case.feedback, clock_day(s, today)),
    })
}

/// A register row.
pub fn row(s: &SignalEntry, today: NaiveDate) -> SignalRow {
    SignalRow {
        id: s.id,
        reference: s.case.filed.reference.clone(),
        received: s.case.filed.received,
        channel: s.case.filed.channel,
        anonymous: s.case.filed.anonymous,
        category: s.case.category(),
        regime: s.case.regime(),
        unit: s.case.unit().map(str::to_owned),
        activity: s.case.activity().map(str::to_owned),
        status: s.case.status(),
        assigned_to: s.case.assigned_to.clone(),
        uin: s.case.uin.clone(),
        acknowledgment: acknowledgment(s, today),
        feedback: feedback(s, today),
        forwarded_to: s.case.forwarded.as_ref().map(|f| f.to.clone()),
        closed: s.case.closed,
        retention_until: s.case.retention_until(RETENTION_YEARS),
        key_destroyed: s.case.key_destroyed,
        version: s.version,
    }
}

fn quarter(day: NaiveDate) -> (i32, u32) {
    (day.year(), day.month0() / 3 + 1)
}

/// Where a tenant's signals concentrate: exact counts per quarter, for its officers, with
/// categories (and units or activities nobody named) in `lang`.
pub fn analysis(book: &SignalBook, tenant: &TenantId, lang: Lang) -> SignalAnalysis {
    let signals: Vec<&SignalEntry> = book.of(tenant).collect();
    let (Some(first), Some(last)) = (
        signals.iter().map(|s| quarter(s.case.filed.received)).min(),
        signals.iter().map(|s| quarter(s.case.filed.received)).max(),
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
    // `None`: a unit or an activity nobody named. `recorded`: the values are the records' own
    // words (a unit's or an activity's name), not labels in `lang`.
    let lines = |value: &dyn Fn(&SignalEntry) -> Option<String>, recorded: bool| {
        let mut map: BTreeMap<Option<String>, Vec<u64>> = BTreeMap::new();
        for s in &signals {
            let Some(at) = periods
                .iter()
                .position(|p| *p == quarter(s.case.filed.received))
            else {
                continue;
            };
            map.entry(value(s))
                .or_insert_with(|| vec![0; periods.len()])[at] += 1;
        }
        let mut lines: Vec<(u64, Option<String>, Vec<u64>)> = map
            .into_iter()
            .map(|(value, counts)| (counts.iter().sum(), value, counts))
            .collect();
        // Most signals first; on a tie, named values before the unnamed.
        lines.sort_by(|(a_total, a, _), (b_total, b, _)| {
            (b_total, a.is_none(), a).cmp(&(a_total, b.is_none(), b))
        });
        lines
            .into_iter()
            .map(|(total, value, counts)| AnalysisLine {
                total,
                recorded: recorded && value.is_some(),
                value: value.unwrap_or_else(|| tr!(lang, "requests-unnamed")),
                counts,
            })
            .collect::<Vec<_>>()
    };
    SignalAnalysis {
        by_unit: lines(&|s| s.case.unit().map(str::to_owned), true),
        by_activity: lines(&|s| s.case.activity().map(str::to_owned), true),
        by_category: lines(&|s| Some(s.case.category().label(lang)), false),
        periods: periods
            .into_iter()
            .map(|(y, q)| format!("{y} Q{q}"))
            .collect(),
    }
}

/// Counts by key, in the order of `keys` (then any other key by count), labelled.
fn count_lines<K: Ord + Clone>(
    counts: &BTreeMap<K, u64>,
    keys: &[K],
    describe: impl Fn(&K) -> (String, String),
) -> Vec<(String, String, u64)> {
    let mut out: Vec<(String, String, u64)> = keys
        .iter()
        .map(|k| {
            let (key, label) = describe(k);
            (key, label, counts.get(k).copied().unwrap_or(0))
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
        (key, label, n)
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

/// Whether a published cell gives its count exactly.
fn exact(c: Cell) -> bool {
    matches!(c, Cell::Zero | Cell::Exact(_))
}

/// One tenant's counts, and where they sit in the table.
struct TenantCounts {
    received: usize,
    ack_met: (u64, usize),
    ack_due: (u64, usize),
    fb_met: (u64, usize),
    fb_due: (u64, usize),
}

/// [`statistics`] with its lines labelled in `lang` (their keys are the same in every
/// language).
pub fn statistics(
    book: &SignalBook,
    tenants: &[Tenant],
    year: Option<i32>,
    today: NaiveDate,
    lang: Lang,
) -> SignalStatistics {
    let shown: BTreeSet<&TenantId> = tenants.iter().map(|t| &t.id).collect();
    let signals: Vec<(&TenantId, &SignalEntry)> = book
        .all()
        .filter(|(t, s)| {
            shown.contains(t) && year.is_none_or(|y| s.case.filed.received.year() == y)
        })
        .collect();
    let lists: BTreeMap<&TenantId, IntakeListsSet> = signals
        .iter()
        .map(|(t, _)| *t)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|t| (t, book.lists(t)))
        .collect();
    let listed = |value: Option<&str>, list: &[String]| match value {
        Some(v) if list.iter().any(|e| e == v) => v.to_owned(),
        _ => OTHER_OR_UNNAMED.to_owned(),
    };
    let mut by_category = BTreeMap::new();
    let mut by_unit = BTreeMap::new();
    let mut by_activity = BTreeMap::new();
    let mut by_status = BTreeMap::new();
    let mut by_regime: BTreeMap<Option<Regime>, u64> = BTreeMap::new();
    let mut by_channel = BTreeMap::new();
    let mut by_quarter = BTreeMap::new();
    for (t, s) in &signals {
        *by_quarter
            .entry(quarter(s.case.filed.received))
            .or_default() += 1;
        *by_category.entry(s.case.category()).or_default() += 1;
        *by_unit
            .entry(listed(s.case.unit(), &lists[t].units))
            .or_default() += 1;
        *by_activity
            .entry(listed(s.case.activity(), &lists[t].activities))
            .or_default() += 1;
        *by_status.entry(s.case.status()).or_default() += 1;
        *by_regime.entry(s.case.regime()).or_default() += 1;
        *by_channel.entry(s.case.filed.channel).or_default() += 1;
    }

    let mut table = Table::default();
    let total = table.count(signals.len() as u64);
    let mut per_tenant: BTreeMap<&TenantId, Vec<&SignalEntry>> = BTreeMap::new();
    for (t, s) in &signals {
        per_tenant.entry(*t).or_default().push(*s);
    }
    let rows: Vec<TenantCounts> = tenants
        .iter()
        .map(|t| {
            let mine = per_tenant.remove(&t.id).unwrap_or_default();
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
            let received = mine.len() as u64;
            let row = TenantCounts {
                received: table.count(received),
                ack_met: (ack_met, table.count(ack_met)),
                ack_due: (ack_due, table.count(ack_due)),
                fb_met: (fb_met, table.count(fb_met)),
                fb_due: (fb_due, table.count(fb_due)),
            };
            // Never printed, but a reader subtracts: one or two late answers must stay as
            // hidden as a "< 3" would; what is not yet due only bounds the rest.
            let late = table.unpublished(ack_due - ack_met, true);
            table.line(row.ack_due.1, vec![row.ack_met.1, late]);
            let fb_late = table.unpublished(fb_due - fb_met, true);
            table.line(row.fb_due.1, vec![row.fb_met.1, fb_late]);
            let pending = table.unpublished(received - ack_due, false);
            table.line(row.received, vec![row.ack_due.1, pending]);
            let no_feedback = table.unpublished(received - fb_due, false);
            table.line(row.received, vec![row.fb_due.1, no_feedback]);
            row
        })
        .collect();
    let mut received: Vec<usize> = rows.iter().map(|r| r.received).collect();
    // What is left belongs to no listed tenant.
    let unlisted = per_tenant.values().map(Vec::len).sum::<usize>() as u64;
    if unlisted > 0 {
        received.push(table.unpublished(unlisted, false));
    }
    table.line(total, received);

    // A unit or an activity by its name, which is its key; the one for all the others is
    // labelled in the reader's language.
    let same = |s: &String| {
        let label = if s == OTHER_OR_UNNAMED {
            other_or_unnamed(lang)
        } else {
            s.clone()
        };
        (s.clone(), label)
    };
    let quarters: Vec<(i32, u32)> = by_quarter.keys().copied().collect();
    let mut breakdowns: Vec<Vec<(String, String, usize)>> = [
        count_lines(&by_category, &Category::ALL, |c| {
            (serde_name(c), c.label(lang))
        }),
        count_lines(&by_unit, &[], same),
        count_lines(&by_activity, &[], same),
        count_lines(&by_status, &SignalStatus::ALL, |s| {
            (serde_name(s), s.label(lang))
        }),
        count_lines(
            &by_regime,
            &[
                Some(Regime::Whistleblower),
                Some(Regime::General),
                Some(Regime::OutsideCompetence),
                None,
            ],
            |r| match r {
                Some(r) => (serde_name(r), r.label(lang)),
                None => ("unclassified".into(), tr!(lang, "requests-unclassified")),
            },
        ),
        count_lines(
            &by_channel,
            &[
                Channel::WebForm,
                Channel::Email,
                Channel::Phone,
                Channel::Post,
                Channel::InPerson,
            ],
            |c| (serde_name(c), c.label(lang)),
        ),
        count_lines(&by_quarter, &quarters, |(y, q)| {
            (format!("{y}-Q{q}"), format!("{y} Q{q}"))
        }),
    ]
    .into_iter()
    .map(|lines| {
        let placed: Vec<(String, String, usize)> = lines
            .into_iter()
            .map(|(key, label, n)| (key, label, table.count(n)))
            .collect();
        table.line(total, placed.iter().map(|(_, _, i)| *i).collect());
        placed
    })
    .collect();

    let shown = table.suppress();
    let cells = |lines: Vec<(String, String, usize)>| -> Vec<CountCell> {
        lines
            .into_iter()
            .map(|(key, label, i)| CountCell {
                key,
                label,
                count: shown[i],
            })
            .collect()
    };
    let mut next = || cells(breakdowns.remove(0));
    let (by_category, by_unit, by_activity, by_status, by_regime, by_channel, by_quarter) =
        (next(), next(), next(), next(), next(), next(), next());
    // A rate beside a withheld or hidden count would give it away.
    let shown_rate = |met: (u64, usize), due: (u64, usize)| {
        rate(met.0, due.0).filter(|_| exact(shown[met.1]) && exact(shown[due.1]))
    };
    let by_tenant = tenants
        .iter()
        .zip(&rows)
        .map(|(t, r)| TenantSignals {
            tenant: t.id.clone(),
            name: t.registration.name(),
            received: shown[r.received],
            acknowledged_in_time: shown[r.ack_met.1],
            acknowledgments_due: shown[r.ack_due.1],
            feedback_in_time: shown[r.fb_met.1],
            feedback_due: shown[r.fb_due.1],
            acknowledgment_rate: shown_rate(r.ack_met, r.ack_due),
            feedback_rate: shown_rate(r.fb_met, r.fb_due),
            obliged: book.channel(&t.id).map(|c| c.obliged),
        })
        .collect();
    SignalStatistics {
        year,
        total: shown[total],
        by_tenant,
        by_category,
        by_unit,
        by_activity,
        by_status,
        by_regime,
        by_channel,
        by_quarter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::signal::{
        Outcome, Sealed, SignalAcknowledged, SignalClassified, SignalClosed, SignalFeedbackGiven,
        SignalFiled,
    };
    use chrono::{Days, Utc};
    use serde_json::Value;

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

    /// A reproducible stream of numbers (xorshift), so that a failing register can be rebuilt.
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, sides: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % sides
        }
    }

    fn sealed() -> Sealed {
        Sealed {
            sealed_v1: "x".into(),
        }
    }

    fn tenants(how_many: usize) -> Vec<Tenant> {
        antikor_migrations::seed::tenants()
            .into_iter()
            .take(how_many)
            .map(|(id, registration)| Tenant {
                id,
                registration,
                registered_at: Utc::now(),
                event_count: 0,
                last_event_at: Utc::now(),
            })
            .collect()
    }

    const TODAY: (i32, u32, u32) = (2026, 6, 30);

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
    }

    /// A register of random signals: a few tenants, few signals, so that small cells abound;
    /// some units and activities typed freely, as old events may hold them.
    fn random_book(dice: &mut Dice, tenants: &[Tenant]) -> SignalBook {
        let mut book = SignalBook::default();
        let lists = IntakeListsSet::default();
        let pick = |dice: &mut Dice, list: &[String]| match dice.roll(4) {
            0 => None,
            1 => Some("Иван Драганов от стая 12".to_owned()),
            _ => Some(list[dice.roll(3) as usize].clone()),
        };
        let signals = dice.roll(25) + 1;
        for n in 0..signals {
            let tenant = &tenants[dice.roll(tenants.len() as u64) as usize].id;
            let received = today() - Days::new(dice.roll(400));
            let filed = SignalFiled {
                reference: format!("R-{n}"),
                received,
                channel: [Channel::WebForm, Channel::Email, Channel::Phone][dice.roll(3) as usize],
                anonymous: true,
                reporter: None,
                account: sealed(),
                concerned: None,
                category: Category::ALL[dice.roll(3) as usize],
                unit: pick(dice, &lists.units),
                activity: pick(dice, &lists.activities),
                confirmed_by_reporter: None,
                receipt_hash: None,
                attachments: vec![],
            };
            let id = Uuid::from_u128(n as u128 + 1);
            let mut state = SignalEntry {
                id,
                version: 1,
                case: SignalCase::filed(filed),
            };
            if dice.roll(3) > 0 {
                let on = received + Days::new(dice.roll(12));
                if on <= today() {
                    state
                        .case
                        .apply(&SignalEvent::Acknowledged(SignalAcknowledged {
                            on,
                            uin: None,
                            message: None,
                        }));
                    let fb = on + Days::new(dice.roll(120));
                    if dice.roll(2) == 0 && fb <= today() {
                        state
                            .case
                            .apply(&SignalEvent::FeedbackGiven(SignalFeedbackGiven {
                                on: fb,
                                text: sealed(),
                            }));
                    }
                }
            }
            if dice.roll(3) == 0 {
                state.case.apply(&SignalEvent::Classified(SignalClassified {
                    regime: Regime::ALL[dice.roll(3) as usize],
                    category: Category::ALL[dice.roll(2) as usize],
                    unit: pick(dice, &lists.units),
                    activity: None,
                }));
            }
            if dice.roll(4) == 0 {
                state.case.apply(&SignalEvent::Closed(SignalClosed {
                    on: today(),
                    outcome: Outcome::Forwarded,
                    reason: sealed(),
                }));
            }
            book.tenants
                .entry(tenant.clone())
                .or_default()
                .insert(id, state);
        }
        book
    }

    const UNBOUNDED: u64 = u64::MAX;

    /// What a reader knows of a published cell: at least, at most.
    fn known(cell: &Value) -> (u64, u64) {
        match cell["shown"].as_str() {
            Some("zero") => (0, 0),
            Some("exact") => {
                let n = cell["count"].as_u64().unwrap();
                (n, n)
            }
            Some("fewer_than_three") => (1, 2),
            Some("withheld") => (0, UNBOUNDED),
            other => panic!("unknown cell {other:?}"),
        }
    }

    /// The reader's side: takes the published JSON, writes down every sum it implies (each
    /// breakdown adds up to the total, the tenants too; per tenant, what is due is at most
    /// what was received and what was in time at most what was due), and narrows every
    /// unknown cell through them until nothing changes. Answers the hidden cells that end
    /// up with one possible value, and the late counts (never published) that end up known
    /// and small.
    fn solve(stats: &Value) -> Vec<String> {
        #[derive(Default)]
        struct Cells {
            names: Vec<String>,
            bounds: Vec<(u64, u64)>,
            hidden: Vec<bool>,
        }
        impl Cells {
            fn add(&mut self, name: String, b: (u64, u64), hidden: bool) -> usize {
                self.names.push(name);
                self.bounds.push(b);
                self.hidden.push(hidden);
                self.bounds.len() - 1
            }
            fn published(&mut self, name: String, cell: &Value) -> usize {
                let hidden = matches!(
                    cell["shown"].as_str(),
                    Some("fewer_than_three" | "withheld")
                );
                self.add(name, known(cell), hidden)
            }
        }
        let mut cells = Cells::default();
        let mut lines: Vec<(usize, Vec<usize>)> = vec![];
        let total = cells.published("total".into(), &stats["total"]);
        let mut received = vec![];
        for row in stats["by_tenant"].as_array().unwrap() {
            let t = row["tenant"].as_str().unwrap();
            let mut cell = |field: &str| cells.published(format!("{t}.{field}"), &row[field]);
            let rec = cell("received");
            let ack = cell("acknowledged_in_time");
            let ack_due = cell("acknowledgments_due");
            let fb = cell("feedback_in_time");
            let fb_due = cell("feedback_due");
            received.push(rec);
            let mut unknown = |what: &str| cells.add(format!("{t}.{what}"), (0, UNBOUNDED), false);
            let late = unknown("late_acknowledgments");
            let pending = unknown("not_yet_due");
            let fb_late = unknown("late_feedback");
            let fb_rest = unknown("no_feedback_due");
            lines.push((ack_due, vec![ack, late]));
            lines.push((rec, vec![ack_due, pending]));
            lines.push((fb_due, vec![fb, fb_late]));
            lines.push((rec, vec![fb_due, fb_rest]));
            // A published rate with its published denominator gives the numerator away.
            for (rate, met, due, missed) in [
                ("acknowledgment_rate", ack, ack_due, late),
                ("feedback_rate", fb, fb_due, fb_late),
            ] {
                if let Some(r) = row[rate].as_u64() {
                    let (lo, hi) = cells.bounds[due];
                    let (m_lo, m_hi) = cells.bounds[met];
                    let fits: Vec<(u64, u64)> = (lo.max(1)..=hi.min(10_000))
                        .flat_map(|d| (0..=d).map(move |m| (m, d)))
                        .filter(|(m, d)| (m * 100 + d / 2) / d == r)
                        .filter(|(m, _)| (m_lo..=m_hi).contains(m))
                        .collect();
                    let span = |f: &dyn Fn(&(u64, u64)) -> u64| {
                        (
                            fits.iter().map(f).min().unwrap(),
                            fits.iter().map(f).max().unwrap(),
                        )
                    };
                    cells.bounds[met] = span(&|f| f.0);
                    cells.bounds[missed] = span(&|f| f.1 - f.0);
                }
            }
        }
        lines.push((total, received));
        for breakdown in [
            "by_category",
            "by_unit",
            "by_activity",
            "by_status",
            "by_regime",
            "by_channel",
            "by_quarter",
        ] {
            let parts = stats[breakdown]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let name = format!("{breakdown}.{}", c["key"].as_str().unwrap());
                    cells.published(name, &c["count"])
                })
                .collect();
            lines.push((total, parts));
        }
        let add_up = |a: u64, b: u64| {
            if a == UNBOUNDED || b == UNBOUNDED {
                UNBOUNDED
            } else {
                a + b
            }
        };
        let Cells {
            names,
            mut bounds,
            hidden,
        } = cells;
        loop {
            let before = bounds.clone();
            for (t, parts) in &lines {
                let lo: u64 = parts.iter().map(|p| bounds[*p].0).sum();
                let hi = parts.iter().map(|p| bounds[*p].1).fold(0, add_up);
                bounds[*t] = (bounds[*t].0.max(lo), bounds[*t].1.min(hi));
                for p in parts {
                    let others_lo = lo - bounds[*p].0;
                    let others_hi = parts
                        .iter()
                        .filter(|q| *q != p)
                        .map(|q| bounds[*q].1)
                        .fold(0, add_up);
                    let (t_lo, t_hi) = bounds[*t];
                    let at_least = if others_hi == UNBOUNDED {
                        0
                    } else {
                        t_lo.saturating_sub(others_hi)
                    };
                    let at_most = if t_hi == UNBOUNDED {
                        UNBOUNDED
                    } else {
                        t_hi - others_lo.min(t_hi)
                    };
                    bounds[*p] = (bounds[*p].0.max(at_least), bounds[*p].1.min(at_most));
                }
            }
            if bounds == before {
                break;
            }
        }
        (0..names.len())
            .filter(|&i| {
                let (lo, hi) = bounds[i];
                lo == hi && (hidden[i] || (names[i].contains(".late_") && (1..3).contains(&lo)))
            })
            .map(|i| format!("{} = {}", names[i], bounds[i].0))
            .collect()
    }

    #[test]
    fn no_hidden_count_can_be_worked_out_from_the_published_statistics() {
        let tenants = tenants(4);
        for seed in 1..=300u64 {
            let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let book = random_book(&mut dice, &tenants);
            for year in [None, Some(2025), Some(2026)] {
                let stats = statistics(&book, &tenants, year, today(), Lang::Bg);
                let json = serde_json::to_value(&stats).unwrap();
                let found = solve(&json);
                assert!(
                    found.is_empty(),
                    "seed {seed}, year {year:?}: a reader works out {found:?} from {json:#}"
                );
            }
        }
    }

    #[test]
    fn the_statistics_name_only_units_and_activities_of_the_tenants_lists() {
        let tenants = tenants(4);
        for seed in 1..=50u64 {
            let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let book = random_book(&mut dice, &tenants);
            let stats = statistics(&book, &tenants, None, today(), Lang::Bg);
            let listed = IntakeListsSet::default();
            for c in stats.by_unit.iter() {
                assert!(
                    listed.units.contains(&c.label) || c.label == OTHER_OR_UNNAMED,
                    "{c:?}"
                );
            }
            for c in stats.by_activity.iter() {
                assert!(
                    listed.activities.contains(&c.label) || c.label == OTHER_OR_UNNAMED,
                    "{c:?}"
                );
            }
            assert!(!serde_json::to_string(&stats).unwrap().contains("Драганов"));
        }
    }
}
