//! The claims view: the cross-article comparison from `facts::compare` — for each thing
//! counted and each side counting it, every claimed value with its day, claimant and article,
//! oldest first. Computed off the drawing thread (it reads every shown article); Enter on a
//! value opens its article at the number.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};
use rayon::prelude::*;

use crate::core::article::{Article, ArticleId};
use crate::core::facts::compare::{Comparison, compare};
use crate::core::facts::{Span, extract_article};

use super::app::{App, Cursor};
use super::sections::{self, Kind};
use super::text::draw_plain;

/// One line of the view.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimRow {
    Header(String),
    Tally {
        text: String,
        article: ArticleId,
        span: Span,
    },
}

#[derive(Debug)]
pub struct ClaimsView {
    /// How many articles are compared.
    pub articles: usize,
    /// None while the comparison is being computed.
    pub rows: Option<Vec<ClaimRow>>,
    pub cursor: Cursor,
}

impl ClaimsView {
    pub fn computing(articles: usize) -> ClaimsView {
        ClaimsView {
            articles,
            rows: None,
            cursor: Cursor::default(),
        }
    }

    /// How many rows can be selected (the tallies).
    pub fn tallies(&self) -> usize {
        self.rows.as_ref().map_or(0, |rows| {
            rows.iter()
                .filter(|r| matches!(r, ClaimRow::Tally { .. }))
                .count()
        })
    }

    /// The selected tally's article and place.
    pub fn selected(&self) -> Option<(&ArticleId, Span)> {
        self.rows
            .as_ref()?
            .iter()
            .filter_map(|r| match r {
                ClaimRow::Tally { article, span, .. } => Some((article, *span)),
                ClaimRow::Header(_) => None,
            })
            .nth(self.cursor.selected)
    }
}

/// Extracts the facts of `articles` in parallel and compares their claimed numbers.
pub fn compute(articles: &[Arc<Article>]) -> Vec<Comparison> {
    let extracted: Vec<(&Article, crate::core::facts::Facts)> = articles
        .par_iter()
        .map(|a| {
            let mut facts = extract_article(a);
            facts.claims.clear();
            facts.dates.clear();
            facts.names.clear();
            (a.as_ref(), facts)
        })
        .collect();
    let pairs: Vec<(&Article, &crate::core::facts::Facts)> =
        extracted.iter().map(|(a, f)| (*a, f)).collect();
    compare(&pairs)
}

/// The lines of the view for these comparisons.
pub fn rows(groups: &[Comparison]) -> Vec<ClaimRow> {
    let mut rows = Vec::new();
    for g in groups {
        let about = g
            .about
            .as_deref()
            .map(|a| format!(" ← {a}"))
            .unwrap_or_default();
        rows.push(ClaimRow::Header(format!("{} — {}{about}", g.unit, g.side)));
        for t in &g.tallies {
            let day = t
                .day()
                .map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string());
            let approx = t.approx.symbol();
            let claimant = t.claimant.as_deref().unwrap_or("?");
            rows.push(ClaimRow::Tally {
                text: format!("{day}  {approx}{}  {claimant} · {}", t.value, t.title),
                article: t.article.clone(),
                span: t.span,
            });
        }
    }
    rows
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, view: &ClaimsView) {
    Clear.render(area, buf);
    let title = format!(
        " claims across {} articles (Enter opens, Esc closes) ",
        view.articles
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(app.theme.focused_border)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let mut cache = app.view.borrow_mut();
    let Some(rows) = &view.rows else {
        draw_plain(
            buf,
            Rect {
                height: 1.min(inner.height),
                ..inner
            },
            "comparing…",
            app.theme.dim,
            &mut cache.layouts,
            &app.options,
        );
        return;
    };
    if rows.is_empty() {
        let text = "no count is claimed twice in the shown articles";
        draw_plain(
            buf,
            Rect {
                height: 1.min(inner.height),
                ..inner
            },
            text,
            app.theme.dim,
            &mut cache.layouts,
            &app.options,
        );
        return;
    }
    let rows: Vec<(Kind, &str, ratatui::style::Style)> = rows
        .iter()
        .map(|r| match r {
            ClaimRow::Header(t) => (Kind::Header, t.as_str(), Default::default()),
            ClaimRow::Tally { text, .. } => (Kind::Item, text.as_str(), Default::default()),
        })
        .collect();
    drop(cache);
    sections::draw(
        buf,
        inner,
        app,
        &rows,
        view.cursor.selected,
        app.theme.selected,
    );
}
