//! What arrives from loading and from the background jobs, put into the reader's state: the
//! library (at once, or in batches while a large folder loads), bodies read again after the
//! article cache left them out, and bodies folded for search. Articles are replaced and
//! reordered here, so the selection and the article shown are kept by id, not by index.

use std::sync::Arc;

use rayon::prelude::*;

use crate::core::article::{Article, ArticleId};
use crate::core::search::SearchDoc;

use super::app::{App, Job};

/// Bodies up to this many bytes in all are folded for search before the first frame (about
/// 15 ms); a larger library shows its list first and folds its bodies in the background.
const FOLD_AT_ONCE: usize = 4 * 1024 * 1024;

impl App {
    /// Takes the loaded articles (newest first) and shows them all. A small library is
    /// folded for search at once; a large one has its titles and sources folded at once and
    /// its bodies in the background (`Job::Index`), so that its list is on screen as soon as
    /// it is loaded.
    pub fn set_articles(&mut self, articles: Vec<Article>) {
        let keep = self.remember();
        self.articles = articles.into_iter().map(Arc::new).collect();
        let bytes: usize = self
            .articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .map(String::len)
            .sum();
        if bytes <= FOLD_AT_ONCE {
            self.docs = self
                .articles
                .par_iter()
                .map(|a| SearchDoc::new(a))
                .collect();
        } else {
            self.docs = self
                .articles
                .par_iter()
                .map(|a| SearchDoc::head(a))
                .collect();
            self.index_in_background();
        }
        let pending: Vec<(usize, Arc<Article>)> = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.body_pending())
            .map(|(i, a)| (i, Arc::clone(a)))
            .collect();
        self.bodies_pending = pending.len();
        if !pending.is_empty() {
            self.jobs.push(Job::LoadBodies(pending));
        }
        self.loading = None;
        self.tags.index(&self.articles);
        self.restore(keep);
    }

    /// Adds articles read while the library is still loading (see `LoadProgress::streaming`):
    /// the list shows what has been read so far, newest first, and keeps its selection.
    pub fn add_arrived(&mut self, batch: Vec<Article>) {
        if batch.is_empty() {
            return;
        }
        let keep = self.remember();
        let mut pairs: Vec<(Arc<Article>, SearchDoc)> = std::mem::take(&mut self.articles)
            .into_iter()
            .zip(std::mem::take(&mut self.docs))
            .collect();
        pairs.extend(batch.into_iter().map(|a| {
            let doc = SearchDoc::head(&a);
            (Arc::new(a), doc)
        }));
        pairs.sort_by(|a, b| crate::core::load::newest_first(&a.0, &b.0));
        (self.articles, self.docs) = pairs.into_iter().unzip();
        self.tags.index(&self.articles);
        self.restore(keep);
    }

    /// The ids of the selected and the shown article, before the articles are replaced.
    fn remember(&self) -> (Option<ArticleId>, Option<ArticleId>) {
        let id = |i: usize| self.articles.get(i).map(|a| a.id.clone());
        (
            self.selected_article().and_then(id),
            self.current.as_ref().and_then(|c| id(c.article)),
        )
    }

    /// Finds the remembered articles again after the articles were replaced or reordered.
    fn restore(&mut self, (selected, shown): (Option<ArticleId>, Option<ArticleId>)) {
        let index_of = |id: &ArticleId| self.articles.iter().position(|a| a.id == *id);
        let moved = shown.as_ref().and_then(index_of);
        match (&mut self.current, moved) {
            (Some(current), Some(at)) => current.article = at,
            (current, _) => *current = None,
        }
        // Laid out for an index that may now be another article's.
        self.view.borrow_mut().body = None;
        let selected = selected.as_ref().and_then(index_of);
        self.refilter_keeping(selected);
        let height = self.view.borrow().rects.list_inner.height;
        self.list.follow(usize::from(height));
    }

    /// Asks for the bodies to be folded for search off the drawing thread.
    fn index_in_background(&mut self) {
        let bodies: Vec<(usize, Arc<Article>)> = self
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.paragraphs.is_empty())
            .map(|(i, a)| (i, Arc::clone(a)))
            .collect();
        self.indexing = bodies.len();
        if !bodies.is_empty() {
            self.jobs.push(Job::Index(bodies));
        }
    }

    /// Puts a body read in the background in place.
    pub fn set_body(&mut self, index: usize, paragraphs: Vec<String>) {
        let Some(slot) = self.articles.get_mut(index) else {
            return;
        };
        let mut article = Article::clone(slot);
        article.paragraphs = paragraphs;
        self.docs[index] = SearchDoc::new(&article);
        *slot = Arc::new(article);
        self.bodies_pending = self.bodies_pending.saturating_sub(1);
        if self.current.as_ref().is_some_and(|c| c.article == index) {
            self.open_current();
        }
    }

    /// Puts bodies folded in the background in place.
    pub fn set_docs(&mut self, docs: Vec<(usize, SearchDoc)>) {
        for (i, doc) in docs {
            // A body read again meanwhile was folded with it.
            if let Some(slot) = self.docs.get_mut(i)
                && !slot.has_body()
            {
                *slot = doc;
            }
        }
        self.indexing = 0;
    }
}
