//! Calls of activities: the register of each institution's work, and the public lists of it.

use super::{ApiError, changing, get_json, send_json, view_query};
use crate::format::encode_query_value;
use antikor_shared::TenantId;
use antikor_shared::activity::Activity;
use antikor_shared::views::{ActivityRecord, CorrectActivity, FollowUpAct};
use gloo_net::http::Request;

/// `GET /api/activities`: of one tenant or all the user may see, of a year and a kind.
pub async fn activities(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    kind: Option<&str>,
) -> Result<Vec<ActivityRecord>, ApiError> {
    let mut query = view_query(tenant, year, None);
    if let Some(kind) = kind {
        query.push(("kind", kind.to_owned()));
    }
    get_json("/api/activities", &query).await
}

/// `POST /api/activities`: record an activity of the caller's tenant.
pub async fn record_activity(body: &Activity) -> Result<ActivityRecord, ApiError> {
    send_json(changing(Request::post("/api/activities"))?, body).await
}

/// `POST /api/activities/{id}/correction`.
pub async fn correct_activity(
    id: &str,
    body: &CorrectActivity,
) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}/correction", encode_query_value(id));
    send_json(changing(Request::post(&url))?, body).await
}

/// `POST /api/activities/{id}/follow-up`: what followed a contested act.
pub async fn follow_up_act(id: &str, body: &FollowUpAct) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}/follow-up", encode_query_value(id));
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/public/meetings`: public meetings of every tenant, of a year or all years.
pub async fn public_meetings(year: Option<i32>) -> Result<Vec<ActivityRecord>, ApiError> {
    get_json("/api/public/meetings", &view_query(None, year, None)).await
}

/// `GET /api/public/contested-acts`: the register of contested acts.
pub async fn public_contested_acts(year: Option<i32>) -> Result<Vec<ActivityRecord>, ApiError> {
    get_json("/api/public/contested-acts", &view_query(None, year, None)).await
}
