//! `/signals/statistics`: public counts, small ones suppressed, and who must run an internal channel.

mod channels;

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title, shown_name};
use crate::controls::{ProvinceSelect, today};
use crate::csv::ExportTable;
use crate::format::href_with_query;
use crate::provinces::province_param;
use antikor_shared::ProvinceCode;
use antikor_shared::signal::{Cell, CountCell, OTHER_OR_UNNAMED, SignalStatistics, TenantSignals};
use channels::{Channels, IntakeListsSection};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The first year the statistics offer: the council's first plan asked for the register.
const FIRST_YEAR: i32 = 2017;

/// "in time / due" with the share, or a dash when too few were due to say.
fn compliance(in_time: Cell, due: Cell, rate: Option<u32>) -> String {
    let (done, due) = (
        in_time.label(crate::i18n::lang()),
        due.label(crate::i18n::lang()),
    );
    match rate {
        Some(rate) => t!(
            "citizen-statistics-compliance-share",
            done = done,
            due = due,
            rate = rate
        ),
        None => t!("citizen-statistics-compliance", done = done, due = due),
    }
}

/// Whether an institution must run an internal channel, in words.
pub(super) fn obliged_text(obliged: Option<bool>) -> String {
    match obliged {
        Some(true) => t!("citizen-statistics-obliged-yes"),
        Some(false) => t!("citizen-statistics-obliged-no"),
        None => t!("citizen-statistics-obliged-unknown"),
    }
}

/// The page's address for a province and a year; `None`s left out.
fn statistics_href(province: Option<&ProvinceCode>, year: Option<i32>) -> String {
    href_with_query(
        "/signals/statistics",
        [
            ("province", province.map(ToString::to_string)),
            ("year", year.map(|y| y.to_string())),
        ],
    )
}

/// `/signals/statistics?province=&year=`.
#[component]
pub fn SignalStatisticsPage() -> impl IntoView {
    set_title(&t!("citizen-statistics-title"));
    let query = use_query_map();
    let navigate = use_navigate();
    let year = Memo::new(move |_| {
        query.with(|q| q.get("year").and_then(|y| y.trim().parse::<i32>().ok()))
    });
    let province = Memo::new(move |_| query.with(|q| province_param(q.get("province"))));
    let stats = LocalResource::new(move || {
        let (year, province) = (year.get(), province.get());
        async move {
            let province = province?;
            api::signals::statistics(year, province.as_ref().map(ProvinceCode::as_str)).await
        }
    });
    let retry = Callback::new(move |()| stats.refetch());
    // A malformed province is said by the statistics' error; the picker then shows the country.
    let chosen_province = Signal::derive(move || province.get().ok().flatten());
    let on_year = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev).parse().ok();
        navigate(
            &statistics_href(chosen_province.get_untracked().as_ref(), chosen),
            NavigateOptions::default(),
        );
    };
    let province_href = Callback::new(move |p: Option<ProvinceCode>| {
        statistics_href(p.as_ref(), year.get_untracked())
    });
    let years = (FIRST_YEAR..=today().year())
        .rev()
        .map(|y| {
            view! {
                <option value=y.to_string() prop:selected=move || year.get() == Some(y)>
                    {t!("citizen-year", year = y.to_string())}
                </option>
            }
        })
        .collect_view();
    let body = move || {
        Suspend::new(async move {
            let s = stats.await?;
            Ok::<_, ApiError>(view! { <Statistics stats=s /> })
        })
    };
    view! {
        <h1>{t!("citizen-statistics-heading")}</h1>
        <p class="lead">
            {t!("citizen-statistics-lead")}
        </p>
        <div class="filters">
            <ProvinceSelect id="statistics-province" chosen=chosen_province href=province_href />
            <div class="field field--medium">
                <label for="statistics-year">{t!("citizen-statistics-year")}</label>
                <select id="statistics-year" on:change=on_year>
                    <option value="" prop:selected=move || year.get().is_none()>{t!("citizen-statistics-all-years")}</option>
                    {years}
                </select>
            </div>
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
        <Channels />
        <IntakeListsSection />
        <p>
            <A href="/signal">{t!("citizen-report-title")}</A>
            " · "
            <A href="/report-corruption">{t!("citizen-how-to-report")}</A>
        </p>
    }
}

/// The statistics of one year or all years.
#[component]
fn Statistics(stats: SignalStatistics) -> impl IntoView {
    let s = stats;
    let period = s.year.map_or_else(
        || t!("citizen-statistics-period-all"),
        |y| t!("citizen-year", year = y.to_string()),
    );
    let file_year = s
        .year
        .map_or_else(|| "vsichki".to_owned(), |y| y.to_string());
    view! {
        <dl class="stats" id="statistics-total">
            <div class="stats__item">
                <dt>{t!("citizen-statistics-total", period = period)}</dt>
                <dd class="stats__number">{s.total.label(crate::i18n::lang())}</dd>
            </div>
        </dl>
        <TenantTable rows=s.by_tenant.clone() filename=format!("signali-institucii-{file_year}.csv") />
        <div class="dashboard-grid">
            <CountTable id="statistics-category" file="signali-po-vid" caption=t!("citizen-statistics-by-category") first=t!("citizen-statistics-category") cells=s.by_category.clone() file_year=file_year.clone() />
            <CountTable id="statistics-status" file="signali-po-sastoyanie" caption=t!("citizen-statistics-by-status") first=t!("citizen-statistics-status") cells=s.by_status.clone() file_year=file_year.clone() />
            <CountTable id="statistics-regime" file="signali-po-rezhim" caption=t!("citizen-statistics-by-regime") first=t!("citizen-statistics-regime") cells=s.by_regime.clone() file_year=file_year.clone() />
            <CountTable id="statistics-channel" file="signali-po-kanal" caption=t!("citizen-statistics-by-channel") first=t!("citizen-statistics-channel") cells=s.by_channel.clone() file_year=file_year.clone() />
            <CountTable id="statistics-unit" file="signali-po-zveno" caption=t!("citizen-statistics-by-unit") first=t!("citizen-statistics-unit") cells=s.by_unit.clone() file_year=file_year.clone() named_in_records=true />
            <CountTable id="statistics-activity" file="signali-po-deinost" caption=t!("citizen-statistics-by-activity") first=t!("citizen-statistics-activity") cells=s.by_activity.clone() file_year=file_year.clone() named_in_records=true />
            <CountTable id="statistics-quarter" file="signali-po-trimesechie" caption=t!("citizen-statistics-by-quarter") first=t!("citizen-statistics-quarter") cells=s.by_quarter.clone() file_year=file_year.clone() />
        </div>
    }
}

/// Every institution's counts and how well it kept the statutory deadlines.
#[component]
fn TenantTable(rows: Vec<TenantSignals>, filename: String) -> impl IntoView {
    let csv_rows = rows.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![vec![
            t!("citizen-statistics-institution"),
            t!("citizen-statistics-received"),
            t!("citizen-statistics-acknowledged-in-time"),
            t!("citizen-statistics-acknowledgments-due"),
            t!("citizen-statistics-acknowledged-in-time-share"),
            t!("citizen-statistics-feedback-in-time"),
            t!("citizen-statistics-feedback-due"),
            t!("citizen-statistics-feedback-in-time-share"),
            t!("citizen-statistics-obliged"),
        ]];
        for t in &csv_rows {
            out.push(vec![
                t.name.get(crate::i18n::lang()).to_owned(),
                t.received.label(crate::i18n::lang()),
                t.acknowledged_in_time.label(crate::i18n::lang()),
                t.acknowledgments_due.label(crate::i18n::lang()),
                t.acknowledgment_rate
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                t.feedback_in_time.label(crate::i18n::lang()),
                t.feedback_due.label(crate::i18n::lang()),
                t.feedback_rate.map(|r| r.to_string()).unwrap_or_default(),
                obliged_text(t.obliged),
            ]);
        }
        out
    });
    let body = rows
        .into_iter()
        .map(|t| {
            let (name, mark) = shown_name(&t.name);
            view! {
                <tr data-tenant=t.tenant.to_string()>
                    <th scope="row" lang=mark>{name}</th>
                    <td class="num">{t.received.label(crate::i18n::lang())}</td>
                    <td>{compliance(t.acknowledged_in_time, t.acknowledgments_due, t.acknowledgment_rate)}</td>
                    <td>{compliance(t.feedback_in_time, t.feedback_due, t.feedback_rate)}</td>
                    <td>{obliged_text(t.obliged)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted small">
            {t!("citizen-statistics-deadlines")}
        </p>
        <ExportTable id="statistics-tenants" filename rows=csv>
            <caption id="statistics-tenants-caption">{t!("citizen-statistics-by-institution")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("citizen-statistics-institution")}</th>
                    <th scope="col" class="num">{t!("citizen-statistics-received")}</th>
                    <th scope="col">{t!("citizen-statistics-acknowledged-in-time")}</th>
                    <th scope="col">{t!("citizen-statistics-feedback-in-time")}</th>
                    <th scope="col">{t!("citizen-statistics-internal-channel")}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </ExportTable>
    }
}

/// A small table of suppressed counts, one line per value of `first`.
#[component]
fn CountTable(
    id: &'static str,
    caption: String,
    /// What the lines are (the first column's heading).
    first: String,
    cells: Vec<CountCell>,
    /// The CSV file's name without the year, e.g. `signali-po-vid`.
    file: &'static str,
    /// The year in the file's name, or `vsichki`.
    file_year: String,
    /// Whether the lines are named by the records' own words (the institutions' units and
    /// activities, in Bulgarian), marked `lang="bg"` but for the line of all the others.
    #[prop(optional)]
    named_in_records: bool,
) -> impl IntoView {
    if cells.is_empty() {
        return view! {
            <section>
                <h2>{caption}</h2>
                <p id=id class="muted">{t!("citizen-statistics-no-data")}</p>
            </section>
        }
        .into_any();
    }
    let csv_cells = cells.clone();
    let csv_first = first.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![vec![csv_first.clone(), t!("citizen-statistics-count")]];
        out.extend(
            csv_cells
                .iter()
                .map(|c| vec![c.label.clone(), c.count.label(crate::i18n::lang())]),
        );
        out
    });
    let rows = cells
        .into_iter()
        .map(|c| {
            let bulgarian = named_in_records && c.key != OTHER_OR_UNNAMED;
            view! {
                <tr data-key=c.key.clone()>
                    <th scope="row" lang=bulgarian.then_some("bg")>{c.label.clone()}</th>
                    <td class="num">{c.count.label(crate::i18n::lang())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section>
            <ExportTable id filename=format!("{file}-{file_year}.csv") rows=csv>
                <caption id=format!("{}-caption", id)>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col" class="num">{t!("citizen-statistics-count")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </ExportTable>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_both_choices() {
        let blg = ProvinceCode::parse("BLG").unwrap();
        assert_eq!(
            statistics_href(Some(&blg), Some(2024)),
            "/signals/statistics?province=BLG&year=2024"
        );
        assert_eq!(statistics_href(None, None), "/signals/statistics");
    }

    #[test]
    fn compliance_reads_with_suppressed_counts() {
        assert_eq!(
            compliance(Cell::Exact(4), Cell::Exact(5), Some(80)),
            "4 от 5 (80 %)"
        );
        assert_eq!(
            compliance(Cell::FewerThanThree, Cell::FewerThanThree, None),
            "< 3 от < 3"
        );
        assert_eq!(compliance(Cell::Zero, Cell::Zero, None), "0 от 0");
        assert_eq!(obliged_text(None), "не е записано");
    }
}
