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
/// in ascending position order.
#[derive(Default)]
pub struct Index {
    ids: HashMap<Uuid, u64>,
    /// A stream's positions; the event at index `i` has version `i + 1`.
    streams: HashMap<(TenantId, StreamId), Vec<u64>>,
    tenants: HashMap<TenantId, Vec<u64>>,
    types: HashMap<Arc<str>, Vec<u64>>,
    tenant_types: HashMap<(TenantId, Arc<str>), Vec<u64>>,
}

impl Index {
    /// Adds one event (positions must come in ascending order).
    pub fn add(&mut self, e: &Entry<'_>) -> Result<(), String> {
        let tenant = TenantId::parse(e.tenant).map_err(|err| err.to_string())?;
        let stream = StreamId::parse(e.stream).map_err(|err| err.to_string())?;
        let event_type: Arc<str> = match self.types.get_key_value(e.event_type) {
            Some((k, _)) => k.clone(),
            None => Arc::from(e.event_type),
        };
        self.ids.insert(e.id, e.position);
        self.streams.entry((tenant.clone(), stream)).or_default().push(e.position);
        self.tenants.entry(tenant.clone()).or_default().push(e.position);
        self.types.entry(event_type.clone()).or_default().push(e.position);
        self.tenant_types.entry((tenant, event_type)).or_default().push(e.position);
        Ok(())
    }

    /// Where the event with `id` is stored.
    pub fn position_of(&self, id: &Uuid) -> Option<u64> {
        self.ids.get(id).copied()
    }

    /// The stream's current version (0 when it has no events).
    pub fn stream_version(&self, tenant: &TenantId, stream: &StreamId) -> u64 {
        self.stream(tenant, stream).len() as u64
    }

    /// A stream's positions, version 1 first.
    pub fn stream(&self, tenant: &TenantId, stream: &StreamId) -> &[u64] {
        // Streams are looked up by a borrowed pair; cloning two short ids is cheaper than a
        // custom borrowed-key map.
        self.streams.get(&(tenant.clone(), stream.clone())).map_or(&[], Vec::as_slice)
    }

    /// A tenant's positions.
    pub fn tenant(&self, tenant: &TenantId) -> &[u64] {
        self.tenants.get(tenant).map_or(&[], Vec::as_slice)
    }

    /// An event type's positions.
    pub fn event_type(&self, event_type: &str) -> &[u64] {
        self.types.get(event_type).map_or(&[], Vec::as_slice)
    }

    /// A tenant's positions of one event type.
    pub fn tenant_type(&self, tenant: &TenantId, event_type: &str) -> &[u64] {
        let Some((key, _)) = self.types.get_key_value(event_type) else { return &[] };
        self.tenant_types.get(&(tenant.clone(), key.clone())).map_or(&[], Vec::as_slice)
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
