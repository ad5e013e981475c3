//! Pure formatting of dates, numbers, hashes and URL query values, testable on the host.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// Separates thousands: the thin space that Bulgarian typography uses between digit groups.
pub const THOUSANDS_SEPARATOR: char = '\u{2009}';

/// How many leading hex digits of a hash the tables show.
pub const SHORT_HASH_LEN: usize = 12;

/// A count with its noun in the form the number takes ("1 запис", "5 записа"; see
/// [`antikor_shared::text::plural`]), the number grouped by thousands.
pub fn plural_count(n: u64, one: &str, other: &str) -> String {
    format!(
        "{} {}",
        thousands(n),
        antikor_shared::text::plural(n, one, other)
    )
}

/// Formats a count with thin spaces between groups of three digits: `77 441`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(THOUSANDS_SEPARATOR);
        }
        out.push(c);
    }
    out
}

/// The first [`SHORT_HASH_LEN`] characters of a hex hash, enough to tell records apart by eye.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..SHORT_HASH_LEN).unwrap_or(hash)
}

pub use antikor_shared::text::{date_time, date_time_seconds, sofia_offset};

/// The exact instant in UTC (RFC 3339), for tooltips and auditors.
pub fn utc_exact(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub use antikor_shared::text::date_bg;

/// The last instant of a calendar day in Sofia, in UTC: what "as of that day" means.
///
/// Daylight saving time switches at 03:00 or 04:00 Sofia time, never near midnight, so the
/// offset at the day's end is the offset two hours before its end in UTC terms.
pub fn end_of_sofia_day(day: NaiveDate) -> DateTime<Utc> {
    let last = NaiveTime::from_hms_milli_opt(23, 59, 59, 999).expect("a valid time of day");
    let local_end = day.and_time(last);
    let guess = local_end.and_utc() - Duration::hours(2);
    local_end.and_utc() - sofia_offset(guess)
}

/// The `as_of` value the API takes for "as of the end of `day` in Sofia" (RFC 3339, UTC).
pub fn as_of_param(day: NaiveDate) -> String {
    utc_exact(end_of_sofia_day(day))
}

/// A moment as a `datetime-local` field holds it: Sofia time, `YYYY-MM-DDTHH:MM`.
pub fn sofia_input_value(at: DateTime<Utc>) -> String {
    (at + sofia_offset(at)).format("%Y-%m-%dT%H:%M").to_string()
}

/// The moment a `datetime-local` field's value names in Sofia time (with or without seconds);
/// `None` for anything else.
pub fn from_sofia_input(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let local = chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    // As in `end_of_sofia_day`: summer time switches at night, so the offset two hours
    // before the local reading is the offset at the moment itself.
    let guess = local.and_utc() - Duration::hours(2);
    Some(local.and_utc() - sofia_offset(guess))
}

/// Today's date in Sofia by the browser's clock.
pub fn sofia_today(now: DateTime<Utc>) -> NaiveDate {
    (now + sofia_offset(now)).date_naive()
}

/// Percent-encodes a query value: everything but RFC 3986's unreserved characters.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Builds `path?k=v&…` from the pairs that have a value, in the given order.
pub fn href_with_query<'a>(
    path: &str,
    pairs: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> String {
    let query: Vec<String> = pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode_query_value(&v))))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// „1 ново събитие“ / „N нови събития“: Bulgarian agrees the adjective with the count.
pub fn new_events(n: u64) -> String {
    if n == 1 {
        "1 ново събитие".to_owned()
    } else {
        format!("{} нови събития", thousands(n))
    }
}

/// The Bulgarian name of an event type, for the types the app knows. The match names every
/// type Antikor records, so a new one does not compile until it has a name here.
pub fn event_type_label(event_type: &str) -> Option<&'static str> {
    use antikor_shared::events::EventType as T;
    Some(match T::parse(event_type)? {
        T::TenantRegistered => "Регистрирана институция",
        T::AccountCreated => "Създаден профил",
        T::RoleGranted => "Сменена роля",
        T::AccountDisabled => "Деактивиран профил",
        T::AccountEnabled => "Активиран профил",
        T::PasswordChanged => "Сменена парола",
        T::LoginSucceeded => "Успешен вход",
        T::LoginFailed => "Неуспешен вход",
        T::LoggedOut => "Изход",
        T::NotificationsChosen => "Избрани известия",
        T::NotificationSent => "Изпратено известие",
        T::PlanAdopted => "Приет план",
        T::MeasureAdded => "Добавена мярка",
        T::MeasureUpdated => "Променена мярка",
        T::MeasureWithdrawn => "Оттеглена мярка",
        T::ProgressReported => "Отчет по мярка",
        T::MeetingHeld => "Проведено заседание или среща",
        T::TrainingHeld => "Проведено обучение",
        T::MediaActivityCarriedOut => "Медийна изява или кампания",
        T::DeclarationsChecked => "Проверка на декларации",
        T::ActContested => "Оспорен акт",
        T::ContestedActFollowedUp => "Развитие по оспорен акт",
        T::ActivityCorrected => "Поправен запис за дейност",
        T::ExpertContactsUpdated => "Обновени контакти на експерти",
        T::RiskIdentified => "Вписан риск",
        T::RiskAssessed => "Оценен риск",
        T::RiskTreatmentPlanned => "Мерки по риск",
        T::RiskReviewed => "Преглед на риск",
        T::RiskClosed => "Закрит риск",
        T::RiskFilesAttached => "Приложени документи към риск",
        T::ActivityFilesAttached => "Приложени документи към дейност",
        T::QuestionnairePublished => "Публикувана анкета за служителите",
        T::SurveyOpened => "Открита анкета за служителите",
        T::SurveyCodesIssued => "Издадени кодове за анкетата",
        T::SurveyAnswered => "Анонимен отговор на анкетата",
        T::SignalFiled => "Получен сигнал",
        T::SignalAcknowledged => "Потвърдено получаване на сигнал",
        T::SignalAssigned => "Възложен сигнал",
        T::SignalClassified => "Класифициран сигнал",
        T::SignalForwarded => "Препратен сигнал",
        T::SignalFollowedUp => "Действие по сигнал",
        T::SignalFeedbackGiven => "Обратна информация по сигнал",
        T::SignalMessageSent => "Съобщение до подател на сигнал",
        T::SignalReporterReplied => "Съобщение от подател на сигнал",
        T::SignalClosed => "Приключен сигнал",
        T::SignalLinked => "Свързани сигнали",
        T::SignalRisksLinked => "Сигнал, свързан с рискове",
        T::SignalIdentityViewed => "Отворена самоличност по сигнал",
        T::SignalKeyDestroyed => "Унищожени лични данни по сигнал",
        T::InternalChannelRecorded => "Решение за вътрешен канал",
        T::IntakeListsSet => "Списъци на звена и дейности за сигнали",
        T::LogKeyAdopted => "Нов ключ за подписване на дневника",
        T::VaultKeyRotated => "Сменен главен ключ на хранилището",
    })
}

/// An event type as the UI shows it: its Bulgarian name, or the type itself when unknown.
pub fn event_type_text(event_type: &str) -> String {
    event_type_label(event_type).map_or_else(|| event_type.to_owned(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn every_recorded_event_type_has_its_own_bulgarian_name() {
        use antikor_shared::events::EventType;
        let labels: std::collections::BTreeSet<_> = EventType::ALL
            .iter()
            .map(|t| event_type_label(t.name()).expect("named"))
            .collect();
        assert_eq!(labels.len(), EventType::ALL.len(), "names are distinct");
        assert_eq!(event_type_label("NoteRecorded"), None);
        assert_eq!(event_type_text("NoteRecorded"), "NoteRecorded");
    }

    #[test]
    fn date_time_fields_read_and_write_sofia_time() {
        // Winter (+2) and summer (+3).
        let winter = utc(2026, 11, 26, 10, 45);
        assert_eq!(sofia_input_value(winter), "2026-11-26T12:45");
        assert_eq!(from_sofia_input("2026-11-26T12:45"), Some(winter));
        let summer = utc(2026, 7, 1, 9, 0);
        assert_eq!(sofia_input_value(summer), "2026-07-01T12:00");
        assert_eq!(from_sofia_input("2026-07-01T12:00:00"), Some(summer));
        assert_eq!(from_sofia_input("01.07.2026 12:00"), None);
        assert_eq!(from_sofia_input(""), None);
    }

    #[test]
    fn thousands_use_thin_spaces() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5441), "5\u{2009}441");
        assert_eq!(thousands(77441), "77\u{2009}441");
        assert_eq!(thousands(1_234_567), "1\u{2009}234\u{2009}567");
    }

    #[test]
    fn sofia_time_follows_eu_summer_time() {
        // 2017: summer time from 26 March to 29 October, switching at 01:00 UTC.
        assert_eq!(date_time(utc(2017, 1, 15, 10, 5)), "15.01.2017 12:05");
        assert_eq!(date_time(utc(2017, 3, 26, 0, 59)), "26.03.2017 02:59");
        assert_eq!(date_time(utc(2017, 3, 26, 1, 0)), "26.03.2017 04:00");
        assert_eq!(date_time(utc(2017, 10, 29, 0, 59)), "29.10.2017 03:59");
        assert_eq!(date_time(utc(2017, 10, 29, 1, 0)), "29.10.2017 03:00");
        assert_eq!(date_time(utc(2024, 12, 31, 22, 30)), "01.01.2025 00:30");
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_last_sundays() {
        // 2025: the last Sundays of March and October are the 30th and the 26th.
        let hours = |at| sofia_offset(at).num_hours();
        assert_eq!(hours(utc(2025, 3, 30, 0, 59)), 2);
        assert_eq!(hours(utc(2025, 3, 30, 1, 0)), 3);
        assert_eq!(hours(utc(2025, 10, 26, 0, 59)), 3);
        assert_eq!(hours(utc(2025, 10, 26, 1, 0)), 2);
    }

    #[test]
    fn seconds_and_utc() {
        let at = utc(2025, 7, 1, 9, 0);
        assert_eq!(date_time_seconds(at), "01.07.2025 12:00:00");
        assert_eq!(utc_exact(at), "2025-07-01T09:00:00.000Z");
    }

    #[test]
    fn as_of_is_the_end_of_the_day_in_sofia() {
        let winter = NaiveDate::from_ymd_opt(2017, 1, 31).unwrap();
        assert_eq!(as_of_param(winter), "2017-01-31T21:59:59.999Z");
        let summer = NaiveDate::from_ymd_opt(2017, 6, 30).unwrap();
        assert_eq!(as_of_param(summer), "2017-06-30T20:59:59.999Z");
        // The days of the switches: summer time from 26 March, winter time from 29 October.
        let spring = NaiveDate::from_ymd_opt(2017, 3, 26).unwrap();
        assert_eq!(as_of_param(spring), "2017-03-26T20:59:59.999Z");
        let autumn = NaiveDate::from_ymd_opt(2017, 10, 29).unwrap();
        assert_eq!(as_of_param(autumn), "2017-10-29T21:59:59.999Z");
        assert_eq!(date_bg(summer), "30.06.2017");
    }

    #[test]
    fn today_is_sofias() {
        // 22:30 UTC on 30 June is already 1 July in Sofia.
        assert_eq!(
            sofia_today(utc(2017, 6, 30, 22, 30)),
            NaiveDate::from_ymd_opt(2017, 7, 1).unwrap()
        );
        assert_eq!(
            sofia_today(utc(2017, 1, 31, 21, 30)),
            NaiveDate::from_ymd_opt(2017, 1, 31).unwrap()
        );
    }

    #[test]
    fn short_hashes() {
        assert_eq!(short_hash("0123456789abcdef"), "0123456789ab");
        assert_eq!(short_hash("abc"), "abc");
        assert_eq!(short_hash(""), "");
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query_value("measure-I.3"), "measure-I.3");
        assert_eq!(encode_query_value("signal:0f3a"), "signal%3A0f3a");
        assert_eq!(encode_query_value("a b&c"), "a%20b%26c");
        assert_eq!(encode_query_value("ж"), "%D0%B6");
        assert_eq!(
            href_with_query(
                "/audit",
                [
                    ("tenant", Some("bansko".to_owned())),
                    ("stream", None),
                    ("before", Some("7".to_owned()))
                ]
            ),
            "/audit?tenant=bansko&before=7"
        );
        assert_eq!(href_with_query("/audit", [("tenant", None)]), "/audit");
    }

    #[test]
    fn new_event_counts_agree() {
        assert_eq!(new_events(1), "1 ново събитие");
        assert_eq!(new_events(3), "3 нови събития");
        assert_eq!(new_events(1200), "1\u{2009}200 нови събития");
    }

    #[test]
    fn event_types_have_bulgarian_names() {
        assert_eq!(event_type_text("LoginFailed"), "Неуспешен вход");
        assert_eq!(event_type_text("AccountDisabled"), "Деактивиран профил");
        assert_eq!(event_type_text("SomethingNew"), "SomethingNew");
    }
}
