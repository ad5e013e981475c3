//! `/contested-acts`: the register of acts the governor returned or took to court.

use super::{Register, RegisterPage};
use crate::api::{self, ApiError, Page, PageAt};
use crate::components::set_title;
use crate::format::date_bg;
use crate::pages::activities::Names;
use antikor_shared::activity::{ActContested, Activity};
use antikor_shared::activity_draft::days_to_action;
use antikor_shared::views::ActivityRecord;
use leptos::prelude::*;

/// The contested act a public record holds, if it is one.
fn act_of(record: &ActivityRecord) -> Option<&ActContested> {
    match &record.activity {
        Activity::ContestedAct(a) => Some(a),
        _ => None,
    }
}

/// The table's column headings, as the page shows them (the CSV has more).
fn headings() -> Vec<String> {
    vec![
        t!("public-acts-col-act"),
        t!("public-acts-col-municipality"),
        t!("public-acts-col-received"),
        t!("public-acts-col-action"),
        t!("public-acts-col-grounds"),
        t!("public-acts-col-revote"),
        t!("public-acts-col-court-case"),
        t!("public-acts-col-published"),
    ]
}

/// The file's column headings: every field of an act.
fn csv_headings() -> Vec<String> {
    vec![
        t!("public-acts-csv-kind"),
        t!("public-acts-csv-number"),
        t!("public-acts-csv-act-date"),
        t!("public-acts-col-municipality"),
        t!("public-acts-col-received"),
        t!("public-acts-col-action"),
        t!("public-acts-csv-action-date"),
        t!("public-acts-csv-days"),
        t!("public-acts-col-grounds"),
        t!("public-acts-col-revote"),
        t!("public-acts-col-court-case"),
        t!("public-acts-csv-court-outcome"),
        t!("public-acts-col-published"),
    ]
}

/// The register of contested acts.
const ACTS: Register = Register {
    id: "contested-acts-table",
    paging: "contested-acts",
    filename: "osporeni-aktove.csv",
    count: |total| t!("public-acts-count", count = total),
    caption: || t!("public-acts-caption"),
    headings,
    empty: || t!("public-acts-empty"),
    csv_headings,
    csv_row: act_csv,
    row: act_row,
};

/// A page of the contested acts of a year, or of every year.
async fn acts_page(year: Option<i32>, page: PageAt) -> Result<Page<ActivityRecord>, ApiError> {
    api::public_contested_acts(year, &page).await
}

/// `/contested-acts`: the register of council decisions and mayors' orders the governor
/// returned or took to court.
#[component]
pub fn ContestedActsPage() -> impl IntoView {
    set_title(&t!("public-acts-page-title"));
    view! {
        <RegisterPage
            path="/contested-acts"
            fetch=acts_page
            register=ACTS
        >
            <h1>{t!("public-acts-heading")}</h1>
            <p class="lead">{t!("public-acts-lead")}</p>
        </RegisterPage>
    }
}

/// An act's row of the file, which has every field.
fn act_csv(r: &ActivityRecord, n: &Names) -> Option<Vec<String>> {
    let a = act_of(r)?;
    Some(vec![
        a.act_kind.label(crate::i18n::lang()),
        a.act_number.clone(),
        date_bg(a.act_date),
        n.of(&a.municipality),
        date_bg(a.received_on),
        a.action.label(crate::i18n::lang()),
        date_bg(a.action_on),
        days_to_action(a).to_string(),
        a.grounds.clone(),
        a.council_revote.clone().unwrap_or_default(),
        a.court_case.clone().unwrap_or_default(),
        a.court_outcome.clone().unwrap_or_default(),
        a.published_on.map(date_bg).unwrap_or_default(),
    ])
}

/// An act's row of the table; nothing for a record of another kind.
fn act_row(r: ActivityRecord, names: Memo<Names>) -> AnyView {
    let Some(a) = act_of(&r).cloned() else {
        return ().into_any();
    };
    let municipality = a.municipality.clone();
    let name = move || names.get().of(&municipality);
    let days = days_to_action(&a);
    view! {
        <tr class="act-row" data-id=r.id.to_string() data-municipality=a.municipality.clone()>
            <td>
                <strong>{t!("public-acts-act-number", number = a.act_number.as_str())}</strong>
                " "
                {t!("public-acts-act-date", date = date_bg(a.act_date))}
                <br />
                <span class="muted small">{a.act_kind.label(crate::i18n::lang())}</span>
            </td>
            <td>{name}</td>
            <td class="nowrap">{date_bg(a.received_on)}</td>
            <td>
                {a.action.label(crate::i18n::lang())}
                <br />
                <span class="small">
                    {t!("public-acts-action-on", date = date_bg(a.action_on), days = days)}
                </span>
            </td>
            <td class="pre-line">{a.grounds.clone()}</td>
            <td class="pre-line">{a.council_revote.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td>
                {a.court_case.clone().map(|c| t!("public-acts-court-case", case = c)).unwrap_or_else(|| "—".to_owned())}
                {a.court_outcome.clone().map(|o| view! { <br /> <span class="small pre-line">{o}</span> })}
            </td>
            <td class="nowrap">{a.published_on.map(date_bg).unwrap_or_else(|| "—".to_owned())}</td>
        </tr>
    }
    .into_any()
}
