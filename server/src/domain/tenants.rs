//! A tenant's registration as an aggregate: what a request to register names is resolved
//! against the NSI list ([`resolve`]), then checked against the directory (`decide`).

use super::Aggregate;
use crate::util::errors::AppError;
use antikor_migrations::country::country;
use antikor_shared::events::TenantEvent;
use antikor_shared::i18n::Text;
use antikor_shared::msg;
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

/// A text a registration must fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// The name in Bulgarian.
    NameBg,
    /// The name in English.
    NameEn,
    /// The official code.
    OfficialCode,
}

/// Why a registration was refused; [`text`](Self::text) is the message for the person, and
/// `Display` its Bulgarian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The slug is taken.
    AlreadyRegistered(TenantId),
    /// Another tenant carries the official code.
    CodeTaken(String),
    /// The province has its regional administration.
    AdministrationExists(ProvinceCode),
    /// No municipality of the NSI list has the code.
    UnknownMunicipality(String),
    /// No province of the NSI list has the code.
    UnknownProvince(String),
    /// A name or code is empty or too long.
    Blank(Named),
    /// A territorial unit's or national body's slug that a municipality or a regional
    /// administration of the NSI list takes.
    Reserved(TenantId),
}

impl Rejection {
    /// The refusal, for the person, in whichever language they read.
    pub fn text(&self) -> Text {
        match self {
            Self::AlreadyRegistered(slug) => {
                msg!("rules-tenant-registered", slug = slug.to_string())
            }
            Self::CodeTaken(code) => msg!("rules-tenant-code-taken", code = code.as_str()),
            Self::AdministrationExists(province) => msg!(
                "rules-administration-registered",
                province = province.to_string()
            ),
            Self::UnknownMunicipality(code) => {
                msg!("rules-unknown-municipality", code = code.as_str())
            }
            Self::UnknownProvince(code) => msg!("rules-unknown-province", code = code.as_str()),
            Self::Blank(Named::NameBg) => msg!("rules-tenant-name-bg-blank"),
            Self::Blank(Named::NameEn) => msg!("rules-tenant-name-en-blank"),
            Self::Blank(Named::OfficialCode) => msg!("rules-tenant-code-blank"),
            Self::Reserved(slug) => msg!("rules-slug-reserved", slug = slug.to_string()),
        }
    }
}

/// The Bulgarian message.
impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for Rejection {}

impl From<Rejection> for AppError {
    fn from(r: Rejection) -> Self {
        let message = r.text();
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
    let text = |value: String, what: Named| {
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
                    name_bg: text(name_bg, Named::NameBg)?,
                    name_en: text(name_en, Named::NameEn)?,
                    official_code: text(official_code, Named::OfficialCode)?,
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
                name_bg: text(name_bg, Named::NameBg)?,
                name_en: text(name_en, Named::NameEn)?,
                official_code: text(official_code, Named::OfficialCode)?,
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
        let blank = blank.unwrap_err();
        assert_eq!(blank, Rejection::Blank(Named::NameBg));
        assert_eq!(
            blank.to_string(),
            "Попълнете името на български (до 200 знака)."
        );
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
