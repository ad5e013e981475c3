//! The secrets store: password hashes and sessions, kept apart from the event log.
//!
//! It is a sled database of its own (`DATA/secrets`), so nothing that reads, exports or replays
//! the log can reach a password hash or a session token. Changes that take power away
//! (a new password, a logout, a revoked session) are fsynced before they are acknowledged; a
//! new session is not, since losing one in a crash only asks its user to log in again.

use crate::store::durable::DurableDb;
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
    db: DurableDb,
    passwords: sled::Tree,
    sessions: sled::Tree,
    throttle: sled::Tree,
}

impl Secrets {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        let (db, _) = DurableDb::open(dir)?;
        Ok(Self {
            passwords: db.tree("passwords")?,
            sessions: db.tree("sessions")?,
            throttle: db.tree("throttle")?,
            db,
        })
    }

    fn sync(&self) -> anyhow::Result<()> {
        self.db.sync()
    }

    /// The stored PHC string of an account's password.
    pub fn password_hash(&self, username: &Username) -> anyhow::Result<Option<String>> {
        Ok(self
            .passwords
            .get(username.as_str())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Stores an account's password hash durably and returns the one it replaced.
    pub fn set_password_hash(
        &self,
        username: &Username,
        phc: &str,
    ) -> anyhow::Result<Option<String>> {
        let old = self.passwords.insert(username.as_str(), phc.as_bytes())?;
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
            Some(phc) => self.passwords.insert(username.as_str(), phc.as_bytes())?,
            None => self.passwords.remove(username.as_str())?,
        };
        self.sync()
    }

    /// Stores a new session under the hash of its token.
    pub fn insert_session(&self, key: &[u8; 32], record: &SessionRecord) -> anyhow::Result<()> {
        self.sessions.insert(key, serde_json::to_vec(record)?)?;
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
        for item in self.sessions.iter() {
            let (key, value) = item?;
            let record: SessionRecord = serde_json::from_slice(&value)?;
            if record.username == *username {
                self.sessions.remove(key)?;
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
        for item in self.sessions.iter() {
            let (key, value) = item?;
            let stale = serde_json::from_slice::<SessionRecord>(&value)
                .map(|r| expired(&r))
                .unwrap_or(true);
            if stale {
                self.sessions.remove(key)?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// How many sessions are stored.
    pub fn session_count(&self) -> usize {
        self.sessions.len()
    }

    /// The failure times (Unix milliseconds) of every throttle key that starts with `kind/`.
    pub fn throttle_entries(&self, kind: &str) -> anyhow::Result<Vec<(String, Vec<u64>)>> {
        let mut entries = Vec::new();
        for item in self.throttle.scan_prefix(format!("{kind}/")) {
            let (key, value) = item?;
            // An unreadable entry only forgets some failures; the rest still count.
            if let Ok(times) = serde_json::from_slice(&value) {
                entries.push((String::from_utf8_lossy(&key).into_owned(), times));
            }
        }
        Ok(entries)
    }

    /// Keeps throttle keys' failure times durably (none: the key is removed), in one atomic
    /// batch and one fsync, so that a restart right after a burst of guesses does not open the
    /// door again.
    pub fn set_throttle_entries(&self, entries: &[(String, &[u64])]) -> anyhow::Result<()> {
        let mut batch = sled::Batch::default();
        for (key, times) in entries {
            if times.is_empty() {
                batch.remove(key.as_bytes());
            } else {
                batch.insert(key.as_bytes(), serde_json::to_vec(times)?);
            }
        }
        self.throttle.apply_batch(batch)?;
        self.sync()
    }

    /// Flushes and fsyncs before the server stops.
    pub fn close(&self) -> anyhow::Result<()> {
        self.sync()
    }
}
