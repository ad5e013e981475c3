//! The whole application with its log on PostgreSQL (`antikor serve --database`): the work of
//! every kind the snapshot tests do, read models that are those the log folds into, a restart
//! that folds them again from the database, and proofs of the log that check.

use crate::snapshots::{rebuilt, work};
use crate::support::{Place, TestApp};
use antikor_shared::tlog;

/// The app on a data folder of its own, with its log in `place`'s database.
async fn start(dir: tempfile::TempDir, place: &Place) -> TestApp {
    let Place::Postgres { url, .. } = place else {
        unreachable!("a PostgreSQL place")
    };
    let config = antikor_server::Config {
        database: Some(url.clone()),
        ..antikor_server::Config::new(dir.path(), dir.path().join("no-frontend"))
    };
    TestApp::start_with(dir, config).await
}

#[tokio::test]
async fn the_application_keeps_its_log_in_postgres_and_folds_it_again_after_a_restart() {
    let place = Place::postgres().await;
    let app = start(tempfile::tempdir().unwrap(), &place)
        .await
        .with_demo_accounts()
        .await;
    for round in 1..=3 {
        work(&app, round).await;
    }
    let head = app.state.head();
    assert!(head.position > 50, "{head:?}");
    assert!(app.state.system_models() == rebuilt(&app));
    let before = app.state.system_models();
    let dir = app.shut_down().await;
    assert!(
        !dir.path().join("log").exists(),
        "no sled log beside the database"
    );

    let app = start(dir, &place).await;
    assert_eq!(app.state.head(), head);
    assert!(
        app.state.system_models() == before,
        "the same state after the restart"
    );
    let officer = app.login("bansko.officer").await;
    let activities = app
        .read_all(Some(&officer), "/api/activities?tenant=bansko", 50)
        .await;
    let titles: Vec<&str> = activities
        .iter()
        .filter_map(|a| a["activity"]["title"].as_str())
        .collect();
    for round in 1..=3 {
        assert!(
            titles.contains(&format!("Заседание {round}").as_str()),
            "{titles:?}"
        );
    }

    // The log's proofs, as an auditor's tools read them.
    let log = app.state.system_log();
    let size = log.head().position;
    let root = log.root_at(size).unwrap();
    for position in [1, size / 3, size / 2, size] {
        let leaf = tlog::leaf_hash(&log.leaf(position).unwrap().unwrap());
        let path = log.inclusion_proof(position, size).unwrap();
        assert!(tlog::check_inclusion(leaf, position, size, root, &path).is_ok());
    }
    let proof = log.consistency_proof(size / 2, size).unwrap();
    let half = log.root_at(size / 2).unwrap();
    assert!(tlog::check_consistency(size / 2, half, size, root, &proof).is_ok());
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "ok", "{health}");
}
