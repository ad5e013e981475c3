//! The Merkle tree's hashes on PostgreSQL: those of subtrees of 8 records and more from
//! `log_tree`, the lower ones recomputed from the records under them, as the sled log does.

use super::schema::failed;
use super::{PgStore, position_of, sql_int};
use crate::store::StoreError;
use crate::store::record;
use crate::store::tree::STORED_FROM;
use antikor_shared::tlog::{self, Hash};
use std::collections::HashMap;
use tlog_tiles::{HashReader, split_stored_hash_index};
use tokio_postgres::GenericClient;

/// The hashes at stored-hash `indexes`, in their order.
pub(super) async fn tree_hashes(
    client: &impl GenericClient,
    indexes: &[u64],
) -> Result<Vec<Hash>, StoreError> {
    let mut found: HashMap<u64, Hash> = HashMap::new();
    let (stored, lower): (Vec<u64>, Vec<u64>) = indexes
        .iter()
        .partition(|&&i| split_stored_hash_index(i).0 >= STORED_FROM);
    if !stored.is_empty() {
        let wanted: Vec<i64> = stored.iter().map(|&i| sql_int(i)).collect();
        let rows = client
            .query(
                "SELECT index, hash FROM log_tree WHERE index = ANY($1)",
                &[&wanted],
            )
            .await
            .map_err(failed)?;
        for row in rows {
            let hash: &[u8] = row.get(1);
            if let Ok(hash) = hash.try_into() {
                found.insert(position_of(&row, 0), Hash(hash));
            }
        }
    }
    if !lower.is_empty() {
        let under = |index: u64| {
            let (level, n) = split_stored_hash_index(index);
            let width = 1u64 << level;
            n * width + 1..=(n + 1) * width
        };
        let positions: Vec<i64> = lower.iter().flat_map(|&i| under(i)).map(sql_int).collect();
        let rows = client
            .query(
                "SELECT position, record FROM log_records WHERE position = ANY($1)",
                &[&positions],
            )
            .await
            .map_err(failed)?;
        let mut leaves = HashMap::new();
        for row in rows {
            let position = position_of(&row, 0);
            leaves.insert(position, leaf_hash(position, row.get(1))?);
        }
        for &index in &lower {
            let hashes: Option<Vec<Hash>> = under(index).map(|p| leaves.get(&p).copied()).collect();
            if let Some(mut hashes) = hashes {
                while hashes.len() > 1 {
                    hashes = hashes
                        .chunks(2)
                        .map(|pair| tlog_tiles::node_hash(pair[0], pair[1]))
                        .collect();
                }
                found.insert(index, hashes[0]);
            }
        }
    }
    indexes
        .iter()
        .map(|index| {
            found
                .get(index)
                .copied()
                .ok_or_else(|| StoreError::Corrupt {
                    position: 0,
                    detail: format!("the Merkle tree's hash {index} is missing"),
                })
        })
        .collect()
}

/// The leaf hash of the stored record at `position`.
pub(super) fn leaf_hash(position: u64, value: &[u8]) -> Result<Hash, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt { position, detail };
    let (_, json) = record::split(value)
        .ok_or_else(|| corrupt("the record is shorter than its hash".into()))?;
    let leaf = tlog::leaf_bytes(json).map_err(|e| corrupt(e.to_string()))?;
    Ok(tlog::leaf_hash(&leaf))
}

/// The tree's hashes as the proofs of `tlog_tiles` read them, one query per call.
pub(super) struct PgHashes<'s>(pub(super) &'s PgStore);

impl HashReader for PgHashes<'_> {
    fn read_hashes(&self, indexes: &[u64]) -> Result<Vec<Hash>, tlog_tiles::Error> {
        let pool = self.0.shared.pool.clone();
        let indexes = indexes.to_vec();
        self.0
            .database
            .on(async move {
                let client = pool.get().await.map_err(super::pool_failed)?;
                tree_hashes(&**client, &indexes).await
            })
            .map_err(|e| {
                tracing::error!(error = %e, "reading the Merkle tree failed");
                tlog_tiles::Error::IndexesNotInTree
            })
    }
}

/// A proof that could not be made.
pub(super) fn proof_error(e: tlog_tiles::Error) -> StoreError {
    StoreError::Io(format!("the Merkle tree could not be read ({e})"))
}
