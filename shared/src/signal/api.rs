//! What the API takes and answers about one signal: filing it (publicly or by an officer),
//! following it with a receipt code, and each step of its handling.

use super::{Category, Channel, Closure, Outcome, Regime, SignalStatus};
use crate::ids::{TenantId, Username};
use crate::tenant::TenantName;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// An officer of the institution a signal can be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignalOfficer {
    /// Their login name.
    pub username: crate::Username,
    /// Their name.
    pub display_name: String,
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
    pub institution: TenantName,
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

/// `POST /api/signals/{id}/risks`: the risks of the register the signal concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkRisks {
    /// The signal's version the officer saw.
    pub expected_version: u64,
    /// The risks (ids of the tenant's register), replacing those linked before; empty for
    /// none.
    pub risks: Vec<uuid::Uuid>,
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
