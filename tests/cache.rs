//! The article cache: an unchanged file is not read again, a changed one (size, time, or the
//! folder's outlet) is, and a damaged cache costs nothing but time.

use std::path::{Path, PathBuf};

use std::time::{Duration, SystemTime};

use khabar::core::load::{LoadOptions, load_paths};

fn page(title: &str) -> String {
    format!(
        "{title}\n\nأعلن المتحدث باسم الوزارة في بيان اليوم أن الاجتماع سيعقد الأسبوع المقبل في العاصمة بحضور الوزراء.\n\nوأضاف أن جدول الأعمال يشمل ملفات الطاقة والمياه والتجارة بين البلدين الجارين.\n"
    )
}

fn titles(dir: &Path, cache: &Path) -> Vec<String> {
    let options = LoadOptions {
        cache: Some(cache.to_path_buf()),
        ..LoadOptions::default()
    };
    let report = load_paths(&[dir.to_path_buf()], &options).unwrap();
    let mut t: Vec<String> = report
        .articles
        .iter()
        .map(|a| format!("{} | {:?}", a.title, a.source))
        .collect();
    t.sort();
    t
}

fn set_time(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

#[test]
fn unchanged_files_come_from_the_cache_and_changed_ones_are_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    let cache: PathBuf = tmp.path().join("cache/articles.bin");
    let file = dir.join("a.txt");
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    std::fs::write(&file, page("عنوان أول للخبر هنا")).unwrap();
    set_time(&file, when);
    assert_eq!(titles(&dir, &cache), ["عنوان أول للخبر هنا | None"]);
    assert!(cache.exists());

    // Same size and time: the cache answers, so the old title proves the file was not read.
    std::fs::write(&file, page("عنوان ثان للخبر هنا")).unwrap();
    set_time(&file, when);
    assert_eq!(titles(&dir, &cache), ["عنوان أول للخبر هنا | None"]);

    // A new time: read again.
    set_time(&file, when + Duration::from_secs(60));
    assert_eq!(titles(&dir, &cache), ["عنوان ثان للخبر هنا | None"]);

    // The folder's outlet changes what the file says, though the file did not change.
    std::fs::write(dir.join(".khabar.toml"), "source = \"الموقع\"\n").unwrap();
    assert_eq!(
        titles(&dir, &cache),
        ["عنوان ثان للخبر هنا | Some(\"الموقع\")"]
    );

    // A deleted file leaves the listing.
    std::fs::remove_file(&file).unwrap();
    assert!(titles(&dir, &cache).is_empty());
}

#[test]
fn a_damaged_cache_is_ignored_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), page("عنوان الخبر الوحيد")).unwrap();
    let cache = tmp.path().join("articles.bin");
    std::fs::write(&cache, b"\xff\x00garbage").unwrap();
    assert_eq!(titles(&dir, &cache), ["عنوان الخبر الوحيد | None"]);
    assert_ne!(std::fs::read(&cache).unwrap(), b"\xff\x00garbage");
    assert_eq!(titles(&dir, &cache), ["عنوان الخبر الوحيد | None"]);
}

#[test]
fn cached_articles_are_the_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    std::fs::create_dir(&dir).unwrap();
    for f in std::fs::read_dir("assets/demo").unwrap().flatten() {
        if f.path().extension().is_some_and(|e| e == "txt") {
            std::fs::copy(f.path(), dir.join(f.file_name())).unwrap();
        }
    }
    let options = LoadOptions {
        cache: Some(tmp.path().join("articles.bin")),
        ..LoadOptions::default()
    };
    let fresh = load_paths(std::slice::from_ref(&dir), &options)
        .unwrap()
        .articles;
    let cached = load_paths(std::slice::from_ref(&dir), &options)
        .unwrap()
        .articles;
    let plain = load_paths(&[dir], &LoadOptions::default())
        .unwrap()
        .articles;
    assert_eq!(fresh.len(), 5);
    assert_eq!(fresh, plain);
    // The cache is an index: everything but the body, which is read again on demand.
    for (f, c) in fresh.iter().zip(&cached) {
        assert!(c.body_pending() && !f.body_pending());
        let mut without_body = f.clone();
        without_body.paragraphs.clear();
        assert_eq!(&without_body, c);
        assert_eq!(khabar::core::load::load_body(c).unwrap(), f.paragraphs);
    }
}

#[test]
fn a_file_named_from_another_folder_keeps_its_entry_and_gets_the_new_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), page("عنوان الخبر الوحيد")).unwrap();
    let options = LoadOptions {
        cache: Some(tmp.path().join("articles.bin")),
        ..LoadOptions::default()
    };
    let absolute = load_paths(std::slice::from_ref(&dir), &options)
        .unwrap()
        .articles;
    assert!(absolute[0].path.is_absolute());
    // Named relative to the current folder, the same file is the same cache entry.
    let cwd = std::env::current_dir().unwrap();
    let relative = pathdiff(&dir, &cwd);
    let again = load_paths(std::slice::from_ref(&relative), &options)
        .unwrap()
        .articles;
    assert!(again[0].body_pending(), "served from the cache");
    assert_eq!(again[0].path, relative.join("a.txt"));
}

/// `to` as a path relative to `from` (both absolute).
fn pathdiff(to: &Path, from: &Path) -> PathBuf {
    let common = to
        .components()
        .zip(from.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in from.components().skip(common) {
        out.push("..");
    }
    for c in to.components().skip(common) {
        out.push(c);
    }
    out
}
