//! Places the lists do not know, lifted by a place word before them: «بلدة X», «مقاطعات
//! X، وY»; a facility word that is part of the name takes the name with it («سد الموصل»,
//! «مطار دبي الدولي»). Adjectives («مدينة ساحلية») and stop words end a place.

use std::borrow::Cow;

use super::{Scan, form};
use crate::core::facts::NameKind;
use crate::core::facts::names::Found;
use crate::core::facts::names::lists::PlaceTrigger;
use crate::core::facts::names::words::is_letter;

/// Words after a facility's name that are part of it (folded): «مطار دبي الدولي», «ملعب
/// محمد الخامس».
const FACILITY_TAILS: [&str; 14] = [
    "الدولي",
    "الدوليه",
    "الكبير",
    "الكبري",
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Words after which a «سانت»/«كفر» word starts a place (folded): «في سانت كاترين».
const PLACE_PREPOSITIONS: [&str; 12] = [
    "في", "الي", "من", "عن", "قرب", "نحو", "بين", "حتي", "داخل", "شمال", "جنوب", "غرب",
];

impl Scan<'_> {
    /// Places named after a place word: «بلدة X», «مقاطعات X، وY».
    pub fn triggered_places(&mut self) {
        for i in 0..self.n() {
            if let Some(n) = self.prefixed_place(i) {
                self.push(n);
                continue;
            }
            let trigger = self.classes(i).find_map(|(s, c)| {
                c.place
                    .filter(|(forms, _)| forms & form(s) != 0)
                    .map(|(_, how)| (how, c.place_part, s.clitic))
            });
            let Some((how, part, clitic)) = trigger else {
                continue;
            };
            let mut j = i + 1;
            if !self.t.tight(i) {
                continue;
            }
            if part && how != PlaceTrigger::Plural {
                if let Some(n) = self.facility(i, clitic, how) {
                    self.push(n);
                }
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

    /// A place whose first word says it is one («سانت كاترين», «كفر نبل»), after a
    /// preposition.
    fn prefixed_place(&self, i: usize) -> Option<Found> {
        let (s, _) = self.classes(i).find(|(s, c)| {
            c.place_prefix && !s.al && s.stem.len() + s.clitic == self.word(i).len()
        })?;
        let after_preposition = s.clitic > 0
            || (i > 0 && self.t.tight(i - 1) && PLACE_PREPOSITIONS.contains(&self.word(i - 1)));
        let j = i + 1;
        if !after_preposition
            || !self.t.tight(i)
            || self.listed[i].is_some()
            || self.listed[j].is_some()
            || !self.place_word(j, self.word(j))
        {
            return None;
        }
        let start = self.t.words[i].start + s.clitic;
        let end = self.t.words[j].end;
        Some(Found {
            start,
            end,
            first: i,
            last: j,
            kind: NameKind::Place,
            canonical: Cow::Owned(self.plain_range(start, end)),
            country: None,
            listed: false,
        })
    }

    /// A facility named with its place word: «سد الموصل», «جبل لبنان», «مطار دبي الدولي»,
    /// «ملعب محمد الخامس». The name after the word is listed (a place or a person) or
    /// unknown; «الدولي» after it is part of it.
    fn facility(&self, i: usize, clitic: usize, how: PlaceTrigger) -> Option<Found> {
        if self.listed[i].is_some() {
            return None;
        }
        let j = i + 1;
        let (mut last, name) = match self.listed_from(j) {
            Some(n) if n.kind != NameKind::Organization && n.start == self.t.words[j].start => {
                (n.last, Some((n.canonical.clone(), n.country)))
            }
            Some(_) => return None,
            None => (self.place_name(j, how)?.1, None),
        };
        // «مطار دبي الدولي», «ملعب محمد الخامس»: the adjective or ordinal after the name.
        let listed_last = last;
        if self.t.tight(last) && FACILITY_TAILS.contains(&self.word(last + 1)) {
            last += 1;
        }
        let start = self.t.words[i].start + clitic;
        let end = self.t.words[last].end;
        let word = self.plain_range(start, self.t.words[i].end);
        let canonical = match &name {
            Some((canonical, _)) => {
                let tail = self.plain_range(self.t.words[listed_last].end, end);
                format!("{word} {canonical} {tail}").trim_end().to_string()
            }
            None => self.plain_range(start, end),
        };
        Some(Found {
            start,
            end,
            first: i,
            last,
            kind: NameKind::Place,
            canonical: Cow::Owned(canonical),
            country: name.and_then(|(_, c)| c),
            listed: false,
        })
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
                .any(|(s, c)| c.place.is_some_and(|(f, _)| f & form(s) != 0) && !c.place_glue)
            && !self.is_head(j)
            && w.chars().all(is_letter)
    }
}
