//! Progress on the plan's measures as callers see and report it: a tenant's table and
//! dashboard (of one tenant, through a [`TenantRead`]), the region side by side (public), and
//! a tenant's report on a measure (through a [`TenantWrite`]).

use super::App;
use super::log::Moment;
use super::plan::no_plan;
use crate::access::{ReadScope, TenantRead, TenantWrite};
use crate::domain::progress::{ProgressAggregate, ProgressContext};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::ProvinceCode;
use antikor_shared::views::{
    ProgressRow, RecentChange, RegionView, ReportProgress, TenantDashboard, TenantProgress,
};

impl App {
    /// A tenant's progress table.
    pub async fn progress(
        &self,
        scope: &TenantRead,
        year: i32,
        as_of: Option<Moment>,
    ) -> AppResult<TenantProgress> {
        let tenant = scope.tenant().clone();
        self.at(as_of, move |m, today| m.progress(&tenant, year, today))
            .await?
            .ok_or_else(|| no_plan(year))
    }

    /// A tenant's dashboard, its latest changes told in `lang`.
    pub async fn dashboard(
        &self,
        scope: &TenantRead,
        year: i32,
        as_of: Option<Moment>,
        lang: antikor_shared::i18n::Lang,
    ) -> AppResult<TenantDashboard> {
        let tenant = scope.tenant().clone();
        let (dashboard, latest) = self
            .at(as_of, move |m, today| {
                (
                    m.dashboard(&tenant, year, today),
                    m.latest_positions(&tenant),
                )
            })
            .await?;
        let mut dashboard = dashboard.ok_or_else(|| no_plan(year))?;
        for position in latest {
            if let Some(e) = self.store.get(position)? {
                let entry = self.audit_entry(e, lang);
                dashboard.latest.push(RecentChange {
                    position,
                    event_type: entry.event.event_type,
                    actor: entry.event.actor,
                    recorded_at: entry.event.recorded_at,
                    summary: entry.summary,
                    record: entry.record,
                });
            }
        }
        Ok(dashboard)
    }

    /// The progress of a province's tenants in `scope` on its plan, side by side: public now;
    /// as of a past moment for callers that may replay.
    pub async fn region(
        &self,
        scope: &ReadScope,
        province: &ProvinceCode,
        year: i32,
        as_of: Option<Moment>,
    ) -> AppResult<RegionView> {
        let scope = scope.clone();
        let province = province.clone();
        self.at(as_of, move |m, today| {
            m.region(&province, year, today, |t| scope.covers(t))
        })
        .await?
        .ok_or_else(|| no_plan(year))
    }

    /// Records the caller's tenant's report on a measure.
    pub async fn report_progress(
        &self,
        scope: &TenantWrite,
        year: i32,
        key: &str,
        report: ReportProgress,
    ) -> AppResult<ProgressRow> {
        let stream = streams::progress(year, key).ok_or_else(|| {
            AppError::NotFound(antikor_shared::msg!("requests-no-measure", key = key))
        })?;
        let context = ProgressContext {
            year,
            key: key.to_owned(),
            plan: {
                let models = self.models_unscoped();
                models
                    .province_of(scope.tenant())
                    .and_then(|p| models.plans.get(p, year))
                    .map(|p| p.plan.clone())
            },
            today: self.clock.today(),
        };
        let _attaching = self.attaching.read().await;
        let report = ReportProgress {
            evidence: self.stored_evidence(report.evidence)?,
            ..report
        };
        let read_at = Some(report.expected_version);
        self.execute::<ProgressAggregate>(scope, stream, read_at, report, &context)
            .await?;
        let tenant = scope.tenant().clone();
        let key = key.to_owned();
        let progress = self
            .at(None, move |m, today| m.progress(&tenant, year, today))
            .await?
            .ok_or_else(|| no_plan(year))?;
        progress
            .rows
            .into_iter()
            .find(|r| r.key == key)
            .ok_or_else(|| {
                AppError::NotFound(antikor_shared::msg!("requests-no-measure", key = key))
            })
    }
}
