//! The action plan through the API: the seeded 2017 plan, editing it, progress with conflicts,
//! activities with corrections, dashboards now and as of the past, and the public views.

use crate::support::{SEEDED, TestApp};
use antikor_shared::activity::ActivityKind;
use antikor_shared::views::TenantDashboard;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

fn keys(plan: &Value) -> Vec<String> {
    plan["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_2017_plan_is_recorded_once_and_public() {
    let app = TestApp::start().await;
    let (status, years) = app.get("/api/plans").await;
    assert_eq!((status, years), (StatusCode::OK, json!([2017])));
    let (status, plan) = app.get("/api/plans/2017").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plan["sections"].as_array().unwrap().len(), 6);
    let keys = keys(&plan);
    assert_eq!(keys.len(), 18);
    assert!(keys.contains(&"V.3".to_owned()) && keys.contains(&"V.3b".to_owned()));
    let v3b = &plan["measures"][15];
    assert_eq!(
        (v3b["key"].as_str(), v3b["number_in_source"].as_str()),
        (Some("V.3b"), Some("3."))
    );
    let i3 = &plan["measures"][2];
    assert_eq!(i3["deadline"]["from"]["month"], 1);
    assert_eq!(i3["deadline"]["to"]["month"], 12);
    // The seed's events, each of them once, in the regional administration's log.
    let models = app.state.system_models();
    assert_eq!(models.position, SEEDED);
    let dir = app.stop().await;
    let app = TestApp::start_in(dir).await;
    assert_eq!(
        app.state.system_models().position,
        SEEDED,
        "a restart adds nothing"
    );
    assert_eq!(app.get("/api/plans/2016").await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/api/plans/2017?as_of=1").await.0,
        StatusCode::UNAUTHORIZED,
        "time travel needs a login"
    );
}

#[tokio::test]
async fn regional_staff_change_withdraw_and_carry_the_plan_forward() {
    let app = TestApp::start_demo().await;
    let regional = app.login("oblast.sekretar").await;
    let officer = app.login("bansko.officer").await;
    let change = json!({"expected_revision": 1, "indicator": "Годишен доклад до 31 януари"});
    assert_eq!(
        app.post_as(&officer, "/api/plans/2017/measures/I.1", change.clone())
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, plan) = app
        .post_as(&regional, "/api/plans/2017/measures/I.1", change.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(
        plan["measures"][0]["indicator"],
        "Годишен доклад до 31 януари"
    );
    assert_eq!(plan["measures"][0]["revision"], 2);
    // The same change sent again, against the old revision, is a conflict.
    let (status, body) = app
        .post_as(&regional, "/api/plans/2017/measures/I.1", change)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Only the changed field is in the event.
    let auditor = app.login("odit").await;
    let (_, page) = app
        .get_as(&auditor, "/api/audit/events?event_type=MeasureUpdated")
        .await;
    let payload = &page["events"][0]["event"]["payload"];
    assert_eq!(payload["indicator"], "Годишен доклад до 31 януари");
    assert_eq!(payload["text"], Value::Null);
    let (status, plan) = app
        .post_as(
            &regional,
            "/api/plans/2017/measures/VI.2/withdraw",
            json!({"expected_revision": 1, "reason": "Обединена с VI.1"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["measures"][17]["withdrawn"], "Обединена с VI.1");
    let (status, next) = app
        .post_as(
            &regional,
            "/api/plans",
            json!({"year": 2018, "based_on": 2017}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{next}");
    assert_eq!(next["based_on"], 2017);
    assert_eq!(
        keys(&next).len(),
        17,
        "the withdrawn measure is not carried forward"
    );
    assert_eq!(next["measures"][0]["deadline"]["to"]["year"], 2018);
    assert_eq!(
        app.post_as(
            &regional,
            "/api/plans",
            json!({"year": 2018, "based_on": 2017})
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    let (status, added) = app
        .post_as(
            &regional,
            "/api/plans/2018/measures",
            json!({"section": "V", "number": "3.", "text": "Още една мярка",
                "deadline": {"from": {"year": 2018, "month": 6}, "to": {"year": 2018, "month": 6}},
                "responsible": ["Секретар на ООСППК"], "indicator": "Брой", "expected_result": "Повече"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert!(keys(&added).contains(&"V.3c".to_owned()));
}

async fn report(
    app: &TestApp,
    session: &crate::support::Session,
    key: &str,
    level: &str,
    version: u64,
) -> (StatusCode, Value) {
    app.call(
        Some(session),
        Method::PUT,
        &format!("/api/progress/2017/{key}"),
        Some(json!({"level": level, "note": "Проведено", "evidence": [
            {"kind": "link", "value": "https://bansko.bg/protokol-1"},
            {"kind": "document", "value": "Протокол № 1 от 12.05.2017"}],
            "reported_for": "2017-05-12", "expected_version": version})),
    )
    .await
}

#[tokio::test]
async fn two_officers_reporting_on_one_measure_get_a_conflict_not_a_lost_update() {
    let app = TestApp::start_demo().await;
    let admin = app.login("blagoevgrad.admin").await;
    let officer = app.login("blagoevgrad.officer").await;
    let (status, row) = report(&app, &officer, "II.3", "limited", 0).await;
    assert_eq!(status, StatusCode::OK, "{row}");
    assert_eq!(row["status"]["version"], 1);
    assert_eq!(row["status"]["reported_by"], "blagoevgrad.officer");
    // The admin read the measure before that report and now sends version 0.
    let (status, body) = report(&app, &admin, "II.3", "completed", 0).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["message"].as_str().unwrap().contains("друг отчет"));
    let (status, row) = report(&app, &admin, "II.3", "completed", 1).await;
    assert_eq!(status, StatusCode::OK, "{row}");
    assert_eq!(row["status"]["level"], "completed");
    assert_eq!(row["overdue"], false);
    // Bad input is refused with a reason.
    assert_eq!(
        report(&app, &admin, "XX.1", "limited", 0).await.0,
        StatusCode::NOT_FOUND
    );
    let auditor = app.login("odit").await;
    assert_eq!(
        report(&app, &auditor, "II.3", "limited", 0).await.0,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn dashboards_show_overdue_measures_activities_and_the_past() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let dashboard: TenantDashboard = app.read_as(&officer, "/api/dashboard?year=2017").await;
    // Every 2017 deadline has passed and nothing is reported: all 18 are overdue.
    assert_eq!(dashboard.levels.not_reported, 18);
    assert_eq!(dashboard.overdue.len(), 18);
    let before = app.state.head().position;
    assert_eq!(
        report(&app, &officer, "II.3", "completed", 0).await.0,
        StatusCode::OK
    );
    let (status, record) = app
        .post_as(&officer, "/api/activities", open_doors(true))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{record}");
    let dashboard: TenantDashboard = app.read_as(&officer, "/api/dashboard?year=2017").await;
    assert_eq!(dashboard.levels.completed, 1);
    assert_eq!(dashboard.overdue.len(), 17);
    assert_eq!(dashboard.latest[0].event_type, "MeetingHeld");
    let meetings = &dashboard.activities;
    assert!(
        meetings
            .iter()
            .any(|m| m.kind == ActivityKind::Meeting && m.count == 1),
        "{meetings:?}"
    );
    // As of before the report, the measure was not reported.
    let past: TenantDashboard = app
        .read_as(
            &officer,
            &format!("/api/dashboard?year=2017&as_of={before}"),
        )
        .await;
    assert_eq!(past.levels.completed, 0);
    assert_eq!(past.position, before);
}

fn open_doors(public: bool) -> Value {
    json!({"kind": "meeting", "date": "2017-05-12", "meeting_kind": "open_doors",
        "title": "Среща „отворени врати“", "participants": 40, "organisations": ["НПО „Прозрачност“"],
        "agenda": "Прозрачност", "decisions": "Решение 1", "protocol": "Протокол 1",
        "public": public, "measures": ["II.2"]})
}

#[tokio::test]
async fn activities_are_corrected_by_new_events_and_public_meetings_are_public() {
    let app = TestApp::start_demo().await;
    let officer = app.login("petrich.officer").await;
    let (status, public) = app
        .post_as(&officer, "/api/activities", open_doors(true))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{public}");
    let (_, internal) = app
        .post_as(&officer, "/api/activities", open_doors(false))
        .await;
    let (_, listed) = app.get("/api/public/meetings?year=2017").await;
    let ids: Vec<&Value> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    assert_eq!(
        ids,
        vec![&public["id"]],
        "only the public meeting is public"
    );
    assert!(
        !listed
            .to_string()
            .contains(internal["id"].as_str().unwrap())
    );
    // A correction carries the whole record and a reason; the first version stays in the log.
    let mut fixed = open_doors(true);
    fixed["participants"] = json!(45);
    let uri = format!(
        "/api/activities/{}/correction",
        public["id"].as_str().unwrap()
    );
    let (status, corrected) = app
        .post_as(
            &officer,
            &uri,
            json!({"activity": fixed, "reason": "Преброени повторно", "expected_version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert_eq!(corrected["activity"]["participants"], 45);
    assert_eq!(corrected["corrections"][0]["reason"], "Преброени повторно");
    let (status, _) = app
        .post_as(
            &officer,
            &uri,
            json!({"activity": fixed, "reason": "пак", "expected_version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "a stale correction");
    // Another tenant's officer cannot touch it.
    let other = app.login("bansko.officer").await;
    let (status, _) = app
        .post_as(
            &other,
            &uri,
            json!({"activity": fixed, "reason": "чужд", "expected_version": 2}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Contested acts are the regional administration's.
    let act = json!({"kind": "contested_act", "act_kind": "council_decision", "act_number": "№ 412",
        "act_date": "2017-03-01", "municipality": "petrich", "received_on": "2017-03-06",
        "action": "returned", "action_on": "2017-03-10", "grounds": "Противоречи на ЗМСМА",
        "council_revote": null, "court_case": null, "court_outcome": null,
        "published_on": "2017-03-11", "measures": ["I.3"]});
    assert_eq!(
        app.post_as(&officer, "/api/activities", act.clone())
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let regional = app.login("oblast.admin").await;
    let (status, recorded) = app.post_as(&regional, "/api/activities", act).await;
    assert_eq!(status, StatusCode::CREATED, "{recorded}");
    let follow = format!(
        "/api/activities/{}/follow-up",
        recorded["id"].as_str().unwrap()
    );
    let (status, followed) = app
        .post_as(
            &regional,
            &follow,
            json!({"council_revote": "Решението е отменено", "expected_version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{followed}");
    let (_, register) = app.get("/api/public/contested-acts").await;
    assert_eq!(
        register["items"][0]["activity"]["council_revote"],
        "Решението е отменено"
    );
    // Public pages name the institution and role, never a login name.
    let (_, meetings) = app.get("/api/public/meetings").await;
    for page in [&register, &meetings] {
        let text = page.to_string();
        for username in ["oblast.admin", "petrich.officer"] {
            assert!(
                !text.contains(username),
                "{username} on a public page: {text}"
            );
        }
    }
    let register = &register["items"];
    assert_eq!(
        register[0]["recorded_by"],
        "Областна администрация Благоевград, администратор на областната администрация"
    );
    assert_eq!(
        register[0]["corrections"][0]["by"],
        register[0]["recorded_by"]
    );
    // The folds are pure: a rebuild from the log equals what the commit hook kept up to date.
    let (rebuilt, _) =
        antikor_server::projections::ReadModels::replay(app.state.system_log().as_ref(), u64::MAX)
            .unwrap();
    assert_eq!(rebuilt, app.state.system_models());
}

#[tokio::test]
async fn the_regional_view_shows_every_tenant_and_who_has_not_reported() {
    let app = TestApp::start_demo().await;
    let officer = app.login("sandanski.officer").await;
    assert_eq!(
        report(&app, &officer, "IV.2", "substantial", 0).await.0,
        StatusCode::OK
    );
    assert_eq!(
        app.get_as(&officer, "/api/region").await.0,
        StatusCode::FORBIDDEN
    );
    let regional = app.login("oblast.sekretar").await;
    let (status, region) = app.get_as(&regional, "/api/region?year=2017").await;
    assert_eq!(status, StatusCode::OK, "{region}");
    let tenants = region["tenants"].as_array().unwrap();
    assert_eq!(tenants.len(), 15);
    assert_eq!(tenants[0]["tenant"], "oblast");
    let sandanski = tenants.iter().find(|t| t["tenant"] == "sandanski").unwrap();
    let column = region["measures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["key"] == "IV.2")
        .unwrap();
    assert_eq!(sandanski["levels"][column], "substantial");
    assert_eq!(sandanski["reported"], true);
    let silent = tenants.iter().filter(|t| t["reported"] == false).count();
    assert_eq!(silent, 14);
    // Anyone sees the same progress on the public page.
    let (_, public) = app.get("/api/public/progress?year=2017").await;
    assert_eq!(public["tenants"], region["tenants"]);
}

#[tokio::test]
async fn contacts_are_public_and_kept_by_each_tenant() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let contacts = json!({"contacts": [{"name": "Иван Костадинов", "position": "Главен експерт",
        "phone": "0749 8 81 00", "email": "antikor@bansko.bg"}]});
    let (status, mine) = app
        .call(Some(&officer), Method::PUT, "/api/contacts", Some(contacts))
        .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["tenant"], "bansko");
    let all = app.read_all(None, "/api/contacts", 5).await;
    let bansko = all.iter().find(|t| t["tenant"] == "bansko").unwrap();
    assert_eq!(bansko["contacts"][0]["email"], "antikor@bansko.bg");
    let (status, one) = app.get("/api/contacts?tenant=bansko").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["items"].as_array().unwrap(), &vec![bansko.clone()]);
    assert_eq!(one["total"], 1);
    let (status, _) = app.get("/api/contacts?tenant=nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let bad = json!({"contacts": [{"name": "X", "position": "Y", "phone": "1", "email": "няма"}]});
    assert_eq!(
        app.call(Some(&officer), Method::PUT, "/api/contacts", Some(bad))
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn changes_sent_at_once_land_on_different_measures_and_only_once_on_one() {
    let app = TestApp::start_demo().await;
    let regional = app.login("oblast.sekretar").await;
    let (_, plan) = app.get("/api/plans/2017").await;
    let keys: Vec<String> = keys(&plan).into_iter().take(8).collect();
    let (server, officer) = (&app, &regional);
    let change = |key: &str, indicator: String| {
        let path = format!("/api/plans/2017/measures/{key}");
        let body = json!({"expected_revision": 1, "indicator": indicator});
        async move { server.post_as(officer, &path, body).await }
    };
    // Eight regional officers change eight measures at once: each is decided again on the
    // plan the others left, so none is lost and none is refused.
    let statuses: Vec<_> =
        futures::future::join_all(keys.iter().map(|k| change(k, format!("Индикатор на {k}"))))
            .await
            .into_iter()
            .map(|(status, body)| (status, body["error"].clone()))
            .collect();
    assert!(
        statuses.iter().all(|(s, _)| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let (_, plan) = app.get("/api/plans/2017").await;
    for (key, measure) in keys.iter().zip(plan["measures"].as_array().unwrap()) {
        assert_eq!(measure["key"], *key);
        assert_eq!(measure["indicator"], format!("Индикатор на {key}"));
        assert_eq!(measure["revision"], 2);
    }
    // Eight changes of one measure, all read at the same revision: one lands, seven are told
    // that the measure moved on.
    let first = keys[0].clone();
    let body = |n: u32| json!({"expected_revision": 2, "indicator": format!("Вариант {n}")});
    let path = format!("/api/plans/2017/measures/{first}");
    let statuses: Vec<StatusCode> =
        futures::future::join_all((0..8).map(|n| app.post_as(&regional, &path, body(n))))
            .await
            .into_iter()
            .map(|(status, _)| status)
            .collect();
    let landed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!((landed, refused), (1, 7), "{statuses:?}");
    let (_, plan) = app.get("/api/plans/2017").await;
    assert_eq!(plan["measures"][0]["revision"], 3);
}
