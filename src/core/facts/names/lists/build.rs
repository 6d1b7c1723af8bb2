//! Reading the lists into [`Lists`]: entities merged by canonical name or spelling (hand
//! lists first, so they rename CLDR names and set countries), countries resolved to their
//! canonical names, adjective forms derived from each nationality, trigger words and word
//! classes keyed by their stem, and the two automata.

use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use rustc_hash::FxHashMap;

use super::{
    Adjective, DEFINITE, ENTITY_LISTS, EntityRow, Entry, Forms, Head, HeadMode, INDEFINITE, Lists,
    NATIONALITIES, Number, Openings, Pattern, PlaceTrigger, TRIGGERS, WORDS, WordClass, entity_row,
    rows,
};
use crate::core::facts::NameKind;
use crate::core::facts::names::words::{fold_keep_shadda, fold_name};

/// The forms derived from a masculine nisba adjective (أرميني): feminine, duals, plurals
/// and the accusative «ـاً» (tanwin folds away, the alef stays).
const ADJECTIVE_ENDINGS: [(&str, bool, Number); 9] = [
    ("", false, Number::One),
    ("ه", true, Number::One),
    ("ا", false, Number::One),
    ("ان", false, Number::Two),
    ("تان", true, Number::Two),
    ("تين", true, Number::Two),
    ("ين", false, Number::Many),
    ("ون", false, Number::Many),
    ("ات", true, Number::Many),
];

impl Lists {
    pub(super) fn load() -> Lists {
        let mut b = Builder::default();
        for (list, kind) in ENTITY_LISTS {
            for cols in rows(list) {
                if let Some(row) = entity_row(&cols) {
                    b.entity(row, kind);
                }
            }
        }
        let ordinary = b.read_words();
        b.read_nationalities();
        b.read_triggers();
        b.finish(&ordinary)
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    canonical: FxHashMap<String, u32>,
    /// Folded spelling → entry, first claim wins.
    spellings: FxHashMap<String, u32>,
    order: Vec<(String, u32, bool)>,
    adjectives: FxHashMap<String, Adjective>,
    standard_adjective: FxHashMap<&'static str, &'static str>,
    words: FxHashMap<String, WordClass>,
    heads: Vec<Head>,
    not_before: FxHashMap<String, Vec<String>>,
    marked: FxHashMap<String, Vec<(String, u32)>>,
}

impl Builder {
    fn entity(&mut self, row: EntityRow, kind: NameKind) {
        // A canonical with a shadda is told from its homograph by it («عمّان», «عمان»).
        let marked = row.canonical.contains('\u{0651}');
        let key = if marked {
            fold_keep_shadda(row.canonical)
        } else {
            fold_name(row.canonical)
        };
        // A line names an entity already read when its canonical is that entity's canonical
        // or one of its spellings (places.tsv renames CLDR's «المملكة المتحدة» بريطانيا).
        let known = self
            .canonical
            .get(&key)
            .or_else(|| (!marked).then(|| self.spellings.get(&key)).flatten())
            .copied()
            .filter(|&id| self.entries[id as usize].kind == kind);
        let id = match known {
            Some(id) => id,
            None => {
                let id = self.entries.len() as u32;
                self.entries.push(Entry {
                    canonical: row.canonical,
                    kind,
                    country: row.country,
                });
                self.canonical.entry(key).or_insert(id);
                id
            }
        };
        // The first line of an entity sets its country, even to none: the hand lists say
        // «القدس» belongs to no country whatever CLDR's time zones say.
        for spelling in std::iter::once(row.canonical).chain(row.variants) {
            let folded = fold_name(spelling);
            if spelling.contains('\u{0651}') {
                self.marked
                    .entry(folded.clone())
                    .or_default()
                    .push((fold_keep_shadda(spelling), id));
            }
            if folded.chars().count() < 2 || self.spellings.contains_key(&folded) {
                continue;
            }
            self.spellings.insert(folded.clone(), id);
            self.order.push((folded, id, spelling.ends_with('ة')));
        }
    }

    fn class(&mut self, word: &str) -> (&mut WordClass, Forms) {
        let folded = fold_name(word);
        let (forms, stem) = match folded.strip_prefix("ال") {
            Some(stem) if stem.chars().nth(1).is_some() => (DEFINITE, stem.to_string()),
            _ => (INDEFINITE, folded),
        };
        (self.words.entry(stem).or_default(), forms)
    }

    /// Reads words.tsv; returns the listed spellings that are ordinary words.
    fn read_words(&mut self) -> Vec<&'static str> {
        let mut ordinary = Vec::new();
        for cols in rows(WORDS) {
            let [kind, word, rest @ ..] = cols.as_slice() else {
                continue;
            };
            match *kind {
                "ordinary" => ordinary.push(*word),
                "notbefore" => {
                    let after = rest
                        .iter()
                        .flat_map(|r| r.split('|'))
                        .map(|w| fold_name(w.trim()))
                        .filter(|w| !w.is_empty())
                        .collect();
                    self.not_before.insert(fold_name(word), after);
                }
                "stop" | "given" | "glue" | "placeglue" | "placeprefix" | "titleglue" => {
                    let (class, forms) = self.class(word);
                    match *kind {
                        "stop" => class.stop |= forms,
                        "given" => class.given = true,
                        "glue" => class.glue = true,
                        "placeglue" => class.place_glue = true,
                        "placeprefix" => class.place_prefix = true,
                        _ => class.title_glue |= forms,
                    }
                }
                _ => {}
            }
        }
        ordinary
    }

    fn read_nationalities(&mut self) {
        for cols in rows(NATIONALITIES) {
            let [country, adjectives, rest @ ..] = cols.as_slice() else {
                continue;
            };
            let country: &'static str = country;
            let mut first = true;
            for adjective in adjectives
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                if first {
                    self.standard_adjective.insert(country, adjective);
                    first = false;
                }
                let base = fold_name(adjective);
                for (ending, feminine, number) in ADJECTIVE_ENDINGS {
                    self.adjectives
                        .entry(format!("{base}{ending}"))
                        .or_insert(Adjective {
                            country,
                            feminine,
                            number,
                        });
                }
            }
            // Broken plurals and other forms, as written (الروس، الأرمن).
            for form in rest.iter().flat_map(|r| r.split('|')).map(str::trim) {
                let folded = fold_name(form);
                let stem = folded.strip_prefix("ال").unwrap_or(&folded);
                if stem.chars().nth(1).is_some() {
                    self.adjectives
                        .entry(stem.to_string())
                        .or_insert(Adjective {
                            country,
                            feminine: false,
                            number: Number::Many,
                        });
                }
            }
        }
    }

    fn read_triggers(&mut self) {
        for cols in rows(TRIGGERS) {
            let [kind, phrase, rest @ ..] = cols.as_slice() else {
                continue;
            };
            let options: Vec<&str> = rest
                .first()
                .map(|o| o.split_whitespace().collect())
                .unwrap_or_default();
            let has = |o: &str| options.contains(&o);
            match *kind {
                "title" => {
                    let (class, forms) = self.class(phrase);
                    class.title |= forms;
                    class.spokesman |= has("spokesman");
                }
                "place" => {
                    let how = if has("plural") {
                        PlaceTrigger::Plural
                    } else if has("weak") {
                        PlaceTrigger::Weak
                    } else {
                        PlaceTrigger::One
                    };
                    let (class, forms) = self.class(phrase);
                    class.place = Some((forms, how));
                    class.place_part |= has("part");
                }
                "org" => {
                    let mode = if has("country") {
                        HeadMode::Country
                    } else if has("def") {
                        HeadMode::Definite
                    } else if has("ministry") {
                        HeadMode::Ministry
                    } else {
                        HeadMode::Named
                    };
                    let folded = fold_name(phrase);
                    let mut words = folded.split(' ');
                    let Some(first) = words.next() else { continue };
                    let first = first.to_string();
                    let canonical: &'static str = rest
                        .get(1)
                        .copied()
                        .filter(|c| !c.is_empty())
                        .unwrap_or(phrase);
                    let id = self.heads.len() as u32;
                    self.heads.push(Head {
                        rest: words.map(str::to_string).collect(),
                        feminine: has("f"),
                        mode,
                        adjectival: mode == HeadMode::Ministry || has("adj"),
                        takes_place: has("place"),
                        strong: has("strong"),
                        alone: has("alone"),
                        media: has("media"),
                        canonical,
                    });
                    let (class, forms) = self.class(&first);
                    class.heads.push((forms, id));
                }
                _ => {}
            }
        }
    }

    fn finish(mut self, ordinary: &[&'static str]) -> Lists {
        // A country written in another spelling («الأراضي الفلسطينية» in CLDR) is named by its
        // canonical name, so that countries compare equal.
        let resolved: Vec<Option<&'static str>> = self
            .entries
            .iter()
            .map(|e| {
                let c = e.country?;
                let id = self.spellings.get(&fold_name(c))?;
                Some(self.entries.get(*id as usize).map_or(c, |x| x.canonical))
            })
            .collect();
        for (e, c) in self.entries.iter_mut().zip(resolved) {
            e.country = c.or(e.country);
        }
        let mut ordinary_spellings: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for &o in ordinary {
            ordinary_spellings.entry(fold_name(o)).or_default().push(o);
        }
        let mut names = Vec::new();
        let mut patterns = Vec::new();
        let mut names_after_l = Vec::new();
        let mut patterns_after_l = Vec::new();
        for (folded, entry, ta_marbuta) in std::mem::take(&mut self.order) {
            let pattern = Pattern {
                entry,
                ordinary: ordinary_spellings.contains_key(&folded),
                ta_marbuta,
            };
            if let Some(stem) = folded.strip_prefix("ال")
                && stem.chars().nth(1).is_some()
            {
                names_after_l.push(stem.to_string());
                patterns_after_l.push(pattern);
            }
            names.push(folded);
            patterns.push(pattern);
        }
        let mut openings = Openings::default();
        for n in &names {
            openings.insert(n);
        }
        Lists {
            openings,
            names: automaton(&names),
            patterns,
            names_after_l: automaton(&names_after_l),
            patterns_after_l,
            entries: self.entries,
            canonical: self.canonical,
            spellings: self.spellings,
            adjectives: self.adjectives,
            standard_adjective: self.standard_adjective,
            words: self.words,
            heads: self.heads,
            not_before: self.not_before,
            marked: self.marked,
            ordinary: ordinary_spellings,
        }
    }
}

/// A leftmost-longest automaton: scanned over a paragraph for where names start, then tried
/// anchored there.
/// Building fails only past the automaton's size limits, far beyond these lists; the
/// matcher then finds no listed names instead of panicking.
fn automaton(patterns: &[String]) -> Option<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .build(patterns)
        .ok()
}
