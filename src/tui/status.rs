//! The status bar: how many articles are shown of how many (`3/5`), the active filter, the
//! bidi mode, and either a message or the keys for the focused pane. While a folder loads,
//! a progress bar; while bodies are read in the background, how many are left.

use std::sync::atomic::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::action::Action;
use super::app::{App, Pane};
use super::text::draw_plain;

/// The keys the hint bar offers in each pane.
fn hint_actions(pane: Pane) -> &'static [Action] {
    match pane {
        Pane::List => &[
            Action::Open,
            Action::Search,
            Action::Query,
            Action::Sources,
            Action::Dates,
            Action::Claims,
            Action::Tags,
            Action::Help,
            Action::Quit,
        ],
        Pane::Body => &[
            Action::Search,
            Action::NextMatch,
            Action::Tag,
            Action::Undo,
            Action::FocusNext,
            Action::CycleBidi,
            Action::Help,
            Action::Quit,
        ],
        Pane::Facts => &[
            Action::Open,
            Action::Tag,
            Action::Untag,
            Action::Undo,
            Action::FocusNext,
            Action::Help,
            Action::Quit,
        ],
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let mut view = app.view.borrow_mut();
    let options = app.options;
    let bar = if app.theme.color {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    super::text::clear(buf, area, bar);
    if let Some(progress) = &app.loading {
        let total = progress.total.load(Ordering::Relaxed);
        let done = progress.done.load(Ordering::Relaxed).min(total);
        let label = format!(" loading {done}/{total} files ");
        let rest = super::text::draw_label(buf, area, &label, bar, &mut view.layouts, &options);
        let room = rest.width.saturating_sub(1);
        let filled = (usize::from(room) * done)
            .checked_div(total)
            .map_or(0, |f| u16::try_from(f).unwrap_or(room));
        for x in 0..room {
            let symbol = if x < filled { "█" } else { "░" };
            buf[(rest.x + x, area.y)].set_symbol(symbol).set_style(bar);
        }
        return;
    }
    let count = format!(" {}/{} ", app.shown.len(), app.articles.len());
    let mode = format!(" bidi:{} ", app.mode());
    let mut left = count;
    let filter = app.filter_text();
    if !filter.is_empty() {
        left.push_str(&filter);
        left.push(' ');
    }
    if app.bodies_pending > 0 {
        left.push_str(&format!("(reading {} bodies) ", app.bodies_pending));
    } else if app.indexing > 0 {
        left.push_str("(indexing bodies) ");
    }
    let width = usize::from(area.width);
    let mode_w = mode.chars().count().min(width);
    // The counts and filter take at most half the bar; the rest goes to hints or messages.
    let left_w = (left.chars().count())
        .min((width - mode_w) / 2 + 8)
        .min(width - mode_w);
    let left_w16 = u16::try_from(left_w).unwrap_or(0);
    draw_plain(
        buf,
        Rect {
            width: left_w16,
            ..area
        },
        &left,
        bar.add_modifier(Modifier::BOLD),
        &mut view.layouts,
        &options,
    );
    let mode_x = area.x + u16::try_from(width - mode_w).unwrap_or(0);
    let mode_w16 = u16::try_from(mode_w).unwrap_or(0);
    draw_plain(
        buf,
        Rect::new(mode_x, area.y, mode_w16, 1),
        &mode,
        bar,
        &mut view.layouts,
        &options,
    );
    let middle = Rect::new(
        area.x + left_w16,
        area.y,
        area.width.saturating_sub(left_w16 + mode_w16),
        1,
    );
    match &app.message {
        Some(m) => {
            let style = if m.error {
                bar.patch(app.theme.error)
            } else {
                bar
            };
            draw_plain(buf, middle, &m.text, style, &mut view.layouts, &options);
        }
        None => {
            let hints = app.keymap.hints(hint_actions(app.focus));
            draw_plain(buf, middle, &hints, bar, &mut view.layouts, &options);
        }
    }
}
