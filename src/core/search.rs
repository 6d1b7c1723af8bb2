//! Arabic-folded substring search: the folded copy of an article that queries scan
//! ([`SearchDoc`]), a folded search string with its precomputed finder ([`Needle`]), and the
//! ranges of an original paragraph a needle matches ([`find_matches`]), for highlighting.
//!
//! Both sides are folded the same way (`fold_search`): [`fold_char`] (harakat, tatweel and
//! bidi marks dropped, alef forms, ى/ي, ة/ه and digits unified, ASCII lower case), plus other
//! invisible format characters dropped, ٫/٬ read as `.`/`,`, presentation forms read as
//! their letters, other upper-case letters lowered, and every run of whitespace read as one
//! space. Matching is plain substring matching on that text: Arabic attaches clitics to words
//! («والرئيس», «بالرئيس»), so `الرئيس` must match inside a word. The query language that builds needles lives in `query`.

use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;

use crate::core::article::Article;
use crate::core::text::fold_char;

/// An article's folded text, built once per article (title, source, credit, body) so that
/// filtering 10,000 articles is a substring scan.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
    /// The folded title, then each folded paragraph, one per line. Needles never hold a line
    /// break, so a match never runs from one paragraph into the next.
    text: String,
    /// The folded source and credit, one per line.
    sources: String,
    has_body: bool,
}

impl SearchDoc {
    /// Folds `article`. With an empty body (listed from the cache index, see
    /// [`Article::body_pending`]) only its title, source and credit are searched.
    pub fn new(article: &Article) -> SearchDoc {
        let mut doc = SearchDoc::head(article);
        let body_len: usize = article.paragraphs.iter().map(|p| p.len() + 1).sum();
        doc.text.reserve(body_len);
        for p in &article.paragraphs {
            doc.text.push('\n');
            fold_into(p, &mut doc.text);
        }
        doc.has_body = !article.paragraphs.is_empty();
        doc
    }

    /// Only the title, source and credit: cheap enough for 10,000 articles before the
    /// reader's first frame, which folds the bodies afterwards with [`SearchDoc::new`].
    pub fn head(article: &Article) -> SearchDoc {
        let mut text = String::with_capacity(article.title.len());
        fold_into(&article.title, &mut text);
        let mut sources = String::new();
        for s in [&article.source, &article.credit].into_iter().flatten() {
            fold_into(s, &mut sources);
            sources.push('\n');
        }
        SearchDoc {
            text,
            sources,
            has_body: false,
        }
    }

    /// Whether the body was folded too (false for an article whose body is still pending).
    pub fn has_body(&self) -> bool {
        self.has_body
    }
}

/// A folded search string (one word or a phrase), with a fast substring finder.
#[derive(Clone)]
pub struct Needle {
    /// Shared: a finder is a few hundred bytes, and needles are cloned for highlighting.
    finder: Arc<memmem::Finder<'static>>,
}

impl std::fmt::Debug for Needle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Needle").field(&self.as_str()).finish()
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Needle {
    /// Folds `text`; `None` when nothing is left after folding and trimming (only spaces,
    /// harakat or tatweel).
    pub fn new(text: &str) -> Option<Needle> {
        let mut folded = String::with_capacity(text.len());
        fold_into(text, &mut folded);
        let folded = folded.trim_matches(' ');
        if folded.is_empty() {
            return None;
        }
        Some(Needle {
            finder: Arc::new(memmem::Finder::new(folded.as_bytes()).into_owned()),
        })
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        // The finder was made from a `&str`; its bytes are that string's.
        std::str::from_utf8(self.finder.needle()).unwrap_or_default()
    }

    /// Whether the needle occurs in the article's title or body.
    pub fn is_in(&self, doc: &SearchDoc) -> bool {
        self.finder.find(doc.text.as_bytes()).is_some()
    }

    /// Whether the needle occurs in the article's source or credit.
    pub fn is_in_source(&self, doc: &SearchDoc) -> bool {
        self.finder.find(doc.sources.as_bytes()).is_some()
    }

    /// Whether the needle occurs in text folded by [`fold`].
    pub fn is_in_folded(&self, folded: &str) -> bool {
        self.finder.find(folded.as_bytes()).is_some()
    }
}

/// `text` folded as search folds it, for [`Needle::is_in_folded`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Byte ranges of `paragraph` (original, unfolded text) where any needle matches, sorted,
/// merged when they overlap or touch. A match of the folded text maps back to whole
/// original characters, taking in the harakat and tatweel folded away inside it and after
/// its last letter (so «الـــرئيـــس» and «الرَّئِيسُ» are whole matches for `الرئيس`).
pub fn find_matches(paragraph: &str, needles: &[Needle]) -> Vec<Range<usize>> {
    if needles.is_empty() {
        return Vec::new();
    }
    let mapped = Mapped::new(paragraph);
    let mut ranges: Vec<Range<usize>> = needles
        .iter()
        .flat_map(|n| {
            n.finder
                .find_iter(mapped.text.as_bytes())
                .map(|start| mapped.original(start..start + n.finder.needle().len()))
        })
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The search form of one character, given to `push` (nothing when folding drops it, `' '`
/// for whitespace, two letters for a ligature such as «ﻻ»).
#[inline]
fn fold_search(c: char, mut push: impl FnMut(char)) {
    match c {
        // Already folded, and by far the most common: ASCII and plain Arabic letters.
        'a'..='z' | '0'..='9' | 'ا'..='غ' | 'ف'..='ي' if c != 'ة' && c != 'ى' => push(c),
        _ if c.is_whitespace() => push(' '),
        '\u{066B}' => push('.'),
        '\u{066C}' => push(','),
        '\u{200B}'..='\u{200D}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
        '\u{FEFF}' | '\u{00AD}' => {}
        // Presentation forms (text copied from PDFs, pre-shaped pages): their letters.
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => {
            // Composed again, so that «ﺋ» is «ئ» and not «ي» and a hamza; the isolated forms
            // of harakat decompose to a space and the mark: no space.
            use unicode_normalization::UnicodeNormalization;
            for d in std::iter::once(c).nfkc() {
                if let Some(f) = fold_char(d).filter(|f| *f != ' ') {
                    push(f);
                }
            }
        }
        _ => {
            let Some(f) = fold_char(c) else { return };
            // Arabic has no case: spare it the Unicode case tables.
            if f.is_ascii() || ('\u{0600}'..='\u{08FF}').contains(&f) || !f.is_uppercase() {
                return push(f);
            }
            // Only a one-to-one lower case: the folded text stays one letter per letter.
            let mut lower = f.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => push(l),
                _ => push(f),
            }
        }
    }
}

/// Appends the search form of `text` to `out`: [`fold_search`] on every character, runs of
/// whitespace as one space. Runs of characters that fold to themselves (most of any text:
/// plain Arabic letters, lower-case ASCII, digits, punctuation) are copied whole rather
/// than character by character: a library is folded once per load.
fn fold_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        loop {
            match bytes.get(i) {
                Some(b'!'..=b'@' | b'['..=b'~') => i += 1,
                // ا ب ت–غ (not ة), ف–ه و ي (not ى): two bytes each.
                Some(0xD8) if matches!(bytes.get(i + 1), Some(0xA7 | 0xA8 | 0xAA..=0xBA)) => i += 2,
                Some(0xD9) if matches!(bytes.get(i + 1), Some(0x81..=0x88 | 0x8A)) => i += 2,
                _ => break,
            }
        }
        out.push_str(text.get(start..i).unwrap_or_default());
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        fold_search(c, |f| {
            if f != ' ' || !(out.is_empty() || out.ends_with([' ', '\n'])) {
                out.push(f);
            }
        });
        i += c.len_utf8();
    }
}

/// A paragraph's search form with a map from every folded byte back to the original.
struct Mapped<'a> {
    original: &'a str,
    text: String,
    /// For each byte of `text`, the original byte offset of the character that produced it.
    map: Vec<usize>,
}

impl<'a> Mapped<'a> {
    fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            fold_search(c, |f| {
                if f != ' ' || !(text.is_empty() || text.ends_with(' ')) {
                    text.push(f);
                    map.resize(text.len(), i);
                }
            });
        }
        Mapped {
            original,
            text,
            map,
        }
    }

    /// The original range of a non-empty folded range: from the character that produced its
    /// first byte to the next character kept after its last one (so the dropped marks in
    /// between are in, and a ligature matched in part is taken whole).
    fn original(&self, r: Range<usize>) -> Range<usize> {
        let start = self
            .map
            .get(r.start)
            .copied()
            .unwrap_or(self.original.len());
        let last = self.map.get(r.end.saturating_sub(1)).copied();
        let mut next = r.end;
        while next < self.map.len() && Some(self.map[next]) == last {
            next += 1;
        }
        let end = self.map.get(next).copied().unwrap_or(self.original.len());
        start..end.max(start)
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
