//! `/survey`: the institution's own staff survey of a year: where it stands, opening it,
//! handing out codes (shown once, to print) and its results.

use super::{ResultsView, SurveyYearSelect, can_edit_questionnaire, chosen_year};
use crate::api::{self, ApiError};
use crate::components::{Loaded, focus_by_id, set_title};
use crate::controls::{ViewParams, today, use_view_params};
use crate::form::{FormError, InputField, NoticeView, use_submit};
use crate::format::{date_bg, href_with_query};
use crate::session::use_session;
use antikor_shared::TenantId;
use antikor_shared::survey::{IssueCodes, MAX_CODES_PER_ISSUE, OpenSurvey, SurveyStatus};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

/// How long a survey is opened for unless another day is chosen: four weeks, time enough to
/// hand out the codes and for people to answer.
const DEFAULT_OPEN_DAYS: u64 = 28;

/// `/survey`.
#[component]
pub fn SurveyPage() -> impl IntoView {
    set_title(&t!("survey-title"));
    let me = use_session().user_untracked();
    let regional = me.as_ref().is_some_and(|u| can_edit_questionnaire(u.role));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let year = Memo::new(move |_| chosen.with(chosen_year));
    let status = LocalResource::new(move || {
        let year = year.get();
        async move { api::survey_status(year, None).await }
    });
    let retry = Callback::new(move |()| status.refetch());
    let body = move || {
        Suspend::new(async move {
            let s = status.await?;
            Ok::<_, ApiError>(view! { <Survey initial=s /> })
        })
    };
    let links = regional.then(|| {
        let questionnaire = move || {
            ViewParams {
                year: Some(year.get()),
                ..ViewParams::default()
            }
            .href("/survey/questionnaire")
        };
        let region = move || {
            ViewParams {
                year: Some(year.get()),
                ..ViewParams::default()
            }
            .href("/region/survey")
        };
        view! {
            <ul class="link-list">
                <li><A href=questionnaire attr:id="survey-questionnaire-link">{t!("survey-questionnaire-link")}</A></li>
                <li><A href=region attr:id="survey-region-link">{t!("survey-region-link")}</A></li>
            </ul>
        }
    });
    view! {
        <h1>{t!("survey-heading")}</h1>
        <p class="lead">{t!("survey-lead")}</p>
        {links}
        <div class="filters">
            <SurveyYearSelect id="survey-year-select" path="/survey" params=chosen />
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The survey as loaded: its state, the forms that move it on, the codes just issued, and the
/// results.
#[component]
fn Survey(initial: SurveyStatus) -> impl IntoView {
    let may_write = use_session()
        .user_untracked()
        .is_some_and(|u| crate::access::can_record(u.role) && u.tenant == initial.tenant);
    let status = RwSignal::new(initial);
    let codes = RwSignal::new(None::<Vec<String>>);
    // Read again whenever the page's survey changes: opening it or issuing codes reads its
    // answers afresh too.
    let results = LocalResource::new(move || {
        let year = status.with(|s| s.year);
        async move { api::survey_results(year, None).await }
    });
    let overview = move || status.with(|s| view! { <Overview status=s.clone() /> });
    let today = today();
    let can_open =
        move || status.with(|s| may_write && s.opened.is_none() && s.questionnaire.is_some());
    let can_issue = move || {
        status.with(|s| may_write && s.opened.as_ref().is_some_and(|o| o.closes_on >= today))
    };
    let retry = Callback::new(move |()| results.refetch());
    let results_view = move || {
        Suspend::new(async move {
            let r = results.await?;
            let filename = format!("anketa-{}.csv", r.year);
            Ok::<_, ApiError>(view! { <ResultsView id="survey-results" results=r filename /> })
        })
    };
    view! {
        {overview}
        <Show when=can_open>
            <OpenForm status />
        </Show>
        <Show when=can_issue>
            <IssueForm status codes />
        </Show>
        {move || codes.get().map(|list| {
            let (tenant, year) = status.with_untracked(|s| (s.tenant.clone(), s.year));
            view! { <CodesList codes=list tenant year /> }
        })}
        <section aria-labelledby="survey-results-heading">
            <h2 id="survey-results-heading">{t!("survey-results-heading")}</h2>
            <Loaded retry keep_shown=true>{results_view}</Loaded>
        </section>
    }
}

/// Where the survey stands: the questionnaire, until when it is open, codes and answers.
#[component]
fn Overview(status: SurveyStatus) -> impl IntoView {
    let s = status;
    let questionnaire = s.questionnaire.as_ref().map_or_else(
        || t!("survey-questionnaire-unpublished"),
        |q| {
            t!(
                "survey-questionnaire-value",
                title = &q.title,
                version = q.version
            )
        },
    );
    let opened = s.opened.as_ref().map_or_else(
        || t!("survey-not-opened"),
        |o| {
            let date = date_bg(o.closes_on);
            if o.closes_on < today() {
                t!("survey-closed-on", date = date, version = o.version)
            } else {
                t!("survey-open-until", date = date, version = o.version)
            }
        },
    );
    let missing = s.questionnaire.is_none().then(|| {
        view! {
            <p id="survey-no-questionnaire" class="notice notice--info" role="status">
                {t!("survey-no-questionnaire", year = s.year.to_string())}
            </p>
        }
    });
    view! {
        <dl
            id="survey-status"
            class="fields"
            data-year=s.year.to_string()
            data-opened=s.opened.is_some().to_string()
            data-issued=s.issued.to_string()
            data-answered=s.answered.to_string()
        >
            <dt>{t!("survey-field-questionnaire")}</dt>
            <dd id="survey-questionnaire">{questionnaire}</dd>
            <dt>{t!("survey-field-survey")}</dt>
            <dd id="survey-opened">{opened}</dd>
            <dt>{t!("survey-field-issued")}</dt>
            <dd id="survey-issued">{s.issued.to_string()}</dd>
            <dt>{t!("survey-field-answered")}</dt>
            <dd id="survey-answered">{s.answered.to_string()}</dd>
        </dl>
        {missing}
    }
}

/// Opening the survey for the staff until a day, on the newest questionnaire.
#[component]
fn OpenForm(status: RwSignal<SurveyStatus>) -> impl IntoView {
    let form = use_submit();
    let default_day = today()
        .checked_add_days(Days::new(DEFAULT_OPEN_DAYS))
        .unwrap_or_else(today);
    let closes_on = RwSignal::new(default_day.to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let Ok(day) = closes_on.get_untracked().trim().parse::<NaiveDate>() else {
            return form.fail(crate::form::date_error(&t!("survey-closes-on-what")));
        };
        let year = status.with_untracked(|s| s.year);
        let body = OpenSurvey { closes_on: day };
        form.send(
            async move { api::open_survey(year, &body).await },
            move |fresh| {
                status.set(fresh);
            },
        );
    };
    view! {
        <form id="survey-open-form" class="form-card" on:submit=submit novalidate>
            <h2>{t!("survey-open-heading")}</h2>
            <p>{t!("survey-open-note")}</p>
            <div class="form-grid">
                <InputField
                    id="survey-closes-on"
                    label=t!("survey-closes-on-label")
                    kind="date"
                    value=closes_on
                    help=t!("survey-closes-on-help")
                />
            </div>
            <FormError id="survey-open-error" error=form.error() />
            <div class="form-actions">
                <button type="submit" id="survey-open-submit" class="button button--primary" disabled=form.busy()>
                    {t!("survey-open-submit")}
                </button>
            </div>
        </form>
    }
}

/// Handing out codes: how many; the answer's codes are shown once, below.
#[component]
fn IssueForm(
    status: RwSignal<SurveyStatus>,
    codes: RwSignal<Option<Vec<String>>>,
) -> impl IntoView {
    let form = use_submit();
    let count = RwSignal::new("10".to_owned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        if !form.begin(&ev) {
            return;
        }
        let n = match count.get_untracked().trim().parse::<u32>() {
            Ok(n) if (1..=MAX_CODES_PER_ISSUE).contains(&n) => n,
            _ => {
                return form.fail(t!("survey-issue-count-invalid", max = MAX_CODES_PER_ISSUE));
            }
        };
        let year = status.with_untracked(|s| s.year);
        let body = IssueCodes { count: n };
        form.send(
            async move { api::issue_codes(year, &body).await },
            move |issued| {
                status.set(issued.status);
                codes.set(Some(issued.codes));
                form.succeed(t!("survey-issue-saved", count = n));
                // After the next frame, once the list is on the page.
                request_animation_frame(|| focus_by_id("survey-codes"));
            },
        );
    };
    view! {
        <form id="survey-issue-form" class="form-card" on:submit=submit novalidate>
            <h2>{t!("survey-issue-heading")}</h2>
            <p>{t!("survey-issue-note")}</p>
            <div class="form-grid">
                <InputField
                    id="survey-code-count"
                    label=t!("survey-code-count-label")
                    kind="number"
                    inputmode="numeric"
                    value=count
                    help=t!("survey-code-count-help", max = MAX_CODES_PER_ISSUE)
                    class="field--narrow"
                />
            </div>
            <FormError id="survey-issue-error" error=form.error() />
            <NoticeView id="survey-issue-saved" notice=form.saved() />
            <div class="form-actions">
                <button type="submit" id="survey-issue-submit" class="button button--primary" disabled=form.busy()>
                    {t!("survey-issue-submit")}
                </button>
            </div>
        </form>
    }
}

/// The address a respondent opens, with the institution and year already chosen.
fn answer_href(tenant: &TenantId, year: i32) -> String {
    href_with_query(
        "/anketa",
        [
            ("tenant", Some(tenant.to_string())),
            ("year", Some(year.to_string())),
        ],
    )
}

/// The codes just issued, as slips to print and cut: each with the address to answer at.
/// Shown this once; the server keeps only their hashes.
#[component]
fn CodesList(codes: Vec<String>, tenant: TenantId, year: i32) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let address = format!("{origin}{}", answer_href(&tenant, year));
    let title = t!("survey-slip-title", year = year.to_string());
    let answer_at = format!("{} ", t!("survey-slip-answer-at"));
    let slips = codes
        .into_iter()
        .map(|code| {
            view! {
                <li class="survey-slip">
                    <span class="survey-slip__title">{title.clone()}</span>
                    <code class="survey-code">{code}</code>
                    <span class="small">
                        {answer_at.clone()}
                        <span class="survey-slip__address">{address.clone()}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="survey-codes" class="survey-codes" tabindex="-1" aria-labelledby="survey-codes-heading">
            <h2 id="survey-codes-heading">{t!("survey-codes-heading")}</h2>
            <div class="notice notice--warn no-print" role="alert">
                <p>
                    <strong>{format!("{} ", t!("survey-codes-once"))}</strong>
                    {t!("survey-codes-not-kept")}
                </p>
                <p>{t!("survey-codes-hand-out")}</p>
            </div>
            <p class="no-print">
                <button type="button" id="survey-codes-print" class="button" on:click=move |_| {
                    let _ = window().print();
                }>
                    {t!("survey-codes-print")}
                </button>
            </p>
            <ol id="survey-code-list" class="survey-slips">{slips}</ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_leads_to_its_institutions_survey() {
        let bansko = TenantId::parse("bansko").unwrap();
        assert_eq!(
            answer_href(&bansko, 2025),
            "/anketa?tenant=bansko&year=2025"
        );
    }
}
