//! Seed data: the 2017 action plan of the Blagoevgrad anti-corruption council (ООСППК).
//!
//! Transcribed from `migrations/seed/plan-2017-blagoevgrad.txt`, the table of the Regional
//! Public Council for Prevention and Countering of Corruption (Областен обществен съвет за
//! превенция и противодействие на корупцията). That file is a byte-for-byte copy of the
//! council's published table, kept in the repository so that the tests below can read it
//! wherever the repository is checked out.
//!
//! The text is kept as printed, including the source's own spelling and grammar. The scanned
//! source repeats a page header („РЕПУБЛИКА БЪЛГАРИЯ / Областна администрация / Благоевград“)
//! that splits some table cells across pages; those cells are joined back with one space, and
//! each join is marked below with `concat!` and a comment.

use antikor_shared::plan::{Deadline, Plan, PlanMeasure, PlanSection, YearMonth};

/// The year the plan covers; every deadline in it falls in this year.
const YEAR: i32 = 2017;

/// The plan's heading as printed.
const TITLE: &str = "ПЛАН ЗА ДЕЙСТВИЕ НА ОБЛАСТНИЯ ОБЩЕСТВЕН СЪВЕТ ЗА ПРЕВЕНЦИЯ И ПРОТИВОДЕЙСТВИЕ НА КОРУПЦИЯТА /ООСППК/ БЛАГОЕВГРАД ЗА 2017 ГОДИНА";

/// One row of the plan's table.
struct Row {
    /// The measure's key: see `PlanMeasure::key`.
    key: &'static str,
    /// Column „№“, as printed.
    number: &'static str,
    /// Column „Мярка“.
    text: &'static str,
    /// Column „Срок“ as months of `YEAR`: first and last (equal for a single month).
    months: (u32, u32),
    /// Column „Срок“ as printed.
    deadline: &'static str,
    /// Column „Отговорник“, one entry per position. The source runs the positions together
    /// on one line; they are split where a new position title begins.
    responsible: &'static [&'static str],
    /// Column „Индикатор за оценка на изпълнението“.
    indicator: &'static str,
    /// Column „Резултат“.
    result: &'static str,
}

/// One section of the plan with its rows.
struct Section {
    /// Roman numeral without a dot.
    numeral: &'static str,
    /// Numbering as printed.
    numeral_in_source: &'static str,
    /// Title as printed, without numbering or the source's italic markup.
    title: &'static str,
    /// The section's measures in order.
    rows: &'static [Row],
}

/// Who the source names most often: the chief secretary and the council's secretary.
const SECRETARIES: &[&str] = &["Главен секретар", "Секретар на ООСППК"];

/// The plan, section by section, in the printed order.
const SECTIONS: [Section; 6] = [
    Section {
        numeral: "I",
        // The source numbers this section "1." (in italics), unlike II–VI.
        numeral_in_source: "1.",
        title: "Въвеждане на единен подход за всеобхватно и унифицирано планиране и отчитане на дейността в областта на антикорупционната политика",
        rows: &[
            Row {
                key: "I.1",
                number: "1.",
                text: "Обобщаване на докладите от териториалните звена на съдебната и изпълнителна власт, органите на местно самоуправление за постъпилите сигнали за корупция и предприетите от тях действия. Представяне на обобщена информация за състоянието на антикорупционната среда на територията на област Благоевград. Публикуване на информация от докладите на интернет страницата на областна администрация.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                indicator: "Доклад за постъпилите сигнали за корупция в териториалните звена и органите за местно самоуправление",
                result: "Единен подход в планиране и отчитане на дейността на територията на областта",
            },
            Row {
                key: "I.2",
                number: "2.",
                // Page break after „съдебната“; „власт“ opens the next page.
                text: concat!(
                    "Прилагане на антикорупционен механизъм за докладване на резултатите в областта на противодействие на корупцията в общинските администрации и териториалните звена на централната изпълнителна власт и съдебната",
                    " ",
                    "власт"
                ),
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                indicator: "Доклад за добри антикорупционни практики.",
                // Page break after „Систематизирани,“.
                result: concat!(
                    "Повишен контрола и внимание към засилване на превенцията и антикорупционните механизми. Систематизирани,",
                    " ",
                    "обобщени и популяризирани антикорупционни практики – принос в процеса на борбата срещу корупцията"
                ),
            },
            Row {
                key: "I.3",
                number: "3.",
                text: "Утвърждаване на антикорупционната среда по отношение на административния контрол върху решенията на общинските съвети и актовете на кметове на общини на територията на областта.",
                // Printed as two months: the measure runs through the whole year.
                months: (1, 12),
                deadline: "Януари 2017 г. Декември 2017 г.",
                responsible: &["Главен секретар"],
                indicator: "Публикуване на сайта на администрацията информация за оспорените от областните управители решения/заповеди на Общинските съвети/кметовете на общини с цел уеднаквяване на практиката.",
                result: "Публичност и прозрачност, намаляване на възможностите за корупционен подход",
            },
        ],
    },
    Section {
        numeral: "II",
        numeral_in_source: "II.",
        title: "Секторен подход за превенция и противодействие на корупцията",
        rows: &[
            Row {
                key: "II.1",
                number: "1.",
                text: "Планиране и провеждане на заседания на ООСППК с участието на представители на организации, с дейност насочена в борбата с корупцията на територията на страната.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                indicator: "Проведени заседания с организации, ангажирани с проблемите на корупцията с цел обмен на информация и подобряване координацията при прилагане на антикорупционни мерки",
                result: "Подобрена координация при прилагане на антикорупционната политика",
            },
            Row {
                key: "II.2",
                number: "2.",
                text: "С цел провеждането на политика за изграждане на институционална и информационна антикорупционна среда, Областния съвет за превенция и противодействие на корупцията, да съдейства и насърчава провеждането на срещи във формат „отворени врати“ в институциите на местната и ТЗ на централната власт.",
                months: (10, 10),
                deadline: "Октомври 2017 г.",
                responsible: &["Областен управител", "Секретар на ООСППК"],
                indicator: "Организиране на среща на областния управител – председател на ООСППК във формат „отворени врати“ за осигуряване на публичност. Насърчаване на провеждане на срещи в териториалните структури на изпълнителната власт.",
                result: "Подобряване на антикорупционната среда",
            },
            // The page break before this row falls between rows and splits no cell.
            Row {
                key: "II.3",
                number: "3.",
                text: "Подобряване на комуникацията между институциите в провеждането на единна антикорупционна политика на територията на областта.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                indicator: "Актуализиране информацията за експертите, отговарящи за въпросите за противодействие на корупцията в териториалните звена и общините в област Благоевград.",
                result: "Подобряване на общото координиране на дейностите за превенция и противодействие на корупцията на територията на областта и провеждането на антикорупционната политика.",
            },
        ],
    },
    Section {
        numeral: "III",
        numeral_in_source: "III.",
        title: "Мерки, целящи укрепване на антикорупционната среда",
        rows: &[
            Row {
                key: "III.1",
                number: "1.",
                text: "Провеждане на политика за публичност и прозрачност в дейността на ООСППК. Оптимизиране на контактите с медиите, като източник на информация за отношението на обществото.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Секретар на ООСППК"],
                indicator: "Представяне на информация на медиите, в това число и за Радио Благоевград, за подадени сигнали за корупция до ООСППК и предприетите мерки.",
                result: "Повишаване на публичността и прозрачността в дейността на ООСППК.",
            },
            Row {
                key: "III.2",
                number: "2.",
                text: "Организиране и провеждане на обучения/семинари с антикорупционна насоченост с цел повишаване квалификацията в сферата на превенцията и противодействието на корупцията.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Главен секретар", "Главен експерт ЧР"],
                indicator: "Провеждане на въвеждащи и специализирани обучения на служители на тема антикорупция, както и организиране на информационни кампании.",
                result: "Укрепване на антикорупционната среда",
            },
            Row {
                key: "III.3",
                number: "3.",
                text: "Представяне на практики пред ООСППК за предотвратяване и установяване на конфликт на интереси.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                // Page break after „установяване на“, inside the name of the law.
                indicator: concat!(
                    "Съвместно заседание с Комисия за предотвратяване и установяване на конфликт на интереси. Периодична проверка на декларациите по Закона за предотвратяване и установяване на",
                    " ",
                    "конфликт на интереси, подадени от лицата, заемащи публични длъжности и декларациите за имотно състояние."
                ),
                result: "Повишаване на капацитета по превенция на корупцията",
            },
        ],
    },
    Section {
        numeral: "IV",
        numeral_in_source: "IV.",
        title: "Мерки за създаване на прозрачност в дейността на ООСППК и за популяризиране на предприетите антикорупционни мерки",
        rows: &[
            Row {
                key: "IV.1",
                number: "1.",
                text: "Предприемане на мерки за популяризиране дейността на ООСППК за по-голяма информираност на обществото за провежданата антикорупционна политика.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                indicator: "Поддържане на актуална информация на страницата на ОА Благоевград за състава, целите, дейността на ООСППК, за проведените заседания на, взетите решения и публикуване на протоколите. Публикуване на информация за ООСППК на интернет страниците на членовете на Съвета.",
                result: "Осигуряване на публичност",
            },
            Row {
                key: "IV.2",
                number: "2.",
                text: "Стимулиране на изграждането на антикорупционна среда и утвърждаване на култура на нетърпимост към корупционни прояви, повишаване на антикорупционната култура и активно участие за подаване на сигнали за корупция.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Секретар на ООСППК"],
                indicator: "Разработване на информационна брошура за целите, състава, контактите и дейността на ООСППК и начини за подаване на сигнали за корупция. Разпространение на брошурата от членовете на ООСППК в поверените им институции.",
                result: "Стимулиране на гражданите за сигнализиране прояви на корупция",
            },
            Row {
                key: "IV.3",
                number: "3.",
                text: "Подобряване механизмите по превенция на корупцията за идентифициране на дефицитните области по отношение на корупционното поведение.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: SECRETARIES,
                // Page break after „сигналите и“.
                indicator: concat!(
                    "Организиране на регистър за получени сигнали и изготвяне на анализ на подадените сигнали за корупция или злоупотреби с цел установяване на звена и дейности, за които преобладават сигналите и",
                    " ",
                    "предприемане на мерки за преустановяването им точно в тези области."
                ),
                result: "Подобрена превенция на корупцията",
            },
        ],
    },
    Section {
        numeral: "V",
        numeral_in_source: "V.",
        title: "Сътрудничество между държавните институции, гражданското общество, медиите и бизнеса",
        rows: &[
            Row {
                key: "V.1",
                number: "1.",
                text: "Обмен на информация и оптимизиране комуникацията с отговорни институции като Националния съвет по антикорупционни политики към МС и др.",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Секретар на ООСППК"],
                indicator: "Водена кореспонденция",
                result: "Подобрена координация и междуинституционално сътрудничество",
            },
            Row {
                key: "V.2",
                number: "2.",
                text: "Оптимизиране контактите с регионалните медии, като източник на информация за отношението на обществото към корупционните прояви и организиране на съвместни инициативи",
                months: (12, 12),
                // The only deadline printed without „г.“.
                deadline: "Декември 2017",
                responsible: &["Председател на ООСППК Благоевград", "Секретар на ООСППК"],
                indicator: "Излъчване на клип по Радио Благоевград и други медии за насърчаване на гражданите да подават сигнали за корупционни действия на сайта на Областна администрация или посочени телефон и адрес. Организиране съвместно с БНР Благоевград на среща с граждани в Голямото концертно студио за информиране относно необходимостта от борба с корупцията на всички нива и мястото на гражданското общество в този процес.",
                result: "Подобрена комуникация с медиите",
            },
            Row {
                key: "V.3",
                number: "3.",
                text: "Организиране и провеждане на срещи на Областния управител за граждани, съвместно с ръководители на териториални звена, представители на неправителствени организации и медиите",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Председател на ООСППК Благоевград"],
                // Page break after „практики,“.
                indicator: concat!(
                    "Брой събития Ангажиране на НПО за разясняване правата на гражданите и сигнализиране за нередности, проучване на разбирането и нагласите за участие в корупционни практики,",
                    " ",
                    "поощряване на гражданите за подаване на сигнали"
                ),
                result: "Подобрено взаимодействие, координация и сътрудничество за противодействие на корупцията",
            },
            // The source numbers this measure "3." again: the number is kept as printed and
            // the key tells the two apart.
            Row {
                key: "V.3b",
                number: "3.",
                text: "Провеждане на открити (разширени) заседания на ООСППК с участието за граждани, представители на НПО и медиите относно актуални антикорупционни теми",
                months: (12, 12),
                deadline: "Декември 2017 г.",
                responsible: &["Секретар на ООСППК"],
                indicator: "Проведени открити заседания и други инициативи Участие на представител на ООСППК директно в предаване по Радио Благоевград, с пряко включване на слушатели и директна дискусия по зададени слушателски въпроси. Подготвяне и излъчване на публицистични предавания в ефира на БНТ 2 – Благоевград.",
                result: "Подобрено взаимодействие и координация с медиите",
            },
        ],
    },
    Section {
        numeral: "VI",
        numeral_in_source: "VI.",
        title: "Анализ и оценка за идентифициране на области с повишен корупционен риск в Областна администрация Благоевград",
        rows: &[
            Row {
                key: "VI.1",
                number: "1.",
                text: "Съставяне на Годишния регистър на корупционния риск с отразяване на настъпилите промени.",
                months: (8, 8),
                deadline: "Август 2017 г.",
                responsible: &["Главен секретар"],
                indicator: "Брой идентифицирани и оценени рискове",
                result: "Риск регистър с оценени рискове от корупция и корупционни практики за администрацията",
            },
            Row {
                key: "VI.2",
                number: "2.",
                text: "Провеждане на годишна анкета за самооценка на корупционния риск сред служителите и анализ на резултатите, съгласно Методиката за оценка на корупционния риск",
                months: (7, 7),
                deadline: "Юли 2017 г.",
                responsible: &["Главен секретар"],
                indicator: "Проведена анкета",
                result: "Ограничаване на корупционния риск",
            },
        ],
    },
];

/// A month of the plan's year.
fn month(m: u32) -> YearMonth {
    YearMonth::new(YEAR, m).expect("seed months are 1–12")
}

/// The 2017 plan of the Blagoevgrad council: 6 sections and 18 measures, in the printed order.
pub fn plan_2017() -> Plan {
    let sections = SECTIONS
        .iter()
        .map(|s| PlanSection {
            numeral: s.numeral.into(),
            numeral_in_source: s.numeral_in_source.into(),
            title: s.title.into(),
        })
        .collect();
    let measures = SECTIONS
        .iter()
        .flat_map(|s| s.rows.iter().map(move |r| (s, r)))
        .map(|(s, r)| {
            let (from, to) = r.months;
            PlanMeasure {
                key: r.key.into(),
                section: s.numeral.into(),
                number_in_source: r.number.into(),
                text: r.text.into(),
                deadline: Deadline::range(month(from), month(to))
                    .expect("seed deadlines do not run backwards"),
                deadline_in_source: r.deadline.into(),
                responsible: r.responsible.iter().map(|&p| p.into()).collect(),
                indicator: r.indicator.into(),
                expected_result: r.result.into(),
            }
        })
        .collect();
    Plan {
        year: YEAR,
        title: TITLE.into(),
        sections,
        measures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use antikor_shared::StreamId;
    use std::collections::BTreeSet;

    /// The source the plan was transcribed from.
    const SEED: &str = include_str!("../seed/plan-2017-blagoevgrad.txt");

    /// The page header the scan repeats on every page, one line each.
    const PAGE_HEADER: [&str; 3] = [
        "РЕПУБЛИКА БЪЛГАРИЯ",
        "Областна администрация",
        "Благоевград",
    ];

    /// The table's column headings: they fix which field each tab-separated cell belongs to.
    const COLUMNS: &str =
        "№\tМярка\tСрок\tОтговорник\tИндикатор за оценка на изпълнението\tРезултат";

    /// The table's body: the lines after the column headings, without blank lines and page
    /// headers. A cell split by a page break is then on two consecutive body lines.
    fn body() -> Vec<&'static str> {
        let mut lines = SEED.lines();
        lines
            .by_ref()
            .find(|l| *l == COLUMNS)
            .expect("the seed has the column headings");
        lines
            .filter(|l| !l.trim().is_empty() && !PAGE_HEADER.contains(&l.trim()))
            .collect()
    }

    /// A body line's six cells, trimmed, without the source's italic markup.
    fn cells(line: &str) -> [String; 6] {
        let cells: Vec<String> = line
            .split('\t')
            .map(|c| c.replace("<i>", "").replace("</i>", "").trim().to_owned())
            .collect();
        cells
            .try_into()
            .unwrap_or_else(|c: Vec<_>| panic!("{} cells in {line:?}", c.len()))
    }

    /// A measure's fields in the table's column order, the responsible positions joined with a
    /// space as the source prints them.
    fn fields(m: &PlanMeasure) -> [String; 6] {
        [
            m.number_in_source.clone(),
            m.text.clone(),
            m.deadline_in_source.clone(),
            m.responsible.join(" "),
            m.indicator.clone(),
            m.expected_result.clone(),
        ]
    }

    /// The row whose line starts with `start`, with the cells of the lines continuing it (an
    /// empty „№“: the rest of a row that a page break cut) joined on with one space.
    fn row(start: &str) -> [String; 6] {
        let body = body();
        let starts: Vec<usize> = (0..body.len())
            .filter(|&i| body[i].starts_with(start))
            .collect();
        let [i] = starts[..] else {
            panic!("{} rows start with {start:?}", starts.len());
        };
        let mut row = cells(body[i]);
        for line in &body[i + 1..] {
            let more = cells(line);
            if !more[0].is_empty() {
                break;
            }
            for (cell, more) in row.iter_mut().zip(more) {
                if !more.is_empty() {
                    cell.push(' ');
                    cell.push_str(&more);
                }
            }
        }
        row
    }

    #[test]
    fn six_sections_and_eighteen_measures() {
        let plan = plan_2017();
        let numerals: Vec<_> = plan.sections.iter().map(|s| s.numeral.as_str()).collect();
        assert_eq!(numerals, ["I", "II", "III", "IV", "V", "VI"]);
        assert_eq!(plan.measures.len(), 18);
        let per_section: Vec<_> = numerals
            .iter()
            .map(|n| plan.measures_in(n).count())
            .collect();
        assert_eq!(per_section, [3, 3, 3, 3, 4, 2]);
    }

    #[test]
    fn title_and_year_are_the_seeds() {
        let plan = plan_2017();
        assert_eq!(plan.year, 2017);
        assert!(SEED.lines().any(|l| l == plan.title));
    }

    #[test]
    fn keys_are_unique_and_name_their_section() {
        let plan = plan_2017();
        let keys: BTreeSet<_> = plan.measures.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys.len(), plan.measures.len());
        let numerals: BTreeSet<_> = plan.sections.iter().map(|s| s.numeral.as_str()).collect();
        for m in &plan.measures {
            assert!(numerals.contains(m.section.as_str()), "{}", m.key);
            assert!(m.key.starts_with(&format!("{}.", m.section)), "{}", m.key);
            // Measures get event streams named after their key (ids.rs: `measure-I.3`).
            assert!(StreamId::parse(format!("measure-{}", m.key)).is_ok());
        }
    }

    #[test]
    fn section_v_keeps_its_repeated_number_three() {
        let plan = plan_2017();
        let v: Vec<_> = plan
            .measures_in("V")
            .map(|m| (m.key.as_str(), m.number_in_source.as_str()))
            .collect();
        assert_eq!(
            v,
            [("V.1", "1."), ("V.2", "2."), ("V.3", "3."), ("V.3b", "3.")]
        );
    }

    #[test]
    fn every_measure_has_someone_responsible() {
        for m in plan_2017().measures {
            assert!(!m.responsible.is_empty(), "{}", m.key);
            assert!(m.responsible.iter().all(|p| !p.trim().is_empty()));
        }
    }

    /// The source prints a cell's positions on one line; this pins where they were split.
    #[test]
    fn responsible_positions_are_five_titles() {
        let positions: BTreeSet<String> = plan_2017()
            .measures
            .into_iter()
            .flat_map(|m| m.responsible)
            .collect();
        let expected = [
            "Главен експерт ЧР",
            "Главен секретар",
            "Областен управител",
            "Председател на ООСППК Благоевград",
            "Секретар на ООСППК",
        ];
        assert_eq!(positions, expected.map(String::from).into());
    }

    #[test]
    fn deadlines() {
        let expected = [
            ("I.1", 12, 12),
            ("I.2", 12, 12),
            ("I.3", 1, 12),
            ("II.1", 12, 12),
            ("II.2", 10, 10),
            ("II.3", 12, 12),
            ("III.1", 12, 12),
            ("III.2", 12, 12),
            ("III.3", 12, 12),
            ("IV.1", 12, 12),
            ("IV.2", 12, 12),
            ("IV.3", 12, 12),
            ("V.1", 12, 12),
            ("V.2", 12, 12),
            ("V.3", 12, 12),
            ("V.3b", 12, 12),
            ("VI.1", 8, 8),
            ("VI.2", 7, 7),
        ];
        let actual: Vec<_> = plan_2017()
            .measures
            .iter()
            .map(|m| {
                let (from, to) = (m.deadline.from(), m.deadline.to());
                assert_eq!((from.year(), to.year()), (2017, 2017), "{}", m.key);
                (m.key.clone(), from.month(), to.month())
            })
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|&(k, from, to)| (k.to_owned(), from, to))
            .collect();
        assert_eq!(actual, expected);
    }

    #[test]
    fn deadlines_are_the_months_printed() {
        const MONTHS: [&str; 12] = [
            "Януари",
            "Февруари",
            "Март",
            "Април",
            "Май",
            "Юни",
            "Юли",
            "Август",
            "Септември",
            "Октомври",
            "Ноември",
            "Декември",
        ];
        for m in plan_2017().measures {
            let printed: Vec<YearMonth> = m
                .deadline_in_source
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .filter_map(|w| {
                    let month = MONTHS.iter().position(|&name| name == w[0])?;
                    let year = w[1].parse().expect("a year follows the month");
                    Some(YearMonth::new(year, month as u32 + 1).unwrap())
                })
                .collect();
            let expected = match printed[..] {
                [single] => Deadline::month(single),
                [from, to] => Deadline::range(from, to).unwrap(),
                _ => panic!("{}: {:?}", m.key, m.deadline_in_source),
            };
            assert_eq!(m.deadline, expected, "{}", m.key);
        }
    }

    /// Reads each column of the seed top to bottom without deciding which line is which row:
    /// the headings and numbers of column „№“ must be the sections and measures in order, and
    /// the cells of every other column, in order, must make up the measures' fields exactly, each
    /// field one cell or consecutive cells joined by a space. So no cell is dropped, none is used
    /// twice and none lands in another measure or field.
    #[test]
    fn every_cell_of_the_seed_is_accounted_for_in_order() {
        let plan = plan_2017();
        let body: Vec<[String; 6]> = body().into_iter().map(cells).collect();
        let column = |i: usize| -> Vec<String> {
            body.iter()
                .map(|c| c[i].clone())
                .filter(|c| !c.is_empty())
                .collect()
        };

        let headings: Vec<String> = plan
            .sections
            .iter()
            .map(|s| format!("{} {}", s.numeral_in_source, s.title))
            .collect();
        let mut expected = Vec::new();
        for (s, heading) in plan.sections.iter().zip(&headings) {
            expected.push(heading.clone());
            expected.extend(
                plan.measures_in(&s.numeral)
                    .map(|m| m.number_in_source.clone()),
            );
        }
        assert_eq!(column(0), expected);
        // A heading fills its whole line, so none of the other columns' cells belongs to it.
        for c in body.iter().filter(|c| headings.contains(&c[0])) {
            assert!(c[1..].iter().all(String::is_empty), "{c:?}");
        }

        for i in 1..6 {
            let mut cells = column(i).into_iter();
            for m in &plan.measures {
                let field = &fields(m)[i];
                let mut joined = cells
                    .next()
                    .unwrap_or_else(|| panic!("column {i} ends before {}", m.key));
                while joined != *field {
                    assert!(
                        field.starts_with(&format!("{joined} ")),
                        "column {i}, {}: the seed has {joined:?}, the plan {field:?}",
                        m.key
                    );
                    joined.push(' ');
                    joined.push_str(&cells.next().expect("the seed has the rest of the field"));
                }
            }
            let left: Vec<_> = cells.collect();
            assert!(left.is_empty(), "column {i} has cells left over: {left:?}");
        }
    }

    /// Every measure equals its row of the seed, the row found by its number and first words.
    #[test]
    fn every_measure_is_its_row() {
        for m in plan_2017().measures {
            let first_words: Vec<_> = m.text.split(' ').take(5).collect();
            let start = format!("{}\t{}", m.number_in_source, first_words.join(" "));
            assert_eq!(fields(&m), row(&start), "{}", m.key);
        }
    }

    /// The rows that page breaks split, I.3's two-month deadline and section V's two „3.“,
    /// each found by a hand-picked start rather than by the plan's own text.
    #[test]
    fn rows_split_by_page_breaks_are_joined() {
        let plan = plan_2017();
        let measure = |key| fields(plan.measure(key).unwrap());

        let i2 = row("2.\tПрилагане на антикорупционен механизъм");
        assert_eq!(measure("I.2"), i2);
        assert!(i2[1].ends_with("изпълнителна власт и съдебната власт"));
        assert!(i2[5].contains("механизми. Систематизирани, обобщени и популяризирани"));

        assert_eq!(
            measure("I.3"),
            row("3.\tУтвърждаване на антикорупционната среда")
        );

        let iii3 = row("3.\tПредставяне на практики пред ООСППК");
        assert_eq!(measure("III.3"), iii3);
        assert!(iii3[4].contains("по Закона за предотвратяване и установяване на конфликт на"));

        let iv3 = row("3.\tПодобряване механизмите");
        assert_eq!(measure("IV.3"), iv3);
        assert!(iv3[4].contains("сигналите и предприемане на мерки"));

        let v3 = row("3.\tОрганизиране и провеждане на срещи");
        assert_eq!(measure("V.3"), v3);
        assert!(v3[4].ends_with("практики, поощряване на гражданите за подаване на сигнали"));
        assert_eq!(measure("V.3b"), row("3.\tПровеждане на открити"));
    }

    #[test]
    fn no_field_has_stray_whitespace_or_markup() {
        let plan = plan_2017();
        let texts = plan
            .sections
            .iter()
            .map(|s| &s.title)
            .chain(plan.measures.iter().flat_map(|m| {
                [
                    &m.text,
                    &m.indicator,
                    &m.expected_result,
                    &m.deadline_in_source,
                ]
                .into_iter()
                .chain(&m.responsible)
            }));
        for t in texts {
            assert_eq!(t.trim(), t);
            assert!(
                !t.contains("  ") && !t.contains(['\t', '\n', '<', '>']),
                "{t:?}"
            );
        }
    }

    #[test]
    fn the_plan_survives_json() {
        let plan = plan_2017();
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<Plan>(&json).unwrap(), plan);
    }
}
