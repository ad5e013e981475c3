//! The audit trail's filter controls: institution, stream and event type.

use super::Filters;
use crate::api;
use crate::directory::Directory;
use crate::format::{event_type_text, thousands};
use antikor_shared::{StreamId, TenantId};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The filter controls; every change becomes a new URL, so the page follows the address.
#[component]
pub(super) fn FilterBar(
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
        let current = filters.with(|f| f.tenant.as_ref().map(|t| (t.to_string(), t.to_string())));
        let list = tenants.get().and_then(Result::ok).unwrap_or_default();
        let options = list
            .into_iter()
            .map(|t| (t.id.to_string(), t.registration.name_bg))
            .collect();
        options_with(options, current)
    };
    let type_options = move || {
        let current = filters.with(|f| {
            f.event_type
                .as_ref()
                .map(|t| (t.clone(), event_type_text(t)))
        });
        let list = event_types.get().and_then(Result::ok).unwrap_or_default();
        let options = list
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
        options_with(options, current)
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

/// A select's `(value, label)` options with `current` chosen. The address's choice stays
/// visible even before (or without) the list: `current` carries the label it then shows.
fn options_with(
    mut options: Vec<(String, String)>,
    current: Option<(String, String)>,
) -> impl IntoView {
    let chosen = current.as_ref().map(|(value, _)| value.clone());
    if let Some(missing) = current.filter(|(value, _)| !options.iter().any(|(v, _)| v == value)) {
        options.push(missing);
    }
    options
        .into_iter()
        .map(|(value, label)| {
            let selected = chosen.as_deref() == Some(value.as_str());
            view! {
                <option value=value prop:selected=selected>
                    {label}
                </option>
            }
        })
        .collect_view()
}
