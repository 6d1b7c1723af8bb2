//! The tags of a library, found by article: a [`TagBook`] holds the tags the journal
//! replayed and answers which of them belong to an article. A tag belongs to the article with
//! its article id, or, when the file was edited since (the id hashes the text, so it
//! changed), to the article at the same path and place in the file. Where in the article a
//! tag's text is now is `anchor`'s job; [`TagBook::placed`] runs it for one article.

use std::collections::HashMap;
use std::ffi::OsString;

use rustc_hash::FxHashMap;

use super::anchor::{Anchor, TagText, anchor_in};
use super::{DEFAULT_LABELS, Tag, TagId};
use crate::core::article::{Article, ArticleId};

/// Tags, indexed by article id and by (path, item).
#[derive(Debug, Clone, Default)]
pub struct TagBook {
    tags: Vec<Tag>,
    // Fx rather than SipHash, and paths hashed as their bytes rather than component by
    // component: every article of the library is looked up when its labels are worked out.
    by_id: FxHashMap<ArticleId, Vec<usize>>,
    /// By path, then (item, index into `tags`).
    by_place: FxHashMap<OsString, Vec<(Option<usize>, usize)>>,
}

/// A tag of an article and where its text is in the article's tag text now.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub tag: &'a Tag,
    pub anchor: Anchor,
}

impl TagBook {
    pub fn new(tags: Vec<Tag>) -> TagBook {
        let mut by_id: FxHashMap<ArticleId, Vec<usize>> = FxHashMap::default();
        let mut by_place: FxHashMap<OsString, Vec<(Option<usize>, usize)>> = FxHashMap::default();
        for (i, t) in tags.iter().enumerate() {
            by_id.entry(t.target.article.clone()).or_default().push(i);
            by_place
                .entry(t.target.path.clone().into_os_string())
                .or_default()
                .push((t.target.item, i));
        }
        TagBook {
            tags,
            by_id,
            by_place,
        }
    }

    /// Adds a tag just saved (a reader applying its own write instead of reading the
    /// journal again).
    pub fn insert(&mut self, tag: Tag) {
        let i = self.tags.len();
        self.by_id
            .entry(tag.target.article.clone())
            .or_default()
            .push(i);
        self.by_place
            .entry(tag.target.path.clone().into_os_string())
            .or_default()
            .push((tag.target.item, i));
        self.tags.push(tag);
    }

    /// Drops a tag just removed; the one dropped, if it was there.
    pub fn remove(&mut self, id: &TagId) -> Option<Tag> {
        let at = self.tags.iter().position(|t| &t.id == id)?;
        let mut tags = std::mem::take(&mut self.tags);
        let gone = tags.remove(at);
        *self = TagBook::new(tags);
        Some(gone)
    }

    /// Sets a tag's label and note, as a change event saved at `time` does.
    pub fn change(
        &mut self,
        id: &TagId,
        label: String,
        note: Option<String>,
        time: chrono::DateTime<chrono::Utc>,
    ) {
        if let Some(t) = self.tags.iter_mut().find(|t| &t.id == id) {
            t.label = label;
            t.note = note;
            t.modified = Some(time);
        }
    }

    /// Every tag, in the order they were first added.
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    pub fn get(&self, id: &TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| &t.id == id)
    }

    /// The tags of `article`, in the order they were added.
    pub fn of_article<'a>(&'a self, article: &Article) -> Vec<&'a Tag> {
        let mut at: Vec<usize> = Vec::new();
        if let Some(v) = self.by_id.get(&article.id) {
            at.extend(v);
        }
        if let Some(v) = self.by_place.get(article.path.as_os_str()) {
            at.extend(
                v.iter()
                    .filter(|(item, _)| *item == article.item)
                    .map(|(_, i)| i),
            );
        }
        if at.is_empty() {
            return Vec::new();
        }
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|i| &self.tags[i]).collect()
    }

    /// The labels on `article`, lower case, each once, sorted.
    pub fn labels_of(&self, article: &Article) -> Vec<String> {
        let mut labels: Vec<String> = self
            .of_article(article)
            .iter()
            .map(|t| t.label.to_lowercase())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        labels
    }

    /// The tags of `article` anchored in its text as it is now.
    pub fn placed(&self, article: &Article) -> Vec<Placed<'_>> {
        let tags = self.of_article(article);
        if tags.is_empty() {
            return Vec::new();
        }
        // Its length and hash are worked out once for all of its tags.
        let text = TagText::of(article);
        tags.into_iter()
            .map(|t| Placed {
                anchor: anchor_in(&t.target, &text),
                tag: t,
            })
            .collect()
    }

    /// Labels to offer: those in use, most used first, then the defaults not yet used.
    pub fn label_choices(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for t in &self.tags {
            *counts.entry(t.label.as_str()).or_default() += 1;
        }
        let mut used: Vec<(&str, usize)> = counts.into_iter().collect();
        used.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let mut out: Vec<String> = used.into_iter().map(|(l, _)| l.to_string()).collect();
        for d in DEFAULT_LABELS {
            if !out.iter().any(|l| l == d) {
                out.push(d.to_string());
            }
        }
        out
    }
}

/// A label is one word (letters, digits, `-`, `_`) of at most 40 characters; surrounding
/// spaces are dropped. The error says what is accepted.
pub fn check_label(label: &str) -> Result<String, String> {
    let label = label.trim();
    let ok = !label.is_empty()
        && label.chars().count() <= 40
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(label.to_string())
    } else {
        Err(format!(
            "the label {label:?} is not one word: use verified, disputed, false, misleading, \
             unverified, needs-source, or another word of letters, digits, - and _"
        ))
    }
}

/// Code points of tag text → (paragraph, code point range in it) for each paragraph the
/// range touches; the "\n\n" between paragraphs belongs to none.
pub fn paragraph_spans(
    paragraphs: &[String],
    start: usize,
    end: usize,
) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (p, text) in paragraphs.iter().enumerate() {
        let len = text.chars().count();
        let (s, e) = (start.max(at), end.min(at + len));
        if s < e {
            out.push((p, s - at..e - at));
        }
        at += len + 2;
        if at >= end {
            break;
        }
    }
    out
}

/// The tag-text code point where paragraph `p`'s code point `offset` is.
pub fn tag_offset(paragraphs: &[String], p: usize, offset: usize) -> usize {
    paragraphs[..p.min(paragraphs.len())]
        .iter()
        .map(|t| t.chars().count() + 2)
        .sum::<usize>()
        + offset
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::core::tags::{TagId, tag_text, target_in};

    fn article(paragraphs: &[&str]) -> Article {
        let mut a = crate::core::load::demo::load_demo().articles.remove(0);
        a.paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
        a
    }

    fn tag(a: &Article, label: &str, start: usize, end: usize) -> Tag {
        let text = tag_text(a);
        Tag {
            id: TagId::new(),
            label: label.into(),
            note: None,
            author: "t".into(),
            created: chrono::Utc::now(),
            modified: None,
            target: target_in(a, &text, start, end).unwrap(),
        }
    }

    #[test]
    fn a_tag_follows_its_article_by_id_or_by_place_after_an_edit() {
        let a = article(&["قال الوزير إن العدد 300", "ونفت الوزارة ذلك"]);
        let mut other = article(&["نص آخر"]);
        other.path = PathBuf::from("elsewhere.txt");
        other.id = ArticleId::of_content("نص آخر");
        let book = TagBook::new(vec![tag(&a, "Disputed", 4, 10), tag(&a, "false", 0, 3)]);
        assert_eq!(book.of_article(&a).len(), 2);
        assert!(book.of_article(&other).is_empty());
        assert_eq!(book.labels_of(&a), vec!["disputed", "false"]);
        // The file was edited: a new id, the same path and item.
        let mut edited = a.clone();
        edited.id = ArticleId::of_content("edited");
        edited.paragraphs.insert(0, "فقرة جديدة".into());
        let placed = book.placed(&edited);
        assert_eq!(placed.len(), 2);
        let p = placed[0].anchor.position().unwrap();
        let text = tag_text(&edited);
        let got: String = text.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(got, "الوزير");
    }

    #[test]
    fn a_book_changed_in_place_matches_one_built_afresh() {
        let a = article(&["قال الوزير إن العدد 300", "ونفت الوزارة ذلك"]);
        let (one, two, three) = (
            tag(&a, "false", 0, 3),
            tag(&a, "verified", 4, 10),
            tag(&a, "x", 11, 13),
        );
        let mut book = TagBook::new(vec![one.clone(), two.clone()]);
        book.insert(three.clone());
        assert_eq!(book.of_article(&a).len(), 3);
        assert_eq!(book.remove(&one.id).map(|t| t.id), Some(one.id.clone()));
        assert!(book.remove(&one.id).is_none());
        let when = chrono::Utc::now();
        book.change(&two.id, "disputed".into(), Some("why".into()), when);
        let changed = book.get(&two.id).unwrap();
        assert_eq!(
            (changed.label.as_str(), changed.note.as_deref()),
            ("disputed", Some("why"))
        );
        assert_eq!(changed.modified, Some(when));
        let fresh = TagBook::new(book.tags().to_vec());
        let ids = |b: &TagBook| {
            b.of_article(&a)
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&book), ids(&fresh));
        assert_eq!(ids(&book), vec![two.id, three.id]);
        assert_eq!(book.labels_of(&a), vec!["disputed", "x"]);
    }

    #[test]
    fn label_choices_put_used_labels_first_then_the_defaults() {
        let a = article(&["قال الوزير إن العدد 300"]);
        let book = TagBook::new(vec![
            tag(&a, "contested", 0, 3),
            tag(&a, "contested", 4, 10),
            tag(&a, "false", 0, 3),
        ]);
        let choices = book.label_choices();
        assert_eq!(&choices[..2], ["contested", "false"]);
        assert_eq!(choices.len(), 2 + DEFAULT_LABELS.len() - 1);
        assert!(choices.contains(&"needs-source".to_string()));
    }

    #[test]
    fn labels_are_one_word() {
        assert_eq!(check_label(" disputed ").unwrap(), "disputed");
        assert_eq!(check_label("مشكوك").unwrap(), "مشكوك");
        assert!(check_label("two words").is_err());
        assert!(check_label("").is_err());
        assert!(check_label(&"x".repeat(41)).is_err());
        assert!(check_label("a\u{1b}[31m").is_err());
    }

    #[test]
    fn tag_text_ranges_split_into_paragraph_spans() {
        let ps: Vec<String> = ["abc", "de", "fgh"].iter().map(|s| s.to_string()).collect();
        // "abc\n\nde\n\nfgh": d is at 5, f at 9.
        assert_eq!(paragraph_spans(&ps, 1, 3), vec![(0, 1..3)]);
        assert_eq!(
            paragraph_spans(&ps, 2, 10),
            vec![(0, 2..3), (1, 0..2), (2, 0..1)]
        );
        assert_eq!(paragraph_spans(&ps, 3, 5), vec![]);
        assert_eq!(tag_offset(&ps, 2, 1), 10);
        assert_eq!(tag_offset(&ps, 0, 2), 2);
    }
}
