//! Calls of the institutions: the directory and their anti-corruption experts' contacts.

use super::{ApiError, Page, PageAt, changing, find_in_pages, get_json, send_json};
use antikor_shared::TenantId;
use antikor_shared::tenant::Tenant;
use antikor_shared::views::{TenantContacts, UpdateContacts};
use gloo_net::http::Request;

/// `GET /api/tenants`.
pub async fn tenants() -> Result<Vec<Tenant>, ApiError> {
    get_json("/api/tenants", &[]).await
}

/// `GET /api/contacts`: a page of the tenants' anti-corruption experts, in the server's order
/// of tenants (the regional administration first).
pub async fn contacts(page: &PageAt) -> Result<Page<TenantContacts>, ApiError> {
    let mut query = Vec::new();
    page.add_to(&mut query);
    get_json("/api/contacts", &query).await
}

/// One tenant's anti-corruption experts, or `None` if the list lacks the tenant. The list has
/// no filter by tenant, so its pages are read until the tenant turns up.
pub async fn tenant_contacts(tenant: &TenantId) -> Result<Option<TenantContacts>, ApiError> {
    find_in_pages(
        |page| async move { contacts(&page).await },
        |t| t.tenant == *tenant,
    )
    .await
}

/// `PUT /api/contacts`: replace the caller's tenant's list.
pub async fn update_contacts(body: &UpdateContacts) -> Result<TenantContacts, ApiError> {
    send_json(changing(Request::put("/api/contacts"))?, body).await
}
