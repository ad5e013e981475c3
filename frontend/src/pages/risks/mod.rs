//! `/risks`: an institution's corruption-risk register of a year (plan measure VI.1): the heat
//! maps, what needs attention, the register itself and the form that enters a risk. One risk's
//! page and the regional view are in the submodules.

mod detail;
mod forms;
mod heat_map;
mod new;
mod region;

pub use detail::RiskPage;
pub use region::RegionRisksPage;

use crate::access::{can_record, can_view_region};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{TenantSelect, ViewParams, today, use_view_params};
use crate::csv::{CsvSource, ExportTable};
use crate::format::date_bg;
use crate::paging::{Paged, PagedList};
use crate::session::use_session;
use antikor_shared::risk::{Band, Rating, RiskRecord, RiskStatus, RiskSummary};
use antikor_shared::wire::code;
use chrono::{Datelike, NaiveDate};
use heat_map::{BandLegend, HeatMap};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use new::NewRiskForm;

/// A year as the pages write it: "2025 г." (the number is no count: not grouped).
fn year_text(year: i32) -> String {
    t!("risks-year", year = year.to_string())
}

/// The first year the year pickers offer: the year of the council's first plan, whose
/// measure VI.1 asked for the registers.
const FIRST_YEAR: i32 = 2017;

/// The years a register may be of, newest first: from [`FIRST_YEAR`] to next year (the
/// server takes a register up to a year ahead), and the year shown if it lies outside them.
fn register_years(this_year: i32, shown: Option<i32>) -> Vec<i32> {
    let mut years: Vec<i32> = (FIRST_YEAR..=this_year + 1).collect();
    if let Some(shown) = shown.filter(|s| !years.contains(s)) {
        years.push(shown);
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years
}

/// The CSS class that colours a band (the heat maps' cells, the swatches).
fn band_class(band: Band) -> &'static str {
    match band {
        Band::Low => "band-low",
        Band::Medium => "band-medium",
        Band::High => "band-high",
    }
}

/// A rating as the register writes it: "3×4 = 12".
fn rating_text(rating: Rating) -> String {
    format!(
        "{}×{} = {}",
        rating.likelihood,
        rating.impact,
        rating.score()
    )
}

/// A rating with its band, the band's name written out so that colour is never the only cue.
#[component]
fn RatingBadge(
    /// The rating.
    rating: Rating,
) -> impl IntoView {
    let band = rating.band();
    view! {
        <span class=format!("badge badge--{}", band_class(band)) data-band=code(band) data-score=rating.score().to_string()>
            {format!("{} · {}", rating_text(rating), band.label(crate::i18n::lang()))}
        </span>
    }
}

/// A risk's page.
fn risk_href(risk: &RiskRecord) -> String {
    format!("/risks/{}", risk.id)
}

/// Whether a risk's review date has passed (as the figures count it: before today), while it
/// is still open.
fn review_overdue(risk: &RiskRecord, today: NaiveDate) -> bool {
    risk.closed.is_none() && risk.identified.review_on < today
}

/// The register's year picker: a year is the register's, not a plan's, so every year from
/// [`FIRST_YEAR`] on is offered. Choosing one keeps the page's other choices.
#[component]
fn RegisterYearSelect(
    /// The select's id.
    id: &'static str,
    /// The page's path.
    path: &'static str,
    /// The current choices.
    params: Memo<ViewParams>,
    /// The year the page shows (the server's default when none was asked for).
    shown: Signal<Option<i32>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let next = ViewParams {
            year: event_target_value(&ev).parse().ok(),
            ..params.get_untracked()
        };
        navigate(&next.href(path), NavigateOptions::default());
    };
    let options = move || {
        let current = shown.get();
        register_years(today().year(), current)
            .into_iter()
            .map(|y| {
                view! {
                    <option value=y.to_string() prop:selected=current == Some(y)>
                        {year_text(y)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field field--narrow">
            <label for=id>{t!("risks-year-label")}</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}

/// The register's column headings. The server's file spells every field out; the page keeps
/// what tells the risks apart, and each risk's page has the rest.
fn headings() -> [String; 8] {
    [
        t!("risks-field-code"),
        t!("risks-field-area"),
        t!("risks-field-unit"),
        t!("risks-field-description"),
        t!("risks-field-residual"),
        t!("risks-field-response"),
        t!("risks-field-review"),
        t!("risks-field-status"),
    ]
}

/// `/risks`.
#[component]
pub fn RisksPage() -> impl IntoView {
    set_title(&t!("risks-page-title"));
    let me = use_session().user_untracked();
    let role = me.as_ref().map(|u| u.role);
    let own = me.as_ref().map(|u| u.tenant.clone());
    let sees_all = role.is_some_and(|r| r.sees_other_tenants());
    let may_write = role.is_some_and(can_record);
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let filters = move || params.get().map(|p| (p.tenant, p.year));
    let summary = LocalResource::new(move || {
        let filters = filters();
        async move {
            let (tenant, year) = filters?;
            api::risk_summary(tenant.as_ref(), year).await
        }
    });
    let list = Paged::new(filters, |(tenant, year), page| async move {
        api::risks(tenant.as_ref(), year, &page).await
    });
    // The year asked for, else the one the server chose (the newest the register keeps).
    let shown = Signal::derive(move || {
        chosen
            .get()
            .year
            .or_else(|| summary.get().and_then(Result::ok).map(|s| s.year))
    });
    let csv =
        Signal::derive(move || chosen.with(|p| api::risks_csv_url(p.tenant.as_ref(), shown.get())));
    // A risk is entered in the user's own register: the form stands over that one only.
    let own_shown = {
        let own = own.clone();
        move || chosen.with(|p| p.tenant.is_none() || p.tenant == own)
    };
    let region_link = role.is_some_and(can_view_region).then(|| {
        let href = move || {
            ViewParams {
                year: shown.get(),
                ..ViewParams::default()
            }
            .href("/region/risks")
        };
        view! {
            <p>
                <A href=href attr:id="risks-region-link">{t!("risks-region-link")}</A>
            </p>
        }
    });
    let retry = Callback::new(move |()| summary.refetch());
    let figures = move || {
        Suspend::new(async move {
            let s = summary.await?;
            Ok::<_, ApiError>(view! { <Figures summary=s /> })
        })
    };
    view! {
        <h1>{t!("risks-register-title")}</h1>
        <p class="lead">{t!("risks-lead")}</p>
        {may_write.then(|| view! {
            <Show when=own_shown.clone()>
                <NewRiskForm shown />
            </Show>
        })}
        <div class="filters">
            {sees_all.then(|| view! { <TenantSelect path="/risks" params=chosen own=own.clone() id="risks-tenant" /> })}
            <RegisterYearSelect id="risks-year" path="/risks" params=chosen shown />
        </div>
        {region_link}
        <Loaded retry keep_shown=true>{figures}</Loaded>
        <h2 id="risks-register-heading">{t!("risks-register-heading")}</h2>
        <PagedList list id="risks">
            <RisksTable list csv shown />
        </PagedList>
    }
}

/// One figure of the register, with its id for the tests.
fn figure(id: &'static str, label: String, value: u32) -> impl IntoView {
    view! {
        <div class="stats__item">
            <dt>{label}</dt>
            <dd class="stats__number" id=id>{value.to_string()}</dd>
        </div>
    }
}

/// The register in figures and its two heat maps.
#[component]
fn Figures(summary: RiskSummary) -> impl IntoView {
    let s = summary;
    let year = s.year;
    let bands = Band::ALL
        .into_iter()
        .rev()
        .map(|band| {
            let count = s.by_band[band as usize];
            view! {
                <div class="stats__item">
                    <dt>
                        <span class=format!("swatch {}", band_class(band)) aria-hidden="true"></span>
                        {format!(" {}", t!("risks-figure-band", band = band.label(crate::i18n::lang())))}
                    </dt>
                    <dd class="stats__number" id=format!("risks-band-{}", code(band))>{count.to_string()}</dd>
                </div>
            }
        })
        .collect_view();
    let tag = s
        .tenant
        .as_ref()
        .map_or_else(String::new, |t| format!("-{t}"));
    view! {
        <dl class="stats" id="risks-stats" data-year=year.to_string()>
            {figure("risks-open", t!("risks-figure-open"), s.open)}
            {bands}
            {figure("risks-unassessed", t!("risks-figure-unassessed"), s.unassessed)}
            {figure("risks-untreated", t!("risks-figure-untreated"), s.untreated)}
            {figure("risks-overdue", t!("risks-figure-overdue"), s.overdue_reviews)}
            {figure("risks-closed", t!("risks-figure-closed"), s.closed)}
        </dl>
        <p class="muted small">{t!("risks-maps-note")}</p>
        <div class="heat-maps">
            <HeatMap
                id="risks-inherent-map"
                caption=t!("risks-inherent-map-caption", year = year.to_string())
                grid=s.inherent.clone()
                filename=format!("riskove-prisasht{tag}-{year}.csv")
            />
            <HeatMap
                id="risks-residual-map"
                caption=t!("risks-residual-map-caption", year = year.to_string())
                grid=s.residual.clone()
                filename=format!("riskove-ostatachen{tag}-{year}.csv")
            />
        </div>
    }
}

/// The register loaded so far, in the register's order.
#[component]
fn RisksTable(
    list: Paged<RiskRecord>,
    /// The address of the whole register's file.
    csv: Signal<String>,
    /// The year shown.
    shown: Signal<Option<i32>>,
) -> impl IntoView {
    let total = list.total();
    let count = list.count();
    let today = today();
    let rows = list.rows(move |risk: RiskRecord| view! { <RiskRow risk today /> });
    let headings = headings()
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let tools = view! {
        <span class="table-tools__left">
            <BandLegend />
            <span class="muted">{move || t!("risks-count", count = total.get())}</span>
        </span>
    };
    let empty = move || match shown.get() {
        Some(year) => t!("risks-none-year", year = year.to_string()),
        None => t!("risks-none"),
    };
    view! {
        <ExportTable id="risks-table" class="risks-table" filename="registar-riskove.csv" rows=CsvSource::Server(csv) tools=tools.into_any()>
            <caption id="risks-table-caption">
                {move || match shown.get() {
                    Some(year) => t!("risks-table-caption-year", year = year.to_string()),
                    None => t!("risks-table-caption"),
                }}
            </caption>
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>
                {move || (count.get() == 0).then(|| view! {
                    <tr class="empty-row">
                        <td colspan="8">{empty}</td>
                    </tr>
                })}
                {rows}
            </tbody>
        </ExportTable>
    }
}

/// One risk of the register.
#[component]
fn RiskRow(risk: RiskRecord, today: NaiveDate) -> impl IntoView {
    let status = risk.status();
    let residual = risk.residual().map_or_else(
        || view! { <span class="muted">{t!("risks-not-assessed")}</span> }.into_any(),
        |rating| view! { <RatingBadge rating /> }.into_any(),
    );
    let response = risk.treatment.as_ref().map_or_else(
        || view! { <span class="muted">"—"</span> }.into_any(),
        |t| t.response.label(crate::i18n::lang()).into_any(),
    );
    let overdue = review_overdue(&risk, today);
    // The badge may wrap under the date: the register must fit a laptop's screen whole.
    let review = view! {
        <span class="nowrap">{date_bg(risk.identified.review_on)}</span>
        {overdue.then(|| view! { " " <span class="badge badge--warn">{t!("risks-overdue-badge")}</span> })}
    };
    let (href, code_text) = (risk_href(&risk), risk.code());
    let status_class = if status == RiskStatus::Closed {
        "muted"
    } else {
        ""
    };
    view! {
        <tr
            class="risk-row"
            data-id=risk.id.to_string()
            data-number=risk.number.to_string()
            data-status=code(status)
            data-band=risk.band().map(code)
        >
            // The code ("Р-2017-01", a Cyrillic letter) and what the institution wrote stay
            // Bulgarian.
            <th scope="row" class="nowrap" lang="bg">
                <A href=href>{code_text}</A>
            </th>
            <td>{risk.identified.area.label(crate::i18n::lang())}</td>
            <td lang="bg">{risk.identified.unit.clone()}</td>
            <td class="risk-description" lang="bg">{risk.identified.description.clone()}</td>
            <td class="nowrap">{residual}</td>
            <td>{response}</td>
            <td>{review}</td>
            <td class=status_class>{status.label(crate::i18n::lang())}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_may_be_of_any_year_from_the_first_plan_to_the_next() {
        assert_eq!(register_years(2019, None), [2020, 2019, 2018, 2017]);
        assert_eq!(
            register_years(2018, Some(2012)),
            [2019, 2018, 2017, 2012],
            "an older register stays reachable"
        );
        assert_eq!(register_years(2018, Some(2018)), [2019, 2018, 2017]);
    }

    #[test]
    fn ratings_are_written_with_their_score() {
        let rating = Rating {
            likelihood: 3,
            impact: 4,
        };
        assert_eq!(rating_text(rating), "3×4 = 12");
        assert_eq!(band_class(rating.band()), "band-medium");
    }
}
