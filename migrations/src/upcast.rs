//! Upcasters: step-by-step conversions of stored payloads to their event type's current shape.

use antikor_shared::events::{AnyEvent, EventSet, EventType};
use antikor_shared::{DomainEvent, EventHeader, RecordedEvent};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashMap;

/// One step: turns a payload of `(event type, version)` into the payload of `version + 1`.
pub type Step = fn(Value) -> Result<Value, String>;

/// Why a stored event could not be brought to its current shape.
#[derive(Debug, thiserror::Error)]
pub enum UpcastError {
    /// The payload is not JSON (never expected: the log stores canonical JSON).
    #[error("payload of event {position} is not JSON: {source}")]
    Json {
        /// The event's position.
        position: u64,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// No step is registered from the stored version.
    #[error("event {position} ({event_type} v{version}) has no upcaster to the current version")]
    MissingStep {
        /// The event's position.
        position: u64,
        /// Its type.
        event_type: String,
        /// The version no step starts from.
        version: u32,
    },
    /// A step refused the payload.
    #[error("upcasting event {position} failed: {message}")]
    Step {
        /// The event's position.
        position: u64,
        /// What the step said.
        message: String,
    },
}

/// The registry of upcasting steps, and each event type's current version.
#[derive(Default)]
pub struct Upcasters {
    steps: HashMap<(String, u32), Step>,
    current: HashMap<String, u32>,
}

impl Upcasters {
    /// The registry of Antikor's own event types; steps are added here as shapes change.
    pub fn antikor() -> Self {
        Self::default()
            .register("SignalFiled", 1, signal_filed_v1_to_v2)
            .register("TenantRegistered", 1, tenant_registered_v1_to_v2)
    }

    /// Registers the step that turns `event_type` payloads of `from` into `from + 1`.
    pub fn register(mut self, event_type: &str, from: u32, step: Step) -> Self {
        self.steps.insert((event_type.to_owned(), from), step);
        let current = self
            .current
            .entry(event_type.to_owned())
            .or_insert(from + 1);
        *current = (*current).max(from + 1);
        self
    }

    /// Brings `event` to its type's current schema version, in place. Events of types without
    /// steps, and current ones, are left as they are.
    pub fn upcast(&self, event: &mut RecordedEvent) -> Result<(), UpcastError> {
        let stored = (event.event_type.as_str(), event.schema_version);
        if let Some((version, payload)) =
            self.upcast_payload(event.position, stored, event.payload.get())?
        {
            (event.schema_version, event.payload) = (version, payload);
        }
        Ok(())
    }

    /// `payload`, stored as `(event type, schema version)` at `position`, brought to its
    /// type's current version, with that version; `None` when it is current already (or its
    /// type has no steps).
    fn upcast_payload(
        &self,
        position: u64,
        (event_type, mut version): (&str, u32),
        payload: &str,
    ) -> Result<Option<(u32, Box<RawValue>)>, UpcastError> {
        let Some(&current) = self.current.get(event_type) else {
            return Ok(None);
        };
        if version >= current {
            return Ok(None);
        }
        let mut value: Value = serde_json::from_str(payload)
            .map_err(|source| UpcastError::Json { position, source })?;
        while version < current {
            let step = self
                .steps
                .get(&(event_type.to_owned(), version))
                .ok_or_else(|| UpcastError::MissingStep {
                    position,
                    event_type: event_type.to_owned(),
                    version,
                })?;
            value = step(value).map_err(|message| UpcastError::Step { position, message })?;
            version += 1;
        }
        let payload = serde_json::value::to_raw_value(&value)
            .map_err(|source| UpcastError::Json { position, source })?;
        Ok(Some((version, payload)))
    }

    /// Decodes `event` as `E` when it is of that type, upcasting an older payload first.
    pub fn decode<E: DomainEvent>(&self, event: &RecordedEvent) -> Option<Result<E, UpcastError>> {
        if event.event_type != E::EVENT_TYPE {
            return None;
        }
        Some(self.decode_current(event, E::SCHEMA_VERSION, |json| serde_json::from_str(json)))
    }

    /// Decodes `event` into the aggregate's event enum `S` when its type is one of the set's,
    /// upcasting an older payload first.
    pub fn decode_set<S: EventSet>(&self, event: &RecordedEvent) -> Option<Result<S, UpcastError>> {
        let event_type = EventType::parse(&event.event_type).filter(|t| S::TYPES.contains(t))?;
        Some(
            self.decode_current(event, event_type.schema_version(), |json| {
                S::from_json(event_type, json).expect("the type is one of the set's")
            }),
        )
    }

    /// Decodes `event` into the event enum of its set, whichever it is, upcasting an older
    /// payload first; `None` for a type Antikor does not know.
    pub fn decode_any(&self, event: &RecordedEvent) -> Option<Result<AnyEvent, UpcastError>> {
        self.decode_any_parts(
            event.position,
            (&event.event_type, event.schema_version),
            event.payload.get(),
        )
    }

    /// [`decode_any`](Self::decode_any) of an event given as its header and its payload's
    /// text (a replay's, which makes no [`RecordedEvent`]). The text is parsed as it is: a
    /// payload that is not JSON is an error here.
    pub fn decode_any_payload(
        &self,
        header: &EventHeader,
        payload: &str,
    ) -> Option<Result<AnyEvent, UpcastError>> {
        self.decode_any_parts(
            header.position,
            (&header.event_type, header.schema_version),
            payload,
        )
    }

    fn decode_any_parts(
        &self,
        position: u64,
        stored: (&str, u32),
        payload: &str,
    ) -> Option<Result<AnyEvent, UpcastError>> {
        let event_type = EventType::parse(stored.0)?;
        Some(self.decode_current_parts(
            position,
            stored,
            payload,
            event_type.schema_version(),
            |json| AnyEvent::from_json(event_type, json),
        ))
    }

    /// Parses the payload of `event` brought to schema version `current`.
    fn decode_current<T>(
        &self,
        event: &RecordedEvent,
        current: u32,
        parse: impl Fn(&str) -> Result<T, serde_json::Error>,
    ) -> Result<T, UpcastError> {
        let stored = (event.event_type.as_str(), event.schema_version);
        self.decode_current_parts(event.position, stored, event.payload.get(), current, parse)
    }

    /// Parses `payload`, stored as `(event type, schema version)` at `position`, brought to
    /// schema version `current`.
    fn decode_current_parts<T>(
        &self,
        position: u64,
        stored: (&str, u32),
        payload: &str,
        current: u32,
        parse: impl Fn(&str) -> Result<T, serde_json::Error>,
    ) -> Result<T, UpcastError> {
        let json = |source| UpcastError::Json { position, source };
        if stored.1 == current {
            return parse(payload).map_err(json);
        }
        match self.upcast_payload(position, stored, payload)? {
            Some((_, upcast)) => parse(upcast.get()).map_err(json),
            None => parse(payload).map_err(json),
        }
    }
}

/// `SignalFiled` v1 → v2: v2 seals the receipt code's hash. A v1 hash stays as it was stored
/// (a string, which v2 still reads as a hash in clear): sealing it now would need the
/// signal's key here and would not take it out of the log's history anyway.
fn signal_filed_v1_to_v2(payload: Value) -> Result<Value, String> {
    match payload.get("receipt_hash") {
        None | Some(Value::Null | Value::String(_)) => Ok(payload),
        Some(other) => Err(format!("a v1 receipt hash is a string, not {other}")),
    }
}

/// `TenantRegistered` v1 → v2: v2 names the tenant's province. v1 was written for one
/// province, so its codes tell: a municipality's NSI code starts with its province's
/// (`BLG03`), a regional administration carries its province's NUTS-3 code (`BG413`). A
/// territorial unit's code tells nothing; it is left without a province, which only
/// country-wide readers reach, rather than guessed into one.
fn tenant_registered_v1_to_v2(mut payload: Value) -> Result<Value, String> {
    let field = |name: &str| {
        payload
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
    };
    let code = field("official_code");
    let country = crate::country::country();
    let province = match field("kind") {
        "municipality" => country
            .municipality(code)
            .map(|m| m.province.clone())
            .or_else(|| {
                code.get(..3)
                    .and_then(|p| country.province(p))
                    .map(|p| p.code.clone())
            }),
        "regional_administration" => country.province_of_nuts3(code).map(|p| p.code.clone()),
        _ => None,
    };
    let object = payload
        .as_object_mut()
        .ok_or("a v1 registration is an object")?;
    object.insert(
        "province".into(),
        province.map_or(Value::Null, |p| Value::String(p.to_string())),
    );
    Ok(payload)
}

/// Parses JSON text into a payload (for tests and tools).
pub fn payload(json: &str) -> Box<RawValue> {
    RawValue::from_string(json.to_owned()).expect("valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::{StreamId, TenantId};
    use serde::{Deserialize, Serialize};

    /// A test event type whose v1 had one `text` field; v2 split the author out and v3 added a
    /// language, as a real schema change would.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct NoteRecorded {
        text: String,
        author: String,
        language: String,
    }

    impl DomainEvent for NoteRecorded {
        const EVENT_TYPE: &'static str = "NoteRecorded";
        const SCHEMA_VERSION: u32 = 3;
    }

    fn v1_to_v2(mut v: Value) -> Result<Value, String> {
        let text = v["text"].as_str().ok_or("v1 notes have a text")?.to_owned();
        let (author, text) = text.split_once(": ").ok_or("v1 notes are 'author: text'")?;
        v["author"] = author.into();
        v["text"] = text.into();
        Ok(v)
    }

    fn v2_to_v3(mut v: Value) -> Result<Value, String> {
        v["language"] = "bg".into();
        Ok(v)
    }

    fn upcasters() -> Upcasters {
        Upcasters::default()
            .register("NoteRecorded", 1, v1_to_v2)
            .register("NoteRecorded", 2, v2_to_v3)
    }

    fn stored(version: u32, json: &str) -> RecordedEvent {
        RecordedEvent {
            position: 7,
            tenant: TenantId::parse("bansko").unwrap(),
            stream: StreamId::parse("notes").unwrap(),
            version: 1,
            id: uuid::Uuid::nil(),
            event_type: "NoteRecorded".into(),
            schema_version: version,
            recorded_at: chrono::DateTime::UNIX_EPOCH,
            actor: "system".into(),
            correlation_id: uuid::Uuid::nil(),
            causation_id: None,
            payload: payload(json),
            hash: String::new(),
        }
    }

    #[test]
    fn a_v1_event_is_decoded_in_the_current_shape() {
        let note: NoteRecorded = upcasters()
            .decode(&stored(1, r#"{"text":"Мария: среща"}"#))
            .unwrap()
            .unwrap();
        assert_eq!(
            note,
            NoteRecorded {
                text: "среща".into(),
                author: "Мария".into(),
                language: "bg".into()
            }
        );
    }

    #[test]
    fn current_events_pass_unchanged_and_other_types_are_ignored() {
        let json = r#"{"author":"A","language":"en","text":"t"}"#;
        let mut e = stored(3, json);
        upcasters().upcast(&mut e).unwrap();
        assert_eq!((e.schema_version, e.payload.get()), (3, json));
        let mut other = stored(1, "{}");
        other.event_type = "SomethingElse".into();
        assert!(upcasters().decode::<NoteRecorded>(&other).is_none());
    }

    #[test]
    fn a_bad_old_payload_is_an_error_not_a_panic() {
        let err = upcasters()
            .decode::<NoteRecorded>(&stored(1, r#"{"text":"no author"}"#))
            .unwrap();
        assert!(matches!(err, Err(UpcastError::Step { position: 7, .. })));
        let gap = Upcasters::default().register("NoteRecorded", 2, v2_to_v3);
        assert!(matches!(
            gap.upcast(&mut stored(1, "{}")),
            Err(UpcastError::MissingStep { version: 1, .. })
        ));
    }
}

#[cfg(test)]
mod antikor_steps {
    use super::*;
    use antikor_shared::signal::{ReceiptVerifier, SignalFiled};
    use antikor_shared::{StreamId, TenantId};

    fn filed(version: u32, receipt_hash: &str) -> RecordedEvent {
        let json = format!(
            r#"{{"account":{{"sealed_v1":"AAAA"}},"activity":null,"anonymous":true,"attachments":[],"category":"other","channel":"web_form","concerned":null,"confirmed_by_reporter":null,"receipt_hash":{receipt_hash},"received":"2026-03-01","reference":"BLG03-2026-0001","reporter":null,"unit":null}}"#
        );
        RecordedEvent {
            position: 40,
            tenant: TenantId::parse("bansko").unwrap(),
            stream: StreamId::parse("signal-1").unwrap(),
            version: 1,
            id: uuid::Uuid::nil(),
            event_type: "SignalFiled".into(),
            schema_version: version,
            recorded_at: chrono::DateTime::UNIX_EPOCH,
            actor: "reporter".into(),
            correlation_id: uuid::Uuid::nil(),
            causation_id: None,
            payload: payload(&json),
            hash: String::new(),
        }
    }

    #[test]
    fn a_v1_signal_keeps_its_clear_receipt_hash_and_v2_reads_a_sealed_one() {
        let upcasters = Upcasters::antikor();
        let old: SignalFiled = upcasters
            .decode(&filed(
                1,
                r#""$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA""#,
            ))
            .unwrap()
            .unwrap();
        assert!(
            matches!(old.receipt_hash, Some(ReceiptVerifier::Clear(h)) if h.starts_with("$argon2id"))
        );
        let new: SignalFiled = upcasters
            .decode(&filed(2, r#"{"sealed_v1":"BBBB"}"#))
            .unwrap()
            .unwrap();
        assert!(matches!(new.receipt_hash, Some(ReceiptVerifier::Sealed(_))));
        let none: SignalFiled = upcasters.decode(&filed(1, "null")).unwrap().unwrap();
        assert_eq!(none.receipt_hash, None);
        assert!(
            upcasters
                .decode::<SignalFiled>(&filed(1, "42"))
                .unwrap()
                .is_err()
        );
    }

    #[test]
    fn a_v1_registration_learns_its_province_from_its_codes() {
        use antikor_shared::tenant::TenantRegistered;
        let v1 = |kind: &str, code: &str| {
            let mut e = filed(1, "null");
            e.event_type = "TenantRegistered".into();
            e.payload = payload(&format!(
                r#"{{"kind":"{kind}","name_bg":"Х","name_en":"X","official_code":"{code}","ekatte":null,"population_2011":null}}"#
            ));
            Upcasters::antikor()
                .decode::<TenantRegistered>(&e)
                .unwrap()
                .unwrap()
        };
        let province = |r: TenantRegistered| r.province.map(|p| p.to_string());
        assert_eq!(province(v1("municipality", "BLG03")), Some("BLG".into()));
        assert_eq!(
            province(v1("regional_administration", "BG413")),
            Some("BLG".into())
        );
        assert_eq!(
            province(v1("regional_administration", "BG341")),
            Some("BGS".into())
        );
        assert_eq!(province(v1("territorial_unit", "BLG03")), None);
        assert_eq!(province(v1("regional_administration", "нещо")), None);
    }
}
