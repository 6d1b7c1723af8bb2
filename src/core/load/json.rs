//! JSON and JSON Lines article dumps: one object, an array of objects, or an object wrapping
//! an array (`articles` in NewsAPI dumps, `items`, `data`, `results`, `posts`, `entries`).
//! Field names are matched case-insensitively and without `_`/`-`, so `published_at`,
//! `publishedAt` and `PublishedAt` are the same field.

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use super::draft::{Draft, FormatError};
use super::html::text_to_paragraphs;
use crate::core::dates::{Calendar, PubDate, parse_machine_date};
use crate::core::text::squash_spaces;

const TITLE: &[&str] = &["title", "headline", "name"];
const SOURCE: &[&str] = &["source", "publisher", "site", "sitename", "outlet", "feed"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "pubdate",
    "datepublished",
    "createdat",
    "time",
    "timestamp",
];
const BODY: &[&str] = &[
    "body",
    "text",
    "content",
    "article",
    "articlebody",
    "fulltext",
    "description",
    "summary",
];
const URL: &[&str] = &["url", "link", "permalink", "canonicalurl"];
const CREDIT: &[&str] = &["credit", "agency"];
const WRAPPERS: &[&str] = &["articles", "items", "data", "results", "posts", "entries"];

/// Reads a JSON file of articles. Objects with neither title nor body are skipped; when
/// nothing is left the file is [`FormatError::Empty`].
pub fn parse(text: &str) -> Result<Vec<Draft>, FormatError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::Json(e.to_string()))?;
    let objects: Vec<&Map<String, Value>> = match &value {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(o) => match wrapped(o) {
            Some(items) => items.iter().filter_map(Value::as_object).collect(),
            None => vec![o],
        },
        _ => Vec::new(),
    };
    let drafts: Vec<Draft> = objects.into_iter().filter_map(draft).collect();
    if drafts.is_empty() {
        return Err(FormatError::Empty(
            "no object with a title or a body".into(),
        ));
    }
    Ok(drafts)
}

/// Reads JSON Lines: one article object per non-blank line. A bad line is an error naming
/// its line number; the other lines still load.
pub fn parse_lines(text: &str) -> Vec<Result<Draft, FormatError>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let n = i + 1;
            let value: Value = serde_json::from_str(line)
                .map_err(|e| FormatError::Json(format!("line {n}: {e}")))?;
            let obj = value
                .as_object()
                .ok_or_else(|| FormatError::Json(format!("line {n}: not an object")))?;
            draft(obj).ok_or_else(|| FormatError::Empty(format!("line {n}: no title and no body")))
        })
        .collect()
}

/// The array of articles an object wraps, if it is a wrapper rather than an article.
fn wrapped(o: &Map<String, Value>) -> Option<&Vec<Value>> {
    if field(o, TITLE).is_some() || field(o, BODY).is_some_and(|b| !b.is_array()) {
        return None;
    }
    field(o, WRAPPERS).and_then(Value::as_array)
}

fn norm_key(k: &str) -> String {
    k.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value of the first of `names` present (names in priority order, normalized).
fn field<'a>(o: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        o.iter()
            .find(|(k, v)| norm_key(k) == *n && !v.is_null())
            .map(|(_, v)| v)
    })
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(squash_spaces(s)).filter(|s| !s.is_empty()),
        Value::Object(o) => field(o, &["name", "title"]).and_then(string),
        Value::Array(a) => a.iter().find_map(string),
        _ => None,
    }
}

fn draft(o: &Map<String, Value>) -> Option<Draft> {
    let title = field(o, TITLE).and_then(string);
    let paragraphs = field(o, BODY).map(body).unwrap_or_default();
    if title.is_none() && paragraphs.is_empty() {
        return None;
    }
    let (date, date_text) = match field(o, DATE) {
        Some(Value::String(s)) if !s.trim().is_empty() => match parse_machine_date(s) {
            Some(d) => (Some(d), None),
            None => (None, Some(s.trim().to_string())),
        },
        Some(Value::Number(n)) => match n.as_i64().and_then(from_timestamp) {
            Some(d) => (Some(d), None),
            None => (None, Some(n.to_string())),
        },
        _ => (None, None),
    };
    Some(Draft {
        title,
        source: field(o, SOURCE).and_then(string),
        credit: field(o, CREDIT).and_then(string),
        date,
        date_text,
        url: field(o, URL).and_then(string),
        paragraphs,
        paragraph_words: Vec::new(),
        context: Vec::new(),
        lang: field(o, &["lang", "language"]).and_then(string),
    })
}

fn body(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => text_to_paragraphs(s),
        Value::Array(items) => items.iter().flat_map(body).collect(),
        _ => Vec::new(),
    }
}

/// A Unix timestamp in seconds, or milliseconds when it is too large for seconds, as a UTC
/// date.
fn from_timestamp(n: i64) -> Option<PubDate> {
    let secs = if n.abs() >= 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    let dt = DateTime::from_timestamp(secs, 0)?;
    let utc = FixedOffset::east_opt(0)?;
    Some(PubDate {
        date: dt.date_naive(),
        time: Some(dt.time()),
        offset: Some(utc),
        text: n.to_string(),
        calendar: Calendar::Gregorian,
        hijri: None,
        uncertain: false,
    })
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn day(d: &Draft) -> Option<String> {
        d.date.as_ref().map(|p| p.date.to_string())
    }

    #[test]
    fn single_object() -> Result<(), FormatError> {
        let d = parse(
            r#"{"Headline": "انخفاض أسعار النفط", "site_name": "الاقتصادية", "published_at": "2022-06-01T22:30:00+03:00",
                "article_body": "تراجعت أسعار النفط اليوم.\n\nوقال محللون إن الطلب ضعيف.", "Permalink": "https://example.org/o"}"#,
        )?;
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].title.as_deref(), Some("انخفاض أسعار النفط"));
        assert_eq!(d[0].source.as_deref(), Some("الاقتصادية"));
        assert_eq!(day(&d[0]).as_deref(), Some("2022-06-01"));
        assert_eq!(
            d[0].paragraphs,
            vec!["تراجعت أسعار النفط اليوم.", "وقال محللون إن الطلب ضعيف."]
        );
        assert_eq!(d[0].url.as_deref(), Some("https://example.org/o"));
        Ok(())
    }

    #[test]
    fn newsapi_wrapper_with_nested_source() -> Result<(), FormatError> {
        let d = parse(
            r#"{"status": "ok", "totalResults": 2, "articles": [
              {"source": {"id": null, "name": "سكاي نيوز عربية"}, "title": "قمة عربية في الرياض",
               "publishedAt": "2023-05-19T06:00:00Z", "content": "<p>تنطلق القمة &amp; الاجتماعات اليوم</p>"},
              {"source": {"name": "x"}, "url": "https://example.org/empty"}]}"#,
        )?;
        assert_eq!(d.len(), 1, "the object without title and body is skipped");
        assert_eq!(d[0].source.as_deref(), Some("سكاي نيوز عربية"));
        assert_eq!(d[0].paragraphs, vec!["تنطلق القمة & الاجتماعات اليوم"]);
        assert_eq!(day(&d[0]).as_deref(), Some("2023-05-19"));
        Ok(())
    }

    #[rstest]
    #[case::milliseconds(1_700_000_000_000_i64, "2023-11-14")]
    #[case::seconds(1_700_000_000_i64, "2023-11-14")]
    fn numeric_timestamps(#[case] ts: i64, #[case] expected: &str) -> Result<(), FormatError> {
        let d = parse(&format!(
            r#"[{{"title": "خبر", "timestamp": {ts}, "body": ["فقرة أولى", "فقرة ثانية"], "agency": "واس"}}]"#
        ))?;
        assert_eq!(day(&d[0]).as_deref(), Some(expected));
        assert_eq!(
            d[0].date
                .as_ref()
                .and_then(|p| p.offset)
                .map(|o| o.local_minus_utc()),
            Some(0)
        );
        assert_eq!(d[0].paragraphs, vec!["فقرة أولى", "فقرة ثانية"]);
        assert_eq!(d[0].credit.as_deref(), Some("واس"));
        Ok(())
    }

    #[test]
    fn invalid_json_names_line_and_column() {
        let r = parse("{\n  \"title\": \"خبر\",\n  \"body\": }");
        assert!(
            matches!(&r, Err(FormatError::Json(m)) if m.contains("line 3 column")),
            "{r:?}"
        );
    }

    #[test]
    fn nothing_usable_is_empty() {
        assert!(matches!(
            parse(r#"[{"url": "x"}, 3]"#),
            Err(FormatError::Empty(_))
        ));
    }

    #[test]
    fn json_lines_with_a_bad_line() {
        let r =
            parse_lines("{\"title\": \"أول\", \"text\": \"نص\"}\n\n{bad\n{\"title\": \"ثالث\"}\n");
        assert_eq!(r.len(), 3);
        assert!(matches!(&r[0], Ok(d) if d.title.as_deref() == Some("أول")));
        assert!(
            matches!(&r[1], Err(FormatError::Json(m)) if m.starts_with("line 3:")),
            "{:?}",
            r[1]
        );
        assert!(matches!(&r[2], Ok(d) if d.title.as_deref() == Some("ثالث")));
    }
}
