//! The extraction pipeline: runs the rules (`when`, `names`, `numbers`, `claims`) over each
//! paragraph and ties their findings together: claimant phrases become canonical names, a
//! claim without a named claimant takes the one before it («وأضافت أن …»), «الوزارة» is the
//! ministry last named, each quantity joins the claim of its sentence and learns which side
//! says so and which side it is about, and byte ranges become code point spans.

use std::ops::Range;

use chrono::NaiveDate;

use super::claims::{ClaimHit, find_claims, sentences};
use super::folded::{CodePoints, Folded};
use super::names::{NameHit, country_of, find_names_after, nationality};
use super::numbers::{QuantityHit, find_quantities};
use super::when::{DateHit, DateValue, find_text_dates_folded};
use super::{Claim, DateFact, Facts, Name, NameKind, Quantity, Span};
use crate::core::article::Article;
use crate::core::text::fold_arabic;

/// How many paragraphs back a claim without a named claimant may look for one.
const CARRY_PARAGRAPHS: usize = 2;

/// Folded nouns that, alone, refer back to an institution named before («واتهمت الوزارة»).
const ANAPHORS: &[&str] = &[
    "الوزاره",
    "الرئاسه",
    "الحكومه",
    "الوكاله",
    "الجيش",
    "المتحدث",
    "الناطق",
    "الخارجيه",
    "المركز",
    "الهييه",
    "المنظمه",
    "البيان",
    "الشركه",
    "البنك",
    "المجلس",
    "الجماعه",
    "الحركه",
    "الحزب",
    "الكرملين",
];

/// Folded nouns for papers that speak for their author («بيانات الهيئة»).
const DOCUMENTS: &[&str] = &[
    "بيانات",
    "بيان",
    "تقرير",
    "تقارير",
    "ارقام",
    "احصاءات",
    "اوراق",
    "وثائق",
];

/// The facts of an article's body (its title is not searched).
pub fn extract_article(article: &Article) -> Facts {
    extract(&article.paragraphs, article.date.as_ref().map(|d| d.date))
}

/// The facts of a body's paragraphs; `published` resolves relative dates («أمس»).
pub fn extract(paragraphs: &[String], published: Option<NaiveDate>) -> Facts {
    let mut facts = Facts::default();
    let mut carry = Carry::default();
    for (index, text) in paragraphs.iter().enumerate() {
        paragraph(index, text, published, &mut facts, &mut carry);
    }
    facts
}

/// The last claimant seen, carried to claims that name none.
#[derive(Default)]
struct Carry {
    last: Option<(usize, String, Option<String>)>,
    /// Every claimant named so far (canonical), for «الوزارة» and the like.
    named: Vec<String>,
    /// The names of the paragraphs before: a person named in full is found again by family
    /// name alone («وأوضح راضي»).
    names: Vec<NameHit>,
}

/// One paragraph's rules, results appended to `facts`.
fn paragraph(
    index: usize,
    text: &str,
    published: Option<NaiveDate>,
    facts: &mut Facts,
    carry: &mut Carry,
) {
    let cps = CodePoints::new(text);
    let span = |r: &Range<usize>| Span {
        paragraph: index,
        start: cps.at(r.start),
        end: cps.at(r.end),
    };
    let folded = Folded::new(text);
    let dates = find_text_dates_folded(&folded, published);
    let names = find_names_after(&folded, &carry.names);
    let skip: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
    let quantities = find_quantities(&folded, &skip);
    let sentences = sentences(text);
    let hits = find_claims(&folded, &sentences);

    let claim_base = facts.claims.len();
    for hit in &hits {
        let (claimant, side, inherited) = resolve_claimant(index, text, hit, &names, carry);
        facts.claims.push(Claim {
            span: span(&hit.sentence),
            text: text[hit.sentence.clone()].to_string(),
            cue: text[hit.cue.clone()].to_string(),
            cue_span: span(&hit.cue),
            claimant,
            claimant_text: hit.claimant.as_ref().map(|r| text[r.clone()].to_string()),
            claimant_span: hit.claimant.as_ref().map(&span),
            inherited,
            side,
            stance: hit.stance,
            content: span(&hit.content),
            content_text: text[hit.content.clone()].to_string(),
            quantities: Vec::new(),
            denies: hit.denies.map(|d| claim_base + d),
            denied_by: None,
        });
    }
    for i in claim_base..facts.claims.len() {
        if let Some(d) = facts.claims[i].denies {
            facts.claims[d].denied_by = Some(i);
        }
    }

    for q in &quantities {
        let claim = claim_of(&hits, q.range.start).map(|c| claim_base + c);
        let (claimant, side) = claim.map_or((None, None), |c| {
            (
                facts.claims[c].claimant.clone(),
                facts.claims[c].side.clone(),
            )
        });
        let sentence = sentence_of(&sentences, q.range.start, text.len());
        let about = about_side(text, &sentence, &hits, q, &names, side.as_deref());
        let as_of = as_of(&dates, &sentence, q);
        if let Some(c) = claim {
            facts.claims[c].quantities.push(facts.quantities.len());
        }
        facts.quantities.push(Quantity {
            span: span(&q.range),
            text: text[q.range.clone()].to_string(),
            value: q.value,
            value_text: q.value_text.clone(),
            value_span: span(&q.number_range),
            approx: q.approx,
            unit: q.unit.clone(),
            unit_text: q.unit_text.clone(),
            percent: q.percent,
            claim,
            claimant,
            side,
            about,
            as_of,
        });
    }

    facts.dates.extend(dates.iter().map(|d| DateFact {
        span: span(&d.range),
        text: text[d.range.clone()].to_string(),
        date: d.value.iso(),
        calendar: d.calendar,
        hijri: d.hijri,
        relative: d.relative,
        uncertain: d.uncertain,
    }));
    carry.names.extend(names.iter().cloned());
    facts.names.extend(names.iter().map(|n| Name {
        span: span(&n.range),
        text: text[n.range.clone()].to_string(),
        kind: n.kind,
        canonical: n.canonical.clone(),
        country: n.country.map(str::to_string),
    }));
}

/// The claimant of a claim: (canonical, country, carried over). A name found in the claimant
/// phrase wins (a person over an organisation over a place); a bare «الوزارة» is the last
/// ministry named; a claim naming nobody carries the previous claimant.
fn resolve_claimant(
    paragraph: usize,
    text: &str,
    hit: &ClaimHit,
    names: &[NameHit],
    carry: &mut Carry,
) -> (Option<String>, Option<String>, bool) {
    let phrase = hit.claimant.clone();
    if hit.reported {
        let written = phrase.map(|r| text[r].to_string());
        let side = written.as_deref().and_then(side_of_words);
        return (written, side, false);
    }
    let Some(phrase) = phrase else {
        return match &carry.last {
            Some((p, name, side)) if paragraph - p <= CARRY_PARAGRAPHS => {
                (Some(name.clone()), side.clone(), true)
            }
            _ => (None, None, false),
        };
    };
    let window = hit.claimant_window.clone().unwrap_or(phrase.clone());
    let area = phrase.start.min(window.start)..phrase.end.max(window.end);
    let best = names
        .iter()
        .filter(|n| n.range.start < area.end && n.range.end > area.start)
        // A name in the phrase, or right after it («بيان وزارة الخارجية»), or a person
        // anywhere in the window («قال وزير الصحة، سليم حداد»).
        .filter(|n| {
            let adjacent = text[phrase.end..n.range.start.max(phrase.end)]
                .trim()
                .is_empty();
            n.range.start < phrase.end || adjacent || n.kind == NameKind::Person
        })
        .min_by_key(|n| {
            let rank = match n.kind {
                NameKind::Person => 0,
                NameKind::Organization => 1,
                NameKind::Place => 2,
            };
            (rank, n.range.start)
        });
    let written = strip_clitic(&text[phrase.clone()]);
    let (name, side) = match best {
        Some(n) => {
            let side = n
                .country
                .map(str::to_string)
                .or_else(|| country_of(&n.canonical).map(str::to_string))
                .or_else(|| side_of_words(&text[phrase.clone()]));
            (n.canonical.clone(), side)
        }
        None => match anaphor(&written, carry) {
            Some(named) => {
                let side = country_of(&named)
                    .map(str::to_string)
                    .or_else(|| side_of_words(&named));
                (named, side)
            }
            None => (written.clone(), side_of_words(&written)),
        },
    };
    carry.last = Some((paragraph, name.clone(), side.clone()));
    if !carry.named.contains(&name) {
        carry.named.push(name.clone());
    }
    (Some(name), side, false)
}

/// «لمركز الإعلام» after «وفقاً»: the preposition is not part of the name.
fn strip_clitic(s: &str) -> String {
    let s = s.trim();
    match s.strip_prefix('ل') {
        Some(rest)
            if !rest.starts_with('ل') && rest.chars().count() >= 3 && !s.starts_with("لا") =>
        {
            rest.to_string()
        }
        Some(rest) if rest.starts_with('ل') => format!("ا{rest}"),
        _ => s.to_string(),
    }
}

/// A lone generic noun («الوزارة») refers to the last claimant named that has it.
fn anaphor(written: &str, carry: &Carry) -> Option<String> {
    let folded = fold_arabic(written.trim_start_matches('و'));
    // «بيانات الهيئة», «تقرير الوزارة»: the papers of the institution named before.
    let folded = match folded.split_once(' ') {
        Some((doc, rest)) if DOCUMENTS.contains(&doc) => rest.to_string(),
        _ => folded,
    };
    if !ANAPHORS.contains(&folded.as_str()) {
        return None;
    }
    let head = folded.trim_start_matches("ال");
    carry
        .named
        .iter()
        .rev()
        .find(|n| {
            fold_arabic(n)
                .split(' ')
                .any(|w| w.trim_start_matches("ال") == head)
        })
        .cloned()
}

/// The first country a phrase's words name or describe («الجانب الأرميني» → أرمينيا).
fn side_of_words(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_alphanumeric() && !crate::core::text::is_mark(c))
        .filter(|w| !w.is_empty())
        .find_map(|w| nationality(w).or_else(|| country_of(w)))
        .map(str::to_string)
}

/// The claim a quantity at byte `at` belongs to: the latest claim whose content holds it (a
/// denial's reports claim comes after the denial, so the reports own their numbers), else
/// the claim of its sentence whose cue comes last before it, else the first one after.
fn claim_of(hits: &[ClaimHit], at: usize) -> Option<usize> {
    let mut content = None;
    for (i, h) in hits.iter().enumerate() {
        if h.content.contains(&at) {
            content = Some(i);
        }
    }
    content.or_else(|| {
        let same: Vec<usize> = (0..hits.len())
            .filter(|&i| hits[i].sentence.contains(&at))
            .collect();
        same.iter()
            .rev()
            .find(|&&i| hits[i].cue.start <= at)
            .or(same.first())
            .copied()
    })
}

/// The sentence a byte offset is in; the whole paragraph if none holds it.
fn sentence_of(sentences: &[Range<usize>], at: usize, len: usize) -> Range<usize> {
    sentences
        .iter()
        .find(|s| s.contains(&at))
        .cloned()
        .unwrap_or(0..len)
}

/// The country a quantity is about: the first country named or described after it in its
/// sentence, else the last one before it, leaving out the claimant's own.
fn about_side(
    text: &str,
    sentence: &Range<usize>,
    hits: &[ClaimHit],
    q: &QuantityHit,
    names: &[NameHit],
    claimant_side: Option<&str>,
) -> Option<String> {
    let mut mentions: Vec<(usize, String)> = names
        .iter()
        .filter(|n| sentence.contains(&n.range.start) && n.kind == NameKind::Place)
        .filter_map(|n| country_of(&n.canonical).map(|c| (n.range.start, c.to_string())))
        .collect();
    let mut at = sentence.start;
    for w in text[sentence.clone()].split(' ') {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric() && !crate::core::text::is_mark(c));
        if let Some(c) = nationality(word) {
            mentions.push((at, c.to_string()));
        }
        at += w.len() + 1;
    }
    let claimed = hits
        .iter()
        .filter_map(|h| h.claimant_window.clone().or(h.claimant.clone()))
        .collect::<Vec<_>>();
    mentions.retain(|(p, c)| {
        Some(c.as_str()) != claimant_side && !claimed.iter().any(|r| r.contains(p))
    });
    mentions.sort();
    // After the number only nearby («تدمير 200 دبابة للجيش الأرميني»): further on, a
    // country is more likely another matter («… من طراز أس-300 روسي الصنع»).
    let near = |p: usize| text[q.range.end..p].split_whitespace().count() <= 6;
    mentions
        .iter()
        .find(|(p, _)| *p >= q.range.end && near(*p))
        .or_else(|| mentions.iter().rev().find(|(p, _)| *p < q.range.start))
        .map(|(_, c)| c.clone())
}

/// A day written in the quantity's sentence, before it («حتى مساء أمس 3754 عسكرياً»).
fn as_of(dates: &[DateHit], sentence: &Range<usize>, q: &QuantityHit) -> Option<NaiveDate> {
    dates
        .iter()
        .filter(|d| sentence.contains(&d.range.start) && d.range.start < q.range.start)
        .filter_map(|d| match d.value {
            DateValue::Day(day) => Some(day),
            _ => None,
        })
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::facts::Stance;

    fn facts(paragraphs: &[&str]) -> Facts {
        let owned: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        extract(&owned, NaiveDate::from_ymd_opt(2020, 10, 8))
    }

    #[test]
    fn a_claim_without_a_subject_carries_the_one_before() {
        let f = facts(&[
            "وقالت وزارة الدفاع الأرمينية إنها دمرت 137 دبابة.",
            "وأضافت أن قواتها أسقطت 72 طائرة مسيرة.",
        ]);
        assert_eq!(f.claims[1].claimant, f.claims[0].claimant);
        assert!(f.claims[1].inherited);
        let drones = f
            .quantities
            .iter()
            .find(|q| q.value == 72.0)
            .expect("72 drones");
        assert_eq!(drones.claim, Some(1));
        assert_eq!(drones.side.as_deref(), Some("أرمينيا"));
    }

    #[test]
    fn the_ministry_is_the_one_named_before() {
        let f = facts(&[
            "وأعلنت وزارة الدفاع الآذرية أن خسائر الجانب الأرمني بلغت 250 من الدبابات.",
            "واتهمت الوزارة القوات الأرمينية بقصف قرى.",
        ]);
        assert_eq!(
            f.claims[0].claimant.as_deref(),
            Some("وزارة الدفاع الأذربيجانية")
        );
        assert_eq!(f.claims[1].claimant, f.claims[0].claimant);
        assert!(
            !f.claims[1].inherited,
            "named in its own sentence, by «الوزارة»"
        );
        assert_eq!(f.quantities[0].about.as_deref(), Some("أرمينيا"));
    }

    #[test]
    fn a_denial_of_reports_links_two_claims() {
        let f = facts(&[
            "لكن وزارة الدفاع في أذربيجان نفت صباح أمس، صحة التقارير الأرمينية عن مقتل 300 جندي.",
        ]);
        let denial = f
            .claims
            .iter()
            .position(|c| c.stance == Stance::Denies)
            .expect("denial");
        let reports = f.claims[denial].denies.expect("linked");
        assert_eq!(f.claims[reports].denied_by, Some(denial));
        assert_eq!(f.claims[reports].side.as_deref(), Some("أرمينيا"));
        // The number is the reports' claim, not a fact the ministry denies.
        assert_eq!(f.quantities[0].claim, Some(reports));
    }

    #[test]
    fn spans_are_code_points_of_the_paragraph() {
        let p = "قالَ الكرملين إن 3 جنود قُتلوا أمس.";
        let f = facts(&[p]);
        let chars: Vec<char> = p.chars().collect();
        for (span, text) in f
            .quantities
            .iter()
            .map(|q| (q.span, &q.text))
            .chain(f.dates.iter().map(|d| (d.span, &d.text)))
            .chain(f.names.iter().map(|n| (n.span, &n.text)))
        {
            let got: String = chars[span.start..span.end].iter().collect();
            assert_eq!(&got, text);
        }
        assert_eq!(f.dates[0].date, "2020-10-07");
        // A day written after the number is not the day the tally is as of.
        assert_eq!(f.quantities[0].as_of, None);
        let before = facts(&["وبلغت الحصيلة حتى مساء أمس 3754 عسكرياً."]);
        assert_eq!(
            before.quantities[0].as_of,
            NaiveDate::from_ymd_opt(2020, 10, 7)
        );
    }
}
