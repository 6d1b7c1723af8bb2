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

mod lexicon;
mod subject;

use std::ops::Range;

use super::Stance;
use super::folded::{Folded, Word, WordKind};
use crate::core::text::fold_arabic;
use lexicon::{BACKGROUND, CLAUSE_OPENERS, COMPLEMENTISERS, CUES, CueEntry, PRONOUN_OPENERS};
use subject::{apposition, reports_after, subject_after, subject_before};

pub(crate) use lexicon::cue_group;

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

/// The sentences of a paragraph as original byte ranges, trimmed. A full stop between digits
/// («3.5») or after a single letter («أ.ف.ب») does not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
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

/// Whether the text read so far is inside a quotation: «…», “…” nest; a straight " toggles.
#[derive(Default)]
struct Quotes {
    depth: usize,
    straight: bool,
}

impl Quotes {
    fn read(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                '«' | '“' => self.depth += 1,
                '»' | '”' => self.depth = self.depth.saturating_sub(1),
                '"' => self.straight = !self.straight,
                _ => {}
            }
        }
    }

    fn inside(&self) -> bool {
        self.depth > 0 || self.straight
    }
}

/// The paragraph's words with what the rules ask of each.
struct Ctx<'f, 'a> {
    f: &'f Folded<'a>,
    words: &'f [Word],
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
/// `sentences` are the paragraph's, from [`sentences`].
pub(crate) fn find_claims(f: &Folded, sentences: &[Range<usize>]) -> Vec<ClaimHit> {
    let ctx = Ctx {
        f,
        words: f.words(),
    };
    let mut out = Vec::new();
    // Sentences and words are both in text order: one cursor walks the words.
    let mut next_word = 0;
    for sentence in sentences {
        while next_word < ctx.words.len()
            && f.to_original(ctx.words[next_word].start) < sentence.start
        {
            next_word += 1;
        }
        let first = next_word;
        while next_word < ctx.words.len()
            && f.to_original(ctx.words[next_word].start) < sentence.end
        {
            next_word += 1;
        }
        if first == next_word {
            continue;
        }
        let last = next_word - 1;
        let sentence = sentence.clone();
        let mut cues = Vec::new();
        let mut i = first;
        let mut quoted = Quotes::default();
        let mut seen = ctx.words[first].start;
        while i <= last {
            // A cue inside a quotation is part of what is quoted, not a claim of its own.
            quoted.read(&f.text[seen..ctx.words[i].start]);
            seen = ctx.words[i].start;
            if quoted.inside() {
                i += 1;
                continue;
            }
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
            // A denial and the reports it rejects share their words.
            if next.reported {
                continue;
            }
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
    // «لكنها نفت إرسال …»: the pronoun is the subject, and what follows the verb its object.
    let pronoun_subject = ci > words.start && PRONOUN_OPENERS.contains(&ctx.text(ci - 1));
    let (claimant, window, subject_end) = match entry.kind {
        CueKind::Participle | CueKind::Hedge => (None, None, after),
        CueKind::Verb if pronoun_subject => (None, None, after),
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
        // What the reports say: the words after them («التقارير عن مقتل 300 جندي»), when the
        // sentence gives them; else the reports are all there is to point at.
        let phrase = ctx.original(reports.clone());
        let said = if reports.end < limit {
            let start = ctx.original(reports.end..reports.end + 1).start;
            start..content.end.max(start)
        } else {
            phrase.clone()
        };
        out.push(ClaimHit {
            sentence: sentence.clone(),
            cue: phrase.clone(),
            kind: CueKind::Verb,
            stance: Stance::States,
            claimant: Some(phrase),
            claimant_window: None,
            content: said,
            denies: None,
            reported: true,
        });
    }
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
