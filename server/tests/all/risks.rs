//! The corruption-risk register over HTTP: a risk entered, rated, treated, reviewed and closed
//! with the version it read; the register's list, figures and CSV; its reminders and its place
//! on the dashboard, in the regional view and in the annual report.

use crate::support::TestApp;
use antikor_shared::api::Page;
use antikor_shared::reminders::{ReminderKind, ReminderTarget, Reminders};
use antikor_shared::risk::{Band, RegionRisks, RiskRecord, RiskStatus, RiskSummary};
use antikor_shared::views::TenantDashboard;
use axum::http::StatusCode;
use chrono::{Datelike, Days, NaiveDate, TimeDelta};
use serde_json::{Value, json};

/// A risk of the 2017 register, owned by `owner`.
pub fn identified(owner: &str) -> Value {
    json!({"year": 2017, "area": "procurement", "unit": "Отдел „Обществени поръчки“",
        "description": "Насочване на поръчка към определен изпълнител",
        "causes": "Спецификации, написани за един доставчик",
        "owner": owner, "review_on": "2017-12-15"})
}

/// Each step after the entry: the version it reads, its route and its body.
pub fn lifecycle() -> Vec<(u64, &'static str, Value)> {
    vec![
        (
            1,
            "assessment",
            json!({"inherent": {"likelihood": 4, "impact": 5},
                "controls": "Двама души преглеждат спецификациите",
                "residual": {"likelihood": 3, "impact": 4}}),
        ),
        (
            2,
            "treatment",
            json!({"response": "limit", "actions": "Проектите на спецификации се публикуват",
                "measures": ["IV.1"], "due_on": "2017-12-31"}),
        ),
        (
            3,
            "review",
            json!({"reviewed_on": "2017-12-10", "residual": {"likelihood": 2, "impact": 4},
                "note": "Мерките действат", "next_review_on": "2018-06-30"}),
        ),
        (
            4,
            "closure",
            json!({"reason": "Поръчките минаха към централния орган"}),
        ),
    ]
}

fn today(app: &TestApp) -> NaiveDate {
    antikor_server::clock::sofia_date(app.state.clock.now())
}

#[tokio::test]
async fn a_risk_goes_from_entry_to_closure_each_step_on_the_version_it_read() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let (status, body) = app
        .post_as(&officer, "/api/risks", identified("bansko.officer"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let risk: RiskRecord = serde_json::from_value(body).unwrap();
    assert_eq!((risk.number, risk.version), (1, 1));
    assert_eq!(risk.code(), "Р-2017-01");
    assert_eq!(risk.status(), RiskStatus::Identified);
    let uri = |step: &str| format!("/api/risks/{}/{step}", risk.id);

    let steps = lifecycle();
    // A step that names an older version than the risk's is refused, and changes nothing.
    let (_, step, body) = &steps[0];
    let mut stale = body.clone();
    stale["expected_version"] = json!(0);
    let (status, answer) = app.post_as(&officer, &uri(step), stale).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");

    let mut last = risk.clone();
    for (version, step, body) in steps {
        let mut body = body;
        body["expected_version"] = json!(version);
        last = app.write_as(&officer, &uri(step), body).await;
        assert_eq!(last.version, version + 1, "{step}");
        if step == "treatment" {
            assert_eq!(last.status(), RiskStatus::Treated);
            assert_eq!(last.residual().map(|r| r.score()), Some(12));
            assert_eq!(last.band(), Some(Band::Medium));
        }
        if step == "review" {
            // A review moves the review date and rates the risk anew.
            assert_eq!(last.identified.review_on.to_string(), "2018-06-30");
            assert_eq!(last.residual().map(|r| r.score()), Some(8));
            assert_eq!(last.reviews[0].by, "bansko.officer");
        }
    }
    assert_eq!(last.status(), RiskStatus::Closed);
    // A closed risk stays as it was closed.
    let (status, answer) = app
        .post_as(
            &officer,
            &uri("closure"),
            json!({"expected_version": 5, "reason": "Отново"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert!(
        answer["message"].as_str().unwrap().contains("закрит"),
        "{answer}"
    );

    // What the log holds is what the register shows, read again from the log's events.
    let got: RiskRecord = app
        .read_as(&officer, &format!("/api/risks/{}", risk.id))
        .await;
    assert_eq!(got, last);
    // The auditor reads its history, each step described.
    let auditor = app.auditor().await;
    let (status, history) = app
        .get_as(
            &auditor,
            &format!("/api/audit/history?tenant=bansko&stream=risk-{}", risk.id),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let text = history.to_string();
    assert!(text.contains("Риск Р-2017-01"), "{text}");
    assert!(text.contains("оценен"), "{text}");
}

#[tokio::test]
async fn bad_commands_are_refused_in_words_and_the_read_only_roles_change_nothing() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    // An owner who is not one of the tenant's people.
    let (status, answer) = app
        .post_as(&officer, "/api/risks", identified("petrich.officer"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    assert!(
        answer["message"]
            .as_str()
            .unwrap()
            .contains("не е служител")
    );
    // A rating off the scale.
    let risk: RiskRecord = {
        let (status, body) = app
            .post_as(&officer, "/api/risks", identified("bansko.officer"))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        serde_json::from_value(body).unwrap()
    };
    let (status, answer) = app
        .post_as(
            &officer,
            &format!("/api/risks/{}/assessment", risk.id),
            json!({"expected_version": 1, "inherent": {"likelihood": 6, "impact": 1},
                "controls": "", "residual": {"likelihood": 1, "impact": 1}}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    assert!(answer["message"].as_str().unwrap().contains("от 1 до 5"));
    // A treatment before any rating.
    let (status, answer) = app
        .post_as(
            &officer,
            &format!("/api/risks/{}/treatment", risk.id),
            json!({"expected_version": 1, "response": "accept", "actions": "Приемаме го",
                "measures": [], "due_on": null}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    // No such risk.
    let (status, _) = app
        .post_as(
            &officer,
            &format!("/api/risks/{}/closure", uuid::Uuid::new_v4()),
            json!({"expected_version": 1, "reason": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Another tenant's officer neither sees nor changes it.
    let other = app.login("petrich.officer").await;
    let (status, _) = app.get_as(&other, &format!("/api/risks/{}", risk.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .post_as(
            &other,
            &format!("/api/risks/{}/closure", risk.id),
            json!({"expected_version": 1, "reason": "Чужд"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The auditor reads it and changes nothing.
    let auditor = app.auditor().await;
    let (status, _) = app
        .get_as(&auditor, &format!("/api/risks/{}", risk.id))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .post_as(&auditor, "/api/risks", identified("bansko.officer"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_register_pages_counts_and_exports_what_it_holds() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let ratings = [(5, 5, 4, 4), (4, 3, 2, 3), (2, 2, 1, 2), (3, 5, 3, 5)];
    for (n, (l, i, rl, ri)) in ratings.into_iter().enumerate() {
        let mut risk = identified("bansko.officer");
        risk["description"] = json!(format!("Риск номер {n}"));
        let (status, body) = app.post_as(&officer, "/api/risks", risk).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let id = body["id"].as_str().unwrap();
        let _: RiskRecord = app
            .write_as(
                &officer,
                &format!("/api/risks/{id}/assessment"),
                json!({"expected_version": 1, "inherent": {"likelihood": l, "impact": i},
                    "controls": "", "residual": {"likelihood": rl, "impact": ri}}),
            )
            .await;
    }
    // One more, not rated.
    let (status, _) = app
        .post_as(&officer, "/api/risks", identified("bansko.officer"))
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let items = app
        .read_all(Some(&officer), "/api/risks?year=2017", 2)
        .await;
    let numbers: Vec<u64> = items
        .iter()
        .map(|r| r["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);

    let summary: RiskSummary = app.read_as(&officer, "/api/risks/summary?year=2017").await;
    assert_eq!(
        (summary.open, summary.unassessed, summary.untreated),
        (5, 1, 4)
    );
    // Residual 4×4 and 3×5 are high, 2×3 medium, 1×2 low.
    assert_eq!(summary.by_band, [1, 1, 2]);
    assert_eq!(summary.inherent.cells[4][4], 1);
    assert_eq!(summary.residual.cells[3][3], 1);
    assert_eq!(summary.residual.total(), 4);
    // The 2017 review dates have long passed.
    assert_eq!(summary.overdue_reviews, 5);

    let download = axum::http::Request::get("/api/risks/export.csv?year=2017")
        .header(axum::http::header::COOKIE, &officer.cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    let (status, headers, csv) = app.send(download).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[axum::http::header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    let csv = String::from_utf8(csv.to_vec()).unwrap();
    assert!(csv.contains("Р-2017-04"), "{csv}");
    assert!(csv.contains("Риск номер 3"), "{csv}");
    assert!(csv.contains("3×5 = 15"), "{csv}");

    // A year without a register is an empty page, not an error.
    let empty: Page<RiskRecord> = app.read_as(&officer, "/api/risks?year=2016").await;
    assert_eq!(empty.total, 0);
}

#[tokio::test]
async fn reviews_due_remind_the_keepers_and_show_on_the_dashboard() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let now = today(&app);
    let mut risk = identified("bansko.officer");
    risk["year"] = json!(now.year());
    risk["review_on"] = json!((now + Days::new(20)).to_string());
    let (status, body) = app.post_as(&officer, "/api/risks", risk).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id: uuid::Uuid = body["id"].as_str().unwrap().parse().unwrap();
    let reviews = |r: &Reminders| {
        r.items
            .iter()
            .filter(|i| i.kind == ReminderKind::RiskReview)
            .cloned()
            .collect::<Vec<_>>()
    };
    let none: Reminders = app.read_as(&officer, "/api/reminders").await;
    assert!(reviews(&none).is_empty(), "{none:?}");
    // Two weeks ahead of its date the review is reminded of; after it, it is overdue.
    app.state.clock.advance(TimeDelta::days(7));
    let due: Reminders = app.read_as(&officer, "/api/reminders").await;
    let [reminder] = &reviews(&due)[..] else {
        panic!("{due:?}")
    };
    assert_eq!(reminder.target, ReminderTarget::Risk { id });
    assert!(!reminder.overdue);
    assert!(reminder.subject.contains("Насочване"), "{reminder:?}");
    app.state.clock.advance(TimeDelta::days(14));
    let late: Reminders = app.read_as(&officer, "/api/reminders").await;
    assert!(reviews(&late)[0].overdue);
    // The auditor keeps no register and is reminded of nothing.
    let auditor = app.auditor().await;
    let theirs: Reminders = app.read_as(&auditor, "/api/reminders").await;
    assert!(reviews(&theirs).is_empty());

    let dashboard: TenantDashboard = app.read_as(&officer, "/api/dashboard?year=2017").await;
    assert_eq!(dashboard.risks.year, 2017);
    assert_eq!(dashboard.risks.open, 0);
}

#[tokio::test]
async fn the_region_sees_every_register_in_figures_and_the_highest_risks_by_area() {
    let app = TestApp::start_demo().await;
    for (officer, (l, i)) in [("bansko.officer", (5, 5)), ("petrich.officer", (3, 3))] {
        let session = app.login(officer).await;
        let (status, body) = app
            .post_as(&session, "/api/risks", identified(officer))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let id = body["id"].as_str().unwrap();
        let _: RiskRecord = app
            .write_as(
                &session,
                &format!("/api/risks/{id}/assessment"),
                json!({"expected_version": 1, "inherent": {"likelihood": l, "impact": i},
                    "controls": "", "residual": {"likelihood": l, "impact": i}}),
            )
            .await;
    }
    let regional = app.login("oblast.sekretar").await;
    let view: RegionRisks = app.read_as(&regional, "/api/region/risks?year=2017").await;
    let row = |slug: &str| {
        view.tenants
            .iter()
            .find(|t| t.tenant.as_str() == slug)
            .unwrap_or_else(|| panic!("{slug}: {view:?}"))
    };
    assert_eq!(row("bansko").summary.by_band, [0, 0, 1]);
    assert_eq!(row("petrich").summary.by_band, [0, 1, 0]);
    assert_eq!(view.without_register as usize, view.tenants.len() - 2);
    assert_eq!(view.untreated, 2);
    let procurement = &view.areas[0];
    assert_eq!(procurement.open, 2);
    assert_eq!(procurement.top[0].tenant.as_str(), "bansko");
    assert_eq!(procurement.top[0].residual.score(), 25);

    // The region view is not an officer's.
    let officer = app.login("bansko.officer").await;
    let (status, _) = app.get_as(&officer, "/api/region/risks?year=2017").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The annual report gives the registers in figures to every reader.
    let (status, report) = app.get("/api/report/2017").await;
    assert_eq!(status, StatusCode::OK);
    let bansko = report["institutions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["tenant"] == "bansko")
        .unwrap();
    assert_eq!(bansko["risks"]["by_band"], json!([0, 0, 1]));
    assert!(!report.to_string().contains("Насочване"), "no risk's text");
}

#[tokio::test]
async fn officers_relate_classified_signals_to_risks_and_others_see_only_suppressed_counts() {
    use antikor_shared::signal::Cell;
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let (status, body) = app
        .post_as(&officer, "/api/risks", identified("bansko.officer"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let risk: RiskRecord = serde_json::from_value(body).unwrap();
    assert_eq!(risk.signals, Some(Cell::Zero));
    let (status, receipt) = app
        .call(
            None,
            axum::http::Method::POST,
            "/api/public/signals",
            Some(json!({"tenant": "bansko", "reporter": null,
                "account": {"what": "Поръчка за роднина.", "place": "", "when": ""},
                "concerned": null, "unit": null, "activity": null,
                "category": "public_procurement"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let signal = receipt["id"].as_str().unwrap();
    let link =
        |version: u64, risks: Vec<uuid::Uuid>| json!({"expected_version": version, "risks": risks});
    // Not before it is classified.
    let uri = format!("/api/signals/{signal}/risks");
    let (status, answer) = app.post_as(&officer, &uri, link(1, vec![risk.id])).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    let _: Value = app
        .write_as(
            &officer,
            &format!("/api/signals/{signal}/classify"),
            json!({"expected_version": 1, "regime": "general", "category": "public_procurement",
                "unit": null, "activity": null}),
        )
        .await;
    // Not to a risk that is not the tenant's.
    let (status, answer) = app
        .post_as(&officer, &uri, link(2, vec![uuid::Uuid::new_v4()]))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    let detail: Value = app.write_as(&officer, &uri, link(2, vec![risk.id])).await;
    assert_eq!(detail["risks"][0]["code"], "Р-2017-01");

    // The officer reads the exact count; the region reads it suppressed.
    let theirs: RiskRecord = app
        .read_as(&officer, &format!("/api/risks/{}", risk.id))
        .await;
    assert_eq!(theirs.signals, Some(Cell::Exact(1)));
    let regional = app.login("oblast.sekretar").await;
    let seen: RiskRecord = app
        .read_as(&regional, &format!("/api/risks/{}", risk.id))
        .await;
    assert_eq!(seen.signals, Some(Cell::FewerThanThree));
    let page: Page<RiskRecord> = app
        .read_as(&regional, "/api/risks?tenant=bansko&year=2017")
        .await;
    assert_eq!(page.items[0].signals, Some(Cell::FewerThanThree));

    // Taken off again, the count is back to nothing.
    let _: Value = app.write_as(&officer, &uri, link(3, vec![])).await;
    let theirs: RiskRecord = app
        .read_as(&officer, &format!("/api/risks/{}", risk.id))
        .await;
    assert_eq!(theirs.signals, Some(Cell::Zero));
}

#[tokio::test]
async fn the_same_step_sent_many_times_at_once_is_recorded_once() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let (status, body) = app
        .post_as(&officer, "/api/risks", identified("bansko.officer"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();
    // Eight windows rate the version they all read: one lands, the others are told it changed.
    let assessment = json!({"expected_version": 1, "inherent": {"likelihood": 4, "impact": 4},
        "controls": "", "residual": {"likelihood": 3, "impact": 4}});
    let sent = (0..8).map(|_| {
        let (app, officer) = (&app, &officer);
        let (uri, body) = (format!("/api/risks/{id}/assessment"), assessment.clone());
        async move { app.post_as(officer, &uri, body).await.0 }
    });
    let statuses = futures::future::join_all(sent).await;
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| [StatusCode::OK, StatusCode::CONFLICT].contains(s)),
        "{statuses:?}"
    );
    // Entering risks at once numbers each once, without gaps.
    let entered = (0..6).map(|_| {
        let (app, officer) = (&app, &officer);
        async move {
            app.post_as(officer, "/api/risks", identified("bansko.officer"))
                .await
        }
    });
    for (status, body) in futures::future::join_all(entered).await {
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let risk: RiskRecord = app.read_as(&officer, &format!("/api/risks/{id}")).await;
    assert_eq!(risk.version, 2);
    let items = app
        .read_all(Some(&officer), "/api/risks?year=2017", 50)
        .await;
    let numbers: Vec<u64> = items
        .iter()
        .map(|r| r["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=7).collect::<Vec<u64>>());
}
