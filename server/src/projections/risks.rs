//! Each tenant's corruption-risk register, year by year, as its risks' events leave it.

use crate::codec::decoded_set;
use crate::util::paging::PageRequest;
use antikor_migrations::Upcasters;
use antikor_shared::api::Page;
use antikor_shared::events::RiskEvent;
use antikor_shared::risk::{ReviewEntry, RiskRecord, RiskSummary};
use antikor_shared::{EventHeader, RecordedEvent, TenantId, streams};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::Bound;
use uuid::Uuid;

/// Every tenant's register.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RiskBook {
    tenants: foldhash::HashMap<TenantId, TenantRisks>,
}

/// One tenant's register: a few dozen risks a year, kept whole (the lists, the heat maps and
/// the regional view read them all).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenantRisks {
    /// The risks, by id.
    records: foldhash::HashMap<Uuid, RiskRecord>,
    /// Each year's risks by their number in the register.
    years: BTreeMap<i32, BTreeMap<u32, Uuid>>,
    /// The risks each signal of the tenant's register is related to.
    signal_risks: foldhash::HashMap<Uuid, Vec<Uuid>>,
    /// How many signals each risk is related to.
    signal_counts: foldhash::HashMap<Uuid, u32>,
}

impl RiskBook {
    /// Folds in an event of a risk's stream (one of a stream that is no risk's is ignored).
    pub fn risk(&mut self, event: &EventHeader, e: RiskEvent) {
        let Some(id) = streams::risk_id(&event.stream) else {
            return;
        };
        let tenant = crate::projections::tenant_entry(&mut self.tenants, &event.tenant);
        if let RiskEvent::Identified(identified) = e {
            let year = tenant.years.entry(identified.year).or_default();
            let number = year.last_key_value().map_or(1, |(n, _)| n + 1);
            year.insert(number, id);
            let record = RiskRecord::identified(
                id,
                event.tenant.clone(),
                number,
                identified,
                event.recorded_at,
                &event.actor,
            );
            tenant.records.insert(id, record);
            return;
        }
        if let Some(record) = tenant.records.get_mut(&id) {
            amend(record, event, e);
        }
    }

    /// Folds in the risks a signal of `event`'s stream was related to, replacing those before.
    pub fn signal_related(&mut self, event: &EventHeader, risks: &[Uuid]) {
        let Some(signal) = streams::signal_id(&event.stream) else {
            return;
        };
        let tenant = crate::projections::tenant_entry(&mut self.tenants, &event.tenant);
        for risk in tenant.signal_risks.remove(&signal).unwrap_or_default() {
            if let Some(n) = tenant.signal_counts.get_mut(&risk) {
                *n -= 1;
                if *n == 0 {
                    tenant.signal_counts.remove(&risk);
                }
            }
        }
        let mut risks = risks.to_vec();
        risks.sort_unstable();
        risks.dedup();
        for risk in &risks {
            *tenant.signal_counts.entry(*risk).or_default() += 1;
        }
        if !risks.is_empty() {
            tenant.signal_risks.insert(signal, risks);
        }
    }

    /// How many of a tenant's signals are related to one of its risks.
    pub fn signals_of(&self, tenant: &TenantId, risk: Uuid) -> u32 {
        self.of(tenant)
            .and_then(|t| t.signal_counts.get(&risk).copied())
            .unwrap_or(0)
    }

    /// The figures of a tenant's register of `year` as they stand on `today` (all 0 when it
    /// keeps none).
    pub fn summary(&self, tenant: &TenantId, year: i32, today: NaiveDate) -> RiskSummary {
        let mut summary = RiskSummary {
            tenant: Some(tenant.clone()),
            year,
            ..RiskSummary::default()
        };
        for risk in self.of(tenant).into_iter().flat_map(|r| r.of_year(year)) {
            summary.add(risk, today);
        }
        summary
    }

    /// A tenant's register, if it has entered a risk.
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantRisks> {
        self.tenants.get(tenant)
    }

    /// A risk of a tenant.
    pub fn get(&self, tenant: &TenantId, id: Uuid) -> Option<&RiskRecord> {
        self.of(tenant)?.records.get(&id)
    }
}

/// Folds a later event of a risk's stream into its record.
fn amend(record: &mut RiskRecord, event: &EventHeader, e: RiskEvent) {
    record.version = event.version;
    record.updated_at = event.recorded_at;
    match e {
        RiskEvent::Identified(_) => {}
        RiskEvent::Assessed(a) => record.assessment = Some(a),
        RiskEvent::TreatmentPlanned(t) => record.treatment = Some(t),
        RiskEvent::Reviewed(review) => {
            record.identified.review_on = review.next_review_on;
            record.reviews.push(ReviewEntry {
                review,
                by: event.actor.to_string(),
            });
        }
        RiskEvent::Closed(c) => record.closed = Some(c),
        RiskEvent::FilesAttached(f) => record.files.extend(f.files),
    }
}

/// A risk's record from its stream's events, as far as they go (numbered 0: only the
/// register numbers its risks). `None` before the risk is entered.
pub fn risk_record<'a>(
    upcasters: &Upcasters,
    events: impl IntoIterator<Item = &'a RecordedEvent>,
) -> Option<RiskRecord> {
    let mut record: Option<RiskRecord> = None;
    for event in events {
        let Some(e) = decoded_set::<RiskEvent>(upcasters, event) else {
            continue;
        };
        match (&mut record, e) {
            (None, RiskEvent::Identified(identified)) => {
                let id = streams::risk_id(&event.stream)?;
                record = Some(RiskRecord::identified(
                    id,
                    event.tenant.clone(),
                    0,
                    identified,
                    event.recorded_at,
                    &event.actor,
                ));
            }
            (Some(record), e) => amend(record, &event.header(), e),
            (None, _) => {}
        }
    }
    record
}

impl TenantRisks {
    /// The years with risks, newest first.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().rev().copied()
    }

    /// The risks of a year, in the register's order.
    pub fn of_year(&self, year: i32) -> impl Iterator<Item = &RiskRecord> + '_ {
        self.years
            .get(&year)
            .into_iter()
            .flat_map(|numbers| numbers.values())
            .filter_map(|id| self.records.get(id))
    }

    /// One page of a year's risks in the register's order (the cursor is a risk's number).
    pub fn page(&self, year: i32, request: &PageRequest<u32>) -> Page<RiskRecord> {
        let Some(numbers) = self.years.get(&year) else {
            return Page {
                items: Vec::new(),
                next: None,
                total: 0,
            };
        };
        let start = request.after.map_or(Bound::Unbounded, Bound::Excluded);
        let source = numbers
            .range((start, Bound::Unbounded))
            .filter_map(|(n, id)| Some((*n, self.records.get(id)?.clone())));
        request.cut([source], numbers.len() as u64)
    }

    /// Every open risk whose review is due by `day`, of any year, the earliest due first.
    pub fn reviews_due_by(&self, day: NaiveDate) -> Vec<&RiskRecord> {
        let mut due: Vec<&RiskRecord> = self
            .records
            .values()
            .filter(|r| r.review_due_by(day))
            .collect();
        due.sort_by_key(|r| (r.identified.review_on, r.identified.year, r.number));
        due
    }
}
