//! The verifiable log: signed checkpoints, the log's key, inclusion and consistency proofs,
//! and the leaf bytes of an event (see `antikor_shared::tlog` for what they are).

use crate::access::Principal;
use crate::app::AppState;
use crate::util::errors::AppResult;
use crate::util::extract::{Path, Query};
use antikor_shared::api::{ConsistencyProof, ErrorBody, InclusionProof};
use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use utoipa::IntoParams;

const TEXT: &str = "text/plain; charset=utf-8";

/// The newest checkpoint, signed by the log's key (C2SP tlog-checkpoint in a signed note):
/// save it, and check later that the log still extends it.
#[utoipa::path(get, path = "/api/log/checkpoint", tag = "log",
    responses(
        (status = 200, description = "The signed checkpoint", content_type = "text/plain", body = String),
        (status = 503, description = "The log is damaged and signs nothing", body = ErrorBody)))]
pub async fn checkpoint(State(app): State<AppState>) -> AppResult<impl IntoResponse> {
    Ok(([(header::CONTENT_TYPE, TEXT)], app.cosigned_checkpoint()?))
}

/// The key that signs the checkpoints, as a signed-note verifier key (`name+hash+base64`).
#[utoipa::path(get, path = "/api/log/key", tag = "log",
    responses((status = 200, description = "The verifier key", content_type = "text/plain", body = String)))]
pub async fn key(State(app): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, TEXT)],
        format!("{}\n", app.checkpoints.verifier()),
    )
}

/// The sizes a consistency proof connects.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// The earlier size (a checkpoint you hold).
    pub from: u64,
    /// The later size (at most the log's).
    pub to: u64,
}

/// Proves that the log of `to` events extends the log of `from` events: nothing of the first
/// `from` was changed or removed.
#[utoipa::path(get, path = "/api/log/proof/consistency", tag = "log", params(ConsistencyQuery),
    responses(
        (status = 200, description = "The proof", body = ConsistencyProof),
        (status = 400, description = "Sizes the log does not have", body = ErrorBody)))]
pub async fn consistency(
    State(app): State<AppState>,
    Query(q): Query<ConsistencyQuery>,
) -> AppResult<Json<ConsistencyProof>> {
    Ok(Json(app.consistency_proof(q.from, q.to)?))
}

/// The event and tree size an inclusion proof is for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InclusionQuery {
    /// The event's log position (at most `size`).
    #[param(minimum = 1)]
    pub position: u64,
    /// The tree size (a checkpoint's); default: the log's current size.
    pub size: Option<u64>,
}

/// Proves that the event at `position` is in the log of `size` events.
#[utoipa::path(get, path = "/api/log/proof/inclusion", security(("session" = [])), tag = "log", params(InclusionQuery),
    responses(
        (status = 200, description = "The proof", body = InclusionProof),
        (status = 400, description = "A position or size the log does not have", body = ErrorBody),
        (status = 404, description = "No such event, or one the caller may not see", body = ErrorBody)))]
pub async fn inclusion(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<InclusionQuery>,
) -> AppResult<Json<InclusionProof>> {
    let scope = principal.read_scope();
    let size = q.size.unwrap_or_else(|| app.head().position);
    Ok(Json(app.log(&scope).inclusion_proof(q.position, size)?))
}

/// The exact leaf bytes of an event: its record as canonical JSON, sealed fields as hashes.
/// `SHA-256(0x00 ‖ these bytes)` is its leaf hash.
#[utoipa::path(get, path = "/api/log/entries/{position}", security(("session" = [])), tag = "log",
    params(("position" = u64, Path, description = "The event's log position")),
    responses(
        (status = 200, description = "The leaf bytes: a JSON object", content_type = "application/json", body = Object),
        (status = 404, description = "No such event, or one the caller may not see", body = ErrorBody)))]
pub async fn entry(
    State(app): State<AppState>,
    principal: Principal,
    Path(position): Path<u64>,
) -> AppResult<impl IntoResponse> {
    let scope = principal.read_scope();
    let leaf = app.log(&scope).leaf(position)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], leaf))
}

/// The whole log as a bundle (see `crate::bundle`): every leaf and a signed checkpoint over
/// them, to check with `antikor bundle verify` away from the server. Auditors only.
#[utoipa::path(get, path = "/api/log/bundle", security(("session" = [])), tag = "log",
    responses(
        (status = 200, description = "The bundle (JSON Lines)", content_type = "application/x-ndjson", body = String),
        (status = 403, description = "Not an auditor", body = ErrorBody),
        (status = 503, description = "The log is damaged", body = ErrorBody)))]
pub async fn bundle(
    State(app): State<AppState>,
    principal: Principal,
) -> AppResult<impl IntoResponse> {
    principal.whole_log(&app.models_unscoped())?;
    let checkpoint = app.checkpoint()?;
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<axum::body::Bytes>>(8);
    let store = app.system_log().clone();
    let key = app.checkpoints.verifier().clone();
    let filename = format!(
        "attachment; filename=\"antikor-log-{}.jsonl\"",
        checkpoint.size
    );
    tokio::task::spawn_blocking(move || {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, ChannelWriter(tx.clone()));
        if let Err(e) = crate::bundle::write(
            store.as_ref(),
            checkpoint.size,
            &[key],
            &checkpoint.text,
            &mut out,
        ) {
            tracing::error!(error = %e, "writing an auditor's bundle failed");
            let _ = tx.blocking_send(Err(std::io::Error::other(e.to_string())));
        }
    });
    Ok((
        [
            (header::CONTENT_TYPE, "application/x-ndjson".to_owned()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        axum::body::Body::from_stream(tokio_stream::wrappers::ReceiverStream::new(rx)),
    ))
}

/// Where a mirror's next read starts, and how many records it takes.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordsQuery {
    /// The first position (at most the log's size + 1).
    #[param(minimum = 1)]
    pub from: u64,
    /// At most this many records (1–10,000; default 1,000).
    #[param(minimum = 1, maximum = 10000)]
    pub limit: Option<u64>,
}

/// Stored records as they are (canonical JSON, one per line; sealed fields as ciphertext, which
/// only the vault's key opens), for `antikor mirror` to keep a full copy. Auditors only.
#[utoipa::path(get, path = "/api/log/records", security(("session" = [])), tag = "log", params(RecordsQuery),
    responses(
        (status = 200, description = "Records, one per line", content_type = "application/x-ndjson", body = String),
        (status = 400, description = "A position the log does not have", body = ErrorBody),
        (status = 403, description = "Not an auditor", body = ErrorBody)))]
pub async fn records(
    State(app): State<AppState>,
    principal: Principal,
    Query(q): Query<RecordsQuery>,
) -> AppResult<impl IntoResponse> {
    principal.whole_log(&app.models_unscoped())?;
    let lines = app.mirror_records(q.from, q.limit.unwrap_or(1000))?;
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], lines))
}

/// Hands what a blocking writer writes to an async response body, chunk by chunk.
struct ChannelWriter(tokio::sync::mpsc::Sender<std::io::Result<axum::body::Bytes>>);

impl std::io::Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .blocking_send(Ok(axum::body::Bytes::copy_from_slice(buf)))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client left"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
