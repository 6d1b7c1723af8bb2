//! Running the `khabar` binary in tests, with its config and cache in a temporary folder so
//! the user's own settings never leak in; the demo articles' ids, and the demo articles
//! written out as files. Each test crate uses a part of it.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// `khabar`, reading `config_dir/config.toml` and caching under `config_dir/cache`.
pub fn khabar(config_dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("khabar").unwrap_or_else(|e| panic!("{e}"));
    cmd.env("KHABAR_CONFIG", config_dir.join("config.toml"));
    cmd.env("XDG_CACHE_HOME", config_dir.join("cache"));
    // Tags and logs go to the temporary folder too, never to the user's.
    cmd.env("XDG_DATA_HOME", config_dir.join("data"));
    cmd.env("XDG_STATE_HOME", config_dir.join("state"));
    cmd
}

/// The demo articles' ids, newest first.
pub const LEBANON: &str = "81acf2f9f106"; // ليبانون تابلويد, 2022-09-14
pub const HAYA: &str = "3ae0599308db"; // credit «وكالات - هيا», 2020-10-09; «الرئيس الروسي»
pub const WASAT: &str = "997658687493"; // بوابة الوسط, 2020-10-08; «3754 عسكرياً»
pub const ANSAR: &str = "12e98b5df22c"; // موقع أنصار الله, credit «وكالات», 2020-10-01
pub const RUSSIA: &str = "c6b69dc4d100"; // مجموعة الرؤية الاستراتيجية, credit نوفوستي, 2020-09-27

/// Writes the demo articles into `dir` as files.
pub fn demo_folder(dir: &Path) {
    for (name, text) in khabar::core::load::demo::FILES {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
}
