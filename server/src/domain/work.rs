//! What a tenant's work is refused for, shared by its aggregates: progress on a measure
//! (`domain::progress`), and activities and the expert contacts (`domain::activities`).

use crate::domain::fields::BadText;
use crate::util::errors::AppError;
use antikor_shared::files::{FileRef, MAX_FILES_AT_ONCE};
use chrono::NaiveDate;

/// Why a tenant's command was refused; `Display` is the Bulgarian message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkRejection {
    /// The measure is not in the plan (or was withdrawn).
    #[error("Мярка „{0}“ не е в плана за годината (или е оттеглена).")]
    NoMeasure(String),
    /// The year has no plan.
    #[error("Няма план за {0} г.")]
    NoPlan(i32),
    /// Someone reported or corrected since the caller read.
    #[error("{0}")]
    Stale(String),
    /// A date in the future, or before the plan's year.
    #[error("{0}")]
    BadDate(String),
    /// A field is empty, too long or inconsistent.
    #[error("{0}")]
    BadField(String),
    /// Only the regional administration records contested acts.
    #[error("Оспорените актове се вписват от областната администрация.")]
    NotRegional,
    /// A correction must keep the activity's kind.
    #[error("Поправката трябва да е от същия вид дейност.")]
    KindChanged,
    /// A follow-up is for contested acts only.
    #[error("Последващи действия се вписват само за оспорени актове.")]
    NotAContestedAct,
    /// No activity was recorded under this id.
    #[error("Няма такъв запис.")]
    NoActivity,
    /// No risk was entered under this id.
    #[error("Няма такъв риск в регистъра.")]
    NoRisk,
    /// A closed risk is kept as it was closed.
    #[error("Рискът е закрит и не се променя.")]
    RiskClosed,
    /// The tenant has not opened the survey of the year.
    #[error("Институцията не е открила анкета за тази година.")]
    NoSurvey,
    /// A code that was never issued (or mistyped).
    #[error("Кодът не е валиден: проверете го и опитайте отново.")]
    BadCode,
}

/// How the API answers each refusal.
impl From<WorkRejection> for AppError {
    fn from(r: WorkRejection) -> Self {
        let message = r.to_string();
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
        return Err(bad(format!(
            "Приложете от 1 до {MAX_FILES_AT_ONCE} файла наведнъж."
        )));
    }
    files
        .into_iter()
        .map(|f| {
            Ok(FileRef {
                name: crate::domain::fields::text(&f.name, "Име на файла", 200)?,
                ..f
            })
        })
        .collect()
}

pub(super) fn bad(message: impl Into<String>) -> WorkRejection {
    WorkRejection::BadField(message.into())
}

pub(super) fn not_future(
    date: NaiveDate,
    today: NaiveDate,
    field: &str,
) -> Result<(), WorkRejection> {
    if date > today {
        return Err(WorkRejection::BadDate(format!(
            "„{field}“ ({}) е в бъдещето.",
            date.format("%d.%m.%Y")
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
