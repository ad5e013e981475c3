//! The plans of every province and year as callers see and keep them: read by anyone, as of
//! any moment; adopted and changed by the province's regional administration.

use super::App;
use super::log::Moment;
use crate::access::{ReadScope, TenantWrite};
use crate::clock::sofia_date;
use crate::domain::plan::{PlanAggregate, PlanCommand};
use crate::projections::ReadModels;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::msg;
use antikor_shared::views::PlanView;
use antikor_shared::{ProvinceCode, TenantId};
use chrono::{DateTime, NaiveDate};

impl App {
    /// The province whose plan a request is about: the one asked for, else the caller's
    /// (`near`: their tenant's), else the only province that has a plan. Several provinces
    /// with plans and none named answer 400, naming them.
    pub fn plan_province(
        &self,
        asked: Option<&str>,
        near: Option<&TenantId>,
    ) -> AppResult<ProvinceCode> {
        let models = self.models_unscoped();
        if let Some(code) = models.province_named(asked).map_err(AppError::NotFound)? {
            return Ok(code);
        }
        if let Some(own) = near.and_then(|t| models.province_of(t)) {
            return Ok(own.clone());
        }
        match models.plans.provinces().as_slice() {
            [] => Err(AppError::NotFound(msg!("requests-no-plan-yet"))),
            [only] => Ok((*only).clone()),
            several => {
                let codes: Vec<&str> = several.iter().map(|p| p.as_str()).collect();
                Err(AppError::BadRequest(msg!(
                    "requests-plan-province-ambiguous",
                    codes = codes.join(", ")
                )))
            }
        }
    }

    /// The province whose tenants a combined view shows, and the scope narrowed to it: the one
    /// asked for, else the one the scope reaches, else the only province with a plan.
    pub fn province_view(
        &self,
        scope: ReadScope,
        asked: Option<&str>,
    ) -> AppResult<(ReadScope, ProvinceCode)> {
        let province = match (asked.filter(|a| !a.is_empty()), scope.province()) {
            (None, Some(own)) => own.clone(),
            _ => self.plan_province(asked, None)?,
        };
        let scope = scope.within(Some(province.as_str()), &self.models_unscoped())?;
        Ok((scope, province))
    }

    /// The province of a tenant, whose plan it reports on; a tenant outside every province (a
    /// national body) has no plan.
    pub fn tenant_province(&self, tenant: &TenantId) -> AppResult<ProvinceCode> {
        self.models_unscoped()
            .province_of(tenant)
            .cloned()
            .ok_or_else(|| AppError::NotFound(msg!("requests-tenant-outside-provinces")))
    }

    /// The years a province has a plan for.
    pub fn plan_years(&self, province: &ProvinceCode) -> Vec<i32> {
        self.models_unscoped().plans.years(province)
    }

    /// The year a request means: the one given, or the province's newest plan's.
    pub fn plan_year(&self, province: &ProvinceCode, year: Option<i32>) -> AppResult<i32> {
        match year {
            Some(y) => Ok(y),
            None => self
                .models_unscoped()
                .plans
                .latest_year(province)
                .ok_or_else(|| AppError::NotFound(msg!("requests-no-plan-yet"))),
        }
    }

    /// The province of the regional administration a plan editor writes in.
    fn kept_by(&self, scope: &TenantWrite) -> AppResult<ProvinceCode> {
        self.models_unscoped()
            .province_of(scope.tenant())
            .cloned()
            .ok_or_else(|| AppError::Forbidden(msg!("requests-not-regional-administration")))
    }

    /// Runs `view` on the read models as they are now, or as they were at `as_of` (replayed),
    /// with the day in Sofia at that moment.
    pub async fn at<T: Send + 'static>(
        &self,
        as_of: Option<Moment>,
        view: impl FnOnce(&ReadModels, NaiveDate) -> T + Send + 'static,
    ) -> AppResult<T> {
        let now = self.clock.now();
        let Some(moment) = as_of else {
            return Ok(view(&self.models_unscoped(), sofia_date(now)));
        };
        let position = self.position_of(moment)?;
        if position >= self.models_unscoped().position {
            let day = match moment {
                Moment::Time(t) => sofia_date(t.min(now)),
                Moment::Position(_) => sofia_date(now),
            };
            return Ok(view(&self.models_unscoped(), day));
        }
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || {
            let (models, _) = ReadModels::replay(store.as_ref(), position)?;
            let day = match moment {
                Moment::Time(t) => sofia_date(t),
                Moment::Position(p) => sofia_date(
                    store
                        .get(p.max(1))?
                        .map_or(DateTime::UNIX_EPOCH, |e| e.recorded_at),
                ),
            };
            Ok::<_, AppError>(view(&models, day))
        })
        .await
        .map_err(anyhow::Error::from)?
    }

    /// A province's plan of a year (public), now or as of a moment.
    pub async fn plan(
        &self,
        province: &ProvinceCode,
        year: i32,
        as_of: Option<Moment>,
    ) -> AppResult<PlanView> {
        let province = province.clone();
        self.at(as_of, move |m, _| {
            m.plans.get(&province, year).map(|p| p.view())
        })
        .await?
        .ok_or_else(|| no_plan(year))
    }

    /// Adopts a year's plan as a copy of the province's plan of `based_on`, or of another
    /// province's (`template`) as the start of its first.
    pub async fn start_plan(
        &self,
        scope: &TenantWrite,
        year: i32,
        based_on: i32,
        template: Option<&ProvinceCode>,
    ) -> AppResult<PlanView> {
        let own = self.kept_by(scope)?;
        let copied = template.unwrap_or(&own);
        let (source, title) = {
            let models = self.models_unscoped();
            let source = models
                .plans
                .get(copied, based_on)
                .map(|p| p.plan.clone())
                .ok_or_else(|| no_plan(based_on))?;
            let title = (*copied != own).then(|| {
                format!(
                    "План за действие на Областния обществен съвет за превенция и противодействие на корупцията – {} за {year} година",
                    models.tenant_name(scope.tenant()).bg
                )
            });
            (source, title)
        };
        self.change_plan(scope, year, PlanCommand::Start { source, title })
            .await
    }

    /// Adopts, extends or changes a year's plan. Concurrent changes of different measures both
    /// succeed (the command is decided again on the newer plan); a change of a measure that
    /// moved on since the caller read it answers 409.
    pub async fn change_plan(
        &self,
        scope: &TenantWrite,
        year: i32,
        command: PlanCommand,
    ) -> AppResult<PlanView> {
        let province = self.kept_by(scope)?;
        self.execute::<PlanAggregate>(scope, streams::plan(year), None, command, &year)
            .await?;
        self.plan(&province, year, None).await
    }
}

/// The answer when a year has no plan.
pub(super) fn no_plan(year: i32) -> AppError {
    AppError::NotFound(msg!("requests-no-plan-for-year", year = year.to_string()))
}
