//! One page of the audit trail: the event table, its CSV and the pager.

use super::Filters;
use super::live::{LiveBuffer, same_positions};
use crate::api::PAGE_SIZE;
use crate::csv::{Column, ExportTable, csv_rows, headings};
use crate::directory::{PeopleMap, actor_name, use_people};
use crate::format::{date_time, event_type_text, short_hash, utc_exact};
use antikor_shared::TenantId;
use antikor_shared::api::{AuditEntry, AuditPage};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;
use std::sync::Arc;

/// The rows a page shows (event, arrived live) and whether live events pushed some off.
#[derive(Debug, Clone, Default)]
struct Rows {
    rows: Vec<(AuditEntry, bool)>,
    trimmed: bool,
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        self.trimmed == other.trimmed
            && self
                .rows
                .iter()
                .map(|(_, n)| n)
                .eq(other.rows.iter().map(|(_, n)| n))
            && same_positions(
                self.rows.iter().map(|(e, _)| e),
                other.rows.iter().map(|(e, _)| e),
            )
    }
}

/// One loaded page, with the live events merged in when it is the newest page.
#[component]
pub(super) fn AuditResults(
    filters: Filters,
    page: Arc<AuditPage>,
    live: RwSignal<LiveBuffer>,
    names: Memo<HashMap<String, String>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let page_size = PAGE_SIZE as usize;
    // An `after` page that reached the head is the top as much as the plain newest page is.
    let at_top = filters.before.is_none() && (filters.after.is_none() || page.newer.is_none());
    let head = page.head_position;

    // Live events the page cannot contain: committed after the page was read.
    let fresh = Memo::new(move |_| {
        live.with(|b| LiveBuffer {
            events: b
                .events
                .iter()
                .filter(|e| e.event.position > head)
                .cloned()
                .collect(),
            overflow: b.overflow,
        })
    });

    let rows = {
        let page = page.clone();
        Memo::new(move |_| {
            let mut rows: Vec<(AuditEntry, bool)> = Vec::with_capacity(page_size);
            if at_top {
                fresh.with(|f| rows.extend(f.events.iter().cloned().map(|e| (e, true))));
            }
            rows.extend(page.events.iter().cloned().map(|e| (e, false)));
            let trimmed = rows.len() > page_size;
            rows.truncate(page_size);
            Rows { rows, trimmed }
        })
    };
    // Rows pushed off the bottom by live events are older than the last row shown.
    let older = {
        let page = page.clone();
        move || {
            rows.with(|r| {
                if r.trimmed {
                    r.rows.last().map(|(e, _)| e.event.position)
                } else {
                    page.older
                }
            })
        }
    };
    let newer = if at_top { None } else { page.newer };

    let banner = {
        let href = filters.newest().href();
        move || {
            let count = fresh.with(|f| f.events.len() as u64 + f.overflow);
            (!at_top && count > 0).then(|| {
                view! {
                    <div class="notice notice--info" role="status" data-testid="new-events-banner">
                        {t!("audit-new-events", count = count)}
                        " "
                        <A href=href.clone()>{t!("audit-to-newest")}</A>
                    </div>
                }
            })
        }
    };

    let summary = move || {
        rows.with(|Rows { rows, .. }| match (rows.first(), rows.last()) {
            (Some((first, _)), Some((last, _))) => t!(
                "audit-page-summary",
                count = rows.len(),
                from = last.event.position,
                to = first.event.position,
                head = head.max(first.event.position),
            ),
            _ => String::new(),
        })
    };

    let go = move |target: Filters| navigate(&target.href(), NavigateOptions::default());
    let go_newer = {
        let (go, filters) = (go.clone(), filters.clone());
        move |_| {
            if let Some(p) = newer {
                go(filters.newer_than(p));
            }
        }
    };
    let go_older = {
        let (go, filters, older) = (go.clone(), filters.clone(), older.clone());
        move |_| {
            if let Some(p) = older() {
                go(filters.older_than(p));
            }
        }
    };
    let go_newest = {
        let filters = filters.clone();
        move |_| go(filters.newest())
    };
    let is_newest_request = filters.before.is_none() && filters.after.is_none();
    let filtered = filters.is_filtered();
    // The page as shown, names resolved: the trail itself is long, and is checked with
    // `antikor verify`, not from a spreadsheet.
    let csv = Callback::new(move |()| {
        let events: Vec<AuditEntry> =
            rows.with(|r| r.rows.iter().map(|(entry, _)| entry.clone()).collect());
        let people = use_people().map_untracked();
        names.with(|n| csv_rows(&COLUMNS, &events, &(n.clone(), people)))
    });

    // A search for one person's events looks through a bounded stretch of the log per page.
    let stopped = page.search_stopped_at.map(|at| {
        view! {
            <p class="notice notice--info" role="status" data-testid="search-stopped">
                {t!("audit-search-stopped", position = at)}
            </p>
        }
    });

    view! {
        {banner}
        {stopped}
        <p class="muted small" data-testid="page-summary">{summary}</p>
        <ExportTable id="audit-table" filename="odit.csv" rows=csv>
            <caption id="audit-table-caption" class="visually-hidden">{t!("audit-table-caption")}</caption>
            <thead>
                <tr>{headings(&COLUMNS)}</tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get().rows
                    key=|(entry, _)| entry.event.position
                    children=move |(entry, is_new)| view! { <EventRow entry is_new names /> }
                />
                <Show when=move || rows.with(|r| r.rows.is_empty())>
                    <tr class="empty-row">
                        <td colspan="7">
                            {if filtered {
                                t!("audit-no-matching-events")
                            } else {
                                t!("audit-no-events")
                            }}
                        </td>
                    </tr>
                </Show>
            </tbody>
        </ExportTable>
        <nav class="pager" aria-label=t!("audit-pages")>
            <button id="page-newest" type="button" class="button" disabled=is_newest_request on:click=go_newest>
                {t!("audit-page-newest")}
            </button>
            <button id="page-newer" type="button" class="button" disabled=newer.is_none() on:click=go_newer>
                {t!("audit-page-newer")}
            </button>
            <button id="page-older" type="button" class="button" disabled=move || older().is_none() on:click=go_older>
                {t!("audit-page-older")}
            </button>
        </nav>
    }
}

/// A tenant's name, or its slug while the names are not loaded.
fn tenant_name(names: &HashMap<String, String>, tenant: &TenantId) -> String {
    names
        .get(tenant.as_str())
        .cloned()
        .unwrap_or_else(|| tenant.to_string())
}

/// What the columns name things by: the tenants' names by slug, the people by username.
type Names = (HashMap<String, String>, Arc<PeopleMap>);

/// The table's columns; the file has the whole hash and the raw stream, the page the hash's
/// start and the record's name.
const COLUMNS: [Column<AuditEntry, Names>; 11] = [
    Column::both(
        || t!("audit-column-position"),
        |e: &AuditEntry, _| e.event.position.to_string(),
    )
    .class("num"),
    Column::both(
        || t!("audit-column-time"),
        |e, _| date_time(e.event.recorded_at),
    ),
    Column::both(
        || t!("audit-column-institution"),
        |e, n| tenant_name(&n.0, &e.event.tenant),
    ),
    Column::both(|| t!("audit-column-summary"), |e, _| e.summary.clone()),
    Column::both(|| t!("audit-column-record"), |e, _| e.record.clone()),
    Column::file_only(
        || t!("audit-column-stream"),
        |e, _| e.event.stream.to_string(),
    ),
    Column::file_only(
        || t!("audit-column-version"),
        |e: &AuditEntry, _| e.event.version.to_string(),
    ),
    Column::both(
        || t!("audit-column-type"),
        |e, _| event_type_text(&e.event.event_type).to_string(),
    ),
    Column::both(
        || t!("audit-column-actor"),
        |e, n| actor_name(&n.1, &e.event.actor),
    ),
    // The login the log records, which the trail's filter takes.
    Column::file_only(|| t!("audit-column-username"), |e, _| e.event.actor.clone()),
    Column::both(|| t!("audit-column-hash"), |e, _| e.event.hash.clone()),
];

/// One event in the table.
#[component]
fn EventRow(
    entry: AuditEntry,
    is_new: bool,
    names: Memo<HashMap<String, String>>,
) -> impl IntoView {
    let AuditEntry {
        event,
        summary,
        record,
    } = entry;
    let tenant = event.tenant.to_string();
    let actor = event.actor.clone();
    let people = use_people();
    // The view takes its children before its attributes, so each gets its own copy.
    let type_attr = event.event_type.clone();
    let name = {
        let tenant = event.tenant.clone();
        move || names.with(|n| tenant_name(n, &tenant))
    };
    let stream_href = Filters {
        tenant: Some(event.tenant.clone()),
        stream: Some(event.stream.clone()),
        ..Filters::default()
    }
    .href();
    view! {
        <tr
            class="event-row"
            class:event-row--new=is_new
            data-position=event.position.to_string()
            data-event-type=type_attr
            data-tenant=tenant
        >
            <td class="num">
                <A href=format!("/audit/{}", event.position)>{event.position.to_string()}</A>
            </td>
            <td class="nowrap">
                <time datetime=utc_exact(event.recorded_at) title=utc_exact(event.recorded_at)>
                    {date_time(event.recorded_at)}
                </time>
            </td>
            <td>{name}</td>
            <td class="event-summary">{summary}</td>
            <td>
                <A href=stream_href attr:title=t!("audit-record-version", stream = event.stream.to_string(), version = event.version.to_string())>
                    {record}
                </A>
            </td>
            <td title=event.event_type.clone()>{event_type_text(&event.event_type)}</td>
            <td title=event.actor.clone()>{move || people.name(&actor)}</td>
            <td>
                <code class="hash" title=event.hash.clone()>{short_hash(&event.hash).to_owned()}</code>
            </td>
        </tr>
    }
}
