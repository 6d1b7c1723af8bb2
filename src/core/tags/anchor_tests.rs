//! Tests of re-anchoring: tables of text edits, and properties over random texts.

use std::path::PathBuf;

use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::core::tags::{TextQuote, text_hash};

const BASE: &str = "قال الوزير إن عدد القتلى بلغ 300 شخص في الهجوم الأخير.\n\nونفت الوزارة ذلك في بيان رسمي صدر مساء أمس عن المتحدث باسمها.";

fn id() -> crate::core::article::ArticleId {
    crate::core::article::ArticleId::of_content("x")
}

/// A target on the first occurrence of `quote` in `text`.
fn target(text: &str, quote: &str) -> Target {
    let b = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} not in text"));
    let start = text[..b].chars().count();
    target_at(text, start, start + quote.chars().count())
}

fn target_at(text: &str, start: usize, end: usize) -> Target {
    let chars: Vec<char> = text.chars().collect();
    let take = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
    Target {
        article: id(),
        path: PathBuf::from("a.txt"),
        item: None,
        quote: TextQuote {
            exact: take(start..end),
            prefix: take(start.saturating_sub(32)..start),
            suffix: take(end..(end + 32).min(chars.len())),
        },
        position: TextPosition { start, end },
        text_hash: text_hash(text),
    }
}

fn slice(text: &str, p: TextPosition) -> String {
    text.chars().skip(p.start).take(p.end - p.start).collect()
}

#[test]
fn unchanged_text_keeps_the_position() {
    let t = target(BASE, "بلغ 300 شخص");
    assert_eq!(anchor(&t, BASE), Anchor::Exact(t.position));
}

#[rstest]
#[case::paragraph_inserted_before(
    "خبر عاجل من العاصمة.\n\n".to_string() + BASE, "بلغ 300 شخص", Match::Quote, "بلغ 300 شخص")]
#[case::text_after_changed(
    BASE.replace("رسمي", "مقتضب"), "عدد القتلى بلغ", Match::Quote, "عدد القتلى بلغ")]
#[case::extra_spaces(
    BASE.replace("بلغ 300", "بلغ   300"), "بلغ 300 شخص", Match::Folded, "بلغ   300 شخص")]
#[case::newline_for_space(
    BASE.replace("بلغ 300", "بلغ\n300"), "بلغ 300 شخص", Match::Folded, "بلغ\n300 شخص")]
#[case::harakat_and_tatweel_added(
    BASE.replace("الوزير", "الوَزِيرُ").replace("قال", "قـــال"),
    "قال الوزير", Match::Folded, "قـــال الوَزِيرُ")]
#[case::arabic_digits(
    BASE.replace("300", "٣٠٠"), "بلغ 300 شخص", Match::Folded, "بلغ ٣٠٠ شخص")]
#[case::one_word_changed(
    BASE.replace("بيان رسمي", "بيان مكتوب"),
    "ونفت الوزارة ذلك في بيان رسمي صدر مساء أمس", Match::Fuzzy,
    "ونفت الوزارة ذلك في بيان مكتوب صدر مساء أمس")]
fn an_edited_text_finds_the_quote_again(
    #[case] edited: String,
    #[case] quote: &str,
    #[case] how: Match,
    #[case] expect: &str,
) {
    let t = target(BASE, quote);
    match anchor(&t, &edited) {
        Anchor::Moved { position, how: h } => {
            assert_eq!(h, how);
            assert_eq!(slice(&edited, position), expect);
        }
        other => panic!("{other:?}"),
    }
}

#[rstest]
#[case::first(0)]
#[case::second(1)]
fn context_picks_between_two_occurrences(#[case] which: usize) {
    let text = "أعلن الجيش أن الهجوم فشل تماماً. وقالت المعارضة إن الهجوم فشل بسبب الطقس.";
    let starts: Vec<usize> = text
        .match_indices("الهجوم فشل")
        .map(|(b, _)| text[..b].chars().count())
        .collect();
    let start = starts[which];
    let t = target_at(text, start, start + "الهجوم فشل".chars().count());
    // A sentence before both moves them, and the hash no longer holds.
    let edited = format!("تحديث: {text}");
    let shift = "تحديث: ".chars().count();
    match anchor(&t, &edited) {
        Anchor::Moved {
            position,
            how: Match::Quote,
        } => {
            assert_eq!(position.start, start + shift)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn nearness_breaks_a_tie_of_context() {
    let text = "نعم نعم نعم نعم";
    let mut t = target_at(text, 8, 11);
    t.quote.prefix.clear();
    t.quote.suffix.clear();
    t.text_hash = "changed".into();
    assert_eq!(
        anchor(&t, text),
        Anchor::Moved {
            position: TextPosition { start: 8, end: 11 },
            how: Match::Quote
        }
    );
}

#[rstest]
#[case::quote_deleted(BASE.replace("ونفت الوزارة ذلك في بيان رسمي", "وأكدت مصادر أخرى الخبر"))]
#[case::empty_text(String::new())]
#[case::unrelated_text("الطقس مشمس اليوم في معظم المناطق مع رياح خفيفة".to_string())]
fn a_lost_quote_is_orphaned(#[case] edited: String) {
    let t = target(BASE, "ونفت الوزارة ذلك في بيان رسمي");
    assert_eq!(anchor(&t, &edited), Anchor::Orphaned);
}

#[test]
fn a_stale_position_with_the_same_hash_is_not_trusted() {
    let mut t = target(BASE, "الوزير");
    t.position = TextPosition {
        start: 5,
        end: 10_000,
    };
    assert_eq!(
        anchor(&t, BASE).position().map(|p| slice(BASE, p)),
        Some("الوزير".to_string())
    );
}

#[test]
fn a_large_article_anchors_each_way() {
    // How long each way takes is `cargo bench --bench tags` (anchor_100k).
    let filler = "وأضاف المصدر أن المفاوضات مستمرة بين الطرفين منذ أسابيع دون نتيجة واضحة. ";
    let mut text = filler.repeat(100_000 / filler.len());
    text.push_str(BASE);
    let t = target(&text, "ونفت الوزارة ذلك في بيان رسمي صدر مساء أمس");
    for (edited, expected) in [
        (text.clone(), "exact"),
        (format!("سطر جديد\n\n{text}"), "quote"),
        (text.replace("بيان رسمي", "بيانٍ   رسمي"), "folded"),
        (text.replace("بيان رسمي", "بيان مكتوب"), "fuzzy"),
        (
            text.replace("ونفت الوزارة ذلك في بيان رسمي", ""),
            "orphaned",
        ),
    ] {
        let got = match anchor(&t, &edited) {
            Anchor::Exact(_) => "exact",
            Anchor::Moved {
                how: Match::Quote, ..
            } => "quote",
            Anchor::Moved {
                how: Match::Folded, ..
            } => "folded",
            Anchor::Moved {
                how: Match::Fuzzy, ..
            } => "fuzzy",
            Anchor::Orphaned => "orphaned",
        };
        assert_eq!(got, expected);
    }
}

proptest! {
    #[test]
    fn anchors_in_the_same_and_a_shifted_text(
        text in "[ابتثجحخ ًٌَُـ\n0-9a-z]{1,80}",
        a in 0usize..80,
        b in 0usize..80,
        inserted in "[سشصض.،]{1,20}",
    ) {
        let n = text.chars().count();
        let (start, end) = (a.min(b) % n, (a.max(b) % n) + 1);
        prop_assume!(start < end);
        let t = target_at(&text, start, end);
        prop_assert_eq!(anchor(&t, &text), Anchor::Exact(t.position));
        let shifted = format!("{inserted}{text}");
        let k = inserted.chars().count();
        match anchor(&t, &shifted) {
            Anchor::Moved { position, how: Match::Quote } => {
                prop_assert_eq!(slice(&shifted, position), t.quote.exact.clone());
                // The inserted letters are not in the text's alphabet, so the prefix
                // pins the old occurrence.
                prop_assert_eq!(position, TextPosition { start: start + k, end: end + k });
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
