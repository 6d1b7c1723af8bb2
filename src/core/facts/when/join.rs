//! Joining the pieces the rules read into dates: neighbours separated by nothing but spaces,
//! a comma or a dash are one date when they come in the order relative word, weekday,
//! written day («أمس الأربعاء», «اليوم الأحد 27 أيلول/ سبتمبر»); the group is resolved against
//! the publication date and checked against its weekday. Before that, a day without a year
//! takes the year of a written date of its month earlier in the sentence.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::resolve::{nearest_weekday, weekday_day};
use super::tokens::{Gap, gap_of};
use super::{Atom, DateHit, DateValue, Dated, What};

/// A day without a year after a written date of the same month in the same sentence takes
/// that date's year: «حرب أكتوبر 1973 … في السادس من أكتوبر» is 6 October 1973.
pub(super) fn inherit_years(s: &str, atoms: &mut [Atom]) {
    let mut last: Option<(i32, u32, usize)> = None;
    for a in atoms.iter_mut() {
        let What::Date(d) = &mut a.what else {
            continue;
        };
        if let Some((year, month, end)) = last
            && d.yearless
            && let DateValue::Day(day) = d.value
            && day.month() == month
            && day.year() != year
            && !s[end.min(a.start)..a.start].contains(['.', '!', '?', '؟', '\n'])
            && let Some(moved) = day.with_year(year)
        {
            d.value = DateValue::Day(moved);
            d.relative = false;
            d.yearless = false;
        }
        if !d.relative {
            last = match d.value {
                DateValue::Day(day) => Some((day.year(), day.month(), a.end)),
                DateValue::Month { year, month } => Some((year, month, a.end)),
                DateValue::Year(_) => last,
            };
        }
    }
}

/// Whether two neighbouring pieces may be one date: only spaces, or one comma or dash.
fn joinable(s: &str, a: &Atom, b: &Atom) -> bool {
    a.end <= b.start
        && matches!(
            gap_of(&s[a.end..b.start]),
            Gap::Space | Gap::Punct(',' | '،' | '-' | '–' | '—')
        )
}

/// Order of pieces inside one date: relative word, then weekday, then a written day.
fn rank(w: &What) -> Option<u8> {
    match w {
        What::Days(_) => Some(0),
        What::Weekday(..) => Some(1),
        What::Date(Dated {
            value: DateValue::Day(_),
            ..
        }) => Some(2),
        _ => None,
    }
}

/// Joins neighbouring pieces into dates and resolves them.
pub(super) fn join(s: &str, atoms: &[Atom], published: Option<NaiveDate>) -> Vec<DateHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let mut j = i + 1;
        if let Some(mut r) = rank(&atoms[i].what) {
            while let Some(b) = atoms.get(j)
                && let Some(rb) = rank(&b.what)
                && rb > r
                && joinable(s, &atoms[j - 1], b)
            {
                r = rb;
                j += 1;
            }
        }
        let group = &atoms[i..j];
        if let Some(d) = resolve_group(group, published) {
            let start = group[0].start;
            let end = trim_end(s, start, group[j - i - 1].end);
            out.push(DateHit {
                range: start..end,
                value: d.value,
                calendar: d.calendar,
                hijri: d.hijri,
                relative: d.relative,
                uncertain: d.uncertain,
            });
        }
        i = j;
    }
    out
}

/// The end of a range without trailing spaces and invisible marks (kept: harakat).
fn trim_end(s: &str, start: usize, mut end: usize) -> usize {
    while end > start
        && let Some(c) = s[..end].chars().next_back()
        && (c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'))
    {
        end -= c.len_utf8();
    }
    end
}

fn resolve_group(group: &[Atom], published: Option<NaiveDate>) -> Option<Dated> {
    let mut days = None;
    let mut weekday = None;
    let mut date = None;
    for a in group {
        match a.what {
            What::Days(n) => days = Some(n),
            What::Weekday(wd, shift) => weekday = Some((wd, shift)),
            What::Date(d) => date = Some(d),
            What::Nothing => return None,
        }
    }
    if let Some(mut d) = date {
        if let (DateValue::Day(day), Some((wd, _))) = (d.value, weekday)
            && day.weekday() != wd
        {
            d.uncertain = true;
        }
        return Some(d);
    }
    let p = published?;
    let (day, uncertain) = match (days, weekday) {
        (Some(n), wd) => {
            let day = p.checked_add_signed(TimeDelta::days(n))?;
            match wd {
                Some((wd, _)) if day.weekday() != wd => (nearest_weekday(day, wd), true),
                _ => (day, false),
            }
        }
        (None, Some((wd, shift))) => (weekday_day(p, wd, shift), false),
        (None, None) => return None,
    };
    Some(Dated {
        uncertain,
        ..Dated::gregorian(DateValue::Day(day), true)
    })
}
