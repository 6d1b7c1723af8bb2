//! Indefinite duals: one word that is both the number 2 and the counted noun, feminine
//! («طائرتين» → طائرة) or a listed masculine noun («عامين», «هدفين»), told apart from
//! definite duals, constructs, listed plurals in ـين/ـان and words that only end like a
//! dual (بوتين, أفغانستان).

use super::lexicon::{class, lexicon};
use super::spell::{Kind, Num};
use super::tokens::{Toks, find_split, is_def, letters, trim_chars};

/// An indefinite dual noun: «طائرتين» (feminine, from طائرة), «عامين» (a listed masculine
/// noun). Not a definite dual («الجانبين»), not a construct («طرفي النزاع» drops the ن, and
/// a dual before a definite word is one), not a listed plural («بلدان»).
pub(super) fn read_dual(t: &Toks, i: usize) -> Option<Num> {
    let lex = lexicon();
    let w = t.s(i);
    // A construct's complement carries the bare article («طرفي النزاع»); «بال…» is a
    // preposition or a word of its own («صاروخين باليستيين»).
    let construct = t.joined(i + 1) && t.s(i + 1).starts_with("ال") && is_def(t.s(i + 1));
    if is_def(w) || construct {
        return None;
    }
    if find_split(w, |sp| lex.is(sp.stem, class::NOT_DUAL).then_some(())).is_some() {
        return None;
    }
    // «وطائرتين» reads as و + طائرتين and «وحدتين» as one word: prefer the reading whose
    // singular is a known noun, then the one without a conjunction, then the word as is.
    let marked = marked_dual(t, i);
    let mut readings: Vec<(usize, usize, bool)> = Vec::new();
    find_split(w, |sp| {
        if !sp.def
            && let Some((drop, fem)) = dual_singular(sp.stem, marked)
        {
            readings.push((sp.pre, drop, fem));
        }
        None::<()>
    });
    let known = |&&(pre, drop, fem): &&(usize, usize, bool)| {
        let stem = &w[pre..];
        let cut = stem
            .char_indices()
            .rev()
            .nth(drop - 1)
            .map_or(0, |(k, _)| k);
        let sg = if fem {
            format!("{}ه", &stem[..cut])
        } else {
            stem[..cut].to_string()
        };
        lex.singulars.contains(&sg)
    };
    let &(pre, drop, fem) = readings
        .iter()
        .find(known)
        .or_else(|| readings.iter().find(|r| matches!(&w[..r.0], "و" | "ف")))
        .or_else(|| readings.first())?;
    let printed = t.printed(i);
    let mut singular = trim_chars(&printed, letters(&w[..pre]), drop);
    if fem {
        singular.push('ة');
    }
    let mut n = Num::new(i, pre, 2.0, Kind::Dual);
    n.dual = Some((singular, fem));
    Some(n)
}

/// For a dual stem: how many chars to drop for the singular, and whether it is feminine
/// (then ة is added).
fn dual_singular(stem: &str, marked: bool) -> Option<(usize, bool)> {
    let lex = lexicon();
    // «موظفَين» with its fatha is a dual even though «موظفين» is a listed plural.
    if marked
        && let Some(base) = stem.strip_suffix("ين")
        && letters(base) >= 3
        && !base.ends_with('ت')
    {
        return Some((2, false));
    }
    if lex.plurals.contains_key(stem)
        || lex.numbers.contains_key(stem)
        || lex.is(stem, class::NOT_DUAL)
    {
        return None;
    }
    let base = stem
        .strip_suffix("ين")
        .or_else(|| stem.strip_suffix("ان"))?;
    if lex.dual_stems.contains(base) && !is_agent_pattern(base) {
        return Some((2, false));
    }
    let before_t = base.strip_suffix('ت')?;
    if letters(before_t) < 2
        || stem.ends_with("ستان")
        || (stem.ends_with("ان") && stem.starts_with('ي'))
    {
        return None;
    }
    // «روسيتين» is an adjective of nationality, not a counted noun.
    if before_t.ends_with('ي') && lex.nationalities.contains(before_t) {
        return None;
    }
    Some((3, true))
}

/// فاعل (عامل, حارس): its sound plural in ـين is as common as its dual.
fn is_agent_pattern(w: &str) -> bool {
    letters(w) == 4 && w.chars().nth(1) == Some('ا')
}

/// Whether word `i` is written with the dual's fatha before its final ين (ـَين, sukun on
/// the ي allowed): the vowel that tells a dual from a sound plural (ـِين).
fn marked_dual(t: &Toks, i: usize) -> bool {
    let tok = &t.t[i];
    let r = t.f.original_range(tok.start..tok.end);
    let mut tail = t.f.original[r]
        .chars()
        .rev()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{064D}' | '\u{064F}' | '\u{0650}'));
    tail.next() == Some('ن')
        && {
            let mut c = tail.next();
            if c == Some('\u{0652}') {
                c = tail.next();
            }
            c == Some('ي')
        }
        && tail.next() == Some('\u{064E}')
}
