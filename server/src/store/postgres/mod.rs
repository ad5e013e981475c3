//! The PostgreSQL backend of the event log: the sled log's records, chain and Merkle tree, in
//! tables that themselves refuse what would not verify (`migrations/postgres`).
//!
//! One writer task per server takes every append waiting in its queue and commits them in one
//! transaction, under a transaction-scoped advisory lock that orders the commits of every server
//! on the database. Holding it, the writer reads the log's head and takes up what other servers
//! committed since its own last commit, judges each append (`decide`) against what one query
//! for the ids and one for the streams find, inserts the records and the Merkle tree's stored
//! hashes, announces the new head (NOTIFY) and commits (`synchronous_commit` on: the commit
//! returns once the WAL is flushed). Only then are the appends acknowledged.
//!
//! Between commits the writer follows the other servers: woken by their announcements (see
//! `follow`), and every second in case one was lost, it takes up their records, checking each
//! link, and hands them to the commit hooks and the live feed as it does its own.
//!
//! The contract's reads are synchronous, as sled answers them from memory and its page cache.
//! The database (`database`) runs a small runtime of its own for its connections, and a read
//! waits on its caller's thread until that runtime has the answer, as a sled read waits on the
//! disk.
//!
//! Beside the log, each server keeps the newest head it saw in an anchor file of its data
//! folder, and refuses at its start a database that lacks it (see [`PgOptions::anchor_file`]).

mod database;
mod duty;
mod follow;
mod hashes;
pub mod schema;
mod tls;

pub use database::{Database, Params};
pub use duty::DUTY_LOOK;

pub use schema::{describe, migrate, migrate_to};

use self::hashes::{PgHashes, tree_hashes};
use self::schema::failed;
use super::anchor::{Anchor, AnchorFile};
use super::decide::{self, Holdings, Judgement, Placed, Written};
use super::index;
use super::record::{self, GENESIS_HASH};
use super::tree::{self, Frontier};
use super::{
    AppendError, AppendOutcome, AppendRequest, ChainBreak, CommitHook, Decoder, Direction,
    EventStore, Filter, Head, Resume, StoreError, VerifyReport,
};
use antikor_shared::events::AnyEvent;
use antikor_shared::tlog::{self, Hash};
use antikor_shared::{EventHeader, RecordedEvent, StreamId, TenantId};
use deadpool_postgres::Pool;
use futures::FutureExt;
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio_postgres::types::ToSql;
use tokio_postgres::{GenericClient, Row, Statement};
use uuid::Uuid;

/// The advisory lock key under which appends are committed ("antikor" and 2).
const LOG_LOCK: i64 = 0x616e_7469_6b6f_7202;

/// How often the writer looks for records other servers committed, besides their
/// announcements (see `follow`): a lost announcement is taken up within this.
const FOLLOW_EVERY: Duration = Duration::from_secs(1);

/// Records read by one query of a walk of the log.
const WALK_PAGE: i64 = 5_000;

/// The positions and records after `$1` up to `$2`, in order, at most `$3` of them: a page of a
/// walk of the log.
const RECORDS_AFTER: &str = "SELECT position, record FROM log_records
    WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3";

/// How the store is opened.
#[derive(Debug, Clone)]
pub struct PgOptions {
    /// Most appends committed by one transaction.
    pub max_batch: usize,
    /// Connections kept open to the database, for the writer and the readers.
    pub connections: usize,
    /// A file outside the database where this server keeps the newest head it saw (see
    /// `store::anchor`): a database restored from an older backup, or a standby promoted
    /// without commits this server saw, is then refused at the next start. `None`: no check.
    pub anchor_file: Option<std::path::PathBuf>,
}

impl Default for PgOptions {
    fn default() -> Self {
        Self {
            max_batch: 4096,
            connections: 8,
            anchor_file: None,
        }
    }
}

/// The event log on a PostgreSQL database.
#[derive(Clone)]
pub struct PgStore {
    shared: Arc<Shared>,
    database: Database,
}

struct Shared {
    pool: Pool,
    /// The writer's queue; `None` once the store is closing.
    queue: RwLock<Option<mpsc::UnboundedSender<Queued>>>,
    /// The writer task, awaited on close.
    writer: Mutex<Option<JoinHandle<()>>>,
    /// The task that listens for other servers' commits, stopped on close.
    listener: Mutex<Option<JoinHandle<()>>>,
    /// The newest committed record this server knows of. Readers never look past it.
    head: RwLock<Head>,
    /// Set when a walk found a break or the database lost committed history.
    refusal: RwLock<Option<StoreError>>,
    /// The head of the snapshot this server started from, whose history is checked later
    /// (see [`EventStore::check_resumed_history`]).
    resumed: Mutex<Option<Head>>,
    feed: broadcast::Sender<Arc<RecordedEvent>>,
    hooks: RwLock<Vec<CommitHook>>,
}

type Reply = oneshot::Sender<Result<AppendOutcome, AppendError>>;
type Answer = oneshot::Receiver<Result<AppendOutcome, AppendError>>;

/// What the writer's queue carries.
enum Queued {
    /// Work to commit.
    Job(Job),
    /// A copy of the writer's state to hand over between two commits (see
    /// [`EventStore::at_rest`]).
    AtRest(Box<dyn FnOnce(Resume) + Send>),
}

struct Job {
    work: Work,
    reply: Reply,
}

/// What a job asks of the writer.
enum Work {
    /// Judge and append new events.
    Append(AppendRequest),
    /// Take a record of another copy of the log as it is (see [`EventStore::replicate`]).
    Replicate(Vec<u8>),
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user@host/database`), brings its schema
    /// up to date and starts the writer. Fails when the database cannot be reached, is newer
    /// than this server, or its newest records do not make a tree.
    pub fn open(url: &str, options: PgOptions) -> Result<Self, StoreError> {
        Self::open_on(Database::connect(url, options.connections)?, &options)
    }

    /// The log on an open database (`options.connections` is the database's already). A
    /// database that holds less than the anchor file says this server saw opens refusing
    /// writes, as a broken chain does.
    pub fn open_on(database: Database, options: &PgOptions) -> Result<Self, StoreError> {
        let (head, frontier) = database.on({
            let pool = database.pool().clone();
            async move { tip(&**pool.get().await.map_err(pool_failed)?).await }
        })?;
        let anchor = options
            .anchor_file
            .as_deref()
            .map(AnchorFile::open)
            .transpose()?;
        let (queue, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            pool: database.pool().clone(),
            queue: RwLock::new(Some(queue)),
            writer: Mutex::new(None),
            listener: Mutex::new(None),
            head: RwLock::new(head),
            refusal: RwLock::new(None),
            resumed: Mutex::new(None),
            feed: broadcast::channel(4096).0,
            hooks: RwLock::new(Vec::new()),
        });
        let store = Self { shared, database };
        let (anchor, anchored) = match anchor {
            Some((file, anchored)) => (Some(file), anchored.acknowledged()),
            None => (None, None),
        };
        if let Some(seen) = anchored
            && let Some(lost) = store.lost_since(&seen, &head)?
        {
            tracing::error!(%lost, "the database holds less than this server saw: serving read-only");
            store.refuse(StoreError::ChainBroken(lost));
        }
        let writer = Writer {
            shared: store.shared.clone(),
            head,
            frontier,
            max_batch: options.max_batch.max(1),
            anchor,
            anchored: anchored.map_or(0, |a| a.size),
        };
        let (announce, announced) = watch::channel(0);
        let listener = store
            .database
            .spawn(follow::listen(store.database.own_connections(), announce));
        *store.shared.listener.lock().unwrap() = Some(listener);
        let task = store.database.spawn(writer.run(rx, announced));
        *store.shared.writer.lock().unwrap() = Some(task);
        Ok(store)
    }

    /// What the database lacks of the head `seen` (as the anchor file kept it), if anything:
    /// fewer records than it, or another record or Merkle root at its position.
    fn lost_since(&self, seen: &Anchor, head: &Head) -> Result<Option<ChainBreak>, StoreError> {
        let told = |what: String| {
            format!(
                "{what} this server saw ({} events, head {}): the database was restored from an older backup, or a standby without every commit was promoted; find the missing commits (a witness, a saved checkpoint, `antikor verify --checkpoint`) before anything is written",
                seen.size,
                hex::encode(seen.chain)
            )
        };
        if seen.size > head.position {
            return Ok(Some(ChainBreak {
                position: head.position + 1,
                reason: told(format!(
                    "the database holds {} events, fewer than",
                    head.position
                )),
            }));
        }
        if seen.size == 0 {
            return Ok(None);
        }
        let stored = self.stored(seen.size)?;
        let chain = stored
            .as_deref()
            .and_then(record::split)
            .map(|(hash, _)| hash);
        if chain != Some(seen.chain) || self.root_at(seen.size)?.0 != seen.root {
            return Ok(Some(ChainBreak {
                position: seen.size,
                reason: told("the database holds another history than".into()),
            }));
        }
        Ok(None)
    }

    /// The database the log is on.
    pub fn database(&self) -> &Database {
        &self.database
    }

    /// A page of the records after `after` up to `end` ([`RECORDS_AFTER`], [`WALK_PAGE`]).
    fn records_after(&self, after: u64, end: u64) -> Result<Vec<Row>, StoreError> {
        self.query(
            RECORDS_AFTER,
            vec![
                Box::new(sql_int(after)),
                Box::new(sql_int(end)),
                Box::new(WALK_PAGE),
            ],
        )
    }

    /// The rows `sql` returns for `params`, on a connection of the pool.
    fn query(&self, sql: impl Into<String>, params: Params) -> Result<Vec<Row>, StoreError> {
        self.database.query(sql, params)
    }

    /// The stored bytes of the record at `position`, when it is within the head.
    fn stored(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        if position == 0 || position > self.head().position {
            return Ok(None);
        }
        let rows = self.query(
            "SELECT record FROM log_records WHERE position = $1",
            vec![Box::new(sql_int(position))],
        )?;
        Ok(rows.first().map(|row| row.get(0)))
    }

    /// The canonical JSON of the record at `position`, when it is within the head.
    fn json(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(value) = self.stored(position)? else {
            return Ok(None);
        };
        let (_, json) = record::split(&value).ok_or_else(|| StoreError::Corrupt {
            position,
            detail: "the record is shorter than its hash".into(),
        })?;
        Ok(Some(json.to_vec()))
    }

    /// Recomputes the Merkle tree from every record up to the head and compares it with the
    /// stored hashes (which proofs read) and with the head's root: the first stored hash that
    /// is missing or differs, as a break at the record that completed it. `antikor verify`
    /// runs it after the chain's walk.
    pub fn check_tree(&self) -> Result<Option<ChainBreak>, StoreError> {
        let head = self.head();
        let mut frontier = Frontier::default();
        while frontier.size() < head.position {
            let rows = self.records_after(frontier.size(), head.position)?;
            if rows.is_empty() {
                break;
            }
            let mut expected = Vec::new();
            for row in &rows {
                let position = position_of(row, 0);
                let hashes = frontier.push(hashes::leaf_hash(position, row.get(1))?);
                let first = tlog_tiles::stored_hash_index(0, position - 1);
                expected.extend((first..).zip(hashes).skip(tree::STORED_FROM.into()));
            }
            let indexes: Vec<i64> = expected.iter().map(|(i, _)| sql_int(*i)).collect();
            let stored: HashMap<u64, Vec<u8>> = self
                .query(
                    "SELECT index, hash FROM log_tree WHERE index = ANY($1)",
                    vec![Box::new(indexes)],
                )?
                .iter()
                .map(|row| (position_of(row, 0), row.get(1)))
                .collect();
            for (index, hash) in expected {
                if stored.get(&index).map(Vec::as_slice) != Some(&hash.0[..]) {
                    let (level, n) = tlog_tiles::split_stored_hash_index(index);
                    return Ok(Some(ChainBreak {
                        position: (n + 1) << level,
                        reason: format!(
                            "the stored Merkle tree hash {index} is missing or differs from the one its records give"
                        ),
                    }));
                }
            }
        }
        if frontier.root().0 != head.root {
            return Ok(Some(ChainBreak {
                position: head.position,
                reason: "the records give another Merkle root than the stored tree".into(),
            }));
        }
        Ok(None)
    }

    /// Walks the records after `from` (a position and its record's hash) up to `end`, checking
    /// each link, and hands each event to `visit`. Reports how far the chain held; refuses
    /// nothing itself.
    fn walk(
        &self,
        from: (u64, [u8; 32]),
        end: u64,
        visit: &mut dyn FnMut(RecordedEvent),
    ) -> Result<VerifyReport, StoreError> {
        let (mut records, mut last) = from;
        let mut first_break = None;
        'walk: while records < end {
            let rows = self.records_after(records, end)?;
            for row in &rows {
                let position = records + 1;
                if position_of(row, 0) != position {
                    break 'walk;
                }
                let (hash, canonical) = match record::link(position, &last, row.get(1)) {
                    Ok(linked) => linked,
                    Err(b) => {
                        first_break = Some(b);
                        break 'walk;
                    }
                };
                let event = record::to_event(&hash, &canonical)
                    .map_err(|detail| StoreError::Corrupt { position, detail })?;
                visit(event);
                (records, last) = (position, hash);
            }
            if rows.is_empty() {
                break;
            }
        }
        if first_break.is_none() && records < end {
            first_break = Some(ChainBreak {
                position: records + 1,
                reason: "the record is missing".into(),
            });
        }
        let head = self.head();
        if first_break.is_none() && end == head.position && last != head.hash {
            first_break = Some(ChainBreak {
                position: end,
                reason: "the record differs from the one committed as the head".into(),
            });
        }
        Ok(VerifyReport {
            records,
            head_hash: last,
            first_break,
        })
    }

    /// Opens the log at a snapshot's head without walking the history before it: checks that
    /// the database holds that head (its record's hash and the Merkle root at its position),
    /// then walks and hands over the events after it, as
    /// [`replay_decoded`](EventStore::replay_decoded) does from the start. The history before
    /// is checked later ([`EventStore::check_resumed_history`]). `Ok(None)`: the snapshot is not
    /// of this log, and nothing was walked.
    pub fn replay_after(
        &self,
        resume: &Resume,
        decoder: Decoder,
        visit: &mut dyn FnMut(EventHeader, Option<AnyEvent>),
    ) -> Result<Option<VerifyReport>, StoreError> {
        let at = resume.head;
        let head = self.head();
        if at.position == 0 || at.position > head.position {
            return Ok(None);
        }
        let stored = self.stored(at.position)?;
        let hash = stored
            .as_deref()
            .and_then(record::split)
            .map(|(hash, _)| hash);
        if hash != Some(at.hash) || self.root_at(at.position)?.0 != at.root {
            return Ok(None);
        }
        *self.shared.resumed.lock().unwrap() = Some(at);
        let report = self.walk(
            (at.position, at.hash),
            head.position,
            &mut super::decoding(decoder, visit),
        )?;
        if let Some(b) = &report.first_break {
            self.refuse(StoreError::ChainBroken(b.clone()));
        }
        Ok(Some(report))
    }

    /// Queues `works` for the writer, in order, unless the store refuses writes or is closing.
    fn submit(&self, works: Vec<Work>) -> Result<Vec<Answer>, AppendError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal.into());
        }
        let queue = self.shared.queue.read().unwrap();
        let sender = queue.as_ref().ok_or(StoreError::Closing)?;
        works
            .into_iter()
            .map(|work| {
                let (reply, answer) = oneshot::channel();
                sender
                    .send(Queued::Job(Job { work, reply }))
                    .map_err(|_| StoreError::Closing)?;
                Ok(answer)
            })
            .collect()
    }

    fn refuse(&self, reason: StoreError) {
        *self.shared.refusal.write().unwrap() = Some(reason);
    }
}

fn pool_failed(e: deadpool_postgres::PoolError) -> StoreError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => failed(e),
        e => StoreError::Unreachable(e.to_string()),
    }
}

/// A position, count or version as PostgreSQL's `BIGINT`.
fn sql_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A `BIGINT` the log stores (positions and versions, all positive) as a position.
fn position_of(row: &Row, column: usize) -> u64 {
    u64::try_from(row.get::<_, i64>(column)).unwrap_or_default()
}

/// The event a stored record holds.
fn event(position: u64, value: &[u8]) -> Result<RecordedEvent, StoreError> {
    record::decode(position, value).map_err(|detail| StoreError::Corrupt { position, detail })
}

/// The log's newest record and the Merkle tree's frontier up to it.
async fn tip(client: &impl GenericClient) -> Result<(Head, Frontier), StoreError> {
    let newest = client
        .query_opt(
            "SELECT position, record FROM log_records ORDER BY position DESC LIMIT 1",
            &[],
        )
        .await
        .map_err(failed)?;
    let Some(row) = newest else {
        let frontier = Frontier::default();
        let head = Head {
            root: frontier.root().0,
            ..Head::default()
        };
        return Ok((head, frontier));
    };
    let position = position_of(&row, 0);
    let newest = event(position, row.get(1))?;
    let hashes = tree_hashes(client, &Frontier::indexes(position)).await?;
    let frontier = Frontier::from_hashes(position, hashes);
    let head = Head {
        position,
        hash: record::split(row.get(1)).expect("decoded above").0,
        recorded_at: Some(newest.recorded_at),
        root: frontier.root().0,
    };
    Ok((head, frontier))
}

/// The single task of this server that writes the log.
struct Writer {
    shared: Arc<Shared>,
    /// The newest record and the tree's frontier as of this writer's last commit.
    head: Head,
    frontier: Frontier,
    max_batch: usize,
    /// The anchor file, and the size it holds (see [`PgOptions::anchor_file`]).
    anchor: Option<AnchorFile>,
    anchored: u64,
}

/// What one transaction decided, before it is written.
#[derive(Default)]
struct Pending {
    ids: HashMap<Uuid, u64>,
    placed: HashMap<u64, Placed>,
    versions: HashMap<(TenantId, StreamId), u64>,
    rows: Rows,
    /// The Merkle tree's stored hashes, by stored-hash index.
    tree: (Vec<i64>, Vec<Vec<u8>>),
    events: Vec<Arc<RecordedEvent>>,
}

/// The records to insert, column by column (they go in as arrays, in one statement).
#[derive(Default)]
struct Rows {
    position: Vec<i64>,
    id: Vec<Uuid>,
    tenant: Vec<String>,
    stream: Vec<String>,
    version: Vec<i64>,
    event_type: Vec<String>,
    record: Vec<Vec<u8>>,
}

/// What a transaction committed: the events other servers had committed before it (taken up
/// in order), its own, and each append's outcome.
struct Committed {
    taken_up: Vec<Arc<RecordedEvent>>,
    events: Vec<Arc<RecordedEvent>>,
    outcomes: Vec<Result<AppendOutcome, AppendError>>,
}

impl Writer {
    /// Commits the queued jobs, and between them takes up what other servers commit: when
    /// one announces a position past this writer's head, and every [`FOLLOW_EVERY`].
    async fn run(
        mut self,
        mut rx: mpsc::UnboundedReceiver<Queued>,
        mut announced: watch::Receiver<u64>,
    ) {
        let mut every = tokio::time::interval(FOLLOW_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut listening = true;
        loop {
            tokio::select! {
                queued = rx.recv() => {
                    let Some(first) = queued else { break };
                    let mut jobs = Vec::new();
                    let mut next = Some(first);
                    while let Some(queued) = next {
                        match queued {
                            Queued::Job(job) => jobs.push(job),
                            // The jobs queued before it are committed first, and the state
                            // handed over is theirs.
                            Queued::AtRest(take) => {
                                self.commit(std::mem::take(&mut jobs)).await;
                                take(Resume {
                                    head: self.head,
                                    index: index::Index::default(),
                                    frontier: self.frontier.clone(),
                                });
                            }
                        }
                        next = if jobs.len() < self.max_batch { rx.try_recv().ok() } else { None };
                    }
                    self.commit(jobs).await;
                }
                changed = announced.changed(), if listening => {
                    listening = changed.is_ok();
                    if *announced.borrow_and_update() > self.head.position {
                        self.follow().await;
                    }
                }
                _ = every.tick() => self.follow().await,
            }
        }
    }

    /// Takes up what other servers committed after this writer's head.
    async fn follow(&mut self) {
        if self.shared.refusal.read().unwrap().is_some() {
            return;
        }
        let (head, frontier) = (self.head, self.frontier.clone());
        let taken = match self.shared.pool.get().await.map_err(pool_failed) {
            Ok(client) => match newest_position(&**client).await {
                Ok(newest) => self.take_up(&**client, newest).await,
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        match taken {
            Ok(events) => self.publish(events),
            Err(e) => {
                self.head = head;
                self.frontier = frontier;
                self.failed(&e);
            }
        }
    }

    /// Keeps the head in the anchor file, durably, before anything hears of it: what a client
    /// is told was written is then what a later start holds the database to. The records are
    /// durable in the database already, so a file that cannot be written only weakens that
    /// check, and is said.
    fn anchor(&mut self) {
        let Some(file) = self.anchor.as_mut() else {
            return;
        };
        if self.head.position <= self.anchored {
            return;
        }
        let head = Anchor {
            size: self.head.position,
            root: self.head.root,
            chain: self.head.hash,
        };
        match tokio::task::block_in_place(|| file.checkpoint(&head)) {
            Ok(()) => self.anchored = head.size,
            Err(e) => {
                tracing::error!(error = %e, "keeping the head in the anchor file failed; a database restored from an older backup may then pass at the next start")
            }
        }
    }

    /// Makes committed events visible: the head readers see, the commit hooks (the read
    /// models), the live feed.
    fn publish(&mut self, events: Vec<Arc<RecordedEvent>>) {
        self.anchor();
        *self.shared.head.write().unwrap() = self.head;
        if events.is_empty() {
            return;
        }
        for hook in self.shared.hooks.read().unwrap().iter() {
            hook(&events);
        }
        for event in events {
            let _ = self.shared.feed.send(event);
        }
    }

    /// A failed commit or take-up: history lost from the database makes the store refuse
    /// writes; anything else is tried again.
    fn failed(&self, e: &StoreError) {
        if matches!(e, StoreError::ChainBroken(_)) {
            tracing::error!(error = %e, "the PostgreSQL log lost committed history; refusing further writes");
            *self.shared.refusal.write().unwrap() = Some(e.clone());
        } else {
            tracing::warn!(error = %e, "reading or writing the PostgreSQL log failed");
        }
    }

    async fn commit(&mut self, jobs: Vec<Job>) {
        let refusal = self.shared.refusal.read().unwrap().clone();
        if let Some(refusal) = refusal {
            for job in jobs {
                let _ = job.reply.send(Err(refusal.clone().into()));
            }
            return;
        }
        let (works, replies): (Vec<_>, Vec<_>) =
            jobs.into_iter().map(|j| (j.work, j.reply)).unzip();
        let (head, frontier) = (self.head, self.frontier.clone());
        match self.transact(&works).await {
            Ok(committed) => {
                let events = committed.taken_up.into_iter().chain(committed.events);
                self.publish(events.collect());
                for (reply, outcome) in replies.into_iter().zip(committed.outcomes) {
                    let _ = reply.send(outcome);
                }
            }
            Err(e) => {
                // The transaction may have committed even so (its answer lost with the
                // connection): the next one reads the head again and takes up whatever did,
                // and a client that retries with the same ids gets the first outcome.
                self.head = head;
                self.frontier = frontier;
                self.failed(&e);
                for reply in replies {
                    let _ = reply.send(Err(e.clone().into()));
                }
            }
        }
    }

    async fn transact(&mut self, works: &[Work]) -> Result<Committed, StoreError> {
        let mut client = self.shared.pool.get().await.map_err(pool_failed)?;
        let statements = Statements::prepared(&client).await?;
        let (ids, streams) = Stored::keys(works);
        let tenants: Vec<&str> = streams.iter().map(|(t, _)| t.as_str()).collect();
        let names: Vec<&str> = streams.iter().map(|(_, s)| s.as_str()).collect();
        let transaction = client.transaction().await.map_err(failed)?;
        // Sent together and run in order, so that every read after the lock sees every commit
        // before it: one round trip to the database instead of four.
        let (lock, by_id, by_stream): (Args<1>, Args<1>, Args<2>) =
            ([&LOG_LOCK], [&ids], [&tenants, &names]);
        let (_, newest, placed, versions) = futures::try_join!(
            transaction.execute(&statements.lock, &lock),
            transaction.query_opt(&statements.newest, &[]),
            transaction.query(&statements.placed, &by_id),
            transaction.query(&statements.versions, &by_stream),
        )
        .map_err(failed)?;
        let newest = newest.map_or(0, |row| position_of(&row, 0));
        let taken_up = self.take_up(&*transaction, newest).await?;
        let stored = Stored::from_rows(&placed, &versions, &streams)?;
        let mut pending = Pending::default();
        let outcomes = works
            .iter()
            .map(|work| match work {
                Work::Append(request) => self.decide(request, &stored, &mut pending),
                Work::Replicate(json) => self.replicate(json, &stored, &mut pending),
            })
            .collect();
        if !pending.events.is_empty() {
            let r = &pending.rows;
            let head = self.head.position.to_string();
            let records: Args<7> = [
                &r.position,
                &r.id,
                &r.tenant,
                &r.stream,
                &r.version,
                &r.event_type,
                &r.record,
            ];
            let tree: Args<2> = [&pending.tree.0, &pending.tree.1];
            let notify: Args<2> = [&follow::CHANNEL, &head];
            futures::try_join!(
                transaction.execute(&statements.records, &records),
                transaction.execute(&statements.tree, &tree),
                // Delivered to the other servers' listeners when, and only when, this commits.
                transaction.execute(&statements.notify, &notify),
            )
            .map_err(failed)?;
        }
        transaction.commit().await.map_err(failed)?;
        self.head.root = self.frontier.root().0;
        Ok(Committed {
            taken_up,
            events: pending.events,
            outcomes,
        })
    }

    /// Reads the records other servers committed after this writer's head up to `newest`, the
    /// log's newest position, checking that each links to the one before, and moves the head
    /// and the tree over them.
    async fn take_up(
        &mut self,
        client: &impl GenericClient,
        newest: u64,
    ) -> Result<Vec<Arc<RecordedEvent>>, StoreError> {
        let known = self.head.position;
        if newest < known {
            return Err(StoreError::ChainBroken(ChainBreak {
                position: newest + 1,
                reason: format!(
                    "the database holds {newest} events, but {known} were committed to it: it was restored from an older copy or lost commits"
                ),
            }));
        }
        let mut taken = Vec::new();
        while self.head.position < newest {
            let rows = client
                .query(
                    RECORDS_AFTER,
                    &[&sql_int(self.head.position), &sql_int(newest), &WALK_PAGE],
                )
                .await
                .map_err(failed)?;
            for row in &rows {
                let position = self.head.position + 1;
                let value: &[u8] = row.get(1);
                if position_of(row, 0) != position {
                    return Err(StoreError::ChainBroken(ChainBreak {
                        position,
                        reason: "the record is missing".into(),
                    }));
                }
                let (hash, canonical) = record::link(position, &self.head.hash, value)
                    .map_err(StoreError::ChainBroken)?;
                let corrupt = |detail: String| StoreError::Corrupt { position, detail };
                let event = record::to_event(&hash, &canonical).map_err(corrupt)?;
                let (_, json) = record::split(value).expect("it linked");
                let leaf = tlog::leaf_bytes(json).map_err(|e| corrupt(e.to_string()))?;
                self.frontier.push(tlog::leaf_hash(&leaf));
                self.head = Head {
                    position,
                    hash,
                    recorded_at: Some(event.recorded_at),
                    root: self.head.root,
                };
                taken.push(Arc::new(event));
            }
            if rows.is_empty() {
                break;
            }
        }
        self.head.root = self.frontier.root().0;
        Ok(taken)
    }

    fn decide(
        &mut self,
        request: &AppendRequest,
        stored: &Stored,
        pending: &mut Pending,
    ) -> Result<AppendOutcome, AppendError> {
        let held = Held { stored, pending };
        let version = match decide::judge(request, &held)? {
            Judgement::Retried(outcome) => return Ok(outcome),
            Judgement::Appends { version } => version,
        };
        let now = decide::recorded_now(&self.head);
        let first_position = self.head.position + 1;
        for written in decide::records(request, &self.head, version, now) {
            self.take(written, pending);
        }
        Ok(AppendOutcome {
            first_position,
            last_position: self.head.position,
            stream_version: version + request.events.len() as u64,
            written: true,
        })
    }

    /// Takes a record of another copy of the log as it is, once `decide::replica` judged it.
    fn replicate(
        &mut self,
        json: &[u8],
        stored: &Stored,
        pending: &mut Pending,
    ) -> Result<AppendOutcome, AppendError> {
        let held = Held { stored, pending };
        let written = decide::replica(json, &self.head, &held)?;
        let (position, version) = (written.event.position, written.event.version);
        self.take(written, pending);
        Ok(AppendOutcome {
            first_position: position,
            last_position: position,
            stream_version: version,
            written: true,
        })
    }

    /// Adds a decided record to the transaction: its row, the tree's hashes it completes, and
    /// what the next judgements of the transaction read of it.
    fn take(&mut self, written: Written, pending: &mut Pending) {
        let e = &written.event;
        let hashes = self.frontier.push(written.leaf);
        let first_index = tlog_tiles::stored_hash_index(0, e.position - 1);
        for (index, hash) in (first_index..).zip(&hashes).skip(tree::STORED_FROM.into()) {
            pending.tree.0.push(sql_int(index));
            pending.tree.1.push(hash.0.to_vec());
        }
        let rows = &mut pending.rows;
        rows.position.push(sql_int(e.position));
        rows.id.push(e.id);
        rows.tenant.push(e.tenant.to_string());
        rows.stream.push(e.stream.to_string());
        rows.version.push(sql_int(e.version));
        rows.event_type.push(e.event_type.clone());
        pending.ids.insert(e.id, e.position);
        let placed = Placed {
            tenant: e.tenant.clone(),
            stream: e.stream.clone(),
            version: e.version,
        };
        pending
            .versions
            .insert((placed.tenant.clone(), placed.stream.clone()), e.version);
        pending.placed.insert(e.position, placed);
        self.head = Head {
            position: e.position,
            hash: written.hash(),
            recorded_at: Some(e.recorded_at),
            root: self.head.root,
        };
        pending.rows.record.push(written.value);
        pending.events.push(written.event);
    }
}

/// What the database holds of one transaction's appends: where their ids are stored, and their
/// streams' versions; read in two queries, under the lock.
#[derive(Default)]
struct Stored {
    ids: HashMap<Uuid, u64>,
    placed: HashMap<u64, Placed>,
    versions: HashMap<(TenantId, StreamId), u64>,
}

impl Stored {
    /// The ids and the streams of a transaction's works, for the queries of what is stored.
    fn keys(works: &[Work]) -> (Vec<Uuid>, Vec<(TenantId, StreamId)>) {
        let mut ids: Vec<Uuid> = Vec::new();
        let mut streams: Vec<(TenantId, StreamId)> = Vec::new();
        for work in works {
            match work {
                Work::Append(r) => {
                    ids.extend(r.events.iter().map(|e| e.id));
                    streams.push((r.tenant.clone(), r.stream.clone()));
                }
                // A record that does not read is refused by its judgement, which needs nothing
                // of the database.
                Work::Replicate(json) => {
                    if let Ok(e) = record::envelope(json)
                        && let (Ok(t), Ok(s)) =
                            (TenantId::parse(e.tenant), StreamId::parse(e.stream))
                    {
                        ids.push(e.id);
                        streams.push((t, s));
                    }
                }
            }
        }
        streams.sort();
        streams.dedup();
        (ids, streams)
    }

    /// What the queries of `Statements::placed` and `Statements::versions` found, for the
    /// `streams` they were asked about.
    fn from_rows(
        placed: &[Row],
        versions: &[Row],
        streams: &[(TenantId, StreamId)],
    ) -> Result<Self, StoreError> {
        let mut stored = Self::default();
        for row in placed {
            let position = position_of(row, 1);
            let corrupt = |detail: String| StoreError::Corrupt { position, detail };
            let placed = Placed {
                tenant: TenantId::parse(row.get::<_, String>(2))
                    .map_err(|e| corrupt(e.to_string()))?,
                stream: StreamId::parse(row.get::<_, String>(3))
                    .map_err(|e| corrupt(e.to_string()))?,
                version: position_of(row, 4),
            };
            stored.ids.insert(row.get(0), position);
            stored.placed.insert(position, placed);
        }
        for row in versions {
            let n = usize::try_from(row.get::<_, i64>(0) - 1).unwrap_or(usize::MAX);
            if let Some(stream) = streams.get(n) {
                stored.versions.insert(stream.clone(), position_of(row, 1));
            }
        }
        Ok(stored)
    }
}

/// The statements of a commit, prepared once per connection (deadpool keeps them with it).
struct Statements {
    lock: Statement,
    newest: Statement,
    /// Where the given ids are stored.
    placed: Statement,
    /// The newest version of each given stream, by the stream's place in the arrays.
    versions: Statement,
    records: Statement,
    tree: Statement,
    notify: Statement,
}

impl Statements {
    async fn prepared(client: &deadpool_postgres::Client) -> Result<Self, StoreError> {
        let (lock, newest, placed, versions, records, tree, notify) = futures::try_join!(
            client.prepare_cached("SELECT pg_advisory_xact_lock($1)"),
            client.prepare_cached(NEWEST),
            client.prepare_cached(
                "SELECT id, position, tenant, stream, version FROM log_records WHERE id = ANY($1)"
            ),
            client.prepare_cached(
                "SELECT s.n, coalesce((SELECT max(version) FROM log_records l
                                        WHERE l.tenant = s.tenant AND l.stream = s.stream), 0)
                   FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(tenant, stream, n)"
            ),
            client.prepare_cached(
                "INSERT INTO log_records (position, id, tenant, stream, version, event_type, record)
                 SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[],
                                      $5::bigint[], $6::text[], $7::bytea[])"
            ),
            client.prepare_cached(
                "INSERT INTO log_tree (index, hash) SELECT * FROM unnest($1::bigint[], $2::bytea[])"
            ),
            client.prepare_cached("SELECT pg_notify($1, $2)"),
        )
        .map_err(failed)?;
        Ok(Self {
            lock,
            newest,
            placed,
            versions,
            records,
            tree,
            notify,
        })
    }
}

/// A statement's parameters, borrowed for one execution.
type Args<'a, const N: usize> = [&'a (dyn ToSql + Sync); N];

/// The log's newest position.
const NEWEST: &str = "SELECT position FROM log_records ORDER BY position DESC LIMIT 1";

/// The log's newest position (0 while it is empty).
async fn newest_position(client: &impl GenericClient) -> Result<u64, StoreError> {
    let row = client.query_opt(NEWEST, &[]).await.map_err(failed)?;
    Ok(row.map_or(0, |row| position_of(&row, 0)))
}

/// What the log holds for judging: the database's part and the transaction's decisions.
struct Held<'a> {
    stored: &'a Stored,
    pending: &'a Pending,
}

impl Holdings for Held<'_> {
    fn position_of(&self, id: &Uuid) -> Result<Option<u64>, StoreError> {
        Ok(self
            .pending
            .ids
            .get(id)
            .or_else(|| self.stored.ids.get(id))
            .copied())
    }

    fn placed_at(&self, position: u64) -> Result<Option<Placed>, StoreError> {
        Ok(self
            .pending
            .placed
            .get(&position)
            .or_else(|| self.stored.placed.get(&position))
            .cloned())
    }

    fn stream_version(&self, tenant: &TenantId, stream: &StreamId) -> Result<u64, StoreError> {
        let key = (tenant.clone(), stream.clone());
        Ok(self
            .pending
            .versions
            .get(&key)
            .or_else(|| self.stored.versions.get(&key))
            .copied()
            .unwrap_or(0))
    }
}

impl EventStore for PgStore {
    fn append(
        &self,
        mut request: AppendRequest,
    ) -> BoxFuture<'static, Result<AppendOutcome, AppendError>> {
        let submitted =
            decide::validate(&mut request).and_then(|()| self.submit(vec![Work::Append(request)]));
        async move {
            let answer = submitted?.pop().expect("one job, one answer");
            answer
                .await
                .map_err(|_| AppendError::Store(StoreError::Closing))?
        }
        .boxed()
    }

    fn replicate(&self, records: Vec<Vec<u8>>) -> BoxFuture<'static, Result<u64, AppendError>> {
        let head = self.head().position;
        let submitted = self.submit(records.into_iter().map(Work::Replicate).collect());
        async move { super::replicated(head, submitted?).await }.boxed()
    }

    fn read_stream(
        &self,
        tenant: &TenantId,
        stream: &StreamId,
        from_version: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let rows = self.query(
            "SELECT position, record FROM log_records
              WHERE tenant = $1 AND stream = $2 AND version >= $3 AND position <= $4
              ORDER BY version LIMIT $5",
            vec![
                Box::new(tenant.to_string()),
                Box::new(stream.to_string()),
                Box::new(sql_int(from_version)),
                Box::new(sql_int(self.head().position)),
                Box::new(sql_int(limit as u64)),
            ],
        )?;
        rows.iter()
            .map(|row| event(position_of(row, 0), row.get(1)))
            .collect()
    }

    fn named_streams(&self, tenant: &TenantId) -> Vec<(StreamId, u64)> {
        let rows = self.query(
            "SELECT stream, count(*) FROM log_records WHERE tenant = $1 AND position <= $2 GROUP BY stream",
            vec![
                Box::new(tenant.to_string()),
                Box::new(sql_int(self.head().position)),
            ],
        );
        let rows = rows.unwrap_or_else(|e| {
            tracing::error!(error = %e, "reading a tenant's streams failed");
            Vec::new()
        });
        rows.iter()
            .filter_map(|row| {
                let name: &str = row.get(0);
                if index::split_id(name).is_some() {
                    return None;
                }
                Some((StreamId::parse(name).ok()?, position_of(row, 1)))
            })
            .collect()
    }

    fn read_page(
        &self,
        filter: &Filter,
        sight: &dyn Fn(&str) -> bool,
        direction: Direction,
        cursor: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        if filter.tenant.is_none() && filter.stream.is_some() || limit == 0 {
            return Ok(Vec::new());
        }
        let head = self.head().position;
        let forward = direction == Direction::Forward;
        // The bounds, exclusive: positions after `low` and before `high`.
        let (mut low, mut high) = if forward {
            (cursor, head.saturating_add(1))
        } else {
            (0, cursor.min(head.saturating_add(1)))
        };
        let mut out = Vec::with_capacity(limit.min(1024));
        // Events out of sight are passed over here, as the sled log passes over them in its
        // index: the page holds `limit` events the reader may see wherever the log has them.
        while out.len() < limit && low.saturating_add(1) < high {
            let want = (limit - out.len()).clamp(64, 4096) as u64;
            let (sql, params) = page_query(filter, low, high, forward, want);
            let rows = self.query(sql, params)?;
            for row in &rows {
                let position = position_of(row, 0);
                if forward {
                    low = position;
                } else {
                    high = position;
                }
                if out.len() < limit && sight(row.get(1)) {
                    out.push(event(position, row.get(2))?);
                }
            }
            if (rows.len() as u64) < want {
                break;
            }
        }
        Ok(out)
    }

    fn get(&self, position: u64) -> Result<Option<RecordedEvent>, StoreError> {
        self.stored(position)?
            .map(|value| event(position, &value))
            .transpose()
    }

    fn head(&self) -> Head {
        *self.shared.head.read().unwrap()
    }

    fn subscribe(&self) -> broadcast::Receiver<Arc<RecordedEvent>> {
        self.shared.feed.subscribe()
    }

    fn replay(
        &self,
        upto: u64,
        visit: &mut dyn FnMut(RecordedEvent),
    ) -> Result<VerifyReport, StoreError> {
        let head = self.head();
        let report = self.walk((0, GENESIS_HASH), upto.min(head.position), visit)?;
        if let Some(b) = &report.first_break {
            self.refuse(StoreError::ChainBroken(b.clone()));
        }
        Ok(report)
    }
    fn on_commit(&self, hook: CommitHook) {
        self.shared.hooks.write().unwrap().push(hook);
    }

    fn refusal(&self) -> Option<StoreError> {
        self.shared.refusal.read().unwrap().clone()
    }

    fn anchored_size(&self) -> u64 {
        // The database is the only record of what was acknowledged: a commit it lost is found
        // by the writer, when the head it reads is behind the one it had (`Writer::take_up`).
        self.head().position
    }

    fn leaf(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(json) = self.json(position)? else {
            return Ok(None);
        };
        let leaf = tlog::leaf_bytes(&json).map_err(|e| StoreError::Corrupt {
            position,
            detail: e.to_string(),
        })?;
        Ok(Some(leaf.into_owned()))
    }

    fn record(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError> {
        self.json(position)
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
        tlog_tiles::tree_hash(size, &PgHashes(self)).map_err(hashes::proof_error)
    }

    fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError> {
        let head = self.head().position;
        if position == 0 || position > size || size > head {
            return Err(StoreError::OutOfRange(format!(
                "position {position} in a log of {size} events cannot be proved: the log has {head} events"
            )));
        }
        tlog_tiles::prove_record(size, position - 1, &PgHashes(self)).map_err(hashes::proof_error)
    }

    fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError> {
        let head = self.head().position;
        if from > to || to > head {
            return Err(StoreError::OutOfRange(format!(
                "a log of {from} events cannot be proved consistent with one of {to}: the log has {head} events"
            )));
        }
        if from == 0 || from == to {
            return Ok(Vec::new());
        }
        tlog_tiles::prove_tree(to, from, &PgHashes(self)).map_err(hashes::proof_error)
    }

    fn at_rest(&self, take: Box<dyn FnOnce(Resume) + Send>) -> Result<(), StoreError> {
        let queue = self.shared.queue.read().unwrap();
        let sender = queue.as_ref().ok_or(StoreError::Closing)?;
        sender
            .send(Queued::AtRest(take))
            .map_err(|_| StoreError::Closing)
    }

    fn check_resumed_history(&self) -> Result<Option<ChainBreak>, StoreError> {
        let Some(resumed) = *self.shared.resumed.lock().unwrap() else {
            return Ok(None);
        };
        let report = self.walk((0, GENESIS_HASH), resumed.position, &mut |_| {})?;
        let first_break = report.first_break.or_else(|| {
            (report.head_hash != resumed.hash).then(|| ChainBreak {
                position: resumed.position,
                reason: format!(
                    "the history up to position {} is not the one the snapshot was taken of",
                    resumed.position
                ),
            })
        });
        if let Some(b) = &first_break {
            self.refuse(StoreError::ChainBroken(b.clone()));
        }
        Ok(first_break)
    }

    fn close(&self) -> BoxFuture<'static, Result<(), StoreError>> {
        let shared = self.shared.clone();
        async move {
            shared.queue.write().unwrap().take();
            if let Some(listener) = shared.listener.lock().unwrap().take() {
                listener.abort();
            }
            let writer = shared.writer.lock().unwrap().take();
            if let Some(writer) = writer {
                writer
                    .await
                    .map_err(|e| StoreError::Io(format!("the log writer failed: {e}")))?;
            }
            // The pool stays open: the state beside the log may share it (see `Database`).
            Ok(())
        }
        .boxed()
    }
}

/// The statement of one page of a filtered read: the positions, types and records of events
/// after `low` and before `high`, nearest the cursor first, at most `limit`.
fn page_query(filter: &Filter, low: u64, high: u64, forward: bool, limit: u64) -> (String, Params) {
    let mut params: Params = vec![Box::new(sql_int(low)), Box::new(sql_int(high))];
    let mut sql =
        "SELECT position, event_type, record FROM log_records WHERE position > $1 AND position < $2"
            .to_owned();
    let mut bind = |sql: &mut String, clause: &str, value: Box<dyn ToSql + Send + Sync>| {
        params.push(value);
        sql.push_str(&format!(" AND {clause} ${}", params.len()));
    };
    match (&filter.tenant, &filter.within) {
        (Some(tenant), _) => bind(&mut sql, "tenant =", Box::new(tenant.to_string())),
        (None, Some(within)) => {
            let tenants: Vec<String> = within.iter().map(ToString::to_string).collect();
            bind(&mut sql, "tenant = ANY(", Box::new(tenants));
            sql.push(')');
        }
        (None, None) => {}
    }
    if let Some(stream) = &filter.stream {
        bind(&mut sql, "stream =", Box::new(stream.to_string()));
    }
    if let Some(event_type) = &filter.event_type {
        bind(&mut sql, "event_type =", Box::new(event_type.clone()));
    }
    let order = if forward { "ASC" } else { "DESC" };
    params.push(Box::new(sql_int(limit)));
    sql.push_str(&format!(
        " ORDER BY position {order} LIMIT ${}",
        params.len()
    ));
    (sql, params)
}
