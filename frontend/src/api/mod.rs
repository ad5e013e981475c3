//! Typed calls to Antikor's JSON API and the errors the pages show for them: this module is
//! the client (errors, the 401 hook, the CSRF token); the calls live in one module per area.

mod accounts;
mod activities;
mod audit;
mod files;
mod plan;
mod risks;
pub mod signals;
mod surveys;
mod tenants;

// Pages call `api::name` whatever the area; the areas only say where a call is written.
pub use accounts::*;
pub use activities::*;
pub use audit::*;
pub use files::*;
pub use plan::*;
pub use risks::*;
pub use surveys::*;
pub use tenants::*;

pub use antikor_shared::api::Page;

use antikor_shared::TenantId;
use antikor_shared::account::SessionInfo;
use antikor_shared::api::{ErrorBody, Health, MAX_PAGE_SIZE};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

/// Why a call to the server gave no usable answer; `Display` is the text shown, in the page's
/// language (the server words its own refusals in the language the request asked for).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all (offline, server down, or a gateway reporting the server unreachable).
    Network,
    /// The server refused the request and said why.
    Server {
        /// HTTP status.
        status: u16,
        /// The server's stable error code, e.g. `not_found`.
        code: String,
        /// The server's explanation, shown as it is.
        message: String,
    },
    /// The server answered with something this app cannot read.
    Unexpected {
        /// HTTP status.
        status: u16,
    },
    /// The address holds a value the app refuses before asking the server.
    Invalid(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Network => f.write_str(&t!("shell-api-network")),
            Self::Server { message, .. } => f.write_str(message),
            // The status as a code, not a number to group: "HTTP 1 234" would be no status.
            Self::Unexpected { status } => {
                f.write_str(&t!("shell-api-unexpected", status = status.to_string()))
            }
            Self::Invalid(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for ApiError {}

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

/// Sends `request` and reads the successful answer's status and text. Not generic: the
/// request's code exists once in the app, however many types answers are read as (a generic
/// fetch was copied into every page's loader, a tenth of the wasm).
async fn answer(request: Result<Request, gloo_net::Error>) -> Result<(u16, String), ApiError> {
    let request = request.map_err(|_| ApiError::Invalid(t!("shell-api-request-not-built")))?;
    let response = check(speaking(request).send().await).await?;
    let status = response.status();
    let text = response
        .text()
        .await
        .map_err(|_| ApiError::Unexpected { status })?;
    Ok((status, text))
}

/// The request, asking the server to answer (its error messages) in the page's language.
fn speaking(request: Request) -> Request {
    request
        .headers()
        .set("Accept-Language", crate::i18n::lang().tag());
    request
}

/// An answer's text read as `T`.
fn parsed<T: DeserializeOwned>((status, text): (u16, String)) -> Result<T, ApiError> {
    serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
}

/// The answer of a `GET` of JSON, as text.
async fn get_answer(url: &str, query: &[(&str, String)]) -> Result<(u16, String), ApiError> {
    let request = Request::get(url)
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .header("Accept", "application/json")
        .build();
    answer(request).await
}

async fn get_json<T: DeserializeOwned>(url: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
    parsed(get_answer(url, query).await?)
}

/// `GET` of a plain-text answer (errors still come as JSON, read by [`check`]).
async fn get_text(url: &str) -> Result<String, ApiError> {
    let sent = Request::get(url)
        .header("Accept", "text/plain, application/json")
        .header("Accept-Language", crate::i18n::lang().tag())
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
            message: t!("shell-api-session-ended"),
        });
    };
    Ok(builder
        .header("Accept", "application/json")
        .header("Accept-Language", crate::i18n::lang().tag())
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
    parsed(answer(builder.json(body)).await?)
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

/// The `province=` of a combined view, when one is asked for; a blank one is left out, as the
/// server would read it as "every province in reach" anyway.
fn province_query(province: Option<&str>) -> Vec<(&'static str, String)> {
    province
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| ("province", p.to_owned()))
        .into_iter()
        .collect()
}

/// Which page of a list to read: where it starts and how long it may be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageAt {
    /// The previous page's `next`; `None` for the first page.
    pub after: Option<String>,
    /// How many items at most; `None` for the server's default
    /// ([`PAGE_SIZE`](antikor_shared::api::PAGE_SIZE)).
    pub limit: Option<u32>,
}

impl PageAt {
    /// The first page, of the server's default length: what a page shows first.
    pub fn first() -> Self {
        Self::default()
    }

    /// The page after `after`, of the default length: the "more" of a shown list.
    pub fn next(after: Option<String>) -> Self {
        Self { after, limit: None }
    }

    /// The longest page the server gives, after `after`: how a whole list is read in as few
    /// requests as it can be.
    pub fn longest(after: Option<String>) -> Self {
        Self {
            after,
            limit: Some(MAX_PAGE_SIZE),
        }
    }

    /// Adds `limit=` and `after=` to a list's query, when set.
    fn add_to(&self, query: &mut Vec<(&'static str, String)>) {
        if let Some(limit) = self.limit {
            query.push(("limit", limit.to_string()));
        }
        if let Some(after) = &self.after {
            query.push(("after", after.clone()));
        }
    }
}

/// Every item of a list, read page after page in the longest pages the server gives. Only for
/// what truly needs the whole list (a file of it, a filter the server does not know); the
/// pages themselves show a page at a time.
///
/// A server that answers a page with the cursor it was asked with, or with no items and yet a
/// next page, would have this ask forever: that is refused as an unexpected answer.
pub async fn all_pages<T, F, Fut>(fetch: F) -> Result<Vec<T>, ApiError>
where
    F: Fn(PageAt) -> Fut,
    Fut: Future<Output = Result<Page<T>, ApiError>>,
{
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = fetch(PageAt::longest(after.clone())).await?;
        let moved = !page.items.is_empty();
        all.extend(page.items);
        match page.next {
            None => return Ok(all),
            Some(next) if !moved || after.as_ref() == Some(&next) => {
                return Err(ApiError::Unexpected { status: 200 });
            }
            Some(next) => after = Some(next),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// Runs a future that never waits: the fake server below answers at once.
    fn ready<T>(future: impl Future<Output = T>) -> T {
        let mut future = pin!(future);
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(value) => value,
            Poll::Pending => panic!("the fake server answers at once"),
        }
    }

    /// A server holding `1..=n` in pages of at most `page` (it ignores smaller limits, as a
    /// server may), recording the requests it was sent.
    struct Fake {
        n: u32,
        page: u32,
        asked: RefCell<Vec<PageAt>>,
    }

    impl Fake {
        fn new(n: u32, page: u32) -> Self {
            Self {
                n,
                page,
                asked: RefCell::new(Vec::new()),
            }
        }

        async fn fetch(&self, at: PageAt) -> Result<Page<u32>, ApiError> {
            self.asked.borrow_mut().push(at.clone());
            let start: u32 = at.after.as_deref().map_or(0, |a| a.parse().unwrap());
            let end = (start + self.page).min(self.n);
            Ok(Page {
                items: (start + 1..=end).collect(),
                next: (end < self.n).then(|| end.to_string()),
                total: u64::from(self.n),
            })
        }
    }

    #[test]
    fn a_whole_list_is_read_in_the_longest_pages() {
        let server = Fake::new(7, 3);
        let all = ready(all_pages(|at| server.fetch(at))).unwrap();
        assert_eq!(all, (1..=7).collect::<Vec<_>>());
        let asked = server.asked.borrow();
        assert_eq!(asked.len(), 3);
        assert!(asked.iter().all(|a| a.limit == Some(MAX_PAGE_SIZE)));
        assert_eq!(asked[0].after, None);
        assert_eq!(asked[2].after.as_deref(), Some("6"));
    }

    #[test]
    fn a_server_that_repeats_its_cursor_is_not_followed_forever() {
        let stuck = |_: PageAt| async {
            Ok(Page {
                items: vec![1],
                next: Some("1".to_owned()),
                total: 2,
            })
        };
        assert_eq!(
            ready(all_pages(stuck)),
            Err(ApiError::Unexpected { status: 200 })
        );
        let empty = |_: PageAt| async {
            Ok(Page::<u32> {
                items: Vec::new(),
                next: Some("x".to_owned()),
                total: 1,
            })
        };
        assert_eq!(
            ready(all_pages(empty)),
            Err(ApiError::Unexpected { status: 200 })
        );
    }

    #[test]
    fn an_error_ends_the_reading() {
        let failing = |at: PageAt| async move {
            match at.after {
                None => Ok(Page {
                    items: vec![1],
                    next: Some("1".to_owned()),
                    total: 2,
                }),
                Some(_) => Err(ApiError::Network),
            }
        };
        assert_eq!(ready(all_pages(failing)), Err(ApiError::Network));
    }

    #[test]
    fn a_province_goes_into_the_query_only_when_named() {
        assert_eq!(
            province_query(Some("BLG")),
            [("province", "BLG".to_owned())]
        );
        assert!(province_query(Some(" ")).is_empty());
        assert!(province_query(None).is_empty());
    }

    #[test]
    fn paging_goes_into_the_query_only_when_set() {
        let mut query = vec![("year", "2017".to_owned())];
        PageAt::first().add_to(&mut query);
        assert_eq!(query, [("year", "2017".to_owned())]);
        PageAt::longest(Some("abc".to_owned())).add_to(&mut query);
        assert_eq!(
            query,
            [
                ("year", "2017".to_owned()),
                ("limit", "500".to_owned()),
                ("after", "abc".to_owned()),
            ]
        );
    }
}
