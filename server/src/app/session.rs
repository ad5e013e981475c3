//! Sessions: logging in (throttled, every attempt in the tenant's security log), logging out,
//! and changing one's own password, after which every other session of the account ends.

use super::App;
use crate::access::{Principal, TenantWrite};
use crate::auth::password;
use crate::auth::session::ActiveSession;
use crate::auth::throttle::{AttemptKind, Refusal};
use crate::projections::accounts::AccountEntry;
use crate::store::ExpectedVersion;
use crate::store::NewEvent;
use crate::streams;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::account::{
    Account, ChangePassword, LoggedOut, LoginFailed, LoginFailure, LoginRequest, LoginSucceeded,
    PasswordChangeKind, SessionInfo,
};
use antikor_shared::events::{EventSet, SecurityEvent};
use antikor_shared::msg;
use antikor_shared::{TenantId, Username, ids::regional_tenant};
use chrono::Utc;
use std::net::IpAddr;
use std::time::SystemTime;
use uuid::Uuid;

/// A session just opened: the token for the browser's cookie, and what the browser is told.
/// Not `Debug`: the token is a secret.
pub struct OpenedSession {
    /// The session's secret, for its cookie only.
    pub token: String,
    /// Who is logged in, and the CSRF token.
    pub info: SessionInfo,
}

fn too_many(refusal: Refusal) -> AppError {
    refusal.into_error(AttemptKind::Login)
}

impl App {
    /// Logs in with a username and password. Unknown usernames cost the same time as wrong
    /// passwords; too many failures for one account or from `client` answer 429. Every
    /// success and failure is recorded in the security log.
    pub async fn log_in(&self, client: IpAddr, body: LoginRequest) -> AppResult<OpenedSession> {
        // Counted before lowercasing, which can lengthen a name, as the document counts it.
        let typed = body.username.trim();
        let name = typed.to_lowercase();
        if typed.is_empty() || typed.chars().count() > 64 {
            return Err(AppError::BadRequest(msg!("requests-username-missing")));
        }
        password::check_length_for_login(&body.password)?;
        let attempt = self
            .auth
            .throttle
            .begin(&name, client, SystemTime::now())
            .inspect_err(|_| tracing::warn!(%client, "login refused while throttled"))
            .map_err(too_many)?;
        let entry = Username::parse(name.as_str())
            .ok()
            .and_then(|u| self.account_for_login(u.as_str()));
        let stored = match &entry {
            Some(e) => self.auth.secrets.password_hash(&e.account.username)?,
            None => None,
        };
        let matches = self.auth.passwords.verify(body.password, stored).await?;
        let failure = match &entry {
            None => Some(LoginFailure::UnknownAccount),
            Some(_) if !matches => Some(LoginFailure::WrongPassword),
            Some(e) if e.account.disabled => Some(LoginFailure::AccountDisabled),
            Some(_) => None,
        };
        let Some(entry) = entry.as_ref().filter(|_| failure.is_none()) else {
            let failure = failure.expect("no account means a failure");
            let blocked = match failure {
                LoginFailure::AccountDisabled => {
                    attempt.excused();
                    None
                }
                _ => attempt.failed(),
            };
            let (tenant, username) = match &entry {
                Some(a) => (a.account.tenant.clone(), Some(a.account.username.clone())),
                None => (regional_tenant(), None),
            };
            let actor = username
                .as_ref()
                .map_or("anonymous".to_owned(), |u| u.to_string());
            let event = LoginFailed {
                username,
                client: client.to_string(),
                failure,
                blocked_until: blocked.map(|d| Utc::now() + d),
            };
            self.record_security(tenant, &actor, event).await?;
            return Err(match (failure, blocked) {
                (_, Some(wait)) => too_many(Refusal::Blocked(wait)),
                (LoginFailure::AccountDisabled, _) => {
                    AppError::Unauthorized(msg!("requests-account-disabled"))
                }
                _ => AppError::Unauthorized(msg!("requests-wrong-credentials")),
            });
        };
        attempt.succeeded();
        let opened = self.open_session(entry)?;
        let event = LoginSucceeded {
            username: entry.account.username.clone(),
            client: client.to_string().into(),
        };
        self.record_security(
            entry.account.tenant.clone(),
            entry.account.username.as_str(),
            event,
        )
        .await?;
        Ok(opened)
    }

    /// Ends the caller's session, and records it.
    pub async fn log_out(&self, principal: &Principal) -> AppResult<()> {
        self.auth.sessions.end(&principal.session)?;
        let event = LoggedOut {
            username: principal.username.clone(),
        };
        self.record_security(principal.tenant.clone(), principal.username.as_str(), event)
            .await
    }

    /// Changes the caller's own password after checking the current one (throttled like a
    /// login). Every session of the account ends, and a new one is opened for this browser.
    pub async fn change_own_password(
        &self,
        principal: &Principal,
        client: IpAddr,
        body: ChangePassword,
    ) -> AppResult<OpenedSession> {
        password::check_length_for_login(&body.current_password)?;
        let name = principal.username.as_str();
        let attempt = self
            .auth
            .throttle
            .begin(name, client, SystemTime::now())
            .map_err(too_many)?;
        let stored = self.auth.secrets.password_hash(&principal.username)?;
        if !self
            .auth
            .passwords
            .verify(body.current_password, stored)
            .await?
        {
            if let Some(wait) = attempt.failed() {
                return Err(too_many(Refusal::Blocked(wait)));
            }
            return Err(AppError::Forbidden(msg!("requests-wrong-current-password")));
        }
        attempt.succeeded();
        password::check_policy(&body.new_password, &principal.username)?;
        let hash = self.auth.passwords.hash(body.new_password).await?;
        self.set_password(
            &principal.own_account(),
            name,
            &hash,
            PasswordChangeKind::ByOwner,
        )
        .await?;
        let entry = self
            .account_for_login(name)
            .ok_or_else(|| AppError::NotFound(msg!("requests-no-such-account")))?;
        self.open_session(&entry)
    }

    /// What the browser is told of its session.
    pub fn session_info(&self, account: &Account, session: &ActiveSession) -> SessionInfo {
        let policy = self.auth.sessions.policy;
        SessionInfo {
            username: account.username.clone(),
            display_name: account.display_name.clone(),
            tenant: account.tenant.clone(),
            tenant_name: self.tenant_name(&account.tenant),
            role: account.role,
            csrf_token: session.record.csrf_token.clone(),
            expires_at: policy.expires_at(session.record.created_at),
            idle_timeout_secs: policy.idle.as_secs(),
        }
    }

    /// Opens a session for an account that just proved its password.
    fn open_session(&self, entry: &AccountEntry) -> AppResult<OpenedSession> {
        let (token, session) = self
            .auth
            .sessions
            .open(&entry.account.username, entry.password_epoch)?;
        let info = self.session_info(&entry.account, &session);
        Ok(OpenedSession { token, info })
    }

    /// Records a security-log event. When the log refuses writes (it failed verification),
    /// the login still goes ahead, so that auditors can inspect a damaged log; the attempt is
    /// then only in the server's own log.
    async fn record_security(
        &self,
        tenant: TenantId,
        actor: &str,
        event: impl Into<SecurityEvent>,
    ) -> AppResult<()> {
        let event = event.into();
        let scope = TenantWrite::system(tenant, actor);
        let new = NewEvent::from_set(Uuid::new_v4(), &event);
        match self
            .append(&scope, streams::security(), ExpectedVersion::Any, vec![new])
            .await
        {
            Ok(_) => Ok(()),
            Err(AppError::Unavailable(why)) => {
                tracing::warn!(event = event.event_type().name(), actor, %why, "security event not recorded: the log refuses writes");
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}
