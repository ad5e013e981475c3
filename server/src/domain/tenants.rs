//! A tenant's registration as an aggregate: what a request to register names is resolved
//! against the NSI list ([`resolve`]), then checked against the directory (`decide`).

use super::Aggregate;
use crate::util::errors::AppError;
use antikor_migrations::country::country;
use antikor_shared::events::TenantEvent;
use antikor_shared::tenant::{RegisterTenant, TenantKind, TenantRegistered};
use antikor_shared::{ProvinceCode, TenantId};
use std::collections::BTreeSet;

/// What the directory holds that a registration must not repeat.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// The official codes of the registered tenants.
    pub official_codes: BTreeSet<String>,
    /// The provinces whose regional administration is registered.
    pub administrations: BTreeSet<ProvinceCode>,
}

/// Why a registration was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// The slug is taken.
    #[error("Институцията „{0}“ вече е регистрирана.")]
    AlreadyRegistered(TenantId),
    /// Another tenant carries the official code.
    #[error("Институция с код „{0}“ вече е регистрирана.")]
    CodeTaken(String),
    /// The province has its regional administration.
    #[error("Областната администрация на област {0} вече е регистрирана.")]
    AdministrationExists(ProvinceCode),
    /// No municipality of the NSI list has the code.
    #[error("В списъка на НСИ няма община с код „{0}“.")]
    UnknownMunicipality(String),
    /// No province of the NSI list has the code.
    #[error("В списъка на НСИ няма област с код „{0}“.")]
    UnknownProvince(String),
    /// A name or code is empty or too long.
    #[error("Попълнете {0} (до 200 знака).")]
    Blank(&'static str),
    /// A territorial unit's or national body's slug that a municipality or a regional
    /// administration of the NSI list takes.
    #[error("Краткото име „{0}“ е запазено за община или областна администрация; изберете друго.")]
    Reserved(TenantId),
}

impl From<Rejection> for AppError {
    fn from(r: Rejection) -> Self {
        let message = r.to_string();
        match r {
            Rejection::AlreadyRegistered(_)
            | Rejection::CodeTaken(_)
            | Rejection::AdministrationExists(_) => Self::Conflict(message),
            Rejection::UnknownMunicipality(_)
            | Rejection::UnknownProvince(_)
            | Rejection::Blank(_)
            | Rejection::Reserved(_) => Self::BadRequest(message),
        }
    }
}

/// Whether a slug is one the NSI list gives a municipality or a regional administration: a
/// unit registered under it first would keep that tenant out.
fn reserved(slug: &TenantId) -> bool {
    let country = country();
    country.municipalities().iter().any(|m| m.slug == *slug)
        || country
            .provinces()
            .iter()
            .any(|p| p.administration_slug() == *slug)
}

/// The slug and registration a request names: municipalities and regional administrations
/// from the NSI list, the others as described (trimmed, checked for blanks, under a slug the
/// list does not keep for someone else).
pub fn resolve(request: RegisterTenant) -> Result<(TenantId, TenantRegistered), Rejection> {
    let country = country();
    let free = |slug: TenantId| {
        if reserved(&slug) {
            Err(Rejection::Reserved(slug))
        } else {
            Ok(slug)
        }
    };
    let province = |code: &ProvinceCode| {
        country
            .province(code.as_str())
            .ok_or_else(|| Rejection::UnknownProvince(code.to_string()))
    };
    let text = |value: String, what: &'static str| {
        let value = value.trim().to_owned();
        match value.chars().count() {
            1..=200 => Ok(value),
            _ => Err(Rejection::Blank(what)),
        }
    };
    match request {
        RegisterTenant::Municipality { nsi_code } => {
            let code = nsi_code.trim().to_uppercase();
            let m = country
                .municipality(&code)
                .ok_or(Rejection::UnknownMunicipality(code))?;
            Ok((m.slug.clone(), m.registration()))
        }
        RegisterTenant::RegionalAdministration { province: code } => {
            let p = province(&code)?;
            Ok((p.administration_slug(), p.registration()))
        }
        RegisterTenant::TerritorialUnit {
            slug,
            name_bg,
            name_en,
            official_code,
            province: code,
        } => {
            province(&code)?;
            Ok((
                free(slug)?,
                TenantRegistered {
                    kind: TenantKind::TerritorialUnit,
                    name_bg: text(name_bg, "името на български")?,
                    name_en: text(name_en, "името на английски")?,
                    official_code: text(official_code, "официалния код")?,
                    ekatte: None,
                    population_2011: None,
                    province: Some(code),
                },
            ))
        }
        RegisterTenant::NationalBody {
            slug,
            name_bg,
            name_en,
            official_code,
        } => Ok((
            free(slug)?,
            TenantRegistered {
                kind: TenantKind::NationalBody,
                name_bg: text(name_bg, "името на български")?,
                name_en: text(name_en, "името на английски")?,
                official_code: text(official_code, "официалния код")?,
                ekatte: None,
                population_2011: None,
                province: None,
            },
        )),
    }
}

/// A registration, addressed to the new tenant's `tenant` stream.
#[derive(Debug, Clone)]
pub struct Register {
    /// The tenant's slug.
    pub slug: TenantId,
    /// What is recorded.
    pub registration: TenantRegistered,
}

/// The tenant aggregate; its state is the registration, once recorded.
pub struct TenantAggregate;

impl Aggregate for TenantAggregate {
    type Event = TenantEvent;
    type State = Option<TenantRegistered>;
    type Command = Register;
    type Context = Directory;
    type Rejection = Rejection;

    fn decide(
        state: &Option<TenantRegistered>,
        command: Register,
        directory: &Directory,
    ) -> Result<Vec<TenantEvent>, Rejection> {
        let r = command.registration;
        if state.is_some() {
            return Err(Rejection::AlreadyRegistered(command.slug));
        }
        if directory.official_codes.contains(&r.official_code) {
            return Err(Rejection::CodeTaken(r.official_code));
        }
        if let (TenantKind::RegionalAdministration, Some(p)) = (r.kind, &r.province)
            && directory.administrations.contains(p)
        {
            return Err(Rejection::AdministrationExists(p.clone()));
        }
        Ok(vec![TenantEvent::Registered(r)])
    }

    fn apply(_: Option<TenantRegistered>, event: &TenantEvent) -> Option<TenantRegistered> {
        let TenantEvent::Registered(r) = event;
        Some(r.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::given;

    fn municipality(code: &str) -> Register {
        let (slug, registration) = resolve(RegisterTenant::Municipality {
            nsi_code: code.into(),
        })
        .unwrap();
        Register { slug, registration }
    }

    #[test]
    fn a_municipality_is_registered_from_the_nsi_list() {
        let command = municipality("bgs04");
        assert_eq!(command.slug.as_str(), "burgas");
        let events = given::<TenantAggregate>([])
            .when(command, &Directory::default())
            .unwrap();
        let [TenantEvent::Registered(r)] = events.as_slice() else {
            panic!("one registration");
        };
        assert_eq!(r.name_bg, "Община Бургас");
        assert_eq!(r.official_code, "BGS04");
        assert_eq!(r.province.as_ref().map(|p| p.as_str()), Some("BGS"));
    }

    #[test]
    fn a_tenant_is_registered_once_and_a_code_carried_once() {
        let first = municipality("BGS04");
        let registered = TenantEvent::Registered(first.registration.clone());
        assert_eq!(
            given::<TenantAggregate>([registered]).when(first.clone(), &Directory::default()),
            Err(Rejection::AlreadyRegistered(first.slug.clone()))
        );
        let directory = Directory {
            official_codes: ["BGS04".to_owned()].into(),
            ..Directory::default()
        };
        assert_eq!(
            given::<TenantAggregate>([]).when(first, &directory),
            Err(Rejection::CodeTaken("BGS04".into()))
        );
    }

    #[test]
    fn a_province_has_one_regional_administration() {
        let burgas = ProvinceCode::parse("BGS").unwrap();
        let (slug, registration) = resolve(RegisterTenant::RegionalAdministration {
            province: burgas.clone(),
        })
        .unwrap();
        assert_eq!(slug.as_str(), "oblast-bgs");
        let directory = Directory {
            administrations: [burgas.clone()].into(),
            ..Directory::default()
        };
        assert_eq!(
            given::<TenantAggregate>([]).when(Register { slug, registration }, &directory),
            Err(Rejection::AdministrationExists(burgas))
        );
    }

    #[test]
    fn unknown_codes_and_blank_names_are_refused_in_words() {
        assert_eq!(
            resolve(RegisterTenant::Municipality {
                nsi_code: "XYZ99".into()
            })
            .unwrap_err(),
            Rejection::UnknownMunicipality("XYZ99".into())
        );
        let blank = resolve(RegisterTenant::NationalBody {
            slug: TenantId::parse("kpk").unwrap(),
            name_bg: "  ".into(),
            name_en: "Commission".into(),
            official_code: "000".into(),
        });
        assert_eq!(blank.unwrap_err(), Rejection::Blank("името на български"));
        let nowhere = resolve(RegisterTenant::TerritorialUnit {
            slug: TenantId::parse("rdgp").unwrap(),
            name_bg: "РДГП".into(),
            name_en: "Border Police".into(),
            official_code: "1".into(),
            province: ProvinceCode::parse("ZZZ").unwrap(),
        });
        assert_eq!(
            nowhere.unwrap_err(),
            Rejection::UnknownProvince("ZZZ".into())
        );
    }

    #[test]
    fn a_unit_cannot_take_the_slug_of_a_municipality_or_an_administration() {
        for slug in ["burgas", "oblast-var", "oblast"] {
            let squat = resolve(RegisterTenant::TerritorialUnit {
                slug: TenantId::parse(slug).unwrap(),
                name_bg: "Звено".into(),
                name_en: "Unit".into(),
                official_code: "1".into(),
                province: ProvinceCode::parse("BLG").unwrap(),
            });
            assert_eq!(
                squat.unwrap_err(),
                Rejection::Reserved(TenantId::parse(slug).unwrap())
            );
        }
    }
}
