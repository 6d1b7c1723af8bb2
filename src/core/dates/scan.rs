//! The scanner behind `find_dates`: it walks the digit runs of a line (ASCII, Arabic-Indic
//! and Extended Arabic-Indic) and tries, at each, a numeric date (DD/MM/YYYY, YYYY-MM-DD…)
//! and a written one (day, month name, year), then widens the match to a stated weekday
//! before it and a time (with AM/PM words and a zone) after it. Offsets are always byte
//! offsets into the original line; nothing is copied unless a date is found.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Weekday};
use chrono_tz::Tz;

use super::names::{Lex, fold, is_word_char, lex, month_of_head, weekday_folded, zone};
use super::{Calendar, FoundDate, HijriDate, PubDate, hijri_to_gregorian};
use crate::core::text::{digit_value, is_arabic_letter};

/// Whether a digit (ASCII, or the lead byte of an Arabic-Indic one) starts at `i`.
fn digit_starts(b: &[u8], i: usize) -> bool {
    let c = b[i];
    c.is_ascii_digit()
        || (c == 0xD9 && matches!(b.get(i + 1), Some(0xA0..=0xA9)))
        || (c == 0xDB && matches!(b.get(i + 1), Some(0xB0..=0xB9)))
}

/// The byte offset of the first digit at or after `from`. Checks blocks of 64 bytes
/// branch-free (so that it vectorises: it runs over every line of every article), then
/// looks for the exact place in the first block that has one.
fn find_digit(b: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    let n = b.len();
    let mut start = from;
    while start < n {
        let end = (start + BLOCK).min(n);
        let mut hit = false;
        for &c in &b[start..end] {
            hit |= c.wrapping_sub(b'0') < 10;
        }
        // Arabic-Indic ٠–٩ are D9 A0–A9, Extended ۰–۹ are DB B0–B9.
        let pairs_end = end.min(n - 1);
        if start < pairs_end {
            for (&l, &t) in b[start..pairs_end].iter().zip(&b[start + 1..=pairs_end]) {
                hit |= (l == 0xD9) & (t.wrapping_sub(0xA0) < 10);
                hit |= (l == 0xDB) & (t.wrapping_sub(0xB0) < 10);
            }
        }
        if hit && let Some(i) = (start..end).find(|&i| digit_starts(b, i)) {
            return Some(i);
        }
        start = end;
    }
    None
}

/// True when the line holds an ASCII or Arabic-Indic digit.
pub(crate) fn has_digit(b: &[u8]) -> bool {
    find_digit(b, 0).is_some()
}

/// A run of digits: byte range, value (saturated), number of digits.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: u32,
    len: usize,
}

/// The zone said after a time, resolved once the date is known.
#[derive(Debug, Clone, Copy)]
enum Zone {
    Fixed(FixedOffset),
    City(Tz),
}

struct Time {
    end: usize,
    time: NaiveTime,
    zone: Option<Zone>,
}

/// A month read from one or two words, with the end of the name.
struct Month {
    end: usize,
    month: u32,
    hijri: bool,
}

struct Scanner<'a> {
    s: &'a str,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}')
}

impl<'a> Scanner<'a> {
    fn peek(&self, pos: usize) -> Option<char> {
        self.s.get(pos..)?.chars().next()
    }

    fn before(&self, pos: usize) -> Option<char> {
        self.s.get(..pos)?.chars().next_back()
    }

    fn skip_ws(&self, mut pos: usize) -> usize {
        while let Some(c) = self.peek(pos) {
            if !is_space(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    fn skip_ws_back(&self, mut pos: usize) -> usize {
        while let Some(c) = self.before(pos) {
            if !is_space(c) {
                break;
            }
            pos -= c.len_utf8();
        }
        pos
    }

    /// Consumes `c` (after spaces) if it is one of `set`.
    fn punct(&self, pos: usize, set: &[char]) -> Option<usize> {
        let p = self.skip_ws(pos);
        let c = self.peek(p)?;
        set.contains(&c).then(|| p + c.len_utf8())
    }

    fn num_at(&self, pos: usize) -> Option<Num> {
        let mut end = pos;
        let mut value: u32 = 0;
        let mut len = 0;
        for c in self.s.get(pos..)?.chars() {
            let Some(d) = digit_value(c) else { break };
            value = value.saturating_mul(10).saturating_add(d);
            len += 1;
            end += c.len_utf8();
        }
        (len > 0).then_some(Num {
            start: pos,
            end,
            value,
            len,
        })
    }

    /// The next digit run at or after `pos`.
    fn next_num(&self, pos: usize) -> Option<Num> {
        self.num_at(find_digit(self.s.as_bytes(), pos)?)
    }

    /// The Arabic word starting at `pos` (its end), if any.
    fn word_end(&self, pos: usize) -> Option<usize> {
        let mut end = pos;
        for c in self.s.get(pos..)?.chars() {
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
        (end > pos).then_some(end)
    }

    /// The Arabic word ending at `pos` (its start), if any.
    fn word_start(&self, pos: usize) -> Option<usize> {
        let mut start = pos;
        for c in self.s.get(..pos)?.chars().rev() {
            if !is_word_char(c) {
                break;
            }
            start -= c.len_utf8();
        }
        (start < pos).then_some(start)
    }

    /// The lexicon entry of the word at `pos` (after spaces) and its end.
    fn lex_at(&self, pos: usize) -> Option<(Lex, usize)> {
        let p = self.skip_ws(pos);
        let end = self.word_end(p)?;
        let f = fold(&self.s[p..end])?;
        Some((lex(f.as_str())?, end))
    }

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
    fn day_start_ok(&self, n: &Num) -> bool {
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

    /// HH:MM(:SS) at `pos` with the AM/PM word and zone after it.
    fn time_at(&self, pos: usize) -> Option<Time> {
        let h = self.num_at(pos)?;
        if h.len > 2 || h.value > 23 {
            return None;
        }
        let p = self.punct(h.end, &[':'])?;
        let m = self.num_at(p).filter(|m| m.len == 2 && m.value < 60)?;
        let mut end = m.end;
        let mut sec = 0;
        if self.peek(end) == Some(':')
            && let Some(s) = self.num_at(end + 1).filter(|s| s.len == 2 && s.value < 60)
        {
            sec = s.value;
            end = s.end;
        }
        if self.peek(end).is_some_and(|c| digit_value(c).is_some()) {
            return None;
        }
        let mut hour = h.value;
        let ampm = match self.lex_at(end) {
            Some((Lex::Pm, e)) => Some((true, e)),
            Some((Lex::Am, e)) => Some((false, e)),
            Some((Lex::GregMark, e)) => Some((true, e)),
            _ => self
                .ascii_word(end, &["PM", "pm", "AM", "am"])
                .map(|(w, e)| (w.eq_ignore_ascii_case("pm"), e)),
        };
        if let Some((pm, e)) = ampm {
            end = e;
            if (1..=12).contains(&hour) {
                hour = match (pm, hour) {
                    (true, 12) => 12,
                    (true, x) => x + 12,
                    (false, 12) => 0,
                    (false, x) => x,
                };
            }
        }
        let time = NaiveTime::from_hms_opt(hour, m.value, sec)?;
        let (zone, zend) = match self.zone_at(end) {
            Some((z, e)) => (Some(z), e),
            None => (None, end),
        };
        Some(Time {
            end: zend,
            time,
            zone,
        })
    }

    /// One of the ASCII `words` at `pos` (after spaces), as a whole word.
    fn ascii_word(&self, pos: usize, words: &[&'static str]) -> Option<(&'static str, usize)> {
        let p = self.skip_ws(pos);
        let rest = self.s.get(p..)?;
        for &w in words {
            if rest.len() >= w.len()
                && rest.is_char_boundary(w.len())
                && rest[..w.len()].eq_ignore_ascii_case(w)
                && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some((w, p + w.len()));
            }
        }
        None
    }

    /// A signed offset «+03:00», «+0300», «+3», «-4» at `pos` (no spaces skipped).
    fn offset_at(&self, pos: usize) -> Option<(FixedOffset, usize)> {
        let sign = match self.peek(pos)? {
            '+' => 1,
            '-' | '−' => -1,
            _ => return None,
        };
        let p = pos + self.peek(pos)?.len_utf8();
        let h = self.num_at(p)?;
        let (hours, mins, end) = match h.len {
            1 | 2 => {
                if self.peek(h.end) == Some(':')
                    && let Some(m) = self.num_at(h.end + 1).filter(|m| m.len == 2)
                {
                    (h.value, m.value, m.end)
                } else {
                    (h.value, 0, h.end)
                }
            }
            4 => (h.value / 100, h.value % 100, h.end),
            _ => return None,
        };
        if hours > 14 || mins > 59 {
            return None;
        }
        let secs = i32::try_from(hours * 3600 + mins * 60).ok()? * sign;
        Some((FixedOffset::east_opt(secs)?, end))
    }

    /// A zone after a time: «بتوقيت مكة», «بتوقيت غرينتش», «GMT+3», «UTC», «+03:00».
    fn zone_at(&self, pos: usize) -> Option<(Zone, usize)> {
        let mut p = self.skip_ws(pos);
        let paren = self.peek(p) == Some('(');
        if paren {
            p = self.skip_ws(p + 1);
        }
        let close = |z: Zone, e: usize| -> Option<(Zone, usize)> {
            if paren {
                let c = self.punct(e, &[')'])?;
                Some((z, c))
            } else {
                Some((z, e))
            }
        };
        if let Some((off, e)) = self.offset_at(p) {
            return close(Zone::Fixed(off), e);
        }
        let utc = FixedOffset::east_opt(0)?;
        let gmt_like = |q: usize| -> Option<(Zone, usize)> {
            let (_, e) = self
                .ascii_word(q, &["GMT", "UTC"])
                .or_else(|| match self.lex_at(q) {
                    Some((Lex::Greenwich, e)) => Some(("GMT", e)),
                    _ => None,
                })?;
            match self.offset_at(self.skip_ws(e)) {
                Some((off, e2)) => Some((Zone::Fixed(off), e2)),
                None => Some((Zone::Fixed(utc), e)),
            }
        };
        if let Some((z, e)) = gmt_like(p) {
            return close(z, e);
        }
        let (Lex::Tawqit, e) = self.lex_at(p)? else {
            return None;
        };
        if let Some((z, e2)) = gmt_like(e) {
            return close(z, e2);
        }
        let cs = self.skip_ws(e);
        let ce = self.word_end(cs)?;
        let f = fold(&self.s[cs..ce])?;
        let (tz, mut end) = match zone(f.as_str()) {
            Some(tz) => (tz, ce),
            None if f.as_str() == "ابو" => {
                let p2 = self.skip_ws(ce);
                let e2 = self.word_end(p2)?;
                (
                    fold(&self.s[p2..e2])
                        .filter(|g| g.as_str() == "ظبي")
                        .map(|_| Tz::Asia__Dubai)?,
                    e2,
                )
            }
            None => return None,
        };
        if f.as_str() == "مكه" {
            let p2 = self.skip_ws(end);
            if let Some(e2) = self.word_end(p2)
                && fold(&self.s[p2..e2]).is_some_and(|g| g.as_str() == "المكرمه")
            {
                end = e2;
            }
        }
        close(Zone::City(tz), end)
    }

    /// A time shortly after a date ending at `pos`: «, 03:53 مساء», « - 04:30 بتوقيت …»,
    /// « الساعة 10:15».
    fn time_after(&self, pos: usize) -> Option<Time> {
        let mut p = self.skip_ws(pos);
        if let Some(c @ (',' | '،' | '-' | '–' | '—' | '|')) = self.peek(p) {
            p = self.skip_ws(p + c.len_utf8());
        }
        if let Some((Lex::Fi, e)) = self.lex_at(p) {
            match self.lex_at(e) {
                Some((Lex::Hour, e2)) => p = self.skip_ws(e2),
                _ => return None,
            }
        } else if let Some((Lex::Hour, e)) = self.lex_at(p) {
            p = self.skip_ws(e);
        }
        self.time_at(p)
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

    fn resolve(zone: Option<Zone>, date: NaiveDate, time: NaiveTime) -> Option<FixedOffset> {
        match zone? {
            Zone::Fixed(o) => Some(o),
            Zone::City(tz) => {
                let local = date.and_time(time);
                let o = match tz.from_local_datetime(&local).earliest() {
                    Some(dt) => dt.offset().fix(),
                    None => tz.offset_from_utc_datetime(&local).fix(),
                };
                Some(o)
            }
        }
    }

    /// Builds the found date: weekday before, time after.
    fn finish(
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
        let (end, time, offset) = match self.time_after(end) {
            Some(t) => (t.end, Some(t.time), Self::resolve(t.zone, date, t.time)),
            None => (end, None, None),
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
    while let Some(n) = sc.next_num(pos) {
        match sc.try_numeric(&n).or_else(|| sc.try_written(&n)) {
            Some(f) => {
                pos = f.end.max(n.end);
                out.push(f);
            }
            None => pos = n.end,
        }
    }
    out
}
