//! Files the server hands out to be opened elsewhere, written one way: CSV with a byte-order
//! mark (spreadsheet programs then read the Cyrillic as UTF-8), every cell defused so that none
//! runs as a formula, dates as the registers write them, sent as a download.

use antikor_shared::csv::defuse;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

/// A CSV table being written: its header, then rows of as many cells.
pub struct CsvTable {
    out: csv::Writer<Vec<u8>>,
}

impl CsvTable {
    /// A table with these column names.
    pub fn new(header: &[&str]) -> anyhow::Result<Self> {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(header)?;
        Ok(Self { out })
    }

    /// One row. Citizens and staff typed much of what goes here: every cell is defused.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> anyhow::Result<()> {
        let cells = cells.into_iter().map(|c| defuse(c.as_ref()).into_owned());
        Ok(self.out.write_record(cells)?)
    }

    /// The file's text, byte-order mark first.
    pub fn finish(self) -> anyhow::Result<String> {
        let bytes = self.out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(format!("\u{feff}{}", String::from_utf8(bytes)?))
    }
}

/// A day as the registers write it (`dd.mm.yyyy`); empty when there is none.
pub fn date(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

/// A CSV file sent as a download named `file_name` (ASCII).
pub fn csv_download(file_name: &'static str, text: String) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("an ASCII file name"),
            ),
        ],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_starts_with_a_byte_order_mark_and_runs_no_formula() {
        let mut table = CsvTable::new(&["Име", "Бележка"]).unwrap();
        table.row(["Мария", "=HYPERLINK(\"x\")"]).unwrap();
        let text = table.finish().unwrap();
        assert_eq!(
            text,
            "\u{feff}Име,Бележка\nМария,\"'=HYPERLINK(\"\"x\"\")\"\n"
        );
        assert_eq!(date(NaiveDate::from_ymd_opt(2026, 3, 2)), "02.03.2026");
        assert_eq!(date(None), "");
    }
}
