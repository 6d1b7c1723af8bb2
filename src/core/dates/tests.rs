//! Tests of `find_dates` on whole lines: the seed articles' date lines, each month family,
//! paired names, digits, Hijri, weekdays, numeric dates, times and zones, false positives,
//! and a property test on arbitrary input.

#![allow(clippy::unwrap_used)]

use super::*;
use rstest::rstest;

/// The one date in `line`: (matched text, ISO day, time, offset as «+HH:MM», has_weekday).
pub(super) fn one(line: &str) -> (String, String, Option<String>, Option<String>, bool) {
    let found = find_dates(line);
    assert_eq!(found.len(), 1, "{line}: {found:#?}");
    let f = &found[0];
    assert_eq!(&line[f.start..f.end], f.date.text, "range and text agree");
    (
        f.date.text.clone(),
        f.date.iso_date(),
        f.date.time.map(|t| t.format("%H:%M:%S").to_string()),
        f.date.offset.map(|o| o.to_string()),
        f.has_weekday,
    )
}

/// The seed articles' date lines, with the exact byte ranges expected.
#[rstest]
#[case(
    "القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء",
    "الخميس 08 أكتوبر 2020, 03:53 مساء",
    "2020-10-08",
    Some("15:53:00"),
    None,
    true
)]
#[case(
    "موقع أنصار الله  – 14 صفر 1442هـ",
    "14 صفر 1442هـ",
    "2020-10-01",
    None,
    None,
    false
)]
#[case(
    "الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك",
    "الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك",
    "2020-10-09",
    Some("04:30:00"),
    Some("-04:00"),
    true
)]
#[case(
    "الأربعاء ١٤ سبتمبر ٢٠٢٢",
    "الأربعاء ١٤ سبتمبر ٢٠٢٢",
    "2022-09-14",
    None,
    None,
    true
)]
#[case(
    "مشاهدة :45926 الجمعة ٢٦ / يناير / ٢٠٢٤",
    "الجمعة ٢٦ / يناير / ٢٠٢٤",
    "2024-01-26",
    None,
    None,
    true
)]
#[case("٢٧ سبتمبر ٢٠٢٠", "٢٧ سبتمبر ٢٠٢٠", "2020-09-27", None, None, false)]
fn seed_lines(
    #[case] line: &str,
    #[case] text: &str,
    #[case] iso: &str,
    #[case] time: Option<&str>,
    #[case] offset: Option<&str>,
    #[case] weekday: bool,
) {
    let start = line.find(text).unwrap();
    let f = &find_dates(line)[0];
    assert_eq!((f.start, f.end), (start, start + text.len()));
    let got = one(line);
    assert_eq!(got.0, text);
    assert_eq!(got.1, iso);
    assert_eq!(got.2.as_deref(), time);
    assert_eq!(got.3.as_deref(), offset);
    assert_eq!(got.4, weekday);
}

#[test]
fn seed_hijri_line_is_hijri() {
    let f = &find_dates("موقع أنصار الله  – 14 صفر 1442هـ")[0];
    assert_eq!(f.date.calendar, Calendar::Hijri);
    assert_eq!(
        f.date.hijri,
        Some(HijriDate {
            year: 1442,
            month: 2,
            day: 14
        })
    );
    assert!(f.date.uncertain, "tabular civil gives 2020-10-02");
}

/// Seed lines without a year (or without a day) are not full dates.
#[rstest]
#[case("دعت وزارة الخارجية الروسية، اليوم الأحد 27 أيلول/ سبتمبر، أطراف النزاع")]
#[case("وقعت مساء الإثنين، 12 سبتمبر/أيلول، بدأت عقب")]
#[case("في شباط/ فبراير 1988")]
fn seed_partial_dates(#[case] line: &str) {
    assert!(find_dates(line).is_empty(), "{:#?}", find_dates(line));
}

#[rstest]
// Egypt / Gulf, with the spellings of scraped text
#[case("1 يناير 2021", "2021-01-01")]
#[case("3 فبراير 2021", "2021-02-03")]
#[case("5 ابريل 2021", "2021-04-05")]
#[case("5 إبريل 2021", "2021-04-05")]
#[case("6 يونيه 2021", "2021-06-06")]
#[case("7 يولية 2021", "2021-07-07")]
#[case("8 اغسطس 2021", "2021-08-08")]
#[case("9 اكتوبر 2020", "2020-10-09")]
#[case("30 نوفمبر 2021", "2021-11-30")]
#[case("31 ديسمبر 2021", "2021-12-31")]
// Levant / Iraq
#[case("2 كانون الثاني 2021", "2021-01-02")]
#[case("4 شباط 2021", "2021-02-04")]
#[case("4 اذار 2021", "2021-03-04")]
#[case("4 نيسان 2021", "2021-04-04")]
#[case("4 ايار 2021", "2021-05-04")]
#[case("4 حزيران 2021", "2021-06-04")]
#[case("4 تموز 2021", "2021-07-04")]
#[case("4 آب 2021", "2021-08-04")]
#[case("4 ايلول 2021", "2021-09-04")]
#[case("4 تشرين الاول 2021", "2021-10-04")]
#[case("4 تشرين الثاني 2021", "2021-11-04")]
#[case("4 كانون الأول 2021", "2021-12-04")]
// Morocco
#[case("4 ماي 2021", "2021-05-04")]
#[case("4 يوليوز 2021", "2021-07-04")]
#[case("4 غشت 2021", "2021-08-04")]
#[case("4 شتنبر 2021", "2021-09-04")]
#[case("4 نونبر 2021", "2021-11-04")]
#[case("4 دجنبر 2021", "2021-12-04")]
// Algeria / Tunisia
#[case("4 جانفي 2021", "2021-01-04")]
#[case("4 فيفري 2021", "2021-02-04")]
#[case("4 أفريل 2021", "2021-04-04")]
#[case("4 جوان 2021", "2021-06-04")]
#[case("4 جويلية 2021", "2021-07-04")]
#[case("4 أوت 2021", "2021-08-04")]
// separators, «من», «م», clitics
#[case("9 من أكتوبر 2020", "2020-10-09")]
#[case("9-أكتوبر-2020", "2020-10-09")]
#[case("9 أكتوبر، 2020", "2020-10-09")]
#[case("9 أكتوبر 2020م", "2020-10-09")]
#[case("9 أكتوبر 2020 م", "2020-10-09")]
#[case("و9 أكتوبر 2020", "2020-10-09")]
#[case("9 أكتوبر عام 2020", "2020-10-09")]
fn month_families(#[case] line: &str, #[case] iso: &str) {
    assert_eq!(one(line).1, iso);
}

#[rstest]
#[case("27 سبتمبر/أيلول 2020", "2020-09-27")]
#[case("27 أيلول/ سبتمبر 2020", "2020-09-27")]
#[case("27 سبتمبر (أيلول) 2020", "2020-09-27")]
#[case("1 كانون الثاني/يناير 2021", "2021-01-01")]
fn paired_names(#[case] line: &str, #[case] iso: &str) {
    let (text, got, ..) = one(line);
    assert_eq!(got, iso);
    assert_eq!(text, line);
}

#[rstest]
#[case("27 سبتمبر/آب 2020")]
#[case("27 أيلول (أكتوبر) 2020")]
fn mismatched_pair_is_rejected(#[case] line: &str) {
    assert!(find_dates(line).is_empty());
}

#[rstest]
#[case("٠٨ أكتوبر ٢٠٢٠", "2020-10-08")]
#[case("۰۸ أكتوبر ۲۰۲۰", "2020-10-08")]
#[case("٠٨/١٠/٢٠٢٠", "2020-10-08")]
#[case("۰۸-۱۰-۲۰۲۰", "2020-10-08")]
fn eastern_digits(#[case] line: &str, #[case] iso: &str) {
    let (text, got, ..) = one(line);
    assert_eq!(got, iso);
    assert_eq!(text, line, "original characters kept");
}

/// Umm al-Qura days checked against the Saudi announcements (see `hijri` tests; 12 Rabi'
/// al-Awwal 1442, the Mawlid, was 29 October 2020); `uncertain` from the tabular formula.
#[rstest]
#[case("1 رمضان 1441 هـ", "2020-04-24", 1441, 9, 1, false)]
#[case("10 ذو الحجة 1441هـ", "2020-07-31", 1441, 12, 10, false)]
#[case("1 شوال 1441 للهجرة", "2020-05-24", 1441, 10, 1, false)]
#[case("14 صفر 1442 هجرية", "2020-10-01", 1442, 2, 14, true)]
#[case("14 صفر 1442", "2020-10-01", 1442, 2, 14, true)]
#[case("1 ربيع الأول 1442ه", "2020-10-18", 1442, 3, 1, false)]
#[case("١ رمضان ١٤٤٥هـ", "2024-03-11", 1445, 9, 1, false)]
fn hijri(
    #[case] line: &str,
    #[case] iso: &str,
    #[case] y: i32,
    #[case] m: u8,
    #[case] d: u8,
    #[case] uncertain: bool,
) {
    let f = &find_dates(line)[0];
    assert_eq!(f.date.iso_date(), iso);
    assert_eq!(f.date.calendar, Calendar::Hijri);
    assert_eq!(
        f.date.hijri,
        Some(HijriDate {
            year: y,
            month: m,
            day: d
        })
    );
    assert_eq!(f.date.uncertain, uncertain);
    assert_eq!(f.date.text, line);
}

#[rstest]
#[case("الخميس 08 أكتوبر 2020", true, "الخميس 08 أكتوبر 2020")]
#[case("يوم الخميس 08 أكتوبر 2020", true, "يوم الخميس 08 أكتوبر 2020")]
#[case("والخميس، 08 أكتوبر 2020", true, "الخميس، 08 أكتوبر 2020")]
#[case("الجمعة 08 أكتوبر 2020", false, "08 أكتوبر 2020")]
#[case("الخميس 14 صفر 1442هـ", true, "الخميس 14 صفر 1442هـ")]
#[case("الجمعة 14 صفر 1442هـ", false, "14 صفر 1442هـ")]
fn weekdays(#[case] line: &str, #[case] has: bool, #[case] text: &str) {
    let got = one(line);
    assert_eq!(got.4, has);
    assert_eq!(got.0, text);
}

#[rstest]
#[case("09/10/2020", "2020-10-09")]
#[case("09-10-2020", "2020-10-09")]
#[case("09.10.2020", "2020-10-09")]
#[case("2020-10-09", "2020-10-09")]
#[case("2020/10/09", "2020-10-09")]
#[case("31/12/2020", "2020-12-31")]
// 10 September 2020 was a Thursday: the weekday swaps 09/10 to month-first.
#[case("الخميس 09/10/2020", "2020-09-10")]
// Friday 9 October: day-first already matches.
#[case("الجمعة 09/10/2020", "2020-10-09")]
// A weekday matching neither keeps day-first.
#[case("الأحد 09/10/2020", "2020-10-09")]
fn numeric(#[case] line: &str, #[case] iso: &str) {
    assert_eq!(one(line).1, iso);
}

#[rstest]
#[case("31/02/2020")]
#[case("10/31/2020")]
#[case("09/10/20")]
#[case("1/2/2020/5")]
#[case("192.168.10.2020")]
fn not_numeric_dates(#[case] line: &str) {
    assert!(find_dates(line).is_empty(), "{:#?}", find_dates(line));
}

#[rstest]
#[case("8 أكتوبر 2020، 03:53 مساءً", Some("15:53:00"), None)]
#[case("8 أكتوبر 2020 - 12:10 مساء", Some("12:10:00"), None)]
#[case("8 أكتوبر 2020 12:10 صباحا", Some("00:10:00"), None)]
#[case("8 أكتوبر 2020 09:05 ص", Some("09:05:00"), None)]
#[case("8 أكتوبر 2020 الساعة 10:15", Some("10:15:00"), None)]
#[case("8 أكتوبر 2020 في الساعة 22:15:30", Some("22:15:30"), None)]
#[case("نشر في 12/07/2022 على الساعة 09:40", Some("09:40:00"), None)]
#[case("آخر تحديث: 10:30 - 12 أكتوبر 2023", Some("10:30:00"), None)]
#[case("03:53 مساء، الخميس 08 أكتوبر 2020", Some("15:53:00"), None)]
#[case("٠٩:١٥ | 12 أكتوبر 2023", Some("09:15:00"), None)]
#[case("النتيجة 2:1 - 12 أكتوبر 2023", None, None)]
#[case("رقم10:30 12 أكتوبر 2023", None, None)]
#[case(
    "8 أكتوبر 2020 - 10:15 بتوقيت غرينتش",
    Some("10:15:00"),
    Some("+00:00")
)]
#[case("8 أكتوبر 2020 10:15 GMT", Some("10:15:00"), Some("+00:00"))]
#[case("8 أكتوبر 2020 10:15 GMT+3", Some("10:15:00"), Some("+03:00"))]
#[case("8 أكتوبر 2020 10:15 +03:00", Some("10:15:00"), Some("+03:00"))]
#[case(
    "8 أكتوبر 2020 10:15 بتوقيت مكة المكرمة",
    Some("10:15:00"),
    Some("+03:00")
)]
#[case("8 أكتوبر 2020 10:15 بتوقيت القدس", Some("10:15:00"), Some("+03:00"))]
#[case("8 ديسمبر 2020 10:15 بتوقيت القدس", Some("10:15:00"), Some("+02:00"))]
#[case("8 ديسمبر 2020 10:15 بتوقيت نيويورك", Some("10:15:00"), Some("-05:00"))]
#[case("8 أكتوبر 2020 10:15 بتوقيت لندن", Some("10:15:00"), Some("+01:00"))]
#[case("8 أكتوبر 2020 10:15 بتوقيت أبو ظبي", Some("10:15:00"), Some("+04:00"))]
#[case("8 أكتوبر 2020 10:15 بتوقيت كوكب", Some("10:15:00"), None)]
#[case("8 أكتوبر 2020 وقتل 10 أشخاص", None, None)]
fn times(#[case] line: &str, #[case] time: Option<&str>, #[case] offset: Option<&str>) {
    let got = one(line);
    assert_eq!(got.2.as_deref(), time);
    assert_eq!(got.3.as_deref(), offset);
}

#[rstest]
#[case("بلغت الخسائر صفر 2020")]
#[case("خسائر بلغت صفر")]
#[case("قال الأب 3 مرات")]
#[case("في آب 2020")]
#[case("في عام 2020")]
#[case("بلغت 2.5 مليار دولار")]
#[case("اتصل على 0100-123-4567 أو 01001234567")]
#[case("بين 1992 - 1994")]
#[case("5 مارسيل 2020")]
#[case("5 أكتوبر 20")]
#[case("5 أكتوبر 2020مليون")]
#[case("بنسبة 3.5 مارس 2020")]
#[case("32 أكتوبر 2020")]
#[case("31 نوفمبر 2020")]
#[case("5 أكتوبر 1700")]
#[case("كتب 15 صفر 2020")]
#[case("no digits at all, لا أرقام")]
fn false_positives(#[case] line: &str) {
    assert!(
        find_dates(line).is_empty(),
        "{line}: {:#?}",
        find_dates(line)
    );
}

#[test]
fn several_dates_in_order() {
    let line = "14 صفر 1442هـ الموافق 1 أكتوبر 2020م";
    let f = find_dates(line);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].date.iso_date(), "2020-10-01");
    assert_eq!(f[1].date.iso_date(), "2020-10-01");
    assert_eq!(&line[f[1].start..f[1].end], "1 أكتوبر 2020م");
    assert!(f[0].end <= f[1].start);
}

#[rstest]
#[case(
    "الجمعة 09/10/2020 - 04:30 بتوقيت نيويورك",
    Some("2020-10-09T04:30:00-04:00")
)]
#[case("9 أكتوبر 2020 الساعة 04:30", Some("2020-10-09T04:30:00"))]
#[case("9 أكتوبر 2020", None)]
fn datetime(#[case] line: &str, #[case] want: Option<&str>) {
    assert_eq!(find_dates(line)[0].date.datetime().as_deref(), want);
}

#[test]
fn public_helpers() {
    assert_eq!(month_from_name("تشرين الأول"), Some(10));
    assert_eq!(hijri_month_from_name("جمادى الآخرة"), Some(6));
    assert_eq!(weekday_from_name("الأربعاء"), Some(chrono::Weekday::Wed));
    assert_eq!(month_from_name("صفر"), None);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_ranges_are_sound(s in "\\PC{0,80}") {
        for f in find_dates(&s) {
            proptest::prop_assert!(f.start < f.end && f.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
        }
        let _ = parse_machine_date(&s);
    }

    #[test]
    fn date_like_noise_is_sound(
        s in "[0-9٠-٩۰-۹ /\\-.:،,()هـمص]{0,10}(أكتوبر|صفر|تشرين الأول|الخميس|بتوقيت|مكة|GMT)?[0-9٠-٩۰-۹ /\\-.:+،هـم]{0,16}"
    ) {
        for f in find_dates(&s) {
            proptest::prop_assert!(f.start < f.end && f.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
            proptest::prop_assert_eq!(&s[f.start..f.end].trim(), &f.date.text.as_str());
        }
    }
}

/// Throughput on the seed articles, repeated to 500,000 lines (10,000 articles × 50 lines).
/// Run with `cargo test --release --lib dates::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let dir = std::path::Path::new("/work/shared/corpus/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut lines: Vec<String> = Vec::new();
    for e in entries.flatten() {
        if let Ok(t) = std::fs::read_to_string(e.path()) {
            lines.extend(t.lines().map(str::to_string));
        }
    }
    let total = 500_000;
    let t = std::time::Instant::now();
    let mut n = 0;
    for i in 0..total {
        n += find_dates(&lines[i % lines.len()]).len();
    }
    let bytes: usize = (0..total).map(|i| lines[i % lines.len()].len()).sum();
    println!("{total} lines, {bytes} bytes, {n} dates, {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let k = (0..total)
        .filter(|&i| super::cursor::has_digit(lines[i % lines.len()].as_bytes()))
        .count();
    println!("has_digit: {k} lines with digits, {:?}", t.elapsed());
}
