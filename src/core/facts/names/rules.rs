//! The reading of one paragraph: its words with their classes (looked up once), the listed
//! names with their checks (an ordinary word needs a trigger, «مسقط رأسه» is no city), and
//! the helpers the other rules share. The rules that find names the lists alone do not give
//! live in `institutions` (a head and a country) and `triggered` (a title or a place word
//! before an unknown name). Every rule reads words of the squeezed text (`words::Text`) and
//! leaves its names in `Scan::found`; `names::resolve` settles overlaps.

mod institutions;
mod triggered;

use std::borrow::Cow;

use super::lists::{Adjective, DEFINITE, Forms, INDEFINITE, Lists, WordClass};
use super::words::{Split, Text};
use super::{Found, Listed, name_starts, search};
use crate::core::facts::NameKind;
use crate::core::facts::folded::{Folded, WordKind};
use crate::core::text::fold_char;

/// One paragraph being read.
pub(super) struct Scan<'a> {
    lists: &'static Lists,
    t: &'a Text<'a>,
    f: &'a Folded<'a>,
    pub found: Vec<Found>,
    /// For each word, the listed name covering it.
    listed: Vec<Option<u32>>,
    /// The classes of every reading of every word, looked up once: word `i` has
    /// `classes[class_at[i]..class_at[i + 1]]`.
    classes: Vec<(Split<'a>, &'static WordClass)>,
    class_at: Vec<u32>,
}

impl<'a> Scan<'a> {
    pub fn new(lists: &'static Lists, t: &'a Text<'a>, f: &'a Folded<'a>) -> Self {
        let mut classes = Vec::with_capacity(t.words.len());
        let mut class_at = Vec::with_capacity(t.words.len() + 1);
        for (i, w) in t.words.iter().enumerate() {
            class_at.push(classes.len() as u32);
            if w.kind == WordKind::Letters {
                classes.extend(lists.class_of(t.word(i)));
            }
        }
        class_at.push(classes.len() as u32);
        Scan {
            lists,
            t,
            f,
            found: Vec::new(),
            listed: vec![None; t.words.len()],
            classes,
            class_at,
        }
    }

    fn n(&self) -> usize {
        self.t.words.len()
    }

    fn word(&self, i: usize) -> &'a str {
        self.t.word(i)
    }

    fn is_letters(&self, i: usize) -> bool {
        self.t
            .words
            .get(i)
            .is_some_and(|w| w.kind == WordKind::Letters)
    }

    /// The listed name that covers word `i`, if it starts there.
    fn listed_from(&self, i: usize) -> Option<&Found> {
        let id = (*self.listed.get(i)?)?;
        self.found.get(id as usize).filter(|n| n.first == i)
    }

    /// The readings of word `i` that have a class (whether the class accepts the reading's
    /// form, bare or definite, is the caller's to check).
    fn classes(&self, i: usize) -> impl Iterator<Item = (Split<'a>, &'static WordClass)> + '_ {
        let (a, b) = match (self.class_at.get(i), self.class_at.get(i + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        self.classes.get(a..b).unwrap_or_default().iter().copied()
    }

    fn has(&self, i: usize, pick: impl Fn(&WordClass) -> Forms, clitics: bool) -> bool {
        self.classes(i)
            .any(|(s, c)| (clitics || s.clitic == 0) && pick(c) & form(s) != 0)
    }

    fn is_stop(&self, i: usize) -> bool {
        self.has(i, |c| c.stop, false)
    }

    /// Whether word `i`, as written (no clitics), is in a class.
    fn is(&self, i: usize, pick: impl Fn(&WordClass) -> bool) -> bool {
        self.classes(i).any(|(s, c)| s.clitic == 0 && pick(c))
    }

    fn is_given(&self, i: usize) -> bool {
        self.is(i, |c| c.given)
    }

    /// A definite nationality adjective with no other clitic («الآذرية»).
    fn adjective(&self, i: usize) -> Option<&'static Adjective> {
        let w = self.word(i);
        w.starts_with("ال")
            .then(|| self.lists.adjective(w, false))
            .flatten()
    }

    /// The plain text of words `first..=last`: the original with its marks dropped.
    fn plain(&self, first: usize, last: usize) -> String {
        let (Some(a), Some(b)) = (self.t.words.get(first), self.t.words.get(last)) else {
            return String::new();
        };
        self.plain_range(a.start, b.end)
    }

    fn plain_range(&self, start: usize, end: usize) -> String {
        let original = self.f.original_text(self.t.folded_range(start..end));
        let mut out = String::with_capacity(original.len());
        for c in original.chars() {
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else if fold_char(c).is_some() {
                out.push(c);
            }
        }
        out.trim().to_string()
    }

    fn push(&mut self, n: Found) {
        self.found.push(n);
    }

    /// Listed names: where the automaton finds a spelling at a word start (after clitics),
    /// the longest spelling there that ends a word; then names after «لل».
    pub fn listed_names(&mut self) {
        let lists = self.lists;
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
            let accepted = best.filter(|l| self.accept(i, l));
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
    }

    /// Records a listed name that starts in word `i` if its checks pass: an ordinary word
    /// needs a trigger, a ة must be written ة, and the next word must not undo it.
    fn accept(&mut self, i: usize, l: &Listed) -> bool {
        let Some(entry) = self.lists.entries.get(l.pattern.entry as usize) else {
            return false;
        };
        let last = self.t.word_at(l.end.saturating_sub(1)).unwrap_or(i);
        let ok = (!l.pattern.ordinary
            || !self.is_ordinary(l.start, l.end, l.spelling.clone())
            || self.after_trigger(i, entry.kind))
            && (!l.pattern.ta_marbuta || self.ends_in_ta_marbuta(l.end))
            && !self.undone_by_next(l.spelling.clone(), last);
        if !ok {
            return false;
        }
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
        true
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

/// The form bit of a reading: definite or bare.
fn form(s: Split<'_>) -> Forms {
    if s.al { DEFINITE } else { INDEFINITE }
}
