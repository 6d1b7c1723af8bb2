//! The article body: the title, a line with source, credit and date (and the Hijri date as
//! written, when the article gave one), then the paragraphs, each laid out by the bidi engine
//! at the pane's width. Tagged text is underlined in its label's colour; search matches are
//! marked where they land after reordering; the fact selected in the sidebar and the
//! sentences being chosen for a tag are highlighted. Where these overlap their styles are
//! layered (a match inside tagged text keeps the underline).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::core::bidi::Styles;
use crate::core::facts::Span;
use crate::core::facts::folded::CodePoints;
use crate::core::search::find_matches;

use super::app::App;
use super::text::{draw_plain, draw_row};
use super::view::{BlockKind, BodyView};

/// The pane's title: the row position in the article.
pub fn title(app: &App) -> String {
    let view = app.view.borrow();
    match (&app.current, &view.body) {
        (Some(_), Some(b)) if b.rows > 0 => {
            let height = usize::from(view.rects.body_inner.height).max(1);
            let last = (app.body_scroll + height).min(b.rows);
            format!(" article {last}/{} ", b.rows)
        }
        _ => " article ".to_string(),
    }
}

/// Makes sure the body view is laid out for the current article at `width`; returns its
/// number of rows.
pub fn ensure(app: &App, width: usize) -> usize {
    let Some(current) = &app.current else {
        return 0;
    };
    let article = &app.articles[current.article];
    let mut view = app.view.borrow_mut();
    let fresh = view
        .body
        .as_ref()
        .is_some_and(|b| b.fits(current.article, article, width, &app.options));
    if !fresh {
        let made = BodyView::new(
            current.article,
            article,
            width,
            &app.options,
            &mut view.layouts,
        );
        view.body = Some(made);
    }
    view.body.as_ref().map_or(0, |b| b.rows)
}

/// Byte range of a fact's span (code points) in its paragraph.
pub fn span_bytes(text: &str, span: Span) -> Range<usize> {
    let points = CodePoints::new(text);
    points.byte(span.start)..points.byte(span.end)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.is_empty() {
        return;
    }
    let Some(current) = &app.current else {
        let mut view = app.view.borrow_mut();
        let text = if app.loading.is_some() {
            "loading…"
        } else {
            "no article selected"
        };
        draw_plain(
            buf,
            Rect { height: 1, ..area },
            text,
            app.theme.dim,
            &mut view.layouts,
            &app.options,
        );
        return;
    };
    let rows = ensure(app, usize::from(area.width));
    let view = app.view.borrow();
    let Some(body) = view.body.as_ref() else {
        return;
    };
    let article = &app.articles[current.article];
    let needles = app.needles();
    let height = usize::from(area.height);
    let top = app.body_scroll.min(rows.saturating_sub(1));
    // The styles of the block being drawn, made once per block rather than once per row.
    let mut block: Option<(usize, Style, Styles<Style>)> = None;
    for screen_row in 0..height {
        let Some((k, within)) = body.at(top + screen_row) else {
            continue;
        };
        let (kind, layout) = &body.blocks[k];
        let Some(row) = layout.row(within) else {
            continue;
        };
        if block.as_ref().is_none_or(|(b, _, _)| *b != k) {
            let (base, styles) = match kind {
                BlockKind::Title => {
                    let spans = find_matches(&article.title, &needles)
                        .into_iter()
                        .map(|r| (r, app.theme.matches));
                    (app.theme.title, Styles::new(spans))
                }
                BlockKind::Meta => (app.theme.dim, Styles::default()),
                BlockKind::Paragraph(p) => (Style::new(), paragraph_styles(app, *p)),
            };
            block = Some((k, base, styles));
        }
        let Some((_, base, styles)) = &block else {
            continue;
        };
        let y = area.y + u16::try_from(screen_row).unwrap_or(0);
        draw_row(buf, area.x, y, area.width, row, styles, *base);
    }
}

/// Styles of paragraph `p`, bottom layer first: tags, the sentences being chosen, the
/// selected fact, every match, the current match.
fn paragraph_styles(app: &App, p: usize) -> Styles<Style> {
    let Some(current) = &app.current else {
        return Styles::default();
    };
    let text = &app.articles[current.article].paragraphs[p];
    let mut spans: Vec<(Range<usize>, Style)> = Vec::new();
    for t in &current.tags {
        for span in t.spans.iter().filter(|s| s.paragraph == p) {
            spans.push((span_bytes(text, *span), app.theme.tag(&t.tag.label)));
        }
    }
    if let Some(sel) = &app.select {
        for (q, r) in sel.byte_ranges() {
            if q == p {
                spans.push((r, app.theme.selection));
            }
        }
    }
    if let Some(span) = app.highlight.filter(|s| s.paragraph == p) {
        spans.push((span_bytes(text, span), app.theme.fact));
    }
    for (k, (q, r)) in current.matches.iter().enumerate() {
        if *q == p {
            let style = if app.match_at == Some(k) {
                app.theme
                    .matches
                    .add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                app.theme.matches
            };
            spans.push((r.clone(), style));
        }
    }
    layered(spans)
}

/// Styles where later spans are drawn over earlier ones: the text is cut wherever a span
/// starts or ends, and each piece gets the styles covering it patched in order.
pub fn layered(spans: Vec<(Range<usize>, Style)>) -> Styles<Style> {
    let mut sorted: Vec<&Range<usize>> = spans.iter().map(|(r, _)| r).collect();
    sorted.sort_unstable_by_key(|r| r.start);
    // Spans are sorted by start: one overlaps an earlier one when it starts before the
    // furthest end so far.
    let overlap = sorted
        .iter()
        .scan(0, |reach, r| {
            let hit = r.start < *reach;
            *reach = (*reach).max(r.end);
            Some(hit)
        })
        .any(|hit| hit);
    if !overlap {
        return Styles::new(spans);
    }
    let mut cuts: Vec<usize> = spans.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).filter_map(|w| {
        let piece = w[0]..w[1];
        let style = spans
            .iter()
            .filter(|(r, _)| r.start <= piece.start && piece.end <= r.end)
            .fold(None, |acc: Option<Style>, (_, s)| {
                Some(acc.map_or(*s, |a| a.patch(*s)))
            })?;
        Some((piece, style))
    });
    Styles::new(pieces.collect::<Vec<_>>())
}
