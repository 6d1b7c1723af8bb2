//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read with `quick-xml`: one [`Draft`] per item or
//! entry. Dates are kept as written and parsed by [`parse_machine_date`], never moved to
//! UTC, because the local day is the article's day.

mod xml;

#[cfg(test)]
mod tests;

use self::xml::{El, Tree};
use super::draft::{Draft, FormatError};
use super::html::{fragment_to_paragraphs, text_to_paragraphs};
use crate::core::dates::parse_machine_date;
use crate::core::text::squash_spaces;

/// Reads a feed. XML that is not well formed, or not a feed, is [`FormatError::Feed`]; a
/// feed without items is [`FormatError::Empty`].
pub fn parse(text: &str) -> Result<Vec<Draft>, FormatError> {
    let tree = xml::parse(text).map_err(FormatError::Feed)?;
    let root = tree
        .root()
        .ok_or_else(|| FormatError::Feed("no root element".into()))?;
    let drafts = match root.local() {
        "rss" => {
            let channel = tree
                .first(root, &["channel"])
                .ok_or_else(|| FormatError::Feed("an RSS feed without <channel>".into()))?;
            rss(&tree, channel, channel, root)
        }
        "rdf" => {
            let channel = tree
                .first(root, &["channel", "rss:channel"])
                .unwrap_or(root);
            rss(&tree, channel, root, root)
        }
        "feed" => atom(&tree, root),
        _ => return Err(FormatError::Feed("not an RSS or Atom feed".into())),
    };
    if drafts.is_empty() {
        return Err(FormatError::Empty("the feed has no items".into()));
    }
    Ok(drafts)
}

/// Items of an RSS channel (`holder` is the channel in RSS 2.0, the root in RSS 1.0).
fn rss(tree: &Tree<'_>, channel: &El, holder: &El, root: &El) -> Vec<Draft> {
    let source = tree
        .first(channel, &["title", "rss:title"])
        .map(|t| plain(&t.text))
        .filter(|s| !s.is_empty());
    let lang = tree
        .first(channel, &["language", "dc:language"])
        .map(|l| squash_spaces(&l.text))
        .filter(|l| !l.is_empty())
        .or_else(|| xml_lang(channel).or_else(|| xml_lang(root)));
    tree.children(holder, &["item", "rss:item"])
        .map(|item| {
            let link = tree
                .first(item, &["link", "rss:link"])
                .map(|l| squash_spaces(&l.text))
                .filter(|l| !l.is_empty())
                .or_else(|| {
                    tree.first(item, &["guid"])
                        .filter(|g| g.attr("ispermalink") != Some("false"))
                        .map(|g| squash_spaces(&g.text))
                        .filter(|g| g.starts_with("http"))
                })
                .or_else(|| item.attr("rdf:about").map(str::to_string));
            let body = tree
                .first(
                    item,
                    &[
                        "content:encoded",
                        "description",
                        "rss:description",
                        "summary",
                        "content",
                    ],
                )
                .map(|b| body_of(tree, b, "html"))
                .unwrap_or_default();
            let credit = tree
                .first(item, &["dc:creator", "author", "dc:source", "source"])
                .map(|a| plain(&a.text))
                .filter(|a| is_agency(a));
            let date = tree.first(
                item,
                &["pubdate", "dc:date", "published", "updated", "dc:modified"],
            );
            draft(
                tree.first(item, &["title", "rss:title"])
                    .map(|t| plain(&t.text)),
                source.clone(),
                credit,
                date.map(|d| d.text.as_str()),
                link,
                body,
                xml_lang(item).or_else(|| lang.clone()),
            )
        })
        .collect()
}

/// Entries of an Atom feed.
fn atom(tree: &Tree<'_>, feed: &El) -> Vec<Draft> {
    let source = tree
        .first(feed, &["title"])
        .map(|t| typed_text(tree, t))
        .filter(|s| !s.is_empty());
    let lang = xml_lang(feed);
    tree.children(feed, &["entry"])
        .map(|entry| {
            let link = tree
                .children(entry, &["link"])
                .find(|l| l.attr("rel").is_none_or(|r| r == "alternate"))
                .and_then(|l| l.attr("href"))
                .map(str::to_string)
                .or_else(|| {
                    tree.first(entry, &["id"])
                        .map(|i| squash_spaces(&i.text))
                        .filter(|i| i.starts_with("http"))
                });
            let body = tree
                .first(entry, &["content", "summary"])
                .map(|b| body_of(tree, b, "text"))
                .unwrap_or_default();
            let credit = tree
                .first(entry, &["author"])
                .and_then(|a| tree.first(a, &["name"]))
                .map(|n| plain(&n.text))
                .filter(|a| is_agency(a));
            let date = tree.first(entry, &["published", "updated", "issued"]);
            draft(
                tree.first(entry, &["title"]).map(|t| typed_text(tree, t)),
                source.clone(),
                credit,
                date.map(|d| d.text.as_str()),
                link,
                body,
                xml_lang(entry).or_else(|| lang.clone()),
            )
        })
        .collect()
}

fn draft(
    title: Option<String>,
    source: Option<String>,
    credit: Option<String>,
    date: Option<&str>,
    url: Option<String>,
    paragraphs: Vec<String>,
    lang: Option<String>,
) -> Draft {
    let raw = date.map(str::trim).filter(|d| !d.is_empty());
    let parsed = raw.and_then(parse_machine_date);
    Draft {
        title: title.filter(|t| !t.is_empty()),
        source,
        credit,
        date_text: if parsed.is_none() {
            raw.map(str::to_string)
        } else {
            None
        },
        date: parsed,
        url,
        paragraphs,
        paragraph_words: Vec::new(),
        context: Vec::new(),
        lang,
    }
}

fn xml_lang(el: &El) -> Option<String> {
    el.attr("xml:lang")
        .map(squash_spaces)
        .filter(|l| !l.is_empty())
}

/// A one-line text that may carry markup (titles are sometimes escaped HTML).
fn plain(text: &str) -> String {
    text_to_paragraphs(text).join(" ")
}

/// An Atom text construct (`type` text, html or xhtml) on one line.
fn typed_text(tree: &Tree<'_>, el: &El) -> String {
    body_of(tree, el, "text").join(" ")
}

/// Paragraphs of a description or content element. `default_type` applies when the element
/// has no `type` (RSS descriptions are HTML; Atom defaults to text).
fn body_of(tree: &Tree<'_>, el: &El, default_type: &str) -> Vec<String> {
    match el.attr("type").unwrap_or(default_type) {
        "xhtml" | "application/xhtml+xml" => fragment_to_paragraphs(tree.inner(el)),
        _ => text_to_paragraphs(&el.text),
    }
}

/// Whether a byline names a news agency rather than a person.
fn is_agency(name: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "وكالة",
        "رويترز",
        "فرانس برس",
        "فرانس بريس",
        "أ ف ب",
        "أ.ف.ب",
        "ا ف ب",
        "أسوشيتد",
        "أسوشييتد",
        "د ب أ",
        "الأناضول",
        "سبوتنيك",
        "نوفوستي",
        "شينخوا",
        "واس",
        "وام",
        "قنا",
        "كونا",
        "بترا",
        "سانا",
        "reuters",
        "afp",
        "associated press",
        "anadolu",
        "dpa",
        "xinhua",
        "agency",
        "agence",
        "news service",
    ];
    let n = name.to_lowercase();
    let words: Vec<&str> = n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    AGENCIES.iter().any(|a| {
        if a.contains(' ') || a.contains('.') || !a.is_ascii() && a.chars().count() > 4 {
            n.contains(a)
        } else {
            words.contains(a)
        }
    }) || words == ["ap"]
}
