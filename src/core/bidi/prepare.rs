//! Preparing a paragraph for layout: what is removed or replaced before the bidi algorithm
//! sees the text, and the map from the prepared text back to the input.
//!
//! Untrusted text loses its escape sequences, control characters, bidi embeddings and
//! overrides, and any isolate that is unbalanced or nested deeper than
//! [`MAX_ISOLATE_DEPTH`](super::MAX_ISOLATE_DEPTH); line breaks and tabs become spaces. With
//! `show_invisibles` each removal leaves a one-cell marker instead. Most paragraphs need none
//! of this and are borrowed as they are.

use std::borrow::Cow;
use std::ops::Range;

use super::{Controls, LayoutOptions, MAX_ISOLATE_DEPTH};
use crate::core::sanitize::{Piece, Removed, Scanner};

/// A paragraph ready for the bidi algorithm.
pub(crate) struct Prepared<'a> {
    pub text: Cow<'a, str>,
    pub map: SourceMap,
    /// Start offsets (in `text`) of the markers that stand for removed input, ascending.
    pub markers: Vec<u32>,
    /// How many characters or escape sequences were removed (or marked).
    pub removed: usize,
}

/// Maps byte offsets of the prepared text back to the input. Empty when the two are the
/// same text.
#[derive(Debug, Default)]
pub(crate) struct SourceMap {
    pieces: Vec<MapPiece>,
}

/// From `prep` on, the prepared text copies the input from `orig` on; or, when `stands_for`
/// is not zero, the one prepared character at `prep` replaces that many input bytes.
#[derive(Debug, Clone, Copy)]
struct MapPiece {
    prep: u32,
    orig: u32,
    stands_for: u32,
}

impl SourceMap {
    fn piece_at(&self, prep: u32) -> Option<&MapPiece> {
        let i = self.pieces.partition_point(|p| p.prep <= prep);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    /// The input offset where the prepared character at `prep` comes from.
    pub fn start(&self, prep: u32) -> u32 {
        match self.piece_at(prep) {
            None => prep,
            Some(p) if p.stands_for > 0 => p.orig,
            Some(p) => p.orig + (prep - p.prep),
        }
    }

    /// The input offset just after the prepared character that ends at `end`.
    pub fn end(&self, end: u32) -> u32 {
        if end == 0 {
            return self.start(0);
        }
        match self.piece_at(end - 1) {
            None => end,
            Some(p) if p.stands_for > 0 => p.orig + p.stands_for,
            Some(p) => p.orig + (end - p.prep),
        }
    }

    /// The input range of the prepared range `r`.
    pub fn range(&self, r: Range<u32>) -> Range<u32> {
        // Most paragraphs need no sanitizing: then every cell would search an empty map.
        if self.pieces.is_empty() {
            return r;
        }
        if r.is_empty() {
            let at = self.start(r.start);
            return at..at;
        }
        self.start(r.start)..self.end(r.end)
    }
}

/// Builds the prepared text piece by piece, recording where it departs from the input.
struct Builder<'a> {
    input: &'a str,
    text: String,
    map: SourceMap,
    markers: Vec<u32>,
    removed: usize,
    show_invisibles: bool,
    /// Whether the text built so far continues the input without a jump.
    in_step: bool,
}

impl Builder<'_> {
    fn len(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    fn copy(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        if !self.in_step {
            self.map.pieces.push(MapPiece {
                prep: self.len(),
                orig: r.start as u32,
                stands_for: 0,
            });
            self.in_step = true;
        }
        self.text.push_str(&self.input[r]);
    }

    fn replace(&mut self, r: Range<usize>, with: char) {
        self.map.pieces.push(MapPiece {
            prep: self.len(),
            orig: r.start as u32,
            stands_for: (r.end - r.start) as u32,
        });
        self.text.push(with);
        self.in_step = false;
    }

    fn remove(&mut self, r: Range<usize>, marker: char) {
        self.removed += 1;
        if self.show_invisibles {
            self.markers.push(self.len());
            self.replace(r, marker);
        } else {
            self.in_step = false;
        }
    }
}

/// Prepares `input` (at most `u32::MAX` bytes; the caller cuts longer text).
pub(crate) fn prepare<'a>(input: &'a str, options: &LayoutOptions) -> Prepared<'a> {
    let untouched = |text| Prepared {
        text,
        map: SourceMap::default(),
        markers: Vec::new(),
        removed: 0,
    };
    if options.controls == Controls::Honour {
        return untouched(Cow::Borrowed(input));
    }
    let isolates = has_isolates(input).then(|| isolates_to_drop(input));
    if isolates.as_ref().is_none_or(Vec::is_empty) && is_plain(input) {
        return untouched(Cow::Borrowed(input));
    }
    let isolates = isolates.unwrap_or_default();
    let mut b = Builder {
        input,
        text: String::with_capacity(input.len()),
        map: SourceMap::default(),
        markers: Vec::new(),
        removed: 0,
        show_invisibles: options.show_invisibles,
        in_step: false,
    };
    b.map.pieces.push(MapPiece {
        prep: 0,
        orig: 0,
        stands_for: 0,
    });
    b.in_step = true;
    let mut drop = isolates.iter().peekable();
    for piece in Scanner::new(input) {
        match piece {
            Piece::Text(r) => {
                let mut from = r.start;
                while let Some(&&at) = drop.peek().filter(|&&&at| at < r.end) {
                    drop.next();
                    b.copy(from..at);
                    let c = input[at..].chars().next().map_or(1, char::len_utf8);
                    b.remove(at..at + c, BIDI_MARKER);
                    from = at + c;
                }
                b.copy(from..r.end);
            }
            Piece::LineBreak(r) | Piece::Tab(r) => b.replace(r, ' '),
            Piece::Removed(r, what) => b.remove(r, marker(what)),
        }
    }
    Prepared {
        text: Cow::Owned(b.text),
        map: b.map,
        markers: b.markers,
        removed: b.removed,
    }
}

/// Shown for a removed bidi embedding, override or isolate.
const BIDI_MARKER: char = '⇆';

/// The one-cell marker shown for a removed piece of input.
fn marker(what: Removed) -> char {
    match what {
        Removed::Escape => '␛',
        Removed::Char('\u{7F}') => '␡',
        Removed::Char(c @ '\u{0}'..='\u{1F}') => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        Removed::Char('\u{202A}'..='\u{202E}') => BIDI_MARKER,
        Removed::Char(_) => '�',
    }
}

/// Whether the scanner would find nothing to remove or replace (checked a byte at a time).
fn is_plain(input: &str) -> bool {
    crate::core::sanitize::is_clean(input.as_bytes())
        && memchr::memchr(b'\n', input.as_bytes()).is_none()
}

fn is_isolate(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

/// U+2066–U+2069 are E2 81 A6–A9 in UTF-8.
fn has_isolates(input: &str) -> bool {
    let bytes = input.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| {
        bytes.get(i + 1) == Some(&0x81)
            && bytes.get(i + 2).is_some_and(|b| (0xA6..=0xA9).contains(b))
    })
}

/// Byte offsets, ascending, of the isolate characters to remove: initiators without a
/// matching PDI, PDIs without an initiator (BD9), and pairs nested deeper than allowed.
fn isolates_to_drop(input: &str) -> Vec<usize> {
    let isolates: Vec<(usize, char)> = input
        .char_indices()
        .filter(|&(_, c)| is_isolate(c))
        .collect();
    let mut matched = vec![false; isolates.len()];
    let mut open: Vec<usize> = Vec::new();
    for (k, &(_, c)) in isolates.iter().enumerate() {
        if c == '\u{2069}' {
            if let Some(initiator) = open.pop() {
                matched[initiator] = true;
                matched[k] = true;
            }
        } else {
            open.push(k);
        }
    }
    let mut drop = Vec::new();
    let mut depth = 0usize;
    for (k, &(at, c)) in isolates.iter().enumerate() {
        if !matched[k] {
            drop.push(at);
        } else if c == '\u{2069}' {
            if depth > MAX_ISOLATE_DEPTH {
                drop.push(at);
            }
            depth -= 1;
        } else {
            depth += 1;
            if depth > MAX_ISOLATE_DEPTH {
                drop.push(at);
            }
        }
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(s: &str, show: bool) -> (String, usize) {
        let options = LayoutOptions {
            show_invisibles: show,
            ..LayoutOptions::default()
        };
        let p = prepare(s, &options);
        (p.text.into_owned(), p.removed)
    }

    #[test]
    fn clean_text_is_borrowed() {
        let p = prepare("خبر عاجل", &LayoutOptions::default());
        assert!(matches!(p.text, Cow::Borrowed(_)));
        assert_eq!(p.map.range(0..3), 0..3);
    }

    #[test]
    fn removes_escapes_and_embeddings() {
        assert_eq!(prep("a\u{1b}[31mb\u{202E}c\td", false), ("abc d".into(), 2));
        assert_eq!(prep("a\u{1b}[31mb\u{202E}c", true), ("a␛b⇆c".into(), 2));
        assert_eq!(prep("a\u{7}b", true), ("a␇b".into(), 1));
    }

    #[test]
    fn keeps_balanced_shallow_isolates_only() {
        let balanced = "a\u{2067}ب\u{2069}c";
        assert_eq!(prep(balanced, false), (balanced.into(), 0));
        assert_eq!(prep("a\u{2067}b", false), ("ab".into(), 1));
        assert_eq!(prep("a\u{2069}b", false), ("ab".into(), 1));
        let deep = format!("{}x{}", "\u{2066}".repeat(10), "\u{2069}".repeat(10));
        let (text, removed) = prep(&deep, false);
        assert_eq!(removed, 12);
        assert_eq!(text.chars().filter(|&c| is_isolate(c)).count(), 8);
    }

    #[test]
    fn maps_back_to_the_input() {
        let input = "ab\u{1b}[1mcd\u{7}e";
        let p = prepare(input, &LayoutOptions::default());
        assert_eq!(p.text, "abcde");
        // "c" is input bytes 6..7, "e" 9..10.
        assert_eq!(p.map.range(2..3), 6..7);
        assert_eq!(p.map.range(4..5), 9..10);
        let shown = prepare(
            input,
            &LayoutOptions {
                show_invisibles: true,
                ..LayoutOptions::default()
            },
        );
        // The marker ␛ (3 bytes at 2..5) stands for the 4-byte sequence at 2..6.
        assert_eq!(shown.map.range(2..5), 2..6);
        assert_eq!(shown.map.range(5..6), 6..7);
        assert_eq!(shown.markers, vec![2, 7]);
    }
}
