//! The bidi layout engine: one paragraph of logical text in, rows of terminal cells out.
//!
//! The pipeline, run once per paragraph and width (see `../shared/notes/bidi.md`):
//! `prepare` sanitizes (escape sequences, controls, embeddings and overrides, unbalanced or
//! deep isolates) keeping a map back to the input; levels are resolved once for the whole
//! paragraph (UAX #9, `unicode-bidi`); `shape` picks Arabic presentation forms in logical
//! order; `units` cuts the text into grapheme clusters with their widths and glyphs (L3,
//! mirroring for L4); `wrap` breaks lines in logical order at UAX #14 opportunities;
//! `reorder` applies L1–L2 to each line. The result, a [`Layout`], is a list of rows of
//! [`Cell`]s, each cell knowing the byte range of the input it shows; [`Styles`] (search
//! matches, selections) are applied to cells by that range when drawing.
//!
//! Nothing here writes to a terminal; [`terminal`] only provides the escape sequences that put
//! one in the right bidi mode. [`LayoutCache`] keeps layouts per paragraph and width.

pub mod cache;
mod clusters;
mod forms;
mod layout;
mod prepare;
mod props;
mod reorder;
pub mod shape;
mod style;
pub mod terminal;
mod units;
mod wrap;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

pub use crate::core::article::Direction;
pub use cache::LayoutCache;
pub use layout::{Align, Cell, Layout, Row, layout, layout_all};
pub use style::Styles;

/// How text is ordered for the terminal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// khabar reorders, mirrors and (optionally) shapes; the terminal draws cells as sent.
    #[default]
    App,
    /// Logical order, aligned by direction, for terminals that reorder rows themselves.
    Terminal,
    /// No bidi at all: logical order, everything left-aligned.
    Off,
}

impl BidiMode {
    pub const ALL: [BidiMode; 3] = [BidiMode::App, BidiMode::Terminal, BidiMode::Off];

    pub fn as_str(self) -> &'static str {
        match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
            BidiMode::Off => "off",
        }
    }

    /// The next mode in the order app → terminal → off → app (the reader's toggle key).
    pub fn next(self) -> BidiMode {
        match self {
            BidiMode::App => BidiMode::Terminal,
            BidiMode::Terminal => BidiMode::Off,
            BidiMode::Off => BidiMode::App,
        }
    }
}

impl fmt::Display for BidiMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A bidi mode name that is not one of `app`, `terminal`, `off`.
#[derive(Debug, thiserror::Error)]
#[error("unknown bidi mode {0:?}: use app, terminal or off")]
pub struct UnknownMode(String);

impl FromStr for BidiMode {
    type Err = UnknownMode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BidiMode::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownMode(s.to_string()))
    }
}

/// The direction a paragraph is laid out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaseDirection {
    Ltr,
    Rtl,
    /// Rules P2–P3 of UAX #9: the first strong letter decides, LTR when there is none. Wrong
    /// for news text («NATO تعلن …» would be LTR); khabar uses [`paragraph_direction`]. Kept
    /// for Unicode's conformance cases.
    FirstStrong,
}

impl From<Direction> for BaseDirection {
    fn from(d: Direction) -> Self {
        match d {
            Direction::Ltr => BaseDirection::Ltr,
            Direction::Rtl => BaseDirection::Rtl,
        }
    }
}

/// The direction of a paragraph as khabar reads it (rule HL1): that of the majority of its
/// strong letters, and `fallback` (the article's direction) when it has none.
pub fn paragraph_direction(text: &str, fallback: Direction) -> Direction {
    use crate::core::text::{majority_of, strong_counts};
    use rayon::prelude::*;
    // A long paragraph is counted in pieces, on every core.
    const PIECE: usize = 256 * 1024;
    let (rtl, ltr) = if text.len() <= PIECE {
        strong_counts(text)
    } else {
        let mut cuts = vec![0];
        let mut at = PIECE;
        while at < text.len() {
            while !text.is_char_boundary(at) {
                at += 1;
            }
            cuts.push(at);
            at += PIECE;
        }
        cuts.push(text.len());
        cuts.par_windows(2)
            .map(|w| strong_counts(&text[w[0]..w[1]]))
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    };
    majority_of(rtl, ltr).unwrap_or(fallback)
}

/// What the explicit bidi formatting characters of the input may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Controls {
    /// Untrusted text (every article): embeddings and overrides are removed, isolates kept
    /// only when balanced and at most [`MAX_ISOLATE_DEPTH`] deep.
    #[default]
    Sanitize,
    /// Trusted text only: every explicit formatting character takes effect, as UAX #9 says.
    /// Escape sequences and control characters are still never shown. For Unicode's
    /// conformance cases; never for article text (Trojan Source).
    Honour,
}

/// Isolates nested deeper than this are removed: news text never needs more, and
/// unicode-bidi 0.3.18 panics on about 140.
pub const MAX_ISOLATE_DEPTH: usize = 4;

/// Everything that changes how a paragraph is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    pub mode: BidiMode,
    /// Map Arabic letters to presentation forms (in [`BidiMode::App`] only).
    pub shape: bool,
    /// Drop harakat and other Arabic marks from the glyphs (they stay in the source ranges).
    pub strip_marks: bool,
    /// Show each removed character or escape sequence as a visible marker.
    pub show_invisibles: bool,
    /// Keep grapheme clusters whole when reversing (rule L3). Off only for conformance cases,
    /// which reorder single characters.
    pub clusters: bool,
    pub controls: Controls,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            mode: BidiMode::App,
            shape: true,
            strip_marks: false,
            show_invisibles: false,
            clusters: true,
            controls: Controls::Sanitize,
        }
    }
}

impl LayoutOptions {
    /// Options for Unicode's conformance cases (rules up to L2): characters reordered one by
    /// one, explicit formatting honoured, no shaping.
    pub fn conformance() -> Self {
        LayoutOptions {
            shape: false,
            clusters: false,
            controls: Controls::Honour,
            ..LayoutOptions::default()
        }
    }

    /// Whether glyphs are shaped: asked for, and only when khabar orders the text itself
    /// (terminals that reorder also shape).
    pub(crate) fn shapes(&self) -> bool {
        self.shape && self.mode == BidiMode::App
    }
}
