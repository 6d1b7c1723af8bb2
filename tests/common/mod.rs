//! Running the `khabar` binary in tests, with its config and cache in a temporary folder so
//! the user's own settings never leak in.

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
