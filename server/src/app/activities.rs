//! Activities (meetings, trainings, media work, declaration checks, contested acts) and the
//! expert contacts, as callers see and record them. Reads take a [`ReadScope`], records a
//! [`TenantWrite`]; the public lists (public meetings, contested acts, contacts) need none.

use super::App;
use crate::access::{ReadScope, TenantWrite};
use crate::codec::UPCASTERS;
use crate::domain::activities::{
    ActivityAggregate, ActivityCommand, ActivityContext, ContactsAggregate,
};
use crate::exports::Rows;
use crate::projections::ReadModels;
use crate::projections::work::{ActivityKey, Listed, activity_record};
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use crate::util::paging::{Cursor, PageRequest};
use antikor_shared::TenantId;
use antikor_shared::activity::{Activity, ActivityKind, ExpertContact};
use antikor_shared::activity_draft::{details, headline};
use antikor_shared::api::Page;
use antikor_shared::i18n::Lang;
use antikor_shared::msg;
use antikor_shared::tenant::{TenantKind, TenantName};
use antikor_shared::text::{date_bg, date_time};
use antikor_shared::views::{
    ActivityRecord, CorrectActivity, Correction, FollowUpAct, TenantContacts,
};
use chrono::Datelike;
use uuid::Uuid;

/// The columns of the activities' CSV file.
pub const ACTIVITY_COLUMNS: &[&str] = &[
    "Дата",
    "Институция",
    "Вид",
    "Описание",
    "Подробности",
    "Мерки",
    "Записано на",
    "Записано от",
    "Поправки",
];

/// Which activities a list holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    /// One tenant's (default: every tenant the caller's scope covers).
    pub tenant: Option<TenantId>,
    /// Of one year.
    pub year: Option<i32>,
    /// Of one kind.
    pub kind: Option<ActivityKind>,
}

fn no_activity() -> AppError {
    AppError::NotFound(msg!("requests-no-such-record"))
}

impl App {
    /// A page of the activities the scope covers (of one tenant, or all it reaches),
    /// optionally of one year and kind, newest first; what they say of themselves in `lang`.
    pub fn activities(
        &self,
        scope: &ReadScope,
        filter: &ActivityFilter,
        request: &PageRequest<ActivityKey>,
        lang: Lang,
    ) -> AppResult<Page<ActivityRecord>> {
        let tenant = scope.narrow(filter.tenant.clone())?;
        let (page, upto) = {
            let models = self.models_unscoped();
            let tenants = models
                .tenants
                .keys()
                .filter(|t| scope.covers(t) && tenant.as_ref().is_none_or(|only| only == *t));
            let page = models
                .work
                .activities(tenants, filter.year, filter.kind, request);
            (page, models.position)
        };
        self.activity_records(page, upto, lang)
    }

    /// The records of a page's activities, each its stream's events folded up to `upto` (the
    /// position of the read models that listed them). They are read outside the models' lock:
    /// a page's few reads must not hold up the folds.
    fn activity_records(
        &self,
        page: Page<Listed>,
        upto: u64,
        lang: Lang,
    ) -> AppResult<Page<ActivityRecord>> {
        let mut items = Vec::with_capacity(page.items.len());
        for listed in &page.items {
            items.extend(self.activity_as_of(&listed.tenant, listed.id, upto, lang)?);
        }
        Ok(Page {
            items,
            next: page.next,
            total: page.total,
        })
    }

    /// An activity's record as of `upto`, read from its stream, saying what it says of
    /// itself in `lang`.
    pub(super) fn activity_as_of(
        &self,
        tenant: &TenantId,
        id: Uuid,
        upto: u64,
        lang: Lang,
    ) -> AppResult<Option<ActivityRecord>> {
        let events = self
            .store
            .read_stream(tenant, &streams::activity(id), 1, usize::MAX)?;
        Ok(activity_record(
            &UPCASTERS,
            events.iter().take_while(|e| e.position <= upto),
            lang,
        ))
    }

    /// One activity, when the scope covers its tenant (otherwise 404, as if it did not exist).
    pub fn activity(&self, scope: &ReadScope, id: Uuid, lang: Lang) -> AppResult<ActivityRecord> {
        let (tenant, upto) = {
            let models = self.models_unscoped();
            let tenant = models
                .tenants
                .keys()
                .filter(|t| scope.covers(t))
                .find(|t| models.work.of(t).is_some_and(|w| w.holds(id)))
                .cloned();
            (tenant.ok_or_else(no_activity)?, models.position)
        };
        self.activity_as_of(&tenant, id, upto, lang)?
            .ok_or_else(no_activity)
    }

    /// A batch of the activities of [`Self::activities`] as rows of the CSV file (columns
    /// [`ACTIVITY_COLUMNS`]), every detail spelled out and institutions by name.
    pub fn activity_rows(
        &self,
        scope: &ReadScope,
        filter: &ActivityFilter,
        request: &PageRequest<ActivityKey>,
    ) -> AppResult<Rows> {
        // A document in Bulgarian.
        let page = self.activities(scope, filter, request, Lang::Bg)?;
        let models = self.models_unscoped();
        let name = |slug: &str| {
            TenantId::parse(slug)
                .ok()
                .and_then(|t| models.tenants.get(&t)?.registration.as_ref())
                .map_or_else(|| slug.to_owned(), |(r, _)| r.name_bg.clone())
        };
        let rows = page
            .items
            .iter()
            .map(|r| {
                let details = details(&r.activity, Lang::Bg, &name)
                    .into_iter()
                    .map(|(label, value)| format!("{label}: {value}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                let corrections = r
                    .corrections
                    .iter()
                    .map(|c| format!("{} ({}): {}", date_time(c.at), c.by, c.reason))
                    .collect::<Vec<_>>()
                    .join("; ");
                vec![
                    date_bg(r.activity.date()),
                    name(r.tenant.as_str()),
                    r.activity.kind().label_singular(Lang::Bg),
                    headline(&r.activity, Lang::Bg, name),
                    details,
                    r.activity.measures().join(", "),
                    date_time(r.recorded_at),
                    r.recorded_by.clone(),
                    corrections,
                ]
            })
            .collect();
        Ok((rows, page.next))
    }

    /// A page of the activities every visitor may see: public meetings and the register of
    /// contested acts, with who recorded them by name; what they say of themselves in `lang`.
    pub fn public_activities(
        &self,
        kind: ActivityKind,
        year: Option<i32>,
        request: &PageRequest<ActivityKey>,
        lang: Lang,
    ) -> AppResult<Page<ActivityRecord>> {
        let (page, upto) = {
            let models = self.models_unscoped();
            (models.work.public(kind, year, request), models.position)
        };
        let page = self.activity_records(page, upto, lang)?;
        let models = self.models_unscoped();
        Ok(page.map(|r| ActivityRecord {
            recorded_by: models.byline(&r.recorded_by, lang),
            corrections: r
                .corrections
                .iter()
                .map(|c| Correction {
                    by: models.byline(&c.by, lang),
                    ..c.clone()
                })
                .collect(),
            ..r
        }))
    }

    /// What the checks of an activity of `year` recorded through `scope` need to know.
    fn activity_context(&self, scope: &TenantWrite, year: i32) -> ActivityContext {
        let models = self.models_unscoped();
        let province = models.province_of(scope.tenant());
        let registration = models
            .tenants
            .get(scope.tenant())
            .and_then(|m| m.registration.as_ref());
        ActivityContext {
            plan: province
                .and_then(|p| models.plans.get(p, year))
                .map(|p| p.plan.clone()),
            today: self.clock.today(),
            regional: registration
                .is_some_and(|(r, _)| r.kind == TenantKind::RegionalAdministration),
            // The municipalities a regional administration's activity may name: its province's.
            municipalities: models
                .tenant_list()
                .into_iter()
                .filter(|t| {
                    t.registration.kind == TenantKind::Municipality
                        && t.registration.province.as_ref() == province
                })
                .map(|t| t.id.to_string())
                .collect(),
        }
    }

    /// An activity of `tenant`, as the read model has it.
    fn written_activity(
        &self,
        tenant: &TenantId,
        id: Uuid,
        lang: Lang,
    ) -> AppResult<ActivityRecord> {
        let upto = self.models_unscoped().position;
        self.activity_as_of(tenant, id, upto, lang)?
            .ok_or_else(no_activity)
    }

    /// Records an activity of the caller's tenant.
    pub async fn record_activity(
        &self,
        scope: &TenantWrite,
        activity: Activity,
        lang: Lang,
    ) -> AppResult<ActivityRecord> {
        let context = self.activity_context(scope, activity.date().year());
        let id = Uuid::new_v4();
        let command = ActivityCommand::Record(activity);
        self.execute::<ActivityAggregate>(scope, streams::activity(id), None, command, &context)
            .await?;
        self.written_activity(scope.tenant(), id, lang)
    }

    /// Corrects an activity of the caller's tenant, as of the version the caller read.
    pub async fn correct_activity(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        correction: CorrectActivity,
        lang: Lang,
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
        self.written_activity(scope.tenant(), id, lang)
    }

    /// Records what followed a contested act, as of the version the caller read.
    pub async fn follow_up_act(
        &self,
        scope: &TenantWrite,
        id: Uuid,
        follow_up: FollowUpAct,
        lang: Lang,
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
        self.written_activity(scope.tenant(), id, lang)
    }

    /// A page of every tenant's expert contacts (public: measure II.3 asks for the list to be
    /// known), in the directory's order: the regional administration first, then by name.
    pub fn contacts(
        &self,
        only: Option<&TenantId>,
        request: &PageRequest<TenantId>,
    ) -> AppResult<Page<TenantContacts>> {
        let models = self.models_unscoped();
        let mut tenants = models.tenant_list();
        if let Some(only) = only {
            tenants.retain(|t| t.id == *only);
            if tenants.is_empty() {
                return Err(AppError::NotFound(msg!("requests-no-such-tenant")));
            }
        }
        // One entry per tenant: the directory is a few hundred long at most, and its order is
        // by name, so the cursor (a tenant) is found in it rather than in an index.
        let start = match &request.after {
            None => 0,
            Some(after) => {
                1 + tenants
                    .iter()
                    .position(|t| t.id == *after)
                    .ok_or_else(|| AppError::BadRequest(msg!("requests-tenant-not-listed")))?
            }
        };
        let total = tenants.len() as u64;
        let mut rest = tenants.into_iter().skip(start);
        let items: Vec<TenantContacts> = rest
            .by_ref()
            .take(request.limit)
            .map(|t| Self::tenant_contacts(&models, t.id, t.registration.name()))
            .collect();
        let next = rest.next().and(items.last()).map(|c| c.tenant.encode());
        Ok(Page { items, next, total })
    }

    fn tenant_contacts(models: &ReadModels, tenant: TenantId, name: TenantName) -> TenantContacts {
        let (contacts, updated_at) = models
            .work
            .of(&tenant)
            .and_then(|w| w.contacts.clone())
            .map_or((Vec::new(), None), |(c, at)| (c, Some(at)));
        TenantContacts {
            tenant,
            name,
            contacts,
            updated_at,
        }
    }

    /// Replaces the caller's tenant's contact list.
    pub async fn update_contacts(
        &self,
        scope: &TenantWrite,
        contacts: Vec<ExpertContact>,
    ) -> AppResult<TenantContacts> {
        self.execute::<ContactsAggregate>(scope, streams::contacts(), None, contacts, &())
            .await?;
        let models = self.models_unscoped();
        let tenant = scope.tenant();
        let (registration, _) = models
            .tenants
            .get(tenant)
            .and_then(|m| m.registration.as_ref())
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-tenant")))?;
        let name = registration.name();
        Ok(Self::tenant_contacts(&models, tenant.clone(), name))
    }
}
