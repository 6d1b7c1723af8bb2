//! The whole screen: which panes are shown at this size, where they go, the status bar at
//! the bottom and the overlay on top. Three panes side by side from 120 columns; narrower,
//! the article list and the body, the facts sidebar taking the list's place while it has the
//! focus or is toggled on; under 60 columns, the focused pane alone. Below 20×5 only a
//! "too small" line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::app::{App, Pane};
use super::view::Rects;
use super::{body, facts, list, overlay, status, text};

pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// From this width the three panes stand side by side.
pub const WIDE: u16 = 120;
/// Under this width one pane is shown at a time.
pub const NARROW: u16 = 60;

/// Which panes a screen `width` columns wide shows, left to right.
pub fn panes(app: &App, width: u16) -> Vec<Pane> {
    if width >= WIDE {
        vec![Pane::List, Pane::Body, Pane::Facts]
    } else if width >= NARROW {
        if app.focus == Pane::Facts || app.show_facts {
            vec![Pane::Body, Pane::Facts]
        } else {
            vec![Pane::List, Pane::Body]
        }
    } else {
        vec![app.focus]
    }
}

/// Splits `area` (the screen without the status bar) among the shown panes.
pub fn place(app: &App, area: Rect) -> Rects {
    let shown = panes(app, area.width);
    let weight = |p: &Pane| match p {
        Pane::List => 4,
        Pane::Body => 5,
        Pane::Facts => 3,
    };
    let constraints: Vec<Constraint> = shown.iter().map(|p| Constraint::Fill(weight(p))).collect();
    let areas = Layout::horizontal(constraints).split(area);
    let mut rects = Rects::default();
    let bordered = area.height >= 6;
    for (pane, &r) in shown.iter().zip(areas.iter()) {
        let inner = if bordered { block(false).inner(r) } else { r };
        match pane {
            Pane::List => (rects.list, rects.list_inner) = (r, inner),
            Pane::Body => (rects.body, rects.body_inner) = (r, inner),
            Pane::Facts => (rects.facts, rects.facts_inner) = (r, inner),
        }
    }
    rects
}

/// A pane's frame.
pub fn block(focused: bool) -> Block<'static> {
    Block::new().borders(Borders::ALL).border_type(if focused {
        BorderType::Thick
    } else {
        BorderType::Rounded
    })
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let mut view = app.view.borrow_mut();
    let options = app.options;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        view.rects = Rects {
            screen: area,
            ..Rects::default()
        };
        let line = Rect::new(area.x, area.y, area.width, area.height.min(1));
        text::draw_plain(
            buf,
            line,
            &format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})"),
            app.theme.error,
            &mut view.layouts,
            &options,
        );
        return;
    }
    let [main, bar] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let mut rects = place(app, main);
    rects.screen = area;
    view.rects = rects;
    drop(view);
    // Laid out before the frames' titles are written: the body's title counts its rows.
    if !rects.body_inner.is_empty() {
        body::ensure(app, usize::from(rects.body_inner.width));
    }
    for (pane, outer, inner) in [
        (Pane::List, rects.list, rects.list_inner),
        (Pane::Body, rects.body, rects.body_inner),
        (Pane::Facts, rects.facts, rects.facts_inner),
    ] {
        if outer.is_empty() {
            continue;
        }
        let focused = app.focus == pane;
        if outer != inner {
            let title = match pane {
                Pane::List => list::title(app),
                Pane::Body => body::title(app),
                Pane::Facts => facts::title(app),
            };
            let style = if focused {
                app.theme.focused_border
            } else {
                app.theme.border
            };
            block(focused)
                .border_style(style)
                .title(title)
                .render(outer, buf);
        }
        match pane {
            Pane::List => list::draw(buf, inner, app),
            Pane::Body => body::draw(buf, inner, app),
            Pane::Facts => facts::draw(buf, inner, app),
        }
    }
    status::draw(buf, bar, app);
    if let Some(o) = &app.overlay {
        overlay::draw(buf, main, bar, app, o);
    }
}
