//! Small pieces the handlers share.

pub mod errors;
pub mod extract;
