//! Event schema versions, upcasters from older versions, and Antikor's seed data.
//!
//! The log keeps events exactly as they were written. When an event type's payload changes
//! shape, its `SCHEMA_VERSION` goes up and an upcaster here turns stored older payloads into the
//! current shape as they are read, so read models only ever see current events. The PostgreSQL
//! backend's schema is versioned here too ([`postgres`]).
#![forbid(unsafe_code)]

pub mod country;
pub mod plan;
pub mod postgres;
pub mod seed;
pub mod upcast;

pub use upcast::{UpcastError, Upcasters};
