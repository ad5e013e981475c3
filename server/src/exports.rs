//! Files the server hands out to be opened elsewhere, written one way: CSV with a byte-order
//! mark (spreadsheet programs then read the Cyrillic as UTF-8), every cell defused so that none
//! runs as a formula, dates as the registers write them, sent as a download.

use antikor_shared::csv::defuse;
use antikor_shared::text::date_bg;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use futures::StreamExt;

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
    day.map(date_bg).unwrap_or_default()
}

/// A CSV file sent as a download named `file_name` (ASCII).
pub fn csv_download(file_name: &'static str, text: String) -> Response {
    download_headers(file_name, text)
}

/// A CSV body with the headers of a download named `file_name`.
fn download_headers(file_name: &'static str, body: impl IntoResponse) -> Response {
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
        body,
    )
        .into_response()
}

/// A stored file sent as a download, never shown inline (a file someone uploaded must not run
/// as a page): its name reduced to ASCII for the header.
pub fn file_download(name: &str, media_type: &str, bytes: Vec<u8>) -> anyhow::Result<Response> {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_str(media_type)?),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)?,
            ),
        ],
        bytes,
    )
        .into_response())
}

/// One batch of a long table's rows, and where the next batch starts (`None`: the last one).
pub type Rows = (Vec<Vec<String>>, Option<String>);

/// A CSV file of a long list sent as a download while it is written, one batch of rows at a
/// time: the file never sits whole in memory, and each batch is read under its own short look
/// at the read models (`batch` gets the cursor the previous one gave), so writers are not held
/// up while a large file goes out. An error in a later batch cuts the download short, which
/// the browser reports as a failed download rather than a complete file.
pub fn csv_download_paged<F>(
    file_name: &'static str,
    header: &'static [&'static str],
    batch: F,
) -> Response
where
    F: FnMut(Option<String>) -> anyhow::Result<Rows> + Send + 'static,
{
    /// Where the download is; `Done` once the last batch went out or one failed.
    enum Step<F> {
        First(F),
        After(String, F),
        Done,
    }
    let body = futures::stream::unfold(Step::First(batch), move |step| async move {
        let (after, first, mut batch) = match step {
            Step::Done => return None,
            Step::First(batch) => (None, true, batch),
            Step::After(cursor, batch) => (Some(cursor), false, batch),
        };
        // A batch is a few milliseconds of reading and writing: on a blocking thread, so that
        // a long download never holds up the requests that share the runtime's workers.
        let written = tokio::task::spawn_blocking(move || {
            let chunk = batch(after).and_then(|(rows, next)| {
                let mut out = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::new());
                if first {
                    out.write_record(header)?;
                }
                for row in rows {
                    out.write_record(row.iter().map(|c| defuse(c).into_owned()))?;
                }
                let mut bytes = out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
                if first {
                    bytes.splice(0..0, "\u{feff}".bytes());
                }
                Ok((bytes, next))
            });
            (chunk, batch)
        })
        .await
        .map_err(anyhow::Error::from);
        Some(match written {
            Ok((Ok((bytes, next)), batch)) => {
                let step = next.map_or(Step::Done, |cursor| Step::After(cursor, batch));
                (Ok(axum::body::Bytes::from(bytes)), step)
            }
            Ok((Err(e), _)) | Err(e) => {
                tracing::error!(error = %e, "a CSV download was cut short");
                (Err(std::io::Error::other(e)), Step::Done)
            }
        })
    });
    // The compression layer polls a body once more after its end; a bare `unfold` panics on
    // that, a fused stream answers the end again.
    download_headers(file_name, axum::body::Body::from_stream(body.fuse()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of a paged download whose batches are `batches` (rows, or a failure), in order.
    async fn paged(batches: Vec<anyhow::Result<Vec<&'static str>>>) -> Result<String, String> {
        let mut batches = batches.into_iter().enumerate();
        let response = csv_download_paged("x.csv", &["Име"], move |after| {
            let (n, batch) = batches.next().expect("no batch after the last");
            assert_eq!(
                after,
                (n > 0).then(|| format!("c{n}")),
                "the cursor given back"
            );
            let rows = batch?.into_iter().map(|r| vec![r.to_owned()]).collect();
            let more = batches.len() > 0;
            Ok((rows, more.then(|| format!("c{}", n + 1))))
        });
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .map(|b| String::from_utf8(b.to_vec()).unwrap())
            .map_err(|e| e.to_string())
    }

    #[tokio::test]
    async fn a_paged_download_writes_its_batches_in_order_and_a_failure_cuts_it_short() {
        let whole = paged(vec![
            Ok(vec!["Мария", "=1+1"]),
            Ok(vec![]),
            Ok(vec!["Иван"]),
        ])
        .await;
        assert_eq!(whole.unwrap(), "\u{feff}Име\nМария\n'=1+1\nИван\n");
        let cut = paged(vec![Ok(vec!["Мария"]), Err(anyhow::anyhow!("диск"))]).await;
        assert!(
            cut.is_err(),
            "a failed batch must not pass for the file's end: {cut:?}"
        );
    }

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
