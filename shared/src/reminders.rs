//! What waits for a user's action: the reminders behind the bell in the header.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a reminder asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A signal to acknowledge (the law's 7 days from receipt).
    Acknowledge,
    /// Feedback to give a reporter (the law's 3 months from acknowledgment).
    Feedback,
    /// A measure of the plan to report on, due by its deadline.
    Measure,
    /// An act returned to its council, which must discuss it again within 14 days.
    Revote,
    /// A risk of the corruption-risk register to review by its review date.
    RiskReview,
    /// The institution's staff survey, open, in its last days (plan measure VI.2).
    SurveyClosing,
}

impl ReminderKind {
    /// What the reminder asks, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::Acknowledge => crate::tr!(lang, "labels-reminder-kind-acknowledge"),
            Self::Feedback => crate::tr!(lang, "labels-reminder-kind-feedback"),
            Self::Measure => crate::tr!(lang, "labels-reminder-kind-measure"),
            Self::Revote => crate::tr!(lang, "labels-reminder-kind-revote"),
            Self::RiskReview => crate::tr!(lang, "labels-reminder-kind-risk-review"),
            Self::SurveyClosing => crate::tr!(lang, "labels-reminder-kind-survey-closing"),
        }
    }
}

/// Where a reminder is dealt with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum ReminderTarget {
    /// A signal of the caller's register.
    Signal {
        /// The signal's id.
        id: Uuid,
    },
    /// A measure of the plan of a year, reported on in the progress table.
    Measure {
        /// The plan's year.
        year: i32,
        /// The measure's key.
        key: String,
    },
    /// An activity (a contested act) of the caller's tenant.
    Activity {
        /// The activity's id.
        id: Uuid,
    },
    /// A risk of the caller's tenant's register.
    Risk {
        /// The risk's id.
        id: Uuid,
    },
    /// The caller's tenant's staff survey of a year.
    Survey {
        /// The survey's year.
        year: i32,
    },
}

/// One thing that waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reminder {
    /// What it asks for.
    pub kind: ReminderKind,
    /// The last day for it.
    pub due: NaiveDate,
    /// Whether that day has passed.
    pub overdue: bool,
    /// What it is about, as its users know it: a signal's register number, a measure's
    /// number and text, an act's number.
    pub subject: String,
    /// Where it is dealt with.
    pub target: ReminderTarget,
}

/// `GET /api/reminders`: what waits for the caller, the most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reminders {
    /// The day they were judged on (Sofia's date).
    pub today: NaiveDate,
    /// How many there are in all.
    pub total: u64,
    /// How many of them are overdue.
    pub overdue: u64,
    /// The first [`Reminders::SHOWN`] of them, overdue and nearest due first.
    pub items: Vec<Reminder>,
}

impl Reminders {
    /// How many reminders one answer lists at most: the bell shows counts, and a list longer
    /// than this says more than anyone acts on in a day.
    pub const SHOWN: usize = 100;
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn reminder_kind_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(
            [
                ReminderKind::Acknowledge,
                ReminderKind::Feedback,
                ReminderKind::Measure,
                ReminderKind::Revote,
                ReminderKind::RiskReview,
                ReminderKind::SurveyClosing,
            ],
            |value, lang| value.label(lang),
        );
    }
}
