//! The country's territorial units (NSI): 28 provinces and 265 municipalities, and the tenant
//! each becomes when it is registered in Antikor.
//!
//! The lists are `seed/provinces.csv` and `seed/municipalities.csv`: the NSI classification of
//! territorial units, names as the NSI writes them ("Столична" is Sofia's municipality). The
//! provinces' `nuts3` column is Eurostat's NUTS-3 code, which the regional administrations
//! carry as their official code.

use antikor_shared::tenant::{TenantKind, TenantRegistered};
use antikor_shared::text::transliterate;
use antikor_shared::{ProvinceCode, TenantId};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A province (област), as the NSI lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    /// The NSI prefix, e.g. `BLG`.
    pub code: ProvinceCode,
    /// The NSI name, e.g. `Благоевград` or `София (столица)`.
    pub name_bg: &'static str,
    /// How many municipalities it has.
    pub municipalities: usize,
    /// Eurostat's NUTS-3 code, e.g. `BG413`.
    pub nuts3: &'static str,
}

/// A municipality (община), as the NSI lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// The NSI code, unique across the country, e.g. `BLG03`.
    pub nsi_code: &'static str,
    /// The NSI name, e.g. `Благоевград`.
    pub name_bg: &'static str,
    /// The EKATTE code of its administrative centre (shared by a few municipalities).
    pub ekatte: &'static str,
    /// Its province.
    pub province: ProvinceCode,
    /// The tenant slug it is registered under.
    pub slug: TenantId,
}

/// The whole reference list, parsed once.
pub struct Country {
    provinces: Vec<Province>,
    municipalities: Vec<Municipality>,
    by_code: HashMap<&'static str, usize>,
}

/// The country as the NSI lists it.
pub fn country() -> &'static Country {
    static COUNTRY: OnceLock<Country> = OnceLock::new();
    COUNTRY.get_or_init(|| Country::parse(PROVINCES_CSV, MUNICIPALITIES_CSV))
}

const PROVINCES_CSV: &str = include_str!("../seed/provinces.csv");
const MUNICIPALITIES_CSV: &str = include_str!("../seed/municipalities.csv");

/// The rows of a CSV file without quoting (the NSI lists have none), header skipped.
fn rows(csv: &'static str, columns: usize) -> impl Iterator<Item = Vec<&'static str>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(move |line| {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), columns, "malformed reference row {line:?}");
            cells
        })
}

impl Country {
    fn parse(provinces: &'static str, municipalities: &'static str) -> Self {
        let provinces: Vec<Province> = rows(provinces, 4)
            .map(|c| Province {
                code: ProvinceCode::parse(c[0]).expect("province codes are valid"),
                name_bg: c[1],
                municipalities: c[2].parse().expect("a count"),
                nuts3: c[3],
            })
            .collect();
        let mut municipalities: Vec<Municipality> = rows(municipalities, 5)
            .map(|c| Municipality {
                nsi_code: c[0],
                name_bg: c[1],
                ekatte: c[2],
                province: ProvinceCode::parse(c[3]).expect("province codes are valid"),
                slug: TenantId::parse(slug(c[1])).expect("a transliterated name is a slug"),
            })
            .collect();
        // A name two provinces share (Бяла) gives both its province, so neither takes the
        // plain slug first and a registration never depends on which came first.
        let mut seen: HashMap<TenantId, usize> = HashMap::new();
        for m in &municipalities {
            *seen.entry(m.slug.clone()).or_default() += 1;
        }
        for m in &mut municipalities {
            if seen[&m.slug] > 1 {
                let slug = format!("{}-{}", m.slug, m.province.as_str().to_lowercase());
                m.slug = TenantId::parse(slug).expect("still a slug");
            }
        }
        let by_code = municipalities
            .iter()
            .enumerate()
            .map(|(i, m)| (m.nsi_code, i))
            .collect();
        Self {
            provinces,
            municipalities,
            by_code,
        }
    }

    /// The 28 provinces, in the NSI list's order.
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    /// A province by its code.
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code.as_str() == code)
    }

    /// The province whose NUTS-3 code this is.
    pub fn province_of_nuts3(&self, nuts3: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.nuts3 == nuts3)
    }

    /// The 265 municipalities, in the NSI list's order.
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// A municipality by its NSI code.
    pub fn municipality(&self, nsi_code: &str) -> Option<&Municipality> {
        self.by_code.get(nsi_code).map(|&i| &self.municipalities[i])
    }

    /// A province's municipalities.
    pub fn municipalities_of<'a>(
        &'a self,
        province: &'a ProvinceCode,
    ) -> impl Iterator<Item = &'a Municipality> + 'a {
        self.municipalities
            .iter()
            .filter(move |m| m.province == *province)
    }
}

impl Province {
    /// The slug of the province's regional administration: `oblast` for Blagoevgrad, the
    /// province Antikor started with, `oblast-{code}` for the others.
    pub fn administration_slug(&self) -> TenantId {
        if self.code.as_str() == "BLG" {
            return antikor_shared::ids::regional_tenant();
        }
        TenantId::parse(format!("oblast-{}", self.code.as_str().to_lowercase()))
            .expect("a province code makes a slug")
    }

    /// The province's name as its regional administration carries it: "София" for the
    /// province around the capital, "София-град" for the capital's.
    pub fn administration_name_bg(&self) -> String {
        match self.name_bg.split_once(" (") {
            Some((name, "столица)")) => format!("{name}-град"),
            Some((name, _)) => name.to_owned(),
            None => self.name_bg.to_owned(),
        }
    }

    /// What registering the province's regional administration records.
    pub fn registration(&self) -> TenantRegistered {
        let name = self.administration_name_bg();
        TenantRegistered {
            kind: TenantKind::RegionalAdministration,
            name_bg: format!("Областна администрация {name}"),
            name_en: format!("{} Regional Administration", transliterate(&name)),
            official_code: self.nuts3.to_owned(),
            ekatte: None,
            population_2011: None,
            province: Some(self.code.clone()),
        }
    }
}

impl Municipality {
    /// What registering the municipality records.
    pub fn registration(&self) -> TenantRegistered {
        TenantRegistered {
            kind: TenantKind::Municipality,
            name_bg: format!("Община {}", self.name_bg),
            name_en: format!("{} Municipality", transliterate(self.name_bg)),
            official_code: self.nsi_code.to_owned(),
            ekatte: Some(self.ekatte.to_owned()),
            population_2011: None,
            province: Some(self.province.clone()),
        }
    }
}

/// A tenant slug from a Bulgarian name: transliterated, lowercase, words joined by hyphens.
pub fn slug(name: &str) -> String {
    let latin = transliterate(name).to_lowercase();
    let words: Vec<String> = latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_lists_hold_the_whole_country() {
        let country = country();
        assert_eq!(country.provinces().len(), 28);
        assert_eq!(country.municipalities().len(), 265);
        for p in country.provinces() {
            assert_eq!(
                country.municipalities_of(&p.code).count(),
                p.municipalities,
                "{}",
                p.name_bg
            );
        }
        let slugs: BTreeSet<_> = country.municipalities().iter().map(|m| &m.slug).collect();
        assert_eq!(slugs.len(), 265, "every municipality has its own slug");
        let nuts: BTreeSet<_> = country.provinces().iter().map(|p| p.nuts3).collect();
        assert_eq!(nuts.len(), 28);
    }

    #[test]
    fn slugs_follow_the_official_transliteration() {
        assert_eq!(transliterate("Гоце Делчев"), "Gotse Delchev");
        assert_eq!(transliterate("Хаджидимово"), "Hadzhidimovo");
        assert_eq!(transliterate("София"), "Sofia");
        assert_eq!(transliterate("Щит"), "Shtit");
        assert_eq!(slug("Добрич-селска"), "dobrich-selska");
        let country = country();
        let slug_of = |code| country.municipality(code).unwrap().slug.as_str();
        assert_eq!(slug_of("BLG49"), "strumyani");
        assert_eq!(slug_of("BLG13"), "garmen");
        let byala: Vec<_> = country
            .municipalities()
            .iter()
            .filter(|m| m.name_bg == "Бяла")
            .map(|m| m.slug.as_str())
            .collect();
        assert_eq!(byala.len(), 2);
        assert!(byala.iter().all(|s| s.starts_with("byala-")), "{byala:?}");
    }

    #[test]
    fn regional_administrations_carry_their_province() {
        let country = country();
        let sofia_city = country.province("SOF").unwrap().registration();
        assert_eq!(sofia_city.name_bg, "Областна администрация София-град");
        assert_eq!(sofia_city.name_en, "Sofia-grad Regional Administration");
        assert_eq!(
            country.province("SFO").unwrap().registration().name_bg,
            "Областна администрация София"
        );
        let blagoevgrad = country.province_of_nuts3("BG413").unwrap();
        assert_eq!(blagoevgrad.administration_slug().as_str(), "oblast");
        assert_eq!(
            country
                .province("BGS")
                .unwrap()
                .administration_slug()
                .as_str(),
            "oblast-bgs"
        );
    }
}
