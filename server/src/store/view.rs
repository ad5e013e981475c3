//! What readers see of the log's keys: sled, and the commits made since the last checkpoint,
//! which are durable in the anchor's journal but not yet applied to sled (see `anchor`).
//!
//! Applying each commit to sled as it is made would cost a trip to the disk per commit: sled
//! 0.34 seals and writes its buffer after every `apply_batch`, flushed or not. So commits are
//! kept here, in memory, until a checkpoint applies them all to sled in one batch. Readers take
//! a snapshot (an `Arc`, no lock held while reading) and look in it before sled: a snapshot
//! taken before a checkpoint finds the same keys in both, which reads the same.

use super::compress::{Chunk, Unpacker};
use sled::IVec;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::iter::Peekable;
use std::ops::Bound;
use std::sync::Arc;

/// The keys and values committed since the last checkpoint.
pub type Recent = Arc<BTreeMap<IVec, IVec>>;

/// sled with the recent commits laid over it.
pub struct View<'a> {
    db: &'a sled::Db,
    recent: Recent,
    unpacker: Arc<Unpacker>,
}

impl<'a> View<'a> {
    /// sled with `recent` over it; compressed records are read with `unpacker`'s dictionaries.
    pub fn new(db: &'a sled::Db, recent: Recent, unpacker: Arc<Unpacker>) -> Self {
        Self {
            db,
            recent,
            unpacker,
        }
    }

    /// sled alone (before the writer runs).
    pub fn sled(db: &'a sled::Db) -> Self {
        Self::new(db, Recent::default(), Arc::default())
    }

    /// A stored record as `hash ‖ JSON`, decompressed when an older log stored it compressed
    /// on its own.
    pub fn unpack<'r>(&self, record: &'r [u8]) -> Result<Cow<'r, [u8]>, String> {
        self.unpacker
            .unpack(record, |id| self.get(&super::keys::dictionary(id)))
    }

    /// A stored chunk as its records, decompressed when it is stored compressed: for a walk,
    /// which reads each chunk once.
    pub fn unpack_chunk(&self, stored: &IVec) -> Result<Chunk, String> {
        self.unpacker
            .unpack_chunk(stored, |id| self.get(&super::keys::dictionary(id)))
    }

    /// The records of the chunk that starts at `first` from its `index`th on (at least that
    /// one), and its index among them: for reads of single events (see
    /// [`Unpacker::records_from`]).
    pub fn records_from(
        &self,
        first: u64,
        stored: &IVec,
        index: usize,
    ) -> Result<(Chunk, usize), String> {
        self.unpacker.records_from(first, stored, index, |id| {
            self.get(&super::keys::dictionary(id))
        })
    }

    /// The value under `key`.
    pub fn get(&self, key: &[u8]) -> sled::Result<Option<IVec>> {
        match self.recent.get(key) {
            Some(value) => Ok(Some(value.clone())),
            None => shielded(|| self.db.get(key)),
        }
    }

    /// The entries with keys in `from..to`, in key order.
    pub fn range(
        &self,
        from: &[u8],
        to: &[u8],
    ) -> impl Iterator<Item = sled::Result<(IVec, IVec)>> + 'a {
        let recent: Vec<(IVec, IVec)> = self
            .recent
            .range::<[u8], _>((Bound::Included(from), Bound::Excluded(to)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Merge {
            recent: recent.into_iter().peekable(),
            stored: self.db.range(from..to).peekable(),
        }
    }
}

/// Two ordered sources merged by key; on equal keys the recent value is taken.
struct Merge {
    recent: Peekable<std::vec::IntoIter<(IVec, IVec)>>,
    stored: Peekable<sled::Iter>,
}

impl Iterator for Merge {
    type Item = sled::Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        shielded(|| Ok(self.merge_next())).unwrap_or_else(|e| Some(Err(e)))
    }
}

impl Merge {
    fn merge_next(&mut self) -> Option<sled::Result<(IVec, IVec)>> {
        let stored_key = match self.stored.peek() {
            Some(Err(_)) => return self.stored.next(),
            Some(Ok((key, _))) => Some(key.clone()),
            None => None,
        };
        match (self.recent.peek(), stored_key) {
            (Some((recent_key, _)), Some(stored_key)) => {
                if *recent_key <= stored_key {
                    if *recent_key == stored_key {
                        self.stored.next();
                    }
                    self.recent.next().map(Ok)
                } else {
                    self.stored.next()
                }
            }
            (Some(_), None) => self.recent.next().map(Ok),
            (None, _) => self.stored.next(),
        }
    }
}

/// Runs a read of sled, turning a panic inside sled into an error. sled 0.34 asserts on states
/// that only damaged files produce; such damage must be reported to the reader (and by the
/// start-up walk as a break), not take the request or the process down.
pub fn shielded<T>(read: impl FnOnce() -> sled::Result<T>) -> sled::Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|panic| {
        Err(sled::Error::ReportableBug(format!(
            "the database failed on damaged files: {}",
            panic_message(panic.as_ref())
        )))
    })
}

/// The text a panic was raised with.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keys_are_read_over_sleds_in_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        for k in [1u8, 3, 5] {
            db.insert([k], vec![k]).unwrap();
        }
        let recent: BTreeMap<IVec, IVec> = [(2u8, 20u8), (5, 50), (7, 70)]
            .into_iter()
            .map(|(k, v)| (IVec::from(&[k][..]), IVec::from(&[v][..])))
            .collect();
        let view = View::new(&db, Arc::new(recent), Arc::default());
        let all: Vec<(u8, u8)> = view
            .range(&[0], &[9])
            .map(|kv| kv.map(|(k, v)| (k[0], v[0])).unwrap())
            .collect();
        assert_eq!(all, vec![(1, 1), (2, 20), (3, 3), (5, 50), (7, 70)]);
        assert_eq!(view.get(&[5]).unwrap().unwrap()[0], 50);
        assert_eq!(view.get(&[3]).unwrap().unwrap()[0], 3);
        assert_eq!(View::sled(&db).get(&[5]).unwrap().unwrap()[0], 5);
    }
}
