//! Character properties on the hot path of layout, answered from small tables for the text
//! khabar mostly sees (Latin, Arabic and its presentation forms) and from the crates for the
//! rest. A 1.9 MB paragraph asks about every character several times; the crates' binary
//! searches over all of Unicode were a third of the time.

use std::sync::LazyLock;

use unicode_bidi::data_source::BidiMatchedOpeningBracket;
use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};
use unicode_segmentation::GraphemeCursor;
use unicode_width::UnicodeWidthChar;

/// Code points below this are in the first table.
const LOW_END: u32 = 0x0900;
/// Arabic Presentation Forms-B are in the second.
const FORMS_START: u32 = 0xFE70;
const FORMS_END: u32 = 0xFF00;

/// General Punctuation (dashes, quotes, ellipsis, bidi controls) is in the third.
const PUNCTUATION_START: u32 = 0x2000;
const PUNCTUATION_END: u32 = 0x2070;

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    low: table(0..LOW_END),
    punctuation: table(PUNCTUATION_START..PUNCTUATION_END),
    forms: table(FORMS_START..FORMS_END),
});

/// The tables; fetched once per layout, so the hot loops index plain slices.
pub(crate) struct Tables {
    low: Vec<CharInfo>,
    punctuation: Vec<CharInfo>,
    forms: Vec<CharInfo>,
}

pub(crate) fn tables() -> &'static Tables {
    &TABLES
}

impl Tables {
    /// Everything about `c` layout needs.
    #[inline]
    pub fn info(&self, c: char) -> CharInfo {
        let u = c as u32;
        let found = if u < LOW_END {
            self.low.get(u as usize)
        } else if u >= FORMS_START {
            self.forms.get((u - FORMS_START) as usize)
        } else if u >= PUNCTUATION_START {
            self.punctuation.get((u - PUNCTUATION_START) as usize)
        } else {
            None
        };
        match found {
            Some(&i) => i,
            None => CharInfo::of(c),
        }
    }
}

impl BidiDataSource for Tables {
    fn bidi_class(&self, c: char) -> BidiClass {
        self.info(c).bidi
    }

    /// unicode-bidi asks this of every ON character (quotes, «», dashes) and answers by a
    /// linear scan of all bracket pairs; only the few brackets need it.
    fn bidi_matched_opening_bracket(&self, c: char) -> Option<BidiMatchedOpeningBracket> {
        if self.info(c).is_bracket() {
            HardcodedBidiData.bidi_matched_opening_bracket(c)
        } else {
            None
        }
    }
}

fn table(range: std::ops::Range<u32>) -> Vec<CharInfo> {
    range
        .map(|u| char::from_u32(u).map_or(CharInfo::of('\u{FFFD}'), CharInfo::of))
        .collect()
}

/// What layout asks about one character, all at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CharInfo {
    pub bidi: BidiClass,
    /// Terminal columns (0 for marks, joiners and controls).
    pub width: u8,
    flags: u8,
}

const BASE: u8 = 1;
const EXTEND: u8 = 2;
const INVISIBLE: u8 = 4;
const BIDI_CONTROL: u8 = 8;
const MIRRORED: u8 = 16;
const CONTROL: u8 = 32;
const BRACKET: u8 = 64;

impl CharInfo {
    fn of(c: char) -> CharInfo {
        let bidi = unicode_bidi::bidi_class(c);
        let bidi_control = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        let mirrored = unicode_bidi_mirroring::get_mirrored(c).is_some();
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        let flags = match cluster(c) {
            Cluster::Base => BASE,
            Cluster::Extend => EXTEND,
            Cluster::Unknown => 0,
        } | flag(bidi == BidiClass::BN || bidi_control, INVISIBLE)
            | flag(bidi_control, BIDI_CONTROL)
            | flag(mirrored, MIRRORED)
            | flag(c.is_control(), CONTROL)
            // Paired brackets are ON characters (and unicode-bidi asks only about those).
            | flag(
                bidi == BidiClass::ON && HardcodedBidiData.bidi_matched_opening_bracket(c).is_some(),
                BRACKET,
            );
        CharInfo {
            bidi,
            width: c.width().unwrap_or(0).min(2) as u8,
            flags,
        }
    }

    /// Grapheme_Cluster_Break=Other: starts a cluster, and the next such character starts
    /// another (letters, digits, most punctuation).
    pub fn starts_cluster(self) -> bool {
        self.flags & BASE != 0
    }

    /// Grapheme_Cluster_Break=Extend (a mark): belongs to the cluster before it.
    pub fn extends(self) -> bool {
        self.flags & EXTEND != 0
    }

    /// Shows nothing: bidi controls and marks, and the Boundary Neutral class (ZWSP, ZWJ,
    /// ZWNJ, soft hyphen, word joiner, the remaining controls).
    pub fn is_invisible(self) -> bool {
        self.flags & INVISIBLE != 0
    }

    pub fn is_bidi_control(self) -> bool {
        self.flags & BIDI_CONTROL != 0
    }

    /// Has a mirrored glyph (BidiMirroring.txt).
    pub fn is_mirrored(self) -> bool {
        self.flags & MIRRORED != 0
    }

    pub fn is_control(self) -> bool {
        self.flags & CONTROL != 0
    }

    /// A paired bracket (BidiBrackets.txt), which rule N0 matches.
    fn is_bracket(self) -> bool {
        self.flags & BRACKET != 0
    }
}

/// Everything about `c` layout needs.
pub(crate) fn info(c: char) -> CharInfo {
    TABLES.info(c)
}

/// The mirrored glyph of `c` (BidiMirroring.txt).
pub(crate) fn mirrored(c: char) -> Option<char> {
    if info(c).is_mirrored() {
        unicode_bidi_mirroring::get_mirrored(c)
    } else {
        None
    }
}

/// How a character takes part in grapheme clustering, when that is simple to tell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cluster {
    /// Grapheme_Cluster_Break=Other: starts a cluster, and the next Other starts another.
    Base,
    /// Grapheme_Cluster_Break=Extend, and not a conjunct linker: joins the cluster before.
    Extend,
    /// Anything else: ask unicode-segmentation.
    Unknown,
}

fn cluster(c: char) -> Cluster {
    match c {
        ' '..='~'
        | '\u{00A0}'..='\u{00AC}'
        | '\u{00AE}'..='\u{02FF}'
        | '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{0621}'..='\u{064A}'
        | '\u{0660}'..='\u{066D}'
        | '\u{0671}'..='\u{06D5}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{FE70}'..='\u{FEFC}' => Cluster::Base,
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Cluster::Extend,
        _ => Cluster::Unknown,
    }
}

/// The end of the grapheme cluster that starts at `start` (a cluster boundary) of `text`.
pub(crate) fn cluster_end(text: &str, start: usize) -> usize {
    let tables = tables();
    let mut chars = text[start..].chars();
    let Some(first) = chars.next() else {
        return start;
    };
    let mut end = start + first.len_utf8();
    if tables.info(first).starts_cluster() {
        loop {
            let Some(c) = chars.next() else {
                return end;
            };
            let i = tables.info(c);
            if i.starts_cluster() {
                return end;
            } else if i.extends() {
                end += c.len_utf8();
            } else {
                break;
            }
        }
    }
    // `end` is inside the cluster or at its end; the cursor finds which.
    let mut cursor = GraphemeCursor::new(start, text.len(), true);
    match cursor.next_boundary(text, 0) {
        Ok(Some(e)) if e > start => e,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn tables_agree_with_the_crates() {
        for u in (0..0x1_0000).chain(0x1F000..0x1F700) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(info(c).bidi, unicode_bidi::bidi_class(c), "{u:X}");
                assert_eq!(
                    mirrored(c),
                    unicode_bidi_mirroring::get_mirrored(c),
                    "{u:X}"
                );
                assert_eq!(info(c), CharInfo::of(c), "{u:X}");
                let bracket =
                    |b: Option<BidiMatchedOpeningBracket>| b.map(|b| (b.opening, b.is_open));
                assert_eq!(
                    bracket(tables().bidi_matched_opening_bracket(c)),
                    bracket(HardcodedBidiData.bidi_matched_opening_bracket(c)),
                    "{u:X}"
                );
                assert_eq!(
                    usize::from(info(c).width),
                    c.width().unwrap_or(0).min(2),
                    "{u:X}"
                );
            }
        }
    }

    #[test]
    fn fast_cluster_classes_agree_with_unicode_segmentation() {
        for u in (0..0x3000).chain(0xFE00..0xFF00) {
            let Some(c) = char::from_u32(u) else { continue };
            let split = |s: String| s.graphemes(true).count();
            match cluster(c) {
                Cluster::Base => {
                    assert_eq!(split(format!("a{c}")), 2, "{u:X} attaches to what precedes");
                    assert_eq!(split(format!("{c}a")), 2, "{u:X} takes what follows");
                    assert_eq!(split(format!("{c}\u{064E}")), 1, "{u:X} takes no mark");
                }
                Cluster::Extend => {
                    assert_eq!(split(format!("a{c}")), 1, "{u:X}");
                    assert_eq!(split(format!("{c}a")), 2, "{u:X}");
                }
                Cluster::Unknown => {}
            }
        }
    }

    #[test]
    fn clusters_agree_with_unicode_segmentation() {
        let samples = [
            "مُحَمَّدٌ والرَّئِيسُ قال: «نعم»، 3.5٪ و١٬٢٣٤",
            "e\u{301}te\u{301} 👨\u{200D}👩\u{200D}👧 🇸🇦🇪🇬 क्षि \r\n ؀١٢ ۝٣ ก\u{0E33}",
            "a\u{0651}\u{200D}b\u{200C}c \u{0600}\u{0661}",
            "«نعم» — “quoted” … ‰ ﻻ ﺑ\u{064E} \u{00AD}x ¿¡ ǅ\u{0301}",
        ];
        for text in samples {
            let expected: Vec<(usize, usize)> = text
                .grapheme_indices(true)
                .map(|(i, g)| (i, i + g.len()))
                .collect();
            let mut got = Vec::new();
            let mut at = 0;
            while at < text.len() {
                let end = cluster_end(text, at);
                got.push((at, end));
                at = end;
            }
            assert_eq!(got, expected, "{text}");
        }
    }
}
