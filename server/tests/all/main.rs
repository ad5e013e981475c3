//! The server's integration tests, in one binary so they link once.

mod api;
mod audit;
mod auth;
mod country;
mod damage;
mod files;
mod fold_fuzz;
mod isolation;
mod log_contract;
mod log_model;
mod mail;
mod openapi;
mod paging;
mod pg_schema;
mod plan;
mod proofs;
mod read_models;
mod reminders;
mod report;
mod risks;
mod signals;
mod snapshots;
mod support;
mod surveys;
mod tamper;
mod trail;
