//! One module per resource of the JSON API; the handlers stay thin.

pub mod accounts;
pub mod activities;
pub mod audit;
pub mod files;
pub mod frontend;
pub mod health;
pub mod log;
pub mod plan;
pub mod principal;
pub mod progress;
pub mod public;
pub mod reminders;
pub mod report;
pub mod risks;
pub mod session;
pub mod signals;
pub mod surveys;
pub mod tenants;
