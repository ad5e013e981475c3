//! The whistleblower law's clocks and the register's small-cell rule, as pure functions: when
//! an acknowledgment and a feedback are due, whether they were met, and how a statistic is
//! shown without letting anyone recognise a single case.

pub use antikor_shared::signal::{Cell, Clock};
use chrono::{Days, Months, NaiveDate};

/// Days after receipt within which a signal must be acknowledged.
pub const ACKNOWLEDGE_WITHIN_DAYS: u64 = 7;
/// Months after acknowledgment within which the reporter must get feedback.
pub const FEEDBACK_WITHIN_MONTHS: u32 = 3;
/// How close a due date must be to count as "due soon".
pub const DUE_SOON_DAYS: i64 = 3;
/// Statistics cells below this count are shown as "< 3".
pub const SMALLEST_SHOWN: u64 = 3;

/// When the acknowledgment of a signal received on `received` is due.
pub fn acknowledgment_due(received: NaiveDate) -> NaiveDate {
    // Saturating: a stored date at the end of the calendar must not panic a read.
    received
        .checked_add_days(Days::new(ACKNOWLEDGE_WITHIN_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

/// When feedback on a signal acknowledged on `acknowledged` is due: the same day three months
/// later, or that month's last day when it is shorter (31 May → 31 August, 30 November →
/// 28 or 29 February).
pub fn feedback_due(acknowledged: NaiveDate) -> NaiveDate {
    acknowledged
        .checked_add_months(Months::new(FEEDBACK_WITHIN_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// The state of a step due on `due`, done on `done` (if it was), seen on `today`.
pub fn clock(due: NaiveDate, done: Option<NaiveDate>, today: NaiveDate) -> Clock {
    match done {
        Some(day) if day <= due => Clock::Met,
        Some(_) => Clock::MetLate,
        None if today > due => Clock::Overdue,
        None if (due - today).num_days() <= DUE_SOON_DAYS => Clock::DueSoon,
        None => Clock::Running,
    }
}

/// How a count is shown in statistics outside the tenant.
pub fn cell(count: u64) -> Cell {
    match count {
        0 => Cell::Zero,
        n if n < SMALLEST_SHOWN => Cell::FewerThanThree,
        n => Cell::Exact(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn acknowledgment_is_due_seven_days_after_receipt() {
        assert_eq!(acknowledgment_due(day(2024, 2, 26)), day(2024, 3, 4));
        assert_eq!(acknowledgment_due(day(2023, 12, 28)), day(2024, 1, 4));
    }

    #[test]
    fn feedback_is_due_three_months_after_acknowledgment_clamped_to_month_end() {
        assert_eq!(feedback_due(day(2024, 1, 15)), day(2024, 4, 15));
        assert_eq!(feedback_due(day(2024, 5, 31)), day(2024, 8, 31));
        assert_eq!(feedback_due(day(2023, 11, 30)), day(2024, 2, 29));
        assert_eq!(feedback_due(day(2022, 11, 30)), day(2023, 2, 28));
    }

    #[test]
    fn clocks_are_met_late_overdue_or_running() {
        let due = day(2024, 3, 10);
        assert_eq!(
            clock(due, Some(day(2024, 3, 10)), day(2024, 4, 1)),
            Clock::Met
        );
        assert_eq!(
            clock(due, Some(day(2024, 3, 11)), day(2024, 4, 1)),
            Clock::MetLate
        );
        assert_eq!(clock(due, None, day(2024, 3, 11)), Clock::Overdue);
        assert_eq!(clock(due, None, day(2024, 3, 10)), Clock::DueSoon);
        assert_eq!(clock(due, None, day(2024, 3, 7)), Clock::DueSoon);
        assert_eq!(clock(due, None, day(2024, 3, 6)), Clock::Running);
    }

    #[test]
    fn small_cells_are_suppressed() {
        assert_eq!(cell(0), Cell::Zero);
        assert_eq!(cell(1), Cell::FewerThanThree);
        assert_eq!(cell(2), Cell::FewerThanThree);
        assert_eq!(cell(3), Cell::Exact(3));
        assert_eq!(
            serde_json::to_string(&cell(2)).unwrap(),
            r#"{"shown":"fewer_than_three"}"#
        );
    }
}
