//! Turning a piece of an HTML tree into lines of text: which elements split paragraphs,
//! which are never text (scripts, navigation, share widgets, comment sections), and the
//! link density of each line. Walks iteratively, so deeply nested markup cannot overflow
//! the stack.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

use crate::core::text::squash_spaces;

/// The edges of a depth-first walk of `root`'s subtree, leaving out the whole subtree of
/// every element `prune` names (neither its opening nor its closing edge is seen).
pub(super) fn pruned<'a>(
    root: NodeRef<'a, Node>,
    mut prune: impl FnMut(NodeRef<'a, Node>, &Element) -> bool,
) -> impl Iterator<Item = Edge<'a, Node>> {
    let mut skipping: Option<ego_tree::NodeId> = None;
    root.traverse().filter(move |edge| match (edge, skipping) {
        (Edge::Close(node), Some(id)) => {
            if node.id() == id {
                skipping = None;
            }
            false
        }
        (_, Some(_)) => false,
        (Edge::Open(node), None) => match node.value() {
            Node::Element(e) if prune(*node, e) => {
                skipping = Some(node.id());
                false
            }
            _ => true,
        },
        (Edge::Close(_), None) => true,
    })
}

/// Elements that start and end a paragraph (`<br>` is handled apart: two in a row split).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "ul",
    "ol",
    "dl",
    "table",
    "hr",
    "dd",
    "dt",
    "address",
    "center",
    "details",
    "summary",
    "body",
    "caption",
];

/// Elements whose text is never article text, whatever the page.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "footer", "form",
    "button", "select", "textarea", "input", "object", "embed", "canvas", "head", "title", "math",
];

/// Whether an element ends a paragraph.
pub(super) fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Whether an element's subtree is never text.
pub(super) fn never_text(e: &Element) -> bool {
    NEVER_TEXT.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || e.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// The lower-cased words of an element's `class` and `id`.
pub(super) fn class_tokens(e: &Element) -> Vec<String> {
    let mut tokens = Vec::new();
    for attr in ["class", "id"] {
        if let Some(v) = e.attr(attr) {
            tokens.extend(v.split_whitespace().map(str::to_ascii_lowercase));
        }
    }
    tokens
}

/// Whether a class or id names page furniture rather than article text: comments, share
/// buttons, related and most-read lists, tags, breadcrumbs, advertising, newsletters.
pub(super) fn is_furniture(e: &Element) -> bool {
    const PARTS: &[&str] = &[
        "comment",
        "share",
        "sharing",
        "social",
        "related",
        "most-read",
        "mostread",
        "most_read",
        "popular",
        "newsletter",
        "subscribe",
        "breadcrumb",
        "advert",
        "sidebar",
        "widget",
        "promo",
        "recommend",
        "trending",
        "sponsor",
        "cookie",
        "popup",
        "read-more",
        "readmore",
        "see-also",
        "more-news",
        "tags",
        "keywords",
        "navigation",
        "navbar",
        "menu",
        "footer",
        "banner",
        "print",
        "author-bio",
        "disqus",
    ];
    const WHOLE: &[&str] = &[
        "ad", "ads", "nav", "tag", "social", "modal", "hidden", "share",
    ];
    if matches!(e.name(), "article" | "main" | "body" | "p") {
        return false;
    }
    class_tokens(e).iter().any(|t| {
        WHOLE.contains(&t.as_str())
            || t.starts_with("ad-")
            || t.starts_with("ads-")
            || t.starts_with("ad_")
            || PARTS.iter().any(|p| t.contains(p))
    })
}

/// Non-space characters of a string.
pub(super) fn weight(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// How a subtree is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A fragment: every visible text, no judgement.
    Fragment,
    /// An article body: furniture, headers and captions skipped, link-dense lines dropped.
    Body,
    /// The whole page, to find datelines and bylines: only what is never text is skipped.
    Context,
}

/// One line of text and where it came from.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    /// Non-space characters inside links.
    pub link_weight: usize,
    /// Whether the line lies inside the node given as `mark` to [`lines`].
    pub marked: bool,
    /// Whether the line lies in an element whose class or id speaks of a date or byline.
    pub dateish: bool,
}

impl Line {
    /// Whether most of the line is link text (a menu, a list of related headlines).
    pub fn link_dense(&self) -> bool {
        let w = weight(&self.text);
        w > 0 && self.link_weight * 2 > w
    }
}

fn is_dateish(e: &Element) -> bool {
    e.name() == "time"
        || class_tokens(e).iter().any(|t| {
            [
                "date", "time", "byline", "author", "dateline", "publish", "posted", "meta",
            ]
            .iter()
            .any(|p| t.contains(p))
        })
}

/// Splits the subtree under `root` into lines. `skip` lists nodes left out (the headline);
/// lines inside `mark` are flagged.
pub(super) fn lines(
    root: NodeRef<'_, Node>,
    mode: Mode,
    skip: &[ego_tree::NodeId],
    mark: Option<ego_tree::NodeId>,
) -> Vec<Line> {
    let mut st = State::default();
    let prune = |node: NodeRef<'_, Node>, e: &Element| {
        node.id() != root.id() && skips(e, mode, skip.contains(&node.id()))
    };
    for edge in pruned(root, prune) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => st.text(t),
                Node::Element(e) => {
                    let name = e.name();
                    if name == "br" {
                        st.br();
                    } else if is_block(name) {
                        st.flush();
                    }
                    if name == "a" {
                        st.links += 1;
                    }
                    if Some(node.id()) == mark {
                        st.flush();
                        st.marked = true;
                    }
                    if is_dateish(e) {
                        st.flush();
                        st.dateish += 1;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if name == "a" {
                        st.links = st.links.saturating_sub(1);
                    }
                    if is_block(name) || Some(node.id()) == mark || is_dateish(e) {
                        st.flush();
                    }
                    if Some(node.id()) == mark {
                        st.marked = false;
                    }
                    if is_dateish(e) {
                        st.dateish = st.dateish.saturating_sub(1);
                    }
                }
            }
        }
    }
    st.flush();
    st.out
}

fn skips(e: &Element, mode: Mode, listed: bool) -> bool {
    if listed || never_text(e) {
        return true;
    }
    match mode {
        Mode::Fragment | Mode::Context => false,
        Mode::Body => matches!(e.name(), "header" | "figcaption" | "h1") || is_furniture(e),
    }
}

#[derive(Default)]
struct State {
    out: Vec<Line>,
    current: String,
    link_weight: usize,
    links: usize,
    pending_br: bool,
    marked: bool,
    dateish: usize,
}

impl State {
    fn text(&mut self, t: &str) {
        self.current.push_str(t);
        if self.links > 0 {
            self.link_weight += weight(t);
        }
        if t.chars().any(|c| !c.is_whitespace()) {
            self.pending_br = false;
        }
    }

    fn br(&mut self) {
        if self.pending_br {
            self.flush();
        } else {
            self.pending_br = true;
            self.current.push(' ');
        }
    }

    fn flush(&mut self) {
        let text = squash_spaces(&self.current);
        if !text.is_empty() {
            self.out.push(Line {
                text,
                link_weight: self.link_weight,
                marked: self.marked,
                dateish: self.dateish > 0,
            });
        }
        self.current.clear();
        self.link_weight = 0;
        self.pending_br = false;
    }
}
