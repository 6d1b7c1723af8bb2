//! The article list: one row per shown article, newest first — the date, the source and the
//! title, each in its own column, Arabic right-aligned and cut at its logical end. Search
//! matches in titles are marked; the selected row is reversed. An article with tags has a
//! `•` after its date, in the colour of its most serious label.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

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

/// Of an article's labels, the one its list mark shows: false first, then disputed or
/// misleading, unverified or needs-source, other words, and verified last.
fn most_serious(labels: &[String]) -> Option<&str> {
    let rank = |label: &str| match label {
        "false" => 0,
        "disputed" | "misleading" => 1,
        "unverified" | "needs-source" => 2,
        "verified" => 4,
        _ => 3,
    };
    labels
        .iter()
        .map(String::as_str)
        .min_by_key(|label| rank(label))
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
            // In the gap after the date: the article's tags, by their most serious label.
            if let Some(label) = app.tags.labels().get(index).and_then(|l| most_serious(l)) {
                let mark = app.theme.tag(label).remove_modifier(Modifier::UNDERLINED);
                buf[(x + date_w, y)]
                    .set_symbol("•")
                    .set_style(base.patch(mark));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_mark_shows_the_most_serious_label() {
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(most_serious(&labels(&[])), None);
        assert_eq!(
            most_serious(&labels(&["disputed", "false", "verified"])),
            Some("false")
        );
        assert_eq!(
            most_serious(&labels(&["needs-source", "verified"])),
            Some("needs-source")
        );
        assert_eq!(
            most_serious(&labels(&["contested", "verified"])),
            Some("contested")
        );
        assert_eq!(most_serious(&labels(&["verified"])), Some("verified"));
    }
}
