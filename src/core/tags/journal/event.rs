//! One line of the tag journal: an [`Event`] (a tag added, its label or note changed, or the
//! tag removed) and how a line is read back. Replaying events into tags is `replay`'s job;
//! files and locks are the journal's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::core::tags::{Tag, TagId};

/// What happened to a tag; serialised as one JSON object per line with an `op` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Event {
    /// `{"op":"add","time":…,"tag":{…}}`
    Add { time: DateTime<Utc>, tag: Box<Tag> },
    /// `{"op":"change","time":…,"id":…,"label":…,"note":…}`: a field left out is unchanged;
    /// `"note":null` clears the note.
    Change {
        time: DateTime<Utc>,
        id: TagId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "present"
        )]
        note: Option<Option<String>>,
    },
    /// `{"op":"remove","time":…,"id":…}`
    Remove { time: DateTime<Utc>, id: TagId },
}

impl Event {
    /// When the event happened.
    pub fn time(&self) -> DateTime<Utc> {
        match self {
            Event::Add { time, .. } | Event::Change { time, .. } | Event::Remove { time, .. } => {
                *time
            }
        }
    }

    /// The event with no control character or escape sequence in its text or ids (see
    /// [`Tag::sanitized`]): a journal may come from someone else's hands.
    pub fn sanitized(self) -> Event {
        let line = |mut s: String| {
            crate::core::tags::one_line(&mut s);
            s
        };
        let text = |s: String| crate::core::sanitize::sanitize_owned(s).text;
        match self {
            Event::Add { time, tag } => Event::Add {
                time,
                tag: Box::new(tag.sanitized()),
            },
            Event::Change {
                time,
                id,
                label,
                note,
            } => Event::Change {
                time,
                id: id.sanitized(),
                label: label.map(line),
                note: note.map(|n| n.map(text)),
            },
            Event::Remove { time, id } => Event::Remove {
                time,
                id: id.sanitized(),
            },
        }
    }

    /// The id of the tag the event is about.
    pub fn id(&self) -> &TagId {
        match self {
            Event::Add { tag, .. } => &tag.id,
            Event::Change { id, .. } | Event::Remove { id, .. } => id,
        }
    }
}

/// A field that is present is `Some`, even when it is `null` (then `Some(None)`); with
/// `#[serde(default)]` an absent field stays `None`.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// What one line of the journal turned out to be.
#[derive(Debug)]
pub(crate) enum Line {
    Event(Event),
    /// A well-formed line with an `op` this version does not know (written by a newer
    /// khabar): skipped, and kept verbatim by compaction.
    UnknownOp(String),
    /// Not an event: a torn write, or a hand edit gone wrong.
    Bad(String),
}

/// Reads one line (without its newline).
pub(crate) fn parse_line(line: &[u8]) -> Line {
    #[derive(Deserialize)]
    struct OpOnly {
        op: String,
    }
    match serde_json::from_slice::<Event>(line) {
        Ok(event) => Line::Event(event.sanitized()),
        Err(err) => match serde_json::from_slice::<OpOnly>(line) {
            Ok(OpOnly { op }) if !matches!(op.as_str(), "add" | "change" | "remove") => {
                Line::UnknownOp(op)
            }
            _ => Line::Bad(err.to_string()),
        },
    }
}
