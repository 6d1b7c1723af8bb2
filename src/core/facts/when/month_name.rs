//! Reading a month as the text names it, and what follows it: one- and two-word names,
//! «شهر» before them, paired names («سبتمبر/أيلول», «أيلول/ سبتمبر», «سبتمبر (أيلول)»),
//! «الشهر الجاري / نفسه»; then a year («، 2020», «عام 2020», «من عام 2020», «1442هـ»),
//! «من العام الماضي», or الماضي / المقبل / الجاري. Shared by the day rules (`days`) and the
//! month rules (`months`); also «منذ» before a date, which points it to the past.

use super::resolve::{Shift, YearOf};
use super::tokens::{Cur, Gap, gap_of};
use super::words::{CURRENT, DAY_PART, LAST, MONTH_START, NEXT, W, YAWM};
use crate::core::dates::month_of_head;

/// A month as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthRef {
    Named {
        month: u32,
        hijri: bool,
    },
    /// «الشهر الجاري / الماضي / المقبل»
    This(Shift),
    /// «الشهر نفسه»: the month of the date read before.
    Same,
}

/// What follows a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tail {
    None,
    Year(YearOf),
    /// A four-digit number that cannot be this month's year: not a date at all.
    Bad,
}

fn shift_of(t: &super::tokens::Tok<'_>) -> Option<Shift> {
    if t.has(NEXT) {
        Some(Shift::Next)
    } else if t.has(LAST) {
        Some(Shift::Last)
    } else if t.has(CURRENT) {
        Some(Shift::Current)
    } else {
        None
    }
}

/// One month name (one or two words) at `j`: the month, whether Hijri, the next token.
fn one_month(cur: &Cur<'_, '_>, j: usize) -> Option<(u32, bool, usize)> {
    let t = cur.get(j)?;
    match t.w()? {
        W::Greg(m) => Some((m, false, j + 1)),
        W::Hijri(m) => Some((m, true, j + 1)),
        W::GregHead(h) | W::HijriHead(h) => {
            let second = cur.next_sp(j)?;
            let m = month_of_head(h, second.text)?;
            Some((m, matches!(t.w(), Some(W::HijriHead(_))), j + 2))
        }
        _ => None,
    }
}

/// The month at `j`: a name, «شهر» + a name, a paired name («سبتمبر/أيلول», «أيلول/ سبتمبر»,
/// «سبتمبر (أيلول)»: both must name the same month), or «الشهر الجاري». Returns the month, the
/// next token and where the month ends in the original (past a closing parenthesis).
pub(super) fn month_at(cur: &Cur<'_, '_>, j: usize) -> Option<(MonthRef, usize, usize)> {
    let t = cur.get(j)?;
    let end = |k: usize| cur.toks[k - 1].end;
    match t.w()? {
        W::Shahr if t.clitic == 0 => {
            cur.next_sp(j)?;
            let (m, hijri, k) = one_month(cur, j + 1)?;
            Some((MonthRef::Named { month: m, hijri }, k, end(k)))
        }
        W::TheMonth => {
            let next = cur.next_sp(j)?;
            let month = match shift_of(next) {
                Some(shift) => MonthRef::This(shift),
                None if matches!(next.base(), "نفسه" | "ذاته") => MonthRef::Same,
                None => return None,
            };
            Some((month, j + 2, end(j + 2)))
        }
        _ => {
            let (m, hijri, k) = one_month(cur, j)?;
            let named = MonthRef::Named { month: m, hijri };
            if hijri || cur.get(k).is_none() {
                return Some((named, k, end(k)));
            }
            let paren = match cur.gap(k - 1, k) {
                Gap::Punct('/') => false,
                Gap::Punct('(') => true,
                _ => return Some((named, k, end(k))),
            };
            let Some((m2, h2, k2)) = one_month(cur, k) else {
                return Some((named, k, end(k)));
            };
            if h2 || m2 != m {
                return None;
            }
            let stop = if paren {
                cur.paren_end(k2 - 1)?
            } else {
                end(k2)
            };
            Some((named, k2, stop))
        }
    }
}

/// A year number at `k`: its value, whether a Hijri marker follows, and the next token.
fn year_number(cur: &Cur<'_, '_>, k: usize) -> Option<(i32, Option<bool>, usize)> {
    let t = cur.get(k)?;
    let (v, n) = t.num?;
    if n != 4 || !cur.lone_number(k) {
        return None;
    }
    let marker = cur
        .get(k + 1)
        .filter(|_| cur.gap(k, k + 1) == Gap::Space)
        .and_then(|m| match m.w() {
            Some(W::HijriMark) => Some(true),
            Some(W::GregMark) => Some(false),
            _ => None,
        });
    let next = if marker.is_some() { k + 2 } else { k + 1 };
    Some((i32::try_from(v).ok()?, marker, next))
}

/// Whether a year fits a month of this calendar.
fn plausible(y: i32, marker: Option<bool>, hijri: bool) -> bool {
    if hijri {
        marker != Some(false) && (1300..=1500).contains(&y)
    } else {
        marker != Some(true) && (1800..=2100).contains(&y)
    }
}

/// What follows a month that ends at byte `from`, token `k` being the next: a year (after
/// «،», «عام», «من عام»), «من العام الماضي», or الماضي / المقبل / الجاري; and the token after it.
pub(super) fn tail(cur: &Cur<'_, '_>, k: usize, from: usize, hijri: bool) -> (Tail, usize) {
    let Some(t) = cur.get(k) else {
        return (Tail::None, k);
    };
    let gap = match cur.s.get(from..t.start) {
        Some(g) => gap_of(g),
        None => Gap::Other,
    };
    if !matches!(gap, Gap::Space | Gap::Punct(',' | '،' | '/' | '-')) {
        return (Tail::None, k);
    }
    let written = |j: usize| match year_number(cur, j) {
        Some((y, marker, next)) if plausible(y, marker, hijri) => {
            (Tail::Year(YearOf::Written(y)), next)
        }
        Some(_) => (Tail::Bad, k),
        None => (Tail::None, k),
    };
    if t.num.is_some() {
        return written(k);
    }
    if gap != Gap::Space {
        return (Tail::None, k);
    }
    if let Some(s) = shift_of(t) {
        return (Tail::Year(YearOf::Shifted(s)), k + 1);
    }
    // «من كل عام», «كل سنة»: every year, not a date.
    let every = |j: usize| {
        cur.get(j).is_some_and(|e| e.base() == "كل")
            && cur.next_sp(j).is_some_and(|y| y.w() == Some(W::YearWord))
    };
    if every(k) || (t.w() == Some(W::Min) && cur.gap(k, k + 1) == Gap::Space && every(k + 1)) {
        return (Tail::Bad, k);
    }
    // «من عام 2020», «عام 2020», «من العام الماضي»
    let mut j = k;
    if t.w() == Some(W::Min) {
        j += 1;
        if cur.gap(k, j) != Gap::Space {
            return (Tail::None, k);
        }
    }
    let Some(y) = cur.get(j).filter(|y| y.w() == Some(W::YearWord)) else {
        return (Tail::None, k);
    };
    if let Some(n) = cur.next_sp(j) {
        if n.num.is_some() {
            return written(j + 1);
        }
        if y.base().starts_with("ال")
            && let Some(s) = shift_of(n)
        {
            let o = match s {
                Shift::Last => -1,
                Shift::Next => 1,
                Shift::Nearest | Shift::Current => 0,
            };
            return (Tail::Year(YearOf::Offset(o)), j + 2);
        }
    }
    (Tail::None, k)
}

/// Whether «منذ» stands before the date starting at token `i` (over «مطلع», «يوم» or a part
/// of the day): «منذ 27 سبتمبر», «منذ مطلع يناير» point to the past.
pub(super) fn since(cur: &Cur<'_, '_>, i: usize) -> bool {
    let mut j = i;
    for _ in 0..3 {
        let Some(p) = cur.prev_sp(j) else {
            return false;
        };
        let t = &cur.toks[p];
        if t.base() == "منذ" {
            return true;
        }
        if !t.has(MONTH_START | YAWM | DAY_PART) {
            return false;
        }
        j = p;
    }
    false
}

/// The end of a date: the month's end, or the end of the tail read after it.
pub(super) fn end_of(cur: &Cur<'_, '_>, k: usize, month_end: usize, next: usize) -> usize {
    if next > k {
        cur.toks[next - 1].end
    } else {
        month_end
    }
}
