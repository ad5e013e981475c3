//! What the plan's pages show, and the bodies of the requests that change the plan, report
//! progress and record activities.

use crate::activity::{Activity, ActivityKind, ContestedActFollowedUp, ExpertContact};
use crate::ids::{ProvinceCode, TenantId};
use crate::plan::{Deadline, PlanMeasure, PlanSection};
use crate::progress::{CompletionLevel, Evidence};
use crate::tenant::TenantName;
use chrono::{DateTime, NaiveDate, Utc};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A measure as the plan shows it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureView {
    /// The measure.
    #[serde(flatten)]
    pub measure: PlanMeasure,
    /// Why it was withdrawn, if it was.
    pub withdrawn: Option<String>,
    /// Counts its changes from 1; send it back as `expected_revision` to change it.
    pub revision: u64,
}

/// A year's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanView {
    /// The year.
    pub year: i32,
    /// The heading.
    pub title: String,
    /// The year it was started from, if any.
    pub based_on: Option<i32>,
    /// When it was adopted.
    pub adopted_at: DateTime<Utc>,
    /// Sections in order.
    pub sections: Vec<PlanSection>,
    /// Measures in order, withdrawn ones included.
    pub measures: Vec<MeasureView>,
}

/// `POST /api/plans`: start a year's plan as a copy of an earlier year's (its measures that are
/// not withdrawn, deadlines moved by the difference in years).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartPlan {
    /// The new plan's year.
    pub year: i32,
    /// The year to copy.
    pub based_on: i32,
    /// Copy that year's plan of another province, as a template (a province's first plan);
    /// omitted: the caller's own province's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<ProvinceCode>,
}

/// `POST /api/plans/{year}/measures`: add a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddMeasure {
    /// The section's numeral (`I`…`VI`).
    pub section: String,
    /// The measure's number as it is to be printed, e.g. `4.`.
    pub number: String,
    /// What is to be done.
    pub text: String,
    /// When it is due.
    pub deadline: Deadline,
    /// Responsible positions.
    pub responsible: Vec<String>,
    /// How fulfilment is assessed.
    pub indicator: String,
    /// The expected result.
    pub expected_result: String,
}

/// `POST /api/plans/{year}/measures/{key}`: change some fields of a measure (`None`: keep).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateMeasure {
    /// The revision as last read; a change made since answers 409.
    pub expected_revision: u64,
    /// New text.
    pub text: Option<String>,
    /// New deadline.
    pub deadline: Option<Deadline>,
    /// New responsible positions.
    pub responsible: Option<Vec<String>>,
    /// New indicator.
    pub indicator: Option<String>,
    /// New expected result.
    pub expected_result: Option<String>,
}

/// `POST /api/plans/{year}/measures/{key}/withdraw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawMeasure {
    /// The revision as last read.
    pub expected_revision: u64,
    /// Why.
    pub reason: String,
}

/// `PUT /api/progress/{year}/{key}`: the caller's tenant reports on a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportProgress {
    /// How far it has come.
    pub level: CompletionLevel,
    /// What was done.
    pub note: String,
    /// What shows it.
    pub evidence: Vec<Evidence>,
    /// The day the report describes (not in the future).
    pub reported_for: NaiveDate,
    /// The report's version as last read (0 when there was none); a report made since by
    /// someone else answers 409 instead of being overwritten.
    pub expected_version: u64,
}

/// The newest report of a tenant on a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressStatus {
    /// How far it has come.
    pub level: CompletionLevel,
    /// What was done.
    pub note: String,
    /// What shows it.
    pub evidence: Vec<Evidence>,
    /// The day the report describes.
    pub reported_for: NaiveDate,
    /// When it was recorded.
    pub reported_at: DateTime<Utc>,
    /// Who reported (held inline: a national log's replay folds millions of reports).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub reported_by: CompactString,
    /// How many reports the measure has had in this tenant (the stream's version).
    pub version: u64,
}

/// One measure of a tenant's progress table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressRow {
    /// The measure's key.
    pub key: String,
    /// Its section's numeral.
    pub section: String,
    /// Its number as printed.
    pub number_in_source: String,
    /// Its text.
    pub text: String,
    /// When it is due.
    pub deadline: Deadline,
    /// The newest report, if any.
    pub status: Option<ProgressStatus>,
    /// The deadline passed and it is not completed.
    pub overdue: bool,
    /// Not completed and due within the next 30 days.
    pub due_soon: bool,
}

/// A tenant's progress on a year's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantProgress {
    /// The tenant.
    pub tenant: TenantId,
    /// The year.
    pub year: i32,
    /// The day "overdue" is judged on (today, or the as-of moment's day).
    pub today: NaiveDate,
    /// One row per measure that is not withdrawn, in the plan's order.
    pub rows: Vec<ProgressRow>,
}

/// How many measures are at each level (and how many have no report).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelCounts {
    /// No report yet.
    pub not_reported: u32,
    /// Not started.
    pub not_started: u32,
    /// Limited.
    pub limited: u32,
    /// Substantial.
    pub substantial: u32,
    /// Completed.
    pub completed: u32,
}

impl LevelCounts {
    /// Counts one measure's state.
    pub fn add(&mut self, level: Option<CompletionLevel>) {
        match level {
            None => self.not_reported += 1,
            Some(CompletionLevel::NotStarted) => self.not_started += 1,
            Some(CompletionLevel::Limited) => self.limited += 1,
            Some(CompletionLevel::Substantial) => self.substantial += 1,
            Some(CompletionLevel::Completed) => self.completed += 1,
        }
    }

    /// How many measures were counted.
    pub fn total(&self) -> u32 {
        self.not_reported + self.not_started + self.limited + self.substantial + self.completed
    }

    /// The share completed, in whole percent (0 when nothing was counted).
    pub fn completed_percent(&self) -> u32 {
        (self.completed * 100)
            .checked_div(self.total())
            .unwrap_or(0)
    }
}

/// One section's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionProgress {
    /// The numeral.
    pub numeral: String,
    /// The title.
    pub title: String,
    /// Its measures by level.
    pub levels: LevelCounts,
}

/// How many activities of a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindCount {
    /// The kind.
    pub kind: ActivityKind,
    /// How many.
    pub count: u32,
}

/// A recent change in a tenant, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecentChange {
    /// Position in the log (links to the audit trail).
    pub position: u64,
    /// Event type.
    pub event_type: String,
    /// Who.
    pub actor: String,
    /// When.
    pub recorded_at: DateTime<Utc>,
    /// What happened, in one sentence (see `AuditEntry::summary`).
    pub summary: String,
    /// The record it changed, by name.
    pub record: String,
}

/// `GET /api/dashboard`: one tenant's view of a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantDashboard {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub tenant_name: TenantName,
    /// The year.
    pub year: i32,
    /// The log position the view was built at.
    pub position: u64,
    /// The day "overdue" is judged on.
    pub today: NaiveDate,
    /// All measures by level.
    pub levels: LevelCounts,
    /// Per section.
    pub sections: Vec<SectionProgress>,
    /// Overdue measures (rows of the progress table).
    pub overdue: Vec<ProgressRow>,
    /// Due in the next 30 days.
    pub due_soon: Vec<ProgressRow>,
    /// Activities of the year by kind.
    pub activities: Vec<KindCount>,
    /// The tenant's latest changes, newest first.
    pub latest: Vec<RecentChange>,
    /// The year's corruption-risk register in figures (overdue reviews among them).
    #[serde(default)]
    pub risks: crate::risk::RiskSummary,
}

/// One tenant's line in the combined view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantSummary {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: TenantName,
    /// The newest level of each measure, in the plan's order (`None`: no report).
    pub levels: Vec<Option<CompletionLevel>>,
    /// Its measures by level.
    pub counts: LevelCounts,
    /// Per section.
    pub sections: Vec<SectionProgress>,
    /// How many measures are overdue.
    pub overdue: u32,
    /// Activities of the year.
    pub activities: u32,
    /// Whether it has reported on any measure of the year.
    pub reported: bool,
}

/// A measure's column in the combined view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureColumn {
    /// Key.
    pub key: String,
    /// Section numeral.
    pub section: String,
    /// Number as printed.
    pub number_in_source: String,
    /// Text.
    pub text: String,
    /// Deadline.
    pub deadline: Deadline,
}

/// `GET /api/region` and `GET /api/public/progress`: every tenant's progress on a year's
/// plan side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionView {
    /// The year.
    pub year: i32,
    /// The log position the view was built at.
    pub position: u64,
    /// The day "overdue" is judged on.
    pub today: NaiveDate,
    /// The measures that are not withdrawn, in order: the matrix's columns.
    pub measures: Vec<MeasureColumn>,
    /// One line per tenant: the regional administration first, then the municipalities.
    pub tenants: Vec<TenantSummary>,
    /// Per section over all tenants.
    pub sections: Vec<SectionProgress>,
}

/// An activity with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityRecord {
    /// Its id (its stream is `activity-{id}`).
    pub id: Uuid,
    /// Whose.
    pub tenant: TenantId,
    /// The record as it stands (after corrections and follow-ups).
    pub activity: Activity,
    /// When it was first recorded.
    pub recorded_at: DateTime<Utc>,
    /// Who recorded it: the username for staff, the institution and role on public pages.
    pub recorded_by: String,
    /// Corrections, oldest first.
    pub corrections: Vec<Correction>,
    /// Its stream's version; send it back as `expected_version` to correct it.
    pub version: u64,
    /// Documents attached (a meeting's protocol, a training's list), oldest first.
    #[serde(default)]
    pub files: Vec<crate::files::FileRef>,
}

/// One correction of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Correction {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: the username for staff, the institution and role on public pages.
    pub by: String,
    /// Why (for a follow-up of a contested act: what followed).
    pub reason: String,
}

/// `POST /api/activities/{id}/correction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectActivity {
    /// The whole corrected record (of the same kind).
    pub activity: Activity,
    /// Why.
    pub reason: String,
    /// The version as last read.
    pub expected_version: u64,
}

/// `POST /api/activities/{id}/follow-up`: later steps of a contested act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUpAct {
    /// What followed.
    #[serde(flatten)]
    pub follow_up: ContestedActFollowedUp,
    /// The version as last read.
    pub expected_version: u64,
}

/// A tenant's experts, as the public contact list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantContacts {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: TenantName,
    /// Its experts (the regional administration's are the council's secretariat).
    pub contacts: Vec<ExpertContact>,
    /// When the list was last updated.
    pub updated_at: Option<DateTime<Utc>>,
}

/// `PUT /api/contacts`: the caller's tenant's whole contact list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateContacts {
    /// The experts.
    pub contacts: Vec<ExpertContact>,
}
