//! Days named relative to the publication date: «أمس» (also «بالأمس», «مساء أمس», «ليلة
//! أمس», «أول أمس», «أول من أمس», «أمس الأول»), «اليوم», «غداً», «بعد غد», and weekday names
//! («الخميس», «مساء الأربعاء», «يوم الجمعة», «الأحد المقبل»). A part of the day or «يوم»
//! before them is part of the date. The words are also ordinary words, so each has its
//! exceptions: «اليوم التالي» or «في اليوم» is not today, «غدا» without its tanween is also
//! «became», «الأحد عشر» is eleven, «سوق الخميس» is a place, «الاثنين» is also «both».

use super::resolve::Shift;
use super::tokens::{Cur, Gap};
use super::words::{
    BAAD, BOTH, CURRENT, DAY_PART, LAST, NEXT, NOT_TODAY_AFTER, NOT_TODAY_BEFORE,
    NOT_WEEKDAY_AFTER, NOT_WEEKDAY_BEFORE, RANGE_TO, W, YAWM,
};
use super::{Atom, What};

/// The first token of a date at token `i` with the parts of the day and «يوم» before it
/// («مساء يوم الخميس»).
fn prefix(cur: &Cur<'_, '_>, i: usize) -> usize {
    let mut first = i;
    for _ in 0..2 {
        match cur.prev_sp(first) {
            Some(p) if cur.toks[p].has(DAY_PART | YAWM) => first = p,
            _ => break,
        }
    }
    first
}

fn with_prefix(cur: &Cur<'_, '_>, i: usize) -> usize {
    cur.toks[prefix(cur, i)].word_start()
}

fn atom(cur: &Cur<'_, '_>, first: usize, next: usize, what: What) -> (Atom, usize) {
    let a = Atom {
        start: with_prefix(cur, first),
        end: cur.toks[next - 1].end,
        what,
    };
    (a, next)
}

fn is(cur: &Cur<'_, '_>, j: usize, w: W) -> bool {
    cur.get(j).is_some_and(|t| t.w() == Some(w))
}

/// Whether token `j` follows `j - 1` after spaces only.
fn spaced(cur: &Cur<'_, '_>, j: usize) -> bool {
    j > 0 && cur.get(j).is_some() && cur.gap(j - 1, j) == Gap::Space
}

/// «أمس» and its forms at token `i` (which is أمس or the أول before it).
fn yesterday(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    if t.w() == Some(W::Awwal) {
        // «أول أمس», «أول من أمس»
        if t.clitic > 0 && !t.text.starts_with('و') {
            return None;
        }
        let mut j = i + 1;
        if spaced(cur, j) && is(cur, j, W::Min) {
            j += 1;
        }
        return (spaced(cur, j) && is(cur, j, W::Yesterday))
            .then(|| atom(cur, i, j + 1, What::Days(-2)));
    }
    // «الأمس» alone is often «the past» («حلفاء الأمس»): only «بالأمس» or after a part of
    // the day («مساء الأمس») is yesterday.
    if t.base().starts_with("ال")
        && !t.text.starts_with('ب')
        && !cur
            .prev_sp(i)
            .is_some_and(|p| cur.toks[p].has(DAY_PART | YAWM))
    {
        return None;
    }
    // «أمس الأول» (not «أمس، الأول من نوفمبر»)
    let before_yesterday = spaced(cur, i + 1)
        && is(cur, i + 1, W::Ordinal(1))
        && !(spaced(cur, i + 2) && is(cur, i + 2, W::Min));
    Some(if before_yesterday {
        atom(cur, i, i + 2, What::Days(-2))
    } else {
        atom(cur, i, i + 1, What::Days(-1))
    })
}

/// Whether «اليوم» at `i` means today.
fn is_today(cur: &Cur<'_, '_>, i: usize) -> bool {
    let t = &cur.toks[i];
    // «لليوم الخامس», «باليوم نفسه»
    if t.clitic > 0 && !matches!(&t.text[..t.clitic], "و" | "ف") {
        return false;
    }
    if let Some(p) = cur.prev_sp(i)
        && cur.toks[p].has(NOT_TODAY_BEFORE)
    {
        return false;
    }
    let Some(n) = cur.next_sp(i) else {
        return true;
    };
    if n.has(NOT_TODAY_AFTER) || matches!(n.w(), Some(W::Ordinal(_) | W::Unit1 | W::Tens(_))) {
        return false;
    }
    // «اليوم العالمي», «اليوم الوطني», «اليوم الدراسي»: a named day, not today.
    let b = n.base();
    let adjective = b.starts_with("ال") && b.ends_with('ي') && b.chars().count() > 4;
    !adjective || n.has(CURRENT)
}

/// «غداً» at `i`: with its tanween it is tomorrow; without, only where «became» cannot be.
fn is_tomorrow(cur: &Cur<'_, '_>, i: usize) -> bool {
    let t = &cur.toks[i];
    if cur.s[t.start..t.end].contains('\u{064B}') {
        return true;
    }
    let prev = cur
        .prev_sp(i)
        .is_some_and(|p| cur.toks[p].has(DAY_PART | YAWM));
    let next_weekday = cur
        .next_sp(i)
        .is_some_and(|n| matches!(n.w(), Some(W::Weekday(_))));
    let ends_clause = match cur.toks.get(i + 1) {
        None => true,
        Some(_) => matches!(cur.gap(i, i + 1), Gap::Punct(_) | Gap::Other),
    };
    prev || next_weekday || ends_clause
}

/// A relative day word at token `i`.
pub(super) fn relative(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    match t.w()? {
        W::Yesterday | W::Awwal => yesterday(cur, i),
        W::Today => is_today(cur, i).then(|| atom(cur, i, i + 1, What::Days(0))),
        W::Tomorrow => is_tomorrow(cur, i).then(|| atom(cur, i, i + 1, What::Days(1))),
        W::Ghad => {
            // «بعد غد», «بعد الغد»; «يوم غد», «صباح الغد», «غد الخميس»; not «الغد» alone (a
            // newspaper, a party, the future).
            if cur
                .next_sp(i)
                .is_some_and(|n| matches!(n.w(), Some(W::Weekday(_))))
            {
                // «غد الخميس»
                return Some(atom(cur, i, i + 1, What::Days(1)));
            }
            let p = cur.prev_sp(i)?;
            let before = &cur.toks[p];
            if before.has(BAAD) && before.clitic == 0 {
                let (mut a, n) = atom(cur, i, i + 1, What::Days(2));
                a.start = before.start;
                Some((a, n))
            } else if before.has(DAY_PART | YAWM) {
                Some(atom(cur, i, i + 1, What::Days(1)))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether الاثنين at `i` reads «both» rather than Monday: «بين الاثنين», «الاثنين معاً»,
/// «البلدين الاثنين». Only without hamza: «الإثنين» is always the day.
fn means_both(cur: &Cur<'_, '_>, i: usize) -> bool {
    let t = &cur.toks[i];
    if cur.s[t.start..t.end].contains('إ') {
        return false;
    }
    // A list of dual nouns, not a suffix test: «الكرملين الاثنين» is Monday.
    let prev = cur.prev_sp(i).map(|p| &cur.toks[p]);
    let next = cur.next_sp(i);
    prev.is_some_and(|p| p.has(BOTH)) || next.is_some_and(|n| n.has(BOTH))
}

/// A weekday name at token `i`, with the part of the day before it and المقبل / الماضي after.
pub(super) fn weekday(cur: &Cur<'_, '_>, i: usize) -> Option<(Atom, usize)> {
    let t = cur.get(i)?;
    let Some(W::Weekday(wd)) = t.w() else {
        return None;
    };
    let prev = cur.prev_sp(i);
    // «سوق الخميس», «أيام الجمعة», «كل يوم جمعة»
    if cur
        .prev_sp(prefix(cur, i))
        .is_some_and(|p| cur.toks[p].has(NOT_WEEKDAY_BEFORE))
    {
        return None;
    }
    // «أيام السبت والأحد»: the second of a list after an exception.
    if let Some(p) = prev
        && matches!(cur.toks[p].w(), Some(W::Weekday(_)))
        && cur
            .prev_sp(p)
            .is_some_and(|q| cur.toks[q].has(NOT_WEEKDAY_BEFORE))
    {
        return None;
    }
    // «من الأحد إلى الخميس»: a span of the week, usually a habit, not two dates.
    if prev.is_some_and(|p| cur.toks[p].w() == Some(W::Min))
        && cur.next_sp(i).is_some_and(|n| n.has(RANGE_TO))
        && cur
            .next_sp(i + 1)
            .is_some_and(|n| matches!(n.w(), Some(W::Weekday(_))))
    {
        let (mut a, next) = atom(cur, i, i + 3, What::Nothing);
        a.start = t.word_start();
        return Some((a, next));
    }
    let next = cur.next_sp(i);
    if next.is_some_and(|n| n.has(NOT_WEEKDAY_AFTER)) {
        return None;
    }
    // «الجمعة من كل أسبوع»: every Friday.
    if next.is_some_and(|n| n.w() == Some(W::Min))
        && cur.next_sp(i + 1).is_some_and(|n| n.base() == "كل")
    {
        return None;
    }
    if wd == chrono::Weekday::Mon && means_both(cur, i) {
        return None;
    }
    let shift = next.and_then(|n| {
        if n.has(NEXT) {
            Some(Shift::Next)
        } else if n.has(LAST) {
            Some(Shift::Last)
        } else {
            None
        }
    });
    let next_tok = if shift.is_some() { i + 2 } else { i + 1 };
    Some(atom(
        cur,
        i,
        next_tok,
        What::Weekday(wd, shift.unwrap_or(Shift::Nearest)),
    ))
}
