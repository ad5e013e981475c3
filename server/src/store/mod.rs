//! The append-only event log: its contract (`EventStore`) and the sled backend.
//!
//! Every change in Antikor is an event appended here. An append is acknowledged only after its
//! bytes are on disk; each record is chained to the previous one by SHA-256, so that any change
//! to history is found by [`verify`](EventStore::verify).

pub mod anchor;
pub mod compress;
pub mod decide;
pub mod durable;
pub mod index;
pub mod keys;
pub mod postgres;
pub mod record;
mod sled_store;
pub mod tree;
pub mod view;

pub use record::ChainBreak;
pub(crate) use sled_store::open_sled;
pub use sled_store::{SledStore, StoreOptions, copy_folder, copy_folder_to_check};

use antikor_shared::events::AnyEvent;
use antikor_shared::tlog::Hash;
use antikor_shared::{EventHeader, RecordedEvent, StreamId, TenantId};
use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeSet;
use std::sync::Arc;
use tokio::sync::broadcast;
use uuid::Uuid;

/// Largest payload the log takes. sled writes values over 128 KiB to blob files it never
/// fsyncs, so records stay well below that.
pub const MAX_PAYLOAD_BYTES: usize = 64 * 1024;

/// Most events one append may carry.
pub const MAX_EVENTS_PER_APPEND: usize = 1000;

/// What the writer expects the stream's current version to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedVersion {
    /// Append whatever the stream holds.
    Any,
    /// The stream must not exist yet.
    NoStream,
    /// The stream's newest event must have exactly this version.
    Exact(u64),
}

/// An event to append, before the log gives it a place.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// Unique id; a retry with the same ids writes nothing and returns the first outcome.
    pub id: Uuid,
    /// Past-tense name, e.g. `TenantRegistered`.
    pub event_type: String,
    /// Version of the payload's shape.
    pub schema_version: u32,
    /// The data, as JSON.
    pub payload: Box<RawValue>,
}

impl NewEvent {
    /// Builds an event from a typed domain event.
    pub fn from_domain<E: antikor_shared::DomainEvent>(id: Uuid, event: &E) -> Self {
        let json = serde_json::to_string(event).expect("domain events serialize to JSON");
        Self {
            id,
            event_type: E::EVENT_TYPE.to_owned(),
            schema_version: E::SCHEMA_VERSION,
            payload: RawValue::from_string(json).expect("serde_json writes valid JSON"),
        }
    }
}

impl NewEvent {
    /// Builds an event of an aggregate's event enum.
    pub fn from_set<S: antikor_shared::events::EventSet>(id: Uuid, event: &S) -> Self {
        let event_type = event.event_type();
        Self {
            id,
            event_type: event_type.name().to_owned(),
            schema_version: event_type.schema_version(),
            payload: RawValue::from_string(event.to_json()).expect("serde_json writes valid JSON"),
        }
    }
}

/// Who and what an append belongs to, stored with each of its events.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// A username, or `system`.
    pub actor: String,
    /// Groups the events of one user action.
    pub correlation_id: Uuid,
    /// The event or command that caused these events.
    pub causation_id: Option<Uuid>,
}

impl Metadata {
    /// Metadata for what the server does by itself (seeding, migrations).
    pub fn system() -> Self {
        Self {
            actor: "system".to_owned(),
            correlation_id: Uuid::new_v4(),
            causation_id: None,
        }
    }
}

/// One all-or-nothing append to one stream.
#[derive(Debug, Clone)]
pub struct AppendRequest {
    /// Whose data.
    pub tenant: TenantId,
    /// Which entity.
    pub stream: StreamId,
    /// Optimistic concurrency check.
    pub expected: ExpectedVersion,
    /// The events, in order (at least one).
    pub events: Vec<NewEvent>,
    /// Actor and correlation.
    pub metadata: Metadata,
}

/// Where an append's events landed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendOutcome {
    /// Global position of the first event.
    pub first_position: u64,
    /// Global position of the last event.
    pub last_position: u64,
    /// The stream's version after the append.
    pub stream_version: u64,
    /// False when every event id was already stored and nothing was written.
    pub written: bool,
}

/// Why an append was refused. Domain-level refusals; storage failures are [`StoreError`].
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    /// The optimistic concurrency check failed.
    #[error("stream {tenant}/{stream} is at version {actual}, the append expected {expected:?}")]
    WrongExpectedVersion {
        /// Tenant of the stream.
        tenant: TenantId,
        /// The stream.
        stream: StreamId,
        /// What the writer expected.
        expected: ExpectedVersion,
        /// What the stream holds (0 = no stream).
        actual: u64,
    },
    /// The request itself is malformed (no events, too large, bad event type, repeated ids, …).
    #[error("{0}")]
    Invalid(String),
    /// Some of the ids exist already, or they exist in another stream: not a clean retry.
    #[error("event {id} is already stored at position {position} as part of another append")]
    DuplicateId {
        /// The id that clashed.
        id: Uuid,
        /// Where it is stored.
        position: u64,
    },
    /// The store failed or refuses writes.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A failure of the storage itself, not of the request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing the database failed.
    #[error("storage failure: {0}")]
    Io(String),
    /// The stored bytes are not a valid record.
    #[error("corrupt record at position {position}: {detail}")]
    Corrupt {
        /// The record's position.
        position: u64,
        /// What was wrong.
        detail: String,
    },
    /// The hash chain is broken, so the store refuses to add to it.
    #[error("the log failed verification ({0}); writes are refused")]
    ChainBroken(ChainBreak),
    /// A proof or a leaf was asked of sizes or positions the log does not have.
    #[error("{0}")]
    OutOfRange(String),
    /// The server is shutting down and takes no new appends.
    #[error("the store is closing and takes no new appends")]
    Closing,
    /// Another process holds the data folder.
    #[error("the data folder {0} is in use by another Antikor process")]
    Locked(String),
    /// The database that holds the log cannot be reached, or is starting or stopping: nothing
    /// is wrong with the log, and the same request may be sent again shortly.
    #[error("the log's database cannot be reached: {0}")]
    Unreachable(String),
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Io(e.to_string())
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e.to_string())
    }
}

/// The newest record of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Head {
    /// Its position (0 for an empty log).
    pub position: u64,
    /// Its hash (zeros for an empty log).
    pub hash: [u8; 32],
    /// When it was recorded.
    pub recorded_at: Option<DateTime<Utc>>,
    /// The Merkle tree root of the log up to it (RFC 6962; the empty tree's root for an empty
    /// log).
    pub root: [u8; 32],
}

/// What an open log keeps in memory, as of its head: enough to open the log again without
/// walking the history up to that head (see `crate::snapshot`, which stores it beside the read
/// models of the same head). Opening checks it against the log before using it, and
/// [`EventStore::check_resumed_history`] checks the history it stands for.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    /// The head it was taken at.
    pub head: Head,
    /// The indexes of the events up to that head (empty for a log on PostgreSQL, whose
    /// indexes are the database's).
    pub index: index::Index,
    /// The Merkle tree's frontier at that head.
    pub frontier: tree::Frontier,
}

/// What the walk that opens a log hands to its visitor.
#[expect(
    clippy::large_enum_variant,
    reason = "handed over by value once per event and never stored; a box would cost an allocation per event of a replay"
)]
pub enum Replayed {
    /// The walk goes on after `position`: at the resume point when the log accepted it, or
    /// from the start (0) when it did not — the visitor then drops whatever it resumed from.
    After(u64),
    /// The next verified event's header, with what the visitor's [`Decoder`] made of its
    /// payload.
    Event(EventHeader, Option<AnyEvent>),
}

/// A walk's visitor's decoding of each event's payload (given as the record's text, which the
/// chain's hash vouches for but nothing has parsed yet), run on the walk's reading threads
/// beside the checks, so that the visitor is handed the event decoded. The read models fold on
/// one thread, and decoding there was a quarter of a rebuild's time on that thread.
pub type Decoder = fn(&EventHeader, &str) -> Option<AnyEvent>;

/// A visitor of whole events that hands `visit` each one's header and what `decoder` makes of
/// its payload: [`EventStore::replay_decoded`] on a backend that reads whole events anyway.
pub(crate) fn decoding(
    decoder: Decoder,
    visit: &mut dyn FnMut(EventHeader, Option<AnyEvent>),
) -> impl FnMut(RecordedEvent) + '_ {
    move |event| {
        let header = event.header();
        let decoded = decoder(&header, event.payload.get());
        visit(header, decoded)
    }
}

/// Which events a filtered read returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this tenant.
    pub tenant: Option<TenantId>,
    /// Without `tenant`: only these tenants (a province's). `None`: every tenant.
    pub within: Option<Arc<BTreeSet<TenantId>>>,
    /// Only this stream (with `tenant`).
    pub stream: Option<StreamId>,
    /// Only this event type.
    pub event_type: Option<String>,
}

/// Every event type: the sight of the server's own reads of the whole log (a reader's sight
/// is `ReadScope::sees_type`).
pub fn all_types(_: &str) -> bool {
    true
}

/// Direction of a filtered page read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Positions ascending, strictly after the cursor.
    Forward,
    /// Positions descending, strictly before the cursor.
    Backward,
}

/// Outcome of walking the whole log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// How many records were checked.
    pub records: u64,
    /// The head after the walk.
    pub head_hash: [u8; 32],
    /// The first break found, if any.
    pub first_break: Option<ChainBreak>,
}

/// Waits for the writer's answers to the records a [`EventStore::replicate`] queued, in order:
/// the new head's position (`head`, the one before, when there were none).
pub(crate) async fn replicated(
    head: u64,
    answers: Vec<tokio::sync::oneshot::Receiver<Result<AppendOutcome, AppendError>>>,
) -> Result<u64, AppendError> {
    let mut head = head;
    for answer in answers {
        head = answer
            .await
            .map_err(|_| AppendError::Store(StoreError::Closing))??
            .last_position;
    }
    Ok(head)
}

/// Called by the writer, in position order, for every durably committed batch of events,
/// before the appends are acknowledged: read models use it to stay read-your-writes.
pub type CommitHook = Box<dyn Fn(&[Arc<RecordedEvent>]) + Send + Sync>;

/// The contract of an event log backend.
pub trait EventStore: Send + Sync + 'static {
    /// Appends one stream's events atomically; resolves once they are durable.
    fn append(
        &self,
        request: AppendRequest,
    ) -> BoxFuture<'static, Result<AppendOutcome, AppendError>>;

    /// Appends records copied as they are from another copy of this log (their canonical JSON,
    /// as [`record`](Self::record) gives them), in order, each judged by `decide::replica`;
    /// resolves with the new head's position once they are durable. A mirror's rounds and
    /// `antikor store copy` write with it.
    fn replicate(&self, records: Vec<Vec<u8>>) -> BoxFuture<'static, Result<u64, AppendError>>;

    /// Events of one stream with version ≥ `from_version`, at most `limit`.
    fn read_stream(
        &self,
        tenant: &TenantId,
        stream: &StreamId,
        from_version: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError>;

    /// A tenant's streams named rather than keyed by a record's id (its plans, progress
    /// reports, accounts, lists), with how many events each holds, in no particular order.
    fn named_streams(&self, tenant: &TenantId) -> Vec<(StreamId, u64)>;

    /// A tenant's events with position ≥ `from_position`, at most `limit`.
    fn read_tenant(
        &self,
        tenant: &TenantId,
        from_position: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let filter = Filter {
            tenant: Some(tenant.clone()),
            ..Filter::default()
        };
        self.read_page(
            &filter,
            &all_types,
            Direction::Forward,
            from_position.saturating_sub(1),
            limit,
        )
    }

    /// All events with position ≥ `from_position`, at most `limit`.
    fn read_all(&self, from_position: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        self.read_page(
            &Filter::default(),
            &all_types,
            Direction::Forward,
            from_position.saturating_sub(1),
            limit,
        )
    }

    /// A page of events matching `filter` whose types `sight` accepts, strictly after (forward)
    /// or before (backward) `cursor`: up to `limit` of them, and fewer only where the log ends.
    /// Events out of sight are passed over inside the read, so that they take no place in the
    /// page and neither its length nor what lies beyond it tells where they are.
    fn read_page(
        &self,
        filter: &Filter,
        sight: &dyn Fn(&str) -> bool,
        direction: Direction,
        cursor: u64,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError>;

    /// The event at a position, if any.
    fn get(&self, position: u64) -> Result<Option<RecordedEvent>, StoreError>;

    /// The newest record.
    fn head(&self) -> Head;

    /// New events as they are committed, in order.
    fn subscribe(&self) -> broadcast::Receiver<Arc<RecordedEvent>>;

    /// Walks the log up to `upto` (inclusive), checking every link of the hash chain, and hands
    /// each event that links to `visit`, in order. Stops at the first break; a break found by a
    /// walk of the whole log makes the store refuse writes.
    fn replay(
        &self,
        upto: u64,
        visit: &mut dyn FnMut(RecordedEvent),
    ) -> Result<VerifyReport, StoreError>;

    /// Walks the log like [`replay`](Self::replay), handing `visit` each event's header with
    /// what `decoder` made of its payload: a backend that can decodes beside the checks, on
    /// every core, and makes no [`RecordedEvent`] (a rebuild of the read models reads only
    /// headers and decoded payloads).
    fn replay_decoded(
        &self,
        upto: u64,
        decoder: Decoder,
        visit: &mut dyn FnMut(EventHeader, Option<AnyEvent>),
    ) -> Result<VerifyReport, StoreError> {
        self.replay(upto, &mut decoding(decoder, visit))
    }

    /// Walks the whole chain and reports the first break.
    fn verify(&self) -> Result<VerifyReport, StoreError> {
        self.replay(u64::MAX, &mut |_| {})
    }

    /// Registers a function called with each durably committed batch, in order, before the
    /// appends in it are acknowledged.
    fn on_commit(&self, hook: CommitHook);

    /// Why writes are refused, if they are (a broken chain, a failed write, closing).
    fn refusal(&self) -> Option<StoreError>;

    /// How many events the log held by its anchor when it was opened: more than the head when
    /// acknowledged events are missing.
    fn anchored_size(&self) -> u64;

    /// The leaf bytes of the event at `position` (its record with sealed fields shown as
    /// hashes; see `antikor_shared::tlog`).
    fn leaf(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError>;

    /// The stored canonical JSON of the event at `position`, sealed fields as ciphertext: what
    /// a mirror copies and [`replicate`](Self::replicate) takes.
    fn record(&self, position: u64) -> Result<Option<Vec<u8>>, StoreError>;

    /// The Merkle root of the first `size` events (`size` at most the head).
    fn root_at(&self, size: u64) -> Result<Hash, StoreError>;

    /// The audit path of the event at `position` in the tree of the first `size` events
    /// (`1 ≤ position ≤ size ≤ head`).
    fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError>;

    /// The consistency proof from the first `from` events to the first `to` events
    /// (`from ≤ to ≤ head`).
    fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError>;

    /// Hands `take` what the log holds in memory as of its head ([`Resume`]) on the writer's
    /// side, between two commits: every commit hook has run for the events up to that head and
    /// the next commit waits, so read models fed by the hooks stand at the same head while
    /// `take` runs. Keep `take` short (copy, then work elsewhere): appends wait for it.
    fn at_rest(&self, take: Box<dyn FnOnce(Resume) + Send>) -> Result<(), StoreError>;

    /// When the log was opened from a resume point, walks the history up to it — which the
    /// opening did not — and checks it against what the resume point stands for (the chain's
    /// hash, the Merkle root, the stored tree hashes). A difference is a break, after which the
    /// store refuses writes. `Ok(None)` when all agrees or there was no resume point.
    fn check_resumed_history(&self) -> Result<Option<ChainBreak>, StoreError>;

    /// Stops taking appends, finishes those in flight, and makes everything durable.
    fn close(&self) -> BoxFuture<'static, Result<(), StoreError>>;
}
