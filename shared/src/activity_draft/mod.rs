//! An activity's form as text fields, turned into the API's record and back (pure, host-tested).

mod field;
mod reading;

pub use field::{Field, fields_of};
pub use reading::{ACT_ACTIONS, ACT_KINDS, MEDIA_KINDS, days_to_action, details, headline};

use crate::activity::{
    ActAction, ActContested, ActKind, Activity, ActivityKind, DeclarationsChecked,
    MediaActivityCarriedOut, MediaKind, MeetingHeld, MeetingKind, TrainingHeld,
};
use crate::i18n::Text;
use crate::msg;
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

    fn text(&self, field: Field) -> Result<String, Text> {
        let value = self.get(field).trim().to_owned();
        if value.is_empty() && !field.optional() {
            return Err(msg!("forms-fill-in-field", field = field.code()));
        }
        Ok(value)
    }

    fn optional_text(&self, field: Field) -> Option<String> {
        let value = self.get(field).trim().to_owned();
        (!value.is_empty()).then_some(value)
    }

    fn day(&self, field: Field) -> Result<NaiveDate, Text> {
        crate::text::parse_date_typed(&self.get(field))
            .ok_or_else(|| msg!("forms-enter-date", field = field.code()))
    }

    fn optional_day(&self, field: Field) -> Result<Option<NaiveDate>, Text> {
        if self.get(field).trim().is_empty() {
            Ok(None)
        } else {
            self.day(field).map(Some)
        }
    }

    fn count(&self, field: Field) -> Result<u32, Text> {
        self.get(field)
            .trim()
            .parse()
            .map_err(|_| msg!("forms-enter-whole-number", field = field.code()))
    }

    fn choice<T: serde::de::DeserializeOwned>(&self, field: Field) -> Result<T, Text> {
        from_code(&self.get(field)).ok_or_else(|| msg!("forms-choose-field", field = field.code()))
    }

    /// The record the form describes, or what is missing or malformed (a message naming the
    /// field by its label, written in its reader's language).
    pub fn to_activity(&self) -> Result<Activity, Text> {
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
                    return Err(msg!("forms-period-starts-after-end"));
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
                        return Err(msg!("forms-choose-municipality"));
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
    use crate::i18n::Lang;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_meeting_form_becomes_the_record_and_back() {
        let mut d = Draft::new(ActivityKind::Meeting, day(2017, 5, 10));
        assert_eq!(d.get(Field::Date), "2017-05-10");
        assert_eq!(d.plan_year(), Some(2017));
        let missing = d.to_activity().unwrap_err();
        assert_eq!(missing.to_string(), "Попълнете „Наименование“.");
        assert_eq!(missing.render(Lang::En), "Fill in “Title”.");
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
        let negative = d.to_activity().unwrap_err();
        assert_eq!(
            negative.to_string(),
            "„Проверени декларации“: въведете цяло число, 0 или повече."
        );
        assert_eq!(
            negative.render(Lang::En),
            "“Declarations checked”: enter a whole number, 0 or more."
        );
        d.set(Field::DeclarationsChecked, "12".into());
        d.set(Field::IrregularitiesFound, "0".into());
        d.set(Field::Referrals, "0".into());
        d.set(Field::PeriodFrom, "2017-07-01".into());
        assert_eq!(
            d.to_activity().unwrap_err().to_string(),
            "Началото на периода е след края му."
        );
        d.set(Field::PeriodFrom, "1.13.2017".into());
        let bad_day = d.to_activity().unwrap_err();
        assert_eq!(
            bad_day.to_string(),
            "„Период от“: въведете дата във вида дд.мм.гггг, например 15.12.2017."
        );
        assert_eq!(
            bad_day.render(Lang::En),
            "“Period from”: enter a date as dd.mm.yyyy, e.g. 15.12.2017."
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
        assert_eq!(
            d.to_activity().unwrap_err().to_string(),
            "Попълнете „Община“."
        );
        d.set(Field::Municipality, "bansko".into());
        d.set(Field::Action, "nonsense".into());
        assert_eq!(
            d.to_activity().unwrap_err().render(Lang::En),
            "Choose “Action of the Regional Governor”."
        );
        d.set(Field::Action, code(ActAction::Returned));
        let Activity::ContestedAct(a) = d.to_activity().unwrap() else {
            panic!("an act")
        };
        assert_eq!(a.published_on, None);
        assert_eq!(a.court_case, None);
        assert_eq!(days_to_action(&a), 6);
        let act = Activity::ContestedAct(a);
        let bansko = |_: &str| "Банско".to_owned();
        let shown = details(&act, Lang::Bg, &bansko);
        let has = |shown: &[(String, String)], label: &str, value: &str| {
            shown.iter().any(|(l, v)| l == label && v == value)
        };
        assert!(has(&shown, "Община", "Банско"));
        assert!(has(
            &shown,
            "Действие на областния управител",
            "Върнат за ново обсъждане"
        ));
        assert!(has(&shown, "Дата на акта", "01.03.2017"));
        assert!(
            !shown.iter().any(|(label, _)| label == "Съдебно дело №"),
            "empty fields are left out"
        );
        let shown = details(&act, Lang::En, &bansko);
        assert!(has(
            &shown,
            "Action of the Regional Governor",
            "Returned for reconsideration"
        ));
        assert!(has(&shown, "Date of the act", "01.03.2017"));
        assert_eq!(
            headline(&act, Lang::Bg, bansko),
            "Решение на общински съвет № 145 от 01.03.2017 (Банско): върнат за ново обсъждане на 09.03.2017"
        );
        assert_eq!(
            headline(&act, Lang::En, bansko),
            "Municipal Council decision No. 145 of 01.03.2017 (Банско): returned for reconsideration on 09.03.2017"
        );
    }

    #[test]
    fn headlines_count_in_the_readers_language() {
        let mut d = Draft::new(ActivityKind::Training, day(2017, 5, 10));
        d.set(Field::Topic, "Конфликт на интереси".into());
        d.set(Field::Participants, "1".into());
        let one = d.to_activity().unwrap();
        let none = |_: &str| String::new();
        assert_eq!(
            headline(&one, Lang::Bg, none),
            "Конфликт на интереси (1 участник)"
        );
        assert_eq!(
            headline(&one, Lang::En, none),
            "Конфликт на интереси (1 participant)"
        );
        d.set(Field::Participants, "25".into());
        let many = d.to_activity().unwrap();
        assert_eq!(
            headline(&many, Lang::Bg, none),
            "Конфликт на интереси (25 участници)"
        );
        assert_eq!(
            headline(&many, Lang::En, none),
            "Конфликт на интереси (25 participants)"
        );

        let mut d = Draft::new(ActivityKind::DeclarationCheck, day(2017, 6, 30));
        d.set(Field::PeriodFrom, "2017-01-01".into());
        d.set(Field::CheckingBody, "Комисия".into());
        d.set(Field::DeclarationsChecked, "12".into());
        d.set(Field::IrregularitiesFound, "1".into());
        d.set(Field::Referrals, "0".into());
        let check = d.to_activity().unwrap();
        assert_eq!(
            headline(&check, Lang::Bg, none),
            "01.01.2017 – 30.06.2017, Комисия: проверени 12, нарушения 1, сигнали 0"
        );
        assert_eq!(
            headline(&check, Lang::En, none),
            "01.01.2017 – 30.06.2017, Комисия: declarations checked 12, irregularities 1, referrals 0"
        );
    }

    #[test]
    fn every_checked_field_is_named_by_its_label_in_both_languages() {
        // The messages choose the label by the field's code: none may fall through to it.
        for kind in ActivityKind::ALL {
            for field in fields_of(kind) {
                let code = field.code();
                let message = match field.input() {
                    "date" => msg!("forms-enter-date", field = code),
                    "number" => msg!("forms-enter-whole-number", field = code),
                    "select" => msg!("forms-choose-field", field = code),
                    _ => msg!("forms-fill-in-field", field = code),
                };
                for lang in Lang::ALL {
                    let quoted = match lang {
                        Lang::Bg => format!("„{}“", field.label(lang)),
                        Lang::En => format!("“{}”", field.label(lang)),
                    };
                    let text = message.render(lang);
                    assert!(text.contains(&quoted), "{field:?} in {lang:?}: {text}");
                }
            }
        }
        for lang in Lang::ALL {
            let text = msg!("forms-fill-in-field", field = Field::Municipality.code()).render(lang);
            assert!(text.contains(&Field::Municipality.label(lang)), "{text}");
        }
    }
}
