//! Hostile and broken input: arbitrary bytes never panic the loader, escape sequences never
//! survive into any field, and every encoding and line-end style of a page reads the same.

use std::path::Path;

use khabar::core::article::Article;
use khabar::core::load::{LoadError, LoadOptions, load_bytes, load_paths};
use proptest::prelude::*;

const SEED: &str = include_str!("../assets/demo/000_25ffcebcfb473456.txt");

fn fields(a: &Article) -> Vec<&str> {
    let mut v = vec![a.title.as_str()];
    v.extend(a.source.as_deref());
    v.extend(a.credit.as_deref());
    v.extend(a.paragraphs.iter().map(String::as_str));
    v
}

fn only(path: &str, bytes: &[u8]) -> Article {
    let (mut articles, problems) = load_bytes(Path::new(path), bytes, None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 1);
    articles.remove(0)
}

#[test]
fn escape_sequences_are_removed_and_counted() {
    let hostile = SEED
        .replacen(
            "أعلنت الرئاسة",
            "\u{1b}]0;pwned\u{7}أعلنت\u{1b}[2J الرئاسة",
            1,
        )
        .replacen("روسيا:", "روسيا\u{9b}31m:\u{202e}", 1);
    let a = only("hostile.txt", hostile.as_bytes());
    assert_eq!(a.removed_controls, 4);
    for f in fields(&a) {
        assert!(
            !f.chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{f:?}"
        );
    }
    assert!(a.paragraphs[0].starts_with("أعلنت الرئاسة"));
}

#[test]
fn every_encoding_and_line_end_gives_the_same_article() {
    let reference = only("a.txt", SEED.as_bytes());
    let crlf = SEED.replace('\n', "\r\n");
    let cr = SEED.replace('\n', "\r");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(SEED.as_bytes());
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SEED.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SEED.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    // Windows-1256 cannot hold every character of the seed (e.g. «ـ» is fine, but not all
    // punctuation); encode what it can.
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(SEED);
    for (name, bytes) in [
        ("crlf", crlf.as_bytes().to_vec()),
        ("cr", cr.as_bytes().to_vec()),
        ("bom", bom),
        ("utf16le", utf16le),
        ("utf16be", utf16be),
        ("cp1256", cp1256.into_owned()),
    ] {
        let a = only("a.txt", &bytes);
        assert_eq!(a.title, reference.title, "{name}");
        assert_eq!(a.source, reference.source, "{name}");
        assert_eq!(
            a.date.as_ref().map(|d| d.date),
            reference.date.as_ref().map(|d| d.date),
            "{name}"
        );
        assert_eq!(a.paragraphs.len(), reference.paragraphs.len(), "{name}");
        assert_eq!(
            a.id, reference.id,
            "{name}: the id does not depend on the encoding"
        );
    }
}

#[test]
fn oversized_and_unreadable_files_are_problems_not_failures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.txt"), SEED.repeat(4)).unwrap();
    std::fs::write(dir.path().join("ok.txt"), SEED).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
        .unwrap();
    let options = LoadOptions {
        max_bytes: SEED.len() as u64 * 2,
        ..LoadOptions::default()
    };
    let report = load_paths(&[dir.path().to_path_buf()], &options).unwrap();
    assert_eq!(report.articles.len(), 1);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.path.ends_with("big.txt") && matches!(p.error, LoadError::TooLarge { .. }))
    );
    #[cfg(unix)]
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.path.ends_with("dangling.txt")),
        "{:?}",
        report.problems
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in 0usize..8) {
        let name = ["a.txt", "a.html", "a.json", "a.jsonl", "a.md", "a.xml", "a", "a.atom"][ext];
        let (articles, _) = load_bytes(Path::new(name), &bytes, None);
        for a in &articles {
            for f in fields(a) {
                prop_assert!(!f.chars().any(|c| c.is_control()));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}", ext in 0usize..8) {
        let name = ["a.txt", "a.html", "a.json", "a.jsonl", "a.md", "a.xml", "a", "a.atom"][ext];
        let _ = load_bytes(Path::new(name), text.as_bytes(), None);
    }

    #[test]
    fn mangled_seed_never_panics(cut in 0usize..4000, junk in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut bytes = SEED.as_bytes().to_vec();
        let at = cut.min(bytes.len());
        bytes.splice(at..at, junk);
        let _ = load_bytes(Path::new("seed.txt"), &bytes, None);
    }
}

/// Worst cases that once took minutes (quadratic passes); each must load and say something
/// sensible. Sizes are kept moderate so the debug test build stays quick when they are linear.
#[test]
fn hostile_shapes_load() {
    let short_lines: String = (0..20_000).map(|i| format!("سطر قصير {i}\n")).collect();
    let (articles, problems) = load_bytes(Path::new("lines.txt"), short_lines.as_bytes(), None);
    assert_eq!(articles.len() + problems.len(), 1);

    let dates_on_a_line = "12/10/2020 ".repeat(20_000);
    let (_, problems) = load_bytes(Path::new("dates.txt"), dates_on_a_line.as_bytes(), None);
    assert_eq!(problems.len(), 1, "a line of dates is no article");

    let datelines: String =
        "الخميس 08 أكتوبر 2020\n".repeat(5_000) + "نص الخبر الوحيد في هذه الصفحة الطويلة.\n";
    let (articles, _) = load_bytes(Path::new("datelines.txt"), datelines.as_bytes(), None);
    assert_eq!(
        articles[0]
            .date
            .as_ref()
            .map(|d| d.date.to_string())
            .as_deref(),
        Some("2020-10-08")
    );

    let nested = format!("{}نص{}", "<div>".repeat(30_000), "</div>".repeat(30_000));
    let (_, problems) = load_bytes(Path::new("nested.html"), nested.as_bytes(), None);
    assert!(
        problems[0].to_string().contains("nested 30000 deep"),
        "{}",
        problems[0]
    );
}
