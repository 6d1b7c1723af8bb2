//! Facts extraction benchmarks (divan): `cargo bench --bench facts`.
//!
//! - `extract_seed`: each demo article (3.7–7.4 KB of text, 7–19 body paragraphs): the
//!   typical article the under-2-ms goal is about;
//! - `extract_demo`: all five, one after the other;
//! - `extract_100k`: a 100 KB body made of the demo paragraphs repeated, for the worst case
//!   the reader's sidebar meets.
//!
//! Name lists and cue tables are built once, before the first sample (`warm`).

use std::hint::black_box;

use khabar::core::article::Article;
use khabar::core::facts::extract_article;
use khabar::core::load::demo;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn articles() -> Vec<Article> {
    let articles = demo::load_demo().articles;
    // Builds the name automaton and the word tables outside the timed samples.
    if let Some(a) = articles.first() {
        black_box(extract_article(a));
    }
    articles
}

#[divan::bench(args = ["000", "001", "002", "003", "004"])]
fn extract_seed(bencher: divan::Bencher, name: &str) {
    let articles = articles();
    let Some(article) = articles
        .iter()
        .find(|a| a.path.to_string_lossy().contains(&format!("/{name}_")))
    else {
        panic!("no demo article {name}");
    };
    bencher.bench(|| extract_article(black_box(article)));
}

#[divan::bench]
fn extract_demo(bencher: divan::Bencher) {
    let articles = articles();
    bencher.bench(|| {
        for a in &articles {
            black_box(extract_article(black_box(a)));
        }
    });
}

#[divan::bench]
fn extract_100k(bencher: divan::Bencher) {
    let articles = articles();
    let mut big = articles[0].clone();
    big.paragraphs.clear();
    let mut bytes = 0;
    'fill: loop {
        for a in &articles {
            for p in &a.paragraphs {
                bytes += p.len();
                big.paragraphs.push(p.clone());
                if bytes >= 100_000 {
                    break 'fill;
                }
            }
        }
    }
    bencher.bench(|| extract_article(black_box(&big)));
}
