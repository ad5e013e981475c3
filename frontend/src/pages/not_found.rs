//! The page for addresses the app does not know.

use crate::components::set_title;
use leptos::prelude::*;
use leptos_router::components::A;

/// „Страницата не е намерена“, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Страницата не е намерена");
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Страницата не е намерена"</h1>
            <p>"Адресът, който отворихте, не съществува в Антикор. Проверете го или продължете оттук:"</p>
            <ul class="link-list">
                <li>
                    <A href="/">"Начало"</A>
                </li>
                <li>
                    <A href="/tenants">"Институции"</A>
                </li>
                <li>
                    <A href="/audit">"Одитна следа"</A>
                </li>
            </ul>
        </section>
    }
}
