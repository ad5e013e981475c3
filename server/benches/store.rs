//! Benchmarks of the event log, printed as figures (run with
//! `cargo bench -p antikor-server --bench store`):
//! the disk's fdatasync floor, durable single-append latency, throughput with 1/16/64
//! concurrent writers, replay and cold start with a million events, inclusion and consistency
//! proofs at that size, checkpoint signing, `antikor verify`'s rate, and the auditor's bundle
//! exported and verified offline.
//!
//! `BENCH_EVENTS` sets the size of the replay log (default 1,000,000).

use antikor_server::projections::ReadModels;
use antikor_server::store::{EventStore, NewEvent, SledStore, StoreOptions};
use antikor_server::{App, Config};
use serde_json::value::RawValue;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

mod common;
#[path = "common/mix.rs"]
mod mix;
use common::{TENANTS, request};
use mix::real_mix;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

fn event(i: u64) -> NewEvent {
    NewEvent {
        id: Uuid::new_v4(),
        event_type: "MeasureProgressReported".into(),
        schema_version: 1,
        payload: RawValue::from_string(format!(
            r#"{{"measure":"II.{}","level":"substantial","note":"Проведено заседание № {i} с участието на граждани и медии","date":"2017-05-{:02}"}}"#,
            i % 7,
            1 + i % 28
        ))
        .unwrap(),
    }
}

/// The disk's floor: append 200 bytes to a file and fdatasync, many times.
fn fdatasync_floor(dir: &std::path::Path) -> Vec<Duration> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(dir.join("floor"))
        .unwrap();
    let block = [7u8; 200];
    let mut times = Vec::new();
    for i in 0..2000u64 {
        let t = Instant::now();
        file.write_all_at(&block, i * 200).unwrap();
        file.sync_data().unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

/// The journal's share of an append: a 1 KiB entry written in place after the last one in a
/// zero-filled file, then fdatasync, many times (what `store::anchor` does per commit).
fn journal_floor(dir: &std::path::Path) -> Vec<Duration> {
    const JOURNAL: u64 = 1 << 20;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(dir.join("journal-floor"))
        .unwrap();
    file.write_all_at(&vec![0u8; JOURNAL as usize], 0).unwrap();
    file.sync_all().unwrap();
    let entry = [7u8; 1024];
    let mut times = Vec::new();
    for i in 0..2000u64 {
        let t = Instant::now();
        file.write_all_at(&entry, (i * 1024) % JOURNAL).unwrap();
        file.sync_data().unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn single_appends(store: &SledStore) -> Vec<Duration> {
    let mut times = Vec::new();
    for i in 0..2000u64 {
        let t = Instant::now();
        store
            .append_blocking(request("bansko", "single".into(), vec![event(i)]))
            .unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

/// `writers` tasks each append single events for about `duration`.
async fn concurrent(
    store: Arc<SledStore>,
    writers: usize,
    duration: Duration,
) -> (f64, Duration, Duration) {
    let start = Instant::now();
    let tasks: Vec<_> = (0..writers)
        .map(|w| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut i = 0u64;
                while start.elapsed() < duration {
                    let t = Instant::now();
                    store
                        .append(request(TENANTS[w % 15], format!("w{w}"), vec![event(i)]))
                        .await
                        .unwrap();
                    times.push(t.elapsed());
                    i += 1;
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = Vec::new();
    for t in tasks {
        times.extend(t.await.unwrap());
    }
    let elapsed = start.elapsed().as_secs_f64();
    times.sort();
    (
        times.len() as f64 / elapsed,
        percentile(&times, 0.5),
        percentile(&times, 0.99),
    )
}

fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The bytes of every file under `dir`, as they take space on disk (sparse files count what
/// is allocated).
fn disk_bytes(dir: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(m) if m.is_dir() => disk_bytes(&entry.path()),
            Ok(m) => m.blocks() * 512,
            Err(_) => 0,
        })
        .sum()
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let total: u64 = std::env::var("BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let base = std::env::var_os("BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::tempdir_in(base).unwrap();
    println!(
        "Antikor event log benchmarks ({} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    let floor = fdatasync_floor(dir.path());
    println!(
        "fdatasync of a 200-byte append:   p50 {}  p99 {}",
        micros(percentile(&floor, 0.5)),
        micros(percentile(&floor, 0.99))
    );

    let journal = journal_floor(dir.path());
    println!(
        "journal entry + fdatasync:        p50 {}  p99 {}",
        micros(percentile(&journal, 0.5)),
        micros(percentile(&journal, 0.99))
    );
    let store =
        Arc::new(SledStore::open(&dir.path().join("latency"), StoreOptions::default()).unwrap());
    let single = single_appends(&store);
    let ratio = percentile(&single, 0.5).as_secs_f64() / percentile(&floor, 0.5).as_secs_f64();
    println!(
        "durable single append:             p50 {}  p99 {}  (p50 = {ratio:.2}× fdatasync p50)",
        micros(percentile(&single, 0.5)),
        micros(percentile(&single, 0.99))
    );
    for writers in [1, 16, 64] {
        let (rate, p50, p99) =
            runtime.block_on(concurrent(store.clone(), writers, Duration::from_secs(5)));
        println!(
            "{writers:>2} concurrent writers:              {rate:>9.0} events/s  p50 {}  p99 {}",
            micros(p50),
            micros(p99)
        );
    }
    store.close_blocking().unwrap();
    drop(store);

    // A million events of the real mix across the 15 tenants, written in appends of 1,000.
    let config = Config::new(dir.path().join("replay"), dir.path().join("none"));
    let store = SledStore::open(&config.data_dir.join("log"), StoreOptions::default()).unwrap();
    let t = Instant::now();
    let mut written = 0u64;
    while written < total {
        let n = 1000.min(total - written);
        let tenant = TENANTS[(written / 1000) as usize % 15];
        let (stream, events) = real_mix(written / 1000, written, n);
        store
            .append_blocking(request(tenant, stream, events))
            .unwrap();
        written += n;
    }
    println!(
        "bulk load of {total} events:       {:.1} s ({:.0} events/s, appends of 1,000)",
        t.elapsed().as_secs_f64(),
        total as f64 / t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let (models, report) = ReadModels::replay(&store, u64::MAX).unwrap();
    let elapsed = t.elapsed().as_secs_f64();
    assert!(report.first_break.is_none());
    assert_eq!(models.position, total);
    println!(
        "replay into read models (verifying the chain): {:.0} events/s ({elapsed:.2} s)",
        total as f64 / elapsed
    );
    proofs(&store, total);
    store.close_blocking().unwrap();
    drop((store, models));
    let log_bytes = disk_bytes(&config.data_dir.join("log"));
    println!(
        "disk: {:.0} MB for {total} events, {:.0} bytes per event (the log folder, closed)",
        log_bytes as f64 / 1e6,
        log_bytes as f64 / total as f64
    );

    let t = Instant::now();
    let (state, _stop) = runtime.block_on(App::start(&config)).unwrap();
    println!(
        "cold start with {} events (open, verify, rebuild, seed check): {:.2} s; RSS {:.0} MiB",
        state.head().position,
        t.elapsed().as_secs_f64(),
        rss_mib()
    );
    runtime.block_on(_stop.close_store()).unwrap();
    drop((state, _stop));
    // The log's folder unlocks once sled's last handle is gone.
    std::thread::sleep(Duration::from_millis(300));
    // Where a start's time goes: the store's own walk (verify the chain, build its indexes)
    // without the read models. After the start above, so that its memory is not counted there.
    let t = Instant::now();
    let store = SledStore::open(&config.data_dir.join("log"), StoreOptions::default()).unwrap();
    println!(
        "open of the log alone (verify, the store's indexes, no read models): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    store.close_blocking().unwrap();
    drop(store);
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    let check = antikor_server::cli::verify_copy(&config.data_dir).unwrap();
    let elapsed = t.elapsed().as_secs_f64();
    assert!(check.first_break.is_none());
    println!(
        "antikor verify (copy the folder, walk the chain, rebuild the tree, check the anchor): {:.0} events/s ({elapsed:.2} s)",
        check.records as f64 / elapsed
    );
    let key = antikor_shared::tlog::SigningKey::from_seed("antikor.bench/log", [7; 32]).unwrap();
    let note = key.sign(check.records, check.root);
    let bundle = dir.path().join("bundle.jsonl");
    let t = Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&bundle).unwrap());
    antikor_server::bundle::write(
        check.store(),
        check.records,
        &[key.verifier().clone()],
        &note,
        &mut out,
    )
    .unwrap();
    drop(out);
    let elapsed = t.elapsed().as_secs_f64();
    println!(
        "bundle export: {:.0} events/s ({elapsed:.2} s, {:.0} MB)",
        check.records as f64 / elapsed,
        std::fs::metadata(&bundle).unwrap().len() as f64 / 1e6
    );
    let t = Instant::now();
    let mut input =
        std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&bundle).unwrap());
    let verified = antikor_server::bundle::verify(&mut input, Some(key.verifier()), None).unwrap();
    let elapsed = t.elapsed().as_secs_f64();
    println!(
        "bundle verify offline (every leaf, the root, the signature): {:.0} events/s ({elapsed:.2} s)",
        verified.head.size as f64 / elapsed
    );
    std::io::stdout().flush().unwrap();
}

/// Inclusion and consistency proofs at random sizes of the whole log, and the cost of signing
/// a checkpoint.
fn proofs(store: &SledStore, total: u64) {
    use antikor_shared::tlog;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |below: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        1 + rng % below
    };
    let root = store.root_at(total).unwrap();
    let mut inclusion = Vec::new();
    let mut consistency = Vec::new();
    for _ in 0..2000 {
        let position = next(total);
        let t = Instant::now();
        let path = store.inclusion_proof(position, total).unwrap();
        inclusion.push(t.elapsed());
        let leaf = tlog::leaf_hash(&store.leaf(position).unwrap().unwrap());
        tlog::check_inclusion(leaf, position, total, root, &path).unwrap();
        let from = next(total);
        let t = Instant::now();
        let path = store.consistency_proof(from, total).unwrap();
        consistency.push(t.elapsed());
        let from_root = store.root_at(from).unwrap();
        tlog::check_consistency(from, from_root, total, root, &path).unwrap();
    }
    inclusion.sort();
    consistency.sort();
    println!(
        "inclusion proof in {total} events:   p50 {}  p99 {}",
        micros(percentile(&inclusion, 0.5)),
        micros(percentile(&inclusion, 0.99))
    );
    println!(
        "consistency proof to {total} events: p50 {}  p99 {}",
        micros(percentile(&consistency, 0.5)),
        micros(percentile(&consistency, 0.99))
    );
    let key = tlog::SigningKey::from_seed("antikor.bench/log", [7; 32]).unwrap();
    let t = Instant::now();
    for size in 0..2000 {
        std::hint::black_box(key.sign(size, root));
    }
    println!(
        "signing a checkpoint:              {:.0} µs each",
        t.elapsed().as_secs_f64() * 1e6 / 2000.0
    );
}
