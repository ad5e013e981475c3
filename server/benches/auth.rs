//! Figures for logging in: what a password check costs for a known account and for an
//! unknown username (they must match, so that names cannot be probed by timing), and what a
//! session lookup costs on every request.
//!
//! `cargo bench -p antikor-server --bench auth` (BENCH_ROUNDS, default 40).
#![allow(missing_docs)]

use antikor_server::auth::password::Passwords;
use antikor_server::auth::secrets::Secrets;
use antikor_server::auth::session::{SessionPolicy, Sessions};
use antikor_shared::Username;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let passwords = Passwords::default();
    let stored = passwords.hash_blocking("коректна конска батерия").unwrap();
    // Warm the decoy so the first unknown-name check does not include hashing it.
    passwords.verify_blocking("x", None);
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        assert!(!passwords.verify_blocking("грешна парола", Some(&stored)));
        known.push(t.elapsed());
        let t = Instant::now();
        assert!(!passwords.verify_blocking("грешна парола", None));
        unknown.push(t.elapsed());
    }
    let (k50, u50) = (percentile(&mut known, 0.5), percentile(&mut unknown, 0.5));
    println!(
        "password check, wrong password:  p50 {:>7.1} ms  p90 {:>7.1} ms",
        k50.as_secs_f64() * 1e3,
        percentile(&mut known, 0.9).as_secs_f64() * 1e3
    );
    println!(
        "password check, unknown account: p50 {:>7.1} ms  p90 {:>7.1} ms  (ratio {:.3})",
        u50.as_secs_f64() * 1e3,
        percentile(&mut unknown, 0.9).as_secs_f64() * 1e3,
        u50.as_secs_f64() / k50.as_secs_f64()
    );

    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(Secrets::open(dir.path()).unwrap());
    let sessions = Sessions::new(secrets, SessionPolicy::default());
    let user = Username::parse("ivanova").unwrap();
    let tokens: Vec<String> = (0..1000)
        .map(|_| sessions.open(&user, 0).unwrap().0)
        .collect();
    let t = Instant::now();
    let lookups = 100_000;
    for i in 0..lookups {
        assert!(sessions.find(&tokens[i % tokens.len()]).unwrap().is_some());
    }
    println!(
        "session lookup (1,000 sessions):  {:>7.2} µs each",
        t.elapsed().as_secs_f64() * 1e6 / lookups as f64
    );
}
