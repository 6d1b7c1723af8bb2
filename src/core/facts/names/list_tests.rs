//! Tests of the lists as data (every line parses, every country named is a listed
//! country, ordinary words are listed names), of `nationality` and `country_of`, and of
//! the matcher over the whole seed articles.

use rstest::rstest;

use super::lists::{ENTITY_LISTS, NATIONALITIES, TRIGGERS, WORDS, entity_row, rows};
use super::tests::names;
use super::*;
use NameKind::Place;

#[rstest]
#[case("الآذرية", Some("أذربيجان"))]
#[case("الأذربيجانية", Some("أذربيجان"))]
#[case("الأرمنية", Some("أرمينيا"))]
#[case("الأرمينيين", Some("أرمينيا"))]
#[case("أذربيجانياً", Some("أذربيجان"))]
#[case("والروس", Some("روسيا"))]
#[case("روسيتين", Some("روسيا"))]
#[case("للأمريكيين", Some("الولايات المتحدة"))]
#[case("المالية", None)]
#[case("العربية", None)]
fn nationality_of_adjectives(#[case] word: &str, #[case] country: Option<&str>) {
    assert_eq!(nationality(word), country);
}

#[rstest]
#[case("باكو", Some("أذربيجان"))]
#[case("إلهام علييف", Some("أذربيجان"))]
#[case("الكرملين", Some("روسيا"))]
#[case("أذربيجان", Some("أذربيجان"))]
#[case("وزارة الدفاع الأذربيجانية", Some("أذربيجان"))]
#[case("غزة", Some("فلسطين"))]
#[case("القدس", None)]
#[case("عمّان", Some("الأردن"))]
#[case("عُمان", Some("عُمان"))]
#[case("الأمم المتحدة", None)]
#[case("كلمة عادية", None)]
fn country_of_names(#[case] name: &str, #[case] country: Option<&str>) {
    assert_eq!(country_of(name), country);
}

#[test]
fn hits_are_sorted_and_disjoint_on_the_seeds() {
    let seeds = [
        include_str!("../../../../assets/demo/000_25ffcebcfb473456.txt"),
        include_str!("../../../../assets/demo/001_0b453c8b0ae0108c.txt"),
        include_str!("../../../../assets/demo/002_6b299cd65c581879.txt"),
        include_str!("../../../../assets/demo/003_6b939b76667bada4.txt"),
        include_str!("../../../../assets/demo/004_0a8a8afc27c77643.txt"),
    ];
    let mut total = 0;
    for para in seeds.iter().flat_map(|s| s.lines()) {
        let f = Folded::new(para);
        let found = find_names(&f);
        total += found.len();
        for pair in found.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "{para}");
        }
        for h in &found {
            assert!(
                para.get(h.range.clone())
                    .is_some_and(|t| !t.trim().is_empty())
            );
        }
    }
    assert!(total > 200, "{total}");
}

/// Mentions in the seed articles' bodies that any reader would mark, by paragraph text.
#[test]
fn seed_recall() {
    let seeds = [
        include_str!("../../../../assets/demo/000_25ffcebcfb473456.txt"),
        include_str!("../../../../assets/demo/001_0b453c8b0ae0108c.txt"),
        include_str!("../../../../assets/demo/002_6b299cd65c581879.txt"),
        include_str!("../../../../assets/demo/003_6b939b76667bada4.txt"),
        include_str!("../../../../assets/demo/004_0a8a8afc27c77643.txt"),
    ]
    .join("\n");
    let expected = [
        "الرئاسة الروسية",
        "الجيش الأذري",
        "جنيف",
        "الكرملين",
        "ناغورني قره باغ",
        "الولايات المتحدة",
        "القوقاز",
        "مركز الإعلام الموحد",
        "وزارة الدفاع في أذربيجان",
        "جبرائيل",
        "وزارة الدفاع الآذرية",
        "تارتار",
        "بردعة",
        "آقدام",
        "آقجبدي",
        "فضولي",
        "النيابة العامة في أذربيجان",
        "فوزولي",
        "ترترن",
        "فلاديمير بوتين",
        "إيمانويل ماكرون",
        "مجموعة مينسك",
        "نيكول باشينيان",
        "إلهام علييف",
        "شارل ميشيل",
        "المجلس الأوروبي",
        "منظمة الأمن والتعاون في أوروبا",
        "وزارة الدفاع الأذربيجانية",
        "وزارة الدفاع الأرمينية",
        "ناغورنو كاراباخ",
        "الخارجية الروسية",
        "يريفان",
        "باكو",
        "سيرغي لافروف",
        "شوشة",
        "ستيباناكيرت",
        "تركيا",
        "داشكسن",
        "كلبجار",
        "لاتشين",
        "غوريس",
        "سوتك",
        "جيرموك",
        "وكالة الأنباء الفرنسية",
        "نيكول باشنيان",
        "ديمتري بيسكوف",
        "وكالة إنترفاكس",
        "وزارة الخارجية الروسية",
        "وزارة الدفاع الأرمنية",
        "فهرام بوغوسيان",
        "القوات المسلحة الأذربيجانية",
        "سلاح الجو الأرمني",
        "نوفوستي",
    ];
    let mut found_texts = Vec::new();
    for para in seeds.lines() {
        found_texts.extend(names(para).into_iter().map(|(t, _, _)| t));
    }
    let missed: Vec<&&str> = expected
        .iter()
        .filter(|e| !found_texts.iter().any(|t| t == *e))
        .collect();
    assert!(missed.is_empty(), "missed {missed:?}");
}

#[test]
fn lists_are_well_formed() {
    for (list, _) in ENTITY_LISTS {
        for cols in rows(list) {
            assert!(entity_row(&cols).is_some(), "{cols:?}");
            assert!(cols.len() >= 2, "no country column: {cols:?}");
        }
    }
    for cols in rows(NATIONALITIES) {
        assert!((2..=3).contains(&cols.len()), "{cols:?}");
        assert!(
            country_of(cols[0]).is_some(),
            "nationality of an unknown country: {cols:?}"
        );
    }
    for cols in rows(TRIGGERS) {
        assert!(["title", "place", "org"].contains(&cols[0]), "{cols:?}");
        // Titles and place words are looked up one word at a time.
        assert!(cols[0] == "org" || !cols[1].contains(' '), "{cols:?}");
    }
    let kinds = [
        "stop",
        "given",
        "glue",
        "placeglue",
        "placeprefix",
        "titleglue",
        "ordinary",
        "notbefore",
    ];
    for cols in rows(WORDS) {
        assert!(kinds.contains(&cols[0]) && cols.len() >= 2, "{cols:?}");
    }
}

#[test]
fn every_country_named_in_the_lists_is_a_place() {
    let lists = &*lists::LISTS;
    for e in &lists.entries {
        if let Some(c) = e.country {
            let id = lists.canonical.get(&fold_name(c));
            let place = id.and_then(|&id| lists.entries.get(id as usize));
            assert!(
                place.is_some_and(|p| p.kind == Place && p.country == Some(p.canonical)),
                "{} belongs to {c}, which is no country",
                e.canonical
            );
        }
    }
    for adj in lists.adjectives.values() {
        assert!(
            lists.canonical.contains_key(&fold_name(adj.country)),
            "{}",
            adj.country
        );
    }
}

#[test]
fn ordinary_words_are_listed_names() {
    let lists = &*lists::LISTS;
    let unlisted: Vec<&str> = rows(WORDS)
        .filter(|c| c[0] == "ordinary" || c[0] == "notbefore")
        .map(|c| c[1])
        .filter(|w| !lists.spellings.contains_key(&fold_name(w)))
        .collect();
    assert!(unlisted.is_empty(), "not listed names: {unlisted:?}");
}
