//! What the benchmarks that drive the router share: a login and a GET through it, an open-loop
//! load at a fixed rate, and percentiles. Included by path (`#[path]`) only by those benches, so the
//! others do not carry it unused.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use std::time::{Duration, Instant};
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

/// Sends `rate` requests a second for `time`, evenly spaced, whether or not the earlier ones
/// were answered. An open loop: a slow answer cannot hold the next requests back and hide the
/// queue it causes. Returns the rate answered, each request's time from when it was due to
/// its answer, and how late the sender was with each (part of those times).
pub async fn at_fixed_rate(
    router: &axum::Router,
    uri: &str,
    cookie: Option<&str>,
    rate: u32,
    time: Duration,
) -> (f64, Vec<Duration>, Vec<Duration>) {
    let uri: std::sync::Arc<str> = uri.into();
    let cookie: Option<std::sync::Arc<str>> = cookie.map(Into::into);
    let interval = Duration::from_secs(1) / rate;
    let count = (time.as_secs_f64() * f64::from(rate)) as u32;
    let runtime = tokio::runtime::Handle::current();
    let router = router.clone();
    // The sender is a thread of its own that sleeps with the system's timer, late by tens of
    // microseconds, not with tokio's, whose resolution is a millisecond: sent on tokio's
    // ticks, requests went out in pairs up to a millisecond after they were due, and that
    // wait counted as the server's (a request's time is still counted from when it was due,
    // so whatever makes the sender late on a busy machine counts).
    let sender = std::thread::spawn(move || {
        let start = Instant::now();
        let mut requests = Vec::with_capacity(count as usize);
        let mut late = Vec::with_capacity(count as usize);
        for n in 0..count {
            let due = start + interval * n;
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            late.push(due.elapsed());
            let (router, uri, cookie) = (router.clone(), uri.clone(), cookie.clone());
            requests.push(runtime.spawn(async move {
                get(&router, &uri, cookie.as_deref()).await;
                due.elapsed()
            }));
        }
        (start, requests, late)
    });
    let (start, requests, late) = tokio::task::spawn_blocking(move || sender.join().unwrap())
        .await
        .unwrap();
    let mut times = Vec::with_capacity(requests.len());
    for request in requests {
        times.push(request.await.unwrap());
    }
    let rate = times.len() as f64 / start.elapsed().as_secs_f64();
    (rate, times, late)
}
