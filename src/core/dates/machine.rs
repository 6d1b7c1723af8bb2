//! Metadata date strings: RFC 3339 and the looser ISO 8601 forms met in HTML meta tags and
//! JSON-LD (space for T, no seconds, fractional seconds, no zone, a bare date), RFC 2822 as
//! in RSS `pubDate`, and as a last resort the first written date in the string. The time
//! and offset are kept as given, never converted to UTC: the local day is what matters.

use std::sync::LazyLock;

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use regex::Regex;

use super::{Calendar, PubDate, scan::scan};

static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?$",
    )
    .ok()
});

fn pub_date(
    s: &str,
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
) -> PubDate {
    PubDate {
        date,
        time,
        offset,
        text: s.to_string(),
        calendar: Calendar::Gregorian,
        hijri: None,
        uncertain: false,
    }
}

fn iso(s: &str) -> Option<PubDate> {
    let c = ISO.as_ref()?.captures(s)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)?;
    let Some(h) = n(4) else {
        return Some(pub_date(s, date, None, None));
    };
    let time = NaiveTime::from_hms_opt(h, n(5)?, n(6).unwrap_or(0))?;
    let offset = if c.get(7).is_some() {
        FixedOffset::east_opt(0)
    } else if let Some(sign) = c.get(8) {
        let secs = i32::try_from(n(9)? * 3600 + n(10).unwrap_or(0) * 60).ok()?;
        let secs = if sign.as_str() == "-" { -secs } else { secs };
        Some(FixedOffset::east_opt(secs)?)
    } else {
        None
    };
    Some(pub_date(s, date, Some(time), offset))
}

fn rfc2822(s: &str) -> Option<PubDate> {
    let dt = chrono::DateTime::parse_from_rfc2822(s).ok()?;
    Some(pub_date(
        s,
        dt.date_naive(),
        Some(dt.time()),
        Some(*dt.offset()),
    ))
}

/// See `super::parse_machine_date`.
pub(crate) fn parse(s: &str) -> Option<PubDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(d) = iso(s).or_else(|| rfc2822(s)) {
        return Some(d);
    }
    let found = scan(s).into_iter().next()?;
    Some(PubDate {
        text: s.to_string(),
        ..found.date
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn off(h: i32, m: i32) -> Option<FixedOffset> {
        FixedOffset::east_opt(h * 3600 + h.signum() * m * 60)
    }

    #[rstest]
    #[case("2020-10-08T15:53:00+02:00", "2020-10-08", Some("15:53:00"), off(2, 0))]
    #[case("2020-10-08T15:53:00Z", "2020-10-08", Some("15:53:00"), off(0, 0))]
    #[case("2020-10-08T15:53:00", "2020-10-08", Some("15:53:00"), None)]
    #[case("2020-10-08 15:53", "2020-10-08", Some("15:53:00"), None)]
    #[case("2020-10-08", "2020-10-08", None, None)]
    #[case(
        "2020-10-08T15:53:00.123456+03:00",
        "2020-10-08",
        Some("15:53:00"),
        off(3, 0)
    )]
    #[case("2020-10-08T23:30:00-04:00", "2020-10-08", Some("23:30:00"), off(-4, 0))]
    #[case("2020-10-08T15:53:00+0530", "2020-10-08", Some("15:53:00"), off(5, 30))]
    #[case("  2020-10-08T15:53Z ", "2020-10-08", Some("15:53:00"), off(0, 0))]
    #[case(
        "Thu, 08 Oct 2020 15:53:00 +0200",
        "2020-10-08",
        Some("15:53:00"),
        off(2, 0)
    )]
    #[case(
        "Thu, 08 Oct 2020 15:53:00 GMT",
        "2020-10-08",
        Some("15:53:00"),
        off(0, 0)
    )]
    #[case("Thu, 08 Oct 2020 23:53:00 EDT", "2020-10-08", Some("23:53:00"), off(-4, 0))]
    #[case(
        "Thu, 8 Oct 2020 15:53:00 +0200",
        "2020-10-08",
        Some("15:53:00"),
        off(2, 0)
    )]
    #[case("الخميس 08 أكتوبر 2020", "2020-10-08", None, None)]
    #[case("نشر في: 14 صفر 1442هـ", "2020-10-01", None, None)]
    fn metadata(
        #[case] s: &str,
        #[case] date: &str,
        #[case] time: Option<&str>,
        #[case] offset: Option<FixedOffset>,
    ) {
        let d = parse(s).unwrap();
        assert_eq!(d.date.to_string(), date);
        assert_eq!(d.time.map(|t| t.to_string()).as_deref(), time);
        assert_eq!(d.offset, offset);
        assert_eq!(d.text, s.trim());
    }

    #[rstest]
    #[case("")]
    #[case("yesterday")]
    #[case("2020-13-08")]
    #[case("2020-02-30T10:00:00Z")]
    #[case("Thu, 32 Oct 2020 15:53:00 GMT")]
    fn not_dates(#[case] s: &str) {
        assert_eq!(parse(s), None);
    }
}
