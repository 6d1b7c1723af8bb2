//! The tag engine's speed (divan): `cargo bench --bench tags`.
//!
//! - `anchor`: finding a tag's quote again in a 100 KB article — `exact` (the text
//!   unchanged: the hash matches), `moved` (a paragraph inserted before it), `folded` (its
//!   harakat and spacing changed), `fuzzy` (a word of it changed), `orphaned` (it was
//!   deleted: every pass runs and fails);
//! - `journal_load`: replaying a journal of 1,000 and of 10,000 tags (one add each) from
//!   the file, as the reader does when it starts and when another window wrote;
//! - `journal_add`: appending one tag with fsync under the lock, as `t` and `tags add` do;
//! - `placed_1000`: an article of 100 KB with 1,000 tags on it, every one placed, as the
//!   reader does when it shows the article and the tags view when it opens.
//!
//! The anchoring moved here from a test that printed its timings.

use std::hint::black_box;

use khabar::core::load::demo::load_demo;
use khabar::core::tags::anchor::anchor;
use khabar::core::tags::journal::Journal;
use khabar::core::tags::{Tag, TagBook, TagId, Target, tag_text, target_in};

#[path = "common/journal_gen.rs"]
mod journal_gen;

fn main() {
    divan::main();
}

/// About 100 KB of text ending in the sentence tagged.
fn long_text() -> String {
    let filler = "وأضاف المصدر أن المفاوضات مستمرة بين الطرفين منذ أسابيع دون نتيجة واضحة. ";
    let mut text = filler.repeat(100_000 / filler.len());
    text.push_str("\n\nونفت الوزارة ذلك في بيان رسمي صدر مساء أمس، وقالت إن الأرقام مبالغ فيها.");
    text
}

fn target_of(text: &str, quote: &str) -> Target {
    let mut article = load_demo().articles.remove(0);
    article.paragraphs = text.split("\n\n").map(str::to_string).collect();
    let joined = tag_text(&article);
    let at = joined.find(quote).unwrap_or(0);
    let start = joined[..at].chars().count();
    match target_in(&article, &joined, start, start + quote.chars().count()) {
        Some(t) => t,
        None => panic!("no target"),
    }
}

#[divan::bench(args = ["exact", "moved", "folded", "fuzzy", "orphaned"], sample_count = 50)]
fn anchor_100k(bencher: divan::Bencher, case: &str) {
    let text = long_text();
    let target = target_of(&text, "ونفت الوزارة ذلك في بيان رسمي صدر مساء أمس");
    let edited = match case {
        "exact" => text.clone(),
        "moved" => format!("سطر جديد\n\n{text}"),
        "folded" => text.replace("بيان رسمي", "بيانٍ   رسمي"),
        "fuzzy" => text.replace("بيان رسمي", "بيان مكتوب"),
        _ => text.replace("ونفت الوزارة ذلك في بيان رسمي", ""),
    };
    bencher.bench_local(|| black_box(anchor(&target, &edited)));
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn journal_load(bencher: divan::Bencher, tags: usize) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let path = dir.path().join("tags.jsonl");
    let article = load_demo().articles.remove(0);
    let text = tag_text(&article);
    let target = match target_in(&article, &text, 0, 40) {
        Some(t) => t,
        None => panic!("no target"),
    };
    journal_gen::write(&path, std::iter::repeat_n(target, tags));
    let journal = match Journal::open(&path) {
        Ok(j) => j,
        Err(e) => panic!("{e}"),
    };
    bencher.bench_local(|| match journal.load() {
        Ok(loaded) => black_box(loaded.tags.len()),
        Err(e) => panic!("{e}"),
    });
}

#[divan::bench(sample_count = 100)]
fn journal_add(bencher: divan::Bencher) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let journal = match Journal::open(dir.path().join("tags.jsonl")) {
        Ok(j) => j,
        Err(e) => panic!("{e}"),
    };
    let article = load_demo().articles.remove(0);
    let text = tag_text(&article);
    let target = match target_in(&article, &text, 0, 40) {
        Some(t) => t,
        None => panic!("no target"),
    };
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        match journal.add(journal_gen::tag_on(target.clone(), n)) {
            Ok(at) => black_box(at.end),
            Err(e) => panic!("{e}"),
        }
    });
}

#[divan::bench(sample_count = 30)]
fn placed_1000(bencher: divan::Bencher) {
    let mut article = load_demo().articles.remove(0);
    article.paragraphs = long_text().split("\n\n").map(str::to_string).collect();
    let text = tag_text(&article);
    let chars = text.chars().count();
    let tags: Vec<Tag> = (0..1_000)
        .filter_map(|k| {
            let start = k * (chars - 50) / 1_000;
            let target = target_in(&article, &text, start, start + 40)?;
            Some(Tag {
                id: TagId(format!("{k:016x}")),
                label: "disputed".into(),
                note: None,
                author: "bench".into(),
                created: chrono::Utc::now(),
                modified: None,
                target,
            })
        })
        .collect();
    let book = TagBook::new(tags);
    bencher.bench_local(|| black_box(book.placed(&article).len()));
}
