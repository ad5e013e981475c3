//! An activity's form as text fields, turned into the API's record and back (pure, host-tested).

mod field;
mod reading;

pub use field::{Field, fields_of};
pub use reading::{
    ACT_ACTIONS, ACT_KINDS, MEDIA_KINDS, act_action_label, act_kind_label, days_to_action, details,
    headline, kind_singular, media_kind_label,
};

use crate::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityKind, DeclarationsChecked,
    MediaActivityCarriedOut, MediaKind, MeetingHeld, MeetingKind, TrainingHeld,
};
use crate::wire::{code, from_code};
use chrono::{Datelike, NaiveDate};

/// An activity's form: every field as typed, whichever kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which kind of record it becomes.
    pub kind: ActivityKind,
    values: Vec<(Field, String)>,
    /// Whether a meeting's protocol and decisions are published.
    pub public: bool,
    /// The measures it serves.
    pub measures: Vec<String>,
}

impl Draft {
    /// An empty form of a kind, its days set to `today` and its choices to the first option.
    pub fn new(kind: ActivityKind, today: NaiveDate) -> Self {
        let mut draft = Self {
            kind,
            values: Vec::new(),
            // Publishing is a deliberate choice: a protocol may name people.
            public: false,
            measures: Vec::new(),
        };
        let today = today.to_string();
        for field in fields_of(kind) {
            let initial = match field {
                Field::MeetingKind => code(MeetingKind::CouncilSession),
                Field::MediaKind => code(MediaKind::Appearance),
                Field::ActKind => code(ActKind::CouncilDecision),
                Field::Action => code(ActAction::Returned),
                Field::PublishedOn => String::new(),
                f if f.input() == "date" => today.clone(),
                _ => String::new(),
            };
            draft.set(*field, initial);
        }
        draft
    }

    /// The form of a recorded activity, for its correction.
    pub fn from_activity(activity: &Activity) -> Self {
        let mut d = Self {
            kind: activity.kind(),
            values: Vec::new(),
            public: false,
            measures: activity.measures().to_vec(),
        };
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        match activity {
            Activity::Meeting(m) => {
                d.set(Field::Date, m.date.to_string());
                d.set(Field::MeetingKind, code(m.meeting_kind));
                d.set(Field::Title, m.title.clone());
                d.set(Field::Participants, m.participants.to_string());
                d.set(Field::Organisations, m.organisations.join("\n"));
                d.set(Field::Agenda, m.agenda.clone());
                d.set(Field::Decisions, m.decisions.clone());
                d.set(Field::Protocol, m.protocol.clone());
                d.public = m.public;
            }
            Activity::Training(t) => {
                d.set(Field::Date, t.date.to_string());
                d.set(Field::Topic, t.topic.clone());
                d.set(Field::Participants, t.participants.to_string());
            }
            Activity::Media(m) => {
                d.set(Field::Date, m.date.to_string());
                d.set(Field::MediaKind, code(m.media_kind));
                d.set(Field::Channel, m.channel.clone());
                d.set(Field::Summary, m.summary.clone());
            }
            Activity::DeclarationCheck(c) => {
                d.set(Field::PeriodFrom, c.period_from.to_string());
                d.set(Field::PeriodTo, c.period_to.to_string());
                d.set(Field::CheckingBody, c.checking_body.clone());
                d.set(
                    Field::DeclarationsChecked,
                    c.declarations_checked.to_string(),
                );
                d.set(
                    Field::IrregularitiesFound,
                    c.irregularities_found.to_string(),
                );
                d.set(Field::Referrals, c.referrals.to_string());
            }
            Activity::ContestedAct(a) => {
                d.set(Field::ActKind, code(a.act_kind));
                d.set(Field::ActNumber, a.act_number.clone());
                d.set(Field::ActDate, a.act_date.to_string());
                d.set(Field::Municipality, a.municipality.clone());
                d.set(Field::ReceivedOn, a.received_on.to_string());
                d.set(Field::Action, code(a.action));
                d.set(Field::ActionOn, a.action_on.to_string());
                d.set(Field::Grounds, a.grounds.clone());
                d.set(Field::CouncilRevote, opt(&a.council_revote));
                d.set(Field::CourtCase, opt(&a.court_case));
                d.set(Field::CourtOutcome, opt(&a.court_outcome));
                d.set(
                    Field::PublishedOn,
                    a.published_on.map(|p| p.to_string()).unwrap_or_default(),
                );
            }
        }
        d
    }

    /// A field's text.
    pub fn get(&self, field: Field) -> String {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Sets a field's text.
    pub fn set(&mut self, field: Field, value: String) {
        match self.values.iter_mut().find(|(f, _)| *f == field) {
            Some((_, v)) => *v = value,
            None => self.values.push((field, value)),
        }
    }

    /// The field that dates the record, whose year's plan its measures come from.
    pub fn dating_field(&self) -> Field {
        match self.kind {
            ActivityKind::DeclarationCheck => Field::PeriodTo,
            ActivityKind::ContestedAct => Field::ActionOn,
            _ => Field::Date,
        }
    }

    /// The year of the plan its measures belong to, once the dating field holds a day.
    pub fn plan_year(&self) -> Option<i32> {
        self.get(self.dating_field())
            .trim()
            .parse::<NaiveDate>()
            .ok()
            .map(|d| d.year())
    }

    fn text(&self, field: Field) -> Result<String, String> {
        let value = self.get(field).trim().to_owned();
        if value.is_empty() && !field.optional() {
            return Err(format!("Попълнете „{}“.", field.label()));
        }
        Ok(value)
    }

    fn optional_text(&self, field: Field) -> Option<String> {
        let value = self.get(field).trim().to_owned();
        (!value.is_empty()).then_some(value)
    }

    fn day(&self, field: Field) -> Result<NaiveDate, String> {
        crate::text::parse_date_typed(&self.get(field)).ok_or_else(|| {
            format!(
                "„{}“: въведете дата във вида {}, например 15.12.2017.",
                field.label(),
                crate::text::DATE_FORMAT_BG
            )
        })
    }

    fn optional_day(&self, field: Field) -> Result<Option<NaiveDate>, String> {
        if self.get(field).trim().is_empty() {
            Ok(None)
        } else {
            self.day(field).map(Some)
        }
    }

    fn count(&self, field: Field) -> Result<u32, String> {
        self.get(field)
            .trim()
            .parse()
            .map_err(|_| format!("„{}“: въведете цяло число, 0 или повече.", field.label()))
    }

    fn choice<T: serde::de::DeserializeOwned>(&self, field: Field) -> Result<T, String> {
        from_code(&self.get(field)).ok_or_else(|| format!("Изберете „{}“.", field.label()))
    }

    /// The record the form describes, or what is missing or malformed, in Bulgarian.
    pub fn to_activity(&self) -> Result<Activity, String> {
        let measures = self.measures.clone();
        Ok(match self.kind {
            ActivityKind::Meeting => Activity::Meeting(MeetingHeld {
                date: self.day(Field::Date)?,
                meeting_kind: self.choice(Field::MeetingKind)?,
                title: self.text(Field::Title)?,
                participants: self.count(Field::Participants)?,
                organisations: self
                    .get(Field::Organisations)
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                agenda: self.text(Field::Agenda)?,
                decisions: self.text(Field::Decisions)?,
                protocol: self.text(Field::Protocol)?,
                public: self.public,
                measures,
            }),
            ActivityKind::Training => Activity::Training(TrainingHeld {
                date: self.day(Field::Date)?,
                topic: self.text(Field::Topic)?,
                participants: self.count(Field::Participants)?,
                measures,
            }),
            ActivityKind::Media => Activity::Media(MediaActivityCarriedOut {
                date: self.day(Field::Date)?,
                media_kind: self.choice(Field::MediaKind)?,
                channel: self.text(Field::Channel)?,
                summary: self.text(Field::Summary)?,
                measures,
            }),
            ActivityKind::DeclarationCheck => {
                let period_from = self.day(Field::PeriodFrom)?;
                let period_to = self.day(Field::PeriodTo)?;
                if period_from > period_to {
                    return Err("Началото на периода е след края му.".to_owned());
                }
                Activity::DeclarationCheck(DeclarationsChecked {
                    period_from,
                    period_to,
                    checking_body: self.text(Field::CheckingBody)?,
                    declarations_checked: self.count(Field::DeclarationsChecked)?,
                    irregularities_found: self.count(Field::IrregularitiesFound)?,
                    referrals: self.count(Field::Referrals)?,
                    measures,
                })
            }
            ActivityKind::ContestedAct => Activity::ContestedAct(ActContested {
                act_kind: self.choice(Field::ActKind)?,
                act_number: self.text(Field::ActNumber)?,
                act_date: self.day(Field::ActDate)?,
                municipality: {
                    let m = self.text(Field::Municipality)?;
                    if m.is_empty() {
                        return Err("Изберете община.".to_owned());
                    }
                    m
                },
                received_on: self.day(Field::ReceivedOn)?,
                action: self.choice(Field::Action)?,
                action_on: self.day(Field::ActionOn)?,
                grounds: self.text(Field::Grounds)?,
                council_revote: self.optional_text(Field::CouncilRevote),
                court_case: self.optional_text(Field::CourtCase),
                court_outcome: self.optional_text(Field::CourtOutcome),
                published_on: self.optional_day(Field::PublishedOn)?,
                measures,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_meeting_form_becomes_the_record_and_back() {
        let mut d = Draft::new(ActivityKind::Meeting, day(2017, 5, 10));
        assert_eq!(d.get(Field::Date), "2017-05-10");
        assert_eq!(d.plan_year(), Some(2017));
        assert_eq!(d.to_activity().unwrap_err(), "Попълнете „Наименование“.");
        d.set(Field::Title, " Открито заседание ".into());
        d.set(Field::Participants, "35".into());
        d.set(
            Field::Organisations,
            "БНР Благоевград\n\n  Сдружение „Прозрачност“ ".into(),
        );
        d.set(Field::Agenda, "Сигнали за корупция".into());
        d.measures = vec!["V.3b".into()];
        let activity = d.to_activity().unwrap();
        let Activity::Meeting(m) = &activity else {
            panic!("a meeting")
        };
        assert_eq!(m.title, "Открито заседание");
        assert_eq!(
            m.organisations,
            ["БНР Благоевград", "Сдружение „Прозрачност“"]
        );
        assert!(!m.public, "not published unless chosen");
        let json = serde_json::to_value(&activity).unwrap();
        assert_eq!(json["kind"], "meeting");
        assert_eq!(json["meeting_kind"], "council_session");
        let back = Draft::from_activity(&activity);
        assert_eq!(back.to_activity().unwrap(), activity);
    }

    #[test]
    fn numbers_and_dates_are_checked() {
        let mut d = Draft::new(ActivityKind::DeclarationCheck, day(2017, 6, 30));
        d.set(Field::CheckingBody, "Комисия".into());
        d.set(Field::DeclarationsChecked, "-1".into());
        assert!(
            d.to_activity()
                .unwrap_err()
                .contains("Проверени декларации")
        );
        d.set(Field::DeclarationsChecked, "12".into());
        d.set(Field::IrregularitiesFound, "0".into());
        d.set(Field::Referrals, "0".into());
        d.set(Field::PeriodFrom, "2017-07-01".into());
        assert_eq!(
            d.to_activity().unwrap_err(),
            "Началото на периода е след края му."
        );
        d.set(Field::PeriodFrom, "2017-01-01".into());
        assert!(d.to_activity().is_ok());
        assert_eq!(d.dating_field(), Field::PeriodTo);
    }

    #[test]
    fn a_contested_act_keeps_its_optional_fields_empty() {
        let mut d = Draft::new(ActivityKind::ContestedAct, day(2017, 3, 9));
        d.set(Field::ActNumber, "145".into());
        d.set(Field::ActDate, "2017-03-01".into());
        d.set(Field::ReceivedOn, "2017-03-03".into());
        d.set(Field::Grounds, "Противоречи на закона".into());
        assert_eq!(d.to_activity().unwrap_err(), "Попълнете „Община“.");
        d.set(Field::Municipality, "bansko".into());
        let Activity::ContestedAct(a) = d.to_activity().unwrap() else {
            panic!("an act")
        };
        assert_eq!(a.published_on, None);
        assert_eq!(a.court_case, None);
        assert_eq!(days_to_action(&a), 6);
        let shown = details(&Activity::ContestedAct(a.clone()), &|_: &str| {
            "Банско".to_owned()
        });
        assert!(shown.contains(&("Община", "Банско".to_owned())));
        assert!(shown.contains(&(
            "Действие на областния управител",
            "Върнат за ново обсъждане".to_owned()
        )));
        assert!(shown.contains(&("Дата на акта", "01.03.2017".to_owned())));
        assert!(
            !shown.iter().any(|(label, _)| *label == "Съдебно дело №"),
            "empty fields are left out"
        );
        let text = headline(&Activity::ContestedAct(a), |_| "Банско".to_owned());
        assert_eq!(
            text,
            "Решение на общински съвет № 145 от 01.03.2017 (Банско): върнат за ново обсъждане на 09.03.2017"
        );
    }
}
