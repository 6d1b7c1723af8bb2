//! The words the claim rules read: the cue lexicon from `assets/facts/cues.tsv` (reporting
//! verbs, participles, source phrases and hedges, with their stance and the verb they belong
//! to), and the small closed lists that bound a claimant phrase (prepositions and time words,
//! complementisers, construct heads, clause openers, titles). All folded.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::CueKind;
use crate::core::facts::Stance;
use crate::core::text::fold_arabic;

pub(super) struct CueEntry {
    pub(super) stance: Stance,
    pub(super) kind: CueKind,
    /// The line of `cues.tsv` the verb is on: inflections of one verb (and its participles)
    /// share it, so a cue can be told apart from another verb's.
    pub(super) group: usize,
    /// Folded words after the first; a lone «ل» also matches a word glued to it («لمركز»).
    pub(super) rest: Vec<String>,
}

pub(super) static CUES: LazyLock<FxHashMap<String, Vec<CueEntry>>> = LazyLock::new(|| {
    let lines: Vec<(usize, &str)> = include_str!("../../../../assets/facts/cues.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    // The line each verb form is on, for participles that name their verb.
    let mut line_of: FxHashMap<String, usize> = FxHashMap::default();
    for &(n, line) in &lines {
        for form in line
            .split('\t')
            .nth(2)
            .unwrap_or_default()
            .split_whitespace()
        {
            if !form.contains(':') {
                line_of.entry(fold_arabic(form)).or_insert(n);
            }
        }
    }
    let mut map: FxHashMap<String, Vec<CueEntry>> = FxHashMap::default();
    for (n, line) in lines {
        let mut cols = line.split('\t');
        let (Some(stance), Some(kind), Some(forms)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let stance = match stance {
            "affirms" => Stance::Affirms,
            "denies" => Stance::Denies,
            "accuses" => Stance::Accuses,
            "distances" => Stance::Distances,
            "probable" => Stance::Probable,
            "future" => Stance::Future,
            _ => Stance::States,
        };
        let kind = match kind {
            "participle" => CueKind::Participle,
            "source" => CueKind::Source,
            "hedge" => CueKind::Hedge,
            _ => CueKind::Verb,
        };
        for form in forms.split_whitespace() {
            let (form, verb) = form.split_once(':').unwrap_or((form, ""));
            let group = line_of.get(&fold_arabic(verb)).copied().unwrap_or(n);
            let mut words = form.split('_').map(fold_arabic);
            let Some(first) = words.next() else { continue };
            let entry = CueEntry {
                stance,
                kind,
                group,
                rest: words.collect(),
            };
            map.entry(first).or_default().push(entry);
        }
    }
    // Longer phrases first, so «بحسب ما» wins over «بحسب».
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// The verb a cue belongs to, as a number shared by its inflections and participles
/// («وقالت», «قال» and «قائلة» share one): for comparing a cue found in the text with one
/// written in dictionary form. None for a word that is no cue.
pub(crate) fn cue_group(cue: &str) -> Option<usize> {
    let folded = fold_arabic(cue);
    let first = folded.split([' ', '_']).next().unwrap_or_default();
    let candidates = [
        Some(first),
        first.strip_prefix('و').filter(|s| s.chars().count() >= 2),
        first.strip_prefix('ف').filter(|s| s.chars().count() >= 3),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|w| CUES.get(w).and_then(|es| es.first()).map(|e| e.group))
}

/// Folded words that end a claimant phrase: the complementiser, prepositions, time words.
#[rustfmt::skip]
pub(super) const BOUNDARY: &[&str] = &[
    "ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها", "بانهم", "الي", "عن",
    "علي", "في", "من", "خلال", "منذ", "ضد", "حول", "ازاء", "مع", "بعد", "قبل", "امس", "اليوم",
    "صباح", "مساء", "ليل", "ليله", "امام", "عبر", "يوم", "لدي", "حين", "عند", "اثر", "عقب",
    "تجاه", "ما", "لا", "لم", "لن", "قد", "وان", "فان", "الاحد", "الاثنين", "الثلاثاء",
    "الاربعاء", "الخميس", "الجمعه", "السبت", "وذلك", "هو", "هي", "بين", "الاسبوع", "الشهر",
    "السنه", "الماضي", "الجاري", "الحالي", "صباحا", "غدا", "مجددا", "رسميا", "ايضا",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي",
];

/// Folded adverbs that may come between a verb and its subject.
#[rustfmt::skip]
pub(super) const ADVERBS: &[&str] = &[
    "فيه", "فيها", "ايضا", "كذلك", "مجددا", "مرارا", "رسميا", "بدوره", "بدورها", "اليوم", "امس",
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
];

/// Present-tense passives that introduce background, not a claim: «يُذكر أن», «يُشار إلى».
pub(super) const BACKGROUND: &[&str] = &["يذكر", "يشار", "ويذكر", "ويشار", "تذكر"];

/// «أن» and its forms: the content of a claim starts after the first of them.
#[rustfmt::skip]
pub(super) const COMPLEMENTISERS: &[&str] = &[
    "ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها", "بانهم", "وان", "فان",
];

/// Common nouns that head a construct naming a claimant («رئيس أذربيجان», «مصادر طبية»):
/// only after one of these may an indefinite word follow the head.
#[rustfmt::skip]
pub(super) const CONSTRUCT_HEADS: &[&str] = &[
    "رئيس", "وزير", "وزيره", "مسؤول", "مسؤولون", "مسؤولين", "مصادر", "مصدر", "وزاره", "متحدث",
    "ناطق", "نائب", "قائد", "مدير", "امين", "سفير", "مندوب", "مركز", "وكاله", "هييه", "منظمه",
    "مجلس", "جيش", "قوات", "بنك", "شركه", "حكومه", "جهاز", "خبراء", "خبير", "محللون", "شهود",
    "سكان", "مكتب", "بيان", "تقرير", "دائره", "مؤسسه", "ادارة", "اداره", "مستشار", "زعيم", "قاده", "مسؤولو",
    "مصادر",
    "وسائل", "وكالات", "صحف", "مصادر", "اوساط", "منظمات",
];

/// Folded words that are reports, whose truth a denial rejects.
#[rustfmt::skip]
pub(super) const REPORTS: &[&str] = &[
    "التقارير", "الانباء", "المعلومات", "الادعاءات", "المزاعم", "الاتهامات", "التصريحات",
    "الروايه", "الانباء", "الاخبار", "تقارير", "انباء", "معلومات", "ادعاءات", "مزاعم", "اخبار",
];

/// Particles that may open a clause before its subject («لكن وزارة الدفاع … نفت»).
#[rustfmt::skip]
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "لكن", "ولكن", "بينما", "فيما", "كما", "ثم", "وقد", "فقد", "قد", "لقد", "حين", "اذ", "اما",
    "بدوره", "بدورها", "كان", "كانت", "وكان", "وكانت", "لكنه", "لكنها", "ولكنه", "ولكنها",
    "انه", "انها", "الا", "غير",
];

/// Particles and verbs that can follow a comma but never start a name.
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "فقد", "وقد", "قد", "فان", "ثم", "كما", "حيث", "وهو", "وهي", "الذي", "التي", "وذلك", "اذ",
    "فيما", "بينما", "مشيرا", "مضيفا", "مؤكدا", "قائلا", "مشيره", "مضيفه", "مؤكده", "قائله", "عضو",
];

/// Titles that stand before a person's name («الدكتورة هبة سليمان», «اللواء أحمد …»).
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "الدكتور", "الدكتوره", "اللواء", "العميد", "العقيد", "الفريق", "المحامي", "المحاميه", "السيد",
    "السيده", "الشيخ", "المهندس", "المهندسه", "الاستاذ", "الاستاذه", "القاضي", "النائب", "الامير",
    "الملك", "الرئيس", "الوزير", "الوزيره", "الناشط", "الناشطه", "الباحث", "الباحثه", "الخبير",
    "الخبيره", "المدرب", "اللاعب", "الفنان", "الكاتب", "الصحفي", "المتحدث", "الناطق",
];

/// Particles carrying the subject as a pronoun right before a verb («لكنها نفت»).
pub(super) const PRONOUN_OPENERS: &[&str] = &[
    "لكنه",
    "لكنها",
    "ولكنه",
    "ولكنها",
    "انه",
    "انها",
    "بانه",
    "بانها",
    "كما انه",
    "لانه",
    "لانها",
];
