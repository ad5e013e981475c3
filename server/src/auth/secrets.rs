//! The secrets store: password hashes and sessions, kept apart from the event log.
//!
//! Its tables (`crate::tables`) are a sled database of their own (`DATA/secrets`), or the
//! `secrets/…` rows of the state table on PostgreSQL, which every server on the database shares
//! (so a session opened on one is good on all). Nothing that reads, exports or replays the log
//! can reach a password hash or a session token. Changes that take power away (a new password,
//! a logout, a revoked session) are durable before they are acknowledged; in a folder, a new
//! session is not fsynced, since losing one in a crash only asks its user to log in again.

use crate::tables::{Table, Tables};
use antikor_shared::Username;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// A session as stored: found by the SHA-256 of its token, never by the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Whose session.
    pub username: Username,
    /// Opened at (Unix seconds).
    pub created_at: i64,
    /// Last used at (Unix seconds), refreshed at most once a minute.
    pub last_seen: i64,
    /// The token the browser must echo in `X-CSRF-Token` on every change.
    pub csrf_token: String,
    /// How many times the account's password had changed when the session opened; a later
    /// change ends the session.
    pub password_epoch: u64,
}

/// One failure counted under a throttle key: when (Unix milliseconds), and a number drawn at
/// random that tells it from another counted in the same millisecond.
///
/// Stored as an empty entry under `key name ‖ 0 ‖ at ‖ nonce` (both big-endian), so that a
/// key's failures lie together in time order. A name may hold a 0 byte itself (it is what a
/// person typed), so an entry is a key's only at exactly that key's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Failure {
    /// When it was counted.
    pub at: u64,
    /// Tells it from another of the same millisecond.
    pub nonce: u64,
}

impl Failure {
    /// The bytes every stored failure of `name` starts with.
    fn prefix(name: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(name.len() + 17);
        key.extend_from_slice(name.as_bytes());
        key.push(0);
        key
    }

    fn key(&self, name: &str) -> Vec<u8> {
        let mut key = Self::prefix(name);
        key.extend_from_slice(&self.at.to_be_bytes());
        key.extend_from_slice(&self.nonce.to_be_bytes());
        key
    }

    /// The key name and failure a stored entry is, if it is one.
    fn read<'k>(key: &'k [u8], value: &[u8]) -> Option<(&'k str, Self)> {
        let (name, rest) = key.split_at_checked(key.len().checked_sub(17)?)?;
        let (&0, rest) = rest.split_first()? else {
            return None;
        };
        let (at, nonce) = rest.split_first_chunk::<8>()?;
        let failure = Self {
            at: u64::from_be_bytes(*at),
            nonce: u64::from_be_bytes(nonce.try_into().ok()?),
        };
        (value.is_empty()).then_some((std::str::from_utf8(name).ok()?, failure))
    }
}

/// Password hashes and sessions.
pub struct Secrets {
    tables: Tables,
    passwords: Table,
    sessions: Table,
    throttle: Table,
}

impl Secrets {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        Self::open_in(Tables::in_folder(dir)?.0)
    }

    /// Opens the store in `tables`.
    pub fn open_in(tables: Tables) -> anyhow::Result<Self> {
        Ok(Self {
            passwords: tables.table("passwords")?,
            sessions: tables.table("sessions")?,
            throttle: tables.table("throttle")?,
            tables,
        })
    }

    /// Whether other servers share the store (see [`Tables::shared`]).
    pub fn shared(&self) -> bool {
        self.tables.shared()
    }

    fn sync(&self) -> anyhow::Result<()> {
        self.tables.sync()
    }

    /// Copies the store in `from` into `to` as it is (password hashes, sessions, throttled
    /// failures), for `antikor store copy`: the same users log in, and sessions open before the
    /// copy go on. Returns how many password hashes it copied.
    pub fn copy(from: &Tables, to: &Tables) -> anyhow::Result<u64> {
        let passwords = from
            .table("passwords")?
            .copy_into(&to.table("passwords")?)?;
        for table in ["sessions", "throttle"] {
            from.table(table)?.copy_into(&to.table(table)?)?;
        }
        to.sync()?;
        Ok(passwords)
    }

    /// The stored PHC string of an account's password.
    pub fn password_hash(&self, username: &Username) -> anyhow::Result<Option<String>> {
        Ok(self
            .passwords
            .get(username.as_str().as_bytes())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Stores an account's password hash durably and returns the one it replaced.
    pub fn set_password_hash(
        &self,
        username: &Username,
        phc: &str,
    ) -> anyhow::Result<Option<String>> {
        let old = self
            .passwords
            .insert(username.as_str().as_bytes(), phc.as_bytes())?;
        self.sync()?;
        Ok(old.map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Puts back a replaced hash (or removes a new one) after its event could not be recorded.
    pub fn restore_password_hash(
        &self,
        username: &Username,
        old: Option<&str>,
    ) -> anyhow::Result<()> {
        match old {
            Some(phc) => self
                .passwords
                .insert(username.as_str().as_bytes(), phc.as_bytes())?,
            None => self.passwords.remove(username.as_str().as_bytes())?,
        };
        self.sync()
    }

    /// Stores a new session under the hash of its token.
    pub fn insert_session(&self, key: &[u8; 32], record: &SessionRecord) -> anyhow::Result<()> {
        self.sessions.insert(key, &serde_json::to_vec(record)?)?;
        Ok(())
    }

    /// The session stored under the hash of a token.
    pub fn session(&self, key: &[u8; 32]) -> anyhow::Result<Option<SessionRecord>> {
        match self.sessions.get(key)? {
            None => Ok(None),
            Some(v) => Ok(Some(serde_json::from_slice(&v)?)),
        }
    }

    /// Records that a session was used (not fsynced: losing it only shortens the idle time).
    pub fn touch_session(&self, key: &[u8; 32], record: &SessionRecord) -> anyhow::Result<()> {
        self.insert_session(key, record)
    }

    /// Ends one session, durably.
    pub fn remove_session(&self, key: &[u8; 32]) -> anyhow::Result<()> {
        self.sessions.remove(key)?;
        self.sync()
    }

    /// Ends every session of an account, durably; returns how many there were.
    pub fn remove_sessions_of(&self, username: &Username) -> anyhow::Result<usize> {
        let mut removed = 0;
        for (key, value) in self.sessions.scan_prefix(&[])? {
            let record: SessionRecord = serde_json::from_slice(&value)?;
            if record.username == *username {
                self.sessions.remove(&key)?;
                removed += 1;
            }
        }
        self.sync()?;
        Ok(removed)
    }

    /// Removes sessions for which `expired` says so (run now and then, not on every request).
    pub fn remove_expired_sessions(
        &self,
        expired: impl Fn(&SessionRecord) -> bool,
    ) -> anyhow::Result<usize> {
        let mut removed = 0;
        for (key, value) in self.sessions.scan_prefix(&[])? {
            let stale = serde_json::from_slice::<SessionRecord>(&value)
                .map(|r| expired(&r))
                .unwrap_or(true);
            if stale {
                self.sessions.remove(&key)?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// How many sessions are stored.
    pub fn session_count(&self) -> anyhow::Result<usize> {
        self.sessions.len()
    }

    /// Every failure stored under a throttle key that starts with `kind/`, by key, oldest
    /// first.
    pub fn throttle_entries(&self, kind: &str) -> anyhow::Result<Vec<(String, Vec<Failure>)>> {
        // Grouped by name, not by run: a name that holds a 0 byte sorts among another's.
        let mut entries: BTreeMap<String, Vec<Failure>> = BTreeMap::new();
        for (key, value) in self.throttle.scan_prefix(format!("{kind}/").as_bytes())? {
            // Anything else (an entry of the earlier form that `upgrade_throttle` left) only
            // forgets some failures; the rest still count.
            if let Some((name, failure)) = Failure::read(&key, &value) {
                entries.entry(name.to_owned()).or_default().push(failure);
            }
        }
        Ok(entries.into_iter().collect())
    }

    /// The failures stored under each of the throttle keys `names`, oldest first.
    pub fn throttle_failures(&self, names: &[String]) -> anyhow::Result<Vec<Vec<Failure>>> {
        names
            .iter()
            .map(|name| {
                let found = self.throttle.scan_prefix(&Failure::prefix(name))?;
                Ok(found
                    .iter()
                    .filter_map(|(key, value)| Failure::read(key, value))
                    .filter(|(of, _)| of == name)
                    .map(|(_, failure)| failure)
                    .collect())
            })
            .collect()
    }

    /// Adds and removes failures of throttle keys durably, in one atomic batch and one fsync,
    /// so that a restart right after a burst of guesses does not open the door again. Each
    /// failure is an entry of its own: servers that share the store and count failures of one
    /// key at the same moment add to it side by side, and none overwrites another's.
    pub fn change_throttle(
        &self,
        added: &[(String, Failure)],
        removed: &[(String, Failure)],
    ) -> anyhow::Result<()> {
        let changes = removed
            .iter()
            .map(|(name, failure)| (failure.key(name), None))
            .chain(
                added
                    .iter()
                    .map(|(name, failure)| (failure.key(name), Some(Vec::new()))),
            )
            .collect();
        self.throttle.apply(changes)?;
        self.sync()
    }

    /// Removes every failure stored under the throttle keys `names` (a success clears its
    /// account's, counted by whichever server), and the failures `removed` besides, in one
    /// durable write.
    pub fn clear_throttle(
        &self,
        names: &[String],
        removed: &[(String, Failure)],
    ) -> anyhow::Result<()> {
        let stored = self.throttle_failures(names)?;
        let mut removed = removed.to_vec();
        for (name, failures) in names.iter().zip(stored) {
            removed.extend(failures.into_iter().map(|f| (name.clone(), f)));
        }
        self.change_throttle(&[], &removed)
    }

    /// Rewrites the throttle keys of `kind` stored in the earlier form (one entry per key
    /// holding a JSON list of times, which servers sharing the store wrote over each other)
    /// as one entry per failure. Idempotent: servers starting together write the same entries.
    pub fn upgrade_throttle(&self, kind: &str) -> anyhow::Result<()> {
        let mut changes = Vec::new();
        for (key, value) in self.throttle.scan_prefix(format!("{kind}/").as_bytes())? {
            if Failure::read(&key, &value).is_some() {
                continue;
            }
            let name = String::from_utf8_lossy(&key).into_owned();
            let times: Vec<u64> = serde_json::from_slice(&value).unwrap_or_default();
            changes.push((key, None));
            for (nonce, at) in times.into_iter().enumerate() {
                let failure = Failure {
                    at,
                    nonce: nonce as u64,
                };
                changes.push((failure.key(&name), Some(Vec::new())));
            }
        }
        if changes.is_empty() {
            return Ok(());
        }
        self.throttle.apply(changes)?;
        self.sync()
    }

    /// Flushes and fsyncs before the server stops.
    pub fn close(&self) -> anyhow::Result<()> {
        self.sync()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> (tempfile::TempDir, Secrets) {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Secrets::open(dir.path()).unwrap();
        (dir, secrets)
    }

    #[test]
    fn a_name_that_holds_a_zero_byte_keeps_its_failures_apart() {
        let (_dir, secrets) = secrets();
        let bob = "login/s/bob".to_owned();
        // Shaped to sort among bob's failures and to end like one of them.
        let other = format!("login/s/bob\0{}", "\u{1}".repeat(16));
        let failure = |at| Failure { at, nonce: 7 };
        secrets
            .change_throttle(
                &[
                    (bob.clone(), failure(1)),
                    (other.clone(), failure(2)),
                    (bob.clone(), failure(3)),
                ],
                &[],
            )
            .unwrap();
        let stored = secrets.throttle_failures(&[bob.clone(), other.clone()]);
        assert_eq!(
            stored.unwrap(),
            [vec![failure(1), failure(3)], vec![failure(2)]]
        );
        assert_eq!(
            secrets.throttle_entries("login").unwrap(),
            [
                (bob.clone(), vec![failure(1), failure(3)]),
                (other.clone(), vec![failure(2)])
            ]
        );
        secrets
            .clear_throttle(std::slice::from_ref(&bob), &[])
            .unwrap();
        assert_eq!(
            secrets.throttle_entries("login").unwrap(),
            [(other, vec![failure(2)])]
        );
    }

    #[test]
    fn failures_stored_as_one_list_per_key_are_upgraded_to_one_entry_each() {
        let (_dir, secrets) = secrets();
        let list = serde_json::to_vec(&[100u64, 200]).unwrap();
        secrets.throttle.insert(b"login/s/ivan", &list).unwrap();
        secrets.throttle.insert(b"receipt/s/1", &list).unwrap();
        for _ in 0..2 {
            secrets.upgrade_throttle("login").unwrap();
        }
        let times = |kind| -> Vec<(String, Vec<u64>)> {
            let entries = secrets.throttle_entries(kind).unwrap();
            entries
                .into_iter()
                .map(|(name, failures)| (name, failures.iter().map(|f| f.at).collect()))
                .collect()
        };
        assert_eq!(
            times("login"),
            [("login/s/ivan".to_owned(), vec![100, 200])]
        );
        assert_eq!(secrets.throttle.get(b"login/s/ivan").unwrap(), None);
        // Another kind's are upgraded when its throttle starts.
        assert_eq!(times("receipt"), []);
        assert!(secrets.throttle.get(b"receipt/s/1").unwrap().is_some());
    }
}
