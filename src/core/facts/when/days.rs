//! Days named in the text that the full-date scanner leaves: a day number or an ordinal day
//! word before a month («27 سبتمبر/أيلول», «10 و12 ماي», «التاسع من أكتوبر», «الحادي
//! والعشرين من شهر رمضان», «العاشر من الشهر الجاري»), with or without the year after it; and
//! the reading of month names and of what follows them, shared with `months`. A month name
//! is only read after a day, or before a year or الماضي / المقبل: «صفر» is also zero, «آب»
//! folds to «أب» (father), «مارس» is also a verb.

use chrono::{Datelike, NaiveDate};

use super::resolve::{Shift, YearOf, gregorian_day, hijri_day, this_month};
use super::tokens::{Cur, Gap, gap_of};
use super::words::{
    CURRENT, DAY_PART, LAST, MONTH_START, NAMED_AFTER, NEXT, PRE_DAY, RANGE_TO, W, YAWM,
};
use super::{Atom, DateValue, Dated, What};
use crate::core::dates::{Calendar, month_of_head};

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

/// Whether a day may start at token `i` as far as the word before it goes: after a date cue
/// («في», «منذ», «يوم», «الموافق», a weekday …), after punctuation, or at the start.
fn day_cue_ok(cur: &Cur<'_, '_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1).filter(|&p| cur.get(p).is_some()) else {
        return true;
    };
    if cur.glued(p) {
        return true;
    }
    let t = &cur.toks[p];
    cur.gap(p, i) != Gap::Space || t.has(PRE_DAY) || matches!(t.w(), Some(W::Weekday(_)))
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

/// The date of day `day` in `month`, with the year from the tail (or, with none, the nearest;
/// the latest on or before publication after «منذ», which token `first` tells).
fn dated(cur: &Cur<'_, '_>, first: usize, month: MonthRef, day: u32, tail: Tail) -> Option<Dated> {
    let year = match tail {
        Tail::Bad => return None,
        Tail::None if since(cur, first) => YearOf::Shifted(Shift::Last),
        Tail::None => YearOf::Shifted(Shift::Nearest),
        Tail::Year(y) => y,
    };
    match month {
        MonthRef::Named {
            month,
            hijri: false,
        } => {
            let (d, relative) = gregorian_day(cur.published, month, day, year)?;
            Some(Dated {
                yearless: matches!(year, YearOf::Shifted(Shift::Nearest | Shift::Last)),
                ..Dated::gregorian(DateValue::Day(d), relative)
            })
        }
        MonthRef::Named { month, hijri: true } => {
            let (d, h, uncertain, relative) = hijri_day(cur.published, month, day, year)?;
            Some(Dated {
                value: DateValue::Day(d),
                calendar: Calendar::Hijri,
                hijri: Some(h),
                relative,
                uncertain,
                yearless: false,
            })
        }
        MonthRef::This(shift) => {
            if tail != Tail::None {
                return None;
            }
            let (y, m) = this_month(cur.published?, shift);
            let d = NaiveDate::from_ymd_opt(y, m, day)?;
            Some(Dated::gregorian(DateValue::Day(d), true))
        }
        MonthRef::Same => {
            let (y, m, relative) = cur.context?;
            if tail != Tail::None {
                return None;
            }
            let d = NaiveDate::from_ymd_opt(y, m, day)?;
            Some(Dated::gregorian(DateValue::Day(d), relative))
        }
    }
}

/// The end of a date: the month's end, or the end of the tail read after it.
pub(super) fn end_of(cur: &Cur<'_, '_>, k: usize, month_end: usize, next: usize) -> usize {
    if next > k {
        cur.toks[next - 1].end
    } else {
        month_end
    }
}

fn atom(start: usize, end: usize, next: usize, d: Dated) -> (Atom, usize) {
    let a = Atom {
        start,
        end,
        what: What::Date(d),
    };
    (a, next)
}

/// A day number that may start a date at token `i`.
fn day_number(cur: &Cur<'_, '_>, i: usize) -> Option<u32> {
    let (day, n) = cur.get(i)?.num?;
    (n <= 2 && (1..=31).contains(&day) && cur.lone_number(i) && !cur.after_dash(i)).then_some(day)
}

/// A day number and a month (see [`one_day`]), or two days sharing a month: «10 و12 ماي»,
/// «من 10 إلى 12 ماي» (two dates).
pub(super) fn day_month(cur: &Cur<'_, '_>, i: usize) -> Option<(Vec<Atom>, usize)> {
    if let Some((a, next)) = one_day(cur, i) {
        return Some((vec![a], next));
    }
    let first = day_number(cur, i)?;
    let j = i + 1;
    let t = cur.get(j)?;
    let joined = (t.text == "و" && cur.glued(j))
        || (t.has(RANGE_TO) && cur.gap(i, j) == Gap::Space && cur.gap(j, j + 1) == Gap::Space);
    if !joined || cur.gap(i, j) != Gap::Space {
        return None;
    }
    let (second, next) = one_day(cur, j + 1)?;
    let What::Date(d) = second.what else {
        return None;
    };
    let DateValue::Day(last) = d.value else {
        return None;
    };
    if d.calendar != Calendar::Gregorian || first >= last.day() {
        return None;
    }
    let a = Atom {
        start: cur.toks[i].start,
        end: cur.toks[i].end,
        what: What::Date(Dated {
            value: DateValue::Day(last.with_day(first)?),
            ..d
        }),
    };
    Some((vec![a, second], next))
}

/// A day number and a month: «27 سبتمبر/أيلول», «14 صفر», «5 من الشهر الجاري».
fn one_day(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    let day = day_number(cur, i)?;
    let mut j = i + 1;
    cur.get(j)?;
    if !matches!(cur.gap(i, j), Gap::Space | Gap::Punct('/' | '-')) {
        return None;
    }
    if cur.toks[j].w() == Some(W::Min) {
        cur.next_sp(j)?;
        j += 1;
    }
    let (month, k, month_end) = month_at(cur, j)?;
    let hijri = matches!(month, MonthRef::Named { hijri: true, .. });
    let (tail, next) = tail(cur, k, month_end, hijri);
    if matches!(
        tail,
        Tail::None | Tail::Year(YearOf::Shifted(_) | YearOf::Offset(_))
    ) {
        // A date named after an event or a place keeps its own year.
        if let Some(p) = cur.prev_sp(i)
            && cur.toks[p].has(NAMED_AFTER)
        {
            return None;
        }
        // Without a year, a day needs a date cue before it: after a bare noun it names an
        // event or a place («حراك 22 فبراير», «مظاهرات 30 يونيو»); «3 صفر» is also a score,
        // «رمضان» and «رجب» are also names.
        if !day_cue_ok(cur, i) {
            return None;
        }
    }
    let d = dated(cur, i, month, day, tail)?;
    Some(atom(t.start, end_of(cur, k, month_end, next), next, d))
}

/// An ordinal day, «من», and a month: «التاسع من أكتوبر», «الحادي والعشرين من سبتمبر 2020».
pub(super) fn ordinal(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    // «تشرين الأول», «ربيع الثاني»: part of a month name.
    if let Some(p) = cur.prev_sp(i)
        && matches!(cur.toks[p].w(), Some(W::GregHead(_) | W::HijriHead(_)))
    {
        return None;
    }
    // «النصف الثاني من أكتوبر», «الأسبوع الأول من نوفمبر»: not a day.
    if !day_cue_ok(cur, i) {
        return None;
    }
    // «فاتح يوليوز», «غرة شهر شوال»: the first, the month right after.
    if t.w() == Some(W::FirstOf) {
        let mut j = i + 1;
        cur.next_sp(i)?;
        if cur.toks[j].w() == Some(W::Min) {
            cur.next_sp(j)?;
            j += 1;
        }
        let (month, k, month_end) = month_at(cur, j)?;
        if !matches!(month, MonthRef::Named { .. }) {
            return None;
        }
        let hijri = matches!(month, MonthRef::Named { hijri: true, .. });
        let (tail, next) = tail(cur, k, month_end, hijri);
        let d = dated(cur, i, month, 1, tail)?;
        return Some(atom(
            t.word_start(),
            end_of(cur, k, month_end, next),
            next,
            d,
        ));
    }
    let after = cur.next_sp(i).and_then(|n| n.w());
    let (day, j) = match (t.w()?, after) {
        (W::Ordinal(n @ 2..=9), Some(W::Ashar)) => (10 + u32::from(n), i + 2),
        (W::Ordinal(n @ 1..=9), Some(W::AndTens(x))) => (u32::from(n + x), i + 2),
        (W::Ordinal(n), _) => (u32::from(n), i + 1),
        (W::Unit1, Some(W::Ashar)) => (11, i + 2),
        (W::Unit1, Some(W::AndTens(x))) => (1 + u32::from(x), i + 2),
        (W::Tens(x), _) => (u32::from(x), i + 1),
        _ => return None,
    };
    if day > 31 || cur.get(j)?.w() != Some(W::Min) || cur.gap(j - 1, j) != Gap::Space {
        return None;
    }
    cur.next_sp(j)?;
    let (month, k, month_end) = month_at(cur, j + 1)?;
    let hijri = matches!(month, MonthRef::Named { hijri: true, .. });
    let (tail, next) = tail(cur, k, month_end, hijri);
    let d = dated(cur, i, month, day, tail)?;
    Some(atom(
        t.word_start(),
        end_of(cur, k, month_end, next),
        next,
        d,
    ))
}
