//! `/region/risks`: the risk registers of a year of every institution in reach side by side,
//! for regional and national staff and auditors: each institution's figures, those without a
//! register, and the highest residual risks of each area (national staff choose the province).

use super::{RatingBadge, RegisterYearSelect, rating_text};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title, shown_name};
use crate::controls::{ProvinceSelect, ViewParams, use_view_params};
use crate::csv::ExportTable;
use crate::directory::{provinces, use_country, use_directory};
use crate::provinces::{coverage, tenant_of};
use crate::session::use_session;
use antikor_shared::ProvinceCode;
use antikor_shared::account::RoleReach;
use antikor_shared::risk::{AreaRisks, Band, RegionRiskRow, RegionRisks, RiskSummary};
use antikor_shared::wire::code;
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether a tenant keeps a register for the year: the server counts none for one without.
fn has_register(summary: &RiskSummary) -> bool {
    summary.open + summary.closed > 0
}

/// A column of the institutions' table: its key (the cells' `data-column`), its heading, and
/// the count it shows.
struct CountColumn {
    key: &'static str,
    heading: String,
    count: fn(&RiskSummary) -> u32,
}

/// The columns of the institutions' table, after the institution.
fn count_columns() -> [CountColumn; 8] {
    fn column(key: &'static str, heading: String, count: fn(&RiskSummary) -> u32) -> CountColumn {
        CountColumn {
            key,
            heading,
            count,
        }
    }
    [
        column("open", t!("risks-region-col-open"), |s| s.open),
        column("high", t!("risks-region-col-high"), |s| {
            s.by_band[Band::High as usize]
        }),
        column("medium", t!("risks-region-col-medium"), |s| {
            s.by_band[Band::Medium as usize]
        }),
        column("low", t!("risks-region-col-low"), |s| {
            s.by_band[Band::Low as usize]
        }),
        column("unassessed", t!("risks-region-col-unassessed"), |s| {
            s.unassessed
        }),
        column("untreated", t!("risks-region-col-untreated"), |s| {
            s.untreated
        }),
        column("overdue", t!("risks-region-col-overdue"), |s| {
            s.overdue_reviews
        }),
        column("closed", t!("risks-region-col-closed"), |s| s.closed),
    ]
}

/// The institutions' table as CSV, the header row first.
fn tenants_csv(rows: &[RegionRiskRow]) -> Vec<Vec<String>> {
    let columns = count_columns();
    let mut csv = vec![
        [
            t!("risks-field-institution"),
            t!("risks-region-col-register"),
        ]
        .into_iter()
        .chain(columns.iter().map(|c| c.heading.clone()))
        .collect::<Vec<_>>(),
    ];
    csv.extend(rows.iter().map(|t| {
        let register = if has_register(&t.summary) {
            t!("risks-yes")
        } else {
            t!("risks-no")
        };
        [t.name.get(crate::i18n::lang()).to_owned(), register]
            .into_iter()
            .chain(columns.iter().map(|c| (c.count)(&t.summary).to_string()))
            .collect()
    }));
    csv
}

/// The highest risks as CSV, area by area, the header row first.
fn top_csv(areas: &[AreaRisks]) -> Vec<Vec<String>> {
    let mut csv = vec![vec![
        t!("risks-field-area"),
        t!("risks-field-institution"),
        t!("risks-field-code"),
        t!("risks-field-unit"),
        t!("risks-field-description"),
        t!("risks-field-residual"),
        t!("risks-field-band"),
        t!("risks-field-response"),
        t!("risks-field-signals"),
    ]];
    for area in areas {
        csv.extend(area.top.iter().map(|t| {
            vec![
                area.area.label(crate::i18n::lang()).to_owned(),
                t.name.get(crate::i18n::lang()).to_owned(),
                t.code.clone(),
                t.unit.clone(),
                t.description.clone(),
                rating_text(t.residual),
                t.residual.band().label(crate::i18n::lang()).to_owned(),
                t.response
                    .map(|r| r.label(crate::i18n::lang()))
                    .unwrap_or_default()
                    .to_owned(),
                t.signals.label(crate::i18n::lang()),
            ]
        }));
    }
    csv
}

/// `/region/risks`.
#[component]
pub fn RegionRisksPage() -> impl IntoView {
    set_title(&t!("risks-region-title"));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    // The guard renders this page only for a logged-in user; whether they read the whole
    // country (and choose a province) depends on their tenant's kind too.
    let me = use_session().user_untracked();
    let directory = use_directory();
    let country = use_country();
    let whole_country = Memo::new(move |_| {
        let me = me.as_ref()?;
        let tenants = directory.get()?.ok()?;
        let own = tenant_of(&tenants, &me.tenant)?;
        Some(me.role.reach(own.registration.kind) == RoleReach::Country)
    });
    let data = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let asked = asked?;
            api::region_risks(
                asked.year,
                asked.province.as_ref().map(ProvinceCode::as_str),
            )
            .await
        }
    });
    let shown = Signal::derive(move || {
        chosen
            .get()
            .year
            .or_else(|| data.get().and_then(Result::ok).map(|r| r.year))
    });
    let province = Signal::derive(move || chosen.get().province);
    let province_href = Callback::new(move |p: Option<ProvinceCode>| {
        ViewParams {
            province: p,
            ..chosen.get_untracked()
        }
        .href("/region/risks")
    });
    let heading = move || {
        province
            .get()
            .map(|p| format!(": {}", coverage(&provinces(country), &p)))
    };
    let retry = Callback::new(move |()| data.refetch());
    let body = move || {
        Suspend::new(async move {
            let r = data.await?;
            Ok::<_, ApiError>(view! { <Registers region=r /> })
        })
    };
    view! {
        <p class="breadcrumb">
            <A href=move || ViewParams { province: province.get(), ..ViewParams::default() }.href("/region")>
                {t!("risks-region-breadcrumb")}
            </A>
        </p>
        <h1 id="region-risks-heading">{t!("risks-region-title")} {heading}</h1>
        <p class="lead">{t!("risks-region-lead")}</p>
        <div class="filters">
            <Show when=move || whole_country.get() == Some(true)>
                <ProvinceSelect id="region-risks-province" chosen=province href=province_href />
            </Show>
            <RegisterYearSelect id="region-risks-year" path="/region/risks" params=chosen shown />
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The registers side by side, and the highest risks by area.
#[component]
fn Registers(region: RegionRisks) -> impl IntoView {
    let year = region.year;
    let open: u32 = region.tenants.iter().map(|t| t.summary.open).sum();
    let high: u32 = region
        .tenants
        .iter()
        .map(|t| t.summary.by_band[Band::High as usize])
        .sum();
    let kept = u64::try_from(region.tenants.len())
        .unwrap_or(u64::MAX)
        .saturating_sub(u64::from(region.without_register));
    let top = if region.areas.is_empty() {
        view! {
            <p id="region-risks-top-none" class="muted">{t!("risks-region-top-none", year = year.to_string())}</p>
        }
        .into_any()
    } else {
        view! { <TopRisks areas=region.areas.clone() year /> }.into_any()
    };
    view! {
        <dl class="stats" id="region-risks-stats" data-year=year.to_string()>
            <div class="stats__item">
                <dt>{t!("risks-region-kept")}</dt>
                <dd class="stats__number" id="region-risks-kept">
                    {t!("risks-region-kept-value", kept = kept, total = region.tenants.len())}
                </dd>
            </div>
            <div class="stats__item">
                <dt>{t!("risks-region-without")}</dt>
                <dd class="stats__number" id="region-risks-without">{region.without_register.to_string()}</dd>
            </div>
            <div class="stats__item">
                <dt>{t!("risks-figure-open")}</dt>
                <dd class="stats__number" id="region-risks-open">{open.to_string()}</dd>
            </div>
            <div class="stats__item">
                <dt>{t!("risks-region-high")}</dt>
                <dd class="stats__number" id="region-risks-high">{high.to_string()}</dd>
            </div>
            <div class="stats__item">
                <dt>{t!("risks-figure-untreated")}</dt>
                <dd class="stats__number" id="region-risks-untreated">{region.untreated.to_string()}</dd>
            </div>
        </dl>
        <h2>{t!("risks-region-by-institution")}</h2>
        <TenantsTable tenants=region.tenants year />
        <h2>{t!("risks-region-top-heading")}</h2>
        {top}
    }
}

/// Each institution's register in figures; those without one marked in words.
#[component]
fn TenantsTable(tenants: Vec<RegionRiskRow>, year: i32) -> impl IntoView {
    let columns = count_columns();
    let headings = columns
        .iter()
        .map(|c| view! { <th scope="col" class="num">{c.heading.clone()}</th> })
        .collect_view();
    let rows = tenants
        .iter()
        .map(|t| {
            let kept = has_register(&t.summary);
            let href = ViewParams {
                tenant: Some(t.tenant.clone()),
                year: Some(year),
                ..ViewParams::default()
            }
            .href("/risks");
            let (name, mark) = shown_name(&t.name);
            let cells = columns
                .iter()
                .map(|c| {
                    view! { <td class="num" data-column=c.key>{(c.count)(&t.summary).to_string()}</td> }
                })
                .collect_view();
            view! {
                <tr
                    class="region-risk-row"
                    data-tenant=t.tenant.to_string()
                    data-register=kept.to_string()
                    data-open=t.summary.open.to_string()
                    data-high=t.summary.by_band[Band::High as usize].to_string()
                    data-medium=t.summary.by_band[Band::Medium as usize].to_string()
                    data-low=t.summary.by_band[Band::Low as usize].to_string()
                    data-unassessed=t.summary.unassessed.to_string()
                    data-untreated=t.summary.untreated.to_string()
                    data-overdue=t.summary.overdue_reviews.to_string()
                >
                    <th scope="row">
                        <A href=href attr:lang=mark>{name}</A>
                        {(!kept).then(|| view! { " " <span class="badge badge--warn">{t!("risks-region-no-register")}</span> })}
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let csv = Callback::new(move |()| tenants_csv(&tenants));
    view! {
        <ExportTable id="region-risks-tenants" filename=format!("riskove-institutsii-{year}.csv") rows=csv>
            <caption id="region-risks-tenants-caption">
                {t!("risks-region-tenants-caption", year = year.to_string())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!("risks-field-institution")}</th>
                    {headings}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// The highest residual risks of each area, the area with the highest risk first.
#[component]
fn TopRisks(areas: Vec<AreaRisks>, year: i32) -> impl IntoView {
    let groups = areas
        .iter()
        .map(|area| {
            let rows = area
                .top
                .iter()
                .map(|t| {
                    let response = t.response.map_or_else(
                        || view! { <span class="muted">{t!("risks-region-no-response")}</span> }.into_any(),
                        |r| r.label(crate::i18n::lang()).into_any(),
                    );
                    let (href, code_text) = (format!("/risks/{}", t.id), t.code.clone());
                    let (name, mark) = shown_name(&t.name);
                    view! {
                        <tr
                            class="top-risk"
                            data-area=code(area.area)
                            data-tenant=t.tenant.to_string()
                            data-id=t.id.to_string()
                        >
                            <td lang=mark>{name}</td>
                            <td class="nowrap" lang="bg"><A href=href>{code_text}</A></td>
                            <td lang="bg">{t.unit.clone()}</td>
                            <td class="risk-description" lang="bg">{t.description.clone()}</td>
                            <td class="nowrap"><RatingBadge rating=t.residual /></td>
                            <td>{response}</td>
                            <td class="num">{t.signals.label(crate::i18n::lang())}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody data-area=code(area.area)>
                    <tr class="section-row">
                        <th scope="colgroup" colspan="7">
                            {t!("risks-region-area-heading", area = area.area.label(crate::i18n::lang()), count = area.open)}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let csv = Callback::new(move |()| top_csv(&areas));
    view! {
        <ExportTable id="region-risks-top" class="top-risks" filename=format!("riskove-oblasti-{year}.csv") rows=csv>
            <caption id="region-risks-top-caption">
                {t!("risks-region-top-caption", year = year.to_string())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!("risks-field-institution")}</th>
                    <th scope="col">{t!("risks-field-code")}</th>
                    <th scope="col">{t!("risks-field-unit")}</th>
                    <th scope="col">{t!("risks-field-description")}</th>
                    <th scope="col">{t!("risks-field-residual")}</th>
                    <th scope="col">{t!("risks-field-response")}</th>
                    <th scope="col" class="num">{t!("risks-field-signals")}</th>
                </tr>
            </thead>
            {groups}
        </ExportTable>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::TenantId;
    use antikor_shared::tenant::TenantName;

    #[test]
    fn the_file_of_the_institutions_says_which_keep_no_register() {
        let kept = RiskSummary {
            open: 2,
            by_band: [0, 1, 1],
            ..RiskSummary::default()
        };
        let rows = [
            RegionRiskRow {
                tenant: TenantId::parse("bansko").unwrap(),
                name: TenantName {
                    bg: "Община Банско".to_owned(),
                    en: "Bansko Municipality".to_owned(),
                },
                summary: kept,
            },
            RegionRiskRow {
                tenant: TenantId::parse("petrich").unwrap(),
                name: TenantName {
                    bg: "Община Петрич".to_owned(),
                    en: "Petrich Municipality".to_owned(),
                },
                summary: RiskSummary::default(),
            },
        ];
        let csv = tenants_csv(&rows);
        assert_eq!(csv[0][..4], ["Институция", "Регистър", "Открити", "Висок"]);
        assert_eq!(csv[1][..5], ["Община Банско", "да", "2", "1", "1"]);
        assert_eq!(csv[2][1], "не");
    }
}
