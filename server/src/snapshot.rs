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
//! The file is a header and four parts: the log state, the read models but for the two largest,
//! the work book and the signals book. The header is `magic ‖ fingerprint length (u16) ‖
//! fingerprint ‖ snapshot id (16 random bytes) ‖ per part: length (u64) ‖ tag ‖ header tag`,
//! where a part's tag is HMAC-SHA256(key, id ‖ part number (u8) ‖ part) and the header's tag
//! the HMAC of the header before it. So each part is read, authenticated and decoded on its own
//! core, none before its tag is checked, and parts of two snapshots cannot be mixed: the
//! header binds the tags, the tags the id. Each part is MessagePack with structs as arrays
//! (compact, and self-describing enough that the shared types' untagged and flattened forms
//! read back as they were written; the fingerprint makes sure the field order is the writer's),
//! compressed with zstd. The file is written to a temporary file, fsynced and renamed over the
//! old one, so a crash leaves the old snapshot or the new one, never half of one.
//!
//! With the log on PostgreSQL the same bytes are rows of the state table (`crate::tables`), in
//! chunks replaced in one transaction, where every server on the database finds them; the
//! server on duty writes them (see `App::on_duty`).

use crate::projections::ReadModels;
use crate::store::Resume;
use crate::store::durable::sync_dir;
use crate::tables::Table;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The fingerprint of the code that folds the read models and lays out the log's indexes.
pub const FOLD_CODE: &str = env!("ANTIKOR_FOLD_CODE");

const MAGIC: &[u8; 8] = b"ANTKSNP4";

/// The parts of a snapshot, in the file's order.
const PARTS: usize = 4;

/// The size of a tag.
const TAG: usize = 32;

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

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length")
    }

    /// The tag of part `number` of the snapshot `id`.
    fn part_tag(&self, id: &[u8; 16], number: usize, part: &[u8]) -> Hmac<Sha256> {
        let mut mac = self.mac();
        mac.update(id);
        mac.update(&[u8::try_from(number).expect("four parts")]);
        mac.update(part);
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

/// Where a snapshot is kept.
#[derive(Clone)]
pub enum Place {
    /// A file of the data folder ([`path`]).
    File(PathBuf),
    /// Rows of a table shared by the servers on one database: the file's bytes in chunks of
    /// at most [`CHUNK`], numbered from 0 (big-endian `u32` keys).
    Table(Table),
}

/// The largest chunk of a snapshot in a table: well under what PostgreSQL takes in one value.
pub const CHUNK: usize = 32 << 20;

impl Place {
    /// Reads the snapshot: `Ok(None)` when there is none, `Err` saying why it cannot be used.
    pub fn read(&self, key: &Key) -> Result<Option<Snapshot>, String> {
        match self {
            Self::File(path) => read(path, key),
            Self::Table(table) => {
                let chunks = table
                    .scan_prefix(&[])
                    .map_err(|e| format!("the snapshot cannot be read ({e:#})"))?;
                if chunks.is_empty() {
                    return Ok(None);
                }
                let numbered = chunks
                    .iter()
                    .enumerate()
                    .all(|(n, (number, _))| *number == chunk_key(n));
                if !numbered {
                    return Err("the snapshot is damaged (a chunk is missing)".into());
                }
                let bytes: Vec<Vec<u8>> = chunks.into_iter().map(|(_, chunk)| chunk).collect();
                from_bytes(&bytes.concat(), key).map(Some)
            }
        }
    }

    /// Removes the snapshot, if there is one: the next start walks the log whole.
    pub fn remove(&self) -> std::io::Result<()> {
        match self {
            Self::File(path) => match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            },
            Self::Table(table) => {
                let chunks = table.len().map_err(std::io::Error::other)?;
                table
                    .apply((0..chunks).map(|n| (chunk_key(n), None)).collect())
                    .map_err(std::io::Error::other)
            }
        }
    }

    /// Writes `snapshot` durably, replacing the one there; returns its size in bytes.
    pub fn write(&self, snapshot: Snapshot, key: &Key) -> std::io::Result<u64> {
        match self {
            Self::File(path) => write(path, snapshot, key),
            Self::Table(table) => {
                let bytes = to_bytes(snapshot, key).map_err(std::io::Error::other)?;
                let chunks: Vec<&[u8]> = bytes.chunks(CHUNK).collect();
                let before = table.len().map_err(std::io::Error::other)?;
                let mut changes: Vec<_> = chunks
                    .iter()
                    .enumerate()
                    .map(|(n, chunk)| (chunk_key(n), Some(chunk.to_vec())))
                    .collect();
                changes.extend((chunks.len()..before).map(|n| (chunk_key(n), None)));
                table.apply(changes).map_err(std::io::Error::other)?;
                Ok(bytes.len() as u64)
            }
        }
    }
}

/// The key of chunk `n` of a snapshot in a table.
fn chunk_key(n: usize) -> Vec<u8> {
    u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes().to_vec()
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
    let id = *uuid::Uuid::new_v4().as_bytes();
    let fingerprint = FOLD_CODE.as_bytes();
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + 512);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&u16::try_from(fingerprint.len()).unwrap_or(0).to_be_bytes());
    out.extend_from_slice(fingerprint);
    out.extend_from_slice(&id);
    for (number, part) in parts.iter().enumerate() {
        out.extend_from_slice(&(part.len() as u64).to_be_bytes());
        out.extend_from_slice(&key.part_tag(&id, number, part).finalize().into_bytes());
    }
    let mut header = key.mac();
    header.update(&out);
    out.extend_from_slice(&header.finalize().into_bytes());
    for part in parts {
        out.extend_from_slice(&part);
    }
    Ok(out)
}

/// What a snapshot's header says, checked.
struct Header {
    id: [u8; 16],
    /// Each part's place in the file (from its start), length and tag.
    parts: [(u64, usize, [u8; TAG]); PARTS],
    /// Where the file ends.
    end: u64,
}

/// How many bytes of the file the header takes at most (the fingerprint is short).
const HEADER_AT_MOST: usize = 8 + 2 + 256 + 16 + PARTS * (8 + TAG) + TAG;

/// Reads and authenticates the header at the start of `bytes` (which may hold more).
fn header(bytes: &[u8], key: &Key) -> Result<Header, String> {
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
    let (id, mut rest) = rest.split_first_chunk::<16>().ok_or_else(short)?;
    let mut listed = [(0, [0; TAG]); PARTS];
    for entry in &mut listed {
        let (len, after) = rest.split_first_chunk::<8>().ok_or_else(short)?;
        let (tag, after) = after.split_first_chunk::<TAG>().ok_or_else(short)?;
        *entry = (u64::from_be_bytes(*len), *tag);
        rest = after;
    }
    let (tag, _) = rest.split_first_chunk::<TAG>().ok_or_else(short)?;
    let header_len = bytes.len() - rest.len();
    let mut mac = key.mac();
    mac.update(&bytes[..header_len]);
    // Checked before anything it says is used: damaged lengths must never reach the reads.
    if mac.verify_slice(tag).is_err() {
        return Err(
            "the snapshot is damaged, or was not written under this log's key (its header does not carry the HMAC it names)"
                .into(),
        );
    }
    let mut at = (header_len + TAG) as u64;
    let mut parts = [(0, 0, [0; TAG]); PARTS];
    for (part, (len, tag)) in parts.iter_mut().zip(listed) {
        let size = usize::try_from(len).map_err(|_| damaged("a part's length"))?;
        *part = (at, size, tag);
        at = at
            .checked_add(len)
            .ok_or_else(|| damaged("a part's length"))?;
    }
    Ok(Header {
        id: *id,
        parts,
        end: at,
    })
}

/// Decodes the parts of the snapshot that `header` heads, each read by `part` (given its
/// place, length and number), authenticated and decoded on its own core.
fn decode_parts<'a>(
    header: &Header,
    key: &Key,
    part: &(dyn Fn(u64, usize) -> Result<Cow<'a, [u8]>, String> + Sync),
) -> Result<Snapshot, String> {
    fn read<'a, T: serde::de::DeserializeOwned>(
        header: &Header,
        key: &Key,
        part: &(dyn Fn(u64, usize) -> Result<Cow<'a, [u8]>, String> + Sync),
        number: usize,
    ) -> Result<T, String> {
        let (at, len, tag) = header.parts[number];
        let bytes = part(at, len)?;
        key.part_tag(&header.id, number, &bytes)
            .verify_slice(&tag)
            .map_err(|_| {
                "the snapshot is damaged (a part does not carry the HMAC the header names)"
                    .to_owned()
            })?;
        decode_part(&bytes)
    }
    let ((resume, models), (work, signals)) = rayon::join(
        || rayon::join(|| read(header, key, part, 0), || read(header, key, part, 1)),
        || rayon::join(|| read(header, key, part, 2), || read(header, key, part, 3)),
    );
    let (resume, models, work, signals) = (resume?, models?, work?, signals?);
    let models: ReadModels = models;
    let snapshot = Snapshot {
        resume,
        models: ReadModels {
            work,
            signals,
            ..models
        },
    };
    if snapshot.models.position != snapshot.position() {
        return Err("the snapshot's read models and log state are of different positions".into());
    }
    Ok(snapshot)
}

/// Reads a snapshot file's bytes, or says why they cannot be used (other code wrote them, they
/// are damaged, the parts disagree).
pub fn from_bytes(bytes: &[u8], key: &Key) -> Result<Snapshot, String> {
    let header = header(bytes, key)?;
    if header.end != bytes.len() as u64 {
        return Err("the snapshot is damaged (its parts' lengths are not its length)".into());
    }
    decode_parts(&header, key, &|at, len| {
        let at = usize::try_from(at).map_err(|e| e.to_string())?;
        Ok(Cow::Borrowed(&bytes[at..at + len]))
    })
}

/// One part of the body: MessagePack, compressed.
fn encode(part: &impl serde::Serialize) -> Result<Vec<u8>, String> {
    let packed = rmp_serde::to_vec(part).map_err(|e| e.to_string())?;
    zstd::bulk::compress(&packed, PART_LEVEL).map_err(|e| e.to_string())
}

/// A part of the body back: decompressed into a buffer of the size its frame names (a buffer
/// grown as it fills would copy the part over and again).
fn decode_part<T: serde::de::DeserializeOwned>(part: &[u8]) -> Result<T, String> {
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
///
/// Each part is read from the file by the core that decodes it: a national snapshot is half a
/// gigabyte, and reading it whole before decoding anything was a tenth of a start.
pub fn read(path: &Path, key: &Key) -> Result<Option<Snapshot>, String> {
    use std::os::unix::fs::FileExt;
    let unreadable = |e: std::io::Error| format!("the snapshot cannot be read ({e})");
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let size = file.metadata().map_err(unreadable)?.len();
    let mut head = vec![0; HEADER_AT_MOST.min(usize::try_from(size).unwrap_or(usize::MAX))];
    file.read_exact_at(&mut head, 0).map_err(unreadable)?;
    let header = header(&head, key)?;
    if header.end != size {
        return Err("the snapshot is damaged (its parts' lengths are not its length)".into());
    }
    decode_parts(&header, key, &|at, len| {
        let mut part = vec![0; len];
        file.read_exact_at(&mut part, at).map_err(unreadable)?;
        Ok(Cow::Owned(part))
    })
    .map(Some)
}
