//! The label form `t` opens: the quote being tagged, a label field that filters the labels
//! in use and the defaults as you type (↑/↓ choose, Enter takes the one chosen, or the word
//! typed as a new label), then an optional note. Enter on the note saves; Esc gives up at any
//! point and writes nothing.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::Direction;
use crate::core::bidi::{BaseDirection, LayoutCache, Styles, paragraph_direction};
use crate::core::tags::{TagId, Target, check_label};

use super::app::{App, Cursor};
use super::line_edit::{Edit, LineEdit};
use super::overlay::{Overlay, centered, frame};
use super::text::{clear, draw_field, draw_line, draw_line_in, draw_plain, draw_row};

/// What the form saves to.
#[derive(Debug, Clone, PartialEq)]
pub enum FormTarget {
    New(Box<Target>),
    Edit(TagId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Label,
    Note,
}

/// A label the form offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Known(String),
    /// The word typed, not a label yet.
    New(String),
}

impl Choice {
    pub fn label(&self) -> &str {
        match self {
            Choice::Known(l) | Choice::New(l) => l,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TagForm {
    pub target: FormTarget,
    pub quote: String,
    pub step: Step,
    /// The label field: what filters the labels.
    pub input: LineEdit,
    pub label: String,
    pub note: LineEdit,
    /// Labels in use (most used first), then the defaults.
    pub labels: Vec<String>,
    pub cursor: Cursor,
    pub error: Option<String>,
}

impl TagForm {
    /// A form for `target`; editing a tag starts from its label and note.
    pub fn new(
        target: FormTarget,
        quote: String,
        labels: Vec<String>,
        label: Option<String>,
        note: Option<String>,
    ) -> TagForm {
        let mut form = TagForm {
            target,
            quote,
            step: Step::Label,
            input: LineEdit::default(),
            label: String::new(),
            note: LineEdit::new(note.unwrap_or_default()),
            labels,
            cursor: Cursor::default(),
            error: None,
        };
        if let Some(l) = label {
            form.cursor.selected = form.labels.iter().position(|x| *x == l).unwrap_or(0);
        }
        form
    }

    /// The labels the field lets through: those containing what is typed (any case),
    /// those starting with it first; and the word typed when it is no label yet.
    pub fn choices(&self) -> Vec<Choice> {
        let typed = self.input.text().trim().to_lowercase();
        if typed.is_empty() {
            return self.labels.iter().cloned().map(Choice::Known).collect();
        }
        let mut hits: Vec<(bool, &String)> = self
            .labels
            .iter()
            .filter_map(|l| {
                let low = l.to_lowercase();
                low.contains(&typed).then(|| (!low.starts_with(&typed), l))
            })
            .collect();
        hits.sort_by_key(|(later, _)| *later);
        let mut out: Vec<Choice> = hits
            .into_iter()
            .map(|(_, l)| Choice::Known(l.clone()))
            .collect();
        if !self.labels.iter().any(|l| l.to_lowercase() == typed) {
            out.push(Choice::New(self.input.text().trim().to_string()));
        }
        out
    }

    fn field(&mut self) -> &mut LineEdit {
        match self.step {
            Step::Label => &mut self.input,
            Step::Note => &mut self.note,
        }
    }

    /// Text pasted or typed into the field in use (control characters dropped, line breaks
    /// made spaces).
    pub fn type_text(&mut self, text: &str) {
        if self.field().insert(text) == Edit::Changed {
            self.typed();
        }
    }

    fn typed(&mut self) {
        self.error = None;
        if self.step == Step::Label {
            self.cursor = Cursor::default();
        }
    }
}

/// A key while the form is open.
pub fn key(app: &mut App, key: KeyEvent) {
    let height = usize::from(
        app.view
            .borrow()
            .rects
            .overlay_inner
            .height
            .saturating_sub(4),
    );
    let Some(Overlay::TagForm(form)) = &mut app.overlay else {
        return;
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => {
            app.overlay = None;
            app.say("not tagged");
        }
        KeyCode::Char('c') if ctrl => {
            app.overlay = None;
            app.say("not tagged");
        }
        KeyCode::Enter => enter(app),
        KeyCode::Up | KeyCode::BackTab => step(form, -1, height),
        KeyCode::Char('p') if ctrl => step(form, -1, height),
        KeyCode::Down | KeyCode::Tab => step(form, 1, height),
        KeyCode::Char('n') if ctrl => step(form, 1, height),
        _ => {
            let field = form.field();
            let rtl = field.direction() == BaseDirection::Rtl;
            if field.key(key, rtl) == Edit::Changed {
                form.typed();
            }
        }
    }
}

fn step(form: &mut TagForm, delta: isize, height: usize) {
    if form.step == Step::Label {
        let len = form.choices().len();
        form.cursor.step(delta, len, height.max(1));
    }
}

fn enter(app: &mut App) {
    let Some(Overlay::TagForm(form)) = &mut app.overlay else {
        return;
    };
    match form.step {
        Step::Label => {
            let choices = form.choices();
            let Some(choice) = choices.get(form.cursor.selected) else {
                form.error = Some("type a label".into());
                return;
            };
            match check_label(choice.label()) {
                Ok(label) => {
                    form.label = label;
                    form.step = Step::Note;
                }
                Err(e) => form.error = Some(e),
            }
        }
        Step::Note => {
            let note = crate::core::text::squash_spaces(form.note.text().trim());
            let note = (!note.is_empty()).then_some(note);
            let (target, label) = (form.target.clone(), form.label.clone());
            app.overlay = None;
            app.save_form(target, label, note);
        }
    }
}

pub fn draw(buf: &mut Buffer, main: Rect, app: &App, form: &TagForm) {
    let area = centered(main, 70, 70);
    let title = match form.target {
        FormTarget::New(_) => " tag ",
        FormTarget::Edit(_) => " change the tag ",
    };
    let inner = frame(buf, area, title, app);
    if inner.height == 0 {
        return;
    }
    let mut view = app.view.borrow_mut();
    let row = |k: u16| Rect::new(inner.x, inner.y + k, inner.width, 1);
    let shown = draw_quote(buf, inner, app, &mut view.layouts, &form.quote);
    let top = shown + 1;
    let line = |buf: &mut Buffer, cache: &mut LayoutCache, k: u16, text: &str, style: Style| {
        if k < inner.height {
            draw_line(
                buf,
                row(k),
                text,
                style,
                &Styles::default(),
                cache,
                &app.options,
                Direction::Ltr,
            );
        }
    };
    match form.step {
        Step::Label => {
            if top < inner.height {
                draw_field(
                    buf,
                    row(top),
                    ("label: ", app.theme.accent),
                    &form.input,
                    true,
                    None,
                    app.theme.accent,
                    &mut view.layouts,
                    &app.options,
                );
            }
            let height = inner.height.saturating_sub(top + 2);
            let mut cursor = form.cursor;
            cursor.follow(usize::from(height));
            for (k, (i, choice)) in form
                .choices()
                .iter()
                .enumerate()
                .skip(cursor.offset)
                .take(usize::from(height))
                .enumerate()
            {
                let style = if i == form.cursor.selected {
                    app.theme.selected
                } else {
                    app.theme.tag(choice.label())
                };
                let k = top + 1 + u16::try_from(k).unwrap_or(0);
                if k < inner.height {
                    clear(buf, row(k), style);
                }
                let text = match choice {
                    Choice::Known(l) => format!("  {l}"),
                    Choice::New(l) => format!("+ new label: {l}"),
                };
                line(buf, &mut view.layouts, k, &text, style);
            }
        }
        Step::Note => {
            line(
                buf,
                &mut view.layouts,
                top,
                &format!("label: {}", form.label),
                app.theme.tag(&form.label),
            );
            if top + 1 < inner.height {
                draw_field(
                    buf,
                    row(top + 1),
                    ("note (optional): ", app.theme.accent),
                    &form.note,
                    true,
                    None,
                    app.theme.accent,
                    &mut view.layouts,
                    &app.options,
                );
            }
        }
    }
    let bottom = inner.height - 1;
    if bottom > top + 1 {
        let (text, style) = match (&form.error, form.step) {
            (Some(e), _) => (e.as_str(), app.theme.error),
            (None, Step::Label) => (
                "type to filter · ↑↓ choose · Enter next · Esc cancel",
                app.theme.dim,
            ),
            (None, Step::Note) => ("Enter saves · Esc cancels", app.theme.dim),
        };
        draw_plain(
            buf,
            row(bottom),
            text,
            style,
            &mut view.layouts,
            &app.options,
        );
    }
}

/// How many rows of the form the quote may take.
const QUOTE_ROWS: usize = 3;

/// Draws the quote being tagged, wrapped by the bidi engine over up to [`QUOTE_ROWS`] rows
/// (the last cut with «…» when it goes on); returns the rows taken.
fn draw_quote(
    buf: &mut Buffer,
    inner: Rect,
    app: &App,
    layouts: &mut LayoutCache,
    quote: &str,
) -> u16 {
    let quote = format!("«{quote}»");
    let base: BaseDirection = paragraph_direction(&quote, Direction::Rtl).into();
    let width = usize::from(inner.width);
    let laid = layouts.get(&quote, base, width, &app.options);
    let rows = laid.len().min(QUOTE_ROWS).min(usize::from(inner.height));
    let style = app.theme.dim;
    for k in 0..rows {
        let Some(r) = laid.row(k) else { break };
        let y = inner.y + u16::try_from(k).unwrap_or(0);
        if k + 1 == QUOTE_ROWS && laid.len() > QUOTE_ROWS {
            let rest = quote[r.source().start..].to_string();
            let area = Rect::new(inner.x, y, inner.width, 1);
            draw_line_in(
                buf,
                area,
                &rest,
                style,
                &Styles::default(),
                layouts,
                &app.options,
                base,
            );
            break;
        }
        draw_row(buf, inner.x, y, inner.width, r, &Styles::default(), style);
    }
    u16::try_from(rows).unwrap_or(0)
}
