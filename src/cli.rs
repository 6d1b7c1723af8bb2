//! The command line: clap definitions and the non-interactive subcommands (`list`, `show`,
//! `render`; `facts` and `claims` live in `cli/facts.rs`, choosing what `list` shows in
//! `cli/list.rs`). Output goes to stdout; skipped
//! files are reported on stderr, one line each, and never stop the others.

mod facts;
mod list;
mod tags;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::config::Config;
use crate::core::article::{Article, ArticleId, Direction};
use crate::core::bidi::{BidiMode, LayoutOptions, layout, paragraph_direction};
use crate::core::library::{Filter, Library};
use crate::core::load::{LoadOptions, LoadReport, demo::load_demo, load_paths};
use crate::core::query::Query;

#[derive(Debug, Parser)]
#[command(name = "khabar", version, about = "A terminal reader for Arabic news")]
pub struct Cli {
    /// Use this config file instead of the one in the XDG config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the default configuration and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Read every file afresh, neither using nor updating the article cache.
    #[arg(long, global = true)]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open (default: the configured folders, else the demo articles).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles, newest first: date, id, source and title.
    List {
        /// Files or folders (default: the configured folders, else the demo articles).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only articles whose source or credit contains this (Arabic-aware, any case).
        #[arg(long, value_name = "S")]
        source: Option<String>,
        /// Only articles published on or after this day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        since: Option<NaiveDate>,
        /// Only articles published on or before this day.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        until: Option<NaiveDate>,
        /// Only articles matching this query: words and "phrases" (title or body, Arabic-aware),
        /// source:NAME, date:FROM..TO, since:DAY, until:DAY, lang:ar, and -TERM to exclude.
        #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
        query: Option<Query>,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: its title, source, date and body.
    Show {
        /// An article id (or a prefix of one) from `khabar list`, or a file.
        #[arg(value_name = "ID|PATH")]
        target: String,
        /// Where to look the id up (default: the configured folders, else the demo articles).
        #[arg(long = "in", value_name = "PATH")]
        within: Vec<PathBuf>,
        /// Print JSON, with the body as `paragraphs`.
        #[arg(long)]
        json: bool,
    },
    /// The facts of one article: claims with claimant and stance, quantities with what they
    /// count and who claims them, dates, people, places and organisations.
    Facts {
        /// An article id (or a prefix of one) from `khabar list`, or a file.
        #[arg(value_name = "ID|PATH")]
        target: String,
        /// Where to look the id up (default: the configured folders, else the demo articles).
        #[arg(long = "in", value_name = "PATH")]
        within: Vec<PathBuf>,
        /// Print `{"facts": [...]}` with spans in code points of each paragraph.
        #[arg(long)]
        json: bool,
    },
    /// Compare claimed counts across articles: the same thing counted by the same side, by
    /// date, showing who claimed which value when.
    Claims {
        /// Files or folders (default: the configured folders, else the demo articles).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Tags on claims: add, list, remove, export and import them.
    Tags {
        #[command(subcommand)]
        action: tags::TagsCommand,
    },
    /// Print an article's body exactly as the reader's body pane draws it: one line per
    /// screen row, right-to-left rows ending at the last column.
    Render {
        /// An article id (or a prefix of one) from `khabar list`, or a file.
        #[arg(value_name = "ID|PATH")]
        target: String,
        /// Where to look the id up (default: the configured folders, else the demo articles).
        #[arg(long = "in", value_name = "PATH")]
        within: Vec<PathBuf>,
        /// Columns (default: the terminal's width, or 80 when not writing to a terminal).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// app: khabar reorders (for most terminals); terminal: logical order, for terminals
        /// that reorder rows themselves; off: no bidi at all (default: from the config).
        #[arg(long, value_name = "MODE")]
        bidi: Option<BidiMode>,
        /// Join Arabic letters with presentation forms, for terminals that do not (app mode).
        #[arg(long, value_name = "on|off")]
        shape: Option<Switch>,
        /// Hide harakat and other Arabic marks.
        #[arg(long)]
        strip_marks: bool,
        /// Show removed control characters and escape sequences as visible markers.
        #[arg(long)]
        show_invisibles: bool,
    },
}

/// A yes-or-no option written `on` or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a day written YYYY-MM-DD (for example 2020-10-08)"))
}

/// Runs the command line; the returned code is the process's exit status.
pub fn run(cli: Cli) -> Result<i32> {
    if cli.print_config {
        print!("{}", crate::config::DEFAULT_CONFIG);
        return Ok(0);
    }
    let mut config = Config::load(cli.config.as_deref())?;
    if cli.no_cache {
        config.library.cache = false;
    }
    // Block-buffered: stdout's own buffer flushes at every line end.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = match cli.command {
        None if interactive() => {
            drop(out);
            return reader(&config, &cli.paths).map(|()| 0);
        }
        // Not on a terminal (`khabar DIR | less`): the list, as `khabar list` prints it.
        None => list(
            &mut out,
            &config,
            &cli.paths,
            &Filter::default(),
            None,
            false,
        ),
        Some(Command::List {
            paths,
            source,
            since,
            until,
            query,
            json,
        }) => {
            if let (Some(s), Some(u)) = (since, until)
                && s > u
            {
                bail!("--since {s} is after --until {u}: nothing can match");
            }
            list(
                &mut out,
                &config,
                &paths,
                &Filter {
                    source,
                    since,
                    until,
                },
                query.as_ref(),
                json,
            )
        }
        Some(Command::Show {
            target,
            within,
            json,
        }) => show(&mut out, &config, &target, &within, json),
        Some(Command::Facts {
            target,
            within,
            json,
        }) => facts::facts(&mut out, &config, &target, &within, json),
        Some(Command::Claims { paths, json }) => facts::claims(&mut out, &config, &paths, json),
        Some(Command::Tags { action }) => tags::run(&mut out, &config, action),
        Some(Command::Render {
            target,
            within,
            width,
            bidi,
            shape,
            strip_marks,
            show_invisibles,
        }) => {
            let options = LayoutOptions {
                mode: bidi.unwrap_or(config.display.bidi),
                shape: shape.map_or(config.display.shape, |s| s == Switch::On),
                strip_marks: strip_marks || config.display.strip_marks,
                show_invisibles,
                ..LayoutOptions::default()
            };
            let width = width.map_or_else(output_width, usize::from);
            render(&mut out, &config, &target, &within, width, &options)
        }
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        other => other.map(|()| 0),
    }
}

/// Whether khabar talks to a person: stdin and stdout are both terminals.
fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Opens the reader on `paths`, else the configured folders, else the demo articles.
fn reader(config: &Config, paths: &[PathBuf]) -> Result<()> {
    let paths = if paths.is_empty() {
        config.library.folders.clone()
    } else {
        paths.to_vec()
    };
    // A mistyped folder is told on the command line, not inside the reader.
    for p in &paths {
        if !p.exists() {
            bail!("{}: no such file or folder", p.display());
        }
    }
    if let Some(log) = crate::logging::init() {
        tracing::info!(log = %log.display(), paths = paths.len(), "reader starts");
    }
    let options = LoadOptions {
        max_bytes: config.max_bytes(),
        cache: config.cache_file(),
        progress: None,
    };
    crate::tui::open(config, crate::tui::Source { paths, options })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Loads `paths`, else the configured folders, else the demo corpus, reporting skipped files
/// on stderr.
pub(crate) fn load_library(config: &Config, paths: &[PathBuf]) -> Result<Library> {
    let paths = if paths.is_empty() {
        &config.library.folders
    } else {
        paths
    };
    let report = if paths.is_empty() {
        load_demo()
    } else {
        let options = LoadOptions {
            max_bytes: config.max_bytes(),
            cache: config.cache_file(),
            progress: None,
        };
        load_paths(paths, &options)?
    };
    Ok(Library::new(report_problems(report)))
}

fn report_problems(report: LoadReport) -> Vec<Article> {
    for p in &report.problems {
        eprintln!("khabar: skipped {p}");
    }
    report.articles
}

fn list(
    out: &mut impl Write,
    config: &Config,
    paths: &[PathBuf],
    filter: &Filter,
    query: Option<&Query>,
    json: bool,
) -> Result<()> {
    let library = load_library(config, paths)?;
    let shown = list::select(config, &library, filter, query)?;
    if json {
        // Written one article at a time: a large library is never held twice in memory.
        write!(out, "[")?;
        for (n, a) in shown.iter().enumerate() {
            if n > 0 {
                write!(out, ",")?;
            }
            writeln!(out)?;
            serde_json::to_writer_pretty(&mut *out, &article_json(a, false))?;
        }
        writeln!(out, "{}]", if shown.is_empty() { "" } else { "\n" })?;
    } else {
        for a in shown {
            let date = a
                .date
                .as_ref()
                .map(|d| d.iso_date())
                .unwrap_or_else(|| "----------".into());
            let source = a.source.as_deref().or(a.credit.as_deref()).unwrap_or("—");
            writeln!(out, "{date}  {}  {source}  ·  {}", a.id, a.title)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The article `target` names (a file, or an id looked up in `within`), with its body read.
pub(crate) fn find_article(config: &Config, target: &str, within: &[PathBuf]) -> Result<Article> {
    let path = Path::new(target);
    let mut article = if path.exists() {
        if path.is_dir() {
            bail!("{target} is a folder; `khabar list {target}` lists its articles");
        }
        // One file is read whole: the cache, which keeps no bodies, has nothing to offer.
        let options = LoadOptions {
            max_bytes: config.max_bytes(),
            cache: None,
            progress: None,
        };
        let mut articles = report_problems(load_paths(&[path.to_path_buf()], &options)?);
        match articles.len() {
            0 => bail!("no article could be read from {target}"),
            1 => articles.remove(0),
            n => {
                let ids: Vec<String> = articles.iter().map(|a| a.id.to_string()).collect();
                bail!(
                    "{target} holds {n} articles; name one by id: {} (see `khabar list {target}`)",
                    ids.join(", ")
                )
            }
        }
    } else if ArticleId::looks_like(target) {
        let library = load_library(config, within)?;
        library.find(target).cloned()?
    } else {
        bail!("'{target}' is neither a file nor an article id (khabar list shows the ids)");
    };
    if article.body_pending() {
        article.paragraphs = crate::core::load::load_body(&article)?;
    }
    Ok(article)
}

fn show(
    out: &mut impl Write,
    config: &Config,
    target: &str,
    within: &[PathBuf],
    json: bool,
) -> Result<()> {
    let article = find_article(config, target, within)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &article_json(&article, true))?;
        writeln!(out)?;
    } else {
        write_article(out, &article)?;
    }
    out.flush()?;
    Ok(())
}

/// Columns to render at when none are given: the terminal's, else 80.
fn output_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = ratatui::crossterm::terminal::size()
        && columns > 0
    {
        return usize::from(columns);
    }
    80
}

/// Prints the body rows of `target` at `width`: the body pane's drawing as text.
fn render(
    out: &mut impl Write,
    config: &Config,
    target: &str,
    within: &[PathBuf],
    width: usize,
    options: &LayoutOptions,
) -> Result<()> {
    let article = find_article(config, target, within)?;
    let mut line = String::new();
    for (i, paragraph) in article.paragraphs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let direction = paragraph_direction(paragraph, article.direction);
        let laid = layout(paragraph, direction.into(), width, options);
        for row in laid.rows() {
            line.clear();
            row.push_text(true, &mut line);
            // Trailing spaces are not printed (a last row may end in some).
            line.truncate(line.trim_end_matches(' ').len());
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_article(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "{}", a.title)?;
    let byline = a.byline(false);
    if !byline.is_empty() {
        writeln!(out, "{byline}")?;
    }
    writeln!(out, "{}", a.id)?;
    for p in &a.paragraphs {
        writeln!(out)?;
        writeln!(out, "{p}")?;
    }
    Ok(())
}

/// The JSON view of an article (`list --json`; `show --json` adds `paragraphs`).
pub fn article_json(a: &Article, with_body: bool) -> Value {
    let date = a.date.as_ref();
    let mut v = json!({
        "id": a.id.as_str(),
        "path": a.path.display().to_string(),
        "item": a.item,
        "title": a.title,
        "source": a.source,
        "credit": a.credit,
        "date": date.map(|d| d.iso_date()),
        "datetime": date.and_then(|d| d.datetime()),
        "date_text": date.map(|d| d.text.clone()),
        "calendar": date.map(|d| d.calendar),
        "hijri": date.and_then(|d| d.hijri).map(|h| format!("{:04}-{:02}-{:02}", h.year, h.month, h.day)),
        "date_uncertain": date.map(|d| d.uncertain),
        "lang": a.lang,
        "direction": match a.direction { Direction::Rtl => "rtl", Direction::Ltr => "ltr" },
        "words": a.words,
        "url": a.url,
        "format": a.format,
        "encoding": a.encoding,
        "removed_controls": a.removed_controls,
    });
    if with_body && let Some(obj) = v.as_object_mut() {
        obj.insert("paragraphs".into(), json!(a.paragraphs));
    }
    v
}
