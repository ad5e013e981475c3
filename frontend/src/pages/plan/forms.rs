//! The plan's upkeep: changing, withdrawing and adding measures, starting the next year, and
//! a province's first plan from another's.

use super::Panel;
use super::draft::MeasureDraft;
use crate::api::{self, ApiError};
use crate::controls::ViewParams;
use crate::directory::{provinces, use_country};
use crate::form::{
    FormError, Labelled, Notice, PanelFormEnd, Submit, TextAreaField, reload_row, use_submit,
};
use crate::provinces::plans_of_year;
use antikor_shared::ProvinceCode;
use antikor_shared::views::{MeasureView, PlanView, StartPlan, WithdrawMeasure};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::future::Future;

/// Reads a measure again, as the server now has it, into its row.
async fn reload(year: i32, measure: RwSignal<MeasureView>) -> Result<(), ApiError> {
    let key = measure.with_untracked(|m| m.measure.key.clone());
    // The caller's own province's plan: the only one they change.
    let plan = async move { Ok(api::plan(year, None, None).await?.measures) };
    let gone = t!("work-plan-measure-gone");
    reload_row(measure, plan, move |m| m.measure.key == key, &gone).await
}

/// Sends a change to `measure` made against the revision read, as both of a measure's panel
/// forms do: a conflict reloads the measure, a success closes the panel and says `done`.
fn send_change(
    form: Submit,
    call: impl Future<Output = Result<PlanView, ApiError>> + 'static,
    year: i32,
    measure: RwSignal<MeasureView>,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
    done: String,
) {
    form.send_versioned(
        call,
        reload(year, measure),
        t!("work-plan-reloaded"),
        move |_| {
            panel.set(Panel::Closed);
            changed.run(Notice::ok(done));
        },
    );
}

/// The fields a measure's form shares between adding and changing.
#[component]
fn MeasureFields(draft: RwSignal<MeasureDraft>, prefix: &'static str) -> impl IntoView {
    let field = move |name: &'static str,
                      label: String,
                      get: fn(&MeasureDraft) -> String,
                      set: fn(&mut MeasureDraft, String),
                      textarea: bool| {
        let id = format!("{prefix}-{name}");
        let value = move || draft.with(get);
        let input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| set(d, v));
        };
        let control = if textarea {
            view! { <textarea id=id.clone() prop:value=value on:input=input rows="3"></textarea> }
                .into_any()
        } else if name.starts_with("deadline") {
            view! { <input id=id.clone() type="month" prop:value=value on:input=input /> }
                .into_any()
        } else {
            view! { <input id=id.clone() type="text" prop:value=value on:input=input /> }.into_any()
        };
        view! { <Labelled id label>{control}</Labelled> }
    };
    view! {
        {field("text", t!("work-plan-column-measure"), |d| d.text.clone(), |d, v| d.text = v, true)}
        <div class="form-grid">
            {field(
                "deadline-from",
                t!("work-plan-form-deadline-from"),
                |d| d.from.clone(),
                |d, v| d.from = v,
                false,
            )}
            {field(
                "deadline-to",
                t!("work-plan-form-deadline-to"),
                |d| d.to.clone(),
                |d, v| d.to = v,
                false,
            )}
        </div>
        {field(
            "responsible",
            t!("work-plan-form-responsible"),
            |d| d.responsible.clone(),
            |d, v| d.responsible = v,
            true,
        )}
        {field(
            "indicator",
            t!("work-plan-column-indicator"),
            |d| d.indicator.clone(),
            |d, v| d.indicator = v,
            true,
        )}
        {field(
            "result",
            t!("work-plan-column-result"),
            |d| d.expected_result.clone(),
            |d, v| d.expected_result = v,
            true,
        )}
    }
}

/// Changes a measure: only the fields that differ are sent, with the revision read.
#[component]
pub(super) fn EditMeasureForm(
    measure: RwSignal<MeasureView>,
    year: i32,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let draft = RwSignal::new(measure.with_untracked(|m| MeasureDraft::of(&m.measure)));
    let form = use_submit();
    let key = measure.with_untracked(|m| m.measure.key.clone());
    let submit = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            // Against the measure as last read: after a conflict, the reloaded one.
            let body = match measure
                .with_untracked(|m| draft.with_untracked(|d| d.changes(&m.measure, m.revision)))
            {
                Ok(body) => body,
                Err(text) => return form.fail(text),
            };
            let done = t!("work-plan-measure-changed", key = &key);
            let key = key.clone();
            let call = async move { api::update_measure(year, &key, &body).await };
            send_change(form, call, year, measure, panel, changed, done);
        }
    };
    view! {
        <form id="measure-edit-form" class="action-form" data-key=key.clone() on:submit=submit novalidate>
            <h3 class="action-form__title">{t!("work-plan-edit-heading", key = &key)}</h3>
            <MeasureFields draft prefix="edit" />
            <PanelFormEnd
                error_id="measure-edit-error"
                form
                submit_id="measure-edit-submit"
                submit=t!("work-plan-edit-submit")
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Withdraws a measure, with a reason; it stays in the plan, marked.
#[component]
pub(super) fn WithdrawForm(
    measure: RwSignal<MeasureView>,
    year: i32,
    panel: RwSignal<Panel>,
    changed: Callback<Notice>,
) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let form = use_submit();
    let key = measure.with_untracked(|m| m.measure.key.clone());
    let submit = {
        let key = key.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let text = reason.get_untracked().trim().to_owned();
            if text.is_empty() {
                return form.fail(t!("work-plan-withdraw-reason-missing"));
            }
            let body = WithdrawMeasure {
                expected_revision: measure.with_untracked(|m| m.revision),
                reason: text,
            };
            let done = t!("work-plan-measure-withdrawn", key = &key);
            let key = key.clone();
            let call = async move { api::withdraw_measure(year, &key, &body).await };
            send_change(form, call, year, measure, panel, changed, done);
        }
    };
    view! {
        <form id="measure-withdraw-form" class="action-form" data-key=key.clone() on:submit=submit novalidate>
            <h3 class="action-form__title">{t!("work-plan-withdraw-heading", key = &key)}</h3>
            <p class="muted small">{t!("work-plan-withdraw-hint")}</p>
            <TextAreaField id="withdraw-reason" label=t!("work-plan-withdraw-reason") value=reason maxlength=1000 />
            <PanelFormEnd
                error_id="measure-withdraw-error"
                form
                submit_id="measure-withdraw-submit"
                submit=t!("work-plan-withdraw-submit")
                cancel=Callback::new(move |()| panel.set(Panel::Closed))
            />
        </form>
    }
}

/// Adds a measure to the shown year's plan.
#[component]
pub(super) fn AddMeasureForm(plan: PlanView, changed: Callback<Notice>) -> impl IntoView {
    let year = plan.year;
    let draft = RwSignal::new(MeasureDraft {
        section: plan
            .sections
            .first()
            .map(|s| s.numeral.clone())
            .unwrap_or_default(),
        from: format!("{year}-12"),
        ..MeasureDraft::default()
    });
    let form = use_submit();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let body = match draft.with_untracked(MeasureDraft::to_add) {
            Ok(body) => body,
            Err(text) => return form.fail(text),
        };
        let text = t!(
            "work-plan-measure-added",
            section = &body.section,
            number = &body.number
        );
        form.send(
            async move { api::add_measure(year, &body).await },
            move |_| {
                // The next measure is most likely of the same section and deadline.
                draft.try_update(|d| {
                    *d = MeasureDraft {
                        section: d.section.clone(),
                        from: d.from.clone(),
                        ..MeasureDraft::default()
                    }
                });
                changed.run(Notice::ok(text));
            },
        );
    };
    let sections = plan
        .sections
        .iter()
        .map(|s| {
            let numeral = s.numeral.clone();
            view! {
                <option value=numeral.clone() prop:selected=move || draft.with(|d| d.section == numeral)>
                    {format!("{}. {}", s.numeral, s.title)}
                </option>
            }
        })
        .collect_view();
    view! {
        <details class="form-card">
            <summary>{t!("work-plan-add-heading", year = year.to_string())}</summary>
            <form id="measure-add-form" on:submit=submit novalidate>
                <div class="form-grid">
                    <Labelled id="add-section" label=t!("work-plan-column-section")>
                        <select id="add-section" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.section = v);
                        }>{sections}</select>
                    </Labelled>
                    <Labelled id="add-number" label=t!("work-plan-add-number")>
                        <input
                            id="add-number"
                            type="text"
                            prop:value=move || draft.with(|d| d.number.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                draft.update(|d| d.number = v);
                            }
                        />
                    </Labelled>
                </div>
                <MeasureFields draft prefix="add" />
                <FormError id="measure-add-error" error=form.error() />
                <button type="submit" id="measure-add-submit" class="button button--primary" disabled=form.busy()>
                    {t!("work-plan-add-submit")}
                </button>
            </form>
        </details>
    }
}

/// Starts a later year's plan as a copy of the shown one.
#[component]
pub(super) fn StartPlanForm(plan: PlanView) -> impl IntoView {
    let navigate = use_navigate();
    let country = use_country();
    let based_on = plan.year;
    let year = RwSignal::new((based_on + 1).to_string());
    let form = use_submit();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let Ok(new_year) = year.get_untracked().trim().parse::<i32>() else {
            return form.fail(t!("work-plan-year-invalid", example = "2018"));
        };
        if new_year <= based_on {
            return form.fail(t!("work-plan-year-after", year = based_on.to_string()));
        }
        // The own province's plan is the one continued: a template of another province is
        // for a province's first plan, which this form does not start.
        let body = StartPlan {
            year: new_year,
            based_on,
            template: None,
        };
        let navigate = navigate.clone();
        form.send(async move { api::start_plan(&body).await }, move |_| {
            // The country's list names the years each province has a plan for.
            country.refetch();
            let next = ViewParams {
                year: Some(new_year),
                ..ViewParams::default()
            };
            navigate(&next.href("/plan"), NavigateOptions::default());
        });
    };
    view! {
        <details class="form-card">
            <summary>{t!("work-plan-start-heading")}</summary>
            <form id="plan-start-form" on:submit=submit novalidate>
                <p class="muted small">
                    {t!("work-plan-start-hint", year = based_on.to_string())}
                </p>
                <div class="field field--narrow">
                    <label for="plan-start-year">{t!("work-plan-start-year")}</label>
                    <input id="plan-start-year" type="number" min=(based_on + 1).to_string() bind:value=year />
                </div>
                <FormError id="plan-start-error" error=form.error() />
                <button type="submit" id="plan-start-submit" class="button button--primary" disabled=form.busy()>
                    {t!("work-plan-start-submit")}
                </button>
            </form>
        </details>
    }
}

/// Starts the user's province's first plan from another province's plan of the shown year, as
/// a template: its measures in force, in that year or a later one.
#[component]
pub(super) fn FirstPlanForm(
    /// The plan shown, whose year the template's is.
    plan: PlanView,
    /// The province whose plan is shown: the template offered first.
    template: ProvinceCode,
    /// The user's province, which has no plan yet.
    own: ProvinceCode,
) -> impl IntoView {
    let navigate = use_navigate();
    let country = use_country();
    let based_on = plan.year;
    let year = RwSignal::new(based_on.to_string());
    let chosen = RwSignal::new(template.to_string());
    let form = use_submit();
    let submit = {
        let own = own.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if !form.begin(&ev) {
                return;
            }
            let Ok(template) = ProvinceCode::parse(chosen.get_untracked()) else {
                return form.fail(t!("work-plan-template-missing"));
            };
            let Ok(new_year) = year.get_untracked().trim().parse::<i32>() else {
                return form.fail(t!("work-plan-year-invalid", example = based_on.to_string()));
            };
            if new_year < based_on {
                return form.fail(t!("work-plan-year-from", year = based_on.to_string()));
            }
            let body = StartPlan {
                year: new_year,
                based_on,
                template: Some(template),
            };
            let navigate = navigate.clone();
            let own = own.clone();
            form.send(async move { api::start_plan(&body).await }, move |_| {
                // Until the country's list is read again it says the province has no plan:
                // the address names it, so the new plan is shown meanwhile too.
                country.refetch();
                let next = ViewParams {
                    province: Some(own),
                    year: Some(new_year),
                    ..ViewParams::default()
                };
                navigate(&next.href("/plan"), NavigateOptions::default());
            });
        }
    };
    let options = move || {
        plans_of_year(&provinces(country), based_on)
            .into_iter()
            .filter(|c| c.code != own)
            .map(|c| {
                let code = c.code.to_string();
                let selected = {
                    let code = code.clone();
                    move || chosen.with(|t| t == &code)
                };
                view! {
                    <option value=code prop:selected=selected>
                        {c.name}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <details class="form-card">
            <summary>{t!("work-plan-first-heading")}</summary>
            <form id="plan-first-form" on:submit=submit novalidate>
                <p class="muted small">
                    {t!("work-plan-first-hint", year = based_on.to_string())}
                </p>
                <div class="form-grid">
                    <Labelled id="plan-template" label=t!("work-plan-template", year = based_on.to_string())>
                        <select id="plan-template" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </Labelled>
                    <Labelled id="plan-first-year" label=t!("work-plan-first-year")>
                        <input id="plan-first-year" type="number" min=based_on.to_string() bind:value=year />
                    </Labelled>
                </div>
                <FormError id="plan-first-error" error=form.error() />
                <button type="submit" id="plan-first-submit" class="button button--primary" disabled=form.busy()>
                    {t!("work-plan-start-submit")}
                </button>
            </form>
        </details>
    }
}
