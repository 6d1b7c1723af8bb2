//! `khabar tags` on the demo articles: a tag is added by quote (printing its id once it is
//! saved), listed, removed; a quote not in the article, an ambiguous one, an unknown article
//! and a bad label are clear errors that save nothing. The journal lives in a temporary
//! data folder.

mod common;

use std::path::Path;

use common::khabar;
use predicates::prelude::*;

const HAYA: &str = "3ae0599308db"; // بوتين يدعو لمحادثات أرمينية أذربيجانية في موسكو

fn journal(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("data/khabar/tags.jsonl")).unwrap_or_default()
}

fn add(dir: &Path, quote: &str, label: &str) -> String {
    let out = khabar(dir)
        .args(["tags", "add", HAYA, "--quote", quote, "--label", label])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().trim().to_string()
}

#[test]
fn a_tag_is_saved_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    // Harakat in the quote do not matter.
    let id = add(dir.path(), "الرَّئِيس الروسي", "disputed");
    assert_eq!(id.len(), 16, "{id}");
    // On disk by the time the id is printed.
    assert!(journal(dir.path()).contains(&id));
    let list = khabar(dir.path())
        .args(["tags", "list", "--json"])
        .output()
        .unwrap();
    let tags: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let tag = &tags[0];
    assert_eq!(tag["id"], id.as_str());
    assert_eq!(tag["label"], "disputed");
    assert_eq!(tag["target"]["article"], HAYA);
    assert_eq!(tag["target"]["quote"]["exact"], "الرئيس الروسي");
    let start = tag["target"]["position"]["start"].as_u64().unwrap();
    assert!(start > 0);
    khabar(dir.path())
        .args(["tags", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id).and(predicate::str::contains("«الرئيس الروسي»")));
    khabar(dir.path())
        .args(["tags", "rm", &id[..6]])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("removed {id}")));
    let list = khabar(dir.path())
        .args(["tags", "list", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&list.stdout).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn bad_requests_are_clear_errors_and_save_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "tags",
                "add",
                HAYA,
                "--quote",
                "غير موجود",
                "--label",
                "false",
            ],
            "not in the article",
        ),
        (
            &["tags", "add", HAYA, "--quote", "موسكو", "--label", "false"],
            "times; quote more of it",
        ),
        (
            &[
                "tags",
                "add",
                "ffffffffffff",
                "--quote",
                "موسكو",
                "--label",
                "false",
            ],
            "no article has the id",
        ),
        (
            &[
                "tags",
                "add",
                HAYA,
                "--quote",
                "الرئيس الروسي",
                "--label",
                "two words",
            ],
            "is not one word",
        ),
        (&["tags", "rm", "0123456789abcdef"], "no tag has the id"),
    ];
    for (args, message) in cases {
        khabar(dir.path())
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(journal(dir.path()), "");
}
