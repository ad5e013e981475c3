//! `/plan`: a province's plan of a year in its own columns, as of a day, and its upkeep by the
//! province's regional staff.

mod draft;
mod forms;

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{
    AsOfBanner, AsOfPicker, PlanPending, PlanProvinceSelect, YearSelect, plan_province_href,
    resolve_year, use_own_province, use_plan_province, use_view_params,
};
use crate::csv::{Column, ExportTable, csv_rows, headings};
use crate::directory::{provinces, use_country};
use crate::form::{Notice, NoticeView};
use crate::pages::report::report_href;
use crate::provinces::{coverage, has_plan};
use crate::session::use_session;
use antikor_shared::ProvinceCode;
use antikor_shared::account::Role;
use antikor_shared::views::{MeasureView, PlanView};
use forms::{AddMeasureForm, EditMeasureForm, FirstPlanForm, StartPlanForm, WithdrawForm};
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether a role keeps the plan (the server checks it again).
pub fn can_edit_plan(role: Role) -> bool {
    matches!(role, Role::Regional | Role::RegionalAdmin)
}

/// The plan's columns: its own, its section first (the file's only), then whether a measure
/// was withdrawn (the page says that under the measure's text) and the change controls.
pub const PLAN_COLUMNS: [Column<MeasureView>; 9] = [
    Column::file_only(
        || t!("work-plan-column-section"),
        |m, _| m.measure.section.clone(),
    ),
    Column::both(
        || t!("work-plan-column-number"),
        |m, _| m.measure.number_in_source.clone(),
    ),
    Column::both(
        || t!("work-plan-column-measure"),
        |m, _| m.measure.text.clone(),
    ),
    Column::both(
        || t!("work-plan-column-deadline"),
        |m, _| m.measure.deadline_in_source.clone(),
    ),
    Column::both(
        || t!("work-plan-column-responsible"),
        |m, _| m.measure.responsible.join("; "),
    ),
    Column::both(
        || t!("work-plan-column-indicator"),
        |m, _| m.measure.indicator.clone(),
    ),
    Column::both(
        || t!("work-plan-column-result"),
        |m, _| m.measure.expected_result.clone(),
    ),
    Column::file_only(
        || t!("work-plan-column-withdrawn"),
        |m, _| m.withdrawn.clone().unwrap_or_default(),
    ),
    Column::page_only(|| t!("work-plan-column-changes")),
];

/// `/plan?province=`: a province's plan (see [`use_plan_province`]).
#[component]
pub fn PlanPage() -> impl IntoView {
    set_title(&t!("work-plan-title"));
    let session = use_session();
    let logged_in = Memo::new(move |_| session.role().is_some());
    let own = use_own_province();
    // The province whose plan the user keeps: regional staff keep their own province's, and
    // no other (the server refuses the rest, but the page should not offer them).
    let keeper = Memo::new(move |_| {
        if session.role().is_some_and(can_edit_plan) {
            own.get().flatten()
        } else {
            None
        }
    });
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let province = use_plan_province(params);
    let country = use_country();
    let plan = LocalResource::new(move || {
        let (asked, province) = (params.get(), province.get());
        async move {
            let asked = asked?;
            let Some(province) = province?.shown().cloned() else {
                return Ok(None);
            };
            let year = resolve_year(asked.year, Some(&province)).await?;
            let as_of = asked.as_of_api();
            let plan = api::plan(year, as_of.as_deref(), Some(province.as_str())).await?;
            Ok::<_, ApiError>(Some((province, plan)))
        }
    });
    let shown_province =
        Signal::derive(move || province.with(|p| p.as_ref().ok()?.shown().cloned()));
    let heading = move || {
        shown_province
            .get()
            .map(|p| format!(": {}", coverage(&provinces(country), &p)))
    };
    let shown = Signal::derive(move || {
        chosen.get().year.or_else(|| {
            plan.get()
                .and_then(Result::ok)
                .flatten()
                .map(|(_, p)| p.year)
        })
    });
    let notice = RwSignal::new(None::<Notice>);
    let changed = Callback::new(move |n: Notice| {
        notice.set(Some(n));
        plan.refetch();
    });
    let retry = Callback::new(move |()| {
        plan.refetch();
        country.refetch();
    });
    let body = move || {
        Suspend::new(async move {
            let Some((province, plan)) = plan.await? else {
                return Ok(view! { <PlanPending province /> }.into_any());
            };
            // Read tracked: the session and the lists may settle after the plan has loaded.
            let keeps = keeper.get();
            let now = chosen.get_untracked().as_of.is_none();
            let editing = now && keeps.as_ref() == Some(&province);
            // A province's first plan starts from another province's: offered to its staff
            // while it has none, under the plan they would start from.
            let first = keeps.filter(|own| now && !has_plan(&provinces(country), own));
            Ok::<_, ApiError>(view! {
                {first.is_some().then(|| view! {
                    <p id="plan-first-note" class="notice notice--info" role="status">
                        {t!("work-plan-first-note")}
                    </p>
                })}
                <PlanTable plan=plan.clone() province=province.clone() editing changed />
                {editing.then(|| view! {
                    <AddMeasureForm plan=plan.clone() changed />
                    <StartPlanForm plan=plan.clone() />
                })}
                {first.map(|own| view! { <FirstPlanForm plan=plan.clone() template=province.clone() own /> })}
            }
            .into_any())
        })
    };
    view! {
        <h1 id="plan-heading">{t!("work-plan-title")} {heading}</h1>
        <p class="lead">{t!("work-plan-lead")}</p>
        <div class="filters">
            <PlanProvinceSelect id="plan-province" province href=plan_province_href("/plan", chosen) />
            <YearSelect path="/plan" params=chosen shown province=shown_province />
            <Show when=move || logged_in.get()>
                <AsOfPicker path="/plan" params=chosen />
            </Show>
        </div>
        <AsOfBanner path="/plan" params=chosen position=Signal::derive(|| None) />
        <NoticeView id="plan-notice" notice />
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The plan's measures section by section: a `<tbody>` each, headed by the section's title
/// across `span` columns, with `row` for each of its measures. The plan page and the annual
/// report group their rows alike.
pub fn section_bodies<V: IntoView>(
    plan: &PlanView,
    span: usize,
    row: impl Fn(&MeasureView) -> V,
) -> AnyView {
    plan.sections
        .iter()
        .map(|section| {
            let rows = plan
                .measures
                .iter()
                .filter(|m| m.measure.section == section.numeral)
                .map(&row)
                .collect_view();
            view! {
                <tbody>
                    <tr class="section-row">
                        // The plan's own words: the council's document, in Bulgarian.
                        <th scope="colgroup" colspan=span.to_string() lang="bg">
                            {section.numeral_in_source.clone()}
                            " "
                            {section.title.clone()}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view()
        .into_any()
}

/// The plan's table, section by section; with the change controls for its province's staff.
#[component]
fn PlanTable(
    plan: PlanView,
    province: ProvinceCode,
    editing: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let active = plan
        .measures
        .iter()
        .filter(|m| m.withdrawn.is_none())
        .count();
    let year = plan.year;
    let all = &PLAN_COLUMNS;
    let columns = if editing {
        &all[..]
    } else {
        &all[..all.len() - 1]
    };
    let span = columns.iter().filter(|c| c.shown).count();
    let sections = section_bodies(&plan, span, |m| {
        let measure = RwSignal::new(m.clone());
        view! { <MeasureRow measure year editing changed /> }
    });
    let measures = plan.measures.clone();
    let csv = Callback::new(move |()| csv_rows(&PLAN_COLUMNS, &measures, &()));
    view! {
        <h2 lang="bg">{plan.title.clone()}</h2>
        <ExportTable
            id="plan-table"
            class="plan-table"
            filename=format!("plan-{year}.csv")
            rows=csv
            tools=view! {
                <p>
                    {t!("work-plan-summary", measures = active, sections = plan.sections.len())}
                    " "
                    <A href=report_href(year, &province)>{t!("work-plan-annual-report")}</A>
                </p>
            }
                .into_any()
        >
            <caption id="plan-table-caption" class="visually-hidden">{t!("work-plan-caption", year = year.to_string())}</caption>
            <thead>
                <tr>{headings(columns)}</tr>
            </thead>
            {sections}
        </ExportTable>
    }
}

/// Which change panel is open under a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Closed,
    Edit,
    Withdraw,
}

/// One measure, and the panel to change or withdraw it. The measure is a signal: a conflict
/// reloads it in place while its form stays open.
#[component]
fn MeasureRow(
    measure: RwSignal<MeasureView>,
    year: i32,
    editing: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let (key, is_withdrawn) =
        measure.with_untracked(|m| (m.measure.key.clone(), m.withdrawn.is_some()));
    let panel = RwSignal::new(Panel::Closed);
    let actions = (editing && !is_withdrawn).then(|| {
        view! {
            <td class="actions">
                <button type="button" class="button button--small measure-edit" on:click=move |_| panel.set(Panel::Edit)>
                    {t!("work-plan-edit")}
                </button>
                <button type="button" class="button button--small measure-withdraw" on:click=move |_| panel.set(Panel::Withdraw)>
                    {t!("work-plan-withdraw")}
                </button>
            </td>
        }
    });
    let filler = (editing && is_withdrawn).then(|| view! { <td></td> });
    let form = move || {
        let form = match panel.get() {
            Panel::Closed => return ().into_any(),
            Panel::Edit => view! { <EditMeasureForm measure year panel changed /> }.into_any(),
            Panel::Withdraw => view! { <WithdrawForm measure year panel changed /> }.into_any(),
        };
        view! {
            <tr class="measure-panel">
                <td colspan="7">{form}</td>
            </tr>
        }
        .into_any()
    };
    let text = move |f: fn(&MeasureView) -> String| move || measure.with(f);
    view! {
        <tr class="measure-row" class:withdrawn=is_withdrawn data-key=key>
            <th scope="row" class="nowrap">{text(|m| m.measure.number_in_source.clone())}</th>
            <td lang="bg">
                {text(|m| m.measure.text.clone())}
                {move || {
                    measure
                        .with(|m| m.withdrawn.clone())
                        .map(|reason| {
                            view! {
                                <p class="withdrawn-note">
                                    {t!("work-plan-withdrawn-note", reason = reason)}
                                </p>
                            }
                        })
                }}
            </td>
            <td class="nowrap" lang="bg">{text(|m| m.measure.deadline_in_source.clone())}</td>
            <td lang="bg">{text(|m| m.measure.responsible.join("; "))}</td>
            <td lang="bg">{text(|m| m.measure.indicator.clone())}</td>
            <td lang="bg">{text(|m| m.measure.expected_result.clone())}</td>
            {actions}
            {filler}
        </tr>
        {form}
    }
}
