//! Character properties on the hot path of layout, answered from small tables for the text
//! khabar mostly sees (Latin, Arabic and its presentation forms) and from the crates for the
//! rest. A 1.9 MB paragraph asks about every character several times; the crates' binary
//! searches over all of Unicode were a third of the time.

use std::sync::LazyLock;

use unicode_bidi::{BidiClass, BidiDataSource};
use unicode_segmentation::GraphemeCursor;

/// Code points below this have their bidi class in [`LOW`].
const LOW_END: u32 = 0x0900;
/// Arabic Presentation Forms-B, whose classes are in [`FORMS`].
const FORMS_START: u32 = 0xFE70;
const FORMS_END: u32 = 0xFF00;

static LOW: LazyLock<Vec<BidiClass>> = LazyLock::new(|| classes(0..LOW_END));
static FORMS: LazyLock<Vec<BidiClass>> = LazyLock::new(|| classes(FORMS_START..FORMS_END));

fn classes(range: std::ops::Range<u32>) -> Vec<BidiClass> {
    range
        .map(|u| char::from_u32(u).map_or(BidiClass::L, unicode_bidi::bidi_class))
        .collect()
}

/// The bidi class of `c`: the same answers as `unicode_bidi::bidi_class`, faster.
pub(crate) fn bidi_class(c: char) -> BidiClass {
    let u = c as u32;
    if u < LOW_END {
        LOW[u as usize]
    } else if (FORMS_START..FORMS_END).contains(&u) {
        FORMS[(u - FORMS_START) as usize]
    } else {
        unicode_bidi::bidi_class(c)
    }
}

/// unicode-bidi's data, through [`bidi_class`].
pub(crate) struct FastBidiData;

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        bidi_class(c)
    }
}

/// The mirrored glyph of `c` (BidiMirroring.txt), with no lookup for the letters and digits
/// that make up most text.
pub(crate) fn mirrored(c: char) -> Option<char> {
    match c {
        '0'..='9' | 'A'..='Z' | 'a'..='z' | '\u{0600}'..='\u{08FF}' | '\u{FE70}'..='\u{FEFF}' => None,
        _ => unicode_bidi_mirroring::get_mirrored(c),
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
        | '\u{060C}'
        | '\u{061B}'
        | '\u{061F}'
        | '\u{0621}'..='\u{064A}'
        | '\u{0660}'..='\u{066D}'
        | '\u{0671}'..='\u{06D5}' => Cluster::Base,
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Cluster::Extend,
        _ => Cluster::Unknown,
    }
}

/// The end of the grapheme cluster that starts at `start` (a cluster boundary) of `text`.
pub(crate) fn cluster_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].chars();
    let Some(first) = chars.next() else {
        return start;
    };
    let mut end = start + first.len_utf8();
    if cluster(first) == Cluster::Base {
        loop {
            match chars.next().map(|c| (c, cluster(c))) {
                None => return end,
                Some((_, Cluster::Base)) => return end,
                Some((c, Cluster::Extend)) => end += c.len_utf8(),
                Some((_, Cluster::Unknown)) => break,
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
                assert_eq!(bidi_class(c), unicode_bidi::bidi_class(c), "{u:X}");
                assert_eq!(mirrored(c), unicode_bidi_mirroring::get_mirrored(c), "{u:X}");
            }
        }
    }

    #[test]
    fn clusters_agree_with_unicode_segmentation() {
        let samples = [
            "مُحَمَّدٌ والرَّئِيسُ قال: «نعم»، 3.5٪ و١٬٢٣٤",
            "e\u{301}te\u{301} 👨\u{200D}👩\u{200D}👧 🇸🇦🇪🇬 क्षि \r\n ؀١٢ ۝٣ ก\u{0E33}",
            "a\u{0651}\u{200D}b\u{200C}c \u{0600}\u{0661}",
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
