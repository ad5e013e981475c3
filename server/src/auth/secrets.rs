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

    /// The failure times (Unix milliseconds) of every throttle key that starts with `kind/`.
    pub fn throttle_entries(&self, kind: &str) -> anyhow::Result<Vec<(String, Vec<u64>)>> {
        let mut entries = Vec::new();
        for (key, value) in self.throttle.scan_prefix(format!("{kind}/").as_bytes())? {
            // An unreadable entry only forgets some failures; the rest still count.
            if let Ok(times) = serde_json::from_slice(&value) {
                entries.push((String::from_utf8_lossy(&key).into_owned(), times));
            }
        }
        Ok(entries)
    }

    /// The failure times stored under each of the throttle keys `names` (none for a key with
    /// none, or with an unreadable entry).
    pub fn throttle_times(&self, names: &[String]) -> anyhow::Result<Vec<Vec<u64>>> {
        names
            .iter()
            .map(|name| {
                let value = self.throttle.get(name.as_bytes())?;
                Ok(value
                    .and_then(|v| serde_json::from_slice(&v).ok())
                    .unwrap_or_default())
            })
            .collect()
    }

    /// Keeps throttle keys' failure times durably (none: the key is removed), in one atomic
    /// batch and one fsync, so that a restart right after a burst of guesses does not open the
    /// door again.
    pub fn set_throttle_entries(&self, entries: &[(String, &[u64])]) -> anyhow::Result<()> {
        let changes = entries
            .iter()
            .map(|(key, times)| {
                let value = (!times.is_empty())
                    .then(|| serde_json::to_vec(times))
                    .transpose()?;
                Ok((key.as_bytes().to_vec(), value))
            })
            .collect::<anyhow::Result<_>>()?;
        self.throttle.apply(changes)?;
        self.sync()
    }

    /// Flushes and fsyncs before the server stops.
    pub fn close(&self) -> anyhow::Result<()> {
        self.sync()
    }
}
