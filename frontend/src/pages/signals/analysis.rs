//! `/signals/analysis`: an institution's own signals by unit, activity and kind, per quarter.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::csv::ExportTable;
use antikor_shared::signal::{AnalysisLine, SignalAnalysis};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/signals/analysis`: where the institution's own signals concentrate (measure IV.3).
#[component]
pub fn SignalAnalysisPage() -> impl IntoView {
    set_title(&t!("signals-analysis-title"));
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
            <A href="/signals">{t!("signals-register-title")}</A>
        </p>
        <h1>{t!("signals-analysis-heading")}</h1>
        <p class="lead">
            {t!("signals-analysis-lead")}
            " "
            <A href="/signals/statistics">{t!("signals-analysis-lead-link")}</A>
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
        return view! { <p id="analysis-empty" class="muted">{t!("signals-analysis-empty")}</p> }
            .into_any();
    }
    view! {
        <AnalysisTable id="analysis-unit" file="analiz-po-zveno" caption=t!("signals-analysis-by-unit") first=t!("signals-unit") periods=a.periods.clone() lines=a.by_unit />
        <AnalysisTable id="analysis-activity" file="analiz-po-deinost" caption=t!("signals-analysis-by-activity") first=t!("signals-activity") periods=a.periods.clone() lines=a.by_activity />
        <AnalysisTable id="analysis-category" file="analiz-po-vid" caption=t!("signals-analysis-by-category") first=t!("signals-category") periods=a.periods lines=a.by_category />
    }
    .into_any()
}

/// One breakdown: a line per value, a column per quarter, and the total.
#[component]
fn AnalysisTable(
    id: &'static str,
    /// The CSV file's name without `.csv`.
    file: &'static str,
    caption: String,
    first: String,
    periods: Vec<String>,
    lines: Vec<AnalysisLine>,
) -> impl IntoView {
    let header = periods
        .iter()
        .map(|p| view! { <th scope="col" class="num">{p.clone()}</th> })
        .collect_view();
    let csv_periods = periods.clone();
    let csv_lines = lines.clone();
    let csv_first = first.clone();
    let total = t!("signals-analysis-total");
    let csv_total = total.clone();
    let csv = Callback::new(move |()| {
        let mut head = vec![csv_first.clone()];
        head.extend(csv_periods.iter().cloned());
        head.push(csv_total.clone());
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
        view! { <tr class="empty-row"><td colspan=span class="muted">{t!("signals-analysis-no-data")}</td></tr> }
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
                // The records' own words (a unit's or an activity's name) stay Bulgarian.
                view! {
                    <tr data-value=l.value.clone()>
                        <th scope="row" lang=l.recorded.then_some("bg")>{l.value.clone()}</th>
                        {cells}
                        <td class="num"><strong>{l.total.to_string()}</strong></td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let tools = view! { <h2>{caption.clone()}</h2> }.into_any();
    view! {
        <ExportTable id filename=format!("{file}.csv") rows=csv tools>
            <caption id=format!("{}-caption", id) class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    {header}
                    <th scope="col" class="num">{total}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </ExportTable>
    }
}
