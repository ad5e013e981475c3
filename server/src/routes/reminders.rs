//! What waits for the caller: `/api/reminders`.

use crate::access::Principal;
use crate::app::AppState;
use crate::util::errors::AppResult;
use crate::util::extract::Speaks;
use antikor_shared::api::ErrorBody;
use antikor_shared::reminders::Reminders;
use axum::extract::State;

/// What waits for the caller's action in their tenant, the overdue and nearest due first:
/// signals to acknowledge (from 2 days before the law's 7 run out) and feedback to give (from
/// 14 days before its 3 months) for the register's officers; the plan's measures not
/// completed within 30 days of their deadline or past it, and acts returned to their council
/// within 3 days of the council's 14, for whoever writes for the tenant. Read-only roles get
/// none.
#[utoipa::path(get, path = "/api/reminders", security(("session" = [])), tag = "reminders",
    responses(
        (status = 200, description = "What waits, with counts", body = Reminders),
        (status = 401, description = "Not logged in", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Principal,
    Speaks(lang): Speaks,
) -> AppResult<axum::Json<Reminders>> {
    Ok(axum::Json(
        app.reminders(&principal.reminders(), lang).await?,
    ))
}
