//! Properties of the layout engine for any text and any width: no panic, no row wider than
//! the width, and the rows' cells cover the text in order, each visible character exactly once.

use khabar::core::bidi::{BaseDirection, BidiMode, LayoutOptions, layout};
use proptest::prelude::*;
use unicode_bidi::BidiClass;

/// Pieces of news-like text, and the awkward things articles contain.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "خبر", "الرئيس", "لا", "مُحَمَّدٌ", "وأشارت", "ـــ", "پیش", "NATO", "Reuters",
            "S-300", "3.5%", "١٬٢٣٤", "٦٧٫٥٪", "2020", "https://example.com/a?b=1",
            "«", "»", "(", ")", "[", "]", "،", ".", "/", "-", "…",
        ]).prop_map(String::from),
        3 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            "日本語", "😀", "👨\u{200D}👩\u{200D}👧", "🇸🇦", "e\u{301}", "\u{200B}", "\u{200C}",
            "\u{200D}", "\u{200E}", "\u{200F}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
            "\u{061C}", "\u{00A0}", "\u{0670}", "\u{0651}",
        ]).prop_map(String::from),
        1 => "[a-zA-Z\u{0621}-\u{064A}]{1,12}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop::sample::select(BidiMode::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(mode, shape, strip_marks, show_invisibles)| LayoutOptions {
                mode,
                shape,
                strip_marks,
                show_invisibles,
                ..LayoutOptions::default()
            },
        )
}

fn base() -> impl Strategy<Value = BaseDirection> {
    prop::sample::select(vec![
        BaseDirection::Ltr,
        BaseDirection::Rtl,
        BaseDirection::FirstStrong,
    ])
}

/// Characters that need not have a cell: whitespace (it hangs at breaks) and what shows
/// nothing (bidi controls and marks, Boundary Neutrals).
fn may_vanish(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            unicode_bidi::bidi_class(c),
            BidiClass::BN
                | BidiClass::LRI
                | BidiClass::RLI
                | BidiClass::FSI
                | BidiClass::PDI
                | BidiClass::WS
        )
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
        || (khabar::core::text::is_arabic_mark(c))
}

fn check_widths(text: &str, width: usize, base: BaseDirection, options: &LayoutOptions) {
    let laid = layout(text, base, width, options);
    for row in laid.rows() {
        let sum: usize = row.cells().iter().map(|c| c.width()).sum();
        assert_eq!(sum, row.width());
        assert!(
            row.indent() + row.width() <= width,
            "row wider than {width}"
        );
        for cell in row.cells() {
            assert!(!row.glyph(cell).chars().any(|c| c.is_control()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_at_any_width_fits(text in text(), width in 1usize..=200, base in base(), options in options()) {
        check_widths(&text, width, base, &options);
    }

    #[test]
    fn any_string_at_all_fits(text in any::<String>(), width in 1usize..=200, options in options()) {
        check_widths(&text, width, BaseDirection::Rtl, &options);
    }

    #[test]
    fn cells_cover_the_text_in_order(text in text(), width in 1usize..=200, base in base(), options in options()) {
        let laid = layout(&text, base, width, &options);
        let mut covered = vec![0u8; text.len()];
        let mut last_end = 0;
        for row in laid.rows() {
            let mut sources: Vec<_> = row.cells().iter().map(|c| c.source()).collect();
            sources.sort_by_key(|s| s.start);
            if let Some(first) = sources.first() {
                prop_assert!(first.start >= last_end, "rows out of logical order");
            }
            for s in &sources {
                for b in s.clone() {
                    covered[b] += 1;
                }
                last_end = last_end.max(s.end);
            }
        }
        for (i, c) in text.char_indices() {
            let n = covered[i];
            prop_assert!(n <= 1, "{c:?} at {i} shown {n} times");
            if n == 0 {
                prop_assert!(may_vanish(c), "{c:?} at {i} lost");
            }
        }
    }
}

#[test]
fn long_hostile_input_does_not_panic() {
    let mut text = String::new();
    for i in 0..2000u32 {
        text.push(char::from_u32(0x2066 + i % 4).unwrap_or(' '));
        text.push(char::from_u32(0x202A + i % 5).unwrap_or(' '));
        text.push_str("\u{1b}[31mب1");
    }
    text.push_str(&"\u{0651}".repeat(5000));
    for width in [1, 2, 7, 80] {
        check_widths(&text, width, BaseDirection::Rtl, &LayoutOptions::default());
    }
}

#[test]
fn trusted_mode_survives_deep_nesting_too() {
    // Honour mode keeps every explicit formatting character: the depth limits of UAX #9
    // (125 levels) must hold without a panic in level resolution or reordering.
    for opener in [
        '\u{2066}', '\u{2067}', '\u{2068}', '\u{202A}', '\u{202B}', '\u{202D}', '\u{202E}',
    ] {
        let text = format!(
            "{}1 ب a{}",
            opener.to_string().repeat(300),
            "\u{2069}\u{202C}".repeat(150)
        );
        for width in [1, 5, usize::MAX] {
            check_widths_opt(&text, width, &LayoutOptions::conformance());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn trusted_mode_never_panics(text in prop::collection::vec(prop_oneof![
        piece(),
        prop::sample::select(vec!["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\t", "\u{1F}", "\u{0}"]).prop_map(String::from),
    ], 0..80).prop_map(|p| p.concat()), width in 1usize..=100) {
        check_widths_opt(&text, width, &LayoutOptions::conformance());
    }
}

fn check_widths_opt(text: &str, width: usize, options: &LayoutOptions) {
    for base in [
        BaseDirection::Ltr,
        BaseDirection::Rtl,
        BaseDirection::FirstStrong,
    ] {
        check_widths(text, width, base, options);
    }
}
