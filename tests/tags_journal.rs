//! The tag journal under stress: threads and processes appending to one journal at once lose
//! nothing, and a writer killed with SIGKILL at any moment loses no tag it reported saved.
//! The child processes are this test binary run again with `KHABAR_TEST_WRITER` set, which
//! turns the `writer_child` test into a writer.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use khabar::core::article::ArticleId;
use khabar::core::tags::journal::Journal;
use khabar::core::tags::{Tag, TagId, Target, TextPosition, TextQuote};

const WRITER_ENV: &str = "KHABAR_TEST_WRITER";

fn tag(id: String) -> Tag {
    Tag {
        id: TagId(id),
        label: "verified".to_string(),
        note: Some("ملاحظة".to_string()),
        author: "test".to_string(),
        created: chrono::Utc::now(),
        modified: None,
        target: Target {
            article: ArticleId::of_content("قال الوزير إن العدد 300"),
            path: PathBuf::from("article.txt"),
            item: None,
            quote: TextQuote {
                exact: "الوزير".to_string(),
                prefix: "قال ".to_string(),
                suffix: " إن العدد 300".to_string(),
            },
            position: TextPosition { start: 4, end: 10 },
            text_hash: "0123456789abcdef".to_string(),
        },
    }
}

/// A writer when `KHABAR_TEST_WRITER=path,count,prefix` is set (count 0: until killed),
/// printing `saved <id>` once each add has returned; otherwise nothing.
#[test]
fn writer_child() {
    let Ok(spec) = std::env::var(WRITER_ENV) else {
        return;
    };
    let mut parts = spec.splitn(3, ',');
    let (path, count, prefix) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let count: usize = count.parse().unwrap();
    let journal = Journal::open(path).unwrap();
    let mut i = 0;
    while count == 0 || i < count {
        let id = format!("{prefix}{i}");
        journal.add(tag(id.clone())).unwrap();
        println!("saved {id}");
        i += 1;
    }
}

fn spawn_writer(path: &Path, count: usize, prefix: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "writer_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(WRITER_ENV, format!("{},{count},{prefix}", path.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn saved_ids(out: impl std::io::Read) -> Vec<String> {
    BufReader::new(out)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| l.strip_prefix("saved ").map(str::to_string))
        .collect()
}

#[test]
fn threads_and_processes_appending_at_once_lose_nothing() {
    const PER_WRITER: usize = 200;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tags.jsonl");
    let started = Instant::now();
    let children: Vec<Child> = (0..2)
        .map(|p| spawn_writer(&path, PER_WRITER, &format!("p{p}-")))
        .collect();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let journal = Journal::open(&path).unwrap();
                for i in 0..PER_WRITER {
                    journal.add(tag(format!("t{t}-{i}"))).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a writer process failed: {:?}",
            out.status
        );
        assert_eq!(saved_ids(&out.stdout[..]).len(), PER_WRITER);
    }
    let loaded = Journal::open(&path).unwrap().load().unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let ids: Vec<&str> = loaded.tags.iter().map(|t| t.id.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "an id is there twice");
    let expected: HashSet<String> = (0..4)
        .map(|t| format!("t{t}-"))
        .chain((0..2).map(|p| format!("p{p}-")))
        .flat_map(|prefix| (0..PER_WRITER).map(move |i| format!("{prefix}{i}")))
        .collect();
    assert_eq!(unique, expected.iter().map(String::as_str).collect());
    let lines = std::fs::read_to_string(&path).unwrap().lines().count();
    assert_eq!(lines, 6 * PER_WRITER);
    eprintln!(
        "1200 appends from 4 threads and 2 processes in {:?}",
        started.elapsed()
    );
}

#[test]
fn a_writer_killed_at_any_moment_loses_no_saved_tag() {
    const ROUNDS: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tags.jsonl");
    let journal = Journal::open(&path).unwrap();
    let started = Instant::now();
    let mut reported = Vec::new();
    for round in 0..ROUNDS {
        let mut child = spawn_writer(&path, 0, &format!("r{round}-"));
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || saved_ids(stdout));
        // Vary the moment of the kill: the child needs a few ms to start, then writes.
        let nanos = u64::from(started.elapsed().subsec_nanos());
        std::thread::sleep(Duration::from_millis(
            5 + (round as u64 * 7 + nanos % 11) % 45,
        ));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let saved = reader.join().unwrap();

        let loaded = journal.load().unwrap();
        let present: HashSet<&str> = loaded.tags.iter().map(|t| t.id.as_str()).collect();
        for id in &saved {
            assert!(
                present.contains(id.as_str()),
                "round {round}: saved tag '{id}' lost"
            );
        }
        // At most one torn line per kill, each skipped and none fatal.
        assert!(loaded.warnings.len() <= round + 1, "{:?}", loaded.warnings);
        reported.extend(saved);

        // The journal keeps working after the kill.
        let after = format!("after-{round}");
        journal.add(tag(after.clone())).unwrap();
        let loaded = journal.load().unwrap();
        assert!(loaded.tags.iter().any(|t| t.id.as_str() == after));
    }
    assert!(
        !reported.is_empty(),
        "no writer got to save anything; the test proved nothing"
    );
    let loaded = journal.load().unwrap();
    assert!(loaded.tags.len() >= reported.len() + ROUNDS);
    eprintln!(
        "{ROUNDS} kills, {} tags reported saved, {} warnings, in {:?}",
        reported.len(),
        loaded.warnings.len(),
        started.elapsed()
    );
}
