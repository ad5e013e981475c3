//! A mirror and a recovery, with the real binary: an auditor's mirror copies a running log and
//! checks it against the signed checkpoint; after the log's database loses half its file,
//! `recover` rebuilds the folder from the mirror and the server serves the whole history again.

use antikor_e2e::{Server, antikor_bin};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn antikor(args: &[&str], data: &Path) -> (i32, String) {
    let out = Command::new(antikor_bin())
        .args(args)
        .arg("--data")
        .arg(data)
        .env("ANTIKOR_LOG", "error")
        .env(
            "ANTIKOR_MIRROR_PASSWORD",
            antikor_server::demo::DEMO_PASSWORD,
        )
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[tokio::test]
async fn a_mirror_restores_a_damaged_log_and_proves_it_extends_the_anchor() {
    let data = tempfile::tempdir().unwrap();
    let mirror = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");
    let http = reqwest::Client::new();
    let mut server = Server::start_with(data.path(), &assets, &["--demo"]).unwrap();
    for _ in 0..5 {
        let login = http
            .post(format!("{}/api/session", server.base_url))
            .json(&serde_json::json!({"username": "petrich.officer", "password": antikor_server::demo::DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(login.status(), 200);
    }

    // Only an auditor may mirror.
    let from = server.base_url.clone();
    let (code, out) = antikor(
        &[
            "mirror",
            "--once",
            "--from",
            &from,
            "--username",
            "petrich.officer",
        ],
        mirror.path(),
    );
    assert_eq!(code, 1, "{out}");
    // The auditor's mirror copies every event (its own login included) and checks the root.
    let (code, out) = antikor(
        &["mirror", "--once", "--from", &from, "--username", "odit"],
        mirror.path(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("mirrored "), "{out}");
    let (code, out) = antikor(
        &["mirror", "--once", "--from", &from, "--username", "odit"],
        mirror.path(),
    );
    assert_eq!(code, 0, "a second round takes what was added since: {out}");
    let health: serde_json::Value = http
        .get(format!("{from}/api/health"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(server.terminate(Duration::from_secs(10)).unwrap());
    let total = health["head_position"].as_u64().unwrap();
    let (code, out) = antikor(&["verify"], mirror.path());
    assert_eq!(code, 0, "the mirror verifies like a data folder: {out}");

    // The server's database loses half its file.
    let db = data.path().join("log").join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let (code, out) = antikor(&["verify"], data.path());
    assert_eq!(code, 1, "{out}");

    let (code, out) = antikor(
        &["recover", "--from", mirror.path().to_str().unwrap()],
        data.path(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("the damaged log is kept in"), "{out}");
    let (code, out) = antikor(&["verify"], data.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with(&format!("intact: {total} events")), "{out}");

    let server = Server::start_with(data.path(), &assets, &["--demo"]).unwrap();
    let health: serde_json::Value = http
        .get(format!("{}/api/health", server.base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok", "{health}");
    assert!(
        health["head_position"].as_u64().unwrap() >= total,
        "{health}"
    );
}
