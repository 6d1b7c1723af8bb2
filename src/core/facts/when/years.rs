//! Years standing as dates: «عام 1994», «العام 2020», «في 2020», «منذ عام 1992», «سنة 2019»,
//! «عام 1442هـ», and ranges and lists («بين 1992 - 1994», «عامي 2019 و2020»: one date each).
//! A four-digit number is a year only with a cue before it (عام/سنة, or a weaker one such as
//! في/منذ/بين/حتى/خلال/ل), a calendar marker, or a range partner; after a weak cue, a noun
//! right after it makes it a count («حتى 2000 جندي»), so only particles may follow.

use super::resolve::hijri_year_in_gregorian;
use super::tokens::{Cur, Gap};
use super::words::{FOLLOW_OK, RANGE_TO, W, YEAR_STRONG, YEAR_WEAK};
use super::{Atom, DateValue, Dated, What};
use crate::core::dates::Calendar;

/// A year number read at a token.
#[derive(Debug, Clone, Copy)]
struct YearNum {
    /// The index of the number token, and of the token after it (and its marker).
    at: usize,
    next: usize,
    value: i32,
    hijri: bool,
    marked: bool,
}

/// A four-digit number at `i` that can be a year, with its calendar marker.
fn year_at(cur: &Cur<'_, '_>, i: usize) -> Option<YearNum> {
    let t = cur.get(i)?;
    let (v, n) = t.num?;
    if n != 4 || !cur.lone_number(i) {
        return None;
    }
    let value = i32::try_from(v).ok()?;
    let marker = cur
        .get(i + 1)
        .filter(|_| cur.gap(i, i + 1) == Gap::Space)
        .and_then(|m| match m.w() {
            Some(W::HijriMark) => Some(true),
            Some(W::GregMark) => Some(false),
            _ => None,
        });
    let hijri = marker == Some(true);
    let ok = if hijri {
        (1300..=1500).contains(&value)
    } else {
        (1800..=2100).contains(&value)
    };
    ok.then_some(YearNum {
        at: i,
        next: if marker.is_some() { i + 2 } else { i + 1 },
        value,
        hijri,
        marked: marker.is_some(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// «من» (a year only with a partner after it)
    From,
    Weak,
    /// عام، سنة …: the range starts at this byte.
    Strong(usize),
}

fn cue_before(cur: &Cur<'_, '_>, i: usize) -> Cue {
    let Some(p) = i.checked_sub(1).filter(|&p| cur.get(p).is_some()) else {
        return Cue::None;
    };
    let t = &cur.toks[p];
    if cur.glued(p) {
        // «ل2020», «ب2019»; a glued «و» only joins a partner.
        return if matches!(t.text, "ل" | "ب") {
            Cue::Weak
        } else {
            Cue::None
        };
    }
    if cur.gap(p, i) != Gap::Space {
        return Cue::None;
    }
    if t.has(YEAR_STRONG) {
        Cue::Strong(t.word_start())
    } else if t.has(YEAR_WEAK) {
        Cue::Weak
    } else if t.base() == "من" {
        Cue::From
    } else {
        Cue::None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// «-», «–», «/», «إلى», «حتى»: a range, which makes both numbers years.
    Range,
    /// «و»: a list, which needs a cue before the first.
    And,
}

/// The year after `prev` joined to it by a range or list separator.
fn partner(cur: &Cur<'_, '_>, prev: &YearNum) -> Option<(Sep, YearNum)> {
    let k = prev.next;
    let t = cur.get(k)?;
    let (sep, at) = if t.num.is_some() {
        match cur.gap(k - 1, k) {
            Gap::Punct('-' | '–' | '—' | '/') => (Sep::Range, k),
            _ => return None,
        }
    } else if t.text == "و" && cur.glued(k) {
        (Sep::And, k + 1)
    } else if t.has(RANGE_TO) && cur.gap(k - 1, k) == Gap::Space {
        let mut at = k + 1;
        if cur.next_sp(k)?.w() == Some(W::YearWord) {
            at += 1;
        }
        (Sep::Range, at)
    } else {
        return None;
    };
    if at > k && cur.gap(at - 1, at) != Gap::Space {
        return None;
    }
    let y = year_at(cur, at)?;
    (y.hijri == prev.hijri).then_some((sep, y))
}

/// Whether the word after a year read from a weak cue lets it be a year: punctuation, the
/// end, or (unless `strict`) a particle or a common verb («و», «ثم», «في», «شهدت» …), not a
/// noun it would count, nor a joiner to a number that is no year («بين 2000 و3000 شخص»).
fn follower_ok(cur: &Cur<'_, '_>, last: &YearNum, strict: bool) -> bool {
    let k = last.next;
    let Some(t) = cur.toks.get(k) else {
        return true;
    };
    if cur.gap(k - 1, k) != Gap::Space {
        return true;
    }
    let joins_number =
        (t.text == "و" || t.has(RANGE_TO)) && cur.toks.get(k + 1).is_some_and(|n| n.num.is_some());
    !strict && t.num.is_none() && t.has(FOLLOW_OK) && !joins_number
}

fn year_atom(cur: &Cur<'_, '_>, y: &YearNum, start: usize) -> Option<Atom> {
    let (value, calendar, uncertain) = if y.hijri {
        // A Hijri year spans two Gregorian years.
        (hijri_year_in_gregorian(y.value)?, Calendar::Hijri, true)
    } else {
        (y.value, Calendar::Gregorian, false)
    };
    Some(Atom {
        start,
        end: cur.toks[y.next - 1].end,
        what: What::Date(Dated {
            calendar,
            uncertain,
            ..Dated::gregorian(DateValue::Year(value), false)
        }),
    })
}

/// The year (or the years of a range or list) starting at number token `i`.
pub(super) fn years(cur: &Cur<'_, '_>, i: usize) -> Option<(Vec<Atom>, usize)> {
    if cur.after_dash(i) {
        return None;
    }
    let first = year_at(cur, i)?;
    let cue = cue_before(cur, i);
    let mut chain = vec![first];
    let mut ranged = false;
    while let Some(last) = chain.last()
        && let Some((sep, y)) = partner(cur, last)
    {
        if sep == Sep::And && cue == Cue::None && !ranged {
            break;
        }
        ranged |= sep == Sep::Range;
        chain.push(y);
    }
    let confident = first.marked || matches!(cue, Cue::Strong(_));
    let last = chain.last()?;
    let follows = |strict| last.marked || follower_ok(cur, last, strict);
    let ok = confident
        || ((cue == Cue::Weak || ranged) && follows(false))
        // «الربع الأول من 2021.»: «من» alone only before punctuation.
        || (cue == Cue::From && follows(true));
    if !ok {
        return None;
    }
    let mut out = Vec::with_capacity(chain.len());
    for (n, y) in chain.iter().enumerate() {
        let start = match cue {
            Cue::Strong(s) if n == 0 => s,
            _ => cur.toks[y.at].start,
        };
        out.push(year_atom(cur, y, start)?);
    }
    Some((out, last.next))
}
