//! The words the text-date rules read, beyond the month and weekday names of the date lexicon
//! (`dates::lex`, which this falls back to): relative day words, ordinal day words, parts of the
//! day, year cues, and the context words that make a rule fire or hold back. Each word has at
//! most one meaning for the rules ([`W`]) and any number of context roles ([`Role`] bits).
//! Words are looked up folded (the `facts::folded` copy), with the clitics و/ف and ب/ل peeled
//! off when the whole word is unknown. Also the quick test that lets a paragraph with no digit
//! and no date word skip the rules.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use chrono::Weekday;
use rustc_hash::FxHashMap;

use crate::core::dates::{Head, Lex, has_digit, lex};
use crate::core::text::fold_arabic;

/// What a word means to the date rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum W {
    Greg(u32),
    GregHead(Head),
    Hijri(u32),
    HijriHead(Head),
    Weekday(Weekday),
    HijriMark,
    GregMark,
    /// أمس، الأمس
    Yesterday,
    /// اليوم
    Today,
    /// غداً (ambiguous without its tanween: غدا is also «became»)
    Tomorrow,
    /// غد، الغد: a day only after بعد, يوم or a part of the day.
    Ghad,
    /// أول (in «أول أمس»)
    Awwal,
    /// الأول … العاشر: the ordinal day 1–10.
    Ordinal(u8),
    /// الحادي، الواحد: 1, only before عشر or a ten.
    Unit1,
    /// عشر (11–19)
    Ashar,
    /// العشرين، الثلاثين
    Tens(u8),
    /// والعشرين، والثلاثين
    AndTens(u8),
    /// فاتح، غرة: the first day of the month named next («فاتح يوليوز», «غرة شهر شوال»).
    FirstOf,
    /// من
    Min,
    /// شهر
    Shahr,
    /// الشهر
    TheMonth,
    /// العام، السنة (before الماضي …) and عام، سنة (before a year)
    YearWord,
}

/// Context roles, as bits.
pub(super) type Role = u32;
/// May stand before an ordinal day or a yearless صفر date: في، منذ، يوم، الموافق …
pub(super) const PRE_DAY: Role = 1;
/// Makes the number after it a year: عام، العام، سنة، عامي.
pub(super) const YEAR_STRONG: Role = 1 << 1;
/// Makes the number after it a year if nothing speaks against it: في، منذ، بين، حتى …
pub(super) const YEAR_WEAK: Role = 1 << 2;
/// May follow a year read from a weak cue (a noun after it would make it a count).
pub(super) const FOLLOW_OK: Role = 1 << 3;
/// Names an event or a place after a date («ثورة 25 يناير», «ميدان 6 أكتوبر»): its year is
/// not the article's.
pub(super) const NAMED_AFTER: Role = 1 << 4;
/// Before a weekday word that is then not a day: «سوق الخميس», «أيام الجمعة».
pub(super) const NOT_WEEKDAY_BEFORE: Role = 1 << 5;
/// After a weekday word that is then not a day: «الأحد عشر», «الأحد الدامي».
pub(super) const NOT_WEEKDAY_AFTER: Role = 1 << 6;
/// Around الاثنين meaning «both»: «بين الاثنين», «الاثنين معاً».
pub(super) const BOTH: Role = 1 << 7;
/// Before اليوم meaning «the day», not today: «ذلك اليوم», «في اليوم».
pub(super) const NOT_TODAY_BEFORE: Role = 1 << 8;
/// After اليوم meaning «the day», not today: «اليوم التالي», «اليوم نفسه».
pub(super) const NOT_TODAY_AFTER: Role = 1 << 9;
/// مساء، صباح، ليلة … before a day.
pub(super) const DAY_PART: Role = 1 << 10;
/// يوم before a day.
pub(super) const YAWM: Role = 1 << 11;
/// المقبل، القادم
pub(super) const NEXT: Role = 1 << 12;
/// الماضي، الفائت، المنصرم
pub(super) const LAST: Role = 1 << 13;
/// الجاري، الحالي
pub(super) const CURRENT: Role = 1 << 14;
/// إلى، حتى between two years.
pub(super) const RANGE_TO: Role = 1 << 15;
/// بعد (in «بعد غد»)
pub(super) const BAAD: Role = 1 << 16;
/// Makes a month name alone a date: «في يناير», «منذ مطلع كانون الثاني», «خلال شهر جوان».
pub(super) const MONTH_CUE: Role = 1 << 17;
/// The start of a month, which makes a Hijri month alone a day: «منذ مطلع شعبان».
pub(super) const MONTH_START: Role = 1 << 18;

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Entry {
    pub(super) w: Option<W>,
    pub(super) roles: Role,
}

const MEANINGS: &[(&str, W)] = &[
    ("أمس", W::Yesterday),
    ("الأمس", W::Yesterday),
    ("اليوم", W::Today),
    ("غداً", W::Tomorrow),
    ("غد", W::Ghad),
    ("الغد", W::Ghad),
    ("أول", W::Awwal),
    ("الأول", W::Ordinal(1)),
    ("الثاني", W::Ordinal(2)),
    ("الثالث", W::Ordinal(3)),
    ("الرابع", W::Ordinal(4)),
    ("الخامس", W::Ordinal(5)),
    ("السادس", W::Ordinal(6)),
    ("السابع", W::Ordinal(7)),
    ("الثامن", W::Ordinal(8)),
    ("التاسع", W::Ordinal(9)),
    ("العاشر", W::Ordinal(10)),
    // Maghreb and Libya: «الفاتح من نوفمبر».
    ("الفاتح", W::Ordinal(1)),
    ("فاتح", W::FirstOf),
    ("غرة", W::FirstOf),
    ("الحادي", W::Unit1),
    ("الواحد", W::Unit1),
    ("عشر", W::Ashar),
    ("العشرين", W::Tens(20)),
    ("العشرون", W::Tens(20)),
    ("الثلاثين", W::Tens(30)),
    ("الثلاثون", W::Tens(30)),
    ("والعشرين", W::AndTens(20)),
    ("والعشرون", W::AndTens(20)),
    ("والثلاثين", W::AndTens(30)),
    ("والثلاثون", W::AndTens(30)),
    ("من", W::Min),
    ("شهر", W::Shahr),
    ("الشهر", W::TheMonth),
    ("العام", W::YearWord),
    ("السنة", W::YearWord),
];

/// Context words by role, space-separated (one string per role, read once into the table).
const ROLES: &[(Role, &str)] = &[
    (
        PRE_DAY,
        concat!(
            "في منذ حتى يوم قبل بعد بحلول حلول اعتبارا اعتباراً ابتداء ابتداءً من ",
            "إلى مع الموافق يوافق يصادف تصادف بتاريخ تاريخ ليلة مساء صباح ظهر فجر ",
            "عصر ظهيرة اليوم أمس غداً غد الغد بين لغاية غاية خلال و أو",
        ),
    ),
    (YEAR_STRONG, "عام العام سنة السنة عامي العامين سنتي السنتين"),
    (
        YEAR_WEAK,
        concat!(
            "في منذ بين حتى مطلع نهاية بداية خلال قبل بعد أوائل أواخر منتصف أواسط ",
            "إلى صيف شتاء خريف بحلول موسم in by since until during before after",
        ),
    ),
    // Particles, and verbs that open the clause a fronted year dates («في 2014 ضمت روسيا …»).
    (
        FOLLOW_OK,
        concat!(
            "و ثم حين حيث عندما لما حتى إلى قبل بعد على عن مع ضد لكن بينما أي في ",
            "وهو وهي كما إذ قد لم لن ما التي الذي عقب إثر كان كانت تم شهد شهدت بدأ ",
            "بدأت وقع وقعت اندلع اندلعت أعلن أعلنت قرر قررت صدر صدرت أصبح أصبحت عاد ",
            "عادت فاز فازت أطلق أطلقت ضم ضمت حصل حصلت تولى انضم انضمت توفي ولد تأسس ",
            "تأسست أقر أقرت وصل وصلت نشر نشرت أصدر أصدرت بلغ بلغت سجل سجلت ارتفع ",
            "ارتفعت تراجع تراجعت انخفض انخفضت زار زارت التقى انتهت انتهى وحده وحدها ",
            "فقط تقريباً أيضاً and to when but as",
        ),
    ),
    (
        NAMED_AFTER,
        concat!(
            "ثورة حرب انتفاضة حركة هجمات أحداث تفجيرات مجزرة ميدان مدينة شارع جسر ",
            "كوبري نادي جامعة ساحة حي جبهة قوى تحالف تيار لواء كتيبة مستشفى مطار ",
            "محطة مدرسة حديقة برج مجمع قرية ذكرى عيد رقم",
        ),
    ),
    (NOT_WEEKDAY_BEFORE, "سوق أيام كل الواحد"),
    (
        NOT_WEEKDAY_AFTER,
        "عشر الدامي الدامية الأسود السوداء الحزين الحزينة العظيمة العظيم",
    ),
    (
        BOTH,
        concat!(
            "بين كلا كلتا هذين هذان لدى عند كلي معاً كليهما كلاهما منهما البلدين ",
            "الطرفين الجانبين الزعيمين الرئيسين الوزيرين الرجلين الشخصين الفريقين ",
            "الدولتين الحزبين الشقيقين",
        ),
    ),
    // Outlets: «روسيا اليوم», «فلسطين اليوم», «أخبار اليوم».
    // «بين الأمس واليوم»: then and now.
    (
        NOT_TODAY_BEFORE,
        concat!(
            "في حتى إلى ذلك هذا تلك نفس مدار طوال طيلة خلال روسيا فلسطين أخبار ",
            "الأمس",
        ),
    ),
    (
        NOT_TODAY_AFTER,
        concat!(
            "التالي السابق الذي الأخير الآخر الموعود المحدد المقرر المشهود نفسه ",
            "ذاته عينه ذاتها نفسها",
        ),
    ),
    (DAY_PART, "مساء صباح ليلة ظهر فجر عصر ظهيرة ليل صبيحة"),
    (YAWM, "يوم"),
    (NEXT, "المقبل المقبلة القادم القادمة"),
    (LAST, "الماضي الماضية الفائت الفائتة المنصرم المنصرمة"),
    (CURRENT, "الجاري الجارية الحالي الحالية"),
    (RANGE_TO, "إلى حتى"),
    (BAAD, "بعد"),
    (
        MONTH_CUE,
        concat!(
            "في منذ حتى خلال مطلع بداية نهاية أواخر أوائل منتصف أواسط شهر شهري طيلة ",
            "طوال قبل بعد غاية مستهل",
        ),
    ),
    (MONTH_START, "مطلع بداية مستهل أوائل"),
];

/// Folded word → its meaning and roles (only the words of this file; month and weekday
/// names come from the date lexicon).
static TABLE: LazyLock<FxHashMap<String, Entry>> = LazyLock::new(|| {
    let mut m: FxHashMap<String, Entry> = FxHashMap::default();
    for &(word, w) in MEANINGS {
        m.entry(fold_arabic(word)).or_default().w = Some(w);
    }
    for &(role, list) in ROLES {
        for word in list.split_whitespace() {
            m.entry(fold_arabic(word)).or_default().roles |= role;
        }
    }
    m
});

fn from_lex(l: Lex) -> Option<W> {
    Some(match l {
        Lex::Greg(m) => W::Greg(m),
        Lex::GregHead(h) => W::GregHead(h),
        Lex::Hijri(m) => W::Hijri(m),
        Lex::HijriHead(h) => W::HijriHead(h),
        Lex::Weekday(d) => W::Weekday(d),
        Lex::HijriMark => W::HijriMark,
        Lex::GregMark => W::GregMark,
        Lex::YearWord => W::YearWord,
        _ => return None,
    })
}

/// A folded word exactly as given.
fn exact(word: &str) -> Option<Entry> {
    let own = TABLE.get(word).copied();
    let w = own
        .and_then(|e| e.w)
        .or_else(|| lex(word).and_then(from_lex));
    let roles = own.map_or(0, |e| e.roles);
    (w.is_some() || roles != 0).then_some(Entry { w, roles })
}

/// The entry of a folded word and the byte length of the clitics peeled off to find it
/// (و or ف, then ب or ل; at least two letters must remain).
pub(super) fn entry(word: &str) -> Option<(Entry, usize)> {
    if let Some(e) = exact(word) {
        return Some((e, 0));
    }
    let mut skip = 0;
    for set in [['و', 'ف'], ['ب', 'ل']] {
        let rest = &word[skip..];
        let Some(c) = rest.chars().next().filter(|c| set.contains(c)) else {
            continue;
        };
        let stem = &rest[c.len_utf8()..];
        if stem.chars().nth(1).is_none() {
            break;
        }
        skip += c.len_utf8();
        if let Some(e) = exact(stem) {
            return Some((e, skip));
        }
    }
    None
}

/// Pieces of the date words as they are written (before folding): one of them, or a digit,
/// must be in a paragraph for any rule to fire.
const NEEDLES: &str = concat!(
    "أمس امس يوم غد لأحد لاحد ثنين ثلاثاء ربعاء خميس جمعة جمعه ",
    "سبت الأول الاول ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر ",
    "فاتح حادي عشرين عشرون ثلاثين ثلاثون ماضي مقبل قادم جاري حالي ",
    // Month names, for «في يناير» and «منذ مطلع شعبان» (stems, or both spellings where a
    // short stem would be in every paragraph: آذار/اذار rather than ذار).
    "ناير براير مارس بريل مايو يونيو يونية يوليو يولية غسطس سبتمبر كتوبر ",
    "نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب يلول ",
    "تشرين غشت شتنبر نونبر دجنبر جانفي فيفري فريل جوان جويلية ",
    "محرم صفر ربيع جماد رجب شعبان رمضان شوال لقعدة لقعده لحجة لحجه غرة غره",
);

/// A DFA: every byte of every paragraph without a digit goes through it.
static NEEDLE_SCAN: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(needles())
        .ok()
});

/// Short month names, with the space or «و» before them: alone, «ماي» is in «حماية» and
/// «اوت» in «تفاوت», which would let most paragraphs through.
const SHORT_NEEDLES: &[&str] = &[" ماي", "وماي", " أوت", "وأوت", " اوت", "واوت"];

fn needles() -> impl Iterator<Item = &'static str> {
    NEEDLES
        .split_whitespace()
        .chain(SHORT_NEEDLES.iter().copied())
}

/// Harakat (U+064B–U+0652), the dagger alef (U+0670) or tatweel (U+0640): these can sit
/// inside a word and hide it from the needles. Branch-free so that it vectorises (five times
/// faster than stopping at the first hit, which is rare).
fn has_marks(b: &[u8]) -> bool {
    let mut hit = false;
    for (&lead, &t) in b.iter().zip(b.iter().skip(1)) {
        hit |= (lead == 0xD9) & ((t == 0x80) | (t.wrapping_sub(0x8B) < 8) | (t == 0xB0));
    }
    hit
}

/// Whether a paragraph may hold a date: a digit, a date word, or marks that could hide one.
/// A cheap scan of the bytes, so that most paragraphs skip the folding and the rules.
pub(super) fn maybe_dated(s: &str) -> bool {
    let b = s.as_bytes();
    has_digit(b) || NEEDLE_SCAN.as_ref().is_none_or(|ac| ac.is_match(s)) || has_marks(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word that can date a paragraph without a digit gets past the quick test. (Not
    /// «الواحد»: it needs a ten after it, «والعشرين», which has a needle.)
    #[test]
    fn needles_cover_the_date_words() {
        let lead = |w: W| {
            matches!(
                w,
                W::Yesterday | W::Today | W::Tomorrow | W::Ghad | W::Ordinal(_) | W::Tens(_)
            )
        };
        let words = MEANINGS
            .iter()
            .filter(|(_, w)| lead(*w))
            .map(|(word, _)| *word)
            .chain(["الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس"])
            .chain([
                "الجمعة",
                "السبت",
                "الماضي",
                "المقبلة",
                "القادم",
                "الجاري",
                "الحالي",
            ]);
        for word in words {
            assert!(maybe_dated(word), "{word}");
            assert!(maybe_dated(&fold_arabic(word)), "{word} folded");
        }
    }

    /// A month name after a cue («في يناير», «منذ مطلع شعبان») gets past it too, in every
    /// family and the common spellings.
    #[test]
    fn needles_cover_the_month_names() {
        let months = concat!(
            "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونية يوليو يولية أغسطس اغسطس ",
            "سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران ",
            "تموز آب أيلول ايلول تشرين ماي يوليوز غشت شتنبر نونبر دجنبر جانفي فيفري أفريل ",
            "افريل جوان جويلية أوت اوت محرم صفر ربيع جمادى رجب شعبان رمضان شوال"
        );
        for m in months.split_whitespace() {
            let phrase = format!("في {m}");
            assert!(maybe_dated(&phrase), "{phrase}");
        }
        for m in ["ذو القعدة", "ذي الحجة"] {
            assert!(maybe_dated(&format!("في {m}")), "{m}");
        }
    }
}
