//! The word lists of written dates: Gregorian month names of the four families (with the
//! spelling variants of scraped text), Hijri months, weekdays, year markers, time words and
//! the few city time zones we trust. Words are compared after a light folding (harakat and
//! tatweel dropped, أ/إ/آ/ٱ → ا, ة → ه, ى → ي), done on the stack so lookups never allocate.

use std::sync::LazyLock;

use chrono::Weekday;
use chrono_tz::Tz;
use rustc_hash::FxHashMap;

use crate::core::text::{is_arabic_letter, is_mark};

/// What a folded word means to the date scanner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A one-word Gregorian month name.
    Greg(u32),
    /// كانون / تشرين: a month only with the following ordinal.
    GregHead(Head),
    /// A one-word Hijri month name.
    Hijri(u32),
    /// ربيع / جمادى / ذو: a month only with the following word.
    HijriHead(Head),
    Weekday(Weekday),
    /// «من» between day and month.
    Min,
    /// «عام» / «سنة» before a year.
    YearWord,
    HijriMark,
    GregMark,
    Pm,
    Am,
    /// «الساعة» before a time.
    Hour,
    /// «في» (or Maghrebi «على») before «الساعة».
    Fi,
    /// «بتوقيت» before a zone.
    Tawqit,
    /// غرينتش and spellings: UTC.
    Greenwich,
    /// «يوم» before a weekday.
    Yawm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    Kanun,
    Tishrin,
    Rabi,
    Jumada,
    Dhu,
}

/// A folded word, kept on the stack (longer words are never in the lexicon).
pub(crate) struct Folded {
    buf: [u8; 48],
    len: usize,
}

impl Folded {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Folds one word for lookup (the same folding as `text::fold_arabic`, without allocating);
/// None when it is too long to be a date word.
pub(crate) fn fold(word: &str) -> Option<Folded> {
    let mut f = Folded {
        buf: [0; 48],
        len: 0,
    };
    for c in word.chars().filter_map(crate::core::text::fold_char) {
        let n = c.len_utf8();
        if f.len + n > f.buf.len() {
            return None;
        }
        c.encode_utf8(&mut f.buf[f.len..f.len + n]);
        f.len += n;
    }
    Some(f)
}

/// Characters that belong to an Arabic word: letters, harakat and tatweel.
pub(crate) fn is_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_mark(c) || c == '\u{0640}'
}

const GREG: &[(&str, u32)] = &[
    // Egypt / Gulf
    ("يناير", 1),
    ("فبراير", 2),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونية", 6),
    ("يوليو", 7),
    ("يولية", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levant / Iraq (كانون and تشرين take an ordinal, see HEADS)
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    // Morocco
    ("ماي", 5),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    // Algeria / Tunisia
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
];

const HIJRI: &[(&str, u32)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("صفر", 2),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذوالقعدة", 11),
    ("ذيالقعدة", 11),
    ("ذوالحجة", 12),
    ("ذيالحجة", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الأحد", Weekday::Sun),
    ("الإثنين", Weekday::Mon),
    ("الاثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الأربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعة", Weekday::Fri),
    ("السبت", Weekday::Sat),
];

const OTHER: &[(&str, Lex)] = &[
    ("كانون", Lex::GregHead(Head::Kanun)),
    ("تشرين", Lex::GregHead(Head::Tishrin)),
    ("ربيع", Lex::HijriHead(Head::Rabi)),
    ("جمادى", Lex::HijriHead(Head::Jumada)),
    ("ذو", Lex::HijriHead(Head::Dhu)),
    ("ذي", Lex::HijriHead(Head::Dhu)),
    ("من", Lex::Min),
    ("عام", Lex::YearWord),
    ("سنة", Lex::YearWord),
    ("هـ", Lex::HijriMark),
    ("هجري", Lex::HijriMark),
    ("هجرية", Lex::HijriMark),
    ("الهجري", Lex::HijriMark),
    ("الهجرية", Lex::HijriMark),
    ("للهجرة", Lex::HijriMark),
    ("م", Lex::GregMark),
    ("ميلادي", Lex::GregMark),
    ("ميلادية", Lex::GregMark),
    ("الميلادي", Lex::GregMark),
    ("للميلاد", Lex::GregMark),
    ("مساء", Lex::Pm),
    ("مساءا", Lex::Pm),
    ("ظهرا", Lex::Pm),
    ("عصرا", Lex::Pm),
    ("صباحا", Lex::Am),
    ("صباح", Lex::Am),
    ("فجرا", Lex::Am),
    ("ص", Lex::Am),
    ("الساعة", Lex::Hour),
    ("في", Lex::Fi),
    // Maghrebi usage: «على الساعة 09:40».
    ("على", Lex::Fi),
    ("بتوقيت", Lex::Tawqit),
    ("توقيت", Lex::Tawqit),
    ("غرينتش", Lex::Greenwich),
    ("جرينتش", Lex::Greenwich),
    ("غرينيتش", Lex::Greenwich),
    ("جرينيتش", Lex::Greenwich),
    ("يوم", Lex::Yawm),
];

/// Cities and countries named after «بتوقيت»; ambiguous names (عمان: Amman or Oman,
/// طرابلس: Libya or Lebanon) are left out on purpose.
const ZONES: &[(&str, Tz)] = &[
    ("مكة", Tz::Asia__Riyadh),
    ("الرياض", Tz::Asia__Riyadh),
    ("السعودية", Tz::Asia__Riyadh),
    ("القدس", Tz::Asia__Jerusalem),
    ("غزة", Tz::Asia__Gaza),
    ("القاهرة", Tz::Africa__Cairo),
    ("مصر", Tz::Africa__Cairo),
    ("بيروت", Tz::Asia__Beirut),
    ("لبنان", Tz::Asia__Beirut),
    ("دمشق", Tz::Asia__Damascus),
    ("سوريا", Tz::Asia__Damascus),
    ("بغداد", Tz::Asia__Baghdad),
    ("العراق", Tz::Asia__Baghdad),
    ("الدوحة", Tz::Asia__Qatar),
    ("قطر", Tz::Asia__Qatar),
    ("أبوظبي", Tz::Asia__Dubai),
    ("دبي", Tz::Asia__Dubai),
    ("الإمارات", Tz::Asia__Dubai),
    ("الكويت", Tz::Asia__Kuwait),
    ("المنامة", Tz::Asia__Bahrain),
    ("البحرين", Tz::Asia__Bahrain),
    ("مسقط", Tz::Asia__Muscat),
    ("صنعاء", Tz::Asia__Aden),
    ("الأردن", Tz::Asia__Amman),
    ("الخرطوم", Tz::Africa__Khartoum),
    ("تونس", Tz::Africa__Tunis),
    ("الجزائر", Tz::Africa__Algiers),
    ("الرباط", Tz::Africa__Casablanca),
    ("المغرب", Tz::Africa__Casablanca),
    ("أنقرة", Tz::Europe__Istanbul),
    ("إسطنبول", Tz::Europe__Istanbul),
    ("اسطنبول", Tz::Europe__Istanbul),
    ("طهران", Tz::Asia__Tehran),
    ("نيويورك", Tz::America__New_York),
    ("واشنطن", Tz::America__New_York),
    ("لندن", Tz::Europe__London),
    ("موسكو", Tz::Europe__Moscow),
    ("باريس", Tz::Europe__Paris),
    ("برلين", Tz::Europe__Berlin),
];

/// Second words of the two-word month names, by head.
fn head_month(head: Head, second: &str) -> Option<u32> {
    match (head, second) {
        (Head::Kanun, "الثاني") => Some(1),
        (Head::Kanun, "الاول") => Some(12),
        (Head::Tishrin, "الاول") => Some(10),
        (Head::Tishrin, "الثاني") => Some(11),
        (Head::Rabi, "الاول") => Some(3),
        (Head::Rabi, "الاخر" | "الثاني") => Some(4),
        (Head::Jumada, "الاولي" | "الاول") => Some(5),
        (Head::Jumada, "الاخره" | "الثانيه" | "الاخر" | "الثاني") => {
            Some(6)
        }
        (Head::Dhu, "القعده") => Some(11),
        (Head::Dhu, "الحجه") => Some(12),
        _ => None,
    }
}

/// The month a head word and its folded second word name.
pub(crate) fn month_of_head(head: Head, second: &str) -> Option<u32> {
    head_month(head, second)
}

fn key(word: &str) -> String {
    fold(word)
        .map(|f| f.as_str().to_string())
        .unwrap_or_default()
}

/// Folded word → meaning. FxHash rather than SipHash: the lexicon is looked up for every
/// word that follows a number, and SipHash was a visible share of the scan time.
static LEXICON: LazyLock<FxHashMap<String, Lex>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for &(w, n) in GREG {
        m.insert(key(w), Lex::Greg(n));
    }
    for &(w, n) in HIJRI {
        m.insert(key(w), Lex::Hijri(n));
    }
    for &(w, d) in WEEKDAYS {
        m.insert(key(w), Lex::Weekday(d));
    }
    for &(w, l) in OTHER {
        m.insert(key(w), l);
    }
    m
});

static ZONE_TABLE: LazyLock<FxHashMap<String, Tz>> =
    LazyLock::new(|| ZONES.iter().map(|&(w, z)| (key(w), z)).collect());

/// Looks a folded word up.
pub(crate) fn lex(folded: &str) -> Option<Lex> {
    LEXICON.get(folded).copied()
}

/// Looks a folded city or country name up.
pub(crate) fn zone(folded: &str) -> Option<Tz> {
    ZONE_TABLE.get(folded).copied()
}

/// Splits a name into its Arabic words (anything else separates them).
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

fn month_by(word: &str, hijri: bool) -> Option<u32> {
    let mut it = words(word);
    let first = fold(it.next()?)?;
    let second = it.next().and_then(fold);
    if it.next().is_some() {
        return None;
    }
    let got = match (lex(first.as_str())?, second) {
        (Lex::Greg(m), None) if !hijri => m,
        (Lex::Hijri(m), None) if hijri => m,
        (Lex::GregHead(h), Some(s)) if !hijri => head_month(h, s.as_str())?,
        (Lex::HijriHead(h), Some(s)) if hijri => head_month(h, s.as_str())?,
        _ => return None,
    };
    Some(got)
}

/// The Gregorian month (1–12) a name gives, in any of the four families and the usual
/// scraped spellings («أكتوبر», «اكتوبر», «تشرين الأول», «أوت», «شتنبر»…).
pub fn month_from_name(word: &str) -> Option<u32> {
    month_by(word, false)
}

/// The Hijri month (1–12) a name gives («صفر», «ربيع الآخر», «ذي الحجة»…).
pub fn hijri_month_from_name(word: &str) -> Option<u32> {
    month_by(word, true)
}

/// The weekday a name gives («الأحد», «الاثنين», «والجمعة»…); a leading «و» is allowed.
pub fn weekday_from_name(word: &str) -> Option<Weekday> {
    let mut it = words(word);
    let w = it.next()?;
    if it.next().is_some() {
        return None;
    }
    weekday_folded(fold(w)?.as_str())
}

/// Weekday of a folded word, allowing a leading و.
pub(crate) fn weekday_folded(f: &str) -> Option<Weekday> {
    match lex(f) {
        Some(Lex::Weekday(d)) => Some(d),
        _ => match f.strip_prefix('و').map(lex) {
            Some(Some(Lex::Weekday(d))) => Some(d),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("يناير", 1)]
    #[case("كانون الثاني", 1)]
    #[case("جانفي", 1)]
    #[case("فيفري", 2)]
    #[case("شباط", 2)]
    #[case("اذار", 3)]
    #[case("آذار", 3)]
    #[case("ابريل", 4)]
    #[case("إبريل", 4)]
    #[case("أفريل", 4)]
    #[case("ايار", 5)]
    #[case("ماي", 5)]
    #[case("يونيه", 6)]
    #[case("يونية", 6)]
    #[case("جوان", 6)]
    #[case("يوليه", 7)]
    #[case("يوليوز", 7)]
    #[case("جويلية", 7)]
    #[case("اغسطس", 8)]
    #[case("آب", 8)]
    #[case("غشت", 8)]
    #[case("أوت", 8)]
    #[case("ايلول", 9)]
    #[case("شتنبر", 9)]
    #[case("اكتوبر", 10)]
    #[case("تشرين الاول", 10)]
    #[case("تشرين الثاني", 11)]
    #[case("نونبر", 11)]
    #[case("دجنبر", 12)]
    #[case("كانون الأول", 12)]
    #[case("سبتمبرَ", 9)]
    fn gregorian_names(#[case] w: &str, #[case] m: u32) {
        assert_eq!(month_from_name(w), Some(m));
    }

    #[rstest]
    #[case("محرم", 1)]
    #[case("صفر", 2)]
    #[case("ربيع الأول", 3)]
    #[case("ربيع الاخر", 4)]
    #[case("ربيع الثاني", 4)]
    #[case("جمادى الأولى", 5)]
    #[case("جمادي الاول", 5)]
    #[case("جمادى الآخرة", 6)]
    #[case("جمادى الثانية", 6)]
    #[case("رجب", 7)]
    #[case("شعبان", 8)]
    #[case("رمضان", 9)]
    #[case("شوال", 10)]
    #[case("ذو القعدة", 11)]
    #[case("ذي القعده", 11)]
    #[case("ذو الحجة", 12)]
    fn hijri_names(#[case] w: &str, #[case] m: u32) {
        assert_eq!(hijri_month_from_name(w), Some(m));
    }

    #[rstest]
    #[case("كانون")]
    #[case("صفر")]
    #[case("تشرين الثالث")]
    #[case("مارسيل")]
    #[case("")]
    fn not_gregorian_names(#[case] w: &str) {
        assert_eq!(month_from_name(w), None);
    }

    #[rstest]
    #[case("الأحد", Weekday::Sun)]
    #[case("الاثنين", Weekday::Mon)]
    #[case("الإثنين", Weekday::Mon)]
    #[case("الثلاثاء", Weekday::Tue)]
    #[case("الاربعاء", Weekday::Wed)]
    #[case("والخميس", Weekday::Thu)]
    #[case("الجمعه", Weekday::Fri)]
    #[case("السبت", Weekday::Sat)]
    fn weekdays(#[case] w: &str, #[case] d: Weekday) {
        assert_eq!(weekday_from_name(w), Some(d));
    }
}
