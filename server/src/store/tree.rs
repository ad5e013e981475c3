//! The log's Merkle tree: the interior hashes each commit adds, kept on disk beside its chunk,
//! and the proofs read from them in O(log n).
//!
//! Hashes are numbered as in Go's `sumdb/tlog` (Crosby and Wallach's post-order): appending
//! leaf `n` completes its leaf hash and the root of every subtree it closes, two hashes on
//! average. Only the roots of subtrees of [`STORED_FROM`] levels and up (8 records and more)
//! are stored; a lower hash is recomputed from at most 8 records when a proof needs it. Storing
//! every level cost 64 bytes an event, a seventh of the log on disk; these cost 8. The hashes
//! a chunk's records store are kept under `T <position of the chunk's first record>`, written
//! in the same atomic batch as the chunk (`keys`), so the tree never lags the log. The writer
//! keeps the [`Frontier`] (the newest complete subtree of each level) in memory and never
//! reads the disk to append.

use super::StoreError;
use super::keys;
use super::record;
use super::view::View;
use antikor_shared::tlog::{self, Hash};
use serde::{Deserialize, Serialize};
use tlog_tiles::{HashReader, split_stored_hash_index};

/// The newest complete subtree at each level: enough to add leaves and compute the root.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredFrontier", into = "StoredFrontier")]
pub struct Frontier {
    size: u64,
    /// By level: the subtree's index within its level, and its hash.
    nodes: Vec<(u64, Hash)>,
}

/// A [`Frontier`] as stored in a snapshot (`Hash` has no serde form of its own).
#[derive(Serialize, Deserialize)]
struct StoredFrontier {
    size: u64,
    nodes: Vec<(u64, [u8; 32])>,
}

impl From<StoredFrontier> for Frontier {
    fn from(f: StoredFrontier) -> Self {
        let nodes = f.nodes.into_iter().map(|(n, h)| (n, Hash(h))).collect();
        Self {
            size: f.size,
            nodes,
        }
    }
}

impl From<Frontier> for StoredFrontier {
    fn from(f: Frontier) -> Self {
        let nodes = f.nodes.into_iter().map(|(n, h)| (n, h.0)).collect();
        Self {
            size: f.size,
            nodes,
        }
    }
}

impl Frontier {
    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Adds the next leaf and returns the hashes it stores, in storage order.
    pub fn push(&mut self, leaf: Hash) -> Vec<Hash> {
        let n = self.size;
        let hashes = tlog_tiles::stored_hashes_for_record_hash(n, leaf, self)
            .expect("the frontier holds every left sibling of the next leaf");
        for (level, hash) in hashes.iter().enumerate() {
            let node = (n >> level, *hash);
            match self.nodes.get_mut(level) {
                Some(slot) => *slot = node,
                None => self.nodes.push(node),
            }
        }
        self.size += 1;
        hashes
    }

    /// The stored-hash indexes of the frontier of the tree of `size` leaves: the newest
    /// complete subtree of each level, lowest first (see [`Frontier::from_hashes`]).
    pub fn indexes(size: u64) -> Vec<u64> {
        (0..64)
            .take_while(|level| size >> level > 0)
            .map(|level| tlog_tiles::stored_hash_index(level, (size >> level) - 1))
            .collect()
    }

    /// The frontier of the tree of `size` leaves, from the hashes at its
    /// [`indexes`](Frontier::indexes): what a writer that did not push those leaves itself
    /// needs to go on.
    pub fn from_hashes(size: u64, hashes: Vec<Hash>) -> Self {
        let nodes = (0..)
            .zip(hashes)
            .map(|(level, hash)| ((size >> level) - 1, hash))
            .collect();
        Self { size, nodes }
    }

    /// The root of the tree of all leaves pushed so far.
    pub fn root(&self) -> Hash {
        tlog_tiles::tree_hash(self.size, self)
            .expect("the frontier holds the subtrees that make up the tree")
    }
}

impl HashReader for Frontier {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        indexes
            .iter()
            .map(|&index| {
                let (level, n) = split_stored_hash_index(index);
                match self.nodes.get(usize::from(level)) {
                    Some((at, hash)) if *at == n => Ok(*hash),
                    _ => Err(tlog_tiles::Error::IndexesNotInTree),
                }
            })
            .collect()
    }
}

/// The lowest level of the tree whose hashes are stored: the roots of subtrees of 8 records.
pub const STORED_FROM: u8 = 3;

/// Of the hashes [`Frontier::push`] gives for one record (level 0 first), those stored.
pub fn stored(hashes: &[Hash]) -> &[Hash] {
    &hashes[hashes.len().min(usize::from(STORED_FROM))..]
}

/// How many hashes the records before the one at `position` stored, in all.
fn stored_before(position: u64) -> u64 {
    let records = position - 1;
    (STORED_FROM..64).map(|level| records >> level).sum()
}

/// The first position of the chunk that stores a position (see `index::Index::chunk_of`).
pub type ChunkOf<'b> = &'b dyn Fn(u64) -> Option<u64>;

/// Reads stored hashes from the tree chunks.
pub struct DiskHashes<'a, 'b> {
    view: &'b View<'a>,
    chunk_of: ChunkOf<'b>,
}

impl<'a, 'b> DiskHashes<'a, 'b> {
    /// Reads from `view` the chunks `chunk_of` names.
    pub fn new(view: &'b View<'a>, chunk_of: ChunkOf<'b>) -> Self {
        Self { view, chunk_of }
    }

    fn read_one(&self, index: u64) -> Result<Hash, StoreError> {
        let (level, n) = split_stored_hash_index(index);
        if level < STORED_FROM {
            return self.recompute(level, n);
        }
        // The hash was stored with the record that completed its subtree, after the hashes of
        // the levels below it that the record stored.
        let position = (n + 1) << level;
        let missing = |detail: &str| StoreError::Corrupt {
            position,
            detail: format!("the Merkle tree's hash {index} {detail}"),
        };
        let first = (self.chunk_of)(position).ok_or_else(|| missing("is past the log"))?;
        let Some(value) = self.view.get(&keys::tree(first))? else {
            return Err(missing("is missing"));
        };
        let offset =
            stored_before(position) - stored_before(first) + u64::from(level - STORED_FROM);
        let offset = usize::try_from(offset).map_err(|_| missing("is out of range"))?;
        value
            .get(offset * 32..offset * 32 + 32)
            .map(|h| Hash(h.try_into().expect("32 bytes")))
            .ok_or_else(|| missing("is missing"))
    }

    /// The `n`th hash of a level that is not stored, from the leaves of the records under it.
    fn recompute(&self, level: u8, n: u64) -> Result<Hash, StoreError> {
        let width = 1u64 << level;
        let mut hashes = (n * width + 1..=(n + 1) * width)
            .map(|position| self.leaf(position))
            .collect::<Result<Vec<_>, _>>()?;
        while hashes.len() > 1 {
            hashes = hashes
                .chunks(2)
                .map(|pair| tlog_tiles::node_hash(pair[0], pair[1]))
                .collect();
        }
        Ok(hashes[0])
    }

    /// The leaf hash of the record at `position`.
    fn leaf(&self, position: u64) -> Result<Hash, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt { position, detail };
        super::sled_store::with_record(self.view, (self.chunk_of)(position), position, |record| {
            let json = record::split(record)
                .ok_or_else(|| corrupt("the record is shorter than its hash".into()))?
                .1;
            let leaf = tlog::leaf_bytes(json).map_err(|e| corrupt(e.to_string()))?;
            Ok(tlog::leaf_hash(&leaf))
        })?
        .ok_or_else(|| corrupt("the Merkle tree needs a record past the log".into()))
    }
}

impl HashReader for DiskHashes<'_, '_> {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        indexes
            .iter()
            .map(|&i| {
                self.read_one(i).map_err(|e| {
                    tracing::error!(error = %e, "reading the Merkle tree failed");
                    tlog_tiles::Error::IndexesNotInTree
                })
            })
            .collect()
    }
}

fn proof_error(e: tlog_tiles::Error) -> StoreError {
    StoreError::Io(format!("the Merkle tree could not be read ({e})"))
}

/// The root of the tree of the first `size` events.
pub fn root(view: &View, chunk_of: ChunkOf, size: u64) -> Result<Hash, StoreError> {
    tlog_tiles::tree_hash(size, &DiskHashes::new(view, chunk_of)).map_err(proof_error)
}

/// The audit path of the event at `position` in the tree of `size` events.
pub fn inclusion(
    view: &View,
    chunk_of: ChunkOf,
    position: u64,
    size: u64,
) -> Result<Vec<Hash>, StoreError> {
    tlog_tiles::prove_record(size, position - 1, &DiskHashes::new(view, chunk_of))
        .map_err(proof_error)
}

/// The consistency proof from the tree of `from` events to the tree of `to` events.
pub fn consistency(
    view: &View,
    chunk_of: ChunkOf,
    from: u64,
    to: u64,
) -> Result<Vec<Hash>, StoreError> {
    if from == 0 || from == to {
        return Ok(Vec::new());
    }
    tlog_tiles::prove_tree(to, from, &DiskHashes::new(view, chunk_of)).map_err(proof_error)
}

/// Hashes as the bytes of a tree chunk.
pub fn encode(hashes: &[Hash]) -> Vec<u8> {
    hashes.iter().flat_map(|h| h.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::tlog::leaf_hash;

    #[test]
    fn the_frontier_gives_the_roots_of_a_tree_built_from_all_leaves() {
        let mut frontier = Frontier::default();
        let mut leaves = Vec::new();
        for i in 0u32..300 {
            let leaf = leaf_hash(&i.to_be_bytes());
            leaves.push(leaf);
            frontier.push(leaf);
            assert_eq!(frontier.root(), naive_root(&leaves), "size {}", i + 1);
        }
    }

    #[test]
    fn a_frontier_loaded_from_the_hashes_goes_on_as_the_one_that_pushed_them() {
        let mut pushed = Frontier::default();
        let mut all = Vec::new();
        for i in 0u32..130 {
            all.extend(pushed.push(leaf_hash(&i.to_be_bytes())));
            let size = pushed.size();
            let hashes = Stored(&all).read_hashes(&Frontier::indexes(size)).unwrap();
            let mut loaded = Frontier::from_hashes(size, hashes);
            assert_eq!(loaded, pushed, "size {}", i + 1);
            let next = leaf_hash(b"next");
            assert_eq!(loaded.push(next), pushed.clone().push(next));
        }
    }

    /// Every hash the pushes stored, by its stored-hash index.
    struct Stored<'a>(&'a [Hash]);

    impl HashReader for Stored<'_> {
        fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
            Ok(indexes.iter().map(|&i| self.0[i as usize]).collect())
        }
    }

    #[test]
    fn a_stored_hash_is_found_where_the_records_before_it_put_theirs() {
        let mut frontier = Frontier::default();
        let mut leaves = Vec::new();
        let mut stored_hashes = Vec::new();
        for i in 0u32..300 {
            let position = u64::from(i) + 1;
            assert_eq!(stored_before(position), stored_hashes.len() as u64);
            let leaf = leaf_hash(&i.to_be_bytes());
            leaves.push(leaf);
            let hashes = frontier.push(leaf);
            assert_eq!(stored(&hashes).len(), hashes.len().saturating_sub(3));
            stored_hashes.extend_from_slice(stored(&hashes));
        }
        // Every subtree of 8 leaves or more, at the offset `read_one` computes for it.
        for level in STORED_FROM..9 {
            let width = 1usize << level;
            for n in 0..leaves.len() / width {
                let position = ((n + 1) * width) as u64;
                let at = stored_before(position) + u64::from(level - STORED_FROM);
                assert_eq!(
                    stored_hashes[at as usize],
                    naive_root(&leaves[n * width..(n + 1) * width]),
                    "level {level}, subtree {n}"
                );
            }
        }
    }

    fn naive_root(leaves: &[Hash]) -> Hash {
        if leaves.len() == 1 {
            return leaves[0];
        }
        let split = 1usize << (usize::BITS - 1 - (leaves.len() - 1).leading_zeros());
        tlog_tiles::node_hash(naive_root(&leaves[..split]), naive_root(&leaves[split..]))
    }
}
