//! The name lists of `assets/names/`, embedded in the binary and read once into
//! [`Lists`]: the entities (people, places, organisations) behind two Aho-Corasick automata
//! over their folded spellings, nationality adjectives, and the word classes the rules use
//! (titles, place triggers, institution heads, stop words, given names). A malformed line is
//! skipped here and reported by the tests, so a bad edit cannot take the reader down.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::words::{Split, splits};
use crate::core::facts::NameKind;

pub(super) const PLACES: &str = include_str!("../../../../assets/names/places.tsv");
pub(super) const PEOPLE: &str = include_str!("../../../../assets/names/people.tsv");
pub(super) const ORGANIZATIONS: &str = include_str!("../../../../assets/names/organizations.tsv");
pub(super) const CLDR_PLACES: &str = include_str!("../../../../assets/names/cldr_places.tsv");
pub(super) const NATIONALITIES: &str = include_str!("../../../../assets/names/nationalities.tsv");
pub(super) const TRIGGERS: &str = include_str!("../../../../assets/names/triggers.tsv");
pub(super) const WORDS: &str = include_str!("../../../../assets/names/words.tsv");

/// The entity lists, hand lists first: a spelling claimed by two entities goes to the
/// first, and a hand line sets the country of a CLDR name it repeats.
pub(super) const ENTITY_LISTS: [(&str, NameKind); 4] = [
    (PEOPLE, NameKind::Person),
    (ORGANIZATIONS, NameKind::Organization),
    (PLACES, NameKind::Place),
    (CLDR_PLACES, NameKind::Place),
];

/// One person, place or organisation.
#[derive(Debug)]
pub(super) struct Entry {
    pub canonical: &'static str,
    pub kind: NameKind,
    pub country: Option<&'static str>,
}

/// One spelling in an automaton.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pattern {
    pub entry: u32,
    /// The spelling is an ordinary word too («سلام», «صور»): it names the entity only after
    /// a trigger word, beside a name of its kind, or once the article has named it.
    pub ordinary: bool,
    /// The spelling ends in ة: a text ending in ه there is another word («جده», his
    /// grandfather, is not جدة).
    pub ta_marbuta: bool,
}

/// Grammatical number of an adjective form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Number {
    One,
    Two,
    Many,
}

/// A nationality adjective form.
#[derive(Debug, Clone, Copy)]
pub(super) struct Adjective {
    pub country: &'static str,
    pub feminine: bool,
    pub number: Number,
}

/// How an institution head becomes a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadMode {
    /// «وزارة», «مركز»: with the definite words after it, a name («وزارة الصحة»).
    Named,
    /// «الهيئة», «المؤسسة»: a definite head, a name with its adjectives and a «لـ» part or a
    /// country («الهيئة العامة للإحصاء», «المؤسسة السورية للحبوب»).
    Definite,
    /// «الجيش», «الحكومة»: a name only with a country («الجيش الأذري», «الحكومة في لبنان»).
    Country,
    /// «الخارجية», «الدفاع»: a ministry, only with a feminine adjective («الخارجية الروسية»)
    /// and not after «وزير» (whose adjective it is).
    Ministry,
}

/// A word or phrase that opens an institution name.
#[derive(Debug)]
pub(super) struct Head {
    /// The words after the first, folded («المسلحه» of «القوات المسلحة»).
    pub rest: Vec<String>,
    pub feminine: bool,
    pub mode: HeadMode,
    /// The head reads as an adjective after a definite noun («الحدود البحرية»).
    pub adjectival: bool,
    /// A listed place may be its complement («جامعة القاهرة», not «جبهة كورسك»).
    pub takes_place: bool,
    /// A newspaper, channel or agency: one unknown indefinite word after it is its name
    /// («صحيفة عكاظ»).
    pub media: bool,
    /// A country's institution that is a name without its country («النيابة العامة»).
    pub alone: bool,
    /// One complement word makes a name («وزارة الصحة»); other named heads need two, a «لـ»
    /// part or a country («مركز الإعلام الموحد», not «مركز الاستلام»).
    pub strong: bool,
    /// The head as a canonical name starts: «وزارة الخارجية» for «الخارجية».
    pub canonical: &'static str,
}

/// Which readings of a word a class accepts: bare (`INDEFINITE`) or with the article.
pub(super) type Forms = u8;
pub(super) const INDEFINITE: Forms = 1;
pub(super) const DEFINITE: Forms = 2;

/// How a place trigger reads the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PlaceTrigger {
    /// «مدينة X»: one name, of one to three words.
    One,
    /// «منطقة X»: a common noun follows as often as a name; only an indefinite X.
    Weak,
    /// «مقاطعات X، وY، وZ»: a list of names.
    Plural,
}

/// What the rules know about a word, by stem (the word without clitics and article).
#[derive(Debug, Default)]
pub(super) struct WordClass {
    /// A person title («الرئيس», «وزير»); `spokesman` when the name follows after a comma.
    pub title: Forms,
    pub spokesman: bool,
    pub place: Option<(Forms, PlaceTrigger)>,
    /// Institution heads starting with this word.
    pub heads: Vec<(Forms, u32)>,
    /// Never part of a name found by a trigger.
    pub stop: Forms,
    /// A given name: a word after a title that is certainly a name.
    pub given: bool,
    /// Glue inside a person's name (بن، أبو، عبد).
    pub glue: bool,
    /// First word of a place name that wants another (عين، بيت، سان).
    pub place_glue: bool,
    /// The first word of a place name that says it is one (سانت، كفر، سيدي).
    pub place_prefix: bool,
    /// A place word that is part of the name after it («سد الموصل», «مطار دبي الدولي»).
    pub place_part: bool,
    /// A word between a title and the name that belongs to the title («باسم», «وزراء»).
    pub title_glue: Forms,
}

/// Everything read from the lists.
pub(super) struct Lists {
    /// Every spelling of every entity.
    pub names: Option<AhoCorasick>,
    pub patterns: Vec<Pattern>,
    /// The first two characters of every spelling in `names`: most words start with a pair
    /// no name starts with, and are passed over without a search.
    pub openings: Openings,
    /// Spellings that start with the article, without it: the name after the preposition
    /// ل, which swallows the alef («للولايات المتحدة»).
    pub names_after_l: Option<AhoCorasick>,
    pub patterns_after_l: Vec<Pattern>,
    pub entries: Vec<Entry>,
    /// Folded canonical name → entry.
    pub canonical: FxHashMap<String, u32>,
    /// Every folded spelling → its entry.
    pub spellings: FxHashMap<String, u32>,
    /// Folded adjective form without the article → its nationality.
    pub adjectives: FxHashMap<String, Adjective>,
    /// Country → its standard adjective, masculine, without the article («أذربيجاني»).
    pub standard_adjective: FxHashMap<&'static str, &'static str>,
    pub words: FxHashMap<String, WordClass>,
    pub heads: Vec<Head>,
    /// «مسقط» is not the city before «رأس» (مسقط رأسه, his birthplace): folded name →
    /// folded words that undo it when they follow.
    pub not_before: FxHashMap<String, Vec<String>>,
    /// Folded spelling → spellings with a shadda that name another entity when the text has
    /// the shadda too («عمّان» is Amman, «عمان» Oman): (spelling folded but for its shadda,
    /// entry).
    pub marked: FxHashMap<String, Vec<(String, u32)>>,
    /// Folded spelling → the ordinary words spelled so: a listed name written exactly like
    /// one of them (or with no hamza at all) needs a trigger.
    pub ordinary: FxHashMap<String, Vec<&'static str>>,
}

mod build;

pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(Lists::load);

/// The non-comment lines of a list, split on tabs.
pub(super) fn rows(list: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    list.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// An entity line: canonical, country (`-` for none), variants separated by `|`.
pub(super) struct EntityRow {
    pub canonical: &'static str,
    pub country: Option<&'static str>,
    pub variants: Vec<&'static str>,
}

pub(super) fn entity_row(cols: &[&'static str]) -> Option<EntityRow> {
    let (&canonical, rest) = cols.split_first()?;
    if canonical.is_empty() || rest.len() > 2 {
        return None;
    }
    let country = rest.first().copied().filter(|c| !c.is_empty() && *c != "-");
    let variants = rest
        .get(1)
        .map(|v| {
            v.split('|')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some(EntityRow {
        canonical,
        country,
        variants,
    })
}

/// A set of character pairs, as a bit table: Arabic-block and ASCII characters have a
/// slot each, all others share one (and always pass).
pub(super) struct Openings(Vec<u64>);

const SLOTS: usize = 385;

impl Default for Openings {
    fn default() -> Self {
        Openings(vec![0; (SLOTS * SLOTS).div_ceil(64)])
    }
}

impl Openings {
    fn slot(c: char) -> usize {
        match c as u32 {
            a @ 0x600..=0x6FF => (a - 0x600) as usize,
            a @ 0..=0x7F => 256 + a as usize,
            _ => SLOTS - 1,
        }
    }

    fn index(s: &str) -> Option<usize> {
        let mut chars = s.chars();
        let (a, b) = (chars.next()?, chars.next()?);
        Some(Self::slot(a) * SLOTS + Self::slot(b))
    }

    fn insert(&mut self, s: &str) {
        if let Some(i) = Self::index(s)
            && let Some(word) = self.0.get_mut(i / 64)
        {
            *word |= 1 << (i % 64);
        }
    }

    /// Whether some spelling may start `s`.
    pub fn may_start(&self, s: &str) -> bool {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if Self::slot(a) != SLOTS - 1 && Self::slot(b) != SLOTS - 1 => {
                Self::index(s)
                    .is_some_and(|i| self.0.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1))
            }
            _ => true,
        }
    }
}

impl Lists {
    /// The classes of a word under each of its readings (whether a class takes the
    /// reading's form, bare or definite, is the caller's to check).
    pub fn class_of<'a, 'w>(
        &'a self,
        word: &'w str,
    ) -> impl Iterator<Item = (Split<'w>, &'a WordClass)> {
        splits(word).filter_map(|s| self.words.get(s.stem).map(|c| (s, c)))
    }

    /// The nationality of a word that is an adjective form, with the article or bare and
    /// no other clitic unless `clitics`.
    pub fn adjective(&self, word: &str, clitics: bool) -> Option<&Adjective> {
        splits(word)
            .filter(|s| clitics || s.clitic == 0)
            .find_map(|s| self.adjectives.get(s.stem))
    }
}
