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
use antikor_shared::text::DATE_FORMAT_BG;
use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

/// How long a survey is opened for unless another day is chosen: four weeks, time enough to
/// hand out the codes and for people to answer.
const DEFAULT_OPEN_DAYS: u64 = 28;

/// `/survey`.
#[component]
pub fn SurveyPage() -> impl IntoView {
    set_title("Анонимна анкета");
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
                <li><A href=questionnaire attr:id="survey-questionnaire-link">"Въпросникът на областта"</A></li>
                <li><A href=region attr:id="survey-region-link">"Анкетите на всички институции"</A></li>
            </ul>
        }
    });
    view! {
        <h1>"Анонимна анкета сред служителите"</h1>
        <p class="lead">
            "Ежегодната анонимна анкета за корупционния риск (мярка VI.2 от плана): областната "
            "администрация публикува въпросника, институцията отваря анкетата и раздава еднократни кодове, "
            "а служителите отговарят с тях на страницата „Анкета за служители“ без вход в системата. "
            "Антикор не пази кодовете и не знае кой кой код е получил."
        </p>
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
            <h2 id="survey-results-heading">"Резултати"</h2>
            <Loaded retry keep_shown=true>{results_view}</Loaded>
        </section>
    }
}

/// Where the survey stands: the questionnaire, until when it is open, codes and answers.
#[component]
fn Overview(status: SurveyStatus) -> impl IntoView {
    let s = status;
    let questionnaire = s.questionnaire.as_ref().map_or_else(
        || "още не е публикуван от областната администрация".to_owned(),
        |q| format!("„{}“, версия {}", q.title, q.version),
    );
    let opened = s.opened.as_ref().map_or_else(
        || "не е отворена".to_owned(),
        |o| {
            let state = if o.closes_on < today() {
                "приключила на"
            } else {
                "отворена до"
            };
            format!(
                "{state} {} г. (по версия {} на въпросника)",
                date_bg(o.closes_on),
                o.version
            )
        },
    );
    let missing = s.questionnaire.is_none().then(|| {
        view! {
            <p id="survey-no-questionnaire" class="notice notice--info" role="status">
                {format!(
                    "Областната администрация още не е публикувала въпросника за {} г.: анкетата се отваря след това.",
                    s.year
                )}
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
            <dt>"Въпросник"</dt>
            <dd id="survey-questionnaire">{questionnaire}</dd>
            <dt>"Анкета"</dt>
            <dd id="survey-opened">{opened}</dd>
            <dt>"Раздадени кодове"</dt>
            <dd id="survey-issued">{s.issued.to_string()}</dd>
            <dt>"Получени отговори"</dt>
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
            return form.fail(crate::form::date_error("последния ден за отговори"));
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
            <h2>"Отваряне на анкетата"</h2>
            <p>
                "Анкетата се отваря по най-новата версия на въпросника на областта. Отговори се приемат "
                "до избрания ден включително."
            </p>
            <div class="form-grid">
                <InputField
                    id="survey-closes-on"
                    label="Последен ден за отговори"
                    kind="date"
                    value=closes_on
                    help=format!("Във вида {DATE_FORMAT_BG}, от днес до края на следващата година.")
                />
            </div>
            <FormError id="survey-open-error" error=form.error() />
            <div class="form-actions">
                <button type="submit" id="survey-open-submit" class="button button--primary" disabled=form.busy()>
                    "Отвори анкетата"
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
                return form.fail(format!(
                    "Въведете брой кодове от 1 до {MAX_CODES_PER_ISSUE}."
                ));
            }
        };
        let year = status.with_untracked(|s| s.year);
        let body = IssueCodes { count: n };
        form.send(
            async move { api::issue_codes(year, &body).await },
            move |issued| {
                status.set(issued.status);
                codes.set(Some(issued.codes));
                form.succeed(format!("Издадени са {n} кода: вижте списъка по-долу."));
                // After the next frame, once the list is on the page.
                request_animation_frame(|| focus_by_id("survey-codes"));
            },
        );
    };
    view! {
        <form id="survey-issue-form" class="form-card" on:submit=submit novalidate>
            <h2>"Кодове за достъп"</h2>
            <p>
                "Всеки код дава право на един отговор. Кодовете се показват само веднъж, веднага след "
                "издаването: отпечатайте ги, разрежете листа и ги раздайте на случаен принцип, например "
                "като всеки изтегли от плик. Не водете списък кой кой код е получил."
            </p>
            <div class="form-grid">
                <InputField
                    id="survey-code-count"
                    label="Брой кодове"
                    kind="number"
                    inputmode="numeric"
                    value=count
                    help=format!("От 1 до {MAX_CODES_PER_ISSUE}: по един за всеки служител, който ще получи покана.")
                    class="field--narrow"
                />
            </div>
            <FormError id="survey-issue-error" error=form.error() />
            <NoticeView id="survey-issue-saved" notice=form.saved() />
            <div class="form-actions">
                <button type="submit" id="survey-issue-submit" class="button button--primary" disabled=form.busy()>
                    "Издай кодовете"
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
    let slips = codes
        .into_iter()
        .map(|code| {
            view! {
                <li class="survey-slip">
                    <span class="survey-slip__title">{format!("Анонимна анкета за корупционния риск, {year} г.")}</span>
                    <code class="survey-code">{code}</code>
                    <span class="small">"Отговорете на адрес " <span class="survey-slip__address">{address.clone()}</span></span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="survey-codes" class="survey-codes" tabindex="-1" aria-labelledby="survey-codes-heading">
            <h2 id="survey-codes-heading">"Издадени кодове"</h2>
            <div class="notice notice--warn no-print" role="alert">
                <p>
                    <strong>"Кодовете се показват само сега. "</strong>
                    "Антикор не ги пази и не може да ги покаже отново: отпечатайте ги, преди да напуснете страницата."
                </p>
                <p>
                    "Раздайте ги на случаен принцип и не записвайте кой кой код е получил: така отговорите остават анонимни."
                </p>
            </div>
            <p class="no-print">
                <button type="button" id="survey-codes-print" class="button" on:click=move |_| {
                    let _ = window().print();
                }>
                    "Отпечатай кодовете"
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
