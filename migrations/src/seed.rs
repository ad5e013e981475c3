//! Seed data: the tenants of `docs/domain.md` (the regional administration and the 14
//! municipalities of Blagoevgrad province, with their official codes).

use antikor_shared::tenant::{TenantKind, TenantRegistered};
use antikor_shared::{ProvinceCode, TenantId};

/// One row of the tenants table.
struct Row {
    slug: &'static str,
    name_bg: &'static str,
    name_en: &'static str,
    code: &'static str,
    ekatte: &'static str,
    population_2011: u32,
}

const fn municipality(
    slug: &'static str,
    name_bg: &'static str,
    name_en: &'static str,
    code: &'static str,
    ekatte: &'static str,
    population_2011: u32,
) -> Row {
    Row {
        slug,
        name_bg,
        name_en,
        code,
        ekatte,
        population_2011,
    }
}

/// NSI municipality codes, EKATTE of the centre and 2011 census population, from DOMAIN.md.
const MUNICIPALITIES: [Row; 14] = [
    municipality("bansko", "Банско", "Bansko", "BLG01", "02676", 13_125),
    municipality("belitsa", "Белица", "Belitsa", "BLG02", "03504", 9_927),
    municipality(
        "blagoevgrad",
        "Благоевград",
        "Blagoevgrad",
        "BLG03",
        "04279",
        77_441,
    ),
    municipality(
        "gotse-delchev",
        "Гоце Делчев",
        "Gotse Delchev",
        "BLG11",
        "17395",
        31_236,
    ),
    municipality("garmen", "Гърмен", "Garmen", "BLG13", "18366", 14_981),
    municipality("kresna", "Кресна", "Kresna", "BLG28", "14492", 5_441),
    municipality("petrich", "Петрич", "Petrich", "BLG33", "56126", 54_006),
    municipality("razlog", "Разлог", "Razlog", "BLG37", "61813", 20_598),
    municipality(
        "sandanski",
        "Сандански",
        "Sandanski",
        "BLG40",
        "65334",
        40_470,
    ),
    municipality("satovcha", "Сатовча", "Satovcha", "BLG42", "65440", 15_444),
    municipality("simitli", "Симитли", "Simitli", "BLG44", "66460", 14_283),
    municipality(
        "strumyani",
        "Струмяни",
        "Strumyani",
        "BLG49",
        "69969",
        5_778,
    ),
    municipality(
        "hadzhidimovo",
        "Хаджидимово",
        "Hadzhidimovo",
        "BLG52",
        "77058",
        10_091,
    ),
    municipality("yakoruda", "Якоруда", "Yakoruda", "BLG53", "87338", 10_731),
];

/// The province of the founding tenants.
fn province() -> ProvinceCode {
    ProvinceCode::parse("BLG").expect("a province code")
}

/// The 15 founding tenants in registration order: the regional administration first.
pub fn tenants() -> Vec<(TenantId, TenantRegistered)> {
    let oblast = TenantRegistered {
        kind: TenantKind::RegionalAdministration,
        name_bg: "Областна администрация Благоевград".into(),
        name_en: "Blagoevgrad Regional Administration".into(),
        // NUTS-3 code; ISO 3166-2 is BG-01.
        official_code: "BG413".into(),
        ekatte: None,
        population_2011: None,
        province: Some(province()),
    };
    let municipalities = MUNICIPALITIES.iter().map(|r| {
        let registration = TenantRegistered {
            kind: TenantKind::Municipality,
            name_bg: format!("Община {}", r.name_bg),
            name_en: format!("{} Municipality", r.name_en),
            official_code: r.code.into(),
            ekatte: Some(r.ekatte.into()),
            population_2011: Some(r.population_2011),
            province: Some(province()),
        };
        (
            TenantId::parse(r.slug).expect("seed slugs are valid"),
            registration,
        )
    });
    std::iter::once((antikor_shared::ids::regional_tenant(), oblast))
        .chain(municipalities)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_tenants_with_unique_slugs_and_codes() {
        let t = tenants();
        assert_eq!(t.len(), 15);
        let slugs: std::collections::BTreeSet<_> = t.iter().map(|(s, _)| s.clone()).collect();
        let codes: std::collections::BTreeSet<_> =
            t.iter().map(|(_, r)| r.official_code.clone()).collect();
        assert_eq!((slugs.len(), codes.len()), (15, 15));
        let blagoevgrad = t.iter().find(|(s, _)| s.as_str() == "blagoevgrad").unwrap();
        assert_eq!(blagoevgrad.1.official_code, "BLG03");
        assert_eq!(blagoevgrad.1.ekatte.as_deref(), Some("04279"));
        assert_eq!(blagoevgrad.1.population_2011, Some(77_441));
    }

    #[test]
    fn the_three_municipalities_under_ten_thousand_are_those_domain_md_names() {
        let small: Vec<_> = tenants()
            .into_iter()
            .filter(|(_, r)| r.population_2011.is_some_and(|p| p < 10_000))
            .map(|(s, _)| s.to_string())
            .collect();
        assert_eq!(small, ["belitsa", "kresna", "strumyani"]);
    }
}
