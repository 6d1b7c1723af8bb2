//! The reader's speed (divan): `cargo bench --bench reader`.
//!
//! With 10,000 generated articles loaded (the generator of `examples/gen_corpus.rs`):
//! - `key_and_draw`: one key press handled by `update` and the frame drawn into a 120×40
//!   `TestBackend` — `j` (the next article: its facts extracted, its body laid out), `G`/`g`
//!   (the list's ends), `Tab` (focus), `n` (next search match);
//! - `search_and_draw`: a search applied over every title and body (`/الرئيس` Enter), and
//!   cleared (`x`);
//! - `first_frame`: the loaded articles handed to the reader and the first frame drawn, the
//!   time from the end of loading to the list on screen (bodies are folded for search after
//!   it, in the background; the other benches start with them folded);
//! - `scroll_100k`: PageDown through a 100 KB article, each press drawn;
//! - with a journal of 1,000 tags (one on every tenth article; the argument 1 is 10,000, one
//!   on every article): `tagged_key` (`j` to the next article, whose tags are placed in its
//!   text), `tag_save` (`t` `t` Enter Enter in the body: a sentence chosen, labelled and
//!   saved — fsync, the journal read again, every article's labels worked out — and the
//!   frame), and `tags_view` (`a`: every tag listed under its article with its status,
//!   drawn; then Esc).
//!
//! The goal (issue 5): under 5 ms per key press with its frame, the first frame within
//! 100 ms of the end of loading.

#[path = "common/corpus_gen.rs"]
mod corpus_gen;
#[path = "common/journal_gen.rs"]
mod journal_gen;

use std::hint::black_box;
use std::sync::OnceLock;

use khabar::config::Config;
use khabar::core::article::Article;
use khabar::core::load::{LoadOptions, LoadReport, demo::load_demo, load_paths};
use khabar::tui::{App, Msg, app_for, draw, run_job, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
/// The tag journal the benches use: inside the temp folder, never the user's.
static TAGS: OnceLock<std::path::PathBuf> = OnceLock::new();

fn main() {
    let dir = match tempfile::Builder::new().prefix("khabar-reader-").tempdir() {
        Ok(d) => d,
        Err(e) => panic!("cannot make a temp folder: {e}"),
    };
    // `cargo test --all-targets` runs each bench once, unoptimised, as a check that it
    // works: a small library is enough there.
    let count = if std::env::args().any(|a| a == "--bench") {
        10_000
    } else {
        200
    };
    if let Err(e) = corpus_gen::generate(dir.path(), count, 1) {
        panic!("cannot generate the corpus: {e}");
    }
    let report = match load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()) {
        Ok(r) => r,
        Err(e) => panic!("cannot load the corpus: {e}"),
    };
    assert!(
        report.articles.len() >= count,
        "{} articles",
        report.articles.len()
    );
    let _ = ARTICLES.set(report.articles);
    let _ = TAGS.set(dir.path().join("tags").join("tags.jsonl"));
    divan::main();
    drop(dir);
}

fn loaded(articles: Vec<Article>) -> App {
    let mut config = Config::default();
    config.tags.file = TAGS.get().cloned();
    loaded_with(&config, articles)
}

/// The reader for `config`, handed `articles` as loading does.
fn loaded_with(config: &Config, articles: Vec<Article>) -> App {
    let mut app = match app_for(config, false) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    // The tag journal's first reading, a background job in the reader.
    run_jobs(&mut app);
    update(
        &mut app,
        Msg::Loaded(LoadReport {
            articles,
            problems: Vec::new(),
        }),
    );
    app
}

/// [`loaded`], with the bodies folded for search as the background job does after the
/// first frame.
fn indexed(articles: Vec<Article>) -> App {
    let mut app = loaded(articles);
    run_jobs(&mut app);
    app
}

/// Runs the jobs the reader would run in the background, and hands it what they found.
fn run_jobs(app: &mut App) {
    let (tx, rx) = std::sync::mpsc::channel();
    for job in std::mem::take(&mut app.jobs) {
        run_job(job, &tx);
    }
    drop(tx);
    for msg in rx {
        update(app, msg);
    }
}

fn terminal() -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(120, 40)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn press(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    if let Err(e) = term.draw(|f| draw(f, app)) {
        panic!("{e}");
    }
}

fn library() -> Vec<Article> {
    ARTICLES.get().cloned().unwrap_or_default()
}

/// The reader on the library with a journal of its own in `dir`, holding a tag on the first
/// sentence of every `stride`th article (written as one file, not tag by tag).
fn tagged(dir: &std::path::Path, stride: usize) -> App {
    use khabar::core::tags::{tag_text, target_in};
    let articles = library();
    let path = dir.join("tags.jsonl");
    let targets = articles.iter().step_by(stride).filter_map(|a| {
        let text = tag_text(a);
        let end = text.chars().take_while(|&c| c != '.').count().clamp(1, 200);
        target_in(a, &text, 0, end.min(text.chars().count()))
    });
    journal_gen::write(&path, targets);
    let mut config = Config::default();
    config.tags.file = Some(path);
    let app = loaded_with(&config, articles);
    assert!(
        app.tags.book().tags().len() >= 20 / stride,
        "the journal was not read"
    );
    app
}

fn temp() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

#[divan::bench(sample_count = 200, sample_size = 1)]
fn tagged_key(bencher: divan::Bencher) {
    let dir = temp();
    let mut app = tagged(dir.path(), 10);
    let mut term = terminal();
    frame(&mut term, &app);
    bencher.bench_local(|| {
        press(&mut app, KeyCode::Char('j'));
        frame(&mut term, &app);
        black_box(app.list.selected)
    });
}

/// `stride`: a tag on every `stride`th article (10: 1,000 tags; 1: 10,000).
#[divan::bench(args = [10, 1], sample_count = 30, sample_size = 1)]
fn tag_save(bencher: divan::Bencher, stride: usize) {
    let dir = temp();
    let mut app = tagged(dir.path(), stride);
    let mut term = terminal();
    press(&mut app, KeyCode::Tab);
    frame(&mut term, &app);
    bencher.bench_local(|| {
        for code in [
            KeyCode::Char('t'),
            KeyCode::Char('t'),
            KeyCode::Enter,
            KeyCode::Enter,
        ] {
            press(&mut app, code);
        }
        frame(&mut term, &app);
        black_box(app.tags.book().tags().len())
    });
}

#[divan::bench(args = [10, 1], sample_count = 30, sample_size = 1)]
fn tags_view(bencher: divan::Bencher, stride: usize) {
    let dir = temp();
    let mut app = tagged(dir.path(), stride);
    let mut term = terminal();
    frame(&mut term, &app);
    bencher.bench_local(|| {
        press(&mut app, KeyCode::Char('a'));
        frame(&mut term, &app);
        press(&mut app, KeyCode::Esc);
        black_box(app.shown.len())
    });
}

#[divan::bench(args = ["j", "G", "g", "Tab", "n"], sample_count = 200, sample_size = 1)]
fn key_and_draw(bencher: divan::Bencher, key: &str) {
    let mut app = indexed(library());
    let mut term = terminal();
    if key == "n" {
        for c in "/الرئيس".chars() {
            press(&mut app, KeyCode::Char(c));
        }
        press(&mut app, KeyCode::Enter);
    }
    frame(&mut term, &app);
    let code = match key {
        "Tab" => KeyCode::Tab,
        k => KeyCode::Char(k.chars().next().unwrap_or('j')),
    };
    bencher.bench_local(|| {
        press(&mut app, code);
        frame(&mut term, &app);
        black_box(app.list.selected)
    });
}

#[divan::bench(args = ["search", "clear"], sample_count = 20, sample_size = 1)]
fn search_and_draw(bencher: divan::Bencher, what: &str) {
    let mut app = indexed(library());
    let mut term = terminal();
    frame(&mut term, &app);
    bencher.bench_local(|| {
        if what == "search" {
            press(&mut app, KeyCode::Char('x'));
            for c in "/الرئيس".chars() {
                press(&mut app, KeyCode::Char(c));
            }
            press(&mut app, KeyCode::Enter);
        } else {
            press(&mut app, KeyCode::Char('x'));
        }
        frame(&mut term, &app);
        black_box(app.shown.len())
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn first_frame(bencher: divan::Bencher) {
    bencher.with_inputs(library).bench_local_values(|articles| {
        let app = loaded(articles);
        let mut term = terminal();
        frame(&mut term, &app);
        app
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn scroll_100k(bencher: divan::Bencher) {
    let mut article = load_demo().articles.remove(0);
    let paragraphs: Vec<String> = load_demo()
        .articles
        .into_iter()
        .flat_map(|a| a.paragraphs)
        .collect();
    article.paragraphs.clear();
    let mut bytes = 0;
    for p in paragraphs.iter().cycle() {
        if bytes >= 100 * 1024 {
            break;
        }
        bytes += p.len();
        article.paragraphs.push(p.clone());
    }
    let mut app = loaded(vec![article]);
    let mut term = terminal();
    press(&mut app, KeyCode::Tab);
    frame(&mut term, &app);
    bencher.bench_local(|| {
        press(&mut app, KeyCode::PageDown);
        if app.body_scroll + 40 >= 3000 {
            press(&mut app, KeyCode::Char('g'));
        }
        frame(&mut term, &app);
        black_box(app.body_scroll)
    });
}
