//! `khabar list --query` with `tag:` terms: the demo articles copied into a temporary folder,
//! tagged with `khabar tags add`, then listed by label, by any tag and by none. A query
//! without `tag:` leaves the journal alone; one with it reports the journal's bad lines.
//! The config, cache and journal live in a temporary folder.

mod common;

use std::path::{Path, PathBuf};

use common::{ANSAR, HAYA, LEBANON, RUSSIA, WASAT, demo_folder, khabar};
use predicates::prelude::*;

/// A temporary folder holding the config, cache and journal, and `news/` with the demo
/// articles as files.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let news = tmp.path().join("news");
    std::fs::create_dir(&news).unwrap();
    demo_folder(&news);
    (tmp, news)
}

fn journal_path(dir: &Path) -> PathBuf {
    dir.join("data/khabar/tags.jsonl")
}

fn tag(dir: &Path, news: &Path, id: &str, quote: &str, label: &str) {
    khabar(dir)
        .args([
            "tags", "add", id, "--quote", quote, "--label", label, "--in",
        ])
        .arg(news)
        .assert()
        .success();
}

/// The ids `khabar list NEWS --query QUERY --json` prints, in order.
fn listed(dir: &Path, news: &Path, query: &str) -> Vec<String> {
    let out = khabar(dir)
        .arg("list")
        .arg(news)
        .args(["--query", query, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn tag_terms_list_the_tagged_articles() {
    let (tmp, news) = setup();
    let dir = tmp.path();
    // Before any tag, nothing is tagged.
    assert!(listed(dir, &news, "tag:*").is_empty());
    assert_eq!(listed(dir, &news, "-tag:*").len(), 5);

    tag(dir, &news, HAYA, "الرئيس الروسي", "disputed");
    assert_eq!(listed(dir, &news, "tag:disputed"), [HAYA]);
    assert_eq!(listed(dir, &news, "tag:DISPUTED"), [HAYA]);
    assert_eq!(
        listed(dir, &news, "-tag:disputed"),
        [LEBANON, WASAT, ANSAR, RUSSIA]
    );
    assert_eq!(listed(dir, &news, "tag:*"), [HAYA]);
    assert_eq!(
        listed(dir, &news, "-tag:*"),
        [LEBANON, WASAT, ANSAR, RUSSIA]
    );
    // The whole label, not part of it.
    assert!(listed(dir, &news, "tag:disput").is_empty());

    // An Arabic label, given in another case for the Latin one.
    tag(dir, &news, WASAT, "3754", "مشكوك");
    assert_eq!(listed(dir, &news, "tag:مشكوك"), [WASAT]);
    assert_eq!(listed(dir, &news, "tag:مشكوك,Disputed"), [HAYA, WASAT]);
    assert_eq!(listed(dir, &news, "tag:*"), [HAYA, WASAT]);
    assert_eq!(listed(dir, &news, "-tag:*"), [LEBANON, ANSAR, RUSSIA]);
    // With the other terms.
    assert_eq!(listed(dir, &news, "tag:* -tag:disputed"), [WASAT]);
    assert_eq!(listed(dir, &news, "tag:* since:2020-10-09"), [HAYA]);
}

#[test]
fn a_query_without_tag_terms_leaves_the_journal_alone() {
    let (tmp, news) = setup();
    let dir = tmp.path();
    // A journal with a bad line: whoever reads it says so on stderr.
    let path = journal_path(dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "this is not json\n").unwrap();
    let warned = predicate::str::contains(format!("khabar: {}: ", path.display()));
    khabar(dir)
        .arg("list")
        .arg(&news)
        .args(["--query", "lang:ar -source:x"])
        .assert()
        .success()
        .stderr(warned.clone().not());
    khabar(dir)
        .arg("list")
        .arg(&news)
        .args(["--query", "tag:*"])
        .assert()
        .success()
        .stderr(warned);
}

#[test]
fn bad_journal_lines_are_reported_and_the_good_ones_used() {
    let (tmp, news) = setup();
    let dir = tmp.path();
    tag(dir, &news, HAYA, "الرئيس الروسي", "disputed");
    let path = journal_path(dir);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("this is not json\n");
    std::fs::write(&path, text).unwrap();
    khabar(dir)
        .arg("list")
        .arg(&news)
        .args(["--query", "tag:disputed"])
        .assert()
        .success()
        .stdout(predicate::str::contains(HAYA).and(predicate::str::contains(WASAT).not()))
        .stderr(predicate::str::contains(format!(
            "khabar: {}: ",
            path.display()
        )));
}
