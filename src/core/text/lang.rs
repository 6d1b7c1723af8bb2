//! Telling the language and the direction of text: the majority of strong letters for the
//! direction, distinctive letters for the languages written in Arabic script, and
//! `whatlang` for the others. Word characters, folding and NFC are `text`'s.

use std::sync::LazyLock;

use super::classes::Table;
use super::{is_arabic_letter, is_mark, is_rtl_letter};
use crate::core::article::Direction;

/// Majority direction of the strong letters of `texts`; `None` when there are none.
pub fn majority_direction<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Direction> {
    let (mut rtl, mut ltr) = (0, 0);
    for t in texts {
        let (r, l) = strong_counts(t);
        rtl += r;
        ltr += l;
    }
    majority_of(rtl, ltr)
}

/// How many right-to-left and left-to-right strong letters `text` has.
pub fn strong_counts(text: &str) -> (usize, usize) {
    // Indexed by class: none, right-to-left, left-to-right.
    let mut counts = [0usize; 3];
    for class in STRONG.classes(text) {
        counts[usize::from(class)] += 1;
    }
    (counts[RTL], counts[LTR])
}

/// The direction of the majority of `rtl` and `ltr` letters (a tie is right-to-left).
pub fn majority_of(rtl: usize, ltr: usize) -> Option<Direction> {
    match (rtl, ltr) {
        (0, 0) => None,
        (r, l) if r >= l => Some(Direction::Rtl),
        _ => Some(Direction::Ltr),
    }
}

const RTL: usize = 1;
const LTR: usize = 2;

/// The strong direction of each character: the table behind [`majority_direction`], which
/// runs over whole paragraphs.
static STRONG: LazyLock<Table> = LazyLock::new(|| Table::new(strong_class));

/// 0 for no strong direction, [`RTL`] or [`LTR`].
fn strong_class(c: char) -> u8 {
    let ltr = if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_rtl_letter(c) {
        return RTL as u8;
    } else {
        c.is_alphabetic() && !is_mark(c)
    };
    if ltr { LTR as u8 } else { 0 }
}

/// Language (ISO 639-1 where one exists) and direction of an article body.
///
/// Arabic script is told apart by letters only Persian or Urdu use (پ چ ژ گ ک ی; ٹ ڈ ڑ ں ے)
/// against Arabic-only ones (ة ى ي), which is both faster and surer than a trigram model on
/// news text; other scripts are left to `whatlang`, trusted only when it is reliable.
pub fn detect_language(sample: &str) -> (String, Direction) {
    let direction = majority_direction([sample]).unwrap_or(Direction::Ltr);
    if direction == Direction::Rtl && sample.chars().any(is_arabic_letter) {
        return (arabic_script_language(sample).to_string(), Direction::Rtl);
    }
    // A few hundred characters are plenty for a trigram model.
    let end = sample
        .char_indices()
        .nth(600)
        .map_or(sample.len(), |(i, _)| i);
    let sample = &sample[..end];
    let code = match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || sample.chars().count() > 200 => lang_code(info.lang()),
        _ => None,
    };
    let code = code.unwrap_or("und");
    // Script beats a detector that names a language written the other way.
    let direction = match code {
        "he" | "yi" => Direction::Rtl,
        _ => direction,
    };
    (code.to_string(), direction)
}

fn arabic_script_language(sample: &str) -> &'static str {
    let (mut arabic, mut persian, mut urdu) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c {
            'ة' | 'ى' | 'ي' | 'إ' | 'ؤ' => arabic += 1,
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => urdu += 1,
            _ => {}
        }
    }
    if urdu > arabic && urdu * 2 >= persian {
        "ur"
    } else if persian > arabic {
        "fa"
    } else {
        "ar"
    }
}

fn lang_code(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Ara => "ar",
        Pes => "fa",
        Urd => "ur",
        Heb => "he",
        Yid => "yi",
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Rus => "ru",
        Tur => "tr",
        Nld => "nl",
        Ukr => "uk",
        Aze => "az",
        Hye => "hy",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Ind => "id",
        _ => return None,
    })
}
