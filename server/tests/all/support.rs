//! Helpers shared by the integration tests.

use antikor_server::store::{AppendRequest, ExpectedVersion, Metadata, NewEvent, SledStore, StoreOptions};
use antikor_shared::{StreamId, TenantId};
use serde_json::value::RawValue;
use std::path::Path;
use uuid::Uuid;

/// Opens a store in `dir` with default options.
pub fn open(dir: &Path) -> SledStore {
    SledStore::open(dir, StoreOptions::default()).expect("store opens")
}

/// A tenant id.
pub fn tenant(s: &str) -> TenantId {
    TenantId::parse(s).unwrap()
}

/// A stream id.
pub fn stream(s: &str) -> StreamId {
    StreamId::parse(s).unwrap()
}

/// A test event with a fresh id and a small payload.
pub fn event(n: u64) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: "NoteRecorded".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(r#"{{"n":{n}}}"#)).unwrap(),
    }
}

/// An append of `events` to `tenant/stream`.
pub fn request(t: &str, s: &str, expected: ExpectedVersion, events: Vec<NewEvent>) -> AppendRequest {
    AppendRequest {
        tenant: tenant(t),
        stream: stream(s),
        expected,
        events,
        metadata: Metadata { actor: "tester".into(), correlation_id: Uuid::new_v4(), causation_id: None },
    }
}
