//! One event's detail: every envelope field, the full hash, the payload, and the browser's own
//! proof that the event is in the signed log.

use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::directory::{Directory, use_directory, use_people};
use crate::format::{
    date_time, date_time_seconds, event_type_label, event_type_text, short_hash, utc_exact,
};
use crate::inclusion::{Included, LogPart, NotVerified, OpenedLog, check_event, open_log};
use crate::pages::audit::{Comparison, Filters};
use crate::pages::not_found::NotFound;
use crate::pages::tenants::tenant_audit_href;
use antikor_shared::RecordedEvent;
use antikor_shared::api::AuditEntry;
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
    set_title(&t!("audit-event-title", position = position.to_string()));
    let event = LocalResource::new(move || api::audit_event(position));
    let health = LocalResource::new(api::health);
    let tenants = use_directory();
    let retry = Callback::new(move |()| event.refetch());

    let detail = move || {
        Suspend::new(async move {
            match event.await {
                Ok(entry) => Ok(view! { <EventFields entry tenants /> }.into_any()),
                Err(e) if e.is_not_found() => Ok(view! {
                    <div class="notice notice--info" role="status" data-testid="event-missing">
                        <p>{t!("audit-event-missing", position = position.to_string())}</p>
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
            <A href="/audit">{t!("audit-title")}</A>
            " / "
            {t!("audit-event-breadcrumb", position = position.to_string())}
        </p>
        <h1>{t!("audit-event-title", position = position.to_string())}</h1>
        <nav class="pager pager--event" aria-label=t!("audit-event-neighbours")>
            {(position > 1).then(|| {
                let prev = position - 1;
                view! {
                    <A href=format!("/audit/{prev}")>
                        <span id="event-prev">"← " {t!("audit-event-number", position = prev.to_string())}</span>
                    </A>
                }
            })}
            <Show when=has_next>
                <A href=format!("/audit/{}", position + 1)>
                    <span id="event-next">{t!("audit-event-number", position = (position + 1).to_string())} " →"</span>
                </A>
            </Show>
        </nav>
        <Loaded retry>{detail}</Loaded>
    }
}

/// What happened in a sentence, the envelope as a definition list, then the payload.
#[component]
fn EventFields(entry: AuditEntry, tenants: Directory) -> impl IntoView {
    let AuditEntry {
        event,
        summary,
        record,
    } = entry;
    let tenant = event.tenant.to_string();
    let tenant_name = {
        let tenant = tenant.clone();
        move || {
            tenants
                .get()
                .and_then(Result::ok)
                .and_then(|list| list.into_iter().find(|t| t.id.as_str() == tenant))
                .map(|t| {
                    let name = t.registration.name();
                    format!("{} ({})", name.get(crate::i18n::lang()), tenant)
                })
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
    let shown = event.clone();
    let changes = event.clone();

    view! {
        <p class="lead" id="event-summary">{summary}</p>
        <dl class="fields" id="event-detail" data-position=event.position.to_string()>
            <dt>{t!("audit-event-position")}</dt>
            <dd data-testid="field-position">{event.position.to_string()}</dd>
            <dt>{t!("audit-event-institution")}</dt>
            <dd data-testid="field-tenant">
                <A href=tenant_audit_href(&tenant)>{tenant_name}</A>
            </dd>
            <dt>{t!("audit-event-record")}</dt>
            <dd data-testid="field-stream">
                <A href=stream_href>{record}</A>
                <span class="muted">" (" {t!("audit-event-stream")} " " <code>{event.stream.to_string()}</code> ")"</span>
            </dd>
            <dt>{t!("audit-event-version")}</dt>
            <dd data-testid="field-version">{event.version.to_string()}</dd>
            <dt>{t!("audit-event-id")}</dt>
            <dd data-testid="field-id">
                <code>{event.id.to_string()}</code>
            </dd>
            <dt>{t!("audit-event-type")}</dt>
            <dd data-testid="field-event-type">
                {event_type_text(&event.event_type)}
                {event_type_label(&event.event_type)
                    .map(|_| view! { <span class="muted">" (" <code>{event.event_type.clone()}</code> ")"</span> })}
            </dd>
            <dt>{t!("audit-event-schema-version")}</dt>
            <dd data-testid="field-schema-version">{event.schema_version.to_string()}</dd>
            <dt>{t!("audit-event-recorded-at")}</dt>
            <dd data-testid="field-recorded-at">
                <time datetime=utc_exact(event.recorded_at)>
                    {date_time_seconds(event.recorded_at)}
                </time>
                <span class="muted">" (UTC: " {utc_exact(event.recorded_at)} ")"</span>
            </dd>
            <dt>{t!("audit-event-actor")}</dt>
            <dd data-testid="field-actor" title=event.actor.clone()>
                {let actor = event.actor.clone(); move || use_people().name(&actor)}
            </dd>
            <dt>{t!("audit-event-correlation")}</dt>
            <dd data-testid="field-correlation">
                <code>{event.correlation_id.to_string()}</code>
            </dd>
            <dt>{t!("audit-event-causation")}</dt>
            <dd data-testid="field-causation">
                {match event.causation_id {
                    Some(id) => view! { <code>{id.to_string()}</code> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </dd>
            <dt>{t!("audit-event-hash")}</dt>
            <dd>
                <code id="event-hash" class="hash hash--full">{event.hash.clone()}</code>
            </dd>
        </dl>
        <RecordChanges event=changes />
        <InclusionCheck event=shown />
        // The sentence and the changed fields say what happened; the record as stored is one
        // click away for whoever checks it byte by byte.
        <details class="raw-payload">
            <summary>{t!("audit-event-payload")}</summary>
            <pre id="event-payload" class="payload"><code>{payload}</code></pre>
        </details>
    }
}

/// What this event changed in its record (each field before and after), the record's other
/// versions, and the comparison of the moments just before and just after it.
#[component]
fn RecordChanges(event: RecordedEvent) -> impl IntoView {
    let (tenant, stream, version, position) = (
        event.tenant.clone(),
        event.stream.clone(),
        event.version,
        event.position,
    );
    let history = LocalResource::new(move || api::record_history(tenant.clone(), stream.clone()));
    let compare = Comparison {
        tenant: Some(event.tenant.clone()),
        from: Some((position - 1).to_string()),
        to: Some(position.to_string()),
    }
    .href();
    let shown = move || {
        Suspend::new(async move {
            let history = match history.await {
                Ok(history) => history,
                // A log of happenings (logins, keys) is no record with fields and versions.
                Err(e) if e.is_not_found() => return Ok(().into_any()),
                Err(e) => return Err(e),
            };
            let this = history.versions.iter().find(|v| v.version == version);
            let fields = match this.map(|v| v.fields.clone()).unwrap_or_default() {
                fields if fields.is_empty() => view! {
                    <p class="muted" id="event-changes">{t!("audit-changes-none")}</p>
                }
                .into_any(),
                fields => view! {
                    <table class="data-table" id="event-changes">
                        <caption class="visually-hidden">{t!("audit-changes-caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!("audit-changes-field")}</th>
                                <th scope="col">{t!("audit-changes-before")}</th>
                                <th scope="col">{t!("audit-changes-after")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {fields
                                .into_iter()
                                .map(|f| view! {
                                    <tr>
                                        <td>{f.field}</td>
                                        <td class="diff-before">{f.before.unwrap_or_else(|| "—".into())}</td>
                                        <td class="diff-after">{f.after.unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any(),
            };
            let versions = history
                .versions
                .into_iter()
                .map(|v| {
                    let current = v.version == version;
                    view! {
                        <li class:current=current>
                            {if current {
                                view! { <strong>{t!("audit-version", version = v.version.to_string())}</strong> }.into_any()
                            } else {
                                view! {
                                    <A href=format!("/audit/{}", v.event.position)>
                                        {t!("audit-version", version = v.version.to_string())}
                                    </A>
                                }
                                .into_any()
                            }}
                            " · "
                            <time datetime=utc_exact(v.event.recorded_at)>{date_time(v.event.recorded_at)}</time>
                            " · "
                            {let actor = v.event.actor.clone(); move || use_people().name(&actor)}
                            " · "
                            {v.event.summary}
                        </li>
                    }
                })
                .collect_view();
            Ok::<_, ApiError>(
                view! {
                    <h2>{t!("audit-changes-heading")}</h2>
                    {fields}
                    <h2>{t!("audit-record-history", record = history.record)}</h2>
                    <ol class="row-list" id="record-history">{versions}</ol>
                }
                .into_any(),
            )
        })
    };
    let retry = Callback::new(move |()| history.refetch());
    view! {
        <p>
            <A href=compare>{t!("audit-compare-around-event")}</A>
        </p>
        <Loaded retry>{shown}</Loaded>
    }
}

/// Fetches the log's key and newest signed checkpoint and opens the checkpoint with the key.
async fn fetch_log() -> Result<OpenedLog, NotVerified> {
    let missing = |part| {
        move |e: ApiError| NotVerified::Missing {
            part,
            reason: e.to_string(),
        }
    };
    let key = api::log_key().await.map_err(missing(LogPart::Key))?;
    let checkpoint = api::log_checkpoint()
        .await
        .map_err(missing(LogPart::Checkpoint))?;
    open_log(&key, &checkpoint)
}

/// Proves, in the browser, that `event` is in the log: the signed checkpoint, then the
/// server's inclusion proof for its size, checked by [`check_event`].
async fn prove_in_browser(event: RecordedEvent) -> Result<Included, NotVerified> {
    let mut log = fetch_log().await?;
    if event.position > log.size() {
        // The server signs its newest head when asked, so a checkpoint fetched after the event
        // normally covers it; should a signing have raced the read, ask once more.
        log = fetch_log().await?;
    }
    if event.position > log.size() {
        return Err(NotVerified::OlderCheckpoint {
            position: event.position,
            size: log.size(),
        });
    }
    let proof = api::inclusion_proof(event.position, log.size())
        .await
        .map_err(|e| NotVerified::Missing {
            part: LogPart::Proof,
            reason: e.to_string(),
        })?;
    check_event(&event, &log, &proof)
}

/// „Проверка в дневника“: whether the browser itself proved the event is in the signed log.
/// `data-state` is `checking`, then `ok` or `failed`; a failure names what did not check out.
#[component]
fn InclusionCheck(event: RecordedEvent) -> impl IntoView {
    let check = LocalResource::new(move || prove_in_browser(event.clone()));
    let state = move || match check.get() {
        None => "checking",
        Some(Ok(_)) => "ok",
        Some(Err(_)) => "failed",
    };
    let result = move || match check.get() {
        None => view! {
            <p class="loading" role="status">
                {t!("audit-inclusion-checking")}
            </p>
        }
        .into_any(),
        Some(Ok(included)) => view! { <Proved included /> }.into_any(),
        Some(Err(why)) => view! {
            <div class="notice notice--warn" role="alert" data-testid="inclusion-failed">
                <p>
                    <strong>{t!("audit-inclusion-failed")} " "</strong>
                    {why.to_string()}
                </p>
                <button type="button" class="button" on:click=move |_| check.refetch()>
                    {t!("audit-inclusion-retry")}
                </button>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="inclusion" data-testid="inclusion" data-state=state aria-labelledby="inclusion-heading">
            <h2 id="inclusion-heading">{t!("audit-inclusion-heading")}</h2>
            <p class="muted small">{t!("audit-inclusion-explained")}</p>
            {result}
        </section>
    }
}

/// A proof that checked out: the sentence, the checkpoint it is against, and its witnesses.
#[component]
fn Proved(included: Included) -> impl IntoView {
    let witnesses = (!included.witnesses.is_empty()).then(|| {
        view! {
            <dt>{t!("audit-inclusion-witnesses")}</dt>
            <dd data-testid="inclusion-witnesses">
                {included.witnesses.join(", ")}
                <span class="muted">" " {t!("audit-inclusion-witnesses-note")}</span>
            </dd>
        }
    });
    view! {
        <p class="notice notice--ok" role="status" data-testid="inclusion-result">
            {included.sentence()}
        </p>
        <dl class="fields">
            <dt>{t!("audit-inclusion-size")}</dt>
            <dd data-testid="inclusion-size">{included.size.to_string()}</dd>
            <dt>{t!("audit-inclusion-root")}</dt>
            <dd>
                <code class="hash" title=included.root.clone() data-testid="inclusion-root">
                    {short_hash(&included.root).to_owned()}
                </code>
            </dd>
            <dt>{t!("audit-inclusion-leaf-hash")}</dt>
            <dd>
                <code class="hash" title=included.leaf_hash.clone()>
                    {short_hash(&included.leaf_hash).to_owned()}
                </code>
            </dd>
            {witnesses}
        </dl>
        <p class="muted small">
            {t!("audit-inclusion-fingerprint-before")}
            " "
            <code>{included.fingerprint.clone()}</code>
            " "
            {t!("audit-inclusion-fingerprint-after")}
        </p>
    }
}
