//! Domain logic as pure functions: `decide(state, command) -> events` and `apply(state, event)`.

pub mod accounts;
pub mod clocks;
pub mod plan;
pub mod signals;
pub mod suppression;
pub mod work;
