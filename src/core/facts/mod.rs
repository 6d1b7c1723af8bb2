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

pub mod folded;
pub mod numbers;

use serde::{Deserialize, Serialize};

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
