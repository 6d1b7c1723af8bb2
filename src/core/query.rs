//! The query language of the reader's filter prompt and `khabar list --query`: what a
//! [`Query`] holds, how it matches an article, how it prints back, and the accessors the
//! TUI's pickers use. Reading the text is `query/parse.rs`; folding and substring search
//! are `search`.
//!
//! | term | matches |
//! |---|---|
//! | `word`, `"a phrase"` | the folded word or phrase anywhere in the title or body (a substring: `الرئيس` finds «والرئيس») |
//! | `source:NAME`, `source:"two words"`, `source:A,B` | the source or credit contains NAME (folded, any case), or A or B |
//! | `date:2020-10-01..2020-10-09`, `date:2020-10-01..`, `date:..2020-10-09`, `date:2020-10-08`, `date:2020-10`, `date:2020` | published in that range (whole days, months, years) |
//! | `since:DATE`, `until:DATE` | published on or after the start of DATE / on or before its end |
//! | `lang:ar`, `lang:ar,en` | the article's ISO 639-1 language code |
//! | `tag:LABEL`, `tag:A,B` | the article has a tag labelled LABEL (any case, the whole label), or A or B |
//! | `tag:*`, `-tag:*` | the article has any tag / has none |
//! | `-TERM` | any of the above, excluded |
//!
//! Terms are separated by spaces and must all hold. Field names are read without regard to
//! case; dates may use Arabic-Indic digits. A date term never matches an undated article,
//! so `-date:2020-10` keeps undated articles (`-TERM` is exactly "not TERM"). Tags are not
//! part of an article: whoever calls [`Query::matches`] passes the article's labels (from a
//! `TagBook`), and need only load them when [`Query::needs_tags`] says so.
//!
//! Quotes group spaces, commas and colons into one value; inside quotes `\"` is a quote and
//! `\\` a backslash. A `name:` prefix of ASCII letters names a field, and an unknown name is
//! an error (so a typo such as `sorce:x` never silently searches for the text), except
//! before `//`: `https://example.com` is a word, as a URL would be. Any other word with a
//! colon is searched for as it stands when the part before the colon is not letters
//! (`10:30`, «روسيا:»), or can be put in quotes (`"note:"`).

mod parse;

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::core::article::Article;
use crate::core::search::{Needle, SearchDoc};

pub use parse::parse_range;

/// A parsed query: terms that must all hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
}

/// One term, perhaps negated.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    negated: bool,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A free word or phrase: the title or body contains it.
    Word(Text),
    /// The source or credit contains any of these.
    Source(Vec<Text>),
    /// Published within these days (inclusive); an undated article never matches.
    Date {
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    },
    /// The article's language is one of these codes (lower case).
    Lang(Vec<String>),
    /// The article has a tag with one of these labels (lower case, each once), or with any
    /// label when the list is [`ANY_TAG`] alone.
    Tag(Vec<String>),
}

/// The value of `tag:*`: any tag. No label can be it (labels are letters, digits, `-`, `_`).
const ANY_TAG: &str = "*";

/// A value as the user wrote it (spaces squashed), and its folded needle.
#[derive(Debug, Clone, PartialEq)]
struct Text {
    raw: String,
    needle: Needle,
}

impl Text {
    fn new(raw: &str) -> Option<Text> {
        let raw = crate::core::text::squash_spaces(raw);
        let needle = Needle::new(&raw)?;
        Some(Text { raw, needle })
    }
}

/// Why a query could not be read. Every message quotes what was wrong and says what is
/// accepted instead.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum QueryError {
    #[error(
        "unknown field '{field}:' in '{token}': the fields are source:, date:, since:, until:, lang: and tag: (to search for the text itself, put it in quotes)"
    )]
    UnknownField { field: String, token: String },
    #[error("'{token}' has no value: {}", parse::example(field))]
    EmptyValue { field: String, token: String },
    #[error("'{text}' is not a date: write {expected}")]
    BadDate {
        text: String,
        expected: &'static str,
    },
    #[error(
        "the range '{text}' starts on {from}, after it ends on {to}: put the earlier day first"
    )]
    Backwards {
        text: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("'{token}' opens a quote that is never closed: add the closing \"")]
    Unterminated { token: String },
    #[error(
        "'{value}' is not a language code: write a two-letter ISO 639-1 code, as in lang:ar or lang:en"
    )]
    BadLang { value: String },
    #[error(
        "'-' on its own excludes nothing: put what to exclude right after it (-word, -source:NAME)"
    )]
    LoneDash,
    #[error("'{token}' has nothing to search for once harakat, tatweel and spaces are set aside")]
    NothingToFind { token: String },
}

impl Query {
    /// Reads a query (see the module documentation for the language). An empty or blank
    /// text is the empty query, which matches everything.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        Ok(Query {
            terms: parse::terms(text)?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the article matches every term. `doc` is its folded form; `labels` are the
    /// labels of its tags, lower case (as `TagBook::labels_of` gives them; only read when
    /// [`Query::needs_tags`], so `&[]` will do otherwise). Allocates nothing: the query was
    /// folded when it was parsed.
    pub fn matches(&self, article: &Article, doc: &SearchDoc, labels: &[String]) -> bool {
        self.terms
            .iter()
            .all(|t| t.kind.holds(article, doc, labels) != t.negated)
    }

    /// Whether any term reads the article's tags (`tag:`, wanted or excluded): only then must
    /// the caller load the tag journal and pass each article's labels to [`Query::matches`].
    pub fn needs_tags(&self) -> bool {
        self.terms.iter().any(|t| matches!(t.kind, Kind::Tag(_)))
    }

    /// Whether any term reads the body (a free word or phrase, wanted or excluded): an
    /// article whose body is pending must have it loaded before it can be judged.
    pub fn needs_bodies(&self) -> bool {
        self.terms.iter().any(|t| matches!(t.kind, Kind::Word(_)))
    }

    /// Folded positive free words and phrases, for highlighting matches in the body.
    pub fn highlight_needles(&self) -> Vec<Needle> {
        self.terms
            .iter()
            .filter_map(|t| match &t.kind {
                Kind::Word(w) if !t.negated => Some(w.needle.clone()),
                _ => None,
            })
            .collect()
    }

    /// The source names the query requires (any of them: an OR inside one `source:` term),
    /// as written, for the TUI's source picker. With several `source:` terms (all required)
    /// their names are listed together.
    pub fn sources(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for t in self.terms.iter().filter(|t| !t.negated) {
            if let Kind::Source(list) = &t.kind {
                for n in list {
                    if !names.contains(&n.raw) {
                        names.push(n.raw.clone());
                    }
                }
            }
        }
        names
    }

    /// Replaces every positive `source:` term by one term accepting any of `names` (none: no
    /// source term). The new term takes the place of the first one replaced (else goes
    /// last); names that fold to nothing are dropped. Excluded sources stay.
    pub fn set_sources(&mut self, names: Vec<String>) {
        let mut list: Vec<Text> = Vec::new();
        for name in names.iter().filter_map(|n| Text::new(n)) {
            if !list.iter().any(|t| t.raw == name.raw) {
                list.push(name);
            }
        }
        let is_source = |t: &Term| !t.negated && matches!(t.kind, Kind::Source(_));
        let term = (!list.is_empty()).then_some(Term {
            negated: false,
            kind: Kind::Source(list),
        });
        self.replace(is_source, term);
    }

    /// The date range the query requires (combining `date:`, `since:` and `until:`: the
    /// latest start and the earliest end). Excluded ranges are not part of it.
    pub fn range(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let (mut from, mut to) = (None, None);
        for t in self.terms.iter().filter(|t| !t.negated) {
            if let Kind::Date { since, until } = t.kind {
                from = from.max(since);
                to = match (to, until) {
                    (Some(a), Some(b)) => Some(std::cmp::min(a, b)),
                    (a, b) => a.or(b),
                };
            }
        }
        (from, to)
    }

    /// Replaces all date terms (excluded ones too) by this range (None, None: no date term).
    /// A backwards range is turned around. The new term takes the place of the first one
    /// replaced (else goes last).
    pub fn set_range(&mut self, since: Option<NaiveDate>, until: Option<NaiveDate>) {
        let (since, until) = match (since, until) {
            (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
            other => other,
        };
        let term = (since.is_some() || until.is_some()).then_some(Term {
            negated: false,
            kind: Kind::Date { since, until },
        });
        self.replace(|t| matches!(t.kind, Kind::Date { .. }), term);
    }

    /// Removes the terms `which` selects and puts `term` where the first of them was.
    fn replace(&mut self, which: impl Fn(&Term) -> bool, term: Option<Term>) {
        let at = self.terms.iter().position(&which);
        self.terms.retain(|t| !which(t));
        if let Some(term) = term {
            let at = at.unwrap_or(self.terms.len()).min(self.terms.len());
            self.terms.insert(at, term);
        }
    }
}

impl Kind {
    fn holds(&self, article: &Article, doc: &SearchDoc, labels: &[String]) -> bool {
        match self {
            Kind::Word(w) => w.needle.is_in(doc),
            Kind::Source(names) => names.iter().any(|n| n.needle.is_in_source(doc)),
            Kind::Date { since, until } => article.date.as_ref().is_some_and(|d| {
                since.is_none_or(|s| d.date >= s) && until.is_none_or(|u| d.date <= u)
            }),
            Kind::Lang(codes) => codes.iter().any(|c| article.lang.eq_ignore_ascii_case(c)),
            Kind::Tag(wanted) => wanted.iter().any(|w| {
                if w == ANY_TAG {
                    !labels.is_empty()
                } else {
                    labels.contains(w)
                }
            }),
        }
    }
}

impl std::str::FromStr for Query {
    type Err = QueryError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Query::parse(s)
    }
}

/// The canonical text: `Query::parse(&q.to_string()) == Ok(q)`. Values are quoted only
/// when they must be; dates print as `since:`/`until:`, or `date:` for a closed range
/// (a whole month or year in its short form).
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, t) in self.terms.iter().enumerate() {
            if n > 0 {
                f.write_str(" ")?;
            }
            if t.negated {
                f.write_str("-")?;
            }
            match &t.kind {
                Kind::Word(w) => write_value(f, &w.raw, false)?,
                Kind::Source(names) => {
                    f.write_str("source:")?;
                    for (i, name) in names.iter().enumerate() {
                        if i > 0 {
                            f.write_str(",")?;
                        }
                        write_value(f, &name.raw, true)?;
                    }
                }
                Kind::Date { since, until } => write_range(f, *since, *until)?,
                Kind::Lang(codes) => write!(f, "lang:{}", codes.join(","))?,
                Kind::Tag(labels) => {
                    f.write_str("tag:")?;
                    for (i, label) in labels.iter().enumerate() {
                        if i > 0 {
                            f.write_str(",")?;
                        }
                        write_value(f, label, true)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Writes a value bare when it reads back the same, else quoted with `\"` and `\\`.
fn write_value(f: &mut fmt::Formatter<'_>, raw: &str, in_field: bool) -> fmt::Result {
    let special =
        |c: char| c.is_whitespace() || c == '"' || if in_field { c == ',' } else { c == ':' };
    let bare = !raw.is_empty() && !raw.contains(special) && (in_field || !raw.starts_with('-'));
    if bare {
        return f.write_str(raw);
    }
    f.write_str("\"")?;
    for c in raw.chars() {
        if matches!(c, '"' | '\\') {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

fn write_range(
    f: &mut fmt::Formatter<'_>,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> fmt::Result {
    let day = |d: NaiveDate| d.format("%Y-%m-%d");
    match (since, until) {
        (Some(a), Some(b)) if a == b => write!(f, "date:{}", day(a)),
        (Some(a), Some(b)) if a.day() == 1 && Some(b) == parse::month_end(a) => {
            write!(f, "date:{}", a.format("%Y-%m"))
        }
        (Some(a), Some(b))
            if a.ordinal() == 1 && b == NaiveDate::from_ymd_opt(a.year(), 12, 31).unwrap_or(a) =>
        {
            write!(f, "date:{:04}", a.year())
        }
        (Some(a), Some(b)) => write!(f, "date:{}..{}", day(a), day(b)),
        (Some(a), None) => write!(f, "since:{}", day(a)),
        (None, Some(b)) => write!(f, "until:{}", day(b)),
        // Never built: parsing and `set_range` make no unbounded date term.
        (None, None) => Ok(()),
    }
}

#[cfg(test)]
mod tests;
