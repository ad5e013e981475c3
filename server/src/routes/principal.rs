//! Who a request comes from: its session cookie resolved into a [`Principal`], as the log says
//! the account is now, with the CSRF token checked on every request that changes something.

use crate::access::{Principal, Reach};
use crate::app::AppState;
use crate::util::errors::{AppError, AppResult};
use antikor_shared::msg;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use subtle::ConstantTimeEq;

/// The header a logged-in browser echoes its CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

fn unauthorized() -> AppError {
    AppError::Unauthorized(msg!("server-log-in"))
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> AppResult<Self> {
        let sessions = &app.auth.sessions;
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(sessions.policy.cookie_name())
            .ok_or_else(unauthorized)?
            .value()
            .to_owned();
        let sessions_ = sessions.clone();
        let session = tokio::task::spawn_blocking(move || sessions_.find(&token))
            .await
            .map_err(anyhow::Error::from)??
            .ok_or_else(unauthorized)?;
        let account = {
            let models = app.models_unscoped();
            models
                .accounts
                .get(session.record.username.as_str())
                .filter(|e| {
                    !e.account.disabled && e.password_epoch == session.record.password_epoch
                })
                .map(|e| {
                    let reach = Reach::of(e.account.role, &e.account.tenant, &models);
                    (e.clone(), reach)
                })
        };
        let Some((entry, reach)) = account else {
            // Disabled, password changed, or gone: the session must not come back.
            sessions.end(&session)?;
            return Err(unauthorized());
        };
        if !parts.method.is_safe() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .map(|v| v.as_bytes())
                .unwrap_or_default();
            let expected = session.record.csrf_token.as_bytes();
            if !bool::from(sent.ct_eq(expected)) {
                return Err(AppError::Forbidden(msg!("server-csrf")));
            }
        }
        Ok(Self {
            username: entry.account.username,
            display_name: entry.account.display_name,
            tenant: entry.account.tenant,
            role: entry.account.role,
            session,
            reach,
        })
    }
}

impl OptionalFromRequestParts<AppState> for Principal {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> AppResult<Option<Self>> {
        match <Self as FromRequestParts<AppState>>::from_request_parts(parts, app).await {
            Ok(p) => Ok(Some(p)),
            Err(AppError::Unauthorized(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
