//! Reordering one line (UAX #9 rules L1 and L2) over units, with the levels resolved once for
//! the whole paragraph.
//!
//! Done here rather than with `unicode_bidi::ParagraphBidiInfo::visual_runs`, which copies the
//! levels of the whole paragraph for every line: on a long paragraph that is quadratic.

use std::ops::Range;

use super::units::{Class, Unit};

/// Appends to `order` the indices of `units[row]` in visual order, left to right.
pub(crate) fn visual_order(
    units: &[Unit],
    row: Range<usize>,
    para_level: u8,
    order: &mut Vec<usize>,
    levels: &mut Vec<u8>,
) {
    let line = &units[row.clone()];
    line_levels(line, para_level, levels);
    let (mut max, mut min) = (0u8, u8::MAX);
    for &l in levels.iter() {
        max = max.max(l);
        min = min.min(l);
    }
    let first = order.len();
    order.extend(row.clone());
    if max == min && max % 2 == 0 {
        return;
    }
    let lowest_odd = if min % 2 == 1 { min } else { min + 1 };
    let line_order = &mut order[first..];
    // L2: from the highest level down to the lowest odd one, reverse every run at or above it.
    for level in (lowest_odd..=max).rev() {
        let mut j = 0;
        while j < levels.len() {
            if levels[j] < level {
                j += 1;
                continue;
            }
            let run = j;
            while j < levels.len() && levels[j] >= level {
                j += 1;
            }
            line_order[run..j].reverse();
            levels[run..j].reverse();
        }
    }
}

/// The units' levels after rule L1: separators, and whitespace and isolate controls before a
/// separator or at the end of the line, go back to the paragraph level. Units removed by X9
/// take the level of what precedes them and count with the whitespace around them.
fn line_levels(line: &[Unit], para_level: u8, levels: &mut Vec<u8>) {
    levels.clear();
    levels.extend(line.iter().map(|u| u.level));
    let mut reset_from: Option<usize> = None;
    let mut previous = para_level;
    for (k, unit) in line.iter().enumerate() {
        match unit.class {
            Class::Separator => {
                let from = reset_from.take().unwrap_or(k);
                levels[from..=k].fill(para_level);
            }
            Class::Space | Class::Isolate => {
                reset_from.get_or_insert(k);
            }
            Class::Ignored => {
                levels[k] = previous;
                reset_from.get_or_insert(k);
            }
            Class::Mark | Class::Other => reset_from = None,
        }
        previous = levels[k];
    }
    if let Some(from) = reset_from {
        levels[from..].fill(para_level);
    }
}
