//! Calls of the anonymous staff survey (plan measure VI.2): the region's questionnaire, a
//! tenant's survey, its codes and results, the province's surveys side by side, and the
//! respondents' public calls.

use super::{ApiError, answer, changing, get_json, province_query, send_json};
use antikor_shared::TenantId;
use antikor_shared::survey::{
    GiveSurveyAnswers, IssueCodes, IssuedCodes, OpenSurvey, PublishQuestionnaire,
    QuestionnaireView, RegionSurvey, SurveyAccess, SurveyForm, SurveyResults, SurveyStatus,
};
use gloo_net::http::Request;

/// The `tenant=` of a tenant's survey, when another than the caller's own is asked for.
fn tenant_query(tenant: Option<&TenantId>) -> Vec<(&'static str, String)> {
    tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect()
}

/// `GET /api/questionnaires/{year}`: the caller's province's questionnaire of the year, and
/// the draft a new version starts from.
pub async fn questionnaire(year: i32) -> Result<QuestionnaireView, ApiError> {
    get_json(&format!("/api/questionnaires/{year}"), &[]).await
}

/// `POST /api/questionnaires/{year}`: publishes a new version of the questionnaire.
pub async fn publish_questionnaire(
    year: i32,
    body: &PublishQuestionnaire,
) -> Result<QuestionnaireView, ApiError> {
    let url = format!("/api/questionnaires/{year}");
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/surveys/{year}`: a tenant's survey (`None`: the caller's own).
pub async fn survey_status(year: i32, tenant: Option<&TenantId>) -> Result<SurveyStatus, ApiError> {
    get_json(&format!("/api/surveys/{year}"), &tenant_query(tenant)).await
}

/// `POST /api/surveys/{year}`: opens the caller's tenant's survey for its staff.
pub async fn open_survey(year: i32, body: &OpenSurvey) -> Result<SurveyStatus, ApiError> {
    let url = format!("/api/surveys/{year}");
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/surveys/{year}/codes`: hands out codes, answered this once.
pub async fn issue_codes(year: i32, body: &IssueCodes) -> Result<IssuedCodes, ApiError> {
    let url = format!("/api/surveys/{year}/codes");
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/surveys/{year}/results`: a tenant's results (`None`: the caller's own).
pub async fn survey_results(
    year: i32,
    tenant: Option<&TenantId>,
) -> Result<SurveyResults, ApiError> {
    get_json(
        &format!("/api/surveys/{year}/results"),
        &tenant_query(tenant),
    )
    .await
}

/// `GET /api/region/surveys/{year}`: the surveys of the tenants in reach side by side, and
/// their combined results.
pub async fn region_survey(year: i32, province: Option<&str>) -> Result<RegionSurvey, ApiError> {
    get_json(
        &format!("/api/region/surveys/{year}"),
        &province_query(province),
    )
    .await
}

/// A respondent's request: no session, so no CSRF token either.
fn public_post(url: &str) -> gloo_net::http::RequestBuilder {
    Request::post(url).header("Accept", "application/json")
}

/// `POST /api/public/survey/form`: the questionnaire a code opens.
pub async fn survey_form(body: &SurveyAccess) -> Result<SurveyForm, ApiError> {
    send_json(public_post("/api/public/survey/form"), body).await
}

/// `POST /api/public/survey/answers`: one person's answers; the server answers 204, no body.
pub async fn give_survey_answers(body: &GiveSurveyAnswers) -> Result<(), ApiError> {
    answer(public_post("/api/public/survey/answers").json(body)).await?;
    Ok(())
}
