//! The log as a verifiable Merkle tree: leaf bytes, proofs and signed checkpoints, one code for
//! the server, the command line and the browser.
//!
//! Every event is a leaf of an RFC 6962 / RFC 9162 Merkle tree: the leaf hash is
//! `SHA-256(0x00 ‖ leaf bytes)`, an interior node `SHA-256(0x01 ‖ left ‖ right)`, the tree size is
//! the number of events and the event at log position `p` is the leaf with index `p − 1`.
//!
//! **Leaf bytes** are the record's stored canonical JSON ([`Record`]: compact, its fields in a
//! fixed order, the payload's keys sorted) in which every sealed field of a signal,
//! `{"sealed_v1":"<base64 ciphertext>"}`, is replaced by what the audit trail shows of it,
//! `{"sealed":{"bytes":<ciphertext length>,"sha256":"<hex SHA-256 of the base64 text>"}}`. So an
//! auditor recomputes every leaf from what an auditor may see, and destroying a signal's key
//! changes no leaf.
//!
//! **Checkpoints** are C2SP tlog-checkpoint bodies (origin, decimal size, base64 root) signed as
//! C2SP signed notes with Ed25519. The proofs are RFC 6962 audit paths (inclusion) and
//! consistency proofs, leaf to root. The hashing, proof and note code is Cloudflare's
//! `tlog_tiles` and `signed_note` (ports of Go's `sumdb/tlog` and `sumdb/note`); this module
//! fixes how Antikor's records become leaves and wraps the checks with errors a person reads.

use crate::event::RecordedEvent;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;
use uuid::Uuid;

pub use tlog_tiles::{EMPTY_HASH, Hash};

/// The JSON key that marks a sealed field (see `crate::signal::Sealed`).
pub const SEALED_KEY: &str = "sealed_v1";

/// How a sealed field starts in compact JSON, up to its string's opening quote.
const SEALED_OPENING: &[u8] = b"{\"sealed_v1\":\"";

/// The hashed fields of a record, in their canonical order: the stored form of an event, and
/// (with sealed fields redacted) its leaf.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record<'a> {
    /// Global position.
    pub position: u64,
    /// Tenant slug.
    #[serde(borrow)]
    pub tenant: &'a str,
    /// Stream id.
    pub stream: &'a str,
    /// Stream version.
    pub version: u64,
    /// Event id.
    pub id: Uuid,
    /// Event type.
    pub event_type: &'a str,
    /// Schema version.
    pub schema_version: u32,
    /// RFC 3339 UTC with microseconds, e.g. `2026-11-26T15:17:32.123456Z`.
    pub recorded_at: &'a str,
    /// Actor.
    pub actor: &'a str,
    /// Correlation id.
    pub correlation_id: Uuid,
    /// Causation id.
    pub causation_id: Option<Uuid>,
    /// Payload, compact JSON with sorted keys.
    pub payload: &'a RawValue,
}

/// Formats a time the one way the log stores it.
pub fn format_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Replaces every sealed field in a JSON value by the SHA-256 of its ciphertext's text and the
/// ciphertext's length, so that what is shown proves which ciphertext was stored and reveals
/// nothing of it.
pub fn redact_sealed(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map.len() == 1
                && let Some(Value::String(ciphertext)) = map.get(SEALED_KEY)
            {
                let (bytes, sha256) = sealed_summary(ciphertext);
                *value = serde_json::json!({ "sealed": { "sha256": sha256, "bytes": bytes } });
                return;
            }
            map.values_mut().for_each(redact_sealed);
        }
        Value::Array(items) => items.iter_mut().for_each(redact_sealed),
        _ => {}
    }
}

/// What is shown of a sealed field's ciphertext (its base64 text): the length of the
/// ciphertext (0 for text that is not base64) and the hex SHA-256 of the text.
fn sealed_summary(ciphertext: &str) -> (usize, String) {
    let bytes = STANDARD.decode(ciphertext).map_or(0, |b| b.len());
    (bytes, hex(&Sha256::digest(ciphertext.as_bytes()).into()))
}

/// Why a record could not be turned into a leaf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafError(pub String);

impl fmt::Display for LeafError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a record of the log: {}", self.0)
    }
}

impl std::error::Error for LeafError {}

/// The leaf bytes of a stored record's canonical JSON. A record without sealed fields is its
/// own leaf (borrowed, no copy); one with sealed fields is copied with each of them replaced
/// in place.
///
/// The replacement works on the bytes: in JSON text, `{"sealed_v1":"` can only be the start of
/// an object whose first key is `sealed_v1` (a quote inside a string is escaped), and it is a
/// sealed field when its string is the object's only member. For the canonical JSON the log
/// stores, that is the leaf the same record parsed, redacted ([`redact_sealed`]) and written
/// again would give, and the audit trail's events give ([`leaf_of_event`]). Every walk that
/// builds the tree takes every signal's leaf, and parsing each into a `serde_json::Value` was
/// about a tenth of a start's walk.
pub fn leaf_bytes(record_json: &[u8]) -> Result<Cow<'_, [u8]>, LeafError> {
    static OPENING: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(SEALED_OPENING));
    let mut found = OPENING.find_iter(record_json).peekable();
    if found.peek().is_none() {
        return Ok(Cow::Borrowed(record_json));
    }
    let mut leaf = Vec::with_capacity(record_json.len());
    // Up to where the record is copied into the leaf.
    let mut copied = 0;
    for opening in found {
        if opening < copied {
            continue;
        }
        // The string's opening quote (the last byte of the opening), and its closing one.
        let open = opening + SEALED_OPENING.len() - 1;
        let close = string_end(record_json, open)
            .ok_or_else(|| LeafError("a sealed field's text does not end".into()))?;
        if record_json.get(close + 1) != Some(&b'}') {
            // Not the object's only member: not a sealed field.
            continue;
        }
        let quoted = &record_json[open..=close];
        // Base64 needs no escape, but the text is what the string says, escaped or not.
        let ciphertext: Cow<'_, str> = if quoted.contains(&b'\\') {
            serde_json::from_slice::<String>(quoted)
                .map(Cow::Owned)
                .map_err(|e| LeafError(e.to_string()))?
        } else {
            std::str::from_utf8(&quoted[1..quoted.len() - 1])
                .map(Cow::Borrowed)
                .map_err(|e| LeafError(e.to_string()))?
        };
        let (bytes, sha256) = sealed_summary(&ciphertext);
        leaf.extend_from_slice(&record_json[copied..opening]);
        leaf.extend_from_slice(
            format!(r#"{{"sealed":{{"bytes":{bytes},"sha256":"{sha256}"}}}}"#).as_bytes(),
        );
        copied = close + 2;
    }
    leaf.extend_from_slice(&record_json[copied..]);
    Ok(Cow::Owned(leaf))
}

/// The index of the quote that ends the JSON string whose opening quote is at `open`.
fn string_end(json: &[u8], open: usize) -> Option<usize> {
    let mut at = open + 1;
    loop {
        at += memchr::memchr2(b'"', b'\\', json.get(at..)?)?;
        match json[at] {
            b'"' => return Some(at),
            // An escape: the next byte is escaped, whatever it is.
            _ => at += 2,
        }
    }
}

/// The leaf bytes of an event as the audit trail shows it (its sealed fields already shown as
/// hashes): what the browser recomputes to check that what it shows is what the log holds.
pub fn leaf_of_event(event: &RecordedEvent) -> Result<Vec<u8>, LeafError> {
    let recorded_at = format_time(event.recorded_at);
    let record = Record {
        position: event.position,
        tenant: event.tenant.as_str(),
        stream: event.stream.as_str(),
        version: event.version,
        id: event.id,
        event_type: &event.event_type,
        schema_version: event.schema_version,
        recorded_at: &recorded_at,
        actor: &event.actor,
        correlation_id: event.correlation_id,
        causation_id: event.causation_id,
        payload: &event.payload,
    };
    let json = serde_json::to_vec(&record).map_err(|e| LeafError(e.to_string()))?;
    // An event from the audit trail has no sealed text left, but one read straight from the
    // log may: redact either way, so both give the same leaf.
    Ok(leaf_bytes(&json)?.into_owned())
}

/// RFC 6962 leaf hash: `SHA-256(0x00 ‖ leaf)`.
pub fn leaf_hash(leaf: &[u8]) -> Hash {
    tlog_tiles::record_hash(leaf)
}

/// A hash as lowercase hex.
pub fn hex(hash: &[u8; 32]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in hash {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// A hash as standard base64, as checkpoints and proofs carry it.
pub fn to_base64(hash: &Hash) -> String {
    STANDARD.encode(hash.0)
}

/// A hash from standard base64.
pub fn from_base64(text: &str) -> Result<Hash, ProofError> {
    let bytes = STANDARD
        .decode(text)
        .map_err(|_| ProofError::Malformed(format!("„{text}“ is not base64")))?;
    let hash: [u8; 32] = bytes
        .try_into()
        .map_err(|_| ProofError::Malformed(format!("„{text}“ is not a 32-byte hash")))?;
    Ok(Hash(hash))
}

/// Why a proof did not check out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// The sizes or positions cannot be proved (e.g. a position past the tree).
    OutOfRange(String),
    /// A hash or the proof is not well formed.
    Malformed(String),
    /// The proof does not lead to the root it should: the log is not what it claims.
    Mismatch(String),
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange(m) | Self::Malformed(m) | Self::Mismatch(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ProofError {}

/// Checks that the event at log `position` (its leaf hash given) is in the tree of `size`
/// events whose root is `root`, by the RFC 6962 audit path `path` (leaf to root).
pub fn check_inclusion(
    leaf_hash: Hash,
    position: u64,
    size: u64,
    root: Hash,
    path: &[Hash],
) -> Result<(), ProofError> {
    if position == 0 || position > size {
        return Err(ProofError::OutOfRange(format!(
            "position {position} is not in a log of {size} events"
        )));
    }
    tlog_tiles::check_record(&path.to_vec(), size, root, position - 1, leaf_hash).map_err(|_| {
        ProofError::Mismatch(format!(
            "the proof does not show event {position} in the log of {size} events with that root"
        ))
    })
}

/// Checks that the tree of `to` events with root `to_root` extends the tree of `from` events
/// with root `from_root`: the same first `from` events, nothing changed, nothing removed.
pub fn check_consistency(
    from: u64,
    from_root: Hash,
    to: u64,
    to_root: Hash,
    path: &[Hash],
) -> Result<(), ProofError> {
    if from > to {
        return Err(ProofError::OutOfRange(format!(
            "the log has {to} events, fewer than the {from} of the earlier checkpoint: it was rolled back or cut"
        )));
    }
    if from == 0 {
        return if path.is_empty() {
            Ok(())
        } else {
            Err(ProofError::Malformed(
                "a proof from the empty log has no hashes".into(),
            ))
        };
    }
    tlog_tiles::check_tree(&path.to_vec(), to, to_root, from, from_root).map_err(|_| {
        ProofError::Mismatch(format!(
            "the log of {to} events does not extend the log of {from} events with that root: its history differs (a fork or a rewrite)"
        ))
    })
}

/// A tree head: what a checkpoint says.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeHead {
    /// Names the log (C2SP origin line).
    pub origin: String,
    /// Number of events.
    pub size: u64,
    /// Root hash of the tree of those events.
    pub root: Hash,
}

impl TreeHead {
    /// The checkpoint body (C2SP tlog-checkpoint): origin, size, base64 root, each on a line.
    pub fn body(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            to_base64(&self.root)
        )
    }
}

/// Why a checkpoint was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointError {
    /// Not a signed note, or not a checkpoint body.
    Malformed(String),
    /// No signature by the given key, or a bad one.
    Signature(String),
    /// Signed for another log.
    WrongOrigin {
        /// The origin the key belongs to.
        expected: String,
        /// The origin in the checkpoint.
        found: String,
    },
}

impl fmt::Display for CheckpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(m) | Self::Signature(m) => f.write_str(m),
            Self::WrongOrigin { expected, found } => write!(
                f,
                "the checkpoint is for the log „{found}“, not „{expected}“"
            ),
        }
    }
}

impl std::error::Error for CheckpointError {}

/// A log's public key in signed-note verifier form (`name+hash+base64`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    text: String,
    name: String,
    id: u32,
}

impl VerifierKey {
    /// Parses a verifier key; only Ed25519 keys are accepted.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let text = text.trim();
        let verifier = signed_note::StandardVerifier::new(text).map_err(|e| {
            CheckpointError::Malformed(format!("„{text}“ is not an Ed25519 verifier key ({e})"))
        })?;
        use signed_note::Verifier;
        Ok(Self {
            text: text.to_owned(),
            name: verifier.name().to_owned(),
            id: verifier.key_id(),
        })
    }

    /// The key's name: the origin of the log it signs.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The 4-byte key hash, as 8 hex digits: a short fingerprint to compare by eye.
    pub fn fingerprint(&self) -> String {
        format!("{:08x}", self.id)
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for VerifierKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A checkpoint whose signature by the log's key checked out.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedCheckpoint {
    /// What it says.
    pub head: TreeHead,
    /// Names of the other signatures on it (witness cosignatures), not checked here.
    pub other_signers: Vec<String>,
}

/// Opens a signed checkpoint: checks the log key's signature and that the body is a checkpoint
/// of that key's log.
pub fn open_checkpoint(
    note: &str,
    key: &VerifierKey,
) -> Result<VerifiedCheckpoint, CheckpointError> {
    let parsed = signed_note::Note::from_bytes(note.as_bytes()).map_err(|e| {
        CheckpointError::Malformed(format!("the text is not a signed checkpoint ({e})"))
    })?;
    let verifier = signed_note::StandardVerifier::new(key.as_str())
        .map_err(|e| CheckpointError::Malformed(e.to_string()))?;
    let known = signed_note::VerifierList::new(vec![Box::new(verifier)]);
    let (_, others) = parsed.verify(&known).map_err(|e| {
        CheckpointError::Signature(match e {
            signed_note::NoteError::UnverifiedNote => format!(
                "the checkpoint is not signed by the key {} ({})",
                key.name(),
                key.fingerprint()
            ),
            other => format!("the checkpoint's signature does not check out ({other})"),
        })
    })?;
    let body = tlog_tiles::Checkpoint::from_bytes(parsed.text())
        .map_err(|_| CheckpointError::Malformed("the signed text is not a checkpoint".into()))?;
    if body.origin() != key.name() {
        return Err(CheckpointError::WrongOrigin {
            expected: key.name().to_owned(),
            found: body.origin().to_owned(),
        });
    }
    Ok(VerifiedCheckpoint {
        head: TreeHead {
            origin: body.origin().to_owned(),
            size: body.size(),
            root: *body.hash(),
        },
        other_signers: others.iter().map(|s| s.name().to_owned()).collect(),
    })
}

/// Refuses a key name that signed notes cannot carry.
fn check_key_name(name: &str, what: &str) -> Result<(), CheckpointError> {
    if signed_note::is_key_name_valid(name) {
        Ok(())
    } else {
        Err(CheckpointError::Malformed(format!(
            "„{name}“ cannot name {what}: no spaces or +"
        )))
    }
}

/// A log's signing key (signed-note `PRIVATE+KEY+name+hash+base64`, Ed25519).
pub struct SigningKey {
    signer: signed_note::StandardSigner,
    verifier: VerifierKey,
    text: String,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({})", self.verifier)
    }
}

impl SigningKey {
    /// A key named `name` (the log's origin) from a 32-byte Ed25519 seed.
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Result<Self, CheckpointError> {
        check_key_name(name, "a log")?;
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let vkey = signed_note::new_ed25519_verifier_key(name, &signing.verifying_key());
        let mut private = vec![1u8];
        private.extend_from_slice(&seed);
        let id = VerifierKey::parse(&vkey)?.id;
        let text = format!("PRIVATE+KEY+{name}+{id:08x}+{}", STANDARD.encode(&private));
        Self::parse(&text)
    }

    /// Parses a private key in signed-note form.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let text = text.trim();
        let signer = signed_note::StandardSigner::new(text).map_err(|e| {
            CheckpointError::Malformed(format!("not a signed-note Ed25519 private key ({e})"))
        })?;
        // The public key follows from the private one; the private form carries the seed
        // (its base64 may itself hold a `+`).
        let seed: [u8; 32] = text
            .splitn(5, '+')
            .nth(4)
            .and_then(|b| STANDARD.decode(b).ok())
            .and_then(|k| k.get(1..).and_then(|s| s.try_into().ok()))
            .ok_or_else(|| CheckpointError::Malformed("the private key has no seed".into()))?;
        let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
        use signed_note::Signer;
        let verifier = VerifierKey::parse(&signed_note::new_ed25519_verifier_key(
            signer.name(),
            &public,
        ))?;
        Ok(Self {
            signer,
            verifier,
            text: text.to_owned(),
        })
    }

    /// The key's private text, for its key file: keep it secret.
    pub fn private_text(&self) -> &str {
        &self.text
    }

    /// The public key that checks this key's signatures.
    pub fn verifier(&self) -> &VerifierKey {
        &self.verifier
    }

    /// Signs a tree head of this key's log as a C2SP checkpoint note.
    pub fn sign(&self, size: u64, root: Hash) -> String {
        let head = TreeHead {
            origin: self.verifier.name().to_owned(),
            size,
            root,
        };
        let mut note = signed_note::Note::new(head.body().as_bytes(), &[])
            .expect("a checkpoint body is a valid note text");
        note.add_sigs(&[&self.signer])
            .expect("the key's name was checked when it was made");
        String::from_utf8(note.to_bytes()).expect("notes are UTF-8")
    }
}

/// The signature type of a witness's cosignature (C2SP tlog-cosignature, `cosignature/v1`).
const COSIGNATURE_V1: u8 = 0x04;

/// What a witness signs: `cosignature/v1`, the time, then the checkpoint's text.
fn cosigned_message(time: u64, checkpoint_text: &[u8]) -> Vec<u8> {
    let mut message = format!("cosignature/v1\ntime {time}\n").into_bytes();
    message.extend_from_slice(checkpoint_text);
    message
}

/// A witness's public key (C2SP tlog-cosignature, Ed25519 `cosignature/v1`, type 0x04), in
/// signed-note verifier form `name+hash+base64(0x04 ‖ key)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessKey {
    text: String,
    name: String,
    id: u32,
    public: [u8; 32],
}

impl WitnessKey {
    /// Parses a witness's verifier key.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let text = text.trim();
        let bad = |why: &str| {
            CheckpointError::Malformed(format!("„{text}“ is not a witness key ({why})"))
        };
        let mut parts = text.splitn(3, '+');
        let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad("name+hash+key"));
        };
        let key = STANDARD.decode(key).map_err(|_| bad("base64"))?;
        if !signed_note::is_key_name_valid(name) || id.len() != 8 {
            return Err(bad("name or hash"));
        }
        let id = u32::from_str_radix(id, 16).map_err(|_| bad("hash"))?;
        if key.len() != 33 || key[0] != COSIGNATURE_V1 {
            return Err(bad("not an Ed25519 cosignature/v1 key"));
        }
        if signed_note::key_id(name, &key) != id {
            return Err(bad("the hash does not match the key"));
        }
        Ok(Self {
            text: text.to_owned(),
            name: name.to_owned(),
            id,
            public: key[1..].try_into().expect("32 bytes"),
        })
    }

    /// The witness's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The 4-byte key hash, as 8 hex digits.
    pub fn fingerprint(&self) -> String {
        format!("{:08x}", self.id)
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for WitnessKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl signed_note::Verifier for WitnessKey {
    fn name(&self) -> &str {
        &self.name
    }

    fn key_id(&self) -> u32 {
        self.id
    }

    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        let (Some(time), Some(signature)) = (sig.get(..8), sig.get(8..)) else {
            return false;
        };
        let Ok(signature) = ed25519_dalek::Signature::from_slice(signature) else {
            return false;
        };
        let Ok(public) = ed25519_dalek::VerifyingKey::from_bytes(&self.public) else {
            return false;
        };
        let time = u64::from_be_bytes(time.try_into().expect("8 bytes"));
        public
            .verify_strict(&cosigned_message(time, msg), &signature)
            .is_ok()
    }
}

/// Checks a witness's cosignature on a checkpoint note; returns the time it was made (Unix
/// seconds).
pub fn check_cosignature(note: &str, witness: &WitnessKey) -> Result<u64, CheckpointError> {
    let parsed = signed_note::Note::from_bytes(note.as_bytes()).map_err(|e| {
        CheckpointError::Malformed(format!("the text is not a signed checkpoint ({e})"))
    })?;
    let known = signed_note::VerifierList::new(vec![Box::new(witness.clone())]);
    let (verified, _) = parsed.verify(&known).map_err(|_| {
        CheckpointError::Signature(format!(
            "the checkpoint has no valid cosignature by the witness {} ({})",
            witness.name(),
            witness.fingerprint()
        ))
    })?;
    let sig = verified[0].signature();
    Ok(u64::from_be_bytes(
        sig.get(..8)
            .and_then(|t| t.try_into().ok())
            .ok_or_else(|| CheckpointError::Malformed("a cosignature without its time".into()))?,
    ))
}

/// A witness's signing key.
pub struct WitnessSigner {
    signing: ed25519_dalek::SigningKey,
    key: WitnessKey,
    text: String,
}

impl fmt::Debug for WitnessSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WitnessSigner({})", self.key)
    }
}

impl WitnessSigner {
    /// A witness key named `name` from a 32-byte Ed25519 seed.
    pub fn from_seed(name: &str, seed: [u8; 32]) -> Result<Self, CheckpointError> {
        check_key_name(name, "a witness")?;
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let mut public = vec![COSIGNATURE_V1];
        public.extend_from_slice(signing.verifying_key().as_bytes());
        let id = signed_note::key_id(name, &public);
        let key = WitnessKey::parse(&format!("{name}+{id:08x}+{}", STANDARD.encode(&public)))?;
        let mut private = vec![COSIGNATURE_V1];
        private.extend_from_slice(&seed);
        let text = format!("PRIVATE+KEY+{name}+{id:08x}+{}", STANDARD.encode(&private));
        Ok(Self { signing, key, text })
    }

    /// Parses the private key text written by [`Self::private_text`].
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let text = text.trim();
        let bad = || CheckpointError::Malformed("not a witness's private key".into());
        let parts: Vec<&str> = text.splitn(5, '+').collect();
        let [private, key, name, _, seed] = parts[..] else {
            return Err(bad());
        };
        if private != "PRIVATE" || key != "KEY" {
            return Err(bad());
        }
        let seed = STANDARD.decode(seed).map_err(|_| bad())?;
        if seed.len() != 33 || seed[0] != COSIGNATURE_V1 {
            return Err(bad());
        }
        let signer = Self::from_seed(name, seed[1..].try_into().expect("32 bytes"))?;
        if signer.text != text {
            return Err(CheckpointError::Malformed(
                "the witness key's hash does not match its key".into(),
            ));
        }
        Ok(signer)
    }

    /// The private key as text, for the witness's key file: keep it secret.
    pub fn private_text(&self) -> &str {
        &self.text
    }

    /// The public key that checks this witness's cosignatures.
    pub fn key(&self) -> &WitnessKey {
        &self.key
    }

    /// Cosigns a checkpoint's text at `time` (Unix seconds): the signature line to add to its
    /// note, `— name base64(hash ‖ time ‖ signature)`.
    pub fn cosign(&self, checkpoint_text: &str, time: u64) -> String {
        use ed25519_dalek::Signer;
        let signature = self
            .signing
            .sign(&cosigned_message(time, checkpoint_text.as_bytes()));
        let mut blob = self.key.id.to_be_bytes().to_vec();
        blob.extend_from_slice(&time.to_be_bytes());
        blob.extend_from_slice(&signature.to_bytes());
        format!("— {} {}\n", self.key.name, STANDARD.encode(blob))
    }
}

/// The text a checkpoint note signs (its body, up to the blank line).
pub fn note_text(note: &str) -> Result<String, CheckpointError> {
    let parsed = signed_note::Note::from_bytes(note.as_bytes()).map_err(|e| {
        CheckpointError::Malformed(format!("the text is not a signed checkpoint ({e})"))
    })?;
    String::from_utf8(parsed.text().to_vec())
        .map_err(|_| CheckpointError::Malformed("the checkpoint is not UTF-8".into()))
}

/// `LogKeyAdopted` v1: the log began to sign its checkpoints with a key: at its first start,
/// or when the key file was replaced. Recorded in the regional administration's `log-key`
/// stream, so that anyone replaying the log knows which keys vouched for it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogKeyAdopted {
    /// The log's origin (the checkpoints' first line and the key's name).
    pub origin: String,
    /// The new verifier key (`name+hash+base64`).
    pub verifier_key: String,
    /// The key it replaces, if any.
    pub previous_key: Option<String>,
}

/// The stream of the log's key changes, in the regional administration's tenant.
pub const LOG_KEY_STREAM: &str = "log-key";

#[cfg(test)]
mod tests {
    use super::*;

    fn h(hex_text: &str) -> Hash {
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex_text[2 * i..2 * i + 2], 16).unwrap();
        }
        Hash(out)
    }

    /// The leaves of the RFC 6962 reference tests (Trillian, transparency-dev/merkle).
    const LEAVES: [&str; 8] = [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ];

    /// Their roots for sizes 1 to 8.
    const ROOTS: [&str; 8] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    fn leaf(i: usize) -> Hash {
        let bytes: Vec<u8> = (0..LEAVES[i].len() / 2)
            .map(|j| u8::from_str_radix(&LEAVES[i][2 * j..2 * j + 2], 16).unwrap())
            .collect();
        leaf_hash(&bytes)
    }

    #[test]
    fn reference_inclusion_proofs_check_and_altered_ones_fail() {
        // (0-based leaf index, tree size, audit path)
        let vectors: [(u64, u64, &[&str]); 4] = [
            (
                0,
                8,
                &[
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ],
            ),
            (
                5,
                8,
                &[
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ],
            ),
            (
                2,
                3,
                &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
            ),
            (
                1,
                5,
                &[
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ],
            ),
        ];
        for (index, size, path) in vectors {
            let path: Vec<Hash> = path.iter().map(|p| h(p)).collect();
            let root = h(ROOTS[size as usize - 1]);
            let position = index + 1;
            check_inclusion(leaf(index as usize), position, size, root, &path).unwrap();
            let other = leaf((index as usize + 1) % 8);
            assert!(check_inclusion(other, position, size, root, &path).is_err());
            assert!(
                check_inclusion(leaf(index as usize), position, size, h(ROOTS[0]), &path)
                    .is_err_and(|e| matches!(e, ProofError::Mismatch(_)))
                    || size == 1
            );
            let mut bent = path.clone();
            bent[0].0[0] ^= 1;
            assert!(check_inclusion(leaf(index as usize), position, size, root, &bent).is_err());
        }
        assert!(matches!(
            check_inclusion(leaf(0), 9, 8, h(ROOTS[7]), &[]),
            Err(ProofError::OutOfRange(_))
        ));
    }

    #[test]
    fn reference_consistency_proofs_check_and_altered_ones_fail() {
        let vectors: [(u64, u64, &[&str]); 4] = [
            (1, 1, &[]),
            (
                1,
                8,
                &[
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ],
            ),
            (
                6,
                8,
                &[
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ],
            ),
            (
                2,
                5,
                &[
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                ],
            ),
        ];
        for (from, to, path) in vectors {
            let path: Vec<Hash> = path.iter().map(|p| h(p)).collect();
            let (a, b) = (h(ROOTS[from as usize - 1]), h(ROOTS[to as usize - 1]));
            check_consistency(from, a, to, b, &path).unwrap();
            if from != to {
                let forked = h(ROOTS[(from as usize) % 8]);
                assert!(check_consistency(from, forked, to, b, &path).is_err());
                assert!(check_consistency(from, a, to, forked, &path).is_err());
            }
        }
        assert!(matches!(
            check_consistency(8, h(ROOTS[7]), 6, h(ROOTS[5]), &[]),
            Err(ProofError::OutOfRange(_))
        ));
    }

    /// The example of golang.org/x/mod/sumdb/note, which C2SP signed-note follows.
    const PETER_SKEY: &str =
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const PETER_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    #[test]
    fn the_reference_key_derives_its_published_verifier() {
        let key = SigningKey::parse(PETER_SKEY).unwrap();
        assert_eq!(key.verifier().as_str(), PETER_VKEY);
        assert_eq!(key.verifier().fingerprint(), "c74f20a3");
    }

    fn test_key(name: &str, seed: u8) -> SigningKey {
        SigningKey::from_seed(name, [seed; 32]).unwrap()
    }

    #[test]
    fn a_signed_checkpoint_opens_with_its_key_only() {
        let key = test_key("antikor.test/log", 7);
        let root = h(ROOTS[7]);
        let note = key.sign(8, root);
        assert!(note.starts_with("antikor.test/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n— antikor.test/log "));
        let opened = open_checkpoint(&note, key.verifier()).unwrap();
        assert_eq!(opened.head.size, 8);
        assert_eq!(opened.head.root, root);
        assert_eq!(
            SigningKey::parse(key.private_text()).unwrap().verifier(),
            key.verifier()
        );

        let stranger = test_key("antikor.test/log", 8);
        assert!(matches!(
            open_checkpoint(&note, stranger.verifier()),
            Err(CheckpointError::Signature(_))
        ));
        let altered = note.replacen("\n8\n", "\n9\n", 1);
        assert!(open_checkpoint(&altered, key.verifier()).is_err());
        let other_log = test_key("antikor.test/other", 7);
        let foreign = other_log.sign(8, root);
        assert!(open_checkpoint(&foreign, key.verifier()).is_err());
    }

    #[test]
    fn a_key_signing_another_origin_is_refused() {
        // A note whose signer name is the log's but whose body names another log.
        let key = test_key("antikor.test/log", 7);
        let body = "antikor.test/other\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";
        let mut note = signed_note::Note::new(body.as_bytes(), &[]).unwrap();
        note.add_sigs(&[&key.signer]).unwrap();
        let text = String::from_utf8(note.to_bytes()).unwrap();
        assert!(matches!(
            open_checkpoint(&text, key.verifier()),
            Err(CheckpointError::WrongOrigin { .. })
        ));
    }

    fn record_json(payload: &str) -> Vec<u8> {
        let payload = RawValue::from_string(payload.to_owned()).unwrap();
        serde_json::to_vec(&Record {
            position: 3,
            tenant: "bansko",
            stream: "signal-1",
            version: 1,
            id: Uuid::nil(),
            event_type: "SignalFiled",
            schema_version: 1,
            recorded_at: "2026-01-01T00:00:00.000000Z",
            actor: "system",
            correlation_id: Uuid::nil(),
            causation_id: None,
            payload: &payload,
        })
        .unwrap()
    }

    #[test]
    fn a_record_without_sealed_fields_is_its_own_leaf() {
        let json = record_json(r#"{"a":1}"#);
        assert!(matches!(leaf_bytes(&json).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn sealed_fields_enter_the_leaf_as_hashes() {
        let json = record_json(r#"{"account":{"sealed_v1":"AAEC"},"n":[{"sealed_v1":"AQ=="}]}"#);
        let leaf = leaf_bytes(&json).unwrap();
        let text = std::str::from_utf8(&leaf).unwrap();
        assert!(!text.contains("AAEC"));
        // SHA-256 of the text "AAEC"; three bytes of ciphertext.
        assert!(text.contains(r#""account":{"sealed":{"bytes":3,"sha256":""#));
        assert!(text.starts_with(r#"{"position":3,"tenant":"bansko""#));
        // The same event as the audit trail shows it gives the same leaf.
        let record: Record<'_> = serde_json::from_slice(&json).unwrap();
        let event = RecordedEvent {
            position: 3,
            tenant: crate::TenantId::parse("bansko").unwrap(),
            stream: crate::StreamId::parse("signal-1").unwrap(),
            version: 1,
            id: Uuid::nil(),
            event_type: "SignalFiled".into(),
            schema_version: 1,
            recorded_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            actor: "system".into(),
            correlation_id: Uuid::nil(),
            causation_id: None,
            payload: record.payload.to_owned(),
            hash: String::new(),
        };
        assert_eq!(leaf_of_event(&event).unwrap(), leaf.into_owned());
    }

    /// The leaf as it was first defined: the record parsed, its sealed fields redacted in a
    /// `serde_json::Value`, and written again.
    fn rewritten_leaf(record_json: &[u8]) -> Vec<u8> {
        let record: Record<'_> = serde_json::from_slice(record_json).unwrap();
        let mut payload: serde_json::Value = serde_json::from_str(record.payload.get()).unwrap();
        redact_sealed(&mut payload);
        let payload = serde_json::value::to_raw_value(&payload).unwrap();
        serde_json::to_vec(&Record {
            payload: &payload,
            ..record
        })
        .unwrap()
    }

    /// JSON values in which sealed fields, look-alikes (a sealed key before others, a sealed
    /// key holding a number or an object) and strings that spell the key's text all occur.
    fn payloads() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::{Value, json};
        let text = prop_oneof![
            "[A-Za-z0-9+/]{0,12}={0,2}",
            Just(r#"{"sealed_v1":""#.to_owned()),
            Just("sealed_v1".to_owned()),
            "[\\\"{}:,а-я ]{0,6}",
        ];
        let leaf = prop_oneof![
            text.clone().prop_map(Value::String),
            any::<i32>().prop_map(Value::from),
            Just(Value::Null),
        ];
        leaf.prop_recursive(4, 40, 5, move |inner| {
            prop_oneof![
                text.clone().prop_map(|t| json!({ SEALED_KEY: t })),
                inner.clone().prop_map(|v| json!({ SEALED_KEY: v })),
                (text.clone(), inner.clone()).prop_map(|(t, v)| json!({ SEALED_KEY: t, "z": v })),
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn the_leaf_is_the_record_redacted_and_written_again(payload in payloads()) {
            let json = record_json(&payload.to_string());
            proptest::prop_assert_eq!(leaf_bytes(&json).unwrap().into_owned(), rewritten_leaf(&json));
        }
    }

    #[test]
    fn a_sealed_field_opens_with_its_key() {
        assert_eq!(SEALED_OPENING, format!(r#"{{"{SEALED_KEY}":""#).as_bytes());
    }

    #[test]
    fn an_escaped_sealed_text_is_hashed_as_the_text_it_says() {
        let json = record_json(r#"{"a":{"sealed_v1":"AA\/E"}}"#);
        assert_eq!(
            leaf_bytes(&json).unwrap().into_owned(),
            rewritten_leaf(&json)
        );
        let unended = &json[..json.len() - 6];
        assert!(leaf_bytes(unended).is_err());
    }

    /// A cosignature by the witness remora.n621.de on a checkpoint of a Certificate
    /// Transparency test log, as published (C2SP tlog-cosignature).
    #[test]
    fn a_published_cosignature_checks_and_an_altered_checkpoint_does_not() {
        let witness = WitnessKey::parse(
            "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
        )
        .unwrap();
        let body = "arche2025h1.staging.ct.transparency.dev\n1432088532\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n";
        let line = "— remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n";
        let note = format!("{body}\n{line}");
        assert!(check_cosignature(&note, &witness).unwrap() > 1_700_000_000);
        let altered = note.replacen("1432088532", "1432088533", 1);
        assert!(check_cosignature(&altered, &witness).is_err());
    }

    #[test]
    fn our_witness_cosigns_what_others_can_check() {
        let log = test_key("antikor.test/log", 7);
        let note = log.sign(8, h(ROOTS[7]));
        let witness = WitnessSigner::from_seed("audit.example/witness", [3; 32]).unwrap();
        let reparsed = WitnessSigner::parse(witness.private_text()).unwrap();
        assert_eq!(reparsed.key(), witness.key());
        let text = note_text(&note).unwrap();
        let cosigned = format!("{note}{}", witness.cosign(&text, 1_764_000_000));
        assert_eq!(
            check_cosignature(&cosigned, witness.key()).unwrap(),
            1_764_000_000
        );
        // The log's own signature still checks with the cosignature beside it.
        assert_eq!(
            open_checkpoint(&cosigned, log.verifier())
                .unwrap()
                .other_signers,
            vec!["audit.example/witness"]
        );
        let other = WitnessSigner::from_seed("audit.example/witness", [4; 32]).unwrap();
        assert!(check_cosignature(&cosigned, other.key()).is_err());
        assert!(
            WitnessKey::parse(log.verifier().as_str()).is_err(),
            "a log key is no witness key"
        );
    }
}
