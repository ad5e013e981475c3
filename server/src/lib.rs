//! Antikor's server: the event log, the read models built from it, and the HTTP API.
#![forbid(unsafe_code)]

pub mod store;
