//! Every event type Antikor records, grouped by the aggregate whose stream holds it.
//!
//! One `event_sets!` list is the only place an event type is declared: it yields each
//! aggregate's enum, the payloads' names and schema versions ([`DomainEvent`]), decoding, the
//! list of all types ([`EventType`]), whether a type belongs to the confidential register and
//! each type's sentence for people ([`EventType::describe`], from its [`Summary`]).
//! A new event type is one line here (and its payload struct); code that must treat every type
//! (the frontend's Bulgarian names, say) matches on [`EventType`] and stops compiling until it
//! does.

use crate::account::{
    AccountCreated, AccountDisabled, AccountEnabled, LoggedOut, LoginFailed, LoginSucceeded,
    PasswordChanged, RoleGranted,
};
use crate::activity::{
    ActContested, ActivityCorrected, ActivityFilesAttached, ContestedActFollowedUp,
    DeclarationsChecked, ExpertContactsUpdated, MediaActivityCarriedOut, MeetingHeld, TrainingHeld,
};
use crate::event::DomainEvent;
use crate::notifications::{NotificationSent, NotificationsChosen};
use crate::plan::{MeasureAdded, MeasureUpdated, MeasureWithdrawn, PlanAdopted};
use crate::progress::ProgressReported;
use crate::risk::{
    RiskAssessed, RiskClosed, RiskFilesAttached, RiskIdentified, RiskReviewed, RiskTreatmentPlanned,
};
use crate::signal::{
    IntakeListsSet, InternalChannelRecorded, SignalAcknowledged, SignalAssigned, SignalClassified,
    SignalClosed, SignalFeedbackGiven, SignalFiled, SignalFollowedUp, SignalForwarded,
    SignalIdentityViewed, SignalKeyDestroyed, SignalLinked, SignalMessageSent,
    SignalReporterReplied, SignalRisksLinked, VaultKeyRotated,
};
use crate::summary::{Context, Described, Summary};
use crate::survey::{QuestionnairePublished, SurveyAnswered, SurveyCodesIssued, SurveyOpened};
use crate::tenant::TenantRegistered;
use crate::tlog::LogKeyAdopted;

/// The events of one aggregate's stream, as one enum (see `event_sets!`).
pub trait EventSet: Sized + Clone + std::fmt::Debug + Send + Sync + 'static {
    /// Whether the set's events belong to the confidential register: sealed in the log and
    /// shown, even as counts, only to the register's officers and to auditors.
    const CONFIDENTIAL: bool;
    /// The set's event types.
    const TYPES: &'static [EventType];

    /// This event's type.
    fn event_type(&self) -> EventType;

    /// The payload as stored: compact JSON.
    fn to_json(&self) -> String;

    /// The event from a payload of `event_type` at its current schema version; `None` when
    /// the type is not one of this set's.
    fn from_json(event_type: EventType, payload: &str) -> Option<Result<Self, serde_json::Error>>;
}

/// `true` for a set marked `confidential`, `false` for one marked `public`.
macro_rules! confidential {
    (confidential) => {
        true
    };
    (public) => {
        false
    };
}

/// Declares the aggregates' event enums and everything derived from the list of their types.
/// Each line is `Variant(Payload) = schema version`; the stored name is the payload's.
macro_rules! event_sets {
    ($(
        $(#[$set_doc:meta])*
        $Set:ident ($privacy:ident) {
            $( $(#[$doc:meta])* $Variant:ident($Payload:ident) = $version:literal ),+ $(,)?
        }
    )+) => {
        $(
            $(#[$set_doc])*
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub enum $Set {
                $( $(#[$doc])* $Variant($Payload), )+
            }

            $(
                impl DomainEvent for $Payload {
                    const EVENT_TYPE: &'static str = stringify!($Payload);
                    const SCHEMA_VERSION: u32 = $version;
                }

                impl From<$Payload> for $Set {
                    fn from(event: $Payload) -> Self {
                        Self::$Variant(event)
                    }
                }
            )+

            impl EventSet for $Set {
                const CONFIDENTIAL: bool = confidential!($privacy);
                const TYPES: &'static [EventType] = &[$(EventType::$Payload),+];

                fn event_type(&self) -> EventType {
                    match self {
                        $(Self::$Variant(_) => EventType::$Payload,)+
                    }
                }

                fn to_json(&self) -> String {
                    match self {
                        $(Self::$Variant(e) => serde_json::to_string(e),)+
                    }
                    .expect("events serialize to JSON")
                }

                fn from_json(
                    event_type: EventType,
                    payload: &str,
                ) -> Option<Result<Self, serde_json::Error>> {
                    match event_type {
                        $(EventType::$Payload => {
                            Some(serde_json::from_str(payload).map(Self::$Variant))
                        })+
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }
        )+

        /// Every event type Antikor records, by its stored name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventType {
            $($(
                #[doc = concat!("See [`", stringify!($Payload), "`].")]
                $Payload,
            )+)+
        }

        /// Any event Antikor records, decoded into the event enum of its set: what the read
        /// models fold, decoded once per event (on a replay's worker threads, not by each model).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum AnyEvent {
            $(
                #[doc = concat!("See [`", stringify!($Set), "`].")]
                $Set($Set),
            )+
        }

        impl AnyEvent {
            /// The event from a payload of `event_type` at its current schema version.
            pub fn from_json(
                event_type: EventType,
                payload: &str,
            ) -> Result<Self, serde_json::Error> {
                match event_type {
                    $($(EventType::$Payload => {
                        serde_json::from_str(payload).map(|e| Self::$Set($Set::$Variant(e)))
                    })+)+
                }
            }
        }

        impl EventType {
            /// Every type, grouped by aggregate.
            pub const ALL: &'static [EventType] = &[$($(Self::$Payload,)+)+];

            /// The name stored with every event of the type, e.g. `TenantRegistered`.
            pub const fn name(self) -> &'static str {
                match self {
                    $($(Self::$Payload => stringify!($Payload),)+)+
                }
            }

            /// A stored name as a header holds it: a recorded type's static name, any other
            /// copied.
            pub fn name_of(name: &str) -> std::borrow::Cow<'static, str> {
                match Self::parse(name) {
                    Some(t) => std::borrow::Cow::Borrowed(t.name()),
                    None => std::borrow::Cow::Owned(name.to_owned()),
                }
            }

            /// The version of the payload's shape that Antikor writes now.
            pub const fn schema_version(self) -> u32 {
                match self {
                    $($(Self::$Payload => $version,)+)+
                }
            }

            /// Whether the type belongs to the confidential register.
            pub const fn is_confidential(self) -> bool {
                match self {
                    $($(Self::$Payload => confidential!($privacy),)+)+
                }
            }

            /// The type of a stored name; `None` for a name Antikor does not record.
            pub fn parse(name: &str) -> Option<Self> {
                match name {
                    $($(stringify!($Payload) => Some(Self::$Payload),)+)+
                    _ => None,
                }
            }

            /// What an event of this type recorded, in a sentence (see [`Summary`]), and its
            /// record's name, from its payload at the current schema version. The payload's
            /// own name for its record wins; `record` is asked otherwise. `previous` gives the
            /// payload of the stream's previous event, and is asked only by the types whose
            /// sentence tells a change; one that is not of this type is ignored. Both texts
            /// are in `lang`.
            pub fn describe(
                self,
                lang: crate::i18n::Lang,
                payload: &str,
                tenant: &str,
                record: impl FnOnce() -> String,
                previous: impl FnOnce() -> Option<String>,
            ) -> Result<Described, serde_json::Error> {
                match self {
                    $($(Self::$Payload => {
                        let event: $Payload = serde_json::from_str(payload)?;
                        let record = event.names_record(lang).unwrap_or_else(record);
                        let previous = if <$Payload as Summary>::READS_PREVIOUS {
                            previous().and_then(|p| serde_json::from_str::<$Payload>(&p).ok())
                        } else {
                            None
                        };
                        let context = Context { lang, tenant, record: &record };
                        let summary = event.summary(&context, previous.as_ref());
                        Ok(Described { summary, record })
                    })+)+
                }
            }
        }
    };
}

event_sets! {
    /// The events of the `tenant` stream: who uses Antikor.
    TenantEvent (public) {
        /// A tenant joined.
        Registered(TenantRegistered) = 2,
    }

    /// The events of an account's stream.
    AccountEvent (public) {
        /// Opened.
        Created(AccountCreated) = 1,
        /// Its role replaced.
        RoleGranted(RoleGranted) = 1,
        /// Stopped from logging in.
        Disabled(AccountDisabled) = 1,
        /// Let in again.
        Enabled(AccountEnabled) = 1,
        /// Its password replaced.
        PasswordChanged(PasswordChanged) = 1,
    }

    /// The events of a user's `notifications-{username}` stream: e-mail chosen and sent.
    NotificationEvent (public) {
        /// How the user is told, and where.
        Chosen(NotificationsChosen) = 1,
        /// A message went out.
        Sent(NotificationSent) = 1,
    }

    /// The events of a tenant's `security` stream: logins and logouts.
    SecurityEvent (public) {
        /// A login.
        LoginSucceeded(LoginSucceeded) = 1,
        /// A refused login.
        LoginFailed(LoginFailed) = 1,
        /// A logout.
        LoggedOut(LoggedOut) = 1,
    }

    /// The events of a year's plan.
    PlanEvent (public) {
        /// The plan adopted.
        Adopted(PlanAdopted) = 1,
        /// A measure added.
        Added(MeasureAdded) = 1,
        /// A measure changed.
        Updated(MeasureUpdated) = 1,
        /// A measure withdrawn.
        Withdrawn(MeasureWithdrawn) = 1,
    }

    /// The events of a tenant's progress on one measure.
    ProgressEvent (public) {
        /// Progress reported.
        Reported(ProgressReported) = 1,
    }

    /// The events of one recorded activity.
    ActivityEvent (public) {
        /// A council meeting or public meeting.
        MeetingHeld(MeetingHeld) = 1,
        /// A training.
        TrainingHeld(TrainingHeld) = 1,
        /// Media work.
        MediaActivityCarriedOut(MediaActivityCarriedOut) = 1,
        /// A check of declarations.
        DeclarationsChecked(DeclarationsChecked) = 1,
        /// An act contested.
        ActContested(ActContested) = 1,
        /// The record corrected.
        Corrected(ActivityCorrected) = 1,
        /// What became of a contested act.
        FollowedUp(ContestedActFollowedUp) = 1,
        /// Documents attached.
        FilesAttached(ActivityFilesAttached) = 1,
    }

    /// The events of one risk of a tenant's corruption-risk register (`risk-{id}`).
    RiskEvent (public) {
        /// Entered in the register.
        Identified(RiskIdentified) = 1,
        /// Rated.
        Assessed(RiskAssessed) = 1,
        /// A response planned.
        TreatmentPlanned(RiskTreatmentPlanned) = 1,
        /// Reviewed.
        Reviewed(RiskReviewed) = 1,
        /// Taken out of the register.
        Closed(RiskClosed) = 1,
        /// Documents attached.
        FilesAttached(RiskFilesAttached) = 1,
    }

    /// The events of a year's staff-survey questionnaire (the regional administration's
    /// `questionnaire-{year}` stream).
    QuestionnaireEvent (public) {
        /// A version published.
        Published(QuestionnairePublished) = 1,
    }

    /// The events of a tenant's staff survey of a year (`survey-{year}`).
    SurveyEvent (public) {
        /// Opened for the staff.
        Opened(SurveyOpened) = 1,
        /// Access codes handed out.
        CodesIssued(SurveyCodesIssued) = 1,
    }

    /// The answers to a tenant's staff survey of a year (`survey-{year}-answers`): without
    /// identity, and confidential, since free texts are for the tenant's officers only.
    SurveyAnswerEvent (confidential) {
        /// One person's answers.
        Answered(SurveyAnswered) = 1,
    }

    /// The events of a tenant's `contacts` stream.
    ContactsEvent (public) {
        /// The experts' contacts replaced.
        Updated(ExpertContactsUpdated) = 1,
    }

    /// The events of one signal's stream: the confidential register.
    SignalEvent (confidential) {
        /// Filed.
        Filed(SignalFiled) = 2,
        /// Acknowledged.
        Acknowledged(SignalAcknowledged) = 1,
        /// Assigned.
        Assigned(SignalAssigned) = 1,
        /// Classified.
        Classified(SignalClassified) = 1,
        /// Forwarded.
        Forwarded(SignalForwarded) = 1,
        /// Followed up.
        FollowedUp(SignalFollowedUp) = 1,
        /// Feedback given.
        FeedbackGiven(SignalFeedbackGiven) = 1,
        /// Message to the reporter.
        MessageSent(SignalMessageSent) = 1,
        /// The reporter's message.
        ReporterReplied(SignalReporterReplied) = 1,
        /// Closed.
        Closed(SignalClosed) = 1,
        /// Linked.
        Linked(SignalLinked) = 1,
        /// The risks it concerns.
        RisksLinked(SignalRisksLinked) = 1,
        /// Identity opened.
        IdentityViewed(SignalIdentityViewed) = 1,
        /// Key destroyed.
        KeyDestroyed(SignalKeyDestroyed) = 1,
    }

    /// The events of a tenant's `internal-channel` stream (the decision on its channel).
    ChannelEvent (public) {
        /// The decision recorded.
        Recorded(InternalChannelRecorded) = 1,
    }

    /// The events of a tenant's `intake-lists` stream (units and activities signals name).
    IntakeListsEvent (public) {
        /// The lists replaced.
        Set(IntakeListsSet) = 1,
    }

    /// The events of the `vault` stream.
    VaultEvent (public) {
        /// The vault's master key replaced.
        KeyRotated(VaultKeyRotated) = 1,
    }

    /// The events of the log's own stream.
    LogEvent (public) {
        /// A checkpoint signing key adopted.
        KeyAdopted(LogKeyAdopted) = 1,
    }
}

/// Whether events of a stored type belong to the confidential register (a name Antikor does
/// not record is not).
pub fn is_confidential(event_type: &str) -> bool {
    EventType::parse(event_type).is_some_and(EventType::is_confidential)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_parses_from_its_name_and_names_are_unique() {
        for &t in EventType::ALL {
            assert_eq!(EventType::parse(t.name()), Some(t));
        }
        let names: std::collections::BTreeSet<_> =
            EventType::ALL.iter().map(|t| t.name()).collect();
        assert_eq!(names.len(), EventType::ALL.len());
        assert_eq!(EventType::parse("NoteRecorded"), None);
    }

    #[test]
    fn a_header_holds_a_recorded_type_s_static_name_and_a_copy_of_any_other() {
        for &t in EventType::ALL {
            let held = EventType::name_of(t.name());
            assert!(matches!(held, std::borrow::Cow::Borrowed(n) if n == t.name()));
        }
        let other = EventType::name_of("NoteRecorded");
        assert!(matches!(other, std::borrow::Cow::Owned(n) if n == "NoteRecorded"));
    }

    #[test]
    fn the_signals_events_and_the_survey_s_answers_and_only_they_are_confidential() {
        for &t in EventType::ALL {
            assert_eq!(
                t.is_confidential(),
                SignalEvent::TYPES.contains(&t) || SurveyAnswerEvent::TYPES.contains(&t),
                "{}",
                t.name()
            );
        }
        assert!(is_confidential("SignalFiled"));
        assert!(!is_confidential("IntakeListsSet"));
        assert!(!is_confidential("SignalFromTheFuture"));
    }

    #[test]
    fn a_set_decodes_its_own_types_and_no_others() {
        let event = LogEvent::KeyAdopted(LogKeyAdopted {
            origin: "antikor.test".into(),
            verifier_key: "antikor.test+00000000+AAAA".into(),
            previous_key: None,
        });
        let json = event.to_json();
        let back = LogEvent::from_json(EventType::LogKeyAdopted, &json);
        assert_eq!(back.map(Result::ok), Some(Some(event)));
        assert!(TenantEvent::from_json(EventType::LogKeyAdopted, &json).is_none());
    }
}
