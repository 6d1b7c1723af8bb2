//! Arabic shaping: which presentation form (isolated, initial, medial, final, or a lam-alef
//! ligature) each letter of a paragraph is drawn with, for terminals that draw every code
//! point in its nominal, isolated shape.
//!
//! Works on one paragraph in *logical* order, before wrapping and reordering, and returns one
//! [`Shaped`] per `char`, so callers keep their own positions (search, selection, tags) and
//! only swap glyphs when drawing. Joining types come from the `unicode-joining-type` crate
//! (ArabicShaping.txt); the forms from the generated table in `forms.rs`. Only lam-alef is
//! ligated: no ALLAH ligature, no other multi-letter ligature. Harakat are left alone
//! (stripping them is the caller's choice).
//!
//! Joining, as in section 9.2 of the Unicode Standard (cursive joining, rules R1-R7):
//! transparent characters (harakat and other marks, format characters) are skipped when
//! looking for a letter's neighbours. A letter joins its previous neighbour when it is
//! dual-, right-joining or join-causing (tatweel U+0640, ZWJ U+200D) and the neighbour is
//! dual-, left-joining or join-causing; "joins the next" is the same test seen from the other
//! side. ZWNJ U+200C, spaces, digits and every other non-joining character break joining.
//! Non-joining letters (hamza) are kept: their only form looks the same.
//!
//! Fallback when Unicode has no presentation form for the position a letter is in (as of
//! Unicode 15 only U+06BA noon ghunna, which has no initial or medial form, and U+0677, which
//! has no final one): medial → final, else initial; initial or final → isolated; a letter with
//! no form at all (most of Arabic Extended-A, Syriac, N'Ko) → [`Shaped::Keep`], which a
//! terminal draws isolated. Medial prefers final because that is the letter's form at the end
//! of a word, where Urdu writes noon ghunna. The neighbours are not re-shaped for this: they
//! keep the joins their joining types give them, so a letter next to a fallback may show a
//! join stroke towards it. Changing that would make the joining depend on khabar's table
//! rather than on Unicode's joining types, and FriBidi does not do it either.

use unicode_joining_type::{JoiningType, get_joining_type};

use super::forms::{FORMS, Forms, LAM_ALEF};

/// What shaping does to one character of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shaped {
    /// Shown as it is: not a letter with presentation forms.
    Keep,
    /// Shown as this presentation form (isolated, initial, medial or final by context).
    Form(char),
    /// A lam shown as this lam-alef ligature; the ligature also stands for the alef that
    /// follows the lam (possibly after transparent marks), which is marked `Absorbed`.
    Ligature(char),
    /// An alef drawn by the ligature of the lam before it: shows nothing itself.
    Absorbed,
}

const LAM: char = '\u{0644}';

/// A letter waiting for its next joining neighbour before its form can be chosen.
struct Pending {
    /// Its index in `out`.
    at: usize,
    forms: &'static Forms,
    /// Whether it joins the joining character before it.
    joins_prev: bool,
}

/// Shapes `text` (logical order): clears `out` and pushes one entry per char of `text`.
pub fn shape(text: &str, out: &mut Vec<Shaped>) {
    out.clear();
    // Every character that joins or has forms is at U+0600 or above, and only those have a
    // UTF-8 lead byte of 0xD8 or more: text without such a byte is all `Keep`.
    if !text.bytes().any(|b| b >= 0xD8) {
        out.resize(super::units::char_count(text), Shaped::Keep);
        return;
    }
    // One entry per char: sized once rather than grown while pushing.
    out.reserve(super::units::char_count(text));
    // The joining type of the last non-transparent character, seen by the next one.
    let mut prev = JoiningType::NonJoining;
    let mut pending: Option<Pending> = None;
    for ch in text.chars() {
        let at = out.len();
        out.push(Shaped::Keep);
        let kind = joining_type(ch);
        if kind == JoiningType::Transparent {
            continue;
        }
        let joins_prev = joins_back(kind) && joins_forward(prev);
        if let Some(lam) = pending.take() {
            if lam.forms.0 == LAM
                && let Some(&(_, isolated, fin)) = lam_alef(ch)
            {
                out[lam.at] = Shaped::Ligature(if lam.joins_prev { fin } else { isolated });
                out[at] = Shaped::Absorbed;
                // The ligature ends in an alef, which never joins what follows.
                prev = JoiningType::RightJoining;
                continue;
            }
            out[lam.at] = form(lam.forms, lam.joins_prev, joins_prev);
        }
        prev = kind;
        // A non-joining letter (hamza U+0621) has one shape: its isolated presentation form
        // is the same glyph, so it is left as it is (as FriBidi does).
        if kind == JoiningType::NonJoining {
            continue;
        }
        pending = forms_of(ch).map(|forms| Pending {
            at,
            forms,
            joins_prev,
        });
    }
    if let Some(last) = pending {
        out[last.at] = form(last.forms, last.joins_prev, false);
    }
}

/// The joining type, with ASCII (always non-joining) answered without a table look-up.
fn joining_type(ch: char) -> JoiningType {
    if ch.is_ascii() {
        JoiningType::NonJoining
    } else {
        get_joining_type(ch)
    }
}

/// Whether a character of this type can join the character before it.
fn joins_back(kind: JoiningType) -> bool {
    matches!(
        kind,
        JoiningType::DualJoining | JoiningType::RightJoining | JoiningType::JoinCausing
    )
}

/// Whether a character of this type can join the character after it.
fn joins_forward(kind: JoiningType) -> bool {
    matches!(
        kind,
        JoiningType::DualJoining | JoiningType::LeftJoining | JoiningType::JoinCausing
    )
}

/// The first and last letters of the table.
const FIRST: char = FORMS[0].0;
const LAST: char = FORMS[FORMS.len() - 1].0;

/// `INDEX[ch - FIRST]` is 1 + the position of `ch` in `FORMS`, or 0: a direct look-up,
/// built at compile time from the generated table (it spans U+0621..U+06D3).
const INDEX: [u8; LAST as usize - FIRST as usize + 1] = {
    let mut index = [0; LAST as usize - FIRST as usize + 1];
    let mut i = 0;
    while i < FORMS.len() {
        index[FORMS[i].0 as usize - FIRST as usize] = i as u8 + 1;
        i += 1;
    }
    index
};

/// The presentation forms of `ch`, if it has any.
fn forms_of(ch: char) -> Option<&'static Forms> {
    let slot = (ch as usize).checked_sub(FIRST as usize)?;
    let i = usize::from(*INDEX.get(slot)?);
    FORMS.get(i.checked_sub(1)?)
}

fn lam_alef(ch: char) -> Option<&'static (char, char, char)> {
    LAM_ALEF.iter().find(|l| l.0 == ch)
}

/// The form to draw given a letter's two joins, with the fallbacks described in the module
/// doc.
fn form(forms: &Forms, joins_prev: bool, joins_next: bool) -> Shaped {
    let &(_, isolated, fin, initial, medial) = forms;
    let chosen = match (joins_prev, joins_next) {
        (true, true) => medial.or(fin).or(initial),
        (true, false) => fin,
        (false, true) => initial,
        (false, false) => None,
    };
    match chosen.or(isolated) {
        Some(c) => Shaped::Form(c),
        None => Shaped::Keep,
    }
}

#[cfg(test)]
#[path = "shape_tests.rs"]
mod tests;
