//! The audit trail in words: every event's sentence and its record's name, the records to
//! narrow to, a stretch of time, and the dashboard's latest changes.

use crate::support::{Session, TestApp};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

/// Every entry of the trail the session reads (optionally narrowed by `query`), newest first,
/// read page by page.
async fn whole_trail(app: &TestApp, session: &Session, query: &str) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut uri = format!("/api/audit/events?limit=50{query}");
    loop {
        let (status, page) = app.get_as(session, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        entries.extend(page["events"].as_array().unwrap().iter().cloned());
        match page["older"].as_u64() {
            Some(older) => uri = format!("/api/audit/events?limit=50{query}&before={older}"),
            None => return entries,
        }
    }
}

/// Petrich's officer reports on measure I.1 twice; a citizen files a signal with their name.
async fn a_morning_in_petrich(app: &TestApp) -> Session {
    let officer = app.login("petrich.officer").await;
    for (version, level) in [(0, "substantial"), (1, "completed")] {
        let report = json!({"level": level, "note": "Отчет", "evidence": [],
            "reported_for": "2017-12-31", "expected_version": version});
        let (status, row) = app
            .call(
                Some(&officer),
                Method::PUT,
                "/api/progress/2017/I.1",
                Some(report),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{row}");
    }
    let (status, filed) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals",
            Some(json!({
                "tenant": "petrich",
                "reporter": {"name": "Зорница Тихомирова", "contact": "0888 123 456"},
                "account": {"what": "Служител иска пари.", "place": "Отдел", "when": "март"},
                "concerned": "Петър Петров", "unit": null, "activity": null,
                "category": "bribery"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{filed}");
    officer
}

#[tokio::test]
async fn every_event_says_in_bulgarian_what_it_recorded_and_names_its_record() {
    let app = TestApp::start_demo().await;
    a_morning_in_petrich(&app).await;
    let auditor = app.auditor().await;
    let trail = whole_trail(&app, &auditor, "").await;
    assert_eq!(
        trail.len() as u64,
        trail[0]["event"]["position"].as_u64().unwrap(),
        "the auditor reads every event"
    );
    for entry in &trail {
        let (summary, record) = (
            entry["summary"].as_str().unwrap(),
            entry["record"].as_str().unwrap(),
        );
        // The fallback for an event Antikor cannot put in words starts so.
        assert!(!summary.starts_with("Събитие "), "{entry}");
        assert!(!summary.is_empty() && !record.is_empty(), "{entry}");
        // A sentence reads no sealed field: the reporter's name is nowhere in the trail.
        assert!(
            !summary.contains("Тихомирова") && !record.contains("Тихомирова"),
            "{entry}"
        );
    }

    let reports: Vec<&Value> = trail
        .iter()
        .filter(|e| e["event"]["event_type"] == "ProgressReported")
        .collect();
    assert_eq!(
        (
            reports[0]["summary"].as_str(),
            reports[0]["record"].as_str()
        ),
        (
            Some("Община Петрич отчете мярка I.1 (2017): съществен напредък → изпълнена"),
            Some("Отчет по мярка I.1 (2017)")
        )
    );
    assert_eq!(
        reports[1]["summary"],
        "Община Петрич отчете мярка I.1 (2017): съществен напредък"
    );
    let filed = trail
        .iter()
        .find(|e| e["event"]["event_type"] == "SignalFiled")
        .unwrap();
    let reference = filed["event"]["payload"]["reference"].as_str().unwrap();
    assert_eq!(filed["record"], format!("Сигнал {reference}"));
    assert!(
        filed["summary"].as_str().unwrap().contains(reference),
        "{filed}"
    );
    let created = trail
        .iter()
        .find(|e| e["event"]["stream"] == "account-petrich.officer")
        .unwrap();
    assert_eq!(created["record"], "Профил petrich.officer");
    assert!(
        created["summary"]
            .as_str()
            .unwrap()
            .starts_with("Създаден профил petrich.officer"),
        "{created}"
    );

    // One event's page says the same.
    let position = reports[0]["event"]["position"].as_u64().unwrap();
    let (_, one) = app
        .get_as(&auditor, &format!("/api/audit/events/{position}"))
        .await;
    assert_eq!(one["summary"], reports[0]["summary"]);
    assert_eq!(one["event"]["hash"], reports[0]["event"]["hash"]);

    // Sentences are kept once said: each is kept in the language it was said in, and the
    // trail read again says the same.
    let in_english = |uri: String| {
        Request::get(uri)
            .header(header::COOKIE, &auditor.cookie)
            .header(header::ACCEPT_LANGUAGE, "en")
            .body(Body::empty())
            .unwrap()
    };
    let (status, _, bytes) = app
        .send(in_english(format!("/api/audit/events/{position}")))
        .await;
    assert_eq!(status, StatusCode::OK);
    let english: Value = serde_json::from_slice(&bytes).unwrap();
    let said = english["summary"].as_str().unwrap();
    assert!(
        said.contains("reported on measure I.1 (2017)") && said.contains("→"),
        "{english}"
    );
    assert_ne!(english["record"], reports[0]["record"], "{english}");
    assert_eq!(whole_trail(&app, &auditor, "").await, trail);
}

#[tokio::test]
async fn the_records_to_narrow_to_are_named_and_an_officer_reads_only_their_own() {
    let app = TestApp::start_demo().await;
    let officer = a_morning_in_petrich(&app).await;
    let (status, records) = app
        .get_as(&officer, "/api/audit/records?tenant=petrich")
        .await;
    assert_eq!(status, StatusCode::OK, "{records}");
    let records = records.as_array().unwrap();
    let report = records
        .iter()
        .find(|r| r["stream"] == "progress-2017-I.1")
        .unwrap();
    assert_eq!(report["name"], "Отчет по мярка I.1 (2017)");
    assert_eq!(report["events"], 2);
    assert!(
        records.iter().all(|r| {
            let stream = r["stream"].as_str().unwrap();
            !stream.starts_with("signal-") && !stream.starts_with("activity-")
        }),
        "records with their own pages are narrowed to from their rows: {records:?}"
    );
    // Narrowed to a record, the trail holds its events only.
    let narrowed = whole_trail(&app, &officer, "&tenant=petrich&stream=progress-2017-I.1").await;
    assert_eq!(narrowed.len(), 2);

    // Another tenant's records do not exist for the officer; without a tenant, a message.
    let (status, _) = app
        .get_as(&officer, "/api/audit/records?tenant=bansko")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let auditor = app.auditor().await;
    let (status, body) = app.get_as(&auditor, "/api/audit/records").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["message"], "Изберете институция.");
}

#[tokio::test]
async fn a_stretch_of_time_or_positions_bounds_the_pages_and_their_cursors() {
    let app = TestApp::start_demo().await;
    a_morning_in_petrich(&app).await;
    let auditor = app.auditor().await;
    let trail = whole_trail(&app, &auditor, "").await;
    let position = |e: &Value| e["event"]["position"].as_u64().unwrap();
    let head = position(&trail[0]);
    // From the moment of an event in the middle (inclusive) to a position before the head.
    let start = &trail[trail.len() / 2];
    let from = start["event"]["recorded_at"].as_str().unwrap();
    let at = |e: &Value| {
        chrono::DateTime::parse_from_rfc3339(e["event"]["recorded_at"].as_str().unwrap()).unwrap()
    };
    let to = head - 3;
    let expected: Vec<u64> = trail
        .iter()
        .filter(|e| at(e) >= at(start) && position(e) <= to)
        .map(position)
        .collect();
    assert!(expected.len() > 4, "{expected:?}");
    let query = format!("&from={}&to={to}", from.replace('+', "%2B"));
    // Paged three at a time both ways, the span holds exactly those events.
    let mut seen = Vec::new();
    let mut uri = format!("/api/audit/events?limit=3{query}");
    let last_page = loop {
        let (status, page) = app.get_as(&auditor, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        seen.extend(page["events"].as_array().unwrap().iter().map(position));
        match page["older"].as_u64() {
            Some(older) => uri = format!("/api/audit/events?limit=3{query}&before={older}"),
            None => break page,
        }
    };
    assert_eq!(seen, expected);
    let oldest = position(&last_page["events"].as_array().unwrap()[0]);
    let (_, back) = app
        .get_as(
            &auditor,
            &format!("/api/audit/events?limit=3{query}&after={}", oldest - 1),
        )
        .await;
    let newer: Vec<u64> = back["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(position)
        .collect();
    assert_eq!(newer, expected[expected.len() - 3..]);
    // The newest page of the span has nothing newer: the events after `to` are outside it.
    let (_, top) = app
        .get_as(&auditor, &format!("/api/audit/events?limit=3{query}"))
        .await;
    assert_eq!(top["newer"], Value::Null, "{top}");

    // A period that ends before it starts, or a moment that is none, is refused in words.
    for (bad, message) in [
        (
            "&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
            "Началото на периода е след края му.",
        ),
        ("&from=9&to=3", "Началото на периода е след края му."),
        (
            "&from=вчера",
            "„вчера“ не е позиция или момент. Пример: 120 или 2026-11-26T12:00:00Z.",
        ),
    ] {
        let (status, body) = app
            .get_as(&auditor, &format!("/api/audit/events?{bad}"))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert_eq!(body["message"], message);
    }
}

#[tokio::test]
async fn the_dashboards_latest_changes_name_the_record_and_leave_out_logins() {
    let app = TestApp::start_demo().await;
    let officer = a_morning_in_petrich(&app).await;
    // More logins than the list holds: none of them pushes a change off it.
    for _ in 0..12 {
        app.login("petrich.officer").await;
    }
    let (status, dashboard) = app.get_as(&officer, "/api/dashboard?year=2017").await;
    assert_eq!(status, StatusCode::OK, "{dashboard}");
    let latest = dashboard["latest"].as_array().unwrap();
    assert!(
        latest.iter().all(|c| {
            !matches!(
                c["event_type"].as_str(),
                Some("LoginSucceeded" | "LoginFailed" | "LoggedOut")
            )
        }),
        "{latest:?}"
    );
    let newest = &latest[0];
    assert_eq!(
        (newest["summary"].as_str(), newest["record"].as_str()),
        (
            Some("Община Петрич отчете мярка I.1 (2017): съществен напредък → изпълнена"),
            Some("Отчет по мярка I.1 (2017)")
        )
    );
}

/// The position of the newest event of `event_type` in petrich's trail as `session` reads it.
async fn newest(app: &TestApp, session: &Session, event_type: &str) -> u64 {
    let (_, page) = app
        .get_as(
            session,
            &format!("/api/audit/events?tenant=petrich&event_type={event_type}&limit=1"),
        )
        .await;
    page["events"][0]["event"]["position"].as_u64().unwrap()
}

#[tokio::test]
async fn two_moments_compare_to_exactly_what_changed_who_did_it_and_when() {
    let app = TestApp::start_demo().await;
    let officer = a_morning_in_petrich(&app).await;
    let second = newest(&app, &officer, "ProgressReported").await;
    let first = second - 1;

    // Between the two reports: one field of one record, and the event that changed it.
    let (status, diff) = app
        .get_as(
            &officer,
            &format!("/api/audit/diff?tenant=petrich&from={first}&to={second}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{diff}");
    assert_eq!(
        diff["records"],
        json!([{
            "stream": "progress-2017-I.1",
            "record": "Отчет по мярка I.1 (2017)",
            "change": "changed",
            "fields": [{"field": "Степен на изпълнение",
                "before": "Съществен напредък", "after": "Изпълнена"}],
            "events": [{
                "position": second,
                "recorded_at": diff["records"][0]["events"][0]["recorded_at"],
                "actor": "petrich.officer",
                "summary": "Община Петрич отчете мярка I.1 (2017): съществен напредък → изпълнена"
            }]
        }])
    );
    // The same stretch named by times: from the first report's instant on, to the second's.
    let (_, trail) = app
        .get_as(
            &officer,
            "/api/audit/events?tenant=petrich&event_type=ProgressReported",
        )
        .await;
    let at = |i: usize| {
        trail["events"][i]["event"]["recorded_at"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (_, by_time) = app
        .get_as(
            &officer,
            &format!("/api/audit/diff?tenant=petrich&from={}&to={}", at(1), at(0)),
        )
        .await;
    assert_eq!(by_time["records"], diff["records"], "{by_time}");

    // From the start: the officer sees every record of the tenant added, the signal too.
    let (_, all) = app
        .get_as(
            &officer,
            &format!("/api/audit/diff?tenant=petrich&from=0&to={}", second + 1),
        )
        .await;
    let records: Vec<(&str, &str)> = all["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["record"].as_str().unwrap(), r["change"].as_str().unwrap()))
        .collect();
    assert!(
        records.contains(&("Отчет по мярка I.1 (2017)", "added")),
        "{records:?}"
    );
    assert!(
        records.contains(&("Профил petrich.officer", "added")),
        "{records:?}"
    );
    assert!(
        records.iter().any(|(r, _)| r.starts_with("Сигнал ")),
        "the register's officer sees its signals: {records:?}"
    );
    // Regional staff compare the same tenant without its confidential register.
    let regional = app.login("oblast.sekretar").await;
    let (status, theirs) = app
        .get_as(
            &regional,
            &format!("/api/audit/diff?tenant=petrich&from=0&to={}", second + 1),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{theirs}");
    assert!(
        theirs["records"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["stream"].as_str().unwrap().starts_with("signal-")),
        "{theirs}"
    );
    assert!(!theirs.to_string().contains("Тихомирова"));
    assert!(
        !all.to_string().contains("Тихомирова"),
        "sealed fields stay sealed"
    );

    // Another tenant's records do not exist for an officer; moments must be in order.
    let bansko = app.login("bansko.officer").await;
    let (status, _) = app
        .get_as(&bansko, "/api/audit/diff?tenant=petrich&from=0&to=10")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = app
        .get_as(&officer, "/api/audit/diff?tenant=petrich&from=10&to=3")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], "Първият момент е след втория.");
}

#[tokio::test]
async fn a_records_history_lists_its_versions_with_what_each_changed() {
    let app = TestApp::start_demo().await;
    let officer = a_morning_in_petrich(&app).await;
    let (status, history) = app
        .get_as(
            &officer,
            "/api/audit/history?tenant=petrich&stream=progress-2017-I.1",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(history["record"], "Отчет по мярка I.1 (2017)");
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(
        versions[0]["fields"][0],
        json!({"field": "Степен на изпълнение", "before": null, "after": "Съществен напредък"})
    );
    assert_eq!(
        versions[1]["fields"],
        json!([{"field": "Степен на изпълнение",
            "before": "Съществен напредък", "after": "Изпълнена"}])
    );
    assert_eq!(versions[1]["event"]["actor"], "petrich.officer");

    // A plan's measures are parts of one record, each field named with its measure.
    let auditor = app.auditor().await;
    let (_, plan) = app
        .get_as(
            &auditor,
            "/api/audit/history?tenant=oblast&stream=plan-2017",
        )
        .await;
    let added = &plan["versions"][1]["fields"][0]["field"];
    assert!(
        added.as_str().is_some_and(|f| f.ends_with(": Текст")),
        "{added}"
    );
    // Someone else's signal, or a record that does not exist, is not found.
    let (status, _) = app
        .get_as(
            &officer,
            "/api/audit/history?tenant=petrich&stream=progress-2017-IX.9",
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn one_persons_events_are_looked_for_a_bounded_stretch_at_a_time_and_all_found() {
    use crate::support::{event, request};
    use antikor_server::store::ExpectedVersion;
    let app = TestApp::start_demo().await;
    a_morning_in_petrich(&app).await;
    let auditor = app.auditor().await;
    let want: Vec<u64> = whole_trail(&app, &auditor, "&tenant=petrich")
        .await
        .iter()
        .filter(|e| e["event"]["actor"] == "petrich.officer")
        .map(|e| e["event"]["position"].as_u64().unwrap())
        .collect();
    assert_eq!(want.len(), 3, "a login and two reports: {want:?}");
    // Six thousand newer events by someone else: more than one page looks through.
    for _ in 0..60 {
        app.state
            .system_log()
            .append(request(
                "bansko",
                "notes",
                ExpectedVersion::Any,
                (0..100).map(event).collect(),
            ))
            .await
            .unwrap();
    }
    let mut found = Vec::new();
    let mut stops = 0;
    let mut uri = "/api/audit/events?actor=petrich.officer".to_owned();
    loop {
        let (status, page) = app.get_as(&auditor, &uri).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let events = page["events"].as_array().unwrap();
        assert!(
            events
                .iter()
                .all(|e| e["event"]["actor"] == "petrich.officer")
        );
        found.extend(
            events
                .iter()
                .map(|e| e["event"]["position"].as_u64().unwrap()),
        );
        if !page["search_stopped_at"].is_null() {
            stops += 1;
            assert_eq!(
                page["older"], page["search_stopped_at"],
                "the cursor goes on from there"
            );
        }
        match page["older"].as_u64() {
            Some(older) => uri = format!("/api/audit/events?actor=petrich.officer&before={older}"),
            None => break,
        }
    }
    assert_eq!(found, want);
    assert!(stops >= 1, "six thousand events are more than one look");
    // Too long a name is refused in words.
    let long = "x".repeat(65);
    let (status, body) = app
        .get_as(&auditor, &format!("/api/audit/events?actor={long}"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["message"],
        "Извършителят е потребителско име: до 64 знака."
    );
}

#[tokio::test]
async fn a_comparison_up_to_a_moment_stays_the_same_while_the_log_grows_under_it() {
    let app = TestApp::start_demo().await;
    let officer = a_morning_in_petrich(&app).await;
    let to = newest(&app, &officer, "ProgressReported").await;
    let uri = format!("/api/audit/diff?tenant=petrich&from=0&to={to}");
    let (_, before) = app.get_as(&officer, &uri).await;
    // Reports on the same measure and another land while comparisons are read at once.
    let chain = |key: &'static str, from: u64| {
        let (app, officer) = (&app, &officer);
        async move {
            let mut statuses = Vec::new();
            for version in from..from + 4 {
                let report = json!({"level": "limited", "note": format!("Още {version}"),
                    "evidence": [], "reported_for": "2017-12-31", "expected_version": version});
                let uri = format!("/api/progress/2017/{key}");
                statuses.push(
                    app.call(Some(officer), Method::PUT, &uri, Some(report))
                        .await
                        .0,
                );
            }
            statuses
        }
    };
    let reads = futures::future::join_all((0..16).map(|_| app.get_as(&officer, &uri)));
    let (same, other, read) = tokio::join!(chain("I.1", 2), chain("I.2", 0), reads);
    assert!(
        same.iter().chain(&other).all(|s| *s == StatusCode::OK),
        "{same:?} {other:?}"
    );
    for (status, diff) in read {
        assert_eq!(status, StatusCode::OK, "{diff}");
        assert_eq!(
            diff, before,
            "what came after `to` never shows in the comparison"
        );
    }
}

/// Sentences are kept once said, and said while new events arrive: the trail read by several
/// readers at once while signals are filed and reports recorded (each report's sentence reads
/// the one before it) says, once all is in, what a server started afresh on the same log says
/// of every event.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sentences_said_while_events_arrive_are_what_a_fresh_start_says() {
    let app = std::sync::Arc::new(TestApp::start_demo().await);
    let officer = app.login("petrich.officer").await;
    let auditor = app.auditor().await;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..6)
        .map(|_| {
            let (app, auditor, done) = (app.clone(), auditor.clone(), done.clone());
            tokio::spawn(async move {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let (status, page) = app.get_as(&auditor, "/api/audit/events?limit=5").await;
                    assert_eq!(status, StatusCode::OK, "{page}");
                }
            })
        })
        .collect();
    for n in 0..20u64 {
        let signal = json!({
            "tenant": "petrich", "reporter": null,
            "account": {"what": format!("Сигнал {n}"), "place": "", "when": ""},
            "concerned": null, "unit": null, "activity": null, "category": "bribery"});
        let (status, filed) = app
            .call(None, Method::POST, "/api/public/signals", Some(signal))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{filed}");
        let level = if n % 2 == 0 { "limited" } else { "substantial" };
        let report = json!({"level": level, "note": "Отчет", "evidence": [],
            "reported_for": "2017-12-31", "expected_version": n});
        let (status, row) = app
            .call(
                Some(&officer),
                Method::PUT,
                "/api/progress/2017/I.1",
                Some(report),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{row}");
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    for reader in readers {
        reader.await.unwrap();
    }
    let said = whole_trail(&app, &auditor, "").await;

    let Ok(app) = std::sync::Arc::try_unwrap(app) else {
        panic!("the readers are done")
    };
    let fresh = TestApp::start_in(app.shut_down().await).await;
    let auditor = fresh.auditor().await;
    let afresh: std::collections::HashMap<u64, Value> = whole_trail(&fresh, &auditor, "")
        .await
        .into_iter()
        .map(|e| (e["event"]["position"].as_u64().unwrap(), e))
        .collect();
    for entry in &said {
        let position = entry["event"]["position"].as_u64().unwrap();
        let again = &afresh[&position];
        assert_eq!(
            (&entry["summary"], &entry["record"]),
            (&again["summary"], &again["record"]),
            "position {position}"
        );
    }
}
