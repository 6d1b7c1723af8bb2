//! The facts sidebar: the current article's tags (label, note, quote; orphaned ones too),
//! then its claims (claimant, stance, what is claimed), quantities (value, what it counts,
//! who says so), dates, people, places and organisations, under a header per kind. A fact
//! under a tag is marked with the tag's label. Moving the selection scrolls the body to the
//! fact and highlights it there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use ratatui::style::Style;

use crate::core::facts::{Facts, NameKind, Span};

use super::app::{App, FactRow, Pane};
use super::sections::{self, Kind};
use super::tag_store::PlacedTag;

pub fn title(app: &App) -> String {
    format!(" facts {} ", app.fact_count())
}

/// A fact's row, marked with the label of the latest tag over it.
fn item(text: String, span: Span, tags: &[PlacedTag]) -> FactRow {
    let label = tags
        .iter()
        .rev()
        .find(|t| t.overlaps(span))
        .map(|t| t.tag.label.clone());
    let text = match &label {
        Some(l) => format!("[{l}] {text}"),
        None => text,
    };
    FactRow::Item {
        text,
        span: Some(span),
        tag: None,
        label,
    }
}

/// A tag's row: label, whether its text moved or is lost, note and quote.
fn tag_row(t: &PlacedTag) -> FactRow {
    let status = if t.orphaned() {
        Some("orphaned")
    } else {
        t.moved.then_some("moved")
    };
    FactRow::Item {
        text: super::tag_list::tag_line(&t.tag, status, None),
        span: t.spans.first().copied(),
        tag: Some(t.tag.id.clone()),
        label: Some(t.tag.label.clone()),
    }
}

/// The sidebar's lines for `facts` and `tags`; `pending` when the body is still being read.
pub fn rows(facts: &Facts, tags: &[PlacedTag], pending: bool) -> Vec<FactRow> {
    if pending {
        return vec![FactRow::Empty("reading the article…".into())];
    }
    let mut rows = Vec::new();
    if !tags.is_empty() {
        rows.push(FactRow::Header(format!("tags ({})", tags.len())));
        rows.extend(tags.iter().map(tag_row));
    }
    if facts.is_empty() {
        rows.push(FactRow::Empty("no facts found".into()));
        return rows;
    }
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
            .map(|c| {
                let text = format!(
                    "{} [{}]: {}",
                    c.claimant.as_deref().unwrap_or("?"),
                    c.stance.as_str(),
                    c.content_text
                );
                item(text, c.extent(), tags)
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
                item(text, q.span, tags)
            })
            .collect(),
    );
    section(
        "dates",
        facts
            .dates
            .iter()
            .map(|d| item(format!("{} · {}", d.date, d.text), d.span, tags))
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
                .map(|n| item(n.canonical.clone(), n.span, tags))
                .collect(),
        );
    }
    rows
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let Some(current) = &app.current else {
        return;
    };
    let rows: Vec<(Kind, &str, Style)> = current
        .fact_rows
        .iter()
        .map(|r| {
            let (kind, text) = r.as_section();
            let own = match r {
                FactRow::Item { label: Some(l), .. } => app.theme.tag(l),
                _ => Style::new(),
            };
            (kind, text, own)
        })
        .collect();
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
