//! Typed calls to Antikor's JSON API and the errors the pages show for them.

use antikor_shared::api::{AuditPage, AuditQuery, ErrorBody, EventTypeCount, Health};
use antikor_shared::tenant::Tenant;
use antikor_shared::{RecordedEvent, TenantId};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

/// Why a call to the server gave no usable answer; `Display` is the Bulgarian text shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// No answer at all (offline, server down, or a gateway reporting the server unreachable).
    #[error("Сървърът не отговаря. Опитайте отново.")]
    Network,
    /// The server refused the request and said why.
    #[error("{message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The server's stable error code, e.g. `not_found`.
        code: String,
        /// The server's explanation, shown as it is.
        message: String,
    },
    /// The server answered with something this app cannot read.
    #[error("Сървърът върна неочакван отговор (HTTP {status}).")]
    Unexpected {
        /// HTTP status.
        status: u16,
    },
    /// The address holds a value the app refuses before asking the server.
    #[error("{0}")]
    Invalid(String),
}

impl ApiError {
    /// Whether the server said the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Server { status: 404, .. })
    }
}

/// The page size of the audit trail.
pub const PAGE_SIZE: u32 = 50;

async fn get_json<T: DeserializeOwned>(url: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
    let response = Request::get(url)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let status = response.status();
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::Unexpected { status });
    }
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(ApiError::Server {
            status,
            code: body.error,
            message: body.message,
        }),
        // A proxy in front of a stopped server answers 502–504 with its own page.
        Err(_) if matches!(status, 502..=504) => Err(ApiError::Network),
        Err(_) => Err(ApiError::Unexpected { status }),
    }
}

/// `GET /api/health`.
pub async fn health() -> Result<Health, ApiError> {
    get_json("/api/health", &[]).await
}

/// `GET /api/tenants`.
pub async fn tenants() -> Result<Vec<Tenant>, ApiError> {
    get_json("/api/tenants", &[]).await
}

/// `GET /api/audit/event-types`, over one tenant's events or all of them.
pub async fn event_types(tenant: Option<TenantId>) -> Result<Vec<EventTypeCount>, ApiError> {
    let query: Vec<_> = tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect();
    get_json("/api/audit/event-types", &query).await
}

/// `GET /api/audit/events/{position}`.
pub async fn audit_event(position: u64) -> Result<RecordedEvent, ApiError> {
    get_json(&format!("/api/audit/events/{position}"), &[]).await
}

/// `GET /api/audit/events` with the query's filters and cursor.
pub async fn audit_events(query: &AuditQuery) -> Result<AuditPage, ApiError> {
    get_json("/api/audit/events", &audit_query_pairs(query)).await
}

/// The query string pairs of an [`AuditQuery`], leaving out what is unset.
pub fn audit_query_pairs(query: &AuditQuery) -> Vec<(&'static str, String)> {
    [
        ("tenant", query.tenant.as_ref().map(ToString::to_string)),
        ("stream", query.stream.as_ref().map(ToString::to_string)),
        ("event_type", query.event_type.clone()),
        ("before", query.before.map(|p| p.to_string())),
        ("after", query.after.map(|p| p.to_string())),
        ("limit", query.limit.map(|l| l.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

/// The URL of the live feed of newly committed events (Server-Sent Events).
pub const LIVE_URL: &str = "/api/audit/live";
