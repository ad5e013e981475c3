//! The router and the page shell: header with navigation and the user menu, main area, footer.

use crate::access::{can_record, can_view_accounts, can_view_audit, can_view_region, login_href};
use crate::api;
use crate::components::focus_main;
use crate::directory::{provinces, use_site_scope};
use crate::form::use_submit;
use crate::pages::{
    accounts::AccountsPage,
    activities::ActivitiesPage,
    audit::{AuditPage, ComparePage},
    contacts::ContactsEditPage,
    dashboard::DashboardPage,
    event::EventPage,
    home::HomePage,
    login::LoginPage,
    not_found::NotFound,
    password::PasswordPage,
    plan::PlanPage,
    progress::ProgressPage,
    public::{ContestedActsPage, CouncilPage, MeetingsPage, ReportCorruptionPage},
    region::RegionPage,
    report::ReportPage,
    signals::{
        analysis::SignalAnalysisPage, detail::SignalPage, handles_signals,
        intake::SignalIntakePage, register::SignalsPage, report::SignalFormPage,
        statistics::SignalStatisticsPage, track::TrackSignalPage,
    },
    tenants::TenantsPage,
};
use crate::provinces::{SiteScope, province_name, served_by};
use crate::session::{Auth, LOGGED_OUT, Protected, SessionExpiry, provide_session, use_session};
use antikor_shared::ProvinceCode;
use antikor_shared::account::Role;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{NavigateOptions, path};

/// Any logged-in user: pages that need a session, but no particular role.
fn any_user(_: Role) -> bool {
    true
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    crate::directory::provide_directory();
    let scope = use_site_scope();
    let country = crate::directory::use_country();
    let name = move |code: &ProvinceCode| province_name(&provinces(country), code);
    let subtitle = move || match scope.get() {
        Some(SiteScope::Province(code)) => format!(
            "Областен обществен съвет за превенция и противодействие на корупцията — {}",
            name(&code)
        ),
        Some(SiteScope::Country) => {
            "Обществени съвети за превенция и противодействие на корупцията".to_owned()
        }
        None => "Превенция и противодействие на корупцията".to_owned(),
    };
    let served = move || {
        let served = served_by(scope.get(), &provinces(country));
        // A sentence of its own here: capitalised.
        let mut chars = served.chars();
        chars.next().map_or_else(String::new, |first| {
            format!("{}{}.", first.to_uppercase(), chars.as_str())
        })
    };
    view! {
        <Router>
            <SessionExpiry />
            <a class="skip-link" href="#main" on:click=focus_main>"Към основното съдържание"</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <A href="/" exact=true>
                        <span class="brand">
                            <span class="brand__name">"Антикор"</span>
                            <span class="brand__subtitle" id="site-subtitle">{subtitle}</span>
                        </span>
                    </A>
                    <Navigation />
                    <UserMenu />
                </div>
            </header>
            <main id="main" class="wrap site-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tenants") view=TenantsPage />
                    <Route path=path!("/plan") view=PlanPage />
                    <Route path=path!("/progress") view=ProgressPage />
                    <Route path=path!("/meetings") view=MeetingsPage />
                    <Route path=path!("/contested-acts") view=ContestedActsPage />
                    <Route path=path!("/council") view=CouncilPage />
                    <Route path=path!("/report-corruption") view=ReportCorruptionPage />
                    <Route path=path!("/signal") view=SignalFormPage />
                    <Route path=path!("/signal/track") view=TrackSignalPage />
                    <Route path=path!("/signals/statistics") view=SignalStatisticsPage />
                    <Route
                        path=path!("/signals")
                        view=|| view! { <Protected allow=handles_signals><SignalsPage /></Protected> }
                    />
                    <Route
                        path=path!("/signals/new")
                        view=|| view! { <Protected allow=handles_signals><SignalIntakePage /></Protected> }
                    />
                    <Route
                        path=path!("/signals/analysis")
                        view=|| view! { <Protected allow=handles_signals><SignalAnalysisPage /></Protected> }
                    />
                    <Route
                        path=path!("/signals/:id")
                        view=|| view! { <Protected allow=handles_signals><SignalPage /></Protected> }
                    />
                    <Route path=path!("/report/:year") view=ReportPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route
                        path=path!("/password")
                        view=|| view! { <Protected allow=any_user><PasswordPage /></Protected> }
                    />
                    <Route
                        path=path!("/accounts")
                        view=|| view! { <Protected allow=can_view_accounts><AccountsPage /></Protected> }
                    />
                    <Route
                        path=path!("/dashboard")
                        view=|| view! { <Protected allow=any_user><DashboardPage /></Protected> }
                    />
                    <Route
                        path=path!("/activities")
                        view=|| view! { <Protected allow=any_user><ActivitiesPage /></Protected> }
                    />
                    <Route
                        path=path!("/contacts/edit")
                        view=|| view! { <Protected allow=can_record><ContactsEditPage /></Protected> }
                    />
                    <Route
                        path=path!("/region")
                        view=|| view! { <Protected allow=can_view_region><RegionPage /></Protected> }
                    />
                    <Route
                        path=path!("/audit")
                        view=|| view! { <Protected allow=can_view_audit><AuditPage /></Protected> }
                    />
                    <Route
                        path=path!("/audit/compare")
                        view=|| view! { <Protected allow=can_view_audit><ComparePage /></Protected> }
                    />
                    <Route
                        path=path!("/audit/:position")
                        view=|| view! { <Protected allow=can_view_audit><EventPage /></Protected> }
                    />
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p id="site-footer-text">
                        "Антикор "
                        {env!("CARGO_PKG_VERSION")}
                        " · "
                        {served}
                        " Всяка промяна се записва в неизменяема, верижно хеширана одитна следа."
                    </p>
                </div>
            </footer>
        </Router>
    }
}

/// The main navigation: only the pages the user's role may open.
#[component]
fn Navigation() -> impl IntoView {
    let session = use_session();
    let audit = move || session.role().is_some_and(can_view_audit);
    let accounts = move || session.role().is_some_and(can_view_accounts);
    let logged_in = move || session.role().is_some();
    let region = move || session.role().is_some_and(can_view_region);
    let signals = move || session.role().is_some_and(handles_signals);
    view! {
        <nav class="site-nav" aria-label="Основна навигация">
            <ul>
                <li>
                    <A href="/" exact=true>
                        "Начало"
                    </A>
                </li>
                <li>
                    <A href="/plan">"План"</A>
                </li>
                <li>
                    <A href="/progress">"Изпълнение"</A>
                </li>
                <li>
                    <A href="/meetings">"Заседания"</A>
                </li>
                <li>
                    <A href="/contested-acts">"Оспорени актове"</A>
                </li>
                <li>
                    <A href="/council">"Съвет"</A>
                </li>
                <li id="nav-report-corruption">
                    <A href="/report-corruption">"Подай сигнал"</A>
                </li>
                <li id="nav-signal-statistics">
                    <A href="/signals/statistics">"Статистика на сигналите"</A>
                </li>
                <li>
                    <A href="/tenants">"Институции"</A>
                </li>
                <Show when=logged_in>
                    <li id="nav-dashboard">
                        <A href="/dashboard">"Табло"</A>
                    </li>
                    <li id="nav-activities">
                        <A href="/activities">"Дейности"</A>
                    </li>
                </Show>
                <Show when=signals>
                    <li id="nav-signals">
                        // Exact, or it would be marked current on the public statistics too.
                        <A href="/signals" exact=true>"Сигнали"</A>
                    </li>
                </Show>
                <Show when=region>
                    <li id="nav-region">
                        <A href="/region">"Областен изглед"</A>
                    </li>
                </Show>
                <Show when=audit>
                    <li id="nav-audit">
                        <A href="/audit">"Одитна следа"</A>
                    </li>
                </Show>
                <Show when=accounts>
                    <li id="nav-accounts">
                        <A href="/accounts">"Профили"</A>
                    </li>
                </Show>
            </ul>
        </nav>
    }
}

/// Who is logged in, with the password and logout controls; or the login link for visitors.
#[component]
fn UserMenu() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    let form = use_submit();

    let logout = move |_| {
        let navigate = navigate.clone();
        // A session the server already ended is just as logged out.
        let call = async {
            api::logout()
                .await
                .or_else(|e| if e.is_unauthorized() { Ok(()) } else { Err(e) })
        };
        form.send(call, move |()| {
            session.end(Some(LOGGED_OUT));
            navigate("/login", NavigateOptions::default());
        });
    };

    move || {
        match session.auth.get() {
        // Nothing until the server said who this is, so the header does not flicker.
        Auth::Checking => ().into_any(),
        Auth::Visitor => {
            let href = move || {
                let here = format!(
                    "{}{}",
                    location.pathname.get(),
                    location.search.with(|s| if s.is_empty() {
                        String::new()
                    } else {
                        format!("?{s}")
                    })
                );
                login_href(Some(&here))
            };
            view! {
                <div class="user-menu">
                    <a id="login-link" class="button button--header" href=href>
                        "Вход"
                    </a>
                </div>
            }
            .into_any()
        }
        Auth::User(info) => view! {
            <div id="user-menu" class="user-menu" data-username=info.username.to_string()>
                <div class="user-menu__who">
                    <span id="user-name" class="user-menu__name">{info.display_name}</span>
                    <span class="user-menu__details">
                        <span id="user-role">{info.role.label_bg()}</span>
                        " · "
                        <span id="user-tenant">{info.tenant_name_bg}</span>
                    </span>
                </div>
                <div class="user-menu__actions">
                    <a id="password-link" href="/password">
                        "Смяна на парола"
                    </a>
                    <button id="logout" type="button" class="button button--header" disabled=form.busy() on:click=logout.clone()>
                        "Изход"
                    </button>
                </div>
                {move || {
                    form.error()
                        .get()
                        .map(|text| {
                            view! {
                                <p id="logout-error" class="user-menu__error" role="alert">
                                    {text}
                                </p>
                            }
                        })
                }}
            </div>
        }
        .into_any(),
    }
    }
}
