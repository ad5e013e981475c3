//! Logging in and out, changing one's own password and choosing one's e-mail about what
//! waits: `/api/session`.

use crate::access::Principal;
use crate::app::AppState;
use crate::app::session::OpenedSession;
use crate::util::errors::AppResult;
use crate::util::extract::{ClientAddr, Json};
use antikor_shared::account::{ChangePassword, LoginRequest, SessionInfo};
use antikor_shared::api::ErrorBody;
use antikor_shared::notifications::NotificationSettings;
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::CookieJar;

/// The session's cookie set in the browser's jar, and what the browser is told.
fn opened(
    app: &AppState,
    jar: CookieJar,
    session: OpenedSession,
) -> (CookieJar, axum::Json<SessionInfo>) {
    let cookie = app.auth.sessions.policy.cookie(session.token);
    (jar.add(cookie), axum::Json(session.info))
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
    let session = app.log_in(client, body).await?;
    Ok(opened(&app, jar, session))
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
    Ok(axum::Json(app.session_info(&account, &principal.session)))
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
    app.log_out(&principal).await?;
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
    let session = app.change_own_password(&principal, client, body).await?;
    Ok(opened(&app, jar, session))
}

/// How the caller is told by e-mail of what waits, and whether this server sends e-mail.
#[utoipa::path(get, path = "/api/session/notifications", security(("session" = [])), tag = "session",
    responses(
        (status = 200, description = "The caller's choice", body = NotificationSettings),
        (status = 401, description = "Not logged in", body = ErrorBody)))]
pub async fn notifications(
    State(app): State<AppState>,
    principal: Principal,
) -> axum::Json<NotificationSettings> {
    axum::Json(app.notification_settings(&principal))
}

/// Chooses how the caller is told by e-mail of what waits: `off`, a daily message (`digest`),
/// or that and, for the register's officers, a message as soon as a signal arrives
/// (`immediate`). The messages say only that something waits, with a link.
#[utoipa::path(put, path = "/api/session/notifications", security(("session" = [])), tag = "session", request_body = NotificationSettings,
    responses(
        (status = 200, description = "Chosen", body = NotificationSettings),
        (status = 400, description = "No address, or not an address", body = ErrorBody),
        (status = 403, description = "Missing CSRF token", body = ErrorBody)))]
pub async fn choose_notifications(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<NotificationSettings>,
) -> AppResult<axum::Json<NotificationSettings>> {
    Ok(axum::Json(
        app.choose_notifications(&principal, body).await?,
    ))
}
