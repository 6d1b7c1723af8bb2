//! The five seed articles (the embedded demo corpus) end to end: title, source, credit,
//! date, first and last body paragraph, and that the page's boilerplate is gone.

use khabar::core::article::{Article, Direction};
use khabar::core::dates::Calendar;
use khabar::core::load::demo::load_demo;
use rstest::rstest;

fn article(name: &str) -> Article {
    let report = load_demo();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report
        .articles
        .into_iter()
        .find(|a| a.path.ends_with(name))
        .unwrap_or_else(|| panic!("{name} not loaded"))
}

struct Expected {
    title: &'static str,
    source: Option<&'static str>,
    credit: Option<&'static str>,
    date: &'static str,
    first: &'static str,
    last_ends: &'static str,
    gone: &'static [&'static str],
}

#[rstest]
#[case("000_25ffcebcfb473456.txt", Expected {
    title: "روسيا: لا خطط لعقد قمة ثلاثية روسية - أرمينية - أذربيجانية لحل أزمة قره باغ",
    source: Some("بوابة الوسط"),
    credit: None,
    date: "2020-10-08",
    first: "أعلنت الرئاسة الروسية أنه «لا خطط لعقد قمة ثلاثية",
    last_ends: "إلى 28 قتيلاً و144 جريحاً.",
    gone: &["Atwasat", "WTV_Frequency", "كلمات مفتاحية", "المزيد من بوابة الوسط", "روسيا تُسقط 68 مسيرة", "الاكثر تفضيلا"],
})]
#[case("001_0b453c8b0ae0108c.txt", Expected {
    title: "استمرار المعارك بقره باغ وأرمينيا ترفض وساطة روسية للحوار",
    source: Some("موقع أنصار الله"),
    credit: Some("وكالات"),
    date: "2020-10-01",
    first: "تواصلت لليوم الخامس على التوالي",
    last_ends: "ومهاجمة أهداف مدنية.",
    gone: &["14 صفر", "المصدر", "قد يعجبك"],
})]
#[case("002_6b299cd65c581879.txt", Expected {
    title: "بوتين يدعو لمحادثات أرمينية أذربيجانية في موسكو",
    source: None,
    credit: Some("وكالات - هيا"),
    date: "2020-10-09",
    first: "دعا الرئيس الروسي، فلاديمير بوتين",
    last_ends: "ودعوا مرارا إلى وقف الأعمال العدائية وبدء محادثات السلام.",
    gone: &["facebook", "عاجل", "أحدث الأخبار", "بتوقيت نيويورك", "التعليقات", "المصدر"],
})]
#[case("003_6b939b76667bada4.txt", Expected {
    title: "مساعي لتطويق المواجهة العسكرية بين اذربيجان وارمينيا",
    source: Some("ليبانون تابلويد"),
    credit: None,
    date: "2022-09-14",
    first: "قال الرئيس الروسي فلاديمير بوتين إنه يسعى إلى إنهاء القتال",
    last_ends: "عقب الاشتباكات الأخيرة.",
    gone: &["Lebanon News", "اضغط هنا", "مشاهدة", "معرض الصور", "أحدث مقاطع الفيديو"],
})]
#[case("004_0a8a8afc27c77643.txt", Expected {
    title: "الخارجية الروسية تدعو أطراف النزاع في قره باغ إلى الوقف الفوري لإطلاق النار",
    source: Some("مجموعة الرؤية الاستراتيجية \"روسيا - العالم الإسلامي\""),
    credit: Some("نوفوستي"),
    date: "2020-09-27",
    first: "دعت وزارة الخارجية الروسية، اليوم الأحد 27 أيلول/ سبتمبر",
    last_ends: "ليست طرفا في المفاوضات.",
    gone: &["Ru En", "الصورة", "المصدر", "مجموعة الرؤية"],
})]
fn seed_article_end_to_end(#[case] name: &str, #[case] want: Expected) {
    let a = article(name);
    assert_eq!(a.title, want.title);
    assert_eq!(a.source.as_deref(), want.source);
    assert_eq!(a.credit.as_deref(), want.credit);
    let date = a.date.as_ref().expect("a publication date");
    assert_eq!(
        date.date.to_string(),
        want.date,
        "date text {:?}",
        date.text
    );
    assert_eq!((a.lang.as_str(), a.direction), ("ar", Direction::Rtl));
    let first = a.paragraphs.first().expect("a body");
    assert!(first.starts_with(want.first), "first paragraph: {first}");
    let last = a.paragraphs.last().expect("a body");
    assert!(last.ends_with(want.last_ends), "last paragraph: {last}");
    for p in &a.paragraphs {
        assert_ne!(p, &a.title, "the title is not part of the body");
        for junk in want.gone {
            assert!(!p.contains(junk), "boilerplate {junk:?} left in: {p}");
        }
    }
}

#[test]
fn hijri_date_is_converted_and_kept() {
    let a = article("001_0b453c8b0ae0108c.txt");
    let d = a.date.expect("date");
    assert_eq!(d.calendar, Calendar::Hijri);
    let h = d.hijri.expect("hijri as written");
    assert_eq!((h.year, h.month, h.day), (1442, 2, 14));
    assert!(d.text.contains("14 صفر 1442"), "{}", d.text);
}

#[test]
fn time_of_day_is_read_with_the_date() {
    let a = article("000_25ffcebcfb473456.txt");
    assert_eq!(
        a.date
            .and_then(|d| d.time)
            .map(|t| t.to_string())
            .as_deref(),
        Some("15:53:00")
    );
    let b = article("002_6b299cd65c581879.txt");
    assert_eq!(
        b.date
            .and_then(|d| d.time)
            .map(|t| t.to_string())
            .as_deref(),
        Some("04:30:00")
    );
}

#[test]
fn gallery_dates_after_the_body_are_not_the_publication_date() {
    // The video gallery under article 003 carries 2024 dates; the article is from 2022.
    let a = article("003_6b939b76667bada4.txt");
    assert_eq!(
        a.date.map(|d| d.date.to_string()).as_deref(),
        Some("2022-09-14")
    );
}

#[test]
fn demo_is_sorted_newest_first_with_distinct_ids() {
    let report = load_demo();
    let dates: Vec<_> = report
        .articles
        .iter()
        .map(|a| a.date.as_ref().map(|d| d.date))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let mut ids: Vec<_> = report.articles.iter().map(|a| a.id.to_string()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5);
}
