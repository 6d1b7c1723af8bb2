//! Small text helpers shared by the loaders: Arabic letter tests, digit folding, word counts,
//! whitespace normalisation and language/direction detection. Search folding with offset
//! maps belongs to a later `fold` module; these helpers return plain strings.

use crate::core::article::Direction;

/// Arabic-script letters (the main Arabic block and its supplements and presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
        && c != '\u{0640}'
        && c != '\u{FEFF}'
}

/// Strong right-to-left letters: Arabic script, Hebrew, Syriac, Thaana, N'Ko.
pub fn is_rtl_letter(c: char) -> bool {
    is_arabic_letter(c)
        || matches!(c, '\u{0590}'..='\u{05FF}' | '\u{0700}'..='\u{07BF}' | '\u{07C0}'..='\u{07FF}')
}

/// The value of a decimal digit in ASCII, Arabic-Indic (٠–٩) or Extended Arabic-Indic (۰–۹).
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Replaces Arabic-Indic digits with ASCII digits, and the Arabic decimal and thousands
/// separators with `.` and `,`. Everything else is kept, so byte offsets change only where
/// a digit was replaced.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            _ => match digit_value(c) {
                Some(d) if !c.is_ascii_digit() => char::from_digit(d, 10).unwrap_or(c),
                _ => c,
            },
        })
        .collect()
}

/// The matching form of Arabic text: harakat, tatweel and bidi marks removed, alef forms
/// (أ إ آ ٱ) folded to ا, ى to ي, ة to ه, Arabic-Indic digits to ASCII. Used to compare
/// words that are spelled with or without hamza and vowel marks; not for display.
pub fn fold_arabic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => {}
            c if is_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            c => match digit_value(c) {
                Some(d) => out.push(char::from(b'0' + d as u8)),
                None => out.push(c),
            },
        }
    }
    out
}

/// Number of words: maximal runs of alphanumeric characters (marks join the run they follow).
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let wordy = c.is_alphanumeric() || is_mark(c);
        if wordy && !in_word {
            n += 1;
        }
        in_word = wordy;
    }
    n
}

/// Arabic harakat and other combining marks common in Arabic text.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0300}'..='\u{036F}')
}

/// Collapses runs of whitespace (including NBSP and other Unicode spaces) into one ASCII
/// space and trims the ends.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{200B}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Majority direction of the strong letters of `texts`; `None` when there are none.
pub fn majority_direction<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Direction> {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for t in texts {
        for c in t.chars() {
            if is_rtl_letter(c) {
                rtl += 1;
            } else if c.is_alphabetic() && !is_mark(c) {
                ltr += 1;
            }
        }
    }
    match (rtl, ltr) {
        (0, 0) => None,
        (r, l) if r >= l => Some(Direction::Rtl),
        _ => Some(Direction::Ltr),
    }
}

/// Language (ISO 639-1 where one exists) and direction of an article body.
///
/// `whatlang` decides between languages of the same script (Arabic, Persian, Urdu; English,
/// French, …); its answer is trusted only when it is reliable, else the script decides.
pub fn detect_language(sample: &str) -> (String, Direction) {
    let direction = majority_direction([sample]).unwrap_or(Direction::Ltr);
    let code = match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || sample.chars().count() > 200 => lang_code(info.lang()),
        _ => None,
    };
    let code = code.unwrap_or(match direction {
        Direction::Rtl if sample.chars().any(is_arabic_letter) => "ar",
        _ if sample.chars().any(char::is_alphabetic) => "und",
        _ => "und",
    });
    // Script beats a detector that names a language written the other way.
    let direction = match code {
        "ar" | "fa" | "ur" | "he" | "yi" => Direction::Rtl,
        _ => direction,
    };
    (code.to_string(), direction)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_digits_become_ascii() {
        assert_eq!(ascii_digits("١٤ سبتمبر ٢٠٢٢"), "14 سبتمبر 2022");
        assert_eq!(ascii_digits("۱۴۰۲"), "1402");
        assert_eq!(ascii_digits("٦٧٫٥"), "67.5");
    }

    #[test]
    fn folding_matches_spelling_variants() {
        assert_eq!(fold_arabic("الرَّئِيسُ"), "الرئيس");
        assert_eq!(fold_arabic("الـــرئيـــس"), "الرئيس");
        assert_eq!(fold_arabic("إقرأ أيضاً"), "اقرا ايضا");
        assert_eq!(fold_arabic("مستشفى المدينة ٢٠"), "مستشفي المدينه 20");
    }

    #[test]
    fn words_are_counted_across_scripts() {
        assert_eq!(word_count("قال الرئيس «NATO» 3754 عسكرياً."), 5);
        assert_eq!(word_count("مُحَمَّدٌ"), 1);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn majority_not_first_strong() {
        assert_eq!(
            majority_direction(["NATO تعلن عن خطة جديدة"]),
            Some(Direction::Rtl)
        );
        assert_eq!(
            majority_direction(["Putin قال hello world"]),
            Some(Direction::Ltr)
        );
        assert_eq!(majority_direction(["123 ..."]), None);
    }

    #[test]
    fn language_of_arabic_and_english() {
        let (ar, d) = detect_language(
            "أعلنت وزارة الدفاع الأذربيجانية أن قواتها تمكنت من تدمير نحو 200 دبابة",
        );
        assert_eq!((ar.as_str(), d), ("ar", Direction::Rtl));
        let (en, d) = detect_language(
            "The ministry of defence said its forces destroyed about 200 tanks on Wednesday.",
        );
        assert_eq!((en.as_str(), d), ("en", Direction::Ltr));
    }
}
