//! The real `antikor` binary with its event log on PostgreSQL (`--database`): the first account
//! created on the command line into the database, a server that serves from it, a SIGKILL in the
//! middle of a burst of commands that loses none of those it answered, and the log copied out
//! into a data folder (`antikor store copy`) where `antikor verify` finds it intact, as it does
//! in the database itself.

use antikor_e2e::postgres::Cluster;
use antikor_e2e::{ApiSession, Server, antikor_bin, api_login, create_user};
use std::collections::HashSet;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PASSWORD: &str = "пролетта идва в пирин";

/// The first account of the tests' installations, as `antikor user create` is given it.
const FIRST_ACCOUNT: [&str; 6] = [
    "--tenant",
    "bansko",
    "--role",
    "officer",
    "--username",
    "bansko.first",
];

/// Records a meeting of `bansko` and returns its id when the server answered 201.
async fn record_meeting(
    http: &reqwest::Client,
    base: &str,
    session: &ApiSession,
    title: &str,
) -> Option<String> {
    let answer = http
        .post(format!("{base}/api/activities"))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf_token)
        .json(&serde_json::json!({"kind": "meeting", "date": "2017-03-01",
            "meeting_kind": "open_doors", "title": title, "participants": 7,
            "organisations": [], "agenda": "Прозрачност", "decisions": "Решение 1",
            "protocol": "Протокол 1", "public": true, "measures": ["II.2"]}))
        .send()
        .await
        .ok()?;
    if answer.status() != 201 {
        return None;
    }
    let body: serde_json::Value = answer.json().await.ok()?;
    Some(body["id"].as_str()?.to_owned())
}

/// Every activity id of `bansko`, page after page.
async fn activity_ids(http: &reqwest::Client, base: &str, session: &ApiSession) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut after = String::new();
    loop {
        let page: serde_json::Value = http
            .get(format!(
                "{base}/api/activities?tenant=bansko&limit=200{after}"
            ))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for item in page["items"].as_array().expect("a page") {
            ids.insert(item["id"].as_str().unwrap().to_owned());
        }
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn a_server_on_postgres_killed_mid_burst_keeps_every_command_it_answered() {
    let cluster = Cluster::start();
    let url = cluster.url(&cluster.fresh_database().await);
    let data = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");

    // The first account, from the command line, into the database.
    let account = [&["--database", url.as_str()][..], &FIRST_ACCOUNT].concat();
    let created = create_user(data.path(), &account, PASSWORD);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(
        !data.path().join("log").exists(),
        "no sled log in the data folder"
    );

    let mut server = Server::start_with(data.path(), &assets, &["--database", &url]).unwrap();
    let http = reqwest::Client::new();
    let session = api_login(&http, &server.base_url, "bansko.first", PASSWORD).await;

    // A burst of 16 clients, each recording meetings one after another, killed after a while.
    let answered = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..16)
        .map(|client| {
            let (http, base, session) = (http.clone(), server.base_url.clone(), session.clone());
            let answered = answered.clone();
            tokio::spawn(async move {
                for n in 0.. {
                    let title = format!("Заседание {client}-{n}");
                    match record_meeting(&http, &base, &session, &title).await {
                        Some(id) => answered.lock().unwrap().push(id),
                        None => return,
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    for client in clients {
        client.await.unwrap();
    }
    let answered = answered.lock().unwrap().clone();
    assert!(answered.len() > 16, "only {} answered", answered.len());
    eprintln!("{} commands answered before the SIGKILL", answered.len());

    let mut server = Server::start_with(data.path(), &assets, &["--database", &url]).unwrap();
    let session = api_login(&http, &server.base_url, "bansko.first", PASSWORD).await;
    let stored = activity_ids(&http, &server.base_url, &session).await;
    let lost: Vec<&String> = answered.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} answered commands are lost",
        lost.len(),
        answered.len()
    );
    let health: serde_json::Value = reqwest::get(format!("{}/api/health", server.base_url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok", "{health}");

    // Stopped, the log is copied out of the database into a data folder and checked there.
    assert!(server.terminate(Duration::from_secs(10)).unwrap());
    let copy = tempfile::tempdir().unwrap();
    let copied = Command::new(antikor_bin())
        .args(["store", "copy", "--from", &url, "--to"])
        .arg(copy.path())
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&copied.stdout);
    let head_hash = health["head_hash"].as_str().unwrap();
    assert!(
        copied.status.success() && out.contains(head_hash),
        "{out}{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    let verified = Command::new(antikor_bin())
        .args(["verify", "--data"])
        .arg(copy.path())
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&verified.stdout);
    let events = health["head_position"].as_u64().unwrap();
    assert!(
        verified.status.success() && out.starts_with(&format!("intact: {events} events")),
        "{out}"
    );
    assert!(out.contains(head_hash), "{out}");

    // And where it is, in the database.
    let verified = Command::new(antikor_bin())
        .args(["verify", "--database", &url])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&verified.stdout);
    assert!(
        verified.status.success() && out.starts_with(&format!("intact: {events} events")),
        "{out}{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    assert!(out.contains(head_hash), "{out}");
}

/// `/api/health` of a server.
async fn health(http: &reqwest::Client, base: &str) -> Option<serde_json::Value> {
    http.get(format!("{base}/api/health"))
        .send()
        .await
        .ok()?
        .json()
        .await
        .ok()
}

/// Two real servers on one database with one pair of key files, as behind a proxy: a session
/// opened on one works on both; one of them is on duty; the one on duty is killed with SIGKILL in
/// the middle of a burst of commands sent to both, the other keeps answering, holds every
/// command either answered, and takes the duties over.
#[tokio::test]
async fn two_servers_on_one_database_serve_on_when_one_is_killed() {
    let cluster = Cluster::start();
    let url = cluster.url(&cluster.fresh_database().await);
    let keys = tempfile::tempdir().unwrap();
    let (vault_key, log_key) = (keys.path().join("vault.key"), keys.path().join("log.key"));
    let installation = [
        "--database",
        &url,
        "--key-file",
        vault_key.to_str().unwrap(),
        "--log-key-file",
        log_key.to_str().unwrap(),
    ];
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let account = [&installation[..], &FIRST_ACCOUNT].concat();
    let created = create_user(first.path(), &account, PASSWORD);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let assets = first.path().join("no-frontend");
    let mut servers = [
        Server::start_with(first.path(), &assets, &installation).unwrap(),
        Server::start_with(second.path(), &assets, &installation).unwrap(),
    ];
    let http = reqwest::Client::new();
    let session = api_login(&http, &servers[0].base_url, "bansko.first", PASSWORD).await;

    // One of them, and only one, is on duty.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let on_duty = loop {
        let mut on = Vec::new();
        for (i, server) in servers.iter().enumerate() {
            if health(&http, &server.base_url).await.unwrap()["on_duty"] == true {
                on.push(i);
            }
        }
        assert!(on.len() <= 1, "both servers on duty");
        if let [i] = on[..] {
            break i;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no server took the duties"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let survivor = 1 - on_duty;

    // 8 clients on each server with the one session; the server on duty is killed.
    let answered = Arc::new(Mutex::new(Vec::new()));
    let sending = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let clients: Vec<_> = (0..16)
        .map(|client| {
            let base = servers[client % 2].base_url.clone();
            let (http, session, answered) = (http.clone(), session.clone(), answered.clone());
            let sending = sending.clone();
            tokio::spawn(async move {
                let mut n = 0;
                while sending.load(std::sync::atomic::Ordering::Relaxed) {
                    let title = format!("Заседание {client}-{n}");
                    match record_meeting(&http, &base, &session, &title).await {
                        Some(id) => answered.lock().unwrap().push((client % 2, id)),
                        None => return,
                    }
                    n += 1;
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    servers[on_duty].child.kill().unwrap();
    servers[on_duty].child.wait().unwrap();
    let killed_at = answered.lock().unwrap().len();
    tokio::time::sleep(Duration::from_millis(1000)).await;
    sending.store(false, std::sync::atomic::Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
    let answered = answered.lock().unwrap().clone();
    // (An answer the killed server sent just before it died may be counted just after.)
    let after_kill = answered[killed_at..]
        .iter()
        .filter(|(server, _)| *server == survivor)
        .count();
    assert!(
        after_kill > 16,
        "the other server kept answering: {after_kill} commands after the kill"
    );
    eprintln!(
        "{} commands answered by two servers, {after_kill} by the survivor after the SIGKILL",
        answered.len()
    );

    let base = &servers[survivor].base_url;
    let stored = activity_ids(&http, base, &session).await;
    let lost: Vec<_> = answered
        .iter()
        .filter(|(_, id)| !stored.contains(id))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} answered commands are lost",
        lost.len(),
        answered.len()
    );

    // The duties move to the survivor once the database has let the dead server's lock go.
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while health(&http, base).await.unwrap()["on_duty"] != true {
        assert!(
            std::time::Instant::now() < deadline,
            "the duties did not move"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let health = health(&http, base).await.unwrap();
    assert_eq!(health["status"], "ok", "{health}");
}

/// `antikor verify --database URL`, with variables `env` set: its exit code and output.
fn verify_database(url: &str, env: &[(&str, &std::path::Path)]) -> (Option<i32>, String) {
    let out = Command::new(antikor_bin())
        .args(["verify", "--database", url])
        .envs(env.iter().copied())
        .env("ANTIKOR_LOG", "error")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// TLS to the database: a server given `sslmode=require` and the database's authority
/// (`PGSSLROOTCERT`, as libpq reads it) serves from a database that refuses plain connections;
/// without that authority the database's certificate is refused, and without `sslmode=require`
/// the database refuses the connection.
#[tokio::test]
async fn a_server_reaches_a_database_that_takes_only_tls() {
    let cluster = Cluster::start_with_tls();
    let url = cluster.url(&cluster.fresh_database().await);
    let secured = format!("{url}?sslmode=require");
    let authority = [("PGSSLROOTCERT", cluster.ca_file().unwrap())];
    let data = tempfile::tempdir().unwrap();
    let assets = data.path().join("no-frontend");

    let mut server = Server::start_with_env(
        data.path(),
        &assets,
        &["--database", &secured, "--demo"],
        &authority,
    )
    .unwrap();
    let http = reqwest::Client::new();
    let session = api_login(
        &http,
        &server.base_url,
        "bansko.officer",
        antikor_server::demo::DEMO_PASSWORD,
    )
    .await;
    let id = record_meeting(&http, &server.base_url, &session, "Заседание по TLS").await;
    assert!(id.is_some(), "a command over TLS is recorded");
    assert!(server.terminate(Duration::from_secs(10)).unwrap());

    let (code, out) = verify_database(&secured, &authority);
    assert_eq!(code, Some(0), "{out}");
    // A home without `.postgresql/root.crt`: the Mozilla roots do not vouch for the test
    // authority.
    let home = tempfile::tempdir().unwrap();
    let (code, out) = verify_database(&secured, &[("HOME", home.path())]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.to_lowercase().contains("certificate"), "{out}");
    let (code, out) = verify_database(&url, &[]);
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("pg_hba.conf") || out.contains("encryption"),
        "{out}"
    );
}
