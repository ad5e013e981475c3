//! The real `antikor` binary as an operator runs it: start, health, a second server on the same
//! folder, graceful stop, and `verify` on what it left.

use antikor_e2e::{Server, antikor_bin};
use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::test]
async fn serves_stops_on_sigterm_and_leaves_a_verifiable_log() {
    let data = tempfile::tempdir().unwrap();
    let mut server = Server::start(data.path(), &data.path().join("no-frontend")).unwrap();
    let health: serde_json::Value = reqwest::get(format!("{}/api/health", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (health["status"].as_str(), health["head_position"].as_u64()),
        (Some("ok"), Some(15))
    );

    // A second server on the same folder fails at once, saying why.
    let started = Instant::now();
    let second = Command::new(antikor_bin())
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    assert!(!second.status.success());
    assert!(started.elapsed() < Duration::from_secs(5));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("in use by another Antikor process"),
        "{stderr}"
    );

    // While a live feed is open, SIGTERM still stops the server promptly and cleanly.
    let live = reqwest::get(format!("{}/api/audit/live", server.base_url))
        .await
        .unwrap();
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    assert!(
        server.terminate(Duration::from_secs(10)).unwrap(),
        "exit status 0 after SIGTERM"
    );

    let verify = Command::new(antikor_bin())
        .args(["verify", "--data"])
        .arg(data.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success() && out.starts_with("intact: 15 events"),
        "{out}"
    );
    assert!(
        out.contains(health["head_hash"].as_str().unwrap()),
        "the head the server showed is the one verified"
    );
}

#[test]
fn verify_refuses_a_folder_without_a_log() {
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(antikor_bin())
        .args(["verify", "--data"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no event log in"));
}
