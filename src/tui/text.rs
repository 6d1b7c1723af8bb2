//! Drawing text into a ratatui `Buffer` through the bidi engine. Every string that reaches
//! the screen — titles, sources, body rows, facts, prompts, messages — is drawn by these
//! functions, so it is sanitized (no control character or escape sequence gets through),
//! reordered for display, right-aligned when right-to-left, and never wider than its area:
//! text that does not fit is cut at its logical end and marked «…», on the left of a
//! right-to-left line and on the right of a left-to-right one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::Direction;
use crate::core::bidi::{Align, BaseDirection, LayoutCache, LayoutOptions, Row, Styles};

use super::line_edit::LineEdit;

/// Draws one laid-out row at `(x, y)` in a field `width` cells wide: cells take `base`
/// patched by the style of the span their text is in.
pub fn draw_row(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    row: Row<'_>,
    styles: &Styles<Style>,
    base: Style,
) {
    let indent = u16::try_from(row.indent().min(usize::from(width))).unwrap_or(width);
    let mut at = x.saturating_add(indent);
    let end = x.saturating_add(width).min(buf.area.right());
    for (cell, glyph, style) in row.styled(styles) {
        let w = u16::try_from(cell.width()).unwrap_or(u16::MAX);
        let style = style.map_or(base, |s| base.patch(*s));
        if w == 0 {
            // A mark with nothing to sit on (the engine keeps marks inside their cluster,
            // so this is only a lone one): joined to the cell before it.
            if at > x && at <= end {
                let prev = &mut buf[(at - 1, y)];
                let joined = format!("{}{glyph}", prev.symbol());
                prev.set_symbol(&joined);
            }
            continue;
        }
        if at.saturating_add(w) > end {
            break;
        }
        buf[(at, y)].set_symbol(glyph).set_style(style);
        for k in 1..w {
            buf[(at + k, y)].reset();
        }
        at += w;
    }
}

/// Draws `text` on one row of `area`, truncated with «…» at its logical end, in the
/// direction of the majority of its letters; `fallback` is the direction of text with none.
#[allow(clippy::too_many_arguments)]
pub fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    styles: &Styles<Style>,
    cache: &mut LayoutCache,
    options: &LayoutOptions,
    fallback: Direction,
) {
    let base: BaseDirection = crate::core::bidi::paragraph_direction(text, fallback).into();
    draw_line_in(buf, area, text, style, styles, cache, options, base);
}

/// [`draw_line`] in a given direction (a query prompt is left-to-right whatever it holds).
#[allow(clippy::too_many_arguments)]
pub fn draw_line_in(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    styles: &Styles<Style>,
    cache: &mut LayoutCache,
    options: &LayoutOptions,
    base: BaseDirection,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let whole = cache.get(text, base, width, options);
    let Some(first) = whole.row(0) else {
        return;
    };
    if whole.len() <= 1 {
        draw_row(buf, area.x, area.y, area.width, first, styles, style);
        return;
    }
    if width == 1 {
        buf[(area.x, area.y)].set_symbol("…").set_style(style);
        return;
    }
    let cut = cache.get(text, base, width - 1, options);
    let Some(row) = cut.row(0) else {
        return;
    };
    match row.align() {
        Align::Right => {
            // Laid out one column narrower: drawn one column in, so that it ends at the
            // right edge, with «…» just left of the text.
            draw_row(buf, area.x + 1, area.y, area.width - 1, row, styles, style);
            let at = area.x + u16::try_from(row.indent()).unwrap_or(0);
            buf[(at, area.y)].set_symbol("…").set_style(style);
        }
        Align::Left => {
            draw_row(buf, area.x, area.y, area.width - 1, row, styles, style);
            let at = area.x + u16::try_from(row.width()).unwrap_or(0);
            buf[(at, area.y)].set_symbol("…").set_style(style);
        }
    }
}

/// Text of khabar's own (labels, hints, messages that may quote a file name or a query):
/// left-to-right, whatever it quotes, and without styled spans.
pub fn draw_plain(
    buf: &mut Buffer,
    area: Rect,
    text: &str,
    style: Style,
    cache: &mut LayoutCache,
    options: &LayoutOptions,
) {
    draw_line_in(
        buf,
        area,
        text,
        style,
        &Styles::default(),
        cache,
        options,
        BaseDirection::Ltr,
    );
}

/// A line being typed, after its `label` (`/`, `note: `, in its own style): the label left
/// to right, then the line in `base` direction, else its own (an Arabic line starts at the
/// field's right edge), with the cursor bar when `cursor` is set and, when the line is
/// wider than the field, the part around the cursor.
#[allow(clippy::too_many_arguments)]
pub fn draw_field(
    buf: &mut Buffer,
    area: Rect,
    (label, label_style): (&str, Style),
    line: &LineEdit,
    cursor: bool,
    base: Option<BaseDirection>,
    style: Style,
    cache: &mut LayoutCache,
    options: &LayoutOptions,
) {
    let field = draw_label(buf, area, label, label_style, cache, options);
    let text = if cursor {
        line.shown(usize::from(field.width))
    } else {
        line.text().to_string()
    };
    let base = base.unwrap_or_else(|| line.direction());
    draw_line_in(
        buf,
        field,
        &text,
        style,
        &Styles::default(),
        cache,
        options,
        base,
    );
}

/// Draws khabar's own `label` at the start of `area`, as wide as it is, and returns the rest
/// of the area.
pub fn draw_label(
    buf: &mut Buffer,
    area: Rect,
    label: &str,
    style: Style,
    cache: &mut LayoutCache,
    options: &LayoutOptions,
) -> Rect {
    let width = u16::try_from(unicode_width::UnicodeWidthStr::width(label))
        .unwrap_or(u16::MAX)
        .min(area.width);
    draw_plain(buf, Rect { width, ..area }, label, style, cache, options);
    Rect {
        x: area.x + width,
        width: area.width - width,
        ..area
    }
}

/// Fills `area` with `style` and blanks.
pub fn clear(buf: &mut Buffer, area: Rect, style: Style) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LayoutOptions {
        LayoutOptions {
            shape: false,
            ..LayoutOptions::default()
        }
    }

    fn line(text: &str, width: u16) -> String {
        let area = Rect::new(0, 0, width + 2, 1);
        let mut buf = Buffer::empty(area);
        // Drawn between two sentinel columns, which must survive.
        buf[(0, 0)].set_symbol("|");
        buf[(width + 1, 0)].set_symbol("|");
        let mut cache = LayoutCache::default();
        draw_line(
            &mut buf,
            Rect::new(1, 0, width, 1),
            text,
            Style::new(),
            &Styles::default(),
            &mut cache,
            &options(),
            Direction::Rtl,
        );
        (0..width + 2)
            .map(|x| buf[(x, 0)].symbol().to_string())
            .collect()
    }

    #[test]
    fn arabic_is_right_aligned_and_cut_at_its_logical_end() {
        assert_eq!(line("قال الرئيس", 14), "|    سيئرلا لاق|");
        // The end of the sentence is cut: on the left, after «…».
        assert_eq!(line("قال الرئيس اليوم", 12), "| …سيئرلا لاق|");
    }

    #[test]
    fn english_stays_left_aligned_and_is_cut_on_the_right() {
        assert_eq!(line("Minister says", 16), "|Minister says   |");
        assert_eq!(line("Minister says more", 12), "|Minister…   |");
    }

    #[test]
    fn escape_sequences_and_controls_never_reach_the_buffer() {
        let drawn = line("خبر\u{1b}[31mأحمر\u{7}", 20);
        assert!(
            !drawn.contains('\u{1b}') && !drawn.contains('\u{7}'),
            "{drawn:?}"
        );
        assert!(drawn.contains("رمحأ"), "{drawn:?}");
    }

    #[test]
    fn a_wide_character_never_crosses_the_edge() {
        let drawn = line("中文中文中文", 5);
        assert!(drawn.starts_with('|') && drawn.ends_with('|'), "{drawn:?}");
    }
}
