//! Activities (meetings, trainings, media work, declaration checks, contested acts) and the
//! expert contacts, as callers see and record them. Reads take a [`ReadScope`], records a
//! [`TenantWrite`]; the public lists (public meetings, contested acts, contacts) need none.

use super::App;
use crate::access::{ReadScope, TenantWrite};
use crate::domain::activities::{
    ActivityAggregate, ActivityCommand, ActivityContext, ContactsAggregate,
};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::activity::{Activity, ActivityKind, ExpertContact};
use antikor_shared::tenant::TenantKind;
use antikor_shared::views::{
    ActivityRecord, CorrectActivity, Correction, FollowUpAct, TenantContacts,
};
use antikor_shared::{TenantId, ids::regional_tenant};
use chrono::Datelike;
use uuid::Uuid;

fn no_activity() -> AppError {
    AppError::NotFound("Няма такъв запис.".into())
}

impl App {
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
        models
            .work
            .public(kind, year)
            .filter(|r| models.tenants.contains_key(&r.tenant))
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
            .collect()
    }

    /// What the checks of an activity of `year` recorded through `scope` need to know.
    fn activity_context(&self, scope: &TenantWrite, year: i32) -> ActivityContext {
        let models = self.models_unscoped();
        ActivityContext {
            plan: models.plans.get(year).map(|p| p.plan.clone()),
            today: self.clock.today(),
            regional: *scope.tenant() == regional_tenant(),
            municipalities: models
                .tenant_list()
                .into_iter()
                .filter(|t| t.registration.kind == TenantKind::Municipality)
                .map(|t| t.id.to_string())
                .collect(),
        }
    }

    /// An activity of `tenant`, as the read model has it.
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
        let context = self.activity_context(scope, activity.date().year());
        let id = Uuid::new_v4();
        let command = ActivityCommand::Record(activity);
        self.execute::<ActivityAggregate>(scope, streams::activity(id), None, command, &context)
            .await?;
        self.written_activity(scope.tenant(), id)
    }

    /// Corrects an activity of the caller's tenant, as of the version the caller read.
    pub async fn correct_activity(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        correction: CorrectActivity,
    ) -> AppResult<ActivityRecord> {
        let context = self.activity_context(scope, correction.activity.date().year());
        let read_at = Some(correction.expected_version);
        let command = ActivityCommand::Correct {
            activity: correction.activity,
            reason: correction.reason,
        };
        let stream = streams::activity(id);
        self.execute::<ActivityAggregate>(scope, stream, read_at, command, &context)
            .await?;
        self.written_activity(scope.tenant(), id)
    }

    /// Records what followed a contested act, as of the version the caller read.
    pub async fn follow_up_act(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        follow_up: FollowUpAct,
    ) -> AppResult<ActivityRecord> {
        // A follow-up names no measures: the plan is not needed.
        let context = ActivityContext {
            plan: None,
            ..self.activity_context(scope, 0)
        };
        let read_at = Some(follow_up.expected_version);
        let command = ActivityCommand::FollowUp(follow_up.follow_up);
        let stream = streams::activity(id);
        self.execute::<ActivityAggregate>(scope, stream, read_at, command, &context)
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
        self.execute::<ContactsAggregate>(scope, streams::contacts(), None, contacts, &())
            .await?;
        self.contacts()
            .into_iter()
            .find(|c| c.tenant == *scope.tenant())
            .ok_or_else(|| AppError::NotFound("Няма такава институция.".into()))
    }
}
