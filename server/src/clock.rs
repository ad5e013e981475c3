//! The server's one clock: the moment now, and the day in Sofia by which deadlines and
//! "overdue" are judged. Tests move it forward to walk past a deadline without waiting.
//!
//! The log's own time (`recorded_at`) is not taken from here: the store stamps events with the
//! system's time, which no one can move.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

/// The day in Sofia at a moment: "overdue" is judged by the calendar the users live by.
pub fn sofia_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&chrono_tz::Europe::Sofia).date_naive()
}

/// The time of day in Sofia at a moment.
pub fn sofia_time(at: DateTime<Utc>) -> DateTime<chrono_tz::Tz> {
    at.with_timezone(&chrono_tz::Europe::Sofia)
}

/// The system's clock, moved forward by what tests asked for (nothing, in a server). Clones
/// share one clock.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Seconds ahead of the system's clock.
    ahead: Arc<AtomicI64>,
}

impl Clock {
    /// The moment now.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + TimeDelta::seconds(self.ahead.load(Ordering::Relaxed))
    }

    /// Today in Sofia.
    pub fn today(&self) -> NaiveDate {
        sofia_date(self.now())
    }

    /// Moves the clock forward (tests: a deadline passes).
    pub fn advance(&self, by: TimeDelta) {
        self.ahead.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sofia_is_ahead_of_utc_and_a_clone_moves_with_its_original() {
        let late_evening = "2026-03-01T22:30:00Z".parse().unwrap();
        assert_eq!(sofia_date(late_evening).to_string(), "2026-03-02");
        let clock = Clock::default();
        let before = clock.today();
        clock.clone().advance(TimeDelta::days(8));
        assert_eq!(clock.today() - before, TimeDelta::days(8));
    }
}
