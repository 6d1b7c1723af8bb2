//! Arabic and machine dates: finding publication dates in running text and parsing the
//! date strings of metadata (ISO 8601 / RFC 3339, RFC 2822, …).
//!
//! Written dates cover the Gregorian month names of Egypt/Gulf, the Levant/Iraq, Morocco and
//! Algeria/Tunisia, paired names («27 سبتمبر/أيلول»), Hijri dates (converted to Gregorian
//! with the Umm al-Qura calendar, the original kept), day-first numeric dates checked against
//! a stated weekday, Arabic-Indic digits, and English dates («Thursday, October 8, 2020»,
//! «8 Oct. 2020») for the English articles in the same folders. Which of the dates on a page
//! is the article's own is decided by the loader, not here.
//!
//! Layout: `names` (word lists and folding), `hijri` (calendar conversion), `cursor` (the
//! scanners' reading primitives), `scan` (the running-text scanner and the Arabic date
//! forms), `english` (English written dates), `time` (time of day and zone after a date),
//! `machine` (metadata strings); this file holds the types and the public entry points.

mod cursor;
mod english;
#[cfg(test)]
mod english_tests;
mod hijri;
mod machine;
mod names;
mod scan;
#[cfg(test)]
mod tests;
mod time;

pub use hijri::hijri_to_gregorian;
pub use names::{hijri_month_from_name, month_from_name, weekday_from_name};

// For the facts extractor, which reads dates without a year, ordinal days and relative words
// with the same lexicon and the same digit scan.
pub(crate) use cursor::has_digit;
pub(crate) use hijri::gregorian_to_hijri;
pub(crate) use names::{Head, Lex, lex, month_of_head};

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The calendar a date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A Hijri date as written (year, month 1–12, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HijriDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A publication date: the Gregorian day (converted when written in another calendar),
/// the time and UTC offset when given, and the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    #[serde(with = "offset_seconds")]
    pub offset: Option<FixedOffset>,
    /// The date as written (trimmed, sanitized), e.g. «14 صفر 1442هـ».
    pub text: String,
    pub calendar: Calendar,
    /// The Hijri date as written, when `calendar` is Hijri.
    pub hijri: Option<HijriDate>,
    /// True when Umm al-Qura and the tabular (civil) Hijri calendar disagree on the day, so
    /// the Gregorian day may be off by one.
    pub uncertain: bool,
}

/// `FixedOffset` has no serde form of its own: it is kept as seconds east of UTC.
mod offset_seconds {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(offset: &Option<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        offset.map(|o| o.local_minus_utc()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FixedOffset>, D::Error> {
        Ok(Option::<i32>::deserialize(d)?.and_then(FixedOffset::east_opt))
    }
}

/// A date found in running text: byte range in the searched string, and the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub date: PubDate,
    /// Whether a weekday name was stated with the date (and matched it).
    pub has_weekday: bool,
}

impl PubDate {
    /// The Gregorian day as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }

    /// RFC 3339 (`2020-10-09T04:30:00-04:00`) when time and offset are known,
    /// `YYYY-MM-DDTHH:MM:SS` when only the time is, None without a time.
    pub fn datetime(&self) -> Option<String> {
        let local = self.date.and_time(self.time?);
        let base = local.format("%Y-%m-%dT%H:%M:%S").to_string();
        Some(match self.offset {
            Some(o) => format!("{base}{o}"),
            None => base,
        })
    }
}

/// Parses a metadata date string: RFC 3339 / ISO 8601 (with or without time and offset),
/// RFC 2822 (feeds), and as a last resort any written date `find_dates` recognises.
/// `text` keeps the string as given (trimmed); time and offset are kept as written.
pub fn parse_machine_date(s: &str) -> Option<PubDate> {
    machine::parse(s)
}

/// Every full date (day, month and year) written in `text`, in order of appearance, with
/// byte ranges into `text` that take in a stated weekday and a following time. A line
/// without any digit returns at once, without allocating.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    scan::scan(text)
}
