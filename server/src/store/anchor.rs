//! The anchor: the newest acknowledged tree head, kept outside sled so that a log that sled's
//! recovery cut short, or an older copy of the log folder, cannot pass for the whole history.
//!
//! sled 0.34 recovers from a damaged file by silently dropping everything after the first bad
//! checksum, so sled alone cannot say what history it had. Every commit therefore also writes
//! its new size, Merkle root and chain head here, and an append is acknowledged only once both
//! files are durable. At start the log must reach the anchored size with the anchored root.
//!
//! The file is 4 KiB, zero-filled and fsynced when created, so that later writes overwrite
//! blocks in place and `fdatasync` has no metadata to flush. It holds two slots (offsets 0 and
//! 2048, in different disk sectors); commit `seq` writes slot `seq % 2`:
//! `"ANTIKOR-ANCHOR01" ‖ seq ‖ size (u64 big-endian) ‖ root ‖ chain head ‖ SHA-256 of the
//! preceding 96 bytes`. A torn write spoils only the slot being written, and the other still
//! holds the previous anchor, which the log then exceeds by at most one unacknowledged batch.

use sha2::{Digest, Sha256};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

const MAGIC: &[u8; 16] = b"ANTIKOR-ANCHOR01";
const SLOT_BYTES: usize = 128;
const SLOT_OFFSETS: [u64; 2] = [0, 2048];
const FILE_BYTES: usize = 4096;

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

/// What a read of the anchor file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No anchor file.
    Missing,
    /// The file exists and no commit wrote it yet.
    Empty,
    /// The newest valid anchor.
    Anchor(Anchor),
    /// The file exists but neither slot holds a valid anchor.
    Damaged,
}

fn encode(seq: u64, anchor: &Anchor) -> [u8; SLOT_BYTES] {
    let mut slot = [0u8; SLOT_BYTES];
    slot[..16].copy_from_slice(MAGIC);
    slot[16..24].copy_from_slice(&seq.to_be_bytes());
    slot[24..32].copy_from_slice(&anchor.size.to_be_bytes());
    slot[32..64].copy_from_slice(&anchor.root);
    slot[64..96].copy_from_slice(&anchor.chain);
    let sum: [u8; 32] = Sha256::digest(&slot[..96]).into();
    slot[96..128].copy_from_slice(&sum);
    slot
}

fn decode(slot: &[u8]) -> Option<(u64, Anchor)> {
    if slot.len() < SLOT_BYTES || &slot[..16] != MAGIC {
        return None;
    }
    let sum: [u8; 32] = Sha256::digest(&slot[..96]).into();
    if slot[96..128] != sum {
        return None;
    }
    let u64_at = |i: usize| u64::from_be_bytes(slot[i..i + 8].try_into().expect("8 bytes"));
    Some((
        u64_at(16),
        Anchor {
            size: u64_at(24),
            root: slot[32..64].try_into().expect("32 bytes"),
            chain: slot[64..96].try_into().expect("32 bytes"),
        },
    ))
}

/// Reads the anchor without changing anything (for `verify` and for start-up).
pub fn read(path: &Path) -> std::io::Result<(Found, u64)> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Found::Missing, 0)),
        Err(e) => return Err(e),
    };
    let slots: Vec<(u64, Anchor)> = SLOT_OFFSETS
        .iter()
        .filter_map(|&at| bytes.get(at as usize..).and_then(decode))
        .collect();
    Ok(match slots.into_iter().max_by_key(|(seq, _)| *seq) {
        Some((seq, anchor)) => (Found::Anchor(anchor), seq),
        None if bytes.len() == FILE_BYTES && bytes.iter().all(|b| *b == 0) => (Found::Empty, 0),
        None => (Found::Damaged, 0),
    })
}

/// The anchor file, open for the writer.
pub struct AnchorFile {
    file: File,
    seq: u64,
}

impl AnchorFile {
    /// Opens the anchor file, creating it (zero-filled, durably) when it does not exist.
    pub fn open(path: &Path) -> std::io::Result<(Self, Found)> {
        let (found, seq) = read(path)?;
        if found == Found::Missing {
            let tmp = path.with_extension("anchor-new");
            let file = File::create(&tmp)?;
            file.write_all_at(&[0u8; FILE_BYTES], 0)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                super::durable::sync_dir(dir)?;
            }
        }
        let file = OpenOptions::new().read(true).write(true).open(path)?;
        Ok((Self { file, seq }, found))
    }

    /// Writes the next anchor into the older slot (not yet durable: see [`Self::sync`]).
    pub fn write(&mut self, anchor: &Anchor) -> std::io::Result<()> {
        self.seq += 1;
        let slot = encode(self.seq, anchor);
        self.file
            .write_all_at(&slot, SLOT_OFFSETS[(self.seq % 2) as usize])
    }

    /// Makes the written anchor durable.
    pub fn sync(&self) -> std::io::Result<()> {
        self.file.sync_data()
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

    #[test]
    fn the_newest_anchor_is_read_back_and_a_torn_slot_falls_back_to_the_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.anchor");
        assert_eq!(read(&path).unwrap().0, Found::Missing);
        let (mut file, found) = AnchorFile::open(&path).unwrap();
        assert_eq!(
            found,
            Found::Missing,
            "what was there before the file was made"
        );
        assert_eq!(read(&path).unwrap().0, Found::Empty);
        for size in 1..=5 {
            file.write(&anchor(size)).unwrap();
            file.sync().unwrap();
        }
        assert_eq!(read(&path).unwrap().0, Found::Anchor(anchor(5)));
        drop(file);
        let (mut file, _) = AnchorFile::open(&path).unwrap();
        file.write(&anchor(6)).unwrap();
        assert_eq!(read(&path).unwrap().0, Found::Anchor(anchor(6)));

        // Tear the newest slot: the previous anchor remains.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[SLOT_OFFSETS[0] as usize + 40] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path).unwrap().0, Found::Anchor(anchor(5)));
        // Both torn: damaged, never "empty".
        bytes[SLOT_OFFSETS[1] as usize + 40] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read(&path).unwrap().0, Found::Damaged);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(read(&path).unwrap().0, Found::Damaged);
    }
}
