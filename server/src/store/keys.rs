//! The on-disk layout in the sled tree, public so that tools (and tamper tests) can read it.
//!
//! sled's cost is per key (an insert copies the leaf it lands in), so the log is stored in
//! chunks under `L <position of the chunk's first record>` (big-endian, so byte order is
//! numeric order). A chunk is a sequence of `u32 length (big-endian) ‖ record`, where a record
//! is `hash (32 bytes) ‖ canonical JSON` (see `record`); it is stored as it is or compressed
//! whole (see `compress`). The writer keeps its newest chunk open across commits, storing it
//! again with each commit's records added, until the next record would take it past
//! [`CHUNK_BYTES`] (or the writer stops): a log written one event at a time lies in full
//! chunks too. So every chunk but the open one is never rewritten, and the open one only grows:
//! its records before are the same bytes. A chunk stays well under the 128 KiB above which
//! sled would move a value to a blob file it never fsyncs (one record alone may pass
//! `CHUNK_BYTES`). The head marker `H` → `position ‖ hash` and the chunk's Merkle tree hashes
//! `T <position>` are written in the same atomic batch.

/// Tag of chunk keys.
pub const LOG: u8 = b'L';
/// Tag of the Merkle tree's chunks: `T <position>` holds the tree hashes that the records of
/// the chunk `L <position>` store (the roots of the subtrees of 8 records and more they
/// complete; see `tree`), 32 bytes each.
pub const TREE: u8 = b'T';
/// Tag of the compression dictionaries: `D <id>` (big-endian u32) holds a dictionary that
/// records may be compressed with (see `compress`), written with the first record that uses it.
pub const DICTIONARY: u8 = b'D';
/// `H` → `position ‖ hash`: the chain's head, written with every commit.
pub const HEAD: &[u8] = b"H";
/// A chunk is closed once adding the next record would take it past this size.
pub const CHUNK_BYTES: usize = 24 * 1024;

/// `L pos`: the key of the chunk whose first record is at `position`.
pub fn log(position: u64) -> [u8; 9] {
    let mut k = [LOG; 9];
    k[1..].copy_from_slice(&position.to_be_bytes());
    k
}

/// `T pos`: the key of the tree hashes of the chunk whose first record is at `position`.
pub fn tree(position: u64) -> [u8; 9] {
    let mut k = [TREE; 9];
    k[1..].copy_from_slice(&position.to_be_bytes());
    k
}

/// `D id`: the key of a compression dictionary.
pub fn dictionary(id: u32) -> [u8; 5] {
    let mut k = [DICTIONARY; 5];
    k[1..].copy_from_slice(&id.to_be_bytes());
    k
}

/// The first position of a chunk key.
pub fn position(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(1..9)?.try_into().ok()?))
}

/// Appends one record to a chunk being built.
pub fn push_record(chunk: &mut Vec<u8>, record: &[u8]) {
    let len = u32::try_from(record.len()).expect("records are far below 4 GiB");
    chunk.extend_from_slice(&len.to_be_bytes());
    chunk.extend_from_slice(record);
}

/// The records of a chunk, in order; an `Err` item (and nothing after it) where the framing is
/// damaged.
pub fn records(chunk: &[u8]) -> impl Iterator<Item = Result<&[u8], ()>> {
    let mut rest = chunk;
    let mut failed = false;
    std::iter::from_fn(move || {
        if rest.is_empty() || failed {
            return None;
        }
        let record = rest
            .split_first_chunk::<4>()
            .and_then(|(len, tail)| tail.split_at_checked(u32::from_be_bytes(*len) as usize));
        match record {
            Some((record, tail)) => {
                rest = tail;
                Some(Ok(record))
            }
            None => {
                failed = true;
                Some(Err(()))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_position() {
        assert!(log(255) < log(256));
        assert_eq!(position(&log(256)), Some(256));
    }

    #[test]
    fn chunks_frame_their_records() {
        let mut chunk = Vec::new();
        push_record(&mut chunk, b"abc");
        push_record(&mut chunk, b"");
        push_record(&mut chunk, b"de");
        let got: Vec<_> = records(&chunk).collect();
        assert_eq!(got, vec![Ok(&b"abc"[..]), Ok(&b""[..]), Ok(&b"de"[..])]);
        chunk.pop();
        assert_eq!(records(&chunk).last(), Some(Err(())));
    }
}
