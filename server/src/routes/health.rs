//! `GET /api/health`: is the server up, and where is the log's head.

use crate::app::AppState;
use antikor_shared::api::Health;
use axum::Json;
use axum::extract::State;

/// Liveness, and the head of the hash chain (note it down to check later that history was not
/// rewritten).
#[utoipa::path(get, path = "/api/health", tag = "system",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(app): State<AppState>) -> Json<Health> {
    let head = app.head();
    let status = if app.read_only() { "read_only" } else { "ok" };
    Json(Health {
        status: status.to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        head_position: head.position,
        head_hash: if head.position == 0 {
            String::new()
        } else {
            hex::encode(head.hash)
        },
    })
}
