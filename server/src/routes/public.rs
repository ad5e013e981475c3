//! What every visitor may read of the plan's work: `/api/public/...`.

use crate::access::ReadScope;
use crate::app::AppState;
use crate::routes::tenants::ProvinceQuery;
use crate::util::errors::AppResult;
use crate::util::extract::{Query, Speaks};
use crate::util::paging::{PageQuery, PageRequest};
use antikor_shared::activity::ActivityKind;
use antikor_shared::api::{ErrorBody, Page};
use antikor_shared::views::{ActivityRecord, RegionView};
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// Which year.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The plan's year (default: the newest plan; for lists: every year).
    pub year: Option<i32>,
}

/// The progress of every tenant (or one province's) on a year's plan, as it is now.
#[utoipa::path(get, path = "/api/public/progress", tag = "public", params(YearQuery, ProvinceQuery),
    responses(
        (status = 200, description = "Every tenant side by side", body = RegionView),
        (status = 404, description = "No such plan", body = ErrorBody)))]
pub async fn progress(
    State(app): State<AppState>,
    Query(q): Query<YearQuery>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<RegionView>> {
    let (scope, province) = app.province_view(ReadScope::public(), province.province.as_deref())?;
    let year = app.plan_year(&province, q.year)?;
    Ok(axum::Json(app.region(&scope, &province, year, None).await?))
}

/// A page of the public meetings with their protocols and decisions, newest first.
#[utoipa::path(get, path = "/api/public/meetings", tag = "public", params(YearQuery, PageQuery),
    responses(
        (status = 200, description = "Meetings marked public", body = Page<ActivityRecord>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody)))]
pub async fn meetings(
    State(app): State<AppState>,
    Query(q): Query<YearQuery>,
    Query(page): Query<PageQuery>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<Page<ActivityRecord>>> {
    let request = PageRequest::new(&page)?;
    Ok(axum::Json(app.public_activities(
        ActivityKind::Meeting,
        q.year,
        &request,
        lang,
    )?))
}

/// A page of the register of contested or returned council decisions and mayors' orders.
#[utoipa::path(get, path = "/api/public/contested-acts", tag = "public", params(YearQuery, PageQuery),
    responses(
        (status = 200, description = "Contested acts, newest first", body = Page<ActivityRecord>),
        (status = 400, description = "A page size out of bounds or a cursor no page gave", body = ErrorBody)))]
pub async fn contested_acts(
    State(app): State<AppState>,
    Query(q): Query<YearQuery>,
    Query(page): Query<PageQuery>,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<Page<ActivityRecord>>> {
    let request = PageRequest::new(&page)?;
    Ok(axum::Json(app.public_activities(
        ActivityKind::ContestedAct,
        q.year,
        &request,
        lang,
    )?))
}
