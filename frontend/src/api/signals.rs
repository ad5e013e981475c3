//! Calls of the register of corruption signals: the public form and tracking, and the officers' calls.

use super::{ApiError, Page, PageAt, all_pages, changing, get_json, province_query, send_json};
use crate::format::encode_query_value;
use antikor_shared::signal::{
    ChannelObligation, FileSignal, IntakeLists, RecordChannel, RecordSignal, ReporterAccess,
    ReporterReply, ReporterView, SetIntakeLists, SignalAnalysis, SignalDetail, SignalIdentity,
    SignalOfficer, SignalReceipt, SignalRow, SignalStatistics,
};
use gloo_net::http::Request;
use serde::Serialize;

/// `GET /api/signals/register.csv`: the register in the law's order of fields.
pub const REGISTER_CSV: &str = "/api/signals/register.csv";

/// A public request: no session, so no CSRF token either.
fn public_post(url: &str) -> gloo_net::http::RequestBuilder {
    Request::post(url).header("Accept", "application/json")
}

fn signal_url(id: &str, rest: &str) -> String {
    format!("/api/signals/{}{rest}", encode_query_value(id))
}

/// `POST /api/public/signals`: a signal from the public form; the receipt code comes once.
pub async fn file(body: &FileSignal) -> Result<SignalReceipt, ApiError> {
    send_json(public_post("/api/public/signals"), body).await
}

/// `POST /api/public/signals/status`: what the reporter may see, with the receipt code.
pub async fn reporter_status(body: &ReporterAccess) -> Result<ReporterView, ApiError> {
    send_json(public_post("/api/public/signals/status"), body).await
}

/// `POST /api/public/signals/reply`: the reporter writes back.
pub async fn reporter_reply(body: &ReporterReply) -> Result<ReporterView, ApiError> {
    send_json(public_post("/api/public/signals/reply"), body).await
}

/// `GET /api/public/signals/statistics`: counts only, small ones shown as "< 3"; every
/// tenant's, or one province's.
pub async fn statistics(
    year: Option<i32>,
    province: Option<&str>,
) -> Result<SignalStatistics, ApiError> {
    let mut query: Vec<_> = year.map(|y| ("year", y.to_string())).into_iter().collect();
    query.extend(province_query(province));
    get_json("/api/public/signals/statistics", &query).await
}

/// `GET /api/public/signals/channels`: which institutions must run an internal channel.
pub async fn channels() -> Result<Vec<ChannelObligation>, ApiError> {
    get_json("/api/public/signals/channels", &[]).await
}

/// `PUT /api/signals/channel`: the caller's institution records its obligation.
pub async fn record_channel(body: &RecordChannel) -> Result<ChannelObligation, ApiError> {
    send_json(changing(Request::put("/api/signals/channel"))?, body).await
}

/// `GET /api/public/signals/lists?tenant=`: the units and activities a signal to the
/// institution may name.
pub async fn lists(tenant: &str) -> Result<IntakeLists, ApiError> {
    get_json(
        "/api/public/signals/lists",
        &[("tenant", tenant.to_owned())],
    )
    .await
}

/// `PUT /api/signals/lists`: the caller's institution records its lists.
pub async fn set_lists(body: &SetIntakeLists) -> Result<IntakeLists, ApiError> {
    send_json(changing(Request::put("/api/signals/lists"))?, body).await
}

/// `GET /api/signals`: a page of the own institution's register, newest first; `status` is a
/// wire code such as `received`.
pub async fn register(status: Option<&str>, page: &PageAt) -> Result<Page<SignalRow>, ApiError> {
    let mut query: Vec<_> = status
        .map(|s| ("status", s.to_owned()))
        .into_iter()
        .collect();
    page.add_to(&mut query);
    get_json("/api/signals", &query).await
}

/// The whole register (of one status, or all). The server does not filter by the state of the
/// statutory clocks, so what looks for overdue and nearly due signals (the register's "due"
/// filter, the dashboard) reads every page and filters here; one institution's register is
/// small beside the activities, and is read in the longest pages.
pub async fn register_all(status: Option<&str>) -> Result<Vec<SignalRow>, ApiError> {
    all_pages(|page| async move { register(status, &page).await }).await
}

/// `POST /api/signals`: a signal received by e-mail, phone, post or in person.
pub async fn record(body: &RecordSignal) -> Result<SignalReceipt, ApiError> {
    send_json(changing(Request::post("/api/signals"))?, body).await
}

/// `GET /api/signals/{id}`.
pub async fn detail(id: &str) -> Result<SignalDetail, ApiError> {
    get_json(&signal_url(id, ""), &[]).await
}

/// `POST /api/signals/{id}/identity`: opens the sealed identities; the server records it.
pub async fn identity(id: &str) -> Result<SignalIdentity, ApiError> {
    let url = signal_url(id, "/identity");
    send_json(changing(Request::post(&url))?, &serde_json::json!({})).await
}

/// `POST /api/signals/{id}/{step}`: one step of the case (`acknowledge`, `assign`,
/// `classify`, `forward`, `actions`, `feedback`, `messages`, `close`, `links`).
pub async fn step<B: Serialize>(id: &str, step: &str, body: &B) -> Result<SignalDetail, ApiError> {
    let url = signal_url(id, &format!("/{step}"));
    send_json(changing(Request::post(&url))?, body).await
}

/// `GET /api/signals/officers`: the institution's active officers, whom a signal can be
/// assigned to.
pub async fn officers() -> Result<Vec<SignalOfficer>, ApiError> {
    get_json("/api/signals/officers", &[]).await
}

/// `GET /api/signals/analysis`: where the institution's signals concentrate.
pub async fn analysis() -> Result<SignalAnalysis, ApiError> {
    get_json("/api/signals/analysis", &[]).await
}

/// The address of an attachment's file, for a plain download link.
pub fn attachment_url(id: &str, number: u32) -> String {
    signal_url(id, &format!("/attachments/{number}"))
}
