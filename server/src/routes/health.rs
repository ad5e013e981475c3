//! `GET /api/health`: is the server up, and where is the log's head.

use crate::app::AppState;
use antikor_shared::api::Health;
use antikor_shared::tlog;
use axum::Json;
use axum::extract::State;

/// Liveness, the head of the hash chain and the Merkle root (note them down, or better save
/// `/api/log/checkpoint`, to check later that history was not rewritten), and any damage
/// found at start-up.
#[utoipa::path(get, path = "/api/health", tag = "system",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(app): State<AppState>) -> Json<Health> {
    let head = app.head();
    let damage = app.damage();
    let status = if damage.is_some() { "damaged" } else { "ok" };
    Json(Health {
        status: status.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        head_position: head.position,
        head_hash: if head.position == 0 {
            String::new()
        } else {
            hex::encode(head.hash)
        },
        root: tlog::to_base64(&tlog::Hash(head.root)),
        log_key: app.checkpoints.verifier().fingerprint(),
        damage,
        history_checked: app.history_checked(),
        witnesses: app.witnesses.iter().map(|w| w.health()).collect(),
        on_duty: app.on_duty(),
    })
}
