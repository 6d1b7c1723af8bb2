//! `update(app, msg)`: everything that changes the reader's state — a key (through the
//! keymap, or typed into a prompt), the mouse, a paste, and what background work sends back
//! (the loaded library, bodies read again, the claims comparison). Drawing never changes
//! state and this never draws.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::core::bidi::BaseDirection;
use crate::core::facts::compare::Comparison;
use crate::core::load::LoadReport;

use super::action::Action;
use super::app::{App, Pane};
use super::line_edit::Edit;
use super::overlay::{Overlay, Prompt, PromptKind};
use super::{body, claims, mouse, pickers, select, tag_form, tag_list};

/// Something that happened.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(ratatui::crossterm::event::MouseEvent),
    Paste(String),
    Resize,
    Loaded(LoadReport),
    LoadFailed(String),
    Body(usize, Result<Vec<String>, String>),
    Claims(Vec<Comparison>),
    Indexed(Vec<(usize, crate::core::search::SearchDoc)>),
    /// The tag journal, read the first time.
    TagsRead(Result<super::tag_store::JournalRead, String>),
    /// A background job panicked (the panic is in the log).
    JobFailed,
}

pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => key_pressed(app, key),
        Msg::Key(_) => {}
        Msg::Mouse(m) => mouse::handle(app, m),
        Msg::Paste(text) => {
            if let Some(Overlay::TagForm(form)) = &mut app.overlay {
                form.type_text(&text);
            }
            if let Some(Overlay::Tags(view)) = &mut app.overlay {
                tag_list::paste(view, &text);
            }
            if let Some(Overlay::Prompt(p)) = &mut app.overlay
                && p.input.insert(&text) == Edit::Changed
            {
                p.error = None;
            }
        }
        Msg::Resize => clamp(app),
        Msg::TagsRead(read) => app.took_tags(read),
        Msg::Loaded(report) => {
            for p in &report.problems {
                tracing::warn!("skipped {p}");
            }
            let problems = report.problems.len();
            let first = report.problems.first().map(ToString::to_string);
            tracing::info!(articles = report.articles.len(), problems, "library loaded");
            app.set_articles(report.articles);
            if let Some(first) = first {
                let more = if problems > 1 {
                    format!(" (and {} more; see the log)", problems - 1)
                } else {
                    String::new()
                };
                app.complain(format!("skipped {first}{more}"));
            }
        }
        Msg::LoadFailed(error) => {
            app.loading = None;
            app.complain(error);
        }
        Msg::Body(index, Ok(paragraphs)) => app.set_body(index, paragraphs),
        Msg::Body(index, Err(error)) => {
            tracing::warn!("{error}");
            app.bodies_pending = app.bodies_pending.saturating_sub(1);
            if app.current.as_ref().is_some_and(|c| c.article == index) {
                app.complain(error);
            }
        }
        Msg::Indexed(docs) => {
            app.set_docs(docs);
            if app.filters_read_bodies() {
                app.refilter();
            }
        }
        Msg::JobFailed => {
            app.indexing = 0;
            app.bodies_pending = 0;
            if let Some(Overlay::Claims(view)) = &mut app.overlay {
                view.rows.get_or_insert_with(Vec::new);
            }
            app.complain("a background task failed; the log says why");
        }
        Msg::Claims(groups) => {
            if let Some(Overlay::Claims(view)) = &mut app.overlay {
                view.rows = Some(claims::rows(&groups));
            }
        }
    }
}

fn key_pressed(app: &mut App, key: KeyEvent) {
    // Tags another khabar window saved show up at the next key.
    if app.tags.changed_on_disk() {
        app.reload_tags();
    }
    if matches!(app.overlay, Some(Overlay::Prompt(_))) {
        prompt_key(app, key);
        return;
    }
    if matches!(app.overlay, Some(Overlay::TagForm(_))) {
        tag_form::key(app, key);
        return;
    }
    if matches!(&app.overlay, Some(Overlay::Tags(v)) if v.typing) {
        tag_list::filter_key(app, key);
        return;
    }
    let action = app.keymap.action(&key);
    match app.overlay {
        Some(Overlay::Tags(_)) => tag_list::key(app, action),
        Some(Overlay::TagForm(_)) => {}
        Some(Overlay::Help { .. }) => pickers::help_key(app, action),
        Some(Overlay::Sources(_)) => pickers::sources_key(app, action, key),
        Some(Overlay::Claims(_)) => pickers::claims_key(app, action),
        Some(Overlay::Calibrate { .. }) => pickers::calibrate_key(app, action, key),
        Some(Overlay::Prompt(_)) => {}
        None => {
            let Some(action) = action else {
                return;
            };
            if app.select.is_some() && select::key(app, action) {
                return;
            }
            app.message = None;
            act(app, action);
        }
    }
}

/// Rows in the focused pane: what a page is.
pub fn page(app: &App, pane: Pane) -> usize {
    let rects = app.view.borrow().rects;
    let h = match pane {
        Pane::List => rects.list_inner.height,
        Pane::Body => rects.body_inner.height,
        Pane::Facts => rects.facts_inner.height,
    };
    usize::from(h).max(1)
}

/// Moves the focused pane's selection or scroll by `delta` rows.
pub fn move_by(app: &mut App, pane: Pane, delta: isize) {
    match pane {
        Pane::List => {
            let height = page(app, Pane::List);
            let before = app.list.selected;
            app.list.step(delta, app.shown.len(), height);
            if app.list.selected != before {
                app.open_current();
            }
        }
        Pane::Body => {
            let rows = body::ensure(app, body_width(app));
            let most = rows.saturating_sub(page(app, Pane::Body));
            app.body_scroll = app.body_scroll.saturating_add_signed(delta).min(most);
        }
        Pane::Facts => {
            let height = page(app, Pane::Facts);
            app.fact_cursor.step(delta, app.fact_count(), height);
            show_fact(app);
        }
    }
}

/// The body pane's width, also while it is hidden (one pane at a time).
pub fn body_width(app: &App) -> usize {
    let rects = app.view.borrow().rects;
    let w = if rects.body_inner.width > 0 {
        rects.body_inner.width
    } else {
        rects.screen.width.saturating_sub(2)
    };
    usize::from(w).max(1)
}

/// Highlights the selected fact and scrolls the body to it.
pub fn show_fact(app: &mut App) {
    app.highlight = app.selected_fact();
    if let Some(span) = app.highlight
        && let Some(current) = &app.current
    {
        let text = &app.articles[current.article].paragraphs[span.paragraph];
        let offset = body::span_bytes(text, span).start;
        scroll_body_to(app, span.paragraph, offset);
    }
}

/// Scrolls the body so that byte `offset` of paragraph `p` is a third of the way down.
pub fn scroll_body_to(app: &mut App, p: usize, offset: usize) {
    let rows = body::ensure(app, body_width(app));
    let row = app
        .view
        .borrow()
        .body
        .as_ref()
        .and_then(|b| b.row_of(p, offset));
    if let Some(row) = row {
        let height = page(app, Pane::Body);
        let most = rows.saturating_sub(height);
        app.body_scroll = row.saturating_sub(height / 3).min(most);
    }
}

const ORDER: [Pane; 3] = [Pane::List, Pane::Body, Pane::Facts];

fn focus_step(app: &mut App, delta: isize, wrap: bool) {
    let at = ORDER.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = if wrap {
        (at as isize + delta).rem_euclid(3) as usize
    } else {
        at.saturating_add_signed(delta).min(2)
    };
    app.focus = ORDER[next];
    if app.focus == Pane::Facts && app.highlight.is_none() {
        show_fact(app);
    }
}

pub fn act(app: &mut App, action: Action) {
    let pane = app.focus;
    let half = (page(app, pane) / 2).max(1) as isize;
    let full = page(app, pane) as isize;
    match action {
        Action::Down => move_by(app, pane, 1),
        Action::Up => move_by(app, pane, -1),
        Action::Top => move_by(app, pane, isize::MIN / 2),
        Action::Bottom => move_by(app, pane, isize::MAX / 2),
        Action::HalfPageDown => move_by(app, pane, half),
        Action::HalfPageUp => move_by(app, pane, -half),
        Action::PageDown => move_by(app, pane, full),
        Action::PageUp => move_by(app, pane, -full),
        Action::FocusNext => focus_step(app, 1, true),
        Action::FocusPrev => focus_step(app, -1, true),
        Action::FocusLeft => focus_step(app, -1, false),
        Action::FocusRight => focus_step(app, 1, false),
        Action::Open => match pane {
            Pane::List => app.focus = Pane::Body,
            Pane::Facts => {
                show_fact(app);
                app.focus = Pane::Body;
            }
            Pane::Body => {}
        },
        Action::Search => {
            let text = app
                .search
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            app.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Search, text)));
        }
        Action::NextMatch => pickers::next_match(app, true),
        Action::PrevMatch => pickers::next_match(app, false),
        Action::Query => {
            let text = app.query.to_string();
            app.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Query, text)));
        }
        Action::Dates => {
            let text = match app.query.range() {
                (None, None) => String::new(),
                (s, u) => format!(
                    "{}..{}",
                    s.map(|d| d.to_string()).unwrap_or_default(),
                    u.map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            app.overlay = Some(Overlay::Prompt(Prompt::new(PromptKind::Dates, text)));
        }
        Action::Sources => pickers::open_sources(app),
        Action::ClearFilters => {
            app.query = Default::default();
            app.search = None;
            app.refilter();
            app.say("filter and search cleared");
        }
        Action::Claims => pickers::open_claims(app),
        Action::Tag => app.tag(),
        Action::Untag => app.untag(),
        Action::Undo => app.undo(),
        Action::Tags => tag_list::open(app),
        Action::Extend | Action::Shrink => {
            let keys = app.keymap.keys_text(Action::Tag);
            app.say(format!("choose sentences first: {keys} in the body"));
        }
        Action::ToggleFacts => {
            app.show_facts = !app.show_facts;
            if !app.show_facts && app.focus == Pane::Facts {
                app.focus = Pane::Body;
            } else if app.show_facts {
                app.focus = Pane::Facts;
                show_fact(app);
            }
        }
        Action::CycleBidi => {
            app.options.mode = app.options.mode.next();
            app.say(format!("bidi mode: {}", app.options.mode));
        }
        Action::Calibrate => {
            let selected = super::calibrate::choice_of(&app.options);
            app.overlay = Some(Overlay::Calibrate { selected });
        }
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Close => app.message = None,
        Action::Quit => app.quit = true,
    }
}

fn prompt_key(app: &mut App, key: KeyEvent) {
    let Some(Overlay::Prompt(p)) = &mut app.overlay else {
        return;
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => app.overlay = None,
        KeyCode::Char('c') if ctrl => app.overlay = None,
        KeyCode::Enter => {
            let p = p.clone();
            pickers::apply_prompt(app, p);
        }
        KeyCode::Up | KeyCode::Down if p.kind == PromptKind::Query => {
            let n = app.history.len();
            if n == 0 {
                return;
            }
            let at = match (key.code, p.recall) {
                (KeyCode::Up, None) => Some(n - 1),
                (KeyCode::Up, Some(i)) => Some(i.saturating_sub(1)),
                (KeyCode::Down, Some(i)) if i + 1 < n => Some(i + 1),
                _ => None,
            };
            p.recall = at;
            p.input
                .set(at.map(|i| app.history[i].clone()).unwrap_or_default());
        }
        _ => {
            let rtl = p.base() == BaseDirection::Rtl;
            if p.input.key(key, rtl) == Edit::Changed {
                p.error = None;
            }
        }
    }
}

/// Keeps selections inside what is shown after a resize.
fn clamp(app: &mut App) {
    let height = page(app, Pane::List);
    app.list.step(0, app.shown.len(), height);
    let rows = body::ensure(app, body_width(app));
    app.body_scroll = app
        .body_scroll
        .min(rows.saturating_sub(page(app, Pane::Body)));
}
