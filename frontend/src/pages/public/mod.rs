//! Public pages: meetings, contested acts, the council's contacts, how to report corruption.

mod contested_acts;
mod council;
mod meetings;
mod report_corruption;

pub use contested_acts::ContestedActsPage;
pub use council::CouncilPage;
pub use meetings::MeetingsPage;
pub use report_corruption::ReportCorruptionPage;

use crate::api::{ApiError, Page, PageAt};
use crate::controls::{YearSelect, use_view_params};
use crate::csv::{CsvSource, ExportTable};
use crate::pages::activities::{Names, use_names};
use crate::paging::{Paged, PagedList};
use antikor_shared::views::ActivityRecord;
use leptos::prelude::*;
use std::future::Future;

/// What tells one public register's table from the other: its ids, words and columns.
#[derive(Clone, Copy)]
struct Register {
    /// The table's id.
    id: &'static str,
    /// What the ids of the paging controls start with (`{paging}-more`).
    paging: &'static str,
    /// The CSV file's name.
    filename: &'static str,
    /// How many records the whole register holds, in words (`5 acts`).
    count: fn(u64) -> String,
    /// The caption, for screen readers.
    caption: fn() -> String,
    /// The column headings of the page.
    headings: fn() -> Vec<String>,
    /// Said in the empty table.
    empty: fn() -> String,
    /// The column headings of the file, which has every field.
    csv_headings: fn() -> Vec<String>,
    /// A record's row of the file; `None` for a record of another kind.
    csv_row: fn(&ActivityRecord, &Names) -> Option<Vec<String>>,
    /// A record's row of the table; tenants' names are looked up as they load.
    row: fn(ActivityRecord, Memo<Names>) -> AnyView,
}

impl Register {
    /// The file of `records`: the header row, then a row per record of the register's kind.
    fn csv(&self, records: &[ActivityRecord], names: &Names) -> Vec<Vec<String>> {
        let mut rows = vec![(self.csv_headings)()];
        rows.extend(records.iter().filter_map(|r| (self.csv_row)(r, names)));
        rows
    }
}

/// A public register's page (meetings, contested acts): its heading and lead as `children`,
/// the year filter, and the register's table of the year the address asks for, or of every
/// year, a page at a time.
#[component]
fn RegisterPage<F, Fut>(
    /// The page's path, for the year filter.
    path: &'static str,
    /// Reads a page of the register of a year, or of every year.
    fetch: F,
    /// The register's table.
    register: Register,
    children: Children,
) -> impl IntoView
where
    F: Fn(Option<i32>, PageAt) -> Fut + 'static,
    Fut: Future<Output = Result<Page<ActivityRecord>, ApiError>> + 'static,
{
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    // Only the year filters a register: other values in the address do not reload it.
    let list = Paged::new(move || params.get().map(|p| p.year), fetch);
    let names = use_names();
    let shown = Signal::derive(move || chosen.get().year);
    view! {
        {children()}
        <div class="filters">
            <YearSelect path params=chosen shown all_years=true />
        </div>
        <PagedList list id=register.paging>
            <RegisterTable list register names />
        </PagedList>
    }
}

/// A public register's table: the count over it, its column headings, a row saying when the
/// period has nothing, then the rows loaded. The file has the whole register of the period.
#[component]
fn RegisterTable(
    list: Paged<ActivityRecord>,
    register: Register,
    names: Memo<Names>,
) -> impl IntoView {
    let headings = (register.headings)();
    let span = headings.len().to_string();
    let heads = headings
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let total = list.total();
    let count = list.count();
    let csv = CsvSource::load(move || {
        let all = list.load_all();
        async move {
            let records = all.await?;
            let names = names.try_get_untracked().unwrap_or_default();
            Ok(register.csv(&records, &names))
        }
    });
    let tools = view! { <span class="muted">{move || (register.count)(total.get())}</span> };
    view! {
        <ExportTable id=register.id filename=register.filename rows=csv tools=tools.into_any()>
            <caption id=format!("{}-caption", register.id) class="visually-hidden">{(register.caption)()}</caption>
            <thead>
                <tr>{heads}</tr>
            </thead>
            <tbody>
                {move || (count.get() == 0).then(|| view! {
                    <tr class="empty-row"><td colspan=span.clone()>{(register.empty)()}</td></tr>
                })}
                {list.rows(move |record| (register.row)(record, names))}
            </tbody>
        </ExportTable>
    }
}
