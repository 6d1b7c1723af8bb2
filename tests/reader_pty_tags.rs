//! Tagging end to end: the real `khabar` binary in a pseudo-terminal (`common/pty.rs`) tags
//! a sentence through the keys a person types, quits, starts again on the same data folder
//! and still shows the mark; `khabar tags export` then has the tag. The keys and screens of
//! tagging in detail are in `reader_tags.rs`.

#[path = "common/pty.rs"]
mod pty;
#[path = "common/reader.rs"]
mod reader;

use pty::{Home, Session, keys};
use reader::*;

/// Underlined cells inside the body pane (the one titled « article N/M »).
fn underlined_in_body(v: &vt100::Screen) -> usize {
    let (rows, cols) = v.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let top = v.rows(0, cols).next().unwrap_or_default();
    let Some(at) = top.find(" article ") else {
        return 0;
    };
    let chars: Vec<char> = top.chars().collect();
    let left = top[..at].chars().count().saturating_sub(1);
    let Some(right) = (left + 1..chars.len()).find(|&c| matches!(chars[c], '╮' | '┓')) else {
        return 0;
    };
    (1..rows.saturating_sub(2))
        .flat_map(|r| (left + 1..right).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            v.cell(r, u16::try_from(c).unwrap_or(u16::MAX))
                .is_some_and(|cell| cell.underline())
        })
        .count()
}

fn wait_for_mark(s: &mut Session, what: &str) -> usize {
    s.wait_for(what, |v| {
        let n = underlined_in_body(v);
        let sidebar = v.contents().contains("tags (1)");
        (n > 0 && sidebar).then_some(n)
    })
}

#[test]
fn a_tag_made_in_the_reader_is_still_marked_after_a_restart_and_is_exported() {
    let home = Home::new();
    let mut s = demo(&home);
    assert_eq!(s.wait_for("a frame", |v| Some(underlined_in_body(v))), 0);
    s.send(keys::TAB);
    s.send("t");
    s.wait_until("choosing sentences", |sc| {
        sc.bottom().contains("choosing sentences")
    });
    s.send("j");
    s.send("t");
    s.wait_until("the label form", |sc| sc.contains("label: ▏"));
    s.send("disp");
    s.wait_until("the label filtered", |sc| sc.contains("label: disp▏"));
    s.send(keys::ENTER);
    s.wait_until("the note field", |sc| sc.contains("note (optional)"));
    s.send("one source only");
    s.send(keys::ENTER);
    s.wait_until("the tag saved", |sc| sc.bottom().contains("saved"));
    let before = wait_for_mark(&mut s, "the mark in the body and the sidebar");
    quit(&mut s);

    // Again, on the same data folder: the mark is drawn from the journal alone.
    let mut s = demo(&home);
    let after = wait_for_mark(&mut s, "the mark after a restart");
    assert_eq!(before, after, "the same cells are marked");
    quit(&mut s);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["tags", "export", "--format", "json"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tags = tags.as_array().unwrap();
    assert_eq!(tags.len(), 1, "{tags:#?}");
    let tag = &tags[0];
    assert_eq!(tag["label"], "disputed");
    assert_eq!(tag["note"], "one source only");
    assert_eq!(tag["title"], TITLES[0]);
    let quote = tag["quote"].as_str().unwrap_or_default();
    assert!(quote.chars().count() > 10, "{tag:#?}");
}
