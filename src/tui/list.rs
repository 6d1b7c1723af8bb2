//! The article list: one row per shown article, newest first — the date, the source and the
//! title, each in its own column, Arabic right-aligned and cut at its logical end. Search
//! matches in titles are marked; the selected row is reversed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::{Article, Direction};
use crate::core::bidi::Styles;
use crate::core::search::find_matches;

use super::app::App;
use super::text::{clear, draw_line, draw_plain};

/// The pane's title: how many articles are shown of how many.
pub fn title(app: &App) -> String {
    format!(" articles {}/{} ", app.shown.len(), app.articles.len())
}

/// Columns for the date and the source at this width (0 when left out): the title keeps at
/// least half of the row.
fn columns(width: u16) -> (u16, u16) {
    match width {
        0..28 => (0, 0),
        // From 36: the three-pane list at 120 columns is 38 wide inside its frame.
        28..36 => (10, 0),
        _ => (10, (width / 4).clamp(8, 18)),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let mut view = app.view.borrow_mut();
    let options = app.options;
    if app.shown.is_empty() {
        let text = if app.loading.is_some() {
            "loading…"
        } else if app.articles.is_empty() {
            "no articles"
        } else {
            "no article matches the filter (x clears it)"
        };
        draw_plain(
            buf,
            Rect { height: 1, ..area },
            text,
            app.theme.dim,
            &mut view.layouts,
            &options,
        );
        return;
    }
    let needles = app.needles();
    let (date_w, source_w) = columns(area.width);
    let height = usize::from(area.height);
    let first = app.list.offset.min(app.shown.len().saturating_sub(1));
    for (row, &index) in app.shown.iter().skip(first).take(height).enumerate() {
        let y = area.y + u16::try_from(row).unwrap_or(0);
        let selected = first + row == app.list.selected;
        let base = if selected {
            app.theme.selected
        } else {
            Style::new()
        };
        let line = Rect::new(area.x, y, area.width, 1);
        clear(buf, line, base);
        let article: &Article = &app.articles[index];
        let mut x = area.x;
        if date_w > 0 {
            let date = article
                .date
                .as_ref()
                .map_or_else(|| "—".to_string(), |d| d.iso_date());
            draw_plain(
                buf,
                Rect::new(x, y, date_w, 1),
                &date,
                base.patch(app.theme.dim),
                &mut view.layouts,
                &options,
            );
            x += date_w + 1;
        }
        if source_w > 0 {
            let source = article
                .source
                .as_deref()
                .or(article.credit.as_deref())
                .unwrap_or("—");
            let r = Rect::new(x, y, source_w, 1);
            draw_line(
                buf,
                r,
                source,
                base.patch(app.theme.accent),
                &Styles::default(),
                &mut view.layouts,
                &options,
                Direction::Rtl,
            );
            x += source_w + 1;
        }
        let rest = Rect::new(x, y, area.right().saturating_sub(x), 1);
        let styles = if needles.is_empty() {
            Styles::default()
        } else {
            Styles::new(
                find_matches(&article.title, &needles)
                    .into_iter()
                    .map(|r| (r, app.theme.matches)),
            )
        };
        draw_line(
            buf,
            rest,
            &article.title,
            base,
            &styles,
            &mut view.layouts,
            &options,
            article.direction,
        );
    }
}
