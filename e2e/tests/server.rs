//! The real `antikor` binary as an operator runs it: the first account from the command line,
//! start, health, login, a second server on the same folder, graceful stop, and `verify` on
//! what it left.

use antikor_e2e::{Server, antikor_bin};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `antikor user create` with the password on standard input.
fn create_user(data: &std::path::Path, args: &[&str], password: &str) -> std::process::Output {
    let mut child = Command::new(antikor_bin())
        .args(["user", "create", "--data"])
        .arg(data)
        .args(args)
        .env("ANTIKOR_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn serves_stops_on_sigterm_and_leaves_a_verifiable_log() {
    let data = tempfile::tempdir().unwrap();
    // Without --demo no account exists; the first regional admin comes from the command line.
    let first = [
        "--tenant",
        "oblast",
        "--role",
        "regional_admin",
        "--username",
        "first.admin",
    ];
    let weak = create_user(data.path(), &first, "password1234");
    assert!(!weak.status.success(), "a common password is refused");
    let created = create_user(data.path(), &first, "пролетта идва в пирин");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("created first.admin"));

    let mut server = Server::start(data.path(), &data.path().join("no-frontend")).unwrap();
    let http = reqwest::Client::new();
    let login = http
        .post(format!("{}/api/session", server.base_url))
        .json(&serde_json::json!({"username": "first.admin", "password": "пролетта идва в пирин"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let health: serde_json::Value = reqwest::get(format!("{}/api/health", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (health["status"].as_str(), health["head_position"].as_u64()),
        (Some("ok"), Some(37)),
        "15 tenants, the 2017 plan (19 events), the account, the login"
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
    let live = http
        .get(format!("{}/api/audit/live", server.base_url))
        .header("cookie", &cookie)
        .send()
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
        verify.status.success() && out.starts_with("intact: 37 events"),
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
