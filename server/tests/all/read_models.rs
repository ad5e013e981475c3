//! Read models: a rebuild from scratch equals the live model, and "as of" shows the past.

use crate::support::{SEEDED, TestApp, event, request};
use antikor_server::projections::{ReadModels, position_at};
use antikor_server::store::ExpectedVersion;

#[tokio::test]
async fn a_rebuilt_model_equals_the_live_one() {
    let app = TestApp::start().await;
    for i in 0..30u64 {
        let t = ["bansko", "razlog", "oblast"][i as usize % 3];
        app.state
            .system_log()
            .append(request(
                t,
                &format!("s{}", i % 4),
                ExpectedVersion::Any,
                vec![event(i)],
            ))
            .await
            .unwrap();
    }
    let live = app.state.system_models();
    let (rebuilt, report) = ReadModels::replay(app.state.system_log().as_ref(), u64::MAX).unwrap();
    assert!(report.first_break.is_none());
    assert_eq!(rebuilt, live);
    assert_eq!(live.position, SEEDED + 30, "the seed and 30 events");
    // And after a restart, too.
    let dir = app.stop().await;
    let again = TestApp::start_in(dir).await;
    assert_eq!(again.state.system_models(), live);
}

#[tokio::test]
async fn models_as_of_a_position_or_moment_show_the_past() {
    let app = TestApp::start().await;
    let store = app.state.system_log().clone();
    let before = store.head();
    store
        .append(request(
            "bansko",
            "s",
            ExpectedVersion::Any,
            vec![event(1), event(2)],
        ))
        .await
        .unwrap();
    let (past, _) = ReadModels::replay(store.as_ref(), before.position).unwrap();
    let bansko =
        |m: &ReadModels| m.tenants[&antikor_shared::TenantId::parse("bansko").unwrap()].event_count;
    assert_eq!((bansko(&past), bansko(&app.state.system_models())), (1, 3));
    let moment = before.recorded_at.unwrap();
    assert_eq!(
        position_at(store.as_ref(), moment).unwrap(),
        before.position
    );
    assert_eq!(
        position_at(store.as_ref(), moment - chrono::Duration::days(1)).unwrap(),
        0
    );
    assert_eq!(
        position_at(store.as_ref(), chrono::Utc::now()).unwrap(),
        store.head().position
    );
    // The API answers the same question, to a logged-in user.
    let uri = format!("/api/tenants?as_of={}", before.position);
    assert_eq!(app.get(&uri).await.0, 401);
    let auditor = app.auditor().await;
    let (status, body) = app.get_as(&auditor, &uri).await;
    assert_eq!(status, 200);
    let bansko_then = body
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "bansko")
        .unwrap();
    assert_eq!(bansko_then["event_count"], 1);
    let (_, now) = app.get("/api/tenants").await;
    assert_eq!(
        now.as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "bansko")
            .unwrap()["event_count"],
        3
    );
    let (_, first) = app.get_as(&auditor, "/api/tenants?as_of=1").await;
    assert_eq!(
        first.as_array().unwrap().len(),
        1,
        "only the regional administration at position 1"
    );
}
