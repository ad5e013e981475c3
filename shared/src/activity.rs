//! Activities a tenant records against the plan's measures: meetings, trainings, media work,
//! declaration checks and contested acts, and the contact list of its anti-corruption experts.
//!
//! Each kind is an event of its own in the activity's `activity-{id}` stream. A mistake is
//! fixed by an `ActivityCorrected` event that carries the whole corrected record and a reason;
//! nothing is edited in place.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A regular session of the council.
    CouncilSession,
    /// An extended session open to citizens, NGOs and media.
    OpenSession,
    /// An "open doors" meeting.
    OpenDoors,
    /// A joint session with another body (e.g. the conflict-of-interest commission).
    JointSession,
}

impl MeetingKind {
    /// Every kind, as the UI lists them.
    pub const ALL: [MeetingKind; 4] = [
        MeetingKind::CouncilSession,
        MeetingKind::OpenSession,
        MeetingKind::OpenDoors,
        MeetingKind::JointSession,
    ];

    /// The kind's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::CouncilSession => crate::tr!(lang, "labels-meeting-kind-council-session"),
            Self::OpenSession => crate::tr!(lang, "labels-meeting-kind-open-session"),
            Self::OpenDoors => crate::tr!(lang, "labels-meeting-kind-open-doors"),
            Self::JointSession => crate::tr!(lang, "labels-meeting-kind-joint-session"),
        }
    }
}

/// `MeetingHeld` v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingHeld {
    /// When.
    pub date: NaiveDate,
    /// What kind of meeting (not `kind`: that names the activity's kind in [`Activity`]).
    pub meeting_kind: MeetingKind,
    /// A short title.
    pub title: String,
    /// How many took part.
    pub participants: u32,
    /// The organisations represented (institutions, NGOs, media).
    pub organisations: Vec<String>,
    /// The agenda.
    pub agenda: String,
    /// The decisions taken.
    pub decisions: String,
    /// The protocol's text.
    pub protocol: String,
    /// Whether protocol and decisions are published on the public pages.
    pub public: bool,
    /// The plan measures it serves (keys such as `II.1`).
    pub measures: Vec<String>,
}

/// `TrainingHeld` v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingHeld {
    /// When.
    pub date: NaiveDate,
    /// The topic.
    pub topic: String,
    /// How many took part.
    pub participants: u32,
    /// The plan measures it serves.
    pub measures: Vec<String>,
}

/// Media work: an appearance, or a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    /// An interview, statement or publication.
    Appearance,
    /// An information campaign.
    Campaign,
}

impl MediaKind {
    /// The kind's name in `lang`, as the form lists it (in Bulgarian also
    /// [`media_kind_label`](crate::activity_draft::media_kind_label)).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Appearance => crate::tr!(lang, "labels-media-kind-appearance"),
            Self::Campaign => crate::tr!(lang, "labels-media-kind-campaign"),
        }
    }
}

/// `MediaActivityCarriedOut` v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MediaActivityCarriedOut {
    /// When (the start, for a campaign).
    pub date: NaiveDate,
    /// Appearance or campaign (not `kind`: that names the activity's kind in [`Activity`]).
    pub media_kind: MediaKind,
    /// Where: the outlet or channel (e.g. Радио Благоевград).
    pub channel: String,
    /// What it was about.
    pub summary: String,
    /// The plan measures it serves.
    pub measures: Vec<String>,
}

/// `DeclarationsChecked` v1: a check of conflict-of-interest and asset declarations. Only
/// counts and outcomes; never a declaration's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclarationsChecked {
    /// First day of the period checked.
    pub period_from: NaiveDate,
    /// Last day of the period checked.
    pub period_to: NaiveDate,
    /// Who checked.
    pub checking_body: String,
    /// How many declarations were checked.
    pub declarations_checked: u32,
    /// How many irregularities were found.
    pub irregularities_found: u32,
    /// How many cases were referred to a competent body.
    pub referrals: u32,
    /// The plan measures it serves.
    pub measures: Vec<String>,
}

/// Which act was contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActKind {
    /// A decision of a municipal council.
    CouncilDecision,
    /// An order of a mayor.
    MayorOrder,
}

impl ActKind {
    /// The kind's name in `lang`, as the form lists it (in Bulgarian also
    /// [`act_kind_label`](crate::activity_draft::act_kind_label)).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::CouncilDecision => crate::tr!(lang, "labels-act-kind-council-decision"),
            Self::MayorOrder => crate::tr!(lang, "labels-act-kind-mayor-order"),
        }
    }
}

/// What the regional governor did with the act (Local Self-Government Act art. 45(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActAction {
    /// Returned for a new discussion (allowed within 7 days of receipt).
    Returned,
    /// Taken to the administrative court.
    ContestedInCourt,
}

impl ActAction {
    /// What the governor did, in `lang`, as the form lists it (in Bulgarian also
    /// [`act_action_label`](crate::activity_draft::act_action_label)).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Returned => crate::tr!(lang, "labels-act-action-returned"),
            Self::ContestedInCourt => crate::tr!(lang, "labels-act-action-contested-in-court"),
        }
    }
}

/// `ActContested` v1: a council decision or mayor's order returned or taken to court.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActContested {
    /// Decision or order.
    pub act_kind: ActKind,
    /// Its number.
    pub act_number: String,
    /// Its date.
    pub act_date: NaiveDate,
    /// Which municipality adopted it (its tenant slug).
    pub municipality: String,
    /// When it reached the regional administration.
    pub received_on: NaiveDate,
    /// Returned or taken to court.
    pub action: ActAction,
    /// When that was done.
    pub action_on: NaiveDate,
    /// The grounds.
    pub grounds: String,
    /// What the council did when it discussed it again, if it did.
    pub council_revote: Option<String>,
    /// The court case's number, if any.
    pub court_case: Option<String>,
    /// The court's outcome, once known.
    pub court_outcome: Option<String>,
    /// When it was published on the regional administration's site.
    pub published_on: Option<NaiveDate>,
    /// The plan measures it serves.
    pub measures: Vec<String>,
}

/// Any activity's record, as a correction carries it. In JSON, `kind` says which it is
/// (`meeting`, `training`, `media`, `declaration_check`, `contested_act`) next to its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Activity {
    /// See [`MeetingHeld`].
    Meeting(MeetingHeld),
    /// See [`TrainingHeld`].
    Training(TrainingHeld),
    /// See [`MediaActivityCarriedOut`].
    Media(MediaActivityCarriedOut),
    /// See [`DeclarationsChecked`].
    DeclarationCheck(DeclarationsChecked),
    /// See [`ActContested`].
    ContestedAct(ActContested),
}

/// The kinds of activity, for counting and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// Meetings.
    Meeting,
    /// Trainings.
    Training,
    /// Media work.
    Media,
    /// Declaration checks.
    DeclarationCheck,
    /// Contested acts.
    ContestedAct,
}

impl ActivityKind {
    /// Every kind.
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Meeting,
        ActivityKind::Training,
        ActivityKind::Media,
        ActivityKind::DeclarationCheck,
        ActivityKind::ContestedAct,
    ];

    /// The kind's name in `lang` (plural, for tables).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Meeting => crate::tr!(lang, "labels-activity-kind-meeting"),
            Self::Training => crate::tr!(lang, "labels-activity-kind-training"),
            Self::Media => crate::tr!(lang, "labels-activity-kind-media"),
            Self::DeclarationCheck => crate::tr!(lang, "labels-activity-kind-declaration-check"),
            Self::ContestedAct => crate::tr!(lang, "labels-activity-kind-contested-act"),
        }
    }

    /// One record's kind in `lang`, in the singular, for a form's title and a table cell (in
    /// Bulgarian also [`kind_singular`](crate::activity_draft::kind_singular)).
    pub fn label_singular(self, lang: Lang) -> String {
        match self {
            Self::Meeting => crate::tr!(lang, "labels-activity-kind-meeting-one"),
            Self::Training => crate::tr!(lang, "labels-activity-kind-training-one"),
            Self::Media => crate::tr!(lang, "labels-activity-kind-media-one"),
            Self::DeclarationCheck => {
                crate::tr!(lang, "labels-activity-kind-declaration-check-one")
            }
            Self::ContestedAct => crate::tr!(lang, "labels-activity-kind-contested-act-one"),
        }
    }
}

impl Activity {
    /// Which kind it is.
    pub fn kind(&self) -> ActivityKind {
        match self {
            Self::Meeting(_) => ActivityKind::Meeting,
            Self::Training(_) => ActivityKind::Training,
            Self::Media(_) => ActivityKind::Media,
            Self::DeclarationCheck(_) => ActivityKind::DeclarationCheck,
            Self::ContestedAct(_) => ActivityKind::ContestedAct,
        }
    }

    /// The day it happened (a check's last day; an act's action).
    pub fn date(&self) -> NaiveDate {
        match self {
            Self::Meeting(m) => m.date,
            Self::Training(t) => t.date,
            Self::Media(m) => m.date,
            Self::DeclarationCheck(d) => d.period_to,
            Self::ContestedAct(a) => a.action_on,
        }
    }

    /// The plan measures it serves.
    pub fn measures(&self) -> &[String] {
        match self {
            Self::Meeting(m) => &m.measures,
            Self::Training(t) => &t.measures,
            Self::Media(m) => &m.measures,
            Self::DeclarationCheck(d) => &d.measures,
            Self::ContestedAct(a) => &a.measures,
        }
    }
}

/// `ActivityCorrected` v1: the whole corrected record of an activity, replacing the previous
/// one in every view, and why. The kind cannot change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityCorrected {
    /// The record as it should have been.
    pub activity: Activity,
    /// Why it was corrected.
    pub reason: String,
}

/// One expert responsible for anti-corruption work in a tenant (measure II.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertContact {
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
    /// Work phone.
    pub phone: String,
    /// Work e-mail.
    pub email: String,
}

/// `ExpertContactsUpdated` v1: the tenant's whole contact list, replacing the previous one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertContactsUpdated {
    /// The experts.
    pub contacts: Vec<ExpertContact>,
}

/// `ActivityFilesAttached` v1: documents attached to an activity (a meeting's protocol, a
/// training's list of participants).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityFilesAttached {
    /// The files, stored beforehand.
    pub files: Vec<crate::files::FileRef>,
}

/// `ContestedActFollowedUp` v1: what happened to a contested act later — the council's new
/// vote, the court case and its outcome, its publication. Fields left `None` keep their value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContestedActFollowedUp {
    /// What the council did when it discussed the act again.
    pub council_revote: Option<String>,
    /// The court case's number.
    pub court_case: Option<String>,
    /// The court's outcome.
    pub court_outcome: Option<String>,
    /// When the act was published on the regional administration's site.
    pub published_on: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_labels_tell_values_apart_in_both_languages() {
        use crate::activity_draft::{ACT_ACTIONS, ACT_KINDS, MEDIA_KINDS};
        crate::i18n::assert_distinct_labels(MeetingKind::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(ActivityKind::ALL, ActivityKind::label_singular);
        crate::i18n::assert_distinct_labels(MEDIA_KINDS, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(ACT_KINDS, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(ACT_ACTIONS, |value, lang| value.label(lang));
    }

    #[test]
    fn an_activity_round_trips_through_json_with_its_kind() {
        let meeting = Activity::Meeting(MeetingHeld {
            date: NaiveDate::from_ymd_opt(2017, 5, 12).unwrap(),
            meeting_kind: MeetingKind::OpenDoors,
            title: "Отворени врати".into(),
            participants: 40,
            organisations: vec![],
            agenda: "Прозрачност".into(),
            decisions: String::new(),
            protocol: String::new(),
            public: true,
            measures: vec!["II.2".into()],
        });
        let json = serde_json::to_value(&meeting).unwrap();
        assert_eq!(json["kind"], "meeting");
        assert_eq!(json["meeting_kind"], "open_doors");
        assert_eq!(serde_json::from_value::<Activity>(json).unwrap(), meeting);
    }
}
