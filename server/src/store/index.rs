//! In-memory indexes of the log: by event id, stream, tenant and event type, each position's
//! type, and the chunk that stores each position.
//!
//! sled's cost is per key, so the log stores one key per event and nothing else; these
//! indexes are rebuilt by the scan that verifies the chain at start-up (a few tens of bytes per
//! event) and extended by the writer after each durable commit.

use antikor_shared::{StreamId, TenantId};
use foldhash::HashMap;
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
#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    ids: HashMap<Uuid, u64>,
    /// Per tenant: its positions, its streams' positions (the event at index `i` of a stream
    /// has version `i + 1`), and its positions by event type.
    tenants: HashMap<TenantId, TenantIndex>,
    types: HashMap<Arc<str>, TypeIndex>,
    /// Each type seen, by its number (see `TypeIndex::kind`).
    kind_names: Vec<Arc<str>>,
    /// The number of each position's type (position `p` at index `p - 1`; four bytes an
    /// event): a read skips the types its reader may not see without reading those events.
    kinds: Vec<u32>,
    /// The first position of every stored chunk, ascending: a record is read by its chunk's
    /// exact key. A lookup by any other key may land sled on a neighbouring node, and on
    /// damaged files that node may be the unreadable one, past the part still served.
    chunks: Vec<u64>,
}

/// One event type's number and positions.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TypeIndex {
    kind: u32,
    positions: Vec<u64>,
}

#[derive(Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct TenantIndex {
    all: Vec<u64>,
    streams: HashMap<StreamId, Vec<u64>>,
    types: HashMap<Arc<str>, Vec<u64>>,
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
        let (event_type, kind) = match self.types.get_key_value(e.event_type) {
            Some((name, t)) => (name.clone(), t.kind),
            None => {
                let name: Arc<str> = Arc::from(e.event_type);
                let kind = u32::try_from(self.kind_names.len())
                    .map_err(|_| "too many event types".to_owned())?;
                self.kind_names.push(name.clone());
                let positions = Vec::new();
                self.types
                    .insert(name.clone(), TypeIndex { kind, positions });
                (name, kind)
            }
        };
        let tenant = self.tenants.get_mut(e.tenant).expect("inserted above");
        push(
            &mut tenant.streams,
            e.stream,
            || StreamId::parse(e.stream).map_err(|err| err.to_string()),
            e.position,
        )?;
        tenant.all.push(e.position);
        push(
            &mut tenant.types,
            e.event_type,
            || Ok(event_type.clone()),
            e.position,
        )?;
        self.types
            .get_mut(e.event_type)
            .expect("inserted above")
            .positions
            .push(e.position);
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
    ) -> Option<impl Fn(u64) -> bool + '_> {
        let in_sight: Vec<bool> = self
            .kind_names
            .iter()
            .map(|name| sight(name) && only.is_none_or(|t| t == &**name))
            .collect();
        if !in_sight.contains(&true) {
            return None;
        }
        Some(move |position: u64| {
            position <= head
                && usize::try_from(position)
                    .ok()
                    .and_then(|p| self.kinds.get(p.checked_sub(1)?))
                    .is_some_and(|kind| in_sight[*kind as usize])
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

    /// Where the event with `id` is stored.
    pub fn position_of(&self, id: &Uuid) -> Option<u64> {
        self.ids.get(id).copied()
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

    /// A tenant's positions.
    pub fn tenant(&self, tenant: &str) -> &[u64] {
        self.tenants.get(tenant).map_or(&[], |t| t.all.as_slice())
    }

    /// An event type's positions.
    pub fn event_type(&self, event_type: &str) -> &[u64] {
        self.types
            .get(event_type)
            .map_or(&[], |t| t.positions.as_slice())
    }

    /// A tenant's positions of one event type.
    pub fn tenant_type(&self, tenant: &str, event_type: &str) -> &[u64] {
        self.tenants
            .get(tenant)
            .and_then(|t| t.types.get(event_type))
            .map_or(&[], Vec::as_slice)
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

/// [`page`] over the union of several lists (a province's tenants): the page's `limit`
/// positions nearest the cursor are among the `limit` nearest of each list.
pub fn page_merged<'a>(
    lists: impl Iterator<Item = &'a [u64]>,
    forward: bool,
    cursor: u64,
    limit: usize,
    keep: impl Fn(u64) -> bool,
) -> Vec<u64> {
    let mut merged: Vec<u64> = lists
        .flat_map(|list| page(list, forward, cursor, limit, &keep))
        .collect();
    merged.sort_unstable();
    if !forward {
        merged.reverse();
    }
    merged.truncate(limit);
    merged
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
        let sight = |t: &str| t != "Hidden";
        let keep = index.visible(6, &sight, None).unwrap();
        assert_eq!(page_all(6, false, u64::MAX, 2, &keep), vec![6, 4]);
        assert_eq!(page_all(6, false, 4, 2, &keep), vec![1]);
        assert_eq!(page(index.tenant("t"), true, 1, 1, &keep), vec![4]);
        // Up to the head only: the writer indexes an event just before it raises the head.
        let keep = index.visible(5, &sight, None).unwrap();
        assert_eq!(page_all(6, false, u64::MAX, 9, &keep), vec![4, 1]);
        let only_a = index.visible(6, &sight, Some("A")).unwrap();
        assert_eq!(
            page(index.tenant("t"), false, u64::MAX, 9, only_a),
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
