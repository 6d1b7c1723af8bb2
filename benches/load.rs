//! Loader micro-benchmarks (divan): `cargo bench --bench load`.
//!
//! - `load_bytes` on each seed page (decode, sanitize, scraped-text reader, finish);
//! - `load_demo`: the five embedded seeds, as `khabar` with no arguments does;
//! - `load_paths` over 1,000 generated files in a temp folder (walk, read, parallel load,
//!   sort), the same generator as `examples/gen_corpus.rs`.
//!
//! Sample counts are kept small so the whole run stays well under two minutes on a shared
//! two-core machine; pass divan options after `--` for longer runs, e.g.
//! `cargo bench --bench load -- --sample-count 100`.

#[path = "common/corpus_gen.rs"]
mod corpus_gen;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use khabar::core::load::{LoadOptions, demo, load_bytes, load_paths};

/// The generated 1,000-file folder and its size in bytes, made in `main` before the benches.
static CORPUS: OnceLock<(PathBuf, u64)> = OnceLock::new();

fn main() {
    // Made here rather than lazily so that the temp folder is removed when the run ends.
    let dir = match tempfile::Builder::new().prefix("khabar-bench-").tempdir() {
        Ok(d) => d,
        Err(e) => panic!("cannot make a temp folder: {e}"),
    };
    let stats = match corpus_gen::generate(dir.path(), 1_000, 1) {
        Ok(s) => s,
        Err(e) => panic!("cannot generate the corpus: {e}"),
    };
    let _ = CORPUS.set((dir.path().to_path_buf(), stats.bytes));
    divan::main();
    drop(dir);
}

const SEED_NAMES: [&str; 5] = ["000", "001", "002", "003", "004"];

/// One seed page through `load_bytes` (no disk access).
#[divan::bench(args = SEED_NAMES, sample_count = 50, sample_size = 10)]
fn seed_load_bytes(bencher: divan::Bencher, name: &str) {
    let Some((file, text)) = demo::FILES.iter().find(|(f, _)| f.starts_with(name)) else {
        panic!("no seed {name}");
    };
    let path = Path::new("demo").join(file);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| load_bytes(black_box(&path), black_box(text.as_bytes()), None));
}

/// The five embedded seeds, loaded and sorted.
#[divan::bench(sample_count = 50, sample_size = 5)]
fn load_demo() -> khabar::core::load::LoadReport {
    demo::load_demo()
}

/// Walk + read + parallel load + sort of 1,000 files (about 5 MB).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_paths_1000(bencher: divan::Bencher) {
    let Some((dir, bytes)) = CORPUS.get() else {
        panic!("the corpus is made in main");
    };
    let paths = vec![dir.clone()];
    let options = LoadOptions::default();
    // Check once that the corpus loads cleanly; a silent failure would make a fast bench.
    let report = load_paths(&paths, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.articles.len() + report.problems.len(), 1_000);
    bencher
        .counter(divan::counter::BytesCount::new(*bytes))
        .bench(|| load_paths(black_box(&paths), &options));
}
