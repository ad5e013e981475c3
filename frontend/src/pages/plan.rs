//! The public plan pages: the year's plan in its own columns, and every institution's progress.

use crate::api::{self, ApiError};
use crate::components::{ErrorMessages, Loading, set_title};
use antikor_shared::progress::CompletionLevel;
use antikor_shared::views::{PlanView, RegionView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The year the address asks for (`?year=`), or the newest plan's.
async fn chosen_year(asked: Option<i32>) -> Result<i32, ApiError> {
    match asked {
        Some(year) => Ok(year),
        None => api::plan_years()
            .await?
            .last()
            .copied()
            .ok_or_else(|| ApiError::Invalid("Все още няма приет план.".to_owned())),
    }
}

fn asked_year() -> Memo<Option<i32>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("year").and_then(|y| y.parse().ok()))
}

/// `/plan`: the plan with the columns of the council's document.
#[component]
pub fn PlanPage() -> impl IntoView {
    set_title("План за действие");
    let asked = asked_year();
    let plan = LocalResource::new(move || {
        let asked = asked.get();
        async move { api::plan(chosen_year(asked).await?).await }
    });
    let retry = Callback::new(move |()| plan.refetch());
    let body = move || {
        Suspend::new(async move {
            let plan = plan.await?;
            Ok::<_, ApiError>(view! { <PlanTable plan /> })
        })
    };
    view! {
        <h1>"План за действие"</h1>
        <p class="lead">
            "Мерките на Областния обществен съвет за превенция и противодействие на корупцията "
            "с техните срокове, отговорници, индикатори и очаквани резултати."
        </p>
        <Suspense fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorMessages errors retry /> }
            }>{body}</ErrorBoundary>
        </Suspense>
    }
}

/// The plan's table, section by section.
#[component]
fn PlanTable(plan: PlanView) -> impl IntoView {
    let active = plan
        .measures
        .iter()
        .filter(|m| m.withdrawn.is_none())
        .count();
    let sections = plan
        .sections
        .iter()
        .map(|section| {
            let rows = plan
                .measures
                .iter()
                .filter(|m| m.measure.section == section.numeral)
                .map(|m| {
                    let measure = &m.measure;
                    let withdrawn = m.withdrawn.clone();
                    let is_withdrawn = withdrawn.is_some();
                    view! {
                        <tr
                            class="measure-row"
                            class:withdrawn=is_withdrawn
                            data-key=measure.key.clone()
                        >
                            <th scope="row" class="nowrap">{measure.number_in_source.clone()}</th>
                            <td>
                                {measure.text.clone()}
                                {withdrawn
                                    .map(|reason| {
                                        view! {
                                            <p class="withdrawn-note">"Оттеглена: " {reason}</p>
                                        }
                                    })}
                            </td>
                            <td class="nowrap">{measure.deadline_in_source.clone()}</td>
                            <td>{measure.responsible.join("; ")}</td>
                            <td>{measure.indicator.clone()}</td>
                            <td>{measure.expected_result.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="section-row">
                        <th scope="colgroup" colspan="6">
                            {section.numeral_in_source.clone()}
                            " "
                            {section.title.clone()}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <h2>{plan.title.clone()}</h2>
        <p>{format!("{active} мерки в {} раздела.", plan.sections.len())}</p>
        <div class="table-scroll">
            <table id="plan-table" class="data-table plan-table">
                <caption class="visually-hidden">{format!("План за {} г.", plan.year)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"№"</th>
                        <th scope="col">"Мярка"</th>
                        <th scope="col">"Срок"</th>
                        <th scope="col">"Отговорник"</th>
                        <th scope="col">"Индикатор за оценка на изпълнението"</th>
                        <th scope="col">"Резултат"</th>
                    </tr>
                </thead>
                {sections}
            </table>
        </div>
    }
}

/// A level's CSS class and short label, or those of "no report".
fn level_cell(level: Option<CompletionLevel>) -> (&'static str, &'static str, &'static str) {
    match level {
        None => ("level-none", "none", "Няма отчет"),
        Some(CompletionLevel::NotStarted) => ("level-not-started", "not_started", "Незапочната"),
        Some(CompletionLevel::Limited) => ("level-limited", "limited", "Ограничен"),
        Some(CompletionLevel::Substantial) => ("level-substantial", "substantial", "Съществен"),
        Some(CompletionLevel::Completed) => ("level-completed", "completed", "Изпълнена"),
    }
}

/// `/progress`: every institution's progress on the plan, measure by measure.
#[component]
pub fn ProgressPage() -> impl IntoView {
    set_title("Изпълнение на плана");
    let asked = asked_year();
    let view_data = LocalResource::new(move || {
        let asked = asked.get();
        async move { api::public_progress(chosen_year(asked).await?).await }
    });
    let retry = Callback::new(move |()| view_data.refetch());
    let body = move || {
        Suspend::new(async move {
            let region = view_data.await?;
            Ok::<_, ApiError>(view! { <ProgressMatrix region /> })
        })
    };
    view! {
        <h1>"Изпълнение на плана"</h1>
        <p class="lead">
            "Докъде е стигнала всяка институция по всяка мярка, според собствените ѝ отчети."
        </p>
        <Suspense fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=move |errors| {
                view! { <ErrorMessages errors retry /> }
            }>{body}</ErrorBoundary>
        </Suspense>
    }
}

/// The measures × institutions matrix, coloured by level, with each institution's share done.
#[component]
fn ProgressMatrix(region: RegionView) -> impl IntoView {
    let legend = [
        None,
        Some(CompletionLevel::NotStarted),
        Some(CompletionLevel::Limited),
        Some(CompletionLevel::Substantial),
        Some(CompletionLevel::Completed),
    ]
    .into_iter()
    .map(|level| {
        let (class, _, label) = level_cell(level);
        view! {
            <li>
                <span class=format!("swatch {class}")></span>
                {label}
            </li>
        }
    })
    .collect_view();
    let header = region
        .measures
        .iter()
        .map(|m| {
            view! {
                <th scope="col" title=m.text.clone()>
                    {m.key.clone()}
                </th>
            }
        })
        .collect_view();
    let keys: Vec<String> = region.measures.iter().map(|m| m.key.clone()).collect();
    let rows = region
        .tenants
        .iter()
        .map(|t| {
            let cells = t
                .levels
                .iter()
                .zip(&keys)
                .map(|(level, key)| {
                    let (class, code, label) = level_cell(*level);
                    view! {
                        <td
                            class=format!("level-cell {class}")
                            data-tenant=t.tenant.to_string()
                            data-key=key.clone()
                            data-level=code
                            title=format!("{}, {key}: {label}", t.name_bg)
                        >
                            <span class="visually-hidden">{label}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr data-tenant=t.tenant.to_string()>
                    <th scope="row">{t.name_bg.clone()}</th>
                    {cells}
                    <td class="num">{format!("{} %", t.counts.completed_percent())}</td>
                    <td class="num">{t.overdue.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let silent: Vec<String> = region
        .tenants
        .iter()
        .filter(|t| !t.reported)
        .map(|t| t.name_bg.clone())
        .collect();
    view! {
        <ul class="legend" aria-label="Легенда">{legend}</ul>
        <div class="table-scroll">
            <table id="region-matrix" class="data-table matrix">
                <caption class="visually-hidden">
                    {format!("Изпълнение на плана за {} г. по институции и мерки", region.year)}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Институция"</th>
                        {header}
                        <th scope="col" class="num">"Изпълнени"</th>
                        <th scope="col" class="num">"Просрочени"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when={
            let any = !silent.is_empty();
            move || any
        }>
            <h2>"Все още без отчет"</h2>
            <p>{silent.join(", ")}</p>
        </Show>
    }
}
