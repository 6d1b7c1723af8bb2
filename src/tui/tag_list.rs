//! The tags view (`a`): every tag in the journal, under the article it is on (newest article
//! first), with its label, whether its text is still found (moved, orphaned), its note,
//! author and day, and its quote last. Enter opens the article at the tagged text, clearing the filter when it
//! hides that article; `T` removes the selected tag and `u` undoes, as in the panes. Tags
//! whose article is not in the library (another folder, a file since deleted) are listed last.
//! `/` narrows the list as you type: every word must be in the tag's label, quote, note,
//! author, or its article's title, source or path, folded as search folds.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use rayon::prelude::*;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::core::search::{Needle, fold};
use crate::core::tags::anchor::Anchor;
use crate::core::tags::{Tag, TagId};

use super::action::Action;
use super::app::{App, Cursor, FactRow, Pane};
use super::line_edit::{Edit, LineEdit};
use super::overlay::{Overlay, frame};
use super::pickers::{select_article, show_span};
use super::sections::{self, Kind};

/// One line of the view.
#[derive(Debug, Clone, PartialEq)]
pub enum TagRow {
    Header {
        text: String,
        /// The article's path (the filter looks in it too).
        path: String,
    },
    Item {
        text: String,
        id: TagId,
        label: String,
        /// Index into `App::articles`; None when the article is not in the library.
        article: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TagsView {
    /// Every tag, under its article's heading.
    pub rows: Vec<TagRow>,
    /// Over the items the filter lets through.
    pub cursor: Cursor,
    /// The words typed after `/`.
    pub filter: LineEdit,
    /// Keys go to the filter line.
    pub typing: bool,
    /// Indices into `rows` the filter lets through: items, and the headings above them.
    shown: Vec<usize>,
    /// What the filter looks in for each row, folded: an item's line with its heading and
    /// path. Worked out at the first word typed, not each time the view opens.
    haystacks: Vec<String>,
}

impl TagsView {
    /// The tags the filter lets through.
    pub fn items(&self) -> usize {
        self.shown_rows()
            .filter(|r| matches!(r, TagRow::Item { .. }))
            .count()
    }

    /// Every tag listed, filtered or not.
    pub fn total(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, TagRow::Item { .. }))
            .count()
    }

    fn shown_rows(&self) -> impl Iterator<Item = &TagRow> {
        self.shown.iter().map(|&i| &self.rows[i])
    }

    fn selected(&self) -> Option<(&TagId, Option<usize>)> {
        self.shown_rows()
            .filter_map(|r| match r {
                TagRow::Item { id, article, .. } => Some((id, *article)),
                TagRow::Header { .. } => None,
            })
            .nth(self.cursor.selected)
    }

    /// Works out which rows the filter lets through: a tag when every word typed is in it,
    /// a heading when a tag under it is.
    fn refilter(&mut self) {
        let needles: Vec<Needle> = self
            .filter
            .text()
            .split_whitespace()
            .filter_map(Needle::new)
            .collect();
        if !needles.is_empty() && self.haystacks.len() != self.rows.len() {
            self.haystacks = haystacks(&self.rows);
        }
        self.shown.clear();
        let mut heading = None;
        for (i, row) in self.rows.iter().enumerate() {
            match row {
                TagRow::Header { .. } => heading = Some(i),
                TagRow::Item { .. } => {
                    if needles.iter().all(|n| n.is_in_folded(&self.haystacks[i])) {
                        self.shown.extend(heading.take());
                        self.shown.push(i);
                    }
                }
            }
        }
        self.cursor.selected = self.cursor.selected.min(self.items().saturating_sub(1));
    }
}

/// Each row's text for the filter, folded: an item's line, its heading and the path.
fn haystacks(rows: &[TagRow]) -> Vec<String> {
    let mut heading = String::new();
    rows.iter()
        .map(|row| match row {
            TagRow::Header { text, path } => {
                heading = fold(&format!("{text} {path}"));
                String::new()
            }
            TagRow::Item { text, .. } => format!("{} {heading}", fold(text)),
        })
        .collect()
}

/// A tag to list, and what became of its text (moved, orphaned; None when unchanged or not
/// known yet).
type Listed<'a> = (&'a Tag, Option<&'static str>);

/// A tag as one line, for the tags view and the sidebar: label, what became of its text,
/// note, `byline` (author and day, in the view), and the quote (its first 120 characters)
/// last: the quote is the longest part and its text is in the article, so it is the part a
/// narrow pane may cut, not the note. Written into one string: the view makes every line
/// when it opens.
pub(super) fn tag_line(
    tag: &Tag,
    status: Option<&str>,
    byline: Option<std::fmt::Arguments>,
) -> String {
    use std::fmt::Write;
    let quote = &tag.target.quote.exact;
    let quote = quote
        .char_indices()
        .nth(120)
        .map_or(quote.as_str(), |(cut, _)| &quote[..cut]);
    let note = tag.note.as_deref().unwrap_or_default();
    let mut text = String::with_capacity(tag.label.len() + quote.len() + note.len() + 64);
    text.push_str(&tag.label);
    if let Some(s) = status {
        let _ = write!(text, " ({s})");
    }
    if !note.is_empty() {
        let _ = write!(text, " — {note}");
    }
    if let Some(by) = byline {
        let _ = write!(text, " · {by}");
    }
    let _ = write!(text, ": «{quote}»");
    text
}

/// Opens the view (or rebuilds it, keeping its selection, after a change).
pub fn open(app: &mut App) {
    let mut rows = Vec::new();
    let mut seen: HashSet<TagId> = HashSet::new();
    let book = app.tags.book();
    if !book.is_empty() {
        // Placing a tag reads its article's whole text: every article on every core.
        let per_article: Vec<(usize, Vec<Listed>)> = app
            .articles
            .par_iter()
            .enumerate()
            .filter_map(|(i, article)| {
                let tags: Vec<Listed> = if article.body_pending() {
                    // The body is still being read: listed without their status.
                    book.of_article(article)
                        .into_iter()
                        .map(|t| (t, None))
                        .collect()
                } else {
                    book.placed(article)
                        .into_iter()
                        .map(|p| {
                            let status = match p.anchor {
                                Anchor::Orphaned => Some("orphaned"),
                                Anchor::Moved { .. } => Some("moved"),
                                Anchor::Exact(_) => None,
                            };
                            (p.tag, status)
                        })
                        .collect()
                };
                (!tags.is_empty()).then_some((i, tags))
            })
            .collect();
        for (i, tags) in per_article {
            let article = &app.articles[i];
            let date = article
                .date
                .as_ref()
                .map(|d| d.date.to_string())
                .unwrap_or_else(|| "undated".into());
            let source = article.source.as_deref().unwrap_or("?");
            rows.push(TagRow::Header {
                text: format!("{date} · {source} · {}", article.title),
                path: article.path.display().to_string(),
            });
            for (tag, status) in tags {
                seen.insert(tag.id.clone());
                rows.push(TagRow::Item {
                    text: tag_line(
                        tag,
                        status,
                        Some(format_args!("{} {}", tag.author, tag.created.date_naive())),
                    ),
                    id: tag.id.clone(),
                    label: tag.label.clone(),
                    article: Some(i),
                });
            }
        }
        let elsewhere: Vec<&Tag> = book
            .tags()
            .iter()
            .filter(|t| !seen.contains(&t.id))
            .collect();
        if !elsewhere.is_empty() {
            rows.push(TagRow::Header {
                text: format!("not in this library ({})", elsewhere.len()),
                path: String::new(),
            });
            for tag in elsewhere {
                rows.push(TagRow::Item {
                    text: tag_line(
                        tag,
                        None,
                        Some(format_args!(
                            "{} {} · {}",
                            tag.author,
                            tag.created.date_naive(),
                            tag.target.path.display()
                        )),
                    ),
                    id: tag.id.clone(),
                    label: tag.label.clone(),
                    article: None,
                });
            }
        }
    }
    // Rebuilt after a change: the filter, and the selection as far as it goes, stay.
    let mut view = match app.overlay.take() {
        Some(Overlay::Tags(old)) => TagsView {
            rows,
            cursor: old.cursor,
            filter: old.filter,
            typing: old.typing,
            ..TagsView::default()
        },
        _ => TagsView {
            rows,
            ..TagsView::default()
        },
    };
    view.refilter();
    app.overlay = Some(Overlay::Tags(view));
}

/// A key while the filter line takes them: words narrow the list as they are typed, ↑/↓
/// still move, Enter keeps the filter and gives the keys back, Esc drops it.
pub fn filter_key(app: &mut App, key: KeyEvent) {
    let height = super::overlay::rows(app);
    let Some(Overlay::Tags(view)) = &mut app.overlay else {
        return;
    };
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Enter => view.typing = false,
        _ if key.code == KeyCode::Esc || ctrl_c => {
            view.typing = false;
            view.filter = LineEdit::default();
            view.refilter();
        }
        KeyCode::Up | KeyCode::Down => {
            let delta = if key.code == KeyCode::Up { -1 } else { 1 };
            let len = view.items();
            view.cursor.step(delta, len, height);
        }
        _ => {
            let rtl = view.filter.direction() == crate::core::bidi::BaseDirection::Rtl;
            if view.filter.key(key, rtl) == Edit::Changed {
                view.cursor = Cursor::default();
                view.refilter();
            }
        }
    }
}

/// Text pasted while the filter line takes keys.
pub fn paste(view: &mut TagsView, text: &str) {
    if view.typing && view.filter.insert(text) == Edit::Changed {
        view.cursor = Cursor::default();
        view.refilter();
    }
}

pub fn key(app: &mut App, action: Option<Action>) {
    let height = super::overlay::rows(app);
    let Some(Overlay::Tags(view)) = &mut app.overlay else {
        return;
    };
    let len = view.items();
    if view.cursor.go(action, len, height) {
        return;
    }
    match action {
        Some(Action::Open) => {
            if let Some((id, article)) = view.selected().map(|(id, a)| (id.clone(), a)) {
                go_to(app, &id, article);
            }
        }
        Some(Action::Untag) => {
            if let Some((id, _)) = view.selected().map(|(id, a)| (id.clone(), a)) {
                app.remove_tag(&id);
            }
        }
        Some(Action::Tag) => {
            if let Some((id, _)) = view.selected().map(|(id, a)| (id.clone(), a)) {
                app.edit_tag(&id);
            }
        }
        Some(Action::Undo) => app.undo(),
        Some(Action::Search) => view.typing = true,
        Some(Action::ClearFilters) => {
            view.filter = LineEdit::default();
            view.refilter();
        }
        Some(Action::Close | Action::Quit | Action::Tags) => app.overlay = None,
        _ => {}
    }
}

/// Opens article `index` at tag `id`: selected in the list (the filter cleared when it hides
/// the article), the tag selected in the sidebar and its text highlighted in the body.
fn go_to(app: &mut App, id: &TagId, index: Option<usize>) {
    let Some(index) = index else {
        app.complain("that tag's article is not in this library");
        return;
    };
    app.overlay = None;
    if !app.shown.contains(&index) {
        app.query = Default::default();
        app.search = None;
        app.refilter_keeping(Some(index));
        app.say("filter cleared to show the tagged article");
    }
    if !select_article(app, index) {
        return;
    }
    let Some(current) = &app.current else {
        return;
    };
    let row = current
        .fact_rows
        .iter()
        .filter(|r| matches!(r, FactRow::Item { .. }))
        .position(|r| matches!(r, FactRow::Item { tag: Some(t), .. } if t == id));
    let Some(row) = row else {
        // Its body is still being read: the sidebar lists its tags once it is.
        app.focus = Pane::Body;
        return;
    };
    app.fact_cursor.selected = row;
    match app.selected_fact() {
        Some(span) => show_span(app, span),
        None => {
            app.focus = Pane::Facts;
            app.complain("that tag is orphaned: its text is no longer in the article");
        }
    }
}

pub fn draw(buf: &mut Buffer, main: Rect, app: &App, view: &TagsView) {
    let count = if view.filter.is_empty() {
        view.items().to_string()
    } else {
        format!("{} of {}", view.items(), view.total())
    };
    let title =
        format!(" tags {count} · / filters · Enter opens · T removes · t changes · Esc closes ");
    let mut inner = frame(buf, main, &title, app);
    let mut layouts = app.view.borrow_mut();
    // The filter line, at the bottom while it is typed in or holds words.
    if (view.typing || !view.filter.is_empty()) && inner.height > 1 {
        inner.height -= 1;
        super::text::draw_field(
            buf,
            Rect::new(inner.x, inner.bottom(), inner.width, 1),
            ("/ ", app.theme.accent),
            &view.filter,
            view.typing,
            None,
            app.theme.accent,
            &mut layouts.layouts,
            &app.options,
        );
    }
    let empty = if view.rows.is_empty() {
        Some("no tags yet: t in the body or the sidebar tags a sentence or a fact")
    } else if view.shown.is_empty() {
        Some("no tag has every word of the filter (Esc or x clears it)")
    } else {
        None
    };
    if let Some(text) = empty {
        super::text::draw_plain(
            buf,
            Rect { height: 1, ..inner },
            text,
            app.theme.dim,
            &mut layouts.layouts,
            &app.options,
        );
        return;
    }
    drop(layouts);
    let rows: Vec<(Kind, &str, Style)> = view
        .shown_rows()
        .map(|r| match r {
            TagRow::Header { text, .. } => (Kind::Header, text.as_str(), Style::new()),
            TagRow::Item { text, label, .. } => (Kind::Item, text.as_str(), app.theme.tag(label)),
        })
        .collect();
    sections::draw(
        buf,
        inner,
        app,
        &rows,
        view.cursor.selected,
        app.theme.selected,
    );
}
