//! Days named in the text that the full-date scanner leaves: a day number or an ordinal day
//! word before a month («27 سبتمبر/أيلول», «10 و12 ماي», «التاسع من أكتوبر», «الحادي
//! والعشرين من شهر رمضان», «العاشر من الشهر الجاري», «فاتح يوليوز»), with or without the
//! year after it (the month is read by `month_name`). Without a year, a day needs a date cue
//! before it: «صفر» is also zero, «آب» folds to «أب» (father), «ثورة 25 يناير» is a name.

use chrono::{Datelike, NaiveDate};

use super::month_name::{MonthRef, Tail, end_of, month_at, since, tail};
use super::resolve::{Shift, YearOf, gregorian_day, hijri_day, this_month};
use super::tokens::{Cur, Gap};
use super::words::{NAMED_AFTER, PRE_DAY, RANGE_TO, W};
use super::{Atom, DateValue, Dated, What};
use crate::core::dates::Calendar;

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
            Some(Dated::hijri(d, h, relative, uncertain))
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
