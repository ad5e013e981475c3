//! The corruption-risk register (plan measure VI.1): `/api/risks`, `/api/region/risks`.

use crate::access::Principal;
use crate::app::AppState;
use crate::domain::risks::RiskCommand;
use crate::exports;
use crate::routes::tenants::ProvinceQuery;
use crate::util::errors::AppResult;
use crate::util::extract::{Json, Path, Query};
use crate::util::paging::{PageQuery, PageRequest};
use antikor_shared::TenantId;
use antikor_shared::api::{ErrorBody, Page};
use antikor_shared::risk::{
    RegionRisks, RiskAssessed, RiskChange, RiskClosed, RiskIdentified, RiskRecord, RiskReviewed,
    RiskSummary, RiskTreatmentPlanned,
};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Datelike;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

/// Whose register, of which year.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    /// The tenant (default: the caller's own; others only for regional roles and auditors).
    pub tenant: Option<TenantId>,
    /// The register's year (default: the newest the tenant keeps, else this year).
    pub year: Option<i32>,
}

/// A page of a tenant's register of one year, in the register's order.
#[utoipa::path(get, path = "/api/risks", security(("session" = [])), tag = "risks", params(RegisterQuery, PageQuery),
    responses(
        (status = 200, description = "The risks with their ratings, responses and reviews", body = Page<RiskRecord>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody),
        (status = 404, description = "A tenant out of reach", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<RegisterQuery>,
    Query(page): Query<PageQuery>,
) -> AppResult<axum::Json<Page<RiskRecord>>> {
    let request = PageRequest::new(&page)?;
    let scope = principal.one_tenant(q.tenant)?;
    let year = app.risk_year(scope.tenant(), q.year);
    let exact = principal.keeps_signals_of(scope.tenant());
    Ok(axum::Json(app.risks(&scope, year, &request, exact)?))
}

/// A tenant's register of one year in figures: the 5×5 heat maps of inherent and residual
/// ratings, the bands, and what needs attention.
#[utoipa::path(get, path = "/api/risks/summary", security(("session" = [])), tag = "risks", params(RegisterQuery),
    responses(
        (status = 200, description = "The register's figures", body = RiskSummary),
        (status = 404, description = "A tenant out of reach", body = ErrorBody)))]
pub async fn summary(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<RegisterQuery>,
) -> AppResult<axum::Json<RiskSummary>> {
    let scope = principal.one_tenant(q.tenant)?;
    let year = app.risk_year(scope.tenant(), q.year);
    Ok(axum::Json(app.risk_summary(&scope, year)))
}

/// A tenant's register of one year as a CSV file.
#[utoipa::path(get, path = "/api/risks/export.csv", security(("session" = [])), tag = "risks", params(RegisterQuery),
    responses(
        (status = 200, description = "The register, every field spelled out", content_type = "text/csv"),
        (status = 404, description = "A tenant out of reach", body = ErrorBody)))]
pub async fn export(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<RegisterQuery>,
) -> AppResult<Response> {
    let scope = principal.one_tenant(q.tenant)?;
    let year = app.risk_year(scope.tenant(), q.year);
    Ok(exports::csv_download(
        "registar-riskove.csv",
        app.risks_csv(&scope, year)?,
    ))
}

/// One risk, for the caller's tenant or one in reach.
#[utoipa::path(get, path = "/api/risks/{id}", security(("session" = [])), tag = "risks",
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The risk", body = RiskRecord),
        (status = 404, description = "No such risk in the caller's reach", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
) -> AppResult<axum::Json<RiskRecord>> {
    let exact = |t: &TenantId| principal.keeps_signals_of(t);
    Ok(axum::Json(app.risk(&principal.read_scope(), id, exact)?))
}

/// Enters a risk in the caller's tenant's register.
#[utoipa::path(post, path = "/api/risks", security(("session" = [])), tag = "risks", request_body = RiskIdentified,
    responses(
        (status = 201, description = "Entered", body = RiskRecord),
        (status = 400, description = "A missing field, an owner who is not the tenant's, a date out of reach", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody)))]
pub async fn identify(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<RiskIdentified>,
) -> AppResult<(StatusCode, axum::Json<RiskRecord>)> {
    let scope = principal.own_write()?;
    let exact = principal.keeps_signals_of(scope.tenant());
    let record = app.identify_risk(&scope, body, exact).await?;
    Ok((StatusCode::CREATED, axum::Json(record)))
}

/// Runs a command on a risk of the caller's tenant.
async fn change(
    app: AppState,
    principal: Principal,
    id: Uuid,
    expected_version: u64,
    command: RiskCommand,
) -> AppResult<axum::Json<RiskRecord>> {
    let scope = principal.own_write()?;
    let exact = principal.keeps_signals_of(scope.tenant());
    Ok(axum::Json(
        app.change_risk(&scope, id, expected_version, command, exact)
            .await?,
    ))
}

/// Rates a risk before and after its existing controls (replacing an earlier rating).
#[utoipa::path(post, path = "/api/risks/{id}/assessment", security(("session" = [])), tag = "risks", request_body = RiskChange<RiskAssessed>,
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The rated risk", body = RiskRecord),
        (status = 400, description = "A value off the 1–5 scale, a residual rating above the inherent one", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such risk in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or closed", body = ErrorBody)))]
pub async fn assess(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Json(body): Json<RiskChange<RiskAssessed>>,
) -> AppResult<axum::Json<RiskRecord>> {
    let command = RiskCommand::Assess(body.change);
    change(app, principal, id, body.expected_version, command).await
}

/// Chooses the response to a rated risk and plans its measures (replacing an earlier plan).
#[utoipa::path(post, path = "/api/risks/{id}/treatment", security(("session" = [])), tag = "risks", request_body = RiskChange<RiskTreatmentPlanned>,
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The risk with its response", body = RiskRecord),
        (status = 400, description = "Not rated yet, no measures or justification, a measure not in the plan", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such risk in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or closed", body = ErrorBody)))]
pub async fn treat(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Json(body): Json<RiskChange<RiskTreatmentPlanned>>,
) -> AppResult<axum::Json<RiskRecord>> {
    let command = RiskCommand::PlanTreatment(body.change);
    change(app, principal, id, body.expected_version, command).await
}

/// Records a review of a risk: its residual rating now, and the next review's date.
#[utoipa::path(post, path = "/api/risks/{id}/review", security(("session" = [])), tag = "risks", request_body = RiskChange<RiskReviewed>,
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The reviewed risk", body = RiskRecord),
        (status = 400, description = "Not rated yet, a review in the future, a next review not after it", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such risk in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or closed", body = ErrorBody)))]
pub async fn review(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Json(body): Json<RiskChange<RiskReviewed>>,
) -> AppResult<axum::Json<RiskRecord>> {
    let command = RiskCommand::Review(body.change);
    change(app, principal, id, body.expected_version, command).await
}

/// Takes a risk out of the register, saying why; it stays in the log and the year's list.
#[utoipa::path(post, path = "/api/risks/{id}/closure", security(("session" = [])), tag = "risks", request_body = RiskChange<RiskClosed>,
    params(("id" = Uuid, Path, description = "The risk")),
    responses(
        (status = 200, description = "The closed risk", body = RiskRecord),
        (status = 400, description = "No reason given", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 404, description = "No such risk in the caller's tenant", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or closed already", body = ErrorBody)))]
pub async fn close(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<Uuid>,
    Json(body): Json<RiskChange<RiskClosed>>,
) -> AppResult<axum::Json<RiskRecord>> {
    let command = RiskCommand::Close(body.change);
    change(app, principal, id, body.expected_version, command).await
}

/// Of which year.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The registers' year (default: this year).
    pub year: Option<i32>,
}

/// The registers of the tenants in reach side by side: figures per tenant, the institutions
/// without a register, and the highest residual risks of each area. No signal's detail.
#[utoipa::path(get, path = "/api/region/risks", security(("session" = [])), tag = "risks", params(YearQuery, ProvinceQuery),
    responses(
        (status = 200, description = "The registers side by side", body = RegionRisks),
        (status = 403, description = "Only regional and national roles and auditors", body = ErrorBody),
        (status = 404, description = "A province out of reach", body = ErrorBody)))]
pub async fn region(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<YearQuery>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<RegionRisks>> {
    let scope = principal.region_reader()?;
    let (scope, province) = app.province_view(scope, province.province.as_deref())?;
    let year = q.year.unwrap_or_else(|| app.clock.today().year());
    Ok(axum::Json(app.region_risks(&scope, &province, year)))
}
