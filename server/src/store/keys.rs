//! Key layout of the sled tree. Everything lives in one tree so that one `apply_batch` writes
//! a whole group commit (records, indexes, head) atomically.
//!
//! Ids never contain a NUL byte (they are validated), so NUL separates the key's parts;
//! numbers are big-endian so that byte order is numeric order.

use uuid::Uuid;

/// `L pos` → `hash ‖ canonical JSON`: the log itself.
pub const LOG: u8 = b'L';
/// `S tenant \0 stream \0 version` → position.
pub const STREAM: u8 = b'S';
/// `V tenant \0 stream` → the stream's current version.
pub const STREAM_HEAD: u8 = b'V';
/// `T tenant \0 pos` → nothing: a tenant's events.
pub const TENANT: u8 = b'T';
/// `Y type \0 pos` → nothing: events of a type.
pub const TYPE: u8 = b'Y';
/// `Z tenant \0 type \0 pos` → nothing: a tenant's events of a type.
pub const TENANT_TYPE: u8 = b'Z';
/// `I uuid` → position: event ids, for idempotent retries.
pub const ID: u8 = b'I';
/// `H` → `position ‖ hash`: the chain's head, written with every commit.
pub const HEAD: &[u8] = b"H";

/// A key made of a tag and NUL-separated text parts, optionally ending in a number.
pub fn key(tag: u8, parts: &[&str], number: Option<u64>) -> Vec<u8> {
    let mut k = Vec::with_capacity(1 + parts.iter().map(|p| p.len() + 1).sum::<usize>() + 8);
    k.push(tag);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            k.push(0);
        }
        k.extend_from_slice(p.as_bytes());
    }
    if let Some(n) = number {
        if !parts.is_empty() {
            k.push(0);
        }
        k.extend_from_slice(&n.to_be_bytes());
    }
    k
}

/// The prefix shared by all keys of `tag` and `parts` that end in a number.
pub fn prefix(tag: u8, parts: &[&str]) -> Vec<u8> {
    let mut k = key(tag, parts, None);
    if !parts.is_empty() {
        k.push(0);
    }
    k
}

/// `L pos`.
pub fn log(position: u64) -> Vec<u8> {
    key(LOG, &[], Some(position))
}

/// `I uuid`.
pub fn id(id: &Uuid) -> Vec<u8> {
    let mut k = vec![ID];
    k.extend_from_slice(id.as_bytes());
    k
}

/// The number at the end of a key or value.
pub fn trailing_u64(bytes: &[u8]) -> Option<u64> {
    let tail = bytes.len().checked_sub(8).map(|start| &bytes[start..])?;
    Some(u64::from_be_bytes(tail.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_numerically_within_a_prefix() {
        let a = key(TENANT, &["bansko"], Some(255));
        let b = key(TENANT, &["bansko"], Some(256));
        assert!(a < b);
        assert!(a.starts_with(&prefix(TENANT, &["bansko"])));
        assert!(!key(TENANT, &["bansko-2"], Some(1)).starts_with(&prefix(TENANT, &["bansko"])));
        assert_eq!(trailing_u64(&b), Some(256));
    }
}
