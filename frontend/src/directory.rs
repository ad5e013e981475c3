//! The tenant directory and the country's list of provinces: fetched once per visit and shared
//! by every page through context.

use crate::api::{self, ApiError};
use crate::provinces::{SiteScope, site_scope};
use crate::session::{Auth, use_session};
use antikor_shared::TenantId;
use antikor_shared::tenant::{ProvinceEntry, Tenant};
use leptos::prelude::*;

/// The tenants in the server's order, or why they could not be read. Refetching it (a page's
/// "try again") refreshes it for every page.
pub type Directory = LocalResource<Result<Vec<Tenant>, ApiError>>;

/// The NSI list of provinces and their municipalities, with what of it is registered: the
/// provinces' names, and what a regional administrator may still register. Refetched after a
/// registration, like the directory.
pub type Country = LocalResource<Result<Vec<ProvinceEntry>, ApiError>>;

/// Starts reading the directory (every province's tenants) and the country's list, and
/// provides both to the whole app.
pub fn provide_directory() {
    provide_context::<Directory>(LocalResource::new(|| api::tenants(None)));
    provide_context::<Country>(LocalResource::new(api::country));
}

/// The directory [`provide_directory`] provided.
pub fn use_directory() -> Directory {
    expect_context::<Directory>()
}

/// The country's list [`provide_directory`] provided.
pub fn use_country() -> Country {
    expect_context::<Country>()
}

/// The country's provinces, or none while the list loads or if it failed: names then fall
/// back to the codes. Read inside a closure, they follow the list.
pub fn provinces(country: Country) -> Vec<ProvinceEntry> {
    country.get().and_then(Result::ok).unwrap_or_default()
}

/// The country's provinces as [`provinces`] gives them, untracked: for event handlers.
pub fn provinces_untracked(country: Country) -> Vec<ProvinceEntry> {
    country
        .get_untracked()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The directory's tenants as `<option>`s valued by slug, those `chosen` picks selected; none
/// while the list loads or if it failed. Read inside a closure, they follow the directory.
pub fn tenant_options(directory: Directory, chosen: impl Fn(&TenantId) -> bool) -> impl IntoView {
    directory
        .get()
        .and_then(Result::ok)
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            let selected = chosen(&t.id);
            view! {
                <option value=t.id.to_string() prop:selected=selected>
                    {t.registration.name_bg}
                </option>
            }
        })
        .collect_view()
}

/// Whom the site serves (see [`site_scope`]); `None` until the session and the directory
/// tell.
pub fn use_site_scope() -> Memo<Option<SiteScope>> {
    let session = use_session();
    let directory = use_directory();
    Memo::new(move |_| {
        let own = session.auth.with(Auth::tenant)?;
        let tenants = directory.get()?.ok()?;
        Some(site_scope(&tenants, own.as_ref()))
    })
}
