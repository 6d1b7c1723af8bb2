//! The reading of one paragraph: its words with their classes (looked up once), the listed
//! names with their checks (an ordinary word needs a trigger, «مسقط رأسه» is no city), and
//! the helpers the other rules share. The rules that find names the lists alone do not give
//! live in `institutions` (a head and a country), `people` and `places` (words around an
//! unknown name). Every rule reads words of the squeezed text (`words::Text`) and
//! leaves its names in `Scan::found`; `names::resolve` settles overlaps.

mod institutions;
mod listed;
mod people;
mod places;

pub(super) use people::family_names;

use super::Found;
use super::lists::{Adjective, DEFINITE, Forms, INDEFINITE, Lists, WordClass};
use super::words::{Split, Text};
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
    /// Canonical names of entities the article named before this paragraph: an ordinary
    /// word that names one of them needs no trigger here («الرجاء» after «الرجاء الرياضي»).
    seen: Vec<String>,
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
            seen: Vec::new(),
        }
    }

    /// Remembers the entities named earlier in the article.
    pub fn remember(&mut self, earlier: &[crate::core::facts::names::NameHit]) {
        for h in earlier {
            if !self.seen.contains(&h.canonical) {
                self.seen.push(h.canonical.clone());
            }
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
        // «على» folds to «علي»: the name is written with ي.
        if self.word(i) == "علي" && !self.original_ends_with(i, 'ى') {
            return false;
        }
        self.has(i, |c| c.stop, false)
    }

    /// Whether a reading of word `i` is an institution head in a form the head takes.
    fn is_head(&self, i: usize) -> bool {
        self.classes(i)
            .any(|(s, c)| c.heads.iter().any(|(f, _)| f & form(s) != 0))
    }

    /// Whether word `i` as written ends with `c` (before folding: ى, ة, marks).
    fn original_ends_with(&self, i: usize, c: char) -> bool {
        let Some(w) = self.t.words.get(i) else {
            return false;
        };
        let r = self.t.folded_range(w.start..w.end);
        self.f
            .original_text(r)
            .chars()
            .rev()
            .find(|&ch| fold_char(ch).is_some())
            == Some(c)
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
}

/// The form bit of a reading: definite or bare.
fn form(s: Split<'_>) -> Forms {
    if s.al { DEFINITE } else { INDEFINITE }
}
