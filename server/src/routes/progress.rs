//! Progress on the plan and the dashboards: `/api/progress`, `/api/dashboard`, `/api/region`.

use crate::access::Principal;
use crate::app::AppState;
use crate::routes::tenants::{AsOf, ProvinceQuery};
use crate::util::errors::AppResult;
use crate::util::extract::{Json, Path, Query, Speaks};
use antikor_shared::TenantId;
use antikor_shared::api::ErrorBody;
use antikor_shared::views::{
    ProgressRow, RegionView, ReportProgress, TenantDashboard, TenantProgress,
};
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// Whose view, of which year, and when.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViewQuery {
    /// The tenant (default: the caller's own; others only for regional roles and auditors).
    pub tenant: Option<TenantId>,
    /// The plan's year (default: the newest plan).
    pub year: Option<i32>,
    /// As of this log position or RFC 3339 moment (default: now).
    #[param(schema_with = crate::openapi::as_of)]
    pub as_of: Option<String>,
}

impl ViewQuery {
    fn as_of(&self) -> AsOf {
        AsOf {
            as_of: self.as_of.clone(),
        }
    }
}

/// A tenant's progress on every measure of a year's plan, with what is overdue.
#[utoipa::path(get, path = "/api/progress", security(("session" = [])), tag = "progress", params(ViewQuery),
    responses(
        (status = 200, description = "One row per measure in force", body = TenantProgress),
        (status = 400, description = "A malformed `as_of`", body = ErrorBody),
        (status = 404, description = "No such plan, or a tenant out of reach", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<ViewQuery>,
) -> AppResult<axum::Json<TenantProgress>> {
    let moment = q.as_of().moment()?;
    let scope = principal.one_tenant(q.tenant)?;
    let year = app.plan_year(&app.tenant_province(scope.tenant())?, q.year)?;
    Ok(axum::Json(app.progress(&scope, year, moment).await?))
}

/// Reports the caller's tenant's progress on a measure. Send the version last read: a report
/// someone else made since answers 409 rather than being overwritten.
#[utoipa::path(put, path = "/api/progress/{year}/{key}", security(("session" = [])), tag = "progress", request_body = ReportProgress,
    params(("year" = i32, Path, description = "The plan's year"), ("key" = String, Path, description = "The measure's key")),
    responses(
        (status = 200, description = "The measure's row with the new report", body = ProgressRow),
        (status = 400, description = "A date in the future, a bad link, a too long note", body = ErrorBody),
        (status = 403, description = "Auditors change nothing", body = ErrorBody),
        (status = 404, description = "No such plan or measure", body = ErrorBody),
        (status = 409, description = "Someone reported meanwhile", body = ErrorBody)))]
pub async fn report(
    State(app): State<AppState>,
    principal: Principal,
    Path((year, key)): Path<(i32, String)>,
    Json(body): Json<ReportProgress>,
) -> AppResult<axum::Json<ProgressRow>> {
    let scope = principal.own_write()?;
    Ok(axum::Json(
        app.report_progress(&scope, year, &key, body).await?,
    ))
}

/// A tenant's dashboard: measures by level and section, overdue and due soon, activities,
/// latest changes.
#[utoipa::path(get, path = "/api/dashboard", security(("session" = [])), tag = "progress", params(ViewQuery),
    responses(
        (status = 200, description = "The dashboard", body = TenantDashboard),
        (status = 400, description = "A malformed `as_of`", body = ErrorBody),
        (status = 404, description = "No such plan, or a tenant out of reach", body = ErrorBody)))]
pub async fn dashboard(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<ViewQuery>,
) -> AppResult<axum::Json<TenantDashboard>> {
    let moment = q.as_of().moment()?;
    let scope = principal.one_tenant(q.tenant)?;
    let year = app.plan_year(&app.tenant_province(scope.tenant())?, q.year)?;
    Ok(axum::Json(app.dashboard(&scope, year, moment, lang).await?))
}

/// The combined view of the tenants in reach (a province's, or the country's narrowed to one
/// province), for regional and national staff and auditors, now or as of a moment.
#[utoipa::path(get, path = "/api/region", security(("session" = [])), tag = "progress", params(ViewQuery, ProvinceQuery),
    responses(
        (status = 200, description = "Every tenant side by side", body = RegionView),
        (status = 400, description = "A malformed `as_of`", body = ErrorBody),
        (status = 403, description = "Only regional roles and auditors", body = ErrorBody),
        (status = 404, description = "No such plan, or a province out of reach", body = ErrorBody)))]
pub async fn region(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<ViewQuery>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<RegionView>> {
    let scope = principal.region_reader()?;
    let (scope, province) = app.province_view(scope, province.province.as_deref())?;
    let moment = q.as_of().moment()?;
    let year = app.plan_year(&province, q.year)?;
    Ok(axum::Json(
        app.region(&scope, &province, year, moment).await?,
    ))
}
