//! Named entities for the facts engine: the people, places and organisations a paragraph
//! mentions, each with one canonical spelling and, when known, the country it belongs to.
//!
//! Three sources, in order of trust: the lists of `assets/names/` (CLDR countries and cities,
//! hand lists of the region, leaders, institutions and agencies) matched as whole words on
//! the folded text, with the clitics و ف ب ل ك and the article allowed before a name;
//! institutions of a country built from a head and a nationality («وزارة الدفاع الآذرية»,
//! «النيابة العامة في أذربيجان»); and unknown names lifted by the words before them
//! («الرئيس الروسي X», «بلدة X»). Names are never stemmed. The lists are read once; matching
//! allocates per paragraph, not per word. Quantities, dates and claims live elsewhere.

mod lists;
mod rules;
mod words;

#[cfg(test)]
mod list_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input};

use super::NameKind;
use super::folded::{Folded, WordKind};
use lists::{LISTS, Pattern};
use words::{Text, fold_name};

/// A name found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// The name's byte range in [`Folded::original`], without the clitics before it.
    pub range: Range<usize>,
    pub kind: NameKind,
    /// One spelling per entity: the full name of a person, the common name of a place, an
    /// institution with the standard adjective of its country.
    pub canonical: String,
    /// The country the entity belongs to or is («أذربيجان» for باكو, علييف and وزارة
    /// الدفاع الأذربيجانية; a country is its own).
    pub country: Option<&'static str>,
}

/// The names of a paragraph: sorted by start, not overlapping; of two overlapping names the
/// longer wins, and a listed name wins over one found by a rule.
pub fn find_names(f: &Folded<'_>) -> Vec<NameHit> {
    find_names_after(f, &[])
}

/// The names of a paragraph of an article whose earlier paragraphs named `earlier`: a person
/// met there by full name is found again by the family name alone («وأضاف راضي» after «علي
/// راضي»), and a name that is also an ordinary word needs no trigger once the article has
/// named it («الرجاء» after «الرجاء الرياضي»).
pub fn find_names_after(f: &Folded<'_>, earlier: &[NameHit]) -> Vec<NameHit> {
    let lists = &*LISTS;
    let text = Text::new(f);
    let mut scan = rules::Scan::new(lists, &text, f);
    scan.remember(earlier);
    scan.listed_names();
    if !earlier.is_empty() {
        scan.known_people(&rules::family_names(earlier));
    }
    scan.institutions();
    scan.titled_people();
    scan.named_people();
    scan.triggered_places();
    let found = resolve(scan.found);
    found
        .into_iter()
        .map(|n| NameHit {
            range: f.original_range(text.folded_range(n.start..n.end)),
            kind: n.kind,
            canonical: n.canonical.into_owned(),
            country: n.country,
        })
        .collect()
}

/// The country of a nationality adjective in any of its forms: with clitics or the article,
/// masculine or feminine, dual or plural, folded or not («الآذرية» → «أذربيجان»).
pub fn nationality(word: &str) -> Option<&'static str> {
    let folded = fold_name(word.trim());
    LISTS.adjective(&folded, true).map(|a| a.country)
}

/// The country of a canonical name: a listed entity's country, or the country of an
/// institution by its adjective («وزارة الدفاع الأذربيجانية» → «أذربيجان»).
pub fn country_of(canonical_name: &str) -> Option<&'static str> {
    let lists = &*LISTS;
    let folded = fold_name(canonical_name.trim());
    let marked = words::fold_keep_shadda(canonical_name.trim());
    if let Some(&id) = lists.canonical.get(&marked) {
        return lists.entries.get(id as usize).and_then(|e| e.country);
    }
    if let Some(&id) = lists
        .canonical
        .get(&folded)
        .or(lists.spellings.get(&folded))
    {
        return lists.entries.get(id as usize).and_then(|e| e.country);
    }
    let last = folded.rsplit(' ').next()?;
    if folded.contains(' ') {
        let a = lists.adjective(last, false)?;
        return (a.number == lists::Number::One).then_some(a.country);
    }
    None
}

/// A name before overlaps are settled, as a range of the squeezed text.
#[derive(Debug, Clone)]
struct Found {
    pub start: usize,
    pub end: usize,
    /// The first and last word it covers.
    pub first: usize,
    pub last: usize,
    pub kind: NameKind,
    pub canonical: Cow<'static, str>,
    pub country: Option<&'static str>,
    /// From the lists (trusted over a rule on a tie).
    pub listed: bool,
}

/// Keeps the longest of overlapping names (a listed one on a tie, then the earlier), in text
/// order.
fn resolve(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.listed.cmp(&a.listed))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for n in found {
        if kept.iter().all(|k| n.end <= k.start || k.end <= n.start) {
            kept.push(n);
        }
    }
    kept.sort_by_key(|n| n.start);
    kept
}

/// A listed name found at a word.
struct Listed {
    start: usize,
    end: usize,
    pattern: Pattern,
    /// The folded spelling matched.
    spelling: Range<usize>,
}

/// The places in word `i` where a listed name may start: the word's start, and after one
/// or two clitics (و/ف, then ب/ل/ك) when it has them; the name's own article follows
/// them («والعراق»).
fn name_starts(t: &Text<'_>, i: usize) -> impl Iterator<Item = usize> {
    let (start, word) = match t.words.get(i) {
        Some(w) if w.kind == WordKind::Letters => (w.start, t.word(i)),
        _ => (0, ""),
    };
    let one = word.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك']);
    let two = word
        .strip_prefix(['و', 'ف'])
        .and_then(|r| r.strip_prefix(['ب', 'ل', 'ك']));
    let letters = |r: &str| r.chars().nth(1).is_some();
    [Some(word), one, two]
        .into_iter()
        .flatten()
        .filter(move |r| !word.is_empty() && letters(r))
        .map(move |r| start + word.len() - r.len())
}

/// An anchored search at `at` (the name's text starts at `start`, before `at` when the
/// article's ل is outside the spelling), shortened until the match ends a word.
fn search(
    t: &Text<'_>,
    ac: Option<&AhoCorasick>,
    patterns: &[Pattern],
    start: usize,
    at: usize,
) -> Option<Listed> {
    let ac = ac?;
    let mut limit = t.text.len();
    loop {
        let input = Input::new(t.text.as_ref())
            .range(at..limit)
            .anchored(Anchored::Yes);
        let m = ac.try_find(input).ok()??;
        if t.ends_word(m.end()) {
            let pattern = *patterns.get(m.pattern().as_usize())?;
            return Some(Listed {
                start,
                end: m.end(),
                pattern,
                spelling: m.start()..m.end(),
            });
        }
        // Cut the last word off and try the shorter names.
        let cut = t.text.get(at..m.end())?.rfind(' ')? + at;
        if cut <= at {
            return None;
        }
        limit = cut;
    }
}
