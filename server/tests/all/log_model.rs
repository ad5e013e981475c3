//! A model-based property test: random appends, reads and restarts against the real store and
//! a plain in-memory model of what the log must hold, on both backends. The sled log compresses
//! its records once it has 40 (see `store::compress`), so most of its histories hold both forms.

use crate::support::{Place, block_on, event, request, stream, tenant};
use antikor_e2e::postgres::Cluster;
use antikor_server::store::{AppendError, ExpectedVersion, NewEvent};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::collections::HashMap;

#[derive(Debug, Clone)]
enum Op {
    /// Append `count` events to stream `s` of tenant `t`; `expect` picks the concurrency check.
    Append {
        t: usize,
        s: usize,
        count: usize,
        expect: u8,
    },
    /// Send an earlier append again, unchanged.
    Retry {
        nth: usize,
    },
    ReadStream {
        t: usize,
        s: usize,
        from: u64,
    },
    ReadAll {
        from: u64,
        limit: usize,
    },
    Restart,
}

const TENANTS: [&str; 2] = ["bansko", "petrich"];
const STREAMS: [&str; 3] = ["a", "b", "c"];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0..2usize, 0..3usize, 1..4usize, 0..4u8).prop_map(|(t, s, count, expect)| Op::Append { t, s, count, expect }),
        1 => (0..50usize).prop_map(|nth| Op::Retry { nth }),
        2 => (0..2usize, 0..3usize, 0..6u64).prop_map(|(t, s, from)| Op::ReadStream { t, s, from }),
        2 => (0..30u64, 1..20usize).prop_map(|(from, limit)| Op::ReadAll { from, limit }),
        1 => Just(Op::Restart),
    ]
}

/// What the log must hold: each event's tenant, stream, version and payload, in order.
#[derive(Default)]
struct Model {
    log: Vec<(usize, usize, u64, String)>,
    /// Accepted appends, for retries: request and the positions it got.
    accepted: Vec<(usize, usize, Vec<NewEvent>, u64, u64)>,
}

impl Model {
    fn version(&self, t: usize, s: usize) -> u64 {
        self.log.iter().filter(|e| e.0 == t && e.1 == s).count() as u64
    }
}

#[test]
fn the_sled_log_behaves_like_the_model() {
    check(|ops| block_on(async { behaves_like_the_model(Place::sled_compressing(), ops).await }));
}

#[test]
fn the_postgres_log_behaves_like_the_model() {
    // One cluster for every case, each case in a database of its own.
    let _cluster = Cluster::shared();
    check(|ops| block_on(async { behaves_like_the_model(Place::postgres().await, ops).await }));
}

/// Runs `case` on random histories (`PROPTEST_CASES` of them, 24 unless set) and fails with the
/// smallest history it fails on.
fn check(case: impl Fn(Vec<Op>) -> Result<(), TestCaseError>) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(24);
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        ..ProptestConfig::default()
    });
    if let Err(e) = runner.run(&proptest::collection::vec(op(), 1..40), case) {
        panic!("{e}");
    }
}

async fn behaves_like_the_model(place: Place, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut store = place.open();
    let mut model = Model::default();
    let mut counter = 0u64;
    for op in ops {
        match op {
            Op::Append {
                t,
                s,
                count,
                expect,
            } => {
                let actual = model.version(t, s);
                let expected = match expect {
                    0 => ExpectedVersion::Any,
                    1 => ExpectedVersion::NoStream,
                    2 => ExpectedVersion::Exact(actual),
                    _ => ExpectedVersion::Exact(actual + 1),
                };
                let should_pass = match expected {
                    ExpectedVersion::Any => true,
                    ExpectedVersion::NoStream => actual == 0,
                    ExpectedVersion::Exact(v) => v == actual,
                };
                let events: Vec<NewEvent> = (0..count)
                    .map(|_| {
                        counter += 1;
                        event(counter)
                    })
                    .collect();
                let result = store
                    .append(request(TENANTS[t], STREAMS[s], expected, events.clone()))
                    .await;
                if should_pass {
                    let o = result.expect("append accepted");
                    let first = model.log.len() as u64 + 1;
                    prop_assert_eq!(
                        (o.first_position, o.stream_version),
                        (first, actual + count as u64)
                    );
                    for (i, e) in events.iter().enumerate() {
                        model
                            .log
                            .push((t, s, actual + 1 + i as u64, e.payload.get().to_owned()));
                    }
                    model.accepted.push((t, s, events, first, o.last_position));
                } else {
                    let is_conflict =
                        matches!(result, Err(AppendError::WrongExpectedVersion { .. }));
                    prop_assert!(is_conflict, "expected a conflict");
                }
            }
            Op::Retry { nth } => {
                if model.accepted.is_empty() {
                    continue;
                }
                let (t, s, events, first, last) =
                    model.accepted[nth % model.accepted.len()].clone();
                let o = store
                    .append(request(
                        TENANTS[t],
                        STREAMS[s],
                        ExpectedVersion::NoStream,
                        events,
                    ))
                    .await
                    .unwrap();
                prop_assert!(!o.written);
                prop_assert_eq!((o.first_position, o.last_position), (first, last));
            }
            Op::ReadStream { t, s, from } => {
                let got: Vec<(u64, String)> = store
                    .read_stream(&tenant(TENANTS[t]), &stream(STREAMS[s]), from, 100)
                    .unwrap()
                    .into_iter()
                    .map(|e| (e.version, e.payload.get().to_owned()))
                    .collect();
                let want: Vec<(u64, String)> = model
                    .log
                    .iter()
                    .filter(|e| e.0 == t && e.1 == s && e.2 >= from.max(1))
                    .map(|e| (e.2, e.3.clone()))
                    .collect();
                prop_assert_eq!(got, want);
            }
            Op::ReadAll { from, limit } => {
                let got: Vec<(u64, String)> = store
                    .read_all(from, limit)
                    .unwrap()
                    .into_iter()
                    .map(|e| (e.position, e.payload.get().to_owned()))
                    .collect();
                let want: Vec<(u64, String)> = model
                    .log
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (i as u64 + 1, e.3.clone()))
                    .filter(|(p, _)| *p >= from)
                    .take(limit)
                    .collect();
                prop_assert_eq!(got, want);
            }
            Op::Restart => {
                store.close().await.unwrap();
                drop(store);
                store = place.open();
            }
        }
        prop_assert_eq!(store.head().position, model.log.len() as u64);
    }
    let report = store.verify().unwrap();
    prop_assert_eq!(report.records, model.log.len() as u64);
    prop_assert!(report.first_break.is_none());
    // Versions per stream are gapless.
    let mut seen: HashMap<(usize, usize), u64> = HashMap::new();
    for (t, s, v, _) in &model.log {
        let last = seen.entry((*t, *s)).or_default();
        prop_assert_eq!(*v, *last + 1);
        *last = *v;
    }
    Ok(())
}
