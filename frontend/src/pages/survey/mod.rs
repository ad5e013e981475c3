//! The anonymous staff survey (plan measure VI.2): the institution's own survey, the region's
//! questionnaire, the province's surveys side by side and the respondents' form, with what
//! they share: the year picker and the results table.

mod own;
mod questionnaire;
mod region;
mod respond;

pub use own::SurveyPage;
pub use questionnaire::QuestionnairePage;
pub use region::RegionSurveyPage;
pub use respond::AnswerSurveyPage;

use crate::controls::{ViewParams, today};
use crate::csv::ExportTable;
use antikor_shared::account::Role;
use antikor_shared::survey::{QuestionKind, QuestionResult, SurveyResults};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// Who edits and publishes the province's questionnaire: the regional administration's staff,
/// as the server decides too.
pub fn can_edit_questionnaire(role: Role) -> bool {
    matches!(role, Role::Regional | Role::RegionalAdmin)
}

/// The years a survey may be of, newest first: next year (a survey can be prepared ahead),
/// this year and the three before it, and the year shown if it lies outside them.
fn survey_years(this_year: i32, shown: i32) -> Vec<i32> {
    let mut years: Vec<i32> = (this_year - 3..=this_year + 1).collect();
    if !years.contains(&shown) {
        years.push(shown);
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years
}

/// A year as the survey pages write it: "2025 г." (the number is no count: not grouped).
fn year_text(year: i32) -> String {
    t!("survey-year", year = year.to_string())
}

/// The year the address asks for, else this year.
fn chosen_year(params: &ViewParams) -> i32 {
    params.year.unwrap_or_else(|| today().year())
}

/// The survey's year picker: choosing one keeps the page's other choices.
#[component]
fn SurveyYearSelect(
    /// The select's id.
    id: &'static str,
    /// The page's path.
    path: &'static str,
    /// The current choices.
    params: Memo<ViewParams>,
) -> impl IntoView {
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        let next = ViewParams {
            year: event_target_value(&ev).parse().ok(),
            ..params.get_untracked()
        };
        navigate(&next.href(path), NavigateOptions::default());
    };
    let options = move || {
        let shown = params.with(chosen_year);
        survey_years(today().year(), shown)
            .into_iter()
            .map(|y| {
                view! {
                    <option value=y.to_string() prop:selected=shown == y>
                        {year_text(y)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field field--narrow">
            <label for=id>{t!("survey-year-label")}</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}

/// A share of `part` in `whole`, in whole percent (none of nothing).
fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return 0;
    }
    let rounded = (u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole);
    u32::try_from(rounded).unwrap_or(u32::MAX)
}

/// The rows of the results' file: question, answer, count, share; the header row first.
fn results_csv(questions: &[QuestionResult]) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        t!("survey-csv-question"),
        t!("survey-col-answer"),
        t!("survey-col-count"),
        t!("survey-csv-share"),
    ]];
    for q in questions {
        for c in &q.counts {
            rows.push(vec![
                q.question.text.clone(),
                c.label.clone(),
                c.count.to_string(),
                percent(c.count, q.answered).to_string(),
            ]);
        }
    }
    rows
}

/// "Недостатъчно отговори", with how many answered and how many must.
fn insufficient_text(results: &SurveyResults) -> String {
    t!(
        "survey-insufficient",
        respondents = results.respondents,
        min = results.min_answers
    )
}

/// One question's rows of the results table: its heading row, then each answer with its count
/// and a bar of its share (the share is written too, so the bar is never the only cue).
fn question_rows(number: usize, q: QuestionResult) -> impl IntoView {
    let key = q.question.key.clone();
    let heading = t!(
        "survey-question-heading",
        number = number,
        question = &q.question.text,
        answered = q.answered
    );
    let answered = q.answered;
    let rows = q
        .counts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let share = percent(c.count, answered);
            view! {
                <tr class="survey-count" data-question=key.clone() data-option=i.to_string() data-count=c.count.to_string()>
                    <th scope="row">{c.label}</th>
                    <td class="num">{c.count.to_string()}</td>
                    <td class="bar-cell">
                        <svg class="count-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                            <rect x="0" y="0" width=share.to_string() height="10"></rect>
                        </svg>
                    </td>
                    <td class="num">{t!("survey-percent", share = share)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <tbody data-question=q.question.key.clone() data-answered=answered.to_string()>
            <tr class="survey-question">
                <th scope="rowgroup" colspan="4">{heading}</th>
            </tr>
            {rows}
        </tbody>
    }
}

/// The free texts of one question: the texts, or why they are not shown.
fn question_texts(number: usize, q: &QuestionResult) -> impl IntoView + use<> {
    let body = match &q.texts {
        Some(texts) if texts.is_empty() => {
            view! { <p class="muted">{t!("survey-texts-none")}</p> }.into_any()
        }
        Some(texts) => {
            let items = texts
                .iter()
                .map(|t| view! { <li class="pre-line">{t.clone()}</li> })
                .collect_view();
            view! { <ul class="row-list survey-texts">{items}</ul> }.into_any()
        }
        None => view! { <p class="muted">{t!("survey-texts-hidden")}</p> }.into_any(),
    };
    view! {
        <div class="survey-text-answers" data-question=q.question.key.clone()>
            <h4>{format!("{number}. {}", q.question.text)}</h4>
            {body}
        </div>
    }
}

/// A group's results: how many answered, and per question the counts of each answer and the
/// free texts; or "недостатъчно отговори" with how many answered.
#[component]
fn ResultsView(
    /// What the ids start with: the table is `{id}`, the count `{id}-respondents`.
    id: &'static str,
    /// The results.
    results: SurveyResults,
    /// The file's name.
    #[prop(into)]
    filename: String,
) -> impl IntoView {
    let respondents = results.respondents;
    let Some(questions) = results.questions.clone() else {
        return view! {
            <p id=format!("{id}-insufficient") class="notice notice--info" data-respondents=respondents.to_string()>
                {insufficient_text(&results)}
            </p>
        }
        .into_any();
    };
    let closed: Vec<(usize, QuestionResult)> = questions
        .iter()
        .cloned()
        .enumerate()
        .filter(|(_, q)| !matches!(q.question.kind, QuestionKind::Text))
        .map(|(i, q)| (i + 1, q))
        .collect();
    let texts = questions
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.question.kind, QuestionKind::Text))
        .map(|(i, q)| question_texts(i + 1, q))
        .collect_view();
    let csv_rows = results_csv(&questions);
    let csv = Callback::new(move |()| csv_rows.clone());
    let bodies = closed
        .into_iter()
        .map(|(n, q)| question_rows(n, q))
        .collect_view();
    view! {
        <p id=format!("{id}-respondents") data-respondents=respondents.to_string()>
            {t!("survey-respondents", count = respondents)}
        </p>
        <ExportTable id=id class="survey-results" filename rows=csv>
            <caption id=format!("{id}-caption")>{t!("survey-results-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!("survey-col-answer")}</th>
                    <th scope="col">{t!("survey-col-count")}</th>
                    <th scope="col">{t!("survey-col-share")}</th>
                    <th scope="col">{t!("survey-col-percent")}</th>
                </tr>
            </thead>
            {bodies}
        </ExportTable>
        <div id=format!("{id}-texts")>{texts}</div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_may_be_of_recent_years_and_next() {
        assert_eq!(survey_years(2025, 2025), [2026, 2025, 2024, 2023, 2022]);
        assert_eq!(
            survey_years(2025, 2017),
            [2026, 2025, 2024, 2023, 2022, 2017],
            "an older survey stays reachable"
        );
    }

    #[test]
    fn shares_are_rounded_whole_percent() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 5), 100);
    }

    #[test]
    fn only_the_regional_administration_edits_the_questionnaire() {
        for role in Role::ALL {
            assert_eq!(
                can_edit_questionnaire(role),
                matches!(role, Role::Regional | Role::RegionalAdmin),
                "{role:?}"
            );
        }
    }
}
