//! Facts: what an analyst would copy out of an article into a notebook. The quantities (with
//! what they count and who claims them), the attributed claims, the dates written in the text,
//! and the people, places and organisations named. Everything runs offline on rules and the
//! name lists in `assets/names/`; nothing here knows about terminals.
//!
//! Every fact carries a [`Span`]: its paragraph and a range in code points of that paragraph,
//! so the reader can jump to it and highlight it. Rules match on a folded copy of each
//! paragraph ([`folded::Folded`]) and report ranges of the original.
//!
//! Layout: `folded` (the matching copy and words), `numbers` (quantities), `when` (dates in
//! running text), `names` (gazetteers and trigger words), `claims` (cues, claimants, stance),
//! `compare` (the same quantity across articles); this file holds the types and `extract`.

mod claims;
pub mod compare;
pub mod eval;
mod extract;
pub mod folded;
pub mod names;
pub mod numbers;
pub mod when;

pub use claims::sentences;
pub use extract::{extract, extract_article};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::dates::{Calendar, HijriDate};

/// Where a fact is: a paragraph of the article body and a range of code points in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Person,
    Place,
    Organization,
}

/// How exact a quantity is, as the text words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// A plain number: «416 دبابة».
    #[default]
    Exact,
    /// نحو، حوالي، قرابة، زهاء، ما يقارب.
    About,
    /// أكثر من، ما يزيد على، فوق.
    MoreThan,
    /// أقل من، دون.
    LessThan,
    /// A vague plural: عشرات (≥ 20), مئات (≥ 200), آلاف (≥ 2000); the value is the floor.
    AtLeast,
    /// حتى، ما يصل إلى.
    UpTo,
}

/// The stance of a claim, from its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// قال، أعلن، ذكر، أفاد، أضاف، وفقاً لـ …
    States,
    /// أكد، شدد
    Affirms,
    /// نفى، كذّب، رفض
    Denies,
    /// اتهم
    Accuses,
    /// زعم، ادعى
    Distances,
    /// رجّح، على الأرجح
    Probable,
    /// توقّع
    Future,
}

/// A number in the text, with what it counts and who claims it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    /// The phrase as written: «نحو 200 دبابة».
    pub text: String,
    pub value: f64,
    /// The number as written: «أربع», «2.5 مليار», «٦٧٫٥».
    pub value_text: String,
    /// Where the number itself is, inside `span`.
    pub value_span: Span,
    pub approx: Approx,
    /// What it counts, in base form: «دبابة», «طائرة مسيرة», `%`.
    pub unit: Option<String>,
    /// The counted noun as written: «من الدبابات».
    pub unit_text: Option<String>,
    pub percent: bool,
    /// Index in [`Facts::claims`] of the claim the number belongs to.
    pub claim: Option<usize>,
    /// That claim's claimant (canonical).
    pub claimant: Option<String>,
    /// The country of the claimant: the side that says so.
    pub side: Option<String>,
    /// The country the number is about («خسائر قوات أذربيجان» → أذربيجان), when the sentence
    /// names one other than the claimant's.
    pub about: Option<String>,
    /// A day written in the same sentence («حتى مساء أمس»): the tally is as of then.
    pub as_of: Option<NaiveDate>,
}

/// An attributed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The sentence the claim is in.
    pub span: Span,
    pub text: String,
    /// The cue as written: «وقالت», «ووفقاً», «بحسب ما أعلن».
    pub cue: String,
    pub cue_span: Span,
    /// Who makes the claim, canonical («وزارة الدفاع الأذربيجانية»); None when nobody is named.
    pub claimant: Option<String>,
    /// The claimant as written in this sentence (None when carried over from an earlier one).
    pub claimant_text: Option<String>,
    pub claimant_span: Option<Span>,
    /// Whether the claimant was carried over from the claim before («وأضافت أن …»).
    pub inherited: bool,
    /// The claimant's country.
    pub side: Option<String>,
    pub stance: Stance,
    /// What is claimed.
    pub content: Span,
    pub content_text: String,
    /// Indices in [`Facts::quantities`] of the numbers in it.
    pub quantities: Vec<usize>,
    /// For a denial of reports: the index of the reports' claim it denies.
    pub denies: Option<usize>,
    /// For the reports' claim: the index of the denial.
    pub denied_by: Option<usize>,
}

impl Claim {
    /// The claim itself within its sentence: from the first to the last of its claimant (as
    /// written here), cue and content. What the reader highlights and tags for a claim; a
    /// sentence holding several claims has one extent each.
    pub fn extent(&self) -> Span {
        let parts = [Some(self.cue_span), Some(self.content), self.claimant_span]
            .into_iter()
            .flatten()
            .filter(|s| s.paragraph == self.span.paragraph && s.start < s.end);
        let (start, end) = parts.fold((usize::MAX, 0), |(a, b), s| (a.min(s.start), b.max(s.end)));
        if start < end {
            Span {
                paragraph: self.span.paragraph,
                start,
                end,
            }
        } else {
            self.span
        }
    }
}

/// A date written in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateFact {
    pub span: Span,
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (Gregorian, converted from Hijri).
    pub date: String,
    /// The calendar it was written in.
    pub calendar: Calendar,
    pub hijri: Option<HijriDate>,
    /// Resolved against the publication date («أمس», «الأربعاء», a day without a year).
    pub relative: bool,
    /// Hijri methods disagree by a day, or a clash was resolved by a guess.
    pub uncertain: bool,
}

/// A person, place or organisation named in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Name {
    pub span: Span,
    pub text: String,
    pub kind: NameKind,
    pub canonical: String,
    /// The country it belongs to, when known.
    pub country: Option<String>,
}

/// Everything extracted from one article, each list in text order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    pub dates: Vec<DateFact>,
    pub names: Vec<Name>,
}

/// One fact of any kind, for lists that show them all in text order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact<'a> {
    Quantity(&'a Quantity),
    Claim(&'a Claim),
    Date(&'a DateFact),
    Name(&'a Name),
}

impl Stance {
    /// The name `khabar facts --json` gives it (`states`, `denies`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::States => "states",
            Stance::Affirms => "affirms",
            Stance::Denies => "denies",
            Stance::Accuses => "accuses",
            Stance::Distances => "distances",
            Stance::Probable => "probable",
            Stance::Future => "future",
        }
    }
}

impl Approx {
    /// The sign written before a value: `~` about, `>`/`<` more/less than, `≥`/`≤` at
    /// least/up to, nothing when exact.
    pub fn symbol(self) -> &'static str {
        match self {
            Approx::Exact => "",
            Approx::About => "~",
            Approx::MoreThan => ">",
            Approx::LessThan => "<",
            Approx::AtLeast => "≥",
            Approx::UpTo => "≤",
        }
    }
}

impl Fact<'_> {
    pub fn span(&self) -> Span {
        match self {
            Fact::Quantity(q) => q.span,
            Fact::Claim(c) => c.span,
            Fact::Date(d) => d.span,
            Fact::Name(n) => n.span,
        }
    }

    /// `quantity`, `claim`, `date`, `person`, `place` or `organization`.
    pub fn kind(&self) -> &'static str {
        match self {
            Fact::Quantity(_) => "quantity",
            Fact::Claim(_) => "claim",
            Fact::Date(_) => "date",
            Fact::Name(n) => match n.kind {
                NameKind::Person => "person",
                NameKind::Place => "place",
                NameKind::Organization => "organization",
            },
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Fact::Quantity(q) => &q.text,
            Fact::Claim(c) => &c.text,
            Fact::Date(d) => &d.text,
            Fact::Name(n) => &n.text,
        }
    }
}

impl Facts {
    /// Every fact in text order (paragraph, then start); a claim comes before the facts
    /// inside its sentence.
    pub fn all(&self) -> Vec<Fact<'_>> {
        let mut all: Vec<Fact> = self.claims.iter().map(Fact::Claim).collect();
        all.extend(self.quantities.iter().map(Fact::Quantity));
        all.extend(self.dates.iter().map(Fact::Date));
        all.extend(self.names.iter().map(Fact::Name));
        let rank = |f: &Fact| match f {
            Fact::Claim(_) => 0,
            Fact::Quantity(_) => 1,
            Fact::Date(_) => 2,
            Fact::Name(_) => 3,
        };
        all.sort_by_key(|f| {
            let s = f.span();
            (s.paragraph, s.start, rank(f))
        });
        all
    }

    pub fn is_empty(&self) -> bool {
        self.quantities.is_empty()
            && self.claims.is_empty()
            && self.dates.is_empty()
            && self.names.is_empty()
    }
}

#[cfg(test)]
mod names_of_kinds {
    use super::*;

    #[test]
    fn a_stance_is_named_as_its_json() {
        for s in [
            Stance::States,
            Stance::Affirms,
            Stance::Denies,
            Stance::Accuses,
            Stance::Distances,
            Stance::Probable,
            Stance::Future,
        ] {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(Approx::Exact.symbol(), "");
        assert_eq!(Approx::AtLeast.symbol(), "≥");
    }
}
