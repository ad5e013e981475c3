//! Chunks of records stored compressed, with a zstd dictionary trained on the log's own records.
//!
//! A chunk (see `keys`) is a run of `u32 length ‖ record` where a record is `hash ‖ canonical
//! JSON`; its first byte is the top byte of a length far below 16 MiB, so 0. A compressed
//! chunk is `CHUNK_MARK ‖ dictionary id (u32) ‖ chunk length (u32) ‖ blocks (u16) ‖ for each
//! block: records (u16), length (u32), frame length (u32) ‖ the blocks' zstd frames`: the
//! chunk cut at record boundaries into blocks of about [`BLOCK_BYTES`], each one frame. The
//! records inside are the same bytes either way, so the chain, the Merkle leaves and every
//! reader see the same history: compression is how the bytes lie on disk, not what the history
//! says.
//!
//! Events are small and alike (the same field names, tenants, types, dates), so each alone
//! compresses poorly and well against a dictionary of their common parts. Against the same
//! dictionary, a frame per record decodes at about 580 MB/s and a frame per 8 KiB at 1,200
//! (per 24 KiB no faster), and takes 6.4 times less room instead of 4: a walk decodes whole
//! chunks, and a read of one event decodes only its block, not its whole chunk (an officer's
//! audit page reads 50 events from 50 chunks). The writer samples the records it commits
//! once the log has [`Policy::after`] events, trains a dictionary from [`Policy::samples`] of
//! them, stores it
//! under `D id` (`keys::dictionary`) in the same atomic batch as the first chunk it
//! compresses, and compresses every chunk after. A dictionary never changes.
//!
//! Logs written before chunks were compressed hold records compressed one by one:
//! `hash ‖ RECORD_MARK ‖ dictionary id (u32) ‖ JSON length (u32) ‖ zstd frame` (JSON would
//! start with `{`), in chunks stored as they are. Readers still take them
//! ([`Unpacker::unpack`]); nothing writes them now.

use super::keys;
use sled::IVec;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use zstd::zstd_safe::{DCtx, DDict};

/// The byte after a record's hash that marks it compressed on its own (older logs).
const RECORD_MARK: u8 = 0;
/// The byte a compressed chunk starts with (a chunk as it is starts with 0).
const CHUNK_MARK: u8 = b'Z';
/// The mark, the dictionary id, the chunk's length and the number of blocks, in front of a
/// compressed chunk's table of blocks.
const CHUNK_HEADER: usize = 1 + 4 + 4 + 2;
/// A block's entry in that table: its records, its length, its frame's length.
const BLOCK_ENTRY: usize = 2 + 4 + 4;
/// A block is closed once it holds this many bytes of records.
pub const BLOCK_BYTES: usize = 8 * 1024;
/// Chunks are compressed fast: the writer compresses its open chunk again at every commit.
const LEVEL: i32 = 3;
/// The largest dictionary trained.
const DICTIONARY_BYTES: usize = 16 * 1024;
/// The longest a chunk may say it is: one record alone may pass `keys::CHUNK_BYTES`.
const MAX_CHUNK_BYTES: usize = 16 * super::MAX_PAYLOAD_BYTES;
/// Blocks kept decompressed for single reads (see [`Unpacker::records_from`]).
const CACHED_BLOCKS: usize = 256;

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
    /// The blocks of the chunk packed last, each with its frame: the writer packs its open
    /// chunk again at every commit, and every block of it but the last is the same bytes as
    /// the time before, whose frame (the same dictionary, the same input) is taken again.
    last_blocks: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Packer {
    /// A packer that compresses with the log's newest stored dictionary (`stored`: its id and
    /// bytes), or trains one as `policy` says; with neither, stores chunks as they are.
    pub fn new(policy: Option<Policy>, stored: Option<(u32, IVec)>) -> Self {
        let compressor = stored.and_then(|(id, bytes)| {
            match zstd::bulk::Compressor::with_dictionary(LEVEL, &bytes) {
                Ok(c) => Some((id, c)),
                Err(e) => {
                    tracing::error!(id, error = %e, "the log's compression dictionary cannot be used; chunks are stored as they are");
                    None
                }
            }
        });
        Self {
            policy,
            samples: Vec::new(),
            compressor,
            last_blocks: Vec::new(),
        }
    }

    /// Notes `record` (`hash ‖ JSON`), about to be stored at `position`: until the dictionary
    /// is trained, it may be one of its samples. Training adds the dictionary to `writes`, so
    /// that it reaches the disk in the same batch as the first chunk compressed with it.
    pub fn observe(&mut self, position: u64, record: &[u8], writes: &mut Vec<(Vec<u8>, Vec<u8>)>) {
        if self.compressor.is_none()
            && let Some(json) = record.get(32..)
        {
            self.sample(position, json, writes);
        }
    }

    /// The stored form of `chunk`: compressed when there is a dictionary and that makes it
    /// smaller, else as it is.
    pub fn pack_chunk(&mut self, chunk: &[u8]) -> Vec<u8> {
        let Some((id, compressor)) = self.compressor.as_mut() else {
            return chunk.to_vec();
        };
        let mut blocks: Vec<(u16, &[u8])> = Vec::new();
        let mut rest = chunk;
        while !rest.is_empty() {
            let (mut records, mut len) = (0u16, 0);
            for record in keys::records(rest) {
                let Ok(record) = record else {
                    return chunk.to_vec();
                };
                (records, len) = (records + 1, len + 4 + record.len());
                if len >= BLOCK_BYTES || records == u16::MAX {
                    break;
                }
            }
            let (block, tail) = rest.split_at(len);
            blocks.push((records, block));
            rest = tail;
        }
        let (Ok(len), Ok(count)) = (u32::try_from(chunk.len()), u16::try_from(blocks.len())) else {
            return chunk.to_vec();
        };
        let mut table = Vec::with_capacity(CHUNK_HEADER + BLOCK_ENTRY * blocks.len());
        table.push(CHUNK_MARK);
        table.extend_from_slice(&id.to_be_bytes());
        table.extend_from_slice(&len.to_be_bytes());
        table.extend_from_slice(&count.to_be_bytes());
        let mut frames = Vec::new();
        let mut last = std::mem::take(&mut self.last_blocks).into_iter();
        for (records, block) in blocks {
            let frame = match last.next() {
                Some((packed, frame)) if packed == block => frame,
                _ => match compressor.compress(block) {
                    Ok(frame) => frame,
                    Err(_) => return chunk.to_vec(),
                },
            };
            table.extend_from_slice(&records.to_be_bytes());
            table.extend_from_slice(&(block.len() as u32).to_be_bytes());
            table.extend_from_slice(&(frame.len() as u32).to_be_bytes());
            frames.extend_from_slice(&frame);
            self.last_blocks.push((block.to_vec(), frame));
        }
        if table.len() + frames.len() >= chunk.len() {
            return chunk.to_vec();
        }
        table.extend_from_slice(&frames);
        table
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
                self.last_blocks.clear();
            }
            Err(e) => {
                tracing::warn!(error = %e, "no compression dictionary could be trained; records are stored as they are")
            }
        }
    }
}

thread_local! {
    /// One decompression context per thread, reused for every frame it reads, and the
    /// dictionary it used last with the unpacker and id it came from: a walk unpacks millions
    /// of records on two threads, and taking the shared map's lock for each made them wait
    /// on each other.
    static CONTEXT: RefCell<(DCtx<'static>, Option<LastDictionary>)> =
        RefCell::new((DCtx::create(), None));
}

/// A thread's last dictionary: its unpacker's number, its id, and itself.
type LastDictionary = (u64, u32, Arc<DDict<'static>>);

/// A block kept decompressed: its chunk's first position and its number, the stored chunk it
/// came from, and the block's records.
type Cached = ((u64, usize), IVec, Chunk);

/// A chunk's records (see `keys`): the stored value itself, or what it decompressed to.
/// Cloning shares either; a decompressed chunk is never copied again (copying each into an
/// `IVec` was a twelfth of a rebuild).
#[derive(Debug, Clone)]
pub enum Chunk {
    /// Stored as it is.
    Stored(IVec),
    /// Decompressed.
    Unpacked(Arc<Vec<u8>>),
}

impl std::ops::Deref for Chunk {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Chunk::Stored(stored) => stored,
            Chunk::Unpacked(unpacked) => unpacked,
        }
    }
}

/// The readers' side: the dictionaries, loaded on first use, and the blocks read last.
pub struct Unpacker {
    /// Told apart from every other unpacker of the process (ids are per log).
    number: u64,
    loaded: RwLock<HashMap<u32, Arc<DDict<'static>>>>,
    /// Decompressed blocks by their chunk's first position and their number (hashed to a
    /// slot): a request reads a stream's or a page's events one by one, often several from one
    /// block. An entry serves only the stored chunk it was made from, so the writer's open
    /// chunk, which grows with each commit, is never served stale.
    cache: Mutex<Vec<Option<Cached>>>,
}

impl Default for Unpacker {
    fn default() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self {
            number: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            loaded: RwLock::default(),
            cache: Mutex::new(vec![None; CACHED_BLOCKS]),
        }
    }
}

/// How long `stored` is once decompressed (to size a walk's batches before decompressing).
pub fn unpacked_len(stored: &[u8]) -> usize {
    match stored.split_first() {
        Some((&CHUNK_MARK, rest)) if rest.len() >= 8 => {
            u32::from_be_bytes(rest[4..8].try_into().expect("4 bytes")) as usize
        }
        _ => stored.len(),
    }
}

/// One block of a compressed chunk: its records, its length, and its frame.
struct Block<'a> {
    records: usize,
    len: usize,
    frame: &'a [u8],
}

/// A compressed chunk's dictionary id, length and blocks, checked to add up (damage is an
/// error here, never a read past the value or a reservation of gigabytes).
fn blocks(stored: &[u8]) -> Result<(u32, usize, Vec<Block<'_>>), String> {
    let truncated = || "the compressed chunk is truncated".to_owned();
    let header = stored.get(1..CHUNK_HEADER).ok_or_else(truncated)?;
    let id = u32::from_be_bytes(header[..4].try_into().expect("4 bytes"));
    let len = u32::from_be_bytes(header[4..8].try_into().expect("4 bytes")) as usize;
    let count = u16::from_be_bytes(header[8..].try_into().expect("2 bytes")) as usize;
    if len > MAX_CHUNK_BYTES {
        return Err("the compressed chunk claims an impossible length".into());
    }
    let table_end = CHUNK_HEADER + BLOCK_ENTRY * count;
    let table = stored.get(CHUNK_HEADER..table_end).ok_or_else(truncated)?;
    let mut frames = &stored[table_end..];
    let mut blocks = Vec::with_capacity(count);
    let mut total = 0;
    for entry in table.chunks_exact(BLOCK_ENTRY) {
        let records = u16::from_be_bytes(entry[..2].try_into().expect("2 bytes")) as usize;
        let block_len = u32::from_be_bytes(entry[2..6].try_into().expect("4 bytes")) as usize;
        let frame_len = u32::from_be_bytes(entry[6..].try_into().expect("4 bytes")) as usize;
        let (frame, rest) = frames.split_at_checked(frame_len).ok_or_else(truncated)?;
        total += block_len;
        if total > len {
            return Err("the compressed chunk's blocks are longer than the chunk".into());
        }
        blocks.push(Block {
            records,
            len: block_len,
            frame,
        });
        frames = rest;
    }
    if total != len || !frames.is_empty() {
        return Err("the compressed chunk's blocks do not add up to it".into());
    }
    Ok((id, len, blocks))
}

impl Unpacker {
    /// The chunk stored as `stored`, decompressed when it is stored compressed; `load` reads a
    /// dictionary's stored bytes.
    pub fn unpack_chunk(
        &self,
        stored: &IVec,
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<Chunk, String> {
        if stored.first() != Some(&CHUNK_MARK) {
            return Ok(Chunk::Stored(stored.clone()));
        }
        let (id, len, blocks) = blocks(stored)?;
        let dictionary = self.thread_dictionary(id, load)?;
        let mut out = Vec::with_capacity(len);
        for block in blocks {
            out = decompress(out, &dictionary, (block.len, block.frame), "chunk")?;
        }
        Ok(Chunk::Unpacked(Arc::new(out)))
    }

    /// The records of the chunk that starts at `first` from its `index`th on, at least that
    /// one when the chunk has it: the block that holds it, through the cache of blocks read
    /// last (for reads of single events), and the record's index within what is returned.
    pub fn records_from(
        &self,
        first: u64,
        stored: &IVec,
        index: usize,
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<(Chunk, usize), String> {
        if stored.first() != Some(&CHUNK_MARK) {
            return Ok((Chunk::Stored(stored.clone()), index));
        }
        let (id, _, blocks) = blocks(stored)?;
        let mut before = 0;
        let Some((n, block)) = blocks.into_iter().enumerate().find(|(_, block)| {
            before += block.records;
            index < before
        }) else {
            return Ok((Chunk::Stored(IVec::default()), 0));
        };
        let within = index - (before - block.records);
        let key = (first, n);
        let slot = (first.wrapping_mul(31).wrapping_add(n as u64) % CACHED_BLOCKS as u64) as usize;
        if let Some((at, was, records)) = &self.cache.lock().unwrap()[slot]
            && *at == key
            && was == stored
        {
            return Ok((records.clone(), within));
        }
        let dictionary = self.thread_dictionary(id, load)?;
        let out = Vec::with_capacity(block.len);
        let out = decompress(out, &dictionary, (block.len, block.frame), "chunk")?;
        let records = Chunk::Unpacked(Arc::new(out));
        self.cache.lock().unwrap()[slot] = Some((key, stored.clone(), records.clone()));
        Ok((records, within))
    }

    /// `record` as `hash ‖ JSON`, decompressed when it was stored compressed on its own (in
    /// logs written before chunks were compressed whole); `load` reads a dictionary's stored
    /// bytes.
    pub fn unpack<'r>(
        &self,
        record: &'r [u8],
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<Cow<'r, [u8]>, String> {
        if record.get(32) != Some(&RECORD_MARK) {
            return Ok(Cow::Borrowed(record));
        }
        let limit = 16 * super::MAX_PAYLOAD_BYTES;
        let (id, len, frame) = split_header(&record[33..], limit, "record")?;
        let mut out = Vec::with_capacity(32 + len);
        out.extend_from_slice(&record[..32]);
        let dictionary = self.thread_dictionary(id, load)?;
        let out = decompress(out, &dictionary, (len, frame), "record")?;
        Ok(Cow::Owned(out))
    }

    /// The dictionary `id`, as this thread used it last when it can (see `CONTEXT`).
    fn thread_dictionary(
        &self,
        id: u32,
        load: impl FnOnce(u32) -> sled::Result<Option<IVec>>,
    ) -> Result<Arc<DDict<'static>>, String> {
        CONTEXT.with(|context| {
            let (_, last) = &mut *context.borrow_mut();
            match last {
                Some((number, last_id, d)) if *number == self.number && *last_id == id => {
                    Ok(d.clone())
                }
                _ => Ok(last
                    .insert((self.number, id, self.dictionary(id, load)?))
                    .2
                    .clone()),
            }
        })
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

/// Appends the `len` bytes that `frame` decompresses to with `dictionary` to `out`.
fn decompress(
    out: Vec<u8>,
    dictionary: &DDict<'static>,
    (len, frame): (usize, &[u8]),
    what: &str,
) -> Result<Vec<u8>, String> {
    // Written after what `out` holds without zeroing the room first: zstd fills it, and the
    // cursor's buffer is as long as what zstd wrote.
    let start = out.len();
    let mut out = std::io::Cursor::new(out);
    out.set_position(start as u64);
    out.get_mut().reserve(len);
    CONTEXT.with(|context| {
        let (context, _) = &mut *context.borrow_mut();
        context
            .decompress_using_ddict(&mut out, frame, dictionary)
            .map_err(|code| {
                format!(
                    "the compressed {what} cannot be decompressed ({})",
                    zstd::zstd_safe::get_error_name(code)
                )
            })
    })?;
    let out = out.into_inner();
    if out.len() != start + len {
        return Err(format!("the compressed {what} is not as long as it says"));
    }
    Ok(out)
}

/// The dictionary id, the length and the frame after a mark; `limit` bounds the length, so
/// that damage cannot make a reader reserve gigabytes.
fn split_header<'a>(
    after_mark: &'a [u8],
    limit: usize,
    what: &str,
) -> Result<(u32, usize, &'a [u8]), String> {
    let (header, frame) = after_mark
        .split_first_chunk::<8>()
        .ok_or_else(|| format!("the compressed {what} is truncated"))?;
    let id = u32::from_be_bytes(header[..4].try_into().expect("4 bytes"));
    let len = u32::from_be_bytes(header[4..].try_into().expect("4 bytes")) as usize;
    if len > limit {
        return Err(format!("the compressed {what} claims an impossible length"));
    }
    Ok((id, len, frame))
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

    /// A packer past its training (on records 5–44), and the keys it wrote.
    fn trained() -> (Packer, HashMap<Vec<u8>, Vec<u8>>) {
        let policy = Policy {
            after: 5,
            samples: 40,
        };
        let mut packer = Packer::new(Some(policy), None);
        let mut stored = HashMap::new();
        for position in 1..50u64 {
            let mut writes = Vec::new();
            packer.observe(position, &record(position as usize), &mut writes);
            assert!(writes.is_empty() || position == 44, "trained at {position}");
            stored.extend(writes);
        }
        assert!(stored.contains_key(&keys::dictionary(1)[..]));
        (packer, stored)
    }

    fn loader(stored: &HashMap<Vec<u8>, Vec<u8>>) -> impl Fn(u32) -> sled::Result<Option<IVec>> {
        |id| {
            Ok(stored
                .get(&keys::dictionary(id)[..])
                .map(|v| IVec::from(&v[..])))
        }
    }

    fn chunk_of(records: std::ops::Range<usize>) -> Vec<u8> {
        let mut chunk = Vec::new();
        for n in records {
            keys::push_record(&mut chunk, &record(n));
        }
        chunk
    }

    #[test]
    fn chunks_are_stored_as_they_are_until_the_dictionary_then_compressed_and_read_back() {
        let chunk = chunk_of(0..180);
        let untrained = Packer::new(Some(Policy::default()), None).pack_chunk(&chunk);
        assert_eq!(untrained, chunk);
        let unpacker = Unpacker::default();
        let none = |_: u32| -> sled::Result<Option<IVec>> { panic!("no dictionary is read") };
        assert_eq!(
            *unpacker.unpack_chunk(&untrained.into(), none).unwrap(),
            chunk
        );

        let (mut packer, stored) = trained();
        let packed = IVec::from(packer.pack_chunk(&chunk));
        assert_eq!(packed[0], CHUNK_MARK);
        assert!(
            packed.len() * 5 < chunk.len(),
            "{} of {}",
            packed.len(),
            chunk.len()
        );
        assert_eq!(unpacked_len(&packed), chunk.len());
        let load = loader(&stored);
        assert_eq!(*unpacker.unpack_chunk(&packed, &load).unwrap(), chunk);
        // A single record is read from its block alone, whichever it is.
        let each: Vec<&[u8]> = keys::records(&chunk).map(Result::unwrap).collect();
        assert!(blocks(&packed).unwrap().2.len() > 2);
        let nth = |stored: &IVec, index: usize| {
            let (records, within) = unpacker.records_from(1, stored, index, &load).unwrap();
            assert!(records.len() < 2 * BLOCK_BYTES, "{}", records.len());
            keys::records(&records)
                .nth(within)
                .map(|r| r.unwrap().to_vec())
        };
        for (index, record) in each.iter().enumerate() {
            assert_eq!(nth(&packed, index).as_deref(), Some(*record));
        }
        assert_eq!(nth(&packed, each.len()), None);
        // The cache serves a block only for the stored chunk it was made from: the writer's
        // open chunk grows under the same first position.
        let grown = chunk_of(0..181);
        let packed_grown = IVec::from(packer.pack_chunk(&grown));
        // The frames of the blocks that did not change are taken again, and the chunk is the
        // one a packer that never saw it before makes of it.
        let mut fresh = trained().0;
        assert_eq!(packed_grown, fresh.pack_chunk(&grown));
        assert_eq!(packed, fresh.pack_chunk(&chunk));
        let last = keys::records(&grown).last().unwrap().unwrap().to_vec();
        assert_eq!(nth(&packed_grown, 180), Some(last));
        assert_eq!(nth(&packed, 180), None);
        assert_eq!(nth(&packed, 179).as_deref(), Some(each[179]));
    }

    #[test]
    fn records_compressed_one_by_one_by_older_logs_are_still_read() {
        let (_, stored) = trained();
        let dictionary = &stored[&keys::dictionary(1)[..]];
        let record = record(500);
        let mut compressor = zstd::bulk::Compressor::with_dictionary(LEVEL, dictionary).unwrap();
        let frame = compressor.compress(&record[32..]).unwrap();
        let mut old = record[..32].to_vec();
        old.push(RECORD_MARK);
        old.extend_from_slice(&1u32.to_be_bytes());
        old.extend_from_slice(&(record.len() as u32 - 32).to_be_bytes());
        old.extend_from_slice(&frame);
        let unpacker = Unpacker::default();
        let load = loader(&stored);
        assert_eq!(unpacker.unpack(&old, &load).unwrap(), &record[..]);
        assert!(matches!(
            unpacker.unpack(&record, &load).unwrap(),
            Cow::Borrowed(_)
        ));
        assert!(unpacker.unpack(&old[..40], &load).is_err());
        for at in 33..old.len() {
            let mut damaged = old.clone();
            damaged[at] ^= 0x5a;
            // Whatever comes back is checked against the chain's hash by the caller.
            let _ = unpacker.unpack(&damaged, &load);
        }
    }

    #[test]
    fn damage_to_a_chunk_or_its_dictionary_is_an_error_or_other_bytes_never_a_panic() {
        let (mut packer, stored) = trained();
        let chunk = chunk_of(100..140);
        let packed = packer.pack_chunk(&chunk);
        let load = loader(&stored);
        let unpacker = Unpacker::default();
        for at in 0..packed.len() {
            let mut damaged = packed.clone();
            damaged[at] ^= 0x5a;
            // Whatever comes back is checked against the chain's hashes by the caller.
            let damaged = IVec::from(damaged);
            let _ = unpacker.unpack_chunk(&damaged, &load);
            for index in [0, 7, 39, 40, 70_000] {
                let _ = unpacker.records_from(at as u64, &damaged, index, &load);
            }
        }
        // Cut anywhere after its mark (an empty value is an empty chunk as it is).
        for cut in 1..packed.len() {
            let cut = IVec::from(&packed[..cut]);
            assert!(unpacker.unpack_chunk(&cut, &load).is_err());
            assert!(unpacker.records_from(1, &cut, 0, &load).is_err());
        }
        let mut huge = packed.clone();
        huge[5..9].copy_from_slice(&u32::MAX.to_be_bytes());
        let e = unpacker.unpack_chunk(&huge.into(), &load).unwrap_err();
        assert!(e.contains("impossible length"), "{e}");
        let missing = |_: u32| Ok(None);
        let e = Unpacker::default()
            .unpack_chunk(&packed.clone().into(), missing)
            .unwrap_err();
        assert!(e.contains("dictionary 1 is missing"), "{e}");

        // A damaged dictionary is an error for every chunk compressed with it, never a panic:
        // a fresh unpacker loads it again.
        let mut dictionary = stored[&keys::dictionary(1)[..]].clone();
        for byte in &mut dictionary[8..] {
            *byte = !*byte;
        }
        let damaged = |_: u32| Ok(Some(IVec::from(&dictionary[..])));
        assert_ne!(
            Unpacker::default()
                .unpack_chunk(&packed.into(), damaged)
                .ok()
                .as_deref(),
            Some(&chunk[..])
        );
    }
}
