//! How values are written for people, the same in the browser and in the server's files.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// A day as Bulgarian registers write it: `dd.mm.yyyy`.
pub fn date_bg(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// The last Sunday of a month, at which EU daylight saving time switches (at 01:00 UTC).
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
}

/// The UTC offset of Bulgaria (Europe/Sofia) at an instant: EET +2, EEST +3 in summer.
///
/// The users are all in Bulgaria and the records are official, so times are shown in Sofia time
/// whatever the browser's time zone is; that also makes the page the same on every machine.
pub fn sofia_offset(at: DateTime<Utc>) -> Duration {
    let year = at.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_then(|d| d.and_hms_opt(1, 0, 0))
            .map(|t| t.and_utc())
    };
    let summer = match (switch(3), switch(10)) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    };
    Duration::hours(if summer { 3 } else { 2 })
}

/// Sofia local time as `dd.mm.yyyy HH:MM`.
pub fn date_time(at: DateTime<Utc>) -> String {
    (at + sofia_offset(at)).format("%d.%m.%Y %H:%M").to_string()
}

/// Sofia local time as `dd.mm.yyyy HH:MM:SS`, for a single record's detail.
pub fn date_time_seconds(at: DateTime<Utc>) -> String {
    (at + sofia_offset(at))
        .format("%d.%m.%Y %H:%M:%S")
        .to_string()
}
