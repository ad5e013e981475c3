//! `/signals/statistics`: public counts, small ones suppressed, and who must run an internal channel.

mod channels;

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{ProvinceSelect, today};
use crate::csv::ExportTable;
use crate::format::href_with_query;
use crate::provinces::province_param;
use antikor_shared::ProvinceCode;
use antikor_shared::signal::{Cell, CountCell, SignalStatistics, TenantSignals};
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
    let share = rate.map_or_else(String::new, |r| format!(" ({r} %)"));
    format!("{} от {}{share}", in_time.label(), due.label())
}

/// Whether an institution must run an internal channel, in words.
pub(super) fn obliged_text(obliged: Option<bool>) -> &'static str {
    match obliged {
        Some(true) => "да",
        Some(false) => "не",
        None => "не е записано",
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
    set_title("Статистика на сигналите");
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
                    {format!("{y} г.")}
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
        <h1>"Статистика на сигналите за корупция"</h1>
        <p class="lead">
            "Сигналите до институциите в Антикор, само като брой. Регистърът на сигналите не е публичен; "
            "брой под 3 се показва като „< 3“, за да не може да бъде разпознат отделен случай, а "
            "„скрито“ стои там, където числото заедно с общия брой би издало такъв малък брой. "
            "Звената и дейностите са само от списъците на институциите; всичко друго е „Друго / непосочено“."
        </p>
        <div class="filters">
            <ProvinceSelect id="statistics-province" chosen=chosen_province href=province_href />
            <div class="field field--medium">
                <label for="statistics-year">"Година на получаване"</label>
                <select id="statistics-year" on:change=on_year>
                    <option value="" prop:selected=move || year.get().is_none()>"Всички години"</option>
                    {years}
                </select>
            </div>
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
        <Channels />
        <IntakeListsSection />
        <p>
            <A href="/signal">"Подаване на сигнал"</A>
            " · "
            <A href="/report-corruption">"Как да подадете сигнал"</A>
        </p>
    }
}

/// The statistics of one year or all years.
#[component]
fn Statistics(stats: SignalStatistics) -> impl IntoView {
    let s = stats;
    let period = s
        .year
        .map_or_else(|| "всички години".to_owned(), |y| format!("{y} г."));
    let file_year = s
        .year
        .map_or_else(|| "vsichki".to_owned(), |y| y.to_string());
    view! {
        <dl class="stats" id="statistics-total">
            <div class="stats__item">
                <dt>{format!("Сигнали, {period}")}</dt>
                <dd class="stats__number">{s.total.label()}</dd>
            </div>
        </dl>
        <TenantTable rows=s.by_tenant.clone() filename=format!("signali-institucii-{file_year}.csv") />
        <div class="dashboard-grid">
            <CountTable id="statistics-category" file="signali-po-vid" caption="По вид" first="Вид" cells=s.by_category.clone() file_year=file_year.clone() />
            <CountTable id="statistics-status" file="signali-po-sastoyanie" caption="По състояние" first="Състояние" cells=s.by_status.clone() file_year=file_year.clone() />
            <CountTable id="statistics-regime" file="signali-po-rezhim" caption="По режим" first="Режим" cells=s.by_regime.clone() file_year=file_year.clone() />
            <CountTable id="statistics-channel" file="signali-po-kanal" caption="По канал" first="Канал" cells=s.by_channel.clone() file_year=file_year.clone() />
            <CountTable id="statistics-unit" file="signali-po-zveno" caption="По звено" first="Звено" cells=s.by_unit.clone() file_year=file_year.clone() />
            <CountTable id="statistics-activity" file="signali-po-deinost" caption="По дейност" first="Дейност" cells=s.by_activity.clone() file_year=file_year.clone() />
            <CountTable id="statistics-quarter" file="signali-po-trimesechie" caption="По тримесечие на получаване" first="Тримесечие" cells=s.by_quarter.clone() file_year=file_year.clone() />
        </div>
    }
}

/// Every institution's counts and how well it kept the statutory deadlines.
#[component]
fn TenantTable(rows: Vec<TenantSignals>, filename: String) -> impl IntoView {
    let csv_rows = rows.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![
            [
                "Институция",
                "Получени",
                "Потвърдени в срок",
                "Дължими потвърждения",
                "Потвърдени в срок, %",
                "Обратна информация в срок",
                "Дължима обратна информация",
                "Обратна информация в срок, %",
                "Задължена да поддържа вътрешен канал",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for t in &csv_rows {
            out.push(vec![
                t.name.clone(),
                t.received.label(),
                t.acknowledged_in_time.label(),
                t.acknowledgments_due.label(),
                t.acknowledgment_rate
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
                t.feedback_in_time.label(),
                t.feedback_due.label(),
                t.feedback_rate.map(|r| r.to_string()).unwrap_or_default(),
                obliged_text(t.obliged).to_owned(),
            ]);
        }
        out
    });
    let body = rows
        .into_iter()
        .map(|t| {
            view! {
                <tr data-tenant=t.tenant.to_string()>
                    <th scope="row">{t.name.clone()}</th>
                    <td class="num">{t.received.label()}</td>
                    <td>{compliance(t.acknowledged_in_time, t.acknowledgments_due, t.acknowledgment_rate)}</td>
                    <td>{compliance(t.feedback_in_time, t.feedback_due, t.feedback_rate)}</td>
                    <td>{obliged_text(t.obliged)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted small">
            "Сроковете: потвърждение до 7 дни от получаването, обратна информация до 3 месеца от потвърждението. "
            "Делът се показва, когато са дължими поне 3."
        </p>
        <ExportTable id="statistics-tenants" filename rows=csv>
            <caption id="statistics-tenants-caption">"По институции"</caption>
            <thead>
                <tr>
                    <th scope="col">"Институция"</th>
                    <th scope="col" class="num">"Получени"</th>
                    <th scope="col">"Потвърдени в срок"</th>
                    <th scope="col">"Обратна информация в срок"</th>
                    <th scope="col">"Вътрешен канал"</th>
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
    caption: &'static str,
    /// What the lines are (the first column's heading).
    first: &'static str,
    cells: Vec<CountCell>,
    /// The CSV file's name without the year, e.g. `signali-po-vid`.
    file: &'static str,
    /// The year in the file's name, or `vsichki`.
    file_year: String,
) -> impl IntoView {
    if cells.is_empty() {
        return view! {
            <section>
                <h2>{caption}</h2>
                <p id=id class="muted">"Няма данни."</p>
            </section>
        }
        .into_any();
    }
    let csv_cells = cells.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![vec![first.to_owned(), "Брой".to_owned()]];
        out.extend(
            csv_cells
                .iter()
                .map(|c| vec![c.label.clone(), c.count.label()]),
        );
        out
    });
    let rows = cells
        .into_iter()
        .map(|c| {
            view! {
                <tr data-key=c.key.clone()>
                    <th scope="row">{c.label.clone()}</th>
                    <td class="num">{c.count.label()}</td>
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
                        <th scope="col" class="num">"Брой"</th>
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
