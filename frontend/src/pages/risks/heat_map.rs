//! The 5×5 heat map of a register's ratings as a table: likelihood in the rows (the most likely
//! on top, as risk maps are drawn), impact in the columns, each cell's count with its band named.

use super::band_class;
use crate::csv::ExportTable;
use antikor_shared::risk::{Band, Grid, Rating};
use antikor_shared::wire::code;
use leptos::prelude::*;

/// How likely, from 1 to 5, in a word (none off the scale).
pub fn likelihood(value: u8) -> String {
    match value {
        1 => t!("risks-likelihood-1"),
        2 => t!("risks-likelihood-2"),
        3 => t!("risks-likelihood-3"),
        4 => t!("risks-likelihood-4"),
        5 => t!("risks-likelihood-5"),
        _ => String::new(),
    }
}

/// How much harm, from 1 to 5, in a word (none off the scale).
pub fn impact(value: u8) -> String {
    match value {
        1 => t!("risks-impact-1"),
        2 => t!("risks-impact-2"),
        3 => t!("risks-impact-3"),
        4 => t!("risks-impact-4"),
        5 => t!("risks-impact-5"),
        _ => String::new(),
    }
}

/// A value of the scale with its word (`word` is [`likelihood`] or [`impact`]): "4 — вероятна".
pub fn scale_label(word: fn(u8) -> String, value: u8) -> String {
    format!("{value} — {}", word(value))
}

/// The heading of the corner cell, naming both axes.
fn corner() -> String {
    t!("risks-map-corner")
}

/// The scale's values from the most to the least likely: the rows' order.
const ROWS: [u8; 5] = [5, 4, 3, 2, 1];

/// The scale's values: the columns' order.
const COLUMNS: [u8; 5] = [1, 2, 3, 4, 5];

/// How many risks a grid holds in a cell.
fn count(grid: &Grid, likelihood: u8, impact: u8) -> u32 {
    grid.cells[usize::from(likelihood - 1)][usize::from(impact - 1)]
}

/// The heat map as CSV: the header row, then a row per likelihood, most likely first.
fn grid_csv(grid: &Grid) -> Vec<Vec<String>> {
    let mut rows = vec![
        std::iter::once(corner())
            .chain(COLUMNS.iter().map(|&i| scale_label(impact, i)))
            .collect(),
    ];
    rows.extend(ROWS.iter().map(|&l| {
        std::iter::once(scale_label(likelihood, l))
            .chain(COLUMNS.iter().map(|&i| count(grid, l, i).to_string()))
            .collect()
    }));
    rows
}

/// The bands' key, with their scores. Every cell and badge also names its band in words.
#[component]
pub fn BandLegend() -> impl IntoView {
    let items = Band::ALL
        .into_iter()
        .map(|band| {
            let scores = match band {
                Band::Low => "1–4",
                Band::Medium => "5–12",
                Band::High => "15–25",
            };
            view! {
                <li>
                    <span class=format!("swatch {}", band_class(band)) aria-hidden="true"></span>
                    {format!("{} ({scores})", band.label(crate::i18n::lang()))}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend" aria-label=t!("risks-legend-label")>{items}</ul> }
}

/// One heat map. Cells carry `data-likelihood`, `data-impact`, `data-band` and `data-count`.
#[component]
pub fn HeatMap(
    /// The table's id.
    id: &'static str,
    /// What it counts, and of which year.
    caption: String,
    /// The counts.
    grid: Grid,
    /// The CSV file's name.
    filename: String,
) -> impl IntoView {
    let total = grid.total();
    let header = COLUMNS
        .iter()
        .map(|&i| {
            view! {
                <th scope="col" class="heat-map__impact">
                    {i.to_string()}
                    <span class="heat-map__word">{impact(i)}</span>
                </th>
            }
        })
        .collect_view();
    let rows = ROWS
        .iter()
        .map(|&l| {
            let cells = COLUMNS
                .iter()
                .map(|&i| {
                    let rating = Rating {
                        likelihood: l,
                        impact: i,
                    };
                    let band = rating.band();
                    let n = count(&grid, l, i);
                    let title = t!(
                        "risks-map-cell-title",
                        likelihood = l,
                        impact = i,
                        score = rating.score(),
                        band = band.label(crate::i18n::lang()).to_lowercase(),
                        count = n,
                    );
                    view! {
                        <td
                            class=format!("heat-cell {}", band_class(band))
                            class:heat-cell--empty=n == 0
                            data-likelihood=l.to_string()
                            data-impact=i.to_string()
                            data-band=code(band)
                            data-count=n.to_string()
                            title=title
                        >
                            <span class="heat-cell__count">{n.to_string()}</span>
                            <span class="heat-cell__band">{band.label(crate::i18n::lang())}</span>
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="heat-map__likelihood">
                        {l.to_string()}
                        <span class="heat-map__word">{likelihood(l)}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let csv_grid = grid.clone();
    let csv = Callback::new(move |()| grid_csv(&csv_grid));
    let tools = view! { <span class="muted" id=format!("{id}-total")>{t!("risks-map-total", count = total)}</span> };
    view! {
        <section class="heat-map-box">
            <ExportTable id class="heat-map" filename rows=csv tools=tools.into_any()>
                <caption id=format!("{id}-caption")>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{corner()}</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </ExportTable>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_map_has_the_most_likely_row_first() {
        let mut grid = Grid::default();
        grid.add(Rating {
            likelihood: 3,
            impact: 4,
        });
        let rows = grid_csv(&grid);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0][0], corner());
        assert_eq!(rows[0][5], "5 — тежко");
        assert_eq!(rows[1][0], "5 — почти сигурна");
        // Likelihood 3 is the third row of the five, impact 4 the fourth column.
        assert_eq!(rows[3][0], "3 — възможна");
        assert_eq!(rows[3][4], "1");
        assert_eq!(
            rows.iter().skip(1).flatten().filter(|c| *c == "1").count(),
            1
        );
    }

    #[test]
    fn scale_values_are_named() {
        assert_eq!(scale_label(likelihood, 1), "1 — рядка");
        assert_eq!(scale_label(impact, 5), "5 — тежко");
    }
}
