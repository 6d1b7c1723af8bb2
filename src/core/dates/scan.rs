//! The scanner behind `find_dates`: it walks the digit runs of a line and tries, at each, a
//! numeric date (DD/MM/YYYY, YYYY-MM-DD…) and a written one (day, month name, year), then
//! widens the match to a stated weekday before it and a time after it (read by `time`).
//! This file owns the Arabic date forms, the weekday check and the assembly of a
//! `FoundDate`; the reading primitives are in `cursor`. Offsets are always byte offsets into
//! the original line; nothing is copied unless a date is found.

use chrono::{Datelike, NaiveDate, Weekday};

use super::cursor::{Num, Scanner, has_digit};
use super::names::{Lex, fold, is_word_char, lex, month_of_head, weekday_folded};
use super::time::resolve;
use super::{Calendar, FoundDate, HijriDate, PubDate, hijri_to_gregorian};
use crate::core::text::{digit_value, is_arabic_letter};

/// A month read from one or two words, with the end of the name.
struct Month {
    end: usize,
    month: u32,
    hijri: bool,
}

impl Scanner<'_> {
    /// A month name (one or two words) at `pos` (after spaces).
    fn month_at(&self, pos: usize) -> Option<Month> {
        let (l, end) = self.lex_at(pos)?;
        self.month_from_lex(l, end)
    }

    /// A month name whose first word, ending at `end`, is `l`.
    fn month_from_lex(&self, l: Lex, end: usize) -> Option<Month> {
        let (month, hijri, end) = match l {
            Lex::Greg(m) => (m, false, end),
            Lex::Hijri(m) => (m, true, end),
            Lex::GregHead(h) | Lex::HijriHead(h) => {
                let p = self.skip_ws(end);
                let e2 = self.word_end(p)?;
                let f = fold(&self.s[p..e2])?;
                let m = month_of_head(h, f.as_str())?;
                (m, matches!(l, Lex::HijriHead(_)), e2)
            }
            _ => return None,
        };
        Some(Month { end, month, hijri })
    }

    /// Whether a day number may start at `n`: nothing glued before it but a one-letter
    /// clitic (و/ب/ل/ف), and no number with a decimal point, colon or slash just before.
    pub(super) fn day_start_ok(&self, n: &Num) -> bool {
        match self.before(n.start) {
            None => true,
            Some(c) if is_arabic_letter(c) => {
                let Some(ws) = self.word_start(n.start) else {
                    return false;
                };
                matches!(&self.s[ws..n.start], "و" | "ب" | "ل" | "ف")
            }
            Some(c) if c.is_alphanumeric() => false,
            Some(c @ ('.' | ':' | '/' | '-' | ',' | '٫' | '٬')) => {
                let p = n.start - c.len_utf8();
                self.before(p).is_none_or(|d| digit_value(d).is_none())
            }
            Some(_) => true,
        }
    }

    /// After a year: the end of a following calendar marker, Err when the year is glued to
    /// something that is not a marker.
    fn year_marker(&self, year_end: usize) -> Result<Option<(usize, bool)>, ()> {
        match self.peek(year_end) {
            Some(c) if digit_value(c).is_some() => return Err(()),
            Some(c) if c.is_ascii_alphabetic() => return Err(()),
            _ => {}
        }
        let glued = self.peek(year_end).is_some_and(is_word_char);
        match self.lex_at(year_end) {
            Some((Lex::HijriMark, e)) => Ok(Some((e, true))),
            Some((Lex::GregMark, e)) => Ok(Some((e, false))),
            _ if glued => Err(()),
            _ => Ok(None),
        }
    }

    /// A stated weekday ending before `pos`: (start, weekday), where start includes «يوم»
    /// but not a conjunction و.
    fn weekday_before(&self, pos: usize) -> Option<(usize, Weekday)> {
        let mut p = self.skip_ws_back(pos);
        if let Some(c @ (',' | '،' | '-' | '–')) = self.before(p) {
            p = self.skip_ws_back(p - c.len_utf8());
        }
        let ws = self.word_start(p)?;
        if self.before(ws).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let f = fold(&self.s[ws..p])?;
        let wd = weekday_folded(f.as_str())?;
        let mut start = if f.as_str().starts_with('و') && lex(f.as_str()).is_none() {
            ws + 'و'.len_utf8()
        } else {
            ws
        };
        let q = self.skip_ws_back(start);
        if let Some(ys) = self.word_start(q) {
            let yf = fold(&self.s[ys..q]);
            match yf.as_ref().map(|y| y.as_str()) {
                Some("يوم") => start = ys,
                Some("ويوم") => start = ys + 'و'.len_utf8(),
                _ => {}
            }
        }
        Some((start, wd))
    }

    /// A written date whose day is `day`: day, month name(s), year, marker.
    fn written(&self, day: &Num) -> Option<(usize, NaiveDate, Option<HijriDate>, bool)> {
        if day.len > 2 || !(1..=31).contains(&day.value) || !self.day_start_ok(day) {
            return None;
        }
        let mut p = day.end;
        if let Some(q) = self.punct(p, &['/', '-']) {
            p = q;
        }
        let (mut l, mut e) = self.lex_at(p)?;
        if l == Lex::Min {
            (l, e) = self.lex_at(e)?;
        }
        let month = self.month_from_lex(l, e)?;
        p = month.end;
        // A second name: «سبتمبر/أيلول», «أيلول/ سبتمبر», «سبتمبر (أيلول)».
        if !month.hijri
            && let Some(q) = self.punct(p, &['/', '('])
            && let Some(second) = self.month_at(q)
        {
            if second.hijri || second.month != month.month {
                return None;
            }
            p = second.end;
            if self.s[..q].ends_with('(') {
                p = self.punct(p, &[')'])?;
            }
        }
        if let Some(q) = self.punct(p, &['/', '-', '،', ',']) {
            p = q;
        }
        if let Some((Lex::YearWord, e)) = self.lex_at(p) {
            p = e;
        }
        let year = self.num_at(self.skip_ws(p)).filter(|y| y.len == 4)?;
        let marker = self.year_marker(year.end).ok()?;
        let mut end = year.end;
        let y = i32::try_from(year.value).ok()?;
        if month.hijri {
            let marked = match marker {
                Some((e, true)) => {
                    end = e;
                    true
                }
                Some((_, false)) => return None,
                None => false,
            };
            if !marked && !(1300..=1600).contains(&y) {
                return None;
            }
            let h = HijriDate {
                year: y,
                month: u8::try_from(month.month).ok()?,
                day: u8::try_from(day.value).ok()?,
            };
            let (date, uncertain) = hijri_to_gregorian(h)?;
            return Some((end, date, Some(h), uncertain));
        }
        match marker {
            Some((_, true)) => return None,
            Some((e, false)) => end = e,
            None => {}
        }
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, month.month, day.value)?;
        Some((end, date, None, false))
    }

    /// A numeric date starting with `a`: D/M/Y (day first) or Y-M-D, same separator twice.
    /// Returns (end, day, month, year, year-first, hijri marker end).
    fn numeric(&self, a: &Num) -> Option<(usize, u32, u32, u32, bool, Option<usize>)> {
        let q = self.skip_ws(a.end);
        let sep = self.peek(q)?;
        if !matches!(sep, '/' | '-' | '.') || (sep == '.' && q != a.end) {
            return None;
        }
        let p = q + 1;
        let spaced = |q: usize| if sep == '.' { q } else { self.skip_ws(q) };
        let b = self.num_at(spaced(p))?;
        let q = spaced(b.end);
        if self.peek(q) != Some(sep) {
            return None;
        }
        let c = self.num_at(spaced(q + 1))?;
        // Nothing number-like may continue the run on either side.
        if let Some(x) = self.peek(c.end)
            && matches!(x, '/' | '-' | '.' | ':')
            && self
                .peek(c.end + 1)
                .is_some_and(|d| digit_value(d).is_some())
        {
            return None;
        }
        if let Some(x) = self.before(a.start) {
            if x.is_alphanumeric() && !is_arabic_letter(x) {
                return None;
            }
            if matches!(x, '/' | '-' | '.' | ':' | '+')
                && self
                    .before(a.start - 1)
                    .is_some_and(|d| digit_value(d).is_some())
            {
                return None;
            }
            if x == '+' {
                return None;
            }
        }
        let marker = self.year_marker(c.end).ok()?;
        let (hijri_end, end) = match marker {
            Some((e, true)) => (Some(e), e),
            Some((e, false)) => (None, e),
            None => (None, c.end),
        };
        if a.len == 4 && b.len <= 2 && c.len <= 2 && sep != '.' {
            Some((end, c.value, b.value, a.value, true, hijri_end))
        } else if a.len <= 2 && b.len <= 2 && c.len == 4 {
            Some((end, a.value, b.value, c.value, false, hijri_end))
        } else {
            None
        }
    }

    /// Builds the found date: weekday before, time after.
    pub(super) fn finish(
        &self,
        start: usize,
        end: usize,
        date: NaiveDate,
        hijri: Option<HijriDate>,
        uncertain: bool,
        weekday: Option<(usize, Weekday)>,
    ) -> FoundDate {
        let (start, has_weekday) = match weekday {
            Some((ws, wd)) if wd == date.weekday() => (ws, true),
            _ => (start, false),
        };
        let (mut start, mut time, mut offset) = (start, None, None);
        let end = match self.time_after(end) {
            Some(t) => {
                (time, offset) = (Some(t.time), resolve(t.zone, date, t.time));
                t.end
            }
            None => {
                if let Some((at, t)) = self.time_before(start) {
                    (start, time, offset) = (at, Some(t.time), resolve(t.zone, date, t.time));
                }
                end
            }
        };
        FoundDate {
            start,
            end,
            has_weekday,
            date: PubDate {
                date,
                time,
                offset,
                text: self.s[start..end].trim().to_string(),
                calendar: if hijri.is_some() {
                    Calendar::Hijri
                } else {
                    Calendar::Gregorian
                },
                hijri,
                uncertain,
            },
        }
    }

    fn try_numeric(&self, a: &Num) -> Option<FoundDate> {
        let (end, d, m, y, year_first, hijri_end) = self.numeric(a)?;
        let weekday = self.weekday_before(a.start);
        let yi = i32::try_from(y).ok()?;
        if let Some(he) = hijri_end {
            if year_first {
                return None;
            }
            let h = HijriDate {
                year: yi,
                month: u8::try_from(m).ok()?,
                day: u8::try_from(d).ok()?,
            };
            let (date, unc) = hijri_to_gregorian(h)?;
            return Some(self.finish(a.start, he, date, Some(h), unc, weekday));
        }
        if !(1800..=2100).contains(&yi) {
            return None;
        }
        let dm = NaiveDate::from_ymd_opt(yi, m, d);
        let date = match (weekday, year_first) {
            (Some((_, wd)), false) if d <= 12 && m <= 12 && d != m => {
                let md = NaiveDate::from_ymd_opt(yi, d, m);
                match (dm, md) {
                    (Some(x), Some(y)) if x.weekday() != wd && y.weekday() == wd => y,
                    _ => dm?,
                }
            }
            _ => dm?,
        };
        Some(self.finish(a.start, end, date, None, false, weekday))
    }

    fn try_written(&self, day: &Num) -> Option<FoundDate> {
        let (end, date, hijri, unc) = self.written(day)?;
        let clitic = self.before(day.start).is_some_and(is_arabic_letter);
        let weekday = if clitic {
            None
        } else {
            self.weekday_before(day.start)
        };
        Some(self.finish(day.start, end, date, hijri, unc, weekday))
    }
}

/// Every full date in `text`, in order (see `find_dates`).
pub(crate) fn scan(text: &str) -> Vec<FoundDate> {
    let mut out = Vec::new();
    if !has_digit(text.as_bytes()) {
        return out;
    }
    let sc = Scanner { s: text };
    let mut pos = 0;
    let mut floor = 0;
    while let Some(n) = sc.next_num(pos) {
        let found = sc
            .try_numeric(&n)
            .or_else(|| sc.try_written(&n))
            .or_else(|| sc.try_english(&n, floor));
        match found {
            Some(f) => {
                pos = f.end.max(n.end);
                floor = f.end;
                out.push(f);
            }
            None => pos = n.end,
        }
    }
    out
}
