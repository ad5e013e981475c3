//! What the register shows: its rows with their statutory clocks, a signal's detail, and the
//! tenant's analysis and the public, suppressed statistics.

use super::{
    Category, Cell, Channel, Clock, InternalChannelRecorded, Outcome, Regime, Reporter,
    SignalAccount, SignalStatus,
};
use crate::ids::{TenantId, Username};
use crate::tenant::TenantName;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
    /// The risks of the tenant's register it concerns.
    #[serde(default)]
    pub risks: Vec<LinkedRisk>,
    /// The history, oldest first.
    pub history: Vec<SignalStep>,
}

/// A risk of the register a signal concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedRisk {
    /// The risk.
    pub id: uuid::Uuid,
    /// Its code in the register, e.g. `Р-2017-03`.
    pub code: String,
    /// What could happen.
    pub description: String,
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
    pub name: TenantName,
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
    /// Whether the value is the records' own words (a unit's or an activity's name, as the
    /// institution's lists have it, in Bulgarian) rather than a label in the reader's language.
    #[serde(default)]
    pub recorded: bool,
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
    pub name: TenantName,
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
