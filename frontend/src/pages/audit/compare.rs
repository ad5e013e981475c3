//! Two moments side by side: what changed in one institution's records between them, field by
//! field, with the events, people and times that changed it.

use super::filter_bar::{DayAlone, MomentField};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title, shown_name};
use crate::csv::{Column, ExportTable, csv_rows, headings};
use crate::directory::{PeopleMap, actor_name, use_directory, use_people};
use crate::format::{date_time, href_with_query, utc_exact};
use crate::session::use_session;
use antikor_shared::TenantId;
use antikor_shared::api::{AuditDiff, ChangeEvent, FieldChange, RecordChange};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// What the page compares, as its address says: `/audit/compare?tenant=&from=&to=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The institution.
    pub tenant: Option<TenantId>,
    /// The first moment: a log position or an RFC 3339 instant.
    pub from: Option<String>,
    /// The second moment.
    pub to: Option<String>,
}

impl Comparison {
    /// The page's address.
    pub fn href(&self) -> String {
        href_with_query(
            "/audit/compare",
            [
                ("tenant", self.tenant.as_ref().map(ToString::to_string)),
                ("from", self.from.clone()),
                ("to", self.to.clone()),
            ],
        )
    }
}

/// `/audit/compare`.
#[component]
pub fn ComparePage() -> impl IntoView {
    set_title(&t!("audit-compare-title"));
    let session = use_session();
    // Officers and tenant admins compare their own institution only.
    let own = session
        .user_untracked()
        .filter(|u| !u.role.sees_other_tenants())
        .map(|u| (u.tenant, u.tenant_name.get(crate::i18n::lang()).to_owned()));
    let own_id = own.as_ref().map(|(id, _)| id.clone());
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            let value = |k: &str| {
                q.get(k)
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
            };
            Comparison {
                tenant: own_id
                    .clone()
                    .or_else(|| value("tenant").and_then(|t| TenantId::parse(t).ok())),
                from: value("from"),
                to: value("to"),
            }
        })
    });
    let diff = LocalResource::new(move || {
        let asked = asked.get();
        async move {
            match asked {
                Comparison {
                    tenant: Some(tenant),
                    from: Some(from),
                    to: Some(to),
                } => api::audit_diff(tenant, from, to).await.map(Some),
                _ => Ok::<_, ApiError>(None),
            }
        }
    });
    let retry = Callback::new(move |()| diff.refetch());
    let results = move || {
        Suspend::new(async move {
            Ok::<_, ApiError>(match diff.await? {
                Some(diff) => view! { <DiffTable diff /> }.into_any(),
                None => view! {
                    <p class="muted" data-testid="compare-empty">
                        {t!("audit-compare-choose")}
                    </p>
                }
                .into_any(),
            })
        })
    };

    view! {
        <p class="breadcrumb">
            <A href="/audit">{t!("audit-title")}</A>
            " / "
            {t!("audit-compare-breadcrumb")}
        </p>
        <h1>{t!("audit-compare-title")}</h1>
        <p class="lead">{t!("audit-compare-lead")}</p>
        <CompareForm asked own />
        <Loaded retry keep_shown=true>{results}</Loaded>
    }
}

/// The institution and the two moments; every change becomes a new address.
#[component]
fn CompareForm(asked: Memo<Comparison>, own: Option<(TenantId, String)>) -> impl IntoView {
    let tenants = use_directory();
    let navigate = use_navigate();
    let go = move |c: Comparison| navigate(&c.href(), NavigateOptions::default());
    let on_tenant = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            go(Comparison {
                tenant: TenantId::parse(event_target_value(&ev)).ok(),
                ..asked.get_untracked()
            })
        }
    };
    let on_moment = move |second: bool| {
        let go = go.clone();
        Callback::new(move |moment: Option<String>| {
            let current = asked.get_untracked();
            go(if second {
                Comparison {
                    to: moment,
                    ..current
                }
            } else {
                Comparison {
                    from: moment,
                    ..current
                }
            })
        })
    };
    let tenant_field = match own {
        Some((id, name)) => view! {
            <select id="compare-tenant" disabled>
                <option value=id.to_string() selected>{name}</option>
            </select>
        }
        .into_any(),
        None => view! {
            <select id="compare-tenant" on:change=on_tenant>
                <option value="" prop:selected=move || asked.with(|a| a.tenant.is_none())>
                    {t!("audit-choose-institution")}
                </option>
                {move || {
                    let chosen = asked.with(|a| a.tenant.clone());
                    tenants
                        .get()
                        .and_then(Result::ok)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|t| {
                            let selected = chosen.as_ref() == Some(&t.id);
                            let (name, mark) = shown_name(&t.registration.name());
                            view! {
                                <option value=t.id.to_string() prop:selected=selected lang=mark>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any(),
    };
    // A moment given as a position (from an event's page) is said in words: the field holds
    // times only.
    let position_note = |value: Option<String>| {
        value
            .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
            .map(|p| t!("audit-compare-after-event", position = p))
            .unwrap_or_default()
    };
    view! {
        <form class="filters" aria-label=t!("audit-compare-form") on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="compare-tenant">{t!("audit-institution")}</label>
                {tenant_field}
            </div>
            <MomentField
                id="compare-from"
                label=t!("audit-compare-from")
                value=Signal::derive(move || asked.with(|a| a.from.clone()))
                on_change=on_moment(false)
                day_alone=DayAlone::End
                help=Signal::derive(move || position_note(asked.with(|a| a.from.clone())))
            />
            <MomentField
                id="compare-to"
                label=t!("audit-compare-to")
                value=Signal::derive(move || asked.with(|a| a.to.clone()))
                on_change=on_moment(true)
                day_alone=DayAlone::End
                help=Signal::derive(move || position_note(asked.with(|a| a.to.clone())))
            />
        </form>
    }
}

/// One row of the table: a record's changed field (or the record itself, when added or
/// removed without fields to list).
#[derive(Clone)]
struct Row {
    record: RecordChange,
    field: Option<FieldChange>,
    /// On a record's first row, how many rows it has (its cells span them); `None` on the
    /// others.
    span: Option<usize>,
}

/// The rows of the records that differ: one per changed field.
fn rows_of(records: &[RecordChange]) -> Vec<Row> {
    records
        .iter()
        .flat_map(|record| {
            let fields: Vec<Option<FieldChange>> = if record.fields.is_empty() {
                vec![None]
            } else {
                record.fields.iter().cloned().map(Some).collect()
            };
            let span = fields.len();
            fields.into_iter().enumerate().map(move |(i, field)| Row {
                record: record.clone(),
                field,
                span: (i == 0).then_some(span),
            })
        })
        .collect()
}

/// One row on the page: the record, its change and its events span the record's rows.
fn row_view(row: &Row) -> impl IntoView + use<> {
    let record = &row.record;
    let heading = row.span.map(|span| {
        let span = span.to_string();
        let events = record
            .events
            .iter()
            .map(|e| {
                let position = e.position.to_string();
                view! {
                    <li>
                        <A href=format!("/audit/{position}")>{t!("audit-event-number", position = &position)}</A>
                        " · "
                        <time datetime=utc_exact(e.recorded_at)>{date_time(e.recorded_at)}</time>
                        " · "
                        {let actor = e.actor.clone(); move || use_people().name(&actor)}
                    </li>
                }
            })
            .collect_view();
        (
            view! {
                <td rowspan=span.clone()>{record.record.clone()}</td>
                <td rowspan=span.clone()>{record.change.label(crate::i18n::lang())}</td>
            },
            view! {
                <td rowspan=span>
                    <ul class="plain-list">{events}</ul>
                </td>
            },
        )
    });
    let (start, end) = heading.map_or((None, None), |(a, b)| (Some(a), Some(b)));
    let field = row.field.clone();
    let (name, before, after) =
        field.map_or((None, None, None), |f| (Some(f.field), f.before, f.after));
    let (was, is) = (before.is_some(), after.is_some());
    view! {
        <tr class="diff-row" data-stream=record.stream.to_string()>
            {start}
            <td>{name}</td>
            <td class:diff-before=was>{before}</td>
            <td class:diff-after=is>{after}</td>
            {end}
        </tr>
    }
}

fn events_text(events: &[ChangeEvent], people: &PeopleMap) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} · {} · {}",
                t!("audit-event-number", position = e.position.to_string()),
                date_time(e.recorded_at),
                actor_name(people, &e.actor)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The context is the people by username.
const COLUMNS: [Column<Row, PeopleMap>; 6] = [
    Column::both(
        || t!("audit-compare-column-record"),
        |r: &Row, _| r.record.record.clone(),
    ),
    Column::both(
        || t!("audit-compare-column-change"),
        |r, _| r.record.change.label(crate::i18n::lang()).to_owned(),
    ),
    Column::both(
        || t!("audit-compare-column-field"),
        |r, _| {
            r.field
                .as_ref()
                .map(|f| f.field.clone())
                .unwrap_or_default()
        },
    ),
    Column::both(
        || t!("audit-compare-column-before"),
        |r, _| {
            r.field
                .as_ref()
                .and_then(|f| f.before.clone())
                .unwrap_or_default()
        },
    ),
    Column::both(
        || t!("audit-compare-column-after"),
        |r, _| {
            r.field
                .as_ref()
                .and_then(|f| f.after.clone())
                .unwrap_or_default()
        },
    ),
    Column::both(
        || t!("audit-compare-column-events"),
        |r, people| events_text(&r.record.events, people),
    ),
];

/// The records that differ, one row per changed field.
#[component]
fn DiffTable(diff: AuditDiff) -> impl IntoView {
    let rows = rows_of(&diff.records);
    let summary = t!(
        "audit-compare-summary",
        from = diff.from,
        to = diff.to,
        count = diff.records.len()
    );
    let filename = format!("sravnenie-{}-{}-{}.csv", diff.tenant, diff.from, diff.to);
    let body = rows.iter().map(row_view).collect_view();
    let people = use_people();
    let csv = Callback::new(move |()| csv_rows(&COLUMNS, &rows, &people.map_untracked()));
    view! {
        <p class="muted small" data-testid="compare-summary">{summary}</p>
        <ExportTable id="diff-table" filename rows=csv>
            <caption id="diff-table-caption" class="visually-hidden">{t!("audit-compare-caption")}</caption>
            <thead>
                <tr>{headings(&COLUMNS)}</tr>
            </thead>
            <tbody>
                {body}
                {diff.records.is_empty().then(|| view! {
                    <tr class="empty-row">
                        <td colspan="6">{t!("audit-compare-no-changes")}</td>
                    </tr>
                })}
            </tbody>
        </ExportTable>
    }
}
