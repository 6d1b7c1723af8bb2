//! The words of one paragraph as the quantity rules read them: each folded word with its
//! range, whether a date already owns it, the text between words (a rule that reads two
//! words as one phrase demands plain spaces between them), the clitics a word may carry
//! (و ف ب ل ك and ال) and the original spelling of a word for the units we report.

use std::ops::Range;

use crate::core::facts::folded::{Folded, WordKind};
use crate::core::text::fold_char;

use super::lexicon::{CLITICS, class, lexicon};

pub(super) struct Tok<'t> {
    /// The folded word.
    pub s: &'t str,
    /// Its folded byte range.
    pub start: usize,
    pub end: usize,
    /// Digits (with their separators).
    pub num: bool,
    /// Inside a range the caller already gave to a date.
    pub skipped: bool,
}

pub(super) struct Toks<'a, 't> {
    pub f: &'t Folded<'a>,
    pub t: Vec<Tok<'t>>,
}

/// One reading of a word: `pre` bytes of clitics, then `stem`; `def` when ال was among them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Split<'w> {
    pub pre: usize,
    pub stem: &'w str,
    pub def: bool,
}

impl<'a, 't> Toks<'a, 't> {
    pub fn new(f: &'t Folded<'a>, skip: &[Range<usize>]) -> Self {
        let t = f
            .words()
            .iter()
            .map(|w| Tok {
                s: &f.text[w.start..w.end],
                start: w.start,
                end: w.end,
                num: w.kind == WordKind::Number,
                skipped: !skip.is_empty() && {
                    let o = f.original_range(w.start..w.end);
                    skip.iter().any(|r| r.start < o.end && o.start < r.end)
                },
            })
            .collect();
        Toks { f, t }
    }

    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// The folded word `i`, or "" past either end.
    pub fn s(&self, i: usize) -> &'t str {
        self.t.get(i).map_or("", |t| t.s)
    }

    pub fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.num && !t.skipped)
    }

    pub fn is_letters(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.num && !t.skipped)
    }

    /// The folded text between word `i - 1` and word `i` (from the start for the first).
    pub fn gap_before(&self, i: usize) -> &'t str {
        let Some(t) = self.t.get(i) else { return "" };
        let from = if i == 0 { 0 } else { self.t[i - 1].end };
        &self.f.text[from..t.start]
    }

    /// The folded text between word `i` and word `i + 1` (to the end after the last).
    pub fn gap_after(&self, i: usize) -> &'t str {
        let Some(t) = self.t.get(i) else { return "" };
        let to = self.t.get(i + 1).map_or(self.f.text.len(), |n| n.start);
        &self.f.text[t.end..to]
    }

    /// Whether words `i - 1` and `i` are read as one phrase: only spaces between them.
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && is_blank(self.gap_before(i))
    }

    /// The original byte range of folded bytes `a..b`, without trailing spaces.
    pub fn original(&self, a: usize, b: usize) -> Range<usize> {
        let r = self.f.original_range(a..b);
        let trimmed = self.f.original[r.clone()].trim_end().len();
        r.start..r.start + trimmed
    }

    /// Word `i` as printed, without harakat or tatweel: one char for each folded char.
    pub fn printed(&self, i: usize) -> String {
        let t = &self.t[i];
        let r = self.f.original_range(t.start..t.end);
        self.f.original[r]
            .chars()
            .filter(|&c| fold_char(c).is_some())
            .collect()
    }
}

pub(super) fn is_blank(gap: &str) -> bool {
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{200c}' | '\u{200d}'))
}

pub(super) fn letters(w: &str) -> usize {
    w.chars().count()
}

/// The readings of `w` from the least stripped: as is, then without و/ف and ب/ل/ك, then
/// without ال (لل counts as ل + ال). `f` sees each until it answers.
pub(super) fn find_split<'w, T>(
    w: &'w str,
    mut f: impl FnMut(Split<'w>) -> Option<T>,
) -> Option<T> {
    for p in CLITICS {
        let Some(rest) = w.strip_prefix(p) else {
            continue;
        };
        if letters(rest) < 2 {
            continue;
        }
        if let Some(x) = f(Split {
            pre: p.len(),
            stem: rest,
            def: false,
        }) {
            return Some(x);
        }
        // «لل» is the preposition ل on the article, its alif dropped.
        let article = rest
            .strip_prefix("ال")
            .map(|s| (s, "ال".len()))
            .or_else(|| {
                p.ends_with('ل')
                    .then(|| rest.strip_prefix('ل').map(|s| (s, 'ل'.len_utf8())))
                    .flatten()
            });
        if let Some((stem, len)) = article.filter(|(s, _)| letters(s) >= 2)
            && let Some(x) = f(Split {
                pre: p.len() + len,
                stem,
                def: true,
            })
        {
            return Some(x);
        }
    }
    None
}

/// Whether `w` carries the article: ال (after any clitics) or لل, and is not a word that
/// only looks so (ألف folds to الف, إلى to الي).
pub(super) fn is_def(w: &str) -> bool {
    if lexicon().is(w, class::NOT_DEF) {
        return false;
    }
    ["", "و", "ف", "ب", "ك", "وب", "فب"].iter().any(|p| {
        w.strip_prefix(p)
            .and_then(|r| r.strip_prefix("ال"))
            .is_some_and(|s| letters(s) >= 2)
    }) || ["لل", "ولل", "فلل"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|s| letters(s) >= 2))
}

/// `printed` (one char for each folded char) with `pre` chars dropped from the front and
/// `post` from the back.
pub(super) fn trim_chars(printed: &str, pre: usize, post: usize) -> String {
    let n = printed.chars().count();
    printed
        .chars()
        .skip(pre)
        .take(n.saturating_sub(pre + post))
        .collect()
}
