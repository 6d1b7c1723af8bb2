//! Scoring the extractor against hand-written gold files (`tests/data/facts/gold/*.json`,
//! format and conventions in `tests/data/facts/README.md`): precision and recall per kind,
//! and, over the quantities found, how often the unit and the claimant are right. Used by the
//! floors in `tests/facts_gold.rs` and printed by `cargo run --release --example facts_eval`.

mod gold;

use std::collections::BTreeMap;
use std::fmt;

use super::claims::cue_group;
use super::{Claim, Fact, Facts};
use crate::core::article::Article;
use crate::core::text::fold_arabic;
use gold::{Locator, loose, overlaps};

pub use gold::{
    Claimants, EvalError, Gold, GoldClaim, GoldDate, GoldError, GoldName, GoldQuantity,
    evaluate_dir, read_gold,
};

/// Counts for one kind of fact.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub found: usize,
    pub gold: usize,
    pub matched: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }

    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.gold += o.gold;
        self.matched += o.matched;
    }
}

/// Right answers among matched facts: `right` of `of`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Accuracy {
    pub right: usize,
    pub of: usize,
}

impl Accuracy {
    pub fn rate(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.right as f64 / self.of as f64
        }
    }

    fn count(&mut self, ok: bool) {
        self.of += 1;
        self.right += usize::from(ok);
    }

    fn add(&mut self, o: Accuracy) {
        self.right += o.right;
        self.of += o.of;
    }
}

/// The scores of one article, or of several added up.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per kind: quantity, date, person, place, organization, names (all three), claim.
    pub kinds: BTreeMap<&'static str, Score>,
    pub unit: Accuracy,
    pub claimant: Accuracy,
    pub canonical: Accuracy,
    pub claim_claimant: Accuracy,
    pub stance: Accuracy,
    /// What was missed or wrongly found, one line each (for `--verbose`).
    pub mistakes: Vec<String>,
}

impl Report {
    pub fn score(&self, kind: &str) -> Score {
        self.kinds.get(kind).copied().unwrap_or_default()
    }

    pub fn add(&mut self, o: &Report) {
        for (k, s) in &o.kinds {
            self.kinds.entry(k).or_default().add(*s);
        }
        self.unit.add(o.unit);
        self.claimant.add(o.claimant);
        self.canonical.add(o.canonical);
        self.claim_claimant.add(o.claim_claimant);
        self.stance.add(o.stance);
        self.mistakes.extend(o.mistakes.iter().cloned());
    }
}

/// Pairs each gold entry, in order, with the first fact not yet paired that `fits` it:
/// for each gold entry the fact it got, and for each fact whether it was taken.
fn pair(
    gold: usize,
    found: usize,
    mut fits: impl FnMut(usize, usize) -> bool,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut taken = vec![false; found];
    let pairs = (0..gold)
        .map(|g| {
            let hit = (0..found).find(|&i| !taken[i] && fits(g, i));
            if let Some(i) = hit {
                taken[i] = true;
            }
            hit
        })
        .collect();
    (pairs, taken)
}

fn score(gold: usize, pairs: &[Option<usize>], found: usize) -> Score {
    Score {
        found,
        gold,
        matched: pairs.iter().flatten().count(),
    }
}

/// Counts one judgement, and notes the mistake when it is wrong.
fn judge(acc: &mut Accuracy, mistakes: &mut Vec<String>, ok: bool, what: impl FnOnce() -> String) {
    acc.count(ok);
    if !ok {
        mistakes.push(what());
    }
}

/// Scores the facts of `article` against `gold`.
pub fn evaluate(gold: &Gold, article: &Article, facts: &Facts) -> Result<Report, GoldError> {
    let mut loc = Locator::new(&gold.article, &article.paragraphs);
    let mut r = Report::default();
    let m = &mut r.mistakes;

    // Quantities: same value, overlapping span; then the unit's first word and the claimant.
    let spans = (gold.quantities.iter())
        .map(|g| loc.locate(g.paragraph, &g.text))
        .collect::<Result<Vec<_>, _>>()?;
    let found = &facts.quantities;
    let (pairs, taken) = pair(spans.len(), found.len(), |g, i| {
        let v = gold.quantities[g].value;
        overlaps(found[i].span, spans[g]) && (found[i].value - v).abs() <= 1e-6 * v.abs().max(1.0)
    });
    let first = |s: &str| loose(s).split(' ').next().unwrap_or_default().to_string();
    for (g, hit) in gold.quantities.iter().zip(&pairs) {
        let Some(q) = hit.map(|i| &found[i]) else {
            m.push(format!(
                "missed    quantity p{} «{}» = {}",
                g.paragraph, g.text, g.value
            ));
            continue;
        };
        let unit_ok = match (&g.unit, &q.unit) {
            (Some(a), Some(b)) => first(a) == first(b),
            (a, b) => a.is_none() && b.is_none(),
        };
        judge(&mut r.unit, m, unit_ok, || {
            format!(
                "unit      p{} «{}»: {:?}, gold {:?}",
                g.paragraph, g.text, q.unit, g.unit
            )
        });
        let ok = g.claimant.accepts(q.claimant.as_deref());
        judge(&mut r.claimant, m, ok, || {
            format!(
                "claimant  p{} «{}»: {:?}, gold {:?}",
                g.paragraph, g.text, q.claimant, g.claimant
            )
        });
    }
    for q in found
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(q, _)| q)
    {
        m.push(format!(
            "extra     quantity p{} «{}» = {}",
            q.span.paragraph, q.text, q.value
        ));
    }
    r.kinds
        .insert("quantity", score(spans.len(), &pairs, found.len()));

    // Dates: same date, overlapping span.
    let spans = (gold.dates.iter())
        .map(|g| loc.locate(g.paragraph, &g.text))
        .collect::<Result<Vec<_>, _>>()?;
    let found = &facts.dates;
    let (pairs, taken) = pair(spans.len(), found.len(), |g, i| {
        overlaps(found[i].span, spans[g]) && found[i].date == gold.dates[g].date
    });
    for (g, _) in gold
        .dates
        .iter()
        .zip(&pairs)
        .filter(|(_, hit)| hit.is_none())
    {
        m.push(format!(
            "missed    date p{} «{}» = {}",
            g.paragraph, g.text, g.date
        ));
    }
    for d in found
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(d, _)| d)
    {
        m.push(format!(
            "extra     date p{} «{}» = {}",
            d.span.paragraph, d.text, d.date
        ));
    }
    r.kinds
        .insert("date", score(spans.len(), &pairs, found.len()));

    // Names: same kind and overlapping span, per kind; also as one kind, whatever the type.
    let spans = (gold.names.iter())
        .map(|g| loc.locate(g.paragraph, &g.text))
        .collect::<Result<Vec<_>, _>>()?;
    let found = &facts.names;
    let kind_of = |i: usize| Fact::Name(&found[i]).kind();
    let (any, _) = pair(spans.len(), found.len(), |g, i| {
        overlaps(found[i].span, spans[g])
    });
    r.kinds
        .insert("names", score(spans.len(), &any, found.len()));
    let (pairs, taken) = pair(spans.len(), found.len(), |g, i| {
        kind_of(i) == gold.names[g].kind && overlaps(found[i].span, spans[g])
    });
    for kind in ["person", "place", "organization"] {
        let of_kind: Vec<Option<usize>> = (gold.names.iter().zip(&pairs))
            .filter(|(g, _)| g.kind == kind)
            .map(|(_, hit)| *hit)
            .collect();
        let found_of_kind = (0..found.len()).filter(|&i| kind_of(i) == kind).count();
        r.kinds
            .insert(kind, score(of_kind.len(), &of_kind, found_of_kind));
    }
    for (g, hit) in gold.names.iter().zip(&pairs) {
        let Some(n) = hit.map(|i| &found[i]) else {
            m.push(format!(
                "missed    {} p{} «{}»",
                g.kind, g.paragraph, g.text
            ));
            continue;
        };
        if let Some(c) = &g.canonical {
            let ok = fold_arabic(c) == fold_arabic(&n.canonical);
            judge(&mut r.canonical, m, ok, || {
                format!(
                    "canonical p{} «{}»: «{}», gold «{c}»",
                    g.paragraph, g.text, n.canonical
                )
            });
        }
    }
    for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
        let n = &found[i];
        m.push(format!(
            "extra     {} p{} «{}»",
            kind_of(i),
            n.span.paragraph,
            n.text
        ));
    }

    // Claims: the same verb (gold cues are in dictionary form) in the same paragraph, in
    // order. A reports claim linked to a denial is not a claim of the text's own.
    let found: Vec<&Claim> = facts
        .claims
        .iter()
        .filter(|c| c.denied_by.is_none())
        .collect();
    let groups: Vec<Option<usize>> = found.iter().map(|c| cue_group(&c.cue)).collect();
    let (pairs, taken) = pair(gold.claims.len(), found.len(), |g, i| {
        let g = &gold.claims[g];
        found[i].span.paragraph == g.paragraph
            && groups[i].is_some()
            && groups[i] == cue_group(&g.cue)
    });
    for (g, hit) in gold.claims.iter().zip(&pairs) {
        let Some(c) = hit.map(|i| found[i]) else {
            m.push(format!("missed    claim p{} «{}»", g.paragraph, g.cue));
            continue;
        };
        let ok = g.claimant.accepts(c.claimant.as_deref());
        judge(&mut r.claim_claimant, m, ok, || {
            format!(
                "claimant  claim p{} «{}»: {:?}, gold {:?}",
                g.paragraph, g.cue, c.claimant, g.claimant
            )
        });
        if let Some(s) = &g.stance {
            let found = serde_json::to_value(c.stance).ok();
            let ok = found.as_ref().and_then(|v| v.as_str()) == Some(s.as_str());
            judge(&mut r.stance, m, ok, || {
                format!(
                    "stance    claim p{} «{}»: {:?}, gold {s}",
                    g.paragraph, g.cue, c.stance
                )
            });
        }
    }
    for c in found
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(c, _)| c)
    {
        m.push(format!("extra     claim p{} «{}»", c.span.paragraph, c.cue));
    }
    r.kinds
        .insert("claim", score(gold.claims.len(), &pairs, found.len()));

    for line in &mut r.mistakes {
        *line = format!("{}: {line}", gold.article);
    }
    Ok(r)
}

impl fmt::Display for Report {
    /// A table: kind, found, gold, matched, precision, recall; then the accuracies.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<14}{:>7}{:>7}{:>9}{:>11}{:>8}",
            "kind", "found", "gold", "matched", "precision", "recall"
        )?;
        for k in [
            "quantity",
            "date",
            "names",
            "person",
            "place",
            "organization",
            "claim",
        ] {
            let s = self.score(k);
            writeln!(
                f,
                "{k:<14}{:>7}{:>7}{:>9}{:>11.3}{:>8.3}",
                s.found,
                s.gold,
                s.matched,
                s.precision(),
                s.recall()
            )?;
        }
        for (label, a) in [
            ("quantity unit", self.unit),
            ("quantity claimant", self.claimant),
            ("name canonical", self.canonical),
            ("claim claimant", self.claim_claimant),
            ("claim stance", self.stance),
        ] {
            writeln!(f, "{label:<20}{:>5}/{:<5}{:>8.3}", a.right, a.of, a.rate())?;
        }
        Ok(())
    }
}
