//! Choosing sentences of the body to tag: `t` in the body selects the first sentence on
//! screen; `j`/`k` move the choice a sentence at a time, `J`/`K` take one more or one fewer,
//! paging moves it with the page, `t` (or Enter) opens the label form, `T` removes a tag over
//! it and Esc gives up. Sentences are the engine's (`facts::sentences`: a full stop between
//! digits or after an initial does not end one).

use std::ops::Range;

use crate::core::article::Article;
use crate::core::facts::Span;
use crate::core::facts::folded::CodePoints;

use super::action::Action;
use super::app::{App, Pane};
use super::body;
use super::update::{body_width, move_by, page};

/// The sentences chosen: `first..=last` of the article's sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Every sentence of the article in reading order: (paragraph, byte range).
    pub sentences: Vec<(usize, Range<usize>)>,
    pub first: usize,
    pub last: usize,
}

impl Selection {
    /// The sentences of `article`, none chosen yet (None when it has none).
    fn of(article: &Article) -> Option<Selection> {
        let sentences: Vec<(usize, Range<usize>)> = article
            .paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, text)| {
                crate::core::facts::sentences(text)
                    .into_iter()
                    .map(move |r| (p, r))
            })
            .collect();
        (!sentences.is_empty()).then_some(Selection {
            sentences,
            first: 0,
            last: 0,
        })
    }

    /// Where the choice starts and ends: (paragraph, byte range of the first sentence) and
    /// (paragraph, byte range of the last).
    pub fn bounds(&self) -> ((usize, Range<usize>), (usize, Range<usize>)) {
        (
            self.sentences[self.first].clone(),
            self.sentences[self.last].clone(),
        )
    }

    /// The chosen text as byte ranges, one per paragraph it touches.
    pub fn byte_ranges(&self) -> Vec<(usize, Range<usize>)> {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        for (p, r) in &self.sentences[self.first..=self.last] {
            match out.last_mut() {
                Some((q, acc)) if q == p => acc.end = r.end,
                _ => out.push((*p, r.clone())),
            }
        }
        out
    }

    /// The chosen text as code point spans of `article`'s paragraphs.
    pub fn spans(&self, article: &Article) -> Vec<Span> {
        self.byte_ranges()
            .into_iter()
            .map(|(p, r)| {
                let points = CodePoints::new(&article.paragraphs[p]);
                Span {
                    paragraph: p,
                    start: points.at(r.start),
                    end: points.at(r.end),
                }
            })
            .collect()
    }
}

/// Starts choosing: the first sentence whose start is on screen (else the first after it).
pub fn start(app: &mut App) {
    let Some(current) = &app.current else {
        return;
    };
    let Some(mut sel) = Selection::of(&app.articles[current.article]) else {
        app.complain("this article has no sentences to tag");
        return;
    };
    body::ensure(app, body_width(app));
    let top = app.body_scroll;
    sel.first = first_at_or_after(app, &sel, top);
    sel.last = sel.first;
    app.select = Some(sel);
    app.highlight = None;
    app.say(choosing_hint(app));
}

/// The status bar's hint while choosing, from the keys in force.
fn choosing_hint(app: &App) -> String {
    let k = |a: Action| {
        app.keymap
            .keys(a)
            .first()
            .map_or_else(|| "—".to_string(), ToString::to_string)
    };
    format!(
        "choosing sentences: {}/{} move  {}/{} longer/shorter  {} label it  {} cancel",
        k(Action::Down),
        k(Action::Up),
        k(Action::Extend),
        k(Action::Shrink),
        k(Action::Tag),
        k(Action::Close),
    )
}

/// The first sentence starting on body row `row` or below.
fn first_at_or_after(app: &App, sel: &Selection, row: usize) -> usize {
    let view = app.view.borrow();
    let Some(b) = view.body.as_ref() else {
        return 0;
    };
    sel.sentences
        .iter()
        .position(|(p, r)| b.row_of(*p, r.start).is_some_and(|at| at >= row))
        .unwrap_or(sel.sentences.len() - 1)
}

/// Keys while choosing. Returns false for an action that is not about the choice: the
/// choice is then given up and the action done as usual.
pub fn key(app: &mut App, action: Action) -> bool {
    let Some(sel) = app.select.as_mut() else {
        return false;
    };
    let n = sel.sentences.len();
    match action {
        Action::Down if sel.last + 1 < n => {
            sel.first += 1;
            sel.last += 1;
        }
        Action::Up if sel.first > 0 => {
            sel.first -= 1;
            sel.last -= 1;
        }
        Action::Down | Action::Up => {}
        Action::Extend => sel.last = (sel.last + 1).min(n - 1),
        Action::Shrink => sel.last = sel.last.saturating_sub(1).max(sel.first),
        Action::Top => {
            sel.first = 0;
            sel.last = 0;
        }
        Action::Bottom => {
            sel.first = n - 1;
            sel.last = n - 1;
        }
        Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
            let rows = page(app, Pane::Body) as isize;
            let delta = match action {
                Action::PageDown => rows,
                Action::PageUp => -rows,
                Action::HalfPageDown => (rows / 2).max(1),
                _ => -(rows / 2).max(1),
            };
            move_by(app, Pane::Body, delta);
            let top = app.body_scroll;
            if let Some(sel) = app.select.take() {
                let at = first_at_or_after(app, &sel, top);
                app.select = Some(Selection {
                    first: at,
                    last: at,
                    ..sel
                });
            }
            return true;
        }
        Action::Tag | Action::Open => {
            app.tag();
            return true;
        }
        Action::Untag => {
            app.untag();
            return true;
        }
        Action::Close => {
            app.select = None;
            app.say("no sentence chosen");
            return true;
        }
        _ => {
            app.select = None;
            app.message = None;
            return false;
        }
    }
    keep_in_view(app);
    true
}

/// Scrolls the body just enough for the chosen sentences to be seen (their start, when they
/// are longer than the pane).
fn keep_in_view(app: &mut App) {
    let Some(sel) = &app.select else {
        return;
    };
    let ((p0, r0), (p1, r1)) = sel.bounds();
    let rows = body::ensure(app, body_width(app));
    let height = page(app, Pane::Body);
    let (start, end) = {
        let view = app.view.borrow();
        let Some(b) = view.body.as_ref() else {
            return;
        };
        let start = b.row_of(p0, r0.start).unwrap_or(0);
        let end = b
            .row_of(p1, r1.end.saturating_sub(1).max(r1.start))
            .unwrap_or(start);
        (start, end)
    };
    if end >= app.body_scroll + height {
        app.body_scroll = (end + 1).saturating_sub(height);
    }
    if start < app.body_scroll {
        app.body_scroll = start;
    }
    app.body_scroll = app.body_scroll.min(rows.saturating_sub(height));
}
