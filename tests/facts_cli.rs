//! `khabar facts` and `khabar claims` end to end: the JSON shape the issue specifies, spans
//! that point at the fact's own text, the cross-article comparison on the demo corpus, and
//! clear errors.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use common::khabar;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run khabar: {e}"));
    assert!(
        out.status.success(),
        "khabar failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("stdout is not UTF-8: {e}"))
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout(cmd)).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

fn demo_ids(dir: &Path) -> Vec<(String, Vec<String>)> {
    let list = json(khabar(dir).args(["list", "--json"]));
    let ids: Vec<String> = list
        .as_array()
        .unwrap_or_else(|| panic!("list --json is an array"))
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_string))
        .collect();
    ids.into_iter()
        .map(|id| {
            let shown = json(khabar(dir).args(["show", &id, "--json"]));
            let paragraphs = shown["paragraphs"]
                .as_array()
                .unwrap_or_else(|| panic!("show --json has paragraphs"))
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect();
            (id, paragraphs)
        })
        .collect()
}

#[test]
fn every_fact_has_its_fields_and_its_span_holds_its_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut kinds = std::collections::BTreeSet::new();
    for (id, paragraphs) in demo_ids(dir.path()) {
        let facts = json(khabar(dir.path()).args(["facts", &id, "--json"]));
        let facts = facts["facts"]
            .as_array()
            .unwrap_or_else(|| panic!("{id}: no facts array"));
        assert!(!facts.is_empty(), "{id}: no facts");
        for f in facts {
            let kind = f["kind"]
                .as_str()
                .unwrap_or_else(|| panic!("{id}: fact without kind"));
            kinds.insert(kind.to_string());
            let p = f["paragraph"].as_u64().unwrap_or_else(|| panic!("{f}")) as usize;
            let span = f["span"].as_array().unwrap_or_else(|| panic!("{f}"));
            let (start, end) = (
                span[0].as_u64().unwrap_or(0) as usize,
                span[1].as_u64().unwrap_or(0) as usize,
            );
            let text: String = paragraphs[p]
                .chars()
                .skip(start)
                .take(end - start)
                .collect();
            assert_eq!(
                text,
                f["text"].as_str().unwrap_or_default(),
                "{id}: span of {f}"
            );
            let fields: &[&str] = match kind {
                "quantity" => &[
                    "value",
                    "value_text",
                    "unit",
                    "unit_text",
                    "approx",
                    "claimant",
                    "claim",
                ],
                "claim" => &["cue", "claimant", "stance"],
                "date" => &["date", "calendar"],
                "person" | "place" | "organization" => &["canonical"],
                other => panic!("{id}: unknown kind {other}"),
            };
            for field in fields {
                assert!(f.get(field).is_some(), "{id}: {kind} without {field}: {f}");
            }
            if kind == "quantity" {
                assert!(f["value"].is_number(), "{f}");
                if let Some(c) = f["claim"].as_u64() {
                    assert_eq!(
                        facts[c as usize]["kind"], "claim",
                        "a quantity's claim index: {f}"
                    );
                }
            }
        }
    }
    for kind in [
        "quantity",
        "claim",
        "date",
        "person",
        "place",
        "organization",
    ] {
        assert!(
            kinds.contains(kind),
            "no {kind} anywhere in the demo articles: {kinds:?}"
        );
    }
}

#[test]
fn claims_compare_the_sides_tallies_across_articles() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = json(khabar(dir.path()).args(["claims", "--json"]));
    let groups = out["comparisons"]
        .as_array()
        .unwrap_or_else(|| panic!("{out}"));
    // Armenia's count of destroyed Azerbaijani tanks grows from article to article.
    let tanks = groups
        .iter()
        .find(|g| {
            g["unit"].as_str().is_some_and(|u| u.starts_with("دباب"))
                && g["side"].as_str().is_some_and(|s| s.contains("أرمينيا"))
        })
        .unwrap_or_else(|| panic!("no Armenian tally of tanks: {out}"));
    let tallies = tanks["tallies"]
        .as_array()
        .unwrap_or_else(|| panic!("{tanks}"));
    assert!(tallies.len() >= 2, "{tanks}");
    let days: Vec<&str> = tallies
        .iter()
        .filter_map(|t| t["published"].as_str())
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "tallies in date order");
    let articles: std::collections::BTreeSet<&str> = tallies
        .iter()
        .filter_map(|t| t["article"].as_str())
        .collect();
    assert!(articles.len() >= 2, "from more than one article: {tanks}");
    // Each tally points at its number the way `khabar facts` does.
    for t in tallies {
        assert!(t["paragraph"].is_u64(), "{t}");
        let span = t["span"]
            .as_array()
            .unwrap_or_else(|| panic!("span is [start, end]: {t}"));
        assert!(
            span.len() == 2 && span[0].as_u64() < span[1].as_u64(),
            "{t}"
        );
    }
    // And Azerbaijan's own count of Armenian tanks is a group of its own.
    assert!(groups.iter().any(|g| {
        g["unit"].as_str().is_some_and(|u| u.starts_with("دباب"))
            && g["side"].as_str().is_some_and(|s| s.contains("أذربيجان"))
    }));
}

#[test]
fn text_output_lists_each_kind() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = stdout(khabar(dir.path()).args(["facts", "assets/demo/000_25ffcebcfb473456.txt"]));
    for heading in ["claims", "quantities", "dates", "places"] {
        assert!(
            out.lines().any(|l| l == heading),
            "no {heading} section:\n{out}"
        );
    }
    assert!(out.contains("3754"), "{out}");
}

#[test]
fn control_characters_in_an_article_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("hostile.txt");
    let body = "عنوان الخبر\n\nقال الرئيس \u{1b}]0;pwned\u{7}فلاديمير بوتين إن 300 \u{1b}[31mدبابة\u{1b}[0m دمرت أمس.\n";
    std::fs::write(&file, body).unwrap_or_else(|e| panic!("{e}"));
    for args in [vec!["facts"], vec!["facts", "--json"]] {
        let mut cmd = khabar(dir.path());
        cmd.args(&args).arg(&file);
        let out = stdout(&mut cmd);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }
}

#[test]
fn unknown_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = khabar(dir.path())
        .args(["facts", "ffffffffffff"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ffffffffffff"), "{err}");
}
