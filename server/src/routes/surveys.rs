//! The anonymous staff survey (plan measure VI.2): `/api/questionnaires`, `/api/surveys`,
//! `/api/region/surveys`, and the respondents' `/api/public/survey`.

use crate::access::Principal;
use crate::app::AppState;
use crate::routes::tenants::ProvinceQuery;
use crate::util::errors::AppResult;
use crate::util::extract::{Json, Path, Query};
use antikor_shared::TenantId;
use antikor_shared::api::ErrorBody;
use antikor_shared::survey::{
    GiveSurveyAnswers, IssueCodes, IssuedCodes, OpenSurvey, PublishQuestionnaire,
    QuestionnairePublished, QuestionnaireView, RegionSurvey, SurveyAccess, SurveyForm,
    SurveyResults, SurveyStatus,
};
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;

/// Whose survey.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SurveyQuery {
    /// The tenant (default: the caller's own; others only for regional roles and auditors).
    pub tenant: Option<TenantId>,
}

/// A province's questionnaire of a year: the newest published version, and the draft a new
/// version starts from (the default questionnaire before the first).
#[utoipa::path(get, path = "/api/questionnaires/{year}", security(("session" = [])), tag = "survey",
    params(("year" = i32, Path, description = "The year"), ProvinceQuery),
    responses(
        (status = 200, description = "The questionnaire", body = QuestionnaireView),
        (status = 404, description = "A province out of reach, or none for the caller", body = ErrorBody)))]
pub async fn questionnaire(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Query(q): Query<ProvinceQuery>,
) -> AppResult<axum::Json<QuestionnaireView>> {
    let province = match q.province.as_deref().filter(|p| !p.is_empty()) {
        Some(asked) => app.plan_province(Some(asked), None)?,
        None => app.tenant_province(principal.one_tenant(None)?.tenant())?,
    };
    Ok(axum::Json(app.questionnaire(&province, year)))
}

/// Publishes a new version of the year's questionnaire of the caller's province; tenants that
/// opened an earlier version keep it.
#[utoipa::path(post, path = "/api/questionnaires/{year}", security(("session" = [])), tag = "survey", request_body = PublishQuestionnaire,
    params(("year" = i32, Path, description = "The year")),
    responses(
        (status = 201, description = "Published", body = QuestionnaireView),
        (status = 400, description = "No questions, a repeated key, too few options, a threshold under 5, or nothing changed", body = ErrorBody),
        (status = 403, description = "Only regional staff", body = ErrorBody),
        (status = 409, description = "Another version was published meanwhile", body = ErrorBody)))]
pub async fn publish(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Json(body): Json<PublishQuestionnaire>,
) -> AppResult<(StatusCode, axum::Json<QuestionnaireView>)> {
    let scope = principal.plan_editor()?;
    let draft = QuestionnairePublished {
        year,
        version: 0,
        title: body.title,
        intro: body.intro,
        questions: body.questions,
        min_answers: body.min_answers,
    };
    let view = app
        .publish_questionnaire(&scope, year, body.expected_version, draft)
        .await?;
    Ok((StatusCode::CREATED, axum::Json(view)))
}

/// A tenant's survey of a year: the questionnaire, the opening, codes handed out, answers.
#[utoipa::path(get, path = "/api/surveys/{year}", security(("session" = [])), tag = "survey",
    params(("year" = i32, Path, description = "The year"), SurveyQuery),
    responses(
        (status = 200, description = "The survey", body = SurveyStatus),
        (status = 404, description = "A tenant out of reach, or outside every province", body = ErrorBody)))]
pub async fn status(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Query(q): Query<SurveyQuery>,
) -> AppResult<axum::Json<SurveyStatus>> {
    let scope = principal.one_tenant(q.tenant)?;
    Ok(axum::Json(app.survey_status(&scope, year)?))
}

/// Opens the caller's tenant's survey of a year for its staff, on the newest questionnaire.
#[utoipa::path(post, path = "/api/surveys/{year}", security(("session" = [])), tag = "survey", request_body = OpenSurvey,
    params(("year" = i32, Path, description = "The year")),
    responses(
        (status = 201, description = "Opened", body = SurveyStatus),
        (status = 400, description = "No questionnaire yet, or a closing day out of reach", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody),
        (status = 409, description = "Already open", body = ErrorBody)))]
pub async fn open(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Json(body): Json<OpenSurvey>,
) -> AppResult<(StatusCode, axum::Json<SurveyStatus>)> {
    let scope = principal.own_write()?;
    let status = app.open_survey(&scope, year, body.closes_on).await?;
    Ok((StatusCode::CREATED, axum::Json(status)))
}

/// Hands out one-time codes for the caller's tenant's survey: answered once, to be printed and
/// handed out; Antikor keeps only their hashes, and never who received which.
#[utoipa::path(post, path = "/api/surveys/{year}/codes", security(("session" = [])), tag = "survey", request_body = IssueCodes,
    params(("year" = i32, Path, description = "The year")),
    responses(
        (status = 201, description = "The codes, shown this once", body = IssuedCodes),
        (status = 400, description = "Not open, closed, or a count out of bounds", body = ErrorBody),
        (status = 403, description = "Auditors and national staff change nothing", body = ErrorBody)))]
pub async fn issue(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Json(body): Json<IssueCodes>,
) -> AppResult<(StatusCode, axum::Json<IssuedCodes>)> {
    let scope = principal.own_write()?;
    let codes = app.issue_survey_codes(&scope, year, body.count).await?;
    Ok((StatusCode::CREATED, axum::Json(codes)))
}

/// A tenant's results of a year, shown only when enough people answered; free texts only to
/// the tenant's officers.
#[utoipa::path(get, path = "/api/surveys/{year}/results", security(("session" = [])), tag = "survey",
    params(("year" = i32, Path, description = "The year"), SurveyQuery),
    responses(
        (status = 200, description = "The results, or how many answered when too few did", body = SurveyResults),
        (status = 404, description = "A tenant out of reach, or outside every province", body = ErrorBody)))]
pub async fn results(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Query(q): Query<SurveyQuery>,
) -> AppResult<axum::Json<SurveyResults>> {
    let scope = principal.one_tenant(q.tenant)?;
    let texts = principal.keeps_signals_of(scope.tenant());
    Ok(axum::Json(app.survey_results(&scope, year, texts)?))
}

/// The surveys of the tenants in reach side by side, and the combined results of those whose
/// own results show (no free text, no group under the threshold).
#[utoipa::path(get, path = "/api/region/surveys/{year}", security(("session" = [])), tag = "survey",
    params(("year" = i32, Path, description = "The year"), ProvinceQuery),
    responses(
        (status = 200, description = "The surveys side by side", body = RegionSurvey),
        (status = 403, description = "Only regional and national roles and auditors", body = ErrorBody),
        (status = 404, description = "A province out of reach", body = ErrorBody)))]
pub async fn region(
    State(app): State<AppState>,
    principal: Principal,
    Path(year): Path<i32>,
    Query(q): Query<ProvinceQuery>,
) -> AppResult<axum::Json<RegionSurvey>> {
    let scope = principal.region_reader()?;
    let (scope, province) = app.province_view(scope, q.province.as_deref())?;
    Ok(axum::Json(app.region_survey(&scope, &province, year)))
}

/// The questionnaire a code opens (no login): the tenant's survey, while open, for a code
/// handed out and not yet answered with.
#[utoipa::path(post, path = "/api/public/survey/form", tag = "public", request_body = SurveyAccess,
    responses(
        (status = 200, description = "The questionnaire", body = SurveyForm),
        (status = 403, description = "Not a code of this survey", body = ErrorBody),
        (status = 409, description = "Already answered with, or the survey is over", body = ErrorBody)))]
pub async fn form(
    State(app): State<AppState>,
    Json(body): Json<SurveyAccess>,
) -> AppResult<axum::Json<SurveyForm>> {
    Ok(axum::Json(app.survey_form(
        &body.tenant,
        body.year,
        &body.code,
    )?))
}

/// Records one person's answers (no login), once per code, with no identity.
#[utoipa::path(post, path = "/api/public/survey/answers", tag = "public", request_body = GiveSurveyAnswers,
    responses(
        (status = 204, description = "Recorded"),
        (status = 400, description = "An unknown question, an option out of range, nothing answered", body = ErrorBody),
        (status = 403, description = "Not a code of this survey", body = ErrorBody),
        (status = 404, description = "The survey is not open", body = ErrorBody),
        (status = 409, description = "Already answered with this code", body = ErrorBody)))]
pub async fn answer(
    State(app): State<AppState>,
    Json(body): Json<GiveSurveyAnswers>,
) -> AppResult<StatusCode> {
    let access = body.access;
    app.answer_survey(&access.tenant, access.year, &access.code, body.answers)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
