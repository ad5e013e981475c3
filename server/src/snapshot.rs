//! Snapshots: the read models and the log's in-memory state at one head, kept beside the log so
//! that a start walks and folds only the events after it.
//!
//! A snapshot is a cache, never evidence. It is read only when it was written by the same fold
//! code (a fingerprint of the sources, from `build.rs`) and its body carries the HMAC-SHA256
//! its header names, under a key derived from the log's signing key (so that whoever can write
//! to the data folder but cannot sign for the log cannot make the server start from read models
//! of their own); the log then accepts it only when its own record, chain hash and Merkle root
//! at the snapshot's position are the snapshot's (`SledStore::open_replaying`), and the history
//! before it is walked again in the background (`EventStore::check_resumed_history`). Any doubt means
//! the log is folded from its start, as `antikor rebuild` does on request.
//!
//! The file is `magic ‖ fingerprint length (u16) ‖ fingerprint ‖ body length (u64) ‖
//! HMAC-SHA256(key, body) ‖ body`, and the body four parts, each `length (u64) ‖ part`: the log
//! state, the read models but for the two largest, the work book and the signals book. Each
//! part is MessagePack with structs as arrays (compact, and self-describing enough that the
//! shared types' untagged and flattened forms read back as they were written; the fingerprint
//! makes sure the field order is the writer's), compressed with zstd; the parts are encoded and
//! decoded at once, on every core. The file is written to a temporary file, fsynced and renamed
//! over the old one, so a crash leaves the old snapshot or the new one, never half of one.

use crate::projections::ReadModels;
use crate::store::Resume;
use crate::store::durable::sync_dir;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The fingerprint of the code that folds the read models and lays out the log's indexes.
pub const FOLD_CODE: &str = env!("ANTIKOR_FOLD_CODE");

const MAGIC: &[u8; 8] = b"ANTKSNP3";

/// The key a snapshot is authenticated with.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl Key {
    /// The key derived from a secret (the log's signing key).
    pub fn derive(secret: &[u8]) -> Self {
        let mut h = Sha256::new();
        h.update(b"antikor read-model snapshots v1\n");
        h.update(secret);
        Self(h.finalize().into())
    }

    fn tag(&self, body: &[u8]) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(body);
        mac
    }
}

/// The read models and the log's state at one head.
#[derive(Clone)]
pub struct Snapshot {
    /// What the log needs to open after the head without walking up to it.
    pub resume: Resume,
    /// The read models folded up to the same head.
    pub models: ReadModels,
}

impl Snapshot {
    /// The position it stands at.
    pub fn position(&self) -> u64 {
        self.resume.head.position
    }
}

/// Where a data folder keeps its snapshot: beside `log/`, so that copying the log alone
/// leaves it behind (it is not part of the history).
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("snapshot")
}

/// The snapshot file's bytes: header and body.
pub fn to_bytes(snapshot: Snapshot, key: &Key) -> Result<Vec<u8>, String> {
    let Snapshot { resume, mut models } = snapshot;
    let work = std::mem::take(&mut models.work);
    let signals = std::mem::take(&mut models.signals);
    let ((resume, models), (work, signals)) = rayon::join(
        || rayon::join(|| encode(&resume), || encode(&models)),
        || rayon::join(|| encode(&work), || encode(&signals)),
    );
    let parts = [resume?, models?, work?, signals?];
    let mut body = Vec::with_capacity(parts.iter().map(|p| 8 + p.len()).sum());
    for part in parts {
        body.extend_from_slice(&(part.len() as u64).to_be_bytes());
        body.extend_from_slice(&part);
    }
    let fingerprint = FOLD_CODE.as_bytes();
    let mut out = Vec::with_capacity(body.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u16::try_from(fingerprint.len()).unwrap_or(0).to_be_bytes());
    out.extend_from_slice(fingerprint);
    out.extend_from_slice(&(body.len() as u64).to_be_bytes());
    out.extend_from_slice(&key.tag(&body).finalize().into_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Reads a snapshot file's bytes, or says why they cannot be used (other code wrote them, they
/// are damaged, the parts disagree).
pub fn from_bytes(bytes: &[u8], key: &Key) -> Result<Snapshot, String> {
    let damaged = |what: &str| format!("the snapshot is damaged ({what})");
    let short = || damaged("too short");
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Err(if bytes.starts_with(&MAGIC[..7]) {
            "the snapshot was written in an older format".into()
        } else {
            damaged("not a snapshot file")
        });
    };
    let (len, rest) = rest.split_first_chunk::<2>().ok_or_else(short)?;
    let (fingerprint, rest) = rest
        .split_at_checked(usize::from(u16::from_be_bytes(*len)))
        .ok_or_else(short)?;
    if fingerprint != FOLD_CODE.as_bytes() {
        return Err("the snapshot was written by another version of the read models".into());
    }
    let (len, rest) = rest.split_first_chunk::<8>().ok_or_else(short)?;
    let (digest, body) = rest.split_first_chunk::<32>().ok_or_else(short)?;
    if body.len() as u64 != u64::from_be_bytes(*len) {
        return Err(damaged("its length is not the one its header names"));
    }
    // Checked before it is decoded: damaged lengths inside the body must never reach the
    // decoder, which would trust them to allocate.
    if key.tag(body).verify_slice(digest).is_err() {
        return Err(
            "the snapshot is damaged, or was not written under this log's key (its body does not carry the HMAC its header names)"
                .into(),
        );
    }
    let mut parts = [&[][..]; 4];
    let mut rest = body;
    for part in &mut parts {
        let (len, after) = rest.split_first_chunk::<8>().ok_or_else(short)?;
        (*part, rest) = usize::try_from(u64::from_be_bytes(*len))
            .ok()
            .and_then(|len| after.split_at_checked(len))
            .ok_or_else(|| damaged("its parts' lengths are not its length"))?;
    }
    if !rest.is_empty() {
        return Err(damaged("its parts' lengths are not its length"));
    }
    let [resume, models, work, signals] = parts;
    let ((resume, models), (work, signals)) = rayon::join(
        || rayon::join(|| decode(resume), || decode::<ReadModels>(models)),
        || rayon::join(|| decode(work), || decode(signals)),
    );
    let snapshot = Snapshot {
        resume: resume.map_err(|e| damaged(&e))?,
        models: ReadModels {
            work: work.map_err(|e| damaged(&e))?,
            signals: signals.map_err(|e| damaged(&e))?,
            ..models.map_err(|e| damaged(&e))?
        },
    };
    if snapshot.models.position != snapshot.position() {
        return Err("the snapshot's read models and log state are of different positions".into());
    }
    Ok(snapshot)
}

/// One part of the body: MessagePack, compressed.
fn encode(part: &impl serde::Serialize) -> Result<Vec<u8>, String> {
    let packed = rmp_serde::to_vec(part).map_err(|e| e.to_string())?;
    zstd::bulk::compress(&packed, PART_LEVEL).map_err(|e| e.to_string())
}

/// A part of the body back: decompressed into a buffer of the size its frame names (a buffer
/// grown as it fills would copy the part over and again).
fn decode<T: serde::de::DeserializeOwned>(part: &[u8]) -> Result<T, String> {
    let size = zstd::zstd_safe::get_frame_content_size(part)
        .ok()
        .flatten()
        .and_then(|size| usize::try_from(size).ok())
        .ok_or("a part does not say its size")?;
    let packed = zstd::bulk::decompress(part, size).map_err(|e| e.to_string())?;
    rmp_serde::from_slice(&packed).map_err(|e| e.to_string())
}

/// Fast: a snapshot is written while the server runs and read at every start.
const PART_LEVEL: i32 = 1;

/// Writes `snapshot` to `path` durably, replacing what was there; returns its size in bytes.
pub fn write(path: &Path, snapshot: Snapshot, key: &Key) -> std::io::Result<u64> {
    let bytes = to_bytes(snapshot, key).map_err(std::io::Error::other)?;
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut file = File::create(&partial)?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    std::fs::rename(&partial, path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir)?;
    }
    Ok(bytes.len() as u64)
}

/// Reads the snapshot at `path`: `Ok(None)` when there is none, `Err` saying why it cannot be
/// used.
pub fn read(path: &Path, key: &Key) -> Result<Option<Snapshot>, String> {
    match std::fs::read(path) {
        Ok(bytes) => from_bytes(&bytes, key).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("the snapshot cannot be read ({e})")),
    }
}
