//! The events of a signal's stream, and of a tenant's register: the internal-channel decision,
//! the lists of units and activities, and the vault's key rotations.

use super::{Category, Channel, Outcome, Regime, Sealed};
use crate::ids::Username;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// `SignalRisksLinked` v1: the risks of the tenant's corruption-risk register the signal
/// concerns, replacing the list recorded before (empty: none any more). Kept in the signal's
/// stream, so that only the register's officers see which signal bears on which risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalRisksLinked {
    /// The risks.
    pub risks: Vec<Uuid>,
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

/// [`OTHER_OR_UNNAMED`] as a reader in `lang` sees it (the statistics keep the Bulgarian name
/// as the key; show this in its place).
pub fn other_or_unnamed(lang: crate::i18n::Lang) -> String {
    crate::tr!(lang, "labels-intake-other-or-unnamed")
}

/// Most entries of one list.
pub const MAX_LIST_ENTRIES: usize = 100;
