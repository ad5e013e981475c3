//! Server-side sessions: opaque random tokens in an `HttpOnly`, `SameSite=Strict` cookie,
//! with idle and absolute expiry.

use super::secrets::{Secrets, SessionRecord};
use antikor_shared::Username;
use axum_extra::extract::cookie::{Cookie, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Duration;

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// A session unused this long ends.
    pub idle: Duration,
    /// A session ends this long after login, however active.
    pub absolute: Duration,
    /// Whether the site is served over TLS: the cookie is then `Secure` and `__Host-` prefixed.
    pub secure_cookies: bool,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 60 * 60),
            secure_cookies: false,
        }
    }
}

impl SessionPolicy {
    /// The cookie's name: `__Host-` prefixed over TLS so that no subdomain can set it.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-antikor_session"
        } else {
            "antikor_session"
        }
    }

    /// When a session opened at `created_at` ends at the latest.
    pub fn expires_at(&self, created_at: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(created_at + self.absolute.as_secs() as i64, 0).unwrap_or_default()
    }

    fn is_expired(&self, record: &SessionRecord, now: i64) -> bool {
        now - record.last_seen >= self.idle.as_secs() as i64
            || now - record.created_at >= self.absolute.as_secs() as i64
    }

    /// The cookie that carries a new session's token.
    pub fn cookie(&self, token: String) -> Cookie<'static> {
        Cookie::build((self.cookie_name(), token))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .secure(self.secure_cookies)
            .build()
    }

    /// The cookie that makes the browser forget the session.
    pub fn removal_cookie(&self) -> Cookie<'static> {
        let mut cookie = self.cookie(String::new());
        cookie.make_removal();
        cookie
    }
}

/// A session found for a request's cookie.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    /// The SHA-256 of the token: the session's key in the store.
    pub key: [u8; 32],
    /// What is stored about it.
    pub record: SessionRecord,
}

/// Opens, finds and ends sessions.
#[derive(Clone)]
pub struct Sessions {
    secrets: Arc<Secrets>,
    /// How long sessions last, and how their cookie looks.
    pub policy: SessionPolicy,
}

/// Random bytes as URL-safe base64: 256 bits, far above the 128 the issue asks for.
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn key_of(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    Utc::now().timestamp()
}

impl Sessions {
    /// Sessions kept in `secrets`, lasting as `policy` says.
    pub fn new(secrets: Arc<Secrets>, policy: SessionPolicy) -> Self {
        Self { secrets, policy }
    }

    /// Opens a session; returns its token (for the cookie only) and what is stored.
    pub fn open(
        &self,
        username: &Username,
        password_epoch: u64,
    ) -> anyhow::Result<(String, ActiveSession)> {
        let now = unix_now();
        // Now and then, not on every request: drop sessions that ran out.
        if self.secrets.session_count()? > 64 {
            self.secrets
                .remove_expired_sessions(|r| self.policy.is_expired(r, now))?;
        }
        let token = random_token();
        let record = SessionRecord {
            username: username.clone(),
            created_at: now,
            last_seen: now,
            csrf_token: random_token(),
            password_epoch,
        };
        let key = key_of(&token);
        self.secrets.insert_session(&key, &record)?;
        Ok((token, ActiveSession { key, record }))
    }

    /// The live session a token belongs to. An expired one is removed and not returned.
    pub fn find(&self, token: &str) -> anyhow::Result<Option<ActiveSession>> {
        // Tokens we issue are 43 characters; anything else cannot match, so skip the lookup.
        if token.len() != 43 {
            return Ok(None);
        }
        let key = key_of(token);
        let Some(mut record) = self.secrets.session(&key)? else {
            return Ok(None);
        };
        let now = unix_now();
        if self.policy.is_expired(&record, now) {
            self.secrets.remove_session(&key)?;
            return Ok(None);
        }
        // Refresh the idle clock at most once a minute (or a quarter of a short idle time).
        let refresh = (self.policy.idle.as_secs() as i64 / 4).clamp(1, 60);
        if now - record.last_seen >= refresh {
            record.last_seen = now;
            self.secrets.touch_session(&key, &record)?;
        }
        Ok(Some(ActiveSession { key, record }))
    }

    /// Ends one session.
    pub fn end(&self, session: &ActiveSession) -> anyhow::Result<()> {
        self.secrets.remove_session(&session.key)
    }

    /// Ends every session of an account.
    pub fn end_all_of(&self, username: &Username) -> anyhow::Result<usize> {
        self.secrets.remove_sessions_of(username)
    }
}
