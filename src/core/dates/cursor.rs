//! The reading primitives the date scanners share: finding digits fast (ASCII, Arabic-Indic
//! and Extended Arabic-Indic), reading a digit run, skipping spaces and invisible marks,
//! Arabic words and their lexicon entries, punctuation and ASCII words. `Scanner` holds the
//! line; every position is a byte offset into it, and nothing is copied.

use super::names::{Lex, fold, is_word_char, lex};
use crate::core::text::digit_value;

/// Whether a digit (ASCII, or the lead byte of an Arabic-Indic one) starts at `i`.
fn digit_starts(b: &[u8], i: usize) -> bool {
    let c = b[i];
    c.is_ascii_digit()
        || (c == 0xD9 && matches!(b.get(i + 1), Some(0xA0..=0xA9)))
        || (c == 0xDB && matches!(b.get(i + 1), Some(0xB0..=0xB9)))
}

/// The byte offset of the first digit at or after `from`. Checks blocks of 64 bytes
/// branch-free (so that it vectorises: it runs over every line of every article), then
/// looks for the exact place in the first block that has one.
fn find_digit(b: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    let n = b.len();
    let mut start = from;
    while start < n {
        let end = (start + BLOCK).min(n);
        let mut hit = false;
        for &c in &b[start..end] {
            hit |= c.wrapping_sub(b'0') < 10;
        }
        // Arabic-Indic ٠–٩ are D9 A0–A9, Extended ۰–۹ are DB B0–B9.
        let pairs_end = end.min(n - 1);
        if start < pairs_end {
            for (&l, &t) in b[start..pairs_end].iter().zip(&b[start + 1..=pairs_end]) {
                hit |= (l == 0xD9) & (t.wrapping_sub(0xA0) < 10);
                hit |= (l == 0xDB) & (t.wrapping_sub(0xB0) < 10);
            }
        }
        if hit && let Some(i) = (start..end).find(|&i| digit_starts(b, i)) {
            return Some(i);
        }
        start = end;
    }
    None
}

/// True when the line holds an ASCII or Arabic-Indic digit.
pub(crate) fn has_digit(b: &[u8]) -> bool {
    find_digit(b, 0).is_some()
}

/// A run of digits: byte range, value (saturated), number of digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: u32,
    pub(super) len: usize,
}

/// A line being scanned for dates.
pub(super) struct Scanner<'a> {
    pub(super) s: &'a str,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}')
}

impl Scanner<'_> {
    /// The character at `pos`.
    pub(super) fn peek(&self, pos: usize) -> Option<char> {
        self.s.get(pos..)?.chars().next()
    }

    /// The character ending at `pos`.
    pub(super) fn before(&self, pos: usize) -> Option<char> {
        self.s.get(..pos)?.chars().next_back()
    }

    /// The first non-space at or after `pos`.
    pub(super) fn skip_ws(&self, mut pos: usize) -> usize {
        while let Some(c) = self.peek(pos) {
            if !is_space(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// The end of the last non-space at or before `pos`.
    pub(super) fn skip_ws_back(&self, mut pos: usize) -> usize {
        while let Some(c) = self.before(pos) {
            if !is_space(c) {
                break;
            }
            pos -= c.len_utf8();
        }
        pos
    }

    /// Consumes `c` (after spaces) if it is one of `set`.
    pub(super) fn punct(&self, pos: usize, set: &[char]) -> Option<usize> {
        let p = self.skip_ws(pos);
        let c = self.peek(p)?;
        set.contains(&c).then(|| p + c.len_utf8())
    }

    /// The digit run starting exactly at `pos`.
    pub(super) fn num_at(&self, pos: usize) -> Option<Num> {
        let mut end = pos;
        let mut value: u32 = 0;
        let mut len = 0;
        for c in self.s.get(pos..)?.chars() {
            let Some(d) = digit_value(c) else { break };
            value = value.saturating_mul(10).saturating_add(d);
            len += 1;
            end += c.len_utf8();
        }
        (len > 0).then_some(Num {
            start: pos,
            end,
            value,
            len,
        })
    }

    /// The next digit run at or after `pos`.
    pub(super) fn next_num(&self, pos: usize) -> Option<Num> {
        self.num_at(find_digit(self.s.as_bytes(), pos)?)
    }

    /// The Arabic word starting at `pos` (its end), if any.
    pub(super) fn word_end(&self, pos: usize) -> Option<usize> {
        let mut end = pos;
        for c in self.s.get(pos..)?.chars() {
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
        (end > pos).then_some(end)
    }

    /// The Arabic word ending at `pos` (its start), if any.
    pub(super) fn word_start(&self, pos: usize) -> Option<usize> {
        let mut start = pos;
        for c in self.s.get(..pos)?.chars().rev() {
            if !is_word_char(c) {
                break;
            }
            start -= c.len_utf8();
        }
        (start < pos).then_some(start)
    }

    /// The lexicon entry of the word at `pos` (after spaces) and its end.
    pub(super) fn lex_at(&self, pos: usize) -> Option<(Lex, usize)> {
        let p = self.skip_ws(pos);
        let end = self.word_end(p)?;
        let f = fold(&self.s[p..end])?;
        Some((lex(f.as_str())?, end))
    }

    /// One of the ASCII `words` at `pos` (after spaces), as a whole word.
    pub(super) fn ascii_word(
        &self,
        pos: usize,
        words: &[&'static str],
    ) -> Option<(&'static str, usize)> {
        let p = self.skip_ws(pos);
        let rest = self.s.get(p..)?;
        for &w in words {
            if rest.len() >= w.len()
                && rest.is_char_boundary(w.len())
                && rest[..w.len()].eq_ignore_ascii_case(w)
                && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some((w, p + w.len()));
            }
        }
        None
    }
}
