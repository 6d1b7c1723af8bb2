//! The one descriptive adjective a counted noun may take into its unit («طائرة مسيرة»,
//! «موقع عسكري», «طائرتين مروحيتين»): it agrees with the noun (gender, number, dual, the
//! feminine singular after a non-human plural), is a nisba, a participle or a listed common
//! adjective, and is never a nationality («عسكرياً أذربيجانياً» stays عسكري).

use super::lexicon::{class, lexicon};
use super::noun::{Counted, tanween};
use super::tokens::{Toks, is_def, letters, trim_chars};

/// The shape of the noun an adjective must agree with.
#[derive(Debug, Clone, Copy)]
pub(super) enum Shape {
    Masc {
        tanween: bool,
    },
    Fem,
    /// A non-human plural takes a feminine singular adjective (طائرات مسيرة).
    Plural,
    MascDual,
    FemDual,
}

/// One agreeing descriptive adjective after the noun: a nisba (حربية, عسكري), a feminine
/// participle (مسيرة, مدرعة) or a listed common adjective; not a nationality, not a listed
/// plural noun («راجمات صواريخ» is a construct), not definite.
pub(super) fn add_adjective(t: &Toks, c: &mut Counted, shape: Shape) {
    let lex = lexicon();
    let k = c.end;
    if !t.joined(k) || !t.is_letters(k) {
        return;
    }
    let w = t.s(k);
    if is_def(w)
        || w.starts_with('و')
        || lex.is(w, class::STOP)
        || lex.plurals.contains_key(w)
        || lex.numbers.contains_key(w)
        || lex.nationalities.contains(nisba_stem(w))
    {
        return;
    }
    let printed = t.printed(k);
    let participle = w.starts_with('م') && letters(w) >= 4;
    let adj = match shape {
        // A human plural takes a plural adjective: «ثلاثة لاعبين أساسيين».
        Shape::Plural if letters(w) >= 5 && (w.ends_with("ين") || w.ends_with("ون")) => {
            let nisba = w.ends_with("يين") || w.ends_with("يون");
            (nisba || participle).then(|| trim_chars(&printed, 0, 2))
        }
        Shape::Fem | Shape::Plural if w.ends_with('ه') => {
            let agrees = w.ends_with("يه") || participle || lex.is(w, class::ADJ);
            // A non-human plural takes a feminine adjective whatever the singular's gender:
            // «طرق رئيسية» is طريق رئيسي.
            let masc = matches!(shape, Shape::Plural) && !c.base.ends_with('ة');
            agrees.then(|| trim_chars(&printed, 0, usize::from(masc)))
        }
        Shape::Masc { tanween: had } => {
            let bare = if had {
                tanween(w)
            } else {
                Some(w).filter(|w| tanween(w).is_none())
            };
            bare.filter(|b| {
                !b.ends_with('ه')
                    && ((b.ends_with('ي') && letters(b) >= 3) || lex.is(b, class::ADJ))
            })
            .map(|_| trim_chars(&printed, 0, usize::from(had)))
        }
        // A word in the dual right after a dual noun agrees with it: «كميتين كبيرتين».
        Shape::FemDual if (w.ends_with("تين") || w.ends_with("تان")) && letters(w) >= 5 => {
            Some(trim_chars(&printed, 0, 3) + "ة")
        }
        Shape::MascDual if (w.ends_with("ين") || w.ends_with("ان")) && letters(w) >= 5 => {
            Some(trim_chars(&printed, 0, 2))
        }
        _ => None,
    };
    if let Some(adj) = adj {
        c.base.push(' ');
        c.base.push_str(&adj);
        c.end = k + 1;
    }
}

/// The masculine nisba an adjective is built on: «أذربيجانياً», «أوكرانية», «روسيتين» →
/// the -ي form, for the nationality list.
fn nisba_stem(w: &str) -> &str {
    let w = tanween(w).unwrap_or(w);
    for (suffix, keep) in [
        ("يتين", 1),
        ("يتان", 1),
        ("يين", 1),
        ("يان", 1),
        ("يون", 1),
        ("يه", 1),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let cut = stem.len()
                + suffix
                    .char_indices()
                    .nth(keep)
                    .map_or(suffix.len(), |(b, _)| b);
            return &w[..cut];
        }
    }
    w
}
