//! The audit trail's filter controls: institution, record, event type and a stretch of time.

use super::Filters;
use crate::api;
use crate::directory::Directory;
use crate::form::{DateInput, TimeInput};
use crate::format::{
    end_of_sofia_day, event_type_text, from_sofia_input, sofia_input_value, thousands, utc_exact,
};
use antikor_shared::{StreamId, TenantId};
use chrono::{DateTime, NaiveDate, Utc};
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
    /// The name of the record the address narrows to, once the page has shown it (a record
    /// chosen from a row may not be one the list offers).
    record_name: Signal<Option<String>>,
) -> impl IntoView {
    let locked = scope.is_some();
    let navigate = use_navigate();
    let go = move |f: Filters| navigate(&f.href(), NavigateOptions::default());
    // The type list counts what the chosen institution holds, so it follows that filter.
    let event_types = LocalResource::new(move || api::event_types(filters.get().tenant));
    // The records to choose from are the chosen institution's.
    let tenant = Memo::new(move |_| filters.with(|f| f.tenant.clone()));
    let records = LocalResource::new(move || {
        let tenant = tenant.get();
        async move {
            match tenant {
                Some(tenant) => api::audit_records(tenant).await,
                None => Ok(Vec::new()),
            }
        }
    });

    let on_tenant = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let tenant = TenantId::parse(event_target_value(&ev)).ok();
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
            let stream = StreamId::parse(event_target_value(&ev)).ok();
            go(Filters {
                stream,
                ..filters.get_untracked().newest()
            });
        }
    };
    let on_actor = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let actor = Some(value.trim().to_owned()).filter(|a| !a.is_empty());
            let current = filters.get_untracked();
            if current.actor != actor {
                go(Filters {
                    actor,
                    ..current.newest()
                });
            }
        }
    };
    let on_moment = {
        let go = go.clone();
        move |to: bool| {
            let go = go.clone();
            Callback::new(move |moment: Option<String>| {
                let current = filters.get_untracked().newest();
                go(if to {
                    Filters {
                        to: moment,
                        ..current
                    }
                } else {
                    Filters {
                        from: moment,
                        ..current
                    }
                });
            })
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
            .map(|t| {
                let name = t.registration.name().get(crate::i18n::lang()).to_owned();
                (t.id.to_string(), name)
            })
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

    let record_options = move || {
        let current = filters.with(|f| {
            f.stream.as_ref().map(|s| {
                let name = record_name.get().unwrap_or_else(|| s.to_string());
                (s.to_string(), name)
            })
        });
        let list = records.get().and_then(Result::ok).unwrap_or_default();
        let options = list
            .into_iter()
            .map(|r| {
                let label = format!("{} ({})", r.name, thousands(r.events));
                (r.stream.to_string(), label)
            })
            .collect();
        options_with(options, current)
    };

    view! {
        <form class="filters" role="search" aria-label=t!("audit-filters") on:submit=|ev| ev.prevent_default()>
            {match scope {
                // Only one choice exists, so the select shows it and cannot be changed.
                Some((id, name)) => view! {
                    <div class="field">
                        <label for="filter-tenant">{t!("audit-institution")}</label>
                        <select id="filter-tenant" disabled aria-describedby="filter-tenant-help">
                            <option value=id.to_string() selected>{name}</option>
                        </select>
                        <p id="filter-tenant-help" class="field__help">
                            {t!("audit-filter-own-institution")}
                        </p>
                    </div>
                }
                .into_any(),
                None => view! {
                    <div class="field">
                        <label for="filter-tenant">{t!("audit-institution")}</label>
                        <select id="filter-tenant" on:change=on_tenant>
                            <option value="" prop:selected=move || filters.with(|f| f.tenant.is_none())>
                                {t!("audit-filter-all-institutions")}
                            </option>
                            {tenant_options}
                        </select>
                    </div>
                }
                .into_any(),
            }}
            <div class="field">
                <label for="filter-stream">{t!("audit-filter-record")}</label>
                <select
                    id="filter-stream"
                    disabled=move || filters.with(|f| f.tenant.is_none())
                    aria-describedby="filter-stream-help"
                    on:change=on_stream
                >
                    <option value="" prop:selected=move || filters.with(|f| f.stream.is_none())>
                        {t!("audit-filter-all-records")}
                    </option>
                    {record_options}
                </select>
                <p id="filter-stream-help" class="field__help">
                    {move || {
                        if filters.with(|f| f.tenant.is_none()) {
                            t!("audit-filter-record-help-first")
                        } else {
                            t!("audit-filter-record-help")
                        }
                    }}
                </p>
            </div>
            <div class="field">
                <label for="filter-type">{t!("audit-filter-type")}</label>
                <select id="filter-type" on:change=on_type>
                    <option value="" prop:selected=move || filters.with(|f| f.event_type.is_none())>
                        {t!("audit-filter-all-types")}
                    </option>
                    {type_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-actor">{t!("audit-filter-actor")}</label>
                <input
                    id="filter-actor"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="64"
                    placeholder=t!("audit-filter-actor-placeholder")
                    prop:value=move || filters.with(|f| f.actor.clone().unwrap_or_default())
                    aria-describedby="filter-actor-help"
                    on:change=on_actor
                />
                <p id="filter-actor-help" class="field__help">{t!("audit-filter-actor-help")}</p>
            </div>
            <MomentField
                id="filter-from"
                label=t!("audit-filter-from")
                value=Signal::derive(move || filters.with(|f| f.from.clone()))
                on_change=on_moment(false)
                day_alone=DayAlone::Start
                help=Signal::derive(String::new)
            />
            <MomentField
                id="filter-to"
                label=t!("audit-filter-to")
                value=Signal::derive(move || filters.with(|f| f.to.clone()))
                on_change=on_moment(true)
                day_alone=DayAlone::End
                help=Signal::derive(move || filters.with(span_help))
            />
            // The locked tenant is no filter the user chose, so it alone offers nothing to clear.
            <Show when=move || {
                filters.with(|f| {
                    f.stream.is_some() || f.event_type.is_some() || f.actor.is_some()
                        || f.from.is_some()
                        || f.to.is_some() || (!locked && f.tenant.is_some())
                })
            }>
                <div class="field field--action">
                    <A href="/audit">{t!("audit-filter-clear")}</A>
                </div>
            </Show>
        </form>
    }
}

/// What a day typed without a time stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayAlone {
    /// Its first instant: where a period starts.
    Start,
    /// Its last instant: where a period ends, and a state "as of" that day (so "до 05.12.2017"
    /// keeps the events of the 5th, as the rest of the app reads a day).
    End,
}

impl DayAlone {
    /// The time a field shows for the instant a day alone stands for.
    fn shown_time(self) -> &'static str {
        match self {
            Self::Start => "00:00",
            Self::End => "23:59",
        }
    }
}

/// The moment a day (ISO) and a time (чч:мм) in Sofia name: `Some(None)` when both are
/// empty, `None` while they name none (a time without a day, a day half typed).
fn typed_moment(day: &str, time: &str, alone: DayAlone) -> Option<Option<DateTime<Utc>>> {
    match (day.trim(), time.trim(), alone) {
        ("", "", _) => Some(None),
        (day, "", DayAlone::Start) => from_sofia_input(&format!("{day}T00:00")).map(Some),
        (day, "", DayAlone::End) => NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .map(|day| Some(end_of_sofia_day(day))),
        (day, time, _) => from_sofia_input(&format!("{day}T{time}")).map(Some),
    }
}

/// A moment's fields: a day (дд.мм.гггг) and a time (чч:мм) in Sofia that go to the address
/// as a UTC instant as soon as they name one (a day without a time is its first or last
/// instant, as `day_alone` says; both cleared, none). A moment the address gives as a
/// position shows as empty fields; the help line names it.
#[component]
pub(super) fn MomentField(
    /// The day's input's id; the time's is `{id}-time`.
    id: &'static str,
    /// Its label.
    #[prop(into)]
    label: String,
    /// The address's value (an RFC 3339 instant or a position).
    #[prop(into)]
    value: Signal<Option<String>>,
    /// Takes the chosen instant (`None` when cleared).
    on_change: Callback<Option<String>>,
    /// What a day typed without a time stands for.
    day_alone: DayAlone,
    /// The help line under the field.
    #[prop(into)]
    help: Signal<String>,
) -> impl IntoView {
    let help_id = format!("{id}-help");
    let time_label = t!("audit-moment-time", label = &label);
    let time_id = format!("{id}-time");
    let day = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    // The address decides what the fields show (a link followed, the filters cleared).
    Effect::watch(
        move || value.get(),
        move |value, _, _| {
            let shown = input_value(value.as_deref());
            let (d, t) = shown.split_once('T').unwrap_or_default();
            day.set(d.to_owned());
            // A day typed alone went out as its first or last instant: the time field stays
            // as it was left.
            if !(t == day_alone.shown_time() && time.get_untracked().trim().is_empty()) {
                time.set(t.to_owned());
            }
        },
        true,
    );
    // What is typed goes to the address once it is a moment, or once both fields are empty.
    let typed = move || {
        let moment = typed_moment(&day.get_untracked(), &time.get_untracked(), day_alone);
        let Some(moment) = moment else { return };
        let moment = moment.map(utc_exact);
        if value.with_untracked(|v| input_value(v.as_deref()) != input_value(moment.as_deref())) {
            on_change.run(moment);
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <div class="moment-field">
                <DateInput
                    id=id
                    value=day
                    set=move |v| {
                        day.set(v);
                        typed();
                    }
                    describedby=help_id.clone()
                />
                <label for=time_id.clone() class="visually-hidden">{time_label}</label>
                <TimeInput
                    id=time_id
                    value=time
                    set=move |v| {
                        time.set(v);
                        typed();
                    }
                    describedby=help_id.clone()
                />
            </div>
            <p id=help_id class="field__help">{help}</p>
        </div>
    }
}

/// What the fields show of a `from`/`to` value: a moment in Sofia time as
/// `YYYY-MM-DDTHH:MM`, or nothing for a position (which the help line names).
fn input_value(value: Option<&str>) -> String {
    value
        .and_then(|v| chrono::DateTime::parse_from_rfc3339(v).ok())
        .map(|at| sofia_input_value(at.to_utc()))
        .unwrap_or_default()
}

/// The help line under the period's fields: how the period reads, positions included.
fn span_help(filters: &Filters) -> String {
    let position = |v: Option<&str>| {
        v.filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_owned)
    };
    match (
        position(filters.from.as_deref()),
        position(filters.to.as_deref()),
    ) {
        (Some(from), Some(to)) => t!("audit-span-between", from = from, to = to),
        (Some(from), None) => t!("audit-span-from", from = from),
        (None, Some(to)) => t!("audit-span-to", to = to),
        (None, None) => t!("audit-span-inclusive"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_alone_is_its_first_or_last_instant_in_sofia() {
        let at = |text: &str| Some(Some(text.parse::<DateTime<Utc>>().unwrap()));
        // 5 December is winter time (UTC+2); 5 July summer time (UTC+3).
        assert_eq!(
            typed_moment("2017-12-05", "", DayAlone::Start),
            at("2017-12-04T22:00:00Z")
        );
        assert_eq!(
            typed_moment("2017-12-05", " ", DayAlone::End),
            at("2017-12-05T21:59:59.999Z")
        );
        assert_eq!(
            typed_moment("2017-07-05", "", DayAlone::End),
            at("2017-07-05T20:59:59.999Z")
        );
        // A time typed is that minute, whatever the day alone would be.
        for alone in [DayAlone::Start, DayAlone::End] {
            assert_eq!(
                typed_moment("2017-12-05", "14:30", alone),
                at("2017-12-05T12:30:00Z")
            );
            assert_eq!(typed_moment("", "", alone), Some(None), "cleared");
            assert_eq!(typed_moment("", "14:30", alone), None, "no day yet");
            assert_eq!(typed_moment("2017-12", "", alone), None, "half a day");
        }
        // The field shows the instant a day alone went out as with that time.
        let end = typed_moment("2017-12-05", "", DayAlone::End)
            .unwrap()
            .unwrap();
        assert_eq!(
            input_value(Some(&utc_exact(end))),
            format!("2017-12-05T{}", DayAlone::End.shown_time())
        );
    }
}
