//! Cutting a prepared paragraph into units: the grapheme clusters that are wrapped and
//! reordered whole (rule L3 keeps marks after their base), each with the glyph it shows
//! (shaped, mirrored in right-to-left runs for L4, marks stripped on request), its width in
//! cells and its embedding level.
//!
//! A width is the sum of the widths of the characters shown, never a `str` width: a terminal
//! gives each code point its own cell, so «لا» is two cells unless it is shaped into one
//! ligature.

use unicode_bidi::BidiClass;
use unicode_width::UnicodeWidthChar;

use super::props;
use super::shape::Shaped;
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

#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Byte range in the prepared text.
    pub start: u32,
    pub end: u32,
    /// Byte range of the glyph in the glyph buffer.
    pub glyph: (u32, u32),
    pub width: u16,
    pub level: u8,
    pub class: Class,
    /// The unit is a marker for removed input.
    pub marker: bool,
    /// The unit was too wide for the line and shows [`TOO_WIDE`].
    pub too_wide: bool,
}

/// What the unit builder needs to know about the paragraph.
pub(crate) struct UnitInput<'a> {
    pub text: &'a str,
    /// Embedding level of each byte of `text`, or `None` when nothing is reordered.
    pub levels: Option<&'a [unicode_bidi::Level]>,
    /// Shaping of each char of `text`, or empty when not shaping.
    pub shaped: &'a [Shaped],
    pub clusters: bool,
    pub mirror: bool,
    pub strip_marks: bool,
    pub markers: &'a [u32],
    pub max_width: usize,
}

/// Cuts `input.text` into units, appending glyphs to `glyphs`.
pub(crate) fn build(input: &UnitInput<'_>, glyphs: &mut String) -> Vec<Unit> {
    let text = input.text;
    let mut units = Vec::with_capacity(text.len() / 2);
    let mut markers = input.markers.iter().peekable();
    // Char index of the next char, to look up its shaping.
    let mut char_index = 0usize;
    let mut pieces = Pieces::new(text, input.clusters);
    while let Some((start, mut end)) = pieces.next() {
        let mut chars = text[start..end].chars().count();
        if !input.shaped.is_empty() {
            // A lam-alef ligature also takes the cluster of the alef it absorbs.
            let has_ligature = input.shaped[char_index..char_index + chars]
                .iter()
                .any(|s| matches!(s, Shaped::Ligature(_)));
            if has_ligature {
                // The shaper marks the alef after every ligature lam `Absorbed`.
                while let Some((_, next_end)) = pieces.next() {
                    let n = text[end..next_end].chars().count();
                    let has_alef = input.shaped[char_index + chars..char_index + chars + n]
                        .contains(&Shaped::Absorbed);
                    chars += n;
                    end = next_end;
                    if has_alef {
                        break;
                    }
                }
            }
        }
        let level = input.levels.map_or(0, |l| l[start].number());
        let shaped = input
            .shaped
            .get(char_index..char_index + chars)
            .unwrap_or(&[]);
        char_index += chars;
        let marker = markers.next_if(|&&m| m as usize == start).is_some();
        let glyph_start = glyphs.len();
        let (class, width) = push_glyph(
            &text[start..end],
            shaped,
            input.mirror && level % 2 == 1,
            input.strip_marks,
            glyphs,
        );
        let mut unit = Unit {
            start: start as u32,
            end: end as u32,
            glyph: (glyph_start as u32, glyphs.len() as u32),
            width: width.min(u16::MAX as usize) as u16,
            level,
            class,
            marker,
            too_wide: false,
        };
        if width > input.max_width {
            glyphs.truncate(glyph_start);
            glyphs.push(TOO_WIDE);
            unit.glyph.1 = glyphs.len() as u32;
            unit.width = 1;
            unit.too_wide = true;
        }
        units.push(unit);
    }
    units
}

/// Writes the glyph of one cluster; returns its class and width.
fn push_glyph(
    cluster: &str,
    shaped: &[Shaped],
    mirror: bool,
    strip_marks: bool,
    glyphs: &mut String,
) -> (Class, usize) {
    let mut width = 0;
    let mut shown = 0;
    let mut class = None;
    let mut visible = false;
    for (k, c) in cluster.chars().enumerate() {
        let bidi = props::bidi_class(c);
        if class.is_none() {
            class = Some(match (c, bidi) {
                ('\u{2066}'..='\u{2069}', _) => Class::Isolate,
                ('\u{061C}' | '\u{200E}' | '\u{200F}', _) => Class::Mark,
                (_, BidiClass::S | BidiClass::B) => Class::Separator,
                (_, BidiClass::WS) => Class::Space,
                _ if is_invisible(c, bidi) => Class::Ignored,
                _ => Class::Other,
            });
        }
        if is_invisible(c, bidi) {
            // Joiners inside a cluster stay with it (emoji sequences); alone they show nothing.
            if shown > 0 && !is_bidi_control(c) && !c.is_control() && shown < MAX_GLYPH_CHARS {
                glyphs.push(c);
                shown += 1;
            }
            continue;
        }
        visible = true;
        let mut c = match shaped.get(k) {
            Some(Shaped::Form(f) | Shaped::Ligature(f)) => *f,
            Some(Shaped::Absorbed) => continue,
            _ => c,
        };
        if strip_marks && is_arabic_mark(c) {
            continue;
        }
        if c.is_control() {
            // Only trusted text (conformance cases) gets here with a tab or separator.
            c = ' ';
        }
        if mirror {
            c = props::mirrored(c).unwrap_or(c);
        }
        if shown < MAX_GLYPH_CHARS {
            glyphs.push(c);
            shown += 1;
            width += c.width().unwrap_or(0);
        }
    }
    match class.unwrap_or(Class::Ignored) {
        Class::Other | Class::Space | Class::Separator if !visible => (Class::Ignored, 0),
        class => (class, width),
    }
}

/// Characters that show nothing: bidi marks and controls, and the Boundary Neutral class
/// (ZWSP, ZWJ, ZWNJ, soft hyphen, word joiner, the remaining controls).
fn is_invisible(c: char, class: BidiClass) -> bool {
    class == BidiClass::BN || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Byte ranges of grapheme clusters, or of single chars when clusters are off.
struct Pieces<'a> {
    text: &'a str,
    at: usize,
    clusters: bool,
}

impl<'a> Pieces<'a> {
    fn new(text: &'a str, clusters: bool) -> Self {
        Pieces {
            text,
            at: 0,
            clusters,
        }
    }
}

impl Iterator for Pieces<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.at;
        if start >= self.text.len() {
            return None;
        }
        self.at = if self.clusters {
            props::cluster_end(self.text, start)
        } else {
            start + self.text[start..].chars().next().map_or(1, char::len_utf8)
        };
        Some((start, self.at))
    }
}
