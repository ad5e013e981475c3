//! What waits for a user's action, read off the models: signals to acknowledge and feedback to
//! give (the whistleblower law's clocks), measures of the plan due, returned acts the council
//! must discuss again, risks of the register due for review, a staff survey about to close.

use super::ReadModels;
use super::views::due_date;
use crate::domain::clocks;
use antikor_shared::TenantId;
use antikor_shared::account::Role;
use antikor_shared::i18n::Lang;
use antikor_shared::reminders::{Reminder, ReminderKind, ReminderTarget, Reminders};
use antikor_shared::signal::SignalStatus;
use antikor_shared::survey::MIN_ANSWERS;
use chrono::{Datelike, NaiveDate};

/// Days ahead of its last day that a signal's acknowledgment is reminded of (the law allows 7).
pub const ACKNOWLEDGE_AHEAD_DAYS: i64 = 2;
/// Days ahead of its last day that a reporter's feedback is reminded of (the law allows three
/// months: two weeks is time to write it).
pub const FEEDBACK_AHEAD_DAYS: i64 = 14;
/// Days ahead of its last day that a returned act's new discussion is reminded of.
pub const REVOTE_AHEAD_DAYS: i64 = 3;
/// Days ahead of its review date that a risk's review is reminded of.
pub const RISK_REVIEW_AHEAD_DAYS: i64 = 14;
/// Days ahead of its last day that an open staff survey is reminded of: time to hand out the
/// codes left and to remind the staff, while answers are still taken.
pub const SURVEY_CLOSING_AHEAD_DAYS: i64 = 7;

/// Which kinds of reminder a caller is given: what their role acts on in their tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted {
    /// The signals register's clocks (its officers only: the register is confidential).
    pub signals: bool,
    /// The plan's measures and the returned acts (whoever reports and records for the tenant).
    pub work: bool,
}

impl Wanted {
    /// What a role acts on: the register's clocks for its officers (the register is
    /// confidential), the tenant's plan and returned acts for every role that writes.
    pub fn of(role: Role) -> Self {
        Self {
            signals: role == Role::Officer,
            work: !role.is_read_only(),
        }
    }
}

impl ReadModels {
    /// [`Self::reminders`], what the reminders say of themselves written in `lang`.
    pub fn reminders(
        &self,
        tenant: &TenantId,
        wanted: Wanted,
        today: NaiveDate,
        lang: Lang,
    ) -> Reminders {
        let mut items = Vec::new();
        if wanted.signals {
            self.signal_reminders(tenant, today, lang, &mut items);
        }
        if wanted.work {
            self.measure_reminders(tenant, today, &mut items);
            if let Some(work) = self.work.of(tenant) {
                items.extend(
                    work.returned()
                        .filter(|(_, r)| ahead(r.due, today) <= REVOTE_AHEAD_DAYS)
                        .map(|(id, r)| Reminder {
                            kind: ReminderKind::Revote,
                            due: r.due,
                            overdue: today > r.due,
                            subject: format!("{} ({})", r.act, r.municipality),
                            target: ReminderTarget::Activity { id: *id },
                        }),
                );
            }
            if let Some(risks) = self.risks.of(tenant) {
                let by = today + chrono::Days::new(RISK_REVIEW_AHEAD_DAYS as u64);
                items.extend(risks.reviews_due_by(by).into_iter().map(|r| Reminder {
                    kind: ReminderKind::RiskReview,
                    due: r.identified.review_on,
                    overdue: today > r.identified.review_on,
                    subject: format!("{} {}", r.code(), r.identified.description),
                    target: ReminderTarget::Risk { id: r.id },
                }));
            }
            self.survey_reminders(tenant, today, lang, &mut items);
        }
        items.sort_by(|a, b| (a.due, a.kind, &a.subject).cmp(&(b.due, b.kind, &b.subject)));
        let total = items.len() as u64;
        let overdue = items.iter().filter(|r| r.overdue).count() as u64;
        items.truncate(Reminders::SHOWN);
        Reminders {
            today,
            total,
            overdue,
            items,
        }
    }

    fn signal_reminders(
        &self,
        tenant: &TenantId,
        today: NaiveDate,
        lang: Lang,
        items: &mut Vec<Reminder>,
    ) {
        let signal = |kind, due: NaiveDate, reference: &str, id| Reminder {
            kind,
            due,
            overdue: today > due,
            subject: antikor_shared::tr!(lang, "requests-reminder-signal", reference = reference),
            target: ReminderTarget::Signal { id },
        };
        // Oldest first, each status until a signal received too late to be due: an
        // acknowledgment is due a fixed time after receipt, feedback no sooner than the
        // same time after receipt (a signal is acknowledged on or after it arrives).
        for s in self.signals.oldest(tenant, SignalStatus::Received) {
            let due = s.case.acknowledgment_due();
            if ahead(due, today) > ACKNOWLEDGE_AHEAD_DAYS {
                break;
            }
            let reference = &s.case.filed.reference;
            items.push(signal(ReminderKind::Acknowledge, due, reference, s.id));
        }
        for status in [SignalStatus::Acknowledged, SignalStatus::InProgress] {
            for s in self.signals.oldest(tenant, status) {
                if ahead(clocks::feedback_due(s.case.filed.received), today) > FEEDBACK_AHEAD_DAYS {
                    break;
                }
                match s.case.feedback_due() {
                    Some(due)
                        if s.case.feedback.is_none()
                            && ahead(due, today) <= FEEDBACK_AHEAD_DAYS =>
                    {
                        let reference = &s.case.filed.reference;
                        items.push(signal(ReminderKind::Feedback, due, reference, s.id));
                    }
                    _ => {}
                }
            }
        }
    }

    /// The tenant's staff surveys that take answers for at most [`SURVEY_CLOSING_AHEAD_DAYS`]
    /// more days (this year's, and last year's when it closes in this one). The subject says
    /// how many answered, and, while fewer than the threshold did, that no results show yet.
    fn survey_reminders(
        &self,
        tenant: &TenantId,
        today: NaiveDate,
        lang: Lang,
        items: &mut Vec<Reminder>,
    ) {
        for year in [today.year() - 1, today.year()] {
            let Some(survey) = self.surveys.of(tenant, year) else {
                continue;
            };
            let Some(opened) = &survey.opened else {
                continue;
            };
            let left = ahead(opened.closes_on, today);
            if !(0..=SURVEY_CLOSING_AHEAD_DAYS).contains(&left) {
                continue;
            }
            let needed = self
                .province_of(tenant)
                .map_or(MIN_ANSWERS, |p| self.surveys.min_answers(p, tenant, year));
            // A year is no count: written as it is, not grouped as a number would be.
            let (year_text, answers) = (year.to_string(), survey.respondents);
            let subject = if answers < needed {
                antikor_shared::tr!(
                    lang,
                    "requests-reminder-survey-short",
                    year = year_text.as_str(),
                    answers = answers,
                    needed = needed
                )
            } else {
                antikor_shared::tr!(
                    lang,
                    "requests-reminder-survey",
                    year = year_text.as_str(),
                    answers = answers
                )
            };
            items.push(Reminder {
                kind: ReminderKind::SurveyClosing,
                due: opened.closes_on,
                overdue: false,
                subject,
                target: ReminderTarget::Survey { year },
            });
        }
    }

    /// The measures of this year's plan the tenant has not completed that are overdue or due
    /// within [`DUE_SOON_DAYS`](super::views::DUE_SOON_DAYS).
    fn measure_reminders(&self, tenant: &TenantId, today: NaiveDate, items: &mut Vec<Reminder>) {
        let year = today.year();
        let Some(progress) = self.progress(tenant, year, today) else {
            return;
        };
        items.extend(
            progress
                .rows
                .into_iter()
                .filter(|r| r.overdue || r.due_soon)
                .map(|r| Reminder {
                    kind: ReminderKind::Measure,
                    due: due_date(r.deadline),
                    overdue: r.overdue,
                    subject: format!("{} {}", r.number_in_source, r.text),
                    target: ReminderTarget::Measure { year, key: r.key },
                }),
        );
    }
}

/// Days from `today` to `due` (negative once it has passed).
fn ahead(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}
