//! The pages that load on demand: each is a lazy route, whose code the build splits off.
//!
//! The first download holds the shell (header, navigation, session, language) and the public
//! home page. Every other page is a `LazyRoute` whose view is a split point (`#[wasm_split]`):
//! `frontend/build-wasm.mjs` cuts the code of each group of pages, and whatever only that group
//! uses (its resources, its answers' deserializers, its forms), into a wasm file of its own,
//! which the browser fetches when it first opens one of them.
//!
//! Pages are grouped by who opens them, not split one by one: code that two groups share goes
//! to a file of its own too, so a split per page (33) cut the app into 784 files, and a
//! page needed up to 280 of them.

// The split points are `extern "C"` imports and `#[no_mangle]` exports that the wasm splitter
// rewires: `#[wasm_split]` writes that `unsafe` code, and only here.
#![allow(unsafe_code)]

use crate::access::{can_record, can_view_accounts, can_view_audit, can_view_region};
use crate::components::set_title;
use crate::pages::{
    accounts::AccountsPage,
    activities::ActivitiesPage,
    audit::{AuditPage, ComparePage},
    contacts::ContactsEditPage,
    dashboard::DashboardPage,
    event::EventPage,
    login::LoginPage,
    password::PasswordPage,
    plan::PlanPage,
    progress::ProgressPage,
    public::{ContestedActsPage, CouncilPage, MeetingsPage, ReportCorruptionPage},
    region::RegionPage,
    reminders::RemindersPage,
    report::ReportPage,
    risks::{RegionRisksPage, RiskPage, RisksPage},
    signals::{
        analysis::SignalAnalysisPage, detail::SignalPage, handles_signals,
        intake::SignalIntakePage, register::SignalsPage, report::SignalFormPage,
        statistics::SignalStatisticsPage, track::TrackSignalPage,
    },
    survey::{
        AnswerSurveyPage, QuestionnairePage, RegionSurveyPage, SurveyPage, can_edit_questionnaire,
    },
    tenants::TenantsPage,
};
use crate::session::Protected;
use antikor_shared::account::Role;
use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use leptos_router::LazyRoute;

/// Any logged-in user: pages that need a session, but no particular role.
fn any_user(_: Role) -> bool {
    true
}

/// What a page whose code did not arrive shows: the network failed, or a new build replaced
/// the files this one names. The app goes on; opening the page again tries again, and a reload
/// gets the new build.
#[component]
fn PageNotLoaded() -> impl IntoView {
    set_title(&t!("shell-page-not-loaded-title"));
    view! {
        <section class="page-not-loaded" data-testid="page-not-loaded">
            <h1>{t!("shell-page-not-loaded-title")}</h1>
            <div class="notice notice--error" role="alert">
                <p>{t!("shell-page-not-loaded-text")}</p>
                <button type="button" class="button" on:click=|_| {
                    let _ = window().location().reload();
                }>
                    {t!("shell-reload")}
                </button>
            </div>
        </section>
    }
}

/// Declares the lazy routes, by group of pages that load together. In each group,
/// `Route(view) at "path" => Page` is a page anyone may open, `... => Page if allow` one behind
/// a login (`Protected`), whose role `allow` must accept. `view` names the split function,
/// unique in the app (the splitter links by name); `path` is where app.rs routes it.
macro_rules! lazy_pages {
    ($($group:ident {
        $($(#[$doc:meta])* $route:ident($view:ident) at $path:literal => $page:ident $(if $allow:ident)?;)*
    })*) => {
        $($(
            $(#[$doc])*
            #[derive(Debug)]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    $view().await.unwrap_or_else(|_| view! { <PageNotLoaded /> }.into_any())
                }
            }

            // `fallible`: a file that does not arrive is an error to show, where it would
            // otherwise panic, which stops the whole app.
            #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $view() -> Result<AnyView, SplitLoaderError> {
                Ok(lazy_pages!(@view $($allow)? $page))
            }
        )*)*

        /// Each lazy route's path and its group, a line each (`/plan public_pages`).
        const ROUTE_GROUPS: &str = concat!($($($path, " ", stringify!($group), "\n",)*)*);

        /// The routes' names and paths, which app.rs must route alike.
        #[cfg(test)]
        const ROUTES: &[(&str, &str)] = &[$($((stringify!($route), $path),)*)*];
    };
    (@view $page:ident) => {
        view! { <$page /> }.into_any()
    };
    (@view $allow:ident $page:ident) => {
        view! { <Protected allow=$allow><$page /></Protected> }.into_any()
    };
}

lazy_pages! {
    public_pages {
        /// The institutions.
        Tenants(tenants_view) at "/tenants" => TenantsPage;
        /// The plan's sections and measures.
        Plan(plan_view) at "/plan" => PlanPage;
        /// Each measure's level, per institution.
        Progress(progress_view) at "/progress" => ProgressPage;
        /// The public meetings.
        Meetings(meetings_view) at "/meetings" => MeetingsPage;
        /// The contested acts.
        ContestedActs(contested_acts_view) at "/contested-acts" => ContestedActsPage;
        /// The council.
        Council(council_view) at "/council" => CouncilPage;
        /// Where and how to report.
        ReportCorruption(report_corruption_view) at "/report-corruption" => ReportCorruptionPage;
        /// The public statistics of signals.
        SignalStatistics(signal_statistics_view) at "/signals/statistics" => SignalStatisticsPage;
        /// The yearly report.
        Report(report_view) at "/report/:year" => ReportPage;
        /// The staff survey's questionnaire, answered.
        AnswerSurvey(answer_survey_view) at "/anketa" => AnswerSurveyPage;
    }
    citizen_signal {
        /// A citizen's signal.
        SignalForm(signal_form_view) at "/signal" => SignalFormPage;
        /// A signal followed by its receipt code.
        TrackSignal(track_signal_view) at "/signal/track" => TrackSignalPage;
    }
    account_pages {
        /// The login form.
        Login(login_view) at "/login" => LoginPage;
        /// The user's password.
        Password(password_view) at "/password" => PasswordPage if any_user;
        /// What is due.
        Reminders(reminders_view) at "/reminders" => RemindersPage if any_user;
    }
    work_pages {
        /// An institution's measures.
        Dashboard(dashboard_view) at "/dashboard" => DashboardPage if any_user;
        /// The activities recorded.
        Activities(activities_view) at "/activities" => ActivitiesPage if any_user;
        /// The corruption-risk register.
        Risks(risks_view) at "/risks" => RisksPage if any_user;
        /// One risk.
        Risk(risk_view) at "/risks/:id" => RiskPage if any_user;
        /// An institution's contacts.
        ContactsEdit(contacts_edit_view) at "/contacts/edit" => ContactsEditPage if can_record;
        /// An institution's survey.
        Survey(survey_view) at "/survey" => SurveyPage if can_record;
        /// The questionnaire, edited.
        Questionnaire(questionnaire_view) at "/survey/questionnaire" => QuestionnairePage if can_edit_questionnaire;
        /// The register of signals.
        Signals(signals_view) at "/signals" => SignalsPage if handles_signals;
        /// A signal taken in by an officer.
        SignalIntake(signal_intake_view) at "/signals/new" => SignalIntakePage if handles_signals;
        /// The register's analysis.
        SignalAnalysis(signal_analysis_view) at "/signals/analysis" => SignalAnalysisPage if handles_signals;
        /// One signal.
        Signal(signal_view) at "/signals/:id" => SignalPage if handles_signals;
    }
    region_pages {
        /// The combined view.
        Region(region_view) at "/region" => RegionPage if can_view_region;
        /// The institutions' surveys side by side.
        RegionSurvey(region_survey_view) at "/region/survey" => RegionSurveyPage if can_view_region;
        /// The institutions' risks side by side.
        RegionRisks(region_risks_view) at "/region/risks" => RegionRisksPage if can_view_region;
    }
    admin_pages {
        /// The accounts.
        Accounts(accounts_view) at "/accounts" => AccountsPage if can_view_accounts;
        /// The event log.
        Audit(audit_view) at "/audit" => AuditPage if can_view_audit;
        /// The state at two moments, compared.
        Compare(compare_view) at "/audit/compare" => ComparePage if can_view_audit;
        /// One event.
        Event(event_view) at "/audit/:position" => EventPage if can_view_audit;
    }
}

/// `ROUTE_GROUPS` in a custom section of the wasm, where `frontend/build-wasm.mjs` reads it:
/// `boot.js` then fetches a page's files beside the main module, rather than after it.
#[cfg(target_family = "wasm")]
#[used]
#[unsafe(link_section = "antikor_lazy_routes")]
static ROUTE_GROUPS_SECTION: [u8; ROUTE_GROUPS.len()] = *ROUTE_GROUPS
    .as_bytes()
    .first_chunk()
    .expect("the length is the string's");

#[cfg(test)]
mod tests {
    use super::*;

    /// The paths this module gives boot.js are the ones the router has: app.rs routes every lazy
    /// route, and only those, at the path it has here.
    #[test]
    fn app_routes_each_lazy_route_at_its_path() {
        let app = include_str!("app.rs");
        for (route, path) in ROUTES {
            let routed = format!(r#"path=path!("{path}") view={{Lazy::<routes::{route}>::new()}}"#);
            assert!(app.contains(&routed), "app.rs routes {route} at {path}");
        }
        assert_eq!(app.matches("Lazy::<routes::").count(), ROUTES.len());
        assert_eq!(ROUTE_GROUPS.lines().count(), ROUTES.len());
    }
}
