//! The audit trail: every event, newest first, with filters, keyset paging and live updates.

use crate::access::can_download_log;
use crate::api::{self, ApiError, PAGE_SIZE};
use crate::components::{ErrorMessages, Loading, set_title};
use crate::csv::{Column, ExportTable, csv_rows, headings};
use crate::directory::{Directory, use_directory};
use crate::format::{
    date_time, event_type_text, href_with_query, new_events, short_hash, thousands, utc_exact,
};
use crate::live::{LiveFeed, LiveMessage};
use crate::session::use_session;
use antikor_shared::api::{AuditPage, AuditQuery};
use antikor_shared::{RecordedEvent, StreamId, TenantId};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::HashMap;
use std::sync::Arc;

/// At most this many live events are kept while the person reads an older page.
const LIVE_CAP: usize = 500;

/// What the audit trail shows, as its URL says: `/audit?tenant=&stream=&event_type=&before=&after=`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only this tenant's events.
    pub tenant: Option<TenantId>,
    /// Only this stream's events (only with `tenant`).
    pub stream: Option<StreamId>,
    /// Only events of this type.
    pub event_type: Option<String>,
    /// The page just older than this position.
    pub before: Option<u64>,
    /// The page just newer than this position.
    pub after: Option<u64>,
}

impl Filters {
    /// Reads the filters from URL query values; empty values mean "not set".
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, ApiError> {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let invalid = |what: &str| ApiError::Invalid(format!("Адресът съдържа невалиден {what}."));
        let tenant = value("tenant")
            .map(TenantId::parse)
            .transpose()
            .map_err(|_| invalid("код на институция"))?;
        let stream = value("stream")
            .map(StreamId::parse)
            .transpose()
            .map_err(|_| invalid("поток"))?;
        let position = |key: &str, what: &str| {
            value(key)
                .map(|v| v.parse::<u64>())
                .transpose()
                .map_err(|_| invalid(what))
        };
        let before = position("before", "курсор „before“")?;
        let after = position("after", "курсор „after“")?;
        if stream.is_some() && tenant.is_none() {
            return Err(ApiError::Invalid(
                "Филтър по поток е възможен само заедно с институция.".to_owned(),
            ));
        }
        if before.is_some() && after.is_some() {
            return Err(ApiError::Invalid(
                "Адресът съдържа едновременно „before“ и „after“; изберете едното.".to_owned(),
            ));
        }
        Ok(Self {
            tenant,
            stream,
            event_type: value("event_type"),
            before,
            after,
        })
    }

    /// The API query for this page.
    pub fn query(&self) -> AuditQuery {
        AuditQuery {
            tenant: self.tenant.clone(),
            stream: self.stream.clone(),
            event_type: self.event_type.clone(),
            before: self.before,
            after: self.after,
            limit: Some(PAGE_SIZE),
        }
    }

    /// The app's URL for these filters.
    pub fn href(&self) -> String {
        href_with_query(
            "/audit",
            [
                ("tenant", self.tenant.as_ref().map(ToString::to_string)),
                ("stream", self.stream.as_ref().map(ToString::to_string)),
                ("event_type", self.event_type.clone()),
                ("before", self.before.map(|p| p.to_string())),
                ("after", self.after.map(|p| p.to_string())),
            ],
        )
    }

    /// The same filters on the newest page.
    pub fn newest(&self) -> Self {
        Self {
            before: None,
            after: None,
            ..self.clone()
        }
    }

    /// The same filters on the page older than `position`.
    pub fn older_than(&self, position: u64) -> Self {
        Self {
            before: Some(position),
            after: None,
            ..self.clone()
        }
    }

    /// The same filters on the page newer than `position`.
    pub fn newer_than(&self, position: u64) -> Self {
        Self {
            before: None,
            after: Some(position),
            ..self.clone()
        }
    }

    /// Whether any filter (not a cursor) is set.
    pub fn is_filtered(&self) -> bool {
        self.tenant.is_some() || self.stream.is_some() || self.event_type.is_some()
    }

    /// Narrows the filters to `scope`, the only tenant the user may read (officers and tenant
    /// admins; `None` for roles that see every tenant). Returns whether the address asked for
    /// another tenant, whose stream filter then cannot apply either.
    pub fn within(self, scope: Option<&TenantId>) -> (Self, bool) {
        match scope {
            Some(own) if self.tenant.as_ref() != Some(own) => {
                let foreign = self.tenant.is_some();
                let stream = if foreign { None } else { self.stream.clone() };
                let narrowed = Self {
                    tenant: Some(own.clone()),
                    stream,
                    ..self
                };
                (narrowed, foreign)
            }
            _ => (self, false),
        }
    }

    /// Whether an event passes the filters; cursors are not considered.
    pub fn matches(&self, event: &RecordedEvent) -> bool {
        self.tenant.as_ref().is_none_or(|t| *t == event.tenant)
            && self.stream.as_ref().is_none_or(|s| *s == event.stream)
            && self
                .event_type
                .as_ref()
                .is_none_or(|t| *t == event.event_type)
    }
}

/// The state of the live connection, shown next to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LiveState {
    Connecting,
    Open,
    Retrying,
    Closed,
}

impl LiveState {
    fn code(self) -> &'static str {
        match self {
            Self::Connecting => "connecting",
            Self::Open => "open",
            Self::Retrying => "retrying",
            Self::Closed => "closed",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Connecting => "Свързване за обновяване на живо…",
            Self::Open => "Обновяване на живо: включено",
            Self::Retrying => "Връзката е прекъсната, възстановява се…",
            Self::Closed => "Обновяването на живо е спряно. Презаредете страницата.",
        }
    }
}

/// Events that arrived over the live feed since the current page was read, newest first.
#[derive(Debug, Clone, Default)]
struct LiveBuffer {
    events: Vec<RecordedEvent>,
    /// Matching events dropped because the buffer was full.
    overflow: u64,
}

// A position names one event forever, so positions are enough to tell buffers apart.
impl PartialEq for LiveBuffer {
    fn eq(&self, other: &Self) -> bool {
        self.overflow == other.overflow && same_positions(&self.events, &other.events)
    }
}

fn same_positions<'a>(
    a: impl IntoIterator<Item = &'a RecordedEvent>,
    b: impl IntoIterator<Item = &'a RecordedEvent>,
) -> bool {
    a.into_iter()
        .map(|e| e.position)
        .eq(b.into_iter().map(|e| e.position))
}

/// The rows a page shows (event, arrived live) and whether live events pushed some off.
#[derive(Debug, Clone, Default)]
struct Rows {
    rows: Vec<(RecordedEvent, bool)>,
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

/// `/audit`.
#[component]
pub fn AuditPage() -> impl IntoView {
    set_title("Одитна следа");
    let session = use_session();
    // Officers and tenant admins read their own tenant only; the server enforces it, the page
    // says it and locks the filter.
    let scope = session
        .user_untracked()
        .filter(|u| !u.role.sees_all_tenants())
        .map(|u| (u.tenant, u.tenant_name_bg));
    let scope_id = scope.as_ref().map(|(id, _)| id.clone());
    let query = use_query_map();
    let scoped = Memo::new(move |_| {
        query.with(|q| Filters::parse(|k| q.get(k)).map(|f| f.within(scope_id.as_ref())))
    });
    let parsed = Memo::new(move |_| scoped.get().map(|(f, _)| f));
    let asked_foreign = Memo::new(move |_| scoped.with(|s| matches!(s, Ok((_, true)))));
    let filters = Memo::new(move |_| parsed.get().unwrap_or_default());

    let live = RwSignal::new(LiveBuffer::default());
    let page = LocalResource::new(move || {
        let parsed = parsed.get();
        // Whatever arrived live belongs to the page being replaced; the new page's
        // `head_position` tells which live events it already contains.
        live.set(LiveBuffer::default());
        async move {
            let filters = parsed?;
            let page = api::audit_events(&filters.query()).await?;
            Ok::<_, ApiError>((filters, Arc::new(page)))
        }
    });

    let live_state = RwSignal::new(LiveState::Connecting);
    let feed = LiveFeed::open(api::LIVE_URL, move |message| match message {
        LiveMessage::Open => {
            let reconnected = live_state.get_untracked() == LiveState::Retrying;
            live_state.try_set(LiveState::Open);
            // Events committed while disconnected were never delivered.
            if reconnected {
                page.refetch();
            }
        }
        LiveMessage::Event(event) => {
            let Ok(current) = parsed.get_untracked() else {
                return;
            };
            if !current.matches(&event) {
                return;
            }
            live.try_update(|buffer| {
                if buffer
                    .events
                    .first()
                    .is_some_and(|e| e.position >= event.position)
                {
                    return;
                }
                buffer.events.insert(0, *event);
                if buffer.events.len() > LIVE_CAP {
                    buffer.events.pop();
                    buffer.overflow += 1;
                }
            });
        }
        LiveMessage::Lagged => page.refetch(),
        LiveMessage::Broken { retrying } => {
            live_state.try_set(if retrying {
                LiveState::Retrying
            } else {
                LiveState::Closed
            });
            // EventSource hides the status of a refused connection; asking for the session
            // tells whether it ended, and a 401 there leads to the login page.
            if !retrying {
                leptos::task::spawn_local(async {
                    let _ = api::session().await;
                });
            }
        }
    });
    if feed.is_none() {
        live_state.set(LiveState::Closed);
    }
    let feed = feed.map(LiveFeed::into_send);
    on_cleanup(move || drop(feed));

    let tenants = use_directory();
    let names = Memo::new(move |_| {
        tenants
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .map(|t| (t.id.to_string(), t.registration.name_bg))
                    .collect::<HashMap<_, _>>()
            })
            .unwrap_or_default()
    });

    let (pending, set_pending) = signal(false);
    let retry = Callback::new(move |()| page.refetch());
    let results = move || {
        Suspend::new(async move {
            let (filters, page) = page.await?;
            Ok::<_, ApiError>(view! { <AuditResults filters page live names /> })
        })
    };

    view! {
        <h1>"Одитна следа"</h1>
        <p class="lead">
            "Всички записани промени, най-новите първи. Всяко събитие е свързано с предишното чрез хеш, "
            "така че промяна в миналото би нарушила веригата."
        </p>
        <Show when=move || session.role().is_some_and(can_download_log)>
            <LogBundle />
        </Show>
        <FilterBar filters tenants scope=scope.clone() />
        <Show when=move || asked_foreign.get()>
            <p id="scope-notice" class="notice notice--info" role="status">
                "Имате достъп само до събитията на своята институция, затова са показани те."
            </p>
        </Show>
        <p class="live-status" data-testid="live-status" data-state=move || live_state.get().code() role="status">
            <span class="live-dot" aria-hidden="true"></span>
            {move || live_state.get().label()}
        </p>
        <div class="results" class:is-pending=pending aria-busy=move || pending.get().to_string()>
            <Transition fallback=|| view! { <Loading /> } set_pending>
                <ErrorBoundary fallback=move |errors| {
                    view! { <ErrorMessages errors retry /> }
                }>{results}</ErrorBoundary>
            </Transition>
        </div>
    }
}

/// The auditor's download of the whole log, and how to check it offline.
#[component]
fn LogBundle() -> impl IntoView {
    view! {
        <p class="log-bundle" data-testid="log-bundle">
            <a id="log-bundle" href=api::LOG_BUNDLE_URL download="">
                "Изтегли целия дневник за проверка"
            </a>
            " Проверете файла без сървър с "
            <code>"antikor bundle verify FILE --key KEY"</code>
            " (FILE е изтегленият файл, KEY — ключът за проверка от началната страница)."
        </p>
    }
}

/// The filter controls; every change becomes a new URL, so the page follows the address.
#[component]
fn FilterBar(
    filters: Memo<Filters>,
    tenants: Directory,
    /// The only tenant the user may read, with its name; `None` when they read all.
    scope: Option<(TenantId, String)>,
) -> impl IntoView {
    let locked = scope.is_some();
    let navigate = use_navigate();
    let go = move |f: Filters| navigate(&f.href(), NavigateOptions::default());
    // The type list counts what the chosen institution holds, so it follows that filter.
    let event_types = LocalResource::new(move || api::event_types(filters.get().tenant));
    let (stream_error, set_stream_error) = signal(None::<&'static str>);

    let on_tenant = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let tenant = TenantId::parse(event_target_value(&ev)).ok();
            set_stream_error.set(None);
            // A stream belongs to one tenant, so it cannot survive a change of tenant.
            go(Filters {
                tenant,
                stream: None,
                ..filters.get_untracked().newest()
            });
        }
    };
    let on_stream = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let value = value.trim();
            let stream = if value.is_empty() {
                None
            } else {
                match StreamId::parse(value) {
                    Ok(stream) => Some(stream),
                    Err(_) => {
                        set_stream_error.set(Some(
                            "Потокът може да съдържа само латински букви, цифри и знаците - _ . : (до 128 знака).",
                        ));
                        return;
                    }
                }
            };
            set_stream_error.set(None);
            let current = filters.get_untracked();
            if current.stream != stream {
                go(Filters {
                    stream,
                    ..current.newest()
                });
            }
        }
    };
    let on_type = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let event_type = (!value.is_empty()).then_some(value);
            go(Filters {
                event_type,
                ..filters.get_untracked().newest()
            });
        }
    };

    let tenant_options = move || {
        let current = filters.with(|f| f.tenant.clone());
        let list = tenants.get().and_then(Result::ok).unwrap_or_default();
        let mut options: Vec<(String, String)> = list
            .into_iter()
            .map(|t| (t.id.to_string(), t.registration.name_bg))
            .collect();
        // Keep the address's choice visible even before (or without) the list.
        if let Some(c) = current
            .as_ref()
            .filter(|c| !options.iter().any(|(id, _)| id == c.as_str()))
        {
            options.push((c.to_string(), c.to_string()));
        }
        options
            .into_iter()
            .map(|(id, name)| {
                let selected = current.as_ref().is_some_and(|c| c.as_str() == id);
                view! {
                    <option value=id prop:selected=selected>
                        {name}
                    </option>
                }
            })
            .collect_view()
    };
    let type_options = move || {
        let current = filters.with(|f| f.event_type.clone());
        let list = event_types.get().and_then(Result::ok).unwrap_or_default();
        let mut options: Vec<(String, String)> = list
            .into_iter()
            .map(|t| {
                let label = format!(
                    "{} ({})",
                    event_type_text(&t.event_type),
                    thousands(t.count)
                );
                (t.event_type, label)
            })
            .collect();
        if let Some(c) = current
            .as_ref()
            .filter(|c| !options.iter().any(|(t, _)| t == *c))
        {
            options.push((c.clone(), event_type_text(c)));
        }
        options
            .into_iter()
            .map(|(value, label)| {
                let selected = current.as_deref() == Some(value.as_str());
                view! {
                    <option value=value prop:selected=selected>
                        {label}
                    </option>
                }
            })
            .collect_view()
    };

    view! {
        <form class="filters" role="search" aria-label="Филтри" on:submit=|ev| ev.prevent_default()>
            {match scope {
                // Only one choice exists, so the select shows it and cannot be changed.
                Some((id, name)) => view! {
                    <div class="field">
                        <label for="filter-tenant">"Институция"</label>
                        <select id="filter-tenant" disabled aria-describedby="filter-tenant-help">
                            <option value=id.to_string() selected>{name}</option>
                        </select>
                        <p id="filter-tenant-help" class="field__help">
                            "Виждате само събитията на своята институция."
                        </p>
                    </div>
                }
                .into_any(),
                None => view! {
                    <div class="field">
                        <label for="filter-tenant">"Институция"</label>
                        <select id="filter-tenant" on:change=on_tenant>
                            <option value="" prop:selected=move || filters.with(|f| f.tenant.is_none())>
                                "Всички институции"
                            </option>
                            {tenant_options}
                        </select>
                    </div>
                }
                .into_any(),
            }}
            <div class="field">
                <label for="filter-stream">"Поток"</label>
                <input
                    id="filter-stream"
                    type="text"
                    inputmode="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=move || {
                        if filters.with(|f| f.tenant.is_some()) {
                            "напр. tenant"
                        } else {
                            "първо изберете институция"
                        }
                    }
                    disabled=move || filters.with(|f| f.tenant.is_none())
                    prop:value=move || filters.with(|f| f.stream.as_ref().map(ToString::to_string).unwrap_or_default())
                    aria-invalid=move || stream_error.get().is_some().to_string()
                    aria-describedby="filter-stream-help"
                    on:change=on_stream
                />
                <p id="filter-stream-help" class="field__help" class:field__help--error=move || stream_error.get().is_some()>
                    {move || stream_error.get().unwrap_or("Въведете потока и натиснете Enter.")}
                </p>
            </div>
            <div class="field">
                <label for="filter-type">"Тип събитие"</label>
                <select id="filter-type" on:change=on_type>
                    <option value="" prop:selected=move || filters.with(|f| f.event_type.is_none())>
                        "Всички типове"
                    </option>
                    {type_options}
                </select>
            </div>
            // The locked tenant is no filter the user chose, so it alone offers nothing to clear.
            <Show when=move || {
                filters.with(|f| f.stream.is_some() || f.event_type.is_some() || (!locked && f.tenant.is_some()))
            }>
                <div class="field field--action">
                    <A href="/audit">"Изчисти филтрите"</A>
                </div>
            </Show>
        </form>
    }
}

/// One loaded page, with the live events merged in when it is the newest page.
#[component]
fn AuditResults(
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
                .filter(|e| e.position > head)
                .cloned()
                .collect(),
            overflow: b.overflow,
        })
    });

    let rows = {
        let page = page.clone();
        Memo::new(move |_| {
            let mut rows: Vec<(RecordedEvent, bool)> = Vec::with_capacity(page_size);
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
                    r.rows.last().map(|(e, _)| e.position)
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
                        "Има " {new_events(count)} ". "
                        <A href=href.clone()>"Към най-новите"</A>
                    </div>
                }
            })
        }
    };

    let summary = move || {
        rows.with(|Rows { rows, .. }| match (rows.first(), rows.last()) {
            (Some((first, _)), Some((last, _))) => format!(
                "Показани са {} събития: от № {} до № {}. Последното събитие в дневника е № {}.",
                rows.len(),
                thousands(last.position),
                thousands(first.position),
                thousands(head.max(first.position)),
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
        let events: Vec<RecordedEvent> =
            rows.with(|r| r.rows.iter().map(|(event, _)| event.clone()).collect());
        names.with(|n| csv_rows(&COLUMNS, &events, n))
    });

    view! {
        {banner}
        <p class="muted small" data-testid="page-summary">{summary}</p>
        <ExportTable id="audit-table" filename="odit.csv" rows=csv>
            <caption class="visually-hidden">"Събития в одитната следа, най-новите първи"</caption>
            <thead>
                <tr>{headings(&COLUMNS)}</tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get().rows
                    key=|(event, _)| event.position
                    children=move |(event, is_new)| view! { <EventRow event is_new names /> }
                />
                <Show when=move || rows.with(|r| r.rows.is_empty())>
                    <tr class="empty-row">
                        <td colspan="8">
                            {if filtered {
                                "Няма събития, които отговарят на избраните филтри."
                            } else {
                                "Няма събития."
                            }}
                        </td>
                    </tr>
                </Show>
            </tbody>
        </ExportTable>
        <nav class="pager" aria-label="Страници">
            <button id="page-newest" type="button" class="button" disabled=is_newest_request on:click=go_newest>
                "Най-нови"
            </button>
            <button id="page-newer" type="button" class="button" disabled=newer.is_none() on:click=go_newer>
                "← По-нови"
            </button>
            <button id="page-older" type="button" class="button" disabled=move || older().is_none() on:click=go_older>
                "По-стари →"
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

/// The table's columns; the file has the whole hash, the page its start.
const COLUMNS: [Column<RecordedEvent, HashMap<String, String>>; 8] = [
    Column::both("№", |e: &RecordedEvent, _| e.position.to_string()).class("num"),
    Column::both("Време", |e, _| date_time(e.recorded_at)),
    Column::both("Институция", |e, n| tenant_name(n, &e.tenant)),
    Column::both("Поток", |e, _| e.stream.to_string()),
    Column::both("Версия", |e: &RecordedEvent, _| e.version.to_string()).class("num"),
    Column::both("Тип", |e, _| event_type_text(&e.event_type).to_string()),
    Column::both("Извършител", |e, _| e.actor.to_string()),
    Column::both("Хеш", |e, _| e.hash.clone()),
];

/// One event in the table.
#[component]
fn EventRow(
    event: RecordedEvent,
    is_new: bool,
    names: Memo<HashMap<String, String>>,
) -> impl IntoView {
    let tenant = event.tenant.to_string();
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
            <td>
                <A href=stream_href>
                    <code>{event.stream.to_string()}</code>
                </A>
            </td>
            <td class="num">{event.version.to_string()}</td>
            <td title=event.event_type.clone()>{event_type_text(&event.event_type)}</td>
            <td>{event.actor}</td>
            <td>
                <code class="hash" title=event.hash.clone()>{short_hash(&event.hash).to_owned()}</code>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<Filters, ApiError> {
        Filters::parse(|k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    fn event(tenant: &str, stream: &str, event_type: &str) -> RecordedEvent {
        serde_json::from_value(serde_json::json!({
            "position": 7, "tenant": tenant, "stream": stream, "version": 1,
            "id": "00000000-0000-0000-0000-000000000001", "event_type": event_type,
            "schema_version": 1, "recorded_at": "2025-01-01T10:00:00Z", "actor": "system",
            "correlation_id": "00000000-0000-0000-0000-000000000002", "causation_id": null,
            "payload": {"a": 1}, "hash": "ab"
        }))
        .unwrap()
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = parse(&[
            ("tenant", "bansko"),
            ("stream", "signal:1"),
            ("before", "120"),
        ])
        .unwrap();
        assert_eq!(
            f.href(),
            "/audit?tenant=bansko&stream=signal%3A1&before=120"
        );
        assert_eq!(f.newest().href(), "/audit?tenant=bansko&stream=signal%3A1");
        assert_eq!(
            f.newer_than(5).href(),
            "/audit?tenant=bansko&stream=signal%3A1&after=5"
        );
        assert_eq!(
            parse(&[("tenant", ""), ("event_type", "")]).unwrap(),
            Filters::default()
        );
        assert_eq!(f.query().limit, Some(PAGE_SIZE));
    }

    #[test]
    fn invalid_addresses_are_refused() {
        assert!(parse(&[("tenant", "Not Valid")]).is_err());
        assert!(parse(&[("stream", "tenant")]).is_err());
        assert!(parse(&[("before", "x")]).is_err());
        assert!(parse(&[("before", "3"), ("after", "1")]).is_err());
    }

    #[test]
    fn live_events_are_matched_against_filters() {
        let e = event("bansko", "tenant", "TenantRegistered");
        assert!(Filters::default().matches(&e));
        assert!(parse(&[("tenant", "bansko")]).unwrap().matches(&e));
        assert!(!parse(&[("tenant", "petrich")]).unwrap().matches(&e));
        assert!(
            !parse(&[("tenant", "bansko"), ("stream", "other")])
                .unwrap()
                .matches(&e)
        );
        assert!(!parse(&[("event_type", "X")]).unwrap().matches(&e));
        // Cursors say where the page is, not which events belong to it.
        assert!(parse(&[("before", "3")]).unwrap().matches(&e));
    }

    #[test]
    fn scoped_users_read_their_own_tenant() {
        let own = TenantId::parse("blagoevgrad").unwrap();
        let (f, foreign) = parse(&[("event_type", "LoginFailed")])
            .unwrap()
            .within(Some(&own));
        assert_eq!(f.tenant.as_ref(), Some(&own));
        assert_eq!(f.event_type.as_deref(), Some("LoginFailed"));
        assert!(!foreign);

        let (f, foreign) = parse(&[("tenant", "bansko"), ("stream", "tenant")])
            .unwrap()
            .within(Some(&own));
        assert_eq!(f.tenant.as_ref(), Some(&own));
        assert_eq!(f.stream, None, "another tenant's stream does not apply");
        assert!(foreign);

        let own_stream = parse(&[("tenant", "blagoevgrad"), ("stream", "tenant")]).unwrap();
        assert_eq!(own_stream.clone().within(Some(&own)), (own_stream, false));

        let everyone = parse(&[("tenant", "bansko")]).unwrap();
        assert_eq!(everyone.clone().within(None), (everyone, false));
    }
}
