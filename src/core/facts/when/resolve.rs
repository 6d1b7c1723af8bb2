//! Calendar arithmetic for dates that lean on the publication date: the year of a day written
//! without one, the day a weekday name points to, the month of «سبتمبر الماضي», and the
//! Gregorian year a Hijri year stands for. No text is read here.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::core::dates::{HijriDate, gregorian_to_hijri, hijri_to_gregorian};

/// Which occurrence of a day or month the text points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shift {
    /// No word said: the nearest (past preferred, see [`pick`]); for weekdays the latest on
    /// or before publication.
    Nearest,
    /// الماضي، الفائت: the latest strictly before publication.
    Last,
    /// المقبل، القادم: the first strictly after publication.
    Next,
    /// الجاري، الحالي: in the publication's month or year.
    Current,
}

/// The year of a day or month, as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearOf {
    Written(i32),
    Shifted(Shift),
    /// «من العام الماضي» (−1), «من العام الجاري» (0), «من العام المقبل» (+1).
    Offset(i32),
}

/// A day in the future counts this many times its distance: news reports what happened more
/// than what is planned, so «27 سبتمبر» in an October article is last September, while
/// «15 نوفمبر» is still the coming one (it is nearer than half a year back).
const FUTURE_WEIGHT: i64 = 2;

fn cost(published: NaiveDate, d: NaiveDate) -> i64 {
    let n = (d - published).num_days();
    if n > 0 { n * FUTURE_WEIGHT } else { -n }
}

/// The candidate the shift points to.
fn pick(
    published: NaiveDate,
    cands: impl Iterator<Item = NaiveDate>,
    shift: Shift,
) -> Option<NaiveDate> {
    match shift {
        Shift::Nearest | Shift::Current => cands.min_by_key(|&d| cost(published, d)),
        Shift::Last => cands.filter(|&d| d <= published).max(),
        Shift::Next => cands.filter(|&d| d > published).min(),
    }
}

/// A Gregorian day: the date and whether the publication date chose its year.
pub(super) fn gregorian_day(
    published: Option<NaiveDate>,
    month: u32,
    day: u32,
    year: YearOf,
) -> Option<(NaiveDate, bool)> {
    let ymd = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    match year {
        YearOf::Written(y) => Some((ymd(y)?, false)),
        YearOf::Offset(o) => Some((ymd(published?.year() + o)?, true)),
        YearOf::Shifted(Shift::Current) => Some((ymd(published?.year())?, true)),
        YearOf::Shifted(s) => {
            let p = published?;
            let y = p.year();
            Some((pick(p, (y - 1..=y + 1).filter_map(ymd), s)?, true))
        }
    }
}

/// A Hijri day: the Gregorian day (Umm al-Qura), the Hijri date, whether the calendars
/// disagree on it, and whether the publication date chose its year.
pub(super) fn hijri_day(
    published: Option<NaiveDate>,
    month: u32,
    day: u32,
    year: YearOf,
) -> Option<(NaiveDate, HijriDate, bool, bool)> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let conv = |y: i32| {
        let h = HijriDate {
            year: y,
            month,
            day,
        };
        hijri_to_gregorian(h).map(|(d, unc)| (d, h, unc))
    };
    match year {
        YearOf::Written(y) => conv(y).map(|(d, h, u)| (d, h, u, false)),
        // «من العام الماضي» after a Hijri month could mean either calendar's year.
        YearOf::Offset(_) => None,
        YearOf::Shifted(s) => {
            let p = published?;
            let hy = gregorian_to_hijri(p)?.year;
            let cands: Vec<_> = (hy - 1..=hy + 1).filter_map(conv).collect();
            let d = match s {
                Shift::Current => conv(hy)?.0,
                _ => pick(p, cands.iter().map(|c| c.0), s)?,
            };
            let (d, h, u) = cands.into_iter().find(|c| c.0 == d)?;
            Some((d, h, u, true))
        }
    }
}

/// The month of a month name with الماضي / المقبل / الجاري after it.
pub(super) fn named_month(published: NaiveDate, month: u32, shift: Shift) -> (i32, u32) {
    let (y, m) = (published.year(), published.month());
    let year = match shift {
        Shift::Last if month < m => y,
        Shift::Last => y - 1,
        Shift::Next if month > m => y,
        Shift::Next => y + 1,
        Shift::Nearest | Shift::Current => y,
    };
    (year, month)
}

/// The month a month name alone points to («في يناير»): the nearest occurrence, with the
/// future weighted as for days (see [`FUTURE_WEIGHT`]); with `past_only` («منذ يناير») the
/// latest on or before the publication's month.
pub(super) fn nearest_month(published: NaiveDate, month: u32, past_only: bool) -> (i32, u32) {
    let (y, m) = (published.year(), published.month());
    let past = i64::from((m + 12 - month) % 12);
    let future = i64::from((month + 12 - m) % 12);
    if past == 0 {
        (y, month)
    } else if !past_only && future * FUTURE_WEIGHT < past {
        (if month > m { y } else { y + 1 }, month)
    } else {
        (if month < m { y } else { y - 1 }, month)
    }
}

/// The month of «الشهر الجاري / الماضي / المقبل».
pub(super) fn this_month(published: NaiveDate, shift: Shift) -> (i32, u32) {
    let (y, m) = (published.year(), published.month());
    match shift {
        Shift::Last if m == 1 => (y - 1, 12),
        Shift::Last => (y, m - 1),
        Shift::Next if m == 12 => (y + 1, 1),
        Shift::Next => (y, m + 1),
        Shift::Nearest | Shift::Current => (y, m),
    }
}

/// The day a weekday name points to: the latest on or before publication, or with a shift
/// the latest strictly before / the first strictly after.
pub(super) fn weekday_day(published: NaiveDate, wd: Weekday, shift: Shift) -> NaiveDate {
    let back = (published.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    match shift {
        Shift::Nearest | Shift::Current => published - Days::new(u64::from(back)),
        Shift::Last => published - Days::new(u64::from(if back == 0 { 7 } else { back })),
        Shift::Next => published + Days::new(u64::from(7 - back)),
    }
}

/// The day named `wd` nearest to `d` (at most three days away): when «أمس الأربعاء» and the
/// publication date disagree, the weekday written in the text is trusted over a publication
/// date that may be a day off (time zones, late editions).
pub(super) fn nearest_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (wd.num_days_from_monday() + 7 - d.weekday().num_days_from_monday()) % 7;
    if ahead <= 3 {
        d + Days::new(u64::from(ahead))
    } else {
        d - Days::new(u64::from(7 - ahead))
    }
}

/// The Gregorian year a Hijri year mostly falls in (that of its middle, 1 Rajab).
pub(super) fn hijri_year_in_gregorian(hy: i32) -> Option<i32> {
    let (d, _) = hijri_to_gregorian(HijriDate {
        year: hy,
        month: 7,
        day: 1,
    })?;
    Some(d.year())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Publication Thursday 2020-10-08.
    #[rstest]
    #[case(Weekday::Thu, Shift::Nearest, "2020-10-08")]
    #[case(Weekday::Wed, Shift::Nearest, "2020-10-07")]
    #[case(Weekday::Fri, Shift::Nearest, "2020-10-02")]
    #[case(Weekday::Thu, Shift::Last, "2020-10-01")]
    #[case(Weekday::Wed, Shift::Last, "2020-10-07")]
    #[case(Weekday::Thu, Shift::Next, "2020-10-15")]
    #[case(Weekday::Fri, Shift::Next, "2020-10-09")]
    fn weekdays(#[case] wd: Weekday, #[case] shift: Shift, #[case] want: &str) {
        assert_eq!(weekday_day(d("2020-10-08"), wd, shift), d(want));
    }

    #[rstest]
    #[case("2020-10-09", Weekday::Thu, "2020-10-08")]
    #[case("2020-10-09", Weekday::Sat, "2020-10-10")]
    #[case("2020-10-09", Weekday::Mon, "2020-10-12")]
    #[case("2020-10-09", Weekday::Tue, "2020-10-06")]
    fn nearest(#[case] from: &str, #[case] wd: Weekday, #[case] want: &str) {
        assert_eq!(nearest_weekday(d(from), wd), d(want));
    }

    /// The year of a day without one: past preferred, a near future allowed, 29 February
    /// only in a leap year.
    #[rstest]
    #[case("2020-10-09", 9, 27, "2020-09-27")]
    #[case("2020-10-09", 11, 15, "2020-11-15")]
    #[case("2020-10-09", 3, 5, "2020-03-05")]
    #[case("2021-01-03", 12, 28, "2020-12-28")]
    #[case("2021-03-01", 2, 29, "2020-02-29")]
    fn year_of_a_day(
        #[case] published: &str,
        #[case] m: u32,
        #[case] day: u32,
        #[case] want: &str,
    ) {
        let got = gregorian_day(Some(d(published)), m, day, YearOf::Shifted(Shift::Nearest));
        assert_eq!(got, Some((d(want), true)));
    }

    #[rstest]
    #[case(9, Shift::Last, (2020, 9))]
    #[case(10, Shift::Last, (2019, 10))]
    #[case(1, Shift::Next, (2021, 1))]
    #[case(11, Shift::Next, (2020, 11))]
    #[case(10, Shift::Current, (2020, 10))]
    fn months(#[case] m: u32, #[case] shift: Shift, #[case] want: (i32, u32)) {
        assert_eq!(named_month(d("2020-10-08"), m, shift), want);
    }

    #[test]
    fn month_before_january_and_after_december() {
        assert_eq!(this_month(d("2021-01-05"), Shift::Last), (2020, 12));
        assert_eq!(this_month(d("2020-12-05"), Shift::Next), (2021, 1));
    }

    /// 1442 AH ran from August 2020 to August 2021; most of it is in 2021.
    #[test]
    fn hijri_year() {
        assert_eq!(hijri_year_in_gregorian(1442), Some(2021));
        assert_eq!(hijri_year_in_gregorian(1441), Some(2020));
    }
}
