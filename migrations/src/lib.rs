//! Event schema versions, upcasters and seed data.
