//! The tags the reader holds: the journal it writes to, the tags read from it (a
//! [`TagBook`]), each article's labels for the filter's `tag:`, and what `u` can undo. The
//! journal is first read off the drawing thread ([`Tags::read`], a background job), so a
//! large one does not hold back the first frame. A
//! write is appended and fsynced, then applied to the book in memory when nobody else wrote
//! since the journal was last read, else the journal is read again; a journal another
//! window changed is noticed by its length and time. What the keys do with this is
//! `tagging`; storing, anchoring and the file format are the engine's (`core::tags`).

use std::path::PathBuf;
use std::sync::Arc;

use crate::core::article::Article;
use crate::core::facts::Span;
use crate::core::tags::anchor::Anchor;
use crate::core::tags::book::paragraph_spans;
use crate::core::tags::journal::{Event, Journal};
use crate::core::tags::{Tag, TagBook, TagId};

/// A tag of the current article and where its text is now.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedTag {
    pub tag: Tag,
    /// Its text, paragraph by paragraph (code points); empty when orphaned.
    pub spans: Vec<Span>,
    /// Found again by its quote after the article changed.
    pub moved: bool,
}

impl PlacedTag {
    pub fn orphaned(&self) -> bool {
        self.spans.is_empty()
    }

    /// Whether its text overlaps `span`.
    pub fn overlaps(&self, span: Span) -> bool {
        self.spans
            .iter()
            .any(|s| s.paragraph == span.paragraph && s.start < span.end && span.start < s.end)
    }
}

/// A change the reader writes to the journal.
#[derive(Debug, Clone)]
pub(super) enum Write {
    Add(Box<Tag>),
    Change {
        id: TagId,
        label: String,
        note: Option<String>,
    },
    Remove(TagId),
}

/// What `u` undoes.
#[derive(Debug, Clone)]
pub(super) enum Undo {
    Added(Tag),
    Removed(Tag),
    Changed {
        id: TagId,
        label: String,
        note: Option<String>,
    },
}

/// A journal read on any thread, for [`Tags::take_first_read`].
#[derive(Debug)]
pub struct JournalRead {
    book: TagBook,
    len: u64,
    warnings: usize,
    stamp: Option<(u64, std::time::SystemTime)>,
}

/// The journal, its tags, each article's labels (for `tag:` in the filter), and the undo
/// history of this session.
#[derive(Debug, Default)]
pub struct Tags {
    journal: Option<Journal>,
    pub(super) book: TagBook,
    pub(super) author: String,
    /// Why there is no journal to write to.
    unavailable: Option<String>,
    /// Lower-case labels of each article, by index into `App::articles`.
    labels: Vec<Vec<String>>,
    pub(super) undo: Vec<Undo>,
    /// Unreadable journal lines the last reload skipped, not yet reported.
    pending_warnings: usize,
    /// The journal's length and time of change when last read.
    stamp: Option<(u64, std::time::SystemTime)>,
    /// Bytes of the journal the book reflects: an append starting there is the only change.
    /// `None` until the journal is first read.
    read_len: Option<u64>,
    /// The first reading is out as a background job.
    reading: bool,
}

impl Tags {
    /// The journal at `path`, for tags written by `author`, not read yet (see
    /// [`Tags::first_read`]). The second value is a message for the status bar when there is
    /// no journal (the reader still opens: reading articles does not need tags).
    pub fn open(path: Option<PathBuf>, author: String) -> (Tags, Option<String>) {
        let mut tags = Tags {
            author,
            ..Tags::default()
        };
        let Some(path) = path else {
            let why = "no data folder for the tag journal: set `file` under [tags] in the config";
            tags.unavailable = Some(why.into());
            return (tags, Some(why.into()));
        };
        match Journal::open(&path) {
            Ok(journal) => tags.journal = Some(journal),
            Err(e) => {
                tags.unavailable = Some(e.to_string());
                return (tags, Some(format!("tags are off: {e}")));
            }
        }
        (tags, None)
    }

    /// The journal to read first, off the drawing thread (once).
    pub fn first_read(&mut self) -> Option<Journal> {
        let journal = self.journal.clone()?;
        self.reading = true;
        Some(journal)
    }

    /// Reads `journal` and indexes its tags; slow for a large journal, so run as a job.
    pub fn read(journal: &Journal) -> Result<JournalRead, String> {
        let stamp = stamp(journal.path());
        let loaded = journal.load().map_err(|e| e.to_string())?;
        for w in &loaded.warnings {
            tracing::warn!("{w}");
        }
        Ok(JournalRead {
            len: loaded.len,
            warnings: loaded.warnings.len(),
            stamp,
            book: TagBook::new(loaded.tags),
        })
    }

    /// Takes the first reading, unless a write meanwhile read the journal afresh. Says
    /// whether the tags changed.
    pub(super) fn take_first_read(
        &mut self,
        read: Result<JournalRead, String>,
    ) -> Result<bool, String> {
        if !std::mem::take(&mut self.reading) {
            return Ok(false);
        }
        self.take_read(read?);
        Ok(true)
    }

    fn take_read(&mut self, read: JournalRead) {
        self.stamp = read.stamp;
        self.read_len = Some(read.len);
        self.pending_warnings = read.warnings;
        self.book = read.book;
    }

    pub fn book(&self) -> &TagBook {
        &self.book
    }

    /// Each article's labels, by index into `App::articles` (see [`Tags::index`]).
    pub fn labels(&self) -> &[Vec<String>] {
        &self.labels
    }

    /// Works out each article's labels for the filter's `tag:`.
    pub fn index(&mut self, articles: &[Arc<Article>]) {
        self.labels = if self.book.is_empty() {
            Vec::new()
        } else {
            articles.iter().map(|a| self.book.labels_of(a)).collect()
        };
    }

    /// The tags of `article`, placed in its text as it is now.
    pub fn place(&self, article: &Article) -> Vec<PlacedTag> {
        if article.body_pending() {
            return Vec::new();
        }
        self.book
            .placed(article)
            .into_iter()
            .map(|p| {
                let spans = p.anchor.position().map_or_else(Vec::new, |pos| {
                    paragraph_spans(&article.paragraphs, pos.start, pos.end)
                        .into_iter()
                        .map(|(paragraph, r)| Span {
                            paragraph,
                            start: r.start,
                            end: r.end,
                        })
                        .collect()
                });
                PlacedTag {
                    moved: matches!(p.anchor, Anchor::Moved { .. }),
                    tag: p.tag.clone(),
                    spans,
                }
            })
            .collect()
    }

    /// Whether the journal changed since it was last read: another window wrote to it.
    /// While the first reading is out, that reading will tell.
    pub fn changed_on_disk(&self) -> bool {
        !self.reading
            && self
                .journal
                .as_ref()
                .is_some_and(|j| stamp(j.path()) != self.stamp)
    }

    /// Reads the journal again (another window may have written to it).
    pub(super) fn reload(&mut self) -> Result<(), String> {
        let read = Tags::read(self.journal()?)?;
        self.reading = false;
        self.take_read(read);
        Ok(())
    }

    /// Saves `op` (appended and fsynced) and brings the book up to date: in memory when the
    /// journal had not changed since it was read (the append starts where the reading
    /// ended), else by reading it again. Changes and removes are appended without the
    /// journal's check that the tag is live (a full read): the book knows it is, and an
    /// event for a tag another window removed meanwhile is ignored when the journal is read.
    pub(super) fn write(&mut self, op: Write) -> Result<(), String> {
        let journal = self.journal()?.clone();
        let time = chrono::Utc::now();
        let event = match &op {
            Write::Add(tag) => Event::Add {
                time,
                tag: tag.clone(),
            },
            Write::Change { id, label, note } => Event::Change {
                time,
                id: id.clone(),
                label: Some(label.clone()),
                note: Some(note.clone()),
            },
            Write::Remove(id) => Event::Remove {
                time,
                id: id.clone(),
            },
        };
        let appended = journal.append(&event).map_err(|e| e.to_string())?;
        if self.read_len != Some(appended.start) {
            return self.reload();
        }
        match op {
            Write::Add(tag) => self.book.insert(*tag),
            Write::Change { id, label, note } => self.book.change(&id, label, note, time),
            Write::Remove(id) => {
                self.book.remove(&id);
            }
        }
        self.read_len = Some(appended.end);
        // Another window appending right after this write is noticed at the next key.
        self.stamp = stamp(journal.path()).filter(|(len, _)| *len == appended.end);
        Ok(())
    }

    fn journal(&self) -> Result<&Journal, String> {
        self.journal.as_ref().ok_or_else(|| {
            self.unavailable
                .clone()
                .unwrap_or_else(|| "no tag journal".into())
        })
    }

    pub(super) fn take_warnings(&mut self) -> Option<String> {
        let n = std::mem::take(&mut self.pending_warnings);
        let path = self.journal.as_ref()?.path().display().to_string();
        (n > 0).then(|| format!("{n} unreadable lines in {path} were skipped (see the log)"))
    }
}

/// A file's length and time of change, to notice that it changed.
fn stamp(path: &std::path::Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
