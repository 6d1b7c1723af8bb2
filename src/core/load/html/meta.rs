//! Page metadata: `<meta>` tags (Open Graph, Twitter, Dublin Core, Parse.ly, Sailthru,
//! microdata), `<link rel=canonical>`, `<html lang>`, `<title>`, `<time>` elements and
//! JSON-LD blocks (objects, arrays, `@graph`, `@id` references to the publisher).

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::core::text::squash_spaces;

/// What the page says about itself, first value wins.
#[derive(Debug, Default)]
pub(super) struct Meta {
    /// `(key, content)` of every `<meta>`, key lower-cased from `property`, `name` or `itemprop`.
    pub tags: Vec<(String, String)>,
    pub title_tag: Option<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub ld_headline: Option<String>,
    pub ld_publisher: Option<String>,
    pub ld_date: Option<String>,
    pub ld_url: Option<String>,
}

impl Meta {
    pub fn collect(doc: &Html) -> Meta {
        let mut meta = Meta::default();
        let mut ld_blocks = Vec::new();
        for node in doc.tree.root().descendants() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let e = el.value();
            match e.name() {
                "html" if meta.lang.is_none() => meta.lang = nonempty(e.attr("lang")),
                "meta" => {
                    let key = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
                    if let (Some(k), Some(v)) = (key, nonempty(e.attr("content"))) {
                        meta.tags.push((k.trim().to_ascii_lowercase(), v));
                    }
                }
                "title" if meta.title_tag.is_none() => {
                    meta.title_tag = nonempty(Some(&el.text().collect::<String>()));
                }
                "link" if meta.canonical.is_none() => {
                    let canonical = e.attr("rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("canonical"))
                    });
                    if canonical {
                        meta.canonical = nonempty(e.attr("href"));
                    }
                }
                "script" => {
                    let ld = e
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if ld
                        && let Ok(v) = serde_json::from_str::<Value>(&el.text().collect::<String>())
                    {
                        ld_blocks.push(v);
                    }
                }
                _ => {}
            }
        }
        meta.read_json_ld(&ld_blocks);
        meta
    }

    /// The first non-empty content of the first of `keys` present.
    pub fn tag(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.tags
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    }

    fn read_json_ld(&mut self, blocks: &[Value]) {
        let mut objects = Vec::new();
        for b in blocks {
            flatten(b, &mut objects, 0);
        }
        let is_article = |o: &serde_json::Map<String, Value>| {
            types(o)
                .iter()
                .any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "Report")
        };
        let mut ordered: Vec<&serde_json::Map<String, Value>> =
            objects.iter().copied().filter(|o| is_article(o)).collect();
        let articles = ordered.len();
        ordered.extend(objects.iter().copied().filter(|o| !is_article(o)));
        self.ld_date = ordered
            .iter()
            .find_map(|o| o.get("datePublished").and_then(as_text));
        let articles = &ordered[..articles];
        self.ld_headline = articles
            .iter()
            .find_map(|o| o.get("headline").and_then(as_text));
        self.ld_url = articles.iter().find_map(|o| o.get("url").and_then(as_text));
        let publisher = articles
            .iter()
            .find_map(|o| o.get("publisher"))
            .and_then(|p| publisher_name(p, &objects));
        self.ld_publisher = publisher.or_else(|| {
            objects
                .iter()
                .filter(|o| types(o).iter().any(|t| t == "NewsMediaOrganization"))
                .find_map(|o| o.get("name").and_then(as_text))
        });
    }
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(squash_spaces).filter(|s| !s.is_empty())
}

/// Every object of a JSON-LD value: itself, array members, `@graph` members.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                flatten(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn types(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// A JSON-LD string (or the first string of an array), squashed.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(Some(s)),
        Value::Array(a) => a.iter().find_map(as_text),
        _ => None,
    }
}

fn publisher_name(p: &Value, objects: &[&serde_json::Map<String, Value>]) -> Option<String> {
    match p {
        Value::String(s) => nonempty(Some(s)),
        Value::Array(a) => a.iter().find_map(|v| publisher_name(v, objects)),
        Value::Object(o) => o.get("name").and_then(as_text).or_else(|| {
            let id = o.get("@id")?.as_str()?;
            objects
                .iter()
                .filter(|x| x.get("@id").and_then(Value::as_str) == Some(id))
                .find_map(|x| x.get("name").and_then(as_text))
        }),
        _ => None,
    }
}

/// `datetime` of a `<time>` element under `scope`; with `marked`, only one marked as the
/// publication date (`itemprop=datePublished`, `pubdate`).
pub(super) fn time_datetime(scope: ego_tree::NodeRef<'_, Node>, marked: bool) -> Option<String> {
    scope
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "time")
        .filter(|e| {
            !marked
                || e.value().attr("pubdate").is_some()
                || e.value()
                    .attr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
        })
        .find_map(|e| nonempty(e.value().attr("datetime")))
}
