//! What a number counts: the noun after it («416 دبابة», «3754 عسكرياً», «أربع راجمات»),
//! through «من» and a plural («250 من الدبابات», «350 من جنوده»), the genitive after a vague
//! plural («عشرات المدنيين»), the noun before «واحد» («نظام دفاع جوي واحد») or before a bare
//! number («عدد القتلى 28»), with one agreeing descriptive adjective («طائرة مسيرة»), and
//! its base form: singular (the plural list, then ـات → ـة and the sound masculine plural),
//! indefinite, no clitics, no tanween alif. Nationality adjectives never join the unit.

use super::adjective::{Shape, add_adjective};
use super::lexicon::{class, fold, lexicon};
use super::spell::{Kind, Num};
use super::tokens::{Toks, find_split, is_def, letters, trim_chars};

#[derive(Debug, Clone)]
pub(super) struct Counted {
    /// The first word and its clitic bytes; one past the last word (adjective included).
    pub first: usize,
    pub pre: usize,
    pub end: usize,
    /// The unit: the noun's base form and the adjective's, space-separated.
    pub base: String,
    /// The noun is in the lists (a unit or a listed plural's singular).
    pub known: bool,
}

/// The counted noun after the number `n` (at word `n.end`).
pub(super) fn after(t: &Toks, n: &Num) -> Option<Counted> {
    let lex = lexicon();
    let j = n.end;
    if !t.joined(j) || !t.is_letters(j) {
        return None;
    }
    let w = t.s(j);
    if w == "من" {
        return of_plural(t, j);
    }
    // «خلال 2024 وحده» (alone) folds like «وحدة» (a unit); the original tells them apart.
    let alone = w == "وحده" && t.printed(j).ends_with('ه');
    if alone || lex.is(w, class::STOP) || lex.numbers.contains_key(w) {
        return None;
    }
    if w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return english(t, j);
    }
    let known = |s: &str| {
        lex.plurals.contains_key(s) || lex.units.contains_key(s) || lex.singulars.contains(s)
    };
    let (pre, stem) = if known(w) {
        (0, w)
    } else if is_def(w) {
        // Only a vague plural takes a definite genitive: «عشرات المدنيين».
        if n.kind != Kind::Vague {
            return None;
        }
        find_split(w, |sp| {
            (sp.def && letters(&w[..sp.pre]) == 2).then_some((sp.pre, sp.stem))
        })?
    } else {
        let looks_noun =
            tanween(w).is_some() || w.ends_with("ات") || w.ends_with("يين") || w.ends_with("يون");
        // A word glued to و starts the next clause; one glued to ب/ل/ك/ف is a prepositional
        // phrase («1900 بجروح») unless its ending says noun.
        if w.starts_with('و')
            || (w.starts_with(['ب', 'ل', 'ك', 'ف']) && letters(w) >= 4 && !looks_noun)
        {
            return None;
        }
        (0, w)
    };
    let printed = trim_chars(&t.printed(j), letters(&w[..pre]), 0);
    // After a vague plural or 3–10 the noun is a plural: «مئات الفلاحين» → فلاح.
    let plural =
        n.kind == Kind::Vague || (n.kind == Kind::Words && (3.0..=10.0).contains(&n.value));
    let base = base_noun(stem, &printed, plural);
    let mut c = Counted {
        first: j,
        pre: article_kept(w, pre),
        end: j + 1,
        known: known(stem) || lex.singulars.contains(&fold(&base)),
        base,
    };
    if pre == 0 {
        let human_plural = plural && (stem.ends_with("ين") || stem.ends_with("ون"));
        let shape = if lex.plurals.contains_key(stem) || stem.ends_with("ات") || human_plural {
            Shape::Plural
        } else if stem.ends_with('ه') {
            Shape::Fem
        } else {
            Shape::Masc {
                tanween: tanween(stem).is_some(),
            }
        };
        add_adjective(t, &mut c, shape);
    }
    Some(c)
}

/// The dual word itself as the counted noun, with a dual adjective after it.
pub(super) fn dual(t: &Toks, n: &Num) -> Option<Counted> {
    let (sg, fem) = n.dual.clone()?;
    let mut c = Counted {
        first: n.first,
        pre: n.pre,
        end: n.first + 1,
        known: lexicon().singulars.contains(&fold(&sg)),
        base: sg,
    };
    add_adjective(
        t,
        &mut c,
        if fem { Shape::FemDual } else { Shape::MascDual },
    );
    Some(c)
}

/// «من» + a plural: definite («من الدبابات»), with a possessive («من جنوده») or in a
/// construct («ألوفاً من قوات حفظ السلام»).
fn of_plural(t: &Toks, j: usize) -> Option<Counted> {
    let lex = lexicon();
    let k = j + 1;
    if !t.joined(k) || !t.is_letters(k) {
        return None;
    }
    let w = t.s(k);
    let (pre, rest) = match w.strip_prefix("ال").filter(|r| letters(r) >= 2) {
        Some(r) if is_def(w) => ("ال".len(), r),
        _ => (0, w),
    };
    let is_plural = |s: &str| {
        lex.plurals.contains_key(s)
            || (s.ends_with("ات") && letters(s) >= 4)
            || (letters(s) >= 5 && (s.ends_with("ين") || s.ends_with("ون")))
    };
    let suffix = ["", "هم", "ها", "هن", "نا", "كم", "ه"]
        .into_iter()
        .find(|suf| {
            rest.strip_suffix(suf)
                .is_some_and(|s| letters(s) >= 2 && is_plural(s))
        })?;
    let stem = &rest[..rest.len() - suffix.len()];
    let printed = trim_chars(&t.printed(k), letters(&w[..pre]), letters(suffix));
    Some(Counted {
        first: j,
        pre: 0,
        end: k + 1,
        base: base_noun(stem, &printed, true),
        known: true,
    })
}

/// The noun a lone «واحد/واحدة» at word `i` counts: the indefinite noun before it, over its
/// nisba adjectives, taking in a listed noun it is the construct complement of
/// («نظام دفاع جوي واحد» → نظام). Idioms («مرة واحدة», «في آن واحد») count nothing.
pub(super) fn before_one(t: &Toks, i: usize, floor: usize) -> Option<Counted> {
    let lex = lexicon();
    let ok = |k: usize| {
        k >= floor && t.joined(k + 1) && t.is_letters(k) && {
            let w = t.s(k);
            !is_def(w) && !lex.is(w, class::STOP) && !lex.numbers.contains_key(w)
        }
    };
    let mut head = i.checked_sub(1).filter(|&k| ok(k))?;
    for _ in 0..2 {
        let w = t.s(head);
        if (w.ends_with('ي') || w.ends_with("يه")) && head > 0 && ok(head - 1) {
            head -= 1;
        } else {
            break;
        }
    }
    if find_split(t.s(head), |sp| lex.is(sp.stem, class::IDIOM).then_some(())).is_some() {
        return None;
    }
    if head > 0 && ok(head - 1) && known_reading(t.s(head - 1)).1 {
        head -= 1;
    }
    let (pre, known) = known_reading(t.s(head));
    let w = t.s(head);
    let printed = trim_chars(&t.printed(head), letters(&w[..pre]), 0);
    Some(Counted {
        first: head,
        pre,
        end: i,
        base: base_noun(&w[pre..], &printed, false),
        known,
    })
}

/// The clitic bytes of `w` to drop to reach a known noun, and whether one was reached.
fn known_reading(w: &str) -> (usize, bool) {
    let lex = lexicon();
    find_split(w, |sp| {
        (!sp.def && (lex.singulars.contains(sp.stem) || lex.plurals.contains_key(sp.stem)))
            .then_some((sp.pre, true))
    })
    .unwrap_or((0, false))
}

/// The plural before a lone «اثنين» («متهمين اثنين»): indefinite, a listed plural or one
/// in ـين/ـون/ـات.
pub(super) fn before_two(t: &Toks, i: usize, floor: usize) -> Option<Counted> {
    let lex = lexicon();
    let k = i
        .checked_sub(1)
        .filter(|&k| k >= floor && t.joined(i) && t.is_letters(k))?;
    let w = t.s(k);
    let plural = lex.plurals.contains_key(w)
        || (letters(w) >= 4 && (w.ends_with("ين") || w.ends_with("ون") || w.ends_with("ات")));
    if !plural || is_def(w) || lex.is(w, class::STOP) {
        return None;
    }
    Some(Counted {
        first: k,
        pre: 0,
        end: k + 1,
        base: base_noun(w, &t.printed(k), true),
        known: lex.plurals.contains_key(w),
    })
}

/// A definite plural right before word `i` counted by it: «عدد القتلى 28», «الأيام الأربعة».
pub(super) fn plural_before(t: &Toks, i: usize, floor: usize) -> Option<Counted> {
    let lex = lexicon();
    let k = i
        .checked_sub(1)
        .filter(|&k| k >= floor && t.joined(i) && t.is_letters(k))?;
    let w = t.s(k);
    if !is_def(w) {
        return None;
    }
    let (pre, stem) = find_split(w, |sp| {
        (sp.def
            && (lex.plurals.contains_key(sp.stem)
                || (sp.stem.ends_with("ات") && letters(sp.stem) >= 4)))
            .then_some((sp.pre, sp.stem))
    })?;
    let printed = trim_chars(&t.printed(k), letters(&w[..pre]), 0);
    Some(Counted {
        first: k,
        pre: article_kept(w, pre),
        end: k + 1,
        base: base_noun(stem, &printed, true),
        known: true,
    })
}

/// The clitic bytes of `w` before its article, when `pre` bytes run through the article:
/// the phrase as written keeps «ال» («الأيام الأربعة»), not a preposition before it.
fn article_kept(w: &str, pre: usize) -> usize {
    let head = &w[..pre];
    if let Some(before) = head.strip_suffix("ال") {
        before.len()
    } else if head.ends_with("لل") {
        pre - "ل".len()
    } else {
        pre
    }
}

/// The base form of a counted noun, from its folded form and its printed form (one char
/// for each folded char): the listed singular, or the printed word without tanween alif,
/// ـات → ـة, and ـيين/ـيون or a participle's ـين/ـون dropped.
pub(super) fn base_noun(w: &str, printed: &str, plural: bool) -> String {
    let lex = lexicon();
    if let Some(sg) = lex.plurals.get(w) {
        return (*sg).to_string();
    }
    if lex.units.contains_key(w) {
        return printed.to_string();
    }
    if let Some(stem) = tanween(w) {
        if let Some(sg) = lex.plurals.get(stem) {
            return (*sg).to_string();
        }
        return trim_chars(printed, 0, 1);
    }
    let n = letters(w);
    if n >= 4 && w.ends_with("ات") {
        // Masdars of the derived verb forms take ـات without having ة: تعديلات → تعديل,
        // انتهاكات → انتهاك, اجتماعات → اجتماع (but إصابات → إصابة, تسويات → تسوية).
        let stem = &w[..w.len() - "ات".len()];
        let masdar = !stem.ends_with('ي')
            && ((stem.starts_with('ت') && letters(stem) >= 4)
                || (stem.starts_with('ا') && letters(stem) >= 5));
        let sg = trim_chars(printed, 0, 2);
        return if masdar { sg } else { sg + "ة" };
    }
    let masc_plural = w.ends_with("ين") || w.ends_with("ون");
    let sure = plural || w.ends_with("يين") || w.ends_with("يون") || w.starts_with('م');
    if n >= 5 && masc_plural && sure {
        return trim_chars(printed, 0, 2);
    }
    printed.to_string()
}

/// `w` without its tanween alif («عسكريا» → عسكري, «يوما» → يوم), when the alif is one.
pub(super) fn tanween(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('ا')?;
    let natural = lexicon().is(w, class::NATURAL_ALIF) || stem.ends_with('ا') || w.ends_with("ايا");
    (letters(stem) >= 2 && !natural).then_some(stem)
}

/// The counted noun of an English passage: the next word, or the one after it when the
/// next looks like an adjective («60 million international passengers»), made singular.
fn english(t: &Toks, j: usize) -> Option<Counted> {
    let lex = lexicon();
    let latin = |k: usize| {
        t.joined(k)
            && t.s(k).bytes().all(|b| b.is_ascii_alphabetic())
            && !lex.is(t.s(k), class::STOP)
    };
    if !latin(j) {
        return None;
    }
    let adjective = [
        "al", "ic", "ive", "ous", "ern", "ian", "ese", "ish", "ary", "ful", "new", "other",
    ];
    let k = if adjective.iter().any(|a| t.s(j).ends_with(a)) && latin(j + 1) {
        j + 1
    } else {
        j
    };
    let w = t.s(k);
    let base = if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        format!("{stem}y")
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    Some(Counted {
        first: j,
        pre: 0,
        end: k + 1,
        base,
        known: false,
    })
}
