//! Lists drawn in sections — the facts sidebar and the claims view: header rows that cannot
//! be selected, notes, and items, one of which is selected. Scrolled so the selected item is
//! seen; the mouse asks which item a row shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::Direction;
use crate::core::bidi::Styles;

use super::app::App;
use super::text::{clear, draw_line};

/// What a row of a sectioned list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Header,
    Note,
    Item,
}

/// The row of the `n`th item.
pub fn item_row(kinds: impl Iterator<Item = Kind>, n: usize) -> Option<usize> {
    kinds
        .enumerate()
        .filter(|(_, k)| *k == Kind::Item)
        .nth(n)
        .map(|(i, _)| i)
}

/// The first row drawn in `height` rows when item `selected` must be seen.
pub fn top(kinds: impl Iterator<Item = Kind>, selected: usize, height: usize) -> usize {
    item_row(kinds, selected).map_or(0, |r| (r + 1).saturating_sub(height))
}

/// Which item is drawn `screen_row` rows below the top, when item `selected` is seen.
pub fn item_at(kinds: &[Kind], selected: usize, height: usize, screen_row: usize) -> Option<usize> {
    let row = top(kinds.iter().copied(), selected, height) + screen_row;
    (kinds.get(row) == Some(&Kind::Item))
        .then(|| kinds[..row].iter().filter(|k| **k == Kind::Item).count())
}

/// Draws `rows` (kind, text, the item's own style) in `area`, item `selected` in
/// `selected_style`.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    rows: &[(Kind, &str, Style)],
    selected: usize,
    selected_style: Style,
) {
    let height = usize::from(area.height);
    let first = top(rows.iter().map(|r| r.0), selected, height);
    let mut item = rows[..first.min(rows.len())]
        .iter()
        .filter(|r| r.0 == Kind::Item)
        .count();
    let mut view = app.view.borrow_mut();
    for (k, (kind, text, own)) in rows.iter().skip(first).take(height).enumerate() {
        let y = area.y + u16::try_from(k).unwrap_or(0);
        let line = Rect::new(area.x, y, area.width, 1);
        let (style, fallback) = match kind {
            Kind::Header => (app.theme.header, Direction::Ltr),
            Kind::Note => (app.theme.dim, Direction::Ltr),
            Kind::Item => {
                let style = if item == selected {
                    own.patch(selected_style)
                } else {
                    *own
                };
                item += 1;
                clear(buf, line, style);
                (style, Direction::Rtl)
            }
        };
        let styles = Styles::default();
        draw_line(
            buf,
            line,
            text,
            style,
            &styles,
            &mut view.layouts,
            &app.options,
            fallback,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Kind::*;

    #[test]
    fn items_are_found_past_headers() {
        let kinds = [Header, Item, Item, Header, Item, Note];
        assert_eq!(item_row(kinds.iter().copied(), 0), Some(1));
        assert_eq!(item_row(kinds.iter().copied(), 2), Some(4));
        assert_eq!(item_row(kinds.iter().copied(), 3), None);
        // Three rows high, the third item (row 4) selected: rows 2–4 are drawn.
        assert_eq!(top(kinds.iter().copied(), 2, 3), 2);
        assert_eq!(item_at(&kinds, 2, 3, 0), Some(1));
        assert_eq!(item_at(&kinds, 2, 3, 1), None);
        assert_eq!(item_at(&kinds, 2, 3, 2), Some(2));
        assert_eq!(item_at(&kinds, 0, 3, 5), None);
    }
}
