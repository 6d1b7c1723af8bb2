//! A laid-out paragraph: rows of cells in visual order, each cell knowing the bytes of the
//! input it shows, and [`layout`], which runs the whole pipeline.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::prepare::SourceMap;
use super::prepare::prepare;
use super::units::{self, UnitOptions, Units};
use super::{BaseDirection, BidiMode, Direction, LayoutOptions, props, reorder, wrap};

/// Which edge a row is drawn against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// One terminal cell (or two, for a wide character): a grapheme cluster, shaped and mirrored
/// as it is to be drawn, and the byte range of the input it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    glyph: (u32, u32),
    source: (u32, u32),
    width: u16,
    level: u8,
    flags: u8,
}

const MARKER: u8 = 1;
const TOO_WIDE: u8 = 2;

impl Cell {
    /// Byte range of the paragraph text this cell shows (a lam-alef ligature shows two
    /// letters; a marker shows a whole removed escape sequence).
    pub fn source(&self) -> Range<usize> {
        self.source.0 as usize..self.source.1 as usize
    }

    /// Columns taken: 0 for a lone mark, 2 for a wide character.
    pub fn width(&self) -> usize {
        usize::from(self.width)
    }

    /// Whether the cell belongs to a right-to-left run.
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }

    /// Whether the cell is a marker for removed input (with `show_invisibles`).
    pub fn is_marker(&self) -> bool {
        self.flags & MARKER != 0
    }

    /// Whether the cell stands for a character too wide for the line.
    pub fn is_too_wide(&self) -> bool {
        self.flags & TOO_WIDE != 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct RowData {
    /// The group of cells the row's cells are in, and their range there.
    group: u32,
    cells: (u32, u32),
    width: u32,
    source: (u32, u32),
}

/// A paragraph laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    glyphs: String,
    /// Cells in groups of rows, as filled by parallel tasks: one buffer per group, so a long
    /// paragraph never needs one huge allocation.
    groups: Vec<Vec<Cell>>,
    rows: Vec<RowData>,
    width: usize,
    direction: Direction,
    align: Align,
    removed: usize,
}

/// One row of a [`Layout`].
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    layout: &'a Layout,
    data: &'a RowData,
}

impl<'a> Row<'a> {
    /// The cells, left to right.
    pub fn cells(&self) -> &'a [Cell] {
        self.layout
            .groups
            .get(self.data.group as usize)
            .and_then(|cells| cells.get(self.data.cells.0 as usize..self.data.cells.1 as usize))
            .unwrap_or(&[])
    }

    /// What `cell` shows.
    pub fn glyph(&self, cell: &Cell) -> &'a str {
        self.layout.glyph(cell)
    }

    /// Columns taken by the cells.
    pub fn width(&self) -> usize {
        self.data.width as usize
    }

    pub fn align(&self) -> Align {
        self.layout.align
    }

    /// Empty columns before the first cell, in a pane as wide as the layout (none for an
    /// unbounded line, which has no right edge).
    pub fn indent(&self) -> usize {
        match self.layout.align {
            Align::Right if self.layout.width != usize::MAX => {
                self.layout.width.saturating_sub(self.width())
            }
            _ => 0,
        }
    }

    /// Byte range of the paragraph this row covers, in logical order (whitespace hanging at
    /// the break excluded).
    pub fn source(&self) -> Range<usize> {
        self.data.source.0 as usize..self.data.source.1 as usize
    }

    /// The row as plain text: the glyphs left to right, after `indent` spaces when `pad`.
    pub fn text(&self, pad: bool) -> String {
        let mut s = String::new();
        self.push_text(pad, &mut s);
        s
    }

    /// [`Row::text`] appended to `out`, for callers that reuse one buffer for many rows.
    pub fn push_text(&self, pad: bool, out: &mut String) {
        let indent = if pad { self.indent() } else { 0 };
        out.reserve(indent + self.cells().len() * 3);
        out.extend(std::iter::repeat_n(' ', indent));
        for cell in self.cells() {
            out.push_str(self.glyph(cell));
        }
    }
}

impl Layout {
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        self.rows.iter().map(|data| Row { layout: self, data })
    }

    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        self.rows.get(index).map(|data| Row { layout: self, data })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn glyph(&self, cell: &Cell) -> &str {
        self.glyphs
            .get(cell.glyph.0 as usize..cell.glyph.1 as usize)
            .unwrap_or("")
    }

    /// The width the paragraph was laid out at.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The paragraph's resolved direction.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// How many escape sequences and characters the sanitizer removed (or marked).
    pub fn removed(&self) -> usize {
        self.removed
    }

    /// The row showing the byte at `offset` of the paragraph, or the nearest row after it.
    pub fn row_of(&self, offset: usize) -> Option<usize> {
        let i = self
            .rows
            .partition_point(|r| (r.source.1 as usize) <= offset);
        (i < self.rows.len()).then_some(i)
    }
}

/// Lays out one paragraph of logical `text` in rows at most `width` cells wide (`usize::MAX`
/// for one unbounded line). Text past 4 GiB is not laid out.
pub fn layout(text: &str, base: BaseDirection, width: usize, options: &LayoutOptions) -> Layout {
    let text = cut(text);
    let width = width.max(1);
    let prepared = prepare(text, options);
    let ptext: &str = &prepared.text;
    let unit_options = UnitOptions {
        shape: options.shapes(),
        clusters: options.clusters,
        strip_marks: options.strip_marks,
        max_width: width,
        breaks: width != usize::MAX,
    };
    // Rows are cut by width alone, so wrapping needs no levels.
    let make_units = || {
        let built = units::build(ptext, &prepared.markers, &unit_options);
        let ranges = wrap::wrap(&built.units, built.width, width);
        (built, ranges)
    };
    // Levels and units do not depend on each other: on a long paragraph each takes a core.
    let (para_level, (mut built, ranges)) = match options.mode {
        BidiMode::App => {
            let ((levels, para_level), (mut built, ranges)) = if ptext.len() > units::CHUNK {
                rayon::join(|| resolve_levels(ptext, base), make_units)
            } else {
                (resolve_levels(ptext, base), make_units())
            };
            built.apply_levels(&levels);
            (para_level, (built, ranges))
        }
        BidiMode::Terminal | BidiMode::Off => (resolve_without_levels(ptext, base), make_units()),
    };
    let glyphs = std::mem::take(&mut built.glyphs);
    let direction = if para_level % 2 == 1 {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    let align = match (options.mode, direction) {
        (BidiMode::Off, _) | (_, Direction::Ltr) => Align::Left,
        (_, Direction::Rtl) => Align::Right,
    };
    let (groups, rows) = fill(
        &Filling {
            units: &built,
            map: &prepared.map,
            para_level,
            reorder: options.mode == BidiMode::App,
        },
        &ranges,
    );
    Layout {
        glyphs,
        groups,
        rows,
        width,
        direction,
        align,
        removed: prepared.removed,
    }
}

/// What filling rows with cells needs.
struct Filling<'a> {
    units: &'a Units,
    map: &'a SourceMap,
    para_level: u8,
    reorder: bool,
}

/// Rows handed to one task when filling a long paragraph's rows in parallel.
const ROWS_PER_TASK: usize = 256;

/// The cells of every row (`ranges` of units), in visual order, and the rows. A short
/// paragraph's cells are pushed as they come; a long paragraph's rows are counted first, so
/// that groups of rows fill their own part of one buffer in parallel.
fn fill(f: &Filling<'_>, ranges: &[Range<usize>]) -> (Vec<Vec<Cell>>, Vec<RowData>) {
    if ranges.len() <= ROWS_PER_TASK {
        let (cells, rows) = fill_group(f, ranges, 0);
        return (vec![cells], rows);
    }
    use rayon::prelude::*;
    let filled: Vec<(Vec<Cell>, Vec<RowData>)> = ranges
        .par_chunks(ROWS_PER_TASK)
        .enumerate()
        .map(|(group, ranges)| fill_group(f, ranges, group as u32))
        .collect();
    let mut groups = Vec::with_capacity(filled.len());
    let mut rows = Vec::with_capacity(ranges.len());
    for (cells, group_rows) in filled {
        groups.push(cells);
        rows.extend(group_rows);
    }
    (groups, rows)
}

/// The rows `ranges` (of units) and their cells, in visual order, as group `group`.
fn fill_group(f: &Filling<'_>, ranges: &[Range<usize>], group: u32) -> (Vec<Cell>, Vec<RowData>) {
    let units = &f.units.units;
    let span = ranges.last().map_or(0, |r| r.end) - ranges.first().map_or(0, |r| r.start);
    let mut cells = Vec::with_capacity(span);
    let mut rows = Vec::with_capacity(ranges.len());
    let (mut order, mut levels) = (Vec::new(), Vec::new());
    for range in ranges {
        order.clear();
        if f.reorder {
            reorder::visual_order(units, range.clone(), f.para_level, &mut order, &mut levels);
        } else {
            order.extend(range.clone());
        }
        let first = cells.len() as u32;
        let mut width = 0;
        for &k in &order {
            let unit = &units[k];
            if !unit.class.is_visible() {
                continue;
            }
            let source = f.map.range(unit.start..f.units.end(k));
            width += u32::from(unit.width);
            cells.push(Cell {
                glyph: (unit.glyph, unit.glyph + u32::from(unit.glyph_len)),
                source: (source.start, source.end),
                width: u16::from(unit.width),
                level: unit.level,
                flags: (u8::from(unit.marker) * MARKER) | (u8::from(unit.too_wide) * TOO_WIDE),
            });
        }
        let source = match units.get(range.start) {
            Some(first) if !range.is_empty() => {
                let source = f.map.range(first.start..f.units.end(range.end - 1));
                (source.start, source.end)
            }
            _ => (0, 0),
        };
        rows.push(RowData {
            group,
            cells: (first, cells.len() as u32),
            width,
            source,
        });
    }
    (cells, rows)
}

/// Lays out many paragraphs (an article's body) at one width, in parallel.
pub fn layout_all(
    paragraphs: &[(&str, BaseDirection)],
    width: usize,
    options: &LayoutOptions,
) -> Vec<Layout> {
    use rayon::prelude::*;
    paragraphs
        .par_iter()
        .map(|&(text, base)| layout(text, base, width, options))
        .collect()
}

/// `text` cut to fit 32-bit offsets, at a character boundary.
fn cut(text: &str) -> &str {
    const MAX: usize = u32::MAX as usize - 1;
    if text.len() <= MAX {
        return text;
    }
    let mut end = MAX;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The embedding level of every byte of `text` (UAX #9, once for the whole paragraph) and
/// the paragraph's level.
fn resolve_levels(text: &str, base: BaseDirection) -> (Vec<Level>, u8) {
    let explicit = match base {
        BaseDirection::Ltr => Some(Level::ltr()),
        BaseDirection::Rtl => Some(Level::rtl()),
        BaseDirection::FirstStrong => None,
    };
    let info = ParagraphBidiInfo::new_with_data_source(props::tables(), text, explicit);
    (info.levels, info.paragraph_level.number())
}

/// The paragraph level when no levels are resolved (the terminal does the reordering).
fn resolve_without_levels(text: &str, base: BaseDirection) -> u8 {
    match base {
        BaseDirection::Ltr => 0,
        BaseDirection::Rtl => 1,
        BaseDirection::FirstStrong => match unicode_bidi::get_base_direction(text) {
            unicode_bidi::Direction::Rtl => 1,
            _ => 0,
        },
    }
}
