//! Typed calls to Antikor's JSON API and the errors the pages show for them: this module is
//! the client (errors, the 401 hook, the CSRF token); the calls live in one module per area.

mod accounts;
mod activities;
mod audit;
mod plan;
pub mod signals;
mod tenants;

// Pages call `api::name` whatever the area; the areas only say where a call is written.
pub use accounts::*;
pub use activities::*;
pub use audit::*;
pub use plan::*;
pub use tenants::*;

use antikor_shared::TenantId;
use antikor_shared::account::SessionInfo;
use antikor_shared::api::{ErrorBody, Health};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::rc::Rc;

/// Why a call to the server gave no usable answer; `Display` is the Bulgarian text shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// No answer at all (offline, server down, or a gateway reporting the server unreachable).
    #[error("Сървърът не отговаря. Опитайте отново.")]
    Network,
    /// The server refused the request and said why.
    #[error("{message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The server's stable error code, e.g. `not_found`.
        code: String,
        /// The server's explanation, shown as it is.
        message: String,
    },
    /// The server answered with something this app cannot read.
    #[error("Сървърът върна неочакван отговор (HTTP {status}).")]
    Unexpected {
        /// HTTP status.
        status: u16,
    },
    /// The address holds a value the app refuses before asking the server.
    #[error("{0}")]
    Invalid(String),
}

impl ApiError {
    /// Whether the server said the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Server { status: 404, .. })
    }

    /// Whether the server said someone changed the thing first (a stale `expected_version`).
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Server { status: 409, .. })
    }

    /// Whether the server asked for a login: wrong credentials, or a session that ended.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Server { status: 401, .. })
    }
}

type Hook = Rc<dyn Fn()>;

thread_local! {
    // The browser runs the app on one thread, so a thread-local is the app's only copy.
    static ON_UNAUTHORIZED: RefCell<Option<Hook>> = const { RefCell::new(None) };
    // The current session's CSRF token: set by the answers that start or confirm a session,
    // dropped by a logout or any 401, so no page has to carry it.
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets what happens when any call is answered 401: the session module decides whether that
/// means an ended session. Every call goes through here, so no page can forget it.
pub fn on_unauthorized(hook: impl Fn() + 'static) {
    ON_UNAUTHORIZED.with(|h| *h.borrow_mut() = Some(Rc::new(hook)));
}

fn unauthorized() {
    // Cloned out first: the hook may well start calls of its own.
    let hook = ON_UNAUTHORIZED.with(|h| h.borrow().clone());
    if let Some(hook) = hook {
        hook();
    }
}

/// Turns a fetch result into the successful response or the error the pages show.
async fn check(sent: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
    let response = sent.map_err(|_| ApiError::Network)?;
    let status = response.status();
    if response.ok() {
        return Ok(response);
    }
    let error = match response.json::<ErrorBody>().await {
        Ok(body) => ApiError::Server {
            status,
            code: body.error,
            message: body.message,
        },
        // A proxy in front of a stopped server answers 502–504 with its own page.
        Err(_) if matches!(status, 502..=504) => ApiError::Network,
        Err(_) => ApiError::Unexpected { status },
    };
    if status == 401 {
        forget_token();
        unauthorized();
    }
    Err(error)
}

async fn json_of<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    response
        .json::<T>()
        .await
        .map_err(|_| ApiError::Unexpected { status })
}

async fn get_json<T: DeserializeOwned>(url: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
    let sent = Request::get(url)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .header("Accept", "application/json")
        .send()
        .await;
    json_of(check(sent).await?).await
}

/// `GET` of a plain-text answer (errors still come as JSON, read by [`check`]).
async fn get_text(url: &str) -> Result<String, ApiError> {
    let sent = Request::get(url)
        .header("Accept", "text/plain, application/json")
        .send()
        .await;
    let response = check(sent).await?;
    let status = response.status();
    response
        .text()
        .await
        .map_err(|_| ApiError::Unexpected { status })
}

/// A request that changes something: it carries the session's CSRF token, which the server
/// compares with the session, so another site cannot make the browser send it. Without a
/// session there is nothing to send: the answer is what the server would say, a 401.
fn changing(builder: RequestBuilder) -> Result<RequestBuilder, ApiError> {
    let Some(token) = CSRF.with(|t| t.borrow().clone()) else {
        unauthorized();
        return Err(ApiError::Server {
            status: 401,
            code: "unauthenticated".to_owned(),
            message: "Сесията е приключила. Влезте отново.".to_owned(),
        });
    };
    Ok(builder
        .header("Accept", "application/json")
        .header("X-CSRF-Token", &token))
}

/// Drops the CSRF token: the session ended.
fn forget_token() {
    CSRF.with(|t| t.borrow_mut().take());
}

/// Keeps the CSRF token of a session the server has just confirmed or started.
fn hold(info: SessionInfo) -> SessionInfo {
    CSRF.with(|t| *t.borrow_mut() = Some(info.csrf_token.clone()));
    info
}

/// Sends `body` as JSON (`.json` sets `Content-Type: application/json`) and reads the answer.
async fn send_json<B: Serialize, T: DeserializeOwned>(
    builder: RequestBuilder,
    body: &B,
) -> Result<T, ApiError> {
    let request = builder
        .json(body)
        .map_err(|_| ApiError::Invalid("Заявката не може да бъде съставена.".to_owned()))?;
    json_of(check(request.send().await).await?).await
}

/// `GET /api/health`.
pub async fn health() -> Result<Health, ApiError> {
    get_json("/api/health", &[]).await
}

/// The query of a view: whose, which year, as of when; unset values left out.
fn view_query(
    tenant: Option<&TenantId>,
    year: Option<i32>,
    as_of: Option<&str>,
) -> Vec<(&'static str, String)> {
    [
        ("tenant", tenant.map(ToString::to_string)),
        ("year", year.map(|y| y.to_string())),
        ("as_of", as_of.map(str::to_owned)),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}
