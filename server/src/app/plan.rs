//! The plan, progress, dashboards, activities and contacts, as callers may see and change
//! them. Reads of one tenant take a [`TenantRead`], changes a [`TenantWrite`]; the public
//! views (the plan, its progress, public meetings, contested acts, contacts) need no scope.

use super::App;
use super::log::Moment;
use crate::access::{ReadScope, TenantRead, TenantWrite};
use crate::domain::plan::{PlanAggregate, PlanCommand};
use crate::domain::work::{self, ActivityContext, WorkRejection};
use crate::projections::ReadModels;
use crate::store::{ExpectedVersion, NewEvent};
use crate::util::errors::{AppError, AppResult};
use antikor_shared::activity::{Activity, ActivityKind, ExpertContact};
use antikor_shared::tenant::TenantKind;
use antikor_shared::views::{
    ActivityRecord, CorrectActivity, Correction, FollowUpAct, PlanView, ProgressRow, RecentChange,
    RegionView, ReportProgress, TenantContacts, TenantDashboard, TenantProgress,
};
use antikor_shared::{StreamId, TenantId, ids::regional_tenant};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

/// The stream of a year's plan, in the regional administration's log.
pub fn plan_stream(year: i32) -> StreamId {
    StreamId::parse(format!("plan-{year}")).expect("valid stream id")
}

fn progress_stream(year: i32, key: &str) -> AppResult<StreamId> {
    StreamId::parse(format!("progress-{year}-{key}"))
        .map_err(|_| AppError::NotFound(format!("Няма мярка „{key}“.")))
}

fn activity_stream(id: Uuid) -> StreamId {
    StreamId::parse(format!("activity-{id}")).expect("valid stream id")
}

/// The day in Sofia at a moment: "overdue" is judged by the calendar the users live by.
pub fn sofia_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Sofia).date_naive()
}

impl From<WorkRejection> for AppError {
    fn from(r: WorkRejection) -> Self {
        let message = r.to_string();
        match r {
            WorkRejection::NoPlan(_) | WorkRejection::NoMeasure(_) => Self::NotFound(message),
            WorkRejection::Stale(_) => Self::Conflict(message),
            WorkRejection::NotRegional => Self::Forbidden(message),
            _ => Self::BadRequest(message),
        }
    }
}

fn activity_event(activity: Activity) -> NewEvent {
    let id = Uuid::new_v4();
    match activity {
        Activity::Meeting(e) => NewEvent::from_domain(id, &e),
        Activity::Training(e) => NewEvent::from_domain(id, &e),
        Activity::Media(e) => NewEvent::from_domain(id, &e),
        Activity::DeclarationCheck(e) => NewEvent::from_domain(id, &e),
        Activity::ContestedAct(e) => NewEvent::from_domain(id, &e),
    }
}

fn no_activity() -> AppError {
    AppError::NotFound("Няма такъв запис.".into())
}

fn no_plan(year: i32) -> AppError {
    AppError::NotFound(format!("Няма план за {year} г."))
}

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
        let now = Utc::now();
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
        self.execute::<PlanAggregate>(scope, plan_stream(year), None, command, &year)
            .await?;
        self.plan(year, None).await
    }

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

    /// A tenant's dashboard.
    pub async fn dashboard(
        &self,
        scope: &TenantRead,
        year: i32,
        as_of: Option<Moment>,
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
                dashboard.latest.push(RecentChange {
                    position,
                    event_type: e.event_type,
                    actor: e.actor,
                    recorded_at: e.recorded_at,
                });
            }
        }
        Ok(dashboard)
    }

    /// Every tenant's progress side by side: public now; as of a past moment for callers that
    /// may replay.
    pub async fn region(&self, year: i32, as_of: Option<Moment>) -> AppResult<RegionView> {
        self.at(as_of, move |m, today| m.region(year, today))
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
        let today = sofia_date(Utc::now());
        let stream = progress_stream(year, key)?;
        let (event, current) = {
            let models = self.models_unscoped();
            let current = models
                .work
                .of(scope.tenant())
                .and_then(|w| w.progress.get(&(year, key.to_owned())))
                .map_or(0, |s| s.version);
            let plan = models.plans.get(year).map(|p| &p.plan);
            (
                work::decide_progress(year, plan, key, current, today, report)?,
                current,
            )
        };
        // The store checks the version again, so a report racing this one cannot be lost.
        let expected = match current {
            0 => ExpectedVersion::NoStream,
            v => ExpectedVersion::Exact(v),
        };
        let new = NewEvent::from_domain(Uuid::new_v4(), &event);
        self.append(scope, stream, expected, vec![new]).await?;
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
            .ok_or_else(|| AppError::NotFound(format!("Няма мярка „{key}“.")))
    }

    /// The activities the scope covers (of one tenant, or all it reaches), optionally of one
    /// year and kind, newest first.
    pub fn activities(
        &self,
        scope: &ReadScope,
        tenant: Option<TenantId>,
        year: Option<i32>,
        kind: Option<ActivityKind>,
    ) -> AppResult<Vec<ActivityRecord>> {
        let tenant = scope.narrow(tenant)?;
        let models = self.models_unscoped();
        let mut list: Vec<ActivityRecord> = models
            .tenants
            .keys()
            .filter(|t| scope.covers(t) && tenant.as_ref().is_none_or(|only| only == *t))
            .filter_map(|t| models.work.of(t))
            .flat_map(|w| w.activities.values())
            .filter(|r| year.is_none_or(|y| r.activity.date().year() == y))
            .filter(|r| kind.is_none_or(|k| r.activity.kind() == k))
            .cloned()
            .collect();
        list.sort_by(|a, b| {
            (b.activity.date(), b.recorded_at).cmp(&(a.activity.date(), a.recorded_at))
        });
        Ok(list)
    }

    /// Activities every visitor may see: public meetings and the register of contested acts.
    pub fn public_activities(&self, year: Option<i32>, kind: ActivityKind) -> Vec<ActivityRecord> {
        let models = self.models_unscoped();
        let mut list: Vec<ActivityRecord> = models
            .tenants
            .keys()
            .filter_map(|t| models.work.of(t))
            .flat_map(|w| w.activities.values())
            .filter(|r| r.activity.kind() == kind)
            .filter(|r| match &r.activity {
                Activity::Meeting(m) => m.public,
                Activity::ContestedAct(_) => true,
                _ => false,
            })
            .filter(|r| year.is_none_or(|y| r.activity.date().year() == y))
            .map(|r| ActivityRecord {
                recorded_by: models.byline(&r.recorded_by),
                corrections: r
                    .corrections
                    .iter()
                    .map(|c| Correction {
                        by: models.byline(&c.by),
                        ..c.clone()
                    })
                    .collect(),
                ..r.clone()
            })
            .collect();
        list.sort_by_key(|r| std::cmp::Reverse(r.activity.date()));
        list
    }

    fn activity_context<T>(
        &self,
        scope: &TenantWrite,
        year: i32,
        check: impl FnOnce(&ActivityContext<'_>) -> T,
    ) -> T {
        let models = self.models_unscoped();
        let municipalities: Vec<String> = models
            .tenant_list()
            .into_iter()
            .filter(|t| t.registration.kind == TenantKind::Municipality)
            .map(|t| t.id.to_string())
            .collect();
        let ctx = ActivityContext {
            plan: models.plans.get(year).map(|p| &p.plan),
            today: sofia_date(Utc::now()),
            regional: *scope.tenant() == regional_tenant(),
            municipalities: &municipalities,
        };
        check(&ctx)
    }

    fn activity_in(&self, scope: &TenantWrite, id: Uuid) -> AppResult<ActivityRecord> {
        self.models_unscoped()
            .work
            .of(scope.tenant())
            .and_then(|w| w.activities.get(&id))
            .cloned()
            .ok_or_else(no_activity)
    }

    fn written_activity(&self, tenant: &TenantId, id: Uuid) -> AppResult<ActivityRecord> {
        self.models_unscoped()
            .work
            .of(tenant)
            .and_then(|w| w.activities.get(&id))
            .cloned()
            .ok_or_else(no_activity)
    }

    /// Records an activity of the caller's tenant.
    pub async fn record_activity(
        &self,
        scope: &TenantWrite,
        activity: Activity,
    ) -> AppResult<ActivityRecord> {
        let year = activity.date().year();
        let activity =
            self.activity_context(scope, year, |ctx| work::check_activity(activity, ctx))?;
        let id = Uuid::new_v4();
        self.append(
            scope,
            activity_stream(id),
            ExpectedVersion::NoStream,
            vec![activity_event(activity)],
        )
        .await?;
        self.written_activity(scope.tenant(), id)
    }

    /// Corrects an activity of the caller's tenant.
    pub async fn correct_activity(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        correction: CorrectActivity,
    ) -> AppResult<ActivityRecord> {
        let current = self.activity_in(scope, id)?;
        let year = correction.activity.date().year();
        let event = self.activity_context(scope, year, |ctx| {
            work::decide_correction(
                &current,
                correction.activity,
                &correction.reason,
                correction.expected_version,
                ctx,
            )
        })?;
        self.append(
            scope,
            activity_stream(id),
            ExpectedVersion::Exact(current.version),
            vec![NewEvent::from_domain(Uuid::new_v4(), &event)],
        )
        .await?;
        self.written_activity(scope.tenant(), id)
    }

    /// Records what followed a contested act.
    pub async fn follow_up_act(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        follow_up: FollowUpAct,
    ) -> AppResult<ActivityRecord> {
        let current = self.activity_in(scope, id)?;
        let event = work::decide_follow_up(
            &current,
            follow_up.follow_up,
            follow_up.expected_version,
            sofia_date(Utc::now()),
        )?;
        self.append(
            scope,
            activity_stream(id),
            ExpectedVersion::Exact(current.version),
            vec![NewEvent::from_domain(Uuid::new_v4(), &event)],
        )
        .await?;
        self.written_activity(scope.tenant(), id)
    }

    /// Every tenant's expert contacts (public: measure II.3 asks for the list to be known).
    pub fn contacts(&self) -> Vec<TenantContacts> {
        let models = self.models_unscoped();
        models
            .tenant_list()
            .into_iter()
            .map(|t| {
                let (contacts, updated_at) = models
                    .work
                    .of(&t.id)
                    .and_then(|w| w.contacts.clone())
                    .map_or((Vec::new(), None), |(c, at)| (c, Some(at)));
                TenantContacts {
                    tenant: t.id,
                    name_bg: t.registration.name_bg,
                    contacts,
                    updated_at,
                }
            })
            .collect()
    }

    /// Replaces the caller's tenant's contact list.
    pub async fn update_contacts(
        &self,
        scope: &TenantWrite,
        contacts: Vec<ExpertContact>,
    ) -> AppResult<TenantContacts> {
        let event = work::decide_contacts(contacts)?;
        let stream = StreamId::parse("contacts").expect("valid stream id");
        self.append(
            scope,
            stream,
            ExpectedVersion::Any,
            vec![NewEvent::from_domain(Uuid::new_v4(), &event)],
        )
        .await?;
        self.contacts()
            .into_iter()
            .find(|c| c.tenant == *scope.tenant())
            .ok_or_else(|| AppError::NotFound("Няма такава институция.".into()))
    }
}
