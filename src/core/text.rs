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

/// The text in Normalization Form C: one spelling per character sequence (harakat in
/// canonical order, hamza composed), so that matching, offsets and tags see the same text
/// whatever editor saved it. Most news text is already NFC; a cheap scan proves it for text
/// in ASCII, Latin-1, Arabic and common punctuation before the full check runs.
pub fn to_nfc(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if !may_need_nfc(&text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

/// False when `s` is certainly NFC: no character outside the ranges known to be stable, no
/// hamza or madda mark that could compose, and no two Arabic marks in a row.
fn may_need_nfc(s: &str) -> bool {
    let mut previous_mark = false;
    for c in s.chars() {
        // The common cases first: ASCII and Arabic letters.
        let mark = match c {
            '\0'..='\u{007F}' | '\u{0621}'..='\u{064A}' => false,
            '\u{0080}'..='\u{02FF}'
            | '\u{2002}'..='\u{206F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => false,
            '\u{0653}'..='\u{0655}' => return true,
            '\u{064B}'..='\u{0652}' | '\u{0670}' => true,
            '\u{0600}'..='\u{06FF}' if !is_mark(c) => false,
            _ => return true,
        };
        if mark && previous_mark {
            return true;
        }
        previous_mark = mark;
    }
    false
}

/// The matching form of Arabic text: harakat, tatweel and bidi marks removed, alef forms
/// (أ إ آ ٱ) folded to ا, ى and Persian ی to ي, ة and ھ to ه, Persian ک to ك, Arabic-Indic
/// digits to ASCII, ASCII letters to lower case. Used to compare words spelled with or
/// without hamza and vowel marks; not for display.
pub fn fold_arabic(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// One character of [`fold_arabic`]; `None` for a character that folding removes.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // The common cases first: ASCII, and Arabic letters that do not fold.
        'A'..='Z' => c.to_ascii_lowercase(),
        c if c.is_ascii() => c,
        'ء' | 'ؤ' | 'ئ' | 'ا'..='ش' | 'ص'..='ي' if !matches!(c, 'ة' | 'ى' | '\u{0640}') => {
            c
        }
        '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => return None,
        c if is_mark(c) => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' | 'ھ' => 'ه',
        'ک' => 'ك',
        c => match digit_value(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        },
    })
}

/// Whether `c` belongs to a word: a letter, digit or combining mark. ASCII and the Arabic
/// block are decided by range (this runs on every character of every article, and the
/// general Unicode tables are slow for Arabic); other scripts ask the Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Arabic punctuation and signs inside the block.
        '\u{0600}'..='\u{060F}'
        | '\u{061B}'..='\u{061F}'
        | '\u{066A}'..='\u{066D}'
        | '\u{06D4}'
        | '\u{06DD}'
        | '\u{06DE}'
        | '\u{06FD}'
        | '\u{06FE}' => false,
        '\u{0610}'..='\u{06FF}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
}

/// Number of words: maximal runs of word characters (marks join the run they follow).
pub fn word_count(s: &str) -> usize {
    count_words_up_to(s, usize::MAX)
}

/// Whether `s` has more than `limit` words; stops counting as soon as it knows.
pub fn has_more_words_than(s: &str, limit: usize) -> bool {
    count_words_up_to(s, limit + 1) > limit
}

fn count_words_up_to(s: &str, stop: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let wordy = is_word_char(c);
        if wordy && !in_word {
            n += 1;
            if n >= stop {
                return n;
            }
        }
        in_word = wordy;
    }
    n
}

/// Arabic harakat and other combining marks common in Arabic text.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0300}'..='\u{036F}')
}

/// The Arabic marks a reader may hide: harakat, Quranic annotation marks and the extended
/// marks of Arabic Extended-A (not tatweel, not letters).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}')
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
            if c.is_ascii() {
                ltr += usize::from(c.is_ascii_alphabetic());
            } else if is_rtl_letter(c) {
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
        // Arabic typed on a Persian keyboard.
        assert_eq!(fold_arabic("کتاب ھذا فی"), "كتاب هذا في");
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
    fn text_is_brought_to_nfc() {
        // Alef + hamza above composes to أ; shadda (ccc 33) goes after fatha (ccc 30).
        assert_eq!(to_nfc("\u{0627}\u{0654}".into()), "\u{0623}");
        assert_eq!(
            to_nfc("\u{0645}\u{0651}\u{064E}".into()),
            "\u{0645}\u{064E}\u{0651}"
        );
        assert_eq!(to_nfc("e\u{0301}".into()), "é");
        let plain = "قال «الرئيس» – عسكرياً… \u{2019}".to_string();
        assert!(!may_need_nfc(&plain));
        assert_eq!(to_nfc(plain.clone()), plain);
    }

    #[test]
    fn persian_and_urdu_are_not_arabic() {
        assert_eq!(
            detect_language("وزارت امور خارجه ایران روز یکشنبه اعلام کرد که گفتگوها ادامه دارد").0,
            "fa"
        );
        assert_eq!(
            detect_language("پاکستان کے وزیر اعظم نے کہا کہ حکومت نئے منصوبے شروع کرے گی").0,
            "ur"
        );
    }

    #[test]
    fn word_characters_by_range_agree_with_unicode() {
        for c in ('\u{0600}'..='\u{06FF}')
            .chain('a'..='z')
            .chain(['é', 'ж', '中', '٣', '،', '؟', '«'])
        {
            let unicode = c.is_alphanumeric() || is_mark(c);
            // Quranic annotation marks count as word characters so words stay whole.
            if !matches!(c, '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}') {
                assert_eq!(is_word_char(c), unicode, "{c:?} U+{:04X}", c as u32);
            }
        }
        assert!(has_more_words_than("واحد اثنان ثلاثة", 2));
        assert!(!has_more_words_than("واحد اثنان", 2));
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
