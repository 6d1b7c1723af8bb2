//! Tags in open formats, and back: khabar's JSON ([`to_json`]), CSV for spreadsheets
//! ([`write_csv`]), and a W3C Web Annotation collection in JSON-LD ([`to_w3c`]);
//! [`import`] reads the JSON and the W3C forms back. Keeping tags on disk is `journal`'s job.
//!
//! Text stays UTF-8 as it is, Arabic included. The CSV has no byte order mark: spreadsheets
//! that need one to guess UTF-8 can be told the encoding on import, while a BOM breaks the
//! first header for most other tools. Rows end with CRLF and fields are quoted as RFC 4180
//! says (when they hold a comma, a quote or a line break; quotes doubled).
//!
//! The W3C form follows the Web Annotation Data Model: an `AnnotationCollection` whose
//! `first` page holds the annotations; each has a `TextualBody` with purpose `tagging` (the
//! label), one with purpose `commenting` (the note, if any), a `Person` creator, and a target
//! whose `source` is `urn:khabar:article:<id>` with a `TextQuoteSelector` and a
//! `TextPositionSelector`. The motivation is `assessing` for the default verdict labels and
//! `tagging` for other words. Extensions, as absolute IRIs of a `khabar:` scheme so JSON-LD
//! processors keep them apart: `khabar:path` (the article file), `khabar:item` (its place in a
//! file of several) and `khabar:textHash` (the hash of the tag text) on the target.
//!
//! Importing rebuilds tags with their ids; merging them into a journal is the caller's job:
//! add the tags whose id is not there yet, so that importing twice changes nothing.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use thiserror::Error;

use super::{DEFAULT_LABELS, Tag, TagId, Target, TextPosition, TextQuote, check_label};
use crate::core::article::ArticleId;

const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const TAG_URN: &str = "urn:khabar:tag:";
const ARTICLE_URN: &str = "urn:khabar:article:";

/// Why tags could not be imported. Tags are counted from 1, in the order of the file.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error(
        "this is neither a khabar tag export (a JSON array) nor a W3C AnnotationCollection; \
         export the tags again with khabar"
    )]
    UnknownShape,
    #[error("tag {tag} has no \"{key}\"; add it or export the tags again")]
    Missing { tag: usize, key: &'static str },
    #[error("tag {tag} has a bad \"{key}\": {value:?} ({why})")]
    Bad {
        tag: usize,
        key: &'static str,
        value: String,
        why: String,
    },
}

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The fields the JSON and CSV forms share, in column order.
fn fields(tag: &Tag, titles: &dyn Fn(&ArticleId) -> Option<String>) -> [(&'static str, Value); 14] {
    let t = &tag.target;
    [
        ("id", json!(tag.id.as_str())),
        ("article", json!(t.article.as_str())),
        ("path", json!(t.path.to_string_lossy())),
        ("title", json!(titles(&t.article))),
        ("quote", json!(t.quote.exact)),
        ("prefix", json!(t.quote.prefix)),
        ("suffix", json!(t.quote.suffix)),
        ("start", json!(t.position.start)),
        ("end", json!(t.position.end)),
        ("label", json!(tag.label)),
        ("note", json!(tag.note)),
        ("author", json!(tag.author)),
        ("created", json!(time(&tag.created))),
        ("modified", json!(tag.modified.as_ref().map(time))),
    ]
}

fn selectors(t: &Target) -> Value {
    json!([
        {"type": "TextQuoteSelector", "exact": t.quote.exact,
         "prefix": t.quote.prefix, "suffix": t.quote.suffix},
        {"type": "TextPositionSelector", "start": t.position.start, "end": t.position.end},
    ])
}

/// khabar's JSON: an array with one object per tag.
pub fn to_json(tags: &[Tag], titles: &dyn Fn(&ArticleId) -> Option<String>) -> Value {
    Value::Array(
        tags.iter()
            .map(|tag| {
                let mut o: Map<String, Value> = fields(tag, titles)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect();
                o.insert("item".into(), json!(tag.target.item));
                o.insert("text_hash".into(), json!(tag.target.text_hash));
                o.insert("selectors".into(), selectors(&tag.target));
                Value::Object(o)
            })
            .collect(),
    )
}

/// The tags as CSV: a header row, then one row per tag (the [`to_json`] fields but the
/// selectors, item and hash).
pub fn write_csv(
    tags: &[Tag],
    titles: &dyn Fn(&ArticleId) -> Option<String>,
    out: &mut impl Write,
) -> io::Result<()> {
    write_row(out, HEADER.iter().map(|h| h.to_string()))?;
    for tag in tags {
        write_row(
            out,
            fields(tag, titles).into_iter().map(|(_, v)| match v {
                Value::Null => String::new(),
                Value::String(s) => s,
                v => v.to_string(),
            }),
        )?;
    }
    Ok(())
}

const HEADER: [&str; 14] = [
    "id", "article", "path", "title", "quote", "prefix", "suffix", "start", "end", "label", "note",
    "author", "created", "modified",
];

fn write_row(out: &mut impl Write, row: impl Iterator<Item = String>) -> io::Result<()> {
    for (i, field) in row.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if field.contains([',', '"', '\n', '\r']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// The tags as a W3C Web Annotation `AnnotationCollection` (JSON-LD), one page.
pub fn to_w3c(tags: &[Tag], titles: &dyn Fn(&ArticleId) -> Option<String>) -> Value {
    let items: Vec<Value> = tags.iter().map(|t| annotation(t, titles)).collect();
    json!({
        "@context": W3C_CONTEXT,
        // The model requires an IRI for the collection and its page.
        "id": "urn:khabar:tags",
        "type": "AnnotationCollection",
        "label": "khabar tags",
        "total": items.len(),
        "first": {"id": "urn:khabar:tags:page:1", "type": "AnnotationPage", "items": items},
    })
}

fn annotation(tag: &Tag, titles: &dyn Fn(&ArticleId) -> Option<String>) -> Value {
    let t = &tag.target;
    let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": tag.label})];
    if let Some(note) = &tag.note {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
    }
    let motivation = if DEFAULT_LABELS.contains(&tag.label.as_str()) {
        "assessing"
    } else {
        "tagging"
    };
    let mut a = json!({
        "id": format!("{TAG_URN}{}", tag.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": time(&tag.created),
        "creator": {"type": "Person", "name": tag.author},
        "body": body,
        "target": {
            "source": format!("{ARTICLE_URN}{}", t.article),
            "khabar:path": t.path.to_string_lossy(),
            "khabar:item": t.item,
            "khabar:textHash": t.text_hash,
            "selector": selectors(t),
        },
    });
    if let Some(m) = &tag.modified {
        a["modified"] = json!(time(m));
    }
    if let Some(title) = titles(&t.article) {
        a["target"]["khabar:title"] = json!(title);
    }
    a
}

/// Reads tags from khabar's JSON export or a W3C `AnnotationCollection` (or one
/// `AnnotationPage`), told apart by shape. Ids are kept; see the module doc on merging.
pub fn import(value: &Value) -> Result<Vec<Tag>, ImportError> {
    match value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| from_json(&Fields { v, tag: i + 1 }).and_then(|t| checked(t, i + 1)))
            .collect(),
        Value::Object(o) => {
            let page = match o.get("type").and_then(Value::as_str) {
                Some("AnnotationCollection") => o.get("first").ok_or(ImportError::UnknownShape)?,
                Some("AnnotationPage") => value,
                _ => return Err(ImportError::UnknownShape),
            };
            let items = page
                .get("items")
                .and_then(Value::as_array)
                .ok_or(ImportError::UnknownShape)?;
            items
                .iter()
                .enumerate()
                .map(|(i, v)| from_w3c(v, i + 1).and_then(|t| checked(t, i + 1)))
                .collect()
        }
        _ => Err(ImportError::UnknownShape),
    }
}

/// An imported tag with its text made safe to show (a file from elsewhere may carry escape
/// sequences) and its label checked as the reader and `tags add` check it.
fn checked(tag: Tag, n: usize) -> Result<Tag, ImportError> {
    let mut tag = tag.sanitized();
    tag.label = check_label(&tag.label).map_err(|why| ImportError::Bad {
        tag: n,
        key: "label",
        value: tag.label.clone(),
        why,
    })?;
    Ok(tag)
}

/// One tag's object, for lookups that name the tag in their errors.
struct Fields<'a> {
    v: &'a Value,
    tag: usize,
}

impl Fields<'_> {
    fn get(&self, key: &'static str) -> Result<&Value, ImportError> {
        match self.v.get(key) {
            None | Some(Value::Null) => Err(ImportError::Missing { tag: self.tag, key }),
            Some(v) => Ok(v),
        }
    }

    fn str(&self, key: &'static str) -> Result<String, ImportError> {
        self.get(key)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.bad(key, "not a string"))
    }

    /// A string that may be absent: `None` then.
    fn opt_str(&self, key: &'static str) -> Result<Option<String>, ImportError> {
        match self.v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.str(key).map(Some),
        }
    }

    fn count(&self, key: &'static str) -> Result<usize, ImportError> {
        self.get(key)?
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.bad(key, "not a whole number"))
    }

    fn opt_count(&self, key: &'static str) -> Result<Option<usize>, ImportError> {
        match self.v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.count(key).map(Some),
        }
    }

    fn time(&self, key: &'static str) -> Result<DateTime<Utc>, ImportError> {
        parse_time(&self.str(key)?).map_err(|why| self.bad(key, &why))
    }

    fn opt_time(&self, key: &'static str) -> Result<Option<DateTime<Utc>>, ImportError> {
        self.opt_str(key)?
            .map(|s| parse_time(&s).map_err(|why| self.bad(key, &why)))
            .transpose()
    }

    fn bad(&self, key: &'static str, why: &str) -> ImportError {
        ImportError::Bad {
            tag: self.tag,
            key,
            value: self.v.get(key).map(Value::to_string).unwrap_or_default(),
            why: why.to_string(),
        }
    }
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}; write it as 2024-05-01T12:00:00Z"))
}

fn article_id(s: &str, f: &Fields, key: &'static str) -> Result<ArticleId, ImportError> {
    serde_json::from_value(Value::String(s.to_string())).map_err(|e| f.bad(key, &e.to_string()))
}

fn from_json(f: &Fields) -> Result<Tag, ImportError> {
    Ok(Tag {
        id: TagId(f.str("id")?),
        label: f.str("label")?,
        note: f.opt_str("note")?,
        author: f.str("author")?,
        created: f.time("created")?,
        modified: f.opt_time("modified")?,
        target: Target {
            article: article_id(&f.str("article")?, f, "article")?,
            path: PathBuf::from(f.str("path")?),
            item: f.opt_count("item")?,
            quote: TextQuote {
                exact: f.str("quote")?,
                prefix: f.opt_str("prefix")?.unwrap_or_default(),
                suffix: f.opt_str("suffix")?.unwrap_or_default(),
            },
            position: TextPosition {
                start: f.count("start")?,
                end: f.count("end")?,
            },
            text_hash: f.opt_str("text_hash")?.unwrap_or_default(),
        },
    })
}

fn from_w3c(v: &Value, tag: usize) -> Result<Tag, ImportError> {
    let a = Fields { v, tag };
    let id = a.str("id")?;
    let creator = Fields {
        v: a.get("creator")?,
        tag,
    };
    let target = Fields {
        v: a.get("target")?,
        tag,
    };
    let source = target.str("source")?;
    let article = source.strip_prefix(ARTICLE_URN).unwrap_or(&source);
    let selectors = target.get("selector")?;
    let selector = |kind: &'static str| -> Result<Fields, ImportError> {
        let found = match selectors {
            Value::Array(list) => list.iter().find(|s| s["type"] == kind),
            one => Some(one).filter(|s| s["type"] == kind),
        };
        found
            .map(|v| Fields { v, tag })
            .ok_or(ImportError::Missing { tag, key: kind })
    };
    let quote = selector("TextQuoteSelector")?;
    let position = selector("TextPositionSelector")?;
    let bodies: Vec<&Value> = match a.get("body")? {
        Value::Array(list) => list.iter().collect(),
        one => vec![one],
    };
    let body = |purpose: &str| {
        bodies
            .iter()
            .find(|b| b["purpose"] == purpose)
            .and_then(|b| b["value"].as_str())
            .map(str::to_string)
    };
    Ok(Tag {
        id: TagId(id.strip_prefix(TAG_URN).unwrap_or(&id).to_string()),
        label: body("tagging").ok_or(ImportError::Missing {
            tag,
            key: "tagging body",
        })?,
        note: body("commenting"),
        author: creator.str("name")?,
        created: a.time("created")?,
        modified: a.opt_time("modified")?,
        target: Target {
            article: article_id(article, &target, "source")?,
            path: PathBuf::from(target.opt_str("khabar:path")?.unwrap_or_default()),
            item: target.opt_count("khabar:item")?,
            quote: TextQuote {
                exact: quote.str("exact")?,
                prefix: quote.opt_str("prefix")?.unwrap_or_default(),
                suffix: quote.opt_str("suffix")?.unwrap_or_default(),
            },
            position: TextPosition {
                start: position.count("start")?,
                end: position.count("end")?,
            },
            text_hash: target.opt_str("khabar:textHash")?.unwrap_or_default(),
        },
    })
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
