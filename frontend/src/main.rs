//! Antikor in the browser: mounts the Leptos app on the page's body.

// First: its `t!` macro is used by every module after it.
#[macro_use]
mod i18n;

mod access;
mod api;
mod app;
mod charts;
mod components;
mod controls;
mod csv;
mod directory;
mod form;
mod format;
mod inclusion;
mod live;
mod pages;
mod paging;
mod provinces;
mod routes;
mod session;
mod upload;

fn main() {
    // Panics would otherwise only say "unreachable" in the console.
    console_error_panic_hook::set_once();
    // The header and loading line `index.html` shows until now make way for the app.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot-shell") {
        shell.remove();
    }
    i18n::install_catalogue();
    i18n::mark_document();
    leptos::mount::mount_to_body(app::App);
}
