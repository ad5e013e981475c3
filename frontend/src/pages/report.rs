//! `/report/{year}?province=&tenant=&as_of=`: the annual report on a province's plan, or on one
//! institution's part of it, as the council files it: a cover and contents, every measure with
//! each institution's level (and, within the reader's reach, what was done and what shows
//! it), the institutions side by side, who has not reported, the year's activities and the
//! signals' statistics. It prints on A4, downloads as a Word document and each table as CSV.

use crate::api::{self, ApiError};
use crate::charts::{level_class, level_code};
use crate::components::{Loaded, set_title, shown_name};
use crate::controls::{
    AsOfBanner, AsOfPicker, PlanPending, ViewParams, use_plan_province, use_view_params,
};
use crate::csv::{CsvButton, ExportTable};
use crate::directory::{provinces, use_country, use_directory};
use crate::format::{date_bg, href_with_query};
use crate::pages::progress::NotReportedList;
use crate::provinces::{PlanProvince, in_province, plans_of_year};
use crate::session::{Auth, use_session};
use antikor_shared::activity::ActivityKind;
use antikor_shared::i18n::Lang;
use antikor_shared::progress::Evidence;
use antikor_shared::report::{AnnualReport, ReportMeasure, ReportTable, level_text, measure_terms};
use antikor_shared::{ProvinceCode, TenantId};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The address of the annual report on a province's plan of `year`.
pub fn report_href(year: i32, province: &ProvinceCode) -> String {
    href_with_query(
        &format!("/report/{year}"),
        [("province", Some(province.to_string()))],
    )
}

/// The address of one institution's report, at one measure (`key`) when given: where the
/// combined view's cells lead, to the institution's notes and evidence.
pub fn institution_report_href(
    year: i32,
    province: &ProvinceCode,
    tenant: &TenantId,
    key: Option<&str>,
    as_of: Option<String>,
) -> String {
    let href = href_with_query(
        &format!("/report/{year}"),
        [
            ("province", Some(province.to_string())),
            ("tenant", Some(tenant.to_string())),
            ("as_of", as_of),
        ],
    );
    match key {
        Some(key) => format!("{href}#{}", measure_anchor(key)),
        None => href,
    }
}

/// The id of a measure's part of the report.
fn measure_anchor(key: &str) -> String {
    format!("measure-{key}")
}

/// The id of a kind of activity's part of the report (and its table's, with `-table`).
fn kind_anchor(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Meeting => "report-meetings",
        ActivityKind::Training => "report-trainings",
        ActivityKind::Media => "report-media",
        ActivityKind::DeclarationCheck => "report-declaration-checks",
        ActivityKind::ContestedAct => "report-contested-acts",
    }
}

/// The file name of one of the report's CSV files.
fn csv_file(stem: &str, report: &AnnualReport) -> String {
    match &report.institution {
        Some(t) => format!("{stem}-{}-{t}.csv", report.year),
        None => format!("{stem}-{}.csv", report.year),
    }
}

/// `/report/{year}`: the report of the province the address names (or the one the plan pages
/// would show), of one institution when it names one.
#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_params_map();
    let year =
        Memo::new(move |_| params.with(|p| p.get("year").and_then(|y| y.parse::<i32>().ok())));
    let query = use_view_params();
    let chosen = Memo::new(move |_| query.get().unwrap_or_default());
    let province = use_plan_province(query);
    let country = use_country();
    let session = use_session();
    // What the report is of, as one value the resource follows: reading the year's memo first
    // and the query's after, another institution chosen in place fetched nothing.
    let request = Memo::new(move |_| (year.get(), province.get(), query.get()));
    let data = LocalResource::new(move || {
        let (year, province, asked) = request.get();
        async move {
            let year = year.ok_or_else(|| ApiError::Invalid(t!("public-annual-invalid-year")))?;
            let asked = asked?;
            let Some(province) = province?.shown().cloned() else {
                return Ok(None);
            };
            let report = api::annual_report(
                year,
                Some(province.as_str()),
                asked.tenant.as_ref(),
                asked.as_of_api().as_deref(),
            )
            .await?;
            Ok::<_, ApiError>(Some(report))
        }
    });
    // The tab names the report shown.
    Effect::new(move |_| {
        let shown = data
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|r| r.title(crate::i18n::lang()));
        let title = shown.unwrap_or_else(|| match year.get() {
            Some(y) => t!("public-annual-title-year", year = y.to_string()),
            None => t!("public-annual-title"),
        });
        set_title(&title);
    });
    let path = Signal::derive(move || {
        year.get()
            .map_or_else(|| "/report".to_owned(), |y| format!("/report/{y}"))
    });
    let position = Signal::derive(move || {
        data.get()
            .and_then(Result::ok)
            .flatten()
            .map(|r| r.position)
    });
    let retry = Callback::new(move |()| {
        data.refetch();
        country.refetch();
    });
    let print = move |_| {
        let _ = window().print();
    };
    let docx = move || {
        let (year, province, asked) = (year.get()?, province.get().ok()?, chosen.get());
        let province = province.shown()?.clone();
        Some(api::annual_report_docx(
            year,
            Some(province.as_str()),
            asked.tenant.as_ref(),
            asked.as_of_api().as_deref(),
        ))
    };
    let body = move || {
        Suspend::new(async move {
            let Some(report) = data.await? else {
                let choose = province.get_untracked() == Ok(PlanProvince::Choose);
                return Ok(match (choose, year.get_untracked()) {
                    (true, Some(year)) => view! { <ChooseProvince year /> }.into_any(),
                    _ => view! { <PlanPending province /> }.into_any(),
                });
            };
            Ok::<_, ApiError>(view! { <Report report /> }.into_any())
        })
    };
    let logged_in = move || matches!(session.auth.get(), Auth::User(_));
    view! {
        <div class="report-tools no-print">
            <div class="actions">
                <button type="button" id="report-print" class="button button--primary" on:click=print>
                    {t!("public-annual-print")}
                </button>
                {move || docx().map(|href| view! {
                    <a id="report-docx" class="button" href=href download>
                        {t!("public-annual-docx")}
                    </a>
                })}
            </div>
            <div class="filters">
                <InstitutionSelect path chosen province />
                <Show when=logged_in>
                    <AsOfPicker path=path.get_untracked() params=chosen />
                </Show>
            </div>
            <AsOfBanner path=path.get_untracked() params=chosen position />
        </div>
        <Loaded retry>{body}</Loaded>
    }
}

/// The choice between the province's whole report and one institution's.
#[component]
fn InstitutionSelect(
    path: Signal<String>,
    chosen: Memo<ViewParams>,
    province: Memo<Result<PlanProvince, ApiError>>,
) -> impl IntoView {
    let directory = use_directory();
    let navigate = use_navigate();
    let options = move || {
        let province = province.get().ok()?.shown().cloned()?;
        let mut tenants: Vec<_> = directory
            .get()?
            .ok()?
            .into_iter()
            .filter(|t| in_province(t, Some(&province)))
            .collect();
        // By the Bulgarian name, as the register orders them, in either language.
        tenants.sort_by(|a, b| {
            (a.registration.kind, &a.registration.name_bg)
                .cmp(&(b.registration.kind, &b.registration.name_bg))
        });
        let current = chosen.get().tenant;
        Some(
            tenants
                .into_iter()
                .map(|t| {
                    let selected = current.as_ref() == Some(&t.id);
                    let (name, mark) = shown_name(&t.registration.name());
                    view! {
                        <option value=t.id.to_string() selected=selected lang=mark>
                            {name}
                        </option>
                    }
                })
                .collect_view(),
        )
    };
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let next = ViewParams {
            tenant: TenantId::parse(&value).ok(),
            ..chosen.get_untracked()
        };
        navigate(&next.href(&path.get_untracked()), Default::default());
    };
    view! {
        <div class="field">
            <label for="report-institution">{t!("public-annual-institution-select")}</label>
            <select id="report-institution" on:change=on_change>
                <option value="" selected=move || chosen.get().tenant.is_none()>
                    {t!("public-annual-whole-region")}
                </option>
                {options}
            </select>
        </div>
    }
}

/// The provinces whose report of `year` there is, for an address that names none while
/// several keep plans: a report is of one province's plan.
#[component]
fn ChooseProvince(year: i32) -> impl IntoView {
    let country = use_country();
    let links = move || {
        plans_of_year(&provinces(country), year)
            .into_iter()
            .map(|c| {
                view! {
                    <li>
                        <A href=report_href(year, &c.code)>{c.name}</A>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div id="report-choose" class="notice notice--info" role="status">
            <p>{t!("public-annual-choose-region", year = year.to_string())}</p>
            <ul>{links}</ul>
        </div>
    }
}

/// The report itself.
#[component]
fn Report(report: AnnualReport) -> impl IntoView {
    let year = report.year;
    let reported = report.institutions.iter().filter(|i| i.reported()).count();
    let contents_sections = report
        .sections
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=format!("#section-{}", s.numeral)>
                        {format!("{}. ", s.numeral)}
                        <span lang="bg">{s.title.clone()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let contents_kinds = report
        .activities
        .iter()
        .map(|l| {
            view! {
                <li>
                    <a href=format!("#{}", kind_anchor(l.kind))>{l.kind.label(crate::i18n::lang())}</a>
                </li>
            }
        })
        .collect_view();
    let detailed = report.detailed();
    let scope_note = if detailed {
        t!("public-annual-scope-detailed")
    } else {
        t!("public-annual-scope-public")
    };
    let measures_csv = {
        let report = report.clone();
        Callback::new(move |()| report.measures_table(crate::i18n::lang()).csv())
    };
    let measures_file = csv_file("merki", &report);
    let sections = report
        .sections
        .iter()
        .map(|s| {
            let measures = s
                .measures
                .iter()
                .map(|m| view! { <Measure report=report.clone() measure=m.clone() /> })
                .collect_view();
            let l = &s.levels;
            view! {
                <section class="report-section" id=format!("section-{}", s.numeral)>
                    <h3>
                        {format!("{}. ", s.numeral)}
                        <span lang="bg">{s.title.clone()}</span>
                    </h3>
                    <p class="muted report-section__levels">
                        {t!(
                            "public-annual-section-levels",
                            completed = l.completed,
                            substantial = l.substantial,
                            limited = l.limited,
                            not_started = l.not_started,
                            not_reported = l.not_reported,
                        )}
                    </p>
                    {measures}
                </section>
            }
        })
        .collect_view();
    let silent = report
        .not_reported()
        .map(|i| (i.tenant.clone(), i.name.clone()))
        .collect();
    let not_reported = view! {
        <NotReportedList year of=report.institutions.len() silent />
    };
    let activities = report
        .activities
        .iter()
        .map(|list| {
            let anchor = kind_anchor(list.kind);
            let body = if list.items.is_empty() {
                view! { <p class="muted">{t!("public-annual-no-activities")}</p> }.into_any()
            } else {
                let table = report.activity_table(list, crate::i18n::lang());
                let file = csv_file(anchor.trim_start_matches("report-"), &report);
                view! { <ReportTableView table id=anchor filename=file /> }.into_any()
            };
            view! {
                <section class="report-kind" id=anchor>
                    <h3>{list.kind.label(crate::i18n::lang())}</h3>
                    {body}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="report-doc" data-year=year.to_string()>
            <header class="report-cover">
                <p class="report-cover__issuer">{report.issuer(crate::i18n::lang())}</p>
                <h1 id="report-title">{report.title(crate::i18n::lang())}</h1>
                <p class="report-cover__plan" lang="bg">{report.plan_title.clone()}</p>
                <p class="report-cover__state">
                    {t!(
                        "public-annual-state",
                        date = date_bg(report.today),
                        reported = reported,
                        total = report.institutions.len(),
                    )}
                </p>
                <p class="report-cover__scope muted no-print">{scope_note}</p>
            </header>
            <nav class="report-contents" aria-labelledby="report-contents-heading">
                <h2 id="report-contents-heading">{t!("public-annual-contents")}</h2>
                <ol>
                    <li>
                        <a href="#report-measures">{t!("public-annual-part-measures")}</a>
                        <ol>{contents_sections}</ol>
                    </li>
                    <li>
                        <a href="#report-institutions">{t!("public-annual-part-institutions")}</a>
                    </li>
                    <li>
                        <a href="#report-not-reported">{t!("public-annual-part-not-reported")}</a>
                    </li>
                    <li>
                        <a href="#report-activities">{t!("public-annual-part-activities")}</a>
                        <ol>{contents_kinds}</ol>
                    </li>
                    <li><a href="#report-signals">{t!("public-annual-part-signals")}</a></li>
                </ol>
            </nav>
            <section class="report-part" id="report-measures">
                <div class="report-part__head">
                    <h2>{format!("1. {}", t!("public-annual-part-measures"))}</h2>
                    <CsvButton table="report-measures" filename=measures_file rows=measures_csv />
                </div>
                {sections}
            </section>
            <section class="report-part" id="report-institutions">
                <h2>{format!("2. {}", t!("public-annual-part-institutions"))}</h2>
                <ReportTableView
                    table=report.institutions_table(crate::i18n::lang())
                    id="report-institutions-table"
                    filename=csv_file("institucii", &report)
                />
            </section>
            <section class="report-part report-part--short" id="report-not-reported">
                <h2>{format!("3. {}", t!("public-annual-part-not-reported"))}</h2>
                {not_reported}
            </section>
            <section class="report-part" id="report-activities">
                <h2>{format!("4. {}", t!("public-annual-part-activities"))}</h2>
                {activities}
            </section>
            <section class="report-part" id="report-signals">
                <h2>{format!("5. {}", t!("public-annual-part-signals"))}</h2>
                <ReportTableView
                    table=report.signals_table(crate::i18n::lang())
                    id="report-signals-table"
                    filename=csv_file("signali", &report)
                />
                <ReportTableView
                    table=report.signal_categories_table(crate::i18n::lang())
                    id="report-signal-categories"
                    filename=csv_file("signali-kategorii", &report)
                />
            </section>
            <section class="report-part" id="report-risks">
                <h2>{format!("6. {}", t!("public-annual-part-risks"))}</h2>
                <ReportTableView
                    table=report.risks_table(crate::i18n::lang())
                    id="report-risks-table"
                    filename=csv_file("riskove", &report)
                />
            </section>
            <footer class="report-sign">
                <p>{t!("public-annual-prepared-by")}</p>
                <p>{t!("public-annual-date")}</p>
            </footer>
        </article>
    }
}

/// One measure: its text and terms, then each institution's level, with what was done and
/// what shows it where the reader sees it.
#[component]
fn Measure(report: AnnualReport, measure: ReportMeasure) -> impl IntoView {
    let m = &measure.measure;
    let detailed = report.detailed();
    let body = match &measure.withdrawn {
        Some(reason) => view! {
            <p class="withdrawn-note">{t!("public-annual-withdrawn", reason = reason.as_str())}</p>
        }
        .into_any(),
        None => {
            let rows = measure
                .levels
                .iter()
                .map(|l| {
                    let detail = detailed.then(|| {
                        let d = l.detail.clone();
                        let evidence = d
                            .as_ref()
                            .map(|d| d.evidence.iter().map(evidence_item).collect_view());
                        view! {
                            <td class="report-note">{d.as_ref().map(|d| d.note.clone())}</td>
                            <td class="report-evidence"><ul>{evidence}</ul></td>
                        }
                    });
                    view! {
                        <tr data-tenant=l.tenant.to_string() data-level=level_code(l.level)>
                            {institution_head(&report, &l.tenant)}
                            <td class="nowrap">
                                <span class=format!("swatch {}", level_class(l.level)) aria-hidden="true"></span>
                                " "
                                {level_text(l.level, crate::i18n::lang())}
                            </td>
                            {detail}
                        </tr>
                    }
                })
                .collect_view();
            let heads = detailed.then(|| {
                view! {
                    <th scope="col">{t!("public-annual-what-was-done")}</th>
                    <th scope="col">{t!("public-annual-evidence")}</th>
                }
            });
            view! {
                <div
                    class="table-scroll"
                    tabindex="0"
                    role="region"
                    aria-label=t!("public-annual-measure-levels", key = m.key.as_str())
                >
                    <table class="data-table report-levels">
                        <thead>
                            <tr>
                                <th scope="col">{t!("public-annual-institution")}</th>
                                <th scope="col">{t!("public-annual-level")}</th>
                                {heads}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section
            class="report-measure"
            class:withdrawn=measure.withdrawn.is_some()
            id=measure_anchor(&m.key)
            data-key=m.key.clone()
        >
            <h4>
                {format!("{} ", m.number_in_source)}
                <span lang="bg">{m.text.clone()}</span>
            </h4>
            <p class="report-measure__terms">{measure_terms(m, crate::i18n::lang())}</p>
            {body}
        </section>
    }
}

/// The heading of an institution's row: its name in the page's language, marked `lang="bg"`
/// when the Bulgarian name stands in.
fn institution_head(report: &AnnualReport, tenant: &TenantId) -> impl IntoView + use<> {
    let (name, mark) = match report.institution_name(tenant.as_str()) {
        Some(name) => shown_name(name),
        None => (tenant.to_string(), None),
    };
    view! { <th scope="row" lang=mark>{name}</th> }
}

/// A piece of evidence: a link opens, a document's reference reads as text.
fn evidence_item(evidence: &Evidence) -> impl IntoView + use<> {
    match evidence {
        Evidence::Link(url) if url.starts_with("https://") || url.starts_with("http://") => view! {
            <li><a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></li>
        }
        .into_any(),
        Evidence::Link(text) | Evidence::Document(text) => {
            view! { <li>{text.clone()}</li> }.into_any()
        }
        Evidence::File(file) => crate::components::file_item(file).into_any(),
    }
}

/// The `lang` of a cell of the report's tables: on an English page every word of the
/// interface is English, so a cell with Cyrillic letters holds the records' own words (an
/// institution's Bulgarian name, a meeting's title, an act's grounds), marked as Bulgarian.
fn records_lang(cell: &str) -> Option<&'static str> {
    let bulgarian = cell.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    (crate::i18n::lang() != Lang::Bg && bulgarian).then_some("bg")
}

/// One of the report's tables with its CSV button: the rows the Word document prints too.
#[component]
fn ReportTableView(table: ReportTable, id: &'static str, filename: String) -> impl IntoView {
    let csv = {
        let table = table.clone();
        Callback::new(move |()| table.csv())
    };
    let heads = table
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.clone()}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.iter();
            let first = cells.next().cloned().unwrap_or_default();
            let first_lang = records_lang(&first);
            let rest = cells
                .map(|c| view! { <td lang=records_lang(c)>{c.clone()}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" lang=first_lang>{first}</th>
                    {rest}
                </tr>
            }
        })
        .collect_view();
    view! {
        <ExportTable id filename rows=csv>
            <caption id=format!("{}-caption", id)>{table.caption.clone()}</caption>
            <thead>
                <tr>{heads}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
    }
}
