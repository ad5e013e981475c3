//! Days and instants as numbers, for the read models a snapshot holds by the million: chrono's
//! own serde forms are text, and parsing them back was a large part of what a start spent
//! reading the activity lists. Use with `#[serde(with = "…")]`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};
use std::cmp::Reverse;

/// A day as the number of days from the first day of the common era.
pub mod day {
    use super::*;

    /// Writes the day's number.
    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        day.num_days_from_ce().serialize(s)
    }

    /// Reads a day's number back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| D::Error::custom("no such day"))
    }
}

/// An instant as seconds since 1970 and nanoseconds, exact for every instant chrono holds.
pub mod instant {
    use super::*;

    /// Writes the instant's seconds and nanoseconds.
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        (at.timestamp(), at.timestamp_subsec_nanos()).serialize(s)
    }

    /// Reads an instant back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let (seconds, nanos) = <(i64, u32)>::deserialize(d)?;
        DateTime::from_timestamp(seconds, nanos).ok_or_else(|| D::Error::custom("no such instant"))
    }
}

/// [`day`], of a day sorted newest first.
pub mod reverse_day {
    use super::*;

    /// Writes the day's number.
    pub fn serialize<S: Serializer>(day: &Reverse<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        super::day::serialize(&day.0, s)
    }

    /// Reads a day's number back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Reverse<NaiveDate>, D::Error> {
        super::day::deserialize(d).map(Reverse)
    }
}

/// [`instant`], of an instant sorted newest first.
pub mod reverse_instant {
    use super::*;

    /// Writes the instant's seconds and nanoseconds.
    pub fn serialize<S: Serializer>(at: &Reverse<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        super::instant::serialize(&at.0, s)
    }

    /// Reads an instant back.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Reverse<DateTime<Utc>>, D::Error> {
        super::instant::deserialize(d).map(Reverse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Both {
        #[serde(with = "day")]
        day: NaiveDate,
        #[serde(with = "reverse_instant")]
        at: Reverse<DateTime<Utc>>,
    }

    #[test]
    fn days_and_instants_read_back_exactly_at_the_ends_of_the_calendar() {
        for (day, at) in [
            (NaiveDate::MIN, DateTime::<Utc>::MIN_UTC),
            (NaiveDate::MAX, DateTime::<Utc>::MAX_UTC),
            (
                NaiveDate::from_ymd_opt(2017, 3, 1).unwrap(),
                DateTime::from_timestamp(1_488_326_400, 123_456_789).unwrap(),
            ),
        ] {
            let both = Both {
                day,
                at: Reverse(at),
            };
            let bytes = rmp_serde::to_vec(&both).unwrap();
            assert_eq!(rmp_serde::from_slice::<Both>(&bytes).unwrap(), both);
        }
        let no_day = rmp_serde::to_vec(&(i32::MAX, (0i64, 0u32))).unwrap();
        assert!(rmp_serde::from_slice::<Both>(&no_day).is_err());
    }
}
