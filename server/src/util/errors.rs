//! The application's error policy: one error type for every handler.
//!
//! Bad input is answered with a 4xx and a message that a person can act on, in the language the
//! request asks for (`Accept-Language`; Bulgarian by default), and is not logged. Internal
//! failures are logged once, here, and the client gets no details.

use crate::store::{AppendError, ExpectedVersion, StoreError};
use antikor_shared::api::ErrorBody;
use antikor_shared::i18n::{Lang, Text};
use antikor_shared::msg;
use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is malformed or asks for something impossible.
    #[error("{0}")]
    BadRequest(Text),
    /// The caller is not logged in (or the session ended).
    #[error("{0}")]
    Unauthorized(Text),
    /// The caller is logged in but the role does not allow this, or the CSRF token is missing.
    #[error("{0}")]
    Forbidden(Text),
    /// Too many attempts; try again after the given number of seconds.
    #[error("{message}")]
    TooManyRequests {
        /// What to do, for the person.
        message: Text,
        /// Seconds until a new attempt may succeed (the `Retry-After` header).
        retry_after: u64,
    },
    /// The request's body is larger than the route accepts.
    #[error("{0}")]
    TooLarge(Text),
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("{0}")]
    NotFound(Text),
    /// Someone else changed the thing first.
    #[error("{0}")]
    Conflict(Text),
    /// The server cannot take writes now (closing, or the log failed verification).
    #[error("{0}")]
    Unavailable(Text),
    /// Anything else: a bug or a storage failure.
    #[error(transparent)]
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for AppError {
    /// A failure of the log's store keeps its meaning when it comes through the state beside
    /// the log (a session looked up in a database out of reach is a 503, not a 500).
    fn from(e: anyhow::Error) -> Self {
        match e.downcast::<StoreError>() {
            Ok(store) => store.into(),
            Err(e) => Self::Internal(e),
        }
    }
}

/// The result type of handlers.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    fn parts(&self) -> (StatusCode, &'static str) {
        match self {
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::Unauthorized(_) => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Self::TooManyRequests { .. } => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
            Self::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            Self::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

/// An error answer's code and text, kept on the response until [`speak_the_callers_language`]
/// writes its body in the request's language.
#[derive(Debug, Clone)]
struct Said {
    code: &'static str,
    text: Text,
}

impl Said {
    fn body(&self, lang: Lang) -> Json<ErrorBody> {
        Json(ErrorBody {
            error: self.code.to_owned(),
            message: self.text.render(lang),
        })
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let retry_after = match &self {
            Self::TooManyRequests { retry_after, .. } => Some(*retry_after),
            _ => None,
        };
        let text = match self {
            Self::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                msg!("server-internal")
            }
            Self::BadRequest(text)
            | Self::Unauthorized(text)
            | Self::Forbidden(text)
            | Self::TooLarge(text)
            | Self::NotFound(text)
            | Self::Conflict(text)
            | Self::Unavailable(text)
            | Self::TooManyRequests { message: text, .. } => text,
        };
        let said = Said { code, text };
        // Written in Bulgarian here; the middleware writes it again in the caller's language.
        let mut response = (status, said.body(Lang::Bg)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(said);
        response
    }
}

/// The language a request asks for: the browser app's cookie, else `Accept-Language`, else
/// Bulgarian (see [`Lang::of_request`]).
pub fn callers_language(headers: &axum::http::HeaderMap) -> Lang {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    Lang::of_request(header(header::COOKIE), header(header::ACCEPT_LANGUAGE))
}

/// Middleware: writes every error answer's message in the language the request asks for
/// ([`callers_language`]).
pub async fn speak_the_callers_language(request: Request, next: Next) -> Response {
    let lang = callers_language(request.headers());
    let mut response = next.run(request).await;
    if let Some(said) = response.extensions_mut().remove::<Said>()
        && lang != Lang::Bg
    {
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        let body = said.body(lang).into_response().into_body();
        response = Response::from_parts(parts, body);
    }
    response
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Closing => Self::Unavailable(msg!("server-closing")),
            StoreError::Unreachable(reason) => {
                tracing::warn!(%reason, "the log's database cannot be reached");
                Self::Unavailable(msg!("server-log-unreachable"))
            }
            StoreError::ChainBroken(b) => {
                Self::Unavailable(msg!("server-log-broken", reason = b.to_string()))
            }
            StoreError::OutOfRange(m) => {
                Self::BadRequest(msg!("server-log-out-of-range", what = m))
            }
            other => Self::Internal(other.into()),
        }
    }
}

impl From<AppendError> for AppError {
    fn from(e: AppendError) -> Self {
        match e {
            AppendError::WrongExpectedVersion {
                actual, expected, ..
            } => {
                // A version is a count of events: written as it is, not grouped.
                let actual = actual.to_string();
                Self::Conflict(match expected {
                    ExpectedVersion::Any => msg!("server-stale-any", actual = actual),
                    ExpectedVersion::NoStream => msg!("server-stale-new", actual = actual),
                    ExpectedVersion::Exact(v) => {
                        msg!("server-stale", actual = actual, expected = v.to_string())
                    }
                })
            }
            AppendError::Invalid(m) => Self::BadRequest(m.into()),
            AppendError::DuplicateId { id, position } => Self::Conflict(msg!(
                "server-duplicate-event",
                id = id.to_string(),
                position = position.to_string()
            )),
            AppendError::Store(s) => s.into(),
        }
    }
}
