//! A witness and a log server, two processes on loopback: the witness cosigns the log's
//! checkpoints while each extends the last, then refuses the log once its folder is rolled back
//! to an older copy, and again once that older copy grows into a different history.

use antikor_e2e::{Server, antikor_bin};
use antikor_shared::tlog::{self, WitnessKey};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `antikor witness`, killed when dropped.
struct WitnessProcess {
    child: Child,
    url: String,
    key: WitnessKey,
}

impl WitnessProcess {
    fn start(dir: &Path, log_key: &str) -> Self {
        let mut child = Command::new(antikor_bin())
            .args([
                "witness",
                "--listen",
                "127.0.0.1:0",
                "--name",
                "audit.test/witness",
            ])
            .arg("--data")
            .arg(dir)
            .args(["--log", log_key])
            .env("ANTIKOR_LOG", "error")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap()
            .to_owned();
        line.clear();
        out.read_line(&mut line).unwrap();
        let key = WitnessKey::parse(line.trim().strip_prefix("witness key ").unwrap()).unwrap();
        Self { child, url, key }
    }
}

impl Drop for WitnessProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    antikor_server::store::copy_folder(from, to, false).unwrap();
}

async fn get_text(http: &reqwest::Client, url: String) -> String {
    http.get(url).send().await.unwrap().text().await.unwrap()
}

async fn health(http: &reqwest::Client, server: &Server) -> serde_json::Value {
    http.get(format!("{}/api/health", server.base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Waits until the health's first witness satisfies `done`.
async fn wait_for(
    http: &reqwest::Client,
    server: &Server,
    what: &str,
    done: impl Fn(&serde_json::Value, &serde_json::Value) -> bool,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let health = health(http, server).await;
        if done(&health, &health["witnesses"][0]) {
            return health;
        }
        assert!(Instant::now() < deadline, "{what}: {health}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Logs in a demo account: each login is one more event in the log.
async fn login(http: &reqwest::Client, server: &Server) {
    let response = http
        .post(format!("{}/api/session", server.base_url))
        .json(&serde_json::json!({"username": "bansko.officer", "password": antikor_server::demo::DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_witness_cosigns_a_growing_log_and_refuses_a_rolled_back_or_forked_one() {
    let data = tempfile::tempdir().unwrap();
    let witness_dir = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");
    let http = reqwest::Client::new();

    // The log's first start makes its key; the witness is told about it.
    let mut server = Server::start_with(data.path(), &assets, &["--demo"]).unwrap();
    let log_key = get_text(&http, format!("{}/api/log/key", server.base_url)).await;
    assert!(server.terminate(Duration::from_secs(10)).unwrap());
    let witness = WitnessProcess::start(witness_dir.path(), log_key.trim());
    let with_witness = [
        "--demo",
        "--witness",
        &format!("{}={}", witness.url, witness.key),
    ];

    let mut server = Server::start_with(data.path(), &assets, &with_witness).unwrap();
    let first = wait_for(&http, &server, "the first cosignature", |h, w| {
        w["witnessed_size"] == h["head_position"] && w["problem"].is_null()
    })
    .await;
    let checkpoint = get_text(&http, format!("{}/api/log/checkpoint", server.base_url)).await;
    assert!(
        tlog::check_cosignature(&checkpoint, &witness.key).is_ok(),
        "{checkpoint}"
    );
    assert!(server.terminate(Duration::from_secs(10)).unwrap());
    let old = tempfile::tempdir().unwrap();
    copy_dir(data.path(), old.path());

    // The log grows; the witness follows it.
    let mut server = Server::start_with(data.path(), &assets, &with_witness).unwrap();
    for _ in 0..3 {
        login(&http, &server).await;
    }
    let grown = wait_for(&http, &server, "cosigning the grown log", |h, w| {
        w["witnessed_size"] == h["head_position"]
            && h["head_position"].as_u64() > first["head_position"].as_u64()
    })
    .await;
    assert!(server.terminate(Duration::from_secs(10)).unwrap());
    let witnessed = grown["head_position"].as_u64().unwrap();

    // The whole folder restored from the older copy: nothing local can tell, the witness can.
    let rolled = tempfile::tempdir().unwrap();
    copy_dir(old.path(), rolled.path());
    let server = Server::start_with(rolled.path(), &assets, &with_witness).unwrap();
    let refused = wait_for(&http, &server, "refusing the rollback", |_, w| {
        w["problem"]
            .as_str()
            .is_some_and(|p| p.contains("rolled back"))
    })
    .await;
    assert!(refused["head_position"].as_u64().unwrap() < witnessed);

    // The older copy carries on and grows past what was witnessed: a different history.
    while health(&http, &server).await["head_position"]
        .as_u64()
        .unwrap()
        <= witnessed + 1
    {
        login(&http, &server).await;
    }
    login(&http, &server).await;
    wait_for(&http, &server, "refusing the fork", |_, w| {
        w["problem"].as_str().is_some_and(|p| p.contains("fork"))
    })
    .await;
    let checkpoint = get_text(&http, format!("{}/api/log/checkpoint", server.base_url)).await;
    assert!(
        tlog::check_cosignature(&checkpoint, &witness.key).is_err(),
        "the forked log is served without the witness's cosignature: {checkpoint}"
    );
}
