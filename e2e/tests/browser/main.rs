//! Browser tests: the built frontend, served by the real server, in headless Chromium. One
//! module per area of the app; the helpers are in `antikor_e2e::browser`.

mod accounts;
mod activities;
mod audit;
mod country;
mod evidence;
mod lazy;
mod plan;
mod progress;
mod reminders;
mod report;
mod risks;
mod screens;
mod signals;
mod survey;
mod tenants;
