//! How values are written for people, the same in the browser and in the server's files.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// A day as Bulgarian registers write it: `dd.mm.yyyy`.
pub fn date_bg(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// The noun for a count of `n`: `one` for exactly one, `other` for any other number — for the
/// documents made in Bulgarian only (the annual report in Word); the interface's texts take
/// their plural forms from the message catalogue (`i18n`).
///
/// Bulgarian, like English, has these two plural categories for whole numbers (CLDR); the
/// `other` form after a number is the counting form where the noun has one ("5 записа", not
/// "5 записи"), so callers pass the form that follows a number.
pub fn plural<'a>(n: u64, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

/// A day as a person types it: `15.12.2017` (day and month may have one digit, a trailing
/// " г." is allowed, and `/` or `-` may stand for the dots), or the ISO `2017-12-15` that
/// APIs and pasted values use. `None` for anything else, or a day no calendar has.
pub fn parse_date_typed(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text.strip_suffix("г.").unwrap_or(text).trim_end();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day);
    }
    let mut parts = text.split(['.', '/', '-']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year = i32::try_from(number(y, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(m, 1..=2)?, number(d, 1..=2)?)
}

/// A time of day as a person types it, `9:05`, `09:05` or `09.05`, as `HH:MM`; `None` for
/// anything else.
pub fn parse_time_typed(text: &str) -> Option<String> {
    let (h, m) = text.trim().split_once([':', '.'])?;
    let (h, m) = (number(h, 1..=2)?, number(m, 2..=2)?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The number written by `digits` alone, of a length in `len`.
fn number(digits: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
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

/// Writes Bulgarian in Latin letters by the official system (Закон за транслитерацията, 2009):
/// "Гоце Делчев" → "Gotse Delchev", "щ" → "sht", "ъ" → "a", and "-ия" at a word's end → "-ia".
pub fn transliterate(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let word_ends = chars.get(i + 1).is_none_or(|n| !n.is_alphabetic());
        let latin = match lower {
            'я' if word_ends && i > 0 && chars[i - 1].to_lowercase().eq(['и']) => "a",
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' => "i",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sht",
            'ъ' => "a",
            'ь' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => {
                out.push(c);
                continue;
            }
        };
        if c.is_uppercase() {
            let mut letters = latin.chars();
            out.extend(letters.next().map(|f| f.to_ascii_uppercase()));
            out.push_str(letters.as_str());
        } else {
            out.push_str(latin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_counting_form() {
        let acts = |n| format!("{n} {}", plural(n, "акт", "акта"));
        assert_eq!(acts(0), "0 акта");
        assert_eq!(acts(1), "1 акт");
        assert_eq!(acts(2), "2 акта");
        assert_eq!(acts(11), "11 акта");
        assert_eq!(
            acts(21),
            "21 акта",
            "21 is `other` in Bulgarian, unlike in Russian"
        );
    }

    #[test]
    fn a_day_is_read_as_people_type_it() {
        let day = NaiveDate::from_ymd_opt(2017, 12, 5);
        for typed in [
            "05.12.2017",
            "5.12.2017",
            " 5.12.2017 г.",
            "05/12/2017",
            "5-12-2017",
            "2017-12-05",
        ] {
            assert_eq!(parse_date_typed(typed), day, "{typed:?}");
        }
        for wrong in [
            "",
            "5.12.17",
            "31.02.2017",
            "05.12.2017.",
            "12/05",
            "5.12.2017 10:00",
            "дд.мм.гггг",
            "+5.12.2017",
        ] {
            assert_eq!(parse_date_typed(wrong), None, "{wrong:?}");
        }
        assert_eq!(date_bg(day.unwrap()), "05.12.2017");
    }

    #[test]
    fn a_time_is_read_as_people_type_it() {
        assert_eq!(parse_time_typed("9:05").as_deref(), Some("09:05"));
        assert_eq!(parse_time_typed(" 23.59 ").as_deref(), Some("23:59"));
        assert_eq!(parse_time_typed("00:00").as_deref(), Some("00:00"));
        for wrong in ["24:00", "9:5", "9", "12:60", "ab:cd", ":30", "9:05 PM"] {
            assert_eq!(parse_time_typed(wrong), None, "{wrong:?}");
        }
    }
}
