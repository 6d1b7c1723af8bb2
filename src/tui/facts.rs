//! The facts sidebar: the current article's claims (claimant, stance, what is claimed),
//! quantities (value, what it counts, who says so), dates, people, places and organisations,
//! under a header per kind. Moving the selection scrolls the body to the fact and highlights
//! it there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::core::facts::{Facts, NameKind};

use super::app::{App, FactRow, Pane};
use super::sections::{self, Kind};

pub fn title(app: &App) -> String {
    format!(" facts {} ", app.fact_count())
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
                    c.stance.as_str(),
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
                let mut text = format!("{}{}", q.approx.symbol(), q.value_text);
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
    let Some(current) = &app.current else {
        return;
    };
    let rows: Vec<(Kind, &str)> = current.fact_rows.iter().map(FactRow::as_section).collect();
    let selected = if app.focus == Pane::Facts {
        app.theme.selected
    } else {
        app.theme.accent
    };
    sections::draw(buf, area, app, &rows, app.fact_cursor.selected, selected);
}

impl FactRow {
    pub fn as_section(&self) -> (Kind, &str) {
        match self {
            FactRow::Header(t) => (Kind::Header, t),
            FactRow::Empty(t) => (Kind::Note, t),
            FactRow::Item { text, .. } => (Kind::Item, text),
        }
    }
}
