//! The time of day and zone written after a date: «, 03:53 مساء», « الساعة 10:15»,
//! «في الساعة 22:15:30», «at 10:15 PM», «10:15 a.m.», with the zone that may follow («بتوقيت مكة المكرمة»,
//! «بتوقيت غرينتش», «GMT+3», «UTC», «+03:00», in parentheses or not). City zones are kept
//! as time zones until the date is known, then resolved to the offset in force that day.

use chrono::{FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::cursor::Scanner;
use super::names::{Lex, fold, zone};
use crate::core::text::digit_value;

/// The zone said after a time, resolved once the date is known.
#[derive(Debug, Clone, Copy)]
pub(super) enum Zone {
    Fixed(FixedOffset),
    City(Tz),
}

/// A time read after a date: where it ends, the time, and the zone if one was said.
pub(super) struct Time {
    pub(super) end: usize,
    pub(super) time: NaiveTime,
    pub(super) zone: Option<Zone>,
}

impl Scanner<'_> {
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
                .ascii_word(end, &["a.m.", "a.m", "p.m.", "p.m", "am", "pm"])
                .map(|(w, e)| (w.starts_with('p'), e)),
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
    /// « الساعة 10:15», « at 10:15 a.m.».
    /// A time written just before a date that starts at `pos`: «10:30 - 12 أكتوبر 2023»,
    /// «03:53 مساء، الخميس …». Returns where the time starts, and the time.
    pub(super) fn time_before(&self, pos: usize) -> Option<(usize, Time)> {
        let head = self.s.get(..pos)?;
        let trimmed = head.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '،' | '-' | '–' | '—' | '|')
        });
        if trimmed.len() == head.len() {
            return None; // the date touches what precedes it
        }
        // The colon of HH:MM lies within the last few characters (an AM/PM word may follow).
        let window_start = trimmed.char_indices().rev().nth(12).map_or(0, |(i, _)| i);
        let colon = window_start + trimmed[window_start..].rfind(':')?;
        let hour_start = trimmed[..colon]
            .char_indices()
            .rev()
            .take_while(|(_, c)| digit_value(*c).is_some())
            .last()
            .map(|(i, _)| i)?;
        let time = self.time_at(hour_start)?;
        // The time must be all that stands between its start and the date, and start a word.
        (time.end >= trimmed.len() && !is_word_before(trimmed, hour_start))
            .then_some((hour_start, time))
    }

    pub(super) fn time_after(&self, pos: usize) -> Option<Time> {
        let mut p = self.skip_ws(pos);
        if let Some(c @ (',' | '،' | '-' | '–' | '—' | '|')) = self.peek(p) {
            p = self.skip_ws(p + c.len_utf8());
        }
        if let Some((_, e)) = self.ascii_word(p, &["at"]) {
            p = self.skip_ws(e);
        } else if let Some((Lex::Fi, e)) = self.lex_at(p) {
            match self.lex_at(e) {
                Some((Lex::Hour, e2)) => p = self.skip_ws(e2),
                _ => return None,
            }
        } else if let Some((Lex::Hour, e)) = self.lex_at(p) {
            p = self.skip_ws(e);
        }
        self.time_at(p)
    }
}

/// The offset a zone gives on `date` at `time` (None without a zone).
pub(super) fn resolve(zone: Option<Zone>, date: NaiveDate, time: NaiveTime) -> Option<FixedOffset> {
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

/// Whether a letter or digit touches `at` from the left (the time would be part of a word).
fn is_word_before(s: &str, at: usize) -> bool {
    s[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}
