//! A risk of the corruption-risk register as an aggregate: entered, rated, given a response,
//! reviewed and closed, each step checked against what the risk's stream already holds.

use crate::domain::Aggregate;
use crate::domain::activities::check_measures;
use crate::domain::fields::{Field, text, too_long};
use crate::domain::plan::Plan;
use crate::domain::work::{WorkRejection, bad, check_files, not_future};
use antikor_shared::events::RiskEvent;
use antikor_shared::files::FileRef;
use antikor_shared::msg;
use antikor_shared::risk::{
    Rating, RiskAssessed, RiskClosed, RiskFilesAttached, RiskIdentified, RiskResponse,
    RiskReviewed, RiskTreatmentPlanned,
};
use chrono::{Datelike, NaiveDate};

/// The most years ahead a review or a treatment may be set: a register is yearly, and the
/// national methodology asks for a new assessment at least every three years.
const YEARS_AHEAD: i32 = 3;

/// One risk (its `risk-{id}` stream).
#[derive(Debug, Clone, Copy)]
pub struct RiskAggregate;

/// What is done with a risk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskCommand {
    /// Enter it in the register.
    Identify(RiskIdentified),
    /// Rate it.
    Assess(RiskAssessed),
    /// Choose the response and plan the measures.
    PlanTreatment(RiskTreatmentPlanned),
    /// Review it.
    Review(RiskReviewed),
    /// Take it out of the register.
    Close(RiskClosed),
    /// Attach stored files (found in the store by the caller).
    AttachFiles(Vec<FileRef>),
}

/// What a risk's events leave that its commands check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskState {
    /// The register's year.
    pub year: i32,
    /// Rated (a response needs a rating).
    pub assessed: bool,
    /// Closed.
    pub closed: bool,
}

/// What the checks of a risk need besides its stream.
#[derive(Debug, Clone)]
pub struct RiskContext {
    /// Today (no review is recorded ahead of time).
    pub today: NaiveDate,
    /// The plan of the risk's year, if there is one (a treatment names its measures).
    pub plan: Option<Plan>,
    /// The tenant's active accounts: a risk's owner is one of them.
    pub owners: Vec<String>,
}

fn rating(r: Rating, what: Field) -> Result<Rating, WorkRejection> {
    if r.is_valid() {
        Ok(r)
    } else {
        Err(bad(msg!("rules-rating-scale", field = what.key())))
    }
}

/// A date within the register's reach: from the start of its year to a few years ahead.
fn in_reach(date: NaiveDate, year: i32, field: Field) -> Result<NaiveDate, WorkRejection> {
    if date.year() < year || date.year() > year + YEARS_AHEAD {
        return Err(WorkRejection::BadDate(msg!(
            "rules-date-within-reach",
            field = field.key(),
            from = year.to_string(),
            to = (year + YEARS_AHEAD).to_string()
        )));
    }
    Ok(date)
}

fn identify(r: RiskIdentified, ctx: &RiskContext) -> Result<RiskIdentified, WorkRejection> {
    let this_year = ctx.today.year();
    if r.year < 2000 || r.year > this_year + 1 {
        return Err(bad(msg!(
            "rules-register-year",
            last = (this_year + 1).to_string()
        )));
    }
    let owner = r.owner.trim();
    if !ctx.owners.iter().any(|o| o == owner) {
        return Err(bad(msg!("rules-owner-not-staff", owner = owner)));
    }
    Ok(RiskIdentified {
        year: r.year,
        area: r.area,
        unit: text(&r.unit, Field::ProcessOrUnit, 300)?,
        description: text(&r.description, Field::RiskDescription, 2000)?,
        causes: text(&r.causes, Field::Causes, 2000)?,
        owner: owner.to_owned(),
        review_on: in_reach(r.review_on, r.year, Field::ReviewDue)?,
    })
}

fn assess(a: RiskAssessed) -> Result<RiskAssessed, WorkRejection> {
    let inherent = rating(a.inherent, Field::InherentRisk)?;
    let residual = rating(a.residual, Field::ResidualRisk)?;
    if residual.score() > inherent.score() {
        return Err(bad(msg!("rules-residual-above-inherent")));
    }
    let controls = a.controls.trim().to_owned();
    if controls.chars().count() > 4000 {
        return Err(bad(too_long(Field::Controls, 4000)));
    }
    Ok(RiskAssessed {
        inherent,
        controls,
        residual,
    })
}

fn treat(
    t: RiskTreatmentPlanned,
    state: &RiskState,
    ctx: &RiskContext,
) -> Result<RiskTreatmentPlanned, WorkRejection> {
    if !state.assessed {
        return Err(bad(msg!("rules-assess-before-response")));
    }
    let field = if t.response == RiskResponse::Accept {
        Field::AcceptanceReason
    } else {
        Field::PlannedMeasures
    };
    Ok(RiskTreatmentPlanned {
        response: t.response,
        actions: text(&t.actions, field, 4000)?,
        measures: check_measures(&t.measures, ctx.plan.as_ref(), state.year)?,
        due_on: t
            .due_on
            .map(|d| in_reach(d, state.year, Field::MeasuresDue))
            .transpose()?,
    })
}

fn review(
    r: RiskReviewed,
    state: &RiskState,
    ctx: &RiskContext,
) -> Result<RiskReviewed, WorkRejection> {
    if !state.assessed {
        return Err(bad(msg!("rules-assess-before-review")));
    }
    not_future(r.reviewed_on, ctx.today, Field::ReviewDate)?;
    in_reach(r.reviewed_on, state.year, Field::ReviewDate)?;
    if r.next_review_on <= r.reviewed_on {
        return Err(WorkRejection::BadDate(msg!("rules-next-review-after")));
    }
    Ok(RiskReviewed {
        reviewed_on: r.reviewed_on,
        residual: rating(r.residual, Field::ResidualRisk)?,
        note: text(&r.note, Field::Findings, 2000)?,
        next_review_on: in_reach(r.next_review_on, state.year, Field::NextReview)?,
    })
}

impl Aggregate for RiskAggregate {
    type Event = RiskEvent;
    /// `None` until the risk is entered.
    type State = Option<RiskState>;
    type Command = RiskCommand;
    type Context = RiskContext;
    type Rejection = WorkRejection;

    fn decide(
        state: &Option<RiskState>,
        command: RiskCommand,
        ctx: &RiskContext,
    ) -> Result<Vec<RiskEvent>, WorkRejection> {
        let Some(state) = state else {
            return match command {
                RiskCommand::Identify(r) => Ok(vec![RiskEvent::Identified(identify(r, ctx)?)]),
                _ => Err(WorkRejection::NoRisk),
            };
        };
        if state.closed {
            return Err(WorkRejection::RiskClosed);
        }
        let event = match command {
            RiskCommand::Identify(_) => {
                return Err(WorkRejection::Stale(msg!("rules-risk-exists")));
            }
            RiskCommand::Assess(a) => RiskEvent::Assessed(assess(a)?),
            RiskCommand::PlanTreatment(t) => RiskEvent::TreatmentPlanned(treat(t, state, ctx)?),
            RiskCommand::Review(r) => RiskEvent::Reviewed(review(r, state, ctx)?),
            RiskCommand::Close(c) => RiskEvent::Closed(RiskClosed {
                reason: text(&c.reason, Field::CloseReason, 1000)?,
            }),
            RiskCommand::AttachFiles(files) => RiskEvent::FilesAttached(RiskFilesAttached {
                files: check_files(files)?,
            }),
        };
        Ok(vec![event])
    }

    fn apply(state: Option<RiskState>, event: &RiskEvent) -> Option<RiskState> {
        let mut state = state.unwrap_or_default();
        match event {
            RiskEvent::Identified(r) => state.year = r.year,
            RiskEvent::Assessed(_) => state.assessed = true,
            RiskEvent::TreatmentPlanned(_)
            | RiskEvent::Reviewed(_)
            | RiskEvent::FilesAttached(_) => {}
            RiskEvent::Closed(_) => state.closed = true,
        }
        Some(state)
    }

    fn stale(_ctx: &RiskContext, _read: u64, _actual: u64) -> Option<WorkRejection> {
        Some(WorkRejection::Stale(msg!("rules-risk-changed")))
    }
}

#[cfg(test)]
mod tests {
    //! Given a risk's events, when a command arrives, then these events or this refusal.
    use super::*;
    use crate::domain::testing::given;
    use crate::domain::work::testing::{day, plan};
    use antikor_shared::risk::RiskArea;

    fn ctx() -> RiskContext {
        RiskContext {
            today: day(2017, 9, 1),
            plan: Some(plan()),
            owners: vec!["bansko.officer".into()],
        }
    }

    fn identified() -> RiskIdentified {
        RiskIdentified {
            year: 2017,
            area: RiskArea::Procurement,
            unit: " Отдел „Обществени поръчки“ ".into(),
            description: "Насочване на поръчка към определен изпълнител".into(),
            causes: "Технически спецификации, написани за един доставчик".into(),
            owner: "bansko.officer".into(),
            review_on: day(2017, 12, 15),
        }
    }

    fn rated(l: u8, i: u8) -> Rating {
        Rating {
            likelihood: l,
            impact: i,
        }
    }

    fn assessed() -> RiskAssessed {
        RiskAssessed {
            inherent: rated(4, 5),
            controls: "Двама души преглеждат спецификациите".into(),
            residual: rated(3, 4),
        }
    }

    fn treatment(response: RiskResponse) -> RiskTreatmentPlanned {
        RiskTreatmentPlanned {
            response,
            actions: "Публикуване на проектите на спецификации за коментари".into(),
            measures: vec!["IV.1".into()],
            due_on: Some(day(2017, 12, 31)),
        }
    }

    #[test]
    fn a_risk_is_entered_with_its_texts_trimmed() {
        let events = given::<RiskAggregate>([])
            .when(RiskCommand::Identify(identified()), &ctx())
            .unwrap();
        let [RiskEvent::Identified(r)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(r.unit, "Отдел „Обществени поръчки“");
    }

    #[test]
    fn an_owner_must_be_one_of_the_tenants_people() {
        let mut r = identified();
        r.owner = "petrich.officer".into();
        let refused = given::<RiskAggregate>([])
            .when(RiskCommand::Identify(r), &ctx())
            .unwrap_err();
        assert!(refused.to_string().contains("не е служител"), "{refused}");
    }

    #[test]
    fn a_review_date_stays_within_the_registers_reach() {
        let mut r = identified();
        r.review_on = day(2016, 12, 31);
        assert!(matches!(
            given::<RiskAggregate>([]).when(RiskCommand::Identify(r), &ctx()),
            Err(WorkRejection::BadDate(_))
        ));
    }

    #[test]
    fn ratings_are_on_the_five_point_scale_and_controls_do_not_raise_a_risk() {
        let risk = given::<RiskAggregate>([RiskEvent::Identified(identified())]);
        let mut a = assessed();
        a.inherent = rated(6, 1);
        assert!(risk.when(RiskCommand::Assess(a), &ctx()).is_err());
        let mut a = assessed();
        a.residual = rated(5, 5);
        let refused = risk.when(RiskCommand::Assess(a), &ctx()).unwrap_err();
        assert!(refused.to_string().contains("по-висок"), "{refused}");
        assert_eq!(
            risk.when(RiskCommand::Assess(assessed()), &ctx()).unwrap(),
            vec![RiskEvent::Assessed(assessed())]
        );
    }

    #[test]
    fn a_response_needs_a_rating_and_measures_of_the_plan() {
        let entered = given::<RiskAggregate>([RiskEvent::Identified(identified())]);
        let refused = entered
            .when(
                RiskCommand::PlanTreatment(treatment(RiskResponse::Limit)),
                &ctx(),
            )
            .unwrap_err();
        assert!(refused.to_string().contains("Първо оценете"), "{refused}");
        let rated = given::<RiskAggregate>([
            RiskEvent::Identified(identified()),
            RiskEvent::Assessed(assessed()),
        ]);
        let mut t = treatment(RiskResponse::Limit);
        t.measures = vec!["IX.9".into()];
        assert!(matches!(
            rated.when(RiskCommand::PlanTreatment(t), &ctx()),
            Err(WorkRejection::BadField(_))
        ));
        let mut t = treatment(RiskResponse::Accept);
        t.actions = "  ".into();
        let refused = rated
            .when(RiskCommand::PlanTreatment(t), &ctx())
            .unwrap_err();
        assert!(refused.to_string().contains("Обосновка"), "{refused}");
        assert!(
            rated
                .when(
                    RiskCommand::PlanTreatment(treatment(RiskResponse::Limit)),
                    &ctx()
                )
                .is_ok()
        );
    }

    #[test]
    fn a_review_is_of_a_day_passed_and_sets_a_later_one() {
        let rated = given::<RiskAggregate>([
            RiskEvent::Identified(identified()),
            RiskEvent::Assessed(assessed()),
        ]);
        let review = |on, next| RiskReviewed {
            reviewed_on: on,
            residual: self::rated(2, 4),
            note: "Мерките действат".into(),
            next_review_on: next,
        };
        let future = review(day(2017, 9, 2), day(2018, 3, 1));
        assert!(rated.when(RiskCommand::Review(future), &ctx()).is_err());
        let backwards = review(day(2017, 8, 30), day(2017, 8, 30));
        assert!(rated.when(RiskCommand::Review(backwards), &ctx()).is_err());
        let fine = review(day(2017, 8, 30), day(2018, 3, 1));
        assert_eq!(
            rated
                .when(RiskCommand::Review(fine.clone()), &ctx())
                .unwrap(),
            vec![RiskEvent::Reviewed(fine)]
        );
    }

    #[test]
    fn files_are_attached_to_an_open_risk() {
        let file = FileRef {
            sha256: "cd".repeat(32),
            name: "анализ.pdf".into(),
            media_type: "application/pdf".into(),
            bytes: 5000,
        };
        let open = given::<RiskAggregate>([RiskEvent::Identified(identified())]);
        let attach = RiskCommand::AttachFiles(vec![file.clone()]);
        assert_eq!(
            open.when(attach.clone(), &ctx()).unwrap(),
            vec![RiskEvent::FilesAttached(RiskFilesAttached {
                files: vec![file]
            })]
        );
        let closed = given::<RiskAggregate>([
            RiskEvent::Identified(identified()),
            RiskEvent::Closed(RiskClosed {
                reason: "Отпадна".into(),
            }),
        ]);
        assert!(matches!(
            closed.when(attach, &ctx()),
            Err(WorkRejection::RiskClosed)
        ));
        assert!(
            open.when(RiskCommand::AttachFiles(Vec::new()), &ctx())
                .is_err()
        );
    }

    #[test]
    fn a_closed_risk_changes_no_more_and_an_unknown_one_is_not_found() {
        let closed = given::<RiskAggregate>([
            RiskEvent::Identified(identified()),
            RiskEvent::Closed(RiskClosed {
                reason: "Дейността е прекратена".into(),
            }),
        ]);
        assert!(matches!(
            closed.when(RiskCommand::Assess(assessed()), &ctx()),
            Err(WorkRejection::RiskClosed)
        ));
        let close = RiskCommand::Close(RiskClosed { reason: "x".into() });
        assert!(matches!(
            given::<RiskAggregate>([]).when(close, &ctx()),
            Err(WorkRejection::NoRisk)
        ));
    }
}
