//! Extractors that answer malformed input with the application's JSON error.

use crate::util::errors::AppError;
use antikor_shared::msg;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// The language the caller reads, from `Accept-Language` (Bulgarian by default): for answers
/// that carry texts for people. Error messages need no extractor: they follow it by themselves
/// (`errors::speak_the_callers_language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaks(pub antikor_shared::i18n::Lang);

impl<S: Send + Sync> FromRequestParts<S> for Speaks {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(crate::util::errors::callers_language(&parts.headers)))
    }
}

/// Like `axum::extract::Query`, but a bad query string is an [`AppError::BadRequest`].
pub struct Query<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Self(q.0))
            .map_err(|e| AppError::BadRequest(msg!("server-bad-query", detail = e.body_text())))
    }
}

/// Like `axum::extract::Path`, but a bad path segment is an [`AppError::BadRequest`].
pub struct Path<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for Path<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Self(p.0))
            .map_err(|e| AppError::BadRequest(msg!("server-bad-path", detail = e.body_text())))
    }
}

/// Like `axum::Json`, but a body that is not the expected JSON is an [`AppError::BadRequest`]
/// with a message a person can act on.
pub struct Json<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequest<S> for Json<T> {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|j| Self(j.0))
            .map_err(|e| match e {
                axum::extract::rejection::JsonRejection::MissingJsonContentType(_) => {
                    AppError::BadRequest(msg!("server-json-content-type"))
                }
                axum::extract::rejection::JsonRejection::BytesRejection(e)
                    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE =>
                {
                    AppError::TooLarge(msg!("server-json-too-large"))
                }
                axum::extract::rejection::JsonRejection::BytesRejection(e) if stalled(&e) => {
                    AppError::BadRequest(msg!("server-body-stalled"))
                }
                other => AppError::BadRequest(msg!("server-bad-json", detail = other.body_text())),
            })
    }
}

/// Whether a body could not be read because the client stopped sending it (the server's
/// body timeout, see `crate::connections`).
fn stalled(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(error);
    while let Some(e) = next {
        if e.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        next = e.source();
    }
    false
}

/// The network address of the client. Behind a reverse proxy this is the proxy's address;
/// Antikor is meant to be reached directly or through a proxy that limits requests itself.
pub struct ClientAddr(pub std::net::IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::ConnectInfo::<std::net::SocketAddr>::from_request_parts(parts, state)
            .await
            .map(|c| Self(c.0.ip()))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("no client address: {e}")))
    }
}
