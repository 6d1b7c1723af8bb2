//! How exact the text says a number is: the approximation and bound phrases before it
//! («نحو», «ما يقارب», «أكثر من», «ما يزيد على», «أقل من», «حتى», «ما يصل إلى», «لا يقل عن»,
//! with a clitic on the first word: «بنحو», «لأكثر من») and the few after the counted noun
//! («تقريباً», «على الأقل»). The phrases live in the lexicon; this file only matches them.

use crate::core::facts::Approx;

use super::lexicon::{CLITICS, lexicon};
use super::tokens::Toks;

/// The phrase ending right before word `i`, starting at or after word `floor`: its first
/// word, the clitic bytes on that word, and what it says.
pub(super) fn before(t: &Toks, i: usize, floor: usize) -> Option<(usize, usize, Approx)> {
    let last = i.checked_sub(1).filter(|&k| k >= floor && t.joined(i))?;
    for (words, approx) in lexicon().approx.get(t.s(last))? {
        let n = words.len();
        let Some(start) = i.checked_sub(n).filter(|&s| s >= floor) else {
            continue;
        };
        if !(start + 1..i).all(|k| t.joined(k)) || !(start..i).all(|k| t.is_letters(k)) {
            continue;
        }
        let first = t.s(start);
        let Some(pre) = CLITICS
            .iter()
            .find(|c| first.strip_prefix(**c) == Some(words[0].as_str()))
            .map(|c| c.len())
        else {
            continue;
        };
        // «لتصل إلى 50 قتيلاً» is where a tally got to, not a bound.
        let result =
            pre > 0 && first.starts_with('ل') && matches!(words[0].as_str(), "يصل" | "تصل");
        if !result && (1..n).all(|m| t.s(start + m) == words[m]) {
            return Some((start, pre, *approx));
        }
    }
    None
}

/// «تقريباً» or «على الأقل» at word `k`: one past the phrase, and what it says.
pub(super) fn after(t: &Toks, k: usize) -> Option<(usize, Approx)> {
    if !t.joined(k) || !t.is_letters(k) {
        return None;
    }
    match t.s(k) {
        "تقريبا" => Some((k + 1, Approx::About)),
        "علي" if t.joined(k + 1) && t.s(k + 1) == "الاقل" => Some((k + 2, Approx::AtLeast)),
        _ => None,
    }
}

/// «تحت الصفر» at word `k`: the value is below zero; one past the phrase.
pub(super) fn below_zero(t: &Toks, k: usize) -> Option<usize> {
    (t.joined(k) && t.joined(k + 1) && t.s(k) == "تحت" && t.s(k + 1) == "الصفر").then_some(k + 2)
}
