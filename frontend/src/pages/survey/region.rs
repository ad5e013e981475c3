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
        (true, None) => "недостатъчно отговори".to_owned(),
    }
}

/// `/region/survey`.
#[component]
pub fn RegionSurveyPage() -> impl IntoView {
    set_title("Анкетите на институциите");
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
        <h1>"Анонимните анкети на институциите"</h1>
        <p class="lead">
            "Анкетите на служителите за годината (мярка VI.2): коя институция е отворила анкетата и колко "
            "са отговорили. Резултатите на институция се показват и влизат в общите само когато са "
            "отговорили поне толкова, колкото изисква прагът; свободните отговори не се обобщават."
        </p>
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
        "Институция".to_owned(),
        "Отворена".to_owned(),
        "Отговорили".to_owned(),
    ])
    .chain(data.tenants.iter().map(|r| {
        vec![
            r.name_bg.clone(),
            if r.opened { "да" } else { "не" }.to_owned(),
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
            let muted = if r.opened && !r.shown { "muted" } else { "" };
            view! {
                <tr
                    class="region-survey-row"
                    data-tenant=r.tenant.to_string()
                    data-opened=r.opened.to_string()
                    data-shown=r.shown.to_string()
                    data-respondents=r.respondents.map(|n| n.to_string())
                >
                    <th scope="row">{r.name_bg}</th>
                    <td>{if r.opened { "да" } else { "не" }}</td>
                    <td class=muted>{text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ExportTable id="region-survey-tenants" filename=format!("anketi-{year}.csv") rows=csv>
            <caption id="region-survey-tenants-caption">{format!("Анкетите на институциите, {year} г.")}</caption>
            <thead>
                <tr>
                    <th scope="col">"Институция"</th>
                    <th scope="col">"Отворена"</th>
                    <th scope="col">"Отговорили"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </ExportTable>
        <section aria-labelledby="region-survey-combined-heading">
            <h2 id="region-survey-combined-heading">"Общи резултати"</h2>
            <p class="muted">"Сбор от институциите, чиито собствени резултати се показват."</p>
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
            name_bg: "Община Банско".to_owned(),
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
