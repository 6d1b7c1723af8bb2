//! The calibration screen (`B`): one sample sentence drawn in each way khabar can send
//! right-to-left text — ordered and joined by khabar, ordered by khabar for a terminal that
//! joins letters itself, in logical order for a terminal that reorders rows, and with no
//! bidi at all — so that a user picks by eye the one their terminal shows right. There is no
//! query that tells which terminal does what (`../shared/notes/bidi.md`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::core::article::Direction;
use crate::core::bidi::{BidiMode, LayoutOptions, Styles};

use super::app::App;
use super::overlay::centered;
use super::text::{clear, draw_line, draw_plain};

/// A sentence with digits, Latin letters, brackets and a slash: the cases terminals get wrong.
pub const SAMPLE: &str =
    "وأشارت إلى تدمير 228 مدفع وأنظمة صواريخ، و30 منظومة دفاع جوي (S-300) في 27 سبتمبر/أيلول.";

/// The choices, in the order shown: mode, shaping, and what it is for.
pub const CHOICES: [(BidiMode, bool, &str); 4] = [
    (
        BidiMode::App,
        true,
        "app, joined: most terminals (xterm, kitty, Alacritty, foot)",
    ),
    (
        BidiMode::App,
        false,
        "app, unjoined: terminals that join letters (GNOME Terminal)",
    ),
    (
        BidiMode::Terminal,
        false,
        "terminal: terminals that reorder (Konsole, mlterm)",
    ),
    (BidiMode::Off, false, "off: no bidi at all"),
];

/// The options of choice `k` on top of the current ones.
pub fn options_of(current: &LayoutOptions, k: usize) -> LayoutOptions {
    let (mode, shape, _) = CHOICES[k.min(CHOICES.len() - 1)];
    LayoutOptions {
        mode,
        shape,
        ..*current
    }
}

/// The choice the options in force make (shaping matters only in `app` mode).
pub fn choice_of(options: &LayoutOptions) -> usize {
    CHOICES
        .iter()
        .position(|&(mode, shape, _)| {
            mode == options.mode && (mode != BidiMode::App || shape == options.shape)
        })
        .unwrap_or(0)
}

pub fn draw(buf: &mut Buffer, main: Rect, app: &App, selected: usize) {
    let area = centered(main, 90, 90);
    let inner = super::overlay::frame(
        buf,
        area,
        " which line reads right? 1-4 or Enter picks, Esc keeps ",
        app,
    );
    let mut view = app.view.borrow_mut();
    let mut y = inner.y;
    for (k, (_, _, label)) in CHOICES.iter().enumerate() {
        if y + 2 > inner.bottom() {
            break;
        }
        let style = if k == selected {
            app.theme.selected
        } else {
            Style::new()
        };
        let head = Rect::new(inner.x, y, inner.width, 1);
        clear(buf, head, style);
        draw_plain(
            buf,
            head,
            &format!("{}. {label}", k + 1),
            style,
            &mut view.layouts,
            &app.options,
        );
        let line = Rect::new(inner.x + 2, y + 1, inner.width.saturating_sub(2), 1);
        let options = options_of(&app.options, k);
        draw_line(
            buf,
            line,
            SAMPLE,
            Style::new(),
            &Styles::default(),
            &mut view.layouts,
            &options,
            Direction::Rtl,
        );
        y += 3;
    }
}
