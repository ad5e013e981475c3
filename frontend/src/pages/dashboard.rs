//! `/dashboard`: an institution's progress at a glance, and the form to report on each measure.

use crate::api::{self, ApiError};
use crate::charts::{LevelBar, STATES, count_of, level_class, level_code, level_label};
use crate::components::{Loaded, set_title};
use crate::controls::{AsOfBanner, AsOfPicker, TenantSelect, YearSelect, today, use_view_params};
use crate::csv::ExportTable;
use crate::form::{FormError, use_submit};
use crate::format::{date_bg, date_time, event_type_text, utc_exact};
use crate::pages::progress::SectionsSummary;
use crate::pages::signals::{handles_signals, register::SignalsDue};
use crate::session::use_session;
use crate::wire::{code, from_code};
use antikor_shared::TenantId;
use antikor_shared::account::Role;
use antikor_shared::activity::ActivityKind;
use antikor_shared::progress::{CompletionLevel, Evidence};
use antikor_shared::views::{ProgressRow, ReportProgress, TenantDashboard, TenantProgress};
use leptos::prelude::*;
use leptos_router::components::A;

/// Evidence typed one per line: web addresses become links, anything else a document
/// reference.
pub fn parse_evidence(text: &str) -> Vec<Evidence> {
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

/// Evidence back as the form's lines.
pub fn evidence_text(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .map(|e| match e {
            Evidence::Link(v) | Evidence::Document(v) => v.as_str(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The dashboard of the user's institution, or (regional roles, auditor) of the one chosen.
#[component]
pub fn DashboardPage() -> impl IntoView {
    set_title("Табло");
    let session = use_session();
    let me = session.user_untracked();
    let own = me.as_ref().map(|u| u.tenant.clone());
    let role = me.as_ref().map(|u| u.role);
    let sees_all = role.is_some_and(Role::sees_all_tenants);
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let dashboard = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let p = asked?;
            api::dashboard(p.tenant.as_ref(), p.year, p.as_of_api().as_deref()).await
        }
    });
    let progress = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let p = asked?;
            api::progress(p.tenant.as_ref(), p.year, p.as_of_api().as_deref()).await
        }
    });
    let shown = Signal::derive(move || {
        chosen
            .get()
            .year
            .or_else(|| dashboard.get().and_then(Result::ok).map(|d| d.year))
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
    let position = Signal::derive(move || dashboard.get().and_then(Result::ok).map(|d| d.position));
    let retry = Callback::new(move |()| {
        dashboard.refetch();
        progress.refetch();
    });
    // A saved report changes the counts above the table, not the table's other rows.
    let saved = Callback::new(move |()| dashboard.refetch());
    let summary = move || {
        Suspend::new(async move {
            let d = dashboard.await?;
            Ok::<_, ApiError>(view! { <Summary dashboard=d /> })
        })
    };
    let table = move || {
        Suspend::new(async move {
            let p = progress.await?;
            Ok::<_, ApiError>(
                view! { <ProgressTable progress=p can_report=can_report.get_untracked() on_saved=saved /> },
            )
        })
    };
    let tenant_select = sees_all.then(|| {
        view! { <TenantSelect path="/dashboard" params=chosen own=own.clone() id="dashboard-tenant" /> }
    });
    view! {
        <h1>"Табло"</h1>
        <div class="filters">
            {tenant_select}
            <YearSelect path="/dashboard" params=chosen shown />
            <AsOfPicker path="/dashboard" params=chosen />
        </div>
        <AsOfBanner path="/dashboard" params=chosen position=position />
        <Loaded retry keep_shown=true>{summary}</Loaded>
        {role.is_some_and(handles_signals).then(|| view! { <SignalsDue /> })}
        <h2 id="progress-heading">"Изпълнение по мерки"</h2>
        <Loaded retry>{table}</Loaded>
    }
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
    view! {
        <p class="lead" id="dashboard-tenant-name" data-tenant=tenant.to_string()>
            {format!("{}, план за {year} г.", d.tenant_name_bg)}
        </p>
        <LevelBar counts=d.levels.clone() label="Мерки по степен на изпълнение" id="levels-bar" />
        <ul class="legend">{legend}</ul>
        <p id="overdue-summary">
            {format!(
                "Просрочени: {overdue}. С наближаващ срок (30 дни): {due_soon}. Преценено към {} г.",
                date_bg(d.today),
            )}
        </p>
        <div class="dashboard-grid">
            <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">"Просрочени мерки"</h2>
                <RowList rows=d.overdue.clone() id="overdue-list" empty="Няма просрочени мерки." />
            </section>
            <section aria-labelledby="due-soon-heading">
                <h2 id="due-soon-heading">"Срок през следващите 30 дни"</h2>
                <RowList rows=d.due_soon.clone() id="due-soon-list" empty="Няма мерки с наближаващ срок." />
            </section>
        </div>
        <h2>"По раздели на плана"</h2>
        <SectionsSummary
            sections=d.sections.clone()
            id="dashboard-sections"
            caption=format!("{}: мерки по раздели, {year} г.", d.tenant_name_bg)
            filename=format!("razdeli-{tenant}-{year}.csv")
        />
        <div class="dashboard-grid">
            <section aria-labelledby="kinds-heading">
                <h2 id="kinds-heading">{format!("Дейности през {year} г.")}</h2>
                <ActivityKinds dashboard=d.clone() />
                <p>
                    <A href=format!("/activities?tenant={tenant}&year={year}")>"Всички дейности"</A>
                </p>
            </section>
            <section aria-labelledby="latest-heading">
                <h2 id="latest-heading">"Последни промени"</h2>
                <LatestChanges dashboard=d.clone() />
            </section>
        </div>
    }
}

/// A list of measures (overdue, due soon).
#[component]
fn RowList(rows: Vec<ProgressRow>, id: &'static str, empty: &'static str) -> impl IntoView {
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
                        {format!("Срок: {}; {}", r.deadline.label_bg(), level_label(level).to_lowercase())}
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
                    <th scope="row">{kind.label_bg()}</th>
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
        let mut rows = vec![vec!["Вид дейност".to_owned(), "Брой".to_owned()]];
        rows.extend(
            counts
                .iter()
                .map(|(k, n)| vec![k.label_bg().to_owned(), n.to_string()]),
        );
        rows
    });
    view! {
        <ExportTable id="activities-by-kind" filename=format!("deinosti-{tenant}-{year}.csv") rows=csv>
            <caption>{format!("Дейности по вид, {year} г.")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Вид"</th>
                    <th scope="col">
                        <span class="visually-hidden">"Графика"</span>
                    </th>
                    <th scope="col" class="num">"Брой"</th>
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
        return view! { <p id="latest-changes" class="muted">"Все още няма промени."</p> }
            .into_any();
    }
    let items = dashboard
        .latest
        .into_iter()
        .map(|c| {
            view! {
                <li data-position=c.position.to_string()>
                    <A href=format!("/audit/{}", c.position)>{event_type_text(&c.event_type)}</A>
                    <span class="muted small">
                        " · "
                        {c.actor}
                        " · "
                        <time datetime=utc_exact(c.recorded_at)>{date_time(c.recorded_at)}</time>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! { <ul id="latest-changes" class="row-list">{items}</ul> }.into_any()
}

/// The progress table as CSV.
fn progress_csv(rows: &[ProgressRow]) -> Vec<Vec<String>> {
    let mut out = vec![
        [
            "Мярка",
            "№",
            "Текст",
            "Срок",
            "Степен",
            "Бележка",
            "Доказателства",
            "Към дата",
            "Отчел",
            "Просрочена",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for r in rows {
        let s = r.status.as_ref();
        out.push(vec![
            r.key.clone(),
            r.number_in_source.clone(),
            r.text.clone(),
            r.deadline.label_bg(),
            level_label(s.map(|s| s.level)).to_owned(),
            s.map(|s| s.note.clone()).unwrap_or_default(),
            s.map(|s| evidence_text(&s.evidence).replace('\n', "; "))
                .unwrap_or_default(),
            s.map(|s| date_bg(s.reported_for)).unwrap_or_default(),
            s.map(|s| s.reported_by.clone()).unwrap_or_default(),
            if r.overdue { "да" } else { "не" }.to_owned(),
        ]);
    }
    out
}

/// The institution's progress table, with a report form per measure when the user may report.
#[component]
fn ProgressTable(
    progress: TenantProgress,
    can_report: bool,
    on_saved: Callback<()>,
) -> impl IntoView {
    let year = progress.year;
    let tenant = progress.tenant.to_string();
    let rows: Vec<RwSignal<ProgressRow>> = progress.rows.into_iter().map(RwSignal::new).collect();
    let csv_rows = rows.clone();
    let csv = Callback::new(move |()| {
        let current: Vec<ProgressRow> = csv_rows.iter().map(|r| r.get_untracked()).collect();
        progress_csv(&current)
    });
    let body = rows
        .into_iter()
        .map(|row| view! { <ProgressRowView row year can_report on_saved /> })
        .collect_view();
    view! {
        <ExportTable
            id="progress-table"
            filename=format!("otchet-{tenant}-{year}.csv")
            rows=csv
            tools=view! {
                <span class="muted small">
                    {if can_report {
                        "Изберете „Докладвай“ при мярка, за да отчетете напредъка ѝ."
                    } else {
                        "Само за преглед."
                    }}
                </span>
            }
                .into_any()
        >
            <caption>{format!("Изпълнение по мерки, {year} г.")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Мярка"</th>
                    <th scope="col">"Срок"</th>
                    <th scope="col">"Степен"</th>
                    <th scope="col">"Бележка и доказателства"</th>
                    {can_report.then(|| view! { <th scope="col">"Отчет"</th> })}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </ExportTable>
    }
}

/// The levels a report can choose, built afresh each time the form opens: a built view is
/// not `Clone` once components are type-erased.
fn level_options() -> impl IntoView {
    CompletionLevel::ALL
        .into_iter()
        .map(|l| view! { <option value=level_code(Some(l))>{l.label_bg()}</option> })
        .collect_view()
}

/// Said after a conflict, once the row shows the report made meanwhile.
const RELOADED: &str =
    "Редът е презареден с последния отчет; прегледайте го и изпратете своя отново, ако е нужно.";

/// Reads a measure's row again, with the latest report, as the server now has it.
async fn reload(year: i32, row: RwSignal<ProgressRow>) -> Result<(), ApiError> {
    let key = row.with_untracked(|r| r.key.clone());
    let fresh = api::progress(None, Some(year), None)
        .await?
        .rows
        .into_iter()
        .find(|r| r.key == key)
        .ok_or_else(|| ApiError::Invalid("Мярката вече не е в плана.".to_owned()))?;
    row.try_set(fresh);
    Ok(())
}

/// One measure with its latest report and, for those who may, a form to report anew.
#[component]
fn ProgressRowView(
    row: RwSignal<ProgressRow>,
    year: i32,
    can_report: bool,
    on_saved: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let start = row.get_untracked();
    let status = start.status.clone();
    let level = RwSignal::new(
        level_code(Some(
            status
                .as_ref()
                .map_or(CompletionLevel::NotStarted, |s| s.level),
        ))
        .to_owned(),
    );
    let note = RwSignal::new(status.as_ref().map(|s| s.note.clone()).unwrap_or_default());
    let evidence = RwSignal::new(
        status
            .as_ref()
            .map(|s| evidence_text(&s.evidence))
            .unwrap_or_default(),
    );
    let reported_for = RwSignal::new(today().to_string());
    let form = use_submit();
    let done = RwSignal::new(false);
    let key = start.key.clone();

    let submit = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let Ok(day) = reported_for.get_untracked().trim().parse() else {
                return form.fail("Въведете дата във вида ГГГГ-ММ-ДД.");
            };
            let Some(level) = from_code(&level.get_untracked()) else {
                return form.fail("Изберете степен на изпълнение.");
            };
            let body = ReportProgress {
                level,
                note: note.get_untracked().trim().to_owned(),
                evidence: parse_evidence(&evidence.get_untracked()),
                reported_for: day,
                // The version this form was filled against: a report made since is a conflict.
                expected_version: row
                    .with_untracked(|r| r.status.as_ref().map_or(0, |s| s.version)),
            };
            done.set(false);
            let call = {
                let key = key.clone();
                async move { api::report_progress(year, &key, &body).await }
            };
            form.send_versioned(call, reload(year, row), RELOADED, move |saved| {
                row.set(saved);
                open.set(false);
                done.set(true);
                on_saved.run(());
            });
        }
    };

    let id = key.replace('.', "-");
    let form_id = format!("report-{id}");
    let level_attr = move || row.with(|r| level_code(r.status.as_ref().map(|s| s.level)));
    let level_text = move || row.with(|r| level_label(r.status.as_ref().map(|s| s.level)));
    let details = move || {
        row.with(|r| {
            r.status.as_ref().map(|s| {
                let evidence = s
                    .evidence
                    .iter()
                    .map(|e| match e {
                        Evidence::Link(url) => {
                            view! { <li><a href=url.clone() rel="noopener noreferrer">{url.clone()}</a></li> }.into_any()
                        }
                        Evidence::Document(doc) => view! { <li>{doc.clone()}</li> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <p class="report-note-text">{s.note.clone()}</p>
                    <ul class="evidence">{evidence}</ul>
                    <p class="muted small">
                        {format!("Към {} г., отчел {} (версия {})", date_bg(s.reported_for), s.reported_by, s.version)}
                    </p>
                }
            })
        })
    };
    let form_cell = can_report.then(|| {
        view! {
            <td>
                <Show
                    when=move || open.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="button report-open" on:click=move |_| {
                                done.set(false);
                                open.set(true);
                            }>
                                "Докладвай"
                            </button>
                            <Show when=move || done.get()>
                                <p class="report-saved notice--ok small" role="status">"Отчетът е записан."</p>
                            </Show>
                        }
                    }
                >
                    <form id=form_id.clone() class="report-form" on:submit=submit.clone() novalidate>
                        <label>
                            "Степен"
                            <select class="report-level" bind:value=level>{level_options()}</select>
                        </label>
                        <label>
                            "Бележка"
                            <textarea class="report-note" maxlength="4000" bind:value=note></textarea>
                        </label>
                        <label>
                            "Доказателства (по едно на ред: адрес или документ с номер и дата)"
                            <textarea class="report-evidence" bind:value=evidence></textarea>
                        </label>
                        <label>
                            "Към дата"
                            <input class="report-date" type="date" max=today().to_string() bind:value=reported_for />
                        </label>
                        <FormError class="report-error" error=form.error() />
                        <div class="form-actions">
                            <button type="submit" class="button button--primary report-submit" disabled=form.busy()>
                                "Запази"
                            </button>
                            <button type="button" class="button report-cancel" on:click=move |_| {
                                form.outcome().set(None);
                                open.set(false);
                            }>
                                "Откажи"
                            </button>
                        </div>
                    </form>
                </Show>
            </td>
        }
    });
    view! {
        <tr
            class="progress-row"
            class:overdue=move || row.with(|r| r.overdue)
            data-key=key.clone()
            data-level=level_attr
        >
            <th scope="row" class="measure-cell">
                <span class="nowrap measure-key">{start.key.clone()}</span>
                " "
                <span class="measure-text">{start.text.clone()}</span>
            </th>
            <td class="nowrap">
                {start.deadline.label_bg()}
                {move || row.with(|r| r.overdue).then(|| view! { " " <span class="badge badge--warn">"просрочена"</span> })}
                {move || row.with(|r| r.due_soon).then(|| view! { " " <span class="badge">"наближава"</span> })}
            </td>
            <td class="level-text">
                <span class=move || row.with(|r| format!("swatch {}", level_class(r.status.as_ref().map(|s| s.level)))) aria-hidden="true"></span>
                " "
                {level_text}
            </td>
            <td>{details}</td>
            {form_cell}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_lines_become_links_or_documents_and_back() {
        let typed = "https://bansko.bg/antikor\n\n  Протокол № 3 / 12.05.2017 \nhttp://x.bg";
        let parsed = parse_evidence(typed);
        assert_eq!(
            parsed,
            [
                Evidence::Link("https://bansko.bg/antikor".into()),
                Evidence::Document("Протокол № 3 / 12.05.2017".into()),
                Evidence::Link("http://x.bg".into()),
            ]
        );
        assert_eq!(
            evidence_text(&parsed),
            "https://bansko.bg/antikor\nПротокол № 3 / 12.05.2017\nhttp://x.bg"
        );
    }
}
