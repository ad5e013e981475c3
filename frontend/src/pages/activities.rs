//! `/activities`: the list, the forms that record, correct and follow up activities, by kind.

use crate::access::can_record;
use crate::activity_draft::{
    ACT_ACTIONS, ACT_KINDS, Draft, Field, MEDIA_KINDS, act_action_code, act_action_label,
    act_kind_code, act_kind_label, details, fields_of, headline, kind_code, kind_from_code,
    kind_singular, media_kind_code, media_kind_label, meeting_kind_code,
};
use crate::api::{self, ApiError};
use crate::components::{FormError, Loaded, PanelFormEnd, set_title};
use crate::controls::{TenantSelect, ViewParams, YearSelect, today, use_view_params};
use crate::csv::ExportTable;
use crate::directory::use_directory;
use crate::format::{date_bg, date_time, utc_exact};
use crate::session::use_session;
use antikor_shared::activity::{ActivityKind, ContestedActFollowedUp, MeetingKind};
use antikor_shared::ids::regional_tenant;
use antikor_shared::tenant::TenantKind;
use antikor_shared::views::{ActivityRecord, CorrectActivity, FollowUpAct};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;

/// Tenant slugs to Bulgarian names, and the municipalities for the contested-act form.
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
        Names {
            names: list
                .iter()
                .map(|t| (t.id.to_string(), t.registration.name_bg.clone()))
                .collect(),
            municipalities: list
                .iter()
                .filter(|t| t.registration.kind == TenantKind::Municipality)
                .map(|t| (t.id.to_string(), t.registration.name_bg.clone()))
                .collect(),
        }
    })
}

/// A message over the list: what a form did, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    text: String,
    error: bool,
}

/// The list as CSV.
fn activities_csv(records: &[ActivityRecord], names: &Names) -> Vec<Vec<String>> {
    let name = |s: &str| names.of(s);
    let mut rows = vec![
        [
            "Дата",
            "Институция",
            "Вид",
            "Описание",
            "Подробности",
            "Мерки",
            "Записано на",
            "Записано от",
            "Поправки",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    for r in records {
        rows.push(vec![
            date_bg(r.activity.date()),
            names.of(r.tenant.as_str()),
            kind_singular(r.activity.kind()).to_owned(),
            headline(&r.activity, name),
            details(&r.activity, &name)
                .into_iter()
                .map(|(l, v)| format!("{l}: {v}"))
                .collect::<Vec<_>>()
                .join("; "),
            r.activity.measures().join(", "),
            date_time(r.recorded_at),
            r.recorded_by.clone(),
            r.corrections
                .iter()
                .map(|c| format!("{} ({}): {}", date_time(c.at), c.by, c.reason))
                .collect::<Vec<_>>()
                .join("; "),
        ]);
    }
    rows
}

/// `/activities`.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    set_title("Дейности");
    let session = use_session();
    let me = session.user_untracked();
    let role = me.as_ref().map(|u| u.role);
    let own = me.as_ref().map(|u| u.tenant.clone());
    let sees_all = role.is_some_and(|r| r.sees_all_tenants());
    let may_record = role.is_some_and(can_record);
    let regional = own.as_ref() == Some(&regional_tenant());
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let names = use_names();
    let list = LocalResource::new(move || {
        let asked = params.get();
        async move {
            let p = asked?;
            api::activities(p.tenant.as_ref(), p.year, p.kind.as_deref()).await
        }
    });
    let notice = RwSignal::new(None::<Notice>);
    let changed = Callback::new(move |n: Notice| {
        notice.set(Some(n));
        list.refetch();
    });
    let retry = Callback::new(move |()| list.refetch());
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
                <option value=kind_code(k) prop:selected=move || chosen.with(|p| p.kind.as_deref() == Some(kind_code(k)))>
                    {k.label_bg()}
                </option>
            }
        })
        .collect_view();
    let own_for_table = own.clone();
    let table = move || {
        let own = own_for_table.clone();
        Suspend::new(async move {
            let records = list.await?;
            Ok::<_, ApiError>(view! {
                <ActivitiesTable records names own may_record all=sees_all changed />
            })
        })
    };
    view! {
        <h1>"Дейности"</h1>
        <p class="lead">
            "Заседания и срещи, обучения, медийни изяви и кампании, проверки на декларации и оспорени актове, "
            "всяка свързана с мерките от плана, които изпълнява. Грешка се поправя с нов запис с причина; "
            "старият остава в одитната следа."
        </p>
        {may_record.then(|| view! { <RecordForm regional names changed /> })}
        <div class="filters">
            {sees_all.then(|| view! { <TenantSelect path="/activities" params=chosen own=None id="activities-tenant" /> })}
            <YearSelect path="/activities" params=chosen shown all_years=true />
            <div class="field">
                <label for="activities-kind-filter">"Вид"</label>
                <select id="activities-kind-filter" on:change=on_kind>
                    <option value="" prop:selected=move || chosen.with(|p| p.kind.is_none())>
                        "Всички видове"
                    </option>
                    {kind_options}
                </select>
            </div>
        </div>
        {move || {
            notice
                .get()
                .map(|n| {
                    let class = if n.error { "notice notice--error" } else { "notice notice--ok" };
                    view! {
                        <p id="activities-notice" class=class role=if n.error { "alert" } else { "status" }>
                            {n.text}
                        </p>
                    }
                })
        }}
        <Loaded retry keep_shown=true>{table}</Loaded>
    }
}

/// The activities, newest first, with their corrections and the change panels.
#[component]
fn ActivitiesTable(
    records: Vec<ActivityRecord>,
    names: Memo<Names>,
    own: Option<antikor_shared::TenantId>,
    may_record: bool,
    all: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let count = records.len();
    let csv_records = records.clone();
    let csv = Callback::new(move |()| activities_csv(&csv_records, &names.get_untracked()));
    let rows = records
        .into_iter()
        .map(|record| {
            let mine = may_record && own.as_ref() == Some(&record.tenant);
            view! { <ActivityRow record names mine all changed /> }
        })
        .collect_view();
    view! {
        <ExportTable id="activities-table" filename="deinosti.csv" rows=csv tools=view! { <span class="muted">{format!("{count} записа")}</span> }.into_any()>
            <caption class="visually-hidden">"Дейности, най-новите първи"</caption>
            <thead>
                <tr>
                    <th scope="col">"Дата"</th>
                    {all.then(|| view! { <th scope="col">"Институция"</th> })}
                    <th scope="col">"Вид"</th>
                    <th scope="col">"Описание"</th>
                    <th scope="col">"Мерки"</th>
                    <th scope="col">"Записано"</th>
                    <th scope="col">"Действия"</th>
                </tr>
            </thead>
            <tbody>
                {(count == 0).then(|| view! {
                    <tr class="empty-row">
                        <td colspan="7">"Няма записани дейности за избраните филтри."</td>
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
}

/// One activity, and the panels to correct it or follow a contested act up.
#[component]
fn ActivityRow(
    record: ActivityRecord,
    names: Memo<Names>,
    mine: bool,
    all: bool,
    changed: Callback<Notice>,
) -> impl IntoView {
    let panel = RwSignal::new(Panel::Closed);
    let activity = record.activity.clone();
    let kind = activity.kind();
    let contested = kind == ActivityKind::ContestedAct;
    let id = record.id.to_string();
    let describe = {
        let activity = activity.clone();
        move || {
            let n = names.get();
            let name = |s: &str| n.of(s);
            let pairs = details(&activity, &name)
                .into_iter()
                .map(|(label, value)| view! { <dt>{label}</dt> <dd>{value}</dd> })
                .collect_view();
            view! {
                <span class="activity-headline">{headline(&activity, name)}</span>
                <details class="activity-details">
                    <summary>"Подробности"</summary>
                    <dl class="fields fields--compact">{pairs}</dl>
                </details>
            }
        }
    };
    let corrections = (!record.corrections.is_empty()).then(|| {
        let items = record
            .corrections
            .iter()
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
                <summary>{format!("Поправки и развитие: {}", record.corrections.len())}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    let tenant = record.tenant.to_string();
    let tenant_cell = all.then(|| {
        let tenant = tenant.clone();
        view! { <td>{move || names.get().of(&tenant)}</td> }
    });
    let actions = mine.then(|| {
        view! {
            <button type="button" class="button button--small activity-correct" on:click=move |_| panel.set(Panel::Correct)>
                "Поправи"
            </button>
            {contested.then(|| view! {
                <button type="button" class="button button--small activity-follow-up" on:click=move |_| panel.set(Panel::FollowUp)>
                    "Развитие"
                </button>
            })}
        }
    });
    let columns = if all { "7" } else { "6" };
    let recorded_at = record.recorded_at;
    let recorded_by = record.recorded_by.clone();
    let form = move || {
        let record = record.clone();
        match panel.get() {
            Panel::Closed => ().into_any(),
            Panel::Correct => view! {
                <tr class="activity-panel">
                    <td colspan=columns>
                        <CorrectionForm record names panel changed />
                    </td>
                </tr>
            }
            .into_any(),
            Panel::FollowUp => view! {
                <tr class="activity-panel">
                    <td colspan=columns>
                        <FollowUpForm record panel changed />
                    </td>
                </tr>
            }
            .into_any(),
        }
    };
    view! {
        <tr class="activity-row" data-kind=kind_code(kind) data-id=id data-tenant=tenant>
            <td class="nowrap">{date_bg(activity.date())}</td>
            {tenant_cell}
            <td>{kind_singular(kind)}</td>
            <td class="activity-description">{describe}</td>
            <td>{activity.measures().join(", ")}</td>
            <td class="small">
                <time datetime=utc_exact(recorded_at)>{date_time(recorded_at)}</time>
                <br />
                {recorded_by}
                {corrections}
            </td>
            <td class="actions">{actions}</td>
        </tr>
        {form}
    }
}

/// Records a new activity of the user's institution.
#[component]
fn RecordForm(regional: bool, names: Memo<Names>, changed: Callback<Notice>) -> impl IntoView {
    let draft = RwSignal::new(Draft::new(ActivityKind::Meeting, today()));
    let kind = Memo::new(move |_| draft.with(|d| d.kind));
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Contested acts are the regional administration's (art. 45(4) of the Local
    // Self-Government Act); the server refuses them from anyone else.
    let kinds: Vec<ActivityKind> = ActivityKind::ALL
        .into_iter()
        .filter(|k| regional || *k != ActivityKind::ContestedAct)
        .collect();
    let kind_options = kinds
        .into_iter()
        .map(|k| {
            view! {
                <option value=kind_code(k) prop:selected=move || kind.get() == k>
                    {kind_singular(k)}
                </option>
            }
        })
        .collect_view();
    let on_kind = move |ev: leptos::ev::Event| {
        if let Some(k) = kind_from_code(&event_target_value(&ev)) {
            error.set(None);
            draft.set(Draft::new(k, today()));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let activity = match draft.with_untracked(Draft::to_activity) {
            Ok(a) => a,
            Err(text) => {
                error.set(Some(text));
                return;
            }
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::record_activity(&activity).await;
            busy.try_set(false);
            match result {
                Ok(record) => {
                    let k = record.activity.kind();
                    draft.try_set(Draft::new(k, today()));
                    changed.try_run(Notice {
                        text: format!("Записано: {}.", kind_singular(k).to_lowercase()),
                        error: false,
                    });
                }
                Err(e) => {
                    error.try_set(Some(e.to_string()));
                }
            }
        });
    };
    view! {
        <details class="form-card" id="activity-record">
            <summary>"Нова дейност"</summary>
            <form id="activity-form" data-kind=move || kind_code(kind.get()) on:submit=submit novalidate>
                <div class="field field--narrow">
                    <label for="activity-kind">"Вид дейност"</label>
                    <select id="activity-kind" on:change=on_kind>{kind_options}</select>
                </div>
                <ActivityFields draft kind prefix="activity" names />
                <FormError id="activity-error" error />
                <button type="submit" id="activity-submit" class="button button--primary" disabled=busy>
                    "Запиши"
                </button>
            </form>
        </details>
    }
}

/// Options of a select field: (value, label, selected).
fn options_for(field: Field, names: &Names) -> Vec<(String, String)> {
    match field {
        Field::MeetingKind => MeetingKind::ALL
            .into_iter()
            .map(|k| (meeting_kind_code(k).to_owned(), k.label_bg().to_owned()))
            .collect(),
        Field::MediaKind => MEDIA_KINDS
            .into_iter()
            .map(|k| {
                (
                    media_kind_code(k).to_owned(),
                    media_kind_label(k).to_owned(),
                )
            })
            .collect(),
        Field::ActKind => ACT_KINDS
            .into_iter()
            .map(|k| (act_kind_code(k).to_owned(), act_kind_label(k).to_owned()))
            .collect(),
        Field::Action => ACT_ACTIONS
            .into_iter()
            .map(|a| {
                (
                    act_action_code(a).to_owned(),
                    act_action_label(a).to_owned(),
                )
            })
            .collect(),
        Field::Municipality => std::iter::once((String::new(), "Изберете община".to_owned()))
            .chain(names.municipalities.iter().cloned())
            .collect(),
        _ => Vec::new(),
    }
}

/// The fields of an activity's form for its kind, the "public" box, and the measures.
#[component]
fn ActivityFields(
    draft: RwSignal<Draft>,
    kind: Memo<ActivityKind>,
    prefix: &'static str,
    names: Memo<Names>,
) -> impl IntoView {
    // Rebuilt only when the kind changes: each field reads and writes its own value, so
    // typing never re-renders the form (and never moves the focus).
    move || {
        let k = kind.get();
        let fields = fields_of(k)
            .iter()
            .map(|field| {
                let field = *field;
                let id = format!("{prefix}-{}", field.code());
                let value = move || draft.with(|d| d.get(field));
                let input = move |ev: leptos::ev::Event| {
                    let v = event_target_value(&ev);
                    draft.update(|d| d.set(field, v));
                };
                let control = match field.input() {
                    "textarea" => view! {
                        <textarea id=id.clone() rows="3" prop:value=value on:input=input></textarea>
                    }
                    .into_any(),
                    "select" => {
                        let options = move || {
                            let current = draft.with(|d| d.get(field));
                            options_for(field, &names.get())
                                .into_iter()
                                .map(|(v, label)| {
                                    let selected = v == current;
                                    view! { <option value=v prop:selected=selected>{label}</option> }
                                })
                                .collect_view()
                        };
                        view! { <select id=id.clone() on:change=input>{options}</select> }.into_any()
                    }
                    "number" => view! {
                        <input id=id.clone() type="number" min="0" step="1" inputmode="numeric" prop:value=value on:input=input />
                    }
                    .into_any(),
                    "date" => view! {
                        <input id=id.clone() type="date" max=today().to_string() prop:value=value on:input=input />
                    }
                    .into_any(),
                    _ => view! { <input id=id.clone() type="text" prop:value=value on:input=input /> }.into_any(),
                };
                let wide = field.input() == "textarea";
                let label = if field.optional() {
                    format!("{} (по избор)", field.label())
                } else {
                    field.label().to_owned()
                };
                view! {
                    <div class="field" class:field--wide=wide>
                        <label for=id>{label}</label>
                        {control}
                    </div>
                }
            })
            .collect_view();
        let public = (k == ActivityKind::Meeting).then(|| {
            let id = format!("{prefix}-public");
            view! {
                <div class="field field--wide field--check">
                    <label for=id.clone()>
                        <input
                            id=id.clone()
                            type="checkbox"
                            prop:checked=move || draft.with(|d| d.public)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| d.public = on);
                            }
                        />
                        " Публикувай протокола и решенията на публичната страница „Заседания“"
                    </label>
                </div>
            }
        });
        view! {
            <div class="form-grid form-grid--activity">{fields} {public}</div>
            <MeasurePicker draft prefix />
        }
    }
}

/// Checkboxes for the measures of the plan of the activity's year.
#[component]
fn MeasurePicker(draft: RwSignal<Draft>, prefix: &'static str) -> impl IntoView {
    let year = Memo::new(move |_| draft.with(Draft::plan_year));
    let plan = LocalResource::new(move || {
        let year = year.get();
        async move {
            match year {
                Some(y) => match api::plan(y, None).await {
                    Ok(plan) => Ok(Some(plan)),
                    Err(e) if e.is_not_found() => Ok(None),
                    Err(e) => Err(e),
                },
                None => Ok(None),
            }
        }
    });
    let boxes = move || {
        Suspend::new(async move {
            let Some(plan) = plan.await? else {
                let text = match year.get_untracked() {
                    Some(y) => {
                        format!("Няма план за {y} г.: дейността ще бъде записана без мерки.")
                    }
                    None => {
                        "Въведете дата, за да изберете мерки от плана за годината ѝ.".to_owned()
                    }
                };
                return Ok::<_, ApiError>(view! { <p class="muted small">{text}</p> }.into_any());
            };
            let items = plan
                .measures
                .into_iter()
                .filter(|m| m.withdrawn.is_none())
                .map(|m| {
                    let key = m.measure.key.clone();
                    let id = format!("{prefix}-measure-{}", key.replace('.', "-"));
                    let checked = {
                        let key = key.clone();
                        move || draft.with(|d| d.measures.contains(&key))
                    };
                    let toggle = {
                        let key = key.clone();
                        move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let key = key.clone();
                            draft.update(move |d| {
                                d.measures.retain(|k| *k != key);
                                if on {
                                    d.measures.push(key);
                                }
                            });
                        }
                    };
                    view! {
                        <li>
                            <label for=id.clone() title=m.measure.text.clone()>
                                <input id=id.clone() class="measure-choice" type="checkbox" value=key.clone() prop:checked=checked on:change=toggle />
                                " "
                                <strong>{key.clone()}</strong>
                                " "
                                <span class="measure-choice__text">{m.measure.text.clone()}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! { <ul class="measure-choices">{items}</ul> }.into_any())
        })
    };
    view! {
        <fieldset class="measure-picker">
            <legend>{move || match year.get() {
                Some(y) => format!("Мерки от плана за {y} г., които дейността изпълнява"),
                None => "Мерки от плана, които дейността изпълнява".to_owned(),
            }}</legend>
            <Loaded retry=Callback::new(move |()| plan.refetch()) keep_shown=true>{boxes}</Loaded>
        </fieldset>
    }
}

/// Corrects an activity: the whole record again, and why.
#[component]
fn CorrectionForm(
    record: ActivityRecord,
    names: Memo<Names>,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let draft = RwSignal::new(Draft::from_activity(&record.activity));
    let kind = Memo::new(move |_| draft.with(|d| d.kind));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = record.id.to_string();
    let version = record.version;
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let activity = match draft.with_untracked(Draft::to_activity) {
                Ok(a) => a,
                Err(text) => {
                    error.set(Some(text));
                    return;
                }
            };
            let why = reason.get_untracked().trim().to_owned();
            if why.is_empty() {
                error.set(Some("Посочете причината за поправката.".to_owned()));
                return;
            }
            let body = CorrectActivity {
                activity,
                reason: why,
                expected_version: version,
            };
            let id = id.clone();
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = api::correct_activity(&id, &body).await;
                busy.try_set(false);
                match result {
                    Ok(_) => {
                        panel.try_set(Panel::Closed);
                        changed.try_run(Notice {
                            text:
                                "Поправката е записана; предишният запис остава в одитната следа."
                                    .to_owned(),
                            error: false,
                        });
                    }
                    Err(e) if e.is_conflict() => {
                        changed.try_run(Notice {
                            text: format!("{e} Списъкът е презареден."),
                            error: true,
                        });
                    }
                    Err(e) => {
                        error.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };
    view! {
        <form id="correction-form" class="action-form action-form--wide" data-id=id on:submit=submit novalidate>
            <h3 class="action-form__title">{format!("Поправка: {}", kind_singular(kind.get_untracked()).to_lowercase())}</h3>
            <ActivityFields draft kind prefix="correction" names />
            <div class="field">
                <label for="correction-reason">"Причина за поправката"</label>
                <textarea id="correction-reason" maxlength="1000" bind:value=reason></textarea>
            </div>
            <PanelFormEnd
                error_id="correction-error"
                error
                submit_id="correction-submit"
                submit="Запиши поправката"
                busy
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Records what followed a contested act: the council's new vote, the court, the publication.
#[component]
fn FollowUpForm(
    record: ActivityRecord,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let revote = RwSignal::new(String::new());
    let case = RwSignal::new(String::new());
    let outcome = RwSignal::new(String::new());
    let published = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = record.id.to_string();
    let version = record.version;
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let text = |s: RwSignal<String>| {
                let v = s.get_untracked().trim().to_owned();
                (!v.is_empty()).then_some(v)
            };
            let published_on = match text(published).map(|d| d.parse()) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    error.set(Some(
                        "Въведете датата на публикуване във вида ГГГГ-ММ-ДД.".to_owned(),
                    ));
                    return;
                }
            };
            let follow_up = ContestedActFollowedUp {
                council_revote: text(revote),
                court_case: text(case),
                court_outcome: text(outcome),
                published_on,
            };
            if follow_up == ContestedActFollowedUp::default() {
                error.set(Some("Попълнете поне едно поле.".to_owned()));
                return;
            }
            let body = FollowUpAct {
                follow_up,
                expected_version: version,
            };
            let id = id.clone();
            busy.set(true);
            error.set(None);
            spawn_local(async move {
                let result = api::follow_up_act(&id, &body).await;
                busy.try_set(false);
                match result {
                    Ok(_) => {
                        panel.try_set(Panel::Closed);
                        changed.try_run(Notice {
                            text: "Развитието по акта е записано.".to_owned(),
                            error: false,
                        });
                    }
                    Err(e) if e.is_conflict() => {
                        changed.try_run(Notice {
                            text: format!("{e} Списъкът е презареден."),
                            error: true,
                        });
                    }
                    Err(e) => {
                        error.try_set(Some(e.to_string()));
                    }
                }
            });
        }
    };
    view! {
        <form id="follow-up-form" class="action-form" data-id=id on:submit=submit novalidate>
            <h3 class="action-form__title">"Развитие по оспорения акт"</h3>
            <p class="muted small">"Празните полета запазват досегашната си стойност."</p>
            <div class="field">
                <label for="follow-up-revote">"Ново гласуване в общинския съвет"</label>
                <textarea id="follow-up-revote" bind:value=revote></textarea>
            </div>
            <div class="form-grid">
                <div class="field">
                    <label for="follow-up-case">"Съдебно дело №"</label>
                    <input id="follow-up-case" type="text" bind:value=case />
                </div>
                <div class="field">
                    <label for="follow-up-published">"Публикуван на сайта на"</label>
                    <input id="follow-up-published" type="date" max=today().to_string() bind:value=published />
                </div>
            </div>
            <div class="field">
                <label for="follow-up-outcome">"Изход от делото"</label>
                <textarea id="follow-up-outcome" bind:value=outcome></textarea>
            </div>
            <PanelFormEnd
                error_id="follow-up-error"
                error
                submit_id="follow-up-submit"
                submit="Запиши"
                busy
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}
