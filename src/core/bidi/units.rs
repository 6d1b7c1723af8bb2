//! Cutting a prepared paragraph into units: the grapheme clusters that are wrapped and
//! reordered whole (rule L3 keeps marks after their base), each with the glyph it shows
//! (shaped, mirrored in right-to-left runs for L4, marks stripped on request), its width in
//! cells and its embedding level.
//!
//! A width is the sum of the widths of the characters shown, never a `str` width: a terminal
//! gives each code point its own cell, so «لا» is two cells unless it is shaped into one
//! ligature.

use unicode_bidi::BidiClass;

use super::clusters::Clusters;
use super::props::{self, CharInfo};
use super::shape::{Shaped, shape};
use crate::core::text::is_arabic_mark;

/// Glyph shown for a unit wider than the whole line (a wide character in a one-cell pane).
pub(crate) const TOO_WIDE: char = '▯';

/// A zero-width mark piles onto its base in one cell; a cell shows at most this many
/// characters, so «Zalgo» text cannot grow one cell without bound.
const MAX_GLYPH_CHARS: usize = 16;

/// How a unit takes part in rule L1 and in wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A segment or paragraph separator (a tab in trusted text): reset to the paragraph level.
    Separator,
    /// Whitespace: reset before a separator and at the end of a line; hangs at a break.
    Space,
    /// An isolate initiator or PDI: reset like whitespace; shows nothing.
    Isolate,
    /// Removed by rule X9 (embeddings, overrides, Boundary Neutrals such as ZWSP): takes the
    /// level of what precedes it, resets like whitespace, shows nothing.
    Ignored,
    /// LRM, RLM, ALM: strong, but show nothing.
    Mark,
    Other,
}

impl Class {
    /// Whether the unit gets a cell.
    pub fn is_visible(self) -> bool {
        matches!(self, Class::Separator | Class::Space | Class::Other)
    }
}

/// Where a line may start, and of which kind the opportunity is (UAX #14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    None,
    /// After whitespace: where lines normally break.
    AfterSpace,
    /// Inside a word (after «/» or «-»): only for a word wider than the line.
    InsideWord,
}

/// One grapheme cluster (or a lam-alef pair), 16 bytes: a 1.9 MB paragraph has a million.
/// Units are contiguous, so a unit ends where the next one starts.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Byte offset in the prepared text.
    pub start: u32,
    /// Byte offset of the glyph in the glyph buffer, and its length (at most
    /// [`MAX_GLYPH_CHARS`] characters).
    pub glyph: u32,
    pub glyph_len: u8,
    /// Columns: at most two per shown character.
    pub width: u8,
    pub level: u8,
    pub class: Class,
    /// May a line start with this unit?
    pub brk: Break,
    /// The unit is a marker for removed input.
    pub marker: bool,
    /// The unit was too wide for the line and shows [`TOO_WIDE`].
    pub too_wide: bool,
    /// The glyph has a character with a mirrored form (rule L4).
    pub mirrorable: bool,
}

/// How units are made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitOptions {
    pub shape: bool,
    pub clusters: bool,
    pub strip_marks: bool,
    pub max_width: usize,
    /// Find the break opportunities (not needed for an unbounded line).
    pub breaks: bool,
}

/// The units of a paragraph and the glyphs they show.
#[derive(Debug, Default)]
pub(crate) struct Units {
    pub units: Vec<Unit>,
    pub glyphs: String,
    /// Length of the text, where the last unit ends.
    pub text_len: u32,
    /// Columns all the units take, summed while building so wrapping need not.
    pub width: usize,
}

impl Units {
    /// Where unit `k` ends in the prepared text.
    pub fn end(&self, k: usize) -> u32 {
        self.units.get(k + 1).map_or(self.text_len, |u| u.start)
    }

    /// The glyph of `unit`.
    #[cfg(test)]
    pub fn glyph(&self, unit: &Unit) -> &str {
        let start = unit.glyph as usize;
        self.glyphs
            .get(start..start + usize::from(unit.glyph_len))
            .unwrap_or("")
    }
}

/// Paragraphs longer than this are cut into chunks of about this size, built in parallel.
pub(crate) const CHUNK: usize = 64 * 1024;

/// Cuts `text` into units. `markers` are the start offsets of markers for removed input.
/// Levels are all zero until [`Units::apply_levels`].
pub(crate) fn build(text: &str, markers: &[u32], options: &UnitOptions) -> Units {
    if text.len() <= CHUNK {
        return build_chunk(text, 0..text.len(), markers, options);
    }
    let text_len = text.len() as u32;
    use rayon::prelude::*;
    let chunks: Vec<Units> = split(text)
        .into_par_iter()
        .map(|r| build_chunk(text, r, markers, options))
        .collect();
    let mut all = Units {
        units: Vec::with_capacity(chunks.iter().map(|c| c.units.len()).sum()),
        glyphs: String::with_capacity(chunks.iter().map(|c| c.glyphs.len()).sum()),
        text_len,
        width: chunks.iter().map(|c| c.width).sum(),
    };
    for chunk in chunks {
        let shift = all.glyphs.len() as u32;
        all.glyphs.push_str(&chunk.glyphs);
        all.units.extend(chunk.units.into_iter().map(|mut u| {
            u.glyph += shift;
            u
        }));
    }
    all
}

/// Chunk ranges of `text`, each after a space and before a letter: shaping (a space never
/// joins), clusters and line breaking (a break after a space before a letter) come out as for
/// the whole text.
fn split(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut chunks = Vec::with_capacity(text.len() / CHUNK + 1);
    let mut start = 0;
    let mut from = CHUNK;
    while from < text.len() {
        let Some(k) = memchr::memchr_iter(b' ', &bytes[from..]).find(|&k| {
            text[from + k + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && props::info(c).starts_cluster())
        }) else {
            break;
        };
        let at = from + k + 1;
        chunks.push(start..at);
        start = at;
        from = at + CHUNK;
    }
    chunks.push(start..text.len());
    chunks
}

/// The units of `text[range]` (offsets into the whole `text`); glyph offsets are into the
/// chunk's own glyph buffer.
fn build_chunk(
    text: &str,
    range: std::ops::Range<usize>,
    markers: &[u32],
    options: &UnitOptions,
) -> Units {
    let base = range.start;
    // Breaks only matter to a paragraph wider than the line; a chunk alone cannot tell.
    let whole = range.start == 0 && range.end == text.len();
    let text = &text[range.clone()];
    let mut total_width = 0usize;
    let mut shaped = Vec::new();
    if options.shape {
        shape(text, &mut shaped);
    }
    let first_marker = markers.partition_point(|&m| (m as usize) < base);
    let mut markers = &markers[first_marker..];
    // A presentation form takes three bytes where its letter took two; units are at most one
    // per char. Sized once, neither buffer grows while the chunk is built.
    let mut glyphs = String::with_capacity(text.len() + text.len() / 2 + 16);
    let mut units = Vec::with_capacity(char_count(text));
    // Char index of the next char, to look up its shaping.
    let mut char_index = 0usize;
    let mut clusters = Clusters::new(text, options.clusters);
    let mut chars: Vec<(char, CharInfo)> = Vec::with_capacity(8);
    loop {
        chars.clear();
        let Some((start, _)) = clusters.next_into(&mut chars) else {
            break;
        };
        let mut unit_shaping: &[Shaped] = &[];
        if !shaped.is_empty() {
            if shaped[char_index..char_index + chars.len()]
                .iter()
                .any(|s| matches!(s, Shaped::Ligature(_)))
            {
                // A lam-alef ligature also takes the cluster of the alef it absorbs; the
                // shaper marks the alef after every ligature lam `Absorbed`.
                loop {
                    let before = chars.len();
                    if clusters.next_into(&mut chars).is_none() {
                        break;
                    }
                    if shaped[char_index + before..char_index + chars.len()]
                        .contains(&Shaped::Absorbed)
                    {
                        break;
                    }
                }
            }
            unit_shaping = &shaped[char_index..char_index + chars.len()];
            char_index += chars.len();
        }
        // Most paragraphs have no markers: one length test per unit, not a peek.
        let marker = match markers {
            [m, rest @ ..] if *m as usize == base + start => {
                markers = rest;
                true
            }
            _ => false,
        };
        let glyph_start = glyphs.len();
        let shown = push_glyph(&chars, unit_shaping, options.strip_marks, &mut glyphs);
        let mut unit = Unit {
            start: (base + start) as u32,
            glyph: glyph_start as u32,
            glyph_len: (glyphs.len() - glyph_start) as u8,
            width: shown.width.min(usize::from(u8::MAX)) as u8,
            level: 0,
            class: shown.class,
            brk: Break::None,
            marker,
            too_wide: false,
            mirrorable: shown.mirrorable,
        };
        if shown.width > options.max_width {
            glyphs.truncate(glyph_start);
            glyphs.push(TOO_WIDE);
            unit.glyph_len = TOO_WIDE.len_utf8() as u8;
            unit.width = 1;
            unit.too_wide = true;
            unit.mirrorable = false;
        }
        total_width += usize::from(unit.width);
        units.push(unit);
    }
    if options.breaks && !(whole && total_width <= options.max_width) {
        mark_breaks(text, base, &mut units);
    }
    Units {
        units,
        glyphs,
        text_len: (base + text.len()) as u32,
        width: total_width,
    }
}

/// How many chars `text` has: one per byte that is not a UTF-8 continuation byte.
pub(crate) fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// Marks the units a line may start with. A chunk after the first starts after a space.
fn mark_breaks(text: &str, base: usize, units: &mut [Unit]) {
    if base > 0
        && let Some(first) = units.first_mut()
    {
        first.brk = Break::AfterSpace;
    }
    let mut k = 0;
    for (at, _) in unicode_linebreak::linebreaks(text) {
        let at = (base + at) as u32;
        while k < units.len() && units[k].start < at {
            k += 1;
        }
        if k < units.len() && units[k].start == at {
            units[k].brk = match k.checked_sub(1).map(|p| units[p].class) {
                Some(Class::Space) => Break::AfterSpace,
                _ => Break::InsideWord,
            };
        }
    }
}

impl Units {
    /// Gives each unit the level of its first byte and mirrors the glyphs of right-to-left
    /// units (rule L4).
    pub fn apply_levels(&mut self, levels: &[unicode_bidi::Level]) {
        let apply = |units: &mut [Unit]| {
            for unit in units {
                unit.level = levels.get(unit.start as usize).map_or(0, |l| l.number());
            }
        };
        // Handing a short paragraph to rayon costs more than the loop.
        if self.units.len() <= CHUNK {
            apply(&mut self.units);
        } else {
            use rayon::prelude::*;
            self.units.par_chunks_mut(CHUNK).for_each(apply);
        }
        for unit in &mut self.units {
            if unit.mirrorable && unit.level % 2 == 1 {
                let a = unit.glyph as usize;
                let b = a + usize::from(unit.glyph_len);
                let mirrored: String = self.glyphs[a..b]
                    .chars()
                    .map(|c| props::mirrored(c).unwrap_or(c))
                    .collect();
                unit.glyph = self.glyphs.len() as u32;
                unit.glyph_len = mirrored.len() as u8;
                self.glyphs.push_str(&mirrored);
            }
        }
    }
}

/// What one cluster shows.
struct Shown {
    class: Class,
    width: usize,
    mirrorable: bool,
}

/// How a cluster starting with a character of `info` takes part in L1 and wrapping.
fn class_of(info: CharInfo) -> Class {
    match info.bidi {
        BidiClass::LRI | BidiClass::RLI | BidiClass::FSI | BidiClass::PDI => Class::Isolate,
        BidiClass::S | BidiClass::B => Class::Separator,
        BidiClass::WS => Class::Space,
        // LRM, RLM and ALM are the bidi controls with a strong class.
        BidiClass::L | BidiClass::R | BidiClass::AL if info.is_bidi_control() => Class::Mark,
        _ if info.is_invisible() => Class::Ignored,
        _ => Class::Other,
    }
}

/// Writes the glyph of one cluster.
fn push_glyph(
    cluster: &[(char, CharInfo)],
    shaped: &[Shaped],
    strip_marks: bool,
    glyphs: &mut String,
) -> Shown {
    // Most clusters are one visible character: no loop, no class search.
    if let [(c, info)] = *cluster
        && !info.is_invisible()
        && !info.is_control()
        && !(strip_marks && is_arabic_mark(c))
    {
        if let Some(&Shaped::Form(f) | &Shaped::Ligature(f)) = shaped.first() {
            // A presentation form: one cell, right-to-left, never mirrored.
            glyphs.push(f);
            return Shown {
                class: Class::Other,
                width: 1,
                mirrorable: false,
            };
        }
        glyphs.push(c);
        return Shown {
            class: class_of(info),
            width: usize::from(info.width),
            mirrorable: info.is_mirrored(),
        };
    }
    let mut width = 0;
    let mut shown = 0;
    let mut class = None;
    let mut visible = false;
    let mut mirrorable = false;
    for (k, &(c, info)) in cluster.iter().enumerate() {
        if class.is_none() {
            class = Some(class_of(info));
        }
        if info.is_invisible() {
            // Joiners inside a cluster stay with it (emoji sequences); alone they show nothing.
            if shown > 0 && !info.is_bidi_control() && !info.is_control() && shown < MAX_GLYPH_CHARS
            {
                glyphs.push(c);
                shown += 1;
            }
            continue;
        }
        visible = true;
        let (c, info) = match shaped.get(k) {
            Some(Shaped::Form(f) | Shaped::Ligature(f)) => (*f, props::info(*f)),
            Some(Shaped::Absorbed) => continue,
            _ => (c, info),
        };
        if strip_marks && is_arabic_mark(c) {
            continue;
        }
        // A tab or separator (trusted text only: articles have none left) is shown as a space.
        let (c, cells) = if info.is_control() {
            (' ', 1)
        } else {
            (c, usize::from(info.width))
        };
        if shown < MAX_GLYPH_CHARS {
            mirrorable |= info.is_mirrored();
            glyphs.push(c);
            shown += 1;
            width += cells;
        }
    }
    let class = match class.unwrap_or(Class::Ignored) {
        Class::Other | Class::Space | Class::Separator if !visible => Class::Ignored,
        class => class,
    };
    let width = if class.is_visible() { width } else { 0 };
    Shown {
        class,
        width,
        mirrorable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_build_the_same_units_as_one_pass() {
        let paragraph = "قال الرئيس (بوتين) إن «المحادثات» لا تزال مُحَمَّدٌ 3.5% e\u{301} 日本 😀 S-300 سبتمبر/أيلول ";
        let text = paragraph.repeat(3 * CHUNK / paragraph.len());
        let options = UnitOptions {
            shape: true,
            clusters: true,
            strip_marks: false,
            max_width: 80,
            breaks: true,
        };
        assert!(split(&text).len() >= 3);
        let chunked = build(&text, &[], &options);
        let whole = build_chunk(&text, 0..text.len(), &[], &options);
        assert_eq!(chunked.units.len(), whole.units.len());
        for (k, (a, b)) in chunked.units.iter().zip(&whole.units).enumerate() {
            assert_eq!(
                (
                    a.start,
                    chunked.end(k),
                    a.width,
                    a.class,
                    a.brk,
                    a.mirrorable
                ),
                (b.start, whole.end(k), b.width, b.class, b.brk, b.mirrorable)
            );
            assert_eq!(chunked.glyph(a), whole.glyph(b));
        }
        assert_eq!(std::mem::size_of::<Unit>(), 16);
    }
}
