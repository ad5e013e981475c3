//! Small pieces the handlers share.

pub mod errors;
pub mod extract;
pub mod paging;
