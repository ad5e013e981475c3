//! `GET /api/tenants`: the regional administration and the municipalities.

use crate::access::Principal;
use crate::app::AppState;
use crate::app::log::Moment;
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::Query;
use antikor_shared::api::ErrorBody;
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
    /// `2026-11-26T12:00:00Z`). Omitted or empty: now. Needs a login, since a replay costs work.
    #[param(schema_with = crate::openapi::as_of)]
    pub as_of: Option<String>,
}

impl AsOf {
    /// The moment, which only a logged-in caller may ask for (a replay costs work).
    pub fn moment_for(&self, principal: Option<&Principal>) -> AppResult<Option<Moment>> {
        let moment = self.moment()?;
        if moment.is_some() && principal.is_none() {
            return Err(AppError::Unauthorized(
                "Преглед към минал момент изисква вход в системата.".into(),
            ));
        }
        Ok(moment)
    }

    /// The moment the parameter names, if any.
    pub fn moment(&self) -> AppResult<Option<Moment>> {
        let Some(raw) = self.as_of.as_deref().filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        // Digits only: `u64`'s parser would also take a sign, which the document does not.
        let digits = raw.bytes().all(|b| b.is_ascii_digit());
        if let (true, Ok(position)) = (digits, raw.parse::<u64>()) {
            return Ok(Some(Moment::Position(position)));
        }
        let moment = chrono::DateTime::parse_from_rfc3339(raw).map_err(|_| {
            AppError::BadRequest(format!(
                "„{raw}“ не е позиция или момент. Пример: 120 или 2026-11-26T12:00:00Z."
            ))
        })?;
        Ok(Some(Moment::Time(moment.to_utc())))
    }
}

/// Every registered tenant with its activity, now or (logged in) as of a past moment.
#[utoipa::path(get, path = "/api/tenants", security((), ("session" = [])), tag = "tenants", params(AsOf),
    responses(
        (status = 200, description = "The tenants, the regional administration first", body = [Tenant]),
        (status = 400, description = "`as_of` is neither a position nor a moment", body = ErrorBody),
        (status = 401, description = "`as_of` without a login", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Query(as_of): Query<AsOf>,
) -> AppResult<Json<Vec<Tenant>>> {
    let moment = as_of.moment_for(principal.as_ref())?;
    Ok(Json(app.tenant_list(moment).await?))
}
