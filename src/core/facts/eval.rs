//! Scoring the extractor against hand-written gold files (`tests/data/facts/gold/*.json`,
//! format and conventions in `tests/data/facts/README.md`): precision and recall per kind,
//! and, over the quantities found, how often the unit and the claimant are right. Used by the
//! floors in `tests/facts_gold.rs` and printed by `cargo run --release --example facts_eval`.

mod gold;

use std::collections::BTreeMap;
use std::fmt;

use super::{Fact, Facts, Span};
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

/// Scores the facts of `article` against `gold`.
pub fn evaluate(gold: &Gold, article: &Article, facts: &Facts) -> Result<Report, GoldError> {
    let mut loc = Locator::new(&gold.article, &article.paragraphs);
    let mut report = Report::default();
    let all = facts.all();

    // Quantities: same value, overlapping span.
    let mut used = vec![false; facts.quantities.len()];
    let mut score = Score {
        found: facts.quantities.len(),
        gold: gold.quantities.len(),
        matched: 0,
    };
    for g in &gold.quantities {
        let span = loc.locate(g.paragraph, &g.text)?;
        let close = |v: f64| (v - g.value).abs() <= 1e-6 * g.value.abs().max(1.0);
        let hit = (0..facts.quantities.len()).find(|&i| {
            !used[i] && overlaps(facts.quantities[i].span, span) && close(facts.quantities[i].value)
        });
        match hit {
            Some(i) => {
                used[i] = true;
                score.matched += 1;
                let q = &facts.quantities[i];
                let first = |s: &str| loose(s).split(' ').next().unwrap_or_default().to_string();
                let unit_ok = match (&g.unit, &q.unit) {
                    (Some(a), Some(b)) => first(a) == first(b),
                    (None, None) => true,
                    _ => false,
                };
                report.unit.count(unit_ok);
                if !unit_ok {
                    report.mistakes.push(format!(
                        "unit      p{} «{}»: {:?}, gold {:?}",
                        g.paragraph, g.text, q.unit, g.unit
                    ));
                }
                let ok = g.claimant.accepts(q.claimant.as_deref());
                report.claimant.count(ok);
                if !ok {
                    report.mistakes.push(format!(
                        "claimant  p{} «{}»: {:?}, gold {:?}",
                        g.paragraph, g.text, q.claimant, g.claimant
                    ));
                }
            }
            None => report.mistakes.push(format!(
                "missed    quantity p{} «{}» = {}",
                g.paragraph, g.text, g.value
            )),
        }
    }
    for (i, q) in facts.quantities.iter().enumerate() {
        if !used[i] {
            report.mistakes.push(format!(
                "extra     quantity p{} «{}» = {}",
                q.span.paragraph, q.text, q.value
            ));
        }
    }
    report.kinds.insert("quantity", score);

    // Dates: same date, overlapping span.
    let mut used = vec![false; facts.dates.len()];
    let mut score = Score {
        found: facts.dates.len(),
        gold: gold.dates.len(),
        matched: 0,
    };
    for g in &gold.dates {
        let span = loc.locate(g.paragraph, &g.text)?;
        let hit = (0..facts.dates.len()).find(|&i| {
            !used[i] && overlaps(facts.dates[i].span, span) && facts.dates[i].date == g.date
        });
        match hit {
            Some(i) => {
                used[i] = true;
                score.matched += 1;
            }
            None => report.mistakes.push(format!(
                "missed    date p{} «{}» = {}",
                g.paragraph, g.text, g.date
            )),
        }
    }
    for (i, d) in facts.dates.iter().enumerate() {
        if !used[i] {
            report.mistakes.push(format!(
                "extra     date p{} «{}» = {}",
                d.span.paragraph, d.text, d.date
            ));
        }
    }
    report.kinds.insert("date", score);

    // Names: same kind, overlapping span; also scored as one kind, whatever the type.
    let names: Vec<(Span, &'static str, &str)> = all
        .iter()
        .filter_map(|f| match f {
            Fact::Name(n) => Some((n.span, f.kind(), n.canonical.as_str())),
            _ => None,
        })
        .collect();
    let mut used = vec![false; names.len()];
    let mut used_any = vec![false; names.len()];
    let mut any = Score {
        found: names.len(),
        gold: gold.names.len(),
        matched: 0,
    };
    for kind in ["person", "place", "organization"] {
        report.kinds.insert(
            kind,
            Score {
                found: names.iter().filter(|n| n.1 == kind).count(),
                gold: gold.names.iter().filter(|n| n.kind == kind).count(),
                matched: 0,
            },
        );
    }
    for g in &gold.names {
        let span = loc.locate(g.paragraph, &g.text)?;
        if let Some(i) = (0..names.len()).find(|&i| !used_any[i] && overlaps(names[i].0, span)) {
            used_any[i] = true;
            any.matched += 1;
        }
        match (0..names.len())
            .find(|&i| !used[i] && names[i].1 == g.kind && overlaps(names[i].0, span))
        {
            Some(i) => {
                used[i] = true;
                if let Some(s) = report.kinds.get_mut(g.kind.as_str()) {
                    s.matched += 1;
                }
                if let Some(c) = &g.canonical {
                    let ok = fold_arabic(c) == fold_arabic(names[i].2);
                    report.canonical.count(ok);
                    if !ok {
                        report.mistakes.push(format!(
                            "canonical p{} «{}»: «{}», gold «{c}»",
                            g.paragraph, g.text, names[i].2
                        ));
                    }
                }
            }
            None => report.mistakes.push(format!(
                "missed    {} p{} «{}»",
                g.kind, g.paragraph, g.text
            )),
        }
    }
    for (i, n) in names.iter().enumerate() {
        if !used[i] {
            let text = all
                .iter()
                .find(|f| f.span() == n.0)
                .map_or("", |f| f.text());
            report
                .mistakes
                .push(format!("extra     {} p{} «{}»", n.1, n.0.paragraph, text));
        }
    }
    report.kinds.insert("names", any);

    // Claims: the same verb (gold cues are in dictionary form) in the same paragraph, in order.
    let mut used = vec![false; facts.claims.len()];
    let mut score = Score {
        found: facts
            .claims
            .iter()
            .filter(|c| c.denied_by.is_none())
            .count(),
        gold: gold.claims.len(),
        matched: 0,
    };
    for g in &gold.claims {
        let group = super::claims::cue_group(&g.cue);
        let hit = (0..facts.claims.len()).find(|&i| {
            let c = &facts.claims[i];
            !used[i]
                && c.denied_by.is_none()
                && c.span.paragraph == g.paragraph
                && group.is_some()
                && super::claims::cue_group(&c.cue) == group
        });
        match hit {
            Some(i) => {
                used[i] = true;
                score.matched += 1;
                let c = &facts.claims[i];
                let ok = g.claimant.accepts(c.claimant.as_deref());
                report.claim_claimant.count(ok);
                if !ok {
                    report.mistakes.push(format!(
                        "claimant  claim p{} «{}»: {:?}, gold {:?}",
                        g.paragraph, g.cue, c.claimant, g.claimant
                    ));
                }
                if let Some(s) = &g.stance {
                    let found = serde_json::to_value(c.stance).ok();
                    let ok = found.as_ref().and_then(|v| v.as_str()) == Some(s.as_str());
                    report.stance.count(ok);
                    if !ok {
                        report.mistakes.push(format!(
                            "stance    claim p{} «{}»: {:?}, gold {s}",
                            g.paragraph, g.cue, c.stance
                        ));
                    }
                }
            }
            None => report
                .mistakes
                .push(format!("missed    claim p{} «{}»", g.paragraph, g.cue)),
        }
    }
    for (i, c) in facts.claims.iter().enumerate() {
        if !used[i] && c.denied_by.is_none() {
            report
                .mistakes
                .push(format!("extra     claim p{} «{}»", c.span.paragraph, c.cue));
        }
    }
    report.kinds.insert("claim", score);
    for m in &mut report.mistakes {
        *m = format!("{}: {m}", gold.article);
    }
    Ok(report)
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
