//! Outlet names in visible text: the name before the date on a dateline («القاهرة - بوابة
//! الوسط الخميس …», «موقع أنصار الله – 14 صفر 1442هـ»), words that mark a line as a site's name
//! (موقع، بوابة، صحيفة …), mastheads with their taglines, and interface words that never name
//! an outlet.

use crate::core::text::{fold_arabic, is_arabic_letter, is_word_char, squash_spaces, word_count};

/// Words that name a kind of outlet; a short line holding one is a site's name.
const OUTLET_WORDS: &[&str] = &[
    "موقع",
    "بوابه",
    "صحيفه",
    "جريده",
    "قناه",
    "شبكه",
    "مجموعه",
    "اذاعه",
    "راديو",
    "تلفزيون",
    "مجله",
    "يوميه",
    "news",
    "times",
    "post",
    "tribune",
    "tv",
    "herald",
    "gazette",
    "press",
];

/// Whether `line` names an outlet («موقع أنصار الله», «Lebanon News»).
pub fn has_outlet_word(line: &str) -> bool {
    fold_arabic(line)
        .split(|c: char| !is_word_char(c))
        .map(|w| {
            w.strip_prefix("ال")
                .or_else(|| w.strip_prefix("و"))
                .unwrap_or(w)
        })
        .any(|w| OUTLET_WORDS.contains(&w))
}

/// The outlet named before the date on a dateline: «القاهرة - بوابة الوسط» → «بوابة الوسط»,
/// «موقع أنصار الله –» → «موقع أنصار الله». The part before a dash is the place when there
/// are two parts.
pub fn outlet_before_date(line: &str, date_start: usize) -> Option<String> {
    let before = line.get(..date_start)?;
    let before = strip_date_words(before);
    let parts: Vec<&str> = before
        .split(['-', '–', '—', '|', '/', '،', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let name = match parts.as_slice() {
        [] => return None,
        [.., last] => *last,
    };
    let name = squash_spaces(name);
    let words = word_count(&name);
    // «آخر تحديث: 10:30 -» names no outlet: a name has no digits and no colon.
    let plausible = !name.contains(':') && !name.chars().any(|c| c.is_ascii_digit());
    ((1..=6).contains(&words) && plausible).then_some(name)
}

/// Removes the words that introduce a date («نشر في», «بتاريخ», a weekday, «اليوم»).
fn strip_date_words(s: &str) -> String {
    const INTRO: &[&str] = &[
        "نشر",
        "نشرت",
        "في",
        "بتاريخ",
        "تاريخ",
        "النشر",
        "اليوم",
        "يوم",
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "اخر",
        "تحديث",
        "published",
        "on",
        "updated",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut end = words.len();
    while end > 0 {
        let w = fold_arabic(words[end - 1].trim_matches(|c: char| !is_word_char(c)));
        if w.is_empty() || INTRO.contains(&w.as_str()) || w.trim_start_matches('و').is_empty() {
            end -= 1;
        } else {
            break;
        }
    }
    words[..end].join(" ")
}

/// The name in a masthead line: «Lebanon News I ليبانون تابلويد : أخبار الساعة من لبنان والعالم!»
/// → «ليبانون تابلويد». The line is cut at its separators; the part that recurs elsewhere on
/// the page wins, then the part in the article's script, then the shorter one. Slogans
/// (ending in «!», or long) lose.
pub fn masthead_name(line: &str, page: &str, arabic: bool) -> Option<String> {
    let parts = split_outside_quotes(line);
    // Whether a part recurs on the page only matters when there are parts to choose from.
    let folded_page = if parts.len() > 1 {
        fold_arabic(page)
    } else {
        String::new()
    };
    parts
        .into_iter()
        .map(|p| {
            squash_spaces(p.trim_matches(|c: char| c.is_whitespace() || "|:–—-!.,،".contains(c)))
        })
        .filter(|p| (1..=8).contains(&word_count(p)) && !is_interface_word(p))
        .enumerate()
        .map(|(k, p)| {
            let mut score = 0i32;
            if !folded_page.is_empty() && folded_page.matches(fold_arabic(&p).as_str()).count() > 1
            {
                score += 3;
            }
            if p.chars().any(is_arabic_letter) == arabic {
                score += 2;
            }
            if has_outlet_word(&p) {
                score += 2;
            }
            // «أخبار لبنان والعالم»: a tagline describes the news, it does not name a site.
            let first_word = fold_arabic(p.split_whitespace().next().unwrap_or(""));
            if ["اخبار", "الاخبار", "news"].contains(&first_word.as_str()) && word_count(&p) > 2
            {
                score -= 2;
            }
            score -= word_count(&p) as i32 / 2;
            // Between equals, the first part: a masthead names the site before its slogan.
            (score * 16 - k.min(15) as i32, p)
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, p)| p)
}

/// Words of a site's interface (menus, search, login) that are never an outlet's name.
pub fn is_interface_word(s: &str) -> bool {
    const UI: &[&str] = &[
        "menu",
        "home",
        "search",
        "login",
        "sign in",
        "subscribe",
        "القائمه",
        "قائمه",
        "الرئيسيه",
        "بحث",
        "facebook",
        "twitter",
        "x",
        "youtube",
        "instagram",
        "telegram",
        "whatsapp",
        "tiktok",
        "rss",
        "google+",
        "linkedin",
        "فيسبوك",
        "فيس بوك",
        "تويتر",
        "يوتيوب",
        "انستغرام",
        "تلغرام",
        "واتساب",
        "تسجيل الدخول",
        "اشترك",
        "الصفحه الرئيسيه",
        "ru en",
        "en",
        "ar",
        "english",
        "عربي",
    ];
    let folded = fold_arabic(s.trim_matches(|c: char| c.is_whitespace() || "•·▪►-*|".contains(c)));
    UI.contains(&folded.as_str())
}

/// Cuts a masthead at its separators (`|`, `:`, a dash or a lone `I` between spaces), but not
/// inside quotes: «مجموعة "روسيا - العالم الإسلامي"» is one name.
fn split_outside_quotes(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote: Option<char> = None;
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let spaced = |k: usize| {
            k > 0
                && chars.get(k - 1).is_some_and(|p| p.1 == ' ')
                && chars.get(k + 1).is_some_and(|n| n.1 == ' ')
        };
        match (quote, c) {
            (None, '"' | '«' | '“') => {
                quote = Some(match c {
                    '«' => '»',
                    '“' => '”',
                    _ => '"',
                })
            }
            (Some(q), c) if c == q => quote = None,
            (None, '|' | ':') => {
                parts.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            (None, '-' | '–' | '—' | 'I') if spaced(k) => {
                parts.push(&line[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&line[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_on_datelines() {
        let line = "القاهرة - بوابة الوسط الخميس 08 أكتوبر 2020, 03:53 مساء";
        let start = line.find("08").unwrap_or(0);
        assert_eq!(
            outlet_before_date(line, start).as_deref(),
            Some("بوابة الوسط")
        );
        let line = "موقع أنصار الله  – 14 صفر 1442هـ";
        let start = line.find("14").unwrap_or(0);
        assert_eq!(
            outlet_before_date(line, start).as_deref(),
            Some("موقع أنصار الله")
        );
        let line = "آخر تحديث: 10:30 - 12 أكتوبر 2023";
        assert_eq!(outlet_before_date(line, line.find("12").unwrap_or(0)), None);
        let line = "الجمعة 09/10/2020";
        assert_eq!(outlet_before_date(line, line.find('0').unwrap_or(0)), None);
    }

    #[test]
    fn masthead_prefers_the_recurring_name() {
        let line = "Lebanon News I ليبانون تابلويد : أخبار الساعة من لبنان والعالم!";
        let page = format!("{line}\nاخبار ليبانون تابلويد الآن عبر خدمة");
        assert_eq!(
            masthead_name(line, &page, true).as_deref(),
            Some("ليبانون تابلويد")
        );
        let line = "مجموعة الرؤية الاستراتيجية \"روسيا - العالم الإسلامي\"";
        assert_eq!(masthead_name(line, line, true).as_deref(), Some(line));
    }
}
