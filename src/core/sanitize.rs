//! Removing what must never reach a terminal from untrusted article text: escape sequences
//! (CSI, OSC, DCS, SOS, PM, APC, in their 7-bit `ESC x` and 8-bit C1 forms), other C0 and C1
//! controls, DEL, and the bidi embedding and override controls (LRE RLE PDF LRO RLO) whose
//! effect would leak across the screen. Line breaks and tabs become spaces or line ends;
//! isolates and marks (LRI RLI FSI PDI LRM RLM ALM) are kept for the bidi engine to judge.

use std::iter::Peekable;
use std::ops::Range;
use std::str::CharIndices;

/// Text with the dangerous characters removed, and how many were removed (an escape
/// sequence counts once, however long).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    pub removed: usize,
}

/// Removes escape sequences and control characters. `\n` is kept, `\r\n` and lone `\r`
/// become `\n`, `\t` becomes a space, U+2028/U+2029 become `\n`.
pub fn sanitize(input: &str) -> Sanitized {
    if is_clean(input.as_bytes()) {
        return Sanitized {
            text: input.to_string(),
            removed: 0,
        };
    }
    rebuild(input)
}

/// [`sanitize`] for an owned string: clean text (nearly every file) is returned as it is,
/// without a copy.
pub fn sanitize_owned(input: String) -> Sanitized {
    if is_clean(input.as_bytes()) {
        return Sanitized {
            text: input,
            removed: 0,
        };
    }
    rebuild(&input)
}

fn rebuild(input: &str) -> Sanitized {
    let mut text = String::with_capacity(input.len());
    let mut removed = 0;
    for piece in Scanner::new(input) {
        match piece {
            Piece::Text(range) => text.push_str(&input[range]),
            Piece::LineBreak(_) => text.push('\n'),
            Piece::Tab(_) => text.push(' '),
            Piece::Removed(..) => removed += 1,
        }
    }
    Sanitized { text, removed }
}

/// One stretch of scanned text, with its byte range in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text that may be shown as it is.
    Text(Range<usize>),
    /// A line break: `\n`, `\r\n`, a lone `\r`, U+2028 or U+2029.
    LineBreak(Range<usize>),
    /// A tab.
    Tab(Range<usize>),
    /// Something that must not be shown: a whole escape sequence or one forbidden character.
    Removed(Range<usize>, Removed),
}

/// What a [`Piece::Removed`] was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removed {
    /// An escape or control sequence (CSI, OSC, DCS, SOS, PM, APC, 7-bit or 8-bit).
    Escape,
    /// A single forbidden character: C0, DEL, C1, a bidi embedding or override, a BOM.
    Char(char),
}

/// Splits text into [`Piece`]s: the one place that knows what is dangerous, used both by
/// [`sanitize`] and by the bidi engine (which keeps a map back to the input).
pub struct Scanner<'a> {
    input: &'a str,
    chars: Peekable<CharIndices<'a>>,
}

impl<'a> Scanner<'a> {
    pub fn new(input: &'a str) -> Self {
        Scanner {
            input,
            chars: input.char_indices().peekable(),
        }
    }

    fn offset(&mut self) -> usize {
        self.chars.peek().map_or(self.input.len(), |&(i, _)| i)
    }
}

impl Iterator for Scanner<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let &(start, c) = self.chars.peek()?;
        if !is_special(c) {
            while self.chars.next_if(|&(_, c)| !is_special(c)).is_some() {}
            return Some(Piece::Text(start..self.offset()));
        }
        self.chars.next();
        let piece = match c {
            '\n' | '\u{2028}' | '\u{2029}' => Piece::LineBreak(start..self.offset()),
            '\r' => {
                self.chars.next_if(|&(_, c)| c == '\n');
                Piece::LineBreak(start..self.offset())
            }
            '\t' => Piece::Tab(start..self.offset()),
            '\u{1B}' => {
                skip_escape(&mut self.chars);
                Piece::Removed(start..self.offset(), Removed::Escape)
            }
            // 8-bit introducers: CSI, and the string controls DCS, SOS, OSC, PM, APC.
            '\u{9B}' => {
                skip_csi(&mut self.chars);
                Piece::Removed(start..self.offset(), Removed::Escape)
            }
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
                skip_string(&mut self.chars);
                Piece::Removed(start..self.offset(), Removed::Escape)
            }
            c => Piece::Removed(start..self.offset(), Removed::Char(c)),
        };
        Some(piece)
    }
}

/// Whether `c` starts anything but plain text.
fn is_special(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}') || is_forbidden(c)
}

/// Whether `bytes` (UTF-8) holds nothing `sanitize` would change: most articles, checked
/// without decoding. The lead bytes that can start a character we act on are C0 controls,
/// DEL, 0xC2 (C1 controls), 0xE2 (line separators, bidi embeddings) and 0xEF (BOM,
/// annotation characters); only at those are the following bytes looked at.
pub(crate) fn is_clean(bytes: &[u8]) -> bool {
    all_in_blocks(
        bytes,
        |block| block.iter().fold(false, |s, &b| s | may_be_dangerous(b)),
        |i| !is_dangerous_at(bytes, i),
    )
}

/// Whether `ok(i)` holds at every byte offset `i`, tested only in the blocks of 64 bytes
/// that `suspect` (given the block and the byte after it) does not clear. `suspect` is meant
/// to be branch-free, so that it vectorises: these scans run over every byte of every file.
#[inline(always)]
fn all_in_blocks(
    bytes: &[u8],
    suspect: impl Fn(&[u8]) -> bool,
    ok: impl Fn(usize) -> bool,
) -> bool {
    const BLOCK: usize = 64;
    let mut start = 0;
    while start < bytes.len() {
        let end = (start + BLOCK).min(bytes.len());
        // The block and the byte after it, for tests of pairs.
        let block = &bytes[start..(end + 1).min(bytes.len())];
        if suspect(block) && !(start..end).all(&ok) {
            return false;
        }
        start = end;
    }
    true
}

/// Whether `b` may start a character that [`sanitize`] acts on.
#[inline(always)]
fn may_be_dangerous(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') | (b == 0x7F) | (b == 0xC2) | (b == 0xE2) | (b == 0xEF)
}

/// Whether the character at `bytes[i]` (if one starts there) is one `sanitize` acts on.
fn is_dangerous_at(bytes: &[u8], i: usize) -> bool {
    let (next, third) = (bytes.get(i + 1).copied(), bytes.get(i + 2).copied());
    match bytes[i] {
        b'\n' => false,
        0..0x20 | 0x7F => true,
        0xC2 => next.is_some_and(|b| (0x80..=0x9F).contains(&b)),
        0xE2 => next == Some(0x80) && third.is_some_and(|b| (0xA8..=0xAE).contains(&b)),
        0xEF => matches!(
            (next, third),
            (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xB9..=0xBB))
        ),
        _ => false,
    }
}

/// Sanitizes a single-line field (title, source): line breaks become spaces, runs of
/// spaces collapse, ends are trimmed.
pub fn sanitize_line(input: &str) -> Sanitized {
    clean_line(input.to_string())
}

/// [`sanitize_line`] for an owned string: a line that is already clean and squashed (most
/// paragraphs) is returned as it is, without a copy.
pub fn clean_line(input: String) -> Sanitized {
    if is_clean_line(&input) {
        return Sanitized {
            text: input,
            removed: 0,
        };
    }
    let s = sanitize(&input);
    Sanitized {
        text: crate::core::text::squash_spaces(&s.text),
        removed: s.removed,
    }
}

/// Clean (see [`is_clean`]) and squashed: no space at either end, no other whitespace than
/// single ASCII spaces. In one pass over the bytes: every whitespace character but the ASCII
/// ones (and U+200B, which counts with them) starts with 0xC2, 0xE1, 0xE2 or 0xE3, and only
/// those characters are decoded.
fn is_clean_line(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let suspect = |block: &[u8]| {
        let mut suspect = false;
        for &c in block {
            suspect |= may_be_dangerous(c) | (c.wrapping_sub(0x09) < 5) | (c == 0xC2);
            suspect |= c.wrapping_sub(0xE1) < 3;
        }
        for (&x, &y) in block.iter().zip(block.iter().skip(1)) {
            suspect |= (x == b' ') & (y == b' ');
        }
        suspect
    };
    all_in_blocks(b, suspect, |i| {
        !is_dangerous_at(b, i)
            && match b[i] {
                b' ' => b.get(i + 1) != Some(&b' '),
                0x09..=0x0D => false,
                0xC2 | 0xE1..=0xE3 => !s
                    .get(i..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| c.is_whitespace() || c == '\u{200B}'),
                _ => true,
            }
    })
}

/// C0 (but the line breaks and tab handled above), DEL, C1, and the bidi embeddings and
/// overrides. Also the BOM and interlinear annotation characters, which have no business in
/// a terminal.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

type Chars<'a> = Peekable<CharIndices<'a>>;

/// After ESC: a CSI (`[`), a string control (`P X ] ^ _`), or a two-character sequence.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().map(|&(_, c)| c) {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some('P' | 'X' | ']' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF sequences: intermediates 0x20–0x2F then a final byte.
        Some(c) if ('\u{20}'..='\u{2F}').contains(&c) => {
            while let Some(&(_, c)) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2F}').contains(&c) {
                    break;
                }
            }
        }
        // Fp/Fe/Fs: one final character.
        Some(c) if ('\u{30}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates up to a final byte 0x40–0x7E; anything else ends it early
/// (a malformed sequence must not swallow the rest of the article).
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '\u{30}'..='\u{3F}' | '\u{20}'..='\u{2F}' => {
                chars.next();
            }
            '\u{40}'..='\u{7E}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// A control string runs to ST (`ESC \` or U+009C) or BEL. An unterminated one ends at the
/// next line break so that a stray introducer cannot eat a whole article.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(&(_, c)) = chars.peek() {
        match c {
            '\u{07}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                chars.next();
                if chars.peek().is_some_and(|&(_, c)| c == '\\') {
                    chars.next();
                }
                return;
            }
            '\n' | '\r' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("abc", "abc", 0)]
    #[case("\u{1b}[31mred\u{1b}[0m", "red", 2)]
    #[case("a\u{1b}]0;title\u{7}b", "ab", 1)]
    #[case("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b", "alinkb", 2)]
    #[case("a\u{9b}2Jb", "ab", 1)]
    #[case("a\u{9d}0;x\u{9c}b", "ab", 1)]
    #[case("x\u{1b}Py\u{1b}\\z", "xz", 1)]
    #[case("خبر\u{202E}عاجل", "خبرعاجل", 1)]
    #[case("a\u{0}b\u{7f}c\u{85}d", "abcd", 3)]
    #[case("line\r\nnext\rlast", "line\nnext\nlast", 0)]
    #[case("tab\there", "tab here", 0)]
    #[case("\u{1b}", "", 1)]
    #[case("\u{1b}[", "", 1)]
    #[case("\u{1b}]unterminated\nnext", "\nnext", 1)]
    #[case("keep\u{2067}isolate\u{2069}", "keep\u{2067}isolate\u{2069}", 0)]
    fn removes_what_must_not_reach_a_terminal(
        #[case] input: &str,
        #[case] text: &str,
        #[case] removed: usize,
    ) {
        let s = sanitize(input);
        assert_eq!(s.text, text);
        assert_eq!(s.removed, removed);
    }

    #[test]
    fn whitespace_starts_with_the_bytes_is_clean_line_decodes() {
        for c in (char::MIN..=char::MAX).filter(|c| c.is_whitespace() || *c == '\u{200B}') {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(
                matches!(lead, 0x09..=0x0D | b' ' | 0xC2 | 0xE1..=0xE3),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn single_line_fields_are_squashed() {
        assert_eq!(
            sanitize_line("  عنوان\n  الخبر\u{1b}[1m ").text,
            "عنوان الخبر"
        );
    }

    /// The character-by-character definitions that the byte scans must agree with.
    fn is_clean_by_chars(s: &str) -> bool {
        !s.chars().any(|c| is_special(c) && c != '\n')
    }

    fn is_squashed_by_chars(s: &str) -> bool {
        let mut previous_space = true;
        for c in s.chars() {
            let space = c == ' ';
            if space && previous_space || !space && (c.is_whitespace() || c == '\u{200B}') {
                return false;
            }
            previous_space = space;
        }
        !previous_space || s.is_empty()
    }

    proptest::proptest! {
        #[test]
        fn byte_scans_agree_with_the_characters(
            s in "([ \n\t\r\u{1b}\u{85}\u{a0}\u{200b}\u{2028}\u{202e}\u{3000}\u{feff}\u{fff9}ab«»–قال]|\\PC){0,200}"
        ) {
            proptest::prop_assert_eq!(is_clean(s.as_bytes()), is_clean_by_chars(&s));
            proptest::prop_assert_eq!(
                is_clean_line(&s),
                is_clean_by_chars(&s) && is_squashed_by_chars(&s)
            );
        }

        #[test]
        fn output_has_no_controls(s in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}a\\[\\]]*") {
            let out = sanitize(&s).text;
            let bad = out.chars().any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c));
            proptest::prop_assert!(!bad, "control left in {:?}", out);
        }
    }
}
