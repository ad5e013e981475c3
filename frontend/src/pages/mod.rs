//! One module per page of the app.

pub mod accounts;
pub mod activities;
pub mod audit;
pub mod contacts;
pub mod dashboard;
pub mod event;
pub mod home;
pub mod login;
pub mod not_found;
pub mod password;
pub mod plan;
pub mod progress;
pub mod public;
pub mod region;
pub mod reminders;
pub mod report;
pub mod risks;
pub mod signals;
pub mod survey;
pub mod tenants;
