//! `khabar facts` and `khabar claims`: the facts of one article, and the same counts compared
//! across articles. Text output is for reading in a terminal (logical order, one fact a line);
//! `--json` is for scripts.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use rayon::prelude::*;
use serde_json::{Value, json};

use super::{find_article, load_library};
use crate::config::Config;
use crate::core::article::Article;
use crate::core::facts::compare::{Comparison, compare};
use crate::core::facts::{Fact, Facts, Span, extract_article};

/// Prints the facts of `target`.
pub(super) fn facts(
    out: &mut impl Write,
    config: &Config,
    target: &str,
    within: &[PathBuf],
    json: bool,
) -> Result<()> {
    let article = find_article(config, target, within)?;
    let facts = extract_article(&article);
    if json {
        serde_json::to_writer_pretty(&mut *out, &facts_json(&facts))?;
        writeln!(out)?;
    } else {
        write_facts(out, &article, &facts)?;
    }
    out.flush()?;
    Ok(())
}

/// The JSON view: `{"facts": [...]}` in text order; a quantity's `claim` and a claim's
/// `quantities`, `denies` and `denied_by` are indices into that array.
pub fn facts_json(facts: &Facts) -> Value {
    let all = facts.all();
    let index_of = |f: Fact| all.iter().position(|g| *g == f);
    let claim_index = |i: usize| facts.claims.get(i).and_then(|c| index_of(Fact::Claim(c)));
    let quantity_index = |i: usize| {
        facts
            .quantities
            .get(i)
            .and_then(|q| index_of(Fact::Quantity(q)))
    };
    let items: Vec<Value> = all
        .iter()
        .map(|f| {
            let mut v = json!({
                "kind": f.kind(),
                "text": f.text(),
                "paragraph": f.span().paragraph,
                "span": span_json(f.span()),
            });
            let extra = match f {
                Fact::Quantity(q) => json!({
                    "value": q.value,
                    "value_text": q.value_text,
                    "value_span": span_json(q.value_span),
                    "unit": q.unit,
                    "unit_text": q.unit_text,
                    "approx": q.approx,
                    "percent": q.percent,
                    "claimant": q.claimant,
                    "side": q.side,
                    "about": q.about,
                    "as_of": q.as_of.map(|d| d.to_string()),
                    "claim": q.claim.and_then(claim_index),
                }),
                Fact::Claim(c) => json!({
                    "cue": c.cue,
                    "cue_span": span_json(c.cue_span),
                    "claimant": c.claimant,
                    "claimant_text": c.claimant_text,
                    "inherited": c.inherited,
                    "side": c.side,
                    "stance": c.stance,
                    "content": c.content_text,
                    "content_span": span_json(c.content),
                    "quantities": c.quantities.iter().filter_map(|&i| quantity_index(i)).collect::<Vec<_>>(),
                    "denies": c.denies.and_then(claim_index),
                    "denied_by": c.denied_by.and_then(claim_index),
                }),
                Fact::Date(d) => json!({
                    "date": d.date,
                    "calendar": d.calendar,
                    "hijri": d.hijri.map(|h| format!("{:04}-{:02}-{:02}", h.year, h.month, h.day)),
                    "relative": d.relative,
                    "uncertain": d.uncertain,
                }),
                Fact::Name(n) => json!({
                    "canonical": n.canonical,
                    "country": n.country,
                }),
            };
            if let (Some(obj), Value::Object(more)) = (v.as_object_mut(), extra) {
                obj.extend(more);
            }
            v
        })
        .collect();
    json!({ "facts": items })
}

fn span_json(s: Span) -> Value {
    json!([s.start, s.end])
}

/// A number without a needless fraction: 3754, 2.5, 2500000000.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn write_facts(out: &mut impl Write, article: &Article, facts: &Facts) -> std::io::Result<()> {
    writeln!(out, "{}  {}", article.id, article.title)?;
    if facts.is_empty() {
        writeln!(out, "\nno facts found")?;
        return Ok(());
    }
    if !facts.claims.is_empty() {
        writeln!(out, "\nclaims")?;
        for c in &facts.claims {
            let who = c.claimant.as_deref().unwrap_or("—");
            let carried = if c.inherited { " (carried over)" } else { "" };
            let stance = c.stance.as_str();
            writeln!(
                out,
                "  ¶{:<3} {who}{carried} · {stance} · «{}»: {}",
                c.span.paragraph, c.cue, c.content_text
            )?;
        }
    }
    if !facts.quantities.is_empty() {
        writeln!(out, "\nquantities")?;
        for q in &facts.quantities {
            let unit = q.unit.as_deref().unwrap_or("—");
            let who = q.claimant.as_deref().unwrap_or("—");
            writeln!(
                out,
                "  ¶{:<3} {}{} {unit} · {who} · «{}»",
                q.span.paragraph,
                q.approx.symbol(),
                number(q.value),
                q.text
            )?;
        }
    }
    if !facts.dates.is_empty() {
        writeln!(out, "\ndates")?;
        for d in &facts.dates {
            let mark = if d.uncertain { " ±1" } else { "" };
            writeln!(
                out,
                "  ¶{:<3} {}{mark} · «{}»",
                d.span.paragraph, d.date, d.text
            )?;
        }
    }
    for (kind, title) in [
        (crate::core::facts::NameKind::Person, "people"),
        (crate::core::facts::NameKind::Place, "places"),
        (crate::core::facts::NameKind::Organization, "organizations"),
    ] {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for n in facts.names.iter().filter(|n| n.kind == kind) {
            match seen.iter_mut().find(|(c, _)| *c == n.canonical) {
                Some((_, count)) => *count += 1,
                None => seen.push((&n.canonical, 1)),
            }
        }
        if !seen.is_empty() {
            writeln!(out, "\n{title}")?;
            for (name, count) in seen {
                writeln!(out, "  {name} ×{count}")?;
            }
        }
    }
    Ok(())
}

/// Prints the cross-article comparison of the library at `paths`.
pub(super) fn claims(
    out: &mut impl Write,
    config: &Config,
    paths: &[PathBuf],
    json: bool,
) -> Result<()> {
    let library = load_library(config, paths)?;
    let extracted: Vec<(Article, Facts)> = library
        .articles()
        .par_iter()
        .filter_map(|a| {
            let mut a = a.clone();
            if a.body_pending() {
                match crate::core::load::load_body(&a) {
                    Ok(body) => a.paragraphs = body,
                    Err(e) => {
                        eprintln!("khabar: skipped {}: {e}", a.path.display());
                        return None;
                    }
                }
            }
            let mut facts = extract_article(&a);
            // Only the quantities take part: the rest is dropped at once, so that a large
            // library is never held in memory with all its bodies and facts.
            a.paragraphs = Vec::new();
            facts.claims = Vec::new();
            facts.dates = Vec::new();
            facts.names = Vec::new();
            facts
                .quantities
                .retain(|q| q.claimant.is_some() && q.unit.is_some());
            Some((a, facts))
        })
        .collect();
    let pairs: Vec<(&Article, &Facts)> = extracted.iter().map(|(a, f)| (a, f)).collect();
    let groups = compare(&pairs);
    if json {
        serde_json::to_writer_pretty(&mut *out, &json!({ "comparisons": groups }))?;
        writeln!(out)?;
    } else if groups.is_empty() {
        writeln!(out, "no count is claimed twice in these articles")?;
    } else {
        for g in &groups {
            write_comparison(out, g)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_comparison(out: &mut impl Write, g: &Comparison) -> std::io::Result<()> {
    let about = g
        .about
        .as_deref()
        .map(|a| format!(" · about {a}"))
        .unwrap_or_default();
    writeln!(out, "{} · claimed by {}{about}", g.unit, g.side)?;
    for t in &g.tallies {
        let day = t
            .day()
            .map_or_else(|| "----------".to_string(), |d| d.to_string());
        writeln!(
            out,
            "  {day}  {:>10}  {}  {} · «{}»",
            format!("{}{}", t.approx.symbol(), number(t.value)),
            t.article,
            t.claimant.as_deref().unwrap_or("—"),
            t.text
        )?;
    }
    writeln!(out)
}
