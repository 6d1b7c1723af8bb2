//! The reader's state: the loaded articles and their folded search copies, which of them the
//! filter shows, the selection and scroll of each pane, the open overlay, the current
//! article's facts and search matches. Everything here is plain data that `update` changes
//! and the pane files draw; nothing here talks to the terminal.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::core::article::{Article, ArticleId};
use crate::core::bidi::{BidiMode, LayoutOptions};
use crate::core::facts::{Facts, Span};
use crate::core::load::LoadProgress;
use crate::core::query::Query;
use crate::core::search::{Needle, SearchDoc, find_matches};

use super::keymap::KeyMap;
use super::overlay::Overlay;
use super::theme::Theme;
use super::view::ViewCache;

/// Bodies up to this many bytes in all are folded for search before the first frame (about
/// 15 ms); a larger library shows its list first and folds its bodies in the background.
const FOLD_AT_ONCE: usize = 4 * 1024 * 1024;

/// The three panes, left to right on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Body,
    Facts,
}

impl Pane {
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "articles",
            Pane::Body => "article",
            Pane::Facts => "facts",
        }
    }
}

/// A selection in a list, and the first row drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` within `len` items and keeps the selection inside `height` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Cursor::default();
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
        self.follow(height);
    }

    /// Scrolls just enough for the selection to be seen in `height` rows.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// A search made with `/`: the text as typed and its folded form.
#[derive(Debug, Clone)]
pub struct Search {
    pub text: String,
    pub needle: Needle,
}

/// One line of the facts sidebar.
#[derive(Debug, Clone, PartialEq)]
pub enum FactRow {
    Header(String),
    Item { text: String, span: Span },
    Empty(String),
}

/// What the body pane shows of the current article besides its text.
#[derive(Debug, Default)]
pub struct Current {
    /// Index into `App::articles`.
    pub article: usize,
    pub facts: Facts,
    pub fact_rows: Vec<FactRow>,
    /// Search matches: (paragraph, byte range), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// Work too slow for a key press, run off the drawing thread (`run`) or at once (tests).
#[derive(Debug, Clone)]
pub enum Job {
    /// Read the bodies of articles listed from the cache index.
    LoadBodies(Vec<(usize, Arc<Article>)>),
    /// Fold the bodies of these articles for search.
    Index(Vec<(usize, Arc<Article>)>),
    /// Extract facts from these articles and compare their claimed numbers.
    Claims(Vec<Arc<Article>>),
}

pub struct App {
    pub articles: Vec<Arc<Article>>,
    pub docs: Vec<SearchDoc>,
    /// Indices into `articles` the filter lets through, newest first.
    pub shown: Vec<usize>,
    pub list: Cursor,
    pub focus: Pane,
    /// Whether the sidebar shows in a layout too narrow for three panes.
    pub show_facts: bool,
    /// First row of the body drawn.
    pub body_scroll: usize,
    /// The fact selected in the sidebar, highlighted in the body.
    pub fact_cursor: Cursor,
    pub highlight: Option<Span>,
    /// Which search match `n`/`N` reached, an index into `Current::matches`.
    pub match_at: Option<usize>,
    pub current: Option<Current>,
    pub query: Query,
    pub history: Vec<String>,
    pub search: Option<Search>,
    pub overlay: Option<Overlay>,
    pub options: LayoutOptions,
    pub message: Option<Message>,
    pub loading: Option<Arc<LoadProgress>>,
    /// Bodies still being read in the background.
    pub bodies_pending: usize,
    /// Bodies still being folded for search in the background.
    pub indexing: usize,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub quit: bool,
    pub jobs: Vec<Job>,
    /// Layouts and the panes' places on screen, kept between frames.
    pub view: RefCell<ViewCache>,
}

impl App {
    pub fn new(keymap: KeyMap, theme: Theme, options: LayoutOptions) -> App {
        App {
            articles: Vec::new(),
            docs: Vec::new(),
            shown: Vec::new(),
            list: Cursor::default(),
            focus: Pane::List,
            show_facts: false,
            body_scroll: 0,
            fact_cursor: Cursor::default(),
            highlight: None,
            match_at: None,
            current: None,
            query: Query::default(),
            history: Vec::new(),
            search: None,
            overlay: None,
            options,
            message: None,
            loading: None,
            bodies_pending: 0,
            indexing: 0,
            keymap,
            theme,
            quit: false,
            jobs: Vec::new(),
            view: RefCell::new(ViewCache::default()),
        }
    }

    /// Takes the loaded articles (newest first) and shows them all. Titles and sources are
    /// folded for search at once; bodies in the background (`Job::Index`), so that the list
    /// is on screen as soon as the library is loaded.
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

    /// The article the list selects.
    pub fn selected_article(&self) -> Option<usize> {
        self.shown.get(self.list.selected).copied()
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

    /// Recomputes which articles are shown, keeping the selected one when it still is.
    pub fn refilter(&mut self) {
        self.refilter_keeping(self.selected_article());
    }

    /// [`App::refilter`], selecting article `before` when it is shown.
    fn refilter_keeping(&mut self, before: Option<usize>) {
        let (articles, docs, query, search) =
            (&self.articles, &self.docs, &self.query, &self.search);
        // On every core: a search reads every title and body.
        self.shown = (0..articles.len())
            .into_par_iter()
            .filter(|&i| {
                query.matches(&articles[i], &docs[i])
                    && search.as_ref().is_none_or(|s| s.needle.is_in(&docs[i]))
            })
            .collect();
        self.list.selected = before
            .and_then(|b| self.shown.iter().position(|&i| i == b))
            .unwrap_or(0);
        self.list.offset = self.list.offset.min(self.list.selected);
        if self.selected_article() != self.current.as_ref().map(|c| c.article) {
            self.open_current();
        } else {
            self.find_matches();
        }
    }

    /// Shows the selected article in the body: its facts and matches, scrolled to the top.
    pub fn open_current(&mut self) {
        let Some(index) = self.selected_article() else {
            self.current = None;
            return;
        };
        let same = self.current.as_ref().is_some_and(|c| c.article == index);
        let article = &self.articles[index];
        let facts = crate::core::facts::extract_article(article);
        let fact_rows = super::facts::rows(&facts, article.body_pending());
        self.current = Some(Current {
            article: index,
            facts,
            fact_rows,
            matches: Vec::new(),
        });
        if !same {
            self.match_at = None;
            self.body_scroll = 0;
            self.fact_cursor = Cursor::default();
            self.highlight = None;
        }
        self.fact_cursor.selected = self
            .fact_cursor
            .selected
            .min(self.fact_count().saturating_sub(1));
        self.find_matches();
    }

    /// The needles to highlight: the search's and the query's words.
    pub fn needles(&self) -> Vec<Needle> {
        let mut needles = self.query.highlight_needles();
        if let Some(s) = &self.search {
            needles.push(s.needle.clone());
        }
        needles
    }

    /// Finds every match of the needles in the current article's body. The match `n` reached
    /// is kept while it still exists (bodies arriving in the background refilter the list).
    fn find_matches(&mut self) {
        let needles = self.needles();
        let reached = self.match_at.take();
        let Some(current) = self.current.as_mut() else {
            return;
        };
        current.matches.clear();
        if needles.is_empty() {
            return;
        }
        let article = &self.articles[current.article];
        for (p, text) in article.paragraphs.iter().enumerate() {
            current
                .matches
                .extend(find_matches(text, &needles).into_iter().map(|r| (p, r)));
        }
        self.match_at = reached.filter(|&k| k < current.matches.len());
    }

    /// Items of the sidebar that can be selected (headers cannot).
    pub fn fact_count(&self) -> usize {
        self.current.as_ref().map_or(0, |c| {
            c.fact_rows
                .iter()
                .filter(|r| matches!(r, FactRow::Item { .. }))
                .count()
        })
    }

    /// The selected fact's span.
    pub fn selected_fact(&self) -> Option<Span> {
        let current = self.current.as_ref()?;
        current
            .fact_rows
            .iter()
            .filter_map(|r| match r {
                FactRow::Item { span, .. } => Some(*span),
                _ => None,
            })
            .nth(self.fact_cursor.selected)
    }

    /// Whether which articles are shown depends on their bodies (a search or query words):
    /// bodies arriving from the background then change the list.
    pub fn filters_read_bodies(&self) -> bool {
        self.search.is_some() || !self.query.is_empty()
    }

    pub fn mode(&self) -> BidiMode {
        self.options.mode
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// The filter as the status bar shows it.
    pub fn filter_text(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(self.query.to_string());
        }
        if let Some(s) = &self.search {
            parts.push(format!("/{}", s.text));
        }
        parts.join(" ")
    }
}
