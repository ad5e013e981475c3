//! The corruption-risk register (plan measure VI.1): each tenant's risks of a year, rated on a
//! 5×5 grid of likelihood and impact before and after its controls, with the response chosen
//! under the public internal control law (ЗФУКПС, чл. 12), reviews and closure.

use crate::TenantId;
use crate::i18n::Lang;
use crate::tenant::TenantName;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A risk rated on the 5×5 grid: likelihood and impact, each from 1 (lowest) to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    /// How likely: 1 rare … 5 almost certain.
    pub likelihood: u8,
    /// How much harm: 1 negligible … 5 severe.
    pub impact: u8,
}

impl Rating {
    /// Whether both values are on the 1–5 scale.
    pub fn is_valid(self) -> bool {
        (1..=5).contains(&self.likelihood) && (1..=5).contains(&self.impact)
    }

    /// Likelihood × impact, 1 to 25.
    pub fn score(self) -> u8 {
        self.likelihood * self.impact
    }

    /// The band of the score.
    pub fn band(self) -> Band {
        Band::of(self.score())
    }
}

/// How serious a risk is, by its score: low 1–4, medium 5–12, high 15–25 (no product of two
/// values from 1 to 5 lies between 12 and 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Acceptable as it is.
    Low,
    /// Tolerable, watched.
    Medium,
    /// Not acceptable without treatment.
    High,
}

impl Band {
    /// The bands, lowest first.
    pub const ALL: [Band; 3] = [Band::Low, Band::Medium, Band::High];

    /// The band of a score.
    pub fn of(score: u8) -> Self {
        match score {
            0..=4 => Self::Low,
            5..=12 => Self::Medium,
            _ => Self::High,
        }
    }

    /// The band's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Low => crate::tr!(lang, "labels-band-low"),
            Self::Medium => crate::tr!(lang, "labels-band-medium"),
            Self::High => crate::tr!(lang, "labels-band-high"),
        }
    }
}

/// The area of a municipality's or administration's work a risk lies in: the areas the
/// national methodology and the regional plans name most, so that the regional view can
/// compare tenants area by area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskArea {
    /// Public procurement.
    Procurement,
    /// Spatial planning and construction.
    Construction,
    /// Municipal or state property.
    Property,
    /// Local taxes and fees.
    TaxesAndFees,
    /// Permits, licences and registrations.
    Permits,
    /// Social services and assistance.
    SocialServices,
    /// Staff: appointments, conflicts of interest.
    HumanResources,
    /// The budget and financial management.
    Finance,
    /// Inspections and control.
    Inspections,
    /// Services to citizens and businesses.
    Services,
    /// Anything else.
    Other,
}

impl RiskArea {
    /// Every area, in the order the forms list them.
    pub const ALL: [RiskArea; 11] = [
        RiskArea::Procurement,
        RiskArea::Construction,
        RiskArea::Property,
        RiskArea::TaxesAndFees,
        RiskArea::Permits,
        RiskArea::SocialServices,
        RiskArea::HumanResources,
        RiskArea::Finance,
        RiskArea::Inspections,
        RiskArea::Services,
        RiskArea::Other,
    ];

    /// The area's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Procurement => crate::tr!(lang, "labels-risk-area-procurement"),
            Self::Construction => crate::tr!(lang, "labels-risk-area-construction"),
            Self::Property => crate::tr!(lang, "labels-risk-area-property"),
            Self::TaxesAndFees => crate::tr!(lang, "labels-risk-area-taxes-and-fees"),
            Self::Permits => crate::tr!(lang, "labels-risk-area-permits"),
            Self::SocialServices => crate::tr!(lang, "labels-risk-area-social-services"),
            Self::HumanResources => crate::tr!(lang, "labels-risk-area-human-resources"),
            Self::Finance => crate::tr!(lang, "labels-risk-area-finance"),
            Self::Inspections => crate::tr!(lang, "labels-risk-area-inspections"),
            Self::Services => crate::tr!(lang, "labels-risk-area-services"),
            Self::Other => crate::tr!(lang, "labels-risk-area-other"),
        }
    }
}

/// The response to a risk: the four strategies of the public internal control law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskResponse {
    /// Limit it with controls (treat).
    Limit,
    /// Transfer it (insurance, a contract, another body).
    Transfer,
    /// Accept (tolerate) it, with a justification.
    Accept,
    /// Terminate the activity that carries it.
    Terminate,
}

impl RiskResponse {
    /// Every response, in the law's order.
    pub const ALL: [RiskResponse; 4] = [
        RiskResponse::Limit,
        RiskResponse::Transfer,
        RiskResponse::Accept,
        RiskResponse::Terminate,
    ];

    /// The response's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Limit => crate::tr!(lang, "labels-risk-response-limit"),
            Self::Transfer => crate::tr!(lang, "labels-risk-response-transfer"),
            Self::Accept => crate::tr!(lang, "labels-risk-response-accept"),
            Self::Terminate => crate::tr!(lang, "labels-risk-response-terminate"),
        }
    }
}

/// Where a risk stands, as its events leave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    /// Identified, not yet rated.
    Identified,
    /// Rated, no response chosen yet.
    Assessed,
    /// A response is planned and the risk is watched.
    Treated,
    /// No longer in the register.
    Closed,
}

impl RiskStatus {
    /// The status's name in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Identified => crate::tr!(lang, "labels-risk-status-identified"),
            Self::Assessed => crate::tr!(lang, "labels-risk-status-assessed"),
            Self::Treated => crate::tr!(lang, "labels-risk-status-treated"),
            Self::Closed => crate::tr!(lang, "labels-risk-status-closed"),
        }
    }
}

/// `RiskIdentified` v1: a tenant entered a risk in its register for a year. Recorded in the
/// tenant's `risk-{id}` stream, whose first event it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskIdentified {
    /// The register's year.
    pub year: i32,
    /// The area of work.
    pub area: RiskArea,
    /// The process or unit that carries the risk.
    pub unit: String,
    /// What could happen.
    pub description: String,
    /// Why it could happen.
    pub causes: String,
    /// Who answers for it: an account of the tenant.
    pub owner: String,
    /// When it is to be reviewed.
    pub review_on: NaiveDate,
}

/// `RiskAssessed` v1: the risk rated before (inherent) and after (residual) its existing
/// controls. A newer assessment replaces the older.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskAssessed {
    /// Before any control.
    pub inherent: Rating,
    /// The controls already in place.
    pub controls: String,
    /// With those controls.
    pub residual: Rating,
}

/// `RiskTreatmentPlanned` v1: the response chosen and the measures planned for it. A newer
/// plan replaces the older.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskTreatmentPlanned {
    /// The strategy.
    pub response: RiskResponse,
    /// The measures planned, or for an accepted risk why it is accepted.
    pub actions: String,
    /// The plan's measures they carry out (keys of the year's plan).
    #[serde(default)]
    pub measures: Vec<String>,
    /// When the measures are to be done.
    pub due_on: Option<NaiveDate>,
}

/// `RiskReviewed` v1: the risk looked at again: rated anew, with the next review's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskReviewed {
    /// The day of the review.
    pub reviewed_on: NaiveDate,
    /// The residual rating found.
    pub residual: Rating,
    /// What the review found.
    pub note: String,
    /// When it is to be reviewed next.
    pub next_review_on: NaiveDate,
}

/// `RiskFilesAttached` v1: documents attached to the risk (an analysis, a review's minutes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskFilesAttached {
    /// The files, stored beforehand.
    pub files: Vec<crate::files::FileRef>,
}

/// `RiskClosed` v1: the risk taken out of the register (it no longer exists, or was merged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskClosed {
    /// Why.
    pub reason: String,
}

/// A command on a recorded risk, with the version of the risk its sender read (a change made
/// meanwhile answers 409).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskChange<T> {
    /// The version read.
    pub expected_version: u64,
    /// The change.
    #[serde(flatten)]
    pub change: T,
}

/// A review as the register shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewEntry {
    /// What was found.
    #[serde(flatten)]
    pub review: RiskReviewed,
    /// Who recorded it.
    pub by: String,
}

/// One risk of the register, as its events leave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskRecord {
    /// The risk's id.
    pub id: Uuid,
    /// Whose register.
    pub tenant: TenantId,
    /// Its number in the tenant's register of its year, from 1 in the order of entry.
    pub number: u32,
    /// What was identified (the review date is the newest: a review moves it).
    #[serde(flatten)]
    pub identified: RiskIdentified,
    /// The newest assessment.
    pub assessment: Option<RiskAssessed>,
    /// The newest treatment plan.
    pub treatment: Option<RiskTreatmentPlanned>,
    /// The reviews, oldest first.
    pub reviews: Vec<ReviewEntry>,
    /// Why it was closed, when it was.
    pub closed: Option<RiskClosed>,
    /// Documents attached, oldest first.
    #[serde(default)]
    pub files: Vec<crate::files::FileRef>,
    /// How many of the tenant's signals are related to it: exact for the tenant's officers
    /// (the signals register is theirs), small counts suppressed for everyone else.
    pub signals: Option<crate::signal::Cell>,
    /// The number of events of its stream: the version a change must name.
    pub version: u64,
    /// When it was entered, and by whom.
    pub recorded_at: DateTime<Utc>,
    /// Who entered it.
    pub recorded_by: String,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl RiskRecord {
    /// The risk as its first event enters it.
    pub fn identified(
        id: Uuid,
        tenant: TenantId,
        number: u32,
        identified: RiskIdentified,
        at: DateTime<Utc>,
        by: &str,
    ) -> Self {
        Self {
            id,
            tenant,
            number,
            identified,
            assessment: None,
            treatment: None,
            reviews: Vec::new(),
            closed: None,
            files: Vec::new(),
            signals: None,
            version: 1,
            recorded_at: at,
            recorded_by: by.to_owned(),
            updated_at: at,
        }
    }

    /// The rating before controls, once assessed.
    pub fn inherent(&self) -> Option<Rating> {
        self.assessment.as_ref().map(|a| a.inherent)
    }

    /// The newest residual rating: the last review's, else the assessment's.
    pub fn residual(&self) -> Option<Rating> {
        self.reviews
            .last()
            .map(|r| r.review.residual)
            .or_else(|| self.assessment.as_ref().map(|a| a.residual))
    }

    /// The band of the newest rating (residual), once assessed.
    pub fn band(&self) -> Option<Band> {
        self.residual().map(Rating::band)
    }

    /// Where it stands.
    pub fn status(&self) -> RiskStatus {
        if self.closed.is_some() {
            RiskStatus::Closed
        } else if self.treatment.is_some() {
            RiskStatus::Treated
        } else if self.assessment.is_some() {
            RiskStatus::Assessed
        } else {
            RiskStatus::Identified
        }
    }

    /// Its register code, e.g. `Р-2017-03`.
    pub fn code(&self) -> String {
        format!("Р-{}-{:02}", self.identified.year, self.number)
    }

    /// Whether its review is due on or before `day` (closed risks are never due).
    pub fn review_due_by(&self, day: NaiveDate) -> bool {
        self.closed.is_none() && self.identified.review_on <= day
    }
}

/// How many risks lie in each cell of the 5×5 grid: `cells[likelihood - 1][impact - 1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grid {
    /// Counts by likelihood (rows) and impact (columns).
    pub cells: [[u32; 5]; 5],
}

impl Grid {
    /// Counts one more risk rated `rating`.
    pub fn add(&mut self, rating: Rating) {
        if rating.is_valid() {
            self.cells[usize::from(rating.likelihood - 1)][usize::from(rating.impact - 1)] += 1;
        }
    }

    /// How many risks the grid holds.
    pub fn total(&self) -> u32 {
        self.cells.iter().flatten().sum()
    }
}

/// A tenant's register of one year in figures: the heat maps and what needs attention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskSummary {
    /// The tenant.
    pub tenant: Option<TenantId>,
    /// The year.
    pub year: i32,
    /// Risks in the register that are not closed.
    pub open: u32,
    /// Closed risks.
    pub closed: u32,
    /// Open risks not yet rated.
    pub unassessed: u32,
    /// Open risks rated but with no response planned.
    pub untreated: u32,
    /// Open risks whose review date has passed.
    pub overdue_reviews: u32,
    /// Open risks by the band of their residual rating: low, medium, high.
    pub by_band: [u32; 3],
    /// The open risks by inherent rating.
    pub inherent: Grid,
    /// The open risks by residual rating.
    pub residual: Grid,
}

impl RiskSummary {
    /// Counts one risk in, as it stands on `today`.
    pub fn add(&mut self, risk: &RiskRecord, today: NaiveDate) {
        if risk.closed.is_some() {
            self.closed += 1;
            return;
        }
        self.open += 1;
        match (risk.inherent(), risk.residual()) {
            (Some(inherent), Some(residual)) => {
                self.inherent.add(inherent);
                self.residual.add(residual);
                self.by_band[residual.band() as usize] += 1;
                if risk.treatment.is_none() {
                    self.untreated += 1;
                }
            }
            _ => self.unassessed += 1,
        }
        if risk.identified.review_on < today {
            self.overdue_reviews += 1;
        }
    }
}

/// One tenant's register in the regional view: figures only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionRiskRow {
    /// The tenant.
    pub tenant: TenantId,
    /// Its name.
    pub name: TenantName,
    /// Its register's figures for the year (no register: every count 0).
    pub summary: RiskSummary,
}

/// A risk among the highest of its area in the regional view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopRisk {
    /// Whose.
    pub tenant: TenantId,
    /// The tenant's name.
    pub name: TenantName,
    /// The risk.
    pub id: Uuid,
    /// Its code in the tenant's register.
    pub code: String,
    /// The process or unit.
    pub unit: String,
    /// What could happen.
    pub description: String,
    /// Its residual rating.
    pub residual: Rating,
    /// Its response, if one is planned.
    pub response: Option<RiskResponse>,
    /// How many of the tenant's signals are related to it, small counts suppressed.
    pub signals: crate::signal::Cell,
}

/// The risks of one area across the tenants in reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaRisks {
    /// The area.
    pub area: RiskArea,
    /// Open risks of the area.
    pub open: u32,
    /// The highest by residual score (at most [`TOP_PER_AREA`]).
    pub top: Vec<TopRisk>,
}

/// How many of an area's risks the regional view lists.
pub const TOP_PER_AREA: usize = 3;

/// The tenants' registers of one year side by side (the regional and national view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionRisks {
    /// The year.
    pub year: i32,
    /// Every tenant in reach, the regional administration first, then by name.
    pub tenants: Vec<RegionRiskRow>,
    /// The tenants with no risk in the year's register.
    pub without_register: u32,
    /// Open risks rated but with no response planned, across the tenants.
    pub untreated: u32,
    /// The areas with open risks, the area with the highest risk first.
    pub areas: Vec<AreaRisks>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(Band::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(RiskArea::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(RiskResponse::ALL, |value, lang| value.label(lang));
        crate::i18n::assert_distinct_labels(
            [
                RiskStatus::Identified,
                RiskStatus::Assessed,
                RiskStatus::Treated,
                RiskStatus::Closed,
            ],
            |value, lang| value.label(lang),
        );
    }

    #[test]
    fn bands_split_the_grid_where_the_scale_says() {
        let band = |l, i| {
            Rating {
                likelihood: l,
                impact: i,
            }
            .band()
        };
        assert_eq!(band(1, 1), Band::Low);
        assert_eq!(band(2, 2), Band::Low);
        assert_eq!(band(1, 5), Band::Medium);
        assert_eq!(band(3, 4), Band::Medium);
        assert_eq!(band(3, 5), Band::High);
        assert_eq!(band(5, 5), Band::High);
        assert!(
            !Rating {
                likelihood: 0,
                impact: 3
            }
            .is_valid()
        );
        assert!(
            !Rating {
                likelihood: 3,
                impact: 6
            }
            .is_valid()
        );
    }

    #[test]
    fn a_change_reads_flat_with_its_version() {
        let json = r#"{"expected_version":2,"reason":"Отпадна дейността"}"#;
        let change: RiskChange<RiskClosed> = serde_json::from_str(json).unwrap();
        assert_eq!(change.expected_version, 2);
        assert_eq!(change.change.reason, "Отпадна дейността");
    }
}
