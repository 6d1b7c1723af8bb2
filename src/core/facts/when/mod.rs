//! Dates written in the running text of an article (issue 4), as `tests/data/facts/README.md`
//! defines them: full dates (found by `dates::find_dates`, not read again here), days without
//! a year («27 سبتمبر/أيلول», «التاسع من أكتوبر», «الخامس من رمضان»), relative days («أمس»,
//! «مساء أمس», «اليوم», «غداً», «الخميس», «الأحد المقبل»), months of a year («شباط/ فبراير
//! 1988», «سبتمبر الماضي», «في يناير»; a Hijri month is its first day: «رمضان 1446هـ») and
//! years standing as dates («عام 1994», «بين 1992 - 1994», «عام 1442هـ»). What leans on the
//! publication date is resolved against it and skipped without one.
//!
//! Pieces next to each other are one date: «أمس الأربعاء», «اليوم الأحد 27 أيلول/ سبتمبر»,
//! «مساء الإثنين، 12 سبتمبر/أيلول». The most precise piece gives the value (a written day over
//! a relative word over a weekday); a stated weekday that disagrees with a written day leaves
//! the written day and sets `uncertain`; one that disagrees with «أمس» / «اليوم» moves the day
//! to the nearest such weekday (the publication date is the likelier to be a day off) and
//! sets `uncertain`.
//!
//! Layout: `words` (the word table and the quick test), `tokens` (words, gaps, the window a
//! rule reads), `month_name` (a month as named, and what follows it), `days`, `months`,
//! `years`, `relative` (relative words and weekdays), `join` (pieces into dates), `resolve`
//! (calendar arithmetic); this file holds the types and the driver.

mod days;
mod join;
mod month_name;
mod months;
mod relative;
mod resolve;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_more;
mod tokens;
mod words;
mod years;

use std::ops::Range;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Serialize, Serializer};

use crate::core::dates::{Calendar, FoundDate, HijriDate, find_dates};
use crate::core::facts::folded::Folded;
use resolve::Shift;
use tokens::{Cur, Tok};

/// The value of a date: a day, a month of a year, or a year (Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl DateValue {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the gold files write dates.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => d.format("%Y-%m-%d").to_string(),
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => format!("{y:04}"),
        }
    }
}

impl Serialize for DateValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// A date found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateHit {
    /// Byte range of the date as written in the paragraph (weekday, part of the day and
    /// relative word included).
    pub range: Range<usize>,
    pub value: DateValue,
    /// The calendar it was written in.
    pub calendar: Calendar,
    /// The Hijri date as written (read with the publication's Hijri year when none is
    /// written). None for a Hijri year alone.
    pub hijri: Option<HijriDate>,
    /// The publication date chose the day, month or year (relative words, weekdays, days and
    /// months without a year).
    pub relative: bool,
    /// The Hijri calendars disagree on the day (or a Hijri year stands for two Gregorian
    /// years), or a stated weekday disagreed with the day and one of them was chosen.
    pub uncertain: bool,
}

/// A resolved date before it gets its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dated {
    value: DateValue,
    calendar: Calendar,
    hijri: Option<HijriDate>,
    relative: bool,
    uncertain: bool,
    /// A Gregorian day whose year the publication date chose with no word to go by.
    yearless: bool,
}

impl Dated {
    fn gregorian(value: DateValue, relative: bool) -> Self {
        Dated {
            value,
            calendar: Calendar::Gregorian,
            hijri: None,
            relative,
            uncertain: false,
            yearless: false,
        }
    }

    /// A Hijri day `h`, converted to the Gregorian `day`.
    fn hijri(day: NaiveDate, h: HijriDate, relative: bool, uncertain: bool) -> Self {
        Dated {
            value: DateValue::Day(day),
            calendar: Calendar::Hijri,
            hijri: Some(h),
            relative,
            uncertain,
            yearless: false,
        }
    }
}

/// What a piece of text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Date(Dated),
    /// The publication day plus this many days (أمس −1, اليوم 0, غداً +1).
    Days(i64),
    Weekday(Weekday, Shift),
    /// Read and understood, but not a date this module can give («رمضان 1441هـ»: a Hijri
    /// month spans two Gregorian months); kept so no other rule reads its words.
    Nothing,
}

/// A piece: an original byte range and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Atom {
    start: usize,
    end: usize,
    what: What,
}

/// Every date written in `paragraph`, in order and without overlaps. Relative dates, weekdays
/// and days or months without a year need `published`; without it they are left out.
pub fn find_text_dates(paragraph: &str, published: Option<NaiveDate>) -> Vec<DateHit> {
    if !words::maybe_dated(paragraph) {
        return Vec::new();
    }
    find_in(&Folded::new(paragraph), published)
}

/// [`find_text_dates`] on a paragraph already folded for the other fact rules.
pub fn find_text_dates_folded(folded: &Folded<'_>, published: Option<NaiveDate>) -> Vec<DateHit> {
    if !words::maybe_dated(folded.original) {
        return Vec::new();
    }
    find_in(folded, published)
}

fn find_in(folded: &Folded<'_>, published: Option<NaiveDate>) -> Vec<DateHit> {
    let s = folded.original;
    let found = find_dates(s);
    let toks = tokens::tokens(folded);
    let mut atoms = pieces(s, &toks, &found, published);
    join::inherit_years(s, &mut atoms);
    join::join(s, &atoms, published)
}

fn found_atom(f: &FoundDate) -> Atom {
    Atom {
        start: f.start,
        end: f.end,
        what: What::Date(Dated {
            value: DateValue::Day(f.date.date),
            calendar: f.date.calendar,
            hijri: f.date.hijri,
            relative: false,
            uncertain: f.date.uncertain,
            yearless: false,
        }),
    }
}

/// The pieces of the paragraph, in order: the scanner's full dates, and between them what the
/// rules read, each rule kept out of the full dates and of the pieces before it.
fn pieces(
    s: &str,
    toks: &[Tok<'_>],
    found: &[FoundDate],
    published: Option<NaiveDate>,
) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut fi = 0;
    let mut i = 0;
    let mut lo = 0;
    while i < toks.len() {
        let context = out.iter().rev().find_map(|a| match a.what {
            What::Date(Dated {
                value: DateValue::Day(d),
                relative,
                ..
            }) => Some((d.year(), d.month(), relative)),
            What::Date(Dated {
                value: DateValue::Month { year, month },
                relative,
                ..
            }) => Some((year, month, relative)),
            _ => None,
        });
        if let Some(f) = found.get(fi)
            && f.start < toks[i].end
        {
            out.push(found_atom(f));
            fi += 1;
            while i < toks.len() && toks[i].start < f.end {
                i += 1;
            }
            lo = i;
            continue;
        }
        let hi = found
            .get(fi)
            .map_or(toks.len(), |f| toks.partition_point(|t| t.start < f.start));
        let cur = Cur {
            s,
            toks,
            lo,
            hi,
            published,
            context,
        };
        match rule_at(&cur, i) {
            Some((atoms, next)) if next > i => {
                out.extend(atoms);
                i = next;
                lo = next;
            }
            _ => i += 1,
        }
    }
    out.extend(found[fi..].iter().map(found_atom));
    out
}

/// The rule that may start at token `i`: the pieces it read and the token after them.
fn rule_at(cur: &Cur<'_, '_>, i: usize) -> Option<(Vec<Atom>, usize)> {
    let t = cur.get(i)?;
    if t.num.is_some() {
        if let Some(found) = days::day_month(cur, i) {
            return Some(found);
        }
        return years::years(cur, i);
    }
    let one = match t.w()? {
        words::W::Ordinal(_) | words::W::Unit1 | words::W::Tens(_) | words::W::FirstOf => {
            days::ordinal(cur, i)
        }
        words::W::Greg(_)
        | words::W::GregHead(_)
        | words::W::Hijri(_)
        | words::W::HijriHead(_)
        | words::W::Shahr => return months::month(cur, i),
        words::W::Yesterday
        | words::W::Today
        | words::W::Tomorrow
        | words::W::Ghad
        | words::W::Awwal => relative::relative(cur, i),
        words::W::Weekday(_) => relative::weekday(cur, i),
        _ => None,
    }?;
    Some((vec![one.0], one.1))
}
