//! The tag journal: tags kept safe on disk as an append-only JSON Lines file, one [`Event`]
//! per line (`{"op":"add",…}`, `{"op":"change",…}`, `{"op":"remove",…}`). The file format is
//! in `event`, replaying lines into tags in `replay`; this file owns the file itself: locks,
//! appends, fsync and compaction. Where the file lives is the caller's choice
//! ([`default_path`] is the usual one).
//!
//! Durability: an event is written as one line with a single `write_all` to a file opened
//! with `O_APPEND`, then `fsync`ed; only when [`Journal::append`] returns is the tag saved.
//! A crash can leave at most a torn last line: loading skips it with a warning and leaves it
//! in the file, the next append starts on a fresh line, and compaction copies it to
//! `tags.jsonl.torn-<time>` beside the journal before replacing the file.
//!
//! Concurrency: writers (append, compaction) hold an exclusive advisory lock on the sibling
//! file `tags.jsonl.lock`, readers a shared one, so two khabar processes can tag at once and
//! lose nothing. The lock is on a separate file because compaction renames a new journal over
//! the old one. Advisory locks (`flock`) are only as good as the filesystem: on NFS or SMB
//! they may be ignored or emulated, and fsync may not reach the server's disk.
//!
//! Sharing with git: `tags.jsonl merge=union` in a `.gitattributes` merges two people's
//! journals without conflicts. A union merge interleaves the two files' lines in any order,
//! so replay applies events in file order but tolerates the results: the same add twice is
//! kept once; a change or remove whose add comes later is held and applied when the add
//! arrives; changes to one tag are resolved by time, field by field (the latest label and the
//! latest note win); a remove is final (an
//! add of a removed id is ignored). Compaction drops removes, so a journal merged with an old
//! copy made before a compaction can bring removed tags back.

mod event;
mod replay;
#[cfg(test)]
mod tests;

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;

pub use event::Event;
pub use replay::Loaded;

use crate::core::tags::{Tag, TagId};

/// Where tags are kept unless the config says otherwise: `tags.jsonl` in the XDG data dir.
pub fn default_path() -> Option<PathBuf> {
    Some(
        directories::ProjectDirs::from("", "", "khabar")?
            .data_dir()
            .join("tags.jsonl"),
    )
}

/// What went wrong with the journal.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. "append to".
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("cannot write tag event for '{id}' as JSON: {source}")]
    Encode {
        id: TagId,
        source: serde_json::Error,
    },
    #[error("no tag with id '{id}' in {}; list the tags to see their ids", path.display())]
    UnknownTag { id: TagId, path: PathBuf },
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> JournalError + use<> {
    let path = path.to_path_buf();
    move |source| JournalError::Io {
        action,
        path,
        source,
    }
}

/// Where an append went: the journal's length before and after it. A reader that had read
/// exactly `start` bytes can apply its own event instead of reading the journal again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub start: u64,
    pub end: u64,
}

/// What [`Journal::compact`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compacted {
    /// Live tags written to the new journal.
    pub tags: usize,
    /// Removals kept as tombstones (one short line each).
    pub removals: usize,
    /// Lines with an op this version does not know, kept verbatim.
    pub unknown_kept: usize,
    /// Where unreadable lines (a torn tail, a bad line) were copied, if there were any.
    pub set_aside: Option<PathBuf>,
}

/// The tag journal at one path.
#[derive(Debug, Clone)]
pub struct Journal {
    path: PathBuf,
    lock_path: PathBuf,
}

impl Journal {
    /// The journal at `path`. Nothing is created until the first write: reading a journal
    /// that does not exist yet leaves no folder, lock file or journal behind.
    pub fn open(path: impl Into<PathBuf>) -> Result<Journal, JournalError> {
        let path = path.into();
        let mut lock_name = path.file_name().unwrap_or_default().to_os_string();
        lock_name.push(".lock");
        let lock_path = path.with_file_name(lock_name);
        Ok(Journal { path, lock_path })
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current tags, replayed from the file under a shared lock. Unreadable lines are
    /// skipped with a warning, never fatal, and never removed from the file.
    pub fn load(&self) -> Result<Loaded, JournalError> {
        // Nothing written yet (a writer that creates it meanwhile is seen at the next load).
        if !self.path.exists() {
            return Ok(Loaded::default());
        }
        let lock = self.lock_file()?;
        lock.lock_shared()
            .map_err(io_err("take a shared lock on", &self.lock_path))?;
        let bytes = self.read()?;
        let mut loaded = replay::replay(&bytes, &self.path).loaded;
        loaded.len = bytes.len() as u64;
        Ok(loaded)
    }

    /// Writes `event` as one line and fsyncs it; the event is saved once this returns, and
    /// the answer says where in the file it went.
    pub fn append(&self, event: &Event) -> Result<Appended, JournalError> {
        let _lock = self.lock_exclusive()?;
        self.append_locked(event)
    }

    /// Saves a new tag.
    pub fn add(&self, tag: Tag) -> Result<Appended, JournalError> {
        self.append(&Event::Add {
            time: Utc::now(),
            tag: Box::new(tag),
        })
    }

    /// Changes a tag's label and/or note (`Some(None)` clears the note).
    pub fn change(
        &self,
        id: &TagId,
        label: Option<String>,
        note: Option<Option<String>>,
    ) -> Result<Appended, JournalError> {
        self.append_if_live(Event::Change {
            time: Utc::now(),
            id: id.clone(),
            label,
            note,
        })
    }

    /// Removes a tag.
    pub fn remove(&self, id: &TagId) -> Result<Appended, JournalError> {
        self.append_if_live(Event::Remove {
            time: Utc::now(),
            id: id.clone(),
        })
    }

    /// Rewrites the journal as one add per live tag (its label and note as they are now)
    /// and one remove per removed tag (a tombstone): replay, write a temp file in the same
    /// folder, fsync it, rename it over the journal, fsync the folder. Unreadable lines are
    /// first copied to `<journal>.torn-<time>` so that nothing is lost.
    pub fn compact(&self) -> Result<Compacted, JournalError> {
        let _lock = self.lock_exclusive()?;
        let replayed = replay::replay(&self.read()?, &self.path);
        let set_aside = if replayed.bad.is_empty() {
            None
        } else {
            let stamp = Utc::now().format("%Y%m%dT%H%M%S%.9fZ");
            let aside = self.sibling(&format!(".torn-{stamp}"));
            write_synced(
                &aside,
                &replayed.bad.join(&b'\n'),
                "set aside torn lines in",
            )?;
            Some(aside)
        };
        let mut buf = Vec::new();
        for tag in &replayed.loaded.tags {
            let event = Event::Add {
                time: tag.created,
                tag: Box::new(tag.clone()),
            };
            buf.extend(encode(&event)?);
        }
        // Tombstones: merged with an older copy that still adds a removed tag, the
        // compacted journal keeps it removed.
        for (id, time) in &replayed.removed {
            buf.extend(encode(&Event::Remove {
                time: *time,
                id: id.clone(),
            })?);
        }
        for line in &replayed.unknown {
            buf.extend_from_slice(line);
            buf.push(b'\n');
        }
        let temp = self.sibling(&format!(".tmp-{}", std::process::id()));
        write_synced(&temp, &buf, "write the compacted journal to")?;
        std::fs::rename(&temp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            io_err("replace the journal with its compacted copy", &self.path)(e)
        })?;
        self.sync_folder()?;
        Ok(Compacted {
            tags: replayed.loaded.tags.len(),
            removals: replayed.removed.len(),
            unknown_kept: replayed.unknown.len(),
            set_aside,
        })
    }

    fn append_if_live(&self, event: Event) -> Result<Appended, JournalError> {
        let _lock = self.lock_exclusive()?;
        let loaded = replay::replay(&self.read()?, &self.path).loaded;
        if !loaded.tags.iter().any(|t| &t.id == event.id()) {
            return Err(JournalError::UnknownTag {
                id: event.id().clone(),
                path: self.path.clone(),
            });
        }
        self.append_locked(&event)
    }

    /// Appends under the exclusive lock the caller holds.
    fn append_locked(&self, event: &Event) -> Result<Appended, JournalError> {
        let err = || io_err("append to", &self.path);
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(err())?;
        let mut buf = Vec::new();
        // Nobody else appends while the lock is held: the line goes at the end as it is now.
        let start = file.metadata().map_err(err())?.len();
        // A torn last line from a crash must not swallow the new event.
        if start > 0 {
            let mut last = [0u8];
            file.seek(SeekFrom::End(-1)).map_err(err())?;
            file.read_exact(&mut last).map_err(err())?;
            if last[0] != b'\n' {
                buf.push(b'\n');
            }
        }
        buf.extend(encode(event)?);
        file.write_all(&buf).map_err(err())?;
        file.sync_all().map_err(io_err("fsync", &self.path))?;
        Ok(Appended {
            start,
            end: start + buf.len() as u64,
        })
    }

    fn read(&self) -> Result<Vec<u8>, JournalError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(io_err("read", &self.path)(e)),
        }
    }

    fn lock_file(&self) -> Result<File, JournalError> {
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&self.lock_path)
            .map_err(io_err("open the lock file", &self.lock_path))
    }

    /// The lock file, exclusively locked until dropped; the journal's folder is made first
    /// if missing (writers come here before anything else).
    fn lock_exclusive(&self) -> Result<File, JournalError> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io_err("create the folder for", &self.path))?;
        }
        let lock = self.lock_file()?;
        lock.lock()
            .map_err(io_err("take an exclusive lock on", &self.lock_path))?;
        Ok(lock)
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(suffix);
        self.path.with_file_name(name)
    }

    /// Makes the rename durable (on Unix a folder is fsynced like a file).
    fn sync_folder(&self) -> Result<(), JournalError> {
        #[cfg(unix)]
        {
            let dir = match self.path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(io_err("fsync the folder of", &self.path))?;
        }
        Ok(())
    }
}

/// One event as one line, newline included.
fn encode(event: &Event) -> Result<Vec<u8>, JournalError> {
    let mut line = serde_json::to_vec(event).map_err(|source| JournalError::Encode {
        id: event.id().clone(),
        source,
    })?;
    line.push(b'\n');
    Ok(line)
}

fn write_synced(path: &Path, bytes: &[u8], action: &'static str) -> Result<(), JournalError> {
    let mut file = File::create(path).map_err(io_err(action, path))?;
    file.write_all(bytes).map_err(io_err(action, path))?;
    file.sync_all().map_err(io_err(action, path))
}
