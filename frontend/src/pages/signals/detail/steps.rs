//! The forms of a case's steps: acknowledging, assigning, classifying, notes, forwarding,
//! linking and closing. Each sends against the version shown, through [`CaseCtx::send`].

use super::{CaseCtx, parse_day};
use crate::api::{self, ApiError};
use crate::components::Loaded;
use crate::controls::today;
use crate::form::{InputField, Labelled, StepForm, TextAreaField, use_submit_explained};
use crate::pages::signals::{ListChoice, error_text, intake_lists, optional};
use crate::session::use_session;
use antikor_shared::Username;
use antikor_shared::signal::{
    Acknowledge, Assign, Category, Classify, Close, Forward, Link, LinkRisks, Outcome, Regime,
    SignalNote,
};
use antikor_shared::wire::{code, from_code};
use chrono::Datelike;
use leptos::prelude::*;

/// A labelled day; one after today is refused with the server's message, as it is for the
/// activity forms.
fn day_field(id: &'static str, label: String, value: RwSignal<String>) -> impl IntoView {
    view! { <InputField id label kind="date" value /> }
}

/// A labelled text area of the step forms, as wide as the form.
fn text_area(
    id: &'static str,
    label: String,
    max: usize,
    value: RwSignal<String>,
) -> impl IntoView {
    view! { <TextAreaField id label value rows=4 maxlength=max class="field--wide" /> }
}

/// Confirming receipt to the reporter, with the УИН for whistleblower-law signals.
#[component]
pub(super) fn AcknowledgeForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let on = RwSignal::new(today().to_string());
    let uin = RwSignal::new(String::new());
    let message = RwSignal::new(t!("signals-ack-default-message"));
    let submit = Callback::new(move |()| {
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return form.fail(e),
        };
        let body = Acknowledge {
            expected_version: ctx.version(),
            on: day,
            uin: optional(&uin.get_untracked()),
            message: optional(&message.get_untracked()),
        };
        ctx.send("acknowledge", body, form, t!("signals-ack-saved"), || {});
    });
    view! {
        <StepForm id="step-acknowledge" error_id="acknowledge-error" title=t!("signals-ack-title") open=true form on_submit=submit button=t!("signals-ack-submit")>
            <div class="form-grid">
                {day_field("ack-on", t!("signals-ack-date"), on)}
                <InputField
                    id="ack-uin"
                    label=t!("signals-ack-uin")
                    value=uin
                    maxlength=40
                    help=t!("signals-ack-uin-help")
                />
            </div>
            {text_area("ack-message", t!("signals-message-to-reporter"), 4000, message)}
        </StepForm>
    }
}

/// Making an officer of the institution responsible, chosen from its active officers (the
/// one assigned now, else the user, first chosen).
#[component]
pub(super) fn AssignForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let current = ctx
        .detail
        .with_untracked(|d| d.row.assigned_to.as_ref().map(ToString::to_string))
        .or_else(|| ctx.session.user_untracked().map(|u| u.username.to_string()))
        .unwrap_or_default();
    let to = RwSignal::new(current);
    let officers = LocalResource::new(api::signals::officers);
    let options = move || {
        officers.get().map(|list| match list {
            Ok(list) => list
                .into_iter()
                .map(|o| {
                    let value = o.username.to_string();
                    let selected = to.get_untracked() == value;
                    view! {
                        <option value=value.clone() selected=selected>
                            {format!("{} ({value})", o.display_name)}
                        </option>
                    }
                })
                .collect_view()
                .into_any(),
            Err(e) => view! { <option value="" disabled=true>{e.to_string()}</option> }.into_any(),
        })
    };
    let submit = Callback::new(move |()| {
        let Ok(username) = Username::parse(to.get_untracked().trim()) else {
            return form.fail(t!("signals-assign-missing"));
        };
        let body = Assign {
            expected_version: ctx.version(),
            to: username,
        };
        ctx.send("assign", body, form, t!("signals-assign-saved"), || {});
    });
    view! {
        <StepForm id="step-assign" error_id="assign-error" title=t!("signals-assign-title") form on_submit=submit button=t!("signals-assign-submit")>
            <Labelled id="assign-to" label=t!("signals-assign-to")>
                <select id="assign-to" bind:value=to>
                    <option value="">{t!("signals-choose")}</option>
                    {options}
                </select>
            </Labelled>
        </StepForm>
    }
}

/// Deciding the regime and what the signal concerns.
#[component]
pub(super) fn ClassifyForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let start = ctx.detail.with_untracked(|d| d.row.clone());
    let regime = RwSignal::new(start.regime.map(code).unwrap_or_default());
    let category = RwSignal::new(code(start.category));
    let unit = RwSignal::new(start.unit.unwrap_or_default());
    let activity = RwSignal::new(start.activity.unwrap_or_default());
    let own = use_session()
        .user_untracked()
        .map(|u| u.tenant.to_string())
        .unwrap_or_default();
    let (units, activities) = intake_lists(Signal::stored(own));
    let submit = Callback::new(move |()| {
        let Some(regime) = from_code::<Regime>(&regime.get_untracked()) else {
            return form.fail(t!("signals-classify-regime-missing"));
        };
        let Some(category) = from_code::<Category>(&category.get_untracked()) else {
            return form.fail(t!("signals-classify-category-missing"));
        };
        let body = Classify {
            expected_version: ctx.version(),
            regime,
            category,
            unit: optional(&unit.get_untracked()),
            activity: optional(&activity.get_untracked()),
        };
        ctx.send("classify", body, form, t!("signals-classify-saved"), || {});
    });
    let regimes = Regime::ALL
        .into_iter()
        .map(|r| view! { <option value=code(r)>{r.label(crate::i18n::lang())}</option> })
        .collect_view();
    let categories = Category::ALL
        .into_iter()
        .map(|c| view! { <option value=code(c)>{c.label(crate::i18n::lang())}</option> })
        .collect_view();
    view! {
        <StepForm id="step-classify" error_id="classify-error" title=t!("signals-classify-title") form on_submit=submit button=t!("signals-save")>
            <div class="form-grid">
                <Labelled id="classify-regime" label=t!("signals-regime")>
                    <select id="classify-regime" bind:value=regime>
                        <option value="">{t!("signals-choose")}</option>
                        {regimes}
                    </select>
                </Labelled>
                <Labelled id="classify-category" label=t!("signals-category")>
                    <select id="classify-category" bind:value=category>{categories}</select>
                </Labelled>
                <ListChoice id="classify-unit".to_owned() label=t!("signals-unit") value=unit choices=units
                    help=t!("signals-from-the-list") />
                <ListChoice id="classify-activity".to_owned() label=t!("signals-activity") value=activity choices=activities
                    help=t!("signals-from-the-list") />
            </div>
        </StepForm>
    }
}

/// A dated text (a follow-up action, the feedback) or a message to the reporter.
#[component]
pub(super) fn NoteForm(
    ctx: CaseCtx,
    /// The route's last segment: `actions`, `feedback` or `messages`.
    step: &'static str,
    title: String,
    /// Whether the note has a date (messages are dated when recorded).
    dated: bool,
    label: String,
    saved: String,
) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let on = RwSignal::new(today().to_string());
    let text = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let day = if dated {
            match parse_day(&on.get_untracked()) {
                Ok(d) => Some(d),
                Err(e) => return form.fail(e),
            }
        } else {
            None
        };
        let Some(written) = optional(&text.get_untracked()) else {
            return form.fail(t!("signals-note-text-missing"));
        };
        let body = SignalNote {
            expected_version: ctx.version(),
            on: day,
            text: written,
        };
        ctx.send(step, body, form, saved.clone(), move || {
            text.set(String::new());
        });
    });
    // Ids must be static; the three steps that share this form are spelled out.
    let (form_id, date_id, text_id, error_id, max) = match step {
        "actions" => (
            "step-actions",
            "actions-on",
            "actions-text",
            "actions-error",
            10_000,
        ),
        "feedback" => (
            "step-feedback",
            "feedback-on",
            "feedback-text",
            "feedback-error",
            10_000,
        ),
        _ => (
            "step-messages",
            "messages-on",
            "messages-text",
            "messages-error",
            4000,
        ),
    };
    view! {
        <StepForm id=form_id error_id title=title form on_submit=submit button=t!("signals-save")>
            {dated.then(|| day_field(date_id, t!("signals-date"), on))}
            {text_area(text_id, label, max, text)}
        </StepForm>
    }
}

/// Forwarding by competence.
#[component]
pub(super) fn ForwardForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let to = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let on = RwSignal::new(today().to_string());
    let submit = Callback::new(move |()| {
        let (Some(to), Some(number)) = (
            optional(&to.get_untracked()),
            optional(&number.get_untracked()),
        ) else {
            return form.fail(t!("signals-forward-missing"));
        };
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return form.fail(e),
        };
        let body = Forward {
            expected_version: ctx.version(),
            to,
            outgoing_number: number,
            on: day,
        };
        ctx.send("forward", body, form, t!("signals-forward-saved"), || {});
    });
    view! {
        <StepForm id="step-forward" error_id="forward-error" title=t!("signals-forward-title") form on_submit=submit button=t!("signals-save")>
            <div class="form-grid">
                <InputField id="forward-to" label=t!("signals-forward-to") value=to />
                <InputField id="forward-number" label=t!("signals-forward-number") value=number />
                {day_field("forward-on", t!("signals-date"), on)}
            </div>
        </StepForm>
    }
}

/// Closing the case, with its outcome and the reason.
#[component]
pub(super) fn CloseForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let on = RwSignal::new(today().to_string());
    let outcome = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let Some(outcome) = from_code::<Outcome>(&outcome.get_untracked()) else {
            return form.fail(t!("signals-close-outcome-missing"));
        };
        let Some(reason) = optional(&reason.get_untracked()) else {
            return form.fail(t!("signals-close-reason-missing"));
        };
        let day = match parse_day(&on.get_untracked()) {
            Ok(d) => d,
            Err(e) => return form.fail(e),
        };
        let body = Close {
            expected_version: ctx.version(),
            on: day,
            outcome,
            reason,
        };
        ctx.send("close", body, form, t!("signals-close-saved"), || {});
    });
    let outcomes = Outcome::ALL
        .into_iter()
        .map(|o| view! { <option value=code(o)>{o.label(crate::i18n::lang())}</option> })
        .collect_view();
    view! {
        <StepForm id="step-close" error_id="close-error" title=t!("signals-close-title") form on_submit=submit button=t!("signals-close-submit")>
            <div class="form-grid">
                {day_field("close-on", t!("signals-date"), on)}
                <Labelled id="close-outcome" label=t!("signals-close-outcome")>
                    <select id="close-outcome" bind:value=outcome>
                        <option value="">{t!("signals-choose")}</option>
                        {outcomes}
                    </select>
                </Labelled>
            </div>
            {text_area("close-reason", t!("signals-close-reason"), 10_000, reason)}
            <p class="field__help">
                {t!("signals-close-retention-help")}
            </p>
        </StepForm>
    }
}

/// Linking a related signal of the institution by its number.
#[component]
pub(super) fn LinkForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let reference = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let Some(other) = optional(&reference.get_untracked()) else {
            return form.fail(t!("signals-link-missing"));
        };
        let body = Link {
            expected_version: ctx.version(),
            reference: other,
        };
        ctx.send("links", body, form, t!("signals-link-saved"), move || {
            reference.set(String::new());
        });
    });
    view! {
        <StepForm id="step-links" error_id="links-error" title=t!("signals-link-title") form on_submit=submit button=t!("signals-link-submit")>
            <InputField id="link-reference" label=t!("signals-link-reference") value=reference />
        </StepForm>
    }
}

/// The years of the register a signal's risks are looked for in, newest first: from two years
/// before the signal (or before this year, if earlier) to next year's register.
fn risk_years(received_year: i32, this_year: i32) -> Vec<i32> {
    (received_year.min(this_year) - 2..=this_year + 1)
        .rev()
        .collect()
}

/// Relating a classified signal to risks of the institution's register: the open risks of
/// recent years to choose from, those related already chosen. What is sent replaces the
/// risks related before.
#[component]
pub(super) fn RisksForm(ctx: CaseCtx) -> impl IntoView {
    let form = use_submit_explained(error_text);
    let (linked, received) = ctx.detail.with_untracked(|d| {
        (
            d.risks.iter().map(|r| r.id).collect::<Vec<_>>(),
            d.row.received,
        )
    });
    let chosen = RwSignal::new(linked);
    let years = risk_years(received.year(), today().year());
    let register = LocalResource::new(move || {
        let years = years.clone();
        async move {
            let mut all = Vec::new();
            for year in years {
                let risks =
                    api::all_pages(|page| async move { api::risks(None, Some(year), &page).await })
                        .await?;
                all.extend(risks);
            }
            Ok::<_, ApiError>(all)
        }
    });
    let submit = Callback::new(move |()| {
        let body = LinkRisks {
            expected_version: ctx.version(),
            risks: chosen.get_untracked(),
        };
        ctx.send("risks", body, form, t!("signals-risks-saved"), || {});
    });
    let choices = move || {
        Suspend::new(async move {
            let risks = register.await?;
            // Open risks, and those already related even if closed since: unticking one is
            // how it is let go.
            let offered: Vec<_> = risks
                .into_iter()
                .filter(|r| r.closed.is_none() || chosen.with_untracked(|c| c.contains(&r.id)))
                .collect();
            if offered.is_empty() {
                return Ok::<_, ApiError>(
                    view! {
                        <p id="signal-risks-none" class="muted">
                            {t!("signals-risks-none")}
                        </p>
                    }
                    .into_any(),
                );
            }
            let items = offered
                .into_iter()
                .map(|r| {
                    let id = r.id;
                    let input_id = format!("signal-risk-{id}");
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| {
                            c.retain(|x| *x != id);
                            if on {
                                c.push(id);
                            }
                        });
                    };
                    view! {
                        <li>
                            <label for=input_id.clone()>
                                <input
                                    id=input_id.clone()
                                    class="risk-choice"
                                    type="checkbox"
                                    value=id.to_string()
                                    prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=toggle
                                />
                                " "
                                <strong>{r.code()}</strong>
                                " "
                                <span class="measure-choice__text">{r.identified.description.clone()}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            Ok(view! { <ul class="measure-choices">{items}</ul> }.into_any())
        })
    };
    let retry = Callback::new(move |()| register.refetch());
    view! {
        <StepForm id="step-risks" error_id="risks-error" title=t!("signals-related-risks") form on_submit=submit button=t!("signals-risks-submit")>
            <fieldset class="measure-picker">
                <legend>{t!("signals-risks-legend")}</legend>
                <Loaded retry keep_shown=true>{choices}</Loaded>
            </fieldset>
            <p class="field__help">
                {t!("signals-risks-help")}
            </p>
        </StepForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risks_are_looked_for_in_the_registers_around_the_signal() {
        assert_eq!(risk_years(2026, 2026), [2027, 2026, 2025, 2024]);
        assert_eq!(
            risk_years(2017, 2018),
            [2019, 2018, 2017, 2016, 2015],
            "an older signal reaches its own year's register"
        );
    }
}
