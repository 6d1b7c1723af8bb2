//! Query filtering benchmarks (divan): `cargo bench --bench query`.
//!
//! The reader filters its whole library on every change of the query, so these time
//! `Query::matches` over 10,000 articles made by the corpus generator (`common/corpus_gen.rs`,
//! the same varied demo pages as `benches/load.rs`, loaded in memory with bodies):
//!
//! - `filter_word`: one Arabic word that about half the articles hold (`الرئيس`);
//! - `filter_absent_word`: a word no article holds, so every title and body is scanned whole;
//! - `filter_fields`: source, date, language and an excluded word together;
//! - `search_docs`: folding the 10,000 articles into `SearchDoc`s, done once per load;
//! - `find_matches_article`: the highlight ranges of one query in every paragraph of one article.

#[path = "common/corpus_gen.rs"]
mod corpus_gen;

use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;

use khabar::core::article::Article;
use khabar::core::load::{demo, load_bytes};
use khabar::core::query::Query;
use khabar::core::search::{SearchDoc, find_matches};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const COUNT: usize = 10_000;

/// The generated articles and their folded forms, made once before the benches.
static CORPUS: OnceLock<(Vec<Article>, Vec<SearchDoc>)> = OnceLock::new();

fn main() {
    let mut rng = corpus_gen::Rng::new(1);
    let mut articles = Vec::with_capacity(COUNT);
    for i in 0..COUNT {
        let (name, text) = demo::FILES[i % demo::FILES.len()];
        let made = corpus_gen::vary(text, &mut rng);
        let (mut loaded, _) = load_bytes(Path::new(name), made.text.as_bytes(), None);
        articles.append(&mut loaded);
    }
    assert_eq!(articles.len(), COUNT, "every generated page loads");
    let docs = articles.iter().map(SearchDoc::new).collect();
    let _ = CORPUS.set((articles, docs));
    divan::main();
}

fn corpus() -> &'static (Vec<Article>, Vec<SearchDoc>) {
    CORPUS
        .get()
        .unwrap_or_else(|| panic!("the corpus is made in main"))
}

/// How many of the 10,000 articles `query` keeps.
fn count(query: &Query) -> usize {
    let (articles, docs) = corpus();
    articles
        .iter()
        .zip(docs)
        .filter(|(a, d)| query.matches(a, d, &[]))
        .count()
}

/// Bytes of titles and bodies: what a word query may scan.
fn text_bytes() -> usize {
    corpus()
        .0
        .iter()
        .map(|a| a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum()
}

fn bench_query(bencher: divan::Bencher, text: &str, expect: impl Fn(usize) -> bool) {
    let query = Query::parse(text).unwrap_or_else(|e| panic!("{e}"));
    let kept = count(&query);
    assert!(expect(kept), "{text} kept {kept}");
    bencher
        .counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| count(black_box(&query)));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn filter_word(bencher: divan::Bencher) {
    bench_query(bencher, "الرئيس", |n| n > 0 && n < COUNT);
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn filter_absent_word(bencher: divan::Bencher) {
    bench_query(bencher, "زلزال", |n| n == 0);
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn filter_fields(bencher: divan::Bencher) {
    bench_query(
        bencher,
        "source:الوسط,وكالات since:2020-10-01 lang:ar -بوتين",
        |n| n < COUNT,
    );
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn search_docs(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| corpus().0.iter().map(SearchDoc::new).collect::<Vec<_>>());
}

#[divan::bench(sample_count = 50, sample_size = 10)]
fn find_matches_article(bencher: divan::Bencher) {
    let article = &corpus().0[0];
    let needles = Query::parse("الرئيس \"وزارة الدفاع\" اذربيجان")
        .unwrap_or_else(|e| panic!("{e}"))
        .highlight_needles();
    bencher.bench(|| {
        article
            .paragraphs
            .iter()
            .map(|p| find_matches(black_box(p), &needles).len())
            .sum::<usize>()
    });
}
