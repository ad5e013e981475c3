//! The plans of every year as callers see and keep them: read by anyone, as of any moment;
//! adopted and changed by the regional administration.

use super::App;
use super::log::Moment;
use crate::access::TenantWrite;
use crate::clock::sofia_date;
use crate::domain::plan::{PlanAggregate, PlanCommand};
use crate::projections::ReadModels;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::views::PlanView;
use chrono::{DateTime, NaiveDate};

impl App {
    /// The years that have a plan.
    pub fn plan_years(&self) -> Vec<i32> {
        self.models_unscoped().plans.years()
    }

    /// The year a request means: the one given, or the newest plan's.
    pub fn plan_year(&self, year: Option<i32>) -> AppResult<i32> {
        match year {
            Some(y) => Ok(y),
            None => self
                .models_unscoped()
                .plans
                .latest_year()
                .ok_or_else(|| AppError::NotFound("Все още няма приет план.".into())),
        }
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

    /// A year's plan (public), now or as of a moment.
    pub async fn plan(&self, year: i32, as_of: Option<Moment>) -> AppResult<PlanView> {
        self.at(as_of, move |m, _| m.plans.get(year).map(|p| p.view()))
            .await?
            .ok_or_else(|| no_plan(year))
    }

    /// Adopts a year's plan as a copy of the plan of `based_on`.
    pub async fn start_plan(
        &self,
        scope: &TenantWrite,
        year: i32,
        based_on: i32,
    ) -> AppResult<PlanView> {
        let source = self
            .models_unscoped()
            .plans
            .get(based_on)
            .map(|p| p.plan.clone())
            .ok_or_else(|| no_plan(based_on))?;
        self.change_plan(scope, year, PlanCommand::Start { source })
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
        self.execute::<PlanAggregate>(scope, streams::plan(year), None, command, &year)
            .await?;
        self.plan(year, None).await
    }
}

/// The answer when a year has no plan.
pub(super) fn no_plan(year: i32) -> AppError {
    AppError::NotFound(format!("Няма план за {year} г."))
}
