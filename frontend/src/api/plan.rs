//! Calls of the plan and its progress: measures, reports, the dashboard and the region.

use super::{ApiError, changing, get_json, send_json, view_query};
use crate::format::encode_query_value;
use antikor_shared::TenantId;
use antikor_shared::views::{
    AddMeasure, PlanView, ProgressRow, RegionView, ReportProgress, StartPlan, TenantDashboard,
    TenantProgress, UpdateMeasure, WithdrawMeasure,
};
use gloo_net::http::Request;

/// `GET /api/plans`: the years that have a plan.
pub async fn plan_years() -> Result<Vec<i32>, ApiError> {
    get_json("/api/plans", &[]).await
}

/// `GET /api/plans/{year}`, now or (logged in) as of a moment.
pub async fn plan(year: i32, as_of: Option<&str>) -> Result<PlanView, ApiError> {
    get_json(
        &format!("/api/plans/{year}"),
        &view_query(None, None, as_of),
    )
    .await
}

/// `POST /api/plans`: start a year's plan from an earlier one.
pub async fn start_plan(body: &StartPlan) -> Result<PlanView, ApiError> {
    send_json(changing(Request::post("/api/plans"))?, body).await
}

/// `POST /api/plans/{year}/measures`.
pub async fn add_measure(year: i32, body: &AddMeasure) -> Result<PlanView, ApiError> {
    let url = format!("/api/plans/{year}/measures");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/plans/{year}/measures/{key}`: only the fields that changed.
pub async fn update_measure(
    year: i32,
    key: &str,
    body: &UpdateMeasure,
) -> Result<PlanView, ApiError> {
    let url = format!("/api/plans/{year}/measures/{}", encode_query_value(key));
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/plans/{year}/measures/{key}/withdraw`.
pub async fn withdraw_measure(
    year: i32,
    key: &str,
    body: &WithdrawMeasure,
) -> Result<PlanView, ApiError> {
    let url = format!(
        "/api/plans/{year}/measures/{}/withdraw",
        encode_query_value(key)
    );
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/public/progress`: every tenant's progress on a year's plan.
pub async fn public_progress(year: i32) -> Result<RegionView, ApiError> {
    get_json("/api/public/progress", &[("year", year.to_string())]).await
}

/// `GET /api/region`: the combined view for regional roles and auditors.
pub async fn region(year: i32, as_of: Option<&str>) -> Result<RegionView, ApiError> {
    get_json("/api/region", &view_query(None, Some(year), as_of)).await
}

/// `GET /api/dashboard` of the caller's own tenant (or `tenant`, for roles that see all).
pub async fn dashboard(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Result<TenantDashboard, ApiError> {
    get_json("/api/dashboard", &view_query(tenant, year, as_of)).await
}

/// `GET /api/progress` of the caller's own tenant (or `tenant`).
pub async fn progress(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Result<TenantProgress, ApiError> {
    get_json("/api/progress", &view_query(tenant, year, as_of)).await
}

/// `PUT /api/progress/{year}/{key}`: the caller's tenant reports on a measure.
pub async fn report_progress(
    year: i32,
    key: &str,
    body: &ReportProgress,
) -> Result<ProgressRow, ApiError> {
    let url = format!("/api/progress/{year}/{}", encode_query_value(key));
    send_json(changing(Request::put(&url))?, body).await
}
