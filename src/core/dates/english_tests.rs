//! Tests of English dates through `find_dates`: each written form, abbreviations and case,
//! stated weekdays (matching or not), times and zones, and the false positives that the
//! month «May» and words containing a month name could cause.

#![allow(clippy::unwrap_used)]

use super::find_dates;
use super::tests::one;
use rstest::rstest;

/// Each form, with the exact text (byte range) expected.
#[rstest]
#[case("October 8, 2020", "October 8, 2020", "2020-10-08")]
#[case("Oct. 8, 2020", "Oct. 8, 2020", "2020-10-08")]
#[case("Oct 8, 2020", "Oct 8, 2020", "2020-10-08")]
#[case("October 8 2020", "October 8 2020", "2020-10-08")]
#[case("October 8th, 2020", "October 8th, 2020", "2020-10-08")]
#[case("8 October 2020", "8 October 2020", "2020-10-08")]
#[case("8 Oct 2020", "8 Oct 2020", "2020-10-08")]
#[case("08 Oct. 2020", "08 Oct. 2020", "2020-10-08")]
#[case("8 October, 2020", "8 October, 2020", "2020-10-08")]
#[case("8th of October 2020", "8th of October 2020", "2020-10-08")]
#[case("08-Oct-2020", "08-Oct-2020", "2020-10-08")]
#[case("Published: October 8, 2020.", "October 8, 2020", "2020-10-08")]
#[case("(Reuters) - Oct 8, 2020 -", "Oct 8, 2020", "2020-10-08")]
#[case("عاجل October 8, 2020", "October 8, 2020", "2020-10-08")]
fn forms(#[case] line: &str, #[case] text: &str, #[case] iso: &str) {
    let (got_text, got_iso, ..) = one(line);
    assert_eq!(got_text, text);
    assert_eq!(got_iso, iso);
    let f = &find_dates(line)[0];
    assert_eq!(f.start, line.find(text).unwrap(), "byte offset");
}

#[rstest]
#[case("January 1, 2021", "2021-01-01")]
#[case("Jan 1, 2021", "2021-01-01")]
#[case("February 2, 2021", "2021-02-02")]
#[case("Feb. 2, 2021", "2021-02-02")]
#[case("March 3, 2021", "2021-03-03")]
#[case("Mar 3, 2021", "2021-03-03")]
#[case("April 4, 2021", "2021-04-04")]
#[case("Apr. 4, 2021", "2021-04-04")]
#[case("May 5, 2021", "2021-05-05")]
#[case("5 May 2021", "2021-05-05")]
#[case("June 6, 2021", "2021-06-06")]
#[case("Jun 6, 2021", "2021-06-06")]
#[case("July 7, 2021", "2021-07-07")]
#[case("Jul. 7, 2021", "2021-07-07")]
#[case("August 8, 2021", "2021-08-08")]
#[case("Aug 8, 2021", "2021-08-08")]
#[case("September 9, 2021", "2021-09-09")]
#[case("Sept. 9, 2021", "2021-09-09")]
#[case("Sep 9, 2021", "2021-09-09")]
#[case("9 Sept 2021", "2021-09-09")]
#[case("October 10, 2021", "2021-10-10")]
#[case("November 11, 2021", "2021-11-11")]
#[case("Nov 11, 2021", "2021-11-11")]
#[case("December 12, 2021", "2021-12-12")]
#[case("Dec. 12, 2021", "2021-12-12")]
// any case
#[case("OCTOBER 8, 2020", "2020-10-08")]
#[case("october 8, 2020", "2020-10-08")]
#[case("8 oCt 2020", "2020-10-08")]
fn month_names(#[case] line: &str, #[case] iso: &str) {
    assert_eq!(one(line).1, iso);
}

#[rstest]
#[case("Thursday, October 8, 2020", true, "Thursday, October 8, 2020")]
#[case("Thursday October 8, 2020", true, "Thursday October 8, 2020")]
#[case("Thu, Oct 8, 2020", true, "Thu, Oct 8, 2020")]
#[case("Thurs. Oct. 8, 2020", true, "Thurs. Oct. 8, 2020")]
#[case("thursday, 8 October 2020", true, "thursday, 8 October 2020")]
#[case("Thu 08 Oct 2020", true, "Thu 08 Oct 2020")]
// 8 October 2020 was a Thursday: a stated Friday is left out of the match.
#[case("Friday, October 8, 2020", false, "October 8, 2020")]
#[case("Fri 8 Oct 2020", false, "8 Oct 2020")]
// glued or inside a word, a weekday name is not one
#[case("Thursdays, October 8, 2020", false, "October 8, 2020")]
fn weekdays(#[case] line: &str, #[case] has: bool, #[case] text: &str) {
    let got = one(line);
    assert_eq!(got.4, has, "{line}");
    assert_eq!(got.0, text);
}

#[rstest]
#[case("Oct 8, 2020 10:15 AM", "Oct 8, 2020 10:15 AM", Some("10:15:00"), None)]
#[case("Oct 8, 2020 10:15 PM", "Oct 8, 2020 10:15 PM", Some("22:15:00"), None)]
#[case("Oct 8, 2020 12:05 am", "Oct 8, 2020 12:05 am", Some("00:05:00"), None)]
#[case("Oct 8, 2020 12:05 pm", "Oct 8, 2020 12:05 pm", Some("12:05:00"), None)]
#[case(
    "Oct 8, 2020 9:05 a.m. here",
    "Oct 8, 2020 9:05 a.m.",
    Some("09:05:00"),
    None
)]
#[case(
    "Oct 8, 2020 9:05 p.m.",
    "Oct 8, 2020 9:05 p.m.",
    Some("21:05:00"),
    None
)]
#[case(
    "October 8, 2020 22:15",
    "October 8, 2020 22:15",
    Some("22:15:00"),
    None
)]
#[case(
    "October 8, 2020, 22:15:30",
    "October 8, 2020, 22:15:30",
    Some("22:15:30"),
    None
)]
#[case(
    "October 8, 2020 at 10:15 AM",
    "October 8, 2020 at 10:15 AM",
    Some("10:15:00"),
    None
)]
#[case(
    "8 October 2020 10:15 GMT",
    "8 October 2020 10:15 GMT",
    Some("10:15:00"),
    Some("+00:00")
)]
#[case(
    "8 October 2020 10:15 UTC",
    "8 October 2020 10:15 UTC",
    Some("10:15:00"),
    Some("+00:00")
)]
#[case(
    "Oct 8, 2020 10:15 AM GMT",
    "Oct 8, 2020 10:15 AM GMT",
    Some("10:15:00"),
    Some("+00:00")
)]
#[case(
    "Oct 8, 2020 10:15 +03:00",
    "Oct 8, 2020 10:15 +03:00",
    Some("10:15:00"),
    Some("+03:00")
)]
#[case(
    "Oct 8, 2020 10:15 PM (GMT+3)",
    "Oct 8, 2020 10:15 PM (GMT+3)",
    Some("22:15:00"),
    Some("+03:00")
)]
#[case(
    "Oct 8, 2020 - 10:15 UTC-4",
    "Oct 8, 2020 - 10:15 UTC-4",
    Some("10:15:00"),
    Some("-04:00")
)]
#[case("October 8, 2020 at 10 people died", "October 8, 2020", None, None)]
fn times(
    #[case] line: &str,
    #[case] text: &str,
    #[case] time: Option<&str>,
    #[case] offset: Option<&str>,
) {
    let got = one(line);
    assert_eq!(got.0, text);
    assert_eq!(got.2.as_deref(), time);
    assert_eq!(got.3.as_deref(), offset);
}

#[test]
fn time_and_weekday_together() {
    let line = "Thursday, October 8, 2020 10:15 AM GMT";
    let f = &find_dates(line)[0];
    assert!(f.has_weekday);
    assert_eq!((f.start, f.end), (0, line.len()));
    assert_eq!(
        f.date.datetime().as_deref(),
        Some("2020-10-08T10:15:00+00:00")
    );
}

/// «May» is a month only with a day number next to it and a year.
#[rstest]
#[case("Prices may 2021 see a fall")]
#[case("May 2021 be a better year")]
#[case("It may rise in 2021 by 5 percent")]
#[case("in May, 2021 was calm")]
#[case("we may 5 times over")]
#[case("Theresa May said 5 ministers met in 2021")]
fn may_is_safe(#[case] line: &str) {
    assert!(
        find_dates(line).is_empty(),
        "{line}: {:#?}",
        find_dates(line)
    );
}

#[rstest]
// no month inside a longer word, nor glued to letters or digits
#[case("Octoberfest 8, 2020")]
#[case("8 Octoberfest 2020")]
#[case("Dismay 5, 2021")]
#[case("5 Mayor 2021")]
#[case("October8, 2020")]
#[case("8October 2020")]
#[case("October 8x, 2020")]
#[case("October 8, 2020s")]
#[case("Version 2October 8, 2020")]
// a year is required, and must be a plausible, valid one
#[case("October 8")]
#[case("October 8, 20")]
#[case("October 8, 1700")]
#[case("February 30, 2021")]
#[case("October 32, 2020")]
#[case("October 2020")]
// a dot only after an abbreviation
#[case("October. 8, 2020")]
// ranges and decimals
#[case("Oct 8-10, 2020")]
#[case("Oct 8.5, 2020")]
fn false_positives(#[case] line: &str) {
    assert!(
        find_dates(line).is_empty(),
        "{line}: {:#?}",
        find_dates(line)
    );
}

#[test]
fn several_english_and_arabic_dates_in_order() {
    let line = "Oct 8, 2020 / 8 أكتوبر 2020 / Friday, October 9, 2020";
    let f = find_dates(line);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert_eq!(&line[f[0].start..f[0].end], "Oct 8, 2020");
    assert_eq!(&line[f[1].start..f[1].end], "8 أكتوبر 2020");
    assert_eq!(&line[f[2].start..f[2].end], "Friday, October 9, 2020");
    assert!(f[2].has_weekday);
    assert!(f.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn lines_without_digits_find_nothing() {
    assert!(find_dates("Thursday, October the eighth").is_empty());
}

proptest::proptest! {
    #[test]
    fn english_noise_is_sound(
        s in "(Thu|Thursday|May|Oct\\.|october|Sept)?[ ,.]{0,2}[0-9]{0,2}(st|th)?[ ,.\\-]{0,2}(May|Oct|Octoberfest|of)?[ ,]{0,2}[0-9]{0,5}[ ,:apmAPMGT+0-9]{0,12}"
    ) {
        for f in find_dates(&s) {
            proptest::prop_assert!(f.start < f.end && f.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
            proptest::prop_assert_eq!(&s[f.start..f.end].trim(), &f.date.text.as_str());
        }
    }
}
