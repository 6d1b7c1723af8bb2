//! Tag journals for the benches: one `add` line per target, written as one file (a journal
//! of thousands of tags, without an fsync per tag).

use std::path::Path;

use khabar::core::tags::journal::Event;
use khabar::core::tags::{Tag, TagId, Target};

/// A `disputed` tag with a note on `target`, numbered `n` (its id).
pub fn tag_on(target: Target, n: usize) -> Tag {
    Tag {
        id: TagId(format!("{n:016x}")),
        label: "disputed".into(),
        note: Some("bench".into()),
        author: "bench".into(),
        created: chrono::Utc::now(),
        modified: None,
        target,
    }
}

/// Writes a journal at `path` holding one tag per target.
pub fn write(path: &Path, targets: impl IntoIterator<Item = Target>) {
    let mut lines = String::new();
    for (n, target) in targets.into_iter().enumerate() {
        let tag = tag_on(target, n);
        let event = Event::Add {
            time: tag.created,
            tag: Box::new(tag),
        };
        match serde_json::to_string(&event) {
            Ok(line) => lines.push_str(&line),
            Err(e) => panic!("{e}"),
        }
        lines.push('\n');
    }
    if let Err(e) = std::fs::write(path, lines) {
        panic!("{e}");
    }
}
