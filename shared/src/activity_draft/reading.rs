//! How a recorded activity reads: kinds and choices in Bulgarian, its headline and details.

use super::{Draft, Field, fields_of};
use crate::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityKind, MediaKind, MeetingKind,
};
use crate::wire::from_code;
use chrono::NaiveDate;

/// One record's kind in the singular, for a form's title and a table cell.
pub fn kind_singular(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Meeting => "Заседание или среща",
        ActivityKind::Training => "Обучение",
        ActivityKind::Media => "Медийна изява или кампания",
        ActivityKind::DeclarationCheck => "Проверка на декларации",
        ActivityKind::ContestedAct => "Оспорен акт",
    }
}

/// Media kinds, as the form lists them.
pub const MEDIA_KINDS: [MediaKind; 2] = [MediaKind::Appearance, MediaKind::Campaign];

/// A media kind in Bulgarian.
pub fn media_kind_label(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Appearance => "Медийна изява (интервю, изявление, публикация)",
        MediaKind::Campaign => "Информационна кампания",
    }
}

/// Act kinds, as the form lists them.
pub const ACT_KINDS: [ActKind; 2] = [ActKind::CouncilDecision, ActKind::MayorOrder];

/// An act kind in Bulgarian.
pub fn act_kind_label(kind: ActKind) -> &'static str {
    match kind {
        ActKind::CouncilDecision => "Решение на общински съвет",
        ActKind::MayorOrder => "Заповед на кмет",
    }
}

/// What the governor did, as the form lists it.
pub const ACT_ACTIONS: [ActAction; 2] = [ActAction::Returned, ActAction::ContestedInCourt];

/// An action in Bulgarian.
pub fn act_action_label(action: ActAction) -> &'static str {
    match action {
        ActAction::Returned => "Върнат за ново обсъждане",
        ActAction::ContestedInCourt => "Оспорен пред административния съд",
    }
}

/// One line that says what an activity was, for tables and the CSV; `name` gives a tenant's
/// Bulgarian name from its slug.
pub fn headline(activity: &Activity, name: impl Fn(&str) -> String) -> String {
    match activity {
        Activity::Meeting(m) => format!(
            "{}: {} ({})",
            m.meeting_kind.label_bg(),
            m.title,
            participants(m.participants)
        ),
        Activity::Training(t) => format!("{} ({})", t.topic, participants(t.participants)),
        Activity::Media(m) => format!(
            "{}, {}: {}",
            media_kind_label(m.media_kind),
            m.channel,
            m.summary
        ),
        Activity::DeclarationCheck(c) => format!(
            "{} – {}, {}: проверени {}, нарушения {}, сигнали {}",
            crate::text::date_bg(c.period_from),
            crate::text::date_bg(c.period_to),
            c.checking_body,
            c.declarations_checked,
            c.irregularities_found,
            c.referrals
        ),
        Activity::ContestedAct(a) => format!(
            "{} № {} от {} ({}): {} на {}",
            act_kind_label(a.act_kind),
            a.act_number,
            crate::text::date_bg(a.act_date),
            name(&a.municipality),
            act_action_label(a.action).to_lowercase(),
            crate::text::date_bg(a.action_on)
        ),
    }
}

/// A field's value as a reader sees it: choices and municipalities by name, days as
/// `dd.mm.yyyy`; empty when the record leaves the field empty.
pub fn display_value(field: Field, raw: &str, name: &impl Fn(&str) -> String) -> String {
    fn label_of<T: serde::de::DeserializeOwned>(label: fn(T) -> &'static str, raw: &str) -> String {
        from_code(raw).map_or_else(|| raw.to_owned(), |c| label(c).to_owned())
    }
    if raw.is_empty() {
        return String::new();
    }
    match field {
        Field::MeetingKind => label_of(MeetingKind::label_bg, raw),
        Field::MediaKind => label_of(media_kind_label, raw),
        Field::ActKind => label_of(act_kind_label, raw),
        Field::Action => label_of(act_action_label, raw),
        Field::Municipality => name(raw),
        f if f.input() == "date" => raw
            .parse::<NaiveDate>()
            .map_or_else(|_| raw.to_owned(), crate::text::date_bg),
        _ => raw.to_owned(),
    }
}

/// Every filled-in field of a record with its label, in the form's order.
pub fn details(activity: &Activity, name: &impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    let draft = Draft::from_activity(activity);
    let mut out: Vec<(&'static str, String)> = fields_of(draft.kind)
        .iter()
        .map(|f| (f.label(), display_value(*f, &draft.get(*f), name)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if let Activity::Meeting(m) = activity {
        let public = if m.public { "да" } else { "не" };
        out.push(("Публикувано на публичните страници", public.to_owned()));
    }
    out
}

/// Days from receipt to the governor's action on a contested act: a return must come within 7.
pub fn days_to_action(act: &ActContested) -> i64 {
    (act.action_on - act.received_on).num_days()
}

/// "1 участник", "25 участници".
fn participants(n: u32) -> String {
    format!(
        "{n} {}",
        crate::text::plural(u64::from(n), "участник", "участници")
    )
}
