//! Child process of the crash test: appends to the log (a sled folder, or a PostgreSQL database
//! given as `postgres://…`) from several threads until it is killed or the log fails, printing
//! one line per acknowledged append:
//! `ACK <first position> <stream> <batch id> <event ids separated by commas>`.
#![forbid(unsafe_code)]

use antikor_server::store::postgres::{PgOptions, PgStore};
use antikor_server::store::{
    AppendRequest, EventStore, ExpectedVersion, Metadata, NewEvent, SledStore, StoreOptions,
};
use antikor_shared::{StreamId, TenantId};
use serde_json::value::RawValue;
use std::io::Write;
use std::sync::Arc;
use uuid::Uuid;

const WRITERS: usize = 8;

fn main() -> anyhow::Result<()> {
    let log = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: crash-writer DIR|postgres://…"))?;
    let store: Arc<dyn EventStore> = if log.starts_with("postgres://") {
        Arc::new(PgStore::open(&log, PgOptions::default())?)
    } else {
        Arc::new(SledStore::open(log.as_ref(), StoreOptions::default())?)
    };
    let stdout = Arc::new(std::sync::Mutex::new(std::io::stdout()));
    writeln!(stdout.lock().unwrap(), "OPEN")?;
    let threads: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (store, stdout) = (store.clone(), stdout.clone());
            std::thread::spawn(move || -> anyhow::Result<()> {
                let tenant = TenantId::parse(["bansko", "petrich", "razlog"][w % 3])?;
                for i in 0u64.. {
                    let stream = StreamId::parse(format!("w{w}-{}", i % 5))?;
                    let batch = Uuid::new_v4();
                    let n = 1 + (i % 3) as usize;
                    let events: Vec<NewEvent> = (0..n)
                        .map(|k| NewEvent {
                            id: Uuid::new_v4(),
                            event_type: "CrashTestEventWritten".into(),
                            schema_version: 1,
                            payload: RawValue::from_string(format!(
                                r#"{{"batch":"{batch}","k":{k},"n":{n},"pad":"{}"}}"#,
                                "x".repeat(100 * k)
                            ))
                            .expect("valid JSON"),
                        })
                        .collect();
                    let ids: Vec<String> = events.iter().map(|e| e.id.to_string()).collect();
                    let request = AppendRequest {
                        tenant: tenant.clone(),
                        stream: stream.clone(),
                        expected: ExpectedVersion::Any,
                        events,
                        metadata: Metadata::system(),
                    };
                    let outcome = futures::executor::block_on(store.append(request))?;
                    let mut out = stdout.lock().unwrap();
                    writeln!(
                        out,
                        "ACK {} {stream} {batch} {}",
                        outcome.first_position,
                        ids.join(",")
                    )?;
                    out.flush()?;
                }
                Ok(())
            })
        })
        .collect();
    for t in threads {
        t.join().map_err(|_| anyhow::anyhow!("writer panicked"))??;
    }
    Ok(())
}
