//! Scraped plain text: the whole visible text of a news page, one block per line, with
//! mastheads, menus, tickers, share bars, related lists and comment boxes around the article.
//! The body is chosen by `boiler`; the headline is the line above the body that the body
//! talks about; the date is the one beside the headline; the outlet comes from the dateline,
//! a masthead or a site line; the credit from a credit line.

use rustc_hash::FxHashSet;

use crate::core::dates::{FoundDate, find_dates};
use crate::core::load::boiler::{self, Class, LineInfo};
use crate::core::load::meta::{self, CreditLine};
use crate::core::load::outlet;
use crate::core::load::{Draft, FormatError};
use crate::core::text::{fold_arabic, is_arabic_letter, is_word_char, word_count, words};

/// Reads a scraped page.
pub fn parse(text: &str) -> Result<Draft, FormatError> {
    let lines: Vec<&str> = split_lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(FormatError::Empty("the file holds no text".into()));
    }
    let arabic = is_mostly_arabic(text.as_bytes());

    let mut infos: Vec<LineInfo> = lines.iter().map(|l| boiler::judge(l)).collect();
    // Credit lines are short: only those are read for one.
    let credits: Vec<Option<CreditLine>> = lines
        .iter()
        .zip(&infos)
        .map(|(l, info)| (info.words <= 10).then(|| meta::credit_line(l)).flatten())
        .collect();
    let dates: Vec<Vec<FoundDate>> = lines.iter().map(|l| find_dates(l)).collect();
    for (i, info) in infos.iter_mut().enumerate() {
        if credits[i].is_some() || meta::is_dateline(lines[i], &dates[i]) {
            info.class = Class::Bad;
        }
    }
    let page = Page {
        text,
        lines: &lines,
        dates: &dates,
        infos: &infos,
        credits: &credits,
        arabic,
    };

    let mut body = boiler::select_body(&infos);
    if body.is_empty() {
        // Short-sentence copy (a brief, a bulletin): no line is long enough to be sure of,
        // so every complete sentence of five words or more counts as prose.
        let relaxed: Vec<LineInfo> = infos
            .iter()
            .enumerate()
            .map(|(i, info)| {
                let mut info = info.clone();
                let metadata = page.is_metadata(i);
                if !metadata
                    && info.ends_sentence
                    && info.words >= 5
                    && !info.link_like
                    && info.end_marker.is_none()
                {
                    info.class = Class::Good;
                }
                info
            })
            .collect();
        body = boiler::select_body(&relaxed);
    }
    if body.is_empty() {
        // Too little prose for the rules (a brief, a note): everything but the first line
        // and the obvious boilerplate.
        body = (1..lines.len())
            .filter(|&i| {
                !infos[i].link_like && infos[i].end_marker.is_none() && credits[i].is_none()
            })
            .collect();
    }
    let body_start = body.first().copied().unwrap_or(lines.len());
    let body_end = body.last().copied().unwrap_or(0);

    let title_line = pick_title(&page, &body, body_start);
    let date = pick_date(&page, body_start, body_end, title_line);
    let date_line = date.as_ref().map(|d| d.0);
    let source = pick_source(&page, date_line, title_line, body_end);
    let credit = credits.iter().find_map(|c| match c {
        Some(CreditLine::Agency(who)) => Some(who.clone()),
        _ => None,
    });

    let title = title_line.map(|i| lines[i].to_string());
    // The headline repeated in the body is said once. Folding only lines of about its length.
    let folded_title = title.as_deref().map(|t| (t.len(), fold_arabic(t)));
    let repeats_title = |line: &str| {
        folded_title.as_ref().is_some_and(|(len, t)| {
            line.len().abs_diff(*len) * 5 <= *len && fold_arabic(line) == *t
        })
    };
    let kept: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&i| Some(i) != title_line && Some(i) != date.as_ref().map(|d| d.0))
        .filter(|&i| !repeats_title(lines[i]))
        .collect();
    Ok(Draft {
        title,
        source,
        credit,
        date: date.map(|(_, d)| d),
        paragraphs: kept.iter().map(|&i| lines[i].to_string()).collect(),
        paragraph_words: kept.iter().map(|&i| infos[i].words).collect(),
        ..Draft::default()
    })
}

/// The lines of `text`, as [`str::lines`] gives them, found with the SIMD `memchr`.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.filter_map(move |end| {
        let line = text.get(start..end)?;
        start = end + 1;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Mostly Arabic script or mostly Latin? Counted on bytes: Arabic-block characters start with
/// 0xD8–0xDB in UTF-8. Chunks of 255 bytes are summed in bytes, which vectorises.
fn is_mostly_arabic(bytes: &[u8]) -> bool {
    let (mut arabic_chars, mut latin_letters) = (0usize, 0usize);
    for chunk in bytes.chunks(255) {
        let (mut a, mut l) = (0u8, 0u8);
        for &b in chunk {
            a += u8::from(b.wrapping_sub(0xD8) < 4);
            l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
        }
        arabic_chars += usize::from(a);
        latin_letters += usize::from(l);
    }
    arabic_chars > latin_letters
}

/// What is known of the page and each of its lines, computed once.
struct Page<'a> {
    text: &'a str,
    lines: &'a [&'a str],
    dates: &'a [Vec<FoundDate>],
    infos: &'a [LineInfo],
    credits: &'a [Option<CreditLine>],
    /// Mostly Arabic script (else mostly Latin).
    arabic: bool,
}

impl Page<'_> {
    /// A dateline or a timestamp: a date and little else.
    fn is_date_line(&self, i: usize) -> bool {
        meta::is_dateline(self.lines[i], &self.dates[i])
    }

    /// A credit line or a dateline: metadata, never article text.
    fn is_metadata(&self, i: usize) -> bool {
        self.credits[i].is_some() || self.is_date_line(i)
    }
}

/// The headline: a line above the body, neither menu, date nor credit, whose words the body
/// uses. Closer to the body and unpunctuated is better; a repeated line is a headline shown
/// twice.
fn pick_title(page: &Page<'_>, body: &[usize], body_start: usize) -> Option<usize> {
    let lines = page.lines;
    // Folded only if a line above the body is a candidate: the body may be one long line.
    let mut body_words = None;
    let mut best: Option<(f32, usize)> = None;
    let mut seen = FxHashSet::default();
    // How often each line above the body occurs there: a headline is often shown twice.
    let header = &lines[..body_start.min(lines.len())];
    let mut occurrences: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for line in header {
        *occurrences.entry(line).or_default() += 1;
    }
    for (i, &line) in header.iter().enumerate() {
        let info = &page.infos[i];
        if !seen.insert(line) {
            continue; // a repeat of an earlier line: keep the first
        }
        if info.link_like
            || info.end_marker.is_some()
            || page.is_metadata(i)
            || !(2..=40).contains(&info.words)
            || page.arabic && !line.chars().any(is_arabic_letter)
        {
            continue;
        }
        let body_words =
            body_words.get_or_insert_with(|| content_words(body.iter().take(3).map(|&i| lines[i])));
        let overlap = overlap(line, body_words);
        let mut score = overlap * 10.0;
        score += if line.ends_with('.') { -2.0 } else { 2.0 };
        let distance = (body_start - i) as f32;
        score += 3.0 - distance.min(8.0) / 2.0;
        if occurrences.get(line).is_some_and(|&n| n > 1) {
            score += 2.0;
        }
        if line.contains('!') {
            score -= 1.0;
        }
        if outlet::has_outlet_word(line) && overlap < 0.5 {
            score -= 4.0;
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Folded content words, with the article and conjunction prefixes taken off, for comparing a
/// headline with the body.
fn content_words<'a>(texts: impl IntoIterator<Item = &'a str>) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for t in texts {
        let folded = fold_arabic(t);
        out.extend(stems(&folded).map(str::to_string));
    }
    out
}

/// The share of a line's content words that the body uses.
fn overlap(line: &str, body_words: &FxHashSet<String>) -> f32 {
    let folded = fold_arabic(line);
    let mut words: Vec<&str> = stems(&folded).collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return 0.0;
    }
    let shared = words.iter().filter(|w| body_words.contains(**w)).count();
    shared as f32 / words.len() as f32
}

/// The words of folded text of three letters or more, without a leading article or
/// conjunction.
fn stems(folded: &str) -> impl Iterator<Item = &str> {
    words(folded).filter_map(|w| {
        let w = ["وال", "بال", "فال", "كال", "لل", "ال", "و"]
            .iter()
            .find_map(|p| w.strip_prefix(p).filter(|rest| rest.chars().count() >= 3))
            .unwrap_or(w);
        (w.chars().count() >= 3).then_some(w)
    })
}

/// The page's own date: above the body, beside the headline; below the body only on a line
/// that says it is the publication date.
fn pick_date(
    page: &Page<'_>,
    body_start: usize,
    body_end: usize,
    title: Option<usize>,
) -> Option<(usize, crate::core::dates::PubDate)> {
    let (lines, dates) = (page.lines, page.dates);
    let mut candidates = meta::date_candidates(lines, dates, 0..body_start.min(lines.len()), title);
    if candidates.is_empty() && body_end + 1 < lines.len() {
        let says_published = |i: usize| {
            let folded = fold_arabic(lines[i]);
            ["نشر", "تاريخ", "published", "posted"]
                .iter()
                .any(|cue| folded.contains(cue))
        };
        let footer =
            (body_end + 1..lines.len()).filter(|&i| !dates[i].is_empty() && says_published(i));
        candidates = footer
            .flat_map(|i| meta::date_candidates(lines, dates, i..i + 1, None))
            .collect();
    }
    meta::best_date(candidates)
}

/// The outlet: the name before the date on a dateline, else a short line naming an outlet
/// above the headline or below the body, else the masthead (first line).
fn pick_source(
    page: &Page<'_>,
    date_line: Option<usize>,
    title: Option<usize>,
    body_end: usize,
) -> Option<String> {
    let (lines, infos, credits) = (page.lines, page.infos, page.credits);
    let (text, arabic) = (page.text, page.arabic);
    if let Some(i) = date_line
        && let Some(found) = page.dates[i].first()
        && let Some(name) = outlet::outlet_before_date(lines[i], found.start)
        && !name.chars().all(|c| c.is_ascii_digit() || !is_word_char(c))
    {
        return Some(name);
    }
    let is_name_line = |i: usize| {
        let info = &infos[i];
        (1..=10).contains(&info.words)
            && !info.link_like
            && info.end_marker.is_none()
            && credits[i].is_none()
            && Some(i) != title
            && !lines[i].ends_with('.')
            && page.dates[i].is_empty()
    };
    let header = 0..title.unwrap_or(0);
    let footer = (body_end + 1).min(lines.len())..lines.len();
    for i in header.clone().chain(footer) {
        if is_name_line(i) && outlet::has_outlet_word(lines[i]) {
            return outlet::masthead_name(lines[i], text, arabic);
        }
    }
    // A first line that is a name: not a menu, not a row of language codes («Ru En»).
    if let Some(first) = header.clone().next() {
        let looks_like_name = lines[first]
            .split(|c: char| !is_word_char(c))
            .any(|w| w.chars().count() >= 3);
        // Mastheads use the same bars as menus («الشروق أونلاين | أخبار الجزائر»), so the
        // first line is judged without the link-list test.
        let info = &infos[first];
        let masthead_like = (1..=10).contains(&info.words)
            && !outlet::is_interface_word(lines[first])
            && !lines[first].starts_with(['•', '·', '▪', '►', '*', '-'])
            && lines[first].matches('|').count() <= 2
            && info.end_marker.is_none()
            && credits[first].is_none()
            && Some(first) != title
            && page.dates[first].is_empty();
        if masthead_like
            && looks_like_name
            && let Some(name) = outlet::masthead_name(lines[first], text, arabic)
        {
            return Some(name);
        }
    }
    // A dateline without a date under the headline: «الرياض - واس» (place - outlet).
    let title = title?;
    (title + 1..lines.len().min(title + 4))
        .filter(|&i| credits[i].is_none())
        .find_map(|i| {
            let l = lines[i];
            let (place, name) = l.split_once(" - ").or_else(|| l.split_once(" – "))?;
            let short = |s: &str| (1..=3).contains(&word_count(s));
            (short(place) && short(name) && !l.ends_with('.')).then(|| name.trim().to_string())
        })
}
