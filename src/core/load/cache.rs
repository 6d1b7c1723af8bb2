//! The article cache: what the loader found in each file, kept between runs so that opening
//! a library whose files have not changed costs a `stat` per file instead of a parse. It is
//! an index: titles, sources, dates and counts, not bodies (`Article::paragraphs` is not
//! serialized), so it stays small and quick to read; a body is read from its file when one
//! is shown (`load_body`). An
//! entry is used only when the file's size and modification time, the folder's outlet
//! (`.khabar.toml`) and the khabar binary itself are all the same as when it was written;
//! anything else, or a cache that cannot be read, means the file is read afresh. The cache
//! is rebuilt by writing a new file and renaming it over the old one, so a crash or a second
//! khabar never leaves half a cache. It holds nothing the user made: deleting it is safe.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::core::article::Article;

/// Bumped when the entry layout changes.
const FORMAT: u32 = 1;

/// When a file was last seen: its size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified_ns: u128,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            modified_ns: modified.as_nanos(),
        })
    }
}

#[derive(Deserialize)]
struct Stored {
    build: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct StoredRef<'a> {
    build: &'a str,
    entries: Vec<EntryRef<'a>>,
}

#[derive(Deserialize)]
struct Entry {
    path: PathBuf,
    stamp: Stamp,
    folder_source: Option<String>,
    articles: Vec<Article>,
}

/// The same layout as [`Entry`], borrowing what it writes.
#[derive(Serialize)]
struct EntryRef<'a> {
    path: PathBuf,
    stamp: Stamp,
    folder_source: Option<&'a str>,
    articles: Vec<&'a Article>,
}

/// A cache file and the entries read from it.
pub struct Cache {
    file: PathBuf,
    build: String,
    entries: FxHashMap<PathBuf, Entry>,
    /// Whether the file on disk no longer matches what this run found.
    changed: bool,
}

/// One file as this run saw it, for [`Cache::save`].
pub struct Seen<'a> {
    pub path: &'a Path,
    pub stamp: Stamp,
    pub folder_source: Option<&'a str>,
}

impl Cache {
    /// Opens the cache in `file`. A missing, unreadable or outdated cache is an empty one.
    pub fn open(file: PathBuf) -> Cache {
        let build = build_id();
        let entries = std::fs::read(&file)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Stored>(&bytes).ok())
            .filter(|stored| stored.build == build)
            .map(|stored| {
                stored
                    .entries
                    .into_iter()
                    .map(|e| (e.path.clone(), e))
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            file,
            build,
            entries,
            changed: false,
        }
    }

    /// The articles of `path` when it has not changed since they were cached; they leave the
    /// cache (the caller owns them now and hands them back to [`Cache::save`]).
    pub fn take(
        &mut self,
        path: &Path,
        stamp: Stamp,
        folder_source: Option<&str>,
    ) -> Option<Vec<Article>> {
        let key = key(path);
        let entry = self.entries.get(&key)?;
        if entry.stamp != stamp || entry.folder_source.as_deref() != folder_source {
            self.entries.remove(&key);
            self.changed = true;
            return None;
        }
        // The path as given this time: the same file may be named from another folder.
        let mut articles = self.entries.remove(&key)?.articles;
        for a in &mut articles {
            a.path = path.to_path_buf();
        }
        Some(articles)
    }

    /// Records that a file was read afresh.
    pub fn mark_changed(&mut self) {
        self.changed = true;
    }

    /// Forgets files under `roots` that this run did not see (deleted or moved away).
    pub fn forget_missing_under(&mut self, roots: &[PathBuf], seen: &[Seen<'_>]) {
        let seen: rustc_hash::FxHashSet<PathBuf> = seen.iter().map(|s| key(s.path)).collect();
        let roots: Vec<PathBuf> = roots.iter().map(|r| key(r)).collect();
        let before = self.entries.len();
        self.entries
            .retain(|path, _| seen.contains(path) || !roots.iter().any(|r| path.starts_with(r)));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache when this run changed it: the entries of other libraries kept, plus
    /// every file of this run (`articles` grouped by their path).
    pub fn save(self, seen: &[Seen<'_>], articles: &[Article]) -> std::io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        let mut by_path: FxHashMap<&Path, Vec<&Article>> = FxHashMap::default();
        for a in articles {
            by_path.entry(a.path.as_path()).or_default().push(a);
        }
        let mut entries: Vec<EntryRef<'_>> = self
            .entries
            .values()
            .map(|e| EntryRef {
                path: e.path.clone(),
                stamp: e.stamp,
                folder_source: e.folder_source.as_deref(),
                articles: e.articles.iter().collect(),
            })
            .collect();
        for s in seen {
            if let Some(list) = by_path.remove(s.path) {
                entries.push(EntryRef {
                    path: key(s.path),
                    stamp: s.stamp,
                    folder_source: s.folder_source,
                    articles: list,
                });
            }
        }
        let bytes = postcard::to_allocvec(&StoredRef {
            build: &self.build,
            entries,
        })
        .map_err(std::io::Error::other)?;
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = dir.join(format!(".articles.{}.tmp", std::process::id()));
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, &self.file).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    }
}

/// The cache's name for a file: its absolute path with `.` and `..` resolved by name, so that
/// the same relative path listed from two folders is two files and one file named two ways is
/// one. (By name, not through symlinks: resolving those would cost a call per file, and a
/// wrong match would still need the same size and modification time to the nanosecond.)
fn key(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// What must match for a cached entry to stand: the cache format and the binary that wrote it
/// (any rebuild may read pages differently).
fn build_id() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .and_then(|m| Stamp::of(&m));
    format!(
        "{FORMAT} {} {}",
        env!("CARGO_PKG_VERSION"),
        exe.map(|s| format!("{}:{}", s.size, s.modified_ns))
            .unwrap_or_default()
    )
}
