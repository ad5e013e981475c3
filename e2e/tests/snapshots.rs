//! The real binary with snapshots written often: killed with SIGKILL while it writes (or is
//! about to write) one, it starts again from what is on disk, loses no acknowledged write, and
//! serves what a start without the snapshot serves.

use antikor_e2e::{ApiSession, Server, api_login};
use antikor_server::demo::DEMO_PASSWORD;
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;

async fn health(http: &reqwest::Client, server: &Server) -> Value {
    http.get(format!("{}/api/health", server.base_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn get(http: &reqwest::Client, server: &Server, session: &ApiSession, uri: &str) -> Value {
    let response = http
        .get(format!("{}{uri}", server.base_url))
        .header("cookie", &session.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{uri}");
    response.json().await.unwrap()
}

/// Records a meeting in Bansko; returns once the server acknowledged it.
async fn record(http: &reqwest::Client, server: &Server, session: &ApiSession, n: u32) {
    let response = http
        .post(format!("{}/api/activities", server.base_url))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf_token)
        .json(
            &json!({"kind": "meeting", "date": "2017-03-01", "meeting_kind": "open_doors",
            "title": format!("Заседание {n}"), "participants": 7, "organisations": [],
            "agenda": "Прозрачност", "decisions": "Решение", "protocol": "Протокол",
            "public": true, "measures": ["II.2"]}),
        )
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
}

fn start(data: &Path) -> Server {
    Server::start_with(
        data,
        &data.join("no-frontend"),
        &["--demo", "--snapshot-after", "10"],
    )
    .unwrap()
}

#[tokio::test]
async fn a_server_killed_around_its_snapshots_starts_from_one_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let http = reqwest::Client::new();
    let mut acknowledged = 0u32;
    let mut head = 0;
    // Killed while idle, while copying or writing a snapshot (two quiet seconds after the
    // last write), and after it.
    for (round, wait_ms) in [0u64, 2_050, 2_200, 2_400, 3_500].into_iter().enumerate() {
        let server = start(data);
        let before = health(&http, &server).await;
        assert_eq!(before["status"], "ok", "round {round}: {before}");
        assert!(
            before["head_position"].as_u64().unwrap() >= head,
            "round {round}: acknowledged events were lost ({before})"
        );
        let session = api_login(&http, &server.base_url, "bansko.officer", DEMO_PASSWORD).await;
        for _ in 0..12 {
            acknowledged += 1;
            record(&http, &server, &session, acknowledged).await;
        }
        head = health(&http, &server).await["head_position"]
            .as_u64()
            .unwrap();
        tokio::time::sleep(Duration::from_millis(wait_ms)).await;
        drop(server);
    }

    // Every acknowledged meeting is there, started from a snapshot or not.
    let server = start(data);
    assert!(antikor_server::snapshot::path(data).exists());
    let after = health(&http, &server).await;
    assert_eq!(after["status"], "ok", "{after}");
    assert!(after["head_position"].as_u64().unwrap() >= head, "{after}");
    let session = api_login(&http, &server.base_url, "bansko.officer", DEMO_PASSWORD).await;
    let uri = "/api/activities?kind=meeting&limit=100";
    let resumed = get(&http, &server, &session, uri).await;
    assert_eq!(
        resumed["total"].as_u64(),
        Some(u64::from(acknowledged)),
        "{resumed}"
    );
    let dashboard = get(&http, &server, &session, "/api/dashboard?year=2017").await;
    let mut server = server;
    assert!(server.terminate(Duration::from_secs(10)).unwrap());

    // The same answers from a start that walks the whole log.
    std::fs::remove_file(antikor_server::snapshot::path(data)).unwrap();
    let server = start(data);
    let session = api_login(&http, &server.base_url, "bansko.officer", DEMO_PASSWORD).await;
    let walked = get(&http, &server, &session, uri).await;
    assert!(
        walked == resumed,
        "the meetings differ between the two starts"
    );
    let walked_dashboard = get(&http, &server, &session, "/api/dashboard?year=2017").await;
    // The log grew by this session's login (its position and latest changes); the rest of the
    // dashboard must agree.
    let settled = |mut d: Value| {
        let d_ = d.as_object_mut().unwrap();
        d_.remove("latest");
        d_.remove("position");
        d
    };
    assert!(
        settled(walked_dashboard) == settled(dashboard),
        "the dashboard differs between a start from the snapshot and one without"
    );
}
