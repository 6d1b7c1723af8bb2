//! Turning a format reader's [`Draft`] into an [`Article`]: what every format shares.
//! Fields are sanitized; credit lines at the edges of the body are taken out; a missing date
//! or source is looked for in the visible lines around the article; the folder's
//! `.khabar.toml` names the outlet; language, direction and the id are set.

use std::path::Path;

use crate::core::article::{Article, ArticleId, Format};
use crate::core::dates::find_dates;
use crate::core::load::meta::{self, CreditLine};
use crate::core::load::outlet;
use crate::core::load::{Draft, FormatError, LoadError};
use crate::core::sanitize::clean_line;
use crate::core::text::{detect_language, word_count};

/// Where a draft came from.
pub struct FileInfo<'a> {
    pub path: &'a Path,
    pub item: Option<usize>,
    pub format: Format,
    pub encoding: &'static str,
    /// Characters already removed when the whole file was sanitized.
    pub removed: usize,
    /// The file's text when it holds one article: hashed for the id.
    pub whole_text: Option<&'a str>,
    pub folder_source: Option<&'a str>,
}

/// Completes a draft. Fails only when nothing of an article is left.
pub fn finish(draft: Draft, file: &FileInfo<'_>) -> Result<Article, LoadError> {
    let mut removed = if file.item.is_some_and(|n| n > 0) {
        0
    } else {
        file.removed
    };
    let mut line = |s: Option<String>| -> Option<String> {
        let s = clean_line(s?);
        removed += s.removed;
        (!s.text.is_empty()).then_some(s.text)
    };
    let title = line(draft.title);
    let source = line(draft.source);
    let mut credit = line(draft.credit);
    let url = line(draft.url);
    let date_text = line(draft.date_text);
    let context: Vec<String> = draft
        .context
        .into_iter()
        .filter_map(|c| line(Some(c)))
        .collect();
    // The words of each paragraph, counted by the reader when it could.
    let known_words = Some(draft.paragraph_words)
        .filter(|w| w.len() == draft.paragraphs.len())
        .unwrap_or_default();
    let mut paragraphs = Vec::with_capacity(draft.paragraphs.len());
    let mut words = Vec::with_capacity(draft.paragraphs.len());
    for (k, p) in draft.paragraphs.into_iter().enumerate() {
        let s = clean_line(p);
        removed += s.removed;
        if s.text.is_empty() {
            continue;
        }
        // Cleaning that removed nothing changed only spaces, which leaves the words as they
        // were counted.
        words.push(match known_words.get(k) {
            Some(&n) if s.removed == 0 => n,
            _ => word_count(&s.text),
        });
        paragraphs.push(s.text);
    }

    // Credit lines at either end of the body are metadata, not text.
    take_credit_lines(&mut paragraphs, &mut words, &mut credit);
    if credit.is_none() {
        credit = paragraphs.first().and_then(|p| meta::wire_credit(p));
    }
    // A dateline or dated byline opening the body is metadata: it joins the context, where
    // the date and outlet are looked for.
    let mut context = context;
    let leading = paragraphs
        .iter()
        .take(paragraphs.len().saturating_sub(1))
        .take_while(|p| meta::is_dateline(p, &find_dates(p)))
        .count();
    context.splice(0..0, paragraphs.drain(..leading));
    words.drain(..leading);

    let mut date = draft.date;
    if date.is_none() {
        date = date_text
            .as_deref()
            .and_then(|t| find_dates(t).into_iter().next())
            .map(|f| f.date);
    }
    let context_refs: Vec<&str> = context.iter().map(String::as_str).collect();
    let mut dateline = None;
    if date.is_none() {
        let dates: Vec<_> = context_refs.iter().map(|l| find_dates(l)).collect();
        let candidates = meta::date_candidates(&context_refs, &dates, 0..context_refs.len(), None);
        if let Some((i, d)) = meta::best_date(candidates) {
            dateline = dates[i].first().map(|f| (i, f.start));
            date = Some(d);
        }
    }
    let source = file
        .folder_source
        .map(str::to_string)
        .or(source)
        .or_else(|| {
            let (i, start) = dateline?;
            outlet::outlet_before_date(context_refs[i], start)
        });

    let title = match title {
        Some(t) => t,
        None => fallback_title(&paragraphs).ok_or_else(|| {
            FormatError::Empty("neither a title nor any body text was found".into())
        })?,
    };
    let (mut lang, direction) = detect_language(&language_sample(&title, &paragraphs));
    if lang == "und"
        && let Some(declared) = draft.lang.as_deref()
    {
        lang = declared
            .split(['-', '_'])
            .next()
            .unwrap_or("und")
            .to_ascii_lowercase();
    }
    let id = match file.whole_text {
        Some(text) => ArticleId::of_content(text.trim()),
        None => ArticleId::of_content(&format!(
            "{}\n{}\n{}",
            title,
            url.as_deref().unwrap_or(""),
            paragraphs.join("\n")
        )),
    };
    Ok(Article {
        id,
        path: file.path.to_path_buf(),
        item: file.item,
        format: file.format,
        encoding: crate::core::article::EncodingName(file.encoding),
        title,
        source,
        credit,
        date,
        url,
        lang,
        direction,
        words: words.iter().sum(),
        paragraphs,
        removed_controls: removed,
    })
}

/// The title and the first paragraphs, about a thousand bytes: plenty to tell a language.
/// A paragraph that runs on is cut at [`SAMPLE_MAX`] bytes: one paragraph can be a whole
/// book, and more of it says nothing more about its language.
fn language_sample(title: &str, paragraphs: &[String]) -> String {
    let mut sample = String::with_capacity(SAMPLE_MAX);
    sample.push_str(head(title, SAMPLE_MAX));
    for p in paragraphs {
        if sample.len() > 1000 || sample.len() >= SAMPLE_MAX {
            break;
        }
        sample.push(' ');
        sample.push_str(head(p, SAMPLE_MAX - sample.len()));
    }
    sample
}

/// Most bytes of a language sample.
const SAMPLE_MAX: usize = 8 * 1024;

/// The longest start of `s` of at most `max` bytes that ends on a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Removes credit lines from the first two and last three paragraphs (and their word
/// counts, `words`), keeping the first agency named when the reader found none.
fn take_credit_lines(
    paragraphs: &mut Vec<String>,
    words: &mut Vec<usize>,
    credit: &mut Option<String>,
) {
    let n = paragraphs.len();
    let mut kept = Vec::with_capacity(n);
    let mut kept_words = Vec::with_capacity(n);
    for (i, (p, w)) in paragraphs.drain(..).zip(words.drain(..)).enumerate() {
        let edge = i < 2 || i + 3 >= n;
        match edge.then(|| meta::credit_line(&p)).flatten() {
            Some(CreditLine::Agency(who)) => {
                credit.get_or_insert(who);
            }
            Some(CreditLine::Media) => {}
            None => {
                kept.push(p);
                kept_words.push(w);
            }
        }
    }
    *paragraphs = kept;
    *words = kept_words;
}

/// A title for an article that has none: the start of its first paragraph.
fn fallback_title(paragraphs: &[String]) -> Option<String> {
    let first = paragraphs.first()?;
    let sentence = first
        .split_inclusive(['.', '؟', '?', '!'])
        .next()
        .unwrap_or(first);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    Some(if words.len() > 14 {
        format!("{}…", words[..12].join(" "))
    } else {
        sentence.trim().to_string()
    })
}
