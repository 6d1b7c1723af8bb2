//! Across articles: the same count, claimed by the same side, in every loaded article, in
//! date order. This is the comparison an analyst builds by hand: one side's tally of the
//! other's losses growing day by day, set beside the other side's own figures.
//!
//! Quantities are grouped by what they count (the unit in base form, folded) and by who says
//! so (the claimant's country, else the claimant). Only claimed quantities take part, and a
//! unit shows up only when at least two tallies of it were found. Percentages and durations
//! are left out: they are not counts of one thing.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Approx, Facts, Span};
use crate::core::article::{Article, ArticleId};
use crate::core::text::fold_arabic;

/// Folded units of time: a count of days is a duration, not a tally.
const DURATIONS: &[&str] = &[
    "يوم",
    "عام",
    "سنه",
    "شهر",
    "اسبوع",
    "ساعه",
    "دقيقه",
    "ثانيه",
    "عقد",
    "قرن",
];

/// One claimed value: which article, when, who, how much.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub article: ArticleId,
    pub title: String,
    /// The article's publication day.
    pub published: Option<NaiveDate>,
    /// The day the tally is as of, when its sentence says («حتى مساء أمس»).
    pub as_of: Option<NaiveDate>,
    pub value: f64,
    pub approx: Approx,
    /// The quantity as written.
    pub text: String,
    pub claimant: Option<String>,
    /// The country the number is about, when its sentence says.
    pub about: Option<String>,
    /// Where the number is in its article (serialised like `khabar facts`: `paragraph`, and
    /// `span` as `[start, end]` in code points).
    #[serde(flatten, serialize_with = "span_fields")]
    pub span: Span,
}

fn span_fields<S: serde::Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("paragraph", &span.paragraph)?;
    map.serialize_entry("span", &[span.start, span.end])?;
    map.end()
}

impl Tally {
    /// The day the value was claimed for: as of its own date, else the article's.
    pub fn day(&self) -> Option<NaiveDate> {
        self.as_of.or(self.published)
    }
}

/// The tallies of one thing by one side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// What is counted, in base form («دبابة»).
    pub unit: String,
    /// Who says so: a country, else the claimant's name.
    pub side: String,
    /// The country the numbers are about, when most of them say.
    pub about: Option<String>,
    /// Oldest first; tallies without a date last.
    pub tallies: Vec<Tally>,
}

impl Comparison {
    /// How many different articles the tallies come from.
    pub fn articles(&self) -> usize {
        let mut ids: Vec<&ArticleId> = self.tallies.iter().map(|t| &t.article).collect();
        ids.sort();
        ids.dedup();
        ids.len()
    }
}

/// Groups the claimed quantities of `articles` (each with its facts). Groups of the same
/// unit sit together, the one with most articles first; within a unit, sides by name.
pub fn compare(articles: &[(&Article, &Facts)]) -> Vec<Comparison> {
    let mut groups: BTreeMap<(String, String), Comparison> = BTreeMap::new();
    for (article, facts) in articles {
        for q in &facts.quantities {
            let (Some(unit), Some(claimant)) = (&q.unit, &q.claimant) else {
                continue;
            };
            // Percentages and durations («44 يوماً») are not tallies of one thing.
            if q.percent || DURATIONS.contains(&fold_arabic(unit).as_str()) {
                continue;
            }
            let side = q.side.clone().unwrap_or_else(|| claimant.clone());
            let key = (fold_arabic(unit), fold_arabic(&side));
            let group = groups.entry(key).or_insert_with(|| Comparison {
                unit: unit.clone(),
                side,
                about: None,
                tallies: Vec::new(),
            });
            group.tallies.push(Tally {
                article: article.id.clone(),
                title: article.title.clone(),
                published: article.date.as_ref().map(|d| d.date),
                as_of: q.as_of,
                value: q.value,
                approx: q.approx,
                text: q.text.clone(),
                claimant: q.claimant.clone(),
                about: q.about.clone(),
                span: q.span,
            });
        }
    }
    let mut per_unit: BTreeMap<String, usize> = BTreeMap::new();
    for ((unit, _), g) in &groups {
        *per_unit.entry(unit.clone()).or_default() += g.tallies.len();
    }
    let mut out: Vec<Comparison> = groups
        .into_iter()
        .filter(|((unit, _), _)| per_unit.get(unit).is_some_and(|&n| n >= 2))
        .map(|(_, mut g)| {
            g.tallies
                .sort_by_key(|t| (t.day().is_none(), t.day(), t.span.paragraph, t.span.start));
            g.about = most_common(g.tallies.iter().filter_map(|t| t.about.clone()));
            g
        })
        .collect();
    // Units claimed in the most articles first.
    let mut weight: BTreeMap<String, usize> = BTreeMap::new();
    for c in &out {
        *weight.entry(fold_arabic(&c.unit)).or_default() += c.articles();
    }
    out.sort_by_cached_key(|c| {
        let unit = fold_arabic(&c.unit);
        let w = weight.get(&unit).copied().unwrap_or(0);
        (
            std::cmp::Reverse(w),
            unit,
            std::cmp::Reverse(c.articles()),
            c.side.clone(),
        )
    });
    out
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}
