//! Quantities in a paragraph: every number that counts or measures something, with what it
//! counts and how exact the text says it is. Digits in any of the three digit sets, number
//! words, scale words, percentages, vague plurals («عشرات», «آلاف» → at least 20, 2000),
//! indefinite duals («طائرتين» → 2) and the approximation and bound phrases around them.
//! Not quantities: dates (the caller passes their ranges), years, times, ordinals, model
//! designations, labels, phone numbers, links and page counters.
//!
//! Layout: `lexicon` (word lists) and `class` (word classes), `tokens` (the paragraph's words and clitics), `spell`
//! (reading the number; `digits` and `dual` for those forms), `guards` (digits that are not
//! quantities), `noun` (the counted noun and its base form) and `adjective`, `bounds` (approximation
//! phrases); this file puts a hit together. The conventions are those of
//! `tests/data/facts/README.md` (section Quantities). English passages of mixed articles
//! get the same treatment with English scale words and phrases («around 96 million»).

mod adjective;
mod bounds;
mod class;
mod digits;
mod dual;
mod guards;
mod lexicon;
mod noun;
mod spell;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_not;
mod tokens;

use std::ops::Range;

use super::Approx;
use super::folded::Folded;
use lexicon::lexicon;
use noun::Counted;
use spell::{Kind, Num};
use tokens::{Toks, is_def};

/// A quantity found in a paragraph. Ranges are byte ranges of the original paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityHit {
    /// The whole phrase: approximation word, number, counted noun and agreeing adjective.
    pub range: Range<usize>,
    /// The number as written, scale words included.
    pub number_range: Range<usize>,
    pub value: f64,
    /// The number as written («أربع», «2.5 مليار», «٦٧٫٥»).
    pub value_text: String,
    pub approx: Approx,
    /// What is counted, in base form («عسكري», «دبابة», «طائرة مسيرة»), or "%".
    pub unit: Option<String>,
    /// What is counted, as written («عسكرياً», «من الدبابات», «في المئة»).
    pub unit_text: Option<String>,
    pub percent: bool,
}

/// The quantities of the paragraph `f`, in order and not overlapping. `skip` holds the
/// original byte ranges of the dates already found: numbers inside them are not quantities.
pub fn find_quantities(f: &Folded, skip: &[Range<usize>]) -> Vec<QuantityHit> {
    let t = Toks::new(f, skip);
    let mut out = Vec::new();
    let (mut i, mut floor) = (0, 0);
    while i < t.len() {
        match hit_at(&t, i, floor) {
            Some((hit, next)) => {
                out.push(hit);
                i = next;
                floor = next;
            }
            None => i += 1,
        }
    }
    share_units(f.original, &mut out);
    out
}

/// «بين 4 و6 درجات», «من 5 إلى 10 سنوات», «20-25 درجة»: the first number of a range
/// counts what the second counts.
fn share_units(text: &str, hits: &mut [QuantityHit]) {
    for k in (1..hits.len()).rev() {
        let (a, b) = (&hits[k - 1], &hits[k]);
        let between = text[a.range.end..b.range.start].trim();
        let range = matches!(between, "و" | "-" | "–" | "إلى" | "الى" | "حتى");
        if range && a.unit.is_none() && b.unit.is_some() && a.number_range.end == a.range.end {
            let (unit, unit_text, percent) = (b.unit.clone(), b.unit_text.clone(), b.percent);
            let a = &mut hits[k - 1];
            (a.unit, a.unit_text, a.percent) = (unit, unit_text, percent);
        }
    }
}

/// What follows the number when it is not a counted noun.
enum Mark {
    /// «%», «في المئة»: one past its last word, its folded end.
    Percent(usize, usize),
    /// «$» and the like right after or before the number: the currency and the sign.
    Currency(&'static str, char),
}

fn hit_at(t: &Toks, i: usize, floor: usize) -> Option<(QuantityHit, usize)> {
    let n = spell::read(t, i)?;
    if n.kind == Kind::Digits && guards::is_not_quantity(t, &n) {
        return None;
    }
    let mark = mark_after(t, &n);
    let counted = match (n.kind, &mark) {
        (_, Some(Mark::Percent(..))) => None,
        (Kind::Dual, _) => noun::dual(t, &n),
        (Kind::One, _) => Some(noun::before_one(t, i, floor)?),
        (Kind::Two, _) => noun::after(t, &n).or_else(|| noun::before_two(t, i, floor)),
        (Kind::DefCardinal, _) => Some(noun::plural_before(t, i, floor)?),
        _ => noun::after(t, &n),
    };
    let counted = match counted {
        None if n.kind == Kind::Digits && mark.is_none() && !n.scaled => bare(t, &n, floor)?,
        c => c,
    };
    // «في 2020», «عام 1994»: a year is not a quantity unless it counts a known noun.
    if n.kind == Kind::Digits && !n.scaled && mark.is_none() && year_like(t.s(i), n.value) {
        let after_year_word = i > 0 && t.joined(i) && lexicon().is(t.s(i - 1), class::YEAR_CTX);
        if after_year_word && !counted.as_ref().is_some_and(|c| c.known && c.first > i) {
            return None;
        }
    }
    Some(assemble(t, &n, counted, mark, floor))
}

/// A number with no noun, sign or scale: refused after a definite word that is not a
/// counted plural (a label: «الفرقة 4»), and when it could be a modern year; counted by a
/// definite plural before it («عدد القتلى 28»). `Some(None)`: a quantity with no unit.
fn bare(t: &Toks, n: &Num, floor: usize) -> Option<Option<Counted>> {
    let i = n.first;
    // «رؤية 2030», «حرب 1973»: a bare modern year. Round hundreds are counts more often
    // («إصابة 1900 بجروح») unless a year word comes before (handled by the caller).
    if (1900.0..=2100.0).contains(&n.value) && t.s(i).len() == 4 && n.value % 100.0 != 0.0 {
        return None;
    }
    if i > 0 && t.joined(i) && t.is_letters(i - 1) && is_def(t.s(i - 1)) {
        return noun::plural_before(t, i, floor).map(Some);
    }
    // «الساعات الـ24»: the guards let the article through only after a definite plural.
    if i > 1 && t.joined(i) && guards::is_article(t.s(i - 1)) {
        return Some(noun::plural_before(t, i - 1, floor));
    }
    Some(None)
}

fn year_like(s: &str, v: f64) -> bool {
    s.len() == 4 && (1000.0..=2100.0).contains(&v)
}

fn mark_after(t: &Toks, n: &Num) -> Option<Mark> {
    let last = n.end - 1;
    let ga = t.gap_after(last);
    let gb = t.gap_before(n.first);
    let lead = ga.trim_start();
    let lead_at = t.t[last].end + (ga.len() - lead.len());
    if let Some(c) = lead.chars().next().filter(|c| matches!(c, '%' | '٪')) {
        return Some(Mark::Percent(n.end, lead_at + c.len_utf8()));
    }
    let j = n.end;
    if t.joined(j) && t.is_letters(j) {
        match t.s(j) {
            "في" if t.joined(j + 1) && matches!(t.s(j + 1), "المئه" | "المائه" | "الميه") =>
            {
                return Some(Mark::Percent(j + 2, t.t[j + 1].end));
            }
            "بالمئه" | "بالمائه" | "بالميه" | "percent" => {
                return Some(Mark::Percent(j + 1, t.t[j].end));
            }
            "per" if t.joined(j + 1) && t.s(j + 1) == "cent" => {
                return Some(Mark::Percent(j + 2, t.t[j + 1].end));
            }
            _ => {}
        }
    }
    // «٪50» typed in visual order: the sign before the digits.
    if n.pre == 0 && gb.trim_end().ends_with(['%', '٪']) && !gb.trim_end().is_empty() {
        return Some(Mark::Percent(n.end, t.t[last].end));
    }
    let sign = |g: &str| match g.trim() {
        "$" => Some(Mark::Currency("دولار", '$')),
        "€" => Some(Mark::Currency("يورو", '€')),
        "£" => Some(Mark::Currency("جنيه", '£')),
        _ => None,
    };
    sign(lead.split(char::is_whitespace).next().unwrap_or(""))
        .or_else(|| sign(gb.rsplit(char::is_whitespace).next().unwrap_or("")))
}

fn assemble(
    t: &Toks,
    n: &Num,
    counted: Option<Counted>,
    mark: Option<Mark>,
    floor: usize,
) -> (QuantityHit, usize) {
    let (mut start, mut start_pre) = (n.first, n.pre);
    let lead = n.lead;
    let mut end = t.t[n.end - 1].end;
    let mut next = n.end;
    let mut approx = Approx::Exact;
    let mut unit = None;
    let mut unit_text = None;
    let mut percent = false;
    if let Some(c) = &counted {
        if c.first < start {
            (start, start_pre) = (c.first, c.pre);
        }
        end = end.max(t.t[c.end - 1].end);
        next = next.max(c.end);
        unit = Some(c.base.clone());
        let r = t.original(t.t[c.first].start + c.pre, t.t[c.end - 1].end);
        unit_text = Some(t.f.original[r].to_string());
    }
    match mark {
        Some(Mark::Percent(after, fend)) => {
            percent = true;
            unit = Some("%".to_string());
            let r = t.original(t.t[n.end - 1].end, fend);
            unit_text = Some(t.f.original[r].trim_start().to_string());
            end = end.max(fend);
            next = next.max(after);
        }
        Some(Mark::Currency(cur, sign)) => {
            unit = Some(cur.to_string());
            unit_text = Some(sign.to_string());
        }
        None => {}
    }
    if n.kind == Kind::Vague {
        approx = Approx::AtLeast;
    } else if n.pre == 0
        && start == n.first
        && let Some((s, pre, a)) = bounds::before(t, n.first, floor)
    {
        (start, start_pre, approx) = (s, pre, a);
    }
    if let Some((k, a)) = bounds::after(t, next)
        && approx == Approx::Exact
    {
        approx = a;
        end = t.t[k - 1].end;
        next = k;
    }
    let mut value = n.value;
    if let Some(k) = bounds::below_zero(t, next) {
        value = -value.abs();
        end = t.t[k - 1].end;
        next = k;
    }
    let number_range = t.original(t.t[n.first].start + n.pre - n.lead, t.t[n.end - 1].end);
    let from = t.t[start].start + start_pre;
    let hit = QuantityHit {
        range: t.original(if start == n.first { from - lead } else { from }, end),
        value_text: t.f.original[number_range.clone()].to_string(),
        number_range,
        value,
        approx,
        unit,
        unit_text,
        percent,
    };
    (hit, next)
}
