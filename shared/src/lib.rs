//! Antikor's shared vocabulary: identifiers, domain events and the JSON API's types.
//!
//! This crate compiles for the server and for the browser (wasm32), so it holds data and
//! validation only: no I/O, no clocks, no storage.
#![forbid(unsafe_code)]

pub mod account;
pub mod activity;
pub mod activity_draft;
pub mod api;
pub mod csv;
pub mod event;
pub mod events;
pub mod files;
pub mod i18n;
pub mod ids;
pub mod notifications;
pub mod plan;
pub mod progress;
pub mod reminders;
pub mod report;
pub mod risk;
pub mod signal;
pub mod streams;
pub mod summary;
pub mod survey;
pub mod tenant;
pub mod text;
pub mod tlog;
pub mod views;
pub mod wire;

pub use event::{DomainEvent, EventHeader, RecordedEvent};
pub use ids::{InvalidId, ProvinceCode, StreamId, TenantId, Username};
