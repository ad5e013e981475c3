//! One module per page of the app.

pub mod audit;
pub mod event;
pub mod home;
pub mod not_found;
pub mod tenants;
