//! The register of corruption signals: its events, the requests that file and handle a signal,
//! and what the register, the reporter and the statistics show.
//!
//! Every event of a signal is in its tenant's `signal-{id}` stream. Whatever could name a
//! person (the reporter, their contact, the person concerned, the account of what happened,
//! messages, notes) is stored only as [`Sealed`] ciphertext under a key of that signal, kept
//! outside the log; the clear fields are what the statutory clocks and the statistics need.

mod api;
mod events;
mod views;

pub use api::*;
pub use events::*;
pub use views::*;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Ciphertext of one personal field, sealed with its signal's key (XChaCha20-Poly1305; the
/// text is the base64 of nonce and ciphertext). The field name marks it in any JSON, so that
/// the audit trail can show a hash in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sealed {
    /// Base64 of the 24-byte nonce followed by the ciphertext and its tag.
    pub sealed_v1: String,
}

/// The JSON key that marks a sealed field.
pub use crate::tlog::SEALED_KEY;

/// How a signal reached the institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Antikor's public form.
    WebForm,
    /// E-mail.
    Email,
    /// Telephone (oral: written down by the officer, confirmed by the reporter).
    Phone,
    /// Post.
    Post,
    /// In person (oral, like the telephone).
    InPerson,
}

impl Channel {
    /// The channels an officer records by hand.
    pub const OFFICER: [Channel; 4] = [
        Channel::Email,
        Channel::Phone,
        Channel::Post,
        Channel::InPerson,
    ];

    /// Whether the signal was given orally, so the officer's record must be confirmed.
    pub fn is_oral(self) -> bool {
        matches!(self, Self::Phone | Self::InPerson)
    }

    /// The channel's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::WebForm => crate::tr!(lang, "labels-channel-web-form"),
            Self::Email => crate::tr!(lang, "labels-channel-email"),
            Self::Phone => crate::tr!(lang, "labels-channel-phone"),
            Self::Post => crate::tr!(lang, "labels-channel-post"),
            Self::InPerson => crate::tr!(lang, "labels-channel-in-person"),
        }
    }
}

/// What a signal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Asking for or taking a bribe.
    Bribery,
    /// A conflict of interest.
    ConflictOfInterest,
    /// Public procurement.
    PublicProcurement,
    /// Abuse of office.
    AbuseOfOffice,
    /// Public funds or property misused.
    MisuseOfFunds,
    /// Administrative services (permits, licences, local taxes).
    AdministrativeServices,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category, as the forms list them.
    pub const ALL: [Category; 7] = [
        Category::Bribery,
        Category::ConflictOfInterest,
        Category::PublicProcurement,
        Category::AbuseOfOffice,
        Category::MisuseOfFunds,
        Category::AdministrativeServices,
        Category::Other,
    ];

    /// The category's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Bribery => crate::tr!(lang, "labels-category-bribery"),
            Self::ConflictOfInterest => crate::tr!(lang, "labels-category-conflict-of-interest"),
            Self::PublicProcurement => crate::tr!(lang, "labels-category-public-procurement"),
            Self::AbuseOfOffice => crate::tr!(lang, "labels-category-abuse-of-office"),
            Self::MisuseOfFunds => crate::tr!(lang, "labels-category-misuse-of-funds"),
            Self::AdministrativeServices => {
                crate::tr!(lang, "labels-category-administrative-services")
            }
            Self::Other => crate::tr!(lang, "labels-category-other"),
        }
    }
}

/// Which law the signal is handled under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// The whistleblower law (ЗЗЛПСПОИН): 7-day acknowledgment, 3-month feedback, УИН.
    Whistleblower,
    /// A general corruption signal (administrative procedure).
    General,
    /// Outside the institution's competence: forwarded.
    OutsideCompetence,
}

impl Regime {
    /// Every regime.
    pub const ALL: [Regime; 3] = [
        Regime::Whistleblower,
        Regime::General,
        Regime::OutsideCompetence,
    ];

    /// The regime's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Whistleblower => crate::tr!(lang, "labels-regime-whistleblower"),
            Self::General => crate::tr!(lang, "labels-regime-general"),
            Self::OutsideCompetence => crate::tr!(lang, "labels-regime-outside-competence"),
        }
    }
}

/// How a signal's case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The facts were confirmed.
    Substantiated,
    /// The facts were not confirmed.
    Unsubstantiated,
    /// Forwarded to the competent body.
    Forwarded,
    /// No proceedings (an anonymous signal, or a breach older than two years, where the law
    /// says so).
    NoProceedings,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 4] = [
        Outcome::Substantiated,
        Outcome::Unsubstantiated,
        Outcome::Forwarded,
        Outcome::NoProceedings,
    ];

    /// The outcome's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Substantiated => crate::tr!(lang, "labels-outcome-substantiated"),
            Self::Unsubstantiated => crate::tr!(lang, "labels-outcome-unsubstantiated"),
            Self::Forwarded => crate::tr!(lang, "labels-outcome-forwarded"),
            Self::NoProceedings => crate::tr!(lang, "labels-outcome-no-proceedings"),
        }
    }
}

/// Where a signal stands, as the register and the reporter see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignalStatus {
    /// Filed, not yet acknowledged.
    Received,
    /// Acknowledged, nothing further yet.
    Acknowledged,
    /// Being examined (assigned, classified, followed up or forwarded).
    InProgress,
    /// The reporter has had feedback.
    FeedbackGiven,
    /// Closed.
    Closed,
}

impl SignalStatus {
    /// Every status, in the order a case moves through them.
    pub const ALL: [SignalStatus; 5] = [
        SignalStatus::Received,
        SignalStatus::Acknowledged,
        SignalStatus::InProgress,
        SignalStatus::FeedbackGiven,
        SignalStatus::Closed,
    ];

    /// The status's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Received => crate::tr!(lang, "labels-signal-status-received"),
            Self::Acknowledged => crate::tr!(lang, "labels-signal-status-acknowledged"),
            Self::InProgress => crate::tr!(lang, "labels-signal-status-in-progress"),
            Self::FeedbackGiven => crate::tr!(lang, "labels-signal-status-feedback-given"),
            Self::Closed => crate::tr!(lang, "labels-signal-status-closed"),
        }
    }
}

/// Where a statutory step (acknowledgment, feedback) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Not done, and the due date is more than a few days away.
    Running,
    /// Not done, due within a few days (or today).
    DueSoon,
    /// Not done, and the due date has passed.
    Overdue,
    /// Done on or before the due date.
    Met,
    /// Done, but after the due date.
    MetLate,
}

impl Clock {
    /// The state's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Running => crate::tr!(lang, "labels-clock-running"),
            Self::DueSoon => crate::tr!(lang, "labels-clock-due-soon"),
            Self::Overdue => crate::tr!(lang, "labels-clock-overdue"),
            Self::Met => crate::tr!(lang, "labels-clock-met"),
            Self::MetLate => crate::tr!(lang, "labels-clock-met-late"),
        }
    }
}

/// A count as statistics outside the tenant may show it: one or two cases are shown as "< 3"
/// so that no single case can be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", tag = "shown", content = "count")]
pub enum Cell {
    /// Nothing.
    Zero,
    /// One or two.
    FewerThanThree,
    /// Three or more, exactly.
    Exact(u64),
    /// Withheld so that, with the published totals, no hidden count can be worked out
    /// (complementary suppression). It may be any count, small or not.
    Withheld,
}

impl Cell {
    /// The count as a table in `lang` shows it, with the language's digit groups (`1 234`,
    /// `1,234`).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Zero => crate::i18n::number(lang, 0),
            Self::FewerThanThree => crate::tr!(lang, "labels-cell-fewer-than-three"),
            Self::Exact(n) => crate::i18n::number(lang, n),
            Self::Withheld => crate::tr!(lang, "labels-cell-withheld"),
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn labels_tell_values_apart_in_both_languages() {
        let all_channels = [
            Channel::WebForm,
            Channel::Email,
            Channel::Phone,
            Channel::Post,
            Channel::InPerson,
        ];
        crate::i18n::assert_distinct_labels(all_channels, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(Category::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(Regime::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(Outcome::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(SignalStatus::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(
            [
                Clock::Running,
                Clock::DueSoon,
                Clock::Overdue,
                Clock::Met,
                Clock::MetLate,
            ],
            |value, lang| value.label(lang),
        );
        // Counts below a thousand: above it, the new label groups digits ("1 234").
        for cell in [
            Cell::Zero,
            Cell::FewerThanThree,
            Cell::Exact(3),
            Cell::Exact(999),
            Cell::Withheld,
        ] {
            assert!(!cell.label(Lang::Bg).is_empty(), "{cell:?}");
        }
        assert_eq!(other_or_unnamed(Lang::Bg), OTHER_OR_UNNAMED);
    }

    #[test]
    fn counts_are_grouped_in_each_language() {
        assert_eq!(Cell::Exact(12_345).label(Lang::Bg), "12\u{2009}345");
        assert_eq!(Cell::Exact(12_345).label(Lang::En), "12,345");
        assert_eq!(Cell::Withheld.label(Lang::En), "withheld");
    }
}
