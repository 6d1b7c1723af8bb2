//! Articles written for the tests in the styles the seeds do not cover: a Moroccan site with
//! a comments box, a Jordanian page with a Hijri date paired with a Levantine Gregorian one, an
//! Algerian page with a numeric date, a Saudi page whose numeric date only the weekday can
//! settle, an English page, a bulletin of short sentences under a menu, and a brief with no
//! date at all.

// One case per article, every expected field a column of the table.
#![allow(clippy::too_many_arguments)]

use std::path::PathBuf;

use khabar::core::article::{Article, Direction};
use khabar::core::load::{LoadOptions, load_paths};
use rstest::rstest;

fn load(name: &str) -> Article {
    let path = PathBuf::from("tests/data/articles").join(name);
    let report = load_paths(&[path], &LoadOptions::default()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report
        .articles
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{name}: no article"))
}

#[rstest]
#[case::maghreb(
    "maghreb_hespress_style.txt",
    "الحكومة تصادق على مشروع قانون المالية لسنة 2022",
    Some("هسبريس"),
    None,
    Some("2021-10-21T14:05:00"),
    "صادق مجلس الحكومة",
    "لقانون المالية.",
    "تعليقات الزوار"
)]
#[case::levant(
    "levant_hijri_pair.txt",
    "الحكومة ترفع أسعار المحروقات للشهر الثالث على التوالي",
    Some("صحيفة الغد"),
    Some("بترا"),
    Some("2023-04-05"),
    "قررت لجنة تسعير المشتقات النفطية",
    "وارتفاع نسب البطالة.",
    "أسعار الذهب"
)]
#[case::algeria(
    "algeria_numeric.txt",
    "الجزائر تسجل ارتفاعا في صادراتها خارج المحروقات",
    Some("الشروق أونلاين"),
    None,
    Some("2022-07-12T09:40:00"),
    "حققت صادرات الجزائر",
    "وتخفيض تكاليف الشحن.",
    "الوسوم"
)]
#[case::gulf(
    "gulf_weekday_swap.txt",
    "ارتفاع أعداد الزوار في معرض الكتاب الدولي بالرياض",
    Some("واس"),
    None,
    Some("2022-06-10"),
    "شهد معرض الرياض الدولي للكتاب",
    "مع الناشرين الدوليين.",
    "جميع الحقوق"
)]
#[case::english(
    "english_article.txt",
    "Oil prices climb as OPEC+ signals deeper output cuts",
    None,
    None,
    Some("2023-04-03T10:15:00"),
    "Oil prices rose sharply",
    "of the world economy.",
    "Gold edges lower"
)]
#[case::bulletin(
    "bulletin_short_sentences.txt",
    "المصرف المركزي يخفض سعر الفائدة لتحفيز النمو",
    Some("www.example-news.net"),
    None,
    Some("2023-10-12T10:30:00"),
    "خفض المصرف المركزي سعر الفائدة",
    "في الأشهر المقبلة.",
    "اقرأ أيضاً"
)]
#[case::brief(
    "brief_no_date.txt",
    "وزير الصحة يتفقد مستشفى المدينة الجديد",
    None,
    None,
    None,
    "تفقد وزير الصحة اليوم",
    "في أقسامه.",
    "وزير الصحة يتفقد مستشفى المدينة الجديد"
)]

fn written_articles(
    #[case] name: &str,
    #[case] title: &str,
    #[case] source: Option<&str>,
    #[case] credit: Option<&str>,
    #[case] when: Option<&str>,
    #[case] first: &str,
    #[case] last_ends: &str,
    #[case] gone: &str,
) {
    let a = load(name);
    assert_eq!(a.title, title);
    assert_eq!(a.source.as_deref(), source);
    assert_eq!(a.credit.as_deref(), credit);
    let got = a
        .date
        .as_ref()
        .map(|d| d.datetime().unwrap_or_else(|| d.iso_date()));
    assert_eq!(
        got.as_deref(),
        when,
        "date text {:?}",
        a.date.as_ref().map(|d| &d.text)
    );
    assert!(a.paragraphs[0].starts_with(first), "{}", a.paragraphs[0]);
    assert!(
        a.paragraphs.last().is_some_and(|p| p.ends_with(last_ends)),
        "{:?}",
        a.paragraphs.last()
    );
    assert!(
        a.paragraphs
            .iter()
            .all(|p| !p.contains(gone) && p != &a.title),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn hijri_paired_with_gregorian_keeps_both() {
    let a = load("levant_hijri_pair.txt");
    let d = a.date.expect("date");
    let h = d.hijri.expect("the Hijri date on the same line");
    assert_eq!((h.year, h.month, h.day), (1444, 9, 14));
}

#[test]
fn english_is_left_to_right() {
    let a = load("english_article.txt");
    assert_eq!((a.lang.as_str(), a.direction), ("en", Direction::Ltr));
}

#[test]
fn a_page_dated_only_relatively_has_no_date() {
    // «قبل 3 ساعات» (three hours ago) says nothing of the day without the time of saving.
    let a = load("relative_date_only.txt");
    assert_eq!(
        a.title,
        "الزلزال في المغرب: ارتفاع عدد الضحايا وفرق الإنقاذ تسابق الزمن"
    );
    assert_eq!(a.source.as_deref(), Some("BBC News عربي"));
    assert!(a.date.is_none(), "{:?}", a.date);
    assert!(a.paragraphs[0].starts_with("ارتفع عدد ضحايا الزلزال"));
    assert!(
        a.paragraphs
            .iter()
            .all(|p| !p.contains("صدر الصورة") && !p.contains("قصص مقترحة"))
    );
}

#[test]
fn english_wire_copy_credits_its_agency_and_keeps_the_zone() {
    let a = load("english_wire.txt");
    assert_eq!(
        a.title,
        "Egypt's central bank raises interest rates by 200 basis points"
    );
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.credit.as_deref(), Some("Reuters"));
    assert_eq!(
        a.date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2023-03-30T20:21:00+03:00")
    );
    assert!(a.paragraphs[0].starts_with("CAIRO, March 30 (Reuters)"));
}

#[test]
fn a_named_city_zone_gives_the_offset() {
    let a = load("gulf_zone_named.txt");
    assert_eq!(a.source.as_deref(), Some("سكاي نيوز عربية"));
    assert_eq!(
        a.date.as_ref().and_then(|d| d.datetime()).as_deref(),
        Some("2023-03-12T10:30:00+04:00")
    );
    assert_eq!(a.paragraphs.len(), 3);
}
