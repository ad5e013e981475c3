//! Activities and expert contacts: `/api/activities`, `/api/contacts`.

use crate::access::Principal;
use crate::app::AppState;
use crate::app::activities::{ACTIVITY_COLUMNS, ActivityFilter};
use crate::exports;
use crate::projections::work::ActivityKey;
use crate::util::errors::AppResult;
use crate::util::extract::{Json, Path, Query, Speaks};
use crate::util::paging::{Cursor, PageQuery, PageRequest};
use antikor_shared::TenantId;
use antikor_shared::activity::{Activity, ActivityKind};
use antikor_shared::api::{ErrorBody, Page};
use antikor_shared::views::{
    ActivityRecord, CorrectActivity, FollowUpAct, TenantContacts, UpdateContacts,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Which activities.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivitiesQuery {
    /// One tenant's (default: the caller's own, or every tenant for regional roles and
    /// auditors).
    pub tenant: Option<TenantId>,
    /// Of one year.
    pub year: Option<i32>,
    /// Of one kind.
    pub kind: Option<ActivityKind>,
}

impl From<ActivitiesQuery> for ActivityFilter {
    fn from(q: ActivitiesQuery) -> Self {
        Self {
            tenant: q.tenant,
            year: q.year,
            kind: q.kind,
        }
    }
}

/// A page of the activities the caller may see, newest first.
#[utoipa::path(get, path = "/api/activities", security(("session" = [])), tag = "activities", params(ActivitiesQuery, PageQuery),
    responses(
        (status = 200, description = "Activities with their corrections", body = Page<ActivityRecord>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody),
        (status = 404, description = "A tenant out of reach", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<ActivitiesQuery>,
    Query(page): Query<PageQuery>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<Page<ActivityRecord>>> {
    let request = PageRequest::new(&page)?;
    let scope = principal.read_scope();
    Ok(axum::Json(app.activities(
        &scope,
        &q.into(),
        &request,
        lang,
    )?))
}

/// One activity with its corrections, as a form reads it again after a conflict.
#[utoipa::path(get, path = "/api/activities/{id}", security(("session" = [])), tag = "activities",
    params(("id" = Uuid, Path, description = "The activity")),
    responses(
        (status = 200, description = "The activity", body = ActivityRecord),
        (status = 404, description = "No such activity in the caller's reach", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<ActivityRecord>> {
    Ok(axum::Json(app.activity(
        &principal.read_scope(),
        id,
        lang,
    )?))
}

/// How many activities a batch of the CSV download reads at once.
const EXPORT_BATCH: usize = 500;

/// Every activity the caller may see with the filters, as a CSV file (streamed: the list can
/// be as long as the log).
#[utoipa::path(get, path = "/api/activities/export.csv", security(("session" = [])), tag = "activities", params(ActivitiesQuery),
    responses(
        (status = 200, description = "The activities, newest first, every detail spelled out", content_type = "text/csv"),
        (status = 404, description = "A tenant out of reach", body = ErrorBody)))]
pub async fn export(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<ActivitiesQuery>,
) -> AppResult<Response> {
    let scope = principal.read_scope();
    let filter = ActivityFilter::from(q);
    // The first batch is read before the answer starts, so that a tenant out of reach is a
    // 404 rather than a cut download.
    let first = app.activity_rows(&scope, &filter, &PageRequest::first(EXPORT_BATCH))?;
    let mut first = Some(first);
    Ok(exports::csv_download_paged(
        "deinosti.csv",
        ACTIVITY_COLUMNS,
        move |after| {
            if let Some(rows) = first.take() {
                return Ok(rows);
            }
            let request = PageRequest {
                limit: EXPORT_BATCH,
                after: after.as_deref().and_then(ActivityKey::decode),
            };
            Ok(app.activity_rows(&scope, &filter, &request)?)
        },
    ))
}

/// Records an activity of the caller's tenant (contested acts: the regional administration).
#[utoipa::path(post, path = "/api/activities", security(("session" = [])), tag = "activities", request_body = Activity,
    responses(
        (status = 201, description = "Recorded", body = ActivityRecord),
        (status = 400, description = "A missing field, a future date, an unknown measure", body = ErrorBody),
        (status = 403, description = "Auditors change nothing; contested acts are the regional administration's", body = ErrorBody)))]
pub async fn record(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Json(body): Json<Activity>,
) -> AppResult<(StatusCode, axum::Json<ActivityRecord>)> {
    let scope = principal.own_write()?;
    let record = app.record_activity(&scope, body, lang).await?;
    Ok((StatusCode::CREATED, axum::Json(record)))
}

/// Corrects an activity: the whole corrected record and why. The old one stays in the log.
#[utoipa::path(post, path = "/api/activities/{id}/correction", security(("session" = [])), tag = "activities", request_body = CorrectActivity,
    params(("id" = Uuid, Path, description = "The activity")),
    responses(
        (status = 200, description = "The corrected record", body = ActivityRecord),
        (status = 400, description = "Another kind, no reason, or an invalid field", body = ErrorBody),
        (status = 403, description = "Auditors change nothing", body = ErrorBody),
        (status = 404, description = "No such activity in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile", body = ErrorBody)))]
pub async fn correct(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Speaks(lang): Speaks,
    Json(body): Json<CorrectActivity>,
) -> AppResult<axum::Json<ActivityRecord>> {
    let scope = principal.own_write()?;
    Ok(axum::Json(
        app.correct_activity(&scope, id, body, lang).await?,
    ))
}

/// Records what followed a contested act: the council's new vote, the court case, its
/// outcome, the publication.
#[utoipa::path(post, path = "/api/activities/{id}/follow-up", security(("session" = [])), tag = "activities", request_body = FollowUpAct,
    params(("id" = Uuid, Path, description = "The contested act")),
    responses(
        (status = 200, description = "The updated record", body = ActivityRecord),
        (status = 400, description = "Not a contested act, or nothing filled in", body = ErrorBody),
        (status = 403, description = "Auditors change nothing", body = ErrorBody),
        (status = 404, description = "No such activity in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile", body = ErrorBody)))]
pub async fn follow_up(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Speaks(lang): Speaks,
    Json(body): Json<FollowUpAct>,
) -> AppResult<axum::Json<ActivityRecord>> {
    let scope = principal.own_write()?;
    Ok(axum::Json(app.follow_up_act(&scope, id, body, lang).await?))
}

/// Every tenant's anti-corruption experts (public, measure II.3).
#[utoipa::path(get, path = "/api/contacts", tag = "activities", params(ContactsQuery, PageQuery),
    responses(
        (status = 200, description = "A page of contacts per tenant, the regional administration first", body = Page<TenantContacts>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody),
        (status = 404, description = "No such tenant", body = ErrorBody)))]
pub async fn contacts(
    State(app): State<AppState>,
    Query(q): Query<ContactsQuery>,
    Query(page): Query<PageQuery>,
) -> AppResult<axum::Json<Page<TenantContacts>>> {
    let request = PageRequest::new(&page)?;
    Ok(axum::Json(app.contacts(q.tenant.as_ref(), &request)?))
}

/// Whose contacts.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactsQuery {
    /// Only this tenant's (a page of one).
    pub tenant: Option<TenantId>,
}

/// Replaces the caller's tenant's contact list.
#[utoipa::path(put, path = "/api/contacts", security(("session" = [])), tag = "activities", request_body = UpdateContacts,
    responses(
        (status = 200, description = "The tenant's list", body = TenantContacts),
        (status = 400, description = "A missing field or an invalid e-mail", body = ErrorBody),
        (status = 403, description = "Auditors change nothing", body = ErrorBody)))]
pub async fn update_contacts(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<UpdateContacts>,
) -> AppResult<axum::Json<TenantContacts>> {
    let scope = principal.own_write()?;
    Ok(axum::Json(
        app.update_contacts(&scope, body.contacts).await?,
    ))
}
