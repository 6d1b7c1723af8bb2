//! Styled ranges of a paragraph (search matches, a selected sentence, tagged claims) and how
//! they land on laid-out cells.
//!
//! Styles are given on the logical text, in bytes, and never change a layout: a cell takes
//! the style of the first span its source range overlaps, so one [`Layout`](super::Layout) per
//! paragraph and width serves every search. After reordering, a match that spans a direction
//! change may show as several pieces on a row; each piece is still styled.

use std::ops::Range;

use super::{Cell, Row};

/// Byte ranges of a paragraph with a style each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styles<S> {
    /// Sorted by start.
    spans: Vec<(Range<usize>, S)>,
    /// `reach[i]`: the furthest end among `spans[..=i]`, to find the first span that can
    /// overlap a cell by binary search.
    reach: Vec<usize>,
}

impl<S> Default for Styles<S> {
    fn default() -> Self {
        Styles {
            spans: Vec::new(),
            reach: Vec::new(),
        }
    }
}

impl<S> Styles<S> {
    /// Styles from spans in any order; empty spans are dropped. Where spans overlap, the one
    /// that starts first wins.
    pub fn new(spans: impl IntoIterator<Item = (Range<usize>, S)>) -> Self {
        let mut spans: Vec<(Range<usize>, S)> =
            spans.into_iter().filter(|(r, _)| !r.is_empty()).collect();
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        let reach = spans
            .iter()
            .scan(0, |furthest, (r, _)| {
                *furthest = r.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Styles { spans, reach }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The style of text covering `source`: that of the first span overlapping it.
    pub fn at(&self, source: &Range<usize>) -> Option<&S> {
        // No span before `first` reaches past `source.start`.
        let first = self.reach.partition_point(|&end| end <= source.start);
        self.spans[first..]
            .iter()
            .take_while(|(r, _)| r.start < source.end)
            .find(|(r, _)| r.end > source.start)
            .map(|(_, s)| s)
    }
}

impl<'a> Row<'a> {
    /// The row's cells, left to right, with their glyphs and styles.
    pub fn styled<'s, S>(
        &self,
        styles: &'s Styles<S>,
    ) -> impl Iterator<Item = (&'a Cell, &'a str, Option<&'s S>)> + use<'a, 's, S> {
        let row = *self;
        row.cells()
            .iter()
            .map(move |cell| (cell, row.glyph(cell), styles.at(&cell.source())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bidi::{BaseDirection, LayoutOptions, layout};

    #[test]
    fn a_match_is_styled_where_it_lands_after_reordering() {
        let text = "قال الرئيس إن NATO مستعدة";
        let start = text.find("الرئيس").unwrap();
        let styles = Styles::new([(start..start + "الرئيس".len(), "match")]);
        let options = LayoutOptions {
            shape: false,
            ..LayoutOptions::default()
        };
        let laid = layout(text, BaseDirection::Rtl, 80, &options);
        let row = laid.row(0).unwrap();
        let marked: String = row
            .styled(&styles)
            .filter(|(_, _, s)| s.is_some())
            .map(|(_, g, _)| g)
            .collect();
        // Reversed on screen, as the word is drawn.
        assert_eq!(marked, "سيئرلا");
        let plain = row.styled(&styles).filter(|(_, _, s)| s.is_none()).count();
        assert_eq!(plain, row.cells().len() - 6);
    }

    #[test]
    fn overlapping_and_unsorted_spans() {
        let styles = Styles::new([(10..20, 'b'), (0..5, 'a'), (3..3, 'x'), (12..14, 'c')]);
        assert_eq!(styles.at(&(0..1)), Some(&'a'));
        assert_eq!(styles.at(&(4..6)), Some(&'a'));
        assert_eq!(styles.at(&(5..6)), None);
        assert_eq!(styles.at(&(13..14)), Some(&'b'));
        assert_eq!(styles.at(&(19..25)), Some(&'b'));
        assert_eq!(styles.at(&(20..25)), None);
        assert!(Styles::<u8>::default().at(&(0..1)).is_none());
        // A long span covering a cell after many short ones.
        let mut spans: Vec<(Range<usize>, char)> = (0..1000)
            .map(|i| (i * 10 + 100..i * 10 + 101, 's'))
            .collect();
        spans.push((50..200_000, 'L'));
        let styles = Styles::new(spans);
        assert_eq!(styles.at(&(150_000..150_001)), Some(&'L'));
        assert_eq!(styles.at(&(100..101)), Some(&'L'));
    }

    proptest::proptest! {
        #[test]
        fn the_first_overlapping_span_wins(
            spans in proptest::collection::vec((0usize..200, 0usize..40), 0..30),
            start in 0usize..250,
            len in 1usize..10,
        ) {
            let spans: Vec<(Range<usize>, usize)> =
                spans.into_iter().enumerate().map(|(k, (s, l))| (s..s + l, k)).collect();
            let styles = Styles::new(spans.clone());
            let cell = start..start + len;
            let expected = spans
                .iter()
                .filter(|(r, _)| !r.is_empty() && r.start < cell.end && r.end > cell.start)
                .min_by_key(|(r, _)| (r.start, r.end))
                .map(|(_, k)| k);
            proptest::prop_assert_eq!(styles.at(&cell), expected);
        }
    }
}
