//! The annual report: `/api/report/{year}` as JSON for the page, `/api/report/{year}/docx` as
//! the Word document the council files.

use crate::access::Principal;
use crate::app::AppState;
use crate::app::report::ReportAsk;
use crate::routes::tenants::{AsOf, ProvinceQuery};
use crate::util::errors::AppResult;
use crate::util::extract::{Path, Query};
use antikor_shared::TenantId;
use antikor_shared::api::ErrorBody;
use antikor_shared::report::AnnualReport;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;

/// Whose report.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// One institution of the province only (default: the whole province).
    pub tenant: Option<TenantId>,
}

/// The report a request asks for, at the caller's reach.
fn asked(
    app: &AppState,
    principal: Option<&Principal>,
    year: i32,
    query: ReportQuery,
    as_of: &AsOf,
    province: &ProvinceQuery,
) -> AppResult<ReportAsk> {
    Ok(ReportAsk {
        as_of: as_of.moment_for(principal)?,
        province: app.plan_province(province.province.as_deref(), principal.map(|p| &p.tenant))?,
        reader: principal.map(Principal::read_scope),
        institution: query.tenant,
        year,
    })
}

/// The annual report on a province's plan of a year: every measure with each institution's
/// level, the year's activities, the signals' statistics and who has not reported. Logged-in
/// readers also get the notes, evidence and every activity of the institutions in their reach;
/// visitors get the levels, public meetings and contested acts.
#[utoipa::path(get, path = "/api/report/{year}", security((), ("session" = [])), tag = "progress",
    params(("year" = i32, Path, description = "The plan's year"), ReportQuery, AsOf, ProvinceQuery),
    responses(
        (status = 200, description = "The report", body = AnnualReport),
        (status = 400, description = "Several provinces have plans and none was named", body = ErrorBody),
        (status = 401, description = "`as_of` without a login", body = ErrorBody),
        (status = 404, description = "No plan for that year, or an institution outside the province", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Path(year): Path<i32>,
    Query(query): Query<ReportQuery>,
    Query(as_of): Query<AsOf>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<Arc<AnnualReport>>> {
    let ask = asked(&app, principal.as_ref(), year, query, &as_of, &province)?;
    let report = app.annual_report(ask).await?;
    Ok(axum::Json(report))
}

/// The same report as a Word document (DOCX) to edit and sign: a cover, a table of contents,
/// page numbers, A4.
#[utoipa::path(get, path = "/api/report/{year}/docx", security((), ("session" = [])), tag = "progress",
    params(("year" = i32, Path, description = "The plan's year"), ReportQuery, AsOf, ProvinceQuery),
    responses(
        (status = 200, description = "The report as DOCX", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 400, description = "Several provinces have plans and none was named", body = ErrorBody),
        (status = 401, description = "`as_of` without a login", body = ErrorBody),
        (status = 404, description = "No plan for that year, or an institution outside the province", body = ErrorBody)))]
pub async fn docx(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Path(year): Path<i32>,
    Query(query): Query<ReportQuery>,
    Query(as_of): Query<AsOf>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<Response> {
    let file_name = match &query.tenant {
        Some(t) => format!("godishen-otchet-{year}-{t}.docx"),
        None => format!("godishen-otchet-{year}.docx"),
    };
    let ask = asked(&app, principal.as_ref(), year, query, &as_of, &province)?;
    let bytes = app.annual_report_docx(ask).await?;
    let disposition = format!("attachment; filename=\"{file_name}\"");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(anyhow::Error::from)?,
            ),
        ],
        bytes,
    )
        .into_response())
}
