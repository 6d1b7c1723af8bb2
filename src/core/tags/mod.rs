//! Tags: an analyst's label (verified, disputed, …) and note on a claim or sentence of an
//! article. This module holds the model; `journal` keeps tags safe on disk (an append-only
//! JSON Lines file), `anchor` finds a tag's text again after its article file changed, and
//! `export` writes and reads tags in open formats (JSON, CSV, W3C Web Annotation).
//!
//! A tag points into the article's *tag text* ([`tag_text`]): its paragraphs in logical
//! order joined by a blank line. It is anchored twice, as the W3C Web Annotation model and the
//! Hypothesis client do (`../shared/notes/arabic-text.md`): by position (code points of the
//! tag text) and by quote (the exact text with some context before and after), with a hash of
//! the whole text to tell whether the position can still be trusted.

pub mod anchor;
pub mod book;
pub mod export;
pub mod journal;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::article::{Article, ArticleId};

pub use book::{Placed, TagBook, check_label};

/// The labels offered first; any other word is allowed too.
pub const DEFAULT_LABELS: [&str; 6] = [
    "verified",
    "disputed",
    "false",
    "misleading",
    "unverified",
    "needs-source",
];

/// How many code points of context a quote selector keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// A tag's identifier: 16 hex digits, unique across processes and machines in practice.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TagId(pub String);

impl TagId {
    /// A new id from the time, the process and a counter, hashed.
    pub fn new() -> TagId {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let now = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let seed = format!(
            "{now}:{}:{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        TagId(format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(seed.as_bytes())
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for TagId {
    fn default() -> Self {
        TagId::new()
    }
}

impl std::fmt::Display for TagId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The exact text tagged, with context (W3C TextQuoteSelector).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where the text is, in code points of the tag text (W3C TextPositionSelector).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    pub start: usize,
    pub end: usize,
}

/// What a tag is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub article: ArticleId,
    pub path: PathBuf,
    /// The article's place in a file of several (feeds, JSON arrays).
    pub item: Option<usize>,
    pub quote: TextQuote,
    pub position: TextPosition,
    /// [`text_hash`] of the tag text when the tag was made.
    pub text_hash: String,
}

/// A tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: TagId,
    pub label: String,
    pub note: Option<String>,
    pub author: String,
    pub created: DateTime<Utc>,
    /// When the label or note last changed.
    pub modified: Option<DateTime<Utc>>,
    pub target: Target,
}

impl Tag {
    /// The tag with no control character or escape sequence in its text. Tags are read
    /// from files khabar did not necessarily write (an imported export, a journal merged
    /// from a colleague's or edited by hand) and end up on the terminal: `tags list`, CSV.
    /// One-line fields are squashed to one line; the note and the quote keep their line
    /// breaks (a quote over two paragraphs has them in the article's tag text too).
    pub fn sanitized(mut self) -> Tag {
        self.id = self.id.sanitized();
        one_line(&mut self.label);
        one_line(&mut self.author);
        let quote = &mut self.target.quote;
        for text in [&mut quote.exact, &mut quote.prefix, &mut quote.suffix]
            .into_iter()
            .chain(self.note.as_mut())
        {
            *text = crate::core::sanitize::sanitize_owned(std::mem::take(text)).text;
        }
        one_line(&mut self.target.text_hash);
        let path = &mut self.target.path;
        if path.to_string_lossy().chars().any(char::is_control) {
            let mut shown = path.to_string_lossy().into_owned();
            one_line(&mut shown);
            *path = PathBuf::from(shown);
        }
        self
    }
}

impl TagId {
    /// The id with no control character or escape sequence (see [`Tag::sanitized`]).
    pub fn sanitized(mut self) -> TagId {
        one_line(&mut self.0);
        self
    }
}

/// Cleans a one-line field in place (nothing is copied when it is clean already).
pub(crate) fn one_line(text: &mut String) {
    *text = crate::core::sanitize::clean_line(std::mem::take(text)).text;
}

/// The text tags point into: the article's paragraphs joined by a blank line.
pub fn tag_text(article: &Article) -> String {
    article.paragraphs.join("\n\n")
}

/// The hash a target keeps of its tag text: 16 hex digits of xxh3.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// The target for code points `start..end` of `text` (the tag text of `article`), with
/// [`CONTEXT_CHARS`] of context each side. None when the range is empty or out of the text.
pub fn target_in(article: &Article, text: &str, start: usize, end: usize) -> Option<Target> {
    let chars: Vec<char> = text.chars().collect();
    if start >= end || end > chars.len() {
        return None;
    }
    let take = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
    Some(Target {
        article: article.id.clone(),
        path: article.path.clone(),
        item: article.item,
        quote: TextQuote {
            exact: take(start..end),
            prefix: take(start.saturating_sub(CONTEXT_CHARS)..start),
            suffix: take(end..(end + CONTEXT_CHARS).min(chars.len())),
        },
        position: TextPosition { start, end },
        text_hash: text_hash(text),
    })
}

/// The user name tags are written by when the config names none.
pub fn default_author() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        // A cron job, a container or `env -i` sets none of them: the account's own name.
        .or_else(|| whoami::username().ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        let mut a = crate::core::load::demo::load_demo().articles.remove(0);
        a.paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
        a
    }

    #[test]
    fn a_target_quotes_its_text_with_context_in_code_points() {
        let a = article(&["قال الوزير إن العدد 300", "ونفت الوزارة ذلك"]);
        let text = tag_text(&a);
        let start = text[..text.find("الوزير").unwrap()].chars().count();
        let t = target_in(&a, &text, start, start + 6).unwrap();
        assert_eq!(t.quote.exact, "الوزير");
        assert_eq!(
            t.position,
            TextPosition {
                start,
                end: start + 6
            }
        );
        assert_eq!(t.quote.prefix, "قال ");
        assert!(text.contains(&format!(
            "{}{}{}",
            t.quote.prefix, t.quote.exact, t.quote.suffix
        )));
        assert_eq!(t.text_hash, text_hash(&text));
        assert!(target_in(&a, &text, 5, 5).is_none());
        assert!(target_in(&a, &text, 0, 10_000).is_none());
    }

    #[test]
    fn ids_differ() {
        let ids: std::collections::HashSet<TagId> = (0..1000).map(|_| TagId::new()).collect();
        assert_eq!(ids.len(), 1000);
        assert_eq!(TagId::new().as_str().len(), 16);
    }
}
