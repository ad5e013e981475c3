//! What the benchmarks that drive the router share: a login and a GET through it, an open-loop
//! load at a fixed rate, and percentiles. Included by path (`#[path]`) only by those benches, so the
//! others do not carry it unused.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::time::Duration;
use tower::ServiceExt;

/// The sample at quantile `p` (0–1) of `samples`, sorted in place.
pub fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

/// A duration in milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A logged-in session: its cookie (`name=value`) and CSRF token.
pub struct Session {
    /// The session cookie, as a request sends it back.
    pub cookie: String,
    /// The token writes carry in `X-CSRF-Token`.
    #[allow(dead_code, reason = "only the benches that write use it")]
    pub csrf: String,
}

/// Logs `username` in through the router, checking that it answers 200.
pub async fn login(router: &axum::Router, username: &str, password: &str) -> Session {
    let body = serde_json::json!({"username": username, "password": password});
    let response = router
        .clone()
        .oneshot(
            Request::post("/api/session")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "login as {username}");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let info: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let csrf = info["csrf_token"].as_str().unwrap().to_owned();
    Session { cookie, csrf }
}

/// Sends `GET uri` through the router, checks it answers 200, and returns the body's size.
pub async fn get(router: &axum::Router, uri: &str, cookie: Option<&str>) -> usize {
    body(router, uri, cookie).await.len()
}

/// The body of a GET, anonymous or with a session cookie.
pub async fn body(router: &axum::Router, uri: &str, cookie: Option<&str>) -> axum::body::Bytes {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
}

/// Sends `rate` requests a second (a multiple of 1,000) for `time`: `rate / 1000` at each
/// millisecond (the timer's grain), whether or not the earlier ones were answered. An open
/// loop: a slow answer cannot hold the next requests back and hide the queue it causes.
/// Returns the rate answered, each request's time from its scheduled millisecond to its
/// answer, and how late the timer woke the sender at each millisecond (part of those times).
pub async fn at_fixed_rate(
    router: &axum::Router,
    uri: &str,
    cookie: Option<&str>,
    rate: u32,
    time: Duration,
) -> (f64, Vec<Duration>, Vec<Duration>) {
    let uri: std::sync::Arc<str> = uri.into();
    let cookie: Option<std::sync::Arc<str>> = cookie.map(Into::into);
    let per_tick = rate / 1000;
    let ticks = time.as_millis() as u32;
    let start = tokio::time::Instant::now();
    let mut requests = Vec::with_capacity((per_tick * ticks) as usize);
    let mut late = Vec::with_capacity(ticks as usize);
    for tick in 0..ticks {
        let due = start + Duration::from_millis(u64::from(tick));
        tokio::time::sleep_until(due).await;
        late.push(due.elapsed());
        for _ in 0..per_tick {
            let (router, uri, cookie) = (router.clone(), uri.clone(), cookie.clone());
            requests.push(tokio::spawn(async move {
                get(&router, &uri, cookie.as_deref()).await;
                due.elapsed()
            }));
        }
    }
    let mut times = Vec::with_capacity(requests.len());
    for request in requests {
        times.push(request.await.unwrap());
    }
    let rate = times.len() as f64 / start.elapsed().as_secs_f64();
    (rate, times, late)
}
