//! The annual report as the read models hold it: the plan, each institution's levels (with its
//! notes for the institutions the reader sees in detail), the activities to list and the
//! signals' statistics. The activities' records are read from their streams by the caller.

use super::ReadModels;
use super::signals::statistics;
use super::work::Listed;
use crate::util::paging::PageRequest;
use antikor_shared::activity::ActivityKind;
use antikor_shared::i18n::Lang;
use antikor_shared::report::{
    AnnualReport, InstitutionLevel, LISTED_PER_KIND, ReportDetail, ReportInstitution,
    ReportMeasure, ReportSection,
};
use antikor_shared::views::LevelCounts;
use antikor_shared::{ProvinceCode, TenantId};
use chrono::NaiveDate;

/// What a report is about and who reads it.
pub struct ReportRequest<'a> {
    /// The province whose plan it reports on.
    pub province: &'a ProvinceCode,
    /// The province's name.
    pub province_name: String,
    /// The plan's year.
    pub year: i32,
    /// One institution only (`None`: the province's).
    pub institution: Option<&'a TenantId>,
    /// Whether the reader sees an institution's notes and every activity of it.
    pub detailed: &'a dyn Fn(&TenantId) -> bool,
}

/// The activities a report lists of one kind, before their records are read: how many the
/// reader may see, and the newest of them (in list order: newest first).
pub struct Listing {
    /// The kind.
    pub kind: ActivityKind,
    /// How many in all.
    pub total: u64,
    /// The newest, at most [`LISTED_PER_KIND`] from each of the two sources.
    pub listed: Vec<Listed>,
}

impl ReadModels {
    /// The report of `request` judged on `today` (its `activities` empty: see [`Listing`]),
    /// or `None` when the province has no plan of the year.
    pub fn annual_report(
        &self,
        request: &ReportRequest<'_>,
        today: NaiveDate,
    ) -> Option<(AnnualReport, Vec<Listing>)> {
        let only = request.institution;
        let region = self.region(request.province, request.year, today, |t| {
            only.is_none_or(|o| o == t)
        })?;
        let plan = &self.plans.get(request.province, request.year)?.plan;
        let detailed = |t: &TenantId| (request.detailed)(t);
        let institutions: Vec<ReportInstitution> = region
            .tenants
            .iter()
            .map(|t| ReportInstitution {
                tenant: t.tenant.clone(),
                name: t.name.clone(),
                counts: t.counts.clone(),
                overdue: t.overdue,
                activities: self.activity_counts(&t.tenant, request.year),
                detailed: detailed(&t.tenant),
                risks: self.risks.summary(&t.tenant, request.year, today),
            })
            .collect();
        let sections = plan
            .sections
            .iter()
            .map(|s| {
                let measures = plan
                    .measures
                    .iter()
                    .filter(|m| m.measure.section == s.numeral)
                    .map(|m| {
                        // The measure's column of the combined view (withdrawn ones have none).
                        let column = region.measures.iter().position(|c| c.key == m.measure.key);
                        let levels = column.map_or_else(Vec::new, |column| {
                            region
                                .tenants
                                .iter()
                                .map(|t| InstitutionLevel {
                                    tenant: t.tenant.clone(),
                                    level: t.levels.get(column).copied().flatten(),
                                    detail: self.detail(
                                        &t.tenant,
                                        request.year,
                                        &m.measure.key,
                                        &detailed,
                                    ),
                                })
                                .collect()
                        });
                        ReportMeasure {
                            measure: m.measure.clone(),
                            withdrawn: m.withdrawn.clone(),
                            levels,
                        }
                    })
                    .collect();
                ReportSection {
                    numeral: s.numeral.clone(),
                    title: s.title.clone(),
                    levels: region
                        .sections
                        .iter()
                        .find(|r| r.numeral == s.numeral)
                        .map_or_else(LevelCounts::default, |r| r.levels.clone()),
                    measures,
                }
            })
            .collect();
        let listings = self.listings(&institutions, request.year);
        let tenants: Vec<_> = self
            .tenant_list()
            .into_iter()
            .filter(|t| institutions.iter().any(|i| i.tenant == t.id))
            .collect();
        let report = AnnualReport {
            year: request.year,
            province: request.province.clone(),
            province_name: request.province_name.clone(),
            plan_title: plan.title.clone(),
            institution: only.cloned(),
            today,
            position: self.position,
            institutions,
            sections,
            activities: Vec::new(),
            signals: statistics(&self.signals, &tenants, Some(request.year), today, Lang::Bg),
        };
        Some((report, listings))
    }

    /// What an institution the reader sees in detail wrote on a measure.
    fn detail(
        &self,
        tenant: &TenantId,
        year: i32,
        key: &str,
        detailed: &impl Fn(&TenantId) -> bool,
    ) -> Option<ReportDetail> {
        if !detailed(tenant) {
            return None;
        }
        let status = self
            .work
            .of(tenant)?
            .progress
            .get(&(year, key.to_owned()))?;
        Some(ReportDetail {
            note: status.note.clone(),
            evidence: status.evidence.clone(),
            reported_for: status.reported_for,
        })
    }

    /// The activities to list of each kind: every one of the institutions seen in detail, the
    /// public ones (meetings marked public, contested acts) of the others.
    fn listings(&self, institutions: &[ReportInstitution], year: i32) -> Vec<Listing> {
        let (inside, outside): (Vec<_>, Vec<_>) = institutions.iter().partition(|i| i.detailed);
        let inside: Vec<&TenantId> = inside.iter().map(|i| &i.tenant).collect();
        let outside: Vec<&TenantId> = outside.iter().map(|i| &i.tenant).collect();
        ActivityKind::ALL
            .into_iter()
            .map(|kind| {
                let page = self.work.activities(
                    inside.iter().copied(),
                    Some(year),
                    Some(kind),
                    &PageRequest::first(LISTED_PER_KIND),
                );
                let (public_total, public) = match kind {
                    ActivityKind::Meeting | ActivityKind::ContestedAct if !outside.is_empty() => {
                        self.work
                            .public_of(kind, year, |t| outside.contains(&t), LISTED_PER_KIND)
                    }
                    _ => (0, Vec::new()),
                };
                let mut listed = page.items;
                listed.extend(public);
                Listing {
                    kind,
                    total: page.total + public_total,
                    listed,
                }
            })
            .collect()
    }
}
