//! The audit trail: every event, newest first, with filters, keyset paging and live updates.

mod compare;
mod filter_bar;
mod filters;
mod live;
mod results;

pub use compare::{ComparePage, Comparison};
pub use filters::Filters;

use crate::access::can_download_log;
use crate::api::{self, ApiError};
use crate::components::{ErrorMessages, Loading, set_title};
use crate::directory::use_directory;
use crate::live::{LiveFeed, LiveMessage};
use crate::session::use_session;
use filter_bar::FilterBar;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use live::{LIVE_CAP, LiveBuffer, LiveState};
use results::AuditResults;
use std::collections::HashMap;
use std::sync::Arc;

/// `/audit`.
#[component]
pub fn AuditPage() -> impl IntoView {
    set_title(&t!("audit-title"));
    let session = use_session();
    // Officers and tenant admins read their own tenant only; the server enforces it, the page
    // says it and locks the filter.
    let scope = session
        .user_untracked()
        .filter(|u| !u.role.sees_other_tenants())
        .map(|u| (u.tenant, u.tenant_name.get(crate::i18n::lang()).to_owned()));
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
            if !current.matches(&event.event) {
                return;
            }
            live.try_update(|buffer| {
                if buffer
                    .events
                    .first()
                    .is_some_and(|e| e.event.position >= event.event.position)
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
                    .map(|t| {
                        let name = t.registration.name().get(crate::i18n::lang()).to_owned();
                        (t.id.to_string(), name)
                    })
                    .collect::<HashMap<_, _>>()
            })
            .unwrap_or_default()
    });

    // The record the address narrows to, by the name its rows give it.
    let record_name = Signal::derive(move || {
        let stream = filters.with(|f| f.stream.clone())?;
        page.get().and_then(Result::ok).and_then(|(_, page)| {
            page.events
                .iter()
                .find(|e| e.event.stream == stream)
                .map(|e| e.record.clone())
        })
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
        <h1>{t!("audit-title")}</h1>
        <p class="lead">{t!("audit-lead")}</p>
        <Show when=move || session.role().is_some_and(can_download_log)>
            <LogBundle />
        </Show>
        <p>
            <leptos_router::components::A href="/audit/compare">
                {t!("audit-compare-title")}
            </leptos_router::components::A>
            " — "
            {t!("audit-compare-link-note")}
        </p>
        <FilterBar filters tenants scope=scope.clone() record_name />
        <Show when=move || asked_foreign.get()>
            <p id="scope-notice" class="notice notice--info" role="status">
                {t!("audit-scope-notice")}
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
                {t!("audit-bundle-download")}
            </a>
            " "
            {t!("audit-bundle-verify")}
            " "
            <code>"antikor bundle verify FILE --key KEY"</code>
            " "
            {t!("audit-bundle-verify-legend")}
        </p>
    }
}
