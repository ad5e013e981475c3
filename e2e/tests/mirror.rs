//! A mirror and a recovery, with the real binary: an auditor's mirror copies a running log and
//! the evidence files its records attach, and checks the log against the signed checkpoint;
//! after the log's database loses half its file and the files are lost, `recover` rebuilds the
//! folder from the mirror and the server serves the whole history and the files again.

use antikor_e2e::{ApiSession, Server, antikor_bin, api_login};
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

/// Uploads `bytes` as an evidence file.
async fn upload(
    http: &reqwest::Client,
    base: &str,
    session: &ApiSession,
    bytes: &[u8],
) -> reqwest::Response {
    http.post(format!("{base}/api/files?name=protokol.pdf"))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf_token)
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
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

    // A progress report with a file attached; the file then goes missing from the server's
    // disk before the first mirror.
    let from = server.base_url.clone();
    let officer = api_login(
        &http,
        &from,
        "petrich.officer",
        antikor_server::demo::DEMO_PASSWORD,
    )
    .await;
    let protocol = b"%PDF-1.7 protokol ot zasedanieto".to_vec();
    let uploaded: serde_json::Value = upload(&http, &from, &officer, &protocol)
        .await
        .json()
        .await
        .unwrap();
    let sha256 = uploaded["sha256"].as_str().unwrap().to_owned();
    let reported = http
        .put(format!("{from}/api/progress/2017/II.3"))
        .header("cookie", &officer.cookie)
        .header("x-csrf-token", &officer.csrf_token)
        .json(
            &serde_json::json!({"level": "limited", "note": "Протокол от заседанието",
            "evidence": [{"kind": "file", "value": uploaded}],
            "reported_for": "2017-06-30", "expected_version": 0}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(reported.status(), 200, "{:?}", reported.text().await);
    let stored = |folder: &Path| folder.join("files").join(&sha256[..2]).join(&sha256);
    std::fs::remove_file(stored(data.path())).unwrap();

    // Only an auditor may mirror.
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
    // The log is copied; the file the server lost is named, to be asked for again.
    assert!(out.contains("evidence files: 0 copied, 1 missing"), "{out}");
    assert!(!stored(mirror.path()).exists());

    // Uploading the same bytes again repairs the server's copy; the next round takes it.
    let repaired = upload(&http, &from, &officer, &protocol).await;
    assert!(repaired.status().is_success(), "{}", repaired.status());
    let (code, out) = antikor(
        &["mirror", "--once", "--from", &from, "--username", "odit"],
        mirror.path(),
    );
    assert_eq!(code, 0, "a second round takes what was added since: {out}");
    assert!(out.contains("evidence files: 1 copied, 0 missing"), "{out}");
    assert_eq!(std::fs::read(stored(mirror.path())).unwrap(), protocol);
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
    // And the disk took the evidence files with it.
    std::fs::remove_dir_all(data.path().join("files")).unwrap();

    let (code, out) = antikor(
        &["recover", "--from", mirror.path().to_str().unwrap()],
        data.path(),
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("the damaged log is kept in"), "{out}");
    assert!(out.contains("evidence files put back: 1;"), "{out}");
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
    let officer = api_login(
        &http,
        &server.base_url,
        "petrich.officer",
        antikor_server::demo::DEMO_PASSWORD,
    )
    .await;
    let file = http
        .get(format!("{}/api/files/{sha256}", server.base_url))
        .header("cookie", &officer.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 200);
    assert_eq!(file.bytes().await.unwrap().to_vec(), protocol);
}
