//! Choosing the element that holds the article's text. Markup hints come first
//! (`itemprop=articleBody`, `<article>`, `<main>`, content-like classes); a hint is trusted
//! only when it holds a fair share of the page's prose. Otherwise every block is scored by
//! the prose written directly in it or its paragraphs, less its link text, in the spirit
//! of readability: a paragraph's text counts fully for its parent and half for the
//! grandparent, and a candidate's score shrinks with its link density.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::walk::{class_tokens, is_block, is_furniture, never_text, pruned, weight};

/// Text shorter than this (non-space characters) does not count as prose.
const MIN_PROSE: usize = 25;

/// Prose measures of every block of a page.
pub(super) struct Prose {
    /// Prose written directly in a block (not in its child blocks), less its link text.
    own: HashMap<NodeId, usize>,
    /// All text in a block's subtree, and the part inside links.
    total: HashMap<NodeId, (usize, usize)>,
    /// Readability-like score.
    score: HashMap<NodeId, f64>,
}

impl Prose {
    pub fn measure(doc: &Html) -> Prose {
        let root = doc.tree.root();
        let mut own_all: HashMap<NodeId, (usize, usize)> = HashMap::new();
        let mut total: HashMap<NodeId, (usize, usize)> = HashMap::new();
        let mut stack: Vec<NodeId> = vec![root.id()];
        let mut links = 0usize;
        let prune =
            |_: NodeRef<'_, Node>, e: &scraper::node::Element| never_text(e) || is_furniture(e);
        for edge in pruned(root, prune) {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(e) => {
                        if e.name() == "a" {
                            links += 1;
                        }
                        if is_block(e.name()) {
                            stack.push(node.id());
                        }
                    }
                    Node::Text(t) => {
                        let w = weight(t);
                        let top = stack.last().copied().unwrap_or(root.id());
                        let entry = own_all.entry(top).or_default();
                        entry.0 += w;
                        if links > 0 {
                            entry.1 += w;
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    let Node::Element(e) = node.value() else {
                        continue;
                    };
                    if e.name() == "a" {
                        links = links.saturating_sub(1);
                    }
                    if is_block(e.name()) && stack.last() == Some(&node.id()) {
                        stack.pop();
                        let mine = own_all.get(&node.id()).copied().unwrap_or_default();
                        let sub = total.get(&node.id()).copied().unwrap_or_default();
                        let sum = (mine.0 + sub.0, mine.1 + sub.1);
                        total.insert(node.id(), sum);
                        if let Some(&parent) = stack.last() {
                            let p = total.entry(parent).or_default();
                            p.0 += sum.0;
                            p.1 += sum.1;
                        }
                    }
                }
            }
        }
        let mut own = HashMap::new();
        let mut score: HashMap<NodeId, f64> = HashMap::new();
        for (&id, &(all, link)) in &own_all {
            let prose = all.saturating_sub(link);
            if all < MIN_PROSE || link * 2 > all {
                continue;
            }
            own.insert(id, prose);
            let Some(node) = doc.tree.get(id) else {
                continue;
            };
            let paragraph_like = match node.value() {
                Node::Element(e) => matches!(
                    e.name(),
                    "p" | "li"
                        | "blockquote"
                        | "pre"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "dd"
                        | "td"
                ),
                _ => false,
            };
            let (first, second) = if paragraph_like {
                (
                    block_parent(node),
                    block_parent(node).and_then(block_parent),
                )
            } else {
                (Some(node), block_parent(node))
            };
            if let Some(n) = first {
                *score.entry(n.id()).or_default() += prose as f64;
            }
            if let Some(n) = second {
                *score.entry(n.id()).or_default() += prose as f64 / 2.0;
            }
        }
        for (id, s) in score.iter_mut() {
            if let Some(&(all, link)) = total.get(id)
                && all > 0
            {
                *s *= 1.0 - link as f64 / all as f64;
            }
        }
        Prose { own, total, score }
    }

    /// Prose in a subtree: the sum of the own prose of its blocks.
    pub fn prose_in(&self, node: NodeRef<'_, Node>) -> usize {
        node.descendants()
            .filter_map(|n| self.own.get(&n.id()))
            .sum()
    }

    /// The best-scoring block, if any block holds prose.
    pub fn best(&self, doc: &Html) -> Option<NodeId> {
        self.score
            .iter()
            .filter(|(id, _)| doc.tree.get(**id).is_some_and(|n| n.value().is_element()))
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, _)| *id)
    }

    /// Link density of a subtree (0 when it has no text).
    pub fn link_density(&self, id: NodeId) -> f64 {
        match self.total.get(&id) {
            Some(&(all, link)) if all > 0 => link as f64 / all as f64,
            _ => 0.0,
        }
    }
}

fn block_parent(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    node.ancestors()
        .find(|a| matches!(a.value(), Node::Element(e) if is_block(e.name())))
}

/// Whether a class or id names the article's text container.
fn content_class(tokens: &[String]) -> bool {
    const PARTS: &[&str] = &[
        "article-body",
        "articlebody",
        "article_body",
        "article-content",
        "article-text",
        "articletext",
        "entry-content",
        "post-content",
        "post-body",
        "post-text",
        "story-body",
        "story-content",
        "news-body",
        "news-content",
        "news-text",
        "newsbody",
        "body-text",
        "main-content",
        "article-details",
        "details-body",
        "text-content",
        "field-body",
    ];
    tokens.iter().any(|t| {
        PARTS.iter().any(|p| t.contains(p))
            || matches!(
                t.as_str(),
                "story" | "content" | "article" | "entry" | "text" | "body"
            )
    })
}

/// The element holding the article's text: the first markup hint holding a fair share of
/// the page's prose, else the best-scoring block, else `<body>`.
pub(super) fn choose(doc: &Html, prose: &Prose) -> NodeId {
    let best = prose.best(doc);
    let best_prose = best
        .and_then(|id| doc.tree.get(id))
        .map_or(0, |n| prose.prose_in(n));
    let enough = |n: &NodeRef<'_, Node>| {
        let p = prose.prose_in(*n);
        p > 0 && p * 5 >= best_prose * 2 && prose.link_density(n.id()) < 0.5
    };
    let elements = outside_furniture(doc);
    let hints: [&dyn Fn(&scraper::node::Element) -> bool; 4] = [
        &|e| {
            e.attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        },
        &|e| e.name() == "article",
        &|e| {
            e.name() == "main"
                || e.attr("role")
                    .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        },
        &|e| is_block(e.name()) && content_class(&class_tokens(e)),
    ];
    for hint in hints {
        let most = elements
            .iter()
            .filter(|n| matches!(n.value(), Node::Element(e) if hint(e)))
            .filter(|n| enough(n))
            .max_by_key(|n| prose.prose_in(**n));
        if let Some(n) = most {
            return n.id();
        }
    }
    if let Some(id) = best {
        return id;
    }
    elements
        .iter()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"))
        .map_or(doc.tree.root().id(), |n| n.id())
}

/// The elements of a page outside subtrees that are never article text (one pass, so
/// deep nesting stays linear).
fn outside_furniture(doc: &Html) -> Vec<NodeRef<'_, Node>> {
    let mut out = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) if skipping.is_none() => {
                if let Node::Element(e) = n.value() {
                    if never_text(e) || is_furniture(e) || e.name() == "header" {
                        skipping = Some(n.id());
                    } else {
                        out.push(n);
                    }
                }
            }
            Edge::Close(n) if skipping == Some(n.id()) => skipping = None,
            _ => {}
        }
    }
    out
}
