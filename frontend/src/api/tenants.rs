//! Calls of the institutions: the directory and their anti-corruption experts' contacts.

use super::{ApiError, changing, get_json, send_json};
use antikor_shared::tenant::Tenant;
use antikor_shared::views::{TenantContacts, UpdateContacts};
use gloo_net::http::Request;

/// `GET /api/tenants`.
pub async fn tenants() -> Result<Vec<Tenant>, ApiError> {
    get_json("/api/tenants", &[]).await
}

/// `GET /api/contacts`: every tenant's anti-corruption experts.
pub async fn contacts() -> Result<Vec<TenantContacts>, ApiError> {
    get_json("/api/contacts", &[]).await
}

/// `PUT /api/contacts`: replace the caller's tenant's list.
pub async fn update_contacts(body: &UpdateContacts) -> Result<TenantContacts, ApiError> {
    send_json(changing(Request::put("/api/contacts"))?, body).await
}
