//! The router and the page shell: header with navigation and the user menu, main area, footer.

use crate::access::{can_record, can_view_accounts, can_view_audit, can_view_region, login_href};
use crate::api;
use crate::components::focus_main;
use crate::directory::{provinces, use_site_scope};
use crate::form::use_submit;
use crate::pages::{
    home::HomePage, not_found::NotFound, reminders::ReminderBell, signals::handles_signals,
};
use crate::provinces::{SiteScope, province_name, served_by};
use crate::routes;
use crate::session::{Auth, LOGGED_OUT, SessionExpiry, provide_session, use_session};
use antikor_shared::ProvinceCode;
use antikor_shared::account::Role;
use leptos::prelude::*;
use leptos_router::Lazy;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{NavigateOptions, path};

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_session();
    crate::directory::provide_directory();
    let scope = use_site_scope();
    let country = crate::directory::use_country();
    let name = move |code: &ProvinceCode| province_name(&provinces(country), code);
    let subtitle = move || match scope.get() {
        Some(SiteScope::Province(code)) => {
            t!("shell-subtitle-province", province = name(&code))
        }
        Some(SiteScope::Country) => t!("shell-subtitle-country"),
        None => t!("shell-subtitle"),
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
            <a class="skip-link" href="#main" on:click=focus_main>{t!("shell-skip-to-main")}</a>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <A href="/" exact=true>
                        <span class="brand">
                            <span class="brand__name">{t!("shell-brand")}</span>
                            <span class="brand__subtitle" id="site-subtitle">{subtitle}</span>
                        </span>
                    </A>
                    <Navigation />
                    <LanguageSwitch />
                    <UserMenu />
                </div>
            </header>
            <main id="main" class="wrap site-main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/tenants") view={Lazy::<routes::Tenants>::new()} />
                    <Route path=path!("/plan") view={Lazy::<routes::Plan>::new()} />
                    <Route path=path!("/progress") view={Lazy::<routes::Progress>::new()} />
                    <Route path=path!("/meetings") view={Lazy::<routes::Meetings>::new()} />
                    <Route path=path!("/contested-acts") view={Lazy::<routes::ContestedActs>::new()} />
                    <Route path=path!("/council") view={Lazy::<routes::Council>::new()} />
                    <Route path=path!("/report-corruption") view={Lazy::<routes::ReportCorruption>::new()} />
                    <Route path=path!("/signal") view={Lazy::<routes::SignalForm>::new()} />
                    <Route path=path!("/signal/track") view={Lazy::<routes::TrackSignal>::new()} />
                    <Route path=path!("/signals/statistics") view={Lazy::<routes::SignalStatistics>::new()} />
                    <Route path=path!("/anketa") view={Lazy::<routes::AnswerSurvey>::new()} />
                    <Route path=path!("/survey") view={Lazy::<routes::Survey>::new()} />
                    <Route path=path!("/survey/questionnaire") view={Lazy::<routes::Questionnaire>::new()} />
                    <Route path=path!("/signals") view={Lazy::<routes::Signals>::new()} />
                    <Route path=path!("/signals/new") view={Lazy::<routes::SignalIntake>::new()} />
                    <Route path=path!("/signals/analysis") view={Lazy::<routes::SignalAnalysis>::new()} />
                    <Route path=path!("/signals/:id") view={Lazy::<routes::Signal>::new()} />
                    <Route path=path!("/report/:year") view={Lazy::<routes::Report>::new()} />
                    <Route path=path!("/login") view={Lazy::<routes::Login>::new()} />
                    <Route path=path!("/password") view={Lazy::<routes::Password>::new()} />
                    <Route path=path!("/reminders") view={Lazy::<routes::Reminders>::new()} />
                    <Route path=path!("/accounts") view={Lazy::<routes::Accounts>::new()} />
                    <Route path=path!("/dashboard") view={Lazy::<routes::Dashboard>::new()} />
                    <Route path=path!("/activities") view={Lazy::<routes::Activities>::new()} />
                    <Route path=path!("/risks") view={Lazy::<routes::Risks>::new()} />
                    <Route path=path!("/risks/:id") view={Lazy::<routes::Risk>::new()} />
                    <Route path=path!("/contacts/edit") view={Lazy::<routes::ContactsEdit>::new()} />
                    <Route path=path!("/region") view={Lazy::<routes::Region>::new()} />
                    <Route path=path!("/region/survey") view={Lazy::<routes::RegionSurvey>::new()} />
                    <Route path=path!("/region/risks") view={Lazy::<routes::RegionRisks>::new()} />
                    <Route path=path!("/audit") view={Lazy::<routes::Audit>::new()} />
                    <Route path=path!("/audit/compare") view={Lazy::<routes::Compare>::new()} />
                    <Route path=path!("/audit/:position") view={Lazy::<routes::Event>::new()} />
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p id="site-footer-text">
                        {move || t!("shell-footer", version = env!("CARGO_PKG_VERSION"), served = served())}
                    </p>
                </div>
            </footer>
        </Router>
    }
}

/// One link of the navigation: the `li`'s id (kept stable for tests and styles), where it
/// leads, what it says, and whether only that exact path marks it current.
struct NavItem {
    id: &'static str,
    href: &'static str,
    label: String,
    exact: bool,
}

impl NavItem {
    fn new(id: &'static str, href: &'static str, label: String) -> Self {
        Self {
            id,
            href,
            label,
            exact: false,
        }
    }

    fn exact(self) -> Self {
        Self {
            exact: true,
            ..self
        }
    }
}

/// The pages of one audience: what anyone may read, the daily work, administration.
struct NavGroup {
    id: &'static str,
    title: String,
    items: Vec<NavItem>,
}

/// The groups and links the role may open, the one used most first; visitors get the public
/// group alone.
fn nav_groups(role: Option<Role>) -> Vec<NavGroup> {
    let public = NavGroup {
        id: "public",
        title: t!("shell-nav-public"),
        items: vec![
            NavItem::new("nav-home", "/", t!("shell-nav-home")).exact(),
            NavItem::new("nav-plan", "/plan", t!("shell-nav-plan")),
            NavItem::new("nav-progress", "/progress", t!("shell-nav-progress")),
            NavItem::new("nav-meetings", "/meetings", t!("shell-nav-meetings")),
            NavItem::new(
                "nav-contested-acts",
                "/contested-acts",
                t!("shell-nav-contested-acts"),
            ),
            NavItem::new("nav-council", "/council", t!("shell-nav-council")),
            NavItem::new(
                "nav-report-corruption",
                "/report-corruption",
                t!("shell-nav-report-corruption"),
            ),
            NavItem::new(
                "nav-signal-statistics",
                "/signals/statistics",
                t!("shell-nav-signal-statistics"),
            ),
            NavItem::new("nav-tenants", "/tenants", t!("shell-nav-tenants")),
        ],
    };
    let Some(role) = role else {
        return vec![public];
    };
    let mut work = vec![
        NavItem::new("nav-dashboard", "/dashboard", t!("shell-nav-dashboard")),
        NavItem::new("nav-activities", "/activities", t!("shell-nav-activities")),
        NavItem::new("nav-risks", "/risks", t!("shell-nav-risks")),
    ];
    if handles_signals(role) {
        // Exact, or it would be marked current on the public statistics too.
        work.push(NavItem::new("nav-signals", "/signals", t!("shell-nav-signals")).exact());
    }
    // Writers keep their institution's survey; the roles that only read it, and the national
    // staff (whose body lies in no province), see the institutions' surveys side by side.
    if can_record(role) && role != Role::NationalAdmin {
        work.push(NavItem::new(
            "nav-survey",
            "/survey",
            t!("shell-nav-survey"),
        ));
    } else if can_view_region(role) {
        work.push(NavItem::new(
            "nav-survey",
            "/region/survey",
            t!("shell-nav-survey"),
        ));
    }
    if can_view_region(role) {
        work.push(NavItem::new(
            "nav-region",
            "/region",
            t!("shell-nav-region"),
        ));
    }
    let mut admin = Vec::new();
    if can_view_audit(role) {
        admin.push(NavItem::new("nav-audit", "/audit", t!("shell-nav-audit")));
    }
    if can_view_accounts(role) {
        admin.push(NavItem::new(
            "nav-accounts",
            "/accounts",
            t!("shell-nav-accounts"),
        ));
    }
    let mut groups = vec![NavGroup {
        id: "work",
        title: t!("shell-nav-work"),
        items: work,
    }];
    if !admin.is_empty() {
        groups.push(NavGroup {
            id: "admin",
            title: t!("shell-nav-admin"),
            items: admin,
        });
    }
    groups.push(public);
    groups
}

/// The main navigation, grouped by audience. On a phone it folds behind one menu button and
/// opens as a list of the groups; on a wide screen the first group (the daily work, or the
/// public pages for a visitor) is a row of links and the others are menus of their own.
/// Following a link, pressing Escape or clicking elsewhere closes what is open.
#[component]
fn Navigation() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let menu_open = RwSignal::new(false);
    let open_group = RwSignal::new(None::<&'static str>);
    // A new page closes the menus: the link was followed.
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| {
            menu_open.set(false);
            open_group.set(None);
        },
        false,
    );
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() != "Escape" {
            return;
        }
        // The focus goes back to the button that opened what closes, never into a list that
        // is no longer shown.
        let button = match (open_group.get_untracked(), menu_open.get_untracked()) {
            (_, true) => "site-nav-toggle".to_owned(),
            (Some(id), false) => format!("nav-group-{id}-toggle"),
            (None, false) => return,
        };
        menu_open.set(false);
        open_group.set(None);
        if let Some(button) = document()
            .get_element_by_id(&button)
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = button.focus();
        }
    };
    // A click anywhere outside the navigation closes an open menu, as menus do.
    let outside = window_event_listener(leptos::ev::click, move |event| {
        let inside = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.closest(".site-nav").ok().flatten().is_some());
        if !inside && open_group.get_untracked().is_some() {
            open_group.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    let groups = move || nav_groups(session.role());
    view! {
        <nav class="site-nav" aria-label=t!("shell-nav-label") on:keydown=close_on_escape>
            <button
                id="site-nav-toggle"
                type="button"
                class="site-nav__toggle"
                aria-controls="site-nav-menu"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                <span class="site-nav__toggle-icon" aria-hidden="true">"☰"</span>
                {t!("shell-nav-menu")}
            </button>
            <div
                id="site-nav-menu"
                class="site-nav__menu"
                class:site-nav__menu--open=move || menu_open.get()
            >
                {move || {
                    groups()
                        .into_iter()
                        .enumerate()
                        .map(|(i, group)| view! { <NavGroupView group flat=i == 0 open_group /> })
                        .collect_view()
                }}
            </div>
        </nav>
    }
}

/// One group: its title (a button that opens it on a wide screen, a heading in the phone's
/// menu) and its links.
#[component]
fn NavGroupView(
    group: NavGroup,
    /// Shown open as a row of links, with no button (on a wide screen).
    flat: bool,
    open_group: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let id = group.id;
    let list_id = format!("nav-group-{id}");
    let open = move || flat || open_group.get() == Some(id);
    let toggle =
        move |_| open_group.update(|open| *open = if *open == Some(id) { None } else { Some(id) });
    // Tabbing out of an open menu closes it, as a click elsewhere does.
    let leave = move |event: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let group = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let to = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let stays = group
            .zip(to)
            .is_some_and(|(group, to)| group.contains(Some(&to)));
        if !stays && open_group.get_untracked() == Some(id) {
            open_group.set(None);
        }
    };
    let items = group
        .items
        .into_iter()
        .map(|item| {
            view! {
                <li id=item.id>
                    <A href=item.href exact=item.exact>{item.label}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="nav-group" class:nav-group--flat=flat data-group=id on:focusout=leave>
            <button
                type="button"
                class="nav-group__toggle"
                id=format!("nav-group-{id}-toggle")
                aria-controls=list_id.clone()
                aria-expanded=move || open().to_string()
                on:click=toggle
            >
                {group.title.clone()}
            </button>
            <span class="nav-group__title">{group.title}</span>
            <ul id=list_id class="nav-group__list" class:nav-group__list--open=open>
                {items}
            </ul>
        </div>
    }
}

/// The switch to the other language: a link-like button named in that language (and marked as
/// such for screen readers), which remembers the choice and reloads the page in it.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let other = match crate::i18n::lang() {
        antikor_shared::i18n::Lang::Bg => antikor_shared::i18n::Lang::En,
        antikor_shared::i18n::Lang::En => antikor_shared::i18n::Lang::Bg,
    };
    view! {
        <button
            id="language-switch"
            type="button"
            class="language-switch"
            lang=other.tag()
            title=t!("shell-language-switch")
            on:click=move |_| crate::i18n::choose(other)
        >
            {other.own_name()}
        </button>
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
                        {t!("shell-login")}
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
                        <span id="user-role">{info.role.label(crate::i18n::lang())}</span>
                        " · "
                        <span id="user-tenant" lang=info.tenant_name.lang_mark(crate::i18n::lang())>
                            {info.tenant_name.get(crate::i18n::lang()).to_owned()}
                        </span>
                    </span>
                </div>
                <div class="user-menu__actions">
                    <ReminderBell />
                    <a id="password-link" href="/password">
                        {t!("shell-change-password")}
                    </a>
                    <button id="logout" type="button" class="button button--header" disabled=form.busy() on:click=logout.clone()>
                        {t!("shell-logout")}
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids of the links the navigation offers `role`.
    fn links(role: Option<Role>) -> Vec<&'static str> {
        nav_groups(role)
            .into_iter()
            .flat_map(|g| g.items)
            .map(|i| i.id)
            .collect()
    }

    #[test]
    fn every_logged_in_role_reaches_the_survey_and_writers_their_own() {
        assert!(!links(None).contains(&"nav-survey"));
        for role in Role::ALL {
            let survey = nav_groups(Some(role))
                .into_iter()
                .flat_map(|g| g.items)
                .find(|i| i.id == "nav-survey")
                .unwrap_or_else(|| panic!("{role:?} reaches the survey"));
            let expected = if can_record(role) && role != Role::NationalAdmin {
                "/survey"
            } else {
                "/region/survey"
            };
            assert_eq!(survey.href, expected, "{role:?}");
        }
    }

    #[test]
    fn the_risk_register_is_daily_work_of_every_logged_in_role_and_no_visitors() {
        assert!(!links(None).contains(&"nav-risks"));
        for role in Role::ALL {
            let work = nav_groups(Some(role)).remove(0);
            assert_eq!(work.id, "work");
            assert!(work.items.iter().any(|i| i.id == "nav-risks"), "{role:?}");
        }
    }
}
