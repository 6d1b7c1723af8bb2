//! The reader: a full-screen, keyboard-driven view of the library in three panes — the
//! article list, the article body, the facts sidebar — with search, filters, the claims
//! comparison, tags (`tagging`, `tag_store`, `select`, `tag_form`, `tag_list`) and help. State lives in
//! `app`, changes in `update` (driven by `action`s the `keymap` finds for keys), drawing in
//! one file per pane (`list`, `body`, `facts`, `status`, `overlay`, `claims`) through `text`,
//! which sends every string through the bidi engine. `run` owns the terminal. Nothing here parses articles or lays out text itself:
//! that is `core`'s.

mod action;
mod app;
mod body;
mod calibrate;
mod claims;
mod facts;
mod keymap;
mod library;
mod line_edit;
mod list;
mod mouse;
mod overlay;
mod pickers;
mod run;
mod sections;
mod select;
mod status;
mod tag_form;
mod tag_list;
mod tag_store;
mod tagging;
mod text;
mod theme;
mod ui;
mod update;
mod view;

pub use action::Action;
pub use app::{App, Job, Pane};
pub use keymap::{Key, KeyMap};
pub use run::{Source, run_job};
pub use theme::{Theme, no_color_requested};
pub use ui::draw;
pub use update::{Msg, update};

use anyhow::{Result, anyhow};

use crate::config::Config;
use crate::core::bidi::LayoutOptions;

/// The reader's state for `config`: its keys, theme and display options. A bad `[keys]` or
/// `[theme]` entry is an error naming it.
pub fn app_for(config: &Config, no_color: bool) -> Result<App> {
    let keymap = KeyMap::with_overrides(&config.keys).map_err(|e| anyhow!("config: {e}"))?;
    let theme = Theme::new(&config.theme, no_color).map_err(|e| anyhow!("config: {e}"))?;
    let options = LayoutOptions {
        mode: config.display.bidi,
        shape: config.display.shape,
        strip_marks: config.display.strip_marks,
        ..LayoutOptions::default()
    };
    let mut app = App::new(keymap, theme, options);
    app.open_tags(config.tags.journal_path(), config.tags.author());
    Ok(app)
}

/// Opens the reader on `source` and runs it until the user quits.
pub fn open(config: &Config, source: Source) -> Result<()> {
    let app = app_for(config, no_color_requested())?;
    run::run(app, source)
}
