//! Every stream's name in one place: where each aggregate's events are appended, and how a
//! read model tells which stream an event came from.
//!
//! A stream's name is part of the stored history (auditors' tools and old bundles read it), so
//! a name here never changes once events have been recorded under it.

use crate::i18n::Lang;
use crate::{StreamId, Username};
use uuid::Uuid;

/// What every signal's stream name starts with; the rest is the signal's id.
const SIGNAL_PREFIX: &str = "signal-";
/// What every activity's stream name starts with; the rest is the activity's id.
const ACTIVITY_PREFIX: &str = "activity-";
/// What every risk's stream name starts with; the rest is the risk's id.
const RISK_PREFIX: &str = "risk-";

/// A stream whose name is written here, so known to be valid.
fn named(name: impl Into<String>) -> StreamId {
    StreamId::parse(name.into()).expect("the names made here are valid stream ids")
}

/// A tenant's registration.
pub fn tenant() -> StreamId {
    named("tenant")
}

/// One account's life: created, roles, passwords, disabled (in its tenant's log).
pub fn account(username: &Username) -> StreamId {
    named(format!("account-{username}"))
}

/// One user's e-mail about what waits: what they chose, what was sent (in their tenant's log).
pub fn notifications(username: &Username) -> StreamId {
    named(format!("notifications-{username}"))
}

/// A tenant's security log: logins, refused logins, logouts.
pub fn security() -> StreamId {
    named("security")
}

/// A year's plan, in the regional administration's log.
pub fn plan(year: i32) -> StreamId {
    named(format!("plan-{year}"))
}

/// A tenant's progress on one measure of a year's plan. `None` when `key` (which comes from a
/// request) cannot be part of a stream name, so names no measure.
pub fn progress(year: i32, key: &str) -> Option<StreamId> {
    StreamId::parse(format!("progress-{year}-{key}")).ok()
}

/// One recorded activity (a meeting, a training, a check...).
pub fn activity(id: Uuid) -> StreamId {
    named(format!("{ACTIVITY_PREFIX}{id}"))
}

/// The activity a stream belongs to, when it is an activity's.
pub fn activity_id(stream: &StreamId) -> Option<Uuid> {
    id_after(stream, ACTIVITY_PREFIX)
}

/// One risk of a tenant's corruption-risk register.
pub fn risk(id: Uuid) -> StreamId {
    named(format!("{RISK_PREFIX}{id}"))
}

/// The risk a stream belongs to, when it is a risk's.
pub fn risk_id(stream: &StreamId) -> Option<Uuid> {
    id_after(stream, RISK_PREFIX)
}

/// A year's staff-survey questionnaire, in the regional administration's log.
pub fn questionnaire(year: i32) -> StreamId {
    named(format!("questionnaire-{year}"))
}

/// A tenant's staff survey of a year: its opening and the codes handed out.
pub fn survey(year: i32) -> StreamId {
    named(format!("survey-{year}"))
}

/// The answers to a tenant's staff survey of a year.
pub fn survey_answers(year: i32) -> StreamId {
    named(format!("survey-{year}-answers"))
}

/// A tenant's published contacts for the public.
pub fn contacts() -> StreamId {
    named("contacts")
}

/// One signal's case, in its tenant's confidential register.
pub fn signal(id: Uuid) -> StreamId {
    named(format!("{SIGNAL_PREFIX}{id}"))
}

/// The signal a stream belongs to, when it is a signal's.
pub fn signal_id(stream: &StreamId) -> Option<Uuid> {
    id_after(stream, SIGNAL_PREFIX)
}

/// A tenant's decision on running an internal channel for signals.
pub fn internal_channel() -> StreamId {
    named("internal-channel")
}

/// A tenant's lists of units and activities a signal can concern.
pub fn intake_lists() -> StreamId {
    named("intake-lists")
}

/// The vault's own history (master key rotations).
pub fn vault() -> StreamId {
    named("vault")
}

/// The log's signing keys (adopted for checkpoints).
pub fn log_key() -> StreamId {
    named(crate::tlog::LOG_KEY_STREAM)
}

/// What kind of record a stream holds, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A tenant's registration.
    Tenant,
    /// An account.
    Account,
    /// A year's plan (its measures).
    Plan,
    /// A tenant's progress on one measure.
    Progress,
    /// An activity.
    Activity,
    /// A risk of the corruption-risk register.
    Risk,
    /// A signal.
    Signal,
    /// The experts' contacts.
    Contacts,
    /// The decision on an internal channel.
    Channel,
    /// The intake lists.
    Lists,
    /// A log of happenings rather than a record (logins, key rotations, the log's keys).
    Journal,
}

/// The kind of record `stream` holds.
pub fn record_kind(stream: &StreamId) -> RecordKind {
    let name = stream.as_str();
    if signal_id(stream).is_some() {
        RecordKind::Signal
    } else if activity_id(stream).is_some() {
        RecordKind::Activity
    } else if risk_id(stream).is_some() {
        RecordKind::Risk
    } else if name.starts_with("account-") {
        RecordKind::Account
    } else if name.starts_with("plan-") {
        RecordKind::Plan
    } else if name.starts_with("progress-") {
        RecordKind::Progress
    } else {
        match name {
            "tenant" => RecordKind::Tenant,
            "contacts" => RecordKind::Contacts,
            "internal-channel" => RecordKind::Channel,
            "intake-lists" => RecordKind::Lists,
            _ => RecordKind::Journal,
        }
    }
}

/// A stream's record as people reading `lang` name it: [`record_name`] in their language.
pub fn record_name(stream: &StreamId, lang: Lang) -> Option<String> {
    let name = stream.as_str();
    if let Some(username) = name.strip_prefix("account-") {
        return Some(crate::tr!(
            lang,
            "labels-record-account",
            username = username
        ));
    }
    if let Some(year) = name.strip_prefix("plan-") {
        return Some(crate::tr!(lang, "labels-record-plan", year = year));
    }
    if let Some(year) = name.strip_prefix("questionnaire-") {
        return Some(crate::tr!(lang, "labels-record-staff-survey", year = year));
    }
    if let Some(rest) = name.strip_prefix("survey-") {
        return Some(match rest.strip_suffix("-answers") {
            Some(year) => crate::tr!(lang, "labels-record-survey-answers", year = year),
            None => crate::tr!(lang, "labels-record-staff-survey", year = rest),
        });
    }
    if let Some((year, key)) = name
        .strip_prefix("progress-")
        .and_then(|r| r.split_once('-'))
    {
        return Some(crate::tr!(
            lang,
            "labels-record-progress",
            key = key,
            year = year
        ));
    }
    Some(match name {
        "tenant" => crate::tr!(lang, "labels-record-tenant"),
        "security" => crate::tr!(lang, "labels-record-security"),
        "contacts" => crate::tr!(lang, "labels-record-contacts"),
        "internal-channel" => crate::tr!(lang, "labels-record-internal-channel"),
        "intake-lists" => crate::tr!(lang, "labels-record-intake-lists"),
        "vault" => crate::tr!(lang, "labels-record-vault"),
        crate::tlog::LOG_KEY_STREAM => crate::tr!(lang, "labels-record-log-keys"),
        _ => return None,
    })
}

fn id_after(stream: &StreamId, prefix: &str) -> Option<Uuid> {
    Uuid::parse_str(stream.as_str().strip_prefix(prefix)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_names_in_bulgarian_are_the_old_ones() {
        let user = Username::parse("petrich.ivanova").unwrap();
        for stream in [
            account(&user),
            plan(2017),
            questionnaire(2026),
            survey(2026),
            survey_answers(2026),
            progress(2017, "III.2").unwrap(),
            tenant(),
            security(),
            contacts(),
            internal_channel(),
            intake_lists(),
            vault(),
            log_key(),
            activity(Uuid::from_u128(1)),
            signal(Uuid::from_u128(2)),
            named("no-such-record"),
        ] {
            let (bg, en) = (
                record_name(&stream, Lang::Bg),
                record_name(&stream, Lang::En),
            );
            assert_eq!(bg.is_some(), en.is_some(), "{stream}");
        }
        assert_eq!(
            record_name(&progress(2017, "III.2").unwrap(), Lang::En).as_deref(),
            Some("Report on measure III.2 (2017)")
        );
    }

    #[test]
    fn ids_come_back_from_their_streams_and_not_from_others() {
        let id = Uuid::from_u128(0x0123_4567_89ab_cdef);
        assert_eq!(signal_id(&signal(id)), Some(id));
        assert_eq!(activity_id(&activity(id)), Some(id));
        assert_eq!(signal_id(&activity(id)), None);
        assert_eq!(activity_id(&named("activity-not-a-uuid")), None);
    }

    #[test]
    fn the_streams_made_here_have_names_for_people() {
        let user = Username::parse("petrich.ivanova").unwrap();
        assert_eq!(
            record_name(&account(&user), Lang::Bg).as_deref(),
            Some("Профил petrich.ivanova")
        );
        assert_eq!(
            record_name(&progress(2017, "III.2").unwrap(), Lang::Bg).as_deref(),
            Some("Отчет по мярка III.2 (2017)")
        );
        assert_eq!(
            record_name(&plan(2017), Lang::Bg).as_deref(),
            Some("План за 2017")
        );
        for stream in [
            tenant(),
            security(),
            contacts(),
            internal_channel(),
            intake_lists(),
            vault(),
            log_key(),
        ] {
            assert!(record_name(&stream, Lang::Bg).is_some(), "{stream}");
        }
        // Named from their records, not from the stream.
        assert_eq!(record_name(&activity(Uuid::from_u128(1)), Lang::Bg), None);
        assert_eq!(record_name(&signal(Uuid::from_u128(2)), Lang::Bg), None);
    }

    #[test]
    fn a_measure_key_that_cannot_name_a_stream_names_no_progress() {
        assert_eq!(
            progress(2017, "II.3").unwrap().as_str(),
            "progress-2017-II.3"
        );
        assert_eq!(progress(2017, "a b/c"), None);
    }
}
