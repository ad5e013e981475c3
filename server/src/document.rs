//! The annual report as a Word document (DOCX, written with `docx-rs`) the council's secretary
//! edits and signs: A4, a cover, a table of contents Word fills in, page numbers, headings kept
//! with what follows them, and the same tables as the page and its CSV files.

use antikor_shared::i18n::Lang;
use antikor_shared::report::{
    AnnualReport, ReportMeasure, ReportTable, evidence_text, level_text, measure_terms,
};
use antikor_shared::text::date_bg;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, RunFonts, Style,
    StyleType, Table, TableCell, TableOfContents, TableRow, WidthType,
};
use std::io::Cursor;

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// The text's width on A4 between 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;
/// Font sizes in half-points.
const BODY: usize = 22;
const SMALL: usize = 18;

/// The report as a DOCX file's bytes.
pub fn annual_report(report: &AnnualReport) -> anyhow::Result<Vec<u8>> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(1_134)
                .bottom(1_134)
                .left(1_134)
                .right(1_134),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(BODY)
        .add_style(heading("Heading1", "heading 1", 1, 32))
        .add_style(heading("Heading2", "heading 2", 2, 26))
        .add_style(heading("Heading3", "heading 3", 3, BODY))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("Стр. ").size(SMALL))
                    .add_page_num(PageNum::new()),
            ),
        );
    doc = cover(doc, report);
    doc = doc
        .add_paragraph(text("Съдържание").bold().size(28).keep_next(true))
        .add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 2)
                .alias("Съдържание")
                .auto()
                // Word fills in the page numbers when it opens the file.
                .dirty(),
        )
        .add_paragraph(page_break());

    doc = doc.add_paragraph(head(1, "Изпълнение на мерките"));
    for section in &report.sections {
        doc = doc.add_paragraph(head(2, &format!("{}. {}", section.numeral, section.title)));
        for measure in &section.measures {
            doc = measure_part(doc, report, measure);
        }
    }

    doc = doc.add_paragraph(head(1, "Обобщение по институции"));
    doc = table(doc, &report.institutions_table(Lang::Bg));
    let silent: Vec<&str> = report.not_reported().map(|i| i.name.bg.as_str()).collect();
    doc = doc.add_paragraph(head(2, "Институции без отчет"));
    doc = doc.add_paragraph(text(&if silent.is_empty() {
        "Всички институции са отчели поне една мярка.".to_owned()
    } else {
        format!(
            "{} от {} институции {} нито един отчет за {} г.: {}.",
            silent.len(),
            report.institutions.len(),
            antikor_shared::text::plural(silent.len() as u64, "няма", "нямат"),
            report.year,
            silent.join(", ")
        )
    }));

    doc = doc.add_paragraph(head(1, "Дейности"));
    for list in &report.activities {
        doc = doc.add_paragraph(head(2, &list.kind.label(Lang::Bg)));
        if list.items.is_empty() {
            doc = doc.add_paragraph(text("Няма записани през годината."));
        } else {
            doc = table(doc, &report.activity_table(list, Lang::Bg));
        }
    }

    doc = doc.add_paragraph(head(1, "Сигнали за корупция"));
    doc = table(doc, &report.signals_table(Lang::Bg));
    doc = table(doc, &report.signal_categories_table(Lang::Bg));

    doc = doc.add_paragraph(head(1, "Корупционни рискове"));
    doc = table(doc, &report.risks_table(Lang::Bg));

    doc = doc
        .add_paragraph(text(""))
        .add_paragraph(text("Изготвил: ………………………………"))
        .add_paragraph(text("Дата: ………………………"));

    let mut out = Cursor::new(Vec::new());
    doc.pack(&mut out)?;
    Ok(out.into_inner())
}

/// A heading style Word lists in its table of contents.
fn heading(id: &str, name: &str, level: usize, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1)
        .size(size)
        .bold()
}

/// A heading kept on the page of what follows it.
fn head(level: usize, title: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(title))
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .keep_lines(true)
}

/// A paragraph of plain text; its lines are never left alone at a page's top or bottom.
fn text(line: &str) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(line))
        .widow_control(true)
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// The cover page.
fn cover(doc: Docx, report: &AnnualReport) -> Docx {
    let centered = |line: &str, size: usize| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(line).size(size))
    };
    let reported = report.institutions.iter().filter(|i| i.reported()).count();
    doc.add_paragraph(centered(&report.issuer(Lang::Bg), 26))
        .add_paragraph(centered("", BODY))
        .add_paragraph(centered("", BODY))
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(report.title(Lang::Bg)).size(40).bold()),
        )
        .add_paragraph(centered(&report.plan_title, BODY))
        .add_paragraph(centered("", BODY))
        .add_paragraph(centered(
            &format!(
                "Състояние към {} г., според отчетите на институциите ({reported} от {} са отчели поне една мярка).",
                date_bg(report.today),
                report.institutions.len()
            ),
            BODY,
        ))
        .add_paragraph(page_break())
}

/// One measure: its text, deadline and who answers for it, then each institution's level
/// (with what was done and what shows it, where the reader sees it).
fn measure_part(doc: Docx, report: &AnnualReport, m: &ReportMeasure) -> Docx {
    let measure = &m.measure;
    let mut doc = doc
        .add_paragraph(head(
            3,
            &format!("{} {}", measure.number_in_source, measure.text),
        ))
        .add_paragraph(
            Paragraph::new().keep_next(true).add_run(
                Run::new()
                    .add_text(measure_terms(measure, Lang::Bg))
                    .size(SMALL),
            ),
        );
    if let Some(reason) = &m.withdrawn {
        return doc.add_paragraph(text(&format!("Оттеглена: {reason}")));
    }
    let detailed = report.detailed();
    let mut columns = vec!["Институция", "Степен"];
    if detailed {
        columns.extend(["Какво е направено", "Доказателства"]);
    }
    let rows = m
        .levels
        .iter()
        .map(|l| {
            let mut row = vec![
                report.name_of(l.tenant.as_str(), Lang::Bg),
                level_text(l.level, Lang::Bg),
            ];
            if detailed {
                let d = l.detail.as_ref();
                row.push(d.map(|d| d.note.clone()).unwrap_or_default());
                row.push(
                    d.map(|d| {
                        d.evidence
                            .iter()
                            .map(evidence_text)
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    doc = table(
        doc,
        &ReportTable {
            caption: String::new(),
            columns: columns.into_iter().map(str::to_owned).collect(),
            rows,
        },
    );
    doc
}

/// A table with its caption above it, its header row in bold, rows never split across pages.
fn table(doc: Docx, t: &ReportTable) -> Docx {
    let cell = |value: &str, bold: bool| {
        // A cell's line breaks stay line breaks in Word.
        let mut run = Run::new().size(SMALL);
        for (i, line) in value.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        if bold {
            run = run.bold();
        }
        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
    };
    let header = TableRow::new(t.columns.iter().map(|c| cell(c, true)).collect()).cant_split();
    let rows = std::iter::once(header).chain(
        t.rows
            .iter()
            .map(|row| TableRow::new(row.iter().map(|v| cell(v, false)).collect()).cant_split()),
    );
    let doc = if t.caption.is_empty() {
        doc
    } else {
        doc.add_paragraph(
            Paragraph::new()
                .keep_next(true)
                .add_run(Run::new().add_text(&t.caption).italic()),
        )
    };
    doc.add_table(Table::new(rows.collect()).width(TEXT_WIDTH, WidthType::Dxa))
        .add_paragraph(text(""))
}
