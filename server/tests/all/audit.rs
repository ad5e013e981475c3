//! The audit trail as each role reads it: events hidden from the caller neither shorten its
//! pages nor show through their cursors, its counts or its live feed.

use crate::support::{Session, TestApp, event, request};
use antikor_server::store::{ExpectedVersion, NewEvent};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The log the tests page: signals filed (hidden from most roles) in runs of one to four,
/// between other events of several tenants, and a run of them at the very top.
const HISTORY: &[(bool, &str)] = &[
    (true, "blagoevgrad"),
    (false, "bansko"),
    (true, "bansko"),
    (true, "petrich"),
    (false, "blagoevgrad"),
    (true, "blagoevgrad"),
    (true, "blagoevgrad"),
    (false, "petrich"),
    (false, "blagoevgrad"),
    (true, "bansko"),
    (false, "oblast"),
    (true, "blagoevgrad"),
    (false, "blagoevgrad"),
    (true, "petrich"),
    (true, "petrich"),
    (true, "blagoevgrad"),
    (true, "bansko"),
    (false, "bansko"),
    (false, "blagoevgrad"),
    (true, "blagoevgrad"),
    (false, "petrich"),
    (true, "bansko"),
    (false, "blagoevgrad"),
    (true, "blagoevgrad"),
    (true, "petrich"),
    (true, "bansko"),
];

/// The roles under test: the demo account, and which events it may see.
#[derive(Debug, Clone, Copy)]
enum Role {
    Officer,
    TenantAdmin,
    Regional,
    RegionalAdmin,
    Auditor,
}

impl Role {
    const ALL: [Role; 5] = [
        Role::Officer,
        Role::TenantAdmin,
        Role::Regional,
        Role::RegionalAdmin,
        Role::Auditor,
    ];

    fn username(self) -> &'static str {
        match self {
            Self::Officer => "bansko.officer",
            Self::TenantAdmin => "blagoevgrad.admin",
            Self::Regional => "oblast.sekretar",
            Self::RegionalAdmin => "oblast.admin",
            Self::Auditor => "odit",
        }
    }

    /// The rule of `crate::access`, written out independently: officers and tenant admins
    /// reach their own tenant, the others all; officers and auditors see signals' events.
    fn sees(self, e: &Value) -> bool {
        let tenant = e["tenant"].as_str().unwrap();
        let signal = e["event_type"].as_str().unwrap().starts_with("Signal");
        match self {
            Self::Officer => tenant == "bansko",
            Self::TenantAdmin => tenant == "blagoevgrad" && !signal,
            Self::Regional | Self::RegionalAdmin => !signal,
            Self::Auditor => true,
        }
    }
}

fn anonymous_signal(tenant: &str) -> Value {
    json!({
        "tenant": tenant,
        "reporter": null,
        "account": {"what": "Обществена поръчка е възложена на фирма на роднина.",
            "place": "", "when": ""},
        "concerned": null,
        "unit": null,
        "activity": "Обществени поръчки",
        "category": "public_procurement",
    })
}

/// The demo app with every role logged in (logins are events too, so they come first) and
/// [`HISTORY`] on top.
async fn seeded() -> (TestApp, Vec<(Role, Session)>) {
    let app = TestApp::start_demo().await;
    let mut sessions = Vec::new();
    for role in Role::ALL {
        sessions.push((role, app.login(role.username()).await));
    }
    for (n, (signal, tenant)) in HISTORY.iter().enumerate() {
        if *signal {
            let (status, body) = app
                .call(
                    None,
                    Method::POST,
                    "/api/public/signals",
                    Some(anonymous_signal(tenant)),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        } else {
            app.state
                .system_log()
                .append(request(
                    tenant,
                    "notes",
                    ExpectedVersion::Any,
                    vec![event(n as u64)],
                ))
                .await
                .unwrap();
        }
    }
    (app, sessions)
}

fn events(page: &Value) -> Vec<Value> {
    crate::support::trail_events(page)
}

fn positions(events: &[Value]) -> Vec<u64> {
    events
        .iter()
        .map(|e| e["position"].as_u64().unwrap())
        .collect()
}

/// The whole log, newest first, as the auditor (who sees everything) reads it.
async fn whole_log(app: &TestApp, auditor: &Session) -> Vec<Value> {
    let mut all = Vec::new();
    let mut uri = "/api/audit/events?limit=500".to_owned();
    loop {
        let (status, page) = app.get_as(auditor, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        all.extend(events(&page));
        match page["older"].as_u64() {
            Some(older) => uri = format!("/api/audit/events?limit=500&before={older}"),
            None => break,
        }
    }
    let head = app.state.system_log().head().position;
    assert_eq!(positions(&all), (1..=head).rev().collect::<Vec<_>>());
    all
}

/// Walks the trail from the top (following `older`) and from the bottom (following `newer`)
/// with pages of `limit`, and checks every page against `visible` (newest first): the same
/// events, and the cursors a log holding only those events would give.
async fn walk(app: &TestApp, who: &Session, label: &str, query: &str, visible: &[Value]) {
    let want = positions(visible);
    for limit in [1, 2, 3, 7] {
        let label = format!("{label}, pages of {limit}");
        // From the top.
        let (mut from, mut uri) = (0, format!("/api/audit/events?limit={limit}{query}"));
        loop {
            let (status, page) = app.get_as(who, &uri).await;
            assert_eq!(status, StatusCode::OK, "{label}: {page}");
            let got = events(&page);
            let hidden: Vec<&Value> = got.iter().filter(|e| !visible.contains(e)).collect();
            assert!(
                hidden.is_empty(),
                "{label}: hidden events shown: {hidden:?}"
            );
            let to = (from + limit).min(want.len());
            assert_eq!(
                positions(&got),
                want[from..to],
                "{label}: page from the top at {from}"
            );
            let newer = (from > 0 && from < want.len()).then(|| want[from]);
            let older = (to < want.len()).then(|| want[to - 1]);
            assert_eq!(
                (page["newer"].as_u64(), page["older"].as_u64()),
                (newer, older),
                "{label}: cursors of the page from the top at {from}"
            );
            from = to;
            match older {
                Some(c) => uri = format!("/api/audit/events?limit={limit}{query}&before={c}"),
                None => break,
            }
        }
        assert_eq!(
            from,
            want.len(),
            "{label}: the walk down reached the bottom"
        );

        // From the bottom: `from` counts events from the oldest.
        let oldest_first: Vec<u64> = want.iter().rev().copied().collect();
        let (mut from, mut uri) = (0, format!("/api/audit/events?limit={limit}{query}&after=0"));
        loop {
            let (status, page) = app.get_as(who, &uri).await;
            assert_eq!(status, StatusCode::OK, "{label}: {page}");
            let got = events(&page);
            assert!(
                got.iter().all(|e| visible.contains(e)),
                "{label}: hidden events shown: {got:?}"
            );
            let to = (from + limit).min(oldest_first.len());
            let expected: Vec<u64> = oldest_first[from..to].iter().rev().copied().collect();
            assert_eq!(
                positions(&got),
                expected,
                "{label}: page from the bottom at {from}"
            );
            let newer = (to < oldest_first.len()).then(|| oldest_first[to - 1]);
            let older = (from > 0 && from < oldest_first.len()).then(|| oldest_first[from]);
            assert_eq!(
                (page["newer"].as_u64(), page["older"].as_u64()),
                (newer, older),
                "{label}: cursors of the page from the bottom at {from}"
            );
            from = to;
            match newer {
                Some(c) => uri = format!("/api/audit/events?limit={limit}{query}&after={c}"),
                None => break,
            }
        }
        assert_eq!(from, want.len(), "{label}: the walk up reached the top");
    }
}

#[tokio::test]
async fn audit_pages_hold_a_full_page_of_visible_events_and_their_cursors_reveal_nothing() {
    let (app, sessions) = seeded().await;
    let auditor = &sessions
        .iter()
        .find(|(r, _)| matches!(r, Role::Auditor))
        .unwrap()
        .1;
    let all = whole_log(&app, auditor).await;
    let head = app.state.system_log().head().position;
    for (role, session) in &sessions {
        let visible: Vec<Value> = all.iter().filter(|e| role.sees(e)).cloned().collect();
        walk(&app, session, &format!("{role:?}"), "", &visible).await;
    }
    // The same within a filter: one tenant, seen from the region.
    let (_, regional) = sessions
        .iter()
        .find(|(r, _)| matches!(r, Role::Regional))
        .unwrap();
    let blagoevgrad: Vec<Value> = all
        .iter()
        .filter(|e| Role::Regional.sees(e) && e["tenant"] == "blagoevgrad")
        .cloned()
        .collect();
    walk(
        &app,
        regional,
        "Regional in Благоевград",
        "&tenant=blagoevgrad",
        &blagoevgrad,
    )
    .await;
    // A type out of sight is an empty list, as if no such event were in the log.
    let (status, page) = app
        .get_as(regional, "/api/audit/events?limit=1&event_type=SignalFiled")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            events(&page).len(),
            page["newer"].clone(),
            page["older"].clone()
        ),
        (0, Value::Null, Value::Null)
    );
    // Reading wrote nothing, so every walk read the same log.
    assert_eq!(app.state.system_log().head().position, head);
}

#[tokio::test]
async fn event_type_counts_count_only_what_the_caller_may_see() {
    let (app, sessions) = seeded().await;
    let auditor = &sessions
        .iter()
        .find(|(r, _)| matches!(r, Role::Auditor))
        .unwrap()
        .1;
    let all = whole_log(&app, auditor).await;
    let counts = |role: Role, tenant: Option<&str>| {
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for e in all.iter().filter(|e| role.sees(e)) {
            if tenant.is_none_or(|t| e["tenant"] == t) {
                *counts
                    .entry(e["event_type"].as_str().unwrap().to_owned())
                    .or_default() += 1;
            }
        }
        counts
    };
    for (role, session) in &sessions {
        for tenant in [None, Some("blagoevgrad")] {
            if matches!(role, Role::Officer) && tenant.is_some() {
                continue; // another tenant's: 404, checked in isolation.rs
            }
            let uri = match tenant {
                None => "/api/audit/event-types".to_owned(),
                Some(t) => format!("/api/audit/event-types?tenant={t}"),
            };
            let (status, body) = app.get_as(session, &uri).await;
            assert_eq!(status, StatusCode::OK, "{role:?} {uri}: {body}");
            let got: BTreeMap<String, u64> = body
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["event_type"].as_str().unwrap().to_owned(),
                        c["count"].as_u64().unwrap(),
                    )
                })
                .collect();
            assert_eq!(got, counts(*role, tenant), "{role:?} {uri}");
            let signals = matches!(role, Role::Officer | Role::Auditor);
            assert_eq!(
                got.keys().any(|t| t.starts_with("Signal")),
                signals,
                "{role:?} {uri}"
            );
        }
    }
}

/// A live feed as a client reads it.
struct LiveFeed {
    stream: axum::body::BodyDataStream,
    /// Everything it has sent so far (messages end with a blank line).
    text: String,
}

impl LiveFeed {
    /// Reads on until the feed has sent `n` events in all or `wait` has passed; returns every
    /// event sent so far.
    async fn until(&mut self, n: usize, wait: std::time::Duration) -> Vec<Value> {
        use futures::StreamExt;
        let deadline = tokio::time::Instant::now() + wait;
        while self.text.matches("event: event").count() < n {
            match tokio::time::timeout_at(deadline, self.stream.next()).await {
                Ok(Some(chunk)) => self
                    .text
                    .push_str(&String::from_utf8_lossy(&chunk.unwrap())),
                _ => break,
            }
        }
        self.text
            .split("\n\n")
            .filter(|message| message.lines().any(|l| l == "event: event"))
            .flat_map(|message| message.lines().filter_map(|l| l.strip_prefix("data: ")))
            .map(|d| serde_json::from_str::<Value>(d).unwrap()["event"].clone())
            .collect()
    }
}

/// An event of a type of the confidential register (its payload is never read here), for
/// filling the log quickly.
fn hidden_event(n: u64) -> NewEvent {
    NewEvent {
        event_type: antikor_shared::events::EventType::SignalFollowedUp
            .name()
            .into(),
        ..event(n)
    }
}

#[tokio::test]
async fn the_live_feed_sends_every_missed_visible_event_and_nothing_of_hidden_ones() {
    use tower::ServiceExt;
    let wait = std::time::Duration::from_secs(3);
    let app = TestApp::start_demo().await;
    let regional = app.login("oblast.sekretar").await;
    let log = app.state.system_log();
    let hidden = |n: u64| {
        let events = (0..n).map(hidden_event).collect();
        request("bansko", "register", ExpectedVersion::Any, events)
    };
    let visible =
        |tenant: &str, n: u64| request(tenant, "notes", ExpectedVersion::Any, vec![event(n)]);
    let seen = log.head().position;
    // A thousand hidden events, then five visible ones, all missed by a client away since
    // `seen`: a backlog of at most a thousand events must still hold all five.
    log.append(hidden(1000)).await.unwrap();
    for n in 0..5 {
        log.append(visible("blagoevgrad", n)).await.unwrap();
    }
    let mut want: Vec<u64> = (seen + 1001..=seen + 1005).collect();
    let router = antikor_server::router::build(app.state.clone());
    let get = axum::http::Request::get("/api/audit/live")
        .header("cookie", &regional.cookie)
        .header("last-event-id", seen.to_string())
        .body(axum::body::Body::empty())
        .unwrap();
    let response = router.oneshot(get).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut feed = LiveFeed {
        stream: response.into_body().into_data_stream(),
        text: String::new(),
    };
    assert_eq!(positions(&feed.until(5, wait).await), want);

    // Live: a hidden event, and a visible one after it.
    log.append(hidden(1)).await.unwrap();
    let at = log
        .append(visible("bansko", 9))
        .await
        .unwrap()
        .last_position;
    want.push(at);
    assert_eq!(positions(&feed.until(6, wait).await), want);

    // More hidden events than the channel holds while the client is not reading, then one
    // visible: the feed catches up from the log, with no `lagged` message to tell of them.
    for _ in 0..5 {
        log.append(hidden(1000)).await.unwrap();
    }
    let at = log
        .append(visible("petrich", 10))
        .await
        .unwrap()
        .last_position;
    want.push(at);
    assert_eq!(positions(&feed.until(7, wait).await), want);

    // Nothing but those seven events: no message, id or gap stands for the hidden ones.
    let text = &feed.text;
    assert_eq!(text.matches("event: ").count(), 7, "{text}");
    assert_eq!(text.matches("id: ").count(), 7, "{text}");
}
