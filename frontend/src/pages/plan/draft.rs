//! A measure's form as typed, checked and turned into the API's requests (pure, host-tested).

use antikor_shared::plan::{Deadline, PlanMeasure, YearMonth};
use antikor_shared::views::{AddMeasure, UpdateMeasure};

/// A measure's form: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasureDraft {
    /// Section numeral (new measures only).
    pub section: String,
    /// Number as printed (new measures only).
    pub number: String,
    /// Text.
    pub text: String,
    /// First month, `YYYY-MM`.
    pub from: String,
    /// Last month, `YYYY-MM`; empty for a single month.
    pub to: String,
    /// Responsible positions, one per line.
    pub responsible: String,
    /// Indicator.
    pub indicator: String,
    /// Expected result.
    pub expected_result: String,
}

fn month(text: &str) -> Result<YearMonth, String> {
    let bad = || t!("work-plan-month-invalid", text = text);
    let (y, m) = text.trim().split_once('-').ok_or_else(bad)?;
    let year = y.parse().map_err(|_| bad())?;
    let month = m.parse().map_err(|_| bad())?;
    YearMonth::new(year, month).map_err(|_| bad())
}

fn required(value: &str, label: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        Err(t!("work-plan-required", field = label))
    } else {
        Ok(value.to_owned())
    }
}

impl MeasureDraft {
    /// The form of an existing measure.
    pub fn of(measure: &PlanMeasure) -> Self {
        let deadline = measure.deadline;
        Self {
            section: measure.section.clone(),
            number: measure.number_in_source.clone(),
            text: measure.text.clone(),
            from: deadline.from().to_string(),
            to: if deadline.is_single_month() {
                String::new()
            } else {
                deadline.to().to_string()
            },
            responsible: measure.responsible.join("\n"),
            indicator: measure.indicator.clone(),
            expected_result: measure.expected_result.clone(),
        }
    }

    fn deadline(&self) -> Result<Deadline, String> {
        let from = month(&self.from)?;
        if self.to.trim().is_empty() {
            return Ok(Deadline::month(from));
        }
        Deadline::range(from, month(&self.to)?).map_err(|_| t!("work-plan-months-reversed"))
    }

    fn responsible(&self) -> Vec<String> {
        self.responsible
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The body of `POST /api/plans/{year}/measures`.
    pub fn to_add(&self) -> Result<AddMeasure, String> {
        let responsible = self.responsible();
        if responsible.is_empty() {
            return Err(t!("work-plan-responsible-missing"));
        }
        Ok(AddMeasure {
            section: required(&self.section, &t!("work-plan-column-section"))?,
            number: required(&self.number, &t!("work-plan-column-number"))?,
            text: required(&self.text, &t!("work-plan-column-measure"))?,
            deadline: self.deadline()?,
            responsible,
            indicator: required(&self.indicator, &t!("work-plan-field-indicator"))?,
            expected_result: required(&self.expected_result, &t!("work-plan-column-result"))?,
        })
    }

    /// The body of `POST /api/plans/{year}/measures/{key}`: only what differs from `measure`.
    pub fn changes(&self, measure: &PlanMeasure, revision: u64) -> Result<UpdateMeasure, String> {
        let text = required(&self.text, &t!("work-plan-column-measure"))?;
        let indicator = required(&self.indicator, &t!("work-plan-field-indicator"))?;
        let expected_result = required(&self.expected_result, &t!("work-plan-column-result"))?;
        let responsible = self.responsible();
        if responsible.is_empty() {
            return Err(t!("work-plan-responsible-missing"));
        }
        let deadline = self.deadline()?;
        let update = UpdateMeasure {
            expected_revision: revision,
            text: (text != measure.text).then_some(text),
            deadline: (deadline != measure.deadline).then_some(deadline),
            responsible: (responsible != measure.responsible).then_some(responsible),
            indicator: (indicator != measure.indicator).then_some(indicator),
            expected_result: (expected_result != measure.expected_result)
                .then_some(expected_result),
        };
        let unchanged = UpdateMeasure {
            expected_revision: revision,
            ..UpdateMeasure::default()
        };
        if update == unchanged {
            return Err(t!("work-plan-no-changes"));
        }
        Ok(update)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure() -> PlanMeasure {
        PlanMeasure {
            key: "I.3".into(),
            section: "I".into(),
            number_in_source: "3.".into(),
            text: "Утвърждаване".into(),
            deadline: Deadline::range(
                YearMonth::new(2017, 1).unwrap(),
                YearMonth::new(2017, 12).unwrap(),
            )
            .unwrap(),
            deadline_in_source: "Януари 2017 г. Декември 2017 г.".into(),
            responsible: vec!["Главен секретар".into()],
            indicator: "Публикуване".into(),
            expected_result: "Публичност".into(),
        }
    }

    #[test]
    fn only_changed_fields_are_sent() {
        let m = measure();
        let mut draft = MeasureDraft::of(&m);
        assert_eq!(draft.from, "2017-01");
        assert_eq!(draft.to, "2017-12");
        assert_eq!(
            draft.changes(&m, 1).unwrap_err(),
            "Няма промени за записване."
        );
        draft.responsible = "Главен секретар\n Секретар на ООСППК \n".into();
        draft.to = String::new();
        let update = draft.changes(&m, 4).unwrap();
        assert_eq!(update.expected_revision, 4);
        assert_eq!(update.text, None);
        assert_eq!(update.indicator, None);
        assert_eq!(
            update.responsible.unwrap(),
            ["Главен секретар", "Секретар на ООСППК"]
        );
        assert_eq!(
            update.deadline,
            Some(Deadline::month(YearMonth::new(2017, 1).unwrap()))
        );
    }

    #[test]
    fn a_new_measure_needs_every_field() {
        let mut draft = MeasureDraft {
            section: "II".into(),
            number: "4.".into(),
            text: "Нова мярка".into(),
            from: "2017-13".into(),
            ..MeasureDraft::default()
        };
        assert_eq!(
            draft.to_add().unwrap_err(),
            "Посочете поне един отговорник."
        );
        draft.responsible = "Секретар на ООСППК".into();
        draft.indicator = "Брой".into();
        draft.expected_result = "По-добре".into();
        assert!(draft.to_add().unwrap_err().contains("не е месец"));
        draft.from = "2017-11".into();
        draft.to = "2017-03".into();
        assert_eq!(
            draft.to_add().unwrap_err(),
            "Крайният месец е преди началния."
        );
        draft.to = String::new();
        let add = draft.to_add().unwrap();
        assert_eq!(add.section, "II");
        assert!(add.deadline.is_single_month());
    }
}
