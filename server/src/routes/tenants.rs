//! `GET /api/tenants`, `POST /api/tenants`: the tenants, by province; `GET /api/country`: the
//! NSI list they are registered from.

use crate::access::Principal;
use crate::access::ReadScope;
use crate::app::AppState;
use crate::app::log::Moment;
use crate::util::errors::{AppError, AppResult};
use crate::util::extract::Json;
use crate::util::extract::Query;
use antikor_shared::api::ErrorBody;
use antikor_shared::tenant::{ProvinceEntry, RegisterTenant, Tenant};
use axum::extract::State;
use axum::http::StatusCode;
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
            return Err(AppError::Unauthorized(antikor_shared::msg!(
                "requests-past-needs-login"
            )));
        }
        Ok(moment)
    }

    /// The moment the parameter names, if any.
    pub fn moment(&self) -> AppResult<Option<Moment>> {
        self.as_of
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(Moment::parse)
            .transpose()
    }
}

/// Which province a combined view covers.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProvinceQuery {
    /// Only the tenants of this province (its NSI code, e.g. `BLG`). Omitted or empty: every
    /// tenant the caller reaches (the whole country for the public pages).
    pub province: Option<String>,
}

/// Every registered tenant (or one province's) with its activity, now or (logged in) as of a
/// past moment.
#[utoipa::path(get, path = "/api/tenants", security((), ("session" = [])), tag = "tenants", params(AsOf, ProvinceQuery),
    responses(
        (status = 200, description = "The tenants, regional administrations first", body = [Tenant]),
        (status = 400, description = "`as_of` is neither a position nor a moment", body = ErrorBody),
        (status = 401, description = "`as_of` without a login", body = ErrorBody),
        (status = 404, description = "No such province", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    principal: Option<Principal>,
    Query(as_of): Query<AsOf>,
    Query(province): Query<ProvinceQuery>,
) -> AppResult<axum::Json<Vec<Tenant>>> {
    let moment = as_of.moment_for(principal.as_ref())?;
    let scope = ReadScope::public().within(province.province.as_deref(), &app.models_unscoped())?;
    let mut tenants = app.tenant_list(moment).await?;
    tenants.retain(|t| scope.covers(&t.id));
    Ok(axum::Json(tenants))
}

/// Registers a tenant: a regional administrator the municipalities (by NSI code) and
/// territorial units of their own province, a national administrator any tenant.
#[utoipa::path(post, path = "/api/tenants", security(("session" = [])), tag = "tenants", request_body = RegisterTenant,
    responses(
        (status = 201, description = "Registered", body = Tenant),
        (status = 400, description = "A code the NSI list does not have, or a blank name", body = ErrorBody),
        (status = 403, description = "Neither a regional nor a national administrator, or a tenant outside a regional administrator's province", body = ErrorBody),
        (status = 409, description = "Registered already, or its official code is", body = ErrorBody)))]
pub async fn register(
    State(app): State<AppState>,
    principal: Principal,
    Json(body): Json<RegisterTenant>,
) -> AppResult<(StatusCode, axum::Json<Tenant>)> {
    let registrar = principal.tenant_registrar()?;
    let tenant = app.register_tenant(&registrar, body).await?;
    Ok((StatusCode::CREATED, axum::Json(tenant)))
}

/// The NSI list of the country's provinces and municipalities, with what is registered.
#[utoipa::path(get, path = "/api/country", tag = "tenants",
    responses((status = 200, description = "The 28 provinces and their municipalities", body = [ProvinceEntry])))]
pub async fn country(State(app): State<AppState>) -> axum::Json<Vec<ProvinceEntry>> {
    axum::Json(app.country())
}
