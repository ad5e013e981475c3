//! Request and response bodies of the JSON API.

use crate::event::RecordedEvent;
use crate::ids::{StreamId, TenantId};
use serde::{Deserialize, Serialize};

/// The body of every error answer: a stable machine code and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable code, e.g. `bad_request`, `not_found`, `conflict`.
    pub error: String,
    /// What went wrong, in words a person understands.
    pub message: String,
}

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` while the server accepts writes, `read_only` after the chain failed verification.
    pub status: String,
    /// The server's version.
    pub version: String,
    /// Position of the newest event in the log (0 when empty).
    pub head_position: u64,
    /// Hash of the newest event, hex (empty when the log is empty).
    pub head_hash: String,
}

/// Filters and cursor of `GET /api/audit/events`. Pages run newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// Only this tenant's events.
    pub tenant: Option<TenantId>,
    /// Only this stream's events (needs `tenant`).
    pub stream: Option<StreamId>,
    /// Only events of this type.
    pub event_type: Option<String>,
    /// The page of events just older than this position.
    pub before: Option<u64>,
    /// The page of events just newer than this position.
    pub after: Option<u64>,
    /// Page size, 1–500 (default 50).
    pub limit: Option<u32>,
}

/// One page of the audit trail, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The events, newest first.
    pub events: Vec<RecordedEvent>,
    /// Position of the newest event in the whole log when the page was read.
    pub head_position: u64,
    /// Cursor for `after=` when newer matching events exist.
    pub newer: Option<u64>,
    /// Cursor for `before=` when older matching events exist.
    pub older: Option<u64>,
}

/// The event types present in the log, for the audit trail's filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventTypeCount {
    /// Event type name.
    pub event_type: String,
    /// How many events of that type the log holds.
    pub count: u64,
}
