//! What a tenant's work is refused for, shared by its aggregates: progress on a measure
//! (`domain::progress`), and activities and the expert contacts (`domain::activities`).

use crate::domain::fields::{BadText, Field};
use crate::util::errors::AppError;
use antikor_shared::files::{FileRef, MAX_FILES_AT_ONCE};
use antikor_shared::i18n::Text;
use antikor_shared::msg;
use antikor_shared::text::date_bg;
use chrono::NaiveDate;

/// Why a tenant's command was refused; [`text`](Self::text) is the message for the person,
/// and `Display` its Bulgarian.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkRejection {
    /// The measure is not in the plan (or was withdrawn).
    NoMeasure(String),
    /// The year has no plan.
    NoPlan(i32),
    /// Someone reported or corrected since the caller read.
    Stale(Text),
    /// A date in the future, or before the plan's year.
    BadDate(Text),
    /// A field is empty, too long or inconsistent.
    BadField(Text),
    /// Only the regional administration records contested acts.
    NotRegional,
    /// A correction must keep the activity's kind.
    KindChanged,
    /// A follow-up is for contested acts only.
    NotAContestedAct,
    /// No activity was recorded under this id.
    NoActivity,
    /// No risk was entered under this id.
    NoRisk,
    /// A closed risk is kept as it was closed.
    RiskClosed,
    /// The tenant has not opened the survey of the year.
    NoSurvey,
    /// A code that was never issued (or mistyped).
    BadCode,
}

impl WorkRejection {
    /// The refusal, for the person, in whichever language they read.
    pub fn text(&self) -> Text {
        match self {
            Self::NoMeasure(key) => msg!("rules-measure-not-in-plan", key = key.as_str()),
            Self::NoPlan(year) => msg!("rules-no-plan-for-year", year = year.to_string()),
            Self::Stale(text) | Self::BadDate(text) | Self::BadField(text) => text.clone(),
            Self::NotRegional => msg!("rules-contested-acts-regional"),
            Self::KindChanged => msg!("rules-correction-same-kind"),
            Self::NotAContestedAct => msg!("rules-follow-up-contested-only"),
            Self::NoActivity => msg!("rules-no-such-record"),
            Self::NoRisk => msg!("rules-no-such-risk"),
            Self::RiskClosed => msg!("rules-risk-closed"),
            Self::NoSurvey => msg!("rules-survey-not-opened"),
            Self::BadCode => msg!("rules-survey-code-invalid"),
        }
    }
}

/// The Bulgarian message.
impl std::fmt::Display for WorkRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for WorkRejection {}

/// How the API answers each refusal.
impl From<WorkRejection> for AppError {
    fn from(r: WorkRejection) -> Self {
        let message = r.text();
        match r {
            WorkRejection::NoPlan(_)
            | WorkRejection::NoMeasure(_)
            | WorkRejection::NoActivity
            | WorkRejection::NoRisk
            | WorkRejection::NoSurvey => Self::NotFound(message),
            WorkRejection::BadCode => Self::Forbidden(message),
            WorkRejection::Stale(_) | WorkRejection::RiskClosed => Self::Conflict(message),
            WorkRejection::NotRegional => Self::Forbidden(message),
            _ => Self::BadRequest(message),
        }
    }
}

impl From<BadText> for WorkRejection {
    fn from(BadText(message): BadText) -> Self {
        Self::BadField(message)
    }
}

/// Checks files to attach to a record, already found in the store with these sizes and types
/// (the caller looks them up): how many, and their names.
pub fn check_files(files: Vec<FileRef>) -> Result<Vec<FileRef>, WorkRejection> {
    if files.is_empty() || files.len() > MAX_FILES_AT_ONCE {
        return Err(bad(msg!("rules-files-at-once", max = MAX_FILES_AT_ONCE)));
    }
    files
        .into_iter()
        .map(|f| {
            Ok(FileRef {
                name: crate::domain::fields::text(&f.name, Field::FileName, 200)?,
                ..f
            })
        })
        .collect()
}

pub(super) fn bad(message: Text) -> WorkRejection {
    WorkRejection::BadField(message)
}

pub(super) fn not_future(
    date: NaiveDate,
    today: NaiveDate,
    field: Field,
) -> Result<(), WorkRejection> {
    if date > today {
        return Err(WorkRejection::BadDate(msg!(
            "rules-field-date-in-future",
            field = field.key(),
            date = date_bg(date)
        )));
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod testing {
    //! The 2017 plan and dates, for the tests of the work's aggregates.

    use crate::domain::plan::Plan;
    use antikor_shared::views::MeasureView;
    use chrono::NaiveDate;

    pub fn plan() -> Plan {
        let plan = antikor_migrations::plan::plan_2017();
        Plan {
            year: 2017,
            title: plan.title,
            based_on: None,
            sections: plan.sections,
            measures: plan
                .measures
                .into_iter()
                .map(|measure| MeasureView {
                    measure,
                    withdrawn: None,
                    revision: 1,
                })
                .collect(),
        }
    }

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
}
