//! How a recorded activity reads: its headline, details and values in the reader's language.

use super::{Draft, Field, fields_of};
use crate::activity::{ActAction, ActContested, ActKind, Activity, MediaKind, MeetingKind};
use crate::i18n::Lang;
use crate::text::date_bg;
use crate::tr;
use crate::wire::from_code;
use chrono::NaiveDate;

/// Media kinds, as the form lists them.
pub const MEDIA_KINDS: [MediaKind; 2] = [MediaKind::Appearance, MediaKind::Campaign];

/// Act kinds, as the form lists them.
pub const ACT_KINDS: [ActKind; 2] = [ActKind::CouncilDecision, ActKind::MayorOrder];

/// What the governor did, as the form lists it.
pub const ACT_ACTIONS: [ActAction; 2] = [ActAction::Returned, ActAction::ContestedInCourt];

/// One line that says what an activity was, in `lang`, for tables and the CSV; `name` gives a
/// tenant's Bulgarian name from its slug.
pub fn headline(activity: &Activity, lang: Lang, name: impl Fn(&str) -> String) -> String {
    match activity {
        Activity::Meeting(m) => format!(
            "{}: {} ({})",
            m.meeting_kind.label(lang),
            m.title,
            participants(m.participants, lang)
        ),
        Activity::Training(t) => format!("{} ({})", t.topic, participants(t.participants, lang)),
        Activity::Media(m) => format!("{}, {}: {}", m.media_kind.label(lang), m.channel, m.summary),
        Activity::DeclarationCheck(c) => tr!(
            lang,
            "forms-headline-declaration-check",
            from = date_bg(c.period_from),
            to = date_bg(c.period_to),
            body = &c.checking_body,
            checked = c.declarations_checked,
            irregularities = c.irregularities_found,
            referrals = c.referrals
        ),
        Activity::ContestedAct(a) => tr!(
            lang,
            "forms-headline-contested-act",
            kind = a.act_kind.label(lang),
            number = &a.act_number,
            date = date_bg(a.act_date),
            municipality = name(&a.municipality),
            action = a.action.label(lang).to_lowercase(),
            on = date_bg(a.action_on)
        ),
    }
}

/// A field's value as a reader sees it in `lang`: choices by their label, municipalities by
/// name, days as `dd.mm.yyyy`; empty when the record leaves the field empty.
pub fn display_value(
    field: Field,
    raw: &str,
    lang: Lang,
    name: &impl Fn(&str) -> String,
) -> String {
    fn label_of<T: serde::de::DeserializeOwned>(
        label: fn(T, Lang) -> String,
        raw: &str,
        lang: Lang,
    ) -> String {
        from_code(raw).map_or_else(|| raw.to_owned(), |c| label(c, lang))
    }
    if raw.is_empty() {
        return String::new();
    }
    match field {
        Field::MeetingKind => label_of(MeetingKind::label, raw, lang),
        Field::MediaKind => label_of(MediaKind::label, raw, lang),
        Field::ActKind => label_of(ActKind::label, raw, lang),
        Field::Action => label_of(ActAction::label, raw, lang),
        Field::Municipality => name(raw),
        f if f.input() == "date" => raw
            .parse::<NaiveDate>()
            .map_or_else(|_| raw.to_owned(), date_bg),
        _ => raw.to_owned(),
    }
}

/// Every filled-in field of a record with its label, in `lang` and the form's order.
pub fn details(
    activity: &Activity,
    lang: Lang,
    name: &impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let draft = Draft::from_activity(activity);
    let mut out: Vec<(String, String)> = fields_of(draft.kind)
        .iter()
        .map(|f| (f.label(lang), display_value(*f, &draft.get(*f), lang, name)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if let Activity::Meeting(m) = activity {
        let public = if m.public {
            tr!(lang, "forms-yes")
        } else {
            tr!(lang, "forms-no")
        };
        out.push((tr!(lang, "forms-details-published"), public));
    }
    out
}

/// Days from receipt to the governor's action on a contested act: a return must come within 7.
pub fn days_to_action(act: &ActContested) -> i64 {
    (act.action_on - act.received_on).num_days()
}

/// "1 участник", "25 участници" (in `lang`).
fn participants(n: u32, lang: Lang) -> String {
    tr!(lang, "forms-participants", count = n)
}
