//! The two backends of the event log side by side, in one run, printed as figures
//! (`cargo bench -p antikor-server --bench backends`): a durable single append (p50, p99) and 64
//! concurrent writers on each; on PostgreSQL, how soon a second server sees a commit of the
//! first; durable HTTP commands (a meeting recorded through `POST /api/activities`, over TCP)
//! from 64 clients on one server on sled, one server on PostgreSQL and two servers sharing it;
//! and a cold start of the whole application on a log of the real mix, copied from sled into
//! PostgreSQL by `antikor store copy`'s own function.
//!
//! PostgreSQL is a throwaway cluster of the test harness (`antikor_e2e::postgres`) on the same
//! disk, with its defaults (`fsync` and `synchronous_commit` on). `BENCH_EVENTS` sets the size
//! of the cold-start log (default 1,000,000).
#![allow(missing_docs)]

use antikor_e2e::postgres::Cluster;
use antikor_server::store::postgres::{PgOptions, PgStore};
use antikor_server::store::{EventStore, NewEvent, SledStore, StoreOptions};
use antikor_server::{App, Config};
use serde_json::value::RawValue;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use uuid::Uuid;

mod common;
#[path = "common/mix.rs"]
mod mix;
use common::{TENANTS, request};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

fn event(i: u64) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: "NoteRecorded".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(
            r#"{{"note":"Проведено заседание № {i} с участието на граждани и медии"}}"#
        ))
        .unwrap(),
    }
}

/// 1,000 durable appends of one event, one after another.
async fn single_appends(store: &dyn EventStore) -> Vec<Duration> {
    let mut times = Vec::new();
    for i in 0..1000u64 {
        let t = Instant::now();
        store
            .append(request("bansko", "single".into(), vec![event(i)]))
            .await
            .unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

/// A server of the whole application listening on a free port of 127.0.0.1 until the bench
/// ends, with the demo accounts when `first` on its log: its base URL.
async fn serve(config: &Config, first: bool) -> String {
    let (state, stop) = App::start(config).await.unwrap();
    if first {
        antikor_server::demo::create_accounts(&state).await.unwrap();
    }
    // Kept for the rest of the run: the bench ends by exiting.
    std::mem::forget(stop);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = antikor_server::router::build(state)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{address}")
}

/// 64 clients, spread over `servers`, each recording meetings one after another for 5 s with
/// a session opened on the first server: commands answered 201 per second.
async fn commands(servers: &[String]) -> f64 {
    let http = reqwest::Client::new();
    let login = http
        .post(format!("{}/api/session", servers[0]))
        .json(&serde_json::json!({"username": "bansko.officer",
            "password": antikor_server::demo::DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    let cookie = login.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let body: serde_json::Value = login.json().await.unwrap();
    let csrf = body["csrf_token"].as_str().unwrap().to_owned();
    let until = Instant::now() + Duration::from_secs(5);
    let clients: Vec<_> = (0..64)
        .map(|client| {
            let base = servers[client % servers.len()].clone();
            let (http, cookie, csrf) = (http.clone(), cookie.clone(), csrf.clone());
            tokio::spawn(async move {
                let mut answered = 0u64;
                while Instant::now() < until {
                    let status = http
                        .post(format!("{base}/api/activities"))
                        .header("cookie", &cookie)
                        .header("x-csrf-token", &csrf)
                        .json(&serde_json::json!({"kind": "meeting", "date": "2017-03-01",
                            "meeting_kind": "open_doors", "title": format!("Заседание {client}-{answered}"),
                            "participants": 7, "organisations": [], "agenda": "Прозрачност",
                            "decisions": "Решение 1", "protocol": "Протокол 1", "public": true,
                            "measures": ["II.2"]}))
                        .send()
                        .await
                        .unwrap()
                        .status();
                    assert_eq!(status, 201, "a meeting recorded");
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    let start = Instant::now();
    let mut total = 0;
    for client in clients {
        total += client.await.unwrap();
    }
    total as f64 / start.elapsed().as_secs_f64()
}

/// 64 tasks appending single events for 5 s: events per second.
async fn writers(store: Arc<dyn EventStore>) -> f64 {
    let start = Instant::now();
    let tasks: Vec<_> = (0..64)
        .map(|w| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut n = 0u64;
                while start.elapsed() < Duration::from_secs(5) {
                    store
                        .append(request(TENANTS[w % 15], format!("w{w}"), vec![event(n)]))
                        .await
                        .unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    total as f64 / start.elapsed().as_secs_f64()
}

/// A second store on the database follows 1,000 appends of the first: from each append's
/// acknowledgement to the moment the second hands the event to its subscribers.
async fn visibility(url: &str) -> Vec<Duration> {
    let writer: Arc<dyn EventStore> = Arc::new(PgStore::open(url, PgOptions::default()).unwrap());
    let reader = PgStore::open(url, PgOptions::default()).unwrap();
    let acked: Arc<Mutex<Vec<(u64, Instant)>>> = Arc::default();
    let mut feed = reader.subscribe();
    let head = writer.head().position;
    let seen = tokio::spawn(async move {
        let mut seen = Vec::new();
        while seen.len() < 1000 {
            let event = feed.recv().await.unwrap();
            if event.position > head {
                seen.push((event.position, Instant::now()));
            }
        }
        seen
    });
    for i in 0..1000u64 {
        let outcome = writer
            .append(request("razlog", "visible".into(), vec![event(i)]))
            .await
            .unwrap();
        acked
            .lock()
            .unwrap()
            .push((outcome.first_position, Instant::now()));
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let seen = seen.await.unwrap();
    let acked = acked.lock().unwrap().clone();
    let mut times: Vec<Duration> = acked
        .iter()
        .zip(&seen)
        .map(|((p, at), (q, seen))| {
            assert_eq!(p, q, "the follower sees the commits in order");
            seen.saturating_duration_since(*at)
        })
        .collect();
    times.sort();
    drop(reader);
    times
}

/// The application's start on `config` (the read models folded from the whole log): seconds.
/// Starts the application on `config` and stops it: seconds to start, the log's size, and
/// the position of the snapshot the start resumed from (0: none). The stop writes a snapshot
/// when the start had none, for the next start to begin from.
async fn cold_start(config: &Config) -> (f64, u64, u64) {
    let t = Instant::now();
    let (state, stop) = App::start(config).await.unwrap();
    let elapsed = t.elapsed().as_secs_f64();
    let (head, resumed) = (state.head().position, state.resumed_from());
    // On PostgreSQL only the server on duty writes the snapshot; alone, it takes the duties at
    // once. A start from a snapshot checks the history before it in the background: waited
    // for, so that it neither holds the log nor takes the cores of what is measured next.
    while !state.on_duty() || !state.history_checked() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    stop.close_store().await.unwrap();
    (elapsed, head, resumed)
}

/// Prints a cold start without a snapshot and one from the snapshot the first one's stop wrote.
async fn cold_starts(name: &str, config: &Config) {
    for _ in 0..2 {
        let (seconds, events, resumed) = cold_start(config).await;
        let from = if resumed > 0 {
            "from a snapshot"
        } else {
            "no snapshot    "
        };
        println!("{name:>10}: cold start with {events} events, {from} {seconds:.2} s");
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let total: u64 = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let cluster = Cluster::start();
    let fresh = |runtime: &tokio::runtime::Runtime| {
        cluster.url(&runtime.block_on(cluster.fresh_database()))
    };
    println!(
        "Antikor's event log on sled and on PostgreSQL ({} cores, one disk)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    let sled: Arc<dyn EventStore> =
        Arc::new(SledStore::open(&dir.path().join("latency"), StoreOptions::default()).unwrap());
    let postgres_url = fresh(&runtime);
    let postgres: Arc<dyn EventStore> =
        Arc::new(PgStore::open(&postgres_url, PgOptions::default()).unwrap());
    for (name, store) in [("sled", &sled), ("PostgreSQL", &postgres)] {
        let single = runtime.block_on(single_appends(store.as_ref()));
        println!(
            "{name:>10}: durable single append p50 {}  p99 {}",
            micros(percentile(&single, 0.5)),
            micros(percentile(&single, 0.99))
        );
    }
    for (name, store) in [("sled", &sled), ("PostgreSQL", &postgres)] {
        let rate = runtime.block_on(writers(store.clone()));
        println!("{name:>10}: 64 concurrent writers {rate:>8.0} events/s");
    }
    runtime.block_on(sled.close()).unwrap();
    runtime.block_on(postgres.close()).unwrap();
    drop((sled, postgres));

    let seen = runtime.block_on(visibility(&postgres_url));
    println!(
        "PostgreSQL: a commit of one server seen by another p50 {}  p99 {}  max {}",
        micros(percentile(&seen, 0.5)),
        micros(percentile(&seen, 0.99)),
        micros(percentile(&seen, 1.0))
    );

    // Durable HTTP commands from 64 clients: one server on sled, one on PostgreSQL, two sharing
    // a database (with one pair of key files, as an installation runs them).
    let keys = tempfile::tempdir().unwrap();
    let on = |name: &str, database: Option<String>| Config {
        database,
        key_file: Some(keys.path().join("vault.key")),
        log_key_file: Some(keys.path().join("log.key")),
        ..Config::new(dir.path().join(name), dir.path().join("none"))
    };
    let url = fresh(&runtime);
    runtime.block_on(async {
        let sled = serve(&on("http-sled", None), true).await;
        let first = serve(&on("http-pg-1", Some(url.clone())), true).await;
        let rate = commands(std::slice::from_ref(&sled)).await;
        println!("      sled: 64 clients, one server     {rate:>8.0} HTTP commands/s");
        let rate = commands(std::slice::from_ref(&first)).await;
        println!("PostgreSQL: 64 clients, one server     {rate:>8.0} HTTP commands/s");
        let second = serve(&on("http-pg-2", Some(url)), false).await;
        let rate = commands(&[first, second]).await;
        println!("PostgreSQL: 64 clients, two servers    {rate:>8.0} HTTP commands/s");
    });

    // The cold start: a log of the real mix on sled, the same log copied into PostgreSQL.
    let on_sled = Config::new(dir.path().join("sled"), dir.path().join("none"));
    {
        let store =
            SledStore::open(&on_sled.data_dir.join("log"), StoreOptions::default()).unwrap();
        let mut written = 0u64;
        while written < total {
            let n = 1000.min(total - written);
            let tenant = TENANTS[(written / 1000) as usize % 15];
            let (stream, events) = mix::real_mix(written / 1000, written, n);
            store
                .append_blocking(request(tenant, stream, events))
                .unwrap();
            written += n;
        }
        store.close_blocking().unwrap();
    }
    // The log's folder unlocks once sled's last handle is gone.
    std::thread::sleep(Duration::from_millis(300));
    runtime.block_on(cold_starts("sled", &on_sled));
    std::thread::sleep(Duration::from_millis(300));

    let url = fresh(&runtime);
    let t = Instant::now();
    let copied = runtime.block_on(async {
        let source = antikor_server::cli::open_log(on_sled.data_dir.to_str().unwrap()).unwrap();
        let copy = antikor_server::cli::open_log(&url).unwrap();
        let copied = antikor_server::cli::copy_log(source.as_ref(), copy.as_ref())
            .await
            .unwrap();
        copy.close().await.unwrap();
        source.close().await.unwrap();
        copied.events
    });
    println!(
        "PostgreSQL: antikor store copy of {copied} events from sled {:.0} events/s",
        copied as f64 / t.elapsed().as_secs_f64()
    );
    let on_postgres = Config {
        database: Some(url),
        ..Config::new(dir.path().join("postgres"), dir.path().join("none"))
    };
    runtime.block_on(cold_starts("PostgreSQL", &on_postgres));
}
