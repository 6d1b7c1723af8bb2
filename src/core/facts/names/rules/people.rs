//! People the lists do not know, lifted by the words around them: a title that says whose it
//! is or sets the name off with a comma («الرئيس الفرنسي X», «المتحدث باسم الكرملين، X»,
//! «الدكتورة X، عضو …»), and a given name with a family nisba («أنس الزياني»).
//! Conservative: a name needs evidence, and ordinary words, verbs and adjectives stop it.

use std::borrow::Cow;

use super::{Scan, form};
use crate::core::facts::NameKind;
use crate::core::facts::names::lists::LISTS;
use crate::core::facts::names::words::{fold_name, splits};
use crate::core::facts::names::{Found, NameHit};

/// The most words a trigger-lifted person name takes (glue words such as بن not counted).
/// Two: «ماركوس ليوناردو هدفين» shows what a third word usually is.
const MAX_PERSON_WORDS: usize = 2;
/// The most words between a title and its name («رئيس المجلس الأوروبي»).
const MAX_TITLE_WORDS: usize = 5;
/// How far a spokesman's name may follow «باسم» before its comma.
const MAX_SPOKESMAN_WORDS: usize = 12;

/// A person named earlier in the article, by the words of the family name (folded).
pub(in crate::core::facts::names) struct FamilyName {
    words: Vec<String>,
    canonical: String,
    country: Option<&'static str>,
}

/// The family names of the people in `earlier` that can stand alone: the last word of a
/// name of two words or more, with the glue before it («بن سالم»); of three letters at
/// least, and no word of another class: not a stop word, given name, title («محمود
/// الشيخ» does not make every «الشيخ» him), head, place word or nationality.
pub(in crate::core::facts::names) fn family_names(earlier: &[NameHit]) -> Vec<FamilyName> {
    let lists = &*LISTS;
    let plain = |w: &str| {
        lists.adjective(w, false).is_none()
            && !lists.class_of(w).any(|(s, c)| {
                s.clitic == 0
                    && (c.stop | c.title | c.title_glue != 0
                        || c.given
                        || !c.heads.is_empty()
                        || c.place.is_some())
            })
    };
    let mut out: Vec<FamilyName> = Vec::new();
    for h in earlier.iter().filter(|h| h.kind == NameKind::Person) {
        let folded = fold_name(&h.canonical);
        let words: Vec<&str> = folded.split(' ').collect();
        let [.., before, last] = words.as_slice() else {
            continue;
        };
        let glued = lists.words.get(*before).is_some_and(|c| c.glue) && words.len() > 2;
        let family: Vec<String> = if glued {
            vec![before.to_string(), last.to_string()]
        } else {
            vec![last.to_string()]
        };
        // «بن سالم» stands alone though «سالم» is a given name.
        let stands = if glued {
            lists.class_of(last).all(|(_, c)| c.stop == 0)
        } else {
            plain(last)
        };
        if last.chars().count() < 3 || !stands || out.iter().any(|f| f.words == family) {
            continue;
        }
        out.push(FamilyName {
            words: family,
            canonical: h.canonical.clone(),
            country: h.country,
        });
    }
    out
}

impl Scan<'_> {
    /// People named earlier by full name, found again by their family name.
    pub fn known_people(&mut self, known: &[FamilyName]) {
        for i in 0..self.n() {
            if self.listed[i].is_some() {
                continue;
            }
            for k in known {
                let Some(first) = k.words.first() else {
                    continue;
                };
                // The first word with a clitic or without («وراضي», «لحداد»).
                let clitic = splits(self.word(i))
                    .find(|s| !s.al && s.stem == first.as_str())
                    .map(|s| s.clitic);
                let Some(clitic) = clitic else { continue };
                let last = i + k.words.len() - 1;
                let rest_matches = k
                    .words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(n, w)| self.t.tight(i + n - 1) && self.word(i + n) == w.as_str());
                if last >= self.n() || !rest_matches || !self.t.ends_word(self.t.words[last].end) {
                    continue;
                }
                let start = self.t.words[i].start + clitic;
                let id = self.found.len() as u32;
                for slot in self.listed.iter_mut().take(last + 1).skip(i) {
                    *slot = Some(id);
                }
                self.push(Found {
                    start,
                    end: self.t.words[last].end,
                    first: i,
                    last,
                    kind: NameKind::Person,
                    canonical: Cow::Owned(k.canonical.clone()),
                    country: k.country,
                    listed: true,
                });
                break;
            }
        }
    }

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
            j = self.after_comma(i, MAX_SPOKESMAN_WORDS)?;
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
                } else if self.word(j) == "في" && self.listed_from(j + 1).is_some() {
                    // «رئيس اتحاد الفلاحين في حلب، X»: the place belongs to the title.
                } else if !self.title_word(j) {
                    // «رئيس مجلس مفوضي الهيئة، X»: words up to a near comma are the title's.
                    // Not when those words are the name itself («المستشار ناصر الحمدان، أمس»).
                    if let Some(k) = self.after_comma(j - 1, MAX_TITLE_WORDS - skipped)
                        && !self.is_given(j)
                        && (j..k).any(|w| self.titled_word(w))
                    {
                        apposed = true;
                        j = k;
                    }
                    break;
                }
                j += 1;
                skipped += 1;
            }
        }
        if apposed {
            // «، الدكتور سليم حداد»، «، البرتغالي جواو كارفاليو»: another title or a
            // nationality before the name.
            while j + 1 < self.n()
                && self.t.tight(j)
                && (self.adjective(j).is_some() || self.has(j, |c| c.title, false))
            {
                if let Some(a) = self.adjective(j) {
                    country = Some(a.country);
                }
                j += 1;
            }
        }
        let (first, last) = self.person_name(j)?;
        // «الدكتورة هبة سليمان، عضو المركز»: a title after a comma sets the name off too.
        let titled_after =
            self.t.comma_after(last) && self.has(last + 1, |c| c.title | c.title_glue, true);
        if !(apposed || titled_after || country.is_some() || self.is_given(first)) {
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

    /// A word that marks a phrase as a title or an institution, not a name: a title, title
    /// glue, an institution head, or a listed organisation or place.
    fn titled_word(&self, j: usize) -> bool {
        self.has(j, |c| c.title | c.title_glue, true)
            || self.is_head(j)
            || self.listed.get(j).is_some_and(Option::is_some)
    }

    /// People named by a given name and a family nisba, with no title: «أنس الزياني»,
    /// «عمر الحسني». The nisba (الـ…ي) keeps out «عمر الإنسان» and «حسن الجوار».
    pub fn named_people(&mut self) {
        for i in 0..self.n().saturating_sub(1) {
            let j = i + 1;
            let surname = self.word(j);
            if !(self.is_given(i)
                && !self.is_stop(i)
                && self.t.tight(i)
                && self.listed[i].is_none()
                && surname.starts_with("ال")
                && surname.ends_with('ي')
                && surname.chars().count() >= 5
                && self.name_word(j, false)
                && !self.is_head(j))
            {
                continue;
            }
            // Skip names a title already gave.
            if self.found.iter().any(|n| n.first <= i && i <= n.last) {
                continue;
            }
            self.push(Found {
                start: self.t.words[i].start,
                end: self.t.words[j].end,
                first: i,
                last: j,
                kind: NameKind::Person,
                canonical: Cow::Owned(self.plain(i, j)),
                country: None,
                listed: false,
            });
        }
    }

    /// The word after the first comma within `max` words after word `from`, if the clause
    /// does not end first.
    fn after_comma(&self, from: usize, max: usize) -> Option<usize> {
        let comma = (from..(from + max).min(self.n()))
            .find(|&k| self.t.comma_after(k) || !self.t.tight(k) && self.gap_ends(k))?;
        self.t.comma_after(comma).then_some(comma + 1)
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
        // A family name spelled like a title ends a name: «محمود الشيخ،».
        let surname_title = !first && w.starts_with("ال") && !self.t.tight(j);
        // An indefinite adjective form is a name here («جورجي جيسوس»); a definite one is
        // not («نظيره الفرنسي»).
        !(self.is_stop(j)
            || self.adjective(j).is_some()
            || conjunct
            || (first && (w.starts_with("ال") || verb_like))
            || (self.has(j, |c| c.title | c.title_glue, true) && !surname_title)
            || self
                .classes(j)
                .any(|(s, c)| c.place.is_some_and(|(f, _)| f & form(s) != 0))
            || self.is_head(j))
    }
}
