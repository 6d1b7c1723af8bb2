//! Hijri → Gregorian conversion. Umm al-Qura (the Saudi official calendar, from the KACST
//! tables in `icu_calendar`, 1300–1600 AH) is taken as the answer; the tabular civil
//! calendar is computed beside it and, when the two disagree, the date is flagged uncertain.
//! Outside the Umm al-Qura table the tabular day is used and always flagged.

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::cal::hijri::{TabularAlgorithmEpoch, TabularAlgorithmLeapYears};
use icu_calendar::{AsCalendar, Date, Iso};

use super::HijriDate;

/// First and last Hijri years of the Umm al-Qura table in `icu_calendar`.
const UQ_YEARS: std::ops::RangeInclusive<i32> = 1300..=1600;

fn to_naive<A: AsCalendar>(d: &Date<A>) -> Option<NaiveDate> {
    let iso = d.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

fn umm_al_qura(h: HijriDate) -> Option<NaiveDate> {
    let d =
        Date::try_new_hijri_with_calendar(h.year, h.month, h.day, Hijri::new_umm_al_qura()).ok()?;
    to_naive(&d)
}

fn tabular(h: HijriDate) -> Option<NaiveDate> {
    let cal = Hijri::new_tabular(
        TabularAlgorithmLeapYears::TypeII,
        TabularAlgorithmEpoch::Friday,
    );
    let d = Date::try_new_hijri_with_calendar(h.year, h.month, h.day, cal).ok()?;
    to_naive(&d)
}

/// The Umm al-Qura Hijri date of a Gregorian day: the Hijri year a publication date falls in,
/// for Hijri dates written without a year. None outside what `icu_calendar` can convert.
pub(crate) fn gregorian_to_hijri(d: NaiveDate) -> Option<HijriDate> {
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    let iso = Date::try_new_iso(d.year(), month, day).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some(HijriDate {
        year: h.year().extended_year(),
        month: h.month().ordinal,
        day: h.day_of_month().0,
    })
}

/// The Gregorian day of a Hijri date (Umm al-Qura), and whether it is uncertain: the tabular
/// civil calendar gives another day, the year is outside the Umm al-Qura table, or the day
/// does not exist in the Umm al-Qura month (day 30 of a 29-day month) and the tabular day
/// is used. None when the date exists in neither calendar.
pub fn hijri_to_gregorian(h: HijriDate) -> Option<(NaiveDate, bool)> {
    if !(1..=12).contains(&h.month) || !(1..=30).contains(&h.day) || h.year < 1 {
        return None;
    }
    let civil = tabular(h);
    if !UQ_YEARS.contains(&h.year) {
        return civil.map(|d| (d, true));
    }
    match (umm_al_qura(h), civil) {
        (Some(uq), Some(c)) => Some((uq, uq != c)),
        (Some(uq), None) => Some((uq, true)),
        (None, Some(c)) => Some((c, true)),
        (None, None) => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn h(year: i32, month: u8, day: u8) -> HijriDate {
        HijriDate { year, month, day }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Umm al-Qura days checked against the Saudi announcements of the time (not this code):
    /// 1 Ramadan 1441 began Friday 24 April 2020, Eid al-Fitr (1 Shawwal 1441) was Sunday
    /// 24 May 2020, Eid al-Adha (10 Dhu al-Hijjah 1441) Friday 31 July 2020, 1 Muharram 1442
    /// Thursday 20 August 2020; 14 Safar 1442 is 2020-10-01 (the seed article's date line).
    #[rstest]
    #[case(h(1442, 2, 14), ymd(2020, 10, 1))]
    #[case(h(1441, 9, 1), ymd(2020, 4, 24))]
    #[case(h(1441, 10, 1), ymd(2020, 5, 24))]
    #[case(h(1441, 12, 10), ymd(2020, 7, 31))]
    #[case(h(1442, 1, 1), ymd(2020, 8, 20))]
    fn umm_al_qura_days(#[case] hd: HijriDate, #[case] want: NaiveDate) {
        assert_eq!(hijri_to_gregorian(hd).map(|x| x.0), Some(want));
    }

    /// The tabular civil calendar (type II leap years, Friday epoch) by the textbook formula
    /// (Reingold & Dershowitz, `fixed-from-islamic`), independent of `icu_calendar`.
    fn civil_by_formula(y: i64, m: i64, d: i64) -> NaiveDate {
        let epoch = 227_015; // R.D. of 16 July 622 (Julian)
        let rd = d
            + 29 * (m - 1)
            + (6 * m - 1).div_euclid(11)
            + (y - 1) * 354
            + (3 + 11 * y).div_euclid(30)
            + epoch
            - 1;
        NaiveDate::from_num_days_from_ce_opt(rd as i32).unwrap()
    }

    #[rstest]
    #[case(h(1442, 2, 14), ymd(2020, 10, 2), true)]
    #[case(h(1441, 9, 1), ymd(2020, 4, 24), false)]
    #[case(h(1445, 9, 1), ymd(2024, 3, 11), false)]
    fn tabular_beside_umm_al_qura(
        #[case] hd: HijriDate,
        #[case] civil: NaiveDate,
        #[case] uncertain: bool,
    ) {
        let formula = civil_by_formula(hd.year.into(), hd.month.into(), hd.day.into());
        assert_eq!(formula, civil);
        assert_eq!(tabular(hd), Some(civil));
        assert_eq!(hijri_to_gregorian(hd).map(|x| x.1), Some(uncertain));
    }

    #[test]
    fn outside_the_table_falls_back_to_tabular() {
        let hd = h(1200, 1, 1);
        let civil = civil_by_formula(1200, 1, 1);
        assert_eq!(hijri_to_gregorian(hd), Some((civil, true)));
    }

    /// The reverse direction agrees with the announced days above.
    #[rstest]
    #[case(ymd(2020, 10, 1), h(1442, 2, 14))]
    #[case(ymd(2020, 4, 24), h(1441, 9, 1))]
    #[case(ymd(2020, 8, 20), h(1442, 1, 1))]
    #[case(ymd(2020, 8, 19), h(1441, 12, 29))]
    fn gregorian_to_umm_al_qura(#[case] d: NaiveDate, #[case] want: HijriDate) {
        assert_eq!(gregorian_to_hijri(d), Some(want));
    }

    #[rstest]
    #[case(h(1442, 13, 1))]
    #[case(h(1442, 1, 31))]
    #[case(h(1442, 1, 0))]
    fn impossible_dates(#[case] hd: HijriDate) {
        assert_eq!(hijri_to_gregorian(hd), None);
    }
}
