//! The views the plan's pages show, computed from the read models for a given day (today, or
//! the day of an as-of moment). Pure functions: the same models and day give the same view.

use super::ReadModels;
use antikor_shared::account::Role;
use antikor_shared::activity::ActivityKind;
use antikor_shared::plan::Deadline;
use antikor_shared::progress::CompletionLevel;
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

    fn activity_counts(&self, tenant: &TenantId, year: i32) -> Vec<KindCount> {
        let work = self.work.of(tenant);
        ActivityKind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind,
                count: work.map_or(0, |w| w.activity_count(year, kind)),
            })
            .collect()
    }

    /// A tenant's name in Bulgarian (empty when unknown).
    pub fn tenant_name(&self, tenant: &TenantId) -> String {
        self.tenants
            .get(tenant)
            .and_then(|m| m.registration.as_ref())
            .map(|(r, _)| r.name_bg.clone())
            .unwrap_or_default()
    }

    /// How public pages name who recorded something: the institution and the role, never a
    /// login name (a username is a person's name in most institutions).
    pub fn byline(&self, actor: &str) -> String {
        match self.accounts.get(actor) {
            Some(entry) => {
                let institution = self.tenant_name(&entry.account.tenant);
                match entry.account.role {
                    Role::Regional => institution,
                    role => format!("{institution}, {}", role.label_bg().to_lowercase()),
                }
            }
            None => "Антикор".into(),
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
            tenant_name_bg: self.tenant_name(tenant),
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
    pub fn region(
        &self,
        province: &ProvinceCode,
        year: i32,
        today: NaiveDate,
        include: impl Fn(&TenantId) -> bool,
    ) -> Option<RegionView> {
        let measures: Vec<MeasureColumn> = self
            .active_measures(province, year)?
            .into_iter()
            .map(|m| MeasureColumn {
                key: m.measure.key.clone(),
                section: m.measure.section.clone(),
                number_in_source: m.measure.number_in_source.clone(),
                text: m.measure.text.clone(),
                deadline: m.measure.deadline,
            })
            .collect();
        let mut all_rows = Vec::new();
        let tenants = self
            .tenant_list()
            .into_iter()
            .filter(|t| t.registration.province.as_ref() == Some(province) && include(&t.id))
            .filter_map(|t| {
                let progress = self.progress(&t.id, year, today)?;
                let mut counts = LevelCounts::default();
                for row in &progress.rows {
                    counts.add(row.status.as_ref().map(|s| s.level));
                }
                let summary = TenantSummary {
                    tenant: t.id.clone(),
                    name_bg: t.registration.name_bg.clone(),
                    levels: progress
                        .rows
                        .iter()
                        .map(|r| r.status.as_ref().map(|s| s.level))
                        .collect(),
                    sections: self.sections(province, year, &progress.rows),
                    overdue: progress.rows.iter().filter(|r| r.overdue).count() as u32,
                    activities: self
                        .activity_counts(&t.id, year)
                        .iter()
                        .map(|k| k.count)
                        .sum(),
                    reported: counts.not_reported < counts.total(),
                    counts,
                };
                all_rows.extend(progress.rows);
                Some(summary)
            })
            .collect();
        Some(RegionView {
            year,
            position: self.position,
            today,
            sections: self.sections(province, year, &all_rows),
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
