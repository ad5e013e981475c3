//! An activity's form fields by kind, with the plan's measures it serves.

use super::Names;
use crate::api::{self, ApiError};
use crate::components::Loaded;
use crate::form::{DateInput, Labelled};
use antikor_shared::activity::{ActivityKind, MeetingKind};
use antikor_shared::activity_draft::{
    ACT_ACTIONS, ACT_KINDS, Draft, Field, MEDIA_KINDS, fields_of,
};
use antikor_shared::wire::code;
use leptos::prelude::*;

/// Options of a select field: (value, label, selected).
fn options_for(field: Field, names: &Names) -> Vec<(String, String)> {
    match field {
        Field::MeetingKind => MeetingKind::ALL
            .into_iter()
            .map(|k| (code(k), k.label(crate::i18n::lang()).to_owned()))
            .collect(),
        Field::MediaKind => MEDIA_KINDS
            .into_iter()
            .map(|k| (code(k), k.label(crate::i18n::lang())))
            .collect(),
        Field::ActKind => ACT_KINDS
            .into_iter()
            .map(|k| (code(k), k.label(crate::i18n::lang())))
            .collect(),
        Field::Action => ACT_ACTIONS
            .into_iter()
            .map(|a| (code(a), a.label(crate::i18n::lang())))
            .collect(),
        Field::Municipality => {
            std::iter::once((String::new(), t!("work-activities-choose-municipality")))
                .chain(names.municipalities.iter().cloned())
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The fields of an activity's form for its kind, the "public" box, and the measures.
#[component]
pub(super) fn ActivityFields(
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
                        <DateInput
                            id=id.clone()
                            value=Signal::derive(move || draft.with(|d| d.get(field)))
                            set=move |v: String| draft.update(|d| d.set(field, v))
                        />
                    }
                    .into_any(),
                    _ => view! { <input id=id.clone() type="text" prop:value=value on:input=input /> }.into_any(),
                };
                let wide = field.input() == "textarea";
                let label = if field.optional() {
                    t!("work-activities-field-optional", label = field.label(crate::i18n::lang()))
                } else {
                    field.label(crate::i18n::lang())
                };
                let class = if wide { "field--wide" } else { "" };
                view! { <Labelled id label class>{control}</Labelled> }
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
                        " "
                        {t!("work-activities-publish")}
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
                // The caller's own province's plan: the one its activities serve.
                Some(y) => match api::plan(y, None, None).await {
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
                    Some(y) => t!("work-activities-no-plan", year = y.to_string()),
                    None => t!("work-activities-date-first"),
                };
                return Ok::<_, ApiError>(view! { <p class="muted small">{text}</p> }.into_any());
            };
            Ok(measure_choices(
                plan.measures,
                &format!("{prefix}-measure"),
                move |key| draft.with(|d| d.measures.iter().any(|k| k == key)),
                move |key, on| {
                    draft.update(move |d| {
                        d.measures.retain(|k| *k != key);
                        if on {
                            d.measures.push(key);
                        }
                    });
                },
            ))
        })
    };
    view! {
        <fieldset class="measure-picker">
            <legend>{move || match year.get() {
                Some(y) => t!("work-activities-measures-of-year", year = y.to_string()),
                None => t!("work-activities-measures"),
            }}</legend>
            <Loaded retry=Callback::new(move |()| plan.refetch()) keep_shown=true>{boxes}</Loaded>
        </fieldset>
    }
}

/// A checkbox for each measure in force, `{id_prefix}-{key}` each (dots as dashes), checked as
/// `chosen` says; `set` is told a key and whether it is now chosen. The measures' texts are
/// the plan's own words, marked as Bulgarian.
pub(crate) fn measure_choices(
    measures: Vec<antikor_shared::views::MeasureView>,
    id_prefix: &str,
    chosen: impl Fn(&str) -> bool + Clone + Send + Sync + 'static,
    set: impl Fn(String, bool) + Clone + Send + Sync + 'static,
) -> AnyView {
    let items = measures
        .into_iter()
        .filter(|m| m.withdrawn.is_none())
        .map(|m| {
            let key = m.measure.key.clone();
            let id = format!("{id_prefix}-{}", key.replace('.', "-"));
            let checked = {
                let (key, chosen) = (key.clone(), chosen.clone());
                move || chosen(&key)
            };
            let toggle = {
                let (key, set) = (key.clone(), set.clone());
                move |ev: leptos::ev::Event| set(key.clone(), event_target_checked(&ev))
            };
            view! {
                <li>
                    <label for=id.clone() title=m.measure.text.clone()>
                        <input id=id.clone() class="measure-choice" type="checkbox" value=key.clone() prop:checked=checked on:change=toggle />
                        " "
                        <strong>{key.clone()}</strong>
                        " "
                        <span class="measure-choice__text" lang="bg">{m.measure.text.clone()}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="measure-choices">{items}</ul> }.into_any()
}
