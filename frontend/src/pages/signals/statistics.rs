//! `/signals/statistics` (public counts, small ones suppressed, and who must run an internal channel) and `/signals/analysis` (an institution's own signals by quarter).

use super::{error_text, records_channel};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::today;
use crate::csv::ExportTable;
use crate::form::{InputField, NoticeView, TextAreaField, use_submit_explained};
use crate::format::{href_with_query, thousands};
use crate::session::use_session;
use antikor_shared::signal::{
    AnalysisLine, Cell, ChannelObligation, CountCell, RecordChannel, SetIntakeLists,
    SignalAnalysis, SignalStatistics, TenantSignals,
};
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
fn obliged_text(obliged: Option<bool>) -> &'static str {
    match obliged {
        Some(true) => "да",
        Some(false) => "не",
        None => "не е записано",
    }
}

/// `/signals/statistics?year=`.
#[component]
pub fn SignalStatisticsPage() -> impl IntoView {
    set_title("Статистика на сигналите");
    let query = use_query_map();
    let navigate = use_navigate();
    let year = Memo::new(move |_| {
        query.with(|q| q.get("year").and_then(|y| y.trim().parse::<i32>().ok()))
    });
    let stats = LocalResource::new(move || api::signals::statistics(year.get()));
    let retry = Callback::new(move |()| stats.refetch());
    let on_year = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = (!value.is_empty()).then_some(value);
        navigate(
            &href_with_query("/signals/statistics", [("year", chosen)]),
            NavigateOptions::default(),
        );
    };
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
            "Сигналите до институциите в областта, само като брой. Регистърът на сигналите не е публичен; "
            "брой под 3 се показва като „< 3“, за да не може да бъде разпознат отделен случай, а "
            "„скрито“ стои там, където числото заедно с общия брой би издало такъв малък брой. "
            "Звената и дейностите са само от списъците на институциите; всичко друго е „Друго / непосочено“."
        </p>
        <div class="filters">
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
            <caption>"По институции"</caption>
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
                <caption>{caption}</caption>
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

/// Which institutions must run an internal whistleblowing channel, and the form with which
/// an institution records its own decision.
#[component]
fn Channels() -> impl IntoView {
    let session = use_session();
    let channels = LocalResource::new(api::signals::channels);
    let retry = Callback::new(move |()| channels.refetch());
    let may_record = move || session.role().is_some_and(records_channel);
    let list = move || {
        Suspend::new(async move {
            let list = channels.await?;
            Ok::<_, ApiError>(view! { <ChannelTable list /> })
        })
    };
    view! {
        <section aria-labelledby="channels-heading">
            <h2 id="channels-heading">"Вътрешен канал за сигнали"</h2>
            <p>
                "Институциите с по-малко от 10 000 жители или по-малко от 50 служители не са длъжни да "
                "поддържат вътрешен канал за сигнали. Населението е по преброяването от 2011 г."
            </p>
            <Loaded retry>{list}</Loaded>
            <Show when=may_record>
                <ChannelForm on_saved=retry />
            </Show>
        </section>
    }
}

/// The lines of a textarea as list entries: trimmed, blanks dropped.
fn entries(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An officer or the tenant's admin keeps the lists of units and activities that signals to
/// their institution may name; only these names appear in the statistics.
#[component]
fn IntakeListsSection() -> impl IntoView {
    let session = use_session();
    let may_record = move || session.role().is_some_and(records_channel);
    view! {
        <Show when=may_record>
            <IntakeListsForm />
        </Show>
    }
}

/// The form of [`IntakeListsSection`]: one entry a line.
#[component]
fn IntakeListsForm() -> impl IntoView {
    let session = use_session();
    let own = session
        .user_untracked()
        .map(|u| u.tenant.to_string())
        .unwrap_or_default();
    let units = RwSignal::new(String::new());
    let activities = RwSignal::new(String::new());
    let form = use_submit_explained(error_text);
    let current = LocalResource::new(move || {
        let own = own.clone();
        async move { api::signals::lists(&own).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(lists)) = current.get() {
            units.set(lists.units.join("\n"));
            activities.set(lists.activities.join("\n"));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = SetIntakeLists {
            units: entries(&units.get_untracked()),
            activities: entries(&activities.get_untracked()),
        };
        form.send(
            async move { api::signals::set_lists(&body).await },
            move |saved| {
                units.try_set(saved.units.join("\n"));
                activities.try_set(saved.activities.join("\n"));
                form.succeed("Списъците са записани.");
            },
        );
    };
    view! {
        <section aria-labelledby="intake-lists-heading">
            <h2 id="intake-lists-heading">"Звена и дейности за сигналите"</h2>
            <p>
                "Подателите избират звено и дейност само от тези списъци, а статистиката показва само тях. "
                "Пишете по едно на ред. Имена на хора не се пишат тук."
            </p>
            <form id="intake-lists-form" class="form-card action-form" on:submit=submit novalidate>
                <div class="form-grid">
                    <TextAreaField id="intake-lists-units" label="Звена" value=units rows=8 />
                    <TextAreaField id="intake-lists-activities" label="Дейности" value=activities rows=8 />
                </div>
                <NoticeView id="intake-lists-result" notice=form.outcome() />
                <div class="form-actions">
                    <button type="submit" id="intake-lists-save" class="button button--primary" disabled=form.busy()>
                        "Запиши списъците"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// What a recorded decision counted: inhabitants, staff, or both.
fn counted(c: &ChannelObligation) -> String {
    c.recorded
        .as_ref()
        .map(|r| {
            let people = r
                .population
                .map(|p| format!("{} жители", thousands(u64::from(p))));
            let staff = r.staff.map(|s| format!("{s} служители"));
            [people, staff]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// The institutions and their recorded decisions.
#[component]
fn ChannelTable(list: Vec<ChannelObligation>) -> impl IntoView {
    let csv_list = list.clone();
    let csv = Callback::new(move |()| {
        let mut out = vec![
            [
                "Институция",
                "Население (2011)",
                "Задължена",
                "Преценено по",
                "Основание",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        out.extend(csv_list.iter().map(|c| {
            vec![
                c.name.clone(),
                c.population_2011.map(|p| p.to_string()).unwrap_or_default(),
                obliged_text(c.recorded.as_ref().map(|r| r.obliged)).to_owned(),
                counted(c),
                c.recorded
                    .as_ref()
                    .map(|r| r.note.clone())
                    .unwrap_or_default(),
            ]
        }));
        out
    });
    let rows = list
        .into_iter()
        .map(|c| {
            let obliged = c.recorded.as_ref().map(|r| r.obliged);
            let counted = counted(&c);
            view! {
                <tr data-tenant=c.tenant.to_string() data-obliged=obliged.map(|o| o.to_string())>
                    <th scope="row">{c.name}</th>
                    <td class="num">{c.population_2011.map(|p| thousands(u64::from(p)))}</td>
                    <td>{obliged_text(obliged)}</td>
                    <td>{counted}</td>
                    <td>{c.recorded.map(|r| r.note)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ExportTable id="channels-table" filename="vatreshen-kanal.csv" rows=csv>
            <caption>"Задължение за вътрешен канал"</caption>
            <thead>
                <tr>
                    <th scope="col">"Институция"</th>
                    <th scope="col" class="num">"Население (2011)"</th>
                    <th scope="col">"Задължена"</th>
                    <th scope="col">"Преценено по"</th>
                    <th scope="col">"Основание"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}

/// An officer or the tenant's admin records whether their institution must run the channel;
/// the server decides it from the counts.
#[component]
fn ChannelForm(on_saved: Callback<()>) -> impl IntoView {
    let population = RwSignal::new(String::new());
    let staff = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let form = use_submit_explained(error_text);
    let count = |text: &str| -> Result<Option<u32>, String> {
        let t = text.trim().replace([' ', '\u{2009}'], "");
        if t.is_empty() {
            return Ok(None);
        }
        t.parse()
            .map(Some)
            .map_err(|_| format!("„{text}“ не е цяло число."))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match (
            count(&population.get_untracked()),
            count(&staff.get_untracked()),
        ) {
            (Ok(population), Ok(staff)) => RecordChannel {
                population,
                staff,
                note: note.get_untracked().trim().to_owned(),
            },
            (Err(e), _) | (_, Err(e)) => return form.fail(e),
        };
        form.send(
            async move { api::signals::record_channel(&body).await },
            move |saved| {
                let obliged = saved.recorded.map(|r| r.obliged);
                form.succeed(format!(
                    "Записано. {}: задължена да поддържа вътрешен канал — {}.",
                    saved.name,
                    obliged_text(obliged)
                ));
                on_saved.run(());
            },
        );
    };
    view! {
        <form id="channel-form" class="form-card action-form" on:submit=submit novalidate>
            <h3 class="action-form__title">"Запис за вашата институция"</h3>
            <div class="form-grid">
                <InputField id="channel-population" label="Жители" value=population inputmode="numeric" />
                <InputField id="channel-staff" label="Служители" value=staff inputmode="numeric" />
            </div>
            <TextAreaField id="channel-note" label="Основание (източник на данните)" value=note rows=2 maxlength=2000 class="field--wide" />
            <NoticeView id="channel-result" notice=form.outcome() />
            <div class="form-actions">
                <button type="submit" id="channel-save" class="button button--primary" disabled=form.busy()>
                    "Запиши"
                </button>
            </div>
        </form>
    }
}

/// `/signals/analysis`: where the institution's own signals concentrate (measure IV.3).
#[component]
pub fn SignalAnalysisPage() -> impl IntoView {
    set_title("Анализ на сигналите");
    let analysis = LocalResource::new(api::signals::analysis);
    let retry = Callback::new(move |()| analysis.refetch());
    let body = move || {
        Suspend::new(async move {
            let a = analysis.await?;
            Ok::<_, ApiError>(view! { <Analysis analysis=a /> })
        })
    };
    view! {
        <p class="breadcrumb">
            <A href="/signals">"Регистър на сигналите"</A>
        </p>
        <h1>"Къде се съсредоточават сигналите"</h1>
        <p class="lead">
            "Сигналите до вашата институция по звено, дейност и вид, по тримесечия (мярка IV.3): "
            "за да се насочат мерките натам, където рискът е най-голям. Броят е точен; извън "
            "институцията се вижда само "
            <A href="/signals/statistics">"обобщената статистика"</A>
            "."
        </p>
        <Loaded retry>{body}</Loaded>
    }
}

/// The three breakdowns.
#[component]
fn Analysis(analysis: SignalAnalysis) -> impl IntoView {
    let a = analysis;
    if a.periods.is_empty() {
        return view! { <p id="analysis-empty" class="muted">"Все още няма сигнали."</p> }
            .into_any();
    }
    view! {
        <AnalysisTable id="analysis-unit" file="analiz-po-zveno" caption="По звено" first="Звено" periods=a.periods.clone() lines=a.by_unit />
        <AnalysisTable id="analysis-activity" file="analiz-po-deinost" caption="По дейност" first="Дейност" periods=a.periods.clone() lines=a.by_activity />
        <AnalysisTable id="analysis-category" file="analiz-po-vid" caption="По вид" first="Вид" periods=a.periods lines=a.by_category />
    }
    .into_any()
}

/// One breakdown: a line per value, a column per quarter, and the total.
#[component]
fn AnalysisTable(
    id: &'static str,
    /// The CSV file's name without `.csv`.
    file: &'static str,
    caption: &'static str,
    first: &'static str,
    periods: Vec<String>,
    lines: Vec<AnalysisLine>,
) -> impl IntoView {
    let header = periods
        .iter()
        .map(|p| view! { <th scope="col" class="num">{p.clone()}</th> })
        .collect_view();
    let csv_periods = periods.clone();
    let csv_lines = lines.clone();
    let csv = Callback::new(move |()| {
        let mut head = vec![first.to_owned()];
        head.extend(csv_periods.iter().cloned());
        head.push("Общо".to_owned());
        let mut out = vec![head];
        for l in &csv_lines {
            let mut row = vec![l.value.clone()];
            row.extend(l.counts.iter().map(ToString::to_string));
            row.push(l.total.to_string());
            out.push(row);
        }
        out
    });
    let body = if lines.is_empty() {
        let span = (periods.len() + 2).to_string();
        view! { <tr class="empty-row"><td colspan=span class="muted">"Няма данни."</td></tr> }
            .into_any()
    } else {
        lines
            .into_iter()
            .map(|l| {
                let cells = l
                    .counts
                    .iter()
                    .map(|n| view! { <td class="num">{n.to_string()}</td> })
                    .collect_view();
                view! {
                    <tr data-value=l.value.clone()>
                        <th scope="row">{l.value.clone()}</th>
                        {cells}
                        <td class="num"><strong>{l.total.to_string()}</strong></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let tools = view! { <h2>{caption}</h2> }.into_any();
    view! {
        <ExportTable id filename=format!("{file}.csv") rows=csv tools>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    {header}
                    <th scope="col" class="num">"Общо"</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </ExportTable>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
