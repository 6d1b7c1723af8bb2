//! Digits that are not quantities, decided from the number and its neighbours: times
//! («03:53»), numeric dates the caller did not give us («09/10»), a day before a month name,
//! a year with its marker («1442هـ»), model and type designations («إس - 300», «أس-300»,
//! «F-16», «تي بي 2», anything within a few words after «طراز»), ordinals written «الـ5»,
//! identifiers after a label («رقم 5», «المادة 3», «الساعة 10»), page counters
//! («مشاهدة :45926»), phone numbers, numbers inside links, list markers, scores, and numbers
//! written with a leading zero. Years without a counted noun are refused in `numbers`.

use super::lexicon::{class, lexicon};
use super::spell::Num;
use super::tokens::{Toks, is_blank};

pub(super) fn is_not_quantity(t: &Toks, n: &Num) -> bool {
    let i = n.first;
    let s = t.s(i);
    let lex = lexicon();
    let (gb, ga) = (t.gap_before(i), t.gap_after(i));
    // 03, 0123456: days, hours, codes and phones keep their zeros; quantities do not.
    if s.len() >= 2 && s.starts_with('0') && !s[1..].starts_with(['.', ',']) {
        return true;
    }
    // Times and numeric dates: a digit group across «:» or «/».
    let prev_num = i > 0 && t.t[i - 1].num;
    if (ga == ":" && t.t.get(i + 1).is_some_and(|n| n.num)) || (gb == ":" && prev_num) {
        return true;
    }
    let next_is = |c: u32| t.t.get(i + 1).is_some_and(|n| !n.num && lex.is(n.s, c));
    if (ga.trim() == "/" && (t.t.get(i + 1).is_some_and(|n| n.num) || next_is(class::MONTH)))
        || (gb.trim() == "/" && (prev_num || (i > 0 && lex.is(t.s(i - 1), class::MONTH))))
    {
        return true;
    }
    // «فبراير 2025», «أيلول/ سبتمبر 1988»: a year after its month.
    if i > 0 && (is_blank(gb) || gb.trim() == "/") && lex.is(t.s(i - 1), class::MONTH) {
        return true;
    }
    // «في 28 من الشهر نفسه»: a day of the month.
    if t.s(i + 1) == "من" && matches!(t.s(i + 2), "الشهر" | "شهر") && t.joined(i + 1) {
        return true;
    }
    // «27 سبتمبر», «1442هـ», «2020م».
    if (ga.is_empty() || is_blank(ga) || ga.trim() == "-")
        && (next_is(class::MONTH) || next_is(class::YEAR_MARK))
    {
        return true;
    }
    if in_link(t, i) || designation(t, i) || phone(t, n) || score(t, n) {
        return true;
    }
    if i > 0 {
        let p = t.s(i - 1);
        // «للمرة الـ10», «المرتبة الـ5»: an ordinal or a definite label; after a definite
        // plural («الساعات الـ24») it is a cardinal.
        if is_blank(gb) && is_article(p) && super::noun::plural_before(t, i - 1, 0).is_none() {
            return true;
        }
        let c = lex.class(p);
        let label_gap = is_blank(gb) || matches!(gb.trim(), ":" | "-" | "#");
        if label_gap && c & (class::LABEL | class::HOUR | class::FURNITURE | class::SCORE) != 0 {
            return true;
        }
    }
    // «1. …», «2- …» opening a paragraph.
    i == 0 && ga.trim_start().starts_with(['.', ')', '-', ':'])
}

/// Whether the number sits in a link, an address, a handle or a hashtag: its run of
/// non-space characters has Latin letters and URL punctuation, or an @ or #.
fn in_link(t: &Toks, i: usize) -> bool {
    let text = t.f.text.as_str();
    let (st, en) = (t.t[i].start, t.t[i].end);
    let from = text[..st].rfind(char::is_whitespace).map_or(0, |k| k + 1);
    let to = text[en..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| en + k);
    let token = &text[from..to];
    token.contains(['@', '#'])
        || token.contains("www")
        || (token.contains(|c: char| c.is_ascii_alphabetic())
            && token.contains(['/', '.', '_', '=', '?', '&']))
}

const DASHES: [char; 4] = ['-', '–', '‑', '−'];

/// Model and type designations: «F16», «5G», «S-300», «إس - 300», «تي بي 2», and any
/// number within four words after «طراز» in the same clause.
fn designation(t: &Toks, i: usize) -> bool {
    let lex = lexicon();
    let text = t.f.text.as_str();
    let (st, en) = (t.t[i].start, t.t[i].end);
    if text[..st]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic())
        || text[en..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return true;
    }
    if i > 0 && t.is_letters(i - 1) {
        let gb = t.gap_before(i);
        let dash = gb.contains(DASHES);
        if gb.chars().all(|c| c.is_whitespace() || DASHES.contains(&c)) {
            let p = t.s(i - 1);
            let c = lex.class(p);
            let heads = class::DESIG_STRONG | class::DESIG_WEAK;
            let pair = i >= 2 && t.joined(i - 1) && lex.class(t.s(i - 2)) & heads != 0;
            // A Latin word heads a designation when it is a code (F-16, COP 28, Boeing 737),
            // not an English word that counts («around 96», «over 60»).
            let code = p.bytes().all(|b| b.is_ascii_alphabetic())
                && c & class::STOP == 0
                && !lex.approx.contains_key(p)
                && (dash || t.printed(i - 1).bytes().any(|b| b.is_ascii_uppercase()));
            if code
                || c & class::DESIG_STRONG != 0
                || (c & class::DESIG_WEAK != 0 && (dash || pair))
            {
                return true;
            }
        }
    }
    // «من طراز بيرقدار تي بي 2»: up to three words after طراز, before any other number.
    for k in (i.saturating_sub(4)..i).rev() {
        if t.gap_before(k + 1)
            .contains([',', '،', '.', '؛', ';', ':', '(', ')'])
            || t.t[k].num
        {
            break;
        }
        if lex.is(t.s(k), class::MODEL) {
            return true;
        }
    }
    false
}

/// Phone numbers: a + before, nine or more bare digits, or three or more digit groups
/// joined by spaces or dashes that are not thousands groups.
fn phone(t: &Toks, n: &Num) -> bool {
    let i = n.first;
    let s = t.s(i);
    if t.gap_before(i).ends_with('+') && s.len() >= 6 {
        return true;
    }
    if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let joined = |k: usize| {
        let g = t.gap_before(k);
        g.chars().count() <= 3 && g.chars().all(|c| c.is_whitespace() || c == '-') && !g.is_empty()
    };
    let mut first = i;
    while first > 0 && t.t[first - 1].num && joined(first) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < t.len() && t.t[last + 1].num && joined(last + 1) {
        last += 1;
    }
    // Spaced thousands («2 500 000») were read as one number already.
    last - first >= 2 && n.end <= last
}

/// «الـ» written apart from the number it makes definite (folded «ال», «لل», «بال» …).
pub(super) fn is_article(w: &str) -> bool {
    matches!(
        w,
        "ال" | "لل" | "بال" | "وال" | "فال" | "كال" | "وبال" | "ولل"
    )
}

/// «2-1», «1-1»: two short numbers joined by a dash with no counted noun after them are a
/// score or a range of something unnamed.
fn score(t: &Toks, n: &Num) -> bool {
    let i = n.first;
    let short = |k: usize| t.t.get(k).is_some_and(|w| w.num && w.s.len() <= 2);
    let dash = |g: &str| DASHES.iter().any(|d| g.trim() == d.to_string());
    let (left, right) = if dash(t.gap_after(i)) && short(i) && short(i + 1) {
        (i, i + 1)
    } else if i > 0 && dash(t.gap_before(i)) && short(i) && short(i - 1) {
        (i - 1, i)
    } else {
        return false;
    };
    let lex = lexicon();
    let noun = t.joined(right + 1) && {
        let w = t.s(right + 1);
        lex.singulars.contains(w)
            || lex.plurals.contains_key(w)
            || super::noun::tanween(w).is_some()
    };
    left < right && !noun
}
