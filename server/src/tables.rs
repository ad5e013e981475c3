//! Key-value tables for the state kept beside the log (secrets, the vault, the evidence files):
//! sled trees in the data folder, or rows of one PostgreSQL table that every server on the
//! database shares.
//!
//! The two behave alike for their users, with one difference in durability: a sled change
//! lasts a crash once [`Tables::sync`] has returned, a PostgreSQL change once its call has
//! returned (`synchronous_commit` on), so `sync` has nothing left to do there.

use crate::store::durable::DurableDb;
use crate::store::postgres::{Database, Params};
use std::collections::BTreeMap;
use std::path::Path;

/// Where a set of tables lives.
#[derive(Clone)]
pub enum Tables {
    /// A sled database of its own in a folder.
    Sled(std::sync::Arc<DurableDb>),
    /// The `state_entries` table of a PostgreSQL database; the tables of one set are told
    /// apart by the prefix given (`secrets`, `vault`, …).
    Postgres {
        /// The database.
        database: Database,
        /// Put before each table's name.
        prefix: &'static str,
    },
}

/// One table: keys and values as bytes, keys in byte order.
#[derive(Clone)]
pub enum Table {
    /// A tree of a sled database.
    Sled(sled::Tree),
    /// The rows of `state_entries` under one name.
    Postgres {
        /// The database.
        database: Database,
        /// The rows' `tree`.
        name: String,
    },
}

/// A change of a batch: a value to put under a key, or `None` to remove the key.
pub type Change = (Vec<u8>, Option<Vec<u8>>);

impl Tables {
    /// The sled database in `dir`, created when missing; also says whether it was.
    pub fn in_folder(dir: &Path) -> anyhow::Result<(Self, bool)> {
        let (db, created) = DurableDb::open(dir)?;
        Ok((Self::Sled(std::sync::Arc::new(db)), created))
    }

    /// The tables under `prefix` in a PostgreSQL database.
    pub fn in_database(database: Database, prefix: &'static str) -> Self {
        Self::Postgres { database, prefix }
    }

    /// The table called `name`, made when missing.
    pub fn table(&self, name: &str) -> anyhow::Result<Table> {
        Ok(match self {
            Self::Sled(db) => Table::Sled(db.tree(name)?),
            Self::Postgres { database, prefix } => Table::Postgres {
                database: database.clone(),
                name: format!("{prefix}/{name}"),
            },
        })
    }

    /// Makes every change so far durable (see the module's note).
    pub fn sync(&self) -> anyhow::Result<()> {
        match self {
            Self::Sled(db) => db.sync(),
            Self::Postgres { .. } => Ok(()),
        }
    }

    /// Whether the tables are shared by every server on one database.
    pub fn shared(&self) -> bool {
        matches!(self, Self::Postgres { .. })
    }
}

/// The table's name followed by `rest`, as a statement's parameters.
fn named(name: &str, rest: Vec<Box<dyn tokio_postgres::types::ToSql + Send + Sync>>) -> Params {
    let mut params: Params = vec![Box::new(name.to_owned())];
    params.extend(rest);
    params
}

/// The first key after every key that starts with `prefix`, if there is one.
fn after_prefix(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

impl Table {
    /// The value under `key`.
    pub fn get(&self, key: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            Self::Sled(tree) => Ok(tree.get(key)?.map(|v| v.to_vec())),
            Self::Postgres { database, name } => Ok(database
                .query(
                    "SELECT value FROM state_entries WHERE tree = $1 AND key = $2",
                    named(name, vec![Box::new(key.to_vec())]),
                )?
                .first()
                .map(|row| row.get(0))),
        }
    }

    /// Whether there is a value under `key`.
    pub fn contains(&self, key: &[u8]) -> anyhow::Result<bool> {
        match self {
            Self::Sled(tree) => Ok(tree.contains_key(key)?),
            Self::Postgres { .. } => Ok(self.get(key)?.is_some()),
        }
    }

    /// Puts `value` under `key` and returns the value it replaced.
    pub fn insert(&self, key: &[u8], value: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            Self::Sled(tree) => Ok(tree.insert(key, value)?.map(|v| v.to_vec())),
            Self::Postgres { database, name } => {
                // The old value is read in the statement that replaces it: a row changed by
                // another server in between is locked by the update, not lost from the answer.
                let rows = database.query(
                    "WITH old AS (
                         SELECT value FROM state_entries WHERE tree = $1 AND key = $2 FOR UPDATE
                     ), put AS (
                         INSERT INTO state_entries (tree, key, value) VALUES ($1, $2, $3)
                         ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value
                     )
                     SELECT value FROM old",
                    named(name, vec![Box::new(key.to_vec()), Box::new(value.to_vec())]),
                )?;
                Ok(rows.first().map(|row| row.get(0)))
            }
        }
    }

    /// Puts `value` under `key` unless a value is there already; returns whether it did.
    pub fn insert_new(&self, key: &[u8], value: &[u8]) -> anyhow::Result<bool> {
        match self {
            Self::Sled(tree) => Ok(tree
                .compare_and_swap(key, None as Option<&[u8]>, Some(value))?
                .is_ok()),
            Self::Postgres { database, name } => Ok(!database
                .query(
                    "INSERT INTO state_entries (tree, key, value) VALUES ($1, $2, $3)
                     ON CONFLICT (tree, key) DO NOTHING RETURNING 1",
                    named(name, vec![Box::new(key.to_vec()), Box::new(value.to_vec())]),
                )?
                .is_empty()),
        }
    }

    /// Removes `key` and returns its value.
    pub fn remove(&self, key: &[u8]) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            Self::Sled(tree) => Ok(tree.remove(key)?.map(|v| v.to_vec())),
            Self::Postgres { database, name } => Ok(database
                .query(
                    "DELETE FROM state_entries WHERE tree = $1 AND key = $2 RETURNING value",
                    named(name, vec![Box::new(key.to_vec())]),
                )?
                .first()
                .map(|row| row.get(0))),
        }
    }

    /// Removes `key`, and the keys `along` with it, if `key` still holds `expected`; returns
    /// whether it did. What another server changes meanwhile is never removed.
    pub fn remove_if(&self, key: &[u8], expected: &[u8], along: &[&[u8]]) -> anyhow::Result<bool> {
        match self {
            Self::Sled(tree) => Ok(tree
                .transaction(|t| {
                    if t.get(key)?.as_deref() != Some(expected) {
                        return Ok(false);
                    }
                    t.remove(key)?;
                    for other in along {
                        t.remove(*other)?;
                    }
                    Ok(true)
                })
                .map_err(|e: sled::transaction::TransactionError| anyhow::anyhow!("{e}"))?),
            Self::Postgres { database, name } => {
                let along: Vec<Vec<u8>> = along.iter().map(|k| k.to_vec()).collect();
                let rows = database.query(
                    "WITH gone AS (
                         DELETE FROM state_entries WHERE tree = $1 AND key = $2 AND value = $3
                         RETURNING 1
                     ), along AS (
                         DELETE FROM state_entries
                          WHERE tree = $1 AND key = ANY($4) AND EXISTS (SELECT 1 FROM gone)
                     )
                     SELECT 1 FROM gone",
                    named(
                        name,
                        vec![
                            Box::new(key.to_vec()),
                            Box::new(expected.to_vec()),
                            Box::new(along),
                        ],
                    ),
                )?;
                Ok(!rows.is_empty())
            }
        }
    }

    /// Every key that starts with `prefix` (all of them for an empty one) with its value, in
    /// key order.
    pub fn scan_prefix(&self, prefix: &[u8]) -> anyhow::Result<Vec<(Vec<u8>, Vec<u8>)>> {
        match self {
            Self::Sled(tree) => tree
                .scan_prefix(prefix)
                .map(|item| {
                    let (key, value) = item?;
                    Ok((key.to_vec(), value.to_vec()))
                })
                .collect(),
            Self::Postgres { database, name } => {
                let (sql, params) = match after_prefix(prefix) {
                    Some(end) => (
                        "SELECT key, value FROM state_entries
                          WHERE tree = $1 AND key >= $2 AND key < $3 ORDER BY key",
                        named(name, vec![Box::new(prefix.to_vec()), Box::new(end)]),
                    ),
                    None => (
                        "SELECT key, value FROM state_entries
                          WHERE tree = $1 AND key >= $2 ORDER BY key",
                        named(name, vec![Box::new(prefix.to_vec())]),
                    ),
                };
                Ok(database
                    .query(sql, params)?
                    .iter()
                    .map(|row| (row.get(0), row.get(1)))
                    .collect())
            }
        }
    }

    /// At most `limit` keys after `after` (from the first for `None`) with their values, in
    /// key order: a page of a walk of the whole table.
    pub fn page_after(
        &self,
        after: Option<&[u8]>,
        limit: usize,
    ) -> anyhow::Result<Vec<(Vec<u8>, Vec<u8>)>> {
        use std::ops::Bound;
        match self {
            Self::Sled(tree) => {
                let from = after.map_or(Bound::Unbounded, |key| Bound::Excluded(key.to_vec()));
                tree.range::<Vec<u8>, _>((from, Bound::Unbounded))
                    .take(limit)
                    .map(|item| {
                        let (key, value) = item?;
                        Ok((key.to_vec(), value.to_vec()))
                    })
                    .collect()
            }
            Self::Postgres { database, name } => {
                let limit = i64::try_from(limit).unwrap_or(i64::MAX);
                let (sql, params) = match after {
                    Some(key) => (
                        "SELECT key, value FROM state_entries WHERE tree = $1 AND key > $2
                          ORDER BY key LIMIT $3",
                        named(name, vec![Box::new(key.to_vec()), Box::new(limit)]),
                    ),
                    None => (
                        "SELECT key, value FROM state_entries WHERE tree = $1 ORDER BY key LIMIT $2",
                        named(name, vec![Box::new(limit)]),
                    ),
                };
                Ok(database
                    .query(sql, params)?
                    .iter()
                    .map(|row| (row.get(0), row.get(1)))
                    .collect())
            }
        }
    }

    /// Copies every entry of this table into `to` (replacing what `to` holds under the same
    /// keys), a page at a time, so that a table of attachments never sits in memory whole.
    /// Returns how many entries it copied.
    pub fn copy_into(&self, to: &Table) -> anyhow::Result<u64> {
        const PAGE: usize = 256;
        let (mut copied, mut after) = (0, None::<Vec<u8>>);
        loop {
            let page = self.page_after(after.as_deref(), PAGE)?;
            let Some((last, _)) = page.last() else {
                return Ok(copied);
            };
            after = Some(last.clone());
            copied += page.len() as u64;
            to.apply(page.into_iter().map(|(k, v)| (k, Some(v))).collect())?;
        }
    }

    /// Applies `changes` all together or not at all; a key changed twice takes the later
    /// change.
    pub fn apply(&self, changes: Vec<Change>) -> anyhow::Result<()> {
        match self {
            Self::Sled(tree) => {
                let mut batch = sled::Batch::default();
                for (key, value) in changes {
                    match value {
                        Some(value) => batch.insert(key, value),
                        None => batch.remove(key),
                    }
                }
                Ok(tree.apply_batch(batch)?)
            }
            Self::Postgres { database, name } => {
                let last: BTreeMap<Vec<u8>, Option<Vec<u8>>> = changes.into_iter().collect();
                let (mut keys, mut values, mut gone) = (Vec::new(), Vec::new(), Vec::new());
                for (key, value) in last {
                    match value {
                        Some(value) => {
                            keys.push(key);
                            values.push(value);
                        }
                        None => gone.push(key),
                    }
                }
                database.transact(vec![
                    (
                        "DELETE FROM state_entries WHERE tree = $1 AND key = ANY($2)",
                        named(name, vec![Box::new(gone)]),
                    ),
                    (
                        "INSERT INTO state_entries (tree, key, value)
                         SELECT $1, * FROM unnest($2::bytea[], $3::bytea[])
                         ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value",
                        named(name, vec![Box::new(keys), Box::new(values)]),
                    ),
                ])?;
                Ok(())
            }
        }
    }

    /// How many keys the table holds.
    pub fn len(&self) -> anyhow::Result<usize> {
        match self {
            Self::Sled(tree) => Ok(tree.len()),
            Self::Postgres { database, name } => {
                let rows = database.query(
                    "SELECT count(*) FROM state_entries WHERE tree = $1",
                    named(name, Vec::new()),
                )?;
                Ok(usize::try_from(rows[0].get::<_, i64>(0)).unwrap_or_default())
            }
        }
    }

    /// Whether the table holds no key.
    pub fn is_empty(&self) -> anyhow::Result<bool> {
        Ok(self.scan_first()?.is_none())
    }

    /// The first key, if any.
    pub fn scan_first(&self) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            Self::Sled(tree) => Ok(tree.first()?.map(|(key, _)| key.to_vec())),
            Self::Postgres { database, name } => Ok(database
                .query(
                    "SELECT key FROM state_entries WHERE tree = $1 ORDER BY key LIMIT 1",
                    named(name, Vec::new()),
                )?
                .first()
                .map(|row| row.get(0))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_ends_before_the_next_one() {
        assert_eq!(after_prefix(b"login/"), Some(b"login0".to_vec()));
        assert_eq!(after_prefix(&[1, 0xff]), Some(vec![2]));
        assert_eq!(after_prefix(&[0xff, 0xff]), None);
        assert_eq!(after_prefix(b""), None);
    }
}
