//! Numbers written in digits: ASCII, Arabic-Indic and Persian digits with their thousands
//! and decimal separators («١٬٢٣٤», «٦٧٫٥», «1,5» in Maghreb style), thousands grouped by
//! spaces («2 500 000»), a minus sign glued to the digits («-5 درجات»), and the scale words
//! after them with what و joins to a scale («2.5 مليار», «مليار و200 مليون», «مليون ونصف»).

use super::lexicon::{NumWord, lexicon};
use super::spell::{Kind, Num, word_group};
use super::tokens::{Toks, is_blank};

pub(super) fn read_digits(t: &Toks, i: usize) -> Option<Num> {
    let s = t.s(i);
    let o = t.original(t.t[i].start, t.t[i].end);
    let orig = &t.f.original[o];
    let mut value = parse_number(s, orig.contains('\u{066C}'), orig.contains('\u{066B}'))?;
    let mut n = Num::new(i, 0, value, Kind::Digits);
    // «2 500 000»: thousands grouped by spaces, as Maghreb and French-trained desks write.
    if s.len() <= 3 && plain_int(s) {
        while t.is_num(n.end)
            && t.s(n.end).len() == 3
            && plain_int(t.s(n.end))
            && t.gap_before(n.end).chars().count() == 1
            && is_blank(t.gap_before(n.end))
        {
            value = value * 1000.0 + parse_number(t.s(n.end), false, false)?;
            n.end += 1;
        }
    }
    // «-5 درجات»: a dash glued to the digits after a space is a sign, not a separator.
    let gb = t.gap_before(i);
    if let Some(rest) = gb.strip_suffix(['-', '−'])
        && (i == 0 || rest.ends_with(char::is_whitespace))
        && !(i > 0 && t.t[i - 1].num)
    {
        value = -value;
        n.lead = gb.len() - rest.len();
    }
    n.value = value;
    scales(t, &mut n, f64::INFINITY);
    Some(n)
}

fn plain_int(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a folded digit string. `,` is a thousands separator when every group after
/// it has three digits (or the original wrote ٬), otherwise a lone `,` is a decimal comma
/// («1,5» in Maghreb style); `.` is a decimal point, or a thousands separator when it
/// repeats between groups of three («1.234.567»). With both, the last one is the decimal.
pub(super) fn parse_number(s: &str, arabic_thousands: bool, arabic_decimal: bool) -> Option<f64> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let (thousands, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (_, 0) if arabic_thousands || groups_of_three(s, ',') => (Some(','), None),
        (1, 0) => (None, Some(',')),
        (_, 0) => return None,
        (0, 1) => (None, Some('.')),
        (0, _) if !arabic_decimal && groups_of_three(s, '.') => (Some('.'), None),
        (0, _) => return None,
        _ if s.rfind('.') > s.rfind(',') => (Some(','), Some('.')),
        _ => (Some('.'), Some(',')),
    };
    let (int, frac) = match decimal {
        Some(d) => {
            let (a, b) = s.rsplit_once(d)?;
            (a, Some(b))
        }
        None => (s, None),
    };
    if let Some(sep) = thousands
        && !groups_of_three(int, sep)
    {
        return None;
    }
    let mut digits: String = int.chars().filter(char::is_ascii_digit).collect();
    if let Some(frac) = frac {
        if !plain_int(frac) {
            return None;
        }
        digits.push('.');
        digits.push_str(frac);
    }
    digits.parse().ok()
}

fn groups_of_three(s: &str, sep: char) -> bool {
    let mut groups = s.split(sep);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && plain_int(first)
        && groups.all(|g| g.len() == 3 && plain_int(g))
        && s.contains(sep)
}

/// A scale word after the number («400 ألف», «2.5 مليار»), then what is joined to it by و:
/// a smaller part («مليار و200 مليون», «ألف وخمسمئة») or a half («مليون ونصف»).
fn scales(t: &Toks, n: &mut Num, above: f64) {
    let j = n.end;
    if !t.joined(j) || !t.is_letters(j) {
        return;
    }
    let scale = match lexicon().numbers.get(t.s(j)) {
        Some(NumWord::Scale(s) | NumWord::ScalePlural(s)) if *s < above => *s,
        _ => return,
    };
    n.value *= scale;
    n.end = j + 1;
    n.scaled = true;
    // «5 آلاف مليون»: a larger scale after the first multiplies again.
    if t.joined(n.end)
        && let Some(NumWord::Scale(big)) = lexicon().numbers.get(t.s(n.end))
        && *big > scale
    {
        n.value *= big;
        n.end += 1;
        return;
    }
    more_after_scale(t, n, scale);
}

fn more_after_scale(t: &Toks, n: &mut Num, scale: f64) {
    // The و is its own word before digits («و200») or glued to a number word («وخمسمئة»).
    let j = n.end;
    if !t.joined(j) {
        return;
    }
    if t.s(j) == "و" && t.is_num(j + 1) && t.gap_before(j + 1).trim().is_empty() {
        // read_digits takes the part's own scale («و200 مليون»); it must stay below ours.
        if let Some(part) = read_digits(t, j + 1)
            && (0.0..scale).contains(&part.value)
        {
            n.value += part.value;
            n.end = part.end;
        }
        return;
    }
    let Some(rest) = t.s(j).strip_prefix('و') else {
        return;
    };
    if rest == "نصف" {
        n.value += scale / 2.0;
        n.end = half_end(t, j);
        return;
    }
    if let Some((v, end)) = word_group(t, j, 'و'.len_utf8(), scale) {
        n.value += v;
        n.end = end;
    }
}

/// One past «ونصف» at word `j`, and past the scale it may repeat («مليون ونصف المليون»).
pub(super) fn half_end(t: &Toks, j: usize) -> usize {
    let repeated = t.joined(j + 1)
        && matches!(
            lexicon().def_numbers.get(t.s(j + 1)),
            Some((_, NumWord::Scale(_)))
        );
    if repeated { j + 2 } else { j + 1 }
}
