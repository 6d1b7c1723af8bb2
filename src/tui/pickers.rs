//! Keys inside the overlays (help, source picker, claims view), applying what a prompt
//! typed (search, query, date range), and moving between search matches with `n`/`N`.

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::core::query::{Query, parse_range};
use crate::core::search::Needle;

use super::action::Action;
use super::app::{App, Job, Pane, Search};
use super::claims::ClaimsView;
use super::overlay::{Overlay, Picker, Prompt, PromptKind, SourceItem};
use super::update::{page, scroll_body_to};

pub fn help_key(app: &mut App, action: Option<Action>) {
    let most = super::overlay::help_end(app);
    let Some(Overlay::Help { scroll }) = &mut app.overlay else {
        return;
    };
    match action {
        Some(Action::Down) => *scroll = (*scroll + 1).min(most),
        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
        Some(Action::Top) => *scroll = 0,
        Some(Action::Bottom) => *scroll = most,
        Some(Action::Close | Action::Help | Action::Quit) => app.overlay = None,
        _ => {}
    }
}

/// The picker of every source in the library, those in the query ticked.
pub fn open_sources(app: &mut App) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for a in &app.articles {
        if let Some(s) = a.source.as_deref().or(a.credit.as_deref()) {
            *counts.entry(s.to_string()).or_default() += 1;
        }
    }
    if counts.is_empty() {
        app.complain("no article names its source");
        return;
    }
    // Folded as `source:` terms fold them, so a ticked name is recognised whatever its spelling.
    let fold = |s: &str| {
        Needle::new(s)
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default()
    };
    let wanted: Vec<String> = app.query.sources().iter().map(|s| fold(s)).collect();
    let mut items: Vec<SourceItem> = counts
        .into_iter()
        .map(|(name, count)| SourceItem {
            checked: wanted.contains(&fold(&name)),
            name,
            count,
        })
        .collect();
    items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    app.overlay = Some(Overlay::Sources(Picker {
        items,
        cursor: Default::default(),
    }));
}

pub fn sources_key(app: &mut App, action: Option<Action>, key: KeyEvent) {
    let height = super::overlay::rows(app);
    let Some(Overlay::Sources(picker)) = &mut app.overlay else {
        return;
    };
    let len = picker.items.len();
    if key.code == KeyCode::Char(' ') {
        if let Some(item) = picker.items.get_mut(picker.cursor.selected) {
            item.checked = !item.checked;
        }
        return;
    }
    if picker.cursor.go(action, len, height) {
        return;
    }
    match action {
        Some(Action::Open) => {
            let names: Vec<String> = picker
                .items
                .iter()
                .filter(|i| i.checked)
                .map(|i| i.name.clone())
                .collect();
            app.overlay = None;
            app.query.set_sources(names);
            app.refilter();
            report_count(app);
        }
        Some(Action::Close | Action::Quit | Action::Sources) => app.overlay = None,
        _ => {}
    }
}

/// Opens the claims view over the shown articles and starts comparing them.
pub fn open_claims(app: &mut App) {
    let articles: Vec<Arc<crate::core::article::Article>> = app
        .shown
        .iter()
        .map(|&i| Arc::clone(&app.articles[i]))
        .collect();
    app.overlay = Some(Overlay::Claims(ClaimsView::computing(articles.len())));
    app.jobs.push(Job::Claims(articles));
}

pub fn claims_key(app: &mut App, action: Option<Action>) {
    let height = super::overlay::rows(app);
    let Some(Overlay::Claims(view)) = &mut app.overlay else {
        return;
    };
    let len = view.tallies();
    if view.cursor.go(action, len, height) {
        return;
    }
    match action {
        Some(Action::Open) => {
            let Some((id, span)) = view.selected().map(|(id, s)| (id.clone(), s)) else {
                return;
            };
            app.overlay = None;
            let Some(index) = app.articles.iter().position(|a| a.id == id) else {
                return;
            };
            if !select_article(app, index) {
                app.complain("that article is no longer shown");
                return;
            }
            show_span(app, span);
        }
        Some(Action::Close | Action::Quit | Action::Claims) => app.overlay = None,
        _ => {}
    }
}

/// Selects article `index` in the list and opens it; false when the filter hides it.
pub fn select_article(app: &mut App, index: usize) -> bool {
    let Some(at) = app.shown.iter().position(|&i| i == index) else {
        return false;
    };
    app.list.selected = at;
    app.list.follow(page(app, Pane::List));
    app.open_current();
    true
}

/// Highlights `span` of the open article and shows it in the focused body.
pub fn show_span(app: &mut App, span: crate::core::facts::Span) {
    let Some(current) = &app.current else {
        return;
    };
    let text = &app.articles[current.article].paragraphs[span.paragraph];
    let offset = super::body::span_bytes(text, span).start;
    app.highlight = Some(span);
    app.focus = Pane::Body;
    scroll_body_to(app, span.paragraph, offset);
}

/// Applies what a prompt typed; a bad query or range keeps the prompt open with the reason.
pub fn apply_prompt(app: &mut App, prompt: Prompt) {
    let input = prompt.input.text().trim().to_string();
    let outcome: Result<(), String> = match prompt.kind {
        PromptKind::Search => {
            app.search = if input.is_empty() {
                None
            } else {
                match Needle::new(&input) {
                    Some(needle) => Some(Search {
                        text: input.clone(),
                        needle,
                    }),
                    None => {
                        set_error(app, format!("nothing to search for in {input:?}"));
                        return;
                    }
                }
            };
            Ok(())
        }
        PromptKind::Query => match input.parse::<Query>() {
            Ok(q) => {
                if !input.is_empty() {
                    app.history.retain(|h| *h != input);
                    app.history.push(input.clone());
                }
                app.query = q;
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        },
        PromptKind::Dates => {
            if input.is_empty() {
                app.query.set_range(None, None);
                Ok(())
            } else {
                match parse_range(&input) {
                    Ok((since, until)) => {
                        app.query.set_range(since, until);
                        Ok(())
                    }
                    Err(e) => Err(e.to_string()),
                }
            }
        }
    };
    if let Err(e) = outcome {
        set_error(app, e);
        return;
    }
    app.overlay = None;
    app.refilter();
    report_count(app);
    if prompt.kind == PromptKind::Search && app.search.is_some() {
        app.match_at = None;
        next_match(app, true);
    }
}

fn set_error(app: &mut App, error: String) {
    if let Some(Overlay::Prompt(p)) = &mut app.overlay {
        p.error = Some(error);
    }
}

fn report_count(app: &mut App) {
    if app.shown.is_empty() && !app.articles.is_empty() {
        app.complain("no article matches (x clears the filter)");
    }
}

/// Moves to the next (or previous) match in the body; past the last, to the next shown
/// article with a match.
pub fn next_match(app: &mut App, forward: bool) {
    if app.needles().is_empty() {
        app.say("no search: / searches");
        return;
    }
    for _ in 0..=app.shown.len() {
        let count = app.current.as_ref().map_or(0, |c| c.matches.len());
        let next = match (app.match_at, forward) {
            (None, true) if count > 0 => Some(0),
            (None, false) if count > 0 => Some(count - 1),
            (Some(k), true) if k + 1 < count => Some(k + 1),
            (Some(k), false) if k > 0 => Some(k - 1),
            _ => None,
        };
        if let Some(k) = next {
            app.match_at = Some(k);
            let Some((p, r)) = app.current.as_ref().map(|c| c.matches[k].clone()) else {
                return;
            };
            scroll_body_to(app, p, r.start);
            app.say(format!("match {}/{count}", k + 1));
            return;
        }
        // On to the next article with a match.
        let len = app.shown.len();
        if len <= 1 {
            break;
        }
        let at = app.list.selected;
        app.list.selected = if forward {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        };
        app.list.follow(page(app, Pane::List));
        app.open_current();
        app.match_at = None;
    }
    app.say("no match in the body (the match is in a title or source)");
}

pub fn calibrate_key(app: &mut App, action: Option<Action>, key: KeyEvent) {
    let Some(Overlay::Calibrate { selected }) = &mut app.overlay else {
        return;
    };
    let last = super::calibrate::CHOICES.len() - 1;
    let picked = match (key.code, action) {
        (KeyCode::Char(c @ '1'..='4'), _) => Some(usize::from(c as u8 - b'1')),
        (_, Some(Action::Open)) => Some(*selected),
        (_, Some(Action::Down)) => {
            *selected = (*selected + 1).min(last);
            None
        }
        (_, Some(Action::Up)) => {
            *selected = selected.saturating_sub(1);
            None
        }
        (_, Some(Action::Close | Action::Quit | Action::Calibrate)) => {
            app.overlay = None;
            None
        }
        _ => None,
    };
    if let Some(k) = picked {
        app.options = super::calibrate::options_of(&app.options, k);
        app.overlay = None;
        let shaping = if app.options.shape && app.options.mode == crate::core::bidi::BidiMode::App {
            ", letters joined"
        } else {
            ""
        };
        app.say(format!(
            "bidi mode: {}{shaping} (set bidi and shape in the config file to keep it)",
            app.options.mode
        ));
    }
}
