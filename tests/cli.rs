//! The `khabar` binary as a script uses it: `list`, `show`, JSON output, filters, errors and
//! exit codes. Each test points the config at a temporary folder so the user's own settings
//! never leak in.

mod common;

use assert_cmd::Command;
use common::khabar;
use predicates::prelude::*;
use serde_json::Value;

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("not JSON: {e}"))
}

#[test]
fn no_arguments_lists_the_demo_articles() {
    let dir = tempfile::tempdir().unwrap();
    khabar(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("بوابة الوسط"))
        .stdout(predicate::function(|s: &str| s.lines().count() == 5));
}

#[test]
fn list_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_of(khabar(dir.path()).args(["list", "--json"]));
    let arr = v.as_array().expect("an array");
    assert_eq!(arr.len(), 5);
    for a in arr {
        for key in [
            "id",
            "path",
            "title",
            "source",
            "credit",
            "date",
            "datetime",
            "date_text",
            "calendar",
            "lang",
            "direction",
            "words",
        ] {
            assert!(a.get(key).is_some(), "missing {key} in {a}");
        }
        assert!(a.get("paragraphs").is_none());
    }
    let hijri = arr
        .iter()
        .find(|a| a["calendar"] == "hijri")
        .expect("the Hijri-dated seed");
    assert_eq!(hijri["date"], "2020-10-01");
    assert_eq!(hijri["hijri"], "1442-02-14");
    let first = &arr[0];
    assert_eq!(first["date"], "2022-09-14", "newest first");
    assert_eq!(first["direction"], "rtl");
    assert_eq!(first["lang"], "ar");
    assert!(first["words"].as_u64().unwrap_or(0) > 200);
}

#[test]
fn filters_by_source_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let v = json_of(khabar(dir.path()).args(["list", "--json", "--source", "الوسط"]));
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    // Folded matching: hamza forms and case do not matter.
    let v = json_of(khabar(dir.path()).args(["list", "--json", "--source", "انصار"]));
    assert_eq!(v[0]["source"], "موقع أنصار الله");
    let v = json_of(khabar(dir.path()).args([
        "list",
        "--json",
        "--since",
        "2020-10-01",
        "--until",
        "2020-10-08",
    ]));
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["date"].as_str())
        .collect();
    assert_eq!(dates, ["2020-10-08", "2020-10-01"]);
    khabar(dir.path())
        .args(["list", "--since", "2020-13-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn show_by_id_prefix_and_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let list = json_of(khabar(dir.path()).args(["list", "--json"]));
    let id = list[0]["id"].as_str().unwrap().to_string();
    let shown = json_of(khabar(dir.path()).args(["show", &id[..8], "--json"]));
    assert_eq!(shown["id"], id.as_str());
    let paragraphs = shown["paragraphs"].as_array().expect("paragraphs");
    assert!(paragraphs.len() >= 5);

    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "وزير المالية يعلن خطة لخفض العجز\n\nأعلن وزير المالية اليوم أن الحكومة ستخفض العجز في الموازنة العامة إلى ثلاثة في المئة خلال عامين، وذلك عبر إصلاحات ضريبية واسعة.\n\nوأضاف أن الخطة تشمل دعم الأسر الأكثر حاجة وتوسيع شبكة الأمان الاجتماعي في المحافظات كافة.\n",
    )
    .unwrap();
    let shown = json_of(khabar(dir.path()).args(["show", file.to_str().unwrap(), "--json"]));
    assert_eq!(shown["title"], "وزير المالية يعلن خطة لخفض العجز");
    assert_eq!(shown["paragraphs"].as_array().map(Vec::len), Some(2));

    khabar(dir.path())
        .args(["show", &id[..8]])
        .assert()
        .success()
        .stdout(predicate::str::contains(list[0]["title"].as_str().unwrap()));
}

#[test]
fn unknown_ids_and_missing_paths_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    khabar(dir.path())
        .args(["show", "ffffffffffff"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no article has the id 'ffffffffffff'",
        ));
    khabar(dir.path())
        .args(["list", "/no/such/folder"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("/no/such/folder")
                .and(predicate::str::contains("no such file")),
        );
}

#[test]
fn bad_files_are_skipped_and_named_while_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(news.join("empty.txt"), "").unwrap();
    std::fs::write(news.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(news.join("broken.json"), "{\"title\": ").unwrap();
    std::fs::write(news.join("photo.jpg"), b"\xFF\xD8\xFF").unwrap(); // not an article file: ignored
    std::fs::copy(
        "assets/demo/000_25ffcebcfb473456.txt",
        news.join("good.txt"),
    )
    .unwrap();
    let out = khabar(dir.path())
        .args(["list", "--json"])
        .arg(&news)
        .assert()
        .success();
    let out = out.get_output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");
    assert!(
        stderr.contains("image.txt: binary file (PNG image)"),
        "{stderr}"
    );
    assert!(stderr.contains("broken.json: malformed JSON"), "{stderr}");
    assert!(!stderr.contains("photo.jpg"), "{stderr}");
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

#[test]
fn config_folders_and_folder_source() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::copy("assets/demo/003_6b939b76667bada4.txt", news.join("a.txt")).unwrap();
    std::fs::write(news.join(".khabar.toml"), "source = \"مصدر المجلد\"\n").unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[library]\nfolders = [\"news\"]\n",
    )
    .unwrap();
    let v = json_of(khabar(dir.path()).args(["list", "--json"]));
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["source"], "مصدر المجلد");

    std::fs::write(dir.path().join("config.toml"), "[library\n").unwrap();
    khabar(dir.path())
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.toml"));
    // khabar never rewrites the user's file, even a broken one.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("config.toml")).unwrap(),
        "[library\n"
    );
}

#[test]
fn a_second_listing_comes_from_the_cache_and_says_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    for f in std::fs::read_dir("assets/demo").unwrap().flatten() {
        if f.path().extension().is_some_and(|e| e == "txt") {
            std::fs::copy(f.path(), news.join(f.file_name())).unwrap();
        }
    }
    std::fs::write(news.join("broken.json"), "{").unwrap();
    let run = |extra: &[&str]| {
        let out = khabar(dir.path())
            .args(["list", "--json"])
            .args(extra)
            .arg(&news)
            .assert()
            .success();
        let out = out.get_output();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let first = run(&[]);
    assert!(dir.path().join("cache/khabar/articles.bin").exists());
    let second = run(&[]);
    let uncached = run(&["--no-cache"]);
    assert_eq!(first.0, second.0);
    assert_eq!(first.0, uncached.0);
    // `show` by path, twice: the second time the cache knows the file, and the body is there.
    let file = news.join("000_25ffcebcfb473456.txt");
    for _ in 0..2 {
        let shown = json_of(khabar(dir.path()).args(["show", "--json"]).arg(&file));
        assert_eq!(
            shown["paragraphs"].as_array().map(Vec::len),
            Some(7),
            "{shown}"
        );
    }
    // `show` by id reads the body again from the file the cache points to.
    let listed: Value = serde_json::from_str(&second.0).unwrap();
    let id = listed[0]["id"].as_str().unwrap();
    let shown = json_of(
        khabar(dir.path())
            .args(["show", id, "--json", "--in"])
            .arg(&news),
    );
    assert!(
        shown["paragraphs"].as_array().is_some_and(|p| p.len() >= 5),
        "{shown}"
    );
    // A bad file is never cached away: it is reported on every run.
    for (_, stderr) in [&first, &second, &uncached] {
        assert!(stderr.contains("broken.json"), "{stderr}");
    }
}

#[test]
fn print_config_prints_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    khabar(dir.path())
        .arg("--print-config")
        .assert()
        .success()
        .stdout(predicate::str::contains("max_file_mb = 50"));
}
