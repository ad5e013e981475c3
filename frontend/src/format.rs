//! Pure formatting of dates, numbers, hashes and URL query values, testable on the host.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

/// How many leading hex digits of a hash the tables show.
pub const SHORT_HASH_LEN: usize = 12;

/// Formats a count with the page's language's digit groups: thin spaces in Bulgarian
/// (`77 441`), commas in English (`77,441`).
pub fn thousands(n: u64) -> String {
    antikor_shared::i18n::number(crate::i18n::lang(), n)
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

/// The name of an event type in the page's language, for the types the app knows. The match
/// names every type Antikor records, so a new one does not compile until it has a name here.
pub fn event_type_label(event_type: &str) -> Option<String> {
    use antikor_shared::events::EventType as T;
    Some(match T::parse(event_type)? {
        T::TenantRegistered => t!("shell-event-tenant-registered"),
        T::AccountCreated => t!("shell-event-account-created"),
        T::RoleGranted => t!("shell-event-role-granted"),
        T::AccountDisabled => t!("shell-event-account-disabled"),
        T::AccountEnabled => t!("shell-event-account-enabled"),
        T::PasswordChanged => t!("shell-event-password-changed"),
        T::LoginSucceeded => t!("shell-event-login-succeeded"),
        T::LoginFailed => t!("shell-event-login-failed"),
        T::LoggedOut => t!("shell-event-logged-out"),
        T::NotificationsChosen => t!("shell-event-notifications-chosen"),
        T::NotificationSent => t!("shell-event-notification-sent"),
        T::PlanAdopted => t!("shell-event-plan-adopted"),
        T::MeasureAdded => t!("shell-event-measure-added"),
        T::MeasureUpdated => t!("shell-event-measure-updated"),
        T::MeasureWithdrawn => t!("shell-event-measure-withdrawn"),
        T::ProgressReported => t!("shell-event-progress-reported"),
        T::MeetingHeld => t!("shell-event-meeting-held"),
        T::TrainingHeld => t!("shell-event-training-held"),
        T::MediaActivityCarriedOut => t!("shell-event-media-activity-carried-out"),
        T::DeclarationsChecked => t!("shell-event-declarations-checked"),
        T::ActContested => t!("shell-event-act-contested"),
        T::ContestedActFollowedUp => t!("shell-event-contested-act-followed-up"),
        T::ActivityCorrected => t!("shell-event-activity-corrected"),
        T::ExpertContactsUpdated => t!("shell-event-expert-contacts-updated"),
        T::RiskIdentified => t!("shell-event-risk-identified"),
        T::RiskAssessed => t!("shell-event-risk-assessed"),
        T::RiskTreatmentPlanned => t!("shell-event-risk-treatment-planned"),
        T::RiskReviewed => t!("shell-event-risk-reviewed"),
        T::RiskClosed => t!("shell-event-risk-closed"),
        T::RiskFilesAttached => t!("shell-event-risk-files-attached"),
        T::ActivityFilesAttached => t!("shell-event-activity-files-attached"),
        T::QuestionnairePublished => t!("shell-event-questionnaire-published"),
        T::SurveyOpened => t!("shell-event-survey-opened"),
        T::SurveyCodesIssued => t!("shell-event-survey-codes-issued"),
        T::SurveyAnswered => t!("shell-event-survey-answered"),
        T::SignalFiled => t!("shell-event-signal-filed"),
        T::SignalAcknowledged => t!("shell-event-signal-acknowledged"),
        T::SignalAssigned => t!("shell-event-signal-assigned"),
        T::SignalClassified => t!("shell-event-signal-classified"),
        T::SignalForwarded => t!("shell-event-signal-forwarded"),
        T::SignalFollowedUp => t!("shell-event-signal-followed-up"),
        T::SignalFeedbackGiven => t!("shell-event-signal-feedback-given"),
        T::SignalMessageSent => t!("shell-event-signal-message-sent"),
        T::SignalReporterReplied => t!("shell-event-signal-reporter-replied"),
        T::SignalClosed => t!("shell-event-signal-closed"),
        T::SignalLinked => t!("shell-event-signal-linked"),
        T::SignalRisksLinked => t!("shell-event-signal-risks-linked"),
        T::SignalIdentityViewed => t!("shell-event-signal-identity-viewed"),
        T::SignalKeyDestroyed => t!("shell-event-signal-key-destroyed"),
        T::InternalChannelRecorded => t!("shell-event-internal-channel-recorded"),
        T::IntakeListsSet => t!("shell-event-intake-lists-set"),
        T::LogKeyAdopted => t!("shell-event-log-key-adopted"),
        T::VaultKeyRotated => t!("shell-event-vault-key-rotated"),
    })
}

/// An event type as the UI shows it: its name, or the type itself when unknown.
pub fn event_type_text(event_type: &str) -> String {
    event_type_label(event_type).unwrap_or_else(|| event_type.to_owned())
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
    fn event_types_have_bulgarian_names() {
        assert_eq!(event_type_text("LoginFailed"), "Неуспешен вход");
        assert_eq!(event_type_text("AccountDisabled"), "Деактивиран профил");
        assert_eq!(event_type_text("SomethingNew"), "SomethingNew");
    }
}
