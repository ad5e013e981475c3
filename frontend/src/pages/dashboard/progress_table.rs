//! The dashboard's progress table: every measure with its latest report, and the form to report anew.

use crate::api::{self, ApiError};
use crate::charts::{level_class, level_code, level_label};
use crate::controls::today;
use crate::csv::ExportTable;
use crate::directory::{PeopleMap, actor_name, use_people};
use crate::form::{DateInput, FormError, date_error, reload_row, use_submit};
use crate::format::date_bg;
use crate::pages::audit::Filters;
use crate::upload::FileUpload;
use antikor_shared::TenantId;
use antikor_shared::files::FileRef;
use antikor_shared::progress::{CompletionLevel, Evidence};
use antikor_shared::streams;
use antikor_shared::views::{ProgressRow, ReportProgress, TenantProgress};
use antikor_shared::wire::from_code;
use leptos::prelude::*;
use leptos_router::components::A;

/// Evidence typed one per line: web addresses become links, anything else a document
/// reference.
pub fn parse_evidence(text: &str) -> Vec<Evidence> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l.starts_with("http://") || l.starts_with("https://") {
                Evidence::Link(l.to_owned())
            } else {
                Evidence::Document(l.to_owned())
            }
        })
        .collect()
}

/// The files among a report's evidence, which a new report carries on.
pub fn report_files(evidence: &[Evidence]) -> Vec<FileRef> {
    evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::File(file) => Some(file.clone()),
            Evidence::Link(_) | Evidence::Document(_) => None,
        })
        .collect()
}

/// The files of the report being written: those of the last report and those uploaded now,
/// each of which can be left out, and the picker that adds more.
#[component]
fn ReportFiles(
    files: RwSignal<Vec<FileRef>>,
    /// Files still being uploaded (the report waits for them).
    uploading: RwSignal<usize>,
    /// The picker's id.
    input: String,
) -> impl IntoView {
    let uploaded = Callback::new(move |file: FileRef| {
        files.update(|list| {
            if !list.contains(&file) {
                list.push(file);
            }
        });
    });
    let list = move || {
        files
            .get()
            .into_iter()
            .map(|file| {
                let sha = file.sha256.clone();
                let remove = move |_| files.update(|list| list.retain(|f| f.sha256 != sha));
                view! {
                    <li class="report-file" data-sha256=file.sha256.clone()>
                        {file.name.clone()}
                        <span class="muted small">{format!(" ({})", file.size_label())}</span>
                        " "
                        <button type="button" class="button button--small report-file-remove" on:click=remove>
                            {t!("work-progress-remove-file", name = &file.name)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="report-files">
            <span>{t!("work-progress-files")}</span>
            <ul class="row-list">{list}</ul>
            <FileUpload id=input uploaded sending=uploading />
        </div>
    }
}

/// Evidence back as the form's lines (files are not lines: they are listed beside the form).
pub fn evidence_text(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Link(v) | Evidence::Document(v) => Some(v.as_str()),
            Evidence::File(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The progress table as CSV, reporters by name.
fn progress_csv(rows: &[ProgressRow], people: &PeopleMap) -> Vec<Vec<String>> {
    let mut out = vec![vec![
        t!("work-progress-column-measure"),
        t!("work-progress-column-number"),
        t!("work-progress-column-text"),
        t!("work-progress-column-deadline"),
        t!("work-progress-column-level"),
        t!("work-progress-column-note"),
        t!("work-progress-column-evidence"),
        t!("work-progress-column-reported-for"),
        t!("work-progress-column-reported-by"),
        t!("work-progress-column-overdue"),
    ]];
    for r in rows {
        let s = r.status.as_ref();
        out.push(vec![
            r.key.clone(),
            r.number_in_source.clone(),
            r.text.clone(),
            r.deadline.label(crate::i18n::lang()),
            level_label(s.map(|s| s.level)).to_owned(),
            s.map(|s| s.note.clone()).unwrap_or_default(),
            s.map(|s| evidence_text(&s.evidence).replace('\n', "; "))
                .unwrap_or_default(),
            s.map(|s| date_bg(s.reported_for)).unwrap_or_default(),
            s.map(|s| actor_name(people, &s.reported_by))
                .unwrap_or_default(),
            if r.overdue {
                t!("work-progress-yes")
            } else {
                t!("work-progress-no")
            },
        ]);
    }
    out
}

/// The institution's progress table, with a report form per measure when the user may report.
#[component]
pub(super) fn ProgressTable(
    progress: TenantProgress,
    can_report: bool,
    on_saved: Callback<()>,
) -> impl IntoView {
    let year = progress.year;
    let tenant = progress.tenant.to_string();
    let rows: Vec<RwSignal<ProgressRow>> = progress.rows.into_iter().map(RwSignal::new).collect();
    let csv_rows = rows.clone();
    let people = use_people();
    let csv = Callback::new(move |()| {
        let current: Vec<ProgressRow> = csv_rows.iter().map(|r| r.get_untracked()).collect();
        progress_csv(&current, &people.map_untracked())
    });
    let body = rows
        .into_iter()
        .map(|row| {
            let tenant = progress.tenant.clone();
            view! { <ProgressRowView row tenant year can_report on_saved /> }
        })
        .collect_view();
    view! {
        <ExportTable
            id="progress-table"
            filename=format!("otchet-{tenant}-{year}.csv")
            rows=csv
            tools=view! {
                <span class="muted small">
                    {if can_report {
                        t!("work-progress-hint-report")
                    } else {
                        t!("work-progress-read-only")
                    }}
                </span>
            }
                .into_any()
        >
            <caption id="progress-table-caption">{t!("work-progress-caption", year = year.to_string())}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("work-progress-column-measure")}</th>
                    <th scope="col">{t!("work-progress-column-deadline")}</th>
                    <th scope="col">{t!("work-progress-column-level")}</th>
                    <th scope="col">{t!("work-progress-column-notes")}</th>
                    {can_report.then(|| view! { <th scope="col">{t!("work-progress-column-report")}</th> })}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </ExportTable>
    }
}

/// The levels a report can choose, built afresh each time the form opens: a built view is
/// not `Clone` once components are type-erased.
fn level_options() -> impl IntoView {
    CompletionLevel::ALL
        .into_iter()
        .map(
            |l| view! { <option value=level_code(Some(l))>{l.label(crate::i18n::lang())}</option> },
        )
        .collect_view()
}

/// Reads a measure's row again, with the latest report, as the server now has it.
async fn reload(year: i32, row: RwSignal<ProgressRow>) -> Result<(), ApiError> {
    let key = row.with_untracked(|r| r.key.clone());
    let progress = async move { Ok(api::progress(None, Some(year), None).await?.rows) };
    let gone = t!("work-progress-measure-gone");
    reload_row(row, progress, move |r| r.key == key, &gone).await
}

/// One measure with its latest report and, for those who may, a form to report anew.
#[component]
fn ProgressRowView(
    row: RwSignal<ProgressRow>,
    tenant: TenantId,
    year: i32,
    can_report: bool,
    on_saved: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let start = row.get_untracked();
    let status = start.status.clone();
    let level = RwSignal::new(
        level_code(Some(
            status
                .as_ref()
                .map_or(CompletionLevel::NotStarted, |s| s.level),
        ))
        .to_owned(),
    );
    let note = RwSignal::new(status.as_ref().map(|s| s.note.clone()).unwrap_or_default());
    let evidence = RwSignal::new(
        status
            .as_ref()
            .map(|s| evidence_text(&s.evidence))
            .unwrap_or_default(),
    );
    // The report's files are kept apart from the typed lines: a new report carries them on,
    // so that reporting again never drops a document already attached.
    let files = RwSignal::new(
        status
            .as_ref()
            .map(|s| report_files(&s.evidence))
            .unwrap_or_default(),
    );
    let uploading = RwSignal::new(0usize);
    let reported_for = RwSignal::new(today().to_string());
    let form = use_submit();
    let done = RwSignal::new(false);
    let key = start.key.clone();
    let date_id = format!("report-date-{key}");

    let submit = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let Ok(day) = reported_for.get_untracked().trim().parse() else {
                return form.fail(date_error(&t!("work-progress-date-field")));
            };
            let Some(level) = from_code(&level.get_untracked()) else {
                return form.fail(t!("work-progress-level-missing"));
            };
            if uploading.get_untracked() > 0 {
                return form.fail(t!("work-progress-files-uploading"));
            }
            let mut proof = parse_evidence(&evidence.get_untracked());
            proof.extend(files.get_untracked().into_iter().map(Evidence::File));
            let body = ReportProgress {
                level,
                note: note.get_untracked().trim().to_owned(),
                evidence: proof,
                reported_for: day,
                // The version this form was filled against: a report made since is a conflict.
                expected_version: row
                    .with_untracked(|r| r.status.as_ref().map_or(0, |s| s.version)),
            };
            done.set(false);
            let call = {
                let key = key.clone();
                async move { api::report_progress(year, &key, &body).await }
            };
            form.send_versioned(
                call,
                reload(year, row),
                t!("work-progress-reloaded"),
                move |saved| {
                    row.set(saved);
                    open.set(false);
                    done.set(true);
                    on_saved.run(());
                },
            );
        }
    };

    let id = key.replace('.', "-");
    let form_id = format!("report-{id}");
    let level_attr = move || row.with(|r| level_code(r.status.as_ref().map(|s| s.level)));
    let level_text = move || row.with(|r| level_label(r.status.as_ref().map(|s| s.level)));
    let details = move || {
        row.with(|r| {
            r.status.as_ref().map(|s| {
                let evidence = s
                    .evidence
                    .iter()
                    .map(|e| match e {
                        Evidence::Link(url) => {
                            view! { <li><a href=url.clone() rel="noopener noreferrer">{url.clone()}</a></li> }.into_any()
                        }
                        Evidence::Document(doc) => view! { <li>{doc.clone()}</li> }.into_any(),
                        Evidence::File(file) => crate::components::file_item(file).into_any(),
                    })
                    .collect_view();
                view! {
                    <p class="report-note-text">{s.note.clone()}</p>
                    <ul class="evidence">{evidence}</ul>
                    <p class="muted small">
                        {
                            let (day, by, version) = (date_bg(s.reported_for), s.reported_by.clone(), s.version.to_string());
                            move || {
                                t!(
                                    "work-progress-reported",
                                    date = &day,
                                    by = use_people().name(&by),
                                    version = &version,
                                )
                            }
                        }
                    </p>
                }
            })
        })
    };
    let form_cell = can_report.then(|| {
        view! {
            <td>
                <Show
                    when=move || open.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="button report-open" on:click=move |_| {
                                done.set(false);
                                open.set(true);
                            }>
                                {t!("work-progress-report")}
                            </button>
                            <Show when=move || done.get()>
                                <p class="report-saved notice--ok small" role="status">{t!("work-progress-saved")}</p>
                            </Show>
                        }
                    }
                >
                    <form id=form_id.clone() class="report-form" on:submit=submit.clone() novalidate>
                        <label>
                            {t!("work-progress-column-level")}
                            <select class="report-level" bind:value=level>{level_options()}</select>
                        </label>
                        <label>
                            {t!("work-progress-column-note")}
                            <textarea class="report-note" maxlength="4000" bind:value=note></textarea>
                        </label>
                        <label>
                            {t!("work-progress-evidence-label")}
                            <textarea class="report-evidence" bind:value=evidence></textarea>
                        </label>
                        <ReportFiles files uploading input=format!("report-file-{id}") />
                        <label>
                            {t!("work-progress-column-reported-for")}
                            <DateInput id=date_id.clone() class="report-date" value=reported_for set=move |v| reported_for.set(v) />
                        </label>
                        <FormError class="report-error" error=form.error() />
                        <div class="form-actions">
                            <button type="submit" class="button button--primary report-submit" disabled=form.busy()>
                                {t!("work-progress-save")}
                            </button>
                            <button type="button" class="button report-cancel" on:click=move |_| {
                                form.outcome().set(None);
                                open.set(false);
                            }>
                                {t!("work-progress-cancel")}
                            </button>
                        </div>
                    </form>
                </Show>
            </td>
        }
    });
    view! {
        <tr
            class="progress-row"
            class:overdue=move || row.with(|r| r.overdue)
            data-key=key.clone()
            data-level=level_attr
        >
            <th scope="row" class="measure-cell">
                <span class="nowrap measure-key">{start.key.clone()}</span>
                " "
                <span class="measure-text" lang="bg">{start.text.clone()}</span>
            </th>
            <td class="nowrap">
                {start.deadline.label(crate::i18n::lang())}
                {move || row.with(|r| r.overdue).then(|| view! { " " <span class="badge badge--warn">{t!("work-progress-overdue-badge")}</span> })}
                {move || row.with(|r| r.due_soon).then(|| view! { " " <span class="badge">{t!("work-progress-due-soon-badge")}</span> })}
            </td>
            <td class="level-text">
                <span class=move || row.with(|r| format!("swatch {}", level_class(r.status.as_ref().map(|s| s.level)))) aria-hidden="true"></span>
                " "
                {level_text}
                {move || row.with(|r| {
                    let stream = r.status.as_ref().and(streams::progress(year, &r.key))?;
                    Some(view! {
                        <br />
                        <A attr:class="progress-history small" href=Filters::record_history_href(&tenant, stream)>
                            {t!("work-progress-history")}
                        </A>
                    })
                })}
            </td>
            <td>{details}</td>
            {form_cell}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reports_files_are_carried_on() {
        let file = FileRef {
            sha256: "a".repeat(64),
            name: "протокол.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: 10,
        };
        let evidence = [
            Evidence::Link("https://bansko.bg".into()),
            Evidence::File(file.clone()),
        ];
        assert_eq!(report_files(&evidence), [file]);
    }

    #[test]
    fn evidence_lines_become_links_or_documents_and_back() {
        let typed = "https://bansko.bg/antikor\n\n  Протокол № 3 / 12.05.2017 \nhttp://x.bg";
        let parsed = parse_evidence(typed);
        assert_eq!(
            parsed,
            [
                Evidence::Link("https://bansko.bg/antikor".into()),
                Evidence::Document("Протокол № 3 / 12.05.2017".into()),
                Evidence::Link("http://x.bg".into()),
            ]
        );
        assert_eq!(
            evidence_text(&parsed),
            "https://bansko.bg/antikor\nПротокол № 3 / 12.05.2017\nhttp://x.bg"
        );
    }
}
