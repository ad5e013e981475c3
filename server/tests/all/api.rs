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

/// Error messages follow the request's `Accept-Language`: Bulgarian by default and for any
/// language Antikor does not speak, English when it is preferred; the code stays the same.
#[tokio::test]
async fn errors_speak_the_callers_language() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start().await;
    let ask = |uri: &str, language: Option<&str>| {
        let mut request = Request::post(uri).header(header::CONTENT_TYPE, "text/plain");
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        request.body(Body::from("{}")).unwrap()
    };
    let said = |bytes: &[u8]| -> (String, String) {
        let body: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        (
            body["error"].as_str().unwrap().to_owned(),
            body["message"].as_str().unwrap().to_owned(),
        )
    };
    // Filing a signal takes JSON from anyone: a plain-text body is refused before any login.
    for (language, expected) in [
        (
            None,
            "Изпратете данните като JSON (Content-Type: application/json).",
        ),
        (
            Some("bg"),
            "Изпратете данните като JSON (Content-Type: application/json).",
        ),
        (
            Some("de-DE, fr;q=0.8"),
            "Изпратете данните като JSON (Content-Type: application/json).",
        ),
        (
            Some("en-GB,en;q=0.9,bg;q=0.5"),
            "Send the data as JSON (Content-Type: application/json).",
        ),
    ] {
        let (status, headers, bytes) = app.send(ask("/api/public/signals", language)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{language:?}");
        assert_eq!(
            said(&bytes),
            ("bad_request".to_owned(), expected.to_owned()),
            "{language:?}"
        );
        let length = headers
            .get(header::CONTENT_LENGTH)
            .map(|v| v.to_str().unwrap().to_owned());
        assert!(
            length
                .as_ref()
                .is_none_or(|l| *l == bytes.len().to_string()),
            "{language:?}: {length:?}"
        );
    }
    // A change without a session: 401, in English when asked.
    let (status, _, bytes) = app.send(ask("/api/activities", Some("en"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(said(&bytes).1, "Log in to continue.");
}

#[tokio::test]
async fn rules_texts_follow_accept_language() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start().await;
    // A signal whose account is blank: the intake's refusal names the field in the caller's
    // language.
    let blank = serde_json::json!({
        "tenant": "kresna",
        "reporter": null,
        "account": {"what": "   ", "place": "", "when": ""},
        "concerned": null,
        "unit": null,
        "activity": null,
        "category": "public_procurement",
    });
    for (language, expected) in [
        (None, "Попълнете полето „Какво се е случило“."),
        (Some("bg"), "Попълнете полето „Какво се е случило“."),
        (Some("en-GB,en;q=0.9"), "Fill in the field “What happened”."),
    ] {
        let mut request =
            Request::post("/api/public/signals").header(header::CONTENT_TYPE, "application/json");
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        let request = request.body(Body::from(blank.to_string())).unwrap();
        let (status, _, bytes) = app.send(request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{language:?}");
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body["error"], "bad_request", "{language:?}");
        assert_eq!(body["message"], expected, "{language:?}");
    }
}

/// A record's history is told in the request's language: the record's name, its fields'
/// labels and values, and its events' sentences (Bulgarian by default, English when asked).
#[tokio::test]
async fn history_texts_follow_accept_language() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start_demo().await;
    let auditor = app.auditor().await;
    let history = async |language: Option<&str>| {
        let mut request = Request::get("/api/audit/history?tenant=oblast&stream=plan-2017")
            .header(header::COOKIE, &auditor.cookie);
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        let (status, _, bytes) = app.send(request.body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{language:?}");
        serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()
    };
    // The record's name, the first field its first version set, and its second version's
    // sentence and first field (a measure's, named with its key).
    let said = |history: &serde_json::Value| {
        let (first, second) = (&history["versions"][0], &history["versions"][1]);
        [
            &history["record"],
            &first["fields"][0]["field"],
            &second["event"]["summary"],
            &second["fields"][0]["field"],
        ]
        .map(|text| text.as_str().unwrap().to_owned())
    };
    let bulgarian = said(&history(None).await);
    assert_eq!(said(&history(Some("bg")).await), bulgarian);
    assert_eq!(
        bulgarian,
        [
            "План за 2017",
            "Заглавие",
            "Добавена мярка I.1 към плана за 2017",
            "I.1: Текст"
        ]
    );
    let english = said(&history(Some("en-GB,en;q=0.9")).await);
    assert_eq!(
        english,
        [
            "Plan for 2017",
            "Title",
            "Measure I.1 added to the plan for 2017",
            "I.1: Text"
        ]
    );
}

/// The views carry a tenant's name in both languages, whatever the request's language: the
/// page shows the one of its own (the Bulgarian where no English one was registered).
#[tokio::test]
async fn views_carry_both_names_of_a_tenant() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start_demo().await;
    let bansko = serde_json::json!({"bg": "Община Банско", "en": "Bansko Municipality"});
    let oblast = serde_json::json!({
        "bg": "Областна администрация Благоевград",
        "en": "Blagoevgrad Regional Administration",
    });
    for language in [None, Some("bg"), Some("en-GB,en;q=0.9")] {
        let mut request = Request::get("/api/public/progress?year=2017");
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        let (status, _, bytes) = app.send(request.body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{language:?}");
        let region: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let name = |slug: &str| {
            region["tenants"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["tenant"] == slug)
                .unwrap_or_else(|| panic!("{slug} in {region}"))["name"]
                .clone()
        };
        assert_eq!(name("bansko"), bansko, "{language:?}");
        assert_eq!(name("oblast"), oblast, "{language:?}");
    }
    // The officer's dashboard and session name the own institution both ways too.
    let officer = app.login("bansko.officer").await;
    let (status, dashboard) = app.get_as(&officer, "/api/dashboard?year=2017").await;
    assert_eq!(status, StatusCode::OK, "{dashboard}");
    assert_eq!(dashboard["tenant_name"], bansko);
    let (_, session) = app.get_as(&officer, "/api/session").await;
    assert_eq!(session["tenant_name"], bansko);
}

#[tokio::test]
async fn requests_texts_follow_accept_language() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start().await;
    let send = |method: &str, uri: &str, body: Option<&str>, language: Option<&str>| {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_owned())
            }
            None => Body::empty(),
        };
        app.send(request.body(body).unwrap())
    };
    let json = |bytes: &[u8]| -> serde_json::Value { serde_json::from_slice(bytes).unwrap() };
    // A refused login: an error answer.
    let login = r#"{"username": "nobody", "password": "not-the-password"}"#;
    for (language, expected) in [
        (None, "Грешно потребителско име или парола."),
        (Some("bg"), "Грешно потребителско име или парола."),
        (Some("en-GB,en;q=0.9"), "Wrong username or password."),
    ] {
        let (status, _, bytes) = send("POST", "/api/session", Some(login), language).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{language:?}");
        assert_eq!(json(&bytes)["message"], expected, "{language:?}");
    }
    // The public statistics: a successful answer whose labels are in the caller's language
    // (the cache keeps one answer per language).
    for (language, expected) in [
        (Some("bg"), "Некласифициран"),
        (Some("en"), "Unclassified"),
        (None, "Некласифициран"),
    ] {
        let uri = "/api/public/signals/statistics";
        let (status, _, bytes) = send("GET", uri, None, language).await;
        assert_eq!(status, StatusCode::OK, "{language:?}");
        let stats = json(&bytes);
        let unclassified = stats["by_regime"]
            .as_array()
            .unwrap()
            .iter()
            .find(|line| line["key"] == "unclassified")
            .unwrap();
        assert_eq!(unclassified["label"], expected, "{language:?}");
    }
    // An address the API does not have: answered outside the API's layers, still in the
    // caller's language.
    for (language, expected) in [
        (Some("bg"), "Няма такъв адрес в API: /api/no-such-thing"),
        (
            Some("en"),
            "There is no such address in the API: /api/no-such-thing",
        ),
    ] {
        let (status, _, bytes) = send("GET", "/api/no-such-thing", None, language).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{language:?}");
        assert_eq!(json(&bytes)["error"], "not_found");
        assert_eq!(json(&bytes)["message"], expected, "{language:?}");
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

#[tokio::test]
async fn report_texts_follow_accept_language() {
    use antikor_shared::i18n::Lang;
    use antikor_shared::report::{AnnualReport, measure_terms};
    use axum::http::header;
    let app = TestApp::start_demo().await;
    let ask = |uri: &'static str, language: &'static str| {
        let app = &app;
        async move {
            let (status, _, bytes) = app.fetch(uri, &[(header::ACCEPT_LANGUAGE, language)]).await;
            assert_eq!(status, StatusCode::OK, "{uri} in {language}");
            bytes
        }
    };
    // The page writes the report's tables in the language its reader asked for.
    for (language, caption, first_column, terms) in [
        (
            "bg",
            "Сигнали за корупция, получени през 2017 г. (общо ",
            "Раздел",
            "Срок: ",
        ),
        (
            "en-GB,en;q=0.9",
            "Corruption signals received in 2017 (total: ",
            "Section",
            "Deadline: ",
        ),
    ] {
        let lang = Lang::from_accept_language(language);
        let report: AnnualReport =
            serde_json::from_slice(&ask("/api/report/2017", language).await).unwrap();
        let signals = report.signals_table(lang);
        assert!(
            signals.caption.starts_with(caption),
            "{language}: {}",
            signals.caption
        );
        assert_eq!(
            report.measures_table(lang).columns[0],
            first_column,
            "{language}"
        );
        let measure = &report.sections[0].measures[0].measure;
        assert!(
            measure_terms(measure, lang).starts_with(terms),
            "{language}"
        );
    }
    // The Word document the council files is in Bulgarian whoever downloads it.
    let docx = ask("/api/report/2017/docx", "en").await;
    let text = docx_rs::read_docx(&docx).expect("a Word document").json();
    assert!(text.contains("Изпълнение и дейности по институции, 2017 г."));
    assert!(!text.contains("Implementation and activities by institution"));
}

#[tokio::test]
async fn forms_texts_follow_accept_language() {
    use crate::support::DEMO_PASSWORD;
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = TestApp::start_demo().await;
    let session = app.login("petrich.officer").await;
    // A new password too short: the shared check's words, in the caller's language.
    let body = serde_json::json!({"current_password": DEMO_PASSWORD, "new_password": "кратка"});
    for (language, expected) in [
        (
            None,
            "Паролата трябва да е поне 12 знака (сега е 6). Фраза от няколко думи се помни лесно.",
        ),
        (
            Some("bg"),
            "Паролата трябва да е поне 12 знака (сега е 6). Фраза от няколко думи се помни лесно.",
        ),
        (
            Some("en-GB,en;q=0.9"),
            "The password must be at least 12 characters long (it is now 6). A phrase of several words is easy to remember.",
        ),
    ] {
        let mut request = Request::put("/api/session/password")
            .header(header::COOKIE, &session.cookie)
            .header("x-csrf-token", &session.csrf)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(language) = language {
            request = request.header(header::ACCEPT_LANGUAGE, language);
        }
        let request = request.body(Body::from(body.to_string())).unwrap();
        let (status, _, bytes) = app.send(request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{language:?}");
        let answer: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(answer["error"], "bad_request", "{language:?}");
        assert_eq!(answer["message"], expected, "{language:?}");
    }
}
