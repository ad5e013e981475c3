//! The application: the log, its read models and the frontend, started in the right order.

use crate::assets::Assets;
use crate::projections::ReadModels;
use crate::seed;
use crate::store::{EventStore, SledStore, StoreOptions};
use anyhow::Context;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use tokio::sync::watch;

/// Where the server keeps its data and finds its frontend.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder (the sled database lives in `DATA/log`).
    pub data_dir: PathBuf,
    /// The built frontend (Trunk's `dist` folder).
    pub assets_dir: PathBuf,
}

/// Everything a request handler may use.
pub struct App {
    /// The event log; every change to Antikor goes through it.
    pub store: Arc<dyn EventStore>,
    /// Read models, folded from the log at start-up and kept current by its commit hook.
    pub models: Arc<RwLock<ReadModels>>,
    /// The built frontend, when it was found at start-up.
    pub assets: Option<Assets>,
    /// Turns `true` when the server begins to stop, so that live feeds end.
    pub stopping: watch::Receiver<bool>,
}

/// The handlers' shared state (cheap to clone).
#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

/// Tells the application that the server is stopping.
pub struct StopHandle {
    tx: watch::Sender<bool>,
    store: Arc<dyn EventStore>,
}

impl StopHandle {
    /// Ends live feeds (so that in-flight requests can finish).
    pub fn begin(&self) {
        let _ = self.tx.send(true);
    }

    /// Refuses new appends, waits for those in flight, and makes the log durable.
    pub async fn close_store(&self) -> anyhow::Result<()> {
        self.store.close().await.context("closing the event log")
    }
}

impl App {
    /// Opens the log, rebuilds and verifies the read models, and records the founding tenants
    /// on first start. A broken hash chain does not stop the server: it serves reads and
    /// refuses writes, so that auditors can look at what happened.
    pub async fn start(config: &Config) -> anyhow::Result<(AppState, StopHandle)> {
        let log_dir = config.data_dir.join("log");
        let started = std::time::Instant::now();
        // One walk of the log verifies the chain, builds the log's indexes and the read models.
        let (store, models, report) = tokio::task::spawn_blocking(move || {
            let mut models = ReadModels::default();
            SledStore::open_replaying(&log_dir, StoreOptions::default(), &mut |e| models.apply(&e))
                .map(|(store, report)| (store, models, report))
        })
        .await?
        .with_context(|| format!("opening the event log in {}", config.data_dir.display()))?;
        let store: Arc<dyn EventStore> = Arc::new(store);
        match &report.first_break {
            None => tracing::info!(
                events = report.records,
                head = %hex::encode(report.head_hash),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "event log verified and read models rebuilt"
            ),
            Some(b) => tracing::error!(%b, "the event log failed verification: serving read-only"),
        }
        let models = Arc::new(RwLock::new(models));
        let live = models.clone();
        store.on_commit(Box::new(move |events| {
            let mut models = live.write().expect("read models lock");
            for e in events {
                models.apply(e);
            }
        }));
        if store.refusal().is_none() {
            seed::register_tenants(store.as_ref())
                .await
                .context("registering the founding tenants")?;
        }
        let assets = Assets::load(&config.assets_dir);
        if assets.is_none() {
            tracing::warn!(dir = %config.assets_dir.display(), "no built frontend found: serving the API only");
        }
        let (tx, stopping) = watch::channel(false);
        let app = App {
            store: store.clone(),
            models,
            assets,
            stopping,
        };
        Ok((AppState(Arc::new(app)), StopHandle { tx, store }))
    }

    /// Reads the current read models.
    pub fn models(&self) -> std::sync::RwLockReadGuard<'_, ReadModels> {
        self.models.read().expect("read models lock")
    }
}
