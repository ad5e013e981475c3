//! Progress on the plan's measures as an aggregate: a tenant's reports on one measure of a
//! year's plan, each checked against the plan in force and the day it is made.

use crate::domain::Aggregate;
use crate::domain::fields::{Field, text};
use crate::domain::plan::Plan;
use crate::domain::work::{WorkRejection, bad, check_files, not_future};
use antikor_shared::events::ProgressEvent;
use antikor_shared::msg;
use antikor_shared::progress::{Evidence, ProgressReported};
use antikor_shared::views::ReportProgress;
use chrono::{Datelike, NaiveDate};

fn check_evidence(evidence: Vec<Evidence>) -> Result<Vec<Evidence>, WorkRejection> {
    if evidence.len() > 20 {
        return Err(bad(msg!("rules-evidence-at-most")));
    }
    evidence
        .into_iter()
        .map(|e| match e {
            Evidence::Link(url) => {
                let url = text(&url, Field::Link, 500)?;
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(bad(msg!("rules-not-a-web-address", url = url.as_str())));
                }
                Ok(Evidence::Link(url))
            }
            Evidence::File(file) => Ok(Evidence::File(check_files(vec![file])?.remove(0))),
            Evidence::Document(reference) => {
                Ok(Evidence::Document(text(&reference, Field::Document, 500)?))
            }
        })
        .collect()
}

/// The report of a tenant on a measure. `current_version` is how many reports the measure
/// already has in the tenant; the caller's `expected_version` must match it.
pub fn decide_progress(
    year: i32,
    plan: Option<&Plan>,
    key: &str,
    today: NaiveDate,
    report: ReportProgress,
) -> Result<ProgressReported, WorkRejection> {
    let plan = plan.ok_or(WorkRejection::NoPlan(year))?;
    if !plan
        .measures
        .iter()
        .any(|m| m.measure.key == key && m.withdrawn.is_none())
    {
        return Err(WorkRejection::NoMeasure(key.to_owned()));
    }
    not_future(report.reported_for, today, Field::AsOf)?;
    if report.reported_for.year() < year {
        return Err(WorkRejection::BadDate(msg!(
            "rules-report-before-year",
            year = year.to_string()
        )));
    }
    let note = report.note.trim().to_owned();
    if note.chars().count() > 4000 {
        return Err(bad(msg!("rules-note-too-long")));
    }
    Ok(ProgressReported {
        year,
        measure: key.to_owned(),
        level: report.level,
        note,
        evidence: check_evidence(report.evidence)?,
        reported_for: report.reported_for,
    })
}

/// A tenant's reports on one measure of a year's plan (its `progress-{year}-{key}` stream).
#[derive(Debug, Clone, Copy)]
pub struct ProgressAggregate;

/// What a report on a measure needs besides the measure's stream.
#[derive(Debug, Clone)]
pub struct ProgressContext {
    /// The plan's year.
    pub year: i32,
    /// The measure's key.
    pub key: String,
    /// The year's plan, if there is one.
    pub plan: Option<Plan>,
    /// Today (no report is for a later day).
    pub today: NaiveDate,
}

impl Aggregate for ProgressAggregate {
    type Event = ProgressEvent;
    /// The newest report.
    type State = Option<ProgressReported>;
    type Command = ReportProgress;
    type Context = ProgressContext;
    type Rejection = WorkRejection;

    fn decide(
        _newest: &Option<ProgressReported>,
        report: ReportProgress,
        ctx: &ProgressContext,
    ) -> Result<Vec<ProgressEvent>, WorkRejection> {
        let reported = decide_progress(ctx.year, ctx.plan.as_ref(), &ctx.key, ctx.today, report)?;
        Ok(vec![ProgressEvent::Reported(reported)])
    }

    fn apply(_newest: Option<ProgressReported>, event: &ProgressEvent) -> Self::State {
        let ProgressEvent::Reported(reported) = event;
        Some(reported.clone())
    }

    fn stale(ctx: &ProgressContext, _read: u64, _actual: u64) -> Option<WorkRejection> {
        Some(WorkRejection::Stale(msg!(
            "rules-progress-changed",
            key = ctx.key.as_str()
        )))
    }
}

#[cfg(test)]
mod tests {
    //! Given the plan, when a report arrives, then this event or this rejection.
    use super::*;
    use crate::domain::work::testing::{day, plan};
    use antikor_shared::progress::CompletionLevel;

    fn report(level: CompletionLevel, version: u64) -> ReportProgress {
        ReportProgress {
            level,
            note: " Проведено заседание ".into(),
            evidence: vec![Evidence::Link("https://bld.government.bg/protokol".into())],
            reported_for: day(2017, 6, 30),
            expected_version: version,
        }
    }

    #[test]
    fn a_report_is_recorded_for_a_measure_in_force() {
        let plan = plan();
        let event = decide_progress(
            2017,
            Some(&plan),
            "II.1",
            day(2017, 7, 1),
            report(CompletionLevel::Substantial, 0),
        )
        .unwrap();
        assert_eq!(event.level, CompletionLevel::Substantial);
        assert_eq!(event.note, "Проведено заседание");
        assert_eq!(event.measure, "II.1");
    }

    #[test]
    fn a_report_on_a_stale_version_is_a_conflict_not_a_lost_update() {
        let ctx = ProgressContext {
            year: 2017,
            key: "II.1".into(),
            plan: Some(plan()),
            today: day(2017, 7, 1),
        };
        let got = ProgressAggregate::stale(&ctx, 0, 1);
        assert!(matches!(got, Some(WorkRejection::Stale(_))), "{got:?}");
    }

    #[test]
    fn reports_refuse_unknown_or_withdrawn_measures_future_dates_and_bad_links() {
        let mut plan = plan();
        let today = day(2017, 7, 1);
        let decide = |plan: &Plan, key: &str, r| decide_progress(2017, Some(plan), key, today, r);
        assert_eq!(
            decide(&plan, "IX.9", report(CompletionLevel::Limited, 0)),
            Err(WorkRejection::NoMeasure("IX.9".into()))
        );
        let mut future = report(CompletionLevel::Limited, 0);
        future.reported_for = day(2017, 7, 2);
        assert!(matches!(
            decide(&plan, "I.1", future),
            Err(WorkRejection::BadDate(_))
        ));
        let mut link = report(CompletionLevel::Limited, 0);
        link.evidence = vec![Evidence::Link("javascript:alert(1)".into())];
        assert!(matches!(
            decide(&plan, "I.1", link),
            Err(WorkRejection::BadField(_))
        ));
        plan.measures[0].withdrawn = Some("отпада".into());
        assert_eq!(
            decide(&plan, "I.1", report(CompletionLevel::Limited, 0)),
            Err(WorkRejection::NoMeasure("I.1".into()))
        );
        assert_eq!(
            decide_progress(
                2018,
                None,
                "I.1",
                today,
                report(CompletionLevel::Limited, 0)
            ),
            Err(WorkRejection::NoPlan(2018))
        );
    }
}
