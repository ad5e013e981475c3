//! The envelope every change in Antikor is recorded in, as the log and the API show it.

use crate::events::EventType;
use crate::ids::{StreamId, TenantId};
use chrono::{DateTime, Utc};
use compact_str::CompactString;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::value::RawValue;
use std::borrow::Cow;
use uuid::Uuid;

/// A payload type that can be recorded in the log.
///
/// Event types are named in the past tense and never renamed; a change of shape raises
/// `SCHEMA_VERSION` and adds an upcaster in `antikor-migrations`.
pub trait DomainEvent: Serialize + DeserializeOwned {
    /// The stable name stored with every event of this type.
    const EVENT_TYPE: &'static str;
    /// The version of the payload's shape that this type writes.
    const SCHEMA_VERSION: u32;
}

/// One stored event with its place in the log and in its stream, and its link in the hash chain.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordedEvent {
    /// Place in the whole log: 1, 2, 3, … without gaps.
    pub position: u64,
    /// Whose data this is.
    pub tenant: TenantId,
    /// The entity the event belongs to.
    pub stream: StreamId,
    /// Place in the stream: 1 for its first event, without gaps.
    pub version: u64,
    /// Unique id; appending the same id again is a no-op.
    pub id: Uuid,
    /// Past-tense name of what happened, e.g. `TenantRegistered`.
    pub event_type: String,
    /// Version of the payload's shape.
    pub schema_version: u32,
    /// When the server stored it (UTC).
    pub recorded_at: DateTime<Utc>,
    /// Who caused it: a username, or `system`.
    pub actor: String,
    /// Groups the events of one user action or request.
    pub correlation_id: Uuid,
    /// The event or command that led to this one, if any.
    pub causation_id: Option<Uuid>,
    /// The event's data, as stored (JSON, compact, keys sorted).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub payload: Box<RawValue>,
    /// SHA-256 of the previous record's hash and this record's canonical bytes, hex.
    pub hash: String,
}

/// An event without its payload, links and hash: what a read model folds beside the payload
/// decoded. A replay of the log hands the read models headers, so that it does not copy each
/// payload and write each hash out in hex for models that read neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventHeader {
    /// Place in the whole log.
    pub position: u64,
    /// Whose data this is.
    pub tenant: TenantId,
    /// The entity the event belongs to.
    pub stream: StreamId,
    /// Place in the stream.
    pub version: u64,
    /// The event's unique id.
    pub id: Uuid,
    /// Past-tense name of what happened: a type Antikor records holds its static name, so
    /// that a replay's millions of headers allocate for none of them.
    pub event_type: Cow<'static, str>,
    /// Version of the payload's shape.
    pub schema_version: u32,
    /// When the server stored it (UTC).
    pub recorded_at: DateTime<Utc>,
    /// Who caused it: a username, or `system` (held inline, as the names are short).
    pub actor: CompactString,
}

impl RecordedEvent {
    /// The event's header (its fields copied).
    pub fn header(&self) -> EventHeader {
        EventHeader {
            position: self.position,
            tenant: self.tenant.clone(),
            stream: self.stream.clone(),
            version: self.version,
            id: self.id,
            event_type: EventType::name_of(&self.event_type),
            schema_version: self.schema_version,
            recorded_at: self.recorded_at,
            actor: CompactString::from(&self.actor),
        }
    }

    /// Decodes the payload as `E` when the event is of that type, at its current schema version.
    ///
    /// Older schema versions are brought up to date by `antikor-migrations` first.
    pub fn decode<E: DomainEvent>(&self) -> Option<Result<E, serde_json::Error>> {
        (self.event_type == E::EVENT_TYPE && self.schema_version == E::SCHEMA_VERSION)
            .then(|| serde_json::from_str(self.payload.get()))
    }
}
