//! The router and the page shell: header with navigation, main area, footer.

use crate::components::focus_main;
use crate::pages::{
    audit::AuditPage, event::EventPage, home::HomePage, not_found::NotFound, tenants::TenantsPage,
};
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=focus_main>"Към основното съдържание"</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <A href="/" exact=true>
                        <span class="brand">
                            <span class="brand__name">"Антикор"</span>
                            <span class="brand__subtitle">
                                "Областен обществен съвет за превенция и противодействие на корупцията — Благоевград"
                            </span>
                        </span>
                    </A>
                    <nav class="site-nav" aria-label="Основна навигация">
                        <ul>
                            <li>
                                <A href="/" exact=true>
                                    "Начало"
                                </A>
                            </li>
                            <li>
                                <A href="/tenants">"Институции"</A>
                            </li>
                            <li>
                                <A href="/audit">"Одитна следа"</A>
                            </li>
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main" class="wrap site-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tenants") view=TenantsPage />
                    <Route path=path!("/audit") view=AuditPage />
                    <Route path=path!("/audit/:position") view=EventPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>
                        "Антикор "
                        {env!("CARGO_PKG_VERSION")}
                        " · Областна администрация Благоевград и 14-те общини в областта. "
                        "Всяка промяна се записва в неизменяема, верижно хеширана одитна следа."
                    </p>
                </div>
            </footer>
        </Router>
    }
}
