//! What drawing keeps between frames: laid-out paragraphs (a [`LayoutCache`]), the current
//! article's body as rows at the body pane's width, and where each pane was drawn (for the
//! mouse, and for `update` to know how many rows a page is).

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::core::article::Article;
use crate::core::bidi::{Layout, LayoutCache, LayoutOptions, paragraph_direction};

/// Where the panes were drawn last (empty when hidden).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rects {
    /// The whole terminal.
    pub screen: Rect,
    pub list: Rect,
    pub body: Rect,
    pub facts: Rect,
    /// Inside the borders: the rows that hold content.
    pub list_inner: Rect,
    pub body_inner: Rect,
    pub facts_inner: Rect,
    pub overlay_inner: Rect,
}

#[derive(Debug, Default)]
pub struct ViewCache {
    pub layouts: LayoutCache,
    pub rects: Rects,
    pub body: Option<BodyView>,
}

/// Which part of the article a block of body rows shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Meta,
    Paragraph(usize),
}

/// The current article laid out at one width: its title, the line of source and date, and
/// its paragraphs, with a blank row between blocks after the heading.
#[derive(Debug, Clone)]
pub struct BodyView {
    pub article: usize,
    pub width: usize,
    pub options: LayoutOptions,
    pub paragraphs: usize,
    pub blocks: Vec<(BlockKind, Arc<Layout>)>,
    /// First row of each block.
    pub starts: Vec<usize>,
    pub rows: usize,
}

impl BodyView {
    pub fn new(
        index: usize,
        article: &Article,
        width: usize,
        options: &LayoutOptions,
        cache: &mut LayoutCache,
    ) -> BodyView {
        let width = width.max(1);
        let fallback = article.direction;
        let meta = article.byline(true);
        let mut texts: Vec<(BlockKind, &str)> = vec![(BlockKind::Title, article.title.as_str())];
        if !meta.is_empty() {
            texts.push((BlockKind::Meta, meta.as_str()));
        }
        texts.extend(
            article
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (BlockKind::Paragraph(i), p.as_str())),
        );
        let bases: Vec<(&str, crate::core::bidi::BaseDirection)> = texts
            .iter()
            .map(|&(_, t)| (t, paragraph_direction(t, fallback).into()))
            .collect();
        let laid = cache.get_all(&bases, width, options);
        let mut blocks = Vec::with_capacity(laid.len());
        let mut starts = Vec::with_capacity(laid.len());
        let mut row = 0;
        for ((kind, _), layout) in texts.iter().zip(laid) {
            // A blank row before every paragraph, none between title and meta line.
            if matches!(kind, BlockKind::Paragraph(_)) {
                row += 1;
            }
            starts.push(row);
            row += layout.len().max(1);
            blocks.push((*kind, layout));
        }
        BodyView {
            article: index,
            width,
            options: *options,
            paragraphs: article.paragraphs.len(),
            blocks,
            starts,
            rows: row,
        }
    }

    /// Whether this view is still right for `article` at `width` and `options`.
    pub fn fits(
        &self,
        index: usize,
        article: &Article,
        width: usize,
        options: &LayoutOptions,
    ) -> bool {
        self.article == index
            && self.width == width.max(1)
            && self.options == *options
            && self.paragraphs == article.paragraphs.len()
    }

    /// The body row showing byte `offset` of paragraph `p`.
    pub fn row_of(&self, p: usize, offset: usize) -> Option<usize> {
        let k = self
            .blocks
            .iter()
            .position(|(kind, _)| *kind == BlockKind::Paragraph(p))?;
        let within = self.blocks[k].1.row_of(offset).unwrap_or(0);
        Some(self.starts[k] + within)
    }

    /// The block and its row drawn at body row `row`; None for a blank row.
    pub fn at(&self, row: usize) -> Option<(usize, usize)> {
        let k = self.starts.partition_point(|&s| s <= row).checked_sub(1)?;
        let within = row - self.starts[k];
        (within < self.blocks[k].1.len()).then_some((k, within))
    }
}
