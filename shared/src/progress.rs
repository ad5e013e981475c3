//! Progress on the plan's measures, reported by each tenant, and how it is judged.

use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How far a measure has come in a tenant, on the Open Government Partnership's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompletionLevel {
    /// Nothing done yet.
    NotStarted,
    /// Some steps taken.
    Limited,
    /// Most of it done.
    Substantial,
    /// Done.
    Completed,
}

impl CompletionLevel {
    /// Every level, from nothing to done.
    pub const ALL: [CompletionLevel; 4] = [
        CompletionLevel::NotStarted,
        CompletionLevel::Limited,
        CompletionLevel::Substantial,
        CompletionLevel::Completed,
    ];

    /// The level's name in `lang`, as the UI shows it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Self::NotStarted => crate::tr!(lang, "labels-completion-level-not-started"),
            Self::Limited => crate::tr!(lang, "labels-completion-level-limited"),
            Self::Substantial => crate::tr!(lang, "labels-completion-level-substantial"),
            Self::Completed => crate::tr!(lang, "labels-completion-level-completed"),
        }
    }
}

/// Something that shows the work was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Evidence {
    /// A web address (a published report, protocol, news item).
    Link(String),
    /// A document's reference: its registry number and date, or title.
    Document(String),
    /// A stored file (see `crate::files`).
    File(crate::files::FileRef),
}

/// `ProgressReported` v1: a tenant reported where it stands on one measure of a year's plan.
/// Recorded in the tenant's `progress-{year}-{measure}` stream; the newest report counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressReported {
    /// The plan's year.
    pub year: i32,
    /// The measure's key, e.g. `I.3`.
    pub measure: String,
    /// How far it has come.
    pub level: CompletionLevel,
    /// What was done, in the officer's words.
    pub note: String,
    /// What shows it.
    pub evidence: Vec<Evidence>,
    /// The day the report describes.
    pub reported_for: NaiveDate,
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn completion_level_labels_tell_values_apart_in_both_languages() {
        crate::i18n::assert_distinct_labels(CompletionLevel::ALL, |value, lang| value.label(lang));
    }
}
