//! Saved HTML pages: headline, outlet, date and the article's main text, never navigation,
//! asides, footers, scripts or styles. Also turns HTML fragments (feed descriptions, JSON
//! bodies) into paragraphs.

use scraper::{Html, Node};

/// Block-level elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "ul",
    "ol",
    "table",
    "hr",
    "dd",
    "dt",
];
/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "footer", "form",
    "button",
];

/// Reduces an HTML fragment to its paragraphs of text (entities decoded, whitespace squashed).
pub fn fragment_to_paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    walk(doc.tree.root(), &mut current, &mut paragraphs);
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn walk(node: ego_tree::NodeRef<'_, Node>, current: &mut String, out: &mut Vec<String>) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(current, out);
                }
                walk(child, current, out);
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let p = crate::core::text::squash_spaces(current);
    if !p.is_empty() {
        out.push(p);
    }
    current.clear();
}

/// (temporary)
pub fn parse(_t: &str) -> Result<super::Draft, super::FormatError> {
    Err(super::FormatError::Html("x".into()))
}
