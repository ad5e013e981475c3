//! `/anketa`: a staff member answers the anonymous survey with a one-time code, without login.

use super::survey_years;
use crate::api;
use crate::components::{NAME_HERE, focus_by_id, sentence_with_name, set_title};
use crate::controls::today;
use crate::directory::{tenant_options, use_directory};
use crate::form::{FormError, use_submit};
use crate::format::date_bg;
use antikor_shared::TenantId;
use antikor_shared::survey::{
    Answer, GiveSurveyAnswers, Question, QuestionKind, SurveyAccess, SurveyForm,
};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the respondent is: typing the code, answering, or done.
#[derive(Clone)]
enum Stage {
    /// The code is typed.
    Access,
    /// The questionnaire the code opened, and the code it is answered with.
    Answering(SurveyAccess, SurveyForm),
    /// The answers are recorded.
    Done,
}

/// `/anketa`; `?tenant=bansko&year=2025` preselects the survey, as the printed codes say.
#[component]
pub fn AnswerSurveyPage() -> impl IntoView {
    set_title(&t!("citizen-survey-title"));
    let stage = RwSignal::new(Stage::Access);
    view! {
        <h1>{t!("citizen-survey-heading")}</h1>
        {move || match stage.get() {
            Stage::Access => view! { <AccessForm stage /> }.into_any(),
            Stage::Answering(access, form) => view! { <Questionnaire access form stage /> }.into_any(),
            Stage::Done => view! {
                <section id="survey-thanks" class="receipt" tabindex="-1" aria-labelledby="survey-thanks-heading">
                    <h2 id="survey-thanks-heading">{t!("citizen-survey-thanks")}</h2>
                    <p>
                        {t!("citizen-survey-recorded")}
                    </p>
                </section>
            }
            .into_any(),
        }}
    }
}

/// Choosing the institution and year and typing the code.
#[component]
fn AccessForm(stage: RwSignal<Stage>) -> impl IntoView {
    let query = use_query_map();
    let tenants = use_directory();
    let this_year = today().year();
    let tenant = RwSignal::new(
        query
            .with_untracked(|q| q.get("tenant"))
            .unwrap_or_default(),
    );
    let year = RwSignal::new(
        query
            .with_untracked(|q| q.get("year"))
            .and_then(|y| y.trim().parse::<i32>().ok())
            .unwrap_or(this_year),
    );
    let code = RwSignal::new(String::new());
    let form = use_submit();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let Ok(tenant) = TenantId::parse(tenant.get_untracked()) else {
            return form.fail(t!("citizen-survey-no-institution"));
        };
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            return form.fail(t!("citizen-survey-no-code"));
        }
        let access = SurveyAccess {
            tenant,
            year: year.get_untracked(),
            code: typed,
        };
        let asked = access.clone();
        form.send(
            async move { api::survey_form(&asked).await },
            move |opened| {
                stage.set(Stage::Answering(access, opened));
                request_animation_frame(|| focus_by_id("survey-form-heading"));
            },
        );
    };
    let options = move || {
        let chosen = tenant.get();
        tenant_options(tenants, move |id| id.as_str() == chosen)
    };
    let years = move || {
        let shown = year.get();
        survey_years(this_year, shown)
            .into_iter()
            .map(|y| view! { <option value=y.to_string() prop:selected=shown == y>{t!("citizen-year", year = y.to_string())}</option> })
            .collect_view()
    };
    view! {
        <div class="notice notice--info" id="survey-anonymity">
            <p>
                <strong>{t!("citizen-survey-anonymous")}</strong>
                " "
                {t!("citizen-survey-anonymous-how")}
            </p>
            <p>{t!("citizen-survey-optional")}</p>
        </div>
        <form id="survey-access-form" class="form-card" on:submit=submit novalidate autocomplete="off">
            <div class="form-grid">
                <div class="field">
                    <label for="survey-tenant">{t!("citizen-survey-institution")}</label>
                    <select id="survey-tenant" on:change=move |ev| tenant.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || tenant.with(String::is_empty)>{t!("citizen-choose")}</option>
                        {options}
                    </select>
                </div>
                <div class="field field--narrow">
                    <label for="survey-year">{t!("citizen-survey-year")}</label>
                    <select
                        id="survey-year"
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() {
                                year.set(y);
                            }
                        }
                    >
                        {years}
                    </select>
                </div>
                <div class="field">
                    <label for="survey-code">{t!("citizen-survey-code")}</label>
                    <input
                        id="survey-code"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        maxlength="40"
                        aria-describedby="survey-code-help"
                        bind:value=code
                    />
                    <p id="survey-code-help" class="field__help">{t!("citizen-survey-code-help")}</p>
                </div>
            </div>
            <FormError id="survey-access-error" error=form.error() />
            <div class="form-actions">
                <button type="submit" id="survey-access-submit" class="button button--primary" disabled=form.busy()>
                    {t!("citizen-survey-open")}
                </button>
            </div>
        </form>
    }
}

/// One question's answer as the form holds it: a chosen option, or a text.
#[derive(Clone, Copy)]
struct AnswerInput {
    choice: RwSignal<Option<u8>>,
    text: RwSignal<String>,
}

impl AnswerInput {
    /// The answer to `q`, or none when it was left out.
    fn answer(self, q: &Question) -> Option<Answer> {
        if matches!(q.kind, QuestionKind::Text) {
            let text = self.text.get_untracked().trim().to_owned();
            return (!text.is_empty()).then(|| Answer {
                question: q.key.clone(),
                choice: None,
                text: Some(text),
            });
        }
        self.choice.get_untracked().map(|c| Answer {
            question: q.key.clone(),
            choice: Some(c),
            text: None,
        })
    }
}

/// The questionnaire the code opened, and sending the answers.
#[component]
fn Questionnaire(access: SurveyAccess, form: SurveyForm, stage: RwSignal<Stage>) -> impl IntoView {
    let q = form.questionnaire;
    let inputs: Vec<(Question, AnswerInput)> = q
        .questions
        .into_iter()
        .map(|question| {
            let input = AnswerInput {
                choice: RwSignal::new(None),
                text: RwSignal::new(String::new()),
            };
            (question, input)
        })
        .collect();
    let fields = inputs
        .iter()
        .enumerate()
        .map(|(i, (question, input))| view! { <QuestionField question=question.clone() number=i + 1 input=*input /> })
        .collect_view();
    let submit_form = use_submit();
    let inputs = StoredValue::new(inputs);
    let access = StoredValue::new(access);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !submit_form.begin(&ev) {
            return;
        }
        let answers: Vec<Answer> = inputs.with_value(|list| {
            list.iter()
                .filter_map(|(question, input)| input.answer(question))
                .collect()
        });
        if answers.is_empty() {
            return submit_form.fail(t!("citizen-survey-no-answers"));
        }
        let body = GiveSurveyAnswers {
            access: access.get_value(),
            answers,
        };
        submit_form.send(
            async move { api::give_survey_answers(&body).await },
            move |()| {
                stage.set(Stage::Done);
                request_animation_frame(|| focus_by_id("survey-thanks"));
            },
        );
    };
    view! {
        <section aria-labelledby="survey-form-heading">
            <h2 id="survey-form-heading" tabindex="-1">{q.title}</h2>
            <p class="muted">
                {sentence_with_name(
                    &form.tenant_name,
                    t!("citizen-survey-closes", institution = NAME_HERE, date = date_bg(form.closes_on)),
                )}
            </p>
            {(!q.intro.is_empty()).then(|| view! { <p class="lead pre-line">{q.intro.clone()}</p> })}
            <form id="survey-answers-form" class="form-card survey-answers" on:submit=submit novalidate autocomplete="off">
                {fields}
                <FormError id="survey-answers-error" error=submit_form.error() />
                <div class="form-actions">
                    <button type="submit" id="survey-answers-submit" class="button button--primary" disabled=submit_form.busy()>
                        {t!("citizen-survey-send")}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// One question: a group of radio buttons for a closed one, a text area for a free text.
#[component]
fn QuestionField(question: Question, number: usize, input: AnswerInput) -> impl IntoView {
    let key = question.key.clone();
    let legend = format!("{number}. {}", question.text);
    if matches!(question.kind, QuestionKind::Text) {
        let id = format!("answer-{key}");
        return view! {
            <div class="field field--wide survey-question" data-key=key.clone()>
                <label for=id.clone()>{legend}</label>
                <textarea id=id rows="4" maxlength="2000" bind:value=input.text></textarea>
            </div>
        }
        .into_any();
    }
    let hint = matches!(question.kind, QuestionKind::Scale)
        .then(|| view! { <p class="field__help">{t!("citizen-survey-scale-hint")}</p> });
    let options = question
        .options_in(crate::i18n::lang())
        .into_iter()
        .enumerate()
        .filter_map(|(i, label)| u8::try_from(i).ok().map(|i| (i, label)))
        .map(|(i, label)| {
            let id = format!("answer-{key}-{i}");
            view! {
                <label for=id.clone() class="survey-option">
                    <input
                        id=id.clone()
                        type="radio"
                        name=format!("answer-{key}")
                        value=i.to_string()
                        prop:checked=move || input.choice.get() == Some(i)
                        on:change=move |_| input.choice.set(Some(i))
                    />
                    " "
                    {label}
                </label>
            }
        })
        .collect_view();
    let scale = matches!(question.kind, QuestionKind::Scale);
    view! {
        <fieldset class="survey-question" data-key=key.clone()>
            <legend>{legend}</legend>
            {hint}
            <div class="survey-options" class:survey-options--row=scale>{options}</div>
            <Show when=move || input.choice.get().is_some()>
                <button type="button" class="button button--small survey-clear" on:click=move |_| input.choice.set(None)>
                    {t!("citizen-survey-clear")}
                </button>
            </Show>
        </fieldset>
    }
    .into_any()
}
