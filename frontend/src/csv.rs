//! CSV export of the tables: built in the browser from the same list of columns that heads the
//! table on the page (from the rows loaded, or the whole of a paged list), or by the server.

use crate::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;

/// The byte order mark: Excel opens a UTF-8 CSV as Windows-1251 without it, and the Cyrillic
/// text then comes out garbled.
const BOM: char = '\u{FEFF}';

/// One cell, always quoted (quotes inside doubled, RFC 4180), defused by the rule every export
/// shares (`antikor_shared::csv::defuse`): it must never run as a formula in a spreadsheet.
fn cell(value: &str) -> String {
    let guarded = antikor_shared::csv::defuse(value);
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// The whole file: a byte order mark, then the rows, comma separated, CRLF line ends.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        let line: Vec<String> = row.iter().map(|v| cell(v)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One column of a data table: its heading, over the HTML column and in the CSV, and its cell
/// as text for the CSV. `R` is the row's record, `C` what naming it needs (tenant names, say).
///
/// Its heading is a function that writes it in the page's language, `|| t!(id)`: a `const`
/// list of columns cannot call `t!` itself.
pub struct Column<R, C: ?Sized = ()> {
    /// Writes the heading.
    pub heading: fn() -> String,
    /// The cell as CSV text; `None` for a column of controls, which the file leaves out.
    pub text: Option<fn(&R, &C) -> String>,
    /// Whether the page shows it: some details go to the file only.
    pub shown: bool,
    /// The class of its heading, e.g. `num`.
    pub class: &'static str,
}

impl<R, C: ?Sized> Column<R, C> {
    /// A column of the page and of the file, its heading a message: `|| t!(id)`.
    pub const fn both(heading: fn() -> String, text: fn(&R, &C) -> String) -> Self {
        Self::headed(heading, Some(text), true)
    }

    /// A column of the file only, its heading a message: `|| t!(id)`.
    pub const fn file_only(heading: fn() -> String, text: fn(&R, &C) -> String) -> Self {
        Self::headed(heading, Some(text), false)
    }

    /// A column of the page only (its controls), its heading a message: `|| t!(id)`.
    pub const fn page_only(heading: fn() -> String) -> Self {
        Self::headed(heading, None, true)
    }

    const fn headed(
        heading: fn() -> String,
        text: Option<fn(&R, &C) -> String>,
        shown: bool,
    ) -> Self {
        Self {
            heading,
            text,
            shown,
            class: "",
        }
    }

    /// The same column, its heading of class `class`.
    pub const fn class(self, class: &'static str) -> Self {
        Self { class, ..self }
    }
}

/// The CSV of `records` under `columns`: the header row, then a row per record.
pub fn csv_rows<R, C: ?Sized>(
    columns: &[Column<R, C>],
    records: &[R],
    naming: &C,
) -> Vec<Vec<String>> {
    let exported = || {
        columns
            .iter()
            .filter_map(|c| c.text.map(|text| (c.heading, text)))
    };
    let mut rows = vec![exported().map(|(heading, _)| heading()).collect()];
    rows.extend(
        records
            .iter()
            .map(|r| exported().map(|(_, text)| text(r, naming)).collect()),
    );
    rows
}

/// The headings of a table's head row: a `<th scope="col">` per column the page shows.
pub fn headings<'a, R: 'a, C: ?Sized + 'a>(
    columns: impl IntoIterator<Item = &'a Column<R, C>>,
) -> impl IntoView {
    columns
        .into_iter()
        .filter(|c| c.shown)
        .map(|c| {
            let class = (!c.class.is_empty()).then_some(c.class);
            view! { <th scope="col" class=class>{(c.heading)()}</th> }
        })
        .collect_view()
}

/// Offers `text` as a download named `filename`, through a `blob:` URL and an `<a download>`.
///
/// The page's CSP does not govern downloads (they are navigations, not fetches), so this works
/// under `default-src 'self'`; the browser test checks that the file arrives.
fn save(filename: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_class_name("visually-hidden");
    let body = document()
        .body()
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // The download has started by now; the URL is released a little later all the same, as
    // some browsers read the blob asynchronously.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Rows of a file read when the button is clicked, the header row first.
type RowsLater = Pin<Box<dyn Future<Output = Result<Vec<Vec<String>>, ApiError>>>>;

/// Where a table's CSV file comes from.
#[derive(Clone, Copy)]
pub enum CsvSource {
    /// Built in the browser at the click from the rows the page holds, the header row first.
    Rows(Callback<(), Vec<Vec<String>>>),
    /// Built in the browser at the click from rows read then: a paged table's page holds only
    /// part of its list, and the file must have all of it.
    Load(Callback<(), RowsLater>),
    /// Built by the server at this address: the button is a plain download link (same origin,
    /// so the session cookie goes along).
    Server(Signal<String>),
}

impl CsvSource {
    /// A file of rows read at the click, e.g. every page of a paged list.
    pub fn load<Fut>(rows: impl Fn() -> Fut + Send + Sync + 'static) -> Self
    where
        Fut: Future<Output = Result<Vec<Vec<String>>, ApiError>> + 'static,
    {
        Self::Load(Callback::new(move |()| Box::pin(rows()) as RowsLater))
    }
}

impl From<Callback<(), Vec<Vec<String>>>> for CsvSource {
    fn from(rows: Callback<(), Vec<Vec<String>>>) -> Self {
        Self::Rows(rows)
    }
}

/// Said when the browser could not make the file.
fn not_saved() -> String {
    t!("shell-csv-not-saved")
}

/// A button that saves a table as CSV, from `rows` (see [`CsvSource`]).
#[component]
pub fn CsvButton(
    /// The table's id; the button's id is `{table}-csv`.
    table: &'static str,
    /// The file's name, e.g. `plan-2017.csv`.
    #[prop(into)]
    filename: String,
    /// Where the file comes from.
    #[prop(into)]
    rows: CsvSource,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = format!("{table}-csv");
    let button = match rows {
        CsvSource::Server(href) => view! {
            <a
                id=id
                class="button button--small csv-button"
                data-table=table
                href=move || href.get()
                download=filename
            >
                {t!("shell-csv-download")}
            </a>
        }
        .into_any(),
        CsvSource::Rows(rows) => {
            let on_click = move |_| {
                let text = to_csv(&rows.run(()));
                failed.set(save(&filename, &text).is_err().then(not_saved));
            };
            view! {
                <button type="button" id=id class="button button--small csv-button" data-table=table on:click=on_click>
                    {t!("shell-csv-download")}
                </button>
            }
            .into_any()
        }
        CsvSource::Load(rows) => {
            let on_click = move |_| {
                if busy.get_untracked() {
                    return;
                }
                busy.set(true);
                failed.set(None);
                let read = rows.run(());
                let filename = filename.clone();
                spawn_local(async move {
                    let outcome = match read.await {
                        Ok(rows) => save(&filename, &to_csv(&rows)).is_err().then(not_saved),
                        Err(error) => Some(t!("shell-csv-not-built", error = error.to_string())),
                    };
                    busy.try_set(false);
                    failed.try_set(outcome);
                });
            };
            view! {
                <button
                    type="button"
                    id=id
                    class="button button--small csv-button"
                    data-table=table
                    disabled=move || busy.get()
                    aria-busy=move || busy.get().to_string()
                    on:click=on_click
                >
                    {t!("shell-csv-download")}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <span class="csv-export">
            {button}
            {move || failed.get().map(|text| view! {
                <span class="field__help field__help--error" role="alert">{text}</span>
            })}
        </span>
    }
}

/// A data table with its tools row (`tools`, then the CSV button) above it, in a box that
/// scrolls sideways on narrow screens. `children` are the table's caption, head and body; the
/// caption's id is `{id}-caption`, which names the box for keyboard and screen-reader users.
///
/// Every table that shows data goes through here, so none can lose its export.
#[component]
pub fn ExportTable(
    /// The table's id; the button's id is `{id}-csv`.
    id: &'static str,
    /// Classes after `data-table`, e.g. `plan-table`.
    #[prop(optional)]
    class: &'static str,
    /// The file's name, e.g. `plan-2017.csv`.
    #[prop(into)]
    filename: String,
    /// Where the file comes from: usually the rows to save, the header row first.
    #[prop(into)]
    rows: CsvSource,
    /// What stands left of the button: a count, a legend, a hint; an empty slot keeps the
    /// button on the right.
    #[prop(optional)]
    tools: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "data-table".to_owned()
    } else {
        format!("data-table {class}")
    };
    let tools = match tools {
        Some(tools) => tools,
        None => view! { <span></span> }.into_any(),
    };
    view! {
        <div class="table-tools">
            {tools}
            <CsvButton table=id filename rows />
        </div>
        // Focusable, so that a keyboard can scroll what does not fit (WCAG 2.1.1); a region
        // named by the caption, so that the focus says where it is.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
            <table id=id class=class>
                {children()}
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_is_quoted_and_quotes_are_doubled() {
        let rows = vec![
            vec!["№".to_owned(), "Мярка".to_owned()],
            vec![
                "1.".to_owned(),
                "Текст с \"кавички\", запетая\nи нов ред".to_owned(),
            ],
        ];
        assert_eq!(
            to_csv(&rows),
            "\u{FEFF}\"№\",\"Мярка\"\r\n\"1.\",\"Текст с \"\"кавички\"\", запетая\nи нов ред\"\r\n"
        );
    }

    #[test]
    fn formulas_are_defused_but_numbers_kept() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("+359 73 881 200"), "\"'+359 73 881 200\"");
        assert_eq!(cell("-5"), "\"-5\"");
        assert_eq!(cell("42"), "\"42\"");
        assert_eq!(cell(""), "\"\"");
    }

    #[test]
    fn the_file_takes_the_columns_that_have_text() {
        let columns: [Column<(u32, &str), str>; 3] = [
            Column::both(|| "№".to_owned(), |r, _| r.0.to_string()),
            Column::page_only(|| "Действия".to_owned()),
            Column::file_only(|| "Име".to_owned(), |r, suffix| format!("{}{suffix}", r.1)),
        ];
        assert_eq!(
            csv_rows(&columns, &[(1, "Банско")], "!"),
            [vec!["№", "Име"], vec!["1", "Банско!"]]
        );
    }

    #[test]
    fn an_empty_table_is_just_the_mark() {
        assert_eq!(to_csv(&[]), "\u{FEFF}");
    }
}
