//! The fields of an activity's form: their ids, labels and input types, and which kinds use them.

use crate::activity::ActivityKind;
use crate::i18n::Lang;

/// A field of the form; each kind uses some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The day (meetings, trainings, media).
    Date,
    /// Meeting kind (a code).
    MeetingKind,
    /// Meeting title.
    Title,
    /// How many took part.
    Participants,
    /// Organisations, one per line.
    Organisations,
    /// Agenda.
    Agenda,
    /// Decisions.
    Decisions,
    /// Protocol.
    Protocol,
    /// Training topic.
    Topic,
    /// Media kind (a code).
    MediaKind,
    /// Outlet or channel.
    Channel,
    /// What the media work was about.
    Summary,
    /// First day checked.
    PeriodFrom,
    /// Last day checked.
    PeriodTo,
    /// Who checked.
    CheckingBody,
    /// Declarations checked.
    DeclarationsChecked,
    /// Irregularities found.
    IrregularitiesFound,
    /// Referrals.
    Referrals,
    /// Act kind (a code).
    ActKind,
    /// Act number.
    ActNumber,
    /// Act date.
    ActDate,
    /// The municipality's slug.
    Municipality,
    /// Received on.
    ReceivedOn,
    /// Action (a code).
    Action,
    /// Action on.
    ActionOn,
    /// Grounds.
    Grounds,
    /// The council's new vote.
    CouncilRevote,
    /// Court case number.
    CourtCase,
    /// Court outcome.
    CourtOutcome,
    /// Published on.
    PublishedOn,
}

impl Field {
    /// The field's code, used in element ids (`activity-title`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::MeetingKind => "meeting-kind",
            Self::Title => "title",
            Self::Participants => "participants",
            Self::Organisations => "organisations",
            Self::Agenda => "agenda",
            Self::Decisions => "decisions",
            Self::Protocol => "protocol",
            Self::Topic => "topic",
            Self::MediaKind => "media-kind",
            Self::Channel => "channel",
            Self::Summary => "summary",
            Self::PeriodFrom => "period-from",
            Self::PeriodTo => "period-to",
            Self::CheckingBody => "checking-body",
            Self::DeclarationsChecked => "declarations-checked",
            Self::IrregularitiesFound => "irregularities-found",
            Self::Referrals => "referrals",
            Self::ActKind => "act-kind",
            Self::ActNumber => "act-number",
            Self::ActDate => "act-date",
            Self::Municipality => "municipality",
            Self::ReceivedOn => "received-on",
            Self::Action => "action",
            Self::ActionOn => "action-on",
            Self::Grounds => "grounds",
            Self::CouncilRevote => "council-revote",
            Self::CourtCase => "court-case",
            Self::CourtOutcome => "court-outcome",
            Self::PublishedOn => "published-on",
        }
    }

    /// The field's label in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Date => crate::tr!(lang, "labels-field-date"),
            Self::MeetingKind => crate::tr!(lang, "labels-field-meeting-kind"),
            Self::Title => crate::tr!(lang, "labels-field-title"),
            Self::Participants => crate::tr!(lang, "labels-field-participants"),
            Self::Organisations => crate::tr!(lang, "labels-field-organisations"),
            Self::Agenda => crate::tr!(lang, "labels-field-agenda"),
            Self::Decisions => crate::tr!(lang, "labels-field-decisions"),
            Self::Protocol => crate::tr!(lang, "labels-field-protocol"),
            Self::Topic => crate::tr!(lang, "labels-field-topic"),
            Self::MediaKind => crate::tr!(lang, "labels-field-media-kind"),
            Self::Channel => crate::tr!(lang, "labels-field-channel"),
            Self::Summary => crate::tr!(lang, "labels-field-summary"),
            Self::PeriodFrom => crate::tr!(lang, "labels-field-period-from"),
            Self::PeriodTo => crate::tr!(lang, "labels-field-period-to"),
            Self::CheckingBody => crate::tr!(lang, "labels-field-checking-body"),
            Self::DeclarationsChecked => crate::tr!(lang, "labels-field-declarations-checked"),
            Self::IrregularitiesFound => crate::tr!(lang, "labels-field-irregularities-found"),
            Self::Referrals => crate::tr!(lang, "labels-field-referrals"),
            Self::ActKind => crate::tr!(lang, "labels-field-act-kind"),
            Self::ActNumber => crate::tr!(lang, "labels-field-act-number"),
            Self::ActDate => crate::tr!(lang, "labels-field-act-date"),
            Self::Municipality => crate::tr!(lang, "labels-field-municipality"),
            Self::ReceivedOn => crate::tr!(lang, "labels-field-received-on"),
            Self::Action => crate::tr!(lang, "labels-field-action"),
            Self::ActionOn => crate::tr!(lang, "labels-field-action-on"),
            Self::Grounds => crate::tr!(lang, "labels-field-grounds"),
            Self::CouncilRevote => crate::tr!(lang, "labels-field-council-revote"),
            Self::CourtCase => crate::tr!(lang, "labels-field-court-case"),
            Self::CourtOutcome => crate::tr!(lang, "labels-field-court-outcome"),
            Self::PublishedOn => crate::tr!(lang, "labels-field-published-on"),
        }
    }

    /// How the field is typed: `date`, `number`, `textarea`, `select` or `text`.
    pub fn input(self) -> &'static str {
        match self {
            Self::Date
            | Self::PeriodFrom
            | Self::PeriodTo
            | Self::ActDate
            | Self::ReceivedOn
            | Self::ActionOn
            | Self::PublishedOn => "date",
            Self::Participants
            | Self::DeclarationsChecked
            | Self::IrregularitiesFound
            | Self::Referrals => "number",
            Self::Organisations
            | Self::Agenda
            | Self::Decisions
            | Self::Protocol
            | Self::Summary
            | Self::Grounds
            | Self::CouncilRevote
            | Self::CourtOutcome => "textarea",
            Self::MeetingKind
            | Self::MediaKind
            | Self::ActKind
            | Self::Action
            | Self::Municipality => "select",
            Self::Title
            | Self::Topic
            | Self::Channel
            | Self::CheckingBody
            | Self::ActNumber
            | Self::CourtCase => "text",
        }
    }

    /// Whether the form may leave it empty.
    pub fn optional(self) -> bool {
        matches!(
            self,
            Self::Organisations
                | Self::Decisions
                | Self::Protocol
                | Self::CouncilRevote
                | Self::CourtCase
                | Self::CourtOutcome
                | Self::PublishedOn
        )
    }
}

/// The fields of a kind's form, in order (the "public" box and the measures come after them).
pub fn fields_of(kind: ActivityKind) -> &'static [Field] {
    use Field::*;
    match kind {
        ActivityKind::Meeting => &[
            Date,
            MeetingKind,
            Title,
            Participants,
            Organisations,
            Agenda,
            Decisions,
            Protocol,
        ],
        ActivityKind::Training => &[Date, Topic, Participants],
        ActivityKind::Media => &[Date, MediaKind, Channel, Summary],
        ActivityKind::DeclarationCheck => &[
            PeriodFrom,
            PeriodTo,
            CheckingBody,
            DeclarationsChecked,
            IrregularitiesFound,
            Referrals,
        ],
        ActivityKind::ContestedAct => &[
            ActKind,
            ActNumber,
            ActDate,
            Municipality,
            ReceivedOn,
            Action,
            ActionOn,
            Grounds,
            CouncilRevote,
            CourtCase,
            CourtOutcome,
            PublishedOn,
        ],
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn field_labels_tell_values_apart_in_both_languages() {
        // Every field is on some kind's form; a form's fields are told apart by their labels.
        for kind in ActivityKind::ALL {
            crate::i18n::assert_distinct_labels(fields_of(kind).iter().copied(), Field::label);
        }
    }
}
