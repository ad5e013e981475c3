//! The audit trail: every event in order, filtered and paged, one by one, and live.

use crate::access::{Principal, ReadScope};
use crate::app::log::{Moment, Narrowing};
use crate::app::{App, AppState};
use crate::store::{Direction, Filter};
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::{Path, Query, Speaks};
use crate::util::paging::page_size;
use antikor_shared::api::{
    AuditDiff, AuditEntry, AuditPage, AuditQuery, AuditRecord, ErrorBody, EventTypeCount,
    RecordHistory,
};
use antikor_shared::i18n::Lang;
use antikor_shared::msg;
use antikor_shared::{RecordedEvent, StreamId, TenantId};
use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::{Stream, StreamExt};
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use utoipa::IntoParams;

/// One page of events, newest first, with cursors to the neighbouring pages. Officers and
/// tenant admins see their own tenant's events only; regional roles and auditors all. `from`
/// and `to` keep the page within a stretch of time (or of positions), the cursors too;
/// `actor` to one person's events, looked for a bounded stretch of the log per page (see
/// `search_stopped_at`).
#[utoipa::path(get, path = "/api/audit/events", security(("session" = [])), tag = "audit", params(AuditQuery),
    responses(
        (status = 200, description = "A page of events, newest first", body = AuditPage),
        (status = 400, description = "Contradictory or malformed filters", body = ErrorBody),
        (status = 404, description = "Unknown tenant, or one out of the caller's reach", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<AuditQuery>,
) -> AppResult<Json<AuditPage>> {
    let limit = page_size(q.limit)?;
    if q.before.is_some() && q.after.is_some() {
        return Err(AppError::BadRequest(msg!("requests-before-or-after")));
    }
    if q.stream.is_some() && q.tenant.is_none() {
        return Err(AppError::BadRequest(msg!("requests-stream-needs-tenant")));
    }
    let actor = q.actor.as_deref().map(str::trim).filter(|a| !a.is_empty());
    if actor.is_some_and(|a| a.chars().count() > 64) {
        return Err(AppError::BadRequest(msg!("requests-actor-too-long")));
    }
    let span = Span::of(&app, q.from.as_deref(), q.to.as_deref())?;
    let narrowing = Narrowing {
        after: span.after,
        upto: span.upto,
        actor,
    };
    let scope = principal.read_scope();
    let log = app.log(&scope);
    let filter = log.filter(q.tenant, q.stream, q.event_type)?;
    Ok(Json(log.trail(
        &filter, &narrowing, q.before, q.after, limit, lang,
    )?))
}

/// The stretch of the log a page keeps to: positions after `after`, up to `upto`.
struct Span {
    after: u64,
    upto: u64,
}

impl Span {
    /// The positions from the moment `from` names (inclusive) to the one `to` names
    /// (inclusive); the whole log when neither is given.
    fn of(app: &App, from: Option<&str>, to: Option<&str>) -> AppResult<Self> {
        let parse = |raw: Option<&str>| {
            raw.map(str::trim)
                .filter(|r| !r.is_empty())
                .map(Moment::parse)
                .transpose()
        };
        let (from, to) = (parse(from)?, parse(to)?);
        let backwards = match (from, to) {
            (Some(Moment::Time(f)), Some(Moment::Time(t))) => f > t,
            (Some(Moment::Position(f)), Some(Moment::Position(t))) => f > t,
            _ => false,
        };
        if backwards {
            return Err(AppError::BadRequest(msg!("requests-period-backwards")));
        }
        let after = match from {
            None => 0,
            Some(Moment::Position(p)) => p.saturating_sub(1),
            // The events of that very instant are in: the span starts after the last one
            // recorded before it.
            Some(Moment::Time(t)) => {
                app.position_of(Moment::Time(t - chrono::Duration::nanoseconds(1)))?
            }
        };
        let upto = match to {
            None => u64::MAX,
            Some(moment) => app.position_of(moment)?,
        };
        Ok(Self { after, upto })
    }
}

/// One event with its hash.
#[utoipa::path(get, path = "/api/audit/events/{position}", security(("session" = [])), tag = "audit",
    params(("position" = u64, Path, description = "Position in the log")),
    responses(
        (status = 200, description = "The event, its sentence and its record's name", body = AuditEntry),
        (status = 404, description = "No event at that position that the caller may see", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Path(position): Path<u64>,
) -> AppResult<Json<AuditEntry>> {
    app.log(&principal.read_scope())
        .get(position, lang)?
        .map(Json)
        .ok_or_else(|| {
            AppError::NotFound(msg!(
                "requests-no-event-at",
                position = position.to_string()
            ))
        })
}

/// Whose event types to count.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventTypesQuery {
    /// Only this tenant's events.
    pub tenant: Option<TenantId>,
}

/// The event types in the log (or in one tenant's part of it) and how many of each, for the
/// audit trail's filter.
#[utoipa::path(get, path = "/api/audit/event-types", security(("session" = [])), tag = "audit", params(EventTypesQuery),
    responses(
        (status = 200, description = "Event types by name", body = [EventTypeCount]),
        (status = 404, description = "Unknown tenant, or one out of the caller's reach", body = ErrorBody)))]
pub async fn event_types(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<EventTypesQuery>,
) -> AppResult<Json<Vec<EventTypeCount>>> {
    let scope = principal.read_scope();
    let log = app.log(&scope);
    let filter = log.filter(q.tenant, None, None)?;
    let counts = log.event_types(filter.tenant.as_ref());
    Ok(Json(
        counts
            .into_iter()
            .map(|(event_type, count)| EventTypeCount { event_type, count })
            .collect(),
    ))
}

/// The records of one tenant the trail can be narrowed to, by name: its plans, progress
/// reports, accounts and lists (activities and signals are narrowed to from their rows).
#[utoipa::path(get, path = "/api/audit/records", security(("session" = [])), tag = "audit", params(EventTypesQuery),
    responses(
        (status = 200, description = "The tenant's named records", body = [AuditRecord]),
        (status = 400, description = "No tenant given", body = ErrorBody),
        (status = 404, description = "Unknown tenant, or one out of the caller's reach", body = ErrorBody)))]
pub async fn records(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<EventTypesQuery>,
) -> AppResult<Json<Vec<AuditRecord>>> {
    let scope = principal.read_scope();
    let log = app.log(&scope);
    let tenant = log
        .filter(q.tenant, None, None)?
        .tenant
        .ok_or_else(|| AppError::BadRequest(msg!("requests-choose-tenant")))?;
    Ok(Json(log.records(&tenant, lang)))
}

/// Two moments of one tenant's records.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The tenant (officers and tenant admins: their own).
    pub tenant: Option<TenantId>,
    /// The first moment: a log position, or an RFC 3339 instant.
    pub from: String,
    /// The second moment, likewise.
    pub to: String,
}

/// What changed in one tenant's records between two moments, as the caller may see them:
/// progress per measure, plan measures, activities, accounts and roles, the tenant's lists,
/// and for the register's officers and auditors its signals. Each record is added, changed
/// (field: before → after) or removed, with the events, users and times that did it.
#[utoipa::path(get, path = "/api/audit/diff", security(("session" = [])), tag = "audit", params(DiffQuery),
    responses(
        (status = 200, description = "The records that differ", body = AuditDiff),
        (status = 400, description = "No tenant, a malformed or reversed moment, or too long a stretch", body = ErrorBody),
        (status = 404, description = "Unknown tenant, or one out of the caller's reach", body = ErrorBody)))]
pub async fn diff(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<DiffQuery>,
) -> AppResult<Json<AuditDiff>> {
    let (from, to) = (Moment::parse(q.from.trim())?, Moment::parse(q.to.trim())?);
    Ok(Json(
        app.diff(&principal.read_scope(), q.tenant, from, to, lang)
            .await?,
    ))
}

/// One record of one tenant.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// The tenant (officers and tenant admins: their own).
    pub tenant: Option<TenantId>,
    /// The record's stream.
    pub stream: StreamId,
}

/// Every version of one record, oldest first, with the fields each version changed.
#[utoipa::path(get, path = "/api/audit/history", security(("session" = [])), tag = "audit", params(HistoryQuery),
    responses(
        (status = 200, description = "The record's versions", body = RecordHistory),
        (status = 400, description = "No tenant", body = ErrorBody),
        (status = 404, description = "No such record the caller may see", body = ErrorBody)))]
pub async fn history(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<HistoryQuery>,
) -> AppResult<Json<RecordHistory>> {
    Ok(Json(app.history(
        &principal.read_scope(),
        q.tenant,
        q.stream,
        lang,
    )?))
}

fn event_message(e: &AuditEntry) -> Option<Event> {
    Event::default()
        .event("event")
        .id(e.event.position.to_string())
        .json_data(e)
        .ok()
}

/// Which new events a live feed carries.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LiveQuery {
    /// Only this tenant's events.
    pub tenant: Option<TenantId>,
    /// Only events of this type.
    pub event_type: Option<String>,
}

/// Most missed events a reconnecting (or lagging) live feed is sent; past that it is told to
/// reload.
const MAX_BACKLOG: usize = 1000;

/// Tells a live client to reload. It carries no count: the channel's count of missed events
/// takes in those hidden from the caller too.
fn lagged() -> Event {
    Event::default().event("lagged").data("reload")
}

/// One live feed: what it carries, and the newest event it has sent.
struct Feed {
    app: AppState,
    scope: ReadScope,
    filter: Filter,
    delivered: u64,
    /// The language its sentences are told in.
    lang: Lang,
}

impl Feed {
    /// The events after the newest one sent, as the scope reads them from the log (hidden
    /// ones never counted): up to [`MAX_BACKLOG`] of them, or past that a `lagged` message.
    fn catch_up(&mut self) -> AppResult<Vec<Event>> {
        let log = self.app.log(&self.scope);
        let missed = log.page(
            &self.filter,
            Direction::Forward,
            self.delivered,
            MAX_BACKLOG + 1,
            self.lang,
        )?;
        if missed.len() > MAX_BACKLOG {
            self.delivered = log.head_position();
            return Ok(vec![lagged()]);
        }
        if let Some(last) = missed.last() {
            self.delivered = last.event.position;
        }
        Ok(missed.iter().filter_map(event_message).collect())
    }

    /// Whether a newly committed event is for this feed; checked once more for every event.
    fn carries(&self, e: &RecordedEvent) -> bool {
        e.position > self.delivered
            && self.scope.sees(e)
            && self.filter.tenant.as_ref().is_none_or(|t| *t == e.tenant)
            && self
                .filter
                .event_type
                .as_ref()
                .is_none_or(|t| *t == e.event_type)
    }

    /// What one item of the broadcast channel adds to the feed: nothing at all for an event
    /// the caller may not see, not even a keep-alive.
    fn next(&mut self, item: Result<Arc<RecordedEvent>, BroadcastStreamRecvError>) -> Vec<Event> {
        match item {
            Ok(e) if self.carries(&e) => {
                self.delivered = e.position;
                event_message(&self.app.audit_entry(RecordedEvent::clone(&e), self.lang))
                    .into_iter()
                    .collect()
            }
            Ok(_) => Vec::new(),
            // The channel dropped events, maybe only hidden ones: the log tells which of
            // them the caller may see, so neither the lag nor its size shows anything hidden.
            Err(BroadcastStreamRecvError::Lagged(_)) => self.catch_up().unwrap_or_else(|error| {
                tracing::error!(%error, "a live feed could not catch up with the log");
                vec![lagged()]
            }),
        }
    }
}

/// Server-sent events: each newly committed event as an `event` message (its `id` is the
/// position) with the event as JSON; a `lagged` message when the client fell behind by more
/// than a thousand events and should reload. A client that reconnects with `Last-Event-ID`
/// first gets the events it missed.
///
/// The feed carries only events the caller may see, checked once more for every event; the
/// others send nothing, and the backlog and the catching up after a lag read only those the
/// caller may see.
#[utoipa::path(get, path = "/api/audit/live", security(("session" = [])), tag = "audit", params(LiveQuery),
    responses(
        (status = 200, description = "A stream of `event` and `lagged` messages", content_type = "text/event-stream", body = AuditEntry),
        (status = 404, description = "Unknown tenant, or one out of the caller's reach", body = ErrorBody)))]
pub async fn live(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
    Query(q): Query<LiveQuery>,
    headers: HeaderMap,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let scope = principal.read_scope();
    let (filter, head, receiver) = {
        let log = app.log(&scope);
        let filter = log.filter(q.tenant, None, q.event_type)?;
        // The head before subscribing, and the backlog after it: nothing falls between the
        // two (an event in both is sent once).
        let head = log.head_position();
        (filter, head, log.subscribe())
    };
    let last_seen = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let mut feed = Feed {
        app: app.clone(),
        scope,
        filter,
        delivered: last_seen.unwrap_or(head),
        lang,
    };
    let backlog = feed.catch_up()?;
    let mut stopping = app.stopping.clone();
    let stopped = async move {
        let _ = stopping.wait_for(|s| *s).await;
    };
    let live =
        BroadcastStream::new(receiver).flat_map(move |item| futures::stream::iter(feed.next(item)));
    let feed = futures::stream::iter(backlog)
        .chain(live)
        .map(Ok)
        .take_until(stopped);
    Ok(Sse::new(feed).keep_alive(KeepAlive::default()))
}
