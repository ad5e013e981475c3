//! Public pages: meetings, contested acts, the council's contacts, how to report corruption.

mod contested_acts;
mod council;
mod meetings;
mod report_corruption;

pub use contested_acts::ContestedActsPage;
pub use council::CouncilPage;
pub use meetings::MeetingsPage;
pub use report_corruption::ReportCorruptionPage;

use crate::api::ApiError;
use crate::components::Loaded;
use crate::controls::{YearSelect, use_view_params};
use crate::csv::ExportTable;
use crate::pages::activities::{Names, use_names};
use antikor_shared::views::ActivityRecord;
use leptos::prelude::*;
use std::future::Future;

/// A public register's page (meetings, contested acts): its heading and lead as `children`,
/// the year filter, and the table `table` makes of the records of the year the address asks
/// for, or of every year.
#[component]
fn RegisterPage<F, Fut>(
    /// The page's path, for the year filter.
    path: &'static str,
    /// Reads the register of a year, or of every year.
    fetch: F,
    /// The records' table; tenants' names are looked up as they load.
    table: fn(Vec<ActivityRecord>, Memo<Names>) -> AnyView,
    children: Children,
) -> impl IntoView
where
    F: Fn(Option<i32>) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Vec<ActivityRecord>, ApiError>> + 'static,
{
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let list = LocalResource::new(move || {
        let asked = params.get();
        async move { fetch(asked?.year).await }
    });
    let names = use_names();
    let shown = Signal::derive(move || chosen.get().year);
    let retry = Callback::new(move |()| list.refetch());
    let body = move || Suspend::new(async move { Ok::<_, ApiError>(table(list.await?, names)) });
    view! {
        {children()}
        <div class="filters">
            <YearSelect path params=chosen shown all_years=true />
        </div>
        <Loaded retry>{body}</Loaded>
    }
}

/// A public register's table: the count over it, its column headings, a row saying when the
/// period has nothing, then the rows. Meetings and contested acts differ only in their columns.
#[component]
fn RegisterTable(
    /// The table's id.
    id: &'static str,
    /// The CSV file's name.
    filename: &'static str,
    /// How many records, in words (`5 акта`).
    count: String,
    /// The caption, for screen readers.
    caption: &'static str,
    /// The column headings.
    headings: &'static [&'static str],
    /// Said in the empty table.
    empty: &'static str,
    /// The rows to save, the header row first.
    csv: Callback<(), Vec<Vec<String>>>,
    /// The records' rows, none when the period has none.
    rows: AnyView,
    /// Whether there are no rows.
    is_empty: bool,
) -> impl IntoView {
    let heads = headings
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view();
    let span = headings.len().to_string();
    view! {
        <ExportTable id filename rows=csv tools=view! { <span class="muted">{count}</span> }.into_any()>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>{heads}</tr>
            </thead>
            <tbody>
                {is_empty.then(|| view! {
                    <tr class="empty-row"><td colspan=span>{empty}</td></tr>
                })}
                {rows}
            </tbody>
        </ExportTable>
    }
}
