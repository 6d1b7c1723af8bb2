//! The log: `tracing` events go to `khabar.log` in the XDG state folder (the file named by
//! `KHABAR_LOG_FILE` instead, when set), never to the screen, which the reader owns. The
//! level comes from `KHABAR_LOG` (`error`, `warn`, `info`, `debug`, `trace`; default `info`).
//! A log that cannot be opened is not an error: khabar runs without one.

use std::fs::OpenOptions;
use std::path::PathBuf;
use std::sync::Mutex;

use tracing::Level;

/// Where the log goes.
pub fn log_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("KHABAR_LOG_FILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "khabar")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("khabar.log"))
}

/// Starts logging to the file; returns its path when it could be opened.
pub fn init() -> Option<PathBuf> {
    let path = log_path()?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    let level = std::env::var("KHABAR_LOG")
        .ok()
        .and_then(|l| l.parse::<Level>().ok())
        .unwrap_or(Level::INFO);
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_max_level(level)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(path)
}
