//! Loading: from paths to [`Article`]s. Finds files (recursively), decodes their bytes,
//! dispatches to one reader per format, then applies what every format shares (in
//! `finish`): sanitizing, credits, dates and sources found in visible lines, language
//! detection, ids, and the folder's `.khabar.toml`. Files are read in parallel; a bad file
//! becomes a [`LoadProblem`] and never stops the others.

pub mod bodies;
pub mod boiler;
pub mod cache;
pub mod decode;
pub mod demo;
pub mod draft;
pub mod feed;
mod finish;
pub mod html;
pub mod json;
pub mod markdown;
pub mod meta;
pub mod outlet;
pub mod scraped;
mod walk;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

pub use bodies::load_bodies;
pub use draft::{Draft, FormatError};

use crate::core::article::{Article, Format};
use decode::DecodeError;

/// Default size limit for one file.
pub const DEFAULT_MAX_BYTES: u64 = 50 * 1024 * 1024;

/// How to load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a problem.
    pub max_bytes: u64,
    /// The article cache file, if one is used (see [`cache`]).
    pub cache: Option<PathBuf>,
    /// Counts files as they are read, for a progress bar.
    pub progress: Option<Arc<LoadProgress>>,
}

/// How far a [`load_paths`] has got: files found, and files done (from the cache or read).
/// Updated from the loading threads; read from any other. Made with
/// [`LoadProgress::streaming`], it also keeps the articles read so far, for a reader that
/// shows a large library while the rest of it loads.
#[derive(Debug, Default)]
pub struct LoadProgress {
    pub total: AtomicUsize,
    pub done: AtomicUsize,
    arrived: Option<Mutex<Vec<Article>>>,
}

impl LoadProgress {
    /// A progress that also hands over the articles as they are read ([`Self::take_arrived`]).
    pub fn streaming() -> LoadProgress {
        LoadProgress {
            arrived: Some(Mutex::new(Vec::new())),
            ..LoadProgress::default()
        }
    }

    fn arrive(&self, articles: &[Article]) {
        if let Some(Ok(mut arrived)) = self.arrived.as_ref().map(Mutex::lock) {
            arrived.extend_from_slice(articles);
        }
    }

    /// The articles read since the last call, in no particular order (streaming only).
    pub fn take_arrived(&self) -> Vec<Article> {
        match self.arrived.as_ref().map(Mutex::lock) {
            Some(Ok(mut arrived)) => std::mem::take(&mut *arrived),
            _ => Vec::new(),
        }
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            cache: None,
            progress: None,
        }
    }
}

/// Why a file, or one article in it, was skipped.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "file too large ({size} bytes; the limit is {limit} bytes, see max_file_mb in the config)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error("bad folder settings in .khabar.toml: {0}")]
    Folder(String),
}

/// A skipped file (or an item of it, for feeds and JSON Lines).
#[derive(Debug)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub item: Option<usize>,
    pub error: LoadError,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.item {
            Some(n) => write!(
                f,
                "{} (item {}): {}",
                self.path.display(),
                n + 1,
                self.error
            ),
            None => write!(f, "{}: {}", self.path.display(), self.error),
        }
    }
}

/// What a load produced: articles newest first (undated last), and what was skipped.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
}

/// A path given to [`load_paths`] that does not exist or cannot be listed.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}", path = path.display())]
pub struct PathError {
    pub path: PathBuf,
    pub reason: String,
}

/// Loads every article under `paths` (files, or folders read recursively). Files the cache
/// holds unchanged are not read again; the others are read in parallel.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Result<LoadReport, PathError> {
    let started = std::time::Instant::now();
    let (files, mut problems) = walk::collect(paths)?;
    tracing::debug!(
        files = files.len(),
        ms = started.elapsed().as_millis(),
        "files found"
    );
    let tick = |n: usize| {
        if let Some(p) = &options.progress {
            p.done.fetch_add(n, Ordering::Relaxed);
        }
    };
    if let Some(p) = &options.progress {
        p.total.store(files.len(), Ordering::Relaxed);
    }
    let mut cache = options.cache.clone().map(cache::Cache::open);
    let stamps: Vec<Option<cache::Stamp>> = match cache {
        Some(_) => files
            .par_iter()
            .map(|f| {
                std::fs::metadata(&f.path)
                    .ok()
                    .and_then(|m| cache::Stamp::of(&m))
            })
            .collect(),
        None => vec![None; files.len()],
    };
    let mut articles = Vec::new();
    let mut fresh = Vec::new();
    // Whether each file's articles may be cached: read cleanly, with at least one article.
    let mut cacheable = vec![false; files.len()];
    for (i, file) in files.iter().enumerate() {
        let hit = match (cache.as_mut(), stamps[i]) {
            (Some(c), Some(stamp)) => c.take(&file.path, stamp, file.source.as_deref()),
            _ => None,
        };
        match hit {
            Some(cached) => {
                articles.extend(cached);
                cacheable[i] = true;
            }
            None => fresh.push(i),
        }
    }
    tick(files.len() - fresh.len());
    tracing::debug!(
        cached = files.len() - fresh.len(),
        ms = started.elapsed().as_millis(),
        "cache read"
    );
    if let Some(p) = &options.progress {
        p.arrive(&articles);
    }
    let outcomes: Vec<(usize, Vec<Article>, Vec<LoadProblem>)> = fresh
        .par_iter()
        .map(|&i| {
            let (a, p) = load_file(&files[i].path, files[i].source.as_deref(), options);
            if let Some(progress) = &options.progress {
                progress.arrive(&a);
            }
            tick(1);
            (i, a, p)
        })
        .collect();
    for (i, a, p) in outcomes {
        cacheable[i] = p.is_empty() && !a.is_empty();
        articles.extend(a);
        problems.extend(p);
    }
    tracing::debug!(
        read = fresh.len(),
        ms = started.elapsed().as_millis(),
        "files read"
    );
    sort_newest_first(&mut articles);
    if let Some(mut cache) = cache {
        if !fresh.is_empty() {
            cache.mark_changed();
        }
        let seen: Vec<cache::Seen<'_>> = files
            .iter()
            .zip(&stamps)
            .zip(&cacheable)
            .filter_map(|((f, stamp), &ok)| {
                Some(cache::Seen {
                    path: &f.path,
                    stamp: stamp.filter(|_| ok)?,
                    folder_source: f.source.as_deref(),
                })
            })
            .collect();
        cache.forget_missing_under(paths, &seen);
        // The cache only saves work: failing to write it costs the next run some time and
        // nothing else, so the error is not the user's problem.
        let _ = cache.save(&seen, &articles);
    }
    Ok(LoadReport { articles, problems })
}

/// Why the body of an article listed from the cache could not be read again.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("{path}: {error}", path = .0.path.display(), error = .0.error)]
    Load(LoadProblem),
    #[error("{0} no longer holds article {1}: it changed since it was listed")]
    Changed(String, String),
}

/// Reads the body of an article that came from the cache index, from its file (many at
/// once: [`load_bodies`]).
pub fn load_body(article: &Article) -> Result<Vec<String>, BodyError> {
    let (articles, mut problems) = load_file(&article.path, None, &LoadOptions::default());
    if let Some(found) = articles.into_iter().find(|a| a.id == article.id) {
        return Ok(found.paragraphs);
    }
    match problems.pop() {
        Some(p) => Err(BodyError::Load(p)),
        None => Err(BodyError::Changed(
            article.path.display().to_string(),
            article.id.to_string(),
        )),
    }
}

/// Sorts newest first; undated articles go last, in title order.
pub fn sort_newest_first(articles: &mut [Article]) {
    articles.sort_by(newest_first);
}

/// The order of [`sort_newest_first`], for lists of other things that hold articles.
pub fn newest_first(a: &Article, b: &Article) -> std::cmp::Ordering {
    let key = |x: &Article| x.date.as_ref().map(|d| (d.date, d.time));
    key(b).cmp(&key(a)).then_with(|| a.title.cmp(&b.title))
}

/// Loads one file. `folder_source` is the `source` of the folder's `.khabar.toml`.
pub fn load_file(
    path: &Path,
    folder_source: Option<&str>,
    options: &LoadOptions,
) -> (Vec<Article>, Vec<LoadProblem>) {
    let problem = |error: LoadError| LoadProblem {
        path: path.to_path_buf(),
        item: None,
        error,
    };
    let bytes = match read_limited(path, options.max_bytes) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), vec![problem(e)]),
    };
    load_owned(path, bytes, folder_source)
}

/// Reads a file of at most `limit` bytes through one handle: its size comes from the open
/// file, and a file that grows past the limit while being read is still refused.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(LoadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(LoadError::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// Loads the articles in `bytes`, read from `path` (whose extension chooses the reader).
pub fn load_bytes(
    path: &Path,
    bytes: &[u8],
    folder_source: Option<&str>,
) -> (Vec<Article>, Vec<LoadProblem>) {
    load_owned(path, bytes.to_vec(), folder_source)
}

fn load_owned(
    path: &Path,
    bytes: Vec<u8>,
    folder_source: Option<&str>,
) -> (Vec<Article>, Vec<LoadProblem>) {
    let problem = |item: Option<usize>, error: LoadError| LoadProblem {
        path: path.to_path_buf(),
        item,
        error,
    };
    let decoded = match decode::decode_owned(bytes) {
        Ok(d) => d,
        Err(e) => return (Vec::new(), vec![problem(None, e.into())]),
    };
    let encoding = decoded.encoding;
    let mut clean = crate::core::sanitize::sanitize_owned(decoded.text);
    clean.text = crate::core::text::to_nfc(clean.text);
    let format = detect_format(path, &clean.text);
    // A reader fails for the whole file, or (JSON Lines) item by item.
    let whole_file = |items: Result<Vec<Draft>, FormatError>| match items {
        Ok(items) => Ok(items.into_iter().map(Ok).collect()),
        Err(e) => Err(e),
    };
    let drafts: Result<Vec<Result<Draft, FormatError>>, FormatError> = match format {
        Format::Html => html::parse(&clean.text).map(|d| vec![Ok(d)]),
        Format::Feed => whole_file(feed::parse(&clean.text)),
        Format::Json => whole_file(json::parse(&clean.text)),
        Format::Jsonl => Ok(json::parse_lines(&clean.text)),
        Format::Markdown => markdown::parse(&clean.text).map(|d| vec![Ok(d)]),
        Format::Text => scraped::parse(&clean.text).map(|d| vec![Ok(d)]),
    };
    let drafts = match drafts {
        Ok(d) => d,
        Err(e) => return (Vec::new(), vec![problem(None, e.into())]),
    };
    let several = drafts.len() > 1 || matches!(format, Format::Feed | Format::Jsonl);
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for (n, draft) in drafts.into_iter().enumerate() {
        let item = several.then_some(n);
        let file = finish::FileInfo {
            path,
            item,
            format,
            encoding,
            removed: clean.removed,
            whole_text: (!several).then_some(clean.text.as_str()),
            folder_source,
        };
        match draft
            .map_err(LoadError::from)
            .and_then(|d| finish::finish(d, &file))
        {
            Ok(article) => articles.push(article),
            Err(e) => problems.push(problem(item, e)),
        }
    }
    (articles, problems)
}

/// The reader for a file: by extension, then by a look at its first characters.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        "md" | "markdown" => Format::Markdown,
        "xml" | "rss" | "atom" | "rdf" => Format::Feed,
        _ => sniff(text),
    }
}

fn sniff(text: &str) -> Format {
    let head = text.trim_start_matches(['\u{feff}', ' ', '\n']);
    let lower: String = head
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    if markdown::has_front_matter(text) {
        Format::Markdown
    } else if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        Format::Html
    } else if lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed")
    {
        if lower.contains("<html") {
            Format::Html
        } else {
            Format::Feed
        }
    } else if lower.starts_with('{') || lower.starts_with('[') {
        Format::Json
    } else {
        Format::Text
    }
}

/// Whether a file found while walking a folder is one khabar reads (named files are always
/// read). Files without an extension count as scraped text.
pub fn is_article_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => matches!(
            ext.to_ascii_lowercase().as_str(),
            "txt"
                | "text"
                | "html"
                | "htm"
                | "xhtml"
                | "shtml"
                | "json"
                | "jsonl"
                | "ndjson"
                | "md"
                | "markdown"
                | "xml"
                | "rss"
                | "atom"
                | "rdf"
        ),
    }
}
