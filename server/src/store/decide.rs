//! How an append is judged and what it writes, whatever the backend stores: a retry answered
//! with what the first append got, a stale expected version refused, or the next records of the
//! chain. Pure: the backend says what the log holds ([`Holdings`]), and writes what is decided.

use super::record::{self, Canonical};
use super::{
    AppendError, AppendOutcome, AppendRequest, ExpectedVersion, Head, MAX_EVENTS_PER_APPEND,
    MAX_PAYLOAD_BYTES, StoreError,
};
use antikor_shared::tlog::{self, Hash};
use antikor_shared::{RecordedEvent, StreamId, TenantId};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::sync::Arc;
use uuid::Uuid;

/// Where an event is stored, as judging a retry reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Whose it is.
    pub tenant: TenantId,
    /// Its stream.
    pub stream: StreamId,
    /// Its place in the stream.
    pub version: u64,
}

/// What the log holds, as judging an append reads it: the stored log and what the backend has
/// decided but not yet written (a group commit judges its appends one after another).
pub trait Holdings {
    /// The position of the event with this id, if one is stored.
    fn position_of(&self, id: &Uuid) -> Result<Option<u64>, StoreError>;
    /// The event at `position`, if there is one.
    fn placed_at(&self, position: u64) -> Result<Option<Placed>, StoreError>;
    /// A stream's newest version (0 while it has no event).
    fn stream_version(&self, tenant: &TenantId, stream: &StreamId) -> Result<u64, StoreError>;
}

/// How an append was judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// Every id is stored already, in order, in this stream: a retry, answered with what the
    /// first append got.
    Retried(AppendOutcome),
    /// The append's events go after the stream's `version`.
    Appends {
        /// The stream's version before them.
        version: u64,
    },
}

/// Judges `request` against what the log holds. An append some of whose ids are stored, but
/// not all of them as one earlier append of this stream, is refused: it is no clean retry.
pub fn judge(request: &AppendRequest, log: &impl Holdings) -> Result<Judgement, AppendError> {
    if let Some(outcome) = retried(request, log)? {
        return Ok(Judgement::Retried(outcome));
    }
    let (tenant, stream) = (&request.tenant, &request.stream);
    let actual = log.stream_version(tenant, stream)?;
    let expected = match request.expected {
        ExpectedVersion::Any => true,
        ExpectedVersion::NoStream => actual == 0,
        ExpectedVersion::Exact(v) => actual == v,
    };
    if !expected {
        return Err(AppendError::WrongExpectedVersion {
            tenant: tenant.clone(),
            stream: stream.clone(),
            expected: request.expected,
            actual,
        });
    }
    Ok(Judgement::Appends { version: actual })
}

/// An append whose ids are all stored already, in order, as events of its stream, is a retry:
/// the first append's outcome. One some of whose ids are stored otherwise is refused.
fn retried(
    request: &AppendRequest,
    log: &impl Holdings,
) -> Result<Option<AppendOutcome>, AppendError> {
    let mut positions = Vec::with_capacity(request.events.len());
    for event in &request.events {
        positions.push(log.position_of(&event.id)?);
    }
    let Some(first) = positions.iter().position(Option::is_some) else {
        return Ok(None);
    };
    let first_position = positions[first].unwrap_or_default();
    let in_order = positions
        .iter()
        .enumerate()
        .all(|(i, p)| *p == Some(first_position + i as u64));
    let last_position = first_position + request.events.len() as u64 - 1;
    let duplicate = AppendError::DuplicateId {
        id: request.events[first].id,
        position: first_position,
    };
    if first != 0 || !in_order {
        return Err(duplicate);
    }
    // Its first and last events in this stream, as many versions apart as positions: every
    // event between them is this stream's too.
    let ours = |p: &Placed| p.tenant == request.tenant && p.stream == request.stream;
    match (
        log.placed_at(first_position)?,
        log.placed_at(last_position)?,
    ) {
        (Some(f), Some(last))
            if ours(&f)
                && ours(&last)
                && last.version.checked_sub(f.version) == Some(last_position - first_position) =>
        {
            Ok(Some(AppendOutcome {
                first_position,
                last_position,
                stream_version: last.version,
                written: false,
            }))
        }
        _ => Err(duplicate),
    }
}

/// Checks and normalises a request before it reaches the writer, so the writer's critical
/// section does only what needs the log's current state.
pub fn validate(request: &mut AppendRequest) -> Result<(), AppendError> {
    let invalid = |m: String| Err(AppendError::Invalid(m));
    if request.events.is_empty() {
        return invalid("an append needs at least one event".into());
    }
    if request.events.len() > MAX_EVENTS_PER_APPEND {
        return invalid(format!(
            "an append may carry at most {MAX_EVENTS_PER_APPEND} events"
        ));
    }
    if request.metadata.actor.is_empty() || request.metadata.actor.len() > 200 {
        return invalid("the actor must be 1–200 characters".into());
    }
    let mut ids = HashSet::new();
    for event in &mut request.events {
        if !ids.insert(event.id) {
            return invalid(format!("event id {} appears twice in one append", event.id));
        }
        let t = &event.event_type;
        if t.is_empty()
            || t.len() > 100
            || !t
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            return invalid(format!(
                "event type „{t}“ must be 1–100 Latin letters, digits, _ or ."
            ));
        }
        if event.schema_version == 0 {
            return invalid("schema versions start at 1".into());
        }
        if event.payload.get().len() > MAX_PAYLOAD_BYTES {
            return invalid(format!(
                "an event's payload may be at most {MAX_PAYLOAD_BYTES} bytes"
            ));
        }
        event.payload = record::canonical_json(&event.payload)
            .map_err(|e| AppendError::Invalid(format!("the payload is not valid JSON: {e}")))?;
    }
    Ok(())
}

/// The time an append after `head` is recorded at: now, but never before the head's time, so
/// that the log "as of" a moment is a prefix of it; in whole microseconds, as stored, so that
/// the event handed to the read models equals the one replayed.
pub fn recorded_now(head: &Head) -> DateTime<Utc> {
    let now = Utc::now().max(head.recorded_at.unwrap_or_default());
    DateTime::from_timestamp_micros(now.timestamp_micros()).expect("in range")
}

/// One record an append writes.
pub struct Written {
    /// The stored record: its chain hash, then its canonical JSON.
    pub value: Vec<u8>,
    /// Its Merkle leaf hash.
    pub leaf: Hash,
    /// The event as readers get it.
    pub event: Arc<RecordedEvent>,
}

impl Written {
    /// The record's chain hash.
    pub fn hash(&self) -> [u8; 32] {
        self.value[..32]
            .try_into()
            .expect("a record starts with its hash")
    }
}

/// The records of `request`, judged to go after the stream's `version`, chained after `head`
/// and recorded at `now`.
pub fn records(
    request: &AppendRequest,
    head: &Head,
    version: u64,
    now: DateTime<Utc>,
) -> Vec<Written> {
    let recorded_at = record::format_time(now);
    let meta = &request.metadata;
    let (mut prev, mut position, mut version) = (head.hash, head.position, version);
    request
        .events
        .iter()
        .map(|event| {
            position += 1;
            version += 1;
            let canonical = Canonical {
                position,
                tenant: request.tenant.as_str(),
                stream: request.stream.as_str(),
                version,
                id: event.id,
                event_type: &event.event_type,
                schema_version: event.schema_version,
                recorded_at: &recorded_at,
                actor: &meta.actor,
                correlation_id: meta.correlation_id,
                causation_id: meta.causation_id,
                payload: &event.payload,
            };
            let (hash, value) = record::encode(&prev, &canonical);
            let leaf = tlog::leaf_bytes(&value[32..]).expect("a record just encoded is a leaf");
            prev = hash;
            Written {
                leaf: tlog::leaf_hash(&leaf),
                event: Arc::new(RecordedEvent {
                    position,
                    tenant: request.tenant.clone(),
                    stream: request.stream.clone(),
                    version,
                    id: event.id,
                    event_type: event.event_type.clone(),
                    schema_version: event.schema_version,
                    recorded_at: now,
                    actor: meta.actor.clone(),
                    correlation_id: meta.correlation_id,
                    causation_id: meta.causation_id,
                    payload: event.payload.clone(),
                    hash: record::hex(&hash),
                }),
                value,
            }
        })
        .collect()
}

/// Judges a record copied as it is from another copy of the log (a mirror's round, `antikor
/// store copy`): its canonical JSON must state the next position after `head`, continue its
/// stream, and carry an id the log does not hold. Chained after `head`, it is the record the
/// other copy holds, with the same hash.
pub fn replica(json: &[u8], head: &Head, log: &impl Holdings) -> Result<Written, AppendError> {
    let invalid = |m: String| AppendError::Invalid(m);
    let c: Canonical<'_> = serde_json::from_slice(json)
        .map_err(|e| invalid(format!("not a record of the log: {e}")))?;
    if c.position != head.position + 1 {
        return Err(invalid(format!(
            "the record is for position {}, the log is at {}",
            c.position, head.position
        )));
    }
    let hash = record::chain_hash(&head.hash, json);
    let event = record::to_event(&hash, &c).map_err(invalid)?;
    if log.stream_version(&event.tenant, &event.stream)? + 1 != event.version {
        return Err(invalid(format!(
            "the record's stream version {} does not continue its stream",
            event.version
        )));
    }
    if log.position_of(&event.id)?.is_some() {
        return Err(invalid(format!(
            "the event id {} is stored already",
            event.id
        )));
    }
    let leaf = tlog::leaf_bytes(json).map_err(|e| invalid(e.to_string()))?;
    let mut value = hash.to_vec();
    value.extend_from_slice(json);
    Ok(Written {
        value,
        leaf: tlog::leaf_hash(&leaf),
        event: Arc::new(event),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Metadata, NewEvent};
    use std::collections::HashMap;

    /// A log as judging reads it: events by position, and ids.
    #[derive(Default)]
    struct Log {
        placed: HashMap<u64, Placed>,
        ids: HashMap<Uuid, u64>,
    }

    impl Log {
        /// Given these appends, each judged and stored as the backend would.
        fn given(appends: &[&AppendRequest]) -> Self {
            let mut log = Self::default();
            let mut head = Head::default();
            for request in appends {
                let Judgement::Appends { version } = judge(request, &log).unwrap() else {
                    panic!("a given append is new");
                };
                for written in records(request, &head, version, recorded_now(&head)) {
                    let e = &written.event;
                    log.ids.insert(e.id, e.position);
                    let placed = Placed {
                        tenant: e.tenant.clone(),
                        stream: e.stream.clone(),
                        version: e.version,
                    };
                    log.placed.insert(e.position, placed);
                    head.position = e.position;
                    head.hash = written.hash();
                }
            }
            log
        }
    }

    impl Holdings for Log {
        fn position_of(&self, id: &Uuid) -> Result<Option<u64>, StoreError> {
            Ok(self.ids.get(id).copied())
        }

        fn placed_at(&self, position: u64) -> Result<Option<Placed>, StoreError> {
            Ok(self.placed.get(&position).cloned())
        }

        fn stream_version(&self, tenant: &TenantId, stream: &StreamId) -> Result<u64, StoreError> {
            Ok(self
                .placed
                .values()
                .filter(|p| &p.tenant == tenant && &p.stream == stream)
                .map(|p| p.version)
                .max()
                .unwrap_or(0))
        }
    }

    fn append(stream: &str, expected: ExpectedVersion, ids: &[Uuid]) -> AppendRequest {
        AppendRequest {
            tenant: TenantId::parse("bansko").unwrap(),
            stream: StreamId::parse(stream).unwrap(),
            expected,
            events: ids
                .iter()
                .map(|id| NewEvent {
                    id: *id,
                    event_type: "MeetingHeld".into(),
                    schema_version: 1,
                    payload: serde_json::value::RawValue::from_string(r#"{"n":1}"#.into()).unwrap(),
                })
                .collect(),
            metadata: Metadata {
                actor: "bansko.officer".into(),
                correlation_id: Uuid::nil(),
                causation_id: None,
            },
        }
    }

    fn ids(n: usize) -> Vec<Uuid> {
        (0..n).map(|_| Uuid::new_v4()).collect()
    }

    #[test]
    fn a_new_stream_takes_its_first_events_and_a_stale_version_is_refused() {
        let [a, b, c] = [ids(2), ids(1), ids(1)];
        let first = append("activity-a", ExpectedVersion::NoStream, &a);
        let log = Log::given(&[&first]);
        let next = append("activity-a", ExpectedVersion::Exact(2), &b);
        assert_eq!(
            judge(&next, &log).unwrap(),
            Judgement::Appends { version: 2 }
        );
        let stale = append("activity-a", ExpectedVersion::Exact(1), &c);
        assert!(matches!(
            judge(&stale, &log),
            Err(AppendError::WrongExpectedVersion { actual: 2, .. })
        ));
        let again = append("activity-a", ExpectedVersion::NoStream, &c);
        assert!(judge(&again, &log).is_err());
        let any = append("activity-a", ExpectedVersion::Any, &c);
        assert_eq!(
            judge(&any, &log).unwrap(),
            Judgement::Appends { version: 2 }
        );
    }

    #[test]
    fn the_same_append_again_is_answered_as_the_first_was_and_a_partial_one_refused() {
        let [a, b] = [ids(2), ids(3)];
        let first = append("activity-a", ExpectedVersion::NoStream, &a);
        let second = append("activity-b", ExpectedVersion::NoStream, &b);
        let log = Log::given(&[&first, &second]);
        // Its expected version is stale by now: a retry is still a retry.
        assert_eq!(
            judge(&second, &log).unwrap(),
            Judgement::Retried(AppendOutcome {
                first_position: 3,
                last_position: 5,
                stream_version: 3,
                written: false,
            })
        );
        for not_a_retry in [
            // Part of it, with a new event.
            append(
                "activity-b",
                ExpectedVersion::Any,
                &[b[0], b[1], Uuid::new_v4()],
            ),
            // A new event first.
            append("activity-b", ExpectedVersion::Any, &[Uuid::new_v4(), b[0]]),
            // Out of order.
            append("activity-b", ExpectedVersion::Any, &[b[1], b[0]]),
            // Another stream's.
            append("activity-c", ExpectedVersion::Any, &a),
            // Across two appends.
            append("activity-b", ExpectedVersion::Any, &[a[1], b[0]]),
        ] {
            assert!(
                matches!(
                    judge(&not_a_retry, &log),
                    Err(AppendError::DuplicateId { .. })
                ),
                "{:?}",
                not_a_retry.events.iter().map(|e| e.id).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn records_follow_the_head_link_to_it_and_are_never_recorded_before_it() {
        let request = append("activity-a", ExpectedVersion::Any, &ids(3));
        let later = Utc::now() + chrono::TimeDelta::hours(1);
        let head = Head {
            position: 41,
            hash: [7; 32],
            recorded_at: Some(later),
            root: [0; 32],
        };
        let now = recorded_now(&head);
        assert_eq!(now.timestamp_micros(), later.timestamp_micros());
        let written = records(&request, &head, 5, now);
        let mut prev = head.hash;
        for (i, w) in written.iter().enumerate() {
            let position = 42 + i as u64;
            let (hash, c) = record::link(position, &prev, &w.value).unwrap();
            assert_eq!((c.version, w.event.version), (6 + i as u64, 6 + i as u64));
            assert_eq!(w.event.position, position);
            assert_eq!(w.event.hash, record::hex(&hash));
            let leaf = tlog::leaf_bytes(&w.value[32..]).unwrap();
            assert_eq!(w.leaf, tlog::leaf_hash(&leaf));
            prev = hash;
        }
    }
}
