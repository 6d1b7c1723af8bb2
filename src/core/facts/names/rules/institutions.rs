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
use crate::core::facts::names::words::{Split, is_letter, splits};

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
        let named = matches!(head.mode, HeadMode::Named | HeadMode::Definite);
        let (mut last, items) = if named {
            self.complement(head_last, head)
        } else {
            (head_last, 0)
        };
        let complement_last = last;
        // «المؤسسة السورية للحبوب», «الديوان الوطني التونسي للسياحة»: a nationality
        // before the «لـ» part.
        let mut country = None;
        let mut adjective_at_end = false;
        // A definite head takes its nationality first («المؤسسة السورية للحبوب»).
        if named
            && (items > 0 || head.mode == HeadMode::Definite)
            && let Some((k, c)) = self.nationality_after(last, false)
        {
            country = Some(c);
            last = k;
            adjective_at_end = true;
        }
        let of_last = named.then(|| self.of_part(last, head)).flatten();
        if let Some(k) = of_last {
            last = k;
            adjective_at_end = false;
        }
        let mut place = None;
        if country.is_none() || of_last.is_some() {
            match self.country_after(last, head.mode == HeadMode::Ministry, named) {
                Some(After::Adjective(k, c)) | Some(After::Country(k, c)) if of_last.is_none() => {
                    country = Some(c);
                    last = k;
                    adjective_at_end = true;
                }
                Some(After::Adjective(..)) => {}
                Some(After::Country(k, c)) => {
                    place = Some(k);
                    country = country.or(Some(c));
                    last = k;
                }
                Some(After::Place(k, c)) => {
                    place = Some(k);
                    country = country.or(c);
                    last = k;
                }
                None => {}
            }
        }
        // A nationality counts as a word of a definite head's name; a city after «في» is no
        // evidence that «مركز الاستلام في القامشلي» is a name.
        let national = country.is_some() && place.is_none_or(|_| adjective_at_end);
        let items = items + usize::from(head.mode == HeadMode::Definite && national);
        // «مصرف لبنان», «منتخب مصر»: a listed place right after a head that takes one.
        let place_named = head.takes_place
            && self
                .listed_from(head_last + 1)
                .is_some_and(|n| n.kind == NameKind::Place && n.last == complement_last);
        let enough = match head.mode {
            HeadMode::Named if head.strong || place_named || head.media => items >= 1,
            HeadMode::Named => items >= 2 || of_last.is_some() || national,
            HeadMode::Definite => items >= 1 && (of_last.is_some() || national),
            HeadMode::Country | HeadMode::Ministry => country.is_some() || head.alone,
        };
        if !enough {
            return None;
        }
        let start = self.t.words.get(i)?.start + s.clitic;
        let mut canonical = String::from(head.canonical);
        // The words after the head as written, with a nationality in its standard form; a
        // trailing nationality (or «في» + country) is added back as the standard adjective.
        let body_last = if adjective_at_end && place.is_none() {
            self.adjective_start(last)
        } else {
            last + 1
        };
        for k in head_last + 1..body_last {
            canonical.push(' ');
            match self.adjective(k).filter(|a| a.number == Number::One) {
                Some(a) => canonical.push_str(&self.standard(a.country, a.feminine)),
                None => canonical.push_str(&self.plain(k, k)),
            }
        }
        if adjective_at_end
            && place.is_none()
            && let Some(c) = country
        {
            canonical.push(' ');
            canonical.push_str(&self.standard(c, head.feminine));
        }
        Some(Found {
            start,
            end: self.t.words.get(last)?.end,
            first: i,
            last,
            kind: NameKind::Organization,
            canonical: Cow::Owned(canonical),
            country,
            listed: false,
        })
    }

    /// The definite words that complete a head («وزارة الدفاع», «الهيئة العامة»), with a
    /// construct noun before a definite word («هيئة ميناء الإسكندرية») and a listed place
    /// where the head takes one («جامعة القاهرة»). Returns the last word and how many items.
    fn complement(&self, head_last: usize, head: &Head) -> (usize, usize) {
        let mut last = head_last;
        let mut items = 0;
        let mut j = head_last + 1;
        while j < self.n() && items < 5 && self.t.tight(j - 1) && self.is_letters(j) {
            if let Some(n) = self.listed_from(j) {
                let after_construct = last > head_last && !self.word(last).starts_with("ال");
                if n.kind == NameKind::Place
                    && ((head.takes_place && j == head_last + 1) || after_construct)
                    && n.start == self.t.words[j].start
                {
                    items += 1;
                    last = n.last;
                    j = n.last + 1;
                    continue;
                }
                break;
            }
            let w = self.word(j);
            if self.is_stop(j) || self.adjective(j).is_some() || self.listed[j].is_some() {
                break;
            }
            // «صحيفة عكاظ»: a newspaper's name is often a word of its own.
            let media_name = head.media
                && last == head_last
                && !w.starts_with("ال")
                && !w.ends_with('ه')
                && w.chars().count() >= 3
                && w.chars().all(is_letter)
                && !(self.t.tight(j) && self.word(j + 1).starts_with("ال"));
            let ok = if media_name || w.starts_with("ال") {
                true
            } else if w.starts_with("وال") {
                // «وزارة الحج والعمرة»; but a head after «و» starts the next name
                // («وزارة الدفاع والقوات المسلحة»).
                items > 0 && !self.is_head(j)
            } else {
                // A construct noun right after the head or another one («هيئة ميناء
                // الإسكندرية»), a definite word or a listed place after it; after a definite
                // word it starts another phrase («وزارة التربية والتعليم تعطيل الدراسة»).
                (last == head_last
                    || !(self.word(last).starts_with("ال") || self.word(last).starts_with("وال")))
                    && !w.starts_with(['و', 'ب', 'ل', 'ف', 'ك'])
                    && !w.ends_with("يه")
                    && self.t.tight(j)
                    && ((self.word(j + 1).starts_with("ال")
                        && !self.is_stop(j + 1)
                        && self.adjective(j + 1).is_none())
                        || self.listed_from(j + 1).is_some())
            };
            if !ok {
                break;
            }
            items += 1;
            last = j;
            j += 1;
        }
        (last, items)
    }

    /// The «لـ» part of a name: «للأرصاد الجوية», «لكرة القدم». After a definite head any
    /// definite words; after another head only a listed name («للأمم المتحدة»), since
    /// «قالت وزارة الدفاع للصحفيين» is not a name. Returns its last word.
    fn of_part(&self, last: usize, head: &Head) -> Option<usize> {
        let j = last + 1;
        if !self.t.tight(last) || !self.is_letters(j) {
            return None;
        }
        let w = self.word(j);
        if let Some(n) = self.listed_from(j)
            && n.kind != NameKind::Person
            && w.starts_with('ل')
        {
            return Some(n.last);
        }
        // «مركز الحياد لمراقبة الانتخابات», «الجامعة الملكية المغربية لكرة القدم»: ل + a
        // construct noun + a definite word, after a definite or a weak head (a ministry
        // «لإجراء الانتخابات» is doing something, not named).
        let construct = w.starts_with('ل')
            && !w.starts_with("لل")
            && !self.is_stop(j)
            && w.chars().nth(2).is_some()
            && self.t.tight(j)
            && self.word(j + 1).starts_with("ال")
            && !self.is_stop(j + 1)
            && self.adjective(j + 1).is_none();
        if construct && (head.mode == HeadMode::Definite || !head.strong) {
            return Some(j + 1);
        }
        if head.mode != HeadMode::Definite || !w.starts_with("لل") {
            return None;
        }
        // «للأرصاد الجوية», «للمشاريع والإرث»: the definite words after it.
        let mut end = j;
        let mut k = j + 1;
        while k < self.n()
            && k - j <= 2
            && self.t.tight(k - 1)
            && (self.word(k).starts_with("ال") || self.word(k).starts_with("وال"))
            && !self.is_stop(k)
            && !self.is_head(k)
            && self.adjective(k).is_none()
        {
            end = k;
            k += 1;
        }
        Some(end)
    }

    /// The first word of a trailing nationality: the adjective itself, or «في» of «في X».
    fn adjective_start(&self, last: usize) -> usize {
        if self.adjective(last).is_some() {
            return last;
        }
        // «في أذربيجان» / «بأذربيجان»: the place's first word, then «في» before it.
        let mut k = last;
        while k > 0
            && self.listed.get(k - 1).copied().flatten() == self.listed.get(last).copied().flatten()
        {
            k -= 1;
        }
        if k > 0 && self.word(k - 1) == "في" {
            k - 1
        } else {
            k
        }
    }

    /// The standard adjective of a country with the article («الأذربيجانية»).
    fn standard(&self, country: &str, feminine: bool) -> String {
        match self.lists.standard_adjective.get(country) {
            Some(adj) => format!("ال{adj}{}", if feminine { "ة" } else { "" }),
            None => country.to_string(),
        }
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

    /// A definite nationality adjective in the singular right after word `last` (feminine
    /// when `feminine`): its word and country.
    fn nationality_after(&self, last: usize, feminine: bool) -> Option<(usize, &'static str)> {
        let j = last + 1;
        let a = self.adjective(j).filter(|_| self.t.tight(last))?;
        (a.number == Number::One && (a.feminine || !feminine)).then_some((j, a.country))
    }

    /// What follows word `last` that places an institution: a nationality adjective,
    /// «في»/«ب» and a listed country, or (for a named institution, `any_place`) «في» and
    /// another listed place («دائرة الطيران المدني في دبي»).
    fn country_after(&self, last: usize, feminine: bool, any_place: bool) -> Option<After> {
        if let Some((k, c)) = self.nationality_after(last, feminine) {
            return Some(After::Adjective(k, c));
        }
        let j = last + 1;
        if !self.t.tight(last) {
            return None;
        }
        let place_at = |k: usize, clitic: usize| {
            let n = self.listed_from(k)?;
            if n.kind != NameKind::Place || n.start != self.t.words.get(k)?.start + clitic {
                return None;
            }
            match n.country {
                Some(c) if n.canonical == c => Some(After::Country(n.last, c)),
                _ if any_place => Some(After::Place(n.last, n.country)),
                _ => None,
            }
        };
        let w = self.word(j);
        if w == "في" && self.t.tight(j) {
            return place_at(j + 1, 0);
        }
        if w.starts_with('ب') {
            return place_at(j, 'ب'.len_utf8());
        }
        None
    }
}

/// What places an institution after its name.
enum After {
    /// «الآذرية»: the adjective's word and country.
    Adjective(usize, &'static str),
    /// «في أذربيجان»: the country's last word and the country.
    Country(usize, &'static str),
    /// «في دبي»: the place's last word and its country, if known.
    Place(usize, Option<&'static str>),
}
