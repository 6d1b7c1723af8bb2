//! Unit tests of the journal: replay of add/change/remove, torn and bad lines, union-merge
//! interleavings and compaction.

use std::path::PathBuf;

use chrono::{DateTime, Duration, TimeZone, Utc};
use rstest::rstest;

use super::*;
use crate::core::article::ArticleId;
use crate::core::tags::{Target, TextPosition, TextQuote};

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000, 0).unwrap() + Duration::seconds(secs)
}

fn tag(id: &str, label: &str) -> Tag {
    Tag {
        id: TagId(id.to_string()),
        label: label.to_string(),
        note: None,
        author: "test".to_string(),
        created: at(0),
        modified: None,
        target: Target {
            article: ArticleId::of_content("قال الوزير"),
            path: PathBuf::from("a.txt"),
            item: None,
            quote: TextQuote {
                exact: "الوزير".to_string(),
                prefix: "قال ".to_string(),
                suffix: String::new(),
            },
            position: TextPosition { start: 4, end: 10 },
            text_hash: "0123456789abcdef".to_string(),
        },
    }
}

fn add(id: &str, secs: i64) -> Event {
    Event::Add {
        time: at(secs),
        tag: Box::new(tag(id, "verified")),
    }
}

fn change(id: &str, secs: i64, label: Option<&str>, note: Option<Option<&str>>) -> Event {
    Event::Change {
        time: at(secs),
        id: TagId(id.to_string()),
        label: label.map(str::to_string),
        note: note.map(|n| n.map(str::to_string)),
    }
}

fn remove(id: &str, secs: i64) -> Event {
    Event::Remove {
        time: at(secs),
        id: TagId(id.to_string()),
    }
}

/// A journal in a folder of its own (made here: some tests write the file by hand).
fn journal() -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let j = Journal::open(dir.path().join("sub").join("tags.jsonl")).unwrap();
    (dir, j)
}

#[test]
fn reading_a_journal_not_written_yet_creates_nothing_and_the_first_write_makes_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data").join("khabar");
    let j = Journal::open(folder.join("tags.jsonl")).unwrap();
    assert!(j.load().unwrap().tags.is_empty());
    assert!(!dir.path().join("data").exists(), "reading made a folder");
    let at = j.add(tag("a", "disputed")).unwrap();
    assert_eq!(at.start, 0);
    assert_eq!(at.end, std::fs::metadata(j.path()).unwrap().len());
    assert_eq!(ids(&j.load().unwrap()), ["a"]);
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded.tags.iter().map(|t| t.id.as_str()).collect()
}

fn append_raw(j: &Journal, bytes: &[u8]) {
    let mut f = OpenOptions::new().append(true).open(j.path()).unwrap();
    f.write_all(bytes).unwrap();
}

#[test]
fn events_are_one_json_object_per_line_with_an_op() {
    let line = String::from_utf8(encode(&change("a", 1, None, Some(None))).unwrap()).unwrap();
    assert!(line.starts_with(r#"{"op":"change","time":"#), "{line}");
    assert!(
        line.ends_with("\"note\":null}\n") && !line.contains("label"),
        "{line}"
    );
    assert_eq!(line.matches('\n').count(), 1);
    let back: Event = serde_json::from_str(&line).unwrap();
    assert_eq!(back, change("a", 1, None, Some(None)));
    let no_note: Event =
        serde_json::from_str(r#"{"op":"change","time":"2024-01-01T00:00:00Z","id":"a"}"#).unwrap();
    assert!(matches!(
        no_note,
        Event::Change {
            note: None,
            label: None,
            ..
        }
    ));
}

/// What `parse_line` makes of `line`, as the event or the kind of line it is.
fn parsed(line: &str) -> Result<Event, String> {
    match super::event::parse_line(line.as_bytes()) {
        super::event::Line::Event(e) => Ok(e),
        super::event::Line::UnknownOp(op) => Err(format!("unknown {op}")),
        super::event::Line::Bad(why) => Err(format!("bad: {why}")),
    }
}

#[test]
fn a_line_reads_back_as_the_event_written() {
    for event in [
        add("a", 0),
        change("a", 1, Some("false"), Some(Some("a note"))),
        change("a", 2, None, Some(None)),
        change("a", 3, Some("verified"), None),
        remove("a", 4),
    ] {
        let line = String::from_utf8(encode(&event).unwrap()).unwrap();
        assert_eq!(parsed(line.trim_end()), Ok(event), "{line}");
    }
    let time = r#""time":"2024-01-01T00:00:00Z""#;
    // Fields a newer khabar may add are ignored.
    assert_eq!(
        parsed(&format!(r#"{{"op":"remove",{time},"id":"a","by":"x"}}"#)),
        Ok(Event::Remove {
            time: "2024-01-01T00:00:00Z".parse().unwrap(),
            id: TagId("a".to_string()),
        })
    );
    // A missing field is named; an op this version does not know is told apart, even when
    // a field of it has a shape a known op's field does not.
    let missing = parsed(&format!(r#"{{"op":"change",{time}}}"#)).unwrap_err();
    assert!(
        missing.starts_with("bad:") && missing.contains("`id`"),
        "{missing}"
    );
    let missing = parsed(r#"{"op":"remove","id":"a"}"#).unwrap_err();
    assert!(missing.contains("`time`"), "{missing}");
    assert_eq!(
        parsed(&format!(r#"{{"op":"merge",{time},"tag":[1,2]}}"#)),
        Err("unknown merge".to_string())
    );
    assert!(parsed(r#"{"op":"add","#).unwrap_err().starts_with("bad:"));
}

#[rstest]
#[case::add_only(vec![add("a", 0), add("b", 1)], vec!["a", "b"], 0)]
#[case::remove(vec![add("a", 0), add("b", 1), remove("a", 2)], vec!["b"], 0)]
#[case::duplicate_add(vec![add("a", 0), add("b", 1), add("a", 0)], vec!["a", "b"], 0)]
#[case::remove_is_final(vec![add("a", 0), remove("a", 1), add("a", 0)], vec![], 0)]
#[case::double_remove(vec![add("a", 0), remove("a", 1), remove("a", 1)], vec![], 0)]
#[case::remove_before_add(vec![remove("a", 2), add("b", 1), add("a", 0)], vec!["b"], 0)]
// A remove with no add is a tombstone (a compacted journal keeps them): no warning; a
// change with no add is one.
#[case::unknown_id(vec![add("a", 0), remove("x", 1), change("y", 1, Some("false"), None)], vec!["a"], 1)]
fn replay_applies_events(
    #[case] events: Vec<Event>,
    #[case] expected: Vec<&str>,
    #[case] warnings: usize,
) {
    let (_dir, j) = journal();
    for e in &events {
        j.append(e).unwrap();
    }
    let loaded = j.load().unwrap();
    assert_eq!(ids(&loaded), expected);
    assert_eq!(loaded.warnings.len(), warnings, "{:?}", loaded.warnings);
}

#[test]
fn changes_set_label_and_note_and_the_latest_wins() {
    let (_dir, j) = journal();
    // Interleaved as a union merge may leave them: the later change first, and a change
    // before its add.
    for e in [
        change("a", 5, None, Some(Some("second"))),
        add("a", 0),
        change("a", 3, Some("disputed"), Some(Some("first"))),
        change("a", 4, None, None),
    ] {
        j.append(&e).unwrap();
    }
    let loaded = j.load().unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let t = &loaded.tags[0];
    assert_eq!(t.label, "disputed");
    assert_eq!(t.note.as_deref(), Some("second"));
    assert_eq!(t.modified, Some(at(5)));
}

#[test]
fn convenience_methods_and_unknown_ids() {
    let (_dir, j) = journal();
    j.add(tag("a", "verified")).unwrap();
    j.change(
        &TagId("a".into()),
        Some("false".into()),
        Some(Some("n".into())),
    )
    .unwrap();
    let t = &j.load().unwrap().tags[0];
    assert_eq!((t.label.as_str(), t.note.as_deref()), ("false", Some("n")));
    j.change(&TagId("a".into()), None, Some(None)).unwrap();
    assert_eq!(j.load().unwrap().tags[0].note, None);
    let err = j.remove(&TagId("zz".into())).unwrap_err().to_string();
    assert!(err.contains("'zz'") && err.contains("tags.jsonl"), "{err}");
    j.remove(&TagId("a".into())).unwrap();
    assert!(j.load().unwrap().tags.is_empty());
    assert!(j.change(&TagId("a".into()), None, None).is_err());
}

#[test]
fn a_missing_file_loads_as_no_tags() {
    let (_dir, j) = journal();
    assert_eq!(j.load().unwrap(), Loaded::default());
}

#[test]
fn a_torn_last_line_is_skipped_kept_and_the_next_append_starts_afresh() {
    let (_dir, j) = journal();
    j.append(&add("a", 0)).unwrap();
    let half = encode(&add("b", 1)).unwrap();
    append_raw(&j, &half[..half.len() / 2]);
    let before = std::fs::read(j.path()).unwrap();

    let loaded = j.load().unwrap();
    assert_eq!(ids(&loaded), ["a"]);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("tags.jsonl:2: torn last line"),
        "{:?}",
        loaded.warnings
    );
    assert_eq!(
        std::fs::read(j.path()).unwrap(),
        before,
        "load must not touch the file"
    );

    j.append(&add("c", 2)).unwrap();
    let loaded = j.load().unwrap();
    assert_eq!(ids(&loaded), ["a", "c"]);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains(":2: unreadable line"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn a_complete_last_line_without_newline_still_counts() {
    let (_dir, j) = journal();
    let line = encode(&add("a", 0)).unwrap();
    std::fs::write(j.path(), &line[..line.len() - 1]).unwrap();
    j.append(&add("b", 1)).unwrap();
    let loaded = j.load().unwrap();
    assert_eq!(ids(&loaded), ["a", "b"]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn a_garbage_middle_line_hides_nothing_else() {
    let (_dir, j) = journal();
    j.append(&add("a", 0)).unwrap();
    append_raw(&j, b"not json at all\n\n");
    append_raw(
        &j,
        br#"{"op":"recolour","time":"2024-01-01T00:00:00Z","id":"a"}"#,
    );
    append_raw(&j, b"\n");
    j.append(&add("b", 1)).unwrap();
    j.append(&remove("a", 2)).unwrap();
    let loaded = j.load().unwrap();
    assert_eq!(ids(&loaded), ["b"]);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].contains("tags.jsonl:2: unreadable line"));
    assert!(loaded.warnings[1].contains(":4: unknown op 'recolour'"));
}

#[test]
fn compaction_keeps_the_live_tags_and_sets_aside_a_torn_tail() {
    let (_dir, j) = journal();
    for e in [
        add("a", 0),
        add("b", 1),
        change("b", 2, Some("false"), None),
        add("c", 3),
        remove("a", 4),
        add("b", 1),
    ] {
        j.append(&e).unwrap();
    }
    append_raw(&j, br#"{"op":"future","x":1}"#);
    append_raw(&j, b"\n{\"op\":\"add\",\"time\":\"2024-01-");
    let before = j.load().unwrap();

    let done = j.compact().unwrap();
    assert_eq!((done.tags, done.unknown_kept), (2, 1));
    let aside = done.set_aside.unwrap();
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("tags.jsonl.torn-"),
        "{aside:?}"
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        b"{\"op\":\"add\",\"time\":\"2024-01-"
    );

    let after = j.load().unwrap();
    assert_eq!(after.tags, before.tags);
    assert_eq!(ids(&after), ["b", "c"]);
    assert_eq!(after.warnings.len(), 1, "{:?}", after.warnings);
    assert!(after.warnings[0].contains("unknown op 'future'"));
    // One add per live tag, a tombstone for the removed one, the unknown line.
    let text = std::fs::read_to_string(j.path()).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with(r#"{"op":"remove""#) && l.contains(r#""id":"a""#)),
        "{text}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(j.path().parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    j.append(&add("d", 5)).unwrap();
    assert_eq!(ids(&j.load().unwrap()), ["b", "c", "d"]);
    assert_eq!(j.compact().unwrap().set_aside, None);
}

#[test]
fn a_union_merge_of_two_journals_replays_cleanly() {
    // Two people start from the same journal, then each adds, changes and removes; a union
    // merge keeps the common lines once and both sides' new lines in some order.
    let base = [add("a", 0), add("b", 1)];
    let mine = [
        change("a", 10, Some("false"), None),
        add("m", 11),
        remove("b", 12),
    ];
    let theirs = [
        add("t", 10),
        change("a", 13, None, Some(Some("theirs"))),
        remove("m", 14),
    ];
    let mut merged: Vec<Event> = base.to_vec();
    merged.extend(theirs.iter().cloned());
    merged.extend(mine.iter().cloned());
    let (_dir, j) = journal();
    for e in &merged {
        j.append(e).unwrap();
    }
    let loaded = j.load().unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(ids(&loaded), ["a", "t"]);
    let a = &loaded.tags[0];
    assert_eq!(
        (a.label.as_str(), a.note.as_deref()),
        ("false", Some("theirs"))
    );
}

#[test]
fn errors_name_the_file_and_the_action() {
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path().join("tags.jsonl")).unwrap();
    std::fs::create_dir(j.path()).unwrap();
    let err = j.append(&add("a", 0)).unwrap_err().to_string();
    assert!(
        err.starts_with("cannot append to ") && err.contains("tags.jsonl"),
        "{err}"
    );
}

#[test]
fn the_default_path_is_tags_jsonl() {
    if let Some(p) = default_path() {
        assert!(p.ends_with("tags.jsonl"));
    }
}

#[test]
fn a_journal_from_other_hands_reads_back_with_no_escape_sequence() {
    // Merged from a colleague's copy or edited by hand: escape sequences in the fields.
    let (_dir, j) = journal();
    let mut hostile = tag("a\u{1b}[2J", "false\u{1b}]0;title\u{7}");
    hostile.note = Some("one\u{1b}[31m source\nand a second line".to_string());
    hostile.author = "x\u{9b}1m".to_string();
    hostile.target.path = PathBuf::from("news/\u{1b}[5mfile.txt");
    j.append(&Event::Add {
        time: at(0),
        tag: Box::new(hostile),
    })
    .unwrap();
    j.append(&change("a\u{1b}[2J", 1, None, Some(Some("changed\u{7}"))))
        .unwrap();
    let loaded = j.load().unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let t = &loaded.tags[0];
    // The change found its tag: ids are cleaned the same way in every event.
    assert_eq!(t.id.as_str(), "a");
    assert_eq!(t.label, "false");
    assert_eq!(t.note.as_deref(), Some("changed"));
    assert_eq!(t.author, "x");
    assert_eq!(t.target.path, PathBuf::from("news/file.txt"));
    // The note and the quote keep their line breaks.
    let mut multi = tag("b", "verified");
    multi.note = Some("one\ntwo".to_string());
    multi.target.quote.exact = "الوزير\n\nقال".to_string();
    j.add(multi.clone()).unwrap();
    assert_eq!(j.load().unwrap().tags[1], multi);
}

#[test]
fn a_compacted_journal_merged_with_an_older_copy_keeps_removals_and_the_newest_edits() {
    let (_dir, j) = journal();
    for e in [add("a", 0), add("b", 1), add("c", 2)] {
        j.append(&e).unwrap();
    }
    // An older copy, from before the edits below (a colleague's clone, a backup).
    let older = std::fs::read(j.path()).unwrap();
    j.append(&remove("a", 3)).unwrap();
    j.append(&change("b", 4, Some("false"), Some(Some("checked"))))
        .unwrap();
    j.compact().unwrap();
    let compacted = j.load().unwrap();
    assert_eq!(ids(&compacted), ["b", "c"]);
    // A union merge: the older lines and the compacted ones, in either order.
    let now = std::fs::read(j.path()).unwrap();
    for merged in [
        [older.as_slice(), now.as_slice()],
        [now.as_slice(), older.as_slice()],
    ] {
        std::fs::write(j.path(), merged.concat()).unwrap();
        let loaded = j.load().unwrap();
        assert_eq!(ids(&loaded), ["b", "c"], "a removed tag stays removed");
        let b = &loaded.tags[0];
        assert_eq!(
            (b.label.as_str(), b.note.as_deref()),
            ("false", Some("checked")),
            "the newer edit wins"
        );
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
}
