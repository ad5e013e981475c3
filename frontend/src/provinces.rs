//! Provinces (области) in the UI: which ones a page offers to choose, and what they are called.

use crate::api::ApiError;
use antikor_shared::tenant::{MunicipalityEntry, ProvinceEntry, Tenant};
use antikor_shared::{ProvinceCode, TenantId};
use std::collections::BTreeSet;

/// A province a picker offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvinceChoice {
    /// Its NSI code, the value sent as `?province=`.
    pub code: ProvinceCode,
    /// Its name, as [`province_name`] gives it.
    pub name: String,
}

/// A province's NSI name, or its code when the country's list lacks it (still loading, or
/// failed): a code is still better than nothing in a table.
pub fn province_name(country: &[ProvinceEntry], code: &ProvinceCode) -> String {
    country
        .iter()
        .find(|p| &p.code == code)
        .map_or_else(|| code.to_string(), |p| p.name_bg.clone())
}

/// A province as a heading names it: "област Благоевград".
pub fn coverage(country: &[ProvinceEntry], province: &ProvinceCode) -> String {
    format!("област {}", province_name(country, province))
}

/// The provinces that have at least one registered tenant (national bodies have none).
pub fn registered_provinces(tenants: &[Tenant]) -> BTreeSet<ProvinceCode> {
    tenants
        .iter()
        .filter_map(|t| t.registration.province.clone())
        .collect()
}

/// Whether the directory spans more than one province: only then is a province worth choosing
/// on the public pages.
pub fn spans_provinces(tenants: &[Tenant]) -> bool {
    registered_provinces(tenants).len() > 1
}

/// The provinces a picker offers: every one with registered tenants, and the `chosen` one
/// even without (an address may name it), sorted by name. Bulgarian names sort right by code
/// point: the alphabet's letters are in its order in Unicode.
pub fn province_choices(
    country: &[ProvinceEntry],
    tenants: &[Tenant],
    chosen: Option<&ProvinceCode>,
) -> Vec<ProvinceChoice> {
    let mut codes = registered_provinces(tenants);
    codes.extend(chosen.cloned());
    let mut choices: Vec<ProvinceChoice> = codes
        .into_iter()
        .map(|code| ProvinceChoice {
            name: province_name(country, &code),
            code,
        })
        .collect();
    choices.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.code.cmp(&b.code)));
    choices
}

/// A tenant of the directory.
pub fn tenant_of<'a>(tenants: &'a [Tenant], id: &TenantId) -> Option<&'a Tenant> {
    tenants.iter().find(|t| &t.id == id)
}

/// The province of a tenant of the directory; none for national bodies and unknown tenants.
pub fn province_of<'a>(tenants: &'a [Tenant], id: &TenantId) -> Option<&'a ProvinceCode> {
    tenant_of(tenants, id).and_then(|t| t.registration.province.as_ref())
}

/// Whether a tenant belongs in a list narrowed to `province` (`None`: every province).
pub fn in_province(tenant: &Tenant, province: Option<&ProvinceCode>) -> bool {
    province.is_none_or(|p| tenant.registration.province.as_ref() == Some(p))
}

/// The municipalities of `province` not registered yet, in the NSI list's order.
pub fn unregistered_municipalities<'a>(
    country: &'a [ProvinceEntry],
    province: &ProvinceCode,
) -> Vec<&'a MunicipalityEntry> {
    country
        .iter()
        .filter(|p| &p.code == province)
        .flat_map(|p| &p.municipalities)
        .filter(|m| !m.registered)
        .collect()
}

/// Reads the `?province=` of an address: blank is none (the whole country), anything but
/// an NSI-shaped code is refused before the server is asked.
pub fn province_param(value: Option<String>) -> Result<Option<ProvinceCode>, ApiError> {
    value
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .map(ProvinceCode::parse)
        .transpose()
        .map_err(|_| ApiError::Invalid("Адресът съдържа невалидна област.".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::tenant::{TenantKind, TenantRegistered};
    use chrono::DateTime;

    fn code(c: &str) -> ProvinceCode {
        ProvinceCode::parse(c).unwrap()
    }

    fn tenant(slug: &str, kind: TenantKind, province: Option<&str>) -> Tenant {
        Tenant {
            id: TenantId::parse(slug).unwrap(),
            registration: TenantRegistered {
                kind,
                name_bg: slug.to_owned(),
                name_en: slug.to_owned(),
                official_code: slug.to_uppercase(),
                province: province.map(code),
                ekatte: None,
                population_2011: None,
            },
            registered_at: DateTime::UNIX_EPOCH,
            event_count: 1,
            last_event_at: DateTime::UNIX_EPOCH,
        }
    }

    fn municipality(nsi_code: &str, name: &str, registered: bool) -> MunicipalityEntry {
        MunicipalityEntry {
            nsi_code: nsi_code.to_owned(),
            name_bg: name.to_owned(),
            slug: TenantId::parse(nsi_code.to_lowercase()).unwrap(),
            registered,
        }
    }

    fn country() -> Vec<ProvinceEntry> {
        let province = |c: &str, name: &str, municipalities| ProvinceEntry {
            code: code(c),
            name_bg: name.to_owned(),
            administration: None,
            plans: Vec::new(),
            municipalities,
        };
        vec![
            province(
                "BGS",
                "Бургас",
                vec![
                    municipality("BGS01", "Айтос", false),
                    municipality("BGS04", "Бургас", true),
                ],
            ),
            province(
                "BLG",
                "Благоевград",
                vec![
                    municipality("BLG01", "Банско", true),
                    municipality("BLG03", "Благоевград", true),
                ],
            ),
            province("VTR", "Велико Търново", Vec::new()),
            province("VID", "Видин", Vec::new()),
        ]
    }

    #[test]
    fn names_come_from_the_nsi_list_or_fall_back_to_the_code() {
        assert_eq!(province_name(&country(), &code("BLG")), "Благоевград");
        assert_eq!(province_name(&country(), &code("SOF")), "SOF");
        assert_eq!(province_name(&[], &code("BLG")), "BLG");
        assert_eq!(coverage(&country(), &code("BLG")), "област Благоевград");
    }

    #[test]
    fn only_provinces_with_tenants_are_offered_sorted_by_name() {
        let one = [
            tenant("oblast", TenantKind::RegionalAdministration, Some("BLG")),
            tenant("bansko", TenantKind::Municipality, Some("BLG")),
            tenant("kzk", TenantKind::NationalBody, None),
        ];
        assert!(!spans_provinces(&one), "a national body is in no province");
        let names = |choices: Vec<ProvinceChoice>| -> Vec<String> {
            choices.into_iter().map(|c| c.name).collect()
        };
        assert_eq!(
            names(province_choices(&country(), &one, None)),
            ["Благоевград"]
        );

        let many = [
            tenant("oblast", TenantKind::RegionalAdministration, Some("BLG")),
            tenant("vidin", TenantKind::Municipality, Some("VID")),
            tenant("burgas", TenantKind::Municipality, Some("BGS")),
            tenant(
                "oblast-vtr",
                TenantKind::RegionalAdministration,
                Some("VTR"),
            ),
        ];
        assert!(spans_provinces(&many));
        assert_eq!(
            names(province_choices(&country(), &many, None)),
            ["Благоевград", "Бургас", "Велико Търново", "Видин"]
        );
        // An address may name a province without tenants: it is offered, so the picker shows
        // what the page shows.
        let chosen = province_choices(&country(), &one, Some(&code("BGS")));
        assert_eq!(
            chosen.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            ["BLG", "BGS"]
        );
    }

    #[test]
    fn a_tenants_province_and_the_lists_narrowed_to_one() {
        let tenants = [
            tenant("oblast", TenantKind::RegionalAdministration, Some("BLG")),
            tenant("burgas", TenantKind::Municipality, Some("BGS")),
            tenant("kzk", TenantKind::NationalBody, None),
        ];
        let id = |s: &str| TenantId::parse(s).unwrap();
        assert_eq!(province_of(&tenants, &id("oblast")), Some(&code("BLG")));
        assert_eq!(province_of(&tenants, &id("kzk")), None);
        assert_eq!(province_of(&tenants, &id("nowhere")), None);
        let blg = code("BLG");
        let kept: Vec<&str> = tenants
            .iter()
            .filter(|t| in_province(t, Some(&blg)))
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(kept, ["oblast"]);
        assert!(tenants.iter().all(|t| in_province(t, None)));
    }

    #[test]
    fn what_is_left_to_register_is_the_provinces_unregistered_municipalities() {
        let country = country();
        let left: Vec<&str> = unregistered_municipalities(&country, &code("BGS"))
            .into_iter()
            .map(|m| m.nsi_code.as_str())
            .collect();
        assert_eq!(left, ["BGS01"]);
        assert!(unregistered_municipalities(&country, &code("BLG")).is_empty());
        assert!(unregistered_municipalities(&[], &code("BLG")).is_empty());
    }

    #[test]
    fn the_address_names_a_province_by_its_code() {
        assert_eq!(province_param(None), Ok(None));
        assert_eq!(province_param(Some(" ".to_owned())), Ok(None));
        assert_eq!(
            province_param(Some(" BLG ".to_owned())),
            Ok(Some(code("BLG")))
        );
        for bad in ["blg", "BLGX", "Благоевград"] {
            assert!(province_param(Some(bad.to_owned())).is_err(), "{bad:?}");
        }
    }
}
