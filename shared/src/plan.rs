//! The anti-corruption action plan: its sections, its measures and their deadlines.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a month or a deadline was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPlanDate {
    /// The month number is outside 1–12.
    #[error("month {0} is not between 1 and 12")]
    Month(u32),
    /// The deadline's last month comes before its first.
    #[error("the deadline ends ({to}) before it starts ({from})")]
    Reversed {
        /// The first month given.
        from: YearMonth,
        /// The last month given, earlier than `from`.
        to: YearMonth,
    },
}

/// A calendar month of a year, e.g. December 2017: plan deadlines are given to the month.
///
/// Ordered chronologically (the year is compared first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawYearMonth")]
pub struct YearMonth {
    /// The year, e.g. 2017.
    year: i32,
    /// The month, 1 (January) to 12 (December).
    month: u32,
}

/// `YearMonth`'s JSON shape before validation, so that a stored month 13 is refused on read.
#[derive(Deserialize)]
struct RawYearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month of a year; `month` counts from 1 (January) to 12 (December).
    pub fn new(year: i32, month: u32) -> Result<Self, InvalidPlanDate> {
        if (1..=12).contains(&month) {
            Ok(Self { year, month })
        } else {
            Err(InvalidPlanDate::Month(month))
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (January) to 12 (December).
    pub fn month(self) -> u32 {
        self.month
    }
}

impl TryFrom<RawYearMonth> for YearMonth {
    type Error = InvalidPlanDate;
    fn try_from(raw: RawYearMonth) -> Result<Self, InvalidPlanDate> {
        Self::new(raw.year, raw.month)
    }
}

/// ISO 8601 style, e.g. `2017-12`.
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// When a measure is due (срок): one month, or a range of months for a measure that runs
/// through the year (the 2017 plan's I.3 runs from January to December).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawDeadline")]
pub struct Deadline {
    /// The first month; the same as `to` for a single month.
    from: YearMonth,
    /// The last month, not before `from`.
    to: YearMonth,
}

/// `Deadline`'s JSON shape before validation.
#[derive(Deserialize)]
struct RawDeadline {
    from: YearMonth,
    to: YearMonth,
}

impl Deadline {
    /// A deadline of a single month.
    pub fn month(month: YearMonth) -> Self {
        Self {
            from: month,
            to: month,
        }
    }

    /// A deadline running from one month to another, both included.
    pub fn range(from: YearMonth, to: YearMonth) -> Result<Self, InvalidPlanDate> {
        if from <= to {
            Ok(Self { from, to })
        } else {
            Err(InvalidPlanDate::Reversed { from, to })
        }
    }

    /// The first month.
    pub fn from(self) -> YearMonth {
        self.from
    }

    /// The last month: when the measure is due.
    pub fn to(self) -> YearMonth {
        self.to
    }

    /// The deadline in `lang` as the plan prints it, e.g. `Декември 2017 г.` or
    /// `January 2017 – December 2017`.
    pub fn label(self, lang: Lang) -> String {
        // The year as a text: a number would be written with digit groups ("2 017").
        let month = |m: YearMonth| {
            let name = match m.month {
                1 => crate::tr!(lang, "labels-month-january"),
                2 => crate::tr!(lang, "labels-month-february"),
                3 => crate::tr!(lang, "labels-month-march"),
                4 => crate::tr!(lang, "labels-month-april"),
                5 => crate::tr!(lang, "labels-month-may"),
                6 => crate::tr!(lang, "labels-month-june"),
                7 => crate::tr!(lang, "labels-month-july"),
                8 => crate::tr!(lang, "labels-month-august"),
                9 => crate::tr!(lang, "labels-month-september"),
                10 => crate::tr!(lang, "labels-month-october"),
                11 => crate::tr!(lang, "labels-month-november"),
                _ => crate::tr!(lang, "labels-month-december"),
            };
            crate::tr!(
                lang,
                "labels-deadline-month",
                month = name,
                year = m.year.to_string()
            )
        };
        if self.is_single_month() {
            month(self.to)
        } else {
            crate::tr!(
                lang,
                "labels-deadline-range",
                from = month(self.from),
                to = month(self.to)
            )
        }
    }

    /// The same deadline `years` later (for a new year's plan started from an old one).
    pub fn shifted(self, years: i32) -> Self {
        let shift = |m: YearMonth| YearMonth {
            year: m.year + years,
            month: m.month,
        };
        Self {
            from: shift(self.from),
            to: shift(self.to),
        }
    }

    /// Whether the deadline is a single month rather than a range.
    pub fn is_single_month(self) -> bool {
        self.from == self.to
    }
}

impl TryFrom<RawDeadline> for Deadline {
    type Error = InvalidPlanDate;
    fn try_from(raw: RawDeadline) -> Result<Self, InvalidPlanDate> {
        Self::range(raw.from, raw.to)
    }
}

/// A section of the plan, e.g. "II. Секторен подход за превенция и противодействие на корупцията".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanSection {
    /// Roman numeral without a dot: `I` to `VI`. Measures refer to their section by it.
    pub numeral: String,
    /// The numbering exactly as printed, e.g. `II.`; the 2017 source prints section I as `1.`,
    /// and that stays visible here rather than being silently corrected.
    pub numeral_in_source: String,
    /// The section's title as printed, without its numbering.
    pub title: String,
}

/// One measure (мярка) of the plan: one row of its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanMeasure {
    /// Stable unique identity inside the plan, e.g. `I.3`. Usually the section's numeral and
    /// the printed number; where the source repeats a number the later measure gets a suffix
    /// (`V.3b`), because the printed number alone does not tell the two apart.
    pub key: String,
    /// The numeral of the section the measure belongs to.
    pub section: String,
    /// The measure's number exactly as printed, e.g. `1.`; not unique within a section when
    /// the source repeats one.
    pub number_in_source: String,
    /// What is to be done (мярка).
    pub text: String,
    /// When it is due (срок).
    pub deadline: Deadline,
    /// The deadline exactly as printed, e.g. `Декември 2017 г.`.
    pub deadline_in_source: String,
    /// Who is responsible (отговорник): one entry per position, in the printed order.
    pub responsible: Vec<String>,
    /// How fulfilment is assessed (индикатор за оценка на изпълнението).
    pub indicator: String,
    /// The expected result (резултат).
    pub expected_result: String,
}

/// An action plan for one year: its heading, sections and measures in the printed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    /// The year the plan covers.
    pub year: i32,
    /// The plan's heading as printed.
    pub title: String,
    /// The sections, in order.
    pub sections: Vec<PlanSection>,
    /// The measures of all sections, in order.
    pub measures: Vec<PlanMeasure>,
}

impl Plan {
    /// The measures of one section, in order.
    pub fn measures_in<'a>(&'a self, numeral: &'a str) -> impl Iterator<Item = &'a PlanMeasure> {
        self.measures.iter().filter(move |m| m.section == numeral)
    }

    /// The measure with the given key.
    pub fn measure(&self, key: &str) -> Option<&PlanMeasure> {
        self.measures.iter().find(|m| m.key == key)
    }
}

impl crate::events::PlanEvent {
    /// The year of the plan the event belongs to.
    pub fn year(&self) -> i32 {
        match self {
            Self::Adopted(e) => e.year,
            Self::Added(e) => e.year,
            Self::Updated(e) => e.year,
            Self::Withdrawn(e) => e.year,
        }
    }
}

/// `PlanAdopted` v1: a year's plan was adopted, with its heading and sections; its measures
/// follow as `MeasureAdded` events in the same append. Recorded in the regional
/// administration's `plan-{year}` stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanAdopted {
    /// The year the plan covers.
    pub year: i32,
    /// The plan's heading.
    pub title: String,
    /// Its sections, in order.
    pub sections: Vec<PlanSection>,
    /// The year whose plan it was started from, if any.
    pub based_on: Option<i32>,
}

/// `MeasureAdded` v1: a measure joined a year's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureAdded {
    /// The plan's year.
    pub year: i32,
    /// The measure.
    pub measure: PlanMeasure,
}

/// `MeasureUpdated` v1: some fields of a measure changed; the others (`None`) did not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureUpdated {
    /// The plan's year.
    pub year: i32,
    /// The measure's key.
    pub key: String,
    /// New text.
    pub text: Option<String>,
    /// New deadline.
    pub deadline: Option<Deadline>,
    /// New responsible positions.
    pub responsible: Option<Vec<String>>,
    /// New indicator.
    pub indicator: Option<String>,
    /// New expected result.
    pub expected_result: Option<String>,
}

/// `MeasureWithdrawn` v1: a measure no longer belongs to the plan (it stays in its history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureWithdrawn {
    /// The plan's year.
    pub year: i32,
    /// The measure's key.
    pub key: String,
    /// Why.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_one_to_twelve() {
        assert!(YearMonth::new(2017, 1).is_ok());
        assert!(YearMonth::new(2017, 12).is_ok());
        assert_eq!(YearMonth::new(2017, 0), Err(InvalidPlanDate::Month(0)));
        assert_eq!(YearMonth::new(2017, 13), Err(InvalidPlanDate::Month(13)));
    }

    #[test]
    fn months_order_by_year_first() {
        let dec_2016 = YearMonth::new(2016, 12).unwrap();
        let jan_2017 = YearMonth::new(2017, 1).unwrap();
        assert!(dec_2016 < jan_2017);
        assert_eq!(jan_2017.to_string(), "2017-01");
    }

    #[test]
    fn a_deadline_cannot_end_before_it_starts() {
        let jan = YearMonth::new(2017, 1).unwrap();
        let dec = YearMonth::new(2017, 12).unwrap();
        let year = Deadline::range(jan, dec).unwrap();
        assert_eq!((year.from(), year.to()), (jan, dec));
        assert!(!year.is_single_month());
        assert!(Deadline::month(dec).is_single_month());
        assert_eq!(
            Deadline::range(dec, jan),
            Err(InvalidPlanDate::Reversed { from: dec, to: jan })
        );
    }

    #[test]
    fn json_is_validated_on_read() {
        let dec: YearMonth = serde_json::from_str(r#"{"year":2017,"month":12}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&dec).unwrap(),
            r#"{"year":2017,"month":12}"#
        );
        assert!(serde_json::from_str::<YearMonth>(r#"{"year":2017,"month":13}"#).is_err());
        let reversed = r#"{"from":{"year":2017,"month":12},"to":{"year":2017,"month":1}}"#;
        assert!(serde_json::from_str::<Deadline>(reversed).is_err());
        let single = Deadline::month(dec);
        let json = serde_json::to_string(&single).unwrap();
        assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), single);
    }

    #[test]
    fn deadline_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(
            (1..=12).map(|m| Deadline::month(YearMonth::new(2017, m).unwrap())),
            Deadline::label,
        );
        let range = Deadline::range(
            YearMonth::new(2017, 1).unwrap(),
            YearMonth::new(2018, 12).unwrap(),
        )
        .unwrap();
        assert_eq!(range.label(Lang::En), "January 2017 – December 2018");
    }
}
