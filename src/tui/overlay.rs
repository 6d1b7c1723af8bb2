//! What opens over the panes: the help (generated from the keymap), the prompts (search,
//! query with history, date range) on the status line, the source picker, the claims
//! comparison, the tag label form and the tags view. Each is plain data here plus its drawing; the keys they take are in `update`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use crate::core::article::Direction;
use crate::core::bidi::{BaseDirection, Styles};

use super::app::{App, Cursor};
use super::claims::ClaimsView;
use super::line_edit::LineEdit;
use super::tag_form::TagForm;
use super::tag_list::TagsView;
use super::text::{clear, draw_field, draw_line, draw_plain};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Query,
    Dates,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Search => "/",
            PromptKind::Query => "filter: ",
            PromptKind::Dates => "dates (FROM..TO): ",
        }
    }
}

/// A line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineEdit,
    pub error: Option<String>,
    /// Which history entry is shown (query prompt, Up/Down).
    pub recall: Option<usize>,
}

impl Prompt {
    /// The direction the field reads: a search follows what is typed, a filter or a date
    /// range is left to right whatever it quotes.
    pub fn base(&self) -> BaseDirection {
        match self.kind {
            PromptKind::Query | PromptKind::Dates => BaseDirection::Ltr,
            PromptKind::Search => self.input.direction(),
        }
    }

    pub fn new(kind: PromptKind, input: String) -> Prompt {
        Prompt {
            kind,
            input: LineEdit::new(input),
            error: None,
            recall: None,
        }
    }
}

/// One source in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceItem {
    pub name: String,
    pub count: usize,
    pub checked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub items: Vec<SourceItem>,
    pub cursor: Cursor,
}

#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Prompt(Prompt),
    Sources(Picker),
    Claims(ClaimsView),
    /// The calibration screen, with the choice under the cursor.
    Calibrate {
        selected: usize,
    },
    /// The label form of `t`.
    TagForm(TagForm),
    /// Every tag in the library (`a`).
    Tags(TagsView),
}

/// A box `percent` of `area` in each direction, centred.
pub fn centered(area: Rect, w_percent: u16, h_percent: u16) -> Rect {
    let [_, mid, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Percentage(h_percent),
        Constraint::Fill(1),
    ]));
    let [_, center, _] = mid.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Percentage(w_percent),
        Constraint::Fill(1),
    ]));
    center
}

/// Draws a framed box and returns its inside.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, app: &App) -> Rect {
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(app.theme.focused_border)
        .title(title.to_string());
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Where an overlay's rows go at this screen size (shared with `update` for paging).
pub fn inner_area(main: Rect, overlay: &Overlay) -> Rect {
    let outer = match overlay {
        Overlay::Claims(_) | Overlay::Tags(_) => main,
        Overlay::TagForm(_) => centered(main, 70, 70),
        Overlay::Prompt(_) => return Rect::default(),
        Overlay::Calibrate { .. } => centered(main, 90, 90),
        _ => centered(main, 80, 80),
    };
    Block::new().borders(Borders::ALL).inner(outer)
}

pub fn draw(buf: &mut Buffer, main: Rect, bar: Rect, app: &App, overlay: &Overlay) {
    let inner = inner_area(main, overlay);
    app.view.borrow_mut().rects.overlay_inner = inner;
    match overlay {
        Overlay::Help { scroll } => draw_help(buf, main, app, *scroll),
        Overlay::Prompt(p) => draw_prompt(buf, main, bar, app, p),
        Overlay::Sources(p) => draw_sources(buf, main, app, p),
        Overlay::Claims(c) => super::claims::draw(buf, main, app, c),
        Overlay::Calibrate { selected } => super::calibrate::draw(buf, main, app, *selected),
        Overlay::TagForm(form) => super::tag_form::draw(buf, main, app, form),
        Overlay::Tags(view) => super::tag_list::draw(buf, main, app, view),
    }
}

/// Rows the open overlay shows, as last drawn.
pub fn rows(app: &App) -> usize {
    usize::from(app.view.borrow().rects.overlay_inner.height).max(1)
}

/// How far the help scrolls: until its last row is at the bottom.
pub fn help_end(app: &App) -> usize {
    help_lines(app).len().saturating_sub(rows(app))
}

/// The help's rows: every action with its keys, then the keys of a line being typed.
pub fn help_lines(app: &App) -> Vec<(String, &'static str)> {
    let mut lines = app.keymap.help_lines();
    lines.push((String::new(), ""));
    lines.extend(
        super::line_edit::KEYS
            .iter()
            .map(|&(keys, what)| (keys.to_string(), what)),
    );
    lines
}

fn draw_help(buf: &mut Buffer, main: Rect, app: &App, scroll: usize) {
    let area = centered(main, 80, 80);
    let inner = frame(buf, area, " keys (Esc closes) ", app);
    let mut view = app.view.borrow_mut();
    let lines = help_lines(app);
    let key_w = lines
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 2);
    let key_w = u16::try_from(key_w).unwrap_or(0);
    for (row, (keys, what)) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        draw_plain(
            buf,
            Rect::new(inner.x, y, key_w, 1),
            keys,
            app.theme.accent,
            &mut view.layouts,
            &app.options,
        );
        let rest = Rect::new(
            inner.x + key_w + 2,
            y,
            inner.width.saturating_sub(key_w + 2),
            1,
        );
        draw_plain(
            buf,
            rest,
            what,
            Style::new(),
            &mut view.layouts,
            &app.options,
        );
    }
}

fn draw_prompt(buf: &mut Buffer, main: Rect, bar: Rect, app: &App, p: &Prompt) {
    let mut view = app.view.borrow_mut();
    clear(buf, bar, Style::new());
    draw_field(
        buf,
        bar,
        (p.kind.label(), app.theme.accent),
        &p.input,
        true,
        Some(p.base()),
        Style::new(),
        &mut view.layouts,
        &app.options,
    );
    if let Some(error) = &p.error
        && main.height > 0
    {
        let line = Rect::new(main.x, main.bottom() - 1, main.width, 1);
        clear(buf, line, Style::new());
        draw_plain(
            buf,
            line,
            error,
            app.theme.error,
            &mut view.layouts,
            &app.options,
        );
    }
}

fn draw_sources(buf: &mut Buffer, main: Rect, app: &App, picker: &Picker) {
    let area = centered(main, 60, 80);
    let inner = frame(buf, area, " sources: Space picks, Enter applies ", app);
    let mut view = app.view.borrow_mut();
    let height = usize::from(inner.height);
    let mut cursor = picker.cursor;
    cursor.follow(height);
    for (row, (k, item)) in picker
        .items
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let line = Rect::new(inner.x, y, inner.width, 1);
        let style = if k == picker.cursor.selected {
            app.theme.selected
        } else {
            Style::new()
        };
        clear(buf, line, style);
        let mark = if item.checked { "[x]" } else { "[ ]" };
        draw_plain(
            buf,
            Rect {
                width: 4.min(line.width),
                ..line
            },
            mark,
            style,
            &mut view.layouts,
            &app.options,
        );
        let count = format!("{:>5}", item.count);
        let name_area = Rect::new(line.x + 4, y, line.width.saturating_sub(11), 1);
        draw_line(
            buf,
            name_area,
            &item.name,
            style,
            &Styles::default(),
            &mut view.layouts,
            &app.options,
            Direction::Rtl,
        );
        if line.width > 11 {
            let count_area = Rect::new(line.right() - 6, y, 6, 1);
            draw_plain(
                buf,
                count_area,
                &count,
                style.patch(app.theme.dim),
                &mut view.layouts,
                &app.options,
            );
        }
    }
}
