//! `/region/survey`: the staff surveys of a year of every institution in reach side by side,
//! and their combined results.

use super::{ResultsView, SurveyYearSelect, chosen_year};
use crate::api::{self, ApiError};
use crate::components::{Loaded, set_title};
use crate::controls::{ProvinceSelect, ViewParams, use_view_params};
use crate::csv::ExportTable;
use antikor_shared::ProvinceCode;
use antikor_shared::survey::{RegionSurvey, RegionSurveyRow};
use leptos::prelude::*;

/// What a row says of an institution's answers: how many, or that too few answered.
fn respondents_text(row: &RegionSurveyRow) -> String {
    match (row.opened, row.respondents) {
        (false, _) => "—".to_owned(),
        (true, Some(n)) => n.to_string(),
        (true, None) => t!("survey-region-insufficient"),
    }
}

/// Whether an institution has opened its survey: "да" or "не".
fn yes_no(opened: bool) -> String {
    if opened {
        t!("survey-yes")
    } else {
        t!("survey-no")
    }
}

/// `/region/survey`.
#[component]
pub fn RegionSurveyPage() -> impl IntoView {
    set_title(&t!("survey-region-title"));
    let params = use_view_params();
    let chosen = Memo::new(move |_| params.get().unwrap_or_default());
    let year = Memo::new(move |_| chosen.with(chosen_year));
    let data = LocalResource::new(move || {
        let (year, province) = (year.get(), chosen.with(|p| p.province.clone()));
        async move { api::region_survey(year, province.as_ref().map(ProvinceCode::as_str)).await }
    });
    let retry = Callback::new(move |()| data.refetch());
    let body = move || {
        Suspend::new(async move {
            let d = data.await?;
            Ok::<_, ApiError>(view! { <Surveys data=d /> })
        })
    };
    let province = Signal::derive(move || chosen.with(|p| p.province.clone()));
    let href = Callback::new(move |province: Option<ProvinceCode>| {
        ViewParams {
            province,
            ..chosen.get_untracked()
        }
        .href("/region/survey")
    });
    view! {
        <h1>{t!("survey-region-heading")}</h1>
        <p class="lead">{t!("survey-region-lead")}</p>
        <div class="filters">
            <ProvinceSelect id="region-survey-province" chosen=province href />
            <SurveyYearSelect id="region-survey-year" path="/region/survey" params=chosen />
        </div>
        <Loaded retry keep_shown=true>{body}</Loaded>
    }
}

/// The institutions' surveys and the combined results.
#[component]
fn Surveys(data: RegionSurvey) -> impl IntoView {
    let year = data.year;
    let csv_rows: Vec<Vec<String>> = std::iter::once(vec![
        t!("survey-region-col-institution"),
        t!("survey-region-col-opened"),
        t!("survey-region-col-respondents"),
    ])
    .chain(data.tenants.iter().map(|r| {
        vec![
            r.name.get(crate::i18n::lang()).to_owned(),
            yes_no(r.opened),
            respondents_text(r),
        ]
    }))
    .collect();
    let csv = Callback::new(move |()| csv_rows.clone());
    let rows = data
        .tenants
        .into_iter()
        .map(|r| {
            let text = respondents_text(&r);
            let (name, mark) = crate::components::shown_name(&r.name);
            let muted = if r.opened && !r.shown { "muted" } else { "" };
            view! {
                <tr
                    class="region-survey-row"
                    data-tenant=r.tenant.to_string()
                    data-opened=r.opened.to_string()
                    data-shown=r.shown.to_string()
                    data-respondents=r.respondents.map(|n| n.to_string())
                >
                    <th scope="row" lang=mark>{name}</th>
                    <td>{yes_no(r.opened)}</td>
                    <td class=muted>{text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ExportTable id="region-survey-tenants" filename=format!("anketi-{year}.csv") rows=csv>
            <caption id="region-survey-tenants-caption">
                {t!("survey-region-caption", year = year.to_string())}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{t!("survey-region-col-institution")}</th>
                    <th scope="col">{t!("survey-region-col-opened")}</th>
                    <th scope="col">{t!("survey-region-col-respondents")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
        <section aria-labelledby="region-survey-combined-heading">
            <h2 id="region-survey-combined-heading">{t!("survey-region-combined-heading")}</h2>
            <p class="muted">{t!("survey-region-combined-note")}</p>
            <ResultsView id="region-survey-results" results=data.combined filename=format!("anketa-obshto-{year}.csv") />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::TenantId;

    fn row(opened: bool, respondents: Option<u32>) -> RegionSurveyRow {
        RegionSurveyRow {
            tenant: TenantId::parse("bansko").unwrap(),
            name: antikor_shared::tenant::TenantName {
                bg: "Община Банско".to_owned(),
                en: "Bansko Municipality".to_owned(),
            },
            opened,
            shown: respondents.is_some(),
            respondents,
        }
    }

    #[test]
    fn too_few_answers_are_said_not_counted() {
        assert_eq!(respondents_text(&row(true, Some(7))), "7");
        assert_eq!(respondents_text(&row(true, None)), "недостатъчно отговори");
        assert_eq!(respondents_text(&row(false, None)), "—");
    }
}
