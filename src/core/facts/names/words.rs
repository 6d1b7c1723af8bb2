//! The text the name rules read: a paragraph's folded copy with every run of spaces (and a
//! hyphen between two words) squeezed to one space, so that a listed «ناغورنو كاراباخ» also
//! matches «ناغورنو  كاراباخ» and «ناغورنو-كاراباخ», with a map back to the folded copy; its
//! words; and the ways a word splits into clitics, article and stem. Name lists are folded
//! with the same [`squeeze`], so patterns and text agree byte for byte.

use std::borrow::Cow;
use std::ops::Range;

use crate::core::facts::folded::{Folded, Word, words_of};
use crate::core::text::{digit_value, fold_arabic, fold_char, is_word_char};

/// A paragraph as the name rules read it.
pub(super) struct Text<'a> {
    /// The squeezed folded text (the folded text itself when nothing needed squeezing,
    /// as in most paragraphs).
    pub text: Cow<'a, str>,
    /// For each byte of `text`, the byte of the folded text it came from; `None` when they
    /// are the same text.
    map: Option<Vec<u32>>,
    pub words: Vec<Word>,
}

impl<'a> Text<'a> {
    pub fn new(f: &'a Folded<'a>) -> Self {
        let (text, map) = if needs_squeeze(&f.text) {
            let (text, map) = squeeze(&f.text);
            (Cow::Owned(text), Some(map))
        } else {
            (Cow::Borrowed(f.text.as_str()), None)
        };
        let words = words_of(&text);
        Text { text, map, words }
    }

    /// The folded range of a range of `text` (which starts and ends on letters).
    pub fn folded_range(&self, r: Range<usize>) -> Range<usize> {
        let Some(map) = &self.map else {
            return r;
        };
        let start = map.get(r.start).copied().unwrap_or_default() as usize;
        let end = match r.end.checked_sub(1).and_then(|i| map.get(i)) {
            Some(&i) => i as usize + 1,
            None => start,
        };
        start..end.max(start)
    }

    pub fn word(&self, i: usize) -> &str {
        self.words
            .get(i)
            .map_or("", |w| self.text.get(w.start..w.end).unwrap_or(""))
    }

    /// Whether words `i` and `i + 1` are in one phrase: only a space between them.
    pub fn tight(&self, i: usize) -> bool {
        self.gap(i).is_some_and(|g| g == " ")
    }

    /// Whether only a comma (and spaces) stands between words `i` and `i + 1`.
    pub fn comma_after(&self, i: usize) -> bool {
        self.gap(i).is_some_and(|g| matches!(g.trim(), "،" | ","))
    }

    /// The text between words `i` and `i + 1`.
    fn gap(&self, i: usize) -> Option<&str> {
        let a = self.words.get(i)?;
        let b = self.words.get(i + 1)?;
        self.text.get(a.end..b.start)
    }

    /// The index of the word that starts at or contains byte `at`.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.end <= at);
        (i < self.words.len() && self.words[i].start <= at).then_some(i)
    }

    /// Whether a name may end at byte `end`: no letter follows.
    pub fn ends_word(&self, end: usize) -> bool {
        self.text
            .get(end..)
            .and_then(|s| s.chars().next())
            .is_none_or(|c| !is_letter(c))
    }
}

/// A letter of a word (digits are words of their own: «و416»).
pub(super) fn is_letter(c: char) -> bool {
    is_word_char(c) && digit_value(c).is_none()
}

/// Whether [`squeeze`] would change the text: a space that is not single, other white
/// space, or a hyphen.
fn needs_squeeze(folded: &str) -> bool {
    let b = folded.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    // One pass over the bytes: Arabic letters are two bytes led by D8–DB, so only the rare
    // lead bytes of other spaces and hyphens (C2, E1–E3) need a closer look.
    for (i, &c) in b.iter().enumerate() {
        let odd = match c {
            b' ' => b.get(i + 1) == Some(&b' '),
            b'-' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => true,
            0xC2 | 0xE1..=0xE3 => folded
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(|ch| ch.is_whitespace() || matches!(ch, '\u{2010}' | '\u{2011}')),
            _ => false,
        };
        if odd {
            return true;
        }
    }
    false
}

/// Squeezes folded text: spaces and hyphens between words to one space; other characters
/// kept. Returns the text and, for each of its bytes, the input byte it came from.
pub(super) fn squeeze(folded: &str) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(folded.len());
    let mut map = Vec::with_capacity(folded.len());
    let mut pending: Option<usize> = None;
    let mut previous_letter = false;
    for (i, c) in folded.char_indices() {
        let hyphen = matches!(c, '-' | '\u{2010}' | '\u{2011}')
            && previous_letter
            && hyphen_joins(folded.get(i + c.len_utf8()..).unwrap_or(""));
        if c.is_whitespace() || hyphen {
            pending.get_or_insert(i);
            continue;
        }
        if let Some(at) = pending.take()
            && !text.is_empty()
        {
            text.push(' ');
            map.push(at as u32);
        }
        let before = text.len();
        text.push(c);
        map.extend((0..text.len() - before).map(|k| (i + k) as u32));
        previous_letter = is_letter(c);
    }
    (text, map)
}

/// Whether a hyphen is followed (after spaces) by a letter.
fn hyphen_joins(rest: &str) -> bool {
    rest.trim_start().chars().next().is_some_and(is_letter)
}

/// A name as the automaton holds it: folded and squeezed.
pub(super) fn fold_name(name: &str) -> String {
    squeeze(&fold_arabic(name)).0
}

/// A spelling folded but for its shadda: «عمّان» (Amman) and «عمان» (Oman) fold alike, and
/// the shadda is what a writer adds to tell them apart.
pub(super) fn fold_keep_shadda(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c == '\u{0651}' {
                Some(c)
            } else {
                fold_char(c)
            }
        })
        .collect()
}

/// One way to read a word: proclitics, then maybe the article, then the stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Split<'a> {
    /// Bytes of proclitics (و ف ب ل ك) before the article or stem.
    pub clitic: usize,
    /// Whether the article is there (ال, or the ل left of it after the preposition ل: «للحكومة»).
    pub al: bool,
    pub stem: &'a str,
}

/// The readings of a word, the plainest first: the word itself, then without the article,
/// then with one or two proclitics (و/ف then ب/ل/ك), each with and without the article. A
/// stem keeps at least two letters. (Prefixes are compared as characters: this runs on
/// every word of every paragraph.)
pub(super) fn splits<'a>(w: &'a str) -> impl Iterator<Item = Split<'a>> {
    let mut out: [Option<Split<'a>>; 8] = [None; 8];
    let mut n = 0;
    let mut push = |s: Split<'a>| {
        if s.stem.chars().nth(1).is_some() && n < out.len() {
            out[n] = Some(s);
            n += 1;
        }
    };
    let first = w.strip_prefix(['و', 'ف']);
    for (a, r1) in [(0, Some(w)), (2, first)] {
        let Some(r1) = r1 else { continue };
        let second = r1.strip_prefix(['ب', 'ل', 'ك']);
        for (b, r2) in [(0, Some(r1)), (2, second)] {
            let Some(r2) = r2 else { continue };
            let clitic = a + b;
            push(Split {
                clitic,
                al: false,
                stem: r2,
            });
            let after_l = b > 0 && r1.starts_with('ل');
            if let Some(stem) = r2.strip_prefix('ا').and_then(|r| r.strip_prefix('ل')) {
                // ل + ال is written لل; «بال», «وال» keep the alef.
                if !after_l {
                    push(Split {
                        clitic,
                        al: true,
                        stem,
                    });
                }
            } else if after_l && let Some(stem) = r2.strip_prefix('ل') {
                push(Split {
                    clitic,
                    al: true,
                    stem,
                });
            }
        }
    }
    out.into_iter().take(n).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezes_spaces_and_hyphens_between_words() {
        let (t, map) = squeeze("ناغورنو  -كاراباخ  \n و 300-إس");
        assert_eq!(t, "ناغورنو كاراباخ و 300-إس");
        assert_eq!(map.len(), t.len());
        // The space after «ناغورنو» comes from the first of the two spaces.
        assert_eq!(map["ناغورنو".len()] as usize, "ناغورنو".len());
    }

    #[test]
    fn splits_read_clitics_and_article() {
        let read = |w: &str| -> Vec<(usize, bool, String)> {
            splits(w)
                .map(|s| (s.clitic, s.al, s.stem.to_string()))
                .collect()
        };
        assert!(read("للحكومه").contains(&(2, true, "حكومه".into())));
        assert!(read("والجيش").contains(&(2, true, "جيش".into())));
        assert!(read("بالقاهره").contains(&(2, true, "قاهره".into())));
        assert!(read("الجيش").contains(&(0, true, "جيش".into())));
        assert_eq!(read("الجيش")[0], (0, false, "الجيش".into()));
        // A stem keeps two letters: «بل» is not ب + ل.
        assert!(!read("بل").iter().any(|(c, _, _)| *c > 0));
    }
}
