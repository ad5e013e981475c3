//! `/dashboard`: an institution's progress at a glance, and the form to report on each measure.

mod progress_table;

use crate::access::can_view_region;
use crate::api::{self, ApiError};
use crate::charts::{LevelBar, STATES, count_of, level_class, level_label};
use crate::components::{Loaded, set_title};
use crate::controls::{
    AsOfBanner, AsOfPicker, TenantSelect, ViewParams, YearSelect, use_view_params,
};
use crate::csv::ExportTable;
use crate::directory::{use_country, use_directory, use_people};
use crate::format::{date_bg, date_time, utc_exact};
use crate::pages::progress::SectionsSummary;
use crate::pages::signals::{handles_signals, register::SignalsDue};
use crate::provinces::{has_plan, outside_provinces, province_of};
use crate::session::use_session;
use antikor_shared::TenantId;
use antikor_shared::account::Role;
use antikor_shared::activity::ActivityKind;
use antikor_shared::tenant::{ProvinceEntry, Tenant};
use antikor_shared::views::{ProgressRow, TenantDashboard};
use antikor_shared::wire::code;
use leptos::prelude::*;
use leptos_router::components::A;
use progress_table::ProgressTable;

/// The dashboard of the user's institution, or (regional roles, auditor) of the one chosen.
#[component]
pub fn DashboardPage() -> impl IntoView {
    set_title(&t!("work-dashboard-title"));
    let session = use_session();
    let me = session.user_untracked();
    let own = me.as_ref().map(|u| u.tenant.clone());
    let role = me.as_ref().map(|u| u.role);
    let sees_all = role.is_some_and(Role::sees_other_tenants);
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let directory = use_directory();
    let country = use_country();
    // Whether the shown institution has a plan to report on, told from the lists before
    // asking (the server would answer 404): not a national body's own, and not one whose
    // province has not adopted a plan yet.
    let no_plan = {
        let own = own.clone();
        move |tenants: &[Tenant], country: &[ProvinceEntry], asked: Option<&TenantId>| {
            let own = own.as_ref()?;
            if outside_provinces(tenants, own, asked) {
                return Some(NoPlanReason::OutsideProvinces);
            }
            let province = province_of(tenants, asked.unwrap_or(own))?;
            (!country.is_empty() && !has_plan(country, province))
                .then_some(NoPlanReason::NotAdopted)
        }
    };
    let missing = {
        let no_plan = no_plan.clone();
        Memo::new(move |_| {
            let tenants = directory.get().and_then(Result::ok).unwrap_or_default();
            let provinces = country.get().and_then(Result::ok).unwrap_or_default();
            chosen.with(|p| no_plan(&tenants, &provinces, p.tenant.as_ref()))
        })
    };
    // Whether to ask for the dashboard at all. Without the lists the server is asked, and
    // says what is wrong.
    let asks = move |p: ViewParams| {
        let no_plan = no_plan.clone();
        async move {
            let tenants = directory.await.unwrap_or_default();
            let provinces = country.await.unwrap_or_default();
            no_plan(&tenants, &provinces, p.tenant.as_ref())
                .is_none()
                .then_some(p)
        }
    };
    let dashboard = LocalResource::new({
        let asks = asks.clone();
        move || {
            let (asked, asks) = (params.get(), asks.clone());
            async move {
                let Some(p) = asks(asked?).await else {
                    return Ok(None);
                };
                api::dashboard(p.tenant.as_ref(), p.year, p.as_of_api().as_deref())
                    .await
                    .map(Some)
            }
        }
    });
    let progress = LocalResource::new(move || {
        let (asked, asks) = (params.get(), asks.clone());
        async move {
            let Some(p) = asks(asked?).await else {
                return Ok(None);
            };
            api::progress(p.tenant.as_ref(), p.year, p.as_of_api().as_deref())
                .await
                .map(Some)
        }
    });
    // The years offered are those of the plan of the shown institution's province.
    let province = Signal::derive({
        let own = own.clone();
        move || {
            let tenants = directory.get()?.ok()?;
            let shown = chosen.with(|p| p.tenant.clone()).or_else(|| own.clone())?;
            province_of(&tenants, &shown).cloned()
        }
    });
    let shown = Signal::derive(move || {
        chosen.get().year.or_else(|| {
            dashboard
                .get()
                .and_then(Result::ok)
                .flatten()
                .map(|d| d.year)
        })
    });
    // Officers report for their own institution, now; not the auditor, not in the past.
    let can_report = {
        let own = own.clone();
        Memo::new(move |_| {
            let p = chosen.get();
            role.is_some_and(|r| !r.is_read_only())
                && p.as_of.is_none()
                && p.tenant.as_ref().is_none_or(|t| Some(t) == own.as_ref())
        })
    };
    let position = Signal::derive(move || {
        dashboard
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|d| d.position)
    });
    let retry = Callback::new(move |()| {
        dashboard.refetch();
        progress.refetch();
    });
    // A saved report changes the counts above the table, not the table's other rows.
    let saved = Callback::new(move |()| dashboard.refetch());
    let summary = move || {
        Suspend::new(async move {
            Ok::<_, ApiError>(match dashboard.await? {
                Some(d) => view! { <Summary dashboard=d /> }.into_any(),
                None => view! { <NoPlan role reason=missing.get_untracked() /> }.into_any(),
            })
        })
    };
    let table = move || {
        Suspend::new(async move {
            let Some(p) = progress.await? else {
                return Ok(().into_any());
            };
            Ok::<_, ApiError>(
                view! { <ProgressTable progress=p can_report=can_report.get_untracked() on_saved=saved /> }
                    .into_any(),
            )
        })
    };
    let tenant_select = sees_all.then(|| {
        view! { <TenantSelect path="/dashboard" params=chosen own=own.clone() id="dashboard-tenant" /> }
    });
    view! {
        <h1>{t!("work-dashboard-title")}</h1>
        <div class="filters">
            {tenant_select}
            <Show when=move || missing.get().is_none()>
                <YearSelect path="/dashboard" params=chosen shown province />
                <AsOfPicker path="/dashboard" params=chosen />
            </Show>
        </div>
        <AsOfBanner path="/dashboard" params=chosen position=position />
        <Loaded retry keep_shown=true>{summary}</Loaded>
        {role.is_some_and(handles_signals).then(|| view! { <SignalsDue /> })}
        <Show when=move || missing.get().is_none()>
            <h2 id="progress-heading">{t!("work-dashboard-progress-heading")}</h2>
            <Loaded retry>{table}</Loaded>
        </Show>
    }
}

/// Why an institution's dashboard has no plan to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoPlanReason {
    /// A national body: it is in no province, and each province keeps its own plan.
    OutsideProvinces,
    /// Its province has not adopted a plan yet.
    NotAdopted,
}

/// In place of the plan's parts. For a national body it points to where the provinces'
/// progress is read: the regional view for those who may open it, the public page for the
/// others. For an institution of a province without a plan, it says so: nothing has failed.
#[component]
fn NoPlan(role: Option<Role>, reason: Option<NoPlanReason>) -> impl IntoView {
    if reason == Some(NoPlanReason::NotAdopted) {
        return view! {
            <p id="dashboard-no-plan" class="notice notice--info" role="status">
                {t!("work-dashboard-no-plan-not-adopted")}
            </p>
        }
        .into_any();
    }
    let (place, href, label) = if role.is_some_and(can_view_region) {
        (
            t!("work-dashboard-no-plan-see-region"),
            "/region",
            t!("work-dashboard-no-plan-region-link"),
        )
    } else {
        (
            t!("work-dashboard-no-plan-see-progress"),
            "/progress",
            t!("work-dashboard-no-plan-progress-link"),
        )
    };
    view! {
        <p id="dashboard-no-plan" class="notice notice--info" role="status">
            {t!("work-dashboard-no-plan-national")}
            " "
            {place}
            " "
            <A href=href>{label}</A>
            "."
        </p>
    }
    .into_any()
}

/// Levels, sections, overdue and due-soon measures, activities by kind, latest changes.
#[component]
fn Summary(dashboard: TenantDashboard) -> impl IntoView {
    let d = dashboard;
    let legend = STATES
        .iter()
        .map(|l| {
            view! {
                <li>
                    <span class=format!("swatch {}", level_class(*l)) aria-hidden="true"></span>
                    {format!("{}: {}", level_label(*l), count_of(&d.levels, *l))}
                </li>
            }
        })
        .collect_view();
    let overdue = d.overdue.len();
    let due_soon = d.due_soon.len();
    let year = d.year;
    let tenant: TenantId = d.tenant.clone();
    let name = d.tenant_name.get(crate::i18n::lang());
    view! {
        <p class="lead" id="dashboard-tenant-name" data-tenant=tenant.to_string()>
            {t!("work-dashboard-tenant-plan", tenant = name, year = year.to_string())}
        </p>
        <LevelBar counts=d.levels.clone() label=t!("work-dashboard-levels-label") id="levels-bar" />
        <ul class="legend">{legend}</ul>
        <p id="overdue-summary">
            {t!(
                "work-dashboard-overdue-summary",
                overdue = overdue,
                due_soon = due_soon,
                date = date_bg(d.today),
            )}
        </p>
        <div class="dashboard-grid">
            <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">{t!("work-dashboard-overdue-heading")}</h2>
                <RowList rows=d.overdue.clone() id="overdue-list" empty=t!("work-dashboard-overdue-none") />
            </section>
            <section aria-labelledby="due-soon-heading">
                <h2 id="due-soon-heading">{t!("work-dashboard-due-soon-heading")}</h2>
                <RowList rows=d.due_soon.clone() id="due-soon-list" empty=t!("work-dashboard-due-soon-none") />
            </section>
        </div>
        <h2>{t!("work-dashboard-sections-heading")}</h2>
        <SectionsSummary
            sections=d.sections.clone()
            id="dashboard-sections"
            caption=t!("work-dashboard-sections-caption", tenant = name, year = year.to_string())
            filename=format!("razdeli-{tenant}-{year}.csv")
        />
        <div class="dashboard-grid">
            <section aria-labelledby="kinds-heading">
                <h2 id="kinds-heading">{t!("work-dashboard-activities-heading", year = year.to_string())}</h2>
                <ActivityKinds dashboard=d.clone() />
                <p>
                    <A href=format!("/activities?tenant={tenant}&year={year}")>{t!("work-dashboard-all-activities")}</A>
                </p>
            </section>
            <section aria-labelledby="latest-heading">
                <h2 id="latest-heading">{t!("work-dashboard-latest-heading")}</h2>
                <LatestChanges dashboard=d.clone() />
            </section>
        </div>
        <section aria-labelledby="risks-heading">
            <h2 id="risks-heading">{t!("work-dashboard-risks-heading", year = year.to_string())}</h2>
            <RiskFigures dashboard=d.clone() />
        </section>
    }
}

/// The year's corruption-risk register in figures, what waits first (reviews past their date),
/// with a way to the register.
#[component]
fn RiskFigures(dashboard: TenantDashboard) -> impl IntoView {
    let r = &dashboard.risks;
    let href = format!("/risks?tenant={}&year={}", dashboard.tenant, dashboard.year);
    if r.open + r.closed == 0 {
        return view! {
            <p id="dashboard-risks" data-open="0">
                {t!("work-dashboard-risks-none", year = dashboard.year.to_string())}
                " "
                <A href=href>{t!("work-dashboard-risks-link")}</A>
            </p>
        }
        .into_any();
    }
    let [low, medium, high] = r.by_band;
    let overdue = r.overdue_reviews > 0;
    view! {
        <div id="dashboard-risks" data-open=r.open.to_string() data-overdue=r.overdue_reviews.to_string()>
            <p class:dashboard-risks-overdue=overdue>
                {t!("work-dashboard-risks-overdue", count = r.overdue_reviews)}
            </p>
            <ul>
                <li>{t!("work-dashboard-risks-open", count = r.open, high = high, medium = medium, low = low)}</li>
                <li>{t!("work-dashboard-risks-unassessed", unassessed = r.unassessed, untreated = r.untreated)}</li>
                <li>{t!("work-dashboard-risks-closed", closed = r.closed)}</li>
            </ul>
            <p><A href=href>{t!("work-dashboard-risks-link")}</A></p>
        </div>
    }
    .into_any()
}

/// A list of measures (overdue, due soon).
#[component]
fn RowList(rows: Vec<ProgressRow>, id: &'static str, empty: String) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p id=id class="muted">{empty}</p> }.into_any();
    }
    let items = rows
        .into_iter()
        .map(|r| {
            let level = r.status.as_ref().map(|s| s.level);
            view! {
                <li data-key=r.key.clone()>
                    <span class="clamp" title=r.text.clone()>
                        <strong>{r.key.clone()}</strong>
                        " "
                        {r.text.clone()}
                    </span>
                    <span class="muted small">
                        {t!(
                            "work-dashboard-row-deadline",
                            deadline = r.deadline.label(crate::i18n::lang()),
                            level = level_label(level).to_lowercase(),
                        )}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul id=id class="row-list row-list--measures">{items}</ul> }.into_any()
}

/// Activities of the year by kind: a table with a bar per kind.
#[component]
fn ActivityKinds(dashboard: TenantDashboard) -> impl IntoView {
    let counts: Vec<(ActivityKind, u32)> = ActivityKind::ALL
        .into_iter()
        .map(|k| {
            let n = dashboard
                .activities
                .iter()
                .find(|c| c.kind == k)
                .map_or(0, |c| c.count);
            (k, n)
        })
        .collect();
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let rows = counts
        .iter()
        .map(|(kind, n)| {
            let width = f64::from(*n) / f64::from(max) * 100.0;
            view! {
                <tr data-kind=code(*kind)>
                    <th scope="row">{kind.label(crate::i18n::lang())}</th>
                    <td class="bar-cell">
                        <svg class="count-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect x="0" y="0" width=format!("{width:.2}") height="10"></rect>
                        </svg>
                    </td>
                    <td class="num">{n.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let year = dashboard.year;
    let tenant = dashboard.tenant.to_string();
    let csv = Callback::new(move |()| {
        let mut rows = vec![vec![
            t!("work-dashboard-kinds-kind-csv"),
            t!("work-dashboard-kinds-count"),
        ]];
        rows.extend(
            counts
                .iter()
                .map(|(k, n)| vec![k.label(crate::i18n::lang()).to_owned(), n.to_string()]),
        );
        rows
    });
    view! {
        <ExportTable id="activities-by-kind" filename=format!("deinosti-{tenant}-{year}.csv") rows=csv>
            <caption id="activities-by-kind-caption">{t!("work-dashboard-kinds-caption", year = year.to_string())}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("work-dashboard-kinds-kind")}</th>
                    <th scope="col">
                        <span class="visually-hidden">{t!("work-dashboard-kinds-chart")}</span>
                    </th>
                    <th scope="col" class="num">{t!("work-dashboard-kinds-count")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// The institution's latest events, each linking to its record in the audit trail.
#[component]
fn LatestChanges(dashboard: TenantDashboard) -> impl IntoView {
    if dashboard.latest.is_empty() {
        return view! { <p id="latest-changes" class="muted">{t!("work-dashboard-latest-none")}</p> }
            .into_any();
    }
    let items = dashboard
        .latest
        .into_iter()
        .map(|c| {
            view! {
                <li data-position=c.position.to_string() data-event-type=c.event_type>
                    <A href=format!("/audit/{}", c.position)>{c.summary}</A>
                    <span class="muted small">
                        " · "
                        {c.record}
                        " · "
                        {let actor = c.actor.clone(); move || use_people().name(&actor)}
                        " · "
                        <time datetime=utc_exact(c.recorded_at)>{date_time(c.recorded_at)}</time>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul id="latest-changes" class="row-list">{items}</ul> }.into_any()
}
