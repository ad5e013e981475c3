//! The forms of a risk's page: assessing it, planning its treatment, reviewing and closing it.
//! Each sends the version the page shows, and the page then shows the risk the server answers.

use super::heat_map::{impact, likelihood, scale_label};
use super::rating_text;
use crate::api::{self, ApiError};
use crate::components::Loaded;
use crate::controls::today;
use crate::form::{InputField, StepForm, Submit, TextAreaField, date_error, use_submit};
use crate::pages::activities::fields::measure_choices;
use antikor_shared::risk::{
    Rating, RiskAssessed, RiskChange, RiskClosed, RiskRecord, RiskResponse, RiskReviewed,
    RiskTreatmentPlanned,
};
use antikor_shared::wire::{code, from_code};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::future::Future;

/// Said after a conflict, once the risk is shown as it is now.
fn reloaded() -> String {
    t!("risks-reloaded")
}

/// The risk as the page shows it, and how its forms send their changes.
#[derive(Clone, Copy)]
pub(super) struct RiskCtx {
    /// The risk as last read or answered.
    pub record: RwSignal<RiskRecord>,
}

impl RiskCtx {
    /// The risk's id, for the addresses of its changes.
    fn id(self) -> String {
        self.record.with_untracked(|r| r.id.to_string())
    }

    /// The version the page shows: a change sent against it fails if someone changed the risk.
    fn version(self) -> u64 {
        self.record.with_untracked(|r| r.version)
    }

    /// Reads the risk again, as the server now has it.
    async fn reload(self) -> Result<(), ApiError> {
        let fresh = api::risk(&self.id()).await?;
        self.record.try_set(fresh);
        Ok(())
    }

    /// Sends a change; its answer is the risk as it now stands, which the page then shows.
    fn send(
        self,
        call: impl Future<Output = Result<RiskRecord, ApiError>> + 'static,
        form: Submit,
        saved: String,
    ) {
        form.send_versioned(call, self.reload(), reloaded(), move |fresh| {
            self.record.try_set(fresh);
            form.succeed(saved);
        });
    }
}

/// A day typed into a date field, or the message that it is none.
fn day(value: RwSignal<String>, what: &str) -> Result<NaiveDate, String> {
    value
        .get_untracked()
        .trim()
        .parse()
        .map_err(|_| date_error(what))
}

/// Trimmed text.
fn trimmed(value: RwSignal<String>) -> String {
    value.get_untracked().trim().to_owned()
}

/// A rating's two values as the selects hold them.
#[derive(Clone, Copy)]
struct RatingInput {
    likelihood: RwSignal<u8>,
    impact: RwSignal<u8>,
}

impl RatingInput {
    fn new(start: Option<Rating>) -> Self {
        let start = start.unwrap_or(Rating {
            likelihood: 1,
            impact: 1,
        });
        Self {
            likelihood: RwSignal::new(start.likelihood),
            impact: RwSignal::new(start.impact),
        }
    }

    fn get_untracked(self) -> Rating {
        Rating {
            likelihood: self.likelihood.get_untracked(),
            impact: self.impact.get_untracked(),
        }
    }
}

/// One value of the 1–5 scale as a select, each value named.
fn scale_select(id: String, word: fn(u8) -> String, value: RwSignal<u8>) -> impl IntoView {
    let options = (1..=5u8)
        .map(|v| {
            view! {
                <option value=v.to_string() prop:selected=move || value.get() == v>
                    {scale_label(word, v)}
                </option>
            }
        })
        .collect_view();
    view! {
        <select
            id=id
            on:change=move |ev| {
                if let Ok(v) = event_target_value(&ev).parse() {
                    value.set(v);
                }
            }
        >
            {options}
        </select>
    }
}

/// A rating's fields: likelihood and impact, and the score and band they give, said as they
/// change. Ids: `{prefix}-likelihood`, `{prefix}-impact`, `{prefix}-score`.
#[component]
fn RatingFields(
    /// What the ids start with, e.g. `assess-inherent`.
    prefix: &'static str,
    /// The fieldset's legend.
    #[prop(into)]
    legend: String,
    rating: RatingInput,
) -> impl IntoView {
    let likelihood_id = format!("{prefix}-likelihood");
    let impact_id = format!("{prefix}-impact");
    let score = move || {
        let r = Rating {
            likelihood: rating.likelihood.get(),
            impact: rating.impact.get(),
        };
        t!(
            "risks-rating-score",
            rating = rating_text(r),
            band = r.band().label(crate::i18n::lang()).to_lowercase()
        )
    };
    view! {
        <fieldset class="rating-fields">
            <legend>{legend}</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=likelihood_id.clone()>{t!("risks-likelihood")}</label>
                    {scale_select(likelihood_id.clone(), likelihood, rating.likelihood)}
                </div>
                <div class="field">
                    <label for=impact_id.clone()>{t!("risks-impact")}</label>
                    {scale_select(impact_id.clone(), impact, rating.impact)}
                </div>
            </div>
            <p id=format!("{prefix}-score") class="muted small" aria-live="polite">{score}</p>
        </fieldset>
    }
}

/// Rating the risk before (inherent) and after (residual) its existing controls; a new
/// assessment replaces the one shown.
#[component]
pub(super) fn AssessForm(ctx: RiskCtx) -> impl IntoView {
    let form = use_submit();
    let start = ctx.record.with_untracked(|r| r.assessment.clone());
    let assessed = start.is_some();
    let inherent = RatingInput::new(start.as_ref().map(|a| a.inherent));
    let residual = RatingInput::new(start.as_ref().map(|a| a.residual));
    let controls = RwSignal::new(start.map(|a| a.controls).unwrap_or_default());
    let submit = Callback::new(move |()| {
        let (inherent, residual) = (inherent.get_untracked(), residual.get_untracked());
        if residual.score() > inherent.score() {
            return form.fail(t!("risks-assess-residual-above"));
        }
        let body = RiskChange {
            expected_version: ctx.version(),
            change: RiskAssessed {
                inherent,
                controls: trimmed(controls),
                residual,
            },
        };
        let id = ctx.id();
        ctx.send(
            async move { api::assess_risk(&id, &body).await },
            form,
            t!("risks-assess-saved"),
        );
    });
    let title = if assessed {
        t!("risks-assess-title-new")
    } else {
        t!("risks-assess-title")
    };
    view! {
        <StepForm id="risk-assess" error_id="assess-error" submit_id="assess-submit" title open=!assessed form on_submit=submit button=t!("risks-assess-submit")>
            <RatingFields prefix="assess-inherent" legend=t!("risks-assess-inherent-legend") rating=inherent />
            <TextAreaField
                id="assess-controls"
                label=t!("risks-field-controls")
                value=controls
                rows=3
                maxlength=4000
                class="field--wide"
            />
            <RatingFields prefix="assess-residual" legend=t!("risks-assess-residual-legend") rating=residual />
        </StepForm>
    }
}

/// Checkboxes for the measures of the plan of the risk's year that its treatment carries out.
#[component]
fn MeasureChoices(year: i32, chosen: RwSignal<Vec<String>>) -> impl IntoView {
    let plan = LocalResource::new(move || async move {
        // The caller's own province's plan: the one the register's measures belong to.
        match api::plan(year, None, None).await {
            Ok(plan) => Ok(Some(plan)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    });
    let boxes = move || {
        Suspend::new(async move {
            let Some(plan) = plan.await? else {
                return Ok::<_, ApiError>(
                    view! {
                        <p class="muted small">
                            {t!("risks-treat-no-plan", year = year.to_string())}
                        </p>
                    }
                    .into_any(),
                );
            };
            Ok(measure_choices(
                plan.measures,
                "treat-measure",
                move |key| chosen.with(|c| c.iter().any(|k| k == key)),
                move |key, on| {
                    chosen.update(move |c| {
                        c.retain(|k| *k != key);
                        if on {
                            c.push(key);
                        }
                    });
                },
            ))
        })
    };
    view! {
        <fieldset class="measure-picker">
            <legend>{t!("risks-treat-measures-legend", year = year.to_string())}</legend>
            <Loaded retry=Callback::new(move |()| plan.refetch()) keep_shown=true>{boxes}</Loaded>
        </fieldset>
    }
}

/// Choosing the response to the risk and planning its measures; a new plan replaces the one
/// shown. An accepted risk is justified instead.
#[component]
pub(super) fn TreatForm(ctx: RiskCtx) -> impl IntoView {
    let form = use_submit();
    let (start, year) = ctx
        .record
        .with_untracked(|r| (r.treatment.clone(), r.identified.year));
    let treated = start.is_some();
    let response = RwSignal::new(start.as_ref().map_or(RiskResponse::Limit, |t| t.response));
    let actions = RwSignal::new(
        start
            .as_ref()
            .map(|t| t.actions.clone())
            .unwrap_or_default(),
    );
    let measures = RwSignal::new(
        start
            .as_ref()
            .map(|t| t.measures.clone())
            .unwrap_or_default(),
    );
    let due_on = RwSignal::new(
        start
            .and_then(|t| t.due_on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let submit = Callback::new(move |()| {
        let text = trimmed(actions);
        let accepted = response.get_untracked() == RiskResponse::Accept;
        if text.is_empty() {
            return form.fail(if accepted {
                t!("risks-treat-justify")
            } else {
                t!("risks-treat-describe")
            });
        }
        let due = if due_on.with_untracked(|d| d.trim().is_empty()) {
            None
        } else {
            match day(due_on, &t!("risks-treat-due-on-what")) {
                Ok(d) => Some(d),
                Err(e) => return form.fail(e),
            }
        };
        let mut keys = measures.get_untracked();
        keys.sort();
        let body = RiskChange {
            expected_version: ctx.version(),
            change: RiskTreatmentPlanned {
                response: response.get_untracked(),
                actions: text,
                measures: keys,
                due_on: due,
            },
        };
        let id = ctx.id();
        ctx.send(
            async move { api::treat_risk(&id, &body).await },
            form,
            t!("risks-treat-saved"),
        );
    });
    let options = RiskResponse::ALL
        .into_iter()
        .map(|r| {
            view! {
                <option value=code(r) prop:selected=move || response.get() == r>
                    {r.label(crate::i18n::lang())}
                </option>
            }
        })
        .collect_view();
    // The same field holds the measures, or for an accepted risk why it is accepted.
    let actions_label = Signal::derive(move || {
        if response.get() == RiskResponse::Accept {
            t!("risks-field-acceptance-reason")
        } else {
            t!("risks-field-planned-measures")
        }
    });
    let title = if treated {
        t!("risks-treat-title-new")
    } else {
        t!("risks-treat-title")
    };
    view! {
        <StepForm id="risk-treat" error_id="treat-error" submit_id="treat-submit" title open=!treated form on_submit=submit button=t!("risks-treat-submit")>
            <div class="form-grid">
                <div class="field">
                    <label for="treat-response">{t!("risks-treat-response-label")}</label>
                    <select
                        id="treat-response"
                        on:change=move |ev| {
                            if let Some(r) = from_code(&event_target_value(&ev)) {
                                response.set(r);
                            }
                        }
                    >
                        {options}
                    </select>
                </div>
                <InputField id="treat-due-on" label=t!("risks-treat-due-on-label") kind="date" value=due_on />
            </div>
            <div class="field field--wide">
                <label for="treat-actions">{actions_label}</label>
                <textarea id="treat-actions" rows="4" maxlength="4000" bind:value=actions></textarea>
            </div>
            <MeasureChoices year chosen=measures />
        </StepForm>
    }
}

/// Recording a review: the day, the residual rating found, what was found, the next review.
#[component]
pub(super) fn ReviewForm(ctx: RiskCtx) -> impl IntoView {
    let form = use_submit();
    let reviewed_on = RwSignal::new(today().to_string());
    let residual = RatingInput::new(ctx.record.with_untracked(RiskRecord::residual));
    let note = RwSignal::new(String::new());
    let next = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let on = match day(reviewed_on, &t!("risks-review-on-what")) {
            Ok(d) => d,
            Err(e) => return form.fail(e),
        };
        let next_on = match day(next, &t!("risks-review-next-what")) {
            Ok(d) => d,
            Err(e) => return form.fail(e),
        };
        if next_on <= on {
            return form.fail(t!("risks-review-next-after"));
        }
        let text = trimmed(note);
        if text.is_empty() {
            return form.fail(t!("risks-review-describe"));
        }
        let body = RiskChange {
            expected_version: ctx.version(),
            change: RiskReviewed {
                reviewed_on: on,
                residual: residual.get_untracked(),
                note: text,
                next_review_on: next_on,
            },
        };
        let id = ctx.id();
        ctx.send(
            async move { api::review_risk(&id, &body).await },
            form,
            t!("risks-review-saved"),
        );
    });
    view! {
        <StepForm id="risk-review" error_id="review-error" submit_id="review-submit" title=t!("risks-review-title") form on_submit=submit button=t!("risks-review-submit")>
            <div class="form-grid">
                <InputField id="review-on" label=t!("risks-review-on-label") kind="date" value=reviewed_on />
                <InputField id="review-next" label=t!("risks-review-next-label") kind="date" value=next />
            </div>
            <RatingFields prefix="review-residual" legend=t!("risks-review-residual-legend") rating=residual />
            <TextAreaField id="review-note" label=t!("risks-review-note-label") value=note rows=3 maxlength=2000 class="field--wide" />
        </StepForm>
    }
}

/// Taking the risk out of the register, saying why; it stays in the year's list and the log.
#[component]
pub(super) fn CloseForm(ctx: RiskCtx) -> impl IntoView {
    let form = use_submit();
    let reason = RwSignal::new(String::new());
    let submit = Callback::new(move |()| {
        let text = trimmed(reason);
        if text.is_empty() {
            return form.fail(t!("risks-close-reason-missing"));
        }
        let body = RiskChange {
            expected_version: ctx.version(),
            change: RiskClosed { reason: text },
        };
        let id = ctx.id();
        ctx.send(
            async move { api::close_risk(&id, &body).await },
            form,
            t!("risks-close-saved"),
        );
    });
    view! {
        <StepForm id="risk-close" error_id="close-error" submit_id="close-submit" title=t!("risks-close-title") form on_submit=submit button=t!("risks-close-submit")>
            <p class="muted small">{t!("risks-close-note")}</p>
            <TextAreaField id="close-reason" label=t!("risks-field-close-reason") value=reason rows=3 maxlength=1000 class="field--wide" />
        </StepForm>
    }
}
