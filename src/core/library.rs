//! The loaded corpus: articles newest first, looked up by id (or an unambiguous prefix of
//! one) and filtered by source and date range.

use chrono::NaiveDate;

use crate::core::article::Article;
use crate::core::text::fold_arabic;

/// The articles khabar has loaded.
#[derive(Debug, Default)]
pub struct Library {
    articles: Vec<Article>,
}

/// Why an id named no article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LookupError {
    #[error("no article has the id '{0}' (khabar list shows the ids)")]
    NotFound(String),
    #[error("the id '{id}' is ambiguous: it starts {count} ids; give more of it")]
    Ambiguous { id: String, count: usize },
}

/// Which articles to show. Empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Part of the source or credit, matched without regard to case, hamza forms or harakat.
    pub source: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Filter {
    pub fn matches(&self, article: &Article) -> bool {
        self.matches_folded(article, self.source.as_deref().map(fold_arabic).as_deref())
    }

    /// [`Filter::matches`] with the source already folded, so a library is filtered with one
    /// folding of the query rather than one per article.
    fn matches_folded(&self, article: &Article, source: Option<&str>) -> bool {
        if let Some(wanted) = source {
            let hit = [&article.source, &article.credit]
                .into_iter()
                .flatten()
                .any(|s| fold_arabic(s).contains(wanted));
            if !hit {
                return false;
            }
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(date) = article.date.as_ref().map(|d| d.date) else {
                return false;
            };
            if self.since.is_some_and(|s| date < s) || self.until.is_some_and(|u| date > u) {
                return false;
            }
        }
        true
    }
}

impl Library {
    /// Takes articles in the order they should be shown (newest first).
    pub fn new(articles: Vec<Article>) -> Self {
        Library { articles }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article whose id is `id` or starts with it.
    pub fn find(&self, id: &str) -> Result<&Article, LookupError> {
        let id = id.to_ascii_lowercase();
        let mut hits = self
            .articles
            .iter()
            .filter(|a| a.id.as_str().starts_with(&id));
        let first = hits
            .next()
            .ok_or_else(|| LookupError::NotFound(id.clone()))?;
        // The same article saved twice has the same id: not an ambiguity.
        let others = hits.filter(|a| a.id != first.id).count();
        if others > 0 {
            return Err(LookupError::Ambiguous {
                id,
                count: others + 1,
            });
        }
        Ok(first)
    }

    pub fn filter<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Article> + 'a {
        let source = filter.source.as_deref().map(fold_arabic);
        self.articles
            .iter()
            .filter(move |a| filter.matches_folded(a, source.as_deref()))
    }
}
