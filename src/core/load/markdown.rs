//! Markdown and plain-text articles with optional front matter: YAML between `---` fences
//! (read with `yaml-rust2`) or TOML between `+++` fences. The body is reduced to plain
//! paragraphs with `pulldown-cmark`: links keep their text, images vanish, markers go, list
//! items, quotes and headings become paragraphs, and a first-level heading at the very top
//! is the title when the front matter names none.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use super::draft::{Draft, FormatError};
use super::html::fragment_to_paragraphs;
use crate::core::dates::parse_machine_date;
use crate::core::text::squash_spaces;

/// Front matter fields, raw.
#[derive(Debug, Default)]
struct Front {
    title: Option<String>,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    credit: Option<String>,
    lang: Option<String>,
}

/// Whether the text starts (after a BOM and blank lines) with a `---` or `+++` fence line
/// that is closed later.
pub fn has_front_matter(text: &str) -> bool {
    split_front(text).is_some()
}

/// The fence, the front matter and the rest of the text.
fn split_front(text: &str) -> Option<(&'static str, &str, &str)> {
    let text = text.trim_start_matches('\u{feff}');
    let start = text.len() - text.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let text = &text[start..];
    let (fence, first_end) = ["---", "+++"].iter().find_map(|f| {
        // Only a text that starts with a fence is searched for its first line end: most
        // files have none, and some are one long line.
        if !text.starts_with(f) {
            return None;
        }
        let line_end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
        (text[..line_end].trim_end() == *f).then_some((*f, line_end))
    })?;
    let rest = text.get(first_end + 1..)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == fence || (fence == "---" && l == "...") {
            return Some((fence, &rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Reads a Markdown or plain-text article. Malformed front matter is
/// [`FormatError::FrontMatter`]; a text without title or body is [`FormatError::Empty`].
pub fn parse(text: &str) -> Result<Draft, FormatError> {
    let (front, body) = match split_front(text) {
        Some(("+++", fm, rest)) => (toml_front(fm)?, rest),
        Some((_, fm, rest)) => (yaml_front(fm)?, rest),
        None => (Front::default(), text.trim_start_matches('\u{feff}')),
    };
    let (heading, paragraphs) = reduce(body, front.title.is_none());
    let title = front.title.or(heading);
    if title.is_none() && paragraphs.is_empty() {
        return Err(FormatError::Empty("the text is empty".into()));
    }
    let date = front.date.as_deref().and_then(parse_machine_date);
    Ok(Draft {
        title,
        source: front.source,
        credit: front.credit,
        date_text: if date.is_none() { front.date } else { None },
        date,
        url: front.url,
        paragraphs,
        paragraph_words: Vec::new(),
        context: Vec::new(),
        lang: front.lang,
    })
}

fn pick(key: &str, value: Option<String>, front: &mut Front) {
    let Some(v) = value.map(|v| squash_spaces(&v)).filter(|v| !v.is_empty()) else {
        return;
    };
    let slot = match key.to_lowercase().as_str() {
        "title" | "headline" => &mut front.title,
        "source" | "publisher" | "site" => &mut front.source,
        "date" | "published" | "pubdate" => &mut front.date,
        "url" | "link" => &mut front.url,
        "credit" | "agency" => &mut front.credit,
        "lang" | "language" => &mut front.lang,
        _ => return,
    };
    slot.get_or_insert(v);
}

fn yaml_front(fm: &str) -> Result<Front, FormatError> {
    let docs = YamlLoader::load_from_str(fm)
        .map_err(|e| FormatError::FrontMatter(format!("YAML: {e}")))?;
    let mut front = Front::default();
    match docs.into_iter().next() {
        None | Some(Yaml::Null) => {}
        Some(Yaml::Hash(h)) => {
            for (k, v) in h {
                if let Yaml::String(k) = k {
                    let value = match v {
                        Yaml::String(s) | Yaml::Real(s) => Some(s),
                        Yaml::Integer(i) => Some(i.to_string()),
                        Yaml::Boolean(b) => Some(b.to_string()),
                        _ => None,
                    };
                    pick(&k, value, &mut front);
                }
            }
        }
        Some(_) => {
            return Err(FormatError::FrontMatter(
                "YAML front matter must be key: value pairs".into(),
            ));
        }
    }
    Ok(front)
}

fn toml_front(fm: &str) -> Result<Front, FormatError> {
    let table: toml::Table = toml::from_str(fm)
        .map_err(|e| FormatError::FrontMatter(format!("TOML: {}", e.message())))?;
    let mut front = Front::default();
    for (k, v) in table {
        let value = match v {
            toml::Value::String(s) => Some(s),
            toml::Value::Datetime(d) => Some(d.to_string()),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(f) => Some(f.to_string()),
            _ => None,
        };
        pick(&k, value, &mut front);
    }
    Ok(front)
}

/// Reduces Markdown to paragraphs; with `want_title`, a first-level heading before any
/// text is returned apart as the title.
fn reduce(md: &str, want_title: bool) -> (Option<String>, Vec<String>) {
    let mut out: Vec<String> = Vec::new();
    let mut title = None;
    let mut current = String::new();
    let mut html = String::new();
    let mut images = 0usize;
    let mut in_top_heading = false;
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = squash_spaces(current);
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                in_top_heading =
                    want_title && title.is_none() && out.is_empty() && level == HeadingLevel::H1;
            }
            Event::End(TagEnd::Heading(_)) if in_top_heading => {
                title = Some(squash_spaces(&current)).filter(|t| !t.is_empty());
                current.clear();
                in_top_heading = false;
            }
            Event::Start(Tag::HtmlBlock) => flush(&mut current, &mut out),
            Event::End(TagEnd::HtmlBlock) => {
                out.extend(fragment_to_paragraphs(&html));
                html.clear();
            }
            Event::Html(h) => html.push_str(&h),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Heading(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => flush(&mut current, &mut out),
            Event::Text(t) | Event::Code(t) if images == 0 => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    (title, out)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("---\ntitle: x\n---\nنص", true)]
    #[case("\u{feff}\n\n+++\ntitle = \"x\"\n+++\n", true)]
    #[case("---\ntitle: x\nنص بلا إغلاق", false)]
    #[case("# عنوان\n---\n", false)]
    fn front_matter_is_detected(#[case] text: &str, #[case] expected: bool) {
        assert_eq!(has_front_matter(text), expected);
    }

    #[test]
    fn yaml_front_matter_and_markdown_reduced() -> Result<(), FormatError> {
        let text = "---\ntitle: \"وزير المالية: لا ضرائب جديدة\"\npublisher: الشروق\ndate: 2021-09-12T10:00:00+02:00\nurl: https://example.org/m\ncredit: وكالة الأنباء\ntags: [اقتصاد]\n---\n\n## تصريحات\n\nقال **وزير المالية** في [مؤتمر صحفي](https://example.org) إن `الموازنة` متوازنة.\n![صورة الوزير](w.jpg)\n\n- البند الأول\n- البند الثاني\n\n> اقتباس من الخطاب\n\n<div><p>فقرة <b>HTML</b></p></div>\n";
        let d = parse(text)?;
        assert_eq!(d.title.as_deref(), Some("وزير المالية: لا ضرائب جديدة"));
        assert_eq!(d.source.as_deref(), Some("الشروق"));
        assert_eq!(d.credit.as_deref(), Some("وكالة الأنباء"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/m"));
        assert_eq!(
            d.date.as_ref().map(|p| p.date.to_string()).as_deref(),
            Some("2021-09-12")
        );
        assert_eq!(
            d.paragraphs,
            vec![
                "تصريحات",
                "قال وزير المالية في مؤتمر صحفي إن الموازنة متوازنة.",
                "البند الأول",
                "البند الثاني",
                "اقتباس من الخطاب",
                "فقرة HTML",
            ]
        );
        Ok(())
    }

    #[test]
    fn toml_front_matter_with_a_datetime() -> Result<(), FormatError> {
        let d = parse(
            "+++\ntitle = \"افتتاح المتحف\"\nsite = \"المدى\"\ndate = 2020-02-03T09:00:00+03:00\nlang = \"ar\"\n+++\nافتتح المتحف أبوابه.\n",
        )?;
        assert_eq!(d.title.as_deref(), Some("افتتاح المتحف"));
        assert_eq!(d.source.as_deref(), Some("المدى"));
        assert_eq!(d.lang.as_deref(), Some("ar"));
        assert_eq!(
            d.date.as_ref().map(|p| p.date.to_string()).as_deref(),
            Some("2020-02-03")
        );
        assert_eq!(d.paragraphs, vec!["افتتح المتحف أبوابه."]);
        Ok(())
    }

    #[test]
    fn top_heading_is_the_title_without_front_matter() -> Result<(), FormatError> {
        let d = parse("# انتخابات بلدية\n\nجرت الانتخابات *بهدوء*.\n\n# قسم\n")?;
        assert_eq!(d.title.as_deref(), Some("انتخابات بلدية"));
        assert_eq!(d.paragraphs, vec!["جرت الانتخابات بهدوء.", "قسم"]);
        Ok(())
    }

    #[rstest]
    #[case("---\ntitle: [غير مغلق\n---\nنص")]
    #[case("---\n- قائمة\n---\nنص")]
    #[case("+++\ntitle = \n+++\nنص")]
    fn malformed_front_matter(#[case] text: &str) {
        assert!(matches!(parse(text), Err(FormatError::FrontMatter(_))));
    }

    #[test]
    fn empty_text_is_empty() {
        assert!(matches!(parse("\n\n"), Err(FormatError::Empty(_))));
    }
}
