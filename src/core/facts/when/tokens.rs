//! The paragraph as the text-date rules read it: its folded words ([`Tok`], each with its
//! original byte range and its [`words::entry`]), what lies between two words ([`Gap`]), and
//! the window of words a rule may look at ([`Cur`]): not before the end of the last date
//! found, not into the next date the full-date scanner found; with the publication date and
//! the month of the last date read.

use chrono::NaiveDate;

use super::words::{Entry, Role, W, entry};
use crate::core::facts::folded::{Folded, WordKind};
use crate::core::text::{digit_value, is_mark};

/// One word of the paragraph.
#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    /// Original byte range.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The folded word, clitics included.
    pub(super) text: &'a str,
    /// Bytes of clitics before the word the entry was found for, in the folded word.
    pub(super) clitic: usize,
    /// Where the word proper starts in the original (after its clitics and their marks).
    word: usize,
    /// The value of a number made of digits only (no separators), and its digit count.
    pub(super) num: Option<(u32, usize)>,
    pub(super) e: Entry,
}

impl Tok<'_> {
    pub(super) fn w(&self) -> Option<W> {
        self.e.w
    }

    pub(super) fn has(&self, role: Role) -> bool {
        self.e.roles & role != 0
    }

    /// The folded word without its clitics.
    pub(super) fn base(&self) -> &str {
        &self.text[self.clitic..]
    }

    /// Where the word proper starts in the original (after its clitics).
    pub(super) fn word_start(&self) -> usize {
        self.word
    }
}

/// Cuts the folded paragraph into tokens.
pub(super) fn tokens<'a>(f: &'a Folded<'_>) -> Vec<Tok<'a>> {
    f.words()
        .iter()
        .map(|w| {
            let text = &f.text[w.start..w.end];
            let o = f.original_range(w.start..w.end);
            let (num, (e, clitic)) = match w.kind {
                WordKind::Number => {
                    let digits = text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 9;
                    let n = digits.then(|| (text.parse().unwrap_or(0), text.len()));
                    (n, (Entry::default(), 0))
                }
                WordKind::Letters => (None, entry(text).unwrap_or_default()),
            };
            // The first letter after the clitics; marks on a clitic stay with the clitic.
            let word = if clitic == 0 {
                o.start
            } else {
                f.to_original(w.start + clitic)
            };
            Tok {
                start: o.start,
                end: o.end,
                text,
                clitic,
                word,
                num,
                e,
            }
        })
        .collect()
}

/// What separates two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// Spaces, invisible marks, or nothing.
    Space,
    /// One punctuation character among spaces.
    Punct(char),
    Other,
}

/// Spaces and the characters folding drops: they never separate a date's parts.
pub(super) fn ignorable(c: char) -> bool {
    c.is_whitespace()
        || is_mark(c)
        || matches!(c, '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}')
}

pub(super) fn gap_of(s: &str) -> Gap {
    let mut it = s.chars().filter(|&c| !ignorable(c));
    match (it.next(), it.next()) {
        (None, _) => Gap::Space,
        (Some(c), None) => Gap::Punct(c),
        _ => Gap::Other,
    }
}

/// The tokens a rule may read, `lo..hi`, and the publication date.
pub(super) struct Cur<'c, 'a> {
    pub(super) s: &'a str,
    pub(super) toks: &'c [Tok<'a>],
    pub(super) lo: usize,
    pub(super) hi: usize,
    pub(super) published: Option<NaiveDate>,
    /// The year and month of the last date read before this window, and whether the
    /// publication date chose them: what «الشهر نفسه» refers to.
    pub(super) context: Option<(i32, u32, bool)>,
}

impl<'a> Cur<'_, 'a> {
    pub(super) fn get(&self, j: usize) -> Option<&Tok<'a>> {
        (self.lo..self.hi).contains(&j).then(|| &self.toks[j])
    }

    /// The gap between tokens `a` and `b` (a < b).
    pub(super) fn gap(&self, a: usize, b: usize) -> Gap {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) if x.end <= y.start => gap_of(&self.s[x.end..y.start]),
            _ => Gap::Other,
        }
    }

    /// Whether tokens `a` and `a + 1` touch (a clitic or a marker glued to a number).
    pub(super) fn glued(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => self.s[x.end..y.start]
                .chars()
                .all(|c| ignorable(c) && !c.is_whitespace()),
            _ => false,
        }
    }

    /// The byte just past a «)» that follows token `a` after spaces, if one does.
    pub(super) fn paren_end(&self, a: usize) -> Option<usize> {
        let t = self.toks.get(a)?;
        let rest = &self.s[t.end..];
        let skip = rest.len() - rest.trim_start_matches(ignorable).len();
        rest[skip..].starts_with(')').then_some(t.end + skip + 1)
    }

    /// The token after `j` when only spaces separate them.
    pub(super) fn next_sp(&self, j: usize) -> Option<&Tok<'a>> {
        let t = self.get(j + 1)?;
        (self.gap(j, j + 1) == Gap::Space).then_some(t)
    }

    /// The index of the token before `j` when only spaces separate them.
    pub(super) fn prev_sp(&self, j: usize) -> Option<usize> {
        let p = j.checked_sub(1)?;
        self.get(p)?;
        (self.gap(p, j) == Gap::Space).then_some(p)
    }

    /// Whether number token `j` ends a dashed pair of numbers («12-15», «2019-2020»): the
    /// rules read such a pair from its first number.
    pub(super) fn after_dash(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        let Some(p) = j.checked_sub(1).and_then(|p| self.toks.get(p)) else {
            return false;
        };
        p.num.is_some() && matches!(gap_of(&self.s[p.end..t.start]), Gap::Punct('-' | '–' | '—'))
    }

    /// The original character just before byte `at`, and just after byte `at`.
    pub(super) fn char_before(&self, at: usize) -> Option<char> {
        self.s.get(..at)?.chars().next_back()
    }

    pub(super) fn char_after(&self, at: usize) -> Option<char> {
        self.s.get(at..)?.chars().next()
    }

    /// Whether the number token `j` stands alone: not glued to letters other than a one-letter
    /// clitic or «ال», and not one piece of a longer number, time or code («10:30», «1.5», «3/4»).
    pub(super) fn lone_number(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        // «و27», «ل2020», «الـ27»
        if let Some(p) = j.checked_sub(1)
            && self.glued(p)
            && !matches!(self.toks[p].text, "و" | "ب" | "ل" | "ف" | "ال")
        {
            return false;
        }
        let digit = |c: Option<char>| c.is_some_and(|c| digit_value(c).is_some());
        if let Some(c) = self.char_before(t.start)
            && matches!(c, ':' | '/' | '.' | ',' | '٫' | '٬' | '+')
            && digit(self.char_before(t.start - c.len_utf8()))
        {
            return false;
        }
        if let Some(c) = self.char_after(t.end)
            && matches!(c, ':' | '/' | '.' | ',' | '٫' | '٬')
            && digit(self.char_after(t.end + c.len_utf8()))
        {
            return false;
        }
        !matches!(self.char_after(t.end), Some('%' | '٪'))
    }
}
