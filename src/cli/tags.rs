//! `khabar tags`: tags on claims from the command line — add one (printing its id once it is
//! on disk), list, remove, export to JSON, CSV or W3C Web Annotation, and import. The tags
//! live in the journal (`core::tags::journal`), the same file the reader writes.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::Subcommand;

use crate::config::Config;
use crate::core::article::{Article, ArticleId};
use crate::core::facts::folded::CodePoints;
use crate::core::search::{Needle, find_matches};
use crate::core::tags::anchor::{Anchor, TagText, anchor_in};
use crate::core::tags::export;
use crate::core::tags::journal::{Journal, default_path};
use crate::core::tags::{Tag, TagId, tag_text, target_in};

#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    /// Tag a quote of an article; prints the new tag's id once it is saved.
    Add {
        /// An article id (or a prefix of one) from `khabar list`, or a file.
        #[arg(value_name = "ID|PATH")]
        target: String,
        /// The text to tag, as it reads in the article (harakat and spacing may differ).
        #[arg(long, value_name = "TEXT")]
        quote: String,
        /// verified, disputed, false, misleading, unverified, needs-source, or any word.
        #[arg(long, value_name = "LABEL")]
        label: String,
        /// A note to keep with the tag.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Where to look the id up (default: the configured folders, else the demo articles).
        #[arg(long = "in", value_name = "PATH")]
        within: Vec<PathBuf>,
    },
    /// List every tag.
    List {
        /// Print the tags as a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Remove a tag (by its id, or an unambiguous prefix of it).
    Rm {
        #[arg(value_name = "TAG_ID")]
        id: String,
    },
    /// Write every tag to stdout: json (an array), csv, or w3c (a Web Annotation
    /// AnnotationCollection in JSON-LD).
    Export {
        #[arg(long, value_name = "FORMAT", default_value = "json")]
        format: ExportFormat,
        /// Where to look the tagged articles' titles up (default: the configured folders,
        /// else the demo articles).
        #[arg(long = "in", value_name = "PATH")]
        within: Vec<PathBuf>,
    },
    /// Add the tags of FILE (khabar's json export, or a w3c collection) that are not there
    /// yet; importing the same file twice changes nothing.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Rewrite the journal with one line per tag as it is now, and one per removed tag (so
    /// that merging in an older copy cannot bring it back); unreadable lines are copied
    /// beside it first. Safe while a reader is open.
    Compact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    W3c,
}

/// The journal the config names, else the one in the XDG data folder.
pub fn journal(config: &Config) -> Result<Journal> {
    let path = match &config.tags.file {
        Some(p) => p.clone(),
        None => default_path().context(
            "no data folder for the tag journal: set `file` under [tags] in the config file",
        )?,
    };
    Ok(Journal::open(path)?)
}

pub fn run(out: &mut impl Write, config: &Config, command: TagsCommand) -> Result<()> {
    let journal = journal(config)?;
    match command {
        TagsCommand::Add {
            target,
            quote,
            label,
            note,
            within,
        } => {
            let label = check_label(&label)?;
            let article = super::find_article(config, &target, &within)?;
            let text = tag_text(&article);
            let (start, end) = locate(&text, &quote)
                .with_context(|| format!("in article {} ({})", article.id, article.title))?;
            let Some(target) = target_in(&article, &text, start, end) else {
                bail!("the quote {quote:?} is empty");
            };
            let tag = Tag {
                id: TagId::new(),
                label,
                note: note.filter(|n| !n.trim().is_empty()),
                author: config.tags.author(),
                created: Utc::now(),
                modified: None,
                target,
            };
            let id = tag.id.clone();
            journal.add(tag)?;
            writeln!(out, "{id}")?;
        }
        TagsCommand::List { json } => {
            let loaded = journal.load()?;
            warn(&loaded.warnings, journal.path());
            let places = place_all(&loaded.tags);
            if json {
                let items: Vec<serde_json::Value> = loaded
                    .tags
                    .iter()
                    .zip(&places)
                    .map(|(t, p)| {
                        let mut v = serde_json::to_value(t).unwrap_or_default();
                        if let Some(obj) = v.as_object_mut() {
                            obj.insert("anchor".into(), p.to_json());
                        }
                        v
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            } else {
                for (t, p) in loaded.tags.iter().zip(&places) {
                    let note = t
                        .note
                        .as_deref()
                        .map(|n| format!("  — {n}"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "{}  {:<12}  {:<8}  {}  «{}»{note}",
                        t.id,
                        t.label,
                        p.word(),
                        t.target.article,
                        t.target.quote.exact
                    )?;
                }
            }
        }
        TagsCommand::Rm { id } => {
            let loaded = journal.load()?;
            let hits: Vec<&Tag> = loaded
                .tags
                .iter()
                .filter(|t| t.id.as_str().starts_with(&id.to_ascii_lowercase()))
                .collect();
            match hits.as_slice() {
                [] => bail!("no tag has the id '{id}' (khabar tags list shows them)"),
                [tag] => {
                    journal.remove(&tag.id)?;
                    writeln!(out, "removed {}", tag.id)?;
                }
                many => bail!(
                    "the id '{id}' starts {} tag ids; give more of it",
                    many.len()
                ),
            }
        }
        TagsCommand::Export { format, within } => {
            let loaded = journal.load()?;
            warn(&loaded.warnings, journal.path());
            // Titles come from the library; a tag whose article is not there keeps its quote.
            let titles: HashMap<ArticleId, String> = super::load_library(config, &within)
                .map(|lib| {
                    lib.articles()
                        .iter()
                        .map(|a| (a.id.clone(), a.title.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let title = |id: &ArticleId| titles.get(id).cloned();
            match format {
                ExportFormat::Json => {
                    serde_json::to_writer_pretty(
                        &mut *out,
                        &export::to_json(&loaded.tags, &title),
                    )?;
                    writeln!(out)?;
                }
                ExportFormat::W3c => {
                    serde_json::to_writer_pretty(&mut *out, &export::to_w3c(&loaded.tags, &title))?;
                    writeln!(out)?;
                }
                ExportFormat::Csv => export::write_csv(&loaded.tags, &title, out)?,
            }
        }
        TagsCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let value: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("{} is not JSON", file.display()))?;
            let tags = export::import(&value).with_context(|| format!("in {}", file.display()))?;
            let known: HashSet<TagId> = journal.load()?.tags.into_iter().map(|t| t.id).collect();
            let (mut added, mut kept) = (0, 0);
            for tag in tags {
                if known.contains(&tag.id) {
                    kept += 1;
                } else {
                    journal.add(tag)?;
                    added += 1;
                }
            }
            writeln!(out, "imported {added} tags ({kept} already there)")?;
        }
        TagsCommand::Compact => {
            let path = journal.path().to_path_buf();
            let size = || std::fs::metadata(&path).map(|m| m.len());
            let Ok(before) = size() else {
                writeln!(out, "no tags yet: nothing to compact")?;
                out.flush()?;
                return Ok(());
            };
            let done = journal.compact()?;
            let after = size().unwrap_or_default();
            writeln!(
                out,
                "compacted {}: {} tags and {} removals kept, {before} → {after} bytes",
                path.display(),
                done.tags,
                done.removals
            )?;
            if done.unknown_kept > 0 {
                writeln!(
                    out,
                    "{} lines of a newer khabar kept as they were",
                    done.unknown_kept
                )?;
            }
            if let Some(aside) = done.set_aside {
                writeln!(out, "unreadable lines copied to {}", aside.display())?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Where a tag's text is now.
enum Place {
    /// Its article file holds its text: unchanged, moved, or not found (orphaned).
    Anchored(Anchor),
    /// Its article file is gone or no longer holds the article.
    Missing(String),
}

impl Place {
    fn word(&self) -> &'static str {
        match self {
            Place::Anchored(Anchor::Exact(_)) => "ok",
            Place::Anchored(Anchor::Moved { .. }) => "moved",
            Place::Anchored(Anchor::Orphaned) => "orphaned",
            Place::Missing(_) => "missing",
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let status = self.word();
        match self {
            Place::Anchored(a) => match a.position() {
                Some(p) => serde_json::json!({"status": status, "start": p.start, "end": p.end}),
                None => serde_json::json!({"status": status}),
            },
            Place::Missing(why) => serde_json::json!({"status": status, "reason": why}),
        }
    }
}

/// Finds every tag's text again in its article file as it is now. Each file is read once,
/// and each article's text prepared once for all its tags; an article is found by its place
/// in the file (a file may hold several), since its id changes with its text.
fn place_all(tags: &[Tag]) -> Vec<Place> {
    let mut files: HashMap<PathBuf, Vec<(Article, Option<TagText<'static>>)>> = HashMap::new();
    tags.iter()
        .map(|t| {
            let path = &t.target.path;
            let articles = files.entry(path.clone()).or_insert_with(|| {
                let read = if path.starts_with("demo") && !path.exists() {
                    crate::core::load::demo::load_demo()
                        .articles
                        .into_iter()
                        .filter(|a| a.path == *path)
                        .collect()
                } else {
                    crate::core::load::load_file(path, None, &Default::default()).0
                };
                read.into_iter().map(|a| (a, None)).collect()
            });
            let found = articles
                .iter()
                .position(|(a, _)| a.id == t.target.article)
                .or_else(|| articles.iter().position(|(a, _)| a.item == t.target.item));
            match found {
                Some(k) => {
                    let (article, text) = &mut articles[k];
                    let text = text.get_or_insert_with(|| TagText::of(article));
                    Place::Anchored(anchor_in(&t.target, text))
                }
                None => Place::Missing(format!("{} holds no such article", path.display())),
            }
        })
        .collect()
}

fn check_label(label: &str) -> Result<String> {
    crate::core::tags::check_label(label).map_err(|e| anyhow::anyhow!(e))
}

/// Code points of the one place `quote` is in `text`: as written, else after Arabic folding
/// (harakat, tatweel, hamza forms, spacing).
fn locate(text: &str, quote: &str) -> Result<(usize, usize)> {
    let quote = quote.trim();
    let exact: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
    let byte_range = match exact.as_slice() {
        [at] => *at..*at + quote.len(),
        [] => {
            let Some(needle) = Needle::new(quote) else {
                bail!("the quote {quote:?} has nothing to find");
            };
            let found = find_matches(text, std::slice::from_ref(&needle));
            match found.as_slice() {
                [one] => one.clone(),
                [] => bail!("the quote {quote:?} is not in the article"),
                many => bail!(
                    "the quote {quote:?} is in the article {} times; quote more of it",
                    many.len()
                ),
            }
        }
        many => bail!(
            "the quote {quote:?} is in the article {} times; quote more of it",
            many.len()
        ),
    };
    let points = CodePoints::new(text);
    Ok((points.at(byte_range.start), points.at(byte_range.end)))
}

/// Prints the journal's warnings (lines it could not read) to stderr.
pub(super) fn warn(warnings: &[String], path: &Path) {
    for w in warnings {
        eprintln!("khabar: {}: {w}", path.display());
    }
}
