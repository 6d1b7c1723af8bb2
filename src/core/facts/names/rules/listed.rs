//! Listed names in a paragraph, with the checks a match must pass: an ordinary word needs a
//! trigger or a listed neighbour of its kind, a ة must be written ة, «مسقط رأسه» is no city,
//! and a country spelled like an adjective is one after a noun («ليرة سورية»).

use std::borrow::Cow;

use super::{Scan, form};
use crate::core::facts::NameKind;
use crate::core::facts::names::lists::Entry;
use crate::core::facts::names::words::{fold_keep_shadda, fold_name, splits};
use crate::core::facts::names::{Found, Listed, name_starts, search};

impl Scan<'_> {
    /// Listed names: where the automaton finds a spelling at a word start (after clitics),
    /// the longest spelling there that ends a word; then names after «لل».
    pub fn listed_names(&mut self) {
        let lists = self.lists;
        // Ordinary words that had no trigger, for a second look once all names are known.
        let mut held: Vec<(usize, Listed)> = Vec::new();
        let mut i = 0;
        while i < self.n() {
            // «الرياض وجدة»: after a name, a و that could start the next one is «and».
            let after_name = i > 0 && self.t.tight(i - 1) && self.listed[i - 1].is_some();
            let mut best: Option<Listed> = None;
            for start in name_starts(self.t, i) {
                let rest = self.t.text.get(start..).unwrap_or_default();
                if !lists.openings.may_start(rest) {
                    continue;
                }
                let l = search(self.t, lists.names.as_ref(), &lists.patterns, start, start);
                if let Some(l) = l
                    && best
                        .as_ref()
                        .is_none_or(|b| l.end > b.end || (after_name && l.end == b.end))
                {
                    best = Some(l);
                }
            }
            let accepted = match best {
                Some(l) if self.accept(i, &l) => Some(l),
                Some(l) => {
                    if l.pattern.ordinary {
                        held.push((i, l));
                    }
                    None
                }
                None => None,
            };
            i = match accepted {
                Some(l) => self.t.word_at(l.end.saturating_sub(1)).unwrap_or(i) + 1,
                None => i + 1,
            };
        }
        // ل + ال written لل: the name's own article lost its alef («للولايات المتحدة»).
        for i in 0..self.n() {
            let w = self.word(i);
            if self.listed[i].is_some() {
                continue;
            }
            let Some(clitic) = ["لل", "ولل", "فلل"].iter().find(|p| w.starts_with(**p))
            else {
                continue;
            };
            let word_start = self.t.words[i].start;
            let start = word_start + clitic.len() - 'ل'.len_utf8();
            let at = word_start + clitic.len();
            if let Some(l) = search(
                self.t,
                lists.names_after_l.as_ref(),
                &lists.patterns_after_l,
                start,
                at,
            ) {
                self.accept(i, &l);
            }
        }
        // «مباراة الرجاء والجيش الملكي»: an ordinary word joined by «و» to a name of its kind
        // is that kind of name too.
        for (i, l) in held {
            if self.listed[i].is_none() && self.coordinated(i, &l) {
                self.found_listed(i, &l);
            }
        }
    }

    /// Records a listed name that starts in word `i` if its checks pass: an ordinary word
    /// needs a trigger, a ة must be written ة, and the next word must not undo it.
    fn accept(&mut self, i: usize, l: &Listed) -> bool {
        let Some(entry) = self.entry_of(l) else {
            return false;
        };
        let last = self.t.word_at(l.end.saturating_sub(1)).unwrap_or(i);
        let ok = (!l.pattern.ordinary
            || !self.is_ordinary(l.start, l.end, l.spelling.clone())
            || self.after_trigger(i, entry.kind)
            || self.seen.iter().any(|c| c == entry.canonical))
            && (!l.pattern.ta_marbuta || self.ends_in_ta_marbuta(l.end))
            && !self.undone_by_next(l.spelling.clone(), last)
            && !self.has_tanwin(l.start, l.end)
            && !(entry.kind == NameKind::Place && self.reads_as_adjective(i, l))
            && !self.someone_else(i, l, entry);
        if !ok {
            return false;
        }
        self.found_listed(i, l);
        true
    }

    /// Records a listed name that starts in word `i`.
    fn found_listed(&mut self, i: usize, l: &Listed) {
        let Some(entry) = self.entry_of(l) else {
            return;
        };
        let last = self.t.word_at(l.end.saturating_sub(1)).unwrap_or(i);
        let id = self.found.len() as u32;
        for slot in self.listed.iter_mut().take(last + 1).skip(i) {
            *slot = Some(id);
        }
        self.push(Found {
            start: l.start,
            end: l.end,
            first: i,
            last,
            kind: entry.kind,
            canonical: Cow::Borrowed(entry.canonical),
            country: entry.country,
            listed: true,
        });
    }

    /// The entity a match names: its pattern's, or one whose spelling has a shadda the text
    /// has too («عمّان»).
    fn entry_of(&self, l: &Listed) -> Option<&'static Entry> {
        let entries = &self.lists.entries;
        if let Some(marked) = self
            .t
            .text
            .get(l.spelling.clone())
            .and_then(|s| self.lists.marked.get(s))
        {
            let r = self.t.folded_range(l.start..l.end);
            let written = fold_keep_shadda(self.f.original_text(r));
            if let Some((_, id)) = marked.iter().find(|(m, _)| *m == written) {
                return entries.get(*id as usize);
            }
        }
        entries.get(l.pattern.entry as usize)
    }

    /// Whether an ordinary word at word `i` is joined by «و» to a listed name of its kind
    /// right before or after it.
    fn coordinated(&self, i: usize, l: &Listed) -> bool {
        let Some(kind) = self.entry_of(l).map(|e| e.kind) else {
            return false;
        };
        let last = self.t.word_at(l.end.saturating_sub(1)).unwrap_or(i);
        let same = |k: usize| {
            self.listed
                .get(k)
                .copied()
                .flatten()
                .and_then(|id| self.found.get(id as usize))
                .is_some_and(|n| n.kind == kind)
        };
        let joined_here = self.word(i).starts_with('و') && l.start > self.t.words[i].start;
        (i > 0 && self.t.tight(i - 1) && joined_here && same(i - 1))
            || (self.t.tight(last) && self.word(last + 1).starts_with('و') && same(last + 1))
    }

    /// Whether a person's family name alone follows another given name: «أنس الزياني» is
    /// not «عبد اللطيف الزياني».
    fn someone_else(&self, i: usize, l: &Listed, entry: &Entry) -> bool {
        // Arab family names are shared; a foreign leader's surname is his own.
        let single = self
            .t
            .text
            .get(l.spelling.clone())
            .is_some_and(|s| !s.contains(' ') && s.starts_with("ال"));
        if entry.kind != NameKind::Person || !single || i == 0 || !self.t.tight(i - 1) {
            return false;
        }
        let Some(first) = entry
            .canonical
            .split(' ')
            .next()
            .filter(|_| entry.canonical.contains(' '))
        else {
            return false;
        };
        self.is_given(i - 1) && fold_name(first) != self.word(i - 1)
    }

    /// Whether the original text of a match carries the accusative tanwin («جندياً
    /// أرمينياً» is an adjective, not Armenia).
    fn has_tanwin(&self, start: usize, end: usize) -> bool {
        let r = self.t.folded_range(start..end);
        self.f.original_text(r).contains('\u{064B}')
    }

    /// Whether a listed place spelled like a nationality adjective reads as one here: after
    /// a definite noun with the article («الأسهم السعودية»), after an indefinite feminine
    /// noun without it («ليرة سورية»).
    fn reads_as_adjective(&self, i: usize, l: &Listed) -> bool {
        let Some(spelling) = self.t.text.get(l.spelling.clone()) else {
            return false;
        };
        if spelling.contains(' ') || i == 0 || !self.t.tight(i - 1) || self.listed[i - 1].is_some()
        {
            return false;
        }
        let (definite, stem) = match spelling.strip_prefix("ال") {
            Some(stem) => (true, stem),
            None => (false, spelling),
        };
        if !self.lists.adjectives.contains_key(stem) || l.start > self.t.words[i].start {
            return false;
        }
        let prev = self.word(i - 1);
        if self.is_stop(i - 1) || self.is_head(i - 1) {
            return false;
        }
        // Without the article only the feminine: a noun written with ة before it («ليرة
        // سورية»); an accusative «ـاً» is caught by its tanwin, and «بينها أرمينيا» is a name.
        if definite {
            splits(prev).any(|s| s.al)
        } else {
            !prev.starts_with("ال")
                && spelling.ends_with('ه')
                && self.original_ends_with(i - 1, 'ة')
        }
    }

    /// Whether a listed name that is spelled like an ordinary word is written as that word:
    /// exactly, or with no hamza or madda that would tell them apart («آقدام» is the town,
    /// «أقدام» and «اقدام» are feet).
    fn is_ordinary(&self, start: usize, end: usize, spelling: std::ops::Range<usize>) -> bool {
        let Some(words) = self
            .t
            .text
            .get(spelling)
            .and_then(|s| self.lists.ordinary.get(s))
        else {
            return false;
        };
        let plain = self.plain_range(start, end);
        let folded = self.t.text.get(start..end).unwrap_or_default();
        plain == folded || words.iter().any(|w| *w == plain)
    }

    /// Whether the word before `i` is a trigger for a name of `kind`.
    fn after_trigger(&self, i: usize, kind: NameKind) -> bool {
        let Some(p) = i.checked_sub(1).filter(|&p| self.t.tight(p)) else {
            return false;
        };
        self.classes(p).any(|(s, c)| match kind {
            NameKind::Place => c.place.is_some_and(|(forms, _)| forms & form(s) != 0),
            NameKind::Person => c.title & form(s) != 0,
            NameKind::Organization => c.heads.iter().any(|(forms, _)| forms & form(s) != 0),
        })
    }

    /// Whether the original letter before folded-text byte `end` is ة (not ه).
    fn ends_in_ta_marbuta(&self, end: usize) -> bool {
        let r = self.t.folded_range(end.saturating_sub(1)..end);
        let at = self.f.to_original(r.start);
        self.f.original.get(at..).and_then(|s| s.chars().next()) != Some('ه')
    }

    /// Whether the word after a name undoes it («مسقط رأسه»).
    fn undone_by_next(&self, spelling: std::ops::Range<usize>, last: usize) -> bool {
        let Some(after) = self
            .t
            .text
            .get(spelling)
            .and_then(|s| self.lists.not_before.get(s))
        else {
            return false;
        };
        let next = self.word(last + 1);
        self.t.tight(last) && after.iter().any(|a| next.starts_with(a.as_str()))
    }
}
