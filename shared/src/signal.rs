//! The register of corruption signals: its events, the requests that file and handle a signal,
//! and what the register, the reporter and the statistics show.
//!
//! Every event of a signal is in its tenant's `signal-{id}` stream. Whatever could name a
//! person (the reporter, their contact, the person concerned, the account of what happened,
//! messages, notes) is stored only as [`Sealed`] ciphertext under a key of that signal, kept
//! outside the log; the clear fields are what the statutory clocks and the statistics need.

use crate::ids::{TenantId, Username};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// An attachment as the log records it: its ciphertext is kept outside the log (the log's
/// records are small), under the signal's key, and the log holds its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentRecord {
    /// Its number within the signal, from 1.
    pub number: u32,
    /// The file's name, sealed (a name can name a person).
    pub name: Sealed,
    /// Its checked type: `application/pdf`, `image/jpeg`, `image/png` or `text/plain`.
    pub media_type: String,
    /// Its size in bytes (clear).
    pub bytes: u64,
    /// SHA-256 of the stored ciphertext, hex: proves the file kept outside the log unchanged.
    pub ciphertext_sha256: String,
}

/// `SignalFiled` v2: a signal entered the register, through the public form or an officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalFiled {
    /// The register's number, e.g. `BLG03-2026-0007`.
    pub reference: String,
    /// When it was received (the acknowledgment clock starts here).
    pub received: NaiveDate,
    /// How.
    pub channel: Channel,
    /// Whether the reporter gave no name.
    pub anonymous: bool,
    /// The reporter's name and contact ([`Reporter`]), when given.
    pub reporter: Option<Sealed>,
    /// What happened, where and when ([`SignalAccount`]).
    pub account: Sealed,
    /// The person concerned, when named.
    pub concerned: Option<Sealed>,
    /// The reporter's category.
    pub category: Category,
    /// The unit concerned: an entry of the tenant's list when filed (events filed before the
    /// lists existed may hold free text, which the public statistics never print).
    pub unit: Option<String>,
    /// The activity concerned (e.g. "обществени поръчки").
    pub activity: Option<String>,
    /// For an oral signal, whether the reporter confirmed the officer's record.
    pub confirmed_by_reporter: Option<bool>,
    /// The argon2id PHC string of the receipt code (public form only), sealed since v2; the
    /// code itself is shown to the reporter once and never stored.
    pub receipt_hash: Option<ReceiptVerifier>,
    /// Attachments.
    pub attachments: Vec<AttachmentRecord>,
}

/// The sealed field a receipt code's hash is kept under.
pub const RECEIPT_FIELD: &str = "receipt_hash";

/// What checks a receipt code.
///
/// `SignalFiled` v1 kept the hash in clear, so auditors saw it; v2 seals it under the
/// signal's key, and auditors see it as they see every sealed field, by size and SHA-256.
/// v1 events keep their clear hash: rewriting them would change the log's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum ReceiptVerifier {
    /// Sealed (v2).
    Sealed(Sealed),
    /// In clear (v1).
    Clear(String),
}

/// `SignalAcknowledged` v1: the receipt was confirmed to the reporter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalAcknowledged {
    /// When.
    pub on: NaiveDate,
    /// The unique number (УИН) the data-protection commission issued, for signals under the
    /// whistleblower law.
    pub uin: Option<String>,
    /// The message to the reporter, sealed.
    pub message: Option<Sealed>,
}

/// `SignalAssigned` v1: an officer was made responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalAssigned {
    /// The officer.
    pub to: Username,
}

/// `SignalClassified` v1: the regime and what the signal concerns were decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalClassified {
    /// Which law applies.
    pub regime: Regime,
    /// The category.
    pub category: Category,
    /// The unit concerned.
    pub unit: Option<String>,
    /// The activity concerned.
    pub activity: Option<String>,
}

/// `SignalForwarded` v1: sent to the competent body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalForwarded {
    /// The body (e.g. "Районна прокуратура – Благоевград").
    pub to: String,
    /// The outgoing letter's number.
    pub outgoing_number: String,
    /// When.
    pub on: NaiveDate,
}

/// `SignalFollowedUp` v1: an action taken to examine the signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalFollowedUp {
    /// When.
    pub on: NaiveDate,
    /// What was done, sealed.
    pub action: Sealed,
}

/// `SignalFeedbackGiven` v1: the statutory feedback to the reporter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalFeedbackGiven {
    /// When.
    pub on: NaiveDate,
    /// The feedback, sealed; the reporter reads it with the receipt code.
    pub text: Sealed,
}

/// `SignalMessageSent` v1: an officer wrote to the reporter (a question, a reply).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalMessageSent {
    /// The message, sealed.
    pub text: Sealed,
}

/// `SignalReporterReplied` v1: the reporter wrote back or added information, with the
/// receipt code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalReporterReplied {
    /// The message, sealed.
    pub text: Sealed,
}

/// `SignalClosed` v1: the case ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalClosed {
    /// When (the retention period runs from here).
    pub on: NaiveDate,
    /// How.
    pub outcome: Outcome,
    /// Why, sealed.
    pub reason: Sealed,
}

/// `SignalLinked` v1: the signal is related to another of the same tenant (both show it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalLinked {
    /// The other signal.
    pub other: Uuid,
}

/// `SignalIdentityViewed` v1: an officer opened the sealed identities of a signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalIdentityViewed {
    /// Which fields were shown: `reporter`, `concerned`.
    pub fields: Vec<String>,
}

/// `SignalKeyDestroyed` v1: the retention period ended and the signal's key was destroyed;
/// its sealed fields and attachments can no longer be read by anyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalKeyDestroyed {
    /// The day the retention period ended.
    pub retention_ended: NaiveDate,
}

/// `InternalChannelRecorded` v1: whether the tenant must run an internal whistleblowing
/// channel (bodies under 10,000 inhabitants or under 50 staff need not), in its
/// `internal-channel` stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InternalChannelRecorded {
    /// Whether it is obliged.
    pub obliged: bool,
    /// Inhabitants, as the decision counted them.
    pub population: Option<u32>,
    /// Staff, as the decision counted them.
    pub staff: Option<u32>,
    /// A note (the basis of the decision).
    pub note: String,
}

/// `VaultKeyRotated` v1, in the regional administration's `vault` stream: every signal key
/// was rewrapped under a new master key (`antikor key rotate`), and the old key opens
/// nothing in the vault any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VaultKeyRotated {
    /// The new master key's name: a hash of it, which says which key file the vault needs
    /// and nothing of the key.
    pub key_id: String,
    /// How many signal keys were rewrapped.
    pub signal_keys: u64,
}

/// `IntakeListsSet` v1: the units and the activities a signal of the tenant may name, in its
/// `intake-lists` stream. Only these names reach the public statistics; whatever a reporter
/// writes in their own words stays in the sealed account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntakeListsSet {
    /// The units (departments, directorates, town halls), in the order the forms list them.
    pub units: Vec<String>,
    /// The activities (services, procedures), in the order the forms list them.
    pub activities: Vec<String>,
}

/// The units a tenant offers until it records its own list: a municipality's usual ones.
pub const DEFAULT_UNITS: [&str; 8] = [
    "Устройство на територията",
    "Местни данъци",
    "Обществени поръчки",
    "Общинска собственост",
    "Финанси и бюджет",
    "Гражданска регистрация",
    "Социални дейности и образование",
    "Кметства",
];

/// The activities a tenant offers until it records its own list.
pub const DEFAULT_ACTIVITIES: [&str; 8] = [
    "Разрешения за строеж",
    "Обществени поръчки",
    "Данъчни оценки",
    "Разпореждане с общинско имущество",
    "Административни услуги",
    "Контрол и проверки",
    "Назначаване на служители",
    "Социални помощи",
];

impl Default for IntakeListsSet {
    fn default() -> Self {
        Self {
            units: DEFAULT_UNITS.map(str::to_owned).to_vec(),
            activities: DEFAULT_ACTIVITIES.map(str::to_owned).to_vec(),
        }
    }
}

/// How the public statistics count a unit or activity that is not on its tenant's list (or
/// none at all): its name may be anything a reporter typed.
pub const OTHER_OR_UNNAMED: &str = "Друго / непосочено";

/// Most entries of one list.
pub const MAX_LIST_ENTRIES: usize = 100;

/// A tenant's lists of units and activities, as the forms offer them
/// (`GET /api/public/signals/lists?tenant=`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntakeLists {
    /// The tenant.
    pub tenant: TenantId,
    /// Its units.
    pub units: Vec<String>,
    /// Its activities.
    pub activities: Vec<String>,
    /// Whether the tenant recorded them (otherwise they are the defaults).
    pub recorded: bool,
}

/// `PUT /api/signals/lists`: the caller's tenant's new lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetIntakeLists {
    /// The units, one a line.
    pub units: Vec<String>,
    /// The activities, one a line.
    pub activities: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Clear texts of the sealed fields.

/// The reporter, as sealed in [`SignalFiled::reporter`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reporter {
    /// Name.
    pub name: String,
    /// How to reach them (address, e-mail, phone).
    pub contact: String,
}

/// What happened, as sealed in [`SignalFiled::account`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalAccount {
    /// What happened.
    pub what: String,
    /// Where.
    pub place: String,
    /// When (as the reporter says it: a date, a period).
    pub when: String,
}

// ---------------------------------------------------------------------------------------------
// Requests.

/// An attachment as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAttachment {
    /// The file's name.
    pub name: String,
    /// Its content, base64 (standard alphabet, with padding).
    pub content_base64: String,
}

/// Most attachments per signal.
pub const MAX_ATTACHMENTS: usize = 3;
/// Largest attachment, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 2 * 1024 * 1024;

/// `POST /api/public/signals`: a signal from the public form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileSignal {
    /// The institution the signal is for.
    pub tenant: TenantId,
    /// The reporter, unless anonymous.
    pub reporter: Option<Reporter>,
    /// What happened, where and when.
    pub account: SignalAccount,
    /// The person concerned, if the reporter names one.
    pub concerned: Option<String>,
    /// The unit concerned: an entry of the tenant's list ([`IntakeLists`]).
    pub unit: Option<String>,
    /// The activity concerned: an entry of the tenant's list.
    pub activity: Option<String>,
    /// The category.
    pub category: Category,
    /// Up to [`MAX_ATTACHMENTS`] files (PDF, JPEG, PNG or text), each up to
    /// [`MAX_ATTACHMENT_BYTES`].
    #[serde(default)]
    pub attachments: Vec<NewAttachment>,
}

/// `POST /api/signals`: a signal an officer received by e-mail, phone, post or in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordSignal {
    /// How it came.
    pub channel: Channel,
    /// When it was received.
    pub received: NaiveDate,
    /// For phone and in person: the reporter confirmed the officer's written record.
    #[serde(default)]
    pub confirmed_by_reporter: bool,
    /// The reporter, unless anonymous.
    pub reporter: Option<Reporter>,
    /// What happened.
    pub account: SignalAccount,
    /// The person concerned.
    pub concerned: Option<String>,
    /// The unit concerned: an entry of the tenant's list.
    pub unit: Option<String>,
    /// The activity concerned: an entry of the tenant's list.
    pub activity: Option<String>,
    /// The category.
    pub category: Category,
    /// Attachments.
    #[serde(default)]
    pub attachments: Vec<NewAttachment>,
}

/// What filing answers: the register's number and, for the public form, the receipt code
/// (shown once; only its slow hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalReceipt {
    /// The signal's id (officers open it with this).
    pub id: Uuid,
    /// The register's number.
    pub reference: String,
    /// The code the reporter follows the signal with (public form only).
    pub receipt_code: Option<String>,
    /// When the acknowledgment is due.
    pub acknowledgment_due: NaiveDate,
}

/// The reporter's key to their signal: the reference and the receipt code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReporterAccess {
    /// The register's number.
    pub reference: String,
    /// The receipt code.
    pub code: String,
}

/// `POST /api/public/signals/reply`: the reporter writes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReporterReply {
    /// Which signal, and the proof.
    #[serde(flatten)]
    pub access: ReporterAccess,
    /// The message or the added information.
    pub text: String,
}

/// Who wrote a message the reporter sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// The acknowledgment of receipt.
    Acknowledgment,
    /// A message of the officer.
    Officer,
    /// The statutory feedback.
    Feedback,
    /// The reporter's own message.
    Reporter,
}

/// One message between the institution and the reporter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalMessage {
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Whose.
    pub kind: MessageKind,
    /// The text (`None` once the signal's key is destroyed).
    pub text: Option<String>,
}

/// What a reporter sees of their signal with the receipt code: never who handles it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReporterView {
    /// The register's number.
    pub reference: String,
    /// The institution.
    pub institution: String,
    /// When it was received.
    pub received: NaiveDate,
    /// Where it stands.
    pub status: SignalStatus,
    /// When receipt was acknowledged.
    pub acknowledged: Option<NaiveDate>,
    /// When feedback is due (after the acknowledgment).
    pub feedback_due: Option<NaiveDate>,
    /// When it was closed, and how.
    pub closed: Option<Closure>,
    /// The messages both ways, oldest first.
    pub messages: Vec<SignalMessage>,
}

/// The version of the signal the caller read; a change against an older one answers 409.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledge {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// When receipt was confirmed.
    pub on: NaiveDate,
    /// The УИН from the data-protection commission (whistleblower-law signals).
    pub uin: Option<String>,
    /// The message to the reporter.
    pub message: Option<String>,
}

/// `POST /api/signals/{id}/assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assign {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// An officer of the same institution.
    pub to: Username,
}

/// `POST /api/signals/{id}/classify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Classify {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// Which law.
    pub regime: Regime,
    /// The category.
    pub category: Category,
    /// The unit: an entry of the tenant's list.
    pub unit: Option<String>,
    /// The activity: an entry of the tenant's list.
    pub activity: Option<String>,
}

/// `POST /api/signals/{id}/forward`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Forward {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// The competent body.
    pub to: String,
    /// The outgoing number.
    pub outgoing_number: String,
    /// When.
    pub on: NaiveDate,
}

/// `POST /api/signals/{id}/actions`, `/feedback` and `/messages`: a dated text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalNote {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// When (messages: ignored, they are dated when recorded).
    pub on: Option<NaiveDate>,
    /// The text.
    pub text: String,
}

/// `POST /api/signals/{id}/close`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Close {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// When.
    pub on: NaiveDate,
    /// How it ended.
    pub outcome: Outcome,
    /// Why.
    pub reason: String,
}

/// `POST /api/signals/{id}/links`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// The other signal's register number.
    pub reference: String,
}

/// `PUT /api/signals/channel`: whether the tenant must run an internal channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordChannel {
    /// Inhabitants.
    pub population: Option<u32>,
    /// Staff.
    pub staff: Option<u32>,
    /// The basis of the decision.
    pub note: String,
}

// ---------------------------------------------------------------------------------------------
// The register.

/// When and how a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Closure {
    /// Closed on.
    pub on: NaiveDate,
    /// How.
    pub outcome: Outcome,
}

/// A statutory step: when due, when done, where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatutoryStep {
    /// Due on.
    pub due: NaiveDate,
    /// Done on.
    pub done: Option<NaiveDate>,
    /// Met, late, overdue…
    pub clock: Clock,
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalRow {
    /// The signal's id.
    pub id: Uuid,
    /// The register's number.
    pub reference: String,
    /// Received on.
    pub received: NaiveDate,
    /// How.
    pub channel: Channel,
    /// Without a name.
    pub anonymous: bool,
    /// Category.
    pub category: Category,
    /// Regime, once classified.
    pub regime: Option<Regime>,
    /// Unit concerned.
    pub unit: Option<String>,
    /// Activity concerned.
    pub activity: Option<String>,
    /// Where it stands.
    pub status: SignalStatus,
    /// The officer responsible.
    pub assigned_to: Option<Username>,
    /// The УИН.
    pub uin: Option<String>,
    /// Acknowledgment: due 7 days after receipt.
    pub acknowledgment: StatutoryStep,
    /// Feedback: due 3 months after acknowledgment (once acknowledged).
    pub feedback: Option<StatutoryStep>,
    /// Forwarded to.
    pub forwarded_to: Option<String>,
    /// Closed on, and how.
    pub closed: Option<Closure>,
    /// When the personal data will be (or were) destroyed: 5 years after closing.
    pub retention_until: Option<NaiveDate>,
    /// Whether the key was destroyed (the sealed fields are gone).
    pub key_destroyed: bool,
    /// The stream's version: send it back as `expected_version`.
    pub version: u64,
}

/// One step of a signal's history, as its officers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalStep {
    /// The event's position in the log.
    pub position: u64,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Who (a username, or `reporter` for the reporter's own messages).
    pub actor: String,
    /// The event type.
    pub event_type: String,
    /// A one-line description in Bulgarian.
    pub summary: String,
    /// The step's text, unsealed (`None` when it has none or the key is destroyed).
    pub text: Option<String>,
}

/// An attachment as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentInfo {
    /// Its number.
    pub number: u32,
    /// Its name (`None` once the key is destroyed).
    pub name: Option<String>,
    /// Its type.
    pub media_type: String,
    /// Its size.
    pub bytes: u64,
}

/// A related signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedSignal {
    /// Its id.
    pub id: Uuid,
    /// Its register number.
    pub reference: String,
}

/// A signal as its officers see it. The identities stay sealed until an officer opens them
/// (`POST /api/signals/{id}/identity`), which is itself recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalDetail {
    /// The register row.
    #[serde(flatten)]
    pub row: SignalRow,
    /// What happened (`None` once the key is destroyed).
    pub account: Option<SignalAccount>,
    /// Whether a reporter's name and contact are sealed in the register.
    pub has_reporter: bool,
    /// Whether a person concerned is sealed in the register.
    pub has_concerned: bool,
    /// For an oral signal, whether the reporter confirmed the record.
    pub confirmed_by_reporter: Option<bool>,
    /// Attachments.
    pub attachments: Vec<AttachmentInfo>,
    /// Related signals.
    pub links: Vec<LinkedSignal>,
    /// The history, oldest first.
    pub history: Vec<SignalStep>,
}

/// The sealed identities of a signal, as an officer opened them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalIdentity {
    /// The reporter.
    pub reporter: Option<Reporter>,
    /// The person concerned.
    pub concerned: Option<String>,
}

/// Whether a tenant must run an internal channel, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelObligation {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: String,
    /// The decision, when recorded.
    pub recorded: Option<InternalChannelRecorded>,
    /// The population of the 2011 census, for reference.
    pub population_2011: Option<u32>,
}

// ---------------------------------------------------------------------------------------------
// Analysis and statistics.

/// One line of an analysis: a value of a dimension (a unit, an activity, a category) and its
/// counts per period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnalysisLine {
    /// The value, e.g. the unit's name or a category's label.
    pub value: String,
    /// Counts per period, in the order of [`SignalAnalysis::periods`].
    pub counts: Vec<u64>,
    /// The total.
    pub total: u64,
}

/// Where a tenant's signals concentrate (the plan's measure IV.3), for its officers: exact
/// counts per quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalAnalysis {
    /// Quarters, e.g. `2026 Q1`, oldest first.
    pub periods: Vec<String>,
    /// By unit, most signals first.
    pub by_unit: Vec<AnalysisLine>,
    /// By activity.
    pub by_activity: Vec<AnalysisLine>,
    /// By category.
    pub by_category: Vec<AnalysisLine>,
}

/// A labelled, suppressed count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountCell {
    /// What is counted (a code or a name).
    pub key: String,
    /// Its Bulgarian label.
    pub label: String,
    /// The count, suppressed below 3.
    pub count: Cell,
}

/// One tenant's line of the statistics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantSignals {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: String,
    /// Signals received.
    pub received: Cell,
    /// Acknowledged in time.
    pub acknowledged_in_time: Cell,
    /// Acknowledgments due (done or overdue).
    pub acknowledgments_due: Cell,
    /// Feedback given in time.
    pub feedback_in_time: Cell,
    /// Feedback due (done or overdue).
    pub feedback_due: Cell,
    /// Share of acknowledgments in time, in percent, when at least 3 were due.
    pub acknowledgment_rate: Option<u32>,
    /// Share of feedback in time, in percent, when at least 3 were due.
    pub feedback_rate: Option<u32>,
    /// Whether it must run an internal channel (`None`: not recorded).
    pub obliged: Option<bool>,
}

/// The register as statistics only, with every cell under 3 shown as "< 3": what the region
/// and the public see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalStatistics {
    /// The year (by date of receipt), or every year.
    pub year: Option<i32>,
    /// All signals.
    pub total: Cell,
    /// Per tenant, with clock compliance.
    pub by_tenant: Vec<TenantSignals>,
    /// Per category.
    pub by_category: Vec<CountCell>,
    /// Per unit concerned.
    pub by_unit: Vec<CountCell>,
    /// Per activity concerned.
    pub by_activity: Vec<CountCell>,
    /// Per status.
    pub by_status: Vec<CountCell>,
    /// Per regime (unclassified signals under `unclassified`).
    pub by_regime: Vec<CountCell>,
    /// Per channel.
    pub by_channel: Vec<CountCell>,
    /// Per quarter of receipt, oldest first: where the signals concentrate over time.
    pub by_quarter: Vec<CountCell>,
}
