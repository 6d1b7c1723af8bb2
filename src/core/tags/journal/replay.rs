//! Replaying the journal's lines into the current tags, tolerating what crashes and
//! `git merge=union` leave behind: a torn last line, a bad line in the middle, the same add
//! twice, and a change or remove that comes before its add. Reading and writing files is the
//! journal's job.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::event::{Event, Line, parse_line};
use crate::core::tags::{Tag, TagId};

/// The tags a journal holds now, and what was skipped on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The live tags, in the order they were first added.
    pub tags: Vec<Tag>,
    /// One sentence per line skipped or event ignored, naming the file and line.
    pub warnings: Vec<String>,
    /// Bytes of the journal read: where the next append will start unless another writer
    /// comes first.
    pub len: u64,
}

/// A replay with what compaction needs besides the tags.
#[derive(Debug, Default)]
pub(crate) struct Replay {
    pub loaded: Loaded,
    /// Lines with an op this version does not know, verbatim (compaction keeps them).
    pub unknown: Vec<Vec<u8>>,
    /// Lines that are not events, verbatim (compaction copies them aside).
    pub bad: Vec<Vec<u8>>,
    /// Every tag removed, with when: compaction keeps these as tombstones, so that an older
    /// copy of the journal merged in later cannot bring a removed tag back.
    pub removed: Vec<(TagId, DateTime<Utc>)>,
}

#[derive(Default)]
struct State {
    slots: Vec<Option<Tag>>,
    /// Per slot, when its label and its note were last set.
    stamps: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    index: HashMap<TagId, usize>,
    /// Removed tags, with when they were first removed (removal is final).
    removed: HashMap<TagId, DateTime<Utc>>,
    /// Changes whose add has not been seen yet, with their line numbers.
    pending: HashMap<TagId, Vec<(usize, Event)>>,
}

impl State {
    fn apply(&mut self, line_no: usize, event: Event) {
        match event {
            Event::Add { tag, .. } => {
                // Removal is final: an add seen again after its remove (a second import, a
                // union merge with an older copy) does not bring the tag back.
                if self.removed.contains_key(&tag.id) {
                    return;
                }
                // The same tag added twice (a union merge with a compacted copy, whose add
                // holds the label and note as they were then): the newer label and note win,
                // as with changes.
                if self.index.contains_key(&tag.id) {
                    let time = tag.modified.unwrap_or(tag.created);
                    self.apply(
                        line_no,
                        Event::Change {
                            time,
                            id: tag.id,
                            label: Some(tag.label),
                            note: Some(tag.note),
                        },
                    );
                    return;
                }
                let id = tag.id.clone();
                let since = tag.modified.unwrap_or(tag.created);
                self.index.insert(id.clone(), self.slots.len());
                self.slots.push(Some(*tag));
                self.stamps.push((since, since));
                for (line_no, event) in self.pending.remove(&id).unwrap_or_default() {
                    self.apply(line_no, event);
                }
            }
            Event::Change {
                time,
                id,
                label,
                note,
            } => match self.index.get(&id).copied() {
                Some(i) => {
                    // Last writer wins by time, field by field, so the order two merged
                    // journals interleave in does not matter.
                    let (Some(tag), Some(stamp)) = (self.slots[i].as_mut(), self.stamps.get_mut(i))
                    else {
                        return;
                    };
                    let mut applied = false;
                    if let Some(label) = label.filter(|_| time >= stamp.0) {
                        tag.label = label;
                        stamp.0 = time;
                        applied = true;
                    }
                    if let Some(note) = note.filter(|_| time >= stamp.1) {
                        tag.note = note;
                        stamp.1 = time;
                        applied = true;
                    }
                    if applied {
                        tag.modified = tag.modified.max(Some(time));
                    }
                }
                None if self.removed.contains_key(&id) => {}
                None => self.pend(
                    line_no,
                    Event::Change {
                        time,
                        id,
                        label,
                        note,
                    },
                ),
            },
            Event::Remove { time, id } => {
                if let Some(i) = self.index.remove(&id) {
                    self.slots[i] = None;
                }
                // A remove before its add (merged journals) or with no add at all (a
                // compacted journal's tombstone): the tag stays removed whatever comes.
                self.pending.remove(&id);
                let first = self.removed.entry(id).or_insert(time);
                *first = (*first).min(time);
            }
        }
    }

    fn pend(&mut self, line_no: usize, event: Event) {
        self.pending
            .entry(event.id().clone())
            .or_default()
            .push((line_no, event));
    }
}

/// Replays the bytes of the journal at `path` (named in warnings only).
pub(crate) fn replay(bytes: &[u8], path: &Path) -> Replay {
    let shown = path.display();
    let mut state = State::default();
    let mut out = Replay::default();
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // The piece after the last newline: empty when the file ends cleanly.
    let tail = lines.pop().unwrap_or_default();
    let terminated = lines.len();
    if !tail.is_empty() {
        lines.push(tail);
    }
    // Reading JSON is most of the work and each line stands alone: on every core. Applying
    // the events stays in file order.
    let parsed: Vec<Option<(&[u8], Line)>> = lines
        .par_iter()
        .map(|raw| {
            let line = raw.strip_suffix(b"\r").unwrap_or(raw);
            (!line.iter().all(u8::is_ascii_whitespace)).then(|| (line, parse_line(line)))
        })
        .collect();
    for (i, parsed) in parsed.into_iter().enumerate() {
        let line_no = i + 1;
        let Some((line, parsed)) = parsed else {
            continue;
        };
        match parsed {
            Line::Event(event) => state.apply(line_no, event),
            Line::UnknownOp(op) => {
                out.loaded.warnings.push(format!(
                    "{shown}:{line_no}: unknown op '{op}' skipped; it was written by a newer \
                     khabar, which can read it"
                ));
                out.unknown.push(line.to_vec());
            }
            Line::Bad(err) if i >= terminated => {
                out.loaded.warnings.push(format!(
                    "{shown}:{line_no}: torn last line skipped (a write cut short by a crash: \
                     {err}); it stays in the file, and `khabar tags compact` keeps a copy beside it"
                ));
                out.bad.push(line.to_vec());
            }
            Line::Bad(err) => {
                out.loaded.warnings.push(format!(
                    "{shown}:{line_no}: unreadable line skipped ({err}); fix or delete it by hand"
                ));
                out.bad.push(line.to_vec());
            }
        }
    }
    let mut orphans: Vec<(usize, Event)> = state.pending.drain().flat_map(|(_, v)| v).collect();
    orphans.sort_by_key(|(line_no, _)| *line_no);
    for (line_no, event) in orphans {
        out.loaded.warnings.push(format!(
            "{shown}:{line_no}: change of unknown tag '{}' ignored; no line adds it",
            event.id()
        ));
    }
    out.loaded.tags = state.slots.into_iter().flatten().collect();
    out.removed = state.removed.into_iter().collect();
    out.removed.sort();
    out
}
