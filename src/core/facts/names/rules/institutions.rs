//! Institutions of a country: a head («وزارة», «الجيش», «الخارجية»), the definite words
//! that complete it («الدفاع»), and a nationality adjective or «في/ب» + a listed country,
//! read as one organisation with a canonical name in the standard adjective
//! («وزارة الدفاع في أذربيجان» → «وزارة الدفاع الأذربيجانية»). A named head with its
//! complement and no country is a name too («مركز الإعلام الموحد»).

use std::borrow::Cow;

use super::{Scan, form};
use crate::core::facts::NameKind;
use crate::core::facts::names::Found;
use crate::core::facts::names::lists::{Head, HeadMode, Number};
use crate::core::facts::names::words::{Split, splits};

impl<'a> Scan<'a> {
    /// Institutions: a head, its definite complement, and a nationality or «في» + country.
    pub fn institutions(&mut self) {
        for i in 0..self.n() {
            let heads = self.classes(i).flat_map(|(s, c)| {
                c.heads
                    .iter()
                    .filter(move |(forms, _)| forms & form(s) != 0)
                    .map(move |&(_, id)| (s, id))
            });
            let mut found = None;
            for (s, id) in heads {
                let Some(head) = self.lists.heads.get(id as usize) else {
                    continue;
                };
                if let Some(n) = self.institution(i, s, head) {
                    found = Some(n);
                    break;
                }
            }
            if let Some(n) = found {
                self.push(n);
            }
        }
    }

    fn institution(&self, i: usize, s: Split<'a>, head: &'static Head) -> Option<Found> {
        let mut j = i + 1;
        for r in &head.rest {
            if !(self.t.tight(j - 1) && self.word(j) == r) {
                return None;
            }
            j += 1;
        }
        if head.mode == HeadMode::Ministry && i > 0 && self.after_minister(i - 1) {
            return None;
        }
        // «السياسة الخارجية الروسية»: after a definite noun the head is its adjective.
        if head.adjectival
            && s.clitic == 0
            && i > 0
            && self.t.tight(i - 1)
            && splits(self.word(i - 1)).any(|r| r.al)
        {
            return None;
        }
        let head_last = j - 1;
        let mut last = head_last;
        if head.mode == HeadMode::Named {
            while j < self.n() && j - head_last <= 4 && self.t.tight(j - 1) && self.is_letters(j) {
                if let Some(n) = self.listed_from(j) {
                    if head.takes_place && n.kind == NameKind::Place && j == head_last + 1 {
                        last = n.last;
                        j = n.last + 1;
                        continue;
                    }
                    break;
                }
                let w = self.word(j);
                let definite = w.starts_with("ال") || (w.starts_with("وال") && last > head_last);
                if !definite || self.is_stop(j) || self.adjective(j).is_some() {
                    break;
                }
                last = j;
                j += 1;
            }
            // «وزارة الدفاع والجيش»: a conjunct at the end is the next name's.
            if last > head_last && self.word(last).starts_with("وال") {
                last -= 1;
            }
            if last == head_last {
                return None;
            }
        }
        let start = self.t.words.get(i)?.start + s.clitic;
        let country = self.country_after(last, head.mode == HeadMode::Ministry);
        let (end_word, country) = match country {
            Some((end_word, c)) => (end_word, Some(c)),
            None if head.mode == HeadMode::Named => (last, None),
            None => return None,
        };
        let mut canonical = String::from(head.canonical);
        if last > head_last {
            canonical.push(' ');
            canonical.push_str(&self.plain(head_last + 1, last));
        }
        if let Some(c) = country
            && let Some(adj) = self.lists.standard_adjective.get(c)
        {
            canonical.push_str(" ال");
            canonical.push_str(adj);
            if head.feminine {
                canonical.push('ة');
            }
        }
        Some(Found {
            start,
            end: self.t.words.get(end_word)?.end,
            first: i,
            last: end_word,
            kind: NameKind::Organization,
            canonical: Cow::Owned(canonical),
            country,
            listed: false,
        })
    }

    /// Whether word `p` is a minister («وزير», «وزيرا», «وزيري»), whose adjective a
    /// following «الخارجية الروسي» is.
    fn after_minister(&self, p: usize) -> bool {
        let w = self.word(p);
        self.t.tight(p)
            && ["وزير", "وزرا", "ووزير", "لوزير", "بوزير"]
                .iter()
                .any(|m| w.starts_with(m))
    }

    /// The country named right after word `last`: a definite nationality adjective in the
    /// singular (feminine when `feminine`), or «في»/«ب» + a listed country. Returns the last
    /// word of the country's name and the country.
    fn country_after(&self, last: usize, feminine: bool) -> Option<(usize, &'static str)> {
        let j = last + 1;
        if !self.t.tight(last) {
            return None;
        }
        if let Some(a) = self.adjective(j) {
            return (a.number == Number::One && (a.feminine || !feminine))
                .then_some((j, a.country));
        }
        let country_from = |k: usize| {
            let n = self.listed_from(k)?;
            let country = n.country?;
            (n.kind == NameKind::Place && n.canonical == country).then_some((n.last, country))
        };
        let w = self.word(j);
        if w == "في" && self.t.tight(j) {
            return country_from(j + 1);
        }
        if w.starts_with('ب') {
            let n = self.listed_from(j)?;
            if n.start == self.t.words.get(j)?.start + 'ب'.len_utf8() {
                return country_from(j);
            }
        }
        None
    }
}
