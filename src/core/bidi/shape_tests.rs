//! Unit tests of `shape`: one joining class or rule per test, expected code points written
//! out by hand (from the Unicode charts), not read back from the generated table.

use super::Shaped::{Absorbed, Form, Keep, Ligature};
use super::*;
use rstest::rstest;

fn shaped(text: &str) -> Vec<Shaped> {
    let mut out = Vec::new();
    shape(text, &mut out);
    out
}

/// The characters a terminal would be sent: forms and ligatures replace their letter,
/// absorbed alefs vanish, the rest is unchanged.
fn drawn(text: &str) -> String {
    text.chars()
        .zip(shaped(text))
        .filter_map(|(c, s)| match s {
            Keep => Some(c),
            Form(f) | Ligature(f) => Some(f),
            Absorbed => None,
        })
        .collect()
}

#[rstest]
#[case::alone("ب", "\u{FE8F}")]
#[case::two("بب", "\u{FE91}\u{FE90}")]
#[case::three("ببب", "\u{FE91}\u{FE92}\u{FE90}")]
#[case::four("بببب", "\u{FE91}\u{FE92}\u{FE92}\u{FE90}")]
#[case::words("بب ب", "\u{FE91}\u{FE90} \u{FE8F}")]
fn dual_joining_beh(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[rstest]
// Dal, alef and waw join the letter before them, never the one after.
#[case::dal_alone("د", "\u{FEA9}")]
#[case::dal_after("بد", "\u{FE91}\u{FEAA}")]
#[case::dal_before("دب", "\u{FEA9}\u{FE8F}")]
#[case::dal_between("بدب", "\u{FE91}\u{FEAA}\u{FE8F}")]
#[case::alef_alone("ا", "\u{FE8D}")]
#[case::alef_between("باب", "\u{FE91}\u{FE8E}\u{FE8F}")]
#[case::waw_alone("و", "\u{FEED}")]
#[case::waw_between("بوب", "\u{FE91}\u{FEEE}\u{FE8F}")]
#[case::two_right("دو", "\u{FEA9}\u{FEED}")]
fn right_joining(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[rstest]
#[case::space("ب ب", "\u{FE8F} \u{FE8F}")]
#[case::digit("ب1ب", "\u{FE8F}1\u{FE8F}")]
#[case::arabic_digit("ب٣ب", "\u{FE8F}٣\u{FE8F}")]
#[case::latin("aبb", "a\u{FE8F}b")]
#[case::punctuation("ب،ب", "\u{FE8F}،\u{FE8F}")]
// Hamza does not join and is left as it is; the yeh before it is final.
#[case::hamza("شيء", "\u{FEB7}\u{FEF2}ء")]
#[case::hamza_between("بءب", "\u{FE8F}ء\u{FE8F}")]
fn non_joining_neighbours(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[test]
fn hamza_is_kept() {
    assert_eq!(shaped("ء"), [Keep]);
}

#[test]
fn marks_are_kept_and_letters_join_across_them() {
    // م ُ ح َ م ّ َ د ٌ
    assert_eq!(
        shaped("مُحَمَّدٌ"),
        [
            Form('\u{FEE3}'),
            Keep,
            Form('\u{FEA4}'),
            Keep,
            Form('\u{FEE4}'),
            Keep,
            Keep,
            Form('\u{FEAA}'),
            Keep,
        ]
    );
}

#[rstest]
#[case::leading_mark("\u{064E}ب", "\u{064E}\u{FE8F}")]
#[case::trailing_mark("بب\u{064B}", "\u{FE91}\u{FE90}\u{064B}")]
#[case::mark_alone("\u{0651}", "\u{0651}")]
// Marks outside the Arabic block are transparent too (combining acute, U+0301).
#[case::latin_mark("ب\u{0301}ب", "\u{FE91}\u{0301}\u{FE90}")]
#[case::superscript_alef("بٰب", "\u{FE91}\u{0670}\u{FE90}")]
fn transparent_marks(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[rstest]
#[case::after("بـ", "\u{FE91}ـ")]
#[case::before("ـب", "ـ\u{FE90}")]
#[case::between("بـب", "\u{FE91}ـ\u{FE90}")]
#[case::long("مـصـر", "\u{FEE3}ـ\u{FEBC}ـ\u{FEAE}")]
// Tatweel after a right-joining letter: the letter cannot join forward.
#[case::after_dal("دـ", "\u{FEA9}ـ")]
#[case::before_dal("ـد", "ـ\u{FEAA}")]
fn tatweel_causes_joining(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[rstest]
#[case::zwj_after("ب\u{200D}", "\u{FE91}\u{200D}")]
#[case::zwj_before("\u{200D}ب", "\u{200D}\u{FE90}")]
#[case::zwj_between("ب\u{200D}ب", "\u{FE91}\u{200D}\u{FE90}")]
#[case::zwnj_between("ب\u{200C}ب", "\u{FE8F}\u{200C}\u{FE8F}")]
// Persian «می‌خواهم»: ZWNJ splits mi from the verb.
#[case::zwnj_persian(
    "می\u{200C}خواهم",
    "\u{FEE3}\u{FBFD}\u{200C}\u{FEA7}\u{FEEE}\u{FE8D}\u{FEEB}\u{FEE2}"
)]
fn zwj_joins_and_zwnj_breaks(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[test]
fn left_joining_neighbour_joins_forward_only() {
    // U+A872 PHAGS-PA SUPERFIXED LETTER RA is left-joining (no presentation forms).
    assert_eq!(drawn("\u{A872}ب"), "\u{A872}\u{FE90}");
    assert_eq!(drawn("ب\u{A872}"), "\u{FE8F}\u{A872}");
}

#[rstest]
#[case::madda('\u{0622}', '\u{FEF5}', '\u{FEF6}')]
#[case::hamza_above('\u{0623}', '\u{FEF7}', '\u{FEF8}')]
#[case::hamza_below('\u{0625}', '\u{FEF9}', '\u{FEFA}')]
#[case::plain('\u{0627}', '\u{FEFB}', '\u{FEFC}')]
fn lam_alef(#[case] alef: char, #[case] isolated: char, #[case] fin: char) {
    assert_eq!(shaped(&format!("ل{alef}")), [Ligature(isolated), Absorbed]);
    assert_eq!(
        shaped(&format!("ب ل{alef}")),
        [Form('\u{FE8F}'), Keep, Ligature(isolated), Absorbed]
    );
    // After a right-joining letter the lam cannot join back: still isolated.
    assert_eq!(
        shaped(&format!("ال{alef}")),
        [Form('\u{FE8D}'), Ligature(isolated), Absorbed]
    );
    assert_eq!(
        shaped(&format!("بل{alef}")),
        [Form('\u{FE91}'), Ligature(fin), Absorbed]
    );
    // The ligature ends in an alef: the letter after it does not join it.
    assert_eq!(
        shaped(&format!("بل{alef}ب")),
        [Form('\u{FE91}'), Ligature(fin), Absorbed, Form('\u{FE8F}')]
    );
}

#[rstest]
#[case::one_mark("لَا", &[Ligature('\u{FEFB}'), Keep, Absorbed])]
#[case::two_marks("لَّا", &[Ligature('\u{FEFB}'), Keep, Keep, Absorbed])]
#[case::final_with_mark("بلَأ", &[Form('\u{FE91}'), Ligature('\u{FEF8}'), Keep, Absorbed])]
// Mark on the alef stays after it, kept.
#[case::mark_after_alef("لاً", &[Ligature('\u{FEFB}'), Absorbed, Keep])]
fn lam_marks_alef(#[case] text: &str, #[case] want: &[Shaped]) {
    assert_eq!(shaped(text), want);
}

#[rstest]
// Tatweel and ZWJ join but are not transparent: no ligature, the letters join through them.
#[case::tatweel("لـا", "\u{FEDF}ـ\u{FE8E}")]
#[case::zwj("ل\u{200D}ا", "\u{FEDF}\u{200D}\u{FE8E}")]
#[case::zwnj("ل\u{200C}ا", "\u{FEDD}\u{200C}\u{FE8D}")]
#[case::space("ل ا", "\u{FEDD} \u{FE8D}")]
// Alef before lam is not a ligature (the «ال» of the article).
#[case::alef_lam("ال", "\u{FE8D}\u{FEDD}")]
// Lam before another alef-like letter (alef maksura, alef wasla): ordinary joining.
#[case::alef_maksura("لى", "\u{FEDF}\u{FEF0}")]
#[case::alef_wasla("لٱ", "\u{FEDF}\u{FB51}")]
fn lam_without_ligature(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[test]
fn lam_lam_alef() {
    assert_eq!(
        shaped("للا"),
        [Form('\u{FEDF}'), Ligature('\u{FEFC}'), Absorbed]
    );
}

#[test]
fn no_allah_ligature() {
    // ا ل ل ه: alef isolated, lam initial, lam medial, heh final; U+FDF2 never appears.
    assert_eq!(drawn("الله"), "\u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}");
    assert_eq!(drawn("لله"), "\u{FEDF}\u{FEE0}\u{FEEA}");
    assert!(!drawn("عبدالله بسم الله").contains('\u{FDF2}'));
}

#[rstest]
// Isolated, final, initial, medial of each: پ چ گ ی.
#[case::peh('پ', ['\u{FB56}', '\u{FB57}', '\u{FB58}', '\u{FB59}'])]
#[case::tcheh('چ', ['\u{FB7A}', '\u{FB7B}', '\u{FB7C}', '\u{FB7D}'])]
#[case::gaf('گ', ['\u{FB92}', '\u{FB93}', '\u{FB94}', '\u{FB95}'])]
#[case::farsi_yeh('ی', ['\u{FBFC}', '\u{FBFD}', '\u{FBFE}', '\u{FBFF}'])]
#[case::keheh('ک', ['\u{FB8E}', '\u{FB8F}', '\u{FB90}', '\u{FB91}'])]
fn persian_letters(#[case] letter: char, #[case] forms: [char; 4]) {
    let [isolated, fin, initial, medial] = forms;
    assert_eq!(shaped(&letter.to_string()), [Form(isolated)]);
    assert_eq!(shaped(&format!("ب{letter}"))[1], Form(fin));
    assert_eq!(shaped(&format!("{letter}ب"))[0], Form(initial));
    assert_eq!(shaped(&format!("ب{letter}ب"))[1], Form(medial));
}

#[rstest]
// Noon ghunna has only isolated and final forms: medial falls back to final, initial to
// isolated (the beh after it keeps its join).
#[case::ghunna_alone("ں", "\u{FB9E}")]
#[case::ghunna_final("بں", "\u{FE91}\u{FB9F}")]
#[case::ghunna_initial("ںب", "\u{FB9E}\u{FE90}")]
#[case::ghunna_medial("بںب", "\u{FE91}\u{FB9F}\u{FE90}")]
// U+0677 has only an isolated form.
#[case::u_hamza_final("بٷ", "\u{FE91}\u{FBDD}")]
fn missing_forms_fall_back(#[case] text: &str, #[case] want: &str) {
    assert_eq!(drawn(text), want);
}

#[test]
fn letters_without_forms_are_kept_but_join() {
    // U+08A0 (beh with small v below) is dual-joining with no presentation forms.
    assert_eq!(shaped("\u{08A0}"), [Keep]);
    assert_eq!(drawn("ب\u{08A0}ب"), "\u{FE91}\u{08A0}\u{FE90}");
}

#[rstest]
#[case::empty("")]
#[case::ascii("NATO said, 3.5% (S-300).")]
#[case::latin1("café naïve — «quoted»")]
#[case::hebrew("שלום עולם")]
#[case::cjk("漢字テスト")]
fn non_arabic_is_all_keep(#[case] text: &str) {
    let out = shaped(text);
    assert_eq!(out.len(), text.chars().count());
    assert!(out.iter().all(|s| *s == Keep));
}

#[test]
fn mixed_text_keeps_latin_and_digits() {
    assert_eq!(
        drawn("NATO تعلن 2020"),
        "NATO \u{FE97}\u{FECC}\u{FEE0}\u{FEE6} 2020"
    );
}

#[test]
fn out_is_cleared_and_reused() {
    let mut out = vec![Absorbed; 10];
    shape("بب", &mut out);
    assert_eq!(out, [Form('\u{FE91}'), Form('\u{FE90}')]);
    shape("ab", &mut out);
    assert_eq!(out, [Keep, Keep]);
}

proptest::proptest! {
    #[test]
    fn one_entry_per_char_and_absorbed_only_after_a_ligature(text in "[\\PC\u{0600}-\u{06FF}\u{200C}\u{200D} ]{0,40}") {
        let out = shaped(&text);
        proptest::prop_assert_eq!(out.len(), text.chars().count());
        let chars: Vec<char> = text.chars().collect();
        for (i, s) in out.iter().enumerate() {
            if *s == Absorbed {
                let lam = (0..i)
                    .rev()
                    .find(|&j| get_joining_type(chars[j]) != JoiningType::Transparent);
                proptest::prop_assert!(matches!(lam.map(|j| out[j]), Some(Ligature(_))));
            }
            if let Ligature(_) = s {
                proptest::prop_assert_eq!(chars[i], '\u{0644}');
            }
        }
    }
}
