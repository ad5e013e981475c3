//! The views the plan's pages show, computed from the read models for a given day (today, or
//! the day of an as-of moment). Pure functions: the same models and day give the same view.

use super::ReadModels;
use antikor_shared::account::Role;
use antikor_shared::activity::ActivityKind;
use antikor_shared::plan::Deadline;
use antikor_shared::progress::CompletionLevel;
use antikor_shared::tenant::{TenantName, TenantRegistered};
use antikor_shared::views::{
    KindCount, LevelCounts, MeasureColumn, MeasureView, ProgressRow, RegionView, SectionProgress,
    TenantDashboard, TenantProgress, TenantSummary,
};
use antikor_shared::{ProvinceCode, TenantId};
use chrono::NaiveDate;

/// How many days ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 30;

/// The last day of a deadline: a measure is due by the end of its last month.
pub fn due_date(deadline: Deadline) -> NaiveDate {
    let to = deadline.to();
    let (year, month) = if to.month() == 12 {
        (to.year() + 1, 1)
    } else {
        (to.year(), to.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.pred_opt())
        // A deadline at the end of the calendar: stored data must not panic a read.
        .unwrap_or(NaiveDate::MAX)
}

/// Whether an activity happened in a year.
impl ReadModels {
    fn active_measures(&self, province: &ProvinceCode, year: i32) -> Option<Vec<&MeasureView>> {
        let plan = self.plans.get(province, year)?;
        Some(
            plan.plan
                .measures
                .iter()
                .filter(|m| m.withdrawn.is_none())
                .collect(),
        )
    }

    /// A tenant's progress table for its province's plan of a year, judged on `today`.
    pub fn progress(
        &self,
        tenant: &TenantId,
        year: i32,
        today: NaiveDate,
    ) -> Option<TenantProgress> {
        let work = self.work.of(tenant);
        let rows = self
            .active_measures(self.province_of(tenant)?, year)?
            .into_iter()
            .map(|m| {
                let status = work
                    .and_then(|w| w.progress.get(&(year, m.measure.key.clone())))
                    .cloned();
                let completed = status
                    .as_ref()
                    .is_some_and(|s| s.level == CompletionLevel::Completed);
                let due = due_date(m.measure.deadline);
                ProgressRow {
                    key: m.measure.key.clone(),
                    section: m.measure.section.clone(),
                    number_in_source: m.measure.number_in_source.clone(),
                    text: m.measure.text.clone(),
                    deadline: m.measure.deadline,
                    status,
                    overdue: !completed && today > due,
                    due_soon: !completed
                        && today <= due
                        && (due - today).num_days() <= DUE_SOON_DAYS,
                }
            })
            .collect();
        Some(TenantProgress {
            tenant: tenant.clone(),
            year,
            today,
            rows,
        })
    }

    fn sections(
        &self,
        province: &ProvinceCode,
        year: i32,
        rows: &[ProgressRow],
    ) -> Vec<SectionProgress> {
        let Some(plan) = self.plans.get(province, year) else {
            return Vec::new();
        };
        plan.plan
            .sections
            .iter()
            .map(|s| {
                let mut levels = LevelCounts::default();
                for row in rows.iter().filter(|r| r.section == s.numeral) {
                    levels.add(row.status.as_ref().map(|st| st.level));
                }
                SectionProgress {
                    numeral: s.numeral.clone(),
                    title: s.title.clone(),
                    levels,
                }
            })
            .collect()
    }

    /// How many activities of each kind a tenant has in a year.
    pub(crate) fn activity_counts(&self, tenant: &TenantId, year: i32) -> Vec<KindCount> {
        let work = self.work.of(tenant);
        ActivityKind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind,
                count: work.map_or(0, |w| w.activity_count(year, kind)),
            })
            .collect()
    }

    /// A tenant's name in both languages (empty when unknown).
    pub fn tenant_name(&self, tenant: &TenantId) -> TenantName {
        self.tenants
            .get(tenant)
            .and_then(|m| m.registration.as_ref())
            .map(|(r, _)| r.name())
            .unwrap_or_default()
    }

    /// How public pages name who recorded something: the institution and the role (in
    /// `lang`), never a login name (a username is a person's name in most institutions).
    pub fn byline(&self, actor: &str, lang: antikor_shared::i18n::Lang) -> String {
        match self.accounts.get(actor) {
            Some(entry) => {
                let name = self.tenant_name(&entry.account.tenant);
                let institution = name.get(lang).to_owned();
                match entry.account.role {
                    Role::Regional => institution,
                    role => format!("{institution}, {}", role.label(lang).to_lowercase()),
                }
            }
            None => antikor_shared::tr!(lang, "requests-antikor"),
        }
    }

    /// A tenant's dashboard for a year.
    pub fn dashboard(
        &self,
        tenant: &TenantId,
        year: i32,
        today: NaiveDate,
    ) -> Option<TenantDashboard> {
        let progress = self.progress(tenant, year, today)?;
        let province = self.province_of(tenant)?;
        let mut levels = LevelCounts::default();
        for row in &progress.rows {
            levels.add(row.status.as_ref().map(|s| s.level));
        }
        // Filled in from the log by the caller (see `latest_positions`).
        let latest = Vec::new();
        Some(TenantDashboard {
            tenant: tenant.clone(),
            tenant_name: self.tenant_name(tenant),
            year,
            position: self.position,
            today,
            levels,
            sections: self.sections(province, year, &progress.rows),
            overdue: progress
                .rows
                .iter()
                .filter(|r| r.overdue)
                .cloned()
                .collect(),
            due_soon: progress
                .rows
                .iter()
                .filter(|r| r.due_soon)
                .cloned()
                .collect(),
            activities: self.activity_counts(tenant, year),
            latest,
            risks: self.risks.summary(tenant, year, today),
        })
    }

    /// The positions of a tenant's newest events, newest first.
    pub fn latest_positions(&self, tenant: &TenantId) -> Vec<u64> {
        self.tenants
            .get(tenant)
            .map(|m| m.latest.iter().rev().copied().collect())
            .unwrap_or_default()
    }

    /// The progress of a province's tenants that `include` accepts on its plan of a year, side
    /// by side, the regional administration first.
    ///
    /// Worked out from each tenant's levels alone: the rows of [`progress`](Self::progress)
    /// carry every measure's text, and a province's view asks for them once per tenant.
    pub fn region(
        &self,
        province: &ProvinceCode,
        year: i32,
        today: NaiveDate,
        include: impl Fn(&TenantId) -> bool,
    ) -> Option<RegionView> {
        let plan = &self.plans.get(province, year)?.plan;
        let active = self.active_measures(province, year)?;
        let measures: Vec<MeasureColumn> = active
            .iter()
            .map(|m| MeasureColumn {
                key: m.measure.key.clone(),
                section: m.measure.section.clone(),
                number_in_source: m.measure.number_in_source.clone(),
                text: m.measure.text.clone(),
                deadline: m.measure.deadline,
            })
            .collect();
        let due: Vec<NaiveDate> = active
            .iter()
            .map(|m| due_date(m.measure.deadline))
            .collect();
        // Each measure's section by its place in the plan (`None`: a section the plan lacks,
        // counted nowhere, as `sections` does).
        let section_of: Vec<Option<usize>> = active
            .iter()
            .map(|m| {
                plan.sections
                    .iter()
                    .position(|s| s.numeral == m.measure.section)
            })
            .collect();
        let blank = || -> Vec<SectionProgress> {
            plan.sections
                .iter()
                .map(|s| SectionProgress {
                    numeral: s.numeral.clone(),
                    title: s.title.clone(),
                    levels: LevelCounts::default(),
                })
                .collect()
        };
        let mut listed: Vec<(&TenantId, &TenantRegistered)> = self
            .provinces
            .get(province)
            .into_iter()
            .flat_map(|tenants| tenants.iter())
            .filter(|id| include(id))
            .filter_map(|id| Some((id, &self.tenants.get(id)?.registration.as_ref()?.0)))
            .collect();
        listed.sort_by(|(_, a), (_, b)| (a.kind, &a.name_bg).cmp(&(b.kind, &b.name_bg)));
        let mut overall = blank();
        let tenants = listed
            .into_iter()
            .map(|(id, registration)| {
                let work = self.work.of(id);
                let levels: Vec<Option<CompletionLevel>> = active
                    .iter()
                    .map(|m| {
                        work.and_then(|w| w.progress.get(&(year, m.measure.key.clone())))
                            .map(|s| s.level)
                    })
                    .collect();
                let mut counts = LevelCounts::default();
                let mut sections = blank();
                let mut overdue = 0;
                for (i, level) in levels.iter().enumerate() {
                    counts.add(*level);
                    if let Some(s) = section_of[i] {
                        sections[s].levels.add(*level);
                        overall[s].levels.add(*level);
                    }
                    if *level != Some(CompletionLevel::Completed) && today > due[i] {
                        overdue += 1;
                    }
                }
                TenantSummary {
                    tenant: id.clone(),
                    name: registration.name(),
                    levels,
                    sections,
                    overdue,
                    activities: self.activity_counts(id, year).iter().map(|k| k.count).sum(),
                    reported: counts.not_reported < counts.total(),
                    counts,
                }
            })
            .collect();
        Some(RegionView {
            year,
            position: self.position,
            today,
            sections: overall,
            measures,
            tenants,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::plan::YearMonth;

    #[test]
    fn a_measure_is_due_at_the_end_of_its_last_month() {
        let month = |y, m| YearMonth::new(y, m).unwrap();
        assert_eq!(
            due_date(Deadline::month(month(2017, 12))),
            NaiveDate::from_ymd_opt(2017, 12, 31).unwrap()
        );
        assert_eq!(
            due_date(Deadline::month(month(2016, 2))),
            NaiveDate::from_ymd_opt(2016, 2, 29).unwrap()
        );
        let year = Deadline::range(month(2017, 1), month(2017, 10)).unwrap();
        assert_eq!(
            due_date(year),
            NaiveDate::from_ymd_opt(2017, 10, 31).unwrap()
        );
    }
}
