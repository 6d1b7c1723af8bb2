//! Attributed claims: who is credited with what. A claim is found by its cue, a reporting verb
//! («قال», «نفت», «اتهمت»…), a participle that continues a claim («مضيفة أن»), or a source
//! phrase («وفقاً لـ», «بحسب ما أعلن»), all listed in `assets/facts/cues.tsv` with their
//! stance. For each cue this module finds the claimant phrase as written (the subject after
//! the verb, else a subject just before it, else none: the caller then carries the previous
//! claimant over), and the content span. A denial of reports («نفت X صحة التقارير …») gives
//! two linked claims: the reports state the content, X denies it.
//!
//! Everything here works on byte ranges of the folded paragraph and returns ranges of the
//! original; turning claimant phrases into canonical names, and carrying claimants from one
//! sentence to the next, is the caller's (`facts::extract`), which knows the names.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Stance;
use super::folded::{Folded, Word, WordKind};
use crate::core::text::fold_arabic;

/// What a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb: its subject is the claimant.
    Verb,
    /// A circumstantial participle («مضيفاً», «مشيرةً»): the claim goes on, same claimant.
    Participle,
    /// A source phrase («وفقاً لـ», «بحسب»): its object is the claimant.
    Source,
    /// «على الأرجح»: a probable claim by the speaker of the sentence.
    Hedge,
}

/// One claim found in a paragraph. Ranges are original byte ranges.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimHit {
    pub sentence: Range<usize>,
    pub cue: Range<usize>,
    pub kind: CueKind,
    pub stance: Stance,
    /// The phrase that names the claimant, as written; None when the sentence names none.
    pub claimant: Option<Range<usize>>,
    /// Where to look for a claimant's name: the words after the cue up to a boundary (and
    /// the subject before it), wider than `claimant`, for names the phrase rule cuts short.
    pub claimant_window: Option<Range<usize>>,
    pub content: Range<usize>,
    /// For the denial of reports: the index (in the returned list) of the reports' claim.
    pub denies: Option<usize>,
    /// For the reports' claim: true (its claimant is the reports themselves).
    pub reported: bool,
}

struct CueEntry {
    stance: Stance,
    kind: CueKind,
    /// The line of `cues.tsv` the verb is on: inflections of one verb (and its participles)
    /// share it, so a cue can be told apart from another verb's.
    group: usize,
    /// Folded words after the first; a lone «ل» also matches a word glued to it («لمركز»).
    rest: Vec<String>,
}

static CUES: LazyLock<FxHashMap<String, Vec<CueEntry>>> = LazyLock::new(|| {
    let lines: Vec<(usize, &str)> = include_str!("../../../assets/facts/cues.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    // The line each verb form is on, for participles that name their verb.
    let mut line_of: FxHashMap<String, usize> = FxHashMap::default();
    for &(n, line) in &lines {
        for form in line
            .split('\t')
            .nth(2)
            .unwrap_or_default()
            .split_whitespace()
        {
            if !form.contains(':') {
                line_of.entry(fold_arabic(form)).or_insert(n);
            }
        }
    }
    let mut map: FxHashMap<String, Vec<CueEntry>> = FxHashMap::default();
    for (n, line) in lines {
        let mut cols = line.split('\t');
        let (Some(stance), Some(kind), Some(forms)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let stance = match stance {
            "affirms" => Stance::Affirms,
            "denies" => Stance::Denies,
            "accuses" => Stance::Accuses,
            "distances" => Stance::Distances,
            "probable" => Stance::Probable,
            "future" => Stance::Future,
            _ => Stance::States,
        };
        let kind = match kind {
            "participle" => CueKind::Participle,
            "source" => CueKind::Source,
            "hedge" => CueKind::Hedge,
            _ => CueKind::Verb,
        };
        for form in forms.split_whitespace() {
            let (form, verb) = form.split_once(':').unwrap_or((form, ""));
            let group = line_of.get(&fold_arabic(verb)).copied().unwrap_or(n);
            let mut words = form.split('_').map(fold_arabic);
            let Some(first) = words.next() else { continue };
            let entry = CueEntry {
                stance,
                kind,
                group,
                rest: words.collect(),
            };
            map.entry(first).or_default().push(entry);
        }
    }
    // Longer phrases first, so «بحسب ما» wins over «بحسب».
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// The verb a cue belongs to, as a number shared by its inflections and participles
/// («وقالت», «قال» and «قائلة» share one): for comparing a cue found in the text with one
/// written in dictionary form. None for a word that is no cue.
pub(crate) fn cue_group(cue: &str) -> Option<usize> {
    let folded = fold_arabic(cue);
    let first = folded.split([' ', '_']).next().unwrap_or_default();
    let candidates = [
        Some(first),
        first.strip_prefix('و').filter(|s| s.chars().count() >= 2),
        first.strip_prefix('ف').filter(|s| s.chars().count() >= 3),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|w| CUES.get(w).and_then(|es| es.first()).map(|e| e.group))
}

/// Folded words that end a claimant phrase: the complementiser, prepositions, time words.
#[rustfmt::skip]
const BOUNDARY: &[&str] = &[
    "ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها", "بانهم", "الي", "عن",
    "علي", "في", "من", "خلال", "منذ", "ضد", "حول", "ازاء", "مع", "بعد", "قبل", "امس", "اليوم",
    "صباح", "مساء", "ليل", "ليله", "امام", "عبر", "يوم", "لدي", "حين", "عند", "اثر", "عقب",
    "تجاه", "ما", "لا", "لم", "لن", "قد", "وان", "فان", "الاحد", "الاثنين", "الثلاثاء",
    "الاربعاء", "الخميس", "الجمعه", "السبت", "وذلك", "هو", "هي", "كل", "بين", "الاسبوع", "الشهر",
    "السنه", "الماضي", "الجاري", "الحالي", "صباحا", "غدا", "مجددا", "رسميا", "ايضا",
];

/// Folded adverbs that may come between a verb and its subject.
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "فيه", "فيها", "ايضا", "كذلك", "مجددا", "مرارا", "رسميا", "بدوره", "بدورها", "اليوم", "امس",
    "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
];

/// Present-tense passives that introduce background, not a claim: «يُذكر أن», «يُشار إلى».
const BACKGROUND: &[&str] = &["يذكر", "يشار", "ويذكر", "ويشار", "تذكر"];

/// «أن» and its forms: the content of a claim starts after the first of them.
#[rustfmt::skip]
const COMPLEMENTISERS: &[&str] = &[
    "ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها", "بانهم", "وان", "فان",
];

/// Common nouns that head a construct naming a claimant («رئيس أذربيجان», «مصادر طبية»):
/// only after one of these may an indefinite word follow the head.
#[rustfmt::skip]
const CONSTRUCT_HEADS: &[&str] = &[
    "رئيس", "وزير", "وزيره", "مسؤول", "مسؤولون", "مسؤولين", "مصادر", "مصدر", "وزاره", "متحدث",
    "ناطق", "نائب", "قائد", "مدير", "امين", "سفير", "مندوب", "مركز", "وكاله", "هييه", "منظمه",
    "مجلس", "جيش", "قوات", "بنك", "شركه", "حكومه", "جهاز", "خبراء", "خبير", "محللون", "شهود",
    "سكان", "مكتب", "بيان", "تقرير", "دائره", "مؤسسه", "ادارة", "اداره", "مستشار", "زعيم", "قاده", "مسؤولو",
    "مصادر",
];

/// Folded words that are reports, whose truth a denial rejects.
#[rustfmt::skip]
const REPORTS: &[&str] = &[
    "التقارير", "الانباء", "المعلومات", "الادعاءات", "المزاعم", "الاتهامات", "التصريحات",
    "الروايه", "الانباء", "الاخبار", "تقارير", "انباء", "معلومات", "ادعاءات", "مزاعم", "اخبار",
];

/// Particles that may open a clause before its subject («لكن وزارة الدفاع … نفت»).
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "لكن", "ولكن", "بينما", "فيما", "كما", "ثم", "وقد", "فقد", "قد", "لقد", "حين", "اذ", "اما",
    "بدوره", "بدورها", "كان", "كانت", "وكان", "وكانت", "لكنه", "لكنها", "ولكنه", "ولكنها",
    "انه", "انها", "الا", "غير",
];

/// The sentences of a paragraph as original byte ranges, trimmed. A full stop between digits
/// («3.5») or after a single letter («أ.ف.ب») does not end a sentence.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let ends = match c {
            '!' | '?' | '؟' | '\n' => true,
            '.' => {
                let digits = prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let initial = prev.is_some_and(char::is_alphabetic)
                    && !text[..i]
                        .chars()
                        .rev()
                        .nth(1)
                        .is_some_and(char::is_alphabetic);
                !digits && !initial
            }
            _ => false,
        };
        if ends {
            push_trimmed(text, start..i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// The paragraph's words with what the rules ask of each.
struct Ctx<'f, 'a> {
    f: &'f Folded<'a>,
    words: Vec<Word>,
}

impl Ctx<'_, '_> {
    fn text(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.f.text[w.start..w.end]
    }

    /// Whether only spaces separate word `i` from word `i + 1` (no comma, quote or stop).
    fn joined(&self, i: usize) -> bool {
        let (a, b) = (self.words[i], self.words[i + 1]);
        self.f.text[a.end..b.start].trim().is_empty()
    }

    /// The punctuation between word `i` and the next, trimmed.
    fn gap(&self, i: usize) -> &str {
        let end = self.words.get(i + 1).map_or(self.f.text.len(), |w| w.start);
        self.f.text[self.words[i].end..end].trim()
    }

    fn original(&self, words: Range<usize>) -> Range<usize> {
        let (a, b) = (self.words[words.start], self.words[words.end - 1]);
        self.f.original_range(a.start..b.end)
    }

    /// The cue whose first word is word `i`: (entry, index of its last word).
    fn cue_at(&self, i: usize) -> Option<(&'static CueEntry, usize)> {
        if self.words[i].kind != WordKind::Letters {
            return None;
        }
        let w = self.text(i);
        let next = self.words.get(i + 1).map(|n| &self.f.text[n.start..n.end]);
        if BACKGROUND.contains(&w) && matches!(next, Some("ان" | "الي" | "ب")) {
            return None;
        }
        let stripped = w.strip_prefix('و').filter(|s| s.chars().count() >= 2);
        let fa = w.strip_prefix('ف').filter(|s| s.chars().count() >= 3);
        for (form, source_ok) in [(Some(w), true), (stripped, true), (fa, false)] {
            let Some(form) = form else { continue };
            let Some(entries) = CUES.get(form) else {
                continue;
            };
            for e in entries {
                if !source_ok && e.kind == CueKind::Source {
                    continue;
                }
                if let Some(last) = self.rest_matches(i, &e.rest) {
                    return Some((e, self.verb_after_ma(e, last)));
                }
            }
        }
        None
    }

    /// «بحسب ما أعلن الكرملين», «وفق ما نقلته وكالة …»: the verb after «ما» belongs to the
    /// source phrase, and the claimant follows it.
    fn verb_after_ma(&self, e: &CueEntry, last: usize) -> usize {
        let next = last + 1;
        if e.kind != CueKind::Source || self.text(last) != "ما" || next >= self.words.len() {
            return last;
        }
        if self.joined(last) && self.words[next].kind == WordKind::Letters {
            next
        } else {
            last
        }
    }

    /// Whether the words after `i` are `rest`: the index of the last word of the cue. A final
    /// «ل» glued to the claimant («لمركز») ends the cue on the word before it.
    fn rest_matches(&self, i: usize, rest: &[String]) -> Option<usize> {
        let mut j = i;
        for (k, r) in rest.iter().enumerate() {
            let next = j + 1;
            if next >= self.words.len() || !self.joined(j) {
                return None;
            }
            let t = self.text(next);
            if t == r {
                j = next;
            } else if k + 1 == rest.len() && r == "ل" && t.starts_with('ل') && t.len() > 2 {
                return Some(j);
            } else {
                return None;
            }
        }
        Some(j)
    }
}

/// Every claim in a paragraph, in order; a denial's reports claim follows the denial.
pub(crate) fn find_claims(f: &Folded) -> Vec<ClaimHit> {
    let ctx = Ctx {
        f,
        words: f.words(),
    };
    let mut out = Vec::new();
    for sentence in sentences(f.original) {
        let words: Vec<usize> = (0..ctx.words.len())
            .filter(|&i| {
                let o = f.to_original(ctx.words[i].start);
                sentence.contains(&o)
            })
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        let mut cues = Vec::new();
        let mut i = first;
        while i <= last {
            match ctx.cue_at(i) {
                Some((e, end)) => {
                    cues.push((i, end, e));
                    i = end + 1;
                }
                None => i += 1,
            }
        }
        let from = out.len();
        for (n, &(ci, ce, entry)) in cues.iter().enumerate() {
            let next_cue = cues.get(n + 1).map(|c| c.0);
            let words = first..last + 1;
            claim_of(&ctx, &sentence, words, (ci, ce, entry), next_cue, &mut out);
        }
        // A claim's content stops where the next claim's subject starts («…، وكانت روسيا
        // دعت …»), and the clause opener before that subject goes with it.
        for k in from..out.len().saturating_sub(1) {
            let next = &out[k + 1];
            let next_start = next.claimant.as_ref().map_or(next.cue.start, |c| c.start);
            let content = out[k].content.clone();
            if next_start > content.start && next_start < content.end {
                let mut kept = f.original[content.start..next_start].trim_end();
                loop {
                    let before = kept;
                    kept = kept.trim_end_matches(['،', ',', ' ']);
                    if let Some((head, last)) = kept.rsplit_once(' ')
                        && CLAUSE_OPENERS.contains(&fold_arabic(last).as_str())
                    {
                        kept = head;
                    }
                    if kept == before {
                        break;
                    }
                }
                out[k].content.end = content.start + kept.len();
            }
        }
    }
    out
}

/// Builds the claim of one cue (and, for a denial of reports, the reports' claim).
fn claim_of(
    ctx: &Ctx,
    sentence: &Range<usize>,
    words: Range<usize>,
    (ci, ce, entry): (usize, usize, &CueEntry),
    next_cue: Option<usize>,
    out: &mut Vec<ClaimHit>,
) {
    let limit = next_cue.unwrap_or(words.end);
    let after = ce + 1;
    // «وكانت وزارة المالية قد أعلنت …»: a subject before «قد» and the verb comes first.
    let after_qad = ci > words.start && matches!(ctx.text(ci - 1), "قد" | "لقد");
    let before = || match after_qad {
        true => subject_before(ctx, words.start, ci - 1),
        false => subject_before(ctx, words.start, ci),
    };
    let (claimant, window, subject_end) = match entry.kind {
        CueKind::Participle | CueKind::Hedge => (None, None, after),
        CueKind::Verb if after_qad && before().is_some() => (before(), before(), after),
        CueKind::Verb | CueKind::Source => {
            let (np, win) = subject_after(ctx, after, limit);
            match np {
                Some(np) => {
                    // «قال المدير العام للديوان، منير بن سالم، إن …»: the person named in
                    // apposition is the claimant.
                    let person = win.as_ref().and_then(|w| apposition(ctx, &np, w));
                    let end = person.as_ref().map_or(np.end, |p| p.end.max(np.end));
                    (Some(person.unwrap_or(np)), win, end)
                }
                None if entry.kind == CueKind::Verb => match before() {
                    Some(np) => (Some(np.clone()), Some(np), after),
                    None => (None, None, after),
                },
                None => (None, None, after),
            }
        }
    };
    // The content: after the claimant and a complementiser, to the next cue; a cue at the end
    // of its sentence («…، كما أعلن الكرملين.») credits what came before it.
    let mut c = subject_end;
    if let Some(k) =
        (subject_end..limit.min(subject_end + 12)).find(|&k| COMPLEMENTISERS.contains(&ctx.text(k)))
    {
        c = k + 1;
    }
    let content = if c < limit {
        let start = ctx
            .f
            .original_range(ctx.words[c].start..ctx.words[c].end)
            .start;
        let end = if next_cue.is_some() {
            ctx.original(c..limit).end
        } else {
            sentence.end
        };
        start..end.max(start)
    } else if ci > words.start {
        let start = ctx.original(words.start..ci).start;
        start..ctx.original(words.start..ci).end
    } else {
        let r = ctx.original(ci..ce + 1);
        r.end..r.end
    };
    let cue = ctx.original(ci..ce + 1);
    let index = out.len();
    out.push(ClaimHit {
        sentence: sentence.clone(),
        cue,
        kind: entry.kind,
        stance: entry.stance,
        claimant: claimant.as_ref().map(|w| ctx.original(w.clone())),
        claimant_window: window.map(|w| ctx.original(w)),
        content: content.clone(),
        denies: None,
        reported: false,
    });
    if entry.stance == Stance::Denies
        && let Some(reports) = reports_after(ctx, after, limit)
    {
        out[index].denies = Some(index + 1);
        out.push(ClaimHit {
            sentence: sentence.clone(),
            cue: ctx.original(reports.clone()),
            kind: CueKind::Verb,
            stance: Stance::States,
            claimant: Some(ctx.original(reports)),
            claimant_window: None,
            content,
            denies: None,
            reported: true,
        });
    }
}

/// The subject after a verb or the object of a source phrase: (the noun phrase, the wider
/// window to look for names in). None when a boundary word comes first.
fn subject_after(
    ctx: &Ctx,
    at: usize,
    limit: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    // Adverbs between the verb and its subject («أكدت فيه باكو», «دعت مجدداً روسيا»); a
    // comma after them means the verb has no subject after it («نفت صباح أمس، صحة …»).
    let mut at = at;
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
            || super::names::nationality(&t).is_some();
        let keep = if head_definite {
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
        };
        if !keep {
            break;
        }
        np_end += 1;
    }
    (Some(at..np_end), Some(window))
}

/// Particles and verbs that can follow a comma but never start a name.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "فقد", "وقد", "قد", "فان", "ثم", "كما", "حيث", "وهو", "وهي", "الذي", "التي", "وذلك", "اذ",
    "فيما", "بينما", "مشيرا", "مضيفا", "مؤكدا", "قائلا", "مشيره", "مضيفه", "مؤكده", "قائله", "عضو",
];

/// Titles that stand before a person's name («الدكتورة هبة سليمان», «اللواء أحمد …»).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "الدكتور", "الدكتوره", "اللواء", "العميد", "العقيد", "الفريق", "المحامي", "المحاميه", "السيد",
    "السيده", "الشيخ", "المهندس", "المهندسه", "الاستاذ", "الاستاذه", "القاضي", "النائب", "الامير",
    "الملك", "الرئيس", "الوزير", "الوزيره", "الناشط", "الناشطه", "الباحث", "الباحثه", "الخبير",
    "الخبيره", "المدرب", "اللاعب", "الفنان", "الكاتب", "الصحفي", "المتحدث", "الناطق",
];

/// A person named in the claimant phrase: after a title («الدكتورة هبة سليمان»), or in
/// apposition after a comma («المدير العام للديوان، منير بن سالم،»): two to four words with
/// no article (a leading title or nationality adjective is allowed: «البرتغالي جواو …»).
fn apposition(ctx: &Ctx, np: &Range<usize>, window: &Range<usize>) -> Option<Range<usize>> {
    let name_at = |from: usize| -> Option<Range<usize>> {
        let mut k = from;
        while k < window.end
            && (TITLES.contains(&ctx.text(k)) || super::names::nationality(ctx.text(k)).is_some())
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
fn subject_before(ctx: &Ctx, sentence_start: usize, verb: usize) -> Option<Range<usize>> {
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
fn reports_after(ctx: &Ctx, at: usize, limit: usize) -> Option<Range<usize>> {
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

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
