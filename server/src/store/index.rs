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
}

#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TenantIndex {
    streams: HashMap<StreamId, Vec<u64>>,
    /// Its positions of each type, by the type's number.
    types: Vec<Vec<u64>>,
}

/// Event ids and their positions, in twelve bytes an event rather than the twenty-four of the
/// ids themselves: most ids are kept as a 64-bit fingerprint (the id's two halves xored), and
/// the few whose fingerprint an earlier id took already are kept whole. A fingerprint's position
/// is therefore only a candidate, which the caller confirms by reading the event there.
#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Ids {
    by_fingerprint: HashMap<[u32; 2], u32>,
    whole: HashMap<Uuid, u64>,
}

impl Ids {
    fn fingerprint(id: &Uuid) -> [u32; 2] {
        let (high, low) = id.as_u64_pair();
        let folded = high ^ low;
        [(folded >> 32) as u32, folded as u32]
    }

    fn insert(&mut self, id: Uuid, position: u64) {
        let fingerprint = Self::fingerprint(&id);
        match u32::try_from(position) {
            Ok(short) if !self.by_fingerprint.contains_key(&fingerprint) => {
                self.by_fingerprint.insert(fingerprint, short);
            }
            _ => {
                self.whole.insert(id, position);
            }
        }
    }

    /// Where `id` may be stored: its own position when it is kept whole, otherwise the
    /// position of the id that holds its fingerprint.
    fn candidate(&self, id: &Uuid) -> Option<Candidate> {
        if let Some(position) = self.whole.get(id) {
            return Some(Candidate::Sure(*position));
        }
        let position = self.by_fingerprint.get(&Self::fingerprint(id))?;
        Some(Candidate::Check(u64::from(*position)))
    }
}

/// Where an id may be stored (see [`Index::position_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate {
    /// It is stored there.
    Sure(u64),
    /// It is stored there if the event there has this id; if not, it is stored nowhere.
    Check(u64),
}

fn push<K, Q>(
    map: &mut HashMap<K, Vec<u64>>,
    key: &Q,
    make: impl FnOnce() -> Result<K, String>,
    position: u64,
) -> Result<(), String>
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    match map.get_mut(key) {
        Some(list) => list.push(position),
        None => {
            map.insert(make()?, vec![position]);
        }
    }
    Ok(())
}

impl Index {
    /// Adds one event (positions must come one after another from 1).
    pub fn add(&mut self, e: &Entry<'_>) -> Result<(), String> {
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
        let tenant = self.tenants.get_mut(e.tenant).expect("inserted above");
        push(
            &mut tenant.streams,
            e.stream,
            || StreamId::parse(e.stream).map_err(|err| err.to_string()),
            e.position,
        )?;
        let of_kind = usize::from(kind);
        if tenant.types.len() <= of_kind {
            tenant.types.resize_with(of_kind + 1, Vec::new);
        }
        tenant.types[of_kind].push(e.position);
        self.ids.insert(e.id, e.position);
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
        self.tenants
            .get(tenant)
            .and_then(|t| t.streams.get(stream))
            .map_or(&[], Vec::as_slice)
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

    #[test]
    fn an_id_is_found_at_its_position_or_kept_whole_when_its_fingerprint_is_taken() {
        let mut index = Index::default();
        let id = Uuid::from_u64_pair(5, 9);
        // Another id with the same fingerprint (its halves xor to the same value).
        let twin = Uuid::from_u64_pair(5 ^ 3, 9 ^ 3);
        for (position, id) in [(1, id), (2, twin)] {
            index
                .add(&Entry {
                    position,
                    id,
                    tenant: "t",
                    stream: "s",
                    event_type: "A",
                })
                .unwrap();
        }
        assert_eq!(index.position_of(&id), Some(Candidate::Check(1)));
        assert_eq!(index.position_of(&twin), Some(Candidate::Sure(2)));
        // An id never stored whose fingerprint is taken: the candidate's own id tells.
        let stranger = Uuid::from_u64_pair(5 ^ 7, 9 ^ 7);
        assert_eq!(index.position_of(&stranger), Some(Candidate::Check(1)));
        assert_eq!(index.position_of(&Uuid::from_u64_pair(1, 1)), None);
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
