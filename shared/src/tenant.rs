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

impl TenantRegistered {
    /// The tenant's name in both languages, as the views carry it: the one place a
    /// [`TenantName`] is made from a registration.
    pub fn name(&self) -> TenantName {
        TenantName {
            bg: self.name_bg.clone(),
            en: self.name_en.clone(),
        }
    }
}

/// A tenant's name in both languages, as the views carry it to the browser, which shows the
/// one of the page's language ([`get`](Self::get)). The English name may be empty (the command
/// line registers a unit without one); the Bulgarian, the official name, then stands in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantName {
    /// The official name in Bulgarian.
    pub bg: String,
    /// The name in English; empty when none was registered.
    pub en: String,
}

impl TenantName {
    /// The name to show on a page in `lang`: the English one on English pages, the Bulgarian
    /// one when there is no English name, and on Bulgarian pages.
    pub fn get(&self, lang: Lang) -> &str {
        self.shown(lang).0
    }

    /// The name to show on a page in `lang` (as [`get`](Self::get)) and the language it is in,
    /// so that a page can mark a Bulgarian name on an English page with `lang="bg"`.
    pub fn shown(&self, lang: Lang) -> (&str, Lang) {
        match lang {
            Lang::En if !self.en.trim().is_empty() => (&self.en, Lang::En),
            _ => (&self.bg, Lang::Bg),
        }
    }

    /// The `lang` attribute the name needs on a page in `lang`: the tag of the language it is
    /// shown in when that is not the page's (a Bulgarian name standing in on an English page),
    /// else none.
    pub fn lang_mark(&self, lang: Lang) -> Option<&'static str> {
        let (_, shown) = self.shown(lang);
        (shown != lang).then(|| shown.tag())
    }
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

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn a_name_is_shown_in_the_page_language_and_in_bulgarian_without_an_english_one() {
        let both = TenantName {
            bg: "Община Банско".into(),
            en: "Bansko Municipality".into(),
        };
        assert_eq!(both.get(Lang::Bg), "Община Банско");
        assert_eq!(both.get(Lang::En), "Bansko Municipality");
        assert_eq!(both.shown(Lang::En), ("Bansko Municipality", Lang::En));
        assert_eq!(both.lang_mark(Lang::En), None);
        assert_eq!(both.lang_mark(Lang::Bg), None);
        for en in ["", "  "] {
            let bulgarian_only = TenantName {
                bg: "Звено".into(),
                en: en.into(),
            };
            assert_eq!(bulgarian_only.get(Lang::En), "Звено");
            assert_eq!(bulgarian_only.shown(Lang::En), ("Звено", Lang::Bg));
            assert_eq!(bulgarian_only.lang_mark(Lang::En), Some("bg"));
            assert_eq!(bulgarian_only.get(Lang::Bg), "Звено");
            assert_eq!(bulgarian_only.lang_mark(Lang::Bg), None);
        }
    }

    #[test]
    fn a_registration_gives_both_names() {
        let registered = TenantRegistered {
            kind: TenantKind::Municipality,
            name_bg: "Община Банско".into(),
            name_en: "Bansko Municipality".into(),
            official_code: "BLG01".into(),
            province: None,
            ekatte: None,
            population_2011: None,
        };
        assert_eq!(
            registered.name(),
            TenantName {
                bg: "Община Банско".into(),
                en: "Bansko Municipality".into(),
            }
        );
    }
}
