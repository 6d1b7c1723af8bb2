//! Months named in the text without a day: a month with its year («شباط/ فبراير 1988»,
//! «أكتوبر من عام 2019»), with الماضي / المقبل / الجاري («سبتمبر الماضي», «أكتوبر من العام
//! الماضي»), or alone after a cue («في يناير», «منذ مطلع كانون الثاني/يناير», «خلال شهري
//! جويلية وأوت»: the nearest such month). A Hijri month is a day, its first: «رمضان 1446هـ»,
//! «منذ مطلع شعبان». A month after a day is the day rules' (see `days`); a month alone with no
//! cue is no date («حرب أكتوبر», «مارس الضغط»).

use super::month_name::{MonthRef, Tail, end_of, month_at, since, tail};
use super::resolve::{Shift, YearOf, hijri_day, named_month, nearest_month};
use super::tokens::{Cur, Gap};
use super::words::{MONTH_CUE, MONTH_START, W};
use super::{Atom, DateValue, Dated, What};

/// Whether a day stands right before the month at `i` (the day rules read it, or it is no
/// date): «27 سبتمبر», «27 من سبتمبر», «التاسع من سبتمبر».
fn day_before(cur: &Cur<'_, '_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1).filter(|&p| cur.get(p).is_some()) else {
        return false;
    };
    let before = &cur.toks[p];
    let day = before.num.is_some()
        || (before.w() == Some(W::Min)
            && p.checked_sub(1)
                .and_then(|q| cur.get(q))
                .is_some_and(|q| q.num.is_some() || q.w().is_some_and(is_ordinal)));
    day && matches!(cur.gap(p, i), Gap::Space | Gap::Punct(_))
}

/// The first day of Hijri month `month` in year `year`.
fn hijri_first(cur: &Cur<'_, '_>, month: u32, year: YearOf) -> Option<What> {
    let (d, h, uncertain, relative) = hijri_day(cur.published, month, 1, year)?;
    Some(What::Date(Dated::hijri(d, h, relative, uncertain)))
}

fn month_of(year: i32, month: u32, relative: bool) -> What {
    What::Date(Dated::gregorian(DateValue::Month { year, month }, relative))
}

/// A month alone after a cue at `i` (the cue is the word before it).
fn alone(cur: &Cur<'_, '_>, i: usize, month: u32, hijri: bool) -> Option<What> {
    let cue = cur.prev_sp(i).map(|p| &cur.toks[p])?;
    if hijri {
        let shift = if since(cur, i) {
            Shift::Last
        } else {
            Shift::Nearest
        };
        return cue
            .has(MONTH_START)
            .then(|| hijri_first(cur, month, YearOf::Shifted(shift)))?;
    }
    if !cue.has(MONTH_CUE) {
        return None;
    }
    let (year, month) = nearest_month(cur.published?, month, since(cur, i));
    Some(month_of(year, month, true))
}

/// A month at token `i`, and a second one joined to it by a glued «و» when the first stood
/// alone («شهري جويلية وأوت»).
pub(super) fn month(cur: &Cur<'_, '_>, i: usize) -> Option<(Vec<Atom>, usize)> {
    let t = cur.get(i)?;
    if day_before(cur, i) {
        return None;
    }
    let (month, k, month_end) = month_at(cur, i)?;
    let MonthRef::Named { month, hijri } = month else {
        return None;
    };
    let (after, next) = tail(cur, k, month_end, hijri);
    let what = match (hijri, after) {
        (_, Tail::Bad) => return None,
        (_, Tail::None) => alone(cur, i, month, hijri)?,
        (true, Tail::Year(y @ YearOf::Written(_))) => hijri_first(cur, month, y)?,
        (true, Tail::Year(_)) => return None,
        (false, Tail::Year(YearOf::Written(y))) => month_of(y, month, false),
        (false, Tail::Year(YearOf::Offset(o))) => {
            month_of(chrono::Datelike::year(&cur.published?) + o, month, true)
        }
        (false, Tail::Year(YearOf::Shifted(s))) => {
            let (year, month) = named_month(cur.published?, month, s);
            month_of(year, month, true)
        }
    };
    let first = Atom {
        start: t.word_start(),
        end: end_of(cur, k, month_end, next),
        what,
    };
    let mut out = vec![first];
    let mut next = next;
    if after == Tail::None
        && !hijri
        && cur
            .next_sp(next - 1)
            .is_some_and(|n| n.clitic > 0 && n.text.starts_with('و'))
        && let Some((
            MonthRef::Named {
                month: m2,
                hijri: false,
            },
            k2,
            end2,
        )) = month_at(cur, next)
        && tail(cur, k2, end2, false).0 == Tail::None
        && let Some(p) = cur.published
    {
        let (year, month) = nearest_month(p, m2, since(cur, i));
        out.push(Atom {
            start: cur.toks[next].word_start(),
            end: end2,
            what: month_of(year, month, true),
        });
        next = k2;
    }
    Some((out, next))
}

fn is_ordinal(w: W) -> bool {
    matches!(
        w,
        W::Ordinal(_) | W::Unit1 | W::Tens(_) | W::Ashar | W::AndTens(_) | W::FirstOf
    )
}
