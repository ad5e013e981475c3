//! The plan as an aggregate: adopting a year's plan from an earlier one, and adding, changing
//! and withdrawing measures ([`PlanAggregate`]).

use super::Aggregate;
use crate::domain::fields::Field;
use crate::util::errors::AppError;
use antikor_shared::events::PlanEvent;
use antikor_shared::i18n::Lang;
use antikor_shared::i18n::Text;
use antikor_shared::msg;
use antikor_shared::plan::{
    Deadline, MeasureAdded, MeasureUpdated, MeasureWithdrawn, PlanAdopted, PlanMeasure, PlanSection,
};
use antikor_shared::views::{AddMeasure, MeasureView, PlanView, UpdateMeasure};
use chrono::{DateTime, Utc};

/// A year's plan as its events leave it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    /// The year.
    pub year: i32,
    /// The heading.
    pub title: String,
    /// The year it was started from, if any.
    pub based_on: Option<i32>,
    /// Sections in order.
    pub sections: Vec<PlanSection>,
    /// Measures in order, withdrawn ones included, each with its revision.
    pub measures: Vec<MeasureView>,
}

impl Plan {
    /// The plan as the API shows it, adopted at `adopted_at`.
    pub fn view(&self, adopted_at: DateTime<Utc>) -> PlanView {
        PlanView {
            year: self.year,
            title: self.title.clone(),
            based_on: self.based_on,
            adopted_at,
            sections: self.sections.clone(),
            measures: self.measures.clone(),
        }
    }

    /// The measure `key`, withdrawn or not.
    pub fn measure(&self, key: &str) -> Option<&MeasureView> {
        self.measures.iter().find(|m| m.measure.key == key)
    }
}

/// A year's plan: the `plan-{year}` stream in the regional administration's log.
pub struct PlanAggregate;

impl Aggregate for PlanAggregate {
    type Event = PlanEvent;
    type State = Option<Plan>;
    type Command = PlanCommand;
    /// The plan's year.
    type Context = i32;
    type Rejection = PlanRejection;

    fn decide(
        plan: &Option<Plan>,
        command: PlanCommand,
        year: &i32,
    ) -> Result<Vec<PlanEvent>, PlanRejection> {
        decide(*year, plan.as_ref(), command)
    }

    fn apply(plan: Option<Plan>, event: &PlanEvent) -> Option<Plan> {
        let mut plan = match (plan, event) {
            (_, PlanEvent::Adopted(e)) => {
                return Some(Plan {
                    year: e.year,
                    title: e.title.clone(),
                    based_on: e.based_on,
                    sections: e.sections.clone(),
                    measures: Vec::new(),
                });
            }
            (None, _) => return None,
            (Some(plan), _) => plan,
        };
        match event {
            PlanEvent::Adopted(_) => {}
            PlanEvent::Added(e) => plan.measures.push(MeasureView {
                measure: e.measure.clone(),
                withdrawn: None,
                revision: 1,
            }),
            PlanEvent::Updated(e) => change(&mut plan, &e.key, |m| {
                let target = &mut m.measure;
                if let Some(v) = &e.text {
                    target.text.clone_from(v);
                }
                if let Some(v) = e.deadline {
                    target.deadline = v;
                    target.deadline_in_source = v.label(Lang::Bg);
                }
                if let Some(v) = &e.responsible {
                    target.responsible.clone_from(v);
                }
                if let Some(v) = &e.indicator {
                    target.indicator.clone_from(v);
                }
                if let Some(v) = &e.expected_result {
                    target.expected_result.clone_from(v);
                }
            }),
            PlanEvent::Withdrawn(e) => change(&mut plan, &e.key, |m| {
                m.withdrawn = Some(e.reason.clone());
            }),
        }
        Some(plan)
    }
}

/// Edits one measure and counts the revision.
fn change(plan: &mut Plan, key: &str, edit: impl FnOnce(&mut MeasureView)) {
    if let Some(measure) = plan.measures.iter_mut().find(|m| m.measure.key == key) {
        edit(measure);
        measure.revision += 1;
    }
}

/// What someone asks to happen to a year's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanCommand {
    /// Adopt the year's plan as a copy of `source` (its measures still in force).
    Start {
        /// The plan copied.
        source: Plan,
        /// The new plan's title when the source is another province's plan, taken as a
        /// template (of the same year or an earlier one); `None`: the province's own earlier
        /// plan, whose title carries over with the year changed.
        title: Option<String>,
    },
    /// Add a measure.
    Add(AddMeasure),
    /// Change some fields of a measure.
    Update {
        /// Its key.
        key: String,
        /// The changes and the revision they were made against.
        changes: UpdateMeasure,
    },
    /// Withdraw a measure.
    Withdraw {
        /// Its key.
        key: String,
        /// The revision it was read at.
        expected_revision: u64,
        /// Why.
        reason: String,
    },
}

/// Why a plan command was refused; [`text`](Self::text) is the message for the person, and
/// `Display` its Bulgarian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRejection {
    /// The year has no plan.
    NoPlan(i32),
    /// The year already has a plan.
    PlanExists(i32),
    /// A plan can only be started from an earlier year's.
    NotLater(i32),
    /// No such measure.
    NoMeasure(String),
    /// No such section.
    NoSection(String),
    /// The measure was withdrawn.
    Withdrawn(String),
    /// Someone changed the measure since the caller read it.
    Stale {
        /// The measure.
        key: String,
        /// Its revision now.
        actual: u64,
        /// The revision the caller read.
        expected: u64,
    },
    /// The change changes nothing.
    NothingChanged,
    /// A field is empty or too long.
    BadField(Field),
    /// The deadline lies outside the plan's year.
    DeadlineOutsideYear(i32),
}

impl PlanRejection {
    /// The refusal, for the person, in whichever language they read.
    pub fn text(&self) -> Text {
        match self {
            Self::NoPlan(year) => msg!("rules-no-plan-for-year", year = year.to_string()),
            Self::PlanExists(year) => msg!("rules-plan-exists", year = year.to_string()),
            Self::NotLater(year) => msg!("rules-plan-not-later", year = year.to_string()),
            Self::NoMeasure(key) => msg!("rules-no-such-measure", key = key.as_str()),
            Self::NoSection(section) => msg!("rules-no-such-section", section = section.as_str()),
            Self::Withdrawn(key) => msg!("rules-measure-withdrawn", key = key.as_str()),
            Self::Stale {
                key,
                actual,
                expected,
            } => msg!(
                "rules-measure-changed",
                key = key.as_str(),
                actual = actual.to_string(),
                expected = expected.to_string()
            ),
            Self::NothingChanged => msg!("rules-measure-unchanged"),
            Self::BadField(field) => {
                msg!(
                    "rules-plan-field-required",
                    field = field.key(),
                    max = MAX_TEXT
                )
            }
            Self::DeadlineOutsideYear(year) => {
                msg!("rules-deadline-outside-year", year = year.to_string())
            }
        }
    }
}

/// The Bulgarian message.
impl std::fmt::Display for PlanRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for PlanRejection {}

impl From<PlanRejection> for AppError {
    fn from(r: PlanRejection) -> Self {
        let message = r.text();
        match r {
            PlanRejection::NoPlan(_) | PlanRejection::NoMeasure(_) => Self::NotFound(message),
            PlanRejection::PlanExists(_)
            | PlanRejection::Stale { .. }
            | PlanRejection::Withdrawn(_) => Self::Conflict(message),
            _ => Self::BadRequest(message),
        }
    }
}

const MAX_TEXT: usize = 4000;

fn check_text(value: &str, field: Field) -> Result<String, PlanRejection> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > MAX_TEXT {
        return Err(PlanRejection::BadField(field));
    }
    Ok(value.to_owned())
}

fn check_responsible(list: &[String]) -> Result<Vec<String>, PlanRejection> {
    let list: Vec<String> = list
        .iter()
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .collect();
    if list.is_empty() || list.len() > 20 || list.iter().any(|r| r.chars().count() > 200) {
        return Err(PlanRejection::BadField(Field::Responsible));
    }
    Ok(list)
}

fn check_deadline(deadline: Deadline, year: i32) -> Result<Deadline, PlanRejection> {
    if deadline.from().year() > year || deadline.to().year() < year {
        return Err(PlanRejection::DeadlineOutsideYear(year));
    }
    Ok(deadline)
}

/// A key not yet used in the plan: the section and number (`IV.4`), with a letter added when
/// the number repeats, as the 2017 plan's `V.3b` does.
fn free_key(plan: &Plan, section: &str, number: &str) -> String {
    let base = format!("{section}.{}", number.trim().trim_end_matches('.'));
    let taken = |k: &str| plan.measures.iter().any(|m| m.measure.key == k);
    if !taken(&base) {
        return base;
    }
    ('b'..='z')
        .map(|suffix| format!("{base}{suffix}"))
        .find(|k| !taken(k))
        .unwrap_or_else(|| format!("{base}-{}", plan.measures.len() + 1))
}

/// The events a command produces from the plan of `year` (`None`: no plan yet).
fn decide(
    year: i32,
    plan: Option<&Plan>,
    command: PlanCommand,
) -> Result<Vec<PlanEvent>, PlanRejection> {
    match command {
        PlanCommand::Start { source, title } => {
            if plan.is_some() {
                return Err(PlanRejection::PlanExists(year));
            }
            let earliest = source.year + i32::from(title.is_none());
            if year < earliest {
                return Err(PlanRejection::NotLater(source.year));
            }
            let shift = year - source.year;
            let title = title.unwrap_or_else(|| {
                source
                    .title
                    .replace(&source.year.to_string(), &year.to_string())
            });
            let mut events = vec![PlanEvent::Adopted(PlanAdopted {
                year,
                title,
                sections: source.sections.clone(),
                based_on: Some(source.year),
            })];
            events.extend(
                source
                    .measures
                    .into_iter()
                    .filter(|m| m.withdrawn.is_none())
                    .map(|m| {
                        let deadline = m.measure.deadline.shifted(shift);
                        PlanEvent::Added(MeasureAdded {
                            year,
                            measure: PlanMeasure {
                                deadline,
                                deadline_in_source: deadline.label(Lang::Bg),
                                ..m.measure
                            },
                        })
                    }),
            );
            Ok(events)
        }
        PlanCommand::Add(add) => {
            let plan = plan.ok_or(PlanRejection::NoPlan(year))?;
            if !plan.sections.iter().any(|s| s.numeral == add.section) {
                return Err(PlanRejection::NoSection(add.section));
            }
            let number = check_text(&add.number, Field::Number)?;
            let deadline = check_deadline(add.deadline, plan.year)?;
            let measure = PlanMeasure {
                key: free_key(plan, &add.section, &number),
                section: add.section,
                number_in_source: number,
                text: check_text(&add.text, Field::Measure)?,
                deadline,
                deadline_in_source: deadline.label(Lang::Bg),
                responsible: check_responsible(&add.responsible)?,
                indicator: check_text(&add.indicator, Field::Indicator)?,
                expected_result: check_text(&add.expected_result, Field::Result)?,
            };
            Ok(vec![PlanEvent::Added(MeasureAdded {
                year: plan.year,
                measure,
            })])
        }
        PlanCommand::Update { key, changes } => {
            let plan = plan.ok_or(PlanRejection::NoPlan(year))?;
            let current = current(plan, &key, changes.expected_revision)?;
            let differs = |new: Option<String>, old: &str, field| -> Result<_, PlanRejection> {
                match new {
                    Some(v) => {
                        let v = check_text(&v, field)?;
                        Ok((v != old).then_some(v))
                    }
                    None => Ok(None),
                }
            };
            let update = MeasureUpdated {
                year: plan.year,
                key: key.clone(),
                text: differs(changes.text, &current.text, Field::Measure)?,
                deadline: match changes.deadline {
                    Some(d) => {
                        Some(check_deadline(d, plan.year)?).filter(|d| *d != current.deadline)
                    }
                    None => None,
                },
                responsible: match changes.responsible {
                    Some(r) => Some(check_responsible(&r)?).filter(|r| *r != current.responsible),
                    None => None,
                },
                indicator: differs(changes.indicator, &current.indicator, Field::Indicator)?,
                expected_result: differs(
                    changes.expected_result,
                    &current.expected_result,
                    Field::Result,
                )?,
            };
            if update
                == (MeasureUpdated {
                    year: plan.year,
                    key,
                    ..MeasureUpdated::default()
                })
            {
                return Err(PlanRejection::NothingChanged);
            }
            Ok(vec![PlanEvent::Updated(update)])
        }
        PlanCommand::Withdraw {
            key,
            expected_revision,
            reason,
        } => {
            let plan = plan.ok_or(PlanRejection::NoPlan(year))?;
            current(plan, &key, expected_revision)?;
            Ok(vec![PlanEvent::Withdrawn(MeasureWithdrawn {
                year: plan.year,
                key,
                reason: check_text(&reason, Field::Reason)?,
            })])
        }
    }
}

/// The measure `key` as it stands, if it may still change at that revision.
fn current<'a>(plan: &'a Plan, key: &str, expected: u64) -> Result<&'a PlanMeasure, PlanRejection> {
    let view = plan
        .measures
        .iter()
        .find(|m| m.measure.key == key)
        .ok_or_else(|| PlanRejection::NoMeasure(key.to_owned()))?;
    if view.withdrawn.is_some() {
        return Err(PlanRejection::Withdrawn(key.to_owned()));
    }
    if view.revision != expected {
        return Err(PlanRejection::Stale {
            key: key.to_owned(),
            actual: view.revision,
            expected,
        });
    }
    Ok(&view.measure)
}

#[cfg(test)]
mod tests {
    //! Given a plan, when a command arrives, then these events or this rejection.
    use super::*;
    use crate::domain::testing::given;
    use antikor_shared::plan::YearMonth;

    /// The 2017 plan's stream as the seed records it.
    fn adopted_2017() -> Vec<PlanEvent> {
        let plan = antikor_migrations::plan::plan_2017();
        let adopted = PlanEvent::Adopted(PlanAdopted {
            year: plan.year,
            title: plan.title,
            sections: plan.sections,
            based_on: None,
        });
        let added = plan.measures.into_iter().map(|measure| {
            PlanEvent::Added(MeasureAdded {
                year: plan.year,
                measure,
            })
        });
        std::iter::once(adopted).chain(added).collect()
    }

    fn plan_2017() -> Plan {
        PlanAggregate::fold(&adopted_2017()).expect("adopted")
    }

    fn when(
        history: &[PlanEvent],
        year: i32,
        command: PlanCommand,
    ) -> Result<Vec<PlanEvent>, PlanRejection> {
        given::<PlanAggregate>(history.to_vec()).when(command, &year)
    }

    #[test]
    fn the_plan_folds_adoption_changes_and_withdrawals_with_their_revisions() {
        let mut history = adopted_2017();
        history.push(PlanEvent::Updated(MeasureUpdated {
            year: 2017,
            key: "I.2".into(),
            indicator: Some("Нов индикатор".into()),
            ..MeasureUpdated::default()
        }));
        history.push(PlanEvent::Withdrawn(MeasureWithdrawn {
            year: 2017,
            key: "I.2".into(),
            reason: "отпада".into(),
        }));
        let plan = given::<PlanAggregate>(history)
            .state()
            .clone()
            .expect("adopted");
        let measure = plan.measure("I.2").expect("in the plan");
        assert_eq!(measure.measure.indicator, "Нов индикатор");
        assert_eq!(measure.withdrawn.as_deref(), Some("отпада"));
        assert_eq!(measure.revision, 3);
        assert_eq!(plan.measure("I.1").map(|m| m.revision), Some(1));
    }

    fn december(year: i32) -> Deadline {
        Deadline::month(YearMonth::new(year, 12).unwrap())
    }

    fn add(section: &str, number: &str) -> AddMeasure {
        AddMeasure {
            section: section.into(),
            number: number.into(),
            text: " Нова мярка ".into(),
            deadline: december(2017),
            responsible: vec!["Главен секретар".into(), " ".into()],
            indicator: "Доклад".into(),
            expected_result: "Резултат".into(),
        }
    }

    #[test]
    fn start_copies_the_measures_in_force_a_year_later() {
        let mut source = plan_2017();
        source.measures[0].withdrawn = Some("изпълнена".into());
        let events = when(
            &[],
            2018,
            PlanCommand::Start {
                source,
                title: None,
            },
        )
        .unwrap();
        assert_eq!(events.len(), 18, "adopted + 17 measures in force");
        let PlanEvent::Adopted(adopted) = &events[0] else {
            panic!("adopted first")
        };
        assert_eq!((adopted.year, adopted.based_on), (2018, Some(2017)));
        assert!(adopted.title.contains("2018"));
        let PlanEvent::Added(i3) = &events[2] else {
            panic!("measures follow")
        };
        assert_eq!(i3.measure.key, "I.3");
        assert_eq!(i3.measure.deadline.from().year(), 2018);
        assert_eq!(
            i3.measure.deadline_in_source,
            "Януари 2018 г. – Декември 2018 г."
        );
    }

    #[test]
    fn start_refuses_an_existing_or_earlier_year() {
        let start = |_year: i32| PlanCommand::Start {
            source: plan_2017(),
            title: None,
        };
        assert_eq!(
            when(&adopted_2017(), 2018, start(2018)),
            Err(PlanRejection::PlanExists(2018))
        );
        assert_eq!(
            when(&[], 2016, start(2016)),
            Err(PlanRejection::NotLater(2017))
        );
        assert_eq!(
            when(&[], 2017, start(2017)),
            Err(PlanRejection::NotLater(2017))
        );
    }

    #[test]
    fn another_provinces_plan_is_a_template_of_the_same_year_or_a_later_one() {
        let template = |title: &str| PlanCommand::Start {
            source: plan_2017(),
            title: Some(title.into()),
        };
        let events = when(&[], 2017, template("План на Бургас")).unwrap();
        let PlanEvent::Adopted(adopted) = &events[0] else {
            panic!("adopted first")
        };
        assert_eq!(
            (adopted.year, adopted.title.as_str()),
            (2017, "План на Бургас")
        );
        assert_eq!(events.len(), 19, "adopted + the 18 measures");
        assert_eq!(
            when(&[], 2016, template("Стар")),
            Err(PlanRejection::NotLater(2017))
        );
    }

    #[test]
    fn add_gives_a_fresh_key_and_cleans_the_input() {
        let history = adopted_2017();
        let events = when(&history, 2017, PlanCommand::Add(add("V", "3."))).unwrap();
        let PlanEvent::Added(added) = &events[0] else {
            panic!()
        };
        assert_eq!(added.measure.key, "V.3c", "V.3 and V.3b are taken");
        assert_eq!(added.measure.text, "Нова мярка");
        assert_eq!(added.measure.responsible, vec!["Главен секретар"]);
        assert_eq!(added.measure.deadline_in_source, "Декември 2017 г.");
        let events = when(&history, 2017, PlanCommand::Add(add("IV", "4"))).unwrap();
        let PlanEvent::Added(added) = &events[0] else {
            panic!()
        };
        assert_eq!(added.measure.key, "IV.4");
    }

    #[test]
    fn add_refuses_unknown_sections_empty_fields_and_other_years() {
        let history = adopted_2017();
        assert_eq!(
            when(&history, 2017, PlanCommand::Add(add("VII", "1."))),
            Err(PlanRejection::NoSection("VII".into()))
        );
        let mut empty = add("I", "4.");
        empty.indicator = "  ".into();
        assert_eq!(
            when(&history, 2017, PlanCommand::Add(empty)),
            Err(PlanRejection::BadField(Field::Indicator))
        );
        let mut late = add("I", "4.");
        late.deadline = december(2018);
        assert_eq!(
            when(&history, 2017, PlanCommand::Add(late)),
            Err(PlanRejection::DeadlineOutsideYear(2017))
        );
        assert_eq!(
            when(&[], 2017, PlanCommand::Add(add("I", "4."))),
            Err(PlanRejection::NoPlan(2017))
        );
    }

    #[test]
    fn update_records_only_the_fields_that_changed() {
        let history = adopted_2017();
        let plan = plan_2017();
        let old_text = plan.measures[1].measure.text.clone();
        let changes = UpdateMeasure {
            expected_revision: 1,
            text: Some(old_text),
            indicator: Some("Нов индикатор".into()),
            deadline: Some(Deadline::month(YearMonth::new(2017, 11).unwrap())),
            ..UpdateMeasure::default()
        };
        let events = when(
            &history,
            2017,
            PlanCommand::Update {
                key: "I.2".into(),
                changes,
            },
        )
        .unwrap();
        assert_eq!(
            events,
            vec![PlanEvent::Updated(MeasureUpdated {
                year: 2017,
                key: "I.2".into(),
                indicator: Some("Нов индикатор".into()),
                deadline: Some(Deadline::month(YearMonth::new(2017, 11).unwrap())),
                ..MeasureUpdated::default()
            })]
        );
    }

    #[test]
    fn update_refuses_stale_revisions_withdrawn_measures_and_no_change() {
        let mut history = adopted_2017();
        let plan = plan_2017();
        let update = |key: &str, revision| PlanCommand::Update {
            key: key.into(),
            changes: UpdateMeasure {
                expected_revision: revision,
                indicator: Some("Друг индикатор".into()),
                ..UpdateMeasure::default()
            },
        };
        assert_eq!(
            when(&history, 2017, update("I.1", 0)),
            Err(PlanRejection::Stale {
                key: "I.1".into(),
                actual: 1,
                expected: 0
            })
        );
        assert_eq!(
            when(&history, 2017, update("IX.1", 1)),
            Err(PlanRejection::NoMeasure("IX.1".into()))
        );
        let same = PlanCommand::Update {
            key: "I.1".into(),
            changes: UpdateMeasure {
                expected_revision: 1,
                indicator: Some(plan.measures[0].measure.indicator.clone()),
                ..UpdateMeasure::default()
            },
        };
        assert_eq!(
            when(&history, 2017, same),
            Err(PlanRejection::NothingChanged)
        );
        history.push(PlanEvent::Withdrawn(MeasureWithdrawn {
            year: 2017,
            key: "I.1".into(),
            reason: "отпада".into(),
        }));
        assert_eq!(
            when(&history, 2017, update("I.1", 1)),
            Err(PlanRejection::Withdrawn("I.1".into()))
        );
    }

    #[test]
    fn withdraw_needs_a_reason() {
        let history = adopted_2017();
        let withdraw = |reason: &str| PlanCommand::Withdraw {
            key: "VI.2".into(),
            expected_revision: 1,
            reason: reason.into(),
        };
        assert_eq!(
            when(&history, 2017, withdraw(" ")),
            Err(PlanRejection::BadField(Field::Reason))
        );
        assert_eq!(
            when(&history, 2017, withdraw("обединена с VI.1")),
            Ok(vec![PlanEvent::Withdrawn(MeasureWithdrawn {
                year: 2017,
                key: "VI.2".into(),
                reason: "обединена с VI.1".into()
            })])
        );
    }
}
