//! Recognising metadata lines in visible text, shared by every format: credit lines
//! («المصدر: نوفوستي», «بيروت (أ ف ب) -»), datelines, and which of a page's dates is its own.
//! Outlet names (mastheads, site lines) are `outlet`'s.

use std::sync::LazyLock;

use regex::Regex;

use crate::core::dates::{FoundDate, PubDate};
use crate::core::text::{fold_arabic, has_more_words_than, squash_spaces, word_count};

/// What a credit-like line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreditLine {
    /// The agency the article credits.
    Agency(String),
    /// A photo or video credit: boilerplate, not the article's source.
    Media,
}

static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[(\[«]?\s*(المصدر|مصدر الخبر|المصادر|source|sources)\s*(?:[:/|–—-]\s*|\s+)(?P<who>[^\n]{1,80}?)\s*[)\]»]?\s*$",
    )
    .ok()
});
static MEDIA_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(الصورة|صورة|الصور|تصوير|فيديو|photo|image|video)\s*[:/|–—-]").ok()
});

/// Reads a credit line. Only short lines count: a sentence that starts with «المصدر» is prose.
pub fn credit_line(line: &str) -> Option<CreditLine> {
    let line = line.trim();
    // Every credit line names its kind; most lines name none, and skip the regexes.
    const CUES: &[&str] = &[
        "مصدر",
        "مصادر",
        "ource",
        "OURCE",
        "صور",
        "تصوير",
        "فيديو",
        "hoto",
        "mage",
        "ideo",
    ];
    if has_more_words_than(line, 10) || !CUES.iter().any(|c| line.contains(c)) {
        return None;
    }
    if MEDIA_CREDIT.as_ref().is_some_and(|r| r.is_match(line)) {
        return Some(CreditLine::Media);
    }
    let caps = CREDIT.as_ref()?.captures(line)?;
    let who = caps.name("who")?.as_str();
    let who = squash_spaces(who.trim_matches(|c: char| c.is_whitespace() || "-–—:/|.".contains(c)));
    (!who.is_empty() && word_count(&who) <= 6).then_some(CreditLine::Agency(who))
}

static WIRE_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // A place, perhaps with a day («CAIRO, March 30»), the agency in brackets, a dash.
    Regex::new(r"^[^\s()]+(?:\s[^\s()]+){0,3}\s*[(（]\s*(?P<who>[^()（）]{2,30}?)\s*[)）]\s*[-–—:]")
        .ok()
});

/// The agency credited at the start of wire copy: «بيروت (أ ف ب) - قال…», «الرياض (واس) –».
pub fn wire_credit(paragraph: &str) -> Option<String> {
    let caps = WIRE_CREDIT.as_ref()?.captures(paragraph)?;
    let who = squash_spaces(caps.name("who")?.as_str());
    (!has_more_words_than(&who, 4)).then_some(who)
}

/// A line that is a date and little else (a dateline, a byline with a date, a timestamp):
/// metadata, not article text. `dates` are the dates found in `line`.
pub fn is_dateline(line: &str, dates: &[FoundDate]) -> bool {
    let dated: usize = dates
        .iter()
        .map(|d| word_count(&line[d.start..d.end]))
        .sum();
    !dates.is_empty() && !has_more_words_than(line, dated + 6)
}

/// Words that announce a publication date on its line.
const PUBLISHED_CUES: &[&str] = &[
    "نشر",
    "تاريخ النشر",
    "بتاريخ",
    "اخر تحديث",
    "تحديث",
    "published",
    "posted",
    "updated",
];

/// A line's dates and how much the line looks like a dateline.
#[derive(Debug)]
pub struct DateCandidate {
    pub line: usize,
    pub found: FoundDate,
    pub score: i32,
}

/// Scores the dates of `lines[range]` as the page's publication date. `anchor` is the line
/// of the headline when known: the date of a page sits next to its headline.
/// `dates[i]` holds the dates found in `lines[i]`.
pub fn date_candidates(
    lines: &[&str],
    dates: &[Vec<FoundDate>],
    range: std::ops::Range<usize>,
    anchor: Option<usize>,
) -> Vec<DateCandidate> {
    let mut out = Vec::new();
    for i in range {
        let line = lines[i];
        if dates[i].is_empty() {
            continue;
        }
        let folded = fold_arabic(line);
        let line_words = word_count(line);
        // What the line says of its dates, read once whatever their number.
        let published = PUBLISHED_CUES.iter().any(|c| folded.contains(c));
        let updated = folded.contains("تحديث") || folded.contains("updated");
        let views = folded.contains("مشاهده") || folded.contains("views");
        for found in dates[i].iter().cloned() {
            let other_words = line_words.saturating_sub(word_count(&line[found.start..found.end]));
            let mut score = 0;
            if published {
                score += 6;
                if updated {
                    score -= 2;
                }
            }
            // A dateline carries little else: a place, an outlet, a time.
            score += 4 - (other_words as i32).min(8) / 2;
            if found.date.time.is_some() {
                score += 1;
            }
            if found.has_weekday {
                score += 1;
            }
            // View counters and gallery captions carry dates of other items.
            if views {
                score -= 6;
            }
            if let Some(a) = anchor {
                let d = i.abs_diff(a) as i32;
                score += 4 - d.min(8);
                if i > a {
                    score += 1;
                }
            }
            out.push(DateCandidate {
                line: i,
                found,
                score,
            });
        }
    }
    out
}

/// The best-scoring line's date. When that line gives a Hijri and a Gregorian date («14 رمضان
/// 1444 هـ الموافق 5 نيسان 2023»), the Gregorian one is the date and the Hijri one is kept
/// beside it, provided the two agree (within the day the Hijri calendars may differ by).
pub fn best_date(candidates: Vec<DateCandidate>) -> Option<(usize, PubDate)> {
    let best_line = candidates.iter().max_by_key(|c| c.score)?.line;
    let on_line: Vec<&DateCandidate> = candidates.iter().filter(|c| c.line == best_line).collect();
    let gregorian = on_line.iter().find(|c| c.found.date.hijri.is_none());
    let chosen = gregorian.or(on_line.first())?;
    let mut date = chosen.found.date.clone();
    let agrees = |c: &&&DateCandidate| {
        c.found.date.hijri.is_some()
            && (c.found.date.date - date.date).num_days().abs() <= i64::from(c.found.date.uncertain)
    };
    if date.hijri.is_none()
        && let Some(h) = on_line.iter().find(agrees)
    {
        date.hijri = h.found.date.hijri;
    }
    Some((best_line, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best_of(lines: &[&str]) -> Option<PubDate> {
        let dates: Vec<_> = lines
            .iter()
            .map(|l| crate::core::dates::find_dates(l))
            .collect();
        best_date(date_candidates(lines, &dates, 0..lines.len(), None)).map(|(_, d)| d)
    }

    #[test]
    fn gregorian_wins_on_a_line_with_both_and_keeps_the_hijri_that_agrees() {
        let d = best_of(&["الأربعاء 14 رمضان 1444 هـ الموافق 5 نيسان 2023"]).unwrap();
        assert_eq!(d.date.to_string(), "2023-04-05");
        assert_eq!(d.calendar, crate::core::dates::Calendar::Gregorian);
        assert_eq!(
            d.hijri.map(|h| (h.year, h.month, h.day)),
            Some((1444, 9, 14))
        );
        // A Hijri date a week off is another day, not this one.
        let d = best_of(&["7 رمضان 1444 هـ الموافق 5 نيسان 2023"]).unwrap();
        assert_eq!(
            (d.date.to_string(), d.hijri),
            ("2023-04-05".to_string(), None)
        );
    }

    #[test]
    fn view_counters_lose_to_datelines() {
        let lines = [
            "مشاهدة :45926 الجمعة ٢٦ / يناير / ٢٠٢٤",
            "نشر في 12 مارس 2023",
        ];
        assert_eq!(best_of(&lines).unwrap().date.to_string(), "2023-03-12");
    }

    #[test]
    fn wire_copy_credits_its_agency() {
        assert_eq!(
            wire_credit("بيروت (أ ف ب) - قال مسؤولون إن").as_deref(),
            Some("أ ف ب")
        );
        assert_eq!(
            wire_credit("الرياض (واس) – أعلنت الهيئة").as_deref(),
            Some("واس")
        );
        assert_eq!(
            wire_credit("دبي (رويترز): ارتفعت الأسهم").as_deref(),
            Some("رويترز")
        );
        assert_eq!(
            wire_credit("CAIRO, March 30 (Reuters) - Egypt's central bank").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            wire_credit("قال وزير الخارجية في بيان (نشرته الوزارة) - إن"),
            None
        );
        assert_eq!(
            wire_credit("قال الوزير (في بيان) إن الخطة جاهزة - وأضاف"),
            None
        );
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            credit_line("المصدر: نوفوستي"),
            Some(CreditLine::Agency("نوفوستي".into()))
        );
        assert_eq!(
            credit_line("المصدر / وكالات - هيا"),
            Some(CreditLine::Agency("وكالات - هيا".into()))
        );
        assert_eq!(
            credit_line("(المصدر: رويترز)"),
            Some(CreditLine::Agency("رويترز".into()))
        );
        assert_eq!(
            credit_line("Source: Reuters"),
            Some(CreditLine::Agency("Reuters".into()))
        );
        assert_eq!(
            credit_line("الصورة: وزارة الخارجية الروسية"),
            Some(CreditLine::Media)
        );
        assert_eq!(
            credit_line("المصدر الرئيسي للدخل في البلاد هو النفط والغاز الطبيعي منذ عقود طويلة مضت"),
            None
        );
    }
}
