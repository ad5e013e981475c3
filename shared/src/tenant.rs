//! Tenants: the regional administration, the municipalities, and later territorial units.

use crate::ids::TenantId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What kind of body a tenant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TenantKind {
    /// Областна администрация: keeps the plan and sees the combined view.
    RegionalAdministration,
    /// Община.
    Municipality,
    /// Териториално звено на централната изпълнителна власт (regional directorate, agency).
    TerritorialUnit,
}

impl TenantKind {
    /// The kind's name in Bulgarian, as the UI shows it.
    pub fn label_bg(self) -> &'static str {
        match self {
            Self::RegionalAdministration => "Областна администрация",
            Self::Municipality => "Община",
            Self::TerritorialUnit => "Териториално звено",
        }
    }
}

/// `TenantRegistered` v1: a tenant was added to Antikor. Recorded in the tenant's own
/// `tenant` stream, so the event's tenant is the one registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantRegistered {
    /// Kind of body.
    pub kind: TenantKind,
    /// Official name in Bulgarian.
    pub name_bg: String,
    /// Name in English.
    pub name_en: String,
    /// Official statistical code: NSI municipality code (e.g. `BLG03`) or NUTS-3 for the region.
    pub official_code: String,
    /// EKATTE code of the administrative centre, for municipalities.
    pub ekatte: Option<String>,
    /// Population by the 2011 census, where known.
    pub population_2011: Option<u32>,
}

/// A tenant as the directory read model shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Tenant {
    /// The tenant's slug.
    pub id: TenantId,
    /// What was registered.
    #[serde(flatten)]
    pub registration: TenantRegistered,
    /// When it was registered.
    pub registered_at: DateTime<Utc>,
    /// How many events the tenant's log holds.
    pub event_count: u64,
    /// When its latest event was recorded.
    pub last_event_at: DateTime<Utc>,
}
