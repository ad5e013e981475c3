//! Calls of the plan and its progress: measures, reports, the dashboard, the region, and what
//! waits for the caller.

use super::{ApiError, changing, get_json, province_query, send_json, view_query};
use crate::format::encode_query_value;
use antikor_shared::TenantId;
use antikor_shared::reminders::Reminders;
use antikor_shared::report::AnnualReport;
use antikor_shared::views::{
    AddMeasure, PlanView, ProgressRow, RegionView, ReportProgress, StartPlan, TenantDashboard,
    TenantProgress, UpdateMeasure, WithdrawMeasure,
};
use gloo_net::http::Request;

/// `GET /api/plans`: the years a province has a plan for (`None`: the caller's province, or
/// the only one with plans).
pub async fn plan_years(province: Option<&str>) -> Result<Vec<i32>, ApiError> {
    get_json("/api/plans", &province_query(province)).await
}

/// `GET /api/plans/{year}`: a province's plan (`None`: the caller's province, or the only one
/// with plans), now or (logged in) as of a moment.
pub async fn plan(
    year: i32,
    as_of: Option<&str>,
    province: Option<&str>,
) -> Result<PlanView, ApiError> {
    let mut query = view_query(None, None, as_of);
    query.extend(province_query(province));
    get_json(&format!("/api/plans/{year}"), &query).await
}

/// `POST /api/plans`: start a year's plan from an earlier one of the caller's province, or (a
/// province's first) from another province's as a template.
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

/// `GET /api/public/progress`: every tenant's progress on a year's plan, or one province's.
pub async fn public_progress(year: i32, province: Option<&str>) -> Result<RegionView, ApiError> {
    let mut query = vec![("year", year.to_string())];
    query.extend(province_query(province));
    get_json("/api/public/progress", &query).await
}

/// `GET /api/region`: the combined view of the tenants in the caller's reach (their province,
/// or the country), or of one `province` of it.
pub async fn region(
    year: i32,
    as_of: Option<&str>,
    province: Option<&str>,
) -> Result<RegionView, ApiError> {
    let mut query = view_query(None, Some(year), as_of);
    query.extend(province_query(province));
    get_json("/api/region", &query).await
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

/// `GET /api/report/{year}`: the annual report on a province's plan (`None`: the caller's
/// province, or the only one with plans), or on one institution's part of it, at the caller's
/// reach; now or (logged in) as of a moment.
pub async fn annual_report(
    year: i32,
    province: Option<&str>,
    tenant: Option<&TenantId>,
    as_of: Option<&str>,
) -> Result<AnnualReport, ApiError> {
    get_json(
        &format!("/api/report/{year}"),
        &report_query(province, tenant, as_of),
    )
    .await
}

/// The address of the same report as a Word document (a download: same origin, so the
/// session cookie goes along).
pub fn annual_report_docx(
    year: i32,
    province: Option<&str>,
    tenant: Option<&TenantId>,
    as_of: Option<&str>,
) -> String {
    crate::format::href_with_query(
        &format!("/api/report/{year}/docx"),
        report_query(province, tenant, as_of)
            .into_iter()
            .map(|(k, v)| (k, Some(v))),
    )
}

fn report_query(
    province: Option<&str>,
    tenant: Option<&TenantId>,
    as_of: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut query = view_query(tenant, None, as_of);
    query.extend(province_query(province));
    query
}

/// `GET /api/reminders`: what waits for the caller's action.
pub async fn reminders() -> Result<Reminders, ApiError> {
    get_json("/api/reminders", &[]).await
}
