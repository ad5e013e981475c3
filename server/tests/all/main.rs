//! The server's integration tests, in one binary so they link once.

mod log_contract;

mod support;
