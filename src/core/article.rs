//! The article model: what the loader produces and every later stage (layout, facts, tags,
//! the reader) consumes. Pure data; how it is found lives in `load`.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Deserializer, Serialize};

use crate::core::dates::PubDate;

/// A stable, short identifier: the first 12 hex digits of a 64-bit xxh3 hash of the
/// article's text (see [`ArticleId::of_content`]). The same article keeps its id whatever
/// its file is called or which encoding it was saved in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Hashes decoded, sanitized text, so that re-saving a file as Windows-1256 or with CRLF
    /// line ends does not change the id.
    pub fn of_content(text: &str) -> Self {
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        ArticleId(format!("{:012x}", hash >> 16))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `s` looks like an id (or a prefix of one at least 4 long) rather than a path.
    pub fn looks_like(s: &str) -> bool {
        (4..=12).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The file format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Json,
    Jsonl,
    Markdown,
    Feed,
}

/// Writing direction of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

/// One loaded article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// The file it came from (for the demo corpus, `demo/<name>`).
    pub path: PathBuf,
    /// Position inside a file that holds several articles (feeds, JSON arrays, JSON Lines).
    pub item: Option<usize>,
    pub format: Format,
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1256`, …).
    pub encoding: EncodingName,
    pub title: String,
    /// The outlet that published the page.
    pub source: Option<String>,
    /// The agency the article credits («المصدر: نوفوستي»), when it names one.
    pub credit: Option<String>,
    pub date: Option<PubDate>,
    pub url: Option<String>,
    /// ISO 639-1 code where known (`ar`, `en`, `fa`, …), `und` otherwise.
    pub lang: String,
    pub direction: Direction,
    /// Words in the body (runs of letters or digits), counted when the file was read.
    pub words: usize,
    /// The body, in logical order: no title, no boilerplate. Empty when the article came
    /// from the article cache, which keeps no bodies: `load::load_body` reads it again.
    #[serde(skip)]
    pub paragraphs: Vec<String>,
    /// How many control characters and escape sequences were removed from the input.
    pub removed_controls: usize,
}

/// The name of a character encoding, as `encoding_rs` spells it (`UTF-8`, `windows-1256`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct EncodingName(pub &'static str);

impl PartialEq<&str> for EncodingName {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for EncodingName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl<'de> Deserialize<'de> for EncodingName {
    /// Reads a name back as the `encoding_rs` name it stands for.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let label = String::deserialize(d)?;
        encoding_rs::Encoding::for_label(label.as_bytes())
            .map(|e| EncodingName(e.name()))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown encoding '{label}'")))
    }
}

/// Left-to-right isolate and its end, around a date in a byline (see [`Article::byline`]).
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

impl Article {
    /// The line under the title: source, credited agency and date, with the Hijri date as
    /// written when the article gave one («موقع أنصار الله · المصدر: وكالات · 2020-10-01
    /// 14:05 (14 صفر 1442هـ)»). With `isolate` the date is wrapped in a left-to-right isolate
    /// for the bidi engine: after Arabic letters its digits are Arabic numbers (rule W2) and
    /// «2022-09-14» would read «14-09-2022». Text written straight to a terminal or a pipe
    /// goes without (no bidi control is ever sent there).
    pub fn byline(&self, isolate: bool) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = &self.source {
            parts.push(s.clone());
        }
        if let Some(c) = &self.credit {
            parts.push(format!("المصدر: {c}"));
        }
        if let Some(d) = &self.date {
            let mut when = d.iso_date();
            if let Some(t) = d.time {
                when.push_str(&t.format(" %H:%M").to_string());
                if let Some(o) = d.offset {
                    when.push_str(&format!(" {o}"));
                }
            }
            if isolate {
                when = format!("{LRI}{when}{PDI}");
            }
            if d.hijri.is_some() {
                when = format!("{when} ({})", d.text);
            }
            if d.uncertain {
                // Umm al-Qura and the tabular Hijri calendar disagree on the day.
                when.push_str(" ±1");
            }
            parts.push(when);
        }
        parts.join(" · ")
    }

    /// Whether the body was left out (the article came from the cache index).
    pub fn body_pending(&self) -> bool {
        self.paragraphs.is_empty() && self.words > 0
    }
}

#[cfg(test)]
mod byline_tests {
    #[test]
    fn the_byline_names_source_credit_and_date_and_isolates_the_date_only_when_asked() {
        let demo = crate::core::load::demo::load_demo().articles;
        let haya = demo
            .iter()
            .find(|a| a.id.as_str() == "3ae0599308db")
            .unwrap();
        let plain = haya.byline(false);
        assert!(
            plain.starts_with("المصدر: وكالات - هيا · 2020-10-09 04:30"),
            "{plain}"
        );
        assert!(!plain.chars().any(|c| matches!(c, '\u{2066}'..='\u{2069}')));
        let isolated = haya.byline(true);
        assert!(isolated.contains("\u{2066}2020-10-09 04:30"), "{isolated}");
        assert_eq!(isolated.matches('\u{2069}').count(), 1);
    }
}
