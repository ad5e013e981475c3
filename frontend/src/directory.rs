//! The tenant directory: fetched once per visit and shared by every page through context.

use crate::api::{self, ApiError};
use antikor_shared::tenant::Tenant;
use leptos::prelude::*;

/// The tenants in the server's order, or why they could not be read. Refetching it (a page's
/// "try again") refreshes it for every page.
pub type Directory = LocalResource<Result<Vec<Tenant>, ApiError>>;

/// Starts reading the directory and provides it to the whole app.
pub fn provide_directory() {
    provide_context::<Directory>(LocalResource::new(api::tenants));
}

/// The directory [`provide_directory`] provided.
pub fn use_directory() -> Directory {
    expect_context::<Directory>()
}
