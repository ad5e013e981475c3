//! Work done from the command line while the server is stopped: creating the first account,
//! registering tenants, rotating the vault's master key, checking a data folder's log without
//! changing it, rebuilding the read models' snapshot, and copying a log between backends.

use crate::access::{TenantRegistrar, TenantWrite};
use crate::app::accounts::NewAccount;
use crate::app::{self, App};
use crate::auth::password;
use crate::projections::ReadModels;
use crate::snapshot::{self, Snapshot};
use crate::store::postgres::{Database, PgOptions, PgStore};
use crate::store::{
    ChainBreak, EventStore, ExpectedVersion, Head, NewEvent, Replayed, SledStore, StoreOptions,
    copy_folder_to_check,
};
use crate::tables::Tables;
use crate::util::errors::AppError;
use crate::vault::{Rotation, Vault};
use antikor_shared::ProvinceCode;
use antikor_shared::account::{Account, Role};
use antikor_shared::ids;
use antikor_shared::signal::VaultKeyRotated;
use antikor_shared::tenant::{RegisterTenant, Tenant};
use antikor_shared::tlog::{self, Hash, TreeHead};
use antikor_shared::{TenantId, Username};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use uuid::Uuid;

/// Creates an account (typically the first regional admin) with the given password, checked
/// against the same policy as in the UI. Recorded as caused by `cli`.
pub async fn create_user(
    app: &App,
    tenant: TenantId,
    username: Username,
    display_name: String,
    role: Role,
    password: String,
) -> anyhow::Result<Account> {
    password::check_policy(&password, &username).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password_hash = app.auth.passwords.hash(password).await?;
    let scope = TenantWrite::system(tenant, "cli");
    let new = NewAccount {
        username,
        display_name,
        role,
        password_hash,
    };
    app.create_account(&scope, new)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// What registering a list of tenants did.
pub struct Registered {
    /// The tenants registered now.
    pub registered: Vec<Tenant>,
    /// How many were registered before.
    pub already: usize,
}

/// The registrations of a province's regional administration and its municipalities from the
/// NSI list (`None`: of every province).
pub fn province_requests(province: Option<&ProvinceCode>) -> Vec<RegisterTenant> {
    let country = antikor_migrations::country::country();
    let mut requests = Vec::new();
    for p in country.provinces() {
        if province.is_some_and(|only| *only != p.code) {
            continue;
        }
        requests.push(RegisterTenant::RegionalAdministration {
            province: p.code.clone(),
        });
        requests.extend(
            country
                .municipalities_of(&p.code)
                .map(|m| RegisterTenant::Municipality {
                    nsi_code: m.nsi_code.to_owned(),
                }),
        );
    }
    requests
}

/// Registers each tenant that is not registered yet, as `cli`; the first refusal other than
/// "registered already" stops the run.
pub async fn register_tenants(
    app: &App,
    requests: Vec<RegisterTenant>,
) -> anyhow::Result<Registered> {
    let registrar = TenantRegistrar::system("cli");
    let mut report = Registered {
        registered: Vec::new(),
        already: 0,
    };
    for request in requests {
        match app.register_tenant(&registrar, request.clone()).await {
            Ok(tenant) => report.registered.push(tenant),
            Err(AppError::Conflict(_)) if is_registered(app, &request) => report.already += 1,
            Err(e) => anyhow::bail!("{e}"),
        }
    }
    Ok(report)
}

/// Whether what a request names is in the directory already (under the slug it would take).
fn is_registered(app: &App, request: &RegisterTenant) -> bool {
    crate::domain::tenants::resolve(request.clone())
        .is_ok_and(|(slug, _)| app.models_unscoped().has_tenant(&slug))
}

/// Rewraps the vault's signal keys under a new master key (see [`Vault::rotate`]), then
/// records `VaultKeyRotated` in the regional administration's log. The server must be
/// stopped: the vault's lock refuses a second opener.
///
/// A crash between the two steps leaves the rotation done but unrecorded; running the
/// command again rotates once more and records it.
pub async fn rotate_vault_key(config: &app::Config) -> anyhow::Result<Rotation> {
    let key_file = config.vault_key_file();
    let database = app::connect(config).await?;
    let tables = app::StatePlace::of(&config.data_dir, database.as_ref()).tables("vault")?;
    let rotation = tokio::task::spawn_blocking(move || Vault::rotate_in(tables, &key_file))
        .await?
        .context("rotating the vault's master key")?;
    let (app, stop) = App::start(config).await?;
    let event = VaultKeyRotated {
        key_id: rotation.key_id.clone(),
        signal_keys: rotation.signal_keys,
    };
    let recorded = app
        .append(
            &TenantWrite::system(ids::regional_tenant(), "cli"),
            crate::streams::vault(),
            ExpectedVersion::Any,
            vec![NewEvent::from_domain(Uuid::new_v4(), &event)],
        )
        .await;
    stop.close_store().await?;
    recorded.map_err(|e| anyhow::anyhow!("recording the rotation: {e}"))?;
    Ok(rotation)
}

/// What `antikor verify` found in a copy of a data folder's log, or in a database's.
pub struct OfflineCheck {
    log: Checked,
    /// Events that linked, from position 1.
    pub records: u64,
    /// The hash chain's head after them.
    pub head_hash: [u8; 32],
    /// The Merkle root of them.
    pub root: Hash,
    /// The first damage found: a broken link, missing or rewritten events, an unreadable file.
    pub first_break: Option<ChainBreak>,
    /// Whether the folder had an anchor file to check the log's length against (a database
    /// has none).
    pub anchored: bool,
}

/// The log `antikor verify` opened.
enum Checked {
    /// A copy of a data folder's log, removed when the check is dropped.
    Copy { store: SledStore, folder: PathBuf },
    /// A PostgreSQL database's log, read where it is.
    Database(PgStore),
}

/// Checks the log of the data folder `data` without changing a byte of it: the log and its
/// anchor are copied to a temporary folder (sled has no read-only open, and its recovery
/// writes to what it opens), and the copy is opened and walked.
pub fn verify_copy(data: &Path) -> anyhow::Result<OfflineCheck> {
    let log_dir = data.join("log");
    let db = std::fs::File::open(log_dir.join("db"))
        .with_context(|| format!("no event log in {}", data.display()))?;
    // Held while copying, so that no server starts writing into what is being copied.
    if db.try_lock().is_err() {
        anyhow::bail!(
            "{} is in use by a running server; stop it first, or read /api/health for the head",
            data.display()
        );
    }
    let copy = std::env::temp_dir().join(format!(
        "antikor-verify-{}-{}",
        std::process::id(),
        Uuid::new_v4().simple()
    ));
    copy_folder_to_check(&log_dir, &copy.join("log"))?;
    let anchor = app::anchor_path(data);
    let anchored = anchor.exists();
    if anchored {
        std::fs::copy(&anchor, app::anchor_path(&copy))?;
    }
    drop(db);
    let options = StoreOptions {
        anchor_file: Some(app::anchor_path(&copy)),
        ..StoreOptions::default()
    };
    let opened = SledStore::open_checked(&copy.join("log"), options);
    let (store, report) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&copy);
            return Err(e).context("opening a copy of the event log");
        }
    };
    let root = Hash(store.head().root);
    Ok(OfflineCheck {
        log: Checked::Copy {
            store,
            folder: copy,
        },
        records: report.records,
        head_hash: report.head_hash,
        root,
        first_break: report.first_break,
        anchored,
    })
}

/// Checks the log in the PostgreSQL database at `url` where it is: every link of the hash
/// chain, then the Merkle tree recomputed from the records against its stored hashes and root
/// (`PgStore::check_tree`). The tables refuse any change, so it only reads.
pub fn verify_database(url: &str) -> anyhow::Result<OfflineCheck> {
    let store =
        PgStore::open(url, PgOptions::default()).context("opening the event log on PostgreSQL")?;
    let report = store.verify()?;
    let first_break = match report.first_break {
        Some(b) => Some(b),
        None => store.check_tree()?,
    };
    Ok(OfflineCheck {
        root: Hash(store.head().root),
        log: Checked::Database(store),
        records: report.records,
        head_hash: report.head_hash,
        first_break,
        anchored: false,
    })
}

impl OfflineCheck {
    /// The opened log.
    pub fn store(&self) -> &dyn EventStore {
        match &self.log {
            Checked::Copy { store, .. } => store,
            Checked::Database(store) => store,
        }
    }

    /// Proves, with a consistency proof, that the log extends the tree head of a checkpoint.
    pub fn check_checkpoint(&self, head: &TreeHead) -> Result<(), String> {
        if head.size > self.records {
            return Err(format!(
                "the checkpoint records {} events but the log holds {}: the log was rolled back or cut",
                head.size, self.records
            ));
        }
        let proof = self
            .store()
            .consistency_proof(head.size, self.records)
            .map_err(|e| e.to_string())?;
        tlog::check_consistency(head.size, head.root, self.records, self.root, &proof)
            .map_err(|e| e.to_string())
    }
}

impl Drop for OfflineCheck {
    fn drop(&mut self) {
        if let Checked::Copy { store, folder } = &self.log {
            let _ = store.close_blocking();
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

/// What `antikor rebuild` did.
pub struct Rebuilt {
    /// Events folded (the log's length when it verified).
    pub events: u64,
    /// How long opening, verifying and folding took.
    pub folded: std::time::Duration,
    /// The first break, when the log failed verification.
    pub first_break: Option<ChainBreak>,
    /// The new snapshot's size.
    pub snapshot_bytes: u64,
}

/// Folds the read models from the whole log, ignoring any snapshot, and writes a fresh one,
/// authenticated under the log's key in `log_key_file` (default `DATA/log.key`), which must
/// exist: the data folder's log and snapshot, or with `database` the database's, which every
/// server on it then starts from. A log that fails verification keeps no snapshot: the next
/// start walks it whole, as this did.
pub fn rebuild(
    data_dir: &Path,
    log_key_file: Option<&Path>,
    database: Option<&str>,
) -> anyhow::Result<Rebuilt> {
    let log_key_file = log_key_file.map_or_else(|| data_dir.join("log.key"), Path::to_owned);
    anyhow::ensure!(
        log_key_file.exists(),
        "the log's key file {} is missing: a snapshot is made under it (--log-key-file)",
        log_key_file.display()
    );
    let key = app::checkpoints::Checkpoints::open(&log_key_file, None)?.snapshot_key();
    let started = std::time::Instant::now();
    let (store, models, report, place): (Box<dyn EventStore>, _, _, _) = match database {
        None => {
            let options = StoreOptions {
                anchor_file: Some(app::anchor_path(data_dir)),
                ..StoreOptions::default()
            };
            let mut models = ReadModels::default();
            let mut fold = |replayed: Replayed| {
                if let Replayed::Event(e, typed) = replayed {
                    models.fold_decoded(&e, typed);
                }
            };
            let (store, report) = SledStore::open_replaying(
                &data_dir.join("log"),
                options,
                || None,
                (ReadModels::decode, &mut fold),
            )
            .with_context(|| format!("opening the event log in {}", data_dir.display()))?;
            let place = snapshot::Place::File(snapshot::path(data_dir));
            (Box::new(store), models, report, place)
        }
        Some(url) => {
            let store = PgStore::open(url, PgOptions::default())
                .context("opening the event log on PostgreSQL")?;
            let (models, report) = ReadModels::replay(&store, u64::MAX)?;
            let table =
                Tables::in_database(store.database().clone(), "snapshots").table("read-models")?;
            (
                Box::new(store),
                models,
                report,
                snapshot::Place::Table(table),
            )
        }
    };
    let mut rebuilt = Rebuilt {
        events: report.records,
        folded: started.elapsed(),
        first_break: report.first_break,
        snapshot_bytes: 0,
    };
    let resume = if rebuilt.first_break.is_none() {
        let (tx, rx) = std::sync::mpsc::channel();
        store.at_rest(Box::new(move |resume| {
            let _ = tx.send(resume);
        }))?;
        Some(
            rx.recv()
                .context("the log closed before its state could be copied")?,
        )
    } else {
        None
    };
    // Closing sled's log hands its last flush to a blocking thread of a runtime.
    tokio::runtime::Builder::new_current_thread()
        .build()?
        .block_on(store.close())?;
    match resume {
        None => place.remove().context("removing the snapshot")?,
        Some(resume) => {
            rebuilt.snapshot_bytes = place
                .write(Snapshot { resume, models }, &key)
                .context("writing the snapshot")?;
        }
    }
    Ok(rebuilt)
}

/// Where `antikor store copy` reads or writes a log: a PostgreSQL database given by its address
/// (`postgres://…`), or a data folder's log.
pub fn open_log(location: &str) -> anyhow::Result<Arc<dyn EventStore>> {
    if is_database(location) {
        // The address is not repeated in the message: it may carry a password.
        let store = PgStore::open(location, PgOptions::default())
            .context("opening the event log on PostgreSQL")?;
        return Ok(Arc::new(store));
    }
    let data = Path::new(location);
    std::fs::create_dir_all(data)
        .with_context(|| format!("creating the data folder {}", data.display()))?;
    let options = StoreOptions {
        anchor_file: Some(app::anchor_path(data)),
        ..StoreOptions::default()
    };
    let store = SledStore::open(&data.join("log"), options)
        .with_context(|| format!("opening the event log in {}", data.display()))?;
    Ok(Arc::new(store))
}

/// What `antikor store copy` copied of the state beside the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopiedState {
    /// Accounts' password hashes.
    pub passwords: u64,
    /// Signals' wrapped keys.
    pub signal_keys: u64,
    /// Signals' encrypted attachments.
    pub attachments: u64,
    /// Evidence files.
    pub files: u64,
    /// Evidence files found damaged and not copied.
    pub damaged_files: u64,
}

/// Copies the state beside the log from one installation's place to another's (each a data
/// folder or `postgres://…`, as for [`open_log`]): the vault as it is (the same key file opens
/// the copy), password hashes, sessions and throttles, the evidence files. Not the snapshot,
/// a cache the destination's first start or `antikor rebuild` makes again. Entries the
/// destination holds under the same keys are replaced, so a copy that stopped is run again
/// whole; a destination whose vault is wrapped under another key is refused first.
pub fn copy_state(from: &str, to: &str) -> anyhow::Result<CopiedState> {
    let open = |location: &str| -> anyhow::Result<Option<Database>> {
        if is_database(location) {
            return Ok(Some(Database::connect(location, 2)?));
        }
        std::fs::create_dir_all(location)
            .with_context(|| format!("creating the data folder {location}"))?;
        Ok(None)
    };
    let (source, destination) = (open(from)?, open(to)?);
    let from = app::StatePlace::of(Path::new(from), source.as_ref());
    let to = app::StatePlace::of(Path::new(to), destination.as_ref());
    let (signal_keys, attachments) =
        Vault::copy(&from.tables("vault")?, &to.tables("vault")?).context("copying the vault")?;
    let passwords =
        crate::auth::secrets::Secrets::copy(&from.tables("secrets")?, &to.tables("secrets")?)
            .context("copying the accounts' secrets")?;
    let (files, damaged_files) = from
        .files()?
        .copy_into(&to.files()?)
        .context("copying the evidence files")?;
    Ok(CopiedState {
        passwords,
        signal_keys,
        attachments,
        files,
        damaged_files,
    })
}

/// Whether `location` names a PostgreSQL database rather than a data folder.
fn is_database(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// What `antikor store copy` did.
#[derive(Debug)]
pub struct Copied {
    /// The events copied by this run.
    pub events: u64,
    /// The events the destination held already (a copy stopped earlier goes on from them).
    pub already: u64,
    /// The destination's head, which is the source's: the same hash and the same Merkle root.
    pub head: Head,
}

/// Records copied per write: each write is one commit of the destination.
const COPY_BATCH: u64 = 1000;

/// Copies the log `from` into `to` record by record, as they are, and proves the copy: the
/// destination's head hash and Merkle root are the source's. The destination must be empty or
/// hold the start of the same log (a copy that stopped), which it goes on from.
pub async fn copy_log(from: &dyn EventStore, to: &dyn EventStore) -> anyhow::Result<Copied> {
    let (source, target) = (from.head(), to.head());
    let another = || {
        anyhow::anyhow!(
            "the destination holds another log ({} events that are not the source's first ones): copy into an empty one",
            target.position
        )
    };
    if target.position > source.position {
        return Err(another());
    }
    if target.position > 0 {
        let at = from
            .get(target.position)?
            .context("the source lacks a record within its head")?;
        if at.hash != hex::encode(target.hash) {
            return Err(another());
        }
    }
    let mut next = target.position + 1;
    while next <= source.position {
        let last = (next + COPY_BATCH - 1).min(source.position);
        let records = (next..=last)
            .map(|position| {
                from.record(position)?
                    .with_context(|| format!("the source lacks the record at position {position}"))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        to.replicate(records)
            .await
            .with_context(|| format!("writing the records {next}–{last} to the destination"))?;
        next = last + 1;
    }
    let head = to.head();
    anyhow::ensure!(
        head.hash == source.hash && head.root == source.root,
        "the copy does not end where the source does (head hash {} and root {}, the source's {} and {}): a record of the source differs from the one its chain was made of",
        hex::encode(head.hash),
        hex::encode(head.root),
        hex::encode(source.hash),
        hex::encode(source.root)
    );
    Ok(Copied {
        events: source.position - target.position,
        already: target.position,
        head,
    })
}
