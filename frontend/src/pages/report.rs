//! `/report/{year}?province=`: the printable annual report of a province's plan, the plan's
//! columns plus each institution's level.

use crate::api::{self, ApiError};
use crate::charts::{Legend, level_class, level_code, level_label};
use crate::components::{Loaded, set_title};
use crate::controls::{PlanPending, use_plan_province, use_view_params};
use crate::csv::{ExportTable, csv_rows, headings};
use crate::directory::{provinces, use_country};
use crate::format::{date_bg, href_with_query};
use crate::pages::plan::{PLAN_COLUMNS, PLAN_OWN_COLUMNS, section_bodies};
use crate::pages::progress::{NotReported, SectionsSummary, TenantsSummary};
use crate::provinces::{PlanProvince, plans_of_year, province_name};
use antikor_shared::ProvinceCode;
use antikor_shared::progress::CompletionLevel;
use antikor_shared::views::{PlanView, RegionView};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Each institution's level on a measure: (slug, name, level), in the combined view's order.
fn levels_of(region: &RegionView, key: &str) -> Vec<(String, String, Option<CompletionLevel>)> {
    let Some(column) = region.measures.iter().position(|m| m.key == key) else {
        return Vec::new();
    };
    region
        .tenants
        .iter()
        .map(|t| {
            (
                t.tenant.to_string(),
                t.name_bg.clone(),
                t.levels.get(column).copied().flatten(),
            )
        })
        .collect()
}

/// A name short enough for the report's narrow column: „Банско“ for „Община Банско“.
fn short_name(name: &str) -> &str {
    if name.starts_with("Областна администрация") {
        "Областна администрация"
    } else {
        name.strip_prefix("Община ").unwrap_or(name)
    }
}

/// The report as CSV: the plan's columns, then one column per institution.
fn report_csv(plan: &PlanView, region: &RegionView) -> Vec<Vec<String>> {
    let mut rows = csv_rows(&PLAN_COLUMNS[..PLAN_OWN_COLUMNS], &plan.measures, &());
    let (header, measures) = rows.split_at_mut(1);
    header[0].extend(region.tenants.iter().map(|t| t.name_bg.clone()));
    for (row, m) in measures.iter_mut().zip(&plan.measures) {
        if m.withdrawn.is_some() {
            row.extend(region.tenants.iter().map(|_| "оттеглена".to_owned()));
        } else {
            row.extend(
                levels_of(region, &m.measure.key)
                    .into_iter()
                    .map(|(_, _, l)| level_label(l).to_owned()),
            );
        }
    }
    rows
}

/// The address of the printable annual report of a province's plan of `year`.
pub fn report_href(year: i32, province: &ProvinceCode) -> String {
    href_with_query(
        &format!("/report/{year}"),
        [("province", Some(province.to_string()))],
    )
}

/// `/report/{year}?province=`: the province's plan and its progress; without a province, the
/// one the plan pages would show.
#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_params_map();
    let year =
        Memo::new(move |_| params.with(|p| p.get("year").and_then(|y| y.parse::<i32>().ok())));
    let query = use_view_params();
    let province = use_plan_province(query);
    let country = use_country();
    let data = LocalResource::new(move || {
        let (year, province) = (year.get(), province.get());
        async move {
            let year = year
                .ok_or_else(|| ApiError::Invalid("Адресът съдържа невалидна година.".to_owned()))?;
            let Some(province) = province?.shown().cloned() else {
                return Ok(None);
            };
            let code = Some(province.as_str());
            let plan = api::plan(year, None, code).await?;
            let region = api::public_progress(year, code).await?;
            Ok::<_, ApiError>(Some((province, plan, region)))
        }
    });
    Effect::new(move |_| {
        let title = year
            .get()
            .map(|y| format!("Годишен отчет {y}"))
            .unwrap_or_else(|| "Годишен отчет".to_owned());
        set_title(&title);
    });
    let retry = Callback::new(move |()| {
        data.refetch();
        country.refetch();
    });
    let print = move |_| {
        let _ = window().print();
    };
    let body = move || {
        Suspend::new(async move {
            let Some((province, plan, region)) = data.await? else {
                let choose = province.get_untracked() == Ok(PlanProvince::Choose);
                return Ok(match (choose, year.get_untracked()) {
                    (true, Some(year)) => view! { <ChooseProvince year /> }.into_any(),
                    _ => view! { <PlanPending province /> }.into_any(),
                });
            };
            let issuer = province_name(&provinces(country), &province);
            Ok::<_, ApiError>(view! { <Report plan region issuer /> }.into_any())
        })
    };
    view! {
        <div class="report-tools no-print">
            <button type="button" id="report-print" class="button button--primary" on:click=print>
                "Печат"
            </button>
        </div>
        <Loaded retry>{body}</Loaded>
    }
}

/// The provinces whose report of `year` there is, for an address that names none while
/// several keep plans: a report is of one province's plan.
#[component]
fn ChooseProvince(year: i32) -> impl IntoView {
    let country = use_country();
    let links = move || {
        plans_of_year(&provinces(country), year)
            .into_iter()
            .map(|c| {
                view! {
                    <li>
                        <A href=report_href(year, &c.code)>{c.name}</A>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div id="report-choose" class="notice notice--info" role="status">
            <p>{format!("Годишният отчет за {year} г. е за плана на една област. Изберете област.")}</p>
            <ul>{links}</ul>
        </div>
    }
}

/// The report itself; `issuer` names the province whose council keeps the plan.
#[component]
fn Report(plan: PlanView, region: RegionView, issuer: String) -> impl IntoView {
    let year = plan.year;
    // The plan's six shown columns and the institutions' levels.
    let sections = section_bodies(&plan, 7, |m| {
        let measure = &m.measure;
        let levels = if let Some(reason) = &m.withdrawn {
            view! { <p class="withdrawn-note">"Оттеглена: " {reason.clone()}</p> }.into_any()
        } else {
            let items = levels_of(&region, &measure.key)
                    .into_iter()
                    .map(|(slug, name, level)| {
                        view! {
                            <li data-tenant=slug data-level=level_code(level)>
                                <span class=format!("swatch {}", level_class(level)) aria-hidden="true"></span>
                                {format!("{}: {}", short_name(&name), level_label(level))}
                            </li>
                        }
                    })
                    .collect_view();
            view! { <ul class="tenant-levels">{items}</ul> }.into_any()
        };
        view! {
            <tr class="report-row" class:withdrawn=m.withdrawn.is_some() data-key=measure.key.clone()>
                <th scope="row" class="nowrap">{measure.number_in_source.clone()}</th>
                <td>{measure.text.clone()}</td>
                <td>{measure.deadline_in_source.clone()}</td>
                <td>{measure.responsible.join("; ")}</td>
                <td>{measure.indicator.clone()}</td>
                <td>{measure.expected_result.clone()}</td>
                <td class="levels-cell">{levels}</td>
            </tr>
        }
    });
    let csv_data = (plan.clone(), region.clone());
    let csv = Callback::new(move |()| report_csv(&csv_data.0, &csv_data.1));
    let reported = region.tenants.iter().filter(|t| t.reported).count();
    view! {
        <header class="report-header">
            <p class="report-header__issuer">
                {format!(
                    "Областен обществен съвет за превенция и противодействие на корупцията — {issuer}",
                )}
            </p>
            <h1>{format!("Годишен отчет за изпълнението на плана за {year} г.")}</h1>
            <p>{plan.title.clone()}</p>
            <p class="muted">
                {format!(
                    "Състояние към {} г., според отчетите на институциите ({reported} от {} са отчели поне една мярка).",
                    date_bg(region.today),
                    region.tenants.len(),
                )}
            </p>
        </header>
        <ExportTable id="report-table" class="plan-table report-table" filename=format!("godishen-otchet-{year}.csv") rows=csv tools=view! { <Legend /> }.into_any()>
            <caption>{format!("План за {year} г. и изпълнението му по институции")}</caption>
            <thead>
            <tr>
                {headings(&PLAN_COLUMNS[..PLAN_OWN_COLUMNS])}
                <th scope="col">"Изпълнение по институции"</th>
            </tr>
            </thead>
            {sections}
        </ExportTable>
        <section class="report-part">
            <h2>"Обобщение по институции"</h2>
            <TenantsSummary region=region.clone() />
        </section>
        <section class="report-part">
            <h2>"Обобщение по раздели"</h2>
            <SectionsSummary
                sections=region.sections.clone()
                id="region-sections"
                caption=format!("Изпълнение по раздели, всички институции, {year} г.")
                filename=format!("razdeli-{year}.csv")
            />
        </section>
        <NotReported region />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shortened_for_the_report() {
        assert_eq!(short_name("Община Гоце Делчев"), "Гоце Делчев");
        assert_eq!(
            short_name("Областна администрация Благоевград"),
            "Областна администрация"
        );
        assert_eq!(short_name("Банско"), "Банско");
    }
}
