//! Calls of activities: the register of each institution's work, and the public lists of it.

use super::{ApiError, Page, PageAt, changing, get_json, send_json, view_query};
use crate::format::{encode_query_value, href_with_query};
use antikor_shared::TenantId;
use antikor_shared::activity::Activity;
use antikor_shared::views::{ActivityRecord, CorrectActivity, FollowUpAct};
use gloo_net::http::Request;

/// The filters of the activities list and of its file: whose, which year, which kind.
fn activities_query(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    kind: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut query = view_query(tenant, year, None);
    if let Some(kind) = kind {
        query.push(("kind", kind.to_owned()));
    }
    query
}

/// `GET /api/activities`: a page of the activities of one tenant or all the user may see, of a
/// year and a kind, newest first.
pub async fn activities(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    kind: Option<&str>,
    page: &PageAt,
) -> Result<Page<ActivityRecord>, ApiError> {
    let mut query = activities_query(tenant, year, kind);
    page.add_to(&mut query);
    get_json("/api/activities", &query).await
}

/// The address of `GET /api/activities/export.csv`: the whole filtered list as a file the
/// server builds, for a plain download link (the session cookie goes along, same origin).
pub fn activities_csv_url(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    kind: Option<&str>,
) -> String {
    let query = activities_query(tenant, year, kind);
    href_with_query(
        "/api/activities/export.csv",
        query.iter().map(|(k, v)| (*k, Some(v.clone()))),
    )
}

/// `GET /api/activities/{id}`: one activity as the server has it now.
pub async fn activity(id: &str) -> Result<ActivityRecord, ApiError> {
    let url = format!("/api/activities/{}", encode_query_value(id));
    get_json(&url, &[]).await
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

/// `GET /api/public/meetings`: a page of the public meetings of every tenant, of a year or all
/// years, newest first.
pub async fn public_meetings(
    year: Option<i32>,
    page: &PageAt,
) -> Result<Page<ActivityRecord>, ApiError> {
    let mut query = view_query(None, year, None);
    page.add_to(&mut query);
    get_json("/api/public/meetings", &query).await
}

/// `GET /api/public/contested-acts`: a page of the register of contested acts, newest first.
pub async fn public_contested_acts(
    year: Option<i32>,
    page: &PageAt,
) -> Result<Page<ActivityRecord>, ApiError> {
    let mut query = view_query(None, year, None);
    page.add_to(&mut query);
    get_json("/api/public/contested-acts", &query).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_activities_has_the_lists_filters() {
        let bansko = TenantId::parse("bansko").unwrap();
        assert_eq!(
            activities_csv_url(Some(&bansko), Some(2017), Some("meeting")),
            "/api/activities/export.csv?tenant=bansko&year=2017&kind=meeting"
        );
        assert_eq!(
            activities_csv_url(None, None, None),
            "/api/activities/export.csv"
        );
    }
}
