//! `/contested-acts`: the register of acts the governor returned or took to court.

use super::{Register, RegisterPage};
use crate::api::{self, ApiError, Page, PageAt};
use crate::components::set_title;
use crate::format::date_bg;
use crate::pages::activities::Names;
use antikor_shared::activity::{ActContested, Activity};
use antikor_shared::activity_draft::{act_action_label, act_kind_label, days_to_action};
use antikor_shared::text::plural;
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
const HEADINGS: [&str; 8] = [
    "Акт",
    "Община",
    "Получен",
    "Действие",
    "Мотиви",
    "Ново гласуване",
    "Съдебно дело",
    "Публикуван",
];

/// The file's column headings: every field of an act.
const CSV_HEADINGS: [&str; 13] = [
    "Вид акт",
    "Номер",
    "Дата на акта",
    "Община",
    "Получен",
    "Действие",
    "Дата на действието",
    "Дни след получаването",
    "Мотиви",
    "Ново гласуване",
    "Съдебно дело",
    "Изход от делото",
    "Публикуван",
];

/// The register of contested acts.
const ACTS: Register = Register {
    id: "contested-acts-table",
    paging: "contested-acts",
    filename: "osporeni-aktove.csv",
    count: |total| format!("{total} {}", plural(total, "акт", "акта")),
    caption: "Регистър на оспорените и върнатите актове, най-новите първи",
    headings: &HEADINGS,
    empty: "Няма оспорени актове за избрания период.",
    csv_headings: &CSV_HEADINGS,
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
    set_title("Оспорени актове");
    view! {
        <RegisterPage
            path="/contested-acts"
            fetch=acts_page
            register=ACTS
        >
            <h1>"Регистър на оспорените актове"</h1>
            <p class="lead">
                "Решенията на общинските съвети и заповедите на кметовете, които областният управител е върнал "
                "за ново обсъждане или е оспорил пред административния съд (мярка I.3). Според чл. 45, ал. 4 от "
                "Закона за местното самоуправление и местната администрация върнатото решение се връща до 7 дни "
                "от получаването му, а общинският съвет го обсъжда отново до 14 дни."
            </p>
        </RegisterPage>
    }
}

/// An act's row of the file, which has every field.
fn act_csv(r: &ActivityRecord, n: &Names) -> Option<Vec<String>> {
    let a = act_of(r)?;
    Some(vec![
        act_kind_label(a.act_kind).to_owned(),
        a.act_number.clone(),
        date_bg(a.act_date),
        n.of(&a.municipality),
        date_bg(a.received_on),
        act_action_label(a.action).to_owned(),
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
                <strong>{format!("№ {}", a.act_number)}</strong>
                {format!(" от {}", date_bg(a.act_date))}
                <br />
                <span class="muted small">{act_kind_label(a.act_kind)}</span>
            </td>
            <td>{name}</td>
            <td class="nowrap">{date_bg(a.received_on)}</td>
            <td>
                {act_action_label(a.action)}
                <br />
                <span class="small">
                    {format!(
                        "на {} ({days} {} след получаването)",
                        date_bg(a.action_on),
                        plural(days.unsigned_abs(), "ден", "дни")
                    )}
                </span>
            </td>
            <td class="pre-line">{a.grounds.clone()}</td>
            <td class="pre-line">{a.council_revote.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td>
                {a.court_case.clone().map(|c| format!("Дело № {c}")).unwrap_or_else(|| "—".to_owned())}
                {a.court_outcome.clone().map(|o| view! { <br /> <span class="small pre-line">{o}</span> })}
            </td>
            <td class="nowrap">{a.published_on.map(date_bg).unwrap_or_else(|| "—".to_owned())}</td>
        </tr>
    }
    .into_any()
}
