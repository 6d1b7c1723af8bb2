//! Saved HTML pages: headline, outlet, date and the article's main text, never navigation,
//! asides, footers, scripts or styles. Also turns HTML fragments (feed descriptions, JSON
//! bodies) into paragraphs.
//!
//! `meta` reads what the page says about itself, `body` chooses the element holding the
//! text, `walk` turns a subtree into lines; this file puts a [`Draft`] together.

mod body;
mod meta;
mod walk;

#[cfg(test)]
mod tests;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use self::meta::Meta;
use self::walk::{Mode, is_furniture, never_text};
use super::draft::{Draft, FormatError};
use crate::core::dates::parse_machine_date;
use crate::core::text::squash_spaces;

/// Most lines kept as context around the headline, and the longest one.
const CONTEXT_LINES: usize = 12;
const CONTEXT_CHARS: usize = 300;

/// Reduces an HTML fragment to its paragraphs of text (entities decoded, whitespace squashed).
pub fn fragment_to_paragraphs(html: &str) -> Vec<String> {
    if nesting_depth(html) > MAX_DEPTH {
        // Too deep to parse in reasonable time: keep the text between the tags.
        let mut text = String::with_capacity(html.len());
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = squash_spaces(&text);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![text]
        };
    }
    let doc = Html::parse_fragment(html);
    walk::lines(doc.tree.root(), Mode::Fragment, &[], None)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// Reads a saved page. A page without any title or text is [`FormatError::Empty`].
pub fn parse(text: &str) -> Result<Draft, FormatError> {
    let depth = nesting_depth(text);
    if depth > MAX_DEPTH {
        return Err(FormatError::Html(format!(
            "elements nested {depth} deep (pages are read up to {MAX_DEPTH} deep)"
        )));
    }
    let doc = Html::parse_document(text);
    let meta = Meta::collect(&doc);
    let prose = body::Prose::measure(&doc);
    let container_id = body::choose(&doc, &prose);
    let container = doc.tree.get(container_id).unwrap_or(doc.tree.root());
    let scope = article_scope(container);
    let h1 = headline(&doc, scope);
    let h1_text = h1.map(|n| element_text(n)).filter(|t| !t.is_empty());

    let sites: Vec<String> = [
        meta.tag(&["og:site_name"]),
        meta.ld_publisher.clone(),
        meta.tag(&["application-name"]),
        meta.tag(&["twitter:site"])
            .map(|s| s.trim_start_matches('@').to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let og = meta.tag(&["og:title"]);
    let tw = meta.tag(&["twitter:title"]);
    let others: Vec<String> = [&og, &tw, &h1_text, &meta.ld_headline]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let mut suffix = None;
    let mut clean = |t: &String| {
        let (head, tail) = strip_site(t, &sites, &others);
        if suffix.is_none() {
            suffix = tail;
        }
        head
    };
    let title = og
        .as_ref()
        .map(&mut clean)
        .or_else(|| tw.as_ref().map(&mut clean))
        .or_else(|| h1_text.clone())
        .or_else(|| meta.ld_headline.as_ref().map(&mut clean))
        .or_else(|| meta.title_tag.as_ref().map(&mut clean))
        .filter(|t| !t.is_empty());
    // The <title>'s suffix names the site even when the headline came from elsewhere.
    let title_tag_suffix = || {
        let tag = meta.title_tag.as_ref()?;
        strip_site(tag, &sites, &others).1
    };
    let source = meta
        .tag(&["og:site_name"])
        .or_else(|| meta.ld_publisher.clone())
        .or_else(|| meta.tag(&["application-name"]))
        .or(suffix)
        .or_else(title_tag_suffix);

    let skip: Vec<_> = h1.map(|n| n.id()).into_iter().collect();
    let same_as_title = |p: &str| {
        let p = norm(p);
        title.as_deref().map(norm).is_some_and(|t| t == p)
            || h1_text.as_deref().map(norm).is_some_and(|t| t == p)
    };
    let paragraphs: Vec<String> = walk::lines(container, Mode::Body, &skip, None)
        .into_iter()
        .filter(|l| !l.link_dense() && !same_as_title(&l.text))
        .map(|l| l.text)
        .collect();
    if title.is_none() && paragraphs.is_empty() {
        return Err(FormatError::Empty(
            "the page has no headline and no text".into(),
        ));
    }

    let raw_dates: Vec<String> = [
        meta.tag(&[
            "article:published_time",
            "og:published_time",
            "og:article:published_time",
        ]),
        meta.tag(&["datepublished"]),
        meta::time_datetime(doc.tree.root(), true),
        meta::time_datetime(scope, false),
        meta.ld_date.clone(),
        meta.tag(&[
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
        ]),
    ]
    .into_iter()
    .flatten()
    .collect();
    let date = raw_dates.iter().find_map(|d| parse_machine_date(d));
    let date_text = if date.is_none() {
        raw_dates.first().cloned()
    } else {
        None
    };
    let context = if date.is_none() {
        context_lines(&doc, scope, paragraphs.first(), title.as_deref())
    } else {
        Vec::new()
    };
    Ok(Draft {
        title,
        source,
        credit: None,
        date,
        date_text,
        url: meta
            .tag(&["og:url"])
            .or(meta.canonical.clone())
            .or(meta.ld_url.clone()),
        paragraphs,
        paragraph_words: Vec::new(),
        context,
        lang: meta.lang.clone(),
    })
}

/// Lower-cased, squashed text for comparisons.
fn norm(s: &str) -> String {
    squash_spaces(s).to_lowercase()
}

fn element_text(n: NodeRef<'_, Node>) -> String {
    let lines: Vec<String> = walk::lines(n, Mode::Fragment, &[], None)
        .into_iter()
        .map(|l| l.text)
        .collect();
    lines.join(" ")
}

fn is_named(n: &NodeRef<'_, Node>, names: &[&str]) -> bool {
    matches!(n.value(), Node::Element(e) if names.contains(&e.name()))
}

/// The part of the page around the text: the `<article>` holding the container, else the
/// `<main>`, else the container itself.
fn article_scope(container: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let mut up = std::iter::once(container).chain(container.ancestors());
    if let Some(a) = up.find(|n| is_named(n, &["article"])) {
        return a;
    }
    std::iter::once(container)
        .chain(container.ancestors())
        .find(|n| is_named(n, &["main"]))
        .unwrap_or(container)
}

/// The headline element: the first `<h1>` of the article, else the first `<h1>` outside
/// the site's header and furniture.
fn headline<'a>(doc: &'a Html, scope: NodeRef<'a, Node>) -> Option<NodeRef<'a, Node>> {
    let visible = |n: &NodeRef<'_, Node>| {
        !n.ancestors().any(|a| match a.value() {
            Node::Element(e) => never_text(e) || is_furniture(e) || e.name() == "header",
            _ => false,
        })
    };
    scope
        .descendants()
        .find(|n| is_named(n, &["h1"]))
        .or_else(|| {
            doc.tree
                .root()
                .descendants()
                .find(|n| is_named(n, &["h1"]) && visible(n))
        })
}

/// Removes a site name after « | », « - », « – », « — » or « :: » from a title; returns the
/// title and the removed suffix. A suffix goes only when it looks like a site name: it names
/// one of `sites`, what precedes it is another headline of the page, or, after `|` or
/// `::`, it is the shorter part. Dashes occur in headlines, so shortness alone does not do
/// for them.
fn strip_site(title: &str, sites: &[String], others: &[String]) -> (String, Option<String>) {
    const SEPARATORS: &[&str] = &[" | ", " :: ", " - ", " – ", " — ", " » ", " « "];
    let mut head = squash_spaces(title);
    let mut removed = None;
    for _ in 0..2 {
        let Some((at, sep)) = SEPARATORS
            .iter()
            .filter_map(|s| head.rfind(s).map(|i| (i, *s)))
            .max_by_key(|(i, _)| *i)
        else {
            break;
        };
        let (h, t) = (
            head[..at].trim().to_string(),
            head[at + sep.len()..].trim().to_string(),
        );
        let (nh, nt) = (norm(&h), norm(&t));
        if nh.is_empty() || nt.is_empty() {
            break;
        }
        let names_site = sites
            .iter()
            .map(|s| norm(s))
            .any(|s| !s.is_empty() && (s == nt || s.contains(&nt) || nt.contains(&s)));
        let other_headline = others.iter().any(|o| norm(o) == nh) || nh == nt;
        let shorter = matches!(sep, " | " | " :: ") && t.chars().count() < h.chars().count();
        if !(names_site || other_headline || shorter) {
            break;
        }
        removed.get_or_insert(t);
        head = h;
    }
    (head, removed)
}

/// Visible lines near the headline, for the loader to find a written date or a byline:
/// the lines of the article scope before its text, and lines in date- or byline-like
/// elements anywhere, in page order.
fn context_lines(
    doc: &Html,
    scope: NodeRef<'_, Node>,
    first: Option<&String>,
    title: Option<&str>,
) -> Vec<String> {
    let lines = walk::lines(doc.tree.root(), Mode::Context, &[], Some(scope.id()));
    let body_start = first
        .and_then(|f| lines.iter().position(|l| l.marked && &l.text == f))
        .unwrap_or(lines.len());
    let first_marked = lines.iter().position(|l| l.marked).unwrap_or(lines.len());
    let near_from = body_start.saturating_sub(8).max(first_marked);
    let title = title.map(norm);
    let mut out: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let near = l.marked
            && i >= near_from
            && (i < body_start || (i < body_start + 3 && looks_like_dateline(&l.text)));
        if !(near || l.dateish) || l.link_dense() || l.text.chars().count() > CONTEXT_CHARS {
            continue;
        }
        if title.as_deref() == Some(norm(&l.text).as_str()) || out.contains(&l.text) {
            continue;
        }
        out.push(l.text.clone());
        if out.len() == CONTEXT_LINES {
            break;
        }
    }
    out
}

/// A short line with digits: a dateline or a byline with a date, even inside the body.
fn looks_like_dateline(line: &str) -> bool {
    line.chars().count() <= 120
        && line
            .chars()
            .any(|c| crate::core::text::digit_value(c).is_some())
}

/// Paragraphs of a text that may be HTML (a feed description, a JSON body): HTML goes
/// through [`fragment_to_paragraphs`]; plain text is split on blank lines when it has any,
/// else on line ends.
pub(crate) fn text_to_paragraphs(text: &str) -> Vec<String> {
    if looks_like_html(text) {
        return fragment_to_paragraphs(text);
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let blank_lines = text.split('\n').any(|l| l.trim().is_empty())
        && text.trim().contains('\n')
        && text.trim().split('\n').any(|l| l.trim().is_empty());
    let parts: Vec<&str> = if blank_lines {
        text.split("\n\n").collect()
    } else {
        text.split('\n').collect()
    };
    parts
        .iter()
        .map(|p| squash_spaces(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a text holds HTML tags or entities.
fn looks_like_html(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        || ["&amp;", "&quot;", "&nbsp;", "&#", "&lt;", "&gt;"]
            .iter()
            .any(|e| text.contains(e))
}

/// Deeper nesting than any real page has. The HTML parser checks the open elements at every
/// tag, so a hostile page nested a hundred thousand deep would take minutes.
const MAX_DEPTH: usize = 2_000;

/// The deepest element nesting in `html`, estimated from its tags without parsing: void
/// elements and those the parser closes by itself (`p`, `li`, `td` …) do not count, nor do
/// comments or the contents of scripts and styles.
fn nesting_depth(html: &str) -> usize {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "tbody",
        "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "optgroup",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = bytes[i..].iter().position(|&b| b == b'<') {
        i += k + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest[usize::from(closing)..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        if rest[..end].ends_with('/') {
            continue;
        }
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i += rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}
