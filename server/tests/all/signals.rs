//! The signals register through the API: the reporter's receipt code, the officers' steps,
//! sealed identities, retention, suppressed statistics and the abuse limits.

use crate::support::{DEMO_PASSWORD, Session, TestApp, stored_text};
use antikor_shared::api::Page;
use antikor_shared::i18n::Lang;
use antikor_shared::signal::{Clock, SignalRow};
use axum::http::{Method, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::Datelike;
use serde_json::{Value, json};

/// A signal for the public form, naming its reporter and the person concerned.
pub(crate) fn named_signal(tenant: &str, who: &str) -> Value {
    json!({
        "tenant": tenant,
        "reporter": {"name": who, "contact": "0888 123 456"},
        "account": {"what": "Служител иска пари за разрешително за строеж.",
            "place": "Отдел „Устройство на територията“", "when": "март 2026"},
        "concerned": "Петър Петров-Тестов",
        "unit": "Устройство на територията",
        "activity": "Разрешения за строеж",
        "category": "bribery",
    })
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

pub(crate) async fn file(app: &TestApp, body: Value) -> Value {
    let (status, receipt) = app
        .call(None, Method::POST, "/api/public/signals", Some(body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    receipt
}

async fn reporter(app: &TestApp, receipt: &Value) -> (StatusCode, Value) {
    let access = json!({"reference": receipt["reference"], "code": receipt["receipt_code"]});
    app.call(
        None,
        Method::POST,
        "/api/public/signals/status",
        Some(access),
    )
    .await
}

async fn step(app: &TestApp, officer: &Session, id: &str, action: &str, body: Value) -> Value {
    app.write_as(officer, &format!("/api/signals/{id}/{action}"), body)
        .await
}

fn today() -> String {
    antikor_server::clock::sofia_date(chrono::Utc::now()).to_string()
}

#[tokio::test]
async fn an_unacknowledged_signal_turns_overdue_when_its_seven_days_pass() {
    let app = TestApp::start_demo().await;
    let receipt = file(&app, anonymous_signal("bansko")).await;
    let officer = app.login("bansko.officer").await;
    let clock = || async {
        let register = app
            .read_as::<Page<SignalRow>>(&officer, "/api/signals")
            .await
            .items;
        assert_eq!(
            register[0].reference,
            receipt["reference"].as_str().unwrap()
        );
        register[0].acknowledgment.clock
    };
    assert_eq!(clock().await, Clock::Running);
    app.state.clock.advance(chrono::TimeDelta::days(5));
    assert_eq!(clock().await, Clock::DueSoon);
    app.state.clock.advance(chrono::TimeDelta::days(3));
    assert_eq!(clock().await, Clock::Overdue);
}

#[tokio::test]
async fn a_reporter_follows_an_anonymous_signal_with_the_receipt_code() {
    let app = TestApp::start_demo().await;
    let receipt = file(&app, anonymous_signal("bansko")).await;
    let code = receipt["receipt_code"].as_str().unwrap();
    assert_eq!(code.len(), 24, "20 characters in groups of four: {code}");
    assert!(receipt["reference"].as_str().unwrap().ends_with("-0001"));

    let (status, view) = reporter(&app, &receipt).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "received");
    assert_eq!(
        view["institution"],
        json!({"bg": "Община Банско", "en": "Bansko Municipality"})
    );
    assert!(view["messages"].as_array().unwrap().is_empty());

    // The officer sees it in the register, acknowledges and writes to the reporter.
    let officer = app.login("bansko.officer").await;
    let (_, register) = app.get_as(&officer, "/api/signals").await;
    let row = &register["items"][0];
    assert_eq!(row["reference"], receipt["reference"]);
    assert_eq!(row["acknowledgment"]["clock"], "running");
    let id = row["id"].as_str().unwrap().to_owned();
    step(&app, &officer, &id, "acknowledge",
        json!({"expected_version": 1, "on": today(), "uin": null, "message": "Получихме сигнала ви."})).await;
    let detail = step(
        &app,
        &officer,
        &id,
        "messages",
        json!({"expected_version": 2, "on": null, "text": "Кога точно е станало?"}),
    )
    .await;
    assert_eq!(detail["acknowledgment"]["clock"], "met");
    assert_eq!(detail["status"], "acknowledged");

    // The reporter reads both and answers, without saying who they are.
    let (_, view) = reporter(&app, &receipt).await;
    let texts: Vec<&str> = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Получихме сигнала ви.", "Кога точно е станало?"]);
    assert_eq!(view["status"], "acknowledged");
    assert!(view["feedback_due"].is_string());
    let reply = json!({"reference": receipt["reference"], "code": code.to_lowercase().replace('-', " "),
        "text": "На 3 март сутринта."});
    let (status, view) = app
        .call(None, Method::POST, "/api/public/signals/reply", Some(reply))
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["messages"][2]["kind"], "reporter");
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    let last = detail["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["actor"], "reporter");
    assert_eq!(last["text"], "На 3 март сутринта.");

    // A wrong code is refused like an unknown number, and repeated failures are throttled.
    let wrong = json!({"reference": receipt["reference"], "code": "AAAA-AAAA-AAAA-AAAA-AAAA"});
    let (status, body) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals/status",
            Some(wrong.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let unknown = json!({"reference": "BLG01-2026-9999", "code": code});
    let (status, same) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals/status",
            Some(unknown),
        )
        .await;
    assert_eq!((status, &same), (StatusCode::NOT_FOUND, &body));
    let mut last = StatusCode::OK;
    for _ in 0..5 {
        last = app
            .call(
                None,
                Method::POST,
                "/api/public/signals/status",
                Some(wrong.clone()),
            )
            .await
            .0;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let (status, body) = reporter(&app, &receipt).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits: {body}"
    );
    assert!(body["message"].as_str().unwrap().contains("мин."));
}

#[tokio::test]
async fn the_log_holds_only_ciphertext_and_the_audit_trail_only_its_hash() {
    let app = TestApp::start_demo().await;
    let name = "Радостина Уникалнова";
    let receipt = file(&app, named_signal("bansko", name)).await;
    let officer = app.login("bansko.officer").await;
    let id = receipt["id"].as_str().unwrap();

    // The case page keeps identities sealed; opening them is recorded first.
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    assert_eq!(detail["has_reporter"], true);
    assert!(!detail.to_string().contains(name));
    assert!(
        detail["account"]["what"]
            .as_str()
            .unwrap()
            .contains("разрешително")
    );
    let (status, identity) = app
        .post_as(&officer, &format!("/api/signals/{id}/identity"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{identity}");
    assert_eq!(identity["reporter"]["name"], name);
    assert_eq!(identity["concerned"], "Петър Петров-Тестов");
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    let viewed = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["event_type"] == "SignalIdentityViewed")
        .expect("the opening is in the history");
    assert_eq!(viewed["actor"], "bansko.officer");

    // The auditor sees that the fields exist and their hashes, never the clear text.
    let (_, page) = app
        .get_as(
            &app.login("odit").await,
            "/api/audit/events?tenant=bansko&event_type=SignalFiled",
        )
        .await;
    let payload = &page["events"][0]["event"]["payload"];
    assert_eq!(
        payload["reporter"]["sealed"]["sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    assert!(payload["account"]["sealed"]["bytes"].as_u64().unwrap() > 40);
    assert_eq!(payload["unit"], "Устройство на територията");
    assert!(!page.to_string().contains("sealed_v1"));
    // The receipt code's hash too: it is sealed like the other fields, not an argon2 string
    // anyone could try codes against.
    assert_eq!(
        payload["receipt_hash"]["sealed"]["sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    assert!(!page.to_string().contains("argon2"), "{page}");
    // Regional staff and the tenant's administrator see no signal events at all.
    for who in ["oblast.sekretar", "oblast.admin", "blagoevgrad.admin"] {
        let session = app.login(who).await;
        let (_, types) = app.get_as(&session, "/api/audit/event-types").await;
        assert!(!types.to_string().contains("Signal"), "{who}: {types}");
        let (_, page) = app.get_as(&session, "/api/audit/events?limit=200").await;
        assert!(!page.to_string().contains("Signal"), "{who}: {page}");
    }

    let dir = app.stop().await;
    let log = stored_text(&dir.path().join("log"));
    assert!(log.contains("SignalFiled"), "the log was read");
    for clear in [
        name,
        "Радостина",
        "0888 123 456",
        "Петров-Тестов",
        "разрешително",
    ] {
        assert!(!log.contains(clear), "{clear} is in the log's bytes");
    }
    let vault = stored_text(&dir.path().join("vault"));
    assert!(
        !vault.contains("Радостина"),
        "the vault holds keys, not clear text"
    );
}

#[tokio::test]
async fn officers_take_every_step_and_the_register_follows_the_law_s_order() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let (status, receipt) = app
        .post_as(
            &officer,
            "/api/signals",
            json!({
                "channel": "phone", "received": today(), "confirmed_by_reporter": false,
                "reporter": {"name": "Иван Иванов", "contact": "по телефона"},
                "account": {"what": "Искане на подкуп.", "place": "Банско", "when": "вчера"},
                "concerned": null, "unit": "Местни данъци", "activity": null, "category": "bribery",
            }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an oral signal needs confirmation: {receipt}"
    );
    assert!(receipt["message"].as_str().unwrap().contains("потвърди"));
    let (status, receipt) = app
        .post_as(
            &officer,
            "/api/signals",
            json!({
                "channel": "phone", "received": today(), "confirmed_by_reporter": true,
                "reporter": {"name": "Иван Иванов", "contact": "по телефона"},
                "account": {"what": "Искане на подкуп.", "place": "Банско", "when": "вчера"},
                "concerned": null, "unit": "Местни данъци", "activity": null, "category": "bribery",
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    assert!(
        receipt["receipt_code"].is_null(),
        "only the public form gives a code"
    );
    let id = receipt["id"].as_str().unwrap().to_owned();
    let other = file(&app, anonymous_signal("bansko")).await;

    let on = today();
    step(
        &app,
        &officer,
        &id,
        "acknowledge",
        json!({"expected_version": 1, "on": on, "uin": "УИН-0001-2026", "message": null}),
    )
    .await;
    // A stale version is a conflict, not a lost update.
    let (status, body) = app
        .post_as(
            &officer,
            &format!("/api/signals/{id}/assign"),
            json!({"expected_version": 1, "to": "bansko.officer"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("променен междувременно от друг служител"),
        "in the register's words: {body}"
    );
    step(
        &app,
        &officer,
        &id,
        "assign",
        json!({"expected_version": 2, "to": "bansko.officer"}),
    )
    .await;
    let (status, _) = app
        .post_as(
            &officer,
            &format!("/api/signals/{id}/assign"),
            json!({"expected_version": 3, "to": "blagoevgrad.officer"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an officer of another tenant"
    );
    step(
        &app,
        &officer,
        &id,
        "classify",
        json!({"expected_version": 3, "regime": "whistleblower",
        "category": "bribery", "unit": "Местни данъци", "activity": "Данъчни оценки"}),
    )
    .await;
    step(
        &app,
        &officer,
        &id,
        "actions",
        json!({"expected_version": 4, "on": on, "text": "Изискана преписка."}),
    )
    .await;
    step(&app, &officer, &id, "forward", json!({"expected_version": 5, "to": "Районна прокуратура – Благоевград", "outgoing_number": "91-00-7", "on": on})).await;
    step(
        &app,
        &officer,
        &id,
        "links",
        json!({"expected_version": 6, "reference": other["reference"]}),
    )
    .await;
    let (status, _) = app
        .post_as(
            &officer,
            &format!("/api/signals/{id}/messages"),
            json!({"expected_version": 7, "on": null, "text": "?"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no receipt code: the reporter cannot read messages here"
    );
    step(
        &app,
        &officer,
        &id,
        "feedback",
        json!({"expected_version": 7, "on": on, "text": "Сигналът е препратен на прокуратурата."}),
    )
    .await;
    let detail = step(&app, &officer, &id, "close", json!({"expected_version": 8, "on": on, "outcome": "forwarded", "reason": "По компетентност."})).await;
    assert_eq!(detail["status"], "closed");
    assert_eq!(detail["feedback"]["clock"], "met");
    assert_eq!(detail["uin"], "УИН-0001-2026");
    assert_eq!(detail["links"][0]["reference"], other["reference"]);
    assert_eq!(detail["confirmed_by_reporter"], true);
    assert_eq!(detail["history"].as_array().unwrap().len(), 9);
    let (_, linked) = app
        .get_as(
            &officer,
            &format!("/api/signals/{}", other["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(
        linked["links"][0]["id"],
        id.as_str(),
        "links show on both signals"
    );
    let (status, _) = app
        .post_as(
            &officer,
            &format!("/api/signals/{id}/actions"),
            json!({"expected_version": 9, "on": on, "text": "още"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a closed case takes no more steps"
    );

    let (status, headers, bytes) = app
        .send(
            axum::http::Request::get("/api/signals/register.csv")
                .header(header::COOKIE, &officer.cookie)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = String::from_utf8(bytes.to_vec()).unwrap();
    let first = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(
        first.starts_with("УИН,Входящ номер,Приел сигнала,Дата на получаване"),
        "{first}"
    );
    assert!(
        csv.contains("УИН-0001-2026")
            && csv.contains("bansko.officer")
            && csv.contains("Изискана преписка.")
    );
    assert!(
        !csv.contains("Иван Иванов"),
        "identities stay sealed in the export"
    );

    let (_, analysis) = app.get_as(&officer, "/api/signals/analysis").await;
    assert_eq!(analysis["by_unit"][0]["value"], "Местни данъци");
    assert_eq!(analysis["by_category"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn retention_destroys_the_key_and_leaves_the_chain_intact() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let pdf = b"%PDF-1.4 protocol of the hearing".to_vec();
    let (status, receipt) = app
        .post_as(
            &officer,
            "/api/signals",
            json!({
                "channel": "post", "received": "2019-01-10", "confirmed_by_reporter": false,
                "reporter": {"name": "Стара Жалбоподателка", "contact": "ул. Първа 1"},
                "account": {"what": "Стар случай.", "place": "Банско", "when": "2018"},
                "concerned": "Стар Служител", "unit": null, "activity": null, "category": "other",
                "attachments": [{"name": "протокол.pdf", "content_base64": STANDARD.encode(&pdf)}],
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_str().unwrap().to_owned();
    let (status, headers, bytes) = app
        .send(
            axum::http::Request::get(format!("/api/signals/{id}/attachments/1"))
                .header(header::COOKIE, &officer.cookie)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes.to_vec(), pdf);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    // A file can name a person: its download is recorded like an identity's opening.
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    let viewed = &detail["history"][1];
    assert_eq!(viewed["event_type"], "SignalIdentityViewed", "{detail}");
    assert_eq!(viewed["summary"], "Отворена самоличност: приложен файл 1");
    step(
        &app,
        &officer,
        &id,
        "close",
        json!({"expected_version": 2, "on": "2020-01-15",
        "outcome": "no_proceedings", "reason": "Изтекъл срок."}),
    )
    .await;
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    assert_eq!(detail["retention_until"], "2025-01-15");

    let today = antikor_server::clock::sofia_date(chrono::Utc::now());
    assert_eq!(app.state.sweep_retention(today).await.unwrap(), 1);
    assert_eq!(app.state.sweep_retention(today).await.unwrap(), 0, "once");
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    assert_eq!(detail["key_destroyed"], true);
    assert!(detail["account"].is_null());
    assert!(detail["attachments"][0]["name"].is_null());
    assert_eq!(
        detail["history"].as_array().unwrap().last().unwrap()["event_type"],
        "SignalKeyDestroyed"
    );
    let (status, body) = app
        .post_as(&officer, &format!("/api/signals/{id}/identity"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = app
        .get_as(&officer, &format!("/api/signals/{id}/attachments/1"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The log is whole and verifies, across a restart; the data stay unreadable.
    let report = app.state.system_log().verify().unwrap();
    assert_eq!(report.first_break, None);
    let dir = app.stop().await;
    let app = TestApp::start_in(dir).await;
    assert_eq!(app.state.system_log().verify().unwrap().first_break, None);
    let officer = app.login("bansko.officer").await;
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    assert!(detail["account"].is_null());
    let vault = stored_text(&app.dir.path().join("vault"));
    assert!(!vault.contains("%PDF"), "attachments are stored encrypted");
}

#[tokio::test]
async fn statistics_suppress_small_cells_and_show_clock_compliance() {
    let app = TestApp::start_demo().await;
    for _ in 0..4 {
        file(&app, anonymous_signal("bansko")).await;
    }
    file(&app, named_signal("petrich", "Някой Някъде")).await;
    let (status, stats) = app.get("/api/public/signals/statistics").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stats["total"], json!({"shown": "exact", "count": 5}));
    let row = |t: &str| {
        stats["by_tenant"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["tenant"] == t)
            .unwrap()
            .clone()
    };
    // 5 in all, 4 of them Bansko's: Petrich's "< 3" would be 5 − 4 = 1, so Bansko's count
    // is withheld too.
    assert_eq!(row("bansko")["received"], json!({"shown": "withheld"}));
    assert_eq!(
        row("petrich")["received"],
        json!({"shown": "fewer_than_three"})
    );
    assert_eq!(row("kresna")["received"], json!({"shown": "zero"}));
    let category = |k: &str| {
        stats["by_category"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == k)
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(category("public_procurement"), json!({"shown": "withheld"}));
    assert_eq!(category("bribery"), json!({"shown": "fewer_than_three"}));
    assert_eq!(category("other"), json!({"shown": "zero"}));
    assert!(!stats.to_string().contains("Някой"));
    assert_eq!(
        row("bansko")["acknowledgment_rate"],
        Value::Null,
        "none due yet"
    );

    // The tenant records its internal-channel decision; the public sees it.
    let admin = app.login("blagoevgrad.admin").await;
    let (status, body) = app
        .call(
            Some(&admin),
            Method::PUT,
            "/api/signals/channel",
            Some(json!({"population": 69000, "staff": 310, "note": "Решение на кмета"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recorded"]["obliged"], true);
    let (_, channels) = app.get("/api/public/signals/channels").await;
    assert!(
        channels
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["tenant"] == "blagoevgrad" && c["recorded"]["obliged"] == true)
    );
    let (_, stats) = app.get("/api/public/signals/statistics").await;
    assert!(
        stats["by_tenant"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["tenant"] == "blagoevgrad" && r["obliged"] == true)
    );
}

#[tokio::test]
async fn the_public_form_limits_abuse_with_clear_messages() {
    // The default quota: 5 signals an hour from one address.
    let app = TestApp::start().await;
    for _ in 0..5 {
        file(&app, anonymous_signal("kresna")).await;
    }
    let (status, body) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals",
            Some(anonymous_signal("kresna")),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Опитайте отново")
    );

    let app = TestApp::start_demo().await;
    let mut unknown = anonymous_signal("kresna");
    unknown["tenant"] = json!("nowhere");
    let (status, _) = app
        .call(None, Method::POST, "/api/public/signals", Some(unknown))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let mut empty = anonymous_signal("kresna");
    empty["account"]["what"] = json!("  ");
    let (status, body) = app
        .call(None, Method::POST, "/api/public/signals", Some(empty))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Какво се е случило")
    );
    let mut exe = anonymous_signal("kresna");
    exe["attachments"] = json!([{"name": "снимка.jpg", "content_base64": STANDARD.encode(b"MZ\x90\x00\x03\x00\x00\x00")}]);
    let (status, body) = app
        .call(None, Method::POST, "/api/public/signals", Some(exe))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"].as_str().unwrap().contains("PDF, JPEG, PNG"),
        "{body}"
    );
    let mut many = anonymous_signal("kresna");
    let note = json!({"name": "бележка.txt", "content_base64": STANDARD.encode("бележка")});
    many["attachments"] = json!([note, note, note, note]);
    let (status, _) = app
        .call(None, Method::POST, "/api/public/signals", Some(many))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let mut huge = anonymous_signal("kresna");
    let big = STANDARD.encode(vec![b'a'; 3 * 1024 * 1024]);
    huge["attachments"] = json!([{"name": "a.txt", "content_base64": big}, {"name": "b.txt", "content_base64": big}, {"name": "c.txt", "content_base64": big}]);
    let (status, body) = app
        .call(None, Method::POST, "/api/public/signals", Some(huge))
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body["message"].as_str().unwrap().contains("MB"), "{body}");
    // Nothing of the refused filings reached the register.
    assert_eq!(app.state.system_models().signals.all().count(), 0);
    let _ = DEMO_PASSWORD;
}

#[tokio::test]
async fn the_register_csv_defuses_what_a_citizen_typed_as_a_formula() {
    let app = TestApp::start_demo().await;
    let mut body = anonymous_signal("bansko");
    body["account"]["what"] = json!("=HYPERLINK(\"https://example.invalid\",\"Отвори\")");
    body["account"]["place"] = json!("@SUM(A1:A9)");
    file(&app, body).await;
    let officer = app.login("bansko.officer").await;
    let (status, _, bytes) = app
        .send(
            axum::http::Request::get("/api/signals/register.csv")
                .header(header::COOKIE, &officer.cookie)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = String::from_utf8(bytes.to_vec()).unwrap();
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    assert!(
        cells.contains(&"'=HYPERLINK(\"https://example.invalid\",\"Отвори\")".to_owned()),
        "{csv}"
    );
    assert!(cells.contains(&"'@SUM(A1:A9)".to_owned()), "{csv}");
    assert!(
        !cells.iter().any(|c| c.starts_with(['=', '@', '+'])),
        "no cell may start a formula: {csv}"
    );
}

#[tokio::test]
async fn receipt_codes_guessed_at_once_are_counted_before_they_are_checked() {
    let app = TestApp::start().await;
    let receipt = file(&app, anonymous_signal("bansko")).await;
    let wrong = json!({"reference": receipt["reference"], "code": "AAAA-AAAA-AAAA-AAAA-AAAA"});
    // 39 wrong codes and then the right one, all at once.
    let right = json!({"reference": receipt["reference"], "code": receipt["receipt_code"]});
    let mut codes = vec![wrong; 39];
    codes.push(right);
    let checks = codes
        .into_iter()
        .map(|code| app.call(None, Method::POST, "/api/public/signals/status", Some(code)));
    let statuses: Vec<_> = futures::future::join_all(checks)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::NOT_FOUND)
        .count();
    assert!(
        checked < antikor_server::auth::throttle::ACCOUNT_LIMIT,
        "{statuses:?}"
    );
    assert_eq!(statuses[39], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

#[tokio::test]
async fn a_rotated_master_key_opens_every_signal_and_the_old_one_nothing() {
    let app = TestApp::start_demo().await;
    let receipt = file(&app, named_signal("bansko", "Ротационна Проверка")).await;
    let id = receipt["id"].as_str().unwrap().to_owned();
    let dir = app.stop().await;
    let old_key = std::fs::read(dir.path().join("vault.key")).unwrap();
    let config = antikor_server::Config::new(dir.path(), dir.path().join("no-frontend"));
    let rotation = antikor_server::cli::rotate_vault_key(&config)
        .await
        .unwrap();
    assert_eq!(rotation.signal_keys, 1);
    assert_ne!(
        std::fs::read(dir.path().join("vault.key")).unwrap(),
        old_key
    );

    let app = TestApp::start_in(dir).await;
    let officer = app.login("bansko.officer").await;
    let (status, identity) = app
        .post_as(&officer, &format!("/api/signals/{id}/identity"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{identity}");
    assert_eq!(identity["reporter"]["name"], "Ротационна Проверка");
    let (status, view) = reporter(&app, &receipt).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the receipt code still works: {view}"
    );
    let (_, page) = app
        .get_as(
            &app.login("odit").await,
            "/api/audit/events?event_type=VaultKeyRotated",
        )
        .await;
    assert_eq!(
        page["events"][0]["event"]["payload"]["signal_keys"], 1,
        "{page}"
    );
    assert_eq!(
        page["events"][0]["event"]["payload"]["key_id"],
        rotation.key_id.as_str()
    );

    // The old key, put back from a backup, no longer opens the vault.
    let dir = app.stop().await;
    std::fs::write(dir.path().join("vault.key"), &old_key).unwrap();
    let refused = antikor_server::App::start(&antikor_server::Config::new(
        dir.path(),
        dir.path().join("no-frontend"),
    ))
    .await
    .err()
    .expect("the old key is refused");
    assert!(
        format!("{refused:#}").contains("not the key"),
        "{refused:#}"
    );
}

#[tokio::test]
async fn units_and_activities_come_from_the_tenants_lists_and_a_typed_name_never_goes_public() {
    let app = TestApp::start_demo().await;
    let (status, lists) = app
        .get("/api/public/signals/lists?tenant=blagoevgrad")
        .await;
    assert_eq!(status, StatusCode::OK, "{lists}");
    assert_eq!(
        lists["recorded"], false,
        "the defaults until the tenant records its own"
    );
    assert!(
        lists["units"]
            .as_array()
            .unwrap()
            .contains(&json!("Местни данъци"))
    );
    let (status, _) = app.get("/api/public/signals/lists?tenant=nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A reporter types a person's name where the unit goes: refused, in Bulgarian, and
    // nothing reaches the register.
    let mut typed = anonymous_signal("blagoevgrad");
    typed["unit"] = json!("Гл. експерт Стоян Стоянов");
    let (status, body) = app
        .call(None, Method::POST, "/api/public/signals", Some(typed))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("от списъка"),
        "{body}"
    );
    let mut typed = anonymous_signal("blagoevgrad");
    typed["activity"] = json!("Подкупът на Стоянов");
    let (status, _) = app
        .call(None, Method::POST, "/api/public/signals", Some(typed))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.state.system_models().signals.all().count(), 0);

    // The tenant's administrator records its own lists (a change: CSRF like any other);
    // a reader without the right role cannot.
    let admin = app.login("blagoevgrad.admin").await;
    let lists = json!({"units": ["Кметство Баня", " Отдел „Местни  данъци“ ", ""],
        "activities": ["Обществени поръчки"]});
    let (status, body) = app
        .call(
            Some(&admin),
            Method::PUT,
            "/api/signals/lists",
            Some(lists.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["units"],
        json!(["Кметство Баня", "Отдел „Местни данъци“"])
    );
    assert_eq!(body["recorded"], true);
    let (status, _) = app
        .call(None, Method::PUT, "/api/signals/lists", Some(lists.clone()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let auditor = app.auditor().await;
    let (status, _) = app
        .call(
            Some(&auditor),
            Method::PUT,
            "/api/signals/lists",
            Some(lists),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Filing names an entry of the new list, spelled loosely; the defaults no longer count.
    let mut listed = anonymous_signal("blagoevgrad");
    listed["unit"] = json!("кметство  баня");
    file(&app, listed).await;
    let mut stale = anonymous_signal("blagoevgrad");
    stale["unit"] = json!("Местни данъци");
    let (status, _) = app
        .call(None, Method::POST, "/api/public/signals", Some(stale))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // An officer classifies only with entries of the list, too.
    let officer = app.login("blagoevgrad.officer").await;
    let (_, register) = app.get_as(&officer, "/api/signals").await;
    let row = &register["items"][0];
    assert_eq!(row["unit"], "Кметство Баня");
    let id = row["id"].as_str().unwrap();
    let (status, body) = app
        .post_as(
            &officer,
            &format!("/api/signals/{id}/classify"),
            json!({"expected_version": 1, "regime": "general", "category": "bribery",
                "unit": "Стоян Стоянов", "activity": null}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    let (_, stats) = app.get("/api/public/signals/statistics").await;
    let text = stats.to_string();
    assert!(!text.contains("Стоян"), "{stats}");
    assert!(text.contains("Кметство Баня"), "{stats}");
}

#[tokio::test]
async fn the_same_step_sent_many_times_at_once_is_recorded_once() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let (status, receipt) = app
        .post_as(
            &officer,
            "/api/signals",
            json!({
                "channel": "post", "received": "2019-01-10", "confirmed_by_reporter": false,
                "reporter": null,
                "account": {"what": "Стар случай.", "place": "", "when": ""},
                "concerned": null, "unit": null, "activity": null, "category": "other",
                "attachments": [],
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let id = receipt["id"].as_str().unwrap().to_owned();
    let send = |action: &'static str, body: Value| {
        let uri = format!("/api/signals/{id}/{action}");
        let officer = &officer;
        let app = &app;
        async move { app.post_as(officer, &uri, body).await.0 }
    };
    // Eight officers' windows acknowledge the version they all read: one lands.
    let acknowledge =
        json!({"expected_version": 1, "on": "2019-01-14", "uin": null, "message": null});
    let statuses =
        futures::future::join_all((0..8).map(|_| send("acknowledge", acknowledge.clone()))).await;
    let landed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(landed, 1, "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|s| [StatusCode::OK, StatusCode::CONFLICT].contains(s))
    );
    // The same with closing, after which the sweeps of two servers' clocks race.
    let close = json!({"expected_version": 2, "on": "2019-02-01", "outcome": "no_proceedings", "reason": "Изтекъл срок."});
    let statuses = futures::future::join_all((0..8).map(|_| send("close", close.clone()))).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    let today = app.state.clock.today();
    let swept = futures::future::join_all((0..4).map(|_| app.state.sweep_retention(today))).await;
    let destroyed: usize = swept.into_iter().map(Result::unwrap).sum();
    assert_eq!(destroyed, 1, "one sweep destroyed the key");
    let (_, detail) = app.get_as(&officer, &format!("/api/signals/{id}")).await;
    let history: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["event_type"].as_str().unwrap())
        .collect();
    for once in ["SignalAcknowledged", "SignalClosed", "SignalKeyDestroyed"] {
        assert_eq!(
            history.iter().filter(|t| **t == once).count(),
            1,
            "{once} once: {history:?}"
        );
    }
}

/// The public statistics as computed afresh from the read models now, as JSON.
fn statistics_now(app: &TestApp, year: Option<i32>) -> Value {
    let models = app.state.system_models();
    let today = app.state.clock.today();
    let fresh = antikor_server::projections::signals::statistics(
        &models.signals,
        &models.tenant_list(),
        year,
        today,
        Lang::Bg,
    );
    serde_json::to_value(fresh).unwrap()
}

#[tokio::test]
async fn the_public_statistics_are_computed_once_per_change_and_never_stale() {
    let app = TestApp::start_demo().await;
    let read = |year: Option<i32>| {
        let app = &app;
        async move {
            let uri = match year {
                Some(y) => format!("/api/public/signals/statistics?year={y}"),
                None => "/api/public/signals/statistics".to_owned(),
            };
            let (status, stats) = app.get(&uri).await;
            assert_eq!(status, StatusCode::OK);
            stats
        }
    };
    let this_year = app.state.clock.today().year();
    let check = |step: &'static str| {
        let app = &app;
        async move {
            for year in [None, Some(this_year), Some(2017)] {
                // Asked twice: the second answer comes from the cache.
                for _ in 0..2 {
                    assert_eq!(
                        read(year).await,
                        statistics_now(app, year),
                        "{step} {year:?}"
                    );
                }
            }
        }
    };
    check("empty").await;
    for n in 0..5 {
        file(&app, anonymous_signal(["bansko", "petrich"][n % 2])).await;
        check("filed").await;
    }
    // Many visitors at once get the same answer.
    let answers = futures::future::join_all((0..16).map(|_| read(None))).await;
    assert!(answers.iter().all(|a| *a == answers[0]));
    // An acknowledgment changes the clocks' compliance; so does a day passing.
    let officer = app.login("bansko.officer").await;
    let (_, register) = app.get_as(&officer, "/api/signals").await;
    let id = register["items"][0]["id"].as_str().unwrap().to_owned();
    step(&app, &officer, &id, "acknowledge",
        json!({"expected_version": 1, "on": today(), "uin": null, "message": "Получихме сигнала ви."})).await;
    check("acknowledged").await;
    let before = read(None).await;
    app.state.clock.advance(chrono::TimeDelta::days(8));
    check("eight days later").await;
    assert_ne!(
        read(None).await,
        before,
        "the overdue acknowledgments count once due"
    );
}

#[tokio::test]
async fn a_signal_is_assigned_to_one_of_the_institutions_active_officers_chosen_by_name() {
    let app = TestApp::start_demo().await;
    let admin = app.login("oblast.admin").await;
    for (username, role) in [
        ("bansko.second", "officer"),
        ("bansko.keeper", "tenant_admin"),
    ] {
        let (status, body) = app
            .post_as(
                &admin,
                "/api/accounts",
                serde_json::json!({"tenant": "bansko", "username": username,
                    "display_name": "Ана Банска", "role": role,
                    "password": "дълга и рядка парола"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let officer = app.login("bansko.officer").await;
    let (status, list) = app.get_as(&officer, "/api/signals/officers").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["username"].as_str().unwrap())
        .collect();
    // Bansko's officers only: not its administrator, not Petrich's officer.
    assert!(
        names.contains(&"bansko.officer") && names.contains(&"bansko.second"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"bansko.keeper") && !names.contains(&"petrich.officer"),
        "{names:?}"
    );
    let regional = app.login("oblast.sekretar").await;
    let (status, _) = app.get_as(&regional, "/api/signals/officers").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
