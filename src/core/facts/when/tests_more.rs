//! Tests of `find_text_dates` beyond the forms: text that looks like a date and is not,
//! paragraphs without a publication date, a stated weekday that disagrees with the day, the
//! quick test, the ISO strings, and properties on arbitrary input.

#![allow(clippy::unwrap_used)]

use super::tests::{day, hits};
use super::*;
use proptest::prelude::*;
use rstest::rstest;

/// Durations, counts, ordinals, times, zero, «father», decades, named days and «both»:
/// no date, even with a publication date to lean on.
#[rstest]
#[case("واستمرت 44 يوماً، وتمخضت عن انتصار")]
#[case("من السيطرة الأرمينية منذ 30 عاماً.")]
#[case("في ظل مخاوف من اندلاع حرب أخرى بعد عامين من معركة")]
#[case("وكانت روسيا دعت الأسبوع الماضي لوقف فوري")]
#[case("التي تأسست في التسعينيات تحت رعاية")]
#[case("الساعة 03:53 مساء")]
#[case("بلغت 250 من الدبابات والآليات")]
#[case("خسرت صفر دبابات")]
#[case("فاز الفريق بنتيجة 3 صفر")]
#[case("زار آب الأسرة المدينة")]
#[case("دمرت 2020 دبابة")]
#[case("في 2000 موقع")]
#[case("أرسلت حتى 2000 جندي")]
#[case("منذ 2000 عام")]
#[case("رؤية 2030 للتنمية")]
#[case("زلزال بقوة 6.5 درجة")]
#[case("ارتفع بنسبة 2020% خلال")]
#[case("تواصلت لليوم الخامس على التوالي، المعارك")]
#[case("وفي اليوم التالي انسحبت القوات")]
#[case("بمناسبة اليوم العالمي للمرأة")]
#[case("ثلاث مرات في اليوم")]
#[case("منذ ذلك اليوم")]
#[case("اجتمعت الجمعية العامة للأمم المتحدة")]
#[case("شارك الأحد عشر لاعباً")]
#[case("ذكرى الأحد الدامي")]
#[case("في سوق الخميس")]
#[case("التقى الرئيسان وقالت مصادر إن الخلاف بين الاثنين عميق")]
#[case("أكد الزعيمين الاثنين التزامهما")]
#[case("في النصف الثاني من أكتوبر")]
#[case("في الأسبوع الأول من نوفمبر")]
#[case("كانون الثاني من كل عام")]
#[case("منذ ثورة 25 يناير")]
#[case("تظاهروا في ميدان 6 أكتوبر")]
#[case("نفذت هجمات الحادي عشر من سبتمبر")]
#[case("غدا الوضع أسوأ من قبل")]
#[case("قالت صحيفة الغد الأردنية")]
#[case("مارس الضغط على الحكومة")]
#[case("في ذكرى حرب أكتوبر قال الوزير")]
#[case("يصوم المسلمون في رمضان")]
#[case("في شهر رمضان المبارك")]
#[case("في 31 فبراير")]
#[case("في 1/2 من الحالات")]
#[case("عام 3000 قبل الميلاد")]
#[case("يتراوح العدد بين 2000 و3000 شخص")]
#[case("بين 1900 و2000 شخص")]
#[case("ارتفع من 1900 دولار")]
#[case("قال حلفاء الأمس إن")]
#[case("الفرق بين الأمس واليوم كبير")]
#[case("وقال لروسيا اليوم إن")]
#[case("يعمل المكتب من الأحد إلى الخميس")]
#[case("تغلق المحال أيام السبت والأحد")]
#[case("نقل إلى مستشفى 6 أكتوبر")]
#[case("في الثلاثين من عمره")]
#[case("قرار مجلس الأمن 1973 بشأن ليبيا")]
#[case("الذكرى الـ75 لتأسيس")]
#[case("المادة 12 من الدستور")]
// A span of days is left whole: its first day has no month of its own.
#[case("بين 12-15 سبتمبر")]
#[case("يحتفل المسلمون بالعيد في العاشر من ذي الحجة من كل عام")]
#[case("يحتفلون في 25 فبراير كل سنة")]
#[case("حظر شامل يوم الجمعة من كل أسبوع")]
#[case("يغلق كل يوم الجمعة")]
#[case("واعترف المتهم رقم 3 رمضان بالتهمة")]
#[case("قال 3 رمضان إن")]
#[case("منذ انطلاق حراك 22 فبراير")]
#[case("ذكرى مظاهرات 30 يونيو")]
#[case("ثورة الفاتح من سبتمبر")]
fn not_dates(#[case] para: &str) {
    assert_eq!(hits(para, Some("2020-10-08")), vec![]);
}

/// Without a publication date, only what the text itself dates is kept.
#[rstest]
#[case("حتى مساء أمس 3754 عسكرياً", &[])]
#[case("ووصل الخميس إلى جنيف", &[])]
#[case("بدأت في 27 سبتمبر/أيلول", &[])]
#[case("في التاسع من أكتوبر", &[])]
#[case("في سبتمبر الماضي", &[])]
#[case("في 14 صفر", &[])]
#[case("في التاسع من أكتوبر 2020", &[("التاسع من أكتوبر 2020", "2020-10-09")])]
#[case("منذ عام 1994", &[("عام 1994", "1994")])]
#[case("في شباط/ فبراير 1988", &[("شباط/ فبراير 1988", "1988-02")])]
#[case("اليوم الأحد 27 أيلول/ سبتمبر 2020", &[("اليوم الأحد 27 أيلول/ سبتمبر 2020", "2020-09-27")])]
fn without_publication_date(#[case] para: &str, #[case] want: &[(&str, &str)]) {
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect();
    assert_eq!(hits(para, None), want);
}

/// A written day with a weekday that is not its weekday: the written day wins, the weekday
/// stays in the range, and the date is flagged. 27 September 2020 was a Sunday.
#[rstest]
#[case("الجمعة 27 سبتمبر 2020", None)]
#[case("الجمعة، 27 سبتمبر", Some("2020-10-09"))]
#[case("الخميس التاسع من أكتوبر", Some("2020-10-10"))]
fn weekday_clashes_with_written_day(#[case] para: &str, #[case] published: Option<&str>) {
    let got = find_text_dates(para, published.map(day));
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].range, 0..para.len());
    assert!(got[0].uncertain);
    let expected = if para.contains("أكتوبر") {
        "2020-10-09"
    } else {
        "2020-09-27"
    };
    assert_eq!(got[0].value.iso(), expected);
}

/// A matching weekday leaves the date certain.
#[test]
fn weekday_that_matches_is_certain() {
    let got = find_text_dates("الأحد، 27 سبتمبر", Some(day("2020-10-09")));
    assert_eq!(got.len(), 1);
    assert!(!got[0].uncertain);
}

/// «أمس الخميس» in a paper dated Saturday: yesterday is Friday, the text says Thursday; the
/// text's weekday is taken (the publication date may be a day off) and the date flagged.
#[test]
fn weekday_clashes_with_relative_day() {
    let got = find_text_dates(
        "واتهمت أرمينيا أذربيجان أمس الخميس بقصف",
        Some(day("2020-10-10")),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, DateValue::Day(day("2020-10-08")));
    assert!(got[0].uncertain && got[0].relative);
}

#[test]
fn relative_and_calendar_flags() {
    let got = find_text_dates("في 27 سبتمبر وفي عام 1442هـ", Some(day("2020-10-09")));
    assert_eq!(got.len(), 2);
    assert!(got[0].relative && !got[0].uncertain);
    assert_eq!(got[0].calendar, Calendar::Gregorian);
    assert!(!got[1].relative && got[1].uncertain);
    assert_eq!((got[1].calendar, got[1].hijri), (Calendar::Hijri, None));
}

#[rstest]
#[case(DateValue::Day(day("2020-10-08")), "2020-10-08")]
#[case(DateValue::Month { year: 1988, month: 2 }, "1988-02")]
#[case(DateValue::Year(994), "0994")]
fn iso_strings(#[case] v: DateValue, #[case] iso: &str) {
    assert_eq!(v.iso(), iso);
    assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{iso}\""));
}

#[rstest]
#[case("قال الوزير إن الوضع مستقر", false)]
#[case("عناوين ذات صلة", false)]
#[case("في 2020", true)]
#[case("أمس", true)]
#[case("الخميس", true)]
#[case("التاسع من أكتوبر", true)]
#[case("الخَمِيس", true)]
#[case("دعوات لوقف القتال وحماية المدنيين وسط تفاوت في المواقف", false)]
#[case("في ماي", true)]
#[case("جويلية وأوت", true)]
fn quick_test(#[case] para: &str, #[case] may: bool) {
    assert_eq!(words::maybe_dated(para), may);
}

/// Harakat inside a weekday do not hide it.
#[test]
fn voweled_words() {
    assert_eq!(
        hits("وَصَلَ الخَمِيسَ إلى جنيف", Some("2020-10-08")),
        vec![("الخَمِيسَ".to_string(), "2020-10-08".to_string())]
    );
}

/// A clitic with its vowel is left out of the date.
#[test]
fn voweled_clitic() {
    assert_eq!(
        hits("وَالخَمِيسَ وصل", Some("2020-10-08")),
        vec![("الخَمِيسَ".to_string(), "2020-10-08".to_string())]
    );
}

/// The folded entry point gives the same hits.
#[test]
fn folded_entry_point() {
    let para = "قال أمس الخميس إن الحرب بدأت في 27 سبتمبر";
    let p = Some(day("2020-10-09"));
    assert_eq!(
        find_text_dates_folded(&Folded::new(para), p),
        find_text_dates(para, p)
    );
}

proptest! {
    /// Any text: no panic, ranges on character boundaries, in order, not overlapping.
    #[test]
    fn ranges_are_sound(s in "[ 0-9٠-٩/،,\\-أمسليوغدخجعبتثناحرشهكصفمضيةى\u{064B}()]{0,80}") {
        let got = find_text_dates(&s, Some(day("2020-10-08")));
        let mut last = 0;
        for h in &got {
            prop_assert!(h.range.start >= last && h.range.start < h.range.end);
            prop_assert!(s.is_char_boundary(h.range.start) && s.is_char_boundary(h.range.end));
            last = h.range.end;
        }
    }
}
