//! The stored form of an event: canonical JSON bytes chained by SHA-256.
//!
//! A stored value is `hash (32 bytes) ‖ canonical JSON`, where
//! `hash = SHA-256(previous record's hash ‖ canonical JSON)` and the first record's previous
//! hash is 32 zero bytes. The canonical JSON is compact, with the fields in the order of
//! [`Canonical`] and the payload's object keys sorted, so anyone can recompute the chain from an
//! export with a few lines of code in any language.

use antikor_shared::events::EventType;
use antikor_shared::{EventHeader, RecordedEvent, StreamId, TenantId};
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
    let c = canonical(json)?;
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
    let c = canonical(json).map_err(|e| broken(format!("the record is not valid JSON ({e})")))?;
    if c.position != position {
        return Err(broken(format!(
            "the record is stored out of place (it says position {})",
            c.position
        )));
    }
    if chain_hash(prev, json) != stored {
        return Err(broken(CHANGED.into()));
    }
    Ok((stored, c))
}

/// Reads a record's canonical JSON. The writer puts the fields in one order with nothing
/// between them, so they are read off the front in that order and only the payload is parsed
/// (to check that it is one JSON value); a record in any other form is parsed as JSON. A
/// replay reads every record, and serde's pass over the fields was a third of its workers'
/// time.
pub fn canonical(json: &[u8]) -> Result<Canonical<'_>, String> {
    let read = front(json).and_then(|(fields, payload)| {
        let payload = serde_json::from_str(payload).ok()?;
        Some(fields.with(payload))
    });
    match read {
        Some(c) => Ok(c),
        None => serde_json::from_slice(json).map_err(|e| e.to_string()),
    }
}

/// Reads a record's header and its payload's text, read off the front as
/// [`canonical`] reads them but without parsing the payload: whoever decodes it parses it
/// then, and the chain's hash already vouches that it is what the writer wrote. A rebuild of
/// the read models reads every record this way.
pub fn header(json: &[u8]) -> Result<(EventHeader, &str), String> {
    if let Some((fields, payload)) = front(json) {
        return Ok((fields.header()?, payload));
    }
    let c: Canonical<'_> = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    Ok((Fields::of(&c).header()?, c.payload.get()))
}

/// The fields of a record in the plain form the writer writes, read off its front, and its
/// payload's text (not parsed); `None` for a record in any other form.
fn front(json: &[u8]) -> Option<(Fields<'_>, &str)> {
    // The whole record's UTF-8 is checked once, with SIMD (the payload is most of a record,
    // much of it Cyrillic), and neither the fields nor the payload's reader check it again:
    // checking each field on its own was a sixth of the instructions reading the fields took.
    let text = simdutf8::basic::from_utf8(json).ok()?;
    let mut at = Front {
        json,
        text: Some(text),
        at: 0,
    };
    let (envelope, version) = at.envelope()?;
    at.expect(b",\"schema_version\":")?;
    let schema_version = u32::try_from(at.number()?).ok()?;
    at.expect(b",\"recorded_at\":\"")?;
    let recorded_at = at.text()?;
    at.expect(b",\"actor\":\"")?;
    let actor = at.text()?;
    at.expect(b",\"correlation_id\":\"")?;
    let correlation_id = uuid::Uuid::try_parse(at.text()?).ok()?;
    at.expect(b",\"causation_id\":")?;
    let causation_id = match at.expect(b"null") {
        Some(()) => None,
        None => {
            at.expect(b"\"")?;
            Some(uuid::Uuid::try_parse(at.text()?).ok()?)
        }
    };
    at.expect(b",\"payload\":")?;
    let payload = text.get(at.at..)?.strip_suffix('}')?;
    let fields = Fields {
        envelope,
        version,
        schema_version,
        recorded_at,
        actor,
        correlation_id,
        causation_id,
    };
    Some((fields, payload))
}

/// A record's fields but its payload.
struct Fields<'a> {
    envelope: Envelope<'a>,
    version: u64,
    schema_version: u32,
    recorded_at: &'a str,
    actor: &'a str,
    correlation_id: uuid::Uuid,
    causation_id: Option<uuid::Uuid>,
}

impl<'a> Fields<'a> {
    fn of(c: &Canonical<'a>) -> Self {
        Self {
            envelope: Envelope {
                position: c.position,
                tenant: c.tenant,
                stream: c.stream,
                id: c.id,
                event_type: c.event_type,
            },
            version: c.version,
            schema_version: c.schema_version,
            recorded_at: c.recorded_at,
            actor: c.actor,
            correlation_id: c.correlation_id,
            causation_id: c.causation_id,
        }
    }

    fn with(self, payload: &'a RawValue) -> Canonical<'a> {
        let e = self.envelope;
        Canonical {
            position: e.position,
            tenant: e.tenant,
            stream: e.stream,
            version: self.version,
            id: e.id,
            event_type: e.event_type,
            schema_version: self.schema_version,
            recorded_at: self.recorded_at,
            actor: self.actor,
            correlation_id: self.correlation_id,
            causation_id: self.causation_id,
            payload,
        }
    }

    /// The header, its names checked and its time parsed.
    fn header(&self) -> Result<EventHeader, String> {
        let e = &self.envelope;
        Ok(EventHeader {
            position: e.position,
            tenant: TenantId::parse(e.tenant).map_err(|e| e.to_string())?,
            stream: StreamId::parse(e.stream).map_err(|e| e.to_string())?,
            version: self.version,
            id: e.id,
            event_type: EventType::name_of(e.event_type),
            schema_version: self.schema_version,
            recorded_at: parse_time(self.recorded_at)?,
            actor: self.actor.into(),
        })
    }
}

/// A stored time. The log writes one form ([`format_time`]: `2026-11-26T15:17:32.123456Z`),
/// read here digit by digit; anything else goes to chrono's RFC 3339 parser, which gives the
/// same time for that form and takes every other.
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    fn stored_form(t: &[u8]) -> Option<DateTime<Utc>> {
        let [
            y0,
            y1,
            y2,
            y3,
            b'-',
            m0,
            m1,
            b'-',
            d0,
            d1,
            b'T',
            h0,
            h1,
            b':',
            i0,
            i1,
            b':',
            s0,
            s1,
            b'.',
            f @ ..,
            b'Z',
        ] = t
        else {
            return None;
        };
        let digits = |ds: &[u8]| {
            ds.iter().try_fold(0u32, |n, d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        if f.len() != 6 {
            return None;
        }
        let year = i32::try_from(digits(&[*y0, *y1, *y2, *y3])?).ok()?;
        chrono::NaiveDate::from_ymd_opt(year, digits(&[*m0, *m1])?, digits(&[*d0, *d1])?)?
            .and_hms_micro_opt(
                digits(&[*h0, *h1])?,
                digits(&[*i0, *i1])?,
                digits(&[*s0, *s1])?,
                digits(f)?,
            )
            .map(|t| t.and_utc())
    }
    match stored_form(text.as_bytes()) {
        Some(time) => Ok(time),
        None => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| e.to_string()),
    }
}

/// What the log's indexes need of a record (the fields its canonical JSON starts with): its
/// envelope.
pub use super::index::Entry as Envelope;

/// Reads a record's envelope. The canonical JSON starts with these fields in this order and
/// none of their values needs an escape, so they are read off the front without parsing the
/// rest (the payload is most of a record); anything else is parsed as JSON. A walk of the
/// whole log reads every envelope.
pub fn envelope(json: &[u8]) -> Result<Envelope<'_>, String> {
    fn front(json: &[u8]) -> Option<Envelope<'_>> {
        let mut at = Front::new(json);
        let (envelope, _) = at.envelope()?;
        at.expect(b",")?;
        Some(envelope)
    }
    if let Some(envelope) = front(json) {
        return Ok(envelope);
    }
    let c: Canonical<'_> = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    Ok(Envelope {
        position: c.position,
        tenant: c.tenant,
        stream: c.stream,
        id: c.id,
        event_type: c.event_type,
    })
}

/// A record's envelope on its own, read off its stored value on a walk's worker threads for
/// the one thread that indexes: its three names in one allocation, and the record dropped
/// where it was read (a block freed by another thread than the one that allocated it costs
/// glibc's allocator a lock).
pub struct Enveloped {
    position: u64,
    id: uuid::Uuid,
    /// The tenant, stream and type, one after another.
    names: String,
    /// Where the stream and the type start in `names`.
    stream_at: usize,
    type_at: usize,
}

impl Enveloped {
    /// Reads the envelope of a stored value (`hash ‖ canonical JSON`).
    pub fn new(value: &[u8]) -> Result<Self, String> {
        let (_, json) = split(value).ok_or("the record is shorter than its hash")?;
        let e = envelope(json)?;
        let mut names = String::with_capacity(e.tenant.len() + e.stream.len() + e.event_type.len());
        names.push_str(e.tenant);
        names.push_str(e.stream);
        names.push_str(e.event_type);
        Ok(Self {
            position: e.position,
            id: e.id,
            stream_at: e.tenant.len(),
            type_at: e.tenant.len() + e.stream.len(),
            names,
        })
    }

    /// The envelope.
    pub fn envelope(&self) -> Envelope<'_> {
        Envelope {
            position: self.position,
            tenant: &self.names[..self.stream_at],
            stream: &self.names[self.stream_at..self.type_at],
            id: self.id,
            event_type: &self.names[self.type_at..],
        }
    }
}

/// The position a record's canonical JSON states.
pub fn stated_position(json: &[u8]) -> Result<u64, String> {
    let mut at = Front::new(json);
    let front = at.expect(b"{\"position\":").and_then(|()| {
        let position = at.number()?;
        at.expect(b",").map(|()| position)
    });
    match front {
        Some(position) => Ok(position),
        None => envelope(json).map(|e| e.position),
    }
}

/// A reader of the front of a canonical record; `None` wherever it is not the plain form.
struct Front<'a> {
    json: &'a [u8],
    /// The record as text, when its UTF-8 was checked whole; otherwise each field read is
    /// checked on its own (a walk that reads only envelopes reads a tenth of each record).
    text: Option<&'a str>,
    at: usize,
}

impl<'a> Front<'a> {
    /// A reader of a record whose UTF-8 is not checked yet.
    fn new(json: &'a [u8]) -> Self {
        Self {
            json,
            text: None,
            at: 0,
        }
    }

    /// The fields a record starts with: its envelope, and its stream version.
    fn envelope(&mut self) -> Option<(Envelope<'a>, u64)> {
        self.expect(b"{\"position\":")?;
        let position = self.number()?;
        self.expect(b",\"tenant\":\"")?;
        let tenant = self.text()?;
        self.expect(b",\"stream\":\"")?;
        let stream = self.text()?;
        self.expect(b",\"version\":")?;
        let version = self.number()?;
        self.expect(b",\"id\":\"")?;
        let id = uuid::Uuid::try_parse(self.text()?).ok()?;
        self.expect(b",\"event_type\":\"")?;
        let event_type = self.text()?;
        let envelope = Envelope {
            position,
            tenant,
            stream,
            id,
            event_type,
        };
        Some((envelope, version))
    }

    fn expect(&mut self, literal: &[u8]) -> Option<()> {
        let end = self.at.checked_add(literal.len())?;
        (self.json.get(self.at..end)? == literal).then(|| self.at = end)
    }

    /// A decimal without sign, fraction or leading zero, as serde writes a `u64`.
    fn number(&mut self) -> Option<u64> {
        let digits = self.json[self.at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = &self.json[self.at..self.at + digits];
        if digits == 0 || (digits > 1 && text[0] == b'0') {
            return None;
        }
        self.at += digits;
        text.iter().try_fold(0u64, |n, d| {
            n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
    }

    /// The rest of a string whose opening quote was read, when it has no escape (and no
    /// control character, which JSON allows only escaped).
    fn text(&mut self) -> Option<&'a str> {
        let rest = &self.json[self.at..];
        let len = memchr::memchr2(b'"', b'\\', rest)?;
        // Every byte is looked at, not up to the first control one: the compiler then
        // checks many at once, and a record in the plain form has none.
        if rest[len] != b'"' || rest[..len].iter().fold(false, |any, b| any | (*b < 0x20)) {
            return None;
        }
        let text = match self.text {
            // Between ASCII quotes, so on character boundaries.
            Some(whole) => whole.get(self.at..self.at + len)?,
            None => std::str::from_utf8(&rest[..len]).ok()?,
        };
        self.at += len + 1;
        Some(text)
    }
}

/// Checks one stored record against the previous hash without decoding it: the hash covers
/// its bytes, so a record that links is the one the writer made. Returns its hash.
pub fn check_link(position: u64, prev: &[u8; 32], value: &[u8]) -> Result<[u8; 32], ChainBreak> {
    let broken = |reason: String| ChainBreak { position, reason };
    let (stored, json) = split(value).ok_or_else(|| broken("the record is truncated".into()))?;
    if chain_hash(prev, json) != stored {
        return Err(broken(CHANGED.into()));
    }
    let stated =
        stated_position(json).map_err(|e| broken(format!("the record is not valid JSON ({e})")))?;
    if stated != position {
        return Err(broken(format!(
            "the record is stored out of place (it says position {stated})"
        )));
    }
    Ok(stored)
}

/// Why a record does not link.
const CHANGED: &str = "the hash does not match the record and its predecessor: the record or an earlier one was changed";

/// A hash as lowercase hex (`hex::encode` goes char by char; this is on the replay path).
pub fn hex(hash: &[u8; 32]) -> String {
    let mut out = [0u8; 64];
    ::hex::encode_to_slice(hash, &mut out).expect("64 bytes for 32");
    String::from_utf8(out.to_vec()).expect("hex is ASCII")
}

/// Builds the API's event from checked fields.
pub fn to_event(hash: &[u8; 32], c: &Canonical<'_>) -> Result<RecordedEvent, String> {
    let header = Fields::of(c).header()?;
    Ok(RecordedEvent {
        position: header.position,
        tenant: header.tenant,
        stream: header.stream,
        version: header.version,
        id: header.id,
        event_type: header.event_type.into_owned(),
        schema_version: header.schema_version,
        recorded_at: header.recorded_at,
        actor: header.actor.into_string(),
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
    fn the_envelope_read_off_the_front_is_the_one_json_gives() {
        let payload = RawValue::from_string(r#"{"position":9,"tenant":"x"}"#.into()).unwrap();
        let mut c = sample(12_345, &payload);
        c.id = Uuid::from_u128(0xfeed);
        let (_, value) = encode(&GENESIS_HASH, &c);
        let json = &value[32..];
        let expected = Envelope {
            position: 12_345,
            tenant: "bansko",
            stream: "tenant",
            id: c.id,
            event_type: "TenantRegistered",
        };
        assert_eq!(envelope(json).unwrap(), expected);
        assert_eq!(Enveloped::new(&value).unwrap().envelope(), expected);
        assert_eq!(stated_position(json).unwrap(), 12_345);
        // Not the plain form (spaces, fields in another order): read as JSON, which cannot
        // borrow a name spelled with an escape either.
        let spaced = String::from_utf8(json.to_vec())
            .unwrap()
            .replacen(',', " , ", 3);
        assert_eq!(envelope(spaced.as_bytes()).unwrap(), expected);
        assert_eq!(stated_position(spaced.as_bytes()).unwrap(), 12_345);
        let escaped =
            String::from_utf8(json.to_vec())
                .unwrap()
                .replacen("\"bansko\"", "\"bansk\\u006f\"", 1);
        assert!(envelope(escaped.as_bytes()).is_err());
        let reordered = r#"{"tenant":"bansko","position":12345}"#;
        assert!(
            envelope(reordered.as_bytes()).is_err(),
            "not a whole record"
        );
        assert_eq!(stated_position(br#"{"position":012,"#).ok(), None);
        // Cut anywhere in its envelope, a record has none (past it, the chain hash speaks).
        let end = memchr::memmem::find(json, b"\"schema_version\"").unwrap();
        for cut in 0..end {
            assert!(envelope(&json[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_record_checked_without_decoding_links_as_when_decoded() {
        let payload = RawValue::from_string("{}".into()).unwrap();
        let (h1, v1) = encode(&GENESIS_HASH, &sample(1, &payload));
        let (h2, v2) = encode(&h1, &sample(2, &payload));
        assert_eq!(check_link(1, &GENESIS_HASH, &v1).unwrap(), h1);
        assert_eq!(check_link(2, &h1, &v2).unwrap(), h2);
        assert!(
            check_link(2, &GENESIS_HASH, &v2).is_err(),
            "wrong predecessor"
        );
        let misplaced = check_link(3, &h1, &v2).unwrap_err();
        assert!(misplaced.reason.contains("out of place"), "{misplaced}");
        let mut flipped = v2.clone();
        flipped[40] ^= 1;
        assert_eq!(check_link(2, &h1, &flipped).unwrap_err().reason, CHANGED);
        assert!(check_link(2, &h1, &v2[..20]).is_err(), "truncated");
    }

    /// What a record reads as, to compare two readings.
    fn reading(c: &Canonical<'_>) -> String {
        serde_json::to_string(c).unwrap()
    }

    proptest::proptest! {
        /// The fields read off the front are the ones JSON gives, for any record the writer
        /// makes; and a record cut or with a byte changed reads the same both ways, or not at
        /// all either way.
        #[test]
        fn a_record_read_off_the_front_is_the_one_json_gives(
            (position, version, schema) in (proptest::num::u64::ANY, proptest::num::u64::ANY, proptest::num::u32::ANY),
            names in proptest::collection::vec("[a-z0-9.-]{0,12}|\\PC{0,8}|[\"\\\\\u{0}-\u{1f}a]{0,4}", 4),
            caused in proptest::bool::ANY,
            payload in proptest::sample::select(&[
                "{}",
                r#"{"a":1,"b":[true,null,-2.5e3],"c":{"d":"е\"\u0001"}}"#,
                r#"{"sealed_v1":{"k":"x"},"note":"Бележка с } и \" в нея"}"#,
                "[1,2]",
                "\"}\"",
            ][..]),
            change in (proptest::num::usize::ANY, 1u8..=255),
        ) {
            let payload = RawValue::from_string(payload.to_owned()).unwrap();
            let record = Canonical {
                position,
                tenant: &names[0],
                stream: &names[1],
                version,
                id: Uuid::from_u128(u128::from(position) << 7),
                event_type: &names[2],
                schema_version: schema,
                recorded_at: "2026-01-01T00:00:00.000000Z",
                actor: &names[3],
                correlation_id: Uuid::from_u128(u128::from(version)),
                causation_id: caused.then(|| Uuid::from_u128(3)),
                payload: &payload,
            };
            let json = serde_json::to_vec(&record).unwrap();
            let by_json = |json: &[u8]| {
                serde_json::from_slice::<Canonical<'_>>(json).map(|c| reading(&c)).ok()
            };
            let both = |json: &[u8]| (canonical(json).ok().map(|c| reading(&c)), by_json(json));
            let (front, parsed) = both(&json);
            proptest::prop_assert_eq!(&front, &parsed);
            // Escaped names cannot be borrowed: JSON refuses them as this does.
            if let Some(front) = front {
                proptest::prop_assert_eq!(front.as_bytes(), &json[..]);
            }
            let cut = change.0 % json.len();
            let (front, parsed) = both(&json[..cut]);
            proptest::prop_assert_eq!(front, parsed);
            let mut changed = json.clone();
            changed[cut] ^= change.1;
            let (front, parsed) = both(&changed);
            proptest::prop_assert_eq!(front, parsed);
            // The header a replay reads is the whole event's, wherever the event reads.
            for json in [&json[..], &json[..cut], &changed] {
                if let Ok(c) = canonical(json) {
                    let event = to_event(&[0; 32], &c);
                    let read = header(json);
                    proptest::prop_assert_eq!(
                        event.as_ref().map(|e| (e.header(), e.payload.get())).ok(),
                        read.ok()
                    );
                }
            }
        }

        /// The stored form of a time reads as chrono reads it, and so does anything near it.
        #[test]
        fn a_stored_time_reads_as_chrono_reads_it(
            digits in proptest::collection::vec(0u8..10, 20),
            change in (0usize..27, proptest::num::u8::ANY),
            at in 0i64..253_402_300_800_000_000,
        ) {
            let n = |r: std::ops::Range<usize>| {
                digits[r].iter().map(|d| char::from(b'0' + d)).collect::<String>()
            };
            let text = format!(
                "{}-{}-{}T{}:{}:{}.{}Z",
                n(0..4), n(4..6), n(6..8), n(8..10), n(10..12), n(12..14), n(14..20)
            );
            let chrono = |t: &str| {
                DateTime::parse_from_rfc3339(t).ok().map(|t| t.with_timezone(&Utc))
            };
            proptest::prop_assert_eq!(parse_time(&text).ok(), chrono(&text));
            let mut changed = text.clone().into_bytes();
            changed[change.0] = change.1;
            if let Ok(changed) = String::from_utf8(changed) {
                proptest::prop_assert_eq!(parse_time(&changed).ok(), chrono(&changed));
            }
            let time = DateTime::from_timestamp_micros(at).unwrap();
            proptest::prop_assert_eq!(parse_time(&format_time(time)), Ok(time));
        }
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
