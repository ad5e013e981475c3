//! In-memory indexes of the log: by event id, stream, tenant and event type.
//!
//! sled's cost is per key, so the log stores one key per event and nothing else; these
//! indexes are rebuilt by the scan that verifies the chain at start-up (a few tens of bytes per
//! event) and extended by the writer after each durable commit.

use antikor_shared::{StreamId, TenantId};
use std::collections::HashMap;
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
#[derive(Default)]
pub struct Index {
    ids: HashMap<Uuid, u64>,
    /// Per tenant: its positions, its streams' positions (the event at index `i` of a stream
    /// has version `i + 1`), and its positions by event type.
    tenants: HashMap<TenantId, TenantIndex>,
    types: HashMap<Arc<str>, Vec<u64>>,
}

#[derive(Default)]
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
    /// Adds one event (positions must come in ascending order).
    pub fn add(&mut self, e: &Entry<'_>) -> Result<(), String> {
        if !self.tenants.contains_key(e.tenant) {
            let tenant = TenantId::parse(e.tenant).map_err(|err| err.to_string())?;
            self.tenants.insert(tenant, TenantIndex::default());
        }
        let event_type: Arc<str> = match self.types.get_key_value(e.event_type) {
            Some((k, _)) => k.clone(),
            None => Arc::from(e.event_type),
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
        push(
            &mut self.types,
            e.event_type,
            || Ok(event_type.clone()),
            e.position,
        )?;
        self.ids.insert(e.id, e.position);
        Ok(())
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
        self.types.get(event_type).map_or(&[], Vec::as_slice)
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
/// direction of travel.
pub fn page(list: &[u64], forward: bool, cursor: u64, limit: usize) -> Vec<u64> {
    if forward {
        let start = list.partition_point(|p| *p <= cursor);
        list[start..].iter().take(limit).copied().collect()
    } else {
        let end = list.partition_point(|p| *p < cursor);
        list[..end].iter().rev().take(limit).copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_run_from_the_cursor_both_ways() {
        let list = [2, 4, 6, 8, 10];
        assert_eq!(page(&list, true, 4, 2), vec![6, 8]);
        assert_eq!(page(&list, true, 0, 9), vec![2, 4, 6, 8, 10]);
        assert_eq!(page(&list, false, 8, 9), vec![6, 4, 2]);
        assert_eq!(page(&list, false, u64::MAX, 1), vec![10]);
        assert!(page(&list, true, 10, 9).is_empty());
    }
}
