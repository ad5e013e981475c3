//! Small pieces the handlers share.

pub mod compact;
pub mod errors;
pub mod extract;
pub mod paging;
