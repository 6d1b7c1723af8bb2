//! The word lists of quantities, built once: number words and scales, the approximation and
//! bound phrases, the plural → singular list (`assets/facts/plurals.tsv`), units and
//! nationality adjectives (`assets/facts/*.txt`), and the small classes of words the rules
//! test (function words, month names, labels, designation heads …). Every key is folded
//! ([`fold`]), so a lookup is one hash of the folded word. Nothing here decides anything.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::core::facts::Approx;
use crate::core::text::fold_char;

pub(super) use super::class;

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum NumWord {
    /// 1–9, either gender.
    Unit(u8),
    /// أحد/إحدى/اثنا/اثنتي…: the first word of 11 and 12, a number only before عشر/عشرة.
    TeenHead(u8),
    /// عشر/عشرة: 10, or the second word of a teen.
    Ten,
    /// 20–90.
    Tens(u8),
    /// 100–900.
    Hundreds(u16),
    /// ألف, مليون, مليار: multiplies the number before it, or counts one on its own.
    Scale(f64),
    /// ألفان, مليونين: two of the scale.
    ScaleDual(f64),
    /// آلاف, ملايين: multiplies 3–10 before it; alone, a vague plural.
    ScalePlural(f64),
    /// عشرات, مئات, ألوف: vague plurals only; the value is the floor.
    Vague(f64),
    /// نصف, ربع, ثلث: a fraction of the scale word after it.
    Fraction(f64),
}

pub(super) struct Lexicon {
    pub numbers: FxHashMap<String, NumWord>,
    /// Every number word with the clitics it may carry («وأربع», «بثلاثة»): the clitic
    /// bytes and the word, so one lookup reads a word; and the same with the article
    /// («العشرات», «الأربعة») in `def_numbers`. The reading with fewer clitics wins
    /// («واحد» is one, not و + أحد).
    pub clitic_numbers: FxHashMap<String, (usize, NumWord)>,
    pub def_numbers: FxHashMap<String, (usize, NumWord)>,
    /// Folded plural → singular as printed.
    pub plurals: FxHashMap<String, &'static str>,
    /// Folded unit → as printed.
    pub units: FxHashMap<String, &'static str>,
    /// Folded singulars of the listed plurals and units: the nouns we know.
    pub singulars: FxHashSet<String>,
    /// Folded masculine singulars whose ـين/ـان form is a dual (units and listed singulars).
    pub dual_stems: FxHashSet<String>,
    /// Folded masculine nationality adjectives.
    pub nationalities: FxHashSet<String>,
    /// Approximation and bound phrases, folded words, keyed by their last word (with the
    /// clitics it may carry when it is also the first: «بنحو»), longest first: the word
    /// before a number finds its phrases in one lookup.
    pub approx: FxHashMap<String, Vec<(Vec<String>, Approx)>>,
    pub classes: FxHashMap<String, u32>,
}

impl Lexicon {
    pub fn class(&self, w: &str) -> u32 {
        self.classes.get(w).copied().unwrap_or(0)
    }

    pub fn is(&self, w: &str, c: u32) -> bool {
        self.class(w) & c != 0
    }
}

/// The folded form of a word, as [`crate::core::facts::folded::Folded`] makes it.
pub(super) fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: LazyLock<Lexicon> = LazyLock::new(build);
    &LEX
}

const PLURALS: &str = include_str!("../../../../assets/facts/plurals.tsv");
const UNITS: &str = include_str!("../../../../assets/facts/units.txt");
const NATIONALITIES: &str = include_str!("../../../../assets/facts/nationalities.txt");

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn build() -> Lexicon {
    let mut plurals = FxHashMap::default();
    for line in lines(PLURALS) {
        if let Some((pl, sg)) = line.split_once('\t') {
            plurals.insert(fold(pl.trim()), sg.trim());
        }
    }
    let units: FxHashMap<String, &'static str> = lines(UNITS).map(|u| (fold(u), u)).collect();
    let mut singulars: FxHashSet<String> = units.keys().cloned().collect();
    singulars.extend(plurals.values().map(|s| fold(s)));
    let mut dual_stems = singulars.clone();
    // A nisba singular's dual (جنديين) is written like its plural, and a singular whose
    // sound plural is listed (لاعبين) reads as that plural: neither is a safe dual.
    // Two-letter stems make words of their own (كمين is an ambush, not two km).
    dual_stems.retain(|s| !s.ends_with('ي') && !s.ends_with('ه') && s.chars().count() >= 3);
    dual_stems.retain(|s| {
        !plurals.contains_key(&format!("{s}ين")) && !plurals.contains_key(&format!("{s}ان"))
    });
    let numbers = number_words();
    let (clitic_numbers, def_numbers) = clitic_forms(&numbers);
    Lexicon {
        numbers,
        clitic_numbers,
        def_numbers,
        plurals,
        units,
        singulars,
        dual_stems,
        nationalities: lines(NATIONALITIES).map(fold).collect(),
        approx: approx_phrases(),
        classes: class::table(),
    }
}

fn number_words() -> FxHashMap<String, NumWord> {
    use NumWord::*;
    let mut m = FxHashMap::default();
    let mut put = |words: &str, v: NumWord| {
        for w in words.split_whitespace() {
            m.insert(fold(w), v);
        }
    };
    put("واحد واحدة واحداً واحدا", Unit(1));
    put("اثنان اثنين اثنتان اثنتين ثنتان ثنتين", Unit(2));
    put("ثلاث ثلاثة", Unit(3));
    put("أربع أربعة", Unit(4));
    put("خمس خمسة", Unit(5));
    put("ست ستة", Unit(6));
    put("سبع سبعة", Unit(7));
    put("ثمان ثماني ثمانية", Unit(8));
    put("تسع تسعة", Unit(9));
    put("أحد إحدى", TeenHead(1));
    put("اثنا اثني اثنتا اثنتي", TeenHead(2));
    put("عشر عشرة", Ten);
    for (words, n) in [
        ("عشرون عشرين", 20),
        ("ثلاثون ثلاثين", 30),
        ("أربعون أربعين", 40),
        ("خمسون خمسين", 50),
        ("ستون ستين", 60),
        ("سبعون سبعين", 70),
        ("ثمانون ثمانين", 80),
        ("تسعون تسعين", 90),
    ] {
        put(words, Tens(n));
    }
    put("مئة مائة", Hundreds(100));
    put(
        "مئتان مئتين مائتان مائتين مئتا مئتي مائتا مائتي",
        Hundreds(200),
    );
    for (head, n) in [
        ("ثلاث", 3),
        ("ثلث", 3),
        ("أربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("تسع", 9),
    ] {
        put(&format!("{head}مئة {head}مائة"), Hundreds(n * 100));
    }
    put("ألف ألفاً ألفا", Scale(1e3));
    put("مليون مليوناً مليونا", Scale(1e6));
    put("مليار ملياراً مليارا بليون بليوناً بليونا", Scale(1e9));
    put("تريليون تريليوناً تريليونا", Scale(1e12));
    // The construct forms (ألفي سائح) drop the ن.
    put("ألفان ألفين ألفي", ScaleDual(1e3));
    put("مليونان مليونين مليوني", ScaleDual(1e6));
    put("ملياران مليارين ملياري بليونان بليونين", ScaleDual(1e9));
    put("تريليونان تريليونين تريليوني", ScaleDual(1e12));
    put("آلاف", ScalePlural(1e3));
    put("ملايين", ScalePlural(1e6));
    put("مليارات ملايير بلايين", ScalePlural(1e9));
    put("تريليونات", ScalePlural(1e12));
    put("عشرات", Vague(20.0));
    put("مئات", Vague(200.0));
    put("ألوف ألوفاً ألوفا", Vague(2000.0));
    put("نصف", Fraction(0.5));
    put("ربع", Fraction(0.25));
    // English, for the English passages of mixed articles (folded text is lower case).
    for (w, n) in [
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
    ] {
        put(w, Unit(n));
    }
    put("ten", Ten);
    for (w, n) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ] {
        put(w, Tens(n));
    }
    put("hundred", Hundreds(100));
    put("thousand", Scale(1e3));
    put("million", Scale(1e6));
    put("billion bn", Scale(1e9));
    put("trillion", Scale(1e12));
    put("hundreds", Vague(200.0));
    put("thousands", ScalePlural(1e3));
    put("millions", ScalePlural(1e6));
    m
}

/// The clitics a word may carry, in the order readings are tried: و/ف, then ب/ل/ك.
pub(super) const CLITICS: [&str; 11] = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"];

type Forms = FxHashMap<String, (usize, NumWord)>;

fn clitic_forms(numbers: &FxHashMap<String, NumWord>) -> (Forms, Forms) {
    let (mut plain, mut def) = (Forms::default(), Forms::default());
    for p in CLITICS {
        for (w, &n) in numbers {
            plain.entry(format!("{p}{w}")).or_insert((p.len(), n));
            def.entry(format!("{p}ال{w}"))
                .or_insert((p.len() + "ال".len(), n));
            if p.ends_with('ل') {
                def.entry(format!("{p}ل{w}"))
                    .or_insert((p.len() + 'ل'.len_utf8(), n));
            }
        }
    }
    // «لست» is "I am not", never ل + ست.
    for w in ["لست", "ولست", "فلست"] {
        plain.remove(w);
    }
    (plain, def)
}

fn approx_phrases() -> FxHashMap<String, Vec<(Vec<String>, Approx)>> {
    use Approx::*;
    let table = [
        (
            "نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|تقارب|ما يناهز|يناهز|تناهز|ما يقرب من|يقرب من|تقريباً|في حدود|بحدود",
            About,
        ),
        (
            "أكثر من|ما يزيد على|ما يزيد عن|يزيد على|يزيد عن|تزيد على|تزيد عن|أزيد من|ما يربو على|يربو على|ما يفوق|يفوق|تفوق|فوق|ما فوق",
            MoreThan,
        ),
        ("أقل من|ما دون|دون|ما يقل عن|يقل عن|تقل عن", LessThan),
        ("ما لا يقل عن|لا يقل عن|لا تقل عن", AtLeast),
        // English, for the English passages of mixed articles.
        (
            "about|around|approximately|nearly|almost|roughly|some",
            About,
        ),
        ("more than|over|above|upwards of", MoreThan),
        ("less than|fewer than|under|below", LessThan),
        ("at least", AtLeast),
        ("up to", UpTo),
        // Without ما, «لتصل إلى 50 قتيلاً» is where a tally got to: exact.
        (
            "حتى|ما يصل إلى|ما قد يصل إلى|يصل إلى|تصل إلى|قد تصل إلى|لغاية",
            UpTo,
        ),
    ];
    let mut out: Vec<(Vec<String>, Approx)> = table
        .iter()
        .flat_map(|(phrases, a)| {
            phrases
                .split('|')
                .map(move |p| (p.split_whitespace().map(fold).collect(), *a))
        })
        .collect();
    out.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    let mut by_last: FxHashMap<String, Vec<(Vec<String>, Approx)>> = FxHashMap::default();
    for (words, a) in out {
        let Some(last) = words.last() else { continue };
        let keys: Vec<String> = if words.len() == 1 {
            CLITICS.iter().map(|c| format!("{c}{last}")).collect()
        } else {
            vec![last.clone()]
        };
        for k in keys {
            by_last.entry(k).or_default().push((words.clone(), a));
        }
    }
    by_last
}
