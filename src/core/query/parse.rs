//! Reading query text into terms: cutting it into tokens at unquoted spaces (quotes and
//! their `\"` `\\` escapes undone, each character remembering whether it was quoted), then
//! reading each token as an exclusion, a field or a free word, and the date forms shared by
//! `date:`, `since:`, `until:` and the TUI's date prompt ([`parse_range`]). The language
//! itself is described in the `query` module documentation.

use chrono::{Datelike, NaiveDate};

use super::{ANY_TAG, Kind, QueryError, Term, Text};
use crate::core::text::ascii_digits;

/// What `date:` accepts, for error messages.
pub(super) const RANGE_FORMS: &str = "a day (2020-10-08), a month (2020-10), a year (2020) or a range (2020-10-01..2020-10-09, 2020-10-01.. or ..2020-10-09)";
/// What `since:` and `until:` accept.
pub(super) const DAY_FORMS: &str = "a day (2020-10-08), a month (2020-10) or a year (2020)";

/// One character of a token, and whether it stood inside quotes.
#[derive(Debug, Clone, Copy)]
struct Ch {
    c: char,
    quoted: bool,
}

/// A run of text up to an unquoted space: as written, and as characters with quotes undone.
struct Token<'a> {
    written: &'a str,
    chars: Vec<Ch>,
}

/// The terms of `text`, in order.
pub(super) fn terms(text: &str) -> Result<Vec<Term>, QueryError> {
    tokens(text)?.iter().map(term).collect()
}

fn tokens(text: &str) -> Result<Vec<Token<'_>>, QueryError> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    loop {
        while it.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = it.peek() else {
            return Ok(out);
        };
        let mut chars = Vec::new();
        let mut quoted = false;
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if c.is_whitespace() && !quoted {
                end = i;
                break;
            }
            it.next();
            match c {
                '"' => quoted = !quoted,
                '\\' if quoted => {
                    let escaped = it.next_if(|&(_, n)| matches!(n, '"' | '\\'));
                    chars.push(Ch {
                        c: escaped.map_or(c, |(_, n)| n),
                        quoted,
                    });
                }
                _ => chars.push(Ch { c, quoted }),
            }
        }
        if quoted {
            return Err(QueryError::Unterminated {
                token: text[start..].trim_end().to_string(),
            });
        }
        out.push(Token {
            written: &text[start..end],
            chars,
        });
    }
}

fn term(token: &Token<'_>) -> Result<Term, QueryError> {
    let mut chars = token.chars.as_slice();
    let negated = matches!(
        chars.first(),
        Some(Ch {
            c: '-',
            quoted: false
        })
    );
    if negated {
        chars = &chars[1..];
        if token.written == "-" {
            return Err(QueryError::LoneDash);
        }
    }
    let written = || token.written.to_string();
    if let Some((field, value)) = field_of(chars) {
        let kind = match field.as_str() {
            "source" | "date" | "since" | "until" | "lang" | "tag"
                if text_of(value).trim().is_empty() =>
            {
                return Err(QueryError::EmptyValue {
                    field,
                    token: written(),
                });
            }
            "source" => {
                let mut names = Vec::new();
                for piece in split_commas(value) {
                    if piece.trim().is_empty() {
                        return Err(QueryError::EmptyValue {
                            field,
                            token: written(),
                        });
                    }
                    names.push(
                        Text::new(&piece)
                            .ok_or_else(|| QueryError::NothingToFind { token: written() })?,
                    );
                }
                Some(Kind::Source(names))
            }
            "date" => {
                let (since, until) = parse_range(&text_of(value))?;
                Some(Kind::Date { since, until })
            }
            "since" | "until" => {
                let text = text_of(value);
                let (first, last) = point(&text).ok_or_else(|| QueryError::BadDate {
                    text: text.trim().to_string(),
                    expected: DAY_FORMS,
                })?;
                Some(match field.as_str() {
                    "since" => Kind::Date {
                        since: Some(first),
                        until: None,
                    },
                    _ => Kind::Date {
                        since: None,
                        until: Some(last),
                    },
                })
            }
            "lang" => Some(Kind::Lang(languages(&field, value, token)?)),
            "tag" => Some(Kind::Tag(labels(&field, value, token)?)),
            // A URL is a word: its scheme is not a field.
            _ if value.len() >= 2 && value[..2].iter().all(|ch| ch.c == '/') => None,
            _ => {
                return Err(QueryError::UnknownField {
                    field,
                    token: written(),
                });
            }
        };
        if let Some(kind) = kind {
            return Ok(Term { negated, kind });
        }
    }
    let word =
        Text::new(&text_of(chars)).ok_or_else(|| QueryError::NothingToFind { token: written() })?;
    Ok(Term {
        negated,
        kind: Kind::Word(word),
    })
}

/// A `name:value` token's field name (lower case) and value: the name is the unquoted ASCII
/// letters before the first unquoted colon.
fn field_of(chars: &[Ch]) -> Option<(String, &[Ch])> {
    let colon = chars.iter().position(|ch| ch.c == ':' && !ch.quoted)?;
    let name = &chars[..colon];
    let letters = !name.is_empty()
        && name
            .iter()
            .all(|ch| !ch.quoted && ch.c.is_ascii_alphabetic());
    letters.then(|| {
        let field = name.iter().map(|ch| ch.c.to_ascii_lowercase()).collect();
        (field, &chars[colon + 1..])
    })
}

fn text_of(chars: &[Ch]) -> String {
    chars.iter().map(|ch| ch.c).collect()
}

/// The pieces of a value between unquoted commas.
fn split_commas(value: &[Ch]) -> Vec<String> {
    value
        .split(|ch| ch.c == ',' && !ch.quoted)
        .map(text_of)
        .collect()
}

/// The language codes of a `lang:` value, lower case.
fn languages(field: &str, value: &[Ch], token: &Token<'_>) -> Result<Vec<String>, QueryError> {
    let mut codes = Vec::new();
    for piece in split_commas(value) {
        let code = piece.trim();
        if code.is_empty() {
            return Err(QueryError::EmptyValue {
                field: field.to_string(),
                token: token.written.to_string(),
            });
        }
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(QueryError::BadLang {
                value: code.to_string(),
            });
        }
        let code = code.to_ascii_lowercase();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// The labels of a `tag:` value, lower case (Unicode), each once; `*` anywhere among them
/// stands for any tag, so the list is then `*` alone.
fn labels(field: &str, value: &[Ch], token: &Token<'_>) -> Result<Vec<String>, QueryError> {
    let mut labels = Vec::new();
    for piece in split_commas(value) {
        let label = piece.trim().to_lowercase();
        if label.is_empty() {
            return Err(QueryError::EmptyValue {
                field: field.to_string(),
                token: token.written.to_string(),
            });
        }
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if labels.iter().any(|l| l == ANY_TAG) {
        labels = vec![ANY_TAG.to_string()];
    }
    Ok(labels)
}

/// How to write a field's value, for the message about an empty one.
pub(super) fn example(field: &str) -> &'static str {
    match field {
        "source" => "write source:NAME, source:\"two words\" or source:A,B",
        "date" => "write date:2020-10-08, date:2020-10 or date:2020-10-01..2020-10-09",
        "since" => "write since:2020-10-01",
        "until" => "write until:2020-10-31",
        "lang" => "write lang:ar or lang:ar,en",
        "tag" => "write tag:disputed, tag:disputed,false or tag:* (any tag)",
        _ => "write a value right after the colon",
    }
}

/// Parses a date range as the TUI's date prompt and `date:` accept:
/// `2020-10-01..2020-10-09`, `2020-10-01..`, `..2020-10-09`, one day `2020-10-08`, a month
/// `2020-10` (the whole month), a year `2020` (the whole year), Arabic-Indic digits too.
/// Either end may itself be a month or year (`2020-09..2020-10` is September and October).
/// A blank text is no range, `(None, None)`. An error for a start after the end.
pub fn parse_range(text: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), QueryError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok((None, None));
    }
    let bad = |piece: &str| QueryError::BadDate {
        text: piece.trim().to_string(),
        expected: RANGE_FORMS,
    };
    let (from, to) = match text.split_once("..") {
        None => {
            let (first, last) = point(text).ok_or_else(|| bad(text))?;
            (Some(first), Some(last))
        }
        Some((left, right)) => {
            let (left, right) = (left.trim(), right.trim());
            if left.is_empty() && right.is_empty() {
                return Err(bad(text));
            }
            let end = |piece: &str, last: bool| -> Result<Option<NaiveDate>, QueryError> {
                if piece.is_empty() {
                    return Ok(None);
                }
                let (first, end) = point(piece).ok_or_else(|| bad(piece))?;
                Ok(Some(if last { end } else { first }))
            };
            (end(left, false)?, end(right, true)?)
        }
    };
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(QueryError::Backwards {
            text: text.to_string(),
            from,
            to,
        });
    }
    Ok((from, to))
}

/// The first and last day of `2020-10-08`, `2020-10` or `2020` (any digits).
fn point(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let text = ascii_digits(text.trim());
    let mut parts = text.split('-');
    let number = |p: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = i32::try_from(number(parts.next()?, 4..=4)?).ok()?;
    let month = parts.next().map(|m| number(m, 1..=2));
    let day = parts.next().map(|d| number(d, 1..=2));
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (None, _) => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, m?, 1)?;
            Some((first, month_end(first)?))
        }
        (Some(m), Some(d)) => {
            let day = NaiveDate::from_ymd_opt(year, m?, d?)?;
            Some((day, day))
        }
    }
}

/// The last day of the month `first` is in.
pub(super) fn month_end(first: NaiveDate) -> Option<NaiveDate> {
    let (year, month) = match first.month() {
        12 => (first.year() + 1, 1),
        m => (first.year(), m + 1),
    };
    NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()
}
