//! One event's detail: every envelope field, the full hash and the payload.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::format::{date_time_seconds, event_type_label, event_type_text, utc_exact};
use crate::pages::audit::Filters;
use crate::pages::not_found::NotFound;
use crate::pages::tenants::tenant_audit_href;
use antikor_shared::RecordedEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/audit/:position`.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    // Positions start at 1; anything else is not an address of this app.
    let position = Memo::new(move |_| {
        params.with(|p| {
            p.get("position")
                .and_then(|v| v.parse::<u64>().ok())
                .filter(|p| *p > 0)
        })
    });
    move || match position.get() {
        Some(position) => view! { <EventDetail position /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// The detail of the event at `position`.
#[component]
fn EventDetail(position: u64) -> impl IntoView {
    set_title(&format!("Събитие № {position}"));
    let event = LocalResource::new(move || api::audit_event(position));
    let health = LocalResource::new(api::health);
    let tenants = LocalResource::new(api::tenants);
    let retry = Callback::new(move |()| event.refetch());

    let detail = move || {
        Suspend::new(async move {
            match event.await {
                Ok(event) => Ok(view! { <EventFields event tenants /> }.into_any()),
                Err(e) if e.is_not_found() => Ok(view! {
                    <div class="notice notice--info" role="status" data-testid="event-missing">
                        <p>"Събитие № " {position.to_string()} " не съществува в одитната следа."</p>
                    </div>
                }
                .into_any()),
                Err(e) => Err::<AnyView, ApiError>(e),
            }
        })
    };

    // The next position exists only up to the head; without the head, offer it anyway.
    let has_next = move || {
        health
            .get()
            .and_then(Result::ok)
            .is_none_or(|h| position < h.head_position)
    };

    view! {
        <p class="breadcrumb">
            <A href="/audit">"Одитна следа"</A>
            " / събитие № "
            {position.to_string()}
        </p>
        <h1>"Събитие № " {position.to_string()}</h1>
        <nav class="pager pager--event" aria-label="Съседни събития">
            {(position > 1).then(|| {
                let prev = position - 1;
                view! {
                    <A href=format!("/audit/{prev}")>
                        <span id="event-prev">"← № " {prev.to_string()}</span>
                    </A>
                }
            })}
            <Show when=has_next>
                <A href=format!("/audit/{}", position + 1)>
                    <span id="event-next">"№ " {(position + 1).to_string()} " →"</span>
                </A>
            </Show>
        </nav>
        <Loaded retry>{detail}</Loaded>
    }
}

/// The envelope as a definition list, then the payload.
#[component]
fn EventFields(
    event: RecordedEvent,
    tenants: LocalResource<Result<Vec<antikor_shared::tenant::Tenant>, ApiError>>,
) -> impl IntoView {
    let tenant = event.tenant.to_string();
    let tenant_name = {
        let tenant = tenant.clone();
        move || {
            tenants
                .get()
                .and_then(Result::ok)
                .and_then(|list| list.into_iter().find(|t| t.id.as_str() == tenant))
                .map(|t| format!("{} ({})", t.registration.name_bg, tenant))
                .unwrap_or_else(|| tenant.clone())
        }
    };
    let stream_href = Filters {
        tenant: Some(event.tenant.clone()),
        stream: Some(event.stream.clone()),
        ..Filters::default()
    }
    .href();
    // The server stores payloads compact; people read them indented.
    let payload = serde_json::from_str::<serde_json::Value>(event.payload.get())
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| event.payload.get().to_owned());

    view! {
        <dl class="fields" id="event-detail" data-position=event.position.to_string()>
            <dt>"Позиция"</dt>
            <dd data-testid="field-position">{event.position.to_string()}</dd>
            <dt>"Институция"</dt>
            <dd data-testid="field-tenant">
                <A href=tenant_audit_href(&tenant)>{tenant_name}</A>
            </dd>
            <dt>"Поток"</dt>
            <dd data-testid="field-stream">
                <A href=stream_href>
                    <code>{event.stream.to_string()}</code>
                </A>
            </dd>
            <dt>"Версия"</dt>
            <dd data-testid="field-version">{event.version.to_string()}</dd>
            <dt>"Идентификатор"</dt>
            <dd data-testid="field-id">
                <code>{event.id.to_string()}</code>
            </dd>
            <dt>"Тип"</dt>
            <dd data-testid="field-event-type">
                {event_type_text(&event.event_type)}
                {event_type_label(&event.event_type)
                    .map(|_| view! { <span class="muted">" (" <code>{event.event_type.clone()}</code> ")"</span> })}
            </dd>
            <dt>"Версия на схемата"</dt>
            <dd data-testid="field-schema-version">{event.schema_version.to_string()}</dd>
            <dt>"Записано на"</dt>
            <dd data-testid="field-recorded-at">
                <time datetime=utc_exact(event.recorded_at)>
                    {date_time_seconds(event.recorded_at)}
                </time>
                <span class="muted">" (UTC: " {utc_exact(event.recorded_at)} ")"</span>
            </dd>
            <dt>"Извършител"</dt>
            <dd data-testid="field-actor">{event.actor.clone()}</dd>
            <dt>"Correlation"</dt>
            <dd data-testid="field-correlation">
                <code>{event.correlation_id.to_string()}</code>
            </dd>
            <dt>"Causation"</dt>
            <dd data-testid="field-causation">
                {match event.causation_id {
                    Some(id) => view! { <code>{id.to_string()}</code> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </dd>
            <dt>"Хеш"</dt>
            <dd>
                <code id="event-hash" class="hash hash--full">{event.hash.clone()}</code>
            </dd>
        </dl>
        <h2>"Данни на събитието"</h2>
        <pre id="event-payload" class="payload"><code>{payload}</code></pre>
    }
}
