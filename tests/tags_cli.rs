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

#[test]
fn export_and_import_round_trip_and_importing_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = add(dir.path(), "الرئيس الروسي", "disputed");
    let second = add(dir.path(), "وزير الخارجية الروسي", "needs-source");
    for format in ["json", "w3c"] {
        let out = khabar(dir.path())
            .args(["tags", "export", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let exported = dir.path().join(format!("tags.{format}.json"));
        std::fs::write(&exported, &out.stdout).unwrap();
        // Into an empty journal, twice.
        let other = tempfile::tempdir().unwrap();
        for expected in [
            "imported 2 tags (0 already there)",
            "imported 0 tags (2 already there)",
        ] {
            khabar(other.path())
                .args(["tags", "import"])
                .arg(&exported)
                .assert()
                .success()
                .stdout(predicate::str::contains(expected));
        }
        let list = khabar(other.path())
            .args(["tags", "list", "--json"])
            .output()
            .unwrap();
        let tags: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        let ids: Vec<&str> = tags
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [first.as_str(), second.as_str()], "{format}");
        assert_eq!(tags[0]["target"]["quote"]["exact"], "الرئيس الروسي");
    }
    let w3c = khabar(dir.path())
        .args(["tags", "export", "--format", "w3c"])
        .output()
        .unwrap();
    let w3c: serde_json::Value = serde_json::from_slice(&w3c.stdout).unwrap();
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["first"]["items"][0]["type"], "Annotation");
    let csv = khabar(dir.path())
        .args(["tags", "export", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("id,article,path,title,quote,"), "{csv}");
    // One record per tag (a context with a line break is quoted, so records are found by id).
    for id in [&first, &second] {
        assert!(csv.contains(&format!("\r\n{id},")), "{id} missing:\n{csv}");
    }
    assert!(
        csv.contains("الرئيس الروسي") && csv.contains("needs-source"),
        "{csv}"
    );
}

#[test]
fn tags_find_their_text_again_when_the_article_file_changes_and_are_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    let file = news.join("article.txt");
    let title = "وزارة الصحة تعلن حصيلة جديدة";
    let claim = "وأعلنت الوزارة أن عدد المصابين بلغ 320 شخصاً حتى مساء أمس.";
    let other = "وقالت مصادر طبية إن المستشفيات تعمل بكامل طاقتها في المدينة منذ يومين.";
    std::fs::write(&file, format!("{title}\n\n{claim}\n\n{other}\n")).unwrap();
    let id = String::from_utf8(
        khabar(dir.path())
            .args(["tags", "add"])
            .arg(&file)
            .args([
                "--quote",
                "عدد المصابين بلغ 320 شخصاً",
                "--label",
                "unverified",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let id = id.trim();
    let status = |dir: &Path| {
        let list = khabar(dir)
            .args(["tags", "list", "--json"])
            .output()
            .unwrap();
        let tags: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        tags[0]["anchor"]["status"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(status(dir.path()), "ok");
    // A paragraph inserted before it, and whitespace changed.
    let lead = "وفي تطور آخر، أغلقت السلطات المدارس في المنطقة الشمالية لمدة أسبوع.";
    std::fs::write(
        &file,
        format!(
            "{title}\n\n{lead}\n\n{}\n\n{other}\n",
            claim.replace(' ', "  ")
        ),
    )
    .unwrap();
    assert_eq!(status(dir.path()), "moved");
    // A word in the quote changed.
    std::fs::write(
        &file,
        format!(
            "{title}\n\n{lead}\n\n{}\n\n{other}\n",
            claim.replace("بلغ", "وصل")
        ),
    )
    .unwrap();
    assert_eq!(status(dir.path()), "moved");
    // The claim deleted: the tag stays, orphaned.
    std::fs::write(&file, format!("{title}\n\n{lead}\n\n{other}\n")).unwrap();
    assert_eq!(status(dir.path()), "orphaned");
    khabar(dir.path())
        .args(["tags", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(id).and(predicate::str::contains("orphaned")));
}

#[test]
fn the_author_is_the_configured_one_else_the_user_name_else_the_account_name() {
    let author = |dir: &Path, cmd: &mut assert_cmd::Command| {
        cmd.args(["tags", "add", HAYA, "--quote", "الرئيس الروسي"])
            .args(["--label", "verified"])
            .assert()
            .success();
        let line = journal(dir).lines().last().unwrap().to_string();
        let event: serde_json::Value = serde_json::from_str(&line).unwrap();
        event["tag"]["author"].as_str().unwrap().to_string()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = khabar(dir.path());
    cmd.env("USER", "layla");
    assert_eq!(author(dir.path(), &mut cmd), "layla");
    // Started with none of USER, USERNAME, LOGNAME (cron, a container, `env -i`): the name
    // of the account the process runs as.
    let mut cmd = khabar(dir.path());
    for var in ["USER", "USERNAME", "LOGNAME"] {
        cmd.env_remove(var);
    }
    let account = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8(account.stdout)
        .unwrap()
        .trim()
        .to_string();
    assert!(!account.is_empty());
    assert_eq!(author(dir.path(), &mut cmd), account);
    // The config's author wins over both.
    std::fs::write(
        dir.path().join("config.toml"),
        "[tags]\nauthor = \"Reem Haddad\"\n",
    )
    .unwrap();
    assert_eq!(author(dir.path(), &mut khabar(dir.path())), "Reem Haddad");
}

#[test]
fn an_imported_file_puts_no_escape_sequence_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    add(dir.path(), "الرئيس الروسي", "disputed");
    let out = khabar(dir.path())
        .args(["tags", "export", "--format", "json"])
        .output()
        .unwrap();
    let mut tags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Someone else's file: a new id, with a title change, a bell and a colour in its note.
    tags[0]["id"] = "00000000000000ff".into();
    tags[0]["note"] = "\u{1b}]0;owned\u{7}\u{1b}[31mred".into();
    let file = dir.path().join("theirs.json");
    std::fs::write(&file, tags.to_string()).unwrap();
    khabar(dir.path())
        .args(["tags", "import"])
        .arg(&file)
        .assert()
        .success();
    for args in [
        &["tags", "list"][..],
        &["tags", "export", "--format", "csv"][..],
    ] {
        let out = khabar(dir.path()).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let shown = String::from_utf8(out.stdout).unwrap();
        assert!(shown.contains("red"), "{args:?}: {shown}");
        assert!(
            !shown.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{args:?}: {shown:?}"
        );
    }
}

#[test]
fn compact_rewrites_the_journal_keeping_tags_and_removals() {
    let dir = tempfile::tempdir().unwrap();
    khabar(dir.path())
        .args(["tags", "compact"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing to compact"));
    assert!(
        !dir.path().join("data/khabar").exists(),
        "nothing was created"
    );
    let kept = add(dir.path(), "الرئيس الروسي", "disputed");
    let gone = add(dir.path(), "وزير الخارجية الروسي", "needs-source");
    khabar(dir.path())
        .args(["tags", "rm", &gone])
        .assert()
        .success();
    assert_eq!(journal(dir.path()).lines().count(), 3);
    khabar(dir.path())
        .args(["tags", "compact"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 tags and 1 removals kept"));
    let lines: Vec<String> = journal(dir.path()).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains(&kept) && lines[1].starts_with(r#"{"op":"remove""#));
    khabar(dir.path())
        .args(["tags", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&kept).and(predicate::str::contains(&gone).not()));
}
