//! Antikor in the browser.
fn main() {}
