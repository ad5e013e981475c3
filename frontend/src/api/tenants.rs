//! Calls of the institutions: the directory, the country's list they are registered from,
//! and their anti-corruption experts' contacts.

use super::{ApiError, Page, PageAt, changing, get_json, province_query, send_json};
use antikor_shared::TenantId;
use antikor_shared::tenant::{ProvinceEntry, RegisterTenant, Tenant};
use antikor_shared::views::{TenantContacts, UpdateContacts};
use gloo_net::http::Request;

/// `GET /api/tenants`: every registered tenant, or one province's (`province`, its NSI code).
pub async fn tenants(province: Option<&str>) -> Result<Vec<Tenant>, ApiError> {
    get_json("/api/tenants", &province_query(province)).await
}

/// `GET /api/country`: the NSI list of provinces and municipalities, with what is registered.
pub async fn country() -> Result<Vec<ProvinceEntry>, ApiError> {
    get_json("/api/country", &[]).await
}

/// `POST /api/tenants`: a regional administrator registers a municipality or a territorial
/// unit of their province.
pub async fn register_tenant(body: &RegisterTenant) -> Result<Tenant, ApiError> {
    send_json(changing(Request::post("/api/tenants"))?, body).await
}

/// `GET /api/contacts`: a page of the tenants' anti-corruption experts, in the server's order
/// of tenants (the regional administration first).
pub async fn contacts(page: &PageAt) -> Result<Page<TenantContacts>, ApiError> {
    let mut query = Vec::new();
    page.add_to(&mut query);
    get_json("/api/contacts", &query).await
}

/// `GET /api/contacts?tenant=`: one tenant's anti-corruption experts (`None` if the answer
/// holds none).
pub async fn tenant_contacts(tenant: &TenantId) -> Result<Option<TenantContacts>, ApiError> {
    let query = [("tenant", tenant.to_string())];
    let page: Page<TenantContacts> = get_json("/api/contacts", &query).await?;
    Ok(page.items.into_iter().next())
}

/// `PUT /api/contacts`: replace the caller's tenant's list.
pub async fn update_contacts(body: &UpdateContacts) -> Result<TenantContacts, ApiError> {
    send_json(changing(Request::put("/api/contacts"))?, body).await
}
