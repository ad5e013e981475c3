//! What waits for a user (`GET /api/reminders`): the register's clocks for its officers, the
//! plan's measures and returned acts for whoever writes for the tenant, nothing for readers.

use crate::support::{Session, TestApp};
use antikor_shared::reminders::{ReminderKind, ReminderTarget, Reminders};
use axum::http::{Method, StatusCode};
use chrono::{Datelike, Days, NaiveDate, TimeDelta};
use serde_json::{Value, json};

async fn reminders(app: &TestApp, session: &Session) -> Reminders {
    app.read_as(session, "/api/reminders").await
}

fn today(app: &TestApp) -> NaiveDate {
    antikor_server::clock::sofia_date(app.state.clock.now())
}

async fn step(app: &TestApp, officer: &Session, id: uuid::Uuid, action: &str, body: Value) {
    app.write_as::<Value>(officer, &format!("/api/signals/{id}/{action}"), body)
        .await;
}

fn kinds(r: &Reminders) -> Vec<ReminderKind> {
    r.items.iter().map(|i| i.kind).collect()
}

#[tokio::test]
async fn the_register_s_clocks_remind_its_officers_when_they_are_nearly_due() {
    let app = TestApp::start_demo().await;
    let (status, receipt) = app
        .call(
            None,
            Method::POST,
            "/api/public/signals",
            Some(json!({"tenant": "blagoevgrad", "reporter": null,
                "account": {"what": "Подкуп при разрешение за строеж.", "place": "", "when": ""},
                "concerned": null, "unit": null, "activity": null, "category": "bribery"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let received = today(&app);
    let officer = app.login("blagoevgrad.officer").await;
    let none = reminders(&app, &officer).await;
    assert_eq!((none.total, none.overdue), (0, 0), "{none:?}");

    // Two days before the seven run out, the acknowledgment is reminded of; then it is late.
    app.state.clock.advance(TimeDelta::days(4));
    assert_eq!(reminders(&app, &officer).await.total, 0);
    app.state.clock.advance(TimeDelta::days(1));
    let due = reminders(&app, &officer).await;
    assert_eq!(kinds(&due), [ReminderKind::Acknowledge], "{due:?}");
    let reminder = &due.items[0];
    assert_eq!(reminder.due, received + Days::new(7));
    assert!(!reminder.overdue);
    assert!(
        reminder
            .subject
            .contains(receipt["reference"].as_str().unwrap())
    );
    let ReminderTarget::Signal { id } = reminder.target else {
        panic!("{reminder:?}")
    };
    app.state.clock.advance(TimeDelta::days(3));
    let late = reminders(&app, &officer).await;
    assert_eq!((late.total, late.overdue), (1, 1), "{late:?}");

    // No one else is told of the register: not the tenant's administrator, not the region,
    // not an auditor.
    for other in ["blagoevgrad.admin", "oblast.sekretar", "odit"] {
        let session = app.login(other).await;
        let theirs = reminders(&app, &session).await;
        assert!(
            !kinds(&theirs).contains(&ReminderKind::Acknowledge),
            "{other}: {theirs:?}"
        );
    }

    // Acknowledged, the feedback's three months run: reminded of two weeks ahead.
    let on = today(&app);
    step(
        &app,
        &officer,
        id,
        "acknowledge",
        json!({"expected_version": 1, "on": on, "uin": null, "message": null}),
    )
    .await;
    assert_eq!(reminders(&app, &officer).await.total, 0);
    let feedback_due = on.checked_add_months(chrono::Months::new(3)).unwrap();
    let days = (feedback_due - on).num_days();
    app.state.clock.advance(TimeDelta::days(days - 15));
    assert_eq!(reminders(&app, &officer).await.total, 0);
    app.state.clock.advance(TimeDelta::days(1));
    let feedback = reminders(&app, &officer).await;
    assert_eq!(kinds(&feedback), [ReminderKind::Feedback], "{feedback:?}");
    assert_eq!(feedback.items[0].due, feedback_due);
    step(
        &app,
        &officer,
        id,
        "feedback",
        json!({"expected_version": 2, "on": today(&app), "text": "Проверката започна."}),
    )
    .await;
    assert_eq!(reminders(&app, &officer).await.total, 0);
}

#[tokio::test]
async fn measures_due_and_returned_acts_remind_whoever_writes_for_the_tenant() {
    let app = TestApp::start_demo().await;
    let today = today(&app);
    let year = today.year();
    let sekretar = app.login("oblast.sekretar").await;
    // This year's plan, copied from 2017's: its deadlines are this year's.
    let (status, plan) = app
        .post_as(
            &sekretar,
            "/api/plans",
            json!({"year": year, "based_on": 2017}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");

    // Every measure the progress table shows overdue or due within 30 days, and no other.
    let officer = app.login("bansko.officer").await;
    let (_, progress) = app
        .get_as(&officer, &format!("/api/progress?year={year}"))
        .await;
    let mut waiting: Vec<String> = progress["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["overdue"] == true || r["due_soon"] == true)
        .map(|r| r["key"].as_str().unwrap().to_owned())
        .collect();
    assert!(!waiting.is_empty(), "a year's plan has measures due by now");
    let measures = |r: &Reminders| -> Vec<String> {
        let mut keys: Vec<String> = r
            .items
            .iter()
            .filter_map(|i| match &i.target {
                ReminderTarget::Measure { key, year: y } if *y == year => Some(key.clone()),
                _ => None,
            })
            .collect();
        keys.sort();
        keys
    };
    waiting.sort();
    assert_eq!(measures(&reminders(&app, &officer).await), waiting);

    // Completed by Bansko, a measure leaves Bansko's reminders and stays in the others'.
    let key = waiting[0].clone();
    let (status, row) = app
        .call(
            Some(&officer),
            Method::PUT,
            &format!("/api/progress/{year}/{key}"),
            Some(
                json!({"level": "completed", "note": "Изпълнено", "evidence": [],
                "reported_for": today, "expected_version": 0}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{row}");
    assert!(!measures(&reminders(&app, &officer).await).contains(&key));
    assert!(measures(&reminders(&app, &sekretar).await).contains(&key));

    // An act returned twelve days ago: its council has two days left to discuss it again.
    let act = json!({"kind": "contested_act", "act_kind": "council_decision",
        "act_number": "123", "act_date": today - Days::new(14), "municipality": "bansko",
        "received_on": today - Days::new(13), "action": "returned",
        "action_on": today - Days::new(12), "grounds": "Противоречие със закона",
        "council_revote": null, "court_case": null, "court_outcome": null,
        "published_on": null, "measures": []});
    let (status, recorded) = app.post_as(&sekretar, "/api/activities", act).await;
    assert_eq!(status, StatusCode::CREATED, "{recorded}");
    let id: uuid::Uuid = recorded["id"].as_str().unwrap().parse().unwrap();
    let revotes = |r: &Reminders| {
        r.items
            .iter()
            .filter(|i| i.kind == ReminderKind::Revote)
            .map(|i| (i.target.clone(), i.due, i.subject.clone()))
            .collect::<Vec<_>>()
    };
    let theirs = reminders(&app, &sekretar).await;
    assert_eq!(
        revotes(&theirs),
        [(
            ReminderTarget::Activity { id },
            today + Days::new(2),
            "Решение на общински съвет № 123 (bansko)".to_owned()
        )]
    );
    assert!(revotes(&reminders(&app, &officer).await).is_empty());
    // Once the council has discussed it again, nothing waits.
    let (status, followed) = app
        .post_as(
            &sekretar,
            &format!("/api/activities/{id}/follow-up"),
            json!({"council_revote": "Решението е отменено.", "expected_version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{followed}");
    assert!(revotes(&reminders(&app, &sekretar).await).is_empty());

    // Readers are told of nothing.
    let auditor = app.auditor().await;
    assert_eq!(reminders(&app, &auditor).await.total, 0);
}

#[tokio::test]
async fn reminders_need_a_session() {
    let app = TestApp::start_demo().await;
    let (status, body) = app.get("/api/reminders").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

#[tokio::test]
async fn an_open_staff_survey_is_reminded_of_in_its_last_week_to_those_who_run_it() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let year = today(&app).year();
    let codes = crate::surveys::opened(&app, &officer, 6).await;
    let one = [crate::surveys::choice("q1", 0)];
    let (status, body) = crate::surveys::answer(&app, "bansko", &codes[0], &one).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let surveys = |r: &Reminders| {
        r.items
            .iter()
            .filter(|i| i.kind == ReminderKind::SurveyClosing)
            .cloned()
            .collect::<Vec<_>>()
    };
    // It closes in 30 days: nothing yet.
    assert!(surveys(&reminders(&app, &officer).await).is_empty());

    app.state.clock.advance(TimeDelta::days(24));
    let shown = surveys(&reminders(&app, &officer).await);
    assert_eq!(shown.len(), 1, "{shown:?}");
    let reminder = &shown[0];
    assert_eq!(reminder.due, today(&app) + Days::new(6));
    assert!(!reminder.overdue);
    assert_eq!(reminder.target, ReminderTarget::Survey { year });
    assert_eq!(
        reminder.subject,
        format!("Анкета {year} г.: 1 отговор, а резултатите се показват от 5")
    );
    // Readers are given none: they run no survey.
    let auditor = app.login("odit").await;
    assert!(surveys(&reminders(&app, &auditor).await).is_empty());

    // On its last day still; the day after, answers are no longer taken and nothing waits.
    app.state.clock.advance(TimeDelta::days(6));
    assert_eq!(surveys(&reminders(&app, &officer).await).len(), 1);
    app.state.clock.advance(TimeDelta::days(1));
    assert!(surveys(&reminders(&app, &officer).await).is_empty());
}
