//! Reading the number itself, from its first word: digits (in `digits`), number words («خمسة وعشرون», «ثلاثمئة»,
//! «أحد عشر»), scale words after either («400 ألف», «ثلاثة آلاف», «مليار و200 مليون»),
//! fractions of a scale («نصف مليون»), vague plurals («عشرات», «مئات الآلاف»), a lone
//! «واحد» (counted by the noun before it), a definite cardinal after a definite plural
//! («الأيام الأربعة») and indefinite duals (in `dual`). Whether the number is a quantity at
//! all (years, times, designations) is decided in `guards`.

use super::digits::{half_end, read_digits};
use super::dual::read_dual;
use super::lexicon::{NumWord, lexicon};
use super::tokens::{Toks, find_split, is_def};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Digits,
    Words,
    /// عشرات, مئات, آلاف, ألوف: the value is the floor.
    Vague,
    /// واحد/واحدة after its noun.
    One,
    /// A lone اثنان/اثنين: counts the noun after it, or the plural before it
    /// («متهمين اثنين»).
    Two,
    /// «الأيام الأربعة»: the noun is the definite plural before.
    DefCardinal,
    /// A dual noun: the number and the noun are one word.
    Dual,
}

#[derive(Debug, Clone)]
pub(super) struct Num {
    pub value: f64,
    /// The first word, and the clitic bytes («و» of «وأربع») before the number in it.
    pub first: usize,
    pub pre: usize,
    /// One past the last word of the number (scale words included).
    pub end: usize,
    pub kind: Kind,
    /// A scale word was read: «400 ألف» is not a bare 400.
    pub scaled: bool,
    /// For a dual: the singular as printed, and whether it is feminine.
    pub dual: Option<(String, bool)>,
    /// Folded bytes before the first word that belong to the number: a minus sign.
    pub lead: usize,
}

impl Num {
    pub(super) fn new(first: usize, pre: usize, value: f64, kind: Kind) -> Self {
        Num {
            value,
            first,
            pre,
            end: first + 1,
            kind,
            scaled: false,
            dual: None,
            lead: 0,
        }
    }
}

pub(super) fn read(t: &Toks, i: usize) -> Option<Num> {
    if t.t[i].skipped {
        return None;
    }
    if t.t[i].num {
        return read_digits(t, i);
    }
    let w = t.s(i);
    let lex = lexicon();
    if let Some(&(pre, first)) = lex.clitic_numbers.get(w) {
        read_words(t, i, pre, first)
    } else if let Some(&(pre, nw)) = lex.def_numbers.get(w) {
        read_definite(t, i, pre, nw)
    } else if w.ends_with("ين") || w.ends_with("ان") {
        read_dual(t, i)
    } else {
        None
    }
}

fn read_words(t: &Toks, i: usize, pre: usize, first: NumWord) -> Option<Num> {
    match first {
        NumWord::Vague(floor) => Some(vague(t, i, pre, floor)),
        NumWord::ScalePlural(s) => Some(vague(t, i, pre, 2.0 * s)),
        NumWord::Fraction(fr) => {
            let j = i + 1;
            match lexicon().numbers.get(t.s(j)) {
                Some(NumWord::Scale(s)) if t.joined(j) => {
                    let mut n = Num::new(i, pre, fr * s, Kind::Words);
                    n.end = j + 1;
                    n.scaled = true;
                    Some(n)
                }
                _ => None,
            }
        }
        NumWord::Unit(1) => {
            // «واحد وعشرون» is 21; a lone واحد counts the noun before it, and «واحد من
            // أكبر…», «واحداً منها» is "one of" («واحد من طراز» is still one).
            match word_group(t, i, pre, f64::INFINITY) {
                Some((v, end)) if v > 1.0 => Some(words_num(t, i, pre, v, end)),
                _ if one_of(t, i) => None,
                _ => Some(Num::new(i, pre, 1.0, Kind::One)),
            }
        }
        // «للعام الحادي عشر»: the second word of an ordinal.
        NumWord::Ten
            if pre == 0
                && i > 0
                && t.joined(i)
                && (is_def(t.s(i - 1)) || is_ordinal(t.s(i - 1))) =>
        {
            None
        }
        _ => {
            let (v, end) = word_group(t, i, pre, f64::INFINITY)?;
            let mut n = words_num(t, i, pre, v, end);
            if first == NumWord::Unit(2) && end == i + 1 {
                n.kind = Kind::Two;
            }
            Some(n)
        }
    }
}

fn one_of(t: &Toks, i: usize) -> bool {
    if !t.joined(i + 1) {
        return false;
    }
    let next = t.s(i + 1);
    let of_whom = matches!(
        next,
        "منهم" | "منها" | "منه" | "منهن" | "منهما" | "منكم" | "منا"
    );
    let after = t.s(i + 2);
    // An elative (أكبر, أهم, أبرز) or a definite noun after من.
    let elative = after.starts_with('ا') && after.chars().count() == 4;
    of_whom || (next == "من" && t.joined(i + 2) && (is_def(after) || elative))
}

fn is_ordinal(w: &str) -> bool {
    matches!(
        w,
        "حادي" | "ثاني" | "ثالث" | "رابع" | "خامس" | "سادس" | "سابع" | "ثامن" | "تاسع"
    )
}

fn words_num(t: &Toks, i: usize, pre: usize, v: f64, end: usize) -> Num {
    let mut n = Num::new(i, pre, v, Kind::Words);
    n.end = end;
    n.scaled = (i..end).any(|k| {
        matches!(
            lexicon().numbers.get(t.s(k)),
            Some(NumWord::Scale(_) | NumWord::ScalePlural(_) | NumWord::ScaleDual(_))
        )
    });
    n
}

/// A vague plural and the scale it may govern: «عشرات الآلاف» is at least 20 000.
fn vague(t: &Toks, i: usize, pre: usize, floor: f64) -> Num {
    let mut n = Num::new(i, pre, floor, Kind::Vague);
    let j = i + 1;
    if t.joined(j) {
        let lex = lexicon();
        let w = t.s(j);
        let scale = match (lex.numbers.get(w), lex.def_numbers.get(w)) {
            (Some(NumWord::ScalePlural(s)), _) | (_, Some((_, NumWord::ScalePlural(s)))) => {
                Some(*s)
            }
            _ => None,
        };
        if let Some(s) = scale {
            n.value = floor * s;
            n.end = j + 1;
            n.scaled = true;
        }
    }
    n
}

/// «العشرات», «الآلاف» (vague, definite) and «الأيام الأربعة» (a definite cardinal
/// agreeing with the definite plural before it).
fn read_definite(t: &Toks, i: usize, pre: usize, nw: NumWord) -> Option<Num> {
    if pre != "ال".len() {
        return None;
    }
    match nw {
        NumWord::Vague(floor) => Some(vague(t, i, pre, floor)),
        NumWord::ScalePlural(s) => Some(vague(t, i, pre, 2.0 * s)),
        NumWord::Unit(u @ 3..=9) if definite_plural_before(t, i) => {
            Some(Num::new(i, pre, f64::from(u), Kind::DefCardinal))
        }
        NumWord::Ten if definite_plural_before(t, i) => {
            Some(Num::new(i, pre, 10.0, Kind::DefCardinal))
        }
        _ => None,
    }
}

fn definite_plural_before(t: &Toks, i: usize) -> bool {
    i > 0 && t.joined(i) && t.is_letters(i - 1) && {
        let w = t.s(i - 1);
        is_def(w)
            && find_split(w, |sp| {
                (sp.def && (lexicon().plurals.contains_key(sp.stem) || sp.stem.ends_with("ات")))
                    .then_some(())
            })
            .is_some()
    }
}

/// Number words from word `i` (its first `pre` bytes are clitics) joined the Arabic way:
/// units before tens with و («خمسة وعشرون»), teens («ثلاثة عشر»), hundreds
/// («ثلاث مئة», «مئة وخمسون»), scale words multiplying what came before («ثلاثة آلاف»)
/// and smaller groups after a scale («ألف وخمسمئة»). Everything must stay below `above`.
pub(super) fn word_group(t: &Toks, i: usize, pre: usize, above: f64) -> Option<(f64, usize)> {
    let lex = lexicon();
    let (mut total, mut group, mut last_scale) = (0.0, 0.0, above);
    // What may follow the group so far: 0 after units (tens), 1 after hundreds (anything
    // below 100), 2 when the group is closed (only a scale).
    let mut open: u8;
    let mut j = i;
    let first = lex.numbers.get(&t.s(i)[pre..]).copied()?;
    match small(t, i, first) {
        Some((v, end, o)) => {
            group = v;
            open = o;
            j = end;
        }
        None => match first {
            NumWord::Scale(s) if s < above => {
                total = s;
                last_scale = s;
                open = 1;
                j += 1;
            }
            NumWord::ScaleDual(s) if 2.0 * s < above => {
                total = 2.0 * s;
                last_scale = s;
                open = 1;
                j += 1;
            }
            _ => return None,
        },
    }
    loop {
        // A scale multiplies the open group: «ثلاثة آلاف», «مئتين وخمسين ألف».
        if group > 0.0
            && t.joined(j)
            && let Some(NumWord::Scale(s) | NumWord::ScalePlural(s)) = lex.numbers.get(t.s(j))
            && *s < last_scale
        {
            total += group * s;
            group = 0.0;
            last_scale = *s;
            open = 1;
            j += 1;
            continue;
        }
        // «ستة آلاف مليون»: a larger scale after a scale multiplies everything before it.
        if group == 0.0
            && t.joined(j)
            && let Some(NumWord::Scale(s)) = lex.numbers.get(t.s(j))
            && *s > last_scale
            && last_scale.is_finite()
        {
            total *= s;
            last_scale = f64::INFINITY;
            j += 1;
            continue;
        }
        if !t.joined(j) {
            break;
        }
        // «مليون ونصف المليون»
        if t.s(j) == "ونصف" && group == 0.0 && last_scale.is_finite() {
            total += last_scale / 2.0;
            j = half_end(t, j);
            break;
        }
        // «مليار و200 مليون»: digits after a scale, with their own smaller scale.
        if t.s(j) == "و"
            && open == 1
            && group == 0.0
            && t.is_num(j + 1)
            && t.gap_before(j + 1).is_empty()
        {
            if let Some(part) = read_digits(t, j + 1)
                && (0.0..last_scale).contains(&part.value)
            {
                total += part.value;
                j = part.end;
            }
            break;
        }
        let Some(rest) = t.s(j).strip_prefix('و') else {
            break;
        };
        let Some(next) = lex.numbers.get(rest).copied() else {
            break;
        };
        let Some((v, end, o)) = small(t, j, next) else {
            break;
        };
        let fits = match (open, next) {
            (0, NumWord::Tens(_)) => group % 100.0 < 10.0,
            (1, _) => (group == 0.0 && v < last_scale) || (group >= 100.0 && v < 100.0),
            _ => false,
        };
        if !fits {
            break;
        }
        group += v;
        open = o;
        j = end;
    }
    (j > i).then_some((total + group, j))
}

/// One group below a thousand starting at word `j` whose number word is `nw`: a unit, a
/// teen, tens or hundreds. Returns its value, the next word, and what may follow (see
/// [`word_group`]).
fn small(t: &Toks, j: usize, nw: NumWord) -> Option<(f64, usize, u8)> {
    let lex = lexicon();
    let next = lex
        .numbers
        .get(t.s(j + 1))
        .filter(|_| t.joined(j + 1))
        .copied();
    Some(match nw {
        NumWord::Unit(u) | NumWord::TeenHead(u) if next == Some(NumWord::Ten) => {
            (10.0 + f64::from(u), j + 2, 2)
        }
        NumWord::TeenHead(_) => return None,
        NumWord::Unit(u) if u >= 3 && next == Some(NumWord::Hundreds(100)) => {
            (f64::from(u) * 100.0, j + 2, 1)
        }
        NumWord::Unit(u) => (f64::from(u), j + 1, 0),
        NumWord::Ten => (10.0, j + 1, 2),
        NumWord::Tens(x) => (f64::from(x), j + 1, 2),
        NumWord::Hundreds(h) => (f64::from(h), j + 1, 1),
        _ => return None,
    })
}
