//! Calls of the audit trail and the signed log: events, filters, checkpoints and proofs.

use super::{ApiError, get_json, get_text};
use antikor_shared::api::{
    AuditDiff, AuditEntry, AuditPage, AuditQuery, AuditRecord, EventTypeCount, InclusionProof,
    RecordHistory,
};
use antikor_shared::{StreamId, TenantId};

/// The page size of the audit trail.
pub const PAGE_SIZE: u32 = 50;

/// `GET /api/log/checkpoint`: the newest signed checkpoint, exactly as signed (a C2SP signed
/// note); a damaged log answers 503 and signs nothing.
pub async fn log_checkpoint() -> Result<String, ApiError> {
    get_text("/api/log/checkpoint").await
}

/// `GET /api/log/key`: the verifier key of the checkpoints, `name+fingerprint+base64`.
pub async fn log_key() -> Result<String, ApiError> {
    Ok(get_text("/api/log/key").await?.trim().to_owned())
}

/// `GET /api/log/bundle`: the whole log as JSON Lines, for auditors to check offline.
pub const LOG_BUNDLE_URL: &str = "/api/log/bundle";

/// `GET /api/log/proof/inclusion`: the audit path of the event at `position` in the log of
/// `size` events; 404 for an event the caller may not see.
pub async fn inclusion_proof(position: u64, size: u64) -> Result<InclusionProof, ApiError> {
    get_json(
        "/api/log/proof/inclusion",
        &[
            ("position", position.to_string()),
            ("size", size.to_string()),
        ],
    )
    .await
}

/// `GET /api/audit/event-types`, over one tenant's events or all of them.
pub async fn event_types(tenant: Option<TenantId>) -> Result<Vec<EventTypeCount>, ApiError> {
    let query: Vec<_> = tenant
        .map(|t| ("tenant", t.to_string()))
        .into_iter()
        .collect();
    get_json("/api/audit/event-types", &query).await
}

/// `GET /api/audit/records`: the tenant's records the trail can be narrowed to.
pub async fn audit_records(tenant: TenantId) -> Result<Vec<AuditRecord>, ApiError> {
    get_json("/api/audit/records", &[("tenant", tenant.to_string())]).await
}

/// `GET /api/audit/diff`: what changed in a tenant's records between two moments (log
/// positions or RFC 3339 instants).
pub async fn audit_diff(tenant: TenantId, from: String, to: String) -> Result<AuditDiff, ApiError> {
    get_json(
        "/api/audit/diff",
        &[("tenant", tenant.to_string()), ("from", from), ("to", to)],
    )
    .await
}

/// `GET /api/audit/history`: every version of one record.
pub async fn record_history(tenant: TenantId, stream: StreamId) -> Result<RecordHistory, ApiError> {
    get_json(
        "/api/audit/history",
        &[
            ("tenant", tenant.to_string()),
            ("stream", stream.to_string()),
        ],
    )
    .await
}

/// `GET /api/audit/events/{position}`.
pub async fn audit_event(position: u64) -> Result<AuditEntry, ApiError> {
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
        ("actor", query.actor.clone()),
        ("from", query.from.clone()),
        ("to", query.to.clone()),
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
