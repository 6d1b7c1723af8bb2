//! Walking a prepared paragraph one grapheme cluster at a time for the unit builder, each
//! char decoded and looked up in the property table once. Letters and the marks on them are
//! grouped here; anything else asks `props::cluster_end` (unicode-segmentation).

use super::props::{self, CharInfo};

/// The grapheme clusters of a text (or its single chars, when clusters are off), each char
/// decoded and looked up once.
pub(crate) struct Clusters<'a> {
    text: &'a str,
    tables: &'static props::Tables,
    chars: std::str::CharIndices<'a>,
    /// The char after the last cluster, already looked up.
    next: Option<(usize, char, CharInfo)>,
    whole: bool,
}

impl<'a> Clusters<'a> {
    pub(crate) fn new(text: &'a str, whole: bool) -> Self {
        let tables = props::tables();
        let mut chars = text.char_indices();
        let next = chars.next().map(|(i, c)| (i, c, tables.info(c)));
        Clusters {
            text,
            tables,
            chars,
            next,
            whole,
        }
    }

    // Called once per character: inlined, the call costs more than the work.
    #[inline(always)]
    fn advance(&mut self) -> Option<(usize, char, CharInfo)> {
        let current = self.next;
        self.next = self.chars.next().map(|(i, c)| (i, c, self.tables.info(c)));
        current
    }

    /// Appends the chars of the next cluster to `out`; returns its byte range. Inlined into
    /// the unit loop, which calls it once per cluster.
    #[inline(always)]
    pub(crate) fn next_into(&mut self, out: &mut Vec<(char, CharInfo)>) -> Option<(usize, usize)> {
        let (start, c, info) = self.advance()?;
        out.push((c, info));
        let mut end = start + c.len_utf8();
        if !self.whole {
            return Some((start, end));
        }
        if info.starts_cluster() {
            // Letters and the marks on them: no need to ask unicode-segmentation.
            loop {
                let Some((at, next, next_info)) = self.next else {
                    return Some((start, end));
                };
                if next_info.starts_cluster() {
                    return Some((start, end));
                }
                if !next_info.extends() {
                    break;
                }
                out.push((next, next_info));
                end = at + next.len_utf8();
                self.advance();
            }
        }
        let cluster_end = props::cluster_end(self.text, start);
        while end < cluster_end {
            let Some((at, next, next_info)) = self.advance() else {
                break;
            };
            out.push((next, next_info));
            end = at + next.len_utf8();
        }
        Some((start, end))
    }
}
