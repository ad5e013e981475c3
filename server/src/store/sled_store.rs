//! The sled backend of the event log, with group commit and real fsyncs.
//!
//! One writer thread owns every append. It takes all requests waiting in its queue, decides
//! each against the streams' current versions, writes the accepted ones with a single atomic
//! `apply_batch`, then makes them durable with `flush()` followed by `fdatasync` of sled's data
//! file (sled 0.34's own flush stops at `sync_file_range`, which survives a crash of the process
//! but not of the machine). Only then are the appends acknowledged: one disk sync serves every
//! writer that was waiting, which is what keeps throughput up under concurrency.
//!
//! sled holds one key per event (see `keys`); the indexes readers need live in memory
//! (`index`), rebuilt by the start-up walk that verifies the chain.

use super::anchor::{Anchor, AnchorFile, Anchored, Found, JournalEntry};
use super::compress::{self, Packer, Unpacker};
use super::decide::{self, Judgement};
use super::index::{self, Candidate, Entry, Index, IndexBuilder};
use super::keys;
use super::record::{self, GENESIS_HASH};
use super::tree::{self, Frontier};
use super::view::{Recent, View, panic_message};
use super::{
    AppendError, AppendOutcome, AppendRequest, ChainBreak, CommitHook, Decoder, Direction,
    EventStore, Filter, Head, Replayed, Resume, StoreError, VerifyReport,
};
use antikor_shared::events::AnyEvent;
use antikor_shared::tlog::{self, Hash};
use antikor_shared::{EventHeader, RecordedEvent, StreamId, TenantId};
use futures::FutureExt;
use futures::future::BoxFuture;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::{broadcast, oneshot};
use uuid::Uuid;

/// How the store is opened.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Most appends committed by one disk sync.
    pub max_batch: usize,
    /// sled's page cache, in bytes.
    pub cache_bytes: u64,
    /// The anchor file (see `anchor`): keep it outside the log's folder, so that restoring an
    /// older copy of that folder is noticed. `None` puts it inside the folder, as `anchor`.
    pub anchor_file: Option<PathBuf>,
    /// How long the writer waits for more work before it checkpoints the journal (see
    /// `anchor`); `None` checkpoints only when the journal is full or the store closes.
    pub idle_checkpoint: Option<Duration>,
    /// When the writer trains the dictionary it compresses records with (see `compress`);
    /// `None` stores records as they are (a dictionary stored earlier is still used).
    pub compression: Option<compress::Policy>,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            max_batch: 4096,
            // The pages read the newest records and the indexes find the rest by exact key, so
            // a small cache serves them; a start that walks a national log fills whatever the
            // cache may hold (256 MiB held about 330 MiB more after walking 3 M events than
            // 64 MiB, at the same rebuild rate).
            cache_bytes: 64 * 1024 * 1024,
            anchor_file: None,
            idle_checkpoint: Some(Duration::from_millis(50)),
            compression: Some(compress::Policy::default()),
        }
    }
}

type Reply = oneshot::Sender<Result<AppendOutcome, AppendError>>;

struct Job {
    work: Work,
    reply: Reply,
}

/// What a job asks of the writer.
enum Work {
    /// Decide and append new events.
    Append(AppendRequest),
    /// Take a record of another copy of the log as it is (a mirror's replication): its
    /// canonical JSON, which must be the next position and link to the head.
    Replicate(Vec<u8>),
    /// Hand the log's in-memory state to a function between two commits (see
    /// [`EventStore::at_rest`]); the job's reply is not used.
    AtRest(Box<dyn FnOnce(Resume) + Send>),
}

/// The event log on an embedded sled database.
#[derive(Clone)]
pub struct SledStore {
    inner: Arc<Inner>,
}

struct Inner {
    /// The database; the log and all its indexes are in its default tree.
    db: sled::Db,
    /// The commits since the last checkpoint, not yet applied to `db` (see `view`).
    recent: RwLock<Recent>,
    /// The data folder, for messages.
    path: PathBuf,
    /// The writer's queue; `None` once the store is closing.
    queue: RwLock<Option<mpsc::Sender<Job>>>,
    /// The writer thread, joined on close.
    writer: Mutex<Option<JoinHandle<()>>>,
    /// Newest durable record, updated by the writer after each sync. Readers never look
    /// past it, so they see only durable events.
    head: RwLock<Head>,
    /// Positions by id, stream, tenant and type, of the verified, durable part of the log.
    index: RwLock<Index>,
    /// Set when verification found a break or a write failed: from then on writes are refused.
    refusal: RwLock<Option<StoreError>>,
    /// The size the log was anchored at when it was opened (see `anchor`): more than the head
    /// when acknowledged events are missing.
    anchored: u64,
    /// The head of the resume point the log was opened from, whose history the opening did not
    /// walk (see [`EventStore::check_resumed_history`]).
    resumed: Option<Head>,
    /// Live feed of committed events.
    feed: broadcast::Sender<Arc<RecordedEvent>>,
    /// Called with every committed batch before it is acknowledged.
    hooks: RwLock<Vec<CommitHook>>,
    /// The dictionaries compressed records are read with.
    unpacker: Arc<Unpacker>,
    /// The events read last, decoded (see [`Inner::event`]).
    events: EventCache,
}

/// Decoded events by position, sized by [`EVENT_CACHE_BYTES`].
type EventCache = quick_cache::sync::Cache<u64, RecordedEvent, EventWeight>;

/// About how much the decoded events kept for single reads take: the newest pages of the
/// audit trail of every tenant and the records their sentences name (some 40,000 events of
/// the national mix).
const EVENT_CACHE_BYTES: u64 = 32 << 20;

/// An event's weight in the cache: its payload, and about what its header and its entry take
/// besides.
#[derive(Clone)]
struct EventWeight;

impl quick_cache::Weighter<u64, RecordedEvent> for EventWeight {
    fn weight(&self, _: &u64, event: &RecordedEvent) -> u64 {
        event.payload.get().len() as u64 + 256
    }
}

/// An empty [`EventCache`].
fn event_cache() -> EventCache {
    EventCache::with_weighter(
        (EVENT_CACHE_BYTES / 800) as usize,
        EVENT_CACHE_BYTES,
        EventWeight,
    )
}

impl SledStore {
    /// Opens (or creates) the log in `dir`. Fails at once when another process has it open.
    ///
    /// Opening walks the whole log, verifying the chain and building the indexes; a break
    /// makes the store refuse writes (see [`EventStore::refusal`]).
    pub fn open(dir: &Path, options: StoreOptions) -> Result<Self, StoreError> {
        Self::open_inner(dir, options, || None, None).map(|(store, _)| store)
    }

    /// Opens the log like [`open`](Self::open), and says what the walk found: how far the
    /// chain links and where it first breaks.
    pub fn open_checked(
        dir: &Path,
        options: StoreOptions,
    ) -> Result<(Self, VerifyReport), StoreError> {
        Self::open_inner(dir, options, || None, None)
    }

    /// Opens the log like [`open`](Self::open) and hands every verified event to `visit` during
    /// the same walk, so a server's read models are rebuilt without reading the log twice.
    ///
    /// With a `resume` point the log accepts (its record, chain hash and Merkle root are the
    /// log's at that position, and the anchor reaches it), the walk starts after it and the
    /// store takes its indexes from it; [`EventStore::check_resumed_history`] then checks the
    /// history before it. `visit` is first told where the walk starts ([`Replayed::After`]),
    /// and is handed each event with what `decoder` made of it on the walk's reading threads.
    /// `resume` is asked for the resume point once the files are open, so that whatever reads
    /// it (a snapshot) can do so while they open.
    pub fn open_replaying(
        dir: &Path,
        options: StoreOptions,
        resume: impl FnOnce() -> Option<Resume>,
        (decoder, visit): (Decoder, &mut dyn FnMut(Replayed)),
    ) -> Result<(Self, VerifyReport), StoreError> {
        Self::open_inner(dir, options, resume, Some((decoder, visit)))
    }

    fn open_inner(
        dir: &Path,
        options: StoreOptions,
        resume: impl FnOnce() -> Option<Resume>,
        visit: Option<(Decoder, &mut dyn FnMut(Replayed))>,
    ) -> Result<(Self, VerifyReport), StoreError> {
        let created = !dir.join("db").exists();
        std::fs::create_dir_all(dir)?;
        let (db, data_dir, open_failure) = match open_guarded(dir, options.cache_bytes) {
            Ok(db) => (db, dir.to_owned(), None),
            Err(StoreError::Locked(path)) => return Err(StoreError::Locked(path)),
            Err(failure) => {
                let (db, copy) = open_damaged(dir, options.cache_bytes, &failure)?;
                (db, copy, Some(failure))
            }
        };
        let data_file = File::open(data_dir.join("db"))?;
        if created {
            // A new database is durable only once its files' directory entries are.
            db.flush()?;
            File::open(dir.join("conf"))?.sync_all()?;
            data_file.sync_all()?;
            super::durable::sync_new_dir(dir)?;
        }
        let anchor_path = options
            .anchor_file
            .clone()
            .unwrap_or_else(|| dir.join("anchor"));
        let (mut anchor_file, anchored) = AnchorFile::open(&anchor_path)?;
        // On damaged files any read or write of sled may fail, or panic inside sled: that is
        // damage to report, never a reason not to open (auditors keep reading what is left).
        let (replayed, unreplayable) = match guarded("taking the journal's commits again", || {
            replay_journal(&db, &anchored.journal)
        }) {
            Ok(replayed) => (replayed, None),
            Err(e) => (0, Some(e)),
        };
        let (mut head, unreadable_head) =
            match guarded("reading the log's head marker", || read_head(&db)) {
                Ok(head) => (head, None),
                Err(e) => (Head::default(), Some(e)),
            };
        let acknowledged = anchored.acknowledged();
        let (index, mut report, scan) =
            scan(&db, &head, acknowledged.map(|a| a.size), resume(), visit)?;
        if let Some(e) = unreadable_head {
            report.first_break = Some(ChainBreak {
                position: report.records + 1,
                reason: format!("the database cannot read the log's head marker ({e})"),
            });
        }
        if let Some(e) = unreplayable {
            report.first_break = Some(ChainBreak {
                position: report.records + 1,
                reason: format!(
                    "the database cannot take the acknowledged commits of the anchor's journal again ({e})"
                ),
            });
        }
        if let Some(failure) = open_failure {
            report.first_break = Some(ChainBreak {
                position: report.records + 1,
                reason: format!(
                    "the database reports damage ({failure}); serving the {} events a copy of it still holds",
                    report.records
                ),
            });
        }
        if report.first_break.is_none() {
            report.first_break = judge_anchor(&anchored, report.records, &scan);
        }
        let frontier = scan.frontier;
        let expected_size = acknowledged
            .map_or(0, |a| a.size)
            .max(head.position)
            .max(report.records);
        if report.first_break.is_none() {
            let current = Anchor {
                size: report.records,
                root: frontier.root().0,
                chain: report.head_hash,
            };
            let checkpoint = anchored.found != Found::Anchor(current) || anchor_file.has_journal();
            // A checkpoint claims that sled holds `current` durably: make it so first. On
            // damaged files sled may fail to write (or panic) where it read well enough: the
            // log then takes no new events, but stays readable.
            let stored = guarded("storing the verified log", || {
                if !scan.repairs.is_empty() {
                    // Older logs had no tree on disk, and a damaged tree chunk is rebuilt from
                    // the leaves, which the chain has just verified.
                    if !created && scan.repairs.len() < report.records as usize {
                        tracing::warn!(
                            chunks = scan.repairs.len(),
                            "rewriting Merkle tree hashes that were missing or differed from the verified leaves"
                        );
                    }
                    let mut batch = sled::Batch::default();
                    for (first, hashes) in scan.repairs {
                        batch.insert(&keys::tree(first), hashes);
                    }
                    db.apply_batch(batch)?;
                }
                if checkpoint {
                    db.flush()?;
                }
                Ok(())
            });
            match stored {
                Err(e) => {
                    report.first_break = Some(ChainBreak {
                        position: report.records + 1,
                        reason: format!(
                            "the database cannot store the log it holds ({e}): it is damaged, and takes no new events"
                        ),
                    });
                }
                Ok(()) if checkpoint => {
                    if anchored.found == Found::Missing && report.records > 0 {
                        tracing::warn!(path = %anchor_path.display(), events = report.records, "the log had no anchor file: anchoring it as it is now");
                    }
                    if replayed > 0 {
                        tracing::info!(
                            commits = replayed,
                            "applied commits from the anchor's journal that the database had not kept"
                        );
                    }
                    data_file.sync_data()?;
                    anchor_file.checkpoint(&current)?;
                }
                Ok(()) => {}
            }
        }
        if report.first_break.is_some() {
            // Readers are served the verified part only: past it, the head marker (or a commit
            // the journal gave back) may name records the database no longer has.
            head.position = report.records;
            head.hash = report.head_hash;
        }
        head.recorded_at = read_event(
            &View::sled(&db),
            index.chunk_of(head.position),
            head.position,
        )
        .ok()
        .flatten()
        .map(|e| e.recorded_at);
        head.root = frontier.root().0;
        let scan_break = report.first_break.clone();
        let (feed, _) = broadcast::channel(4096);
        let inner = Arc::new(Inner {
            db,
            recent: RwLock::new(Recent::default()),
            path: data_dir,
            queue: RwLock::new(None),
            writer: Mutex::new(None),
            head: RwLock::new(head),
            index: RwLock::new(index),
            refusal: RwLock::new(scan_break.map(StoreError::ChainBroken)),
            anchored: expected_size,
            resumed: scan.resumed,
            feed,
            hooks: RwLock::new(Vec::new()),
            unpacker: Arc::default(),
            events: event_cache(),
        });
        let (tx, rx) = mpsc::channel();
        let writer = Writer {
            inner: inner.clone(),
            data_file,
            anchor: anchor_file,
            head,
            frontier,
            max_batch: options.max_batch.max(1),
            idle_checkpoint: options.idle_checkpoint,
            packer: Packer::new(options.compression, newest_dictionary(&inner.db)),
            // A chunk written before the writer started is left as it is: the first commit
            // opens the next.
            open: OpenChunk::default(),
        };
        let handle = std::thread::Builder::new()
            .name("antikor-log-writer".into())
            .spawn(move || writer.run(rx))?;
        *inner.queue.write().unwrap() = Some(tx);
        *inner.writer.lock().unwrap() = Some(handle);
        Ok((Self { inner }, report))
    }

    /// Appends and waits without an async runtime (command-line tools, tests).
    pub fn append_blocking(&self, request: AppendRequest) -> Result<AppendOutcome, AppendError> {
        let rx = self.submit(request)?;
        rx.blocking_recv()
            .map_err(|_| AppendError::Store(StoreError::Closing))?
    }

    /// Closes without an async runtime.
    pub fn close_blocking(&self) -> Result<(), StoreError> {
        self.inner.queue.write().unwrap().take();
        if let Some(handle) = self.inner.writer.lock().unwrap().take() {
            handle
                .join()
                .map_err(|_| StoreError::Io("the log writer panicked".into()))?;
        }
        self.inner.db.flush()?;
        File::open(self.inner.path.join("db"))?.sync_data()?;
        Ok(())
    }

    fn submit(
        &self,
        mut request: AppendRequest,
    ) -> Result<oneshot::Receiver<Result<AppendOutcome, AppendError>>, AppendError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal.into());
        }
        decide::validate(&mut request)?;
        let (reply, rx) = oneshot::channel();
        let queue = self.inner.queue.read().unwrap();
        let sender = queue.as_ref().ok_or(StoreError::Closing)?;
        sender
            .send(Job {
                work: Work::Append(request),
                reply,
            })
            .map_err(|_| StoreError::Closing)?;
        Ok(rx)
    }

    /// [`EventStore::replicate`], waiting without an async runtime.
    pub fn replicate_blocking(&self, records: Vec<Vec<u8>>) -> Result<u64, AppendError> {
        let mut head = self.head().position;
        for rx in self.submit_replicas(records)? {
            head = rx
                .blocking_recv()
                .map_err(|_| AppendError::Store(StoreError::Closing))??
                .last_position;
        }
        Ok(head)
    }

    /// Queues records copied from another copy of this log (see `Work::Replicate`), in order.
    fn submit_replicas(
        &self,
        records: Vec<Vec<u8>>,
    ) -> Result<Vec<oneshot::Receiver<Result<AppendOutcome, AppendError>>>, AppendError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal.into());
        }
        let queue = self.inner.queue.read().unwrap();
        let sender = queue.as_ref().ok_or(StoreError::Closing)?;
        records
            .into_iter()
            .map(|record| {
                let (reply, rx) = oneshot::channel();
                sender
                    .send(Job {
                        work: Work::Replicate(record),
                        reply,
                    })
                    .map_err(|_| StoreError::Closing)?;
                Ok(rx)
            })
            .collect()
    }

    /// The events at `positions` (chosen from the index, so every one is wanted).
    fn read_positions(&self, positions: Vec<u64>) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut out = Vec::with_capacity(positions.len());
        for position in positions {
            if let Some(event) = self.get(position)? {
                out.push(event);
            }
        }
        Ok(out)
    }

    /// A replay's walk of the durable log up to `upto`: records past the head may be
    /// mid-commit, and what lay past it at start-up was judged by `scan`. A break refuses
    /// writes.
    fn replay_walk(
        &self,
        upto: u64,
        walk: (Depth, &mut dyn FnMut(Walked, bool) -> Result<(), String>),
    ) -> Result<VerifyReport, StoreError> {
        let head = self.head();
        let end = upto.min(head.position);
        let (records, last, mut first_break) =
            walk_chain(&self.inner.view(), (0, GENESIS_HASH), 1, end, None, walk)?;
        if first_break.is_none() && end == head.position {
            first_break = head_mismatch(records, &last, &head);
        }
        if let Some(b) = &first_break {
            *self.inner.refusal.write().unwrap() = Some(StoreError::ChainBroken(b.clone()));
        }
        Ok(VerifyReport {
            records,
            head_hash: last,
            first_break,
        })
    }
}

impl Inner {
    /// What readers see: sled with the commits since the last checkpoint over it.
    fn view(&self) -> View<'_> {
        View::new(
            &self.db,
            self.recent.read().unwrap().clone(),
            self.unpacker.clone(),
        )
    }

    /// The first position of the chunk that stores the indexed `position`.
    fn chunk_of(&self, position: u64) -> Option<u64> {
        self.index.read().unwrap().chunk_of(position)
    }

    /// The event at the indexed, durable `position`, decoded once and then kept for the reads
    /// that come back to it: a durable event never changes, and the same pages (the newest of
    /// the audit trail) and records (those their sentences name) are read over and over.
    fn event(&self, position: u64) -> Result<Option<RecordedEvent>, StoreError> {
        if let Some(event) = self.events.get(&position) {
            return Ok(Some(event));
        }
        let event = read_event(&self.view(), self.chunk_of(position), position)?;
        if let Some(event) = &event {
            self.events.insert(position, event.clone());
        }
        Ok(event)
    }

    /// Runs `read` on the stored bytes of the record at `position`, if it is indexed.
    fn with_record<T>(
        &self,
        position: u64,
        read: impl FnOnce(&[u8]) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        with_record(&self.view(), self.chunk_of(position), position, read)
    }
}

/// Opens sled, turning a panic of its recovery (which damaged files can cause) into an error.
fn open_guarded(dir: &Path, cache_bytes: u64) -> Result<sled::Db, StoreError> {
    guarded("the database's recovery", || open_sled(dir, cache_bytes))
}

/// Runs a call into sled, turning a panic inside sled into [`StoreError::Corrupt`]: sled 0.34
/// asserts on states that only damaged files produce ("tried to serialize Uninitialized"),
/// and such damage must be reported, not take the process down.
fn guarded<T>(what: &str, call: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).unwrap_or_else(|panic| {
        Err(StoreError::Corrupt {
            position: 0,
            detail: format!(
                "{what} failed inside the database: {}",
                panic_message(panic.as_ref())
            ),
        })
    })
}

/// When sled cannot open a damaged log, opens a copy of it beside the folder
/// (`<folder>.damaged-copy`), so that what can still be read is served read-only and the
/// folder itself is left as evidence. sled 0.34 has no read-only open and its recovery writes
/// to the files it reads. Falls back to the copy without its snapshot (sled then rebuilds from
/// its log), and at last to an empty log: the server still starts and says what is wrong.
fn open_damaged(
    dir: &Path,
    cache_bytes: u64,
    failure: &StoreError,
) -> Result<(sled::Db, PathBuf), StoreError> {
    tracing::error!(error = %failure, dir = %dir.display(), "sled cannot open the event log; serving a copy read-only");
    let mut copy = dir.as_os_str().to_owned();
    copy.push(".damaged-copy");
    let copy = PathBuf::from(copy);
    for without_snapshot in [false, true] {
        copy_folder(dir, &copy, without_snapshot)?;
        if let Ok(db) = open_guarded(&copy, cache_bytes) {
            return Ok((db, copy));
        }
    }
    if copy.exists() {
        std::fs::remove_dir_all(&copy)?;
    }
    std::fs::create_dir_all(&copy)?;
    Ok((open_sled(&copy, cache_bytes)?, copy))
}

/// Copies a sled folder (files and `blobs/`), replacing `to`.
pub fn copy_folder(from: &Path, to: &Path, without_snapshot: bool) -> Result<(), StoreError> {
    copy_sled_folder(from, to, without_snapshot, false)
}

/// Copies a sled folder for a check that opens the copy instead of the folder (sled has no
/// read-only open) and then removes it, replacing `to`. The files of `blobs/` are linked
/// where the file system allows it, which makes the copy of a national log seconds faster:
/// sled never writes into a blob file it has written (it reads them, creates new ones with
/// `create_new`, and deletes them), so nothing the copy's sled does reaches the folder's.
pub fn copy_folder_to_check(from: &Path, to: &Path) -> Result<(), StoreError> {
    copy_sled_folder(from, to, false, true)
}

fn copy_sled_folder(
    from: &Path,
    to: &Path,
    without_snapshot: bool,
    link_blobs: bool,
) -> Result<(), StoreError> {
    if to.exists() {
        std::fs::remove_dir_all(to)?;
    }
    std::fs::create_dir_all(to)?;
    let blobs = from.file_name().is_some_and(|name| name == "blobs");
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let skip = without_snapshot && name.to_string_lossy().starts_with("snap.");
        if skip {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if entry.file_type()?.is_dir() {
            copy_sled_folder(&source, &target, false, link_blobs)?;
        } else if !(blobs && link_blobs && std::fs::hard_link(&source, &target).is_ok()) {
            std::fs::copy(source, target)?;
        }
    }
    Ok(())
}

/// How long an open waits for a lock that is only briefly held (see `open_sled`).
const LOCK_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// Opens sled, reporting another holder of the folder as [`StoreError::Locked`].
///
/// sled's lock is an `flock`, which a child process shares between `fork` and `exec`: a
/// store closed while another thread spawns a process can stay locked for a moment. So a
/// lock is retried for [`LOCK_GRACE`] before it counts as another process's.
pub(crate) fn open_sled(dir: &Path, cache_bytes: u64) -> Result<sled::Db, StoreError> {
    let deadline = std::time::Instant::now() + LOCK_GRACE;
    loop {
        match sled::Config::new()
            .path(dir)
            .cache_capacity(cache_bytes)
            // Every database here makes itself durable when it must (the log at checkpoints,
            // the small ones on each write); sled's own timed flush would only compete with
            // those fsyncs for the disk.
            .flush_every_ms(None)
            .open()
        {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(io))
                if io.kind() == std::io::ErrorKind::WouldBlock
                    || io.to_string().contains("lock") =>
            {
                if std::time::Instant::now() >= deadline {
                    return Err(StoreError::Locked(dir.display().to_string()));
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(other) => return Err(other.into()),
        }
    }
}

/// The log's newest compression dictionary, if it has one; one it cannot read is as none (the
/// records that need it are then found unreadable by the walk).
fn newest_dictionary(db: &sled::Db) -> Option<(u32, sled::IVec)> {
    let (key, value) = db
        .scan_prefix([keys::DICTIONARY])
        .next_back()
        .and_then(Result::ok)?;
    let id = u32::from_be_bytes(key.get(1..5)?.try_into().ok()?);
    Some((id, value))
}

fn read_head(db: &sled::Db) -> Result<Head, StoreError> {
    let Some(v) = db.get(keys::HEAD)? else {
        return Ok(Head::default());
    };
    let corrupt = || StoreError::Corrupt {
        position: 0,
        detail: "the head marker is damaged".into(),
    };
    let (pos, hash) = v.split_first_chunk::<8>().ok_or_else(corrupt)?;
    let hash: [u8; 32] = hash.try_into().map_err(|_| corrupt())?;
    Ok(Head {
        position: u64::from_be_bytes(*pos),
        hash,
        recorded_at: None,
        root: [0; 32],
    })
}

/// The stored record at `position`, found in the chunk that starts at `chunk`.
fn read_event(
    view: &View,
    chunk: Option<u64>,
    position: u64,
) -> Result<Option<RecordedEvent>, StoreError> {
    let corrupt = |detail: String| StoreError::Corrupt { position, detail };
    with_record(view, chunk, position, |record| {
        record::decode(position, record).map_err(corrupt)
    })
}

/// Runs `read` on the stored bytes of the record at `position`, if there is one.
pub(super) fn with_record<T>(
    view: &View,
    chunk: Option<u64>,
    position: u64,
    read: impl FnOnce(&[u8]) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let Some(first) = chunk.filter(|first| (1..=position).contains(first)) else {
        return Ok(None);
    };
    let Some(stored) = view.get(&keys::log(first))? else {
        return Err(StoreError::Corrupt {
            position,
            detail: format!("the chunk that starts at {first} is missing"),
        });
    };
    let (records, index) = view
        .records_from(first, &stored, (position - first) as usize)
        .map_err(|detail| StoreError::Corrupt { position, detail })?;
    match keys::records(&records).nth(index) {
        Some(Ok(record)) => {
            let record = view
                .unpack(record)
                .map_err(|detail| StoreError::Corrupt { position, detail })?;
            read(&record).map(Some)
        }
        Some(Err(())) => Err(StoreError::Corrupt {
            position,
            detail: "the chunk's framing is damaged".into(),
        }),
        None => Ok(None),
    }
}

/// The decompressed bytes of the chunks checked and decoded together (some 8,000 records of
/// the national mix): large enough to keep every core busy, small enough to keep a batch's
/// events (a few MB) in memory.
const WALK_BATCH_BYTES: usize = 4 << 20;

/// What the start-up walk learns of the Merkle tree.
#[derive(Default)]
struct TreeScan {
    /// The head of the resume point the walk started from.
    resumed: Option<Head>,
    /// The tree of the records that linked.
    frontier: Frontier,
    /// The anchored size, and the root found at that size.
    anchor_size: Option<u64>,
    root_at_anchor: Option<Hash>,
    /// Tree chunks missing or differing from what the leaves give, to be (re)written.
    repairs: Vec<(u64, Vec<u8>)>,
}

impl TreeScan {
    /// Adds the records of one chunk, in order, and checks the chunk's stored tree hashes
    /// when they are all of its records (`whole`: a walk that starts inside a chunk has not
    /// seen the hashes its earlier records stored).
    fn add_chunk(&mut self, view: &View, first: u64, leaves: &[Hash], whole: bool) {
        let mut hashes = Vec::with_capacity(leaves.len() / 4 + 1);
        for leaf in leaves {
            hashes.extend_from_slice(tree::stored(&self.frontier.push(*leaf)));
            if Some(self.frontier.size()) == self.anchor_size {
                self.root_at_anchor = Some(self.frontier.root());
            }
        }
        if !whole {
            return;
        }
        let expected = tree::encode(&hashes);
        // A stored chunk sled cannot read (its blob file lost to damage) is rebuilt like a
        // missing one: the leaves just verified say what it must hold, and whether the log
        // itself is whole is for the chain and the anchor to judge, not for this read to abort.
        let stored = view.get(&keys::tree(first)).ok().flatten();
        if stored.as_deref() != Some(&expected[..]) {
            self.repairs.push((first, expected));
        }
    }
}

/// Walks the log from the position after `after` (whose hash is `prev`; 0 and the genesis hash
/// for the whole log), reading from the chunk that starts at `from_chunk` (the one that holds
/// `after` when it has grown past it, or any before), to `end` (inclusive), checking that positions are gapless and that every
/// record links to its predecessor, and hands each linked record, decoded, to `visit` in order,
/// saying whether it is the first of its chunk. Returns the number of records that linked, the
/// last linked hash, and the first break. With `tree`, also builds the Merkle tree of the
/// linked records and checks the stored tree hashes of every whole chunk. `depth` says how much
/// of each record the visitor is given (nothing for [`Depth::Links`]).
///
/// Each record's link can be checked on its own (its predecessor's hash is stored in front of
/// the predecessor), so a second thread reads batches of records and checks and decodes each
/// batch on every core, while this one visits the batch before it: reading, hashing and
/// decoding overlap the sequential visits. A read that sled reports as corrupt is a break at
/// that position: the walk keeps what it read before.
fn walk_chain(
    view: &View,
    (after, prev): (u64, [u8; 32]),
    from_chunk: u64,
    end: u64,
    tree: Option<&mut TreeScan>,
    (depth, visit): (Depth, &mut dyn FnMut(Walked, bool) -> Result<(), String>),
) -> Result<(u64, [u8; 32], Option<ChainBreak>), StoreError> {
    let shape = BatchShape {
        depth,
        leaves: tree.is_some(),
        end,
    };
    std::thread::scope(|scope| {
        // One batch ahead: enough to keep both sides busy, little held in memory.
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        // Visited batches come back to be filled again: a batch is megabytes, and a fresh
        // one for each was new pages faulted in and written for the first time, every batch.
        let (spent_tx, spent_rx) = std::sync::mpsc::sync_channel(2);
        scope.spawn(move || read_batches(view, (after, prev), from_chunk, shape, (tx, spent_rx)));
        Ok(visit_batches(
            view,
            (after, prev),
            end,
            (rx, spent_tx),
            tree,
            visit,
        ))
    })
}

/// How much of each record a walk hands its visitor, beyond checking that it links.
#[derive(Debug, Clone, Copy)]
enum Depth {
    /// Nothing: the walk only checks.
    Links,
    /// The envelope, for a visitor that needs no more (the log's indexes): the rest of the
    /// record is not parsed.
    Envelopes,
    /// The whole event.
    Events,
    /// The event's header, and what the decoder makes of its payload, decoded on every core.
    Headers(Decoder),
}

/// What a walk hands its visitor of one linked record.
enum Walked {
    /// Its envelope.
    Envelope(record::Enveloped),
    /// Its event.
    Event(RecordedEvent),
    /// Its header, and what the walk's decoder made of its payload.
    Header(EventHeader, Option<AnyEvent>),
}

impl Walked {
    /// What the log's indexes take of the record.
    fn entry(&self) -> Entry<'_> {
        let (position, id, tenant, stream, event_type) = match self {
            Walked::Envelope(enveloped) => return enveloped.envelope(),
            Walked::Event(e) => (
                e.position,
                e.id,
                &e.tenant,
                &e.stream,
                e.event_type.as_str(),
            ),
            Walked::Header(h, _) => (
                h.position,
                h.id,
                &h.tenant,
                &h.stream,
                h.event_type.as_ref(),
            ),
        };
        Entry {
            position,
            id,
            tenant: tenant.as_str(),
            stream: stream.as_str(),
            event_type,
        }
    }
}

/// A visitor that takes nothing.
fn unvisited(_: Walked, _: bool) -> Result<(), String> {
    Ok(())
}

/// What the walk's reader makes of each record.
#[derive(Clone, Copy)]
struct BatchShape {
    /// What the visitor is given.
    depth: Depth,
    /// Compute Merkle leaf hashes (for the tree).
    leaves: bool,
    /// The last position to read.
    end: u64,
}

/// The records of one chunk in a batch.
struct Span {
    /// The chunk's first position.
    first: u64,
    /// How many of its records the batch holds.
    count: usize,
    /// Whether those are all of its records.
    whole: bool,
}

/// A record checked by the walk's reader: its hash, position, what the visitor is given of it,
/// and its leaf hash.
type Linked = ([u8; 32], u64, Option<Walked>, Option<Hash>);

/// A batch of whole chunks, checked.
struct Batch {
    /// Each record, in order: linked, or the break it is.
    linked: Vec<Result<Linked, ChainBreak>>,
    /// The chunks the records are of, in order.
    spans: Vec<Span>,
    /// Where a chunk's framing is damaged, if one is.
    framing: Option<u64>,
    /// The missing or unreadable chunk that ended the batch, if one did.
    gap: Option<ChainBreak>,
    /// Nothing follows: the log or the walk ends here.
    last: bool,
}

/// The chunks of one batch, read from sled in order and framed (each with the position it
/// starts at), and why the reading stopped early, if sled could not read the next one.
struct Fetched {
    framed: Vec<(u64, Result<Framed, String>)>,
    unreadable: Option<String>,
}

/// Reads stored chunks from `chunks`, in order, until they hold [`WALK_BATCH_BYTES`] of
/// records, a chunk starts past `end`, or the log ends; then decompresses and frames them on
/// every core.
fn fetch_batch(
    view: &View,
    chunks: &mut (dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>> + Send),
    end: u64,
) -> Fetched {
    let mut stored = Vec::new();
    let mut unreadable = None;
    let mut bytes = 0;
    while bytes < WALK_BATCH_BYTES {
        match chunks.next() {
            None => break,
            Some(Ok((k, chunk))) => {
                let first = keys::position(&k).unwrap_or(0);
                if first > end {
                    break;
                }
                bytes += compress::unpacked_len(&chunk);
                stored.push((first, chunk));
            }
            Some(Err(e)) => {
                unreadable = Some(format!("the database could not read the record ({e})"));
                break;
            }
        }
    }
    let framed = stored
        .par_iter()
        .map(|(first, chunk)| (*first, Framed::of(view, chunk)))
        .collect();
    Fetched { framed, unreadable }
}

/// A chunk of a batch decompressed, with where each of its records lies in it and, when its
/// framing is damaged, the index of the first record it cannot frame.
struct Framed {
    chunk: compress::Chunk,
    records: Vec<std::ops::Range<usize>>,
    damaged: Option<usize>,
}

impl Framed {
    /// Decompresses a stored chunk and frames its records (on the walk's workers: framing
    /// touches every record, which on the reader's one thread left a core idle).
    fn of(view: &View, stored: &sled::IVec) -> Result<Self, String> {
        let chunk = view.unpack_chunk(stored)?;
        // Each record is a slice of the chunk: its place is its distance from the start.
        let base = chunk.as_ptr() as usize;
        let mut records = Vec::with_capacity(64);
        let mut damaged = None;
        for (i, r) in keys::records(&chunk).enumerate() {
            match r {
                Ok(record) => {
                    let at = record.as_ptr() as usize - base;
                    records.push(at..at + record.len());
                }
                Err(()) => damaged = Some(i),
            }
        }
        Ok(Self {
            chunk,
            records,
            damaged,
        })
    }
}

/// The walk's reader: reads batches of chunks from the one that starts at `from_chunk` (at or
/// before the record after `after`), decompresses and frames them on every core, checks that
/// they follow each other without gaps, links and decodes their records on every core while
/// it reads and frames the next batch, and sends the batches on until the end, a gap, or a
/// visitor that stopped listening.
fn read_batches(
    view: &View,
    (after, mut prev): (u64, [u8; 32]),
    from_chunk: u64,
    shape: BatchShape,
    (tx, spent): (
        std::sync::mpsc::SyncSender<Batch>,
        std::sync::mpsc::Receiver<Vec<Result<Linked, ChainBreak>>>,
    ),
) {
    let end = shape.end;
    let mut expected = after + 1;
    let mut chunks = view.range(&keys::log(from_chunk.min(expected)), &keys::log(u64::MAX));
    let mut fetched = fetch_batch(view, &mut chunks, end);
    loop {
        let Fetched { framed, unreadable } = fetched;
        // Each chunk must start where the one before it ends; only the walk's first chunk may
        // start before the walk does (a resume point inside the writer's open chunk).
        let mut batch: Vec<(Framed, usize)> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut records = 0usize;
        let mut gap = None;
        let mut framing = None;
        for (first, chunk) in framed {
            let at = expected + records as u64;
            let skip = if first <= at && at == after + 1 {
                (at - first) as usize
            } else if first != at {
                let reason = format!("the record is missing (the next stored one is {first})");
                gap = Some(ChainBreak {
                    position: at,
                    reason,
                });
                break;
            } else {
                0
            };
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(reason) => {
                    gap = Some(ChainBreak {
                        position: at,
                        reason,
                    });
                    break;
                }
            };
            if let Some(i) = chunk.damaged {
                framing = Some((first + i as u64).max(at));
            }
            let count = chunk.records.len().saturating_sub(skip);
            if count > 0 {
                spans.push(Span {
                    first,
                    count,
                    whole: skip == 0 && framing.is_none(),
                });
                records += count;
                batch.push((chunk, skip));
            }
            if framing.is_some() {
                break;
            }
        }
        if let (None, Some(reason)) = (&gap, unreadable) {
            gap = Some(ChainBreak {
                position: expected + records as u64,
                reason,
            });
        }
        let slices: Vec<&[u8]> = batch
            .iter()
            .flat_map(|(c, skip)| c.records[*skip..].iter().map(|r| &c.chunk[r.clone()]))
            .collect();
        let limit = slices.len().min(
            (end.saturating_sub(expected) + 1)
                .try_into()
                .unwrap_or(usize::MAX),
        );
        let slices = &slices[..limit];
        // The walk may end inside a chunk (a resume point inside the writer's open chunk).
        let mut left = limit;
        spans.retain_mut(|span| {
            if span.count > left {
                (span.count, span.whole) = (left, false);
            }
            left -= span.count;
            span.count > 0
        });
        let last =
            limit == 0 || expected + limit as u64 > end || framing.is_some() || gap.is_some();
        let (first_position, batch_prev) = (expected, prev);
        let mut linked = spent.try_recv().unwrap_or_default();
        // The next batch is read from sled (one thread: sled's iterator is sequential) and
        // framed while the workers check this one: one hand-over to the workers a batch, as
        // each left them asleep while this thread woke and handed them the next stage.
        let next = rayon::join(
            || (!last).then(|| fetch_batch(view, &mut chunks, end)),
            || {
                slices
                    .par_iter()
                    .enumerate()
                    .map(|(i, record)| {
                        let prev = match i.checked_sub(1) {
                            Some(j) => record::split(slices[j]).map(|(h, _)| h).unwrap_or_default(),
                            None => batch_prev,
                        };
                        link_record(view, shape, (first_position + i as u64, &prev), record)
                    })
                    .collect_into_vec(&mut linked)
            },
        )
        .0;
        // The next batch links to the stored hash of this one's last record; whether that
        // record itself links is for the visiting side to find in this batch.
        if let Some(last) = slices.last() {
            prev = record::split(last).map(|(h, _)| h).unwrap_or_default();
        }
        expected += limit as u64;
        let sent = tx.send(Batch {
            linked,
            spans,
            framing,
            gap,
            last,
        });
        match next {
            Some(next) if sent.is_ok() => fetched = next,
            _ => return,
        }
    }
}

/// Checks that one record links to `prev` and says it is at `position`, and makes of it what
/// the walk's shape asks: what the visitor is given, and its leaf hash.
fn link_record(
    view: &View,
    shape: BatchShape,
    (position, prev): (u64, &[u8; 32]),
    record: &[u8],
) -> Result<Linked, ChainBreak> {
    let broken = |reason: String| ChainBreak { position, reason };
    let record = view.unpack(record).map_err(broken)?;
    let (hash, walked) = match shape.depth {
        Depth::Events => {
            let (hash, c) = record::link(position, prev, &record)?;
            let event = record::to_event(&hash, &c).map_err(broken)?;
            (hash, Some(Walked::Event(event)))
        }
        Depth::Headers(decoder) => {
            let hash = record::check_link(position, prev, &record)?;
            let (header, payload) = record::header(&record[32..]).map_err(broken)?;
            let decoded = decoder(&header, payload);
            (hash, Some(Walked::Header(header, decoded)))
        }
        Depth::Envelopes => {
            let hash = record::check_link(position, prev, &record)?;
            let enveloped = record::Enveloped::new(&record).map_err(broken)?;
            (hash, Some(Walked::Envelope(enveloped)))
        }
        Depth::Links => (record::check_link(position, prev, &record)?, None),
    };
    let leaf = if shape.leaves {
        let json = &record[32..];
        let leaf = tlog::leaf_bytes(json).map_err(|e| broken(e.to_string()))?;
        Some(tlog::leaf_hash(&leaf))
    } else {
        None
    };
    Ok((hash, position, walked, leaf))
}

/// The walk's visiting side: takes the reader's batches in order, stops at the first break,
/// hands each linked record to `visit` and its leaf to `tree`.
fn visit_batches(
    view: &View,
    (after, mut prev): (u64, [u8; 32]),
    end: u64,
    (rx, spent): (
        std::sync::mpsc::Receiver<Batch>,
        std::sync::mpsc::SyncSender<Vec<Result<Linked, ChainBreak>>>,
    ),
    mut tree: Option<&mut TreeScan>,
    visit: &mut dyn FnMut(Walked, bool) -> Result<(), String>,
) -> (u64, [u8; 32], Option<ChainBreak>) {
    let mut expected = after + 1;
    for mut batch in rx {
        let mut leaves = Vec::with_capacity(if tree.is_some() {
            batch.linked.len()
        } else {
            0
        });
        let firsts: Vec<u64> = batch.spans.iter().map(|span| span.first).collect();
        let mut spans = batch.spans.into_iter().peekable();
        for result in batch.linked.drain(..) {
            let (hash, position, walked, leaf) = match result {
                Ok(ok) => ok,
                Err(b) => return (expected - 1, prev, Some(b)),
            };
            if let Some(walked) = walked {
                let opens_chunk = firsts.binary_search(&position).is_ok();
                if let Err(reason) = visit(walked, opens_chunk) {
                    let position = expected;
                    return (expected - 1, prev, Some(ChainBreak { position, reason }));
                }
            }
            prev = hash;
            expected += 1;
            if let (Some(tree), Some(leaf)) = (tree.as_deref_mut(), leaf) {
                leaves.push(leaf);
                if let Some(span) = spans.peek()
                    && leaves.len() == span.count
                {
                    tree.add_chunk(view, span.first, &leaves, span.whole);
                    leaves.clear();
                    spans.next();
                }
            }
        }
        // Never waits: a reader that has stopped, or holds spares enough, lets it drop.
        let _ = spent.try_send(std::mem::take(&mut batch.linked));
        if let Some(position) = batch.framing.filter(|p| *p <= end) {
            let reason = "the chunk's framing is damaged".to_owned();
            return (expected - 1, prev, Some(ChainBreak { position, reason }));
        }
        if batch.gap.is_some() {
            return (expected - 1, prev, batch.gap);
        }
        if batch.last {
            break;
        }
    }
    (expected - 1, prev, None)
}

/// The start-up walk: verifies every link of the chain (after the resume point, when the log
/// accepts it) and the head marker, indexes the verified part, builds the Merkle tree, and hands
/// each verified event to `visit`.
fn scan(
    db: &sled::Db,
    head: &Head,
    anchor_size: Option<u64>,
    resume: Option<Resume>,
    mut visit: Option<(Decoder, &mut dyn FnMut(Replayed))>,
) -> Result<(Index, VerifyReport, TreeScan), StoreError> {
    let view = View::sled(db);
    let resume = resume.filter(|r| {
        let checked = guarded("checking the resume point against the log", || {
            check_resume(&view, head, anchor_size, r).map_err(StoreError::Io)
        });
        if let Err(doubt) = &checked {
            tracing::warn!(%doubt, "not resuming: walking the whole log");
        }
        checked.is_ok()
    });
    let (index, start, frontier, resumed) = match resume {
        Some(r) => (
            r.index,
            (r.head.position, r.head.hash),
            r.frontier,
            Some(r.head),
        ),
        None => (
            Index::default(),
            (0, GENESIS_HASH),
            Frontier::default(),
            None,
        ),
    };
    // The writer may have added records to the chunk that holds the resume point's head.
    let from_chunk = index.chunk_of(start.0).unwrap_or(1);
    if let Some((_, visit)) = visit.as_mut() {
        visit(Replayed::After(start.0));
    }
    let root_at_anchor = match anchor_size {
        Some(0) => Some(tlog::EMPTY_HASH),
        Some(size) if size == start.0 => Some(frontier.root()),
        _ => None,
    };
    let mut tree = TreeScan {
        resumed,
        frontier,
        anchor_size,
        root_at_anchor,
        ..TreeScan::default()
    };
    // Without a visitor only the index reads the records: their envelopes, off the front of
    // their JSON, rather than whole events decoded to be dropped.
    let depth = match &visit {
        Some((decoder, _)) => Depth::Headers(*decoder),
        None => Depth::Envelopes,
    };
    let mut index = IndexBuilder::new(index);
    let mut index_and_visit = |walked: Walked, opens_chunk: bool| {
        let entry = walked.entry();
        if opens_chunk {
            index.add_chunk(entry.position);
        }
        index.add(&entry)?;
        if let (Some((_, visit)), Walked::Header(h, decoded)) = (visit.as_mut(), walked) {
            visit(Replayed::Event(h, decoded));
        }
        Ok(())
    };
    let (records, last, first_break) = walk_chain(
        &view,
        start,
        from_chunk,
        u64::MAX,
        Some(&mut tree),
        (depth, &mut index_and_visit),
    )?;
    let first_break = first_break.or_else(|| head_mismatch(records, &last, head));
    Ok((
        index.finish(),
        VerifyReport {
            records,
            head_hash: last,
            first_break,
        },
        tree,
    ))
}

/// Whether a resume point may stand for the log's history up to its head: its parts agree on
/// their size and root, the log holds that position with that record hash and that Merkle root
/// on disk, and the anchor reaches it. Any doubt is an `Err` saying what, and the log is walked
/// from its start instead: a resume point is a cache, never evidence.
fn check_resume(
    view: &View,
    head: &Head,
    anchor_size: Option<u64>,
    resume: &Resume,
) -> Result<(), String> {
    let at = resume.head.position;
    if at == 0 || resume.index.len() != at || resume.frontier.size() != at {
        return Err("the resume point's parts disagree on how many events it holds".into());
    }
    if resume.frontier.root().0 != resume.head.root {
        return Err("the resume point's Merkle frontier does not give its root".into());
    }
    if at > head.position {
        return Err(format!(
            "the resume point is of position {at} but the log ends at {}: an older copy of the log was restored, or the resume point is another log's",
            head.position
        ));
    }
    match anchor_size {
        None => return Err("the log has no anchor to hold the resume point against".into()),
        Some(size) if size < at => {
            return Err(format!(
                "the anchor acknowledges {size} events, fewer than the resume point's {at}"
            ));
        }
        Some(_) => {}
    }
    let stored = with_record(view, resume.index.chunk_of(at), at, |record| {
        Ok(record::split(record).map(|(hash, _)| hash))
    })
    .map_err(|e| e.to_string())?
    .flatten();
    if stored != Some(resume.head.hash) {
        return Err(format!(
            "the log's record at position {at} is not the one the resume point was taken at"
        ));
    }
    let root = tree::root(view, &|p| resume.index.chunk_of(p), at).map_err(|e| e.to_string())?;
    if root.0 != resume.head.root {
        return Err(format!(
            "the log's Merkle tree at position {at} differs from the resume point's"
        ));
    }
    Ok(())
}

/// Compares a walked log with its anchor: it must reach the acknowledged size (the journal's
/// last entry, or the checkpoint) with the acknowledged root. A log longer than that is fine
/// (its last batch reached sled but not the journal, so it was never acknowledged).
fn judge_anchor(anchored: &Anchored, records: u64, tree: &TreeScan) -> Option<ChainBreak> {
    let acknowledged = anchored.acknowledged();
    if let Some(damage) = &anchored.journal_damage {
        return Some(ChainBreak {
            position: acknowledged.map_or(0, |a| a.size) + 1,
            reason: damage.clone(),
        });
    }
    match (&anchored.found, acknowledged) {
        (Found::Damaged, _) => Some(ChainBreak {
            position: records + 1,
            reason:
                "the anchor file is damaged, so the log's acknowledged length cannot be confirmed"
                    .into(),
        }),
        (_, None) => None,
        (_, Some(a)) if records < a.size => Some(ChainBreak {
            position: records + 1,
            reason: format!(
                "events {}–{} were acknowledged but are missing: the database lost them, or an older copy of the log was restored",
                records + 1,
                a.size
            ),
        }),
        (_, Some(a)) if tree.root_at_anchor.map(|r| r.0) != Some(a.root) => Some(ChainBreak {
            position: a.size,
            reason: format!(
                "the first {} events are not the ones acknowledged (their Merkle root differs from the anchor): the history was rewritten or another log was put in its place",
                a.size
            ),
        }),
        (_, Some(_)) => None,
    }
}

/// Applies again the journal's commits that sled did not keep (sled is made durable only at
/// checkpoints), in order, from where sled's log ends. Stops at a commit that does not start
/// there: sled then lost earlier events too, which the anchor check reports. Returns how many
/// commits it applied.
fn replay_journal(db: &sled::Db, journal: &[JournalEntry]) -> Result<usize, StoreError> {
    let mut size = read_head(db)?.position;
    let mut applied = 0;
    for entry in journal {
        if entry.to.size <= size {
            continue;
        }
        if entry.from != size {
            break;
        }
        let mut batch = sled::Batch::default();
        for (key, value) in &entry.writes {
            batch.insert(key.as_slice(), value.as_slice());
        }
        db.apply_batch(batch)?;
        size = entry.to.size;
        applied += 1;
    }
    Ok(applied)
}

fn head_mismatch(position: u64, hash: &[u8; 32], head: &Head) -> Option<ChainBreak> {
    if position != head.position {
        Some(ChainBreak {
            position: position.min(head.position) + 1,
            reason: format!(
                "the log ends at position {position} but the head marker says {}: records were removed or added",
                head.position
            ),
        })
    } else if *hash != head.hash {
        Some(ChainBreak {
            position,
            reason: "the newest record's hash differs from the head marker".into(),
        })
    } else {
        None
    }
}

/// The single thread that writes the log.
struct Writer {
    inner: Arc<Inner>,
    data_file: File,
    /// Every commit is made durable in its journal; sled only at checkpoints (see `anchor`).
    anchor: AnchorFile,
    head: Head,
    /// The Merkle tree's newest subtrees, for the next leaves and the root.
    frontier: Frontier,
    max_batch: usize,
    idle_checkpoint: Option<Duration>,
    /// Compresses the chunks it writes.
    packer: Packer,
    /// The chunk it is filling.
    open: OpenChunk,
}

/// The chunk the writer is filling: it stays open across commits until it is full, so that a
/// log written one event at a time still lies in chunks of [`keys::CHUNK_BYTES`], compressed
/// whole. Each commit stores it again (its key, and its tree hashes' key, take the new value);
/// only its records are new.
#[derive(Default)]
struct OpenChunk {
    /// The position of its first record (0 while it has none).
    first: u64,
    /// Its records, framed (see `keys`), as they are.
    records: Vec<u8>,
    /// The Merkle tree hashes its records store.
    hashes: Vec<Hash>,
}

/// What one group commit has decided so far, before it is written.
#[derive(Default)]
struct Pending {
    /// The sled keys and values to write.
    writes: Vec<(Vec<u8>, Vec<u8>)>,
    /// The chunk being filled (the writer's, taken for the commit).
    chunk: OpenChunk,
    /// The first position of each chunk written, for the index.
    chunk_firsts: Vec<u64>,
    versions: HashMap<(TenantId, StreamId), u64>,
    ids: HashMap<Uuid, u64>,
    events: Vec<Arc<RecordedEvent>>,
    replies: Vec<(Reply, AppendOutcome)>,
}

impl Pending {
    /// Adds `record` (`hash ‖ JSON`) at `position` to the open chunk, storing the chunk first
    /// and opening the next when it would grow past [`keys::CHUNK_BYTES`].
    fn add_record(
        &mut self,
        packer: &mut Packer,
        (position, record): (u64, &[u8]),
        tree_hashes: Vec<Hash>,
    ) {
        let open = &mut self.chunk;
        if !open.records.is_empty() && open.records.len() + 4 + record.len() > keys::CHUNK_BYTES {
            self.store_chunk(packer);
            self.chunk = OpenChunk::default();
        }
        let open = &mut self.chunk;
        if open.records.is_empty() {
            open.first = position;
        }
        keys::push_record(&mut open.records, record);
        open.hashes.extend_from_slice(tree::stored(&tree_hashes));
    }

    /// Adds the open chunk, as it is now, and its tree hashes to the writes.
    fn store_chunk(&mut self, packer: &mut Packer) {
        let open = &self.chunk;
        if !open.records.is_empty() {
            self.writes.push((
                keys::log(open.first).to_vec(),
                packer.pack_chunk(&open.records),
            ));
            self.writes
                .push((keys::tree(open.first).to_vec(), tree::encode(&open.hashes)));
            self.chunk_firsts.push(open.first);
        }
    }
}

impl Writer {
    fn run(mut self, rx: mpsc::Receiver<Job>) {
        loop {
            // A year stands for "never": `recv_timeout` takes no infinity.
            let idle = self
                .idle_checkpoint
                .unwrap_or(Duration::from_secs(365 * 86_400));
            let first = match rx.recv_timeout(idle) {
                Ok(job) => job,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.checkpoint_journal();
                    match rx.recv() {
                        Ok(job) => job,
                        Err(_) => break,
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            };
            let mut jobs = vec![first];
            while jobs.len() < self.max_batch {
                match rx.try_recv() {
                    Ok(job) => jobs.push(job),
                    Err(_) => break,
                }
            }
            // A job that asks for the state at rest splits the batch: what came before it is
            // committed first, what came after waits for it.
            let mut appends = Vec::with_capacity(jobs.len());
            for job in jobs {
                match job.work {
                    Work::AtRest(take) => {
                        self.commit(std::mem::take(&mut appends));
                        take(self.at_rest());
                    }
                    work => appends.push(Job { work, ..job }),
                }
            }
            self.commit(appends);
        }
        self.checkpoint_journal();
    }

    /// Checkpoints when the journal holds commits and writing still works. A checkpoint that
    /// fails leaves the journal as it was (nothing acknowledged is at risk), but the disk is
    /// failing: refuse further writes, as after a failed commit.
    fn checkpoint_journal(&mut self) {
        if !self.anchor.has_journal() || self.inner.refusal.read().unwrap().is_some() {
            return;
        }
        if let Err(e) = self.checkpoint() {
            tracing::error!(error = %e, "checkpointing the event log failed; refusing further writes");
            *self.inner.refusal.write().unwrap() = Some(e);
        }
    }

    /// Makes sled durable up to the writer's head and records that head in the anchor, which
    /// empties the journal.
    fn checkpoint(&mut self) -> Result<(), StoreError> {
        // Applied to sled before it is taken away, so every reader finds each key in one or
        // both (with the same value). Only this thread changes `recent`, so no lock is held
        // while sled works: readers go on meanwhile.
        let recent = self.inner.recent.read().unwrap().clone();
        if !recent.is_empty() {
            let mut batch = sled::Batch::default();
            for (key, value) in recent.iter() {
                batch.insert(key, value);
            }
            guarded("applying the journal's commits to the database", || {
                Ok(self.inner.db.apply_batch(batch)?)
            })?;
            *self.inner.recent.write().unwrap() = Recent::default();
        }
        guarded("flushing the database", || Ok(self.inner.db.flush()?))?;
        self.data_file.sync_data()?;
        self.anchor.checkpoint(&Anchor {
            size: self.head.position,
            root: self.head.root,
            chain: self.head.hash,
        })?;
        Ok(())
    }

    /// A copy of the log's in-memory state at the writer's head, between two commits.
    fn at_rest(&self) -> Resume {
        Resume {
            head: self.head,
            index: self.inner.index.read().unwrap().clone(),
            frontier: self.frontier.clone(),
        }
    }

    fn commit(&mut self, jobs: Vec<Job>) {
        if jobs.is_empty() {
            return;
        }
        if let Some(refusal) = self.inner.refusal.read().unwrap().clone() {
            for job in jobs {
                let _ = job.reply.send(Err(refusal.clone().into()));
            }
            return;
        }
        let start_head = self.head;
        let start_frontier = self.frontier.clone();
        let mut pending = Pending {
            chunk: std::mem::take(&mut self.open),
            ..Pending::default()
        };
        for Job { work, reply } in jobs {
            let decided = match work {
                Work::Append(request) => self.decide(&request, &mut pending),
                Work::Replicate(json) => self.replicate(json, &mut pending),
                Work::AtRest(_) => unreachable!("`run` hands these out between commits"),
            };
            match decided {
                Ok(outcome) => pending.replies.push((reply, outcome)),
                Err(e) => {
                    let _ = reply.send(Err(e));
                }
            }
        }
        if pending.events.is_empty() {
            self.open = pending.chunk;
            for (reply, outcome) in pending.replies {
                let _ = reply.send(Ok(outcome));
            }
            return;
        }
        pending.store_chunk(&mut self.packer);
        self.head.root = self.frontier.root().0;
        let mut head_value = self.head.position.to_be_bytes().to_vec();
        head_value.extend_from_slice(&self.head.hash);
        pending.writes.push((keys::HEAD.to_vec(), head_value));
        let written = self.write(start_head.position, pending.writes);
        self.open = pending.chunk;
        if let Err(e) = written {
            // The batch may be visible in sled's memory without being durable: refuse all
            // further writes rather than build on it. A restart recovers the durable state.
            tracing::error!(error = %e, "writing the event log failed; refusing further writes");
            self.head = start_head;
            self.frontier = start_frontier;
            *self.inner.refusal.write().unwrap() = Some(e.clone());
            for (reply, _) in pending.replies {
                let _ = reply.send(Err(e.clone().into()));
            }
            return;
        }
        {
            let mut index = self.inner.index.write().unwrap();
            for first in &pending.chunk_firsts {
                index.add_chunk(*first);
            }
            for e in &pending.events {
                let entry = Entry {
                    position: e.position,
                    id: e.id,
                    tenant: e.tenant.as_str(),
                    stream: e.stream.as_str(),
                    event_type: &e.event_type,
                };
                index
                    .add(&entry)
                    .expect("ids were validated before the write");
            }
        }
        *self.inner.head.write().unwrap() = self.head;
        for hook in self.inner.hooks.read().unwrap().iter() {
            hook(&pending.events);
        }
        for event in pending.events {
            let _ = self.inner.feed.send(event);
        }
        for (reply, outcome) in pending.replies {
            let _ = reply.send(Ok(outcome));
        }
    }

    /// Writes a commit durably into the anchor's journal — one fdatasync of blocks written
    /// in place — and lays it over sled for readers (see `view`). When the journal has no room
    /// left, a checkpoint makes it durable in sled instead.
    fn write(&mut self, from: u64, writes: Vec<(Vec<u8>, Vec<u8>)>) -> Result<(), StoreError> {
        let to = Anchor {
            size: self.head.position,
            root: self.head.root,
            chain: self.head.hash,
        };
        let refs: Vec<(&[u8], &[u8])> = writes
            .iter()
            .map(|(key, value)| (key.as_slice(), value.as_slice()))
            .collect();
        let journaled = self.anchor.journal(from, &to, &refs)?;
        {
            let mut recent = self.inner.recent.write().unwrap();
            let recent = Arc::make_mut(&mut recent);
            for (key, value) in writes {
                recent.insert(key.into(), value.into());
            }
        }
        if !journaled {
            self.checkpoint()?;
        }
        Ok(())
    }

    fn stored_version(&self, pending: &Pending, tenant: &TenantId, stream: &StreamId) -> u64 {
        match pending.versions.get(&(tenant.clone(), stream.clone())) {
            Some(v) => *v,
            None => self
                .inner
                .index
                .read()
                .unwrap()
                .stream_version(tenant.as_str(), stream.as_str()),
        }
    }

    fn stored_position(&self, pending: &Pending, id: &Uuid) -> Result<Option<u64>, StoreError> {
        if let Some(position) = pending.ids.get(id) {
            return Ok(Some(*position));
        }
        let candidate = self.inner.index.read().unwrap().position_of(id);
        match candidate {
            None => Ok(None),
            Some(Candidate::Sure(position)) => Ok(Some(position)),
            // Another id may share the fingerprint: the event there says whose it is.
            Some(Candidate::Check(position)) => Ok(self
                .event_at(pending, position)?
                .filter(|e| e.id == *id)
                .map(|_| position)),
        }
    }

    fn event_at(
        &self,
        pending: &Pending,
        position: u64,
    ) -> Result<Option<Arc<RecordedEvent>>, StoreError> {
        if let Some(e) = pending.events.iter().find(|e| e.position == position) {
            return Ok(Some(e.clone()));
        }
        let chunk = self.inner.chunk_of(position);
        Ok(read_event(&self.inner.view(), chunk, position)?.map(Arc::new))
    }

    /// Takes one record of a copy of this log as it is, once `decide::replica` has judged it.
    fn replicate(
        &mut self,
        json: Vec<u8>,
        pending: &mut Pending,
    ) -> Result<AppendOutcome, AppendError> {
        let held = Held {
            writer: self,
            pending,
        };
        let written = decide::replica(&json, &self.head, &held)?;
        let event = written.event.clone();
        let position = event.position;
        let tree_hashes = self.frontier.push(written.leaf);
        self.packer
            .observe(position, &written.value, &mut pending.writes);
        pending.add_record(&mut self.packer, (position, &written.value), tree_hashes);
        pending.ids.insert(event.id, position);
        pending
            .versions
            .insert((event.tenant.clone(), event.stream.clone()), event.version);
        self.head = Head {
            position,
            hash: written.hash(),
            recorded_at: Some(event.recorded_at),
            root: self.head.root,
        };
        pending.events.push(written.event);
        Ok(AppendOutcome {
            first_position: position,
            last_position: position,
            stream_version: event.version,
            written: true,
        })
    }

    fn decide(
        &mut self,
        request: &AppendRequest,
        pending: &mut Pending,
    ) -> Result<AppendOutcome, AppendError> {
        let held = Held {
            writer: self,
            pending,
        };
        let version = match decide::judge(request, &held)? {
            Judgement::Retried(outcome) => return Ok(outcome),
            Judgement::Appends { version } => version,
        };
        let now = decide::recorded_now(&self.head);
        let first_position = self.head.position + 1;
        for written in decide::records(request, &self.head, version, now) {
            let position = written.event.position;
            let tree_hashes = self.frontier.push(written.leaf);
            self.packer
                .observe(position, &written.value, &mut pending.writes);
            pending.add_record(&mut self.packer, (position, &written.value), tree_hashes);
            pending.ids.insert(written.event.id, position);
            self.head = Head {
                position,
                hash: written.hash(),
                recorded_at: Some(now),
                root: self.head.root,
            };
            pending.events.push(written.event);
        }
        let version = version + request.events.len() as u64;
        pending
            .versions
            .insert((request.tenant.clone(), request.stream.clone()), version);
        Ok(AppendOutcome {
            first_position,
            last_position: self.head.position,
            stream_version: version,
            written: true,
        })
    }
}

/// What the log holds for the writer's judging: its stored part and the commit being decided.
struct Held<'w> {
    writer: &'w Writer,
    pending: &'w Pending,
}

impl decide::Holdings for Held<'_> {
    fn position_of(&self, id: &Uuid) -> Result<Option<u64>, StoreError> {
        self.writer.stored_position(self.pending, id)
    }

    fn placed_at(&self, position: u64) -> Result<Option<decide::Placed>, StoreError> {
        Ok(self
            .writer
            .event_at(self.pending, position)?
            .map(|e| decide::Placed {
                tenant: e.tenant.clone(),
                stream: e.stream.clone(),
                version: e.version,
            }))
    }

    fn stream_version(&self, tenant: &TenantId, stream: &StreamId) -> Result<u64, StoreError> {
        Ok(self.writer.stored_version(self.pending, tenant, stream))
    }
}

impl EventStore for SledStore {
    fn append(
        &self,
        request: AppendRequest,
    ) -> BoxFuture<'static, Result<AppendOutcome, AppendError>> {
        let submitted = self.submit(request);
        async move {
            let rx = submitted?;
            rx.await
                .map_err(|_| AppendError::Store(StoreError::Closing))?
        }
        .boxed()
    }

    fn replicate(&self, records: Vec<Vec<u8>>) -> BoxFuture<'static, Result<u64, AppendError>> {
        let head = self.head().position;
        let submitted = self.submit_replicas(records);
        async move { super::replicated(head, submitted?).await }.boxed()
    }

    fn read_stream(
        &self,
        tenant: &TenantId,
        stream: &StreamId,
        from_version: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let positions: Vec<u64> = {
            let index = self.inner.index.read().unwrap();
            let list = index.stream(tenant.as_str(), stream.as_str());
            let start = (from_version.max(1) - 1) as usize;
            list.get(start..)
                .unwrap_or_default()
                .iter()
                .take(limit)
                .copied()
                .collect()
        };
        self.read_positions(positions)
    }

    fn read_page(
        &self,
        filter: &Filter,
        sight: &dyn Fn(&str) -> bool,
        direction: Direction,
        cursor: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let forward = direction == Direction::Forward;
        let head = self.head().position;
        let event_type = filter.event_type.as_deref();
        let positions: Vec<u64> = {
            let index = self.inner.index.read().unwrap();
            // The types out of sight (and all but the filter's type) are passed over in the
            // index, before they count towards the limit: the page then holds `limit` events
            // the reader may see whenever the log has them, and none is read from disk only to
            // be dropped.
            let Some(seen) = index.visible(head, sight, event_type) else {
                return Ok(Vec::new());
            };
            let keep = |p| seen.keeps(p);
            match (&filter.tenant, &filter.stream) {
                (None, None) if filter.within.is_some() => {
                    let tenants = filter.within.as_deref().into_iter().flatten();
                    let lists = tenants.flat_map(|t| seen.tenant(t.as_str()));
                    index::page_merged(lists, forward, cursor, limit, keep)
                }
                (Some(t), Some(s)) => index::page(
                    index.stream(t.as_str(), s.as_str()),
                    forward,
                    cursor,
                    limit,
                    keep,
                ),
                (None, Some(_)) => Vec::new(),
                (Some(t), None) => {
                    index::page_merged(seen.tenant(t.as_str()), forward, cursor, limit, keep)
                }
                // One type across every tenant: their lists of it.
                (None, None) if event_type.is_some() => {
                    index::page_merged(seen.all_tenants(), forward, cursor, limit, keep)
                }
                (None, None) => index::page_all(head, forward, cursor, limit, keep),
            }
        };
        self.read_positions(positions)
    }

    fn named_streams(&self, tenant: &TenantId) -> Vec<(StreamId, u64)> {
        let index = self.inner.index.read().unwrap();
        index
            .named_streams(tenant.as_str())
            .into_iter()
            // Every name in the index was a valid stream id when it was appended.
            .filter_map(|(name, events)| Some((StreamId::parse(name).ok()?, events)))
            .collect()
    }

    fn get(&self, position: u64) -> Result<Option<RecordedEvent>, StoreError> {
        if position > self.head().position {
            return Ok(None);
        }
        self.inner.event(position)
    }

    fn head(&self) -> Head {
        *self.inner.head.read().unwrap()
    }

    fn subscribe(&self) -> broadcast::Receiver<Arc<RecordedEvent>> {
        self.inner.feed.subscribe()
    }

    fn on_commit(&self, hook: CommitHook) {
        self.inner.hooks.write().unwrap().push(hook);
    }

    fn refusal(&self) -> Option<StoreError> {
        self.inner.refusal.read().unwrap().clone()
    }

    fn anchored_size(&self) -> u64 {
        self.inner.anchored.max(self.head().position)
    }

    fn leaf(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        if position > self.head().position {
            return Ok(None);
        }
        self.inner.with_record(position, |record| {
            let corrupt = |detail: String| StoreError::Corrupt { position, detail };
            let (_, json) = record::split(record).ok_or_else(|| corrupt("truncated".into()))?;
            let leaf = tlog::leaf_bytes(json).map_err(|e| corrupt(e.to_string()))?;
            Ok(leaf.into_owned())
        })
    }

    fn record(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        if position > self.head().position {
            return Ok(None);
        }
        self.inner.with_record(position, |record| {
            let (_, json) = record::split(record).ok_or_else(|| StoreError::Corrupt {
                position,
                detail: "truncated".into(),
            })?;
            Ok(json.to_vec())
        })
    }

    fn root_at(&self, size: u64) -> Result<Hash, StoreError> {
        let head = self.head();
        if size > head.position {
            return Err(StoreError::OutOfRange(format!(
                "the log has {} events, not {size}",
                head.position
            )));
        }
        if size == head.position {
            return Ok(Hash(head.root));
        }
        tree::root(&self.inner.view(), &|p| self.inner.chunk_of(p), size)
    }

    fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError> {
        let head = self.head().position;
        if position == 0 || position > size || size > head {
            return Err(StoreError::OutOfRange(format!(
                "position {position} in a log of {size} events cannot be proved: the log has {head} events"
            )));
        }
        tree::inclusion(
            &self.inner.view(),
            &|p| self.inner.chunk_of(p),
            position,
            size,
        )
    }

    fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError> {
        let head = self.head().position;
        if from > to || to > head {
            return Err(StoreError::OutOfRange(format!(
                "a log of {from} events cannot be proved consistent with one of {to}: the log has {head} events"
            )));
        }
        tree::consistency(&self.inner.view(), &|p| self.inner.chunk_of(p), from, to)
    }

    fn replay(
        &self,
        upto: u64,
        visit: &mut dyn FnMut(RecordedEvent),
    ) -> Result<VerifyReport, StoreError> {
        let mut each = |walked: Walked, _| {
            if let Walked::Event(e) = walked {
                visit(e);
            }
            Ok(())
        };
        self.replay_walk(upto, (Depth::Events, &mut each))
    }

    fn replay_decoded(
        &self,
        upto: u64,
        decoder: Decoder,
        visit: &mut dyn FnMut(EventHeader, Option<AnyEvent>),
    ) -> Result<VerifyReport, StoreError> {
        let mut each = |walked: Walked, _| {
            if let Walked::Header(h, decoded) = walked {
                visit(h, decoded);
            }
            Ok(())
        };
        self.replay_walk(upto, (Depth::Headers(decoder), &mut each))
    }

    fn at_rest(&self, take: Box<dyn FnOnce(Resume) + Send>) -> Result<(), StoreError> {
        let (reply, _) = oneshot::channel();
        let queue = self.inner.queue.read().unwrap();
        let sender = queue.as_ref().ok_or(StoreError::Closing)?;
        sender
            .send(Job {
                work: Work::AtRest(take),
                reply,
            })
            .map_err(|_| StoreError::Closing)
    }

    fn check_resumed_history(&self) -> Result<Option<ChainBreak>, StoreError> {
        let Some(resumed) = self.inner.resumed else {
            return Ok(None);
        };
        let mut tree = TreeScan::default();
        let (records, last, first_break) = walk_chain(
            &self.inner.view(),
            (0, GENESIS_HASH),
            1,
            resumed.position,
            Some(&mut tree),
            (Depth::Links, &mut unvisited),
        )?;
        let differs = |reason: &str| {
            Some(ChainBreak {
                position: resumed.position,
                reason: format!("the history up to position {} {reason}", resumed.position),
            })
        };
        let found = if first_break.is_some() {
            first_break
        } else if records < resumed.position {
            Some(ChainBreak {
                position: records + 1,
                reason: "the record is missing".into(),
            })
        } else if last != resumed.hash {
            differs("does not hash to the chain it was resumed from: earlier records were changed")
        } else if tree.frontier.root().0 != resumed.root {
            differs("does not give the Merkle root it was resumed from")
        } else if let Some((first, _)) = tree.repairs.first() {
            Some(ChainBreak {
                position: *first,
                reason: "the stored Merkle tree hashes of this chunk differ from its verified records (`antikor rebuild` walks the whole log and rewrites them)".into(),
            })
        } else {
            None
        };
        if let Some(b) = &found {
            *self.inner.refusal.write().unwrap() = Some(StoreError::ChainBroken(b.clone()));
        }
        Ok(found)
    }

    fn close(&self) -> BoxFuture<'static, Result<(), StoreError>> {
        let store = self.clone();
        async move {
            tokio::task::spawn_blocking(move || store.close_blocking())
                .await
                .map_err(|e| StoreError::Io(e.to_string()))?
        }
        .boxed()
    }
}
