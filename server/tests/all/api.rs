//! The JSON API, driven in-process through the router.

use crate::support::{SEEDED, TestApp, event, request};
use antikor_server::store::ExpectedVersion;
use axum::http::StatusCode;

#[tokio::test]
async fn health_reports_the_chain_head() {
    let app = TestApp::start().await;
    let (status, body) = app.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["head_position"], SEEDED);
    assert_eq!(body["head_hash"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn a_first_start_makes_its_data_folder() {
    // As the README's command does on a fresh clone: the folder is not there yet.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("not").join("yet").join("data");
    let config = antikor_server::Config::new(&data, data.join("no-frontend"));
    let app = TestApp::start_with(dir, config).await;
    let (status, _) = app.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert!(data.join("log.key").is_file() && data.join("log").is_dir());
}

#[tokio::test]
async fn the_fifteen_founding_tenants_are_registered_once() {
    let app = TestApp::start().await;
    let (_, tenants) = app.get("/api/tenants").await;
    let tenants = tenants.as_array().unwrap();
    assert_eq!(tenants.len(), 15);
    assert_eq!(tenants[0]["id"], "oblast");
    assert_eq!(tenants[0]["kind"], "regional_administration");
    let petrich = tenants.iter().find(|t| t["id"] == "petrich").unwrap();
    assert_eq!(
        (
            petrich["official_code"].as_str(),
            petrich["ekatte"].as_str()
        ),
        (Some("BLG33"), Some("56126"))
    );
    // A restart does not register them again.
    let dir = app.stop().await;
    let app = TestApp::start_in(dir).await;
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["head_position"], SEEDED);
}

#[tokio::test]
async fn audit_pages_walk_the_log_with_cursors() {
    let app = TestApp::start().await;
    // Logging in records the auditor's account (36) and the login (37).
    let auditor = app.auditor().await;
    let get = |uri: &'static str| app.get_as(&auditor, uri);
    let (status, page) = get("/api/audit/events?limit=10").await;
    assert_eq!(status, StatusCode::OK);
    let positions = |p: &serde_json::Value| -> Vec<u64> {
        p["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event"]["position"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(positions(&page), (28..=37).rev().collect::<Vec<_>>());
    assert_eq!(
        (page["newer"].clone(), page["older"].clone()),
        (serde_json::Value::Null, 28.into())
    );
    let (_, older) = get("/api/audit/events?limit=10&before=28").await;
    assert_eq!(positions(&older), (18..=27).rev().collect::<Vec<_>>());
    assert_eq!(
        (older["newer"].clone(), older["older"].clone()),
        (27.into(), 18.into())
    );
    let (_, oldest) = get("/api/audit/events?limit=20&before=18").await;
    assert_eq!(positions(&oldest), (1..=17).rev().collect::<Vec<_>>());
    assert_eq!(oldest["older"], serde_json::Value::Null);
    let (_, back) = get("/api/audit/events?limit=10&after=27").await;
    assert_eq!(positions(&back), positions(&page));
    let (_, one) = get("/api/audit/events?tenant=kresna").await;
    assert_eq!(
        one["events"][0]["event"]["payload"]["name_bg"],
        "Община Кресна"
    );
    let (_, typed) = get("/api/audit/events?event_type=TenantRegistered&limit=500").await;
    assert_eq!(positions(&typed).len(), 15);
    let (_, detail) = get("/api/audit/events/3").await;
    assert_eq!(detail["event"]["position"], 3);
    assert_eq!(detail["event"]["hash"].as_str().unwrap().len(), 64);
    let (_, types) = get("/api/audit/event-types").await;
    assert_eq!(
        types,
        serde_json::json!([
            {"event_type": "AccountCreated", "count": 1},
            {"event_type": "LogKeyAdopted", "count": 1},
            {"event_type": "LoginSucceeded", "count": 1},
            {"event_type": "MeasureAdded", "count": 18},
            {"event_type": "PlanAdopted", "count": 1},
            {"event_type": "TenantRegistered", "count": 15}
        ])
    );
}

#[tokio::test]
async fn bad_input_gets_a_clear_4xx_json_error() {
    let app = TestApp::start().await;
    let auditor = app.auditor().await;
    for (uri, status) in [
        ("/api/audit/events?limit=0", StatusCode::BAD_REQUEST),
        ("/api/audit/events?limit=abc", StatusCode::BAD_REQUEST),
        (
            "/api/audit/events?before=3&after=1",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/audit/events?stream=tenant", StatusCode::BAD_REQUEST),
        (
            "/api/audit/events?tenant=Not%20Valid",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/audit/events?tenant=sofia", StatusCode::NOT_FOUND),
        ("/api/audit/events/999", StatusCode::NOT_FOUND),
        ("/api/audit/events/x", StatusCode::BAD_REQUEST),
        ("/api/tenants?as_of=yesterday", StatusCode::BAD_REQUEST),
        ("/api/no-such-route", StatusCode::NOT_FOUND),
    ] {
        let (got, body) = app.get_as(&auditor, uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        assert!(
            body["error"].is_string() && !body["message"].as_str().unwrap().is_empty(),
            "{uri}: {body}"
        );
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let app = TestApp::start().await;
    let (status, doc) = app.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for route in [
        "/api/health",
        "/api/tenants",
        "/api/audit/events",
        "/api/audit/events/{position}",
        "/api/audit/event-types",
        "/api/audit/live",
    ] {
        assert!(paths.contains(&route), "{route} missing from {paths:?}");
    }
}

#[tokio::test]
async fn writes_show_in_reads_as_soon_as_they_are_acknowledged() {
    let app = TestApp::start().await;
    app.state
        .system_log()
        .append(request(
            "bansko",
            "x",
            ExpectedVersion::NoStream,
            vec![event(1)],
        ))
        .await
        .unwrap();
    let (_, tenants) = app.get("/api/tenants").await;
    let bansko = tenants
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "bansko")
        .unwrap()
        .clone();
    assert_eq!(bansko["event_count"], 2);
    let auditor = app.auditor().await;
    let (_, types) = app.get_as(&auditor, "/api/audit/event-types").await;
    assert!(types.to_string().contains("NoteRecorded"), "{types}");
    let (_, kresna) = app
        .get_as(&auditor, "/api/audit/event-types?tenant=kresna")
        .await;
    assert_eq!(
        kresna,
        serde_json::json!([{"event_type": "TenantRegistered", "count": 1}])
    );
}

/// Reads the SSE body until it holds `n` `event` messages (or gives up after 5 s).
async fn sse_events(body: axum::body::Body, n: usize) -> Vec<serde_json::Value> {
    use futures::StreamExt;
    let mut stream = body.into_data_stream();
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while text.matches("event: event").count() < n {
        let chunk = tokio::time::timeout_at(deadline, stream.next())
            .await
            .expect("events arrive in time");
        text.push_str(&String::from_utf8_lossy(&chunk.unwrap().unwrap()));
    }
    text.lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .map(|d| serde_json::from_str::<serde_json::Value>(d).unwrap()["event"].clone())
        .collect()
}

#[tokio::test]
async fn the_live_feed_sends_new_events_and_resumes_after_last_event_id() {
    use tower::ServiceExt;
    let app = TestApp::start().await;
    let auditor = app.auditor().await;
    let router = antikor_server::router::build(app.state.clone());
    let get = |uri: &str, last: Option<&str>| {
        let mut request = axum::http::Request::get(uri).header("cookie", &auditor.cookie);
        if let Some(last) = last {
            request = request.header("last-event-id", last);
        }
        router
            .clone()
            .oneshot(request.body(axum::body::Body::empty()).unwrap())
    };
    let feed = get("/api/audit/live?tenant=bansko", None).await.unwrap();
    app.state
        .system_log()
        .append(request("razlog", "x", ExpectedVersion::Any, vec![event(1)]))
        .await
        .unwrap();
    app.state
        .system_log()
        .append(request("bansko", "x", ExpectedVersion::Any, vec![event(2)]))
        .await
        .unwrap();
    let got = sse_events(feed.into_body(), 1).await;
    assert_eq!(
        (got[0]["position"].as_u64(), got[0]["tenant"].as_str()),
        (Some(SEEDED + 4), Some("bansko"))
    );

    // A client that saw position 3 gets what it missed, then new events.
    let resumed = get("/api/audit/live", Some("3")).await.unwrap();
    app.state
        .system_log()
        .append(request("kresna", "x", ExpectedVersion::Any, vec![event(3)]))
        .await
        .unwrap();
    let got = sse_events(resumed.into_body(), SEEDED as usize + 2).await;
    let positions: Vec<u64> = got
        .iter()
        .map(|e| e["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions, (4..=SEEDED + 5).collect::<Vec<_>>());
}

#[tokio::test]
async fn unknown_api_addresses_are_not_cached_and_pages_answer_only_reads() {
    let app = TestApp::start().await;
    let (status, headers, _) = app
        .send(
            axum::http::Request::get("/api/no-such-thing")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[axum::http::header::CACHE_CONTROL], "no-store");
    for method in ["POST", "PUT", "DELETE", "TRACE", "PATCH"] {
        let (status, headers, _) = app
            .send(
                axum::http::Request::builder()
                    .method(method)
                    .uri("/plan/2017")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(headers[axum::http::header::ALLOW], "GET, HEAD", "{method}");
    }
    let (status, _, _) = app
        .send(
            axum::http::Request::get("/plan/2017")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn built_files_named_by_their_hash_are_kept_for_good_and_pages_are_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let assets = dir.path().join("dist");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(
        assets.join("index.html"),
        "<!doctype html><title>Антикор</title>",
    )
    .unwrap();
    std::fs::write(assets.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(assets.join("boot.js"), "export {}").unwrap();
    let config = antikor_server::Config::new(dir.path().join("data"), &assets);
    let app = TestApp::start_with(dir, config).await;
    let cache_of = |uri: &'static str| {
        let app = &app;
        async move {
            let (status, headers, _) = app.fetch(uri, &[]).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            headers[axum::http::header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(
        cache_of("/app-0123456789abcdef_bg.wasm").await,
        "public, max-age=31536000, immutable"
    );
    assert_eq!(cache_of("/boot.js").await, "no-cache");
    assert_eq!(cache_of("/plan").await, "no-cache");
}

#[tokio::test]
async fn the_build_s_brotli_and_gzip_copies_go_to_browsers_that_accept_them() {
    let dir = tempfile::tempdir().unwrap();
    let assets = dir.path().join("dist");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::write(assets.join("index.html"), "<!doctype html>").unwrap();
    let wasm = "app-0123456789abcdef_bg.wasm";
    std::fs::write(assets.join(wasm), b"\0asm plain").unwrap();
    std::fs::write(assets.join(format!("{wasm}.br")), b"brotli copy").unwrap();
    std::fs::write(assets.join(format!("{wasm}.gz")), b"gzip copy").unwrap();
    std::fs::write(assets.join("boot.js"), "export {}").unwrap();
    let config = antikor_server::Config::new(dir.path().join("data"), &assets);
    let app = TestApp::start_with(dir, config).await;
    let fetch = |uri: String, accept: &'static str| {
        let app = &app;
        async move {
            let (status, headers, body) = app
                .fetch(&uri, &[(axum::http::header::ACCEPT_ENCODING, accept)])
                .await;
            assert_eq!(status, StatusCode::OK);
            let header = |name| {
                headers
                    .get(name)
                    .map(|v: &axum::http::HeaderValue| v.to_str().unwrap().to_owned())
            };
            (
                header(axum::http::header::CONTENT_ENCODING),
                header(axum::http::header::CONTENT_TYPE),
                header(axum::http::header::VARY),
                body,
            )
        }
    };
    let path = format!("/{wasm}");
    let (encoding, kind, vary, body) = fetch(path.clone(), "gzip, deflate, br, zstd").await;
    assert_eq!(encoding.as_deref(), Some("br"));
    assert_eq!(kind.as_deref(), Some("application/wasm"));
    assert_eq!(vary.as_deref(), Some("accept-encoding"));
    assert_eq!(&body[..], b"brotli copy");
    let (encoding, _, _, body) = fetch(path.clone(), "gzip").await;
    assert_eq!(encoding.as_deref(), Some("gzip"));
    assert_eq!(&body[..], b"gzip copy");
    let (encoding, _, _, body) = fetch(path, "identity").await;
    assert_eq!(encoding, None);
    assert_eq!(&body[..], b"\0asm plain");
    // A file the build left no copies of is sent as it is (too small to be worth one).
    let (encoding, _, _, body) = fetch("/boot.js".to_owned(), "br").await;
    assert_eq!(encoding, None);
    assert_eq!(&body[..], b"export {}");
}
