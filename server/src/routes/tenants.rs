//! `GET /api/tenants`: the regional administration and the municipalities.

use crate::app::AppState;
use crate::projections::{ReadModels, position_at};
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::Query;
use antikor_shared::tenant::Tenant;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

/// A moment of the log's history.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOf {
    /// Show the state as it was at this log position (a number) or moment (RFC 3339, e.g.
    /// `2026-11-26T12:00:00Z`). Omitted: now.
    pub as_of: Option<String>,
}

impl AsOf {
    /// The log position the parameter names, if any.
    pub fn position(&self, app: &AppState) -> AppResult<Option<u64>> {
        let Some(raw) = self
            .as_of
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            return Ok(None);
        };
        if let Ok(position) = raw.parse::<u64>() {
            return Ok(Some(position));
        }
        let moment = chrono::DateTime::parse_from_rfc3339(raw).map_err(|_| {
            AppError::BadRequest(format!(
                "„{raw}“ не е позиция или момент. Пример: 120 или 2026-11-26T12:00:00Z."
            ))
        })?;
        Ok(Some(position_at(app.store.as_ref(), moment.to_utc())?))
    }
}

/// Every registered tenant with its activity, now or as of a past moment.
#[utoipa::path(get, path = "/api/tenants", tag = "tenants", params(AsOf),
    responses(
        (status = 200, description = "The tenants, the regional administration first", body = [Tenant]),
        (status = 400, description = "`as_of` is neither a position nor a moment", body = antikor_shared::api::ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    Query(as_of): Query<AsOf>,
) -> AppResult<Json<Vec<Tenant>>> {
    let list = match as_of.position(&app)? {
        Some(position) if position < app.models().position => {
            let store = app.store.clone();
            let (models, _) =
                tokio::task::spawn_blocking(move || ReadModels::replay(store.as_ref(), position))
                    .await
                    .map_err(anyhow::Error::from)??;
            models.tenant_list()
        }
        _ => app.models().tenant_list(),
    };
    Ok(Json(list))
}
