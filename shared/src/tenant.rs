//! Tenants: national bodies, the regional administrations, the municipalities and territorial
//! units, each placed in its province (область).

use crate::i18n::Lang;
use crate::ids::{ProvinceCode, TenantId};
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
    /// A central body that reads across the country (the anti-corruption bodies, ministries).
    NationalBody,
}

impl TenantKind {
    /// The kind's name in `lang`, as the UI shows it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::RegionalAdministration => {
                crate::tr!(lang, "labels-tenant-kind-regional-administration")
            }
            Self::Municipality => crate::tr!(lang, "labels-tenant-kind-municipality"),
            Self::TerritorialUnit => crate::tr!(lang, "labels-tenant-kind-territorial-unit"),
            Self::NationalBody => crate::tr!(lang, "labels-tenant-kind-national-body"),
        }
    }

    /// Whether a tenant of this kind belongs to a province: every kind but national bodies.
    pub fn has_province(self) -> bool {
        self != Self::NationalBody
    }
}

/// `TenantRegistered` v2: a tenant was added to Antikor. Recorded in the tenant's own
/// `tenant` stream, so the event's tenant is the one registered. v2 added `province`.
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
    /// The province the tenant belongs to (its regional administration's region); none for
    /// national bodies.
    pub province: Option<ProvinceCode>,
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

/// `POST /api/tenants`: what to register. Municipalities and regional administrations are
/// named by their official code and take everything else from the NSI list; territorial units
/// and national bodies are described in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegisterTenant {
    /// A municipality of the NSI list.
    Municipality {
        /// Its NSI code, e.g. `BGS04`.
        nsi_code: String,
    },
    /// A province's regional administration.
    RegionalAdministration {
        /// The province.
        province: ProvinceCode,
    },
    /// A territorial unit of the central executive power in a province.
    TerritorialUnit {
        /// The slug it logs in under.
        slug: TenantId,
        /// Official name in Bulgarian.
        name_bg: String,
        /// Name in English.
        name_en: String,
        /// Its official identifier (e.g. its BULSTAT / UIC number).
        official_code: String,
        /// The province it works in.
        province: ProvinceCode,
    },
    /// A central body that reads across the country.
    NationalBody {
        /// The slug it logs in under.
        slug: TenantId,
        /// Official name in Bulgarian.
        name_bg: String,
        /// Name in English.
        name_en: String,
        /// Its official identifier (e.g. its BULSTAT / UIC number).
        official_code: String,
    },
}

/// `GET /api/country`: a province of the NSI list and what of it is registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceEntry {
    /// The NSI code, e.g. `BLG`.
    pub code: ProvinceCode,
    /// The NSI name.
    pub name_bg: String,
    /// The tenant of its regional administration, once registered.
    pub administration: Option<TenantId>,
    /// The years its regional administration has a plan for, ascending.
    pub plans: Vec<i32>,
    /// Its municipalities, in the NSI list's order.
    pub municipalities: Vec<MunicipalityEntry>,
}

/// A municipality of the NSI list and its tenant, once registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MunicipalityEntry {
    /// The NSI code, e.g. `BLG03`.
    pub nsi_code: String,
    /// The NSI name, e.g. `Благоевград`.
    pub name_bg: String,
    /// The slug it is (or would be) registered under.
    pub slug: TenantId,
    /// Whether it is registered.
    pub registered: bool,
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn tenant_kind_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(
            [
                TenantKind::RegionalAdministration,
                TenantKind::Municipality,
                TenantKind::TerritorialUnit,
                TenantKind::NationalBody,
            ],
            |value, lang| value.label(lang),
        );
    }
}
