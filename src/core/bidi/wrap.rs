//! Line breaking in logical order: greedy filling at UAX #14 break opportunities
//! (`unicode-linebreak`), measured in cells. Whitespace at a break hangs past the edge and is
//! dropped. Opportunities after whitespace come first: the others (after «/» or «-») are
//! taken only inside a word wider than the line, so «سبتمبر/أيلول» and «S-300» stay whole
//! while a long URL still breaks at its slashes; a word with no opportunity at all is broken
//! between grapheme clusters.

use std::ops::Range;

use super::units::{Break, Class, Unit};

/// Cuts `units`, `total` columns in all, into rows no wider than `max` cells; returns unit
/// index ranges. Every unit is narrower than `max` (the unit builder sees to that), and the
/// break opportunities are marked unless all the units fit on one row.
pub(crate) fn wrap(units: &[Unit], total: usize, max: usize) -> Vec<Range<usize>> {
    if total <= max {
        return std::iter::once(0..units.len()).collect();
    }
    let mut rows = Vec::with_capacity(total / max.max(1) + 1);
    let mut start = 0;
    // Width of units[start..i], hanging spaces included.
    let mut width = 0usize;
    let (mut after_space, mut inside_word): (Option<usize>, Option<usize>) = (None, None);
    for (i, unit) in units.iter().enumerate() {
        if i > start {
            match unit.brk {
                Break::AfterSpace => after_space = Some(i),
                Break::InsideWord => inside_word = Some(i),
                Break::None => {}
            }
        }
        let w = usize::from(unit.width);
        if hangs(unit) || w == 0 {
            if w == 0 && !hangs(unit) && width > max && i > start {
                // A lone mark after whitespace that already hangs past the edge (trusted text
                // or a stray mark): the whitespace must not stay on this row.
                push_row(&mut rows, units, start, i);
                start = i;
                width = 0;
                (after_space, inside_word) = (None, None);
            }
            width += w;
            continue;
        }
        if width + w > max {
            if let Some(b) = after_space.take().or(inside_word.take()) {
                push_row(&mut rows, units, start, b);
                start = b;
                width = units[b..i].iter().map(|u| usize::from(u.width)).sum();
            }
            if width + w > max && i > start {
                push_row(&mut rows, units, start, i);
                start = i;
                width = 0;
            }
        }
        width += w;
    }
    let mut end = units.len();
    while width > max && end > start && hangs(&units[end - 1]) {
        end -= 1;
        width -= usize::from(units[end].width);
    }
    rows.push(start..end);
    rows
}

/// Ends a row at a break: its trailing whitespace hangs and is dropped, and a row of nothing
/// but whitespace is not a row.
fn push_row(rows: &mut Vec<Range<usize>>, units: &[Unit], start: usize, mut end: usize) {
    while end > start && hangs(&units[end - 1]) {
        end -= 1;
    }
    if end > start {
        rows.push(start..end);
    }
}

/// Whitespace (tabs too), and what shows nothing, may hang at the end of a row.
fn hangs(unit: &Unit) -> bool {
    matches!(unit.class, Class::Space | Class::Separator) || !unit.class.is_visible()
}
