//! Figures for logging in: what a password check costs for a known account and for an
//! unknown username (they must match, so that names cannot be probed by timing), and what a
//! session lookup costs on every request.
//!
//! Then the memory a flood of checks leaves behind: 400 wrong passwords checked at once, as a
//! burst of failed logins or receipt checks does, with resident memory read from
//! `/proc/self/status` before, at the peak and after.
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

    flood(&passwords, &stored);

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

/// A line of `/proc/self/status` in MiB (`VmRSS` now, `VmHWM` the peak).
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn flood(passwords: &Passwords, stored: &str) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let before = status_mib("VmRSS");
    let t = Instant::now();
    runtime.block_on(async {
        let checks: Vec<_> = (0..400)
            .map(|i| {
                let passwords = passwords.clone();
                let stored = (i % 2 == 0).then(|| stored.to_owned());
                tokio::spawn(async move { passwords.verify("грешна".into(), stored).await })
            })
            .collect();
        for check in checks {
            assert!(!check.await.unwrap().unwrap());
        }
    });
    let elapsed = t.elapsed();
    // Give idle blocking threads time to exit, as a server between bursts would.
    std::thread::sleep(Duration::from_secs(12));
    println!(
        "400 checks at once: {:.1} s; resident {before:.0} MiB before, peak {:.0} MiB, {:.0} MiB after",
        elapsed.as_secs_f64(),
        status_mib("VmHWM"),
        status_mib("VmRSS")
    );
}
