//! Authentication: password hashing and policy, the secrets store, sessions and login
//! throttling. Authorization (who may reach what) is in `crate::access`.

pub mod password;
pub mod secrets;
pub mod session;
pub mod throttle;

use crate::tables::Tables;
use password::Passwords;
use secrets::Secrets;
use session::{SessionPolicy, Sessions};
use std::sync::Arc;
use throttle::Throttle;

/// Everything logging in needs.
pub struct Auth {
    /// argon2id hashing, a few at a time.
    pub passwords: Passwords,
    /// Password hashes and sessions, outside the event log.
    pub secrets: Arc<Secrets>,
    /// Opening, finding and ending sessions.
    pub sessions: Sessions,
    /// Failed logins and password changes per account and per address.
    pub throttle: Throttle,
}

impl Auth {
    /// Opens the secrets store in `tables`.
    pub fn open(tables: Tables, policy: SessionPolicy) -> anyhow::Result<Self> {
        let secrets = Arc::new(Secrets::open_in(tables)?);
        Ok(Self {
            passwords: Passwords::default(),
            sessions: Sessions::new(secrets.clone(), policy),
            throttle: Throttle::stored("login", secrets.clone())?,
            secrets,
        })
    }
}
