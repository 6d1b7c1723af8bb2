//! Re-anchoring: finding a tag's text again after its article file changed. Given a
//! [`Target`] and the article's current tag text, [`anchor`] says where the tagged text is
//! now, in the order the Hypothesis client tries: the stored position when the text hash is
//! unchanged; the exact quote (one occurrence, or the one whose context best matches the
//! stored prefix and suffix, then the nearest to the old position); the quote after Arabic
//! folding and whitespace collapsing; an approximate match over word windows above a
//! similarity threshold; otherwise the tag is orphaned — kept and shown, never dropped.
//! Storing tags and the quote model live in `journal` and the parent module.

use std::borrow::Cow;

use memchr::memmem;
use rustc_hash::FxHashMap;

use super::{Target, TextPosition, tag_text, text_hash};
use crate::core::article::Article;
use crate::core::text::{fold_arabic, fold_char, is_word_char};

/// How far the approximate pass accepts a window: its similarity to the quote (1 − the
/// edit distance of the folded texts over the longer length) must reach this.
pub const FUZZY_THRESHOLD: f64 = 0.75;

/// How the quote was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The exact quote.
    Quote,
    /// The quote after folding (harakat, tatweel, alef forms, ة/ه, ى/ي, digits) and
    /// collapsing whitespace.
    Folded,
    /// A window of words similar enough to the quote.
    Fuzzy,
}

/// Where a tag's text is in the current tag text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Same text hash: the stored position holds.
    Exact(TextPosition),
    /// Found again by its quote (exactly, or after folding/whitespace normalisation).
    Moved { position: TextPosition, how: Match },
    /// Not found: the tag is kept and shown as orphaned, never dropped.
    Orphaned,
}

impl Anchor {
    /// The position, unless orphaned.
    pub fn position(&self) -> Option<TextPosition> {
        match self {
            Anchor::Exact(p) | Anchor::Moved { position: p, .. } => Some(*p),
            Anchor::Orphaned => None,
        }
    }
}

/// An article's tag text with what placing any tag in it starts from, worked out once for
/// all its tags: its length in code points and its hash.
#[derive(Debug, Clone)]
pub struct TagText<'a> {
    text: Cow<'a, str>,
    chars: usize,
    hash: String,
}

impl<'a> TagText<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> TagText<'a> {
        let text = text.into();
        TagText {
            chars: text.chars().count(),
            hash: text_hash(&text),
            text,
        }
    }

    /// The tag text of `article` ([`tag_text`]).
    pub fn of(article: &Article) -> TagText<'static> {
        TagText::new(tag_text(article))
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Finds `target`'s text in `text` (the article's current tag text). Every returned
/// position is a non-empty range of code points inside `text`.
pub fn anchor(target: &Target, text: &str) -> Anchor {
    anchor_in(target, &TagText::new(text))
}

/// [`anchor`] in a tag text prepared once for several tags.
pub fn anchor_in(target: &Target, prepared: &TagText) -> Anchor {
    let (text, n) = (prepared.as_str(), prepared.chars);
    let old = target.position;
    if target.text_hash == prepared.hash && old.start < old.end && old.end <= n {
        return Anchor::Exact(old);
    }
    let quote = &target.quote;
    if quote.exact.is_empty() || text.is_empty() {
        return Anchor::Orphaned;
    }
    let found = by_quote(text, &quote.exact, &quote.prefix, &quote.suffix, old.start)
        .map(|p| (p, Match::Quote))
        .or_else(|| by_folded(text, target).map(|p| (p, Match::Folded)))
        .or_else(|| by_similarity(text, &quote.exact, old.start).map(|p| (p, Match::Fuzzy)));
    match found {
        Some((position, how)) if position.start < position.end && position.end <= n => {
            Anchor::Moved { position, how }
        }
        _ => Anchor::Orphaned,
    }
}

/// A candidate: byte range in the searched text, and the original code point range.
struct Candidate {
    bytes: (usize, usize),
    position: TextPosition,
}

/// The exact quote: every occurrence (overlapping ones too), the best by context.
fn by_quote(
    text: &str,
    exact: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<TextPosition> {
    let mut chars_before = CharCounter::new(text);
    let len = exact.chars().count();
    let candidates = occurrences(text, exact).map(|b| {
        let start = chars_before.at(b);
        Candidate {
            bytes: (b, b + exact.len()),
            position: TextPosition {
                start,
                end: start + len,
            },
        }
    });
    best(text, candidates, prefix, suffix, old)
}

/// The quote folded, searched in the folded text, mapped back to the original.
fn by_folded(text: &str, target: &Target) -> Option<TextPosition> {
    let folded = Folded::new(text);
    let exact = Folded::new(&target.quote.exact).text;
    let exact = exact.trim_matches(' ');
    if exact.is_empty() {
        return None;
    }
    let prefix = Folded::new(&target.quote.prefix).text;
    let suffix = Folded::new(&target.quote.suffix).text;
    let candidates = occurrences(&folded.text, exact).map(|b| Candidate {
        bytes: (b, b + exact.len()),
        position: folded.original(b, b + exact.len()),
    });
    best(
        &folded.text,
        candidates,
        &prefix,
        &suffix,
        target.position.start,
    )
}

/// Byte offsets of every occurrence of `needle` in `hay`, overlapping ones included.
fn occurrences<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + finder.find(hay.as_bytes().get(from..)?)?;
        // Next search from the next character, so that overlapping occurrences count.
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// The candidate whose surroundings in `hay` best match `prefix`/`suffix`, ties to the
/// one nearest `old`.
fn best(
    hay: &str,
    candidates: impl Iterator<Item = Candidate>,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<TextPosition> {
    candidates
        .map(|c| {
            let before = common_suffix(&hay[..c.bytes.0], prefix);
            let after = common_prefix(&hay[c.bytes.1..], suffix);
            (before + after, c.position)
        })
        .max_by(|(sa, pa), (sb, pb)| {
            sa.cmp(sb)
                .then_with(|| pb.start.abs_diff(old).cmp(&pa.start.abs_diff(old)))
        })
        .map(|(_, p)| p)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Code points before increasing byte offsets, counted once.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code points before byte `b` (a character boundary, not before the last one asked).
    fn at(&mut self, b: usize) -> usize {
        self.chars += self.text.get(self.byte..b).map_or(0, |s| s.chars().count());
        self.byte = b.max(self.byte);
        self.chars
    }
}

/// The matching form of a text: [`fold_char`] on each character, whitespace runs as one
/// space, and for each byte the code point of the original character it came from.
struct Folded {
    text: String,
    map: Vec<usize>,
    /// For each original code point, whether folding dropped it (harakat, tatweel, marks).
    dropped: Vec<bool>,
}

impl Folded {
    fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        let mut dropped = Vec::with_capacity(original.len());
        for (i, c) in original.chars().enumerate() {
            let f = if c.is_whitespace() {
                Some(' ')
            } else {
                fold_char(c)
            };
            dropped.push(f.is_none());
            match f {
                Some(' ') if text.is_empty() || text.ends_with(' ') => {}
                Some(f) => {
                    text.push(f);
                    map.resize(text.len(), i);
                }
                None => {}
            }
        }
        Folded { text, map, dropped }
    }

    /// The original code points of folded bytes `a..b` (non-empty), with the dropped marks
    /// that follow the last letter.
    fn original(&self, a: usize, b: usize) -> TextPosition {
        let start = self.map.get(a).copied().unwrap_or_default();
        let mut end = self.map.get(b.saturating_sub(1)).map_or(start, |&i| i + 1);
        while self.dropped.get(end).copied().unwrap_or(false) {
            end += 1;
        }
        TextPosition { start, end }
    }
}

/// How many windows the approximate pass scores by edit distance, at most.
const FUZZY_CANDIDATES: usize = 16;
/// How many character comparisons the edit distances may cost in all.
const FUZZY_BUDGET: usize = 50_000_000;

/// The window of words most similar to `exact`: windows of the quote's word count ±20%,
/// ranked by shared words (cheap, sliding), the best few then by edit distance.
fn by_similarity(text: &str, exact: &str, old: usize) -> Option<TextPosition> {
    let quote: Vec<String> = word_spans(exact).map(|(_, _, w)| fold_arabic(w)).collect();
    let m = quote.len();
    if m < 2 {
        return None;
    }
    let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
    for w in &quote {
        let next = ids.len();
        ids.entry(w.as_str()).or_insert(next);
    }
    let mut wanted = vec![0i32; ids.len()];
    for w in &quote {
        if let Some(&id) = ids.get(w.as_str()) {
            wanted[id] += 1;
        }
    }
    let words: Vec<(usize, usize, String)> = word_spans(text)
        .map(|(s, e, w)| (s, e, fold_arabic(w)))
        .collect();
    let word_ids: Vec<Option<usize>> = words
        .iter()
        .map(|w| ids.get(w.2.as_str()).copied())
        .collect();
    let sizes = (m * 4 / 5).max(1)..=(m * 6).div_ceil(5);
    // (shared-word score, first word, word count), the best kept.
    let mut ranked: Vec<(f64, usize, usize)> = Vec::new();
    for k in sizes {
        if k > words.len() {
            break;
        }
        let mut have = vec![0i32; wanted.len()];
        let mut common = 0i32;
        for (i, id) in word_ids.iter().enumerate() {
            if let Some(id) = *id {
                if have[id] < wanted[id] {
                    common += 1;
                }
                have[id] += 1;
            }
            if i >= k
                && let Some(id) = word_ids[i - k]
            {
                have[id] -= 1;
                if have[id] < wanted[id] {
                    common -= 1;
                }
            }
            if i + 1 >= k {
                let dice = 2.0 * f64::from(common) / (k + m) as f64;
                if dice >= 0.5 {
                    ranked.push((dice, i + 1 - k, k));
                }
            }
        }
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let target: Vec<char> = quote.join(" ").chars().collect();
    let cost = target.len().max(1) * target.len().max(1);
    let take = (FUZZY_BUDGET / cost).clamp(1, FUZZY_CANDIDATES);
    ranked
        .iter()
        .take(take)
        .map(|&(_, first, k)| {
            let window = &words[first..first + k];
            let joined: Vec<char> = window
                .iter()
                .map(|w| w.2.as_str())
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .collect();
            let longest = joined.len().max(target.len()).max(1);
            let similarity = 1.0 - edit_distance(&joined, &target) as f64 / longest as f64;
            let position = TextPosition {
                start: window.first().map_or(0, |w| w.0),
                end: window.last().map_or(0, |w| w.1),
            };
            (similarity, position)
        })
        .filter(|(s, _)| *s >= FUZZY_THRESHOLD)
        .max_by(|(sa, pa), (sb, pb)| {
            sa.total_cmp(sb)
                .then_with(|| pb.start.abs_diff(old).cmp(&pa.start.abs_diff(old)))
        })
        .map(|(_, p)| p)
}

/// The words of `s` (runs of [`is_word_char`]) with their code point ranges.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut chars = s.char_indices().enumerate().peekable();
    std::iter::from_fn(move || {
        let (start, start_byte) = loop {
            let (i, (b, c)) = chars.next()?;
            if is_word_char(c) {
                break (i, b);
            }
        };
        let (mut end, mut end_byte) = (start + 1, start_byte);
        end_byte += s[start_byte..].chars().next().map_or(0, char::len_utf8);
        while let Some(&(i, (b, c))) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + 1;
            end_byte = b + c.len_utf8();
            chars.next();
        }
        Some((start, end, &s[start_byte..end_byte]))
    })
}

/// Levenshtein distance over characters, two rows.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let swap = prev[j] + usize::from(ca != cb);
            row[j + 1] = swap.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
