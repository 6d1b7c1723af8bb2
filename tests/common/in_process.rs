//! The reader run in the test's own process: its update loop driven with synthesized keys,
//! clicks and resizes, background jobs run at once, and each frame drawn into ratatui's
//! `TestBackend`. The tag journal lives in a temporary folder, never the user's.
#![allow(dead_code)]

use std::sync::mpsc;

use khabar::config::Config;
use khabar::core::load::demo::load_demo;
use khabar::tui::{App, Msg, app_for, draw, run_job, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::Modifier;

pub struct Reader {
    pub app: App,
    pub term: Terminal<TestBackend>,
    /// Holds the tag journal, so that no test reads or writes the user's.
    pub data: tempfile::TempDir,
}

/// A config whose tag journal is inside `dir`.
pub fn config_in(dir: &tempfile::TempDir, mut config: Config) -> Config {
    config
        .tags
        .file
        .get_or_insert_with(|| dir.path().join("tags.jsonl"));
    config
}

impl Reader {
    pub fn new(width: u16, height: u16) -> Reader {
        Reader::with_config(width, height, Config::default())
    }

    pub fn with_config(width: u16, height: u16, config: Config) -> Reader {
        let data = tempfile::tempdir().unwrap();
        let mut app = app_for(&config_in(&data, config), true).unwrap();
        update(&mut app, Msg::Loaded(load_demo()));
        let mut r = Reader {
            app,
            term: Terminal::new(TestBackend::new(width, height)).unwrap(),
            data,
        };
        r.settle();
        r
    }

    /// Runs pending background jobs here and draws.
    pub fn settle(&mut self) {
        loop {
            let jobs: Vec<_> = self.app.jobs.drain(..).collect();
            if jobs.is_empty() {
                break;
            }
            let (tx, rx) = mpsc::channel();
            for job in jobs {
                run_job(job, &tx);
            }
            drop(tx);
            for msg in rx {
                update(&mut self.app, msg);
            }
        }
        self.term.draw(|f| draw(f, &self.app)).unwrap();
    }

    pub fn key(&mut self, code: KeyCode, mods: KeyModifiers) -> &mut Self {
        update(&mut self.app, Msg::Key(KeyEvent::new(code, mods)));
        self.settle();
        self
    }

    /// Presses keys: each character a key, `<Name>` a named key (`<Enter>`, `<Esc>`,
    /// `<Tab>`, `<Down>`, `<C-d>`).
    pub fn keys(&mut self, keys: &str) -> &mut Self {
        let mut rest = keys;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some(end) = rest.find('>')
                && end > 1
            {
                let name = &rest[1..end];
                rest = &rest[end + 1..];
                let (code, mods) = match name {
                    "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                    "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                    "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                    "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                    "Down" => (KeyCode::Down, KeyModifiers::NONE),
                    "Up" => (KeyCode::Up, KeyModifiers::NONE),
                    "PageDown" => (KeyCode::PageDown, KeyModifiers::NONE),
                    "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                    "Del" => (KeyCode::Delete, KeyModifiers::NONE),
                    "Left" => (KeyCode::Left, KeyModifiers::NONE),
                    "Right" => (KeyCode::Right, KeyModifiers::NONE),
                    "Home" => (KeyCode::Home, KeyModifiers::NONE),
                    "End" => (KeyCode::End, KeyModifiers::NONE),
                    alt if alt.starts_with("M-") => (
                        KeyCode::Char(alt.chars().nth(2).unwrap()),
                        KeyModifiers::ALT,
                    ),
                    "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                    ctrl if ctrl.starts_with("C-") => (
                        KeyCode::Char(ctrl.chars().nth(2).unwrap()),
                        KeyModifiers::CONTROL,
                    ),
                    other => panic!("unknown key <{other}>"),
                };
                self.key(code, mods);
            } else {
                rest = &rest[c.len_utf8()..];
                self.key(KeyCode::Char(c), KeyModifiers::NONE);
            }
        }
        self
    }

    pub fn resize(&mut self, width: u16, height: u16) -> &mut Self {
        self.term.backend_mut().resize(width, height);
        self.term
            .resize(ratatui::layout::Rect::new(0, 0, width, height))
            .unwrap();
        update(&mut self.app, Msg::Resize);
        self.settle();
        self
    }

    /// The mouse wheel turned one notch down over `(column, row)`.
    pub fn wheel_down(&mut self, column: u16, row: u16) -> &mut Self {
        update(
            &mut self.app,
            Msg::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }),
        );
        self.settle();
        self
    }

    pub fn click(&mut self, column: u16, row: u16) -> &mut Self {
        update(
            &mut self.app,
            Msg::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }),
        );
        self.settle();
        self
    }

    /// The screen as text, one line per row, trailing blanks dropped.
    pub fn screen(&self) -> String {
        let buf = self.term.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            for x in 0..buf.area.width {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    pub fn status(&self) -> String {
        self.screen().lines().last().unwrap_or_default().to_string()
    }

    /// Glyphs of cells drawn with `modifier`, row by row.
    pub fn marked(&self, modifier: Modifier) -> Vec<String> {
        let buf = self.term.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .filter(|&x| buf[(x, y)].modifier.contains(modifier))
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .filter(|s| !s.trim().is_empty())
            .collect()
    }
}
