//! The log's proofs through the API, checked with the same `shared` code the browser and the
//! command line run: a signed checkpoint, an event's inclusion, consistency between two
//! checkpoints, and leaves that hold no sealed text.

use crate::support::{TestApp, event, request};
use antikor_server::store::ExpectedVersion;
use antikor_shared::tlog::{self, Hash, VerifierKey};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

async fn text(app: &TestApp, uri: &str) -> (StatusCode, String) {
    let (status, _, bytes) = app
        .send(Request::get(uri).body(Body::empty()).unwrap())
        .await;
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

fn hashes(list: &Value) -> Vec<Hash> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|h| tlog::from_base64(h.as_str().unwrap()).unwrap())
        .collect()
}

async fn checkpoint(app: &TestApp, key: &VerifierKey) -> tlog::TreeHead {
    let (status, note) = text(app, "/api/log/checkpoint").await;
    assert_eq!(status, StatusCode::OK, "{note}");
    tlog::open_checkpoint(&note, key).unwrap().head
}

#[tokio::test]
async fn checkpoints_prove_inclusion_and_consistency() {
    let app = TestApp::start().await;
    let (_, key) = text(&app, "/api/log/key").await;
    let key = VerifierKey::parse(&key).unwrap();
    let (_, health) = app.get("/api/health").await;
    assert_eq!(health["log_key"], key.fingerprint());
    let first = checkpoint(&app, &key).await;
    assert_eq!(first.size, health["head_position"]);
    assert_eq!(tlog::to_base64(&first.root), health["root"]);

    for i in 0..25 {
        app.state
            .system_log()
            .append(request("bansko", "s", ExpectedVersion::Any, vec![event(i)]))
            .await
            .unwrap();
    }
    let second = checkpoint(&app, &key).await;
    assert_eq!(second.size, first.size + 25);

    // Anyone may check that the newer log extends the older one.
    let uri = format!(
        "/api/log/proof/consistency?from={}&to={}",
        first.size, second.size
    );
    let (status, proof) = app.get(&uri).await;
    assert_eq!(status, StatusCode::OK, "{proof}");
    let path = hashes(&proof["path"]);
    tlog::check_consistency(first.size, first.root, second.size, second.root, &path).unwrap();
    assert!(
        tlog::check_consistency(first.size, second.root, second.size, second.root, &path).is_err()
    );

    // A logged-in reader proves each event it may see, from the leaf bytes it is given.
    let auditor = app.auditor().await;
    for position in [1, 7, first.size, second.size] {
        let uri = format!(
            "/api/log/proof/inclusion?position={position}&size={}",
            second.size
        );
        let (status, proof) = app.get_as(&auditor, &uri).await;
        assert_eq!(status, StatusCode::OK, "{proof}");
        let leaf = app
            .send(
                Request::get(format!("/api/log/entries/{position}"))
                    .header("cookie", &auditor.cookie)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .2;
        let leaf_hash = tlog::leaf_hash(&leaf);
        assert_eq!(proof["leaf_hash"], tlog::to_base64(&leaf_hash));
        let path = hashes(&proof["path"]);
        tlog::check_inclusion(leaf_hash, position, second.size, second.root, &path).unwrap();
        // The leaf is the event as the audit trail shows it.
        let (_, shown) = app
            .get_as(&auditor, &format!("/api/audit/events/{position}"))
            .await;
        let shown: antikor_shared::RecordedEvent =
            serde_json::from_value(shown["event"].clone()).unwrap();
        assert_eq!(tlog::leaf_of_event(&shown).unwrap(), leaf.to_vec());
    }

    // Sizes the log does not have are refused with a message; proofs need a login.
    let (status, body) = app
        .get("/api/log/proof/consistency?from=2&to=1000000")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = app.get("/api/log/proof/consistency?from=9&to=3").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = app
        .get_as(&auditor, "/api/log/proof/inclusion?position=0&size=5")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = app.get("/api/log/proof/inclusion?position=1").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app.get_as(&auditor, "/api/log/entries/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_signal_enters_the_tree_as_hashes_of_its_sealed_fields() {
    let app = TestApp::start_demo().await;
    let (status, receipt) = app
        .call(
            None,
            axum::http::Method::POST,
            "/api/public/signals",
            Some(json!({
                "tenant": "bansko",
                "reporter": {"name": "Иван Свидетелев", "contact": "0888 123 456"},
                "account": {"what": "Искат пари за разрешително.", "place": "", "when": ""},
                "concerned": null, "unit": null, "activity": "Разрешения за строеж",
                "category": "bribery",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    let position = app.state.system_log().head().position;
    let officer = app.login("bansko.officer").await;
    let leaf = app
        .send(
            Request::get(format!("/api/log/entries/{position}"))
                .header("cookie", &officer.cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    let leaf = String::from_utf8(leaf.2.to_vec()).unwrap();
    assert!(leaf.contains("\"SignalFiled\""), "{leaf}");
    assert!(leaf.contains("\"sealed\":{\"bytes\":"), "{leaf}");
    assert!(
        !leaf.contains("sealed_v1") && !leaf.contains("Свидетелев"),
        "{leaf}"
    );
    // Regional staff may not see the signal, so they get no proof of it either.
    let regional = app.login("oblast.sekretar").await;
    let uri = format!("/api/log/proof/inclusion?position={position}");
    assert_eq!(app.get_as(&regional, &uri).await.0, StatusCode::NOT_FOUND);
}

fn antikor(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_antikor"))
        .args(args)
        .env("ANTIKOR_LOG", "off")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[tokio::test]
async fn an_auditors_bundle_checks_offline_and_an_altered_one_does_not() {
    let app = TestApp::start_demo().await;
    for i in 0..30 {
        app.state
            .system_log()
            .append(request(
                "petrich",
                "s",
                ExpectedVersion::Any,
                vec![event(i)],
            ))
            .await
            .unwrap();
    }
    let key = app.state.checkpoints.verifier().clone();
    let early = app.state.checkpoint().unwrap();

    // The download: auditors only, and it verifies with the shared checks.
    let auditor = app.auditor().await;
    let (status, _, body) = app
        .send(
            Request::get("/api/log/bundle")
                .header("cookie", &auditor.cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let verified =
        antikor_server::bundle::verify(&mut &body[..], Some(&key), Some(&early.text)).unwrap();
    assert!(verified.head.size >= early.size);
    assert!(verified.extends.is_some());
    let officer = app.login("petrich.officer").await;
    let (status, _) = app.get_as(&officer, "/api/log/bundle").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The command line, on a stopped server's folder.
    let dir = app.stop().await;
    let notes = tempfile::tempdir().unwrap();
    let file = notes.path().join("bundle.jsonl");
    let early_file = notes.path().join("early.txt");
    std::fs::write(&early_file, &early.text).unwrap();
    let data = dir.path().to_str().unwrap();
    let (code, out) = antikor(&[
        "bundle",
        "export",
        "--data",
        data,
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}");
    let key_text = key.to_string();
    let check = |path: &std::path::Path, key: &str| {
        antikor(&[
            "bundle",
            "verify",
            path.to_str().unwrap(),
            "--key",
            key,
            "--checkpoint",
            early_file.to_str().unwrap(),
        ])
    };
    let (code, out) = check(&file, &key_text);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("intact: ") && out.contains("consistent: the log extends"),
        "{out}"
    );

    // One changed character in one leaf, a dropped leaf, another key: each is refused.
    let text = std::fs::read_to_string(&file).unwrap();
    let altered = notes.path().join("altered.jsonl");
    std::fs::write(&altered, text.replacen("\"n\":7}", "\"n\":8}", 1)).unwrap();
    let (code, out) = check(&altered, &key_text);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("NOT VERIFIED"), "{out}");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.remove(5);
    let dropped = notes.path().join("dropped.jsonl");
    std::fs::write(&dropped, lines.join("\n") + "\n").unwrap();
    let (code, out) = check(&dropped, &key_text);
    assert_eq!(code, 1, "{out}");
    let stranger = tlog::SigningKey::from_seed(key.name(), [9; 32]).unwrap();
    let (code, out) = check(&file, stranger.verifier().as_str());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not signed by the key"), "{out}");
}

mod properties {
    use crate::support::{Place, block_on, event, request};
    use antikor_e2e::postgres::Cluster;
    use antikor_server::store::{EventStore, ExpectedVersion, SledStore};
    use antikor_shared::tlog;
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;

    /// Appends of random lengths, and pairs of numbers that pick sizes and positions.
    type Case = (Vec<usize>, Vec<(u64, u64)>);

    fn cases() -> impl Strategy<Value = Case> {
        (
            proptest::collection::vec(1..9usize, 1..40),
            proptest::collection::vec((any::<u64>(), any::<u64>()), 20),
        )
    }

    /// Runs `case` on 12 random logs and fails with the smallest it fails on.
    fn check(case: impl Fn(Case) -> Result<(), TestCaseError>) {
        let mut runner = TestRunner::new(ProptestConfig::with_cases(12));
        if let Err(e) = runner.run(&cases(), case) {
            panic!("{e}");
        }
    }

    /// Logs of random sizes, grown by appends of random lengths and reopened once: every
    /// inclusion and consistency proof the store gives checks out against its roots, and none
    /// checks out against another size's root.
    #[test]
    fn every_proof_of_a_random_sled_log_checks() {
        check(|(appends, picks)| {
            block_on(async { proofs_check(Place::sled(), appends, picks).await })
        });
    }

    #[test]
    fn every_proof_of_a_random_postgres_log_checks() {
        let _cluster = Cluster::shared();
        check(|(appends, picks)| {
            block_on(async { proofs_check(Place::postgres().await, appends, picks).await })
        });
    }

    async fn proofs_check(
        place: Place,
        appends: Vec<usize>,
        picks: Vec<(u64, u64)>,
    ) -> Result<(), TestCaseError> {
        let mut store = place.open();
        let mut n = 0u64;
        for (i, count) in appends.iter().enumerate() {
            let events = (0..*count)
                .map(|_| {
                    n += 1;
                    event(n)
                })
                .collect();
            store
                .append(request("bansko", "p", ExpectedVersion::Any, events))
                .await
                .unwrap();
            if i == appends.len() / 2 {
                store.close().await.unwrap();
                drop(store);
                store = place.open();
            }
        }
        let total = store.head().position;
        prop_assert_eq!(total, n);
        for (a, b) in picks {
            let size = 1 + a % total;
            let position = 1 + b % size;
            let root = store.root_at(size).unwrap();
            let leaf = tlog::leaf_hash(&store.leaf(position).unwrap().unwrap());
            let path = store.inclusion_proof(position, size).unwrap();
            prop_assert!(tlog::check_inclusion(leaf, position, size, root, &path).is_ok());
            let from = 1 + b % size;
            let from_root = store.root_at(from).unwrap();
            let proof = store.consistency_proof(from, size).unwrap();
            prop_assert!(tlog::check_consistency(from, from_root, size, root, &proof).is_ok());
            if from < size {
                prop_assert!(tlog::check_consistency(from, root, size, root, &proof).is_err());
            }
        }
        store.close().await.unwrap();
        Ok(())
    }

    /// The records of a PostgreSQL log, copied into a sled log as they are, give the same chain
    /// and the same Merkle tree there: the same head hash, and at every size the same root and
    /// the same proofs.
    #[tokio::test]
    async fn the_same_records_make_the_same_chain_and_tree_on_both_backends() {
        let place = Place::postgres().await;
        let postgres = place.open();
        let mut n = 0;
        for (i, count) in [3usize, 1, 8, 13, 2, 9, 1, 30].into_iter().enumerate() {
            let events = (0..count)
                .map(|_| {
                    n += 1;
                    event(n)
                })
                .collect();
            let tenant = ["bansko", "razlog"][i % 2];
            postgres
                .append(request(tenant, "p", ExpectedVersion::Any, events))
                .await
                .unwrap();
        }
        let head = postgres.head();
        let records: Vec<Vec<u8>> = (1..=head.position)
            .map(|p| postgres.record(p).unwrap().unwrap())
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let sled = SledStore::open(dir.path(), Default::default()).unwrap();
        assert_eq!(sled.replicate(records).await.unwrap(), head.position);
        assert_eq!(sled.head().hash, head.hash);
        assert_eq!(sled.head().root, head.root);
        for size in 1..=head.position {
            assert_eq!(sled.root_at(size).unwrap(), postgres.root_at(size).unwrap());
            assert_eq!(sled.leaf(size).unwrap(), postgres.leaf(size).unwrap());
            let position = 1 + size / 2;
            assert_eq!(
                sled.inclusion_proof(position, size).unwrap(),
                postgres.inclusion_proof(position, size).unwrap(),
                "position {position} of {size}"
            );
            assert_eq!(
                sled.consistency_proof(position, size).unwrap(),
                postgres.consistency_proof(position, size).unwrap(),
                "{position} to {size}"
            );
        }
        for store in [&*postgres, &sled as &dyn EventStore] {
            let report = store.verify().unwrap();
            assert_eq!((report.head_hash, report.first_break), (head.hash, None));
        }
    }
}
