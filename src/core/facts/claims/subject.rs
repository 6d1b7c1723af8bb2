//! Finding the claimant phrase of a cue: the subject after a verb (or the object of a source
//! phrase), a person named after a title or in apposition, a subject before the verb, and the
//! reports a denial rejects. Word indices in, word ranges out.

use std::ops::Range;

use super::Ctx;
use super::lexicon::{
    ADVERBS, BOUNDARY, CLAUSE_OPENERS, CONSTRUCT_HEADS, NOT_NAMES, REPORTS, TITLES,
};
use crate::core::facts::folded::WordKind;

/// The subject after a verb or the object of a source phrase: (the noun phrase, the wider
/// window to look for names in). None when a boundary word comes first.
pub(super) fn subject_after(
    ctx: &Ctx,
    at: usize,
    limit: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    // Adverbs between the verb and its subject («أكدت فيه باكو», «دعت مجدداً روسيا»); a
    // comma after them means the verb has no subject after it («نفت صباح أمس، صحة …»).
    let mut at = at;
    // «دعت كل من روسيا والولايات المتحدة …»: the subject is what follows «كل من».
    if at + 2 < limit && ctx.text(at) == "كل" && ctx.text(at + 1) == "من" {
        at += 2;
    }
    while at < limit && ADVERBS.contains(&ctx.text(at)) {
        at += 1;
        if at < limit && !ctx.joined(at - 1) {
            return (None, None);
        }
    }
    if at >= limit {
        return (None, None);
    }
    // The window where a claimant's name may be: up to a boundary word, 14 words at most;
    // the noun phrase below stops earlier, at a word glued to ل.
    let mut end = at;
    let mut np_stop = None;
    while end < limit && end - at < 14 {
        let t = ctx.text(end);
        if ctx.words[end].kind == WordKind::Number || BOUNDARY.contains(&t) {
            break;
        }
        // «للصحفيين», «لوكالة …»: a word glued to ل ends the noun phrase, but not right after
        // «التابع» («التابع للحكومة الأرمينية» belongs to the name).
        if end > at && np_stop.is_none() && t.starts_with('ل') && !t.starts_with("لا") {
            let prev = ctx.text(end - 1);
            if !matches!(prev, "التابع" | "التابعه" | "الموالي" | "المواليه")
            {
                np_stop = Some(end);
            }
        }
        end += 1;
        if end < limit && matches!(ctx.gap(end - 1), ":" | "«" | "\"" | "“" | "(" | ")") {
            break;
        }
    }
    if end == at {
        return (None, None);
    }
    let window = at..end;
    let end = np_stop.unwrap_or(end);
    // The noun phrase proper: the head, then words glued to it that are definite or read as
    // adjectives (nisba endings), or an institution's «التابع لـ…».
    let mut np_end = at + 1;
    let strip = |t: &str| {
        t.strip_prefix("لل")
            .map(|s| format!("ال{s}"))
            .unwrap_or(t.to_string())
    };
    let definite = |t: &str| t.starts_with("ال") || t.starts_with("لل");
    let head_definite = definite(ctx.text(at));
    let mut after_adjective = false;
    while np_end < end && ctx.joined(np_end - 1) {
        let t = strip(ctx.text(np_end));
        // «تركيا وقوفها»: a word opening on و, or closing on a pronoun, starts the object.
        if t.starts_with('و') || t.ends_with("ها") || t.ends_with("هم") {
            break;
        }
        let adjective = ["ي", "يه", "ون", "يون", "يين"]
            .iter()
            .any(|s| t.ends_with(s))
            || (t.ends_with('ه') && !t.ends_with("ات"))
            || crate::core::facts::names::nationality(&t).is_some();
        let nisba = ["ي", "يه", "يون", "يين"].iter().any(|s| t.ends_with(s))
            || crate::core::facts::names::nationality(&t).is_some();
        let keep = if after_adjective {
            // «وزارة الدفاع الأذربيجانية الهجوم»: after an adjective, a noun is the object.
            adjective && definite(&t) == definite(ctx.text(np_end - 1))
        } else if head_definite {
            // «الرئاسة الروسية», «القوات المسلحة»; not «الوزارة القوات»: a definite noun
            // takes only adjectives after it.
            definite(&t) && adjective
        } else {
            // A construct: «وزارة الدفاع الأذربيجانية», «مركز الإعلام الموحد», «رئيس
            // أذربيجان» (an indefinite second word only after a known head).
            definite(&t)
                || (np_end == at + 1
                    && CONSTRUCT_HEADS.contains(&ctx.text(at).trim_start_matches('ل')))
                || (np_end == at + 1 && adjective)
                // «وسائل إعلام أرمينية»: an indefinite adjective agrees with the chain.
                || (nisba && !definite(&t))
        };
        if !keep {
            break;
        }
        after_adjective |= nisba;
        np_end += 1;
    }
    (Some(at..np_end), Some(window))
}

/// A person named in the claimant phrase: after a title («الدكتورة هبة سليمان»), or in
/// apposition after a comma («المدير العام للديوان، منير بن سالم،»): two to four words with
/// no article (a leading title or nationality adjective is allowed: «البرتغالي جواو …»).
pub(super) fn apposition(
    ctx: &Ctx,
    np: &Range<usize>,
    window: &Range<usize>,
) -> Option<Range<usize>> {
    let name_at = |from: usize| -> Option<Range<usize>> {
        let mut k = from;
        while k < window.end
            && (TITLES.contains(&ctx.text(k))
                || crate::core::facts::names::nationality(ctx.text(k)).is_some())
            && ctx.text(k).starts_with("ال")
        {
            k += 1;
        }
        let start = k;
        while k < window.end && k - start < 4 {
            let t = ctx.text(k);
            let particle = matches!(t, "بن" | "ابن" | "ابو" | "عبد" | "بنت" | "ولد" | "ال");
            // «عبد الحليم», and family names after a first name: «خالد العبادي».
            let family = k > start && (ctx.text(k - 1) == "عبد" || t.ends_with('ي'));
            let article = t.starts_with("ال") && !family;
            if ctx.words[k].kind != WordKind::Letters
                || (article && !particle)
                || BOUNDARY.contains(&t)
                || ADVERBS.contains(&t)
                || NOT_NAMES.contains(&t)
            {
                break;
            }
            k += 1;
            if k < window.end && !ctx.joined(k - 1) {
                break;
            }
        }
        let next_is_number = ctx.words.get(k).is_some_and(|w| w.kind == WordKind::Number);
        let ends_clean = !next_is_number
            && (k == window.end || !ctx.joined(k - 1) || BOUNDARY.contains(&ctx.text(k)));
        (k - start >= 2 && ends_clean).then_some(start..k)
    };
    // A title heading the phrase, and the name right after it.
    if TITLES.contains(&ctx.text(np.start))
        && np.end - np.start == 1
        && ctx.joined(np.start)
        && let Some(r) = name_at(np.start + 1)
    {
        return Some(r);
    }
    // A comma within a few words after the phrase, and a name after it.
    let mut k = np.end.max(np.start + 1);
    while k < window.end && k - np.end < 5 {
        if matches!(ctx.gap(k - 1), "،" | ",") {
            return name_at(k);
        }
        k += 1;
    }
    None
}

/// A subject just before the verb, back to the start of its clause (sentence start, a comma
/// or a clause-opening particle): «لكن وزارة الدفاع في أذربيجان نفت …».
pub(super) fn subject_before(
    ctx: &Ctx,
    sentence_start: usize,
    verb: usize,
) -> Option<Range<usize>> {
    let mut start = verb;
    while start > sentence_start && verb - start < 8 {
        if !ctx.joined(start - 1) || CLAUSE_OPENERS.contains(&ctx.text(start - 1)) {
            break;
        }
        start -= 1;
    }
    while start < verb && CLAUSE_OPENERS.contains(&ctx.text(start)) {
        start += 1;
    }
    let opened = start == sentence_start
        || !ctx.joined(start - 1)
        || CLAUSE_OPENERS.contains(&ctx.text(start - 1));
    if start == verb || !opened || ctx.words[start].kind == WordKind::Number {
        return None;
    }
    // A clause that opens on a verb or particle is not a subject.
    let head = ctx.text(start);
    if BOUNDARY.contains(&head) || ctx.cue_at(start).is_some() {
        return None;
    }
    Some(start..verb)
}

/// «صحة التقارير الأرمينية» after a denial: the words naming the reports.
pub(super) fn reports_after(ctx: &Ctx, at: usize, limit: usize) -> Option<Range<usize>> {
    let mut i = at;
    while i < limit && i - at < 6 {
        let t = ctx.text(i);
        if REPORTS.contains(&t) {
            let mut end = i + 1;
            while end < limit && ctx.joined(end - 1) && ctx.text(end).starts_with("ال") {
                end += 1;
            }
            return Some(i..end);
        }
        i += 1;
    }
    None
}
