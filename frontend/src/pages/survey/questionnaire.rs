//! `/survey/questionnaire`: the region's questionnaire of a year, edited from the newest
//! published version (or the default one) and published as a new version.

use super::{SurveyYearSelect, chosen_year};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{ViewParams, use_view_params};
use crate::form::{FormError, InputField, NoticeView, TextAreaField, use_submit};
use antikor_shared::survey::{
    MIN_ANSWERS, PublishQuestionnaire, Question, QuestionKind, QuestionnaireView,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// Said after a conflict, once the newest version is shown.
fn reloaded() -> String {
    t!("survey-reloaded")
}

/// The kinds of question, as the form offers them: the wire's codes.
const KINDS: [&str; 4] = ["yes_no", "scale", "choice", "text"];

/// A kind of question as the form names it.
fn kind_label(code: &str) -> String {
    match code {
        "yes_no" => t!("survey-kind-yes-no"),
        "scale" => t!("survey-kind-scale"),
        "choice" => t!("survey-kind-choice"),
        "text" => t!("survey-kind-text"),
        _ => String::new(),
    }
}

/// One question as the form holds it.
#[derive(Clone, Copy)]
struct QuestionDraft {
    /// Tells the rows apart while questions come and go.
    row: u32,
    key: StoredValue<String>,
    text: RwSignal<String>,
    kind: RwSignal<&'static str>,
    /// The options of a choice, one a line.
    options: RwSignal<String>,
}

impl QuestionDraft {
    fn of(row: u32, q: &Question) -> Self {
        let (kind, options) = match &q.kind {
            QuestionKind::YesNo => ("yes_no", String::new()),
            QuestionKind::Scale => ("scale", String::new()),
            QuestionKind::Choice { options } => ("choice", options.join("\n")),
            QuestionKind::Text => ("text", String::new()),
        };
        Self {
            row,
            key: StoredValue::new(q.key.clone()),
            text: RwSignal::new(q.text.clone()),
            kind: RwSignal::new(kind),
            options: RwSignal::new(options),
        }
    }

    /// The question, or what is missing in it (`number` is its place in the form).
    fn question(self, number: usize) -> Result<Question, String> {
        let text = self.text.get_untracked().trim().to_owned();
        if text.is_empty() {
            return Err(t!("survey-question-text-missing", number = number));
        }
        let kind = match self.kind.get_untracked() {
            "yes_no" => QuestionKind::YesNo,
            "scale" => QuestionKind::Scale,
            "text" => QuestionKind::Text,
            _ => {
                let options = option_lines(&self.options.get_untracked());
                if options.len() < 2 {
                    return Err(t!("survey-question-options-missing", number = number));
                }
                QuestionKind::Choice { options }
            }
        };
        Ok(Question {
            key: self.key.get_value(),
            text,
            kind,
        })
    }
}

/// The options typed one a line: trimmed, blank lines left out.
fn option_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A key for a new question no other has: `q1`, `q2`… the first one free.
fn free_key(taken: &[String]) -> String {
    (1..)
        .map(|n| format!("q{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or_default()
}

/// `/survey/questionnaire`.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    set_title(&t!("survey-questionnaire-title"));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let year = Memo::new(move |_| chosen.with(chosen_year));
    let view_data = LocalResource::new(move || {
        let year = year.get();
        async move { api::questionnaire(year).await }
    });
    let retry = Callback::new(move |()| view_data.refetch());
    let body = move || {
        Suspend::new(async move {
            let v = view_data.await?;
            Ok::<_, ApiError>(view! { <Editor initial=v /> })
        })
    };
    let back = move || {
        ViewParams {
            year: Some(year.get()),
            ..ViewParams::default()
        }
        .href("/survey")
    };
    view! {
        <p class="breadcrumb">
            <A href=back attr:id="questionnaire-survey-link">{t!("survey-title")}</A>
        </p>
        <h1>{t!("survey-questionnaire-title")}</h1>
        <p class="lead">{t!("survey-questionnaire-lead")}</p>
        <div class="filters">
            <SurveyYearSelect id="questionnaire-year" path="/survey/questionnaire" params=chosen />
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The questionnaire as loaded, and the form that publishes a new version of it.
#[component]
fn Editor(initial: QuestionnaireView) -> impl IntoView {
    let year = initial.year;
    let shown = RwSignal::new(initial.clone());
    let draft = initial.draft;
    let title = RwSignal::new(draft.title.clone());
    let intro = RwSignal::new(draft.intro.clone());
    let min_answers = RwSignal::new(draft.min_answers.to_string());
    let next_row = StoredValue::new(u32::try_from(draft.questions.len()).unwrap_or(0));
    let questions = RwSignal::new(
        draft
            .questions
            .iter()
            .zip(0..)
            .map(|(q, row)| QuestionDraft::of(row, q))
            .collect::<Vec<_>>(),
    );
    let form = use_submit();
    let add = move |_| {
        let row = next_row.get_value();
        next_row.set_value(row + 1);
        let taken: Vec<String> =
            questions.with_untracked(|qs| qs.iter().map(|q| q.key.get_value()).collect());
        let question = Question {
            key: free_key(&taken),
            text: String::new(),
            kind: QuestionKind::YesNo,
        };
        questions.update(|qs| qs.push(QuestionDraft::of(row, &question)));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let title_text = title.get_untracked().trim().to_owned();
        if title_text.is_empty() {
            return form.fail(t!("survey-title-missing"));
        }
        let threshold = match min_answers.get_untracked().trim().parse::<u32>() {
            Ok(n) if n >= MIN_ANSWERS => n,
            _ => {
                return form.fail(t!("survey-threshold-invalid", min = MIN_ANSWERS));
            }
        };
        let drafts = questions.get_untracked();
        if drafts.is_empty() {
            return form.fail(t!("survey-questions-missing"));
        }
        let list = match drafts
            .iter()
            .enumerate()
            .map(|(i, q)| q.question(i + 1))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(list) => list,
            Err(text) => return form.fail(text),
        };
        let body = PublishQuestionnaire {
            expected_version: shown.with_untracked(|v| v.version),
            title: title_text,
            intro: intro.get_untracked().trim().to_owned(),
            questions: list,
            min_answers: threshold,
        };
        let reload = async move {
            let fresh = api::questionnaire(year).await?;
            shown.try_set(fresh);
            Ok(())
        };
        form.send_versioned(
            async move { api::publish_questionnaire(year, &body).await },
            reload,
            reloaded(),
            move |fresh| {
                let version = fresh.version;
                shown.try_set(fresh);
                form.succeed(t!("survey-published", version = version));
            },
        );
    };
    let published = move || {
        shown.with(|v| match &v.published {
            Some(p) => view! {
                <p id="questionnaire-version" data-version=p.version.to_string()>
                    {t!(
                        "survey-published-version",
                        version = p.version,
                        title = &p.title,
                        count = p.questions.len(),
                    )}
                </p>
            }
            .into_any(),
            None => view! {
                <p id="questionnaire-version" data-version="0" class="notice notice--info">
                    {t!("survey-no-published", year = year.to_string())}
                </p>
            }
            .into_any(),
        })
    };
    let button = move || {
        let next = shown.with(|v| v.version) + 1;
        t!("survey-publish-submit", version = next)
    };
    let rows = move || {
        let list = questions.get();
        let count = list.len();
        list.into_iter()
            .enumerate()
            .map(|(i, q)| view! { <QuestionFields q number=i + 1 count questions /> })
            .collect_view()
    };
    view! {
        {published}
        <form id="questionnaire-form" class="form-card" on:submit=submit novalidate>
            <h2>{t!("survey-new-version")}</h2>
            <div class="form-grid">
                <InputField id="questionnaire-title" label=t!("survey-title-label") value=title maxlength=200 class="field--wide" />
                <InputField
                    id="questionnaire-min-answers"
                    label=t!("survey-threshold-label")
                    kind="number"
                    inputmode="numeric"
                    value=min_answers
                    help=t!("survey-threshold-help", min = MIN_ANSWERS)
                    class="field--narrow"
                />
            </div>
            <TextAreaField id="questionnaire-intro" label=t!("survey-intro-label") value=intro rows=3 maxlength=2000 class="field--wide" />
            <ol id="questionnaire-questions" class="row-list questionnaire-questions">{rows}</ol>
            <p>
                <button type="button" id="questionnaire-add" class="button" on:click=add>
                    {t!("survey-add-question")}
                </button>
            </p>
            <FormError id="questionnaire-error" error=form.error() />
            <NoticeView id="questionnaire-saved" notice=form.saved() />
            <div class="form-actions">
                <button type="submit" id="questionnaire-submit" class="button button--primary" disabled=form.busy()>
                    {button}
                </button>
            </div>
        </form>
    }
}

/// One question's fields: its text, its kind, a choice's options, and its removal.
#[component]
fn QuestionFields(
    q: QuestionDraft,
    /// Its place in the form, from 1.
    number: usize,
    /// How many questions there are (the last one is not removed).
    count: usize,
    questions: RwSignal<Vec<QuestionDraft>>,
) -> impl IntoView {
    let prefix = format!("question-{}", q.row);
    let text_id = format!("{prefix}-text");
    let kind_id = format!("{prefix}-kind");
    let options_id = format!("{prefix}-options");
    let kinds = KINDS
        .into_iter()
        .map(|code| {
            view! { <option value=code prop:selected=move || q.kind.get() == code>{kind_label(code)}</option> }
        })
        .collect_view();
    let remove = move |_| questions.update(|qs| qs.retain(|other| other.row != q.row));
    let choice = move || q.kind.get() == "choice";
    let legend = t!("survey-question-legend", number = number);
    view! {
        <li class="questionnaire-question" data-key=q.key.get_value()>
            <fieldset>
                <legend>{legend}</legend>
                <TextAreaField id=text_id label=t!("survey-question-text-label") value=q.text rows=2 maxlength=500 class="field--wide" />
                <div class="form-grid">
                    <div class="field">
                        <label for=kind_id.clone()>{t!("survey-question-kind-label")}</label>
                        <select
                            id=kind_id
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some(code) = KINDS.iter().find(|c| **c == value) {
                                    q.kind.set(code);
                                }
                            }
                        >
                            {kinds}
                        </select>
                    </div>
                </div>
                <Show when=choice>
                    <TextAreaField
                        id=options_id.clone()
                        label=t!("survey-question-options-label")
                        value=q.options
                        rows=3
                        help=t!("survey-question-options-help")
                        class="field--wide"
                    />
                </Show>
                {(count > 1).then(|| view! {
                    <button type="button" class="button button--small question-remove" on:click=remove>
                        {t!("survey-question-remove", number = number)}
                    </button>
                })}
            </fieldset>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_one_a_line() {
        assert_eq!(option_lines(" Да \n\nНе\n  "), ["Да", "Не"]);
    }

    #[test]
    fn a_new_question_takes_the_first_free_key() {
        assert_eq!(free_key(&[]), "q1");
        assert_eq!(
            free_key(&["q1".to_owned(), "q3".to_owned()]),
            "q2",
            "a removed question's key is free again"
        );
    }
}
