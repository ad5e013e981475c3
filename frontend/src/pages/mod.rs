//! One module per page of the app.

pub mod accounts;
pub mod audit;
pub mod dashboard;
pub mod event;
pub mod home;
pub mod login;
pub mod not_found;
pub mod password;
pub mod plan;
pub mod progress;
pub mod region;
pub mod report;
pub mod tenants;
