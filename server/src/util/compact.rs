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

/// An ordered map read back by a bulk build from its entries, which come sorted, rather than
/// by inserting them one at a time from the root (for the maps a snapshot holds by the
/// million). Written as any map.
pub mod sorted_map {
    use super::*;
    use std::collections::BTreeMap;

    /// Writes the map.
    pub fn serialize<S: Serializer, K: Serialize, V: Serialize>(
        map: &BTreeMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_map(map)
    }

    /// Reads the map back (of equal keys the last wins, as with inserting).
    pub fn deserialize<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        D: Deserializer<'de>,
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
    {
        d.deserialize_map(Entries(std::marker::PhantomData))
            .map(BTreeMap::from_iter)
    }

    /// A map's entries in the order they come.
    struct Entries<K, V>(std::marker::PhantomData<(K, V)>);

    impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<K, V> {
        type Value = Vec<(K, V)>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            // A length read from the data is trusted only so far.
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1 << 16));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }

    /// A map whose values are maps read back in bulk too.
    pub mod of_maps {
        use super::*;

        /// Writes the maps.
        pub fn serialize<S: Serializer, K: Serialize, K2: Serialize, V: Serialize>(
            map: &BTreeMap<K, BTreeMap<K2, V>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.collect_map(map)
        }

        /// Reads the maps back.
        pub fn deserialize<'de, D, K, K2, V>(d: D) -> Result<BTreeMap<K, BTreeMap<K2, V>>, D::Error>
        where
            D: Deserializer<'de>,
            K: Deserialize<'de> + Ord,
            K2: Deserialize<'de> + Ord,
            V: Deserialize<'de>,
        {
            let outer: BTreeMap<K, Inner<K2, V>> = super::deserialize(d)?;
            Ok(outer.into_iter().map(|(k, inner)| (k, inner.0)).collect())
        }

        struct Inner<K, V>(BTreeMap<K, V>);

        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for Inner<K, V> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::deserialize(d).map(Inner)
            }
        }
    }
}

/// An ordered set read back by a bulk build, as [`sorted_map`]; and a map of such sets.
pub mod sorted_set {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Writes the set.
    pub fn serialize<S: Serializer, T: Serialize>(
        set: &BTreeSet<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(set)
    }

    /// Reads the set back.
    pub fn deserialize<'de, D, T>(d: D) -> Result<BTreeSet<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Ord,
    {
        Vec::<T>::deserialize(d).map(BTreeSet::from_iter)
    }

    /// A map whose values are sets read back in bulk.
    pub mod in_map {
        use super::*;

        /// Writes the sets.
        pub fn serialize<S: Serializer, K: Serialize, T: Serialize>(
            map: &BTreeMap<K, BTreeSet<T>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.collect_map(map)
        }

        /// Reads the sets back.
        pub fn deserialize<'de, D, K, T>(d: D) -> Result<BTreeMap<K, BTreeSet<T>>, D::Error>
        where
            D: Deserializer<'de>,
            K: Deserialize<'de> + Ord,
            T: Deserialize<'de> + Ord,
        {
            let outer: BTreeMap<K, Inner<T>> = super::super::sorted_map::deserialize(d)?;
            Ok(outer.into_iter().map(|(k, inner)| (k, inner.0)).collect())
        }

        struct Inner<T>(BTreeSet<T>);

        impl<'de, T: Deserialize<'de> + Ord> Deserialize<'de> for Inner<T> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::deserialize(d).map(Inner)
            }
        }
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
