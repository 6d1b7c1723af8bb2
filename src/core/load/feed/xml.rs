//! A small element tree built from `quick-xml` events: names, attributes, the text directly
//! inside each element (entities and CDATA resolved) and the byte range of its content, so
//! that inline XHTML can be handed to the HTML reader as it was written. Built with an
//! explicit stack: no recursion, whatever the nesting.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One element. `children` index into [`Tree::nodes`].
#[derive(Debug, Default)]
pub(super) struct El {
    /// Qualified name as written, lower-cased (`content:encoded`, `dc:date`).
    pub name: String,
    /// Attributes, names lower-cased.
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<usize>,
    /// Byte range of the element's content in the source.
    pub inner: (usize, usize),
}

impl El {
    /// The name after any prefix.
    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A parsed document; node 0 is the root element.
#[derive(Debug)]
pub(super) struct Tree<'s> {
    pub nodes: Vec<El>,
    src: &'s str,
}

impl Tree<'_> {
    /// The source of an element's content, markup included.
    pub fn inner(&self, el: &El) -> &str {
        self.src.get(el.inner.0..el.inner.1).unwrap_or_default()
    }

    pub fn root(&self) -> Option<&El> {
        self.nodes.first()
    }

    /// Children of `el` whose qualified name is one of `names`.
    pub fn children<'a>(
        &'a self,
        el: &'a El,
        names: &'a [&str],
    ) -> impl Iterator<Item = &'a El> + 'a {
        el.children
            .iter()
            .filter_map(|&i| self.nodes.get(i))
            .filter(move |c| names.contains(&c.name.as_str()))
    }

    /// The first child of `el` named by the first of `names` present, in the order of `names`.
    pub fn first<'a>(&'a self, el: &'a El, names: &[&str]) -> Option<&'a El> {
        names.iter().find_map(|n| {
            el.children
                .iter()
                .filter_map(|&i| self.nodes.get(i))
                .find(|c| c.name == *n)
        })
    }
}

/// Parses well-formed XML; the error says what is wrong and on which line.
pub(super) fn parse(text: &str) -> Result<Tree<'_>, String> {
    let mut reader = Reader::from_str(text);
    let mut nodes: Vec<El> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut closed_root = false;
    loop {
        let before = pos(reader.buffer_position());
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (line {})", line_of(text, pos(reader.error_position()))))?;
        let after = pos(reader.buffer_position());
        match event {
            Event::Start(s) | Event::Empty(s) if closed_root && stack.is_empty() => {
                let _ = s;
                return Err(format!(
                    "a second root element (line {})",
                    line_of(text, before)
                ));
            }
            Event::Start(s) => {
                let id = open(&mut nodes, &stack, &s, after)
                    .map_err(|e| format!("{e} (line {})", line_of(text, before)))?;
                stack.push(id);
            }
            Event::Empty(s) => {
                let id = open(&mut nodes, &stack, &s, after)
                    .map_err(|e| format!("{e} (line {})", line_of(text, before)))?;
                if stack.is_empty() {
                    closed_root = true;
                }
                let _ = id;
            }
            Event::End(_) => {
                if let Some(id) = stack.pop()
                    && let Some(n) = nodes.get_mut(id)
                {
                    n.inner.1 = before;
                }
                if stack.is_empty() {
                    closed_root = true;
                }
            }
            Event::Text(t) => push_text(&mut nodes, &stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut nodes, &stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name: &str = &r;
                        quick_xml::escape::resolve_xml_entity(name)
                            .or_else(|| html_entity(name))
                            .map_or_else(|| format!("&{name};"), str::to_string)
                    }
                    Err(e) => return Err(format!("{e} (line {})", line_of(text, before))),
                };
                push_text(&mut nodes, &stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(&open) = stack.last() {
        let name = nodes.get(open).map_or("?", |n| n.name.as_str());
        return Err(format!("unexpected end of file: <{name}> is not closed"));
    }
    if nodes.is_empty() {
        return Err("no root element".into());
    }
    Ok(Tree { nodes, src: text })
}

/// HTML entities that feeds use although XML does not define them.
fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "laquo" => "«",
        "raquo" => "»",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "rlm" => "\u{200f}",
        "lrm" => "\u{200e}",
        _ => return None,
    })
}

fn pos(p: u64) -> usize {
    usize::try_from(p).unwrap_or(usize::MAX)
}

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(at)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn open(
    nodes: &mut Vec<El>,
    stack: &[usize],
    s: &BytesStart<'_>,
    after: usize,
) -> Result<usize, String> {
    let name = s.name().as_ref().to_lowercase();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| format!("bad attribute in <{name}>: {e}"))?;
        let key = a.key.as_ref().to_lowercase();
        let value = a
            .normalized_value(quick_xml::XmlVersion::default())
            .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
        attrs.push((key, value));
    }
    let id = nodes.len();
    nodes.push(El {
        name,
        attrs,
        inner: (after, after),
        ..El::default()
    });
    if let Some(&parent) = stack.last()
        && let Some(p) = nodes.get_mut(parent)
    {
        p.children.push(id);
    }
    Ok(id)
}

fn push_text(nodes: &mut [El], stack: &[usize], t: &str) {
    if let Some(&top) = stack.last()
        && let Some(n) = nodes.get_mut(top)
    {
        n.text.push_str(t);
    }
}
