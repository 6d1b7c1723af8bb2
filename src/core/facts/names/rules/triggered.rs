//! Unknown names lifted by the words before them: a person after a title that says whose
//! it is or sets the name off with a comma («الرئيس الفرنسي X», «المتحدث باسم الكرملين، X»),
//! and places after a place word («بلدة X», «مقاطعات X، وY»). Conservative: a name needs
//! evidence, and ordinary words, verbs and adjectives stop it.

use std::borrow::Cow;

use super::{Scan, form};
use crate::core::facts::NameKind;
use crate::core::facts::names::Found;
use crate::core::facts::names::lists::PlaceTrigger;
use crate::core::facts::names::words::is_letter;

/// The most words a trigger-lifted person name takes (glue words such as بن not counted).
/// Two: «ماركوس ليوناردو هدفين» shows what a third word usually is.
const MAX_PERSON_WORDS: usize = 2;
/// The most words between a title and its name («رئيس المجلس الأوروبي»).
const MAX_TITLE_WORDS: usize = 5;
/// How far a spokesman's name may follow «باسم» before its comma.
const MAX_SPOKESMAN_WORDS: usize = 12;

impl Scan<'_> {
    /// People named after a title: «الرئيس الروسي X», «المتحدث باسم الكرملين، X».
    pub fn titled_people(&mut self) {
        let mut i = 0;
        while i < self.n() {
            let title = self
                .classes(i)
                .find(|(s, c)| c.title & form(*s) != 0)
                .map(|(_, c)| c.spokesman);
            let Some(spokesman) = title else {
                i += 1;
                continue;
            };
            match self.person_after_title(i, spokesman) {
                Some(n) => {
                    i = n.last + 1;
                    self.push(n);
                }
                None => i += 1,
            }
        }
    }

    fn person_after_title(&self, i: usize, spokesman: bool) -> Option<Found> {
        let mut country = None;
        // Whether the title says whose it is or sets the name off with a comma: without
        // either, a word after «الرئيس» is as often «قصارى جهده» as a name.
        let mut apposed = spokesman;
        let mut j = i + 1;
        if spokesman {
            // The name follows the first comma: «المتحدث باسم رئيس جمهورية …، X،».
            let comma = (i..(i + MAX_SPOKESMAN_WORDS).min(self.n()))
                .find(|&k| self.t.comma_after(k) || !self.t.tight(k) && self.gap_ends(k))?;
            if !self.t.comma_after(comma) {
                return None;
            }
            j = comma + 1;
        } else {
            let mut skipped = 0;
            while j < self.n() {
                if self.t.comma_after(j - 1) {
                    apposed = true;
                    break;
                }
                if !self.t.tight(j - 1) || skipped >= MAX_TITLE_WORDS {
                    return None;
                }
                if let Some(n) = self.listed_from(j) {
                    if n.kind == NameKind::Person {
                        return None;
                    }
                    if n.kind == NameKind::Place && n.canonical == n.country.unwrap_or_default() {
                        country = n.country;
                    }
                    j = n.last + 1;
                    skipped += 1;
                    continue;
                }
                if let Some(a) = self.adjective(j) {
                    country = Some(a.country);
                } else if !self.title_word(j) {
                    break;
                }
                j += 1;
                skipped += 1;
            }
        }
        let (first, last) = self.person_name(j)?;
        if !(apposed || country.is_some() || self.is_given(first)) {
            return None;
        }
        Some(Found {
            start: self.t.words[first].start,
            end: self.t.words[last].end,
            first,
            last,
            kind: NameKind::Person,
            canonical: Cow::Owned(self.plain(first, last)),
            country,
            listed: false,
        })
    }

    /// Whether the gap after word `k` ends a clause (a full stop, a colon, a quote).
    fn gap_ends(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.t.words.get(k), self.t.words.get(k + 1)) else {
            return true;
        };
        self.t
            .text
            .get(a.end..b.start)
            .is_some_and(|g| g.chars().any(|c| matches!(c, '.' | ':' | '؛' | '؟' | '!')))
    }

    /// A word that belongs to the title before a name: definite words («الوزراء»,
    /// «الروسي»), glue («باسم», «وزراء»), other titles and institution heads («نائب رئيس»,
    /// «رئيس حزب»).
    fn title_word(&self, j: usize) -> bool {
        let w = self.word(j);
        if !self.is_letters(j) {
            return false;
        }
        if self.has(j, |c| c.title_glue | c.title, false) {
            return true;
        }
        !self.is_stop(j)
            && ((w.starts_with("ال") && !self.is_given(j))
                || self
                    .classes(j)
                    .any(|(s, c)| s.clitic == 0 && !c.heads.is_empty()))
    }

    /// A person's name starting at word `j`: one to three name words (glue such as بن
    /// between them), ending before punctuation, a stop word, a conjunction or another name.
    fn person_name(&self, j: usize) -> Option<(usize, usize)> {
        if !self.name_word(j, true) {
            return None;
        }
        let mut last = j;
        let mut count = 1;
        let mut k = j;
        while count < MAX_PERSON_WORDS && self.t.tight(k) && k + 1 < self.n() {
            let next = k + 1;
            if self.is(next, |c| c.glue) && next + 1 < self.n() && self.t.tight(next) {
                k = next;
                continue;
            }
            if !self.name_word(next, false) {
                break;
            }
            count += 1;
            last = next;
            k = next;
        }
        Some((j, last))
    }

    /// Whether word `j` can be part of an unknown person's name (`first`: its first word,
    /// which is not definite and not a verb-like form unless a known given name).
    fn name_word(&self, j: usize, first: bool) -> bool {
        if !self.is_letters(j) || self.listed.get(j).is_some_and(Option::is_some) {
            return false;
        }
        let w = self.word(j);
        if w.chars().nth(1).is_none() || self.is_given(j) {
            return !self.is_stop(j);
        }
        let verb_like = w.chars().count() >= 4 && w.starts_with(['ي', 'ت', 'ن']);
        // «للمساعدة», «والجيش»: a preposition or conjunction, or a clitic on a noun.
        let conjunct =
            w.starts_with('و') || ["لل", "بال", "فال", "كال"].iter().any(|p| w.starts_with(p));
        // An indefinite adjective form is a name here («جورجي جيسوس»); a definite one is
        // not («نظيره الفرنسي»).
        !(self.is_stop(j)
            || self.adjective(j).is_some()
            || conjunct
            || (first && (w.starts_with("ال") || verb_like))
            || self.has(j, |c| c.title | c.title_glue, true)
            || self
                .classes(j)
                .any(|(_, c)| !c.heads.is_empty() || c.place.is_some()))
    }

    /// Places named after a place word: «بلدة X», «مقاطعات X، وY».
    pub fn triggered_places(&mut self) {
        for i in 0..self.n() {
            let trigger = self
                .classes(i)
                .find_map(|(s, c)| c.place.filter(|(forms, _)| forms & form(s) != 0))
                .map(|(_, how)| how);
            let Some(how) = trigger else { continue };
            let mut j = i + 1;
            if !self.t.tight(i) {
                continue;
            }
            // «العاصمة الأوكرانية كييف»: the adjective belongs to the place word.
            if self.adjective(j).is_some() && self.t.tight(j) {
                j += 1;
            }
            let mut first_item = true;
            loop {
                let covered = self.listed_from(j).map(|n| n.last);
                let was_first = std::mem::replace(&mut first_item, false);
                let later = !was_first && !self.word(j).starts_with('و');
                let item = match covered {
                    Some(last) => Some((j, last, None)),
                    // «مدن X وY وZ، فيما …»: an unknown item after the first has its «و».
                    None if later => None,
                    None => self.place_name(j, how).map(|(a, b)| (a, b, Some(()))),
                };
                let Some((first, last, new)) = item else {
                    break;
                };
                if new.is_some() {
                    let w = self.t.words[first];
                    // A coordinated item keeps its «و» outside the name.
                    let clitic = if !was_first && self.word(first).starts_with('و') {
                        'و'.len_utf8()
                    } else {
                        0
                    };
                    let start = w.start + clitic;
                    let end = self.t.words[last].end;
                    self.push(Found {
                        start,
                        end,
                        first,
                        last,
                        kind: NameKind::Place,
                        canonical: Cow::Owned(self.plain_range(start, end)),
                        country: None,
                        listed: false,
                    });
                }
                if how != PlaceTrigger::Plural || last + 1 >= self.n() {
                    break;
                }
                // The next item: «، وY», «، Y» or « وY».
                let next = last + 1;
                let joined = self.t.comma_after(last) || self.t.tight(last);
                if !joined || !(self.word(next).starts_with('و') || self.t.comma_after(last)) {
                    break;
                }
                j = next;
            }
        }
    }

    /// An unknown place name at word `j` after a place trigger; in a plural list a leading
    /// «و» is the conjunction.
    fn place_name(&self, j: usize, how: PlaceTrigger) -> Option<(usize, usize)> {
        let w = self.word(j);
        let w = if how == PlaceTrigger::Plural {
            w.strip_prefix('و')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(w)
        } else {
            w
        };
        if !self.place_word(j, w) {
            return None;
        }
        let definite = w.starts_with("ال");
        if how == PlaceTrigger::Weak && definite {
            return None;
        }
        // «مدينة ساحلية», «منطقة عسكرية»: a nisba adjective, not a name; after a plural,
        // «قرى مجاورة», any feminine adjective.
        if !definite && (w.ends_with("يه") || (how == PlaceTrigger::Plural && w.ends_with('ه')))
        {
            return None;
        }
        let mut last = j;
        let mut k = j;
        while k - j < 2
            && self.is(k, |c| c.place_glue)
            && self.t.tight(k)
            && self.place_word(k + 1, self.word(k + 1))
        {
            k += 1;
            last = k;
        }
        Some((j, last))
    }

    fn place_word(&self, j: usize, w: &str) -> bool {
        self.is_letters(j)
            && w.chars().nth(1).is_some()
            && !self.is_stop(j)
            && self.lists.adjective(w, false).is_none()
            && !self.has(j, |c| c.title | c.title_glue, true)
            && !self
                .classes(j)
                .any(|(_, c)| !c.heads.is_empty() || (c.place.is_some() && !c.place_glue))
            && w.chars().all(is_letter)
    }
}
