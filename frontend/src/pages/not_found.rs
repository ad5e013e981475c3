//! The page for addresses the app does not know.

use crate::components::set_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// „Страницата не е намерена“, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title(&t!("shell-not-found-title"));
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{t!("shell-not-found-title")}</h1>
            <p>{t!("shell-not-found-text")}</p>
            <ul class="link-list">
                <li>
                    <A href="/">{t!("shell-nav-home")}</A>
                </li>
                <li>
                    <A href="/tenants">{t!("shell-nav-tenants")}</A>
                </li>
                <li>
                    <A href="/audit">{t!("shell-nav-audit")}</A>
                </li>
            </ul>
        </section>
    }
}
