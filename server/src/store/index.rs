//! In-memory indexes of the log: by event id, stream, tenant and event type, each position's
//! type, and the chunk that stores each position.
//!
//! sled's cost is per key, so the log stores one key per event and nothing else; these
//! indexes are rebuilt by the scan that verifies the chain at start-up (a few tens of bytes per
//! event) and extended by the writer after each durable commit.

use antikor_shared::{StreamId, TenantId};
use foldhash::HashMap;
use itertools::Either;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use uuid::Uuid;

/// What the indexes need to know of one event.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    /// Its position.
    pub position: u64,
    /// Its id.
    pub id: Uuid,
    /// Its tenant.
    pub tenant: &'a str,
    /// Its stream.
    pub stream: &'a str,
    /// Its type.
    pub event_type: &'a str,
}

/// Positions of the log's events, grouped every way the readers ask for them. Every list is
/// in ascending position order. Maps are keyed so that lookups borrow (`&str`) and inserts
/// allocate a key only the first time it is seen.
///
/// Each position is in one list per tenant and type (and one per stream): a tenant's events,
/// or a type's across tenants, are merged from those lists when a page is read, rather than
/// kept a second and a third time.
#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    ids: Ids,
    /// Per tenant: its streams' positions (the event at index `i` of a stream has version
    /// `i + 1`), and its positions by event type.
    tenants: HashMap<TenantId, TenantIndex>,
    /// Each type's number (see `kinds`), by name.
    types: HashMap<Arc<str>, u16>,
    /// Each type seen, by its number.
    kind_names: Vec<Arc<str>>,
    /// The number of each position's type (position `p` at index `p - 1`; two bytes an
    /// event): a read of every position skips the types its reader may not see without reading
    /// those events.
    kinds: Vec<u16>,
    /// The first position of every stored chunk, ascending: a record is read by its chunk's
    /// exact key. A lookup by any other key may land sled on a neighbouring node, and on
    /// damaged files that node may be the unreadable one, past the part still served.
    chunks: Vec<u64>,
    /// What the names of streams keyed by an id start with, by number (see [`StreamKey`]).
    prefixes: Vec<Box<str>>,
}

/// A stream's name as the index keeps it. Most streams are one record's (an activity, a
/// signal) and named by a prefix and the record's id: those are kept as the prefix's number
/// and the id's sixteen bytes, without an allocation each; any other name as it is. Either
/// way the key stands for exactly one name.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
enum StreamKey {
    Id(u16, Uuid),
    Name(Box<str>),
}

/// How long a hyphenated id is.
const ID_TEXT: usize = 36;

/// A name's prefix and id, when it ends in an id spelled the one way `Uuid` writes it.
pub(super) fn split_id(name: &str) -> Option<(&str, Uuid)> {
    let at = name.len().checked_sub(ID_TEXT)?;
    let (prefix, text) = (name.get(..at)?, name.get(at..)?);
    let id = Uuid::try_parse(text).ok()?;
    let mut spelled = [0; ID_TEXT];
    (id.hyphenated().encode_lower(&mut spelled) == text).then_some((prefix, id))
}

/// A stream's positions: most streams (an activity's) hold one event.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
enum Positions {
    One(u64),
    Many(Vec<u64>),
}

impl Positions {
    fn push(&mut self, position: u64) {
        match self {
            Self::One(first) => *self = Self::Many(vec![*first, position]),
            Self::Many(list) => list.push(position),
        }
    }

    fn as_slice(&self) -> &[u64] {
        match self {
            Self::One(first) => std::slice::from_ref(first),
            Self::Many(list) => list,
        }
    }
}

#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TenantIndex {
    streams: HashMap<StreamKey, Positions>,
    /// Its positions of each type, by the type's number.
    types: Vec<Vec<u64>>,
}

/// Event ids and their positions, in about thirteen bytes an event rather than the thirty or
/// more of a map of the ids themselves.
///
/// Most ids are kept as a 64-bit fingerprint (the id's two halves xored) and a 32-bit position
/// in a sorted array of packed entries: a snapshot reads it back as one run of bytes, and a
/// lookup is a binary search. A fingerprint's position there is only a candidate, which the
/// caller confirms by reading the event. The newest ids wait whole in a small map, which is
/// merged into the array once it holds an eighth as many; an id whose fingerprint the array
/// holds already is then kept whole for good. Inserting never searches the array (a start
/// inserts every id of the log), and a one-bit-per-run filter of the array's fingerprints
/// answers most lookups of ids never stored (every append asks) without searching it either.
#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Ids {
    /// Entries of [`ENTRY`] bytes, by fingerprint: the fingerprint, then the position, each
    /// big-endian (so that the bytes sort as the numbers do).
    #[serde(with = "serde_bytes")]
    sorted: Vec<u8>,
    /// A bit for each run of fingerprints with the same leading bits (a power of two of runs,
    /// about eight per entry), set when `sorted` holds one of them.
    #[serde(with = "serde_bytes")]
    filter: Vec<u8>,
    recent: HashMap<u64, (u32, Uuid)>,
    whole: HashMap<Uuid, u64>,
}

/// The size of one sorted entry.
const ENTRY: usize = 12;

/// Below this many recent ids no merge is worth its copy.
const MERGE_AT_LEAST: usize = 4096;

impl Ids {
    fn fingerprint(id: &Uuid) -> u64 {
        let (high, low) = id.as_u64_pair();
        high ^ low
    }

    fn insert(&mut self, id: Uuid, position: u64) {
        let fingerprint = Self::fingerprint(&id);
        match u32::try_from(position) {
            Ok(short) if !self.recent.contains_key(&fingerprint) => {
                self.recent.insert(fingerprint, (short, id));
                if self.recent.len() >= MERGE_AT_LEAST.max(self.sorted.len() / ENTRY / 8) {
                    self.merge();
                }
            }
            _ => {
                self.whole.insert(id, position);
            }
        }
    }

    /// The filter's byte and bit for a fingerprint.
    fn filter_bit(filter: &[u8], fingerprint: u64) -> Option<(usize, u8)> {
        let bits = filter
            .len()
            .checked_mul(8)
            .filter(|b| b.is_power_of_two())?;
        let run = usize::try_from(fingerprint >> (64 - bits.trailing_zeros())).ok()?;
        Some((run / 8, 1 << (run % 8)))
    }

    /// The position under a fingerprint in the sorted array.
    fn search(&self, fingerprint: u64) -> Option<u32> {
        let (byte, bit) = Self::filter_bit(&self.filter, fingerprint)?;
        if self.filter[byte] & bit == 0 {
            return None;
        }
        let at = |i: usize| {
            let entry = &self.sorted[i * ENTRY..(i + 1) * ENTRY];
            let (key, position) = entry.split_at(8);
            (
                u64::from_be_bytes(key.try_into().expect("eight bytes")),
                u32::from_be_bytes(position.try_into().expect("four bytes")),
            )
        };
        let (mut lo, mut hi) = (0, self.sorted.len() / ENTRY);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let (key, position) = at(mid);
            match key.cmp(&fingerprint) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(position),
            }
        }
        None
    }

    /// Moves the recent ids into the sorted array.
    fn merge(&mut self) {
        let recent: Vec<Walked> = self
            .recent
            .drain()
            .map(|(key, (position, id))| Walked { key, position, id })
            .collect();
        self.merge_in(recent);
    }

    /// Moves ids into the sorted array (those whose fingerprint it holds already, or an id
    /// before them does, into the whole ones), and makes the filter again for the array's new
    /// size. Of ids that share a fingerprint the first by position takes the array's place.
    fn merge_in(&mut self, mut ids: Vec<Walked>) {
        ids.sort_unstable_by_key(|w| (w.key, w.position));
        let mut merged = Vec::with_capacity(self.sorted.len() + ids.len() * ENTRY);
        let mut old = self.sorted.chunks_exact(ENTRY).peekable();
        let mut last = None;
        for Walked { key, position, id } in ids {
            let key_bytes = key.to_be_bytes();
            while let Some(entry) = old.next_if(|e| e[..8] < key_bytes[..]) {
                merged.extend_from_slice(entry);
            }
            let taken = last == Some(key) || old.peek().is_some_and(|e| e[..8] == key_bytes[..]);
            if taken {
                self.whole.insert(id, u64::from(position));
            } else {
                merged.extend_from_slice(&key_bytes);
                merged.extend_from_slice(&position.to_be_bytes());
            }
            last = Some(key);
        }
        for entry in old {
            merged.extend_from_slice(entry);
        }
        self.sorted = merged;
        let entries = self.sorted.len() / ENTRY;
        self.filter = vec![0; (entries.max(8192) * 8).next_power_of_two() / 8];
        for entry in self.sorted.chunks_exact(ENTRY) {
            let key = u64::from_be_bytes(entry[..8].try_into().expect("eight bytes"));
            if let Some((byte, bit)) = Self::filter_bit(&self.filter, key) {
                self.filter[byte] |= bit;
            }
        }
    }

    /// Where `id` may be stored: its own position when it is recent or kept whole, otherwise
    /// the position of the id that holds its fingerprint in the sorted array.
    fn candidate(&self, id: &Uuid) -> Option<Candidate> {
        if let Some(position) = self.whole.get(id) {
            return Some(Candidate::Sure(*position));
        }
        let fingerprint = Self::fingerprint(id);
        if let Some((position, recent)) = self.recent.get(&fingerprint)
            && recent == id
        {
            return Some(Candidate::Sure(u64::from(*position)));
        }
        let position = self.search(fingerprint)?;
        Some(Candidate::Check(u64::from(position)))
    }
}

/// An id waiting to be merged into the sorted array: its fingerprint, position and itself.
struct Walked {
    key: u64,
    position: u32,
    id: Uuid,
}

/// Where an id may be stored (see [`Index::position_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// It is stored there.
    Sure(u64),
    /// It is stored there if the event there has this id; if not, it is stored nowhere.
    Check(u64),
}

impl Index {
    /// Adds one event (positions must come one after another from 1).
    pub fn add(&mut self, e: &Entry<'_>) -> Result<(), String> {
        self.add_but_id(e)?;
        self.ids.insert(e.id, e.position);
        Ok(())
    }

    /// Adds one event but for its id.
    fn add_but_id(&mut self, e: &Entry<'_>) -> Result<(), String> {
        if e.position != self.kinds.len() as u64 + 1 {
            return Err(format!(
                "position {} indexed after position {}",
                e.position,
                self.kinds.len()
            ));
        }
        if !self.tenants.contains_key(e.tenant) {
            let tenant = TenantId::parse(e.tenant).map_err(|err| err.to_string())?;
            self.tenants.insert(tenant, TenantIndex::default());
        }
        let kind = match self.types.get(e.event_type) {
            Some(kind) => *kind,
            None => {
                let kind = u16::try_from(self.kind_names.len())
                    .map_err(|_| "too many event types".to_owned())?;
                let name: Arc<str> = Arc::from(e.event_type);
                self.kind_names.push(name.clone());
                self.types.insert(name, kind);
                kind
            }
        };
        let key = self.stream_key(e.stream);
        let tenant = self.tenants.get_mut(e.tenant).expect("inserted above");
        match tenant.streams.get_mut(&key) {
            Some(positions) => positions.push(e.position),
            None => {
                StreamId::parse(e.stream).map_err(|err| err.to_string())?;
                tenant.streams.insert(key, Positions::One(e.position));
            }
        }
        let of_kind = usize::from(kind);
        if tenant.types.len() <= of_kind {
            tenant.types.resize_with(of_kind + 1, Vec::new);
        }
        tenant.types[of_kind].push(e.position);
        self.kinds.push(kind);
        Ok(())
    }

    /// Notes that a chunk of records starts at `first` (chunks come in position order).
    pub fn add_chunk(&mut self, first: u64) {
        if self.chunks.last().is_none_or(|last| *last < first) {
            self.chunks.push(first);
        }
    }

    /// The first position of the chunk that stores the indexed `position`.
    pub fn chunk_of(&self, position: u64) -> Option<u64> {
        if position == 0 || position > self.kinds.len() as u64 {
            return None;
        }
        let after = self.chunks.partition_point(|first| *first <= position);
        after.checked_sub(1).map(|i| self.chunks[i])
    }

    /// Which positions a read may return: those up to `head` whose type `sight` accepts and,
    /// when `only` names one, of that type. `None` when no position can pass (the type is out
    /// of sight or not in the log), so that the read need not look.
    pub fn visible(
        &self,
        head: u64,
        sight: &dyn Fn(&str) -> bool,
        only: Option<&str>,
    ) -> Option<Sight<'_>> {
        let in_sight: Vec<bool> = self
            .kind_names
            .iter()
            .map(|name| sight(name) && only.is_none_or(|t| t == &**name))
            .collect();
        in_sight.contains(&true).then_some(Sight {
            index: self,
            head,
            in_sight,
        })
    }

    /// How many positions are indexed (the index covers positions 1 to this).
    pub fn len(&self) -> u64 {
        self.kinds.len() as u64
    }

    /// Whether no position is indexed.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Where the event with `id` may be stored (see [`Candidate`]).
    pub fn position_of(&self, id: &Uuid) -> Option<Candidate> {
        self.ids.candidate(id)
    }

    /// The stream's current version (0 when it has no events).
    pub fn stream_version(&self, tenant: &str, stream: &str) -> u64 {
        self.stream(tenant, stream).len() as u64
    }

    /// A stream's positions, version 1 first.
    pub fn stream(&self, tenant: &str, stream: &str) -> &[u64] {
        let Some(streams) = self.tenants.get(tenant).map(|t| &t.streams) else {
            return &[];
        };
        // Only `add` makes new prefixes: a lookup never needs `&mut`.
        let key = self.stream_key_known(stream);
        key.and_then(|key| streams.get(&key))
            .map_or(&[], Positions::as_slice)
    }

    /// A tenant's streams that are named rather than keyed by a record's id (its plans,
    /// progress reports, accounts, lists), with how many events each holds.
    pub fn named_streams(&self, tenant: &str) -> Vec<(&str, u64)> {
        let Some(streams) = self.tenants.get(tenant).map(|t| &t.streams) else {
            return Vec::new();
        };
        streams
            .iter()
            .filter_map(|(key, positions)| match key {
                // A record's stream kept by name once the prefixes ran out is still a record's.
                StreamKey::Name(name) if split_id(name).is_none() => {
                    Some((&**name, positions.as_slice().len() as u64))
                }
                _ => None,
            })
            .collect()
    }

    /// The key of a stream's name, adding its prefix to the known ones (the name is kept
    /// whole once there are as many prefixes as a key can number).
    fn stream_key(&mut self, name: &str) -> StreamKey {
        if let Some((prefix, id)) = split_id(name) {
            let number = match self.prefixes.iter().position(|p| **p == *prefix) {
                Some(number) => u16::try_from(number).ok(),
                None => u16::try_from(self.prefixes.len())
                    .ok()
                    .inspect(|_| self.prefixes.push(prefix.into())),
            };
            if let Some(number) = number {
                return StreamKey::Id(number, id);
            }
        }
        StreamKey::Name(name.into())
    }

    /// The key a stored stream of that name has; `None` when no stream can have it (its
    /// prefix is not a known one).
    fn stream_key_known(&self, name: &str) -> Option<StreamKey> {
        let Some((prefix, id)) = split_id(name) else {
            return Some(StreamKey::Name(name.into()));
        };
        match self.prefixes.iter().position(|p| **p == *prefix) {
            Some(number) => u16::try_from(number).ok().map(|n| StreamKey::Id(n, id)),
            None if self.prefixes.len() > usize::from(u16::MAX) => {
                Some(StreamKey::Name(name.into()))
            }
            None => None,
        }
    }
}

/// An index being extended by a walk of the log: the ids are gathered in a list and sorted
/// into the index a million at a time, instead of each going through the map of recent ids
/// (a walk adds every id of the log, and a map that large misses the cache on each). Nothing
/// is looked up in it until [`finish`](Self::finish) gives the index back.
pub struct IndexBuilder {
    index: Index,
    ids: Vec<Walked>,
}

/// How many ids a walk gathers before sorting them in (32 MB).
const WALKED_AT_ONCE: usize = 1 << 20;

impl IndexBuilder {
    /// Extends `index`.
    pub fn new(index: Index) -> Self {
        Self {
            index,
            ids: Vec::new(),
        }
    }

    /// Adds one event, like [`Index::add`].
    pub fn add(&mut self, e: &Entry<'_>) -> Result<(), String> {
        self.index.add_but_id(e)?;
        match u32::try_from(e.position) {
            Ok(position) => self.ids.push(Walked {
                key: Ids::fingerprint(&e.id),
                position,
                id: e.id,
            }),
            Err(_) => {
                self.index.ids.whole.insert(e.id, e.position);
            }
        }
        if self.ids.len() >= WALKED_AT_ONCE {
            self.sort_in();
        }
        Ok(())
    }

    /// Notes that a chunk of records starts at `first`, like [`Index::add_chunk`].
    pub fn add_chunk(&mut self, first: u64) {
        self.index.add_chunk(first);
    }

    /// The index with every event added.
    pub fn finish(mut self) -> Index {
        // A start from a snapshot that walks no further merges nothing: its recent ids stay
        // where they are rather than have the whole array copied for them.
        if !self.ids.is_empty() {
            self.sort_in();
        }
        self.index
    }

    fn sort_in(&mut self) {
        // The recent ids came before the gathered ones.
        let ids = &mut self.index.ids;
        let mut gathered: Vec<Walked> = ids
            .recent
            .drain()
            .map(|(key, (position, id))| Walked { key, position, id })
            .collect();
        gathered.append(&mut self.ids);
        if !gathered.is_empty() {
            ids.merge_in(gathered);
        }
    }
}

/// The positions one reader may see, and the lists that hold them.
pub struct Sight<'a> {
    index: &'a Index,
    head: u64,
    /// Per type number.
    in_sight: Vec<bool>,
}

impl Sight<'_> {
    /// Whether the reader may see `position`.
    pub fn keeps(&self, position: u64) -> bool {
        position <= self.head
            && usize::try_from(position)
                .ok()
                .and_then(|p| self.index.kinds.get(p.checked_sub(1)?))
                .is_some_and(|kind| self.in_sight[usize::from(*kind)])
    }

    /// A tenant's lists of the types in sight (one list per type).
    pub fn tenant<'s>(&'s self, tenant: &str) -> impl Iterator<Item = &'s [u64]> + 's {
        self.lists(self.index.tenants.get(tenant))
    }

    /// Every tenant's lists of the types in sight.
    pub fn all_tenants<'s>(&'s self) -> impl Iterator<Item = &'s [u64]> + 's {
        self.index
            .tenants
            .values()
            .flat_map(|t| self.lists(Some(t)))
    }

    fn lists<'s>(&'s self, tenant: Option<&'s TenantIndex>) -> impl Iterator<Item = &'s [u64]> {
        let lists = tenant.map(|t| t.types.as_slice()).unwrap_or_default();
        lists
            .iter()
            .zip(&self.in_sight)
            .filter(|(_, seen)| **seen)
            .map(|(list, _)| list.as_slice())
    }
}

/// Up to `limit` positions of `list` strictly after (`forward`) or before `cursor`, in the
/// direction of travel, of those `keep` accepts: the rest are passed over and take no place
/// in the page.
pub fn page(
    list: &[u64],
    forward: bool,
    cursor: u64,
    limit: usize,
    keep: impl Fn(u64) -> bool,
) -> Vec<u64> {
    if forward {
        let start = list.partition_point(|p| *p <= cursor);
        take(list[start..].iter().copied(), limit, keep)
    } else {
        let end = list.partition_point(|p| *p < cursor);
        take(list[..end].iter().rev().copied(), limit, keep)
    }
}

/// [`page`] over the union of several lists (a tenant's types, a province's tenants): the
/// lists are merged lazily from the cursor on, so a page costs a binary search per list and
/// its own length, however long the lists are.
pub fn page_merged<'a>(
    lists: impl Iterator<Item = &'a [u64]>,
    forward: bool,
    cursor: u64,
    limit: usize,
    keep: impl Fn(u64) -> bool,
) -> Vec<u64> {
    let from_cursor = lists.map(|list| {
        if forward {
            let start = list.partition_point(|p| *p <= cursor);
            Either::Left(list[start..].iter().copied())
        } else {
            let end = list.partition_point(|p| *p < cursor);
            Either::Right(list[..end].iter().rev().copied())
        }
    });
    let merged = itertools::kmerge_by(from_cursor, |a: &u64, b: &u64| (a < b) == forward);
    take(merged, limit, keep)
}

/// [`page`] over every position from 1 to `head`, without a list of them.
pub fn page_all(
    head: u64,
    forward: bool,
    cursor: u64,
    limit: usize,
    keep: impl Fn(u64) -> bool,
) -> Vec<u64> {
    if forward {
        take(cursor.saturating_add(1)..=head, limit, keep)
    } else {
        take((1..cursor.min(head.saturating_add(1))).rev(), limit, keep)
    }
}

fn take(
    positions: impl Iterator<Item = u64>,
    limit: usize,
    keep: impl Fn(u64) -> bool,
) -> Vec<u64> {
    positions.filter(|p| keep(*p)).take(limit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_page_is_the_page_of_the_union() {
        let (a, b) = ([1, 4, 5, 9], [2, 3, 8, 10]);
        let odd = |p: u64| p % 2 == 1;
        assert_eq!(
            page_merged([&a[..], &b[..]].into_iter(), true, 1, 3, odd),
            vec![3, 5, 9]
        );
        assert_eq!(
            page_merged([&a[..], &b[..]].into_iter(), false, 10, 3, |_| true),
            vec![9, 8, 5]
        );
        assert!(page_merged(std::iter::empty(), true, 0, 3, |_| true).is_empty());
    }

    #[test]
    fn pages_run_from_the_cursor_both_ways() {
        let list = [2, 4, 6, 8, 10];
        let all = |_| true;
        assert_eq!(page(&list, true, 4, 2, all), vec![6, 8]);
        assert_eq!(page(&list, true, 0, 9, all), vec![2, 4, 6, 8, 10]);
        assert_eq!(page(&list, false, 8, 9, all), vec![6, 4, 2]);
        assert_eq!(page(&list, false, u64::MAX, 1, all), vec![10]);
        assert!(page(&list, true, 10, 9, all).is_empty());
        assert_eq!(page_all(5, true, 3, 9, all), vec![4, 5]);
        assert_eq!(page_all(5, false, u64::MAX, 2, all), vec![5, 4]);
    }

    fn add(index: &mut Index, position: u64, tenant: &str, event_type: &str) {
        index
            .add(&Entry {
                position,
                id: Uuid::new_v4(),
                tenant,
                stream: "s",
                event_type,
            })
            .unwrap();
    }

    #[test]
    fn pages_pass_over_what_is_out_of_sight_and_still_fill_up() {
        let mut index = Index::default();
        for (position, event_type) in (1..).zip(["A", "Hidden", "Hidden", "B", "Hidden", "A"]) {
            add(&mut index, position, "t", event_type);
        }
        add(&mut index, 7, "u", "B");
        let sight = |t: &str| t != "Hidden";
        let seen = index.visible(7, &sight, None).unwrap();
        let keep = |p| seen.keeps(p);
        assert_eq!(page_all(7, false, u64::MAX, 2, keep), vec![7, 6]);
        assert_eq!(page_all(7, false, 6, 2, keep), vec![4, 1]);
        assert_eq!(page_merged(seen.tenant("t"), true, 1, 1, keep), vec![4]);
        assert_eq!(
            page_merged(seen.tenant("t"), true, 0, 9, keep),
            vec![1, 4, 6]
        );
        assert_eq!(
            page_merged(seen.all_tenants(), false, u64::MAX, 9, keep),
            vec![7, 6, 4, 1]
        );
        // Up to the head only: the writer indexes an event just before it raises the head.
        let seen = index.visible(5, &sight, None).unwrap();
        assert_eq!(
            page_all(7, false, u64::MAX, 9, |p| seen.keeps(p)),
            vec![4, 1]
        );
        let only_a = index.visible(7, &sight, Some("A")).unwrap();
        assert_eq!(
            page_merged(only_a.tenant("t"), false, u64::MAX, 9, |p| only_a.keeps(p)),
            vec![6, 1]
        );
        assert_eq!(
            page_merged(only_a.all_tenants(), false, u64::MAX, 9, |p| only_a
                .keeps(p)),
            vec![6, 1]
        );
        assert!(index.visible(6, &sight, Some("Hidden")).is_none());
        assert!(index.visible(6, &sight, Some("Unknown")).is_none());
    }

    #[test]
    fn each_indexed_position_is_found_in_the_chunk_that_starts_at_or_before_it() {
        let mut index = Index::default();
        for position in 1..=7 {
            add(&mut index, position, "t", "A");
        }
        for first in [1, 4, 4, 6] {
            index.add_chunk(first);
        }
        let chunks: Vec<_> = (0..=8).map(|p| index.chunk_of(p)).collect();
        assert_eq!(
            chunks,
            [
                None,
                Some(1),
                Some(1),
                Some(1),
                Some(4),
                Some(4),
                Some(6),
                Some(6),
                None
            ]
        );
    }

    /// Inserts fresh ids after `position` until the recent ones are merged; the last position.
    fn until_merged(ids: &mut Ids, mut position: u64) -> u64 {
        while !ids.recent.is_empty() {
            position += 1;
            ids.insert(Uuid::new_v4(), position);
        }
        position
    }

    #[test]
    fn ids_that_share_a_fingerprint_are_told_apart_before_and_after_a_merge() {
        let mut ids = Ids::default();
        let id = Uuid::from_u64_pair(5, 9);
        // Ids with the same fingerprint (their halves xor to the same value).
        let twin = Uuid::from_u64_pair(5 ^ 3, 9 ^ 3);
        let late_twin = Uuid::from_u64_pair(5 ^ 11, 9 ^ 11);
        let stranger = Uuid::from_u64_pair(5 ^ 7, 9 ^ 7);
        ids.insert(id, 1);
        ids.insert(twin, 2);
        assert_eq!(ids.candidate(&id), Some(Candidate::Sure(1)));
        assert_eq!(ids.candidate(&twin), Some(Candidate::Sure(2)));
        assert_eq!(ids.candidate(&stranger), None);
        let last = until_merged(&mut ids, 2);
        // Merged: the fingerprint is in the array, and only the event there can say whether
        // an id with that fingerprint is the one stored.
        assert_eq!(ids.candidate(&id), Some(Candidate::Check(1)));
        assert_eq!(ids.candidate(&twin), Some(Candidate::Sure(2)));
        assert_eq!(ids.candidate(&stranger), Some(Candidate::Check(1)));
        // A twin that comes after the merge waits in the recent map, then is kept whole.
        ids.insert(late_twin, last + 1);
        assert_eq!(ids.candidate(&late_twin), Some(Candidate::Sure(last + 1)));
        until_merged(&mut ids, last + 1);
        assert_eq!(ids.candidate(&late_twin), Some(Candidate::Sure(last + 1)));
        assert_eq!(ids.candidate(&id), Some(Candidate::Check(1)));
        assert!(ids.whole.contains_key(&late_twin));
    }

    #[test]
    fn every_id_is_found_however_often_the_fingerprints_were_merged() {
        let mut ids = Ids::default();
        let stored: Vec<Uuid> = (0..30_000).map(|_| Uuid::new_v4()).collect();
        for (position, id) in (1..).zip(&stored) {
            ids.insert(*id, position);
        }
        assert!(
            ids.sorted.len() / ENTRY > 20_000,
            "merged into the sorted array"
        );
        assert!(!ids.recent.is_empty(), "and some still recent");
        for (position, id) in (1..).zip(&stored) {
            let found = ids.candidate(id);
            let expected = [Candidate::Check(position), Candidate::Sure(position)];
            assert!(found.is_some_and(|f| expected.contains(&f)), "{found:?}");
        }
        // Ids never stored: the filter turns most away, the search the rest.
        for _ in 0..1000 {
            assert_eq!(ids.candidate(&Uuid::new_v4()), None);
        }
        let sorted: Vec<&[u8]> = ids.sorted.chunks(ENTRY).collect();
        assert!(sorted.is_sorted());
    }

    #[test]
    fn a_walk_finds_every_id_where_adding_them_one_at_a_time_does() {
        // A resumed index with recent and merged ids, extended by a walk that meets twins of
        // both (ids whose halves xor to the fingerprint of one already there) and of its own.
        let mut one_at_a_time = Index::default();
        let mut stored: Vec<Uuid> = (0..9_000).map(|_| Uuid::new_v4()).collect();
        let resumed_len = 6_000;
        let entry = |position, id: &Uuid| Entry {
            position,
            id: *id,
            tenant: "t",
            stream: "s",
            event_type: "A",
        };
        for (position, id) in (1..).zip(&stored[..resumed_len]) {
            one_at_a_time.add(&entry(position, id)).unwrap();
        }
        assert!(!one_at_a_time.ids.recent.is_empty() && !one_at_a_time.ids.sorted.is_empty());
        let twin = |id: &Uuid, flip: u64| {
            let (high, low) = id.as_u64_pair();
            Uuid::from_u64_pair(high ^ flip, low ^ flip)
        };
        let (merged, recent) = (stored[0], stored[resumed_len - 1]);
        stored[7_000] = twin(&merged, 1);
        stored[7_001] = twin(&recent, 1);
        stored[8_000] = twin(&stored[7_500], 1);
        let mut walked = IndexBuilder::new(one_at_a_time.clone());
        for (position, id) in (1..).zip(&stored).skip(resumed_len) {
            one_at_a_time.add(&entry(position, id)).unwrap();
            walked.add(&entry(position, id)).unwrap();
        }
        let walked = walked.finish();
        let found = |index: &Index, id: &Uuid| match index.position_of(id) {
            Some(Candidate::Sure(p)) => Some(p),
            Some(Candidate::Check(p)) => (stored[p as usize - 1] == *id).then_some(p),
            None => None,
        };
        for (position, id) in (1..).zip(&stored) {
            assert_eq!(found(&one_at_a_time, id), Some(position));
            assert_eq!(found(&walked, id), Some(position), "position {position}");
        }
        for _ in 0..100 {
            assert_eq!(found(&walked, &Uuid::new_v4()), None);
        }
        assert_eq!(walked.stream("t", "s").len(), stored.len());
    }

    #[test]
    fn streams_named_by_an_id_and_others_keep_their_own_positions() {
        let mut index = Index::default();
        let id = Uuid::new_v4();
        let names = [
            format!("activity-{id}"),
            format!("signal-{id}"),
            format!("activity-{}", id.simple()),
            format!("activity-{}", id.hyphenated().to_string().to_uppercase()),
            format!("activity-{id}-2"),
            id.to_string(),
            "security".to_owned(),
        ];
        for (position, name) in (1..).zip(names.iter().chain(&names)) {
            let entry = Entry {
                position,
                id: Uuid::new_v4(),
                tenant: "t",
                stream: name,
                event_type: "A",
            };
            index.add(&entry).unwrap();
        }
        let n = names.len() as u64;
        for (first, name) in (1..).zip(&names) {
            assert_eq!(index.stream("t", name), [first, first + n], "{name}");
            assert_eq!(index.stream_version("t", name), 2);
        }
        assert!(index.stream("t", &format!("meeting-{id}")).is_empty());
        assert!(
            index
                .stream("t", &format!("activity-{}", Uuid::new_v4()))
                .is_empty()
        );
        assert!(index.stream("u", &names[0]).is_empty());
    }

    #[test]
    fn positions_must_come_one_after_another() {
        let mut index = Index::default();
        add(&mut index, 1, "t", "A");
        let gap = Entry {
            position: 3,
            id: Uuid::new_v4(),
            tenant: "t",
            stream: "s",
            event_type: "A",
        };
        assert!(index.add(&gap).is_err());
    }
}
