//! Records stored compressed, with a zstd dictionary trained on the log's own records.
//!
//! A record is `hash ‖ canonical JSON`, and canonical JSON starts with `{`. A compressed record
//! is `hash ‖ 0x00 ‖ dictionary id (u32) ‖ JSON length (u32) ‖ zstd frame`. The hash is still
//! the JSON's, so the chain, the Merkle leaves and every reader see the same record either way:
//! compression is how the bytes lie on disk, not what the history says.
//!
//! Events are small and alike (the same field names, tenants, types, dates), so each alone
//! compresses poorly, and well against a dictionary of their common parts (584 → 177 bytes of
//! JSON in the national mix). The writer samples the records it commits once the log has
//! [`Policy::after`] events, trains a dictionary from [`Policy::samples`] of them, stores it
//! under `D id` (`keys::dictionary`) in the same atomic batch as the first record it
//! compresses, and compresses every record after. A dictionary never changes; records written
//! before it stay as they were.

use super::keys;
use sled::IVec;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use zstd::zstd_safe::{DCtx, DDict};

/// The byte after a record's hash that marks it compressed (JSON would start with `{`).
const MARK: u8 = 0;
/// `MARK`, the dictionary id and the JSON's length.
const HEADER: usize = 1 + 4 + 4;
/// Records are compressed fast: the writer compresses every record of a commit.
const LEVEL: i32 = 3;
/// The largest dictionary trained.
const DICTIONARY_BYTES: usize = 16 * 1024;

/// When the writer trains its dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Sample records from this position on (the first events of a log, its registrations
    /// and plans, are not what it will mostly hold).
    pub after: u64,
    /// How many records to train on.
    pub samples: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            after: 10_000,
            samples: 2_000,
        }
    }
}

/// The writer's side: samples, trains, compresses.
pub struct Packer {
    policy: Option<Policy>,
    samples: Vec<Vec<u8>>,
    compressor: Option<(u32, zstd::bulk::Compressor<'static>)>,
}

impl Packer {
    /// A packer that compresses with the log's newest stored dictionary (`stored`: its id and
    /// bytes), or trains one as `policy` says; with neither, stores records as they are.
    pub fn new(policy: Option<Policy>, stored: Option<(u32, IVec)>) -> Self {
        let compressor = stored.and_then(|(id, bytes)| {
            match zstd::bulk::Compressor::with_dictionary(LEVEL, &bytes) {
                Ok(c) => Some((id, c)),
                Err(e) => {
                    tracing::error!(id, error = %e, "the log's compression dictionary cannot be used; records are stored as they are");
                    None
                }
            }
        });
        Self {
            policy,
            samples: Vec::new(),
            compressor,
        }
    }

    /// The stored form of `record` (`hash ‖ JSON`) at `position`. The first record compressed
    /// with a new dictionary adds the dictionary to `writes`, so that both reach the disk in
    /// one batch.
    pub fn pack<'r>(
        &mut self,
        position: u64,
        record: &'r [u8],
        writes: &mut Vec<(Vec<u8>, Vec<u8>)>,
    ) -> Cow<'r, [u8]> {
        let Some((hash, json)) = record.split_first_chunk::<32>() else {
            return Cow::Borrowed(record);
        };
        if self.compressor.is_none() {
            self.sample(position, json, writes);
        }
        let Some((id, compressor)) = self.compressor.as_mut() else {
            return Cow::Borrowed(record);
        };
        let (Ok(frame), Ok(len)) = (compressor.compress(json), u32::try_from(json.len())) else {
            return Cow::Borrowed(record);
        };
        if HEADER + frame.len() >= json.len() {
            return Cow::Borrowed(record);
        }
        let mut packed = Vec::with_capacity(32 + HEADER + frame.len());
        packed.extend_from_slice(hash);
        packed.push(MARK);
        packed.extend_from_slice(&id.to_be_bytes());
        packed.extend_from_slice(&len.to_be_bytes());
        packed.extend_from_slice(&frame);
        Cow::Owned(packed)
    }

    /// Keeps `json` as a sample when the policy asks for it, and trains the dictionary once
    /// there are enough.
    fn sample(&mut self, position: u64, json: &[u8], writes: &mut Vec<(Vec<u8>, Vec<u8>)>) {
        let Some(policy) = self.policy else { return };
        if position < policy.after {
            return;
        }
        self.samples.push(json.to_vec());
        if self.samples.len() < policy.samples.max(1) {
            return;
        }
        let samples = std::mem::take(&mut self.samples);
        // Training is for once: whatever comes of it, the writer samples no more.
        self.policy = None;
        let total: usize = samples.iter().map(Vec::len).sum();
        let size = (total / 8).clamp(1024, DICTIONARY_BYTES);
        let trained = zstd::dict::from_samples(&samples, size).and_then(|dictionary| {
            zstd::bulk::Compressor::with_dictionary(LEVEL, &dictionary)
                .map(|compressor| (dictionary, compressor))
        });
        match trained {
            Ok((dictionary, compressor)) => {
                let id = 1;
                tracing::info!(
                    position,
                    bytes = dictionary.len(),
                    samples = samples.len(),
                    "trained the log's compression dictionary"
                );
                writes.push((keys::dictionary(id).to_vec(), dictionary));
                self.compressor = Some((id, compressor));
            }
            Err(e) => {
                tracing::warn!(error = %e, "no compression dictionary could be trained; records are stored as they are")
            }
        }
    }
}

thread_local! {
    /// One decompression context per thread, reused for every record it reads, and the
    /// dictionary it used last with the unpacker and id it came from: a walk unpacks millions
    /// of records on two threads, and taking the shared map's lock for each made them wait
    /// on each other.
    static CONTEXT: RefCell<(DCtx<'static>, Option<LastDictionary>)> =
        RefCell::new((DCtx::create(), None));
}

/// A thread's last dictionary: its unpacker's number, its id, and itself.
type LastDictionary = (u64, u32, Arc<DDict<'static>>);

/// The readers' side: the dictionaries, loaded on first use.
pub struct Unpacker {
    /// Told apart from every other unpacker of the process (ids are per log).
    number: u64,
    loaded: RwLock<HashMap<u32, Arc<DDict<'static>>>>,
}

impl Default for Unpacker {
    fn default() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            number: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            loaded: RwLock::default(),
        }
    }
}

impl Unpacker {
    /// `record` as `hash ‖ JSON`, decompressed when it is stored compressed; `load` reads a
    /// dictionary's stored bytes.
    pub fn unpack<'r>(
        &self,
        record: &'r [u8],
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<Cow<'r, [u8]>, String> {
        if record.get(32) != Some(&MARK) {
            return Ok(Cow::Borrowed(record));
        }
        let header = record
            .get(33..32 + HEADER)
            .ok_or("the compressed record is truncated")?;
        let id = u32::from_be_bytes(header[..4].try_into().expect("4 bytes"));
        let len = u32::from_be_bytes(header[4..].try_into().expect("4 bytes")) as usize;
        if len > 16 * super::MAX_PAYLOAD_BYTES {
            return Err("the compressed record claims an impossible length".into());
        }
        // Written after the hash without zeroing the room first: zstd fills it, and the
        // cursor's buffer is as long as what zstd wrote.
        let mut out = Vec::with_capacity(32 + len);
        out.extend_from_slice(&record[..32]);
        let mut out = std::io::Cursor::new(out);
        out.set_position(32);
        let written = CONTEXT.with(|context| {
            let (context, last) = &mut *context.borrow_mut();
            let dictionary = match last {
                Some((number, last_id, d)) if *number == self.number && *last_id == id => d,
                _ => &last.insert((self.number, id, self.dictionary(id, load)?)).2,
            };
            context
                .decompress_using_ddict(&mut out, &record[32 + HEADER..], dictionary)
                .map_err(|code| {
                    format!(
                        "the compressed record cannot be decompressed ({})",
                        zstd::zstd_safe::get_error_name(code)
                    )
                })
        })?;
        if written != len {
            return Err("the compressed record is not as long as it says".into());
        }
        Ok(Cow::Owned(out.into_inner()))
    }

    fn dictionary(
        &self,
        id: u32,
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<Arc<DDict<'static>>, String> {
        if let Some(d) = self.loaded.read().unwrap().get(&id) {
            return Ok(d.clone());
        }
        let bytes = load(id)
            .map_err(|e| format!("the compression dictionary {id} cannot be read ({e})"))?
            .ok_or_else(|| format!("the compression dictionary {id} is missing"))?;
        // zstd refuses a dictionary whose header is damaged (the `zstd` crate's constructor
        // panics then, which took a walk's thread and the open with it).
        let dictionary = DDict::try_create(&bytes)
            .map(Arc::new)
            .ok_or_else(|| format!("the compression dictionary {id} is damaged"))?;
        self.loaded.write().unwrap().insert(id, dictionary.clone());
        Ok(dictionary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(n: usize) -> Vec<u8> {
        let mut r = vec![7u8; 32];
        r.extend_from_slice(
            format!(r#"{{"actor":"bansko.officer","n":{n},"payload":{{"note":"Проведено заседание № {n}"}},"tenant":"bansko"}}"#)
                .as_bytes(),
        );
        r
    }

    #[test]
    fn records_after_the_samples_are_compressed_and_read_back_as_they_were() {
        let policy = Policy {
            after: 5,
            samples: 40,
        };
        let mut packer = Packer::new(Some(policy), None);
        let unpacker = Unpacker::default();
        let mut stored: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
        let mut compressed = 0;
        for position in 1..200u64 {
            let record = record(position as usize);
            let mut writes = Vec::new();
            let packed = packer.pack(position, &record, &mut writes).into_owned();
            stored.extend(writes);
            if packed.len() < record.len() {
                compressed += 1;
                assert!(position >= 5 + 40 - 1, "compressed before the dictionary");
            }
            let load = |id: u32| {
                Ok(stored
                    .get(&keys::dictionary(id)[..])
                    .map(|v| IVec::from(&v[..])))
            };
            assert_eq!(unpacker.unpack(&packed, load).unwrap(), &record[..]);
        }
        assert!(compressed > 100, "{compressed}");
        // Damage to a compressed record is an error or other bytes, never a panic.
        let record = record(500);
        let packed = packer.pack(500, &record, &mut Vec::new()).into_owned();
        let load = |id: u32| {
            Ok(stored
                .get(&keys::dictionary(id)[..])
                .map(|v| IVec::from(&v[..])))
        };
        for at in 32..packed.len() {
            let mut damaged = packed.clone();
            damaged[at] ^= 0x5a;
            // Whatever comes back is checked against the chain's hash by the caller.
            let _ = unpacker.unpack(&damaged, load);
        }
        assert!(unpacker.unpack(&packed[..40], load).is_err());

        // A damaged dictionary is an error for every record compressed with it, never a
        // panic: a fresh unpacker loads it again.
        let mut dictionary = stored[&keys::dictionary(1)[..]].clone();
        for byte in &mut dictionary[8..] {
            *byte = !*byte;
        }
        let damaged = |_: u32| Ok(Some(IVec::from(&dictionary[..])));
        assert_ne!(
            Unpacker::default().unpack(&packed, damaged).ok().as_deref(),
            Some(&record[..])
        );
    }
}
