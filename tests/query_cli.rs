//! `khabar list --query` on the demo articles embedded in the binary (and on a copy of them
//! in a folder, listed through the article cache): every kind of term, exclusion, the flags
//! combined with a query, JSON output, and a bad query's message and exit status. The
//! config and cache live in a temporary folder so no user setting leaks in.

mod common;

use assert_cmd::Command;
use common::{ANSAR, HAYA, LEBANON, RUSSIA, WASAT, demo_folder, khabar};
use predicates::prelude::*;

/// The ids `khabar list ARGS` prints, in order.
fn ids(cmd: &mut Command) -> Vec<String> {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap_or_default().to_string())
        .collect()
}

fn listed(query: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    ids(khabar(dir.path()).args(["list", "--query", query]))
}

#[test]
fn source_terms() {
    assert_eq!(listed("source:الوسط"), [WASAT]);
    assert_eq!(listed("source:\"أنصار الله\""), [ANSAR]);
    // Folded: no hamza, ة written ه.
    assert_eq!(listed("source:انصار"), [ANSAR]);
    assert_eq!(listed("source:الوسط,نوفوستي"), [WASAT, RUSSIA]);
    // The credit counts too.
    assert_eq!(listed("source:هيا"), [HAYA]);
}

#[test]
fn date_terms() {
    assert_eq!(listed("date:2020-10-01..2020-10-08"), [WASAT, ANSAR]);
    assert_eq!(listed("date:٢٠٢٠-١٠"), [HAYA, WASAT, ANSAR]);
    assert_eq!(listed("since:2020-10-09"), [LEBANON, HAYA]);
    assert_eq!(listed("until:2020-09"), [RUSSIA]);
    assert_eq!(listed("date:2022"), [LEBANON]);
}

#[test]
fn lang_terms() {
    assert_eq!(listed("lang:ar").len(), 5);
    assert!(listed("lang:en").is_empty());
    assert!(listed("-lang:ar").is_empty());
}

#[test]
fn words_and_phrases_search_title_and_body_folded() {
    // Only in a body.
    assert_eq!(listed("ماكرون"), [ANSAR]);
    // Arabic-Indic digits find ASCII ones («3754 عسكرياً»).
    assert_eq!(listed("٣٧٥٤"), [WASAT]);
    // Without hamza: «أذربيجان» everywhere.
    assert_eq!(listed("اذربيجان").len(), 5);
    assert_eq!(listed("الرئيس موسكو"), [HAYA]);
    assert_eq!(listed("\"الرئيس الروسي\""), [LEBANON, HAYA, ANSAR]);
}

#[test]
fn exclusions() {
    assert_eq!(listed("-الرئيس"), [WASAT, RUSSIA]);
    assert_eq!(listed("جنيف -source:الوسط"), [HAYA]);
    assert_eq!(listed("-date:2020-10"), [LEBANON, RUSSIA]);
}

#[test]
fn the_query_combines_with_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    let got = ids(khabar(dir.path()).args([
        "list",
        "--source",
        "وكالات",
        "--since",
        "2020-10-01",
        "--query",
        "بوتين",
    ]));
    assert_eq!(got, [HAYA, ANSAR]);
}

#[test]
fn json_output_holds_the_matching_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = khabar(dir.path())
        .args(["list", "--json", "--query", "source:الوسط lang:ar"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["id"], WASAT);
    assert_eq!(arr[0]["source"], "بوابة الوسط");
    assert!(arr[0].get("paragraphs").is_none());
    // Nothing matching is an empty array, not an error.
    let dir = tempfile::tempdir().unwrap();
    let out = khabar(dir.path())
        .args(["list", "--json", "--query", "lang:en"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn a_bad_query_is_a_usage_error_naming_the_problem() {
    for (query, says) in [
        (
            "foo:bar",
            "unknown field 'foo:' in 'foo:bar': the fields are source:",
        ),
        (
            "date:2020-13-01",
            "'2020-13-01' is not a date: write a day (2020-10-08)",
        ),
        ("source:", "'source:' has no value"),
        ("\"وزارة الدفاع", "opens a quote that is never closed"),
        ("date:2020-10-09..2020-10-01", "put the earlier day first"),
        ("lang:arabic", "'arabic' is not a language code"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        khabar(dir.path())
            .args(["list", "--query", query])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says))
            .stderr(predicate::function(|s: &str| {
                s.lines().next().is_some_and(|l| l.contains(says))
            }));
    }
}

#[test]
fn a_url_is_a_word_not_a_field() {
    assert!(listed("https://example.com/x").is_empty());
}

#[test]
fn bodies_left_out_by_the_cache_are_read_for_word_queries() {
    let tmp = tempfile::tempdir().unwrap();
    let news = tmp.path().join("news");
    std::fs::create_dir(&news).unwrap();
    demo_folder(&news);
    let list = |query: &str| {
        ids(khabar(tmp.path())
            .arg("list")
            .arg(&news)
            .args(["--query", query]))
    };
    // The first listing fills the cache; the later ones list from it, without bodies.
    assert_eq!(list("lang:ar").len(), 5);
    assert!(tmp.path().join("cache").exists());
    assert_eq!(list("ماكرون"), [ANSAR]);
    assert_eq!(list("-الرئيس"), [WASAT, RUSSIA]);
    assert_eq!(list("\"وزارة الدفاع\" source:الوسط"), [WASAT]);
}

#[test]
fn a_body_that_cannot_be_read_again_is_reported_and_the_title_still_searched() {
    let tmp = tempfile::tempdir().unwrap();
    let news = tmp.path().join("news");
    std::fs::create_dir(&news).unwrap();
    demo_folder(&news);
    khabar(tmp.path()).arg("list").arg(&news).assert().success();
    // Same size and time, other words: the cache still answers for the file, but the body
    // read again belongs to another article.
    let (name, text) = khabar::core::load::demo::FILES
        .iter()
        .find(|(name, _)| name.starts_with("001"))
        .unwrap();
    let path = news.join(name);
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, text.replace("ماكرون", "ميكرون")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let list = |query: &str| {
        khabar(tmp.path())
            .arg("list")
            .arg(&news)
            .args(["--query", query])
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "khabar: searching only the title of 12e98b5df22c",
            ))
    };
    list("ماكرون").stdout("");
    list("استمرار").stdout(predicate::str::contains(ANSAR));
}
