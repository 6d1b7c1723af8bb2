//! The mouse: a click focuses the pane under it and selects the row clicked (an article, a
//! fact, a source, a claim); the wheel scrolls the pane or overlay under the pointer.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::app::{App, Pane};
use super::overlay::Overlay;
use super::sections::{Kind, item_at};
use super::update::{move_by, show_fact};

const WHEEL_ROWS: isize = 3;

fn inside(r: Rect, col: u16, row: u16) -> bool {
    r.contains(Position::new(col, row))
}

/// The pane drawn at a point.
fn pane_at(app: &App, col: u16, row: u16) -> Option<Pane> {
    let rects = app.view.borrow().rects;
    [
        (Pane::List, rects.list),
        (Pane::Body, rects.body),
        (Pane::Facts, rects.facts),
    ]
    .into_iter()
    .find(|(_, r)| inside(*r, col, row))
    .map(|(p, _)| p)
}

pub fn handle(app: &mut App, m: MouseEvent) {
    let (col, row) = (m.column, m.row);
    if app.overlay.is_some() {
        overlay_mouse(app, m);
        return;
    }
    let Some(pane) = pane_at(app, col, row) else {
        return;
    };
    match m.kind {
        MouseEventKind::ScrollDown => {
            move_by(app, pane, if pane == Pane::Facts { 1 } else { WHEEL_ROWS })
        }
        MouseEventKind::ScrollUp => move_by(
            app,
            pane,
            if pane == Pane::Facts { -1 } else { -WHEEL_ROWS },
        ),
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            let rects = app.view.borrow().rects;
            match pane {
                Pane::List if inside(rects.list_inner, col, row) => {
                    let at = app.list.offset + usize::from(row - rects.list_inner.y);
                    if at < app.shown.len() && at != app.list.selected {
                        app.list.selected = at;
                        app.open_current();
                    }
                }
                Pane::Facts if inside(rects.facts_inner, col, row) => {
                    let Some(current) = &app.current else { return };
                    let kinds: Vec<Kind> =
                        current.fact_rows.iter().map(|r| r.as_section().0).collect();
                    let height = usize::from(rects.facts_inner.height);
                    let screen_row = usize::from(row - rects.facts_inner.y);
                    if let Some(n) = item_at(&kinds, app.fact_cursor.selected, height, screen_row) {
                        app.fact_cursor.selected = n;
                        show_fact(app);
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

fn overlay_mouse(app: &mut App, m: MouseEvent) {
    let delta = match m.kind {
        MouseEventKind::ScrollDown => 1,
        MouseEventKind::ScrollUp => -1,
        _ => return,
    };
    let height = super::overlay::rows(app);
    let help_end = matches!(app.overlay, Some(Overlay::Help { .. }))
        .then(|| super::overlay::help_end(app))
        .unwrap_or_default();
    match &mut app.overlay {
        Some(Overlay::Help { scroll }) => {
            *scroll = scroll.saturating_add_signed(delta).min(help_end);
        }
        Some(Overlay::Sources(p)) => p.cursor.step(delta, p.items.len(), height),
        Some(Overlay::Claims(v)) => {
            let len = v.tallies();
            v.cursor.step(delta, len, height);
        }
        Some(Overlay::Tags(v)) => {
            let len = v.items();
            v.cursor.step(delta, len, height);
        }
        _ => {}
    }
}
