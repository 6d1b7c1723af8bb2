//! The reader's state: the loaded articles and their folded search copies, which of them the
//! filter shows, the selection and scroll of each pane, the open overlay, the current
//! article's facts and search matches. Everything here is plain data that `update` changes
//! and the pane files draw; nothing here talks to the terminal.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::core::article::Article;
use crate::core::bidi::{BidiMode, LayoutOptions};
use crate::core::facts::{Facts, Span};
use crate::core::load::LoadProgress;
use crate::core::query::Query;
use crate::core::search::{Needle, SearchDoc, find_matches};
use crate::core::tags::TagId;

use super::action::Action;
use super::keymap::KeyMap;
use super::overlay::Overlay;
use super::select::Selection;
use super::tag_store::{PlacedTag, Tags};
use super::theme::Theme;
use super::view::ViewCache;

/// The three panes, left to right on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Body,
    Facts,
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

    /// Moves for a list key — down, up, top, bottom, a page or half a page (a page in an
    /// overlay's list) — within `len` items in `height` rows. False for any other action.
    pub fn go(&mut self, action: Option<Action>, len: usize, height: usize) -> bool {
        let page = height as isize;
        let delta = match action {
            Some(Action::Down) => 1,
            Some(Action::Up) => -1,
            Some(Action::Top) => isize::MIN / 2,
            Some(Action::Bottom) => isize::MAX / 2,
            Some(Action::PageDown | Action::HalfPageDown) => page,
            Some(Action::PageUp | Action::HalfPageUp) => -page,
            _ => return false,
        };
        self.step(delta, len, height);
        true
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
    Item {
        text: String,
        /// Where it is in the body; None for an orphaned tag.
        span: Option<Span>,
        /// The tag this row shows (the sidebar's tags section).
        tag: Option<TagId>,
        /// The label it is marked with: its own, or that of a tag over the fact.
        label: Option<String>,
    },
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
    /// The article's tags, placed in its text as it is now.
    pub tags: Vec<PlacedTag>,
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
    /// Read the tag journal the first time.
    ReadTags(crate::core::tags::journal::Journal),
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
    /// The tag journal, the tags it holds, and what `u` undoes.
    pub tags: Tags,
    /// Sentences of the body chosen for a tag (`t` in the body).
    pub select: Option<Selection>,
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
            tags: Tags::default(),
            select: None,
            view: RefCell::new(ViewCache::default()),
        }
    }

    /// The article the list selects.
    pub fn selected_article(&self) -> Option<usize> {
        self.shown.get(self.list.selected).copied()
    }

    /// Recomputes which articles are shown, keeping the selected one when it still is.
    pub fn refilter(&mut self) {
        self.refilter_keeping(self.selected_article());
    }

    /// [`App::refilter`], selecting article `before` when it is shown.
    pub(super) fn refilter_keeping(&mut self, before: Option<usize>) {
        let (articles, docs, query, search) =
            (&self.articles, &self.docs, &self.query, &self.search);
        let labels = self.tags.labels();
        // On every core: a search reads every title and body.
        self.shown = (0..articles.len())
            .into_par_iter()
            .filter(|&i| {
                let labels = labels.get(i).map_or(&[][..], Vec::as_slice);
                query.matches(&articles[i], &docs[i], labels)
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
        let tags = self.tags.place(article);
        let fact_rows = super::facts::rows(&facts, &tags, article.body_pending());
        self.current = Some(Current {
            article: index,
            facts,
            fact_rows,
            matches: Vec::new(),
            tags,
        });
        if !same {
            self.match_at = None;
            self.body_scroll = 0;
            self.fact_cursor = Cursor::default();
            self.highlight = None;
            self.select = None;
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

    /// The selected fact's span (None for an orphaned tag).
    pub fn selected_fact(&self) -> Option<Span> {
        match self.selected_row()? {
            FactRow::Item { span, .. } => *span,
            _ => None,
        }
    }

    /// The selected row of the sidebar.
    pub fn selected_row(&self) -> Option<&FactRow> {
        let current = self.current.as_ref()?;
        current
            .fact_rows
            .iter()
            .filter(|r| matches!(r, FactRow::Item { .. }))
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
