//! The anchor file: the log's acknowledged head, kept outside sled so that a log that sled's
//! recovery cut short, or an older copy of the log folder, cannot pass for the whole history —
//! and the journal that makes an append durable with a single fsync.
//!
//! sled 0.34 recovers from a damaged file by silently dropping everything after the first bad
//! checksum, so sled alone cannot say what history it had; and making sled durable takes two
//! trips to the disk (its `flush` waits for the write, then `fdatasync` flushes the cache). So
//! a commit does not make sled durable: it writes the batch's sled entries to this file's
//! journal and fdatasyncs once. Every so often (the journal is full, the writer is idle, the
//! store closes) a *checkpoint* makes sled durable, records its head in an anchor slot and
//! empties the journal. At start the journal's entries are applied again to whatever sled
//! kept, and the log must then reach the acknowledged head — the last journal entry's, or the
//! checkpoint's — with the acknowledged root.
//!
//! Layout (the file is preallocated with zeros and fsynced when created, so later writes
//! overwrite blocks in place and `fdatasync` has no metadata to flush):
//! - `[0, 4096)`: two anchor slots at offsets 0 and 2048 (in different disk sectors);
//!   checkpoint `seq` writes slot `seq % 2`: `"ANTIKOR-ANCHOR01" ‖ seq ‖ size (u64
//!   big-endian) ‖ root ‖ chain head ‖ SHA-256 of the preceding 96 bytes`. A torn write spoils
//!   only the slot being written; the other still holds the previous checkpoint, and the
//!   journal is only reused once the new one is durable.
//! - `[4096, 4096 + JOURNAL_BYTES)`: journal entries, each starting on a 512-byte boundary:
//!   `"AKJ1" ‖ body length (u32) ‖ body ‖ SHA-256 of the preceding bytes`, the body being
//!   `from (u64) ‖ to: size ‖ root ‖ chain ‖ entry count (u32) ‖ (key length (u32) ‖ key ‖
//!   value length (u32) ‖ value)*`. Entries after a checkpoint start at the journal's
//!   beginning and chain (`from` is the previous entry's `to.size`, the first one's the
//!   checkpoint's size); older entries left behind have a smaller `from` and are ignored.
//!
//! A torn last entry was never acknowledged. A bad entry *followed* by a valid one that
//! continues past it is damage: acknowledged events would otherwise vanish unnoticed.

use sha2::{Digest, Sha256};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

const MAGIC: &[u8; 16] = b"ANTIKOR-ANCHOR01";
const SLOT_BYTES: usize = 128;
const SLOT_OFFSETS: [u64; 2] = [0, 2048];
const SLOTS_BYTES: usize = 4096;
const ENTRY_MAGIC: &[u8; 4] = b"AKJ1";
const ENTRY_ALIGN: usize = 512;
/// Room for about a thousand single-event commits, or one append of about a thousand events,
/// between checkpoints; a batch larger than this is made durable in sled directly.
pub const JOURNAL_BYTES: usize = 1 << 20;
const FILE_BYTES: usize = SLOTS_BYTES + JOURNAL_BYTES;

/// A tree head the log acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Number of events.
    pub size: u64,
    /// Merkle root of those events.
    pub root: [u8; 32],
    /// Hash chain head at that size.
    pub chain: [u8; 32],
}

/// What a read of the anchor slots found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No anchor file.
    Missing,
    /// The file exists and no checkpoint wrote it yet.
    Empty,
    /// The newest valid checkpoint.
    Anchor(Anchor),
    /// The file exists but neither slot holds a valid checkpoint.
    Damaged,
}

/// One commit recorded in the journal: the sled entries it wrote and the head it reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The log's size before the commit.
    pub from: u64,
    /// The head after it.
    pub to: Anchor,
    /// The sled keys and values the commit wrote.
    pub writes: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Everything the anchor file says about the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchored {
    /// The last checkpoint.
    pub found: Found,
    /// Its sequence number (which slot the next checkpoint overwrites).
    pub seq: u64,
    /// The commits acknowledged since that checkpoint, in order.
    pub journal: Vec<JournalEntry>,
    /// Why the journal cannot be trusted to hold every acknowledged commit, if it cannot.
    pub journal_damage: Option<String>,
}

impl Anchored {
    fn missing() -> Self {
        Self {
            found: Found::Missing,
            seq: 0,
            journal: Vec::new(),
            journal_damage: None,
        }
    }

    /// The newest acknowledged head: the last journal entry's, or the checkpoint's.
    pub fn acknowledged(&self) -> Option<Anchor> {
        match (&self.found, self.journal.last()) {
            (_, Some(entry)) => Some(entry.to),
            (Found::Anchor(checkpoint), None) => Some(*checkpoint),
            _ => None,
        }
    }
}

fn put_head(out: &mut Vec<u8>, head: &Anchor) {
    out.extend_from_slice(&head.size.to_be_bytes());
    out.extend_from_slice(&head.root);
    out.extend_from_slice(&head.chain);
}

/// Reads big-endian numbers and byte strings off the front of a slice.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_be_bytes(self.take(8)?.try_into().ok()?))
    }
    fn hash(&mut self) -> Option<[u8; 32]> {
        self.take(32)?.try_into().ok()
    }
    fn head(&mut self) -> Option<Anchor> {
        Some(Anchor {
            size: self.u64()?,
            root: self.hash()?,
            chain: self.hash()?,
        })
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.u32()? as usize;
        Some(self.take(n)?.to_vec())
    }
}

fn encode_slot(seq: u64, anchor: &Anchor) -> Vec<u8> {
    let mut slot = Vec::with_capacity(SLOT_BYTES);
    slot.extend_from_slice(MAGIC);
    slot.extend_from_slice(&seq.to_be_bytes());
    put_head(&mut slot, anchor);
    let sum = Sha256::digest(&slot);
    slot.extend_from_slice(&sum);
    slot
}

fn decode_slot(slot: &[u8]) -> Option<(u64, Anchor)> {
    let body = slot.get(..96)?;
    if &body[..16] != MAGIC || slot.get(96..128)? != Sha256::digest(body).as_slice() {
        return None;
    }
    let mut cursor = Cursor(&body[16..]);
    Some((cursor.u64()?, cursor.head()?))
}

/// Encodes a journal entry, padded to the next 512-byte boundary.
fn encode_entry(from: u64, to: &Anchor, writes: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut entry = Vec::new();
    entry.extend_from_slice(ENTRY_MAGIC);
    entry.extend_from_slice(&[0; 4]);
    entry.extend_from_slice(&from.to_be_bytes());
    put_head(&mut entry, to);
    entry.extend_from_slice(&(writes.len() as u32).to_be_bytes());
    for (key, value) in writes {
        for bytes in [key, value] {
            entry.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
            entry.extend_from_slice(bytes);
        }
    }
    let body = (entry.len() - 8) as u32;
    entry[4..8].copy_from_slice(&body.to_be_bytes());
    let sum = Sha256::digest(&entry);
    entry.extend_from_slice(&sum);
    entry.resize(entry.len().next_multiple_of(ENTRY_ALIGN), 0);
    entry
}

/// Decodes the journal entry at the start of `bytes`, with its padded length.
fn decode_entry(bytes: &[u8]) -> Option<(JournalEntry, usize)> {
    let mut cursor = Cursor(bytes);
    if cursor.take(4)? != ENTRY_MAGIC {
        return None;
    }
    let body_len = cursor.u32()? as usize;
    let body = cursor.take(body_len)?;
    if cursor.take(32)? != Sha256::digest(&bytes[..8 + body_len]).as_slice() {
        return None;
    }
    let mut body = Cursor(body);
    let from = body.u64()?;
    let to = body.head()?;
    let count = body.u32()?;
    let writes = (0..count)
        .map(|_| Some((body.bytes()?, body.bytes()?)))
        .collect::<Option<Vec<_>>>()?;
    (body.0.is_empty() && to.size >= from).then_some((
        JournalEntry { from, to, writes },
        (8 + body_len + 32).next_multiple_of(ENTRY_ALIGN),
    ))
}

/// Reads the journal that follows a checkpoint at `size`: the chain of entries from its start,
/// and damage if a valid entry continuing past the chain's end lies beyond it.
fn read_journal(journal: &[u8], size: u64) -> (Vec<JournalEntry>, Option<String>, usize) {
    let mut entries: Vec<JournalEntry> = Vec::new();
    let mut at = 0;
    let mut expected = size;
    while let Some((entry, len)) = journal.get(at..).and_then(decode_entry) {
        if entry.from != expected {
            break;
        }
        expected = entry.to.size;
        entries.push(entry);
        at += len;
    }
    let end = at;
    // Entries left from before the last checkpoint end at or before it. (No event can smuggle
    // in an entry: a header holds zero bytes and a SHA-256 that an event's JSON cannot.)
    let damage = (end..journal.len())
        .step_by(ENTRY_ALIGN)
        .filter_map(|at| decode_entry(&journal[at..]))
        .find(|(entry, _)| entry.to.size > expected)
        .map(|(entry, _)| {
            format!(
                "the anchor file's journal is damaged after event {expected}: a later entry acknowledges events up to {}",
                entry.to.size
            )
        });
    (entries, damage, end)
}

fn parse(bytes: &[u8]) -> (Anchored, usize) {
    let slots: Vec<(u64, Anchor)> = SLOT_OFFSETS
        .iter()
        .filter_map(|&at| bytes.get(at as usize..).and_then(decode_slot))
        .collect();
    let (found, seq) = match slots.into_iter().max_by_key(|(seq, _)| *seq) {
        Some((seq, anchor)) => (Found::Anchor(anchor), seq),
        None if bytes.len() >= SLOTS_BYTES && bytes[..SLOTS_BYTES].iter().all(|b| *b == 0) => {
            (Found::Empty, 0)
        }
        None => (Found::Damaged, 0),
    };
    let (journal, journal_damage, end) = match &found {
        Found::Anchor(a) => read_journal(bytes.get(SLOTS_BYTES..).unwrap_or_default(), a.size),
        Found::Empty => read_journal(bytes.get(SLOTS_BYTES..).unwrap_or_default(), 0),
        Found::Missing | Found::Damaged => (Vec::new(), None, 0),
    };
    let anchored = Anchored {
        found,
        seq,
        journal,
        journal_damage,
    };
    (anchored, end)
}

/// Reads the anchor file without changing anything (for `verify` and for start-up).
pub fn read(path: &Path) -> std::io::Result<Anchored> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&bytes).0),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Anchored::missing()),
        Err(e) => Err(e),
    }
}

/// The anchor file, open for the writer.
pub struct AnchorFile {
    file: File,
    seq: u64,
    /// Where the journal's next entry goes, relative to its start.
    journal_end: usize,
}

impl AnchorFile {
    /// Opens the anchor file, creating it (zero-filled, durably) when it does not exist, and
    /// growing a file of the first format (slots only) to hold the journal.
    pub fn open(path: &Path) -> std::io::Result<(Self, Anchored)> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let Some(bytes) = bytes else {
            let tmp = path.with_extension("anchor-new");
            let file = File::create(&tmp)?;
            file.write_all_at(&vec![0u8; FILE_BYTES], 0)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                super::durable::sync_dir(dir)?;
            }
            let file = OpenOptions::new().read(true).write(true).open(path)?;
            return Ok((
                Self {
                    file,
                    seq: 0,
                    journal_end: 0,
                },
                Anchored::missing(),
            ));
        };
        let (anchored, journal_end) = parse(&bytes);
        let file = OpenOptions::new().read(true).write(true).open(path)?;
        if bytes.len() < FILE_BYTES {
            let missing = FILE_BYTES - bytes.len();
            file.write_all_at(&vec![0u8; missing], bytes.len() as u64)?;
            file.sync_all()?;
        }
        let seq = anchored.seq;
        Ok((
            Self {
                file,
                seq,
                journal_end,
            },
            anchored,
        ))
    }

    /// Whether the journal holds commits that no checkpoint covers yet.
    pub fn has_journal(&self) -> bool {
        self.journal_end > 0
    }

    /// Appends a commit to the journal and makes it durable. Returns `false`, writing
    /// nothing, when it does not fit in the room left.
    pub fn journal(
        &mut self,
        from: u64,
        to: &Anchor,
        writes: &[(&[u8], &[u8])],
    ) -> std::io::Result<bool> {
        let entry = encode_entry(from, to, writes);
        if self.journal_end + entry.len() > JOURNAL_BYTES {
            return Ok(false);
        }
        self.file
            .write_all_at(&entry, (SLOTS_BYTES + self.journal_end) as u64)?;
        self.file.sync_data()?;
        self.journal_end += entry.len();
        Ok(true)
    }

    /// Records a checkpoint — a head sled now holds durably — in the older slot, makes it
    /// durable, and empties the journal.
    pub fn checkpoint(&mut self, anchor: &Anchor) -> std::io::Result<()> {
        self.seq += 1;
        let slot = encode_slot(self.seq, anchor);
        self.file
            .write_all_at(&slot, SLOT_OFFSETS[(self.seq % 2) as usize])?;
        self.file.sync_data()?;
        self.journal_end = 0;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(size: u64) -> Anchor {
        Anchor {
            size,
            root: [size as u8; 32],
            chain: [7; 32],
        }
    }

    fn commit(file: &mut AnchorFile, from: u64, to: u64) -> bool {
        let value = vec![to as u8; 300];
        file.journal(from, &anchor(to), &[(b"k", &value), (b"head", b"h")])
            .unwrap()
    }

    #[test]
    fn the_newest_checkpoint_is_read_back_and_a_torn_slot_falls_back_to_the_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        assert_eq!(read(&path).unwrap().found, Found::Missing);
        let (mut file, found) = AnchorFile::open(&path).unwrap();
        assert_eq!(
            found.found,
            Found::Missing,
            "what was there before the file was made"
        );
        assert_eq!(read(&path).unwrap().found, Found::Empty);
        for size in 1..=5 {
            file.checkpoint(&anchor(size)).unwrap();
        }
        assert_eq!(read(&path).unwrap().found, Found::Anchor(anchor(5)));
        drop(file);
        let (mut file, _) = AnchorFile::open(&path).unwrap();
        file.checkpoint(&anchor(6)).unwrap();
        assert_eq!(read(&path).unwrap().found, Found::Anchor(anchor(6)));

        // Tear the newest slot: the previous checkpoint remains.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[SLOT_OFFSETS[0] as usize + 40] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path).unwrap().found, Found::Anchor(anchor(5)));
        // Both torn: damaged, never "empty".
        bytes[SLOT_OFFSETS[1] as usize + 40] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path).unwrap().found, Found::Damaged);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(read(&path).unwrap().found, Found::Damaged);
    }

    #[test]
    fn the_journal_chains_from_the_checkpoint_and_old_entries_are_ignored_after_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        let (mut file, _) = AnchorFile::open(&path).unwrap();
        for size in 1..=4 {
            assert!(commit(&mut file, size - 1, size));
        }
        let read_back = read(&path).unwrap();
        assert_eq!(read_back.found, Found::Empty);
        assert_eq!(read_back.journal.len(), 4);
        assert_eq!(read_back.journal[2].writes[0].1, vec![3u8; 300]);
        assert_eq!(read_back.acknowledged(), Some(anchor(4)));

        // A checkpoint at 4 leaves the old entries on disk; one new entry overwrites the first.
        file.checkpoint(&anchor(4)).unwrap();
        assert!(!file.has_journal());
        assert_eq!(read(&path).unwrap().journal, vec![]);
        assert!(commit(&mut file, 4, 6));
        let read_back = read(&path).unwrap();
        assert_eq!(read_back.journal.len(), 1);
        assert_eq!(read_back.journal_damage, None);
        assert_eq!(read_back.acknowledged(), Some(anchor(6)));

        // Reopened, the writer continues after the last entry.
        drop(file);
        let (mut file, found) = AnchorFile::open(&path).unwrap();
        assert_eq!(found.journal.len(), 1);
        assert!(commit(&mut file, 6, 7));
        assert_eq!(read(&path).unwrap().acknowledged(), Some(anchor(7)));
    }

    #[test]
    fn a_torn_last_entry_was_never_acknowledged_but_a_bad_entry_before_a_good_one_is_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        let (mut file, _) = AnchorFile::open(&path).unwrap();
        for size in 1..=3 {
            commit(&mut file, size - 1, size);
        }
        let clean = std::fs::read(&path).unwrap();
        let entry = ENTRY_ALIGN; // each test entry fits in one 512-byte block

        let mut torn = clean.clone();
        torn[SLOTS_BYTES + 2 * entry + 100] ^= 1;
        std::fs::write(&path, &torn).unwrap();
        let read_back = read(&path).unwrap();
        assert_eq!(read_back.acknowledged(), Some(anchor(2)));
        assert_eq!(read_back.journal_damage, None);

        let mut flipped = clean;
        flipped[SLOTS_BYTES + entry + 100] ^= 1;
        std::fs::write(&path, &flipped).unwrap();
        let read_back = read(&path).unwrap();
        assert_eq!(read_back.acknowledged(), Some(anchor(1)));
        assert!(
            read_back.journal_damage.unwrap().contains("up to 3"),
            "the entry after the bad one shows what was acknowledged"
        );
    }

    #[test]
    fn a_commit_larger_than_the_room_left_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        let (mut file, _) = AnchorFile::open(&path).unwrap();
        let big = vec![1u8; JOURNAL_BYTES];
        assert!(!file.journal(0, &anchor(1), &[(b"k", &big)]).unwrap());
        assert!(!file.has_journal());
        assert_eq!(read(&path).unwrap().journal, vec![]);
    }

    #[test]
    fn a_file_of_the_first_format_grows_to_hold_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        let mut bytes = vec![0u8; SLOTS_BYTES];
        bytes[2048..2048 + SLOT_BYTES].copy_from_slice(&encode_slot(9, &anchor(12)));
        std::fs::write(&path, &bytes).unwrap();
        let (mut file, found) = AnchorFile::open(&path).unwrap();
        assert_eq!((found.found, found.seq), (Found::Anchor(anchor(12)), 9));
        assert_eq!(std::fs::metadata(&path).unwrap().len(), FILE_BYTES as u64);
        assert!(commit(&mut file, 12, 13));
        assert_eq!(read(&path).unwrap().acknowledged(), Some(anchor(13)));
    }
}
