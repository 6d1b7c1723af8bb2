//! `khabar tags`: tags on claims from the command line — add one (printing its id once it is
//! on disk), list, remove, export to JSON, CSV or W3C Web Annotation, and import. The tags
//! live in the journal (`core::tags::journal`), the same file the reader writes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::Subcommand;

use crate::config::Config;
use crate::core::search::{Needle, find_matches};
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
            if json {
                serde_json::to_writer_pretty(&mut *out, &loaded.tags)?;
                writeln!(out)?;
            } else {
                for t in &loaded.tags {
                    let note = t
                        .note
                        .as_deref()
                        .map(|n| format!("  — {n}"))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "{}  {:<12}  {}  «{}»{note}",
                        t.id, t.label, t.target.article, t.target.quote.exact
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
    }
    out.flush()?;
    Ok(())
}

/// A label is one word (letters, digits, `-`, `_`), at most 40 characters.
fn check_label(label: &str) -> Result<String> {
    let label = label.trim();
    let ok = !label.is_empty()
        && label.chars().count() <= 40
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !ok {
        bail!(
            "the label {label:?} is not one word: use verified, disputed, false, misleading, \
             unverified, needs-source, or another word of letters, digits, - and _"
        );
    }
    Ok(label.to_string())
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
    let start = text[..byte_range.start].chars().count();
    let end = start + text[byte_range].chars().count();
    Ok((start, end))
}

fn warn(warnings: &[String], path: &Path) {
    for w in warnings {
        eprintln!("khabar: {}: {w}", path.display());
    }
}
