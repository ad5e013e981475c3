//! The application: the log, its read models, the secrets store and the frontend, started in
//! the right order. Handlers reach the log and the read models only through the scoped
//! methods of [`App`] (see `log` and `accounts`), each of which takes a scope from
//! `crate::access`.

pub mod accounts;
pub mod activities;
pub mod checkpoints;
mod describe;
pub mod files;
pub mod history;
pub mod log;
pub mod plan;
pub mod progress;
pub mod reminders;
pub mod report;
pub mod risks;
pub mod session;
pub mod signals;
pub mod surveys;
pub mod tenants;
pub mod witnessing;

use crate::access::TenantWrite;
use crate::assets::Assets;
use crate::auth::Auth;
use crate::auth::session::SessionPolicy;
use crate::auth::throttle::Throttle;
use crate::clock::Clock;
use crate::domain::Aggregate;
use crate::projections::ReadModels;
use crate::seed;
use crate::snapshot::{self, Snapshot};
use crate::store::postgres::{Database, PgOptions, PgStore};
use crate::store::{
    AppendError, AppendOutcome, AppendRequest, EventStore, ExpectedVersion, Head, Metadata,
    NewEvent, Replayed, SledStore, StoreOptions, VerifyReport,
};
use crate::tables::Tables;
use crate::util::errors::{AppError, AppResult};
use crate::vault::Vault;
use antikor_shared::StreamId;
use anyhow::Context;
use checkpoints::Checkpoints;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::cell::RefCell;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock, Weak};
use tokio::sync::watch;
use uuid::Uuid;

/// Where the server keeps its data and finds its frontend, and how it treats sessions.
#[derive(Debug, Clone)]
pub struct Config {
    /// The data folder: the log lives in `DATA/log`, password hashes and sessions in
    /// `DATA/secrets`.
    pub data_dir: PathBuf,
    /// The built frontend (Trunk's `dist` folder).
    pub assets_dir: PathBuf,
    /// How long sessions last and whether their cookie is `Secure`.
    pub sessions: SessionPolicy,
    /// The vault's master key (see `crate::vault`): `DATA/vault.key` unless given, created
    /// on first start. Keep a copy apart from the data's backups.
    pub key_file: Option<PathBuf>,
    /// Signals one client address may file through the public form per hour (at once, then
    /// one every 60/n minutes).
    pub public_signals_per_hour: u32,
    /// The key that signs the log's checkpoints: `DATA/log.key` unless given, created on first
    /// start. Keep a copy apart from the data's backups.
    pub log_key_file: Option<PathBuf>,
    /// The log's name in its checkpoints, given to a new key (e.g. `antikor.blagoevgrad.bg`).
    pub log_origin: Option<String>,
    /// Witnesses to submit the checkpoints to: base URL and public key.
    pub witnesses: Vec<(String, antikor_shared::tlog::WitnessKey)>,
    /// How many events past the newest snapshot make it worth writing a new one (see
    /// `crate::snapshot`): checked after commits and when the server stops.
    pub snapshot_after: u64,
    /// The SMTP relay for e-mail about what waits (none: no e-mail; see `crate::mail`).
    pub mail: Option<crate::mail::MailConfig>,
    /// A PostgreSQL database for the event log and the state beside it
    /// (`postgres://user@host/database`; see `store::postgres` and `crate::tables`): password
    /// hashes and sessions, throttles, the vault, the evidence files, shared by every server on
    /// the database. `None`: all of it in the data folder. The key files stay files either way.
    pub database: Option<String>,
}

impl Config {
    /// Default session policy.
    pub fn new(data_dir: impl Into<PathBuf>, assets_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            assets_dir: assets_dir.into(),
            sessions: SessionPolicy::default(),
            key_file: None,
            public_signals_per_hour: PUBLIC_SIGNALS_PER_HOUR,
            log_key_file: None,
            log_origin: None,
            witnesses: Vec::new(),
            snapshot_after: SNAPSHOT_AFTER,
            mail: None,
            database: None,
        }
    }

    /// The vault's master key file: as given, or `DATA/vault.key`.
    pub fn vault_key_file(&self) -> PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("vault.key"))
    }
}

/// Whether `key_file` lies inside `data_dir` (compared as absolute paths, so `./data` and
/// `data` agree).
fn key_file_is_inside(key_file: &std::path::Path, data_dir: &std::path::Path) -> bool {
    let absolute = |p: &std::path::Path| {
        std::path::absolute(p)
            .map(|p| p.components().collect::<PathBuf>())
            .unwrap_or_else(|_| p.to_owned())
    };
    absolute(key_file).starts_with(absolute(data_dir))
}

/// Where the state beside the log lives: a data folder's sled databases and files, or a
/// PostgreSQL database's state table.
#[derive(Clone, Copy)]
pub enum StatePlace<'a> {
    /// A data folder.
    Folder(&'a std::path::Path),
    /// A database.
    Database(&'a Database),
}

impl<'a> StatePlace<'a> {
    /// The database when there is one, else the data folder.
    pub fn of(data_dir: &'a std::path::Path, database: Option<&'a Database>) -> Self {
        database.map_or(Self::Folder(data_dir), Self::Database)
    }

    /// The tables of the state called `name` (`secrets`, `vault`): the sled database
    /// `DATA/NAME`, or the `NAME/…` rows of the state table.
    pub fn tables(self, name: &'static str) -> anyhow::Result<Tables> {
        match self {
            Self::Database(database) => Ok(Tables::in_database(database.clone(), name)),
            Self::Folder(dir) => Ok(Tables::in_folder(&dir.join(name))?.0),
        }
    }

    /// The evidence files: `DATA/files`, or the `files/evidence` rows.
    pub fn files(self) -> anyhow::Result<crate::files::FileStore> {
        match self {
            Self::Database(database) => Ok(crate::files::FileStore::Table(
                Tables::in_database(database.clone(), "files").table("evidence")?,
            )),
            Self::Folder(dir) => {
                crate::files::FileStore::open(dir).context("opening the file store")
            }
        }
    }
}

/// Connects to the configured PostgreSQL database, if there is one, and brings its schema up
/// to date.
pub async fn connect(config: &Config) -> anyhow::Result<Option<Database>> {
    let Some(url) = config.database.clone() else {
        return Ok(None);
    };
    // The address is not repeated in the message: it may carry a password.
    tokio::task::spawn_blocking(move || Database::connect(&url, PgOptions::default().connections))
        .await?
        .map(Some)
        .context("connecting to PostgreSQL")
}

/// The anchor file of the log in a data folder: beside `log/`, not in it, so that restoring an
/// older copy of `log/` alone is noticed.
pub fn anchor_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("log.anchor")
}

/// The file where a server on a PostgreSQL log keeps the newest head it saw (see
/// `PgOptions::anchor_file`), in its data folder: outside the database, so that a database
/// restored from an older backup is noticed.
pub fn database_anchor_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("database.anchor")
}

/// Signals one address may file through the public form by default: 5 at once, then one
/// more every 12 minutes. Enough for a person, too few for a flood.
pub const PUBLIC_SIGNALS_PER_HOUR: u32 = 5;

/// Events past the newest snapshot that make a new one worth writing, by default: folding that
/// many at a start takes a fraction of a second.
pub const SNAPSHOT_AFTER: u64 = 20_000;

/// A snapshot written by [`App::snapshot_if_behind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshotted {
    /// The position it stands at.
    pub position: u64,
    /// Its size on disk.
    pub bytes: u64,
    /// How long the copy took, during which appends waited.
    pub copied: std::time::Duration,
    /// How long copying and writing took.
    pub elapsed: std::time::Duration,
}

/// Everything a request handler may use.
pub struct App {
    /// The event log; every change to Antikor goes through it. Private: handlers go through
    /// the scoped methods.
    store: Arc<dyn EventStore>,
    /// Read models, folded from the log at start-up and kept current by its commit hook.
    models: Arc<RwLock<ReadModels>>,
    /// Password hashing, sessions and throttling.
    pub auth: Auth,
    /// Serializes account creation, so that two tenants cannot take one username at once.
    pub(crate) account_creation: tokio::sync::Mutex<()>,
    /// Serializes registrations, so that two tenants cannot take one official code at once.
    tenant_registration: tokio::sync::Mutex<()>,
    /// Signal keys and attachments, outside the log. Private: reached through `app::signals`.
    vault: Arc<Vault>,
    /// The evidence files.
    files: crate::files::FileStore,
    /// Held for reading by an upload, and by a command that attaches stored files from its
    /// check that they are stored until its events are folded in; for writing by the sweep of
    /// files no record names, so that the sweep never removes a file a record is about to name
    /// or one being uploaded again.
    attaching: tokio::sync::RwLock<()>,
    /// Uploads per user: a file is stored before any record names it, so uploads alone must
    /// not be able to fill the disk.
    uploads: DefaultKeyedRateLimiter<String>,
    /// Serializes filing, so that two signals never get the same register number.
    signal_numbering: tokio::sync::Mutex<()>,
    /// Filings from the public form per client address (every filing counts).
    public_form: DefaultKeyedRateLimiter<IpAddr>,
    /// Failed receipt-code checks per signal and per address.
    receipts: Throttle,
    /// The log's signing key and newest signed checkpoint.
    pub checkpoints: Arc<Checkpoints>,
    /// The witnesses the checkpoints go to.
    pub witnesses: Vec<Arc<witnessing::WitnessLink>>,
    /// The built frontend, when it was found at start-up.
    pub assets: Option<Assets>,
    /// Turns `true` when the server begins to stop, so that live feeds end.
    pub stopping: watch::Receiver<bool>,
    /// Now, and today in Sofia, for every deadline the app judges.
    pub clock: Clock,
    /// Whether e-mail goes out (the server was given a relay).
    mail_configured: bool,
    /// The public signal statistics, computed once per state of the signals.
    statistics: std::sync::Mutex<signals::StatisticsCache>,
    /// The annual reports visitors read, kept for a few seconds.
    public_reports: std::sync::Mutex<report::PublicReports>,
    /// The sentences of the events described last (see [`App::describe`]).
    descriptions: describe::Descriptions,
    /// The position of the snapshot this start resumed from (0: the log was walked whole).
    resumed_from: u64,
    /// Where the snapshot is written, the key it is authenticated with, and how many new
    /// events call for one.
    snapshots: snapshot::Place,
    snapshot_key: snapshot::Key,
    snapshot_after: u64,
    /// The position of the newest snapshot; held while one is written.
    snapshotted: tokio::sync::Mutex<u64>,
    /// Whether the history up to the head has been verified since the start.
    history_checked: Arc<AtomicBool>,
    /// Whether this server does the work done once per installation (see [`App::on_duty`]).
    on_duty: watch::Receiver<bool>,
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
    app: Arc<App>,
}

impl StopHandle {
    /// Ends live feeds (so that in-flight requests can finish).
    pub fn begin(&self) {
        let _ = self.tx.send(true);
    }

    /// Refuses new appends, waits for those in flight, and makes the log durable. Writes a
    /// snapshot first when enough has happened since the last one.
    pub async fn close_store(&self) -> anyhow::Result<()> {
        if let Err(e) = self.app.snapshot_if_behind(self.app.snapshot_after).await {
            tracing::warn!(error = %e, "writing the snapshot at stop failed; the next start folds the log from the previous one");
        }
        self.app
            .store
            .close()
            .await
            .context("closing the event log")?;
        self.app.vault.close().context("closing the vault")?;
        self.app
            .auth
            .secrets
            .close()
            .context("closing the secrets store")
    }
}

impl App {
    /// Opens the log, rebuilds and verifies the read models, and records the founding tenants
    /// on first start. A broken hash chain does not stop the server: it serves reads and
    /// refuses writes, so that auditors can look at what happened.
    pub async fn start(config: &Config) -> anyhow::Result<(AppState, StopHandle)> {
        // A first start makes its folder: the signing key is written before the log opens.
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data folder {}", config.data_dir.display()))?;
        let log_dir = config.data_dir.join("log");
        let options = StoreOptions {
            anchor_file: Some(anchor_path(&config.data_dir)),
            ..StoreOptions::default()
        };
        let started = std::time::Instant::now();
        // A relay or sender that cannot be used stops the start, before anything opens.
        let mailer = config
            .mail
            .clone()
            .map(crate::mail::Mailer::new)
            .transpose()?;
        let log_key_file = config
            .log_key_file
            .clone()
            .unwrap_or_else(|| config.data_dir.join("log.key"));
        let checkpoints = Arc::new(
            Checkpoints::open(&log_key_file, config.log_origin.as_deref())
                .context("opening the log's signing key")?,
        );
        let snapshot_key = checkpoints.snapshot_key();
        let database = connect(config).await?;
        let state = StatePlace::of(&config.data_dir, database.as_ref());
        // The state beside the log opens first: a server whose vault key does not fit the
        // vault (another server's database) refuses before it writes anything to the log.
        let auth = Auth::open(state.tables("secrets")?, config.sessions)
            .context("opening the secrets store")?;
        let key_file = config.vault_key_file();
        if key_file_is_inside(&key_file, &config.data_dir) {
            tracing::warn!(
                key_file = %key_file.display(),
                "the vault's master key is inside the data folder: a backup of the folder carries \
                 the key to every sealed field; keep it apart (--key-file) and back it up separately"
            );
        }
        let vault = Arc::new(
            Vault::open_in(state.tables("vault")?, &key_file).context("opening the vault")?,
        );
        let files = state.files()?;
        let snapshots = match &database {
            None => snapshot::Place::File(snapshot::path(&config.data_dir)),
            Some(database) => snapshot::Place::Table(
                Tables::in_database(database.clone(), "snapshots").table("read-models")?,
            ),
        };
        let (store, models, report, walked) = match &database {
            None => open_sled_log(log_dir, options, snapshots.clone(), snapshot_key.clone())
                .await
                .with_context(|| {
                    format!("opening the event log in {}", config.data_dir.display())
                })?,
            Some(database) => {
                let anchor = database_anchor_path(&config.data_dir);
                open_postgres_log(
                    database.clone(),
                    anchor,
                    snapshots.clone(),
                    snapshot_key.clone(),
                )
                .await
                .context("opening the event log on PostgreSQL")?
            }
        };
        match &report.first_break {
            None => tracing::info!(
                events = report.records,
                from_snapshot = walked,
                head = %hex::encode(report.head_hash),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "event log verified and read models rebuilt"
            ),
            Some(b) => tracing::error!(%b, "the event log failed verification: serving read-only"),
        }
        let models = Arc::new(RwLock::new(models));
        let live = models.clone();
        let log = Arc::downgrade(&store);
        store.on_commit(Box::new(move |events| {
            // A fold that panicked is contained by `fold`; the lock is recovered all the same,
            // so that no fault can leave every later request panicking on it.
            let mut models = live.write().unwrap_or_else(PoisonError::into_inner);
            if let (Some(first), Some(log)) = (events.first(), log.upgrade()) {
                fold_through(&mut models, log.as_ref(), first.position - 1);
            }
            for e in events {
                if e.position > models.position {
                    models.fold(e);
                }
            }
        }));
        // A log other servers write to may have moved on between the walk and the hook above.
        fold_through(
            &mut models.write().unwrap_or_else(PoisonError::into_inner),
            store.as_ref(),
            store.head().position,
        );
        let history_checked = Arc::new(AtomicBool::new(walked == 0));
        if store.refusal().is_none()
            && let Err(e) = found(store.as_ref(), &checkpoints).await
        {
            // Behind a snapshot the start read none of the history, and these writes read
            // some of it (a retried seed is compared with what is stored): they may be the
            // first to meet damage there. Check the history now; damage found means a
            // read-only start, as without the snapshot.
            let store = store.clone();
            let checked = history_checked.clone();
            let damaged = walked > 0
                && tokio::task::spawn_blocking(move || {
                    check_history(store.as_ref(), walked, &checked);
                    store.refusal().is_some()
                })
                .await?;
            if !damaged {
                return Err(e);
            }
        }
        let (commits, committed) = watch::channel(store.head().position);
        store.on_commit(Box::new(move |events| {
            if let Some(last) = events.last() {
                commits.send_replace(last.position);
            }
        }));
        let assets = Assets::load(&config.assets_dir);
        if assets.is_none() {
            tracing::warn!(dir = %config.assets_dir.display(), "no built frontend found: serving the API only");
        }
        let (tx, stopping) = watch::channel(false);
        // Alone on its data folder, a server is always on duty (the sender's last word stays).
        let on_duty = match &database {
            Some(database) => database.hold_duties(),
            None => watch::channel(true).1,
        };
        tokio::spawn(checkpoints::keep_signed(
            Arc::downgrade(&store),
            checkpoints.clone(),
            committed.clone(),
            stopping.clone(),
        ));
        let witnesses: Vec<Arc<witnessing::WitnessLink>> = config
            .witnesses
            .iter()
            .map(|(url, key)| Arc::new(witnessing::WitnessLink::new(url.clone(), key.clone())))
            .collect();
        let receipts = Throttle::stored("receipt", auth.secrets.clone())?;
        let app = Arc::new(App {
            store,
            models,
            auth,
            account_creation: tokio::sync::Mutex::new(()),
            tenant_registration: tokio::sync::Mutex::new(()),
            vault,
            files,
            attaching: tokio::sync::RwLock::new(()),
            uploads: RateLimiter::keyed(
                Quota::per_hour(NonZeroU32::new(UPLOADS_PER_HOUR).unwrap_or(NonZeroU32::MIN))
                    .allow_burst(NonZeroU32::new(UPLOADS_BURST).unwrap_or(NonZeroU32::MIN)),
            ),
            signal_numbering: tokio::sync::Mutex::new(()),
            public_form: RateLimiter::keyed(Quota::per_hour(
                NonZeroU32::new(config.public_signals_per_hour).unwrap_or(NonZeroU32::MIN),
            )),
            receipts,
            checkpoints,
            witnesses,
            assets,
            stopping,
            clock: Clock::default(),
            statistics: Default::default(),
            public_reports: Default::default(),
            descriptions: describe::descriptions(),
            resumed_from: walked,
            snapshots,
            snapshot_key,
            snapshot_after: config.snapshot_after.max(1),
            mail_configured: mailer.is_some(),
            snapshotted: tokio::sync::Mutex::new(walked),
            history_checked,
            on_duty,
        });
        if walked > 0 && !app.history_checked() && app.store.refusal().is_none() {
            tokio::task::spawn_blocking({
                let store = app.store.clone();
                let checked = app.history_checked.clone();
                move || check_history(store.as_ref(), walked, &checked)
            });
        }
        tokio::spawn(keep_snapshots(
            Arc::downgrade(&app),
            committed.clone(),
            app.stopping.clone(),
        ));
        if let Some(mailer) = mailer {
            tokio::spawn(crate::mail::deliver(
                Arc::downgrade(&app),
                mailer,
                app.stopping.clone(),
            ));
        }
        for link in &app.witnesses {
            tokio::spawn(witnessing::follow(
                Arc::downgrade(&app),
                link.clone(),
                committed.clone(),
                app.stopping.clone(),
            ));
        }
        Ok((AppState(app.clone()), StopHandle { tx, app }))
    }

    /// Whether this server does the work done once per installation: the retention sweep, the
    /// sweep of unattached files, e-mail reminders. Always on a data folder; of the servers on
    /// one database, the one that holds its duty lock (see `store::postgres::duty`).
    pub fn on_duty(&self) -> bool {
        *self.on_duty.borrow()
    }

    /// The position of the snapshot this start resumed from; 0 when it walked the whole log.
    pub fn resumed_from(&self) -> u64 {
        self.resumed_from
    }

    /// Whether every event up to the head has been verified since the start (see
    /// [`check_history`]).
    pub fn history_checked(&self) -> bool {
        self.history_checked.load(Ordering::Acquire)
    }

    /// Writes a snapshot when the log has grown by at least `after` events since the newest
    /// one, and says what it wrote. Never of a log that refuses writes: a snapshot of a log
    /// that failed a check would carry the doubt into the next start.
    pub async fn snapshot_if_behind(&self, after: u64) -> anyhow::Result<Option<Snapshotted>> {
        let mut snapshotted = self.snapshotted.lock().await;
        // Of the servers on one database, the one on duty writes the snapshot they share.
        if !self.on_duty()
            || self.store.refusal().is_some()
            || self.head().position < *snapshotted + after
        {
            return Ok(None);
        }
        let started = std::time::Instant::now();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let models = self.models.clone();
        // Copied between two commits, so the models and the log's state are of one head;
        // written after, so appends wait only for the copy.
        self.store.at_rest(Box::new(move |resume| {
            let models = models
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            let _ = tx.send(Snapshot { resume, models });
        }))?;
        let snapshot = rx
            .await
            .context("the log closed before its state could be copied")?;
        let copied = started.elapsed();
        let position = snapshot.position();
        let (place, key) = (self.snapshots.clone(), self.snapshot_key.clone());
        let bytes = tokio::task::spawn_blocking(move || place.write(snapshot, &key))
            .await?
            .context("writing the snapshot")?;
        *snapshotted = position;
        let written = Snapshotted {
            position,
            bytes,
            copied,
            elapsed: started.elapsed(),
        };
        tracing::info!(
            position,
            bytes,
            copy_ms = copied.as_millis() as u64,
            elapsed_ms = written.elapsed.as_millis() as u64,
            "snapshot written"
        );
        Ok(Some(written))
    }

    /// The current read models, unscoped: for the scoped views in this module and for
    /// resolving a session into a principal, never for answering a request directly.
    pub(crate) fn models_unscoped(&self) -> std::sync::RwLockReadGuard<'_, ReadModels> {
        self.models.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// The whole log, for the server's own work (start-up, shutdown, the command line) and
    /// for tests that look behind the API. Request handlers use the scoped methods instead.
    pub fn system_log(&self) -> &Arc<dyn EventStore> {
        &self.store
    }

    /// A copy of every read model, unscoped, like [`Self::system_log`]: for tests and tools.
    pub fn system_models(&self) -> ReadModels {
        self.models_unscoped().clone()
    }

    /// The head of the log: public, so that anyone can note it and verify later.
    pub fn head(&self) -> Head {
        self.store.head()
    }

    /// Whether the log refuses writes (it failed verification, or the server is stopping).
    pub fn read_only(&self) -> bool {
        self.store.refusal().is_some()
    }

    /// Appends events to one stream of the tenant the scope allows writing to, recorded as
    /// caused by the scope's actor.
    pub async fn append(
        &self,
        scope: &TenantWrite,
        stream: StreamId,
        expected: ExpectedVersion,
        events: Vec<NewEvent>,
    ) -> AppResult<AppendOutcome> {
        Ok(self
            .store
            .append(append_request(scope, stream, expected, events))
            .await?)
    }

    /// The one path of a command: loads the aggregate's stream from the log, decides, appends
    /// the events as the scope's actor, and returns the state they leave.
    ///
    /// `read_at` is the stream's version the caller saw: anything appended since answers 409.
    /// Without it the command is decided on the newest state, and decided again on a newer
    /// one when another writer got in first (so two changes to different parts of one plan
    /// both succeed).
    pub async fn execute<A: Aggregate>(
        &self,
        scope: &TenantWrite,
        stream: StreamId,
        read_at: Option<u64>,
        command: A::Command,
        context: &A::Context,
    ) -> AppResult<Executed<A::State>> {
        for _ in 0..RACES_BEFORE_GIVING_UP {
            let (state, version) = self.load::<A>(scope.tenant(), &stream)?;
            let expected = match version {
                0 => ExpectedVersion::NoStream,
                v => ExpectedVersion::Exact(v),
            };
            let decided = A::decide(&state, command.clone(), context);
            if let Some(read) = read_at.filter(|read| *read != version) {
                // Of a stream that does not exist, the aggregate's refusal (no such record)
                // answers before the versions' mismatch.
                if version != 0 || decided.is_ok() {
                    return Err(stale::<A>(scope, stream, context, read, version));
                }
            }
            let events = decided.map_err(Into::into)?;
            if events.is_empty() {
                return Ok(Executed { state, version });
            }
            let encoded = events
                .iter()
                .map(|e| NewEvent::from_set(Uuid::new_v4(), e))
                .collect();
            let request = append_request(scope, stream.clone(), expected, encoded);
            match self.store.append(request).await {
                Ok(outcome) => {
                    return Ok(Executed {
                        state: events.iter().fold(state, A::apply),
                        version: outcome.stream_version,
                    });
                }
                Err(AppendError::WrongExpectedVersion { .. }) if read_at.is_none() => continue,
                Err(AppendError::WrongExpectedVersion { actual, .. }) => {
                    return Err(stale::<A>(scope, stream, context, version, actual));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(AppError::Conflict(antikor_shared::msg!(
            "requests-record-busy"
        )))
    }

    /// An aggregate's state and version, folded from its stream.
    fn load<A: Aggregate>(
        &self,
        tenant: &antikor_shared::TenantId,
        stream: &StreamId,
    ) -> AppResult<(A::State, u64)> {
        let recorded = self.store.read_stream(tenant, stream, 1, usize::MAX)?;
        let mut state = A::State::default();
        for event in &recorded {
            let decoded = crate::codec::UPCASTERS
                .decode_set::<A::Event>(event)
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "stream {stream} holds a {} at position {}, not one of its own events",
                        event.event_type,
                        event.position
                    )
                })?
                .map_err(anyhow::Error::from)?;
            state = A::apply(state, &decoded);
        }
        Ok((state, recorded.last().map_or(0, |e| e.version)))
    }
}

/// The refusal of a command decided on version `read` of a stream that is now at `actual`:
/// the aggregate's own words when it has them.
fn stale<A: Aggregate>(
    scope: &TenantWrite,
    stream: StreamId,
    context: &A::Context,
    read: u64,
    actual: u64,
) -> AppError {
    match A::stale(context, read, actual) {
        Some(rejection) => rejection.into(),
        None => AppendError::WrongExpectedVersion {
            tenant: scope.tenant().clone(),
            stream,
            expected: ExpectedVersion::Exact(read),
            actual,
        }
        .into(),
    }
}

/// One stream's append in the scope's tenant, recorded as caused by the scope's actor.
fn append_request(
    scope: &TenantWrite,
    stream: StreamId,
    expected: ExpectedVersion,
    events: Vec<NewEvent>,
) -> AppendRequest {
    AppendRequest {
        tenant: scope.tenant().clone(),
        stream,
        expected,
        events,
        metadata: Metadata {
            actor: scope.actor().to_owned(),
            correlation_id: Uuid::new_v4(),
            causation_id: None,
        },
    }
}

/// How many files one user may upload in an hour (at most [`UPLOADS_BURST`] at once): a
/// meeting's protocol and a training's lists are a handful, and 10 MB each.
const UPLOADS_PER_HOUR: u32 = 120;
/// How many files one user may upload at once before the hourly rate applies.
const UPLOADS_BURST: u32 = 30;

/// How many times [`App::execute`] decides a command again after losing a race for its
/// stream. Each lost race is another writer's success, so the loop cannot spin on its own;
/// the bound is for writers arriving faster than the log commits. Writers sent at once lose
/// one race each per commit ahead of them, so a small number here (it was 3) turned the
/// fourth of four simultaneous, compatible changes into a 409.
const RACES_BEFORE_GIVING_UP: usize = 32;

/// What a command left: the aggregate's state and its stream's version.
#[derive(Debug, Clone)]
pub struct Executed<S> {
    /// The state after the command's events.
    pub state: S,
    /// The stream's version after them.
    pub version: u64,
}

/// Records what every log starts with, once: the founding tenants, the 2017 plan and the
/// log's signing key.
async fn found(store: &dyn EventStore, checkpoints: &Checkpoints) -> anyhow::Result<()> {
    seed::register_tenants(store)
        .await
        .context("registering the founding tenants")?;
    seed::adopt_plan_2017(store)
        .await
        .context("recording the 2017 plan")?;
    checkpoints
        .record_key(store)
        .await
        .context("recording the log's signing key")
}

/// Walks the history before the snapshot a start resumed from (positions up to `resumed`),
/// which the start did not, and marks the history checked when it agrees with the snapshot. A
/// difference makes the log refuse writes and shows in `/api/health` as damage.
fn check_history(store: &dyn EventStore, resumed: u64, checked: &AtomicBool) {
    let started = std::time::Instant::now();
    match store.check_resumed_history() {
        Ok(None) => {
            checked.store(true, Ordering::Release);
            tracing::info!(
                events = resumed,
                elapsed_ms = started.elapsed().as_millis() as u64,
                "the history before the snapshot is verified"
            );
        }
        Ok(Some(b)) => {
            tracing::error!(%b, "the history before the snapshot failed verification: serving read-only")
        }
        Err(e) => {
            tracing::error!(error = %e, "the history before the snapshot could not be read")
        }
    }
}

/// Folds into `models` the events after the ones they hold, up to `upto`, read from the log.
/// On a log only this server writes they hold every event before a commit's; on PostgreSQL,
/// other servers' commits taken up between the start's walk and its commit hook come this
/// way, and a read that fails leaves the models as they are, to be filled at the next commit.
fn fold_through(models: &mut ReadModels, log: &dyn EventStore, upto: u64) {
    while models.position < upto {
        let wanted = usize::try_from(upto - models.position).unwrap_or(usize::MAX);
        match log.read_all(models.position + 1, wanted.min(1000)) {
            Ok(events) if !events.is_empty() => {
                for e in &events {
                    models.fold(e);
                }
            }
            Ok(_) => return,
            Err(e) => {
                tracing::warn!(error = %e, "reading the events the read models lack failed");
                return;
            }
        }
    }
}

/// What opening the log gives the start: the log, the read models folded from it, the walk's
/// report, and the position the walk went on from (0: the whole log was walked).
type Opened = (Arc<dyn EventStore>, ReadModels, VerifyReport, u64);

/// Opens the sled log in `log_dir`.
async fn open_sled_log(
    log_dir: PathBuf,
    options: StoreOptions,
    snapshots: snapshot::Place,
    key: snapshot::Key,
) -> anyhow::Result<Opened> {
    // One walk of the log verifies the chain, builds the log's indexes and the read models:
    // from the snapshot's head when the log accepts it, else from the start.
    let (store, models, report, walked) = tokio::task::spawn_blocking(move || {
        // The snapshot is read and decoded while the log's files open.
        let snapshot = std::thread::spawn(move || snapshots.read(&key));
        let models = RefCell::new(ReadModels::default());
        let resume = || {
            let read = snapshot
                .join()
                .unwrap_or_else(|_| Err("reading the snapshot panicked".into()));
            match read {
                Ok(Some(s)) => {
                    *models.borrow_mut() = s.models;
                    Some(s.resume)
                }
                Ok(None) => None,
                Err(doubt) => {
                    tracing::warn!(%doubt, "not starting from the snapshot");
                    None
                }
            }
        };
        let mut walked_from = 0;
        let decoder = ReadModels::decode;
        SledStore::open_replaying(
            &log_dir,
            options,
            resume,
            (decoder, &mut |replayed| match replayed {
                Replayed::After(position) => {
                    let mut models = models.borrow_mut();
                    if position != models.position {
                        *models = ReadModels::default();
                    }
                    walked_from = position;
                }
                Replayed::Event(e, typed) => models.borrow_mut().fold_decoded(&e, typed),
            }),
        )
        .map(|(store, report)| (store, models.into_inner(), report, walked_from))
    })
    .await??;
    Ok((Arc::new(store), models, report, walked))
}

/// Opens the log in a PostgreSQL database and folds the read models, checking the chain on the
/// way: from the servers' shared snapshot when the database holds its head, else from the
/// start.
async fn open_postgres_log(
    database: Database,
    anchor: PathBuf,
    snapshots: snapshot::Place,
    key: snapshot::Key,
) -> anyhow::Result<Opened> {
    tokio::task::spawn_blocking(move || -> anyhow::Result<Opened> {
        let snapshot = std::thread::spawn(move || snapshots.read(&key));
        let options = PgOptions {
            anchor_file: Some(anchor),
            ..PgOptions::default()
        };
        let store = PgStore::open_on(database, &options)?;
        let snapshot = match snapshot.join() {
            Ok(Ok(snapshot)) => snapshot,
            Ok(Err(doubt)) => {
                tracing::warn!(%doubt, "not starting from the snapshot");
                None
            }
            Err(_) => None,
        };
        if let Some(mut snapshot) = snapshot {
            let models = &mut snapshot.models;
            let resumed =
                store.replay_after(&snapshot.resume, ReadModels::decode, &mut |e, typed| {
                    models.fold_decoded(&e, typed)
                })?;
            match resumed {
                Some(report) => {
                    let walked = snapshot.position();
                    return Ok((Arc::new(store), snapshot.models, report, walked));
                }
                None => tracing::warn!(
                    position = snapshot.position(),
                    "not starting from the snapshot: the log does not hold its head"
                ),
            }
        }
        let (models, report) = ReadModels::replay(&store, u64::MAX)?;
        Ok((Arc::new(store), models, report, 0))
    })
    .await?
}

/// Writes a snapshot whenever the log has grown past the newest one by the configured number
/// of events, or by a quarter of its size when that is more (so a large log is not copied
/// over and over): checked at start and after commits, until the server stops.
///
/// Appends wait while the state is copied (about a second per million events), so the copy
/// waits for a quiet moment — no commit for [`QUIET`] — unless the log has doubled since the
/// newest snapshot, which bounds what a start after a crash has to fold.
async fn keep_snapshots(
    app: Weak<App>,
    mut committed: watch::Receiver<u64>,
    mut stopping: watch::Receiver<bool>,
) {
    const QUIET: std::time::Duration = std::time::Duration::from_secs(2);
    loop {
        let Some(strong) = app.upgrade() else { return };
        let last = *strong.snapshotted.lock().await;
        let after = strong.snapshot_after.max(last / 4);
        let failed = strong.snapshot_if_behind(after).await.err();
        let urgent = strong.snapshot_after.max(last);
        drop(strong);
        if let Some(e) = failed {
            tracing::warn!(error = %e, "writing a snapshot failed; the next start folds more of the log");
            // A failing disk is not asked again at every commit.
            tokio::select! {
                () = tokio::time::sleep(30 * QUIET) => {}
                _ = stopping.changed() => return,
            }
        }
        // The next commit, then quiet (or a log grown past `urgent`).
        tokio::select! {
            changed = committed.changed() => if changed.is_err() { return },
            _ = stopping.changed() => return,
        }
        loop {
            tokio::select! {
                changed = committed.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    if *committed.borrow() >= last + urgent {
                        break;
                    }
                }
                () = tokio::time::sleep(QUIET) => break,
                _ = stopping.changed() => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_inside_the_data_folder_is_recognised_however_it_is_written() {
        let data = std::path::Path::new("data");
        assert!(key_file_is_inside(&data.join("vault.key"), data));
        assert!(key_file_is_inside(
            std::path::Path::new("./data/vault.key"),
            data
        ));
        assert!(!key_file_is_inside(
            std::path::Path::new("/etc/antikor/vault.key"),
            data
        ));
        assert!(!key_file_is_inside(
            std::path::Path::new("data-keys/vault.key"),
            data
        ));
    }
}
