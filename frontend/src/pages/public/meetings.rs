//! `/meetings`: the public meetings of every institution, with protocols and decisions.

use super::{Register, RegisterPage};
use crate::api::{self, ApiError, Page, PageAt};
use crate::components::set_title;
use crate::format::date_bg;
use crate::pages::activities::Names;
use antikor_shared::activity::{Activity, MeetingHeld};
use antikor_shared::views::ActivityRecord;
use leptos::prelude::*;

/// The meeting a public record holds, if it is one.
fn meeting_of(record: &ActivityRecord) -> Option<&MeetingHeld> {
    match &record.activity {
        Activity::Meeting(m) => Some(m),
        _ => None,
    }
}

/// The table's column headings, as the page shows them (the CSV has more).
fn headings() -> Vec<String> {
    vec![
        t!("public-meetings-col-date"),
        t!("public-meetings-col-institution"),
        t!("public-meetings-col-meeting"),
        t!("public-meetings-col-participants"),
        t!("public-meetings-col-agenda"),
        t!("public-meetings-col-decisions"),
        t!("public-meetings-col-protocol"),
    ]
}

/// The file's column headings: every field of a meeting.
fn csv_headings() -> Vec<String> {
    vec![
        t!("public-meetings-col-date"),
        t!("public-meetings-col-institution"),
        t!("public-meetings-csv-kind"),
        t!("public-meetings-csv-title"),
        t!("public-meetings-col-participants"),
        t!("public-meetings-csv-organisations"),
        t!("public-meetings-col-agenda"),
        t!("public-meetings-col-decisions"),
        t!("public-meetings-col-protocol"),
        t!("public-meetings-csv-measures"),
    ]
}

/// The register of public meetings.
const MEETINGS: Register = Register {
    id: "meetings-table",
    paging: "meetings",
    filename: "zasedania.csv",
    count: |total| t!("public-meetings-count", count = total),
    caption: || t!("public-meetings-caption"),
    headings,
    empty: || t!("public-meetings-empty"),
    csv_headings,
    csv_row: meeting_csv,
    row: meeting_row,
};

/// A page of the public meetings of a year, or of every year.
async fn meetings_page(year: Option<i32>, page: PageAt) -> Result<Page<ActivityRecord>, ApiError> {
    api::public_meetings(year, &page).await
}

/// `/meetings`: public meetings of every institution, with protocols and decisions.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    set_title(&t!("public-meetings-page-title"));
    view! {
        <RegisterPage
            path="/meetings"
            fetch=meetings_page
            register=MEETINGS
        >
            <h1>{t!("public-meetings-heading")}</h1>
            <p class="lead">{t!("public-meetings-lead")}</p>
        </RegisterPage>
    }
}

/// A meeting's row of the file, which has every field.
fn meeting_csv(r: &ActivityRecord, n: &Names) -> Option<Vec<String>> {
    let m = meeting_of(r)?;
    Some(vec![
        date_bg(m.date),
        n.of(r.tenant.as_str()),
        m.meeting_kind.label(crate::i18n::lang()).to_owned(),
        m.title.clone(),
        m.participants.to_string(),
        m.organisations.join("; "),
        m.agenda.clone(),
        m.decisions.clone(),
        m.protocol.clone(),
        m.measures.join(", "),
    ])
}

/// A meeting's row of the table; nothing for a record of another kind.
fn meeting_row(r: ActivityRecord, names: Memo<Names>) -> AnyView {
    let Some(m) = meeting_of(&r).cloned() else {
        return ().into_any();
    };
    let tenant = r.tenant.to_string();
    let name = {
        let tenant = tenant.clone();
        move || names.get().of(&tenant)
    };
    let protocol = (!m.protocol.is_empty()).then(|| {
        view! {
            <details class="protocol">
                <summary>{t!("public-meetings-col-protocol")}</summary>
                <p class="pre-line">{m.protocol.clone()}</p>
            </details>
        }
    });
    view! {
        <tr class="meeting-row" data-id=r.id.to_string() data-tenant=tenant>
            <td class="nowrap">{date_bg(m.date)}</td>
            <td>{name}</td>
            <td>
                <strong>{m.title.clone()}</strong>
                <br />
                <span class="muted small">{m.meeting_kind.label(crate::i18n::lang())}</span>
            </td>
            <td>
                {t!("public-meetings-participants", count = m.participants)}
                {(!m.organisations.is_empty()).then(|| view! {
                    <br />
                    <span class="small">{m.organisations.join(", ")}</span>
                })}
            </td>
            <td class="pre-line">{m.agenda.clone()}</td>
            <td class="pre-line">{m.decisions.clone()}</td>
            <td>{protocol}</td>
        </tr>
    }
    .into_any()
}
