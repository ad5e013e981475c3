//! Key layout of the sled tree: one key per event, and the head marker. Both are written by one
//! `apply_batch` per group commit, so a commit is atomic. Positions are big-endian so that byte
//! order is numeric order.

/// `L pos` → `hash ‖ canonical JSON`: the log itself.
pub const LOG: u8 = b'L';
/// `H` → `position ‖ hash`: the chain's head, written with every commit.
pub const HEAD: &[u8] = b"H";

/// `L pos`.
pub fn log(position: u64) -> [u8; 9] {
    let mut k = [LOG; 9];
    k[1..].copy_from_slice(&position.to_be_bytes());
    k
}

/// The position in an `L` key.
pub fn position(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(1..9)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_position() {
        assert!(log(255) < log(256));
        assert_eq!(position(&log(256)), Some(256));
    }
}
