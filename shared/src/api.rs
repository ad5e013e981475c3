//! Request and response bodies of the JSON API.

use crate::event::RecordedEvent;
use crate::i18n::Lang;
use crate::ids::{StreamId, TenantId};
use chrono::{DateTime, Utc};
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
    /// `ok` while the server accepts writes, `damaged` when the log failed a check at start-up
    /// (the server then serves what it could read and accepts no writes).
    pub status: String,
    /// The server's version.
    pub version: String,
    /// Position of the newest event in the log (0 when empty).
    pub head_position: u64,
    /// Hash of the newest event, hex (empty when the log is empty).
    pub head_hash: String,
    /// Merkle root of the log up to the head, base64 (as in checkpoints).
    pub root: String,
    /// Fingerprint of the key that signs the log's checkpoints (8 hex digits).
    pub log_key: String,
    /// What is wrong with the log, when `status` is `damaged`.
    pub damage: Option<Damage>,
    /// Whether every event up to the head has been verified since the server started: false
    /// for a while after a start from a snapshot, while the history before the snapshot is
    /// checked in the background (a difference found there turns `status` to `damaged`).
    pub history_checked: bool,
    /// The witnesses the log submits its checkpoints to.
    pub witnesses: Vec<WitnessHealth>,
    /// Whether this server runs the work done once per installation (the sweeps, e-mail
    /// reminders): always on a data folder; of several servers on one database, one at a time.
    #[serde(default)]
    pub on_duty: bool,
}

/// A witness of the log, as `/api/health` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WitnessHealth {
    /// Its name (its key's).
    pub name: String,
    /// Where it is reached.
    pub url: String,
    /// The largest log size it cosigned (0: none yet).
    pub witnessed_size: u64,
    /// Why it refused the log's newest checkpoint, or why it could not be reached.
    pub problem: Option<String>,
}

/// Damage found in the log at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Damage {
    /// The last position up to which the log verified.
    pub last_good_position: u64,
    /// The first position that is missing or not what was acknowledged.
    pub first_bad_position: u64,
    /// How many events the log acknowledged (by its anchor): positions from
    /// `first_bad_position` up to this are missing or damaged.
    pub expected_size: u64,
    /// What was found.
    pub reason: String,
}

/// `GET /api/log/proof/inclusion`: the event at `position` is in the log of `size` events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InclusionProof {
    /// The event's log position (leaf index + 1).
    pub position: u64,
    /// The tree size the proof is for.
    pub size: u64,
    /// The event's leaf hash, base64.
    pub leaf_hash: String,
    /// The RFC 6962 audit path, leaf to root, base64 hashes.
    pub path: Vec<String>,
}

/// `GET /api/log/proof/consistency`: the log of `to` events extends the log of `from` events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsistencyProof {
    /// The earlier tree size.
    pub from: u64,
    /// The later tree size.
    pub to: u64,
    /// The RFC 6962 consistency proof, base64 hashes.
    pub path: Vec<String>,
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
    /// Only events from this moment on: an RFC 3339 instant (`2026-11-26T12:45:00Z`), or a
    /// log position, the first one shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Only events up to this moment: an RFC 3339 instant, or a log position, the last one
    /// shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Only events this person caused: a username, `system` or `reporter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The page of events just older than this position.
    pub before: Option<u64>,
    /// The page of events just newer than this position.
    pub after: Option<u64>,
    /// Page size, 1–500 (default 50).
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1, maximum = 500),
        schema(minimum = 1, maximum = 500)
    )]
    pub limit: Option<u32>,
}

/// How many items a page of a list holds when the caller does not say.
pub const PAGE_SIZE: u32 = 50;
/// The most items a page of a list may hold.
pub const MAX_PAGE_SIZE: u32 = 500;

/// One page of a list, in the list's order, and where the next page starts. Every list of
/// records is read this way (`limit=` and `after=`), so that a read costs what it returns,
/// however long the list has grown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// This page's items.
    pub items: Vec<T>,
    /// Pass as `after=` for the next page; absent on the last page. It names the last item
    /// shown, so a page read later neither repeats nor skips what came before it.
    pub next: Option<String>,
    /// How many items the whole list holds with the same filters.
    pub total: u64,
}

impl<T> Page<T> {
    /// The same page with each item turned into another.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next: self.next,
            total: self.total,
        }
    }
}

/// An event as the audit trail shows it: the record as stored (a signal's sealed fields as
/// their hashes), what it recorded in one sentence, and the name of its record.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// The event.
    pub event: RecordedEvent,
    /// What happened, in Bulgarian: "Община Петрич отчете мярка I.1 (2017): съществен
    /// напредък → изпълнена".
    pub summary: String,
    /// The record the event belongs to, as people name it: "Отчет по мярка III.2 (2017)",
    /// "Сигнал BLG52-2026-0003".
    pub record: String,
}

/// One page of the audit trail, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// The events, newest first.
    pub events: Vec<AuditEntry>,
    /// Position of the newest event in the whole log when the page was read.
    pub head_position: u64,
    /// Cursor for `after=` when newer matching events exist.
    pub newer: Option<u64>,
    /// Cursor for `before=` when older matching events exist.
    pub older: Option<u64>,
    /// Narrowed to one person, the position where this page stopped looking (it reads a
    /// bounded stretch of the log; the cursor goes on from there); `None` when it looked as
    /// far as the page needed.
    #[serde(default)]
    pub search_stopped_at: Option<u64>,
}

/// One field of a record that an event or a stretch of time changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldChange {
    /// The field, in Bulgarian ("Степен на изпълнение").
    pub field: String,
    /// Its value before; `None` when it had none.
    pub before: Option<String>,
    /// Its value after; `None` when it has none any more.
    pub after: Option<String>,
}

/// An event that changed a record, as a comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeEvent {
    /// Its position in the log.
    pub position: u64,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// What it recorded (see [`AuditEntry::summary`]).
    pub summary: String,
}

/// How a record differs between two moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// It did not exist at the first moment.
    Added,
    /// Some of its fields changed.
    Changed,
    /// It existed at the first moment and not at the second.
    Removed,
}

impl ChangeKind {
    /// The kind in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Added => crate::tr!(lang, "labels-change-kind-added"),
            Self::Changed => crate::tr!(lang, "labels-change-kind-changed"),
            Self::Removed => crate::tr!(lang, "labels-change-kind-removed"),
        }
    }
}

/// One record's change between two moments, with the events that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordChange {
    /// The record's stream.
    pub stream: StreamId,
    /// The record's name ("Отчет по мярка I.1 (2017)", "Мярка II.3 (2017)").
    pub record: String,
    /// Added, changed or removed.
    pub change: ChangeKind,
    /// The fields that differ, in the record's order.
    pub fields: Vec<FieldChange>,
    /// The events between the two moments that changed it, oldest first.
    pub events: Vec<ChangeEvent>,
}

/// `GET /api/audit/diff`: what changed in one tenant's records between two moments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditDiff {
    /// The tenant.
    pub tenant: TenantId,
    /// The first moment, as the position of the last event at it.
    pub from: u64,
    /// The second moment, likewise.
    pub to: u64,
    /// The records that differ, in the order of their first change.
    pub records: Vec<RecordChange>,
}

/// One version of a record: the event that made it and what it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordVersion {
    /// Its version in the record's stream.
    pub version: u64,
    /// The event.
    pub event: ChangeEvent,
    /// The fields it changed (for a record that holds several, such as a plan's measures,
    /// each field is named with its part).
    pub fields: Vec<FieldChange>,
}

/// `GET /api/audit/history`: every version of one record, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordHistory {
    /// The record's stream.
    pub stream: StreamId,
    /// Its name.
    pub record: String,
    /// Its versions, oldest first.
    pub versions: Vec<RecordVersion>,
}

/// A record a tenant's audit trail can be narrowed to (`GET /api/audit/records`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditRecord {
    /// Its stream, the `stream` filter's value.
    pub stream: StreamId,
    /// Its name for people: "Отчет по мярка I.1 (2017)", "Профил petrich.ivanova".
    pub name: String,
    /// How many events it holds.
    pub events: u64,
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

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn change_kind_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(
            [ChangeKind::Added, ChangeKind::Changed, ChangeKind::Removed],
            |value, lang| value.label(lang),
        );
    }
}
