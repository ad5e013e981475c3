//! The application's error policy: one error type for every handler.
//!
//! Bad input is answered with a 4xx and a message in Bulgarian that a person can act on, and is
//! not logged. Internal failures are logged once, here, and the client gets no details.

use crate::store::{AppendError, ExpectedVersion, StoreError};
use antikor_shared::api::ErrorBody;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// What a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is malformed or asks for something impossible.
    #[error("{0}")]
    BadRequest(String),
    /// The caller is not logged in (or the session ended).
    #[error("{0}")]
    Unauthorized(String),
    /// The caller is logged in but the role does not allow this, or the CSRF token is missing.
    #[error("{0}")]
    Forbidden(String),
    /// Too many attempts; try again after the given number of seconds.
    #[error("{message}")]
    TooManyRequests {
        /// What to do, for the person.
        message: String,
        /// Seconds until a new attempt may succeed (the `Retry-After` header).
        retry_after: u64,
    },
    /// The request's body is larger than the route accepts.
    #[error("{0}")]
    TooLarge(String),
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("{0}")]
    NotFound(String),
    /// Someone else changed the thing first.
    #[error("{0}")]
    Conflict(String),
    /// The server cannot take writes now (closing, or the log failed verification).
    #[error("{0}")]
    Unavailable(String),
    /// Anything else: a bug or a storage failure.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
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

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let message = match &self {
            Self::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                "Възникна вътрешна грешка. Опитайте отново; ако се повтаря, съобщете на администратора."
                    .to_owned()
            }
            other => other.to_string(),
        };
        let mut response = (
            status,
            Json(ErrorBody {
                error: code.to_owned(),
                message,
            }),
        )
            .into_response();
        if let Self::TooManyRequests { retry_after, .. } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        }
        response
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Closing => Self::Unavailable("Сървърът спира и не приема промени.".into()),
            StoreError::ChainBroken(b) => Self::Unavailable(format!(
                "Дневникът на събитията не премина проверката ({b}); промени не се приемат."
            )),
            StoreError::OutOfRange(m) => {
                Self::BadRequest(format!("Няма такава част от дневника: {m}."))
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
                let expected = match expected {
                    ExpectedVersion::Any => "която и да е".to_owned(),
                    ExpectedVersion::NoStream => "нов запис".to_owned(),
                    ExpectedVersion::Exact(v) => format!("версия {v}"),
                };
                Self::Conflict(format!(
                    "Записът е променен междувременно от друг потребител (текуща версия {actual}, очаквана {expected}). Заредете го отново."
                ))
            }
            AppendError::Invalid(m) => Self::BadRequest(m),
            AppendError::DuplicateId { id, position } => Self::Conflict(format!(
                "Събитие {id} вече е записано на позиция {position} в друга промяна."
            )),
            AppendError::Store(s) => s.into(),
        }
    }
}
