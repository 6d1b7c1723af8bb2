//! The gold files: their format (see `tests/data/facts/README.md`), reading them, finding
//! each gold text in its paragraph, and loading the articles they describe.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{Report, evaluate};
use crate::core::facts::Span;
use crate::core::facts::folded::CodePoints;
use crate::core::text::fold_arabic;

/// One gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's path from the repository root.
    pub article: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub quantities: Vec<GoldQuantity>,
    #[serde(default)]
    pub dates: Vec<GoldDate>,
    #[serde(default)]
    pub names: Vec<GoldName>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuantity {
    pub paragraph: usize,
    pub text: String,
    pub value: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub claimant: Claimants,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub paragraph: usize,
    pub text: String,
    pub date: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldName {
    pub paragraph: usize,
    pub text: String,
    pub kind: String,
    #[serde(default)]
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub paragraph: usize,
    pub cue: String,
    #[serde(default)]
    pub claimant: Claimants,
    #[serde(default)]
    pub stance: Option<String>,
}

/// A gold claimant: nobody, one name, or several acceptable names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum Claimants {
    #[default]
    None,
    One(String),
    Any(Vec<String>),
}

impl Claimants {
    /// Whether `found` is an acceptable claimant: both none, or one name containing the other
    /// after folding (and without the article).
    pub fn accepts(&self, found: Option<&str>) -> bool {
        let names: Vec<&str> = match self {
            Claimants::None => return found.is_none(),
            Claimants::One(s) => vec![s],
            Claimants::Any(v) => v.iter().map(String::as_str).collect(),
        };
        let Some(found) = found else { return false };
        let f = loose(found);
        names.iter().any(|n| {
            let g = loose(n);
            !g.is_empty() && (f.contains(&g) || g.contains(&f))
        })
    }
}

/// Folded, with «ال» dropped from every word: «الجيش الأذري» and «جيش اذري» compare equal.
pub(super) fn loose(s: &str) -> String {
    fold_arabic(s)
        .split_whitespace()
        .map(|w| {
            w.strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A gold file that does not fit its article.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{file}: paragraph {paragraph} has no «{text}» (occurrence {n})")]
    TextNotFound {
        file: String,
        paragraph: usize,
        text: String,
        n: usize,
    },
}

/// Where each gold text is: the n-th listing of the same text in a paragraph is its n-th
/// occurrence there.
pub(super) struct Locator<'a> {
    file: &'a str,
    paragraphs: &'a [String],
    seen: BTreeMap<(usize, String), usize>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(file: &'a str, paragraphs: &'a [String]) -> Self {
        Locator {
            file,
            paragraphs,
            seen: BTreeMap::new(),
        }
    }

    pub(super) fn locate(&mut self, paragraph: usize, text: &str) -> Result<Span, GoldError> {
        let n = self.seen.entry((paragraph, text.to_string())).or_default();
        let missing = || GoldError::TextNotFound {
            file: self.file.to_string(),
            paragraph,
            text: text.to_string(),
            n: *n,
        };
        let p = self.paragraphs.get(paragraph).ok_or_else(missing)?;
        let at = p
            .match_indices(text)
            .nth(*n)
            .map(|(i, _)| i)
            .ok_or_else(missing)?;
        *n += 1;
        let cps = CodePoints::new(p);
        Ok(Span {
            paragraph,
            start: cps.at(at),
            end: cps.at(at + text.len()),
        })
    }
}

pub(super) fn overlaps(a: Span, b: Span) -> bool {
    a.paragraph == b.paragraph && a.start < b.end && b.start < a.end
}

/// Reads every `*.json` gold file in `dir`, sorted by name.
pub fn read_gold(dir: &Path) -> std::io::Result<Vec<(String, Gold)>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)?;
            let gold: Gold = serde_json::from_str(&text).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", p.display()),
                )
            })?;
            Ok((p.display().to_string(), gold))
        })
        .collect()
}

/// Why a gold directory could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read the gold files: {0}")]
    Read(#[from] std::io::Error),
    #[error("{0}")]
    Gold(#[from] GoldError),
    #[error("{gold}: cannot load its article {article}: {reason}")]
    Article {
        gold: String,
        article: String,
        reason: String,
    },
}

/// Scores every gold file in `gold_dir`, each article loaded from `root` joined with its
/// `article` path: (gold file, the article's path, its report), in file name order.
pub fn evaluate_dir(root: &Path, gold_dir: &Path) -> Result<Vec<(String, Report)>, EvalError> {
    use crate::core::load::{LoadOptions, load_paths};
    let mut out = Vec::new();
    for (file, gold) in read_gold(gold_dir)? {
        let path = root.join(&gold.article);
        let failed = |reason: String| EvalError::Article {
            gold: file.clone(),
            article: gold.article.clone(),
            reason,
        };
        let options = LoadOptions {
            cache: None,
            ..LoadOptions::default()
        };
        let report = load_paths(&[path], &options).map_err(|e| failed(e.to_string()))?;
        if let Some(p) = report.problems.first() {
            return Err(failed(p.to_string()));
        }
        let article = report
            .articles
            .into_iter()
            .next()
            .ok_or_else(|| failed("no article in the file".into()))?;
        let facts = crate::core::facts::extract_article(&article);
        out.push((gold.article.clone(), evaluate(&gold, &article, &facts)?));
    }
    Ok(out)
}
