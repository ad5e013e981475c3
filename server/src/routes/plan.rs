//! The plans: `/api/plans`, one per province and year. Everyone reads them; each province's
//! regional staff keep its own.

use crate::access::Principal;
use crate::app::AppState;
use crate::domain::plan::PlanCommand;
use crate::routes::tenants::{AsOf, ProvinceQuery};
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{Json, Path, Query};
use antikor_shared::api::ErrorBody;
use antikor_shared::views::{AddMeasure, PlanView, StartPlan, UpdateMeasure, WithdrawMeasure};
use axum::extract::State;
use axum::http::StatusCode;

/// The years a province has a plan for, ascending: the province asked for, else the caller's,
/// else the only one with plans.
#[utoipa::path(get, path = "/api/plans", security((), ("session" = [])), tag = "plan", params(ProvinceQuery),
    responses(
        (status = 200, description = "Years with a plan", body = [i32]),
        (status = 400, description = "Several provinces have plans and none was named", body = ErrorBody),
        (status = 404, description = "No such province, or no plan yet", body = ErrorBody)))]
pub async fn years(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<Vec<i32>>> {
    let province = app.plan_province(
        province.province.as_deref(),
        principal.as_ref().map(|p| &p.tenant),
    )?;
    Ok(axum::Json(app.plan_years(&province)))
}

/// A year's plan with every measure (withdrawn ones marked), now or (logged in) as of a moment.
#[utoipa::path(get, path = "/api/plans/{year}", security((), ("session" = [])), tag = "plan", params(("year" = i32, Path, description = "The plan's year"), AsOf, ProvinceQuery),
    responses(
        (status = 200, description = "The plan", body = PlanView),
        (status = 400, description = "Several provinces have plans and none was named", body = ErrorBody),
        (status = 401, description = "`as_of` without a login", body = ErrorBody),
        (status = 404, description = "No plan for that year", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Path(year): Path<i32>,
    Query(as_of): Query<AsOf>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<PlanView>> {
    let moment = as_of.moment_for(principal.as_ref())?;
    let province = app.plan_province(
        province.province.as_deref(),
        principal.as_ref().map(|p| &p.tenant),
    )?;
    Ok(axum::Json(app.plan(&province, year, moment).await?))
}

/// Starts a year's plan from an earlier year's: its measures in force, a year later.
#[utoipa::path(post, path = "/api/plans", security(("session" = [])), tag = "plan", request_body = StartPlan,
    responses(
        (status = 201, description = "The new plan", body = PlanView),
        (status = 400, description = "Not a later year", body = ErrorBody),
        (status = 403, description = "Only regional staff keep the plan", body = ErrorBody),
        (status = 404, description = "No plan for the year to copy", body = ErrorBody),
        (status = 409, description = "The year already has a plan", body = ErrorBody)))]
pub async fn start(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<StartPlan>,
) -> AppResult<(StatusCode, axum::Json<PlanView>)> {
    let scope = principal.plan_editor()?;
    if !(2000..=2100).contains(&body.year) {
        return Err(AppError::BadRequest(antikor_shared::msg!(
            "requests-year-out-of-range"
        )));
    }
    let plan = app
        .start_plan(&scope, body.year, body.based_on, body.template.as_ref())
        .await?;
    Ok((StatusCode::CREATED, axum::Json(plan)))
}

/// Adds a measure to a year's plan.
#[utoipa::path(post, path = "/api/plans/{year}/measures", security(("session" = [])), tag = "plan", request_body = AddMeasure,
    params(("year" = i32, Path, description = "The plan's year")),
    responses(
        (status = 201, description = "The plan with the new measure", body = PlanView),
        (status = 400, description = "A missing field, an unknown section or a deadline outside the year", body = ErrorBody),
        (status = 403, description = "Only regional staff keep the plan", body = ErrorBody),
        (status = 404, description = "No plan for that year", body = ErrorBody)))]
pub async fn add_measure(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Json(body): Json<AddMeasure>,
) -> AppResult<(StatusCode, axum::Json<PlanView>)> {
    let scope = principal.plan_editor()?;
    let plan = app
        .change_plan(&scope, year, PlanCommand::Add(body))
        .await?;
    Ok((StatusCode::CREATED, axum::Json(plan)))
}

/// Changes some fields of a measure (`MeasureUpdated` records only those that changed).
#[utoipa::path(post, path = "/api/plans/{year}/measures/{key}", security(("session" = [])), tag = "plan", request_body = UpdateMeasure,
    params(("year" = i32, Path, description = "The plan's year"), ("key" = String, Path, description = "The measure's key, e.g. `I.3`")),
    responses(
        (status = 200, description = "The changed plan", body = PlanView),
        (status = 400, description = "Nothing changed, or a field is invalid", body = ErrorBody),
        (status = 403, description = "Only regional staff keep the plan", body = ErrorBody),
        (status = 404, description = "No such plan or measure", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or withdrawn", body = ErrorBody)))]
pub async fn update_measure(
    State(app): State<AppState>,
    principal: Principal,
    Path((year, key)): Path<(i32, String)>,
    Json(body): Json<UpdateMeasure>,
) -> AppResult<axum::Json<PlanView>> {
    let scope = principal.plan_editor()?;
    let command = PlanCommand::Update { key, changes: body };
    Ok(axum::Json(app.change_plan(&scope, year, command).await?))
}

/// Withdraws a measure (it stays in the plan's history, marked).
#[utoipa::path(post, path = "/api/plans/{year}/measures/{key}/withdraw", security(("session" = [])), tag = "plan", request_body = WithdrawMeasure,
    params(("year" = i32, Path, description = "The plan's year"), ("key" = String, Path, description = "The measure's key")),
    responses(
        (status = 200, description = "The changed plan", body = PlanView),
        (status = 400, description = "No reason given", body = ErrorBody),
        (status = 403, description = "Only regional staff keep the plan", body = ErrorBody),
        (status = 404, description = "No such plan or measure", body = ErrorBody),
        (status = 409, description = "Changed meanwhile, or already withdrawn", body = ErrorBody)))]
pub async fn withdraw_measure(
    State(app): State<AppState>,
    principal: Principal,
    Path((year, key)): Path<(i32, String)>,
    Json(body): Json<WithdrawMeasure>,
) -> AppResult<axum::Json<PlanView>> {
    let scope = principal.plan_editor()?;
    let command = PlanCommand::Withdraw {
        key,
        expected_revision: body.expected_revision,
        reason: body.reason,
    };
    Ok(axum::Json(app.change_plan(&scope, year, command).await?))
}
