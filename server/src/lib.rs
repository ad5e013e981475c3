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
pub mod files;
pub mod mail;
pub mod mirror;
pub mod openapi;
pub mod projections;
pub mod router;
pub mod routes;
pub mod seed;
pub mod snapshot;
pub mod store;
pub mod tables;
/// The stream names, shared with the frontend (which links a record to its history).
pub use antikor_shared::streams;
pub mod util;
pub mod vault;
pub mod witness;

/// The allocator of every binary that links the server (the server, its tools, tests and
/// benches): mimalloc keeps per-thread free lists, where glibc's malloc took a lock for each
/// block freed by another thread than the one that allocated it, as a walk of the log does
/// millions of times.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use app::{App, AppState, Config};
