//! The matching copy of a paragraph: [`fold_char`] applied to every character (harakat,
//! tatweel and bidi marks dropped, alef forms, ى/ي, ة/ه and digits unified), with a map from
//! every folded byte back to the original, and the paragraph's words cut the way the fact
//! rules read them: runs of letters, and numbers (digits with their separators) on their own,
//! so «و416» reads as «و» + «416». Every rule in `facts` matches on this copy and reports
//! ranges of the original.

use std::ops::Range;

use crate::core::text::{digit_value, fold_char, is_word_char};

/// A paragraph and its folded copy.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    pub original: &'a str,
    /// The folded text: ASCII digits, no harakat or tatweel, `.`/`,` for ٫/٬.
    pub text: String,
    /// For each byte of `text` (and one past the end), the original byte offset of the
    /// character that produced it.
    map: Vec<u32>,
    /// The words of `text`, cut once for every rule that reads them.
    words: Vec<Word>,
}

/// What a word is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (and the marks folded away).
    Letters,
    /// Digits, with `.` or `,` between digits kept inside («1,234», «67.5»).
    Number,
}

/// One word of the folded text: a byte range of `Folded::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (i, c) in original.char_indices() {
            let f = match c {
                '\u{066B}' => Some('.'),
                '\u{066C}' => Some(','),
                _ => fold_char(c),
            };
            if let Some(f) = f {
                text.push(f);
                map.resize(text.len(), i as u32);
            }
        }
        map.push(original.len() as u32);
        let words = words_of(&text);
        Folded {
            original,
            text,
            map,
            words,
        }
    }

    /// The original byte offset of folded byte `i` (`text.len()` maps to the original's end).
    pub fn to_original(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }

    /// The original byte range of a folded range. The end takes in the marks that folding
    /// removed after the last character (a word keeps its harakat).
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.to_original(r.start);
        let end = if r.end >= self.text.len() {
            self.original.len()
        } else {
            self.to_original(r.end)
        };
        start..end.max(start)
    }

    /// The original text of a folded range.
    pub fn original_text(&self, r: Range<usize>) -> &'a str {
        let o = self.original_range(r);
        self.original[o].trim_end()
    }

    /// The words of the folded text, in order.
    pub fn words(&self) -> &[Word] {
        &self.words
    }
}

/// Cuts folded text into words: letter runs and number runs, everything else separates.
pub fn words_of(text: &str) -> Vec<Word> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while end < b.len() {
                if b[end].is_ascii_digit() {
                    end += 1;
                } else if matches!(b[end], b'.' | b',')
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            while it.peek().is_some_and(|&(j, _)| j < end) {
                it.next();
            }
            out.push(Word {
                start: i,
                end,
                kind: WordKind::Number,
            });
        } else if is_word_char(c) && digit_value(c).is_none() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) && digit_value(d).is_none() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Word {
                start: i,
                end,
                kind: WordKind::Letters,
            });
        }
    }
    out
}

/// Code point offsets of a paragraph: byte offset → index of the character it starts.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// Byte offset of each character start, ascending, plus the length.
    starts: Vec<u32>,
}

impl CodePoints {
    pub fn new(s: &str) -> Self {
        let mut starts: Vec<u32> = s.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(s.len() as u32);
        CodePoints { starts }
    }

    /// The code point index at byte offset `byte` (rounded down to a character start).
    pub fn at(&self, byte: usize) -> usize {
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of code point `cp`.
    pub fn byte(&self, cp: usize) -> usize {
        self.starts[cp.min(self.starts.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let f = Folded::new("الرَّئِيسُ قالَ");
        assert_eq!(f.text, "الرئيس قال");
        let at = f.text.find("قال").expect("folded word");
        assert_eq!(f.original_text(at..at + "قال".len()), "قالَ");
        assert_eq!(f.original_text(0.."الرئيس".len()), "الرَّئِيسُ");
    }

    #[test]
    fn digits_split_from_letters_and_keep_separators() {
        let f = Folded::new("و416 دبابة و١٬٢٣٤ و٦٧٫٥٪");
        let words: Vec<&str> = f.words().iter().map(|w| &f.text[w.start..w.end]).collect();
        assert_eq!(words, ["و", "416", "دبابه", "و", "1,234", "و", "67.5"]);
        let kinds: Vec<WordKind> = f.words().iter().map(|w| w.kind).collect();
        assert_eq!(kinds[1], WordKind::Number);
        assert_eq!(kinds[0], WordKind::Letters);
    }

    #[test]
    fn trailing_separator_is_not_part_of_a_number() {
        let words = words_of("عام 2020, ثم");
        assert_eq!(&"عام 2020, ثم"[words[1].start..words[1].end], "2020");
    }

    #[test]
    fn code_points() {
        let s = "aب c";
        let cp = CodePoints::new(s);
        assert_eq!(cp.at(0), 0);
        assert_eq!(cp.at(1), 1);
        assert_eq!(cp.at(3), 2);
        assert_eq!(cp.byte(3), 4);
        assert_eq!(cp.at(s.len()), 4);
    }
}
