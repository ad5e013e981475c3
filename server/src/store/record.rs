//! The stored form of an event: canonical JSON bytes chained by SHA-256.
//!
//! A stored value is `hash (32 bytes) ‖ canonical JSON`, where
//! `hash = SHA-256(previous record's hash ‖ canonical JSON)` and the first record's previous
//! hash is 32 zero bytes. The canonical JSON is compact, with the fields in the order of
//! [`Canonical`] and the payload's object keys sorted, so anyone can recompute the chain from an
//! export with a few lines of code in any language.

use antikor_shared::{RecordedEvent, StreamId, TenantId};
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::fmt;

/// The hash before the first record.
pub const GENESIS_HASH: [u8; 32] = [0; 32];

/// The hashed fields of a record, in their canonical order; shared with the leaf definition of
/// the Merkle tree (`antikor_shared::tlog`).
pub use antikor_shared::tlog::Record as Canonical;
pub use antikor_shared::tlog::format_time;

/// Rewrites JSON as compact text with sorted object keys (serde_json's map is ordered by key).
pub fn canonical_json(raw: &RawValue) -> Result<Box<RawValue>, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_str(raw.get())?;
    serde_json::value::to_raw_value(&value)
}

/// SHA-256 of the previous hash and a record's canonical bytes.
pub fn chain_hash(prev: &[u8; 32], canonical: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    h.update(canonical);
    h.finalize().into()
}

/// Builds the stored value of a record.
pub fn encode(prev: &[u8; 32], record: &Canonical<'_>) -> ([u8; 32], Vec<u8>) {
    let json = serde_json::to_vec(record).expect("records serialize");
    let hash = chain_hash(prev, &json);
    let mut value = Vec::with_capacity(32 + json.len());
    value.extend_from_slice(&hash);
    value.extend_from_slice(&json);
    (hash, value)
}

/// Splits a stored value into its hash and canonical bytes.
pub fn split(value: &[u8]) -> Option<([u8; 32], &[u8])> {
    let (hash, json) = value.split_first_chunk::<32>()?;
    Some((*hash, json))
}

/// Why a record failed verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    /// The first position at which the log is not what was written.
    pub position: u64,
    /// What was found there.
    pub reason: String,
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "position {}: {}", self.position, self.reason)
    }
}

/// Decodes a stored value into the API's event, checking nothing but its shape.
pub fn decode(position: u64, value: &[u8]) -> Result<RecordedEvent, String> {
    let (hash, json) = split(value).ok_or("the record is shorter than its hash")?;
    let c: Canonical<'_> = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    if c.position != position {
        return Err(format!("the record says position {}", c.position));
    }
    to_event(&hash, &c)
}

/// Checks one stored record against the previous hash; returns its hash and its fields when
/// it links.
pub fn link<'v>(
    position: u64,
    prev: &[u8; 32],
    value: &'v [u8],
) -> Result<([u8; 32], Canonical<'v>), ChainBreak> {
    let broken = |reason: String| ChainBreak { position, reason };
    let (stored, json) = split(value).ok_or_else(|| broken("the record is truncated".into()))?;
    let c: Canonical<'_> = serde_json::from_slice(json)
        .map_err(|e| broken(format!("the record is not valid JSON ({e})")))?;
    if c.position != position {
        return Err(broken(format!(
            "the record is stored out of place (it says position {})",
            c.position
        )));
    }
    if chain_hash(prev, json) != stored {
        return Err(broken(
            "the hash does not match the record and its predecessor: the record or an earlier one was changed".into(),
        ));
    }
    Ok((stored, c))
}

/// A hash as lowercase hex (`hex::encode` goes char by char; this is on the replay path).
pub fn hex(hash: &[u8; 32]) -> String {
    let mut out = [0u8; 64];
    ::hex::encode_to_slice(hash, &mut out).expect("64 bytes for 32");
    String::from_utf8(out.to_vec()).expect("hex is ASCII")
}

/// Builds the API's event from checked fields.
pub fn to_event(hash: &[u8; 32], c: &Canonical<'_>) -> Result<RecordedEvent, String> {
    Ok(RecordedEvent {
        position: c.position,
        tenant: TenantId::parse(c.tenant).map_err(|e| e.to_string())?,
        stream: StreamId::parse(c.stream).map_err(|e| e.to_string())?,
        version: c.version,
        id: c.id,
        event_type: c.event_type.to_owned(),
        schema_version: c.schema_version,
        recorded_at: DateTime::parse_from_rfc3339(c.recorded_at)
            .map_err(|e| e.to_string())?
            .with_timezone(&Utc),
        actor: c.actor.to_owned(),
        correlation_id: c.correlation_id,
        causation_id: c.causation_id,
        payload: c.payload.to_owned(),
        hash: hex(hash),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn sample(position: u64, payload: &RawValue) -> Canonical<'_> {
        Canonical {
            position,
            tenant: "bansko",
            stream: "tenant",
            version: 1,
            id: Uuid::nil(),
            event_type: "TenantRegistered",
            schema_version: 1,
            recorded_at: "2026-01-01T00:00:00.000000Z",
            actor: "system",
            correlation_id: Uuid::nil(),
            causation_id: None,
            payload,
        }
    }

    #[test]
    fn payload_keys_are_sorted_and_compact() {
        let raw = RawValue::from_string(r#"{ "b": 1, "a": {"d": 2, "c": 3} }"#.into()).unwrap();
        assert_eq!(
            canonical_json(&raw).unwrap().get(),
            r#"{"a":{"c":3,"d":2},"b":1}"#
        );
    }

    #[test]
    fn a_record_links_to_its_predecessor_only() {
        let payload = RawValue::from_string("{}".into()).unwrap();
        let (h1, v1) = encode(&GENESIS_HASH, &sample(1, &payload));
        let (_, v2) = encode(&h1, &sample(2, &payload));
        assert_eq!(link(1, &GENESIS_HASH, &v1).unwrap().0, h1);
        assert!(link(2, &h1, &v2).is_ok());
        assert!(link(2, &GENESIS_HASH, &v2).is_err(), "wrong predecessor");
        assert!(link(3, &h1, &v2).is_err(), "stored out of place");
        let mut flipped = v2.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert_eq!(link(2, &h1, &flipped).err().unwrap().position, 2);
    }

    #[test]
    fn decode_round_trips() {
        let payload = RawValue::from_string(r#"{"a":1}"#.into()).unwrap();
        let (hash, v) = encode(&GENESIS_HASH, &sample(7, &payload));
        let e = decode(7, &v).unwrap();
        assert_eq!(e.hash, ::hex::encode(hash));
        assert_eq!(e.payload.get(), r#"{"a":1}"#);
        assert_eq!(format_time(e.recorded_at), "2026-01-01T00:00:00.000000Z");
    }
}
