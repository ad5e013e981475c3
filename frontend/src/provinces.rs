//! Provinces (области) in the UI: which ones a page offers, whose plan it shows, their names.

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
        .map_or_else(|| code.to_string(), |p| place_name(&p.name_bg))
}

/// A place's name as the page's language writes it: as it is in Bulgarian, in Latin letters by
/// the official transliteration in English ("Благоевград" → "Blagoevgrad").
pub fn place_name(name_bg: &str) -> String {
    match crate::i18n::lang() {
        antikor_shared::i18n::Lang::Bg => name_bg.to_owned(),
        antikor_shared::i18n::Lang::En => antikor_shared::text::transliterate(name_bg),
    }
}

/// A province as a heading names it: "област Благоевград".
pub fn coverage(country: &[ProvinceEntry], province: &ProvinceCode) -> String {
    t!(
        "shell-province-coverage",
        province = province_name(country, province)
    )
}

/// Whom the site serves, as its header and footer name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteScope {
    /// One province: the logged-in user's, or, for visitors, the only one registered.
    Province(ProvinceCode),
    /// Several provinces, or a national body's user.
    Country,
}

/// The [`SiteScope`] for the logged-in user `own` (`None`: a visitor) in the directory.
pub fn site_scope(tenants: &[Tenant], own: Option<&TenantId>) -> SiteScope {
    let province = match own {
        Some(own) => province_of(tenants, own).cloned(),
        None => {
            let registered = registered_provinces(tenants);
            (registered.len() == 1)
                .then(|| registered.into_iter().next())
                .flatten()
        }
    };
    province.map_or(SiteScope::Country, SiteScope::Province)
}

/// Who keeps their records here, as the site's texts say it: "Областна администрация
/// Благоевград и общините в областта", or the administrations and municipalities in general
/// (several provinces, or not known yet).
pub fn served_by(scope: Option<SiteScope>, country: &[ProvinceEntry]) -> String {
    match scope {
        Some(SiteScope::Province(code)) => t!(
            "shell-served-by-province",
            province = province_name(country, &code)
        ),
        _ => t!("shell-served-by-country"),
    }
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
/// even without (an address may name it), sorted by name.
pub fn province_choices(
    country: &[ProvinceEntry],
    tenants: &[Tenant],
    chosen: Option<&ProvinceCode>,
) -> Vec<ProvinceChoice> {
    let mut codes = registered_provinces(tenants);
    codes.extend(chosen.cloned());
    choices_by_name(country, codes)
}

/// `codes` as choices sorted by name. Bulgarian names sort right by code point: the
/// alphabet's letters are in its order in Unicode.
fn choices_by_name(
    country: &[ProvinceEntry],
    codes: impl IntoIterator<Item = ProvinceCode>,
) -> Vec<ProvinceChoice> {
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

/// The years a province has a plan for, ascending; none for a province the list lacks.
pub fn plan_years_of<'a>(country: &'a [ProvinceEntry], province: &ProvinceCode) -> &'a [i32] {
    country
        .iter()
        .find(|p| &p.code == province)
        .map_or(&[], |p| p.plans.as_slice())
}

/// The years any province has a plan for, ascending: the years of lists that span provinces.
pub fn every_plan_year(country: &[ProvinceEntry]) -> Vec<i32> {
    let years: BTreeSet<i32> = country
        .iter()
        .flat_map(|p| p.plans.iter().copied())
        .collect();
    years.into_iter().collect()
}

/// Whether a province has a plan of any year.
pub fn has_plan(country: &[ProvinceEntry], province: &ProvinceCode) -> bool {
    !plan_years_of(country, province).is_empty()
}

/// The provinces a page that follows a plan offers: those with a plan, and the `chosen` one
/// even without (an address may name it, and the picker should show what the page shows),
/// sorted by name. There is no "whole country": each province keeps its own plan.
pub fn plan_choices(
    country: &[ProvinceEntry],
    chosen: Option<&ProvinceCode>,
) -> Vec<ProvinceChoice> {
    let mut codes: BTreeSet<ProvinceCode> = country
        .iter()
        .filter(|p| !p.plans.is_empty())
        .map(|p| p.code.clone())
        .collect();
    codes.extend(chosen.cloned());
    choices_by_name(country, codes)
}

/// The provinces with a plan for `year`, sorted by name: what a province's first plan may
/// start from, and what an annual report of that year may be of.
pub fn plans_of_year(country: &[ProvinceEntry], year: i32) -> Vec<ProvinceChoice> {
    let codes = country
        .iter()
        .filter(|p| p.plans.contains(&year))
        .map(|p| p.code.clone());
    choices_by_name(country, codes)
}

/// Which province's plan a page that follows a plan shows. The server keeps no plan of the
/// whole country, and answers 400 when several provinces have plans and none is named: the
/// page decides first, and asks nothing until it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProvince {
    /// Not known yet: the session is being checked, or the lists are loading.
    Pending,
    /// This province's.
    Shown(ProvinceCode),
    /// Several provinces have plans and nothing says which: the person chooses.
    Choose,
    /// No province has a plan yet.
    NoPlan,
}

impl PlanProvince {
    /// The province shown, once there is one.
    pub fn shown(&self) -> Option<&ProvinceCode> {
        match self {
            Self::Shown(p) => Some(p),
            _ => None,
        }
    }
}

/// The province whose plan a page shows: the one the address names; else the user's `own`,
/// if it has a plan; else the only province with a plan. With several and nothing to go by,
/// the person chooses.
pub fn plan_province(
    country: &[ProvinceEntry],
    asked: Option<&ProvinceCode>,
    own: Option<&ProvinceCode>,
) -> PlanProvince {
    if let Some(asked) = asked {
        return PlanProvince::Shown(asked.clone());
    }
    if let Some(own) = own.filter(|p| has_plan(country, p)) {
        return PlanProvince::Shown(own.clone());
    }
    let mut with_plans = country.iter().filter(|p| !p.plans.is_empty());
    match (with_plans.next(), with_plans.next()) {
        (None, _) => PlanProvince::NoPlan,
        (Some(only), None) => PlanProvince::Shown(only.code.clone()),
        (Some(_), Some(_)) => PlanProvince::Choose,
    }
}

/// The year to keep when the person turns to `province`: the one chosen, if that province
/// has a plan for it; else none, so its newest is shown rather than a missing year.
pub fn year_kept(
    country: &[ProvinceEntry],
    province: &ProvinceCode,
    year: Option<i32>,
) -> Option<i32> {
    year.filter(|y| plan_years_of(country, province).contains(y))
}

/// Whether the dashboard asked for (`asked`, else the user's `own` tenant) is of a tenant
/// outside every province, a national body, which reports on no plan. Unknown tenants are
/// not: the server then says what is wrong.
pub fn outside_provinces(tenants: &[Tenant], own: &TenantId, asked: Option<&TenantId>) -> bool {
    tenant_of(tenants, asked.unwrap_or(own)).is_some_and(|t| t.registration.province.is_none())
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
        .map_err(|_| ApiError::Invalid(t!("shell-invalid-address-province")))
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

    /// [`country`] with plans: each province's years.
    fn with_plans(plans: &[(&str, &[i32])]) -> Vec<ProvinceEntry> {
        let mut country = country();
        for (c, years) in plans {
            let entry = country.iter_mut().find(|p| p.code.as_str() == *c).unwrap();
            entry.plans = years.to_vec();
        }
        country
    }

    fn codes(choices: &[ProvinceChoice]) -> Vec<&str> {
        choices.iter().map(|c| c.code.as_str()).collect()
    }

    #[test]
    fn plan_pages_offer_the_provinces_with_a_plan_and_no_whole_country() {
        let planned = with_plans(&[("VID", &[2018]), ("BLG", &[2017, 2018])]);
        // By name: Благоевград before Видин; Бургас and Велико Търново have none.
        assert_eq!(codes(&plan_choices(&planned, None)), ["BLG", "VID"]);
        // An address may name one without a plan: it is offered, so the picker shows it.
        assert_eq!(
            codes(&plan_choices(&planned, Some(&code("BGS")))),
            ["BLG", "BGS", "VID"]
        );
        assert!(plan_choices(&country(), None).is_empty());
        assert_eq!(plan_years_of(&planned, &code("BLG")), [2017, 2018]);
        assert!(plan_years_of(&planned, &code("SOF")).is_empty());
        assert!(has_plan(&planned, &code("VID")) && !has_plan(&planned, &code("BGS")));
    }

    #[test]
    fn a_first_plan_starts_from_a_plan_of_the_same_year() {
        let country = with_plans(&[("VID", &[2018]), ("BLG", &[2017, 2018])]);
        assert_eq!(codes(&plans_of_year(&country, 2017)), ["BLG"]);
        assert_eq!(codes(&plans_of_year(&country, 2018)), ["BLG", "VID"]);
        assert!(plans_of_year(&country, 2019).is_empty());
    }

    #[test]
    fn the_province_shown_is_the_asked_then_the_own_then_the_only_one() {
        let blg = code("BLG");
        let bgs = code("BGS");
        let one = with_plans(&[("BLG", &[2017])]);
        let shown = |p: &ProvinceCode| PlanProvince::Shown(p.clone());
        // The demo: one province keeps a plan, whoever asks.
        assert_eq!(plan_province(&one, None, None), shown(&blg));
        assert_eq!(plan_province(&one, None, Some(&blg)), shown(&blg));
        // An own province without a plan yet: the only one with a plan is shown.
        assert_eq!(plan_province(&one, None, Some(&bgs)), shown(&blg));
        // The address wins, with a plan or without (the server then says there is none).
        assert_eq!(plan_province(&one, Some(&bgs), Some(&blg)), shown(&bgs));

        let two = with_plans(&[("BLG", &[2017]), ("BGS", &[2018])]);
        assert_eq!(plan_province(&two, None, Some(&bgs)), shown(&bgs));
        assert_eq!(plan_province(&two, None, None), PlanProvince::Choose);
        assert_eq!(
            plan_province(&two, None, Some(&code("VID"))),
            PlanProvince::Choose
        );
        assert_eq!(plan_province(&two, Some(&blg), None), shown(&blg));

        assert_eq!(plan_province(&country(), None, None), PlanProvince::NoPlan);
        assert_eq!(
            plan_province(&country(), None, Some(&blg)),
            PlanProvince::NoPlan
        );
        assert_eq!(plan_province(&[], Some(&blg), None), shown(&blg));
        assert_eq!(shown(&blg).shown(), Some(&blg));
        assert_eq!(PlanProvince::Choose.shown(), None);
    }

    #[test]
    fn a_year_is_kept_only_where_the_province_has_a_plan_for_it() {
        let country = with_plans(&[("BLG", &[2017, 2018]), ("VID", &[2018])]);
        assert_eq!(year_kept(&country, &code("VID"), Some(2018)), Some(2018));
        assert_eq!(year_kept(&country, &code("VID"), Some(2017)), None);
        assert_eq!(year_kept(&country, &code("BLG"), None), None);
        assert_eq!(year_kept(&country, &code("SOF"), Some(2017)), None);
    }

    #[test]
    fn a_national_body_reports_on_no_plan() {
        let tenants = [
            tenant("oblast", TenantKind::RegionalAdministration, Some("BLG")),
            tenant("kzk", TenantKind::NationalBody, None),
        ];
        let id = |s: &str| TenantId::parse(s).unwrap();
        assert!(outside_provinces(&tenants, &id("kzk"), None));
        // A national user looking at a province's tenant sees its dashboard.
        assert!(!outside_provinces(
            &tenants,
            &id("kzk"),
            Some(&id("oblast"))
        ));
        assert!(!outside_provinces(&tenants, &id("oblast"), None));
        assert!(outside_provinces(&tenants, &id("oblast"), Some(&id("kzk"))));
        assert!(!outside_provinces(&tenants, &id("nowhere"), None));
        assert!(!outside_provinces(&[], &id("kzk"), None));
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

    #[test]
    fn lists_across_provinces_offer_every_provinces_plan_years() {
        let mut country = country();
        country[0].plans = vec![2017, 2018];
        country[1].plans = vec![2016, 2017];
        assert_eq!(every_plan_year(&country), vec![2016, 2017, 2018]);
        assert!(every_plan_year(&[]).is_empty());
    }

    #[test]
    fn the_site_names_the_users_province_or_the_only_one_or_the_country() {
        let id = |s: &str| TenantId::parse(s).unwrap();
        let mut tenants = vec![
            tenant("oblast", TenantKind::RegionalAdministration, Some("BLG")),
            tenant("bansko", TenantKind::Municipality, Some("BLG")),
            tenant("kpk", TenantKind::NationalBody, None),
        ];
        let blagoevgrad = SiteScope::Province(code("BLG"));
        assert_eq!(site_scope(&tenants, None), blagoevgrad);
        assert_eq!(site_scope(&tenants, Some(&id("bansko"))), blagoevgrad);
        assert_eq!(site_scope(&tenants, Some(&id("kpk"))), SiteScope::Country);
        tenants.push(tenant("burgas", TenantKind::Municipality, Some("BGS")));
        assert_eq!(site_scope(&tenants, None), SiteScope::Country);
        assert_eq!(
            site_scope(&tenants, Some(&id("burgas"))),
            SiteScope::Province(code("BGS"))
        );
        assert_eq!(site_scope(&[], None), SiteScope::Country);
    }
}
