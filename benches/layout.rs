//! Layout micro-benchmarks (divan): `cargo bench --bench layout`.
//!
//! - `article_100k`: an article of about 100 KB (the demo articles' paragraphs, repeated),
//!   every paragraph laid out at a width with `layout_all` (paragraphs in parallel), as the
//!   body pane does when it opens an article or the terminal is resized; the goal is under
//!   5 ms at any width;
//! - `article_100k_one_core`: the same, one paragraph after another on one thread;
//! - `article_100k_cached`: the same through a warm `LayoutCache` (scrolling);
//! - `paragraph_1_9mb`: one 1.9 MB Arabic paragraph at width 80 (the `khabar render` case
//!   that BENCHMARKS.md compares with `fribidi`).

#[path = "common/paragraph_gen.rs"]
mod paragraph_gen;

use std::hint::black_box;
use std::sync::LazyLock;

use khabar::core::bidi::{
    BaseDirection, LayoutCache, LayoutOptions, layout, layout_all, paragraph_direction,
};
use khabar::core::load::demo::load_demo;

/// The allocator the `khabar` binary uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Paragraphs of the demo articles, in order, with their directions.
fn demo_paragraphs() -> Vec<(String, BaseDirection)> {
    load_demo()
        .articles
        .into_iter()
        .flat_map(|a| {
            let dir = a.direction;
            a.paragraphs.into_iter().map(move |p| {
                let d = paragraph_direction(&p, dir).into();
                (p, d)
            })
        })
        .collect()
}

/// About 100 KB of paragraphs.
static ARTICLE: LazyLock<Vec<(String, BaseDirection)>> = LazyLock::new(|| {
    let demo = demo_paragraphs();
    let mut out = Vec::new();
    let mut bytes = 0;
    for p in demo.iter().cycle() {
        if bytes >= 100 * 1024 {
            break;
        }
        bytes += p.0.len();
        out.push(p.clone());
    }
    out
});

/// One paragraph of 1.9 MB, the one `benches/render_vs_fribidi.sh` renders.
static HUGE: LazyLock<String> = LazyLock::new(|| paragraph_gen::arabic_paragraph(1_900_000));

const WIDTHS: [usize; 5] = [20, 40, 80, 120, 200];

#[divan::bench(args = WIDTHS, sample_count = 30, sample_size = 1)]
fn article_100k(bencher: divan::Bencher, width: usize) {
    let article: Vec<(&str, BaseDirection)> =
        ARTICLE.iter().map(|(t, d)| (t.as_str(), *d)).collect();
    let options = LayoutOptions::default();
    bencher
        .counter(divan::counter::BytesCount::new(
            article.iter().map(|p| p.0.len()).sum::<usize>(),
        ))
        .bench(|| black_box(layout_all(black_box(&article), width, &options)));
}

#[divan::bench(args = [20, 80, 200], sample_count = 20, sample_size = 1)]
fn article_100k_one_core(bencher: divan::Bencher, width: usize) {
    let article = &*ARTICLE;
    let options = LayoutOptions::default();
    bencher
        .counter(divan::counter::BytesCount::new(
            article.iter().map(|p| p.0.len()).sum::<usize>(),
        ))
        .bench(|| {
            for (text, dir) in article {
                black_box(layout(black_box(text), *dir, width, &options));
            }
        });
}

#[divan::bench(args = [40, 80], sample_count = 30, sample_size = 5)]
fn article_100k_cached(bencher: divan::Bencher, width: usize) {
    let article = &*ARTICLE;
    let options = LayoutOptions::default();
    let mut cache = LayoutCache::new(article.len() + 1);
    for (text, dir) in article {
        cache.get(text, *dir, width, &options);
    }
    bencher.bench_local(|| {
        for (text, dir) in article {
            black_box(cache.get(black_box(text), *dir, width, &options));
        }
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn paragraph_1_9mb(bencher: divan::Bencher) {
    let text = &*HUGE;
    let options = LayoutOptions::default();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| black_box(layout(black_box(text), BaseDirection::Rtl, 80, &options)));
}
