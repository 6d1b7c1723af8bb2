//! `khabar render`: an article's body as the body pane draws it, one line per screen row.

use std::path::Path;

mod common;

use assert_cmd::Command;
use common::khabar;
use serde_json::Value;
use unicode_width::UnicodeWidthChar;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Columns a rendered line takes: the sum of its characters' widths.
fn columns(line: &str) -> usize {
    line.chars().map(|c| c.width().unwrap_or(0)).sum()
}

fn demo_articles(dir: &Path) -> Vec<Value> {
    let out = khabar(dir)
        .args(["list", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_demo_article_renders_as_rows_within_the_width() {
    let dir = tempfile::tempdir().unwrap();
    for article in demo_articles(dir.path()) {
        let id = article["id"].as_str().unwrap();
        let shown: Value = serde_json::from_slice(
            &khabar(dir.path())
                .args(["show", id, "--json"])
                .assert()
                .success()
                .get_output()
                .stdout,
        )
        .unwrap();
        let paragraphs = shown["paragraphs"].as_array().unwrap().len();
        for width in [20, 47, 80] {
            let text =
                stdout(khabar(dir.path()).args(["render", id, "--width", &width.to_string()]));
            let blocks: Vec<&str> = text.split("\n\n").collect();
            assert_eq!(blocks.len(), paragraphs, "{id} at {width}");
            for line in text.lines() {
                assert!(columns(line) <= width, "{id}: {line:?} wider than {width}");
                assert_eq!(line, line.trim_end(), "trailing spaces");
                assert!(!line.chars().any(|c| c.is_control()));
                // Arabic rows end at the last column.
                if line.starts_with(' ') {
                    assert_eq!(columns(line), width, "{line:?}");
                }
            }
            assert!(!text.contains("\n\n\n"));
        }
    }
}

#[test]
fn modes_change_the_order_and_alignment() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "عنوان الخبر\n\nقالت الوزارة في بيان رسمي إن الاجتماع سيعقد يوم الأحد المقبل في العاصمة لبحث الأزمة.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let app = stdout(khabar(dir.path()).args(["render", path, "--width", "40", "--shape", "off"]));
    assert!(app.contains("ةرازولا تلاق"), "{app}");
    assert!(app.lines().all(|l| columns(l) == 40), "{app}");
    let terminal =
        stdout(khabar(dir.path()).args(["render", path, "--width", "40", "--bidi", "terminal"]));
    assert!(terminal.contains("قالت الوزارة"), "{terminal}");
    assert!(terminal.lines().all(|l| columns(l) == 40));
    let off = stdout(khabar(dir.path()).args(["render", path, "--width", "40", "--bidi", "off"]));
    assert!(off.starts_with("قالت الوزارة"), "{off}");
    let shaped = stdout(khabar(dir.path()).args(["render", path, "--width", "40"]));
    assert!(
        shaped
            .chars()
            .any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "{shaped}"
    );
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.txt");
    std::fs::write(
        &file,
        "عنوان\n\nنص الخبر \u{1b}]0;pwned\u{7} هنا \u{1b}[2J وهناك \u{202E}مقلوب\u{202C} والمزيد من الكلام.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    for extra in [
        &[][..],
        &["--show-invisibles"][..],
        &["--bidi", "terminal"][..],
    ] {
        let text = stdout(
            khabar(dir.path())
                .args(["render", path, "--width", "30"])
                .args(extra),
        );
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202E}'));
        assert!(!text.contains("pwned"), "{text}");
    }
}

#[test]
fn bad_options_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    khabar(dir.path())
        .args(["render", "x", "--width", "0"])
        .assert()
        .failure();
    let err = khabar(dir.path())
        .args(["render", "nope", "--bidi", "rtl"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&err).contains("app, terminal or off"));
}

#[test]
fn width_is_80_columns_when_not_writing_to_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let id = demo_articles(dir.path())[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let text = stdout(khabar(dir.path()).args(["render", &id]));
    let padded: Vec<&str> = text.lines().filter(|l| l.starts_with(' ')).collect();
    assert!(!padded.is_empty());
    assert!(padded.iter().all(|l| columns(l) == 80), "{text}");
    assert!(text.lines().all(|l| columns(l) <= 80));
}

#[test]
fn config_display_settings_apply_and_flags_override_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[display]\nbidi = \"off\"\nshape = false\n",
    )
    .unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "عنوان\n\nقالت الوزارة في بيان رسمي إن الاجتماع سيعقد يوم الأحد.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let off = stdout(khabar(dir.path()).args(["render", path, "--width", "80"]));
    assert!(off.starts_with("قالت الوزارة"), "{off}");
    let app = stdout(khabar(dir.path()).args(["render", path, "--width", "80", "--bidi", "app"]));
    assert!(app.contains("ةرازولا تلاق"), "{app}");
    std::fs::write(
        dir.path().join("config.toml"),
        "[display]\nbidi = \"sideways\"\n",
    )
    .unwrap();
    let err = khabar(dir.path())
        .args(["render", path])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&err);
    assert!(
        err.contains("config.toml") && err.contains("sideways"),
        "{err}"
    );
}
