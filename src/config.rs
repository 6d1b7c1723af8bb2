//! The user's configuration: `config.toml` in the XDG config folder (or the file named by
//! `--config` / `KHABAR_CONFIG`), with defaults in code that match `assets/config.toml`.
//! khabar only ever reads this file; it never writes or rewrites it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::core::bidi::BidiMode;

/// The default configuration file, printed by `--print-config`.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Environment variable naming a config file to use instead of the XDG one.
pub const CONFIG_ENV: &str = "KHABAR_CONFIG";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub library: LibraryConfig,
    pub display: DisplayConfig,
    pub theme: ThemeConfig,
    pub tags: TagsConfig,
    /// Key bindings that replace the defaults, by action name (`down = ["j", "Down"]`). The
    /// reader checks names and keys when it starts (`tui::keymap`).
    pub keys: BTreeMap<String, KeyList>,
}

/// Who writes tags, and where they are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TagsConfig {
    /// The author written into new tags (default: the user name).
    pub author: Option<String>,
    /// The tag journal (default: `tags.jsonl` in the XDG data folder).
    pub file: Option<PathBuf>,
}

impl TagsConfig {
    /// The author of new tags: the configured one, else the user name.
    pub fn author(&self) -> String {
        self.author
            .clone()
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(crate::core::tags::default_author)
    }

    /// The tag journal: the configured file, else `tags.jsonl` in the XDG data folder (None
    /// when the system names no data folder).
    pub fn journal_path(&self) -> Option<PathBuf> {
        self.file
            .clone()
            .or_else(crate::core::tags::journal::default_path)
    }
}

/// One key or several, as written in `[keys]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    pub fn keys(&self) -> &[String] {
        match self {
            KeyList::One(k) => std::slice::from_ref(k),
            KeyList::Many(ks) => ks,
        }
    }
}

/// Colours of the reader, by role: names (`yellow`, `light-blue`), `#rrggbb` or an index
/// `0`–`255`. Ignored when `NO_COLOR` is set.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    /// Borders and title of the focused pane, the selected row's marker.
    pub accent: String,
    /// Search matches in the body and the list.
    pub matches: String,
    /// The fact selected in the sidebar, where it is in the body.
    pub fact: String,
    /// Dates and other secondary text.
    pub dim: String,
    /// Error messages in the status bar.
    pub error: String,
}

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            accent: "cyan".into(),
            matches: "yellow".into(),
            fact: "magenta".into(),
            dim: "gray".into(),
            error: "red".into(),
        }
    }
}

/// How article text is drawn.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisplayConfig {
    /// `app`, `terminal` or `off` (see `BidiMode`).
    pub bidi: BidiMode,
    /// Join Arabic letters with presentation forms in `app` mode.
    pub shape: bool,
    /// Hide harakat.
    pub strip_marks: bool,
}

impl Default for DisplayConfig {
    fn default() -> Self {
        let layout = crate::core::bidi::LayoutOptions::default();
        DisplayConfig {
            bidi: layout.mode,
            shape: layout.shape,
            strip_marks: layout.strip_marks,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LibraryConfig {
    pub folders: Vec<PathBuf>,
    pub max_file_mb: u64,
    pub cache: bool,
}

impl Default for LibraryConfig {
    fn default() -> Self {
        LibraryConfig {
            folders: Vec::new(),
            max_file_mb: crate::core::load::DEFAULT_MAX_BYTES / (1024 * 1024),
            cache: true,
        }
    }
}

impl Config {
    /// Where the config file is looked for: `explicit`, else `$KHABAR_CONFIG`, else the XDG
    /// config folder.
    pub fn path(explicit: Option<&Path>) -> Option<PathBuf> {
        if let Some(p) = explicit {
            return Some(p.to_path_buf());
        }
        if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("", "", "khabar").map(|d| d.config_dir().join("config.toml"))
    }

    /// Reads the config. A missing file gives the defaults; a file that cannot be parsed
    /// is an error naming the file and the problem (it is never replaced).
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        let Some(path) = Config::path(explicit) else {
            return Ok(Config::default());
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read the config file {}", path.display()));
            }
        };
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "the config file {} is not valid: {}fix it, or move it away to use the defaults",
                path.display(),
                e
            )
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        config.library.folders = config
            .library
            .folders
            .iter()
            .map(|f| resolve(f, base))
            .collect();
        config.tags.file = config.tags.file.as_deref().map(|f| resolve(f, base));
        Ok(config)
    }

    /// The article cache file (in the XDG cache folder), unless the cache is turned off.
    pub fn cache_file(&self) -> Option<PathBuf> {
        if !self.library.cache {
            return None;
        }
        directories::ProjectDirs::from("", "", "khabar").map(|d| d.cache_dir().join("articles.bin"))
    }

    pub fn max_bytes(&self) -> u64 {
        self.library.max_file_mb.saturating_mul(1024 * 1024)
    }
}

/// `~/x` → home/x; relative → against the config file's folder.
fn resolve(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    if path.is_relative() {
        base.join(path)
    } else {
        path.to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_is_the_defaults() {
        let parsed: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        let defaults = Config::default();
        assert_eq!(parsed.library.folders, defaults.library.folders);
        assert_eq!(parsed.library.max_file_mb, defaults.library.max_file_mb);
        assert_eq!(parsed.library.cache, defaults.library.cache);
        assert_eq!(parsed.theme, defaults.theme);
        assert_eq!(parsed.tags, defaults.tags);
        assert!(parsed.keys.is_empty());
    }

    #[test]
    fn folders_resolve_against_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(
            &file,
            "[library]\nfolders = [\"news\", \"/abs\"]\nmax_file_mb = 2\n",
        )
        .unwrap();
        let c = Config::load(Some(&file)).unwrap();
        assert_eq!(
            c.library.folders,
            vec![dir.path().join("news"), PathBuf::from("/abs")]
        );
        assert_eq!(c.max_bytes(), 2 * 1024 * 1024);
    }

    #[test]
    fn a_bad_file_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "[library]\nfolders = 3\n").unwrap();
        let err = Config::load(Some(&file)).unwrap_err().to_string();
        assert!(err.contains("config.toml"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "[library]\nfolders = 3\n"
        );
    }
}
