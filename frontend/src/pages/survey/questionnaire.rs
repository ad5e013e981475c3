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
const RELOADED: &str =
    "Номерът на публикуваната версия по-горе е презареден; въведеното във формуляра е запазено.";

/// The kinds of question, as the form offers them: the wire's code and the label.
const KINDS: [(&str, &str); 4] = [
    ("yes_no", "Да / Не / Не мога да преценя"),
    ("scale", "Скала от 1 до 5"),
    ("choice", "Избор между възможни отговори"),
    ("text", "Свободен текст"),
];

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
            return Err(format!("Въведете текста на въпрос {number}."));
        }
        let kind = match self.kind.get_untracked() {
            "yes_no" => QuestionKind::YesNo,
            "scale" => QuestionKind::Scale,
            "text" => QuestionKind::Text,
            _ => {
                let options = option_lines(&self.options.get_untracked());
                if options.len() < 2 {
                    return Err(format!(
                        "Въпрос {number} е с избор: въведете поне два възможни отговора, всеки на отделен ред."
                    ));
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
    set_title("Въпросник на анкетата");
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
            <A href=back attr:id="questionnaire-survey-link">"Анонимна анкета"</A>
        </p>
        <h1>"Въпросник на анкетата"</h1>
        <p class="lead">
            "Въпросникът на областта за годината. Публикуваната версия не се променя: всяка промяна е "
            "нова версия, а институциите, които вече са отворили анкетата, остават на своята."
        </p>
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
            return form.fail("Въведете заглавие на анкетата.");
        }
        let threshold = match min_answers.get_untracked().trim().parse::<u32>() {
            Ok(n) if n >= MIN_ANSWERS => n,
            _ => {
                return form.fail(format!(
                    "Прагът за показване на резултати е цяло число, поне {MIN_ANSWERS}."
                ));
            }
        };
        let drafts = questions.get_untracked();
        if drafts.is_empty() {
            return form.fail("Добавете поне един въпрос.");
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
            RELOADED,
            move |fresh| {
                let version = fresh.version;
                shown.try_set(fresh);
                form.succeed(format!("Публикувана е версия {version} на въпросника."));
            },
        );
    };
    let published = move || {
        shown.with(|v| match &v.published {
            Some(p) => view! {
                <p id="questionnaire-version" data-version=p.version.to_string()>
                    {format!("Публикувана версия: {} („{}“, {} въпроса).", p.version, p.title, p.questions.len())}
                </p>
            }
            .into_any(),
            None => view! {
                <p id="questionnaire-version" data-version="0" class="notice notice--info">
                    {format!(
                        "За {year} г. още няма публикуван въпросник. По-долу е примерният въпросник, който може да промените преди публикуването."
                    )}
                </p>
            }
            .into_any(),
        })
    };
    let button = move || {
        let next = shown.with(|v| v.version) + 1;
        format!("Публикувай версия {next}")
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
            <h2>"Нова версия"</h2>
            <div class="form-grid">
                <InputField id="questionnaire-title" label="Заглавие" value=title maxlength=200 class="field--wide" />
                <InputField
                    id="questionnaire-min-answers"
                    label="Праг за показване на резултати"
                    kind="number"
                    inputmode="numeric"
                    value=min_answers
                    help=format!("Поне {MIN_ANSWERS} отговора: при по-малко резултатите не се показват.")
                    class="field--narrow"
                />
            </div>
            <TextAreaField id="questionnaire-intro" label="Въведение към анкетата" value=intro rows=3 maxlength=2000 class="field--wide" />
            <ol id="questionnaire-questions" class="row-list questionnaire-questions">{rows}</ol>
            <p>
                <button type="button" id="questionnaire-add" class="button" on:click=add>
                    "Добави въпрос"
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
        .map(|(code, label)| {
            view! { <option value=code prop:selected=move || q.kind.get() == code>{label}</option> }
        })
        .collect_view();
    let remove = move |_| questions.update(|qs| qs.retain(|other| other.row != q.row));
    let choice = move || q.kind.get() == "choice";
    let legend = format!("Въпрос {number}");
    view! {
        <li class="questionnaire-question" data-key=q.key.get_value()>
            <fieldset>
                <legend>{legend}</legend>
                <TextAreaField id=text_id label="Текст на въпроса" value=q.text rows=2 maxlength=500 class="field--wide" />
                <div class="form-grid">
                    <div class="field">
                        <label for=kind_id.clone()>"Вид отговор"</label>
                        <select
                            id=kind_id
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some((code, _)) = KINDS.iter().find(|(c, _)| *c == value) {
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
                        label="Възможни отговори"
                        value=q.options
                        rows=3
                        help="Всеки на отделен ред: от 2 до 10 различни."
                        class="field--wide"
                    />
                </Show>
                {(count > 1).then(|| view! {
                    <button type="button" class="button button--small question-remove" on:click=remove>
                        {format!("Премахни въпрос {number}")}
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
