//! Logging in and out, and changing one's own password: `/api/session`.

use crate::access::{Principal, TenantWrite};
use crate::app::{App, AppState};
use crate::auth::password;
use crate::auth::session::ActiveSession;
use crate::auth::throttle::Refusal;
use crate::projections::accounts::AccountEntry;
use crate::store::{ExpectedVersion, NewEvent};
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{ClientAddr, Json};
use antikor_shared::account::{
    Account, ChangePassword, LoggedOut, LoginFailed, LoginFailure, LoginRequest, LoginSucceeded,
    PasswordChangeKind, SessionInfo,
};
use antikor_shared::api::ErrorBody;
use antikor_shared::{DomainEvent, StreamId, TenantId, Username, ids::regional_tenant};
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use std::time::SystemTime;
use uuid::Uuid;

/// The stream of login successes, failures and logouts in each tenant's log.
fn security_stream() -> StreamId {
    StreamId::parse("security").expect("valid stream id")
}

/// Records a security-log event. When the log refuses writes (it failed verification), the
/// login still goes ahead, so that auditors can inspect a damaged log; the attempt is then
/// only in the server's own log.
async fn record<E: DomainEvent>(
    app: &App,
    tenant: TenantId,
    actor: &str,
    event: &E,
) -> AppResult<()> {
    let scope = TenantWrite::system(tenant, actor);
    let event = NewEvent::from_domain(Uuid::new_v4(), event);
    match app
        .append(&scope, security_stream(), ExpectedVersion::Any, vec![event])
        .await
    {
        Ok(_) => Ok(()),
        Err(AppError::Unavailable(why)) => {
            tracing::warn!(event = E::EVENT_TYPE, actor, %why, "security event not recorded: the log refuses writes");
            Ok(())
        }
        Err(e) => Err(e),
    }
}

fn too_many(refusal: Refusal) -> AppError {
    refusal.into_error("Твърде много неуспешни опити за вход.")
}

fn session_info(app: &App, account: &Account, session: &ActiveSession) -> SessionInfo {
    let policy = app.auth.sessions.policy;
    SessionInfo {
        username: account.username.clone(),
        display_name: account.display_name.clone(),
        tenant: account.tenant.clone(),
        tenant_name_bg: app.tenant_name(&account.tenant),
        role: account.role,
        csrf_token: session.record.csrf_token.clone(),
        expires_at: policy.expires_at(session.record.created_at),
        idle_timeout_secs: policy.idle.as_secs(),
    }
}

/// Opens a session for an account that just proved its password.
fn open_session(
    app: &App,
    jar: CookieJar,
    entry: &AccountEntry,
) -> AppResult<(CookieJar, SessionInfo)> {
    let (token, session) = app
        .auth
        .sessions
        .open(&entry.account.username, entry.password_epoch)?;
    let info = session_info(app, &entry.account, &session);
    Ok((jar.add(app.auth.sessions.policy.cookie(token)), info))
}

/// Logs in with a username and password. Unknown usernames cost the same time as wrong
/// passwords; too many failures for one account or from one address answer 429. Every
/// success and failure is recorded in the security log.
#[utoipa::path(post, path = "/api/session", tag = "session", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = SessionInfo),
        (status = 400, description = "Missing or over-long username or password", body = ErrorBody),
        (status = 401, description = "Wrong username or password, or the account is disabled", body = ErrorBody),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = ErrorBody)))]
pub async fn login(
    State(app): State<AppState>,
    ClientAddr(client): ClientAddr,
    jar: CookieJar,
    Json(body): Json<LoginRequest>,
) -> AppResult<(CookieJar, axum::Json<SessionInfo>)> {
    // Counted before lowercasing, which can lengthen a name, as the document counts it.
    let typed = body.username.trim();
    let name = typed.to_lowercase();
    if typed.is_empty() || typed.chars().count() > 64 {
        return Err(AppError::BadRequest("Въведете потребителско име.".into()));
    }
    password::check_length_for_login(&body.password)?;
    let attempt = app
        .auth
        .throttle
        .begin(&name, client, SystemTime::now())
        .inspect_err(|_| tracing::warn!(%client, "login refused while throttled"))
        .map_err(too_many)?;
    let entry = Username::parse(name.as_str())
        .ok()
        .and_then(|u| app.account_for_login(u.as_str()));
    let stored = match &entry {
        Some(e) => app.auth.secrets.password_hash(&e.account.username)?,
        None => None,
    };
    let matches = app.auth.passwords.verify(body.password, stored).await?;
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
        record(&app, tenant, &actor, &event).await?;
        return Err(match (failure, blocked) {
            (_, Some(wait)) => too_many(Refusal::Blocked(wait)),
            (LoginFailure::AccountDisabled, _) => AppError::Unauthorized(
                "Профилът е деактивиран. Обърнете се към администратора на институцията.".into(),
            ),
            _ => AppError::Unauthorized("Грешно потребителско име или парола.".into()),
        });
    };
    attempt.succeeded();
    let (jar, info) = open_session(&app, jar, entry)?;
    let event = LoginSucceeded {
        username: entry.account.username.clone(),
        client: client.to_string(),
    };
    record(
        &app,
        entry.account.tenant.clone(),
        entry.account.username.as_str(),
        &event,
    )
    .await?;
    Ok((jar, axum::Json(info)))
}

/// The logged-in user: name, tenant, role and the CSRF token to send with changes.
#[utoipa::path(get, path = "/api/session", security(("session" = [])), tag = "session",
    responses(
        (status = 200, description = "The current session", body = SessionInfo)))]
pub async fn current(
    State(app): State<AppState>,
    principal: Principal,
) -> AppResult<axum::Json<SessionInfo>> {
    let account = app.account(&principal.read_scope(), principal.username.as_str())?;
    Ok(axum::Json(session_info(&app, &account, &principal.session)))
}

/// Logs out: the session ends on the server and the cookie is cleared.
#[utoipa::path(delete, path = "/api/session", security(("session" = [])), tag = "session",
    responses(
        (status = 204, description = "Logged out"),
        (status = 403, description = "Missing CSRF token", body = ErrorBody)))]
pub async fn logout(
    State(app): State<AppState>,
    principal: Principal,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    app.auth.sessions.end(&principal.session)?;
    let event = LoggedOut {
        username: principal.username.clone(),
    };
    record(
        &app,
        principal.tenant.clone(),
        principal.username.as_str(),
        &event,
    )
    .await?;
    Ok((
        StatusCode::NO_CONTENT,
        jar.add(app.auth.sessions.policy.removal_cookie()),
    ))
}

/// Changes the caller's own password. Every session of the account ends and a new one is
/// opened for this browser.
#[utoipa::path(put, path = "/api/session/password", security(("session" = [])), tag = "session", request_body = ChangePassword,
    responses(
        (status = 200, description = "Changed; a new session cookie is set", body = SessionInfo),
        (status = 400, description = "The new password does not meet the policy", body = ErrorBody),
        (status = 403, description = "Wrong current password, or missing CSRF token", body = ErrorBody),
        (status = 429, description = "Too many wrong current passwords", body = ErrorBody)))]
pub async fn change_password(
    State(app): State<AppState>,
    principal: Principal,
    ClientAddr(client): ClientAddr,
    jar: CookieJar,
    Json(body): Json<ChangePassword>,
) -> AppResult<(CookieJar, axum::Json<SessionInfo>)> {
    password::check_length_for_login(&body.current_password)?;
    let name = principal.username.as_str();
    let attempt = app
        .auth
        .throttle
        .begin(name, client, SystemTime::now())
        .map_err(too_many)?;
    let stored = app.auth.secrets.password_hash(&principal.username)?;
    if !app
        .auth
        .passwords
        .verify(body.current_password, stored)
        .await?
    {
        if let Some(wait) = attempt.failed() {
            return Err(too_many(Refusal::Blocked(wait)));
        }
        return Err(AppError::Forbidden("Текущата парола е грешна.".into()));
    }
    attempt.succeeded();
    password::check_policy(&body.new_password, &principal.username)?;
    let hash = app.auth.passwords.hash(body.new_password).await?;
    app.set_password(
        &principal.own_account(),
        name,
        &hash,
        PasswordChangeKind::ByOwner,
    )
    .await?;
    let entry = app
        .account_for_login(name)
        .ok_or_else(|| AppError::NotFound("Няма такъв профил.".into()))?;
    let (jar, info) = open_session(&app, jar, &entry)?;
    Ok((jar, axum::Json(info)))
}
