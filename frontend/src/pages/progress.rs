//! `/progress` and the combined view's parts: matrix, per institution, per section, not reported.

use crate::api::{self, ApiError};
use crate::charts::{
    Legend, LevelBar, LevelHeading, STATES, count_of, level_class, level_code, level_label,
};
use crate::components::{Loaded, set_title, shown_name};
use crate::controls::{
    AsOf, PlanPending, PlanProvinceSelect, YearSelect, plan_province_href, resolve_year,
    use_plan_province, use_view_params,
};
use crate::csv::ExportTable;
use crate::directory::{provinces, use_country};
use crate::pages::report::{institution_report_href, report_href};
use crate::provinces::coverage;
use antikor_shared::tenant::TenantName;
use antikor_shared::views::{LevelCounts, RegionView, SectionProgress};
use antikor_shared::{ProvinceCode, TenantId};
use leptos::prelude::*;
use leptos_router::components::A;

/// The header row of a CSV of level counts, after the leading columns.
fn counts_header(lead: Vec<String>) -> Vec<String> {
    lead.into_iter()
        .chain(STATES.iter().map(|l| level_label(*l).to_owned()))
        .chain([t!("public-progress-csv-completed-percent")])
        .collect()
}

/// The counts of one line of such a CSV.
fn counts_cells(counts: &LevelCounts) -> impl Iterator<Item = String> + '_ {
    STATES
        .iter()
        .map(|l| count_of(counts, *l).to_string())
        .chain([counts.completed_percent().to_string()])
}

/// The matrix as CSV: one line per institution, one column per measure.
pub fn matrix_csv(region: &RegionView) -> Vec<Vec<String>> {
    let mut header = vec![t!("public-progress-institution")];
    header.extend(region.measures.iter().map(|m| m.key.clone()));
    header.extend([
        t!("public-progress-csv-completed-percent"),
        t!("public-progress-overdue"),
    ]);
    let mut rows = vec![header];
    for t in &region.tenants {
        let mut row = vec![t.name.get(crate::i18n::lang()).to_owned()];
        row.extend(t.levels.iter().map(|l| level_label(*l).to_owned()));
        row.push(t.counts.completed_percent().to_string());
        row.push(t.overdue.to_string());
        rows.push(row);
    }
    rows
}

/// The CSV file name of a view of `year`, marked with the moment when it shows the past.
pub fn csv_name(stem: &str, year: i32, as_of: Option<AsOf>) -> String {
    match as_of {
        Some(moment) => format!("{stem}-{year}-kam-{}.csv", moment.file_tag()),
        None => format!("{stem}-{year}.csv"),
    }
}

/// The measures × institutions matrix, coloured by level, with each institution's share done.
#[component]
pub fn RegionMatrix(
    /// The combined view.
    region: RegionView,
    /// The day it shows, when in the past.
    #[prop(default = None)]
    as_of: Option<AsOf>,
    /// The province, for readers who may open an institution's notes: then each cell leads
    /// to the institution's report at that measure, and each name to its whole report.
    #[prop(optional)]
    notes_of: Option<ProvinceCode>,
) -> impl IntoView {
    let year = region.year;
    let report = move |tenant: &TenantId, key: Option<&str>| {
        notes_of.as_ref().map(|province| {
            institution_report_href(year, province, tenant, key, as_of.map(AsOf::param))
        })
    };
    let header = region
        .measures
        .iter()
        .map(|m| {
            view! {
                <th scope="col" class="matrix__key" title=m.text.clone()>
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
            let (name, mark) = shown_name(&t.name);
            let cells = t
                .levels
                .iter()
                .zip(&keys)
                .map(|(level, key)| {
                    let label = level_label(*level);
                    let hidden = view! { <span class="visually-hidden">{label.clone()}</span> };
                    let content = match report(&t.tenant, Some(key)) {
                        Some(href) => {
                            view! { <a class="level-cell__link" href=href>{hidden}</a> }.into_any()
                        }
                        None => hidden.into_any(),
                    };
                    view! {
                        <td
                            class=format!("level-cell {}", level_class(*level))
                            data-tenant=t.tenant.to_string()
                            data-key=key.clone()
                            data-level=level_code(*level)
                            title=format!("{name}, {key}: {label}")
                        >
                            {content}
                        </td>
                    }
                })
                .collect_view();
            let name = match report(&t.tenant, None) {
                Some(href) => view! { <a href=href>{name}</a> }.into_any(),
                None => name.into_any(),
            };
            view! {
                <tr data-tenant=t.tenant.to_string() class:not-reported=!t.reported>
                    <th scope="row" class="matrix__tenant" lang=mark>{name}</th>
                    {cells}
                    <td class="num">{format!("{} %", t.counts.completed_percent())}</td>
                    <td class="num">{t.overdue.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let measures = region
        .measures
        .iter()
        .map(|m| {
            view! {
                <li>
                    <strong>{m.key.clone()}</strong>
                    " "
                    {m.text.clone()}
                </li>
            }
        })
        .collect_view();
    let csv_data = region.clone();
    let csv = Callback::new(move |()| matrix_csv(&csv_data));
    view! {
        <ExportTable id="region-matrix" class="matrix" filename=csv_name("izpalnenie", year, as_of) rows=csv tools=view! { <Legend /> }.into_any()>
            <caption id="region-matrix-caption">
                {t!("public-progress-matrix-caption", year = year.to_string())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!("public-progress-institution")}</th>
                    {header}
                    <th scope="col" class="num">{t!("public-progress-completed")}</th>
                    <th scope="col" class="num">{t!("public-progress-overdue")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
        <details class="measure-keys">
            <summary>{t!("public-progress-measure-keys")}</summary>
            <ul>{measures}</ul>
        </details>
    }
}

/// Each institution's measures by level, overdue measures and activities.
#[component]
pub fn TenantsSummary(
    /// The combined view.
    region: RegionView,
    /// The day it shows, when in the past.
    #[prop(default = None)]
    as_of: Option<AsOf>,
) -> impl IntoView {
    let rows = region
        .tenants
        .iter()
        .map(|t| {
            let (name, mark) = shown_name(&t.name);
            let counts = STATES
                .iter()
                .map(|l| view! { <td class="num">{count_of(&t.counts, *l).to_string()}</td> })
                .collect_view();
            view! {
                <tr class="tenant-summary" data-tenant=t.tenant.to_string()>
                    <th scope="row" class="name-cell" lang=mark>{name.clone()}</th>
                    <td class="bar-cell">
                        <LevelBar counts=t.counts.clone() label=name />
                    </td>
                    {counts}
                    <td class="num">{format!("{} %", t.counts.completed_percent())}</td>
                    <td class="num">{t.overdue.to_string()}</td>
                    <td class="num">{t.activities.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = STATES
        .iter()
        .map(|l| view! { <LevelHeading level=*l /> })
        .collect_view();
    let year = region.year;
    let csv = Callback::new(move |()| {
        let mut header = counts_header(vec![t!("public-progress-institution")]);
        header.extend([
            t!("public-progress-overdue"),
            t!("public-progress-activities"),
        ]);
        let mut rows = vec![header];
        for t in &region.tenants {
            let mut row = vec![t.name.get(crate::i18n::lang()).to_owned()];
            row.extend(counts_cells(&t.counts));
            row.extend([t.overdue.to_string(), t.activities.to_string()]);
            rows.push(row);
        }
        rows
    });
    view! {
        <ExportTable id="region-tenants" filename=csv_name("institucii", year, as_of) rows=csv>
            <caption id="region-tenants-caption">
                {t!("public-progress-tenants-caption", year = year.to_string())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!("public-progress-institution")}</th>
                    <th scope="col">{t!("public-progress-measures-by-level")}</th>
                    {heads}
                    <th scope="col" class="num">{t!("public-progress-percent-completed")}</th>
                    <th scope="col" class="num">{t!("public-progress-overdue")}</th>
                    <th scope="col" class="num">{t!("public-progress-activities")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// Measures by level in each section of the plan.
#[component]
pub fn SectionsSummary(
    /// The sections.
    sections: Vec<SectionProgress>,
    /// The table's id.
    id: &'static str,
    /// Its caption.
    #[prop(into)]
    caption: String,
    /// The CSV file's name.
    #[prop(into)]
    filename: String,
) -> impl IntoView {
    let rows = sections
        .iter()
        .map(|s| {
            let counts = STATES
                .iter()
                .map(|l| view! { <td class="num">{count_of(&s.levels, *l).to_string()}</td> })
                .collect_view();
            view! {
                <tr class="section-summary" data-section=s.numeral.clone()>
                    <th scope="row" class="name-cell">
                        <span class="nowrap">{format!("{}.", s.numeral)}</span>
                        " "
                        <span class="section-title" lang="bg">{s.title.clone()}</span>
                    </th>
                    <td class="bar-cell">
                        <LevelBar
                            counts=s.levels.clone()
                            label=t!("public-progress-section-label", numeral = s.numeral.as_str())
                        />
                    </td>
                    {counts}
                    <td class="num">{format!("{} %", s.levels.completed_percent())}</td>
                </tr>
            }
        })
        .collect_view();
    let heads = STATES
        .iter()
        .map(|l| view! { <LevelHeading level=*l /> })
        .collect_view();
    let csv = Callback::new(move |()| {
        let mut rows = vec![counts_header(vec![
            t!("public-progress-section"),
            t!("public-progress-csv-title"),
        ])];
        for s in &sections {
            let mut row = vec![s.numeral.clone(), s.title.clone()];
            row.extend(counts_cells(&s.levels));
            rows.push(row);
        }
        rows
    });
    view! {
        <ExportTable id=id class="sections-table" filename rows=csv>
            <caption id=format!("{}-caption", id)>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("public-progress-section")}</th>
                    <th scope="col">{t!("public-progress-measures-by-level")}</th>
                    {heads}
                    <th scope="col" class="num">{t!("public-progress-percent-completed")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// The institutions that have not reported on any measure of the year, clearly set apart.
#[component]
pub fn NotReported(region: RegionView) -> impl IntoView {
    let silent = region
        .tenants
        .iter()
        .filter(|t| !t.reported)
        .map(|t| (t.tenant.clone(), t.name.clone()))
        .collect();
    view! {
        <section aria-labelledby="not-reported-heading">
            <h2 id="not-reported-heading">{t!("public-progress-not-reported-heading")}</h2>
            <NotReportedList year=region.year of=region.tenants.len() silent />
        </section>
    }
}

/// Who of `of` institutions has not reported on any measure of `year` (`silent`: id and name),
/// or that everyone has.
#[component]
pub fn NotReportedList(year: i32, of: usize, silent: Vec<(TenantId, TenantName)>) -> impl IntoView {
    if silent.is_empty() {
        return view! {
            <p id="not-reported-none" class="notice notice--ok">
                {t!("public-progress-all-reported")}
            </p>
        }
        .into_any();
    }
    let count = silent.len();
    let items = silent
        .into_iter()
        .map(|(id, name)| {
            let (name, mark) = shown_name(&name);
            view! { <li data-tenant=id.to_string() lang=mark>{name}</li> }
        })
        .collect_view();
    view! {
        <div class="notice notice--warn">
            <p>
                {t!(
                    "public-progress-not-reported",
                    count = count,
                    of = of,
                    year = year.to_string(),
                )}
            </p>
            <ul id="not-reported" class="not-reported">{items}</ul>
        </div>
    }
    .into_any()
}

/// `/progress`: every institution's progress on a province's plan, as every visitor may read it.
#[component]
pub fn ProgressPage() -> impl IntoView {
    set_title(&t!("public-progress-title"));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let province = use_plan_province(params);
    let country = use_country();
    let data = LocalResource::new(move || {
        let (asked, province) = (params.get(), province.get());
        async move {
            let asked = asked?;
            let Some(province) = province?.shown().cloned() else {
                return Ok(None);
            };
            let year = resolve_year(asked.year, Some(&province)).await?;
            let region = api::public_progress(year, Some(province.as_str())).await?;
            Ok::<_, ApiError>(Some((province, region)))
        }
    });
    let shown_province =
        Signal::derive(move || province.with(|p| p.as_ref().ok()?.shown().cloned()));
    let shown = Signal::derive(move || {
        chosen.get().year.or_else(|| {
            data.get()
                .and_then(Result::ok)
                .flatten()
                .map(|(_, r)| r.year)
        })
    });
    let heading = move || {
        shown_province
            .get()
            .map(|p| format!(": {}", coverage(&provinces(country), &p)))
    };
    let retry = Callback::new(move |()| {
        data.refetch();
        country.refetch();
    });
    let body = move || {
        Suspend::new(async move {
            let Some((province, region)) = data.await? else {
                return Ok(view! { <PlanPending province /> }.into_any());
            };
            let year = region.year;
            Ok::<_, ApiError>(
                view! {
                    <p class="muted">
                        {t!("public-progress-as-of-today", date = crate::format::date_bg(region.today))}
                        " "
                        <A href=report_href(year, &province)>{t!("public-progress-report-link")}</A>
                    </p>
                    <RegionMatrix region=region.clone() />
                    <NotReported region=region.clone() />
                    <h2>{t!("public-progress-by-institution")}</h2>
                    <TenantsSummary region=region.clone() />
                    <h2>{t!("public-progress-by-section")}</h2>
                    <SectionsSummary
                        sections=region.sections.clone()
                        id="region-sections"
                        caption=t!("public-progress-sections-caption", year = year.to_string())
                        filename=format!("razdeli-{year}.csv")
                    />
                }
                .into_any(),
            )
        })
    };
    view! {
        <h1 id="progress-heading">{t!("public-progress-title")} {heading}</h1>
        <p class="lead">{t!("public-progress-lead")}</p>
        <div class="filters">
            <PlanProvinceSelect id="progress-province" province href=plan_province_href("/progress", chosen) />
            <YearSelect path="/progress" params=chosen shown province=shown_province />
        </div>
        <Loaded retry>{body}</Loaded>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_names_say_when_they_show_the_past() {
        assert_eq!(csv_name("izpalnenie", 2017, None), "izpalnenie-2017.csv");
        assert_eq!(
            csv_name(
                "izpalnenie",
                2017,
                chrono::NaiveDate::from_ymd_opt(2017, 6, 30).map(AsOf::Day)
            ),
            "izpalnenie-2017-kam-2017-06-30.csv"
        );
    }
}
