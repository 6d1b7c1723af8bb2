//! Shaping checked against two outside sources: the joining types of ArabicShaping.txt
//! (Unicode 15, vendored under `tests/data/unicode/`) and the shaped output of GNU FriBidi.

use khabar::core::bidi::shape::{Shaped, shape};
use unicode_normalization::UnicodeNormalization;

const ARABIC_SHAPING: &str = include_str!("data/unicode/ArabicShaping.txt");

const BEH: char = '\u{0628}';
const BEH_ISOLATED: char = '\u{FE8F}';
const BEH_FINAL: char = '\u{FE90}';
const BEH_INITIAL: char = '\u{FE91}';
const BEH_MEDIAL: char = '\u{FE92}';

fn shaped(text: &str) -> Vec<Shaped> {
    let mut out = Vec::new();
    shape(text, &mut out);
    assert_eq!(out.len(), text.chars().count(), "{text:?}");
    out
}

/// `(code point, joining type letter)` for every entry of ArabicShaping.txt.
fn joining_types() -> Vec<(char, char)> {
    let mut types = Vec::new();
    for line in ARABIC_SHAPING.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(';').map(str::trim).collect();
        let cp = u32::from_str_radix(fields[0], 16).unwrap();
        let kind = fields[2].chars().next().unwrap();
        types.push((char::from_u32(cp).unwrap(), kind));
    }
    assert!(types.len() > 800, "ArabicShaping.txt looks truncated");
    types
}

fn nfkd(c: char) -> String {
    c.to_string().nfkd().collect()
}

/// The full compatibility decompositions of the presentation forms (Arabic Presentation
/// Forms-A/B), from the `unicode-normalization` crate, independently of khabar's table: a
/// letter has forms when its own decomposition is among them. (Full, not one-step,
/// decompositions: alef with madda's forms decompose to alef + madda, as it does.)
fn decomposed_forms() -> std::collections::HashSet<String> {
    (0xFB50..=0xFDFF_u32)
        .chain(0xFE70..=0xFEFF)
        .filter_map(char::from_u32)
        .filter(|&form| nfkd(form) != form.to_string())
        .map(nfkd)
        .collect()
}

/// The presentation form shaping picked, checked to be a form of `letter`.
fn form_of(letter: char, shaped: Shaped, context: &str) -> char {
    let Shaped::Form(form) = shaped else {
        panic!(
            "U+{:04X} in {context}: {shaped:?}, want a form",
            letter as u32
        );
    };
    assert_eq!(
        nfkd(form),
        nfkd(letter),
        "U+{:04X} in {context}: U+{:04X} is not one of its forms",
        letter as u32,
        form as u32
    );
    form
}

/// Letters whose forms Unicode does not all have, and so fall back (see `shape.rs`):
/// noon ghunna has no initial or medial form, U+0677 no final one.
const INCOMPLETE: [char; 2] = ['\u{06BA}', '\u{0677}'];

#[test]
fn every_dual_and_right_joining_letter_with_forms_takes_the_form_its_type_allows() {
    let with_forms = decomposed_forms();
    let mut checked = [0; 2];
    for (letter, kind) in joining_types() {
        if !matches!(kind, 'D' | 'R' | 'L') {
            continue;
        }
        let alone = shaped(&letter.to_string());
        if !with_forms.contains(&nfkd(letter)) {
            assert_eq!(
                alone,
                [Shaped::Keep],
                "U+{:04X} has no forms",
                letter as u32
            );
            continue;
        }
        assert_ne!(kind, 'L', "no Arabic letter is left-joining");
        let after = shaped(&format!("{BEH}{letter}"));
        let before = shaped(&format!("{letter}{BEH}"));
        let between = shaped(&format!("{BEH}{letter}{BEH}"));
        let isolated = form_of(letter, alone[0], "alone");
        let fin = form_of(letter, after[1], "after beh");
        let initial = form_of(letter, before[0], "before beh");
        let medial = form_of(letter, between[1], "between behs");
        // Marks between the letters change nothing.
        let marked = shaped(&format!("{BEH}\u{064E}{letter}\u{0651}\u{064E}{BEH}"));
        assert_eq!(marked[2], between[1], "U+{:04X} with marks", letter as u32);
        // A beh before the letter always joins it: the letter joins back.
        assert_eq!(
            after[0],
            Shaped::Form(BEH_INITIAL),
            "U+{:04X}",
            letter as u32
        );
        let name = format!("U+{:04X} ({kind})", letter as u32);
        if kind == 'D' {
            checked[0] += 1;
            assert_eq!(before[1], Shaped::Form(BEH_FINAL), "{name}");
            assert_eq!(between[2], Shaped::Form(BEH_FINAL), "{name}");
            if letter == '\u{06BA}' {
                assert_eq!((initial, medial), (isolated, fin), "{name}");
                continue;
            }
            let mut all = vec![isolated, fin, initial, medial];
            all.dedup();
            assert_eq!(all.len(), 4, "{name}: forms not distinct: {all:?}");
        } else {
            checked[1] += 1;
            // A right-joining letter never joins the beh after it.
            assert_eq!(before[1], Shaped::Form(BEH_ISOLATED), "{name}");
            assert_eq!(between[2], Shaped::Form(BEH_ISOLATED), "{name}");
            assert_eq!(initial, isolated, "{name}");
            assert_eq!(medial, fin, "{name}");
            if letter == '\u{0677}' {
                assert_eq!(fin, isolated, "{name}");
            } else {
                assert_ne!(fin, isolated, "{name}");
            }
        }
    }
    // Unicode 15: 47 dual-joining and 28 right-joining letters have presentation forms.
    assert_eq!(checked, [47, 28]);
    for letter in INCOMPLETE {
        assert!(with_forms.contains(&nfkd(letter)));
    }
}

#[test]
fn every_joining_type_acts_on_its_neighbours_as_arabic_shaping_says() {
    let mut seen = std::collections::BTreeMap::new();
    for (c, kind) in joining_types() {
        // Between two behs: does the first join forward, the second back?
        let out = shaped(&format!("{BEH}{c}{BEH}"));
        let (joins_first, joins_second) = match kind {
            'D' | 'C' | 'T' => (true, true),
            'R' => (true, false),
            'L' => (false, true),
            'U' => (false, false),
            other => panic!("unknown joining type {other}"),
        };
        let first = if joins_first {
            BEH_INITIAL
        } else {
            BEH_ISOLATED
        };
        let second = if joins_second {
            BEH_FINAL
        } else {
            BEH_ISOLATED
        };
        let name = format!("U+{:04X} ({kind})", c as u32);
        assert_eq!(out[0], Shaped::Form(first), "{name}: beh before it");
        assert_eq!(out[2], Shaped::Form(second), "{name}: beh after it");
        if kind == 'T' {
            assert_eq!(out[1], Shaped::Keep, "{name}");
            let out = shaped(&format!("{BEH}{c}{BEH}{c}{BEH}"));
            assert_eq!(out[2], Shaped::Form(BEH_MEDIAL), "{name}");
        }
        *seen.entry(kind).or_insert(0) += 1;
    }
    assert_eq!(seen.len(), 6, "every joining type is listed: {seen:?}");
}

/// GNU FriBidi 1.0.8's shaping (Debian's `libfribidi-bin`): `(input, visual output, visual-to-logical map)`.
///
/// Produced with the `input` column in a file, one per line, and
///     fribidi --nobreak --nopad --nomirror --vtol inputs.txt
/// which prints, for each line, the visual string and then the map (space-separated
/// logical indexes, one per visual character); the two columns are that output verbatim
/// (format characters written as `\u{…}` escapes). FriBidi marks a lam-alef by putting the
/// ligature at the alef and U+FEFF where the lam was.
///
/// Left out on purpose, where khabar differs from FriBidi: lam + harakat + alef (FriBidi
/// makes no ligature across marks, khabar does), and letters whose form Unicode lacks
/// (noon ghunna in initial or medial position, U+0677 final: FriBidi keeps the nominal
/// letter, khabar draws the nearest form it has, see `shape.rs`).
const FRIBIDI: &[(&str, &str, &str)] = &[
    ("ب", "ﺏ", "0"),
    ("ببب", "ﺐﺒﺑ", "2 1 0"),
    ("مُحَمَّدٌ", "ﺪٌﻤَّﺤَﻣُ", "7 8 4 5 6 2 3 0 1"),
    ("لا", "ﻻ\u{FEFF}", "1 0"),
    ("لأن", "ﻥﻷ\u{FEFF}", "2 1 0"),
    ("لإطلاق", "ﻕﻼ\u{FEFF}ﻃﻹ\u{FEFF}", "5 4 3 2 1 0"),
    ("الآن", "ﻥﻵ\u{FEFF}ﺍ", "3 2 1 0"),
    ("خلال", "ﻝﻼ\u{FEFF}ﺧ", "3 2 1 0"),
    ("ملأ", "ﻸ\u{FEFF}ﻣ", "2 1 0"),
    ("للإعلام", "ﻡﻼ\u{FEFF}ﻋﻺ\u{FEFF}ﻟ", "6 5 4 3 2 1 0"),
    ("ملآن", "ﻥﻶ\u{FEFF}ﻣ", "3 2 1 0"),
    (
        "الأذربيجانية",
        "ﺔﻴﻧﺎﺠﻴﺑﺭﺫﻷ\u{FEFF}ﺍ",
        "11 10 9 8 7 6 5 4 3 2 1 0",
    ),
    ("والولايات", "ﺕﺎﻳﻻ\u{FEFF}ﻮﻟﺍﻭ", "8 7 6 5 4 3 2 1 0"),
    ("فلاديمير", "ﺮﻴﻤﻳﺩﻼ\u{FEFF}ﻓ", "7 6 5 4 3 2 1 0"),
    ("والآليات", "ﺕﺎﻴﻟﻵ\u{FEFF}ﺍﻭ", "7 6 5 4 3 2 1 0"),
    ("الله", "ﻪﻠﻟﺍ", "3 2 1 0"),
    ("عبدالله", "ﻪﻠﻟﺍﺪﺒﻋ", "6 5 4 3 2 1 0"),
    ("مـصـر", "ﺮـﺼـﻣ", "4 3 2 1 0"),
    ("جـــمـيـل", "ﻞـﻴـﻤـــﺟ", "8 7 6 5 4 3 2 1 0"),
    ("پچگی", "ﯽﮕﭽﭘ", "3 2 1 0"),
    ("گزارش", "ﺵﺭﺍﺰﮔ", "4 3 2 1 0"),
    ("می\u{200C}خواهم", "ﻢﻫﺍﻮﺧ\u{200C}ﯽﻣ", "7 6 5 4 3 2 1 0"),
    ("ب\u{200D}", "\u{200D}ﺑ", "1 0"),
    ("کتاب", "ﺏﺎﺘﮐ", "3 2 1 0"),
    ("شيء", "ءﻲﺷ", "2 1 0"),
    ("مسؤول", "ﻝﻭﺆﺴﻣ", "4 3 2 1 0"),
    ("رئيس", "ﺲﻴﺋﺭ", "3 2 1 0"),
    ("على", "ﻰﻠﻋ", "2 1 0"),
    ("قمة", "ﺔﻤﻗ", "2 1 0"),
    ("عام 2020 م", "ﻡ 2020 ﻡﺎﻋ", "9 8 4 5 6 7 3 2 1 0"),
    (
        "٢٠٢٠ ميلادية",
        "ﺔﻳﺩﻼ\u{FEFF}ﻴﻣ ٢٠٢٠",
        "11 10 9 8 7 6 5 4 0 1 2 3",
    ),
    ("NATO تعلن", "NATO ﻦﻠﻌﺗ", "0 1 2 3 4 8 7 6 5"),
    (
        "(S-300) صواريخ",
        "(S-300) ﺦﻳﺭﺍﻮﺻ",
        "0 1 2 3 4 5 6 7 13 12 11 10 9 8",
    ),
    ("إِنَّ اللَّهَ", "ﻪَﻠَّﻟﺍ ﻥَّﺇِ", "11 12 8 9 10 7 6 5 2 3 4 0 1"),
    ("قُرْآن", "ﻥﺁﺮْﻗُ", "5 4 2 3 0 1"),
    ("شكراً", "ﺍًﺮﻜﺷ", "3 4 2 1 0"),
    ("ٱلرحمن", "ﻦﻤﺣﺮﻟﭐ", "5 4 3 2 1 0"),
    (
        "روسيا: لا خطط لعقد قمة ثلاثية روسية - أرمينية - أذربيجانية لحل أزمة قره باغ",
        "ﻍﺎﺑ ﻩﺮﻗ ﺔﻣﺯﺃ ﻞﺤﻟ ﺔﻴﻧﺎﺠﻴﺑﺭﺫﺃ - ﺔﻴﻨﻴﻣﺭﺃ - ﺔﻴﺳﻭﺭ ﺔﻴﺛﻼ\u{FEFF}ﺛ ﺔﻤﻗ ﺪﻘﻌﻟ ﻂﻄﺧ ﻻ\u{FEFF} :ﺎﻴﺳﻭﺭ",
        "74 73 72 71 70 69 68 67 66 65 64 63 62 61 60 59 58 57 56 55 54 53 52 51 50 49 48 47 46 45 44 43 42 41 40 39 38 37 36 35 34 33 32 31 30 29 28 27 26 25 24 23 22 21 20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0",
    ),
    (
        "القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء",
        "ءﺎﺴﻣ 03:53 ,2020 ﺮﺑﻮﺘﻛﺃ 08 ﺲﻴﻤﺨﻟﺍ ﻂﺳﻮﻟﺍ ﺔﺑﺍﻮﺑ - ﺓﺮﻫﺎﻘﻟﺍ",
        "54 53 52 51 50 45 46 47 48 49 44 43 39 40 41 42 38 37 36 35 34 33 32 31 29 30 28 27 26 25 24 23 22 21 20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0",
    ),
];

/// khabar's shaping written the way FriBidi writes it (lam → U+FEFF, alef → ligature).
fn as_fribidi(text: &str) -> String {
    let mut ligature = None;
    text.chars()
        .zip(shaped(text))
        .map(|(c, s)| match s {
            Shaped::Keep => c,
            Shaped::Form(f) => f,
            Shaped::Ligature(l) => {
                ligature = Some(l);
                '\u{FEFF}'
            }
            Shaped::Absorbed => ligature.take().unwrap(),
        })
        .collect()
}

#[test]
fn shaping_matches_fribidi() {
    assert!(FRIBIDI.len() >= 30);
    for &(input, visual, vtol) in FRIBIDI {
        let visual: Vec<char> = visual.chars().collect();
        let vtol: Vec<usize> = vtol.split(' ').map(|i| i.parse().unwrap()).collect();
        assert_eq!(visual.len(), vtol.len(), "{input}");
        let mut logical = vec!['\0'; visual.len()];
        for (v, &l) in vtol.iter().enumerate() {
            logical[l] = visual[v];
        }
        let fribidi: String = logical.into_iter().collect();
        assert_eq!(as_fribidi(input), fribidi, "{input}");
    }
}
