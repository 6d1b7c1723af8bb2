//! English written dates, for the English articles that sit beside the Arabic ones:
//! month first («October 8, 2020», «Oct. 8, 2020», «Sept 8th 2020») and day first
//! («8 October 2020», «8th of Oct, 2020»), with full and abbreviated month names in any
//! case, a stated weekday before («Thursday, October 8, 2020») checked against the date,
//! and the time after read by `time` («10:15 AM», «22:15 GMT», «+03:00»). A year is always
//! required, and a month name must be a whole word next to the day number: this is what
//! keeps «May» (and «Mar», «Sun», «Sat»…) safe in running text.

use chrono::{NaiveDate, Weekday};

use super::FoundDate;
use super::cursor::{Num, Scanner};

/// An ASCII word lowered on the stack (longer words are never date words).
fn lower(word: &str) -> Option<([u8; 9], usize)> {
    let b = word.as_bytes();
    if b.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some((buf, b.len()))
}

/// The month an English name gives, and whether the name is abbreviated (so may take a dot).
fn month_name(word: &str) -> Option<(u32, bool)> {
    let (buf, n) = lower(word)?;
    Some(match &buf[..n] {
        b"january" => (1, false),
        b"jan" => (1, true),
        b"february" => (2, false),
        b"feb" => (2, true),
        b"march" => (3, false),
        b"mar" => (3, true),
        b"april" => (4, false),
        b"apr" => (4, true),
        b"may" => (5, false),
        b"june" => (6, false),
        b"jun" => (6, true),
        b"july" => (7, false),
        b"jul" => (7, true),
        b"august" => (8, false),
        b"aug" => (8, true),
        b"september" => (9, false),
        b"sep" | b"sept" => (9, true),
        b"october" => (10, false),
        b"oct" => (10, true),
        b"november" => (11, false),
        b"nov" => (11, true),
        b"december" => (12, false),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// The weekday an English name gives, and whether the name is abbreviated.
fn weekday_name(word: &str) -> Option<(Weekday, bool)> {
    let (buf, n) = lower(word)?;
    Some(match &buf[..n] {
        b"monday" => (Weekday::Mon, false),
        b"mon" => (Weekday::Mon, true),
        b"tuesday" => (Weekday::Tue, false),
        b"tue" | b"tues" => (Weekday::Tue, true),
        b"wednesday" => (Weekday::Wed, false),
        b"wed" => (Weekday::Wed, true),
        b"thursday" => (Weekday::Thu, false),
        b"thu" | b"thur" | b"thurs" => (Weekday::Thu, true),
        b"friday" => (Weekday::Fri, false),
        b"fri" => (Weekday::Fri, true),
        b"saturday" => (Weekday::Sat, false),
        b"sat" => (Weekday::Sat, true),
        b"sunday" => (Weekday::Sun, false),
        b"sun" => (Weekday::Sun, true),
        _ => return None,
    })
}

impl Scanner<'_> {
    /// The ASCII word ending at `pos` (its start), when it is a whole word: nothing
    /// alphanumeric glued before it.
    fn ascii_word_before(&self, pos: usize) -> Option<usize> {
        let b = self.s.as_bytes();
        let mut start = pos;
        while start > 0 && b[start - 1].is_ascii_alphabetic() {
            start -= 1;
        }
        if start == pos || self.before(start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some(start)
    }

    /// The ASCII word starting at `pos` (its end), when nothing alphanumeric is glued after.
    fn ascii_word_after(&self, pos: usize) -> Option<usize> {
        let b = self.s.as_bytes();
        let mut end = pos;
        while end < b.len() && b[end].is_ascii_alphabetic() {
            end += 1;
        }
        if end == pos || self.peek(end).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some(end)
    }

    /// An English name ending exactly at `pos`, or at a dot there if abbreviated: its
    /// start and what `read` made of it.
    fn name_ending<T>(
        &self,
        pos: usize,
        read: fn(&str) -> Option<(T, bool)>,
    ) -> Option<(usize, T)> {
        let dot = self.before(pos) == Some('.');
        let p = if dot { pos - 1 } else { pos };
        let ws = self.ascii_word_before(p)?;
        let (v, abbr) = read(&self.s[ws..p])?;
        (abbr || !dot).then_some((ws, v))
    }

    /// An English name ending before `pos`, with spaces or an abbreviation's dot between
    /// (glued to `pos` it is not a name).
    fn name_before<T>(
        &self,
        pos: usize,
        read: fn(&str) -> Option<(T, bool)>,
    ) -> Option<(usize, T)> {
        let p = self.skip_ws_back(pos);
        if p == pos && self.before(p) != Some('.') {
            return None;
        }
        self.name_ending(p, read)
    }

    /// An English month name at `pos` (after spaces, with its dot if abbreviated): month, end.
    fn month_after(&self, pos: usize) -> Option<(u32, usize)> {
        let p = self.skip_ws(pos);
        let e = self.ascii_word_after(p)?;
        let (m, abbr) = month_name(&self.s[p..e])?;
        let e = if abbr && self.peek(e) == Some('.') {
            e + 1
        } else {
            e
        };
        Some((m, e))
    }

    /// After a day number: the end of an ordinal suffix (8th, 1st, 2nd, 3rd) if any; None
    /// when the day is glued to anything else alphanumeric.
    fn day_end(&self, day: &Num) -> Option<usize> {
        let rest = &self.s[day.end..];
        let suffix = ["st", "nd", "rd", "th"]
            .into_iter()
            .find(|x| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(x)));
        let end = day.end + suffix.map_or(0, str::len);
        if self.peek(end).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some(end)
    }

    /// A year after a day or month ending at `pos` (an optional comma between): the date
    /// and the end of the year.
    fn english_year(&self, pos: usize, month: u32, day: u32) -> Option<(NaiveDate, usize)> {
        let p = self.punct(pos, &[',']).unwrap_or(pos);
        let year = self.num_at(self.skip_ws(p)).filter(|y| y.len == 4)?;
        if self.peek(year.end).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let y = i32::try_from(year.value).ok()?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        Some((NaiveDate::from_ymd_opt(y, month, day)?, year.end))
    }

    /// A stated English weekday ending before `pos` («Thursday, », «Thu. »), at or after
    /// `floor`: (start, weekday).
    fn english_weekday_before(&self, pos: usize, floor: usize) -> Option<(usize, Weekday)> {
        let p = self.skip_ws_back(pos);
        if self.before(p) == Some(',') {
            let q = self.skip_ws_back(p - 1);
            self.name_ending(q, weekday_name)
        } else {
            self.name_before(pos, weekday_name)
        }
        .filter(|&(ws, _)| ws >= floor)
    }

    /// An English date whose day is `day`, month first or day first; nothing of it may
    /// start before `floor` (the end of the previous date found).
    pub(super) fn try_english(&self, day: &Num, floor: usize) -> Option<FoundDate> {
        if day.len > 2 || !(1..=31).contains(&day.value) {
            return None;
        }
        let day_end = self.day_end(day)?;
        // Month first: «October 8, 2020».
        if let Some((ms, month)) = self.name_before(day.start, month_name)
            && ms >= floor
            && let Some((date, end)) = self.english_year(day_end, month, day.value)
        {
            let weekday = self.english_weekday_before(ms, floor);
            return Some(self.finish(ms, end, date, None, false, weekday));
        }
        // Day first: «8 October 2020», «8-Oct-2020», «8th of October, 2020».
        if !self.day_start_ok(day) {
            return None;
        }
        let mut p = day_end;
        if let Some(q) = self.punct(p, &['-', '/']) {
            p = q;
        } else if let Some((_, e)) = self.ascii_word(p, &["of"]) {
            p = e;
        }
        let (month, mut p) = self.month_after(p)?;
        if let Some(q) = self.punct(p, &['-', '/']) {
            p = q;
        }
        let (date, end) = self.english_year(p, month, day.value)?;
        let weekday = self.english_weekday_before(day.start, floor);
        Some(self.finish(day.start, end, date, None, false, weekday))
    }
}
