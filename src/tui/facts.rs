//! The facts sidebar: the current article's claims (claimant, stance, what is claimed),
//! quantities (value, what it counts, who says so), dates, people, places and organisations,
//! under a header per kind. Moving the selection scrolls the body to the fact and highlights
//! it there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::Direction;
use crate::core::bidi::Styles;
use crate::core::facts::{Approx, Facts, NameKind, Stance};

use super::app::{App, FactRow, Pane};
use super::text::{clear, draw_line};

pub fn title(app: &App) -> String {
    format!(" facts {} ", app.fact_count())
}

fn stance(s: Stance) -> &'static str {
    match s {
        Stance::States => "states",
        Stance::Affirms => "affirms",
        Stance::Denies => "denies",
        Stance::Accuses => "accuses",
        Stance::Distances => "distances",
        Stance::Probable => "probable",
        Stance::Future => "future",
    }
}

fn approx(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "",
        Approx::About => "~",
        Approx::MoreThan => ">",
        Approx::LessThan => "<",
        Approx::AtLeast => "≥",
        Approx::UpTo => "≤",
    }
}

/// The sidebar's lines for `facts`; `pending` when the body is still being read.
pub fn rows(facts: &Facts, pending: bool) -> Vec<FactRow> {
    if pending {
        return vec![FactRow::Empty("reading the article…".into())];
    }
    if facts.is_empty() {
        return vec![FactRow::Empty("no facts found".into())];
    }
    let mut rows = Vec::new();
    let mut section = |name: &str, items: Vec<FactRow>| {
        if !items.is_empty() {
            rows.push(FactRow::Header(format!("{name} ({})", items.len())));
            rows.extend(items);
        }
    };
    section(
        "claims",
        facts
            .claims
            .iter()
            .map(|c| FactRow::Item {
                text: format!(
                    "{} [{}]: {}",
                    c.claimant.as_deref().unwrap_or("?"),
                    stance(c.stance),
                    c.content_text
                ),
                span: c.span,
            })
            .collect(),
    );
    section(
        "quantities",
        facts
            .quantities
            .iter()
            .map(|q| {
                let mut text = format!("{}{}", approx(q.approx), q.value_text);
                if q.percent {
                    text.push('%');
                }
                if let Some(u) = &q.unit {
                    text.push(' ');
                    text.push_str(u);
                }
                if let Some(c) = &q.claimant {
                    text.push_str(" — ");
                    text.push_str(c);
                }
                FactRow::Item { text, span: q.span }
            })
            .collect(),
    );
    section(
        "dates",
        facts
            .dates
            .iter()
            .map(|d| FactRow::Item {
                text: format!("{} · {}", d.date, d.text),
                span: d.span,
            })
            .collect(),
    );
    for (kind, name) in [
        (NameKind::Person, "people"),
        (NameKind::Place, "places"),
        (NameKind::Organization, "organisations"),
    ] {
        let mut seen = std::collections::HashSet::new();
        section(
            name,
            facts
                .names
                .iter()
                .filter(|n| n.kind == kind && seen.insert(n.canonical.as_str()))
                .map(|n| FactRow::Item {
                    text: n.canonical.clone(),
                    span: n.span,
                })
                .collect(),
        );
    }
    rows
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let Some(current) = &app.current else {
        return;
    };
    let mut view = app.view.borrow_mut();
    let options = app.options;
    let height = usize::from(area.height);
    // Scrolled so that the selected item is seen.
    let selected_row = item_row(&current.fact_rows, app.fact_cursor.selected);
    let top = selected_row.map_or(0, |r| (r + 1).saturating_sub(height));
    let mut item = current
        .fact_rows
        .iter()
        .take(top)
        .filter(|r| matches!(r, FactRow::Item { .. }))
        .count();
    for (k, row) in current.fact_rows.iter().skip(top).take(height).enumerate() {
        let y = area.y + u16::try_from(k).unwrap_or(0);
        let line = Rect::new(area.x, y, area.width, 1);
        match row {
            FactRow::Header(text) => {
                draw_line(
                    buf,
                    line,
                    text,
                    app.theme.header,
                    &Styles::default(),
                    &mut view.layouts,
                    &options,
                    Direction::Ltr,
                );
            }
            FactRow::Empty(text) => {
                draw_line(
                    buf,
                    line,
                    text,
                    app.theme.dim,
                    &Styles::default(),
                    &mut view.layouts,
                    &options,
                    Direction::Ltr,
                );
            }
            FactRow::Item { text, .. } => {
                let selected = item == app.fact_cursor.selected;
                let style = if selected && app.focus == Pane::Facts {
                    app.theme.selected
                } else if selected {
                    app.theme.accent
                } else {
                    Style::new()
                };
                clear(buf, line, style);
                draw_line(
                    buf,
                    line,
                    text,
                    style,
                    &Styles::default(),
                    &mut view.layouts,
                    &options,
                    Direction::Rtl,
                );
                item += 1;
            }
        }
    }
}

/// The sidebar row of the `n`th item.
pub fn item_row(rows: &[FactRow], n: usize) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, FactRow::Item { .. }))
        .nth(n)
        .map(|(i, _)| i)
}
