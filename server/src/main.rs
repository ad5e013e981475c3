//! The `antikor` command: serve the product, verify the log.
fn main() {}
