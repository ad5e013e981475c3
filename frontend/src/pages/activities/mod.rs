//! `/activities`: the list, the forms that record, correct and follow up activities, by kind.

pub(crate) mod fields;
mod forms;

use crate::access::can_record;
use crate::api;
use crate::components::{file_item, set_title};
use crate::controls::{TenantSelect, ViewParams, YearSelect, use_view_params};
use crate::csv::{CsvSource, ExportTable};
use crate::directory::{use_directory, use_people};
use crate::form::{FormError, Labelled, Notice, NoticeView};
use crate::format::{date_bg, date_time, utc_exact};
use crate::pages::audit::Filters;
use crate::paging::{Paged, PagedList};
use crate::session::use_session;
use crate::upload::FileUpload;
use antikor_shared::activity::ActivityKind;
use antikor_shared::activity_draft::{details, headline};
use antikor_shared::files::FileRef;
use antikor_shared::ids::regional_tenant;
use antikor_shared::streams;
use antikor_shared::tenant::{Tenant, TenantKind};
use antikor_shared::views::ActivityRecord;
use antikor_shared::wire::code;
use forms::{CorrectionForm, FollowUpForm, RecordForm};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;

/// Tenant slugs to names in the page's language, and the municipalities for the contested-act
/// form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    names: HashMap<String, String>,
    /// (slug, name) of every municipality, in the server's order.
    pub municipalities: Vec<(String, String)>,
}

impl Names {
    /// A tenant's name, or its slug while the names are not loaded.
    pub fn of(&self, slug: &str) -> String {
        self.names
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.to_owned())
    }
}

/// Loads the names of every tenant (a public list).
pub fn use_names() -> Memo<Names> {
    let tenants = use_directory();
    Memo::new(move |_| {
        let list = tenants.get().and_then(Result::ok).unwrap_or_default();
        let name = |t: &Tenant| t.registration.name().get(crate::i18n::lang()).to_owned();
        Names {
            names: list.iter().map(|t| (t.id.to_string(), name(t))).collect(),
            municipalities: list
                .iter()
                .filter(|t| t.registration.kind == TenantKind::Municipality)
                .map(|t| (t.id.to_string(), name(t)))
                .collect(),
        }
    })
}

/// The list's column headings. The file, built by the server, has every detail spelled out;
/// the page folds the details and the corrections under the description and the recording,
/// and has the change buttons. The institution's column is shown only to those who see every
/// institution (`all`).
fn headings(all: bool) -> Vec<String> {
    [
        Some(t!("work-activities-column-date")),
        all.then(|| t!("work-activities-column-tenant")),
        Some(t!("work-activities-column-kind")),
        Some(t!("work-activities-column-description")),
        Some(t!("work-activities-column-measures")),
        Some(t!("work-activities-column-recorded")),
        Some(t!("work-activities-column-actions")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `/activities`.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    set_title(&t!("work-activities-title"));
    let session = use_session();
    let me = session.user_untracked();
    let role = me.as_ref().map(|u| u.role);
    let own = me.as_ref().map(|u| u.tenant.clone());
    let sees_all = role.is_some_and(|r| r.sees_other_tenants());
    let may_record = role.is_some_and(can_record);
    let regional = own.as_ref() == Some(&regional_tenant());
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let names = use_names();
    let list = Paged::new(
        move || params.get(),
        |p: ViewParams, page| async move {
            api::activities(p.tenant.as_ref(), p.year, p.kind.as_deref(), &page).await
        },
    );
    // The page holds a page of the list; the file of the whole list is the server's.
    let csv = Signal::derive(move || {
        chosen.with(|p| api::activities_csv_url(p.tenant.as_ref(), p.year, p.kind.as_deref()))
    });
    let notice = RwSignal::new(None::<Notice>);
    // A change may move any record anywhere in the list: it is read again from the start.
    let changed = Callback::new(move |n: Notice| {
        notice.set(Some(n));
        list.reload();
    });
    let shown = Signal::derive(move || chosen.get().year);
    let navigate = use_navigate();
    let on_kind = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let next = ViewParams {
            kind: (!value.is_empty()).then_some(value),
            ..chosen.get_untracked()
        };
        navigate(&next.href("/activities"), NavigateOptions::default());
    };
    let kind_options = ActivityKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=code(k) prop:selected=move || chosen.with(|p| p.kind == Some(code(k)))>
                    {k.label(crate::i18n::lang())}
                </option>
            }
        })
        .collect_view();
    view! {
        <h1>{t!("work-activities-title")}</h1>
        <p class="lead">{t!("work-activities-lead")}</p>
        {may_record.then(|| view! { <RecordForm regional names changed /> })}
        <div class="filters">
            {sees_all.then(|| view! { <TenantSelect path="/activities" params=chosen own=None id="activities-tenant" /> })}
            <YearSelect path="/activities" params=chosen shown all_years=true />
            <Labelled id="activities-kind-filter" label=t!("work-activities-filter-kind")>
                <select id="activities-kind-filter" on:change=on_kind>
                    <option value="" prop:selected=move || chosen.with(|p| p.kind.is_none())>
                        {t!("work-activities-all-kinds")}
                    </option>
                    {kind_options}
                </select>
            </Labelled>
        </div>
        <NoticeView id="activities-notice" notice />
        <PagedList list id="activities">
            <ActivitiesTable list csv names own=own.clone() may_record all=sees_all changed />
        </PagedList>
    }
}

/// The activities loaded, newest first, with their corrections and the change panels.
#[component]
fn ActivitiesTable(
    list: Paged<ActivityRecord>,
    /// The address of the whole list's file.
    csv: Signal<String>,
    names: Memo<Names>,
    own: Option<antikor_shared::TenantId>,
    may_record: bool,
    all: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let total = list.total();
    let count = list.count();
    let rows = list.rows(move |record: ActivityRecord| {
        let mine = may_record && own.as_ref() == Some(&record.tenant);
        let record = RwSignal::new(record);
        view! { <ActivityRow record names mine all changed /> }
    });
    let headings = headings(all)
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let tools = view! {
        <span class="muted">{move || t!("work-activities-count", count = total.get())}</span>
    };
    view! {
        <ExportTable id="activities-table" filename="deinosti.csv" rows=CsvSource::Server(csv) tools=tools.into_any()>
            <caption id="activities-table-caption" class="visually-hidden">{t!("work-activities-caption")}</caption>
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>
                {move || (count.get() == 0).then(|| view! {
                    <tr class="empty-row">
                        <td colspan="7">{t!("work-activities-none")}</td>
                    </tr>
                })}
                {rows}
            </tbody>
        </ExportTable>
    }
}

/// Which panel is open under an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    Closed,
    Correct,
    FollowUp,
    Files,
}

/// One activity, and the panels to correct it or follow a contested act up. The record is a
/// signal: a conflict reloads it in place while its form stays open.
#[component]
fn ActivityRow(
    record: RwSignal<ActivityRecord>,
    names: Memo<Names>,
    mine: bool,
    all: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let panel = RwSignal::new(Panel::Closed);
    let (kind, id, tenant) =
        record.with_untracked(|r| (r.activity.kind(), r.id.to_string(), r.tenant.to_string()));
    let contested = kind == ActivityKind::ContestedAct;
    let describe = move || {
        let activity = record.with(|r| r.activity.clone());
        let n = names.get();
        let name = |s: &str| n.of(s);
        let pairs = details(&activity, crate::i18n::lang(), &name)
            .into_iter()
            .map(|(label, value)| view! { <dt>{label}</dt> <dd>{value}</dd> })
            .collect_view();
        let files = record.with(|r| {
            (!r.files.is_empty()).then(|| {
                let items = r.files.iter().map(file_item).collect_view();
                view! { <ul class="evidence activity-files">{items}</ul> }
            })
        });
        view! {
            <span class="activity-headline">{headline(&activity, crate::i18n::lang(), name)}</span>
            <details class="activity-details">
                <summary>{t!("work-activities-details")}</summary>
                <dl class="fields fields--compact">{pairs}</dl>
            </details>
            {files}
        }
    };
    let recorded = move || {
        let r = record.get();
        let corrections = (!r.corrections.is_empty()).then(|| {
            let count = r.corrections.len();
            let items = r
                .corrections
                .into_iter()
                .map(|c| {
                    view! {
                        <li>
                            <time datetime=utc_exact(c.at)>{date_time(c.at)}</time>
                            {format!(", {}: {}", c.by, c.reason)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="corrections">
                    <summary>{t!("work-activities-corrections", count = count)}</summary>
                    <ul>{items}</ul>
                </details>
            }
        });
        view! {
            <time datetime=utc_exact(r.recorded_at)>{date_time(r.recorded_at)}</time>
            <br />
            {let by = r.recorded_by.clone(); move || use_people().name(&by)}
            {corrections}
            <br />
            <A attr:class="activity-history" href=Filters::record_history_href(&r.tenant, streams::activity(r.id))>
                {t!("work-activities-history")}
            </A>
        }
    };
    let tenant_cell = all.then(|| {
        let tenant = tenant.clone();
        view! { <td>{move || names.get().of(&tenant)}</td> }
    });
    let actions = mine.then(|| {
        view! {
            <button type="button" class="button button--small activity-correct" on:click=move |_| panel.set(Panel::Correct)>
                {t!("work-activities-correct")}
            </button>
            {contested.then(|| view! {
                <button type="button" class="button button--small activity-follow-up" on:click=move |_| panel.set(Panel::FollowUp)>
                    {t!("work-activities-follow-up")}
                </button>
            })}
            <button type="button" class="button button--small activity-files-open" on:click=move |_| panel.set(Panel::Files)>
                {t!("work-activities-files")}
            </button>
        }
    });
    let columns = if all { "7" } else { "6" };
    let form = move || {
        let form = match panel.get() {
            Panel::Closed => return ().into_any(),
            Panel::Correct => view! { <CorrectionForm record names panel changed /> }.into_any(),
            Panel::FollowUp => view! { <FollowUpForm record panel changed /> }.into_any(),
            Panel::Files => view! { <ActivityFiles record panel /> }.into_any(),
        };
        view! {
            <tr class="activity-panel">
                <td colspan=columns>{form}</td>
            </tr>
        }
        .into_any()
    };
    view! {
        <tr class="activity-row" data-kind=code(kind) data-id=id data-tenant=tenant>
            <td class="nowrap">{move || record.with(|r| date_bg(r.activity.date()))}</td>
            {tenant_cell}
            <td>{kind.label_singular(crate::i18n::lang())}</td>
            <td class="activity-description">{describe}</td>
            <td>{move || record.with(|r| r.activity.measures().join(", "))}</td>
            <td class="small">{recorded}</td>
            <td class="actions">{actions}</td>
        </tr>
        {form}
    }
}

/// Attaching documents to an activity (a meeting's protocol, a training's list of
/// participants): each file uploaded is attached at once, and the row then shows the activity
/// as the server answers it.
#[component]
fn ActivityFiles(record: RwSignal<ActivityRecord>, panel: RwSignal<Panel>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<Notice>);
    let input = record.with_untracked(|r| format!("activity-file-{}", r.id));
    let uploaded = Callback::new(move |file: FileRef| {
        let id = record.with_untracked(|r| r.id.to_string());
        let name = file.name.clone();
        error.set(None);
        spawn_local(async move {
            match api::attach_activity_files(&id, vec![file]).await {
                Ok(fresh) => {
                    record.try_set(fresh);
                    saved.try_set(Some(Notice::ok(t!(
                        "work-activities-file-attached",
                        name = name
                    ))));
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    });
    view! {
        <div class="action-form activity-files-form">
            <h3 class="action-form__title">{t!("work-activities-files-heading")}</h3>
            <FileUpload id=input uploaded />
            <FormError class="activity-file-error" error=error />
            <NoticeView class="activity-file-saved" notice=saved />
            <div class="form-actions">
                <button type="button" class="button activity-files-close" on:click=move |_| panel.set(Panel::Closed)>
                    {t!("work-activities-close")}
                </button>
            </div>
        </div>
    }
}
