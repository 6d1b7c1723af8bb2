//! Tests of the folded search: spelling variants, documents with and without bodies, and
//! the original ranges of matches (on character boundaries, covering folded-away marks).

use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::core::article::{ArticleId, Direction, EncodingName, Format};

fn article(title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: ArticleId::of_content(title),
        path: "t.txt".into(),
        item: None,
        format: Format::Text,
        encoding: EncodingName("UTF-8"),
        title: title.into(),
        source: Some("بوابة الوسط".into()),
        credit: Some("Reuters".into()),
        date: None,
        url: None,
        lang: "ar".into(),
        direction: Direction::Rtl,
        words: 10,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        removed_controls: 0,
    }
}

fn needle(text: &str) -> Needle {
    Needle::new(text).unwrap_or_else(|| panic!("no needle in {text:?}"))
}

#[rstest]
#[case::tatweel("الرئيس", "قال الـــرئيـــس اليوم")]
#[case::harakat("الرئيس", "قال الرَّئِيسُ اليوم")]
#[case::clitic("الرئيس", "والرئيس قال")]
#[case::harakat_in_needle("الرَّئِيس", "قال الرئيس")]
#[case::indic_digits_in_needle("٢٠٢٠", "في عام 2020 م")]
#[case::indic_digits_in_text("2020", "في عام ٢٠٢٠ م")]
#[case::alef_hamza_above("أذربيجان", "اذربيجان")]
#[case::alef_hamza_below("إيران", "ايران")]
#[case::alef_madda("آلاف", "الاف")]
#[case::plain_alef_finds_hamza("اذربيجان", "أذربيجان")]
#[case::ta_marbuta("المدينة", "المدينه")]
#[case::ha_finds_ta_marbuta("المدينه", "في المدينة")]
#[case::alef_maqsura("مستشفى", "مستشفي")]
#[case::ya_finds_alef_maqsura("علي", "على الطاولة")]
#[case::ascii_case("NATO", "nato said")]
#[case::latin_case("ÉTAT", "l'état")]
#[case::phrase_spaces("وزارة  الدفاع", "قالت وزارة\u{a0}الدفاع")]
#[case::bidi_marks("الرئيس", "ال\u{200f}رئيس")]
#[case::decimal_separator("67.5", "٦٧٫٥٪")]
#[case::presentation_forms("الرئيس", "ﺍﻟﺮﺋﻴﺲ")]
#[case::presentation_needle("ﻻ ﺧﻄﻂ", "قال لا خطط")]
#[case::isolated_harakat("الرئيس", "الرﹶئيس")]
fn folded_needles_find_spelling_variants(#[case] query: &str, #[case] text: &str) {
    let doc = SearchDoc::new(&article("عنوان", &[text]));
    assert!(needle(query).is_in(&doc), "{query} in {text}");
    assert!(!find_matches(text, &[needle(query)]).is_empty());
}

#[rstest]
#[case("الرئيس", "الرئاسة")]
#[case("وزارة الدفاع", "وزارة\nالدفاع")]
#[case("قال", "قاال")]
fn different_words_do_not_match(#[case] query: &str, #[case] text: &str) {
    let doc = SearchDoc::new(&article("عنوان", &text.split('\n').collect::<Vec<_>>()));
    assert!(!needle(query).is_in(&doc), "{query} in {text:?}");
}

#[rstest]
#[case("")]
#[case("   ")]
#[case("\u{064e}\u{0651}")]
#[case("ـــ")]
#[case("\u{200f}")]
fn nothing_left_is_no_needle(#[case] text: &str) {
    assert_eq!(Needle::new(text), None);
}

#[test]
fn needles_are_folded_and_trimmed() {
    assert_eq!(needle("  الرَّئِيسُ   بوتين ").as_str(), "الرئيس بوتين");
    assert_eq!(needle("Moscow").as_str(), "moscow");
}

#[test]
fn a_doc_without_body_searches_title_and_sources() {
    let pending = article("بوتين يدعو لمحادثات", &[]);
    let doc = SearchDoc::new(&pending);
    assert!(!doc.has_body());
    assert!(needle("بوتين").is_in(&doc));
    assert!(!needle("موسكو").is_in(&doc));
    assert!(needle("الوسط").is_in_source(&doc));
    assert!(needle("reuters").is_in_source(&doc));
    assert!(!needle("بوتين").is_in_source(&doc));
    let full = SearchDoc::new(&article("بوتين يدعو", &["في موسكو"]));
    assert!(full.has_body());
    assert!(needle("موسكو").is_in(&full));
}

#[test]
fn a_phrase_does_not_run_from_title_into_body_or_across_sources() {
    let doc = SearchDoc::new(&article("قالت وزارة", &["الدفاع إن"]));
    assert!(!needle("وزارة الدفاع").is_in(&doc));
    assert!(!needle("الوسط reuters").is_in_source(&doc));
}

#[rstest]
#[case::tatweel("قال الـــرئيـــس اليوم", "الرئيس", &["الـــرئيـــس"])]
#[case::harakat("قال الرَّئِيسُ اليوم", "الرئيس", &["الرَّئِيسُ"])]
#[case::clitic("والرئيس قال", "الرئيس", &["الرئيس"])]
#[case::at_the_end("عاد الرَّئِيسُ", "الرئيس", &["الرَّئِيسُ"])]
#[case::twice("الرئيس ثم الرئيس", "الرئيس", &["الرئيس", "الرئيس"])]
#[case::indic("عام ٢٠٢٠ و2020", "2020", &["٢٠٢٠", "2020"])]
#[case::ligature("ﻻ خطط", "لا خطط", &["ﻻ خطط"])]
#[case::phrase_over_spaces("وزارة \u{a0} الدفاع", "وزارة الدفاع", &["وزارة \u{a0} الدفاع"])]
fn matches_map_back_to_the_original(
    #[case] paragraph: &str,
    #[case] query: &str,
    #[case] expected: &[&str],
) {
    let got: Vec<&str> = find_matches(paragraph, &[needle(query)])
        .into_iter()
        .map(|r| &paragraph[r])
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn overlapping_and_touching_matches_merge() {
    let p = "الرئيس بوتين";
    let ranges = find_matches(p, &[needle("الرئيس"), needle("رئيس بو"), needle("تين")]);
    assert_eq!(
        ranges,
        vec![Range {
            start: 0,
            end: p.len()
        }]
    );
    assert!(find_matches(p, &[]).is_empty());
}

proptest! {
    #[test]
    fn folding_by_runs_agrees_with_folding_by_characters(
        text in "([ \n!-~ابةتغـفىيءأ\u{064e}\u{0651}٢۲\u{a0}\u{200f}ﻻ]|\\PC){0,80}"
    ) {
        let mut by_runs = String::new();
        fold_into(&text, &mut by_runs);
        prop_assert_eq!(by_runs, Mapped::new(&text).text);
    }

    #[test]
    fn ranges_are_whole_sorted_disjoint_and_hold_the_needle(
        paragraph in "([ a-zA-Z0-9٠-٩ـ\u{064b}-\u{0652}\u{200f}\u{a0}أإآاةهىيرسلقوﻻﹶﺍ]|\\PC){0,120}",
        queries in proptest::collection::vec("[a-zA-Z0-9٠-٩ اأةىيرلسو\u{064e}ـ]{1,6}", 1..4),
    ) {
        let needles: Vec<Needle> = queries.iter().filter_map(|q| Needle::new(q)).collect();
        let ranges = find_matches(&paragraph, &needles);
        let mut previous_end = 0;
        for (n, r) in ranges.iter().enumerate() {
            prop_assert!(paragraph.is_char_boundary(r.start) && paragraph.is_char_boundary(r.end));
            prop_assert!(r.start < r.end);
            prop_assert!(n == 0 || r.start > previous_end, "{ranges:?}");
            previous_end = r.end;
        }
        // Every occurrence of every needle lies inside one range, and each range's folded
        // text holds a needle.
        let mut folded = String::new();
        fold_into(&paragraph, &mut folded);
        for r in &ranges {
            let mut inside = String::new();
            fold_into(&paragraph[r.clone()], &mut inside);
            prop_assert!(needles.iter().any(|n| inside.contains(n.as_str())), "{inside:?}");
        }
        let count_in = |s: &str| needles.iter().map(|n| s.matches(n.as_str()).count()).sum::<usize>();
        prop_assert_eq!(ranges.is_empty(), count_in(&folded) == 0);
    }
}

#[test]
fn a_ligature_matched_in_part_is_highlighted_whole() {
    // «ﶓ» is three letters in one character.
    let p = "قال ﶓ";
    let ranges = find_matches(p, &[needle("ة")]);
    assert_eq!(ranges.len(), 1);
    assert_eq!(&p[ranges[0].clone()], "ﶓ");
}
