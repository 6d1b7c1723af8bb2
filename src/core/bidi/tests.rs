//! Golden cases from the notes and the properties every layout keeps.

use super::*;

/// Rows as `render` prints them: padded to the right edge when right-aligned, trailing
/// spaces trimmed.
fn rows(text: &str, width: usize, options: &LayoutOptions) -> Vec<String> {
    let dir = paragraph_direction(text, Direction::Rtl);
    layout(text, dir.into(), width, options)
        .rows()
        .map(|r| r.text(true).trim_end().to_string())
        .collect()
}

fn unshaped() -> LayoutOptions {
    LayoutOptions {
        shape: false,
        ..LayoutOptions::default()
    }
}

#[test]
fn sample_sentence_at_width_30() {
    let text =
        "وأشارت إلى تدمير 228 مدفع وأنظمة صواريخ، و30 منظومة دفاع جوي (S-300) في 27 سبتمبر/أيلول.";
    let got = rows(text, 30, &unshaped());
    assert_eq!(
        got,
        [
            "     عفدم 228 ريمدت ىلإ تراشأو",
            "عافد ةموظنم 30و ،خيراوص ةمظنأو",
            "             27 يف (S-300) يوج",
            "                 .لوليأ/ربمتبس",
        ]
    );
}

#[test]
fn a_number_starting_a_line_is_resolved_with_its_paragraph() {
    // W2 looks back across the break: after Arabic letters «3.5» is an Arabic number, so the
    // percent sign stays on its left («%3.5»), as on one unbroken line.
    let got = rows("ارتفع التضخم بنسبة 3.5% في الشهر", 20, &unshaped());
    assert_eq!(got, ["  ةبسنب مخضتلا عفترا", "       رهشلا يف %3.5"]);
}

#[test]
fn quotes_across_a_break_are_mirrored_on_each_row() {
    let got = rows("قال «إن الوضع صعب جداً» أمس", 14, &unshaped());
    assert_eq!(got, [" عضولا نإ» لاق", "  سمأ «اًدج بعص"]);
}

#[test]
fn brackets_are_mirrored_in_right_to_left_runs_only() {
    assert_eq!(
        rows("قال (نعم) أمس", 80, &unshaped())[0].trim_start(),
        "سمأ (معن) لاق"
    );
    let english = rows(
        "The ministry said (in Arabic) «الوضع مستقر» today.",
        80,
        &unshaped(),
    );
    assert_eq!(
        english,
        ["The ministry said (in Arabic) «رقتسم عضولا» today."]
    );
}

#[test]
fn marks_stay_after_their_base() {
    assert_eq!(rows("مُحَمَّدٌ", 10, &unshaped()), ["      دٌمَّحَمُ"]);
    let laid = layout("مُحَمَّدٌ", BaseDirection::Rtl, 10, &unshaped());
    let row = laid.row(0).unwrap();
    assert_eq!(row.width(), 4);
    assert_eq!(row.cells().len(), 4);
    let stripped = LayoutOptions {
        strip_marks: true,
        ..unshaped()
    };
    assert_eq!(rows("مُحَمَّدٌ", 4, &stripped), ["دمحم"]);
}

#[test]
fn unshaped_lam_alef_is_two_cells() {
    let laid = layout("لا", BaseDirection::Rtl, 10, &unshaped());
    assert_eq!(laid.row(0).unwrap().width(), 2);
    assert_eq!(laid.row(0).unwrap().text(false), "ال");
}

#[test]
fn a_word_longer_than_the_line_is_broken_between_graphemes() {
    assert_eq!(rows("مرحبا بكم", 3, &unshaped()), ["حرم", " اب", "مكب"]);
    assert_eq!(rows("abcdefgh", 3, &unshaped()), ["abc", "def", "gh"]);
}

#[test]
fn a_url_in_arabic_text_keeps_its_order_and_breaks_at_its_slashes() {
    let text = "للمزيد من المعلومات زوروا الموقع https://example.com/ar/news?id=5 اليوم";
    assert_eq!(
        rows(text, 80, &unshaped())[0].trim_start(),
        "مويلا https://example.com/ar/news?id=5 عقوملا اوروز تامولعملا نم ديزملل"
    );
    assert_eq!(
        rows(text, 20, &unshaped()),
        [
            " تامولعملا نم ديزملل",
            "        عقوملا اوروز",
            "https://example.com/",
            "  مويلا ar/news?id=5",
        ]
    );
}

#[test]
fn paragraph_direction_follows_the_majority_of_letters() {
    assert_eq!(
        paragraph_direction("NATO تعلن عن مناورات جديدة", Direction::Ltr),
        Direction::Rtl
    );
    assert_eq!(
        paragraph_direction("The army said «نعم» today", Direction::Rtl),
        Direction::Ltr
    );
    assert_eq!(
        paragraph_direction("2020 - 100", Direction::Rtl),
        Direction::Rtl
    );
    assert_eq!(
        rows("NATO تعلن عن مناورات جديدة", 40, &unshaped()),
        ["              ةديدج تاروانم نع نلعت NATO"]
    );
}

#[test]
fn wide_characters_never_cross_the_edge() {
    assert_eq!(
        rows("日本語のニュース", 5, &unshaped()),
        ["日本", "語の", "ニュ", "ース"]
    );
    let laid = layout("خبر 😀😀😀", BaseDirection::Rtl, 5, &unshaped());
    assert!(laid.rows().all(|r| r.width() <= 5));
    assert_eq!(laid.rows().map(|r| r.cells().len()).sum::<usize>(), 6);
    // A wide character in a one-cell pane is shown as a one-cell stand-in, not cut.
    let narrow = layout("日", BaseDirection::Ltr, 1, &unshaped());
    let cell = &narrow.row(0).unwrap().cells()[0];
    assert!(cell.is_too_wide());
    assert_eq!(cell.width(), 1);
}

#[test]
fn deep_isolates_do_not_panic_and_keep_the_text() {
    let text = format!("{}1 عربي", "\u{2067}".repeat(140));
    let laid = layout(&text, BaseDirection::Rtl, 80, &LayoutOptions::default());
    assert_eq!(laid.removed(), 140);
    let deep = format!("{}x{}", "\u{2066}ب".repeat(200), "\u{2069}".repeat(200));
    let laid = layout(&deep, BaseDirection::Ltr, 30, &LayoutOptions::default());
    let cells: usize = laid.rows().map(|r| r.cells().len()).sum();
    assert_eq!(cells, 201);
}

#[test]
fn removed_input_can_be_shown_as_markers() {
    let text = "خبر\u{202E}عاجل\u{1b}[2J";
    assert_eq!(rows(text, 20, &unshaped()), ["             لجاعربخ"]);
    let shown = LayoutOptions {
        show_invisibles: true,
        ..unshaped()
    };
    let laid = layout(text, BaseDirection::Rtl, 20, &shown);
    let row = laid.row(0).unwrap();
    assert_eq!(row.text(false), "␛لجاع⇆ربخ");
    assert_eq!(row.cells().iter().filter(|c| c.is_marker()).count(), 2);
    // The escape marker stands for the whole sequence.
    let escape = row.cells().iter().find(|c| row.glyph(c) == "␛").unwrap();
    assert_eq!(&text[escape.source()], "\u{1b}[2J");
}

#[test]
fn terminal_and_off_modes_keep_logical_order() {
    let text = "قال (نعم)";
    let terminal = LayoutOptions {
        mode: BidiMode::Terminal,
        ..LayoutOptions::default()
    };
    assert_eq!(rows(text, 12, &terminal), ["   قال (نعم)"]);
    let off = LayoutOptions {
        mode: BidiMode::Off,
        ..LayoutOptions::default()
    };
    assert_eq!(rows(text, 12, &off), ["قال (نعم)"]);
}

#[test]
fn cells_map_back_to_the_input() {
    let text = "قال «نعم» 12";
    let laid = layout(text, BaseDirection::Rtl, 80, &unshaped());
    let row = laid.row(0).unwrap();
    for cell in row.cells() {
        let source = &text[cell.source()];
        let glyph = row.glyph(cell);
        let mirrored: String = source
            .chars()
            .map(|c| {
                unicode_bidi_mirroring::get_mirrored(c)
                    .filter(|_| cell.is_rtl())
                    .unwrap_or(c)
            })
            .collect();
        assert_eq!(glyph, mirrored);
    }
    assert_eq!(laid.row_of(text.find('1').unwrap()), Some(0));
    assert_eq!(laid.row_of(text.len()), None);
}

#[test]
fn bidi_modes_parse_and_cycle() {
    assert_eq!("Terminal".parse::<BidiMode>().unwrap(), BidiMode::Terminal);
    assert!("rtl".parse::<BidiMode>().is_err());
    assert_eq!(BidiMode::Off.next(), BidiMode::App);
}

/// One-line cases against GNU FriBidi 1.0.8 (reorders, mirrors and shapes one line; it cannot
/// wrap correctly, so it is only an oracle for lines that fit). Produced with
/// `fribidi --nopad --nobreak --rtl --reordernsm FILE | sed 's/\xef\xbb\xbf//g'` (FriBidi
/// leaves U+FEFF where a lam-alef ligature absorbed its alef; khabar leaves nothing).
#[test]
fn shaped_lines_match_fribidi() {
    for (logical, visual) in [
        (
            "قال الرئيس (بوتين) إن «المحادثات» ستبدأ في 9 أكتوبر/تشرين الأول 2020.",
            ".2020 ﻝﻭﻷﺍ ﻦﻳﺮﺸﺗ/ﺮﺑﻮﺘﻛﺃ 9 ﻲﻓ ﺃﺪﺒﺘﺳ «ﺕﺎﺛﺩﺎﺤﻤﻟﺍ» ﻥﺇ (ﻦﻴﺗﻮﺑ) ﺲﻴﺋﺮﻟﺍ ﻝﺎﻗ",
        ),
        (
            "وأشارت إلى تدمير 228 مدفع وأنظمة صواريخ، و30 منظومة دفاع جوي (S-300).",
            ".(S-300) ﻱﻮﺟ ﻉﺎﻓﺩ ﺔﻣﻮﻈﻨﻣ 30ﻭ ،ﺦﻳﺭﺍﻮﺻ ﺔﻤﻈﻧﺃﻭ ﻊﻓﺪﻣ 228 ﺮﻴﻣﺪﺗ ﻰﻟﺇ ﺕﺭﺎﺷﺃﻭ",
        ),
        (
            "ارتفع التضخم بنسبة 3.5% في الشهر الماضي",
            "ﻲﺿﺎﻤﻟﺍ ﺮﻬﺸﻟﺍ ﻲﻓ %3.5 ﺔﺒﺴﻨﺑ ﻢﺨﻀﺘﻟﺍ ﻊﻔﺗﺭﺍ",
        ),
        ("لا لأن لإن لآن الله مُحَمَّدٌ", "ﺪٌﻤَّﺤَﻣُ ﻪﻠﻟﺍ ﻥﻵ ﻥﻹ ﻥﻷ ﻻ"),
    ] {
        let laid = layout(
            logical,
            BaseDirection::Rtl,
            usize::MAX,
            &LayoutOptions::default(),
        );
        assert_eq!(laid.len(), 1);
        assert_eq!(laid.row(0).unwrap().text(false), visual, "{logical}");
    }
}

#[test]
fn shaped_lam_alef_is_one_cell_standing_for_two_letters() {
    let laid = layout("لا", BaseDirection::Rtl, 10, &LayoutOptions::default());
    let row = laid.row(0).unwrap();
    assert_eq!(row.width(), 1);
    assert_eq!(row.text(false), "\u{FEFB}");
    assert_eq!(row.cells()[0].source(), 0.."لا".len());
    // With a mark between them the ligature keeps the mark.
    let marked = layout("لَا", BaseDirection::Rtl, 10, &LayoutOptions::default());
    assert_eq!(marked.row(0).unwrap().text(false), "\u{FEFB}\u{064E}");
    // Never the ALLAH ligature.
    let allah = layout("الله", BaseDirection::Rtl, 10, &LayoutOptions::default());
    assert!(!allah.row(0).unwrap().text(false).contains('\u{FDF2}'));
}

#[test]
fn a_long_paragraph_lays_out_row_by_row_as_its_rows_alone() {
    // Long enough to be built in chunks and filled by parallel tasks; words without numbers,
    // so no rule looks across a row's edge and each row must equal its own text laid out.
    let sentence = "قالت الوزارة (في بيان) إن «المحادثات» لا تزال مُسْتَمِرَّة وسط خلافات، ";
    let text = sentence.repeat(2000);
    let laid = layout(&text, BaseDirection::Rtl, 33, &LayoutOptions::default());
    assert!(laid.len() > 1000);
    for row in laid.rows() {
        let alone = layout(
            &text[row.source()],
            BaseDirection::Rtl,
            33,
            &LayoutOptions::default(),
        );
        assert_eq!(alone.len(), 1);
        assert_eq!(row.text(true), alone.row(0).unwrap().text(true));
    }
}
