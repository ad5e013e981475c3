//! Antikor's server: the event log, the read models built from it, and the HTTP API.
#![forbid(unsafe_code)]

pub mod access;
pub mod app;
pub mod assets;
pub mod auth;
pub mod bundle;
pub mod cli;
pub mod clock;
pub mod codec;
pub mod connections;
pub mod demo;
pub mod document;
pub mod domain;
pub mod exports;
pub mod mirror;
pub mod openapi;
pub mod projections;
pub mod router;
pub mod routes;
pub mod seed;
pub mod snapshot;
pub mod store;
/// The stream names, shared with the frontend (which links a record to its history).
pub use antikor_shared::streams;
pub mod util;
pub mod vault;
pub mod witness;

pub use app::{App, AppState, Config};
