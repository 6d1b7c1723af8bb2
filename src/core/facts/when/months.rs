//! Months of a year named in the text: a month with its year («شباط/ فبراير 1988», «أكتوبر
//! من عام 2019») or with الماضي / المقبل / الجاري («سبتمبر الماضي», «أكتوبر من العام الماضي»).
//! A month after a day is the day rules' (see `days`), and a month alone is no date.

use super::days::{MonthRef, Tail, end_of, month_at, tail};
use super::resolve::{YearOf, named_month};
use super::tokens::{Cur, Gap};
use super::words::W;
use super::{Atom, DateValue, Dated, What};

/// A month with its year, or with الماضي / المقبل / الجاري: «شباط/ فبراير 1988»,
/// «سبتمبر الماضي», «أكتوبر من العام الماضي». A Hijri month with its year is read and left
/// out (it spans two Gregorian months).
pub(super) fn month(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    // A day before the month: the day rules read it, or it is no date.
    if let Some(p) = i.checked_sub(1).filter(|&p| cur.get(p).is_some()) {
        let before = &cur.toks[p];
        let day_before = before.num.is_some()
            || (before.w() == Some(W::Min)
                && p.checked_sub(1)
                    .and_then(|q| cur.get(q))
                    .is_some_and(|q| q.num.is_some() || q.w().is_some_and(is_ordinal)));
        if day_before && matches!(cur.gap(p, i), Gap::Space | Gap::Punct(_)) {
            return None;
        }
    }
    let (month, k, month_end) = month_at(cur, i)?;
    let MonthRef::Named { month, hijri } = month else {
        return None;
    };
    let (tail, next) = tail(cur, k, month_end, hijri);
    let year = match tail {
        Tail::Year(y) => y,
        Tail::None | Tail::Bad => return None,
    };
    let what = match (hijri, year) {
        (true, YearOf::Written(_)) => What::Nothing,
        (true, _) => return None,
        (false, YearOf::Written(y)) => {
            What::Date(Dated::gregorian(DateValue::Month { year: y, month }, false))
        }
        (false, YearOf::Offset(o)) => {
            let y = chrono::Datelike::year(&cur.published?) + o;
            What::Date(Dated::gregorian(DateValue::Month { year: y, month }, true))
        }
        (false, YearOf::Shifted(s)) => {
            let (year, month) = named_month(cur.published?, month, s);
            What::Date(Dated::gregorian(DateValue::Month { year, month }, true))
        }
    };
    let a = Atom {
        start: t.word_start(),
        end: end_of(cur, k, month_end, next),
        what,
    };
    Some((a, next))
}

fn is_ordinal(w: W) -> bool {
    matches!(
        w,
        W::Ordinal(_) | W::Unit1 | W::Tens(_) | W::Ashar | W::AndTens(_)
    )
}
