//! `/dashboard`: the tenant's plan progress at a glance, and where its officers report on each
//! measure.

use crate::api::{self, ApiError};
use crate::components::{ErrorMessages, Loading, set_title};
use crate::session::use_session;
use antikor_shared::progress::{CompletionLevel, Evidence};
use antikor_shared::views::{LevelCounts, ProgressRow, ReportProgress, TenantDashboard};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// The dashboard of the logged-in user's institution.
#[component]
pub fn DashboardPage() -> impl IntoView {
    set_title("Табло");
    let dashboard = LocalResource::new(|| api::dashboard(None));
    let progress = LocalResource::new(|| api::progress(None));
    let retry = Callback::new(move |()| {
        dashboard.refetch();
        progress.refetch();
    });
    let summary = move || {
        Suspend::new(async move {
            let d = dashboard.await?;
            Ok::<_, ApiError>(view! { <Summary dashboard=d /> })
        })
    };
    let table = move || {
        Suspend::new(async move {
            let p = progress.await?;
            let year = p.year;
            let rows = p
                .rows
                .into_iter()
                .map(|row| view! { <ProgressRowView row year on_saved=retry /> })
                .collect_view();
            Ok::<_, ApiError>(view! {
                <div class="table-scroll">
                    <table id="progress-table" class="data-table">
                        <caption class="visually-hidden">"Изпълнение по мерки"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Мярка"</th>
                                <th scope="col">"Срок"</th>
                                <th scope="col">"Степен"</th>
                                <th scope="col">"Бележка"</th>
                                <th scope="col">"Отчет"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    };
    view! {
        <h1>"Табло"</h1>
        <Suspense fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorMessages errors retry /> }
            }>{summary} {table}</ErrorBoundary>
        </Suspense>
    }
}

/// Counts by level as a stacked bar (SVG), with the overdue and due-soon lists.
#[component]
fn Summary(dashboard: TenantDashboard) -> impl IntoView {
    let LevelCounts {
        not_reported,
        not_started,
        limited,
        substantial,
        completed,
    } = dashboard.levels.clone();
    let total = dashboard.levels.total().max(1) as f64;
    let parts = [
        (not_reported, "level-none", "Няма отчет"),
        (not_started, "level-not-started", "Незапочнати"),
        (limited, "level-limited", "Ограничен напредък"),
        (substantial, "level-substantial", "Съществен напредък"),
        (completed, "level-completed", "Изпълнени"),
    ];
    let mut x = 0.0;
    let bars = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, class, label)| {
            let width = f64::from(*n) / total * 100.0;
            let start = x;
            x += width;
            view! {
                <rect class=*class x=format!("{start:.2}") y="0" width=format!("{width:.2}") height="10">
                    <title>{format!("{label}: {n}")}</title>
                </rect>
            }
        })
        .collect_view();
    let legend = parts
        .iter()
        .map(|(n, class, label)| {
            view! {
                <li>
                    <span class=format!("swatch {class}")></span>
                    {format!("{label}: {n}")}
                </li>
            }
        })
        .collect_view();
    let overdue = dashboard.overdue.len();
    let due_soon = dashboard.due_soon.len();
    view! {
        <p class="lead">{format!("{}, план за {} г.", dashboard.tenant_name_bg, dashboard.year)}</p>
        <svg id="levels-bar" class="levels-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
            role="img" aria-label="Мерки по степен на изпълнение">
            {bars}
        </svg>
        <ul class="legend">{legend}</ul>
        <p id="overdue-summary">
            {format!("Просрочени: {overdue}. С наближаващ срок (30 дни): {due_soon}.")}
        </p>
        <p>
            "Последните промени са в "
            <A href="/audit">"одитната следа"</A>
            "."
        </p>
    }
}

fn level_from(code: &str) -> CompletionLevel {
    CompletionLevel::ALL
        .into_iter()
        .find(|l| level_code(*l) == code)
        .unwrap_or(CompletionLevel::NotStarted)
}

fn level_code(level: CompletionLevel) -> &'static str {
    match level {
        CompletionLevel::NotStarted => "not_started",
        CompletionLevel::Limited => "limited",
        CompletionLevel::Substantial => "substantial",
        CompletionLevel::Completed => "completed",
    }
}

/// Evidence typed one per line: web addresses become links, anything else a document
/// reference.
fn parse_evidence(text: &str) -> Vec<Evidence> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l.starts_with("http://") || l.starts_with("https://") {
                Evidence::Link(l.to_owned())
            } else {
                Evidence::Document(l.to_owned())
            }
        })
        .collect()
}

/// One measure with its latest report and a form to report anew.
#[component]
fn ProgressRowView(row: ProgressRow, year: i32, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(false);
    let level = RwSignal::new(
        row.status
            .as_ref()
            .map_or("not_started", |s| level_code(s.level))
            .to_owned(),
    );
    let note = RwSignal::new(
        row.status
            .as_ref()
            .map(|s| s.note.clone())
            .unwrap_or_default(),
    );
    let evidence = RwSignal::new(String::new());
    // The browser's clock in UTC; the server refuses a day in the future by Sofia's calendar.
    let today: String = String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect();
    let reported_for = RwSignal::new(today);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let version = row.status.as_ref().map_or(0, |s| s.version);
    let key = row.key.clone();
    let submit = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Ok(day) = reported_for.get_untracked().parse() else {
                error.set(Some("Въведете дата във вида ГГГГ-ММ-ДД.".to_owned()));
                return;
            };
            let Some(csrf) = session.csrf() else {
                return;
            };
            let body = ReportProgress {
                level: level_from(&level.get_untracked()),
                note: note.get_untracked(),
                evidence: parse_evidence(&evidence.get_untracked()),
                reported_for: day,
                expected_version: version,
            };
            let key = key.clone();
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = api::report_progress(&csrf, year, &key, &body).await;
                busy.try_set(false);
                match result {
                    Ok(_) => on_saved.run(()),
                    Err(e) => {
                        error.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };
    let status = row.status.clone();
    let level_text = status.as_ref().map_or("Няма отчет", |s| s.level.label_bg());
    let level_attr = status.as_ref().map_or("none", |s| level_code(s.level));
    let options = CompletionLevel::ALL
        .into_iter()
        .map(|l| view! { <option value=level_code(l)>{l.label_bg()}</option> })
        .collect_view();
    let form_id = format!("report-{}", row.key.replace('.', "-"));
    view! {
        <tr class="progress-row" class:overdue=row.overdue data-key=row.key.clone() data-level=level_attr>
            <th scope="row" class="measure-cell">
                <span class="nowrap measure-key">{row.key.clone()}</span>
                " "
                <span class="measure-text">{row.text.clone()}</span>
            </th>
            <td class="nowrap">
                {row.deadline.label_bg()}
                {row.overdue.then(|| view! { " " <span class="badge badge--warn">"просрочена"</span> })}
                {row.due_soon.then(|| view! { " " <span class="badge">"наближава"</span> })}
            </td>
            <td>{level_text}</td>
            <td>{status.as_ref().map(|s| s.note.clone()).unwrap_or_default()}</td>
            <td>
                <Show
                    when=move || open.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="button report-open" on:click=move |_| open.set(true)>
                                "Докладвай"
                            </button>
                        }
                    }
                >
                    <form id=form_id.clone() class="report-form" on:submit=submit.clone()>
                        <label>
                            "Степен"
                            <select class="report-level" bind:value=level>{options.clone()}</select>
                        </label>
                        <label>
                            "Бележка"
                            <textarea class="report-note" maxlength="4000" bind:value=note></textarea>
                        </label>
                        <label>
                            "Доказателства (по едно на ред: адрес или документ)"
                            <textarea class="report-evidence" bind:value=evidence></textarea>
                        </label>
                        <label>
                            "Към дата"
                            <input class="report-date" type="date" bind:value=reported_for />
                        </label>
                        {move || error.get().map(|e| view! { <p class="notice notice--error report-error" role="alert">{e}</p> })}
                        <button type="submit" class="button button--primary report-submit" disabled=busy>
                            "Запази"
                        </button>
                    </form>
                </Show>
            </td>
        </tr>
    }
}
