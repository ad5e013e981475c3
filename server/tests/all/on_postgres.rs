//! The whole application with its log on PostgreSQL (`antikor serve --database`): the work of
//! every kind the snapshot tests do, read models that are those the log folds into, a restart
//! that folds them again from the database, and proofs of the log that check; and a log copied
//! between the backends (`antikor store copy`).

use crate::snapshots::{rebuilt, work};
use crate::support::{Place, TestApp, event, request};
use antikor_server::cli::copy_log;
use antikor_server::store::{EventStore, ExpectedVersion};
use antikor_shared::tlog;
use axum::http::StatusCode;

/// A server's configuration on the data folder `dir`, with its log and state in the database at
/// `url` and its key files in `keys`.
fn config_on(dir: &std::path::Path, url: &str, keys: &std::path::Path) -> antikor_server::Config {
    antikor_server::Config {
        database: Some(url.to_owned()),
        key_file: Some(keys.join("vault.key")),
        log_key_file: Some(keys.join("log.key")),
        ..antikor_server::Config::new(dir, dir.join("no-frontend"))
    }
}

/// The app on the data folder `dir`, with its log and state in the database at `url` and its
/// key files in `keys`.
async fn start_on(dir: tempfile::TempDir, url: &str, keys: &std::path::Path) -> TestApp {
    let config = config_on(dir.path(), url, keys);
    TestApp::start_with(dir, config).await
}

/// A server on a data folder of its own, on `place`'s database with its key files.
async fn start(dir: tempfile::TempDir, place: &Place) -> TestApp {
    let Place::Postgres { url, keys, .. } = place else {
        unreachable!("a PostgreSQL place")
    };
    start_on(dir, url, keys.path()).await
}

/// The address of a PostgreSQL place's database.
fn database(place: &Place) -> &str {
    let Place::Postgres { url, .. } = place else {
        unreachable!("a PostgreSQL place")
    };
    url
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

/// `antikor store copy`: a sled log copied into PostgreSQL and from there into a new sled log
/// ends with the same head hash and root each time, holds the same records, and a copy that
/// stopped goes on from where it stopped; a destination holding another log is refused.
#[tokio::test]
async fn a_log_copied_from_sled_to_postgres_and_back_is_the_same_log() {
    let sled = Place::sled();
    let source = sled.open();
    for n in 0..2_500u64 {
        let tenant = ["bansko", "razlog", "petrich"][(n % 3) as usize];
        let events = (0..1 + n % 3).map(|k| event(n * 10 + k)).collect();
        source
            .append(request(
                tenant,
                &format!("s{}", n % 7),
                ExpectedVersion::Any,
                events,
            ))
            .await
            .unwrap();
    }
    let head = source.head();

    // A copy that stopped after 1,234 records, then the command.
    let postgres = Place::postgres().await;
    let copy = postgres.open();
    let first: Vec<Vec<u8>> = (1..=1_234)
        .map(|p| source.record(p).unwrap().unwrap())
        .collect();
    copy.replicate(first).await.unwrap();
    let copied = copy_log(source.as_ref(), copy.as_ref()).await.unwrap();
    assert_eq!(
        (copied.already, copied.events),
        (1_234, head.position - 1_234)
    );
    assert_eq!(copied.head, copy.head());
    assert_eq!((copy.head().hash, copy.head().root), (head.hash, head.root));
    let again = copy_log(source.as_ref(), copy.as_ref()).await.unwrap();
    assert_eq!((again.already, again.events), (head.position, 0));

    let back = Place::sled();
    let returned = back.open();
    copy_log(copy.as_ref(), returned.as_ref()).await.unwrap();
    for log in [&copy, &returned] {
        let report = log.verify().unwrap();
        assert_eq!(
            (report.records, report.head_hash),
            (head.position, head.hash)
        );
        assert_eq!(
            log.root_at(head.position / 3).unwrap(),
            source.root_at(head.position / 3).unwrap()
        );
    }
    let all = |log: &std::sync::Arc<dyn EventStore>| -> Vec<Vec<u8>> {
        (1..=head.position)
            .map(|p| log.record(p).unwrap().unwrap())
            .collect()
    };
    assert!(all(&returned) == all(&source), "the same records");

    // Another log is not written over, nor added to.
    let other = Place::postgres().await;
    let other = other.open();
    other
        .append(request(
            "bansko",
            "other",
            ExpectedVersion::Any,
            vec![event(1)],
        ))
        .await
        .unwrap();
    let refused = copy_log(source.as_ref(), other.as_ref()).await.unwrap_err();
    assert!(refused.to_string().contains("another log"), "{refused}");
    assert_eq!(other.head().position, 1);
}

/// The next `n` events of a live feed, in the order it gives them.
async fn next_positions(
    feed: &mut tokio::sync::broadcast::Receiver<std::sync::Arc<antikor_shared::RecordedEvent>>,
    n: usize,
) -> Vec<u64> {
    let mut positions = Vec::new();
    while positions.len() < n {
        let event = tokio::time::timeout(std::time::Duration::from_secs(10), feed.recv())
            .await
            .expect("the feed goes on within 10 s")
            .unwrap();
        positions.push(event.position);
    }
    positions
}

/// Two servers on one database write side by side: positions stay gapless, each sees every
/// commit of the other (feed, commit hooks and reads), a stale expected version loses on
/// either, and a retry answered by the other server is still a retry.
#[tokio::test]
async fn two_servers_on_one_database_see_each_others_commits_in_order() {
    let place = Place::postgres().await;
    let (a, b) = (place.open(), place.open());
    let (mut feed_a, mut feed_b) = (a.subscribe(), b.subscribe());
    let folded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = folded.clone();
    b.on_commit(Box::new(move |events| {
        seen.lock()
            .unwrap()
            .extend(events.iter().map(|e| e.position));
    }));
    let writes = |log: std::sync::Arc<dyn EventStore>, name: &'static str| {
        tokio::spawn(async move {
            for i in 0..100u64 {
                log.append(request(
                    "bansko",
                    name,
                    ExpectedVersion::Exact(i),
                    vec![event(i)],
                ))
                .await
                .unwrap();
            }
        })
    };
    let (on_a, on_b) = (writes(a.clone(), "on-a"), writes(b.clone(), "on-b"));
    on_a.await.unwrap();
    on_b.await.unwrap();
    let all: Vec<u64> = (1..=200).collect();
    assert_eq!(next_positions(&mut feed_a, 200).await, all);
    assert_eq!(next_positions(&mut feed_b, 200).await, all);
    assert_eq!(
        *folded.lock().unwrap(),
        all,
        "B's read models fold A's commits too"
    );
    assert_eq!(a.head(), b.head());
    assert_eq!(
        a.read_stream(
            &crate::support::tenant("bansko"),
            &crate::support::stream("on-b"),
            1,
            200
        )
        .unwrap()
        .len(),
        100
    );

    // One stream, written from both at once: exactly one of each pair of rivals wins.
    for round in 0..10 {
        let rivals = [&a, &b].map(|log| {
            log.append(request(
                "razlog",
                "shared",
                ExpectedVersion::Exact(round),
                vec![event(round)],
            ))
        });
        let results = futures::future::join_all(rivals).await;
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "round {round}"
        );
    }

    // An append acknowledged by A and sent again to B is answered as a retry.
    let events = vec![event(1), event(2)];
    let first = a
        .append(request(
            "petrich",
            "once",
            ExpectedVersion::NoStream,
            events.clone(),
        ))
        .await
        .unwrap();
    let again = b
        .append(request(
            "petrich",
            "once",
            ExpectedVersion::NoStream,
            events,
        ))
        .await
        .unwrap();
    assert!(first.written && !again.written);
    assert_eq!(
        (again.first_position, again.last_position),
        (first.first_position, first.last_position)
    );
    let report = b.verify().unwrap();
    assert_eq!((report.records, report.first_break), (212, None));

    // B, writing nothing, follows what A writes.
    let mut feed_b = b.subscribe();
    for i in 0..5 {
        let written = a
            .append(request(
                "bansko",
                "later",
                ExpectedVersion::Any,
                vec![event(i)],
            ))
            .await
            .unwrap();
        assert_eq!(
            next_positions(&mut feed_b, 1).await,
            vec![written.first_position]
        );
        assert_eq!(b.head().position, written.first_position);
        assert_eq!(
            b.get(written.first_position).unwrap().unwrap().id,
            written_id(&a, written.first_position)
        );
    }
}

fn written_id(log: &std::sync::Arc<dyn EventStore>, position: u64) -> uuid::Uuid {
    log.get(position).unwrap().unwrap().id
}

/// A meeting of `bansko`, as the officer records it.
fn meeting(title: &str) -> serde_json::Value {
    serde_json::json!({"kind": "meeting", "date": "2017-03-01", "meeting_kind": "open_doors",
        "title": title, "participants": 7, "organisations": [], "agenda": "Прозрачност",
        "decisions": "Решение 1", "protocol": "Протокол 1", "public": true,
        "measures": ["II.2"]})
}

/// The database stopped under a running server: a change is answered 503 with a message that
/// says nothing is lost, what the server holds is still read, and once the database is back
/// the next change goes through on new connections.
#[tokio::test]
async fn a_stopped_database_is_answered_503_and_the_server_goes_on_once_it_is_back() {
    // A cluster of its own: stopping the shared one would stop the other tests' logs.
    let cluster = antikor_e2e::postgres::Cluster::start();
    let url = cluster.url(&cluster.fresh_database().await);
    let keys = tempfile::tempdir().unwrap();
    let app = start_on(tempfile::tempdir().unwrap(), &url, keys.path())
        .await
        .with_demo_accounts()
        .await;
    let officer = app.login("bansko.officer").await;
    let (status, body) = app
        .post_as(&officer, "/api/activities", meeting("Преди спирането"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    cluster.stop_immediately();
    let (status, body) = app
        .post_as(
            &officer,
            "/api/activities",
            meeting("Докато базата е спряна"),
        )
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"], "unavailable", "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Нищо не е загубено"),
        "{body}"
    );
    let (status, _) = app.get("/api/public/progress").await;
    assert_eq!(status, StatusCode::OK, "the read models are still read");
    let (status, body) = app.get_as(&officer, "/api/activities?tenant=bansko").await;
    assert!(
        status == StatusCode::OK || body["error"] == "unavailable",
        "a read of the log is answered or says why not: {status} {body}"
    );

    cluster.start_again();
    let (status, body) = app
        .post_as(&officer, "/api/activities", meeting("След спирането"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let titles: Vec<String> = app
        .read_all(Some(&officer), "/api/activities?tenant=bansko", 50)
        .await
        .iter()
        .filter_map(|a| a["activity"]["title"].as_str().map(str::to_owned))
        .collect();
    assert!(titles.contains(&"След спирането".to_owned()), "{titles:?}");
    assert!(!titles.contains(&"Докато базата е спряна".to_owned()));
}

/// A server that starts while another writes to the same database: once the writes stop and it
/// has followed them, its read models are those the whole log folds into, whatever it took up
/// between its start's walk and its first commit hook.
#[tokio::test]
async fn a_server_that_starts_while_another_writes_folds_every_event() {
    let place = Place::postgres().await;
    let other = place.open();
    let writing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let writer = tokio::spawn({
        let (other, writing) = (other.clone(), writing.clone());
        async move {
            let mut n = 0;
            while writing.load(std::sync::atomic::Ordering::Relaxed) {
                let tenant = ["bansko", "razlog"][n % 2];
                other
                    .append(request(
                        tenant,
                        "notes",
                        ExpectedVersion::Any,
                        vec![event(n as u64)],
                    ))
                    .await
                    .unwrap();
                n += 1;
            }
            n
        }
    });
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut apps = Vec::new();
    for _ in 0..3 {
        apps.push(start(tempfile::tempdir().unwrap(), &place).await);
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    writing.store(false, std::sync::atomic::Ordering::Relaxed);
    let written = writer.await.unwrap();
    assert!(written > 20, "only {written} appends");
    let head = other.head().position;
    for app in &apps {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while app.state.head().position < head {
            assert!(
                std::time::Instant::now() < deadline,
                "the server follows within 10 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(app.state.system_models().position, head);
        assert!(
            app.state.system_models() == rebuilt(app),
            "every event folded, once"
        );
    }
}

/// A record changed in the database behind the log's back (a superuser who switched its
/// triggers off): the next start finds where, serves what comes before read-only, and refuses
/// changes, as on sled.
#[tokio::test]
async fn a_record_changed_in_the_database_is_found_at_start_and_writes_stop() {
    let place = Place::postgres().await;
    let url = database(&place);
    let app = start(tempfile::tempdir().unwrap(), &place).await;
    let head = app.state.head().position;
    assert!(head > 12);
    let dir = app.stop().await;

    let database = url.rsplit('/').next().unwrap().to_owned();
    let client = antikor_e2e::postgres::Cluster::shared()
        .connect(&database)
        .await;
    client
        .batch_execute(
            "ALTER TABLE log_records DISABLE TRIGGER USER;
             UPDATE log_records SET record = overlay(record PLACING '\\x20'::bytea FROM 60 FOR 1)
              WHERE position = 12;
             ALTER TABLE log_records ENABLE TRIGGER USER;",
        )
        .await
        .unwrap();

    let check = antikor_server::cli::verify_database(url).unwrap();
    let found = check
        .first_break
        .clone()
        .expect("antikor verify finds the change");
    assert_eq!((found.position, check.records), (12, 11), "{found}");
    drop(check);

    let app = start(dir, &place).await;
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "damaged", "{health}");
    assert_eq!(health["damage"]["first_bad_position"], 12, "{health}");
    assert_eq!(health["damage"]["last_good_position"], 11, "{health}");
    let refused = app
        .state
        .system_log()
        .append(request(
            "bansko",
            "after",
            ExpectedVersion::Any,
            vec![event(1)],
        ))
        .await;
    assert!(
        matches!(
            refused,
            Err(antikor_server::store::AppendError::Store(
                antikor_server::store::StoreError::ChainBroken(_)
            ))
        ),
        "{refused:?}"
    );
}

/// A stored hash of the Merkle tree changed in the database (proofs read them): `antikor verify`
/// recomputes the tree from the records and names the record that completed that hash.
#[tokio::test]
async fn a_changed_hash_of_the_stored_tree_is_found_by_verify() {
    let place = Place::postgres().await;
    let url = database(&place);
    let log = place.open();
    for n in 0..40 {
        log.append(request("bansko", "s", ExpectedVersion::Any, vec![event(n)]))
            .await
            .unwrap();
    }
    log.close().await.unwrap();
    drop(log);
    let intact = antikor_server::cli::verify_database(url).unwrap();
    assert_eq!((intact.records, intact.first_break.clone()), (40, None));
    drop(intact);

    // The root of the subtree of records 17–32 (level 4, the second of its level).
    let index = tlog_tiles::stored_hash_index(4, 1) as i64;
    let database = url.rsplit('/').next().unwrap().to_owned();
    let client = antikor_e2e::postgres::Cluster::shared()
        .connect(&database)
        .await;
    client
        .execute("ALTER TABLE log_tree DISABLE TRIGGER USER", &[])
        .await
        .unwrap();
    client
        .execute(
            "UPDATE log_tree SET hash = sha256(hash) WHERE index = $1",
            &[&index],
        )
        .await
        .unwrap();
    let check = antikor_server::cli::verify_database(url).unwrap();
    let found = check
        .first_break
        .clone()
        .expect("the changed hash is found");
    assert_eq!(found.position, 32, "{found}");
    assert!(found.reason.contains("Merkle tree hash"), "{found}");
}

/// Waits until `server` has folded everything `other` committed (it follows the database).
async fn caught_up(server: &TestApp, other: &TestApp) {
    let head = other.state.head().position;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while server.state.system_models().position < head {
        assert!(std::time::Instant::now() < deadline, "followed within 10 s");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

/// Uploads `pdf` as the protocol of a new public meeting of `bansko`: its hash.
async fn public_protocol(app: &TestApp, officer: &crate::support::Session, pdf: &[u8]) -> String {
    let (status, file) = crate::files::upload(app, officer, "Протокол.pdf", pdf).await;
    assert_eq!(status, StatusCode::CREATED, "{file}");
    let (_, record) = app
        .post_as(officer, "/api/activities", meeting("С протокол"))
        .await;
    let (status, body) = app
        .post_as(
            officer,
            &format!("/api/activities/{}/files", record["id"].as_str().unwrap()),
            serde_json::json!({"files": [file]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    file["sha256"].as_str().unwrap().to_owned()
}

/// Two servers behind a proxy, on one database with one pair of key files: a session opened on
/// one is good on the other, with its CSRF token, and a logout on either ends it on both;
/// failed logins counted on one block the account on the other; a signal filed on one opens
/// whole on the other (the vault's keys are shared); a protocol uploaded on one is downloaded
/// from the other. A third server with a vault key of its own is refused at its start.
#[tokio::test]
async fn two_servers_share_sessions_throttles_the_vault_and_the_files() {
    use antikor_server::auth::throttle::ACCOUNT_LIMIT;
    let place = Place::postgres().await;
    let a = start(tempfile::tempdir().unwrap(), &place)
        .await
        .with_demo_accounts()
        .await;
    let b = start(tempfile::tempdir().unwrap(), &place).await;

    // A session opened on A, used on B and ended there, is ended on A too.
    let officer = a.login("bansko.officer").await;
    let (status, me) = b.get_as(&officer, "/api/session").await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["username"], "bansko.officer");
    let (status, body) = b
        .post_as(&officer, "/api/activities", meeting("Записано на B"))
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the CSRF token is good on B: {body}"
    );
    caught_up(&a, &b).await;
    let (_, activities) = a.get_as(&officer, "/api/activities?tenant=bansko").await;
    assert!(activities.to_string().contains("Записано на B"));
    let (status, _) = b
        .call(
            Some(&officer),
            axum::http::Method::DELETE,
            "/api/session",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        a.get_as(&officer, "/api/session").await.0,
        StatusCode::UNAUTHORIZED
    );

    // Guesses spread over both servers are counted together.
    for n in 0..ACCOUNT_LIMIT {
        let server = if n % 2 == 0 { &a } else { &b };
        let (status, _) = server
            .try_login("petrich.officer", "wrong wrong wrong")
            .await
            .unwrap_err();
        assert!(
            status == StatusCode::UNAUTHORIZED || n == ACCOUNT_LIMIT - 1,
            "guess {n}: {status}"
        );
    }
    for server in [&a, &b] {
        let refused = server
            .try_login("petrich.officer", crate::support::DEMO_PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(refused.0, StatusCode::TOO_MANY_REQUESTS, "{refused:?}");
    }

    // A signal filed on A opens whole on B.
    let name = "Радостина Двусървърова";
    let receipt = crate::signals::file(&a, crate::signals::named_signal("bansko", name)).await;
    caught_up(&b, &a).await;
    let officer = b.login("bansko.officer").await;
    let id = receipt["id"].as_str().unwrap();
    let (status, identity) = b
        .post_as(
            &officer,
            &format!("/api/signals/{id}/identity"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{identity}");
    assert_eq!(identity["reporter"]["name"], name);

    // A protocol uploaded on B and attached to a public meeting is read from A by anyone.
    let pdf = b"%PDF-1.7\n% protokol ot dva servara\n".to_vec();
    let sha256 = &public_protocol(&b, &officer, &pdf).await;
    caught_up(&a, &b).await;
    assert_eq!(
        crate::files::download(&a, None, sha256).await,
        (StatusCode::OK, pdf)
    );
    assert!(
        !b.dir.path().join("files").join(&sha256[..2]).exists(),
        "the file is in the database, not the folder"
    );

    // A server given another vault key does not start on this database.
    let dir = tempfile::tempdir().unwrap();
    let Place::Postgres { url, keys, .. } = &place else {
        unreachable!()
    };
    std::fs::write(dir.path().join("own-vault.key"), hex::encode([7u8; 32])).unwrap();
    let config = antikor_server::Config {
        key_file: Some(dir.path().join("own-vault.key")),
        ..config_on(dir.path(), url, keys.path())
    };
    let head = a.state.head();
    let refused = antikor_server::App::start(&config).await.err().unwrap();
    assert!(
        format!("{refused:#}").contains("not the key"),
        "{refused:#}"
    );
    assert_eq!(a.state.head(), head, "refused before it wrote anything");
}

/// Waits until `app` holds the duties (the only server on its database takes them at once).
async fn on_duty(app: &TestApp) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.state.on_duty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the server took the duties"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The rows of a database's shared snapshot.
async fn snapshot_rows(client: &tokio_postgres::Client) -> Vec<(Vec<u8>, Vec<u8>)> {
    let rows = client
        .query(
            "SELECT key, value FROM state_entries WHERE tree = 'snapshots/read-models'",
            &[],
        )
        .await
        .unwrap();
    rows.iter().map(|row| (row.get(0), row.get(1))).collect()
}

/// Puts `rows` in place of a database's shared snapshot.
async fn put_snapshot(client: &tokio_postgres::Client, rows: &[(Vec<u8>, Vec<u8>)]) {
    client
        .execute(
            "DELETE FROM state_entries WHERE tree = 'snapshots/read-models'",
            &[],
        )
        .await
        .unwrap();
    for (key, value) in rows {
        client
            .execute(
                "INSERT INTO state_entries (tree, key, value) VALUES ('snapshots/read-models', $1, $2)",
                &[key, value],
            )
            .await
            .unwrap();
    }
}

/// Snapshots on PostgreSQL: the server on duty writes one into the database, and a server
/// started later on a data folder of its own resumes from it, folds only the tail, and ends
/// where a rebuild does, its history before the snapshot checked in the background. A record
/// changed before the snapshot is found by that check and stops writes; a snapshot of another
/// database is set aside and the log walked whole.
#[tokio::test]
async fn servers_on_one_database_start_from_the_snapshot_they_share() {
    let place = Place::postgres().await;
    let a = start(tempfile::tempdir().unwrap(), &place)
        .await
        .with_demo_accounts()
        .await;
    work(&a, 1).await;
    on_duty(&a).await;
    let at = a
        .state
        .snapshot_if_behind(1)
        .await
        .unwrap()
        .unwrap()
        .position;
    assert_eq!(at, a.state.head().position);
    work(&a, 2).await;
    let head = a.state.head().position;

    let b = start(tempfile::tempdir().unwrap(), &place).await;
    assert_eq!(b.state.resumed_from(), at);
    assert_eq!(b.state.head().position, head);
    assert!(b.state.system_models() == rebuilt(&b));
    assert!(crate::snapshots::history_checked(&b).await);
    assert_eq!(
        b.state.snapshot_if_behind(1).await.unwrap(),
        None,
        "only the server on duty writes the shared snapshot"
    );
    drop(b);

    // A snapshot of another database (under the same key) does not fit this log.
    let other = Place::postgres().await;
    let Place::Postgres { keys, .. } = &place else {
        unreachable!()
    };
    let Place::Postgres { url: other_url, .. } = &other else {
        unreachable!()
    };
    let c = start_on(tempfile::tempdir().unwrap(), other_url, keys.path()).await;
    on_duty(&c).await;
    c.state.snapshot_if_behind(1).await.unwrap().unwrap();
    drop(c);
    let copied = antikor_e2e::postgres::Cluster::shared()
        .connect(database(&other).rsplit('/').next().unwrap())
        .await;
    let chunks = snapshot_rows(&copied).await;
    let into = antikor_e2e::postgres::Cluster::shared()
        .connect(database(&place).rsplit('/').next().unwrap())
        .await;
    let shared = snapshot_rows(&into).await;
    put_snapshot(&into, &chunks).await;
    let d = start(tempfile::tempdir().unwrap(), &place).await;
    assert_eq!(d.state.resumed_from(), 0, "walked whole");
    assert!(d.state.system_models() == rebuilt(&d));
    drop(d);

    // The shared snapshot back; a record before it changed behind the log's back.
    put_snapshot(&into, &shared).await;
    into.batch_execute(&format!(
        "ALTER TABLE log_records DISABLE TRIGGER USER;
         UPDATE log_records SET record = overlay(record PLACING '\\x20'::bytea FROM 60 FOR 1)
          WHERE position = {};
         ALTER TABLE log_records ENABLE TRIGGER USER;",
        at - 3
    ))
    .await
    .unwrap();
    let e = start(tempfile::tempdir().unwrap(), &place).await;
    assert_eq!(e.state.resumed_from(), at, "the snapshot itself still fits");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while e.state.damage().is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "the check finds the change"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(e.state.damage().unwrap().first_bad_position, at - 3);
    let (status, _) = e
        .post_as(
            &e.login("bansko.officer").await,
            "/api/activities",
            meeting("След"),
        )
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "writes stop");
}

/// A database restored from an older backup: a server that saw the newer head refuses it at
/// its next start (by its anchor file, outside the database), serves what is there read-only
/// and says what is missing; a server that never saw more starts on it.
#[tokio::test]
async fn a_database_behind_what_a_server_saw_is_refused_at_its_start() {
    let place = Place::postgres().await;
    let Place::Postgres { url, keys, .. } = &place else {
        unreachable!()
    };
    let name = url.rsplit('/').next().unwrap().to_owned();
    let app = start(tempfile::tempdir().unwrap(), &place)
        .await
        .with_demo_accounts()
        .await;
    work(&app, 1).await;
    let backed_up = app.state.head().position;
    let dir = app.shut_down().await;
    assert!(antikor_server::app::database_anchor_path(dir.path()).exists());

    // The backup: a copy of the database as it is now (once the server's connections close).
    let cluster = antikor_e2e::postgres::Cluster::shared();
    let admin = cluster.connect("postgres").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while let Err(e) = admin
        .batch_execute(&format!("CREATE DATABASE {name}_backup TEMPLATE {name}"))
        .await
    {
        assert!(std::time::Instant::now() < deadline, "{e}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    let app = start_on(dir, url, keys.path()).await;
    work(&app, 2).await;
    let seen = app.state.head().position;
    assert!(seen > backed_up);
    let dir = app.shut_down().await;

    // Restored: the server is pointed at the backup.
    let backup = cluster.url(&format!("{name}_backup"));
    let app = start_on(dir, &backup, keys.path()).await;
    let damage = app
        .state
        .damage()
        .expect("the rollback is found at the start");
    assert_eq!(damage.first_bad_position, backed_up + 1, "{damage:?}");
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["status"], "damaged", "{health}");
    assert!(
        health["damage"]["reason"]
            .as_str()
            .unwrap()
            .contains("older backup"),
        "{health}"
    );
    let officer = app.login("bansko.officer").await;
    let (status, _) = app
        .post_as(
            &officer,
            "/api/activities",
            meeting("След възстановяването"),
        )
        .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "writes stop");
    drop(app);

    let fresh = start_on(tempfile::tempdir().unwrap(), &backup, keys.path()).await;
    assert!(
        fresh.state.damage().is_none(),
        "a server that saw no more starts on it"
    );
    assert_eq!(fresh.state.head().position, backed_up);
}

/// `antikor rebuild --database`: folds the database's log whole and writes the snapshot that
/// the servers on it start from.
#[tokio::test]
async fn antikor_rebuild_writes_the_snapshot_the_servers_of_a_database_start_from() {
    let place = Place::postgres().await;
    let Place::Postgres { url, keys, .. } = &place else {
        unreachable!()
    };
    let app = start(tempfile::tempdir().unwrap(), &place)
        .await
        .with_demo_accounts()
        .await;
    work(&app, 1).await;
    let head = app.state.head().position;
    let dir = app.shut_down().await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_antikor"))
        .args(["rebuild", "--database", url, "--log-key-file"])
        .arg(keys.path().join("log.key"))
        .arg("--data")
        .arg(dir.path())
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains(&format!("at position {head}")), "{said}");
    let app = start(tempfile::tempdir().unwrap(), &place).await;
    assert_eq!(app.state.resumed_from(), head);
    assert!(app.state.system_models() == rebuilt(&app));
}

/// Runs `antikor store copy --from FROM --to TO`, checks that it succeeded, and returns what it
/// printed.
fn store_copy(from: &str, to: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_antikor"))
        .args(["store", "copy", "--from", from, "--to", to])
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said
}

/// What a moved installation must still do: let a session opened before the move in, open a
/// signal's sealed fields, serve a public meeting's protocol, and let a user log in with the
/// password they had.
async fn still_serves(app: &TestApp, officer: &crate::support::Session, signal: &str, file: &str) {
    let (status, me) = app.get_as(officer, "/api/session").await;
    assert_eq!(status, StatusCode::OK, "{me}");
    let (status, identity) = app
        .post_as(
            officer,
            &format!("/api/signals/{signal}/identity"),
            serde_json::json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{identity}");
    assert_eq!(identity["reporter"]["name"], "Радостина Преместена");
    let (status, bytes) = crate::files::download(app, None, file).await;
    assert_eq!(
        (status, bytes),
        (StatusCode::OK, b"%PDF-1.7 protokol\n".to_vec())
    );
    app.login("petrich.officer").await;
}

/// `antikor store copy` moves a whole installation: a data folder's log and the state beside it
/// into a database, where a server given the same key files lets the same users in (a session
/// opened before the move too), opens the signals' sealed fields and serves the evidence
/// files; and from there into a new data folder, where the same holds.
#[tokio::test]
async fn an_installation_moved_to_postgres_and_back_keeps_its_users_signals_and_files() {
    let app = TestApp::start_demo().await;
    let officer = app.login("bansko.officer").await;
    let receipt = crate::signals::file(
        &app,
        crate::signals::named_signal("bansko", "Радостина Преместена"),
    )
    .await;
    let signal = receipt["id"].as_str().unwrap().to_owned();
    let sha256 = public_protocol(&app, &officer, b"%PDF-1.7 protokol\n").await;
    let folder = app.shut_down().await;
    let keys = folder.path();

    let place = Place::postgres().await;
    let url = database(&place);
    let said = store_copy(folder.path().to_str().unwrap(), url);
    assert!(
        said.contains("1 signal keys") && said.contains("1 evidence files"),
        "{said}"
    );
    let app = start_on(tempfile::tempdir().unwrap(), url, keys).await;
    still_serves(&app, &officer, &signal, &sha256).await;
    app.shut_down().await;

    let back = tempfile::tempdir().unwrap();
    store_copy(url, back.path().to_str().unwrap());
    let config = antikor_server::Config {
        key_file: Some(keys.join("vault.key")),
        log_key_file: Some(keys.join("log.key")),
        ..antikor_server::Config::new(back.path(), back.path().join("no-frontend"))
    };
    let app = TestApp::start_with(back, config).await;
    still_serves(&app, &officer, &signal, &sha256).await;
}
