//! Tests of `find_dates` on whole lines: the seed articles' date lines, each month family,
//! paired names, digits, Hijri, weekdays, numeric dates, times and zones, false positives,
//! and a property test on arbitrary input.

use super::*;
use rstest::rstest;

#[test]
fn smoke() {
    let f = find_dates("القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء");
    println!("{f:#?}");
    assert_eq!(f.len(), 1);
}
