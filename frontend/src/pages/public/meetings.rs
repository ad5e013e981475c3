//! `/meetings`: the public meetings of every institution, with protocols and decisions.

use super::{RegisterPage, RegisterTable};
use crate::api;
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
const HEADINGS: [&str; 7] = [
    "Дата",
    "Институция",
    "Заседание",
    "Участници",
    "Дневен ред",
    "Решения",
    "Протокол",
];

/// `/meetings`: public meetings of every institution, with protocols and decisions.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    set_title("Заседания");
    view! {
        <RegisterPage path="/meetings" fetch=api::public_meetings table=meetings_table>
            <h1>"Заседания и срещи"</h1>
            <p class="lead">
                "Заседанията на съвета, откритите заседания с граждани, неправителствени организации и медии "
                "и срещите „отворени врати“, с дневния ред, взетите решения и протоколите (мерки II.1, II.2, IV.1 и V.3)."
            </p>
        </RegisterPage>
    }
}

/// The meetings' table, with their CSV (which has every field).
fn meetings_table(records: Vec<ActivityRecord>, names: Memo<Names>) -> AnyView {
    let meetings: Vec<(ActivityRecord, MeetingHeld)> = records
        .iter()
        .filter_map(|r| meeting_of(r).map(|m| (r.clone(), m.clone())))
        .collect();
    let csv_rows = meetings.clone();
    let csv = Callback::new(move |()| {
        let n = names.get_untracked();
        let mut rows = vec![
            [
                "Дата",
                "Институция",
                "Вид",
                "Наименование",
                "Участници",
                "Организации",
                "Дневен ред",
                "Решения",
                "Протокол",
                "Мерки",
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for (r, m) in &csv_rows {
            rows.push(vec![
                date_bg(m.date),
                n.of(r.tenant.as_str()),
                m.meeting_kind.label_bg().to_owned(),
                m.title.clone(),
                m.participants.to_string(),
                m.organisations.join("; "),
                m.agenda.clone(),
                m.decisions.clone(),
                m.protocol.clone(),
                m.measures.join(", "),
            ]);
        }
        rows
    });
    let count = meetings.len();
    let rows = meetings
        .into_iter()
        .map(|(r, m)| {
            let tenant = r.tenant.to_string();
            let name = {
                let tenant = tenant.clone();
                move || names.get().of(&tenant)
            };
            let protocol = (!m.protocol.is_empty()).then(|| {
                view! {
                    <details class="protocol">
                        <summary>"Протокол"</summary>
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
                        <span class="muted small">{m.meeting_kind.label_bg()}</span>
                    </td>
                    <td>
                        {format!("{} участници", m.participants)}
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
        })
        .collect_view();
    view! {
        <RegisterTable
            id="meetings-table"
            filename="zasedania.csv"
            count=format!("{count} заседания и срещи")
            caption="Публични заседания и срещи, най-новите първи"
            headings=&HEADINGS
            empty="Няма публикувани заседания за избрания период."
            csv
            rows=rows.into_any()
            is_empty=count == 0
        />
    }
    .into_any()
}
