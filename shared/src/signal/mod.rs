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

    /// The channel's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::WebForm => "Уеб формуляр",
            Self::Email => "Електронна поща",
            Self::Phone => "Телефон",
            Self::Post => "Поща",
            Self::InPerson => "Лично",
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

    /// The category's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::Bribery => "Подкуп",
            Self::ConflictOfInterest => "Конфликт на интереси",
            Self::PublicProcurement => "Обществени поръчки",
            Self::AbuseOfOffice => "Злоупотреба със служебно положение",
            Self::MisuseOfFunds => "Злоупотреба с публични средства или имущество",
            Self::AdministrativeServices => "Административни услуги",
            Self::Other => "Друго",
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

    /// The regime's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::Whistleblower => "ЗЗЛПСПОИН (защита на подаващите сигнали)",
            Self::General => "Общ сигнал за корупция",
            Self::OutsideCompetence => "Извън компетентността",
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

    /// The outcome's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::Substantiated => "Основателен",
            Self::Unsubstantiated => "Неоснователен",
            Self::Forwarded => "Препратен по компетентност",
            Self::NoProceedings => "Без образуване на производство",
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

    /// The status's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::Received => "Получен",
            Self::Acknowledged => "Потвърдено получаване",
            Self::InProgress => "В проверка",
            Self::FeedbackGiven => "Дадена обратна информация",
            Self::Closed => "Приключен",
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
    /// The state's name in Bulgarian.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::Running => "Тече",
            Self::DueSoon => "Изтича скоро",
            Self::Overdue => "Просрочено",
            Self::Met => "В срок",
            Self::MetLate => "Със закъснение",
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
    /// The count as a table shows it.
    pub fn label(self) -> String {
        match self {
            Self::Zero => "0".into(),
            Self::FewerThanThree => "< 3".into(),
            Self::Exact(n) => n.to_string(),
            Self::Withheld => "скрито".into(),
        }
    }
}
